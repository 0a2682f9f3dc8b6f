"""The debrief is computed from the event log,
holds ids only, round-trips through JSON and is built once per change of the log."""
import json
import random
from dataclasses import replace

from hypothesis import given, settings, strategies as st

from game.engine import debrief as debrief_module
from game.engine.actions import Choose, EndGame, Roll
from game.engine.debrief import (KINDS, Debrief, PlayerDebrief, Step, UnsafeChoice,
                                 build_debrief)
from game.engine.log import GameLog
from game.engine.rules import Rules
from game.engine.state import CARD
from tests.engine.packs import card, choice, make_pack


def gate_game() -> tuple:
    """Siti always takes the safe choice; Budi takes the unsafe one at the gate
    (the first seed from 4 in which the shared deck gives Budi the gate)."""
    gate = card("gate", "recruitment", "regular", [
        choice(safe=True), choice(safe=False, outcome="bonded")], weight=1000)
    pack = make_pack(cards=[gate])
    rules = Rules(pack)
    for seed in range(4, 40):
        log = GameLog(rules, ["Siti", "Budi"], seed=seed)
        budi_at_gate = False
        while not log.game.over:
            game = log.game
            if game.phase == CARD:
                offered = rules.offered(game)
                want = 1 if game.journey.player == 1 and game.card == "gate" else 0
                budi_at_gate |= want == 1
                log.apply(Choose(want if want in offered else offered[0]))
            else:
                log.apply(Roll())
            if len(log.actions) > 400:
                log.apply(EndGame())
        if budi_at_gate:
            return pack, log
    raise AssertionError("Budi never drew the gate")


def test_timeline_marks_safe_and_unsafe_choices_and_names_the_safe_alternative():
    pack, log = gate_game()
    debrief = build_debrief(pack, log.game, log.all_events())
    siti, budi = debrief.players
    assert siti.name == "Siti" and all(s.safe for s in siti.steps if s.choice is not None)
    unsafe = budi.unsafe_steps
    assert unsafe and unsafe[0].card == "gate" and unsafe[0].safe_choices == (0,)
    assert budi.outcome == "bonded" and budi.kind == "trafficked"
    assert pack.outcome(budi.outcome).elements.act == {"en": "act"}
    first = debrief.unsafe_choices[0]
    assert (first.card, first.choice, first.safe_choices) == ("gate", 1, (0,))
    assert first.times == sum(1 for p in debrief.players for s in p.unsafe_steps
                              if (s.card, s.choice) == ("gate", 1))
    assert sum(debrief.kinds.values()) == 2 and set(debrief.kinds) == set(KINDS)
    assert debrief.over and not debrief.stopped
    assert [s.turn for s in siti.steps] == sorted(s.turn for s in siti.steps)


def test_unfinished_journeys_and_discussion_questions():
    talk = replace(card("talk", "recruitment", "regular", weight=1000), discuss={"en": "Why?"})
    pack = make_pack(cards=[talk])
    rules = Rules(pack)
    log = GameLog(rules, ["a"], seed=1)
    while log.game.phase != CARD:
        log.apply(Roll())
    shown = log.game.card
    log.apply(EndGame())
    debrief = build_debrief(pack, log.game, log.all_events())
    assert debrief.players[0].kind == "unfinished" and debrief.kinds["unfinished"] == 1
    assert debrief.players[0].outcome is None
    assert debrief.players[0].steps[-1].choice is None        # shown, not chosen
    assert debrief.discussion == (("talk",) if shown == "talk" else ())
    assert debrief.contacts == ("sapa",)
    assert debrief.over and debrief.stopped


def test_the_unsafe_summary_counts_each_unsafe_choice_most_taken_first():
    def step(card_id, stage, choice_index, safe=False):
        return Step(1, card_id, stage, "regular", choice_index, safe, (0,))

    def player(n, *steps):
        return PlayerDebrief(n, f"P{n}", None, "unfinished", None, None, 0, 0, 0, (), (),
                             "regular", 1, steps)

    debrief = Debrief((
        player(0, step("work-a", "work", 1), step("rec-b", "recruitment", 2),
               step("rec-b", "recruitment", 0, safe=True)),
        player(1, step("work-a", "work", 1), step("doc-c", "documentation", 1),
               Step(2, "rec-b", "recruitment", "regular", None, None, (0,))),
    ))
    assert debrief.unsafe_choices == (
        UnsafeChoice("work-a", 1, "work", 2, (0,)),
        UnsafeChoice("rec-b", 2, "recruitment", 1, (0,)),      # then by stage
        UnsafeChoice("doc-c", 1, "documentation", 1, (0,)),
    )


