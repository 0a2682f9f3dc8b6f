"""The debrief through the real window: at most players + 3 pages, the help
contacts first, a page per journey drawn on the board, what was done under
threat never shown as the player's mistake, "what if" by click, tap and key
without touching the record, and every page readable at every text size, both
window sizes and both languages (nothing overlapping, nothing cut off)."""
from __future__ import annotations

import json

import pygame
import pytest

from game.session.settings import TEXT_SCALE
from game.ui import text as ui_text
from game.ui.debrief.content import unsafe_numbers
from game.ui.debrief.journey import COERCED, UNSAFE
from game.what_if import NoWhatIf
from tests.ui.helpers import button, click, key, make_app, settle, tap

LONG_NAMES = ["Nama Tim Yang Sangat Panjang Sekali", "Kelompok Ibu-Ibu Desa Sukamaju Raya",
              "Bapak-Bapak Nelayan Pantai Utara", "Anak Muda Karang Taruna Sejahtera",
              "Tim Perempuan Pekerja Migran Purna", "Pemuda Pemudi Kampung Halaman Kita"]


def to_debrief(players, seed, save_dir, size=(1024, 768), lang="id"):
    """Bots play the whole game through the real interface; the debrief is then ours."""
    app = make_app(size=size, lang=lang, autoplay=True, seed=seed, players=players,
                   save_dir=save_dir)
    for _ in range(200000):
        if app.top is not None and app.top.name == "debrief":
            break
        assert app.tick(wait=False)
    assert app.top.name == "debrief"
    app.bot = None                       # from here on, the test presses the keys
    settle(app)
    return app


def interesting(debrief) -> bool:
    steps = [s for p in debrief.players for s in p.steps]
    return any(s.unsafe for s in steps) and any(s.coerced and s.choice is not None
                                                for s in steps)


@pytest.fixture(scope="module")
def four(tmp_path_factory):
    """A 4-player game in which someone chose unsafely and something was done to
    someone under threat."""
    for seed in (7, 3, 11, 5, 2):
        app = to_debrief(["", "", "", ""], seed, tmp_path_factory.mktemp("four"))
        if interesting(app.log.debrief):
            yield app
            pygame.quit()
            return
        pygame.quit()
    pytest.fail("no seed gave a coerced and an unsafe choice")


@pytest.fixture(scope="module")
def six(tmp_path_factory):
    app = to_debrief(LONG_NAMES, 4, tmp_path_factory.mktemp("six"))
    yield app
    pygame.quit()


def record(app) -> str:
    log = app.log
    return json.dumps({"log": log.to_json(), "debrief": log.debrief.to_json(),
                       "states": [s.to_json() for s in log.states]}, sort_keys=True)


def replayable(scene, p) -> list[int]:
    """The player's unsafe steps that a what if can replay."""
    return [k for k in unsafe_numbers(p) if not isinstance(scene._replay(p.player, k), NoWhatIf)]


def player_page(scene, want=lambda p: True) -> int:
    return next(i for i, (kind, n) in enumerate(scene.pages)
                if kind == "player" and want(scene.debrief.players[n]))


# -- the pages -----------------------------------------------------------------------------

def test_four_players_make_at_most_seven_pages_help_first(four):
    scene = four.top
    d = four.log.debrief
    assert len(d.players) == 4 and len(scene.pages) <= 4 + 3
    assert scene.page == 0 and scene.kind == "overview"
    said = " ".join(scene.said)
    for cid in d.contacts:
        contact = four.pack.contact(cid)
        assert four.text(contact.name) in scene.said
        assert four.text(contact.detail) in scene.said
    for p in d.players:
        assert four.player_name(p) in said
    assert [n for kind, n in scene.pages if kind == "player"] == [p.player for p in d.players]
    assert scene.pages[-1][0] == "discussion"


def test_trafficked_then_assisted_is_said_as_such(four):
    scene = four.top
    scene.go(0)
    from game.localise import tr
    for p in four.log.debrief.players:
        if p.kind == "trafficked" and p.assisted:
            assert any(tr("kind_assisted") in s for s in scene.said)


def test_each_player_page_draws_the_journey_and_never_counts_what_was_forced(four):
    scene = four.top
    for page, (kind, n) in enumerate(scene.pages):
        if kind != "player":
            continue
        scene.go(page)
        settle(four)
        p = four.log.debrief.players[n]
        assert four.player_name(p) in scene.title()
        markers = [m for layer in scene.layers for m in layer.markers]
        assert len(markers) == len(p.steps)
        numbers = unsafe_numbers(p)
        for m in markers:
            step = p.steps[m.step]
            if step.coerced and step.choice is not None:
                assert m.kind == COERCED and m.number is None
            assert (m.kind == UNSAFE) == step.unsafe
            assert m.number == numbers.get(m.step)
        buttons = [b for b in scene.group.buttons if b.name.startswith("what-if-")]
        assert len(buttons) <= len(p.unsafe_steps)
        assert sorted(numbers.values()) == list(range(1, len(p.unsafe_steps) + 1))
        # the ending, money, debt and documents are on the page
        assert any(four.money(p.money) in s for s in scene.said)


