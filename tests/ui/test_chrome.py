"""The Menu button and the speaker button, by mouse and by touch, on every screen."""
from __future__ import annotations

import pygame
import pytest

from tests.session.fakes import FakeEngine
from tests.ui.helpers import button, click, key, make_app, settle, tap, to_board


def chrome(app, name):
    app.layout_chrome()
    found = app.chrome.find(name)
    assert found is not None, f"no {name} button on {app.top.name}"
    return found


@pytest.mark.parametrize("how", [click, tap])
def test_the_menu_button_opens_the_menu_on_every_screen(tmp_path, how):
    app = make_app(size=(1024, 768), players=["A", "B"], save_dir=tmp_path, speed=1000.0)
    for screen in ("title", "setup"):
        assert app.top.name == screen
        how(app, chrome(app, "menu").rect.center)
        assert app.top.name == "menu"
        how(app, chrome(app, "menu").rect.center)      # the same button closes it
        assert app.top.name == screen
        if screen == "title":
            key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)                           # setup -> board
    assert app.top.name == "board"
    how(app, chrome(app, "menu").rect.center)
    assert app.top.name == "menu" and app.top.group.find("end") is not None
    how(app, button(app, "pause").rect.center)
    assert app.top.name == "pause"
    pygame.quit()


@pytest.mark.parametrize("how", [click, tap])
def test_the_speaker_button_reads_the_card_aloud(tmp_path, how):
    engine = FakeEngine()
    app = make_app(size=(1024, 768), players=["A"], save_dir=tmp_path, speed=1000.0,
                   speech_engine=engine)
    to_board(app)
    for _ in range(30):
        if app.top.name == "card":
            break
        key(app, pygame.K_SPACE if app.top.name == "board" else pygame.K_RETURN)
        settle(app)
    assert app.top.name == "card"
    how(app, chrome(app, "speaker").rect.center)
    assert engine.spoken and app.rules.card_on_show(app.log.game).title["id"] in \
        engine.spoken[-1].text
    assert app.top.name == "card"                       # the card is still there
    pygame.quit()


def test_the_title_screen_names_the_file_and_line_of_a_broken_pack(tmp_path):
    import shutil

    from game.paths import SCENARIOS
    pack = tmp_path / "example"
    shutil.copytree(SCENARIOS / "example", pack)
    cards = pack / "cards" / "work.yaml"
    lines = cards.read_text("utf-8").splitlines()
    cards.write_text("\n".join(lines) + "\n- id: [broken\n", "utf-8")
    app = make_app(size=(1024, 768), pack=str(pack), save_dir=tmp_path / "save", lang="en")
    app.top.play()
    assert "work.yaml, line" in app.top.error and app.top.name == "title"
    pygame.quit()
