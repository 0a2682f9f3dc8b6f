"""Format version 2: the new fields, and one failing fixture per new rule
(scenarios/README.md, Part 3 — Reference, and Part 5), each checked at FILE:LINE
with its severity. Version-1 packs still load, validate with no error and play."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.fit import LABEL_FIT_CHARS
from game.content.validate import load_pack, validate_paths
from game.paths import SCENARIOS
from game.sim import simulate

from .conftest import FIXTURES, T, errors, expect, find, only

CARDS = "cards/recruitment.yaml"
WORK = "cards/work.yaml"
CRISIS = "cards/crisis.yaml"
V1_EXAMPLE = FIXTURES / "v1" / "example"


def crisis_card(**changes) -> dict:
    card = {"id": "work-crisis", "stage": "work", "crisis": True, "shows": ["act", "means"],
            "title": T("Taken away"), "text": T("A man takes your passport and drives you off"),
            "discuss": T("Where are the act and the means?"),
            "choices": [
                {"label": T("Go with him"), "coerced": True, "feedback": T("Not your fault"),
                 "outcome": "debt-bondage"},
                {"label": T("Ask for help"), "safe": True, "effects": {"risk": -3},
                 "feedback": T("Help exists")},
            ]}
    card.update(changes)
    return card


@pytest.fixture
def v2(builder):
    """The builder's pack using every version-2 field correctly."""
    builder.pack["glossary"] = [
        {"term": {"id": "KTP", "en": "KTP"}, "meaning": T("The identity card")}]
    builder.item("documents", "ktp")["name"] = {"id": "KTP", "en": "ID card (KTP)"}
    builder.pack["outcomes"].append({
        "id": "helped-out", "kind": "trafficked", "title": T("Trafficked, then assisted"),
        "debrief": T("Helped out"),
        "elements": {"act": T("Moved"), "means": T("Threats"), "purpose": T("Labour")}})
    builder.pack["endings"]["assisted"] = "helped-out"
    builder.add_card(crisis_card(), "crisis.yaml")
    return builder


# -- the new fields are read ---------------------------------------------------------

def test_a_pack_using_every_new_field_passes_strict(v2):
    problems, code = validate_paths([str(v2.write())], strict=True)
    assert (problems, code) == ([], 0), "\n".join(map(str, problems))


def test_the_new_fields_reach_the_model(v2):
    pack = v2.load().pack
    assert pack.glossary[0].term == {"id": "KTP", "en": "KTP"}
    assert pack.glossary[0].meaning == T("The identity card")
    assert pack.endings["assisted"] == "helped-out" == pack.ending("assisted")
    card = pack.card("work-crisis")
    assert card.crisis and card.shows == ("act", "means") and card.shows_act_and_means
    forced, helped = card.choices
    assert forced.coerced and forced.safe is False  # safe left out: false
    assert not helped.coerced and helped.safe
    assert not pack.card("tra-agent").crisis and pack.card("tra-agent").shows == ()


def test_coerced_false_still_needs_safe(builder):
    del builder.choice("tra-agent", 1)["safe"]
    builder.choice("tra-agent", 1)["coerced"] = False
    expect(builder.load(), builder.shown("cards/travel.yaml"),
           builder.line_of("cards/travel.yaml", "- label:", 2),
           "choice is missing required field 'safe'")


def test_a_version_1_pack_validates_with_no_error_and_plays():
    """scenarios/example as it was before version 2 (kept under tests/fixtures/v1)."""
    result = load_pack(V1_EXAMPLE)
    assert errors(result) == [], "\n".join(map(str, result.problems))
    pack = result.pack
    assert pack.glossary == () and "assisted" not in pack.endings
    assert not any(c.crisis or c.shows for c in pack.cards)
    assert not any(ch.coerced for c in pack.cards for ch in c.choices)
    run = simulate(pack, 200, seed=5, policy="random")
    assert run["journeys"] == 200 and run["cards_never_drawn"] == []


@pytest.mark.parametrize("pack", ["example", "good-pack"])
def test_the_example_and_the_good_fixture_use_version_2_and_pass_strict(pack):
    folder = SCENARIOS / pack if pack == "example" else FIXTURES / pack
    assert validate_paths([str(folder)], strict=True) == ([], 0)
    loaded = load_pack(folder).pack
    assert loaded.glossary and "assisted" in loaded.endings
    assert any(c.crisis for c in loaded.cards) and any(c.shows for c in loaded.cards)
    assert any(ch.coerced for c in loaded.cards for ch in c.choices)


# -- wrong values in the new fields (errors) ----------------------------------------------

