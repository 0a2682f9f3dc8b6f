"""The debrief and the class summary, computed from the event log.

For each player: the outcome (and whether they were trafficked, then
assisted), the journey as a timeline of cards and the choice made at each
(safe ones marked; for unsafe ones, what the safe choice was; a coerced
choice marked as done to the player, never as their unsafe choice), the cards
where the act, the means and the purpose of trafficking appeared, money and
debt, documents held. For the class: how many journeys ended
safe, unsafe, trafficked or unfinished, the unsafe choices most taken (each
with the safe choices of its card) and the discussion questions of the cards
that were played.

A `Debrief` holds ids only (cards, choices by their index on the card,
outcomes, documents, contacts): the screens and the session report look the
texts up in the pack, and a debrief read back from a save still serves when
the pack has changed or is not at hand. It round-trips through JSON
(`to_json` / `from_json`); the unsafe-choice summary is worked out from the
players' timelines when a debrief is made, so it is not written.

`GameLog.debrief` builds it once per change of the log; the screens, the
autosave and the report all read that one.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from game.content.model import STAGES, Card, Pack
from game.content.model import ELEMENTS
from game.engine.events import CardDrawn, Chose, Event, GameEnded, TurnStarted
from game.engine.state import Game

KINDS = ("safe", "unsafe", "trafficked", "unfinished")


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
    coerced: bool = False          # no real choice: done to the player, never their mistake
    shows: tuple[str, ...] = ()    # the elements of trafficking this card showed
    crisis: bool = False           # drawn because risk had reached 10

    @property
    def unsafe(self) -> bool:
        """The player's own unsafe choice (a coerced one never is)."""
        return self.safe is False and not self.coerced and self.choice is not None


@dataclass(frozen=True)
class PlayerDebrief:
    player: int
    name: str
    outcome: Optional[str]         # the outcome's id; None: unfinished (left, or the game was ended)
    kind: str                      # safe | unsafe | trafficked | unfinished
    ended: Optional[str]           # why (state.BY_*, LEFT, STOPPED); None while on the way
    assisted_by: Optional[str]     # a contact's id
    money: int
    debt: int
    risk: int
    documents: tuple[str, ...]
    contacts: tuple[str, ...]
    route: str
    turns: int
    steps: tuple[Step, ...]
    assisted: bool = False         # trafficked, then assisted: help came

    @property
    def unsafe_steps(self) -> tuple[Step, ...]:
        """The player's own unsafe choices; never what was done to them."""
        return tuple(s for s in self.steps if s.unsafe)

    @property
    def coerced_steps(self) -> tuple[Step, ...]:
        """What was done to the player under threat, force or debt."""
        return tuple(s for s in self.steps if s.coerced and s.choice is not None)

    @property
    def elements(self) -> dict[str, str]:
        """Where the act, the means and the purpose first appeared: element -> card id."""
        found: dict[str, str] = {}
        for s in self.steps:
            for element in s.shows:
                found.setdefault(element, s.card)
        return {e: found[e] for e in ELEMENTS if e in found}


@dataclass(frozen=True)
class UnsafeChoice:
    """An unsafe choice taken, how often, and the safe choices its card offered."""
    card: str
    choice: int
    stage: str
    times: int
    safe_choices: tuple[int, ...]


@dataclass(frozen=True)
class Debrief:
    players: tuple[PlayerDebrief, ...]
    discussion: tuple[str, ...] = ()  # ids of played cards with a `discuss`, in play order
    contacts: tuple[str, ...] = ()    # the pack's help contacts
    over: bool = False                # every journey ended, or the facilitator ended the game
    stopped: bool = False             # the facilitator ended it early
    # most taken first, then by stage: worked out from `players`
    unsafe_choices: tuple[UnsafeChoice, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "unsafe_choices", unsafe_summary(self.players))

    @property
    def kinds(self) -> dict[str, int]:
        """How many journeys ended in each kind (every kind, zero included)."""
        counts = Counter({kind: 0 for kind in KINDS})
        counts.update(p.kind for p in self.players)
        return dict(counts)

    # -- JSON --------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "players": [_player_json(p) for p in self.players],
            "discussion": list(self.discussion), "contacts": list(self.contacts),
            "over": self.over, "stopped": self.stopped,
        }

    @classmethod
    def from_json(cls, data: Any) -> "Debrief":
        """ValueError unless `data` is a debrief as `to_json` writes it."""
        try:
            data = _dict(data)
            return cls(tuple(_player(p) for p in _list(data["players"])),
                       _strs(data["discussion"]), _strs(data["contacts"]),
                       _bool(data["over"]), _bool(data["stopped"]))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not a debrief: {exc}") from exc


