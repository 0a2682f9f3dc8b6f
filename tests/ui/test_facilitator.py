"""Issue 5, the facilitator's classroom controls, through the real window:
pause for discussion, undo from every phase, skip and remove, settings that
are remembered, read-aloud (with the fake engine), resume after a kill -9."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest

from tests.session.fakes import FakeEngine
from game.ui import text as ui_text
from game.localise import tr
from tests.ui.helpers import (FAST, button, click, key, make_app, play_until, settle,
                              to_board)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(tmp_path):
    a = make_app(size=(1024, 768), players=["Siti", "Budi", "Ani", "Dewi"], lang="id",
                 save_dir=tmp_path, speed=FAST)
    yield a
    pygame.quit()


# -- pause ---------------------------------------------------------------------------

def test_pause_shows_the_card_question_and_blocks_until_resumed(app):
    to_board(app)
    card = None
    for _ in range(120):
        play_until(app, ("card",))
        card = app.rules.card_on_show(app.log.game)
        if card.discuss:
            break
        key(app, pygame.K_1 + app.rules.offered(app.log.game)[0])
    assert card is not None and card.discuss, "no card with a question met"
    actions = len(app.log.actions)
    key(app, pygame.K_p)
    pause = app.top
    assert pause.name == "pause" and pause.question == app.text(card.discuss)
    assert any(app.text(card.discuss).startswith(line) or line in app.text(card.discuss)
               for line in pause.body.lines)
    for k in (pygame.K_1, pygame.K_2, pygame.K_a, pygame.K_z):
        key(app, k)
    assert app.top is pause and len(app.log.actions) == actions
    key(app, pygame.K_p)
    assert app.top.name == "card" and len(app.log.actions) == actions
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]


def test_pause_on_the_board_blocks_roll_and_nothing_moves(app):
    to_board(app)
    board = app.top
    key(app, pygame.K_ESCAPE)
    click(app, button(app, "pause").rect.center)
    pause = app.top
    assert pause.name == "pause" and pause.question == ""
    assert tr("pause_general") in " ".join(pause.body.lines) or pause.body.text == \
        tr("pause_general")
    click(app, board.roll_button.rect.center)          # the board is under the pause
    assert not board.can_roll() and app.log.actions == []
    # the die rolling under a pause stays where it is
    app.pop(pause)
    board.roll()
    key(app, pygame.K_p)
    queued = len(board.queue)
    for _ in range(20):
        app.tick(wait=False)
    assert app.top.name == "pause" and len(board.queue) == queued
    click(app, button(app, "resume").rect.center)
    assert app.top is not pause


# -- undo -----------------------------------------------------------------------------

def state_on_screen(app):
    return app.log.game.to_json(), app.top.name


def test_undo_from_each_phase_back_to_the_start(app):
    to_board(app)
    seen = {}
    history = []
    for _ in range(200):
        name = app.top.name
        if name in ("card", "feedback", "outcome", "board") and name not in seen:
            seen[name] = len(app.log.actions)
            # undo here restores the state before the last action, and the screen for it
            if app.log.actions:
                before = app.log.states[-2].to_json()
                key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
                assert app.log.game.to_json() == before
                board = app.scenes[0]
                expect = "card" if app.log.game.phase == "card" else "board"
                assert app.top.name == expect, (name, app.top.name)
                assert board.shown == {j.player: (j.route, j.position)
                                       for j in app.log.game.journeys}
                history.append(name)
                continue
        if {"card", "feedback", "outcome"} <= set(seen):
            break
        if name == "board":
            key(app, pygame.K_SPACE)
        elif name == "card":
            key(app, pygame.K_1 + app.rules.offered(app.log.game)[0])
        elif name == "debrief":
            break
        else:
            key(app, pygame.K_RETURN)
    assert {"card", "feedback"} <= set(history), history
    # repeated undo goes all the way back to the start of the game
    while app.log.actions:
        key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    assert app.log.game.to_json() == app.log.states[0].to_json()
    assert app.top.name == "board" and app.top.can_roll()
    saved = json.loads(next((app.session.saves.folder).glob("*.json")).read_text("utf-8"))
    assert saved["actions"] == []          # undo is saved too
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]


def test_undo_at_the_debrief_goes_back_into_the_game(app):
    to_board(app)
    key(app, pygame.K_SPACE)
    key(app, pygame.K_ESCAPE)
    click(app, button(app, "end").rect.center)
    click(app, button(app, "yes").rect.center)
    settle(app)
    assert app.top.name == "debrief"
    key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    assert not app.log.game.over and app.scenes[0].name == "board"


def test_skip_and_remove_the_player_the_facilitator_picks(app):
    to_board(app)
    key(app, pygame.K_ESCAPE)
    click(app, button(app, "skip").rect.center)
    play_until(app, ("board",))
    assert app.log.game.current == 1
    key(app, pygame.K_ESCAPE)
    click(app, button(app, "remove").rect.center)
    assert app.top.name == "remove"
    assert [b.name for b in app.top.group.buttons][:4] == [f"remove-{i}" for i in range(4)]
    click(app, button(app, "remove-3").rect.center)
    assert app.top.name == "confirm"
    click(app, button(app, "cancel").rect.center)           # changed their mind
    assert app.log.game.journeys[3].active and app.top.name == "remove"
    click(app, button(app, "remove-3").rect.center)
    click(app, button(app, "yes").rect.center)
    assert not app.log.game.journeys[3].active
    assert all(app.log.game.journeys[i].active for i in range(3))


# -- settings ---------------------------------------------------------------------------

def test_settings_round_trip_through_the_screen(tmp_path):
    app = make_app(size=(1024, 768), save_dir=tmp_path, mute=False)
    click(app, button(app, "settings").rect.center)
    assert app.top.name == "settings"
    body = app.L.body
    click(app, button(app, "size-extra-large").rect.center)
    assert app.L.body > body and app.L.body >= app.L.min_text
    click(app, button(app, "lang-en").rect.center)
    assert app.lang == "en" and button(app, "back").label == "Back"
    click(app, button(app, "read-on").rect.center)
    click(app, button(app, "volume-down").rect.center)
    click(app, button(app, "speed-fast").rect.center)
    click(app, button(app, "mute").rect.center)
    assert app.speed == 2.0
    saved = json.loads((tmp_path / "settings.json").read_text("utf-8"))
    assert saved["text_size"] == "extra-large" and saved["language"] == "en"
    assert saved["read_aloud"] is True and saved["volume"] == pytest.approx(0.7)
    assert saved["animation_speed"] == 2.0 and saved["mute"] is True
    key(app, pygame.K_ESCAPE)
    assert app.top.name == "title"
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]
    pygame.quit()
    # the next run remembers; the command line wins for its own run
    again = make_app(size=(1024, 768), save_dir=tmp_path)
    assert again.lang == "en" and again.L.scale == 1.5 and again.speed == 2.0
    assert again.sounds.muted
    pygame.quit()
    once = make_app(size=(1024, 768), save_dir=tmp_path, lang="id", speed=0.5)
    assert once.lang == "id" and once.speed == 0.5
    pygame.quit()
    assert json.loads((tmp_path / "settings.json").read_text("utf-8"))["language"] == "en"


def test_broken_settings_fall_back_with_a_message(tmp_path):
    (tmp_path / "settings.json").write_text("{ this is not json", "utf-8")
    app = make_app(size=(1024, 768), save_dir=tmp_path, lang="en")
    assert app.L.scale == 1.0
    assert any("settings" in n.lower() and "default" in n.lower() for n in app.top.notices)
    assert app.top.notice_blocks
    settle(app)
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]
    pygame.quit()


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
@pytest.mark.parametrize("text_size", ["large", "extra-large"])
def test_bigger_text_never_clips(tmp_path, size, text_size):
    (tmp_path / "settings.json").write_text(json.dumps({"text_size": text_size}), "utf-8")
    app = make_app(size=size, save_dir=tmp_path, speed=FAST, players=["Siti", "Budi", "Ani", "Dewi"])
    assert app.L.body > round(app.L.unit * 0.034)
    to_board(app)
    for name in ("card", "feedback"):
        play_until(app, (name,))
        key(app, pygame.K_p)
        key(app, pygame.K_p)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_F1)
    key(app, pygame.K_a)
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]
    pygame.quit()


# -- read-aloud ----------------------------------------------------------------------------

def test_r_reads_the_card_in_its_language_and_a_key_stops_it(tmp_path):
    from game.session.speech import card_speech, feedback_speech
    engine = FakeEngine()
    app = make_app(size=(1024, 768), players=["Siti", "Budi", "Ani", "Dewi"], lang="id",
                   save_dir=tmp_path, speed=FAST, speech_engine=engine)
    to_board(app)
    play_until(app, ("card",))
    card = app.rules.card_on_show(app.log.game)
    key(app, pygame.K_r)
    assert len(engine.spoken) == 1
    said = engine.spoken[0]
    assert said.lang == "id"
    assert said.text == " ".join(card_speech(card, "id", app.rules.offered(app.log.game)).split())
    assert card.title["id"].split()[0] in said.text
    key(app, pygame.K_RIGHT)                      # any other key stops the reading
    assert said.stopped
    key(app, pygame.K_1 + app.rules.offered(app.log.game)[0])
    if app.top.name == "feedback":
        key(app, pygame.K_r)
        assert engine.spoken[-1].text == " ".join(
            feedback_speech(app.top.choice, "id").split())
        click(app, (5, 5))                        # a click stops it too
        assert engine.spoken[-1].stopped
    pygame.quit()


def test_automatic_read_aloud_reads_each_new_card(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"read_aloud": True}), "utf-8")
    engine = FakeEngine()
    app = make_app(size=(1024, 768), save_dir=tmp_path, lang="en", players=["A", "B"],
                   speed=FAST, speech_engine=engine)
    to_board(app)
    play_until(app, ("card",))
    assert engine.spoken and engine.spoken[-1].lang == "en"
    assert app.rules.card_on_show(app.log.game).title["en"] in engine.spoken[-1].text
    pygame.quit()


def test_settings_say_when_there_is_no_voice(tmp_path):
    app = make_app(size=(1024, 768), save_dir=tmp_path, lang="en", speech_engine=None)
    click(app, button(app, "settings").rect.center)
    assert any("not available" in b.text for b, *_ in app.top.labels)
    assert app.read_aloud.read() is False          # R with no voice: nothing, no error
    pygame.quit()


# -- resume ---------------------------------------------------------------------------------

def test_continue_is_decided_from_the_saves_and_a_changed_pack_asks(tmp_path):
    app = make_app(size=(1024, 768), save_dir=tmp_path, players=["A", "B"], lang="en",
                   speed=FAST)
    assert app.top.group.find("resume") is None
    to_board(app)
    key(app, pygame.K_SPACE)
    key(app, pygame.K_ESCAPE)
    click(app, button(app, "quit").rect.center)
    assert app.top.name == "title" and app.top.group.find("resume") is not None
    # the pack "changes": the save's fingerprint no longer matches
    path = next(app.session.saves.folder.glob("*.json"))
    body = json.loads(path.read_text("utf-8"))
    body["pack"]["hash"] = "sha256:0"
    path.write_text(json.dumps(body), "utf-8")
    (app.session.saves.folder / "junk.json").write_text("nope", "utf-8")
    app.go_title()
    assert any("junk.json" in n for n in app.top.notices)
    click(app, button(app, "resume").rect.center)
    assert app.top.name == "resume-choice"
    click(app, button(app, "continue-anyway").rect.center)
    assert app.scenes[0].name == "board" and len(app.log.actions) == 1
    pygame.quit()


def _run(args, **kw):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.Popen([sys.executable, str(ROOT / "run_game.py"), *args], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def test_kill_minus_nine_then_resume_and_finish_with_the_report(tmp_path):
    """The facilitator's whole day: 4 teams, the plug pulled, --resume, the report."""
    common = ["--players", "4", "--seed", "9", "--save-dir", str(tmp_path), "--size",
              "640x480", "--mute", "--lang", "id"]
    game = _run(["--autoplay", "--speed", "25", *common])
    saves = tmp_path / "saves"
    body = None
    deadline = time.time() + 40
    while time.time() < deadline:
        found = list(saves.glob("*.json")) if saves.is_dir() else []
        if found:
            try:
                body = json.loads(found[0].read_text("utf-8"))
            except ValueError:
                body = None
            if body and len(body["actions"]) >= 12:
                break
        time.sleep(0.05)
    assert game.poll() is None, "the game should still be running"
    game.send_signal(signal.SIGKILL)
    game.wait(10)
    assert body is not None and not body["over"]
    path = next(saves.glob("*.json"))
    killed = json.loads(path.read_text("utf-8"))   # what the last autosave kept
    n = len(killed["actions"])

    # the same save, continued in-process: same actions, same state
    app = make_app(size=(1024, 768), save_dir=tmp_path, resume=True, lang="id")
    assert app.top.name in ("board", "card", "message", "feedback", "outcome")
    assert len(app.log.actions) == n and app.log.game.to_json() == killed["state"]
    app.session.close()        # the window is closed: its lock on the game goes
    pygame.quit()

    # and from the command line: --resume continues it to the end and writes the report
    done = _run(["--autoplay", "--resume", *common])
    out, err = done.communicate(timeout=120)
    assert done.returncode == 0, err.decode()
    final = json.loads(path.read_text("utf-8"))
    assert final["over"] and final["actions"][:n] == killed["actions"]
    assert [p.name for p in saves.glob("*.json")] == [path.name]
    reports = tmp_path / "reports"
    assert (reports / f"{path.stem}.html").is_file() and (reports / f"{path.stem}.csv").is_file()


# -- dialog keys -------------------------------------------------------------------------

def test_dialogs_share_their_keys_arrows_move_and_escape_or_backspace_leave(app):
    to_board(app)
    key(app, pygame.K_ESCAPE)
    assert app.top.name == "menu"
    group = app.top.group
    before = group.focus
    key(app, pygame.K_RIGHT)
    assert group.focus != before
    key(app, pygame.K_LEFT)
    assert group.focus == before
    key(app, pygame.K_ESCAPE)
    assert app.top.name == "board"
    key(app, pygame.K_ESCAPE)
    click(app, button(app, "settings").rect.center)
    assert app.top.name == "settings"
    key(app, pygame.K_BACKSPACE)
    assert app.top.name == "menu"
