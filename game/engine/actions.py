"""What a player or the facilitator can do: plain data handed to `rules.apply`."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class Action:
    type: ClassVar[str] = ""

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, **asdict(self)}


@dataclass(frozen=True, slots=True)
class Roll(Action):
    """Roll the die and move; a player held at a checkpoint draws instead."""
    type: ClassVar[str] = "roll"


@dataclass(frozen=True, slots=True)
class Choose(Action):
    """Take choice number `index` (0-based) of the card on show."""
    index: int
    type: ClassVar[str] = "choose"


@dataclass(frozen=True, slots=True)
class SkipTurn(Action):
    """Facilitator: the current player's turn ends without a move."""
    type: ClassVar[str] = "skip-turn"


@dataclass(frozen=True, slots=True)
class RemovePlayer(Action):
    """Facilitator: a player had to leave; their journey is recorded as unfinished."""
    player: int
    type: ClassVar[str] = "remove-player"


@dataclass(frozen=True, slots=True)
class EndGame(Action):
    """Facilitator: end the game now; journeys on the way are unfinished."""
    type: ClassVar[str] = "end-game"


ACTIONS: dict[str, type[Action]] = {
    cls.type: cls for cls in (Roll, Choose, SkipTurn, RemovePlayer, EndGame)}


def action_from_json(data: dict[str, Any]) -> Action:
    """Rebuild an action saved with `to_json`; ValueError if it is not one."""
    try:
        cls = ACTIONS[data["type"]]
        args = {k: v for k, v in data.items() if k != "type"}
        action = cls(**args)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not an action: {data!r}") from exc
    for name, value in args.items():
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"not an action: {data!r}")
    return action
