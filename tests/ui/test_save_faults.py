"""Saving that goes wrong, seen in the real window: a failed autosave is shown
on the board at once and once, the facilitator taps another folder, a save
set aside on --resume is still said, a game open in another window is
refused by name, a newer game's save is kept with "update the game"."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pygame

from game.session.files import BROKEN_MARK
from game.session.saves import VERSION
from tests.ui.helpers import FAST, button, click, key, make_app, settle, tap, to_board

ROOT = Path(__file__).resolve().parents[2]


def banner(app):
    app.layout_chrome()
    return next((b for b in app.chrome.buttons if b.name == "save-banner"), None)


def next_screen(app) -> None:
    """One player's step: roll, choose, or go on."""
    if app.top.name == "board":
        key(app, pygame.K_SPACE)
    elif app.top.name == "card":
        key(app, pygame.K_1 + app.rules.offered(app.log.game)[0])
    else:
        key(app, pygame.K_RETURN)


def elsewhere(tmp_path, monkeypatch) -> Path:
    """The folders offered are all under tmp_path; the temp folder is writable."""
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda *a, **k: str(tmp_path / "no"))
    monkeypatch.setattr("platformdirs.user_desktop_dir", lambda *a, **k: str(tmp_path / "no"))
    monkeypatch.setattr("game.session.folders.removable_drives", lambda: [])
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    return tmp_path / "tmp" / "travellers-dream"


def test_a_save_folder_that_cannot_be_written_warns_on_the_board_at_once_and_once(
        tmp_path, monkeypatch, capsys):
    temp = elsewhere(tmp_path, monkeypatch)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the save folder should be")
    (tmp_path / "data").write_text("and where the user's data folder should be")
    app = make_app(save_dir=blocked, speed=FAST, text_size="extra-large", lang="en")
    assert banner(app) is None                      # the title: nothing said yet
    to_board(app)
    b = banner(app)
    assert b is not None and "NOT" in b.label       # at once, before anything is played
    # never over the roll button or the card
    assert not b.rect.colliderect(app.top.roll_button.rect)
    for _ in range(12):
        next_screen(app)
        b = banner(app)
        rect = getattr(app.top, "rect", None)
        if b is not None and app.top.name != "board" and rect is not None:
            assert not b.rect.colliderect(rect), app.top.name
    assert len(app.log.actions) >= 4
    err = capsys.readouterr().err
    assert err.count("The game could not be saved") == 1   # on stderr once, not at every action
    while app.top.name != "board":
        next_screen(app)
    tap(app, banner(app).rect.center)               # a facilitator's finger
    assert app.top.name == "save-folder"
    assert "could not be saved" in " ".join(app.top.texts())
    blocked_too = app.top.group.find("folder-default")  # a file is in the way there too
    assert blocked_too is None or not blocked_too.enabled
    assert button(app, "folder-temp").enabled
    click(app, button(app, "folder-temp").rect.center)
    [save] = (temp / "saves").glob("*.json")
    assert len(json.loads(save.read_text("utf-8"))["actions"]) == len(app.log.actions)
    assert button(app, "folder-in-use").reason == str(temp)   # which one is in use
    click(app, button(app, "close").rect.center)
    assert app.top.name == "board"
    b = banner(app)
    assert b is not None and b.label == "The game is saved again"
    assert "saved again" in capsys.readouterr().err
    next_screen(app)
    while app.top.name != "board":
        next_screen(app)
    assert len(json.loads(save.read_text("utf-8"))["actions"]) == len(app.log.actions)
    assert app.session.settings.save_folder == str(temp)      # remembered
    pygame.quit()


def test_the_warning_waits_for_the_board_when_a_big_card_fills_the_top(tmp_path, monkeypatch):
    import errno
    import game.session.saves as saves

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")
    app = make_app(save_dir=tmp_path, speed=FAST, text_size="extra-large", lang="id")
    to_board(app)
    monkeypatch.setattr(saves, "write_atomic", full)
    assert banner(app) is None
    key(app, pygame.K_SPACE)
    assert app.banner == "warning"
    for _ in range(20):
        rect = getattr(app.top, "rect", None)
        if app.top.name == "board":
            assert banner(app) is not None
            break
        if rect is not None and rect.top < app.L.topbar.bottom:
            assert banner(app) is None              # the card's title stays readable
        next_screen(app)
    assert app.top.name == "board"
    pygame.quit()


