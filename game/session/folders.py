"""Other folders to save in, for a facilitator whose save folder cannot be
written (a read-only or full disk): a short list to tap, not a path to type.

    for choice in folder_choices(current, started):
        choice.kind       "in-use", "default", "started", "documents", "desktop",
                          "drive", "temp" (localisation/game.<lang>.json: folder.<kind>)
        choice.path       the folder; the game writes its saves/ and reports/ in it
        choice.writable   a file could be written there just now

Each folder is checked by writing a small file in it (and removing it), since
a read-only disk, a full disk or a file in the way all fail only when written.
"""
from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from game.session.files import APP

MOUNT_ROOTS = ("/media", "/run/media", "/Volumes", "/mnt")
MAX_DRIVES = 3


@dataclass(frozen=True)
class FolderChoice:
    kind: str
    path: Path
    writable: bool


def writable(folder: Path) -> bool:
    """Whether a file can be written in `folder` now. A folder not made yet is
    not made for the asking: its nearest existing parent must be writable."""
    folder = Path(folder)
    if not folder.exists():
        parent = next((p for p in folder.parents if p.exists()), None)
        return parent is not None and parent.is_dir() and os.access(parent, os.W_OK)
    probe = folder / f".write-test-{os.getpid()}"
    try:
        with open(probe, "wb") as f:
            f.write(b"ok")
            f.flush()
            os.fsync(f.fileno())
    except OSError:
        return False
    finally:
        try:
            probe.unlink()
        except OSError:
            pass
    return True


def _user_folder(name: str) -> Optional[Path]:
    import platformdirs
    try:
        found = getattr(platformdirs, f"user_{name}_dir")()
    except Exception:
        return None
    path = Path(found) if found else None
    return path if path is not None and path.is_dir() else None


def removable_drives() -> list[Path]:
    """Mounted removable drives (a USB stick): /media/<user>/*, /run/media/<user>/*,
    /Volumes/* (macOS), /mnt/*; on Windows the removable drive letters."""
    found: list[Path] = []
    if os.name == "nt":     # pragma: no cover - Windows
        try:
            import ctypes
            mask = ctypes.windll.kernel32.GetLogicalDrives()
            for i in range(26):
                root = f"{chr(65 + i)}:\\"
                if mask & (1 << i) and ctypes.windll.kernel32.GetDriveTypeW(root) == 2:
                    found.append(Path(root))
        except Exception:
            pass
        return found[:MAX_DRIVES]
    for base in MOUNT_ROOTS:
        base_path = Path(base)
        try:
            entries = sorted(base_path.iterdir())
        except OSError:
            continue
        for entry in entries:
            # /media/<user>/<drive> and /run/media/<user>/<drive>; else /media/<drive>
            inner = []
            if base in ("/media", "/run/media"):
                try:
                    inner = [p for p in sorted(entry.iterdir()) if os.path.ismount(p)]
                except OSError:
                    inner = []
            if os.path.ismount(entry):
                inner.append(entry)
            found += [p for p in inner if p not in found]
        if sys.platform == "darwin" and base == "/Volumes":
            found = [p for p in found if p != Path("/Volumes/Macintosh HD")]
    return found[:MAX_DRIVES]


def _candidates(current: Path, started: Optional[Path]) -> Iterable[tuple[str, Path]]:
    import platformdirs
    yield "in-use", Path(current)
    if started is not None:
        yield "started", Path(started).expanduser()
    yield "default", Path(platformdirs.user_data_dir(APP, appauthor=False))
    for kind in ("documents", "desktop"):
        base = _user_folder(kind)
        if base is not None:
            yield kind, base / APP
    for drive in removable_drives():
        yield "drive", drive / APP
    yield "temp", Path(tempfile.gettempdir()) / APP


def folder_choices(current: Path, started: Optional[Path] = None) -> list[FolderChoice]:
    """The folder in use first, then the others the facilitator may tap, each
    once, with whether it can be written."""
    seen: set[str] = set()
    choices = []
    for kind, path in _candidates(current, started):
        try:
            key = os.path.normcase(str(path.resolve()))
        except OSError:
            key = os.path.normcase(str(path))
        if key in seen:
            continue
        seen.add(key)
        choices.append(FolderChoice(kind, path, writable(path)))
    return choices
