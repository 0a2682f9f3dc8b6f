#!/usr/bin/env python3
"""Make every icon and sound of Traveller's Dream from code.

Nothing here is downloaded or recorded: the icons are drawn with pygame.draw
and the sounds are synthesised with the standard library, so the assets carry
no licence doubt and can be regenerated at any time, byte for byte:

    python assets/make_assets.py                 # writes assets/icons, assets/sounds
    python assets/make_assets.py --out DIR       # somewhere else
    python assets/make_assets.py --sheet FILE    # also a contact sheet to look at

Icons are 256x256 RGBA PNGs in a flat, warm style with a dark outline, so that
they read on light and dark backgrounds and on a classroom projector. They are
drawn at 4x and scaled down for anti-aliasing. Every transparent pixel carries
the outline colour (with alpha 0), and every silhouette edge is outlined, so
scaling never leaves a light or dark fringe. Sounds are 16-bit mono WAV at
22050 Hz, each under a second.

The drawing uses a 256-unit design grid; see the ``icon_*`` functions.
"""
from __future__ import annotations

import argparse
import array
import math
import os
import random
import sys
import wave
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

HERE = Path(__file__).resolve().parent

SIZE = 256          # design grid and output size of icons
SS = 4              # supersampling factor
SW = 7              # default outline width on the design grid

# ---------------------------------------------------------------- palette
# Warm, flat colours; INK is the theme's ink colour (game/ui/theme.json).
INK = (43, 33, 24)
PAPER = (255, 251, 243)
CREAM = (250, 236, 208)
SAND = (231, 199, 147)
ORANGE = (243, 151, 62)
TERRA = (201, 82, 44)
YELLOW = (250, 201, 62)
GOLD = (231, 168, 38)
RED = (222, 72, 62)
HEART = (230, 62, 84)
GREEN = (86, 168, 92)
BPJS = (46, 150, 96)
DKGREEN = (32, 104, 74)
TEAL = (38, 150, 140)
BLUE = (66, 128, 196)
NAVY = (47, 75, 110)
SKY = (150, 204, 236)
LILAC = (206, 186, 236)
PURPLE = (128, 86, 176)
BROWN = (146, 92, 56)
SKIN = (230, 178, 128)
SKIN2 = (184, 124, 82)
HAIR = (52, 38, 30)
GREY = (160, 164, 172)
LGREY = (214, 214, 220)
DGREY = (98, 100, 110)
WHITE = (255, 255, 255)
LINE = (196, 178, 150)      # "text" lines on paper

CLEAR = INK + (0,)          # transparent, but with the outline's colour


# ---------------------------------------------------------------- geometry
def rot(points, angle_deg, center=(0.0, 0.0)):
    """Rotate points (clockwise on screen for positive angles) about center."""
    a = math.radians(angle_deg)
    ca, sa = math.cos(a), math.sin(a)
    cx, cy = center
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca)
            for x, y in points]


def move(points, dx, dy):
    return [(x + dx, y + dy) for x, y in points]


def scale(points, f, center=(0.0, 0.0)):
    cx, cy = center
    return [(cx + (x - cx) * f, cy + (y - cy) * f) for x, y in points]


def arc_pts(cx, cy, rx, ry, a0, a1, n=None):
    """Points along an ellipse arc, angles in degrees (0 = right, 90 = down)."""
    if n is None:
        n = max(4, int(abs(a1 - a0) / 4))
    return [(cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
             cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]


def rrect_pts(x, y, w, h, r, rb=None):
    """A rounded rectangle as a polygon (rb: other radius for the bottom corners)."""
    r = max(0.0, min(r, w / 2, h / 2))
    rb = r if rb is None else max(0.0, min(rb, w / 2, h / 2))
    pts = []
    pts += arc_pts(x + w - r, y + r, r, r, -90, 0, 8) if r else [(x + w, y)]
    pts += arc_pts(x + w - rb, y + h - rb, rb, rb, 0, 90, 8) if rb else [(x + w, y + h)]
    pts += arc_pts(x + rb, y + h - rb, rb, rb, 90, 180, 8) if rb else [(x, y + h)]
    pts += arc_pts(x + r, y + r, r, r, 180, 270, 8) if r else [(x, y)]
    return pts


def bezier(p0, p1, p2, p3, n=16):
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return out


def heart_pts(cx, cy, size):
    """A heart about `size` wide, centred on (cx, cy)."""
    pts = []
    for i in range(72):
        t = 2 * math.pi * i / 72
        x = 16 * math.sin(t) ** 3
        y = -(13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t))
        pts.append((cx + x * size / 33, cy + (y + 1.5) * size / 33))
    return pts


def shield_pts(cx, top, w, h):
    """A shield: flat-ish top, curved sides meeting at a point at the bottom."""
    l, r = cx - w / 2, cx + w / 2
    bottom = top + h
    pts = [(cx, top)]
    pts += bezier((cx, top), (cx + w * 0.2, top + h * 0.08), (r - w * 0.1, top + h * 0.06), (r, top + h * 0.1), 8)[1:]
    pts += bezier((r, top + h * 0.1), (r, top + h * 0.55), (cx + w * 0.25, bottom - h * 0.1), (cx, bottom), 16)[1:]
    pts += bezier((cx, bottom), (cx - w * 0.25, bottom - h * 0.1), (l, top + h * 0.55), (l, top + h * 0.1), 16)[1:]
    pts += bezier((l, top + h * 0.1), (l + w * 0.1, top + h * 0.06), (cx - w * 0.2, top + h * 0.08), (cx, top), 8)[1:-1]
    return pts


