"""Localised text: a mapping from language code to text.

How authors write it: scenarios/README.md, Part 3 — Reference, "Texts and languages".

Kept apart from the models so that screens can pick a language cheaply at
start-up, before any pack is loaded.
"""
from __future__ import annotations

from typing import Mapping, Optional

Text = Mapping[str, str]


def pick(text: Optional[Text], lang: str, fallback: str = "") -> str:
    """The text in `lang`, else in the first language the text has."""
    if not text:
        return fallback
    got = text.get(lang)
    if got is not None:
        return got
    return next(iter(text.values()))
