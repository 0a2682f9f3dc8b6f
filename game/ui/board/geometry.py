"""Where everything is on the board, and the board drawn.

`Geometry` places both routes as a winding road in four bands (one per
stage), with home at the end of the last band, and the legend under them.
`draw_board` paints the still picture (bands, roads, spaces, legend) that the
board screen keeps until the window changes; `draw_tokens` puts the tokens on
it every frame. `draw_space_icon` is the picture of one kind of space, also
used by the messages that tell of a safe space or a checkpoint.
"""
from __future__ import annotations

import math

import pygame

from game.engine.board import CHECKPOINT, EVENT, HOME, SAFE
from game.localise import tr
from game.ui.text import draw_line, line_height, text_width
from game.ui.theme import palette
from game.ui.widgets import draw_token

STAGES = ("recruitment", "documentation", "travel", "work")
LEGEND_KEYS = ("regular", "irregular", CHECKPOINT, SAFE, EVENT)


def legend_rows(L) -> list[list[tuple[str, str, int]]]:
    """The legend's entries as rows of (key, label, x), wrapped to the board's width."""
    labels = {"regular": tr("route_regular"), "irregular": tr("route_irregular"),
              CHECKPOINT: tr("checkpoint"), SAFE: tr("legend_safe"), EVENT: tr("legend_event")}
    area_w = L.board.width - 2 * L.pad
    sample = round(L.label * 2.2)
    rows, x = [[]], 0
    for key in LEGEND_KEYS:
        label = labels[key]
        w = sample + L.pad + text_width(label, L.label) + L.pad * 2
        if x + w > area_w and rows[-1]:
            rows.append([])
            x = 0
        rows[-1].append((key, label, x))
        x += w
    return rows


class Geometry:
    """Space centres of both routes, laid out as a winding road in four bands,
    with the legend below them."""

    def __init__(self, L, board_rules, area=None, label_size=None):
        """The board screen's board (in `L.board`, the legend under it); with
        `area`, a board drawn inside that rectangle with no legend (the debrief's
        small board), its stage names at `label_size` (default: `L.label`)."""
        self.L = L
        self.label_size = label_size or L.label
        if area is None:
            self.legend = legend_rows(L)
            legend_h = len(self.legend) * line_height(L.label) + L.pad // 2
            area = L.board.inflate(-2 * L.pad, -2 * L.pad)
            area.height -= legend_h
        else:
            self.legend = []
            area = pygame.Rect(area)
        self.area = area
        routes = board_rules.routes
        self.label_h = line_height(self.label_size)
        band_h = area.height / 4
        self.bands = []
        self.pts: dict[str, list[tuple[float, float]]] = {"regular": [], "irregular": []}
        pitch = area.width / 14
        self.r = max(6, min(pitch * 0.36, (band_h - self.label_h) * 0.19, L.px(0.028)))
        self.bend = min(band_h * 0.45, area.width * 0.06)
        x0 = area.x + self.bend + self.r + L.pad * 0.5
        x1 = area.right - self.bend - self.r - L.pad * 0.5
        self.rows: dict[str, list] = {"regular": [], "irregular": []}
        for i, stage in enumerate(STAGES):
            top = area.y + i * band_h
            rect = pygame.Rect(area.x, round(top), area.width, round(band_h))
            self.bands.append((stage, rect))
            inner = band_h - self.label_h
            ys = {"regular": top + self.label_h + inner * 0.34,
                  "irregular": top + self.label_h + inner * 0.80}
            for route in ("regular", "irregular"):
                spaces = [s for s in routes[route] if s.stage == stage]
                n = len(spaces) + (1 if i == 3 else 0)   # the last row ends at home
                xs = [x0 + (x1 - x0) * (k + 0.5) / n for k in range(n)]
                if i % 2 == 1:
                    xs.reverse()
                row = [(x, ys[route]) for x in xs]
                self.rows[route].append(row)
                self.pts[route].extend(row[:len(spaces)])
        # home: at the end of the last row, between the two roads
        last_reg = self.rows["regular"][3][-1]
        last_irr = self.rows["irregular"][3][-1]
        self.home = (min(last_reg[0], last_irr[0]) - self.r * 0.3,
                     (last_reg[1] + last_irr[1]) / 2)
        for route in ("regular", "irregular"):
            self.pts[route].append(self.home)

    def point(self, route: str, index: int) -> tuple[float, float]:
        pts = self.pts[route]
        return pts[max(0, min(index, len(pts) - 1))]

    def road(self, route: str) -> list[tuple[float, float]]:
        """The road's polyline: rows joined by rounded bends at the sides."""
        return self.road_indexed(route)[0]

    def road_between(self, route: str, a: int, b: int) -> list[tuple[float, float]]:
        """The stretch of the road from space `a` to space `b` (either way), bends
        included: where a token walked."""
        pts, at = self.road_indexed(route)
        last = len(at) - 1
        i, j = at[max(0, min(a, last))], at[max(0, min(b, last))]
        return pts[i:j + 1] if i <= j else pts[j:i + 1][::-1]

    def road_indexed(self, route: str) -> tuple[list[tuple[float, float]], list[int]]:
        """The road's polyline, and for each space index its position in it."""
        rows = self.rows[route]
        out: list[tuple[float, float]] = []
        at: list[int] = []
        for i, row in enumerate(rows):
            spaces = row if i < 3 else row[:-1]
            at.extend(range(len(out), len(out) + len(spaces)))
            out.extend(spaces)
            if i < 3:
                a, b = row[-1], rows[i + 1][0]
                side = 1 if i % 2 == 0 else -1
                x = a[0]
                ry = (b[1] - a[1]) / 2
                cy = a[1] + ry
                for k in range(1, 16):
                    t = math.pi * k / 16
                    out.append((x + side * self.bend * math.sin(t), cy - ry * math.cos(t)))
        at.append(len(out))
        out.append(self.home)
        return out, at


