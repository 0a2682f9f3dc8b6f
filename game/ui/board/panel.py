"""The side panel of the board: the player whose turn it is (or who is being
shown), their route, money, debt, risk (as a number and a meter), documents
and contacts.

The panel is a list of rows, each (height, draw function), so it can be
measured before it is drawn. When the rows do not fit, it tries shorter names
with the lists as flowing chips, then cuts the lists and says how many are
hidden; it never draws past its box.
"""
from __future__ import annotations

import math

import pygame

from game.localise import tr
from game.ui.text import block, draw_line, line_height, text_width
from game.ui.theme import palette
from game.ui.widgets import draw_contact, draw_document, draw_token


def draw_panel(L, app, journey, body: pygame.Rect) -> pygame.Surface:
    """The panel (the size of `L.panel`) for `journey`, its rows inside `body`
    (screen coordinates, above the roll button)."""
    C = palette()
    p = L.panel
    surf = pygame.Surface(p.size)
    surf.fill(C.paper)
    pygame.draw.line(surf, C.border, (0, 0), (0, p.height), L.border)
    body = body.move(-p.x, -p.y)
    for short, limit in ((False, False), (True, False), (True, True)):
        ops, height = _panel_ops(L, app, journey, body.width, short, limit, body.height)
        if height <= body.height:
            break
    y = body.y
    for h, fn in ops:
        fn(surf, body.x, y)
        y += h
    return surf


