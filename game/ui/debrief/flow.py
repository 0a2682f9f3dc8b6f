"""Rows of a debrief page, and a column of them that scrolls by whole rows.

A `Row` is one strip of a page: a line of text (with its mark or token on the
first line of an item), a row of chips, a button. `Flow` cuts every text into
one row per wrapped line, so a page that is taller than the screen scrolls
line by line: no line is ever half shown, nothing is clipped. A heading row
`keep`s with the row after it: a window of rows never ends on one.

`Scroll` is the window: which rows show, moved by a row (arrow keys, the
wheel, a drag) or by a screenful (Page Down, the scroll arrows).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

import pygame

from game.ui.text import check_inside, line_height, render_line, text_width, wrap
from game.ui.theme import palette

Paint = Callable[[pygame.Surface, int, int, pygame.Rect], None]
Icon = Callable[[pygame.Surface, tuple[int, int], int], None]


@dataclass
class ButtonSpec:
    """A button on a row; the screen makes the Button where the row shows."""
    label: str
    on_press: Callable[[], None]
    name: str
    style: str = "secondary"
    indent: int = 0
    width: int = 0
    enabled: bool = True
    reason: str = ""
    number: Optional[int] = None  # a number badge (the unsafe choice it replays)
    choice: Optional[int] = None  # the safe choice the replay takes


class Row:
    __slots__ = ("height", "paint", "keep", "button", "gap", "text")

    def __init__(self, height: int, paint: Optional[Paint] = None, keep: bool = False,
                 button: Optional[ButtonSpec] = None, gap: bool = False, text: str = ""):
        self.height, self.paint, self.keep = int(height), paint, keep
        self.button, self.gap = button, gap
        self.text = text or (button.label if button else "")   # what it says, plainly


@dataclass
class Cell:
    """Text in a column of a row: `dx` from the row's left, wrapped to `width`."""
    dx: int
    width: int
    text: str
    size: int
    colour: tuple
    bold: bool = False


def _line_top(y: int, lh: int, size: int) -> int:
    """Where a rendered line goes in a line of height `lh` (as TextBlock draws it)."""
    return y + max(0, round((lh - size * 1.36) / 2))


