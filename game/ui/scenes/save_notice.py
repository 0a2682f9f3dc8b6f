"""Saving, seen on the game screens: a banner in the top band when the game
cannot be saved (once, when it starts failing), when it is saved again, or
when a message waits for the facilitator; and the screen it opens, which says
what went wrong and offers other folders to tap (a facilitator with a mouse
and no keyboard never types a path).

The banner lies over the top band's left part (whose turn it is: the panel
says it too), never over the card or the roll button: a card that reaches into
the top band (extra-large text on a small screen) hides it until the board is
back. The menu and read-aloud buttons stay free. It goes when tapped; "saved
again" also goes by itself after it has been in view OK_SECONDS.
"""
from __future__ import annotations

from typing import Optional

import pygame

from game.localise import tr
from game.ui import text as ui_text
from game.ui.scenes.base import Overlay
from game.ui.theme import palette
from game.ui.widgets import Button, draw_warning, rounded

OK_SECONDS = 6.0        # "saved again" stays this long
MAX_CHOICES = 6         # folders offered at once (the one in use first)
MAX_NOTES = 3           # messages shown at once (the save's own first)

WARNING, OK, INFO = "warning", "ok", "info"


class Banner(Button):
    """A button that looks like a message: warning colours and a warning sign
    (or the safe green when the game is saved again)."""

    def __init__(self, rect, label, on_press, kind: str, size: int):
        super().__init__(rect, label, on_press, "secondary", size=size, name="save-banner",
                         icon=None if kind == OK else _warning_icon, align="left")
        self.kind = kind

    def colours(self):
        C = palette()
        if self.kind == OK:
            return C.safe_bg, C.safe
        return C.warning_bg, C.ink

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        C = palette()
        edge = C.safe if self.kind == OK else C.warning
        pygame.draw.rect(surface, edge, self.rect, max(2, self.size // 8),
                         border_radius=max(6, round(self.size * 0.45)))


def _warning_icon(surface, box: pygame.Rect, colour) -> None:
    draw_warning(surface, box.center, box.height)


def banner_label(kind: str) -> str:
    return {WARNING: tr("save_banner_failed"), OK: tr("save_banner_ok"),
            INFO: tr("notice_banner")}[kind]


def make_banner(app, kind: str) -> Banner:
    """The banner for `kind`, in the top band left of the menu button, its
    words as large as fit (two lines at most, never below the 3% minimum)."""
    L = app.L
    chrome = L.chrome
    inset = chrome.y
    rect = pygame.Rect(inset, inset, chrome.left - L.pad - inset, chrome.height)
    label = banner_label(kind)
    size = L.min_text
    for s in range(max(L.chrome_text, L.body), L.min_text - 1, -1):
        b = Banner(rect, label, lambda: None, kind, s)
        inner = b._inner()
        words = ui_text.block(label, s, (0, 0, 0), inner.width, bold=True)
        if len(words.lines) <= 2 and words.height <= inner.height + b.size // 2:
            size = s
            break
    return Banner(rect, label, app.open_save_notice, kind, size)


class SaveNoticeScene(Overlay):
    """What went wrong with saving (or the waiting messages), and the folders
    to save in instead; the one in use is first and marked (tapping it tries
    it again)."""
    name = "save-folder"

    def __init__(self, app):
        super().__init__(app)
        self.choices = app.session.folder_choices()

    def texts(self) -> list[str]:
        problem = self.app.session.save_problem
        found = [problem.text(self.app.lang)] if problem is not None else []
        return found + list(self.app.messages)

    def layout(self) -> None:
        """Body text if everything fits, else smaller (never below the 3% minimum)."""
        L = self.L
        step = max(1, (L.body - L.min_text) // 4)
        for size in list(range(L.body, L.min_text, -step)) + [L.min_text]:
            if self._build(size, MAX_CHOICES) or self._build(size, 3):
                return
        self._build(L.min_text, 2, force=True)

    def _build(self, size: int, most: int, force: bool = False) -> bool:
        L, C = self.L, palette()
        self.group.clear()
        pad = L.pad
        top = L.topbar.bottom + pad
        area_w = min(L.width - 2 * pad, round(L.width * 0.84))
        area = pygame.Rect((L.width - area_w) // 2, top, area_w, L.height - top - pad)
        width = area.width - 2 * pad
        small = max(L.min_text, round(size * 0.8))
        heading = tr("save_folder_title") if self.app.session.save_problem is not None \
            or not self.app.messages else tr("messages_title")
        close_w = max(width // 4, ui_text.text_width(tr("back_to_game"), size, True) + 3 * size)
        close_h = max(L.button_h * 3 // 4, Button.height_for(tr("back_to_game"), close_w, size))
        self.head = ui_text.block(heading, max(size, min(L.heading, round(size * 1.25))), C.ink,
                                  width - close_w - pad, bold=True)
        self.notes = [ui_text.block(t, small, C.ink, width - 2 * pad)
                      for t in self.texts()[:MAX_NOTES]]
        self.pick = ui_text.block(tr("save_folder_pick"), size, C.ink, width, bold=True)
        others = sorted((c for c in self.choices if c.kind != "in-use"),
                        key=lambda c: not c.writable)[:most - 1]   # usable ones first
        chosen = [c for c in self.choices if c.kind == "in-use"][:1] + others
        heights = []
        for c in chosen:
            reason = str(c.path) if c.writable else f"{tr('folder_not_writable')}: {c.path}"
            heights.append(max(L.button_h * 3 // 4, Button.height_for(
                tr(f"folder.{c.kind}"), width, size, reason=reason, reason_size=small)))
        notes_h = sum(b.height for b in self.notes) + (2 * pad if self.notes else 0)
        head_h = max(self.head.height, close_h)
        h = (head_h + pad + notes_h + (pad if self.notes else 0)
             + self.pick.height + pad // 2 + sum(heights) + pad // 2 * (len(heights) - 1))
        if h + 2 * pad > area.height and not force:
            return False
        self.rect = pygame.Rect(area.x, 0, area.width, min(area.height, h + 2 * pad))
        self.rect.centery = area.centery
        x, y = self.rect.x + pad, self.rect.y + pad
        self.head_at = (x, y + (head_h - self.head.height) // 2)
        close = self.button(pygame.Rect(self.rect.right - pad - close_w, y, close_w, close_h),
                            tr("back_to_game"), self.close, "primary", name="close", size=size)
        y += head_h + pad
        self.notes_rect = None
        if self.notes:
            self.notes_rect = pygame.Rect(x, y, width, notes_h)
            y += notes_h + pad
        self.pick_at = (x, y)
        y += self.pick.height + pad // 2
        for c, bh in zip(chosen, heights):
            reason = str(c.path) if c.writable else f"{tr('folder_not_writable')}: {c.path}"
            b = self.button(pygame.Rect(x, y, width, bh), tr(f"folder.{c.kind}"),
                            lambda c=c: self.use(c), "choice", name=f"folder-{c.kind}",
                            reason=reason, reason_size=small, align="left", size=size,
                            enabled=c.writable or c.kind == "in-use")
            b.selected = c.kind == "in-use"
            y += bh + pad // 2
        self.group.set_focus(self.group.buttons.index(close))
        return True

    def use(self, choice) -> None:
        """Save there from now on (the game being played at once)."""
        app = self.app
        app.session.use_folder(choice.path, app.log, app.lang)
        app.save_news()
        self.choices = app.session.folder_choices()
        self.layout()
        app.changed()

    def close(self) -> None:
        self.app.messages.clear()
        if self.app.banner != OK:
            self.app.banner = None
        if self.app.top is self:
            self.app.pop(self)

    def handle_event(self, event) -> None:
        self.dialog_event(event, self.close)

    def bot_target(self, bot):
        return self.group.find("close")

    def draw(self, surface) -> None:
        L, C = self.L, palette()
        self.draw_panel(surface, self.rect)
        self.head.draw(surface, *self.head_at, self.rect, "save-folder-title")
        if self.notes_rect is not None:
            r = self.notes_rect
            rounded(surface, r, C.warning_bg, L.radius, L.border, C.warning)
            y = r.y + L.pad
            for b in self.notes:
                y += b.draw(surface, r.x + L.pad, y, r, "save-folder-note")
        self.pick.draw(surface, *self.pick_at, self.rect, "save-folder-pick")
        self.group.draw(surface)


def banner_for(app) -> Optional[Banner]:
    """The banner to show now, or None: no game on screen, nothing to say, or a
    card (or dialog) reaching into the top band, which the banner never covers:
    it shows again on the board."""
    if app.banner is None or app.board() is None:
        return None
    top = app.top
    if top is not None and top.name in ("save-folder", "menu", "settings", "help"):
        return None
    banner = make_banner(app, app.banner)
    for scene in app.scenes:
        rect = getattr(scene, "rect", None)
        if scene.name != "board" and isinstance(rect, pygame.Rect) \
                and rect.colliderect(banner.rect.inflate(app.L.pad, app.L.pad)):
            return None
    return banner