@pytest.mark.parametrize("field, value, marker, text", [
    ("shows", ["act", "mean"], "- mean",
     "each of shows must be one of act, means, purpose, not 'mean' (did you mean 'means'?)"),
    ("shows", ["act", "act"], "- act", "shows lists 'act' twice"),
    ("shows", "act", "shows: act", "shows must be a list of act, means, purpose"),
    ("crisis", "yes please", "crisis: yes please", "crisis must be true or false"),
])
def test_wrong_card_values(v2, field, value, marker, text):
    v2.card("work-crisis")[field] = value
    v2.write()
    nth = 2 if value == ["act", "act"] else 1
    expect(v2.load(), v2.shown(CRISIS), v2.line_of(CRISIS, marker, nth), text)


def test_coerced_must_be_true_or_false(v2):
    v2.choice("work-crisis", 0)["coerced"] = "sometimes"
    expect(v2.load(), v2.shown(CRISIS), v2.line_of(CRISIS, "coerced: sometimes"),
           "coerced must be true or false")


def test_misspelt_new_fields_suggest_the_right_one(v2):
    v2.card("work-crisis")["crises"] = v2.card("work-crisis").pop("crisis")
    v2.choice("work-crisis", 0)["coersed"] = v2.choice("work-crisis", 0).pop("coerced")
    v2.pack["glosary"] = v2.pack.pop("glossary")
    result = v2.load()
    assert find(result, "unknown field 'crises' in card (did you mean 'crisis'?)")
    assert find(result, "unknown field 'coersed' in choice (did you mean 'coerced'?)")
    expect(result, v2.shown("pack.yaml"), v2.line_of("pack.yaml", "glosary:"),
           "unknown field 'glosary' in pack (did you mean 'glossary'?)")


def test_misspelt_ending_suggests_assisted(v2):
    v2.pack["endings"]["asisted"] = v2.pack["endings"].pop("assisted")
    expect(v2.load(), v2.shown("pack.yaml"), v2.line_of("pack.yaml", "asisted:"),
           "an ending must be one of home, home-unsafe, risk, assisted, not 'asisted' "
           "(did you mean 'assisted'?)")


@pytest.mark.parametrize("change, marker, text", [
    (lambda g: g.__setitem__(0, "KTP"), "- KTP", "glossary entry must be a mapping of fields"),
    (lambda g: g[0].pop("meaning"), "- term:", "glossary entry is missing required field "
                                              "'meaning'"),
    (lambda g: g[0].__setitem__("meening", g[0].pop("meaning")), "meening:",
     "unknown field 'meening' in glossary entry (did you mean 'meaning'?)"),
    (lambda g: g[0]["term"].pop("en"), "- term:", "glossary term is missing language 'en'"),
    (lambda g: g.append({"term": {"id": "ktp", "en": "Ktp"}, "meaning": T("Again")}),
     "id: ktp", "glossary term 'ktp' is given twice in 'id' (first at"),
])
def test_wrong_glossary(v2, change, marker, text):
    change(v2.pack["glossary"])
    v2.write()
    line = v2.line_of("pack.yaml", marker, 2 if marker == "id: ktp" else 1)
    if marker == "- term:" and "language" in text:
        line += 1  # the term's mapping starts on the line after `term:`
    expect(v2.load(), v2.shown("pack.yaml"), line, text)


def test_glossary_must_be_a_list(v2):
    v2.pack["glossary"] = {"KTP": "ID card"}
    expect(v2.load(), v2.shown("pack.yaml"), v2.line_of("pack.yaml", "KTP: ID card"),
           "glossary must be a list of entries, each with a term and a meaning, not a mapping")


# -- what a pack teaches (lessons.py) ---------------------------------------------------

def test_coerced_and_safe_is_an_error(v2):
    v2.choice("work-crisis", 0)["safe"] = True
    result = v2.load()
    problem = expect(result, v2.shown(CRISIS), v2.line_of(CRISIS, "safe: true"),
                     "a coerced choice cannot be safe: it is done to the player, not chosen")
    assert result.pack is None and problem.severity == "error"


def test_risk_ending_given_as_trafficked(builder):
    builder.pack["endings"]["risk"] = "debt-bondage"
    result = builder.load()
    expect(result, builder.shown("pack.yaml"), builder.line_of("pack.yaml", "risk: debt-bondage"),
           "endings.risk is 'debt-bondage', a trafficked outcome: risk alone would record "
           "trafficking the player never saw", "warning")
    assert result.pack is not None


