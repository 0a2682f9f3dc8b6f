"""The "Check again" section of a pack's SOURCES.md, read as Markdown text.

A pack's SOURCES.md may hold a section (a heading with "check again" in it,
or "cek lagi" / "periksa lagi") listing the numbers and rules on the cards
whose sources are old or change: the facilitator checks them before each
training round. `check_again(pack_dir)` gives that section's tables (header
and rows) and bullet points, or None when the pack has no such section. Cell
text is plain: Markdown's `code`, **bold**, _emphasis_ and [links](...) are
reduced to their text, and escaping is left to the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

SOURCES_FILE = "SOURCES.md"
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
CHECK_AGAIN = re.compile(r"check\s+again|cek\s+(lagi|ulang)|periksa\s+(lagi|ulang)",
                         re.IGNORECASE)
SEPARATOR_CELL = re.compile(r"^:?-{1,}:?$")
BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class CheckAgain:
    """The section: its heading, its tables and its bullet points, in plain text."""
    heading: str
    tables: list[Table] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.tables or self.bullets)


def check_again(pack_dir: str | Path) -> Optional[CheckAgain]:
    """The pack's "check again" facts, or None (no SOURCES.md, no such section, or
    a section with no table and no list)."""
    path = Path(pack_dir or ".") / SOURCES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = parse(text)
    return found if found else None


def parse(markdown: str) -> Optional[CheckAgain]:
    lines = markdown.splitlines()
    start, level, heading = None, 0, ""
    for i, line in enumerate(lines):
        match = HEADING.match(line)
        if match and CHECK_AGAIN.search(match.group(2)):
            start, level, heading = i + 1, len(match.group(1)), plain(match.group(2))
            break
    if start is None:
        return None
    section = CheckAgain(heading)
    block: list[str] = []
    in_code = False
    for line in lines[start:]:
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        match = HEADING.match(line)
        if match and len(match.group(1)) <= level:
            break
        if line.lstrip().startswith("|"):
            block.append(line)
            continue
        if block:
            _add_table(section, block)
            block = []
        bullet = BULLET.match(line)
        if bullet:
            section.bullets.append(plain(bullet.group(1)))
    if block:
        _add_table(section, block)
    return section


def _cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells, cell, code = [], "", False
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body) and body[i + 1] == "|":
            cell += "|"
            i += 2
            continue
        if ch == "`":
            code = not code
        if ch == "|" and not code:
            cells.append(cell)
            cell = ""
        else:
            cell += ch
        i += 1
    cells.append(cell)
    return [plain(c) for c in cells]


def _add_table(section: CheckAgain, block: list[str]) -> None:
    rows = [_cells(line) for line in block]
    if len(rows) >= 2 and all(SEPARATOR_CELL.match(c.replace(" ", "")) or not c
                              for c in rows[1]):
        header, body = rows[0], rows[2:]
    else:
        header, body = [], rows
    body = [r for r in body if any(c for c in r)]
    if not body:
        return
    width = max([len(header)] + [len(r) for r in body])
    header = header + [""] * (width - len(header)) if header else []
    body = [r + [""] * (width - len(r)) for r in body]
    section.tables.append(Table(header, body))


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_BOLD = re.compile(r"(\*\*|__)(.+?)\1")
_EMPH = re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])")
_CODE = re.compile(r"`([^`]*)`")


def plain(text: str) -> str:
    """Markdown inline marks reduced to their text."""
    text = _LINK.sub(r"\1", text.strip())
    text = _CODE.sub(r"\1", text)
    text = _BOLD.sub(r"\2", text)
    text = _EMPH.sub(r"\2", text)
    text = text.replace("<br>", " ").replace("<br/>", " ").replace("<br />", " ")
    return text.strip()
