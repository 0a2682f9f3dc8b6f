"""What each debrief page says, as rows of a `Flow`; the texts are looked up
in the pack (the debrief itself holds ids only).

    overview      how many ended safe, unsafe, trafficked, trafficked then
                  assisted; who ended where; every help contact, name and detail
    player_side   beside a journey's board: the ending and its three elements,
                  money, debt and documents at the end, each unsafe choice with
                  the safe one (and its "what if" button), what was done to the
                  player under threat, what the ending means
    what_if_side  beside a "what if": the choice made instead, where it could
                  lead, the cards after it
    discussion    the discussion question of every card played, with its title
"""
from __future__ import annotations

import math
from typing import Callable, Optional

import pygame

from game.localise import tr
from game.ui.debrief.flow import ButtonSpec, Cell, Flow
from game.ui.debrief.journey import COERCED, UNSAFE, draw_step_mark, step_kind
from game.ui.text import draw_line, line_height, text_width
from game.ui.theme import palette
from game.ui.widgets import Button, draw_contact, draw_mark, draw_token, rounded

KIND_MARK = {"safe": "safe", "unsafe": "unsafe", "trafficked": "trafficked",
             "unfinished": "none"}
CATEGORIES = ("safe", "unsafe", "trafficked", "assisted", "unfinished")


def kind_words(p) -> str:
    """How a journey ended, in words: "trafficked, then assisted" named as such."""
    return tr(f"kind_{category(p)}")


def category(p) -> str:
    """safe | unsafe | trafficked | assisted (trafficked, then assisted) | unfinished."""
    return "assisted" if p.kind == "trafficked" and p.assisted else p.kind


def chip_colours() -> dict[str, pygame.Color]:
    C = palette()
    return {"safe": C.safe_bg, "unsafe": C.unsafe_bg, "trafficked": C.trafficked_bg,
            "assisted": C.trafficked_bg, "unfinished": C.unfinished_bg}


def ending_title(app, p) -> str:
    outcome = app.pack.outcome(p.outcome) if p.outcome else None
    if outcome is not None:
        return app.text(outcome.title)
    return tr("unfinished_left" if p.ended == "left" else "unfinished_stopped")


def _with_kind(title: str, words: str) -> str:
    return title if title.strip().lower() == words.strip().lower() else f"{title} ({words})"


def mark_icon(kind: str):
    return lambda s, c, d: draw_mark(s, c, d, kind)


def step_icon(kind: str, number: Optional[int], L):
    return lambda s, c, d: draw_step_mark(s, c, d, kind, number, L.min_text)


# -- page 1: the class --------------------------------------------------------------------

