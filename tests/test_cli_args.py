"""The play command's arguments: a speed outside the settings' range or a
language with no words is a usage error (exit 2, saying what is allowed),
and a name of invisible characters plays under the default name."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.args import player_names
from game.cli import main
from game.localise import languages, tr
from game.session.settings import SPEED_RANGE
from game.ui.scenes.settings import SPEEDS

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def usage_error(capsys, *argv) -> str:
    """What the command line says when it refuses `argv` (it must exit 2)."""
    with pytest.raises(SystemExit) as stop:
        main(list(argv))
    assert stop.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("speed", ["nan", "1e-9", "inf", "-1", "0", "51", "fast"])
def test_a_speed_outside_the_settings_range_exits_2_giving_the_range(capsys, speed):
    said = usage_error(capsys, "--speed", speed, "--frames", "1")
    assert "--speed" in said and f"{SPEED_RANGE[0]:g} to {SPEED_RANGE[1]:g}" in said
    assert repr(speed) in said


def test_the_settings_screen_offers_speeds_inside_the_same_range():
    assert all(SPEED_RANGE[0] <= s <= SPEED_RANGE[1] for s in SPEEDS)


def test_a_language_without_localisation_files_exits_2_naming_the_languages(capsys):
    said = usage_error(capsys, "--lang", "xx", "--frames", "1")
    codes = [code for code, _ in languages()]
    assert {"id", "en"} <= set(codes)
    assert "'xx'" in said and ", ".join(codes) in said
    assert all((ROOT / "localisation" / f"game.{c}.json").exists() for c in codes)


def test_player_names_are_cleaned_and_an_invisible_one_is_the_default():
    assert player_names("Siti,\u200b\u00ad\ufeff,Budi") == ["Siti", "", "Budi"]
    assert player_names("Siti\n,Bu\x07di\u202e") == ["Siti", "Budi"]
    assert player_names("Siti,,Budi,") == ["Siti", "Budi"]     # empty parts are no players
    long = "Kelompok Belajar Melati Putih dari Desa Sukamaju"
    assert player_names(long) == [long]        # cut on the setup screen, which says so


def test_a_zero_width_name_plays_to_the_debrief_under_the_default_name(tmp_path):
    save = tmp_path / "save"
    done = subprocess.run(
        [sys.executable, str(ROOT / "run_game.py"), "--players", "Siti,\u200b\u00ad\ufeff",
         "--autoplay", "--seed", "3", "--length", "short", "--lang", "en",
         "--save-dir", str(save)],
        cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Text has zero width" not in done.stderr
    reports = list((save / "reports").glob("*.html"))
    assert len(reports) == 1                     # written at the debrief
    html = reports[0].read_text("utf-8")
    assert "Siti" in html and tr("player_default", "en", n=2) in html
    assert "\u200b" not in html and "\ufeff" not in html
    remembered = json.loads((save / "settings.json").read_text("utf-8"))["player_names"]
    assert remembered == ["Siti", ""]
