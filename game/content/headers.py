"""Finding packs and reading their headers, without the validator.

The title screen lists every pack from its pack.yaml alone, so start-up does
not grow with the number of cards and does not load the whole validator.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.content.yaml_source import NULL_TAG, read_yaml
from game.paths import PACK_FILE

if TYPE_CHECKING:
    from game.content import model

PACK_ID = re.compile(r"[a-z0-9-]+")  # used with fullmatch


@dataclass(frozen=True)
class PackHeader:
    """What the title screen lists: read from pack.yaml alone."""
    id: str
    title: model.Text
    description: model.Text
    languages: tuple[str, ...]
    path: Path


def find_pack_dirs(path: str | os.PathLike) -> list[Path]:
    """`path` itself if it holds pack.yaml, else its subfolders that do."""
    folder = Path(path)
    if (folder / PACK_FILE).is_file():
        return [folder]
    try:
        subfolders = sorted(entry.name for entry in os.scandir(folder) if entry.is_dir())
    except OSError:
        return []
    return [folder / name for name in subfolders if (folder / name / PACK_FILE).is_file()]


def resolve_pack(ref: str, scenarios_dir: Path) -> Optional[Path]:
    """A pack id under `scenarios_dir`, or a path to a pack folder anywhere."""
    if PACK_ID.fullmatch(ref):
        candidate = Path(scenarios_dir) / ref
        if (candidate / PACK_FILE).is_file():
            return candidate
    candidate = Path(ref).expanduser()
    if (candidate / PACK_FILE).is_file():
        return candidate
    return None


def read_pack_header(path: str | os.PathLike) -> Optional[PackHeader]:
    """Id, title, description and languages from pack.yaml alone; None if unreadable."""
    folder = Path(path)
    root, _issues = read_yaml(folder / PACK_FILE)
    if root is None or root.__class__ is not MappingNode:
        return None
    found = {}
    for key, value in root.value:
        if key.__class__ is ScalarNode:
            found.setdefault(key.value, value)

    def scalar(node: Optional[Node]) -> Optional[str]:
        ok = node is not None and node.__class__ is ScalarNode and node.tag != NULL_TAG
        return node.value if ok and node.value else None

    ident = scalar(found.get("id"))
    languages_node = found.get("languages")
    languages = tuple(code for code in (
        scalar(item) for item in (languages_node.value if languages_node is not None
                                  and languages_node.__class__ is SequenceNode else ()))
        if code)
    if ident is None or not languages:
        return None

    def text(node: Optional[Node]) -> dict:
        if node is not None and node.__class__ is MappingNode:
            return {k.value: v.value for k, v in node.value
                    if k.__class__ is ScalarNode and scalar(v)}
        plain = scalar(node)
        return {languages[0]: plain} if plain else {}

    title = text(found.get("title")) or {languages[0]: ident}
    return PackHeader(ident, title, text(found.get("description")), languages, folder)
