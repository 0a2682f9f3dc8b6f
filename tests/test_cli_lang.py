"""`--lang` on preview and report: a language nobody has words for is a usage
error (exit 2, saying what there is), never a silent fall back."""
from __future__ import annotations

import pytest

from game.cli import main
from game.paths import SCENARIOS


def refused(capsys, *argv) -> str:
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = stop.code
    assert code == 2
    return capsys.readouterr().err


def test_preview_in_a_language_the_pack_lacks_exits_2_naming_the_packs_languages(capsys):
    said = refused(capsys, "preview", "any-card", "--pack", str(SCENARIOS / "example"),
                   "--lang", "xx")
    assert "'xx'" in said and "id, en" in said


def test_report_in_a_language_without_words_exits_2(capsys, tmp_path):
    save = tmp_path / "game.json"
    save.write_text("{}", encoding="utf-8")
    said = refused(capsys, "report", str(save), "--lang", "xx", "--html", str(tmp_path / "r.html"))
    assert "'xx'" in said and "id, en" in said
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_preview_in_the_packs_languages_is_accepted(capsys, tmp_path, lang):
    shot = tmp_path / "card.png"
    code = main(["preview", "no-such-card", "--pack", str(SCENARIOS / "example"),
                 "--lang", lang, "--screenshot", str(shot)])
    assert code != 2        # the language passed; the missing card is the only problem
    assert "no card 'no-such-card'" in capsys.readouterr().err
