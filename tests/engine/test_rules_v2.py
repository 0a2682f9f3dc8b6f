"""Format version 2 rules: crisis cards at risk 10, `shows` and "once trafficked,
never safe", coerced choices, the short board."""
from __future__ import annotations

import pytest

from game.content.model import Card, Choice, Effects, Requires
from game.engine import events as E
from game.engine.actions import Choose, Roll
from game.engine.rules import Rules
from game.engine.state import BY_RISK, CARD, ROLL
from tests.engine.packs import card, choice, make_pack, t
from tests.engine.test_rules import first, place, roll_to, space_index


def v2_card(id, stage="recruitment", route="any", choices=None, shows=(), crisis=False):
    base = card(id, stage, route, choices)
    return Card(base.id, base.stage, base.title, base.text, base.choices, base.route,
                shows=tuple(shows), crisis=crisis)


def coerced(**kw) -> Choice:
    c = choice(safe=False, **kw)
    return Choice(c.label, False, c.requires, c.effects, c.feedback, c.next, c.outcome,
                  coerced=True)


def showing(rules, game, card_id):
    """`game` with card `card_id` on show for player 0, as if drawn."""
    game = place(rules, game)
    game.phase, game.card = CARD, card_id
    return game


# -- risk 10 ---------------------------------------------------------------------------

def test_without_crisis_cards_risk_10_ends_in_the_risk_ending_as_before():
    rules = Rules(make_pack(cards=[card("push", choices=[choice(risk=10)])]))
    game, _ = rules.new_game(["a"])
    game, events = rules.apply(showing(rules, game, "push"), Choose(0))
    ended = first(events, E.JourneyEnded)
    assert ended.outcome == "bonded" and ended.reason == BY_RISK


def test_reaching_risk_10_draws_a_crisis_card_at_once_instead_of_ending():
    crisis = v2_card("trafficker", "recruitment", "any", [choice(safe=False)],
                     shows=("act", "means"), crisis=True)
    rules = Rules(make_pack(cards=[card("push", choices=[choice(risk=10, next="recruitment-any")]),
                                   crisis]))
    game, _ = rules.new_game(["a"])
    game, events = rules.apply(showing(rules, game, "push"), Choose(0))
    assert not any(isinstance(e, E.JourneyEnded) for e in events)
    drawn = first(events, E.CardDrawn)
    assert (drawn.card, drawn.via) == ("trafficker", "crisis")     # before the `next` card
    assert game.phase == CARD and game.card == "trafficker"
    assert game.journeys[0].trafficked


def test_crisis_cards_are_drawn_only_at_risk_10():
    crisis = v2_card("trafficker", "recruitment", "any", crisis=True)
    rules = Rules(make_pack(cards=[crisis]))
    game, _ = rules.new_game(["a"])
    target = space_index(rules, "regular", "card", "recruitment")
    for seed in range(40):
        g = game.clone()
        g.rng = seed
        g, events = roll_to(rules, g, target)
        assert all(e.card != "trafficker" for e in events if isinstance(e, E.CardDrawn))


def test_while_risk_stays_at_10_each_turn_begins_with_a_crisis_card():
    crisis = v2_card("trafficker", "recruitment", "any", [choice(safe=False)], crisis=True)
    rules = Rules(make_pack(cards=[crisis]))
    game, _ = rules.new_game(["a"])
    game = place(rules, game, risk=10, position=1)
    assert rules.in_crisis(game.journeys[0])
    game, events = rules.apply(game, Roll())
    assert not any(isinstance(e, E.Rolled) for e in events)
    assert first(events, E.CardDrawn).via == "crisis" and game.card == "trafficker"
    game, events = rules.apply(game, Choose(0))
    assert game.journeys[0].active                 # only a choice or the board ends it


