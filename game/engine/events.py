"""What happened: the events `rules.apply` returns with each new state.

The event log feeds the screens (what to animate and show), the debrief,
the session report and the CSV. Every event is plain data with a `type`.
Events are not frozen (a frozen dataclass costs three times as much to make,
and the simulator makes millions), but nothing ever changes one: treat them
as values.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar, Optional


@dataclass(slots=True)
class Event:
    type: ClassVar[str] = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, tuple):
                data[key] = list(value)
        return {"type": self.type, **data}


@dataclass(slots=True)
class TurnStarted(Event):
    player: int
    turn: int       # this player's turn number, from 1
    round: int
    type: ClassVar[str] = "turn-started"


@dataclass(slots=True)
class TurnLost(Event):
    """A turn lost to an earlier `skip` effect."""
    player: int
    left: int       # lost turns still to come
    type: ClassVar[str] = "turn-lost"


@dataclass(slots=True)
class TurnSkipped(Event):
    """The facilitator skipped this player's turn."""
    player: int
    type: ClassVar[str] = "turn-skipped"


@dataclass(slots=True)
class Rolled(Event):
    player: int
    value: int
    type: ClassVar[str] = "rolled"


@dataclass(slots=True)
class Moved(Event):
    """The token walked along `path` (space indices on `route`, start excluded)."""
    player: int
    route: str
    path: tuple[int, ...]
    type: ClassVar[str] = "moved"


@dataclass(slots=True)
class RouteChanged(Event):
    player: int
    route: str
    position: int
    type: ClassVar[str] = "route-changed"


@dataclass(slots=True)
class CheckpointPassed(Event):
    player: int
    stage: str
    type: ClassVar[str] = "checkpoint-passed"


@dataclass(slots=True)
class CheckpointHeld(Event):
    """Held at a checkpoint: these documents are missing."""
    player: int
    stage: str
    missing: tuple[str, ...]
    type: ClassVar[str] = "checkpoint-held"


@dataclass(slots=True)
class SafeSpace(Event):
    player: int
    place: str                 # family | training-centre | support-office
    risk: int                  # change in risk (0 or negative)
    contact: Optional[str]     # contact learned, if any
    type: ClassVar[str] = "safe-space"


@dataclass(slots=True)
class CardDrawn(Event):
    player: int
    card: str
    stage: str
    route: str
    via: str                   # card | event | checkpoint | next | crisis
    type: ClassVar[str] = "card-drawn"


@dataclass(slots=True)
class ElementsShown(Event):
    """The card on show shows elements of trafficking (act, means, purpose)."""
    player: int
    card: str
    elements: tuple[str, ...]
    type: ClassVar[str] = "elements-shown"


@dataclass(slots=True)
class NoChoiceOffered(Event):
    """The card's choices all need something the player lacks; play moves on."""
    player: int
    card: str
    type: ClassVar[str] = "no-choice-offered"


@dataclass(slots=True)
class NothingToDraw(Event):
    """The pack has no card for this stage and route; play moves on."""
    player: int
    stage: str
    route: str
    type: ClassVar[str] = "nothing-to-draw"


@dataclass(slots=True)
class Chose(Event):
    player: int
    card: str
    choice: int
    safe: bool
    coerced: bool = False      # no real choice: done to the player, never their mistake
    type: ClassVar[str] = "chose"


@dataclass(slots=True)
class EffectsApplied(Event):
    """What a choice changed, as it really happened (after clamping)."""
    player: int
    money: int = 0
    debt: int = 0
    risk: int = 0
    gained: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()
    contact: Optional[str] = None
    skip: int = 0
    type: ClassVar[str] = "effects"


@dataclass(slots=True)
class JourneyEnded(Event):
    player: int
    outcome: Optional[str]        # None when unfinished
    kind: Optional[str]           # safe | unsafe | trafficked | None
    reason: str                   # state.BY_* / LEFT / STOPPED
    assisted_by: Optional[str] = None
    assisted: bool = False        # trafficked, then assisted (help came)
    type: ClassVar[str] = "journey-ended"


@dataclass(slots=True)
class GameEnded(Event):
    stopped: bool                 # True when the facilitator ended it early
    type: ClassVar[str] = "game-ended"


@dataclass(slots=True)
class Rejected(Event):
    """The action was not legal now; the state is unchanged."""
    action: str
    reason: str
    type: ClassVar[str] = "rejected"


EVENTS: dict[str, type[Event]] = {cls.type: cls for cls in (
    TurnStarted, TurnLost, TurnSkipped, Rolled, Moved, RouteChanged, CheckpointPassed,
    CheckpointHeld, SafeSpace, CardDrawn, ElementsShown, NoChoiceOffered, NothingToDraw, Chose,
    EffectsApplied, JourneyEnded, GameEnded, Rejected)}


def event_from_json(data: dict[str, Any]) -> Event:
    """Rebuild an event saved with `to_json`; ValueError if it is not one."""
    try:
        cls = EVENTS[data["type"]]
        args = {k: (tuple(v) if isinstance(v, list) else v)
                for k, v in data.items() if k != "type"}
        return cls(**args)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not an event: {data!r}") from exc
