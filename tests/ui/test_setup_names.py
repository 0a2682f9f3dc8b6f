"""Odd names on the setup screen: typing or pasting zero-width characters does
not crash and leaves the default name; pasted control characters and line
breaks go; a pasted or given long name is cut and the screen says so; an
emoji in a name is drawn as a visible replacement glyph (not an empty box) on
every screen that draws names, and the session report keeps it."""
from __future__ import annotations

import pygame
import pytest

from game.localise import tr
from game.session.settings import NAME_LENGTH
from game.ui import text as ui_text
from tests.ui.helpers import click, key, make_app, settle

ZERO_WIDTH = "\u200b\u00ad\ufeff"
EMOJI = "\U0001F600"


def to_setup(app):
    key(app, pygame.K_RETURN)               # Play
    assert app.top.name == "setup"
    return app.top


def type_text(app, text: str) -> None:
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    settle(app)


def paste(app, text: str) -> None:
    pygame.scrap.put_text(text)
    key(app, pygame.K_v, mod=pygame.KMOD_CTRL)


@pytest.fixture
def save(tmp_path):
    return tmp_path / "save"


def test_typing_zero_width_characters_leaves_the_default_name(save):
    app = make_app(lang="en", save_dir=save)
    setup = to_setup(app)
    click(app, setup.rows[1][0].center)                 # the second name box, for typing
    assert setup.typing()
    for ch in ZERO_WIDTH:
        type_text(app, ch)                              # one by one: pygame-gui crashed here
    type_text(app, ZERO_WIDTH)
    assert setup.entries[1].get_text() == ""
    app.draw()
    key(app, pygame.K_ESCAPE)                           # leave the box
    assert setup.final_names()[1] == tr("player_default", n=2)
    key(app, pygame.K_RETURN)                           # Start
    assert app.top.name == "board"
    assert app.log.game.journeys[1].name == tr("player_default", n=2)
    pygame.quit()


def test_pasting_cleans_the_name_and_a_long_paste_is_cut_and_said(save):
    app = make_app(lang="id", save_dir=save)
    setup = to_setup(app)
    click(app, setup.rows[0][0].center)
    paste(app, ZERO_WIDTH)
    assert setup.entries[0].get_text() == ""            # nothing to see, nothing pasted
    paste(app, "Siti\r\nBudi\x07\t" + ZERO_WIDTH)
    assert setup.entries[0].get_text() == "Siti Budi "
    key(app, pygame.K_HOME)
    paste(app, "Ibu\n")                                 # at the cursor, not at the end
    assert setup.entries[0].get_text() == "Ibu Siti Budi "
    app.draw()
    assert setup.hint is setup.hint_blocks[0]           # nothing cut yet

    click(app, setup.rows[2][0].center)
    long = "Kelompok Belajar Melati Putih dari Desa Sukamaju"
    paste(app, long)
    assert setup.entries[2].get_text() == long[:NAME_LENGTH]   # cut, not refused
    app.draw()
    assert setup.hint is setup.hint_blocks[2]           # and the screen says it was cut
    assert setup.hint.lines == ui_text.wrap(tr("name_cut", n=NAME_LENGTH), setup.hint.size,
                                            setup.hint.width, True)
    key(app, pygame.K_ESCAPE)
    assert setup.hint is setup.hint_blocks[2]           # still said when the box is closed
    assert setup.final_names()[0] == "Ibu Siti Budi"
    assert setup.final_names()[2] == long[:NAME_LENGTH].rstrip()
    assert not ui_text.OVERFLOWS
    pygame.quit()


@pytest.fixture
def drawn(monkeypatch):
    """Every line drawn with "Siti" in it, by the screen it was drawn on."""
    seen: dict[str, list] = {}
    real = ui_text.render_line
    apps = []

    def spy(text, size, colour, bold=False):
        surface = real(text, size, colour, bold)
        if "Siti" in text and apps and apps[0].top is not None:
            seen.setdefault(apps[0].top.name, []).append((text, size, bold, surface))
        return surface

    monkeypatch.setattr(ui_text, "render_line", spy)
    seen["app"] = apps            # the test puts its app here
    return seen


def assert_visible_glyph(lines) -> None:
    """Each line shows the replacement glyph for the emoji, not the font's empty box."""
    assert lines
    for text, size, bold, surface in lines:
        assert EMOJI not in ui_text.shown(text, bold)
        assert ui_text.REPLACEMENT in ui_text.shown(text, bold), text
        empty_box = ui_text.font(size, bold).render(text.replace(ui_text.REPLACEMENT, EMOJI),
                                                    True, (0, 0, 0))
        assert surface.get_width() != empty_box.get_width() or \
            pygame.image.tobytes(surface, "RGBA") != pygame.image.tobytes(empty_box, "RGBA")


def test_given_names_long_invisible_or_with_an_emoji(save, drawn):
    long = "Kelompok Belajar Melati Putih dari Desa Sukamaju"
    app = make_app(lang="id", save_dir=save, players=[ZERO_WIDTH, long, f"Siti {EMOJI}"])
    drawn["app"].append(app)
    setup = to_setup(app)
    assert setup.names == ["", long[:NAME_LENGTH].rstrip(), f"Siti {EMOJI}"]
    app.draw()
    assert setup.hint is setup.hint_blocks[2]           # the long one was cut: said
    assert setup.final_names()[0] == tr("player_default", n=1)
    assert_visible_glyph(drawn["setup"])
    click(app, setup.rows[2][0].center)                 # the box opens with a glyph too
    assert setup.entries[2].get_text() == "Siti " + ui_text.REPLACEMENT
    key(app, pygame.K_ESCAPE)                           # left as it was: the name keeps
    assert setup.final_names()[2] == f"Siti {EMOJI}"    # its emoji (the report shows it)
    pygame.quit()


def test_an_emoji_name_is_a_visible_glyph_on_every_screen(save, drawn):
    """Bots play a whole game with an emoji in a name; every line drawn with it
    shows the replacement glyph, never the font's empty box."""
    name = f"Siti {EMOJI}"
    app = make_app(lang="en", save_dir=save, autoplay=True, seed=3, length="short",
                   players=[name, ZERO_WIDTH])
    drawn["app"].append(app)
    for _ in range(200000):
        if app.top is not None and app.top.name == "debrief":
            break
        assert app.tick(wait=False)
    app.bot = None
    settle(app)
    assert [j.name for j in app.log.game.journeys] == [name, tr("player_default", "en", n=2)]
    for _ in range(8):                                  # every debrief page
        if app.top.name != "debrief":
            break
        key(app, pygame.K_RIGHT)
    for screen in ("board", "card", "debrief"):
        assert drawn.get(screen), f"the name was not drawn on {screen}: {sorted(drawn)}"
        assert_visible_glyph(drawn[screen])
    report = next((save / "reports").glob("*.html")).read_text("utf-8")
    assert name in report                               # the browser draws the emoji itself
    pygame.quit()
