"""Random play keeps the game's invariants (hypothesis)."""
from __future__ import annotations

import json
import random

from hypothesis import given, settings, strategies as st

from game.content.model import RISK_MAX
from game.engine import events as E
from game.engine.actions import Choose, EndGame, RemovePlayer, Roll, SkipTurn
from game.engine.log import GameLog
from game.engine.rules import Rules
from game.engine.state import CARD, Game
from tests.engine.packs import card, choice, make_pack

# A pack with every effect, so random play meets all of them.
PACK = make_pack(
    max_turns=40, checkpoints={"documentation": ("passport",), "travel": ("passport",)},
    cards=[
        card("wild", "recruitment", "any", [
            choice(money=-400, debt=300, risk=3, route="irregular", skip=1),
            choice(safe=True, risk=-2, gain=("passport",), contact="sapa", move=-2),
            choice(safe=False, next="chain")]),
        card("chain", "documentation", "any", [
            choice(outcome="bonded"), choice(next="wild"), choice(set=("x",), move=4)],
            weight=0.5),
        card("gate", "travel", "regular", [
            choice(safe=False, lose=("passport",), route="irregular", risk=2),
            choice(gain=("passport",), clear=("x",), money=500)]),
        card("work", "work", "any", [choice(money=800, debt=-500), choice(safe=False, risk=4)]),
    ])
RULES = Rules(PACK)


def play(seed: int, players: int, facilitator: bool = False):
    """Play a whole game with random choices; returns the log."""
    rng = random.Random(seed)
    log = GameLog(RULES, [f"p{i}" for i in range(players)], seed)
    for _ in range(5000):
        game = log.game
        if game.over:
            return log
        if facilitator and rng.random() < 0.03:
            action = rng.choice([SkipTurn(), RemovePlayer(rng.randrange(players)), EndGame()])
        elif game.phase == CARD:
            action = Choose(rng.choice(RULES.offered(game)))
        else:
            action = Roll()
        log.apply(action)
    raise AssertionError("game did not end")


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), players=st.integers(1, 6), facilitator=st.booleans())
def test_random_play_keeps_its_invariants(seed, players, facilitator):
    log = play(seed, players, facilitator)
    for game in log.states:
        for j in game.journeys:
            assert 0 <= j.risk <= RISK_MAX
            assert j.money >= 0 and j.debt >= 0
            assert j.turns <= PACK.turn_limit
            assert 0 <= j.position < len(RULES.board.routes[j.route])
    final = log.game
    assert final.over
    ended = [e for e in log.all_events() if isinstance(e, E.JourneyEnded)]
    assert sorted(e.player for e in ended) == list(range(players))  # each journey ends once
    for e in ended:
        j = final.journeys[e.player]
        assert (j.outcome, j.ended) == (e.outcome, e.reason)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32), players=st.integers(1, 6))
def test_same_seed_same_game(seed, players):
    a, b = play(seed, players), play(seed, players)
    assert [x.to_json() for x in a.all_events()] == [x.to_json() for x in b.all_events()]


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32), players=st.integers(1, 6))
def test_every_state_round_trips_through_json(seed, players):
    log = play(seed, players, facilitator=True)
    for game in log.states:
        assert Game.from_json(json.loads(json.dumps(game.to_json()))) == game
    for event in log.all_events():
        assert E.event_from_json(json.loads(json.dumps(event.to_json()))) == event


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32), players=st.integers(1, 6), data=st.data())
def test_any_actions_then_as_many_undos_give_the_start_state(seed, players, data):
    log = play(seed, players, facilitator=True)
    n = data.draw(st.integers(0, len(log.actions)))
    replay = GameLog(RULES, log.names, seed)
    for action in log.actions[:n]:
        replay.apply(action)
    target = replay.game.to_json()
    for action in log.actions[n:]:
        replay.apply(action)
    for _ in range(len(log.actions) - n):
        assert replay.undo()
    assert replay.game.to_json() == target


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32), players=st.integers(1, 6))
def test_a_saved_log_replays_to_the_same_game(seed, players):
    log = play(seed, players, facilitator=True)
    data = json.loads(json.dumps(log.to_json()))
    assert GameLog.from_json(RULES, data).game == log.game


