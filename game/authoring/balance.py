"""The balance report: `run_game.py simulate --pack P --games N --report OUT.html`.

Bots play the pack N times with each policy (random, safe, risky) and the
report shows, per policy: the share of each outcome and of each kind of
outcome, how journeys ended (a card's outcome, home, risk, out of turns),
the distribution of journey lengths, the most common path to each
trafficked outcome; and for the whole pack: how often each card was drawn,
cards never drawn and outcomes never reached, with a short list of things
an author may want to check.

The file is one self-contained HTML page: inline CSS, inline SVG charts, no
scripts, no other files. The same pack, games, seed and players give the
same bytes. Its words are in the pack's first language, from
`localisation/balance.<lang>.json` (English for a language without a file).
"""
from __future__ import annotations

import html
import random
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from game.content.model import OUTCOME_KINDS, STAGES, Pack
from game.engine.rules import Rules
from game.engine.state import BY_CARD, BY_HOME, BY_HOME_UNSAFE, BY_MAX_TURNS, BY_RISK
from game.localise import pick, tr
from game.sim import POLICIES, GameRecord, JourneyRecord, play_game

NAMESPACE = "balance"   # the report's words: localisation/balance.<lang>.json
KIND_COLOURS = {"safe": "#2e7d32", "unsafe": "#e08a00", "trafficked": "#c62828"}
REASONS = (BY_CARD, BY_HOME, BY_HOME_UNSAFE, BY_RISK, BY_MAX_TURNS)
TAIL = 3                # a path to trafficking is also shown as its last TAIL choices
CLASS_PLAYERS = 4         # a class game: four teams
CLASS_GAMES = 300         # games simulated for the class-game figure (at most)
CLASS_ROUNDS = 14         # a class game should fit a lesson: median rounds at most this
LONGEST_PATH_SHOWN = 25  # a longer most common whole path is shown by its tail only

Words = Callable[..., str]


def words_in(lang: str) -> Words:
    """`word(key, **values)`: the report's word `key` in `lang` (English if missing)."""
    def word(key: str, **values) -> str:
        return tr(key.replace("-", "_"), lang, ns=NAMESPACE, **values)
    return word

# -- running the policies ---------------------------------------------------------


@dataclass
class PolicyRun:
    policy: str
    journeys: list[JourneyRecord] = field(default_factory=list)
    drawn: Counter = field(default_factory=Counter)
    games: list[GameRecord] = field(default_factory=list)   # rounds, crisis draws, coerced

    @property
    def outcomes(self) -> Counter:
        return Counter(j.outcome for j in self.journeys)

    @property
    def kinds(self) -> Counter:
        return Counter(j.kind for j in self.journeys)


def run_policy(pack: Pack, games: int, seed: int, players: int, policy: str,
               rules: Optional[Rules] = None) -> PolicyRun:
    """The same games as `game.sim.simulate` (same seed), keeping every path
    and why each journey ended."""
    rules = rules or Rules(pack)
    rng = random.Random(seed)
    run = PolicyRun(policy)
    for _ in range(games):
        game = GameRecord()
        records, drawn = play_game(rules, players, rng.getrandbits(63), policy, rng,
                                   keep_paths=True, record=game)
        run.games.append(game)
        run.drawn.update(drawn)
        run.journeys.extend(records)
    return run


# -- drawing ----------------------------------------------------------------------------

def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0%"


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _title(pack: Pack, thing, lang: str) -> str:
    """The title of the pack, a card or an outcome in `lang` (its id if it has none)."""
    return pick(thing.title, lang, pack.languages, thing.id)


