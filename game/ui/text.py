"""Text drawn once and reused: fonts, word wrap and a cache of rendered lines.

Every piece of text on screen goes through `TextBlock` (`block`), which wraps
it to a width and renders each line once, or through `draw_line` for one line;
rendered lines are kept until the text, size or colour changes. When text
does not fit the box it is given, the overflow is recorded in `OVERFLOWS`:
the tests fail on any entry there, so clipped text is caught like a crash.

Any text can be drawn, whatever it holds (`shown`): a character the font has
no glyph for (an emoji, a script Noto Sans lacks) is drawn as the font's
replacement glyph, never as an empty box; control characters are left out;
a line that would draw nothing (only zero-width characters) is an empty line,
never an exception.
"""
from __future__ import annotations

import os
import unicodedata
from collections import OrderedDict
from typing import Optional

import pygame

_FONT_DIR = None
_FONT_CACHE = 24   # open faces (each keeps a glyph cache of 1-2 MB); the card tries a few sizes
_fonts: dict[tuple[int, bool], pygame.font.Font] = {}
_LINE_CACHE = 40   # rendered lines kept for reuse; each can be ~0.3 MB at 1080p
_LINE_BYTES = 4 * 1024 * 1024  # ... and at most this many bytes of pixels
_lines: "OrderedDict[tuple, pygame.Surface]" = OrderedDict()
_line_bytes = 0

# (what, text, box) for every piece of text that did not fit its box.
OVERFLOWS: list[tuple[str, str, tuple]] = []
_OVERFLOWS_KEPT = 2000   # a text redrawn every frame for hours must not fill the memory
LINE_SPACING = 1.22


def font_dir() -> str:
    """pygame-gui's data folder: its Noto Sans is the font of every text on screen."""
    global _FONT_DIR
    if _FONT_DIR is None:
        import pygame_gui
        _FONT_DIR = os.path.join(os.path.dirname(pygame_gui.__file__), "data")
    return _FONT_DIR


def _font_file(bold: bool) -> str:
    return os.path.join(font_dir(), "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")


_quit_hooked = False


def _on_quit() -> None:
    global _quit_hooked
    _quit_hooked = False     # pygame forgets its quit functions once it has called them
    clear_caches()


def _forget_at_quit() -> None:
    """Fonts and faces die with pygame.quit(): forget them then."""
    global _quit_hooked
    if not _quit_hooked:
        pygame.register_quit(_on_quit)
        _quit_hooked = True


def font(size: int, bold: bool = False) -> pygame.font.Font:
    key = (int(size), bool(bold))
    f = _fonts.get(key)
    if f is None:
        _forget_at_quit()
        if len(_fonts) >= _FONT_CACHE:
            _fonts.pop(next(iter(_fonts)))
        try:
            f = pygame.font.Font(_font_file(bold), key[0])
        except (OSError, FileNotFoundError):
            f = pygame.font.Font(None, key[0])
        _fonts[key] = f
    return f


# -- characters the font lacks ------------------------------------------------------
REPLACEMENT = "\ufffd"     # the font's replacement glyph; "?" if it has none
_faces: dict[bool, object] = {}          # pygame.freetype faces, to ask about glyphs
_has: dict[tuple[bool, str], bool] = {}  # (bold, character) -> the font has a glyph


def has_glyph(ch: str, bold: bool = False) -> bool:
    """True if the text font draws `ch` with a glyph of its own (pygame.font
    answers with the empty box's metrics for a missing one; freetype says None)."""
    key = (bool(bold), ch)
    known = _has.get(key)
    if known is None:
        known = True                  # no freetype: drawn as pygame.font draws it
        for _ in range(2):            # a face from before pygame.quit is opened again
            try:
                known = _face(bold).get_metrics(ch)[0] is not None
                break
            except Exception:
                _faces.pop(bool(bold), None)
        if len(_has) > 8192:
            _has.clear()
        _has[key] = known
    return known


