"""A tapped button does not stay lit: a finger lifted from the screen hovers
over nothing, while the mouse still lights the button under it."""
from __future__ import annotations

import pygame
import pytest

from game.ui.widgets import Button
from tests.ui.helpers import make_app


@pytest.fixture
def app(tmp_path):
    a = make_app(size=(1024, 768), players=["Siti"], lang="id", save_dir=tmp_path / "save")
    yield a
    pygame.quit()


def _press(app, button, events) -> int:
    pressed = []
    button.on_press = lambda: pressed.append(1)
    for event in events:
        event = app._translate(event)      # as the window hands it to the screens
        if event is not None:
            button.handle(event)
    return len(pressed)


def test_a_tapped_button_is_pressed_once_and_not_left_lit(app):
    b = Button(pygame.Rect(100, 100, 200, 80), "Lanjut", lambda: None)
    w, h = app.screen.get_size()
    finger = dict(touch_id=1, finger_id=0, dx=0.0, dy=0.0, pressure=1.0,
                  x=200 / w, y=140 / h)
    assert _press(app, b, [pygame.event.Event(pygame.FINGERDOWN, **finger),
                           pygame.event.Event(pygame.FINGERUP, **finger)]) == 1
    assert not b.hover


def test_a_clicked_button_stays_lit_under_the_mouse(app):
    b = Button(pygame.Rect(100, 100, 200, 80), "Lanjut", lambda: None)
    assert _press(app, b, [pygame.event.Event(pygame.MOUSEMOTION, pos=(200, 140), rel=(1, 1),
                                              buttons=(0, 0, 0)),
                           pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(200, 140), button=1),
                           pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(200, 140), button=1)]) == 1
    assert b.hover
