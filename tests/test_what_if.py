"""What if: a journey replayed from one of its unsafe choices with the safe one,
through the same rules, without touching the record; and where a journey went."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game.content.validate import load_pack
from game.engine.actions import Choose, EndGame, Roll
from game.engine.log import GameLog
from game.engine.rules import Rules
from game.engine.state import CARD
from game.sim import bot_choice
from game.what_if import NoWhatIf, trace, what_if
from tests.engine.packs import card, choice, make_pack

ROOT = Path(__file__).resolve().parents[1]


def play(rules: Rules, players: int, seed: int, policy: str = "random") -> GameLog:
    log = GameLog(rules, [f"P{i + 1}" for i in range(players)], seed)
    rng = random.Random(seed)
    while not log.game.over:
        game = log.game
        log.apply(Choose(bot_choice(rules, game, policy, rng)) if game.phase == CARD else Roll())
        if len(log.actions) > 3000:
            log.apply(EndGame())
    return log


def record(log: GameLog) -> str:
    """Everything the record holds: saves, states, events, the debrief."""
    return json.dumps({"log": log.to_json(), "states": [s.to_json() for s in log.states],
                       "events": [[e.to_json() for e in batch] for batch in log.events],
                       "debrief": log.debrief.to_json()}, sort_keys=True)


def unsafe_steps(log: GameLog):
    for p in log.debrief.players:
        for k, s in enumerate(p.steps):
            if s.unsafe:
                yield p, k, s


@pytest.fixture(scope="module")
def malaysia():
    return Rules(load_pack(ROOT / "scenarios" / "malaysia").pack)


@pytest.fixture(scope="module")
def games(malaysia):
    return [play(malaysia, 4, seed, "risky") for seed in (1, 2, 3)]


def gate_log():
    """A gate card: the unsafe choice ends in a trafficked outcome at once."""
    gate = card("gate", "recruitment", "regular", [
        choice(safe=True), choice(safe=False, outcome="bonded")], weight=1000)
    rules = Rules(make_pack(cards=[gate]))
    for seed in range(1, 60):
        log = GameLog(rules, ["Siti"], seed)
        while not log.game.over:
            game = log.game
            log.apply(Choose(1 if game.card == "gate" else 0) if game.phase == CARD else Roll())
        if log.debrief.players[0].outcome == "bonded":
            return log
    raise AssertionError("the gate was never drawn")


# -- where a journey went ----------------------------------------------------------------------

def test_the_trace_ends_where_the_journey_is_and_has_a_space_for_every_card(games):
    for log in games:
        cards = {c.id for c in log.rules.pack.cards}
        for p in log.debrief.players:
            t = trace(log.all_events(), p.player, cards=cards)
            j = log.game.journeys[p.player]
            assert t.end == (j.route, j.position)
            assert len(t.met) == len(p.steps)
            assert t.path[0] == ("regular", 0)
            for k, step in enumerate(p.steps):
                route, index = t.place(k)
                assert step.route == route and 0 <= index < len(log.rules.board.routes[route])


# -- what if ----------------------------------------------------------------------------------

def test_the_record_is_unchanged(games):
    for log in games:
        before = record(log)
        for p, k, _ in unsafe_steps(log):
            try:
                what_if(log, p.player, k)
            except NoWhatIf:
                pass
        assert record(log) == before


def test_the_replay_takes_the_safe_choice_at_that_card_and_ends(games):
    tried = 0
    for log in games:
        pack = log.rules.pack
        for p, k, step in unsafe_steps(log):
            try:
                wi = what_if(log, p.player, k)
            except NoWhatIf as why:
                assert why.reason in ("not-offered", "no-safe-choice")
                continue
            tried += 1
            first = wi.steps[0]
            assert (first.card, first.choice, first.at) == (step.card, wi.choice, 0)
            assert pack.card(step.card).choices[wi.choice].safe and first.safe
            assert wi.choice != step.choice
            assert wi.ended is not None and wi.outcome is not None
            assert wi.kind in ("safe", "unsafe", "trafficked")
            assert wi.path[0] == trace(log.all_events(), p.player,
                                       cards={c.id for c in pack.cards}).place(k)
            assert all(0 <= s.at < len(wi.path) for s in wi.steps)
    assert tried >= 5


def test_same_input_same_result(games):
    log = games[0]
    p, k, _ = next(unsafe_steps(log))
    assert what_if(log, p.player, k) == what_if(log, p.player, k)
    again = GameLog.from_json(log.rules, json.loads(json.dumps(log.to_json())))
    assert what_if(again, p.player, k) == what_if(log, p.player, k)


def test_only_that_journey_plays_on():
    """Two players: the replay of Siti's gate never gives Budi a turn (his journey
    waits), and takes the safe choice wherever one is offered."""
    gate = card("gate", "recruitment", "regular", [
        choice(safe=True), choice(safe=False, outcome="bonded")], weight=1000)
    rules = Rules(make_pack(cards=[gate]))
    for seed in range(1, 80):
        log = GameLog(rules, ["Siti", "Budi"], seed)
        while not log.game.over:
            game = log.game
            want = 1 if game.card == "gate" and game.current == 0 else 0
            log.apply(Choose(want) if game.phase == CARD else Roll())
        siti = log.debrief.players[0]
        if siti.outcome == "bonded":
            break
    k = next(i for i, s in enumerate(siti.steps) if s.card == "gate")
    wi = what_if(log, 0, k)
    assert wi.kind == "safe" and all(s.safe for s in wi.steps)
    budi_turns = log.game.journeys[1].turns
    assert wi.turns > siti.turns and log.game.journeys[1].turns == budi_turns


def test_a_journey_trafficked_by_an_unsafe_choice_can_end_differently():
    log = gate_log()
    siti = log.debrief.players[0]
    assert siti.kind == "trafficked"
    k = next(i for i, s in enumerate(siti.steps) if s.card == "gate")
    wi = what_if(log, 0, k)
    assert wi.steps[0].card == "gate" and wi.choice == 0
    assert wi.kind == "safe" and wi.outcome == "safe-return"
    assert wi.end == ("regular", log.rules.board.home_index("regular"))


def test_in_the_real_packs_some_trafficked_journeys_end_otherwise(malaysia):
    changed = 0
    for seed in range(1, 12):
        log = play(malaysia, 4, seed, "risky")
        for p, k, _ in unsafe_steps(log):
            if p.kind != "trafficked":
                continue
            try:
                wi = what_if(log, p.player, k)
            except NoWhatIf:
                continue
            changed += wi.kind != "trafficked"
        if changed:
            break
    assert changed


def test_a_step_without_a_choice_or_out_of_range_cannot_be_replayed(games):
    log = games[0]
    p = log.debrief.players[0]
    with pytest.raises(NoWhatIf):
        what_if(log, p.player, len(p.steps) + 5)
    safe = [k for k, s in enumerate(p.steps) if s.safe and s.choice is not None]
    if safe:
        wi = what_if(log, p.player, safe[0])       # a safe step replays too (same choice)
        assert wi.steps[0].safe