def test_a_broken_save_set_aside_on_resume_is_said_on_the_board(tmp_path):
    app = make_app(save_dir=tmp_path, speed=FAST)
    to_board(app)
    key(app, pygame.K_SPACE)
    played = len(app.log.actions)
    app.go_title()
    pygame.quit()
    junk = tmp_path / "saves" / "zz-junk.json"
    junk.write_text("{half a save", "utf-8")         # the newest file: read first
    import os
    import time
    os.utime(junk, (time.time() + 5, time.time() + 5))
    app = make_app(save_dir=tmp_path, speed=FAST, resume=True, lang="en")
    settle(app)
    assert app.top.name in ("board", "card") and len(app.log.actions) == played
    assert not junk.exists() and list(junk.parent.glob(f"zz-junk.json{BROKEN_MARK}*"))
    b = banner(app)
    if b is None:        # a card fills the top band: the board shows it
        key(app, pygame.K_1 + app.rules.offered(app.log.game)[0])
        settle(app)
    assert any("zz-junk.json" in m and "moved" in m for m in app.messages)
    while app.top.name != "board":
        next_screen(app)
    click(app, banner(app).rect.center)
    assert app.top.name == "save-folder"
    assert any("zz-junk.json" in t for t in app.top.texts())
    click(app, button(app, "close").rect.center)
    assert banner(app) is None and app.messages == []
    pygame.quit()


PLAYING = r"""
import sys, time
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from game.content.validate import load_pack, resolve_pack
from game.engine.actions import Roll
from game.engine.log import GameLog
from game.engine.rules import Rules
from game.paths import DEFAULT_PACK, SCENARIOS
from game.session import Session
pack = load_pack(resolve_pack(DEFAULT_PACK, SCENARIOS)).pack
session = Session(Path(sys.argv[1]))
log = GameLog(Rules(pack), ["Siti", "Budi"], 4)
session.game_changed(log, "en")
log.apply(Roll())
session.game_changed(log, "en")
print("playing", flush=True)
time.sleep(120)
"""


