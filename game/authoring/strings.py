"""The translation round-trip: every localised text of a pack to a spreadsheet and back.

    run_game.py strings export --pack P --csv OUT [--add LANG]
    run_game.py strings import --pack P --csv IN

The CSV has one row per localised field and the columns `key`, `file`, then
one per language. `file` is the pack file, relative to the pack folder
(`pack.yaml`, `cards/work.yaml`); `key` names the field inside it and stays
the same when the text changes: `title`, `documents/ktp/name`,
`outcomes/debt-bondage/elements/act`, `rec-offer/text`,
`rec-offer/choices/2/feedback` (choices are numbered from 1). The file is
UTF-8 with a byte order mark, so Excel and LibreOffice show Indonesian text
as it is; a text starting with = + - or @ gets a ' in front so that a
spreadsheet does not take it for a formula (import takes it away).

Import writes the texts back into the YAML files with ruamel.yaml, which
keeps the authors' comments, quoting and layout; a column for a language the
pack does not declare yet adds it to `languages`. An empty cell changes
nothing. Afterwards the pack is validated and each language's coverage is
shown.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import io
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from game.authoring.fields import TextField, walk_texts
from game.content.validate import CARD_SUFFIXES, LANGUAGE_CODE, PACK_FILE
from game.content.yaml_source import read_yaml

KEY, FILE = "key", "file"
CSV_ENCODING = "utf-8-sig"  # UTF-8 with a byte order mark: what Excel needs to see UTF-8


class StringsError(Exception):
    """A problem that stops export or import; the message is for the author."""


# -- reading a pack's files -----------------------------------------------------

def pack_files(folder: Path) -> list[tuple[str, Path, str]]:
    """(name as in the CSV, path, "pack" | "cards") for pack.yaml and each card file,
    in the order the validator reads them."""
    files = [(PACK_FILE, folder / PACK_FILE, "pack")]
    try:
        names = sorted(entry.name for entry in os.scandir(folder / "cards")
                       if entry.name.endswith(CARD_SUFFIXES) and entry.is_file()
                       and not entry.name.startswith("."))
    except OSError:
        names = []
    files.extend((f"cards/{name}", folder / "cards" / name, "cards") for name in names)
    return files


def _yaml():
    from ruamel.yaml import YAML
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 20  # never fold a long line of text
    return yaml


def load_round_trip(text: str):
    """ruamel's round-trip data for a file's text (comments and quotes kept)."""
    return _yaml().load(text)


def _load(path: Path) -> tuple[object, str]:
    """The file's round-trip data and its text. Raises StringsError if unusable.

    The validator's reader checks the file first, so a file it refuses (a
    YAML error, an alias bomb, a tag) is never given to ruamel.
    """
    node, issues = read_yaml(path)
    if issues:
        issue = issues[0]
        raise StringsError(f"{path}:{issue.line}:{issue.column}: {issue.message}")
    if node is None:
        return None, ""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig") if not raw.startswith((b"\xff\xfe", b"\xfe\xff")) \
        else raw.decode("utf-16")
    text = text.replace("\r\n", "\n")  # written back with the file's own line ends
    try:
        return load_round_trip(text), text
    except Exception as exc:  # ruamel refuses something PyYAML accepted: report, don't crash
        raise StringsError(f"{path}: cannot be read for translation: {exc}") from None


def _plain(path: Path) -> object:
    """The file's data as plain Python values, read by the validator's own reader
    (fast; no comments kept). Raises StringsError if the file is unusable."""
    from yaml.constructor import SafeConstructor
    node, issues = read_yaml(path)
    if issues:
        issue = issues[0]
        raise StringsError(f"{path}:{issue.line}:{issue.column}: {issue.message}")
    if node is None:
        return None
    try:
        return SafeConstructor().construct_document(node)
    except Exception as exc:  # e.g. a mapping used as a key: report, don't crash
        raise StringsError(f"{path}: cannot be read: {exc}") from None


def _languages(pack_data) -> list[str]:
    found = pack_data.get("languages") if isinstance(pack_data, dict) else None
    if not isinstance(found, list):
        return []
    return [str(code) for code in found if isinstance(code, str) and code]


def _texts(value, languages: list[str]) -> dict[str, str]:
    """A field's texts by language; a plain string belongs to the first language."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()
                if isinstance(v, str) and v.strip()}
    if isinstance(value, str) and value.strip():
        return {languages[0] if languages else "": value}
    return {}


