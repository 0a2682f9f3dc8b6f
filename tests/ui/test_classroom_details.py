"""Details a classroom review found: the arrow keys on the help screen, the card
kept in view during a pause, undo saying what it undid, a safe space that
says "risk goes down" only when it did, plurals that read right, the round
of the turn on show, and body text readable from the back row."""
from __future__ import annotations

import json

import pygame
import pytest

from game.engine.actions import Choose, Roll
from game.engine.events import SafeSpace
from game.localise import tr
from game.paths import LOCALISATION
from game.ui import text as ui_text
from game.ui.board.beats import FocusBeat, LostTurnBeat, beats_for
from game.ui.layout import Layout
from game.ui.theme import palette
from tests.ui.helpers import (FAST, button, click, key, make_app, play_until, settle,
                              to_board)



@pytest.fixture
def app(tmp_path):
    a = make_app(size=(1024, 768), players=["Siti", "Budi", "Ani"], lang="id",
                 save_dir=tmp_path, speed=FAST)
    yield a
    pygame.quit()


def has_glyphs(text: str, size: int = 30) -> bool:
    f = ui_text.font(size, True)
    box = f.metrics("\ue000")[0]          # a private-use character: the empty box
    return all(ch.isspace() or m != box for ch, m in zip(text, f.metrics(text)))


# -- help ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["id", "en"])
def test_help_draws_the_arrow_keys_and_every_key_name_has_its_letters(tmp_path, lang):
    from game.ui.scenes.help import ARROWS, KEYS, key_label
    a = make_app(lang=lang, save_dir=tmp_path)
    a.show_help()
    help_screen = a.top
    assert help_screen.name == "help"
    for k, what in KEYS:
        assert has_glyphs(key_label(k)) and has_glyphs(tr(what)), (k, what)
    a.draw()
    assert not ui_text.OVERFLOWS
    key_row = next(row for row in help_screen.rows if row[0] == ARROWS)
    y = help_screen.inner.y + help_screen.title.height + a.L.pad
    for row in help_screen.rows:
        if row is key_row:
            break
        y += row[3]
    cap = pygame.Rect(help_screen.inner.x, y, help_screen.key_w, key_row[1].height)
    white = sum(1 for px in range(cap.left, cap.right) for py in range(cap.top, cap.bottom)
                if a.screen.get_at((px, py))[:3] == tuple(palette().ink_inverse)[:3])
    assert white > cap.width, "the arrows are drawn on their key"
    pygame.quit()


# -- pause ---------------------------------------------------------------------------

def test_pause_keeps_the_card_in_view_with_its_question(app):
    to_board(app)
    for _ in range(120):
        play_until(app, ("card",))
        card = app.rules.card_on_show(app.log.game)
        if card.discuss:
            break
        key(app, pygame.K_1 + app.rules.offered(app.log.game)[0])
    key(app, pygame.K_p)
    pause = app.top
    assert pause.name == "pause"
    assert pause.card_title.text == app.text(card.title)
    assert pause.card_text.text == app.text(card.text)
    assert pause.body.text == app.text(card.discuss)
    assert pause.body.size >= pause.card_text.size      # the question is the large one
    assert pause.rect.top >= app.L.topbar.bottom          # the menu corner stays free
    app.draw()
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]


# -- undo ----------------------------------------------------------------------------

def test_undo_says_what_it_undid(app):
    to_board(app)
    board = app.top
    key(app, pygame.K_SPACE)                               # a roll
    rolled = app.log.events[-1]
    value = next(e.value for e in rolled if type(e).__name__ == "Rolled")
    key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    assert board.undone == tr("undone_roll", name="Siti", n=value)
    assert f"({value})" in board.undone

    play_until(app, ("card",))
    card = app.rules.card_on_show(app.log.game)
    choice = app.rules.offered(app.log.game)[0]
    who = app.player_name(app.log.game.journey)
    key(app, pygame.K_1 + choice)
    play_until(app, ("board", "card"))
    while type(app.log.actions[-1]).__name__ != "Choose":   # back to the choice
        key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    label = app.text(card.choices[choice].label)
    assert board.undone.startswith(tr("undone_choice", name=who, label="").split("“")[0])
    assert who in board.undone and label[:20] in board.undone
    assert app.top.name == "card"                          # ... and the card is back

    play_until(app, ("board",))
    key(app, pygame.K_ESCAPE)
    who = app.player_name(app.log.game.journey)
    click(app, button(app, "skip").rect.center)
    key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    assert board.undone == tr("undone_skip", name=who)
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]