def test_resuming_a_game_open_in_another_window_is_refused_naming_it(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", PLAYING, str(tmp_path), str(ROOT)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "playing"
        app = make_app(save_dir=tmp_path, speed=FAST, resume=True, lang="en")
        assert app.top.name == "title" and app.log is None
        said = " ".join(app.top.notices)
        assert "Siti, Budi" in said and "another window" in said
        click(app, button(app, "resume").rect.center)     # "Continue" tapped: refused again,
        click(app, button(app, "resume").rect.center)     # ... and said once, not per tap
        assert app.top.name == "title" and app.log is None
        assert len(app.top.notices) == 1, app.top.notices
        [save] = (tmp_path / "saves").glob("*.json")
        assert not list(save.parent.glob(f"*{BROKEN_MARK}*"))
        pygame.quit()
    finally:
        child.kill()
        child.wait()
    app = make_app(save_dir=tmp_path, speed=FAST, resume=True, lang="en")
    assert app.log is not None and len(app.log.actions) == 1   # its window is gone
    pygame.quit()


def test_a_save_from_a_newer_game_is_kept_and_the_title_says_update(tmp_path):
    app = make_app(save_dir=tmp_path, speed=FAST)
    to_board(app)
    key(app, pygame.K_SPACE)
    pygame.quit()
    [save] = (tmp_path / "saves").glob("*.json")
    body = json.loads(save.read_text("utf-8"))
    body["version"] = VERSION + 1
    save.write_text(json.dumps(body), "utf-8")
    app = make_app(save_dir=tmp_path, speed=FAST, lang="en")
    assert app.top.name == "title" and app.top.group.find("resume") is None
    assert any("update the game" in n for n in app.top.notices)
    assert save.exists() and not list(save.parent.glob(f"*{BROKEN_MARK}*"))
    pygame.quit()


def test_the_menu_offers_another_folder_and_the_game_is_saved_there_at_once(
        tmp_path, monkeypatch):
    """A facilitator who missed (or closed) the banner finds the same choice in
    the menu: 'Save folder' says what went wrong and lists folders to tap."""
    temp = elsewhere(tmp_path, monkeypatch)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the save folder should be")
    app = make_app(save_dir=blocked, speed=FAST, lang="en")
    to_board(app)
    key(app, pygame.K_SPACE)
    while app.top.name != "board":
        next_screen(app)
    played = len(app.log.actions)
    assert played >= 1
    tap(app, banner(app).rect.center)
    click(app, button(app, "close").rect.center)     # closed: the banner goes ...
    assert app.top.name == "board" and banner(app) is None
    key(app, pygame.K_ESCAPE)                         # ... the menu still has it
    assert app.top.name == "menu"
    click(app, button(app, "save-folder").rect.center)
    assert app.top.name == "save-folder"
    assert [s.name for s in app.scenes].count("menu") == 0   # in the menu's place
    assert "could not be saved" in " ".join(app.top.texts())
    in_use = button(app, "folder-in-use")
    assert in_use.selected and str(blocked) in in_use.reason
    other = next(b for b in app.top.group.buttons
                 if b.name.startswith("folder-") and b.name != "folder-in-use")
    assert other.enabled                              # a folder that can be written
    click(app, other.rect.center)
    [save] = (Path(other.reason) / "saves").glob("*.json")
    assert save.parent.parent in (temp, tmp_path / "data")
    assert len(json.loads(save.read_text("utf-8"))["actions"]) == played
    assert button(app, "folder-in-use").reason == other.reason
    pygame.quit()


def test_a_disk_full_then_freed_during_play_warns_once_then_says_saved_again(
        tmp_path, monkeypatch, capsys):
    """No other folder chosen: space comes back (a file deleted) and the very
    next action saves the whole game again, and the board says so once."""
    import errno
    import game.session.saves as saves
    real = saves.write_atomic
    full = {"on": False}

    def write(path, data):
        if full["on"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)
    monkeypatch.setattr(saves, "write_atomic", write)
    app = make_app(save_dir=tmp_path, speed=FAST, lang="en")
    to_board(app)
    [save] = (tmp_path / "saves").glob("*.json")
    full["on"] = True
    for _ in range(3):                                # three turns on a full disk
        next_screen(app)
        while app.top.name != "board":
            next_screen(app)
    b = banner(app)
    assert b is not None and "NOT" in b.label
    on_disk = len(json.loads(save.read_text("utf-8"))["actions"])
    assert on_disk < len(app.log.actions)
    err = capsys.readouterr().err
    assert err.count("could not be saved") == 1 and "the disk is full" in err
    full["on"] = False                                # space again
    next_screen(app)
    assert len(json.loads(save.read_text("utf-8"))["actions"]) == len(app.log.actions)
    while app.top.name != "board":
        next_screen(app)
    b = banner(app)
    assert b is not None and b.label == "The game is saved again"
    err = capsys.readouterr().err
    assert err.count("saved again") == 1 and "could not be saved" not in err
    pygame.quit()


def test_resume_when_the_only_save_is_broken_says_it_was_moved_aside_on_the_title(tmp_path):
    app = make_app(save_dir=tmp_path, speed=FAST)
    to_board(app)
    key(app, pygame.K_SPACE)
    app.session.close()
    pygame.quit()
    [save] = (tmp_path / "saves").glob("*.json")
    save.write_bytes(save.read_bytes()[:200])         # cut short, as by a failing disk
    app = make_app(save_dir=tmp_path, speed=FAST, resume=True, lang="en")
    assert app.top.name == "title" and app.log is None
    [moved] = save.parent.glob(f"{save.name}{BROKEN_MARK}*")   # kept, beside it
    said = " ".join(app.top.notices)
    assert save.name in said and moved.name in said and "could not be read" in said
    pygame.quit()