@dataclass
class _File:
    name: str
    path: Path
    root: str
    data: object
    text: str
    fields: list[TextField]
    changed: bool = False


def _read_pack(folder: Path, round_trip: bool = True) -> tuple[list[_File], list[str]]:
    """Every file of the pack: ruamel's round-trip data to write back, or plain data."""
    if not (folder / PACK_FILE).is_file():
        raise StringsError(f"{folder}: no pack.yaml here")
    files = []
    for name, path, root in pack_files(folder):
        data, text = _load(path) if round_trip else (_plain(path), "")
        files.append(_File(name, path, root, data, text, list(walk_texts(data, root))))
    return files, _languages(files[0].data)


# -- coverage -------------------------------------------------------------------

def language_coverage(pack_dir) -> dict[str, tuple[int, int]]:
    """{language: (translated, total)} over every localised field of the pack.

    The pack's declared languages come first, in order, then any other
    language some text is given in. Files that cannot be read are left out;
    this never raises for a broken pack (the validator reports those).
    """
    folder = Path(pack_dir)
    values: list[object] = []
    languages: list[str] = []
    for _name, path, root in pack_files(folder):
        try:
            data = _plain(path)
        except StringsError:
            continue
        if root == "pack":
            languages = _languages(data)
        values.extend(f.value for f in walk_texts(data, root))
    total = len(values)
    counts: dict[str, int] = {code: 0 for code in languages}
    for value in values:
        for code in _texts(value, languages):
            counts[code] = counts.get(code, 0) + 1
    counts.pop("", None)
    return {code: (count, total) for code, count in counts.items()}


def coverage_text(coverage: dict[str, tuple[int, int]]) -> str:
    """'id 100% (120/120), en 98% (118/120)', as `validate` shows it."""
    return ", ".join(f"{code} {100 * done // total if total else 100}% ({done}/{total})"
                     for code, (done, total) in coverage.items())


# -- export -----------------------------------------------------------------------

def export_rows(folder: Path, add: tuple[str, ...] = ()) -> tuple[list[str], list[list[str]]]:
    """The CSV's header and rows for the pack in `folder`."""
    files, languages = _read_pack(folder, round_trip=False)
    columns = list(languages)
    for _file in files:
        for f in _file.fields:
            if isinstance(f.value, dict):
                columns.extend(str(k) for k in f.value if str(k) not in columns)
    columns.extend(code for code in add if code not in columns)
    rows = []
    for _file in files:
        for f in _unique(_file.fields):
            texts = _texts(f.value, languages)
            rows.append([f.key, _file.name]
                        + [_cell(texts.get(code, "")) for code in columns])
    return [KEY, FILE] + columns, rows


# A cell starting with one of these is a formula to a spreadsheet, which would show
# (and save) its result instead of the text; such texts get a ' in front, which
# import takes away again.
_FORMULA_START = ("=", "+", "-", "@")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unique(fields: list[TextField]) -> Iterator[TextField]:
    seen = set()
    for f in fields:
        if f.key not in seen:  # a duplicate id: the validator reports it
            seen.add(f.key)
            yield f


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding=CSV_ENCODING, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


# -- import -----------------------------------------------------------------------

