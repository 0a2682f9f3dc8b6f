"""The layout of a panel closed with Continue (feedback, outcome, message): rows
of text, the words to know, and the Continue button, which never covers them.

A screen gives `fit_sheet` a function that builds its rows for a text size
and a width (`Sizes` says how big each kind of text is; the first row may be
given a narrower width), the glossary words and a width share. The first
arrangement that fits wins, in this order, at each text size from the chosen
one down to the smallest allowed (`text_sizes`):

1. a panel of the usual width under the top band, the words to know under the
   text, Continue in a row of its own at the bottom;
2. the same panel, the words to know in a column beside the text, Continue
   under the text (so the words may use the whole height);
3. the whole screen (the first row beside the menu buttons in the top corner,
   which stay free), words under, beside, then under in two columns.

Only when nothing fits at the smallest text size are the words to know carried
on to further pages (Continue shows the next one; nothing is left out).
"""
from __future__ import annotations

from typing import Callable, NamedTuple, Optional, Sequence

import pygame

from game.ui.glossary import GlossaryBox, Word
from game.ui.regions import Regions
from game.ui.text import TextBlock, block, line_height
from game.ui.widgets import draw_mark

BESIDE_SHARE = 0.42      # the words-to-know column, as a share of the panel's width
MIN_TEXT_COLUMN = 11     # a column of text is at least this many "em"s wide


class Sizes(NamedTuple):
    """Type sizes for one try: body, heading, big, and the words to know."""
    body: int
    heading: int
    big: int
    words: int

    @staticmethod
    def of(L, body: int) -> "Sizes":
        k = body / max(1, L.body)
        low = L.min_text
        return Sizes(body, max(low, round(L.heading * k)), max(low, round(L.big * k)),
                     max(low, round(body * 0.88)))


class Row(NamedTuple):
    """A piece of a sheet: `draw(surface, x, y, box, drawn)` draws it at (x, y)."""
    height: int
    draw: Callable


class Page(NamedTuple):
    rows: tuple[tuple[int, Row], ...]  # (offset from the inner rect's top, row)
    words: Optional[GlossaryBox]
    words_at: tuple[int, int]          # offset from the inner rect's top left


class Sheet(NamedTuple):
    rect: pygame.Rect
    inner: pygame.Rect
    pad: int
    sizes: Sizes
    pages: tuple[Page, ...]
    full: bool
    button_right: int = 0      # Continue's right edge, from the inner rect's right


def text_row(b: TextBlock, what: str, dx: int = 0) -> Row:
    """A row of one block of text (noted as `what`)."""
    def draw(surface, x, y, box, drawn):
        b.draw(surface, x + dx, y, box, what)
        drawn.block(what, b, x + dx, y)
    return Row(b.height, draw)


