"""schema: JSON Schema of pack.yaml and of a card file, for editors.

    python run_game.py schema [--out DIR] [--check]

Prints the path of each file written. With --check nothing is written: exit 1
(and a line per file on stderr) when the files in DIR are not current.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "schema"
HELP = "JSON Schema of pack.yaml and of a card file, for editors"
DESCRIPTION = ("Write the JSON Schema of pack.yaml and of a card file, for editors "
               "(VS Code YAML extension, any yaml-language-server editor).")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = DESCRIPTION
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="folder to write to (default: scenarios/schema)")
    p.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 if the files in DIR are not current")


def run(args: argparse.Namespace) -> int:
    from game.authoring.schema import default_dir, stale_files, write_schema
    out: Path = args.out or default_dir()
    if args.check:
        stale = stale_files(out)
        for path in stale:
            print(f"{path}: not current; run: python run_game.py schema"
                  + (f" --out {out}" if args.out else ""), file=sys.stderr)
        return 1 if stale else 0
    try:
        for path in write_schema(out):
            print(path)
    except OSError as exc:
        print(f"error: cannot write the schema to {out}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    return 0
