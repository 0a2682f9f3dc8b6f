"""guide: the facilitator's guide of a pack, one HTML page to print on A4.

    python run_game.py guide --pack P [--lang L] [--out FILE.html]

A 45-minute lesson plan, act-means-purpose with the pack's own cards and
endings, what to do if a trainee discloses (with the pack's contacts), the
glossary, every card with its discussion question, the facts to check again
(from the pack's SOURCES.md) and a one-page help sheet to copy for trainees
(game.print.guide). Without --out it writes <pack-id>-guide-<lang>.html here.
Exit 0: written; 1: the pack has errors or the file cannot be written; 2: bad
command line (no such pack, an unknown language).
"""
from __future__ import annotations

import argparse

NAME = "guide"
HELP = "the facilitator's guide of a pack, printable on A4 (HTML)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from game.print.command import add_common_arguments
    p.description = (
        "Write the facilitator's guide of a pack as one self-contained HTML page to print "
        "on A4: lesson plan, act-means-purpose with the pack's cards, what to do if a "
        "trainee discloses, glossary, every card, check-again facts and a help sheet.")
    add_common_arguments(p, NAME)


def run(args: argparse.Namespace) -> int:
    from game.print.command import run as write
    from game.print.guide import render_guide
    return write(args, NAME, render_guide)
