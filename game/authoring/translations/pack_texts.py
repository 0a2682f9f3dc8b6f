"""A pack's files and the localised fields in each, as the translation tools read them.

Each file is checked by the validator's own YAML reader first, so a file it
refuses (a YAML error, an alias bomb, a tag) is never given to ruamel.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.content.parts import TextField, walk_texts
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
        raise TranslationError(f"{path}:{issue.line}:{issue.column}: {issue.message}")
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
        raise TranslationError(f"{path}: cannot be read for translation: {exc}") from None


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
        raise TranslationError(f"{path}: cannot be read: {exc}") from None


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
        raise TranslationError(f"{folder}: no pack.yaml here")
    files = []
    for number, path in enumerate(pack_files(folder)):
        root = "pack" if number == 0 else "cards"
        data, text = _round_trip(path) if round_trip else (_plain(path), "")
        files.append(PackFile(path.relative_to(folder).as_posix(), path, root, data, text,
                              list(walk_texts(data, root))))
    return files, declared_languages(files[0].data)