def test_risk_ending_trafficked_by_default(builder):
    del builder.pack["endings"]
    expect(builder.load(), builder.shown("pack.yaml"),
           builder.line_of("pack.yaml", "id: debt-bondage"),
           "the risk ending is by default 'debt-bondage', the first trafficked outcome",
           "warning")


def test_assisted_ending_must_be_trafficked(v2):
    v2.pack["endings"]["assisted"] = "safe-return"
    result = v2.load()
    expect(result, v2.shown("pack.yaml"), v2.line_of("pack.yaml", "assisted: safe-return"),
           "endings.assisted is 'safe-return', a safe outcome: a journey helped out after the "
           "act and the means is 'trafficked, then assisted'", "warning")
    assert find(result, "no choice or ending leads to outcome 'helped-out'")


def test_assisted_default_counts_as_used_only_after_act_and_means(v2):
    del v2.pack["endings"]["assisted"]
    v2.pack["outcomes"].insert(2, v2.pack["outcomes"].pop())  # helped-out: first trafficked
    v2.pack["endings"]["home-unsafe"] = "came-home-in-debt"
    assert v2.load().problems == []
    v2.card("work-crisis")["shows"] = ["means"]
    v2.choice("rec-return", 0)["outcome"] = "debt-bondage"
    expect(v2.load(), v2.shown("pack.yaml"), v2.line_of("pack.yaml", "id: helped-out"),
           "no choice or ending leads to outcome 'helped-out'", "warning")


@pytest.mark.parametrize("outcome, kind", [("safe-return", "safe"),
                                           ("came-home-in-debt", "unsafe")])
def test_act_and_means_card_leading_to_a_safe_or_unsafe_outcome(v2, outcome, kind):
    v2.choice("work-crisis", 1)["outcome"] = outcome
    result = v2.load()
    expect(result, v2.shown(CRISIS), v2.line_of(CRISIS, f"outcome: {outcome}"),
           f"outcome '{outcome}' is {kind}, but this card shows the act and the means of "
           "trafficking: once trafficked, a journey never ends safe or unsafe", "warning")


def test_act_alone_may_lead_to_a_safe_outcome(v2):
    v2.card("work-crisis")["shows"] = ["act"]
    v2.choice("work-crisis", 1)["outcome"] = "safe-return"
    assert v2.load().problems == []


def test_card_that_shows_elements_needs_a_discuss_question(v2):
    del v2.card("work-crisis")["discuss"]
    v2.card("work-crisis")["shows"] = ["means"]
    v2.choice("work-crisis", 0)["outcome"] = "came-home-in-debt"
    expect(v2.load(), v2.shown(CRISIS), v2.line_of(CRISIS, "id: work-crisis"),
           "card 'work-crisis' shows elements of trafficking but has no 'discuss' question",
           "warning")


def test_card_leading_to_trafficking_needs_a_discuss_question(builder):
    del builder.card("rec-return")["discuss"]
    expect(builder.load(), builder.shown(CARDS), builder.line_of(CARDS, "id: rec-return"),
           "card 'rec-return' has a choice that leads to a trafficked outcome but no "
           "'discuss' question", "warning")


# -- crisis cards and drawing -------------------------------------------------------------

def test_crisis_card_where_risk_never_rises(v2):
    for cards in v2.cards.values():
        for card in cards:
            for choice in card["choices"]:
                effects = choice.get("effects", {})
                if effects.get("risk", 0) > 0:
                    del effects["risk"]
    result = v2.load()
    problem = expect(result, v2.shown(CRISIS), v2.line_of(CRISIS, "id: work-crisis"),
                     "card 'work-crisis' can never be drawn: it is a crisis card, drawn only "
                     "at risk 10, but no choice adds risk", "warning")
    assert result.pack is not None and problem.severity == "warning"


def test_crisis_card_drawn_once_risk_can_rise(v2):
    assert not find(v2.load(), "can never be drawn")


def test_crisis_card_next_leads_on(v2):
    v2.add_card({"id": "work-after", "stage": "work", "weight": 0, "title": T("After"),
                 "text": T("Later"), "choices": [
                     {"label": T("Go on"), "safe": True, "feedback": T("On")}]}, "crisis.yaml")
    v2.choice("work-crisis", 1)["next"] = "work-after"
    assert v2.load().problems == []


def test_a_crisis_card_does_not_make_a_stage_drawable(v2):
    v2.cards.pop("work.yaml")
    v2.choice("tra-agent", 1)["outcome"] = "safe-return"
    v2.choice("tra-boat", 0)["outcome"] = "came-home-in-debt"
    result = v2.load()
    assert [p.severity for p in find(result, "no card can be drawn in stage 'work'")] == [
        "warning", "warning"]


