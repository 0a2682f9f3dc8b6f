"""strings: export or import every text of a pack, for translators.

TRANSITIONAL: the options are still parsed by `game.authoring.strings.main_strings`; this
module is to own them (add_arguments/run, see game/commands/__init__.py).
"""
from __future__ import annotations

import argparse

NAME = "strings"
HELP = "export or import every text of a pack, for translators"


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError


def main_argv(argv: list[str]) -> int:
    from game.authoring.strings import main_strings
    return main_strings(argv)
