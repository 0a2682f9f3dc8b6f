"""Issue 12, "Done when": a facilitator with only a mouse, and again with only a
touch screen, reaches every function of the menu, read-aloud and setup.

One whole session is walked with no key event at all, the way a trainer at a
projector would: the title screen (a story, both languages, the settings), the
setup (ready-made team names, a player added and removed, nothing typed), the
board (the roll button, the speaker button, a choice, the feedback), every item
of the facilitator's menu (pause and resume, undo and what it says it undid,
skip, remove a player after asking, help, settings, the save folder,
fullscreen, sound, end the game after asking), and the debrief (its pages, a
"what if" replayed to an ending and back, the menu's way back into the game,
and the way out to the title). Every button pressed is checked first to be on
screen, enabled and not under another button; after each press, the screen a
user would then see.
"""
from __future__ import annotations

import pygame
import pytest

from game.localise import tr
from game.ui import text as ui_text
from tests.session.fakes import FakeEngine
from tests.ui.helpers import (FAST, KEYBOARD_EVENTS, click, make_app, press, reachable,
                              record_input, sdl_touch, tap)

SIZE = (1024, 768)
OTHER = {"id": "en", "en": "id"}


def names_of(app) -> list[str]:
    return [b.name for b in app.top.group.buttons]


def go_on(app, how, until=("board", "card"), limit: int = 40) -> str:
    """Press "Continue" on whatever comes between (feedback, messages, an
    ending) until the board waits for a roll or a card waits for a choice."""
    for _ in range(limit):
        top = app.top
        if top.name == "board" and top.can_roll() and "board" in until:
            return "board"
        if top.name in until and top.name != "board":
            return top.name
        if top.name == "board":
            press(app, how, "roll")
        else:
            press(app, how, "continue")
    pytest.fail(f"stuck on {app.top.name}: {names_of(app)}")


def open_menu(app, how) -> None:
    press(app, how, "menu", chrome=True)
    assert app.top.name == "menu", app.top.name


def test_tap_sends_finger_events_with_normalised_coordinates(tmp_path, monkeypatch):
    """helpers.tap is a touch as SDL reports it: a finger down and up at the
    point as a share of the window (0..1), and no mouse event of its own."""
    app = make_app(size=SIZE, save_dir=tmp_path, speed=FAST)
    posted = []
    real_post = pygame.event.post
    monkeypatch.setattr(pygame.event, "post", lambda e: (posted.append(e), real_post(e))[1])
    settings = reachable(app, "settings")
    pos = settings.rect.center
    tap(app, pos)
    mine = [e for e in posted if e.type in (pygame.FINGERDOWN, pygame.FINGERUP,
                                            pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                                            pygame.MOUSEMOTION)]
    assert [e.type for e in mine] == [pygame.FINGERDOWN, pygame.FINGERUP]
    for e in mine:
        assert 0.0 <= e.x <= 1.0 and 0.0 <= e.y <= 1.0
        assert (round(e.x * SIZE[0]), round(e.y * SIZE[1])) == pos
    assert app.top.name == "settings"          # ... and the window took it as a press
    pygame.quit()


def test_a_tap_with_the_mouse_copies_sdl_makes_presses_once(tmp_path):
    """SDL also reports a touch as mouse events of its own: the window takes the
    finger and drops the copies, so a screen sees one press and one release per
    tap, and one tap adds one player, rolls once."""
    app = make_app(size=SIZE, save_dir=tmp_path, speed=FAST, players=None)
    sdl_touch(app, reachable(app, "play").rect.center)
    setup = app.top
    assert setup.name == "setup"
    got = []
    handle = setup.handle_event
    setup.handle_event = lambda e: (got.append(e.type), handle(e))
    players = len(setup.names)
    sdl_touch(app, reachable(app, "add").rect.center)
    assert len(setup.names) == players + 1
    presses = [t for t in got if t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)]
    assert presses == [pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP], presses
    sdl_touch(app, reachable(app, "start").rect.center)
    assert app.top.name == "board"
    sdl_touch(app, reachable(app, "roll").rect.center)
    assert len(app.log.actions) == 1
    pygame.quit()


