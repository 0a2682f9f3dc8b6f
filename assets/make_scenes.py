#!/usr/bin/env python3
"""Draw the card pictures ("scenes") of Traveller's Dream from code.

Every scene is a 600x400 (3:2) opaque PNG drawn with pygame.draw only: flat
warm colours, thick dark outlines, large shapes and the same friendly people
in every picture, and no letters or numbers anywhere, so a picture reads in
any language and from the back of a classroom (each is checked at 200x133).
Nothing is downloaded, so the pictures share the project's licence, and the
output is the same bytes on every run.

    python assets/make_scenes.py                  # assets/scenes/*.png, copied into every pack
    python assets/make_scenes.py --pack PATH      # copy into this pack folder only
    python assets/make_scenes.py --check          # exit 1 if any file is missing or out of date
    python assets/make_scenes.py --sheet FILE     # also a contact sheet to look at

A pack is a folder under scenarios/ with a pack.yaml; the copies go to
scenarios/<pack>/assets/scenes/<name>.png, so cards say
``image: scenes/<name>.png``. The drawing works on a 600x400 grid rendered at
SS times the size and scaled down for smooth edges; see the ``scene_*``
functions and the people in ``person``.
"""
from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

# the shape helpers are the icons' (assets/make_assets.py): one set for both scripts
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_assets import arc_pts, bezier, move, rot, rrect_pts, scale, star_pts  # noqa: E402,F401

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "scenes"
SCENARIOS = ROOT / "scenarios"
PACK_FILE = "pack.yaml"
PACK_SUBFOLDER = Path("assets") / "scenes"

W, H = 600, 400     # design grid and output size
SS = 3              # supersampling factor
OW = 5              # default outline width on the design grid

# ---------------------------------------------------------------- palette
# The icons' palette (assets/make_assets.py); INK is the theme's ink colour.
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
PINK = (234, 120, 150)
GREEN = (86, 168, 92)
GREEN2 = (70, 146, 80)
DKGREEN = (32, 104, 74)
TEAL = (38, 150, 140)
BLUE = (66, 128, 196)
NAVY = (47, 75, 110)
SKY = (150, 204, 236)
LILAC = (206, 186, 236)
PURPLE = (128, 86, 176)
BROWN = (146, 92, 56)
DKBROWN = (104, 64, 40)
SKIN = (230, 178, 128)
SKIN2 = (184, 124, 82)
SKIN3 = (140, 92, 60)
HAIR = (52, 38, 30)
GREY = (160, 164, 172)
LGREY = (214, 214, 220)
DGREY = (98, 100, 110)
WHITE = (255, 255, 255)
LINE = (196, 178, 150)      # "text" lines on paper
KHAKI = (196, 170, 110)     # civil servants' uniform
POLICE = (120, 84, 52)      # police brown

# backgrounds: light and plain, so the subject stands out
SKYBG = (212, 236, 248)
CLOUD = (255, 255, 255)
GRASS = (168, 212, 120)
GRASS2 = (132, 188, 98)
FIELD = (196, 226, 132)
ROAD = (231, 199, 147)      # the theme's road colour
HILL = (150, 196, 150)
HILL2 = (118, 170, 140)
MOUNT = (152, 176, 204)
WALL = (250, 236, 208)
WALL2 = (240, 222, 190)
FLOOR = (214, 172, 124)
FLOOR2 = (196, 152, 106)
WOOD = (188, 124, 74)
WOOD2 = (160, 100, 58)
NIGHT = (40, 56, 100)
NIGHT2 = (30, 42, 78)
SEA = (86, 164, 206)
SEA2 = (58, 132, 184)
GLASS = (176, 218, 240)
WARM = (255, 214, 110)      # warm lamp light
STEEL = (120, 126, 140)


# ---------------------------------------------------------------- geometry
def heart_pts(cx, cy, size):
    pts = []
    for i in range(72):
        t = 2 * math.pi * i / 72
        x = 16 * math.sin(t) ** 3
        y = -(13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t))
        pts.append((cx + x * size / 33, cy + (y + 1.5) * size / 33))
    return pts


def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def mix(c1, c2, t):
    return tuple(round(a + (b - a) * t) for a, b in zip(c1, c2))


# ---------------------------------------------------------------- canvas
class Canvas:
    """The 600x400 grid rendered at SS times the resolution (opaque)."""

    def __init__(self, bg=SKYBG):
        self.surf = pygame.Surface((W * SS, H * SS), 0, 32)
        self.surf.fill(bg)

    @staticmethod
    def _p(pt):
        return (round(pt[0] * SS), round(pt[1] * SS))

    def stroke(self, pts, width=OW, color=INK, closed=False):
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
        for x, y in P:
            pygame.draw.circle(self.surf, color, (round(x), round(y)), r)

    def poly(self, pts, fill=None, stroke=INK, width=OW):
        if fill is not None:
            pygame.draw.polygon(self.surf, fill, [self._p(p) for p in pts])
        if stroke is not None and width:
            self.stroke(pts, width, stroke, closed=True)

    def rrect(self, x, y, w, h, r=0, fill=None, stroke=INK, width=OW, rb=None):
        self.poly(rrect_pts(x, y, w, h, r, rb), fill, stroke, width)

    def rect(self, x, y, w, h, fill):
        """A plain filled rectangle with no outline."""
        pygame.draw.rect(self.surf, fill, pygame.Rect(round(x * SS), round(y * SS),
                                                      round(w * SS), round(h * SS)))

    def circle(self, c, r, fill=None, stroke=INK, width=OW):
        if stroke is not None and width:
            if fill is not None:
                pygame.draw.circle(self.surf, stroke, self._p(c), round((r + width / 2) * SS))
                pygame.draw.circle(self.surf, fill, self._p(c), round((r - width / 2) * SS))
            else:
                pygame.draw.circle(self.surf, stroke, self._p(c), round((r + width / 2) * SS),
                                   round(width * SS))
        elif fill is not None:
            pygame.draw.circle(self.surf, fill, self._p(c), round(r * SS))

    def ellipse(self, c, rx, ry, fill=None, stroke=INK, width=OW):
        self.poly(arc_pts(c[0], c[1], rx, ry, 0, 360, 90)[:-1], fill, stroke, width)

    def line(self, a, b, width, color=INK):
        self.stroke([a, b], width, color)

    def tube(self, pts, width, fill, outline=OW):
        """A thick line with a dark outline (arms, poles, pipes, ropes)."""
        self.stroke(pts, width + 2 * outline, INK)
        self.stroke(pts, width, fill)

    def dot(self, c, r, color=INK):
        pygame.draw.circle(self.surf, color, self._p(c), max(1, round(r * SS)))

    def blob(self, circles, fill, width=OW):
        """Overlapping circles outlined as one shape (trees, clouds, smoke)."""
        for (x, y, r) in circles:
            self.circle((x, y), r + width / 2, INK, None, 0)
        for (x, y, r) in circles:
            self.circle((x, y), r - width / 2, fill, None, 0)

    def clip(self, rect=None):
        self.surf.set_clip(None if rect is None else pygame.Rect(*[round(v * SS) for v in rect]))

    def finish(self):
        self.surf.set_clip(None)
        # a dark frame so the picture sits neatly on the card
        pygame.draw.rect(self.surf, INK, self.surf.get_rect(), 4 * SS)
        out = pygame.transform.smoothscale(self.surf, (W, H))
        return out


# ---------------------------------------------------------------- backgrounds
def sky(c, colour=SKYBG):
    c.rect(0, 0, W, H, colour)


def ground(c, y, colour=GRASS, edge=True):
    c.rect(0, y, W, H - y, colour)
    if edge:
        c.line((-10, y), (W + 10, y), OW)


def room(c, floor_y=300, wall=WALL, floor=FLOOR):
    c.rect(0, 0, W, floor_y, wall)
    c.rect(0, floor_y, W, H - floor_y, floor)
    c.line((-10, floor_y), (W + 10, floor_y), OW)


def cloud(c, x, y, s=1.0, fill=CLOUD):
    c.blob([(x - 34 * s, y + 6 * s, 22 * s), (x, y - 6 * s, 30 * s), (x + 34 * s, y + 6 * s, 22 * s),
            (x + 4 * s, y + 12 * s, 22 * s)], fill, 4)


def sun(c, x, y, r=34):
    c.circle((x, y), r, YELLOW, INK, 4)


def hills(c, y, colour=HILL, bumps=((0, 70), (220, 50), (430, 80), (620, 50))):
    """A smooth ridge of round hills standing on `y`; bumps: (x, height)."""
    ridge = []
    for i in range(0, W + 41, 10):
        x = i - 20
        top = min([y + 60] + [y - hh * math.exp(-((x - bx) / 110) ** 2) for bx, hh in bumps])
        ridge.append((x, top))
    c.poly(ridge + [(W + 20, y + 60), (-20, y + 60)], colour, INK, 4)


def mountains(c, base, peaks, colour=MOUNT):
    """Flat-topped mountains (volcanoes) on `base`; peaks: (x, height, half width)."""
    for (x, h, w) in peaks:
        c.poly([(x - w, base), (x - w * 0.12, base - h), (x + w * 0.12, base - h), (x + w, base)],
               colour, INK, 4)


def round_tree(c, x, base, s=1.0, leaf=GREEN):
    c.rrect(x - 10 * s, base - 70 * s, 20 * s, 70 * s, 4, BROWN, INK, OW)
    c.blob([(x - 30 * s, base - 88 * s, 30 * s), (x + 28 * s, base - 90 * s, 32 * s),
            (x, base - 122 * s, 38 * s), (x, base - 84 * s, 30 * s)], leaf)


def frond(c, base, ang, length, width, colour=GREEN, droop=0.35, teeth=7, width_line=4, notch=0.3):
    """A palm leaf from `base` pointing at `ang` degrees (0 = right, -90 = up),
    arching and drooping by `droop`, with a feathery (notched) edge."""
    a = math.radians(ang)
    dx, dy = math.cos(a), math.sin(a)
    p0 = base
    p1 = (base[0] + dx * length * 0.4, base[1] + dy * length * 0.4 - length * 0.15)
    p2 = (base[0] + dx * length * 0.8, base[1] + dy * length * 0.8 + droop * length * 0.2)
    p3 = (base[0] + dx * length * 0.95, base[1] + dy * length * 0.95 + droop * length)
    rib = bezier(p0, p1, p2, p3, 2 * teeth)
    left, right = [], []
    n = len(rib) - 1
    for i, (px, py) in enumerate(rib):
        t = i / n
        qx, qy = rib[min(n, i + 1)] if i < n else rib[n]
        ox, oy = rib[max(0, i - 1)]
        tx, ty = qx - ox, qy - oy
        tl = math.hypot(tx, ty) or 1.0
        nx, ny = -ty / tl, tx / tl
        wv = width * math.sin(math.pi * min(1.0, t * 1.15)) ** 0.8 * (1.0 if i % 2 == 0 else notch)
        if i in (0, n):
            wv = width * 0.12 if i == 0 else 0.0
        left.append((px + nx * wv, py + ny * wv))
        right.append((px - nx * wv, py - ny * wv))
    c.poly(left + right[::-1][:-1], colour, INK, width_line)
    c.stroke(rib[:-2], 2.5, mix(colour, INK, 0.35))


def coconut_palm(c, x, base, s=1.0, lean=14):
    top = (x + lean * s, base - 150 * s)
    trunk = bezier((x, base), (x, base - 60 * s), (top[0], top[1] + 60 * s), top, 12)
    c.tube(trunk, 14 * s, BROWN, 4)
    for i in range(1, 6):
        p = trunk[i * 2]
        c.line((p[0] - 6 * s, p[1]), (p[0] + 6 * s, p[1] - 3 * s), 2.5, DKBROWN)
    for ang, col, droop in ((-175, GREEN2, 0.75), (-5, GREEN2, 0.75), (-140, GREEN, 0.6),
                            (-40, GREEN, 0.6), (-105, GREEN2, 0.3), (-75, GREEN, 0.3)):
        frond(c, top, ang, 84 * s, 12 * s, col, droop, 5, notch=0.72)
    for dx in (-7, 7):
        c.circle((top[0] + dx * s, top[1] + 8 * s), 7 * s, DKBROWN, INK, 3)


def oil_palm(c, x, base, s=1.0):
    """An oil palm: a short thick trunk, a dense crown of long arching fronds, red fruit."""
    top = (x, base - 92 * s)
    c.rrect(x - 14 * s, top[1], 28 * s, 92 * s, 6 * s, BROWN, INK, 4)
    for i in range(4):   # the cut frond bases on the trunk
        yy = top[1] + 20 * s + i * 18 * s
        c.poly([(x - 12 * s, yy), (x, yy - 8 * s), (x + 12 * s, yy)], None, DKBROWN, 2.5)
    for ang, droop in ((-178, 0.85), (-2, 0.85), (-155, 0.7), (-25, 0.7)):
        frond(c, top, ang, 92 * s, 13 * s, GREEN2, droop, 7)
    for ang, droop in ((-130, 0.45), (-50, 0.45), (-105, 0.2), (-75, 0.2)):
        frond(c, top, ang, 84 * s, 12 * s, GREEN, droop, 7)
    for fx in (-11, 11):     # fruit bunches: clusters of small red-orange fruit
        c.blob([(x + fx * s + dx * s, top[1] + 10 * s + dy * s, 5.5 * s)
                for dx, dy in ((-4, -3), (4, -3), (0, 3), (-5, 5), (5, 5))], (200, 60, 34), 3)