@dataclass
class ImportResult:
    changed_texts: int = 0
    files_written: list[str] = field(default_factory=list)
    added_languages: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # rows or columns that were not used


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]], list[str]]:
    """(languages, rows as {key, file, lang...}, notes). Raises StringsError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StringsError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode(CSV_ENCODING)
    except UnicodeDecodeError:
        raise StringsError(
            f"{path} is not UTF-8 text. In Excel use File > Save As > 'CSV UTF-8 (Comma "
            "delimited)'; in LibreOffice tick 'Edit filter settings' and choose "
            "'Unicode (UTF-8)'.") from None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise StringsError(f"{path} is empty") from None
    except csv.Error as exc:
        raise StringsError(f"{path}: {exc}") from None
    names = [cell.strip() for cell in header]
    lowered = [name.lower() for name in names]
    if KEY not in lowered or FILE not in lowered:
        raise StringsError(f"{path}: the first row must name the columns: key, file, then "
                           "one column per language (like id, en)")
    notes = []
    languages = []
    columns: dict[int, str] = {}
    for index, name in enumerate(names):
        if lowered[index] in (KEY, FILE):
            columns[index] = lowered[index]
        elif LANGUAGE_CODE.fullmatch(name):
            if name in languages:
                raise StringsError(f"{path}: the column '{name}' is there twice")
            languages.append(name)
            columns[index] = name
        elif name:
            notes.append(f"column '{name}' is not a language code (like id or en): "
                         "it was not imported")
    rows = []
    try:
        for line, cells in enumerate(reader, 2):
            row = {columns[i]: cell for i, cell in enumerate(cells) if i in columns}
            if not row.get(KEY, "").strip() and not any(cells):
                continue
            row["_line"] = str(line)
            rows.append(row)
    except csv.Error as exc:
        raise StringsError(f"{path}: {exc}") from None
    return languages, rows, notes


def _clean(cell: str) -> str:
    text = cell.replace("\r\n", "\n").replace("\r", "\n").strip()
    if text.startswith("'") and text[1:2] in _FORMULA_START and text[1:2]:
        text = text[1:]
    return text


def import_csv(folder: Path, csv_path: Path) -> ImportResult:
    """Write the CSV's texts into the pack's YAML files. Raises StringsError."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    languages_in_csv, rows, notes = read_csv(csv_path)
    files, languages = _read_pack(folder)
    result = ImportResult(notes=notes)
    by_name = {f.name: f for f in files}
    pack_file = files[0]
    new_languages = [code for code in languages_in_csv if code not in languages]
    if new_languages:
        declared = pack_file.data.get("languages") if isinstance(pack_file.data, dict) else None
        if not isinstance(declared, CommentedSeq):
            raise StringsError(f"{pack_file.path}: 'languages' must be a list like [id, en] "
                               "before a language can be added")
        for code in new_languages:
            declared.append(code)
        pack_file.changed = True
        result.added_languages = new_languages
    all_languages = languages + new_languages
    index: dict[tuple[str, str], TextField] = {}
    twice: set[tuple[str, str]] = set()
    for _file in files:
        for f in _file.fields:
            if (_file.name, f.key) in index:
                twice.add((_file.name, f.key))
            index[(_file.name, f.key)] = f
    done: dict[tuple[str, str], str] = {}
    for row in rows:
        where = (row.get(FILE, "").strip().replace("\\", "/"), row.get(KEY, "").strip())
        line = row["_line"]
        if where in done:
            result.notes.append(f"line {line}: {where[0]} {where[1]} is also on line "
                                f"{done[where]}: only the first was imported")
            continue
        done[where] = line
        f = index.get(where)
        if f is None:
            hint = ""
            close = difflib.get_close_matches(where[1], [k for (n, k) in index if n == where[0]],
                                              n=1)
            if where[0] not in by_name:
                hint = " (no such file in the pack)"
            elif close:
                hint = f" (did you mean '{close[0]}'? a card id may have changed)"
            result.notes.append(f"line {line}: no text '{where[1]}' in {where[0]}{hint}: "
                                "not imported")
            continue
        if where in twice:
            result.notes.append(f"line {line}: {where[0]} has two '{where[1]}' (a duplicate "
                                "id): not imported")
            continue
        wanted = {code: _clean(row[code]) for code in languages_in_csv
                  if _clean(row.get(code, ""))}
        if _set_texts(f, wanted, all_languages, CommentedMap):
            result.changed_texts += 1
            by_name[where[0]].changed = True
    for _file in files:
        if _file.changed:
            _write(_file)
            result.files_written.append(_file.name)
    return result


