"""What every screen is: a small class with layout, handle_event, update, draw.

A screen turns input into engine actions (through `BoardScene.send`) and
draws what comes back; it never changes game state itself. Overlays (card,
feedback, menu...) are screens pushed over the board: `opaque = False` lets
the screen below show through.
"""
from __future__ import annotations

from typing import Optional

import pygame

from game.ui import text as ui_text
from game.ui.theme import palette
from game.ui.widgets import Button, ButtonGroup, rounded


class Scene:
    name = "scene"
    opaque = True
    modal_dim = False     # darken what is under this overlay
    freeze_below = False  # nothing under this screen moves (pause)
    shot_name: Optional[str] = None   # screenshot file name, when not `name`

    def __init__(self, app: "App"):
        self.app = app
        self.group = ButtonGroup()

    # -- life --------------------------------------------------------------
    def layout(self) -> None:
        """(Re)build rectangles and buttons for `app.L` (after a resize too)."""

    def on_enter(self) -> None:
        pass

    def on_exit(self) -> None:
        pass

    def typing(self) -> bool:
        """A name box has the keyboard: letters are text, not shortcuts."""
        return False

    def handle_event(self, event: pygame.event.Event) -> None:
        self.group.handle(event)

    def update(self, dt: float) -> bool:
        """Advance animations; True while something moves."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        pass

    # -- autoplay ------------------------------------------------------------
    def bot_target(self, bot) -> Optional[object]:
        """What the autoplay bot should press now: a Button, a key constant,
        or None to wait."""
        return None

    # -- helpers -------------------------------------------------------------
    @property
    def L(self):
        return self.app.L

    def dialog_event(self, event, cancel, cancel_keys=(pygame.K_ESCAPE,)) -> None:
        """A dialog's keys: `cancel_keys` call `cancel`, the left and right
        arrows move between its buttons, anything else goes to the buttons."""
        if event.type == pygame.KEYDOWN and event.key in cancel_keys:
            cancel()
        elif event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.group.move(1 if event.key == pygame.K_RIGHT else -1)
        else:
            self.group.handle(event)

    def button(self, rect, label, on_press, style="primary", **kw) -> Button:
        kw.setdefault("size", self.L.body)
        return self.group.add(Button(rect, label, on_press, style, **kw))


class Overlay(Scene):
    """A panel shown over the board (card, feedback, message, menu)."""
    opaque = False
    modal_dim = True

    def draw_panel(self, surface: pygame.Surface, rect: pygame.Rect, colour=None) -> None:
        C = palette()
        rounded(surface, rect, colour or C.paper, self.L.radius * 2, self.L.border, C.border,
                shadow=self.L.pad)


def heading(surface, text, rect: pygame.Rect, size: int, colour, bold=True,
            align="left", what="heading") -> int:
    """Wrapped text at the top of `rect`; the height used."""
    b = ui_text.block(text, size, colour, rect.width, bold=bold, align=align)
    return b.draw(surface, rect.x, rect.y, rect, what)
