"""One failing fixture per rule of the format (scenarios/README.md, Part 3 — Reference),
each checked at FILE:LINE."""
from __future__ import annotations

import pytest
import yaml

from game.content.validate import load_pack

from .conftest import PNG, T, errors, expect, find, only

CARDS = "cards/recruitment.yaml"
WORK = "cards/work.yaml"
TRAVEL = "cards/travel.yaml"


def test_the_builders_pack_has_no_problems(builder):
    result = builder.load()
    assert result.problems == []
    assert result.pack is not None


# -- YAML itself -----------------------------------------------------------------

def test_yaml_syntax_error_is_located(builder):
    builder.raw["cards/broken.yaml"] = ("- id: broken\n"
                                        "  stage: work\n"
                                        "  title: {id: \"a\", en: \"b\"\n"
                                        "  text: x\n")
    result = builder.load()
    problem = expect(result, builder.shown("cards/broken.yaml"), 4, "YAML syntax error")
    assert result.pack is None and problem.column >= 1


def test_tab_indentation_is_a_syntax_error(builder):
    builder.raw["cards/tabs.yaml"] = "- id: tabbed\n\tstage: work\n"
    expect(builder.load(), builder.shown("cards/tabs.yaml"), 2, "YAML syntax error")


def test_python_tag_is_a_located_problem_not_code(builder):
    builder.raw["cards/evil.yaml"] = ("- id: evil\n"
                                      "  stage: !!python/object/apply:os.system ['echo hi']\n")
    result = builder.load()
    expect(result, builder.shown("cards/evil.yaml"), 2, "tag '!!python/object/apply:os.system'")


def test_not_utf8_is_located(builder):
    builder.raw["cards/latin1.yaml"] = "- id: x\n  stage: work\n  text: caf\xe9\n".encode("latin-1")
    expect(builder.load(), builder.shown("cards/latin1.yaml"), 3, "not UTF-8")


def test_duplicate_field_in_one_mapping(builder):
    builder.raw["cards/twice.yaml"] = (
        "- id: twice\n  stage: work\n  title: {id: a, en: b}\n  text: {id: a, en: b}\n"
        "  stage: travel\n  choices:\n  - {label: {id: a, en: b}, safe: true, "
        "feedback: {id: a, en: b}}\n")
    result = builder.load()
    expect(result, builder.shown("cards/twice.yaml"), 5, "field 'stage' is given twice")


def test_card_file_must_be_a_list(builder):
    builder.raw["cards/map.yaml"] = "id: lonely\nstage: work\n"
    expect(builder.load(), builder.shown("cards/map.yaml"), 1, "must be a list of cards")


# -- unknown fields, types, required fields ---------------------------------------

def test_misspelt_card_field_suggests_the_right_one(builder):
    card = builder.card("rec-sponsor")
    card["dicsuss"] = T("Why?")
    result = builder.load()
    problem = expect(result, builder.shown(CARDS), builder.line_of(CARDS, "dicsuss:"),
                     "unknown field 'dicsuss'")
    assert "did you mean 'discuss'?" in problem.message
    assert result.pack is None


def test_misspelt_pack_field(builder):
    builder.pack["max_turn"] = builder.pack.pop("max_turns")
    problem = only(builder.load())
    assert (problem.file, problem.line) == (builder.shown("pack.yaml"),
                                           builder.line_of("pack.yaml", "max_turn:"))
    assert "did you mean 'max_turns'?" in problem.message


def test_unknown_field_without_close_match_lists_the_fields(builder):
    builder.choice("tra-agent")["banana"] = 1
    problem = only(builder.load())
    assert problem.line == builder.line_of(TRAVEL, "banana:")
    assert "label" in problem.message and "feedback" in problem.message