# ---------------------------------------------------------------- people
class Pose:
    """Arm poses: (elbow, hand) offsets from the shoulder in units of height,
    x positive outward (away from the body), y down."""
    DOWN = ((0.03, 0.16), (0.05, 0.31))
    WAVE = ((0.12, 0.02), (0.14, -0.16))
    OPEN = ((0.12, 0.08), (0.26, 0.02))        # arms open in welcome
    FOLD = ((0.03, 0.16), (-0.1, 0.22))        # hand in front of the body


def person(c, x, foot, h, shirt=BLUE, pants=NAVY, skin=SKIN, hair="short", hair_col=HAIR,
           left=None, right=None, look=0.0, dress=False, long_sleeves=False, child=False,
           back=False, smile=True, face=True, apron=None, sit=False, arms=True, shoes=HAIR):
    """A standing (or sitting) person, `h` tall with feet on `foot`, centred on `x`.

    left/right (as seen): a Pose-like (elbow, hand) pair, or an absolute hand
    position (x, y) that the arm reaches for. hair: short, long, hijab, bun,
    helmet, cap (police), hat (a farmer's wide hat), grey, none. sit: the legs
    hang short below the hips (on a bench or a bunk). arms="behind": the arms
    go behind the back. Returns the hand positions (left, right).
    """
    u = h
    r = u * (0.16 if child else 0.13)
    top = foot - u
    hy = top + r
    neck = top + 2 * r - u * 0.015
    hip = foot - u * 0.42
    sh_w = u * (0.33 if not child else 0.30)
    lw = max(3.0, min(OW, u / 40))
    feet = hip + u * 0.26 if sit else foot
    aw = u * 0.075
    if arms == "behind":
        for side in (-1, 1):
            sx, sy = x + side * (sh_w / 2 - aw * 0.45), neck + u * 0.055
            c.tube([(sx, sy), (sx + side * aw * 0.4, sy + u * 0.16), (x + side * aw * 0.5, hip - u * 0.02)],
                   aw, shirt, lw)
    # legs and shoes
    if not dress:
        for side in (-1, 1):
            lx = x + side * u * 0.072
            c.rrect(lx - u * 0.062, hip - u * 0.04, u * 0.124, feet - hip + u * 0.01, u * 0.03, pants, INK, lw)
    for side in (-1, 1):
        c.ellipse((x + side * u * 0.085, feet - u * 0.015), u * 0.075, u * 0.035, shoes, INK, lw * 0.8)
    # body
    if dress:
        skirt = [(x - sh_w * 0.42, hip - u * 0.1), (x + sh_w * 0.42, hip - u * 0.1),
                 (x + sh_w * 0.68, feet - u * 0.04), (x - sh_w * 0.68, feet - u * 0.04)]
        c.poly(skirt, pants, INK, lw)
    c.rrect(x - sh_w / 2, neck, sh_w, hip - neck + u * 0.02, u * 0.1, shirt, INK, lw, rb=u * 0.03)
    if apron is not None:
        c.rrect(x - sh_w * 0.36, neck + u * 0.1, sh_w * 0.72, hip - neck + u * (0.12 if dress else 0.02),
                u * 0.03, apron, INK, lw * 0.8)
    # head
    if hair == "hijab":
        hj = hair_col if hair_col != HAIR else PINK
        c.poly([(x - r * 1.25, hy + r * 0.2), (x + r * 1.25, hy + r * 0.2),
                (x + r * 1.55, neck + u * 0.09), (x - r * 1.55, neck + u * 0.09)], hj, INK, lw)
        c.circle((x, hy), r * 1.22, hj, INK, lw)
        c.poly([(x - r * 1.2, hy + r * 0.3), (x + r * 1.2, hy + r * 0.3),
                (x + r * 1.48, neck + u * 0.085), (x - r * 1.48, neck + u * 0.085)], hj, None, 0)
        if not back:
            c.ellipse((x + look * r * 0.12, hy + r * 0.12), r * 0.8, r * 0.86, skin, INK, lw * 0.8)
    else:
        if hair == "long":
            c.rrect(x - r * 1.08, hy - r * 0.6, r * 2.16, r * 2.2, r * 0.9, hair_col, INK, lw, rb=r * 0.3)
        c.circle((x, hy), r, hair_col if back else skin, INK, lw)
        if hair in ("short", "long", "bun", "grey", "helmet", "cap", "hat") and not back:
            hc = GREY if hair == "grey" else hair_col
            pts = (arc_pts(x, hy, r, r, 180, 360, 24)
                   + [(x + r * 0.9, hy - r * 0.0)]
                   + arc_pts(x + look * r * 0.2, hy + r * 0.05, r * 0.72, r * 0.5, -15, -165, 12)
                   + [(x - r * 0.92, hy + r * 0.05)])
            c.poly(pts, hc, INK, lw)
        if hair == "bun":
            c.circle((x, hy - r * 1.05), r * 0.42, hair_col, INK, lw)
        if hair == "helmet":
            dome = arc_pts(x, hy - r * 0.15, r * 1.08, r * 1.0, 180, 360, 20)
            c.poly(dome, YELLOW, INK, lw)
            c.poly([(x - r * 0.18, hy - r * 1.1), (x + r * 0.18, hy - r * 1.1), (x + r * 0.2, hy - r * 0.3),
                    (x - r * 0.2, hy - r * 0.3)], GOLD, INK, lw * 0.7)
            c.rrect(x - r * 1.35, hy - r * 0.3, r * 2.7, r * 0.38, r * 0.18, GOLD, INK, lw)
        if hair == "cap":     # a peaked cap: wide crown, band, dark visor, badge
            c.poly([(x - r * 1.25, hy - r * 1.45), (x + r * 1.25, hy - r * 1.45), (x + r * 0.95, hy - r * 0.78),
                    (x - r * 0.95, hy - r * 0.78)], hair_col if hair_col != HAIR else POLICE, INK, lw)
            c.rrect(x - r * 0.98, hy - r * 0.84, r * 1.96, r * 0.34, r * 0.06, (40, 34, 30), INK, lw * 0.8)
            c.poly(arc_pts(x, hy - r * 0.52, r * 1.02, r * 0.26, 0, 180, 12), (30, 26, 24), INK, lw * 0.8)
            c.circle((x, hy - r * 1.1), r * 0.22, YELLOW, INK, lw * 0.6)
        if hair == "hat":     # a wide woven farmer's hat
            c.poly([(x - r * 1.9, hy - r * 0.2), (x, hy - r * 1.5), (x + r * 1.9, hy - r * 0.2)],
                   (226, 196, 120), INK, lw)
            c.line((x - r * 0.9, hy - r * 0.72), (x + r * 0.9, hy - r * 0.72), lw * 0.6, (180, 146, 80))
    if face and not back:
        fx = x + look * r * 0.3
        fy = hy + (r * 0.12 if hair == "hijab" else 0)
        c.dot((fx - r * 0.34, fy + r * 0.04), r * 0.11)
        c.dot((fx + r * 0.34, fy + r * 0.04), r * 0.11)
        c.dot((fx - r * 0.52, fy + r * 0.34), r * 0.14, mix(skin, RED, 0.25))
        c.dot((fx + r * 0.52, fy + r * 0.34), r * 0.14, mix(skin, RED, 0.25))
        if smile:
            c.stroke(arc_pts(fx, fy + r * 0.2, r * 0.36, r * 0.3, 25, 155, 10), max(2.5, r * 0.1))
        else:
            c.line((fx - r * 0.2, fy + r * 0.48), (fx + r * 0.2, fy + r * 0.48), max(2.5, r * 0.1))
    # arms
    hands = []
    if arms != True:  # noqa: E712
        return hands
    for side, pose in ((-1, left), (1, right)):
        sx, sy = x + side * (sh_w / 2 - aw * 0.45), neck + u * 0.055
        if pose is None:
            pose = Pose.DOWN
        if isinstance(pose[0], (int, float)):      # an absolute hand position
            hand = pose
            mid = lerp((sx, sy), hand, 0.5)
            d = math.hypot(hand[0] - sx, hand[1] - sy)
            bend = max(0.0, (u * 0.33 - d) * 0.6)
            elbow = (mid[0] + side * bend * 0.8, mid[1] + bend * 0.6)
        else:
            (ex, ey), (hx, hy2) = pose
            elbow = (sx + side * ex * u, sy + ey * u)
            hand = (sx + side * hx * u, sy + hy2 * u)
        path = [(sx, sy), elbow, hand]
        c.stroke(path, aw + 2 * lw, INK)
        c.stroke(path, aw, skin)
        if long_sleeves or hair == "hijab":
            c.stroke(path, aw, shirt)
        else:
            c.stroke([(sx, sy), elbow, lerp(elbow, hand, 0.25)], aw, shirt)
        c.circle(hand, aw * 0.62, skin, INK, lw * 0.8)
        hands.append(hand)
    return hands


def bust(c, x, y, r, shirt=TEAL, skin=SKIN, hair="short", hair_col=HAIR, headset=False):
    """Head and shoulders (a portrait on a screen), head centre (x, y), head radius r."""
    c.poly(rrect_pts(x - r * 1.55, y + r * 0.95, r * 3.1, r * 1.9, r * 1.2, r * 0.1), shirt, INK, OW)
    if hair == "hijab":
        c.poly([(x - r * 1.2, y + r * 0.2), (x + r * 1.2, y + r * 0.2), (x + r * 1.45, y + r * 1.55),
                (x - r * 1.45, y + r * 1.55)], hair_col, INK, OW)
        c.circle((x, y), r * 1.22, hair_col, INK, OW)
        c.poly([(x - r * 1.18, y + r * 0.3), (x + r * 1.18, y + r * 0.3), (x + r * 1.4, y + r * 1.5),
                (x - r * 1.4, y + r * 1.5)], hair_col, None, 0)
        c.ellipse((x, y + r * 0.12), r * 0.8, r * 0.86, skin, INK, OW * 0.8)
        fy = y + r * 0.12
    else:
        c.circle((x, y), r, skin, INK, OW)
        pts = (arc_pts(x, y, r, r, 180, 360, 24) + [(x + r * 0.9, y)]
               + arc_pts(x, y + r * 0.05, r * 0.72, r * 0.5, -15, -165, 12) + [(x - r * 0.92, y + r * 0.05)])
        c.poly(pts, hair_col, INK, OW)
        fy = y
    c.dot((x - r * 0.34, fy + r * 0.04), r * 0.11)
    c.dot((x + r * 0.34, fy + r * 0.04), r * 0.11)
    c.stroke(arc_pts(x, fy + r * 0.2, r * 0.36, r * 0.3, 25, 155, 10), max(2.5, r * 0.1))
    if headset:
        c.stroke(arc_pts(x, y, r * 1.32, r * 1.32, 195, 345, 20), r * 0.18 + 2 * 4, INK)
        c.stroke(arc_pts(x, y, r * 1.32, r * 1.32, 195, 345, 20), r * 0.18, DGREY)
        for side in (-1, 1):
            c.rrect(x + side * r * 1.28 - r * 0.24, y - r * 0.3, r * 0.48, r * 0.8, r * 0.2, ORANGE, INK, 4)
        c.stroke([(x + r * 1.3, y + r * 0.45), (x + r * 1.1, y + r * 0.75), (x + r * 0.45, y + r * 0.78)],
                 r * 0.1 + 8, INK)
        c.stroke([(x + r * 1.3, y + r * 0.45), (x + r * 1.1, y + r * 0.75), (x + r * 0.45, y + r * 0.78)],
                 r * 0.1, DGREY)
        c.circle((x + r * 0.4, y + r * 0.78), r * 0.16, ORANGE, INK, 3)


def seated(c, x, seat_y, h, **kw):
    """A person whose legs are hidden (behind a desk or in a crowd): the top part only."""
    return person(c, x, seat_y + h * 0.42, h, **kw)


# ---------------------------------------------------------------- props
def briefcase(c, cx, top, w=70, h=50, col=BROWN):
    c.stroke(arc_pts(cx, top, w * 0.22, h * 0.28, 180, 360, 10), 6 + 2 * OW, INK)
    c.stroke(arc_pts(cx, top, w * 0.22, h * 0.28, 180, 360, 10), 6, DKBROWN)
    c.rrect(cx - w / 2, top, w, h, 6, col, INK)
    c.line((cx - w / 2 + 4, top + h * 0.38), (cx + w / 2 - 4, top + h * 0.38), 4, INK)
    c.rrect(cx - 6, top + h * 0.3, 12, h * 0.18, 2, GOLD, INK, 3)


def bubble(c, x, y, w, h, tail, fill=WHITE, width=OW):
    """A speech bubble: rounded box with a tail pointing to `tail`."""
    cx = x + w / 2
    bx0, bx1 = cx - w * 0.12, cx + w * 0.02
    if tail[0] < x + w * 0.3:
        bx0, bx1 = x + w * 0.18, x + w * 0.34
    elif tail[0] > x + w * 0.7:
        bx0, bx1 = x + w * 0.66, x + w * 0.82
    below = tail[1] > y + h
    edge = y + h if below else y
    tail_pts = [(bx0, edge), tail, (bx1, edge)]
    c.poly(tail_pts, fill, INK, width)
    c.rrect(x, y, w, h, min(w, h) * 0.3, fill, INK, width)
    c.poly([(bx0 + 2, edge + (-4 if below else 4)), lerp((bx0, edge), tail, 0.45),
            lerp((bx1, edge), tail, 0.45), (bx1 - 2, edge + (-4 if below else 4))], fill, None, 0)


