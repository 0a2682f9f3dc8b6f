"""report: the session report of one or more saved games.

    python run_game.py report SAVE... [--html OUT] [--csv OUT] [--lang L] [--scenarios DIR]

Rebuilds the session report (HTML and CSV, game.session.report) from saved
games; several saves, or folders of them, give one report across sessions.
Without --html and --csv both files are written here, named after the
session. Exit 0: written; 1: some save could not be read (the report is
written from the others) or none could; 2: bad command line.
"""
from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Optional

from game.args import language

NAME = "report"
HELP = "the session report of one or more saved games"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = ("Make the session report (HTML and CSV) from saved games. "
                     "Several saves give one summary across sessions.")
    p.add_argument("saves", nargs="+", metavar="SAVE",
                   help="a saved game (.json), or a folder of them")
    p.add_argument("--html", type=Path, metavar="OUT", help="write the HTML page here")
    p.add_argument("--csv", type=Path, metavar="OUT", help="write the CSV file here")
    p.add_argument("--lang", type=language,
                   help="language of the report (id, en; default: the first save's)")
    p.add_argument("--scenarios", type=Path, metavar="DIR",
                   help="where to look for packs by id (default: the game's scenarios/)")


def run(args: argparse.Namespace) -> int:
    from game.session.report_csv import write_csv
    from game.session.report_html import write_html
    files, failed = _save_files(args.saves)
    sessions, unread = _read_sessions(files, args.scenarios)
    failed += unread
    if not sessions:
        print("error: no saved game could be read; no report written", file=sys.stderr)
        return 1
    sessions.sort(key=lambda s: s.started)
    lang = args.lang or sessions[0].lang
    html_out, csv_out = args.html, args.csv
    if html_out is None and csv_out is None:
        name = _default_name(sessions)
        html_out, csv_out = Path(f"{name}.html"), Path(f"{name}.csv")
    try:
        if html_out is not None:
            write_html(sessions, lang, html_out)
            print(f"written: {html_out}")
        if csv_out is not None:
            write_csv(sessions, csv_out, lang)
            print(f"written: {csv_out}")
    except OSError as exc:
        print(f"error: cannot write the report: {exc}", file=sys.stderr)
        return 1
    journeys = sum(len(s.debrief.players) for s in sessions)
    print(f"{len(sessions)} session(s), {journeys} journey(s)", file=sys.stderr)
    return 1 if failed else 0


def _default_name(sessions: list) -> str:
    """The session's name (several: `report-<time>-<n>-sessions`), fit for a file name."""
    if len(sessions) == 1:
        name = "".join(c if c.isalnum() or c in "-_." else "-" for c in sessions[0].session)
        return name.strip(".") or "session"
    return f"report-{datetime.now():%Y%m%d-%H%M%S}-{len(sessions)}-sessions"


def _save_files(names: list[str]) -> tuple[list[Path], int]:
    """The save files named (a folder: its saves), and how many names gave none."""
    files: list[Path] = []
    failed = 0
    for raw in names:
        path = Path(raw)
        if path.is_dir():
            inner = path / "saves" if (path / "saves").is_dir() else path
            found = sorted(p for p in inner.glob("*.json") if p.is_file())
            if not found:
                print(f"{path}: error: no saved games here", file=sys.stderr)
                failed += 1
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            print(f"{path}: error: no such file or folder", file=sys.stderr)
            failed += 1
    return list(dict.fromkeys(files)), failed


def _read_sessions(files: list[Path], scenarios: Optional[Path]) -> tuple[list, int]:
    """The report sessions of `files`, and how many could not be read (each said
    on stderr). Each save's pack is looked for once: its folder, else by id
    under `scenarios` (default: the game's own)."""
    from game.localise import tr
    from game.paths import SCENARIOS
    from game.session.saves import (BrokenSave, find_pack, pack_hash, parse_save,
                                    read_session, save_info)
    scenarios = SCENARIOS if scenarios is None else scenarios
    sessions = []
    failed = 0
    packs: dict = {}
    for path in files:
        try:
            with open(path, "rb") as f:
                body = parse_save(f.read())
        except OSError as exc:
            print(f"{path}: error: cannot read: {exc}", file=sys.stderr)
            failed += 1
            continue
        except BrokenSave as exc:
            why = tr(f"why.{exc.why}", "en", ns="session")
            print(f"{path}: error: not a usable save: {why}", file=sys.stderr)
            failed += 1
            continue
        info = save_info(path, body)
        key = (info.pack_id, info.pack_path)
        if key not in packs:
            packs[key] = find_pack(info, scenarios)[0]
            if packs[key] is None:
                print(f"{path}: warning: pack {info.pack_id!r} not found; "
                      "the report shows card ids instead of their texts", file=sys.stderr)
        pack = packs[key]
        try:
            session = read_session(body, pack)
        except ValueError as exc:
            print(f"{path}: error: the game cannot be read back: {exc}", file=sys.stderr)
            failed += 1
            continue
        if pack is not None and info.pack_hash and info.pack_hash != pack_hash(pack):
            print(f"{path}: warning: pack {info.pack_id!r} has changed since this game; "
                  "texts are from the pack as it is now", file=sys.stderr)
        sessions.append(session)
    return sessions, failed
