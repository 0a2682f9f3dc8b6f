"""Every choice on the card screen is on screen and clickable, however long its
label may be (issue 15, item 4).

tests/fixtures/long-labels holds a card at the format's limits: a 60-word text,
a picture, five words to know and four labels of ten long words each (the
Indonesian ones over 100 characters). At every window size, text size and
language, the card screen must show every choice button whole inside the
window, covering no text, picture, other button or the menu buttons, with no
text clipped and no text below the layout's smallest size; a click at the
centre of each choice takes that choice.

game.content.fit.LABEL_FIT_CHARS (the longest label the validator lets by
without a warning) is checked against the layout here: four labels of exactly
that many characters fit at the worst case, and four a good deal longer do not
fit in full: then the choices stay whole at the bottom and the card's text
scrolls above them (a bar, up and down buttons, Page Up/Down and the wheel).

Set CHOICES_SHOTS=DIR to save a PNG of every card checked.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pygame
import pytest

from game.content.fit import LABEL_FIT_CHARS, label_fits
from game.content.wording import word_count
from game.session.settings import TEXT_SCALE
from game.ui import text as ui_text
from game.ui.regions import BUTTON, drawn_regions
from tests.ui.helpers import FAST, click, key, make_app, settle, to_board

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "long-labels"
SIZES = [(1024, 768), (1280, 800), (1920, 1080)]
LANGS = ["id", "en"]
WORST = dict(size=(1024, 768), lang="id", scale=TEXT_SCALE["extra-large"])


def start(tmp_path, pack: Path, size, lang: str, scale: float):
    app = make_app(size=size, lang=lang, pack=str(pack), players=["Siti"], seed=3,
                   save_dir=tmp_path / "save", speed=FAST)
    app.set_text_scale(scale)
    to_board(app, key)
    return app


def next_card(app, limit: int = 80):
    """Roll and confirm until a card is on show; the card screen."""
    for _ in range(limit):
        if app.top.name == "card":
            return app.top
        key(app, pygame.K_SPACE if app.top.name == "board" else pygame.K_RETURN)
    pytest.fail(f"no card in {limit} steps (at {app.top.name})")


def choice_problems(app, scene) -> list[str]:
    """What is wrong with the choices as drawn: off screen, covering or covered."""
    app.draw()
    folder = os.environ.get("CHOICES_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        L = app.L
        pygame.image.save(app.screen, str(Path(folder) / (
            f"{app.pack.id}-{L.width}x{L.height}-{app.lang}-{app.text_scale}.png")))
    items = drawn_regions(scene)
    screen = app.screen.get_rect()
    choices = [i for i in items if i.kind == BUTTON and i.what.startswith("choice-")]
    out = []
    if len(choices) != len(scene.card.choices):
        out.append(f"{len(choices)} choice buttons for {len(scene.card.choices)} choices")
    for c in choices:
        if not screen.contains(c.rect):
            out.append(f"{c.what} {tuple(c.rect)} is not inside the window {screen.size}")
        for other in items:
            if other is not c and other.rect.colliderect(c.rect):
                out.append(f"{c.what} {tuple(c.rect)} overlaps {other.kind} {other.what} "
                           f"{tuple(other.rect)}")
        for chrome in app.chrome.buttons:
            if chrome.rect.colliderect(c.rect):
                out.append(f"the {chrome.name} button covers {c.what}")
    out += [f"clipped: {o}" for o in ui_text.OVERFLOWS[:3]]
    if scene.size < app.L.min_text:
        out.append(f"text at {scene.size} px, below the smallest ({app.L.min_text})")
    return out


def test_the_fixture_is_at_the_format_limits():
    from game.content.validate import load_pack
    result = load_pack(FIXTURE)
    assert result.pack is not None and not result.problems, \
        [str(p) for p in result.problems]
    for card in result.pack.cards:
        assert len(card.choices) == 4
        for lang in LANGS:
            assert word_count(card.text[lang]) == 60, lang
            for choice in card.choices:
                label = choice.label[lang]
                assert word_count(label) == 10, label
                assert label_fits(label), f"the validator would warn about {label!r}"
        assert min(len(c.label["id"]) for c in card.choices) > 100


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("text_size", list(TEXT_SCALE))
def test_every_choice_is_on_screen_and_a_click_takes_it(tmp_path, text_size, size, lang):
    app = start(tmp_path, FIXTURE, size, lang, TEXT_SCALE[text_size])
    try:
        for i in range(4):                 # a card each: choices 1 to 3 play on, 4 ends
            scene = next_card(app)
            assert choice_problems(app, scene) == []
            labels = [b.label for b in scene.group.buttons if b.name.startswith("choice-")]
            assert labels == [c.label[lang] for c in scene.card.choices]
            b = scene.group.find(f"choice-{i + 1}")
            click(app, b.rect.center)
            assert app.top.name == "feedback", f"a click on choice {i + 1} did nothing"
            assert app.top.chose.choice == i
            key(app, pygame.K_RETURN)
    finally:
        pygame.quit()


# long Indonesian words, as the fixture's labels have them (long words waste more of
# a line when they wrap, so they are the worst case for a number of characters)
LONG_WORDS = ("Pertanyakan keberangkatannya Ketenagakerjaan menandatangani perjanjian "
              "penempatan internasional pertimbangan menyerahkan persyaratan administrasi "
              "kependudukan pembiayaan diberangkatkan secepatnya penampungan perusahaan "
              "perseorangan berangkatlah perekrutan").split()


def made_up_label(n: int, k: int) -> str:
    """A label of exactly `n` characters of long Indonesian words, starting at a
    different word for each choice `k`."""
    words = LONG_WORDS[k * 5:] + LONG_WORDS[:k * 5]
    text = ""
    while len(text) < n:
        text = " ".join(filter(None, (text, words[len(text.split()) % len(words)])))
    text = text[:n]
    return text[:-1] + "a" if text.endswith(" ") else text


FIXTURE_LABELS_ID = (
    "Pertanyakan keberangkatannya ke Dinas Ketenagakerjaan sebelum menandatangani "
    "perjanjian penempatan internasional",
    "Mintalah pertimbangan keluarga sebelum menyerahkan persyaratan administrasi "
    "kependudukan kepada perekrut",
    "Bayarkan pembiayaan keberangkatan sekarang supaya diberangkatkan secepatnya melalui "
    "penampungan perusahaan",
    "Serahkan persyaratan kependudukan kepada perekrut perseorangan, kemudian berangkatlah "
    "menuju penampungan",
)


def pack_with_labels(tmp_path, n: int) -> Path:
    """The fixture with its Indonesian labels made `n` characters long."""
    folder = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, folder)
    cards = folder / "cards" / "all.yaml"
    text = cards.read_text(encoding="utf-8")
    for k, label in enumerate(FIXTURE_LABELS_ID):
        assert f'"{label}"' in text
        text = text.replace(f'"{label}"', f'"{made_up_label(n, k)}"')
    cards.write_text(text, encoding="utf-8")
    return folder


def worst_case_card(tmp_path, n: int):
    app = start(tmp_path, pack_with_labels(tmp_path, n), **WORST)
    scene = next_card(app)
    assert [len(b.label) for b in scene.group.buttons if b.name.startswith("choice-")] \
        == [n] * 4
    return app, scene


def test_labels_as_long_as_the_validator_allows_fit_at_the_worst_case(tmp_path):
    assert label_fits("x" * LABEL_FIT_CHARS) and not label_fits("x" * (LABEL_FIT_CHARS + 1))
    app, scene = worst_case_card(tmp_path, LABEL_FIT_CHARS)
    try:
        assert choice_problems(app, scene) == []
        assert not scene.plan.view_h, "the card scrolls: the labels do not fit in full"
        assert scene.group.find("scroll-down") is None
    finally:
        pygame.quit()


def text_shown(scene) -> int:
    """How far down from its top the card's text shows, in pixels."""
    top = scene.inner.y - scene.scroll + scene.plan.text_y
    return max(d.rect.bottom for d in scene.drawn if d.what == "card-text") - top


