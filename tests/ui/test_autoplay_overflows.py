"""An autoplay or screenshot run says on stderr which texts did not fit their
boxes (once each), so a clipped text is found without opening every PNG."""
from __future__ import annotations

from game.ui import text as ui_text
from game.ui.app import App


def test_texts_that_did_not_fit_are_listed_once_each(capsys, monkeypatch):
    monkeypatch.setattr(ui_text, "OVERFLOWS", [
        ("card-text", "Sebuah teks yang terlalu panjang", ((0, 0, 9, 9), (0, 0, 5, 5))),
        ("card-text", "Sebuah teks yang terlalu panjang", ((0, 0, 9, 9), (0, 0, 5, 5))),
        ("panel", "Paspor", ((0, 0, 9, 9), (0, 0, 5, 5)))])
    App._say_overflows()
    err = capsys.readouterr().err.splitlines()
    assert err == ["warning: text did not fit (card-text): 'Sebuah teks yang terlalu panjang'",
                   "warning: text did not fit (panel): 'Paspor'"]


def test_an_autoplay_run_ends_with_the_list(capsys, monkeypatch, tmp_path):
    from game.cli import main
    monkeypatch.setattr(ui_text, "OVERFLOWS", [("debrief", "Kata yang terpotong", ((), ()))])
    code = main(["--autoplay", "--pack", "example", "--players", "2", "--seed", "3",
                 "--size", "1024x768", "--save-dir", str(tmp_path / "save")])
    assert code in (0, None)
    assert "warning: text did not fit (debrief): 'Kata yang terpotong'" in capsys.readouterr().err
