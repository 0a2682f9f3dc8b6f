"""game.session.Session: what the game window is given (saves, reports, settings)."""
from __future__ import annotations

import json
import random

from game.engine.log import GameLog
from game.engine.rules import Rules
from game.session import Session
from tests.session.games import random_action, rich_pack, step


def test_a_session_autosaves_reports_at_the_end_and_resumes(tmp_path, monkeypatch):
    session = Session(tmp_path)
    assert session.latest() is None                # nothing to continue yet
    pack = rich_pack()
    log = GameLog(Rules(pack), ["Siti", "Budi"], 3)
    rng = random.Random(3)
    session.game_changed(log, "id")
    for _ in range(5):
        step(log, random_action(log, rng, facilitator=False))
        session.game_changed(log, "id")
    assert session.report is None
    assert session.latest().actions == len(log.actions)

    again = Session(tmp_path)                     # the program was closed and started again
    monkeypatch.setattr("game.session.saves.find_pack", lambda info, d: (pack, None))
    loaded = again.resume_latest()
    resumed = loaded.log
    assert resumed.game.to_json() == log.game.to_json()
    assert not loaded.needs_choice and again.loaded is loaded
    while not resumed.game.over:
        step(resumed, random_action(resumed, rng, facilitator=False))
        again.game_changed(resumed, "id")
    report = again.report
    assert report.problem is None and report.html.exists() and report.csv.exists()
    assert str(report.html) in report.notice.text("id")
    assert sorted(p.suffix for p in (tmp_path / "reports").iterdir()) == [".csv", ".html"]
    assert [p.name for p in (tmp_path / "saves").iterdir()] == [
        again.saves.path_of(resumed).name]


def test_remembered_settings_come_back_and_a_broken_file_is_a_message(tmp_path):
    session = Session(tmp_path)
    assert session.take_notices("en") == []
    session.remember(language="en", volume=0.3)
    assert Session(tmp_path).settings.language == "en"
    assert Session(tmp_path).settings.volume == 0.3
    settings_file = next(tmp_path.glob("settings*.json"))
    settings_file.write_text("{not json", "utf-8")
    broken = Session(tmp_path)
    assert broken.settings.language == "id"        # the defaults
    notices = broken.take_notices("en")
    assert len(notices) == 1 and "settings" in notices[0].lower()
    assert broken.take_notices("en") == []         # each message is shown once


def test_a_save_folder_that_cannot_be_read_is_no_game_to_continue(tmp_path):
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "game.json").write_text(json.dumps({"no": "save"}), "utf-8")
    session = Session(tmp_path)
    assert session.latest() is None
    assert session.resume_latest() is None
    assert any("game.json" in n for n in session.take_notices("en"))


def test_a_game_on_the_short_board_resumes_on_the_short_board(tmp_path, monkeypatch):
    session = Session(tmp_path)
    pack = rich_pack()
    log = GameLog(Rules(pack, "short"), ["Siti"], 3)
    rng = random.Random(2)
    for _ in range(4):
        step(log, random_action(log, rng, facilitator=False))
        session.game_changed(log, "id")
    monkeypatch.setattr("game.session.saves.find_pack", lambda info, d: (pack, None))
    resumed = Session(tmp_path).resume_latest().log
    assert resumed.rules.length == "short"
    assert resumed.game.to_json() == log.game.to_json()
