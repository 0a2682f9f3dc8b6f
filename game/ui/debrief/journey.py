"""A journey drawn on a small copy of the board (the board screen's own
drawing, `game.ui.board.geometry`, in a smaller rectangle).

On it: the path the token walked, a marker for each card at the space where
it was met (a tick for a safe choice; an octagon with its number for an unsafe
one, which can be tapped for "what if"; a padlock for what was done to the
player under threat, never counted as their mistake), tags where the act, the
means and the purpose appeared, and the token where the journey ended with a
tag saying how. A "what if" journey is drawn over it in another colour and
style, from the card where it turns off.

Markers and tags are placed one by one where they cover nothing placed
before, as near their space as they can, with a line back to it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

import pygame

from game.ui.board.geometry import Geometry, dashed, draw_board
from game.ui.text import check_inside, line_height, render_line, text_width
from game.ui.theme import palette, token_colours
from game.ui.widgets import draw_mark, draw_token

Place = tuple[str, int]
SAFE, UNSAFE, COERCED, NONE = "safe", "unsafe", "coerced", "none"


def step_kind(choice: Optional[int], safe: Optional[bool], coerced: bool) -> str:
    """How a card met is marked: done to the player (coerced) is never unsafe."""
    if choice is None:
        return NONE
    if coerced:
        return COERCED
    return SAFE if safe else UNSAFE


# -- the markers ----------------------------------------------------------------------

def _octagon(center, r: float) -> list[tuple[float, float]]:
    cx, cy = center
    return [(cx + r * math.cos(a), cy + r * math.sin(a))
            for a in (math.pi / 8 + k * math.pi / 4 for k in range(8))]


def draw_padlock(surface, center, d: int, colour) -> None:
    """A padlock: forced, trapped."""
    cx, cy = center
    w = max(2, round(d / 9))
    body = pygame.Rect(0, 0, round(d * 0.5), round(d * 0.36))
    body.midtop = (cx, round(cy - d * 0.04))
    shackle = pygame.Rect(0, 0, round(d * 0.34), round(d * 0.42))
    shackle.midbottom = (cx, body.top + round(d * 0.12))
    pygame.draw.arc(surface, colour, shackle, 0, math.pi, w)
    pygame.draw.line(surface, colour, (shackle.left + w // 2, shackle.centery),
                     (shackle.left + w // 2, body.top), w)
    pygame.draw.line(surface, colour, (shackle.right - w // 2 - 1, shackle.centery),
                     (shackle.right - w // 2 - 1, body.top), w)
    pygame.draw.rect(surface, colour, body, border_radius=max(1, d // 12))


def draw_step_mark(surface, center, d: int, kind: str, number: Optional[int] = None,
                   number_size: int = 0, ring=None, faded: bool = False,
                   halo: bool = False) -> None:
    """One card's marker, `d` pixels across: a tick in a circle (safe), an octagon
    with its number or a cross (unsafe), a padlock in a square (done to the
    player), a dash (no choice). `ring`: a coloured ring around it (what if);
    `halo`: a light edge that lifts it off the board."""
    C = palette()
    cx, cy = center
    r = d / 2
    if ring is not None:
        pygame.draw.circle(surface, C.paper, center, r + max(3, d // 6))
        pygame.draw.circle(surface, ring, center, r + max(3, d // 6), max(2, d // 9))
    elif halo:
        edge = max(2, d // 10)
        if kind == COERCED:
            box = pygame.Rect(0, 0, round(d * 0.92) + 2 * edge, round(d * 0.92) + 2 * edge)
            box.center = (round(cx), round(cy))
            pygame.draw.rect(surface, C.paper, box, border_radius=max(2, d // 6) + edge)
        elif kind == UNSAFE:
            pygame.draw.polygon(surface, C.paper, _octagon(center, r * 1.04 + edge))
        else:
            pygame.draw.circle(surface, C.paper, center, r + edge)
    if kind == UNSAFE:
        colour = C.warning
        if faded:
            colour = pygame.Color(colour).lerp(C.paper, 0.55)
        pygame.draw.polygon(surface, colour, _octagon(center, r * 1.04))
        pygame.draw.polygon(surface, C.paper, _octagon(center, r * 1.04), max(1, d // 14))
        if number is not None and number_size:
            surf = render_line(str(number), number_size, C.ink_inverse, True)
            surface.blit(surf, surf.get_rect(center=(round(cx), round(cy))))
        else:
            k, w = r * .4, max(2, round(d / 7))
            pygame.draw.line(surface, C.ink_inverse, (cx - k, cy - k), (cx + k, cy + k), w)
            pygame.draw.line(surface, C.ink_inverse, (cx - k, cy + k), (cx + k, cy - k), w)
        return
    if kind == COERCED:
        colour = C.trafficked
        if faded:
            colour = pygame.Color(colour).lerp(C.paper, 0.55)
        box = pygame.Rect(0, 0, round(d * 0.92), round(d * 0.92))
        box.center = (round(cx), round(cy))
        pygame.draw.rect(surface, colour, box, border_radius=max(2, d // 6))
        draw_padlock(surface, (cx, cy), d, C.ink_inverse)
        return
    if faded:
        colour = pygame.Color(C.safe if kind == SAFE else C.unfinished).lerp(C.paper, 0.55)
        pygame.draw.circle(surface, colour, center, r)
        return
    draw_mark(surface, center, d, SAFE if kind == SAFE else "none")


def marker_size(L, geo: Geometry) -> int:
    """Big enough to read a number in (at the smallest text size), never huge."""
    low = math.ceil(L.min_text * 1.2)
    return max(low, min(round(geo.r * 1.8), round(L.body * 1.4)))


# -- what is drawn ----------------------------------------------------------------------

@dataclass
class Marker:
    place: Place
    kind: str
    step: int                     # index of the card among the journey's steps
    number: Optional[int] = None  # unsafe choices are numbered (tap or press the number)
    faded: bool = False
    ring: Optional[tuple] = None
    at: int = 0                   # index in its layer's path of the space it stands for


@dataclass
class Tag:
    """A word on the board: where an element of trafficking appeared, or an ending."""
    place: Place
    text: str
    ink: tuple
    paper: tuple
    faded: bool = False
    mark: Optional[str] = None    # a kind mark before the text (an ending)


@dataclass
class Layer:
    """One journey: its path, where it ended, its markers and tags."""
    player: int
    path: Sequence[Place]
    markers: list[Marker] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    style: str = "real"           # real | faded | what-if
    token: bool = True            # the token on the last space
    shown: Optional[int] = None   # while it is drawn step by step: spaces shown so far

    def plan_key(self) -> str:
        return repr((self.player, tuple(self.path), self.markers, self.tags, self.style,
                     self.token))


class JourneyMap:
    """The small board inside `rect` (the legend strip under it)."""

    def __init__(self, L, board_rules, rect: pygame.Rect, legend_h: int):
        self.L = L
        self.rect = pygame.Rect(rect)
        area = pygame.Rect(self.rect.x, self.rect.y, self.rect.width,
                           self.rect.height - legend_h)
        self.geo = Geometry(L, board_rules, area=area, label_size=L.min_text)
        self.board_rules = board_rules
        self.mk = marker_size(L, self.geo)
        self.hits: list[tuple[pygame.Rect, int]] = []
        self._bg: Optional[pygame.Surface] = None
        self._plan: Optional[tuple[str, list]] = None
        self.obstacles = self._labels()

    def _labels(self) -> list[pygame.Rect]:
        """Where draw_board wrote the stages' names, "Village" and "Home": markers
        and tags keep off them."""
        from game.localise import tr
        L, geo, size = self.L, self.geo, self.geo.label_size
        out = []
        lh = render_line("Ag", size, (0, 0, 0), True).get_height()
        for i, (stage, rect) in enumerate(geo.bands):
            band = rect.inflate(0, -max(2, L.pad // 3))
            label = tr("stage_n", n=i + 1, name=tr(f"stage_{stage}"))
            side = tr("village") if i == 0 else tr("stage_home") if i == 3 else ""
            left = band.x + L.pad + (text_width(side, size, True) + L.pad if side else 0)
            w = text_width(label, size, True)
            cx = max(band.centerx, left + w // 2)
            top = band.y + max(1, L.pad // 6)
            out.append(pygame.Rect(cx - w // 2, top, w, lh))
            if side:
                out.append(pygame.Rect(band.x + L.pad, top, text_width(side, size, True), lh))
        return out

    def background(self) -> pygame.Surface:
        if self._bg is None:
            whole = draw_board(self.L, self.geo, self.board_rules)
            self._bg = whole.subsurface(self.geo.area).copy()
        return self._bg

    def point(self, place: Place) -> tuple[float, float]:
        return self.geo.point(*place)

    def polyline(self, path: Sequence[Place]) -> list[tuple[float, float]]:
        """The path along the roads (bends included); a change of route jumps across."""
        if not path:
            return []
        pts = [self.point(path[0])]
        for (r0, i0), (r1, i1) in zip(path, path[1:]):
            if r0 == r1:
                pts.extend(self.geo.road_between(r0, i0, i1)[1:])
            else:
                pts.append(self.point((r1, i1)))
        return pts

    # -- drawing ------------------------------------------------------------------------
    def draw(self, surface, layers: Sequence[Layer]) -> None:
        """The board, then each layer's path, tokens, markers and tags (where they
        go is worked out once for the same layers)."""
        key = "|".join(layer.plan_key() for layer in layers)
        if self._plan is None or self._plan[0] != key:
            self._plan = (key, self._arrange(layers))
        C = palette()
        surface.blit(self.background(), self.geo.area.topleft)
        width = max(3, round(self.geo.r * 0.5))
        for layer in layers:
            path = layer.path if layer.shown is None else layer.path[:max(1, layer.shown)]
            pts = self.polyline(path)
            if len(pts) < 2:
                continue
            if layer.style == "what-if":
                _thick(surface, pts, C.ink_inverse, width + 6)
                _thick(surface, pts, C.focus, width + 2)
                dashed(surface, C.ink_inverse, pts, max(2, width // 2), width * 2.2, width * 1.6)
            else:
                colour = pygame.Color(token_colours()[layer.player % len(token_colours())])
                if layer.style == "faded":       # greyed: the what if is what to look at
                    colour = colour.lerp(C.disabled, 0.75)
                _thick(surface, pts, C.token_outline if layer.style == "real" else C.border,
                       width + 4)
                _thick(surface, pts, colour, width)
        plan = [entry[:4] for entry in self._plan[1] if _showing(layers[entry[4]], entry)]
        for kind, item, anchor, rect in plan:
            if kind != "token":              # every line under every marker
                self._leader(surface, anchor, rect)
        for kind, item, anchor, rect in plan:
            if kind == "token":
                draw_token(surface, rect.center, rect.width, item.player,
                           faded=item.style == "faded")
            elif kind == "marker":
                draw_step_mark(surface, rect.center, rect.width, item.kind, item.number,
                               self.L.min_text, item.ring, item.faded, halo=True)
            else:
                self._tag(surface, item, rect)

    def _arrange(self, layers: Sequence[Layer]) -> list[tuple]:
        """(what, item, anchor, rect) for every token, marker and tag, in drawing
        order: each placed where it covers nothing placed before."""
        placed = list(self.obstacles)
        plan: list[tuple] = []
        self.hits = []
        for li, layer in enumerate(layers):
            if layer.token and layer.path:
                c = self.point(layer.path[-1])
                size = round(self.mk * 1.15)
                rect = pygame.Rect(0, 0, size, size)
                rect.center = (round(c[0]), round(c[1]))
                placed.append(rect)
                plan.append(("token", layer, c, rect, li))
        for li, layer in enumerate(layers):
            for m in layer.markers:
                d = self.mk
                if m.number is not None and m.number >= 10:
                    d = max(d, text_width(str(m.number), self.L.min_text, True) + 8)
                anchor = self.point(m.place)
                rect = self._place(anchor, (d, d), placed, ring0=True)
                placed.append(rect)
                plan.append(("marker", m, anchor, rect, li))
                if m.number is not None and not m.faded:
                    self.hits.append((rect.inflate(d // 3, d // 3), m.step))
        order = sorted(range(len(layers)), key=lambda i: layers[i].style != "what-if")
        for li in order:             # a what if's ending first: it is what the class looks at
            for t in layers[li].tags:
                anchor = self.point(t.place)
                rect = self._place(anchor, self._tag_size(t), placed, ring0=False)
                placed.append(rect)
                plan.append(("tag", t, anchor, rect, li))
        return plan

    def _tag_size(self, t: Tag) -> tuple[int, int]:
        size = self.L.min_text
        surf = render_line(t.text, size, t.ink, True)
        mark = round(size * 0.95) if t.mark else 0
        pad = max(4, size // 3)
        w = surf.get_width() + 2 * pad + (mark + pad // 2 if mark else 0)
        h = max(surf.get_height(), line_height(size) - 4) + 2
        return min(w, self.geo.area.width), h

    def _tag(self, surface, t: Tag, rect: pygame.Rect) -> None:
        C, size = palette(), self.L.min_text
        surf = render_line(t.text, size, t.ink, True)
        mark = round(size * 0.95) if t.mark else 0
        pad = max(4, size // 3)
        h = rect.height
        paper = pygame.Color(t.paper)
        ink = pygame.Color(t.ink)
        if t.faded:
            ink = ink.lerp(C.paper, 0.45)
        pygame.draw.rect(surface, paper, rect, border_radius=h // 2)
        pygame.draw.rect(surface, ink, rect, max(2, size // 12), border_radius=h // 2)
        x = rect.x + pad
        if mark:
            draw_mark(surface, (x + mark // 2, rect.centery), mark, t.mark)
            x += mark + pad // 2
        line = render_line(t.text, size, tuple(ink), True)
        at = pygame.Rect(x, rect.centery - surf.get_height() // 2, line.get_width(),
                         line.get_height())
        surface.blit(line, at)
        check_inside(at, self.geo.area, "debrief-map-tag", t.text)

    def _leader(self, surface, anchor, rect: pygame.Rect) -> None:
        if rect.collidepoint(anchor):
            return
        C = palette()
        x = min(max(anchor[0], rect.left), rect.right)
        y = min(max(anchor[1], rect.top), rect.bottom)
        pygame.draw.line(surface, C.ink, anchor, (x, y), max(2, self.mk // 12))
        pygame.draw.circle(surface, C.ink, anchor, max(3, self.mk // 7))

    def _place(self, anchor, size, placed: list[pygame.Rect], ring0: bool) -> pygame.Rect:
        """Where a `size` box goes near `anchor`: on it when `ring0` and free, else
        the nearest spot (on widening rings, above first) that covers nothing
        placed and stays on the board; else the spot that covers least."""
        w, h = size
        bounds = self.geo.area
        rect = pygame.Rect(0, 0, w, h)
        best, best_cost = None, None

        def cost_at(cx: float, cy: float):
            rect.center = (round(cx), round(cy))
            if not bounds.contains(rect):
                return None
            return sum(_overlap(rect, p) for p in placed)

        if ring0 and cost_at(*anchor) == 0:
            return rect.copy()
        step = max(3, self.mk // 3)
        for k in range(48):
            rx = w / 2 + self.mk * 0.55 + k * step
            ry = h / 2 + self.mk * 0.55 + k * step
            n = max(8, int(2 * math.pi * max(rx, ry) / step))
            for j in range(n):
                turn = (j + 1) // 2 * (1 if j % 2 else -1)
                a = -math.pi / 2 + turn * 2 * math.pi / n
                cost = cost_at(anchor[0] + rx * math.cos(a), anchor[1] + ry * math.sin(a))
                if cost == 0:
                    return rect.copy()
                if cost is not None and (best_cost is None or cost < best_cost):
                    best, best_cost = rect.copy(), cost
        if best is None:
            best = pygame.Rect(0, 0, w, h)
            best.center = (round(anchor[0]), round(anchor[1]))
            best.clamp_ip(bounds)
        return best

    def placements(self) -> list[tuple[str, pygame.Rect]]:
        """(token | marker | tag, where) for everything drawn last on the board."""
        return [(entry[0], entry[3]) for entry in (self._plan[1] if self._plan else [])]

    def hit(self, pos) -> Optional[int]:
        """The step of the numbered marker at `pos` (the last drawn on top wins)."""
        for rect, step in reversed(self.hits):
            if rect.collidepoint(pos):
                return step
        return None


def _showing(layer: Layer, entry: tuple) -> bool:
    """Whether a planned item shows yet while its layer is drawn step by step: a
    marker once its space is reached, the token and the tags at the end."""
    if layer.shown is None:
        return True
    if entry[0] == "marker":
        return entry[1].at < layer.shown
    return layer.shown >= len(layer.path)


def _overlap(a: pygame.Rect, b: pygame.Rect) -> int:
    c = a.clip(b.inflate(4, 4))
    return c.width * c.height


def _thick(surface, pts, colour, width: int) -> None:
    """A thick polyline with round joins."""
    pygame.draw.lines(surface, colour, False, pts, width)
    r = width / 2
    for p in pts[::max(1, len(pts) // 400)]:
        pygame.draw.circle(surface, colour, p, r)


# -- the legend under the board ------------------------------------------------------------

LegendItem = tuple[Callable[[pygame.Surface, pygame.Rect], None], str]


def legend_layout(L, items: Sequence[LegendItem], width: int) -> list[list[tuple]]:
    """Legend entries as rows of (painter, label, x, w), wrapped to `width`."""
    size = L.min_text
    icon = round(size * 1.25)
    rows: list[list[tuple]] = [[]]
    x = 0
    for paint, label in items:
        w = icon + L.pad // 2 + text_width(label, size) + L.pad
        w = min(w, width)
        if x + w > width and rows[-1]:
            rows.append([])
            x = 0
        rows[-1].append((paint, label, x, w))
        x += w + L.pad // 2
    return rows


def legend_height(L, rows) -> int:
    return len(rows) * line_height(L.min_text)


def draw_legend(surface, L, rows, origin: tuple[int, int], box: pygame.Rect) -> None:
    from game.ui.text import block
    C, size = palette(), L.min_text
    lh = line_height(size)
    icon = round(size * 1.25)
    for r, row in enumerate(rows):
        y = origin[1] + r * lh
        for paint, label, x, w in row:
            x += origin[0]
            paint(surface, pygame.Rect(x, y + (lh - icon) // 2, icon, icon))
            b = block(label, size, C.ink, max(1, w - icon - L.pad // 2))
            b.draw(surface, x + icon + L.pad // 2, y, box, "debrief-legend")


def path_sample(colour, what_if: bool = False):
    """A legend painter: a short stretch of path."""
    def paint(surface, rect: pygame.Rect) -> None:
        C = palette()
        w = max(4, rect.height // 4)
        pts = [(rect.x + 2, rect.centery), (rect.right - 2, rect.centery)]
        if what_if:
            _thick(surface, pts, C.ink_inverse, w + 6)
            _thick(surface, pts, C.focus, w + 2)
            dashed(surface, C.ink_inverse, pts, max(2, w // 2), w * 2, w * 1.4)
        else:
            _thick(surface, pts, C.token_outline, w + 4)
            _thick(surface, pts, colour, w)
    return paint


def mark_sample(kind: str, L):
    def paint(surface, rect: pygame.Rect) -> None:
        draw_step_mark(surface, rect.center, round(rect.height * 0.9), kind)
    return paint
