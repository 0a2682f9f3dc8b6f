"""What the guide and the deck share: one pack's texts in one language, ready for HTML.

`Printed(pack, lang)` numbers the cards in the order both documents print them
(stage by stage; in each stage the official pile, the irregular pile, the
event pile, the danger pile, then follow-up cards), letters the endings (A,
B, ...), and says a choice's requirements, effects and where it leads in plain
words, so that "card 23" or "ending card C" means the same card in the guide,
on the printed deck and on the rules sheet.

Every method that returns text for the page returns it escaped (`say`,
`html`, `documents`, `effects` ...); `text`, `plain`, `plain_money` and
`plain_elements` return text as it is, for values that `say` escapes itself.
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from html import escape
from typing import Iterable, Optional, Sequence

from game.content.model import ELEMENTS, STAGES, Card, Choice, Outcome, Pack
from game.localise import money, pick, tr

NS = "guide"
PILES = ("regular", "irregular", "any", "crisis", "follow")
OUTCOME_KINDS = ("safe", "unsafe", "trafficked")


@dataclass(frozen=True)
class Numbered:
    """A card with the number it is printed with, and the pile it belongs to."""
    number: int
    card: Card
    pile: str  # one of PILES


def pile_of(card: Card) -> str:
    """Where a printed card waits: a draw pile of its stage, or aside (follow-up)."""
    if card.weight <= 0:
        return "follow"          # never drawn: only a choice's `next` shows it
    if card.crisis:
        return "crisis"
    return card.route


def choice_kind(choice: Choice) -> str:
    """safe | unsafe | coerced: a coerced choice is done to the player, never their
    unsafe choice, whatever its `safe` says."""
    if choice.coerced:
        return "coerced"
    return "safe" if choice.safe else "unsafe"


def letters(n: int) -> list[str]:
    """A, B, ... Z, AA, AB, ...: the ending cards' letters."""
    out = []
    for i in range(n):
        label = ""
        i += 1
        while i:
            i, rest = divmod(i - 1, 26)
            label = string.ascii_uppercase[rest] + label
        out.append(label)
    return out