def marked_row(items, sizes: Sizes, width: int, what: str) -> Optional[Row]:
    """Lines each after a round mark (kind: safe, unsafe...), as one row."""
    if not items:
        return None
    gap = max(4, round(sizes.body * 0.45))
    blocks = [(kind, block(words, sizes.body, colour, width - sizes.body - gap, bold=True))
              for kind, words, colour in items]

    def draw(surface, x, y, box, drawn):
        for kind, b in blocks:
            d = round(sizes.body * 0.8)
            draw_mark(surface, (x + sizes.body // 2, y + line_height(sizes.body) // 2), d, kind)
            b.draw(surface, x + sizes.body + gap, y, box, what)
            drawn.block(what, b, x + sizes.body + gap, y)
            y += b.height
    return Row(sum(b.height for _k, b in blocks), draw)


def text_sizes(L) -> list[int]:
    """Body sizes to try: the chosen one, then smaller steps down to the minimum."""
    top, low = L.body, L.min_text
    if top <= low:
        return [low]
    steps = 3
    out = []
    for i in range(steps + 1):
        s = round(top - (top - low) * i / steps)
        if not out or s < out[-1]:
            out.append(s)
    return out


def area(L, full: bool) -> pygame.Rect:
    """Where an overlay may be: the whole screen inside the margins (`full`), else
    under the top band and its menu buttons."""
    if full:
        return pygame.Rect(L.pad, L.pad, L.width - 2 * L.pad, L.height - 2 * L.pad)
    top = max(L.chrome.bottom + max(2, L.pad // 2), L.card_rect().top)
    return pygame.Rect(L.pad, top, L.width - 2 * L.pad, L.height - top - L.pad)


def keep_free(L) -> pygame.Rect:
    """The menu buttons' corner, with a margin: a whole-screen overlay draws nothing there."""
    return L.chrome.inflate(L.pad, L.pad)


def fit_sheet(L, build_rows: Callable[..., list[Row]], words: Sequence[Word],
              heading: str, width_share: float, continue_h: Callable[[Sizes], int],
              words_colour=None) -> Sheet:
    """The sheet at the largest text size at which it fits on one page (found by
    halving, as each size tried opens fonts), in the first arrangement that fits
    at that size; else on pages, at the largest size at which the rows alone fit
    the first page. A text size chosen larger than normal shrinks on one page only
    down to the normal size: below that, pages keep it large."""
    pad = round(L.pad * 1.3)

    def tries(size: int, fulls=(False, True)):
        sizes = Sizes.of(L, size)
        for full in fulls:
            arrangements = [("under", 1), ("beside", 1)] + ([("under", 2)] if full else [])
            for where, columns in arrangements:
                if where == "beside" and not words:
                    continue
                yield _try(L, build_rows, words, heading, width_share, continue_h, sizes,
                           full, where, columns, pad, words_colour)

    def fits_at(size: int) -> bool:
        return any(sheet is not None for sheet in tries(size, (True,)))

    sizes = text_sizes(L)
    if L.body > L.label:
        # a larger text size was chosen to be read from the back: on one page it may
        # shrink to the normal size, not below; else it keeps its size on pages
        sizes = [s for s in sizes if s >= L.label] or sizes[:1]
    if not fits_at(sizes[-1]):
        alone = next((s for s in sizes if _try(L, build_rows, (), heading, 1.0, continue_h,
                                                Sizes.of(L, s), True, "under", 1, pad,
                                                words_colour) is not None), sizes[-1])
        return _paged(L, build_rows, words, heading, continue_h, Sizes.of(L, alone), pad,
                      words_colour)
    low, high = 0, len(sizes) - 1
    while low < high:
        mid = (low + high) // 2
        if fits_at(sizes[mid]):
            high = mid
        else:
            low = mid + 1
    return next(sheet for sheet in tries(sizes[high]) if sheet is not None)


def _frame(L, full: bool, width_share: float, pad: int):
    """(the panel's largest rect, its inner rect, the free corner relative to the
    inner rect or None)."""
    space = area(L, full)
    if full:
        box = space
    else:
        box = pygame.Rect(0, 0, min(space.width, round(L.width * width_share)), space.height)
        box.midtop = (L.width // 2, space.top)
    inner = box.inflate(-2 * pad, -2 * pad)
    corner = keep_free(L)
    free = corner.move(-inner.x, -inner.y) if full and corner.colliderect(inner) else None
    return box, inner, free


def _stack(build_rows, sizes: Sizes, x: int, width: int, pad: int,
           free: Optional[pygame.Rect]) -> tuple[list[tuple[int, Row]], int]:
    """Rows of a column at offset x, top to bottom, kept out of the free corner:
    the first row narrower beside it, the next ones below it. (rows, height)"""
    first = None
    if free is not None and free.left < x + width and free.right > x:
        first = free.left - x - pad
        if first < sizes.body * 6:
            first = None                       # too narrow: start below the corner
    rows = build_rows(sizes, width, first) if first else build_rows(sizes, width)
    out, y = [], 0
    if free is not None and first is None and free.left < x + width and free.right > x:
        y = free.bottom
    for i, row in enumerate(rows):
        if i == 1 and first:
            y = max(y, free.bottom)
        out.append((y, row))
        y += row.height + pad // 2
    return out, max(0, y - pad // 2)


def _words_top(free: Optional[pygame.Rect], x: int, width: int, y: int) -> int:
    if free is not None and free.left < x + width and free.right > x:
        return max(y, free.bottom)
    return y


def _try(L, build_rows, words, heading, width_share, continue_h, sizes: Sizes, full: bool,
         where: str, columns: int, pad: int, colour) -> Optional[Sheet]:
    box, inner, free = _frame(L, full, width_share, pad)
    limit = inner.height
    cont = continue_h(sizes)
    if where == "beside":
        gw = round(inner.width * BESIDE_SHARE)
        main_w = inner.width - gw - pad
        if main_w < sizes.body * MIN_TEXT_COLUMN:
            return None
        rows, main_h = _stack(build_rows, sizes, 0, main_w, pad, free)
        g = GlossaryBox(heading, words, sizes.words, gw, 1, colour)
        gy = _words_top(free, main_w + pad, gw, 0)
        total = max(main_h + pad + cont, gy + g.height)
        if total > limit:
            return None
        rect = _place(L, full, box, total, pad)
        return Sheet(rect, rect.inflate(-2 * pad, -2 * pad), pad, sizes,
                     (Page(tuple(rows), g, (main_w + pad, gy)),), full, gw + pad)
    rows, main_h = _stack(build_rows, sizes, 0, inner.width, pad, free)
    g = GlossaryBox(heading, words, sizes.words, inner.width, columns, colour) if words else None
    gy = main_h + pad // 2
    total = (gy + g.height if g else main_h) + pad + cont
    if total > limit:
        return None
    rect = _place(L, full, box, total, pad)
    return Sheet(rect, rect.inflate(-2 * pad, -2 * pad), pad, sizes,
                 (Page(tuple(rows), g, (0, gy)),), full)


def _place(L, full: bool, box: pygame.Rect, content_h: int, pad: int) -> pygame.Rect:
    """The panel: the whole box when full, else as tall as its content and centred
    on the area under the top band."""
    if full:
        return pygame.Rect(box)
    rect = pygame.Rect(box.x, box.y, box.width, min(box.height, content_h + 2 * pad))
    rect.centery = box.centery
    return rect


def _paged(L, build_rows, words, heading, continue_h, sizes: Sizes, pad: int,
           colour) -> Sheet:
    """The whole screen at text `sizes`: the rows and the words that fit under
    them, then as many pages of words (two columns) as needed."""
    box, inner, free = _frame(L, True, 1.0, pad)
    limit = inner.height - pad - continue_h(sizes)
    rows, main_h = _stack(build_rows, sizes, 0, inner.width, pad, free)
    pages: list[Page] = []
    rest = list(words)
    top = main_h + pad // 2
    while True:
        room = limit - top
        take = _most(heading, rest, sizes.words, inner.width, room, colour)
        if take == 0 and pages:
            take = 1                       # a word alone on a page: never loop
        g = GlossaryBox(heading, rest[:take], sizes.words, inner.width, 2, colour) \
            if take else None
        pages.append(Page(tuple(rows) if not pages else (), g, (0, top)))
        rest = rest[take:]
        top = _words_top(free, 0, inner.width, 0)
        if not rest:
            break
    return Sheet(box, inner, pad, sizes, tuple(pages), True)


def _most(heading, words, size, width, room, colour) -> int:
    """How many of `words` (from the first) fit in `room` pixels in two columns."""
    n = 0
    for k in range(1, len(words) + 1):
        if GlossaryBox(heading, words[:k], size, width, 2, colour).height > room:
            break
        n = k
    return n


def draw_page(surface: pygame.Surface, sheet: Sheet, page: int, drawn: Regions) -> None:
    """The page's rows, then its words to know, inside the sheet's inner rect."""
    p = sheet.pages[min(page, len(sheet.pages) - 1)]
    x, y = sheet.inner.topleft
    for dy, row in p.rows:
        row.draw(surface, x, y + dy, sheet.rect, drawn)
    if p.words:
        p.words.draw(surface, x + p.words_at[0], y + p.words_at[1], sheet.rect, drawn)