@pytest.mark.parametrize("where, field, value, text", [
    ("effects", "money", "500", "effects.money must be a whole number"),
    ("effects", "money", 2.5, "effects.money must be a whole number"),
    ("choice", "safe", "yes", "safe must be true or false"),
    ("card", "weight", -1, "weight must be 0 or more"),
    ("card", "weight", "heavy", "weight must be a number"),
    ("card", "stage", "recrutment", "did you mean 'recruitment'?"),
    ("card", "route", "iregular", "did you mean 'irregular'?"),
    ("effects", "route", "any", "effects.route must be one of regular, irregular"),
    ("effects", "skip", -1, "effects.skip must be 0 or more"),
    ("effects", "gain", "passport", "effects.gain must be a list"),
    ("requires", "money", [1], "requires.money must be a whole number"),
])
def test_wrong_types(builder, where, field, value, text):
    card = builder.card("tra-agent")
    target = {"card": card, "choice": card["choices"][1],
              "effects": card["choices"][1]["effects"]}.get(where)
    if where == "requires":
        target = card["choices"][1].setdefault("requires", {})
    target[field] = value
    result = builder.load()
    if isinstance(value, list):  # a block list starts on the line after its field
        line = builder.line_of(TRAVEL, f"{field}:") + 1
    else:
        line = builder.line_of(TRAVEL, f"{field}: {yaml.safe_dump(value).splitlines()[0]}")
    expect(result, builder.shown(TRAVEL), line, text)


def test_outcome_kind_did_you_mean(builder):
    builder.item("outcomes", "debt-bondage")["kind"] = "trafficking"
    result = builder.load()
    expect(result, builder.shown("pack.yaml"),
           builder.line_of("pack.yaml", "kind: trafficking"), "did you mean 'trafficked'?")


@pytest.mark.parametrize("field", ["id", "stage", "title", "text", "choices"])
def test_card_missing_required_field(builder, field):
    del builder.card("work-wage")[field]
    result = builder.load()
    first_line = 1  # the card is the first item of work.yaml
    expect(result, builder.shown(WORK), first_line, f"missing required field '{field}'")


@pytest.mark.parametrize("field", ["label", "safe"])
def test_choice_missing_required_field(builder, field):
    del builder.choice("tra-agent", 1)[field]
    result = builder.load()
    line = builder.line_of(TRAVEL, "- label:", 2) if field != "label" else builder.line_of(
        TRAVEL, "safe: false")
    expect(result, builder.shown(TRAVEL), line, f"missing required field '{field}'")


@pytest.mark.parametrize("field", ["id", "title", "description", "languages", "start",
                                   "outcomes"])
def test_pack_missing_required_field(builder, field):
    del builder.pack[field]
    expect(builder.load(), builder.shown("pack.yaml"), 1, f"missing required field '{field}'")


@pytest.mark.parametrize("section, ident, field", [
    ("documents", "passport", "name"), ("contacts", "sapa129", "detail"),
    ("outcomes", "came-home-in-debt", "debrief"), ("outcomes", "safe-return", "kind")])
def test_pack_item_missing_required_field(builder, section, ident, field):
    del builder.item(section, ident)[field]
    result = builder.load()
    expect(result, builder.shown("pack.yaml"), builder.line_of("pack.yaml", f"id: {ident}"),
           f"missing required field '{field}'")


def test_documents_and_contacts_are_optional(builder):
    builder.pack["documents"] = []
    builder.pack["contacts"] = []
    builder.pack.pop("checkpoints")
    builder.pack["start"] = {"money": 10}
    for cards in builder.cards.values():
        for card in cards:
            for choice in card["choices"]:
                for name in ("gain", "lose", "contact"):
                    choice.get("effects", {}).pop(name, None)
                if "documents" in choice.get("requires", {}):
                    del choice["requires"]
    result = builder.load()
    assert errors(result) == []
    assert result.pack.documents == () and result.pack.contacts == ()


def test_route_defaults_to_any(builder):
    assert builder.load().pack.card("rec-sponsor").route == "any"


def test_choice_without_feedback_is_a_warning(builder):
    del builder.choice("tra-agent", 1)["feedback"]
    result = builder.load()
    problem = expect(result, builder.shown(TRAVEL), builder.line_of(TRAVEL, "- label:", 2),
                     "no feedback", "warning")
    assert result.pack is not None and problem.severity == "warning"


# -- pack id ------------------------------------------------------------------------

def test_pack_id_must_equal_folder_name(builder):
    builder.pack["id"] = "other-pack"
    expect(builder.load(), builder.shown("pack.yaml"),
           builder.line_of("pack.yaml", "id: other-pack"), "must equal its folder name")


