"""Import: the spreadsheet's texts written back into the pack's YAML files.

ruamel.yaml's round-trip data keeps the authors' comments and quoting; each
file is then written in its own indentation style, and every line whose
content did not change is taken from the original as it was, so a file gains
the new texts and nothing else. A file is replaced in one step (a temporary
file, then a rename), keeping its byte order mark, line ends and permissions.
"""
from __future__ import annotations

import difflib
import io
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from game.authoring.translations.csv_io import (CHECK, FILE, KEY, SOURCE, cell_text,
                                                read_check, read_csv)
from game.authoring.translations.pack_texts import (PackFile, TranslationError, digest,
                                                    read_pack, round_trip_yaml,
                                                    texts_by_language)
from game.content.parts import TextField
from game.content.problems import said


@dataclass
class ImportResult:
    changed_texts: int = 0
    files_written: list[str] = field(default_factory=list)
    added_languages: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # rows or columns that were not used


@dataclass
class Stale:
    """A row that was not imported: the pack's text changed since the export."""
    line: str
    file: str
    key: str
    reason: str


class StaleRows(TranslationError):
    """Rows whose texts changed in the pack since the export; nothing was written."""

    def __init__(self, stale: list[Stale]):
        self.stale = stale
        super().__init__(said("stale_one") if len(stale) == 1 else
                         said("stale_many", rows=len(stale)))


def describe(file: str, key: str) -> str:
    """'cards/work.yaml, card work-offer, choices/next=x/label' or 'pack.yaml, title'."""
    if file.startswith("cards/") or "/" in file:
        card, _, rest = key.partition("/")
        return said("row_card", file=file, card=card, rest=rest)
    return said("row_field", file=file, field=key)


def joined(items: list, sep: str):
    """`sep.join(items)` that can still be said in another language."""
    if not items:
        return ""
    out = items[0]
    for item in items[1:]:
        out = said("join", first=out, sep=sep, then=item)
    return out


