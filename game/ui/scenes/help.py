"""The keys, listed for the facilitator (F1 or H, or Help in the menu; any key,
a tap anywhere or its Back button closes it: a facilitator with only a mouse
or a touch screen sees how to close it).

The arrow keys are drawn as arrows: the game's font has no arrow characters.
The list gets smaller type until it fits under the top band (never below
the 3% minimum)."""
from __future__ import annotations

import pygame

from game.ui import text as ui_text
from game.ui.scenes.base import Overlay
from game.localise import tr
from game.ui.theme import palette
from game.ui.widgets import Button, rounded

ARROWS = "@arrows"       # a key cap with a left and a right arrow, drawn


def key_label(key: str) -> str:
    """The words on a key cap ("" for the drawn arrows)."""
    if key == ARROWS:
        return ""
    return tr(key) if key.startswith("key_") else key


def draw_arrows(surface, rect: pygame.Rect, colour) -> None:
    """A left and a right arrow, side by side in `rect`."""
    h = min(rect.height * 0.5, rect.width * 0.22)
    cy = rect.centery
    for side in (-1, 1):
        cx = rect.centerx + side * h * 1.05
        tip = cx + side * h * 0.75
        back = cx - side * h * 0.75
        pygame.draw.polygon(surface, colour, [(tip, cy), (cx, cy - h * 0.55),
                                              (cx, cy + h * 0.55)])
        pygame.draw.line(surface, colour, (back, cy), (cx, cy), max(2, round(h * 0.28)))


KEYS = [("key_space", "key_roll"), ("1 2 3 4", "key_choose"), (ARROWS, "key_arrows"),
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
            if self.fits:
                return

    def _build(self, size: int) -> None:
        L, C = self.L, palette()
        pad = round(L.pad * 1.4)
        area = self._area()
        width = area.width - 2 * pad
        key_w = max([ui_text.text_width(key_label(k), size, True) for k, _ in KEYS]
                    + [size * 3]) + 2 * L.pad
        key_w = min(key_w, width // 2)
        title_size = max(size, min(L.big, round(size * 1.5)))
        self.title = ui_text.block(tr("help_title_keys"), title_size, C.ink, width, bold=True)
        self.rows = []
        for key, what in KEYS:
            k = ui_text.block(key_label(key) or " ", size, C.ink_inverse, key_w - L.pad,
                              bold=True, align="center")
            w = ui_text.block(tr(what), size, C.ink, width - key_w - L.pad)
            self.rows.append((key, k, w, max(k.height, w.height) + L.pad // 2))
        # the Back button right of the "press any key" line (under it when narrow)
        label = tr("back")
        bw = min(width, max(width // 4, ui_text.text_width(label, size, True) + 3 * size))
        bh = max(round(size * 2.1), Button.height_for(label, bw, size))
        beside = width - bw - L.pad
        self.close_hint = ui_text.block(tr("help_close"), size, C.ink_soft,
                                        beside if beside >= width // 2 else width)
        below = beside < width // 2
        h = self.title.height + L.pad + sum(r[3] for r in self.rows) + L.pad
        h += self.close_hint.height + bh + L.pad if below else max(self.close_hint.height, bh)
        self.need = h + 2 * pad
        self.rect = pygame.Rect(area.x, area.y, area.width, min(area.height, self.need))
        self.rect.centery = area.centery
        self.fits = self.need <= area.height
        self.inner = self.rect.inflate(-2 * pad, -2 * pad)
        self.key_w = key_w
        self.group.clear()
        r = pygame.Rect(0, 0, bw, bh)
        if below:
            r.bottomright = self.inner.bottomright
            self.hint_y = r.top - L.pad - self.close_hint.height
        else:
            row_h = max(self.close_hint.height, bh)
            r.bottomright = (self.inner.right, self.inner.bottom - (row_h - bh) // 2)
            self.hint_y = self.inner.bottom - row_h + (row_h - self.close_hint.height) // 2
        self.button(r, label, self.close, "primary", size=size, name="back")

    def _area(self) -> pygame.Rect:
        """Below the top band (the menu button stays free), centred."""
        L = self.L
        top = L.topbar.bottom + L.pad
        w = min(L.width - 2 * L.pad, round(L.width * 0.8))
        return pygame.Rect((L.width - w) // 2, top, w, L.height - top - L.pad)

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop(self)

    def handle_event(self, event) -> None:
        if event.type != pygame.KEYDOWN and self.group.handle(event):
            return                       # Back pressed
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONUP):
            self.close()                 # any key, a tap anywhere

    def bot_target(self, bot):
        return pygame.K_ESCAPE

    def draw(self, surface) -> None:
        L, C = self.L, palette()
        self.draw_panel(surface, self.rect)
        x, y = self.inner.topleft
        y += self.title.draw(surface, x, y, self.rect, "help-title") + L.pad
        for key, k, w, h in self.rows:
            cap = pygame.Rect(x, y, self.key_w, k.height)
            rounded(surface, cap, C.secondary, L.radius)
            if key == ARROWS:
                draw_arrows(surface, cap, C.ink_inverse)
            else:
                k.draw(surface, x + L.pad // 2, y, self.rect, "help-key")
            w.draw(surface, x + self.key_w + L.pad, y, self.rect, "help-text")
            y += h
        self.close_hint.draw(surface, x, self.hint_y, self.rect, "help-close")
        self.group.draw(surface)
