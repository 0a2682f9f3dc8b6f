"""Fixtures for the authoring tools: a scaffolded pack and copies of the real packs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.authoring.scaffold import create_pack
from game.authoring.schema import default_dir
from game.content.validate import find_pack_dirs
from game.paths import ROOT, SCENARIOS

GOOD_PACK = ROOT / "tests" / "fixtures" / "good-pack"


def real_packs() -> list[Path]:
    """Every shipped pack, and the test fixture's good pack."""
    return list(find_pack_dirs(SCENARIOS)) + [GOOD_PACK]


@pytest.fixture
def new_pack(tmp_path) -> Path:
    """A pack as `run_game.py new my-pack` makes it, in a temporary folder."""
    return create_pack("my-pack", tmp_path, default_dir())


@pytest.fixture
def example_copy(tmp_path) -> Path:
    """A copy of scenarios/example, safe to change."""
    target = tmp_path / "example"
    shutil.copytree(SCENARIOS / "example", target)
    return target
