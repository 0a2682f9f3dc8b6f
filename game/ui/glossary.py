"""Words to know: the meaning of each glossary term in the text on show.

`words_in(app, texts, main)` finds the pack's glossary terms in the texts a
screen shows (in the language `main` is shown in) and gives each term with
its meaning in that language. `GlossaryBox` draws them under a heading
("Kata penting" / "Words to know"): each term in bold, its meaning following
on the same line, in one to three columns. It is measured before it is drawn,
so a screen can try sizes and columns until everything fits.
"""
from __future__ import annotations

from typing import Iterable, NamedTuple, Optional, Sequence

import pygame

from game.localise import languages, pick, text_language, tr
from game.ui.regions import TEXT, Regions
from game.ui.text import block, check_inside, render_line, text_width, wrap
from game.ui.theme import palette


class Word(NamedTuple):
    term: str
    meaning: str


def words_in(app, texts: Iterable, main=None) -> tuple[str, list[Word]]:
    """(language, the glossary words used in `texts`): `texts` are pack texts
    (language -> words, None skipped); the language is the one `main` is
    shown in, and terms and meanings are given in it."""
    pack = getattr(app, "pack", None)
    langs = tuple(pack.languages) if pack is not None else ()
    lang = text_language(main, app.lang, langs) if main else app.lang
    if pack is None or not pack.glossary:
        return lang, []
    shown = [pick(t, lang, langs) for t in texts if t]
    found = pack.glossary_in(shown, lang)
    return lang, [Word(pick(e.term, lang, langs), pick(e.meaning, lang, langs)) for e in found]


_spoken: set[str] = set()     # the languages the screens have (read once)


def heading_for(lang: str) -> str:
    """'Words to know' in `lang` when the screens speak it, else in theirs."""
    if not _spoken:
        _spoken.update(code for code, _name in languages())
    if lang in _spoken:
        return tr("words_to_know", lang)
    return tr("words_to_know")


LEADING = 1.26     # the words' line spacing, a little closer than body text's


def words_line(size: int) -> int:
    return round(size * LEADING)


class _Piece(NamedTuple):
    dx: int
    dy: int
    text: str
    bold: bool


class _Entry(NamedTuple):
    word: Word
    pieces: tuple[_Piece, ...]
    height: int


_entries: dict[tuple[Word, int, int], "_Entry"] = {}   # a screen tries many widths


def _lay_entry(word: Word, size: int, width: int) -> _Entry:
    """The term in bold, then its meaning on the same line when there is room."""
    key = (word, size, width)
    entry = _entries.get(key)
    if entry is None:
        if len(_entries) > 512:
            _entries.clear()
        entry = _entries[key] = _lay_entry_now(word, size, width)
    return entry


def _lay_entry_now(word: Word, size: int, width: int) -> _Entry:
    lh = words_line(size)
    term_lines = wrap(word.term, size, width, bold=True) or [""]
    pieces = [_Piece(0, i * lh, t, True) for i, t in enumerate(term_lines)]
    row = len(term_lines) - 1
    words = word.meaning.split()
    gap = round(size * 0.45)
    after = text_width(term_lines[-1], size, True) + gap
    if words and width - after >= width * 0.35:
        first = wrap(word.meaning, size, width - after)[0]
        n = len(first.split())
        if n and " ".join(words[:n]) == first:
            pieces.append(_Piece(after, row * lh, first, False))
            words = words[n:]
    row += 1
    if words:
        for line in wrap(" ".join(words), size, width):
            pieces.append(_Piece(0, row * lh, line, False))
            row += 1
    return _Entry(word, tuple(pieces), row * lh)


def _balance(heights: Sequence[int], columns: int, gap: int) -> list[int]:
    """Where each column starts (indices), keeping the order, so that the
    tallest column is as short as it can be."""
    n = len(heights)
    columns = max(1, min(columns, n))

    def tall(a: int, b: int) -> int:
        return sum(heights[a:b]) + gap * max(0, b - a - 1)

    best, best_h = [0], tall(0, n)
    if columns >= 2:
        for k in range(1, n):
            cuts = [0, k]
            h = max(tall(0, k), tall(k, n))
            if columns >= 3:
                for m in range(k + 1, n):
                    h3 = max(tall(0, k), tall(k, m), tall(m, n))
                    if h3 < h:
                        h, cuts = h3, [0, k, m]
            if h < best_h:
                best, best_h = cuts, h
    return best


