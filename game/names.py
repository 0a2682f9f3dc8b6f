"""Player and team names as people type, paste or pass them: made safe to draw.

One rule for every way a name comes in (`--players`, typing and pasting on the
setup screen, a remembered name): characters that draw nothing are dropped
(control and format characters, zero-width spaces, soft hyphens, byte order
marks, Hangul fillers and the like), line breaks and runs of spaces become one
space, a combining mark with nothing to sit on is dropped, and the name is cut
to `NAME_LENGTH` characters. What is left is empty or has something to see;
an empty name means the default name ("Player 2"). Emoji and letters the
font lacks are kept here: the text renderer draws them as a fallback glyph
(a character this Python's Unicode does not know becomes U+FFFD here, so a
name is always printable, as the settings file wants).

    clean_name("Siti\\n Budi")          # Cleaned("Siti Budi", cut=False)
    clean_name("\\u200b").text          # "" -> the default name
    clean_name("x" * 40).cut           # True: the screen says the name was shortened

Standard library only: the command line uses it without pygame.
"""
from __future__ import annotations

import unicodedata
from typing import NamedTuple, Optional

from game.session.settings import NAME_LENGTH

# Characters that draw nothing but are not control or format characters (the
# Unicode Default_Ignorable_Code_Point set, and blanks that pass for letters).
_INVISIBLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x2800, 0x2800), (0x3164, 0x3164), (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
# dropped: control, format, surrogate and private-use characters
_DROP = {"Cc", "Cf", "Cs", "Co"}
_MARKS = {"Mn", "Me"}
REPLACEMENT = "\ufffd"
MAX_MARKS = 4             # combining marks on one letter (more only stack up out of the box)


class Cleaned(NamedTuple):
    text: str             # the name to use ("" means the default name)
    cut: bool             # it was longer than the limit and was shortened


def invisible(ch: str) -> bool:
    """True for a character that draws nothing and is not a space."""
    code = ord(ch)
    if unicodedata.category(ch) in _DROP:
        return True
    return any(lo <= code <= hi for lo, hi in _INVISIBLE)


def _spacing(ch: str) -> bool:
    """A character that separates words: spaces, tabs and line breaks."""
    return ch.isspace() or unicodedata.category(ch) in ("Zs", "Zl", "Zp")


def clean_text(text: str) -> str:
    """`text` without invisible characters; every line break, tab and run of
    spaces is one space. Leading and trailing spaces are kept (a name being
    typed may end in one); nothing is cut."""
    out: list[str] = []
    marks = 0
    for ch in unicodedata.normalize("NFC", str(text)):
        if _spacing(ch):
            if not out or out[-1] != " ":
                out.append(" ")
            marks = 0
        elif invisible(ch):
            continue
        elif unicodedata.category(ch) == "Cn":
            out.append(REPLACEMENT)   # a character newer than this Python knows
            marks = 0
        elif unicodedata.category(ch) in _MARKS:
            if not out or out[-1] == " " or marks >= MAX_MARKS:
                continue              # nothing to sit on, or a tower of accents
            out.append(ch)
            marks += 1
        else:
            out.append(ch)
            marks = 0
    return "".join(out)


def clean_name(text: Optional[str], limit: Optional[int] = NAME_LENGTH) -> Cleaned:
    """The name to use for `text` and whether it had to be shortened to `limit`
    characters (None: no limit). Never raises."""
    name = clean_text(text or "").strip()
    if limit is None or len(name) <= limit:
        return Cleaned(name, False)
    short = name[:limit]
    # a mark left at the end of the cut is fine; spaces are not
    return Cleaned(short.rstrip(), True)


def display_name(text: Optional[str], default: str) -> str:
    """The cleaned name, or `default` when nothing visible is left."""
    return clean_name(text).text or default
