"""Drawing pieces the screens share: buttons, tokens, the die, marks and icons.

Buttons here wrap their label over several lines instead of clipping it,
show a number badge for card choices, a focus ring for keyboard users and a
greyed look with the reason when disabled. Icons come from assets/icons/
when that folder has them; otherwise they are drawn as simple shapes.
"""
from __future__ import annotations

import math
from typing import Callable, Optional

import pygame

from game.ui.icons import document_icon_name, find_icon
from game.ui.text import block, draw_line
from game.ui.theme import palette, token_colours, token_shapes


# -- primitives -------------------------------------------------------------

def rounded(surface: pygame.Surface, rect: pygame.Rect, colour, radius: int,
            border: int = 0, border_colour=None, shadow: int = 0) -> None:
    if shadow:
        sh = pygame.Surface((rect.width + shadow * 2, rect.height + shadow * 2), pygame.SRCALPHA)
        pygame.draw.rect(sh, (0, 0, 0, 55), sh.get_rect().inflate(-shadow, -shadow).move(
            shadow // 2, shadow // 2), border_radius=radius + shadow // 2)
        surface.blit(sh, (rect.x - shadow, rect.y - shadow // 2))
    pygame.draw.rect(surface, colour, rect, border_radius=radius)
    if border:
        pygame.draw.rect(surface, border_colour or palette().border, rect, border,
                         border_radius=radius)


def icon(name: str, size: int) -> Optional[pygame.Surface]:
    """assets/icons/<name>.png scaled to `size`, or None when there is none
    (the caller then draws a shape of its own)."""
    return find_icon(name, size)


def shape_points(shape: str, center, r: float) -> list[tuple[float, float]]:
    cx, cy = center
    if shape == "square":
        k = r * 0.86
        return [(cx - k, cy - k), (cx + k, cy - k), (cx + k, cy + k), (cx - k, cy + k)]
    if shape == "triangle":
        return [(cx + r * math.cos(a), cy + r * 1.05 * math.sin(a) + r * 0.15)
                for a in (-math.pi / 2, math.pi / 6, 5 * math.pi / 6)]
    if shape == "diamond":
        return [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    if shape == "star":
        pts = []
        for i in range(10):
            rr = r if i % 2 == 0 else r * 0.48
            a = -math.pi / 2 + i * math.pi / 5
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        return pts
    if shape == "hexagon":
        return [(cx + r * math.cos(a), cy + r * math.sin(a))
                for a in (i * math.pi / 3 for i in range(6))]
    return []


def draw_token(surface: pygame.Surface, center, size: int, player: int,
               faded: bool = False) -> None:
    """Player `player`'s token: its own colour AND its own shape."""
    colours, shapes = token_colours(), token_shapes()
    colour = pygame.Color(colours[player % len(colours)])
    if faded:
        colour = colour.lerp(pygame.Color(palette().paper), 0.6)
    shape = shapes[player % len(shapes)]
    r = size / 2
    outline = palette().token_outline
    w = max(2, round(size / 11))
    if shape == "circle":
        pygame.draw.circle(surface, colour, center, r)
        pygame.draw.circle(surface, outline, center, r, w)
        return
    pts = shape_points(shape, center, r)
    pygame.draw.polygon(surface, colour, pts)
    pygame.draw.polygon(surface, outline, pts, w)


def draw_mark(surface: pygame.Surface, center, size: int, kind: str) -> None:
    """A round mark: a tick (safe), a cross (unsafe), a dash (none)."""
    C = palette()
    colour = {"safe": C.safe, "unsafe": C.warning, "trafficked": C.trafficked}.get(
        kind, C.unfinished)
    r = size / 2
    pygame.draw.circle(surface, colour, center, r)
    w = max(2, round(size / 7))
    cx, cy = center
    white = C.ink_inverse
    if kind == "safe":
        pygame.draw.lines(surface, white, False, [(cx - r * .5, cy), (cx - r * .12, cy + r * .42),
                                                  (cx + r * .52, cy - r * .4)], w)
    elif kind in ("unsafe", "trafficked"):
        k = r * .42
        pygame.draw.line(surface, white, (cx - k, cy - k), (cx + k, cy + k), w)
        pygame.draw.line(surface, white, (cx - k, cy + k), (cx + k, cy - k), w)
    else:
        pygame.draw.line(surface, white, (cx - r * .45, cy), (cx + r * .45, cy), w)


def draw_warning(surface: pygame.Surface, center, size: int) -> None:
    C = palette()
    cx, cy = center
    r = size / 2
    pts = [(cx, cy - r), (cx + r, cy + r * .8), (cx - r, cy + r * .8)]
    pygame.draw.polygon(surface, C.risk_mid, pts)
    pygame.draw.polygon(surface, C.ink, pts, max(2, size // 16))
    w = max(3, size // 9)
    pygame.draw.line(surface, C.ink, (cx, cy - r * .35), (cx, cy + r * .3), w)
    pygame.draw.circle(surface, C.ink, (cx, cy + r * .55), w * .6)


def draw_die(surface: pygame.Surface, rect: pygame.Rect, value: int, angle: float = 0) -> None:
    C = palette()
    face = pygame.Surface(rect.size, pygame.SRCALPHA)
    fr = face.get_rect()
    pygame.draw.rect(face, C.die, fr, border_radius=rect.width // 6)
    pygame.draw.rect(face, C.ink, fr, max(2, rect.width // 22), border_radius=rect.width // 6)
    pips = {1: [(1, 1)], 2: [(0, 0), (2, 2)], 3: [(0, 0), (1, 1), (2, 2)],
            4: [(0, 0), (2, 0), (0, 2), (2, 2)], 5: [(0, 0), (2, 0), (1, 1), (0, 2), (2, 2)],
            6: [(0, 0), (2, 0), (0, 1), (2, 1), (0, 2), (2, 2)]}[max(1, min(6, value))]
    step = fr.width / 4
    for gx, gy in pips:
        pygame.draw.circle(face, C.die_pip, (step * (gx + 1), step * (gy + 1)), fr.width / 11)
    if angle:
        face = pygame.transform.rotate(face, angle)
    surface.blit(face, face.get_rect(center=rect.center))


def draw_document(surface: pygame.Surface, rect: pygame.Rect, doc_id: str) -> None:
    """A document icon: the asset if there is one, else a sheet with lines."""
    img = icon(document_icon_name(doc_id), rect.height)
    if img is not None:
        surface.blit(img, img.get_rect(center=rect.center))
        return
    C = palette()
    w = round(rect.height * .78)
    sheet = pygame.Rect(0, 0, w, rect.height)
    sheet.center = rect.center
    pygame.draw.rect(surface, C.paper, sheet, border_radius=3)
    pygame.draw.rect(surface, C.secondary, sheet, max(2, rect.height // 14), border_radius=3)
    hue = sum(map(ord, doc_id)) % 4
    band = [C.accent, C.safe, C.secondary, C.risk_mid][hue]
    pygame.draw.rect(surface, band, (sheet.x + 2, sheet.y + 2, sheet.width - 4,
                                     max(3, sheet.height // 5)))
    for k in range(3):
        y = sheet.y + sheet.height * (0.45 + 0.16 * k)
        pygame.draw.line(surface, C.ink_soft, (sheet.x + w * .2, y), (sheet.right - w * .2, y),
                         max(1, rect.height // 18))


def draw_contact(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """A phone-in-a-circle icon for a help contact."""
    img = icon("help-contact", rect.height)
    if img is not None:
        surface.blit(img, img.get_rect(center=rect.center))
        return
    C = palette()
    r = rect.height // 2
    pygame.draw.circle(surface, C.safe, rect.center, r)
    handset = pygame.Rect(0, 0, r * 0.7, r * 1.2)
    handset.center = rect.center
    pygame.draw.rect(surface, C.ink_inverse, handset, border_radius=max(2, r // 4))
    pygame.draw.rect(surface, C.safe, handset.inflate(-r * .35, -r * .55), border_radius=2)


# -- buttons --------------------------------------------------------------------

STYLES = {
    # style: (bg, hover bg, text)
    "primary": ("accent", "accent_hover", "accent_text"),
    "secondary": ("secondary", "secondary_hover", "secondary_text"),
    "quiet": ("quiet", "quiet_hover", "quiet_text"),
    "choice": ("paper", "quiet", "ink"),
}


class Button:
    """A big button: wrapped label, optional number badge, hover, focus, greyed."""

    def __init__(self, rect: pygame.Rect, label: str, on_press: Callable[[], None],
                 style: str = "primary", size: int = 24, number: Optional[int] = None,
                 enabled: bool = True, reason: str = "", align: str = "center",
                 name: str = "", reason_size: Optional[int] = None,
                 icon: Optional[Callable[[pygame.Surface, pygame.Rect, tuple], None]] = None):
        self.rect = pygame.Rect(rect)
        self.icon = icon            # draws a picture left of the label (menu, speaker ...)
        self.reason_size = reason_size or size
        self.label, self.on_press, self.style, self.size = label, on_press, style, size
        self.number, self.enabled, self.reason = number, enabled, reason
        self.align, self.name = align, name or label
        self.hover = False
        self.focused = False
        self.selected = False
        self._pressed_inside = False

    # geometry
    def _inner(self) -> pygame.Rect:
        pad = max(6, round(self.size * 0.55))
        left = pad
        if self.number is not None:
            left = round(self.size * 2.3)
        elif self.icon is not None:
            left = pad + round(self.size * 1.5)
        return pygame.Rect(self.rect.x + left, self.rect.y + pad // 2,
                           self.rect.width - left - pad, self.rect.height - pad)

    @staticmethod
    def height_for(label: str, width: int, size: int, number: bool = False,
                   reason: str = "", reason_size: Optional[int] = None) -> int:
        """How tall a button must be to show `label` (and `reason`) unclipped."""
        pad = max(6, round(size * 0.55))
        left = round(size * 2.3) if number else pad
        inner_w = width - left - pad
        h = block(label, size, (0, 0, 0), inner_w, bold=True).height
        if reason:
            h += block(reason, reason_size or size, (0, 0, 0), inner_w).height
        return max(h + pad + round(size * 0.5), round(size * 2.1))

    def colours(self):
        C = palette()
        if not self.enabled:
            return C.disabled, C.disabled_text
        bg, hover, fg = STYLES.get(self.style, STYLES["primary"])
        if self.selected:
            return C.secondary, C.secondary_text
        return (C[hover] if self.hover else C[bg]), C[fg]

    def draw(self, surface: pygame.Surface) -> None:
        C = palette()
        bg, fg = self.colours()
        radius = max(6, round(self.size * 0.45))
        border = max(2, self.size // 10)
        edge = C.border if self.style == "choice" else None
        rounded(surface, self.rect, bg, radius, border if edge or not self.enabled else 0,
                edge or C.disabled_text, shadow=0 if not self.enabled else max(2, self.size // 6))
        if self.focused:
            pygame.draw.rect(surface, C.focus, self.rect.inflate(border * 4, border * 4),
                             border * 2, border_radius=radius + border * 2)
        inner = self._inner()
        if self.number is not None:
            d = round(self.size * 1.55)
            badge = pygame.Rect(0, 0, d, d)
            badge.center = (self.rect.x + round(self.size * 1.2), self.rect.centery)
            pygame.draw.circle(surface, C.secondary if self.enabled else C.disabled_text,
                               badge.center, d / 2)
            draw_line(surface, str(self.number), self.size, C.ink_inverse, badge.center,
                        bold=True, anchor="center")
        if self.icon is not None:
            d = round(self.size * 1.2)
            box = pygame.Rect(0, 0, d, d)
            box.midleft = (inner.x - round(self.size * 1.35), self.rect.centery)
            if not self.label:
                box.center = self.rect.center
            self.icon(surface, box, fg)
        label = block(self.label, self.size, fg, inner.width, bold=True,
                        align=self.align if self.number is None else "left")
        reason = block(self.reason, self.reason_size, fg, inner.width,
                         align=label.align) if self.reason else None
        total = label.height + (reason.height if reason else 0)
        y = inner.y + max(0, (inner.height - total) // 2)
        label.draw(surface, inner.x, y, self.rect, "button")
        if reason:
            reason.draw(surface, inner.x, y + label.height, self.rect, "button-reason")

    # input
    def handle(self, event: pygame.event.Event) -> bool:
        """True when this button was pressed by the event (mouse or touch)."""
        if event.type == pygame.MOUSEMOTION:
            self.hover = self.rect.collidepoint(event.pos)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._pressed_inside = self.rect.collidepoint(event.pos)
            self.hover = self._pressed_inside
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            inside = self.rect.collidepoint(event.pos)
            was = self._pressed_inside
            self._pressed_inside = False
            if getattr(event, "from_touch", False):
                self.hover = False       # a lifted finger hovers over nothing
            if inside and was and self.enabled:
                self.on_press()
                return True
        return False

    def press(self) -> None:
        if self.enabled:
            self.on_press()


def draw_menu_icon(surface: pygame.Surface, rect: pygame.Rect, colour) -> None:
    """Three bars: the menu."""
    h = max(2, rect.height // 6)
    for k in range(3):
        y = rect.y + round(rect.height * (0.18 + 0.32 * k)) - h // 2
        pygame.draw.rect(surface, colour, (rect.x, y, rect.width, h), border_radius=h // 2)


def draw_speaker_icon(surface: pygame.Surface, rect: pygame.Rect, colour) -> None:
    """A loudspeaker with two sound waves: read aloud."""
    x, y, w, h = rect
    body = pygame.Rect(x, y + round(h * 0.34), round(w * 0.22), round(h * 0.32))
    pygame.draw.rect(surface, colour, body)
    pygame.draw.polygon(surface, colour, [(body.right, body.top), (x + round(w * 0.5), y + h * 0.1),
                                          (x + round(w * 0.5), y + h * 0.9), (body.right, body.bottom)])
    width = max(2, w // 12)
    for k, r in enumerate((0.22, 0.4)):
        arc = pygame.Rect(0, 0, round(w * r * 2), round(h * r * 2))
        arc.center = (x + round(w * 0.5), y + h // 2)
        pygame.draw.arc(surface, colour, arc, -0.9, 0.9, width)


class ButtonGroup:
    """Buttons of one screen, with keyboard focus moved by Tab/arrows."""

    def __init__(self, vertical: bool = True):
        self.buttons: list[Button] = []
        self.focus: Optional[int] = None
        self.vertical = vertical

    def add(self, button: Button) -> Button:
        self.buttons.append(button)
        return button

    def clear(self) -> None:
        self.buttons.clear()
        self.focus = None

    def set_focus(self, index: Optional[int]) -> None:
        self.focus = index
        for i, b in enumerate(self.buttons):
            b.focused = i == index

    def move(self, step: int) -> None:
        usable = [i for i, b in enumerate(self.buttons) if b.enabled]
        if not usable:
            return
        if self.focus not in usable:
            self.set_focus(usable[0] if step > 0 else usable[-1])
            return
        k = usable.index(self.focus)
        self.set_focus(usable[(k + step) % len(usable)])

    def handle(self, event: pygame.event.Event) -> bool:
        """Mouse/touch presses and Tab/arrow/Enter focus keys; True if used."""
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            for b in list(self.buttons):
                if b.handle(event):
                    return True
            return False
        if event.type == pygame.KEYDOWN:
            back = pygame.K_UP if self.vertical else pygame.K_LEFT
            fwd = pygame.K_DOWN if self.vertical else pygame.K_RIGHT
            if event.key == pygame.K_TAB:
                self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            if event.key == fwd:
                self.move(1)
                return True
            if event.key == back:
                self.move(-1)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) \
                    and self.focus is not None and self.focus < len(self.buttons):
                self.buttons[self.focus].press()
                return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        for b in self.buttons:
            b.draw(surface)

    def find(self, name: str) -> Optional[Button]:
        return next((b for b in self.buttons if b.name == name), None)


def dim(surface: pygame.Surface, rgba) -> None:
    """Darken the whole surface toward `rgba`'s colour by its alpha, in place
    (what blitting a full-screen translucent layer would do, without keeping
    an 8 MB layer at 1080p)."""
    r, g, b, a = (tuple(rgba) + (255,))[:4]
    keep = 255 - a
    surface.fill((keep, keep, keep), special_flags=pygame.BLEND_RGB_MULT)
    surface.fill((r * a // 255, g * a // 255, b * a // 255), special_flags=pygame.BLEND_RGB_ADD)