def _set_texts(f: TextField, wanted: dict[str, str], languages: list[str],
               mapping_type) -> bool:
    """Put `wanted` texts into the field; True if anything changed."""
    value = f.value
    if isinstance(value, str) and not isinstance(value, dict):
        current = {languages[0]: value} if languages else {}
        wanted = {code: text for code, text in wanted.items()
                  if not _same_text(current.get(code), text)}
        if not wanted:
            return False
        if set(wanted) <= {languages[0]} and len(languages) == 1:
            f.container[f.name] = _like(value, wanted[languages[0]])
            return True
        new = mapping_type()
        merged = {**current, **{code: _like(value, text) for code, text in wanted.items()}}
        for code in [c for c in languages if c in merged] + [c for c in merged
                                                             if c not in languages]:
            new[code] = merged[code]
        if all("\n" not in t and len(t) <= 60 and not _is_block(t)
               for t in merged.values()):
            new.fa.set_flow_style()
        else:
            new.fa.set_block_style()
        f.container[f.name] = new
        f.value = new
        return True
    if not isinstance(value, dict):
        return False  # not a text the validator accepts: leave it for the author
    changed = False
    sample = next((t for t in value.values() if isinstance(t, str)), None)
    for code, text in wanted.items():
        old = value.get(code)
        if _same_text(old, text):
            continue
        if code in value:
            value[code] = _like(old if isinstance(old, str) else sample, text)
        else:
            _append(value, code, _like(sample, text))
        changed = True
    return changed


def _same_text(old, new: str) -> bool:
    """Equal but for the spaces and line ends around it (a cell is trimmed; a YAML
    block text ends with a line end)."""
    return isinstance(old, str) and old.strip() == new.strip()


def _is_block(text) -> bool:
    from ruamel.yaml import scalarstring as s
    return isinstance(text, (s.LiteralScalarString, s.FoldedScalarString))


def _like(example, text: str):
    """`text` in the same YAML style (quotes, block) as `example`."""
    from ruamel.yaml import scalarstring as s
    for style in (s.DoubleQuotedScalarString, s.SingleQuotedScalarString,
                  s.LiteralScalarString, s.FoldedScalarString):
        if isinstance(example, style):
            if style is s.SingleQuotedScalarString and "\n" in text:
                return s.DoubleQuotedScalarString(text)
            return style(text)
    if example is None:
        return s.DoubleQuotedScalarString(text)
    return text  # plain: ruamel quotes it if the text needs quotes


def _append(mapping, key: str, value) -> None:
    """Add a key at the end of a mapping, keeping comments that followed it in place.

    ruamel keeps the comment lines after a block mapping (such as a
    "# --- irregular route ---" between two cards) with its last entry, so a
    new last entry would land below them; they move to the new entry.
    """
    from ruamel.yaml.tokens import CommentToken
    keys = list(mapping.keys())
    mapping[key] = value
    if not keys or mapping.fa.flow_style():
        return
    item = mapping.ca.items.get(keys[-1])
    if not item or len(item) < 3 or item[2] is None:
        return
    token = item[2]
    first, _newline, rest = token.value.partition("\n")
    if not rest:
        return
    if first.strip():
        token.value = first + "\n"
    else:
        item[2] = None
    mapping.ca.items[key] = [None, None,
                             CommentToken("\n" + rest, token.start_mark, None, token.column),
                             None]


# -- writing a file back with its layout ------------------------------------------

# Indentation styles to try: (mapping, sequence, offset, top-level list at column 0).
_LAYOUTS = ((2, 4, 2, True), (2, 2, 0, False), (2, 4, 2, False), (4, 4, 2, True),
            (4, 6, 4, True), (4, 4, 0, False), (4, 6, 2, True), (3, 5, 2, True))


def _dump(data, layout) -> str:
    mapping, sequence, offset, dedent = layout
    yaml = _yaml()
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    out = io.StringIO()
    yaml.dump(data, out)
    text = out.getvalue()
    if dedent and offset and isinstance(data, list):
        pad = " " * offset
        text = "".join(line[offset:] if line.startswith(pad) else line
                       for line in text.splitlines(True))
    return text


def _layout(original: str):
    """The indentation style that reproduces the file most closely."""
    data = _yaml().load(original)
    best = None
    for layout in _LAYOUTS:
        text = _dump(data, layout)
        if text == original:
            return layout
        matcher = difflib.SequenceMatcher(None, original.splitlines(), text.splitlines(),
                                          autojunk=False)
        score = matcher.ratio()
        if best is None or score > best[0]:
            best = (score, layout)
    return best[1]


_BEFORE_COMMENT = re.compile(r"(\S)[ \t]+#")


def _same(line: str) -> str:
    return _BEFORE_COMMENT.sub(r"\1 #", line.rstrip())


