"""The whole game state: plain data that round-trips through JSON.

`Game` holds one `Journey` per player or team. Nothing here draws, reads
files or keeps callbacks; `rules.apply` is the only code that makes a new
state, and it never changes the one it is given.

Randomness lives in the state too (`Game.rng`, a splitmix64 counter), so a
saved game, a replay for undo and a simulation all draw the same numbers for
the same seed.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Optional

# Phases of the game: whose move it is and what kind.
ROLL = "roll"      # the current player rolls (or, waiting at a checkpoint, draws)
CARD = "card"      # a card is shown and waits for a choice
OVER = "over"      # every journey has ended, or the facilitator ended the game

# Why a journey ended (Journey.ended).
BY_CARD = "card"            # a choice's `outcome`
BY_HOME = "home"            # reached home on the regular route, money >= debt
BY_HOME_UNSAFE = "home-unsafe"  # reached home any other way
BY_RISK = "risk"            # risk reached 10 (a pack without crisis cards)
BY_MAX_TURNS = "max-turns"  # the pack's max_turns ran out
LEFT = "left"               # the player left; journey unfinished
STOPPED = "stopped"         # the facilitator ended the game; journey unfinished
UNFINISHED = (LEFT, STOPPED)

_MASK = (1 << 64) - 1


def next_random(x: int) -> tuple[int, int]:
    """splitmix64: (new state, 64-bit random number)."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK
    z = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return x, z ^ (z >> 31)


@dataclass(slots=True)
class Journey:
    """One player's (or team's) journey and everything they carry."""
    player: int
    name: str
    money: int
    documents: tuple[str, ...]
    route: str = "regular"
    position: int = 0
    debt: int = 0
    risk: int = 0
    flags: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    skip: int = 0
    turns: int = 0
    seen: tuple[str, ...] = ()
    waiting: bool = False          # held at a checkpoint without its documents
    ended: Optional[str] = None    # why the journey ended (BY_*, LEFT, STOPPED); None while on the way
    outcome: Optional[str] = None  # the pack outcome id it ended in (None when unfinished)
    assisted_by: Optional[str] = None  # contact that brought help after a trafficked outcome
    shown: tuple[str, ...] = ()    # elements of trafficking the journey's cards showed
    trafficked: bool = False       # passed a card that shows act and means: never "safe"
    assisted: bool = False         # ended trafficked, then assisted

    @property
    def active(self) -> bool:
        return self.ended is None

    def clone(self) -> "Journey":
        return Journey(self.player, self.name, self.money, self.documents, self.route,
                       self.position, self.debt, self.risk, self.flags, self.contacts,
                       self.skip, self.turns, self.seen, self.waiting, self.ended,
                       self.outcome, self.assisted_by, self.shown, self.trafficked,
                       self.assisted)

    def to_json(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Journey":
        kwargs = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        for name in ("documents", "flags", "contacts", "seen", "shown"):
            kwargs[name] = tuple(kwargs.get(name, ()))
        return cls(**kwargs)


@dataclass(slots=True)
class Game:
    pack_id: str
    seed: int
    journeys: tuple[Journey, ...]
    current: int = 0           # index of the journey whose turn it is
    phase: str = ROLL
    card: Optional[str] = None  # the card on show when phase == CARD
    rng: int = 0               # splitmix64 state
    step: int = 0              # actions applied so far
    round: int = 1
    drawn: tuple[str, ...] = ()  # the class's shared decks: cards drawn since each was reshuffled

    @property
    def over(self) -> bool:
        return self.phase == OVER

    @property
    def journey(self) -> Journey:
        """The journey whose turn it is."""
        return self.journeys[self.current]

    def clone(self) -> "Game":
        """A copy, journeys included, that may be changed without touching this one."""
        return Game(self.pack_id, self.seed, tuple([j.clone() for j in self.journeys]),
                    self.current, self.phase, self.card, self.rng, self.step, self.round,
                    self.drawn)

    def to_json(self) -> dict[str, Any]:
        data = {f.name: _plain(getattr(self, f.name)) for f in fields(self)}
        data["journeys"] = [j.to_json() for j in self.journeys]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Game":
        kwargs = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        kwargs["journeys"] = tuple(Journey.from_json(j) for j in data["journeys"])
        kwargs["drawn"] = tuple(kwargs.get("drawn", ()))
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
