"""UI strings, through pygame-gui's translation support (python-i18n).

The strings live in `localisation/game.<lang>.json`; `UIManager` is given
that folder (`translation_directory_paths`) and `set_locale()` switches the
language. A third language is one more file: `languages()` finds it.
"""
from __future__ import annotations

import json
from pathlib import Path

import i18n

LOCALISATION = Path(__file__).resolve().parent.parent.parent / "localisation"
NAMESPACE = "game"
FIRST = ("id", "en")  # Bahasa Indonesia is the default, English the second


def tr(key: str, **values) -> str:
    """The UI string `key` in the current language (English if missing)."""
    return i18n.t(f"{NAMESPACE}.{key}", **values)


def languages() -> list[tuple[str, str]]:
    """(code, name in its own language) for every file in localisation/."""
    found = []
    for path in sorted(LOCALISATION.glob(f"{NAMESPACE}.*.json")):
        code = path.name[len(NAMESPACE) + 1:-len(".json")]
        try:
            with open(path, encoding="utf-8") as f:
                name = json.load(f)[code].get("language_name", code)
        except (OSError, ValueError, KeyError, AttributeError):
            continue
        found.append((code, name))
    order = {c: i for i, c in enumerate(FIRST)}
    found.sort(key=lambda cn: (order.get(cn[0], len(order)), cn[0]))
    return found
