"""Tools for scenario authors, driven by the `new`, `schema`, `strings` and
`simulate --report` commands (game/commands/): the scaffold of a new pack,
the JSON Schema for editors, the translation spreadsheet round-trip and the
balance report. `fields` is the pack format as these tools see it.
"""
from __future__ import annotations


def language_coverage(pack_dir):
    """TRANSITIONAL, for game.content.validate until it uses game.content.coverage."""
    from game.authoring.strings import language_coverage as coverage
    return coverage(pack_dir)
