"""The translation spreadsheet: a pack's texts as CSV rows, written and read back.

Columns: `key`, `file`, then one per language, then `source at export` and
`check` (see the package's docstring).
Reading accepts what spreadsheets save: a comma, semicolon or tab between
cells, line ends inside cells, extra columns (reported, not imported).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator

from game.authoring.translations.pack_texts import (TranslationError, digest, read_pack,
                                                    texts_by_language)
from game.content.parts import LANGUAGE_CODE, TextField
from game.content.problems import said

KEY, FILE = "key", "file"
# The last two columns remember the export: the text in the pack's first language as
# it was then (to show what a stale row was made from), and `check`, a fingerprint of
# each language's text then (`id:1a2b3c4d5e en:...`), which tells import which cells
# the translator changed and which texts changed in the pack since.
SOURCE, CHECK = "source at export", "check"
CSV_ENCODING = "utf-8-sig"  # UTF-8 with a byte order mark: what Excel needs to see UTF-8

# A cell starting with one of these is a formula to a spreadsheet, which would show
# (and save) its result instead of the text; such texts get a ' in front, which
# import takes away again.
FORMULA_START = ("=", "+", "-", "@")


# -- export -----------------------------------------------------------------------

def export_rows(folder: Path, add: tuple[str, ...] = ()) -> tuple[list[str], list[list[str]]]:
    """The CSV's header and rows for the pack in `folder`: its declared languages,
    then any other language a text is in, then `add`. Raises TranslationError."""
    files, languages = read_pack(folder, round_trip=False)
    columns = list(languages)
    for pack_file in files:
        for field in pack_file.fields:
            if isinstance(field.value, dict):
                columns.extend(str(k) for k in field.value if str(k) not in columns)
    columns.extend(code for code in add if code not in columns)
    source = languages[0] if languages else (columns[0] if columns else "")
    rows = []
    for pack_file in files:
        for field in _unique(pack_file.fields):
            texts = texts_by_language(field.value, languages)
            rows.append([field.key, pack_file.name]
                        + [_cell(texts.get(code, "")) for code in columns]
                        + [_cell(texts.get(source, "")), check_cell(texts)])
    return [KEY, FILE] + columns + [SOURCE, CHECK], rows


def check_cell(texts: dict[str, str]) -> str:
    """The `check` cell for a field's texts: `id:<fingerprint> en:<fingerprint>`."""
    return " ".join(f"{code}:{digest(text)}" for code, text in texts.items() if text.strip())


def read_check(cell: str) -> dict[str, str] | None:
    """{language: fingerprint} from a `check` cell; None if it is not one."""
    found = {}
    for part in cell.split():
        code, colon, value = part.rpartition(":")
        if not colon or not LANGUAGE_CODE.fullmatch(code) or not value.isalnum():
            return None
        found[code] = value
    return found


def _cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def _unique(fields: list[TextField]) -> Iterator[TextField]:
    seen = set()
    for field in fields:
        if field.key not in seen:  # a duplicate id: the validator reports it
            seen.add(field.key)
            yield field


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding=CSV_ENCODING, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


# -- import -----------------------------------------------------------------------

def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]], list[str]]:
    """(languages, rows as {key, file, language..., _line}, notes on columns that
    were not used). Raises TranslationError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TranslationError(said("csv_cannot_read", file=str(path),
                                    why=str(exc.strerror or exc))) from None
    try:
        text = raw.decode(CSV_ENCODING)
    except UnicodeDecodeError:
        raise TranslationError(said("csv_not_utf8", file=str(path))) from None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise TranslationError(said("csv_empty", file=str(path))) from None
    except csv.Error as exc:
        raise TranslationError(said("file_detail", file=str(path), why=str(exc))) from None
    names = [cell.strip() for cell in header]
    lowered = [name.lower() for name in names]
    if KEY not in lowered or FILE not in lowered:
        raise TranslationError(said("csv_no_columns", file=str(path)))
    if CHECK not in lowered:
        raise TranslationError(said("csv_no_check", file=str(path), check=CHECK))
    notes = []
    languages = []
    columns: dict[int, str] = {}
    for index, name in enumerate(names):
        if lowered[index] in (KEY, FILE, SOURCE, CHECK):
            columns[index] = lowered[index]
        elif LANGUAGE_CODE.fullmatch(name):
            if name in languages:
                raise TranslationError(said("csv_column_twice", file=str(path), name=name))
            languages.append(name)
            columns[index] = name
        elif name:
            notes.append(said("csv_not_language", name=name))
    rows = []
    try:
        for line, cells in enumerate(reader, 2):
            row = {columns[i]: cell for i, cell in enumerate(cells) if i in columns}
            if not row.get(KEY, "").strip() and not any(cells):
                continue
            row["_line"] = str(line)
            rows.append(row)
    except csv.Error as exc:
        raise TranslationError(said("file_detail", file=str(path), why=str(exc))) from None
    return languages, rows, notes


def cell_text(cell: str) -> str:
    """A cell's text as it goes into the YAML: trimmed, line ends as \\n, without
    the ' that export put before a formula-like text."""
    text = cell.replace("\r\n", "\n").replace("\r", "\n").strip()
    if text[:1] == "'" and text[1:2] in FORMULA_START:
        text = text[1:]
    return text
