"""One test per rule of the engine (scenarios/README.md, Part 2)."""
from __future__ import annotations

import pytest

from game.content.model import Requires
from game.engine import events as E
from game.engine.actions import Choose, EndGame, RemovePlayer, Roll, SkipTurn
from game.engine.board import CHECKPOINT, EVENT, HOME, SAFE
from game.engine.rules import Rules
from game.engine.state import CARD, OVER, ROLL
from tests.engine.packs import card, choice, make_pack


def types(events):
    return [type(e) for e in events]


def first(events, kind):
    return next(e for e in events if isinstance(e, kind))


def place(rules, game, player=0, **fields):
    """A copy of `game` with journey `player` changed (tests only)."""
    game = game.clone()
    for name, value in fields.items():
        setattr(game.journeys[player], name, value)
    return game


def space_index(rules, route, kind, stage=None, place_name=None):
    for s in rules.board.routes[route]:
        if s.index > 0 and s.kind == kind and (stage is None or s.stage == stage) and (
                place_name is None or s.place == place_name):
            return s.index
    raise LookupError(kind)


def roll_to(rules, game, target, player=0):
    """Put the player just before `target` and roll until the die lands on it."""
    for start in range(target - 1, max(-1, target - 7), -1):
        g = place(rules, game, player, position=start)
        for seed in range(200):
            g2 = g.clone()
            g2.rng = seed
            new, events = rules.apply(g2, Roll())
            moved = [e for e in events if isinstance(e, E.Moved)]
            if moved and moved[0].path[-1] == target:
                return new, events
    raise AssertionError("could not land on the target")


# -- starting ---------------------------------------------------------------
def test_new_game_gives_each_player_the_start_state_and_first_turn():
    rules = Rules(make_pack(money=3000, start_docs=("ktp",)))
    game, events = rules.new_game(["Siti", "Budi", "Ani"], seed=7)
    assert [j.name for j in game.journeys] == ["Siti", "Budi", "Ani"]
    assert all(j.money == 3000 and j.documents == ("ktp",) for j in game.journeys)
    assert all(j.route == "regular" and j.position == 0 for j in game.journeys)
    assert game.phase == ROLL and game.current == 0
    assert events == [E.TurnStarted(0, 1, 1)]


@pytest.mark.parametrize("n", [0, 7])
def test_a_game_has_one_to_six_players(n):
    with pytest.raises(ValueError):
        Rules(make_pack()).new_game(["x"] * n)


# -- dice and moving ----------------------------------------------------------
def test_roll_moves_the_token_space_by_space_by_the_die():
    rules = Rules(make_pack())
    game, _ = rules.new_game(["a"], seed=3)
    new, events = rules.apply(game, Roll())
    value = first(events, E.Rolled).value
    assert 1 <= value <= 6
    assert first(events, E.Moved).path == tuple(range(1, value + 1))
    assert new.journeys[0].position == value


def test_same_seed_same_game_and_different_seeds_differ():
    rules = Rules(make_pack())
    rolls = {}
    for seed in (1, 1, 2):
        game, _ = rules.new_game(["a", "b"], seed)
        values = []
        for _ in range(20):
            if game.over:
                break
            game, events = rules.apply(game, Choose(0) if game.phase == CARD else Roll())
            values += [e.value for e in events if isinstance(e, E.Rolled)]
        rolls.setdefault(seed, []).append(values)
    assert rolls[1][0] == rolls[1][1]
    assert rolls[1][0] != rolls[2][0]


def test_apply_never_changes_the_game_it_is_given():
    rules = Rules(make_pack())
    game, _ = rules.new_game(["a", "b"], seed=5)
    before = game.to_json()
    rules.apply(game, Roll())
    assert game.to_json() == before


# -- spaces ---------------------------------------------------------------------
def test_card_space_draws_a_card_of_the_stage_for_the_players_route():
    extra = [card("rec-any", "recruitment", "any")]
    rules = Rules(make_pack(cards=extra))
    game, _ = rules.new_game(["a"], seed=1)
    seen = set()
    for seed in range(60):
        g = game.clone()
        g.rng = seed
        new, events = rules.apply(g, Roll())
        drawn = [e for e in events if isinstance(e, E.CardDrawn) and e.via == "card"
                 and e.stage == "recruitment"]
        seen.update(e.card for e in drawn)
    assert seen <= {"recruitment-regular", "rec-any"}
    assert "recruitment-regular" in seen


