"""Where session files live, and how they are written so that none is ever half
written.

    --save-dir DIR           DIR/saves/*.json, DIR/reports/, DIR/settings.json
    (default)                user data folder ("travellers-dream")/saves and /reports,
                             user config folder ("travellers-dream")/settings.json

`write_atomic` writes a temporary file beside the target, flushes and fsyncs
it, renames it over the target and fsyncs the folder: a power cut at any
instant leaves either the old file or the new one, never a mix.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional

APP = "travellers-dream"
TMP_MARK = ".tmp-"
BROKEN_MARK = ".broken-"


@dataclass(frozen=True)
class SessionPaths:
    saves: Path
    reports: Path
    settings: Path   # the settings file

    @classmethod
    def of(cls, save_dir: Optional[Path] = None) -> "SessionPaths":
        """The folders for `--save-dir` (or the user's own folders when None)."""
        if save_dir is not None:
            root = Path(save_dir).expanduser()
            return cls(root / "saves", root / "reports", root / "settings.json")
        import platformdirs
        data = Path(platformdirs.user_data_dir(APP, appauthor=False))
        config = Path(platformdirs.user_config_dir(APP, appauthor=False))
        return cls(data / "saves", data / "reports", config / "settings.json")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` by `data` all at once (OSError when it cannot be done)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}{TMP_MARK}{os.getpid()}")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    _sync_folder(path.parent)


def _replace(src: Path, dst: Path) -> None:
    # On Windows a virus scanner or an indexer may hold the target open for a moment.
    for attempt in range(5):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 4:
                raise
            time.sleep(0.02 * (attempt + 1))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no folder handles to sync."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def set_aside(path: Path) -> Path:
    """Rename `path` to `<name>.broken-<timestamp>` beside it; the new path.

    OSError when it cannot be renamed."""
    path = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}{BROKEN_MARK}{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}{BROKEN_MARK}{stamp}-{n}")
    os.replace(path, target)
    return target


def remove_stale_temporaries(folder: Path, older_than: float = 60.0) -> None:
    """Delete temporary files left by a write that was killed half way."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if TMP_MARK in entry.name:
            try:
                if now - entry.stat().st_mtime > older_than:
                    os.unlink(entry.path)
            except OSError:
                pass