def _face(bold: bool):
    face = _faces.get(bool(bold))
    if face is None:
        import pygame.freetype as freetype
        if not freetype.get_init():
            freetype.init()
        path = _font_file(bold)
        face = freetype.Font(path if os.path.exists(path) else None, 12)
        _forget_at_quit()
        _faces[bool(bold)] = face
    return face


def shown(text: str, bold: bool = False) -> str:
    """`text` as it is drawn: a character the font lacks becomes the replacement
    glyph (an emoji is a visible mark, not an empty box), a space it lacks a
    plain space; control characters other than line breaks and format
    characters it lacks are left out (they draw nothing anyway)."""
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs"):
            if ch.isspace():
                out.append(" ")
        elif category in ("Zs", "Zl", "Zp"):
            out.append(ch if has_glyph(ch, bold) else " ")
        elif has_glyph(ch, bold):
            out.append(ch)
        elif category != "Cf":
            out.append(REPLACEMENT if has_glyph(REPLACEMENT, bold) else "?")
    return "".join(out)


def line_height(size: int) -> int:
    return round(size * LINE_SPACING * 1.12)


def render_line(text: str, size: int, colour, bold: bool = False) -> pygame.Surface:
    key = (text, size, tuple(colour), bold)
    surf = _lines.get(key)
    if surf is None:
        global _line_bytes
        f = font(size, bold)
        try:
            surf = f.render(shown(text, bold), True, colour)
        except (pygame.error, ValueError):   # nothing to draw: "Text has zero width"
            surf = pygame.Surface((1, f.get_height()), pygame.SRCALPHA)
        _lines[key] = surf
        _line_bytes += _bytes(surf)
        while len(_lines) > 1 and (len(_lines) > _LINE_CACHE or _line_bytes > _LINE_BYTES):
            _line_bytes -= _bytes(_lines.popitem(last=False)[1])
    else:
        _lines.move_to_end(key)
    return surf


def _bytes(surf: pygame.Surface) -> int:
    return surf.get_pitch() * surf.get_height()


def text_width(text: str, size: int, bold: bool = False) -> int:
    return font(size, bold).size(shown(text, bold))[0]


def fit_size(text: str, size: int, width: int, bold: bool = False, minimum: int = 1) -> int:
    """The largest size up to `size` (not below `minimum`) at which `text` fits
    on one line of `width`. Text width grows in proportion to the size, so one
    measurement gives it; opening a font for every size tried would keep a
    glyph cache for each."""
    wide = text_width(text, size, bold)
    if wide <= width:
        return int(size)
    fitted = max(int(minimum), int(size * width / max(1, wide)))
    while fitted > minimum and text_width(text, fitted, bold) > width:
        fitted -= 1
    return fitted


_word_widths: dict[tuple[str, int, bool], int] = {}


def _word_width(word: str, size: int, bold: bool) -> int:
    key = (word, size, bold)
    w = _word_widths.get(key)
    if w is None:
        if len(_word_widths) > 8192:
            _word_widths.clear()
        w = _word_widths[key] = font(size, bold).size(word)[0]
    return w