@pytest.mark.parametrize("lang,text_size", [("id", "extra-large"), ("en", "normal")])
@pytest.mark.parametrize("how", [click, tap])
def test_a_whole_session_by_pointer_only(tmp_path, how, lang, text_size):
    engine = FakeEngine()
    app = make_app(size=SIZE, save_dir=tmp_path, speed=FAST, speech_engine=engine,
                   lang=OTHER[lang])
    seen = record_input(app)

    # -- the title screen -------------------------------------------------------------
    assert app.top.name == "title"
    title = app.top
    chosen = next(h for i, h in enumerate(title.headers)
                  if i != title.selected and h.id != "example")
    press(app, how, f"pack-{chosen.id}")
    assert app.top.headers[app.top.selected].id == chosen.id
    assert reachable(app, f"pack-{chosen.id}").selected
    for code in (lang, OTHER[lang], lang):          # both languages, ending on `lang`
        press(app, how, f"lang-{code}")
        assert app.lang == code and app.session.settings.language == code
        assert reachable(app, "play").label == tr("play")
        assert reachable(app, f"lang-{code}").selected
    press(app, how, "settings")
    assert app.top.name == "settings"
    for size in [k for k in ("large", "extra-large", "normal") if k != text_size] + [text_size]:
        press(app, how, f"size-{size}")
        assert app.session.settings.text_size == size and reachable(app, f"size-{size}").selected
    assert app.text_scale == {"normal": 1.0, "large": 1.25, "extra-large": 1.5}[text_size]
    assert not app.session.settings.read_aloud
    press(app, how, "read-on")
    assert app.session.settings.read_aloud and reachable(app, "read-on").selected
    press(app, how, "back")
    assert app.top.name == "title" and app.L.scale == app.text_scale
    press(app, how, "play")

    # -- setup: ready-made names, one more player, one fewer, nothing typed -------------
    setup = app.top
    assert setup.name == "setup" and len(setup.names) == 3
    chips = {p: [b.name for q, b in setup.chips if q == p] for p in range(3)}
    assert chips[0] and len(chips[1]) >= 2, chips
    colour = reachable(app, chips[0][0]).label
    assert colour == tr("team_colour_1")                 # the token's colour first
    press(app, how, chips[0][0])
    flower = reachable(app, chips[1][1]).label
    press(app, how, chips[1][1])
    assert app.top.names[:2] == [colour, flower]
    assert reachable(app, chips[0][0]).selected
    press(app, how, "add")
    press(app, how, "add")
    assert len(app.top.names) == 5
    press(app, how, "remove")
    assert len(app.top.names) == 4
    # a tap on a name box by mistake opens it for typing; a tap on Start still starts
    how(app, app.top.rows[2][0].center)
    assert app.top.typing()
    press(app, how, "start")
    assert app.top.name == "board", app.top.name
    game = app.log.game
    assert [j.name for j in game.journeys] == [colour, flower, tr("player_default", n=3),
                                               tr("player_default", n=4)]
    assert app.session.settings.player_names[:2] == [colour, flower]

    # -- the board: roll by the button, the card read aloud, a choice, the feedback -----
    board = app.top
    press(app, how, "roll")
    assert len(app.log.actions) == 1
    # on to a card that offers an unsafe choice (a "what if" for the debrief), taking
    # the first choice of any card before it
    for _ in range(30):
        assert go_on(app, how, until=("card",)) == "card"
        card = app.top.card
        offered = app.rules.offered(app.log.game)
        unsafe = [i for i in offered if not card.choices[i].safe]
        if unsafe and any(card.choices[i].safe for i in offered):
            break
        press(app, how, f"choice-{offered[0] + 1}")
    else:
        pytest.fail("no card offered an unsafe and a safe choice")
    card_scene = app.top
    assert engine.spoken and app.text(card.title) in engine.spoken[-1].text  # read as shown
    heard = len(engine.spoken)
    press(app, how, "speaker", chrome=True)
    assert len(engine.spoken) == heard + 1 and app.text(card.title) in engine.spoken[-1].text
    assert app.top is card_scene
    # pause for discussion from the menu, with the card in view, and back to the card
    open_menu(app, how)
    press(app, how, "pause")
    assert app.top.name == "pause" and app.top.card is card
    press(app, how, "resume")
    assert app.top is card_scene
    pick = unsafe[0]
    label = reachable(app, f"choice-{pick + 1}").label
    player = app.log.game.current
    actions = len(app.log.actions)
    press(app, how, f"choice-{pick + 1}")
    assert len(app.log.actions) == actions + 1
    assert app.top.name in ("feedback", "message", "outcome", "board"), app.top.name
    go_on(app, how, until=("board",))

    # -- the menu: every item it offers ---------------------------------------------------
    open_menu(app, how)
    offered_items = set(names_of(app))
    press(app, how, "resume")
    assert app.top is board
    # undo, at the speed a class plays: the board says what was undone
    toasts = []
    draw_toast = board._draw_toast
    board._draw_toast = lambda surface, text: (toasts.append(text), draw_toast(surface, text))
    app.speed = 1.0
    open_menu(app, how)
    undone = board.undo_message()
    press(app, how, "undo")
    assert undone in toasts, (undone, toasts)
    assert app.player_name(app.log.game.journeys[player]) in undone
    if board.queue:                                  # the message still up: a tap says seen
        how(app, board.geo.area.center)
    app.speed = FAST
    for _ in range(5):
        if app.top.name != "board" or board.can_roll():
            break
        app.tick(wait=False)
    if len(app.log.actions) == actions:              # the choice was undone: the card again
        assert label[:20] in undone
        assert app.top.name == "card" and app.top.card.id == card.id
        press(app, how, f"choice-{pick + 1}")
        assert len(app.log.actions) == actions + 1
    else:                                            # (a lost turn passed on its own after)
        assert app.top.name in ("board", "card")
    go_on(app, how, until=("board",))
    # skip the turn of whoever is next
    skipped = app.log.game.current
    actions = len(app.log.actions)
    open_menu(app, how)
    press(app, how, "skip")
    assert len(app.log.actions) == actions + 1 and app.log.game.current != skipped
    if go_on(app, how, until=("board", "card")) == "card":
        press(app, how, f"choice-{app.rules.offered(app.log.game)[0] + 1}")
        go_on(app, how, until=("board",))
    # remove the last player, after being asked
    leaving = 3
    open_menu(app, how)
    press(app, how, "remove")
    assert app.top.name == "remove"
    press(app, how, f"remove-{leaving}")
    assert app.top.name == "confirm" and app.log.game.journeys[leaving].active
    assert app.player_name(app.log.game.journeys[leaving]) in app.top.question
    press(app, how, "yes")
    assert not app.log.game.journeys[leaving].active
    go_on(app, how, until=("board", "card"))
    if app.top.name == "card":
        press(app, how, f"choice-{app.rules.offered(app.log.game)[0] + 1}")
        go_on(app, how, until=("board",))
    # help, and back to the menu
    open_menu(app, how)
    menu = app.top
    press(app, how, "help")
    assert app.top.name == "help"
    press(app, how, "back")
    assert app.top is menu
    # the settings, and back to the menu
    press(app, how, "settings")
    assert app.top.name == "settings"
    assert reachable(app, f"size-{text_size}").selected and reachable(app, "read-on").selected
    press(app, how, "read-off")
    assert not app.session.settings.read_aloud
    press(app, how, "read-on")
    volume = app.session.settings.volume
    press(app, how, "volume-down")
    assert app.session.settings.volume < volume
    press(app, how, "volume-up")
    assert app.session.settings.volume == volume
    press(app, how, "speed-slow")
    assert app.speed == 0.5 and reachable(app, "speed-slow").selected
    app.speed = FAST                                  # (the test's own pace again)
    press(app, how, "back")
    assert app.top is menu
    # fullscreen and back; sound off and on again
    press(app, how, "fullscreen")
    assert app.fullscreen and app.top.name == "menu"
    press(app, how, "fullscreen")
    assert not app.fullscreen and app.screen.get_size() == SIZE
    muted = app.sounds.muted
    press(app, how, "mute")
    assert app.sounds.muted != muted
    press(app, how, "mute")
    assert app.sounds.muted == muted
    # the save folder, in the menu's place, and closed
    press(app, how, "save-folder")
    assert app.top.name == "save-folder"
    press(app, how, "close")
    assert app.top is board
    # end the game: asked first, Cancel keeps it going
    open_menu(app, how)
    press(app, how, "end")
    assert app.top.name == "confirm"
    press(app, how, "cancel")
    assert not app.log.game.over and app.top.name == "menu"
    press(app, how, "end")
    press(app, how, "yes")
    assert app.log.game.over and app.top.name == "debrief", app.top.name
    used = {"resume", "pause", "undo", "skip", "remove", "help", "settings", "fullscreen",
            "mute", "save-folder", "end"}
    assert offered_items - used == {"quit"}, offered_items   # quit: from the debrief below

    # -- the debrief's menu: back into the game (a mis-tapped "End"), and end again ------
    open_menu(app, how)
    press(app, how, "undo")
    assert not app.log.game.over and app.scenes[0].name == "board"
    go_on(app, how, until=("board", "card"))
    open_menu(app, how)
    press(app, how, "end")
    press(app, how, "yes")
    assert app.top.name == "debrief"

    # -- the debrief: its pages by buttons, a "what if", and out -------------------------
    debrief = app.top
    pages = len(debrief.pages)
    assert pages <= 4 + 3
    assert not reachable(app, "next").rect.colliderect(debrief.prev_rect)
    assert not debrief.group.find("previous").enabled      # on the first page
    press(app, how, "next")
    assert debrief.page == 1 and debrief.kind == "player"
    press(app, how, "previous")
    assert debrief.page == 0
    while debrief.page < pages - 1:
        before = debrief.page
        press(app, how, "next")
        assert debrief.page == before + 1
    assert reachable(app, "finish").label == tr("to_title")
    # the first player's page: their unsafe choice replayed with the safe one
    for _ in range(pages):
        if debrief.player is not None and debrief.player.player == player:
            break
        press(app, how, "previous")
    assert debrief.player is not None and debrief.player.player == player
    what_ifs = [n for n in names_of(app) if n.startswith("what-if-")]
    for _ in range(20):
        if any(debrief.group.find(n).enabled for n in what_ifs) \
                or not debrief.scroll.more_below:
            break
        offset = debrief.scroll.offset        # the scroll bar's lower end: a screenful down
        track = debrief._track_inner()
        how(app, (track.centerx, track.bottom - 2))
        assert debrief.scroll.offset > offset
        what_ifs = [n for n in names_of(app) if n.startswith("what-if-")]
    usable = [n for n in what_ifs if debrief.group.find(n).enabled]
    record = (len(app.log.actions), app.log.game.to_json())
    assert usable, f"no what if offered on {debrief.title()}: {names_of(app)}"
    press(app, how, usable[0])
    for _ in range(50):
        app.tick(wait=False)
    assert debrief.what_if is not None
    replay = debrief.what_if[0]
    assert app.pack.card(replay.card).choices[replay.choice].safe     # the safe one instead
    assert replay.outcome is not None and replay.kind != "unfinished"
    ending = next(o for o in app.pack.outcomes if o.id == replay.outcome)
    assert any(app.text(ending.title) in said for said in debrief.said)
    press(app, how, "what-if-back")
    assert debrief.what_if is None and debrief.kind == "player"
    assert (len(app.log.actions), app.log.game.to_json()) == record  # the record is as it was
    # the same, by its numbered marker on the drawn journey
    app.draw()
    marker = next(rect for rect, step in debrief.map.hits if step == replay.step)
    how(app, marker.center)
    assert debrief.what_if is not None and debrief.what_if[0] == replay
    press(app, how, "what-if-back")
    assert debrief.what_if is None
    while debrief.page < pages - 1:
        press(app, how, "next")
    press(app, how, "finish")
    assert app.top.name == "title"

    # -- and the menu's way back to the title from a game ----------------------------------
    press(app, how, "play")
    press(app, how, "start")
    assert app.top.name == "board"
    open_menu(app, how)
    press(app, how, "quit")
    assert app.top.name == "title"
    press(app, how, "quit")                           # and the title's Quit closes the window
    assert not app.running

    kinds = set(seen)
    assert not kinds & set(KEYBOARD_EVENTS), "a key event was sent"
    if how is tap:
        assert pygame.FINGERDOWN in kinds and pygame.MOUSEBUTTONDOWN not in kinds
    else:
        assert pygame.MOUSEBUTTONDOWN in kinds and pygame.FINGERDOWN not in kinds
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]
    pygame.quit()
