"""The JSON Schema for editors: generated from the validator's tables, committed,
current, and never stricter than the validator."""
from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from game import cli
from game.authoring import fields
from game.authoring.schema import (CARDS_SCHEMA, PACK_SCHEMA, SCHEMA_FILES, cards_schema,
                                   default_dir, modeline, pack_schema, schema_texts)
from game.content import validate

from .conftest import SCENARIOS, real_packs


def test_committed_schema_is_current():
    """Regenerate and compare: run `python run_game.py schema` when this fails."""
    for name, text in schema_texts().items():
        committed = (SCENARIOS / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"scenarios/schema/{name} is stale: run python run_game.py schema"


def test_schema_command_writes_and_checks(tmp_path, capsys):
    out = tmp_path / "schema"
    assert cli.main(["schema", "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines() == [str(out / name) for name in SCHEMA_FILES]
    assert sorted(p.name for p in out.iterdir()) == sorted(SCHEMA_FILES)
    assert cli.main(["schema", "--out", str(out), "--check"]) == 0
    (out / PACK_SCHEMA).write_text("{}", encoding="utf-8")
    assert cli.main(["schema", "--out", str(out), "--check", "--lang", "en"]) == 1
    assert capsys.readouterr().err == (f"{out / PACK_SCHEMA}: not current; run: python "
                                       f"run_game.py schema --out {out}\n")
    assert cli.main(["schema", "--out", str(out), "--check"]) == 1   # nothing remembered: id
    assert capsys.readouterr().err == (f"{out / PACK_SCHEMA}: belum diperbarui; jalankan: "
                                       f"python run_game.py schema --out {out}\n")
    assert (out / PACK_SCHEMA).read_text(encoding="utf-8") == "{}", "--check writes nothing"


def test_schema_command_refuses_unknown_options(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["schema", "--bogus"])
    assert stop.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_schema_follows_the_validators_tables():
    pack = pack_schema()
    assert pack["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert set(pack["properties"]) == set(validate.PACK_FIELDS)
    assert set(pack["required"]) == set(validate.PACK_REQUIRED)
    card = cards_schema()["items"]
    assert set(card["properties"]) == set(validate.CARD_FIELDS)
    assert set(card["required"]) == set(validate.CARD_REQUIRED)
    choice = card["properties"]["choices"]["items"]
    assert set(choice["properties"]) == set(validate.CHOICE_FIELDS)
    assert set(choice["properties"]["effects"]["properties"]) == set(validate.EFFECTS_FIELDS)
    assert set(choice["properties"]["requires"]["properties"]) == set(validate.REQUIRES_FIELDS)
    outcome = pack["properties"]["outcomes"]["items"]
    assert set(outcome["properties"]["elements"]["properties"]) == set(validate.ELEMENT_FIELDS)
    assert card["properties"]["stage"]["enum"] == list(validate.STAGES)
    assert card["properties"]["choices"]["maxItems"] == validate.MAX_CHOICES


def test_every_field_has_bilingual_help():
    for part in fields.PARTS.values():
        assert (part.name, "") in fields.HELP
        for name in part.fields:
            indonesian, english = fields.HELP[(part.name, name)]
            assert indonesian and english and indonesian != english, (part.name, name)


def test_fields_match_the_models():
    for part in fields.PARTS.values():
        assert set(part.fields) <= fields.model_fields(part.name)
        for name in part.fields:
            fields.kind_of(part.name, name)  # every field's kind is known


def _descriptions(schema, path="$"):
    if isinstance(schema, dict):
        if schema.get("type") == "object" and "properties" in schema:
            for name, sub in schema["properties"].items():
                assert sub.get("description"), f"{path}.{name} has no description"
        for key, sub in schema.items():
            yield from _descriptions(sub, f"{path}.{key}")
        yield path
    elif isinstance(schema, list):
        for i, sub in enumerate(schema):
            yield from _descriptions(sub, f"{path}[{i}]")


def test_every_property_has_a_description():
    list(_descriptions(pack_schema()))
    list(_descriptions(cards_schema()))


def test_modeline_is_relative_inside_the_repository_and_resolves(tmp_path):
    schema_dir = default_dir()
    line = modeline(SCENARIOS / "any-pack" / "cards" / "a.yaml", schema_dir, CARDS_SCHEMA)
    assert line == "# yaml-language-server: $schema=../../schema/cards.schema.json"
    line = modeline(SCENARIOS / "any-pack" / "pack.yaml", schema_dir, PACK_SCHEMA)
    assert line == "# yaml-language-server: $schema=../schema/pack.schema.json"
    outside = modeline(tmp_path / "p" / "pack.yaml", schema_dir, PACK_SCHEMA)
    assert outside.endswith(str((schema_dir / PACK_SCHEMA).resolve().as_posix()))


# -- checked with a JSON Schema validator (jsonschema: a test dependency) ---------------

def _validator(schema):
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_schemas_are_valid_draft_07():
    _validator(pack_schema())
    _validator(cards_schema())


@pytest.mark.parametrize("pack", real_packs(), ids=lambda p: p.name)
def test_every_real_pack_is_valid_against_the_schema(pack):
    """Never stricter than the validator: packs it accepts raise no editor error."""
    loaded = validate.load_pack(pack)
    assert loaded.errors == [], "\n".join(map(str, loaded.problems))
    pack_check, cards_check = _validator(pack_schema()), _validator(cards_schema())
    data = yaml.safe_load((pack / "pack.yaml").read_text(encoding="utf-8"))
    assert [e.message for e in pack_check.iter_errors(data)] == []
    for path in sorted((pack / "cards").glob("*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert [e.message for e in cards_check.iter_errors(data)] == [], path.name


def test_the_new_pack_is_valid_against_the_schema(new_pack):
    data = yaml.safe_load((new_pack / "pack.yaml").read_text(encoding="utf-8"))
    assert list(_validator(pack_schema()).iter_errors(data)) == []
    for path in sorted((new_pack / "cards").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(_validator(cards_schema()).iter_errors(data)) == []


CARD = {"id": "c", "stage": "work", "title": {"id": "a", "en": "b"},
        "text": {"id": "a", "en": "b"},
        "choices": [{"label": {"id": "a", "en": "b"}, "safe": True}]}


@pytest.mark.parametrize("change, why", [
    (lambda c: c.update(choises=[]), "misspelt field"),
    (lambda c: c.pop("stage"), "missing required field"),
    (lambda c: c.update(stage="recruiting"), "not a stage"),
    (lambda c: c.update(route="sideways"), "not a route"),
    (lambda c: c.update(weight=-1), "negative weight"),
    (lambda c: c.update(image="../outside.png"), "image outside the pack"),
    (lambda c: c.update(choices=[]), "no choices"),
    (lambda c: c.update(choices=c["choices"] * 5), "five choices"),
    (lambda c: c["choices"][0].update(next="a", outcome="b"), "next and outcome"),
    (lambda c: c["choices"][0].update(safe="yes please"), "safe not a boolean"),
    (lambda c: c["choices"][0].update(effects={"route": "any"}), "bad effects.route"),
    (lambda c: c["choices"][0].update(effects={"skip": -1}), "negative skip"),
    (lambda c: c["choices"][0].update(effects={"gain": "passport"}), "gain not a list"),
    (lambda c: c.update(title={"id": ""}), "empty text"),
    (lambda c: c.update(title=["a"]), "text is a list"),
    (lambda c: c.update(shows=["mean"]), "not an element of trafficking"),
    (lambda c: c.update(shows=["act", "act"]), "an element twice"),
    (lambda c: c.update(shows="act"), "shows not a list"),
    (lambda c: c.update(crisis="yes"), "crisis not a boolean"),
    (lambda c: c["choices"][0].update(coerced=True), "coerced and safe: true"),
    (lambda c: c["choices"][0].pop("safe"), "safe left out of a free choice"),
])
def test_the_card_schema_flags_mistakes(change, why):
    card = json.loads(json.dumps(CARD))
    assert list(_validator(cards_schema()).iter_errors([card])) == []
    change(card)
    assert list(_validator(cards_schema()).iter_errors([card])), why


def test_the_card_schema_accepts_version_2(new_pack):
    card = json.loads(json.dumps(CARD))
    card.update(shows=["act", "means"], crisis=True)
    card["choices"].append({"label": {"id": "a", "en": "b"}, "coerced": True})
    card["choices"].append({"label": {"id": "a", "en": "b"}, "coerced": True, "safe": False})
    card["choices"].append({"label": {"id": "a", "en": "b"}, "coerced": False, "safe": True})
    assert list(_validator(cards_schema()).iter_errors([card])) == []


def test_the_pack_schema_flags_mistakes(new_pack):
    base = yaml.safe_load((new_pack / "pack.yaml").read_text(encoding="utf-8"))
    check = _validator(pack_schema())
    assert list(check.iter_errors(base)) == []
    for change in (lambda p: p.update(id="My Pack"),
                   lambda p: p.update(languages=[]),
                   lambda p: p["outcomes"][2].pop("elements"),
                   lambda p: p.update(checkpoints={"docs": ["passport"]}),
                   lambda p: p.update(endings={"away": "safe-return"}),
                   lambda p: p.update(max_turns=0),
                   lambda p: p["start"].update(money=-1),
                   lambda p: p.update(endings={"asisted": "helped-out"}),
                   lambda p: p.update(glossary={"KTP": "ID card"}),
                   lambda p: p["glossary"][0].pop("meaning"),
                   lambda p: p["glossary"][0].update(meening=p["glossary"][0]["meaning"])):
        data = json.loads(json.dumps(base))
        change(data)
        assert list(check.iter_errors(data)), change


# -- schema --pack: the pack's own ids as the allowed values ---------------------------

def _pack_schemas(tmp_path, pack):
    out = tmp_path / "schema"
    assert cli.main(["schema", "--pack", str(pack), "--out", str(out)]) == 0
    return (json.loads((out / PACK_SCHEMA).read_text(encoding="utf-8")),
            json.loads((out / CARDS_SCHEMA).read_text(encoding="utf-8")))


def test_schema_pack_flags_a_next_to_a_card_that_does_not_exist(tmp_path, capsys):
    pack = SCENARIOS / "example"
    _pack, cards = _pack_schemas(tmp_path, pack)
    check = _validator(cards)
    path = sorted((pack / "cards").glob("*.yaml"))[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(check.iter_errors(data)) == []            # the file as shipped passes
    other = yaml.safe_load((pack / "cards" / "recruitment.yaml").read_text(encoding="utf-8"))
    data[0]["choices"][0].pop("outcome", None)
    data[0]["choices"][0]["next"] = other[0]["id"]         # an existing card: passes
    assert list(check.iter_errors(data)) == []
    data[0]["choices"][0]["next"] = "no-such-card"         # a typo: the editor flags it
    errors = list(check.iter_errors(data))
    assert errors and "'no-such-card' is not one of" in errors[0].message
    # the plain schema still takes any id
    assert list(_validator(cards_schema()).iter_errors(data)) == []


@pytest.mark.parametrize("where, value", [
    (lambda ch: ch.update(outcome="no-such-outcome"), "outcome"),
    (lambda ch: ch.update(requires={"documents": ["pasport"]}), "requires.documents"),
    (lambda ch: ch.update(effects={"gain": ["pasport"]}), "effects.gain"),
    (lambda ch: ch.update(effects={"lose": ["pasport"]}), "effects.lose"),
    (lambda ch: ch.update(effects={"contact": "no-such-line"}), "effects.contact"),
    (lambda ch: ch.update(requires={"flags": ["never-set"]}), "requires.flags"),
])
def test_schema_pack_flags_every_unknown_id(tmp_path, where, value):
    _pack, cards = _pack_schemas(tmp_path, SCENARIOS / "example")
    card = json.loads(json.dumps(CARD))
    assert list(_validator(cards).iter_errors([card])) == []
    where(card["choices"][0])
    assert list(_validator(cards).iter_errors([card])), value


def test_schema_pack_flags_unknown_ids_in_pack_yaml(tmp_path):
    pack = SCENARIOS / "example"
    schema, _cards = _pack_schemas(tmp_path, pack)
    check = _validator(schema)
    data = yaml.safe_load((pack / "pack.yaml").read_text(encoding="utf-8"))
    assert list(check.iter_errors(data)) == []
    bad = json.loads(json.dumps(data))
    bad.setdefault("endings", {})["risk"] = "no-such-outcome"
    assert list(check.iter_errors(bad))
    bad = json.loads(json.dumps(data))
    bad["start"]["documents"] = ["pasport"]
    assert list(check.iter_errors(bad))


@pytest.mark.parametrize("pack", real_packs(), ids=lambda p: p.name)
def test_every_real_pack_is_valid_against_its_own_schema(tmp_path, pack):
    schema, cards = _pack_schemas(tmp_path, pack)
    data = yaml.safe_load((pack / "pack.yaml").read_text(encoding="utf-8"))
    assert [e.message for e in _validator(schema).iter_errors(data)] == []
    for path in sorted((pack / "cards").glob("*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert [e.message for e in _validator(cards).iter_errors(data)] == [], path.name


def test_schema_pack_writes_into_the_packs_folder_and_checks(tmp_path, capsys):
    import shutil
    pack = tmp_path / "example"
    shutil.copytree(SCENARIOS / "example", pack)
    assert cli.main(["schema", "--pack", str(pack)]) == 0
    out = pack / "schema"
    assert capsys.readouterr().out.splitlines() == [str(out / name) for name in SCHEMA_FILES]
    assert cli.main(["schema", "--pack", str(pack), "--check"]) == 0
    cards = pack / "cards" / "work.yaml"
    cards.write_text(cards.read_text(encoding="utf-8").replace("- id: wor-payday",
                                                               "- id: wor-payday-2", 1),
                     encoding="utf-8")
    assert cli.main(["schema", "--pack", str(pack), "--check", "--lang", "en"]) == 1
    assert "not current; run: python run_game.py schema --pack" in capsys.readouterr().err
    assert cli.main(["schema", "--check"]) == 0          # the plain schema is untouched
    # the pack still validates with its schema/ folder in it
    assert validate.load_pack(pack).errors == []


def test_schema_pack_that_names_no_pack_exits_2(tmp_path, capsys):
    try:
        code = cli.main(["schema", "--pack", str(tmp_path / "nothing")])
    except SystemExit as stop:
        code = stop.code
    assert code == 2
    assert "tidak ada paket" in capsys.readouterr().err
    assert not (tmp_path / "nothing").exists()


def test_shipped_packs_carry_the_schema_modeline_and_the_editor_settings_agree():
    from game.content.headers import find_pack_dirs
    for pack in find_pack_dirs(SCENARIOS):
        first = (pack / "pack.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(pack / "pack.yaml", default_dir(), PACK_SCHEMA), pack.name
        for path in sorted((pack / "cards").glob("*.y*ml")):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == modeline(path, default_dir(), CARDS_SCHEMA), path
    settings = json.loads((SCENARIOS.parent / ".vscode" / "settings.json")
                          .read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {
        "scenarios/schema/pack.schema.json": "scenarios/*/pack.yaml",
        "scenarios/schema/cards.schema.json": "scenarios/*/cards/*.yaml"}
