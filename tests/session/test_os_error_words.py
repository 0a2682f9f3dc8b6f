"""A failure the system reports is said in plain words in the screen's language
("disk penuh"), not as "[Errno 28] No space left on device"."""
from __future__ import annotations

import errno
import os

import pytest

from game.session.notices import Notice, error_args
from game.session.settings import Settings


def test_a_full_disk_is_said_in_plain_words_in_both_languages():
    exc = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    notice = Notice("save.write-failed", {"file": "/x/game.json", **error_args(exc)})
    assert "disk penuh" in notice.text("id") and "Errno" not in notice.text("id")
    assert "the disk is full" in notice.text("en")


def test_a_failure_without_plain_words_keeps_the_systems_words():
    exc = OSError(errno.EIO, os.strerror(errno.EIO))
    assert os.strerror(errno.EIO) in Notice("save.write-failed",
                                            {"file": "f", **error_args(exc)}).text("id")
    assert "boom" in Notice("save.write-failed", {"file": "f", **error_args(ValueError("boom"))}).text("en")


def test_settings_that_cannot_be_written_say_why_plainly(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    notice = Settings().save(blocker / "sub")
    assert notice is not None
    said = notice.text("en")
    assert "Errno" not in said and "a file is where a folder should be" in said, said


def test_settings_that_cannot_be_saved_are_said_once_not_at_every_change(tmp_path, capsys):
    from game.session import Session
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    session = Session(blocker, None)
    capsys.readouterr()
    session.remember(text_size="large")
    session.remember(player_names=["Siti", "Budi"])
    err = capsys.readouterr().err
    assert err.count("settings could not be saved") == 1, err
    assert sum("Pengaturan tidak bisa disimpan" in n for n in session.take_notices("id")) == 1
