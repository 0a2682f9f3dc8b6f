"""Where the game's own files are, and the defaults that go with them.

Every module that needs the packs, the localisation files or the assets asks
here; nothing else works out a path from `__file__`. The folders are the
top-level ones the design fixes (`scenarios/`, `localisation/`, `assets/`),
found next to the `game` package in a checkout or an editable install, or
inside a bundled app (PyInstaller sets `sys._MEIPASS`).

A pack's card files are listed by `card_files`, the one place that decides
which files under `cards/` belong to a pack (the validator, the save's pack
hash and the translation tools all use it).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

DEFAULT_PACK = "malaysia"
DEFAULT_LANG = "id"           # Bahasa Indonesia; English is the second language
PACK_FILE = "pack.yaml"
CARDS_FOLDER = "cards"
CARD_SUFFIXES = (".yaml", ".yml")


def _root() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled)
    return Path(__file__).resolve().parent.parent


ROOT = _root()
SCENARIOS = ROOT / "scenarios"
LOCALISATION = ROOT / "localisation"
ASSETS = ROOT / "assets"
ICONS = ASSETS / "icons"
SOUNDS = ASSETS / "sounds"


def card_files(pack_dir: str | os.PathLike) -> list[Path]:
    """The pack's card files: `cards/*.yaml` and `*.yml` (not hidden ones), by name."""
    folder = Path(pack_dir) / CARDS_FOLDER
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return sorted((folder / e.name for e in entries
                   if e.name.endswith(CARD_SUFFIXES) and not e.name.startswith(".")
                   and e.is_file()),
                  key=lambda p: p.name)


def pack_files(pack_dir: str | os.PathLike) -> list[Path]:
    """pack.yaml and the card files: every file whose content makes the pack."""
    return [Path(pack_dir) / PACK_FILE] + card_files(pack_dir)
