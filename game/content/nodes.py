"""Reading typed values out of YAML nodes, each problem located at FILE:LINE:COL.

`NodeReader` turns the nodes of one pack's files (composed by `yaml_source`)
into plain values: a part's fields, a localised text, a whole number, an id.
A bad value becomes a `Problem` and the method returns None (or an empty
tuple), so reading goes on and every problem in a file is found in one pass.
Ids and references are recorded as they are read; the checks across the
whole pack (`checks.py`) look them up once every file has been read.

The common case is kept fast (packs run to thousands of cards): each reader
tries a quick path first and falls back to a slower one that names exactly
what is wrong.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Optional

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.content import parts
from game.content.problems import ERROR, Problem, did_you_mean, said
from game.content.yaml_source import BOOL_TAG, FLOAT_TAG, INT_TAG, NULL_TAG, STR_TAG

Place = tuple[str, int, int]  # (file as shown, line, column), 1-based

FIELD_SETS = {name: frozenset(part.fields) for name, part in parts.PARTS.items()}
TRUE_WORDS = frozenset(("yes", "true", "on"))
# true and false as YAML 1.2 (and every editor using it) spells them; YAML 1.1 also reads
# yes/no/on/off as true or false, but editors call those "expected boolean": refuse them.
BOOLEAN_WORDS = frozenset(("true", "True", "TRUE", "false", "False", "FALSE"))
_yaml_numbers = SafeConstructor()


def describe(node: Node) -> str:
    """What a node holds, as a message names it: 'a list', 'nothing', 'the number 3'."""
    if node.__class__ is SequenceNode:
        return said("describe_list")
    if node.__class__ is MappingNode:
        return said("describe_mapping")
    tag = node.tag
    if tag == NULL_TAG:
        return said("describe_nothing")
    if tag == BOOL_TAG:
        return node.value
    value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    if tag == INT_TAG or tag == FLOAT_TAG:
        return said("describe_number", value=value)
    return f"'{value}'"


def yaml_number(node: ScalarNode):
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


class NodeReader:
    """Reads the nodes of one pack folder's files, collecting problems and ids."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.label = str(folder)
        self.file = ""  # the file being read, as problems show it
        self.problems: list[Problem] = []
        self.files: list[str] = []
        self.languages: tuple[str, ...] = ()
        self.language_set: Optional[frozenset] = None  # None: languages unknown, be lenient
        self.plain_text_ok = True
        # (kind, value, place): checked once everything is read. Places, not nodes, so
        # that each file's nodes are freed as soon as it has been read.
        self.refs: list[tuple[str, str, Place]] = []
        self.ids: dict[str, dict[str, Place]] = {
            "card": {}, "document": {}, "contact": {}, "outcome": {}}

    # -- reporting -------------------------------------------------------------
    def problem(self, where: Node | Place | None, message: str,
                severity: str = ERROR) -> None:
        """Report at a node of the current file, at a (file, line, column), or at line 1."""
        if where is None:
            file, line, column = self.file, 1, 1
        elif isinstance(where, tuple):
            file, line, column = where
        else:
            file, line, column = self.place(where)
        self.problems.append(Problem(file, line, column, severity, message))

    def place(self, node: Node) -> Place:
        mark = node.start_mark
        return self.file, mark.line + 1, mark.column + 1

    def shown(self, *names: str) -> str:
        """A file of the pack as problems show it."""
        return str(Path(self.label, *names))

    # -- parts and texts -------------------------------------------------------
    def fields(self, node: Node, what: str, required: tuple[str, ...] = ()) -> Optional[dict]:
        """The mapping's value nodes by field name, reporting unknown/duplicate/missing ones."""
        if node.__class__ is not MappingNode:
            self.problem(node, said("not_mapping", what=what, found=describe(node)))
            return None
        allowed = FIELD_SETS[what]
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
                self.problem(node, said("missing_field", what=what, name=name))
        return found

    def _fields_slowly(self, node: MappingNode, what: str, allowed: frozenset) -> dict:
        found: dict[str, Node] = {}
        keys: dict[str, Node] = {}
        for key, value in node.value:
            if key.__class__ is not ScalarNode:
                self.problem(key, said("field_name_not_word", found=describe(key)))
                continue
            name = key.value
            if name in keys:
                self.problem(key, said("field_twice", name=name, what=what,
                                       first=keys[name].start_mark.line + 1))
                continue
            keys[name] = key
            if name not in allowed:
                hint = did_you_mean(name, allowed) or said(
                    "its_fields", fields=", ".join(sorted(allowed)))
                self.problem(key, said("unknown_field", name=name, what=what, hint=hint))
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
            example = "{" + ", ".join(f'{code}: "..."' for code in self.languages) + "}"
            self.problem(node, said("text_every_language", what=what, example=example))
            return None
        self.problem(node, said("not_text", what=what, found=describe(node)))
        return None

    def _text_slowly(self, node: MappingNode, what: str) -> Optional[dict]:
        text: dict[str, str] = {}
        ok = True
        for key, value in node.value:
            if key.__class__ is not ScalarNode:
                self.problem(key, said("language_code_not_word", what=what))
                ok = False
                continue
            code = key.value
            if code in text:
                self.problem(key, said("language_twice", what=what, code=code))
                ok = False
                continue
            if self.language_set is not None and code not in self.language_set:
                self.problem(key, said("language_not_in_pack", what=what, code=code,
                                       languages=", ".join(self.languages),
                                       hint=did_you_mean(code, self.languages)))
                ok = False
                continue
            if value.__class__ is not ScalarNode or value.tag == NULL_TAG or not value.value:
                self.problem(value, said("text_in_language_not_text", what=what, code=code,
                                         found=describe(value)))
                ok = False
                text[code] = ""
                continue
            text[code] = value.value
        for code in self.languages if self.language_set is not None else ():
            if code not in text:
                self.problem(node, said("missing_language", what=what, code=code))
                ok = False
        if not text:
            self.problem(node, said("text_empty", what=what))
            ok = False
        return text if ok else None

    # -- scalars -----------------------------------------------------------------
    def integer(self, node: Node, what: str) -> Optional[int]:
        if node.__class__ is ScalarNode and node.tag == INT_TAG:
            value = yaml_number(node)
            if value is not None:
                return value
        self.problem(node, said("not_whole_number", what=what, found=describe(node)))
        return None

    def number(self, node: Node, what: str) -> Optional[float]:
        value = None
        if node.__class__ is ScalarNode and (node.tag == INT_TAG or node.tag == FLOAT_TAG):
            value = yaml_number(node)
        if value is None or not math.isfinite(value):
            self.problem(node, said("not_number", what=what, found=describe(node)))
            return None
        return value

    def boolean(self, node: Node, what: str) -> Optional[bool]:
        if node.__class__ is ScalarNode and node.tag == BOOL_TAG:
            if node.value in BOOLEAN_WORDS:
                return node.value.lower() in TRUE_WORDS
            self.problem(node, said("boolean_word", what=what, word=node.value))
            return None
        self.problem(node, said("not_boolean", what=what, found=describe(node)))
        return None

    def one_of(self, node: Node, options: tuple[str, ...], what: str) -> Optional[str]:
        if node.__class__ is ScalarNode and node.tag == STR_TAG and node.value in options:
            return node.value
        shown = node.value if node.__class__ is ScalarNode else None
        hint = did_you_mean(shown, options) if isinstance(shown, str) else ""
        self.problem(node, said("not_one_of", what=what, options=", ".join(options),
                                found=describe(node), hint=hint))
        return None

    # -- ids and references --------------------------------------------------------
    def ident(self, node: Node, what: str, kind: str = "", each: bool = False) -> Optional[str]:
        """An id (a name like 'ktp'); with `kind`, also a reference to check later;
        `each`: the id is an item of the list `what`."""
        if (node.__class__ is ScalarNode and (node.tag == STR_TAG or node.tag == INT_TAG)
                and node.value):
            if kind:
                self.refs.append((kind, node.value, self.place(node)))
            return node.value
        if each:
            what = said("each_of", what=what)
        self.problem(node, said("not_ident", what=what, found=describe(node)))
        return None

    def ident_list(self, node: Node, what: str, kind: str = "") -> tuple[str, ...]:
        if node.__class__ is not SequenceNode:
            example = said("write_list", value=node.value) if (
                node.__class__ is ScalarNode and node.tag == STR_TAG) else ""
            self.problem(node, said("not_list", what=what, found=describe(node),
                                    example=example))
            return ()
        found = []
        for item in node.value:
            value = self.ident(item, what, kind, each=True)
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
            self.problem(node, said("duplicate_id", kind=said(f"thing_{kind}"), ident=ident,
                                    first=":".join(map(str, first))))
            return
        mark = node.start_mark
        seen[ident] = (self.file, mark.line + 1, mark.column + 1)
