"""A normal install: the wheel carries scenarios/, localisation/ and assets/
(as game/_data/), and the game runs from it in another folder.

The wheel is built with pip, as a user's `pip install .` builds it (pip takes
the build backend from the registry or its cache). `.ci/run` also installs it
into a fresh venv and plays a whole game with the installed `travellers-dream`.
"""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from game.paths import FOLDERS, PACKAGE_DATA

ROOT = Path(__file__).resolve().parents[1]
MAIN = "import sys; from game.cli import main; sys.exit(main())"
NOT_SHIPPED = ("assets/make_assets.py", "assets/make_scenes.py")   # they draw the assets


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                           "--disable-pip-version-check", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True)
    if done.returncode != 0 and "No matching distribution found for hatchling" in done.stderr:
        pytest.skip("no registry and no cached copy of the build backend (hatchling)")
    assert done.returncode == 0, done.stderr
    [found] = out.glob("travellers_dream-*.whl")
    return found


def _shipped(folder: str) -> set[str]:
    """The files of a top-level folder that the wheel must carry."""
    files = set()
    for path in (ROOT / folder).rglob("*"):
        rel = path.relative_to(ROOT).as_posix()
        if path.is_file() and "__pycache__" not in rel and not rel.endswith(".pyc") \
                and rel not in NOT_SHIPPED:
            files.add(rel)
    return files


def test_the_wheel_carries_the_data_folders_inside_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in FOLDERS:
        expected = {f"game/{PACKAGE_DATA}/{rel}" for rel in _shipped(folder)}
        assert expected, folder
        assert not expected - names, f"missing from the wheel: {sorted(expected - names)[:5]}"
    assert "game/paths.py" in names and "game/ui/theme.json" in names
    assert not any(n.startswith(tuple(f"{f}/" for f in FOLDERS + ("tests",))) for n in names)
    assert not any(n.endswith(NOT_SHIPPED) for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "travellers-dream = game.cli:main" in \
        zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_game_runs_from_another_folder(wheel, tmp_path):
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(site), SDL_VIDEODRIVER="dummy",
               SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", MAIN, *args], cwd=elsewhere, env=env,
                              capture_output=True, text=True, timeout=120)

    where = subprocess.run([sys.executable, "-c", "import game.paths as p; print(p.ROOT)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True)
    assert Path(where.stdout.strip()) == site / "game" / PACKAGE_DATA, where.stderr
    done = run("validate", str(site / "game" / PACKAGE_DATA / "scenarios" / "example"))
    assert done.returncode == 0, done.stdout + done.stderr
    done = run("simulate", "--pack", "example", "--games", "3", "--seed", "1", "--json")
    assert done.returncode == 0 and '"journeys": 3' in done.stdout, done.stderr
    done = run("--frames", "1", "--size", "800x600", "--mute", "--save-dir", str(tmp_path / "s"))
    assert done.returncode == 0, done.stderr
