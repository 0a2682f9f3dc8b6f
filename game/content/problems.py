"""What the pack loader reports: a `Problem` at FILE:LINE:COL, and the `LoadResult`.

Every check adds problems instead of raising, so an author sees everything
wrong with a pack in one pass. A problem's message is a `Said`: the English
text (what `message` and `str()` show, for scripts and tests) that also keeps
its key in localisation/author.*.json and its values, so `validate --lang id`
can say the same thing in the author's language.
"""
from __future__ import annotations

import difflib
import functools
import json
import re
import string
from dataclasses import dataclass, field
from typing import Iterable, Optional

from game.content.model import Pack

ERROR, WARNING = "error", "warning"
NAMESPACE = "author"  # localisation/author.<lang>.json: the validator's and authoring words


class _Words(string.Template):
    delimiter = "%"  # %{name}, as python-i18n (game.localise.tr) reads the same files


@functools.lru_cache(maxsize=None)
def _catalog(lang: str) -> dict:
    """localisation/author.<lang>.json, read once: a pack with thousands of problems
    makes thousands of messages, too many to look each up through python-i18n."""
    from game.paths import LOCALISATION
    try:
        with open(LOCALISATION / f"{NAMESPACE}.{lang}.json", encoding="utf-8") as f:
            words = json.load(f).get(lang)
    except (OSError, ValueError, AttributeError):
        return {}
    return words if isinstance(words, dict) else {}


def _render(key: str, lang: str, values: tuple) -> str:
    shown = {name: value.say(lang) if isinstance(value, Said) else
             _what(value, lang) if name == "what" and lang != "en" else value
             for name, value in values}
    template = _catalog(lang).get(key)
    if not isinstance(template, str):  # another language, or a key it lacks: as tr says it
        from game.localise import tr
        return tr(key, lang, ns=NAMESPACE, **shown)
    return _Words(template).safe_substitute(shown)


def _what(value, lang: str):
    """What a message is about, in `lang`: 'document name' has words of its own
    (what_document_name); a field's name ('title', 'effects.money') is as written."""
    if not isinstance(value, str) or " " not in value:
        return value
    slug = re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_")
    return _catalog(lang).get(f"what_{slug}") or value


class Said(str):
    """A message in English (it *is* that string) that can be said in another language:
    `key` names it in localisation/author.*.json, `values` fill its %{placeholders}
    (a value may be a `Said` too, said in the same language)."""
    __slots__ = ("key", "values")

    def __new__(cls, key: str, values: tuple = ()):
        self = super().__new__(cls, _render(key, "en", values))
        self.key, self.values = key, values
        return self

    def say(self, lang: str) -> str:
        return str(self) if lang == "en" else _render(self.key, lang, self.values)

    def __reduce__(self):
        return (Said, (self.key, self.values))


def said(key: str, /, **values) -> Said:
    """The message `key` of localisation/author.*.json, its placeholders filled."""
    return Said(key, tuple(values.items()))


def say(message: str, lang: str) -> str:
    """`message` in `lang` if it knows its key, else as it is."""
    return message.say(lang) if isinstance(message, Said) else message


def severity_word(severity: str, lang: str) -> str:
    """'error' / 'warning' in `lang` (English: the contract's words)."""
    return severity if lang == "en" else str(said(f"severity_{severity}").say(lang))


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a pack, shown as FILE:LINE:COL: severity: message."""
    file: str
    line: int
    column: int
    severity: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"

    @property
    def key(self) -> str:
        """The message's key in localisation/author.*.json ('' for a message without one)."""
        return getattr(self.message, "key", "")

    def text(self, lang: str = "en") -> str:
        """The message in `lang`."""
        return say(self.message, lang)

    def shown(self, lang: str = "en") -> str:
        """FILE:LINE:COL: severity: message, the words in `lang` (the prefix as always)."""
        if lang == "en":
            return str(self)
        return (f"{self.file}:{self.line}:{self.column}: "
                f"{severity_word(self.severity, lang)}: {self.text(lang)}")


@dataclass
class LoadResult:
    """The loaded pack (None when there were errors) and every problem found."""
    pack: Optional[Pack]
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the files read, as shown in problems

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close name exists, else ''."""
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return said("did_you_mean", name=close[0]) if close else ""


def plural(count: int, word: str, lang: str = "en") -> str:
    """'1 error', '2 errors' (`word`: error, warning, file or problem)."""
    if lang == "en":
        return f"{count} {word}" if count == 1 else f"{count} {word}s"
    return said(f"count_{word}", n=str(count)).say(lang)
