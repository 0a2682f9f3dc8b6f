"""The game's history: every action applied, the states and events they made.

Undo is "keep the previous states": cheap, exact, and back to the start of
the game if need be. A save is the seed, the names and the actions; loading
replays them through the same rules, so a resumed game is the same game.
"""
from __future__ import annotations

from typing import Any, Iterator, Optional, Sequence

from game.engine.actions import Action, action_from_json
from game.engine.debrief import Debrief, build_debrief
from game.engine.events import Event, Rejected
from game.engine.rules import Rules
from game.engine.state import Game


class GameLog:
    def __init__(self, rules: Rules, names: Sequence[str], seed: int = 0):
        self.rules = rules
        self.names = tuple(names)
        self.seed = seed
        game, events = rules.new_game(self.names, seed)
        self.actions: list[Action] = []
        self.states: list[Game] = [game]
        self.events: list[list[Event]] = [events]  # events[0]: the start of the game
        self._debrief: Optional[Debrief] = None    # of the game as it is; None: to build

    @property
    def game(self) -> Game:
        return self.states[-1]

    @property
    def debrief(self) -> Debrief:
        """The debrief of the game so far: built once per change of the log (every
        action applied or undone), then shared by the screens, saves and reports."""
        if self._debrief is None:
            self._debrief = build_debrief(self.rules.pack, self.game, self.all_events())
        return self._debrief

    def apply(self, action: Action) -> list[Event]:
        """Apply `action`; a rejected one is returned but not recorded."""
        game, events = self.rules.apply(self.game, action)
        if len(events) == 1 and isinstance(events[0], Rejected):
            return events
        self.actions.append(action)
        self.states.append(game)
        self.events.append(events)
        self._debrief = None
        return events

    def can_undo(self) -> bool:
        return bool(self.actions)

    def undo(self) -> bool:
        """Take back the last action; False when at the start of the game."""
        if not self.actions:
            return False
        self.actions.pop()
        self.states.pop()
        self.events.pop()
        self._debrief = None
        return True

    def all_events(self) -> Iterator[Event]:
        for batch in self.events:
            yield from batch

    # -- saving ------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {"pack": self.rules.pack.id, "names": list(self.names), "seed": self.seed,
                "actions": [a.to_json() for a in self.actions],
                "state": self.game.to_json()}

    @classmethod
    def from_json(cls, rules: Rules, data: dict[str, Any]) -> "GameLog":
        """Replay a saved log; ValueError if it does not replay to a legal game."""
        try:
            names, seed, actions = data["names"], data["seed"], data["actions"]
            if not isinstance(seed, int) or not isinstance(actions, list):
                raise TypeError
            log = cls(rules, [str(n) for n in names], seed)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a saved game: {exc}") from exc
        for number, raw in enumerate(actions, 1):
            if not isinstance(raw, dict):
                raise ValueError(f"action {number} is not an action: {raw!r}")
            events = log.apply(action_from_json(raw))
            if len(log.actions) != number:
                raise ValueError(f"action {number} does not replay: {events[0]}")
        return log
