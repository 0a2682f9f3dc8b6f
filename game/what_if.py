"""Where a journey went, and "what if": a journey replayed from one of its
choices with the safe choice instead.

`trace` reads a journey's path off the event log: every space the token
stood on and the space where each card was met (a `CardDrawn` follows the
`Moved` and `RouteChanged` events that brought the player there).

`what_if` takes the state just before the choice from the log (`log.states`,
`log.actions`), applies the safe choice through `Rules.apply`, then plays on
only that player's journey (the others wait, in a copy of the game) with a
bot that takes the safe choice wherever one is offered, to the journey's end.
The log is read, never changed: the record, the saves and the report stay
what really happened. Same log, same player, same step: same result.

Nothing here draws; the debrief screen shows what these return.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Container, Iterable, Optional

from game.engine.actions import Choose, Roll
from game.engine.events import CardDrawn, Chose, Event, Moved, Rejected, RouteChanged
from game.engine.state import CARD, STOPPED, Game
from game.sim import bot_choice

Place = tuple[str, int]          # (route, space index)
START: Place = ("regular", 0)    # where every journey begins (state.Journey)
MAX_ACTIONS = 5000               # a guard: a journey always ends long before


class NoWhatIf(ValueError):
    """This step cannot be replayed with a safe choice (and why, in `reason`)."""

    def __init__(self, reason: str, message: str = ""):
        super().__init__(message or reason)
        self.reason = reason     # "no-choice" | "no-safe-choice" | "not-offered" | "not-found"


@dataclass(frozen=True)
class Trace:
    """Where a journey went: `path` is every space stood on, in order, the start
    first; `met[k]` is the index in `path` of the space where the journey's k-th
    card was met."""
    path: tuple[Place, ...]
    met: tuple[int, ...]

    def place(self, k: int) -> Place:
        """The space where the k-th card was met."""
        return self.path[self.met[k]]

    @property
    def end(self) -> Place:
        return self.path[-1]


class _Walker:
    """Follows one player's token through events."""

    def __init__(self, player: int, start: Place, cards: Optional[Container[str]]):
        self.player, self.cards = player, cards
        self.path: list[Place] = [start]
        self.met: list[int] = []
        self.shown: list[tuple[str, int]] = []   # (card, index in path), every card drawn

    def see(self, ev: Event) -> None:
        if getattr(ev, "player", None) != self.player:
            return
        kind = type(ev)
        if kind is Moved:
            self.path.extend((ev.route, i) for i in ev.path)
        elif kind is RouteChanged:
            place = (ev.route, ev.position)
            if place != self.path[-1]:
                self.path.append(place)
        elif kind is CardDrawn:
            if self.cards is None or ev.card in self.cards:
                self.met.append(len(self.path) - 1)
            self.shown.append((ev.card, len(self.path) - 1))


def trace(events: Iterable[Event], player: int, start: Place = START,
          cards: Optional[Container[str]] = None) -> Trace:
    """The path of `player`'s journey in `events` (a game's events in order).
    With `cards`, only cards in it count as met (as `build_debrief` counts the
    steps of a journey), so `met` lines up with the debrief's steps."""
    walker = _Walker(player, start, cards)
    for ev in events:
        walker.see(ev)
    return Trace(tuple(walker.path), tuple(walker.met))


@dataclass(frozen=True)
class WhatIfStep:
    """A card met on the replayed journey and the choice the bot made."""
    card: str
    choice: Optional[int]          # None: no choice was offered
    safe: Optional[bool]
    coerced: bool
    at: int                        # index in WhatIf.path of the space where it was met


@dataclass(frozen=True)
class WhatIf:
    """A journey replayed from step `step` (its index among the journey's cards)
    with `choice`, a safe choice of `card`, instead of what was chosen."""
    player: int
    step: int
    card: str
    choice: int
    path: tuple[Place, ...]        # from the space of `card` on, in order
    steps: tuple[WhatIfStep, ...]  # `card` with the safe choice first, then every card after
    outcome: Optional[str]         # the outcome id it reaches (None: it did not end)
    kind: str                      # safe | unsafe | trafficked | unfinished
    assisted: bool
    assisted_by: Optional[str]
    ended: Optional[str]           # why it ended (state.BY_*)
    money: int
    debt: int
    risk: int
    documents: tuple[str, ...]
    turns: int

    @property
    def end(self) -> Place:
        return self.path[-1]