def plane_side(c, x, y, s=1.0, ang=0.0, body=WHITE, tail=ORANGE, width=OW):
    """A side view of an airliner facing right, centred on (x, y)."""
    def T(pts):
        return move(rot(scale(pts, s), ang), x, y)
    fus = (arc_pts(-118, 0, 22, 20, 90, 270, 12) + [(70, -20)]
           + arc_pts(70, 0, 62, 20, -90, 90, 16) + [(-118, 20)])
    tailfin = [(-120, -16), (-150, -74), (-122, -74), (-82, -16)]
    stab = [(-128, 2), (-160, 12), (-146, 18), (-108, 12)]
    wing_far = [(-10, -8), (30, -8), (-30, -40), (-48, -40)]
    wing = [(-30, 6), (20, 6), (-40, 58), (-66, 58)]
    c.poly(T(wing_far), LGREY, INK, width)
    c.poly(T(tailfin), tail, INK, width)
    c.poly(T(fus), body, INK, width)
    c.poly(T(stab), tail, INK, width)
    c.poly(T(rrect_pts(-80, 4, 200, 8, 4)), tail, None, 0)
    for i in range(8):
        c.poly(T(rrect_pts(-84 + i * 22, -10, 12, 11, 5)), (70, 110, 160), None, 0)
    c.poly(T([(96, -14), (118, -14), (126, -4), (104, -4)]), (70, 110, 160), None, 0)
    c.poly(T(wing), LGREY, INK, width)
    c.poly(T(rrect_pts(-34, 24, 46, 22, 10)), GREY, INK, width)


def coin(c, cx, cy, r=26, ang=0):
    c.circle((cx, cy), r, YELLOW, INK, OW)
    c.circle((cx, cy), r * 0.62, None, GOLD, max(3, r * 0.14))


def coin_stack(c, cx, bottom, n, rx=34, ry=12, th=12):
    for i in range(n):
        cy = bottom - i * th
        c.poly(arc_pts(cx, cy, rx, ry, 0, 180, 20) + [(cx - rx, cy - th)] +
               arc_pts(cx, cy - th, rx, ry, 180, 0, 20)[1:-1] + [(cx + rx, cy - th)], GOLD, INK, 4)
    top = bottom - n * th
    c.ellipse((cx, top), rx, ry, YELLOW, INK, 4)
    c.ellipse((cx, top), rx * 0.6, ry * 0.55, None, GOLD, 3)


def banknote(c, cx, cy, w, h, ang, col, dark):
    """A banknote with no numbers: frame, a flower medallion, corner rosettes, guilloche waves."""
    def R(pts):
        return rot(pts, ang, (cx, cy))
    c.poly(R(rrect_pts(cx - w / 2, cy - h / 2, w, h, 6)), col, INK)
    c.poly(R(rrect_pts(cx - w / 2 + 10, cy - h / 2 + 10, w - 20, h - 20, 4)), None, dark, 3)
    light = mix(col, WHITE, 0.45)
    mx, my = cx + w * 0.2, cy
    c.poly(R(arc_pts(mx, my, h * 0.32, h * 0.32, 0, 360, 30)[:-1]), light, dark, 3)
    c.poly(R(star_pts(mx, my, h * 0.24, h * 0.1, 8)), mix(col, dark, 0.3), None, 0)
    c.poly(R(arc_pts(mx, my, h * 0.08, h * 0.08, 0, 360, 12)[:-1]), light, None, 0)
    for sx, sy in ((-1, -1), (-1, 1)):
        c.poly(R(arc_pts(cx + sx * w * 0.36, cy + sy * h * 0.24, 11, 11, 0, 360, 16)[:-1]), light, dark, 3)
    wave = [(cx - w * 0.22 + i * 6, cy + 8 * math.sin(i / 2.0)) for i in range(14)]
    c.stroke(R(wave), 4, dark)
    wave = [(cx - w * 0.22 + i * 6, cy + 8 * math.sin(i / 2.0 + 2)) for i in range(14)]
    c.stroke(R(wave), 3, mix(col, dark, 0.5))


def padlock(c, cx, cy, s=1.0, body=GOLD):
    c.stroke(arc_pts(cx, cy, 24 * s, 30 * s, 180, 360, 14), 12 * s + 2 * OW, INK)
    c.stroke(arc_pts(cx, cy, 24 * s, 30 * s, 180, 360, 14), 12 * s, GREY)
    c.line((cx - 24 * s, cy), (cx - 24 * s, cy + 6 * s), 12 * s + 2 * OW, INK)
    c.line((cx + 24 * s, cy), (cx + 24 * s, cy + 6 * s), 12 * s + 2 * OW, INK)
    c.line((cx - 24 * s, cy - 2), (cx - 24 * s, cy + 6 * s), 12 * s, GREY)
    c.line((cx + 24 * s, cy - 2), (cx + 24 * s, cy + 6 * s), 12 * s, GREY)
    c.rrect(cx - 38 * s, cy, 76 * s, 62 * s, 10 * s, body, INK)
    c.circle((cx, cy + 24 * s), 8 * s, INK, None, 0)
    c.line((cx, cy + 26 * s), (cx, cy + 44 * s), 8 * s, INK)


def chain(c, pts, link=34, th=10, col=GREY):
    """Links along a polyline, alternating face-on and edge-on."""
    seq = []
    for a, b in zip(pts, pts[1:]):
        d = math.hypot(b[0] - a[0], b[1] - a[1])
        n = max(1, int(d / (link * 0.82)))
        ang = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        for i in range(n):
            seq.append((lerp(a, b, (i + 0.5) / n), ang))
    for i, (p, ang) in enumerate(seq):
        if i % 2 == 1:
            bar = move(rot(rrect_pts(-link * 0.55, -th * 0.5, link * 1.1, th, th / 2), ang), *p)
            c.poly(bar, DGREY, INK, 4)
    for i, (p, ang) in enumerate(seq):
        if i % 2 == 0:
            ring = move(rot(arc_pts(0, 0, link * 0.55, link * 0.33, 0, 360, 40)[:-1], ang), *p)
            c.stroke(ring + ring[:1], th + 8, INK)
            c.stroke(ring + ring[:1], th, col)


def flag_id(c, x, top, w=80, h=52, pole=140):
    """A flagpole with the Indonesian flag: plain red over white."""
    c.tube([(x, top + pole), (x, top - 8)], 6, LGREY, 4)
    c.circle((x, top - 12), 6, GOLD, INK, 3)
    c.rect(x + 3, top, w, h / 2, RED)
    c.rect(x + 3, top + h / 2, w, h / 2, WHITE)
    c.rrect(x + 3, top, w, h, 0, None, INK, 4)


def house_shape(c, x0, x1, wall_top, floor, roof_top, wall=CREAM, roof=TERRA, door=WOOD, window=True,
                over=22):
    cx = (x0 + x1) / 2
    c.rrect(x0, wall_top - 4, x1 - x0, floor - wall_top + 4, 4, wall, INK)
    c.poly([(x0 - over, wall_top + 6), (x0 + 20, roof_top), (x1 - 20, roof_top), (x1 + over, wall_top + 6)],
           roof, INK)
    dw = (x1 - x0) * 0.2
    c.rrect(cx - dw / 2, floor - (floor - wall_top) * 0.7, dw, (floor - wall_top) * 0.7 + 2, 4, door, INK)
    c.circle((cx + dw * 0.28, floor - (floor - wall_top) * 0.35), 3, INK, None, 0)
    if window:
        ww = (x1 - x0) * 0.18
        wy = wall_top + (floor - wall_top) * 0.22
        wh = (floor - wall_top) * 0.34
        for wx in (x0 + (x1 - x0) * 0.1, x1 - (x1 - x0) * 0.1 - ww):
            c.rrect(wx, wy, ww, wh, 3, GLASS, INK)
            c.line((wx + ww / 2, wy), (wx + ww / 2, wy + wh), 4)
    return cx


def held_phone(c, x, y, w, h, skin=SKIN, sleeve=BLUE, screen=WHITE):
    """A smartphone held up in a hand from below; returns the screen rect."""
    c.poly([(x + w * 0.1, H + 10), (x + w * 0.22, y + h + 10), (x + w * 0.86, y + h + 10),
            (x + w * 0.98, H + 10)], sleeve, INK)
    c.rrect(x - 6, y + h * 0.62, w + 12, h * 0.46, 40, skin, INK)
    c.rrect(x, y, w, h, 26, (52, 56, 66), INK, 6)
    c.rrect(x + 12, y + 30, w - 24, h - 58, 8, screen, INK, 3)
    c.rrect(x + w / 2 - 18, y + 12, 36, 8, 4, (90, 96, 108), None, 0)
    c.circle((x + w / 2, y + h - 15), 7, (90, 96, 108), None, 0)
    for i in range(4):      # fingers round the left edge
        fy = y + h * 0.58 + i * 26
        c.tube([(x - 10, fy), (x + 10, fy - 2)], 20, skin, 4)
    c.tube([(x + w + 8, y + h * 0.9), (x + w - 4, y + h * 0.66)], 24, skin, 4)     # thumb on the right edge
    return (x + 12, y + 30, w - 24, h - 58)