def test_event_space_draws_a_route_any_card_of_the_stage():
    rules = Rules(make_pack(cards=[card("rec-event", "recruitment", "any")]))
    game, _ = rules.new_game(["a"])
    target = space_index(rules, "regular", EVENT, "recruitment")
    new, events = roll_to(rules, game, target)
    drawn = first(events, E.CardDrawn)
    assert (drawn.card, drawn.via) == ("rec-event", "event")
    assert new.phase == CARD and new.card == "rec-event"


def test_a_card_anyone_drew_waits_until_the_rest_of_the_deck_has_been_drawn():
    extra = [card(f"rec-{i}", "recruitment", "regular") for i in range(3)]
    rules = Rules(make_pack(cards=extra))
    game, _ = rules.new_game(["a", "b"])
    game.drawn = ("recruitment-regular", "rec-0", "rec-1")   # drawn by anyone in the class
    target = space_index(rules, "regular", "card", "recruitment")
    game, events = roll_to(rules, game, target)
    assert first(events, E.CardDrawn).card == "rec-2"
    assert "rec-2" in game.drawn


def test_a_used_up_deck_is_reshuffled():
    extra = [card(f"rec-{i}", "recruitment", "regular") for i in range(3)]
    rules = Rules(make_pack(cards=extra))
    game, _ = rules.new_game(["a"])
    deck = ("recruitment-regular", "rec-0", "rec-1", "rec-2")
    game.drawn = deck + ("travel-regular",)
    target = space_index(rules, "regular", "card", "recruitment")
    game, events = roll_to(rules, game, target)
    drew = first(events, E.CardDrawn).card
    assert drew in deck
    assert game.drawn == ("travel-regular", drew)     # other decks keep their place


def test_weight_zero_cards_are_never_drawn_but_can_follow_by_next():
    follow = card("follow", "recruitment", "regular", weight=0)
    lead = card("lead", "recruitment", "regular", [choice(next="follow")], weight=1000)
    rules = Rules(make_pack(cards=[follow, lead]))
    game, _ = rules.new_game(["a"])
    target = space_index(rules, "regular", "card", "recruitment")
    game, events = roll_to(rules, game, target)
    assert first(events, E.CardDrawn).card != "follow"
    game = place(rules, game)
    game.phase, game.card = CARD, "lead"
    game, events = rules.apply(game, Choose(0))
    assert first(events, E.CardDrawn) == E.CardDrawn(0, "follow", "recruitment", "regular", "next")
    assert game.current == 0 and game.card == "follow"


@pytest.mark.parametrize("place_name,risk_change,learns", [
    ("family", -1, False), ("training-centre", 0, True), ("support-office", -1, True)])
def test_safe_spaces(place_name, risk_change, learns):
    rules = Rules(make_pack())
    game, _ = rules.new_game(["a"])
    game = place(rules, game, risk=3)
    target = space_index(rules, "regular", SAFE, place_name=place_name)
    new, events = roll_to(rules, game, target)
    ev = first(events, E.SafeSpace)
    assert ev.place == place_name and ev.risk == risk_change
    assert new.journeys[0].risk == 3 + risk_change
    assert (new.journeys[0].contacts == ("sapa",)) is learns
    assert new.phase == ROLL  # the turn ended: nothing to choose


# -- checkpoints --------------------------------------------------------------
def checkpoint_pack(**kw):
    gets = card("get-passport", "documentation", "regular",
                [choice(gain=("passport",)), choice(safe=False)])
    return make_pack(checkpoints={"documentation": ("passport",)}, cards=[gets], **kw)


def test_checkpoint_holds_a_player_without_its_documents_and_draws_a_stage_card():
    rules = Rules(checkpoint_pack())
    game, _ = rules.new_game(["a"])
    gate = space_index(rules, "regular", CHECKPOINT, "documentation")
    game = place(rules, game, position=gate - 1, seen=("documentation-regular",))
    game.rng = 11
    new, events = rules.apply(game, Roll())
    assert new.journeys[0].position == gate          # stopped, whatever the die said
    assert first(events, E.CheckpointHeld).missing == ("passport",)
    assert first(events, E.CardDrawn).via == "checkpoint"
    assert new.journeys[0].waiting


