"""Fixture builders for the pack loader tests: packs are built in tmp_path from dicts."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Optional

import pytest
import yaml

from game.content.validate import LoadResult, Problem, load_pack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOOD_PACK = FIXTURES / "good-pack"
PNG = b"\x89PNG\r\n\x1a\n"  # the loader checks that an image exists, not what it holds


def T(text: str) -> dict:
    """A bilingual text."""
    return {"id": f"{text} (id)", "en": text}


def good_pack(pack_id: str = "test-pack") -> dict:
    return {
        "id": pack_id,
        "title": T("Test pack"),
        "description": T("A pack built by the tests"),
        "languages": ["id", "en"],
        "start": {"money": 3000, "documents": ["ktp"]},
        "documents": [
            {"id": "ktp", "name": T("ID card")},
            {"id": "passport", "name": T("Passport")},
            {"id": "contract", "name": T("Contract")},
        ],
        "contacts": [{"id": "sapa129", "name": T("Help line"), "detail": T("Call 129")}],
        "outcomes": [
            {"id": "safe-return", "kind": "safe", "title": T("Safe"), "debrief": T("Well done")},
            {"id": "came-home-in-debt", "kind": "unsafe", "title": T("In debt"),
             "debrief": T("Debt grew")},
            {"id": "debt-bondage", "kind": "trafficked", "title": T("Bondage"),
             "debrief": T("Held by debt"),
             "elements": {"act": T("Recruited"), "means": T("Debt"), "purpose": T("Labour")}},
        ],
        "checkpoints": {"documentation": ["passport"]},
        "max_turns": 80,
        "endings": {"risk": "came-home-in-debt"},  # risk alone never records trafficking
    }


def _choice(label: str, safe: bool, **extra) -> dict:
    return {"label": T(label), "safe": safe, **extra, "feedback": T(f"About {label}")}


def good_cards() -> dict[str, list[dict]]:
    """Card files by name: every stage on both routes, every outcome reached."""
    return {
        "recruitment.yaml": [
            {"id": "rec-sponsor", "stage": "recruitment", "title": T("Sponsor"),
             "text": T("A sponsor visits"),
             "choices": [
                 _choice("Ask the office", True, effects={"contact": "sapa129"}),
                 _choice("Follow the sponsor", False,
                         effects={"route": "irregular", "set": ["owes-sponsor"], "debt": 2000},
                         next="rec-return"),
             ]},
            {"id": "rec-return", "stage": "recruitment", "weight": 0, "title": T("Return"),
             "text": T("The sponsor returns"), "discuss": T("How does a debt trap you?"),
             "choices": [
                 _choice("Pay with work", False, requires={"flags": ["owes-sponsor"]},
                         outcome="debt-bondage"),
                 _choice("Report", True, effects={"clear": ["owes-sponsor"]}),
             ]},
        ],
        "documentation.yaml": [
            {"id": "doc-office", "stage": "documentation", "title": T("Office"),
             "text": T("Get a passport"), "image": "boat.png",
             "choices": [_choice("Pay the fee", True,
                                 effects={"money": -500, "gain": ["passport"]})]},
        ],
        "travel.yaml": [
            {"id": "tra-agent", "stage": "travel", "title": T("Agency"),
             "text": T("Sign a contract"),
             "choices": [_choice("Read it", True, effects={"gain": ["contract"]}),
                         _choice("Sign blind", False, effects={"risk": 2})]},
            {"id": "tra-boat", "stage": "travel", "route": "irregular", "title": T("Boat"),
             "text": T("A night boat"),
             "choices": [_choice("Board", False, effects={"risk": 3, "lose": ["ktp"]})]},
        ],
        "work.yaml": [
            {"id": "work-wage", "stage": "work", "title": T("Wages"), "text": T("Held wages"),
             "choices": [
                 _choice("Call the embassy", True, requires={"documents": ["contract"]},
                         outcome="safe-return"),
                 _choice("Stay quiet", False, outcome="came-home-in-debt"),
             ]},
        ],
    }


def dump(data) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


class PackBuilder:
    """A pack in a temporary folder, built from dicts; change them, then `load()`."""

    def __init__(self, root: Path, pack_id: str = "test-pack", folder: Optional[str] = None):
        self.root = root
        self.folder = root / (folder or pack_id)
        self.pack = good_pack(pack_id)
        self.cards = good_cards()
        self.assets: dict[str, bytes] = {"boat.png": PNG}
        self.raw: dict[str, str | bytes] = {}  # files written as given, e.g. "cards/x.yaml"

    # finding things to change
    def card(self, card_id: str) -> dict:
        for cards in self.cards.values():
            for card in cards:
                if isinstance(card, dict) and card.get("id") == card_id:
                    return card
        raise KeyError(card_id)

    def choice(self, card_id: str, index: int = 0) -> dict:
        return self.card(card_id)["choices"][index]

    def item(self, section: str, ident: str) -> dict:
        return next(i for i in self.pack[section] if i.get("id") == ident)

    def add_card(self, card: dict, file: str = "extra.yaml") -> dict:
        self.cards.setdefault(file, []).append(card)
        return card

    # writing and loading
    def write(self) -> Path:
        (self.folder / "cards").mkdir(parents=True, exist_ok=True)
        files = {"pack.yaml": dump(self.pack)}
        files.update({f"cards/{name}": dump(cards) for name, cards in self.cards.items()})
        files.update({f"assets/{name}": data for name, data in self.assets.items()})
        files.update(self.raw)
        for name, data in files.items():
            path = self.folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8")
        return self.folder

    def load(self) -> LoadResult:
        return load_pack(self.write())

    # where things are
    def shown(self, name: str) -> str:
        """A file as problems name it."""
        return str(self.folder / name)

    def line_of(self, name: str, needle: str, nth: int = 1) -> int:
        """1-based line of the nth line of file `name` holding `needle`."""
        lines = (self.folder / name).read_text(encoding="utf-8").splitlines()
        hits = [i + 1 for i, line in enumerate(lines) if needle in line]
        assert len(hits) >= nth, f"{needle!r} not found {nth} times in {name}"
        return hits[nth - 1]


@pytest.fixture
def builder(tmp_path) -> PackBuilder:
    return PackBuilder(tmp_path)


def errors(result: LoadResult) -> list[Problem]:
    return [p for p in result.problems if p.severity == "error"]


def find(result: LoadResult, text: str) -> list[Problem]:
    return [p for p in result.problems if text in p.message]


def expect(result: LoadResult, file: str, line: int, text: str,
           severity: str = "error") -> Problem:
    """Exactly one problem mentions `text`, at FILE:LINE with that severity."""
    found = find(result, text)
    shown = "\n".join(map(str, result.problems))
    assert len(found) == 1, f"expected one problem with {text!r}, got:\n{shown}"
    problem = found[0]
    assert (problem.file, problem.line, problem.severity) == (file, line, severity), shown
    assert problem.column >= 1
    return problem


def only(result: LoadResult) -> Problem:
    """The single problem found."""
    shown = "\n".join(map(str, result.problems))
    assert len(result.problems) == 1, f"expected exactly one problem, got:\n{shown}"
    return result.problems[0]


def deep_copy(data):
    return copy.deepcopy(data)