def seg_clip(poly, a, b):
    """The part of segment a-b inside the convex polygon `poly` (or None)."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = len(poly)
    area = sum(poly[i][0] * poly[(i + 1) % n][1] - poly[(i + 1) % n][0] * poly[i][1] for i in range(n))
    sgn = 1 if area > 0 else -1
    for i in range(n):
        p, q = poly[i], poly[(i + 1) % n]
        ex, ey = q[0] - p[0], q[1] - p[1]
        # inside when cross(e, x - p) * sgn >= 0
        num = sgn * (ex * (a[1] - p[1]) - ey * (a[0] - p[0]))
        den = sgn * (ex * dy - ey * dx)
        if abs(den) < 1e-9:
            if num < 0:
                return None
            continue
        t = -num / den
        if den > 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return (a[0] + dx * t0, a[1] + dy * t0), (a[0] + dx * t1, a[1] + dy * t1)


def net(c, poly, fill=(92, 128, 116), mesh=(196, 220, 200), step=16):
    """A fishing net: a convex shape filled with a diamond mesh."""
    c.poly(poly, fill, None, 0)
    xs = [p[0] for p in poly]
    ys = [p[1] for p in poly]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    span = (x1 - x0) + (y1 - y0)
    k = -span
    while k < span:
        for a, b in (((x0 + k, y0), (x0 + k + span, y0 + span)), ((x1 - k, y0), (x1 - k - span, y0 + span))):
            seg = seg_clip(poly, a, b)
            if seg:
                c.line(seg[0], seg[1], 2.5, mesh)
        k += step
    c.poly(poly, None, INK, 4)


def plus_pts(cx, cy, a):
    """A plus sign with arms `a` wide, 3a across."""
    h = a / 2
    return [(cx - h, cy - 3 * h), (cx + h, cy - 3 * h), (cx + h, cy - h), (cx + 3 * h, cy - h),
            (cx + 3 * h, cy + h), (cx + h, cy + h), (cx + h, cy + 3 * h), (cx - h, cy + 3 * h),
            (cx - h, cy + h), (cx - 3 * h, cy + h), (cx - 3 * h, cy - h), (cx - h, cy - h)]


def phone_handset(c, cx, cy, f, col=WHITE):
    """The classic handset symbol, turned like the phone emoji."""
    arcp = arc_pts(0, 0, 58, 58, 120, 240, 24)

    def t(p):
        return move(rot(scale(p, f), -40), cx, cy)
    for colr, extra in ((INK, 7), (col, 0)):
        c.stroke(t(arcp), (30 + extra) * f, colr)
        for ang in (120, 240):
            a = math.radians(ang)
            pad = move(rrect_pts(-4 - extra / 2, -21 - extra / 2, 40 + extra, 42 + extra, 16),
                       58 * math.cos(a), 58 * math.sin(a))
            c.poly(t(pad), colr, None, 0)


def palm_up_hand(c, x, y, s=1.0, skin=SKIN, sleeve=BLUE):
    """A hand seen from the side, palm up and cupped, offering: wrist at (x, y)."""
    def T(pts):
        return move(scale(pts, s), x, y)
    c.poly(T(rrect_pts(-66, -26, 56, 60, 10)), sleeve, INK)
    c.poly(T(rrect_pts(-18, -22, 24, 52, 6)), mix(sleeve, WHITE, 0.35), INK)
    hand = ([(0, -20)] + bezier((0, -20), (30, -14), (70, -8), (108, -10), 10)[1:]
            + bezier((108, -10), (124, -12), (134, -26), (138, -38), 6)[1:]
            + arc_pts(148, -36, 10, 10, 190, 370, 8)[1:]
            + bezier((158, -34), (160, 0), (136, 32), (96, 36), 10)[1:]
            + bezier((96, 36), (60, 38), (30, 32), (0, 28), 8)[1:])
    c.poly(T(hand), skin, INK)
    for k in (1, 2):    # finger lines
        c.stroke(T(bezier((104, -8 + k * 11), (122, -6 + k * 11), (136, -14 + k * 9), (146 - k * 3, -28 + k * 9), 6)),
                 3.5, mix(skin, INK, 0.35))
    # the thumb lies along the top of the palm
    thumb = [(26, -18), (56, -30), (80, -26)]
    c.stroke(T(thumb), 24 * s + 2 * OW, INK)
    c.stroke(T(thumb), 24 * s, skin)
    c.poly(T(rrect_pts(8, -24, 36, 16, 6)), skin, None, 0)


# ---------------------------------------------------------------- scenes
def scene_agent(c):
    sky(c)
    cloud(c, 470, 70, 0.9)
    hills(c, 250, HILL, ((60, 50), (300, 30), (560, 60)))
    ground(c, 290, GRASS)
    house_shape(c, 400, 560, 170, 292, 118, wall=WALL2, roof=TERRA)
    # the recruiter: crisp shirt and tie, briefcase, hand out
    hands = person(c, 170, 370, 250, shirt=WHITE, pants=NAVY, skin=SKIN, look=0.6,
                   left=((-0.02, 0.16), (-0.05, 0.3)), right=((0.12, 0.12), (0.26, 0.04)))
    c.poly([(164, 178), (176, 178), (181, 232), (170, 246), (159, 232)], RED, INK, 3)
    c.poly([(150, 176), (168, 178), (158, 194)], WHITE, INK, 3)
    c.poly([(190, 176), (172, 178), (182, 194)], WHITE, INK, 3)
    c.rrect(163, 176, 14, 12, 3, RED, INK, 3)
    briefcase(c, hands[0][0] - 2, hands[0][1] - 4, 74, 54)
    # the villager listens
    person(c, 330, 372, 230, shirt=GREEN, pants=BROWN, skin=SKIN2, hair="short", look=-0.6,
           left=((-0.1, 0.14), (0.02, 0.06)))
    # the promise in a bubble: a plane abroad and money
    bubble(c, 36, 22, 230, 108, (160, 150))
    plane_side(c, 104, 66, 0.38, -12)
    coin_stack(c, 210, 108, 3, 26, 9, 10)
    coin(c, 232, 58, 18)


def scene_passport(c):
    sky(c, (220, 232, 214))
    c.circle((300, 200), 168, (200, 222, 190), None, 0)
    # the hand holding the booklet up from below
    c.poly([(318, 420), (336, 344), (444, 344), (452, 420)], BLUE, INK)            # sleeve
    c.rrect(322, 236, 128, 126, 46, SKIN, INK)                                      # palm behind
    ang = -8
    cx, cy = 300, 195
    c.poly(rot(rrect_pts(205, 56, 190, 276, 16), ang, (cx, cy)), DKGREEN, INK, 6)
    c.poly(rot(rrect_pts(209, 60, 18, 268, 0), ang, (cx, cy)), (24, 82, 58), None, 0)
    gx, gy = rot([(310, 170)], ang, (cx, cy))[0]
    rr = 52
    c.circle((gx, gy), rr, None, GOLD, 7)
    c.poly(rot(arc_pts(gx, gy, rr * 0.45, rr, 0, 360, 40)[:-1], ang, (gx, gy)), None, GOLD, 6)
    for a, b in (((-rr, 0), (rr, 0)), ((0, -rr), (0, rr))):
        p, q = rot([(gx + a[0], gy + a[1]), (gx + b[0], gy + b[1])], ang, (gx, gy))
        c.line(p, q, 6, GOLD)
    a, b = rot([(266, 96), (354, 96)], ang, (cx, cy))
    c.line(a, b, 9, GOLD)
    c.poly(rot(rrect_pts(284, 256, 52, 32, 5), ang, (cx, cy)), None, GOLD, 6)
    # fingers round the right edge, thumb across the front
    for i in range(4):
        fy = 238 + i * 25
        p = rot([(384, fy)], ang, (cx, cy))[0]
        c.tube([(p[0] - 6, p[1]), (p[0] + 22, p[1] + 2)], 21, SKIN, 4)
    c.tube([(370, 330), (322, 300)], 28, SKIN, 5)
    c.stroke(rrect_pts(316, 289, 14, 12, 5), 3, mix(SKIN, INK, 0.3), closed=True)


def scene_contract(c):
    room(c, 120, (236, 224, 204), WOOD)
    c.rect(0, 120, W, 280, (206, 146, 92))
    c.line((-10, 120), (W + 10, 120), OW)
    for y in (190, 270, 350):
        c.line((-10, y), (W + 10, y + 8), 3, (180, 122, 74))
    ang = -4
    x, y, w, h = 150, 30, 260, 340
    cx, cy = x + w / 2, y + h / 2
    pts = [(x, y), (x + w - 46, y), (x + w, y + 46), (x + w, y + h), (x, y + h)]
    c.poly(rot(pts, ang, (cx, cy)), PAPER, INK, 6)
    c.poly(rot([(x + w - 46, y), (x + w - 46, y + 46), (x + w, y + 46)], ang, (cx, cy)), LINE, INK, 4)
    a, b = rot([(x + 40, y + 52), (x + 150, y + 52)], ang, (cx, cy))
    c.line(a, b, 14, INK)
    for i in range(6):
        ww = 180 if i % 3 != 2 else 120
        a, b = rot([(x + 40, y + 96 + i * 30), (x + 40 + ww, y + 96 + i * 30)], ang, (cx, cy))
        c.line(a, b, 9, LINE)
    # signature line with a signature on it
    a, b = rot([(x + 40, y + 306), (x + 200, y + 306)], ang, (cx, cy))
    c.line(a, b, 5, INK)
    sig = [(x + 50 + i * 4, y + 290 - 18 * math.sin(i / 2.6) * (1 - i / 44)) for i in range(34)]
    c.stroke(rot(sig, ang, (cx, cy)), 6, BLUE)
    # the pen, at the end of the signature
    pen_tip = rot([(x + 186, y + 292)], ang, (cx, cy))[0]
    body = rot(rrect_pts(0, -14, 170, 28, 10), -40)
    c.poly(move(body, pen_tip[0] + 24, pen_tip[1] - 20), NAVY, INK, 5)
    clipb = rot(rrect_pts(110, -20, 50, 10, 4), -40)
    c.poly(move(clipb, pen_tip[0] + 24, pen_tip[1] - 20), GOLD, INK, 4)
    tip = rot([(0, -14), (-26, 0), (0, 14)], -40)
    c.poly(move(tip, pen_tip[0] + 24, pen_tip[1] - 20), CREAM, INK, 5)


def scene_money(c):
    sky(c, (226, 238, 214))
    c.rect(0, 270, W, 130, (206, 146, 92))
    c.line((-10, 270), (W + 10, 270), OW)
    # three notes fanned out like cards
    for ang, col, dark in ((-24, (120, 176, 226), NAVY), (-6, (120, 196, 150), DKGREEN),
                           (12, (236, 120, 130), (150, 40, 60))):
        cx, cy = rot([(300, 176)], ang, (300, 330))[0]
        banknote(c, cx, cy, 290, 136, ang, col, dark)
    # a thick bundle with a paper band, and coins
    bx, by, bw = 40, 300, 230
    for i in range(5):
        c.rrect(bx + i * 2, by + 40 - i * 8, bw, 52, 6, (236, 120, 130) if i % 2 else (214, 98, 112), INK, 3)
    c.rrect(bx, by - 14, bw, 54, 6, (236, 120, 130), INK)
    c.circle((bx + 180, by + 12), 16, (248, 176, 184), (150, 40, 60), 3)
    c.rrect(bx + 70, by - 18, 50, 100, 4, (250, 240, 210), INK)
    coin_stack(c, 500, 364, 5, 46, 16, 15)
    coin(c, 410, 364, 26)
    coin(c, 565, 378, 20)


def scene_debt_note(c):
    sky(c, (238, 226, 218))
    c.rect(0, 300, W, 100, (206, 146, 92))
    c.line((-10, 300), (W + 10, 300), OW)
    x, y, w, h = 170, 24, 240, 330
    c.poly([(x, y), (x + w - 44, y), (x + w, y + 44), (x + w, y + h), (x, y + h)], PAPER, INK, 6)
    c.poly([(x + w - 44, y), (x + w - 44, y + 44), (x + w, y + 44)], LINE, INK, 4)
    c.line((x + 34, y + 50), (x + 130, y + 50), 14, INK)
    for i in range(4):
        c.line((x + 34, y + 96 + i * 30), (x + 34 + (170 if i < 3 else 100), y + 96 + i * 30), 9, LINE)
    # a number-free "amount" box with a coin, then a chain across the paper
    c.rrect(x + 120, y + 226, 90, 70, 10, (250, 232, 200), TERRA, 5)
    coin(c, x + 165, y + 261, 22)
    chain(c, [(120, 330), (300, 230), (470, 120)], 46, 12)
    padlock(c, 476, 140, 1.3)
    coin_stack(c, 95, 375, 4, 40, 14, 14)
    coin(c, 540, 370, 24)


def scene_phone(c):
    sky(c, (222, 230, 246))
    sx, sy, sw, _sh = held_phone(c, 96, 36, 176, 324, SKIN2, ORANGE)
    # on screen: an ad picture (a plane abroad, money) and chat bubbles
    c.rrect(sx + 8, sy + 10, sw - 16, 112, 8, SKY, INK, 4)
    c.poly([(sx + 10, sy + 100), (sx + 50, sy + 76), (sx + 90, sy + 96), (sx + 130, sy + 70),
            (sx + sw - 10, sy + 96), (sx + sw - 10, sy + 118), (sx + 10, sy + 118)], GREEN, None, 0)
    plane_side(c, sx + sw / 2 + 6, sy + 44, 0.34, -12, width=3)
    coin_stack(c, sx + 30, sy + 116, 2, 16, 6, 8)
    c.rrect(sx + 8, sy + 10, sw - 16, 112, 8, None, INK, 4)
    c.rrect(sx + 8, sy + 134, 104, 34, 12, (200, 236, 196), INK, 3)
    c.line((sx + 22, sy + 151), (sx + 92, sy + 151), 6, (100, 160, 100))
    c.rrect(sx + 36, sy + 178, 104, 34, 12, LGREY, INK, 3)
    c.line((sx + 50, sy + 195), (sx + 120, sy + 195), 6, DGREY)
    c.circle((272, 42), 16, RED, INK, 4)         # a new message
    # a big bubble: the job offer, a smiling worker, a plane abroad, money
    bubble(c, 314, 36, 262, 210, (286, 150))
    c.rrect(332, 54, 226, 124, 10, SKY, INK, 4)
    c.clip((332, 54, 226, 124))
    cloud(c, 520, 80, 0.5)
    c.rect(332, 150, 226, 30, GREEN)
    c.line((332, 150), (558, 150), 4)
    bust(c, 380, 120, 22, shirt=TEAL, skin=SKIN2, hair="hijab", hair_col=PINK)
    c.clip(None)
    plane_side(c, 486, 98, 0.42, -14, width=4)
    c.rrect(332, 54, 226, 124, 10, None, INK, 4)
    c.poly([(340, 196), (362, 218), (396, 184)], None, None, 0)
    c.stroke([(344, 206), (360, 222), (390, 190)], 9, GREEN)
    coin_stack(c, 450, 226, 2, 22, 8, 9)
    coin_stack(c, 506, 226, 4, 22, 8, 9)


def scene_computer(c):
    room(c, 250, (214, 222, 236), (150, 160, 182))
    # window with night city: online work runs day and night
    c.rrect(40, 36, 150, 120, 6, NIGHT, INK)
    for bx, bh in ((50, 40), (80, 60), (118, 34), (146, 52)):
        c.rect(bx, 156 - bh, 26, bh, (70, 86, 130))
        c.rect(bx + 8, 156 - bh + 10, 8, 8, WARM)
    c.circle((160, 64), 12, CREAM, None, 0)
    c.rrect(40, 36, 150, 120, 6, None, INK)
    c.line((115, 36), (115, 156), 5)
    # desk
    c.rrect(-10, 268, 620, 26, 4, WOOD, INK)
    c.rect(20, 294, 30, 110, WOOD2)
    c.rect(550, 294, 30, 110, WOOD2)
    c.line((20, 294), (20, 400), 5)
    c.line((50, 294), (50, 400), 5)
    c.line((550, 294), (550, 400), 5)
    c.line((580, 294), (580, 400), 5)
    # laptop facing us
    c.rrect(200, 100, 240, 160, 12, (70, 76, 90), INK, 6)
    c.rrect(214, 114, 212, 132, 6, (220, 236, 250), INK, 3)
    c.rrect(224, 124, 90, 30, 10, (200, 236, 196), INK, 3)
    c.rrect(300, 162, 116, 30, 10, LGREY, INK, 3)
    c.rrect(224, 200, 110, 30, 10, (200, 236, 196), INK, 3)
    c.circle((394, 140), 12, GOLD, INK, 3)
    c.poly([(180, 258), (460, 258), (480, 276), (160, 276)], LGREY, INK, 5)
    # the headset, ready on the desk
    c.stroke(arc_pts(520, 232, 44, 44, 190, 350, 20), 12 + 2 * OW, INK)
    c.stroke(arc_pts(520, 232, 44, 44, 190, 350, 20), 12, DGREY)
    c.rrect(466, 222, 28, 42, 12, ORANGE, INK)
    c.rrect(546, 222, 28, 42, 12, ORANGE, INK)
    c.stroke([(480, 260), (486, 272), (520, 268)], 6 + 2 * 4, INK)
    c.stroke([(480, 260), (486, 272), (520, 268)], 6, DGREY)
    c.circle((524, 267), 8, ORANGE, INK, 4)
    # a mug
    c.rrect(100, 214, 44, 56, 6, TERRA, INK)
    c.stroke(arc_pts(146, 240, 14, 14, -80, 80, 10), 6 + 2 * 4, INK)
    c.stroke(arc_pts(146, 240, 14, 14, -80, 80, 10), 6, TERRA)


def wheel(c, x, y, r):
    c.circle((x, y), r, (60, 60, 68), INK, OW)
    c.circle((x, y), r * 0.5, LGREY, INK, 4)


def scene_bus(c):
    sky(c)
    cloud(c, 110, 70, 0.9)
    cloud(c, 470, 50, 0.7)
    hills(c, 250, HILL, ((80, 40), (330, 60), (560, 40)))
    ground(c, 270, GRASS)
    c.rect(0, 300, W, 100, (150, 150, 158))
    c.line((-10, 300), (W + 10, 300), OW)
    for i in range(5):
        c.rrect(20 + i * 130, 360, 70, 10, 4, WHITE, None, 0)
    x0, x1, top, bot = 40, 560, 110, 320
    c.rrect(x0, top, x1 - x0, bot - top, 30, ORANGE, INK, 6, rb=12)
    c.rect(x0 + 3, 250, x1 - x0 - 6, 20, TERRA)
    c.line((x0, 250), (x1, 250), 4)
    c.line((x0, 270), (x1, 270), 4)
    # windows with passengers
    for i in range(6):
        wx = 70 + i * 72
        c.rrect(wx, 134, 58, 74, 8, GLASS, INK, 5)
        c.clip((wx, 134, 58, 74))
        skins = (SKIN, SKIN2, SKIN3)
        seated(c, wx + 29, 210, 100, shirt=(BLUE, GREEN, PURPLE, TEAL, RED, NAVY)[i], skin=skins[i % 3],
               hair=("short", "hijab", "short", "long", "hijab", "short")[i],
               hair_col=(HAIR, PINK, HAIR, HAIR, TEAL, HAIR)[i], left=((0, 0), (0, 0.2)), right=((0, 0), (0, 0.2)))
        c.clip(None)
        c.rrect(wx, 134, 58, 74, 8, None, INK, 5)
    # front door and windscreen
    c.rrect(502, 130, 48, 150, 6, GLASS, INK, 5)
    c.line((526, 130), (526, 280), 4)
    c.rrect(530, 284, 26, 16, 4, YELLOW, INK, 4)
    c.rrect(40, 284, 22, 16, 4, RED, INK, 4)
    wheel(c, 150, 320, 36)
    wheel(c, 450, 320, 36)


def scene_plane(c):
    sky(c)
    cloud(c, 120, 110, 1.2)
    cloud(c, 480, 320, 1.0)
    cloud(c, 520, 70, 0.7)
    ground(c, 350, GRASS)
    c.rect(0, 360, W, 40, (150, 150, 158))
    c.line((-10, 360), (W + 10, 360), 4)
    for i in range(6):
        c.rrect(10 + i * 110, 376, 60, 8, 4, WHITE, None, 0)
    plane_side(c, 310, 200, 1.55, -14)


def scene_airport(c):
    room(c, 300, WALL, (200, 196, 190))
    # big windows with a plane outside
    c.rrect(230, 36, 350, 220, 6, SKY, INK)
    c.clip((230, 36, 350, 220))
    c.rect(230, 196, 350, 60, (150, 150, 158))
    c.line((230, 196), (580, 196), 4)
    cloud(c, 530, 76, 0.6)
    plane_side(c, 410, 156, 0.95, 0)
    c.clip(None)
    for x in (346, 464):
        c.line((x, 36), (x, 256), 6)
    c.rrect(230, 36, 350, 220, 6, None, INK)
    c.rect(210, 256, 390, 14, LGREY)
    c.line((210, 256), (600, 256), 4)
    c.line((210, 270), (600, 270), 4)
    # departures board: a plane sign and rows of coloured symbols
    c.line((110, 0), (110, 24), 5)
    c.rrect(24, 22, 176, 150, 8, (40, 46, 60), INK, 6)
    c.rrect(34, 32, 156, 30, 4, YELLOW, INK, 3)
    plane_side(c, 112, 47, 0.2, -16, width=2)
    for i, (a, b) in enumerate(((RED, GREEN), (BLUE, GREEN), (TERRA, YELLOW), (PURPLE, GREEN))):
        yy = 74 + i * 24
        c.rrect(38, yy, 26, 15, 3, a, None, 0)
        c.rrect(72, yy + 4, 64, 7, 3, (200, 210, 220), None, 0)
        c.circle((164, yy + 7), 8, b, None, 0)
    # a traveller pulling a suitcase
    hands = person(c, 110, 384, 190, shirt=TEAL, pants=NAVY, skin=SKIN2, hair="hijab", hair_col=PURPLE,
                   right=(180, 282), look=0.4, dress=True)
    hx, hy = hands[1]
    c.tube([(hx + 2, hy - 4), (hx + 12, hy + 28)], 6, GREY, 4)
    c.rrect(hx - 12, hy + 24, 66, 74, 10, RED, INK)
    c.line((hx + 6, hy + 34), (hx + 6, hy + 88), 4, (170, 40, 40))
    c.line((hx + 36, hy + 34), (hx + 36, hy + 88), 4, (170, 40, 40))
    c.circle((hx + 2, hy + 102), 7, INK, None, 0)
    c.circle((hx + 40, hy + 102), 7, INK, None, 0)
    c.circle(hands[1], 190 * 0.075 * 0.62, SKIN2, INK, 4)


def scene_boat(c):
    sky(c, NIGHT)
    for (x, y, r) in ((60, 50, 3), (150, 90, 2.5), (240, 40, 3), (330, 110, 2), (420, 60, 2.5), (520, 140, 2),
                      (90, 150, 2), (370, 30, 2), (560, 40, 3)):
        c.dot((x, y), r, (250, 240, 200))
    c.circle((480, 90), 40, (252, 238, 180), INK, 4)
    c.circle((500, 80), 36, NIGHT, None, 0)
    c.rect(0, 250, W, 150, (38, 84, 120))
    c.line((-10, 250), (W + 10, 250), 4)
    # the crowded boat: many heads above a low wooden hull
    cols = (RED, ORANGE, TEAL, YELLOW, BLUE, GREEN, PINK, PURPLE, ORANGE, TEAL)
    skins = (SKIN, SKIN2, SKIN3)
    for row, (y, h) in enumerate(((262, 120), (276, 126))):
        for i in range(9 if row == 0 else 8):
            x = 126 + i * 42 + (21 if row else 0)
            hair = "hijab" if (i + row) % 3 == 1 else "short"
            seated(c, x, y, h, shirt=cols[(i + row * 3) % len(cols)], skin=skins[(i + row) % 3], hair=hair,
                   hair_col=cols[(i + 5) % len(cols)] if hair == "hijab" else HAIR, face=True,
                   left=((0, 0.1), (0.05, 0.2)), right=((0, 0.1), (0.05, 0.2)), smile=False)
    hull = [(70, 262), (540, 262), (500, 330), (110, 330)]
    c.poly(hull, WOOD, INK, 6)
    for y in (284, 306):
        c.line((86 + (y - 262) * 0.4, y), (524 - (y - 262) * 0.4, y), 4, WOOD2)
    c.poly([(540, 262), (570, 236), (560, 262)], WOOD, INK, 5)
    # waves
    for row, y in enumerate((340, 370, 395)):
        pts = []
        for i in range(0, 64):
            x = i * 10 - 20
            pts.append((x, y + 7 * math.sin(x / 22 + row)))
        c.stroke(pts, 5, (110, 170, 210))


def scene_fishing_boat(c):
    sky(c)
    cloud(c, 70, 56, 0.7)
    cloud(c, 540, 70, 0.6)
    c.rect(0, 262, W, 138, SEA)
    c.line((-10, 262), (W + 10, 262), 4)
    # gantry at the stern with the net hanging into the sea
    c.tube([(110, 236), (70, 70)], 10, (240, 150, 60), 4)
    c.tube([(150, 236), (110, 70)], 10, (240, 150, 60), 4)
    c.tube([(60, 74), (120, 74)], 10, (240, 150, 60), 4)
    c.line((64, 80), (40, 150), 4)
    net(c, [(16, 150), (70, 150), (86, 300), (50, 340), (6, 310)])
    for bx, by in ((30, 150), (56, 150)):
        c.circle((bx, by), 9, ORANGE, INK, 3)
    # masts with lights
    c.tube([(360, 160), (360, 30)], 8, LGREY, 4)
    c.tube([(330, 60), (390, 60)], 6, LGREY, 4)
    c.tube([(520, 214), (520, 90)], 7, LGREY, 4)
    c.line((360, 34), (520, 94), 3)
    c.line((360, 34), (160, 200), 3)
    c.circle((360, 28), 7, YELLOW, INK, 3)
    # hull: a long steel vessel with a high bow
    hull = [(60, 222), (500, 222), (586, 176), (560, 300), (96, 300)]
    c.poly(hull, (196, 62, 50), INK, 6)
    c.rect(86, 278, 478, 20, NAVY)
    c.poly(hull, None, INK, 6)
    c.line((70, 244), (568, 244), 5, WHITE)
    for i in range(6):
        c.circle((140 + i * 60, 262), 6, (140, 40, 36), None, 0)
    # wheelhouse
    c.rrect(300, 130, 170, 94, 6, WHITE, INK)
    c.rrect(316, 148, 138, 34, 4, GLASS, INK, 4)
    c.line((362, 148), (362, 182), 4)
    c.line((408, 148), (408, 182), 4)
    c.rrect(318, 102, 110, 30, 4, WHITE, INK)
    # a pile of net and floats on deck, crew in helmets
    net(c, [(150, 222), (170, 196), (240, 190), (270, 222)], step=12)
    for bx in (180, 212, 244):
        c.circle((bx, 206), 8, ORANGE, INK, 3)
    person(c, 284, 226, 80, shirt=ORANGE, pants=NAVY, skin=SKIN2, hair="helmet", look=-0.3)
    person(c, 496, 226, 74, shirt=ORANGE, pants=NAVY, skin=SKIN3, hair="helmet", look=-0.3)
    # waves
    for row, y in enumerate((320, 352, 384)):
        pts = [(i * 10 - 20, y + 6 * math.sin((i * 10) / 24 + row * 1.7)) for i in range(64)]
        c.stroke(pts, 5, (170, 214, 236))


def scene_house(c):
    sky(c)
    sun(c, 520, 70)
    cloud(c, 400, 40, 0.7)
    hills(c, 260, HILL, ((80, 40), (330, 50), (560, 40)))
    ground(c, 300, GRASS)
    # stilts and the house
    for x in (180, 260, 340, 420):
        c.rrect(x - 7, 270, 14, 50, 2, WOOD2, INK, 4)
    house_shape(c, 160, 440, 150, 280, 60, wall=(232, 184, 120), roof=TERRA, door=WOOD2)
    for i in range(5):
        c.line((164, 176 + i * 22), (436, 176 + i * 22), 2, (200, 150, 92))
    house_shape(c, 160, 440, 150, 280, 60, wall=None, roof=TERRA, door=WOOD2)
    c.rrect(270, 280, 60, 12, 2, WOOD, INK, 4)
    c.rrect(282, 292, 36, 12, 2, WOOD, INK, 4)
    round_tree(c, 530, 320, 1.1)
    coconut_palm(c, 70, 320, 1.2, 16)
    # a little fence
    for x in range(440, 600, 24):
        c.rrect(x, 300, 10, 36, 3, CREAM, INK, 3)
    c.line((440, 314), (600, 314), 3)


def scene_family(c):
    sky(c)
    sun(c, 540, 60, 30)
    cloud(c, 70, 60, 0.7)
    ground(c, 270, GRASS)
    house_shape(c, 110, 490, 110, 272, 30, wall=(232, 184, 120), roof=TERRA, door=WOOD2)
    c.poly(heart_pts(300, 74, 36), HEART, INK, 4)
    # the children hold hands; the parents' hands rest on their shoulders
    person(c, 250, 388, 160, shirt=YELLOW, pants=BROWN, skin=SKIN2, child=True, look=0.2,
           right=(296, 330))
    person(c, 340, 390, 140, shirt=GREEN, pants=PURPLE, skin=SKIN, hair="long", child=True, dress=True,
           look=-0.2, left=(296, 330))
    c.circle((296, 330), 140 * 0.075 * 0.62, SKIN, INK, 4)
    person(c, 160, 385, 250, shirt=BLUE, pants=NAVY, skin=SKIN2, look=0.3, right=(232, 290))
    person(c, 430, 385, 240, shirt=TERRA, pants=(120, 70, 110), skin=SKIN, hair="hijab",
           hair_col=PINK, dress=True, look=-0.3, left=(362, 302))


def scene_office(c):
    room(c, 250, (226, 232, 214), (190, 176, 150))
    # wall: a clock and the red-and-white flag
    c.circle((500, 76), 36, WHITE, INK)
    c.line((500, 76), (500, 54), 5)
    c.line((500, 76), (516, 84), 5)
    c.dot((500, 76), 5)
    flag_id(c, 70, 40, 86, 56, 186)
    c.rrect(50, 222, 40, 14, 4, DGREY, INK, 4)
    # the official in khaki, seated behind the desk, stamping a paper
    hands = person(c, 300, 372, 260, shirt=KHAKI, pants=KHAKI, skin=SKIN2, hair="short", look=-0.2,
                   left=(250, 262), right=(360, 212))
    neck = 372 - 260 + 2 * 260 * 0.13 - 260 * 0.015
    for sx in (-1, 1):
        c.rrect(300 + sx * 30 - 11, neck + 2, 22, 9, 3, (150, 120, 70), INK, 3)      # shoulder boards
    c.rrect(312, neck + 30, 22, 18, 3, (150, 120, 70), INK, 3)                        # pocket
    # desk
    c.rrect(40, 252, 520, 30, 4, WOOD, INK)
    c.rrect(60, 282, 480, 130, 0, WOOD2, INK)
    # papers, and the stamp in the official's hand
    c.poly([(180, 238), (290, 232), (294, 258), (184, 262)], PAPER, INK, 4)
    c.poly([(330, 240), (420, 238), (422, 262), (332, 264)], PAPER, INK, 4)
    c.circle((390, 251), 10, None, (60, 90, 200), 4)
    for i, col in enumerate(((90, 140, 200), (230, 190, 80), (120, 180, 120), (220, 120, 90))):
        c.rrect(446 + (i % 2) * 6, 232 - i * 18, 92, 18, 3, col, INK, 4)
    c.circle(hands[0], 260 * 0.075 * 0.62, SKIN2, INK, 4)
    hx, hy = hands[1]
    c.rrect(hx - 26, hy + 18, 52, 14, 3, DGREY, INK, 4)
    c.rrect(hx - 9, hy - 4, 18, 24, 4, RED, INK, 4)
    c.circle((hx, hy - 6), 14, RED, INK, 4)
    c.circle((hx + 6, hy + 2), 260 * 0.075 * 0.62, SKIN2, INK, 4)
    # a visitor, seen from behind
    person(c, 110, 470, 290, shirt=ORANGE, skin=SKIN, hair="short", back=True, arms=False)


def scene_training_centre(c):
    room(c, 260, (244, 230, 200), FLOOR)
    # the board with pictures on it
    c.rrect(120, 28, 330, 186, 8, (40, 92, 72), INK, 6)
    c.rrect(120, 28, 330, 186, 8, None, WOOD, 4)
    c.rrect(116, 24, 338, 194, 10, None, INK, 4)
    plane_side(c, 220, 84, 0.42, -10, width=3)
    c.poly(heart_pts(370, 82, 56), HEART, WHITE, 3)
    c.rrect(170, 134, 58, 66, 5, DKGREEN, WHITE, 3)
    c.circle((199, 160), 13, None, GOLD, 3)
    c.stroke([(340, 160), (362, 184), (404, 134)], 10, (170, 230, 140))
    c.stroke([(252, 166), (312, 166)], 7, WHITE)
    c.stroke([(296, 150), (314, 166), (296, 182)], 7, WHITE)
    # the teacher pointing at the board
    person(c, 530, 332, 224, shirt=PURPLE, pants=NAVY, skin=SKIN, hair="hijab", hair_col=TEAL, dress=True,
           look=-0.6, left=((0.16, 0.02), (0.36, -0.12)))
    # trainees from behind, on benches
    cols = (RED, BLUE, GREEN, ORANGE, TEAL, YELLOW)
    hairs = ("short", "hijab", "short", "hijab", "short", "hijab")
    skins = (SKIN2, SKIN, SKIN3, SKIN2, SKIN, SKIN3)
    for row, (y, h, n, x0, gap) in enumerate(((306, 150, 3, 120, 140), (384, 190, 3, 90, 170))):
        c.clip((0, 0, W, y))
        for i in range(n):
            k = row * 3 + i
            person(c, x0 + i * gap, y + h * 0.42, h, shirt=cols[k], skin=skins[k], hair=hairs[k],
                   hair_col=(PINK, LILAC, ORANGE)[k % 3] if hairs[k] == "hijab" else HAIR, back=True,
                   arms=False)
        c.clip(None)
        c.rrect(x0 - 70, y - 6, gap * (n - 1) + 140, 20, 4, WOOD, INK)


def scene_factory(c):
    sky(c)
    cloud(c, 520, 60, 0.8)
    ground(c, 300, (200, 200, 190))
    # chimney and smoke
    c.rrect(430, 60, 44, 200, 4, (176, 90, 70), INK)
    c.rect(432, 90, 40, 12, WHITE)
    c.line((430, 90), (474, 90), 4)
    c.line((430, 102), (474, 102), 4)
    c.blob([(460, 40, 22), (490, 24, 18), (520, 28, 22)], (230, 232, 236), 4)
    # building with a saw-tooth roof
    x0, x1, top = 40, 560, 170
    teeth = [(x0, 300), (x0, top)]
    for i in range(5):
        tx = x0 + i * 104
        teeth += [(tx, top), (tx + 104, top - 50), (tx + 104, top)]
    teeth += [(x1, 300)]
    c.poly(teeth, (206, 210, 220), INK, 6)
    for i in range(5):
        tx = x0 + i * 104
        c.poly([(tx + 104 - 30, top - 41), (tx + 104, top - 50), (tx + 104, top)], GLASS, INK, 4)
    for i in range(6):
        c.rrect(64 + i * 82, 190, 50, 40, 3, GLASS, INK, 4)
    c.rrect(240, 236, 120, 64, 2, (160, 166, 180), INK, 5)
    for y in (252, 268, 284):
        c.line((244, y), (356, y), 3, DGREY)
    # boxes ready to go out
    for bx, by in ((250, 330), (300, 330), (275, 290)):
        box(c, bx, by, 46, 40)
    # workers in uniform, one carrying a box
    for i, (x, sk, hr) in enumerate(((80, SKIN2, "helmet"), (170, SKIN, "hijab"), (430, SKIN3, "helmet"),
                                     (520, SKIN, "hijab"))):
        carry = i == 2
        hands = person(c, x, 388, 160, shirt=BLUE, pants=NAVY, skin=sk, hair=hr, hair_col=(236, 240, 250),
                       dress=hr == "hijab", look=0.4 if x < 300 else -0.4,
                       left=(x - 26, 310) if carry else None, right=(x + 26, 310) if carry else None)
        if carry:
            box(c, x, 296, 64, 48)
            for hand in hands:
                c.circle(hand, 160 * 0.075 * 0.62, sk, INK, 4)


def box(c, cx, top, w, h):
    """A cardboard box with tape, its top edge centred on (cx, top)."""
    c.rrect(cx - w / 2, top, w, h, 3, (214, 168, 108), INK, 4)
    c.rect(cx - 5, top + 2, 10, h - 4, (236, 208, 150))
    c.line((cx - 5, top + 2), (cx - 5, top + h - 2), 2, (170, 124, 74))
    c.line((cx + 5, top + 2), (cx + 5, top + h - 2), 2, (170, 124, 74))


def scene_plantation(c):
    sky(c)
    sun(c, 520, 56, 28)
    hills(c, 196, HILL2, ((100, 40), (350, 30), (560, 50)))
    ground(c, 206, (176, 200, 110))
    # rows of oil palms
    for x in (30, 130, 230, 330, 430, 530):
        oil_palm(c, x + 20, 232, 0.5)
    c.line((-10, 240), (W + 10, 240), 3, (150, 170, 90))
    for x in (-10, 170, 470, 640):
        oil_palm(c, x, 300, 0.85)
    oil_palm(c, 110, 392, 1.25)
    # the harvester with a long pole, and a heap of fruit bunches
    hands = person(c, 400, 388, 210, shirt=(200, 120, 60), pants=NAVY, skin=SKIN3, hair="hat",
                   long_sleeves=True, look=-0.3, right=(448, 260))
    c.tube([(452, 380), (440, 40)], 7, (214, 190, 120), 3)
    blade = arc_pts(426, 44, 18, 18, -40, 150, 10)
    c.stroke(blade, 7 + 6, INK)
    c.stroke(blade, 7, LGREY)
    c.circle(hands[1], 210 * 0.075 * 0.62, SKIN3, INK, 4)
    for (bx, by, s) in ((260, 372, 1.0), (300, 378, 0.9), (282, 346, 0.9), (530, 380, 0.9)):
        c.blob([(bx + dx * s, by + dy * s, 12 * s) for dx, dy in ((-12, 0), (12, 0), (0, -10), (0, 8))],
               (196, 58, 34), 4)
        for dx, dy in ((-10, -2), (6, -6), (10, 6), (-2, 8)):
            c.dot((bx + dx * s, by + dy * s), 3, (250, 160, 60))


def scene_domestic_work(c):
    room(c, 290, (236, 230, 214), (220, 210, 196))
    for x in range(0, 660, 60):
        c.line((x, 290), (x - 60, 400), 3, (190, 180, 166))
    c.line((-10, 340), (W + 10, 340), 3, (190, 180, 166))
    # kitchen: cupboards, counter, sink, stove with a pot, window
    c.rrect(300, 40, 280, 80, 4, (150, 196, 176), INK)
    c.line((393, 40), (393, 120), 4)
    c.line((486, 40), (486, 120), 4)
    c.rrect(40, 40, 150, 120, 6, SKY, INK)
    c.line((115, 40), (115, 160), 5)
    c.rrect(290, 190, 300, 24, 3, LGREY, INK)
    c.rrect(300, 214, 280, 76, 0, (150, 196, 176), INK)
    c.line((393, 214), (393, 290), 4)
    c.line((486, 214), (486, 290), 4)
    for x in (380, 407, 473, 500):
        c.rrect(x - 3, 244, 6, 18, 3, INK, None, 0)
    c.tube([(530, 190), (530, 160), (552, 160)], 6, GREY, 4)
    c.rrect(320, 162, 70, 30, 6, DGREY, INK, 4)
    c.line((310, 170), (320, 170), 5)
    c.line((390, 170), (400, 170), 5)
    c.ellipse((355, 160), 36, 7, GREY, INK, 4)
    c.rrect(430, 176, 50, 16, 3, WHITE, INK, 3)
    # the worker mopping the floor, in an apron
    top, bottom = (266, 186), (92, 372)
    lhand, rhand = lerp(top, bottom, 0.55), lerp(top, bottom, 0.3)
    hands = person(c, 200, 380, 240, shirt=TEAL, pants=NAVY, skin=SKIN, hair="hijab", hair_col=PURPLE,
                   dress=True, look=-0.4, apron=WHITE, left=lhand, right=rhand)
    c.tube([top, bottom], 8, (210, 180, 120), 3)
    for hand in hands:
        c.circle(hand, 240 * 0.075 * 0.62, SKIN, INK, 4)
    c.rrect(60, 366, 70, 14, 5, DGREY, INK, 4)
    c.blob([(58 + i * 12, 384 + (i % 2) * 4, 11) for i in range(7)], (240, 240, 230), 4)
    # bucket with water
    c.poly([(262, 322), (326, 322), (318, 388), (270, 388)], BLUE, INK)
    c.stroke(arc_pts(294, 322, 32, 26, 180, 360, 12), 4)
    c.ellipse((294, 322), 32, 7, (180, 220, 240), INK, 4)


def scene_construction(c):
    sky(c)
    cloud(c, 540, 110, 0.6)
    ground(c, 330, (214, 186, 140))
    # crane
    c.tube([(120, 330), (120, 40)], 14, YELLOW, 4)
    for y in range(64, 320, 26):
        c.line((114, y), (126, y + 22), 3)
    c.tube([(50, 50), (560, 50)], 12, YELLOW, 4)
    c.rrect(34, 36, 44, 34, 3, DGREY, INK, 4)
    c.line((120, 16), (62, 46), 3)
    c.line((120, 16), (460, 46), 3)
    c.tube([(120, 16), (120, 40)], 8, YELLOW, 3)
    c.rrect(104, 58, 32, 26, 3, GLASS, INK, 4)
    c.line((440, 56), (440, 106), 3)
    c.line((440, 106), (404, 118), 3)
    c.line((440, 106), (476, 118), 3)
    c.tube([(392, 124), (488, 124)], 12, TERRA, 4)
    # the building: concrete frame, some brick walls, bars sticking out on top
    for x in (270, 350, 430, 510):
        for k in range(3):
            c.line((x - 6 + k * 6, 150), (x - 6 + k * 6, 132), 3, DGREY)
    c.rect(262, 160, 256, 170, (236, 228, 214))
    for bx, by, bw, bh in ((270, 250, 80, 70), (350, 250, 80, 70), (430, 180, 80, 60)):
        c.rect(bx, by, bw, bh, (214, 140, 100))
        for yy in range(int(by) + 12, int(by + bh), 12):
            c.line((bx, yy), (bx + bw, yy), 2.5, (170, 100, 70))
        for row, yy in enumerate(range(int(by), int(by + bh) - 6, 12)):
            for xx in range(int(bx) + (12 if row % 2 else 0), int(bx + bw), 24):
                c.line((xx, yy), (xx, yy + 12), 2.5, (170, 100, 70))
    for x in (270, 350, 430, 510):
        c.rrect(x - 8, 150, 16, 182, 2, (190, 190, 196), INK, 4)
    for y in (150, 240, 322):
        c.rrect(252, y - 6, 276, 16, 2, (170, 172, 180), INK, 4)
    # scaffolding
    for x in (540, 576):
        c.tube([(x, 332), (x, 150)], 5, (230, 180, 60), 3)
    for y in (180, 240, 300):
        c.tube([(536, y), (580, y)], 5, (230, 180, 60), 3)
    # the worker in hard hat and safety vest
    person(c, 200, 392, 210, shirt=ORANGE, pants=NAVY, skin=SKIN3, hair="helmet", look=0.3,
           right=((0.1, -0.04), (0.2, -0.18)))
    for y in (272, 300):
        c.line((171, y), (229, y), 7, (255, 240, 140))


def scene_police_post(c):
    sky(c)
    cloud(c, 110, 60, 0.8)
    ground(c, 300, (200, 196, 186))
    c.rect(0, 330, W, 70, (160, 160, 166))
    c.line((-10, 330), (W + 10, 330), 4)
    # small building with a blue light on top
    c.rrect(210, 140, 300, 170, 4, (230, 236, 246), INK)
    c.rrect(190, 118, 340, 32, 4, NAVY, INK)
    c.rrect(340, 90, 40, 30, 8, (80, 150, 255), INK)
    for ang in (-150, -120, -90, -60, -30):
        a = math.radians(ang)
        c.line((360 + 34 * math.cos(a), 100 + 34 * math.sin(a)), (360 + 56 * math.cos(a), 100 + 56 * math.sin(a)),
               6, (80, 150, 255))
    c.rect(210, 156, 300, 14, NAVY)
    c.line((210, 170), (510, 170), 4)
    c.rrect(230, 190, 90, 60, 4, GLASS, INK)
    c.line((275, 190), (275, 250), 4)
    c.rrect(400, 190, 70, 118, 4, NAVY, INK)
    c.circle((456, 250), 4, YELLOW, None, 0)
    # a shield badge instead of a name
    c.poly([(340, 190), (380, 190), (380, 220), (360, 240), (340, 220)], YELLOW, INK, 4)
    c.poly(star_pts(360, 210, 11, 5), POLICE, None, 0)
    # the officer
    person(c, 120, 370, 210, shirt=POLICE, pants=DKBROWN, skin=SKIN2, hair="cap", look=0.3,
           left=Pose.WAVE)


def scene_embassy(c):
    sky(c)
    cloud(c, 510, 60, 0.8)
    ground(c, 320, GRASS)
    c.poly([(250, 400), (300, 320), (340, 320), (420, 400)], ROAD, INK, 4)
    # building: pediment, columns, steps
    c.rrect(140, 140, 360, 160, 2, WHITE, INK)
    c.poly([(120, 146), (320, 60), (520, 146)], CREAM, INK)
    c.circle((320, 114), 18, GLASS, INK, 4)
    c.line((302, 114), (338, 114), 4)
    c.line((320, 96), (320, 132), 4)
    for i in range(6):
        x = 164 + i * 60
        c.rrect(x, 150, 32, 148, 3, (236, 232, 224), INK, 4)
    c.rrect(284, 220, 72, 80, 3, WOOD2, INK)
    c.rrect(120, 296, 400, 14, 2, LGREY, INK, 4)
    c.rrect(110, 308, 420, 14, 2, LGREY, INK, 4)
    flag_id(c, 50, 60, 110, 72, 260)
    # fence
    for x in range(540, 600, 16):
        c.line((x, 330), (x, 296), 5)
    c.line((540, 306), (600, 306), 5)
    person(c, 440, 390, 130, shirt=BLUE, pants=NAVY, skin=SKIN2, look=-0.5)


def scene_shelter(c):
    sky(c, (246, 214, 170))
    sun(c, 530, 230, 44)
    hills(c, 240, (230, 170, 120), ((120, 30), (480, 30)))
    ground(c, 280, (190, 206, 130))
    # warm light spilling onto the ground
    c.poly([(250, 300), (340, 300), (420, 400), (170, 400)], (244, 226, 140), None, 0)
    house_shape(c, 150, 440, 130, 300, 46, wall=(240, 220, 190), roof=(170, 90, 60), window=False)
    c.poly(heart_pts(295, 92, 40), HEART, INK, 4)
    for wx in (170, 370):
        c.rrect(wx - 8, 162, 76, 76, 10, (250, 236, 170), None, 0)
        c.rrect(wx, 170, 60, 60, 4, WARM, INK)
        c.line((wx + 30, 170), (wx + 30, 230), 4)
        c.line((wx, 200), (wx + 60, 200), 4)
    c.rrect(250, 168, 90, 132, 6, WARM, INK)
    c.poly([(250, 168), (222, 160), (222, 306), (250, 300)], WOOD, INK, 4)
    # a helper at the door welcomes a person with a bag
    person(c, 295, 318, 160, shirt=GREEN, pants=NAVY, skin=SKIN, hair="hijab", hair_col=LILAC,
           dress=True, look=0.6, left=Pose.OPEN, right=Pose.OPEN)
    hands = person(c, 470, 374, 190, shirt=ORANGE, pants=BROWN, skin=SKIN2, hair="long", dress=True,
                   look=-0.6, right=((0.03, 0.16), (0.04, 0.3)))
    c.stroke(arc_pts(hands[1][0] + 6, hands[1][1] + 6, 12, 10, 180, 360, 8), 5)
    c.rrect(hands[1][0] - 20, hands[1][1] + 4, 54, 42, 8, PURPLE, INK)


def scene_compound(c):
    sky(c, (212, 220, 228))
    ground(c, 320, (176, 170, 160))
    # the tall building inside
    c.rrect(170, 40, 260, 200, 2, (170, 172, 180), INK)
    for r in range(4):
        for i in range(5):
            c.rect(192 + i * 48, 56 + r * 44, 28, 26, (96, 100, 116))
            c.line((192 + i * 48, 70 + r * 44), (220 + i * 48, 70 + r * 44), 2, (130, 134, 150))
    # a guard tower
    c.tube([(500, 170), (500, 76)], 6, DGREY, 4)
    c.tube([(560, 170), (560, 76)], 6, DGREY, 4)
    c.line((500, 100), (560, 150), 4)
    c.line((560, 100), (500, 150), 4)
    c.rect(488, 56, 84, 36, (60, 64, 76))
    c.rrect(480, 56, 100, 36, 3, None, INK)
    c.rrect(480, 80, 100, 14, 2, (150, 152, 160), INK, 4)
    c.poly([(470, 58), (530, 28), (590, 58)], DGREY, INK)
    # high walls with barbed wire
    c.rrect(-10, 170, 620, 150, 0, (198, 190, 176), INK)
    for x in range(20, 600, 60):
        c.line((x, 174), (x, 316), 3, (170, 162, 150))
    for x in range(0, 620, 40):
        c.line((x, 170), (x, 138), 4)
    for i in range(0, 31):
        c.stroke(arc_pts(i * 20, 154, 12, 12, 0, 360, 12), 3, INK)
    # a camera on the wall
    c.line((130, 186), (130, 206), 5)
    c.poly(rot(rrect_pts(104, 170, 52, 22, 5), -14, (130, 182)), LGREY, INK, 4)
    c.circle((156, 176), 6, INK, None, 0)
    # the gate, shut
    c.rrect(220, 190, 160, 130, 2, (110, 116, 128), INK, 6)
    for x in range(238, 380, 20):
        c.line((x, 194), (x, 316), 5, INK)
    c.line((220, 250), (380, 250), 6)
    c.rrect(280, 236, 40, 28, 4, DGREY, INK, 4)
    # a guard in dark clothes, hands behind his back
    person(c, 470, 392, 180, shirt=(60, 64, 76), pants=(40, 42, 50), skin=SKIN2, hair="cap",
           hair_col=(60, 64, 76), smile=False, arms="behind")


def scene_border(c):
    sky(c)
    cloud(c, 90, 56, 0.7)
    mountains(c, 230, ((120, 90, 140), (330, 120, 160), (540, 80, 130)), MOUNT)
    ground(c, 230, GRASS)
    c.poly([(270, 230), (330, 230), (540, 400), (60, 400)], ROAD, INK, 4)
    for y0, y1, w in ((240, 262, 4), (296, 330, 5), (356, 400, 6)):
        c.line((300, y0), (300, y1), w, WHITE)
    # the border gate: two pillars and a roof over the road
    for px in (150, 450):
        c.rrect(px - 20, 120, 40, 200, 3, (236, 226, 206), INK)
        c.rrect(px - 28, 306, 56, 18, 3, (200, 190, 170), INK, 4)
    c.rrect(110, 104, 380, 30, 3, (236, 226, 206), INK)
    c.poly([(96, 106), (150, 60), (450, 60), (504, 106)], TERRA, INK)
    c.rrect(250, 114, 100, 12, 4, NAVY, None, 0)
    flag_id(c, 300, 22, 44, 28, 38)
    # a guard booth
    c.rrect(500, 210, 84, 110, 4, (230, 236, 246), INK)
    c.rrect(492, 192, 100, 24, 4, NAVY, INK)
    c.rrect(516, 232, 52, 40, 4, GLASS, INK)
    # the barrier: red and white stripes across the road
    c.rrect(66, 226, 30, 124, 4, GREY, INK)
    c.rrect(52, 340, 58, 20, 4, DGREY, INK)
    x, y, w, h = 81, 262, 420, 28
    c.rect(x, y, w, h, WHITE)
    c.clip((x, y, w, h))
    for i in range(0, 12):
        sx = x + i * 48
        c.poly([(sx, y + h), (sx + 24, y + h), (sx + 44, y), (sx + 20, y)], RED, None, 0)
    c.clip(None)
    c.rrect(x, y, w, h, 8, None, INK)
    c.circle((81, 276), 18, YELLOW, INK)
    c.rrect(478, 262, 12, 66, 2, GREY, INK, 4)
    # a traveller waiting with a bag
    hands = person(c, 230, 392, 140, shirt=TEAL, pants=NAVY, skin=SKIN3, look=0.3,
                   right=((0.02, 0.16), (0.03, 0.3)))
    c.rrect(hands[1][0] - 12, hands[1][1], 44, 34, 8, BROWN, INK, 4)


def scene_hospital(c):
    room(c, 270, (220, 238, 230), (200, 214, 210))
    # a green plus sign on the wall
    c.rrect(60, 30, 100, 100, 14, WHITE, INK)
    plus = [(92, 44), (128, 44), (128, 62), (146, 62), (146, 98), (128, 98), (128, 116), (92, 116),
            (92, 98), (74, 98), (74, 62), (92, 62)]
    c.poly(plus, GREEN, INK, 4)
    # heart monitor and drip
    c.rrect(390, 40, 126, 86, 8, (40, 46, 60), INK)
    c.stroke([(402, 88), (424, 88), (434, 64), (446, 110), (458, 80), (468, 88), (504, 88)], 5, (110, 230, 140))
    c.line((453, 126), (453, 200), 5)
    c.tube([(350, 360), (350, 70)], 6, LGREY, 4)
    c.rrect(324, 76, 34, 50, 8, (220, 240, 250), INK, 4)
    c.stroke([(341, 126), (341, 160), (300, 196), (272, 212)], 3)
    # the bed with a patient
    c.rrect(60, 150, 26, 210, 6, BLUE, INK)
    c.rrect(444, 200, 24, 160, 6, BLUE, INK)
    c.rrect(80, 200, 380, 70, 10, WHITE, INK)
    c.rrect(150, 256, 310, 24, 6, LGREY, INK)
    c.rrect(94, 186, 90, 40, 16, WHITE, INK)
    c.circle((146, 182), 34, SKIN2, INK)
    c.poly(arc_pts(146, 182, 34, 34, 180, 360, 20) + [(180, 176), (112, 176)], HAIR, INK)
    c.line((132, 190), (140, 190), 4)
    c.line((156, 190), (164, 190), 4)
    c.stroke(arc_pts(148, 196, 10, 8, 25, 155, 8), 4)
    c.rrect(176, 196, 280, 66, 20, (150, 200, 236), INK)
    c.line((200, 210), (436, 210), 4, WHITE)
    # a nurse
    person(c, 530, 390, 214, shirt=WHITE, pants=TEAL, skin=SKIN, hair="hijab", hair_col=TEAL, dress=True,
           look=-0.6, left=((0.1, 0.12), (0.2, 0.16)))
    c.poly(plus_pts(548, 274, 9), GREEN, None, 0)


def scene_phone_help(c):
    sky(c, (214, 238, 222))
    c.circle((184, 210), 150, (196, 228, 204), None, 0)
    screen = (46, 150, 96)
    sx, sy, sw, sh = held_phone(c, 96, 36, 176, 324, SKIN, BLUE, screen)
    # the call screen: the helper with a headset in a round photo, the green call button
    px, py, pr = sx + sw / 2, sy + 86, 56
    c.circle((px, py), pr, (214, 240, 220), None, 0)
    bust(c, px, py - 6, 25, shirt=ORANGE, skin=SKIN2, hair="hijab", hair_col=TEAL, headset=True)
    c.clip((sx + 2, sy + 2, sw - 4, sh - 4))
    pygame.draw.circle(c.surf, screen, c._p((px, py)), round((pr + 40) * SS), round(40 * SS))
    c.clip(None)
    c.circle((px, py), pr, None, INK, 4)
    for k in range(3):
        c.dot((px - 24 + k * 24, sy + 168), 6, (200, 240, 210))
    c.circle((px, sy + 222), 28, (86, 210, 110), INK, 4)
    phone_handset(c, px, sy + 224, 0.32)
    c.rrect(sx, sy, sw, sh, 8, None, INK, 3)
    # it rings
    for r in (26, 46):
        c.stroke(arc_pts(262, 50, r, r, -80, -10, 8), 7, DKGREEN)
    # a big speech bubble: a hand held out, offering a heart (help, care)
    bubble(c, 316, 40, 258, 230, (282, 150))
    palm_up_hand(c, 398, 222, 0.98, SKIN2, TEAL)
    c.poly(heart_pts(470, 142, 86), HEART, INK, 5)
    for ang in (-160, -125, -55, -20):
        a = math.radians(ang)
        c.line((470 + 60 * math.cos(a), 134 + 60 * math.sin(a)), (470 + 76 * math.cos(a), 134 + 76 * math.sin(a)),
               5, GOLD)


def scene_locked_door(c):
    room(c, 330, (206, 200, 196), (150, 140, 136))
    c.clip((0, 0, W, 330))
    for row, y in enumerate(range(10, 330, 40)):
        off = 40 if row % 2 else 0
        for x in range(-off, 640, 80):
            c.rrect(x, y, 80, 40, 0, None, (186, 178, 172), 3)
    c.clip(None)
    c.line((-10, 330), (W + 10, 330), OW)
    # a heavy closed door
    c.rrect(180, 30, 240, 306, 4, (120, 76, 48), INK, 6)
    c.rrect(204, 150, 192, 40, 4, None, DKBROWN, 5)
    c.rrect(204, 210, 192, 104, 4, None, DKBROWN, 5)
    c.rrect(170, 20, 260, 16, 2, (96, 60, 40), INK, 4)
    # a small barred window, shut
    c.rrect(250, 58, 100, 70, 4, NIGHT, INK)
    for x in (270, 290, 310, 330):
        c.line((x, 58), (x, 128), 5, GREY)
    # bolt, and the padlock
    c.rrect(330, 178, 110, 24, 6, GREY, INK)
    c.rrect(420, 164, 30, 52, 4, DGREY, INK)
    c.rrect(200, 176, 24, 28, 4, DGREY, INK, 4)
    padlock(c, 388, 204, 1.25)


def bunk(c, x, floor_y, w, gap=92):
    """A three-level metal bunk bed; returns the top of each mattress (bottom first)."""
    top = floor_y - 3 * gap - 14
    tops = []
    for lv in range(3):
        y = floor_y - 34 - lv * gap
        c.rrect(x + 6, y - 20, w - 12, 22, 6, (240, 240, 230), INK, 4)
        c.rrect(x, y, w, 14, 2, (110, 130, 170), INK, 4)
        tops.append(y - 20)
    for px in (x, x + w):
        c.tube([(px, floor_y), (px, top)], 8, (110, 130, 170), 4)
    return tops


def scene_dormitory(c):
    room(c, 340, (226, 218, 200), (176, 150, 120))
    # a washing line with clothes
    c.stroke([(0, 24), (300, 34), (600, 24)], 3)
    for x, col in ((60, RED), (130, TEAL), (190, YELLOW), (410, BLUE), (480, PINK), (540, GREEN)):
        yy = 24 + 10 * (1 - abs(x - 300) / 300)
        c.poly(move([(-8, 0), (8, 0), (22, 6), (30, 20), (18, 25), (17, 46), (-17, 46), (-18, 25), (-30, 20),
                     (-22, 6)], x, yy - 2), col, INK, 3)
    skins = (SKIN, SKIN2, SKIN3)
    beds = ((10, 180), (210, 180), (410, 180))
    for b, (bx, bw) in enumerate(beds):
        tops = bunk(c, bx, 380, bw)
        for lv, mt in enumerate(tops):
            k = b * 3 + lv
            if (b + lv) % 3 == 1:     # lying down: head on the pillow, a blanket
                c.rrect(bx + 14, mt - 14, 34, 20, 8, WHITE, INK, 3)
                c.circle((bx + 34, mt - 14), 15, skins[k % 3], INK, 4)
                c.poly(arc_pts(bx + 34, mt - 14, 15, 15, 180, 360, 12), HAIR, INK, 4)
                c.rrect(bx + 50, mt - 22, bw - 64, 24, 10, (RED, TEAL, ORANGE, BLUE)[k % 4], INK, 4)
            else:                     # two sitting on the edge, legs hanging
                for j, px in enumerate((bx + bw * 0.32, bx + bw * 0.72)):
                    hair = "hijab" if (k + j) % 3 == 0 else "short"
                    scarf = (PINK if j else LILAC) if hair == "hijab" else HAIR
                    person(c, px, mt + 6 + 92 * 0.42, 92, shirt=(GREEN, PURPLE, ORANGE, BLUE, RED, TEAL)[(k + j) % 6],
                           skin=skins[(k + j) % 3], hair=hair, hair_col=scarf, sit=True, pants=NAVY, smile=False,
                           left=Pose.FOLD, right=Pose.FOLD)
    for x, col in ((40, BROWN), (150, NAVY), (300, PURPLE), (470, BROWN), (540, TERRA)):
        c.rrect(x, 352, 44, 40, 8, col, INK, 4)


def scene_village(c):
    sky(c)
    sun(c, 470, 70, 32)
    mountains(c, 220, ((170, 150, 190), (400, 110, 150)), MOUNT)
    hills(c, 230, HILL2, ((60, 30), (300, 20), (560, 40)))
    ground(c, 240, GRASS)
    # rice terraces in bands
    for i, (y, col) in enumerate(((262, FIELD), (292, (170, 214, 110)), (330, FIELD), (372, (170, 214, 110)))):
        pts = [(-10, y)] + [(x, y + 6 * math.sin(x / 60 + i)) for x in range(0, 620, 20)] + [(610, 410), (-10, 410)]
        c.poly(pts, col, INK, 4)
        for x in range(10, 600, 34):
            yy = y + 14 + 6 * math.sin(x / 60 + i)
            c.line((x, yy), (x + 6, yy - 12), 3, DKGREEN)
    # houses
    for (x0, x1, wall_top, floor, roof_top, wall, roof) in ((40, 150, 200, 262, 160, (232, 184, 120), TERRA),
                                                          (190, 290, 206, 262, 170, CREAM, (180, 70, 40)),
                                                          (450, 570, 196, 260, 150, (232, 184, 120), TERRA)):
        house_shape(c, x0, x1, wall_top, floor, roof_top, wall=wall, roof=roof, over=12)
    coconut_palm(c, 350, 270, 0.9, -14)
    coconut_palm(c, 410, 262, 0.75, 12)


SCENES = {
    "agent": scene_agent,
    "passport": scene_passport,
    "contract": scene_contract,
    "money": scene_money,
    "debt-note": scene_debt_note,
    "phone": scene_phone,
    "computer": scene_computer,
    "bus": scene_bus,
    "plane": scene_plane,
    "airport": scene_airport,
    "boat": scene_boat,
    "fishing-boat": scene_fishing_boat,
    "house": scene_house,
    "family": scene_family,
    "office": scene_office,
    "training-centre": scene_training_centre,
    "factory": scene_factory,
    "plantation": scene_plantation,
    "domestic-work": scene_domestic_work,
    "construction": scene_construction,
    "police-post": scene_police_post,
    "embassy": scene_embassy,
    "shelter": scene_shelter,
    "compound": scene_compound,
    "border": scene_border,
    "hospital": scene_hospital,
    "phone-help": scene_phone_help,
    "locked-door": scene_locked_door,
    "dormitory": scene_dormitory,
    "village": scene_village,
}
NAMES = tuple(SCENES)


# ---------------------------------------------------------------- output
def render(name: str) -> pygame.Surface:
    """The scene `name` as a 600x400 surface."""
    c = Canvas()
    SCENES[name](c)
    return c.finish()


def render_all() -> dict[str, pygame.Surface]:
    return {name: render(name) for name in NAMES}


def packs(root: Path = SCENARIOS) -> list[Path]:
    """Every pack folder under scenarios/ (a folder with a pack.yaml), by name."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / PACK_FILE).is_file())


