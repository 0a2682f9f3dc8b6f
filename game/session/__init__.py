"""What lasts between runs: saves, session reports, settings and read-aloud.

The game window is given one `Session` when it starts (`App(options, session)`)
and asks it for everything that outlives a screen: it never reaches into the
modules below, and nothing here knows the window exists.

    saves.py     atomic autosave after every action, "Continue" / --resume,
                 broken saves set aside with a message, changed packs reported
    report*.py   the session report: self-contained HTML (A4) and CSV
    settings.py  remembered settings (language, text size, read-aloud, volume ...)
    speech.py    read-aloud through the system's own speech program (no pygame)
    files.py     where session files live; atomic writes
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from game.engine.log import GameLog
    from game.session.saves import LoadedSave, ReportFiles, SaveInfo, SaveStore
    from game.session.settings import Settings
    from game.session.speech import Engine, Speaker


SYSTEM_VOICE = "system"     # read-aloud finds the system's speech program


class Session:
    """Saves, reports, settings and speech for one run of the game.

    `save_dir` is `--save-dir` (None: the user's data and config folders).
    `speech_engine` replaces the system's voice: None for no voice at all, or
    an engine of game.session.speech's `Engine` kind (tests give a fake one).
    Every failure here becomes a message (`take_notices`), never an error:
    a broken disk must not stop a class.
    """

    def __init__(self, save_dir: Optional[Path] = None,
                 speech_engine: "Optional[Engine] | str" = SYSTEM_VOICE):
        from game.session.saves import SaveStore
        from game.session.settings import Settings
        self.settings: "Settings"
        self.settings, notice = Settings.load(save_dir)
        self._notices: list = [notice] if notice is not None else []
        self.saves: "SaveStore" = SaveStore(save_dir)
        self.report: "Optional[ReportFiles]" = None     # of the game that ended last
        self.loaded: "Optional[LoadedSave]" = None      # the save "Continue" opened
        self._reported: dict[int, int] = {}              # id(log) -> step reported
        self._speech_engine = speech_engine
        self._speaker: "Optional[Speaker]" = None

    # -- settings ------------------------------------------------------------------
    def remember(self, **changes) -> None:
        """Change settings and write them at once; a failure becomes a message."""
        for name, value in changes.items():
            setattr(self.settings, name, value)
        notice = self.settings.save()
        if notice is not None:
            self._notices.append(notice)
            print(f"warning: {notice.text('en')}", file=sys.stderr)

    def take_notices(self, lang: str) -> list[str]:
        """Messages waiting to be shown (broken settings, saves set aside), in
        `lang`; each is given once."""
        notices, self._notices = self._notices, []
        try:
            notices += self.saves.take_notices()
        except Exception as exc:  # a message must never stop the class
            print(f"warning: {exc}", file=sys.stderr)
        return [n.text(lang) for n in notices]

    # -- saves and reports -----------------------------------------------------------
    def game_changed(self, log: "GameLog", lang: str) -> None:
        """After every action and undo: save the game; when it is over, write its
        session report once (`self.report` names the files)."""
        pack = log.rules.pack
        try:
            self.saves.autosave(log, pack, lang)
            if log.game.over and self._reported.get(id(log)) != len(log.actions):
                self._reported[id(log)] = len(log.actions)
                self.report = self.saves.write_report(log, pack, lang)
        except Exception as exc:   # the game goes on; the store reports its own failures
            print(f"warning: {exc}", file=sys.stderr)

    def latest(self) -> "Optional[SaveInfo]":
        """The newest unfinished game, or None (also when the folder is unreadable)."""
        try:
            return self.saves.latest()
        except Exception as exc:
            print(f"warning: {exc}", file=sys.stderr)
            return None

    def resume_latest(self) -> "Optional[LoadedSave]":
        """Open the newest unfinished game with the pack it was played with.

        The result (also kept in `self.loaded`) says whether the facilitator must
        choose first (`needs_choice`) and why (`problem`); None when there is no
        game, or it was broken and set aside (a notice says so)."""
        from game.paths import SCENARIOS
        info = self.latest()
        self.loaded = self.saves.resume(info.path, SCENARIOS) if info is not None else None
        return self.loaded

    # -- read-aloud -----------------------------------------------------------------------
    @property
    def speaker(self) -> "Speaker":
        """The system's voice, found on first use so start-up never waits for it."""
        if self._speaker is None:
            from game.session.speech import Speaker
            engine = self._speech_engine
            self._speaker = Speaker() if engine == SYSTEM_VOICE else Speaker(engine)
        return self._speaker

    def stop_speaking(self) -> None:
        if self._speaker is not None:
            self._speaker.stop()

    def close(self) -> None:
        if self._speaker is not None:
            self._speaker.close()
