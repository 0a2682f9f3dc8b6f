"""What `run_game.py guide` and `run_game.py deck` share: the pack, the language, the file.

    --pack P     a pack id under scenarios/ or a pack folder; none there: exit 2, saying
                 what was tried and which packs there are (game.args); a pack with
                 errors: the validator's lines and exit 1
    --lang L     one of the pack's languages, or a language the game's words are in
                 (default: the pack's first language); another: exit 2
    --out FILE   default `<pack-id>-<kind>-<lang>.html` here; a folder: that name in it

The path written is printed on stdout. Exit codes: 0 written, 1 pack errors or the
file cannot be written, 2 a bad command line.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable


def add_common_arguments(p: argparse.ArgumentParser, kind: str) -> None:
    p.add_argument("--pack", required=True,
                   help="pack id under scenarios/ or the path to a pack folder")
    p.add_argument("--lang", metavar="L",
                   help="language: one of the pack's (default: the pack's first)")
    p.add_argument("--out", type=Path, metavar="FILE.html",
                   help=f"the file to write (default: <pack-id>-{kind}-<lang>.html here)")


def game_languages() -> list[str]:
    """Languages the printed pages' own words are in (localisation/guide.<lang>.json)."""
    from game.paths import LOCALISATION
    return sorted(path.name[len("guide."):-len(".json")]
                  for path in LOCALISATION.glob("guide.*.json"))


def run(args: argparse.Namespace, kind: str,
        render: Callable[..., str], **options) -> int:
    """Load the pack, render the page in the chosen language, write it."""
    from game.args import load_pack_or_report
    from game.print.page import write_page
    pack = load_pack_or_report(args.pack)      # no such pack: exits 2, naming the packs there are
    if pack is None:
        return 1
    lang = args.lang or pack.languages[0]
    words = game_languages()
    if lang not in pack.languages and lang not in words:
        print(f"run_game.py {kind}: error: --lang {lang}: the pack is in "
              f"{', '.join(pack.languages)}; the game's own words are in {', '.join(words)}",
              file=sys.stderr)
        return 2
    if lang not in pack.languages:
        print(f"warning: pack {pack.id!r} has no {lang} texts; they are printed in "
              f"{pack.languages[0]}", file=sys.stderr)
    if lang not in words:
        print(f"warning: the game's own words are not in {lang} yet; they are printed in "
              "English", file=sys.stderr)
    name = f"{pack.id}-{kind}-{lang}.html"
    out = args.out if args.out is not None else Path(name)
    if out.is_dir():
        out = out / name
    try:
        write_page(out, render(pack, lang, **options))
    except OSError as exc:
        print(f"error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"written: {out}")
    return 0
