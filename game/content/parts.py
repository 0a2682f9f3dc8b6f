"""The parts of the scenario format and the fields an author may write in each.

These tables are the strict models' field lists as the loader reads them
(a test checks that they match the dataclasses in `model.py`); the authoring
tools build the JSON Schema, the scaffold and the translation spreadsheet
from them too. `walk_texts` finds every localised text in one file's plain
data (language coverage and the translation spreadsheet read packs this way).
"""
from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from typing import Iterator, Optional

from game.content import model

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*")  # used with fullmatch

PACK_FIELDS = ("id", "title", "description", "languages", "start", "documents", "contacts",
               "outcomes", "checkpoints", "max_turns", "endings", "glossary")
PACK_REQUIRED = ("id", "title", "description", "languages", "start", "outcomes")
START_FIELDS = ("money", "documents")
DOCUMENT_FIELDS = ("id", "name")
CONTACT_FIELDS = ("id", "name", "detail")
OUTCOME_FIELDS = ("id", "kind", "title", "debrief", "elements")
OUTCOME_REQUIRED = ("id", "kind", "title", "debrief")
ELEMENT_FIELDS = ("act", "means", "purpose")
GLOSSARY_FIELDS = ("term", "meaning")
CARD_FIELDS = ("id", "stage", "route", "title", "text", "image", "discuss", "weight", "shows",
               "crisis", "choices")
CARD_REQUIRED = ("id", "stage", "title", "text", "choices")
CHOICE_FIELDS = ("label", "safe", "coerced", "requires", "effects", "feedback", "next",
                 "outcome")
# `safe` is required too, unless the choice is `coerced: true` (then it is false): the
# loader checks that, as a table of fields cannot say it.
CHOICE_REQUIRED = ("label",)
REQUIRES_FIELDS = ("documents", "flags", "money")
EFFECTS_FIELDS = ("money", "debt", "risk", "gain", "lose", "set", "clear", "contact", "move",
                  "route", "skip")
EFFECT_NUMBERS = frozenset(("money", "debt", "risk", "move", "skip"))
EFFECT_DOCUMENTS = frozenset(("gain", "lose"))
EFFECT_FLAGS = frozenset(("set", "clear"))


@dataclass(frozen=True)
class Part:
    name: str            # as the loader names it in messages: "card", "choice" ...
    model: type          # the dataclass it loads into
    fields: tuple[str, ...]
    required: tuple[str, ...]


PARTS: dict[str, Part] = {p.name: p for p in (
    Part("pack", model.Pack, PACK_FIELDS, PACK_REQUIRED),
    Part("start", model.Start, START_FIELDS, ()),
    Part("document", model.Document, DOCUMENT_FIELDS, DOCUMENT_FIELDS),
    Part("contact", model.Contact, CONTACT_FIELDS, CONTACT_FIELDS),
    Part("outcome", model.Outcome, OUTCOME_FIELDS, OUTCOME_REQUIRED),
    Part("elements", model.Elements, ELEMENT_FIELDS, ELEMENT_FIELDS),
    Part("glossary entry", model.GlossaryEntry, GLOSSARY_FIELDS, GLOSSARY_FIELDS),
    Part("card", model.Card, CARD_FIELDS, CARD_REQUIRED),
    Part("choice", model.Choice, CHOICE_FIELDS, CHOICE_REQUIRED),
    Part("requires", model.Requires, REQUIRES_FIELDS, ()),
    Part("effects", model.Effects, EFFECTS_FIELDS, ()),
)}

# Fields that hold other parts: (part, field) -> (child part, "list" | "one").
CHILDREN: dict[tuple[str, str], tuple[str, str]] = {
    ("pack", "start"): ("start", "one"),
    ("pack", "documents"): ("document", "list"),
    ("pack", "contacts"): ("contact", "list"),
    ("pack", "outcomes"): ("outcome", "list"),
    ("outcome", "elements"): ("elements", "one"),
    ("pack", "glossary"): ("glossary entry", "list"),
    ("card", "choices"): ("choice", "list"),
    ("choice", "requires"): ("requires", "one"),
    ("choice", "effects"): ("effects", "one"),
}

_NUMBERED = frozenset(("choice", "glossary entry"))  # list items with no id: named by number
_TEXT_HINTS = (model.Text, Optional[model.Text])
# Typed like a Text (a mapping of str to str) but holding no words to translate:
# `endings` maps ending keys to outcome ids.
_NOT_TEXT = frozenset({("pack", "endings")})
_text_fields: dict[str, tuple[str, ...]] = {}


def text_fields(part: str) -> tuple[str, ...]:
    """The localised fields of a part (those the model types as `Text`), in table order."""
    found = _text_fields.get(part)
    if found is None:
        hints = typing.get_type_hints(PARTS[part].model)
        found = _text_fields[part] = tuple(
            name for name in PARTS[part].fields
            if hints[name] in _TEXT_HINTS and (part, name) not in _NOT_TEXT)
    return found


# -- walking the localised texts of loaded YAML data ----------------------------

@dataclass
class TextField:
    """One localised field found in a file: where it is and what it holds now."""
    key: str          # stable: "title", "outcomes/debt-bondage/elements/act",
    #                   "rec-offer/choices/2/feedback"
    container: object  # the mapping that holds the field (dict-like)
    name: str         # the field's name in that mapping
    value: object     # a {language: text} mapping, a plain string, or something broken


def _label(item, index: int) -> str:
    ident = item.get("id") if isinstance(item, dict) else None
    if isinstance(ident, (str, int)) and not isinstance(ident, bool) and str(ident):
        return str(ident)
    return f"#{index}"


def walk_texts(data, root: str) -> Iterator[TextField]:
    """Every localised field in one file's data. `root` is "pack" or "cards".

    Works on plain PyYAML data and on ruamel's round-trip data alike, and
    never fails on data of the wrong shape (it skips what it cannot read).
    List items with an id are named by it; choices and glossary entries by their
    number from 1.
    """
    if root == "pack":
        if isinstance(data, dict):
            yield from _walk_part(data, "pack", "")
    elif isinstance(data, list):
        for index, card in enumerate(data, 1):
            if isinstance(card, dict):
                yield from _walk_part(card, "card", _label(card, index))


def _walk_part(data: dict, part: str, prefix: str) -> Iterator[TextField]:
    texts = text_fields(part)
    for name in PARTS[part].fields:
        if name not in data:
            continue
        key = f"{prefix}/{name}" if prefix else name
        value = data[name]
        if name in texts:
            yield TextField(key, data, name, value)
            continue
        child = CHILDREN.get((part, name))
        if child is None:
            continue
        child_part, how = child
        if how == "one":
            if isinstance(value, dict):
                yield from _walk_part(value, child_part, key)
        elif isinstance(value, list):
            for index, item in enumerate(value, 1):
                if isinstance(item, dict):
                    label = (str(index) if child_part in _NUMBERED
                             else _label(item, index))
                    yield from _walk_part(item, child_part, f"{key}/{label}")
