"""Print-and-play: the board and every card of a pack on A4, for a class without a projector.

    render_deck(pack, lang, length="short") -> str      write_deck(pack, lang, path, length)

One self-contained HTML page, in this order: a one-page rules sheet; the board
(an A4 landscape page, inline SVG from game.engine.board's layout, with its
legend and the documents each checkpoint asks for); player sheets to copy
(money, debt, risk, documents, help contacts); the help-contacts card for the
middle of the table; every card; the ending cards.

A card is a strip across the page: the front (picture, title, text, numbered
choices) on the left, the answers on the right (each choice's feedback, its
effects in plain words, where it leads: the card to read next or the ending
card, and the discussion question). Cut along the solid line, fold along the
dashed one: the answers are on the back, so a player chooses before seeing
them. Cards are numbered as in the guide; endings are lettered.
"""
from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

from game.content.model import ELEMENTS, STAGES, Pack
from game.print.board_svg import BoardDrawing
from game.print.page import document, style, write_page
from game.print.pictures import Pictures
from game.print.printed import Numbered, Printed, choice_kind

DEFAULT_LENGTH = "short"
# the type sizes a card is printed at, largest first: the largest whose faces fit is used
SIZES = (("normal", 9.2), ("compact", 8.4), ("dense", 7.7))   # deck.css: .strip.<name>
CARD_HEIGHT = 85.0       # mm: three cards on a page (deck.css: .strip min-height)
FACE_EXTRA = 14.0        # mm on each face that is not text: the band, padding, the last line
FACE_TEXT = 89.0         # mm of text width on a face (97 mm less padding)
PILE_MARKS = {"any": "\u2605 ", "crisis": "\u26a0 "}   # as on the board: the event star
PICTURE_COST = 9.0       # mm the picture (31 x 21 mm, text flowing beside it) adds to a face
HELP_CARD_WIDTH, HELP_CARD_HEIGHT = 178, 215   # mm the contacts may fill on the help card


def write_deck(pack: Pack, lang: str, path: Path, length: str = DEFAULT_LENGTH) -> None:
    write_page(path, render_deck(pack, lang, length))


def render_deck(pack: Pack, lang: str, length: str = DEFAULT_LENGTH) -> str:
    p = Printed(pack, lang)
    pictures = Pictures(pack.path)
    drawing = BoardDrawing(p, length)
    parts = [_rules(p, drawing), _board(p, drawing), _player_sheets(p), _help_card(p),
             _cards(p, pictures), _endings(p), _glossary(p)]
    css = style("print.css") + style("deck.css") + pictures.css()
    title = f"{p.say('deck.title')} \u2014 {p.title}"
    return document(p.say("language-code"), title, css, "\n".join(parts))


# -- the rules sheet ----------------------------------------------------------------------------

def _ending_ref(p: Printed, key: str) -> str:
    outcome_id = p.pack.ending(key)
    outcome = p.outcome(outcome_id)
    title = p.html(outcome.title, outcome_id) if outcome else escape(outcome_id)
    return (f'<span class="letter">{p.letter.get(outcome_id, "?")}</span> '
            f'\u201c{title}\u201d')


def _rules(p: Printed, drawing: BoardDrawing) -> str:
    start_docs = p.documents(p.pack.start.documents) or p.say("rules.no-documents")
    values = {"money": p.money(p.pack.start.money), "docs": start_docs,
              "home": _ending_ref(p, "home"), "home_unsafe": _ending_ref(p, "home-unsafe"),
              "risk": _ending_ref(p, "risk"), "assisted": _ending_ref(p, "assisted"),
              "cards": str(len(p.cards)), "endings": str(len(p.pack.outcomes)),
              "last": p.letter[p.pack.outcomes[-1].id] if p.pack.outcomes else "A"}

    def para(key: str) -> str:
        template = p.plain(key)
        used = {k: v for k, v in values.items() if f"%{{{k}}}" in template}
        return p.say_html(key, **used)

    def block(name: str, count: int) -> str:
        items = "".join(f"<li>{para(f'rules.{name}.{i}')}</li>" for i in range(1, count + 1))
        return f'<h3>{p.say(f"rules.{name}.title")}</h3><ul>{items}</ul>'

    return (f'<section class="rules">\n<p class="brand">{p.say("brand")} \u00b7 '
            f'{p.say("deck.title")}</p>\n<h1>{p.title}</h1>\n'
            f'<p class="lead">{para("rules.lead")}</p>\n<div class="cols">'
            + block("need", 3) + block("prepare", 4) + block("start", 2)
            + block("turn", 6) + block("choose", 4) + block("risk", 3)
            + block("end", 5) + "</div>\n"
            f'<p class="fault">{p.say("rules.fault")}</p>\n</section>\n')


