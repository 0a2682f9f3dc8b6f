"""The side panel of the board: the player whose turn it is (or who is being
shown), their route, money, debt, risk (as a number and a meter), documents
and contacts.

The panel is a list of rows, each (height, draw function), so it can be
measured before it is drawn. What matters is never hidden: when the rows do
not fit above the roll button, the panel tries, at each text size from body
text down to the layout's minimum, the lists one item a line, then in two
columns with short names, then as flowing chips. Only at the minimum size,
and only when nothing else fits, are the help contacts cut ("and 2 more");
the documents are always all shown. Nothing is ever drawn under the roll
button: text outside the panel's body is recorded in `text.OVERFLOWS`.
When not even the running names fit (eleven long document names at the
largest text size), the documents become a grid of their pictures under a
heading that counts them ("Dokumen: 11"): every document is still there.
"""
from __future__ import annotations

import math
from collections import OrderedDict
from typing import Callable

import pygame

from game.localise import tr
from game.ui.text import block, line_height, text_width
from game.ui.theme import palette
from game.ui.widgets import draw_contact, draw_document, draw_token

LIST_MODES = ("full", "columns", "chips")   # the lists, roomiest first
# ... and when none of them fits even at the minimum size: one short name after another


def draw_panel(L, app, journey, body: pygame.Rect) -> pygame.Surface:
    """The panel (the size of `L.panel`) for `journey`, its rows inside `body`
    (screen coordinates, above the roll button)."""
    C = palette()
    p = L.panel
    surf = pygame.Surface(p.size)
    surf.fill(C.paper)
    pygame.draw.line(surf, C.border, (0, 0), (0, p.height), L.border)
    body = body.move(-p.x, -p.y)
    ops = panel_rows(L, app, journey, body)
    y = body.y
    surf.set_clip(body.inflate(2, 2))      # never under the roll button, whatever happens
    for h, fn in ops:
        fn(surf, body.x, y)
        y += h
    surf.set_clip(None)
    return surf


