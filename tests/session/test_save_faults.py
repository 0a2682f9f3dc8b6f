"""Nothing lost, nobody surprised: saving that fails is said once (and when it
works again), games never share a save, a game open in one window is refused
in another, a lost report comes back, a newer game's save is kept."""
from __future__ import annotations

import errno
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine.log import GameLog
from game.engine.rules import Rules
from game.session import Session
from game.session.files import BROKEN_MARK
from game.session.saves import VERSION, SaveStore
from tests.session.games import play, random_action, rich_pack, step

ROOT = Path(__file__).resolve().parents[2]


def actions(session: Session, log: GameLog, n: int, seed: int = 1) -> None:
    import random
    rng = random.Random(seed)
    for _ in range(n):
        if log.game.over:
            return
        step(log, random_action(log, rng, facilitator=False))
        session.game_changed(log, "en")


def saved_actions(path: Path) -> int:
    return len(json.loads(path.read_text("utf-8"))["actions"])


# -- a save that cannot be written ------------------------------------------------------------

def one_saved_game(folder: Path) -> tuple[SaveStore, Path]:
    """A store in `folder` holding one game just begun, and its save's path."""
    pack = rich_pack()
    store = SaveStore(folder)
    log = GameLog(Rules(pack), ["A"], 1)
    store.autosave(log, pack, "en")
    return store, store.path_of(log)


def test_a_full_disk_is_said_once_retried_at_every_action_and_its_end_said_once(
        tmp_path, monkeypatch, capsys):
    import game.session.saves as saves
    session = Session(tmp_path)
    log = GameLog(Rules(rich_pack(max_turns=40)), ["Siti", "Budi"], 3)
    session.game_changed(log, "en")
    actions(session, log, 3)
    path = session.saves.path_of(log)
    assert saved_actions(path) == 3 and session.take_save_news() == []
    real = saves.write_atomic
    tries = []

    def full(target, data):
        tries.append(target)
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(saves, "write_atomic", full)
    capsys.readouterr()
    actions(session, log, 6)
    assert len(tries) == 6                               # every action tries again
    [news] = session.take_save_news()                    # ... but it is said once
    assert news.key == "save.write-failed" and "the disk is full" in news.text("en")
    assert session.save_problem is not None
    err = capsys.readouterr().err
    assert err.count("could not be saved") == 1 and "the disk is full" in err
    assert session.take_notices("en") == []              # not queued for the title screen
    assert saved_actions(path) == 3                      # the old save is still whole

    monkeypatch.setattr(saves, "write_atomic", real)     # space again
    actions(session, log, 2, seed=2)
    [news] = session.take_save_news()
    assert news.key == "save.saved-again" and session.save_problem is None
    assert "saved again" in capsys.readouterr().err
    assert saved_actions(path) == len(log.actions)       # nothing lost
    actions(session, log, 2, seed=3)
    assert session.take_save_news() == []


def test_a_save_folder_that_is_a_file_is_said_once(tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the save folder should be")
    session = Session(blocker)
    log = GameLog(Rules(rich_pack()), ["A"], 1)
    session.game_changed(log, "id")
    actions(session, log, 5)
    [news] = session.take_save_news()
    assert news.key == "save.write-failed"
    assert "tidak bisa disimpan" in news.text("id")
    assert capsys.readouterr().err.count("warning:") == 1


def test_another_folder_chosen_is_saved_in_at_once_and_remembered(tmp_path, monkeypatch):
    monkeypatch.setattr("platformdirs.user_config_dir",
                        lambda *a, **k: str(tmp_path / "config"))
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "blocked"))
    (tmp_path / "blocked").write_text("a file in the way")
    session = Session()
    log = GameLog(Rules(rich_pack()), ["A", "B"], 2)
    actions(session, log, 3)
    assert session.take_save_news()[0].key == "save.write-failed"
    choices = session.folder_choices()
    assert choices[0].kind == "in-use" and not choices[0].writable
    temp = next(c for c in choices if c.kind == "temp")
    assert temp.writable
    other = tmp_path / "usb" / "travellers-dream"
    session.use_folder(other, log, "en")
    assert [n.key for n in session.take_save_news()] == ["save.saved-again"]
    [path] = (other / "saves").glob("*.json")
    assert saved_actions(path) == len(log.actions) == 3
    again = Session()                                    # the next day
    assert again.save_folder == other
    assert again.latest().path == path


# -- one game per save ---------------------------------------------------------------------

SAME_SECOND = r"""
import sys, time
sys.path.insert(0, sys.argv[2])
from datetime import datetime
from pathlib import Path
import game.session.saves as saves
from game.engine.log import GameLog
from game.engine.rules import Rules
from tests.session.games import rich_pack

class Frozen(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime(2026, 12, 4, 9, 30, 0)
saves.datetime = Frozen
pack = rich_pack()
store = saves.SaveStore(Path(sys.argv[1]))
log = GameLog(Rules(pack), [sys.argv[3]], 1)
while time.time() < float(sys.argv[4]):
    time.sleep(0.001)
assert store.autosave(log, pack, "en") is None
print(store.path_of(log).name)
"""


def test_two_games_started_in_the_same_second_keep_two_saves(tmp_path):
    start = time.time() + 1.5
    children = [subprocess.Popen([sys.executable, "-c", SAME_SECOND, str(tmp_path), str(ROOT),
                                  name, str(start)], stdout=subprocess.PIPE, text=True)
                for name in ("Siti", "Budi", "Ani")]
    names = [c.communicate(timeout=60)[0].strip() for c in children]
    assert all(c.returncode == 0 for c in children)
    assert len(set(names)) == 3 and all(n.startswith("20261204-093000-") for n in names)
    store = SaveStore(tmp_path)
    assert sorted(i.names[0] for i in store.saves()) == ["Ani", "Budi", "Siti"]


