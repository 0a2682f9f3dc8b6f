"""The session report: one self-contained HTML page and one CSV file.

The HTML page has no external files (inline CSS, no fonts, scripts or images
from elsewhere), prints on A4, and is in the session's language. For the
class: how many journeys ended safe, unsafe, trafficked (or unfinished), the
unsafe choices most taken with the safe choice beside each, and the
discussion questions of the cards played. For each player: the outcome
(with act, means and purpose when trafficked), money, debt and documents, and
the timeline of cards and choices, safe ones marked. Then the pack's help
contacts.

The CSV has one row per card played:

    session, player, turn, stage, route, card_id, choice, safe, outcome, kind

`choice` counts from 1 (the card's first choice), empty when no choice could
be taken; `safe` is true/false (empty likewise); `outcome` is the id of the
outcome the player's journey ended in (empty when unfinished) and `kind` its
kind (safe, unsafe, trafficked, unfinished). UTF-8 with a byte-order mark,
so that spreadsheet programs read names correctly.

Several sessions (`run_game.py report SAVE...`) give one report: the summary
counts every session, then each session's players follow.
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Iterable, Optional, Sequence

from game.content.model import STAGES, Pack, pick
from game.session.files import write_atomic
from game.session.record import KINDS, PlayerRecord, SessionRecord, StepRecord
from game.session.strings import language, say

CSV_COLUMNS = ("session", "player", "turn", "stage", "route", "card_id", "choice", "safe",
               "outcome", "kind")
TOP_UNSAFE = 10


@dataclass(frozen=True)
class ReportSession:
    """One session for the report: its record and, if at hand, the pack it used
    (without it, cards and outcomes are shown by their ids)."""
    record: SessionRecord
    pack: Optional[Pack] = None


# -- writing ------------------------------------------------------------------------

def write_report(sessions: Sequence[ReportSession], folder: Path, lang: str,
                 name: Optional[str] = None) -> tuple[Path, Path]:
    """Write `<name>.html` and `<name>.csv` into `folder`; their paths.

    `name` defaults to the session's name (several: `report-<time>`). OSError
    when the folder cannot be written."""
    if not sessions:
        raise ValueError("a report needs at least one session")
    name = name or default_name(sessions)
    folder = Path(folder)
    html_path, csv_path = folder / f"{name}.html", folder / f"{name}.csv"
    write_atomic(html_path, render_html(sessions, lang).encode("utf-8"))
    write_atomic(csv_path, render_csv(sessions).encode("utf-8-sig"))
    return html_path, csv_path


def default_name(sessions: Sequence[ReportSession]) -> str:
    if len(sessions) == 1:
        return _safe_name(sessions[0].record.session) or "session"
    return f"report-{datetime.now():%Y%m%d-%H%M%S}-{len(sessions)}-sessions"


def _safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in name).strip(".")


# -- CSV -----------------------------------------------------------------------------

def render_csv(sessions: Sequence[ReportSession]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in sessions:
        for p in s.record.players:
            for step in p.steps:
                writer.writerow((
                    _cell(s.record.session), _cell(p.name), step.turn, step.stage, step.route,
                    _cell(step.card), "" if step.choice is None else step.choice + 1,
                    "" if step.safe is None else ("true" if step.safe else "false"),
                    _cell(p.outcome or ""), p.kind))
    return out.getvalue()


def _cell(text: str) -> str:
    """A name typed by a person, made safe from spreadsheet formulas."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# -- looking texts up in a pack (ids when it is not at hand) -------------------------