def build_debrief(pack: Pack, game: Game, events: Iterable[Event]) -> Debrief:
    cards = {c.id: c for c in pack.cards}
    outcomes = {o.id: o for o in pack.outcomes}
    steps: dict[int, list[Step]] = {j.player: [] for j in game.journeys}
    turn: dict[int, int] = {}
    played: dict[str, None] = {}
    stopped = False
    for ev in events:
        kind = type(ev)
        if kind is TurnStarted:
            turn[ev.player] = ev.turn
        elif kind is CardDrawn:
            card = cards.get(ev.card)
            if card is None:
                continue
            played.setdefault(card.id)
            steps[ev.player].append(Step(turn.get(ev.player, 0), card.id, card.stage, ev.route,
                                         None, None, _safe_choices(card), False,
                                         tuple(card.shows), ev.via == "crisis"))
        elif kind is Chose:
            timeline = steps[ev.player]
            if timeline and timeline[-1].card == ev.card and timeline[-1].choice is None:
                last = timeline[-1]
                timeline[-1] = Step(last.turn, last.card, last.stage, last.route,
                                    ev.choice, ev.safe, last.safe_choices, ev.coerced,
                                    last.shows, last.crisis)
        elif kind is GameEnded:
            stopped = stopped or ev.stopped
    players = []
    for j in game.journeys:
        outcome = outcomes.get(j.outcome) if j.outcome else None
        players.append(PlayerDebrief(
            j.player, j.name, outcome.id if outcome else None,
            outcome.kind if outcome else "unfinished", j.ended, j.assisted_by, j.money, j.debt,
            j.risk, tuple(j.documents), tuple(j.contacts), j.route, j.turns,
            tuple(steps[j.player]), j.assisted))
    return Debrief(tuple(players), tuple(cid for cid in played if cards[cid].discuss),
                   tuple(c.id for c in pack.contacts), game.over, stopped)


def unsafe_summary(players: Iterable[PlayerDebrief]) -> tuple[UnsafeChoice, ...]:
    """Every unsafe choice taken (never a coerced one): most taken first, then by
    stage, card and choice."""
    times: Counter = Counter()
    first: dict[tuple[str, int], Step] = {}
    for p in players:
        for s in p.steps:
            if s.unsafe:
                times[(s.card, s.choice)] += 1
                first.setdefault((s.card, s.choice), s)
    stage_of = {stage: i for i, stage in enumerate(STAGES)}
    ranked = sorted(times.items(), key=lambda kv: (
        -kv[1], stage_of.get(first[kv[0]].stage, len(STAGES)), kv[0]))
    return tuple(UnsafeChoice(card, choice, first[(card, choice)].stage, n,
                              first[(card, choice)].safe_choices)
                 for (card, choice), n in ranked)


def _safe_choices(card: Card) -> tuple[int, ...]:
    return tuple(i for i, c in enumerate(card.choices) if c.safe)


# -- JSON: written plainly, read strictly (a save may have been damaged) ----------------

def _player_json(p: PlayerDebrief) -> dict[str, Any]:
    return {
        "player": p.player, "name": p.name, "outcome": p.outcome, "kind": p.kind,
        "ended": p.ended, "assisted_by": p.assisted_by, "money": p.money, "debt": p.debt,
        "risk": p.risk, "documents": list(p.documents), "contacts": list(p.contacts),
        "route": p.route, "turns": p.turns, "assisted": p.assisted,
        "steps": [{"turn": s.turn, "card": s.card, "stage": s.stage, "route": s.route,
                   "choice": s.choice, "safe": s.safe, "safe_choices": list(s.safe_choices),
                   "coerced": s.coerced, "shows": list(s.shows), "crisis": s.crisis}
                  for s in p.steps],
    }


def _player(data: Any) -> PlayerDebrief:
    data = _dict(data)
    kind = _str(data["kind"])
    if kind not in KINDS:
        raise TypeError(f"kind {kind!r}")
    return PlayerDebrief(
        _int(data["player"]), _str(data["name"]), _opt_str(data["outcome"]), kind,
        _opt_str(data["ended"]), _opt_str(data["assisted_by"]), _int(data["money"]),
        _int(data["debt"]), _int(data["risk"]), _strs(data["documents"]),
        _strs(data["contacts"]), _str(data["route"]), _int(data["turns"]),
        tuple(_step(s) for s in _list(data["steps"])), _bool(data.get("assisted", False)))


def _step(data: Any) -> Step:
    data = _dict(data)
    choice, safe = data["choice"], data["safe"]
    return Step(_int(data["turn"]), _str(data["card"]), _str(data["stage"]),
                _str(data["route"]), None if choice is None else _int(choice),
                None if safe is None else _bool(safe),
                tuple(_int(i) for i in _list(data["safe_choices"])),
                _bool(data.get("coerced", False)), _strs(data.get("shows", [])),
                _bool(data.get("crisis", False)))


def _dict(value: Any) -> dict:
    if not isinstance(value, dict):
        raise TypeError("expected a mapping")
    return value


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _opt_str(value: Any) -> Optional[str]:
    return None if value is None else _str(value)


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(_str(v) for v in _list(value))


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected a whole number")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value