def test_two_games_in_one_window_in_the_same_second_keep_two_saves(tmp_path):
    pack = rich_pack()
    store = SaveStore(tmp_path)
    first, second = GameLog(Rules(pack), ["A"], 1), GameLog(Rules(pack), ["B"], 2)
    store.autosave(first, pack, "en")
    store.autosave(second, pack, "en")
    assert store.path_of(first) != store.path_of(second)
    assert sorted(i.names for i in store.saves()) == [("A",), ("B",)]


PLAYING = r"""
import sys, time
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from game.engine.log import GameLog
from game.engine.rules import Rules
from game.session import Session
from tests.session.games import rich_pack, random_action, step
import random
session = Session(Path(sys.argv[1]))
log = GameLog(Rules(rich_pack(max_turns=40)), ["Siti", "Budi"], 4)
rng = random.Random(1)
for _ in range(4):
    step(log, random_action(log, rng, facilitator=False))
    session.game_changed(log, "en")
print("playing", flush=True)
time.sleep(120)
"""


def test_a_game_open_in_another_window_is_refused_by_name_until_that_window_dies(
        tmp_path, monkeypatch, capsys):
    child = subprocess.Popen([sys.executable, "-c", PLAYING, str(tmp_path), str(ROOT)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "playing"
        pack = rich_pack(max_turns=40)
        monkeypatch.setattr("game.session.saves.find_pack", lambda info, d: (pack, None))
        session = Session(tmp_path)
        loaded = session.resume_latest()
        assert loaded.log is None and loaded.problem.key == "save.in-use"
        words = loaded.problem.text("en")
        assert "Siti, Budi" in words and "another window" in words
        assert "Siti, Budi" in loaded.problem.text("id")
        assert "another window" in capsys.readouterr().err
        save = loaded.info.path
        before = save.read_bytes()
        assert save.exists() and not list(save.parent.glob(f"*{BROKEN_MARK}*"))
    finally:
        child.kill()                                     # kill -9: the lock dies with it
        child.wait()
    loaded = session.resume_latest()
    assert loaded.log is not None and len(loaded.log.actions) == 4
    actions(session, loaded.log, 2)
    assert saved_actions(save) == 6 and save.read_bytes() != before


def test_a_game_resumed_elsewhere_is_not_written_over(tmp_path):
    """A window that lost its lock (another took the game) stops writing it."""
    pack = rich_pack(max_turns=40)
    child = subprocess.Popen([sys.executable, "-c", PLAYING, str(tmp_path), str(ROOT)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "playing"
        store = SaveStore(tmp_path)
        [info] = store.saves()
        log = GameLog(Rules(pack), ["X"], 9)
        store._slot(log, pack).path = info.path        # as if it were the same game
        store.release()
        notice = store.autosave(log, pack, "en")
        assert notice is not None and notice.key == "save.in-use-elsewhere"
        assert json.loads(info.path.read_text("utf-8"))["names"] == ["Siti", "Budi"]
    finally:
        child.kill()
        child.wait()


# -- messages not dropped --------------------------------------------------------------------

def test_a_report_lost_to_a_kill_is_written_on_the_next_start(tmp_path, monkeypatch):
    pack = rich_pack()
    store = SaveStore(tmp_path)
    log = play(Rules(pack), ["Siti", "Budi"], seed=2)
    assert log.game.over
    store.autosave(log, pack, "en")                       # ... killed before the report
    assert not (tmp_path / "reports").exists()
    session = Session(tmp_path)
    reports = sorted(p.suffix for p in (tmp_path / "reports").iterdir())
    assert reports == [".csv", ".html"]
    html = next((tmp_path / "reports").glob("*.html")).read_text("utf-8")
    assert "Siti" in html and "Budi" in html
    notices = session.take_notices("en")
    assert len(notices) == 1 and "written again" in notices[0]
    assert Session(tmp_path).take_notices("en") == []     # once: it is there now


def test_a_save_from_a_newer_game_is_kept_and_says_update_the_game(tmp_path):
    _store, path = one_saved_game(tmp_path)
    body = json.loads(path.read_text("utf-8"))
    body["version"] = VERSION + 1
    path.write_text(json.dumps(body), "utf-8")
    session = Session(tmp_path)
    assert session.latest() is None
    assert path.exists() and not list(path.parent.glob(f"*{BROKEN_MARK}*"))
    [words] = session.take_notices("en")
    assert "newer version" in words and "update the game" in words
    assert "broken" not in words.lower() and "could not be read" not in words
    assert session.latest() is None and session.take_notices("en") == []   # said once
    assert path.exists()
    assert "Perbarui" in Session(tmp_path).take_notices("id")[0]


def test_a_broken_save_set_aside_takes_its_lock_file_with_it(tmp_path):
    store, path = one_saved_game(tmp_path)
    store.release()                                      # the window closed (or was killed)
    assert path.with_suffix(".lock").exists()
    path.write_text("{half a save", "utf-8")
    session = Session(tmp_path)
    assert session.latest() is None
    assert list(path.parent.glob(f"{path.name}{BROKEN_MARK}*"))
    assert not path.with_suffix(".lock").exists()        # no lock left for a game that is gone
    assert any("could not be read" in n for n in session.take_notices("en"))
