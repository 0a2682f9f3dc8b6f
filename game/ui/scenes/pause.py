"""Pause for discussion (P, or the facilitator menu): the question of the card
on show, large, for the class to talk about; with no card or no question, a
plain "Pause — discuss". Nothing moves until the facilitator resumes (P, Esc,
Space, Enter, or the button): the screens below are frozen (`freeze_below`).
No timer ends a pause.
"""
from __future__ import annotations

import pygame

from game.ui import text as ui_text
from game.ui.scenes.base import Overlay
from game.localise import tr
from game.ui.theme import palette
from game.ui.widgets import Button

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
        L = self.L
        for size in range(L.big, L.min_text - 1, -max(1, (L.big - L.min_text) // 6)):
            if self._build(size):
                return
        self._build(L.min_text, force=True)

    def _build(self, size: int, force: bool = False) -> bool:
        L, C = self.L, palette()
        self.group.clear()
        pad = round(L.pad * 1.6)
        rect = L.screen.inflate(-2 * L.pad, -2 * L.pad)
        width = L.centred(0.9, 10).width - 2 * pad
        self.head = ui_text.block(tr("pause_title"), L.heading, C.secondary, width, bold=True)
        self.card_title = ui_text.block(self.app.text(self.card.title), L.body, C.ink_soft, width,
                                  bold=True) if self.question else None
        body = self.question or tr("pause_general")
        self.body = ui_text.block(body, size, C.ink, width, bold=True)
        label = tr("pause_resume")
        bw = min(width, max(round(L.height * 0.45), ui_text.text_width(label, L.heading, True)
                            + 3 * L.heading))
        bh = max(L.button_h, Button.height_for(label, bw, L.heading))
        h = self.head.height + pad // 2 + (self.card_title.height + pad // 2
                                           if self.card_title else 0)
        h += self.body.height + 2 * pad + bh
        if h + 2 * pad > rect.height and not force:
            return False
        self.rect = L.centred(0.9, max(h + 2 * pad, round(L.height * 0.55)))
        self.inner = self.rect.inflate(-2 * pad, -2 * pad)
        self.body_y = self.inner.y + self.head.height + pad // 2 + (
            self.card_title.height + pad // 2 if self.card_title else 0)
        r = pygame.Rect(0, 0, bw, bh)
        r.midbottom = (self.rect.centerx, self.rect.bottom - pad)
        b = self.button(r, label, self.close, "primary", size=L.heading, name="resume")
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
        y += self.head.draw(surface, x, y, self.rect, "pause-head") + round(L.pad * 0.8)
        if self.card_title:
            self.card_title.draw(surface, x, y, self.rect, "pause-card")
        self.body.draw(surface, x, self.body_y, self.rect, "pause-question")
        self.group.draw(surface)
