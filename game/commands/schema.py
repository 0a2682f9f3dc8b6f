"""schema: JSON Schema of pack.yaml and of a card file, for editors.

    python run_game.py schema [--out DIR] [--check]
    python run_game.py schema --pack P [--out DIR] [--check]

Prints the path of each file written. With --pack the schema carries that
pack's ids (cards, outcomes, documents, contacts, flags) as the allowed values
of `next:`, `outcome:`, documents, `contact:`, `endings` and the flags in
`requires`, and is written to the pack's own schema/ folder unless --out says
otherwise. With --check nothing is written: exit 1 (and a line per file on
stderr) when the files in DIR are not current. A --pack that names no pack
exits 2.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "schema"
HELP = "JSON Schema of pack.yaml and of a card file, for editors"
DESCRIPTION = ("Write the JSON Schema of pack.yaml and of a card file, for editors "
               "(VS Code YAML extension, any yaml-language-server editor). With --pack, "
               "the schema knows that pack's ids, so the editor underlines a next: or "
               "outcome: that names no card or outcome of the pack.")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = DESCRIPTION
    p.add_argument("--pack", metavar="P",
                   help="a pack id under scenarios/ or the path to a pack folder: the "
                        "schema allows only that pack's ids (default folder: P/schema)")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="folder to write to (default: scenarios/schema, or with --pack "
                        "the pack's schema/ folder)")
    p.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 if the files in DIR are not current")


def run(args: argparse.Namespace) -> int:
    from game.authoring.schema import default_dir, stale_files, write_schema
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
            print(f"{path}: not current; run: {again}", file=sys.stderr)
        return 1 if stale else 0
    try:
        for path in write_schema(out, pack):
            print(path)
    except OSError as exc:
        print(f"error: cannot write the schema to {out}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    return 0