def import_csv(folder: Path, csv_path: Path, overwrite: bool = False) -> ImportResult:
    """Write the CSV's texts into the pack's YAML files.

    Only cells the translator changed are written (a cell equal to what was exported
    changes nothing, so an edit made in the YAML since is kept). A changed cell whose
    row's text in the pack's first language, or whose own language's text, changed in
    the pack since the export is stale: unless `overwrite`, nothing is written and
    StaleRows lists them. Raises TranslationError (and OSError when a file cannot
    be written)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    languages_in_csv, rows, notes = read_csv(csv_path)
    files, languages = read_pack(folder)
    result = ImportResult(notes=notes)
    by_name = {pack_file.name: pack_file for pack_file in files}
    pack_file = files[0]
    new_languages = [code for code in languages_in_csv if code not in languages]
    all_languages = languages + new_languages
    source = languages[0] if languages else None
    empty = digest("")
    index: dict[tuple[str, str], TextField] = {}
    twice: set[tuple[str, str]] = set()
    for one_file in files:
        for text_field in one_file.fields:
            if (one_file.name, text_field.key) in index:
                twice.add((one_file.name, text_field.key))
            index[(one_file.name, text_field.key)] = text_field
    done: dict[tuple[str, str], str] = {}
    plans: list[tuple[str, TextField, dict[str, str], str]] = []
    stale: list[Stale] = []
    moved = _moved_choices(rows, index, source)
    for row in rows:
        where = (row.get(FILE, "").strip().replace("\\", "/"), row.get(KEY, "").strip())
        head, _, tail = where[1].rpartition("/")
        if (where[0], head) in moved:
            where = (where[0], f"{moved[(where[0], head)]}/{tail}")
        line = row["_line"]
        if where in done:
            result.notes.append(said("row_twice", line=line, file=where[0], field=where[1],
                                     first=done[where]))
            continue
        done[where] = line
        text_field = index.get(where)
        if text_field is None:
            gone = _term_gone(where, row, index, languages_in_csv)
            if gone and not overwrite:
                stale.append(Stale(line, where[0], where[1],
                                   said("reason_term_gone", term=_quoted(gone))))
                continue
            result.notes.append(said("row_no_text", line=line, field=where[1], file=where[0],
                                     hint=_hint(where, by_name, index)))
            continue
        if where in twice:
            result.notes.append(said("row_duplicate", line=line, file=where[0], field=where[1]))
            continue
        exported = read_check(row.get(CHECK, ""))
        if exported is None:
            result.notes.append(said("row_check_cell", line=line, check=CHECK))
            continue
        now = texts_by_language(text_field.value, languages)
        wanted = {}
        for code in languages_in_csv:
            text = cell_text(row.get(code, ""))
            if not text or digest(text) == exported.get(code, empty):
                continue  # empty, or as exported: the translator did not change it
            if not _same_text(now.get(code), text):
                wanted[code] = text
        if not wanted:
            continue
        reasons = []
        if source and digest(now.get(source, "")) != exported.get(source, empty):
            reasons.append(said("reason_source", code=source,
                                now=_quoted(now.get(source, "")),
                                then=_quoted(cell_text(row.get(SOURCE, "")))))
        for code in wanted:
            if code != source and digest(now.get(code, "")) != exported.get(code, empty):
                reasons.append(said("reason_changed", code=code,
                                    now=_quoted(now.get(code, "")),
                                    wanted=_quoted(wanted[code])))
        if reasons and not overwrite:
            stale.append(Stale(line, where[0], where[1], joined(reasons, "; ")))
            continue
        plans.append((where[0], text_field, wanted, line))
    if stale:
        raise StaleRows(stale)
    _refuse_split_aliases(plans, files)
    if new_languages:
        declared = pack_file.data.get("languages") if isinstance(pack_file.data, dict) else None
        if not isinstance(declared, CommentedSeq):
            raise TranslationError(said("languages_before_adding", file=str(pack_file.path)))
        for code in new_languages:
            declared.append(code)
        pack_file.changed = True
        result.added_languages = new_languages
    _pin_merged(plans, files)
    shared = _shared_values(files)
    wanted_for: dict[int, list] = {}
    for _name, text_field, wanted, _line in plans:
        wanted_for.setdefault(id(text_field.value), []).append(wanted)
    for name, text_field, wanted, _line in plans:
        ident = id(text_field.value)
        if shared.get(ident, 0) > 1 and (len(wanted_for[ident]) < shared[ident] or any(
                other != wanted for other in wanted_for[ident])):
            # reached through a YAML alias too: this place gets its own copy
            copy = CommentedMap(text_field.value.items())
            if text_field.value.fa.flow_style():
                copy.fa.set_flow_style()
            _drop_borrowed_comment(text_field.container, text_field.name, text_field.value)
            text_field.container[text_field.name] = copy
            text_field.value = copy
        if _set_texts(text_field, wanted, all_languages, CommentedMap):
            result.changed_texts += 1
            by_name[name].changed = True
    for one_file in files:
        if one_file.changed:
            _write(one_file)
            result.files_written.append(one_file.name)
    return result


_CHOICE_LABEL = re.compile(r"(?P<choice>(?P<card>.+)/choices/[^/]+)/label")


def _moved_choices(rows, index: dict, source) -> dict[tuple[str, str], str]:
    """Choices a row's key no longer finds: (file, 'card/choices/NAME') -> where the
    choice with that row's label is now.

    Two choices of a card that lead to the same place, with the same safety, are told
    apart by their order (`stay,safe` and `stay,safe,2`); if they were swapped since
    the export, the row's label is found on the other one, and all the choice's rows
    follow it there. Only a label that is in one choice of the card moves a row."""
    if not source:
        return {}
    moved = {}
    for row in rows:
        where = (row.get(FILE, "").strip().replace("\\", "/"), row.get(KEY, "").strip())
        match = _CHOICE_LABEL.fullmatch(where[1])
        exported = read_check(row.get(CHECK, ""))
        if not match or not exported or source not in exported:
            continue
        text_field = index.get(where)
        wanted = exported[source]
        if text_field is not None and _source_digest(text_field, source) == wanted:
            continue
        prefix = match["card"] + "/choices/"
        found = [key for (name, key), other in index.items()
                 if name == where[0] and key.startswith(prefix) and key.endswith("/label")
                 and "/" not in key[len(prefix):-len("/label")]
                 and _source_digest(other, source) == wanted]
        if len(found) == 1:
            moved[(where[0], match["choice"])] = found[0][:-len("/label")]
    return moved


_GLOSSARY_ROW = re.compile(r"glossary/(?P<term>[^/]+)/[^/]+")


def _term_gone(where: tuple[str, str], row: dict, index: dict, codes: list[str]):
    """The term of a glossary row whose term is no longer in the pack (renamed or taken
    out since the export) when the translator changed a cell of it; else None."""
    match = _GLOSSARY_ROW.fullmatch(where[1])
    if where[0] != "pack.yaml" or not match or \
            (where[0], f"glossary/{match['term']}/term") in index:
        return None
    exported = read_check(row.get(CHECK, "")) or {}
    changed = any(cell_text(row.get(code, "")) and digest(cell_text(row.get(code, "")))
                  != exported.get(code, digest("")) for code in codes)
    return match["term"] if changed else None


def _source_digest(text_field: TextField, source: str) -> str:
    return digest(texts_by_language(text_field.value, [source]).get(source, ""))


def _drop_borrowed_comment(container, name: str, value) -> None:
    """ruamel gives an alias's place the end-of-line comment of the anchored text too;
    once the place has its own copy, the comment would be written twice."""
    owned = getattr(getattr(value, "ca", None), "comment", None) or []
    tokens = [t for t in owned if t is not None and not isinstance(t, list)]
    item = getattr(container, "ca", None) and container.ca.items.get(name)
    if item and len(item) > 2 and any(item[2] is token for token in tokens):
        item[2] = None


def _owns(container, name) -> bool:
    """Whether a mapping holds `name` itself, not through a `<<:` merge."""
    own = getattr(container, "_ok", None)
    return own is None or name in own


def _pin_merged(plans, files: list[PackFile]) -> None:
    """A text a card takes from another through `<<: *base` would change with the
    other's text: before that text changes, the card gets the text it has now as its
    own field (unless it is changed the same way)."""
    wanted_at = {(id(f.container), f.name): wanted for _n, f, wanted, _l in plans}
    for _name, text_field, wanted, _line in plans:
        if not _owns(text_field.container, text_field.name):
            continue
        for one_file in files:
            for other in one_file.fields:
                if other.container is text_field.container or other.name != text_field.name \
                        or other.value is not text_field.value \
                        or _owns(other.container, other.name):
                    continue
                if wanted_at.get((id(other.container), other.name)) == wanted:
                    continue
                other.container[other.name] = other.value


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return f'"{text[:117] + "..." if len(text) > 120 else text}"'


def _shared_values(files: list[PackFile]) -> dict[int, int]:
    """How many places hold each text mapping (more than one: a YAML alias)."""
    seen: dict[int, int] = {}
    for one_file in files:
        for text_field in one_file.fields:
            if isinstance(text_field.value, dict):
                seen[id(text_field.value)] = seen.get(id(text_field.value), 0) + 1
    return seen


def _refuse_split_aliases(plans, files: list[PackFile]) -> None:
    """A whole card or choice used in two places through a YAML alias holds its texts
    once: a text changed in one place would change in the other too. Refused unless
    every place gets the same texts."""
    places: dict[tuple[int, str], list[tuple[str, str]]] = {}
    for one_file in files:
        for text_field in one_file.fields:
            places.setdefault((id(text_field.container), text_field.name), []).append(
                (one_file.name, text_field.key))
    wanted_at = {(name, text_field.key): wanted for name, text_field, wanted, _ in plans}
    problems = []
    for name, text_field, wanted, line in plans:
        others = [p for p in places[(id(text_field.container), text_field.name)]
                  if p != (name, text_field.key)]
        for other in others:
            if wanted_at.get(other) != wanted:
                problems.append(said("alias_split", line=line,
                                     one=describe(name, text_field.key),
                                     other=describe(*other)))
    if problems:
        raise TranslationError(said("nothing_imported", problems=joined(problems, "\n  ")))


def _hint(where: tuple[str, str], by_name: dict, index: dict) -> str:
    """Why a row matched no text: no such file, or a key close to one that exists."""
    name, key = where
    if name not in by_name:
        return said("row_no_file")
    close = difflib.get_close_matches(key, [k for (n, k) in index if n == name], n=1)
    if close:
        return said("row_did_you_mean", name=close[0])
    return ""


# -- changing a text in ruamel's data ---------------------------------------------

def _set_texts(text_field: TextField, wanted: dict[str, str], languages: list[str],
               mapping_type) -> bool:
    """Put `wanted` texts into the field; True if anything changed."""
    value = text_field.value
    if isinstance(value, str):
        current = {languages[0]: value} if languages else {}
        wanted = {code: text for code, text in wanted.items()
                  if not _same_text(current.get(code), text)}
        if not wanted:
            return False
        if set(wanted) <= {languages[0]} and len(languages) == 1:
            text_field.container[text_field.name] = _like(value, wanted[languages[0]])
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
        text_field.container[text_field.name] = new
        text_field.value = new
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
    from ruamel.yaml import scalarstring
    return isinstance(text, (scalarstring.LiteralScalarString,
                             scalarstring.FoldedScalarString))


def _like(example, text: str):
    """`text` in the same YAML style (quotes, block) as `example`."""
    from ruamel.yaml import scalarstring
    for style in (scalarstring.DoubleQuotedScalarString, scalarstring.SingleQuotedScalarString,
                  scalarstring.LiteralScalarString, scalarstring.FoldedScalarString):
        if isinstance(example, style):
            if style is scalarstring.SingleQuotedScalarString and "\n" in text:
                return scalarstring.DoubleQuotedScalarString(text)
            return style(text)
    if example is None:
        return scalarstring.DoubleQuotedScalarString(text)
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
    yaml = round_trip_yaml()
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
    data = round_trip_yaml().load(original)
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


def _comparable(line: str) -> str:
    return _BEFORE_COMMENT.sub(r"\1 #", line.rstrip())


def _keep_lines(original: str, new: str) -> str:
    """`new`, but with every line whose content did not change taken from `original`
    (so spacing before end-of-line comments and similar details stay as written)."""
    old_lines = original.splitlines(True)
    new_lines = new.splitlines(True)
    matcher = difflib.SequenceMatcher(None, [_comparable(x) for x in old_lines],
                                      [_comparable(x) for x in new_lines], autojunk=False)
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


def _write(pack_file: PackFile) -> None:
    text = render(pack_file.data, pack_file.text)
    raw = pack_file.path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")  # keep a byte order mark the file had
    if b"\r\n" in raw:  # and Windows line ends
        text = text.replace("\n", "\r\n")
    handle, temp = tempfile.mkstemp(prefix=".strings-", suffix=".yaml",
                                    dir=pack_file.path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig" if bom else "utf-8",
                       newline="") as out:
            out.write(text)
        # mkstemp makes the file 0600: give it the original's permissions back
        os.chmod(temp, stat.S_IMODE(os.stat(pack_file.path).st_mode))
        os.replace(temp, pack_file.path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
