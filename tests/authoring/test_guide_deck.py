"""`run_game.py guide` and `run_game.py deck`: every shipped pack and a pack written
here, in each language; what the pages must hold, and what they must never do
(call a coerced choice unsafe, load anything from elsewhere, leave a tag open)."""
from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
import zlib
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.cli import main
from game.content.validate import find_pack_dirs, load_pack
from game.localise import tr
from game.paths import LOCALISATION, ROOT, SCENARIOS
from game.print.pictures import Pictures, png_size, shrink_png
from game.print.printed import Printed, choice_kind
from game.print.sources import check_again, parse

SHIPPED = [path.name for path in find_pack_dirs(SCENARIOS)]
KINDS = ("guide", "deck")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}

MINI_PACK = """\
id: mini
title: "A tiny pack"
description: "Written by a test, in one language."
languages: [en]
start:
  money: 500
  documents: [passport]
documents:
  - id: passport
    name: "Passport"
contacts:
  - id: help-desk
    name: "Village help desk"
    detail: "Ask at the village office on weekdays."
glossary:
  - term: "broker"
    meaning: "Someone who arranges work for a fee."
outcomes:
  - id: home
    kind: safe
    title: "Home safe"
    debrief: "You came home."
  - id: risky
    kind: unsafe
    title: "In danger"
    debrief: "Your risk grew too high."
  - id: held
    kind: trafficked
    title: "Held by the boss"
    debrief: "You were held. It is not your fault."
    elements:
      act: "Moved by the broker."
      means: "Lies and a debt."
      purpose: "Forced work."
endings:
  risk: risky
"""
MINI_CARDS = """\
- id: rec-offer
  stage: recruitment
  title: "An offer from a broker"
  text: "A broker offers work abroad."
  discuss: "What would you ask the broker?"
  shows: [act]
  choices:
    - label: "Check at the office"
      safe: true
      effects: {contact: help-desk}
      feedback: "Good."
    - label: "Go with him"
      safe: false
      effects: {risk: 2, route: irregular}
      feedback: "Careful."
- id: doc-papers
  stage: documentation
  title: "Papers"
  text: "You need papers."
  discuss: "Which papers do you need?"
  choices:
    - label: "Get them yourself"
      safe: true
      feedback: "Right."
- id: trav-bus
  stage: travel
  title: "The bus"
  text: "A long ride."
  discuss: "Whom do you call if something goes wrong?"
  choices:
    - label: "Ride on"
      safe: true
      feedback: "Fine."
- id: work-locked
  stage: work
  title: "The locked door"
  text: "The boss locks the door and keeps your passport."
  discuss: "Is this trafficking?"
  shows: [act, means, purpose]
  choices:
    - label: "Keep working: he has your passport"
      safe: false
      coerced: true
      feedback: "This was done to you."
      outcome: held
"""


@pytest.fixture
def mini_pack(tmp_path) -> Path:
    """A minimal single-language pack that validates, written by this test."""
    folder = tmp_path / "mini"
    (folder / "cards").mkdir(parents=True)
    (folder / "pack.yaml").write_text(MINI_PACK, encoding="utf-8")
    (folder / "cards" / "cards.yaml").write_text(MINI_CARDS, encoding="utf-8")
    result = load_pack(folder)
    assert result.pack is not None and not [p for p in result.problems
                                            if p.severity == "error"], result.problems
    return folder


# -- reading the pages ----------------------------------------------------------------------

