"""The session report as one self-contained HTML page.

No external files (inline CSS, no fonts, scripts or images from elsewhere);
it prints on A4 and is in the report's language. For the class: how many
journeys ended safe, unsafe, trafficked (or unfinished), the unsafe choices
most taken with the safe choice beside each, and the discussion questions of
the cards played. For each player: the outcome (with act, means and purpose
when trafficked), money, debt and documents, and the timeline of cards and
choices, safe ones marked. Then the pack's help contacts.

The words are in `localisation/session.<lang>.json`; money and dates are
said as everywhere else in the game (`game.localise.money`, `date_time`);
pack texts are chosen by `game.localise.pick`. Every pack text and name is
escaped.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from game.content.model import STAGES
from game.engine.debrief import KINDS
from game.localise import date_time, money, pick, tr
from game.session.files import write_atomic
from game.session.report import ReportSession, ReportTexts

if TYPE_CHECKING:
    from game.engine.debrief import PlayerDebrief, Step, UnsafeChoice

TOP_UNSAFE = 10
ROUTES = ("regular", "irregular")


@lru_cache(maxsize=1)
def css() -> str:
    """The page's style sheet (report.css, beside this module)."""
    return (Path(__file__).with_name("report.css")).read_text(encoding="utf-8")


def _say(key: str, lang: str, **values) -> str:
    """The report's words for `key`, escaped for the page."""
    return escape(tr(key, lang, ns="session", **values))


# -- the page ----------------------------------------------------------------------------

def write_html(sessions: Sequence[ReportSession], lang: str, path: Path) -> None:
    """Write the page to `path` at once (OSError when it cannot be written)."""
    write_atomic(path, render_html(sessions, lang).encode("utf-8"))


def render_html(sessions: Sequence[ReportSession], lang: str,
                made: Optional[datetime] = None) -> str:
    """The report page in `lang`."""
    made = made or datetime.now()
    texts = {id(s): ReportTexts(s, lang) for s in sessions}
    many = len(sessions) > 1

    def S(key: str, **values) -> str:
        return _say(key, lang, **values)

    title = S("report.title-many", n=len(sessions)) if many else S("report.title")
    parts = [f"<!DOCTYPE html>\n<html lang=\"{S('language_code')}\">\n<head>\n"
             "<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             f"<title>{title} \u2014 {S('game')}</title>\n<style>\n{css()}</style>\n</head>\n"
             "<body>\n"]

    # -- the cover ----------------------------------------------------------------
    packs = list(dict.fromkeys(texts[id(s)].pack_title() for s in sessions))
    facts = [(S("report.pack"), ", ".join(escape(p) for p in packs))]
    if many:
        facts.append((S("report.sessions"), str(len(sessions))))
    else:
        only = sessions[0]
        facts.append((S("report.started"), escape(date_time(only.started, lang))))
        facts.append((S("report.players"),
                      ", ".join(escape(p.name) for p in only.debrief.players)))
    facts.append(("", S("report.made", date=date_time(made, lang))))
    parts.append("<header class=\"cover\">\n"
                 f"<p class=\"brand\">{S('game')}</p>\n<h1>{title}</h1>\n<dl class=\"facts\">")
    for label, value in facts:
        parts.append(f"<div><dt>{label}</dt><dd>{value}</dd></div>" if label
                     else f"<div class=\"made\"><dd>{value}</dd></div>")
    parts.append("</dl>\n")
    if not many:
        parts.append(_session_note(sessions[0], lang))
    parts.append("</header>\n")

    # -- the class summary ----------------------------------------------------------
    parts.append(_summary(sessions, texts, lang, many))

    # -- each player -------------------------------------------------------------------
    parts.append(f"<section class=\"journeys\">\n<h2>{S('report.player-journeys')}</h2>\n")
    for s in sorted(sessions, key=lambda s: s.started) if many else sessions:
        tx = texts[id(s)]
        if many:
            parts.append(
                f"<h3 class=\"session\">{S('report.session')}: {escape(date_time(s.started, lang))}"
                f" \u00b7 {escape(tx.pack_title())}"
                f" <span class=\"session-id\">{escape(s.session)}</span></h3>\n")
            parts.append(_session_note(s, lang))
        for p in s.debrief.players:
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


def _session_note(session: ReportSession, lang: str) -> str:
    if session.debrief.stopped:
        return f"<p class=\"note\">{_say('report.stopped', lang)}</p>\n"
    if not session.debrief.over:
        return f"<p class=\"note\">{_say('report.not-over', lang)}</p>\n"
    return ""


