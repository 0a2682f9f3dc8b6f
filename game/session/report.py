"""The session report: one self-contained HTML page and one CSV file, made
from the debrief of one or more sessions.

    report.py        what a report is made of: `ReportSession`
    report_html.py   the page: class summary, each player's journey, where to get help
    report_csv.py    one row per card played, for spreadsheets
    report.css       the page's style, put inline (the page needs no other file)

`SaveStore.write_report` writes the report of the game just played;
`run_game.py report SAVE...` (game/commands/report.py) makes one from saves.

Each session is its debrief (ids only, `game.engine.debrief`) plus what the
save keeps beside it: the session's name, when it started, its language and
the pack's id and title. With the pack at hand the report shows the pack's
texts; without it, the ids. Several sessions give one report: the summary
counts every session, then each session's players follow.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Optional

from game.localise import pick, tr

if TYPE_CHECKING:
    from game.content.model import Pack
    from game.engine.debrief import Debrief


@dataclass(frozen=True)
class ReportSession:
    """One session for the report."""
    session: str                    # the session's name: its save file's stem
    started: str                    # ISO 8601 local time
    lang: str                       # the language it was played in
    pack_id: str
    debrief: Debrief
    pack: Optional[Pack] = None     # None: cards and outcomes are shown by their ids
    pack_title: Mapping[str, str] = field(default_factory=dict)  # as saved, for when `pack` is None


class ReportTexts:
    """The pack's texts for a report in `lang`; ids when the pack is not at hand."""

    def __init__(self, session: ReportSession, lang: str):
        pack = session.pack
        self.session, self.pack, self.lang = session, pack, lang
        self.languages = pack.languages if pack else ()
        self.cards = {c.id: c for c in pack.cards} if pack else {}
        self.outcomes = {o.id: o for o in pack.outcomes} if pack else {}
        self.documents = {d.id: d for d in pack.documents} if pack else {}
        self.contacts = {c.id: c for c in pack.contacts} if pack else {}

    def t(self, text, fallback: str = "") -> str:
        return pick(text, self.lang, self.languages, fallback)

    def pack_title(self) -> str:
        s = self.session
        if self.pack:
            return self.t(self.pack.title, s.pack_id)
        return pick(s.pack_title, self.lang, fallback=s.pack_id)

    def card_title(self, card_id: str) -> str:
        card = self.cards.get(card_id)
        return self.t(card.title, card_id) if card else card_id

    def choice_label(self, card_id: str, index: int) -> str:
        card = self.cards.get(card_id)
        if card and 0 <= index < len(card.choices):
            return self.t(card.choices[index].label, f"{index + 1}")
        return f"{tr('report.choice', self.lang, ns='session')} {index + 1}"

    def discuss(self, card_id: str) -> str:
        card = self.cards.get(card_id)
        return self.t(card.discuss) if card and card.discuss else ""

    def document(self, doc_id: str) -> str:
        doc = self.documents.get(doc_id)
        return self.t(doc.name, doc_id) if doc else doc_id

    def choice_kind(self, step) -> str:
        """safe | unsafe | coerced (done to the player) | "" (no choice was taken)."""
        if step.choice is None:
            return ""
        if step.coerced:
            return "coerced"
        return "safe" if step.safe else "unsafe"

    def glossary(self) -> list[tuple[str, str]]:
        """(term, meaning) of the pack's glossary, in the report's language."""
        if not self.pack:
            return []
        return [(self.t(g.term), self.t(g.meaning)) for g in self.pack.glossary]

    def contact(self, contact_id: str) -> str:
        contact = self.contacts.get(contact_id)
        return self.t(contact.name, contact_id) if contact else contact_id