def star_pts(cx, cy, r_out, r_in, n=5, start=-90):
    pts = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(start + 180 * i / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


# ---------------------------------------------------------------- canvas
class Canvas:
    """A 256-unit drawing grid rendered at SS times the resolution."""

    def __init__(self, size=SIZE):
        self.size = size
        self.surf = pygame.Surface((size * SS, size * SS), pygame.SRCALPHA, 32)
        self.surf.fill(CLEAR)

    def _p(self, pt):
        return (round(pt[0] * SS), round(pt[1] * SS))

    # -- primitives (fill first, then an outline centred on the edge)
    def stroke(self, pts, width=SW, color=INK, closed=False):
        """A thick polyline with round joins and caps."""
        if len(pts) < 2:
            return
        hw = width * SS / 2
        P = [(x * SS, y * SS) for x, y in pts]
        segs = list(zip(P, P[1:]))
        if closed:
            segs.append((P[-1], P[0]))
        for (ax, ay), (bx, by) in segs:
            dx, dy = bx - ax, by - ay
            length = math.hypot(dx, dy)
            if length < 1e-6:
                continue
            nx, ny = -dy / length * hw, dx / length * hw
            pygame.draw.polygon(self.surf, color, [(round(ax + nx), round(ay + ny)), (round(bx + nx), round(by + ny)),
                                                   (round(bx - nx), round(by - ny)), (round(ax - nx), round(ay - ny))])
        r = max(1, round(hw))
        for x, y in (P if closed else P):
            pygame.draw.circle(self.surf, color, (round(x), round(y)), r)

    def poly(self, pts, fill=None, stroke=INK, width=SW):
        if fill is not None:
            pygame.draw.polygon(self.surf, fill, [self._p(p) for p in pts])
        if stroke is not None and width:
            self.stroke(pts, width, stroke, closed=True)

    def rrect(self, x, y, w, h, r=0, fill=None, stroke=INK, width=SW):
        self.poly(rrect_pts(x, y, w, h, r), fill, stroke, width)

    def circle(self, c, r, fill=None, stroke=INK, width=SW):
        if stroke is not None and width:
            if fill is not None:
                pygame.draw.circle(self.surf, stroke, self._p(c), round((r + width / 2) * SS))
                pygame.draw.circle(self.surf, fill, self._p(c), round((r - width / 2) * SS))
            else:   # a ring only
                pygame.draw.circle(self.surf, stroke, self._p(c), round((r + width / 2) * SS),
                                   round(width * SS))
        elif fill is not None:
            pygame.draw.circle(self.surf, fill, self._p(c), round(r * SS))

    def ellipse(self, c, rx, ry, fill=None, stroke=INK, width=SW):
        self.poly(arc_pts(c[0], c[1], rx, ry, 0, 360, 90)[:-1], fill, stroke, width)

    def line(self, a, b, width, color=INK):
        self.stroke([a, b], width, color)

    def dot(self, c, r, color=INK):
        pygame.draw.circle(self.surf, color, self._p(c), round(r * SS))

    def clip(self, rect=None):
        self.surf.set_clip(None if rect is None else pygame.Rect(*[round(v * SS) for v in rect]))

    def finish(self):
        out = pygame.transform.smoothscale(self.surf, (self.size, self.size))
        return out


def text_lines(c, x, y, w, n, gap=20, width=8, color=LINE, last=0.6):
    for i in range(n):
        ww = w * (last if i == n - 1 else 1.0)
        c.line((x, y + i * gap), (x + ww, y + i * gap), width, color)


# ---------------------------------------------------------------- people
def person(c, cx, head_y, head_r, body_w, body_bottom, shirt, skin=SKIN, hair=HAIR,
           hijab=None, width=SW):
    """A friendly bust: rounded body and a round head (optionally with hijab)."""
    top = head_y + head_r * 0.9
    c.poly(rrect_pts(cx - body_w / 2, top, body_w, body_bottom - top, body_w * 0.42, 8), shirt, INK, width)
    if hijab is not None:
        c.circle((cx, head_y + head_r * 0.05), head_r * 1.28, hijab, INK, width)
        c.poly([(cx - head_r * 1.2, head_y + head_r * 0.4), (cx + head_r * 1.2, head_y + head_r * 0.4),
                (cx + head_r * 0.9, head_y + head_r * 1.55), (cx - head_r * 0.9, head_y + head_r * 1.55)],
               hijab, INK, width)
        c.circle((cx, head_y + head_r * 0.05), head_r * 1.28 - width / 2, hijab, None, 0)
        c.ellipse((cx, head_y + head_r * 0.18), head_r * 0.78, head_r * 0.85, skin, INK, width * 0.8)
    else:
        c.circle((cx, head_y), head_r, skin, INK, width)
        hair_pts = (arc_pts(cx, head_y, head_r, head_r, 180, 360, 24)
                    + [(cx + head_r * 0.75, head_y - head_r * 0.05)]
                    + arc_pts(cx, head_y + head_r * 0.1, head_r * 0.7, head_r * 0.55, -20, -160, 12)
                    + [(cx - head_r * 0.85, head_y + head_r * 0.15)])
        c.poly(hair_pts, hair, INK, width)


# ---------------------------------------------------------------- icons
def icon_dice(n):
    def draw(c):
        c.rrect(22, 30, 212, 206, 40, (232, 220, 204), INK, 8)       # side (depth)
        c.rrect(22, 20, 212, 200, 40, PAPER, INK, 8)                  # face
        lo, mid, hi = 74, 128, 182
        y0 = 120 - 128
        spots = {
            1: [(mid, mid)],
            2: [(lo, hi), (hi, lo)],
            3: [(lo, hi), (mid, mid), (hi, lo)],
            4: [(lo, lo), (hi, lo), (lo, hi), (hi, hi)],
            5: [(lo, lo), (hi, lo), (mid, mid), (lo, hi), (hi, hi)],
            6: [(lo, lo), (hi, lo), (lo, mid), (hi, mid), (lo, hi), (hi, hi)],
        }[n]
        for x, y in spots:
            if n == 1:
                c.dot((x, y + y0), 30, RED)
            else:
                c.dot((x, y + y0), 21, INK)
    return draw


def icon_card_back(c):
    x, y, w, h = 40, 10, 176, 236
    c.rrect(x, y, w, h, 20, TERRA, INK, 8)
    # diamond lattice, clipped to the inner panel
    c.clip((x + 14, y + 14, w - 28, h - 28))
    for j in range(-1, 10):
        for i in range(-1, 8):
            px = x + 14 + i * 28 + (14 if j % 2 else 0)
            py = y + 14 + j * 28
            c.poly([(px, py - 9), (px + 9, py), (px, py + 9), (px - 9, py)], (222, 118, 72), None, 0)
    c.clip(None)
    c.rrect(x + 14, y + 14, w - 28, h - 28, 10, None, CREAM, 5)
    # emblem: a compass star on a cream disc
    cx, cy = x + w / 2, y + h / 2
    c.circle((cx, cy), 50, CREAM, INK, 7)
    c.poly(star_pts(cx, cy, 40, 11, 4, -90), ORANGE, INK, 5)
    c.poly(star_pts(cx, cy, 24, 7, 4, -45), YELLOW, INK, 4)
    c.dot((cx, cy), 6, INK)


def house(c, x0, x1, wall_top, floor, roof_top, wall=CREAM, roof=TERRA, chimney=True):
    cx = (x0 + x1) / 2
    over = 18
    if chimney:
        c.rrect(x1 - 58, roof_top + 18, 24, 60, 3, BROWN, INK)
    c.rrect(x0, wall_top - 6, x1 - x0, floor - wall_top + 6, 6, wall, INK)
    c.poly([(x0 - over, wall_top + 4), (cx, roof_top), (x1 + over, wall_top + 4)], roof, INK)


def icon_stage_home(c):
    house(c, 46, 210, 120, 232, 30)
    # big heart on the wall
    c.poly(heart_pts(128, 172, 78), HEART, INK, 7)
    c.line((104, 150), (112, 143), 7, (255, 170, 180))


def icon_stage_recruitment(c):
    """Two arms meet in a handshake: an agreement with a recruiter."""
    def T(pts):
        return move(scale(pts, 1.22, (128, 140)), 0, -14)

    def poly(pts, fill, width=SW):
        c.poly(T(pts), fill, INK, width)

    def finger(a, b, w, fill):
        a, b = T([a, b])
        c.line(a, b, w * 1.22 + 10, INK)
        c.line(a, b, w * 1.22, fill)

    # right arm (orange sleeve) from the lower right, its hand underneath
    poly([(232, 196), (206, 136), (176, 166), (200, 214)], ORANGE)
    poly([(202, 124), (218, 138), (186, 176), (170, 162)], TERRA)
    poly([(198, 124), (152, 94), (104, 98), (78, 118), (104, 150), (150, 172), (178, 164)], SKIN2)
    # left arm (blue sleeve) from the lower left, its hand on top
    poly([(24, 196), (50, 136), (80, 166), (56, 214)], BLUE)
    poly([(54, 124), (38, 138), (70, 176), (86, 162)], NAVY)
    poly([(62, 124), (96, 98), (150, 106), (176, 128), (120, 170), (80, 166)], SKIN)
    # its four fingers curl down over the other hand
    for i, (x, y) in enumerate(((172, 120), (156, 132), (139, 142), (121, 150))):
        finger((x - 16, y - 8), (x + 3, y + 24 - i * 2), 12, SKIN)
    # the thumb of the lower hand lies on top
    finger((176, 114), (140, 102), 15, SKIN2)


def icon_stage_documentation(c):
    # paper behind, tilted
    page = rot(rrect_pts(28, 22, 136, 178, 10), -10, (96, 111))
    c.poly(page, PAPER, INK)
    for i in range(5):
        a, b = rot([(52, 60 + i * 26), (140, 60 + i * 26)], -10, (96, 111))
        c.line(a, b, 8, LINE)
    # passport in front
    passport(c, 112, 62, 112, 160)
    # stamp: a green ring with a tick, overlapping
    c.circle((76, 188), 44, PAPER, INK, 7)
    c.circle((76, 188), 32, None, GREEN, 9)
    c.stroke([(58, 188), (71, 202), (96, 172)], 11, GREEN)


def passport(c, x, y, w, h):
    c.rrect(x, y, w, h, 12, DKGREEN, INK)
    c.rrect(x + 3, y + 3, 14, h - 6, 0, (24, 82, 58), None, 0)
    cx = x + w / 2 + 6
    cy = y + h * 0.43
    r = w * 0.26
    c.circle((cx, cy), r, None, GOLD, 6)
    c.ellipse((cx, cy), r * 0.45, r, None, GOLD, 5)
    c.line((cx - r, cy), (cx + r, cy), 5, GOLD)
    c.line((cx, cy - r), (cx, cy + r), 5, GOLD)
    c.line((cx - w * 0.22, y + h * 0.14), (cx + w * 0.22, y + h * 0.14), 7, GOLD)
    c.rrect(cx - w * 0.12, y + h * 0.74, w * 0.24, h * 0.12, 3, None, GOLD, 5)


def plane_pts():
    """Top view of a plane pointing up, centred on (0, 0)."""
    fus = (arc_pts(0, -78, 17, 34, 180, 360, 16)
           + [(17, 70), (6, 102), (-6, 102), (-17, 70)])
    wings = [(-12, -22), (-112, 28), (-112, 46), (-12, 22)]
    wings_r = [(-x, y) for x, y in wings][::-1]
    tail = [(-8, 66), (-50, 92), (-50, 104), (-8, 92)]
    tail_r = [(-x, y) for x, y in tail][::-1]
    eng = rrect_pts(-68, -4, 18, 36, 8)
    eng_r = rrect_pts(50, -4, 18, 36, 8)
    return fus, wings, wings_r, tail, tail_r, eng, eng_r


def icon_stage_travel(c):
    fus, wl, wr, tl, tr, el, er = plane_pts()
    t = lambda p: move(rot(scale(p, 1.08), 45), 136, 124)  # noqa: E731
    for part, col in ((el, DGREY), (er, DGREY), (wl, SKY), (wr, SKY), (tl, ORANGE), (tr, ORANGE)):
        c.poly(t(part), col, INK)
    c.poly(t(fus), PAPER, INK)
    c.poly(t(arc_pts(0, -78, 11, 24, 200, 340, 10)), (70, 110, 160), None, 0)   # cockpit
    c.stroke(t([(0, 10), (0, 60)]), 6, LGREY)


def icon_stage_work(c):
    """A builder's hard hat."""
    dome = arc_pts(128, 170, 92, 104, 180, 360, 40)
    c.poly(dome + [(220, 174), (36, 174)], YELLOW, INK)
    c.poly([(108, 68), (148, 68), (152, 170), (104, 170)], GOLD, INK, 7)        # ridge
    c.rrect(14, 164, 228, 34, 16, GOLD, INK)                                    # brim
    c.line((56, 128), (76, 98), 10, (255, 234, 168))                            # shine
    c.rrect(168, 110, 30, 22, 6, (255, 234, 168), INK, 5)                       # badge


def icon_safe_family(c):
    person(c, 66, 80, 30, 92, 236, BLUE, SKIN2, HAIR)
    person(c, 190, 84, 28, 88, 236, TERRA, SKIN, hijab=(234, 120, 150))
    person(c, 128, 140, 24, 72, 236, GREEN, SKIN, HAIR)


def icon_safe_training(c):
    # open book
    left = [(20, 150), (62, 136), (128, 156), (128, 232), (62, 212), (20, 226)]
    right = [(236, 150), (194, 136), (128, 156), (128, 232), (194, 212), (236, 226)]
    c.poly([(14, 160), (128, 176), (242, 160), (242, 236), (128, 244), (14, 236)], BLUE, INK)
    c.poly(left, PAPER, INK)
    c.poly(right, PAPER, INK)
    for i in range(3):
        c.line((42, 166 + i * 18), (106, 180 + i * 18), 6, LINE)
        c.line((214, 166 + i * 18), (150, 180 + i * 18), 6, LINE)
    # mortarboard cap
    c.poly([(76, 82), (180, 82), (176, 128), (128, 140), (80, 128)], NAVY, INK)
    c.poly([(128, 24), (232, 66), (128, 106), (24, 66)], (60, 92, 132), INK)
    c.stroke([(128, 66), (204, 80), (204, 122)], 6, YELLOW)
    c.poly([(196, 118), (212, 118), (216, 142), (192, 142)], YELLOW, INK, 5)
    c.dot((128, 66), 8, INK)


def icon_safe_support(c):
    # a helpful person with a headset (help desk)
    c.poly(rrect_pts(40, 170, 176, 66, 56, 10), TEAL, INK)
    c.poly([(108, 168), (148, 168), (128, 200)], PAPER, INK, 6)                  # collar
    c.circle((128, 104), 58, SKIN, INK)
    hair = (arc_pts(128, 104, 58, 58, 180, 360, 30)
            + [(180, 96)] + arc_pts(128, 100, 44, 28, -10, -170, 12) + [(76, 96)])
    c.poly(hair, HAIR, INK)
    # smile and eyes
    c.dot((108, 112), 6)
    c.dot((148, 112), 6)
    c.stroke(arc_pts(128, 122, 20, 16, 30, 150, 10), 6)
    # headset band and ear cups
    c.stroke(arc_pts(128, 104, 70, 70, 190, 350, 30), 12, INK)
    c.stroke(arc_pts(128, 104, 70, 70, 192, 348, 30), 5, DGREY)
    c.rrect(52, 84, 30, 52, 12, ORANGE, INK)
    c.rrect(174, 84, 30, 52, 12, ORANGE, INK)
    # microphone boom to the mouth
    c.stroke([(188, 132), (186, 152), (164, 160), (148, 160)], 9, INK)
    c.rrect(132, 152, 22, 16, 7, ORANGE, INK, 5)


def icon_space_card(c):
    back = rot(rrect_pts(40, 26, 124, 176, 14), -14, (102, 114))
    c.poly(back, TERRA, INK)
    inner = rot(rrect_pts(52, 38, 100, 152, 8), -14, (102, 114))
    c.poly(inner, None, CREAM, 5)
    c.poly(rot(star_pts(102, 114, 26, 9, 4), -14, (102, 114)), YELLOW, INK, 5)
    front = rot(rrect_pts(100, 58, 124, 176, 14), 10, (162, 146))
    c.poly(front, PAPER, INK)
    pic = rot(rrect_pts(114, 74, 96, 66, 8), 10, (162, 146))
    c.poly(pic, SKY, INK, 5)
    mtn = rot([(118, 138), (146, 102), (164, 124), (178, 110), (206, 138)], 10, (162, 146))
    c.poly(mtn, GREEN, INK, 5)
    for i in range(3):
        a, b = rot([(116, 162 + i * 20), (206 - (34 if i == 2 else 0), 162 + i * 20)], 10, (162, 146))
        c.line(a, b, 8, LINE)


def icon_space_event(c):
    c.circle((128, 128), 114, (122, 88, 170), INK, 8)
    bolt = [(148, 20), (66, 140), (118, 140), (96, 238), (192, 104), (138, 104), (172, 20)]
    c.poly(bolt, YELLOW, INK, 8)
    c.line((146, 38), (102, 104), 6, (255, 238, 170))


def icon_space_checkpoint(c):
    # ground and a boom barrier with red/white stripes
    c.rrect(24, 64, 36, 168, 8, GREY, INK)                # post
    c.rrect(12, 216, 60, 24, 8, DGREY, INK)               # base
    c.rrect(214, 132, 20, 92, 6, GREY, INK)               # rest post
    c.rrect(202, 212, 44, 24, 8, DGREY, INK)
    x, y, w, h = 34, 98, 212, 40
    c.rrect(x, y, w, h, 14, WHITE, None, 0)
    c.clip((x, y, w, h))
    for i in range(-1, 8):
        sx = x + 14 + i * 52
        c.poly([(sx, y + h), (sx + 26, y + h), (sx + 52, y), (sx + 26, y)], RED, None, 0)
    c.clip(None)
    c.rrect(x, y, w, h, 14, None, INK)
    c.circle((42, 118), 22, YELLOW, INK)
    c.dot((42, 118), 6, INK)


def icon_space_safe(c):
    c.poly(shield_pts(128, 14, 196, 232), GREEN, INK, 8)
    c.poly(shield_pts(128, 34, 156, 188), None, (170, 220, 160), 6)
    c.poly(heart_pts(128, 122, 96), WHITE, INK, 7)


def doc_page(c, x=44, y=14, w=168, h=228, fold=40, fill=PAPER):
    pts = [(x, y), (x + w - fold, y), (x + w, y + fold), (x + w, y + h), (x, y + h)]
    c.poly(pts, fill, INK)
    c.poly([(x + w - fold, y), (x + w - fold, y + fold), (x + w, y + fold)], LINE, INK, 6)


def card_shape(c, fill, band):
    c.rrect(12, 46, 232, 164, 18, fill, INK)
    c.clip((12, 46, 232, 36))
    c.rrect(12, 46, 232, 164, 18, band, None, 0)
    c.clip(None)
    c.line((14, 82), (242, 82), 6)
    c.rrect(12, 46, 232, 164, 18, None, INK)


def icon_doc_id_card(c):
    card_shape(c, (184, 216, 240), BLUE)
    c.line((40, 64), (120, 64), 8, (210, 230, 250))
    c.rrect(32, 100, 70, 88, 8, PAPER, INK, 6)
    c.clip((32, 100, 70, 88))
    c.circle((67, 136), 16, (120, 150, 190), None, 0)
    c.ellipse((67, 186), 30, 26, (120, 150, 190), None, 0)
    c.clip(None)
    c.rrect(32, 100, 70, 88, 8, None, INK, 6)
    text_lines(c, 122, 110, 96, 4, 22, 9, (90, 130, 180), 0.55)


def icon_doc_passport(c):
    passport(c, 52, 14, 152, 228)


def icon_doc_visa(c):
    c.rrect(40, 14, 176, 228, 14, (225, 238, 222), INK)
    c.rrect(56, 34, 144, 96, 10, LILAC, INK, 6)
    c.rrect(68, 48, 44, 56, 6, PAPER, INK, 5)
    c.clip((68, 48, 44, 56))
    c.circle((90, 70), 10, PURPLE, None, 0)
    c.ellipse((90, 102), 18, 14, PURPLE, None, 0)
    c.clip(None)
    c.rrect(68, 48, 44, 56, 6, None, INK, 5)
    text_lines(c, 124, 56, 60, 3, 18, 7, PURPLE, 0.6)
    c.line((68, 116), (188, 116), 5, PURPLE)
    # an entry stamp with a small plane
    stamp = rot(rrect_pts(112, 150, 84, 66, 10), -8, (154, 183))
    c.poly(stamp, None, BLUE, 7)
    c.poly(rot(rrect_pts(122, 160, 64, 46, 5), -8, (154, 183)), None, BLUE, 3)
    fus, wl, wr, tl, tr, el, er = plane_pts()
    for part in (wl, wr, tl, tr, fus):
        c.poly(move(rot(scale(part, 0.17), 37), 154, 183), BLUE, None, 0)
    text_lines(c, 60, 160, 36, 3, 22, 7, LINE, 0.7)


def icon_doc_contract(c):
    doc_page(c)
    c.line((68, 44), (140, 44), 10, INK)
    text_lines(c, 68, 80, 118, 5, 22, 8, LINE, 0.55)
    # signature squiggle
    pts = [(64 + i * 3, 204 - 14 * math.sin(i / 3.2) * (1 - i / 60)) for i in range(36)]
    c.stroke(pts, 6, BLUE)
    c.line((62, 222), (150, 222), 4, LINE)
    # pen
    pen = rot(rrect_pts(0, -11, 96, 22, 6), -50)
    c.poly(move(pen, 150, 236), ORANGE, INK, 6)
    tip = rot([(0, -11), (-22, 0), (0, 11)], -50)
    c.poly(move(tip, 150, 236), CREAM, INK, 6)
    c.poly(move(rot([(-14, -4), (-22, 0), (-14, 4)], -50), 150, 236), INK, None, 0)


def icon_doc_certificate(c):
    c.rrect(10, 36, 236, 168, 10, (255, 246, 222), INK)
    c.rrect(24, 50, 208, 140, 6, None, GOLD, 5)
    c.line((70, 76), (186, 76), 10, BROWN)
    text_lines(c, 48, 106, 112, 3, 22, 7, LINE, 0.6)
    # rosette with ribbons
    c.poly([(168, 180), (150, 240), (170, 228), (184, 244), (196, 190)], RED, INK, 6)
    c.poly([(204, 180), (222, 240), (202, 228), (188, 244), (176, 190)], RED, INK, 6)
    c.poly(star_pts(186, 168, 40, 33, 12, -90), GOLD, INK, 6)
    c.circle((186, 168), 22, YELLOW, INK, 5)
    c.poly(star_pts(186, 168, 13, 6, 5), GOLD, None, 0)


def icon_doc_insurance(c):
    card_shape(c, (200, 236, 208), BPJS)
    c.line((40, 64), (120, 64), 8, (190, 236, 200))
    c.poly(shield_pts(72, 96, 76, 96), PAPER, INK, 6)
    c.line((72, 122), (72, 166), 14, BPJS)
    c.line((50, 144), (94, 144), 14, BPJS)
    text_lines(c, 130, 112, 88, 4, 22, 9, (70, 150, 100), 0.55)


def icon_doc_letter(c):
    x, y, w, h = 16, 52, 224, 152
    c.rrect(x, y, w, h, 12, PAPER, INK)
    c.poly([(x + 2, y + h - 2), (128, 118), (x + w - 2, y + h - 2)], (242, 232, 214), INK, 6)
    c.poly([(x + 2, y + 4), (128, 136), (x + w - 2, y + 4)], CREAM, INK, 7)
    c.rrect(x, y, w, h, 12, None, INK)
    c.circle((128, 132), 20, RED, INK, 6)
    c.poly(heart_pts(128, 132, 20), (255, 200, 200), None, 0)


def icon_doc_generic(c):
    doc_page(c)
    c.line((68, 50), (128, 50), 10, INK)
    text_lines(c, 68, 88, 118, 6, 24, 9, LINE, 0.55)


def phone_handset(c, cx, cy, f, col=WHITE):
    """The classic handset, drawn upright then turned like the phone emoji."""
    arcp = arc_pts(0, 0, 58, 58, 120, 240, 24)
    def t(p):
        return move(rot(scale(p, f), -40), cx, cy)
    # outline first, then fill: band + two pads
    for colr, extra in ((INK, 7), (col, 0)):
        c.stroke(t(arcp), (30 + extra) * f, colr)
        for ang in (120, 240):
            a = math.radians(ang)
            px, py = 58 * math.cos(a), 58 * math.sin(a)
            pad = rrect_pts(-4 - extra / 2, -21 - extra / 2, 40 + extra, 42 + extra, 16)
            pad = move(pad, px, py)
            c.poly(t(pad), colr, None, 0)


def icon_help_contact(c):
    c.circle((128, 128), 112, GREEN, INK, 8)
    phone_handset(c, 128, 140, 1.1)
    # ringing waves, up and to the right of the handset
    for r in (44, 72):
        c.stroke(arc_pts(138, 118, r, r, -78, -18, 10), 10, WHITE)


def coin_side(c, cx, cy, rx, ry, th):
    c.poly(arc_pts(cx, cy, rx, ry, 0, 180, 24) + [(cx - rx, cy - th)] +
           arc_pts(cx, cy - th, rx, ry, 180, 0, 24)[1:-1] + [(cx + rx, cy - th)], GOLD, INK, 6)
    c.ellipse((cx, cy - th), rx, ry, YELLOW, INK, 6)
    c.ellipse((cx, cy - th), rx * 0.62, ry * 0.58, None, GOLD, 5)


def icon_money(c):
    for i in range(5):
        coin_side(c, 78, 220 - i * 26, 58, 20, 18)
    for i in range(3):
        coin_side(c, 188, 224 - i * 26, 50, 18, 18)
    # one big coin face in front
    c.circle((164, 124), 70, YELLOW, INK, 8)
    c.circle((164, 124), 50, None, GOLD, 7)
    c.poly(star_pts(164, 124, 26, 11, 5), GOLD, INK, 5)
    c.line((116, 92), (128, 76), 7, (255, 238, 170))


def chain_link(c, cx, cy, ang, face=True):
    if face:
        ring = move(rot(arc_pts(0, 0, 34, 20, 0, 360, 48)[:-1], ang), cx, cy)
        c.stroke(ring + ring[:1], 24, INK)
        c.stroke(ring + ring[:1], 12, GREY)
        hl = move(rot(arc_pts(0, 0, 34, 20, 200, 250, 6), ang), cx, cy)
        c.stroke(hl, 4, LGREY)
    else:
        bar = move(rot(rrect_pts(-38, -9, 76, 18, 9), ang), cx, cy)
        c.poly(bar, DGREY, INK, 6)


def icon_debt(c):
    """A bill chained and padlocked: owing money that ties you down."""
    c.rrect(34, 14, 168, 196, 12, PAPER, INK)
    c.line((56, 44), (112, 44), 10, INK)
    text_lines(c, 56, 76, 80, 3, 24, 8, LINE, 0.6)
    c.circle((164, 70), 30, YELLOW, INK, 6)             # what is owed: money
    c.circle((164, 70), 18, None, GOLD, 5)
    pts = [(46, 216), (88, 192), (130, 168), (172, 144)]
    for i, (x, y) in reversed(list(enumerate(pts))):
        chain_link(c, x, y, -30, face=(i % 2 == 0))
    # a padlock closes the chain
    c.stroke(arc_pts(196, 178, 20, 24, 180, 360, 12), 20, INK)
    c.stroke(arc_pts(196, 178, 20, 24, 180, 360, 12), 9, DGREY)
    c.rrect(166, 174, 60, 54, 10, GOLD, INK, 7)
    c.dot((196, 195), 7, INK)
    c.line((196, 197), (196, 212), 6, INK)


def icon_risk(c):
    tri = [(128, 22), (240, 218), (16, 218)]
    c.stroke(tri, 40, INK, closed=True)
    c.poly(tri, YELLOW, YELLOW, 26)
    c.rrect(114, 84, 28, 86, 14, INK, None, 0)
    c.dot((128, 194), 15, INK)


def speaker(c):
    c.rrect(24, 96, 48, 68, 8, ORANGE, INK)
    c.poly([(68, 96), (132, 48), (132, 212), (68, 164)], ORANGE, INK)


def icon_sound_on(c):
    speaker(c)
    for r in (40, 76):
        c.stroke(arc_pts(138, 130, r, r, -48, 48, 14), 18, INK)
        c.stroke(arc_pts(138, 130, r, r, -48, 48, 14), 8, TEAL)


def icon_sound_off(c):
    speaker(c)
    for a, b in (((164, 92), (232, 164)), ((232, 92), (164, 164))):
        c.line(a, b, 26, INK)
        c.line(a, b, 14, RED)


ICONS = {
    "stage-recruitment": icon_stage_recruitment,
    "stage-documentation": icon_stage_documentation,
    "stage-travel": icon_stage_travel,
    "stage-work": icon_stage_work,
    "stage-home": icon_stage_home,
    "safe-family": icon_safe_family,
    "safe-training": icon_safe_training,
    "safe-support": icon_safe_support,
    "space-card": icon_space_card,
    "space-event": icon_space_event,
    "space-checkpoint": icon_space_checkpoint,
    "space-safe": icon_space_safe,
    "doc-id-card": icon_doc_id_card,
    "doc-passport": icon_doc_passport,
    "doc-visa": icon_doc_visa,
    "doc-contract": icon_doc_contract,
    "doc-certificate": icon_doc_certificate,
    "doc-insurance": icon_doc_insurance,
    "doc-letter": icon_doc_letter,
    "doc-generic": icon_doc_generic,
    "help-contact": icon_help_contact,
    "money": icon_money,
    "debt": icon_debt,
    "risk": icon_risk,
    "card-back": icon_card_back,
    "sound-on": icon_sound_on,
    "sound-off": icon_sound_off,
}
for _n in range(1, 7):
    ICONS[f"dice-{_n}"] = icon_dice(_n)


def render_icon(name: str) -> pygame.Surface:
    c = Canvas()
    ICONS[name](c)
    c.clip(None)
    return c.finish()


def make_icons(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(ICONS):
        path = out_dir / f"{name}.png"
        pygame.image.save(render_icon(name), str(path))
        written.append(path)
    return written


# ---------------------------------------------------------------- sounds
RATE = 22050


def _env(t, attack, decay):
    """Linear attack then exponential decay (decay = time constant, s)."""
    if t < 0:
        return 0.0
    a = min(1.0, t / attack) if attack > 0 else 1.0
    return a * math.exp(-max(0.0, t - attack) / decay)


def _bell(buf, start, freq, amp, decay, partials=((1, 1.0), (2.0, 0.35), (3.01, 0.12)), attack=0.004):
    """Add a soft bell-like note to buf starting at `start` seconds."""
    i0 = int(start * RATE)
    n = min(len(buf) - i0, int(decay * 7 * RATE))
    tw = [2 * math.pi * freq * m / RATE for m, _ in partials]
    for k in range(n):
        t = k / RATE
        e = amp * _env(t, attack, decay)
        if e < 1e-4 and t > attack:
            break
        s = 0.0
        for (m, w), om in zip(partials, tw):
            s += w * math.sin(om * k) * (math.exp(-t * (m - 1) * 3.0) if m > 1 else 1.0)
        buf[i0 + k] += e * s


def _finish(buf, peak=0.7, fade=0.012, fade_in=0.001):
    """Normalise to `peak`, fade both ends (no clicks), convert to 16-bit."""
    m = max(1e-9, max(abs(v) for v in buf))
    g = peak / m
    n = len(buf)
    nf = int(fade * RATE)
    ni = max(1, int(fade_in * RATE))
    out = array.array("h", bytes(2 * n))
    for i, v in enumerate(buf):
        if i < ni:
            v *= i / ni
        if i >= n - nf:
            v *= (n - i) / nf
        out[i] = max(-32767, min(32767, int(round(v * g * 32767))))
    return out


def snd_dice():
    rng = random.Random(20240611)
    dur = 0.55
    buf = [0.0] * int(dur * RATE)
    t = 0.0
    amp = 1.0
    hits = []
    while t < 0.46:
        hits.append((t, amp))
        t += 0.018 + rng.random() * 0.05 + t * 0.08
        amp *= 0.82 + rng.random() * 0.1
    for t0, a in hits:
        i0 = int(t0 * RATE)
        f1 = 1400 + rng.random() * 1600      # small wooden/plastic resonances
        f2 = 2600 + rng.random() * 2200
        lp = 0.0
        for k in range(int(0.03 * RATE)):
            if i0 + k >= len(buf):
                break
            tt = k / RATE
            noise = rng.random() * 2 - 1
            lp += 0.45 * (noise - lp)              # soften the noise
            e = math.exp(-tt / 0.004)
            buf[i0 + k] += a * (0.6 * lp * e + 0.5 * math.sin(2 * math.pi * f1 * tt) * math.exp(-tt / 0.007)
                                + 0.25 * math.sin(2 * math.pi * f2 * tt) * math.exp(-tt / 0.004))
    return _finish(buf, 0.65)


def snd_step():
    dur = 0.09
    buf = [0.0] * int(dur * RATE)
    ph = 0.0
    for k in range(len(buf)):
        t = k / RATE
        f = 900 * (1 - 0.35 * min(1.0, t / 0.05))     # a small falling "tok"
        ph += 2 * math.pi * f / RATE
        buf[k] = (math.sin(ph) + 0.3 * math.sin(2 * ph)) * _env(t, 0.001, 0.018)
    return _finish(buf, 0.55, 0.01)


def snd_good():
    dur = 0.85
    buf = [0.0] * int(dur * RATE)
    _bell(buf, 0.0, 784.0, 0.8, 0.16)       # G5
    _bell(buf, 0.11, 1046.5, 0.9, 0.22)     # C6
    _bell(buf, 0.11, 1318.5, 0.35, 0.2)     # E6, soft
    return _finish(buf, 0.6)


def snd_warning():
    # two soft falling notes (E5 -> C#5), rounded tone, slow attack: "careful", not alarm
    dur = 0.7
    buf = [0.0] * int(dur * RATE)
    for start, freq, length in ((0.0, 659.3, 0.26), (0.26, 554.4, 0.42)):
        i0 = int(start * RATE)
        for k in range(int(length * RATE)):
            if i0 + k >= len(buf):
                break
            t = k / RATE
            e = min(1.0, t / 0.03) * min(1.0, (length - t) / 0.08) * math.exp(-t / 0.5)
            s = math.sin(2 * math.pi * freq * t) + 0.18 * math.sin(2 * math.pi * 2 * freq * t)
            s *= 1 + 0.04 * math.sin(2 * math.pi * 5.5 * t)
            buf[i0 + k] += 0.7 * e * s
    return _finish(buf, 0.4)


def snd_outcome():
    # a rising arpeggio that settles on an open chord: "the journey has ended"
    dur = 1.0
    buf = [0.0] * int(dur * RATE)
    notes = [(0.00, 523.25), (0.09, 659.26), (0.18, 783.99), (0.27, 1046.5)]
    for start, f in notes:
        _bell(buf, start, f, 0.7, 0.12)
    for f, a in ((523.25, 0.45), (783.99, 0.35), (1046.5, 0.3)):
        _bell(buf, 0.36, f, a, 0.22, ((1, 1.0), (2.0, 0.2)), attack=0.02)
    return _finish(buf, 0.65)


SOUNDS = {
    "dice": snd_dice,
    "step": snd_step,
    "good": snd_good,
    "warning": snd_warning,
    "outcome": snd_outcome,
}


def write_wav(path: Path, samples: array.array) -> None:
    data = samples.tobytes() if sys.byteorder == "little" else _swapped(samples)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data)


def _swapped(samples):
    s = array.array("h", samples)
    s.byteswap()
    return s.tobytes()


def make_sounds(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(SOUNDS):
        path = out_dir / f"{name}.wav"
        write_wav(path, SOUNDS[name]())
        written.append(path)
    return written


# ---------------------------------------------------------------- sheet
def contact_sheet(icon_dir: Path, path: Path, cell: int = 150, cols: int = 7) -> None:
    """Every icon at 128 and 32 px, with its name, on a light and a dark band."""
    pygame.font.init()
    font = pygame.font.Font(None, 18)
    names = sorted(p.stem for p in icon_dir.glob("*.png"))
    rows = (len(names) + cols - 1) // cols
    w, band = cols * cell, rows * cell
    sheet = pygame.Surface((w, band * 2 + 8))
    sheet.fill((128, 128, 128))
    for half, (bg, fg) in enumerate((((246, 235, 217), INK), ((43, 33, 24), PAPER))):
        y0 = half * (band + 8)
        sheet.fill(bg, pygame.Rect(0, y0, w, band))
        for i, name in enumerate(names):
            img = pygame.image.load(str(icon_dir / f"{name}.png"))
            x, y = (i % cols) * cell, y0 + (i // cols) * cell
            sheet.blit(pygame.transform.smoothscale(img, (118, 118)), (x + 2, y + 4))
            sheet.blit(pygame.transform.smoothscale(img, (28, 28)), (x + 118, y + 94))
            sheet.blit(font.render(name, True, fg), (x + 4, y + cell - 22))
    pygame.image.save(sheet, str(path))


# ---------------------------------------------------------------- main
def generate(out: Path | str = HERE) -> list[Path]:
    """Write every icon and sound under `out` (icons/ and sounds/)."""
    out = Path(out)
    return make_icons(out / "icons") + make_sounds(out / "sounds")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(HERE), help="folder to write icons/ and sounds/ into")
    ap.add_argument("--sheet", help="also write a contact sheet PNG of the icons here")
    args = ap.parse_args(argv)
    files = generate(args.out)
    if args.sheet:
        contact_sheet(Path(args.out) / "icons", Path(args.sheet))
    total = sum(p.stat().st_size for p in files)
    print(f"wrote {len(files)} files, {total // 1024} KiB, under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
