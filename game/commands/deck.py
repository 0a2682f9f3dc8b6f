"""deck: print-and-play, the board and every card of a pack on A4.

    python run_game.py deck --pack P [--lang L] [--out FILE.html] [--length short|full]

One HTML page to print: a rules sheet, the board (A4 landscape), player sheets,
the help-contacts card, every card with cut and fold lines (the answers on the
back: feedback, effects in plain words, where each choice leads) and the
ending cards (game.print.deck). The board is short by default, to fit a
45-minute lesson; --length full prints the game's full board. Without --out it
writes <pack-id>-deck-<lang>.html here. Exit 0: written; 1: the pack has errors
or the file cannot be written; 2: bad command line.
"""
from __future__ import annotations

import argparse

from game.engine.board import LENGTHS

NAME = "deck"
HELP = "print-and-play: the board and every card of a pack on A4 (HTML)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from game.print.command import add_common_arguments
    p.description = (
        "Write a pack as a print-and-play game, for a class without a projector: rules "
        "sheet, board, player sheets, help card, every card with cut and fold lines, and "
        "the ending cards, in one self-contained HTML page for A4.")
    add_common_arguments(p, NAME)
    p.add_argument("--length", choices=LENGTHS, default="short",
                   help="board length: short fits a 45-minute lesson (default), full is "
                        "the game's full board")


def run(args: argparse.Namespace) -> int:
    from game.print.command import run as write
    from game.print.deck import render_deck
    return write(args, NAME, render_deck, length=args.length)