def _summary(sessions: Sequence[ReportSession], texts: dict, lang: str, many: bool) -> str:
    def S(key: str, **values) -> str:
        return _say(key, lang, **values)

    players = [p for s in sessions for p in s.debrief.players]
    kinds = Counter({k: 0 for k in KINDS})
    kinds.update(p.kind for p in players)
    total = len(players)
    assisted = sum(1 for p in players if p.kind == "trafficked" and p.assisted)
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
    out.append(_unsafe_most(sessions, texts, lang))
    out.append(_discussion(sessions, texts, lang))
    out.append(_glossary(sessions, texts, lang))
    out.append("</section>\n")
    return "".join(out)


def _unsafe_most(sessions: Sequence[ReportSession], texts: dict, lang: str) -> str:
    """The unsafe choices most taken (each debrief's own summary, added up across
    sessions of the same pack), each with the safe choices of that card."""
    times: Counter = Counter()
    where: dict[tuple, tuple[ReportTexts, UnsafeChoice]] = {}
    for s in sessions:
        for unsafe in s.debrief.unsafe_choices:
            key = (s.pack_id, unsafe.card, unsafe.choice)
            times[key] += unsafe.times
            if key not in where or (where[key][0].pack is None and s.pack is not None):
                where[key] = (texts[id(s)], unsafe)
    out = [f"<h3>{_say('report.unsafe-most', lang)}</h3>\n"]
    if not times:
        out.append(f"<p>{_say('report.no-unsafe', lang)}</p>\n")
        return "".join(out)
    stage_of = {stage: i for i, stage in enumerate(STAGES)}
    ranked = sorted(times.items(), key=lambda kv: (
        -kv[1], stage_of.get(where[kv[0]][1].stage, len(STAGES)), kv[0]))[:TOP_UNSAFE]
    out.append(f"<table class=\"unsafe\"><thead><tr><th class=\"n\">{_say('report.times', lang)}"
               f"</th><th>{_say('report.card', lang)}</th><th>{_say('report.choice', lang)}</th>"
               f"<th>{_say('report.safe-was', lang)}</th></tr></thead><tbody>")
    for key, n in ranked:
        tx, unsafe = where[key]
        safe = [tx.choice_label(unsafe.card, i) for i in unsafe.safe_choices]
        out.append(
            f"<tr><td class=\"n\">{n}\u00d7</td>"
            f"<td><span class=\"stage\">{escape(_stage(unsafe.stage, lang))}</span>"
            f"{escape(tx.card_title(unsafe.card))}</td>"
            f"<td class=\"took\"><span class=\"mark unsafe\">\u2717</span> "
            f"{escape(tx.choice_label(unsafe.card, unsafe.choice))}</td>"
            f"<td class=\"safe-was\">{_safe_list(safe)}</td></tr>")
    out.append("</tbody></table>\n")
    return "".join(out)


def _discussion(sessions: Sequence[ReportSession], texts: dict, lang: str) -> str:
    """The discussion questions of the cards played, stage by stage."""
    questions: dict[tuple, tuple] = {}
    for s in sessions:
        tx = texts[id(s)]
        for p in s.debrief.players:
            for step in p.steps:
                key = (s.pack_id, step.card)
                question = tx.discuss(step.card)
                if question:
                    order = (STAGES.index(step.stage) if step.stage in STAGES else len(STAGES),
                             step.turn, p.player)
                    if key not in questions or order < questions[key][0]:
                        questions[key] = (order, tx.card_title(step.card), question, step.stage)
    out = [f"<h3>{_say('report.discussion', lang)}</h3>\n"]
    if not questions:
        out.append(f"<p>{_say('report.no-discussion', lang)}</p>\n")
        return "".join(out)
    out.append("<ol class=\"discussion\">")
    for _order, card_title, question, stage in sorted(questions.values(), key=lambda v: v[0]):
        out.append(f"<li><span class=\"stage\">{escape(_stage(stage, lang))}</span>"
                   f"<span class=\"card\">{escape(card_title)}</span>"
                   f"<span class=\"q\">{escape(question)}</span></li>")
    out.append("</ol>\n")
    return "".join(out)


def _glossary(sessions: Sequence[ReportSession], texts: dict, lang: str) -> str:
    """The words of the packs played that a trainee may not know, with their meaning."""
    entries: dict[str, str] = {}
    for s in sessions:
        for term, meaning in texts[id(s)].glossary():
            entries.setdefault(term, meaning)
    if not entries:
        return ""
    rows = "".join(f"<div><dt>{escape(term)}</dt><dd>{escape(meaning)}</dd></div>"
                   for term, meaning in sorted(entries.items(), key=lambda kv: kv[0].lower()))
    return f"<h3>{_say('report.glossary', lang)}</h3>\n<dl class=\"glossary\">{rows}</dl>\n"