def test_pack_id_characters(tmp_path):
    from .conftest import PackBuilder
    builder = PackBuilder(tmp_path, pack_id="Test_Pack")
    problem = only(builder.load())
    assert problem.line == builder.line_of("pack.yaml", "id: Test_Pack")
    assert "lowercase letters, digits and '-'" in problem.message


# -- ids and references ----------------------------------------------------------

def test_duplicate_card_id_across_files_names_the_first(builder):
    builder.add_card({**builder.card("tra-boat"), "id": "rec-sponsor"}, "zz.yaml")
    result = builder.load()
    problem = expect(result, builder.shown("cards/zz.yaml"), 1, "duplicate card id")
    assert f"first defined at {builder.shown(CARDS)}:1:3" in problem.message


@pytest.mark.parametrize("section, ident", [("documents", "passport"), ("contacts", "sapa129"),
                                            ("outcomes", "safe-return")])
def test_duplicate_pack_ids(builder, section, ident):
    builder.pack[section].append(dict(builder.item(section, ident)))
    result = builder.load()
    kind = section[:-1]
    problem = expect(result, builder.shown("pack.yaml"),
                     builder.line_of("pack.yaml", f"id: {ident}", 2), f"duplicate {kind} id")
    assert f":{builder.line_of('pack.yaml', f'id: {ident}')}:" in problem.message


@pytest.mark.parametrize("change, marker, text", [
    (lambda b: b.choice("rec-sponsor", 1).update(next="rec-retrun"), "next: rec-retrun",
     "no card with id 'rec-retrun' (did you mean 'rec-return'?)"),
    (lambda b: b.choice("work-wage", 1).update(outcome="came-home-in-dept"),
     "outcome: came-home-in-dept", "did you mean 'came-home-in-debt'?"),
    (lambda b: b.choice("tra-agent", 0).update(effects={"gain": ["contrakt"]}), "- contrakt",
     "no document with id 'contrakt' (did you mean 'contract'?)"),
    (lambda b: b.choice("tra-boat", 0).update(effects={"lose": ["ktpp"]}), "- ktpp",
     "no document with id 'ktpp'"),
    (lambda b: b.choice("rec-sponsor", 0).update(effects={"contact": "sapa"}), "contact: sapa",
     "no contact with id 'sapa'"),
    (lambda b: b.choice("work-wage", 0).update(requires={"documents": ["pasport"]}),
     "- pasport", "no document with id 'pasport' (did you mean 'passport'?)"),
])
def test_dangling_references_in_cards(builder, change, marker, text):
    change(builder)
    result = builder.load()
    file = next(f"cards/{name}" for name, cards in builder.cards.items()
                if marker.split()[-1] in str(cards))
    expect(result, builder.shown(file), builder.line_of(file, marker), text)


@pytest.mark.parametrize("change, marker, nth, text", [
    (lambda p: p["start"].update(documents=["ktp", "pasport"]), "- pasport", 1,
     "no document with id 'pasport'"),
    (lambda p: p.update(checkpoints={"travel": ["visa"]}), "- visa", 1,
     "no document with id 'visa'"),
    (lambda p: p.update(endings={"risk": "debt-bondge"}), "risk: debt-bondge", 1,
     "no outcome with id 'debt-bondge' (did you mean 'debt-bondage'?)"),
    (lambda p: p.update(endings={"home-safe": "safe-return"}), "home-safe:", 1,
     "an ending must be one of home, home-unsafe, risk"),
    (lambda p: p.update(checkpoints={"documents": ["passport"]}), "documents:", 3,
     "did you mean 'documentation'?"),
])
def test_dangling_references_in_pack(builder, change, marker, nth, text):
    change(builder.pack)
    result = builder.load()
    expect(result, builder.shown("pack.yaml"), builder.line_of("pack.yaml", marker, nth), text)


def test_missing_image(builder):
    builder.card("tra-boat")["image"] = "bot.png"
    problem = expect(builder.load(), builder.shown(TRAVEL), builder.line_of(TRAVEL, "bot.png"),
                     "not in the pack's assets/ folder")
    assert "did you mean 'boat.png'?" in problem.message


@pytest.mark.parametrize("path", ["../pack.yaml", "../../../etc/passwd", "/etc/passwd",
                                  "C:/Windows/win.ini", "people/../../x.png"])
