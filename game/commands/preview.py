"""preview: one card as the game shows it, for authors, reloading on change.

    python run_game.py preview --pack malaysia rec-sponsor-visit
    python run_game.py preview --pack my-pack/ doc-office --lang en --size 1024x768
    python run_game.py preview --pack malaysia rec-sponsor-visit --screenshot card.png

Keys in the window (the list at its foot, and the guide's, step 5): 1-4 follow a
choice (its `next` card, or what the player reads after it: feedback, and the
outcome's debrief with act, means and purpose), Backspace back, L language, R
as a player who meets every `requires`, Tab notes, PgUp/PgDn scroll, Esc quit.
With --screenshot FILE the screen is drawn once off-screen, saved as a PNG,
and the command exits 0; when the card cannot be shown (pack errors, unknown
card id, no such pack) the message screen is saved instead, the reason is
printed on stderr and the exit code is 1. A bad command line exits 2.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.args import window_size

NAME = "preview"
HELP = "show one card as the game shows it, reloading on change"
DEFAULT_SIZE = (1280, 800)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Show one card as the game shows it, with what each choice needs, its feedback, "
        "what it does and where it leads; reloads when the pack's files change. Keys: "
        "1-4 follow a choice (a next card, or the feedback and the outcome's debrief), "
        "Backspace back, L language, R requirements met, Tab notes, PgUp/PgDn scroll, "
        "Esc quit.")
    p.epilog = (
        "--screenshot exits 0 when the card was drawn; 1 (after saving the message screen "
        "and printing the reason on stderr) when the pack has errors or has no such card; "
        "2 for a bad command line or a --pack that names no pack.")
    p.add_argument("--pack", required=True,
                   help="pack id under scenarios/ or the path to a pack folder")
    p.add_argument("card", metavar="CARD_ID", help="the id of the card to show")
    p.add_argument("--screenshot", type=Path, metavar="FILE",
                   help="draw the screen once, save it to FILE (PNG) and exit")
    p.add_argument("--lang", help="language to start in, one of the pack's "
                   "(default: the pack's first)")
    p.add_argument("--size", type=window_size, default=DEFAULT_SIZE,
                   help="window size, e.g. 1024x768 (default 1280x800)")


def run(args: argparse.Namespace) -> int:
    from game.args import pack_folder_or_exit
    folder = pack_folder_or_exit(args.pack)      # a --pack that names no pack: exit 2
    if args.lang is not None:
        from game.content.headers import read_pack_header
        header = read_pack_header(folder)
        if header is not None and args.lang not in header.languages:
            print(f"error: argument --lang: the pack {header.id!r} is in "
                  f"{', '.join(header.languages)}, not {args.lang!r}", file=sys.stderr)
            return 2
    from game.ui.preview.window import show
    return show(args.pack, args.card, args.lang, args.size, args.screenshot)