def test_a_held_player_draws_instead_of_moving_until_they_hold_the_documents():
    rules = Rules(checkpoint_pack())
    game, _ = rules.new_game(["a"])
    gate = space_index(rules, "regular", CHECKPOINT, "documentation")
    game = place(rules, game, position=gate, waiting=True)
    new, events = rules.apply(game, Roll())
    assert E.Rolled not in types(events) and new.journeys[0].position == gate
    assert first(events, E.CardDrawn).stage == "documentation"
    game = place(rules, game, documents=("ktp", "passport"))
    new, events = rules.apply(game, Roll())
    assert E.CheckpointPassed in types(events) and new.journeys[0].position > gate


def test_a_player_with_the_documents_walks_through_the_checkpoint():
    rules = Rules(checkpoint_pack(start_docs=("ktp", "passport")))
    game, _ = rules.new_game(["a"])
    gate = space_index(rules, "regular", CHECKPOINT, "documentation")
    game = place(rules, game, position=gate - 1)
    game.rng = 4
    new, events = rules.apply(game, Roll())
    assert E.CheckpointHeld not in types(events)
    assert new.journeys[0].position > gate - 1


def test_the_irregular_route_has_no_checkpoints_and_no_safe_spaces():
    rules = Rules(checkpoint_pack())
    kinds = {s.kind for s in rules.board.routes["irregular"]}
    assert CHECKPOINT not in kinds and SAFE not in kinds
    assert len(rules.board.routes["irregular"]) < len(rules.board.routes["regular"])


def test_a_stage_without_checkpoint_documents_has_no_checkpoint():
    rules = Rules(make_pack())
    assert all(s.kind != CHECKPOINT for s in rules.board.routes["regular"])


# -- choices and requires -------------------------------------------------------
def show(rules, game, card_id, player=0, **fields):
    game = place(rules, game, player, **fields)
    game.phase, game.card = CARD, card_id
    return game


def test_a_choice_whose_requires_fail_is_not_offered_and_cannot_be_taken():
    needs = choice(requires=Requires(documents=("passport",), flags=("trained",), money=500))
    rules = Rules(make_pack(cards=[card("gate", choices=[choice(), needs])]))
    game, _ = rules.new_game(["a"])
    game = show(rules, game, "gate", money=100)
    assert rules.offered(game) == [0]
    missing = rules.missing(game.journey, needs)
    assert missing.documents == ("passport",) and missing.flags == ("trained",)
    assert missing.money == 500
    new, events = rules.apply(game, Choose(1))
    assert new is game and type(events[0]) is E.Rejected
    ok = show(rules, game, "gate", money=500, documents=("passport",), flags=("trained",))
    assert rules.offered(ok) == [0, 1]


@pytest.mark.parametrize("action", [Choose(0), Choose(9)])
def test_illegal_actions_are_rejected_with_the_state_unchanged(action):
    rules = Rules(make_pack())
    game, _ = rules.new_game(["a"])
    if action.index == 9:
        game = show(rules, game, "recruitment-regular")
    new, events = rules.apply(game, action)
    assert new is game and [type(e) for e in events] == [E.Rejected]


def test_roll_is_rejected_while_a_card_waits_for_a_choice():
    rules = Rules(make_pack())
    game, _ = rules.new_game(["a"])
    game = show(rules, game, "recruitment-regular")
    assert rules.apply(game, Roll())[0] is game


def test_a_card_with_no_choice_offered_lets_play_move_on():
    blocked = card("blocked", choices=[choice(requires=Requires(flags=("never",)))])
    rules = Rules(make_pack(cards=[blocked]))
    game, _ = rules.new_game(["a", "b"])
    lead = card("lead", choices=[choice(next="blocked")])
    rules = Rules(make_pack(cards=[blocked, lead]))
    game = show(rules, game, "lead")
    new, events = rules.apply(game, Choose(0))
    assert E.NoChoiceOffered in types(events)
    assert new.phase == ROLL and new.current == 1


# -- effects ----------------------------------------------------------------------
def apply_choice(fx, **fields):
    rules = Rules(make_pack(cards=[card("fx", choices=[choice(**fx)])]))
    game, _ = rules.new_game(["a", "b"])
    game = show(rules, game, "fx", **fields)
    return rules, rules.apply(game, Choose(0))


