"""schema: JSON Schema of pack.yaml and of a card file, for editors.

TRANSITIONAL: the options are still parsed by `game.authoring.schema.main_schema`; this
module is to own them (add_arguments/run, see game/commands/__init__.py).
"""
from __future__ import annotations

import argparse

NAME = "schema"
HELP = "JSON Schema of pack.yaml and of a card file, for editors"


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError


def main_argv(argv: list[str]) -> int:
    from game.authoring.schema import main_schema
    return main_schema(argv)