# -- the board -------------------------------------------------------------------------------

def _board(p: Printed, drawing: BoardDrawing) -> str:
    checkpoints = []
    for stage in STAGES:
        docs = drawing.board.checkpoints.get(stage)
        if docs:
            checkpoints.append(
                f'<li><b class="cp">C{drawing.checkpoint_number(stage)}</b> '
                + p.say_html("board.checkpoint-needs", stage=p.stage_n(stage),
                             docs=p.documents(docs)) + "</li>")
    legend = [("card", p.say("legend.card")), ("event", p.say("legend.event")),
              ("safe", p.say("legend.safe")), ("checkpoint", p.say("legend.checkpoint")),
              ("irregular", p.say("legend.irregular"))]
    keys = "".join(f'<li><i class="swatch {kind}"></i>{text}</li>' for kind, text in legend)
    cps = (f'<ul class="checkpoints">{"".join(checkpoints)}</ul>' if checkpoints
           else f'<p>{p.say("board.no-checkpoints")}</p>')
    length = p.say(f"board.length-{drawing.length}")
    return (f'<section class="board-page">\n<h2>{p.say("board.title")} \u00b7 {p.title} '
            f'<small>{length}</small></h2>\n{drawing.svg()}\n<div class="legend">'
            f'<ul class="keys">{keys}<li><b>\u21c4</b> {p.say("legend.switch")}</li></ul>'
            f'<div class="cps"><h3>{p.say("board.checkpoints")}</h3>{cps}'
            f'<p class="safe-places">{p.say("legend.places")}</p></div></div>\n</section>\n')


# -- player sheets ----------------------------------------------------------------------------

def _player_sheet(p: Printed) -> str:
    start = set(p.pack.start.documents)
    docs = "".join(
        f'<li><i class="box{" ticked" if d.id in start else ""}"></i>{p.html(d.name, d.id)}</li>'
        for d in p.pack.documents)
    contacts = "".join(f'<li><i class="box"></i>{p.html(c.name, c.id)}</li>'
                       for c in p.pack.contacts)
    risk = "".join(f'<span class="r{" danger" if i == 10 else ""}">{i}</span>'
                   for i in range(11))
    return (f'<div class="sheet">\n<div class="sheet-head"><span class="field">'
            f'{p.say("sheet.name")}</span><span class="field short">{p.say("sheet.token")}</span>'
            f'<span class="route">{p.say("sheet.route")} <i class="box ticked"></i>'
            f'{p.route("regular")} <i class="box"></i>{p.route("irregular")}</span></div>\n'
            f'<div class="sheet-money"><div><b>{p.say("sheet.money")}</b>'
            f'<span class="start">{p.say("sheet.start", money=p.plain_money(p.pack.start.money))}'
            f'</span></div><div><b>{p.say("sheet.debt")}</b><span class="start">'
            f'{p.say("sheet.start", money=p.plain_money(0))}</span></div>'
            f'<div><b>{p.say("sheet.turns-lost")}</b></div></div>\n'
            f'<div class="sheet-risk"><b>{p.say("sheet.risk")}</b>{risk}'
            f'<small>{p.say("sheet.risk-note")}</small></div>\n'
            f'<div class="sheet-lists"><div><b>{p.say("sheet.documents")}</b><ul>{docs}</ul></div>'
            f'<div><b>{p.say("sheet.contacts")}</b><ul>{contacts}</ul>'
            f'<b>{p.say("sheet.notes")}</b><span class="notes"></span></div></div>\n'
            f'<div class="sheet-foot"><i class="box"></i> <b>{p.say("sheet.trafficked")}</b> '
            f'{p.say("sheet.trafficked-note")}</div>\n</div>\n')


