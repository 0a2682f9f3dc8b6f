"""validate --lang id|en: every message in the author's language, the FILE:LINE:COL
prefix unchanged; the words come from localisation/author.<lang>.json."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from game.cli import COMMANDS, main
from game.content.lint_output import HINT_KEYS
from game.content.nodes import NodeReader
from game.paths import LOCALISATION
from tests.content.conftest import GOOD_PACK, T, PackBuilder

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("en", "id")
PLACEHOLDER = re.compile(r"%\{(\w+)\}")


def catalog(lang: str) -> dict:
    return json.loads((LOCALISATION / f"author.{lang}.json").read_text("utf-8"))[lang]


def keys_in_code() -> set[str]:
    """Every key the code names literally: said("k"), author_tr("k"), tr("k", ..., ns="author")."""
    found = set()
    call = re.compile(r"""\b(?:said|author_tr)\(\s*["']([a-z0-9_]+)["']""")
    for path in (ROOT / "game").rglob("*.py"):
        found |= set(call.findall(path.read_text("utf-8")))
    return found


def test_every_message_key_has_an_indonesian_and_an_english_text():
    en, id_ = catalog("en"), catalog("id")
    assert en.keys() == id_.keys(), (sorted(en.keys() - id_.keys()),
                                     sorted(id_.keys() - en.keys()))
    for key in en:
        for lang, words in (("en", en), ("id", id_)):
            assert isinstance(words[key], str) and words[key].strip(), (lang, key)
        # the same values fill both: a placeholder missing in one language loses a name
        assert set(PLACEHOLDER.findall(en[key])) == set(PLACEHOLDER.findall(id_[key])), key
        # python-i18n gives these names a meaning of its own
        assert not {"count", "locale", "default", "key"} & set(PLACEHOLDER.findall(en[key])), key
    # and every key the code asks for is there, the families built from names too
    wanted = keys_in_code() | set(HINT_KEYS.values())
    wanted |= {f"thing_{kind}" for kind in NodeReader(Path(".")).ids}
    wanted |= {f"severity_{s}" for s in ("error", "warning")}
    wanted |= {f"count_{w}" for w in ("error", "warning", "file")}
    wanted |= {f"cmd_{name}" for name in COMMANDS}
    assert wanted - en.keys() == set()


def test_what_a_message_is_about_has_indonesian_words_too():
    """'document name', 'the pack id' ...: the phrases the loader names a value by
    (a field's own name, one word like title or effects.money, is shown as written)."""
    en, id_ = catalog("en"), catalog("id")
    call = re.compile(r"""\b(?:text|ident|ident_list|integer|number|boolean|one_of|fields|items)"""
                      r"""\([^()]*?["']([a-z][^"']* [^"']*)["']""")
    phrases = set()
    for path in (ROOT / "game" / "content").glob("*.py"):
        phrases |= set(call.findall(path.read_text("utf-8")))
    assert len(phrases) > 10
    for phrase in phrases:
        key = "what_" + re.sub(r"[^a-z0-9]+", "_", phrase.lower()).strip("_")
        assert en.get(key) == phrase and id_.get(key), phrase


def test_no_message_is_written_in_the_code_instead_of_the_catalog():
    """A problem's message is a said(...) (or a value made of one), never an f-string or
    a plain string literal, so that it exists in both languages."""
    makers = {"problem", "Problem", "YamlIssue", "_issue_at"}
    bad = []
    for path in sorted((ROOT / "game" / "content").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name not in makers:
                continue
            for arg in node.args:
                if isinstance(arg, ast.JoinedStr) or (
                        isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                        and " " in arg.value):
                    bad.append(f"{path.name}:{node.lineno}")
    assert bad == []


@pytest.fixture
def broken(tmp_path) -> Path:
    builder = PackBuilder(tmp_path)
    builder.card("tra-agent")["stage"] = "travell"
    builder.card("work-wage")["titel"] = T("x")
    del builder.choice("tra-boat")["feedback"]
    return builder.write()


def run_validate(capsys, *argv) -> tuple[int, list[str], str]:
    code = main(["validate", *argv])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_validate_in_indonesian_explains_each_problem(broken, capsys):
    code, lines, err = run_validate(capsys, "--lang", "id", "--format", "lines", str(broken))
    assert code == 1
    prefix = re.compile(r"^(.+):(\d+):(\d+): (kesalahan|peringatan): ")
    assert len(lines) == 3 and all(prefix.match(line) for line in lines), lines
    stage, = [line for line in lines if "stage" in line]
    assert stage.startswith(str(broken / "cards" / "travel.yaml") + ":")
    assert ": kesalahan: stage harus salah satu dari" in stage
    assert "bukan 'travell' (maksudnya 'travel'?)" in stage
    assert any(": kesalahan: kolom 'titel' tidak dikenal di card (maksudnya 'title'?)" in line
               for line in lines)
    assert any(": peringatan: pilihan tidak punya feedback" in line for line in lines)
    assert not any(word in line for line in lines
                   for word in ("error:", "warning:", "did you mean", "unknown field"))
    assert err.strip() == "2 kesalahan, 1 peringatan dalam 5 file"


def test_validate_in_english_is_as_before(broken, capsys):
    code, lines, err = run_validate(capsys, "--lang", "en", "--format", "lines", str(broken))
    assert code == 1
    assert any(line.endswith(": error: unknown field 'titel' in card (did you mean 'title'?)")
               for line in lines)
    assert any(": warning: choice has no feedback: say what happened and why, right after "
               "the choice" in line for line in lines)
    assert err.strip() == "2 errors, 1 warning in 5 files"


def test_pretty_output_hints_point_to_the_guide_in_the_authors_language(broken, capsys):
    _code, lines, _err = run_validate(capsys, "--lang", "id", "--format", "pretty",
                                      str(broken))
    file = str(broken / "cards" / "travel.yaml")
    assert f"== {file} (1 kesalahan, 1 peringatan)" in lines
    hints = [line.strip() for line in lines if line.strip().startswith("saran: ")]
    assert hints and all("README.md" not in h for h in hints)
    assert any("scenarios/README.id.md" in h for h in hints)
    _code, lines, _err = run_validate(capsys, "--lang", "en", "--format", "pretty",
                                      str(broken))
    assert any("hint: field names are fixed by the format (scenarios/README.md, 'Reference')"
               in line for line in lines)


def test_without_lang_the_remembered_language_else_indonesian(capsys, monkeypatch, tmp_path):
    from game.session.settings import Settings
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    missing = str(tmp_path / "missing")
    _code, lines, err = run_validate(capsys, missing)  # nothing remembered: Indonesian
    assert lines == [f"{missing}:1:1: kesalahan: file atau folder ini tidak ada"]
    assert err.strip() == "1 kesalahan, 0 peringatan dalam 0 file"
    settings, _ = Settings.load()
    settings.language = "en"
    assert settings.save() is None
    _code, lines, err = run_validate(capsys, missing)
    assert lines == [f"{missing}:1:1: error: no such file or folder"]
    assert err.strip() == "1 error, 0 warnings in 0 files"
    _code, lines, _err = run_validate(capsys, "--lang", "id", missing)  # --lang wins
    assert lines[0].endswith(": kesalahan: file atau folder ini tidak ada")


def test_a_good_pack_says_so_in_either_language(capsys):
    assert run_validate(capsys, "--lang", "id", str(GOOD_PACK))[2].strip() == \
        "tidak ada masalah dalam 5 file"
    assert run_validate(capsys, "--lang", "en", str(GOOD_PACK))[2].strip() == \
        "no problems in 5 files"


def test_an_unknown_lang_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["validate", "--lang", "fr", str(GOOD_PACK)])
    assert stop.value.code == 2


def test_help_is_in_the_remembered_language(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    assert "anggap peringatan sebagai kesalahan" in capsys.readouterr().out