def _player(p: PlayerDebrief, tx: ReportTexts, lang: str) -> str:
    def S(key: str, **values) -> str:
        return _say(key, lang, **values)

    outcome = tx.outcomes.get(p.outcome) if p.outcome else None
    badge = S("kind.assisted") if p.kind == "trafficked" and p.assisted else S("kind." + p.kind)
    out = [f"<article class=\"player {p.kind}\">\n<header><h4>{escape(p.name)}</h4>"
           f"<span class=\"badge {p.kind}\">{badge}</span></header>\n"]
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
    seen_on = p.elements            # element -> the card where it appeared
    if (outcome and outcome.elements) or seen_on:
        e = outcome.elements if outcome else None
        rows = []
        for element in ("act", "means", "purpose"):
            text = escape(tx.t(getattr(e, element))) if e else ""
            if element in seen_on:
                where = S("report.seen-on", card=tx.card_title(seen_on[element]))
                text += f" <span class=\"seen-on\">{where}</span>"
            if text:
                rows.append(f"<div><dt>{S('report.' + element)}</dt><dd>{text}</dd></div>")
        out.append(f"<div class=\"elements\"><p class=\"el-title\">{S('report.elements')}</p>"
                   f"<dl>{''.join(rows)}</dl></div>\n")
    if p.assisted_by:
        out.append(f"<p class=\"assisted\">{S('report.assisted-by', contact=tx.contact(p.assisted_by))}"
                   "</p>\n")
    none = S("report.none")
    documents = ", ".join(escape(tx.document(d)) for d in p.documents) or none
    contacts = ", ".join(escape(tx.contact(c)) for c in p.contacts) or none
    out.append(
        "<dl class=\"stats\">"
        f"<div><dt>{S('report.money')}</dt><dd>{escape(money(p.money, lang))}</dd></div>"
        f"<div><dt>{S('report.debt')}</dt><dd>{escape(money(p.debt, lang))}</dd></div>"
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


def _step_row(step: Step, tx: ReportTexts, lang: str) -> str:
    route = " irregular" if step.route == "irregular" else ""
    stage = escape(_stage(step.stage, lang))
    if step.route == "irregular":
        stage += f"<span class=\"route\">{escape(_route(step.route, lang))}</span>"
    if step.choice is None:
        cls, choice = "none", f"<span class=\"muted\">{_say('report.no-choice', lang)}</span>"
    elif step.coerced:          # done to the player: never their mistake, no "safe choice"
        cls = "coerced"
        choice = (f"<span class=\"mark coerced\" title=\"{_say('report.coerced-mark', lang)}\">"
                  f"!</span> {escape(tx.choice_label(step.card, step.choice))}"
                  f" <span class=\"tag coerced\">{_say('report.coerced-mark', lang)}</span>"
                  f"<div class=\"coerced-note\">{_say('report.coerced-note', lang)}</div>")
    elif step.safe:
        cls = "safe"
        choice = (f"<span class=\"mark safe\" title=\"{_say('report.safe-mark', lang)}\">"
                  f"\u2713</span> {escape(tx.choice_label(step.card, step.choice))}"
                  f" <span class=\"tag safe\">{_say('report.safe-mark', lang)}</span>")
    else:
        cls = "unsafe"
        safe = [tx.choice_label(step.card, i) for i in step.safe_choices]
        choice = (f"<span class=\"mark unsafe\" title=\"{_say('report.unsafe-mark', lang)}\">"
                  f"\u2717</span> {escape(tx.choice_label(step.card, step.choice))}"
                  f" <span class=\"tag unsafe\">{_say('report.unsafe-mark', lang)}</span>")
        if safe:
            choice += (f"<div class=\"safe-was\">{_say('report.safe-was', lang)}: "
                       f"{_safe_list(safe)}</div>")
    return (f"<tr class=\"{cls}{route}\"><td class=\"n\">{step.turn}</td><td>{stage}</td>"
            f"<td>{escape(tx.card_title(step.card))}</td><td>{choice}</td></tr>")


def _safe_list(labels: Iterable[str]) -> str:
    return " / ".join(f"<span class=\"mark safe\">\u2713</span> {escape(label)}"
                      for label in labels)


def _stage(stage: str, lang: str) -> str:
    return tr(f"stage.{stage}", lang, ns="session") if stage in STAGES else stage


def _route(route: str, lang: str) -> str:
    return tr(f"route.{route}", lang, ns="session") if route in ROUTES else route
