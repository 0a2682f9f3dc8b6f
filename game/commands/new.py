"""new: write a new pack to start from: it validates, and under `validate --strict`
only its placeholders (texts the author must replace, marked GANTI / REPLACE) are
reported.

    python run_game.py new PACK_ID [--dir DIR] [--lang id|en]

What it prints, and the comments in the pack it writes, are in the author's language (`--lang`, else the remembered
language, else id).

Exit codes: 0 created; 1 the folder exists or cannot be written (or, should
the format change under the scaffold, the new pack has problems); 2 a bad id.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.commands.author_lang import add_lang_argument, author_tr, help_language, language_of

NAME = "new"
HELP = "write a new pack to start from"


def add_arguments(p: argparse.ArgumentParser) -> None:
    lang = help_language(p)
    p.description = author_tr("new_description", lang)
    p.add_argument("pack_id", metavar="PACK_ID", help=author_tr("new_help_id", lang))
    p.add_argument("--dir", type=Path, metavar="DIR", help=author_tr("new_help_dir", lang))
    add_lang_argument(p)


def run(args: argparse.Namespace) -> int:
    from game import paths
    from game.authoring.scaffold import create_pack, shown
    from game.authoring.schema import default_dir
    from game.content.problems import say
    lang = language_of(args)
    parent = args.dir if args.dir is not None else paths.SCENARIOS
    try:
        folder = create_pack(args.pack_id, parent, default_dir(), lang)
    except (ValueError, FileExistsError) as exc:
        message = say(exc.args[0], lang) if exc.args else str(exc)
        print(author_tr("error_line", lang, message=message), file=sys.stderr)
        return 2 if isinstance(exc, ValueError) else 1
    except OSError as exc:
        print(author_tr("error_line", lang, message=author_tr(
            "new_cannot_create", lang, folder=str(parent), why=str(exc.strerror or exc))),
            file=sys.stderr)
        return 1
    from game.content.validate import load_pack
    errors = [p for p in load_pack(folder).problems if p.severity == "error"]
    for problem in errors:  # none, unless the format changed under the scaffold
        print(problem.shown(lang), file=sys.stderr)
    where = shown(folder)
    print(author_tr("new_created", lang, folder=where))
    print(author_tr("new_replace", lang))
    print(author_tr("new_next", lang))
    print(f"  python run_game.py validate {where} --strict")
    print(f"  python run_game.py preview --pack {where} rec-offer")
    print(f"  python run_game.py simulate --pack {where} --games 500 --report report.html")
    print(f"  python run_game.py --pack {where}")
    return 1 if errors else 0

