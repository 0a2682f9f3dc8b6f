"""Reading the authoring guides: their YAML examples, and building a pack around each.

A ```yaml block starts with a comment that says what it is:

    # fragment: pack        a whole pack.yaml (checked with the scaffold's cards)
    # fragment: pack-part   some fields of pack.yaml (put into the scaffold's pack.yaml)
    # fragment: card        a card file, or cards to add to one (`cards` is the same)
    # fragment: choice      one choice (put on a card)
    # fragment: requires    a choice's `requires`
    # fragment: effects     a choice's `effects`

and optionally one or more `# expect: MESSAGE` lines: the validator must report a
problem whose message contains MESSAGE. Without them the pack must have no problem
at all (as `validate --strict`) but its placeholders: the texts GANTI / REPLACE
that the author must replace (the scaffold's, and a guide example's where only a
sourced fact may go). Every example is checked inside a pack made by
`run_game.py new my-pack`, so examples may use its ids (ktp, passport, contract,
help-line, safe-return, home-in-debt, forced-labour, helped-out, in-danger,
owes-sponsor, wor-payday ...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from game.authoring.fields import walk_texts
from game.authoring.scaffold import create_pack
from game.authoring.schema import default_dir

ROOT = Path(__file__).resolve().parents[2]
GUIDES = {"en": ROOT / "scenarios" / "README.md", "id": ROOT / "scenarios" / "README.id.md"}
KINDS = ("pack", "pack-part", "card", "cards", "choice", "requires", "effects")
PACK_ID = "my-pack"

_FENCE = re.compile(r"^```([A-Za-z0-9_-]*)[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
_FRAGMENT = re.compile(r"\A#\s*fragment:\s*([a-z-]+)\s*$", re.M)
_EXPECT = re.compile(r"^#\s*expect:\s*(.+?)\s*$", re.M)
PLACEHOLDER = "still holds the placeholder"  # the validator's message for GANTI / REPLACE


@dataclass(frozen=True)
class Example:
    guide: str
    line: int
    kind: str
    text: str
    expect: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.guide}:{self.line} ({self.kind})"


def code_blocks(path: Path) -> list[tuple[int, str, str]]:
    """(line of the opening fence, language, text) for each fenced block."""
    text = path.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(1), m.group(2))
            for m in _FENCE.finditer(text)]


def examples(path: Path) -> list[Example]:
    found = []
    for line, language, text in code_blocks(path):
        if language != "yaml":
            continue
        mark = _FRAGMENT.search(text.split("\n", 1)[0])
        kind = mark.group(1) if mark else ""
        found.append(Example(path.name, line, kind, text, tuple(_EXPECT.findall(text))))
    return found


def _dump(data) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def _card_around(choice: dict) -> list[dict]:
    return [{"id": "guide-example-card", "stage": "work", "route": "any",
             "title": {"id": "Contoh", "en": "Example"},
             "text": {"id": "Kartu untuk contoh.", "en": "A card for the example."},
             "choices": [choice]}]


def _choice_around(kind: str, data) -> dict:
    return {"label": {"id": "Contoh", "en": "Example"}, "safe": True, kind: data,
            "feedback": {"id": "Contoh.", "en": "Example."}}


def _keep_languages(folder: Path, languages: list[str]) -> None:
    """Cut the scaffold's cards down to the languages a `pack` example declares."""
    for path in sorted((folder / "cards").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field in walk_texts(data, "cards"):
            if isinstance(field.value, dict):
                field.container[field.name] = {k: v for k, v in field.value.items()
                                               if k in languages}
        path.write_text(_dump(data), encoding="utf-8")


def build_pack(example: Example, root: Path) -> Path:
    """The scaffold pack in root/my-pack, with the example put where it belongs."""
    folder = create_pack(PACK_ID, root, default_dir())
    kind = example.kind
    if kind == "pack":
        (folder / "pack.yaml").write_text(example.text, encoding="utf-8")
        data = yaml.safe_load(example.text)
        languages = data.get("languages") if isinstance(data, dict) else None
        if isinstance(languages, list):
            _keep_languages(folder, [str(x) for x in languages])
    elif kind == "pack-part":
        pack = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
        pack.update(yaml.safe_load(example.text))
        (folder / "pack.yaml").write_text(_dump(pack), encoding="utf-8")
    elif kind in ("card", "cards"):
        (folder / "cards" / "9-guide-example.yaml").write_text(example.text, encoding="utf-8")
    elif kind == "choice":
        cards = _card_around(yaml.safe_load(example.text))
        (folder / "cards" / "9-guide-example.yaml").write_text(_dump(cards), encoding="utf-8")
    elif kind in ("requires", "effects"):
        cards = _card_around(_choice_around(kind, yaml.safe_load(example.text)))
        (folder / "cards" / "9-guide-example.yaml").write_text(_dump(cards), encoding="utf-8")
    else:
        raise ValueError(f"{example}: unknown fragment kind {kind!r}")
    return folder
