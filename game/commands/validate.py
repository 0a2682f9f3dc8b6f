"""validate: check packs: one line per problem, FILE:LINE:COL.

    python run_game.py validate PATH... [--strict] [--format auto|lines|pretty] [--lang id|en]

Prints every problem (stdout) and a summary with counts (stderr), in the
author's language (`--lang`, else the remembered language, else id); the
`FILE:LINE:COL: ` prefix is the same in every language. Exit 0: no errors,
1: errors found, 2: a path that does not exist or a bad command line.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.commands.author_lang import add_lang_argument, author_tr, help_language, language_of

NAME = "validate"
HELP = "check packs: one line per problem, FILE:LINE:COL"


def add_arguments(p: argparse.ArgumentParser) -> None:
    lang = help_language(p)
    # `validate --help` says more than the one-line HELP
    p.description = author_tr("validate_description", lang)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help=author_tr("validate_help_paths", lang))
    p.add_argument("--strict", action="store_true",
                   help=author_tr("validate_help_strict", lang))
    p.add_argument("--format", choices=("auto", "lines", "pretty"), default="auto",
                   help=author_tr("validate_help_format", lang))
    add_lang_argument(p)


def run(args: argparse.Namespace) -> int:
    from game.content.problems import ERROR, plural, said
    from game.content.validate import check_paths
    lang = language_of(args)
    problems, code, files = check_paths(args.paths, args.strict)
    pretty = args.format == "pretty" or (args.format == "auto" and sys.stdout.isatty())
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    if problems:
        counts = f"{plural(errors, 'error', lang)}, {plural(warnings, 'warning', lang)}"
    else:
        counts = said("summary_none").say(lang)
    summary = said("summary", counts=counts, files=plural(files, "file", lang)).say(lang)
    try:
        if pretty:
            from game.content.lint_output import coverage_lines, pretty_lines
            for line in pretty_lines(problems, lang=lang):
                _write(sys.stdout, line)
            for line in coverage_lines(_coverage(args.paths), lang):
                _write(sys.stdout, line)
        else:
            for problem in problems:
                _write(sys.stdout, problem.shown(lang))
        sys.stdout.flush()
        _write(sys.stderr, summary)
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
