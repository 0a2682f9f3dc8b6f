"""Each screen driven with synthesised keyboard, mouse and touch events."""
from __future__ import annotations

import json

import pygame
import pytest

from game.ui import text as ui_text
from game.localise import languages, tr
from game.paths import LOCALISATION
from game.ui.theme import contrast, palette, token_colours, token_shapes
from tests.ui.helpers import button, click, key, make_app, settle, tap, to_board


@pytest.fixture
def app():
    a = make_app(size=(1024, 768), players=["Siti", "Budi", "Ani"])
    yield a
    pygame.quit()


def test_keyboard_only_title_setup_board_card(app):
    assert app.top.name == "title"
    to_board(app, key)
    board = app.top
    key(app, pygame.K_SPACE)                 # roll
    for _ in range(20):                      # confirm messages until a card shows
        if app.top.name == "card":
            break
        key(app, pygame.K_RETURN)
    if app.top.name == "card":
        offered = app.rules.offered(app.log.game)
        key(app, pygame.K_1 + offered[0])
        assert app.top.name in ("feedback", "card", "message", "outcome")
        key(app, pygame.K_RETURN)
    assert app.log.actions, "the keyboard played"
    assert board in app.scenes


@pytest.mark.parametrize("how", [click, tap])
def test_mouse_and_touch_play(app, how):
    to_board(app, how)
    how(app, button(app, "roll").rect.center)
    assert len(app.log.actions) == 1
    for _ in range(20):
        top = app.top
        if top.name == "card":
            offered = app.rules.offered(app.log.game)
            how(app, button(app, f"choice-{offered[0] + 1}").rect.center)
            break
        how(app, button(app, "continue").rect.center)
    assert len(app.log.actions) >= 2 or app.top.name != "card"


def test_greyed_choice_is_not_taken_and_says_why(tmp_path):
    from tests.ui.packs import write_single_language_pack
    pack = write_single_language_pack(tmp_path / "solo")
    app = make_app(size=(1024, 768), pack=str(pack), players=["A"], lang="en")
    to_board(app, key)
    for _ in range(60):
        if app.top.name == "card":
            card = app.rules.card_on_show(app.log.game)
            j = app.log.game.journey
            greyed = [i for i, c in enumerate(card.choices) if app.rules.missing(j, c)]
            if greyed:
                i = greyed[0]
                b = button(app, f"choice-{i + 1}")
                assert not b.enabled and b.reason.startswith(tr("needs", what="").strip())
                before = len(app.log.actions)
                key(app, pygame.K_1 + i)
                assert len(app.log.actions) == before and app.top.name == "card"
                return
            key(app, pygame.K_1 + app.rules.offered(app.log.game)[0])
        elif app.top.name == "board":
            key(app, pygame.K_SPACE)
        else:
            key(app, pygame.K_RETURN)
    pytest.fail("no card was shown in 60 steps (every card of this pack has a greyed choice)")


def test_menu_undo_skip_remove_end(app):
    to_board(app, key)
    key(app, pygame.K_SPACE)
    assert len(app.log.actions) == 1
    key(app, pygame.K_ESCAPE)
    assert app.top.name == "menu"
    click(app, button(app, "undo").rect.center)
    assert len(app.log.actions) == 0
    assert app.top.name == "board"
    key(app, pygame.K_ESCAPE)
    click(app, button(app, "skip").rect.center)
    assert app.log.game.current == 1
    while app.top.name != "board":
        key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    click(app, button(app, "remove").rect.center)
    assert app.top.name == "remove"
    click(app, button(app, "remove-2").rect.center)
    assert app.top.name == "confirm" and app.log.game.journeys[2].active   # asks first
    click(app, button(app, "yes").rect.center)
    assert not app.log.game.journeys[2].active
    while app.top.name != "board":
        key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    click(app, button(app, "end").rect.center)
    assert app.top.name == "confirm" and not app.log.game.over             # asks first
    click(app, button(app, "yes").rect.center)
    settle(app)
    assert app.top.name == "debrief"
    # arrows step through the debrief; the last page goes back to the title
    pages = len(app.top.pages)
    for _ in range(pages - 1):
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_LEFT)
    assert app.top.page == pages - 2
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RIGHT)
    assert app.top.name == "title"
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]


