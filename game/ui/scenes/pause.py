"""Pause for discussion (P, or the facilitator menu): the card on show stays
in view (its title and text) with its question, large, for the class to talk
about; with no card or no question, a plain "Pause — discuss". Nothing moves
until the facilitator resumes (P, Esc, Space, Enter, or the button): the
screens below are frozen (`freeze_below`). No timer ends a pause.

The question keeps its large size as long as it can; the card's text gets
smaller first, never below the 3% minimum.
"""
from __future__ import annotations

import pygame

from game.ui import text as ui_text
from game.ui.scenes.base import Overlay
from game.localise import tr
from game.ui.theme import palette
from game.ui.widgets import Button, rounded

RESUME_KEYS = (pygame.K_p, pygame.K_ESCAPE, pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER)


def card_to_discuss(app):
    """The card whose question fits the moment: the one on screen (a card or the
    feedback after it), else the card the game waits on; None when there is none."""
    for scene in reversed(app.scenes):
        card = getattr(scene, "card", None)
        if card is not None and getattr(scene, "name", "") in ("card", "feedback"):
            return card
    if app.log is not None and app.rules is not None:
        return app.rules.card_on_show(app.log.game)
    return None


def sizes(largest: int, smallest: int, steps: int = 6) -> list[int]:
    step = max(1, (largest - smallest) // steps)
    return list(range(largest, smallest, -step)) + [smallest]


class PauseScene(Overlay):
    name = "pause"
    freeze_below = True     # the app updates nothing under this screen

    def __init__(self, app):
        super().__init__(app)
        self.card = card_to_discuss(app)
        self.question = app.text(self.card.discuss) if self.card is not None and \
            self.card.discuss else ""

    def spoken(self) -> str:
        if self.question:
            return f"{self.app.text(self.card.title)}. {self.question}"
        return tr("pause_general")

    def spoken_lang(self) -> str:
        if self.question:
            return self.app.text_language(self.card.discuss)
        return self.app.lang

    def layout(self) -> None:
        """The question as large as it fits (headline size at most), the card's
        text from body size down to the minimum first."""
        L = self.L
        for q in sizes(L.big, L.min_text):
            for t in sizes(min(L.body, q), L.min_text, 4):
                if self._build(q, t):
                    return
        # a card text far longer than a card should have: its title and the question
        if not self._build(L.min_text, L.min_text, with_text=False):
            self._build(L.min_text, L.min_text, with_text=False, force=True)

    def _area(self) -> pygame.Rect:
        """Below the top band (the menu and speaker buttons stay free), centred."""
        L = self.L
        top = L.topbar.bottom + L.pad
        w = min(L.width - 2 * L.pad, round(L.width * 0.92))
        return pygame.Rect((L.width - w) // 2, top, w, L.height - top - L.pad)

    def _build(self, q: int, t: int, force: bool = False, with_text: bool = True) -> bool:
        L, C = self.L, palette()
        self.group.clear()
        area = self._area()
        pad = round(L.pad * 1.4)
        width = area.width - 2 * pad
        self.head = ui_text.block(tr("pause_title"), max(t, min(L.heading, q)), C.secondary,
                                  width, bold=True)
        card = self.card if self.question else None
        title_size = max(t, min(L.heading, round(t * 1.3)))
        self.card_title = ui_text.block(self.app.text(card.title), title_size, C.ink, width,
                                        bold=True) if card else None
        self.card_text = ui_text.block(self.app.text(card.text), t, C.ink_soft, width) \
            if card and with_text and self.app.text(card.text) else None
        body = self.question or tr("pause_general")
        self.qpad = max(pad // 2, round(q * 0.45)) if card else 0
        self.body = ui_text.block(body, q, C.ink, width - 2 * self.qpad, bold=True)
        label = tr("pause_resume")
        bw = min(width, max(round(L.height * 0.45),
                            ui_text.text_width(label, L.heading, True) + 3 * L.heading))
        # (the width is the same at every size: the button does not jump about)
        button_size = min(L.heading, max(q, t))
        bh = max(L.button_h, Button.height_for(label, bw, button_size))
        gap = round(L.pad * 0.8)
        parts = [self.head.height]
        if self.card_title:
            parts.append(self.card_title.height)
        if self.card_text:
            parts.append(self.card_text.height)
        parts.append(self.body.height + 2 * self.qpad)
        h = sum(parts) + gap * (len(parts) - 1) + pad + bh
        if h + 2 * pad > area.height and not force:
            return False
        height = min(area.height, max(h + 2 * pad, round(L.height * 0.5)))
        self.rect = pygame.Rect(area.x, area.y + (area.height - height) // 2, area.width, height)
        self.inner = self.rect.inflate(-2 * pad, -2 * pad)
        self.gap = gap
        r = pygame.Rect(0, 0, bw, bh)
        r.midbottom = (self.rect.centerx, self.rect.bottom - pad)
        b = self.button(r, label, self.close, "primary", size=button_size, name="resume")
        b.key = pygame.K_p
        self.group.set_focus(0)
        return True

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop(self)

    def handle_event(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in RESUME_KEYS:
                self.close()
            return       # no other key does anything while paused
        self.group.handle(event)

    def bot_target(self, bot):
        return pygame.K_p

    def draw(self, surface) -> None:
        L, C = self.L, palette()
        self.draw_panel(surface, self.rect)
        x, y = self.inner.topleft
        y += self.head.draw(surface, x, y, self.rect, "pause-head") + self.gap
        if self.card_title:
            y += self.card_title.draw(surface, x, y, self.rect, "pause-card-title") + self.gap
        if self.card_text:
            y += self.card_text.draw(surface, x, y, self.rect, "pause-card-text") + self.gap
        if self.card_title:
            # the question, large, in a box of its own
            box = pygame.Rect(x, y, self.inner.width, self.body.height + 2 * self.qpad)
            rounded(surface, box, C.quiet, L.radius, L.border, C.secondary)
            self.body.draw(surface, x + self.qpad, y + self.qpad, box, "pause-question")
        else:
            self.body.draw(surface, x, y, self.rect, "pause-question")
        self.group.draw(surface)
