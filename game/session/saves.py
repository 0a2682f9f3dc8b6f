"""Autosave and resume: a game killed at any instant continues where it was.

After every action and undo, `SaveStore.autosave(log, pack, lang)` is called
(by `game.session.Session`, which the game window is given). A
save is one JSON file per game in the save folder's `saves/`, replaced
atomically each time (files.write_atomic), so a power cut, a closed lid or
`kill -9` loses at most the action under way. It holds:

    format, version          "travellers-dream-save", 1
    session, started, saved  the game's name (the file's stem) and when
    lang                     the session's language
    pack                     id, hash of the pack's files, folder, title
    names, seed, actions     what `GameLog` replays: the game itself
    over, round, step        for the title screen's "Continue"
    state                    the state reached, to check the replay against
    debrief                  the debrief so far (ids only, game.engine.debrief),
                             so that a report can be made without the pack

Loading replays the actions through the rules: a resumed game is the same
game. A save from a pack that has changed since is loaded and flagged
(`LoadedSave.pack_changed`) so the facilitator chooses; a save that is
damaged, cut short or not a save at all is renamed `<name>.broken-<time>`
beside itself and a `Notice` names it; a save made by a newer version of the
game is left as it is, with a message to update the game. Nothing here raises
for a bad file.

Each game's save has its own name (the second it started, the pack, and a
number when another game took that name: the name is claimed by creating its
`.lock` file, game.session.lock) and the game being played holds that lock, so
a second window cannot continue it (`LoadedSave.problem` "save.in-use" names
the game) and nothing writes over another window's moves. A game killed
between its last save and its report gets its report on the next start
(`rebuild_reports`).

Typical use (what `game.session.Session` does):

    store = SaveStore(options.save_dir)
    info = store.latest()                     # the newest unfinished game, or None
    loaded = store.resume(info.path, SCENARIOS)   # None: it was broken (see notices)
    ...
    store.autosave(log, pack, lang)           # after every log.apply / log.undo
    files = store.write_report(log, pack, lang)   # once the game is over
    for notice in store.take_notices(): show(notice.text(lang))

A save made before saves kept the debrief holds a `record` instead; its
report is made by replaying the game (`read_session`), which needs the pack.
"""
from __future__ import annotations

import hashlib
import json
import os
import weakref
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union

from game.localise import pick
from game.paths import PACK_FILE, pack_files
from game.session.files import (TMP_MARK, SessionPaths, remove_stale_temporaries, set_aside,
                                write_atomic)
from game.session.lock import InUse, SaveLock, claim, lock_path
from game.session.notices import Notice, error_args

if TYPE_CHECKING:  # the engine is imported when a game is saved or loaded, not at start-up
    from game.content.model import Pack
    from game.engine.log import GameLog
    from game.engine.rules import Rules
    from game.session.report import ReportSession

FORMAT = "travellers-dream-save"
VERSION = 1
MAX_BYTES = 16 * 1024 * 1024
MAX_ACTIONS = 100_000


class BrokenSave(ValueError):
    """A file that is not a usable save; `why` names what is wrong (the words are
    the `why.*` keys of localisation/session.<lang>.json)."""

    def __init__(self, why: str, detail: str = ""):
        super().__init__(f"{why}: {detail}" if detail else why)
        self.why = why


# -- the pack's fingerprint ---------------------------------------------------------

def pack_hash(pack: Union[Pack, str, os.PathLike]) -> str:
    """A hash of a pack's content: the files `game.paths.pack_files` lists
    (pack.yaml and the card files), and nothing else in its folder.

    For a pack built in code (no folder) the hash is of the pack's data."""
    from game.content.model import Pack
    if isinstance(pack, Pack):
        if not pack.path:
            return "sha256:" + hashlib.sha256(repr(pack).encode("utf-8")).hexdigest()
        folder = Path(pack.path)
    else:
        folder = Path(pack)
    digest = hashlib.sha256()
    for path in pack_files(folder):
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        name = path.relative_to(folder).as_posix().encode("utf-8")
        digest.update(b"%d:%s:%d:" % (len(name), name, len(data)))
        digest.update(data)
    return "sha256:" + digest.hexdigest()


