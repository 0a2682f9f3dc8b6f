"""preview: show one card as the game shows it, reloading on change.

TRANSITIONAL: the options are still parsed by `game.ui.preview.main_preview`; this
module is to own them (add_arguments/run, see game/commands/__init__.py).
"""
from __future__ import annotations

import argparse

NAME = "preview"
HELP = "show one card as the game shows it, reloading on change"


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError


def main_argv(argv: list[str]) -> int:
    from game.ui.preview import main_preview
    return main_preview(argv)