def test_irregular_crisis_card_needs_the_irregular_route(v2):
    del v2.choice("rec-sponsor", 1)["effects"]["route"]
    v2.card("tra-boat")["route"] = "any"
    v2.card("work-crisis")["route"] = "irregular"
    expect(v2.load(), v2.shown(CRISIS), v2.line_of(CRISIS, "id: work-crisis"),
           "card 'work-crisis' can never be drawn: it is on the irregular route")


# -- the writing rules (wording.py) ----------------------------------------------------------

def test_acronym_not_in_the_glossary(v2):
    v2.card("tra-agent")["text"] = {"id": "Tanya dulu ke LTSA.", "en": "Ask the LTSA first."}
    result = v2.load()
    for code in ("id", "en"):
        expect(result, v2.shown("cards/travel.yaml"),
               v2.line_of("cards/travel.yaml", f"{code}: Ask the LTSA first."
                          if code == "en" else "id: Tanya dulu ke LTSA."),
               f"'LTSA' looks like an acronym but is not a glossary term in '{code}'", "warning")


def test_acronym_checked_per_language(v2):
    v2.pack["glossary"].append({"term": {"id": "LTSA", "en": "one-roof service"},
                                "meaning": T("Where migrant workers get their papers")})
    v2.card("tra-agent")["text"] = {"id": "Tanya ke LTSA.",
                                    "en": "Ask at the one-roof service, the LTSA."}
    result = v2.load()
    problem = only(result)
    assert problem.line == v2.line_of("cards/travel.yaml", "en: Ask at the one-roof")
    assert "'LTSA' looks like an acronym but is not a glossary term in 'en'" in problem.message


@pytest.mark.parametrize("text", ["Bring your ktp.", "KTP-nya dibawa.", "e-KTP ready",
                                  "Lapor ke KP2MI? no: ktp"])
def test_glossary_terms_match_whole_words_in_any_case(v2, text):
    v2.pack["glossary"].append({"term": {"id": "KP2MI", "en": "KP2MI"},
                                "meaning": T("The ministry")})
    v2.card("tra-agent")["text"] = {"id": text, "en": text}
    v2.card("tra-boat")["text"] = {"id": "Lapor KP2MI", "en": "Report to KP2MI"}
    assert v2.load().problems == []


@pytest.mark.parametrize("word, flagged", [("KP2MI", True), ("BP3MI", True), ("ABC", True),
                                           ("A1B2C3", True), ("AB", False), ("Ktp", False),
                                           ("KTPs", False), ("1234", False), ("KTP_X", False)])
def test_what_counts_as_an_acronym(v2, word, flagged):
    v2.card("tra-agent")["title"] = {"id": f"Kata {word} ini", "en": "A word"}
    found = find(v2.load(), "looks like an acronym")
    assert bool(found) == flagged, found


def test_acronym_inside_a_longer_term_is_explained(v2):
    v2.pack["glossary"].append({"term": {"id": "SAPA 129", "en": "SAPA 129"},
                                "meaning": T("A complaints line")})
    v2.item("contacts", "sapa129")["name"] = {"id": "SAPA 129", "en": "SAPA 129"}
    assert v2.load().problems == []


def test_acronym_in_a_glossary_meaning(v2):
    v2.pack["glossary"][0]["meaning"] = {"id": "Kartu dari DUKCAPIL", "en": "A card"}
    expect(v2.load(), v2.shown("pack.yaml"), v2.line_of("pack.yaml", "id: Kartu dari DUKCAPIL"),
           "'DUKCAPIL' looks like an acronym", "warning")


def test_glossary_term_used_nowhere(v2):
    v2.pack["glossary"].append({"term": {"id": "LTSA", "en": "LTSA"},
                                "meaning": T("One-roof service (LTSA)")})
    result = v2.load()
    for code in ("id", "en"):
        assert len(find(result, f"glossary term 'LTSA' is used in no '{code}' text")) == 1
    problem = find(result, "glossary term 'LTSA' is used in no 'id' text")[0]
    assert (problem.file, problem.line, problem.severity) == (
        v2.shown("pack.yaml"), v2.line_of("pack.yaml", "id: LTSA"), "warning")


