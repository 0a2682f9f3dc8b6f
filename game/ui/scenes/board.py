"""The board: the whole journey at once, every token, the current player's
panel, whose turn it is; the die rolls and the token walks space by space.

The board sends actions through `send` (the app's one door to the engine)
and queues the beats the events that come back call for (see
`game.ui.board.beats`): short animations and overlays shown one after the
other. When the beats are done, the board shows what the state asks for: a
card waiting for a choice, the roll, or the debrief. Where things are and the
board's picture are in `game.ui.board.geometry`, the side panel in
`game.ui.board.panel`.
"""
from __future__ import annotations

from collections import deque
from typing import Optional

import pygame

from game.engine.actions import Choose, EndGame, RemovePlayer, Roll, SkipTurn
from game.engine.events import Chose, Rejected, Rolled
from game.engine.state import CARD as CARD_PHASE
from game.localise import tr
from game.ui.board.beats import Beat, FocusBeat, NoticeBeat, beats_for
from game.ui.board.geometry import Geometry, draw_board, draw_tokens
from game.ui.board.panel import draw_panel
from game.ui.scenes.base import Scene
from game.ui.text import block, draw_line, fit_size, text_width
from game.ui.theme import palette
from game.ui.widgets import Button, draw_die, draw_token, rounded


TOAST_SECONDS = 1.6     # a short message over the board (whose turn, a checkpoint passed)
UNDO_SECONDS = 2.5      # "Undone: ..." stays this long before the card comes back
ROLL_SHARE = 0.13       # the roll button is at most this share of the window's height
ROLL_SHARE_WITH_KEY = 0.155   # ... with "Space / Enter" under its label, on a big screen
BIG_SCREEN = 900        # a window this tall has room for that line
LABEL_CHARS = 48        # a choice named in the undo message is cut (with "…") after this