def test_labels_much_longer_keep_the_choices_on_screen_and_the_text_scrolls(tmp_path):
    """Labels a fifth longer than the validator allows do not fit in full (if they
    do, the layout has made room: raise LABEL_FIT_CHARS in game/content/fit.py);
    the choices still show whole and take a click, and the text above them
    scrolls to its end."""
    app, scene = worst_case_card(tmp_path, round(LABEL_FIT_CHARS * 1.2))
    try:
        assert scene.plan.view_h, "four labels a fifth longer than LABEL_FIT_CHARS fit"
        assert choice_problems(app, scene) == []
        full = scene.plan.text.height
        assert text_shown(scene) < full
        up, down = scene.group.find("scroll-up"), scene.group.find("scroll-down")
        assert not up.enabled and down.enabled
        click(app, down.rect.center)
        assert scene.scroll > 0 and up.enabled
        for _ in range(20):
            key(app, pygame.K_PAGEDOWN)
        assert scene.scroll == scene.plan.scroll_max and not down.enabled
        assert choice_problems(app, scene) == []
        assert text_shown(scene) == full, "the end of the text does not show"
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False))
        settle(app)
        assert 0 <= scene.scroll < scene.plan.scroll_max
        click(app, scene.group.find("choice-2").rect.center)
        assert app.top.name == "feedback" and app.top.chose.choice == 1
    finally:
        pygame.quit()
