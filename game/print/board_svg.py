"""The board as inline SVG for an A4 landscape page, from game.engine.board's layout.

The track snakes once: stages 1 and 2 run left to right in the top half,
starting from the village; a U-turn on the right leads into stages 3 and 4,
which run right to left in the bottom half and end at home. Both routes run
side by side through every stage, on the stage's coloured band: the official
route on the outside of the U-turn, the irregular route (fewer spaces, no
checkpoints, no safe places) on the inside, so the two roads never cross.

Every space shows its number on its route and, after ⇄, the number of the
space on the other route a player moves to when a card switches routes (the
same point of the stage: `Board.equivalent`). Units are millimetres; the
colours are the game's own (game/ui/theme.json, read without pygame).
"""
from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Mapping

from game.content.model import STAGES
from game.engine.board import CARD, CHECKPOINT, EVENT, HOME, SAFE, Board, build_board
from game.print.printed import Printed

THEME_FILE = Path(__file__).resolve().parent.parent / "ui" / "theme.json"
COLOURS = {   # used when theme.json cannot be read
    "paper": "#FFFBF3", "ink": "#2B2118", "ink_inverse": "#FFFFFF", "border": "#8A6A4A",
    "stage_recruitment": "#F3DDB6", "stage_documentation": "#DCE8CC",
    "stage_travel": "#D3E3EC", "stage_work": "#EAD8E3", "stage_home": "#F0E2C0",
    "road": "#E7C793", "road_edge": "#8A6A4A", "irregular": "#4A3B33",
    "space_card": "#FFFBF3", "space_event": "#F7D774", "space_safe": "#2E7D4F",
    "space_checkpoint": "#2F4B6E", "space_home": "#B4441B", "space_irregular": "#6B5A50",
}

WIDTH = 281.0            # mm: A4 landscape (297) less the page margins
SIDE = 30.0              # the village and home boxes
TURN = 16.0              # room for the U-turn on the right
LABEL_ROW = 6.5          # the stage names above each half
LANE_GAP = 8.0           # between the two lanes of a half (holds the second lane's name)
HALF_GAP = 5.0           # between the halves
MAX_SPACE = 24.0


def colours() -> Mapping[str, str]:
    """The game's palette (theme.json's `@game` block), else the defaults above."""
    try:
        with open(THEME_FILE, encoding="utf-8") as f:
            found = json.load(f)["@game"]["colours"]
        return {**COLOURS, **{k: v for k, v in found.items() if isinstance(v, str)}}
    except (OSError, ValueError, KeyError, TypeError):
        return dict(COLOURS)


def _css_colour(value: str) -> str:
    """#RRGGBBAA (theme.json) as #RRGGBB: SVG fill takes the opacity apart."""
    return value[:7] if value.startswith("#") and len(value) == 9 else value


