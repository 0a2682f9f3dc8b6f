"""The debrief: the lesson, at most one page per player plus two.

    1. who ended where (safe, unsafe, trafficked, trafficked then assisted)
       and every help contact, name and detail, so nobody leaves without them;
    2. one page per player: the journey drawn on the board with a marker for
       each card (safe, unsafe and numbered, done to them under threat), where
       the act, the means and the purpose appeared, the ending, money, debt and
       documents, and for each unsafe choice the safe one; tapping a numbered
       marker (or its button, or pressing its number) replays the journey from
       there with the safe choice: "what if" (`game.what_if`), drawn over the
       real journey in another colour, until "back to the real journey";
    3. the discussion questions of the cards played; the session report's
       files, small, at the bottom.

A page taller than the screen scrolls by whole lines (`game.ui.debrief.flow`):
Page Down, Space and Enter show the rest of a page before the next page;
Right and Left (and the buttons) turn pages; the wheel and a drag scroll.
What it shows is the game's debrief (`GameLog.debrief`, ids only, the one the
autosave and the session report read); the texts are looked up in the pack.
A "what if" changes nothing that was recorded.
"""
from __future__ import annotations

from typing import Optional

import pygame

from game.localise import tr
from game.ui import text
from game.ui.debrief import content
from game.ui.debrief.content import KIND_MARK, category, kind_words  # noqa: F401 (re-exported)
from game.ui.debrief.flow import ButtonSpec, Flow, Scroll, draw_arrow
from game.ui.debrief.journey import (COERCED, SAFE, UNSAFE, JourneyMap, Layer, Marker, Tag,
                                     draw_legend, legend_height, legend_layout, mark_sample,
                                     path_sample, step_kind)
from game.ui.scenes.base import Scene
from game.ui.theme import palette, token_colours
from game.ui.widgets import Button, draw_token, rounded
from game.what_if import NoWhatIf, trace, what_if

REPLAY_SPACES = 8.0        # a what if is drawn this many spaces a second (at speed 1)
NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
NUMBER_KEYS.update({getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)})


