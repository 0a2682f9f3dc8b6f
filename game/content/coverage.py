"""How much of a pack's text is given in each language.

`validate --format pretty` and `strings import` show it after their
problems, as 'id 100% (120/120), en 98% (118/120)'.
"""
from __future__ import annotations

import os

from yaml.constructor import SafeConstructor

from game.content.parts import walk_texts
from game.content.yaml_source import read_yaml
from game.paths import pack_files


def language_coverage(pack_dir: str | os.PathLike) -> dict[str, tuple[int, int]]:
    """{language: (translated, total)} over every localised field of the pack.

    The pack's declared languages come first, in order, then any other
    language some text is given in. Files that cannot be read are left out;
    this never raises for a broken pack (the validator reports those).
    """
    values: list[object] = []
    languages: list[str] = []
    for number, path in enumerate(pack_files(pack_dir)):
        root = "pack" if number == 0 else "cards"
        readable, data = _plain_data(path)
        if not readable:
            continue
        if root == "pack":
            languages = _languages(data)
        values.extend(f.value for f in walk_texts(data, root))
    total = len(values)
    counts: dict[str, int] = {code: 0 for code in languages}
    for value in values:
        for code in _texts(value, languages):
            counts[code] = counts.get(code, 0) + 1
    counts.pop("", None)
    return {code: (count, total) for code, count in counts.items()}


def _plain_data(path) -> tuple[bool, object]:
    """(readable, the file's data as plain Python values); an empty file is None."""
    node, issues = read_yaml(path)
    if issues:
        return False, None
    if node is None:
        return True, None
    try:
        return True, SafeConstructor().construct_document(node)
    except Exception:  # e.g. a mapping used as a key: the validator reports it
        return False, None


def _languages(pack_data) -> list[str]:
    found = pack_data.get("languages") if isinstance(pack_data, dict) else None
    if not isinstance(found, list):
        return []
    return [str(code) for code in found if isinstance(code, str) and code]


def _texts(value, languages: list[str]) -> dict[str, str]:
    """A field's texts by language; a plain string belongs to the first language."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()
                if isinstance(v, str) and v.strip()}
    if isinstance(value, str) and value.strip():
        return {languages[0] if languages else "": value}
    return {}
