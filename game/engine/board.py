"""The board: one track from the village to work abroad and home.

Two routes run side by side through the four stages. The regular
(procedural) route is longer, has safe spaces and a checkpoint at the end of
each stage the pack lists under `checkpoints`; the irregular route is
shorter, with no checkpoints and no safe spaces. Both end on "home".

A space is addressed by (route, index). Index `len(route)` is home.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from game.content.model import STAGES

CARD = "card"
EVENT = "event"
SAFE = "safe"
CHECKPOINT = "checkpoint"
HOME = "home"

# Safe spaces name what is there; the screens and the debrief use the name.
FAMILY = "family"
TRAINING_CENTRE = "training-centre"
SUPPORT_OFFICE = "support-office"

# The layout of each stage, in order. The last space of a stage on the regular
# route is a checkpoint when the pack lists documents for that stage (marked
# here where the real procedure has one), and a card space otherwise.
_REGULAR: Mapping[str, Sequence[str]] = {
    "recruitment": (CARD, SAFE + ":" + FAMILY, CARD, EVENT, CARD, CARD),
    "documentation": (CARD, SAFE + ":" + TRAINING_CENTRE, CARD, EVENT, CARD, CARD, CHECKPOINT),
    "travel": (CARD, EVENT, CARD, CARD, CARD, CHECKPOINT),
    "work": (CARD, EVENT, CARD, SAFE + ":" + SUPPORT_OFFICE, CARD, CARD, EVENT, CARD),
}
_IRREGULAR: Mapping[str, Sequence[str]] = {
    "recruitment": (CARD, EVENT, CARD, CARD),
    "documentation": (CARD, EVENT, CARD),
    "travel": (CARD, EVENT, CARD, CARD),
    "work": (CARD, EVENT, CARD, CARD, CARD, CARD),
}

# The short board (`--length short`): the same stages and places with fewer
# spaces, for a lesson of about 25 minutes of play with 4 players.
_REGULAR_SHORT: Mapping[str, Sequence[str]] = {
    "recruitment": (CARD, SAFE + ":" + FAMILY, CARD, EVENT),
    "documentation": (CARD, SAFE + ":" + TRAINING_CENTRE, EVENT, CARD, CHECKPOINT),
    "travel": (CARD, EVENT, CARD, CHECKPOINT),
    "work": (CARD, EVENT, SAFE + ":" + SUPPORT_OFFICE, CARD, CARD),
}
_IRREGULAR_SHORT: Mapping[str, Sequence[str]] = {
    "recruitment": (CARD, EVENT, CARD),
    "documentation": (CARD, CARD),
    "travel": (CARD, EVENT, CARD),
    "work": (CARD, EVENT, CARD, CARD),
}
LENGTHS = ("full", "short")
_LAYOUTS = {"full": (_REGULAR, _IRREGULAR), "short": (_REGULAR_SHORT, _IRREGULAR_SHORT)}


@dataclass(frozen=True)
class Space:
    route: str
    index: int  # position along the route; home is the last index
    stage: str  # one of STAGES, or "home"
    kind: str   # card | event | safe | checkpoint | home
    place: str = ""  # for safe spaces: family | training-centre | support-office
    stage_index: int = 0  # position within its stage
    stage_length: int = 1


@dataclass(frozen=True)
class Board:
    routes: Mapping[str, tuple[Space, ...]]
    checkpoints: Mapping[str, tuple[str, ...]]

    def space(self, route: str, index: int) -> Space:
        return self.routes[route][index]

    def home_index(self, route: str) -> int:
        return len(self.routes[route]) - 1

    def equivalent(self, route: str, index: int, new_route: str) -> int:
        """The index on `new_route` that is as far through the same stage."""
        here = self.routes[route][index]
        if here.kind == HOME:
            return self.home_index(new_route)
        target = [s for s in self.routes[new_route] if s.stage == here.stage]
        share = here.stage_index / max(1, here.stage_length)
        return target[min(len(target) - 1, int(share * len(target)))].index


def build_board(checkpoints: Mapping[str, Sequence[str]], length: str = "full") -> Board:
    """The board for a pack: checkpoints exist where the pack requires documents.
    `length` is "full" or "short" (LENGTHS)."""
    routes = {}
    regular, irregular = _LAYOUTS[length]
    for route, layout in (("regular", regular), ("irregular", irregular)):
        spaces = []
        for stage in STAGES:
            kinds = layout[stage]
            for i, raw in enumerate(kinds):
                kind, _, place = raw.partition(":")
                last = i == len(kinds) - 1
                if route == "regular" and last and checkpoints.get(stage):
                    kind, place = CHECKPOINT, ""   # any stage the pack lists has one
                elif kind == CHECKPOINT:
                    kind = CARD
                spaces.append(Space(route, len(spaces), stage, kind, place, i, len(kinds)))
        spaces.append(Space(route, len(spaces), HOME, HOME))
        routes[route] = tuple(spaces)
    return Board(routes, {k: tuple(v) for k, v in checkpoints.items() if v})