class Printed:
    """One pack in one language, as the printed pages say it."""

    def __init__(self, pack: Pack, lang: str):
        self.pack = pack
        self.lang = lang
        ordered: list[Numbered] = []
        for stage in STAGES:
            of_stage = [c for c in pack.cards if c.stage == stage]
            for pile in PILES:
                for card in of_stage:
                    if pile_of(card) == pile:
                        ordered.append(Numbered(len(ordered) + 1, card, pile))
        self.cards: tuple[Numbered, ...] = tuple(ordered)
        self.number = {n.card.id: n.number for n in ordered}
        self.letter = dict(zip((o.id for o in pack.outcomes), letters(len(pack.outcomes))))

    # -- texts ------------------------------------------------------------------------
    def text(self, value, fallback: str = "") -> str:
        """A pack text in the page's language (`game.localise.pick`), unescaped."""
        return pick(value, self.lang, self.pack.languages, fallback)

    def html(self, value, fallback: str = "") -> str:
        """A pack text, escaped, its line breaks kept."""
        return escape(self.text(value, fallback)).replace("\n", "<br>")

    def say(self, key: str, **values) -> str:
        """The game's own words for `key` (localisation/guide.<lang>.json), escaped."""
        return escape(tr(key, self.lang, ns=NS, **{k: str(v) for k, v in values.items()}))

    def say_html(self, key: str, **html: str) -> str:
        """Like `say`, but the values are HTML already (escaped by the caller)."""
        out = escape(tr(key, self.lang, ns=NS))
        for name, value in html.items():
            out = out.replace(f"%{{{name}}}", value)
        return out

    def plain(self, key: str, **values) -> str:
        """The game's own words for `key`, unescaped (for a file name or a title)."""
        return tr(key, self.lang, ns=NS, **{k: str(v) for k, v in values.items()})

    def money(self, amount: int) -> str:
        return escape(money(amount, self.lang))

    def plain_money(self, amount: int) -> str:
        return money(amount, self.lang)

    # -- names -------------------------------------------------------------------------
    @property
    def title(self) -> str:
        return self.html(self.pack.title, self.pack.id)

    def stage(self, stage: str) -> str:
        return self.say(f"stage.{stage}")

    def stage_n(self, stage: str) -> str:
        return self.say("stage-n", n=STAGES.index(stage) + 1, name=self.plain(f"stage.{stage}"))

    def route(self, route: str) -> str:
        return self.say(f"route.{route}")

    def pile(self, pile: str) -> str:
        return self.say(f"pile.{pile}")

    def element(self, element: str) -> str:
        return self.say(f"element.{element}")

    def elements(self, names: Iterable[str]) -> str:
        return escape(self.plain_elements(names))

    def plain_elements(self, names: Iterable[str]) -> str:
        names = set(names)
        return ", ".join(self.plain(f"element.{e}") for e in ELEMENTS if e in names)

    def kind(self, kind: str) -> str:
        return self.say(f"kind.{kind}")

    def documents(self, ids: Sequence[str]) -> str:
        names = []
        for doc_id in ids:
            try:
                names.append(self.html(self.pack.document(doc_id).name, doc_id))
            except KeyError:
                names.append(escape(doc_id))
        return ", ".join(names)

    def contact(self, contact_id: str) -> str:
        try:
            return self.html(self.pack.contact(contact_id).name, contact_id)
        except KeyError:
            return escape(contact_id)

    def card_title(self, card_id: str) -> str:
        try:
            return self.html(self.pack.card(card_id).title, card_id)
        except KeyError:
            return escape(card_id)

    def outcome(self, outcome_id: str) -> Optional[Outcome]:
        try:
            return self.pack.outcome(outcome_id)
        except KeyError:
            return None

    # -- a choice in plain words ---------------------------------------------------------
    def needs(self, choice: Choice) -> Optional[str]:
        """What a choice needs ("Only with: Passport"), or None."""
        req = choice.requires
        if not req:
            return None
        parts = []
        if req.documents:
            parts.append(self.documents(req.documents))
        if req.money is not None:
            parts.append(self.say("needs.money", amount=money(req.money, self.lang)))
        if req.flags:
            parts.append(self.say("needs.flags", flags=", ".join(req.flags)))
        return self.say_html("needs.text", what="; ".join(parts))

    def effects(self, choice: Choice) -> list[str]:
        """Each effect of a choice as a short sentence, in the order the game applies them."""
        fx = choice.effects
        out = []
        if fx.money < 0:
            out.append(self.say("fx.pay", amount=money(-fx.money, self.lang)))
        elif fx.money > 0:
            out.append(self.say("fx.get-money", amount=money(fx.money, self.lang)))
        if fx.debt > 0:
            out.append(self.say("fx.debt-up", amount=money(fx.debt, self.lang)))
        elif fx.debt < 0:
            out.append(self.say("fx.debt-down", amount=money(-fx.debt, self.lang)))
        if fx.risk > 0:
            out.append(self.say("fx.risk-up", n=fx.risk))
        elif fx.risk < 0:
            out.append(self.say("fx.risk-down", n=-fx.risk))
        if fx.gain:
            out.append(self.say_html("fx.gain", docs=self.documents(fx.gain)))
        if fx.lose:
            out.append(self.say_html("fx.lose", docs=self.documents(fx.lose)))
        if fx.set:
            out.append(self.say("fx.set", flags=", ".join(fx.set)))
        if fx.clear:
            out.append(self.say("fx.clear", flags=", ".join(fx.clear)))
        if fx.contact:
            out.append(self.say_html("fx.contact", name=self.contact(fx.contact)))
        if fx.route:
            out.append(self.say(f"fx.route-{fx.route}"))
        if fx.move > 0:
            out.append(self.say("fx.move-forward", n=fx.move))
        elif fx.move < 0:
            out.append(self.say("fx.move-back", n=-fx.move))
        if fx.skip > 0:
            out.append(self.say("fx.skip", n=fx.skip))
        return out

    def leads(self, choice: Choice) -> str:
        """Where a choice leads: an ending card, a card read at once, or the turn's end."""
        if choice.outcome:
            outcome = self.outcome(choice.outcome)
            title = self.html(outcome.title, choice.outcome) if outcome else escape(choice.outcome)
            return self.say_html("leads.outcome", letter=self.letter.get(choice.outcome, "?"),
                                 title=title)
        if choice.next:
            return self.say_html("leads.next", n=str(self.number.get(choice.next, "?")),
                                 title=self.card_title(choice.next))
        return self.say("leads.end-turn")

    def leads_short(self, choice: Choice) -> Optional[str]:
        """Where a choice leads, for a list of cards: None when the turn just ends."""
        if choice.outcome:
            outcome = self.outcome(choice.outcome)
            title = self.html(outcome.title, choice.outcome) if outcome else escape(choice.outcome)
            return self.say_html("leads-short.outcome",
                                 letter=self.letter.get(choice.outcome, "?"), title=title)
        if choice.next:
            return self.say_html("leads-short.next", n=str(self.number.get(choice.next, "?")),
                                 title=self.card_title(choice.next))
        return None

    # -- fitting the help contacts on one page ---------------------------------------
    def contact_size(self, width_mm: float, height_mm: float,
                     sizes=(16, 15, 14, 13, 12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8)) -> float:
        """The biggest type (pt) at which the pack's contacts (name in bold, a fifth
        bigger, then the detail) fill at most `height_mm` of a `width_mm` column, by
        an estimate that errs on the large side (a wide sans-serif, whole lines)."""
        width_pt = width_mm / 25.4 * 72
        for size in sizes:
            height = 0.0
            for contact in self.pack.contacts:
                name = len(self.text(contact.name)) or 1
                detail = len(self.text(contact.detail)) or 1
                per_line = max(10, int(width_pt / (0.5 * size)))
                per_name_line = max(8, int(width_pt / (0.6 * size * 1.2)))
                height += -(-name // per_name_line) * size * 1.2 * 1.3
                height += -(-detail // per_line) * size * 1.3
                height += size * 1.6 + 6          # padding, border, gap
            if height / 72 * 25.4 <= height_mm:
                return size
        return sizes[-1]

    # -- the pack at a glance -------------------------------------------------------------
    def cards_showing(self, element: str) -> list[Numbered]:
        return [n for n in self.cards if element in n.card.shows]

    def trafficked_outcomes(self) -> list[Outcome]:
        return [o for o in self.pack.outcomes if o.kind == "trafficked"]

    def coerced_choices(self) -> list[tuple[Numbered, Choice]]:
        return [(n, ch) for n in self.cards for ch in n.card.choices if ch.coerced]
