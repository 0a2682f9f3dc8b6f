"""Load and check scenario packs: the content package's public face.

`load_pack` reads one pack folder into a checked `model.Pack`, collecting
every problem on the way as a `Problem` at FILE:LINE:COL; it never raises on
bad input and never stops at the first problem, so an author can fix a
whole pack in one pass. `validate_paths` does the same for packs or folders
of packs, as the `validate` command does (game/commands/validate.py).

The work is split by job:

    yaml_source.py   safe, size- and alias-limited YAML with node positions
    parts.py         the fields each part of the format has (the strict field tables)
    nodes.py         typed values read out of YAML nodes, problems located
    build.py         pack.yaml and card files built into content.model objects
    checks.py        checks across the whole pack: references, loops, drawable cards
    lessons.py       what a pack teaches: trafficking shown, discussed, never "safe"
    wording.py       the writing rules: placeholders, acronyms and the glossary, length
    headers.py       finding packs and reading pack.yaml's header alone
    coverage.py      how much of a pack's text is in each language

Other modules import what they need from here; the names below are the
public ones.
"""
from __future__ import annotations

import dataclasses
import gc
import os
from pathlib import Path
from typing import NamedTuple

from game.content.build import PackReader
from game.content.checks import check_cards, check_outcomes_used, check_references
from game.content.headers import (PACK_ID, PackHeader, find_pack_dirs, read_pack_header,
                                  resolve_pack)
from game.content.model import MAX_CHOICES, STAGES
from game.content.parts import (CARD_FIELDS, CARD_REQUIRED, CHOICE_FIELDS, CHOICE_REQUIRED,
                                CONTACT_FIELDS, DOCUMENT_FIELDS, EFFECTS_FIELDS, ELEMENT_FIELDS,
                                LANGUAGE_CODE, OUTCOME_FIELDS, OUTCOME_REQUIRED, PACK_FIELDS,
                                PACK_REQUIRED, REQUIRES_FIELDS, START_FIELDS)
from game.content.problems import ERROR, WARNING, LoadResult, Problem, did_you_mean, said
from game.paths import CARD_SUFFIXES, CARDS_FOLDER, PACK_FILE

__all__ = [
    "load_pack", "validate_paths", "check_paths", "Checked", "LoadResult", "Problem",
    "ERROR", "WARNING", "did_you_mean",
    "PackHeader", "find_pack_dirs", "read_pack_header", "resolve_pack",
    "PACK_FILE", "PACK_ID", "CARD_SUFFIXES", "LANGUAGE_CODE", "STAGES", "MAX_CHOICES",
    "PACK_FIELDS", "PACK_REQUIRED", "START_FIELDS", "DOCUMENT_FIELDS", "CONTACT_FIELDS",
    "OUTCOME_FIELDS", "OUTCOME_REQUIRED", "ELEMENT_FIELDS", "CARD_FIELDS", "CARD_REQUIRED",
    "CHOICE_FIELDS", "CHOICE_REQUIRED", "REQUIRES_FIELDS", "EFFECTS_FIELDS",
]


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
    reader = PackReader(folder)
    if not folder.is_dir():
        reader.problems.append(Problem(str(folder), 1, 1, ERROR, said("not_pack_folder")))
        return LoadResult(None, reader.problems, reader.files)
    values = reader.load_pack_file()
    cards = []
    for card_file in reader.card_files():
        cards.extend(reader.load_cards(card_file))
    check_cards(reader, cards)
    if values is not None:  # without pack.yaml's ids, references can't be checked
        check_references(reader)
        # A card that could not be read may be the one that leads to an outcome, or
        # uses a glossary term: these checks need every card.
        if not reader.cards_incomplete:
            check_outcomes_used(reader, values.get("endings") or {},
                                values.get("outcomes", ()))
        if not reader.unreadable and not reader.broken_cards:  # every text was read
            reader.wording.report_unused(reader)
    problems = _sorted(reader)
    pack = None
    if values is not None and not any(p.severity == ERROR for p in problems):
        pack = reader.make_pack(values, cards)
    return LoadResult(pack, problems, reader.files)


def _sorted(reader: PackReader) -> list[Problem]:
    """Each problem once: a file's own errors first (a file that cannot be read as YAML
    explains everything after it), then by file in reading order, line and column."""
    order = {name: i for i, name in enumerate(reader.files)}
    unique = list(dict.fromkeys(reader.problems))
    first = reader.read_problems
    return sorted(unique, key=lambda p: (p not in first, order.get(p.file, -1),
                                         p.line, p.column))


class Checked(NamedTuple):
    """What checking some paths found: the problems, the exit code, the files read."""
    problems: list[Problem]
    code: int   # 0: no errors, 1: errors, 2: a path that does not exist
    files: int


def check_paths(paths: list[str], strict: bool = False) -> Checked:
    """Check packs, folders of packs, or a pack's files; `strict` makes warnings errors."""
    problems: list[Problem] = []
    bad_path = False
    files = 0
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            problems.append(Problem(raw, 1, 1, ERROR, said("no_such_path")))
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
            problems.append(Problem(raw, 1, 1, ERROR, said("no_pack_here")))
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
    return Checked(problems, code, files)


def _half_packs(folder: Path) -> list[Problem]:
    """Subfolders with cards/ but no pack.yaml: packs an author forgot to finish."""
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.is_dir())
    except OSError:
        return []
    return [Problem(str(folder / name / PACK_FILE), 1, 1, ERROR,
                    said("half_pack"))
            for name in names
            if (folder / name / CARDS_FOLDER).is_dir()
            and not (folder / name / PACK_FILE).exists()]


def validate_paths(paths: list[str], strict: bool = False) -> tuple[list[Problem], int]:
    """Validate packs or folders of packs: (problems, exit code 0/1/2)."""
    problems, code, _files = check_paths(paths, strict)
    return problems, code
