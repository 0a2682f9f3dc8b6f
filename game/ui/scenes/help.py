"""The keys, listed for the facilitator (F1 or H; any key closes)."""
from __future__ import annotations

import pygame

from game.ui import text as ui_text
from game.ui.scenes.base import Overlay
from game.localise import tr
from game.ui.theme import palette
from game.ui.widgets import rounded

KEYS = [("key_space", "key_roll"), ("1 2 3 4", "key_choose"), ("← →", "key_arrows"),
        ("Esc", "key_menu"), ("P", "key_pause"), ("R", "key_read"), ("Ctrl+Z", "key_undo"),
        ("F11", "key_fullscreen"),
        ("M", "key_mute"), ("F1 / H", "key_help")]


class HelpScene(Overlay):
    name = "help"

    def layout(self) -> None:
        """Body text if the list fits the screen, else smaller (never below 3%)."""
        L = self.L
        step = max(1, (L.body - L.min_text) // 4)
        for size in list(range(L.body, L.min_text, -step)) + [L.min_text]:
            self._build(size)
            if self.rect.height >= self.need:
                return

    def _build(self, size: int) -> None:
        L, C = self.L, palette()
        pad = round(L.pad * 1.4)
        self.rect = L.centred(0.8, 10)
        width = self.rect.width - 2 * pad
        key_w = max(ui_text.text_width(tr(k) if k.startswith("key_") else k, size, True)
                    for k, _ in KEYS) + 2 * L.pad
        key_w = min(key_w, width // 2)
        self.title = ui_text.block(tr("help_title_keys"), L.big, C.ink, width, bold=True)
        self.rows = []
        for key, what in KEYS:
            k = ui_text.block(tr(key) if key.startswith("key_") else key, size, C.ink_inverse,
                        key_w - L.pad, bold=True, align="center")
            w = ui_text.block(tr(what), size, C.ink, width - key_w - L.pad)
            self.rows.append((k, w, max(k.height, w.height) + L.pad // 2))
        self.close_hint = ui_text.block(tr("help_close"), size, C.ink_soft, width)
        h = self.title.height + L.pad + sum(r[2] for r in self.rows) + L.pad
        h += self.close_hint.height
        self.need = h + 2 * pad
        self.rect = L.centred(0.8, h + 2 * pad)
        self.inner = self.rect.inflate(-2 * pad, -2 * pad)
        self.key_w = key_w

    def handle_event(self, event) -> None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONUP) and self.app.top is self:
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_F1, pygame.K_h):
                pass
            self.app.pop(self)

    def bot_target(self, bot):
        return pygame.K_ESCAPE

    def draw(self, surface) -> None:
        L, C = self.L, palette()
        self.draw_panel(surface, self.rect)
        x, y = self.inner.topleft
        y += self.title.draw(surface, x, y, self.rect, "help-title") + L.pad
        for k, w, h in self.rows:
            rounded(surface, (x, y, self.key_w, k.height), C.secondary, L.radius)
            k.draw(surface, x + L.pad // 2, y, self.rect, "help-key")
            w.draw(surface, x + self.key_w + L.pad, y, self.rect, "help-text")
            y += h
        y += L.pad
        self.close_hint.draw(surface, x, y, self.rect, "help-close")
