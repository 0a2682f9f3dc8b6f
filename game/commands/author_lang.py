"""The language the authoring commands speak: `--lang id|en`, else the remembered one.

`validate`, `strings`, `new` and `simulate` say their messages, hints and
summaries in the author's language (localisation/author.<lang>.json): the
`--lang` given, else the language remembered in the settings (the one the
game was last played in), else Bahasa Indonesia. `--help` uses the remembered
one too, as it is shown before any option is read.
"""
from __future__ import annotations

import argparse
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


def help_language(p: argparse.ArgumentParser) -> str:
    """The language of a parser's help: set by the command line when it built it."""
    return getattr(p, "help_lang", None) or remembered_language()


def add_lang_argument(p: argparse.ArgumentParser) -> None:
    """`--lang id|en`: the language of the command's messages."""
    p.add_argument("--lang", choices=author_languages(), default=None,
                   help=author_tr("help_lang", help_language(p)))


def language_of(args: argparse.Namespace) -> str:
    """The `--lang` given, else the remembered language, else id."""
    return getattr(args, "lang", None) or remembered_language()


def author_tr(key: str, lang: Optional[str] = None, /, **values) -> str:
    """The authoring words `key` in `lang` (None: the remembered language)."""
    from game.localise import tr
    return tr(key, lang or remembered_language(), ns=NAMESPACE, **values)