def test_the_undo_message_holds_the_card_until_it_is_seen(tmp_path):
    a = make_app(players=["Siti"], lang="en", save_dir=tmp_path, speed=1.0)
    to_board(a)
    board = a.top
    a.log.apply(Roll())
    while a.log.game.phase != "card":
        if a.log.game.over:
            pytest.skip("no card in this game")
        a.log.apply(Roll())
    a.log.apply(Choose(a.rules.offered(a.log.game)[0]))
    board.sync()
    board.undo()
    assert board.undone.startswith("Undone: Siti's choice")
    a.tick(wait=False)
    assert a.top is board and board._toast[0] == board.undone   # shown on the board
    key(a, pygame.K_SPACE)                                        # seen: the card comes back
    assert a.top.name == "card"
    pygame.quit()


# -- safe spaces ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_safe_space_says_risk_went_down_only_when_it_did(tmp_path, lang):
    a = make_app(players=["Siti"], lang=lang, save_dir=tmp_path, speed=FAST)
    to_board(a)
    board = a.top
    down = tr("safe_risk_down", n=1)

    def message(place, risk):
        [beat] = beats_for(board, [SafeSpace(0, place, risk, None)])
        return beat.make(board, beat).message
    assert down not in message("family", 0)            # already at 0: nothing went down
    assert down in message("family", -1)
    assert down in message("support-office", -1)
    assert down not in message("training-centre", 0)
    for place in ("family", "support-office", "training-centre"):
        words = tr(f"safe_{place}").lower()
        assert "risk" not in words and "risiko" not in words
    pygame.quit()


# -- plurals -----------------------------------------------------------------------------

MY_KEYS = ("turns_to_lose_one", "turns_to_lose", "turn_lost_more_one", "turn_lost_more",
           "safe_risk_down", "safe_family", "safe_support-office", "undone_choice",
           "undone_roll", "undone_turn", "undone_skip", "undone_remove", "undone_end",
           "name_limit", "setup_hint", "more_items", "turn_lost", "turn_of", "round")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_counts_read_right_in_the_singular_and_the_plural(lang):
    data = json.loads((LOCALISATION / f"game.{lang}.json").read_text("utf-8"))[lang]
    for k in MY_KEYS:
        assert "(s)" not in data[k] and "(es)" not in data[k], k
    assert "%{n}" not in tr("turns_to_lose_one", lang)
    if lang == "en":
        assert tr("turns_to_lose_one", lang) == "misses the next turn"
        assert tr("turns_to_lose", lang, n=2) == "misses the next 2 turns"
        assert tr("turn_lost_more_one", lang, name="Siti").endswith("the next one too.")


def test_a_lost_turn_and_the_panel_say_how_many_are_left(app):
    to_board(app)
    board = app.top
    for left, want in ((0, tr("turn_lost", name="Siti")),
                       (1, tr("turn_lost_more_one", name="Siti")),
                       (3, tr("turn_lost_more", name="Siti", n=3))):
        LostTurnBeat(0, left).begin(board)
        assert board._toast[0] == want


# -- the round on show, and type for the back row ------------------------------------------

def test_the_header_keeps_the_round_of_the_result_on_screen(app):
    to_board(app)
    board = app.top
    board.queue.clear()
    assert board.shown_round() == 1
    game = app.log.game.clone()
    game.round = 2
    app.log.states[-1] = game
    board.queue.append(FocusBeat(0, True))       # the last turn's result still on screen
    assert board.shown_round() == 1
    board.queue.clear()
    assert board.shown_round() == 2


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (1280, 800)])
def test_body_text_is_readable_from_the_back_row(size):
    L = Layout(*size)
    assert L.body >= 0.03 * size[1] and L.min_text >= 0.03 * size[1]
