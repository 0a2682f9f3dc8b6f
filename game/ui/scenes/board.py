"""The board: the whole journey at once, every token, the current player's
panel, whose turn it is; the die rolls and the token walks space by space.

The board sends actions through `send` (the app's one door to the engine)
and turns the events that come back into "beats": short animations (die,
walk) and overlays (card, feedback, messages, outcome) shown one after the
other. When the beats are done, the board shows what the state asks for:
a card waiting for a choice, the roll, or the debrief.
"""
from __future__ import annotations

import math
import random
from collections import deque
from typing import Optional

import pygame

from game.engine import actions as A
from game.engine import events as E
from game.engine.board import CARD, CHECKPOINT, EVENT, HOME, SAFE
from game.engine.state import CARD as CARD_PHASE
from game.ui import text as T
from game.ui.scenes.base import Scene
from game.localise import tr
from game.ui.theme import palette
from game.ui.widgets import (Button, draw_contact, draw_die, draw_document, draw_mark,
                             draw_token, rounded)

STAGES = ("recruitment", "documentation", "travel", "work")


# -- beats: what the board shows, one after another ---------------------------

class Beat:
    player: Optional[int] = None
    blocking = False

    def begin(self, board: "BoardScene") -> None:
        pass

    def step(self, board: "BoardScene", dt: float) -> bool:
        return True


class FocusBeat(Beat):
    def __init__(self, player: int, announce: bool):
        self.player, self.announce = player, announce

    def begin(self, board):
        board.focus = self.player
        if self.announce:
            j = board.game.journeys[self.player]
            board.toast(tr("turn_of", name=board.app.player_name(j)))


class ToastBeat(Beat):
    def __init__(self, text: str):
        self.text = text

    def begin(self, board):
        board.toast(self.text)


class DiceBeat(Beat):
    def __init__(self, player: int, value: int):
        self.player, self.value, self.t = player, value, 0.0

    def begin(self, board):
        self.total = board.dur(0.75)
        self.hold = board.dur(0.35)
        board.app.sounds.play("dice")
        board.die = [random.randint(1, 6), 0.0]

    def step(self, board, dt):
        self.t += dt
        if self.t < self.total:
            board.die = [1 + int(self.t * 14) % 6 if int(self.t * 14) % 6 + 1 != self.value
                         else self.value, math.sin(self.t * 20) * 25 * (1 - self.t / self.total)]
            return False
        board.die = [self.value, 0.0]
        if self.t < self.total + self.hold:
            return False
        board.die = [self.value, 0.0]
        board.die_fade = board.dur(0.6)
        return True


class WalkBeat(Beat):
    def __init__(self, player: int, route: str, path: tuple[int, ...]):
        self.player, self.route, self.path = player, route, path
        self.i, self.t = 0, 0.0

    def begin(self, board):
        self.per = board.dur(0.2)
        self.start = board.shown[self.player]

    def step(self, board, dt):
        if self.per <= 0:
            board.shown[self.player] = (self.route, self.path[-1])
            board.moving = None
            return True
        self.t += dt
        while self.t >= self.per and self.i < len(self.path):
            self.t -= self.per
            board.shown[self.player] = (self.route, self.path[self.i])
            self.i += 1
            board.app.sounds.play("step")
        if self.i >= len(self.path):
            board.moving = None
            return True
        a = board.geo.point(*board.shown[self.player])
        b = board.geo.point(self.route, self.path[self.i])
        k = self.t / self.per
        lift = math.sin(k * math.pi) * board.L.token * 0.35
        board.moving = (self.player, (a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k - lift))
        return False


class PlaceBeat(Beat):
    def __init__(self, player: int, route: str, position: int):
        self.player, self.route, self.position = player, route, position

    def begin(self, board):
        board.shown[self.player] = (self.route, self.position)


class OverlayBeat(Beat):
    """Shows an overlay screen and waits until it is closed."""
    blocking = True

    def __init__(self, player: Optional[int], make):
        self.player, self.make, self.done = player, make, False

    def begin(self, board):
        if self.player is not None:
            board.focus = self.player
        scene = self.make(board, self)
        board.app.push(scene)

    def step(self, board, dt):
        return self.done


