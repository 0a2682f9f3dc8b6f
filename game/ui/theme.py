"""The look of the game, read from theme.json (a pygame-gui theme file).

pygame-gui reads the element blocks (text entry lines and so on); the
`@game` block holds the palette our own drawing uses: colours, the token
colours (Okabe-Ito, safe for colour-blind players) and the token shapes.
Font sizes in the file may say "body"/"heading"; they are replaced by the
sizes `layout.Layout` gives for the window, so the theme scales too.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pygame

THEME_FILE = Path(__file__).with_name("theme.json")
_raw: dict[str, Any] | None = None


def raw() -> dict[str, Any]:
    global _raw
    if _raw is None:
        with open(THEME_FILE, encoding="utf-8") as f:
            _raw = json.load(f)
    return _raw


def _colour(text: str) -> pygame.Color:
    return pygame.Color(text)


class Palette:
    """Colours by name: `C.ink`, `C['stage_work']`."""

    def __init__(self, data: dict[str, str]):
        self._c = {k: _colour(v) for k, v in data.items()}

    def __getattr__(self, name: str) -> pygame.Color:
        try:
            return self.__dict__["_c"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> pygame.Color:
        return self._c[name]


_palette: Palette | None = None


def palette() -> Palette:
    global _palette
    if _palette is None:
        _palette = Palette(raw()["@game"]["colours"])
    return _palette


def token_colours() -> list[pygame.Color]:
    return [_colour(c) for c in raw()["@game"]["tokens"]]


def token_shapes() -> list[str]:
    return list(raw()["@game"]["shapes"])


def gui_theme(layout) -> dict[str, Any]:
    """The pygame-gui theme for this window size (named sizes made numbers)."""
    data = copy.deepcopy(raw())
    data.pop("@game", None)
    sizes = {"body": layout.body, "heading": layout.heading, "big": layout.big}
    for block in data.values():
        f = block.get("font") if isinstance(block, dict) else None
        if f and str(f.get("size")) in sizes:
            f["size"] = str(sizes[str(f["size"])])
        misc = block.get("misc") if isinstance(block, dict) else None
        if misc and "padding" in misc:
            misc["padding"] = f"{layout.pad},{max(2, layout.pad // 3)}"
    return data


def contrast(a, b) -> float:
    """WCAG contrast ratio of two colours."""
    def lum(c) -> float:
        c = pygame.Color(c)
        out = []
        for v in (c.r, c.g, c.b):
            v /= 255
            out.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * out[0] + 0.7152 * out[1] + 0.0722 * out[2]
    la, lb = sorted((lum(a), lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
