"""validate: check packs: one line per problem, FILE:LINE:COL.

TRANSITIONAL: the options are still parsed by `game.content.validate.main_validate`; this
module is to own them (add_arguments/run, see game/commands/__init__.py).
"""
from __future__ import annotations

import argparse

NAME = "validate"
HELP = "check packs: one line per problem, FILE:LINE:COL"


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError


def main_argv(argv: list[str]) -> int:
    from game.content.validate import main_validate
    return main_validate(argv)
