"""report: the session report of one or more saved games.

TRANSITIONAL: the options are still parsed by `game.session.report.main_report`; this
module is to own them (add_arguments/run, see game/commands/__init__.py).
"""
from __future__ import annotations

import argparse

NAME = "report"
HELP = "the session report of one or more saved games"


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError


def main_argv(argv: list[str]) -> int:
    from game.session.report import main_report
    return main_report(argv)
