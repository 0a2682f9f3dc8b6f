"""The debrief is computed from the event log (game-design.md, "The debrief")."""
from game.engine.actions import Choose, EndGame, Roll
from game.engine.debrief import build_debrief
from game.engine.log import GameLog
from game.engine.rules import Rules
from game.engine.state import CARD
from tests.engine.packs import card, choice, make_pack


def test_timeline_marks_safe_and_unsafe_choices_and_names_the_safe_alternative():
    gate = card("gate", "recruitment", "regular", [
        choice(safe=True), choice(safe=False, outcome="bonded")], weight=1000)
    pack = make_pack(cards=[gate])
    rules = Rules(pack)
    log = GameLog(rules, ["Siti", "Budi"], seed=4)
    while not log.game.over:
        game = log.game
        if game.phase == CARD:
            offered = rules.offered(game)
            want = 1 if game.journey.player == 1 and game.card == "gate" else 0
            log.apply(Choose(want if want in offered else offered[0]))
        else:
            log.apply(Roll())
        if len(log.actions) > 400:
            log.apply(EndGame())
    debrief = build_debrief(pack, log.game, log.all_events())
    siti, budi = debrief.players
    assert siti.name == "Siti" and all(s.safe for s in siti.steps if s.choice is not None)
    unsafe = budi.unsafe_steps
    assert unsafe and unsafe[0].card == "gate" and unsafe[0].safe_choices == (0,)
    assert budi.outcome.id == "bonded" and budi.kind == "trafficked"
    assert budi.outcome.elements.act == {"en": "act"}
    assert debrief.unsafe_choices[0][:2] == ("gate", 1)
    assert sum(debrief.kinds.values()) == 2
    assert [s.turn for s in siti.steps] == sorted(s.turn for s in siti.steps)


def test_unfinished_journeys_and_discussion_questions():
    from dataclasses import replace
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
    assert debrief.players[0].steps[-1].choice is None        # shown, not chosen
    assert debrief.discussion == (("talk",) if shown == "talk" else ())
    assert debrief.contacts == ("sapa",)
