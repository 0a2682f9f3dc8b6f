"""Icons: every known icon loads at any size, is read once and scaled once per
size, failures draw a placeholder (or give None to a screen that draws its own
shape), and the asset generator is deterministic, draws each file once and
matches the committed files."""
from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

import pygame
import pytest

from game.paths import ASSETS
from game.ui import icons

GENERATOR = ASSETS / "make_assets.py"
SIZES = (16, 24, 48, 96, 256, 300)


def load_generator():
    spec = importlib.util.spec_from_file_location("make_assets", GENERATOR)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(autouse=True)
def fresh_cache():
    pygame.init()
    icons.clear_cache()
    yield
    icons.clear_cache()


def test_every_known_icon_has_a_file():
    missing = [n for n in icons.ICON_NAMES if not icons.icon_path(n).is_file()]
    assert not missing, f"run python assets/make_assets.py; missing: {missing}"
    assert len(set(icons.ICON_NAMES)) == len(icons.ICON_NAMES)


@pytest.mark.parametrize("name", icons.ICON_NAMES)
def test_icon_loads_at_several_sizes(name, caplog):
    caplog.set_level(logging.WARNING, logger=icons.__name__)
    for size in SIZES:
        surf = icons.load_icon(name, size)
        assert surf.get_size() == (size, size)
        assert surf.get_flags() & pygame.SRCALPHA
    assert not caplog.records, "a known icon fell back to the placeholder"
    full = icons.load_icon(name, 256)
    # transparent corners (a margin around the picture) and a solid middle
    assert full.get_at((0, 0)).a == 0
    assert full.get_at((255, 255)).a == 0
    assert any(full.get_at((x, 128)).a == 255 for x in range(64, 192))


def test_scaled_copies_are_cached():
    a = icons.load_icon("money", 40)
    assert icons.load_icon("money", 40) is a
    assert icons.load_icon("money", 41) is not a


def test_an_icon_is_read_once_and_scaled_once_per_size(monkeypatch):
    loads, scales = [], []
    real_load, real_scale = pygame.image.load, pygame.transform.smoothscale
    monkeypatch.setattr(pygame.image, "load", lambda *a: loads.append(a) or real_load(*a))
    monkeypatch.setattr(pygame.transform, "smoothscale",
                        lambda *a: scales.append(a[1]) or real_scale(*a))
    for _ in range(3):
        for size in (24, 48, 24, 96):
            icons.load_icon("debt", size)
            icons.find_icon("debt", size)
    assert len(loads) == 1
    assert sorted(scales) == [(24, 24), (48, 48), (96, 96)]


def test_find_icon_gives_none_for_a_missing_icon_and_warns_once(caplog):
    caplog.set_level(logging.WARNING, logger=icons.__name__)
    assert icons.find_icon("no-such-icon", 32) is None
    assert icons.find_icon("no-such-icon", 48) is None
    assert icons.find_icon("risk", 32).get_size() == (32, 32)
    assert len(caplog.records) == 1


def test_missing_icon_gives_placeholder_and_one_warning(caplog):
    caplog.set_level(logging.WARNING, logger=icons.__name__)
    surf = icons.load_icon("no-such-icon", 40)
    assert surf.get_size() == (40, 40)
    assert surf.get_at((20, 20)).a > 0          # something is drawn
    icons.load_icon("no-such-icon", 40)
    icons.load_icon("no-such-icon", 64)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "no-such-icon" in warnings[0].getMessage()


def test_broken_file_gives_placeholder(tmp_path, monkeypatch, caplog):
    caplog.set_level(logging.WARNING, logger=icons.__name__)
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nthis is not a png")
    (tmp_path / "empty.png").write_bytes(b"")
    monkeypatch.setattr(icons, "ICONS", tmp_path)
    for name in ("broken", "empty"):
        assert icons.load_icon(name, 32).get_size() == (32, 32)
    assert len(caplog.records) == 2


@pytest.mark.parametrize("name", ["", "../secrets", "a/b", "dice 3", None, 42])
def test_odd_names_never_raise(name):
    assert icons.load_icon(name, 20).get_size() == (20, 20)


@pytest.mark.parametrize("size", [0, -5, 1, 2.7, "x"])
def test_odd_sizes_never_raise(size):
    surf = icons.load_icon("risk", size)
    assert surf.get_width() >= 1 and surf.get_width() == surf.get_height()


def test_names_are_case_and_space_tolerant(caplog):
    caplog.set_level(logging.WARNING, logger=icons.__name__)
    assert icons.load_icon(" Dice-3 ", 32).get_size() == (32, 32)
    assert not caplog.records


