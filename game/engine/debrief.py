"""The debrief and the class summary, computed from the event log.

For each player: the outcome, the journey as a timeline of cards and the
choice made at each (safe ones marked; for unsafe ones, what the safe choice
was), money and debt, documents held. For the class: how many journeys ended
safe, unsafe, trafficked or unfinished, the unsafe choices most taken and the
discussion questions of the cards that were played.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from game.content.model import Card, Outcome, Pack
from game.engine import events as E
from game.engine.state import Game


@dataclass(frozen=True)
class Step:
    """One card met on a journey and what the player did with it."""
    turn: int
    card: str
    stage: str
    route: str
    choice: Optional[int]          # None: no choice was offered or the turn ended first
    safe: Optional[bool]
    safe_choices: tuple[int, ...]  # the card's safe choices (what the safe choice was)


@dataclass(frozen=True)
class PlayerDebrief:
    player: int
    name: str
    outcome: Optional[Outcome]     # None: unfinished (left, or the game was ended)
    ended: Optional[str]           # why (state.BY_*, LEFT, STOPPED)
    assisted_by: Optional[str]
    money: int
    debt: int
    risk: int
    documents: tuple[str, ...]
    contacts: tuple[str, ...]
    route: str
    turns: int
    steps: tuple[Step, ...]

    @property
    def kind(self) -> str:
        return self.outcome.kind if self.outcome else "unfinished"

    @property
    def unsafe_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.safe is False)


@dataclass(frozen=True)
class Debrief:
    players: tuple[PlayerDebrief, ...]
    kinds: dict[str, int]                          # safe / unsafe / trafficked / unfinished
    unsafe_choices: tuple[tuple[str, int, int], ...]  # (card, choice, times), most taken first
    discussion: tuple[str, ...]                    # ids of played cards with a `discuss`
    contacts: tuple[str, ...] = field(default=())  # the pack's help contacts


def build_debrief(pack: Pack, game: Game, events: Iterable[E.Event]) -> Debrief:
    cards = {c.id: c for c in pack.cards}
    outcomes = {o.id: o for o in pack.outcomes}
    steps: dict[int, list[Step]] = {j.player: [] for j in game.journeys}
    turn: dict[int, int] = {}
    played: dict[str, None] = {}
    for ev in events:
        kind = type(ev)
        if kind is E.TurnStarted:
            turn[ev.player] = ev.turn
        elif kind is E.CardDrawn:
            card = cards.get(ev.card)
            if card is None:
                continue
            played.setdefault(card.id)
            steps[ev.player].append(Step(turn.get(ev.player, 0), card.id, card.stage, ev.route,
                                         None, None, _safe_choices(card)))
        elif kind is E.Chose:
            timeline = steps[ev.player]
            if timeline and timeline[-1].card == ev.card and timeline[-1].choice is None:
                last = timeline[-1]
                timeline[-1] = Step(last.turn, last.card, last.stage, last.route,
                                    ev.choice, ev.safe, last.safe_choices)
    players = []
    for j in game.journeys:
        players.append(PlayerDebrief(
            j.player, j.name, outcomes.get(j.outcome) if j.outcome else None, j.ended,
            j.assisted_by, j.money, j.debt, j.risk, j.documents, j.contacts, j.route, j.turns,
            tuple(steps[j.player])))
    kinds = Counter({"safe": 0, "unsafe": 0, "trafficked": 0, "unfinished": 0})
    kinds.update(p.kind for p in players)
    unsafe = Counter((s.card, s.choice) for p in players for s in p.unsafe_steps)
    return Debrief(
        tuple(players), dict(kinds),
        tuple((card, choice, n) for (card, choice), n in unsafe.most_common()),
        tuple(cid for cid in played if cards[cid].discuss),
        tuple(c.id for c in pack.contacts))


def _safe_choices(card: Card) -> tuple[int, ...]:
    return tuple(i for i, c in enumerate(card.choices) if c.safe)