def _player_sheets(p: Printed) -> str:
    return (f'<section class="sheets">\n<p class="copy-note">{p.say("sheet.copy")}</p>\n'
            + _player_sheet(p) + _player_sheet(p) + "</section>\n")


# -- the help-contacts card ------------------------------------------------------------------------

def _help_card(p: Printed) -> str:
    """A whole page for the middle of the table: the contacts as big as they fit."""
    if p.pack.contacts:
        contacts = "<ul class=\"contacts\">" + "".join(
            f"<li><strong>{p.html(c.name, c.id)}</strong> {p.html(c.detail)}</li>"
            for c in p.pack.contacts) + "</ul>"
    else:
        contacts = f'<p class="muted">{p.say("contacts.none")}</p>'
    size = p.contact_size(HELP_CARD_WIDTH, HELP_CARD_HEIGHT)
    return (f'<section class="help-card-page">\n<div class="cutbox help-card" '
            f'style="--contact-size: {size}pt"><h2>{p.say("help.title")}</h2>'
            f'<p class="not-your-fault">{p.say("help.not-your-fault")}</p>{contacts}'
            f'<p class="how-learn">{p.say("help.how-learn")}</p></div>\n</section>\n')


# -- the cards -----------------------------------------------------------------------------------

def _cards(p: Printed, pictures: Pictures) -> str:
    out = [f'<section class="cards">\n<p class="cut-note">{p.say("deck.cut-note")}</p>']
    for n in p.cards:
        out.append(_strip(p, n, pictures))
    out.append("</section>\n")
    return "\n".join(out)


def _band(p: Printed, n: Numbered) -> str:
    card = n.card
    pile = p.say(f"pile.{n.pile}")
    route = "" if n.pile in ("regular", "irregular", "any") else \
        f" \u00b7 {p.route(card.route)}"
    mark = PILE_MARKS.get(n.pile, "")
    return (f'<div class="band"><span class="num">{n.number}</span>'
            f'<span class="pile">{p.stage_n(card.stage)} \u00b7 {mark}{pile}{route}</span></div>')


def _lines(text: str, width_mm: float, size_pt: float, em: float = 0.5) -> int:
    """About how many lines `text` takes in a column `width_mm` wide at `size_pt`."""
    if not text:
        return 0
    per_line = max(8, int(width_mm / 25.4 * 72 / (em * size_pt)))
    words, lines, used = text.split(), 1, 0
    for word in words:
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return lines


def _plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def card_size(front: list, back: list) -> str:
    """The largest type that keeps both faces of a card within CARD_HEIGHT; each
    face is a list of (text, width in mm, size as a multiple of the type, em width),
    or of heights in mm that do not depend on the type (the picture)."""
    for name, pt in SIZES:
        heights = []
        for face in (front, back):
            mm = FACE_EXTRA
            for part in face:
                if isinstance(part, (int, float)):
                    mm += part
                    continue
                text, width, scale, em = part
                n = _lines(text, width, pt * scale, em)
                mm += n * pt * scale * 1.3 / 72 * 25.4 + (1.1 if n else 0)
            heights.append(mm)
        if max(heights) <= CARD_HEIGHT:
            return name
    return SIZES[-1][0]


