"""Saving that goes wrong, tried from the command line as a fault-injection
run does: a real read-only folder, a real full disk freed mid-game, a save
path that is a file, two games started together, one save resumed twice and
a game killed with `kill -9`.

The read-only and full disks are real mounts, made in a mount namespace of
their own (`unshare --mount`) that goes when the game ends: nothing is left
mounted. Those two tests need the right to mount (root, as on CI) and are
skipped without it."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
GAME = [sys.executable, str(ROOT / "run_game.py")]
FAILED = "The game could not be saved"


def game_args(save_dir: Path, *more: str) -> list[str]:
    return [*GAME, "--autoplay", "--seed", "3", "--players", "Siti,Budi", "--lang", "en",
            "--mute", "--size", "800x600", "--save-dir", str(save_dir), *more]


def saves_in(folder: Path) -> list[dict]:
    return [json.loads(p.read_text("utf-8")) for p in sorted((folder / "saves").glob("*.json"))]


def can_mount() -> bool:
    if shutil.which("unshare") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    done = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                           "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True)
    return done.returncode == 0


needs_mount = pytest.mark.skipif(not can_mount(), reason="mounting a test disk needs root")

# $1 the folder to mount on, $2 the game's stderr, $3 where to copy what was saved,
# $4 "full" or "read-only"; then the game's command line
IN_NAMESPACE = r"""
set -u
D="$1"; ERR="$2"; OUT="$3"; KIND="$4"; shift 4
if [ "$KIND" = full ]; then
    mount -t tmpfs -o size=256k tmpfs "$D" || exit 90
    head -c 1000000 /dev/zero > "$D/filler" 2>/dev/null   # fills it: "No space left"
else
    mount --bind "$OUT" "$D" && mount -o remount,bind,ro "$D" || exit 90
fi
"$@" 2>"$ERR" &
game=$!
n=0
while ! grep -q "game could not be saved" "$ERR" 2>/dev/null && [ $n -lt 1200 ] \
        && kill -0 $game 2>/dev/null; do
    sleep 0.05; n=$((n + 1))
