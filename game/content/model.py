"""Checked content models: what a scenario pack is once it has been loaded.

Plain frozen dataclasses, standard library only (no yaml, no pygame, no
files), so that the rules engine and the simulator can use them directly.
The loader builds them from a pack's YAML (`build.py`, through
`validate.load_pack`); the JSON Schema for editors is generated from these
dataclasses and the field tables in `parts.py`.

Every human-readable field is a `Text`: a mapping from language code to
text. A single-language pack's plain strings are stored as
``{lang: text}`` too, so the rest of the program sees one shape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Optional

from game.content.localised import Text, pick  # noqa: F401  (re-exported)

STAGES: tuple[str, ...] = ("recruitment", "documentation", "travel", "work")
ROUTES: tuple[str, ...] = ("regular", "irregular")
CARD_ROUTES: tuple[str, ...] = ("regular", "irregular", "any")
OUTCOME_KINDS: tuple[str, ...] = ("safe", "unsafe", "trafficked")
ENDING_KEYS: tuple[str, ...] = ("home", "home-unsafe", "risk", "assisted")
ELEMENTS: tuple[str, ...] = ("act", "means", "purpose")  # what a card may `show`
RISK_MAX = 10
MAX_CHOICES = 4
DEFAULT_MAX_TURNS = 100  # used when a pack sets no max_turns, so every journey ends


@dataclass(frozen=True)
class Position:
    """Where a value came from: shown to authors as FILE:LINE:COL (1-based)."""
    file: str = ""
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Document:
    id: str
    name: Text


@dataclass(frozen=True)
class Contact:
    id: str
    name: Text
    detail: Text


@dataclass(frozen=True)
class Elements:
    """The three elements of trafficking (Law 21/2007, Palermo Protocol)."""
    act: Text
    means: Text
    purpose: Text


@dataclass(frozen=True)
class Outcome:
    id: str
    kind: str  # safe | unsafe | trafficked
    title: Text
    debrief: Text
    elements: Optional[Elements] = None


@dataclass(frozen=True)
class Requires:
    documents: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    money: Optional[int] = None

    def __bool__(self) -> bool:
        return bool(self.documents or self.flags or self.money is not None)


@dataclass(frozen=True)
class Effects:
    money: int = 0
    debt: int = 0
    risk: int = 0
    gain: tuple[str, ...] = ()
    lose: tuple[str, ...] = ()
    set: tuple[str, ...] = ()
    clear: tuple[str, ...] = ()
    contact: Optional[str] = None
    move: int = 0
    route: Optional[str] = None
    skip: int = 0

    def __bool__(self) -> bool:
        return self != NO_EFFECTS


NO_EFFECTS = Effects()


@dataclass(frozen=True)
class Choice:
    label: Text
    safe: bool
    requires: Requires = Requires()
    effects: Effects = NO_EFFECTS
    feedback: Optional[Text] = None
    next: Optional[str] = None
    outcome: Optional[str] = None
    coerced: bool = False  # no real choice (threat, force, debt): done to the player


@dataclass(frozen=True)
class Card:
    id: str
    stage: str
    title: Text
    text: Text
    choices: tuple[Choice, ...]
    route: str = "any"
    image: Optional[str] = None
    discuss: Optional[Text] = None
    weight: float = 1
    where: Position = Position()
    shows: tuple[str, ...] = ()  # elements of trafficking the situation shows (ELEMENTS)
    crisis: bool = False         # drawn only when the player's risk has reached 10

    @property
    def shows_act_and_means(self) -> bool:
        """The card's situation is trafficking already, whatever happens next."""
        return "act" in self.shows and "means" in self.shows


@dataclass(frozen=True)
class GlossaryEntry:
    """A word a trainee may not know, explained wherever it appears."""
    term: Text
    meaning: Text


@dataclass(frozen=True)
class Start:
    money: int = 0
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    id: str
    title: Text
    description: Text
    languages: tuple[str, ...]
    start: Start
    documents: tuple[Document, ...]
    contacts: tuple[Contact, ...]
    outcomes: tuple[Outcome, ...]
    cards: tuple[Card, ...] = ()
    checkpoints: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    max_turns: Optional[int] = None
    endings: Mapping[str, str] = field(default_factory=dict)
    path: str = ""  # the pack folder on disk ("" for packs built in code)
    glossary: tuple[GlossaryEntry, ...] = ()

    # -- look-ups used by the engine and the screens -------------------------
    def card(self, card_id: str) -> Card:
        return _index(self, "cards")[card_id]

    def outcome(self, outcome_id: str) -> Outcome:
        return _index(self, "outcomes")[outcome_id]

    def document(self, doc_id: str) -> Document:
        return _index(self, "documents")[doc_id]

    def contact(self, contact_id: str) -> Contact:
        return _index(self, "contacts")[contact_id]

    def ending(self, key: str) -> str:
        """The outcome id a board ending leads to, with the format's defaults."""
        chosen = self.endings.get(key)
        if chosen:
            return chosen
        by_kind = {"home": ("safe",), "home-unsafe": ("unsafe", "trafficked"),
                   "risk": ("trafficked",), "assisted": ("trafficked",)}[key]
        for kind in by_kind:
            for outcome in self.outcomes:
                if outcome.kind == kind:
                    return outcome.id
        return self.outcomes[0].id

    def glossary_in(self, texts: Iterable[str], lang: str) -> tuple["GlossaryEntry", ...]:
        """The glossary entries whose term (in `lang`, else the pack's first language
        that has it) appears in `texts` as a whole word, in any case; in the order
        the terms first appear."""
        if not self.glossary:
            return ()
        joined = "\n".join(t for t in texts if t)
        found = []
        for entry in self.glossary:
            term = _text_in(entry.term, lang, self.languages)
            match = _term_pattern(term).search(joined) if term else None
            if match:
                found.append((match.start(), entry))
        return tuple(entry for _, entry in sorted(found, key=lambda f: f[0]))

    @property
    def turn_limit(self) -> int:
        return self.max_turns if self.max_turns else DEFAULT_MAX_TURNS


def _text_in(text: Text, lang: str, languages: Iterable[str]) -> str:
    if lang in text:
        return text[lang]
    return next((text[code] for code in languages if code in text), "")


@lru_cache(maxsize=512)
def _term_pattern(term: str) -> "re.Pattern[str]":
    """A glossary term as a whole word (or words), in any case."""
    return re.compile(r"(?<!\w)" + re.escape(term.strip()) + r"(?!\w)", re.IGNORECASE)


def _index(pack: Pack, name: str) -> dict:
    cache = pack.__dict__.get("_indexes")
    if cache is None:
        cache = {}
        object.__setattr__(pack, "_indexes", cache)
    table = cache.get(name)
    if table is None:
        table = {item.id: item for item in getattr(pack, name)}
        cache[name] = table
    return table