def overview(flow: Flow, app, debrief) -> None:
    L = flow.L
    _chips(flow, debrief)
    flow.gap(L.pad)
    players = debrief.players
    tk = round(L.body * 1.1)
    mk = round(L.body * 1.0)
    names = [app.player_name(p) for p in players]
    name_w = min(max(text_width(n, L.body, True) for n in names),
                 round((flow.width - tk - mk - 3 * L.pad) * 0.42))
    left = tk + L.pad
    right = left + name_w + L.pad + mk + L.pad
    for p, name in zip(players, names):
        text = _with_kind(ending_title(app, p), kind_words(p))

        def icons(s, x, y, lh, p=p):
            draw_token(s, (x + tk // 2, y + lh // 2), tk, p.player)
            draw_mark(s, (x + left + name_w + L.pad + mk // 2, y + lh // 2), mk,
                      KIND_MARK[p.kind])
        flow.cells([Cell(left, name_w, name, L.body, tuple(palette().ink), True),
                    Cell(right, flow.width - right, text, L.body, tuple(palette().ink))],
                   icon=icons)
        flow.gap(max(2, L.pad // 3))
    contacts(flow, app, debrief.contacts)


def _chips(flow: Flow, debrief) -> None:
    """How many journeys ended in each way, as coloured chips (zeros shown, but
    "unfinished" and "then assisted" only when there are some)."""
    L, C = flow.L, palette()
    counts = {k: 0 for k in CATEGORIES}
    for p in debrief.players:
        counts[category(p)] += 1
    size, mk = L.body, round(L.body * 0.95)
    lh = line_height(size)
    chips = [(k, f"{tr('kind_' + k)}: {counts[k]}") for k in CATEGORIES
             if counts[k] or k in ("safe", "unsafe", "trafficked")]
    rows: list[list[tuple]] = [[]]
    x = 0
    for k, label in chips:
        w = min(flow.width, mk + L.pad * 3 + text_width(label, size, True))
        if x + w > flow.width and rows[-1]:
            rows.append([])
            x = 0
        rows[-1].append((k, label, x, w))
        x += w + L.pad
    colours = chip_colours()
    marks = dict(KIND_MARK, assisted="trafficked")
    for row in rows:
        def paint(s, x0, y0, box, row=row):
            for k, label, x, w in row:
                chip = pygame.Rect(x0 + x, y0, w, lh)
                rounded(s, chip, colours[k], lh // 2)
                draw_mark(s, (chip.x + L.pad + mk // 2, chip.centery), mk, marks[k])
                draw_line(s, label, size, C.ink, (chip.x + 2 * L.pad + mk, y0 + lh // 2),
                          bold=True, anchor="midleft", box=box, what="debrief-count")
        flow.strip(lh + L.pad // 2, paint, text=" ".join(label for _, label, _, _ in row))


def contacts(flow: Flow, app, ids) -> None:
    """Where to ask for help: every contact of the pack, name and detail."""
    L, C = flow.L, palette()
    if not ids:
        return
    flow.heading(tr("help_title"))
    flow.text(tr("debrief_help_hint"), colour=C.ink_soft)
    flow.gap()
    ic = round(L.body * 1.2)
    if flow.width >= 2 * 20 * L.body:        # a wide screen: two contacts side by side
        flow.side_by_side([[(app.text(app.pack.contact(cid).name), True),
                            (app.text(app.pack.contact(cid).detail), False)] for cid in ids],
                          2, lambda s, x, y, lh: draw_contact(
                              s, pygame.Rect(x, y + (lh - ic) // 2, ic, ic)), ic + L.pad)
        return
    for cid in ids:
        c = app.pack.contact(cid)
        flow.item(lambda s, ctr, d: draw_contact(s, pygame.Rect(ctr[0] - d // 2, ctr[1] - d // 2,
                                                                d, d)),
                  app.text(c.name), bold=True, icon_size=ic, keep=True)
        flow.text(app.text(c.detail), indent=ic + L.pad)
        flow.gap(L.pad)


# -- a player's page: beside the board ----------------------------------------------------

def unsafe_numbers(p) -> dict[int, int]:
    """Step index -> the number of the unsafe choice (1, 2, ...) on this journey."""
    out, n = {}, 0
    for i, s in enumerate(p.steps):
        if s.unsafe:
            n += 1
            out[i] = n
    return out


def player_side(flow: Flow, app, p, what_if: Callable[[int, int], ButtonSpec]) -> None:
    """`what_if(step, number)` gives the button that replays from that unsafe choice."""
    L, C = flow.L, palette()
    pack = app.pack
    cards = {c.id: c for c in pack.cards}
    ending(flow, app, p)
    elements(flow, app, p)
    flow.heading(tr("debrief_at_end"))
    flow.pair(tr("money"), app.money(p.money))
    flow.pair(tr("debt"), app.money(p.debt), colour=C.warning if p.debt > p.money else None)
    docs = ", ".join(app.text(pack.document(x).name).split(" (")[0]
                     for x in p.documents) or tr("none")
    flow.pair(tr("documents"), docs)
    numbers = unsafe_numbers(p)
    flow.heading(tr("debrief_unsafe_title"))
    if not numbers:
        flow.item(mark_icon("safe"), tr("debrief_no_unsafe"))
    else:
        flow.text(tr("debrief_unsafe_hint"), L.min_text, C.ink_soft)
    indent = round(L.body * 1.05) + L.pad
    for i, n in numbers.items():
        s = p.steps[i]
        card = cards.get(s.card)
        if card is None:
            continue
        flow.gap()
        flow.item(step_icon(UNSAFE, n, L), app.text(card.title), bold=True, keep=True,
                  icon_size=max(math.ceil(L.min_text * 1.2), round(L.body * 1.05)))
        flow.item(step_icon(UNSAFE, None, L), app.text(card.choices[s.choice].label),
                  indent=indent)
        spec = what_if(i, n)
        safe = spec.choice if spec.choice is not None else (s.safe_choices or (None,))[0]
        if safe is not None:
            flow.item(mark_icon("safe"), app.text(card.choices[safe].label), indent=indent,
                      bold=True, colour=C.safe)
        spec.indent = indent
        flow.button(spec, what_if_height(L, spec, flow.width - indent))
    forced = [s for s in p.steps if s.coerced and s.choice is not None and s.card in cards]
    if forced:
        flow.heading(tr("debrief_coerced_title"))
        for s in forced:
            card = cards[s.card]
            flow.item(step_icon(COERCED, None, L), f"{app.text(card.title)}: "
                      f"{app.text(card.choices[s.choice].label)}")


def what_if_height(L, spec: ButtonSpec, width: int) -> int:
    return Button.height_for(spec.label, width, L.body, number=True, reason=spec.reason,
                             reason_size=L.min_text)


def ending(flow: Flow, app, p, title_size: Optional[int] = None) -> None:
    """The ending: its title, the kind of ending in words, and help if it came."""
    L, C = flow.L, palette()
    size = title_size or (L.body + L.heading) // 2
    flow.item(mark_icon(KIND_MARK[p.kind]), ending_title(app, p), size=size, bold=True)
    colour = {"safe": C.safe, "unsafe": C.warning, "trafficked": C.trafficked}.get(p.kind, C.ink)
    flow.text(kind_words(p), bold=True, colour=colour, indent=round(size * 1.05) + L.pad)
    if p.assisted_by:
        flow.text(tr("assisted", contact=app.text(app.pack.contact(p.assisted_by).name)))
    elif p.assisted:
        flow.text(tr("assisted_helped"))


def elements(flow: Flow, app, p) -> None:
    """The act, the means and the purpose of the ending, and the card where each
    appeared on the journey."""
    pack = app.pack
    outcome = pack.outcome(p.outcome) if p.outcome else None
    e = outcome.elements if outcome else None
    seen_on = p.elements
    if not e and not seen_on:
        return
    flow.heading(tr("elements_title"))
    if e:
        for key in ("act", "means", "purpose"):
            value = app.text(getattr(e, key))
            if value:
                flow.pair(tr(f"element_{key}"), value)
    cards: dict[str, list[str]] = {}
    for key in ("act", "means", "purpose"):
        if key in seen_on:
            cards.setdefault(seen_on[key], []).append(tr(f"element_{key}"))
    for cid, names in cards.items():
        flow.item(_element_icon(flow.L), tr("element_seen_on", text=", ".join(names),
                                            card=app.text(pack.card(cid).title)),
                  colour=palette().trafficked)


def _element_icon(L):
    """A small red tag, like the ones on the board."""
    def paint(s, c, d):
        C = palette()
        r = pygame.Rect(0, 0, d, round(d * 0.62))
        r.center = c
        pygame.draw.rect(s, C.trafficked_bg, r, border_radius=r.height // 2)
        pygame.draw.rect(s, C.trafficked, r, max(2, d // 12), border_radius=r.height // 2)
    return paint


# -- what if --------------------------------------------------------------------------------

def what_if_side(flow: Flow, app, p, wi, number: int) -> None:
    L, C = flow.L, palette()
    pack = app.pack
    card = pack.card(wi.card)
    real = p.steps[wi.step]
    flow.text(tr("what_if_title", name=app.player_name(p)), (L.body + L.heading) // 2, C.focus,
              True)
    flow.gap()
    indent = round(L.body * 1.05) + L.pad
    flow.item(step_icon(UNSAFE, number, L), app.text(card.title), bold=True, keep=True,
              icon_size=max(math.ceil(L.min_text * 1.2), round(L.body * 1.05)))
    flow.item(step_icon(UNSAFE, None, L), app.text(card.choices[real.choice].label),
              indent=indent)
    flow.item(mark_icon("safe"), tr("what_if_instead", label=app.text(
        card.choices[wi.choice].label)), indent=indent, bold=True, colour=C.safe)
    flow.heading(tr("what_if_end"), colour=C.focus)
    ending(flow, app, wi, title_size=L.body)
    flow.pair(tr("money"), app.money(wi.money))
    flow.pair(tr("debt"), app.money(wi.debt), colour=C.warning if wi.debt > wi.money else None)
    known = {c.id for c in pack.cards}
    after = [s for s in wi.steps[1:] if s.card in known]
    if after:
        flow.heading(tr("what_if_after"), colour=C.focus, size=L.body)
        for s in after:
            kind = step_kind(s.choice, s.safe, s.coerced)
            flow.item(step_icon(kind, None, L), app.text(pack.card(s.card).title),
                      icon_size=math.ceil(L.min_text * 1.05))
    flow.gap(L.pad)
    flow.text(tr("what_if_note"), colour=C.ink_soft)


# -- the last page ---------------------------------------------------------------------------

def discussion(flow: Flow, app, debrief) -> None:
    """Each played card's question, numbered, with its title and the tokens of
    the players who met it."""
    L, C = flow.L, palette()
    pack = app.pack
    met: dict[str, list[int]] = {}
    for p in debrief.players:
        for s in p.steps:
            if p.player not in met.setdefault(s.card, []):
                met[s.card].append(p.player)
    tk = round(L.body * 0.9)
    for n, cid in enumerate(debrief.discussion, 1):
        card = pack.card(cid)
        who = met.get(cid, [])
        tokens_w = len(who) * (tk + L.pad // 3) + (L.pad if who else 0)
        number = f"{n}."
        nw = text_width("99.", L.body, True) + L.pad // 2

        def icons(s, x, y, lh, who=who):
            for k, player in enumerate(who):
                cx = x + flow.width - tokens_w + L.pad + k * (tk + L.pad // 3) + tk // 2
                draw_token(s, (cx, y + lh // 2), tk, player)
        flow.cells([Cell(0, nw, number, L.body, tuple(C.secondary), True),
                    Cell(nw, flow.width - nw - tokens_w, app.text(card.title), L.body,
                         tuple(C.ink), True)], icon=icons, keep=True)
        flow.text(app.text(card.discuss), indent=nw)
        flow.gap(L.pad)
