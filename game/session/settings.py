"""Settings that are remembered between runs.

Kept in `settings.json` in the user's config folder ("travellers-dream"), or
in `--save-dir DIR` when given. A missing file means the defaults, silently.
A file that is not JSON (or not an object) is moved aside and the defaults
are used, with a message; a value that makes no sense (a text size of
"huge", a volume of 7) falls back to its default alone, with a message
naming it. Unknown keys are ignored, so an older game reads a newer
game's file, and a missing key keeps its default, so a newer game reads an
older one's (files from before `player_names` load as they did).

    settings, notice = Settings.load(options.save_dir)   # notice: a Notice or None
    settings.text_size = "large"
    notice = settings.save()                              # None when saved
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Optional

from game.session.files import SessionPaths, set_aside, write_atomic
from game.session.notices import Notice, error_args

TEXT_SIZES = ("normal", "large", "extra-large")
TEXT_SCALE = {"normal": 1.0, "large": 1.25, "extra-large": 1.5}
# animation speeds: the settings screen offers some inside it, `--speed` takes any in it
# (up to 50 for screenshots of a whole game in seconds)
SPEED_RANGE = (0.1, 50.0)
NAME_LENGTH = 30              # the longest player or team name
MAX_PLAYERS = 6
MAX_BYTES = 64 * 1024
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


@dataclass
class Settings:
    language: str = "id"          # interface and card language
    text_size: str = "normal"     # normal | large | extra-large
    read_aloud: bool = False      # read cards and feedback aloud (key R reads any time)
    volume: float = 0.8           # 0.0 .. 1.0, sounds and read-aloud
    mute: bool = False
    fullscreen: bool = False
    animation_speed: float = 1.0  # 1 = real time; 2 = twice as fast
    # the names typed on the setup screen last time ("" for a default name): the
    # number of players and their names, offered again next time
    player_names: list[str] = field(default_factory=list)
    # the folder chosen from the menu to save games and reports in ("": the user's
    # data folder); --save-dir wins for its run
    save_folder: str = ""
    path: Optional[Path] = field(default=None, compare=False, repr=False)  # where it lives

    @property
    def text_scale(self) -> float:
        """How much bigger than normal the text is drawn."""
        return TEXT_SCALE.get(self.text_size, 1.0)

    # -- reading ----------------------------------------------------------------
    @classmethod
    def load(cls, save_dir: Optional[Path] = None) -> tuple["Settings", Optional[Notice]]:
        """The settings kept for `save_dir` (None: the user's config folder), and a
        message when the file was damaged. Never raises."""
        path = SessionPaths.of(save_dir).settings
        return cls.load_file(path)

    @classmethod
    def load_file(cls, path: Path) -> tuple["Settings", Optional[Notice]]:
        path = Path(path)
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_BYTES + 1)
        except FileNotFoundError:
            return cls(path=path), None
        except OSError as exc:
            return cls(path=path), Notice("settings.unreadable",
                                          {"file": str(path), **error_args(exc)})
        try:
            if len(data) > MAX_BYTES:
                raise ValueError("too big")
            raw = json.loads(data.decode("utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("not an object")
        except (ValueError, RecursionError):
            try:
                moved = set_aside(path)
            except OSError as exc:
                return cls(path=path), Notice("settings.unreadable",
                                              {"file": str(path), **error_args(exc)})
            return cls(path=path), Notice("settings.broken",
                                          {"file": str(path), "moved": str(moved)})
        settings, wrong = cls.from_json(raw)
        settings.path = path
        if wrong:
            return settings, Notice("settings.fixed", {"file": str(path), "keys": ", ".join(wrong)})
        return settings, None

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> tuple["Settings", list[str]]:
        """Settings from a parsed file, and the keys whose values could not be used."""
        settings = cls()
        wrong = []
        for f in fields(cls):
            if f.name == "path" or f.name not in raw:
                continue
            value = _checked(f.name, raw[f.name])
            if value is None:
                wrong.append(f.name)
            else:
                setattr(settings, f.name, value)
        return settings, wrong

    # -- writing ------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {f.name: (list(v) if isinstance(v := getattr(self, f.name), (list, tuple)) else v)
                for f in fields(self) if f.name != "path"}

    def save(self, save_dir: Optional[Path] = None) -> Optional[Notice]:
        """Write the settings (atomically) where they were loaded from, or for
        `save_dir`. None when saved, else the message to show."""
        path = self.path if save_dir is None and self.path else SessionPaths.of(save_dir).settings
        self.path = path
        data = json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"
        try:
            write_atomic(path, data.encode("utf-8"))
        except OSError as exc:
            return Notice("settings.write-failed", {"file": str(path), **error_args(exc)})
        return None


def _checked(name: str, value: Any) -> Any:
    """`value` if it is a good value for setting `name`, else None."""
    if name in ("read_aloud", "mute", "fullscreen"):
        return value if isinstance(value, bool) else None
    if name == "language":
        return value if isinstance(value, str) and _LANG.match(value) else None
    if name == "text_size":
        return value if value in TEXT_SIZES else None
    if name == "save_folder":
        ok = isinstance(value, str) and len(value) <= 4096 and value.isprintable() and (
            value == "" or Path(value).is_absolute())
        return value if ok else None
    if name == "player_names":
        ok = isinstance(value, list) and len(value) <= MAX_PLAYERS and all(
            isinstance(n, str) and len(n) <= NAME_LENGTH and n.isprintable() for n in value)
        return list(value) if ok else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    if name == "volume":
        return float(value) if 0 <= value <= 1 else None
    if name == "animation_speed":
        return float(value) if SPEED_RANGE[0] <= value <= SPEED_RANGE[1] else None
    return None