def test_image_outside_the_pack_is_refused(builder, path):
    builder.card("tra-boat")["image"] = path
    builder.assets["../pack-copy.png"] = b"x"  # a real file just outside assets/
    expect(builder.load(), builder.shown(TRAVEL), builder.line_of(TRAVEL, "image:"),
           "points outside the pack")


def test_image_in_a_subfolder_of_assets(builder):
    builder.assets["people/sponsor.png"] = PNG
    builder.card("tra-boat")["image"] = "people/sponsor.png"
    assert builder.load().problems == []


# -- translations ------------------------------------------------------------------

def test_each_missing_language_is_one_problem(builder):
    card = builder.card("tra-agent")
    card["title"] = {"id": "Agen"}
    card["text"] = {"id": "Teks"}
    result = builder.load()
    assert len(find(result, "missing language 'en'")) == 2
    # reported where the title's mapping starts: the line after `title:`
    expect(result, builder.shown(TRAVEL), builder.line_of(TRAVEL, "title:") + 1,
           "title is missing language 'en'")


def test_three_languages_two_missing(builder):
    builder.pack["languages"] = ["id", "en", "ms"]
    result = builder.load()
    assert find(result, "missing language 'ms'")
    assert not find(result, "missing language 'en'")


def test_unknown_language_in_a_text(builder):
    builder.card("tra-agent")["title"] = {"id": "Agen", "eng": "Agency"}
    result = builder.load()
    expect(result, builder.shown(TRAVEL), builder.line_of(TRAVEL, "eng: Agency"),
           "did you mean 'en'?")


def test_plain_string_needs_a_single_language_pack(builder):
    builder.card("tra-agent")["title"] = "Agency"
    expect(builder.load(), builder.shown(TRAVEL), builder.line_of(TRAVEL, "title: Agency"),
           "must give every language")


def test_plain_strings_in_a_single_language_pack(builder):
    def plain(data):
        if isinstance(data, dict):
            if set(data) == {"id", "en"} and all(isinstance(v, str) for v in data.values()):
                return data["id"]
            return {k: plain(v) for k, v in data.items()}
        if isinstance(data, list):
            return [plain(v) for v in data]
        return data
    builder.pack = plain(builder.pack)
    builder.pack["languages"] = ["id"]
    builder.cards = plain(builder.cards)
    result = builder.load()
    assert result.problems == []
    assert result.pack.card("tra-agent").title == {"id": "Agency (id)"}


def test_empty_text_is_refused(builder):
    builder.card("tra-agent")["text"] = {"id": "Teks", "en": ""}
    expect(builder.load(), builder.shown(TRAVEL), builder.line_of(TRAVEL, "en: ''"),
           "must be a text")


# -- choices ------------------------------------------------------------------------

def test_next_and_outcome_together(builder):
    builder.choice("rec-sponsor", 1)["outcome"] = "debt-bondage"
    result = builder.load()
    expect(result, builder.shown(CARDS), builder.line_of(CARDS, "outcome: debt-bondage"),
           "'next' or 'outcome', not both")


def test_no_choices(builder):
    builder.card("tra-boat")["choices"] = []
    expect(builder.load(), builder.shown(TRAVEL), builder.line_of(TRAVEL, "choices: []"),
           "needs 1 to 4 choices")


def test_more_than_four_choices(builder):
    choice = builder.choice("tra-boat")
    builder.card("tra-boat")["choices"] = [dict(choice, label=T(f"Option {i}"))
                                           for i in range(6)]
    expect(builder.load(), builder.shown(TRAVEL), builder.line_of(TRAVEL, "Option 4 (id)") - 1,
           "at most 4 choices")


# -- outcomes ------------------------------------------------------------------------

def test_trafficked_outcome_without_elements(builder):
    del builder.item("outcomes", "debt-bondage")["elements"]
    expect(builder.load(), builder.shown("pack.yaml"),
           builder.line_of("pack.yaml", "id: debt-bondage"), "needs elements")


def test_trafficked_outcome_missing_one_element(builder):
    del builder.item("outcomes", "debt-bondage")["elements"]["means"]
    expect(builder.load(), builder.shown("pack.yaml"),
           builder.line_of("pack.yaml", "act:"), "missing required field 'means'")