def same_picture(path: Path, surf: pygame.Surface, tolerance: int = 8) -> bool:
    """Is the PNG at `path` this picture? Pixels are compared, not PNG bytes (zlib
    may differ); a channel may be off by up to `tolerance` anywhere (the scaling
    code may round differently on another CPU), and by more on a few dozen
    pixels at most, so any real change to a drawing still counts."""
    try:
        img = pygame.image.load(str(path))
    except (pygame.error, OSError, FileNotFoundError):
        return False
    if img.get_size() != surf.get_size():
        return False
    a = pygame.image.tobytes(img, "RGB")
    b = pygame.image.tobytes(surf, "RGB")
    if a == b:
        return True
    x = pygame.image.frombytes(a, surf.get_size(), "RGB")
    y = pygame.image.frombytes(b, surf.get_size(), "RGB")
    d1, d2 = x.copy(), y.copy()
    d1.blit(y, (0, 0), special_flags=pygame.BLEND_RGB_SUB)      # max(x - y, 0)
    d2.blit(x, (0, 0), special_flags=pygame.BLEND_RGB_SUB)      # max(y - x, 0)
    d1.blit(d2, (0, 0), special_flags=pygame.BLEND_RGB_ADD)     # |x - y|
    near = pygame.mask.from_threshold(d1, (0, 0, 0), (tolerance + 1,) * 3 + (255,)).count()
    w, h = surf.get_size()
    return w * h - near <= 40


