"""Card pictures: read once from the pack's assets/, scaled once per size.

A card's `image` is a path inside its pack's assets/ folder
("scenes/agent.png"). `picture(pack, name, size)` gives it scaled to `size`
(the scaled surface is kept for the next frame); `aspect(pack, name)` its
width over its height, for laying a screen out before anything is scaled. A
picture that is missing or broken is drawn as a placeholder (a framed
landscape, no words) and one warning is printed on stderr; it never raises.
Nothing is read at import time.
"""
from __future__ import annotations

import sys
from collections import OrderedDict
from pathlib import Path
from typing import Optional

import pygame

from game.ui.theme import palette

SCENE_ASPECT = 1.5      # the game's scenes are 600x400; a placeholder keeps that shape
_SCALED_KEPT = 12       # scaled pictures kept (a card and a few sizes tried)

_originals: dict[str, Optional[pygame.Surface]] = {}     # None: missing or broken
_scaled: "OrderedDict[tuple[str, int, int], pygame.Surface]" = OrderedDict()
_placeholders: "OrderedDict[tuple[int, int], pygame.Surface]" = OrderedDict()
_warned: set[str] = set()


def picture_path(pack, name: str) -> Path:
    return Path(getattr(pack, "path", "") or ".") / "assets" / name


def clear() -> None:
    """Forget every picture read (the pack's assets/ may have changed). A warning
    already printed for a file is not printed again."""
    _originals.clear()
    _scaled.clear()


def _warn(path: Path, why: str) -> None:
    key = str(path)
    if key not in _warned:
        _warned.add(key)
        print(f"warning: card picture {path}: {why}; a placeholder is shown instead",
              file=sys.stderr)


def original(pack, name: str) -> Optional[pygame.Surface]:
    """The picture as read from disk, or None (with one warning) when it cannot be."""
    path = picture_path(pack, name)
    key = str(path)
    if key not in _originals:
        surf = None
        try:
            surf = pygame.image.load(key)
            if surf.get_width() < 1 or surf.get_height() < 1:
                raise ValueError("the picture is empty")
        except FileNotFoundError:
            _warn(path, "no such file")
            surf = None
        except (pygame.error, OSError, ValueError) as exc:
            _warn(path, f"cannot be read ({exc})")
            surf = None
        _originals[key] = surf
    return _originals[key]


def aspect(pack, name: str) -> float:
    """Width over height of the picture (of the placeholder when there is none)."""
    img = original(pack, name)
    if img is None:
        return SCENE_ASPECT
    return img.get_width() / img.get_height()


def fitted(ratio: float, width: int, height: int) -> tuple[int, int]:
    """The largest size of aspect `ratio` inside width x height."""
    w = min(width, round(height * ratio))
    h = min(height, round(w / ratio))
    return max(1, w), max(1, h)


def picture(pack, name: str, size: tuple[int, int]) -> tuple[pygame.Surface, bool]:
    """(the picture scaled to `size`, True) or (a placeholder of that size, False)."""
    w, h = max(1, int(size[0])), max(1, int(size[1]))
    img = original(pack, name)
    if img is None:
        return placeholder((w, h)), False
    key = (str(picture_path(pack, name)), w, h)
    surf = _scaled.get(key)
    if surf is None:
        surf = _scale(img, (w, h))
        _scaled[key] = surf
        while len(_scaled) > _SCALED_KEPT:
            _scaled.popitem(last=False)
    else:
        _scaled.move_to_end(key)
    return surf, True


def _scale(img: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    if img.get_bitsize() not in (24, 32):     # smoothscale needs 24 or 32 bits a pixel
        deep = pygame.Surface(img.get_size(), pygame.SRCALPHA, 32)
        deep.blit(img, (0, 0))
        img = deep
    surf = pygame.transform.smoothscale(img, size)
    if pygame.display.get_surface() is not None:
        surf = surf.convert_alpha() if surf.get_flags() & pygame.SRCALPHA else surf.convert()
    return surf


def placeholder(size: tuple[int, int]) -> pygame.Surface:
    """A framed landscape (hills and a sun) in the theme's quiet colours."""
    key = (int(size[0]), int(size[1]))
    surf = _placeholders.get(key)
    if surf is not None:
        return surf
    C = palette()
    w, h = key
    surf = pygame.Surface(key)
    surf.fill(C.quiet)
    line = max(2, round(min(w, h) / 45))
    sun = (round(w * 0.72), round(h * 0.32))
    pygame.draw.circle(surf, C.background, sun, max(2, round(h * 0.11)))
    pygame.draw.circle(surf, C.border, sun, max(2, round(h * 0.11)), line)
    hills = [(0, h), (0, round(h * 0.72)), (round(w * 0.3), round(h * 0.42)),
             (round(w * 0.52), round(h * 0.66)), (round(w * 0.68), round(h * 0.52)),
             (w, round(h * 0.8)), (w, h)]
    pygame.draw.polygon(surf, C.quiet_hover, hills)
    pygame.draw.lines(surf, C.border, False, hills[1:-1], line)
    pygame.draw.rect(surf, C.border, surf.get_rect(), line)
    _placeholders[key] = surf
    while len(_placeholders) > 4:
        _placeholders.popitem(last=False)
    return surf