class Page(HTMLParser):
    """The page's text, its tags checked for balance, and every src/href it names."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []
        self.links: list[str] = []
        self.in_style = False
        self.style: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links += [v or "" for k, v in attrs if k in ("src", "href")]
        if tag == "style":
            self.in_style = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.links += [v or "" for k, v in attrs if k in ("src", "href")]

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "style":
            self.in_style = False
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '-'}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        (self.style if self.in_style else self.text).append(data)

    @property
    def words(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text))


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def same(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def run(*argv: str) -> int:
    return main(list(argv))


def write(kind: str, pack: str, out: Path, *more: str) -> Page:
    assert run(kind, "--pack", pack, "--out", str(out), *more) == 0
    assert out.is_file()
    return read(out)


# -- every pack, both documents -----------------------------------------------------------------

def _check_contents(page: Page, pack, lang: str) -> None:
    printed = Printed(pack, lang)
    words = page.words
    missing = []
    for card in pack.cards:
        for text in (card.title, card.discuss):
            if text and same(printed.text(text)) not in words:
                missing.append(f"card {card.id}: {printed.text(text)!r}")
    for contact in pack.contacts:
        for text in (contact.name, contact.detail):
            if same(printed.text(text)) not in words:
                missing.append(f"contact {contact.id}: {printed.text(text)!r}")
    for entry in pack.glossary:
        if same(printed.text(entry.term)) not in words:
            missing.append(f"glossary term {printed.text(entry.term)!r}")
    for element in ("act", "means", "purpose"):
        if tr(f"element.{element}", lang, ns="guide") not in words:
            missing.append(f"element {element}")
    assert not missing, "\n".join(missing)
    assert not page.problems, page.problems[:5]
    assert not page.stack, f"tags left open: {page.stack}"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("pack_id", SHIPPED)
def test_every_shipped_pack_in_each_of_its_languages(pack_id, kind, tmp_path):
    pack = load_pack(SCENARIOS / pack_id).pack
    for lang in pack.languages:
        page = write(kind, pack_id, tmp_path / f"{kind}-{lang}.html", "--lang", lang)
        _check_contents(page, pack, lang)


@pytest.mark.parametrize("kind", KINDS)
def test_a_pack_written_by_someone_else(mini_pack, kind, tmp_path):
    pack = load_pack(mini_pack).pack
    page = write(kind, str(mini_pack), tmp_path / "out.html")
    _check_contents(page, pack, "en")
    # asked for a language the pack does not have: the game's words change, the
    # pack's texts stay in its own language
    page = write(kind, str(mini_pack), tmp_path / "out-id.html", "--lang", "id")
    _check_contents(page, pack, "id")
    assert tr("element.means", "id", ns="guide") in page.words
    assert "A broker offers work abroad." in page.words


def test_the_guide_holds_its_parts(tmp_path):
    pack = load_pack(SCENARIOS / "malaysia").pack
    html = (tmp_path / "g.html")
    page = write("guide", "malaysia", html, "--lang", "en")
    words = page.words
    for key in ("part.lesson", "part.elements", "part.disclose", "part.glossary",
                "part.cards", "part.help-sheet", "help.not-your-fault", "disclose.step.3.what"):
        assert tr(key, "en", ns="guide") in words, key
    # the lesson plan's minutes add up to 45 and use the pack's title and numbers
    source = html.read_text(encoding="utf-8")
    assert "41\u201345" in words and "Working in Malaysia" in words
    assert f"{len(pack.cards)} cards" in words
    # the trafficking endings with their elements
    for outcome in pack.outcomes:
        if outcome.elements:
            for element in ("act", "means", "purpose"):
                assert same(getattr(outcome.elements, element)["en"]) in words
    # every card that shows an element is in the table of elements
    table = source[source.index('class="shown-table"'):]
    table = table[:table.index("</table>")]
    for card in pack.cards:
        if card.shows:
            assert same(card.title["en"]) in unescape(table), card.id


def test_check_again_facts_come_from_sources_md(tmp_path):
    page = write("guide", "malaysia", tmp_path / "g.html", "--lang", "id")
    section = check_again(SCENARIOS / "malaysia")
    assert section and section.tables
    for row in section.tables[0].rows:
        assert same(row[0]) in page.words
    # a pack without SOURCES.md: no such part
    html = (tmp_path / "e.html")
    write("guide", "example", html)
    assert 'id="check"' not in html.read_text(encoding="utf-8")


def test_check_again_reads_only_its_own_section():
    text = ("# Sources\n\n## Check again before each training round\n\nIntro.\n\n"
            "| What | Date |\n|---|---|\n| Hotline `123` | **2020** |\n| A \\| B | [site](https://x.y) |\n\n"
            "- a note\n\n## Other\n\n| Not | This |\n|---|---|\n| x | y |\n")
    section = parse(text)
    assert section.heading == "Check again before each training round"
    assert section.tables[0].header == ["What", "Date"]
    assert section.tables[0].rows == [["Hotline 123", "2020"], ["A | B", "site"]]
    assert section.bullets == ["a note"]
    assert parse("# Sources\n\nNothing to check.\n") is None


# -- what the pages must never do ------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_a_coerced_choice_is_never_labelled_unsafe(kind, tmp_path):
    for pack_id in SHIPPED:
        pack = load_pack(SCENARIOS / pack_id).pack
        printed = Printed(pack, "en")
        html = (tmp_path / f"{pack_id}.html")
        write(kind, pack_id, html, "--lang", "en")
        source = html.read_text(encoding="utf-8")
        blocks = re.split(r'(?=<(?:article|div) class="(?:card-entry|strip) )', source)
        by_number = {}
        for block in blocks:
            found = re.match(r'<(?:article|div) class="(?:card-entry|strip) [^"]*" id="card-(\d+)"',
                             block)
            if found:
                by_number[int(found.group(1))] = block
        coerced_seen = 0
        for numbered in printed.cards:
            block = by_number[numbered.number]
            pattern = r'<li class="(safe|unsafe|coerced)">' if kind == "guide" else \
                r'<div class="answer (safe|unsafe|coerced)">'
            marks = re.findall(pattern, block)
            assert marks == [choice_kind(ch) for ch in numbered.card.choices], numbered.card.id
            for choice, mark in zip(numbered.card.choices, marks):
                if choice.coerced:
                    coerced_seen += 1
                    assert mark == "coerced", numbered.card.id
        if pack_id == "malaysia":
            assert coerced_seen, "malaysia has coerced choices: the test must see them"
    assert "coerced" in tr("choice.coerced", "en", ns="guide")


@pytest.mark.parametrize("kind", KINDS)
def test_pages_are_self_contained(kind, tmp_path):
    html = tmp_path / "page.html"
    page = write(kind, "malaysia", html)
    for link in page.links:
        assert link.startswith("#"), f"{kind} links to {link!r}"
    source = html.read_text(encoding="utf-8")
    assert "<script" not in source and "<link" not in source and "@import" not in source
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", source)
    assert not re.search(r"url\(\s*[\"']?\s*(https?:)?//", source)
    assert "data:image/png;base64," in source        # the card pictures are inside


def test_pictures_are_embedded_once_each(tmp_path):
    html = tmp_path / "deck.html"
    write("deck", "malaysia", html)
    source = html.read_text(encoding="utf-8")
    pack = load_pack(SCENARIOS / "malaysia").pack
    distinct = {card.image for card in pack.cards if card.image}
    assert source.count("data:image/png;base64,") == len(distinct)


# -- languages ----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_lang_changes_the_games_own_words(kind, tmp_path):
    en = write(kind, "malaysia", tmp_path / "en.html", "--lang", "en")
    id_ = write(kind, "malaysia", tmp_path / "id.html", "--lang", "id")
    for key in ("help.not-your-fault", "element.purpose", "route.irregular"):
        assert tr(key, "en", ns="guide") in en.words
        assert tr(key, "id", ns="guide") in id_.words
        assert tr(key, "en", ns="guide") != tr(key, "id", ns="guide")
    assert '<html lang="en">' in (tmp_path / "en.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in (tmp_path / "id.html").read_text(encoding="utf-8")


def test_default_language_and_file_name(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run("guide", "--pack", "malaysia") == 0
    assert run("deck", "--pack", "malaysia", "--lang", "en") == 0
    assert (tmp_path / "malaysia-guide-id.html").is_file()        # the pack's first language
    assert (tmp_path / "malaysia-deck-en.html").is_file()
    out = capsys.readouterr().out
    assert "malaysia-guide-id.html" in out and "malaysia-deck-en.html" in out


def test_both_localisation_files_have_the_same_words():
    files = {lang: json.loads((LOCALISATION / f"guide.{lang}.json").read_text("utf-8"))[lang]
             for lang in ("id", "en")}
    assert set(files["id"]) == set(files["en"])
    for lang, words in files.items():
        for key, text in words.items():
            assert set(re.findall(r"%\{(\w+)\}", text)) == \
                set(re.findall(r"%\{(\w+)\}", files["en"][key])), (lang, key)


@pytest.mark.parametrize("lang", ("id", "en"))
def test_no_word_is_left_untranslated(lang, tmp_path):
    keys = set(json.loads((LOCALISATION / "guide.en.json").read_text("utf-8"))["en"])
    for kind in KINDS:
        page = write(kind, "online-scam", tmp_path / f"{kind}.html", "--lang", lang)
        left = {k for k in re.findall(r"guide\.([a-z0-9.-]+[a-z0-9])", page.words) if k in keys}
        assert not left, left
        assert "%{" not in page.words


# -- a wrong command line, a broken pack ---------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_a_wrong_pack_exits_2_and_writes_nothing(kind, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run(kind, "--pack", "no-such-pack") == 2
    assert run(kind, "--pack", "no-such-pack", "--out", str(tmp_path / "x.html")) == 2
    assert list(tmp_path.iterdir()) == []
    err = capsys.readouterr().err
    assert "no-such-pack" in err and "malaysia" in err       # what was tried, what there is


@pytest.mark.parametrize("kind", KINDS)
def test_a_language_nobody_wrote_exits_2(kind, tmp_path):
    out = tmp_path / "x.html"
    assert run(kind, "--pack", "malaysia", "--lang", "xx", "--out", str(out)) == 2
    assert not out.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_a_pack_with_errors_prints_the_validator_and_exits_1(kind, mini_pack, tmp_path, capsys):
    cards = mini_pack / "cards" / "cards.yaml"
    cards.write_text(cards.read_text("utf-8").replace("outcome: held", "outcome: nowhere"),
                     encoding="utf-8")
    out = tmp_path / "x.html"
    assert run(kind, "--pack", str(mini_pack), "--out", str(out)) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert re.search(r"cards\.yaml:\d+:\d+: error: .*nowhere", err)


# -- the board and the pictures --------------------------------------------------------------------

@pytest.mark.parametrize("length", ("short", "full"))
def test_the_board_shows_both_routes_and_every_space(length, tmp_path):
    from game.engine.board import build_board
    pack = load_pack(SCENARIOS / "malaysia").pack
    html = tmp_path / "deck.html"
    write("deck", "malaysia", html, "--length", length)
    source = html.read_text(encoding="utf-8")
    svg = source[source.index("<svg"):source.index("</svg>")]
    board = build_board(pack.checkpoints, length)
    for route in ("regular", "irregular"):
        spaces = [s for s in board.routes[route] if s.kind != "home"]
        assert len(re.findall(rf'class="space \w+ {route}"', svg)) == len(spaces)
    for kind in ("checkpoint", "safe", "event", "card"):
        assert f'class="space {kind} ' in svg
    assert "page: board" in source          # printed on its own A4 landscape page


def _png(width: int, height: int, pixel) -> bytes:
    """An RGB PNG whose rows use every filter in turn (None, Sub, Up, Average, Paeth)."""
    raw = [bytes(c for x in range(width) for c in pixel(x, y)) for y in range(height)]
    out, prev = [], bytes(width * 3)
    for y, row in enumerate(raw):
        kind = y % 5
        line = bytearray()
        for i, value in enumerate(row):
            a = row[i - 3] if i >= 3 else 0
            b = prev[i]
            c = prev[i - 3] if i >= 3 else 0
            predict = (0, a, b, (a + b) // 2,
                       min((a, b, c), key=lambda v: (abs(a + b - c - v), (a, b, c).index(v))))[kind]
            line.append((value - predict) % 256)
        out.append(bytes([kind]) + bytes(line))
        prev = row

    def chunk(tag, body):
        return (struct.pack(">I", len(body)) + tag + body
                + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(out))) + chunk(b"IEND", b""))


def _pixels(png: bytes):
    from game.print.pictures import _read_png
    width, height, _colour, _bpp, rows, _extra = _read_png(png)
    return width, height, rows


def test_a_big_picture_is_scaled_down_with_the_standard_library():
    def pixel(x, y):
        return ((x * 7 + y) % 256, (y * 5) % 256, (x * y) % 256)
    big = _png(40, 30, pixel)
    width, height, rows = _pixels(big)            # every filter decodes
    assert (width, height) == (40, 30)
    assert [rows[y][3 * x:3 * x + 3] for y, x in ((0, 0), (13, 17), (29, 39))] == \
        [bytes(pixel(x, y)) for y, x in ((0, 0), (13, 17), (29, 39))]
    small = shrink_png(big, 10)
    assert png_size(small) == (10, 7)
    _w, _h, rows = _pixels(small)
    # a pixel of the quarter-size picture is about the mean of the 4x4 pixels it covers
    x, y = 3, 2
    block = [pixel(4 * x + i, 4 * y + j) for i in range(4) for j in range(4)]
    for channel in range(3):
        mean = sum(p[channel] for p in block) / 16
        assert abs(rows[y][3 * x + channel] - mean) <= 3


def test_a_missing_picture_is_left_out(tmp_path, capsys):
    pictures = Pictures(tmp_path)
    assert pictures.css_class("scenes/none.png") is None
    assert pictures.css() == ""
    assert "none.png" in capsys.readouterr().err


def test_no_pygame_is_imported():
    code = ("import sys; import game.print.guide, game.print.deck, game.commands.guide, "
            "game.commands.deck; print('pygame' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
