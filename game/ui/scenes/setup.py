"""Setup: 1 to 6 players or teams, each with its token and a name to edit."""
from __future__ import annotations

import pygame
import pygame_gui

from game.ui import text as ui_text
from game.ui.scenes.base import Scene
from game.localise import tr
from game.ui.theme import palette
from game.ui.widgets import draw_token

MAX_PLAYERS = 6
NAME_LENGTH = 16


class SetupScene(Scene):
    name = "setup"

    def __init__(self, app):
        super().__init__(app)
        given = app.options.players
        self.names: list[str] = list(given) if given else ["", "", ""]
        self.entries: list[pygame_gui.elements.UITextEntryLine] = []

    # names typed so far, or the default name in the current language
    def final_names(self) -> list[str]:
        self._read_entries()
        return [n.strip() or tr("player_default", n=i + 1) for i, n in enumerate(self.names)]

    def _read_entries(self) -> None:
        for i, entry in enumerate(self.entries):
            if i < len(self.names) and entry.alive():
                self.names[i] = entry.get_text()

    def _kill_entries(self) -> None:
        self._read_entries()
        for entry in self.entries:
            entry.kill()
        self.entries = []

    def on_exit_gui(self) -> None:
        self._kill_entries()

    def on_exit(self) -> None:
        self._kill_entries()

    def typing(self) -> bool:
        return any(e.is_focused for e in self.entries)

    def layout(self) -> None:
        self._kill_entries()
        L, C = self.L, palette()
        self.group.clear()
        pad = L.pad
        self.title_block = ui_text.block(tr("setup_title"), L.big, C.ink, L.width - 4 * pad, bold=True,
                                   align="center")
        self.hint_block = ui_text.block(tr("setup_hint"), L.body, C.ink_soft, L.width - 4 * pad,
                                  align="center")
        top = 2 * pad + self.title_block.height + self.hint_block.height + pad
        bh = L.button_h
        bottom = L.height - 2 * pad - bh
        row_h = min(bh, (bottom - top - pad) // MAX_PLAYERS)
        row_h = max(row_h, round(L.body * 1.9))
        col_w = min(L.width - 4 * pad, round(L.height * 0.95))
        x0 = (L.width - col_w) // 2
        self.rows = []
        for i, name in enumerate(self.names):
            r = pygame.Rect(x0, top + i * row_h, col_w, row_h - pad // 2)
            self.rows.append(r)
            entry_rect = pygame.Rect(r.x + round(row_h * 1.1), r.y, r.width - round(row_h * 1.1),
                                     r.height)
            entry = pygame_gui.elements.UITextEntryLine(entry_rect, self.app.manager,
                                                        placeholder_text=tr("player_default",
                                                                            n=i + 1))
            entry.set_text_length_limit(NAME_LENGTH)
            if name:
                entry.set_text(name[:NAME_LENGTH])
            self.entries.append(entry)
        # add / remove, back / start
        y = L.height - 2 * pad - bh
        third = (L.width - 4 * pad - 3 * pad) // 4
        specs = [("back", tr("back"), self.back, "quiet"),
                 ("remove", "− " + tr("remove_player"), self.remove, "quiet"),
                 ("add", "+ " + tr("add_player"), self.add, "quiet"),
                 ("start", tr("start"), self.start, "primary")]
        from game.ui.widgets import Button
        height = max(bh, max(Button.height_for(label, third, L.body) for _, label, _, _ in specs))
        y = L.height - 2 * pad - height
        for k, (name, label, fn, style) in enumerate(specs):
            b = self.button(pygame.Rect(2 * pad + k * (third + pad), y, third, height), label, fn,
                            style, name=name)
            if name == "add":
                b.enabled = len(self.names) < MAX_PLAYERS
            if name == "remove":
                b.enabled = len(self.names) > 1
        start = self.group.find("start")
        start.key = pygame.K_RETURN
        self.group.set_focus(self.group.buttons.index(start))

    # -- actions -------------------------------------------------------------
    def add(self) -> None:
        if len(self.names) < MAX_PLAYERS:
            self._read_entries()
            self.names.append("")
            self.layout()
            self.app.changed()

    def remove(self) -> None:
        if len(self.names) > 1:
            self._read_entries()
            self.names.pop()
            self.layout()
            self.app.changed()

    def back(self) -> None:
        self.app.pop(self)

    def start(self) -> None:
        names = self.final_names()
        self.app.start_game(names)

    def handle_event(self, event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            i = self.entries.index(event.ui_element) if event.ui_element in self.entries else -1
            if 0 <= i < len(self.entries) - 1:
                self.entries[i + 1].focus()
                self.app.manager.set_focus_set(self.entries[i + 1])
            else:
                event.ui_element.unfocus()
                self.app.manager.set_focus_set(None)
            return
        if self.typing():
            if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB:
                self._tab_from_entry()
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                self.app.manager.set_focus_set(None)
            if event.type != pygame.MOUSEBUTTONDOWN:
                return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.back()
                return
            if event.key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
                self.add()
                return
            if event.key in (pygame.K_MINUS, pygame.K_KP_MINUS):
                self.remove()
                return
            if event.key == pygame.K_TAB and self.entries and self.group.focus is not None \
                    and self.group.focus == len(self.group.buttons) - 1 \
                    and not event.mod & pygame.KMOD_SHIFT:
                self._focus_entry(0)
                return
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.group.focus is None:
                self.start()
                return
        self.group.handle(event)

    def _focus_entry(self, i: int) -> None:
        self.group.set_focus(None)
        self.app.manager.set_focus_set(self.entries[i])

    def _tab_from_entry(self) -> None:
        i = next(k for k, e in enumerate(self.entries) if e.is_focused)
        if i + 1 < len(self.entries):
            self._focus_entry(i + 1)
        else:
            self.app.manager.set_focus_set(None)
            self.group.set_focus(self.group.buttons.index(self.group.find("start")))

    def bot_target(self, bot):
        return self.group.find("start")

    def draw(self, surface) -> None:
        L, C = self.L, palette()
        surface.fill(C.background)
        y = 2 * L.pad
        self.title_block.draw(surface, 2 * L.pad, y, L.screen, "setup-title")
        self.hint_block.draw(surface, 2 * L.pad, y + self.title_block.height, L.screen, "hint")
        for i, r in enumerate(self.rows):
            size = min(r.height, round(L.token * 1.5))
            draw_token(surface, (r.x + r.height // 2, r.centery), size, i)
        self.group.draw(surface)
