"""Every word a user sees, through one mechanism: python-i18n, as pygame-gui uses it.

The words live in `localisation/<namespace>.<lang>.json` (python-i18n's file
format, the one pygame-gui's `UIManager` reads): `game` for the screens,
`session` for saves, settings, read-aloud and the session report, `balance`
for the balance report, and so on, one namespace per job. A third language is
one more file per namespace; a missing string falls back to English.

    tr("roll")                             # the screens' namespace, current language
    tr("save.broken", "en", ns="session", file=..., why=..., moved=...)

Placeholders are written `%{name}` in the files. Pack texts (mappings from
language code to text) are chosen by `pick`/`text_language`, the one rule for
which language a text is shown in; `money` and `date_time` format for people.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Optional, Union

import i18n

# pick / text_language: the one rule for a pack text's language, kept with the
# content models (standard library only) and re-exported here for the screens
from game.content.localised import Text, pick, text_language  # noqa: F401
from game.paths import DEFAULT_LANG, LOCALISATION

NAMESPACE = "game"        # the screens' strings; other jobs name their own namespace
FIRST = ("id", "en")      # Bahasa Indonesia is the default, English the second
FALLBACK = "en"


def use_files() -> None:
    """Point python-i18n at localisation/ (pygame-gui's UIManager does the same)."""
    i18n.set("file_format", "json")
    i18n.set("fallback", FALLBACK)
    if str(LOCALISATION) not in [str(p) for p in i18n.load_path]:
        i18n.load_path.append(str(LOCALISATION))


def set_language(code: str) -> None:
    """The language `tr` uses when it is not given one."""
    use_files()
    i18n.set("locale", code)


def tr(key: str, lang: Optional[str] = None, /, *, ns: str = NAMESPACE, **values) -> str:
    """The string `key` of namespace `ns` in `lang` (default: the current language);
    `values` fill its placeholders (`lang` is positional, so a placeholder may be
    called %{lang} too)."""
    use_files()
    if lang is None:
        return i18n.t(f"{ns}.{key}", **values)
    return i18n.t(f"{ns}.{key}", locale=lang, **values)


def languages() -> list[tuple[str, str]]:
    """(code, name in its own language) for every language the screens have."""
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


def known_language(code: Optional[str]) -> str:
    """`code` if the screens have it, else the default language."""
    codes = {c for c, _ in languages()}
    return code if code in codes else DEFAULT_LANG


# -- numbers and dates ----------------------------------------------------------------

def money(amount: int, lang: Optional[str] = None) -> str:
    """Game money is in thousands of rupiah, said as people say it: `Rp 1,5 juta`,
    `Rp 500 ribu` (a debt or payment is shown without its sign)."""
    amount = abs(int(amount))
    if amount == 0:
        return tr("rp_zero", lang)
    if amount >= 1000:
        n = f"{amount / 1000:.1f}".rstrip("0").rstrip(".")
        return tr("rp_million", lang, n=n.replace(".", tr("decimal_sep", lang)))
    return tr("rp_thousand", lang, n=str(amount))


def date_time(when: Union[datetime, str], lang: Optional[str] = None) -> str:
    """`1 Mei 2025, 14.03` / `1 May 2025, 14:03`; an unreadable date as it is."""
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when)
        except ValueError:
            return when
    month = tr(f"month_{when.month}", lang)
    return tr("date_time", lang, day=str(when.day), month=month, year=str(when.year),
              hour=f"{when.hour:02d}", minute=f"{when.minute:02d}")
