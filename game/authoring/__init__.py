"""Tools for scenario authors: `new` (scaffold a pack), `schema` (JSON Schema for
editors) and `strings` (the translation spreadsheet round-trip).

`game.cli` calls `main_new`, `main_schema` and `main_strings` with the
command's arguments; each returns the exit code. Modules are imported only
when their command runs.
"""
from __future__ import annotations


def main_new(argv: list[str]) -> int:
    from game.authoring.scaffold import main_new as run
    return run(argv)


def main_schema(argv: list[str]) -> int:
    from game.authoring.schema import main_schema as run
    return run(argv)


def main_strings(argv: list[str]) -> int:
    from game.authoring.strings import main_strings as run
    return run(argv)


def language_coverage(pack_dir):
    """{language: (translated, total)} over every localised field of the pack."""
    from game.authoring.strings import language_coverage as run
    return run(pack_dir)


__all__ = ["main_new", "main_schema", "main_strings", "language_coverage"]
