"""A window that fits the screen: plain `run_game.py` on a 1024x768 projector opens
fullscreen at that size; on a big desktop a 1280x800 window; `--text-size` is
remembered."""
from __future__ import annotations

import json

import pygame

from game.ui.app import PREFERRED_WINDOW, fitting_window
from tests.ui.helpers import make_app


def test_the_window_fits_every_desktop():
    assert fitting_window([(1920, 1080)]) == (PREFERRED_WINDOW, False)
    size, small = fitting_window([(1024, 768)])
    assert small and size[0] <= 1024 - 40 and size[1] <= 768 - 90
    size, small = fitting_window([(1366, 768)])
    assert small and size[1] <= 768 - 90
    size, small = fitting_window([(1280, 1024)])
    assert not small and size[0] <= 1280 - 40
    assert fitting_window([]) == (PREFERRED_WINDOW, False)


def test_plain_start_on_a_1024x768_screen_is_fullscreen_at_that_size(tmp_path):
    app = make_app(size=None, save_dir=tmp_path)       # the dummy screen is 1024x768
    assert app.fullscreen and app.screen.get_size() == (1024, 768)
    app.toggle_fullscreen()                             # F11: a window that still fits
    w, h = app.screen.get_size()
    assert w <= 1024 and h <= 768
    pygame.quit()


def test_text_size_from_the_command_line_is_used_and_remembered(tmp_path):
    app = make_app(size=(1024, 768), save_dir=tmp_path, text_size="extra-large")
    assert app.text_scale == app.session.settings.text_scale > 1.0
    pygame.quit()
    saved = json.loads(next(tmp_path.glob("settings*.json")).read_text("utf-8"))
    assert saved["text_size"] == "extra-large"