class _Texts:
    def __init__(self, pack: Optional[Pack], lang: str):
        self.pack, self.lang = pack, lang
        self.cards = {c.id: c for c in pack.cards} if pack else {}
        self.outcomes = {o.id: o for o in pack.outcomes} if pack else {}
        self.documents = {d.id: d for d in pack.documents} if pack else {}
        self.contacts = {c.id: c for c in pack.contacts} if pack else {}

    def t(self, text, fallback: str = "") -> str:
        return pick(text, self.lang, fallback)

    def pack_title(self, pack_id: str) -> str:
        return self.t(self.pack.title, pack_id) if self.pack else pack_id

    def card_title(self, card_id: str) -> str:
        card = self.cards.get(card_id)
        return self.t(card.title, card_id) if card else card_id

    def choice_label(self, card_id: str, index: int) -> str:
        card = self.cards.get(card_id)
        if card and 0 <= index < len(card.choices):
            return self.t(card.choices[index].label, f"{index + 1}")
        return f"{say('report.choice', self.lang)} {index + 1}"

    def safe_labels(self, card_id: str, safe_choices: Sequence[int]) -> list[str]:
        card = self.cards.get(card_id)
        if card:
            safe_choices = [i for i, c in enumerate(card.choices) if c.safe]
        return [self.choice_label(card_id, i) for i in safe_choices]

    def discuss(self, card_id: str) -> str:
        card = self.cards.get(card_id)
        return self.t(card.discuss) if card and card.discuss else ""

    def document(self, doc_id: str) -> str:
        doc = self.documents.get(doc_id)
        return self.t(doc.name, doc_id) if doc else doc_id

    def contact(self, contact_id: str) -> str:
        contact = self.contacts.get(contact_id)
        return self.t(contact.name, contact_id) if contact else contact_id


# -- HTML ------------------------------------------------------------------------------