def test_a_broken_saved_log_is_a_value_error_not_a_crash():
    import pytest
    log = play(3, 2)
    data = log.to_json()
    for broken in ({}, {**data, "actions": [{"type": "fly"}]}, {**data, "names": []},
                   {**data, "actions": [{"type": "choose", "index": 99}]},
                   {**data, "seed": "x"}, {**data, "actions": ["roll"]}):
        with pytest.raises(ValueError):
            GameLog.from_json(RULES, broken)


# -- format version 2 ---------------------------------------------------------------------

def _v2(base, shows=(), crisis=False):
    from game.content.model import Card
    return Card(base.id, base.stage, base.title, base.text, base.choices, base.route,
                weight=base.weight, shows=tuple(shows), crisis=crisis)


def _coerced(c):
    from game.content.model import Choice
    return Choice(c.label, False, c.requires, c.effects, c.feedback, c.next, c.outcome,
                  coerced=True)


# A v2 pack: a handover that shows act and means yet offers a way out to `safe`,
# a threat met by a coerced choice, and a crisis card in every stage.
PACK_V2 = make_pack(
    max_turns=40, endings={"risk": "in-debt"},
    cards=[
        card("push", "recruitment", "any", [choice(safe=False, risk=6, route="irregular"),
                                           choice(safe=True, risk=-1)]),
        _v2(card("handover", "travel", "irregular", [
            choice(safe=True, outcome="safe-return", contact="sapa"),
            choice(safe=False, risk=5)]), shows=("act", "means")),
        card("threat", "work", "any", [_coerced(choice(debt=500, risk=4)),
                                       choice(safe=True, route="regular")]),
        *[_v2(card(f"crisis-{stage}", stage, "any", [
            _coerced(choice(outcome="bonded")), choice(safe=True, risk=-3, contact="sapa")]),
            shows=("act", "means", "purpose"), crisis=True)
          for stage in ("recruitment", "documentation", "travel", "work")],
    ])
RULES_V2 = Rules(PACK_V2)


def play_v2(seed: int, players: int):
    rng = random.Random(seed)
    log = GameLog(RULES_V2, [f"p{i}" for i in range(players)], seed)
    while not log.game.over:
        game = log.game
        if game.phase == CARD:
            log.apply(Choose(rng.choice(RULES_V2.offered(game))))
        else:
            log.apply(Roll())
        assert len(log.actions) < 5000
    return log


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), players=st.integers(1, 6))
def test_a_journey_that_passed_act_and_means_never_ends_safe(seed, players):
    log = play_v2(seed, players)
    passed = {e.player for e in log.all_events()
              if isinstance(e, E.ElementsShown) and {"act", "means"} <= set(e.elements)}
    for e in log.all_events():
        if isinstance(e, E.JourneyEnded) and e.player in passed and e.outcome:
            assert e.kind == "trafficked"
            if e.reason == "card" and e.kind == "trafficked":
                assert e.assisted or not log.game.journeys[e.player].contacts


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), players=st.integers(1, 6))
def test_with_crisis_cards_in_every_stage_risk_never_ends_a_journey(seed, players):
    log = play_v2(seed, players)
    for e in log.all_events():
        if isinstance(e, E.JourneyEnded):
            assert e.reason != "risk"
        if isinstance(e, E.CardDrawn) and e.card.startswith("crisis-"):
            assert e.via == "crisis"


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), players=st.integers(1, 6))
def test_a_coerced_choice_is_never_among_a_journeys_unsafe_choices(seed, players):
    log = play_v2(seed, players)
    debrief = log.debrief
    coerced = {(e.player, e.card, e.choice) for e in log.all_events()
               if isinstance(e, E.Chose) and e.coerced}
    for p in debrief.players:
        assert not any((p.player, s.card, s.choice) in coerced for s in p.unsafe_steps)
        assert {(p.player, s.card, s.choice) for s in p.coerced_steps} == \
            {c for c in coerced if c[0] == p.player}
    assert not any(PACK_V2.card(u.card).choices[u.choice].coerced
                   for u in debrief.unsafe_choices)
    from game.engine.debrief import Debrief
    assert Debrief.from_json(json.loads(json.dumps(debrief.to_json()))) == debrief
