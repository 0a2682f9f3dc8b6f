"""`run_game.py new`: a commented pack that passes validate --strict as created."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from game import cli, paths
from game.authoring.fields import walk_texts
from game.content.model import ROUTES, STAGES
from game.content.validate import load_pack, validate_paths
from game.sim import simulate

import yaml


def test_new_pack_reports_only_its_placeholders_under_strict(new_pack):
    """The CLI contract: the new pack validates; under --strict only its placeholders
    (texts the author must replace) are reported."""
    problems, code = validate_paths([str(new_pack)], strict=True)
    assert problems and all("still holds the placeholder" in p.message for p in problems)
    assert validate_paths([str(new_pack)], strict=False)[1] == 0
    for path in [new_pack / "pack.yaml", *sorted((new_pack / "cards").glob("*.yaml"))]:
        text = path.read_text(encoding="utf-8")
        for marker in ("GANTI", "REPLACE"):
            for problem in problems:
                if problem.file == str(path) and f"'{marker}'" in problem.message:
                    assert marker in text.splitlines()[problem.line - 1]


def test_new_pack_passes_strict_once_its_placeholders_are_replaced(new_pack):
    for path in [new_pack / "pack.yaml", *sorted((new_pack / "cards").glob("*.yaml"))]:
        text = path.read_text(encoding="utf-8")
        for marker in ("GANTI: ", "REPLACE: ", "GANTI ", "REPLACE ", "GANTI", "REPLACE"):
            text = text.replace(marker, "")
        path.write_text(text, encoding="utf-8")
    assert validate_paths([str(new_pack)], strict=True) == ([], 0)


def test_new_pack_uses_format_version_2(new_pack):
    pack = load_pack(new_pack).pack
    assert pack.glossary and pack.endings["assisted"] == "helped-out"
    assert pack.outcome(pack.ending("risk")).kind == "unsafe"
    crisis = [c for c in pack.cards if c.crisis]
    assert crisis and crisis[0].shows_act_and_means and crisis[0].discuss
    assert any(ch.coerced and not ch.safe for ch in crisis[0].choices)


def test_new_pack_has_every_block_and_one_card_per_stage_and_route(new_pack):
    pack = load_pack(new_pack).pack
    assert pack.id == "my-pack" and pack.languages == ("id", "en")
    assert pack.documents and pack.contacts and pack.checkpoints and pack.endings
    assert {o.kind for o in pack.outcomes} == {"safe", "unsafe", "trafficked"}
    assert sorted((c.stage, c.route) for c in pack.cards if not c.crisis) == sorted(
        (stage, route) for stage in STAGES for route in ROUTES)
    assert (new_pack / "assets").is_dir() and (new_pack / "SOURCES.md").is_file()
    text = (new_pack / "pack.yaml").read_text(encoding="utf-8")
    assert text.count("#") > 10, "the pack is meant to be commented"


def test_new_pack_states_no_facts(new_pack):
    """No phone number, law, fee or statistic: no digits in any text players read."""
    for path in [new_pack / "pack.yaml", *sorted((new_pack / "cards").glob("*.yaml"))]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        root = "pack" if path.name == "pack.yaml" else "cards"
        for field in walk_texts(data, root):
            for text in field.value.values():
                assert not re.search(r"\d", text), f"{path.name} {field.key}: {text}"
    contact = load_pack(new_pack).pack.contacts[0]
    assert "GANTI" in contact.detail["id"] and "REPLACE" in contact.detail["en"]


def test_new_pack_plays_every_card_and_outcome(new_pack):
    pack = load_pack(new_pack).pack
    runs = [simulate(pack, 300, seed=3, policy=p) for p in ("random", "safe", "risky")]
    assert runs[0]["cards_never_drawn"] == []
    reached = set().union(*(r["outcomes"] for r in runs))
    assert reached == {o.id for o in pack.outcomes}
    assert runs[1]["kinds"]["safe"] > runs[1]["kinds"]["trafficked"]
    assert runs[2]["kinds"]["trafficked"] > runs[2]["kinds"]["safe"]


def test_modelines_point_at_the_schema(new_pack):
    for path in [new_pack / "pack.yaml", *sorted((new_pack / "cards").glob("*.yaml"))]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(.+)", first)
        assert match, path
        target = Path(match.group(1))
        target = target if target.is_absolute() else path.parent / target
        assert target.resolve().is_file(), first


def test_new_command(tmp_path, capsys):
    assert cli.main(["new", "kerja-pabrik", "--dir", str(tmp_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "validate" in out and "preview" in out
    assert "replace the texts marked GANTI / REPLACE" in out
    assert (tmp_path / "kerja-pabrik" / "pack.yaml").is_file()
    before = (tmp_path / "kerja-pabrik" / "pack.yaml").read_bytes()
    # never overwrites
    assert cli.main(["new", "kerja-pabrik", "--dir", str(tmp_path), "--lang", "en"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "kerja-pabrik" / "pack.yaml").read_bytes() == before


def test_new_speaks_indonesian_by_default(tmp_path, capsys):
    """Nothing remembered (the tests' own settings folder): Bahasa Indonesia."""
    assert cli.main(["new", "kerja-pabrik", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "ganti teks yang bertanda GANTI / REPLACE" in out and "berikutnya:" in out
    assert "python run_game.py validate" in out     # the commands stay as typed
    assert cli.main(["new", "kerja-pabrik", "--dir", str(tmp_path)]) == 1
    assert "kesalahan: " in (err := capsys.readouterr().err) and "sudah ada" in err


@pytest.mark.parametrize("bad", ["My-Pack", "my_pack", "pack!", "../up", "a b"])
def test_new_refuses_bad_ids(tmp_path, capsys, bad):
    assert cli.main(["new", bad, "--dir", str(tmp_path), "--lang", "en"]) == 2
    assert "lowercase" in capsys.readouterr().err
    assert cli.main(["new", bad, "--dir", str(tmp_path), "--lang", "id"]) == 2
    assert "huruf kecil" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_new_defaults_to_scenarios(monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "SCENARIOS", tmp_path)
    assert cli.main(["new", "in-scenarios"]) == 0
    assert (tmp_path / "in-scenarios" / "cards").is_dir()


def test_new_needs_an_id(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["new"])
    assert stop.value.code == 2
    assert "the following arguments are required: PACK_ID" in capsys.readouterr().err


def test_new_writes_its_comments_in_the_authors_language(tmp_path, capsys):
    from game.authoring.scaffold import CARD_FILES, PACK_YAML
    from game.authoring.scaffold_words import COMMENTS_ID, comments
    assert cli.main(["new", "kerja-pabrik", "--dir", str(tmp_path / "id"), "--lang", "id"]) == 0
    assert cli.main(["new", "kerja-pabrik", "--dir", str(tmp_path / "en"), "--lang", "en"]) == 0
    capsys.readouterr()
    id_pack, en_pack = tmp_path / "id" / "kerja-pabrik", tmp_path / "en" / "kerja-pabrik"
    id_text = (id_pack / "pack.yaml").read_text(encoding="utf-8")
    en_text = (en_pack / "pack.yaml").read_text(encoding="utf-8")
    assert "id: kerja-pabrik                     # harus sama dengan nama folder" in id_text
    assert "# must equal the folder name" in en_text and "harus sama" not in en_text
    assert "# Tahap 3: perjalanan" in (id_pack / "cards" / "3-travel.yaml").read_text("utf-8")
    # every comment of every template has its Indonesian line: none is left in English
    for template in [PACK_YAML] + [t for _, t in CARD_FILES]:
        for text in comments(template):
            command = text.strip().startswith("python run_game.py")  # typed as it is
            assert text in COMMENTS_ID or command or not text.strip(), text
    # only the comments differ: the same pack, and only its placeholders under --strict
    assert yaml.safe_load(id_text) == yaml.safe_load(en_text)
    problems, code = validate_paths([str(id_pack)], strict=True)
    assert problems and all("still holds the placeholder" in p.message for p in problems)