def _kind_bars(runs: Sequence[PolicyRun], word: Words) -> str:
    """One 100% stacked bar per policy: safe, unsafe, trafficked."""
    label_w, bar_w, row_h = 90, 560, 34
    height = row_h * len(runs) + 30
    parts = [f'<svg class="chart" viewBox="0 0 {label_w + bar_w + 10} {height}" '
             f'role="img" aria-label="{_e(word("kinds"))}">']
    for row, run in enumerate(runs):
        y = row * row_h + 4
        total = len(run.journeys)
        parts.append(f'<text x="0" y="{y + 19}" class="label">{_e(run.policy)}</text>')
        x = float(label_w)
        for kind in OUTCOME_KINDS:
            count = run.kinds.get(kind, 0)
            if not count:
                continue
            width = bar_w * count / total
            share = _pct(count, total)
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="26" '
                         f'fill="{KIND_COLOURS[kind]}"><title>{_e(word("kind_" + kind))}: '
                         f'{count} ({share})</title></rect>')
            if width > 46:
                parts.append(f'<text x="{x + width / 2:.1f}" y="{y + 18}" class="in" '
                             f'text-anchor="middle">{share}</text>')
            x += width
    y = row_h * len(runs) + 12
    x = label_w
    for kind in OUTCOME_KINDS:
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" '
                     f'fill="{KIND_COLOURS[kind]}"/>')
        parts.append(f'<text x="{x + 17}" y="{y + 11}" class="small">'
                     f'{_e(word("kind_" + kind))}</text>')
        x += 150
    parts.append("</svg>")
    return "".join(parts)