def _keep_lines(original: str, new: str) -> str:
    """`new`, but with every line whose content did not change taken from `original`
    (so spacing before end-of-line comments and similar details stay as written)."""
    old_lines = original.splitlines(True)
    new_lines = new.splitlines(True)
    matcher = difflib.SequenceMatcher(None, [_same(x) for x in old_lines],
                                      [_same(x) for x in new_lines], autojunk=False)
    out = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        out.extend(old_lines[a1:a2] if op == "equal" else new_lines[b1:b2])
    text = "".join(out)
    if original.endswith("\n") and not text.endswith("\n"):
        text += "\n"
    return text


def render(data, original: str) -> str:
    """The file's new text: ruamel's output in the file's own layout."""
    return _keep_lines(original, _dump(data, _layout(original)))


def _write(_file: _File) -> None:
    text = render(_file.data, _file.text)
    folder = _file.path.parent
    with open(_file.path, "rb") as handle:
        raw = handle.read()
    bom = raw.startswith(b"\xef\xbb\xbf")  # keep a byte order mark the file had
    if b"\r\n" in raw:  # and Windows line ends
        text = text.replace("\n", "\r\n")
    handle, temp = tempfile.mkstemp(prefix=".strings-", suffix=".yaml", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig" if bom else "utf-8",
                       newline="") as out:
            out.write(text)
        os.replace(temp, _file.path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


# -- the command --------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="run_game.py strings",
        description="Translate a pack in a spreadsheet: export every localised text to CSV, "
                    "import it back (a new language column adds that language).")
    sub = parser.add_subparsers(dest="action", metavar="export|import")
    sub.required = True
    export = sub.add_parser("export", help="write the pack's texts to a CSV file")
    export.add_argument("--pack", required=True, help="pack id under scenarios/ or a path")
    export.add_argument("--csv", required=True, type=Path, metavar="OUT", help="CSV to write")
    export.add_argument("--add", action="append", default=[], metavar="LANG",
                        help="add an empty column for a new language (like ms); may repeat")
    imp = sub.add_parser("import", help="write the texts of a CSV file back into the pack")
    imp.add_argument("--pack", required=True, help="pack id under scenarios/ or a path")
    imp.add_argument("--csv", required=True, type=Path, metavar="IN", help="CSV to read")
    return parser


def main_strings(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    from game.paths import SCENARIOS
    from game.content.validate import resolve_pack
    folder = resolve_pack(args.pack, SCENARIOS)
    if folder is None:
        print(f"error: no pack {args.pack!r}: give a pack id from scenarios/ or the path "
              "to a folder holding pack.yaml", file=sys.stderr)
        return 2
    if args.action == "export":
        bad = [code for code in args.add if not LANGUAGE_CODE.fullmatch(code)]
        if bad:
            print(f"error: '{bad[0]}' is not a language code (like ms or en)", file=sys.stderr)
            return 2
        return _export(folder, args.csv, tuple(args.add))
    return _import(folder, args.csv)


def _export(folder: Path, out: Path, add: tuple[str, ...]) -> int:
    try:
        header, rows = export_rows(folder, add)
        write_csv(out, header, rows)
    except StringsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{len(rows)} texts in {len(header) - 2} languages ({', '.join(header[2:])}) "
          f"written to {out}")
    return 0


def _import(folder: Path, csv_path: Path) -> int:
    from game.content.validate import load_pack
    try:
        result = import_csv(folder, csv_path)
    except StringsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for note in result.notes:
        print(f"{csv_path}: {note}", file=sys.stderr)
    if result.added_languages:
        print(f"added language{'s' if len(result.added_languages) > 1 else ''}: "
              f"{', '.join(result.added_languages)}")
    print(f"{result.changed_texts} texts changed in {len(result.files_written)} files"
          + (f" ({', '.join(result.files_written)})" if result.files_written else ""))
    problems = load_pack(folder).problems
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    print(f"languages: {coverage_text(language_coverage(folder))}")
    if errors:
        print(f"the pack has {errors} error{'s' if errors != 1 else ''} now; fix them in the "
              f"spreadsheet and import again, or in the files; then: "
              f"python run_game.py validate {folder}", file=sys.stderr)
        return 1
    return 0