class BoardScene(Scene):
    name = "board"

    def __init__(self, app):
        super().__init__(app)
        self.queue: deque[Beat] = deque()
        self.shown: dict[int, tuple[str, int]] = {}
        self.focus = 0
        self.die: Optional[list] = None
        self.die_fade = 0.0
        self.moving = None
        self._toast: Optional[list] = None
        self._bg = None
        self._panel = None
        self._topbar = None
        self._round_shown = self.game.round
        self.undone = ""          # what the last undo took back, in words
        self.sync()
        self.queue.append(FocusBeat(self.game.current, True))

    @property
    def log(self):
        return self.app.log

    @property
    def game(self):
        return self.app.log.game

    def dur(self, seconds: float) -> float:
        return 0.0 if self.app.speed is None else seconds / self.app.speed

    def toast(self, text: str, seconds: float = TOAST_SECONDS) -> None:
        if self.app.speed is None:
            return
        self._toast = [text, self.dur(seconds)]
        self.app.dirty = True

    def end_toast(self) -> None:
        if self._toast is not None:
            self._toast = None
            self.app.dirty = True

    def sync(self) -> None:
        for j in self.game.journeys:
            self.shown[j.player] = (j.route, j.position)
        self.focus = self.game.current
        self.moving = None

    # -- layout -----------------------------------------------------------------
    def layout(self) -> None:
        L = self.L
        self.group.clear()
        self._bg = self._panel = self._topbar = None
        self.geo = Geometry(L, self.app.rules.board)
        p = L.panel
        label = tr("draw_card") if self.game.journey.waiting else tr("roll")
        w = p.width - 2 * L.pad
        # one line if it can (large text sizes), never below body text; at most
        # ROLL_SHARE of the height, so the panel above keeps its room: the key's
        # name goes first (F1 lists it too), then the label gets smaller
        size = fit_size(label, L.heading, w - 2 * round(L.heading * 0.6), True, L.body)
        most = round(L.height * ROLL_SHARE)
        reason = tr("key_space")
        h = Button.height_for(label, w, size, reason=reason, reason_size=L.min_text)
        if h > round(L.height * ROLL_SHARE_WITH_KEY) or L.height < BIG_SCREEN:
            reason = ""
            h = Button.height_for(label, w, size)
            while h > most and size > L.body:
                size -= 1
                h = Button.height_for(label, w, size)
        h = max(min(round(L.button_h * 1.15), most), h)
        self.roll_button = self.button(pygame.Rect(p.x + L.pad, p.bottom - L.pad - h, w, h),
                                       label, self.roll, "primary", size=size,
                                       reason=reason, name="roll", reason_size=L.min_text)
        self.roll_button.key = pygame.K_SPACE
        self.panel_body = pygame.Rect(p.x + L.pad, p.y + L.pad, w,
                                      self.roll_button.rect.top - p.y - 2 * L.pad)

    # -- actions ---------------------------------------------------------------------
    def can_roll(self) -> bool:
        return not self.queue and self.game.phase == "roll" and not self.game.over \
            and self.app.top is self

    def roll(self) -> None:
        if self.can_roll():
            self.send(Roll())

    def send(self, action) -> bool:
        """Apply an action through the engine and queue what it caused."""
        events = self.log.apply(action)
        if len(events) == 1 and isinstance(events[0], Rejected):
            return False
        self.app.on_action(self.log)
        self.queue.extend(beats_for(self, events))
        self._panel = self._topbar = None
        self.app.changed()
        return True

    def undo(self) -> None:
        """Take back the last action (repeatable): back to what it showed, and a
        short message on the board says what was undone."""
        while self.app.top is not self and len(self.app.scenes) > 1:
            self.app.pop()
        said = self.undo_message()
        if self.log.undo():
            self.app.on_action(self.log)
        self.queue.clear()
        self.die = None
        self._toast = None
        self.sync()
        self.layout()
        self.undone = said
        if said:
            self.queue.append(NoticeBeat(said, UNDO_SECONDS))
        self.app.changed()

    def undo_message(self) -> str:
        """What undoing the last action takes back, in words ("" at the start)."""
        if not self.log.actions:
            return ""
        action, events = self.log.actions[-1], self.log.events[-1]
        before = self.log.states[-2] if len(self.log.states) > 1 else self.game

        def name(player: int) -> str:
            return self.app.player_name(before.journeys[player])
        if isinstance(action, Choose):
            chose = next((e for e in events if isinstance(e, Chose)), None)
            if chose is not None:
                card = self.app.pack.card(chose.card)
                label = self.app.text(card.choices[chose.choice].label)
                if len(label) > LABEL_CHARS:
                    label = label[:LABEL_CHARS].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
                return tr("undone_choice", name=name(chose.player), label=label)
        if isinstance(action, Roll):
            rolled = next((e for e in events if isinstance(e, Rolled)), None)
            if rolled is not None:
                return tr("undone_roll", name=name(rolled.player), n=rolled.value)
            return tr("undone_turn", name=name(before.current))
        if isinstance(action, SkipTurn):
            return tr("undone_skip", name=name(before.current))
        if isinstance(action, RemovePlayer):
            return tr("undone_remove", name=name(action.player))
        if isinstance(action, EndGame):
            return tr("undone_end")
        return tr("undone_turn", name=name(before.current))

    def facilitator(self, action) -> None:
        """Skip a turn, remove a player, end the game: from the menu."""
        while self.app.top is not self and len(self.app.scenes) > 1:
            self.app.pop()
        self.queue.clear()
        self.sync()
        self.send(action)

    # -- the loop -----------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        moving = False
        if self._toast is not None:
            self._toast[1] -= dt
            if self._toast[1] <= 0:
                self._toast = None
                self.app.dirty = True
            else:
                moving = True
        if self.die is not None and not self.queue:
            self.die_fade -= dt
            if self.die_fade <= 0:
                self.die = None
                self.app.dirty = True
            else:
                moving = True
        steps = 0
        while self.queue and steps < 200:
            steps += 1
            beat = self.queue[0]
            if not beat.begun:
                beat.begun = True
                self._panel = self._topbar = None
                beat.begin(self)
                self.app.dirty = True
            if beat.step(self, dt):
                self.queue.popleft()
                self.app.dirty = True
                dt = 0.0
                continue
            if not beat.blocking:
                moving = True
            break
        if not self.queue and self.app.top is self:
            self.settle()
        return moving

    def settle(self) -> None:
        """Nothing left to show: offer what the state waits for."""
        game = self.game
        before = (self.focus, dict(self.shown))
        self.sync()
        if (self.focus, self.shown) != before:
            self._panel = self._topbar = None
            self.app.dirty = True
        if game.over:
            from game.ui.scenes.debrief import DebriefScene
            self.app.replace_all(DebriefScene(self.app))
            return
        if game.phase == CARD_PHASE:
            from game.ui.scenes.card import CardScene
            self.app.push(CardScene(self.app, self))
            return
        want = tr("draw_card") if game.journey.waiting else tr("roll")
        if self.roll_button.label != want:
            self.layout()

    def handle_event(self, event) -> None:
        if self.queue and isinstance(self.queue[0], NoticeBeat) and event.type in (
                pygame.KEYDOWN, pygame.MOUSEBUTTONUP):
            self.queue[0].done = True       # seen: go on at once
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.open_menu()
                return
            if event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER):
                self.roll()
                return
        self.group.handle(event)

    def open_menu(self) -> None:
        from game.ui.scenes.menu import MenuScene
        self.app.push(MenuScene(self.app, self))

    def bot_target(self, bot):
        if self.can_roll():
            return self.roll_button
        return None

    # -- drawing --------------------------------------------------------------------------
    def draw(self, surface) -> None:
        L = self.L
        if self._bg is None or self._bg.get_size() != (L.width, L.height):
            self._bg = draw_board(L, self.geo, self.app.rules.board)
        surface.blit(self._bg, (0, 0))
        draw_tokens(surface, L, self.geo, self.game.journeys, self.shown, self.moving, self.focus)
        if self._panel is None:
            self._panel = draw_panel(L, self.app, self.game.journeys[self.focus], self.panel_body)
        surface.blit(self._panel, L.panel.topleft)
        self.roll_button.enabled = self.can_roll() or (not self.queue
                                                       and self.game.phase == "roll")
        self.group.draw(surface)
        if self._topbar is None:
            self._topbar = self._draw_topbar()
        surface.blit(self._topbar, (0, 0))
        if self.die is not None:
            size = L.die
            r = pygame.Rect(0, 0, size, size)
            r.center = self.geo.area.center
            draw_die(surface, r, self.die[0], self.die[1])
        if self._toast is not None:
            self._draw_toast(surface, self._toast[0])

    def _draw_toast(self, surface, text: str) -> None:
        L, C = self.L, palette()
        area = L.board
        for size in (L.heading, (L.heading + L.body) // 2, L.body):
            b = block(text, size, C.ink_inverse, area.width - 6 * L.pad, bold=True,
                      align="center")
            if len(b.lines) <= 2:         # a long name: smaller, not taller
                break
        w = min(area.width - 2 * L.pad, max(l.get_width() for l in b.surfaces) + 4 * L.pad)
        r = pygame.Rect(0, 0, w, b.height + 2 * L.pad)
        r.midtop = (area.centerx, area.y + L.pad)
        rounded(surface, r, C.secondary, L.radius, shadow=L.pad // 2)
        b.draw(surface, r.centerx - b.width // 2, r.y + L.pad, r, "toast")

    def shown_round(self) -> int:
        """The round of the turn on show: while a result is still on screen (a
        beat waits), the round that turn was played in, not the next one."""
        if any(isinstance(beat, FocusBeat) and not beat.begun for beat in self.queue):
            return self._round_shown
        self._round_shown = self.game.round
        return self._round_shown

    def _draw_topbar(self) -> pygame.Surface:
        L, C = self.L, palette()
        bar = L.topbar
        surf = pygame.Surface(bar.size)
        surf.fill(C.topbar)
        j = self.game.journeys[self.focus]
        tsize = round(bar.height * 0.62)
        draw_token(surf, (L.pad + tsize // 2, bar.height // 2), tsize, j.player)
        x = L.pad * 2 + tsize
        # right side: the menu and speaker buttons (drawn by the app), the round
        # (always), then every token when there is room
        right = L.chrome.left - L.pad * 2
        label = tr("turn_of", name=self.app.player_name(j))
        rnd = tr("round", n=self.shown_round())
        rnd_size = L.chrome_text
        draw_line(surf, rnd, rnd_size, C.topbar_text, (right, bar.height // 2),
                  anchor="midright", box=bar, what="topbar-round")
        right -= text_width(rnd, rnd_size) + L.pad * 2
        small = round(bar.height * 0.42)
        n = len(self.game.journeys)
        tokens_w = n * (small + L.pad // 2)
        name_w = text_width(label, L.big, True)
        if right - tokens_w - x - name_w > L.pad * 2:
            for p in range(n):
                cx = right - (n - 1 - p) * (small + L.pad // 2) - small // 2
                draw_token(surf, (cx, bar.height // 2), small, p,
                           faded=not self.game.journeys[p].active)
            right -= tokens_w + L.pad
        box = pygame.Rect(0, 0, right + L.pad, bar.height)
        size = fit_size(label, L.big, right - x, True, L.min_text)
        if text_width(label, size, True) <= right - x:
            draw_line(surf, label, size, C.topbar_text, (x, bar.height // 2), bold=True,
                      anchor="midleft", box=box, what="turn")
            return surf
        # a long name: two lines, as large as the bar allows
        for size in range(L.big, L.min_text - 1, -max(1, (L.big - L.min_text) // 8)):
            b = block(label, size, C.topbar_text, right - x, bold=True)
            if len(b.lines) <= 2 and b.height <= bar.height:
                break
        b.draw(surf, x, (bar.height - b.height) // 2, box, "turn")
        return surf