def render_html(sessions: Sequence[ReportSession], lang: str,
                made: Optional[datetime] = None) -> str:
    """The report page, every pack text and name escaped."""
    lang_code = language(lang)
    made = made or datetime.now()
    texts = {id(s): _Texts(s.pack, lang) for s in sessions}
    many = len(sessions) > 1

    def S(key: str, **args) -> str:
        return escape(say(key, lang, **args))

    title = S("report.title-many", n=len(sessions)) if many else S("report.title")
    parts = [f"<!DOCTYPE html>\n<html lang=\"{escape(lang_code)}\">\n<head>\n"
             "<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             f"<title>{title} \u2014 {S('game')}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"]

    # -- the cover ----------------------------------------------------------------
    packs = list(dict.fromkeys(texts[id(s)].pack_title(s.record.pack_id) for s in sessions))
    facts = [(S("report.pack"), ", ".join(escape(p) for p in packs))]
    if many:
        facts.append((S("report.sessions"), str(len(sessions))))
    else:
        record = sessions[0].record
        facts.append((S("report.started"), escape(_date(record.started, lang))))
        facts.append((S("report.players"),
                      ", ".join(escape(p.name) for p in record.players)))
    facts.append(("", S("report.made", date=_date(made, lang))))
    parts.append("<header class=\"cover\">\n"
                 f"<p class=\"brand\">{S('game')}</p>\n<h1>{title}</h1>\n<dl class=\"facts\">")
    for label, value in facts:
        parts.append(f"<div><dt>{label}</dt><dd>{value}</dd></div>" if label
                     else f"<div class=\"made\"><dd>{value}</dd></div>")
    parts.append("</dl>\n")
    if not many:
        parts.append(_session_note(sessions[0].record, lang))
    parts.append("</header>\n")

    # -- the class summary ----------------------------------------------------------
    parts.append(_summary(sessions, texts, lang, many))

    # -- each player -------------------------------------------------------------------
    parts.append(f"<section class=\"journeys\">\n<h2>{S('report.player-journeys')}</h2>\n")
    for s in sorted(sessions, key=lambda s: s.record.started) if many else sessions:
        tx = texts[id(s)]
        if many:
            r = s.record
            parts.append(
                f"<h3 class=\"session\">{S('report.session')}: {escape(_date(r.started, lang))}"
                f" \u00b7 {escape(tx.pack_title(r.pack_id))}"
                f" <span class=\"session-id\">{escape(r.session)}</span></h3>\n")
            parts.append(_session_note(r, lang))
        for p in s.record.players:
            parts.append(_player(p, tx, lang))
    parts.append("</section>\n")

    # -- where to get help ------------------------------------------------------------
    helps = []
    seen_packs = set()
    for s in sessions:
        if s.pack is None or s.pack.id in seen_packs:
            continue
        seen_packs.add(s.pack.id)
        tx = texts[id(s)]
        for c in s.pack.contacts:
            helps.append(f"<li><strong>{escape(tx.t(c.name, c.id))}</strong>"
                         f"<span>{escape(tx.t(c.detail))}</span></li>")
    if helps:
        parts.append(f"<section class=\"help\">\n<h2>{S('report.help')}</h2>\n"
                     f"<ul class=\"contacts\">{''.join(helps)}</ul>\n</section>\n")
    parts.append(f"<footer><p>{S('report.footer')}</p></footer>\n</body>\n</html>\n")
    return "".join(parts)


def _session_note(record: SessionRecord, lang: str) -> str:
    if record.stopped:
        return f"<p class=\"note\">{escape(say('report.stopped', lang))}</p>\n"
    if not record.over:
        return f"<p class=\"note\">{escape(say('report.not-over', lang))}</p>\n"
    return ""


def _summary(sessions: Sequence[ReportSession], texts: dict, lang: str, many: bool) -> str:
    def S(key: str, **args) -> str:
        return escape(say(key, lang, **args))

    players = [p for s in sessions for p in s.record.players]
    kinds = Counter({k: 0 for k in KINDS})
    kinds.update(p.kind for p in players)
    total = len(players)
    assisted = sum(1 for p in players if p.kind == "trafficked" and p.assisted_by)
    out = [f"<section class=\"summary\">\n<h2>{S('report.summary-many' if many else 'report.summary')}"
           f"</h2>\n<div class=\"tiles\">"]
    for kind in KINDS:
        if kind == "unfinished" and not kinds[kind]:
            continue
        out.append(f"<div class=\"tile {kind}\"><span class=\"count\">{kinds[kind]}</span>"
                   f"<span class=\"label\">{S('kind.' + kind)}</span></div>")
    out.append("</div>\n")
    if total:
        out.append("<div class=\"bar\" aria-hidden=\"true\">")
        for kind in KINDS:
            if kinds[kind]:
                out.append(f"<span class=\"{kind}\" style=\"width:{100 * kinds[kind] / total:.3f}%\">"
                           "</span>")
        out.append("</div>\n")
    out.append(f"<p class=\"lead\">{S('report.ended-safe', safe=kinds['safe'], total=total)}")
    if assisted:
        out.append(f" {S('report.assisted', n=assisted)}")
    out.append("</p>\n")

    # The unsafe choices most taken, each with the safe choice of that card.
    unsafe: Counter = Counter()
    where: dict[tuple, tuple[_Texts, StepRecord]] = {}
    for s in sessions:
        for p in s.record.players:
            for step in p.steps:
                if step.safe is False and step.choice is not None:
                    key = (s.record.pack_id, step.card, step.choice)
                    unsafe[key] += 1
                    if key not in where or (where[key][0].pack is None and s.pack is not None):
                        where[key] = (texts[id(s)], step)
    out.append(f"<h3>{S('report.unsafe-most')}</h3>\n")
    if unsafe:
        stage_of = {stage: i for i, stage in enumerate(STAGES)}
        ranked = sorted(unsafe.items(), key=lambda kv: (
            -kv[1], stage_of.get(where[kv[0]][1].stage, 9), kv[0]))[:TOP_UNSAFE]
        out.append(f"<table class=\"unsafe\"><thead><tr><th class=\"n\">{S('report.times')}</th>"
                   f"<th>{S('report.card')}</th><th>{S('report.choice')}</th>"
                   f"<th>{S('report.safe-was')}</th></tr></thead><tbody>")
        for (pack_id, card, choice), n in ranked:
            tx, step = where[(pack_id, card, choice)]
            safe = tx.safe_labels(card, step.safe_choices)
            out.append(
                f"<tr><td class=\"n\">{n}\u00d7</td>"
                f"<td><span class=\"stage\">{escape(_stage(step.stage, lang))}</span>"
                f"{escape(tx.card_title(card))}</td>"
                f"<td class=\"took\"><span class=\"mark unsafe\">\u2717</span> "
                f"{escape(tx.choice_label(card, choice))}</td>"
                f"<td class=\"safe-was\">{_safe_list(safe)}</td></tr>")
        out.append("</tbody></table>\n")
    else:
        out.append(f"<p>{S('report.no-unsafe')}</p>\n")

    # The discussion questions of the cards played, stage by stage.
    questions: dict[tuple, tuple] = {}
    for s in sessions:
        tx = texts[id(s)]
        for p in s.record.players:
            for step in p.steps:
                key = (s.record.pack_id, step.card)
                question = tx.discuss(step.card)
                if question:
                    order = (STAGES.index(step.stage) if step.stage in STAGES else 9,
                             step.turn, p.player)
                    if key not in questions or order < questions[key][0]:
                        questions[key] = (order, tx.card_title(step.card), question, step.stage)
    out.append(f"<h3>{S('report.discussion')}</h3>\n")
    if questions:
        out.append("<ol class=\"discussion\">")
        for _order, card_title, question, stage in sorted(questions.values(),
                                                          key=lambda v: v[0]):
            out.append(f"<li><span class=\"stage\">{escape(_stage(stage, lang))}</span>"
                       f"<span class=\"card\">{escape(card_title)}</span>"
                       f"<span class=\"q\">{escape(question)}</span></li>")
        out.append("</ol>\n")
    else:
        out.append(f"<p>{S('report.no-discussion')}</p>\n")
    out.append("</section>\n")
    return "".join(out)


def _player(p: PlayerRecord, tx: _Texts, lang: str) -> str:
    def S(key: str, **args) -> str:
        return escape(say(key, lang, **args))

    outcome = tx.outcomes.get(p.outcome) if p.outcome else None
    out = [f"<article class=\"player {p.kind}\">\n<header><h4>{escape(p.name)}</h4>"
           f"<span class=\"badge {p.kind}\">{S('kind.' + p.kind)}</span></header>\n"]
    if p.outcome:
        title = tx.t(outcome.title, p.outcome) if outcome else p.outcome
        out.append(f"<p class=\"outcome\"><strong>{escape(title)}</strong>")
        if p.ended == "max-turns":
            out.append(f" \u2014 {S('ended.max-turns')}")
        elif p.ended == "risk":
            out.append(f" \u2014 {S('ended.risk')}")
        out.append("</p>\n")
        if outcome:
            out.append(f"<p class=\"debrief\">{escape(tx.t(outcome.debrief))}</p>\n")
    else:
        why = {"left": "ended.left", "stopped": "ended.stopped"}.get(p.ended or "",
                                                                    "ended.on-the-way")
        out.append(f"<p class=\"outcome\">{S(why)}</p>\n")
    if outcome and outcome.elements:
        e = outcome.elements
        out.append(f"<div class=\"elements\"><p class=\"el-title\">{S('report.elements')}</p>"
                   f"<dl><div><dt>{S('report.act')}</dt><dd>{escape(tx.t(e.act))}</dd></div>"
                   f"<div><dt>{S('report.means')}</dt><dd>{escape(tx.t(e.means))}</dd></div>"
                   f"<div><dt>{S('report.purpose')}</dt><dd>{escape(tx.t(e.purpose))}</dd>"
                   "</div></dl></div>\n")
    if p.assisted_by:
        out.append(f"<p class=\"assisted\">{S('report.assisted-by', contact=tx.contact(p.assisted_by))}"
                   "</p>\n")
    none = S("report.none")
    documents = ", ".join(escape(tx.document(d)) for d in p.documents) or none
    contacts = ", ".join(escape(tx.contact(c)) for c in p.contacts) or none
    out.append(
        "<dl class=\"stats\">"
        f"<div><dt>{S('report.money')}</dt><dd>{escape(_money(p.money, lang))}</dd></div>"
        f"<div><dt>{S('report.debt')}</dt><dd>{escape(_money(p.debt, lang))}</dd></div>"
        f"<div><dt>{S('report.risk')}</dt><dd>{p.risk}/10</dd></div>"
        f"<div><dt>{S('report.route-at-end')}</dt><dd>{escape(_route(p.route, lang))}</dd></div>"
        f"<div class=\"wide\"><dt>{S('report.documents')}</dt><dd>{documents}</dd></div>"
        f"<div class=\"wide\"><dt>{S('report.contacts')}</dt><dd>{contacts}</dd></div>"
        "</dl>\n")
    out.append(f"<h5>{S('report.timeline')} <span class=\"turns\">"
               f"({S('report.turns', n=p.turns)})</span></h5>\n")
    if not p.steps:
        out.append(f"<p class=\"empty\">{S('report.no-cards')}</p>\n")
    else:
        out.append(f"<table class=\"timeline\"><thead><tr><th class=\"n\">{S('report.turn')}</th>"
                   f"<th>{S('report.stage')}</th><th>{S('report.card')}</th>"
                   f"<th>{S('report.choice')}</th></tr></thead><tbody>")
        for step in p.steps:
            out.append(_step_row(step, tx, lang))
        out.append("</tbody></table>\n")
    out.append("</article>\n")
    return "".join(out)


def _step_row(step: StepRecord, tx: _Texts, lang: str) -> str:
    route = " irregular" if step.route == "irregular" else ""
    stage = escape(_stage(step.stage, lang))
    if step.route == "irregular":
        stage += f"<span class=\"route\">{escape(_route(step.route, lang))}</span>"
    if step.choice is None:
        cls, choice = "none", f"<span class=\"muted\">{escape(say('report.no-choice', lang))}</span>"
    elif step.safe:
        cls = "safe"
        choice = (f"<span class=\"mark safe\" title=\"{escape(say('report.safe-mark', lang))}\">"
                  f"\u2713</span> {escape(tx.choice_label(step.card, step.choice))}"
                  f" <span class=\"tag safe\">{escape(say('report.safe-mark', lang))}</span>")
    else:
        cls = "unsafe"
        safe = tx.safe_labels(step.card, step.safe_choices)
        choice = (f"<span class=\"mark unsafe\" title=\"{escape(say('report.unsafe-mark', lang))}\">"
                  f"\u2717</span> {escape(tx.choice_label(step.card, step.choice))}"
                  f" <span class=\"tag unsafe\">{escape(say('report.unsafe-mark', lang))}</span>")
        if safe:
            choice += (f"<div class=\"safe-was\">{escape(say('report.safe-was', lang))}: "
                       f"{_safe_list(safe)}</div>")
    return (f"<tr class=\"{cls}{route}\"><td class=\"n\">{step.turn}</td><td>{stage}</td>"
            f"<td>{escape(tx.card_title(step.card))}</td><td>{choice}</td></tr>")


def _safe_list(labels: Iterable[str]) -> str:
    return " / ".join(f"<span class=\"mark safe\">\u2713</span> {escape(label)}"
                      for label in labels)


# -- formatting ------------------------------------------------------------------------

_MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def _date(when, lang: str) -> str:
    """`1 Mei 2025, 14.03` / `1 May 2025, 14:03`; an unreadable date as it is."""
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when)
        except ValueError:
            return when
    lang = language(lang)
    month = _MONTHS.get(lang, _MONTHS["en"])[when.month - 1]
    sep = "." if lang == "id" else ":"
    return f"{when.day} {month} {when.year}, {when.hour:02d}{sep}{when.minute:02d}"