def test_crisis_cards_of_another_route_do_not_count():
    crisis = v2_card("scam", "recruitment", "irregular", crisis=True)
    rules = Rules(make_pack(cards=[card("push", "recruitment", "regular",
                                        [choice(risk=10)]), crisis]))
    game, _ = rules.new_game(["a"])
    game, events = rules.apply(showing(rules, game, "push"), Choose(0))
    assert first(events, E.JourneyEnded).reason == BY_RISK


# -- once trafficked, never safe ----------------------------------------------------------

def test_a_journey_that_passed_act_and_means_ends_assisted_not_safe():
    handover = v2_card("handover", choices=[choice(outcome="safe-return")],
                       shows=("act", "means"))
    rules = Rules(make_pack(cards=[handover]))
    game, _ = rules.new_game(["a"])
    game = place(rules, game, risk=2)
    rules._show(game, game.journeys[0], handover, "card", [])
    game, events = rules.apply(game, Choose(0))
    ended = first(events, E.JourneyEnded)
    assert ended.kind == "trafficked" and ended.outcome == "bonded" and ended.assisted
    assert game.journeys[0].shown == ("act", "means")


def test_the_assisted_ending_can_be_named():
    pack = make_pack(cards=[v2_card("handover", choices=[choice(outcome="safe-return")],
                                    shows=("act", "means"))],
                     endings={"assisted": "bonded"})
    rules = Rules(pack)
    game, _ = rules.new_game(["a"])
    rules._show(game, game.journeys[0], pack.card("handover"), "card", [])
    game, events = rules.apply(game, Choose(0))
    assert first(events, E.JourneyEnded).outcome == "bonded"


def test_home_after_act_and_means_is_trafficked_then_assisted():
    rules = Rules(make_pack())
    game, _ = rules.new_game(["a"])
    home = rules.board.home_index("regular")
    game = place(rules, game, position=home - 1, trafficked=True, shown=("act", "means"))
    for seed in range(50):
        g = game.clone()
        g.rng = seed
        g, events = rules.apply(g, Roll())
        ended = [e for e in events if isinstance(e, E.JourneyEnded)]
        if ended:
            assert ended[0].kind == "trafficked" and ended[0].assisted
            return
    pytest.fail("never reached home")


def test_a_card_showing_only_the_act_does_not_make_the_journey_trafficked():
    warning = v2_card("recruiter", choices=[choice(outcome="safe-return")], shows=("act",))
    rules = Rules(make_pack(cards=[warning]))
    game, _ = rules.new_game(["a"])
    events = []
    rules._show(game, game.journeys[0], warning, "card", events)
    assert first(events, E.ElementsShown).elements == ("act",)
    game, events = rules.apply(game, Choose(0))
    assert first(events, E.JourneyEnded).kind == "safe"


# -- coerced choices ------------------------------------------------------------------------

def test_a_coerced_choice_is_recorded_as_done_to_the_player():
    rules = Rules(make_pack(cards=[card("threat", choices=[coerced(debt=500)])]))
    game, _ = rules.new_game(["a"])
    game, events = rules.apply(showing(rules, game, "threat"), Choose(0))
    chose = first(events, E.Chose)
    assert chose.coerced and not chose.safe
    assert game.journeys[0].debt == 500


# -- the short board ------------------------------------------------------------------------

def test_the_short_board_is_shorter_on_both_routes_with_the_same_stages():
    pack = make_pack(checkpoints={"documentation": ("ktp",)})
    full, short = Rules(pack), Rules(pack, "short")
    for route in ("regular", "irregular"):
        assert len(short.board.routes[route]) < len(full.board.routes[route])
        assert {s.stage for s in short.board.routes[route]} == \
            {s.stage for s in full.board.routes[route]}
    assert any(s.kind == "checkpoint" for s in short.board.routes["regular"])
    assert len(short.board.routes["irregular"]) < len(short.board.routes["regular"])


# -- checkpoints -----------------------------------------------------------------------------

