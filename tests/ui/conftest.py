"""Headless UI tests: dummy video and audio drivers, no window, no sound."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest  # noqa: E402

from game.commands.play import PlayOptions  # noqa: E402
from game.ui import text as ui_text  # noqa: E402


@pytest.fixture(autouse=True)
def no_overflow_left():
    """Every test starts with a clean list of clipped texts."""
    ui_text.OVERFLOWS.clear()
    yield


def options(**kw) -> PlayOptions:
    kw.setdefault("mute", True)
    return PlayOptions(**kw)
