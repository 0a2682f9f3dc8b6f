"""One game, one window: a lock on the save being played.

`SaveLock.take(path)` opens `<save>.lock` beside the save and asks the
operating system for an exclusive lock on it (flock on POSIX, msvcrt.locking
on Windows). The lock belongs to the open file: when the game ends, crashes or
is killed (even `kill -9`) the system lets go of it, so a lock left by a dead
game never blocks. The `.lock` file itself stays while the game is unfinished
(it is empty): deleting it then would let two games lock two different files
of the same name. A finished game's lock file is removed.

Within one process a lock is shared (counted): the game window and a second
`SaveStore` of the same program are one instance, not two.

`claim(save)` creates `<name>.lock` only if no such file exists yet
(O_EXCL), so two games started in the same second never take one name.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

LOCK_SUFFIX = ".lock"


class InUse(Exception):
    """Another running game holds the lock."""


def lock_path(save: Path) -> Path:
    save = Path(save)
    return save.with_name(save.stem + LOCK_SUFFIX)


_HELD: dict[str, "SaveLock"] = {}     # the locks this process holds, by file


def _key(path: Path) -> str:
    try:
        return os.path.normcase(str(Path(path).resolve()))
    except OSError:
        return os.path.normcase(str(Path(path).absolute()))


class SaveLock:
    """An exclusive lock on one save, held until `release` (or the process ends)."""

    def __init__(self, path: Path, fd: int):
        self.path, self._fd = path, fd
        self._users = 1

    @classmethod
    def take(cls, save: Path, create_only: bool = False) -> Optional["SaveLock"]:
        """The lock of `save`; InUse when another game holds it; None when the
        folder cannot hold a lock file (read-only): then nothing can be written
        there either, and the game is not stopped for it."""
        path = lock_path(save)
        mine = _HELD.get(_key(path))
        if mine is not None and mine.held:
            if create_only:
                raise FileExistsError(str(path))
            mine._users += 1
            return mine
        flags = os.O_RDWR | os.O_CREAT | (os.O_EXCL if create_only else 0)
        try:
            fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            raise
        except OSError:
            try:
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
            except OSError:
                return None
        try:
            _lock(fd)
        except BlockingIOError:
            os.close(fd)
            raise InUse(str(path)) from None
        except OSError:          # a file system without locks: do not stop the game
            os.close(fd)
            return None
        lock = cls(path, fd)
        _HELD[_key(path)] = lock
        return lock

    def release(self, remove: bool = False) -> None:
        """Let go; `remove` also deletes the lock file (a finished game, which no
        window will continue) while still holding it."""
        if self._fd is None:
            return
        self._users -= 1
        if self._users > 0 and not remove:
            return
        if _HELD.get(_key(self.path)) is self:
            del _HELD[_key(self.path)]
        if remove:
            try:
                os.unlink(self.path)
            except OSError:
                pass
        try:
            _unlock(self._fd)
        except OSError:
            pass
        try:
            os.close(self._fd)
        except OSError:
            pass
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


def claim(save: Path) -> Optional[SaveLock]:
    """Create and lock `save`'s lock file if it does not exist yet:
    FileExistsError when the name is taken; None when the folder is not writable."""
    return SaveLock.take(save, create_only=True)


if os.name == "nt":     # pragma: no cover - Windows
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError:
            raise BlockingIOError("locked") from None

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