def test_held_at_a_checkpoint_the_card_drawn_can_give_the_missing_document():
    office = card("passport-office", "documentation", "regular",
                  [choice(gain=["passport"]), choice(safe=False)])
    others = [card(f"doc-{i}", "documentation", "regular") for i in range(5)]
    rules = Rules(make_pack(cards=[office, *others], checkpoints={"documentation": ("passport",)}))
    game, _ = rules.new_game(["a"])
    gate = next(s.index for s in rules.board.routes["regular"] if s.kind == "checkpoint")
    game = place(rules, game, position=gate, waiting=True)
    for seed in range(20):
        g = game.clone()
        g.rng = seed
        g, events = rules.apply(g, Roll())
        assert first(events, E.CheckpointHeld).missing == ("passport",)
        assert first(events, E.CardDrawn).card == "passport-office"


# -- the glossary ----------------------------------------------------------------------------

def test_glossary_terms_are_found_as_whole_words_in_any_case_in_the_order_they_appear():
    from game.content.model import GlossaryEntry
    entries = (GlossaryEntry({"id": "LTSA", "en": "LTSA"}, t("one-roof service")),
               GlossaryEntry({"id": "paspor", "en": "passport"}, t("travel document")),
               GlossaryEntry({"id": "KP2MI", "en": "KP2MI"}, t("the ministry")))
    pack = make_pack(glossary=entries)
    found = pack.glossary_in(["Bawa paspor ke ltsa.", "LTSAX bukan istilah."], "id")
    assert [e.term["id"] for e in found] == ["paspor", "LTSA"]
    assert pack.glossary_in(["Passports are yours."], "en") == ()     # not a whole word
    assert pack.glossary_in(["Ask the kp2mi office."], "fr")[0] is entries[2]


def test_a_trafficked_journey_that_reaches_home_in_debt_is_not_recorded_unsafe():
    rules = Rules(make_pack())
    game, _ = rules.new_game(["a"])
    home = rules.board.home_index("irregular")
    game = place(rules, game, route="irregular", position=home - 1, trafficked=True,
                 shown=("act", "means"))
    game.rng = 1
    game, events = rules.apply(game, Roll())
    ended = first(events, E.JourneyEnded)
    assert (ended.kind, ended.outcome, ended.assisted) == ("trafficked", "bonded", True)


# -- a card that takes a document the player does not hold ------------------------------------

def test_a_card_that_takes_a_passport_is_not_drawn_for_a_player_without_one():
    """"Hand over your passport" is not asked of a player who has none while another
    card of the stage can be drawn; a player holding one can draw it."""
    keeper = card("keeps-passport", "work", "any",
                  [choice(), choice(safe=False, lose=["passport"], risk=2)])
    rules = Rules(make_pack(cards=[keeper]))
    game, _ = rules.new_game(["a"])
    target = space_index(rules, "regular", CARD, stage="work")
    drawn = {True: set(), False: set()}
    for seed in range(40):
        for holds in (True, False):
            docs = ("ktp", "passport") if holds else ("ktp",)
            g = place(rules, game, documents=docs, position=target - 1)
            g.rng = seed
            g, events = rules.apply(g, Roll())
            cards = [e.card for e in events if isinstance(e, E.CardDrawn)]
            moved = first(events, E.Moved).path[-1]
            if moved == target and cards:
                drawn[holds].add(cards[0])
    assert "keeps-passport" not in drawn[False] and drawn[False]
    assert "keeps-passport" in drawn[True]


def test_a_card_that_takes_a_passport_is_still_drawn_when_no_other_card_can_be():
    keeper = card("keeps-passport", "work", "regular",
                  [choice(), choice(safe=False, lose=["passport"])])
    pack = make_pack(cards=[keeper])
    pack = type(pack)(**{**pack.__dict__, "cards": tuple(
        c for c in pack.cards if not (c.stage == "work" and c.id != "keeps-passport"))})
    rules = Rules(pack)
    game, _ = rules.new_game(["a"])
    target = space_index(rules, "regular", CARD, stage="work")
    game, events = roll_to(rules, place(rules, game, documents=("ktp",)), target)
    assert first(events, E.CardDrawn).card == "keeps-passport"