done
rm -f "$D/filler"                  # space again, mid-game
wait $game
rc=$?
[ "$KIND" = full ] && cp -r "$D/." "$OUT/"
exit $rc
"""


def in_namespace(tmp_path: Path, kind: str, *more: str):
    folder, out, err = tmp_path / "disk", tmp_path / "out", tmp_path / "stderr.txt"
    folder.mkdir()
    out.mkdir()
    done = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                           IN_NAMESPACE, "sh", str(folder), str(err), str(out), kind,
                           *game_args(folder, *more)],
                          cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=300)
    assert done.returncode != 90, "the test disk could not be mounted: " + done.stderr
    return done, err.read_text("utf-8"), out


@needs_mount
def test_a_full_disk_freed_mid_game_warns_once_then_saves_the_whole_game(tmp_path):
    done, err, out = in_namespace(tmp_path, "full")
    assert done.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    assert err.count(FAILED) == 1 and "the disk is full" in err      # said once, not per action
    assert err.count("saved again") == 1
    [body] = saves_in(out)
    assert body["over"] and body["names"] == ["Siti", "Budi"]     # nothing lost
    assert sorted(p.suffix for p in (out / "reports").iterdir()) == [".csv", ".html"]
    assert not [p for p in (out / "saves").iterdir() if ".tmp" in p.name]


@needs_mount
def test_a_read_only_save_folder_plays_to_the_end_and_says_it_once(tmp_path):
    done, err, out = in_namespace(tmp_path, "read-only")
    assert done.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    assert err.count(FAILED) == 1 and "the folder is read-only" in err
    assert list(out.iterdir()) == []                     # nothing could be written


def test_a_save_path_that_is_a_file_plays_to_the_end_and_says_it_once(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the save folder should be")
    done = subprocess.run(game_args(blocker), cwd=tmp_path, env=ENV, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert done.stderr.count(FAILED) == 1, done.stderr
    assert blocker.read_text() == "a file where the save folder should be"


def test_two_games_started_together_keep_two_saves_and_two_reports(tmp_path):
    games = [subprocess.Popen([*GAME, "--autoplay", "--seed", str(seed), "--players", name,
                               "--lang", "en", "--mute", "--length", "short",
                               "--save-dir", str(tmp_path)],
                              cwd=tmp_path, env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
             for seed, name in ((1, "Siti"), (2, "Budi"))]
    errs = [g.communicate(timeout=300)[1] for g in games]
    assert [g.returncode for g in games] == [0, 0], errs
    bodies = saves_in(tmp_path)
    assert sorted(b["names"][0] for b in bodies) == ["Budi", "Siti"]
    assert all(b["over"] for b in bodies)
    assert len(list((tmp_path / "reports").glob("*.html"))) == 2


def unfinished_game(tmp_path: Path) -> Path:
    """A game killed with kill -9 after a few actions: its save and its lock file stay."""
    game = subprocess.Popen(game_args(tmp_path, "--speed", "25"), cwd=tmp_path, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    try:
        while time.time() < deadline:
            found = list((tmp_path / "saves").glob("*.json"))
            try:
                if found and len(json.loads(found[0].read_text("utf-8"))["actions"]) >= 6:
                    break
            except ValueError:
                pass
            time.sleep(0.05)
        assert game.poll() is None, "the game ended before it could be killed"
    finally:
        game.send_signal(signal.SIGKILL)
        game.wait(10)
    [save] = (tmp_path / "saves").glob("*.json")
    assert not json.loads(save.read_text("utf-8"))["over"]
    assert save.with_suffix(".lock").exists()            # left behind by the killed game
    return save


def test_one_save_resumed_twice_is_refused_by_name_and_a_killed_game_never_blocks(tmp_path):
    save = unfinished_game(tmp_path)
    resume = [*GAME, "--resume", "--lang", "en", "--mute", "--save-dir", str(tmp_path)]
    first = subprocess.Popen([*resume, "--frames", "100000"], cwd=tmp_path, env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import fcntl
        with open(save.with_suffix(".lock"), "rb") as lock:   # until the first holds it
            deadline = time.time() + 60
            while time.time() < deadline:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    fcntl.flock(lock, fcntl.LOCK_UN)
                except BlockingIOError:
                    break
                assert first.poll() is None
                time.sleep(0.05)
            else:
                pytest.fail("the first --resume never took the game")
        before = save.read_bytes()
        second = subprocess.run([*resume, "--frames", "5"], cwd=tmp_path, env=ENV,
                                capture_output=True, text=True, timeout=120)
        assert second.returncode == 0
        assert "another window" in second.stderr and "Siti, Budi" in second.stderr
        assert save.read_bytes() == before and len(saves_in(tmp_path)) == 1
        bots = subprocess.run([*resume, "--autoplay"], cwd=tmp_path, env=ENV,
                              capture_output=True, text=True, timeout=120)
        assert bots.returncode == 1 and "another window" in bots.stderr   # no new game instead
        assert save.read_bytes() == before and len(saves_in(tmp_path)) == 1
    finally:
        first.send_signal(signal.SIGKILL)             # its lock dies with it
        first.wait(10)
    done = subprocess.run([*resume, "--autoplay"], cwd=tmp_path, env=ENV,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "another window" not in done.stderr
    [body] = saves_in(tmp_path)                          # the same game, finished
    assert body["over"] and body["names"] == ["Siti", "Budi"]


def test_a_report_lost_to_a_kill_after_the_last_save_is_written_on_the_next_start(tmp_path):
    done = subprocess.run(game_args(tmp_path, "--length", "short"), cwd=tmp_path, env=ENV,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    [body] = saves_in(tmp_path)
    assert body["over"]
    reports = tmp_path / "reports"
    shutil.rmtree(reports)          # the state a kill leaves between the last save and the report
    again = subprocess.run([*GAME, "--frames", "3", "--lang", "en", "--save-dir", str(tmp_path)],
                           cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]
    assert sorted(p.suffix for p in reports.iterdir()) == [".csv", ".html"]
    assert "Siti" in next(reports.glob("*.html")).read_text("utf-8")
