"""Safe YAML reading with node positions.

Pack files are composed into PyYAML nodes (never constructed into Python
objects), so each value keeps the line and column it came from and nothing
in a pack can run code. Files that are too big, tags that are not plain
data, and anchors/aliases that would expand into huge documents ("billion
laughs") are refused as located `YamlIssue`s instead of exceptions.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Optional

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from game.content.problems import said

YAML_TAG = "tag:yaml.org,2002:"  # the prefix of the standard tags: !!str is YAML_TAG + "str"
STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG = (
    YAML_TAG + t for t in ("str", "int", "float", "bool", "null"))
SEQ_TAG, MAP_TAG, MERGE_TAG = YAML_TAG + "seq", YAML_TAG + "map", YAML_TAG + "merge"

try:
    from yaml import CSafeLoader
except ImportError:  # PyYAML built without libyaml: the slower pure-Python parser
    SAFE_LOADER = yaml.SafeLoader
else:
    class PackLoader(CSafeLoader):
        """yaml.CSafeLoader, but deciding the type of each plain scalar once per file.

        The C parser asks the Python resolver for the tag of every scalar, trying
        regular expressions each time; pack files repeat the same plain words
        (field names, ids, stages, true) thousands of times. Only `compose` is
        used, so nothing is ever constructed from the nodes.
        """

        def __init__(self, stream):
            super().__init__(stream)
            self._plain_tags: dict[str, str] = {}

        def resolve(self, kind, value, implicit):
            if kind is ScalarNode:
                if not implicit[0]:  # quoted: always a string
                    return STR_TAG
                tag = self._plain_tags.get(value)
                if tag is None:
                    tag = self._plain_tags[value] = Resolver.resolve(self, kind, value,
                                                                     implicit)
                return tag
            return Resolver.resolve(self, kind, value, implicit)

    SAFE_LOADER = PackLoader

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ALIASES = 5_000           # times anchored nodes may be re-used in one file
MAX_ALIAS_NODES = 100_000     # nodes those re-uses may add, counted expanded
# The C parser recurses once per nesting level and has no limit of its own; these bound
# the depth far below what overflows even a 1 MB stack.
MAX_FLOW_DEPTH = 500          # levels of [ ] and { }
MAX_INDENT = 500              # columns of indentation
MAX_INLINE = 250              # "- - - ..." or "? ? ..." entries opened on one line

ALLOWED_TAGS = frozenset(YAML_TAG + t for t in (
    "str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge", "binary"))

_TAG_AFTER = frozenset(" \t\r\n[]{},:?-")  # '!' after one of these may start a tag
_DEEP_INDENT = re.compile(r"\n[ \t]{%d}" % MAX_INDENT)
_DEEP_INLINE = (re.compile(r"-(?:[ \t]+[-?]){%d}" % MAX_INLINE),
                re.compile(r"\?(?:[ \t]+[-?]){%d}" % MAX_INLINE))
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
# Added to the syntax error a ': ' inside an unquoted text gives (text: Note: bring ...).
COLON_HINT = (" (a ':' followed by a space inside a text that is not in quotes: "
              "put the sentence in quotes)")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


@dataclass(frozen=True)
class YamlIssue:
    """A problem found while reading a YAML file; line and column are 1-based."""
    message: str
    line: int = 1
    column: int = 1


class _Refused(Exception):
    def __init__(self, issue: YamlIssue):
        super().__init__(issue.message)
        self.issue = issue


def read_yaml(path: str | os.PathLike) -> tuple[Optional[Node], list[YamlIssue]]:
    """Compose one file into nodes. The node is None when the file can't be used."""
    node, issues, _text = read_yaml_source(path)
    return node, issues


def _why_unreadable(exc: OSError):
    """Why a file could not be read, in the author's language for the usual reasons
    (else as the system says it)."""
    import errno
    key = {errno.ENOENT: "why_no_file", errno.EACCES: "why_no_permission",
           errno.EPERM: "why_no_permission", errno.EISDIR: "why_a_folder"}.get(exc.errno)
    return said(key) if key else str(exc.strerror or exc)