# -- what the title screen shows, and what loading gives ------------------------------

@dataclass(frozen=True)
class SaveInfo:
    """A save's header, read without replaying the game."""
    path: Path
    session: str
    pack_id: str
    pack_hash: str
    pack_path: str
    pack_title: Mapping[str, str]
    lang: str
    names: tuple[str, ...]
    seed: int
    actions: int
    round: int
    over: bool
    started: str
    saved: str

    def title(self, lang: str) -> str:
        """The pack's title in `lang` (its id when the save has no title)."""
        return pick(self.pack_title, lang, fallback=self.pack_id)


@dataclass
class LoadedSave:
    info: SaveInfo
    log: Optional[GameLog]          # None: the game cannot be continued (see `problem`)
    pack: Optional[Pack] = None
    pack_changed: bool = False      # the pack's files differ from when it was saved
    replays_differently: bool = False  # the replay did not reach the saved state
    problem: Optional[Notice] = None   # why `log` is None, or the question to ask

    @property
    def needs_choice(self) -> bool:
        """Continue anyway or start anew: the facilitator decides (show `problem`)."""
        return self.log is not None and (self.pack_changed or self.replays_differently)


@dataclass(frozen=True)
class ReportFiles:
    html: Optional[Path]
    csv: Optional[Path]
    problem: Optional[Notice] = None

    @property
    def notice(self) -> Notice:
        """What to show at the debrief: where the report is, or why there is none."""
        return self.problem or Notice("report.written", {"html": str(self.html),
                                                         "csv": str(self.csv)})


@dataclass
class _Slot:
    path: Path
    session: str
    started: str


# -- reading -------------------------------------------------------------------------

def parse_save(data: bytes) -> dict[str, Any]:
    """The save in `data`, its header checked; BrokenSave (never anything else) if not."""
    try:
        return _parse(data)
    except BrokenSave:
        raise
    except RecursionError:
        raise BrokenSave("not-json", "nested too deeply") from None
    except Exception as exc:  # a damaged file must never take the game down
        raise BrokenSave("fields", repr(exc)) from None


def _parse(data: bytes) -> dict[str, Any]:
    if not data.strip():
        raise BrokenSave("empty")
    if len(data) > MAX_BYTES:
        raise BrokenSave("too-big")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BrokenSave("not-text") from None
    try:
        body = json.loads(text)
    except ValueError as exc:
        raise BrokenSave("not-json", str(exc)) from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise BrokenSave("foreign")
    version = body.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BrokenSave("foreign", "version")
    if version > VERSION:
        raise BrokenSave("newer", f"version {version}")
    pack = body.get("pack")
    checks = {
        "session": isinstance(body.get("session"), str),
        "started": isinstance(body.get("started"), str),
        "saved": isinstance(body.get("saved"), str),
        "lang": isinstance(body.get("lang"), str),
        "pack": isinstance(pack, dict) and all(isinstance(pack.get(k), str)
                                               for k in ("id", "hash", "path")),
        "names": isinstance(body.get("names"), list) and 1 <= len(body["names"]) <= 6
        and all(isinstance(n, str) for n in body["names"]),
        "seed": _is_int(body.get("seed")),
        "actions": isinstance(body.get("actions"), list)
        and len(body["actions"]) <= MAX_ACTIONS
        and all(isinstance(a, dict) for a in body["actions"]),
        "over": isinstance(body.get("over"), bool),
        "round": _is_int(body.get("round")),
        "state": isinstance(body.get("state"), dict),
    }
    wrong = [name for name, ok in checks.items() if not ok]
    if wrong:
        raise BrokenSave("fields", ", ".join(wrong))
    title = pack.get("title")
    if not (isinstance(title, dict) and all(isinstance(k, str) and isinstance(v, str)
                                            for k, v in title.items())):
        pack["title"] = {}
    return body


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def save_info(path: Path, body: dict[str, Any]) -> SaveInfo:
    pack = body["pack"]
    return SaveInfo(path, body["session"], pack["id"], pack["hash"], pack["path"],
                    dict(pack["title"]), body["lang"], tuple(body["names"]), body["seed"],
                    len(body["actions"]), body["round"], body["over"], body["started"],
                    body["saved"])