# -- where everything is on the board ------------------------------------------

class Geometry:
    """Space centres of both routes, laid out as a winding road in four bands."""

    def __init__(self, L, board_rules, legend_h: int):
        self.L = L
        area = L.board.inflate(-2 * L.pad, -2 * L.pad)
        area.height -= legend_h
        self.area = area
        routes = board_rules.routes
        self.label_h = T.line_height(L.body)
        band_h = area.height / 4
        self.bands = []
        self.pts: dict[str, list[tuple[float, float]]] = {"regular": [], "irregular": []}
        pitch = area.width / 14
        self.r = max(6, min(pitch * 0.36, (band_h - self.label_h) * 0.19, L.px(0.028)))
        self.bend = min(band_h * 0.45, area.width * 0.06)
        x0 = area.x + self.bend + self.r + L.pad * 0.5
        x1 = area.right - self.bend - self.r - L.pad * 0.5
        self.rows: dict[str, list] = {"regular": [], "irregular": []}
        for i, stage in enumerate(STAGES):
            top = area.y + i * band_h
            rect = pygame.Rect(area.x, round(top), area.width, round(band_h))
            self.bands.append((stage, rect))
            inner = band_h - self.label_h
            ys = {"regular": top + self.label_h + inner * 0.34,
                  "irregular": top + self.label_h + inner * 0.80}
            for route in ("regular", "irregular"):
                spaces = [s for s in routes[route] if s.stage == stage]
                n = len(spaces) + (1 if i == 3 else 0)   # the last row ends at home
                xs = [x0 + (x1 - x0) * (k + 0.5) / n for k in range(n)]
                if i % 2 == 1:
                    xs.reverse()
                row = [(x, ys[route]) for x in xs]
                self.rows[route].append(row)
                self.pts[route].extend(row[:len(spaces)])
        # home: at the end of the last row, between the two roads
        last_reg = self.rows["regular"][3][-1]
        last_irr = self.rows["irregular"][3][-1]
        self.home = (min(last_reg[0], last_irr[0]) - self.r * 0.3,
                     (last_reg[1] + last_irr[1]) / 2)
        for route in ("regular", "irregular"):
            self.pts[route].append(self.home)
        self.ends = {r: (x0 - self.r * 1.2, x1 + self.r * 1.2) for r in self.pts}

    def point(self, route: str, index: int) -> tuple[float, float]:
        pts = self.pts[route]
        return pts[max(0, min(index, len(pts) - 1))]

    def road(self, route: str) -> list[tuple[float, float]]:
        """The road's polyline: rows joined by rounded bends at the sides."""
        rows = self.rows[route]
        out: list[tuple[float, float]] = []
        for i, row in enumerate(rows):
            out.extend(row if i < 3 else row[:-1])
            if i < 3:
                a, b = row[-1], rows[i + 1][0]
                side = 1 if i % 2 == 0 else -1
                x = a[0]
                ry = (b[1] - a[1]) / 2
                cy = a[1] + ry
                for k in range(1, 16):
                    t = math.pi * k / 16
                    out.append((x + side * self.bend * math.sin(t), cy - ry * math.cos(t)))
        out.append(self.home)
        return out


def _dashed(surface, colour, pts, width, dash, gap):
    """A dashed polyline."""
    draw, left = True, dash
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        seg = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < seg:
            step = min(left, seg - pos)
            if draw:
                a = (x0 + (x1 - x0) * pos / seg, y0 + (y1 - y0) * pos / seg)
                b = (x0 + (x1 - x0) * (pos + step) / seg, y0 + (y1 - y0) * (pos + step) / seg)
                pygame.draw.line(surface, colour, a, b, width)
            pos += step
            left -= step
            if left <= 0:
                draw = not draw
                left = dash if draw else gap


