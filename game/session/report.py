"""The session report: one self-contained HTML page and one CSV file, made
from the debrief of one or more sessions.

    report.py        what a report is made of: `ReportSession`
    report_html.py   the page: class summary, each player's journey, where to get help
    report_csv.py    one row per card played, for spreadsheets
    report.css       the page's style, put inline (the page needs no other file)

`SaveStore.write_report` writes the report of the game just played;
`run_game.py report SAVE...` (game/commands/report.py) makes one from saves.

Each session is its debrief (ids only, `game.engine.debrief`) plus what the
save keeps beside it: the session's name, when it started, its language and
the pack's id and title. With the pack at hand the report shows the pack's
texts; without it, the ids. Several sessions give one report: the summary
counts every session, then each session's players follow.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Optional

if TYPE_CHECKING:
    from game.content.model import Pack
    from game.engine.debrief import Debrief


@dataclass(frozen=True)
class ReportSession:
    """One session for the report."""
    session: str                    # the session's name: its save file's stem
    started: str                    # ISO 8601 local time
    lang: str                       # the language it was played in
    pack_id: str
    debrief: Debrief
    pack: Optional[Pack] = None     # None: cards and outcomes are shown by their ids
    pack_title: Mapping[str, str] = field(default_factory=dict)  # as saved, for when `pack` is None
