"""What a screen drew where: its texts, its picture and its buttons, as rectangles.

The card, feedback and outcome screens note each text they draw (the box its
ink covers and the words) and their picture in a `Regions` list while they
draw; `drawn_regions(scene)` adds the buttons. Tests use it to check that
nothing overlaps and that the words meant to be on screen are there.
"""
from __future__ import annotations

from typing import NamedTuple

import pygame

TEXT, PICTURE, BUTTON = "text", "picture", "button"


class Drawn(NamedTuple):
    kind: str            # TEXT, PICTURE or BUTTON
    what: str            # e.g. "card-text", "glossary-entry", "choice-1"
    rect: pygame.Rect
    text: str = ""


class Regions(list):
    """The Drawn items of one frame, in drawing order."""

    def add(self, kind: str, what: str, rect, text: str = "") -> None:
        self.append(Drawn(kind, what, pygame.Rect(rect), text))

    def block(self, what: str, block, x: int, y: int) -> None:
        """A TextBlock drawn at (x, y): the box its lines' ink covers."""
        if not block.lines or not block.text.strip():
            return
        widths = [s.get_width() for s in block.surfaces]
        if block.align == "center":
            left = x + min((block.width - w) // 2 for w in widths)
        elif block.align == "right":
            left = x + block.width - max(widths)
        else:
            left = x
        self.add(TEXT, what, (left, y, max(widths), block.height), block.text)


def drawn_regions(scene) -> list[Drawn]:
    """What `scene` drew at its last frame, and its buttons."""
    out = list(getattr(scene, "drawn", ()))
    for b in scene.group.buttons:
        out.append(Drawn(BUTTON, b.name, pygame.Rect(b.rect), b.label))
    return out


def overlaps(items: list[Drawn]) -> list[tuple[Drawn, Drawn]]:
    """Pairs that cover each other: two texts, a text and a button or the picture,
    two buttons, a button and the picture (a text inside a button is the button's)."""
    out = []
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.rect.colliderect(b.rect):
                out.append((a, b))
    return out