def test_glossary_term_used_in_one_language_only(v2):
    v2.pack["glossary"].append({"term": {"id": "calo", "en": "broker"},
                                "meaning": T("An unofficial go-between")})
    v2.card("tra-agent")["text"] = {"id": "Calo memberi kontrak.", "en": "The agency gives it."}
    problem = only(v2.load())
    assert problem.line == v2.line_of("pack.yaml", "en: broker")
    assert "glossary term 'broker' is used in no 'en' text of the pack" in problem.message


def test_card_text_over_60_words(v2):
    long = " ".join(["word"] * 61)
    v2.card("tra-agent")["text"] = {"id": "Pendek.", "en": long}
    expect(v2.load(), v2.shown("cards/travel.yaml"), v2.line_of("cards/travel.yaml", long),
           "text in 'en' has 61 words, more than 60", "warning")


def test_card_text_of_60_words_is_fine(v2):
    v2.card("tra-agent")["text"] = {"id": "Pendek.", "en": " ".join(["word"] * 59) + " - end."}
    assert v2.load().problems == []


def test_choice_label_over_10_words(v2):
    long = "one two three four five six seven eight nine ten eleven"
    v2.choice("tra-agent", 0)["label"] = {"id": long, "en": "Read it"}
    expect(v2.load(), v2.shown("cards/travel.yaml"), v2.line_of("cards/travel.yaml", long),
           "label in 'id' has 11 words, more than 10", "warning")


def test_choice_label_too_long_for_its_button(v2):
    # ten long words (no 10-word warning) but more characters than fit on a button
    # beside three others at 1024x768 with the largest text (game/content/fit.py)
    long = " ".join(["keberangkatannya"] * 8)          # 135 characters
    assert len(long) > LABEL_FIT_CHARS
    v2.choice("tra-agent", 0)["label"] = {"id": long, "en": "Read it"}
    result = v2.load()
    expect(result, v2.shown("cards/travel.yaml"), v2.line_of("cards/travel.yaml", long),
           f"label in 'id' has {len(long)} characters, more than {LABEL_FIT_CHARS}", "warning")
    assert not find(result, "words, more than")
    assert validate_paths([str(v2.write())], strict=True)[1] == 1   # --strict fails


def test_choice_label_as_long_as_fits_is_fine(v2):
    fits = ("x" * 13 + " ") * 8
    fits = fits[:LABEL_FIT_CHARS]
    v2.choice("tra-agent", 0)["label"] = {"id": fits, "en": "Read it"}
    assert v2.load().problems == []


def test_label_too_long_in_indonesian(v2):
    long = " ".join(["keberangkatannya"] * 8)
    v2.choice("tra-agent", 0)["label"] = {"id": long, "en": "Read it"}
    problem = find(v2.load(), "characters, more than")[0]
    assert problem.text("id").startswith(f"label dalam 'id' berisi {len(long)} huruf, lebih dari")


@pytest.mark.parametrize("marker", ["GANTI", "REPLACE", "TODO"])
def test_placeholder_still_in_a_text(v2, marker):
    v2.item("contacts", "sapa129")["detail"] = {"id": f"{marker}: nomor resmi", "en": "Call 129"}
    result = v2.load()
    expect(result, v2.shown("pack.yaml"), v2.line_of("pack.yaml", f"{marker}: nomor resmi"),
           f"contact detail in 'id' still holds the placeholder '{marker}' (from `new`)",
           "warning")
    assert not find(result, "looks like an acronym")


def test_placeholder_words_in_small_letters_are_ordinary_words(v2):
    v2.card("tra-agent")["text"] = {"id": "Ganti rugi.", "en": "Replace the lock."}
    assert v2.load().problems == []


def test_the_new_pack_reports_only_its_placeholders(tmp_path):
    from game.authoring.scaffold import create_pack
    from game.authoring.schema import default_dir
    folder = create_pack("my-pack", tmp_path, default_dir())
    problems, code = validate_paths([str(folder)], strict=True)
    assert code == 1 and problems
    assert all("still holds the placeholder" in p.message for p in problems), problems
    assert validate_paths([str(folder)])[1] == 0


def test_a_copy_of_the_example_with_a_broken_v2_field(tmp_path):
    copy = tmp_path / "example"
    shutil.copytree(SCENARIOS / "example", copy)
    cards = copy / "cards" / "travel.yaml"
    cards.write_text(cards.read_text(encoding="utf-8").replace(
        "shows: [act, means]  ", "shows: [act, meens]  "), encoding="utf-8")
    result = load_pack(copy)
    problem = errors(result)[0]
    assert "did you mean 'means'?" in problem.message and result.pack is None
    assert problem.line == next(i for i, line in enumerate(
        Path(cards).read_text(encoding="utf-8").splitlines(), 1) if "meens" in line)
