"""Every size on screen as a proportion of the window, in one place.

A `Layout` is made for one window size; screens ask it for type sizes,
margins and the rectangles of the big regions. Nothing else in the UI holds
a pixel number. Body text is never smaller than `MIN_TEXT` of the window
height, so the back row of a classroom can read it from a 1024x768 projector.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

MIN_TEXT = 0.03        # the smallest type anywhere: 3% of the screen height
BODY = 0.034           # body text
HEADING = 0.046        # card titles, panel names
BIG = 0.062            # whose turn it is
TITLE = 0.10           # the game's name on the title screen
TOPBAR = 0.095         # the band along the top that says whose turn it is
PAD = 0.018            # the usual gap
RADIUS = 0.014         # rounded corners
BUTTON = 0.085         # height of a one-line button
PANEL = 0.31           # the player panel, as a share of the width
PANEL_MIN_EM = 11      # ... and at least this many body-text "em"s wide
CARD_WIDTH = 1.45      # the card's width, as a multiple of the screen height
TOKEN = 0.040          # a token's size on the board
DIE = 0.16             # the die while it rolls


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    scale: float = 1.0     # the remembered text size (settings: 1, 1.25, 1.5)

    # -- type ---------------------------------------------------------------
    @property
    def unit(self) -> float:
        """The size everything scales with: the height, or the width of a narrow
        window (so a tall, thin window does not get huge type)."""
        return min(self.height, self.width * 0.75)

    def px(self, share: float) -> int:
        return max(1, round(self.unit * share))

    @property
    def min_text(self) -> int:
        return math.ceil(self.height * MIN_TEXT)

    def _text(self, share: float, scale: float = 1.0) -> int:
        return max(self.min_text, round(self.px(share) * scale))

    @property
    def body(self) -> int:
        return self._text(BODY, self.scale)

    @property
    def heading(self) -> int:
        return self._text(HEADING, self.scale)

    @property
    def big(self) -> int:
        """Headlines grow half as much as body text with a larger text size."""
        return self._text(BIG, 1 + (self.scale - 1) / 2)

    @property
    def label(self) -> int:
        """Labels that name the board's parts (stages, legend): body size at the
        normal text size, so a larger text size leaves the board room."""
        return self._text(BODY)

    @property
    def title(self) -> int:
        return self._text(TITLE)

    # -- spacing ------------------------------------------------------------
    @property
    def pad(self) -> int:
        return self.px(PAD)

    @property
    def radius(self) -> int:
        return self.px(RADIUS)

    @property
    def button_h(self) -> int:
        return max(self.px(BUTTON), round(self.body * 2.1))

    @property
    def border(self) -> int:
        return max(2, self.px(0.004))

    @property
    def token(self) -> int:
        return self.px(TOKEN)

    @property
    def die(self) -> int:
        return self.px(DIE)

    # -- regions ------------------------------------------------------------
    @property
    def screen(self) -> pygame.Rect:
        return pygame.Rect(0, 0, self.width, self.height)

    @property
    def topbar(self) -> pygame.Rect:
        return pygame.Rect(0, 0, self.width, max(self.px(TOPBAR), round(self.big * 1.45)))

    @property
    def chrome(self) -> pygame.Rect:
        """The menu and read-aloud buttons, at the right end of the top band on
        every screen (screens keep this corner free)."""
        bar = self.topbar
        inset = max(2, round(self.pad * 0.5))
        h = bar.height - 2 * inset
        w = round(h * 1.2) + self.pad + max(round(h * 2.6), round(self.chrome_text * 5.2))
        return pygame.Rect(bar.right - inset - w, bar.y + inset, w, h)

    @property
    def chrome_text(self) -> int:
        return max(self.min_text, min(self.body, round(self.topbar.height * 0.36)))

    @property
    def panel(self) -> pygame.Rect:
        """The current player's panel, on the right under the top bar."""
        top = self.topbar.bottom
        w = max(round(self.width * PANEL), self.body * PANEL_MIN_EM)
        w = min(w, round(self.width * 0.42))
        return pygame.Rect(self.width - w, top, w, self.height - top)

    @property
    def board(self) -> pygame.Rect:
        top = self.topbar.bottom
        return pygame.Rect(0, top, self.panel.left, self.height - top)

    def card_rect(self, full: bool = False) -> pygame.Rect:
        """Where a card (or a message) is shown, over the board."""
        if full:
            return self.screen.inflate(-2 * self.pad, -2 * self.pad)
        area = pygame.Rect(0, self.topbar.bottom, self.width, self.height - self.topbar.bottom)
        area = area.inflate(-2 * self.pad, -2 * self.pad)
        w = min(area.width, round(self.height * CARD_WIDTH))
        rect = pygame.Rect(0, 0, w, area.height)
        rect.center = area.center
        return rect

    def centred(self, width_share: float, height: int) -> pygame.Rect:
        w = min(self.width - 2 * self.pad, round(self.width * width_share))
        rect = pygame.Rect(0, 0, w, min(height, self.height - 2 * self.pad))
        rect.center = self.screen.center
        return rect