def test_help_overlay_and_mute_and_fullscreen(app):
    key(app, pygame.K_F1)
    assert app.top.name == "help"
    key(app, pygame.K_a)
    assert app.top.name == "title"
    key(app, pygame.K_m)                      # mute never fails, even without sound
    key(app, pygame.K_F11)
    assert app.fullscreen
    key(app, pygame.K_F11)
    assert not app.fullscreen
    assert app.top.name == "title"


def test_language_switch_changes_every_string(app):
    title_id = tr("app_title")
    click(app, button(app, "lang-en").rect.center)
    assert app.lang == "en" and tr("app_title") != title_id
    assert button(app, "play").label == "Play"
    to_board(app, key)
    assert app.top.roll_button.label == "Roll the die"


def test_setup_add_remove_and_names(app):
    key(app, pygame.K_RETURN)
    setup = app.top
    assert setup.name == "setup" and len(setup.names) == 3
    click(app, button(app, "add").rect.center)
    assert len(setup.names) == 4
    key(app, pygame.K_MINUS)
    key(app, pygame.K_MINUS)
    assert len(setup.names) == 2
    # type a name in the first box with the keyboard
    setup.entries[0].set_text("")
    click(app, setup.entries[0].rect.center)
    for ch in "Rina":
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    settle(app)
    assert setup.final_names()[0] == "Rina"
    key(app, pygame.K_ESCAPE)                 # leave the box
    key(app, pygame.K_RETURN)
    assert app.top.name == "board"
    assert [j.name for j in app.log.game.journeys] == ["Rina", "Budi"]


def test_title_lists_every_pack_without_clipping():
    for size in ((1024, 768), (1920, 1080)):
        for lang in ("id", "en"):
            app = make_app(size=size, lang=lang)
            title = app.top
            for i in range(len(title.headers)):
                title.select(i)
                settle(app)
            pygame.quit()
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]


def test_every_language_file_has_every_string():
    codes = [c for c, _ in languages()]
    assert codes[:2] == ["id", "en"]
    keys = None
    for code in codes:
        data = json.loads((LOCALISATION / f"game.{code}.json").read_text("utf-8"))[code]
        keys = keys or set(data)
        assert set(data) == keys, code


def test_text_contrast_and_tokens():
    C = palette()
    pairs = [("ink", "background"), ("ink", "paper"), ("ink_soft", "background"),
             ("accent_text", "accent"), ("secondary_text", "secondary"),
             ("quiet_text", "quiet"), ("disabled_text", "disabled"), ("topbar_text", "topbar"),
             ("safe", "safe_bg"), ("warning", "warning_bg"), ("trafficked", "trafficked_bg"),
             ("unsafe", "unsafe_bg"), ("ink", "stage_recruitment"), ("ink", "stage_work"),
             ("ink", "stage_travel"), ("ink", "stage_documentation"), ("warning", "stage_work"), ("secondary", "paper"),
             ("ink", "safe_bg"), ("ink", "warning_bg"), ("ink_inverse", "secondary"),
             ("safe", "paper"), ("warning", "paper"), ("ink_soft", "stage_recruitment")]
    for fg, bg in pairs:
        assert contrast(C[fg], C[bg]) >= 4.5, (fg, bg, contrast(C[fg], C[bg]))
    assert len(set(token_shapes())) == 6 and len(set(map(tuple, token_colours()))) == 6


def test_type_is_never_below_three_percent():
    from game.ui.layout import Layout
    for size in ((1024, 768), (1920, 1080), (800, 1000), (2560, 1080)):
        L = Layout(*size)
        assert min(L.body, L.heading, L.big, L.min_text) >= 0.03 * size[1]