def text_sizes(L) -> list[int]:
    """Body text, then smaller in a few steps, down to the layout's minimum."""
    step = max(1, (L.body - L.min_text) // 4)
    return list(range(L.body, L.min_text, -step)) + [L.min_text]


_chosen: "OrderedDict[tuple, tuple]" = OrderedDict()   # what fitted, by what was shown
_CHOSEN = 64


def panel_rows(L, app, journey, body: pygame.Rect):
    """The rows that fit `body` (panel coordinates): the largest text size with the
    roomiest lists first; then without the name (the top bar right above shows
    the same token and name); then the lists as running text; the help contacts
    are cut only when nothing else fits, the documents never. What fitted is
    remembered, so the same panel is measured once."""
    key = (L, app.lang, tuple(body), id(app.pack), app.player_name(journey), journey.player,
           journey.route, journey.waiting, journey.skip, journey.active, journey.money,
           journey.debt, journey.risk, journey.documents, journey.contacts)
    choice = _chosen.get(key)
    if choice is None:
        choice = _choose(L, app, journey, body)
        _chosen[key] = choice
        if len(_chosen) > _CHOSEN:
            _chosen.popitem(last=False)
    else:
        _chosen.move_to_end(key)
    size, mode, head, cut = choice
    return _rows(L, app, journey, body, size, mode, body.height if cut else None, head)[0]


def _choose(L, app, journey, body: pygame.Rect) -> tuple:
    """(size, mode, head, cut) of the first way that fits, in the order of
    `panel_rows`; within each way the largest size that fits (found by halving:
    a smaller size never needs more room)."""
    sizes = text_sizes(L)
    ways = [(LIST_MODES, True), (LIST_MODES, False), (("text",), True), (("text",), False),
            (("icons",), False)]
    for modes, head in ways:
        def fitting(size):
            return next((m for m in modes if _rows(L, app, journey, body, size, m, None,
                                                     head)[1] <= body.height), None)
        if fitting(sizes[0]) is not None:       # the usual case: body text fits
            return sizes[0], fitting(sizes[0]), head, False
        if fitting(sizes[-1]) is None:
            continue
        lo, hi = 1, len(sizes) - 1          # sizes[hi] fits; find the first that does
        while lo < hi:
            mid = (lo + hi) // 2
            if fitting(sizes[mid]) is not None:
                hi = mid
            else:
                lo = mid + 1
        return sizes[hi], fitting(sizes[hi]), head, False
    return L.min_text, "icons", False, True   # if even that is too tall: contacts cut


def _rows(L, app, j, body: pygame.Rect, size: int, mode: str, cut_to, head: bool = True):
    """The panel's rows at text `size` with the lists in `mode`; with `cut_to`
    (a height) the help contacts stop where the space ends; `head`: the token
    and the name first."""
    C, pack = palette(), app.pack
    width, pad = body.width, L.pad
    lh = line_height(size)
    gap = max(2, pad // 4)
    ops: list[tuple[int, Callable]] = []

    def text_op(text, colour=C.ink, bold=False, indent=0, what="panel", at=size):
        b = block(text, at, colour, width - indent, bold=bold)
        return (b.height, lambda s, x, y: b.draw(s, x + indent, y, body, what))

    # the name, with the token
    tsize = round(min(L.heading, size * 1.3) * 1.15)
    name_w = width - tsize - pad
    name_text = app.player_name(j)
    name = block(name_text, min(L.heading, round(size * 1.3)), C.ink, name_w, bold=True)
    if len(name.lines) > 2:
        name = block(name_text, size, C.ink, name_w, bold=True)
    hh = max(tsize, name.height)

    def draw_head(s, x, y):
        draw_token(s, (x + tsize // 2, y + hh // 2), tsize, j.player)
        name.draw(s, x + tsize + pad, y + (hh - name.height) // 2, body, "panel-name")
    if head:
        ops.append((hh + pad // 2, draw_head))

    route = tr("route_irregular") if j.route == "irregular" else tr("route_regular")
    if j.waiting:
        route += " · " + tr("waiting_checkpoint")
    if j.skip:
        route += " · " + (tr("turns_to_lose_one") if j.skip == 1
                          else tr("turns_to_lose", n=j.skip))
    if not j.active:
        route = tr("journey_over")
    ops.append(text_op(route, C.warning if j.route == "irregular" else C.safe, bold=True,
                       what="panel-route"))

    def pair(label, value, colour, what):
        a = block(label, size, C.ink, width)
        b = block(value, size, colour, width, bold=True, align="right")
        lw = max(s.get_width() for s in a.surfaces) if a.lines else 0
        vw = max(s.get_width() for s in b.surfaces) if b.lines else 0
        if len(a.lines) == 1 and len(b.lines) == 1 and lw + vw + pad <= width:
            return (lh, lambda s, x, y: (a.draw(s, x, y, body, what),
                                         b.draw(s, x, y, body, what + "-value")))
        return (a.height + b.height, lambda s, x, y: (
            a.draw(s, x, y, body, what), b.draw(s, x, y + a.height, body, what + "-value")))
    ops.append(pair(tr("money"), app.money(j.money), C.ink, "panel-money"))
    ops.append(pair(tr("debt"), app.money(j.debt), C.warning if j.debt else C.ink,
                    "panel-debt"))
    meter_h = max(8, round(size * 0.55))

    def meter(s, x, y, w):
        # the level is also told by the number: colour is never the only sign
        step = max(2, w // 80)
        seg = (w - 9 * step) / 10
        for k in range(10):
            r = pygame.Rect(round(x + k * (seg + step)), y, math.ceil(seg), meter_h)
            if k < j.risk:
                colour = C.risk_low if k < 3 else C.risk_mid if k < 6 else C.risk_high
            else:
                colour = C.risk_empty
            pygame.draw.rect(s, colour, r, border_radius=max(2, meter_h // 4))
    risk_label = block(tr("risk"), size, C.ink, width)
    risk_value = block(f"{j.risk}/10", size, C.ink, width, bold=True, align="right")
    beside = width - text_width(tr("risk"), size) - text_width(f"{j.risk}/10", size, True) \
        - 2 * pad
    if len(risk_label.lines) == 1 and beside >= width * 0.4:
        # the meter between the word and the number, on one line
        def risk(s, x, y):
            risk_label.draw(s, x, y, body, "panel-risk")
            risk_value.draw(s, x, y, body, "panel-risk-value")
            meter(s, x + width - beside - text_width(f"{j.risk}/10", size, True) - pad,
                  y + (lh - meter_h) // 2, beside)
        ops.append((lh + round(pad * 0.5), risk))
    else:
        ops.append(pair(tr("risk"), f"{j.risk}/10", C.ink, "panel-risk"))
        ops.append((meter_h + round(pad * 0.8), lambda s, x, y: meter(s, x, y, width)))

    def names(ids, kind):
        out = []
        for item in ids:
            thing = pack.document(item) if kind == "doc" else pack.contact(item)
            full = app.text(thing.name) or item
            out.append((item, full, short_name(full)))
        return out

    docs = names(j.documents, "doc")
    contacts = names(j.contacts, "contact")
    doc_ops = _listing(tr("documents"), docs, size, mode, width, pad, gap, body,
                       lambda s, r, item: draw_document(s, r, item), text_op)
    ops.extend(doc_ops)
    ops.append((round(pad * 0.6), lambda s, x, y: None))

    def contact_rows(shown: list):
        title = tr("contacts") if cut_to is None else f"{tr('contacts')}: {len(contacts)}"
        rows = _listing(title, shown, size, "text" if mode == "icons" else mode, width, pad,
                        gap, body,
                        lambda s, r, item: draw_contact(s, r), text_op, inline=cut_to is None)
        if not shown and contacts:
            return rows[:1]          # the heading says how many
        if len(shown) < len(contacts):
            rows.append(text_op(tr("more_items", n=len(contacts) - len(shown)),
                                what="panel-more"))
        return rows
    con_ops = contact_rows(contacts)
    if cut_to is not None:
        # as many as fit, the shortest first (a phone number says the most)
        room = cut_to - sum(h for h, _ in ops)
        by_length = sorted(contacts, key=lambda c: len(c[2]))
        keep = len(contacts)
        while keep > 0 and sum(h for h, _ in con_ops) > room:
            keep -= 1
            kept = set(c[0] for c in by_length[:keep])
            con_ops = contact_rows([c for c in contacts if c[0] in kept])
    ops.extend(con_ops)
    return ops, sum(h for h, _ in ops)


def short_name(name: str) -> str:
    """A document's or contact's name without what is in brackets or after a
    slash: "KTP (kartu identitas)" -> "KTP"."""
    short = name.split(" (")[0].split(" / ")[0].strip()
    return short or name


def _listing(title, items, size, mode, width, pad, gap, box, draw_icon, text_op,
             inline=True):
    """A heading and its items: one a line ("full"), two columns of short names
    ("columns"), flowing chips of short names ("chips"), or the short names one
    after another as running text ("text"), starting on the heading's line
    when `inline`."""
    C = palette()
    if mode == "text" and items and inline:
        head = block(title + ":", size, C.ink, width, bold=True)
        indent = head.surfaces[0].get_width() + text_width(" ", size)
        lines = _running([short for _, _, short in items], size, width, width - indent)
        first = block(lines[0], size, C.ink, width - indent)
        rest = block("\n".join(lines[1:]), size, C.ink, width) if len(lines) > 1 else None

        def fn(s, x, y):
            head.draw(s, x, y, box, "panel-heading")
            first.draw(s, x + indent, y, box, "panel-items")
            if rest is not None:
                rest.draw(s, x, y + first.line_h, box, "panel-items")
        return [(first.line_h * len(lines), fn)]
    out = [text_op(title, bold=True, what="panel-heading")]
    if not items:
        out.append(text_op(tr("none"), C.ink_soft, indent=pad, what="panel-none"))
        return out
    if mode == "icons":        # pictures only, the heading counts them
        out[0] = text_op(f"{title}: {len(items)}", bold=True, what="panel-heading")
        isz = round(size * 1.3)
        per_row = max(1, (width + gap) // (isz + gap))
        for k in range(0, len(items), per_row):
            row = [item for item, *_ in items[k:k + per_row]]

            def fn(s, x, y, row=row):
                for c, item in enumerate(row):
                    draw_icon(s, pygame.Rect(x + c * (isz + gap), y, isz, isz), item)
            out.append((isz + gap, fn))
        return out
    if mode == "text":
        lines = _running([short for _, _, short in items], size, width)
        out.append(text_op("\n".join(lines), what="panel-items"))
        return out
    lh = line_height(size)
    isz = round(size * 1.1)
    if mode == "full":
        for item, full, _ in items:
            b = block(full, size, C.ink, width - isz - pad)
            hgt = max(isz, b.height) + gap

            def fn(s, x, y, b=b, item=item):
                draw_icon(s, pygame.Rect(x, y + (lh - isz) // 2, isz, isz), item)
                b.draw(s, x + isz + pad, y, box, "panel-item")
            out.append((hgt, fn))
        return out
    if mode == "columns":
        col_w = (width - pad) // 2
        for k in range(0, len(items), 2):
            cells = [(item, block(short, size, C.ink, col_w - isz - pad // 2))
                     for item, _, short in items[k:k + 2]]
            hgt = max(max(isz, b.height) for _, b in cells) + gap

            def fn(s, x, y, cells=cells, col_w=col_w):
                for c, (item, b) in enumerate(cells):
                    cx = x + c * (col_w + pad)
                    draw_icon(s, pygame.Rect(cx, y + (lh - isz) // 2, isz, isz), item)
                    b.draw(s, cx + isz + pad // 2, y, box, "panel-item")
            out.append((hgt, fn))
        return out
    # chips: icon and short name, flowing along the line
    rows, row, x = [], [], 0
    for item, _, short in items:
        w = min(width, isz + pad // 2 + text_width(short, size) + pad)
        if x + w > width and row:
            rows.append(row)
            row, x = [], 0
        row.append((item, short, x, w))
        x += w
    if row:
        rows.append(row)
    for row in rows:
        cells = [(item, x, block(short, size, C.ink, w - isz - pad // 2))
                 for item, short, x, w in row]
        hgt = max(max(isz, b.height) for *_, b in cells) + gap

        def fn(s, x0, y, cells=cells):
            for item, x, b in cells:
                draw_icon(s, pygame.Rect(x0 + x, y + (lh - isz) // 2, isz, isz), item)
                b.draw(s, x0 + x + isz + pad // 2, y, box, "panel-item")
        out.append((hgt, fn))
    return out


def _running(names: list[str], size: int, width: int, first=None) -> list[str]:
    """Names one after another ("KTP · Paspor · ..."), lines broken between names
    where they can be (a name longer than a line wraps by itself); the first line
    is `first` wide (after a heading; "" when not even one name fits there)."""
    from game.ui.text import wrap
    lines = [""]

    def room() -> int:
        return width if first is None or len(lines) > 1 else first
    for name in names:
        cur = lines[-1]
        trial = cur + " · " + name if cur else name
        if text_width(trial, size) <= room():
            lines[-1] = trial
            continue
        if cur and text_width(cur + " ·", size) <= room():
            lines[-1] = cur + " ·"
        elif cur:
            name = "· " + name        # the line is full: the dot starts the next one
        if not cur and len(lines) == 1 and first is None:
            lines.pop()
        lines.extend(wrap(name, size, width))
    return lines
