"""Load a scenario pack into `model.Pack`, collecting every problem on the way.

The loader never raises on bad input and never stops at the first problem:
each one becomes a `Problem` located at FILE:LINE:COL, so an author can fix
a whole pack in one pass. `main_validate` is the `run_game.py validate`
command. The rules follow `scenario-format.md`.
"""
from __future__ import annotations

import argparse
import dataclasses
import difflib
import gc
import math
import os
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.content import model
from game.content.headers import (PACK_FILE, PACK_ID, PackHeader, find_pack_dirs,  # noqa: F401
                                  read_pack_header, resolve_pack)
from game.content.model import (CARD_ROUTES, ENDING_KEYS, MAX_CHOICES, OUTCOME_KINDS, ROUTES,
                                STAGES, Card, Choice, Contact, Document, Effects, Elements,
                                Outcome, Pack, Position, Requires, Start)
from game.content.yaml_source import (BOOL_TAG, FLOAT_TAG, INT_TAG, NULL_TAG, STR_TAG,
                                      read_yaml)

ERROR, WARNING = "error", "warning"
CARD_SUFFIXES = (".yaml", ".yml")
PACK_ID = re.compile(r"[a-z0-9-]+")  # used with fullmatch
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*")

# The fields an author may write, per part of the format (the strict models). A test
# checks that they match the dataclasses in model.py.
PACK_FIELDS = ("id", "title", "description", "languages", "start", "documents", "contacts",
               "outcomes", "checkpoints", "max_turns", "endings")
PACK_REQUIRED = ("id", "title", "description", "languages", "start", "outcomes")
START_FIELDS = ("money", "documents")
DOCUMENT_FIELDS = ("id", "name")
CONTACT_FIELDS = ("id", "name", "detail")
OUTCOME_FIELDS = ("id", "kind", "title", "debrief", "elements")
OUTCOME_REQUIRED = ("id", "kind", "title", "debrief")
ELEMENT_FIELDS = ("act", "means", "purpose")
CARD_FIELDS = ("id", "stage", "route", "title", "text", "image", "discuss", "weight", "choices")
CARD_REQUIRED = ("id", "stage", "title", "text", "choices")
CHOICE_FIELDS = ("label", "safe", "requires", "effects", "feedback", "next", "outcome")
CHOICE_REQUIRED = ("label", "safe")
REQUIRES_FIELDS = ("documents", "flags", "money")
EFFECTS_FIELDS = ("money", "debt", "risk", "gain", "lose", "set", "clear", "contact", "move",
                  "route", "skip")
EFFECT_NUMBERS = frozenset(("money", "debt", "risk", "move", "skip"))
EFFECT_DOCUMENTS = frozenset(("gain", "lose"))
EFFECT_FLAGS = frozenset(("set", "clear"))
_EFFECT_LABELS = {name: "effects." + name for name in EFFECTS_FIELDS}

_SETS = {name: frozenset(names) for name, names in (
    ("pack", PACK_FIELDS), ("start", START_FIELDS), ("document", DOCUMENT_FIELDS),
    ("contact", CONTACT_FIELDS), ("outcome", OUTCOME_FIELDS), ("elements", ELEMENT_FIELDS),
    ("card", CARD_FIELDS), ("choice", CHOICE_FIELDS), ("requires", REQUIRES_FIELDS),
    ("effects", EFFECTS_FIELDS))}
_CARD_REQUIRED_SET = frozenset(CARD_REQUIRED)
_CHOICE_REQUIRED_SET = frozenset(CHOICE_REQUIRED)
_STAGE_SET, _CARD_ROUTE_SET = frozenset(STAGES), frozenset(CARD_ROUTES)
_TRUE = frozenset(("yes", "true", "on"))
_NO_REQUIRES = Requires()
_yaml_numbers = SafeConstructor()


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


# -- small helpers ------------------------------------------------------------