def test_money_and_debt_add():
    _, (game, events) = apply_choice({"money": 500, "debt": 200})
    assert (game.journeys[0].money, game.journeys[0].debt) == (600, 200)
    assert first(events, E.EffectsApplied).money == 500


def test_paying_more_than_you_have_turns_the_rest_into_debt():
    _, (game, _) = apply_choice({"money": -300}, money=100)
    assert (game.journeys[0].money, game.journeys[0].debt) == (0, 200)


def test_debt_never_goes_below_zero():
    _, (game, _) = apply_choice({"debt": -900}, debt=100)
    assert game.journeys[0].debt == 0


@pytest.mark.parametrize("start,change,end", [(8, 5, 10), (2, -5, 0), (3, 2, 5)])
def test_risk_is_clamped_to_0_10(start, change, end):
    rules, (game, events) = apply_choice({"risk": change}, risk=start)
    assert game.journeys[0].risk == end


def test_risk_reaching_10_ends_the_journey_in_the_risk_ending():
    rules, (game, events) = apply_choice({"risk": 5}, risk=7)
    ended = first(events, E.JourneyEnded)
    assert (ended.outcome, ended.reason) == ("bonded", "risk")
    assert not game.journeys[0].active and game.current == 1


def test_documents_gained_and_lost_flags_set_and_cleared_contact_learned():
    _, (game, events) = apply_choice(
        {"gain": ("passport",), "lose": ("ktp",), "set": ("a", "b"), "clear": ("old",),
         "contact": "sapa"}, flags=("old",))
    j = game.journeys[0]
    assert j.documents == ("passport",) and j.flags == ("a", "b") and j.contacts == ("sapa",)
    fx = first(events, E.EffectsApplied)
    assert fx.gained == ("passport",) and fx.lost == ("ktp",) and fx.contact == "sapa"


def test_route_switch_goes_to_the_same_point_of_the_stage_on_the_other_route():
    rules, (game, events) = apply_choice({"route": "irregular"}, position=10)
    j = game.journeys[0]
    assert j.route == "irregular"
    regular_stage = rules.board.routes["regular"][10].stage
    assert rules.board.routes["irregular"][j.position].stage == regular_stage
    assert first(events, E.RouteChanged).position == j.position


def test_move_walks_without_resolving_the_space_landed_on():
    _, (game, events) = apply_choice({"move": 3}, position=2)
    assert game.journeys[0].position == 5
    assert E.CardDrawn not in types(events) and game.current == 1


def test_move_back_stops_at_the_village():
    _, (game, _) = apply_choice({"move": -5}, position=2)
    assert game.journeys[0].position == 0


def test_move_forward_stops_at_a_checkpoint_whose_documents_are_missing():
    pack = make_pack(checkpoints={"documentation": ("passport",)},
                     cards=[card("fx", choices=[choice(move=30)])])
    rules = Rules(pack)
    game, _ = rules.new_game(["a", "b"])
    game, events = rules.apply(show(rules, game, "fx"), Choose(0))
    gate = space_index(rules, "regular", CHECKPOINT, "documentation")
    assert game.journeys[0].position == gate and game.journeys[0].waiting


def test_skip_loses_turns():
    rules, (game, events) = apply_choice({"skip": 2})
    for _ in range(2):           # b plays; a's lost turn passes; b plays again ...
        assert game.current == 1
        game, events = rules.apply(game, SkipTurn())
        assert first(events, E.TurnLost).player == 0
    assert game.current == 1
    game, events = rules.apply(game, SkipTurn())
    assert game.current == 0 and E.TurnLost not in types(events)


# -- next and outcomes ------------------------------------------------------------
def test_outcome_ends_the_journey_and_play_passes_on():
    rules, (game, events) = apply_choice({}, )
    rules = Rules(make_pack(cards=[card("end", choices=[choice(outcome="in-debt")])]))
    game, _ = rules.new_game(["a", "b"])
    game, events = rules.apply(show(rules, game, "end"), Choose(0))
    ended = first(events, E.JourneyEnded)
    assert (ended.outcome, ended.kind, ended.reason) == ("in-debt", "unsafe", "card")
    assert game.current == 1


