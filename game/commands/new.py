"""new: write a new pack to start from.

TRANSITIONAL: the options are still parsed by `game.authoring.scaffold.main_new`; this
module is to own them (add_arguments/run, see game/commands/__init__.py).
"""
from __future__ import annotations

import argparse

NAME = "new"
HELP = "write a new pack to start from"


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError


def main_argv(argv: list[str]) -> int:
    from game.authoring.scaffold import main_new
    return main_new(argv)
