"""new: write a new pack to start from: it validates, and under `validate --strict`
only its placeholders (texts the author must replace, marked GANTI / REPLACE) are
reported.

    python run_game.py new PACK_ID [--dir DIR]

Exit codes: 0 created; 1 the folder exists or cannot be written (or, should
the format change under the scaffold, the new pack has problems); 2 a bad id.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "new"
HELP = "write a new pack to start from"
DESCRIPTION = ("Create a new scenario pack, with one example card per stage and route, "
               "that validates; under validate --strict only the texts you must replace "
               "(marked GANTI / REPLACE) are reported.")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = DESCRIPTION
    p.add_argument("pack_id", metavar="PACK_ID",
                   help="the new pack's id: lowercase letters, digits and '-'")
    p.add_argument("--dir", type=Path, metavar="DIR",
                   help="create DIR/PACK_ID (default: scenarios/PACK_ID)")


def run(args: argparse.Namespace) -> int:
    from game import paths
    from game.authoring.scaffold import create_pack, shown
    from game.authoring.schema import default_dir
    parent = args.dir if args.dir is not None else paths.SCENARIOS
    try:
        folder = create_pack(args.pack_id, parent, default_dir())
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot create the pack in {parent}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    from game.content.validate import load_pack
    errors = [p for p in load_pack(folder).problems if p.severity == "error"]
    for problem in errors:  # none, unless the format changed under the scaffold
        print(problem, file=sys.stderr)
    where = shown(folder)
    print(f"created {where}/ (pack.yaml, cards/, assets/, SOURCES.md)")
    print("replace the texts marked GANTI / REPLACE (validate --strict lists them)")
    print("next:")
    print(f"  python run_game.py validate {where} --strict")
    print(f"  python run_game.py preview --pack {where} rec-offer")
    print(f"  python run_game.py simulate --pack {where} --games 500 --report report.html")
    print(f"  python run_game.py --pack {where}")
    return 1 if errors else 0

