"""Whole games through the real interface, and the things that must never happen:
text outside its box, a crash on resize, a game that does not reach the debrief."""
from __future__ import annotations

import pygame
import pytest

from game.ui import text as ui_text
from game.ui.app import App, run
from tests.ui.conftest import options
from tests.ui.helpers import make_app, settle


@pytest.mark.parametrize("lang,size", [("id", (1024, 768)), ("en", (1024, 768)),
                                       ("id", (1920, 1080)), ("en", (1920, 1080))])
def test_three_players_reach_the_debrief(lang, size, tmp_path):
    shots = tmp_path / "shots"
    code = run(options(lang=lang, size=size, autoplay=True, seed=11, players=["", "", ""],
                       screenshots=shots if size == (1024, 768) else None))
    assert code == 0
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:5]
    if size == (1024, 768):
        names = sorted(p.name for p in shots.iterdir())
        assert names[0].endswith("title.png")
        assert any("card-" in n for n in names)
        assert any("feedback-" in n for n in names)
        assert any("outcome-" in n for n in names)
        assert names[-1].startswith(names[-1][:4]) and "debrief" in names[-1]


def test_single_language_pack_plays_in_its_language(tmp_path):
    """A pack with plain strings (one language) plays whatever the UI language."""
    import shutil
    from tests.ui.packs import write_single_language_pack
    pack = write_single_language_pack(tmp_path / "solo")
    code = run(options(lang="id", pack=str(pack), autoplay=True, seed=3, players=["A", "B"],
                       size=(1024, 768)))
    assert code == 0
    assert not ui_text.OVERFLOWS


def test_example_pack_with_image_plays():
    code = run(options(lang="en", pack="example", autoplay=True, seed=2, players=["", ""],
                       size=(1280, 720)))
    assert code == 0
    assert not ui_text.OVERFLOWS


def test_frames_smoke():
    assert run(options(frames=5, size=(800, 600))) == 0


def test_survives_resize_mid_turn():
    app = make_app(size=(1024, 768), autoplay=True, players=["", "", ""], seed=4)
    # play until a card is on show, then resize the window twice
    for _ in range(3000):
        app.tick(wait=False)
        if app.top.name == "card":
            break
    assert app.top.name == "card"
    for size in ((1920, 1080), (800, 600), (1366, 768)):
        app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1],
                                             size=size))
        settle(app)
        assert (app.L.width, app.L.height) == size
        assert app.top.name in ("card", "feedback", "board", "message", "outcome")
    for _ in range(100000):
        if not app.tick(wait=False):
            break
    assert app.finished_debrief
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:5]
    pygame.quit()
