"""Icons for the screens: load once, scale once per size, never crash.

The PNGs live in ``assets/icons/`` (``game.paths.ICONS``) and are drawn by
``assets/make_assets.py`` (256x256, transparent). ``find_icon(name, size)``
returns a square surface of ``size`` pixels, or None when the file is missing
or broken (the screens then draw a simple shape of their own);
``load_icon(name, size)`` gives a drawn placeholder instead of None. Either
way one warning is logged per icon, never an exception. Nothing is read at
import time.

``document_icon_name(doc_id)`` picks the icon for a pack's document id
("ktp", "paspor", "work-visa", "bpjs" ...), defaulting to ``doc-generic``.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Optional

import pygame

from game.paths import ICONS

log = logging.getLogger(__name__)

STAGE_ICONS = {
    "recruitment": "stage-recruitment",
    "documentation": "stage-documentation",
    "travel": "stage-travel",
    "work": "stage-work",
    "home": "stage-home",
}
SAFE_PLACE_ICONS = {
    "family": "safe-family",
    "training": "safe-training",
    "support": "safe-support",
}
SPACE_ICONS = {
    "card": "space-card",
    "event": "space-event",
    "checkpoint": "space-checkpoint",
    "safe": "space-safe",
}
DOCUMENT_ICONS = (
    "doc-id-card",
    "doc-passport",
    "doc-visa",
    "doc-contract",
    "doc-certificate",
    "doc-insurance",
    "doc-letter",
    "doc-generic",
)
DICE_ICONS = tuple(f"dice-{n}" for n in range(1, 7))

#: Every icon this module knows; each is a file assets/icons/<name>.png.
ICON_NAMES: tuple[str, ...] = (
    *STAGE_ICONS.values(),
    *SAFE_PLACE_ICONS.values(),
    *SPACE_ICONS.values(),
    *DOCUMENT_ICONS,
    "help-contact",
    "money",
    "debt",
    "risk",
    *DICE_ICONS,
    "card-back",
    "sound-on",
    "sound-off",
)

_NAME_OK = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

_originals: dict[str, Optional[pygame.Surface]] = {}   # None: failed
_scaled: dict[tuple[str, int], Optional[pygame.Surface]] = {}
_placeholders: dict[int, pygame.Surface] = {}
_warned: set[str] = set()


def icon_path(name: str) -> Path:
    return ICONS / f"{name}.png"


def dice_icon_name(value: int) -> str:
    """The icon of a die face, 1..6 (other values are clamped)."""
    try:
        v = int(value)
    except (TypeError, ValueError):
        v = 1
    return f"dice-{min(6, max(1, v))}"


def clear_cache() -> None:
    """Forget loaded and scaled icons (and which warnings were given)."""
    _originals.clear()
    _scaled.clear()
    _placeholders.clear()
    _warned.clear()


def _warn_once(name: str, why: str) -> None:
    if name not in _warned:
        _warned.add(name)
        log.warning("icon %r unavailable (%s); drawing a placeholder", name, why)


def _display_ready() -> bool:
    try:
        return pygame.display.get_init() and pygame.display.get_surface() is not None
    except Exception:  # pragma: no cover - a broken display module
        return False


def _load_original(name: str) -> pygame.Surface | None:
    """The full-size icon, or None (after one warning) when it cannot be had."""
    if name in _originals:
        return _originals[name]
    surf = None
    if not _NAME_OK.match(name):
        _warn_once(name, "not a valid icon name")
    else:
        path = icon_path(name)
        try:
            surf = pygame.image.load(str(path))
            if surf.get_width() < 1 or surf.get_height() < 1:
                raise ValueError("empty image")
            if surf.get_bitsize() != 32 or not surf.get_flags() & pygame.SRCALPHA:
                # smoothscale wants 24/32-bit; keep transparency where there is some
                rgba = pygame.Surface(surf.get_size(), pygame.SRCALPHA, 32)
                rgba.blit(surf, (0, 0))
                surf = rgba
        except FileNotFoundError:
            _warn_once(name, f"no file {path}")
            surf = None
        except Exception as exc:  # broken PNG, unreadable file, ...
            _warn_once(name, f"cannot load {path}: {exc}")
            surf = None
    _originals[name] = surf
    return surf


def placeholder(size: int) -> pygame.Surface:
    """A drawn stand-in: a dashed-looking rounded square with a question mark."""
    size = max(1, int(size))
    s = pygame.Surface((size, size), pygame.SRCALPHA, 32)
    s.fill((43, 33, 24, 0))
    m = max(1, size // 16)
    w = max(1, size // 14)
    rect = pygame.Rect(m, m, size - 2 * m, size - 2 * m)
    pygame.draw.rect(s, (234, 223, 203, 255), rect, border_radius=max(0, size // 6))
    pygame.draw.rect(s, (138, 106, 74, 255), rect, width=w, border_radius=max(0, size // 6))
    if size >= 12:
        cx, cy, r = size / 2, size * 0.40, size * 0.15
        arc = pygame.Rect(round(cx - r), round(cy - r), round(2 * r), round(2 * r))
        pygame.draw.arc(s, (138, 106, 74, 255), arc, -1.4, 3.3, max(1, size // 14))
        pygame.draw.line(s, (138, 106, 74, 255), (round(cx), round(cy + r * 0.9)),
                         (round(cx), round(size * 0.62)), max(1, size // 14))
        pygame.draw.circle(s, (138, 106, 74, 255), (round(cx), round(size * 0.74)), max(1, size // 18))
    return s


def _key(name, size) -> tuple[str, int]:
    """An icon's cache key: the name trimmed and lower-cased, the size at least 1."""
    try:
        size = max(1, int(size))
    except (TypeError, ValueError):
        size = 1
    return (name.strip().lower() if isinstance(name, str) else repr(name), size)


