"""game.session.attach: the hook the game window calls (tested with a stand-in app)."""
from __future__ import annotations

import random
from types import SimpleNamespace

import game.session as session
from game.engine.log import GameLog
from game.engine.rules import Rules
from tests.session.games import random_action, rich_pack, step


def fake_app(save_dir):
    return SimpleNamespace(options=SimpleNamespace(save_dir=save_dir), lang="id",
                           action_listeners=[], resume_provider=None)


def test_attach_autosaves_reports_at_the_end_and_resumes(tmp_path, monkeypatch):
    app = fake_app(tmp_path)
    session.attach(app)
    assert app.resume_provider is None            # nothing to continue yet
    pack = rich_pack()
    log = GameLog(Rules(pack), ["Siti", "Budi"], 3)
    rng = random.Random(3)
    for listener in app.action_listeners:
        listener(log)
    for _ in range(5):
        step(log, random_action(log, rng, facilitator=False))
        for listener in app.action_listeners:
            listener(log)
    assert app.session_report is None
    assert app.session_store.latest().actions == len(log.actions)

    again = fake_app(tmp_path)                   # the program was closed and started again
    session.attach(again)
    monkeypatch.setattr("game.session.saves.find_pack", lambda info, d: (pack, None))
    resumed = again.resume_provider()
    assert resumed.game.to_json() == log.game.to_json()
    assert not again.session_loaded.needs_choice
    while not resumed.game.over:
        step(resumed, random_action(resumed, rng, facilitator=False))
        for listener in again.action_listeners:
            listener(resumed)
    report = again.session_report
    assert report.problem is None and report.html.exists() and report.csv.exists()
    assert str(report.html) in report.notice.text("id")
    assert sorted(p.suffix for p in (tmp_path / "reports").iterdir()) == [".csv", ".html"]
    assert [p.name for p in (tmp_path / "saves").iterdir()] == [
        again.session_store.path_of(resumed).name]
