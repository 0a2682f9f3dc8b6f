"""schema: JSON Schema of pack.yaml and of a card file, for editors.

    python run_game.py schema [--out DIR] [--check]
    python run_game.py schema --pack P [--out DIR] [--check]

Prints the path of each file written. With --pack the schema carries that
pack's ids (cards, outcomes, documents, contacts, flags) as the allowed values
of `next:`, `outcome:`, documents, `contact:`, `endings` and the flags in
`requires`, and is written to the pack's own schema/ folder unless --out says
otherwise. With --check nothing is written: exit 1 (and a line per file on
stderr) when the files in DIR are not current. A --pack that names no pack
exits 2. Its messages are in the author's language (`--lang id|en`, else the
remembered language, else id).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.commands.author_lang import add_lang_argument, author_tr, help_language, language_of

NAME = "schema"
HELP = "JSON Schema of pack.yaml and of a card file, for editors"


def add_arguments(p: argparse.ArgumentParser) -> None:
    lang = help_language(p)
    p.description = author_tr("schema_description", lang)
    p.add_argument("--pack", metavar="P", help=author_tr("schema_help_pack", lang))
    p.add_argument("--out", type=Path, metavar="DIR", help=author_tr("schema_help_out", lang))
    p.add_argument("--check", action="store_true", help=author_tr("schema_help_check", lang))
    add_lang_argument(p)


def run(args: argparse.Namespace) -> int:
    from game.authoring.schema import default_dir, stale_files, write_schema
    lang = language_of(args)
    pack = None
    if args.pack:
        from game.args import pack_folder_or_exit
        pack = pack_folder_or_exit(args.pack)      # a --pack that names no pack: exit 2
    out: Path = args.out or default_dir(pack)
    if args.check:
        stale = stale_files(out, pack)
        again = "python run_game.py schema" + (f" --pack {args.pack}" if pack else "") \
            + (f" --out {out}" if args.out else "")
        for path in stale:
            print(author_tr("schema_stale", lang, file=str(path), command=again),
                  file=sys.stderr)
        return 1 if stale else 0
    try:
        for path in write_schema(out, pack):
            print(path)
    except OSError as exc:
        print(author_tr("error_line", lang, message=author_tr(
            "schema_cannot_write", lang, folder=str(out), why=str(exc.strerror or exc))),
            file=sys.stderr)
        return 1
    return 0