def test_a_trafficked_player_who_learned_a_contact_is_assisted():
    rules = Rules(make_pack(cards=[card("end", choices=[choice(outcome="bonded")])]))
    game, _ = rules.new_game(["a", "b"])
    with_contact, events = rules.apply(show(rules, game, "end", contacts=("sapa",)), Choose(0))
    assert first(events, E.JourneyEnded).assisted_by == "sapa"
    assert with_contact.journeys[0].outcome == "bonded"      # still recorded as trafficked
    without, events = rules.apply(show(rules, game, "end"), Choose(0))
    assert first(events, E.JourneyEnded).assisted_by is None


# -- home, endings, max_turns -------------------------------------------------------
@pytest.mark.parametrize("route,money,debt,outcome,reason", [
    ("regular", 100, 100, "safe-return", "home"),
    ("regular", 100, 101, "in-debt", "home-unsafe"),
    ("irregular", 900, 0, "in-debt", "home-unsafe")])
def test_reaching_home(route, money, debt, outcome, reason):
    rules = Rules(make_pack())
    game, _ = rules.new_game(["a"])
    home = rules.board.home_index(route)
    game = place(rules, game, route=route, position=home - 1, money=money, debt=debt)
    game, events = rules.apply(game, Roll())
    ended = first(events, E.JourneyEnded)
    assert (ended.outcome, ended.reason) == (outcome, reason)
    assert game.over and events[-1] == E.GameEnded(False)


def test_endings_default_to_the_first_outcome_of_the_right_kind_and_can_be_set():
    assert make_pack().ending("home") == "safe-return"
    assert make_pack().ending("home-unsafe") == "in-debt"
    assert make_pack().ending("risk") == "bonded"
    assert make_pack(endings={"home-unsafe": "bonded"}).ending("home-unsafe") == "bonded"


def test_max_turns_ends_a_journey_still_going_in_home_unsafe():
    rules = Rules(make_pack(max_turns=3))
    game, _ = rules.new_game(["a"])
    game = place(rules, game, turns=3)
    game, events = rules.apply(game, SkipTurn())
    ended = first(events, E.JourneyEnded)
    assert (ended.outcome, ended.reason) == ("in-debt", "max-turns")
    assert game.over


# -- turn order and the facilitator ---------------------------------------------
def test_turns_pass_in_order_and_skip_ended_journeys():
    rules = Rules(make_pack())
    game, _ = rules.new_game(["a", "b", "c"])
    game = place(rules, game, 1, ended="card", outcome="in-debt")
    game, events = rules.apply(game, SkipTurn())
    assert game.current == 2
    game, events = rules.apply(game, SkipTurn())
    assert game.current == 0 and first(events, E.TurnStarted).round == 2


def test_remove_player_records_the_journey_as_unfinished():
    rules = Rules(make_pack())
    game, _ = rules.new_game(["a", "b"])
    game, events = rules.apply(game, RemovePlayer(1))
    assert game.journeys[1].ended == "left" and game.journeys[1].outcome is None
    assert game.current == 0
    game, events = rules.apply(game, RemovePlayer(0))
    assert game.over
    assert type(rules.apply(game, Roll())[1][0]) is E.Rejected


def test_end_game_stops_every_journey_still_going():
    rules = Rules(make_pack())
    game, _ = rules.new_game(["a", "b"])
    game, events = rules.apply(game, EndGame())
    assert game.phase == OVER and all(j.ended == "stopped" for j in game.journeys)
    assert events[-1] == E.GameEnded(True)


@pytest.mark.parametrize("stage", ["recruitment", "documentation", "travel", "work"])
def test_any_stage_the_pack_lists_has_a_checkpoint_at_its_end(stage):
    rules = Rules(make_pack(checkpoints={stage: ("passport",)}))
    regular = [s for s in rules.board.routes["regular"] if s.stage == stage]
    assert regular[-1].kind == CHECKPOINT
    assert [s for s in rules.board.routes["regular"] if s.kind == CHECKPOINT] == [regular[-1]]
    game, _ = rules.new_game(["a"])
    game = place(rules, game, position=regular[-1].index - 1)
    game.rng = 9
    new, events = rules.apply(game, Roll())
    assert new.journeys[0].position == regular[-1].index
    assert first(events, E.CheckpointHeld).stage == stage