def _money(amount: int, lang: str) -> str:
    """Game money is in thousands of rupiah: 1500 -> `Rp 1.500.000`."""
    text = f"{amount * 1000:,}"
    if language(lang) == "id":
        text = text.replace(",", ".")
    return f"Rp {text}"


def _stage(stage: str, lang: str) -> str:
    return say(f"stage.{stage}", lang) if stage in STAGES else stage


def _route(route: str, lang: str) -> str:
    return say(f"route.{route}", lang) if route in ("regular", "irregular") else route


CSS = """
:root { --safe:#1e7b34; --safe-bg:#e3f4e6; --unsafe:#a55a00; --unsafe-bg:#fdf0dc;
  --traf:#b3261e; --traf-bg:#fbe4e2; --unf:#5f6368; --unf-bg:#eceff1; --ink:#1d2327;
  --muted:#5b6670; --line:#d5dbe0; --accent:#0b5c7a; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 3rem; color: var(--ink);
  font: 17px/1.5 "Segoe UI", "Noto Sans", "DejaVu Sans", Roboto, Helvetica, Arial, sans-serif;
  background: #fff; }
h1, h2, h3, h4, h5 { line-height: 1.2; margin: 0; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .9rem; padding-bottom: .35rem;
  border-bottom: 3px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .6rem; }
h5 { font-size: .95rem; margin: 1rem 0 .4rem; color: var(--muted); text-transform: uppercase;
  letter-spacing: .04em; }
.cover { border-bottom: 1px solid var(--line); padding-bottom: 1rem; }
.brand { margin: 0 0 .2rem; color: var(--accent); font-weight: 700; letter-spacing: .06em;
  text-transform: uppercase; font-size: .85rem; }
h1 { font-size: 2.1rem; margin-bottom: .8rem; }
.facts { display: flex; flex-wrap: wrap; gap: .4rem 2rem; margin: 0; }
.facts div { display: flex; gap: .5rem; }
.facts dt { color: var(--muted); }
.facts dt::after { content: ":"; }
.facts dd { margin: 0; font-weight: 600; }
.facts .made dd { font-weight: 400; color: var(--muted); }
.note { margin: .8rem 0 0; padding: .5rem .8rem; background: var(--unf-bg);
  border-left: 4px solid var(--unf); }
.tiles { display: flex; gap: .75rem; flex-wrap: wrap; }
.tile { flex: 1 1 8rem; border-radius: .6rem; padding: .7rem 1rem; border: 2px solid;
  display: flex; flex-direction: column; }
.tile .count { font-size: 2.2rem; font-weight: 800; line-height: 1; }
.tile .label { font-weight: 600; margin-top: .25rem; }
.tile.safe { color: var(--safe); background: var(--safe-bg); }
.tile.unsafe { color: var(--unsafe); background: var(--unsafe-bg); }
.tile.trafficked { color: var(--traf); background: var(--traf-bg); }
.tile.unfinished { color: var(--unf); background: var(--unf-bg); }
.bar { display: flex; height: .8rem; border-radius: .4rem; overflow: hidden; margin: .9rem 0 .5rem;
  background: var(--unf-bg); }
.bar span { display: block; height: 100%; }
.bar .safe { background: var(--safe); } .bar .unsafe { background: var(--unsafe); }
.bar .trafficked { background: var(--traf); } .bar .unfinished { background: var(--unf); }
.lead { font-size: 1.1rem; font-weight: 600; margin: .4rem 0 0; }
table { width: 100%; border-collapse: collapse; font-size: .95rem; }
th { text-align: left; color: var(--muted); font-weight: 600; font-size: .8rem;
  text-transform: uppercase; letter-spacing: .04em; border-bottom: 2px solid var(--line);
  padding: .35rem .5rem; }
td { padding: .45rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n, th.n { width: 3.5rem; text-align: right; white-space: nowrap; }
td.n { font-variant-numeric: tabular-nums; color: var(--muted); }
table.unsafe td.n { color: var(--unsafe); font-weight: 800; font-size: 1.05rem; }
.stage { display: block; font-size: .75rem; color: var(--muted); text-transform: uppercase;
  letter-spacing: .04em; }
.route { display: block; font-size: .75rem; color: var(--traf); }
.mark { font-weight: 800; }
.mark.safe { color: var(--safe); } .mark.unsafe { color: var(--traf); }
.tag { font-size: .72rem; font-weight: 700; padding: .05rem .4rem; border-radius: .7rem;
  white-space: nowrap; text-transform: uppercase; letter-spacing: .03em; }
.tag.safe { background: var(--safe-bg); color: var(--safe); }
.tag.unsafe { background: var(--unsafe-bg); color: var(--unsafe); }
.safe-was { color: var(--safe); font-size: .9rem; margin-top: .2rem; }
td.safe-was { margin: 0; }
tr.unsafe td { background: #fffaf2; }
.muted { color: var(--muted); font-style: italic; }
ol.discussion { padding-left: 1.6rem; margin: 0; }
ol.discussion li { margin: 0 0 .7rem; padding-left: .3rem; }
ol.discussion .card { display: block; font-weight: 700; }
ol.discussion .q { display: block; font-size: 1.05rem; }
h3.session { margin-top: 2rem; padding: .5rem .8rem; background: #eef5f8; border-radius: .4rem; }
.session-id { font-weight: 400; font-size: .8rem; color: var(--muted); margin-left: .5rem; }
article.player { border: 1px solid var(--line); border-left: 8px solid var(--unf);
  border-radius: .5rem; padding: 1rem 1.2rem; margin: 1rem 0 1.4rem; }
article.player.safe { border-left-color: var(--safe); }
article.player.unsafe { border-left-color: var(--unsafe); }
article.player.trafficked { border-left-color: var(--traf); }
article.player > header { display: flex; align-items: center; gap: .8rem; flex-wrap: wrap; }
h4 { font-size: 1.4rem; }
.badge { font-weight: 700; font-size: .85rem; padding: .15rem .7rem; border-radius: 1rem; }
.badge.safe { background: var(--safe-bg); color: var(--safe); }
.badge.unsafe { background: var(--unsafe-bg); color: var(--unsafe); }
.badge.trafficked { background: var(--traf-bg); color: var(--traf); }
.badge.unfinished { background: var(--unf-bg); color: var(--unf); }
.outcome { margin: .6rem 0 .2rem; font-size: 1.05rem; }
.debrief { margin: 0 0 .6rem; }
.elements { background: var(--traf-bg); border-radius: .4rem; padding: .6rem .9rem; margin: .6rem 0; }
.el-title { margin: 0 0 .4rem; font-weight: 700; color: var(--traf); }
.elements dl { margin: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: .5rem 1rem; }
.elements dt { font-weight: 700; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em;
  color: var(--traf); }
.elements dd { margin: 0; font-size: .93rem; }
.assisted { margin: .4rem 0; padding: .4rem .8rem; background: var(--safe-bg); color: var(--safe);
  border-radius: .4rem; font-weight: 600; }
.stats { display: grid; grid-template-columns: repeat(4, 1fr); gap: .4rem 1rem; margin: .8rem 0 0; }
.stats div { background: #f5f7f8; border-radius: .35rem; padding: .35rem .6rem; }
.stats .wide { grid-column: span 2; }
.stats dt { font-size: .75rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.stats dd { margin: 0; font-weight: 600; }
.turns { text-transform: none; letter-spacing: 0; font-weight: 400; }
.empty { color: var(--muted); }
ul.contacts { list-style: none; padding: 0; margin: 0; display: grid;
  grid-template-columns: repeat(2, 1fr); gap: .6rem 1.2rem; }
ul.contacts li { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .8rem; }
ul.contacts strong { display: block; }
ul.contacts span { font-size: .9rem; }
footer { margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid var(--line);
  color: var(--muted); font-size: .85rem; }
@media (max-width: 40rem) {
  .stats { grid-template-columns: repeat(2, 1fr); }
  .elements dl, ul.contacts { grid-template-columns: 1fr; }
}
@page { size: A4; margin: 14mm 13mm 16mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 1.4rem; }
  h2, h3, h4, h5, .tiles, .bar, thead { break-after: avoid; page-break-after: avoid; }
  tr, .tile, .elements, .stats, .outcome, ul.contacts li, ol.discussion li, article.player > header {
    break-inside: avoid; page-break-inside: avoid; }
  article.player { margin: .6rem 0 1rem; }
  section.journeys > h2 { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
}
"""


