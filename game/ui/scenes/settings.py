"""Settings (from the title screen and the facilitator menu): language, text
size, read-aloud, sound volume and mute, fullscreen, animation speed.

Each change applies at once and is remembered (`Classroom.remember` ->
`game.session.settings`). The read-aloud row says which voice reads, or that
this computer has none (`Speaker.status`); everything else works without one.
The rows shrink their type (never below the 3% minimum) until they fit.
"""
from __future__ import annotations

import pygame

from game.ui import text as ui_text
from game.ui.scenes.base import Scene
from game.localise import languages, tr
from game.ui.theme import palette
from game.ui.widgets import Button

TEXT_SIZES = ("normal", "large", "extra-large")


SPEEDS = (0.5, 1.0, 2.0)          # the animation speeds offered: slow, normal, fast
VOLUME_STEP = 0.1

class SettingsScene(Scene):
    name = "settings"
    opaque = True

    def __init__(self, app):
        super().__init__(app)
        self.focus_name = None

    # -- what each row offers: (label, [(button name, label, on_press, selected)]) --
    def rows(self):
        app, s = self.app, self.app.session.settings
        sounds = app.sounds
        volume = round(s.volume * 100)
        speed = app.speed if app.speed is not None else max(SPEEDS)
        return [
            (tr("settings_language"),
             [(f"lang-{code}", name, lambda c=code: self.set_language(c), code == app.lang)
              for code, name in languages()], ""),
            (tr("settings_text_size"),
             [(f"size-{k}", tr(f"settings_size_{k.replace('-', '_')}"),
               lambda k=k: self.set_text_size(k), s.text_size == k) for k in TEXT_SIZES], ""),
            (tr("settings_read_aloud"),
             [("read-on", tr("settings_on"), lambda: self.set_read_aloud(True), s.read_aloud),
              ("read-off", tr("settings_off"), lambda: self.set_read_aloud(False),
               not s.read_aloud)], self.app.read_aloud.status()),
            (tr("settings_volume", n=volume),
             [("volume-down", "−", lambda: self.step_volume(-1), False),
              ("volume-up", "+", lambda: self.step_volume(1), False),
              ("mute", tr("settings_mute"), self.toggle_mute, sounds.muted)], ""),
            (tr("settings_fullscreen"),
             [("fullscreen-on", tr("settings_on"), lambda: self.set_fullscreen(True),
               app.fullscreen),
              ("fullscreen-off", tr("settings_off"), lambda: self.set_fullscreen(False),
               not app.fullscreen)], ""),
            (tr("settings_speed"),
             [(f"speed-{k}", tr(f"settings_speed_{k}"), lambda v=v: self.set_speed(v),
               abs(speed - v) < 1e-6) for k, v in zip(("slow", "normal", "fast"), SPEEDS)],
             ""),
        ]

    # -- layout ---------------------------------------------------------------------
    def layout(self) -> None:
        L = self.L
        step = max(1, (L.body - L.min_text) // 4)
        for size in list(range(L.body, L.min_text, -step)) + [L.min_text]:
            if self._build(size):
                break
        else:
            self._build(L.min_text, force=True)
        if self.focus_name:
            k = next((i for i, b in enumerate(self.group.buttons) if b.name == self.focus_name),
                     None)
            if k is not None:
                self.group.set_focus(k)

    def _build(self, size: int, force: bool = False) -> bool:
        L, C = self.L, palette()
        self.group.clear()
        pad = L.pad
        area = L.screen.inflate(-4 * pad, -2 * pad)
        self.title = ui_text.block(tr("settings_title"), L.big, C.ink, area.width, bold=True)
        label_w = round(area.width * 0.3)
        opts_x = area.x + label_w + pad
        opts_w = area.right - opts_x
        y = area.y + self.title.height + pad
        self.labels = []
        for label, options, note in self.rows():
            n = len(options)
            bw = (opts_w - (n - 1) * pad // 2) // n
            bh = max([Button.height_for(o[1], bw, size) for o in options])
            lb = ui_text.block(label, size, C.ink, label_w, bold=True)
            row_h = max(bh, lb.height)
            self.labels.append((lb, area.x, y + (row_h - lb.height) // 2, "settings-label"))
            for i, (name, text, fn, selected) in enumerate(options):
                r = pygame.Rect(opts_x + i * (bw + pad // 2), y + (row_h - bh) // 2, bw, bh)
                b = self.button(r, text, self._pressing(name, fn), "quiet", size=size,
                                name=name)
                b.selected = selected
            y += row_h
            if note:
                nb = ui_text.block(note, L.min_text, C.ink_soft, opts_w)
                self.labels.append((nb, opts_x, y + pad // 4, "settings-note"))
                y += nb.height + pad // 4
            y += round(pad * 0.8)
        back_label = tr("back")
        bw = max(round(L.width * 0.25), ui_text.text_width(back_label, size, True) + 4 * size)
        bh = max(L.button_h, Button.height_for(back_label, bw, size))
        if y + bh > area.bottom and not force:
            return False
        r = pygame.Rect(0, 0, bw, bh)
        r.bottomright = area.bottomright
        self.button(r, back_label, self.close, "primary", size=size, name="back")
        self.group.set_focus(len(self.group.buttons) - 1)
        self.area = area
        return True

    def _pressing(self, name, fn):
        def press():
            self.focus_name = name
            fn()
            if self.app.top is self:
                self.layout()
            self.app.changed()
        return press

    # -- changes -------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        self.app.session.remember(language=code)
        self.app.set_language(code)

    def set_text_size(self, size: str) -> None:
        self.app.session.remember(text_size=size)
        self.app.set_text_scale(self.app.session.settings.text_scale)

    def set_read_aloud(self, on: bool) -> None:
        self.app.session.remember(read_aloud=on)
        if not on:
            self.app.read_aloud.stop()

    def step_volume(self, step: int) -> None:
        s = self.app.session.settings
        v = round(min(1.0, max(0.0, s.volume + step * VOLUME_STEP)), 2)
        self.app.session.remember(volume=v)
        self.app.apply_volume()

    def toggle_mute(self) -> None:
        self.app.toggle_mute()
        self.app.session.remember(mute=self.app.sounds.muted)

    def set_fullscreen(self, on: bool) -> None:
        self.app.session.remember(fullscreen=on)
        if self.app.fullscreen != on:
            self.app.toggle_fullscreen()

    def set_speed(self, value: float) -> None:
        self.app.session.remember(animation_speed=value)
        if self.app.bot is None or self.app.speed is not None:
            self.app.speed = value

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop(self)

    def handle_event(self, event) -> None:
        self.dialog_event(event, self.close, (pygame.K_ESCAPE, pygame.K_BACKSPACE))

    def bot_target(self, bot):
        return pygame.K_ESCAPE

    def draw(self, surface) -> None:
        L, C = self.L, palette()
        surface.fill(C.background)
        box = L.screen
        self.title.draw(surface, self.area.x, self.area.y, box, "settings-title")
        for b, x, y, what in self.labels:
            b.draw(surface, x, y, box, what)
        self.group.draw(surface)
