"""The facilitator's guide of a pack: one self-contained HTML page for A4.

    render_guide(pack, lang) -> str        write_guide(pack, lang, path)

Parts, each starting on a new page: the cover (the pack at a glance, how to
start the game), a 45-minute lesson plan, act-means-purpose explained with
this pack's own cards and endings, every ending, what to do if a trainee
discloses (general steps and the pack's own contacts: no number is ever made
up here), the glossary, every card (stage, route, text, choices marked safe,
unsafe or coerced, where they lead, the discussion question), the facts to
check again before each training round (from the pack's SOURCES.md, when it
has that section), and a one-page help sheet to copy for every trainee.

The game's own words are in localisation/guide.<lang>.json; the pack's texts
are chosen by `game.localise.pick`. Card numbers are the deck's
(`printed.Printed`), so "card 12" is the same card on paper.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from game.content.model import ELEMENTS, STAGES, Pack
from game.print.page import document, style, write_page
from game.print.pictures import Pictures
from game.print.printed import OUTCOME_KINDS, Numbered, Printed, choice_kind
from game.print.sources import check_again

LESSON = (("intro", 5), ("play", 20), ("debrief", 10), ("discuss", 6), ("help", 4))  # 45 min
HELP_SHEET_WIDTH, HELP_SHEET_HEIGHT = 168, 200   # mm the contacts may fill on the help sheet


def write_guide(pack: Pack, lang: str, path: Path) -> None:
    write_page(path, render_guide(pack, lang))


def render_guide(pack: Pack, lang: str) -> str:
    p = Printed(pack, lang)
    pictures = Pictures(pack.path)
    sources = check_again(pack.path) if pack.path else None
    parts = [_cover(p, sources is not None), _lesson(p, sources is not None), _elements(p),
             _endings(p), _disclosure(p), _glossary(p), _cards(p, pictures)]
    if sources is not None:
        parts.append(_check_again(p, sources))
    parts.append(_help_sheet(p))
    css = style("print.css") + style("guide.css") + pictures.css()
    title = f"{p.say('guide.title')} \u2014 {p.title}"
    return document(p.say("language-code"), title, css, "\n".join(parts))


# -- the cover ------------------------------------------------------------------------------

def _counts(p: Printed) -> dict[str, int]:
    cards = [n.card for n in p.cards]
    return {"cards": len(cards),
            "crisis": sum(1 for n in p.cards if n.pile == "crisis"),
            "questions": sum(1 for c in cards if c.discuss),
            "outcomes": len(p.pack.outcomes),
            "trafficked": len(p.trafficked_outcomes()),
            "contacts": len(p.pack.contacts),
            "glossary": len(p.pack.glossary)}


def _cover(p: Printed, has_sources: bool) -> str:
    n = _counts(p)
    facts = [(p.say("cover.cards"), p.say("cover.cards-value", **n)),
             (p.say("cover.endings"), p.say("cover.endings-value", **n)),
             (p.say("cover.players"), p.say("cover.players-value")),
             (p.say("cover.time"), p.say("cover.time-value")),
             (p.say("cover.languages"), escape(", ".join(p.pack.languages))),
             (p.say("cover.contacts"), p.say("cover.contacts-value", **n))]
    contents = [("lesson", "part.lesson"), ("elements", "part.elements"),
                ("endings", "part.endings"), ("disclose", "part.disclose"),
                ("glossary", "part.glossary"), ("cards", "part.cards")]
    if has_sources:
        contents.append(("check", "part.check"))
    contents.append(("help-sheet", "part.help-sheet"))
    items = "".join(f'<li><a href="#{anchor}">{p.say(key)}</a></li>' for anchor, key in contents)
    ref = _pack_ref(p.pack)
    command = escape(f"python run_game.py --pack {ref} --lang {p.lang} --length short")
    deck = escape(f"python run_game.py deck --pack {ref} --lang {p.lang}")
    dl = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in facts)
    return (f'<header class="cover">\n<p class="brand">{p.say("brand")} \u00b7 '
            f'{p.say("guide.title")}</p>\n<h1>{p.title}</h1>\n'
            f'<p class="lead">{p.html(p.pack.description)}</p>\n<dl class="facts">{dl}</dl>\n'
            f'<div class="promise"><strong>{p.say("cover.promise-title")}</strong> '
            f'{p.say("cover.promise")}</div>\n'
            f'<h2 class="contents">{p.say("cover.contents")}</h2>\n<ol class="contents">{items}</ol>\n'
            f'<h3>{p.say("cover.start")}</h3>\n<dl class="commands">'
            f'<dt>{p.say("cover.start-text")}</dt><dd><code>{command}</code></dd>'
            f'<dt>{p.say("cover.deck-text")}</dt><dd><code>{deck}</code></dd></dl>\n'
            "</header>\n")


def _pack_ref(pack: Pack) -> str:
    """What --pack needs to name this pack: its id when it is one of the game's, else
    its folder (quoted when the path has spaces)."""
    from game.paths import SCENARIOS
    if not pack.path or Path(pack.path).resolve() == (SCENARIOS / pack.id).resolve():
        return pack.id
    return f'"{pack.path}"' if " " in str(pack.path) else str(pack.path)


def _before(p: Printed, has_sources: bool) -> str:
    """What to do before the lesson: on the page after the plan, so the plan has its own."""
    before = [p.say(f"before.{i}") for i in range(1, 5)]
    if has_sources:
        before.insert(0, p.say_html("before.check", part=f'<a href="#check">'
                                    f'{p.say("part.check")}</a>'))
    return (f'<div class="box before"><h3>{p.say("before.title")}</h3><ul>'
            + "".join(f"<li>{b}</li>" for b in before) + "</ul></div>\n")


# -- part 1: the lesson plan ----------------------------------------------------------------

def _lesson(p: Printed, has_sources: bool) -> str:
    n = _counts(p)
    values = {"title": p.text(p.pack.title, p.pack.id), **{k: str(v) for k, v in n.items()}}
    rows = []
    start = 0
    for step, minutes in LESSON:
        items = "".join(f"<li>{_say_raw(p, f'lesson.{step}.{i}', values)}</li>"
                        for i in range(1, 5) if _has(p, f"lesson.{step}.{i}"))
        rows.append(f'<tr><td class="time"><strong>{start}\u2013{start + minutes}</strong>'
                    f'<span>{p.say("minutes", n=minutes)}</span></td>'
                    f'<td><h3>{p.say(f"lesson.{step}.title")}</h3><ul>{items}</ul></td></tr>')
        start += minutes
    tips = "".join(f"<li>{p.say(f'tips.{i}')}</li>" for i in range(1, 5))
    return (f'<section class="part" id="lesson">\n<h2>{p.say("part.lesson")}</h2>\n'
            f'<p class="lead">{_say_raw(p, "lesson.lead", values)}</p>\n'
            f'<table class="plan"><tbody>{"".join(rows)}</tbody></table>\n'
            f'<div class="after-plan">{_before(p, has_sources)}'
            f'<div class="box tips"><h3>{p.say("tips.title")}</h3><ul>{tips}</ul></div></div>\n'
            "</section>\n")


def _has(p: Printed, key: str) -> bool:
    return p.plain(key) not in (key, f"guide.{key}")


def _say_raw(p: Printed, key: str, values: dict) -> str:
    """`say` for texts whose placeholders may not all be used."""
    return p.say(key, **{k: v for k, v in values.items() if f"%{{{k}}}" in p.plain(key)})


# -- part 2: act, means and purpose, with this pack's cards --------------------------------

def _elements(p: Printed) -> str:
    boxes = "".join(
        f'<div class="element {e}"><h3>{p.element(e)}</h3>'
        f'<p class="what">{p.say(f"elements.{e}.what")}</p>'
        f'<p class="ask"><strong>{p.say("elements.ask")}</strong> {p.say(f"elements.{e}.ask")}</p>'
        "</div>" for e in ELEMENTS)
    showing = [n for n in p.cards if n.card.shows]
    if showing:
        rows = []
        for n in showing:
            marks = "".join(
                f'<td class="mark">{"&#10003;" if e in n.card.shows else ""}</td>' for e in ELEMENTS)
            both = " both" if n.card.shows_act_and_means else ""
            rows.append(f'<tr class="shown{both}"><td class="n"><span class="num">{n.number}</span></td>'
                        f'<td><strong>{p.html(n.card.title, n.card.id)}</strong>'
                        f'<span class="where">{p.stage_n(n.card.stage)} \u00b7 {p.route(n.card.route)}'
                        + (f' \u00b7 {p.say("pile.crisis")}' if n.pile == "crisis" else "")
                        + f"</span></td>{marks}</tr>")
        counts = "".join(f'<th class="mark">{p.element(e)}<span>{len(p.cards_showing(e))}</span></th>'
                         for e in ELEMENTS)
        shown = (f'<table class="shown-table"><thead><tr><th class="n">#</th>'
                 f'<th>{p.say("elements.card")}</th>{counts}</tr></thead>'
                 f'<tbody>{"".join(rows)}</tbody></table>')
    else:
        shown = f'<p class="muted">{p.say("elements.no-cards")}</p>'
    outcomes = p.trafficked_outcomes()
    if outcomes:
        rows = []
        for o in outcomes:
            e = o.elements
            cells = "".join(f"<td>{p.html(getattr(e, x)) if e else ''}</td>" for x in ELEMENTS)
            rows.append(f'<tr><th scope="row"><span class="letter">{p.letter[o.id]}</span> '
                        f'{p.html(o.title, o.id)}</th>{cells}</tr>')
        heads = "".join(f"<th>{p.element(x)}</th>" for x in ELEMENTS)
        table = (f'<table class="elements-table"><thead><tr><th>{p.say("elements.ending")}</th>'
                 f'{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    else:
        table = f'<p class="muted">{p.say("elements.no-outcomes")}</p>'
    coerced = p.coerced_choices()
    if coerced:
        items = "".join(
            f'<li><span class="num">{n.number}</span> <strong>{p.html(n.card.title)}</strong>: '
            f'\u201c{p.html(ch.label)}\u201d</li>' for n, ch in coerced)
        coerced_html = f'<ul class="refs coerced">{items}</ul>'
    else:
        coerced_html = f'<p class="muted">{p.say("elements.no-coerced")}</p>'
    messages = "".join(f"<li>{p.say(f'elements.message.{i}')}</li>" for i in range(1, 6))
    formula = " <span>+</span> ".join(f'<b class="{x}">{p.element(x)}</b>' for x in ELEMENTS)
    return (f'<section class="part" id="elements">\n<h2>{p.say("part.elements")}</h2>\n'
            f'<p class="lead">{p.say("elements.lead")}</p>\n'
            f'<div class="formula">{formula} <span>=</span> '
            f'<b class="all">{p.say("elements.trafficking")}</b></div>\n'
            f'<div class="element-boxes">{boxes}</div>\n'
            f'<h3>{p.say("elements.cards")}</h3>\n<p class="intro">{p.say("elements.cards-text")}</p>\n{shown}\n'
            f'<h3>{p.say("elements.endings")}</h3>\n<p class="intro">{p.say("elements.endings-text")}</p>\n'
            f'{table}\n<h3>{p.say("elements.coerced")}</h3>\n<p class="intro">{p.say("elements.coerced-text")}</p>\n'
            f'{coerced_html}\n<div class="box messages"><h3>{p.say("elements.messages")}</h3>'
            f'<ul>{messages}</ul></div>\n</section>\n')


# -- part 3: the endings --------------------------------------------------------------------

def _endings(p: Printed) -> str:
    groups = []
    for kind in OUTCOME_KINDS:
        outcomes = [o for o in p.pack.outcomes if o.kind == kind]
        if not outcomes:
            continue
        items = []
        for o in outcomes:
            how = _how_reached(p, o.id)
            items.append(f'<article class="ending {kind}"><h4><span class="letter">'
                         f'{p.letter[o.id]}</span> {p.html(o.title, o.id)}</h4>'
                         f'<p>{p.html(o.debrief)}</p>'
                         + (f'<p class="how">{p.say_html("endings.how", how=how)}</p>' if how else "")
                         + "</article>")
        groups.append(f'<h3 class="kind {kind}">{p.kind(kind)}</h3>' + "".join(items))
    return (f'<section class="part" id="endings">\n<h2>{p.say("part.endings")}</h2>\n'
            f'<p class="lead">{p.say("endings.lead")}</p>\n' + "\n".join(groups)
            + "\n</section>\n")


def _how_reached(p: Printed, outcome_id: str) -> str:
    """Which board endings and which cards lead to this ending."""
    board = [key for key in ("home", "home-unsafe", "risk", "assisted")
             if p.pack.ending(key) == outcome_id]
    cards = [n.number for n in p.cards if any(ch.outcome == outcome_id for ch in n.card.choices)]
    parts = [p.say(f"endings.by-{key}") for key in board]
    if cards:
        parts.append(p.say("endings.by-cards", cards=", ".join(map(str, cards))))
    return " \u00b7 ".join(parts)


# -- part 4: if a trainee discloses -----------------------------------------------------------

def _contacts_list(p: Printed, css: str = "contacts") -> str:
    if not p.pack.contacts:
        return f'<p class="muted">{p.say("contacts.none")}</p>'
    return (f'<ul class="{css}">' + "".join(
        f"<li><strong>{p.html(c.name, c.id)}</strong><span>{p.html(c.detail)}</span></li>"
        for c in p.pack.contacts) + "</ul>")


def _disclosure(p: Printed) -> str:
    steps = "".join(f"<li><strong>{p.say(f'disclose.step.{i}.what')}</strong> "
                    f"{p.say(f'disclose.step.{i}.how')}</li>" for i in range(1, 9))
    donts = "".join(f"<li>{p.say(f'disclose.dont.{i}')}</li>" for i in range(1, 5))
    return (f'<section class="part" id="disclose">\n<h2>{p.say("part.disclose")}</h2>\n'
            f'<p class="lead">{p.say("disclose.lead")}</p>\n'
            f'<ol class="steps">{steps}</ol>\n'
            f'<div class="box donts"><h3>{p.say("disclose.dont.title")}</h3><ul>{donts}</ul></div>\n'
            f'<div class="box danger"><strong>{p.say("disclose.danger-title")}</strong> '
            f'{p.say("disclose.danger")}</div>\n'
            f'<h3>{p.say("disclose.contacts")}</h3>\n<p class="intro">{p.say("disclose.contacts-text")}</p>\n'
            f'{_contacts_list(p)}\n<p class="note">{p.say("disclose.self-care")}</p>\n'
            "</section>\n")


# -- part 5: glossary -------------------------------------------------------------------------

def _glossary(p: Printed) -> str:
    if p.pack.glossary:
        entries = sorted(p.pack.glossary, key=lambda e: p.text(e.term).casefold())
        body = ('<dl class="glossary">' + "".join(
            f"<div><dt>{p.html(e.term)}</dt><dd>{p.html(e.meaning)}</dd></div>"
            for e in entries) + "</dl>")
    else:
        body = f'<p class="muted">{p.say("glossary.none")}</p>'
    return (f'<section class="part" id="glossary">\n<h2>{p.say("part.glossary")}</h2>\n'
            f'<p class="lead">{p.say("glossary.lead")}</p>\n{body}\n</section>\n')


# -- part 6: every card -------------------------------------------------------------------------

def _cards(p: Printed, pictures: Pictures) -> str:
    out = [f'<section class="part" id="cards">\n<h2>{p.say("part.cards")}</h2>\n'
           f'<p class="lead">{p.say("cards.lead")}</p>\n'
           f'<p class="legend"><span class="tag safe">{p.say("choice.safe")}</span> '
           f'<span class="tag unsafe">{p.say("choice.unsafe")}</span> '
           f'<span class="tag coerced">{p.say("choice.coerced")}</span> '
           f'{p.say("cards.legend")}</p>\n']
    for stage in STAGES:
        cards = [n for n in p.cards if n.card.stage == stage]
        if not cards:
            continue
        out.append(f'<h3 class="stage-head {stage}">{p.stage_n(stage)}</h3>')
        out += [_card(p, n, pictures) for n in cards]
    out.append("</section>\n")
    return "\n".join(out)


def _card(p: Printed, n: Numbered, pictures: Pictures) -> str:
    card = n.card
    cls = pictures.css_class(card.image)
    picture = (f'<div class="pic {cls}" role="img" aria-label="{p.html(card.title)}"></div>'
               if cls else "")
    tags = [f'<span class="where">{p.stage_n(card.stage)} \u00b7 {p.route(card.route)}</span>']
    if n.pile == "crisis":
        tags.append(f'<span class="tag danger">{p.say("pile.crisis")}</span>')
    elif n.pile == "follow":
        tags.append(f'<span class="tag follow">{p.say("pile.follow")}</span>')
    if card.shows:
        tags.append(f'<span class="tag shows">{p.say("cards.shows", what=p.plain_elements(card.shows))}'
                    "</span>")
    choices = []
    for ch in card.choices:
        kind = choice_kind(ch)
        extra = []
        needs = p.needs(ch)
        if needs:
            extra.append(f'<span class="needs">{needs}</span>')
        leads = p.leads_short(ch)
        if leads:
            extra.append(f'<span class="leads">{leads}</span>')
        choices.append(f'<li class="{kind}"><span class="tag {kind}">{p.say(f"choice.{kind}")}'
                       f'</span> {p.html(ch.label)}{"".join(extra)}</li>')
    discuss = (f'<p class="discuss"><strong>{p.say("cards.discuss")}</strong> '
               f'{p.html(card.discuss)}</p>' if card.discuss else "")
    return (f'<article class="card-entry {n.pile}" id="card-{n.number}">{picture}'
            f'<header><span class="num">{n.number}</span><h4>{p.html(card.title, card.id)}</h4>'
            f'</header><p class="tags">{" ".join(tags)}</p>'
            f'<p class="text">{p.html(card.text)}</p><ol class="choices">{"".join(choices)}</ol>'
            f'{discuss}<p class="card-id">{escape(card.id)}</p></article>')


# -- part 7: check again ------------------------------------------------------------------------

def _check_again(p: Printed, sources) -> str:
    tables = []
    for table in sources.tables:
        head = ("<thead><tr>" + "".join(f"<th>{escape(c)}</th>" for c in table.header)
                + "</tr></thead>") if table.header else ""
        rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                       for row in table.rows)
        tables.append(f'<table class="check cols-{len(table.rows[0])}">{head}<tbody>{rows}'
                      "</tbody></table>")
    bullets = ("<ul>" + "".join(f"<li>{escape(b)}</li>" for b in sources.bullets) + "</ul>"
               if sources.bullets else "")
    return (f'<section class="part" id="check">\n<h2>{p.say("part.check")}</h2>\n'
            f'<p class="lead">{p.say("check.lead")}</p>\n'
            f'<p class="note">{p.say("check.from", heading=sources.heading)}</p>\n'
            + "\n".join(tables) + bullets + "\n</section>\n")


# -- part 8: the help sheet ---------------------------------------------------------------------

def _help_sheet(p: Printed) -> str:
    size = p.contact_size(HELP_SHEET_WIDTH, HELP_SHEET_HEIGHT)
    return (f'<section class="part handout" id="help-sheet" style="--contact-size: {size}pt">\n'
            f'<p class="brand">{p.say("brand")} \u00b7 {p.title}</p>\n'
            f'<h2>{p.say("help.title")}</h2>\n'
            f'<p class="not-your-fault">{p.say("help.not-your-fault")}</p>\n'
            f'{_contacts_list(p, "contacts big")}\n'
            f'<div class="write-in"><strong>{p.say("help.write-in")}</strong>'
            '<span class="line"></span><span class="line"></span></div>\n'
            f'<p class="keep">{p.say("help.keep")}</p>\n</section>\n')