def test_the_report_files_are_shown_once_on_the_last_page(four):
    scene = four.top
    report = four.session.report
    assert report is not None and report.html is not None
    shown = []
    for page in range(len(scene.pages)):
        scene.go(page)
        shown.append(scene.report_block is not None)
    assert shown == [False] * (len(shown) - 1) + [True]
    assert str(report.html) in scene.report_block.text


# -- moving around --------------------------------------------------------------------------

def test_keys_page_and_scroll_and_the_last_page_goes_to_the_title_only_when_asked(four):
    scene = four.top
    scene.go(0)
    key(four, pygame.K_RIGHT)
    assert scene.page == 1
    key(four, pygame.K_LEFT)
    assert scene.page == 0
    if scene.scroll.more_below:          # Page Down shows the rest of the page first
        key(four, pygame.K_PAGEDOWN)
        assert scene.page == 0 and scene.scroll.offset > 0
        key(four, pygame.K_PAGEUP)
        assert scene.scroll.offset == 0
    for _ in range(200):
        if scene.page == len(scene.pages) - 1 and not scene.scroll.more_below:
            break
        key(four, pygame.K_PAGEDOWN)
    assert scene.page == len(scene.pages) - 1 and four.top is scene
    key(four, pygame.K_HOME)
    assert scene.page == 0
    key(four, pygame.K_END)
    assert scene.page == len(scene.pages) - 1


def test_mouse_and_touch_turn_pages_and_scroll(four):
    scene = four.top
    scene.go(0)
    settle(four)
    click(four, button(four, "next").rect.center)
    assert scene.page == 1
    tap(four, button(four, "previous").rect.center)
    assert scene.page == 0
    if scene.scroll.more_below:
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False,
                                             precise_x=0.0, precise_y=-1.0, touch=False))
        settle(four)
        assert scene.scroll.offset > 0
        scene.go(1)
        scene.go(0)
        start = scene.view.center
        w, h = four.screen.get_size()
        common = dict(touch_id=1, finger_id=0, dx=0.0, dy=0.0, pressure=1.0)
        pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, x=start[0] / w,
                                             y=start[1] / h, **common))
        for k in range(1, 6):                # a finger drags the page up
            pygame.event.post(pygame.event.Event(pygame.FINGERMOTION, x=start[0] / w,
                                                 y=(start[1] - 40 * k) / h, **common))
        pygame.event.post(pygame.event.Event(pygame.FINGERUP, x=start[0] / w,
                                             y=(start[1] - 200) / h, **common))
        settle(four)
        assert scene.scroll.offset > 0 and scene.page == 0


# -- what if ---------------------------------------------------------------------------------

def test_what_if_by_click_by_tap_and_by_key_and_back_leaves_the_record_alone(four):
    scene = four.top
    before = record(four)
    page = player_page(scene, lambda p: replayable(scene, p))
    scene.go(page)
    settle(four)
    # a click on its button
    for _ in range(40):
        found = [b for b in scene.group.buttons if b.name.startswith("what-if-") and b.enabled]
        if found:
            break
        key(four, pygame.K_DOWN)
    assert found, "no what-if button on the page"
    click(four, found[0].rect.center)
    assert scene.what_if is not None and scene.page == page
    wi, number = scene.what_if
    assert scene.layers[-1].style == "what-if" and scene.layers[-1].path == wi.path
    tap(four, button(four, "what-if-back").rect.center)
    assert scene.what_if is None
    # a tap on the numbered marker on the board
    settle(four)
    hits = [(rect, step) for rect, step in scene.map.hits
            if scene.map.hit(rect.center) == step and step in replayable(scene, scene.player)]
    assert hits
    tap(four, hits[0][0].center)
    assert scene.what_if is not None and scene.what_if[0].step == hits[0][1]
    key(four, pygame.K_ESCAPE)
    assert scene.what_if is None
    # its number on the keyboard
    key(four, pygame.K_1 + number - 1)
    assert scene.what_if is not None and scene.what_if[1] == number
    click(four, button(four, "what-if-back").rect.center)
    assert scene.what_if is None
    assert record(four) == before
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]


def test_undo_from_the_debrief_goes_back_into_the_game(tmp_path):
    app = to_debrief(["", ""], 3, tmp_path)
    key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    assert not app.log.game.over and app.scenes[0].name == "board"
    pygame.quit()


def test_autoplay_shows_a_what_if_and_pages_to_the_end(tmp_path):
    app = make_app(size=(1024, 768), lang="en", autoplay=True, seed=7, players=["", "", ""],
                   save_dir=tmp_path)
    seen = set()
    for _ in range(200000):
        if not app.tick(wait=False):
            break
        top = app.top
        if top.name == "debrief":
            seen.add(("page", top.page))
            if top.what_if is not None:
                seen.add("what-if")
    assert app.finished_debrief
    top = app.top
    assert top.page == len(top.pages) - 1 and not top.scroll.more_below
    assert {("page", n) for n in range(len(top.pages))} <= seen
    if any(s.unsafe for p in app.log.debrief.players for s in p.steps):
        assert "what-if" in seen
    pygame.quit()