@pytest.mark.parametrize("kind", ["safe", "trafficked"])
def test_pack_needs_a_safe_and_a_trafficked_outcome(builder, kind):
    for outcome in builder.pack["outcomes"]:
        if outcome["kind"] == kind:
            outcome["kind"] = "unsafe"
    expect(builder.load(), builder.shown("pack.yaml"),
           builder.line_of("pack.yaml", "outcomes:") + 1, f"at least one '{kind}' outcome")


def test_outcome_no_choice_leads_to_is_a_warning(builder):
    builder.pack["outcomes"].append({"id": "lost", "kind": "unsafe", "title": T("Lost"),
                                     "debrief": T("Lost")})
    result = builder.load()
    expect(result, builder.shown("pack.yaml"), builder.line_of("pack.yaml", "id: lost"),
           "no choice or ending leads to outcome 'lost'", "warning")
    assert result.pack is not None


def test_outcomes_used_by_default_endings_count_as_reached(builder):
    builder.choice("work-wage", 0).pop("outcome")
    builder.choice("work-wage", 1).pop("outcome")
    builder.choice("rec-return", 0).pop("outcome")
    del builder.pack["endings"]
    # home -> first safe, home-unsafe -> first unsafe, risk -> first trafficked; the last
    # is reported for itself (risk alone would record trafficking), not as unused
    problem = only(builder.load())
    assert "the risk ending is by default 'debt-bondage'" in problem.message


def test_outcomes_used_by_endings_count_as_reached(builder):
    builder.pack["outcomes"].append({"id": "lost", "kind": "unsafe", "title": T("Lost"),
                                     "debrief": T("Lost")})
    builder.pack["endings"] = {"home-unsafe": "lost", "risk": "lost"}
    assert builder.load().problems == []


# -- the journey through the cards ---------------------------------------------------

def test_next_loop_with_no_way_out(builder):
    builder.add_card({"id": "loop-a", "stage": "work", "title": T("A"), "text": T("A"),
                      "choices": [{"label": T("On"), "safe": True, "feedback": T("On"),
                                   "next": "loop-b"}]}, "loop.yaml")
    builder.add_card({"id": "loop-b", "stage": "work", "title": T("B"), "text": T("B"),
                      "choices": [{"label": T("Back"), "safe": True, "feedback": T("Back"),
                                   "next": "loop-a"},
                                  {"label": T("Again"), "safe": False, "feedback": T("Again"),
                                   "next": "loop-b"}]}, "loop.yaml")
    problem = expect(builder.load(), builder.shown("cards/loop.yaml"), 1,
                     "lead only to each other")
    assert "'loop-a', 'loop-b'" in problem.message


def test_card_leading_only_to_itself(builder):
    builder.choice("tra-boat")["next"] = "tra-boat"
    expect(builder.load(), builder.shown(TRAVEL), builder.line_of(TRAVEL, "id: tra-boat"),
           "leads only to itself")


def test_next_loop_with_a_way_out_is_fine(builder):
    builder.choice("rec-return", 1)["next"] = "rec-sponsor"  # rec-sponsor has a plain choice
    assert builder.load().problems == []


def test_irregular_card_nobody_can_reach(builder):
    del builder.choice("rec-sponsor", 1)["effects"]["route"]
    result = builder.load()
    expect(result, builder.shown(TRAVEL), builder.line_of(TRAVEL, "id: tra-boat"),
           "card 'tra-boat' can never be drawn: it is on the irregular route")


def test_weight_zero_card_without_next(builder):
    del builder.choice("rec-sponsor", 1)["next"]
    expect(builder.load(), builder.shown(CARDS), builder.line_of(CARDS, "id: rec-return"),
           "its weight is 0")


def test_weight_zero_card_reached_by_next_is_fine(builder):
    assert builder.load().pack.card("rec-return").weight == 0


def test_stage_without_cards_is_a_warning(builder):
    builder.cards.pop("work.yaml")
    builder.choice("tra-agent", 1)["outcome"] = "safe-return"
    builder.choice("tra-boat", 0)["outcome"] = "came-home-in-debt"
    result = builder.load()
    assert [p.severity for p in find(result, "stage 'work'")] == ["warning", "warning"]


# -- checkpoints, flags, documents ---------------------------------------------------

