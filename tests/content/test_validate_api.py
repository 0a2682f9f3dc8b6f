"""The public API: the good pack, headers, finding and resolving packs, the command."""
from __future__ import annotations

import shutil

import pytest

from game.content.model import Position
from game.cli import main
from game.content.validate import (Problem, find_pack_dirs, load_pack, read_pack_header,
                                   resolve_pack, validate_paths)

from .conftest import GOOD_PACK, T, PackBuilder


def test_good_fixture_pack_loads_without_problems():
    result = load_pack(GOOD_PACK)
    assert result.problems == []
    pack = result.pack
    assert pack.id == "good-pack" and pack.languages == ("id", "en")
    assert len(pack.cards) == 8 and pack.start.documents == ("ktp",)
    assert pack.checkpoints == {"documentation": ("passport",), "travel": ("contract",)}
    assert pack.ending("risk") == "in-danger" and pack.ending("assisted") == "helped-out"
    assert [e.term["id"] for e in pack.glossary] == ["KTP", "SAPA", "KBRI"]
    crisis = pack.card("work-crisis")
    assert crisis.crisis and crisis.shows == ("act", "means") and crisis.shows_act_and_means
    assert crisis.choices[0].coerced and not crisis.choices[0].safe
    assert pack.outcome("debt-bondage").elements.means["en"] == "Debt bondage."
    card = pack.card("rec-sponsor")
    assert card.where == Position(str(GOOD_PACK / "cards" / "1-recruitment.yaml"), 1, 3)
    assert card.choices[1].effects.route == "irregular"
    assert card.choices[1].next == "rec-sponsor-return"
    assert pack.card("tra-boat").weight == 2.5
    assert pack.card("rec-sponsor-return").choices[0].requires.flags == ("owes-sponsor",)
    assert pack.path == str(GOOD_PACK.resolve())


def test_problem_format():
    problem = Problem("scenarios/x/cards/a.yaml", 3, 5, "error", "no card with id 'b'")
    assert str(problem) == "scenarios/x/cards/a.yaml:3:5: error: no card with id 'b'"


def test_header_reads_only_pack_yaml(tmp_path):
    builder = PackBuilder(tmp_path)
    builder.raw["cards/broken.yaml"] = "this: [is not: valid"
    header = read_pack_header(builder.write())
    assert header.id == "test-pack" and header.languages == ("id", "en")
    assert header.title == T("Test pack") and header.path == builder.folder
    assert read_pack_header(tmp_path / "nowhere") is None


def test_header_of_broken_pack_yaml_is_none(tmp_path):
    (tmp_path / "pack.yaml").write_text("id: [oops", encoding="utf-8")
    assert read_pack_header(tmp_path) is None


def test_find_pack_dirs(tmp_path):
    PackBuilder(tmp_path, "beta").write()
    PackBuilder(tmp_path, "alpha").write()
    (tmp_path / "not-a-pack").mkdir()
    assert find_pack_dirs(tmp_path) == [tmp_path / "alpha", tmp_path / "beta"]
    assert find_pack_dirs(tmp_path / "alpha") == [tmp_path / "alpha"]
    assert find_pack_dirs(tmp_path / "not-a-pack") == []


def test_resolve_pack_by_id_or_path(tmp_path):
    scenarios = tmp_path / "scenarios"
    PackBuilder(scenarios, "malaysia").write()
    elsewhere = PackBuilder(tmp_path / "elsewhere", "mine").write()
    assert resolve_pack("malaysia", scenarios) == scenarios / "malaysia"
    assert resolve_pack(str(elsewhere), scenarios) == elsewhere
    assert resolve_pack("nope", scenarios) is None


# -- the validate command ----------------------------------------------------------

def validate(*argv: str) -> int:
    """`run_game.py validate --lang en ARGV...`: its exit code (argparse's own exits
    included); the English messages as they were before --lang."""
    try:
        return main(["validate", "--lang", "en", *argv])
    except SystemExit as exc:
        return exc.code


@pytest.fixture
def packs(tmp_path):
    """A folder of packs: one good, one with a warning only."""
    good = PackBuilder(tmp_path / "scenarios", "good")
    good.write()
    warned = PackBuilder(tmp_path / "scenarios", "warned")
    del warned.choice("tra-boat")["feedback"]
    warned.write()
    return tmp_path / "scenarios"