def did_you_mean(value: str, options: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close name exists, else ''."""
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _describe(node: Node) -> str:
    if node.__class__ is SequenceNode:
        return "a list"
    if node.__class__ is MappingNode:
        return "a mapping"
    tag = node.tag
    if tag == NULL_TAG:
        return "nothing"
    if tag == BOOL_TAG:
        return node.value
    value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    if tag == INT_TAG or tag == FLOAT_TAG:
        return f"the number {value}"
    return f"'{value}'"


def _yaml_number(node: ScalarNode):
    """An int or float scalar's value (YAML spellings too: 1_000, 0x1F, 1.5e3), or None."""
    try:
        if node.tag == INT_TAG:
            try:
                return int(node.value)
            except ValueError:
                return _yaml_numbers.construct_yaml_int(node)  # 0x1F, 0o17, 1:30 ...
        return _yaml_numbers.construct_yaml_float(node)
    except (ValueError, TypeError):  # an explicit !!int or !!float on something else
        return None


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# -- the loader ---------------------------------------------------------------

class _PackLoader:
    """Reads one pack folder. Methods report problems and return None for bad values."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.label = str(folder)
        self.file = ""
        self.problems: list[Problem] = []
        self.files: list[str] = []
        self.languages: tuple[str, ...] = ()
        self.language_set: Optional[frozenset] = None  # None: languages unknown, be lenient
        self.plain_text_ok = True
        # (kind, value, (file, line, column)): checked once everything is read. Positions,
        # not nodes, so that each file's nodes are freed as soon as it has been read.
        self.refs: list[tuple[str, str, tuple[str, int, int]]] = []
        self.ids: dict[str, dict[str, tuple[str, int, int]]] = {
            "card": {}, "document": {}, "contact": {}, "outcome": {}}
        self.irregular_switch = False
        self.broken_cards = 0  # cards with errors: left out of the checks across cards
        # Equal requirements and effects share one (immutable) object: packs repeat them.
        self.shared: dict[tuple, object] = {}
        self.flags_set: set[str] = set()
        self.documents_given: set[str] = set()
        self.outcome_places: dict[str, tuple[str, int, int]] = {}

    # reporting
    def problem(self, where: Node | tuple | None, message: str,
                severity: str = ERROR) -> None:
        """Report at a node of the current file, at a (file, line, column), or at line 1."""
        if where is None:
            file, line, column = self.file, 1, 1
        elif isinstance(where, tuple):
            file, line, column = where
        else:
            file, line, column = self.place(where)
        self.problems.append(Problem(file, line, column, severity, message))

    def place(self, node: Node) -> tuple[str, int, int]:
        mark = node.start_mark
        return self.file, mark.line + 1, mark.column + 1

    def shown(self, *parts: str) -> str:
        return str(Path(self.label, *parts))

    # generic values
    def fields(self, node: Node, what: str, required: tuple[str, ...] = ()) -> Optional[dict]:
        """The mapping's value nodes by field name, reporting unknown/duplicate/missing ones."""
        if node.__class__ is not MappingNode:
            self.problem(node, f"{what} must be a mapping of fields, not {_describe(node)}")
            return None
        allowed = _SETS[what]
        found: Optional[dict] = {}
        try:  # a plain loop: in Python 3.11 it beats a dict comprehension on small dicts
            for key, value in node.value:
                found[key.value] = value
        except TypeError:  # a list or mapping used as a field name
            found = None
        if found is None or len(found) != len(node.value) or not found.keys() <= allowed:
            found = self._fields_slowly(node, what, allowed)
        for name in required:
            if name not in found:
                self.problem(node, f"{what} is missing required field '{name}'")
        return found

    def _fields_slowly(self, node: MappingNode, what: str, allowed: frozenset) -> dict:
        found: dict[str, Node] = {}
        keys: dict[str, Node] = {}
        for key, value in node.value:
            if key.__class__ is not ScalarNode:
                self.problem(key, f"a field name must be a plain word, not {_describe(key)}")
                continue
            name = key.value
            if name in keys:
                self.problem(key, f"field '{name}' is given twice in {what} "
                                  f"(first on line {keys[name].start_mark.line + 1})")
                continue
            keys[name] = key
            if name not in allowed:
                hint = did_you_mean(name, allowed) or (
                    "; its fields are: " + ", ".join(sorted(allowed)))
                self.problem(key, f"unknown field '{name}' in {what}{hint}")
                continue
            found[name] = value
        return found

    def text(self, node: Node, what: str) -> Optional[dict]:
        """A localised text: {language: text} with every declared language."""
        if node.__class__ is MappingNode:
            text = {}
            try:
                for key, value in node.value:
                    if value.__class__ is not ScalarNode:
                        return self._text_slowly(node, what)
                    text[key.value] = value.value
            except TypeError:  # a list or mapping used as a language code
                return self._text_slowly(node, what)
            if (len(text) == len(node.value) and "" not in text.values()
                    and (text.keys() == self.language_set
                         or (self.language_set is None and text))):
                return text
            return self._text_slowly(node, what)
        if node.__class__ is ScalarNode and node.tag != NULL_TAG and node.value:
            if self.plain_text_ok:
                return {self.languages[0] if self.languages else "": node.value}
            self.problem(node, f"{what} must give every language of the pack, like "
                               + "{" + ", ".join(f'{code}: "..."' for code in self.languages)
                               + "}")
            return None
        self.problem(node, f"{what} must be a text, not {_describe(node)}")
        return None

    def _text_slowly(self, node: MappingNode, what: str) -> Optional[dict]:
        text: dict[str, str] = {}
        ok = True
        for key, value in node.value:
            if key.__class__ is not ScalarNode:
                self.problem(key, f"{what}: a language code must be a plain word")
                ok = False
                continue
            code = key.value
            if code in text:
                self.problem(key, f"{what}: language '{code}' is given twice")
                ok = False
                continue
            if self.language_set is not None and code not in self.language_set:
                self.problem(key, f"{what}: language '{code}' is not one of the pack's "
                                  f"languages ({', '.join(self.languages)})"
                                  + did_you_mean(code, self.languages))
                ok = False
                continue
            if value.__class__ is not ScalarNode or value.tag == NULL_TAG or not value.value:
                self.problem(value, f"{what} in '{code}' must be a text, "
                                    f"not {_describe(value)}")
                ok = False
                text[code] = ""
                continue
            text[code] = value.value
        for code in self.languages if self.language_set is not None else ():
            if code not in text:
                self.problem(node, f"{what} is missing language '{code}'")
                ok = False
        if not text:
            self.problem(node, f"{what} is empty")
            ok = False
        return text if ok else None

    def integer(self, node: Node, what: str) -> Optional[int]:
        if node.__class__ is ScalarNode and node.tag == INT_TAG:
            value = _yaml_number(node)
            if value is not None:
                return value
        self.problem(node, f"{what} must be a whole number, not {_describe(node)}")
        return None

    def number(self, node: Node, what: str) -> Optional[float]:
        value = None
        if node.__class__ is ScalarNode and (node.tag == INT_TAG or node.tag == FLOAT_TAG):
            value = _yaml_number(node)
        if value is None or not math.isfinite(value):
            self.problem(node, f"{what} must be a number, not {_describe(node)}")
            return None
        return value

    def boolean(self, node: Node, what: str) -> Optional[bool]:
        if node.__class__ is ScalarNode and node.tag == BOOL_TAG:
            return node.value.lower() in _TRUE
        self.problem(node, f"{what} must be true or false, not {_describe(node)}")
        return None

    def ident(self, node: Node, what: str, kind: str = "") -> Optional[str]:
        """An id (a name like 'ktp'); with `kind`, also a reference to check later."""
        if (node.__class__ is ScalarNode and (node.tag == STR_TAG or node.tag == INT_TAG)
                and node.value):
            if kind:
                self.refs.append((kind, node.value, self.place(node)))
            return node.value
        self.problem(node, f"{what} must be a name like 'ktp', not {_describe(node)}")
        return None

    def one_of(self, node: Node, options: tuple[str, ...], what: str) -> Optional[str]:
        if node.__class__ is ScalarNode and node.tag == STR_TAG and node.value in options:
            return node.value
        shown = node.value if node.__class__ is ScalarNode else None
        hint = did_you_mean(shown, options) if isinstance(shown, str) else ""
        self.problem(node, f"{what} must be one of {', '.join(options)}, "
                           f"not {_describe(node)}{hint}")
        return None

    def ident_list(self, node: Node, what: str, kind: str = "") -> tuple[str, ...]:
        if node.__class__ is not SequenceNode:
            example = f" (write [{node.value}])" if (node.__class__ is ScalarNode
                                                     and node.tag == STR_TAG) else ""
            self.problem(node, f"{what} must be a list, not {_describe(node)}{example}")
            return ()
        found = []
        for item in node.value:
            value = self.ident(item, f"each of {what}", kind)
            if value is not None:
                found.append(value)
        return tuple(found)

    def declare(self, kind: str, ident: Optional[str], node: Node) -> None:
        """Record an id, reporting a duplicate with where the first one is."""
        if ident is None:
            return
        seen = self.ids[kind]
        first = seen.get(ident)
        if first is not None:
            self.problem(node, f"duplicate {kind} id '{ident}' "
                               f"(first defined at {':'.join(map(str, first))})")
            return
        mark = node.start_mark
        seen[ident] = (self.file, mark.line + 1, mark.column + 1)

    # -- pack.yaml ------------------------------------------------------------
    def load_pack_file(self) -> Optional[dict]:
        self.file = self.shown(PACK_FILE)
        path = self.folder / PACK_FILE
        if not path.is_file():
            self.problem(None, "no pack.yaml in this folder: every pack needs one")
            return None
        self.files.append(self.file)
        root, read = self._read(path)
        if root is None:
            if read:
                self.problem(None, "pack.yaml is empty")
            return None
        found = self.fields(root, "pack", PACK_REQUIRED)
        if found is None:
            return None
        values: dict = {}
        if "languages" in found:
            values["languages"] = self.languages_of(found["languages"])
        if "id" in found:
            values["id"] = self.pack_id(found["id"])
        for name in ("title", "description"):
            if name in found:
                values[name] = self.text(found[name], name)
        if "start" in found:
            values["start"] = self.start(found["start"])
        values["documents"] = self.items(found.get("documents"), "document", self.document)
        values["contacts"] = self.items(found.get("contacts"), "contact", self.contact)
        values["outcomes"] = self.items(found.get("outcomes"), "outcome", self.outcome)
        if "outcomes" in found:
            kinds = {o.kind for o in values["outcomes"] if o is not None}
            for kind in ("safe", "trafficked"):
                if kind not in kinds:
                    self.problem(found["outcomes"],
                                 f"a pack needs at least one '{kind}' outcome")
        if "checkpoints" in found:
            values["checkpoints"] = self.checkpoints(found["checkpoints"])
        if "max_turns" in found:
            turns = self.integer(found["max_turns"], "max_turns")
            if turns is not None and turns < 1:
                self.problem(found["max_turns"], "max_turns must be 1 or more")
                turns = None
            values["max_turns"] = turns
        if "endings" in found:
            values["endings"] = self.endings(found["endings"])
        return values

    def _read(self, path: Path) -> tuple[Optional[Node], bool]:
        """The file's root node, and whether it was read without problems."""
        node, issues = read_yaml(path)
        for issue in issues:
            self.problems.append(Problem(self.file, issue.line, issue.column, ERROR,
                                         issue.message))
        return node, not issues

    def languages_of(self, node: Node) -> Optional[tuple[str, ...]]:
        if node.__class__ is not SequenceNode or not node.value:
            self.problem(node, "languages must be a non-empty list of language codes, "
                               "like [id, en]")
            return None
        codes: list[str] = []
        for item in node.value:
            if item.__class__ is not ScalarNode or not LANGUAGE_CODE.fullmatch(item.value):
                self.problem(item, f"'{item.value if item.__class__ is ScalarNode else '?'}' "
                                   "is not a language code (like id or en)")
            elif item.value in codes:
                self.problem(item, f"language '{item.value}' is listed twice")
            else:
                codes.append(item.value)
        if len(codes) != len(node.value):
            return None
        self.languages = tuple(codes)
        self.language_set = frozenset(codes)
        self.plain_text_ok = len(codes) == 1
        return self.languages

    def pack_id(self, node: Node) -> Optional[str]:
        ident = self.ident(node, "the pack id")
        if ident is None:
            return None
        if not PACK_ID.fullmatch(ident):
            self.problem(node, f"pack id '{ident}' may use only lowercase letters, digits "
                               "and '-'")
            return None
        folder_name = self.folder.resolve().name
        if ident != folder_name:
            self.problem(node, f"pack id '{ident}' must equal its folder name "
                               f"'{folder_name}'")
        return ident

    def start(self, node: Node) -> Optional[Start]:
        found = self.fields(node, "start")
        if found is None:
            return None
        money = 0
        if "money" in found:
            money = self.integer(found["money"], "start.money")
            if money is not None and money < 0:
                self.problem(found["money"], "start.money must be 0 or more")
                money = None
        documents: tuple[str, ...] = ()
        if "documents" in found:
            documents = self.ident_list(found["documents"], "start.documents", "document")
            self.documents_given.update(documents)
        if money is None:
            return None
        return Start(money, documents)

    def items(self, node: Optional[Node], what: str, convert) -> tuple:
        if node is None:
            return ()
        if node.__class__ is not SequenceNode:
            self.problem(node, f"{what}s must be a list, not {_describe(node)}")
            return ()
        return tuple(convert(item) for item in node.value)

    def document(self, node: Node) -> Optional[Document]:
        found = self.fields(node, "document", DOCUMENT_FIELDS)
        if found is None:
            return None
        ident = self.ident(found["id"], "document id") if "id" in found else None
        self.declare("document", ident, node)
        name = self.text(found["name"], "document name") if "name" in found else None
        if ident is None or name is None:
            return None
        return Document(ident, name)

    def contact(self, node: Node) -> Optional[Contact]:
        found = self.fields(node, "contact", CONTACT_FIELDS)
        if found is None:
            return None
        ident = self.ident(found["id"], "contact id") if "id" in found else None
        self.declare("contact", ident, node)
        name = self.text(found["name"], "contact name") if "name" in found else None
        detail = self.text(found["detail"], "contact detail") if "detail" in found else None
        if ident is None or name is None or detail is None:
            return None
        return Contact(ident, name, detail)

    def outcome(self, node: Node) -> Optional[Outcome]:
        found = self.fields(node, "outcome", OUTCOME_REQUIRED)
        if found is None:
            return None
        ident = self.ident(found["id"], "outcome id") if "id" in found else None
        self.declare("outcome", ident, node)
        if ident is not None and ident not in self.outcome_places:
            self.outcome_places[ident] = self.place(node)
        kind = self.one_of(found["kind"], OUTCOME_KINDS, "kind") if "kind" in found else None
        title = self.text(found["title"], "outcome title") if "title" in found else None
        debrief = self.text(found["debrief"], "debrief") if "debrief" in found else None
        elements = None
        if "elements" in found:
            elements = self.elements(found["elements"])
        elif kind == "trafficked":
            self.problem(node, "a trafficked outcome needs elements: act, means and purpose "
                               "(the three elements of trafficking)")
        if ident is None or kind is None or title is None or debrief is None:
            return None
        if kind == "trafficked" and elements is None:
            return None
        return Outcome(ident, kind, title, debrief, elements)

    def elements(self, node: Node) -> Optional[Elements]:
        found = self.fields(node, "elements", ELEMENT_FIELDS)
        if found is None:
            return None
        parts = [self.text(found[name], f"elements.{name}") if name in found else None
                 for name in ELEMENT_FIELDS]
        if None in parts:
            return None
        return Elements(*parts)

    def checkpoints(self, node: Node) -> dict:
        if node.__class__ is not MappingNode:
            self.problem(node, f"checkpoints must be a mapping of stage: [documents], "
                               f"not {_describe(node)}")
            return {}
        result = {}
        for key, value in node.value:
            stage = self.one_of(key, STAGES, "a checkpoint key (a stage)")
            documents = self.ident_list(value, "checkpoint documents", "checkpoint-document")
            if stage is not None:
                if stage in result:
                    self.problem(key, f"checkpoint for '{stage}' is given twice")
                result[stage] = documents
        return result

    def endings(self, node: Node) -> dict:
        if node.__class__ is not MappingNode:
            self.problem(node, f"endings must be a mapping, not {_describe(node)}")
            return {}
        result = {}
        for key, value in node.value:
            name = self.one_of(key, ENDING_KEYS, "an ending")
            target = self.ident(value, "an ending's outcome", "outcome")
            if name is not None and target is not None:
                if name in result:
                    self.problem(key, f"ending '{name}' is given twice")
                result[name] = target
        return result

    # -- cards ------------------------------------------------------------------
    def card_files(self) -> list[Path]:
        folder = self.folder / "cards"
        self.file = self.shown(PACK_FILE)
        try:
            names = sorted(entry.name for entry in os.scandir(folder)
                           if entry.name.endswith(CARD_SUFFIXES) and entry.is_file()
                           and not entry.name.startswith("."))
        except OSError:
            names = None
        if not names:
            where = "there is no cards/ folder" if names is None else "cards/ has no .yaml files"
            self.problem(None, f"a pack needs cards, but {where}")
            return []
        return [folder / name for name in names]

    def load_cards(self, path: Path) -> list[Card]:
        self.file = self.shown("cards", path.name)
        self.files.append(self.file)
        root, read = self._read(path)
        if root is None:
            if read:
                self.problem(None, "card file is empty", WARNING)
            return []
        if root.__class__ is not SequenceNode:
            self.problem(root, f"a card file must be a list of cards (each starting with "
                               f"'- id:'), not {_describe(root)}")
            return []
        if not root.value:
            self.problem(root, "card file has no cards", WARNING)
        cards = []
        for node in root.value:
            card = self.card(node)
            if card is not None:
                cards.append(card)
            else:
                self.broken_cards += 1
        return cards

    def card(self, node: Node) -> Optional[Card]:
        found = self.fields(node, "card")
        if found is None:
            return None
        if not _CARD_REQUIRED_SET <= found.keys():
            for name in CARD_REQUIRED:
                if name not in found:
                    self.problem(node, f"card is missing required field '{name}'")
        ok = True
        value = found.get("id")
        ident = None
        if value is not None:
            ident = self.ident(value, "card id")
            self.declare("card", ident, node)
        ok = ident is not None
        value = found.get("stage")
        if value is not None:
            stage = (value.value if value.__class__ is ScalarNode and value.value in _STAGE_SET
                     and value.tag == STR_TAG else self.one_of(value, STAGES, "stage"))
            ok = ok and stage is not None
        value = found.get("route")
        route = "any"
        if value is not None:
            route = (value.value if value.__class__ is ScalarNode
                     and value.value in _CARD_ROUTE_SET and value.tag == STR_TAG
                     else self.one_of(value, CARD_ROUTES, "route"))
            ok = ok and route is not None
        value = found.get("title")
        if value is not None:
            title = self.text(value, "title")
            ok = ok and title is not None
        value = found.get("text")
        if value is not None:
            text = self.text(value, "text")
            ok = ok and text is not None
        value = found.get("discuss")
        discuss = None
        if value is not None:
            discuss = self.text(value, "discuss")
            ok = ok and discuss is not None
        value = found.get("image")
        image = None
        if value is not None:
            if value.__class__ is ScalarNode and value.tag == STR_TAG and value.value:
                image = value.value
                self.refs.append(("image", image, self.place(value)))
            else:
                self.problem(value, f"image must be a file name under assets/, "
                                    f"not {_describe(value)}")
                ok = False
        value = found.get("weight")
        weight = 1
        if value is not None:
            weight = self.number(value, "weight")
            if weight is not None and weight < 0:
                self.problem(value, "weight must be 0 or more")
                weight = None
            ok = ok and weight is not None
        value = found.get("choices")
        choices: tuple = ()
        if value is not None:
            choices = self.choices(value)
            ok = ok and choices is not None
        if not ok or not _CARD_REQUIRED_SET <= found.keys():
            return None
        mark = node.start_mark
        return Card(ident, stage, title, text, choices, route, image, discuss, weight,
                    Position(self.file, mark.line + 1, mark.column + 1))

    def choices(self, node: Node) -> Optional[tuple[Choice, ...]]:
        if node.__class__ is not SequenceNode:
            self.problem(node, f"choices must be a list, not {_describe(node)}")
            return None
        items = node.value
        if not items:
            self.problem(node, f"a card needs 1 to {MAX_CHOICES} choices; this one has none")
            return None
        if len(items) > MAX_CHOICES:
            self.problem(items[MAX_CHOICES], f"a card has at most {MAX_CHOICES} choices; "
                                             f"this one has {len(items)}")
        made = tuple(map(self.choice, items))
        if None in made or len(items) > MAX_CHOICES:
            return None
        return made

    def choice(self, node: Node) -> Optional[Choice]:
        found = self.fields(node, "choice")
        if found is None:
            return None
        if not _CHOICE_REQUIRED_SET <= found.keys():
            for name in CHOICE_REQUIRED:
                if name not in found:
                    self.problem(node, f"choice is missing required field '{name}'")
            ok = False
        else:
            ok = True
        value = found.get("label")
        if value is not None:
            label = self.text(value, "label")
            ok = ok and label is not None
        value = found.get("safe")
        if value is not None:
            if value.__class__ is ScalarNode and value.tag == BOOL_TAG:
                safe = value.value.lower() in _TRUE
            else:
                safe = self.boolean(value, "safe")
                ok = False
        value = found.get("requires")
        requires = _NO_REQUIRES
        if value is not None:
            requires = self.requires(value)
            ok = ok and requires is not None
        value = found.get("effects")
        effects = model.NO_EFFECTS
        if value is not None:
            effects = self.effects(value)
            ok = ok and effects is not None
        value = found.get("feedback")
        feedback = None
        if value is not None:
            feedback = self.text(value, "feedback")
            ok = ok and feedback is not None
        else:
            self.problem(node, "choice has no feedback: say what happened and why, "
                               "right after the choice", WARNING)
        value = found.get("next")
        next_card = None
        if value is not None:
            next_card = self.ident(value, "next", "card")
            ok = ok and next_card is not None
        value = found.get("outcome")
        outcome = None
        if value is not None:
            outcome = self.ident(value, "outcome", "outcome")
            ok = ok and outcome is not None
            if next_card is not None:
                self.problem(value, "a choice may have 'next' or 'outcome', not both")
                ok = False
        if not ok:
            return None
        return Choice(label, safe, requires, effects, feedback, next_card, outcome)

    def requires(self, node: Node) -> Optional[Requires]:
        found = self.fields(node, "requires")
        if found is None:
            return None
        documents = flags = ()
        money = None
        if "documents" in found:
            documents = self.ident_list(found["documents"], "requires.documents",
                                        "needed-document")
        if "flags" in found:
            flags = self.ident_list(found["flags"], "requires.flags", "flag")
        if "money" in found:
            money = self.integer(found["money"], "requires.money")
            if money is None:
                return None
        key = ("requires", documents, flags, money)
        made = self.shared.get(key)
        if made is None:
            made = self.shared[key] = Requires(documents, flags, money)
        return made

    def effects(self, node: Node) -> Optional[Effects]:
        found = self.fields(node, "effects")
        if found is None:
            return None
        if not found:
            return model.NO_EFFECTS
        values: dict = {}
        ok = True
        for name, value in found.items():
            if name in EFFECT_NUMBERS:
                if value.__class__ is ScalarNode and value.tag == INT_TAG:
                    try:
                        number = int(value.value)
                    except ValueError:
                        number = self.integer(value, _EFFECT_LABELS[name])
                else:
                    number = self.integer(value, _EFFECT_LABELS[name])
                if number is not None and name == "skip" and number < 0:
                    self.problem(value, "effects.skip must be 0 or more")
                    number = None
                ok = ok and number is not None
                values[name] = number
            elif name in EFFECT_DOCUMENTS:
                values[name] = self.ident_list(value, _EFFECT_LABELS[name], "document")
                if name == "gain":
                    self.documents_given.update(values[name])
            elif name in EFFECT_FLAGS:
                values[name] = self.ident_list(value, _EFFECT_LABELS[name])
                if name == "set":
                    self.flags_set.update(values[name])
            elif name == "contact":
                values[name] = self.ident(value, "effects.contact", "contact")
                ok = ok and values[name] is not None
            else:  # route
                values[name] = self.one_of(value, ROUTES, "effects.route")
                ok = ok and values[name] is not None
                if values[name] == "irregular":
                    self.irregular_switch = True
        if not ok:
            return None
        key = tuple(values.items())
        made = self.shared.get(key)
        if made is None:
            made = self.shared[key] = Effects(**values)
        return made

    # -- checks across the whole pack ----------------------------------------
    def check_references(self) -> None:
        known = self.ids
        documents = known["document"]
        assets: Optional[set[str]] = None
        for kind, value, where in self.refs:
            if kind in known:
                if value not in known[kind]:
                    self.problem(where, f"no {kind} with id '{value}'"
                                       + did_you_mean(value, known[kind]))
            elif kind == "needed-document" or kind == "checkpoint-document":
                if value not in documents:
                    self.problem(where, f"no document with id '{value}'"
                                       + did_you_mean(value, documents))
                elif value in self.documents_given:
                    pass
                elif kind == "checkpoint-document":
                    self.problem(where, f"checkpoint document '{value}' is never given: add it "
                                       "to start.documents or to some card's effects.gain")
                else:
                    self.problem(where, f"document '{value}' is required here but neither "
                                       "start nor any card gives it, so this choice is "
                                       "never offered", WARNING)
            elif kind == "image":
                if assets is None:
                    assets = self.asset_files()
                self.check_image(value, where, assets)
            elif kind == "flag":
                if value not in self.flags_set:
                    self.problem(where, f"flag '{value}' is required here but no choice sets "
                                       "it (effects.set), so this choice is never offered"
                                 + did_you_mean(value, self.flags_set), WARNING)

    def asset_files(self) -> set[str]:
        root = self.folder / "assets"
        found = set()
        for folder, _dirs, files in os.walk(root):
            relative = Path(folder).relative_to(root)
            for name in files:
                found.add((relative / name).as_posix())
        return found

    def check_image(self, value: str, where: tuple, assets: set[str]) -> None:
        parts = value.replace("\\", "/").split("/")
        if (value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value)
                or ".." in parts):
            self.problem(where, f"image '{value}' points outside the pack: give a path "
                               "inside the pack's assets/ folder")
        elif "\\" in value:
            self.problem(where, f"image '{value}': use / between folder names")
        elif posixpath.normpath(value) not in assets:
            self.problem(where, f"image '{value}' is not in the pack's assets/ folder"
                         + did_you_mean(value, assets))

    def check_cards(self, cards: list[Card]) -> None:
        by_id = {}
        for card in cards:
            by_id.setdefault(card.id, card)
        self.check_loops(by_id)
        self.check_drawable(by_id)

    def check_loops(self, by_id: dict[str, Card]) -> None:
        """Report each set of cards that `next` keeps a player in forever."""
        for group in _strongly_connected(by_id):
            if len(group) == 1:
                card = by_id[group[0]]
                if not any(c.next == card.id for c in card.choices):
                    continue
            members = set(group)
            if any(c.next is None or c.next not in members or c.outcome
                   for ident in group for c in by_id[ident].choices):
                continue
            first = min((by_id[i] for i in group),
                        key=lambda c: (self.file_order(c.where.file), c.where.line))
            names = ", ".join(f"'{i}'" for i in sorted(group))
            self.problems.append(Problem(
                first.where.file, first.where.line, first.where.column, ERROR,
                f"cards {names} lead only to each other through 'next': a player can never "
                "leave (give one choice no 'next', or an 'outcome')"
                if len(group) > 1 else
                f"card '{first.id}' leads only to itself through 'next': a player can never "
                "leave (give one choice no 'next', or an 'outcome')"))

    def check_drawable(self, by_id: dict[str, Card]) -> None:
        """Report cards no stage or route can ever draw, nor any `next` show."""
        reached: set[str] = set()
        irregular_open = False
        todo = [c for c in by_id.values() if c.weight > 0 and c.route != "irregular"]
        while todo:
            card = todo.pop()
            if card.id in reached:
                continue
            reached.add(card.id)
            for choice in card.choices:
                if choice.next in by_id and choice.next not in reached:
                    todo.append(by_id[choice.next])
                if choice.effects.route == "irregular" and not irregular_open:
                    irregular_open = True
                    todo.extend(c for c in by_id.values()
                                if c.weight > 0 and c.route == "irregular")
        if self.broken_cards:
            return  # a card with errors may be the one that leads to the others
        pointed_to = {c.next for card in by_id.values() for c in card.choices if c.next}
        for card in by_id.values():
            if card.id in reached:
                continue
            if card.weight == 0 and card.id not in pointed_to:
                why = "its weight is 0 and no choice's 'next' leads to it"
            elif card.route == "irregular" and card.weight > 0 and not self.irregular_switch:
                why = ("it is on the irregular route, but no choice moves a player there "
                       "(effects.route: irregular)")
            else:
                why = "only cards that can never be drawn lead to it"
            self.problems.append(Problem(card.where.file, card.where.line, card.where.column,
                                         ERROR, f"card '{card.id}' can never be drawn: {why}"))
        for route in ROUTES if irregular_open else ("regular",):
            for stage in STAGES:
                if not any(c.stage == stage and c.weight > 0 and c.route in (route, "any")
                           for c in by_id.values()):
                    self.problems.append(Problem(
                        self.shown(PACK_FILE), 1, 1, WARNING,
                        f"no card can be drawn in stage '{stage}' on the {route} route"))

    def check_outcomes_used(self, endings: dict, outcomes: tuple) -> None:
        """Warn about outcomes no choice, ending or default ending (see Pack.ending) uses."""
        used = {value for kind, value, _ in self.refs if kind == "outcome"}
        present = [o for o in outcomes if o is not None]
        for key, kinds in (("home", ("safe",)), ("home-unsafe", ("unsafe", "trafficked")),
                           ("risk", ("trafficked",))):
            if key in endings:
                continue
            for kind in kinds:
                first = next((o for o in present if o.kind == kind), None)
                if first is not None:
                    used.add(first.id)
                    break
        for ident, where in self.outcome_places.items():
            if ident not in used:
                self.problem(where, f"no choice or ending leads to outcome '{ident}'", WARNING)

    def file_order(self, file: str) -> int:
        try:
            return self.files.index(file)
        except ValueError:
            return -1