def test_works_with_a_display_mode_set():
    pygame.display.init()
    try:
        pygame.display.set_mode((64, 64))
        surf = icons.load_icon("stage-home", 48)
        assert surf.get_size() == (48, 48)
        assert surf.get_flags() & pygame.SRCALPHA
        assert icons.load_icon("missing-too", 48).get_size() == (48, 48)
    finally:
        pygame.display.quit()


def test_dice_icon_name():
    assert [icons.dice_icon_name(v) for v in range(1, 7)] == list(icons.DICE_ICONS)
    assert icons.dice_icon_name(0) == "dice-1"
    assert icons.dice_icon_name(9) == "dice-6"
    assert icons.dice_icon_name(None) == "dice-1"


@pytest.mark.parametrize("doc_id, icon", [
    ("ktp", "doc-id-card"),
    ("e-ktp", "doc-id-card"),
    ("id-card", "doc-id-card"),
    ("fake-id", "doc-id-card"),
    ("kartu-keluarga", "doc-id-card"),
    ("passport", "doc-passport"),
    ("paspor", "doc-passport"),
    ("visa", "doc-visa"),
    ("work-visa", "doc-visa"),
    ("visit-visa", "doc-visa"),
    ("work_permit", "doc-visa"),
    ("contract", "doc-contract"),
    ("kontrak", "doc-contract"),
    ("perjanjian-kerja", "doc-contract"),
    ("certificate", "doc-certificate"),
    ("competence-cert", "doc-certificate"),
    ("health-cert", "doc-certificate"),
    ("sertifikat-kompetensi", "doc-certificate"),
    ("skck", "doc-certificate"),
    ("bpjs", "doc-insurance"),
    ("insurance", "doc-insurance"),
    ("health-insurance", "doc-insurance"),
    ("asuransi", "doc-insurance"),
    ("letter", "doc-letter"),
    ("family-consent", "doc-letter"),
    ("surat-izin-keluarga", "doc-letter"),
    ("Passport", "doc-passport"),
    ("something-else", "doc-generic"),
    ("", "doc-generic"),
    (None, "doc-generic"),
])
def test_document_icon_name(doc_id, icon):
    assert icons.document_icon_name(doc_id) == icon


def test_document_icons_are_known_icons():
    assert set(icons.DOCUMENT_ICONS) <= set(icons.ICON_NAMES)
    for doc_id in ("ktp", "x", "visa", "bpjs", "letter", "contract", "cert", "paspor"):
        assert icons.document_icon_name(doc_id) in icons.DOCUMENT_ICONS


def test_no_files_read_at_import():
    # importing must not touch the disk: the cache starts empty
    spec = importlib.util.spec_from_file_location("icons_again", Path(icons.__file__))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod._originals == {} and mod._scaled == {}


# ------------------------------------------------------------------ generator
def test_generator_knows_exactly_the_icons_of_the_module():
    gen = load_generator()
    assert set(gen.ICONS) == set(icons.ICON_NAMES)


def test_generator_is_deterministic_draws_each_file_once_and_matches_the_committed_assets(
        tmp_path, monkeypatch):
    gen = load_generator()
    drawn: list[str] = []
    for table in (gen.ICONS, gen.SOUNDS):     # count the work: one drawing per file per run
        for name, make in list(table.items()):
            monkeypatch.setitem(table, name, lambda *a, _n=name, _m=make: drawn.append(_n)
                                or _m(*a))
    first = gen.generate(tmp_path / "a")
    second = gen.generate(tmp_path / "b")
    assert sorted(drawn) == sorted(2 * (list(gen.ICONS) + list(gen.SOUNDS)))
    assert len(first) == len(gen.ICONS) + len(gen.SOUNDS)
    assert [p.relative_to(tmp_path / "a") for p in first] == [p.relative_to(tmp_path / "b") for p in second]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two runs"

    # what is committed is what the generator makes (pixels, not PNG bytes,
    # so a different zlib cannot fail this; a small tolerance for pygame.draw)
    committed = ASSETS
    for path in first:
        rel = path.relative_to(tmp_path / "a")
        mine = committed / rel
        assert mine.is_file(), f"{rel} is not committed: run python assets/make_assets.py"
        if path.suffix == ".png":
            x = pygame.image.tobytes(pygame.image.load(str(path)), "RGBA")
            y = pygame.image.tobytes(pygame.image.load(str(mine)), "RGBA")
            if x != y:
                assert len(x) == len(y), f"{rel} has another size"
                off = sum(1 for i, j in zip(x, y) if abs(i - j) > 8)
                assert off < len(x) * 0.01, f"{rel} is out of date: run python assets/make_assets.py"
        else:
            assert path.read_bytes() == mine.read_bytes(), f"{rel} is out of date"


def test_assets_stay_small():
    total = sum(p.stat().st_size for p in ASSETS.rglob("*") if p.is_file())
    assert total < 1_500_000
