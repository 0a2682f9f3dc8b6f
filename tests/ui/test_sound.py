"""Sounds: play or stay silent without raising, mute, volume, and the WAVs."""
from __future__ import annotations

import importlib.util
import logging
import wave

import pygame
import pytest

from game.paths import ASSETS, SOUNDS
from game.ui import sound
from game.ui.sound import SOUND_NAMES, Sounds


@pytest.fixture(autouse=True)
def no_mixer_left_behind():
    yield
    try:
        pygame.mixer.quit()
    except Exception:
        pass


def test_sound_names():
    assert set(SOUND_NAMES) == {"dice", "step", "good", "warning", "outcome"}


def test_play_every_sound_under_the_dummy_driver(caplog):
    caplog.set_level(logging.WARNING, logger=sound.__name__)
    s = Sounds()
    for name in SOUND_NAMES:
        assert s.play(name) in (True, False)
        s.play(name)                      # again, overlapping
    assert not caplog.records or all("no audio" in r.getMessage() for r in caplog.records)
    if s.available:                       # the dummy driver gives a (silent) mixer
        assert s.preload()
    s.close()


def test_muted_does_not_start_the_mixer():
    pygame.mixer.quit()
    s = Sounds(enabled=False)
    assert s.muted
    assert s.play("dice") is False
    assert not s.available
    assert not pygame.mixer.get_init()


def test_toggle_mute():
    s = Sounds()
    assert not s.muted
    assert s.toggle_mute() is True and s.muted
    assert s.play("good") is False
    assert s.toggle_mute() is False and not s.muted
    s.muted = True
    assert s.muted
    s.close()


def test_set_volume_clamps():
    s = Sounds(volume=0.5)
    assert s.volume == 0.5
    s.set_volume(2)
    assert s.volume == 1.0
    s.set_volume(-1)
    assert s.volume == 0.0
    s.set_volume("loud")
    assert s.volume == 1.0
    s.play("step")
    s.set_volume(0.3)                     # applies to loaded sounds too
    assert s.volume == 0.3
    s.close()
    assert Sounds(volume=float("nan")).volume == 1.0


def test_unknown_sound_warns_once(caplog):
    caplog.set_level(logging.WARNING, logger=sound.__name__)
    s = Sounds()
    assert s.play("trumpet") is False
    assert s.play("trumpet") is False
    assert len(caplog.records) == 1


def test_missing_files_stay_silent(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger=sound.__name__)
    (tmp_path / "step.wav").write_bytes(b"RIFF not really a wave")
    s = Sounds(sound_dir=tmp_path)
    for _ in range(3):
        for name in SOUND_NAMES:
            assert s.play(name) is False
    if s.available:
        # one warning per missing or broken file, not one per play
        assert len(caplog.records) == len(SOUND_NAMES)
    s.close()


def test_mixer_failure_is_silent_with_one_warning(monkeypatch, caplog):
    caplog.set_level(logging.WARNING, logger=sound.__name__)
    pygame.mixer.quit()

    def fail(*a, **k):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", fail)
    s = Sounds()
    for name in SOUND_NAMES * 2:
        assert s.play(name) is False
    assert not s.available
    assert not s.preload()
    assert len(caplog.records) == 1
    assert "no audio" in caplog.records[0].getMessage()


def test_mixer_module_missing(monkeypatch, caplog):
    caplog.set_level(logging.WARNING, logger=sound.__name__)

    class Missing:
        def __getattr__(self, name):
            raise NotImplementedError("mixer module not available")

    monkeypatch.setattr(sound.pygame, "mixer", Missing())
    s = Sounds()
    assert s.play("dice") is False
    assert s.play("good") is False
    s.set_volume(0.5)
    s.toggle_mute()
    s.close()
    assert len(caplog.records) == 1


def test_mixer_stopped_by_someone_else():
    s = Sounds()
    s.play("step")
    pygame.mixer.quit()
    assert s.play("step") in (True, False)   # restarts or stays silent, no error
    s.close()


@pytest.mark.parametrize("name", SOUND_NAMES)
def test_sound_files_are_short_small_16bit(name):
    path = SOUNDS / f"{name}.wav"
    assert path.is_file(), "run python assets/make_assets.py"
    assert path.stat().st_size < 80_000
    with wave.open(str(path)) as w:
        assert w.getsampwidth() == 2
        assert w.getnchannels() == 1
        seconds = w.getnframes() / w.getframerate()
        frames = w.readframes(w.getnframes())
    assert 0.03 < seconds <= 1.0
    peak = max(abs(int.from_bytes(frames[i:i + 2], "little", signed=True)) for i in range(0, len(frames), 2))
    assert 8000 < peak < 32768          # audible, not clipped


def test_sound_generation_is_deterministic(tmp_path):
    spec = importlib.util.spec_from_file_location("make_assets", ASSETS / "make_assets.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    a = gen.make_sounds(tmp_path / "a")
    b = gen.make_sounds(tmp_path / "b")
    for x, y in zip(a, b):
        assert x.read_bytes() == y.read_bytes()
        assert x.read_bytes() == (SOUNDS / x.name).read_bytes(), f"{x.name} is out of date"