def wrap(text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """Lines of `text` no wider than `width` (a word longer than the width is
    broken, never clipped). Newlines in the text start new lines.

    Lines are filled from remembered word widths (a layout that is tried at
    several widths measures each word once); each line is then measured
    whole, and if kerning made one too wide the exact way is used instead.
    The lines are as drawn (`shown`)."""
    text = shown(text, bold)
    space = _word_width(" ", size, bold)
    f = font(size, bold)
    out: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            out.append("")
            continue
        whole = " ".join(words)
        if len(words) < 12 and f.size(whole)[0] <= width:   # one line: as it measures
            out.append(whole)
            continue
        line, used = "", 0
        for word in words:
            w = _word_width(word, size, bold)
            if line and used + space + w <= width:
                line, used = line + " " + word, used + space + w
                continue
            if line:
                out.append(line)
            if w > width:
                return _wrap_exact(text, size, width, bold)
            line, used = word, w
        out.append(line)
    if any(f.size(line)[0] > width for line in out):
        return _wrap_exact(text, size, width, bold)
    return out


def _wrap_exact(text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """`wrap` measuring every trial line (and breaking over-long words)."""
    f = font(size, bold)
    out: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            out.append("")
            continue
        line = ""
        for word in words:
            trial = word if not line else line + " " + word
            if f.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                out.append(line)
            # break an over-long word
            while f.size(word)[0] > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and f.size(word[:cut])[0] > width:
                    cut -= 1
                out.append(word[:cut])
                word = word[cut:]
            line = word
        out.append(line)
    return out


class TextBlock:
    """Wrapped text for a given width, size and colour. Its lines are rendered
    once, when first drawn (measuring a block, e.g. to lay out pages, renders
    nothing)."""

    __slots__ = ("text", "size", "colour", "width", "bold", "align", "lines", "_surfaces",
                 "height", "line_h")

    def __init__(self, text: str, size: int, colour, width: int, bold: bool = False,
                 align: str = "left"):
        self.text, self.size, self.colour = text, int(size), tuple(colour)
        self.width, self.bold, self.align = max(1, int(width)), bold, align
        self.lines = wrap(text, self.size, self.width, bold)
        self._surfaces: Optional[list[pygame.Surface]] = None
        self.line_h = line_height(self.size)
        self.height = self.line_h * len(self.lines)

    @property
    def surfaces(self) -> list[pygame.Surface]:
        if self._surfaces is None:
            self._surfaces = [render_line(line, self.size, self.colour, self.bold)
                              for line in self.lines]
        return self._surfaces

    def draw(self, target: pygame.Surface, x: int, y: int,
             box: Optional[pygame.Rect] = None, what: str = "text") -> int:
        """Blit at (x, y); returns the height used. With `box`, text outside it
        is recorded in OVERFLOWS."""
        pad = (self.line_h - self.size * 1.36) / 2
        for i, surf in enumerate(self.surfaces):
            if self.align == "center":
                lx = x + (self.width - surf.get_width()) // 2
            elif self.align == "right":
                lx = x + self.width - surf.get_width()
            else:
                lx = x
            ly = y + i * self.line_h + max(0, round(pad))
            target.blit(surf, (lx, ly))
            if box is not None:
                check_inside(pygame.Rect(lx, ly, surf.get_width(), surf.get_height()), box,
                             what, self.lines[i])
        return self.height


def check_inside(rect: pygame.Rect, box: pygame.Rect, what: str, text: str) -> None:
    """Record `text` if its ink is outside `box` (a tolerance of 2 px)."""
    inner = rect.inflate(-4, -4)
    if not box.contains(inner) and len(OVERFLOWS) < _OVERFLOWS_KEPT:
        OVERFLOWS.append((what, text, (tuple(rect), tuple(box))))


_blocks: "OrderedDict[tuple, TextBlock]" = OrderedDict()
_BLOCK_CACHE = 48  # enough for a screen and its overlay; each block keeps its lines' pixels


def block(text: str, size: int, colour, width: int, bold: bool = False,
          align: str = "left") -> TextBlock:
    """A cached TextBlock (the same arguments give the same object)."""
    key = (text, int(size), tuple(colour), int(width), bold, align)
    b = _blocks.get(key)
    if b is None:
        b = TextBlock(text, size, colour, width, bold, align)
        _blocks[key] = b
        if len(_blocks) > _BLOCK_CACHE:
            _blocks.popitem(last=False)
    else:
        _blocks.move_to_end(key)
    return b


def draw_line(target: pygame.Surface, text: str, size: int, colour, pos, bold=False,
              anchor: str = "topleft", box: Optional[pygame.Rect] = None,
              what: str = "line") -> pygame.Rect:
    surf = render_line(text, size, colour, bold)
    rect = surf.get_rect(**{anchor: pos})
    target.blit(surf, rect)
    if box is not None:
        check_inside(rect, box, what, text)
    return rect


def clear_caches() -> None:
    """Forget fonts and rendered text (after pygame.quit or a new window)."""
    global _line_bytes
    _fonts.clear()
    _faces.clear()
    _has.clear()
    _lines.clear()
    _word_widths.clear()
    _line_bytes = 0
    _blocks.clear()
