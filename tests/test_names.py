"""Names as people type, paste or pass them: never invisible, never a crash.

`game.names.clean_name` is the one rule (the command line and the setup
screen use it); `game.ui.text` draws whatever is left, a character the font
lacks (an emoji) as a visible replacement glyph instead of an empty box.
"""
from __future__ import annotations

import os
import unicodedata

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402
from hypothesis import example, given, settings, strategies as st  # noqa: E402

from game.names import clean_name, display_name  # noqa: E402
from game.session.settings import NAME_LENGTH  # noqa: E402
from game.ui import text as ui_text  # noqa: E402

ZERO_WIDTH = "\u200b\u00ad\ufeff"
DEFAULT = "Player 2"


@pytest.fixture(scope="module", autouse=True)
def fonts():
    ui_text.clear_caches()        # fonts opened before another test's pygame.quit are dead
    pygame.init()
    pygame.display.set_mode((64, 64))
    yield
    ui_text.clear_caches()
    pygame.quit()


def ink(text: str, bold: bool = False) -> int:
    """How many pixels `text` colours when drawn."""
    surface = ui_text.render_line(text, 24, (0, 0, 0), bold)
    return pygame.mask.from_surface(surface).count()


def test_a_name_of_zero_width_characters_is_the_default_name():
    assert clean_name(ZERO_WIDTH) == ("", False)
    assert display_name(ZERO_WIDTH, DEFAULT) == DEFAULT
    assert display_name(" \u200b\u3164\u2800 \ufe0f ", DEFAULT) == DEFAULT   # fillers, blanks
    assert display_name("Si\u200bti", DEFAULT) == "Siti"


def test_control_characters_and_line_breaks_go():
    assert clean_name("Siti\nBudi").text == "Siti Budi"
    assert clean_name("Siti\r\n\tBudi\x00\x07\x1b[31m").text == "Siti Budi[31m"
    assert clean_name("  Tim \u2028 Mawar\u2029").text == "Tim Mawar"
    assert clean_name("\u202eTim Mawar\u202c").text == "Tim Mawar"   # no right-to-left trick


def test_a_long_name_is_cut_and_says_so():
    name = "Kelompok Belajar Melati Putih dari Desa Sukamaju"
    cleaned = clean_name(name)
    assert cleaned.cut and cleaned.text == name[:NAME_LENGTH].rstrip()
    assert clean_name("x" * NAME_LENGTH) == ("x" * NAME_LENGTH, False)
    assert not clean_name("x" * NAME_LENGTH + "\u200b" * 5).cut   # invisible: not counted


def test_letters_with_accents_and_other_scripts_stay():
    assert clean_name("Nguye\u0302\u0303n").text == "Nguyễn"    # composed to one letter
    assert clean_name("\u0301Ani").text == "Ani"                 # an accent on nothing goes
    assert clean_name("Сергей").text == "Сергей"
    assert clean_name("Siti 😀").text == "Siti 😀"               # kept; drawn as a fallback


def test_an_emoji_is_drawn_as_a_visible_replacement_not_an_empty_box():
    for bold in (False, True):
        assert not ui_text.has_glyph("😀", bold)
        assert ui_text.shown("Siti 😀", bold) == "Siti " + ui_text.REPLACEMENT
        # the replacement has ink of its own, unlike the font's empty box
        assert ink("😀", bold) == ink(ui_text.REPLACEMENT, bold) > 0
        assert ui_text.text_width("😀", 24, bold) == ui_text.text_width(ui_text.REPLACEMENT,
                                                                         24, bold)
    assert ui_text.wrap("Tim 😀 Mawar", 24, 1000) == ["Tim \ufffd Mawar"]


def test_text_that_draws_nothing_does_not_crash_the_renderer():
    for text in (ZERO_WIDTH, "\u200b", "\x00", "\ud800"):
        surface = ui_text.render_line(text, 24, (0, 0, 0))
        assert surface.get_height() > 0
        ui_text.block(text, 24, (0, 0, 0), 200).draw(pygame.Surface((200, 100)), 0, 0)


@settings(max_examples=300, deadline=None)
@given(st.text())
@example(ZERO_WIDTH)
@example("\u0301\u0302")
@example("😀" * 40)
@example("\U000e0041\U000e0042")
def test_any_name_is_drawable_and_never_empty_after_defaulting(raw):
    cleaned = clean_name(raw)
    name = cleaned.text
    assert len(name) <= NAME_LENGTH
    assert name == name.strip() and "  " not in name
    assert name.isprintable()             # the settings file keeps it
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name)
    assert clean_name(name) == (name, False)    # cleaning twice changes nothing
    assert cleaned.cut == (len(clean_name(raw, None).text) > NAME_LENGTH)
    shown = display_name(raw, DEFAULT)
    assert shown and ink(shown, bold=True) > 0