def dashed(surface, colour, pts, width, dash, gap) -> None:
    """A dashed polyline."""
    draw, left = True, dash
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        seg = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < seg:
            step = min(left, seg - pos)
            if draw:
                a = (x0 + (x1 - x0) * pos / seg, y0 + (y1 - y0) * pos / seg)
                b = (x0 + (x1 - x0) * (pos + step) / seg, y0 + (y1 - y0) * (pos + step) / seg)
                pygame.draw.line(surface, colour, a, b, width)
            pos += step
            left -= step
            if left <= 0:
                draw = not draw
                left = dash if draw else gap


def draw_space_icon(surface, kind: str, center, r: float, irregular: bool = False) -> None:
    """One space of `kind` (card, event, safe, checkpoint, home) centred on `center`."""
    C = palette()
    cx, cy = center
    w = max(2, round(r / 6))
    if kind == HOME:
        body = pygame.Rect(0, 0, r * 2.2, r * 1.6)
        body.midtop = (cx, cy - r * 0.35)
        pygame.draw.rect(surface, C.space_home, body, border_radius=max(2, round(r / 5)))
        roof = [(cx - r * 1.5, cy - r * 0.25), (cx, cy - r * 1.6), (cx + r * 1.5, cy - r * 0.25)]
        pygame.draw.polygon(surface, C.space_home, roof)
        pygame.draw.polygon(surface, C.ink, roof, w)
        pygame.draw.rect(surface, C.ink, body, w, border_radius=max(2, round(r / 5)))
        door = pygame.Rect(0, 0, r * 0.6, r * 0.9)
        door.midbottom = body.midbottom
        pygame.draw.rect(surface, C.paper, door)
        return
    if kind == CHECKPOINT:
        box = pygame.Rect(0, 0, r * 2.3, r * 2.3)
        box.center = (cx, cy)
        pygame.draw.rect(surface, C.space_checkpoint, box, border_radius=round(r / 3))
        pygame.draw.rect(surface, C.ink, box, w, border_radius=round(r / 3))
        # a barrier: a bar with stripes
        bar = pygame.Rect(0, 0, r * 1.7, r * 0.55)
        bar.center = (cx, cy)
        pygame.draw.rect(surface, C.paper, bar)
        for k in range(3):
            x = bar.x + bar.width * (0.15 + 0.3 * k)
            pygame.draw.line(surface, C.accent, (x, bar.bottom), (x + bar.height * 0.8, bar.top),
                             max(2, round(r / 5)))
        return
    if irregular:
        fill = C.space_irregular
        pygame.draw.circle(surface, fill, center, r)
        pygame.draw.circle(surface, C.paper, center, r, w)
    elif kind == SAFE:
        pygame.draw.circle(surface, C.space_safe, center, r * 1.1)
        pygame.draw.circle(surface, C.ink, center, r * 1.1, w)
        # a heart
        k = r * 0.42
        pygame.draw.circle(surface, C.paper, (cx - k * 0.9, cy - k * 0.3), k)
        pygame.draw.circle(surface, C.paper, (cx + k * 0.9, cy - k * 0.3), k)
        pygame.draw.polygon(surface, C.paper, [(cx - k * 1.85, cy - k * 0.05),
                                               (cx + k * 1.85, cy - k * 0.05), (cx, cy + k * 1.9)])
        return
    else:
        fill = C.space_event if kind == EVENT else C.space_card
        pygame.draw.circle(surface, fill, center, r)
        pygame.draw.circle(surface, C.road_edge, center, r, w)
    if kind == EVENT:
        draw_line(surface, "?", max(8, round(r * 1.35)),
                  C.paper if irregular else C.ink, (cx, cy), bold=True, anchor="center")


# -- the board drawn ---------------------------------------------------------------

