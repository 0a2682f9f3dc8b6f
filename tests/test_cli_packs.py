"""A `--pack` that names no pack is an error on every command (exit 2, what was
tried and the packs there are), never the default pack; a pack with errors stops
`--autoplay` and the other commands with the validator's lines (exit 1)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def run(*argv, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "run_game.py"), *argv], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("argv", [
    ["--pack", "NO-SUCH-PATH", "--frames", "1"],
    ["--pack", "no-such-pack", "--autoplay"],
    ["simulate", "--pack", "no-such-pack", "--games", "1"],
    ["preview", "--pack", "no-such-pack", "rec-offer", "--screenshot", "x.png"],
    ["strings", "export", "--pack", "no-such-pack", "--csv", "x.csv"],
    ["strings", "import", "--pack", "no-such-pack", "--csv", "x.csv"],
    ["guide", "--pack", "no-such-pack"],
    ["deck", "--pack", "no-such-pack"],
    ["schema", "--pack", "no-such-pack", "--out", "schema"],
])
def test_a_pack_that_does_not_exist_is_a_usage_error(argv, tmp_path):
    done = run(*argv, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "tidak ada paket" in done.stderr and "malaysia" in done.stderr   # the packs there are
    assert list(tmp_path.iterdir()) == []                          # nothing written


def test_autoplay_on_a_broken_pack_exits_1_naming_the_file_and_line(tmp_path):
    pack = tmp_path / "example"
    shutil.copytree(ROOT / "scenarios" / "example", pack)
    cards = pack / "cards" / "work.yaml"
    cards.write_text(cards.read_text("utf-8") + "\n- id: [broken\n", "utf-8")
    done = run("--pack", str(pack), "--autoplay", "--save-dir", str(tmp_path / "save"))
    assert done.returncode == 1
    assert f"{cards}:" in done.stderr and "error" in done.stderr


def test_simulate_on_a_broken_pack_names_each_problem_in_the_authors_language(tmp_path):
    pack = tmp_path / "example"
    shutil.copytree(ROOT / "scenarios" / "example", pack)
    cards = pack / "cards" / "work.yaml"
    cards.write_text(cards.read_text("utf-8").replace("stage: work", "stage: wrok", 1), "utf-8")
    done = run("simulate", "--pack", str(pack), "--games", "1", "--lang", "id")
    assert done.returncode == 1 and done.stdout == ""
    assert f"{cards}:" in done.stderr
    assert ": kesalahan: stage harus salah satu dari" in done.stderr
    assert "(maksudnya 'work'?)" in done.stderr and "punya kesalahan" in done.stderr
    done = run("simulate", "--pack", str(pack), "--games", "1", "--lang", "en")
    assert done.returncode == 1
    assert ": error: stage must be one of" in done.stderr and "has errors" in done.stderr
