"""A pack's files and the localised fields in each, as the translation tools read them.

Each file is checked by the validator's own YAML reader first, so a file it
refuses (a YAML error, an alias bomb, a tag) is never given to ruamel.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from game.content.parts import TextField, walk_texts
from game.content.problems import said
from game.content.yaml_source import read_yaml
from game.paths import PACK_FILE, pack_files


class TranslationError(Exception):
    """A problem that stops export or import; the message is for the author."""


@dataclass
class PackFile:
    name: str          # as in the CSV: "pack.yaml", "cards/work.yaml"
    path: Path
    root: str          # "pack" or "cards": what walk_texts expects at the top
    data: object       # ruamel's round-trip data (to write back) or plain data
    text: str          # the file's text as read (round-trip only)
    fields: list[TextField]
    changed: bool = False


def round_trip_yaml():
    """ruamel.yaml set up to keep comments and quotes and never fold a text."""
    from ruamel.yaml import YAML
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 20
    return yaml


def load_round_trip(text: str):
    """ruamel's round-trip data for a file's text (comments and quotes kept)."""
    return round_trip_yaml().load(text)


def _checked_node(path: Path):
    """The validator reader's node for the file. Raises TranslationError."""
    node, issues = read_yaml(path)
    if issues:
        issue = issues[0]
        raise TranslationError(said("file_issue", file=str(path), line=issue.line,
                                    column=issue.column, message=issue.message))
    return node


def _round_trip(path: Path) -> tuple[object, str]:
    """The file's round-trip data and its text. Raises TranslationError."""
    if _checked_node(path) is None:
        return None, ""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig") if not raw.startswith((b"\xff\xfe", b"\xfe\xff")) \
        else raw.decode("utf-16")
    text = text.replace("\r\n", "\n")  # written back with the file's own line ends
    try:
        return load_round_trip(text), text
    except Exception as exc:  # ruamel refuses something PyYAML accepted: report, don't crash
        raise TranslationError(said("texts_cannot_read_for", file=str(path),
                                    why=str(exc))) from None


def _plain(path: Path) -> object:
    """The file's data as plain Python values (fast; no comments kept).
    Raises TranslationError."""
    from yaml.constructor import SafeConstructor
    node = _checked_node(path)
    if node is None:
        return None
    try:
        return SafeConstructor().construct_document(node)
    except Exception as exc:  # e.g. a mapping used as a key: report, don't crash
        raise TranslationError(said("texts_cannot_read", file=str(path), why=str(exc))) from None


def declared_languages(pack_data) -> list[str]:
    """pack.yaml's `languages`, the codes that are usable."""
    found = pack_data.get("languages") if isinstance(pack_data, dict) else None
    if not isinstance(found, list):
        return []
    return [str(code) for code in found if isinstance(code, str) and code]


def texts_by_language(value, languages: list[str]) -> dict[str, str]:
    """A field's texts by language; a plain string belongs to the first language."""
    if isinstance(value, dict):
        return {str(code): str(text) for code, text in value.items()
                if isinstance(text, str) and text.strip()}
    if isinstance(value, str) and value.strip():
        return {languages[0] if languages else "": value}
    return {}


def read_pack(folder: Path, round_trip: bool = True) -> tuple[list[PackFile], list[str]]:
    """Every file of the pack, pack.yaml first, and the pack's declared languages:
    ruamel's round-trip data to write back, or plain data to export.
    Raises TranslationError."""
    if not (folder / PACK_FILE).is_file():
        raise TranslationError(said("texts_no_pack", folder=str(folder)))
    files = []
    for number, path in enumerate(pack_files(folder)):
        root = "pack" if number == 0 else "cards"
        data, text = _round_trip(path) if round_trip else (_plain(path), "")
        files.append(PackFile(path.relative_to(folder).as_posix(), path, root, data, text,
                              stable_fields(data, root)))
    return files, declared_languages(files[0].data)


# -- keys that survive reordering ----------------------------------------------------
#
# walk_texts names choices and glossary entries by their number, which changes when
# an author reorders them. The spreadsheet names them instead by what does not move:
#   a choice by where it leads: `next=CARD`, `outcome=OUTCOME` (both: `next=A+outcome=B`),
#     `stay` when it names neither; if two choices of a card lead to the same place,
#     `,safe` / `,unsafe` / `,coerced` is added, and if that still does not tell them
#     apart, `,2`, `,3`... in their order;
#   a glossary entry by its term in the pack's first language (`glossary/calo/term`),
#     `,2`... if two have the same term.
# Keys only find the row's text; the `check` column (see csv_io) is what makes a
# stale row safe: a row whose text changed in the pack since the export is refused.

def choice_names(choices) -> list[str]:
    """The stable name of each choice of a card, in order."""
    bases = []
    for choice in choices:
        parts = []
        if isinstance(choice, dict):
            for field in ("next", "outcome"):
                target = choice.get(field)
                if isinstance(target, (str, int)) and not isinstance(target, bool) \
                        and str(target):
                    parts.append(f"{field}={target}")
        bases.append("+".join(parts) or "stay")
    names = list(bases)
    for index, choice in enumerate(choices):
        if bases.count(bases[index]) > 1:
            names[index] += "," + _safety(choice)
    return _numbered(names)


def _safety(choice) -> str:
    if not isinstance(choice, dict):
        return "unsafe"
    if choice.get("coerced") is True:
        return "coerced"
    return "safe" if choice.get("safe") is True else "unsafe"


def _numbered(names: list[str]) -> list[str]:
    """`names` with `,2`, `,3`... after the second and later of equal names."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name},{seen[name]}")
    return out


def _label(item, index: int) -> str:
    """How walk_texts names a card or another list item with an id."""
    ident = item.get("id") if isinstance(item, dict) else None
    if isinstance(ident, (str, int)) and not isinstance(ident, bool) and str(ident):
        return str(ident)
    return f"#{index}"


def _renames(data, root: str, languages: list[str]) -> dict[str, str]:
    """walk_texts' numbered prefixes ('rec-offer/choices/2/') -> stable ones."""
    renames = {}
    if root == "cards" and isinstance(data, list):
        for index, card in enumerate(data, 1):
            if not isinstance(card, dict) or not isinstance(card.get("choices"), list):
                continue
            prefix = f"{_label(card, index)}/choices/"
            for number, name in enumerate(choice_names(card["choices"]), 1):
                renames[f"{prefix}{number}/"] = f"{prefix}{name}/"
    if root == "pack" and isinstance(data, dict) and isinstance(data.get("glossary"), list):
        terms = []
        for number, entry in enumerate(data["glossary"], 1):
            term = entry.get("term") if isinstance(entry, dict) else None
            text = texts_by_language(term, languages).get(languages[0] if languages else "")
            terms.append(" ".join(text.split()).lower() if text else f"#{number}")
        for number, name in enumerate(_numbered(terms), 1):
            renames[f"glossary/{number}/"] = f"glossary/{name}/"
    return renames


def stable_fields(data, root: str, languages: list[str] | None = None) -> list[TextField]:
    """walk_texts' fields, with the stable keys described above."""
    if languages is None:
        languages = declared_languages(data) if root == "pack" else []
    renames = _renames(data, root, languages)
    fields = []
    for field in walk_texts(data, root):
        key = field.key
        head, _, tail = key.rpartition("/")
        new = renames.get(head + "/")
        fields.append(replace(field, key=new + tail) if new else field)
    return fields


# -- what the spreadsheet remembers of the export ------------------------------------

def digest(text: str) -> str:
    """A short fingerprint of a text, as it is compared (trimmed, \\n line ends)."""
    normal = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:10]
