"""A saved game whose card pack has changed since (or that replays a little
differently): the facilitator chooses to continue anyway or to start anew.
The question is the save's own message (`LoadedSave.problem`)."""
from __future__ import annotations

import pygame

from game.ui import text as ui_text
from game.ui.scenes.base import Overlay
from game.localise import tr
from game.ui.theme import palette
from game.ui.widgets import Button, draw_warning


class ResumeChoiceScene(Overlay):
    name = "resume-choice"

    def __init__(self, app, title, loaded):
        super().__init__(app)
        self.title_scene, self.loaded = title, loaded

    def layout(self) -> None:
        """Body text if the message fits under the top band, else smaller (never
        below the 3% minimum)."""
        L = self.L
        step = max(1, (L.body - L.min_text) // 4)
        for size in list(range(L.body, L.min_text, -step)) + [L.min_text]:
            if self._build(size):
                return
        self._build(L.min_text, force=True)

    def _build(self, size: int, force: bool = False) -> bool:
        L, C = self.L, palette()
        self.group.clear()
        pad = round(L.pad * 1.4)
        top = L.topbar.bottom + L.pad
        area_w = min(L.width - 2 * L.pad, round(L.width * 0.8))
        area = pygame.Rect((L.width - area_w) // 2, top, area_w, L.height - top - L.pad)
        width = area.width - 2 * pad
        head_size = max(size, min(L.heading, round(size * 1.3)))
        self.icon = round(head_size * 1.6)
        self.head = ui_text.block(tr("resume_changed_title"), head_size, C.ink,
                                  width - self.icon - L.pad, bold=True)
        problem = self.loaded.problem.text(self.app.lang) if self.loaded.problem else ""
        self.text = ui_text.block(problem, size, C.ink, width)
        labels = [("continue-anyway", tr("resume_anyway"), self.go_on, "primary"),
                  ("new-game", tr("resume_new_game"), self.start_new, "secondary")]
        bw = (width - pad) // 2
        bh = max([L.button_h] + [Button.height_for(t, bw, size) for _, t, *_ in labels])
        hh = max(self.icon, self.head.height)
        h = hh + round(L.pad * 1.4) + self.text.height + pad + bh
        if h + 2 * pad > area.height and not force:
            return False
        self.rect = pygame.Rect(area.x, 0, area.width, min(area.height, h + 2 * pad))
        self.rect.centery = area.centery
        self.inner = self.rect.inflate(-2 * pad, -2 * pad)
        y = self.rect.bottom - pad - bh
        for k, (name, label, fn, style) in enumerate(labels):
            self.button(pygame.Rect(self.inner.x + k * (bw + pad), y, bw, bh), label, fn,
                        style, name=name, size=size)
        self.group.set_focus(0)
        return True

    def go_on(self) -> None:
        self.app.carry_notices(self.title_scene.carry)
        self.app.resume_game(self.loaded.log)

    def start_new(self) -> None:
        if self.app.top is self:
            self.app.pop(self)
        self.title_scene.start_new(self.loaded.info.pack_id)

    def handle_event(self, event) -> None:
        self.dialog_event(event, lambda: self.app.pop(self))

    def bot_target(self, bot):
        return self.group.find("continue-anyway")

    def draw(self, surface) -> None:
        L = self.L
        self.draw_panel(surface, self.rect, palette().warning_bg)
        x, y = self.inner.topleft
        hh = max(self.icon, self.head.height)
        draw_warning(surface, (x + self.icon // 2, y + hh // 2), self.icon)
        self.head.draw(surface, x + self.icon + L.pad, y + (hh - self.head.height) // 2,
                       self.rect, "resume-head")
        self.text.draw(surface, x, y + hh + round(L.pad * 1.4), self.rect, "resume-text")
        self.group.draw(surface)
