"""The author's language, for any command's messages: the language remembered
in the settings (the one the game was last played in) if the authoring words
are in it, else Bahasa Indonesia. `game.commands.author_lang` adds `--lang`.
"""
from __future__ import annotations

from typing import Optional

from game.paths import DEFAULT_LANG, LOCALISATION

NAMESPACE = "author"


def author_languages() -> list[str]:
    """The languages the authoring words are in (localisation/author.<lang>.json)."""
    found = [p.name[len(NAMESPACE) + 1:-len(".json")]
             for p in sorted(LOCALISATION.glob(f"{NAMESPACE}.*.json"))]
    return sorted(found, key=lambda code: (code != "id", code != "en", code)) or ["en"]


def remembered_language() -> str:
    """The language the settings remember, if the authoring words are in it; else id.
    Reading the settings never stops a command."""
    try:
        from game.session.settings import Settings
        settings, _notice = Settings.load()
        code = settings.language
    except Exception:  # noqa: BLE001 - a settings problem must not stop validate
        code = DEFAULT_LANG
    return code if code in author_languages() else DEFAULT_LANG


def author_tr(key: str, lang: Optional[str] = None, /, **values) -> str:
    """The authoring words `key` in `lang` (None: the remembered language)."""
    from game.localise import tr
    return tr(key, lang or remembered_language(), ns=NAMESPACE, **values)
