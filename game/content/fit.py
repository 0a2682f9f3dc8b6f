"""How long a choice's label may be and still show in full on the card screen.

Pure (no pygame), so the validator can warn about a label too long to fit
before anyone plays the pack.

LABEL_FIT_CHARS comes from the card screen's layout (game/ui/card_layout.py)
at its worst case: a 1024x768 window, the extra-large text size, a card with
four choices in Indonesian (its words run longer than English), a 60-word
text, a picture and five words to know. There, four labels of 118 characters
of long Indonesian words (11-16 letters, as "keberangkatannya") still fit
with no text below the layout's smallest size, and labels of 120 do not; the
number keeps a little room for a longer title or longer words.
tests/ui/test_choices_fit.py renders four labels of exactly LABEL_FIT_CHARS
characters at that worst case and checks that every choice is on screen and
clickable, and that labels a fifth longer do not fit in full (so the number is
raised when the layout makes more room). Such labels still show whole, but the
card's text then scrolls above them.
"""
from __future__ import annotations

LABEL_FIT_CHARS = 115


def label_fits(text: str) -> bool:
    """True when a choice's label (one language's text) fits on its button in
    full at every window and text size, beside three other labels as long."""
    return len(" ".join(text.split())) <= LABEL_FIT_CHARS