def test_checkpoint_document_never_given(builder):
    builder.pack["checkpoints"] = {"documentation": ["passport"], "travel": ["contract"]}
    builder.choice("tra-agent", 0)["effects"] = {"risk": 1}
    builder.choice("tra-agent", 1)["effects"] = {"risk": 1}
    result = builder.load()
    expect(result, builder.shown("pack.yaml"), builder.line_of("pack.yaml", "- contract"),
           "checkpoint document 'contract' is never given")


def test_checkpoint_document_given_at_start(builder):
    builder.pack["checkpoints"] = {"travel": ["ktp"]}
    assert builder.load().problems == []


def test_flag_required_but_never_set(builder):
    builder.choice("rec-sponsor", 1)["effects"]["set"] = ["owes-sponser"]
    result = builder.load()
    problem = expect(result, builder.shown(CARDS), builder.line_of(CARDS, "- owes-sponsor"),
                     "flag 'owes-sponsor' is required here but no choice sets it", "warning")
    assert "did you mean 'owes-sponser'?" in problem.message


def test_required_document_never_given_is_a_warning(builder):
    builder.choice("tra-agent", 0)["effects"] = {"risk": 1}
    builder.choice("tra-agent", 1)["effects"] = {"risk": 1}
    result = builder.load()
    expect(result, builder.shown(WORK), builder.line_of(WORK, "- contract"),
           "document 'contract' is required here", "warning")


# -- pack settings ---------------------------------------------------------------------

@pytest.mark.parametrize("value, text", [(0, "max_turns must be 1 or more"),
                                         ("ten", "max_turns must be a whole number")])
def test_max_turns(builder, value, text):
    builder.pack["max_turns"] = value
    expect(builder.load(), builder.shown("pack.yaml"), builder.line_of("pack.yaml", "max_turns"),
           text)


@pytest.mark.parametrize("value, text", [([], "non-empty list"), ("id", "non-empty list"),
                                         (["id", "EN!"], "not a language code"),
                                         (["id", "id"], "listed twice")])
def test_languages(builder, value, text):
    builder.pack["languages"] = value
    result = builder.load()
    assert find(result, text)
    assert find(result, text)[0].line >= builder.line_of("pack.yaml", "languages:")
    assert result.pack is None


def test_first_language_is_the_default(builder):
    builder.pack["languages"] = ["en", "id"]
    assert builder.load().pack.languages == ("en", "id")


def test_start_money_must_be_an_integer(builder):
    builder.pack["start"]["money"] = "3000"
    expect(builder.load(), builder.shown("pack.yaml"), builder.line_of("pack.yaml", "money:"),
           "start.money must be a whole number")


# -- files -------------------------------------------------------------------------

def test_no_card_files(builder):
    builder.cards = {}
    expect(builder.load(), builder.shown("pack.yaml"), 1, "a pack needs cards")


def test_no_cards_folder(tmp_path, builder):
    builder.cards = {}
    folder = builder.write()
    (folder / "cards").rmdir()
    result = load_pack(folder)
    assert find(result, "there is no cards/ folder")[0].file == builder.shown("pack.yaml")


def test_no_pack_yaml(tmp_path):
    (tmp_path / "cards").mkdir()
    result = load_pack(tmp_path)
    assert result.pack is None
    assert "no pack.yaml" in result.problems[0].message


def test_yml_files_are_read_in_sorted_order(builder):
    builder.cards["0-first.yml"] = builder.cards.pop("work.yaml")
    result = builder.load()
    assert result.problems == []
    assert result.pack.cards[0].id == "work-wage"
    assert result.pack.cards[0].where.file == builder.shown("cards/0-first.yml")


def test_card_positions(builder):
    pack = builder.load().pack
    where = pack.card("tra-boat").where
    assert (where.file, where.line, where.column) == (
        builder.shown(TRAVEL), builder.line_of(TRAVEL, "id: tra-boat"), 3)


def test_every_problem_is_reported_not_just_the_first(builder):
    builder.card("rec-sponsor")["stage"] = "travell"
    builder.card("tra-agent")["titel"] = T("x")
    builder.choice("work-wage", 1)["safe"] = "no"
    builder.pack["max_turns"] = -3
    result = builder.load()
    assert len(errors(result)) >= 4
    files = [p.file for p in result.problems]
    assert files == sorted(files, key=[builder.shown("pack.yaml"), builder.shown(CARDS),
                                       builder.shown(TRAVEL), builder.shown(WORK)].index)