# -- readable everywhere --------------------------------------------------------------------

def check_page(app) -> None:
    """Nothing on the page overlaps what it must not, and nothing is cut off."""
    scene, L = app.top, app.L
    screen = L.screen
    buttons = [b.rect for b in scene.group.buttons]
    for i, a in enumerate(buttons):
        assert screen.contains(a), (scene.shot_name, a)
        assert not a.colliderect(L.chrome), scene.shot_name
        for b in buttons[i + 1:]:
            assert not a.colliderect(b), (scene.shot_name, a, b)
    assert scene.header.bottom <= scene.body.top and scene.body.bottom <= scene.nav.top
    assert scene.panel.contains(scene.view) and scene.body.contains(scene.panel)
    shown = scene.scroll.shown()
    assert sum(r.height for r, _ in shown) <= scene.view.height
    if scene.scroll.more_below:          # no heading left at the bottom with nothing under it
        assert not shown[-1][0].keep, scene.shot_name
    for b in scene.group.buttons:
        if b.name.startswith("what-if-") and b.name != "what-if-back":
            assert scene.view.contains(b.rect), scene.shot_name
    if scene.report_block is not None:
        assert scene.panel.bottom + L.pad + scene.report_block.height <= scene.nav.top
    if scene.map is not None:
        assert not scene.map.rect.colliderect(scene.panel)
        assert scene.body.contains(scene.map.rect)
        area = scene.map.geo.area
        tags = [rect for kind, rect in scene.map.placements() if kind == "tag"]
        for i, a in enumerate(tags):
            assert area.contains(a)
            for b in tags[i + 1:]:
                assert not a.colliderect(b), (scene.shot_name, a, b)
    assert not ui_text.OVERFLOWS, (scene.shot_name, ui_text.OVERFLOWS[:3])


def walk(app) -> int:
    """Every page, every screenful of it, and every what if: drawn and checked."""
    scene = app.top
    shown = 0
    for page in range(len(scene.pages)):
        scene.go(page)
        while True:
            app.draw()
            check_page(app)
            shown += 1
            if not scene.scroll.more_below:
                break
            scene.forward()
            assert scene.page == page
        if scene.kind == "player":
            for step in unsafe_numbers(scene.player):
                scene.start_what_if(step)
                if scene.what_if is None:
                    continue
                while True:
                    app.draw()
                    check_page(app)
                    shown += 1
                    if not scene.scroll.more_below:
                        break
                    scene.forward()
                scene.end_what_if()
    return shown


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_six_long_names_at_every_text_size_size_and_language(six, size, lang):
    app = six
    app.screen = pygame.display.set_mode(size)
    app.resized()
    app.set_language(lang)
    for scale in TEXT_SCALE.values():
        app.set_text_scale(scale)
        assert app.L.body >= app.L.min_text
        assert len(app.top.pages) <= len(app.log.debrief.players) + 3
        assert walk(app) >= len(app.top.pages)
    app.set_text_scale(1.0)


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_four_players_readable_at_both_sizes_in_both_languages(four, size):
    app = four
    app.screen = pygame.display.set_mode(size)
    app.resized()
    for lang in ("id", "en"):
        app.set_language(lang)
        for scale in TEXT_SCALE.values():
            app.set_text_scale(scale)
            walk(app)
    app.set_text_scale(1.0)
    app.set_language("id")
    app.screen = pygame.display.set_mode((1024, 768))
    app.resized()


# -- the scrolling column, on its own --------------------------------------------------------

def rows_of(*spec):
    """Rows from a spec string per row: 'h' a heading line, 't' text, 'g' a gap."""
    from game.ui.debrief.flow import Row
    return [Row(10 if kind != "g" else 4, keep=kind == "h", gap=kind == "g") for kind in spec]


def test_a_window_never_ends_on_a_heading_and_page_down_moves_on():
    from game.ui.debrief.flow import Scroll
    rows = rows_of("t", "t", "t", "g", "h", "t", "t", "g", "h", "t", "t", "t")
    scroll = Scroll(rows, 50)              # room for five text rows (a gap is smaller)
    assert scroll.end() == 3 and not rows[scroll.end() - 1].keep   # not "t t t g h"
    seen, stops = set(), []
    while True:
        stops.append(scroll.offset)
        seen.update(range(scroll.offset, scroll.end()))
        if not scroll.page_down():
            break
    assert seen >= {i for i, r in enumerate(rows) if not r.gap}   # every line shown
    assert stops == sorted(set(stops))            # always forward
    assert not scroll.more_below and not scroll.by(1)
    while scroll.page_up():
        pass
    assert scroll.offset == 0 and not scroll.by(-1)
    assert scroll.by(2) and scroll.offset == 2 and scroll.by(-1) and scroll.offset == 1


def test_a_column_that_fits_does_not_scroll():
    from game.ui.debrief.flow import Scroll
    scroll = Scroll(rows_of("h", "t", "t"), 100)
    assert not scroll.scrolls and not scroll.more_below and not scroll.page_down()
    assert [y for _, y in scroll.shown()] == [0, 10, 20]
