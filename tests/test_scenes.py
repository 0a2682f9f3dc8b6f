"""Card pictures: assets/make_scenes.py draws every scene named in the brief,
600x400, not blank, each unlike the others, the same on every run, and the
committed files (assets/scenes/ and each pack's assets/scenes/) are what it
draws. The scenes are drawn once, in memory, for the whole module."""
from __future__ import annotations

import importlib.util
from array import array

import pygame
import pytest

from game.paths import ASSETS, SCENARIOS

GENERATOR = ASSETS / "make_scenes.py"
NAMES = ("agent", "passport", "contract", "money", "debt-note", "phone", "computer", "bus", "plane",
         "airport", "boat", "fishing-boat", "house", "family", "office", "training-centre", "factory",
         "plantation", "domestic-work", "construction", "police-post", "embassy", "shelter", "compound",
         "border", "hospital", "phone-help", "locked-door", "dormitory", "village")


@pytest.fixture(scope="module")
def gen():
    pygame.init()
    spec = importlib.util.spec_from_file_location("make_scenes", GENERATOR)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scenes(gen):
    return gen.render_all()


@pytest.fixture
def drawn_once(gen, scenes, monkeypatch):
    """main() uses the module's drawings instead of drawing all again."""
    monkeypatch.setattr(gen, "render_all", lambda: dict(scenes))
    return gen


def test_every_scene_is_drawn_with_its_name(gen, scenes):
    assert tuple(gen.NAMES) == NAMES
    assert list(scenes) == list(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_a_scene_is_600x400_and_not_blank(scenes, name):
    surf = scenes[name]
    assert surf.get_size() == (600, 400)
    small = pygame.transform.smoothscale(surf, (60, 40))
    colours = {small.get_at((x, y))[:3] for x in range(60) for y in range(40)}
    assert len(colours) >= 40, f"{name}: only {len(colours)} colours"
    # the background (just inside the frame) covers well under most of the picture
    bg = surf.get_at((12, 12))
    plain = pygame.mask.from_threshold(surf, bg, (24, 24, 24, 255)).count()
    assert plain < 600 * 400 * 0.8, f"{name} is mostly background"
    # a dark outline frames it
    assert sum(surf.get_at((1, 200))[:3]) < 200


def test_scenes_are_distinct(scenes):
    thumbs = {n: array("B", pygame.image.tobytes(pygame.transform.smoothscale(s, (30, 20)), "RGB"))
              for n, s in scenes.items()}
    names = list(thumbs)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            diff = sum(abs(x - y) for x, y in zip(thumbs[a], thumbs[b])) / len(thumbs[a])
            assert diff > 12, f"{a} and {b} look alike (mean difference {diff:.1f})"


def test_drawing_is_deterministic(gen, scenes):
    for name in ("agent", "boat", "plantation", "dormitory"):
        again = gen.render(name)
        assert pygame.image.tobytes(again, "RGB") == pygame.image.tobytes(scenes[name], "RGB"), name


def test_committed_scenes_are_up_to_date(drawn_once, capsys):
    assert drawn_once.main(["--check"]) == 0, capsys.readouterr().err
    packs = drawn_once.packs()
    assert packs, "no pack folder found"
    assert all(p.parent == SCENARIOS for p in packs)


def test_write_then_check_and_catch_a_changed_or_missing_file(drawn_once, tmp_path, capsys):
    out, pack = tmp_path / "scenes", tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: test\n")
    args = ["--out", str(out), "--pack", str(pack)]
    assert drawn_once.main(["--check"] + args) == 1                  # nothing there yet
    assert drawn_once.main(args) == 0
    for name in NAMES:
        assert (out / f"{name}.png").is_file()
        assert (pack / "assets" / "scenes" / f"{name}.png").read_bytes() == (out / f"{name}.png").read_bytes()
    assert drawn_once.main(["--check"] + args) == 0
    stamp = {p: p.stat().st_mtime_ns for p in out.iterdir()}
    assert drawn_once.main(args) == 0                                 # nothing rewritten
    assert stamp == {p: p.stat().st_mtime_ns for p in out.iterdir()}

    changed = pack / "assets" / "scenes" / "bus.png"
    img = pygame.image.load(str(changed))
    img.fill((255, 0, 0), pygame.Rect(100, 100, 200, 100))
    pygame.image.save(img, str(changed))
    (out / "boat.png").unlink()
    capsys.readouterr()
    assert drawn_once.main(["--check"] + args) == 1
    err = capsys.readouterr().err
    assert "bus.png" in err and "boat.png" in err and "agent.png" not in err
    assert drawn_once.main(args) == 0
    assert drawn_once.main(["--check"] + args) == 0


def test_a_folder_without_pack_yaml_is_refused(drawn_once, tmp_path):
    assert drawn_once.main(["--check", "--pack", str(tmp_path)]) == 2


def test_small_rounding_differences_are_tolerated(gen, scenes, tmp_path):
    surf = scenes["house"]
    path = tmp_path / "house.png"
    nudged = surf.copy()
    nudged.fill((3, 3, 3), pygame.Rect(0, 0, 600, 400), special_flags=pygame.BLEND_RGB_ADD)
    pygame.image.save(nudged, str(path))
    assert gen.same_picture(path, surf)
    nudged.fill((40, 0, 0), pygame.Rect(0, 0, 100, 100), special_flags=pygame.BLEND_RGB_ADD)
    pygame.image.save(nudged, str(path))
    assert not gen.same_picture(path, surf)
