"""The session report as CSV: one row per card played.

    session, player, turn, stage, route, card_id, choice, safe, outcome, kind,
    choice_kind, assisted, card_title, choice_text

`choice` counts from 1 (the card's first choice), empty when no choice could
be taken; `safe` is true/false (empty likewise); `outcome` is the id of the
outcome the player's journey ended in (empty when unfinished) and `kind` its
kind (safe, unsafe, trafficked, unfinished). `choice_kind` says what the
choice was: safe, unsafe, or coerced (done to the player under threat, never
their mistake); `assisted` is true for a journey trafficked, then assisted.
`card_title` and `choice_text` are the pack's texts in the report's language
(the ids when the pack is not at hand).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Sequence

from game.session.files import write_atomic
from game.session.report import ReportSession, ReportTexts

CSV_COLUMNS = ("session", "player", "turn", "stage", "route", "card_id", "choice", "safe",
               "outcome", "kind", "choice_kind", "assisted", "card_title", "choice_text")


def write_csv(sessions: Sequence[ReportSession], path: Path, lang: str = "") -> None:
    """Write the file to `path` at once, UTF-8 with a byte-order mark so that
    spreadsheet programs read names correctly (OSError when it cannot be written).
    Texts are in `lang` (default: each session's own language)."""
    write_atomic(path, render_csv(sessions, lang).encode("utf-8-sig"))


def render_csv(sessions: Sequence[ReportSession], lang: str = "") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in sessions:
        texts = ReportTexts(s, lang or s.lang)
        for p in s.debrief.players:
            for step in p.steps:
                label = "" if step.choice is None else texts.choice_label(step.card, step.choice)
                writer.writerow((
                    _cell(s.session), _cell(p.name), step.turn, step.stage, step.route,
                    _cell(step.card), "" if step.choice is None else step.choice + 1,
                    "" if step.safe is None else ("true" if step.safe else "false"),
                    _cell(p.outcome or ""), p.kind, texts.choice_kind(step),
                    "true" if p.assisted else "false",
                    _cell(texts.card_title(step.card)), _cell(label)))
    return out.getvalue()


def _cell(text: str) -> str:
    """A name typed by a person, made safe from spreadsheet formulas."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
