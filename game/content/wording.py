"""The writing rules checked in every text players read (format version 2).

`Wording` looks at each localised text once, as the loader reads it, so that
a problem is located at that language's own value. It reports:

- a placeholder that `new` writes (GANTI, REPLACE; TODO too) still in a text;
- a word of three or more capital letters (an acronym such as LTSA, KP2MI)
  that is not a glossary term in that language;
- a card's text over 60 words, a choice's label over 10 (scenarios/README.md,
  Part 4 — Writing rules);
- a choice's label too long to show in full on its button beside three others
  at 1024x768 with the largest text (game/content/fit.py);

and, once every file has been read (`report_unused`), a glossary term that no
text uses. Terms are matched as whole words, in any case, as the game matches
them when it shows their meaning beside a text.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from yaml.nodes import MappingNode, Node, ScalarNode

from game.content.fit import LABEL_FIT_CHARS, label_fits
from game.content.problems import ERROR, WARNING, said

if TYPE_CHECKING:
    from game.content.nodes import NodeReader, Place

# What `new` writes where the author must put their own words (game/authoring/scaffold.py).
PLACEHOLDERS = frozenset(("GANTI", "REPLACE", "TODO"))
CARD_TEXT_WORDS = 60
LABEL_WORDS = 10

# A word is a run of letters and digits. Candidates for an acronym or a placeholder:
# words of three or more characters with a letter and no a-z in them (checked exactly
# afterwards: the class also holds small letters outside a-z, such as é).
_CAPITAL_WORD = re.compile(r"(?<![^\W_])(?=[^\W_a-z]*[^\W\d_a-z])[^\W_a-z]{3,}(?![^\W_])")
_HAS_WORD = re.compile(r"[^\W_]")


def is_acronym(word: str) -> bool:
    """At least three capital letters and no small ones: LTSA, KP2MI, BP3MI."""
    return word.isupper() and sum(1 for ch in word if ch.isupper()) >= 3


def word_count(text: str) -> int:
    """Words as a reader counts them: pieces between spaces that hold a letter or digit."""
    return sum(1 for piece in text.split() if _HAS_WORD.search(piece))


def language_value(node: Node, code: str) -> Node:
    """The node holding a text's `code` language (the node itself for a plain string)."""
    if node.__class__ is MappingNode:
        for key, value in node.value:
            if key.__class__ is ScalarNode and key.value == code:
                return value
    return node


class Wording:
    """The glossary's terms, where they are, and which of them texts use."""

    def __init__(self) -> None:
        # language -> term folded to lower case -> (the term as written, where it is)
        self.terms: dict[str, dict[str, tuple[str, Place]]] = {}
        self.used: set[tuple[str, str]] = set()  # (language, folded term)
        self._patterns: dict[str, Optional[re.Pattern]] = {}

    def add_term(self, reader: NodeReader, node: Node, term: dict) -> None:
        """One glossary entry's term, in each of its languages."""
        for code, value in term.items():
            folded = value.strip().casefold()
            if not folded:
                continue
            where = reader.place(language_value(node, code))
            known = self.terms.setdefault(code, {})
            first = known.get(folded)
            if first is not None:
                reader.problem(where, said("term_twice", term=value, code=code,
                                           first=":".join(map(str, first[1]))), ERROR)
                continue
            known[folded] = (value.strip(), where)
        self._patterns.clear()

    def _pattern(self, code: str) -> Optional[re.Pattern]:
        if code not in self._patterns:
            terms = sorted((term for term, _ in self.terms.get(code, {}).values()),
                           key=len, reverse=True)
            # whole words as the game finds them (model.Pack.glossary_in), longest first
            self._patterns[code] = re.compile(
                r"(?<!\w)(?:" + "|".join(map(re.escape, terms)) + r")(?!\w)",
                re.IGNORECASE) if terms else None
        return self._patterns[code]

    def scan(self, reader: NodeReader, node: Node, text: dict, what: str,
             words: Optional[int] = None, use: bool = True, label: bool = False) -> None:
        """Check one text, read from `node`; `use`: its glossary terms count as used;
        `label`: a choice's label, which must also fit on its button."""
        patterns = self._patterns
        for code, value in text.items():
            pattern = patterns[code] if code in patterns else self._pattern(code)
            spans = ()
            if pattern is not None:
                spans = [match.span() for match in pattern.finditer(value)]
                if use:
                    self.used.update((code, value[s:e].casefold()) for s, e in spans)
            capitals = _CAPITAL_WORD.findall(value)  # almost always none: the fast path
            if capitals:
                self._capitals(reader, node, value, code, what, capitals, spans)
            if words is not None and len(value.split()) > words:
                count = word_count(value)
                if count > words:
                    reader.problem(
                        language_value(node, code),
                        said("too_many_words", what=what, code=code, words=count, most=words),
                        WARNING)
            if label and not label_fits(value):
                reader.problem(
                    language_value(node, code),
                    said("label_too_long", code=code, chars=len(" ".join(value.split())),
                         most=LABEL_FIT_CHARS), WARNING)

    def _capitals(self, reader: NodeReader, node: Node, value: str, code: str, what: str,
                  capitals: list[str], spans) -> None:
        """Report a placeholder (once) and each acronym the glossary does not explain."""
        placeholder = False
        flagged: set[str] = set()
        terms = self.terms.get(code, {})
        for match in _CAPITAL_WORD.finditer(value):
            word = match.group()
            if word in PLACEHOLDERS:
                if not placeholder:
                    placeholder = True
                    reader.problem(
                        language_value(node, code),
                        said("placeholder_left", what=what, code=code, word=word), WARNING)
                continue
            if word in flagged or not is_acronym(word) or word.casefold() in terms:
                continue
            start, end = match.span()
            if any(s <= start and end <= e for s, e in spans):
                continue  # part of a longer term, such as 'SAPA 129'
            flagged.add(word)
            reader.problem(
                language_value(node, code),
                said("acronym", word=word, code=code), WARNING)

    def report_unused(self, reader: NodeReader) -> None:
        """Warn about each term no text of its language uses."""
        for code, terms in self.terms.items():
            for folded, (term, where) in terms.items():
                if (code, folded) not in self.used:
                    reader.problem(where, said("term_unused", term=term, code=code), WARNING)