def replay(body: dict[str, Any], rules: Rules) -> GameLog:
    """The game in a parsed save, replayed with `rules`; ValueError if it does not replay."""
    from game.engine.log import GameLog
    try:
        return GameLog.from_json(rules, {"names": body["names"], "seed": body["seed"],
                                         "actions": body["actions"]})
    except ValueError:
        raise
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except Exception as exc:  # e.g. an action with arguments no action has
        raise ValueError(repr(exc)) from None


def read_session(body: dict[str, Any], pack: Optional[Pack] = None) -> ReportSession:
    """What the session report needs from a parsed save: the debrief it holds and
    the names, dates and pack title kept beside it. A save without a readable
    debrief (one made before saves kept it) is replayed with `pack`; ValueError
    when there is no pack to replay it with, or it does not replay."""
    from game.engine.debrief import Debrief
    from game.session.report import ReportSession
    try:
        debrief = Debrief.from_json(body.get("debrief"))
    except ValueError:
        if pack is None:
            raise
        from game.engine.rules import Rules
        debrief = replay(body, Rules(pack, board_length(body))).debrief
    saved = body["pack"]
    return ReportSession(body["session"], body["started"], body["lang"], saved["id"], debrief,
                         pack, dict(saved["title"]))


def board_length(body: dict[str, Any]) -> str:
    """The board a saved game was played on ("full" for saves that do not say)."""
    from game.engine.board import LENGTHS
    length = body.get("length")
    return length if length in LENGTHS else "full"


def report_paths(reports: Path, session: str) -> tuple[Path, Path]:
    """Where the session report of the game `session` is written (HTML, CSV)."""
    return reports / f"{session}.html", reports / f"{session}.csv"


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


# -- the store -----------------------------------------------------------------------