def _for_display(surface: pygame.Surface) -> pygame.Surface:
    """`surface` in the display's pixel format when there is a display (faster blits)."""
    if _display_ready():
        try:
            return surface.convert_alpha()
        except Exception:
            pass
    return surface


def find_icon(name: str, size: int) -> Optional[pygame.Surface]:
    """The icon `name` as a `size` x `size` surface with alpha, or None when it
    cannot be had (after one logged warning).

    Loaded from disk once, scaled once per size. Never raises. The returned
    surface is shared; copy it before drawing on it.
    """
    key = _key(name, size)
    if key in _scaled:
        return _scaled[key]
    name, size = key
    out = None
    try:
        orig = _load_original(name)
        if orig is not None:
            if orig.get_size() == (size, size):
                out = orig.copy()
            else:
                out = pygame.transform.smoothscale(orig, (size, size))
            out = _for_display(out)
    except Exception as exc:  # never let an icon take the game down
        _warn_once(name, f"cannot draw it: {exc}")
        out = None
    _scaled[key] = out
    return out


def load_icon(name: str, size: int) -> pygame.Surface:
    """The icon `name` as a `size` x `size` surface with alpha: `find_icon`, or a
    drawn placeholder when the icon is missing or broken."""
    found = find_icon(name, size)
    if found is not None:
        return found
    size = _key(name, size)[1]
    if size not in _placeholders:
        _placeholders[size] = _for_display(placeholder(size))
    return _placeholders[size]


# Keywords are matched against the lower-cased id. Short ones must be a whole
# word (split on anything that is not a letter or digit); longer ones may be
# part of a word ("workpermit", "sertifikat-kompetensi"). The first group
# that matches wins, so the more specific kinds come first.
_DOC_KEYWORDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    # icon,            substrings,                                      whole words
    ("doc-passport", ("passport", "paspor", "pasport"), ()),
    ("doc-visa", ("visa", "permit", "plks", "izin-kerja", "ijin-kerja"), ("ep", "wp", "iqama")),
    ("doc-insurance", ("bpjs", "insurance", "asuransi", "jaminan", "jamsos", "socialsecurity",
                       "social-security", "kesehatan-card"), ("kpa",)),
    ("doc-contract", ("contract", "kontrak", "perjanjian", "agreement"), ("pk",)),
    ("doc-certificate", ("certificate", "cert", "sertifikat", "ijazah", "diploma", "kompetensi",
                         "competence", "medical", "medis", "health", "sehat", "skck",
                         "clearance", "training", "pelatihan"), ()),
    ("doc-id-card", ("ktp", "id-card", "idcard", "identity", "identitas", "ktkln", "e-pmi",
                     "epmi", "kartu"), ("id", "kk", "nik", "card")),
    ("doc-letter", ("letter", "surat", "consent", "izin", "ijin", "permission",
                    "rekomendasi", "recommendation", "invitation", "undangan", "email"), ()),
)


def document_icon_name(doc_id: str) -> str:
    """The document icon that best fits a pack's document id (never fails)."""
    if not isinstance(doc_id, str):
        return "doc-generic"
    text = doc_id.strip().lower().replace("_", "-").replace(" ", "-")
    words = set(w for w in re.split(r"[^a-z0-9]+", text) if w)
    for icon, subs, whole in _DOC_KEYWORDS:
        if any(s in text for s in subs) or any(w in words for w in whole):
            return icon
    return "doc-generic"