def _panel_ops(L, app, j, width, short, limit, avail):
    """The panel's rows as (height, draw function); shorter names when `short`,
    and with `limit` the lists stop where the space ends."""
    C, pack = palette(), app.pack
    ops = []
    body, lh, pad = L.body, line_height(L.body), L.pad
    box = pygame.Rect(0, 0, L.panel.width, L.panel.height)

    def text_op(text, size=body, colour=C.ink, bold=False, indent=0, what="panel"):
        b = block(text, size, colour, width - indent, bold=bold)
        return (b.height, lambda s, x, y: b.draw(s, x + indent, y, box, what))

    # name with token
    tsize = round(L.heading * 1.2)
    name = block(app.player_name(j), L.heading, C.ink, width - tsize - pad, bold=True)
    hh = max(tsize, name.height)

    def head(s, x, y):
        draw_token(s, (x + tsize // 2, y + hh // 2), tsize, j.player)
        name.draw(s, x + tsize + pad, y + (hh - name.height) // 2, box, "panel-name")
    ops.append((hh + pad // 2, head))
    route = tr("route_irregular") if j.route == "irregular" else tr("route_regular")
    if j.waiting:
        route += " · " + tr("waiting_checkpoint")
    if j.skip:
        route += " · " + tr("turns_to_lose", n=j.skip)
    if not j.active:
        route = tr("journey_over")
    ops.append(text_op(route, colour=C.warning if j.route == "irregular" else C.safe,
                       bold=True))

    def pair(label, value, colour):
        lw = text_width(label, body)
        vw = text_width(value, body, True)
        if lw + vw + pad <= width:
            def fn(s, x, y):
                draw_line(s, label, body, C.ink, (x, y), box=box, what="panel")
                draw_line(s, value, body, colour, (x + width, y), bold=True,
                          anchor="topright", box=box, what="panel")
            return (lh, fn)
        a = block(label, body, C.ink, width)
        b = block(value, body, colour, width, bold=True)
        return (a.height + b.height, lambda s, x, y: (a.draw(s, x, y, box),
                                                      b.draw(s, x, y + a.height, box)))
    ops.append(pair(tr("money"), app.money(j.money), C.ink))
    ops.append(pair(tr("debt"), app.money(j.debt), C.warning if j.debt else C.ink))
    ops.append(pair(tr("risk"), f"{j.risk}/10", C.ink))
    meter_h = max(8, round(body * 0.6))

    def meter(s, x, y):
        # the level is also told by the number above: colour is never the only sign
        gap = max(2, width // 80)
        seg = (width - 9 * gap) / 10
        for k in range(10):
            r = pygame.Rect(round(x + k * (seg + gap)), y, math.ceil(seg), meter_h)
            if k < j.risk:
                colour = C.risk_low if k < 3 else C.risk_mid if k < 6 else C.risk_high
            else:
                colour = C.risk_empty
            pygame.draw.rect(s, colour, r, border_radius=max(2, meter_h // 4))
    ops.append((meter_h + pad, meter))

    def listing(title, items, draw_icon):
        out = [text_op(title, bold=True, what="panel-heading")]
        if not items:
            out.append(text_op(tr("none"), colour=C.ink_soft, indent=pad))
        isz = round(body * 1.15)
        if short:
            # compact: icon + name chips flowing along the line
            x, rows, row = 0, [], []
            for label in items:
                w = min(width, isz + pad // 2 + text_width(label, body) + pad)
                if x + w > width and row:
                    rows.append(row)
                    row, x = [], 0
                row.append((label, x, w))
                x += w
            if row:
                rows.append(row)
            for row in rows:
                blocks = [(label, x, w, block(label, body, C.ink, w - isz - pad // 2))
                          for label, x, w in row]
                hgt = max(b.height for *_, b in blocks) + max(2, pad // 4)

                def fn(s, x0, y, blocks=blocks):
                    for label, x, w, b in blocks:
                        draw_icon(s, pygame.Rect(x0 + x, y + (lh - isz) // 2, isz, isz), label)
                        b.draw(s, x0 + x + isz + pad // 2, y, box, "panel-item")
                out.append((hgt, fn))
            return out
        for label in items:
            b = block(label, body, C.ink, width - isz - pad)
            hgt = max(isz, b.height) + max(2, pad // 4)

            def fn(s, x, y, b=b, label=label, hgt=hgt):
                draw_icon(s, pygame.Rect(x, y + (min(hgt, lh) - isz) // 2, isz, isz), label)
                b.draw(s, x + isz + pad, y, box, "panel-item")
            out.append((hgt, fn))
        return out

    def shorten(name: str) -> str:
        return name.split(" (")[0].split(" / ")[0] if short else name
    docs = [(d, shorten(app.text(pack.document(d).name))) for d in j.documents]
    doc_icon = {lab: d for d, lab in docs}
    contacts = [shorten(app.text(pack.contact(c).name)) for c in j.contacts]
    ops.append((pad // 2, lambda s, x, y: None))
    doc_ops = listing(tr("documents"), [lab for _, lab in docs],
                      lambda s, r, lab: draw_document(s, r, doc_icon.get(lab, "")))
    con_ops = listing(tr("contacts"), contacts, lambda s, r, lab: draw_contact(s, r))
    if limit:
        con_ops = [text_op(f"{tr('contacts')}: {len(contacts)}", bold=True,
                           what="panel-heading")]
        used = sum(h for h, _ in ops)
        left = avail - used
        doc_ops, con_ops = _fit_lists(doc_ops, con_ops, left, text_op)
    ops.extend(doc_ops)
    ops.append((pad // 2, lambda s, x, y: None))
    ops.extend(con_ops)
    return ops, sum(h for h, _ in ops)


def _fit_lists(doc_ops, con_ops, left, text_op):
    """Cut both lists so they fit in `left` pixels, saying how many are hidden."""
    def cut(ops, room):
        if sum(h for h, _ in ops) <= room:
            return ops
        for keep in range(len(ops) - 1, 0, -1):
            hidden = len(ops) - keep
            more = text_op(tr("more_items", n=hidden))
            if sum(h for h, _ in ops[:keep]) + more[0] <= room:
                return ops[:keep] + [more]
        return ops[:1]
    half = left // 2
    con_need = sum(h for h, _ in con_ops)
    doc_room = max(half, left - con_need)
    doc_ops = cut(doc_ops, doc_room)
    con_ops = cut(con_ops, left - sum(h for h, _ in doc_ops))
    return doc_ops, con_ops