class SaveStore:
    """The save folder: `SaveStore(save_dir)` with `save_dir` from `--save-dir`, or
    None for the user's data folder. Saves go in `saves/`, reports in `reports/`."""

    def __init__(self, save_dir: Optional[Path] = None):
        self.paths = SessionPaths.of(save_dir)
        self.folder = self.paths.saves
        self.reports = self.paths.reports
        self.notices: list[Notice] = []
        self._slots: "weakref.WeakKeyDictionary[GameLog, _Slot]" = weakref.WeakKeyDictionary()
        self._hashes: dict[int, tuple[Pack, str]] = {}
        self._stuck: set[Path] = set()   # broken files that could not be moved aside
        self._newer: set[Path] = set()   # saves of a newer game: kept, said once
        self._lock: Optional[SaveLock] = None   # on the save of the game being played
        self._lock_for: Optional[Path] = None

    @property
    def root(self) -> Path:
        """The folder holding `saves/` and `reports/`."""
        return self.folder.parent

    def move_to(self, save_dir: Path) -> None:
        """Save from now on in `save_dir` (its `saves/` and `reports/`): the games
        being played keep their names and are written there at their next save."""
        paths = SessionPaths.of(save_dir)
        self.paths, self.folder, self.reports = paths, paths.saves, paths.reports
        for slot in self._slots.values():
            slot.path = self.folder / slot.path.name
        if self._lock is not None and self._lock_for is not None:
            self._hold(self.folder / self._lock_for.name)

    # -- one game, one window ----------------------------------------------------
    def _hold(self, path: Path, lock: Optional[SaveLock] = None) -> None:
        """Hold the lock of the save at `path` (taking it unless `lock` is given),
        letting go of any other: a window plays one game at a time. InUse when
        another running game holds it."""
        path = Path(path)
        if self._lock_for == path and self._lock is not None and self._lock.held:
            return
        if lock is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                pass
            lock = SaveLock.take(path)        # InUse passes up
        self.release()
        self._lock, self._lock_for = lock, path

    def release(self, finished: bool = False) -> None:
        """Let go of the lock (the window closes; `finished`: the game is over,
        and its lock file goes too)."""
        if self._lock is not None:
            self._lock.release(remove=finished)
        self._lock = self._lock_for = None

    # -- messages ---------------------------------------------------------------
    def take_notices(self) -> list[Notice]:
        """The messages gathered since the last call (broken saves set aside ...)."""
        notices, self.notices = self.notices, []
        return notices

    # -- writing ----------------------------------------------------------------
    def autosave(self, log: GameLog, pack: Pack, lang: str) -> Optional[Notice]:
        """Save the game in `log` now, atomically. None when saved; otherwise the
        message to show (the game goes on either way; the caller shows it, once)."""
        slot = self._slot(log, pack)
        try:
            if self._lock_for != slot.path or self._lock is None:
                self._hold(slot.path)
        except InUse:   # another window resumed this game: never write over its moves
            return Notice("save.in-use-elsewhere", {"file": str(slot.path)})
        try:
            data = self._body(log, pack, lang, slot)
            write_atomic(slot.path, data)
        except Exception as exc:  # a full disk must not stop the class
            return Notice("save.write-failed", {"file": str(slot.path), **error_args(exc)})
        if log.game.over:          # nobody continues a finished game
            self.release(finished=True)
        return None

    def path_of(self, log: GameLog) -> Optional[Path]:
        """Where `log` is saved (None before its first autosave)."""
        slot = self._slots.get(log)
        return slot.path if slot else None

    def hash_of(self, pack: Pack) -> str:
        """`pack_hash(pack)`, computed once per pack object."""
        known = self._hashes.get(id(pack))
        if known is None or known[0] is not pack:
            known = (pack, pack_hash(pack))
            self._hashes[id(pack)] = known
        return known[1]

    def _slot(self, log: GameLog, pack: Pack) -> _Slot:
        slot = self._slots.get(log)
        if slot is None:
            started = datetime.now()
            base = f"{started:%Y%m%d-%H%M%S}-{pack.id}"
            taken = {s.session for s in self._slots.values()}
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                pass
            session, n, lock = base, 1, None
            while True:
                path = self.folder / f"{session}.json"
                if session not in taken and not path.exists():
                    try:   # the name is ours once its lock file is made (another game
                        lock = claim(path)   # started this second takes the next one)
                        break
                    except (FileExistsError, InUse):
                        pass
                n += 1
                session = f"{base}-{n}"
            slot = _Slot(path, session, started.astimezone().isoformat(timespec="seconds"))
            self._slots[log] = slot
            if lock is not None:
                self._hold(path, lock)
        return slot

    def _body(self, log: GameLog, pack: Pack, lang: str, slot: _Slot) -> bytes:
        game = log.game
        digest = self.hash_of(pack)
        body = {
            "format": FORMAT, "version": VERSION,
            "session": slot.session, "started": slot.started, "saved": now_iso(),
            "lang": lang,
            "pack": {"id": pack.id, "hash": digest, "path": pack.path,
                     "title": dict(pack.title)},
            "names": list(log.names), "seed": log.seed, "length": log.rules.length,
            "over": game.over, "round": game.round, "step": game.step,
            "actions": [a.to_json() for a in log.actions],
            "state": game.to_json(),
            "debrief": log.debrief.to_json(),
        }
        # No trailing newline: every proper prefix of the file is then not JSON.
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    # -- listing -------------------------------------------------------------------
    def saves(self) -> list[SaveInfo]:
        """Every readable save, newest first; broken ones are set aside (see notices)."""
        remove_stale_temporaries(self.folder)
        try:
            entries = [e for e in os.scandir(self.folder)
                       if e.name.endswith(".json") and TMP_MARK not in e.name and e.is_file()]
        except OSError:
            return []
        stamped = []
        for entry in entries:
            try:
                stamped.append((entry.stat().st_mtime, entry.name, Path(entry.path)))
            except OSError:
                continue
        found = []
        for _mtime, _name, path in sorted(stamped, reverse=True):
            if path in self._stuck or path in self._newer:
                continue
            body = self._read(path)
            if body is not None:
                found.append(save_info(path, body))
        return found

    def latest(self) -> Optional[SaveInfo]:
        """The newest game that is not over, for "Continue" and `--resume`; or None."""
        return next((info for info in self.saves() if not info.over), None)

    def _read(self, path: Path) -> Optional[dict[str, Any]]:
        """The parsed save at `path`, or None after setting it aside."""
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_BYTES + 1)
        except OSError:
            self._set_aside(path, "unreadable")
            return None
        try:
            return parse_save(data)
        except BrokenSave as exc:
            if exc.why == "newer":       # kept as it is, for the newer game to open
                if path not in self._newer:
                    self._newer.add(path)
                    self.notices.append(Notice("save.newer", {"file": str(path)}))
                return None
            self._set_aside(path, exc.why)
            return None

    def _set_aside(self, path: Path, why: str) -> None:
        try:
            moved = set_aside(path)
        except OSError as exc:
            self._stuck.add(path)
            self.notices.append(Notice("save.broken-kept",
                                       {"file": str(path), "why": why, **error_args(exc)}))
            return
        self.notices.append(Notice("save.broken",
                                   {"file": str(path), "why": why, "moved": str(moved)}))
        try:        # its lock file goes too, unless a running game holds it
            lock = SaveLock.take(path) if lock_path(path).exists() else None
        except (InUse, OSError):
            lock = None
        if lock is not None:
            lock.release(remove=True)

    # -- loading -----------------------------------------------------------------
    def load(self, path: Path, rules: Rules) -> Optional[LoadedSave]:
        """The game saved at `path`, replayed with `rules`.

        None when the file is broken: it has been set aside and a notice says so.
        Otherwise a `LoadedSave`: `.log` is the game (None if it cannot be continued
        with this pack: `.problem` says why), `.needs_choice` when the pack changed."""
        path = Path(path)
        body = self._read(path)
        if body is None:
            return None
        info = save_info(path, body)
        pack = rules.pack
        try:
            if not info.over:       # a finished game is not continued: no lock
                self._hold(path)
        except InUse:
            return LoadedSave(info, None, pack, problem=in_use(info))
        if info.pack_id != pack.id:
            return LoadedSave(info, None, pack, problem=Notice(
                "save.other-pack", {"file": str(path), "saved": info.pack_id, "pack": pack.id}))
        changed = info.pack_hash != self.hash_of(pack)
        try:
            log = replay(body, rules)
        except ValueError as exc:
            if changed:
                return LoadedSave(info, None, pack, pack_changed=True, problem=Notice(
                    "save.does-not-replay",
                    {"file": str(path),
                     "pack": pick(pack.title, info.lang, pack.languages, pack.id),
                     "why": "replay", "detail": str(exc)}))
            self._set_aside(path, "replay")
            return None
        differs = log.game.to_json() != body["state"]
        problem = None
        if changed:
            problem = Notice("save.pack-changed", {
                "pack": pick(pack.title, info.lang, pack.languages, pack.id), "file": str(path)})
        elif differs:
            problem = Notice("save.replays-differently", {"file": str(path)})
        self._slots[log] = _Slot(path, info.session, info.started)
        return LoadedSave(info, log, pack, changed, differs, problem)

    def resume(self, path: Path, scenarios_dir: Path) -> Optional[LoadedSave]:
        """Like `load`, finding the pack itself: the folder the save names, else the
        pack of that id under `scenarios_dir`. `.log` is None when the pack cannot be
        found or has errors (`.problem` says which)."""
        path = Path(path)
        body = self._read(path)
        if body is None:
            return None
        info = save_info(path, body)
        try:
            if not info.over:        # another window plays it: say so before all else
                self._hold(path)
        except InUse:
            return LoadedSave(info, None, None, problem=in_use(info))
        pack, problem = find_pack(info, scenarios_dir)
        if pack is None:
            return LoadedSave(info, None, None, problem=problem)
        from game.engine.rules import Rules
        return self.load(path, Rules(pack, board_length(body)))

    def rebuild_reports(self) -> list[Notice]:
        """Write the report of every finished game whose report is missing (the
        game was killed between its last save and its report): from the debrief
        the save keeps. A message for each report written again."""
        from game.session.report_csv import write_csv
        from game.session.report_html import write_html
        done = []
        for info in self.saves():
            if not info.over:
                continue
            html_path, csv_path = report_paths(self.reports, info.session)
            if html_path.exists() and csv_path.exists():
                continue
            body = self._read(info.path)
            if body is None:
                continue
            try:
                session = read_session(body, self._pack_for(info))
                if not html_path.exists():
                    write_html([session], body["lang"], html_path)
                if not csv_path.exists():
                    write_csv([session], csv_path, body["lang"])
            except Exception as exc:   # an old save without its debrief, a full disk ...
                self.notices.append(Notice("report.write-failed", {
                    "folder": str(self.reports), "error": f"{info.path.name}: {exc}"}))
                continue
            done.append(Notice("report.rebuilt", {"html": str(html_path)}))
        self.notices += done
        return done

    @staticmethod
    def _pack_for(info: SaveInfo) -> Optional[Pack]:
        """The pack of a save, for the words of its report (None: ids are shown)."""
        from game.paths import SCENARIOS
        try:
            return find_pack(info, SCENARIOS)[0]
        except Exception:
            return None

    def resume_latest(self, scenarios_dir: Path) -> Optional[LoadedSave]:
        """`--resume`: the newest unfinished game, or None when there is none."""
        info = self.latest()
        return self.resume(info.path, scenarios_dir) if info else None

    # -- the session report ----------------------------------------------------------
    def write_report(self, log: GameLog, pack: Pack, lang: str) -> ReportFiles:
        """Write the session report of `log` (HTML and CSV) to the reports folder,
        named after the game's save. Never raises: `.problem` says what failed."""
        from game.session.report import ReportSession
        from game.session.report_csv import write_csv
        from game.session.report_html import write_html
        slot = self._slot(log, pack)
        html_path, csv_path = report_paths(self.reports, slot.session)
        try:
            session = ReportSession(slot.session, slot.started, lang, pack.id, log.debrief,
                                    pack, dict(pack.title))
            write_html([session], lang, html_path)
            write_csv([session], csv_path, lang)
        except Exception as exc:
            notice = Notice("report.write-failed", {"folder": str(self.reports),
                                                    **error_args(exc)})
            self.notices.append(notice)
            return ReportFiles(None, None, notice)
        return ReportFiles(html_path, csv_path)


