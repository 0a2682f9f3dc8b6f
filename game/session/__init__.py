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
    folders.py   other folders to save in when the save folder cannot be written
    lock.py      one game, one window: a lock on the save being played

A save that cannot be written (read-only folder, full disk) is said once, when
it starts failing (`take_save_news`, and one line on stderr); every later
action tries again, and the first save that works again is said once too.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from game.engine.log import GameLog
    from game.session.notices import Notice
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
        self.started_dir = save_dir          # --save-dir, or None for the user's folders
        chosen = self.settings.save_folder   # a folder chosen from the menu, remembered
        self.saves: "SaveStore" = SaveStore(
            save_dir if save_dir is not None or not chosen else Path(chosen))
        self.save_problem: "Optional[Notice]" = None   # why the game is not being saved
        self._save_news: list = []
        try:
            self.saves.rebuild_reports()     # a report lost to a kill, written again
        except Exception as exc:  # a message must never stop the class
            print(f"warning: {exc}", file=sys.stderr)
        self.report: "Optional[ReportFiles]" = None     # of the game that ended last
        self.loaded: "Optional[LoadedSave]" = None      # the save "Continue" opened
        self._reported: dict[int, int] = {}              # id(log) -> step reported
        self._speech_engine = speech_engine
        self._speaker: "Optional[Speaker]" = None
        self._settings_failure: "Optional[Notice]" = None  # said once until saving works

    # -- settings ------------------------------------------------------------------
    def remember(self, **changes) -> None:
        """Change settings and write them at once; a failure becomes a message."""
        for name, value in changes.items():
            setattr(self.settings, name, value)
        notice = self.settings.save()
        if notice is not None and notice != self._settings_failure:   # once, not each time
            self._settings_failure = notice
            self._notices.append(notice)
            print(f"warning: {notice.text('en')}", file=sys.stderr)
        elif notice is None:
            self._settings_failure = None

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
            self._saved(self.saves.autosave(log, pack, lang))
            if log.game.over and self._reported.get(id(log)) != len(log.actions):
                self._reported[id(log)] = len(log.actions)
                self.report = self.saves.write_report(log, pack, lang)
        except Exception as exc:   # the game goes on; the store reports its own failures
            print(f"warning: {exc}", file=sys.stderr)

    def _saved(self, problem: "Optional[Notice]") -> None:
        """Say once that saving stopped working, and once that it works again."""
        from game.session.notices import Notice
        if problem is not None:
            if self.save_problem is None:
                self._save_news.append(problem)
                print(f"warning: {problem.text('en')}", file=sys.stderr)
            self.save_problem = problem
        elif self.save_problem is not None:
            self.save_problem = None
            news = Notice("save.saved-again", {"folder": str(self.saves.folder)})
            self._save_news.append(news)
            print(f"note: {news.text('en')}", file=sys.stderr)

    def take_save_news(self) -> "list[Notice]":
        """What changed about saving since the last call: saving failed (its
        `Notice` key is save.write-failed or save.in-use-elsewhere) or works
        again (save.saved-again). Each is given once."""
        news, self._save_news = self._save_news, []
        return news

    @property
    def save_folder(self) -> Path:
        """The folder the game saves in now (its saves/ and reports/)."""
        return self.saves.root

    def folder_choices(self):
        """Folders the facilitator may save in instead (game.session.folders)."""
        from game.session.folders import folder_choices
        return folder_choices(self.save_folder, self.started_dir)

    def use_folder(self, folder: Path, log: "Optional[GameLog]" = None,
                   lang: str = "en") -> None:
        """Save in `folder` from now on (remembered), and save `log` there at once."""
        self.saves.move_to(Path(folder))
        self.remember(save_folder=str(folder))
        if log is not None:
            self.game_changed(log, lang)

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
        if self.loaded is not None and self.loaded.problem is not None \
                and self.loaded.problem.key == "save.in-use":
            print(f"warning: {self.loaded.problem.text('en')}", file=sys.stderr)
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
        self.saves.release()
        if self._speaker is not None:
            self._speaker.close()