def draw_board(L, geo: Geometry, board_rules) -> pygame.Surface:
    """The still picture of the board: stage bands, both roads, every space, the legend."""
    C = palette()
    bg = pygame.Surface((L.width, L.height))
    bg.fill(C.background)
    size = geo.label_size
    # stage bands with their names
    for i, (stage, rect) in enumerate(geo.bands):
        band = rect.inflate(0, -max(2, L.pad // 3))
        pygame.draw.rect(bg, C[f"stage_{stage}"], band, border_radius=L.radius)
        label = tr("stage_n", n=i + 1, name=tr(f"stage_{stage}"))
        # keep clear of "Village" (first band) and "Home" (last band) at the left
        side = tr("village") if i == 0 else tr("stage_home") if i == 3 else ""
        left = band.x + L.pad + (text_width(side, size, True) + L.pad if side else 0)
        cx = max(band.centerx, left + text_width(label, size, True) // 2)
        draw_line(bg, label, size, C.ink, (cx, band.y + max(1, L.pad // 6)),
                  bold=True, anchor="midtop", box=band)
    # roads
    reg = geo.road("regular")
    irr = geo.road("irregular")
    width = max(6, round(geo.r * 1.25))
    pygame.draw.lines(bg, C.road_edge, False, reg, width + max(4, width // 3))
    pygame.draw.lines(bg, C.road, False, reg, width)
    dashed(bg, C.irregular, irr, max(4, round(geo.r * 0.55)), geo.r * 1.1, geo.r * 0.7)
    # spaces
    for route in ("irregular", "regular"):
        for space in board_rules.routes[route]:
            if space.kind == HOME:
                continue
            draw_space_icon(bg, space.kind, geo.point(route, space.index), geo.r,
                            route == "irregular")
    draw_space_icon(bg, HOME, geo.home, geo.r * 1.25)
    band4 = geo.bands[3][1]
    draw_line(bg, tr("stage_home"), size, C.warning,
              (band4.x + L.pad, band4.y + max(1, L.pad // 6)), bold=True, box=band4,
              what="home-label")
    draw_line(bg, tr("village"), size, C.ink_soft,
              (geo.bands[0][1].x + L.pad, geo.bands[0][1].y + max(1, L.pad // 6)),
              bold=True, box=geo.bands[0][1], what="village-label")
    _draw_legend(bg, L, geo)
    return bg


def _draw_legend(bg, L, geo: Geometry) -> None:
    C = palette()
    y0 = geo.area.bottom + L.pad // 2
    lh = line_height(L.label)
    sample = round(L.label * 2.2)
    box = L.board
    for r, row in enumerate(geo.legend):
        y = y0 + r * lh
        cy = y + lh // 2
        for key, label, x in row:
            x += geo.area.x
            if key == "regular":
                w = max(6, round(geo.r))
                pygame.draw.line(bg, C.road_edge, (x, cy), (x + sample, cy), w + 4)
                pygame.draw.line(bg, C.road, (x + 2, cy), (x + sample - 2, cy), w)
            elif key == "irregular":
                dashed(bg, C.irregular, [(x, cy), (x + sample, cy)],
                        max(4, round(geo.r * 0.55)), sample / 4, sample / 6)
            else:
                rr = min(geo.r, lh * 0.36)
                draw_space_icon(bg, key, (x + sample / 2, cy), rr)
            draw_line(bg, label, L.label, C.ink, (x + sample + L.pad, cy),
                      anchor="midleft", box=box, what="legend")


def draw_tokens(surface, L, geo: Geometry, journeys, shown: dict, moving, focus: int) -> None:
    """Every token where the board shows it (`shown`: player -> (route, index));
    several on one space side by side, the focused player's on top and ringed;
    `moving` is (player, centre) for the token walking between two spaces."""
    C = palette()
    size = round(min(L.token, geo.r * 1.7))
    groups: dict[tuple[str, int], list[int]] = {}
    for j in journeys:
        if moving and moving[0] == j.player:
            continue
        key = shown.get(j.player, (j.route, j.position))
        if key[1] >= len(geo.pts[key[0]]) - 1:
            key = ("home", 0)
        groups.setdefault(key, []).append(j.player)
    for key, players in groups.items():
        base = geo.home if key[0] == "home" else geo.point(*key)
        if focus in players:   # the current player's token on top
            players.remove(focus)
            players.append(focus)
        n_here = len(players)
        per_row = min(3, n_here)
        for n, p in enumerate(players):
            row, col = divmod(n, per_row)
            in_row = min(per_row, n_here - row * per_row)
            ox = (col - (in_row - 1) / 2) * 0.62
            oy = 0 if n_here <= 3 else (row - 0.5) * 0.6
            c = (base[0] + ox * size, base[1] + oy * size - (size * 0.15))
            ended = not journeys[p].active
            if p == focus and not ended:
                pygame.draw.circle(surface, C.paper, c, size * 0.72)
                pygame.draw.circle(surface, C.focus, c, size * 0.72, max(2, size // 9))
            draw_token(surface, c, size, p, faded=ended)
    if moving:
        p, c = moving
        pygame.draw.circle(surface, C.paper, c, size * 0.72)
        pygame.draw.circle(surface, C.focus, c, size * 0.72, max(2, size // 9))
        draw_token(surface, c, size, p)