# -- run_game.py report SAVE... -----------------------------------------------------------

def main_report(argv: Sequence[str]) -> int:
    """`run_game.py report SAVE... [--html OUT] [--csv OUT] [--lang L]`.

    Rebuilds the session report from saved games; several saves (or folders of
    saves) give one report across sessions. Exit 0: written; 1: some save could
    not be read (the report is written from the others) or none could; 2: bad
    command line."""
    from game.session.saves import (BrokenSave, find_pack, pack_hash, parse_save, read_record,
                                    save_info)
    from game.engine.rules import Rules

    parser = argparse.ArgumentParser(
        prog="run_game.py report",
        description="Make the session report (HTML and CSV) from saved games. "
                    "Several saves give one summary across sessions.")
    parser.add_argument("saves", nargs="+", metavar="SAVE",
                        help="a saved game (.json), or a folder of them")
    parser.add_argument("--html", type=Path, metavar="OUT", help="write the HTML page here")
    parser.add_argument("--csv", type=Path, metavar="OUT", help="write the CSV file here")
    parser.add_argument("--lang", help="language of the report (default: the first save's)")
    parser.add_argument("--scenarios", type=Path, metavar="DIR",
                        help="where to look for packs by id (default: the game's scenarios/)")
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    scenarios = args.scenarios
    if scenarios is None:
        from game.paths import SCENARIOS
        scenarios = SCENARIOS

    files: list[Path] = []
    failed = 0
    for raw in args.saves:
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

    sessions: list[ReportSession] = []
    packs: dict[tuple[str, str], Optional[Pack]] = {}
    for path in dict.fromkeys(files):
        try:
            with open(path, "rb") as f:
                body = parse_save(f.read())
        except OSError as exc:
            print(f"{path}: error: cannot read: {exc}", file=sys.stderr)
            failed += 1
            continue
        except BrokenSave as exc:
            print(f"{path}: error: not a usable save: {say('why.' + exc.why, 'en')}",
                  file=sys.stderr)
            failed += 1
            continue
        info = save_info(path, body)
        key = (info.pack_id, info.pack_path)
        if key not in packs:
            pack, _problem = find_pack(info, scenarios)
            packs[key] = pack
            if pack is None:
                print(f"{path}: warning: pack {info.pack_id!r} not found; "
                      "the report shows card ids instead of their texts", file=sys.stderr)
        pack = packs[key]
        try:
            record = read_record(body, Rules(pack) if pack else None)
        except ValueError as exc:
            print(f"{path}: error: the game cannot be read back: {exc}", file=sys.stderr)
            failed += 1
            continue
        if pack is not None and record.pack_hash and record.pack_hash != pack_hash(pack):
            print(f"{path}: warning: pack {info.pack_id!r} has changed since this game; "
                  "texts are from the pack as it is now", file=sys.stderr)
        sessions.append(ReportSession(record, pack))

    if not sessions:
        print("error: no saved game could be read; no report written", file=sys.stderr)
        return 1
    sessions.sort(key=lambda s: s.record.started)
    lang = args.lang or sessions[0].record.lang
    html_out, csv_out = args.html, args.csv
    if html_out is None and csv_out is None:
        name = default_name(sessions)
        html_out, csv_out = Path(f"{name}.html"), Path(f"{name}.csv")
    try:
        if html_out is not None:
            write_atomic(html_out, render_html(sessions, lang).encode("utf-8"))
            print(f"written: {html_out}")
        if csv_out is not None:
            write_atomic(csv_out, render_csv(sessions).encode("utf-8-sig"))
            print(f"written: {csv_out}")
    except OSError as exc:
        print(f"error: cannot write the report: {exc}", file=sys.stderr)
        return 1
    journeys = sum(len(s.record.players) for s in sessions)
    print(f"{len(sessions)} session(s), {journeys} journey(s)", file=sys.stderr)
    return 1 if failed else 0