class GlossaryBox:
    """'Words to know' for `words`, `width` wide, at text size `size`: a tinted box
    with its heading on a tab across the top edge."""

    def __init__(self, heading: str, words: Sequence[Word], size: int, width: int,
                 columns: int = 1, colour=None):
        C = palette()
        self.words, self.size, self.width = list(words), int(size), int(width)
        self.colour = colour or C.quiet
        self.pad = max(4, round(size * 0.5))
        self.gap = round(size * 0.9)                 # between columns
        inner = max(1, self.width - 2 * self.pad)
        self.columns = max(1, min(columns, len(self.words)))
        self.col_w = max(1, (inner - (self.columns - 1) * self.gap) // self.columns)
        self.tab_pad = max(3, round(size * 0.4))
        self.head = block(heading, size, C.secondary_text, max(1, inner - 2 * self.tab_pad),
                          bold=True)
        self.entries = [_lay_entry(w, size, self.col_w) for w in self.words]
        self.between = round(words_line(size) * 0.25)
        self.cuts = _balance([e.height for e in self.entries], self.columns, self.between)
        self.columns = len(self.cuts)
        bounds = self.cuts + [len(self.entries)]
        self.column_heights = [
            sum(e.height for e in self.entries[a:b]) + self.between * max(0, b - a - 1)
            for a, b in zip(bounds, bounds[1:])]
        body = max(self.column_heights, default=0)
        self.body_top = self.head.height + round(self.pad * 0.4)
        self.height = self.body_top + body + round(self.pad * 0.8)

    def __bool__(self) -> bool:
        return bool(self.words)

    def draw(self, surface: pygame.Surface, x: int, y: int, box: Optional[pygame.Rect] = None,
             drawn: Optional[Regions] = None) -> int:
        """Draw at (x, y); the height used. Text outside `box` is recorded as overflow."""
        C = palette()
        edge = self.head.height // 2
        rect = pygame.Rect(x, y + edge, self.width, self.height - edge)
        radius = max(4, self.pad)
        pygame.draw.rect(surface, self.colour, rect, border_radius=radius)
        pygame.draw.rect(surface, C.border, rect, max(1, self.size // 14), border_radius=radius)
        head_w = max((s.get_width() for s in self.head.surfaces), default=0)
        tab = pygame.Rect(x + self.pad, y, head_w + 2 * self.tab_pad, self.head.height)
        pygame.draw.rect(surface, C.secondary, tab, border_radius=radius)
        hx = tab.x + self.tab_pad
        self.head.draw(surface, hx, y, box, "glossary-heading")
        if drawn is not None:
            drawn.block("glossary-heading", self.head, hx, y)
        top = y + self.body_top
        lift = round((words_line(self.size) - self.size * 1.36) / 2)
        bounds = self.cuts + [len(self.entries)]
        for c, (a, b) in enumerate(zip(bounds, bounds[1:])):
            cx = x + self.pad + c * (self.col_w + self.gap)
            cy = top
            for entry in self.entries[a:b]:
                right = cx
                for p in entry.pieces:
                    surf = render_line(p.text, self.size, C.ink, p.bold)
                    at = pygame.Rect(cx + p.dx, cy + p.dy + lift, surf.get_width(),
                                     surf.get_height())
                    surface.blit(surf, at)
                    right = max(right, at.right)
                    if box is not None:
                        check_inside(at, box, "glossary", p.text)
                if drawn is not None:
                    drawn.add(TEXT, "glossary-entry", (cx, cy, right - cx, entry.height),
                              f"{entry.word.term} {entry.word.meaning}")
                cy += entry.height + self.between
        return self.height
