"""The session report as CSV: one row per card played.

    session, player, turn, stage, route, card_id, choice, safe, outcome, kind

`choice` counts from 1 (the card's first choice), empty when no choice could
be taken; `safe` is true/false (empty likewise); `outcome` is the id of the
outcome the player's journey ended in (empty when unfinished) and `kind` its
kind (safe, unsafe, trafficked, unfinished). Ids, not texts: the file reads
the same in every language and without the pack.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Sequence

from game.session.files import write_atomic
from game.session.report import ReportSession

CSV_COLUMNS = ("session", "player", "turn", "stage", "route", "card_id", "choice", "safe",
               "outcome", "kind")


def write_csv(sessions: Sequence[ReportSession], path: Path) -> None:
    """Write the file to `path` at once, UTF-8 with a byte-order mark so that
    spreadsheet programs read names correctly (OSError when it cannot be written)."""
    write_atomic(path, render_csv(sessions).encode("utf-8-sig"))


def render_csv(sessions: Sequence[ReportSession]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in sessions:
        for p in s.debrief.players:
            for step in p.steps:
                writer.writerow((
                    _cell(s.session), _cell(p.name), step.turn, step.stage, step.route,
                    _cell(step.card), "" if step.choice is None else step.choice + 1,
                    "" if step.safe is None else ("true" if step.safe else "false"),
                    _cell(p.outcome or ""), p.kind))
    return out.getvalue()


def _cell(text: str) -> str:
    """A name typed by a person, made safe from spreadsheet formulas."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