def test_exit_0_for_good_packs(tmp_path, capsys):
    assert validate(str(GOOD_PACK)) == 0
    out, err = capsys.readouterr()
    assert out == "" and "no problems in 5 files" in err


def test_exit_1_for_errors_with_one_line_per_problem(tmp_path, capsys):
    builder = PackBuilder(tmp_path)
    builder.card("tra-agent")["stage"] = "travell"
    builder.card("work-wage")["titel"] = T("x")
    builder.write()
    assert validate(str(builder.folder)) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(str(builder.folder / "cards" / "travel.yaml") + ":")
    assert ": error: stage must be one of" in lines[0]
    assert "did you mean 'title'?" in lines[1]
    assert err.strip() == "2 errors, 0 warnings in 5 files"


def test_warnings_pass_unless_strict(packs, capsys):
    assert validate(str(packs)) == 0
    out, err = capsys.readouterr()
    assert ": warning: choice has no feedback" in out
    assert "0 errors, 1 warning in 10 files" in err
    assert validate(str(packs), "--strict") == 1
    out, _ = capsys.readouterr()
    assert ": error: choice has no feedback" in out


def test_paths_are_shown_as_given(packs, capsys, monkeypatch):
    monkeypatch.chdir(packs.parent)
    validate("scenarios")
    out, _ = capsys.readouterr()
    assert out.startswith("scenarios/warned/cards/travel.yaml:")


def test_exit_2_for_a_path_that_does_not_exist(tmp_path, capsys):
    assert validate(str(tmp_path / "missing")) == 2
    assert "no such file or folder" in capsys.readouterr().out


def test_exit_2_for_a_bad_command_line(capsys):
    assert validate() == 2
    assert validate("--bogus", "x") == 2


def test_help_exits_0(capsys):
    assert validate("--help") == 0
    assert "--strict" in capsys.readouterr().out


def test_folder_without_packs_is_an_error(tmp_path, capsys):
    assert validate(str(tmp_path)) == 1
    assert "no pack here" in capsys.readouterr().out


def test_a_card_file_path_validates_its_pack(tmp_path):
    builder = PackBuilder(tmp_path)
    builder.card("tra-agent")["stage"] = "travell"
    folder = builder.write()
    problems, code = validate_paths([str(folder / "cards" / "travel.yaml")], strict=False)
    assert code == 1 and "stage must be one of" in problems[0].message


def test_validate_paths_keeps_going_after_a_bad_path(tmp_path):
    problems, code = validate_paths([str(tmp_path / "missing"), str(GOOD_PACK)], strict=True)
    assert code == 2 and len(problems) == 1


def test_validating_a_copy_of_the_good_pack_elsewhere(tmp_path):
    copy = tmp_path / "good-pack"
    shutil.copytree(GOOD_PACK, copy)
    assert validate_paths([str(copy)], strict=True) == ([], 0)


def test_field_tables_match_the_model():
    import dataclasses

    from game.content import model, parts

    def names(cls, *internal):
        return {f.name for f in dataclasses.fields(cls)} - set(internal)

    assert set(parts.PACK_FIELDS) == names(model.Pack, "cards", "path")
    assert set(parts.START_FIELDS) == names(model.Start)
    assert set(parts.DOCUMENT_FIELDS) == names(model.Document)
    assert set(parts.CONTACT_FIELDS) == names(model.Contact)
    assert set(parts.OUTCOME_FIELDS) == names(model.Outcome)
    assert set(parts.ELEMENT_FIELDS) == names(model.Elements)
    assert set(parts.CARD_FIELDS) == names(model.Card, "where")
    assert set(parts.CHOICE_FIELDS) == names(model.Choice)
    assert set(parts.REQUIRES_FIELDS) == names(model.Requires)
    assert set(parts.EFFECTS_FIELDS) == names(model.Effects)


def test_a_pack_folder_without_pack_yaml_is_reported(packs, capsys):
    (packs / "unfinished" / "cards").mkdir(parents=True)
    assert validate(str(packs)) == 1
    out, _ = capsys.readouterr()
    assert f"{packs / 'unfinished' / 'pack.yaml'}:1:1: error: this folder has cards/" in out