class BoardDrawing:
    """Positions of every space on the page, then the SVG."""

    def __init__(self, printed: Printed, length: str = "full"):
        self.p = printed
        self.length = length
        self.board: Board = build_board(printed.pack.checkpoints, length)
        self.c = {k: _css_colour(v) for k, v in colours().items()}
        reg = self._by_stage("regular")
        irr = self._by_stage("irregular")
        self.slots = {s: max(len(reg[s]), len(irr[s]), 1) for s in STAGES}
        top = self.slots["recruitment"] + self.slots["documentation"]
        bottom = self.slots["travel"] + self.slots["work"]
        self.slot = (WIDTH - SIDE - TURN - 4) / max(top, bottom)
        self.size = min(MAX_SPACE, self.slot - 1.8)
        s = self.size
        # the lanes' centre lines (y): top half official then irregular, bottom half
        # irregular then official, so the U-turns nest
        self.y = {}
        y = LABEL_ROW + 1.5 + s / 2
        self.y["top", "regular"] = y
        self.y["top", "irregular"] = y + s + LANE_GAP
        self.top_height = self.y["top", "irregular"] + s / 2 + 2
        y = self.top_height + HALF_GAP + LABEL_ROW + 1.5 + s / 2
        self.y["bottom", "irregular"] = y
        self.y["bottom", "regular"] = y + s + LANE_GAP
        self.height = self.y["bottom", "regular"] + s / 2 + 2
        self.bands = self._bands()
        self.centres = self._centres(reg, irr)

    # -- layout ----------------------------------------------------------------------
    def _by_stage(self, route: str) -> dict[str, list]:
        spaces = {s: [] for s in STAGES}
        for space in self.board.routes[route]:
            if space.kind != HOME:
                spaces[space.stage].append(space)
        return spaces

    def _bands(self) -> dict[str, tuple[float, float, str]]:
        """stage -> (left x, width, half)."""
        bands = {}
        x = SIDE + 2
        for stage in ("recruitment", "documentation"):
            w = self.slots[stage] * self.slot
            bands[stage] = (x, w, "top")
            x += w
        x = WIDTH - TURN - 2
        for stage in ("travel", "work"):        # right to left
            w = self.slots[stage] * self.slot
            x -= w
            bands[stage] = (x, w, "bottom")
        return bands

    def _centres(self, reg, irr) -> dict[tuple[str, int], tuple[float, float]]:
        centres = {}
        for route, spaces in (("regular", reg), ("irregular", irr)):
            for stage in STAGES:
                left, width, half = self.bands[stage]
                row = spaces[stage]
                step = width / max(len(row), 1)
                for i, space in enumerate(row):
                    offset = (i + 0.5) * step
                    x = left + offset if half == "top" else left + width - offset
                    centres[route, space.index] = (x, self.y[half, route])
        return centres

    # -- drawing ---------------------------------------------------------------------
    def svg(self) -> str:
        w, h = WIDTH, self.height
        parts = [f'<svg class="board" xmlns="http://www.w3.org/2000/svg" '
                 f'viewBox="0 0 {w:.1f} {h:.1f}" width="{w:.1f}mm" height="{h:.1f}mm" '
                 f'role="img" aria-label="{self.p.say("board.title")}" '
                 f'font-family="DejaVu Sans, Noto Sans, Segoe UI, Arial, sans-serif">']
        parts += self._draw_bands()
        parts += self._draw_roads()
        parts += self._draw_ends()
        parts += self._draw_lane_names()
        for route in ("regular", "irregular"):
            for space in self.board.routes[route]:
                if space.kind != HOME:
                    parts.append(self._draw_space(route, space))
        parts.append("</svg>")
        return "\n".join(parts)

    def _text(self, x, y, text, size, fill, weight="normal", anchor="middle") -> str:
        return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:.2f}" fill="{fill}" '
                f'font-weight="{weight}" text-anchor="{anchor}">{text}</text>')

    def _draw_bands(self) -> list[str]:
        out = []
        for stage, (x, width, half) in self.bands.items():
            top = 0 if half == "top" else self.top_height + HALF_GAP
            bottom = self.top_height if half == "top" else self.height
            out.append(f'<rect x="{x:.1f}" y="{top:.1f}" width="{width:.1f}" '
                       f'height="{bottom - top:.1f}" rx="3" fill="{self.c["stage_" + stage]}"/>')
            out.append(self._text(x + 2.5, top + 4.8, self.p.stage_n(stage), 3.8,
                                  self.c["ink"], "bold", "start"))
        return out

    def _lane_points(self, route: str) -> list[tuple[float, float]]:
        spaces = [s for s in self.board.routes[route] if s.kind != HOME]
        return [self.centres[route, s.index] for s in spaces]

    def _draw_roads(self) -> list[str]:
        """Both roads, each a U-turn on the right: the official one outside."""
        out = []
        road = self.size * 0.42              # the official road's width
        turn_x = WIDTH - TURN - 1            # where the straight parts end
        tips = {"regular": WIDTH - road / 2 - 1.2}
        tips["irregular"] = tips["regular"] - road / 2 - 3.5
        for route in ("regular", "irregular"):
            points = self._lane_points(route)
            top = [x for x, y in points if y < self.top_height]
            y_top, y_bottom = self.y["top", route], self.y["bottom", route]
            bulge = (4 * tips[route] - turn_x) / 3      # the Bezier's widest point is the tip
            start_x = SIDE if route == "regular" else top[0]
            d = (f"M {start_x:.1f} {y_top:.1f} L {turn_x:.1f} {y_top:.1f} "
                 f"C {bulge:.1f} {y_top:.1f} {bulge:.1f} {y_bottom:.1f} {turn_x:.1f} {y_bottom:.1f} "
                 f"L {SIDE:.1f} {y_bottom:.1f}")
            mid_y = (y_top + y_bottom) / 2
            tip = tips[route]
            if route == "regular":
                out.append(f'<path d="{d}" fill="none" stroke="{self.c["road_edge"]}" '
                           f'stroke-width="{road + 1:.1f}" stroke-linejoin="round"/>')
                out.append(f'<path d="{d}" fill="none" stroke="{self.c["road"]}" '
                           f'stroke-width="{road:.1f}" stroke-linejoin="round"/>')
                arrow, width = self.c["road_edge"], 0.8
            else:
                out.append(f'<path d="{d}" fill="none" stroke="{self.c["irregular"]}" '
                           f'stroke-width="{self.size * 0.16:.1f}" stroke-dasharray="3 2"/>')
                arrow, width = self.c["irregular"], 0.7
                tip += 2.6       # beside the dashes, not on them
            for dy in (-6, 6):   # the way to go: downwards
                out.append(f'<path d="M {tip - 1.6:.1f} {mid_y + dy - 1.2:.1f} L {tip:.1f} '
                           f'{mid_y + dy + 0.8:.1f} L {tip + 1.6:.1f} {mid_y + dy - 1.2:.1f}" '
                           f'fill="none" stroke="{arrow}" stroke-width="{width}" '
                           'stroke-linecap="round" stroke-linejoin="round"/>')
        return out

    def _draw_ends(self) -> list[str]:
        c = self.c
        s = self.size
        out = []
        top = self.y["top", "regular"] - s / 2 - 1
        bottom = self.y["top", "irregular"] + s / 2 + 1
        out.append(f'<rect x="0.5" y="{top:.1f}" width="{SIDE - 1:.1f}" height="{bottom - top:.1f}" '
                   f'rx="3" fill="{c["stage_home"]}" stroke="{c["border"]}" stroke-width="0.6"/>')
        out += self._lines(SIDE / 2, (top + bottom) / 2 - 6,
                           [self.p.say("board.village")], 4.2, c["ink"], "bold")
        out += self._lines(SIDE / 2, (top + bottom) / 2 + 1,
                           _wrap(self.p.plain("board.start"), 14), 2.9, c["ink"])
        top = self.y["bottom", "irregular"] - s / 2 - 1
        bottom = self.y["bottom", "regular"] + s / 2 + 1
        out.append(f'<rect x="0.5" y="{top:.1f}" width="{SIDE - 1:.1f}" height="{bottom - top:.1f}" '
                   f'rx="3" fill="{c["space_home"]}"/>')
        out += self._lines(SIDE / 2, (top + bottom) / 2 - 2,
                           [self.p.say("board.home")], 5, c["ink_inverse"], "bold")
        out += self._lines(SIDE / 2, (top + bottom) / 2 + 5,
                           _wrap(self.p.plain("board.home-note"), 14), 2.7, c["ink_inverse"])
        return out

    def _draw_lane_names(self) -> list[str]:
        """The second lane of each half is named above it (the village names the first)."""
        out = []
        s = self.size
        y = self.y["top", "irregular"] - s / 2 - 2.2
        out.append(self._text(SIDE + 3, y, self.p.say("route.irregular").upper() + " \u2192",
                              2.9, self.c["ink"], "bold", "start"))
        for route in ("irregular", "regular"):
            y = self.y["bottom", route] - s / 2 - 2.2
            out.append(self._text(WIDTH - TURN - 4, y, "\u2190 " + self.p.say(f"route.{route}").upper(),
                                  2.9, self.c["ink"], "bold", "end"))
        return out

    def _lines(self, x, y, lines, size, fill, weight="normal") -> list[str]:
        return [self._text(x, y + i * size * 1.2, line, size, fill, weight)
                for i, line in enumerate(lines)]

    def _draw_space(self, route: str, space) -> str:
        c = self.c
        s = self.size
        cx, cy = self.centres[route, space.index]
        x, y = cx - s / 2, cy - s / 2
        irregular = route == "irregular"
        fill, ink, stroke = c["space_card"], c["ink"], c["border"]
        if space.kind == EVENT:
            fill = c["space_event"]
        elif space.kind == SAFE:
            fill, ink = c["space_safe"], c["ink_inverse"]
        elif space.kind == CHECKPOINT:
            fill, ink = c["space_checkpoint"], c["ink_inverse"]
        elif irregular:
            fill, ink = c["space_irregular"], c["ink_inverse"]
        if irregular:          # the irregular route's spaces: a heavy dark frame
            stroke, frame = c["irregular"], 1.2
        else:
            frame = 0.5
        out = [f'<g class="space {space.kind} {route}">',
               f'<rect x="{x:.1f}" y="{y:.1f}" width="{s:.1f}" height="{s:.1f}" rx="2" '
               f'fill="{fill}" stroke="{stroke}" stroke-width="{frame}"/>']
        number_size = max(2.8, s * 0.17)
        out.append(self._text(x + 1.2, y + number_size + 0.6, str(space.index + 1), number_size,
                              ink, "bold", "start"))
        other = "irregular" if route == "regular" else "regular"
        twin = self.board.equivalent(route, space.index, other) + 1
        out.append(self._text(x + s - 1, y + s - 1.2, f"\u21c4{twin}", max(2.3, s * 0.13), ink,
                              "normal", "end"))
        out += self._symbol(space, cx, cy, s, ink, fill)
        out.append("</g>")
        return "\n".join(out)

    def _symbol(self, space, cx, cy, s, ink, fill) -> list[str]:
        """What the space is: a card, a star (event), the safe place's name, a checkpoint."""
        if space.kind == CARD:
            w, h = s * 0.30, s * 0.40
            return [f'<rect x="{cx - w / 2 + 0.8:.1f}" y="{cy - h / 2 - 0.6:.1f}" width="{w:.1f}" '
                    f'height="{h:.1f}" rx="0.8" fill="none" stroke="{ink}" stroke-width="0.4" '
                    f'opacity="0.55"/>',
                    f'<rect x="{cx - w / 2:.1f}" y="{cy - h / 2:.1f}" width="{w:.1f}" height="{h:.1f}" '
                    f'rx="0.8" fill="{fill}" stroke="{ink}" stroke-width="0.5"/>']
        if space.kind == EVENT:
            star = [self._text(cx, cy + s * 0.14, "\u2605", s * 0.42, self.c["ink"])]
            if s < 18:           # no room for the word beside the numbers: the star says it
                return star
            return star + [self._text(cx, cy + s * 0.34, self.p.say("board.event"),
                                      max(2.1, s * 0.12), self.c["ink"], "bold")]
        if space.kind == SAFE:
            lines = _wrap(self.p.plain(f"place.{space.place}"), 11)
            size = max(2.2, min(3.0, s * 0.14))
            y0 = cy - (len(lines) - 1) * size * 0.6 + size * 0.35
            return ([self._text(cx, cy - s * 0.12, "\u2665", s * 0.26, ink)]
                    if len(lines) < 3 else []) + \
                self._lines(cx, y0 + s * 0.12, lines, size, ink, "bold")
        if space.kind == CHECKPOINT:
            number = self.checkpoint_number(space.stage)
            shield = (f'<path d="M {cx:.1f} {cy - s * 0.30:.1f} l {s * 0.2:.1f} {s * 0.07:.1f} '
                      f'v {s * 0.17:.1f} q 0 {s * 0.17:.1f} {-s * 0.2:.1f} {s * 0.25:.1f} '
                      f'q {-s * 0.2:.1f} {-s * 0.08:.1f} {-s * 0.2:.1f} {-s * 0.25:.1f} '
                      f'v {-s * 0.17:.1f} z" fill="none" stroke="{ink}" stroke-width="0.6"/>')
            return [shield, self._text(cx, cy + s * 0.04, "\u2713", s * 0.22, ink, "bold"),
                    self._text(cx, cy + s * 0.38, escape(f"C{number}"), max(2.4, s * 0.15), ink,
                               "bold")]
        return []

    def checkpoint_number(self, stage: str) -> int:
        stages = [s for s in STAGES if s in self.board.checkpoints]
        return stages.index(stage) + 1 if stage in stages else 0


def _wrap(text: str, width: int) -> list[str]:
    """Words in lines of about `width` characters (escaped)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return [escape(x) for x in lines]
