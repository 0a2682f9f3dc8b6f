"""game/paths.py: where scenarios/, localisation/ and assets/ are found, in a
checkout, installed from a wheel, and in the standalone app."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from game import paths

ROOT = Path(__file__).resolve().parents[1]


def test_a_checkout_uses_the_top_level_folders():
    assert paths.ROOT == ROOT
    assert paths.SCENARIOS == ROOT / "scenarios"
    assert paths.LOCALISATION == ROOT / "localisation"
    assert paths.ASSETS == ROOT / "assets"
    for folder in paths.FOLDERS:
        assert (paths.ROOT / folder).is_dir(), folder
    assert paths.app_folder() is None


def test_the_app_bundle_comes_first(tmp_path):
    package = tmp_path / "site" / "game"
    (package / paths.PACKAGE_DATA / "localisation").mkdir(parents=True)
    assert paths.find_root(bundle=str(tmp_path / "bundle"), package=package,
                           checkout=tmp_path) == tmp_path / "bundle"


def test_an_installed_wheel_uses_its_package_data(tmp_path):
    package = tmp_path / "site" / "game"
    (package / paths.PACKAGE_DATA / "localisation").mkdir(parents=True)
    assert paths.find_root(bundle="", package=package, checkout=tmp_path / "repo") == \
        package / paths.PACKAGE_DATA


def test_without_package_data_the_checkout(tmp_path):
    package = tmp_path / "repo" / "game"
    package.mkdir(parents=True)
    assert paths.find_root(bundle="", package=package, checkout=tmp_path / "repo") == \
        tmp_path / "repo"


def test_the_apps_packs_are_next_to_its_executable(tmp_path):
    root, app = tmp_path / "app" / "_internal", tmp_path / "app"
    assert paths.find_scenarios(root, None) == root / "scenarios"
    assert paths.find_scenarios(root, app) == root / "scenarios"   # no folder there
    (app / "scenarios").mkdir(parents=True)
    assert paths.find_scenarios(root, app) == app / "scenarios"


def test_app_folder_is_the_executables_folder(tmp_path, monkeypatch):
    exe = tmp_path / "travellers-dream" / "travellers-dream"
    exe.parent.mkdir()
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(exe.parent / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert paths.app_folder() == exe.parent.resolve()
    assert paths.find_root() == exe.parent / "_internal"


def test_the_wheel_carries_the_folders_where_paths_looks():
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
    for folder in paths.FOLDERS:
        assert folder in wheel["only-include"]
        assert wheel["sources"][folder] == f"game/{paths.PACKAGE_DATA}/{folder}"
