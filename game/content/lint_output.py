"""How `validate` shows problems to a person at a terminal (Ren'Py lint style).

Scripts and CI read one line per problem, `FILE:LINE:COL: severity: message`
(the contract). An author at a terminal gets the same lines, grouped under a
heading per file, each followed by the offending line of YAML with a caret
under the column, a hint the first time a kind of problem appears, and a
summary with counts and each language's coverage.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from typing import Iterable, Optional, Sequence

from game.content.problems import Said, plural, said, say

# (pattern in a message, hint shown once per run)
HINTS: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p), h) for p, h in (
    (r"is missing language", "every text needs each language the pack lists under "
     "`languages` in pack.yaml, e.g. title: {id: \"Judul\", en: \"Title\"}"),
    (r"unknown field", "field names are fixed by the format (scenarios/README.md, "
     "'Reference'); check the spelling and the indentation"),
    (r"missing required field", "see scenarios/README.md, 'Reference', for the fields "
     "each part needs"),
    (r"^no (card|outcome|document|contact) with id", "an id must be written exactly as "
     "where it is defined (lowercase, same dashes)"),
    (r"YAML syntax error", "YAML is strict about indentation (spaces, never tabs) and "
     "about closing every { [ and \" it opens"),
    (r"'next' or 'outcome', not both", "a choice either shows another card (`next`) or "
     "ends the journey (`outcome`)"),
    (r"points outside the pack", "images live in the pack's assets/ folder: "
     "image: sponsor.png"),
    (r"can never be drawn", "a card is drawn on its stage and route; irregular cards "
     "need some choice with `route: irregular`; weight 0 cards need a `next` to them; "
     "crisis cards need some choice that adds risk"),
    (r"looks like an acronym", "explain a word once in pack.yaml and the game shows it "
     "wherever it appears: glossary: [{term: {id: \"LTSA\", en: \"LTSA\"}, meaning: "
     "{id: \"...\", en: \"...\"}}]"),
    (r"still holds the placeholder", "`new` marks every text you must write yourself "
     "with GANTI / REPLACE; a fact (a phone number, a law) needs its source in SOURCES.md"),
    (r"trafficking the player never saw|once trafficked, a journey never ends",
     "a journey is trafficked only when its cards show the act and the means "
     "(scenarios/README.md, Part 2: 'Once trafficked, never safe')"),
))


# message key -> hint key (localisation/author.*.json): the same hints as HINTS, said in
# the author's language and pointing to the guide in it
HINT_KEYS = {
    "missing_language": "hint_languages", "unknown_field": "hint_unknown_field",
    "missing_field": "hint_missing_field", "no_such_id": "hint_ids",
    "yaml_syntax": "hint_yaml", "yaml_character": "hint_yaml", "yaml_colon": "hint_yaml",
    "next_and_outcome": "hint_next_outcome", "image_outside": "hint_images",
    "never_drawn": "hint_never_drawn", "acronym": "hint_acronym",
    "placeholder_left": "hint_placeholder", "risk_ending_trafficked": "hint_trafficked",
    "risk_ending_default": "hint_trafficked", "never_safe_after": "hint_trafficked",
}


def hint_for(message: str, lang: str = "en") -> Optional[str]:
    """The hint for a kind of message, in `lang` (None: no hint for it)."""
    if isinstance(message, Said):
        key = HINT_KEYS.get(message.key)
        return said(key).say(lang) if key else None
    for pattern, hint in HINTS:
        if pattern.search(message):
            return hint
    return None


def pretty_lines(problems: Sequence, read_line=None, lang: str = "en") -> list[str]:
    """The problems grouped by file with source lines, carets and hints, in `lang`."""
    read_line = read_line or _source_line
    by_file: "OrderedDict[str, list]" = OrderedDict()
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    out: list[str] = []
    hinted: set[str] = set()
    for file, group in by_file.items():
        errors = sum(p.severity == "error" for p in group)
        warnings = len(group) - errors
        counts = ", ".join(x for x in (plural(errors, "error", lang) if errors else "",
                                       plural(warnings, "warning", lang) if warnings else "")
                           if x)
        out.append(f"== {file} ({counts})")
        for problem in group:
            out.append(problem.shown(lang))
            source = read_line(problem.file, problem.line)
            if source is not None:
                shown = source.rstrip("\n").expandtabs(1)
                out.append(f"    | {shown}")
                out.append(f"    | {' ' * max(0, problem.column - 1)}^")
            hint = hint_for(problem.message, lang)
            if hint and hint not in hinted:
                hinted.add(hint)
                out.append(f"    {say(said('pretty_hint'), lang)}: {hint}")
        out.append("")
    return out


def coverage_lines(coverage: dict, lang: str = "en") -> list[str]:
    """'languages: id 100% (120/120), en 98% (118/120)' for each pack."""
    lines = []
    for pack, langs in coverage.items():
        parts = [f"{lang} {100 * done // total if total else 100}% ({done}/{total})"
                 for lang, (done, total) in langs.items()]
        if parts:
            lines.append(say(said("pretty_languages", pack=pack, parts=", ".join(parts)),
                             lang))
    return lines


_cache: dict[str, list[str]] = {}


def _source_line(file: str, line: int) -> Optional[str]:
    if file not in _cache:
        try:
            with open(file, encoding="utf-8", errors="replace") as handle:
                _cache[file] = handle.read(2_000_000).splitlines()
        except OSError:
            _cache[file] = []
    lines = _cache[file]
    return lines[line - 1] if 0 < line <= len(lines) else None


def clear_cache() -> None:
    _cache.clear()


__all__: Iterable[str] = ("pretty_lines", "coverage_lines", "hint_for", "HINTS")
