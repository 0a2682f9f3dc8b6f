"""The facilitator's menu (Esc): resume, undo, skip a turn, remove a player,
end the game, keys, fullscreen, sound, the save folder, back to the title; and
the facilitator's keys that work on every game screen (`facilitator_key`)."""
from __future__ import annotations

import math

import pygame

from game.engine.actions import EndGame, RemovePlayer, SkipTurn
from game.ui.text import block
from game.ui.scenes.base import Overlay
from game.ui.sheet import text_sizes
from game.localise import tr
from game.ui.theme import palette
from game.ui.widgets import Button, draw_token


class MenuScene(Overlay):
    name = "menu"

    def __init__(self, app, board=None):
        super().__init__(app)
        self.board = board          # None outside a game (title, setup, debrief)

    def items(self):
        app, log = self.app, self.app.log
        common = [("help", tr("menu_help"), app.show_help, "quiet", True),
                  ("settings", tr("menu_settings"), app.show_settings, "quiet", True),
                  ("fullscreen", tr("menu_fullscreen"), app.toggle_fullscreen, "quiet", True),
                  ("mute", tr("menu_mute"), app.toggle_mute, "quiet", True),
                  ("save-folder", tr("menu_save_folder"), app.open_save_notice, "quiet", True)]
        if self.board is None:
            back = []
            if app.log is not None and app.log.can_undo():     # the debrief: back into the game
                back.append(("undo", tr("menu_undo"), self.undo_from_debrief, "secondary", True))
            if any(s.name != "title" for s in app.scenes if s is not self):
                back.append(("quit", tr("menu_quit"), app.go_title, "quiet", True))
            return [("resume", tr("menu_resume"), self.close, "primary", True)] + back + common
        return [("resume", tr("menu_resume"), self.close, "primary", True),
                ("pause", tr("menu_pause"), self.pause, "secondary", True),
                ("undo", tr("menu_undo"), self.undo, "secondary", log.can_undo()),
                ("skip", tr("menu_skip"), lambda: self.act(SkipTurn()), "secondary", True),
                ("remove", tr("menu_remove"), self.remove, "secondary", True),
                ("end", tr("menu_end"), self.end, "secondary", True),
                *common,
                ("quit", tr("menu_quit"), app.go_title, "quiet", True)]

    def layout(self) -> None:
        """Body text if every item fits the screen, else smaller (never below 3%)."""
        L = self.L
        step = max(1, (L.body - L.min_text) // 4)
        for size in list(range(L.body, L.min_text, -step)) + [L.min_text]:
            if self._build(size):
                return

    def _build(self, size: int) -> bool:
        L, C = self.L, palette()
        self.group.clear()
        items = self.items()
        pad = L.pad
        cols = 2
        self.title = block(tr("menu_title"), L.big, C.ink, L.width - 6 * pad, bold=True)
        rect = L.centred(0.86, 10)
        col_w = (rect.width - 2 * pad - (cols - 1) * pad) // cols
        bh = max(round(size * 2.1), min(L.button_h, round(size * 2.6)))
        hs = [max(bh, Button.height_for(label, col_w, size)) for _, label, *_ in items]
        rows = (len(items) + cols - 1) // cols
        row_h = [max(hs[r * cols:(r + 1) * cols]) for r in range(rows)]
        h = self.title.height + pad + sum(row_h) + pad * (rows - 1) + 2 * pad
        fits = h <= L.height - 2 * L.pad
        self.rect = L.centred(0.86, h)
        y = self.rect.y + pad + self.title.height + pad
        for r in range(rows):
            for c in range(cols):
                k = r * cols + c
                if k >= len(items):
                    break
                name, label, fn, style, enabled = items[k]
                x = self.rect.x + pad + c * (col_w + pad)
                self.button(pygame.Rect(x, y, col_w, row_h[r]), label, fn, style,
                            enabled=enabled, name=name, size=size)
            y += row_h[r] + pad
        self.group.set_focus(0)
        return fits

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop(self)

    def undo(self) -> None:
        self.board.undo()

    def undo_from_debrief(self) -> None:
        """A mis-clicked "End game": back into it."""
        log = self.app.log
        if log is not None and log.undo():
            self.app.on_action(log)
            self.app.resume_game(log)

    def pause(self) -> None:
        self.close()
        self.app.pause()

    def end(self) -> None:
        """End the game for everyone, after asking."""
        self.app.push(ConfirmScene(self.app, tr("confirm_end"), tr("menu_end"),
                                   lambda: self.act(EndGame())))

    def act(self, action) -> None:
        self.board.facilitator(action)

    def remove(self) -> None:
        self.app.push(RemoveScene(self.app, self.board))

    def handle_event(self, event) -> None:
        self.dialog_event(event, self.close)

    def bot_target(self, bot):
        return pygame.K_ESCAPE

    def draw(self, surface) -> None:
        self.draw_panel(surface, self.rect)
        self.title.draw(surface, self.rect.x + self.L.pad, self.rect.y + self.L.pad, self.rect,
                        "menu-title")
        self.group.draw(surface)


class RemoveScene(Overlay):
    """Which player is leaving? (Then: are you sure?)"""
    name = "remove"

    def __init__(self, app, board):
        super().__init__(app)
        self.board = board

    def ask(self, journey) -> None:
        name = self.app.player_name(journey)
        self.app.push(ConfirmScene(self.app, tr("confirm_remove", name=name), tr("remove_yes"),
                                   lambda: self.board.facilitator(RemovePlayer(journey.player))))

    def layout(self) -> None:
        """Every player still playing, each a button with their token and whole
        name: one column, or two, at the largest text size at which all of them
        and Cancel fit under the top band (the menu's corner stays free)."""
        L, C = self.L, palette()
        self.group.clear()
        pad = L.pad
        people = [j for j in self.app.log.game.journeys if j.active]
        names = [self.app.player_name(j) for j in people]
        top = L.chrome.bottom + pad // 2
        room = pygame.Rect(pad, top, L.width - 2 * pad, L.height - top - pad)
        for size in text_sizes(L):
            for cols, share in ((1, 0.64), (2, 1.0)):
                width = min(room.width, round(L.width * share))
                cw = (width - 2 * pad - (cols - 1) * pad) // cols
                title = block(tr("remove_title"), max(size, round(L.big * size / L.body)),
                              C.ink, width - 2 * pad, bold=True)
                bh = max([round(size * 2.1)] + [Button.height_for(n, cw - round(size * 1.5),
                                                                  size) for n in names])
                rows = math.ceil(len(people) / cols)
                cancel_h = round(size * 2.1)
                h = pad + title.height + pad + rows * (bh + pad) + cancel_h + pad
                if h <= room.height:
                    break
            else:
                continue
            break
        self.title = title
        self.rect = pygame.Rect(0, 0, width, min(h, room.height))
        self.rect.center = room.center
        y0 = self.rect.y + pad + title.height + pad
        for k, j in enumerate(people):
            r = pygame.Rect(self.rect.x + pad + (k % cols) * (cw + pad),
                            y0 + (k // cols) * (bh + pad), cw, bh)
            self.button(r, names[k], lambda j=j: self.ask(j), "choice",
                        name=f"remove-{j.player}", align="left", size=size,
                        icon=lambda s, box, fg, p=j.player: draw_token(
                            s, box.center, box.height, p))
        y = y0 + rows * (bh + pad)
        self.button(pygame.Rect(self.rect.x + pad, y, width - 2 * pad, cancel_h), tr("cancel"),
                    self.close, "quiet", name="cancel", size=size)
        self.group.set_focus(len(self.group.buttons) - 1)

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop(self)

    def handle_event(self, event) -> None:
        self.dialog_event(event, self.close)

    def draw(self, surface) -> None:
        self.draw_panel(surface, self.rect)
        self.title.draw(surface, self.rect.x + self.L.pad, self.rect.y + self.L.pad, self.rect,
                        "remove-title")
        self.group.draw(surface)


class ConfirmScene(Overlay):
    """A question before something that cannot be taken back lightly."""
    name = "confirm"

    def __init__(self, app, question: str, yes: str, on_yes):
        super().__init__(app)
        self.question, self.yes, self.on_yes = question, yes, on_yes

    def layout(self) -> None:
        L, C = self.L, palette()
        self.group.clear()
        pad = L.pad
        rect = L.centred(0.7, 10)
        w = rect.width - 2 * pad
        self.text = block(self.question, L.heading, C.ink, w, bold=True)
        bw = (w - pad) // 2
        bh = max(L.button_h, Button.height_for(self.yes, bw, L.body),
                 Button.height_for(tr("cancel"), bw, L.body))
        self.rect = L.centred(0.7, self.text.height + 3 * pad + bh)
        y = self.rect.bottom - pad - bh
        self.button(pygame.Rect(self.rect.x + pad, y, bw, bh), tr("cancel"), self.close,
                    "quiet", name="cancel")
        self.button(pygame.Rect(self.rect.x + 2 * pad + bw, y, bw, bh), self.yes, self.confirm,
                    "primary", name="yes")
        self.group.set_focus(0)          # the safe answer has the focus

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop(self)

    def confirm(self) -> None:
        self.close()
        self.on_yes()

    def handle_event(self, event) -> None:
        self.dialog_event(event, self.close)

    def bot_target(self, bot):
        return self.group.find("yes")

    def draw(self, surface) -> None:
        self.draw_panel(surface, self.rect)
        self.text.draw(surface, self.rect.x + self.L.pad, self.rect.y + self.L.pad, self.rect,
                       "confirm-text")
        self.group.draw(surface)


def facilitator_key(app, event) -> bool:
    """R reads aloud, P pauses for discussion, Ctrl+Z undoes (from any game screen,
    and from the debrief back into the game); any other key stops the reading.
    True when the key was used."""
    key, top = event.key, app.top
    if key == pygame.K_r and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        app.read_aloud.read()
        return True
    app.read_aloud.stop()
    name = top.name if top is not None else ""
    board = app.board()
    if key == pygame.K_p and name != "pause" and board is not None \
            and name not in ("settings", "help", "remove"):
        app.pause()
        return True
    if key == pygame.K_z and event.mod & pygame.KMOD_CTRL and name != "pause":
        if board is not None:
            board.undo()
            return True
        if name == "debrief" and app.log is not None and app.log.can_undo():
            app.log.undo()                    # a mis-clicked "End game": back into it
            app.on_action(app.log)
            app.resume_game(app.log)
            return True
    return False