def read_yaml_source(path: str | os.PathLike
                     ) -> tuple[Optional[Node], list[YamlIssue], str]:
    """Like `read_yaml`, with the file's text too ('' when it could not be read)."""
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        return None, [YamlIssue(said("cannot_read", why=_why_unreadable(exc)))], ""
    if size > MAX_FILE_BYTES:
        return None, [YamlIssue(said("file_too_large", mb=f"{size / 1e6:.1f}",
                                     limit=MAX_FILE_BYTES // (1024 * 1024)))], ""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [YamlIssue(said("cannot_read", why=_why_unreadable(exc)))], ""
    if len(data) > MAX_FILE_BYTES:
        return None, [YamlIssue(said("file_too_large_plain"))], ""
    text, issue = _decode(data)
    if issue:
        return None, [issue], ""
    node, issues = compose_text(text)
    return node, issues, text


def compose_text(text: str) -> tuple[Optional[Node], list[YamlIssue]]:
    """Compose YAML text into nodes, refusing tags and alias bombs."""
    deep = _too_deep(text)
    if deep:
        return None, [deep]
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        return None, [_syntax_issue(exc, text)]
    except (ValueError, RecursionError) as exc:  # e.g. lone surrogates, absurd nesting
        return None, [YamlIssue(said("yaml_syntax", detail=str(exc)))]
    if node is None:
        return None, []
    if "&" in text or "<<" in text or _may_have_tags(text):
        try:
            return node, _check_graph(node)
        except _Refused as refused:
            return None, [refused.issue]
    return node, []


def _may_have_tags(text: str) -> bool:
    at = text.find("!")
    while at >= 0:
        if at == 0 or text[at - 1] in _TAG_AFTER:
            return True
        at = text.find("!", at + 1)
    return False


def _too_deep(text: str) -> Optional[YamlIssue]:
    """Refuse nesting deep enough to overflow the parser's stack (cheap upper bounds)."""
    for pattern in (_DEEP_INDENT, *_DEEP_INLINE):
        found = pattern.search(text)
        if found:
            line = text.count("\n", 0, found.start() + 1) + 1
            return YamlIssue(said("too_deep"), line)
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return None
    brackets = text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    for _ in range(8):  # drop innermost pairs; ordinary files are empty after a few rounds
        shorter = brackets.replace(b"[]", b"").replace(b"{}", b"")
        if len(shorter) == len(brackets) or len(shorter) <= MAX_FLOW_DEPTH:
            brackets = shorter
            break
        brackets = shorter
    if len(brackets) <= MAX_FLOW_DEPTH:
        return None
    depth = 0
    for char in brackets:
        depth = depth + 1 if char in b"[{" else max(0, depth - 1)
        if depth > MAX_FLOW_DEPTH:
            return YamlIssue(said("too_deep_brackets", most=MAX_FLOW_DEPTH))
    return None


def _decode(data: bytes) -> tuple[str, Optional[YamlIssue]]:
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom):], name
            break
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as exc:
        before = data[:exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return "", YamlIssue(said("not_utf8", byte=f"{data[exc.start]:02x}"), line, column)


# What the YAML reader says (libyaml's and PyYAML's words), by its key in
# localisation/author.*.json, so that `validate --lang id` says it in Indonesian too;
# a phrase not listed here is shown as the reader wrote it.
_READER_SAYS = {
    "while scanning for the next token": "yaml_says_next_token",
    "found character that cannot start any token": "yaml_says_cannot_start",
    "mapping values are not allowed in this context": "yaml_says_colon",
    "mapping values are not allowed here": "yaml_says_colon",
    "while parsing a block mapping": "yaml_says_block_mapping",
    "did not find expected key": "yaml_says_no_key",
    "while parsing a block collection": "yaml_says_block_list",
    "did not find expected '-' indicator": "yaml_says_no_dash",
    "while scanning a quoted scalar": "yaml_says_quoted",
    "while parsing a quoted scalar": "yaml_says_quoted_parse",
    "found unexpected end of stream": "yaml_says_end",
    "while parsing a flow mapping": "yaml_says_flow_mapping",
    "did not find expected ',' or '}'": "yaml_says_no_brace",
    "while parsing a flow sequence": "yaml_says_flow_list",
    "did not find expected ',' or ']'": "yaml_says_no_bracket",
    "while scanning a simple key": "yaml_says_simple_key",
    "could not find expected ':'": "yaml_says_no_colon",
    "found undefined alias": "yaml_says_no_anchor",
    "expected a single document in the stream": "yaml_says_one_document",
    "but found another document": "yaml_says_another_document",
    "while parsing a block node": "yaml_says_node",
    "while parsing a flow node": "yaml_says_node",
    "did not find expected node content": "yaml_says_no_content",
    "block sequence entries are not allowed in this context": "yaml_says_dash_here",
    "while scanning a plain scalar": "yaml_says_plain",
    "while scanning a block scalar": "yaml_says_block_text",
    "while scanning an anchor": "yaml_says_anchor",
    "while scanning an alias": "yaml_says_alias",
    "did not find expected alphabetic or numeric character": "yaml_says_no_name",
    "found unknown escape character": "yaml_says_escape",
    "control characters are not allowed": "yaml_says_control",
}


def _reader_says(parts: list[str]):
    """The reader's words joined with ', ': each in the author's language when known."""
    said_parts = [said(_READER_SAYS[p]) if p in _READER_SAYS else p for p in parts]
    out = said_parts[0]
    for part in said_parts[1:]:
        out = said("join", first=out, sep=", ", then=part)
    return out


def _tab_at(exc: yaml.YAMLError, text: str) -> Optional[tuple[int, int]]:
    """(line, column) of the tab that stopped the reader, if a tab did."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return None
    lines = text.splitlines()
    if not 0 <= mark.line < len(lines):
        return None
    line = lines[mark.line]
    problem = str(getattr(exc, "problem", "") or "")
    if mark.column < len(line) and line[mark.column] == "\t":
        return mark.line + 1, mark.column + 1
    if "tab" in problem and "\t" in line:
        return mark.line + 1, line.index("\t") + 1
    return None


def _colon_before(mark, text: str) -> bool:
    """Whether the line holds a ': ' before the one the reader stopped at (or no line
    can be found: the plain hint then)."""
    lines = text.splitlines()
    if mark is None or not 0 <= mark.line < len(lines):
        return True
    before = lines[mark.line][:mark.column]
    return ": " in before or before.rstrip().endswith(":")


def _syntax_issue(exc: yaml.YAMLError, text: str) -> YamlIssue:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    parts = [p for p in (getattr(exc, "context", None), getattr(exc, "problem", None)) if p]
    tab = None if isinstance(exc, yaml.reader.ReaderError) else _tab_at(exc, text)
    if tab:
        return YamlIssue(said("yaml_tab"), *tab)
    if isinstance(exc, yaml.reader.ReaderError):
        # `position` counts bytes of the UTF-8 text.
        before = text.encode("utf-8", "surrogatepass")[:exc.position].decode("utf-8", "ignore")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        char = exc.character
        code = ord(char) if isinstance(char, str) and len(char) == 1 else char
        reason = _reader_says([str(exc.reason)])
        message = (said("yaml_character", detail=reason, code=f"{code:04X}")
                   if isinstance(code, int) else said("yaml_syntax", detail=reason))
        return YamlIssue(message, line, column)
    colon = any("mapping values are not allowed" in part for part in parts)
    detail = _reader_says(parts) if parts else str(exc)
    key = "yaml_syntax"
    if colon:  # a second ': ' on the line is inside a text; a first one, a field out of line
        key = "yaml_colon" if _colon_before(mark, text) else "yaml_indent"
    message = said(key, detail=detail)
    if mark is None:
        return YamlIssue(message)
    return YamlIssue(message, mark.line + 1, mark.column + 1)


def _issue_at(node: Node, message: str) -> YamlIssue:
    return YamlIssue(message, node.start_mark.line + 1, node.start_mark.column + 1)


def _check_graph(root: Node) -> list[YamlIssue]:
    """Refuse alias bombs and cycles, flatten `<<` merges, report non-data tags."""
    issues: list[YamlIssue] = []
    busy = -1
    sizes: dict[int, int] = {}  # id(node) -> size once expanded (busy while visiting)
    aliases = extra = 0
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            size = 1
            for child in _children(node):
                size += sizes[id(child)]
            sizes[key] = size
            continue
        seen = sizes.get(key)
        if seen is not None:
            if seen == busy:
                raise _Refused(_issue_at(node, said("alias_self")))
            aliases += 1
            extra += seen
            if aliases > MAX_ALIASES or extra > MAX_ALIAS_NODES:
                raise _Refused(_issue_at(node, said("alias_too_much")))
            continue
        if node.tag not in ALLOWED_TAGS:
            issues.append(_issue_at(node, said("tag_not_allowed", tag=_short_tag(node.tag))))
            node.tag = (STR_TAG if isinstance(node, ScalarNode)
                        else SEQ_TAG if isinstance(node, SequenceNode) else MAP_TAG)
        if isinstance(node, MappingNode) and any(k.tag == MERGE_TAG for k, _ in node.value):
            _flatten(node)
        sizes[key] = busy
        stack.append((node, True))
        for child in reversed(_children(node)):
            stack.append((child, False))
    return sorted(issues, key=lambda issue: (issue.line, issue.column))


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return node.value
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _flatten(node: MappingNode) -> None:
    try:
        SafeConstructor().flatten_mapping(node)
    except ConstructorError as exc:
        mark = exc.problem_mark or node.start_mark
        raise _Refused(YamlIssue(said("bad_merge", detail=str(exc.problem)), mark.line + 1,
                                 mark.column + 1)) from None
    except RecursionError:
        raise _Refused(_issue_at(node, said("merge_self"))) from None
    # Merged fields come first; a field the mapping gives itself wins.
    last = {key.value: i for i, (key, _) in enumerate(node.value)
            if isinstance(key, ScalarNode)}
    node.value = [pair for i, pair in enumerate(node.value)
                  if not isinstance(pair[0], ScalarNode) or last[pair[0].value] == i]


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag
