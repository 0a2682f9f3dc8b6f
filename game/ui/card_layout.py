"""Where everything on a card goes: the picture, the chip (stage and route), the
title, the text, the words to know and the choices, for one window and text size.

The roomiest arrangement that fits wins:

- the picture at the top left (at most a third of the card's width, from 36%
  down to 22% of the screen's height: it must still read from the back row),
  the chip, title and text beside it (the chip at the end of the title's line
  when there is room);
- the words to know under the text (`right`), across the card (`band`, in one
  or two columns), in a column down the card's right side (`side`), or beside
  the picture, which then comes under the text (`under`);
- the choices below, in one column, or two when there are three or four;
- on the card's usual place first, then on the whole screen (the chip and title
  across the top, left of the menu buttons' corner, which stays free; the rest
  below the corner), then the whole width under the top band;
- at the chosen text size if it fits, else at the largest smaller size that
  does, never below the layout's minimum; a text size chosen larger than
  normal shrinks for the words to know only down to the normal size (below
  that they go behind their button, so the text stays large).

When even the smallest text and picture on the whole screen cannot hold every
word to know with the text and the choices (a 60-word text with four 10-word
labels at 1024x768 leaves no room), the card keeps everything else and shows a
"Words to know (N)" button instead, which opens them all over the card: under
the picture, in a row of its own, or after the chip on the chip's line.

When that still leaves no room for every choice (four labels of ten long
Indonesian words), the card takes the whole window with thin margins and its
title at the body size (the choices keep theirs) before the text gets smaller;
game/content/fit.py says how long a label can be for all four to fit there.
Longer labels than that (the validator warns) still leave every choice whole
on screen: the choices at the bottom, and the chip, title, text and picture in
a view above them that scrolls (`CardPlan.view_h`), over a strip with a bar
showing how far, up and down buttons and the words' button.
"""
from __future__ import annotations

import math
from typing import NamedTuple, Optional, Sequence

import pygame

from game.ui import picture as pictures
from game.ui.glossary import GlossaryBox, Word
from game.ui.sheet import Sizes, area, keep_free, text_sizes
from game.ui.text import TextBlock, block, text_width
from game.ui.theme import palette
from game.ui.widgets import Button

PICTURE_SHARES = (0.36, 0.32, 0.28, 0.25, 0.22)  # the picture's height / the screen's
PICTURE_MIN = PICTURE_SHARES[-1]                 # ... never less: it must read from the back
PICTURE_COLUMN = 0.36                            # its width: at most this share of the card
SIDE_SHARE = 0.34                                # the words to know down the right side
UNDER_BAND = 2       # `full` for the whole width under the top band (the title not beside the menu)
TIGHT = 3            # `full` for the whole screen with thin margins (the last resort)
# (where the words to know go, their columns, the choices' columns), roomiest first
ARRANGEMENTS = (("right", 1, 1), ("band", 1, 1), ("side", 1, 1), ("under", 1, 1),
                ("band", 2, 1), ("right", 1, 2), ("side", 1, 2), ("under", 1, 2),
                ("band", 2, 2))


class Choice(NamedTuple):
    index: int
    label: str
    reason: str          # why it is greyed ("" when it is offered)
    enabled: bool


class CardPlan(NamedTuple):
    rect: pygame.Rect
    inner: pygame.Rect
    pad: int
    size: int
    chip: TextBlock
    head_x: int                              # the chip and title's offset from the left
    chip_at: tuple[int, int]                 # offset from (head_x, the top)
    title_y: int                             # the title's offset from the top
    title: TextBlock
    text: TextBlock
    picture: Optional[tuple[int, int]]       # its size
    picture_at: tuple[int, int]              # offset from the inner rect's top left
    words: Optional[GlossaryBox]
    words_at: tuple[int, int]                # offset from the inner rect's top left
    words_button: Optional[pygame.Rect]      # "Words to know (N)", offset as words_at
    text_x: int                              # the text column's offset
    text_y: int                              # the text's offset from the top
    choices_y: int
    choice_w: int                            # a choice's width
    columns: int
    rows: tuple[tuple[int, ...], ...]        # choice indices by row
    row_heights: tuple[int, ...]
    full: object                             # False, True (the whole screen), UNDER_BAND or TIGHT
    gap: int                                 # between the choices
    view_h: int = 0          # > 0: the part above the choices scrolls in a view this tall
    scroll_max: int = 0      # ... by at most this much
    strip_y: int = 0         # ... over the strip with its scroll buttons (and words' button)


class _Tried(NamedTuple):
    plan: Optional[CardPlan]
    fits: bool


class CardLayout:
    """Measures a card's arrangements for one layout `L`; `fit()` gives the plan."""

    def __init__(self, L, pack, image: Optional[str], chip: str, title: str, text: str,
                 choices: Sequence[Choice], words: Sequence[Word], heading: str):
        self.L, self.pack, self.image = L, pack, image
        self.chip_text, self.title_text, self.text_text = chip, title, text
        self.choices, self.words, self.heading = list(choices), list(words), heading
        self.ratio = pictures.aspect(pack, image) if image else None
        self.button_label = f"{heading} ({len(self.words)})"

    def fit(self) -> CardPlan:
        """Smaller text never takes more room, so the largest size at which the most
        compact arrangements fit is found first (by halving: each size tried opens
        fonts), then the arrangements are tried in order at it. A bigger picture
        never takes less room, so an arrangement that does not fit with the
        smallest picture is not tried with the bigger ones."""
        shares = PICTURE_SHARES if self.ratio else (None,)
        sizes = text_sizes(self.L)
        compact = 2 if len(self.choices) >= 3 else 1

        def fits_at(size: int, ways=(("band", 2), ("side", 1), ("under", 1)),
                    fulls=(True, UNDER_BAND)) -> bool:
            return any(self.measure(size, full, shares[-1], where, cols, compact).fits
                       for full in fulls for where, cols in ways)

        def largest(ways, fulls=(True, UNDER_BAND)) -> int:
            """The first of `sizes` at which `ways` fit (the last one fits)."""
            low, high = 0, len(sizes) - 1
            while low < high:
                mid = (low + high) // 2
                if fits_at(sizes[mid], ways, fulls):
                    high = mid
                else:
                    low = mid + 1
            return sizes[high]

        last = (("button", 1, 1), ("button", 1, 2), ("button-top", 1, 1), ("button-top", 1, 2))
        ways = (("button", 1), ("button-top", 1))
        # a text size chosen larger than normal (to be read from the back) shrinks
        # for the words to know only down to the normal size: below that, they go
        # behind their button and the text keeps its size
        floor = self.L.label if self.L.body > self.L.label else sizes[-1]
        if not self.words or fits_at(sizes[-1]):
            size = largest((("band", 2), ("side", 1), ("under", 1)))
            if not self.words or size >= floor or not fits_at(floor, ways):
                plan = self._first(size, shares, ARRANGEMENTS)
                if plan is not None:
                    return plan
        # the last resort: the words to know behind a button
        if fits_at(sizes[-1], ways):
            plan = self._first(largest(ways), shares, last)
            if plan is not None:
                return plan
        # thin margins round the card (and between its parts) before smaller text
        if fits_at(sizes[-1], ways, (TIGHT,)):
            plan = self._first(largest(ways, (TIGHT,)), shares, last, (TIGHT,))
            if plan is not None:
                return plan
        return self._scrolling(sizes[-1], shares[-1], compact)

    def _first(self, size: int, shares, arrangements,
               fulls=(False, True, UNDER_BAND)) -> Optional[CardPlan]:
        for full in fulls:
            usable = []
            for where, gcols, ccols in arrangements:
                if ccols > 1 and (not full or len(self.choices) < 3):
                    continue
                if where == "band" and gcols > 1 and not full:
                    continue
                if self.measure(size, full, shares[-1], where, gcols, ccols).fits:
                    usable.append((where, gcols, ccols))
            for share in shares:
                for where, gcols, ccols in usable:
                    tried = self.measure(size, full, share, where, gcols, ccols)
                    if tried.fits:
                        return tried.plan
        return None

    def _scrolling(self, size: int, share: Optional[float], ccols: int) -> CardPlan:
        """Nothing fits (labels longer than game.content.fit allows): the choices
        stay whole at the bottom of the window, over a strip with the scroll
        buttons (and the words' button); the chip, title, text and picture
        scroll in the view above it."""
        plan = self.measure(size, TIGHT, share, "button-strip", 1, ccols).plan
        pad, box = plan.pad, self.box(TIGHT)
        inner = box.inflate(-2 * pad, -2 * pad)
        strip_h = round(size * 2.1)
        choices_h = sum(plan.row_heights) + plan.gap * max(0, len(plan.rows) - 1)
        choices_y = max(3 * strip_h + 2 * pad, inner.height - choices_h)
        strip_y = choices_y - pad - strip_h
        view_h = max(1, strip_y - pad)
        content_h = plan.choices_y - pad                 # where the choices were
        button = None
        if self.words:
            bw = text_width(self.button_label, size, True) + 2 * max(6, round(size * 0.55))
            button = pygame.Rect(0, strip_y, min(bw, inner.width // 2), strip_h)
        return plan._replace(rect=box, inner=inner, choices_y=choices_y, words_button=button,
                             view_h=view_h, scroll_max=max(0, content_h - view_h),
                             strip_y=strip_y)

    def box(self, full) -> pygame.Rect:
        L = self.L
        if full is TIGHT:
            m = max(2, L.pad // 4)
            return pygame.Rect(m, m, L.width - 2 * m, L.height - 2 * m)
        if full is UNDER_BAND:
            top = L.chrome.bottom + max(2, L.pad // 2)
            return pygame.Rect(L.pad, top, L.width - 2 * L.pad, L.height - top - L.pad)
        return area(L, True) if full else L.card_rect(False)

    def measure(self, size: int, full, share: Optional[float], where: str, gcols: int,
                ccols: int) -> _Tried:
        L, C = self.L, palette()
        pad = max(6, L.pad // 2) if full is TIGHT else round(L.pad * 1.3)
        sizes = Sizes.of(L, size)
        box = self.box(full)
        inner = box.inflate(-2 * pad, -2 * pad)
        corner = keep_free(L).move(-inner.x, -inner.y)
        corner = corner if (full is True or full is TIGHT) \
            and corner.colliderect(0, 0, *inner.size) else None
        behind = where.startswith("button") and bool(self.words)   # behind a button
        words = [] if behind else self.words
        bh = round(size * 2.1)
        bw = text_width(self.button_label, size, True) + 2 * max(6, round(size * 0.55)) \
            if behind else 0
        button = None
        main_w, side = inner.width, None
        if words and where == "side":
            side = round(inner.width * SIDE_SHARE)
            main_w = inner.width - side - pad
        pic, text_x = None, 0
        if share is not None:
            least = math.ceil(L.height * PICTURE_MIN * self.ratio)   # never narrower
            pic = pictures.fitted(self.ratio, max(round(main_w * PICTURE_COLUMN), least),
                                  math.ceil(L.height * share))
            text_x = pic[0] + pad if where != "under" or not words else 0
        text_w = main_w - text_x
        # the chip and title: beside the picture; on the whole screen, across the top
        # left of the menu buttons' corner (which stays free), the rest below it
        head_x, head_w, body_y = text_x, text_w, 0
        if corner is not None:
            head_x = 0
            head_w = min(main_w, corner.left - pad)
            if head_w < size * 8:
                return _Tried(None, False)
        chip = block(self.chip_text, size, C.ink, head_w - L.pad, bold=True)
        heading = size if full is TIGHT else sizes.heading     # the last resort: body size
        title = block(self.title_text, heading, C.ink, head_w, bold=True)
        chip_w = text_width(self.chip_text, size, True) + L.pad
        title_w = text_width(self.title_text, heading, True)
        if len(title.lines) == 1 and len(chip.lines) == 1 \
                and title_w + L.pad + chip_w <= head_w:
            # the chip on the title's line, after it
            chip_at = (title_w + 2 * L.pad if title_w + 2 * L.pad + chip_w <= head_w
                       else head_w - chip_w, (title.height - chip.height) // 2)
            title_y = 0
        elif where == "button-top" and behind and chip_w + pad + bw <= head_w:
            # the chip on a line of its own, the words' button after it
            button = pygame.Rect(head_x + chip_w + pad, 0, bw, bh)
            chip_at, title_y = (0, (bh - chip.height) // 2), bh + pad // 2
        else:
            chip_at, title_y = (0, 0), chip.height + pad // 2
        head_h = title_y + title.height + pad // 2
        if corner is not None:
            body_y = max(head_h, corner.bottom)
            text_y = body_y
        else:
            text_y = head_h
        text = block(self.text_text, size, C.ink, text_w)
        right_h = text_y + text.height
        box_, words_at, side_h = None, (0, 0), 0
        if words and where == "right":
            box_ = GlossaryBox(self.heading, words, sizes.words, text_w, 1)
            words_at = (text_x, right_h + pad)
            right_h += pad + box_.height
        elif side:
            box_ = GlossaryBox(self.heading, words, sizes.words, side, 1)
            top = corner.bottom if corner is not None else 0
            words_at = (main_w + pad, top)
            side_h = top + box_.height
        pic_at = (0, body_y)
        top_h = max(right_h, body_y + pic[1]) if pic and text_x else right_h
        y = top_h + pad
        if words and where == "band":
            box_ = GlossaryBox(self.heading, words, sizes.words, inner.width, gcols)
            words_at = (0, y)
            y += box_.height + pad
        elif words and where == "under":
            left = pic[0] + pad if pic else 0
            box_ = GlossaryBox(self.heading, words, sizes.words, inner.width - left, gcols)
            pic_at, words_at = (0, y), (left, y)
            y += max(box_.height, pic[1] if pic else 0) + pad
        if behind and button is None and where != "button-strip":
            if pic and text_x and body_y + pic[1] + pad + bh <= top_h and bw <= pic[0]:
                button = pygame.Rect(0, body_y + pic[1] + pad, pic[0], bh)   # under the picture
            else:
                button = pygame.Rect(0, y, min(inner.width, bw), bh)
                y += bh + pad
        gap = min(L.pad, pad)
        col_w = (main_w - (ccols - 1) * gap) // ccols
        heights = [Button.height_for(c.label, col_w, size, number=True, reason=c.reason)
                   for c in self.choices]
        rows = tuple(tuple(range(k, min(k + ccols, len(heights))))
                     for k in range(0, len(heights), ccols))
        row_heights = tuple(max(heights[i] for i in row) for row in rows)
        total = max(side_h, y + sum(row_heights) + gap * max(0, len(rows) - 1))
        rect = pygame.Rect(box.x, box.y, box.width, min(box.height, total + 2 * pad))
        if not full:
            rect.centery = box.centery
        plan = CardPlan(rect, rect.inflate(-2 * pad, -2 * pad), pad, size, chip, head_x,
                        chip_at, title_y, title, text, pic, pic_at, box_, words_at, button,
                        text_x, text_y, y, col_w, ccols, rows, row_heights, full, gap)
        return _Tried(plan, total <= inner.height)