def test_the_log_builds_its_debrief_once_per_change(monkeypatch):
    pack, finished = gate_game()
    built = []
    real = debrief_module.build_debrief

    def counting(*args):
        built.append(1)
        return real(*args)
    monkeypatch.setattr("game.engine.log.build_debrief", counting)
    log = GameLog(Rules(pack), ["Siti", "Budi"], seed=4)
    first = log.debrief
    assert log.debrief is first and len(built) == 1            # read twice, built once
    for action in finished.actions[:6]:
        log.apply(action)
    assert len(built) == 1                                     # nothing built unread
    after = log.debrief
    assert log.debrief is after and len(built) == 2
    log.undo()
    undone = log.debrief
    assert len(built) == 3 and undone == build_debrief(pack, log.game, log.all_events())
    assert log.apply(Choose(9)) and log.debrief is undone      # a rejected action: no change


# -- JSON ---------------------------------------------------------------------------------

def test_a_played_debrief_round_trips_through_json():
    pack, log = gate_game()
    for debrief in (log.debrief, GameLog(Rules(pack), ["x"], 1).debrief):
        text = json.dumps(debrief.to_json())
        assert Debrief.from_json(json.loads(text)) == debrief
    rng = random.Random(2)
    log = GameLog(Rules(make_pack(max_turns=12)), ["A", "B", "C"], 9)
    while not log.game.over:
        game = log.game
        log.apply(Choose(rng.choice(log.rules.offered(game))) if game.phase == CARD else Roll())
        assert Debrief.from_json(json.loads(json.dumps(log.debrief.to_json()))) == log.debrief


ids = st.text(min_size=1, max_size=12)
steps = st.builds(Step, st.integers(0, 200), ids, st.sampled_from(
    ("recruitment", "documentation", "travel", "work", "elsewhere")), ids,
    st.none() | st.integers(0, 3), st.none() | st.booleans(),
    st.lists(st.integers(0, 3), max_size=3).map(tuple))
players = st.builds(
    PlayerDebrief, st.integers(0, 5), st.text(max_size=20), st.none() | ids,
    st.sampled_from(KINDS), st.none() | ids, st.none() | ids, st.integers(-10**6, 10**6),
    st.integers(0, 10**6), st.integers(0, 10), st.lists(ids, max_size=4).map(tuple),
    st.lists(ids, max_size=4).map(tuple), ids, st.integers(0, 500),
    st.lists(steps, max_size=8).map(tuple))
debriefs = st.builds(Debrief, st.lists(players, max_size=6).map(tuple),
                     st.lists(ids, max_size=5).map(tuple), st.lists(ids, max_size=3).map(tuple),
                     st.booleans(), st.booleans())


@settings(max_examples=200, deadline=None)
@given(debrief=debriefs)
def test_any_debrief_round_trips_through_json(debrief):
    again = Debrief.from_json(json.loads(json.dumps(debrief.to_json())))
    assert again == debrief
    assert again.unsafe_choices == debrief.unsafe_choices


@settings(max_examples=200, deadline=None)
@given(debrief=debriefs, data=st.data())
def test_a_damaged_debrief_is_a_value_error_or_a_debrief(debrief, data):
    raw = debrief.to_json()
    key = data.draw(st.sampled_from(sorted(raw)))
    raw[key] = data.draw(st.none() | st.integers() | st.text(max_size=5)
                         | st.lists(st.integers(), max_size=2) | st.dictionaries(
                             st.text(max_size=3), st.integers(), max_size=2))
    try:
        again = Debrief.from_json(raw)
    except ValueError:
        return
    assert isinstance(again, Debrief)