def stale(surfaces: dict[str, pygame.Surface], folders: list[Path]) -> list[Path]:
    """The files in `folders` that are missing or not the picture drawn."""
    return [folder / f"{name}.png" for folder in folders for name, surf in surfaces.items()
            if not same_picture(folder / f"{name}.png", surf)]


def write(surfaces: dict[str, pygame.Surface], out: Path, targets: list[Path]) -> list[Path]:
    """Save each picture in `out` (unless it is already there) and copy it into
    each pack's assets/scenes/ (unless the same bytes are there)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, surf in surfaces.items():
        path = out / f"{name}.png"
        if not same_picture(path, surf):
            pygame.image.save(surf, str(path))
            written.append(path)
        data = path.read_bytes()
        for t in targets:
            dest = t / PACK_SUBFOLDER / f"{name}.png"
            if not dest.is_file() or dest.read_bytes() != data:
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, dest)
                written.append(dest)
    return written


def contact_sheet(surfaces: dict[str, pygame.Surface], path: Path, cols: int = 6) -> None:
    """Every scene at 200x133 (a projected card seen from the back) with its name."""
    pygame.font.init()
    font = pygame.font.Font(None, 22)
    cw, ch = 210, 160
    rows = (len(surfaces) + cols - 1) // cols
    sheet = pygame.Surface((cols * cw + 10, rows * ch + 10))
    sheet.fill((246, 235, 217))
    for i, (name, surf) in enumerate(surfaces.items()):
        x, y = 10 + (i % cols) * cw, 10 + (i // cols) * ch
        sheet.blit(pygame.transform.smoothscale(surf, (200, 133)), (x, y))
        sheet.blit(font.render(name, True, INK), (x + 2, y + 136))
    pygame.image.save(sheet, str(path))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pack", action="append", metavar="PATH",
                    help="copy into this pack folder only (may be given more than once); "
                         "default: every folder under scenarios/ with a pack.yaml")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if any picture is missing or differs from the drawing")
    ap.add_argument("--out", default=str(OUT), metavar="DIR",
                    help="where the pictures themselves go (default: assets/scenes)")
    ap.add_argument("--sheet", metavar="FILE", help="also write a contact sheet PNG here")
    args = ap.parse_args(argv)

    pygame.init()
    targets = [Path(p) for p in args.pack] if args.pack else packs()
    for t in targets:
        if not (t / PACK_FILE).is_file():
            print(f"not a pack folder (no {PACK_FILE}): {t}", file=sys.stderr)
            return 2
    out = Path(args.out)
    surfaces = render_all()
    if args.sheet:
        contact_sheet(surfaces, Path(args.sheet))
    if args.check:
        folders = [out] + [t / PACK_SUBFOLDER for t in targets]
        bad = stale(surfaces, folders)
        for path in bad:
            print(f"missing or out of date: {path}", file=sys.stderr)
        if bad:
            print("run: python assets/make_scenes.py", file=sys.stderr)
            return 1
        print(f"{len(surfaces)} scenes up to date in {len(folders)} folders")
        return 0
    written = write(surfaces, out, targets)
    total = sum((out / f"{name}.png").stat().st_size for name in surfaces)
    print(f"{len(surfaces)} scenes ({total // 1024} KiB) in {out} and {len(targets)} packs; "
          f"{len(written)} files written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