def _choice_batch(log: Any, player: int, step: int) -> tuple[int, str]:
    """(index of the action that made the choice at the player's `step`-th card, card id)."""
    known = {c.id for c in log.rules.pack.cards}
    seen = -1
    card = None
    for b, batch in enumerate(log.events):
        for ev in batch:
            if getattr(ev, "player", None) != player:
                continue
            if type(ev) is CardDrawn and ev.card in known:
                if card is not None:          # the next card came first: no choice made
                    raise NoWhatIf("no-choice", f"no choice was made at step {step}")
                seen += 1
                if seen == step:
                    card = ev.card
            elif type(ev) is Chose and card is not None and ev.card == card:
                if b == 0:
                    break
                return b - 1, card
    if card is None:
        raise NoWhatIf("not-found", f"player {player} has no step {step}")
    raise NoWhatIf("no-choice", f"no choice was made at step {step}")


def safe_choices_offered(rules: Any, game: Game) -> list[int]:
    """The safe choices of the card on show that the current player may take."""
    card = rules.card_on_show(game)
    if card is None:
        return []
    return [i for i in rules.offered(game) if card.choices[i].safe]


def before_choice(log: Any, player: int, step: int) -> tuple[Game, str]:
    """The game just before `player` chose at their `step`-th card, and the card's id."""
    index, card = _choice_batch(log, player, step)
    if index >= len(log.actions) or not isinstance(log.actions[index], Choose):
        raise NoWhatIf("not-found", f"step {step} was not a choice")
    game = log.states[index]
    if game.phase != CARD or game.card != card or game.current != player:
        raise NoWhatIf("not-found", f"the log does not show step {step} on show")
    return game, card


def what_if(log: Any, player: int, step: int, choice: Optional[int] = None) -> WhatIf:
    """`player`'s journey replayed from their `step`-th card (0-based, as in the
    debrief's steps) with a safe choice instead: `choice` if given, else the
    first safe choice the rules offer there. NoWhatIf when there is none."""
    rules = log.rules
    before, card_id = before_choice(log, player, step)
    offered = safe_choices_offered(rules, before)
    card = rules.pack.card(card_id)
    if choice is None:
        if not any(c.safe for c in card.choices):
            raise NoWhatIf("no-safe-choice", f"{card_id} has no safe choice")
        if not offered:
            raise NoWhatIf("not-offered", f"no safe choice of {card_id} was offered")
        choice = offered[0]
    elif choice not in offered:
        raise NoWhatIf("not-offered", f"choice {choice} of {card_id} is not a safe one offered")
    game = before.clone()                  # a copy: the log's states are never touched
    for j in game.journeys:
        if j.player != player and j.active:
            j.ended = STOPPED              # the other journeys wait where they are
    real = trace(log.all_events(), player, cards={c.id for c in rules.pack.cards})
    walker = _Walker(player, real.place(step), None)
    walker.shown.append((card_id, 0))
    chosen: list[tuple[Optional[int], Optional[bool], bool]] = []
    rng = random.Random(_seed(log.seed, player, step, choice))
    action = Choose(choice)
    for _ in range(MAX_ACTIONS):
        game, events = rules.apply(game, action)
        if len(events) == 1 and isinstance(events[0], Rejected):
            break                          # (cannot happen: the bot takes what is offered)
        for ev in events:
            if type(ev) is Chose and ev.player == player:
                while len(chosen) < len(walker.shown) - 1:
                    chosen.append((None, None, False))   # a card with no choice offered
                chosen.append((ev.choice, ev.safe, ev.coerced))
            walker.see(ev)
        if game.over or not game.journeys[player].active:
            break
        action = Choose(bot_choice(rules, game, "safe", rng)) if game.phase == CARD else Roll()
    while len(chosen) < len(walker.shown):
        chosen.append((None, None, False))
    steps = tuple(WhatIfStep(cid, ch, safe, coerced, at)
                  for (cid, at), (ch, safe, coerced) in zip(walker.shown, chosen))
    j = game.journeys[player]
    kind = "unfinished"
    if j.outcome:
        kind = next((o.kind for o in rules.pack.outcomes if o.id == j.outcome), "unfinished")
    return WhatIf(player, step, card_id, choice, tuple(walker.path), steps, j.outcome, kind,
                  j.assisted, j.assisted_by, j.ended, j.money, j.debt, j.risk,
                  tuple(j.documents), j.turns)


def _seed(game_seed: int, player: int, step: int, choice: int) -> int:
    """The bot's seed: from the game's seed and the replayed choice, so the same
    question asked of the same game always gets the same answer."""
    return ((game_seed & ((1 << 48) - 1)) * 1_000_003 + player * 10_007 + step * 101 + choice) \
        & ((1 << 63) - 1)
