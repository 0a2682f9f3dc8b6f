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
        L, C = self.L, palette()
        self.group.clear()
        pad = round(L.pad * 1.4)
        width = L.centred(0.8, 10).width - 2 * pad
        self.icon = round(L.big * 1.2)
        self.head = ui_text.block(tr("resume_changed_title"), L.heading, C.ink,
                            width - self.icon - pad, bold=True)
        problem = self.loaded.problem.text(self.app.lang) if self.loaded.problem else ""
        self.text = ui_text.block(problem, L.body, C.ink, width)
        labels = [("continue-anyway", tr("resume_anyway"), self.go_on, "primary"),
                  ("new-game", tr("resume_new_game"), self.start_new, "secondary")]
        bw = (width - pad) // 2
        bh = max([L.button_h] + [Button.height_for(t, bw, L.body) for _, t, *_ in labels])
        hh = max(self.icon, self.head.height)
        h = hh + pad + self.text.height + pad + bh
        self.rect = L.centred(0.8, h + 2 * pad)
        self.inner = self.rect.inflate(-2 * pad, -2 * pad)
        y = self.rect.bottom - pad - bh
        for k, (name, label, fn, style) in enumerate(labels):
            self.button(pygame.Rect(self.inner.x + k * (bw + pad), y, bw, bh), label, fn,
                        style, name=name)
        self.group.set_focus(0)

    def go_on(self) -> None:
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
