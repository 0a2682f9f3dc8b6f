"""Localised text: a mapping from language code to text.

How authors write it: scenarios/README.md, Part 3 — Reference, "Texts and languages".

Kept apart from the models so that screens can pick a language cheaply at
start-up, before any pack is loaded.
"""
from __future__ import annotations

from typing import Mapping, Optional, Sequence

Text = Mapping[str, str]


def text_language(value: Optional[Text], lang: str, pack_languages: Sequence[str] = ()) -> str:
    """The language a pack text is shown in: `lang` if the text has it, else the
    pack's first language the text has, else the text's first language. The one
    rule for this, used by the screens, the reports and read-aloud."""
    if not value or lang in value:
        return lang
    for code in pack_languages:
        if code in value:
            return code
    return next(iter(value))


def pick(value: Optional[Text], lang: str, pack_languages: Sequence[str] = (),
         fallback: str = "") -> str:
    """A pack text in the language `text_language` chooses; `fallback` when empty."""
    if not value:
        return fallback
    return value[text_language(value, lang, pack_languages)]