def draw_space_icon(surface, kind: str, center, r: float, irregular: bool = False,
                    place: str = "") -> None:
    C = palette()
    cx, cy = center
    w = max(2, round(r / 6))
    if kind == HOME:
        body = pygame.Rect(0, 0, r * 2.2, r * 1.6)
        body.midtop = (cx, cy - r * 0.35)
        pygame.draw.rect(surface, C.space_home, body, border_radius=max(2, round(r / 5)))
        roof = [(cx - r * 1.5, cy - r * 0.25), (cx, cy - r * 1.6), (cx + r * 1.5, cy - r * 0.25)]
        pygame.draw.polygon(surface, C.space_home, roof)
        pygame.draw.polygon(surface, C.ink, roof, w)
        pygame.draw.rect(surface, C.ink, body, w, border_radius=max(2, round(r / 5)))
        door = pygame.Rect(0, 0, r * 0.6, r * 0.9)
        door.midbottom = body.midbottom
        pygame.draw.rect(surface, C.paper, door)
        return
    if kind == CHECKPOINT:
        box = pygame.Rect(0, 0, r * 2.3, r * 2.3)
        box.center = (cx, cy)
        pygame.draw.rect(surface, C.space_checkpoint, box, border_radius=round(r / 3))
        pygame.draw.rect(surface, C.ink, box, w, border_radius=round(r / 3))
        # a barrier: a bar with stripes
        bar = pygame.Rect(0, 0, r * 1.7, r * 0.55)
        bar.center = (cx, cy)
        pygame.draw.rect(surface, C.paper, bar)
        for k in range(3):
            x = bar.x + bar.width * (0.15 + 0.3 * k)
            pygame.draw.line(surface, C.accent, (x, bar.bottom), (x + bar.height * 0.8, bar.top),
                             max(2, round(r / 5)))
        return
    if irregular:
        fill = C.space_irregular
        pygame.draw.circle(surface, fill, center, r)
        pygame.draw.circle(surface, C.paper, center, r, w)
    elif kind == SAFE:
        pygame.draw.circle(surface, C.space_safe, center, r * 1.1)
        pygame.draw.circle(surface, C.ink, center, r * 1.1, w)
        # a heart
        k = r * 0.42
        pygame.draw.circle(surface, C.paper, (cx - k * 0.9, cy - k * 0.3), k)
        pygame.draw.circle(surface, C.paper, (cx + k * 0.9, cy - k * 0.3), k)
        pygame.draw.polygon(surface, C.paper, [(cx - k * 1.85, cy - k * 0.05),
                                               (cx + k * 1.85, cy - k * 0.05), (cx, cy + k * 1.9)])
        return
    else:
        fill = C.space_event if kind == EVENT else C.space_card
        pygame.draw.circle(surface, fill, center, r)
        pygame.draw.circle(surface, C.road_edge, center, r, w)
    if kind == EVENT:
        T.draw_line(surface, "?", max(8, round(r * 1.35)),
                    C.paper if irregular else C.ink, (cx, cy), bold=True, anchor="center")