def _strongly_connected(by_id: dict[str, Card]) -> list[list[str]]:
    """Tarjan's algorithm, iterative, over the `next` links between cards."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0
    for start in by_id:
        if start in index or not any(c.next for c in by_id[start].choices):
            continue
        work = [(start, iter([c.next for c in by_id[start].choices
                              if c.next in by_id]))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter([c.next for c in by_id[child].choices
                                              if c.next in by_id])))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(group)
    return groups


# -- public API -----------------------------------------------------------------

def load_pack(path: str | os.PathLike) -> LoadResult:
    """Load the pack in folder `path`; `.pack` is None if any error was found."""
    # Loading makes millions of short-lived, acyclic objects (YAML nodes and marks); the
    # cyclic garbage collector would only rescan them again and again, so pause it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_pack(Path(path))
    finally:
        if collecting:
            gc.enable()


def _load_pack(folder: Path) -> LoadResult:
    loader = _PackLoader(folder)
    if not folder.is_dir():
        loader.problems.append(Problem(str(folder), 1, 1, ERROR, "not a pack folder"))
        return LoadResult(None, loader.problems, loader.files)
    values = loader.load_pack_file()
    cards: list[Card] = []
    for card_file in loader.card_files():
        cards.extend(loader.load_cards(card_file))
    loader.check_cards(cards)
    if values is not None:  # without pack.yaml's ids, references can't be checked
        loader.check_references()
        loader.check_outcomes_used(values.get("endings") or {}, values.get("outcomes", ()))
    problems = _sorted(loader)
    pack = None
    if values is not None and not any(p.severity == ERROR for p in problems):
        pack = Pack(id=values["id"], title=values["title"], description=values["description"],
                    languages=values["languages"], start=values["start"],
                    documents=values["documents"], contacts=values["contacts"],
                    outcomes=values["outcomes"], cards=tuple(cards),
                    checkpoints=values.get("checkpoints") or {},
                    max_turns=values.get("max_turns"), endings=values.get("endings") or {},
                    path=str(folder.resolve()))
    return LoadResult(pack, problems, loader.files)


def _sorted(loader: _PackLoader) -> list[Problem]:
    order = {name: i for i, name in enumerate(loader.files)}
    unique = list(dict.fromkeys(loader.problems))
    return sorted(unique, key=lambda p: (order.get(p.file, -1), p.line, p.column))


def _validate(paths: list[str], strict: bool) -> tuple[list[Problem], int, int]:
    problems: list[Problem] = []
    bad_path = False
    files = 0
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            problems.append(Problem(raw, 1, 1, ERROR, "no such file or folder"))
            bad_path = True
            continue
        if path.is_file():
            folders = [p for p in (path.parent, path.parent.parent)
                       if (p / PACK_FILE).is_file()][:1]
        else:
            folders = find_pack_dirs(path)
            if folders != [path]:
                problems.extend(_half_packs(path))
        if not folders:
            problems.append(Problem(raw, 1, 1, ERROR, "no pack here: a pack folder holds "
                                                      "pack.yaml (or give a folder of packs)"))
            continue
        for folder in folders:
            result = load_pack(folder)
            problems.extend(result.problems)
            files += len(result.files)
    if strict:
        problems = [dataclasses.replace(p, severity=ERROR) if p.severity == WARNING else p
                    for p in problems]
    if bad_path:
        code = 2
    else:
        code = 1 if any(p.severity == ERROR for p in problems) else 0
    return problems, code, files


def _half_packs(folder: Path) -> list[Problem]:
    """Subfolders with cards/ but no pack.yaml: packs an author forgot to finish."""
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.is_dir())
    except OSError:
        return []
    return [Problem(str(folder / name / PACK_FILE), 1, 1, ERROR,
                    "this folder has cards/ but no pack.yaml, so it is not a pack yet")
            for name in names
            if (folder / name / "cards").is_dir() and not (folder / name / PACK_FILE).exists()]


def validate_paths(paths: list[str], strict: bool = False) -> tuple[list[Problem], int]:
    """Validate packs or folders of packs: (problems, exit code 0/1/2)."""
    problems, code, _files = _validate(paths, strict)
    return problems, code


def main_validate(argv: list[str]) -> int:
    """`run_game.py validate PATH... [--strict]`: one line per problem, exit 0/1/2."""
    parser = argparse.ArgumentParser(
        prog="run_game.py validate",
        description="Check scenario packs. Prints one line per problem, "
                    "FILE:LINE:COL: error|warning: message. Exit 0: no errors, "
                    "1: errors found, 2: bad command line.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a pack folder, or a folder holding several packs")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--format", choices=("auto", "lines", "pretty"), default="auto",
                        help="lines: one line per problem (for scripts); pretty: grouped by "
                             "file with the offending line, hints and language coverage; "
                             "auto (default): pretty at a terminal, lines otherwise")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    problems, code, files = _validate(args.paths, args.strict)
    pretty = args.format == "pretty" or (args.format == "auto" and sys.stdout.isatty())
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    if problems:
        summary = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    else:
        summary = "no problems"
    try:
        if pretty:
            from game.content.lint_output import coverage_lines, pretty_lines
            for line in pretty_lines(problems):
                _write(sys.stdout, line)
            for line in coverage_lines(_coverage(args.paths)):
                _write(sys.stdout, line)
        else:
            for problem in problems:
                _write(sys.stdout, str(problem))
        sys.stdout.flush()
        _write(sys.stderr, f"{summary} in {_plural(files, 'file')}")
    except BrokenPipeError:  # e.g. `validate ... | head`
        pass
    return code


def _coverage(paths: list[str]) -> dict:
    """{pack folder: {language: (translated, total)}} for the packs under `paths`."""
    try:
        from game.authoring import language_coverage
    except ImportError:
        return {}
    found = {}
    for raw in paths:
        path = Path(raw)
        folders = [path] if (path / PACK_FILE).is_file() else (
            find_pack_dirs(path) if path.is_dir() else [])
        for folder in folders:
            try:
                found[str(folder)] = language_coverage(folder)
            except Exception:  # coverage is a courtesy: a broken pack is reported above
                continue
    return found


def _write(stream, line: str) -> None:
    try:
        stream.write(line + "\n")
    except UnicodeEncodeError:  # a console that can't show every character
        stream.write(line.encode("ascii", "backslashreplace").decode("ascii") + "\n")