def _outcome_bars(pack: Pack, run: PolicyRun, lang: str, word: Words) -> str:
    """A horizontal bar per outcome of the pack, coloured by kind."""
    total = len(run.journeys)
    counts = run.outcomes
    label_w, bar_w, row_h = 250, 330, 24
    height = row_h * len(pack.outcomes) + 6
    most = max(counts.values(), default=1)
    parts = [f'<svg class="chart" viewBox="0 0 {label_w + bar_w + 110} {height}" role="img" '
             f'aria-label="{_e(word("outcomes"))}: {_e(run.policy)}">']
    for row, outcome in enumerate(pack.outcomes):
        y = row * row_h + 3
        count = counts.get(outcome.id, 0)
        title = _title(pack, outcome, lang)
        parts.append(f'<text x="0" y="{y + 14}" class="label"><title>{_e(title)} '
                     f'({_e(outcome.id)})</title>{_e(_short(title))}</text>')
        width = bar_w * count / most if most else 0
        faint = "" if count else ' opacity="0.25"'
        parts.append(f'<rect x="{label_w}" y="{y}" width="{max(width, 1):.1f}" height="18" '
                     f'fill="{KIND_COLOURS[outcome.kind]}"{faint}/>')
        parts.append(f'<text x="{label_w + width + 6:.1f}" y="{y + 14}" class="small">'
                     f'{count} · {_pct(count, total)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _histogram(turns: list[int], word: Words) -> str:
    """Journeys by length in turns; bars of one turn, or wider for long journeys."""
    if not turns:
        return ""
    longest = max(turns)
    step = max(1, -(-(longest + 1) // 40))
    bins = Counter(t // step for t in turns)
    count_bins = longest // step + 1
    width, height, left, bottom = 640, 180, 36, 28
    bar = (width - left) / count_bins
    most = max(bins.values())
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height + bottom}" role="img" '
             f'aria-label="{_e(word("length"))}">',
             f'<line x1="{left}" y1="{height}" x2="{width}" y2="{height}" class="axis"/>',
             f'<text x="{left - 4}" y="10" class="small" text-anchor="end">{most}</text>',
             f'<text x="{left - 4}" y="{height}" class="small" text-anchor="end">0</text>']
    for index in range(count_bins):
        count = bins.get(index, 0)
        low, high = index * step, index * step + step - 1
        span = f"{low}" if step == 1 else f"{low}–{high}"
        if count:
            h = (height - 14) * count / most
            parts.append(f'<rect x="{left + index * bar + 1:.1f}" y="{height - h:.1f}" '
                         f'width="{max(bar - 2, 1):.1f}" height="{h:.1f}" class="bar">'
                         f'<title>{span} {_e(word("turns"))}: {count}</title></rect>')
        if index % max(1, count_bins // 10) == 0:
            parts.append(f'<text x="{left + index * bar + bar / 2:.1f}" y="{height + 16}" '
                         f'class="small" text-anchor="middle">{low}</text>')
    parts.append(f'<text x="{width}" y="{height + bottom - 2}" class="small" '
                 f'text-anchor="end">{_e(word("turns"))}</text></svg>')
    return "".join(parts)


def _step(pack: Pack, card_id: str, index: int, lang: str, word: Words) -> str:
    try:
        card = pack.card(card_id)
        choice = card.choices[index]
    except (KeyError, IndexError):
        return f"<li>{_e(card_id)} · {index + 1}</li>"
    mark = "safe" if choice.safe else "unsafe"
    title = _title(pack, card, lang)
    return (f'<li><span class="card-title">{_e(title)}</span> '
            f'<code>{_e(card.id)}</code> → {_e(pick(choice.label, lang, pack.languages))} '
            f'<span class="tag {mark}">{_e(word(mark + "_choice"))}</span></li>')


def _paths(pack: Pack, run: PolicyRun, lang: str, word: Words) -> str:
    trafficked = [o for o in pack.outcomes if o.kind == "trafficked"]
    out = []
    for outcome in trafficked:
        paths = [j.path for j in run.journeys if j.outcome == outcome.id]
        if not paths:
            continue
        total = len(paths)
        title = _title(pack, outcome, lang)
        out.append(f'<h4>{_e(title)} <code>{_e(outcome.id)}</code> · {total}</h4>')
        full, n_full = Counter(paths).most_common(1)[0]
        tail, n_tail = Counter(p[-TAIL:] for p in paths).most_common(1)[0]
        if n_full > 1 and len(full) <= LONGEST_PATH_SHOWN:
            out.append(f'<p>{_e(word("path_full", n=n_full, total=total))}</p><ol>'
                       + "".join(_step(pack, c, i, lang, word) for c, i in full) + "</ol>")
            if len(full) > TAIL:
                out.append(f'<p>{_e(word("path_tail", k=TAIL, n=n_tail, total=total))}'
                           '</p><ol>' + "".join(_step(pack, c, i, lang, word)
                                                for c, i in tail) + "</ol>")
        elif tail:
            out.append(f'<p>{_e(word("path_unique", k=len(tail), n=n_tail, total=total))}'
                       '</p><ol>' + "".join(_step(pack, c, i, lang, word)
                                            for c, i in tail) + "</ol>")
    return "".join(out) or f'<p>{_e(word("no_trafficked"))}</p>'


def _checks(pack: Pack, runs: Sequence[PolicyRun], word: Words) -> list[str]:
    found = []
    never = [c.id for c in pack.cards if not any(r.drawn.get(c.id) for r in runs)]
    if never:
        found.append(word("check_never_drawn", n=len(never), ids=", ".join(never)))
    unreached = [o.id for o in pack.outcomes if not any(r.outcomes.get(o.id) for r in runs)]
    if unreached:
        found.append(word("check_never_reached", n=len(unreached), ids=", ".join(unreached)))
    by_policy = {r.policy: r for r in runs}
    safe, risky = by_policy.get("safe"), by_policy.get("risky")
    if safe and safe.journeys:
        share = safe.kinds.get("trafficked", 0) / len(safe.journeys)
        if share > 0.10:
            found.append(word("check_safe_trafficked", share=f"{100 * share:.0f}%"))
    if risky and risky.journeys:
        share = risky.kinds.get("safe", 0) / len(risky.journeys)
        if share > 0.25:
            found.append(word("check_risky_safe", share=f"{100 * share:.0f}%"))
    if safe and risky and safe.journeys and risky.journeys:
        faster = (statistics.median(j.turns for j in risky.journeys)
                  < statistics.median(j.turns for j in safe.journeys))
        trafficked = risky.kinds.get("trafficked", 0) / len(risky.journeys)
        if faster and trafficked < 0.5:
            found.append(word("check_risky_pays", share=f"{100 * trafficked:.0f}%"))
    for run in runs:
        if not run.journeys:
            continue
        out_of_turns = sum(j.reason == BY_MAX_TURNS for j in run.journeys) / len(run.journeys)
        if out_of_turns > 0.05:
            found.append(word("check_max_turns", policy=run.policy,
                              share=f"{100 * out_of_turns:.0f}%"))
        median = statistics.median(j.turns for j in run.journeys)
        if median < 5:
            found.append(word("check_short", policy=run.policy, turns=f"{median:g}"))
    return found


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
 margin:0 auto;max-width:980px;padding:1.2em 1.4em 3em;color:#1d1d1d;line-height:1.45}
h1{font-size:1.6em;margin:.2em 0}h2{margin-top:1.8em;border-bottom:2px solid #ddd;
 padding-bottom:.2em}h3{margin-top:1.4em}h4{margin:1em 0 .3em}
.meta{color:#555}.policy{border:1px solid #ddd;border-radius:8px;padding:.4em 1.1em 1em;
 margin:1.2em 0}.chart{width:100%;height:auto;display:block;margin:.4em 0 .8em}
.chart .label{font-size:13px}.chart .small{font-size:11px;fill:#444}
.chart .in{font-size:12px;fill:#fff;font-weight:600}.chart .bar{fill:#4a6fa5}
.chart .axis{stroke:#999}table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #eee;vertical-align:top}
th{background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
.meter{background:#e8eef6;height:.7em;width:8em;display:inline-block;vertical-align:middle}
.meter span{display:block;height:100%;background:#4a6fa5}tr.never td,td.zero{background:#fff4f4}
.tag{font-size:.75em;padding:0 .4em;border-radius:3px;color:#fff}
.tag.safe{background:#2e7d32}.tag.unsafe{background:#c62828}
.checks li{margin:.3em 0}code{background:#f3f3f3;padding:0 .25em;border-radius:3px}
.kind-safe{color:#2e7d32}.kind-unsafe{color:#a86400}.kind-trafficked{color:#c62828}
@media print{.policy{break-inside:avoid}}
"""


def build_report(pack: Pack, games: int, seed: int, players: int,
                 runs: Optional[Sequence[PolicyRun]] = None, lang: Optional[str] = None) -> str:
    """The report's HTML (runs the three policies unless `runs` is given)."""
    if lang is None:
        lang = pack.languages[0] if pack.languages else "en"
    word = words_in(lang)
    rules = Rules(pack)
    if runs is None:
        runs = [run_policy(pack, games, seed, players, policy, rules) for policy in POLICIES]
    class_game = run_policy(pack, min(games, CLASS_GAMES), seed, CLASS_PLAYERS, "random", rules)
    title = _title(pack, pack, lang)
    journeys = games * players
    command = (f"python run_game.py simulate --pack {_pack_ref(pack)} --games {games} "
               f"--seed {seed} --players {players} --report report.html")
    out = [f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8">'
           f'<meta name="viewport" content="width=device-width,initial-scale=1">'
           f'<title>{_e(word("title"))}: {_e(title)}</title><style>{CSS}</style></head><body>',
           f'<h1>{_e(word("title"))}: {_e(title)}</h1>',
           f'<p class="meta">{_e(word("pack"))} <code>{_e(pack.id)}</code> · {games} '
           f'{_e(word("games"))} × {players} {_e(word("players"))} = {journeys} '
           f'{_e(word("journeys"))} · {_e(word("seed"))} {seed}<br>'
           f'{_e(word("again"))}: <code>{_e(command)}</code></p>',
           f'<p>{_e(word("read"))}</p>',
           f'<p>{_e(word("policies"))}:</p><ul>'
           + "".join(f'<li>{_e(word("policy_" + r.policy))}</li>' for r in runs) + "</ul>"]
    checks = _checks(pack, runs, word)
    out.append(f'<h2>{_e(word("checks"))}</h2>')
    out.append('<ul class="checks">' + "".join(f"<li>{_e(c)}</li>" for c in checks) + "</ul>"
               if checks else f'<p>{_e(word("no_checks"))}</p>')
    out.append(f'<h2>{_e(word("kinds"))}</h2>' + _kind_bars(runs, word))
    out.append(_class_game_section(class_game, word))
    for run in runs:
        out.append(_policy_section(pack, run, lang, word))
    out.append(_cards_section(pack, runs, lang, word))
    out.append(_never_section(pack, runs, lang, word))
    out.append("</body></html>\n")
    return "".join(out)


def _pack_ref(pack: Pack) -> str:
    """How the command line names the pack: its id under scenarios/, else its folder."""
    from game.paths import SCENARIOS
    if not pack.path or Path(pack.path).resolve().parent == SCENARIOS.resolve():
        return pack.id
    folder = str(pack.path)
    return f'"{folder}"' if " " in folder else folder


def _class_game_section(run: PolicyRun, word: Words) -> str:
    """How many rounds a class game of CLASS_PLAYERS takes (random choices)."""
    rounds = [g.rounds for g in run.games]
    if not rounds:
        return ""
    median = statistics.median(rounds)
    warn = (f'<p class="warn">{_e(word("class_game_long", limit=CLASS_ROUNDS))}</p>'
            if median > CLASS_ROUNDS else "")
    return (f'<h2>{_e(word("class_game", players=CLASS_PLAYERS))}</h2>'
            f'<p>{_e(word("class_game_rounds", games=len(rounds), median=f"{median:g}", longest=max(rounds)))}'
            f'</p>{warn}')


def _policy_section(pack: Pack, run: PolicyRun, lang: str, word: Words) -> str:
    total = len(run.journeys)
    turns = [j.turns for j in run.journeys]
    reasons = Counter(j.reason for j in run.journeys)
    assisted = sum(j.assisted for j in run.journeys)
    crisis = sum(g.crisis_draws for g in run.games)
    coerced = sum(g.coerced for g in run.games)
    rows = "".join(
        f'<tr><td>{_e(_title(pack, o, lang))} <code>{_e(o.id)}</code></td>'
        f'<td class="kind-{o.kind}">{_e(word("kind_" + o.kind))}</td>'
        f'<td class="n">{run.outcomes.get(o.id, 0)}</td>'
        f'<td class="n">{_pct(run.outcomes.get(o.id, 0), total)}</td></tr>'
        for o in pack.outcomes)
    ended = "".join(f'<tr><td>{_e(word("reason_" + r))}</td><td class="n">{reasons[r]}</td>'
                    f'<td class="n">{_pct(reasons[r], total)}</td></tr>'
                    for r in REASONS if reasons.get(r))
    stats = (f'{_e(word("mean"))} {statistics.fmean(turns):.1f} · '
             f'{_e(word("median"))} {statistics.median(turns):g} · '
             f'{_e(word("max"))} {max(turns)}') if turns else ""
    return (f'<section class="policy" id="policy-{_e(run.policy)}">'
            f'<h2>{_e(word("policy_" + run.policy))}</h2>'
            f'<h3>{_e(word("outcomes"))}</h3>{_outcome_bars(pack, run, lang, word)}'
            f'<table><tr><th>{_e(word("outcome"))}</th><th>{_e(word("kind"))}</th>'
            f'<th>{_e(word("count"))}</th><th>{_e(word("share"))}</th></tr>{rows}</table>'
            f'<p>{_e(word("assisted"))}: {assisted}</p>'
            f'<p>{_e(word("crisis_draws"))}: {crisis} · {_e(word("coerced_choices"))}: {coerced}</p>'
            f'<h3>{_e(word("ended_by"))}</h3><table>{ended}</table>'
            f'<h3>{_e(word("length"))}</h3><p>{stats}</p>{_histogram(turns, word)}'
            f'<h3>{_e(word("paths"))}</h3>{_paths(pack, run, lang, word)}</section>')


def _cards_section(pack: Pack, runs: Sequence[PolicyRun], lang: str, word: Words) -> str:
    order = {stage: i for i, stage in enumerate(STAGES)}
    cards = sorted(pack.cards, key=lambda c: order.get(c.stage, 9))
    head = "".join(f'<th>{_e(r.policy)}<br><small>{_e(word("per_journey"))}</small></th>'
                   for r in runs)
    most = {r.policy: max((n / max(1, len(r.journeys)) for n in r.drawn.values()), default=1)
            for r in runs}
    rows = []
    for card in cards:
        cells = []
        never = True
        for run in runs:
            count = run.drawn.get(card.id, 0)
            rate = count / max(1, len(run.journeys))
            never = never and not count
            width = 100 * rate / most[run.policy] if most[run.policy] else 0
            zero = "n" if count else "n zero"
            cells.append(f'<td class="{zero}">{rate:.2f} <span class="meter"><span style="width:'
                         f'{width:.0f}%"></span></span><br><small>{count}</small></td>')
        marked = ' class="never"' if never else ""
        rows.append(f'<tr{marked}>'
                    f'<td>{_e(_title(pack, card, lang))}<br><code>{_e(card.id)}</code>'
                    f'</td><td>{_e(card.stage)}</td><td>{_e(card.route)}</td>'
                    f'<td class="n">{card.weight:g}</td>{"".join(cells)}</tr>')
    return (f'<h2>{_e(word("cards"))}</h2><table><tr><th>{_e(word("card"))}</th>'
            f'<th>{_e(word("stage"))}</th><th>{_e(word("route"))}</th>'
            f'<th>{_e(word("weight"))}</th>{head}</tr>{"".join(rows)}</table>')


def _never_section(pack: Pack, runs: Sequence[PolicyRun], lang: str, word: Words) -> str:
    out = [f'<h2>{_e(word("never_drawn"))}</h2>']
    rows = []
    for run in runs:
        never = [c for c in pack.cards if not run.drawn.get(c.id)]
        listed = ", ".join(f"<code>{_e(c.id)}</code>" for c in never) or _e(word("none"))
        rows.append(f'<tr><td>{_e(word("by_policy"))} <b>{_e(run.policy)}</b></td>'
                    f'<td>{listed}</td></tr>')
    if all(run.drawn.get(c.id) for run in runs for c in pack.cards):
        out.append(f'<p>{_e(word("all_drawn"))}</p>')
    else:
        out.append(f'<table>{"".join(rows)}</table>')
    out.append(f'<h2>{_e(word("never_reached"))}</h2>')
    rows = []
    for run in runs:
        unreached = [o for o in pack.outcomes if not run.outcomes.get(o.id)]
        listed = ", ".join(f'{_e(_title(pack, o, lang))} <code>{_e(o.id)}</code>'
                           for o in unreached) or _e(word("none"))
        rows.append(f'<tr><td>{_e(word("reached_by"))} <b>{_e(run.policy)}</b></td>'
                    f'<td>{listed}</td></tr>')
    out.append(f'<table>{"".join(rows)}</table>')
    if not any(o for o in pack.outcomes if not any(r.outcomes.get(o.id) for r in runs)):
        out.append(f'<p>{_e(word("all_reached"))}</p>')
    return "".join(out)


def write_report(pack: Pack, games: int, seed: int, players: int, out_path) -> None:
    """Run the three policies and write the self-contained HTML report to out_path."""
    text = build_report(pack, games, seed, players)
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
