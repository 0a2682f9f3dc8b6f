"""validate: check packs: one line per problem, FILE:LINE:COL.

    python run_game.py validate PATH... [--strict] [--format auto|lines|pretty]

Prints every problem (stdout) and a summary with counts (stderr). Exit 0:
no errors, 1: errors found, 2: a path that does not exist or a bad command
line.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "validate"
HELP = "check packs: one line per problem, FILE:LINE:COL"
DESCRIPTION = ("Check scenario packs. Prints one line per problem, "
               "FILE:LINE:COL: error|warning: message. Exit 0: no errors, "
               "1: errors found, 2: bad command line.")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = DESCRIPTION  # `validate --help` says more than the one-line HELP
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="a pack folder, or a folder holding several packs")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--format", choices=("auto", "lines", "pretty"), default="auto",
                   help="lines: one line per problem (for scripts); pretty: grouped by "
                        "file with the offending line, hints and language coverage; "
                        "auto (default): pretty at a terminal, lines otherwise")


def run(args: argparse.Namespace) -> int:
    from game.content.problems import ERROR, plural
    from game.content.validate import check_paths
    problems, code, files = check_paths(args.paths, args.strict)
    pretty = args.format == "pretty" or (args.format == "auto" and sys.stdout.isatty())
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    if problems:
        summary = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    else:
        summary = "no problems"
    try:
        if pretty:
            from game.content.lint_output import coverage_lines, pretty_lines
            for line in pretty_lines(problems):
                _write(sys.stdout, line)
            for line in coverage_lines(_coverage(args.paths)):
                _write(sys.stdout, line)
        else:
            for problem in problems:
                _write(sys.stdout, str(problem))
        sys.stdout.flush()
        _write(sys.stderr, f"{summary} in {plural(files, 'file')}")
    except BrokenPipeError:  # e.g. `validate ... | head`: the exit code still tells
        pass
    return code


def _coverage(paths: list[str]) -> dict:
    """{pack folder: {language: (translated, total)}} for the packs under `paths`."""
    from game.content.coverage import language_coverage
    from game.content.headers import find_pack_dirs
    from game.paths import PACK_FILE
    found = {}
    for raw in paths:
        path = Path(raw)
        folders = [path] if (path / PACK_FILE).is_file() else (
            find_pack_dirs(path) if path.is_dir() else [])
        for folder in folders:
            found[str(folder)] = language_coverage(folder)
    return found


def _write(stream, line: str) -> None:
    try:
        stream.write(line + "\n")
    except UnicodeEncodeError:  # a console that can't show every character
        stream.write(line.encode("ascii", "backslashreplace").decode("ascii") + "\n")