# -- the board screen -------------------------------------------------------------

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

    def toast(self, text: str) -> None:
        if self.app.speed is None:
            return
        self._toast = [text, self.dur(1.6)]
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
        self.legend = self._legend_items()
        self.geo = Geometry(L, self.app.rules.board, self.legend_h)
        p = L.panel
        label = tr("draw_card") if self.game.journey.waiting else tr("roll")
        w = p.width - 2 * L.pad
        # one line if it can (large text sizes), never below body text
        size = T.fit_size(label, L.heading, w - 2 * round(L.heading * 0.6), True, L.body)
        h = max(round(L.button_h * 1.15),
                Button.height_for(label, w, size, reason=tr("key_space"),
                                  reason_size=L.min_text))
        self.roll_button = self.button(pygame.Rect(p.x + L.pad, p.bottom - L.pad - h, w, h),
                                       label, self.roll, "primary", size=size,
                                       reason=tr("key_space"), name="roll",
                                       reason_size=L.min_text)
        self.roll_button.key = pygame.K_SPACE
        self.panel_body = pygame.Rect(p.x + L.pad, p.y + L.pad, w,
                                      self.roll_button.rect.top - p.y - 2 * L.pad)

    def _legend_items(self):
        L = self.L
        items = [("regular", tr("route_regular")), ("irregular", tr("route_irregular")),
                 (CHECKPOINT, tr("checkpoint")), (SAFE, tr("legend_safe")),
                 (EVENT, tr("legend_event"))]
        area_w = L.board.width - 2 * L.pad
        sample = round(L.body * 2.2)
        rows, x, row = [[]], 0, 0
        for key, label in items:
            w = sample + L.pad + T.text_width(label, L.body) + L.pad * 2
            if x + w > area_w and rows[-1]:
                rows.append([])
                x = 0
            rows[-1].append((key, label, x))
            x += w
        self.legend_h = len(rows) * T.line_height(L.body) + L.pad // 2
        return rows

    # -- actions ---------------------------------------------------------------------
    def can_roll(self) -> bool:
        return not self.queue and self.game.phase == "roll" and not self.game.over \
            and self.app.top is self

    def roll(self) -> None:
        if self.can_roll():
            self.send(A.Roll())

    def send(self, action) -> bool:
        """Apply an action through the engine and queue what it caused."""
        before = self.game
        events = self.log.apply(action)
        if len(events) == 1 and isinstance(events[0], E.Rejected):
            return False
        self.app.on_action(self.log)
        self.queue.extend(self.beats_for(events, before))
        self._panel = self._topbar = None
        self.app.changed()
        return True

    def undo(self) -> None:
        """Take back the last action (repeatable): back to what it showed."""
        while self.app.top is not self and len(self.app.scenes) > 1:
            self.app.pop()
        if self.log.undo():
            self.app.on_action(self.log)
        self.queue.clear()
        self.die = None
        self._toast = None
        self.sync()
        self.layout()
        self.app.changed()

    def facilitator(self, action) -> None:
        """Skip a turn, remove a player, end the game: from the menu."""
        while self.app.top is not self and len(self.app.scenes) > 1:
            self.app.pop()
        self.queue.clear()
        self.sync()
        self.send(action)

    # -- events to beats ------------------------------------------------------------
    def beats_for(self, events, before) -> list[Beat]:
        from game.ui.scenes import card as card_scene
        from game.ui.scenes import outcome as outcome_scene
        pack = self.app.pack
        out: list[Beat] = []
        last_card = None
        for k, ev in enumerate(events):
            kind = type(ev)
            if kind is E.TurnStarted:
                out.append(FocusBeat(ev.player, True))
            elif kind is E.TurnLost:
                name = self.app.player_name(self.game.journeys[ev.player])
                out.append(OverlayBeat(ev.player, lambda b, beat, n=name: card_scene.MessageScene(
                    b.app, beat, tr("turn_lost", name=n), "warning")))
            elif kind is E.TurnSkipped:
                name = self.app.player_name(self.game.journeys[ev.player])
                out.append(ToastBeat(tr("turn_skipped", name=name)))
            elif kind is E.Rolled:
                out.append(DiceBeat(ev.player, ev.value))
            elif kind is E.Moved:
                out.append(WalkBeat(ev.player, ev.route, ev.path))
            elif kind is E.RouteChanged:
                out.append(PlaceBeat(ev.player, ev.route, ev.position))
            elif kind is E.CheckpointPassed:
                out.append(ToastBeat(tr("checkpoint_passed")))
            elif kind is E.CheckpointHeld:
                docs = ", ".join(self.app.text(pack.document(d).name) for d in ev.missing)
                out.append(OverlayBeat(ev.player, lambda b, beat, d=docs: card_scene.MessageScene(
                    b.app, beat, tr("checkpoint_held", docs=d), "checkpoint",
                    title=tr("checkpoint"))))
            elif kind is E.SafeSpace:
                msg = tr(f"safe_{ev.place}")
                if ev.contact:
                    msg += "\n" + tr("contact_learned",
                                     name=self.app.text(pack.contact(ev.contact).name))
                out.append(OverlayBeat(ev.player, lambda b, beat, m=msg, p=ev.place:
                                       card_scene.MessageScene(b.app, beat, m, "safe",
                                                               title=tr(f"safe_place_{p}"))))
            elif kind is E.CardDrawn:
                last_card = ev.card
            elif kind is E.NoChoiceOffered:
                title = self.app.text(pack.card(ev.card).title)
                out.append(OverlayBeat(ev.player, lambda b, beat, t=title:
                                       card_scene.MessageScene(b.app, beat, tr("no_choice"),
                                                               "warning", title=t)))
            elif kind is E.NothingToDraw:
                out.append(OverlayBeat(ev.player, lambda b, beat: card_scene.MessageScene(
                    b.app, beat, tr("nothing_to_draw"), "info")))
            elif kind is E.Chose:
                effects = next((e for e in events[k + 1:] if type(e) is E.EffectsApplied
                                and e.player == ev.player), None)
                route = next((e.route for e in events[k + 1:] if type(e) is E.RouteChanged
                              and e.player == ev.player), None)
                out.append(OverlayBeat(ev.player, lambda b, beat, c=ev, fx=effects, r=route:
                                       card_scene.FeedbackScene(b.app, beat, c, fx, r)))
            elif kind is E.JourneyEnded and ev.outcome is not None:
                out.append(OverlayBeat(ev.player, lambda b, beat, e=ev:
                                       outcome_scene.OutcomeScene(b.app, beat, e)))
        return out

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
            if not getattr(beat, "_begun", False):
                beat._begun = True
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
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.open_menu()
                return
            if event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER):
                self.roll()
                return
            if event.key == pygame.K_z and event.mod & pygame.KMOD_CTRL:
                self.undo()
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
            self._bg = self._draw_background()
        surface.blit(self._bg, (0, 0))
        self._draw_tokens(surface)
        if self._panel is None:
            self._panel = self._draw_panel()
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
        b = T.block(text, L.heading, C.ink_inverse, area.width - 6 * L.pad, bold=True,
                    align="center")
        w = min(area.width - 2 * L.pad, max(l.get_width() for l in b.surfaces) + 4 * L.pad)
        r = pygame.Rect(0, 0, w, b.height + 2 * L.pad)
        r.midtop = (area.centerx, area.y + L.pad)
        rounded(surface, r, C.secondary, L.radius, shadow=L.pad // 2)
        b.draw(surface, r.centerx - b.width // 2, r.y + L.pad, r, "toast")

    def _draw_background(self) -> pygame.Surface:
        L, C, geo = self.L, palette(), self.geo
        bg = pygame.Surface((L.width, L.height))
        bg.fill(C.background)
        # stage bands with their names
        for i, (stage, rect) in enumerate(geo.bands):
            band = rect.inflate(0, -max(2, L.pad // 3))
            pygame.draw.rect(bg, C[f"stage_{stage}"], band, border_radius=L.radius)
            label = tr("stage_n", n=i + 1, name=tr(f"stage_{stage}"))
            # keep clear of "Village" (first band) and "Home" (last band) at the left
            side = tr("village") if i == 0 else tr("stage_home") if i == 3 else ""
            left = band.x + L.pad + (T.text_width(side, L.body, True) + L.pad if side else 0)
            cx = max(band.centerx, left + T.text_width(label, L.body, True) // 2)
            T.draw_line(bg, label, L.body, C.ink, (cx, band.y + max(1, L.pad // 6)),
                        bold=True, anchor="midtop", box=band)
        # roads
        reg = geo.road("regular")
        irr = geo.road("irregular")
        width = max(6, round(geo.r * 1.25))
        pygame.draw.lines(bg, C.road_edge, False, reg, width + max(4, width // 3))
        pygame.draw.lines(bg, C.road, False, reg, width)
        _dashed(bg, C.irregular, irr, max(4, round(geo.r * 0.55)), geo.r * 1.1, geo.r * 0.7)
        # spaces
        board = self.app.rules.board
        for route in ("irregular", "regular"):
            for space in board.routes[route]:
                if space.kind == HOME:
                    continue
                draw_space_icon(bg, space.kind, geo.point(route, space.index), geo.r,
                                route == "irregular", space.place)
        draw_space_icon(bg, HOME, geo.home, geo.r * 1.25)
        band4 = geo.bands[3][1]
        T.draw_line(bg, tr("stage_home"), L.body, C.warning,
                    (band4.x + L.pad, band4.y + max(1, L.pad // 6)), bold=True, box=band4,
                    what="home-label")
        T.draw_line(bg, tr("village"), L.body, C.ink_soft,
                    (geo.bands[0][1].x + L.pad, geo.bands[0][1].y + max(1, L.pad // 6)),
                    bold=True, box=geo.bands[0][1], what="village-label")
        # legend
        self._draw_legend(bg)
        return bg

    def _draw_legend(self, bg) -> None:
        L, C, geo = self.L, palette(), self.geo
        y0 = geo.area.bottom + L.pad // 2
        lh = T.line_height(L.body)
        sample = round(L.body * 2.2)
        box = L.board
        for r, row in enumerate(self.legend):
            y = y0 + r * lh
            cy = y + lh // 2
            for key, label, x in row:
                x += geo.area.x
                if key == "regular":
                    w = max(6, round(geo.r))
                    pygame.draw.line(bg, C.road_edge, (x, cy), (x + sample, cy), w + 4)
                    pygame.draw.line(bg, C.road, (x + 2, cy), (x + sample - 2, cy), w)
                elif key == "irregular":
                    _dashed(bg, C.irregular, [(x, cy), (x + sample, cy)],
                            max(4, round(geo.r * 0.55)), sample / 4, sample / 6)
                else:
                    rr = min(geo.r, lh * 0.36)
                    draw_space_icon(bg, key, (x + sample / 2, cy), rr,
                                    place="family" if key == SAFE else "")
                T.draw_line(bg, label, L.body, C.ink, (x + sample + L.pad, cy),
                            anchor="midleft", box=box, what="legend")

    def _draw_tokens(self, surface) -> None:
        geo, L = self.geo, self.L
        size = round(min(L.token, geo.r * 1.7))
        groups: dict[tuple[str, int], list[int]] = {}
        game = self.game
        for j in game.journeys:
            if self.moving and self.moving[0] == j.player:
                continue
            key = self.shown.get(j.player, (j.route, j.position))
            if key[1] >= len(geo.pts[key[0]]) - 1:
                key = ("home", 0)
            groups.setdefault(key, []).append(j.player)
        for key, players in groups.items():
            base = geo.home if key[0] == "home" else geo.point(*key)
            if self.focus in players:   # the current player's token on top
                players.remove(self.focus)
                players.append(self.focus)
            n_here = len(players)
            per_row = min(3, n_here)
            for n, p in enumerate(players):
                row, col = divmod(n, per_row)
                in_row = min(per_row, n_here - row * per_row)
                ox = (col - (in_row - 1) / 2) * 0.62
                oy = 0 if n_here <= 3 else (row - 0.5) * 0.6
                c = (base[0] + ox * size, base[1] + oy * size - (size * 0.15))
                ended = not game.journeys[p].active
                if p == self.focus and not ended:
                    pygame.draw.circle(surface, palette().paper, c, size * 0.72)
                    pygame.draw.circle(surface, palette().focus, c, size * 0.72,
                                       max(2, size // 9))
                draw_token(surface, c, size, p, faded=ended)
        if self.moving:
            p, c = self.moving
            pygame.draw.circle(surface, palette().paper, c, size * 0.72)
            pygame.draw.circle(surface, palette().focus, c, size * 0.72, max(2, size // 9))
            draw_token(surface, c, size, p)

    def _draw_topbar(self) -> pygame.Surface:
        L, C = self.L, palette()
        bar = L.topbar
        surf = pygame.Surface(bar.size)
        surf.fill(C.topbar)
        j = self.game.journeys[self.focus]
        tsize = round(bar.height * 0.62)
        draw_token(surf, (L.pad + tsize // 2, bar.height // 2), tsize, j.player)
        x = L.pad * 2 + tsize
        # right side: round, every token, the menu key
        hint = tr("menu_hint")
        hint_w = T.text_width(hint, L.body)
        right = bar.width - L.pad
        hr = T.draw_line(surf, hint, L.body, C.topbar_text, (right, bar.height // 2),
                         anchor="midright", box=bar, what="topbar")
        right = hr.left - L.pad * 2
        small = round(bar.height * 0.42)
        n = len(self.game.journeys)
        tokens_w = n * (small + L.pad // 2)
        label = tr("turn_of", name=self.app.player_name(j))
        name_w = T.text_width(label, L.big, True)
        if right - tokens_w - x - name_w > L.pad * 2:
            for p in range(n):
                cx = right - (n - 1 - p) * (small + L.pad // 2) - small // 2
                draw_token(surf, (cx, bar.height // 2), small, p,
                           faded=not self.game.journeys[p].active)
            right -= tokens_w + L.pad
        rnd = tr("round", n=self.game.round)
        if right - T.text_width(rnd, L.body) - x - name_w > L.pad * 2:
            T.draw_line(surf, rnd, L.body, C.topbar_text, (right, bar.height // 2),
                        anchor="midright", box=bar, what="topbar")
            right -= T.text_width(rnd, L.body) + L.pad
        size = T.fit_size(label, L.big, right - x, True, L.min_text)
        T.draw_line(surf, label, size, C.topbar_text, (x, bar.height // 2), bold=True,
                    anchor="midleft", box=pygame.Rect(0, 0, right + L.pad, bar.height),
                    what="turn")
        return surf

    # -- the player's panel -----------------------------------------------------------
    def _draw_panel(self) -> pygame.Surface:
        L, C = self.L, palette()
        p = L.panel
        surf = pygame.Surface(p.size)
        surf.fill(C.paper)
        pygame.draw.line(surf, C.border, (0, 0), (0, p.height), L.border)
        body = self.panel_body.move(-p.x, -p.y)
        j = self.game.journeys[self.focus]
        for short, limit in ((False, None), (True, None), (True, "fit")):
            ops, height = self._panel_ops(j, body.width, short, limit, body.height)
            if height <= body.height:
                break
        y = body.y
        for h, fn in ops:
            fn(surf, body.x, y)
            y += h
        return surf

    def _panel_ops(self, j, width, short, limit, avail):
        """The panel's rows as (height, draw function); shorter names when `short`,
        and with `limit` the lists stop where the space ends."""
        L, C, app, pack = self.L, palette(), self.app, self.app.pack
        ops = []
        body, lh, pad = L.body, T.line_height(L.body), L.pad
        box = pygame.Rect(0, 0, L.panel.width, L.panel.height)

        def text_op(text, size=body, colour=C.ink, bold=False, indent=0, what="panel"):
            b = T.block(text, size, colour, width - indent, bold=bold)
            return (b.height, lambda s, x, y: b.draw(s, x + indent, y, box, what))

        # name with token
        tsize = round(L.heading * 1.2)
        name = T.block(app.player_name(j), L.heading, C.ink, width - tsize - pad, bold=True)
        hh = max(tsize, name.height)

        def head(s, x, y):
            draw_token(s, (x + tsize // 2, y + hh // 2), tsize, j.player)
            name.draw(s, x + tsize + pad, y + (hh - name.height) // 2, box, "panel-name")
        ops.append((hh + pad // 2, head))
        route = tr("route_irregular") if j.route == "irregular" else tr("route_regular")
        if j.waiting:
            route += " · " + tr("waiting_checkpoint")
        if not j.active:
            route = tr("journey_over")
        ops.append(text_op(route, colour=C.warning if j.route == "irregular" else C.safe,
                           bold=True))

        def pair(label, value, colour):
            lw = T.text_width(label, body)
            vw = T.text_width(value, body, True)
            if lw + vw + pad <= width:
                def fn(s, x, y):
                    T.draw_line(s, label, body, C.ink, (x, y), box=box, what="panel")
                    T.draw_line(s, value, body, colour, (x + width, y), bold=True,
                                anchor="topright", box=box, what="panel")
                return (lh, fn)
            a = T.block(label, body, C.ink, width)
            b = T.block(value, body, colour, width, bold=True)
            return (a.height + b.height, lambda s, x, y: (a.draw(s, x, y, box),
                                                          b.draw(s, x, y + a.height, box)))
        ops.append(pair(tr("money"), app.money(j.money), C.ink))
        ops.append(pair(tr("debt"), app.money(j.debt), C.warning if j.debt else C.ink))
        ops.append(pair(tr("risk"), f"{j.risk}/10", C.ink))
        meter_h = max(8, round(body * 0.6))

        def meter(s, x, y):
            gap = max(2, width // 80)
            seg = (width - 9 * gap) / 10
            for k in range(10):
                r = pygame.Rect(round(x + k * (seg + gap)), y, math.ceil(seg), meter_h)
                if k < j.risk:
                    colour = C.risk_low if k < 3 else C.risk_mid if k < 6 else C.risk_high
                else:
                    colour = C.risk_empty
                pygame.draw.rect(s, colour, r, border_radius=max(2, meter_h // 4))
            # the level is also told by the number: colour is never the only sign
        ops.append((meter_h + pad, meter))

        def listing(title, items, draw_icon):
            out = [text_op(title, bold=True, what="panel-heading")]
            if not items:
                out.append(text_op(tr("none"), colour=C.ink_soft, indent=pad))
            isz = round(body * 1.15)
            if short:
                # compact: icon + name chips flowing along the line
                x, rows, row = 0, [], []
                for label in items:
                    w = min(width, isz + pad // 2 + T.text_width(label, body) + pad)
                    if x + w > width and row:
                        rows.append(row)
                        row, x = [], 0
                    row.append((label, x, w))
                    x += w
                if row:
                    rows.append(row)
                for row in rows:
                    blocks = [(label, x, w, T.block(label, body, C.ink, w - isz - pad // 2))
                              for label, x, w in row]
                    hgt = max(b.height for *_, b in blocks) + max(2, pad // 4)

                    def fn(s, x0, y, blocks=blocks):
                        for label, x, w, b in blocks:
                            draw_icon(s, pygame.Rect(x0 + x, y + (lh - isz) // 2, isz, isz),
                                      label)
                            b.draw(s, x0 + x + isz + pad // 2, y, box, "panel-item")
                    out.append((hgt, fn))
                return out
            for label in items:
                b = T.block(label, body, C.ink, width - isz - pad)
                hgt = max(isz, b.height) + max(2, pad // 4)

                def fn(s, x, y, b=b, label=label, hgt=hgt):
                    draw_icon(s, pygame.Rect(x, y + (min(hgt, lh) - isz) // 2, isz, isz), label)
                    b.draw(s, x + isz + pad, y, box, "panel-item")
                out.append((hgt, fn))
            return out

        def shorten(name: str) -> str:
            return name.split(" (")[0].split(" / ")[0] if short else name
        docs = [(d, shorten(app.text(pack.document(d).name))) for d in j.documents]
        doc_icon = {lab: d for d, lab in docs}
        contacts = [shorten(app.text(pack.contact(c).name)) for c in j.contacts]
        ops.append((pad // 2, lambda s, x, y: None))
        doc_ops = listing(tr("documents"), [lab for _, lab in docs],
                          lambda s, r, lab: draw_document(s, r, doc_icon.get(lab, "")))
        con_ops = listing(tr("contacts"), contacts, lambda s, r, lab: draw_contact(s, r))
        if limit:
            con_ops = [text_op(f"{tr('contacts')}: {len(contacts)}", bold=True,
                               what="panel-heading")]
            used = sum(h for h, _ in ops)
            left = avail - used
            doc_ops, con_ops = self._fit_lists(doc_ops, con_ops, left, text_op)
        ops.extend(doc_ops)
        ops.append((pad // 2, lambda s, x, y: None))
        ops.extend(con_ops)
        return ops, sum(h for h, _ in ops)

    @staticmethod
    def _fit_lists(doc_ops, con_ops, left, text_op):
        """Cut both lists so they fit in `left` pixels, saying how many are hidden."""
        def cut(ops, room):
            if sum(h for h, _ in ops) <= room:
                return ops
            more = None
            for keep in range(len(ops) - 1, 0, -1):
                hidden = len(ops) - keep
                more = text_op(tr("more_items", n=hidden))
                if sum(h for h, _ in ops[:keep]) + more[0] <= room:
                    return ops[:keep] + [more]
            return ops[:1]
        half = left // 2
        con_need = sum(h for h, _ in con_ops)
        doc_room = max(half, left - con_need)
        doc_ops = cut(doc_ops, doc_room)
        con_ops = cut(con_ops, left - sum(h for h, _ in doc_ops))
        return doc_ops, con_ops