def _strip(p: Printed, n: Numbered, pictures: Pictures) -> str:
    card = n.card
    cls = pictures.css_class(card.image)
    picture = (f'<div class="pic {cls}" role="img" aria-label="{p.html(card.title)}"></div>'
               if cls else "")
    choices = []
    answers = []
    front = [(p.text(card.title), FACE_TEXT - (33 if cls else 0), 1.12, 0.56),
             (p.text(card.text), FACE_TEXT, 1, 0.5)]
    if cls:
        front.append(PICTURE_COST)
    back = []
    for i, ch in enumerate(card.choices, 1):
        needs = p.needs(ch)
        choices.append(f'<li><b class="n">{i}</b><span>{p.html(ch.label)}'
                       + (f'<small class="needs">{needs}</small>' if needs else "")
                       + "</span></li>")
        front.append((p.text(ch.label), FACE_TEXT - 6, 1, 0.5))
        if needs:
            front.append((_plain(needs), FACE_TEXT - 6, 0.92, 0.5))
        kind = choice_kind(ch)
        effects = p.effects(ch)
        leads = p.leads(ch)
        feedback = p.html(ch.feedback) if ch.feedback else ""
        answers.append(
            f'<div class="answer {kind}"><b class="n">{i}</b><div>'
            f'<span class="tag {kind}">{p.say(f"answer.{kind}")}</span> {feedback}'
            + (f'<span class="fx">{" ".join(effects)}</span>' if effects else "")
            + f'<span class="leads">\u2192 {leads}</span></div></div>')
        back += [(p.plain(f"answer.{kind}") + " " + p.text(ch.feedback), FACE_TEXT - 6, 1, 0.5),
                 (_plain(" ".join(effects)), FACE_TEXT - 6, 1, 0.56),
                 (_plain(leads), FACE_TEXT - 6, 1, 0.56)]
    shows = ""
    if card.shows_act_and_means:
        shows = f'<p class="shows both">\u26a0 {p.say("deck.act-and-means")}</p>'
    elif card.shows:
        shows = (f'<p class="shows">\u26a0 '
                 f'{p.say("deck.shows", what=p.plain_elements(card.shows))}</p>')
    discuss = (f'<p class="discuss"><b>{p.say("cards.discuss")}</b> {p.html(card.discuss)}</p>'
               if card.discuss else "")
    back += [(_plain(shows), FACE_TEXT - 4, 1, 0.55), (_plain(discuss), FACE_TEXT - 4, 1, 0.5)]
    size = card_size(front, back)
    return (f'<div class="strip {n.pile} {card.stage} {size}" id="card-{n.number}">'
            f'<div class="face front">{_band(p, n)}<div class="body">{picture}'
            f'<h3>{p.html(card.title, card.id)}</h3><p class="text">{p.html(card.text)}</p>'
            f'<ol class="choices">{"".join(choices)}</ol></div>'
            f'<p class="turn">{p.say("deck.turn-over")}</p></div>'
            f'<div class="face back"><div class="band"><span class="num">{n.number}</span>'
            f'<span class="pile">{p.say("deck.answers")}</span></div><div class="body">'
            f'{"".join(answers)}{shows}{discuss}</div>'
            f'<p class="card-id">{escape(card.id)}</p></div></div>')


# -- the ending cards ------------------------------------------------------------------------------

def _endings(p: Printed) -> str:
    cards = []
    for o in p.pack.outcomes:
        elements = ""
        if o.elements:
            elements = (f'<div class="el"><b>{p.say("deck.elements")}</b><dl>' + "".join(
                f"<div><dt>{p.element(x)}</dt><dd>{p.html(getattr(o.elements, x))}</dd></div>"
                for x in ELEMENTS) + "</dl></div>")
        note = ""
        if o.kind == "trafficked":
            note = f'<p class="assisted">{p.say("deck.assisted")}</p>'
        cards.append(f'<div class="cutbox ending {o.kind}"><div class="band">'
                     f'<span class="letter">{p.letter[o.id]}</span>'
                     f'<span>{p.say("deck.ending")} \u00b7 {p.kind(o.kind)}</span></div>'
                     f'<h3>{p.html(o.title, o.id)}</h3><p>{p.html(o.debrief)}</p>{elements}'
                     f'{note}</div>')
    return (f'<section class="endings">\n<h2>{p.say("deck.endings")}</h2>\n'
            f'<div class="ending-grid">{"".join(cards)}</div>\n</section>\n')


# -- words to know ----------------------------------------------------------------------------

def _glossary(p: Printed) -> str:
    """The pack's glossary on a sheet for the table (the screens show it beside cards)."""
    if not p.pack.glossary:
        return ""
    entries = sorted(p.pack.glossary, key=lambda e: p.text(e.term).casefold())
    items = "".join(f"<div><dt>{p.html(e.term)}</dt><dd>{p.html(e.meaning)}</dd></div>"
                    for e in entries)
    return (f'<section class="words">\n<h2>{p.say("part.glossary")}</h2>\n'
            f'<p class="lead">{p.say("deck.glossary")}</p>\n<dl class="glossary">{items}</dl>\n'
            "</section>\n")