class DebriefScene(Scene):
    name = "debrief"

    def __init__(self, app):
        super().__init__(app)
        self.debrief = app.log.debrief       # ids: the texts are looked up in the pack
        self.page = 0
        self.pages: list[tuple[str, Optional[int]]] = [("overview", None)]
        self.pages += [("player", p.player) for p in self.debrief.players]
        if self.debrief.discussion:
            self.pages.append(("discussion", None))
        self.what_if = None                  # (WhatIf, its number) while one is shown
        self._what_ifs: dict = {}            # (player, step) -> WhatIf or NoWhatIf
        self._traces: dict = {}
        self._maps: dict = {}
        self._drag = None
        self._down = None
        self._bot_tried = False
        self._shown: Optional[float] = None  # a what if being drawn: spaces shown so far
        self.scroll: Optional[Scroll] = None
        self.map: Optional[JourneyMap] = None

    @property
    def shot_name(self) -> str:
        name = f"debrief-{self.page + 1:02d}"
        if self.scroll is not None and self.scroll.offset:
            name += f"-{self.scroll.offset:03d}"
        return name + ("-whatif" if self.what_if else "")

    @property
    def kind(self) -> str:
        return self.pages[self.page][0]

    @property
    def player(self):
        number = self.pages[self.page][1]
        return None if number is None else self.debrief.players[number]

    # -- layout ------------------------------------------------------------------------
    def layout(self) -> None:
        L = self.L
        pad = L.pad
        self.page = max(0, min(self.page, len(self.pages) - 1))
        # the top band: the page's title (clear of the menu in the corner)
        x = 2 * pad
        self.token = round(L.topbar.height * 0.6) if self.player is not None else 0
        if self.token:
            x += self.token + pad
        room = max(1, L.chrome.left - pad - x)
        title = f"{tr('debrief_title')} · {self.title()}"
        size = text.fit_size(title, L.big, room, True, L.min_text)
        self.title_block = text.block(title, size, palette().topbar_text, room, bold=True)
        self.title_x = x
        self.header = pygame.Rect(0, 0, L.width, max(L.topbar.height,
                                                     self.title_block.height + pad))
        # the bottom band: previous, the page number, next
        label_w = round(L.width * 0.28)
        bh = max([L.button_h] + [Button.height_for(t, label_w, L.body)
                                 for t in (tr("previous"), tr("next"), tr("to_title"))])
        self.nav = pygame.Rect(0, L.height - bh - 2 * pad, L.width, bh + 2 * pad)
        self.prev_rect = pygame.Rect(2 * pad, self.nav.y + pad, label_w, bh)
        self.next_rect = pygame.Rect(L.width - 2 * pad - label_w, self.nav.y + pad, label_w, bh)
        # the report's files: once, small, on the last page
        self.report_block = None
        body_bottom = self.nav.top - pad
        if self.page == len(self.pages) - 1:
            self.report_block = self._report_block(L.width - 4 * pad)
            if self.report_block is not None:
                body_bottom -= self.report_block.height + pad
        self.body = pygame.Rect(2 * pad, self.header.bottom + pad, L.width - 4 * pad,
                                body_bottom - self.header.bottom - pad)
        self.back_rect = None
        if self.kind == "player":
            self._layout_player()
        else:
            self.map = None
            self.panel = self.body
            self._flow_into(self.panel.inflate(-2 * pad, -2 * pad))
        self._buttons()

    def title(self) -> str:
        if self.kind == "overview":
            return tr("debrief_summary")
        if self.kind == "discussion":
            return tr("discuss_title")
        return tr("debrief_journey", name=self.app.player_name(self.player))

    def _report_block(self, width: int):
        """Where the session report was saved (to find and print it), or why not."""
        report = self.app.session.report
        if report is None:
            return None
        lines = [report.notice.text(self.app.lang)]
        if getattr(report, "csv", None) is not None and report.problem is None:
            lines.append(tr("report_csv", file=str(report.csv)))
        return text.block("\n".join(lines), self.L.min_text, palette().ink, width)

    def _layout_player(self) -> None:
        L, pad = self.L, self.L.pad
        body = self.body
        side_w = max(round(body.width * 0.45), L.body * 17)
        side_w = min(side_w, round(body.width * 0.55))
        board = pygame.Rect(body.x, body.y, body.width - side_w - pad, body.height)
        self.panel = pygame.Rect(board.right + pad, body.y, side_w, body.height)
        self.legend = legend_layout(L, self._legend_items(), board.width)
        key = (tuple(board), L, self.app.lang)
        self.map = self._maps.get(key)
        if self.map is None:
            self._maps.clear()
            self.map = self._maps[key] = JourneyMap(
                L, self.app.rules.board, board, legend_height(L, self.legend) + pad // 2)
        self.layers = self._layers()
        inner = self.panel.inflate(-2 * pad, -2 * pad)
        if self.what_if is not None:
            label = tr("what_if_back")
            h = Button.height_for(label, inner.width, L.body)
            self.back_rect = pygame.Rect(inner.x, inner.bottom - h, inner.width, h)
            inner.height -= h + pad
        self._flow_into(inner)

    def _legend_items(self):
        C = palette()
        colour = token_colours()[self.player.player % len(token_colours())]
        return [(path_sample(colour), tr("legend_path")),
                (path_sample(C.focus, what_if=True), tr("legend_what_if")),
                (mark_sample(SAFE, self.L), tr("legend_safe_choice")),
                (mark_sample(UNSAFE, self.L), tr("legend_unsafe_choice")),
                (mark_sample(COERCED, self.L), tr("legend_coerced"))]

    def _flow_into(self, view: pygame.Rect) -> None:
        """The page's rows in `view`, narrower by a scroll bar when they scroll."""
        gutter = max(round(self.L.body * 1.1), 18)
        rows = self._rows(view.width)
        scroll = Scroll(rows, view.height)
        if scroll.scrolls:
            scroll = Scroll(self._rows(view.width - gutter - self.L.pad // 2), view.height)
            self.track = pygame.Rect(view.right - gutter, view.y, gutter, view.height)
        else:
            self.track = None
        if self.scroll is not None:          # laid out again (a new size): about here
            scroll.set(self.scroll.offset)
        self.scroll = scroll
        self.view = view

    def _rows(self, width: int):
        app, d = self.app, self.debrief
        flow = Flow(self.L, width, head_size=self.L.body if self.kind == "player" else 0)
        self.said = flow.said                # what the page says, whole
        if self.kind == "overview":
            content.overview(flow, app, d)
        elif self.kind == "discussion":
            content.discussion(flow, app, d)
        elif self.what_if is not None:
            wi, number = self.what_if
            content.what_if_side(flow, app, self.player, wi, number)
        else:
            content.player_side(flow, app, self.player, self._what_if_button)
        return flow.rows

    def _what_if_button(self, step: int, number: int) -> ButtonSpec:
        found = self._replay(self.player.player, step)
        reason = ""
        if isinstance(found, NoWhatIf):
            reason = tr("what_if_not_offered") if found.reason in (
                "not-offered", "no-safe-choice") else tr("what_if_unavailable")
        return ButtonSpec(tr("what_if_button"), lambda: self.start_what_if(step),
                          f"what-if-{number}", "choice", enabled=not reason, reason=reason,
                          number=number, choice=None if reason else found.choice)

    def _buttons(self) -> None:
        """The page's buttons: previous, next, those on rows in view, back from a what if."""
        L = self.L
        focused = None
        if self.group.focus is not None and self.group.focus < len(self.group.buttons):
            focused = self.group.buttons[self.group.focus].name
        self.group.clear()
        last = self.page >= len(self.pages) - 1
        self.prev = self.button(self.prev_rect, tr("previous"), self.prev_page, "quiet",
                                name="previous", enabled=self.page > 0)
        self.prev.key = pygame.K_LEFT
        self.next = self.button(self.next_rect, tr("to_title") if last else tr("next"),
                                self.next_page, "primary", name="finish" if last else "next")
        self.next.key = pygame.K_RIGHT
        for row, y in self.scroll.shown():
            spec = row.button
            if spec is None:
                continue
            rect = pygame.Rect(self.view.x + spec.indent, self.view.y + y, spec.width,
                               row.height - L.pad // 2)
            self.button(rect, spec.label, spec.on_press, spec.style, name=spec.name,
                        enabled=spec.enabled, reason=spec.reason, reason_size=L.min_text,
                        number=spec.number, align="left")
        self.back = None
        if self.back_rect is not None:
            self.back = self.button(self.back_rect, tr("what_if_back"), self.end_what_if,
                                    "secondary", name="what-if-back")
        if focused is not None:
            names = [b.name for b in self.group.buttons]
            if focused in names:
                self.group.set_focus(names.index(focused))

    # -- replays -----------------------------------------------------------------------
    def trace(self, player: int):
        found = self._traces.get(player)
        if found is None:
            cards = {c.id for c in self.app.pack.cards}
            found = self._traces[player] = trace(self.app.log.all_events(), player,
                                                 cards=cards)
        return found

    def _replay(self, player: int, step: int):
        key = (player, step)
        if key not in self._what_ifs:
            try:
                self._what_ifs[key] = what_if(self.app.log, player, step)
            except NoWhatIf as why:
                self._what_ifs[key] = why
        return self._what_ifs[key]

    def start_what_if(self, step: int) -> None:
        """Replay this player's journey from their unsafe choice at `step`, safely."""
        p = self.player
        if p is None or step not in content.unsafe_numbers(p):
            return
        found = self._replay(p.player, step)
        if isinstance(found, NoWhatIf):
            return
        self.what_if = (found, content.unsafe_numbers(p)[step])
        # drawn space by space, as a replay (at once when animations are off)
        self._shown = None if self.app.speed is None else 1.0
        self.scroll = None
        self.group.set_focus(None)
        self.layout()
        self.app.changed()
        self._check_finished()

    def end_what_if(self) -> None:
        if self.what_if is None:
            return
        self.what_if = None
        self.scroll = None
        self.group.set_focus(None)
        self.layout()
        self.app.changed()
        self._check_finished()

    # -- paging and scrolling ------------------------------------------------------------
    def go(self, page: int) -> None:
        page = max(0, min(page, len(self.pages) - 1))
        if page == self.page and self.what_if is None:
            return
        self.page = page
        self.what_if = None
        self.scroll = None
        self.group.set_focus(None)
        self.layout()
        self.app.changed()
        self._check_finished()

    def next_page(self) -> None:
        if self.page < len(self.pages) - 1:
            self.go(self.page + 1)
        elif self.app.bot is not None:
            self.app.finished_debrief = True
        else:
            self.app.go_title()

    def prev_page(self) -> None:
        if self.page > 0:
            self.go(self.page - 1)

    def forward(self) -> None:
        """The rest of this page, then the next page."""
        if self.scroll is not None and self.scroll.page_down():
            self._scrolled()
        else:
            self.next_page()

    def backward(self) -> None:
        if self.scroll is not None and self.scroll.page_up():
            self._scrolled()
        else:
            self.prev_page()

    def scroll_by(self, rows: int) -> bool:
        if self.scroll is not None and self.scroll.by(rows):
            self._scrolled()
            return True
        return False

    def _scrolled(self) -> None:
        self._buttons()
        self.app.changed()
        self._check_finished()

    def _check_finished(self) -> None:
        """Autoplay stops once the last page has been shown to its end."""
        if self.app.bot is None or self.page < len(self.pages) - 1:
            return
        if self.what_if is None and not self.scroll.more_below and not self._bot_what_if():
            self.app.finished_debrief = True

    def on_enter(self) -> None:
        self._check_finished()

    def update(self, dt: float) -> bool:
        """A what if is drawn along its path, a few spaces a second."""
        if self._shown is None or self.what_if is None or self.map is None:
            self._shown = None
            return False
        total = len(self.what_if[0].path)
        self._shown += dt * REPLAY_SPACES * (self.app.speed or 1.0)
        layer = self.layers[-1]
        if self._shown >= total:
            self._shown = layer.shown = None
            self.app.changed()               # the whole what if: a screenshot
            return False
        layer.shown = int(self._shown)
        self.app.dirty = True
        return True

    # -- input -------------------------------------------------------------------------
    def handle_event(self, event) -> None:
        if event.type == pygame.KEYDOWN and self._key(event):
            return
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-2 * event.y)
            return
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP) \
                and self._pointer(event):
            return
        self.group.handle(event)

    def _key(self, event) -> bool:
        k = event.key
        if k == pygame.K_RIGHT:
            self.next_page()
        elif k == pygame.K_LEFT:
            self.prev_page()
        elif k in (pygame.K_PAGEDOWN, pygame.K_SPACE):
            self.forward()
        elif k == pygame.K_PAGEUP:
            self.backward()
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.group.focus is not None:
                return False                 # the focused button takes it
            self.forward()
        elif k == pygame.K_DOWN:
            if not self.scroll_by(1) and not self.scroll.more_below:
                self.next_page()
        elif k == pygame.K_UP:
            if not self.scroll_by(-1) and not self.scroll.more_above:
                self.prev_page()
        elif k == pygame.K_HOME:
            self.go(0)
        elif k == pygame.K_END:
            self.go(len(self.pages) - 1)
        elif k in (pygame.K_ESCAPE, pygame.K_BACKSPACE) and self.what_if is not None:
            self.end_what_if()
        elif k in NUMBER_KEYS and self.player is not None:
            steps = {n: i for i, n in content.unsafe_numbers(self.player).items()}
            if NUMBER_KEYS[k] in steps:
                self.start_what_if(steps[NUMBER_KEYS[k]])
        else:
            return False
        return True

    def _pointer(self, event) -> bool:
        """Drags scroll the page; a tap on a numbered marker starts a what if; the
        scroll arrows and bar turn a screenful. True when the event was used."""
        pos = event.pos
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._down = pos
            self._drag = [pos[1], False] if self.view.collidepoint(pos) else None
            return False
        if event.type == pygame.MOUSEMOTION:
            if self._drag is not None and (getattr(event, "buttons", (0,))[0]
                                           or getattr(event, "from_touch", False)):
                steps = self.scroll.to_pixels(self._drag[0] - pos[1])
                if steps:
                    self._drag = [pos[1], True]
                    self.scroll_by(steps)
                return self._drag[1]
            return False
        if event.type != pygame.MOUSEBUTTONUP or event.button != 1:
            return False
        dragged = self._drag is not None and self._drag[1]
        down, self._down, self._drag = self._down, None, None
        if dragged:
            return True
        if self.map is not None and down is not None:
            step = self.map.hit(pos)
            if step is not None and step == self.map.hit(down):
                self.start_what_if(step)
                return True
        if self.track is not None and down is not None and self.track.collidepoint(pos) \
                and self.track.collidepoint(down):
            up = pos[1] < self.scroll.thumb(self._track_inner()).centery
            (self.scroll.page_up if up else self.scroll.page_down)() and self._scrolled()
            return True
        return False

    def _track_inner(self) -> pygame.Rect:
        t = self.track
        return pygame.Rect(t.x, t.y + t.width + 4, t.width, max(1, t.height - 2 * t.width - 8))

    # -- autoplay ------------------------------------------------------------------------
    def _bot_what_if(self) -> Optional[Button]:
        """Autoplay shows one "what if" (the first one it can) before moving on."""
        if self._bot_tried or self.kind != "player" or self.what_if is not None:
            return None
        return next((b for b in self.group.buttons
                     if b.name.startswith("what-if-") and b.enabled), None)

    def bot_target(self, bot):
        if self.app.finished_debrief:
            return None
        if self.what_if is not None:
            return self.back
        button = self._bot_what_if()
        if button is not None:
            self._bot_tried = True
            return button
        if self.scroll is not None and self.scroll.more_below:
            return pygame.K_PAGEDOWN
        return self.next

    # -- drawing ------------------------------------------------------------------------
    def draw(self, surface) -> None:
        L, C = self.L, palette()
        surface.fill(C.background)
        pygame.draw.rect(surface, C.topbar, self.header)
        if self.token:
            draw_token(surface, (2 * L.pad + self.token // 2, self.header.centery), self.token,
                       self.player.player)
        self.title_block.draw(surface, self.title_x,
                              self.header.centery - self.title_block.height // 2,
                              pygame.Rect(0, 0, L.chrome.left, self.header.height),
                              "debrief-title")
        if self.map is not None:
            self.map.draw(surface, self.layers)
            top = self.map.geo.area.bottom + L.pad // 2
            draw_legend(surface, L, self.legend, (self.map.rect.x, top), self.map.rect)
        rounded(surface, self.panel, C.paper, L.radius, L.border, C.border)
        for row, y in self.scroll.shown():
            if row.paint is not None:
                row.paint(surface, self.view.x, self.view.y + y, self.panel)
        if self.track is not None:
            self._draw_track(surface)
        if self.report_block is not None:
            self.report_block.draw(surface, 2 * L.pad, self.panel.bottom + L.pad, L.screen,
                                   "debrief-report")
        self.group.draw(surface)
        text.draw_line(surface, tr("page_of", n=self.page + 1, total=len(self.pages)), L.body,
                       C.ink, (L.width // 2, self.nav.centery), bold=True, anchor="center",
                       box=self.nav, what="debrief-page")

    def _draw_track(self, surface) -> None:
        C, t = palette(), self.track
        up = pygame.Rect(t.x, t.y, t.width, t.width)
        down = pygame.Rect(t.x, t.bottom - t.width, t.width, t.width)
        inner = self._track_inner()
        pygame.draw.rect(surface, C.quiet, inner, border_radius=t.width // 2)
        pygame.draw.rect(surface, C.secondary, self.scroll.thumb(inner),
                         border_radius=t.width // 2)
        draw_arrow(surface, up, True, self.scroll.more_above)
        draw_arrow(surface, down, False, self.scroll.more_below)

    def _layers(self) -> list[Layer]:
        """What the board shows: the journey, and the what if over it."""
        C = palette()
        p = self.player
        tr_ = self.trace(p.player)
        numbers = content.unsafe_numbers(p)
        branch = self.what_if[0].step if self.what_if else None
        markers = [Marker(tr_.place(k), step_kind(s.choice, s.safe, s.coerced), k,
                          numbers.get(k), ring=tuple(C.focus) if k == branch else None)
                   for k, s in enumerate(p.steps)
                   if k < len(tr_.met) and (branch is None or k <= branch)]
        tags = []
        shown_at: dict[int, list[str]] = {}
        for element in ("act", "means", "purpose"):
            k = next((i for i, s in enumerate(p.steps) if element in s.shows), None)
            if k is not None and k < len(tr_.met):
                shown_at.setdefault(k, []).append(tr(f"element_{element}"))
        for k, words in shown_at.items():
            if branch is None or k <= branch:
                tags.append(Tag(tr_.place(k), " + ".join(words), tuple(C.trafficked),
                                tuple(C.trafficked_bg)))
        tags.append(self._end_tag(p, tr_.end, faded=branch is not None))
        real = Layer(p.player, tr_.path, markers, tags,
                     "faded" if branch is not None else "real")
        if self.what_if is None:
            return [real]
        wi = self.what_if[0]
        wmarkers = [Marker(wi.path[s.at], step_kind(s.choice, s.safe, s.coerced), -1,
                           ring=tuple(C.focus), at=s.at) for s in wi.steps]
        end = self._end_tag(wi, wi.end)
        end.text = tr("what_if_tag", kind=end.text)
        shown = None if self._shown is None else int(self._shown)
        return [real, Layer(p.player, wi.path, wmarkers, [end], "what-if", shown=shown)]

    @staticmethod
    def _end_tag(p, place, faded: bool = False) -> Tag:
        C = palette()
        ink = {"safe": C.safe, "unsafe": C.unsafe, "trafficked": C.trafficked}.get(
            p.kind, C.unfinished)
        return Tag(place, kind_words(p), tuple(ink), tuple(content.chip_colours()[category(p)]),
                   faded=faded, mark=KIND_MARK[p.kind])
