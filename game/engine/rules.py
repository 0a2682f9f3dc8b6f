"""The rules of the game: `Rules(pack).apply(game, action)` is the one door
through which the state changes.

`apply` never changes the game it is given. It returns the new game and the
events the action caused; an action that is not legal now returns the same
game and a single `Rejected` event (it never raises for a bad action).

The rules, in short (scenarios/README.md, Part 2, explains them to authors):
- Roll a d6 and walk space by space. On the regular route a player cannot
  leave a stage whose checkpoint documents they lack: they stop on the
  checkpoint and, each turn after, draw a card of that stage instead of
  moving, until they hold them. That card is one that can give a missing
  document when the stage has one (so waiting is a way to get it).
- Card space: a card of the stage for the player's route (or `any`), by
  weight, from the class's shared deck: a card anyone drew is not drawn
  again until the rest of that deck has been (`Game.drawn`). Event space: a
  `route: any` card of the stage (a normal card when the stage has none).
  Crisis cards are never drawn this way. A card with a choice that would take
  away only documents the player does not hold ("hand over your passport" to
  someone who has none) is not drawn for them while another card can be.
  Safe space: family (risk -1), training centre (a help contact learned),
  support office (a contact learned and risk -1).
- A choice's effects apply in this order: money (paying more than you have
  turns the rest into debt), debt (never below 0), risk (clamped 0..10),
  documents gained/lost, flags set/cleared, contact learned, route switch
  (to the same point of the stage on the other route), move (without
  resolving the space landed on), turns lost. Then: `outcome` ends the
  journey; else, if risk has just reached 10, a crisis card of the player's
  stage and route is drawn at once (a pack without one ends the journey in
  the `risk` ending); else `next` shows that card at once; else the turn ends.
- Risk 10: while it stays there, each later turn begins with a crisis card
  instead of a roll; the journey ends only through a choice or the board.
- A card that `shows` elements of trafficking records them on the journey;
  one that shows both the act and the means makes the journey trafficked:
  where it would end `safe` (a choice's outcome or the home ending) or
  `unsafe` (which means "not trafficked"), it ends in the `assisted` ending
  instead, as trafficked, then assisted.
- A `coerced` choice is recorded as done to the player, not chosen.
- Home ends the journey: `home` on the regular route with money >= debt,
  otherwise `home-unsafe`. A journey that has had `max_turns` turns ends in
  `home-unsafe` when its next turn would start.
- A trafficked ending for a player who has learned a help contact is
  recorded as assisted by that contact: help exists.
- The board has two lengths (`Rules(pack, length)`): "full" and "short".
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Optional, Sequence

from game.content.model import RISK_MAX, Card, Choice, Pack
from game.engine.actions import Action, Choose, EndGame, RemovePlayer, Roll, SkipTurn
from game.engine.events import (CardDrawn, CheckpointHeld, CheckpointPassed, Chose,
    EffectsApplied, ElementsShown, Event, GameEnded, JourneyEnded, Moved, NoChoiceOffered,
    NothingToDraw, Rejected, Rolled, RouteChanged, SafeSpace, TurnLost, TurnSkipped,
    TurnStarted)
from game.engine.board import CARD, CHECKPOINT, EVENT, HOME, SAFE, Board, build_board
from game.engine.board import FAMILY, SUPPORT_OFFICE, TRAINING_CENTRE
from game.engine.state import (BY_CARD, BY_HOME, BY_HOME_UNSAFE, BY_MAX_TURNS, BY_RISK,
                               CARD as CARD_PHASE, LEFT, OVER, ROLL, STOPPED, Game,
                               Journey, next_random)

_TWO_64 = float(1 << 64)


class Pool:
    """The cards one kind of space can draw, with cumulative weights."""
    __slots__ = ("cards", "ids", "cumulative", "total")

    def __init__(self, cards: Sequence[Card]):
        self.cards = tuple(c for c in cards if c.weight > 0)
        self.ids = tuple(c.id for c in self.cards)
        self.cumulative = tuple(accumulate(c.weight for c in self.cards))
        self.total = self.cumulative[-1] if self.cumulative else 0.0


class Missing:
    """Why a choice is not offered: what the player would need."""
    __slots__ = ("documents", "flags", "money")

    def __init__(self, documents=(), flags=(), money=None):
        self.documents: tuple[str, ...] = tuple(documents)
        self.flags: tuple[str, ...] = tuple(flags)
        self.money: Optional[int] = money

    def __bool__(self) -> bool:
        return bool(self.documents or self.flags or self.money is not None)

    def __repr__(self) -> str:
        return f"Missing(documents={self.documents}, flags={self.flags}, money={self.money})"


class Rules:
    """The rules bound to one pack: its board and its draw pools, built once."""

    def __init__(self, pack: Pack, length: str = "full"):
        self.pack = pack
        self.length = length
        self.board: Board = build_board(pack.checkpoints, length)
        self.turn_limit = pack.turn_limit
        self._outcome_kind = {o.id: o.kind for o in pack.outcomes}
        self._cards = {c.id: c for c in pack.cards}
        self._pools: dict[tuple[str, str], Pool] = {}
        self._crisis: dict[tuple[str, str], Pool] = {}
        self._events: dict[str, Pool] = {}
        self._givers: dict[tuple, Pool] = {}    # checkpoint draws, by stage and missing documents
        for stage in {c.stage for c in pack.cards} | set(self.board.checkpoints):
            of_stage = [c for c in pack.cards if c.stage == stage and not c.crisis]
            crisis = [c for c in pack.cards if c.stage == stage and c.crisis]
            for route in ("regular", "irregular"):
                self._pools[stage, route] = Pool(
                    [c for c in of_stage if c.route in (route, "any")])
                self._crisis[stage, route] = Pool(
                    [c for c in crisis if c.route in (route, "any")])
            self._events[stage] = Pool([c for c in of_stage if c.route == "any"])
        self._contacts = tuple(c.id for c in pack.contacts)
        # per choice, what it requires (None: nothing) and its effects (None: none)
        self._requires: dict[int, Optional[tuple]] = {}
        self._fx: dict[int, Optional[object]] = {}
        for c in pack.cards:
            for ch in c.choices:
                req = ch.requires
                self._requires[id(ch)] = (
                    (req.documents, req.flags, req.money) if req else None)
                self._fx[id(ch)] = ch.effects if ch.effects else None
        self._dispatch = {
            Roll: self._roll, Choose: self._choose, SkipTurn: self._skip_turn,
            RemovePlayer: self._remove_player, EndGame: self._end_game}

    # -- starting -----------------------------------------------------------
    def new_game(self, names: Sequence[str], seed: int = 0) -> tuple[Game, list[Event]]:
        """A game for 1 to 6 players or teams, with its first turn started."""
        if not 1 <= len(names) <= 6:
            raise ValueError("a game has 1 to 6 players or teams")
        start = self.pack.start
        journeys = tuple(Journey(i, str(name), start.money, tuple(start.documents))
                         for i, name in enumerate(names))
        game = Game(self.pack.id, seed, journeys, rng=seed & ((1 << 64) - 1))
        events: list[Event] = []
        self._start_turn(game, 0, events)
        return game, events

    # -- the one door -------------------------------------------------------
    def apply(self, game: Game, action: Action) -> tuple[Game, list[Event]]:
        """The new game and what happened; the given game is left unchanged."""
        handler = self._dispatch.get(type(action))
        if handler is None:
            return game, [Rejected(getattr(action, "type", "?"), "unknown action")]
        if game.phase == OVER:
            return game, [Rejected(action.type, "the game is over")]
        new = game.clone()
        events: list[Event] = []
        reason = handler(new, action, events)
        if reason:
            return game, [Rejected(action.type, reason)]
        new.step += 1
        return new, events

    # -- what screens and bots may ask --------------------------------------
    def card_on_show(self, game: Game) -> Optional[Card]:
        return self._cards[game.card] if game.phase == CARD_PHASE and game.card else None

    def missing(self, journey: Journey, choice: Choice) -> Missing:
        """What `journey` lacks for `choice` (empty when it is offered)."""
        req = choice.requires
        if not req:
            return Missing()
        docs = tuple(d for d in req.documents if d not in journey.documents)
        flags = tuple(f for f in req.flags if f not in journey.flags)
        money = req.money if req.money is not None and journey.money < req.money else None
        return Missing(docs, flags, money)

    def allows(self, journey: Journey, choice: Choice) -> bool:
        """Whether `journey` meets everything `choice` requires."""
        req = self._requires.get(id(choice), False)
        if req is None:
            return True
        if req is False:            # a choice from outside this pack
            return not self.missing(journey, choice)
        docs, flags, money = req
        held = journey.documents
        for d in docs:
            if d not in held:
                return False
        for f in flags:
            if f not in journey.flags:
                return False
        return money is None or journey.money >= money

    def offered(self, game: Game) -> list[int]:
        """Indices of the choices the current player may take now."""
        card = self.card_on_show(game)
        if card is None:
            return []
        journey = game.journey
        allows = self.allows
        return [i for i, c in enumerate(card.choices) if allows(journey, c)]

    def in_crisis(self, journey: Journey) -> bool:
        """Risk has reached 10 and a crisis card waits instead of the next roll."""
        return journey.risk >= RISK_MAX and bool(self._crisis_pool(journey))

    def _crisis_pool(self, j: Journey) -> Optional[Pool]:
        space = self.board.routes[j.route][j.position]
        pool = self._crisis.get((space.stage, j.route))
        return pool if pool is not None and pool.total else None

    def missing_documents(self, journey: Journey, stage: str) -> tuple[str, ...]:
        """Checkpoint documents of `stage` the journey does not hold."""
        return tuple(d for d in self.board.checkpoints.get(stage, ())
                     if d not in journey.documents)

    # -- actions --------------------------------------------------------------
    def _roll(self, game: Game, action: Roll, events: list) -> Optional[str]:
        if game.phase != ROLL:
            return "a card is waiting for a choice"
        j = self._own(game)
        space = self.board.routes[j.route][j.position]
        crisis = self._crisis_pool(j) if j.risk >= RISK_MAX else None
        if crisis is not None:
            self._draw_from(game, j, crisis, "crisis", events)
            return self._end_turn_unless_card(game, events)
        if j.waiting:
            missing = self.missing_documents(j, space.stage)
            if missing:
                events.append(CheckpointHeld(j.player, space.stage, missing))
                self._draw_for_checkpoint(game, j, space.stage, missing, events)
                return self._end_turn_unless_card(game, events)
            j.waiting = False
            events.append(CheckpointPassed(j.player, space.stage))
        game.rng, r = next_random(game.rng)
        value = 1 + r % 6
        events.append(Rolled(j.player, value))
        self._walk(game, j, value, events, resolve=True)
        return self._end_turn_unless_card(game, events)

    def _choose(self, game: Game, action: Choose, events: list) -> Optional[str]:
        if game.phase != CARD_PHASE or game.card is None:
            return "no card is on show"
        card = self._cards[game.card]
        if not isinstance(action.index, int) or not 0 <= action.index < len(card.choices):
            return "no such choice"
        choice = card.choices[action.index]
        j = self._own(game)
        if not self.allows(j, choice):
            return "this choice is not offered"
        game.phase, game.card = ROLL, None
        events.append(Chose(j.player, card.id, action.index, choice.safe, choice.coerced))
        risk_before = j.risk
        self._effects(game, j, choice, events)
        if j.active:              # (a `move` may have reached home)
            if choice.outcome:
                self._finish(game, j, choice.outcome, BY_CARD, events)
            elif j.risk >= RISK_MAX > risk_before:
                crisis = self._crisis_pool(j)
                if crisis is not None:
                    self._draw_from(game, j, crisis, "crisis", events)
                else:
                    self._finish(game, j, self.pack.ending("risk"), BY_RISK, events)
            elif choice.next:
                self._show(game, j, self._cards[choice.next], "next", events)
        return self._end_turn_unless_card(game, events)

    def _skip_turn(self, game: Game, action: SkipTurn, events: list) -> Optional[str]:
        events.append(TurnSkipped(game.current))
        return self._end_turn(game, events)

    def _remove_player(self, game: Game, action: RemovePlayer, events: list) -> Optional[str]:
        if not isinstance(action.player, int) or not 0 <= action.player < len(game.journeys):
            return "no such player"
        if not game.journeys[action.player].active:
            return "this journey has already ended"
        j = self._own(game, action.player)
        j.ended = LEFT
        events.append(JourneyEnded(j.player, None, None, LEFT))
        if action.player == game.current:
            return self._end_turn(game, events)
        if not any(x.active for x in game.journeys):
            self._game_over(game, False, events)
        return None

    def _end_game(self, game: Game, action: EndGame, events: list) -> Optional[str]:
        for i, j in enumerate(game.journeys):
            if j.active:
                j = self._own(game, i)
                j.ended = STOPPED
                events.append(JourneyEnded(j.player, None, None, STOPPED))
        self._game_over(game, True, events)
        return None

    # -- the parts of a turn ------------------------------------------------
    @staticmethod
    def _own(game: Game, player: Optional[int] = None) -> Journey:
        """A journey of `game`, which `apply` has already cloned, to change."""
        return game.journeys[game.current if player is None else player]

    def _walk(self, game: Game, j: Journey, steps: int, events: list, resolve: bool) -> None:
        """Move `steps` spaces (back when negative), stopping at a checkpoint
        whose documents are missing and at home; then resolve the space."""
        spaces = self.board.routes[j.route]
        home = len(spaces) - 1
        path = []
        pos = j.position
        held = ()
        if steps > 0:
            for _ in range(steps):
                space = spaces[pos]
                if space.kind == CHECKPOINT:
                    held = self.missing_documents(j, space.stage)
                    if held:
                        break
                    if pos != j.position:   # one landed on was announced then
                        events.append(CheckpointPassed(j.player, space.stage))
                if pos == home:
                    break
                pos += 1
                path.append(pos)
        else:
            for _ in range(-steps):
                if pos == 0:
                    break
                pos -= 1
                path.append(pos)
        j.position = pos
        if path:
            events.append(Moved(j.player, j.route, tuple(path)))
        space = spaces[pos]
        if space.kind == HOME:
            self._arrive_home(game, j, events)
            return
        if space.kind == CHECKPOINT and not held:
            held = self.missing_documents(j, space.stage)
            if not held and path:
                events.append(CheckpointPassed(j.player, space.stage))
        if held:
            j.waiting = True
            events.append(CheckpointHeld(j.player, space.stage, held))
            if resolve:
                self._draw_for_checkpoint(game, j, space.stage, held, events)
            return
        if not resolve:
            return
        if space.kind == CARD:
            self._draw(game, j, space.stage, j.route, "card", events)
        elif space.kind == EVENT:
            self._draw(game, j, space.stage, j.route, "event", events)
        elif space.kind == SAFE:
            self._safe_space(j, space.place, events)

    def _safe_space(self, j: Journey, place: str, events: list) -> None:
        risk = -1 if place in (FAMILY, SUPPORT_OFFICE) else 0
        contact = None
        if place in (TRAINING_CENTRE, SUPPORT_OFFICE):
            contact = next((c for c in self._contacts if c not in j.contacts), None)
            if contact:
                j.contacts = j.contacts + (contact,)
        before = j.risk
        j.risk = max(0, j.risk + risk)
        events.append(SafeSpace(j.player, place, j.risk - before, contact))

    def _draw(self, game: Game, j: Journey, stage: str, route: str, via: str,
              events: list) -> None:
        pool = self._events.get(stage) if via == "event" else None
        if pool is None or not pool.total:
            pool = self._pools.get((stage, route))
        if pool is None or not pool.total:
            events.append(NothingToDraw(j.player, stage, route))
            return
        self._draw_from(game, j, pool, via, events)

    def _draw_for_checkpoint(self, game: Game, j: Journey, stage: str,
                             missing: Sequence[str], events: list) -> None:
        """While held at a checkpoint: a card of the stage with a choice that gives
        a missing document, when there is one (else any card of the stage)."""
        pool = self._pools.get((stage, "regular"))
        if pool is not None and pool.total:
            giving = [c for c in pool.cards
                      if any(d in missing for ch in c.choices for d in ch.effects.gain)]
            if giving:
                pool = self._givers.setdefault((stage, tuple(missing)), Pool(giving))
                self._draw_from(game, j, pool, "checkpoint", events)
                return
        self._draw(game, j, stage, "regular", "checkpoint", events)

    def _draw_from(self, game: Game, j: Journey, pool: Pool, via: str, events: list) -> None:
        """A card from the class's shared deck of `pool`: one nobody has drawn since
        the deck was last reshuffled (when every card of it has been drawn)."""
        drawn = game.drawn
        fresh = [i for i, cid in enumerate(pool.ids) if cid not in drawn]
        if not fresh:                         # the deck is used up: reshuffle it
            ids = pool.ids
            game.drawn = tuple(c for c in drawn if c not in ids)
        game.rng, r = next_random(game.rng)
        x = r / _TWO_64
        ways = fresh or list(range(len(pool.cards)))
        fitting = [i for i in ways if self._fits(j, pool.cards[i])]
        if fitting:
            ways = fitting
        if len(ways) < len(pool.cards):
            weights = [pool.cards[i].weight for i in ways]
            pick = ways[min(bisect_right(list(accumulate(weights)), x * sum(weights)),
                            len(ways) - 1)]
        else:
            pick = bisect_right(pool.cumulative, x * pool.total)
        pick = min(pick, len(pool.cards) - 1)
        self._show(game, j, pool.cards[pick], via, events)

    def _fits(self, j: Journey, card: Card) -> bool:
        """False when one of the choices the player would be offered takes away
        documents and the player holds none of them (the card would ask for a
        passport they do not have)."""
        for choice in card.choices:
            lose = choice.effects.lose
            if lose and not any(d in j.documents for d in lose) and self.allows(j, choice):
                return False
        return True

    def _show(self, game: Game, j: Journey, card: Card, via: str, events: list) -> None:
        if card.id not in j.seen:
            j.seen = j.seen + (card.id,)
        if card.id not in game.drawn:
            game.drawn = game.drawn + (card.id,)
        events.append(CardDrawn(j.player, card.id, card.stage, j.route, via))
        if card.shows:
            j.shown = j.shown + tuple(e for e in card.shows if e not in j.shown)
            if card.shows_act_and_means:
                j.trafficked = True
            events.append(ElementsShown(j.player, card.id, tuple(card.shows)))
        allows = self.allows
        if any(allows(j, c) for c in card.choices):
            game.phase, game.card = CARD_PHASE, card.id
        else:
            events.append(NoChoiceOffered(j.player, card.id))
            game.phase, game.card = ROLL, None

    def _effects(self, game: Game, j: Journey, choice: Choice, events: list) -> None:
        fx = self._fx.get(id(choice), choice.effects)
        if fx is None:
            return
        money0, debt0, risk0 = j.money, j.debt, j.risk
        if fx.money:
            j.money += fx.money
            if j.money < 0:
                j.debt -= j.money
                j.money = 0
        if fx.debt:
            j.debt = max(0, j.debt + fx.debt)
        if fx.risk:
            j.risk = min(RISK_MAX, max(0, j.risk + fx.risk))
        gained = tuple(d for d in fx.gain if d not in j.documents)
        lost = tuple(d for d in fx.lose if d in j.documents)
        if gained or lost:
            j.documents = tuple(d for d in j.documents if d not in lost) + gained
        if fx.set or fx.clear:
            flags = [f for f in j.flags if f not in fx.clear]
            flags += [f for f in dict.fromkeys(fx.set) if f not in flags]
            j.flags = tuple(flags)
        contact = fx.contact if fx.contact and fx.contact not in j.contacts else None
        if contact:
            j.contacts = j.contacts + (contact,)
        j.skip += max(0, fx.skip)
        events.append(EffectsApplied(j.player, j.money - money0, j.debt - debt0,
                                       j.risk - risk0, gained, lost, contact, max(0, fx.skip)))
        if fx.route and fx.route != j.route:
            j.position = self.board.equivalent(j.route, j.position, fx.route)
            j.route = fx.route
            j.waiting = False
            events.append(RouteChanged(j.player, j.route, j.position))
        if fx.move:
            self._walk(game, j, fx.move, events, resolve=False)

    def _arrive_home(self, game: Game, j: Journey, events: list) -> None:
        if j.route == "regular" and j.money >= j.debt:
            self._finish(game, j, self.pack.ending("home"), BY_HOME, events)
        else:
            self._finish(game, j, self.pack.ending("home-unsafe"), BY_HOME_UNSAFE, events)

    def _finish(self, game: Game, j: Journey, outcome: str, reason: str, events: list) -> None:
        kind = self._outcome_kind.get(outcome)
        if kind in ("safe", "unsafe") and j.trafficked:   # once trafficked, never "safe"
            outcome = self.pack.ending("assisted")
            kind = self._outcome_kind.get(outcome)
            j.assisted = True
        j.ended, j.outcome, j.waiting = reason, outcome, False
        if kind == "trafficked" and j.contacts:
            j.assisted_by = j.contacts[-1]
            j.assisted = True
        events.append(JourneyEnded(j.player, outcome, kind, reason, j.assisted_by,
                                     j.assisted))

    def _end_turn_unless_card(self, game: Game, events: list) -> None:
        if game.phase != CARD_PHASE:
            self._end_turn(game, events)

    def _end_turn(self, game: Game, events: list) -> None:
        """Hand the turn to the next player still on the way (or end the game)."""
        game.phase, game.card = ROLL, None
        n = len(game.journeys)
        i = game.current
        while any(j.active for j in game.journeys):
            i = (i + 1) % n
            if i == 0:
                game.round += 1
            if game.journeys[i].active and self._start_turn(game, i, events):
                return None
        self._game_over(game, False, events)
        return None

    def _start_turn(self, game: Game, i: int, events: list) -> bool:
        """Begin player i's turn; False if it was lost or their journey ended."""
        game.current = i
        j = self._own(game, i)
        if j.turns >= self.turn_limit:
            self._finish(game, j, self.pack.ending("home-unsafe"), BY_MAX_TURNS, events)
            return False
        j.turns += 1
        if j.skip > 0:
            j.skip -= 1
            events.append(TurnLost(i, j.skip))
            return False
        events.append(TurnStarted(i, j.turns, game.round))
        return True

    def _game_over(self, game: Game, stopped: bool, events: list) -> None:
        game.phase, game.card = OVER, None
        events.append(GameEnded(stopped))
