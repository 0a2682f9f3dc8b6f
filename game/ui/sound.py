"""Short sound effects, and silence whenever sound is not possible.

    sounds = Sounds(enabled=not settings.mute, volume=settings.volume)
    sounds.play("dice")          # "dice", "step", "good", "warning", "outcome"
    sounds.toggle_mute()

The WAV files are synthesised by ``assets/make_assets.py`` into
``assets/sounds/`` (``game.paths.SOUNDS``). The mixer is started on the first
unmuted ``play()``, not before. Where there is no audio device, the mixer fails
to start, or a file is missing or broken, the game stays silent: one warning
is logged per problem, nothing is raised.
"""
from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game.paths import SOUNDS

log = logging.getLogger(__name__)

#: Every sound name, with its level relative to the others (0..1).
SOUND_LEVELS = {
    "dice": 0.9,
    "step": 0.55,
    "good": 0.8,
    "warning": 0.7,
    "outcome": 0.9,
}
SOUND_NAMES = tuple(SOUND_LEVELS)


def _clamp(v) -> float:
    try:
        v = float(v)
    except (TypeError, ValueError):
        return 1.0
    if v != v:  # NaN
        return 1.0
    return min(1.0, max(0.0, v))


class Sounds:
    """The game's sound effects, safe to use with or without an audio device."""

    def __init__(self, enabled: bool = True, volume: float = 1.0, sound_dir: str | Path | None = None):
        self._muted = not enabled
        self._volume = _clamp(volume)
        self._dir = Path(sound_dir) if sound_dir is not None else SOUNDS
        self._state = "new"            # "new" -> "ready" | "failed"
        self._own_mixer = False        # did we start the mixer (and so may stop it)?
        self._sounds: dict[str, object] = {}   # name -> pygame.mixer.Sound | None
        self._warned: set[str] = set()

    # -------------------------------------------------------------- state
    @property
    def muted(self) -> bool:
        return self._muted

    @muted.setter
    def muted(self, value: bool) -> None:
        self._muted = bool(value)
        if self._muted:
            self.stop()

    def toggle_mute(self) -> bool:
        """Mute or unmute; returns the new `muted` value."""
        self.muted = not self._muted
        return self._muted

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, v: float) -> None:
        """Master volume, 0.0 to 1.0 (clamped)."""
        self._volume = _clamp(v)
        for name, snd in self._sounds.items():
            if snd is not None:
                try:
                    snd.set_volume(self._volume * SOUND_LEVELS.get(name, 1.0))
                except Exception:
                    pass

    @property
    def available(self) -> bool:
        """True once the mixer has started (False before the first play, or when it cannot)."""
        return self._state == "ready"

    # -------------------------------------------------------------- playing
    def play(self, name: str) -> bool:
        """Play a sound by name; True if it started. Never raises."""
        if self._muted:
            return False
        if name not in SOUND_LEVELS:
            self._warn(f"unknown:{name}", "unknown sound %r (known: %s)", name, ", ".join(SOUND_NAMES))
            return False
        try:
            if not self._ensure_mixer():
                return False
            snd = self._get(name)
            if snd is None:
                return False
            return snd.play() is not None
        except Exception as exc:
            self._warn(f"play:{name}", "cannot play sound %r: %s", name, exc)
            return False

    def preload(self) -> bool:
        """Start the mixer and load every sound now (e.g. behind a title screen)."""
        if not self._ensure_mixer():
            return False
        return all(self._get(n) is not None for n in SOUND_NAMES)

    def stop(self) -> None:
        """Stop our sounds that are playing."""
        for snd in self._sounds.values():
            if snd is not None:
                try:
                    snd.stop()
                except Exception:
                    pass

    def close(self) -> None:
        """Stop, forget the loaded sounds, and stop the mixer if we started it."""
        self.stop()
        self._sounds.clear()
        if self._own_mixer:
            try:
                pygame.mixer.quit()
            except Exception:
                pass
        self._own_mixer = False
        if self._state == "ready":
            self._state = "new"

    # -------------------------------------------------------------- inside
    def _warn(self, key: str, msg: str, *args) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning("sound: " + msg, *args)

    def _ensure_mixer(self) -> bool:
        if self._state == "failed":
            return False
        try:
            if pygame.mixer.get_init():
                self._state = "ready"
                return True
            if self._state == "ready":
                # someone stopped the mixer under us: our sounds are gone with it
                self._sounds.clear()
            pygame.mixer.init(frequency=44100, size=-16, channels=2, buffer=512)
            if not pygame.mixer.get_init():
                raise RuntimeError("mixer did not start")
        except Exception as exc:
            self._state = "failed"
            self._warn("mixer", "no audio, playing silently (%s)", exc or type(exc).__name__)
            return False
        self._own_mixer = True
        self._state = "ready"
        return True

    def _get(self, name: str):
        if name in self._sounds:
            return self._sounds[name]
        path = self._dir / f"{name}.wav"
        snd = None
        if not path.is_file():
            self._warn(f"file:{name}", "missing sound file %s", path)
        else:
            try:
                snd = pygame.mixer.Sound(str(path))
                snd.set_volume(self._volume * SOUND_LEVELS.get(name, 1.0))
            except Exception as exc:
                self._warn(f"file:{name}", "cannot load sound file %s: %s", path, exc)
                snd = None
        self._sounds[name] = snd
        return snd