def in_use(info: SaveInfo) -> Notice:
    """The message for a game another window is playing: which game it is."""
    names = ", ".join(n for n in info.names if n) or str(len(info.names))
    return Notice("save.in-use", {"file": str(info.path), "pack": info.title(info.lang),
                                  "names": names, "started": info.started[:16].replace("T", " "),
                                  "round": str(info.round)})


def find_pack(info: SaveInfo, scenarios_dir: Optional[Path]) -> tuple[Optional[Pack],
                                                                     Optional[Notice]]:
    """The pack a save was played with: its folder if still there, else by id."""
    from game.content.validate import load_pack, resolve_pack
    candidates = []
    if info.pack_path and (Path(info.pack_path) / PACK_FILE).is_file():
        candidates.append(Path(info.pack_path))
    if scenarios_dir is not None:
        by_id = resolve_pack(info.pack_id, Path(scenarios_dir))
        if by_id is not None:
            candidates.append(by_id)
    problem = Notice("save.no-pack", {"pack": info.pack_id, "file": str(info.path)})
    for folder in candidates:
        try:
            result = load_pack(folder)
        except Exception as exc:  # the loader should not raise; a save must not crash
            result = None
            problem = Notice("save.pack-errors", {"pack": info.pack_id, "file": str(info.path),
                                                  "path": f"{folder} ({exc})"})
        if result is None:
            continue
        if result.pack is None or result.errors:
            problem = Notice("save.pack-errors", {"pack": info.pack_id, "file": str(info.path),
                                                  "path": str(folder)})
            continue
        if result.pack.id == info.pack_id:
            return result.pack, None
    return None, problem