class Flow:
    """Builds the rows of one column `width` pixels wide."""

    def __init__(self, L, width: int, what: str = "debrief", head_size: int = 0):
        self.L, self.width, self.what = L, int(width), what
        self.head_size = head_size or L.heading   # a narrow column: smaller headings
        self.rows: list[Row] = []
        self.said: list[str] = []   # every text the rows show, whole (tests, reading aloud)

    # -- rows ------------------------------------------------------------------
    def gap(self, height: Optional[int] = None) -> None:
        if self.rows and not self.rows[-1].gap:
            self.rows.append(Row(self.L.pad // 2 if height is None else height, gap=True))

    def cells(self, cells: Sequence[Cell], icon: Optional[Callable] = None,
              keep: bool = False, keep_first: int = 0) -> None:
        """One row per line of the tallest cell; `icon(surface, x, y, h)` is painted
        on the first row. The first `keep_first` rows (and all, with `keep`) keep
        with the row after them."""
        wrapped = [(c, wrap(c.text, c.size, max(1, c.width), c.bold) if c.text else [])
                   for c in cells]
        self.said.extend(c.text for c in cells if c.text)
        n = max((len(lines) for _, lines in wrapped), default=0)
        if n == 0:
            return
        lh = max(line_height(c.size) for c in cells)
        what = self.what
        for i in range(n):
            parts = [(c.dx, lines[i], c.size, c.colour, c.bold) for c, lines in wrapped
                     if i < len(lines) and lines[i]]
            first = icon if i == 0 else None

            def paint(s, x, y, box, parts=parts, first=first):
                for dx, line, size, colour, bold in parts:
                    surf = render_line(line, size, colour, bold)
                    lx, ly = x + dx, _line_top(y, lh, size)
                    s.blit(surf, (lx, ly))
                    check_inside(pygame.Rect(lx, ly, surf.get_width(), surf.get_height()), box,
                                 what, line)
                if first is not None:
                    first(s, x, y, lh)
            self.rows.append(Row(lh, paint, keep or i < keep_first,
                                 text=" ".join(part[1] for part in parts)))

    def text(self, text: str, size: Optional[int] = None, colour=None, bold: bool = False,
             indent: int = 0, keep: bool = False) -> None:
        size = size or self.L.body
        self.cells([Cell(indent, self.width - indent, text, size,
                         tuple(colour or palette().ink), bold)], keep=keep)

    def heading(self, text: str, colour=None, size: Optional[int] = None) -> None:
        """A heading: a little room above it, and it never ends a window."""
        self.gap(self.L.pad)
        self.text(text, size or self.head_size, colour or palette().secondary, True, keep=True)

    def item(self, icon: Optional[Icon], text: str, indent: int = 0, size: Optional[int] = None,
             bold: bool = False, colour=None, icon_size: Optional[int] = None,
             keep: bool = False) -> None:
        """An icon (a mark, a token...) then text wrapped beside it."""
        size = size or self.L.body
        d = icon_size or round(size * 1.05)
        left = indent + (d + self.L.pad if icon is not None else 0)

        def draw_icon(s, x, y, lh):
            icon(s, (x + indent + d // 2, y + lh // 2), d)
        self.cells([Cell(left, self.width - left, text, size,
                         tuple(colour or palette().ink), bold)],
                   icon=draw_icon if icon is not None else None, keep=keep)

    def pair(self, label: str, value: str, indent: int = 0, colour=None) -> None:
        """'Label:' in bold, the value running on after it and wrapping under it."""
        L, ink = self.L, tuple(palette().ink)
        label = label + ":"
        room = self.width - indent
        lw = text_width(label, L.body, True) + text_width(" ", L.body)
        words = value.split()
        first: list[str] = []
        for word in words:
            if text_width(" ".join(first + [word]), L.body) > room - lw:
                break
            first.append(word)
        if not first:
            self.text(label, bold=True, indent=indent, keep=True)
            self.text(value, colour=colour, indent=indent)
            return
        self.cells([Cell(indent, lw, label, L.body, ink, True),
                    Cell(indent + lw, room - lw, " ".join(first), L.body, tuple(colour or ink))])
        if len(first) < len(words):
            self.text(" ".join(words[len(first):]), colour=colour, indent=indent)

    def side_by_side(self, tiles: Sequence[Sequence[tuple[str, bool]]], columns: int,
                     icon: Optional[Callable] = None, indent: int = 0) -> None:
        """Tiles of text (each a list of (text, bold) paragraphs) in `columns`
        columns, a row of tiles at a time, one row per line; `icon(surface, x, y, h)`
        on each tile's first line, `indent` pixels before its text."""
        L, ink = self.L, tuple(palette().ink)
        col_w = (self.width - (columns - 1) * 2 * L.pad) // columns
        lh = line_height(L.body)
        what = self.what
        self.said.extend(text for tile in tiles for text, _ in tile)
        for start in range(0, len(tiles), columns):
            group = tiles[start:start + columns]
            lines = [[(line, bold) for text, bold in tile
                      for line in wrap(text, L.body, col_w - indent, bold)] for tile in group]
            for i in range(max(len(t) for t in lines)):
                parts = [(c * (col_w + 2 * L.pad), t[i]) for c, t in enumerate(lines)
                         if i < len(t)]

                def paint(s, x, y, box, parts=parts, first=i == 0, n=len(group)):
                    for dx, (line, bold) in parts:
                        surf = render_line(line, L.body, ink, bold)
                        lx, ly = x + dx + indent, _line_top(y, lh, L.body)
                        s.blit(surf, (lx, ly))
                        check_inside(pygame.Rect(lx, ly, surf.get_width(), surf.get_height()),
                                     box, what, line)
                    if first and icon is not None:
                        for c in range(n):
                            icon(s, x + c * (col_w + 2 * L.pad), y, lh)
                self.rows.append(Row(lh, paint, keep=i == 0,
                                     text=" ".join(line for _, (line, _b) in parts)))
            self.gap(L.pad)

    def button(self, spec: ButtonSpec, height: int) -> None:
        if not spec.width:
            spec.width = self.width - spec.indent
        self.rows.append(Row(height + self.L.pad // 2, button=spec))
        self.said.append(spec.label)

    def strip(self, height: int, paint: Paint, keep: bool = False, text: str = "") -> None:
        self.rows.append(Row(height, paint, keep, text=text))
        if text:
            self.said.append(text)


class Scroll:
    """Which rows of a column show in a view `height` pixels tall."""

    def __init__(self, rows: Sequence[Row], height: int):
        self.rows = list(rows)
        self.height = max(1, int(height))
        self.offset = 0
        self._max = self._max_offset()

    @property
    def total(self) -> int:
        return sum(r.height for r in self.rows)

    @property
    def scrolls(self) -> bool:
        return self.total > self.height

    def end(self, offset: Optional[int] = None) -> int:
        """The index after the last row shown from `offset`."""
        start = self.offset if offset is None else offset
        rows, n = self.rows, len(self.rows)
        used, i = 0, start
        while i < n and used + rows[i].height <= self.height:
            used += rows[i].height
            i += 1
        if i == start and i < n:
            return i + 1                 # a row taller than the view: show it anyway
        while start + 1 < i < n and (rows[i - 1].keep or rows[i - 1].gap):
            i -= 1                       # never end on a heading when more follows
        return i

    def _max_offset(self) -> int:
        used, k = 0, len(self.rows)
        while k > 0 and used + self.rows[k - 1].height <= self.height:
            used += self.rows[k - 1].height
            k -= 1
        return min(k, max(0, len(self.rows) - 1))

    @property
    def more_below(self) -> bool:
        return self.end() < len(self.rows)

    @property
    def more_above(self) -> bool:
        return self.offset > 0

    def set(self, offset: int) -> bool:
        """Show rows from `offset` (kept in range, past a gap); True if it moved."""
        offset = max(0, min(int(offset), self._max))
        while offset < self._max and self.rows[offset].gap:
            offset += 1
        moved = offset != self.offset
        self.offset = offset
        return moved

    def by(self, rows: int) -> bool:
        """Move by `rows` rows (down when positive)."""
        if (rows > 0 and not self.more_below) or (rows < 0 and not self.offset) or not rows:
            return False
        if rows > 0:
            target = self.offset
            for _ in range(rows):
                target += 1
                while target < self._max and self.rows[target].gap:
                    target += 1
            return self.set(target)
        target = self.offset
        for _ in range(-rows):
            target -= 1
            while target > 0 and self.rows[target].gap:
                target -= 1
        self.offset = max(0, min(target, self.offset - 1))
        while self.offset > 0 and self.rows[self.offset].gap:
            self.offset -= 1
        return True

    def page_down(self) -> bool:
        """The next screenful, like turning a page: it starts with the item that did
        not show whole (if that still moves on by more than half a screen), and the
        last one may leave room at the bottom."""
        if not self.more_below:
            return False
        target = self.end()
        if sum(r.height for r in self.rows[target:]) <= self.height * 0.35:
            return self.set(self._max)       # a little is left: a full last screen
        k = target
        while k > self.offset + 1 and not self.rows[k - 1].gap:
            k -= 1
        moved = sum(r.height for r in self.rows[self.offset:k])
        if k > self.offset + 1 and moved > self.height * 0.55:
            target = k
        while target < len(self.rows) - 1 and self.rows[target].gap:
            target += 1
        self.offset = max(self.offset + 1, min(target, len(self.rows) - 1))
        return True

    def page_up(self) -> bool:
        if not self.offset:
            return False
        used, k = 0, self.offset
        while k > 0 and used + self.rows[k - 1].height <= self.height:
            used += self.rows[k - 1].height
            k -= 1
        return self.set(min(k, self.offset - 1))

    def to_pixels(self, dy: float) -> int:
        """How many rows a drag of `dy` pixels moves (up the page when positive)."""
        step = 0
        if dy > 0:
            i, left = self.offset, dy
            while i < len(self.rows) - 1 and left >= self.rows[i].height * 0.6:
                left -= self.rows[i].height
                i += 1
                step += 1
        else:
            i, left = self.offset, -dy
            while i > 0 and left >= self.rows[i - 1].height * 0.6:
                left -= self.rows[i - 1].height
                i -= 1
                step -= 1
        return step

    def shown(self) -> list[tuple[Row, int]]:
        """The rows in view with their top, from the view's top."""
        out, y = [], 0
        for row in self.rows[self.offset:self.end()]:
            out.append((row, y))
            y += row.height
        return out

    def thumb(self, track: pygame.Rect) -> pygame.Rect:
        """The scroll bar's thumb in `track`."""
        total = max(1, self.total)
        above = sum(r.height for r in self.rows[:self.offset])
        shown = sum(r.height for r, _ in self.shown())
        top = track.y + round(track.height * above / total)
        h = max(track.width, round(track.height * shown / total))
        return pygame.Rect(track.x, min(top, track.bottom - h), track.width, h)


def draw_arrow(surface: pygame.Surface, rect: pygame.Rect, up: bool, active: bool) -> None:
    """A scroll arrow: a triangle in a rounded square (faded when it cannot scroll)."""
    C = palette()
    bg = C.secondary if active else C.disabled
    fg = C.ink_inverse if active else C.disabled_text
    pygame.draw.rect(surface, bg, rect, border_radius=max(3, rect.width // 4))
    cx, cy, k = rect.centerx, rect.centery, rect.width * 0.28
    pts = [(cx - k, cy + k * 0.55), (cx + k, cy + k * 0.55), (cx, cy - k * 0.75)] if up else \
        [(cx - k, cy - k * 0.55), (cx + k, cy - k * 0.55), (cx, cy + k * 0.75)]
    pygame.draw.polygon(surface, fg, pts)
