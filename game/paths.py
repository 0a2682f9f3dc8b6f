"""Where the game's own files are, and the defaults that go with them.

Every module that needs the packs, the localisation files or the assets asks
here; nothing else works out a path from `__file__`. The folders are the
top-level ones the design fixes (`scenarios/`, `localisation/`, `assets/`),
and `ROOT` is the folder that holds them, wherever the game runs from:

- the standalone app (PyInstaller, `.ci/build-app`): the app's bundle folder,
  `sys._MEIPASS`. Its packs are in `scenarios/` next to the executable, where a
  trainer sees them and copies in a pack someone sent; without that folder, the
  bundle's own `scenarios/`.
- installed from a wheel (`pip install .`): the package data the wheel carries
  as `game/_data/`, found with `importlib.resources`.
- a checkout, `python run_game.py` or an editable install: the top of the
  repository, next to the `game` package.

A pack's card files are listed by `card_files`, the one place that decides
which files under `cards/` belong to a pack (the validator, the save's pack
hash and the translation tools all use it).
"""
from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path
from typing import Optional

DEFAULT_PACK = "malaysia"
DEFAULT_LANG = "id"           # Bahasa Indonesia; English is the second language
PACK_FILE = "pack.yaml"
CARDS_FOLDER = "cards"
CARD_SUFFIXES = (".yaml", ".yml")


FOLDERS = ("scenarios", "localisation", "assets")
PACKAGE_DATA = "_data"        # the wheel's copy of FOLDERS: game/_data/ (pyproject.toml)


def app_folder() -> Optional[Path]:
    """The folder holding the standalone app's executable; None when not the app."""
    if getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None):
        return Path(sys.executable).resolve().parent
    return None


def find_root(bundle: Optional[str] = None, package: Optional[Path] = None,
              checkout: Optional[Path] = None) -> Path:
    """The folder holding scenarios/, localisation/ and assets/.

    `bundle`: the app's `sys._MEIPASS`; `package`: the `game` package's folder;
    `checkout`: the repository's top folder (the defaults are this process's)."""
    if bundle is None:
        bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    if package is None:
        package = _package_folder()
    if package is not None and (package / PACKAGE_DATA / "localisation").is_dir():
        return package / PACKAGE_DATA
    return checkout if checkout is not None else Path(__file__).resolve().parent.parent


def find_scenarios(root: Path, app: Optional[Path] = None) -> Path:
    """The packs' folder: `scenarios/` next to the app's executable when there is
    one (`app`: `app_folder()`), else `root/scenarios`."""
    if app is not None and (app / "scenarios").is_dir():
        return app / "scenarios"
    return root / "scenarios"


def _package_folder() -> Optional[Path]:
    """The installed `game` package's folder on disk (None if not a plain folder)."""
    try:
        found = resources.files(__package__ or "game")
    except (ImportError, TypeError, ValueError):
        return None
    return found if isinstance(found, Path) else None


ROOT = find_root()
SCENARIOS = find_scenarios(ROOT, app_folder())
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
