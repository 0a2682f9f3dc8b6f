"""What lasts between runs, and what the screens use without drawing anything.

    saves.py     atomic autosave after every action, "Continue" / --resume,
                 broken saves set aside with a message, changed packs reported
    record.py    a session's journeys as plain data (kept in every save)
    report.py    the session report: self-contained HTML (A4) and CSV;
                 `run_game.py report SAVE...`
    settings.py  remembered settings (language, text size, read-aloud, volume ...)
    speech.py    read-aloud through the system's own speech program (no pygame)
    strings.py   the words these modules show, in Bahasa Indonesia and English
    files.py     where session files live; atomic writes
"""
from __future__ import annotations

from typing import Any, Optional


def attach(app: Any) -> None:
    """Plug autosave, resume and the session report into the game window.

    `game.ui.app.App` calls this once at start (if it exists). It sets:
    - `app.session_store`: the `SaveStore` for `--save-dir` (or the user's folder);
    - an action listener: autosave after every action and undo, and, when the
      game is over, the session report in the reports folder (`app.session_report`,
      a `ReportFiles`: `.html`, `.csv`, `.notice` to show);
    - `app.resume_provider` (only when there is an unfinished game): resumes the
      newest one and returns its GameLog, or None. The `LoadedSave` is kept in
      `app.session_loaded` (`.needs_choice`, `.problem`) for the screen to ask
      about a changed pack; messages about broken saves wait in
      `app.session_store.take_notices()`.
    """
    from game.session.saves import SaveStore

    store = SaveStore(getattr(app.options, "save_dir", None))
    app.session_store = store
    app.session_report = None
    app.session_loaded = None
    reported: dict[int, int] = {}     # id(log) -> step whose report was written

    def on_action(log) -> None:
        pack = log.rules.pack
        store.autosave(log, pack, app.lang)
        game = log.game
        if game.over and reported.get(id(log)) != len(log.actions):
            reported[id(log)] = len(log.actions)
            app.session_report = store.write_report(log, pack, app.lang)

    app.action_listeners.append(on_action)

    if store.latest() is not None:
        def resume() -> Optional[object]:
            from game.paths import SCENARIOS
            loaded = store.resume_latest(SCENARIOS)
            app.session_loaded = loaded
            return loaded.log if loaded is not None else None
        app.resume_provider = resume
