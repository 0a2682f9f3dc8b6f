"""The card, feedback and outcome screens with long texts, a glossary and a
picture, at every text size, both window sizes and both languages, driven
through the real App.

Two packs: TYPICAL, a dense card as the real packs have them (a 40-word text,
three labels, three glossary terms), must show everything on one screen in
every case; LONGEST, the format's limits (a 60-word text, four 10-word labels,
one of them greyed with its reason, five glossary terms on the card), may need
the last resort at 1024x768: the words to know a page at a time ("More words"
on the card, Continue on the feedback and outcome), every word reachable.

Each screen notes what it drew (game.ui.regions): the tests check that the
meaning of every glossary term in the text on show is on screen, that no two
texts overlap and no text is covered by a button, the picture or the menu
buttons, that nothing is drawn off the screen, that no text overflowed its box
(text.OVERFLOWS) and that the picture is big enough to read from the back of a
classroom. A missing or broken picture is drawn as a placeholder, with one
warning.

Set CARD_SCREEN_SHOTS=DIR to save a PNG of every screen checked.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

import pygame
import pytest

from game.content.wording import word_count
from game.session.settings import TEXT_SCALE
from game.ui import picture as pictures
from game.ui import text as ui_text
from game.ui.regions import BUTTON, PICTURE, TEXT, drawn_regions
from tests.ui.helpers import key, make_app, settle, to_board

SIZES = [(1024, 768), (1920, 1080)]
LANGS = ["id", "en"]
PICTURE_MIN = 0.22          # the picture is at least this share of the screen's height
FAST = 1000.0               # animations done in a blink


# -- the packs ----------------------------------------------------------------------

class Content(NamedTuple):
    title: dict
    text: dict
    labels: list[dict]
    greyed: int             # the label shown greyed with its reason (-1: none)
    feedback: dict
    debrief: dict


LONGEST = Content(
    title={"id": "Tawaran kerja dari orang asing di desa",
           "en": "A job offer from a stranger in the village"},
    # 60 words, the most a card's text may have (scenarios/README.md, writing rules)
    text={
        "id": "Seorang calo datang ke desa dan menawarkan kerja di pabrik luar negeri dengan "
              "gaji besar. Dia bilang perusahaannya P3MI resmi, tetapi dia tidak mau "
              "menunjukkan izin. Dia minta uang muka lima juta rupiah dan KTP Anda hari ini "
              "juga. Tetangga Anda sudah membayar minggu lalu dan belum berangkat. Keluarga "
              "ingin Anda cepat pergi, tetapi Anda ragu dan ingin bertanya dulu.",
        "en": "A broker comes to the village and offers factory work abroad with a big "
              "wage. He says his company is a licensed P3MI, but will not show the "
              "licence. He wants five million rupiah and your KTP today. Your neighbour "
              "paid last week and has not left yet. Your family wants you to go soon, but "
              "you want to ask.",
    },
    # four labels of 10 words, the most a label may have
    labels=[
        {"id": "Tanya dulu ke kantor Disnaker apakah perusahaan itu punya izin",
         "en": "First ask the Disnaker office if the company is licensed"},
        {"id": "Minta waktu bicara dengan keluarga sebelum menyerahkan uang dan KTP",
         "en": "Ask for time to talk with family before handing over"},
        {"id": "Bayar uang muka sekarang supaya bisa berangkat lebih cepat lagi",
         "en": "Pay the money up front now, so you leave sooner"},
        {"id": "Serahkan KTP kepada calo itu dan ikut dia besok pagi",
         "en": "Give the broker your KTP and go with him tomorrow"},
    ],
    greyed=1,
    feedback={
        "id": "Calo itu membawa Anda ke rumah penampungan di kota. Di sana KTP dan uang Anda "
              "ditahan, pintu dikunci, dan Anda harus bekerja tanpa gaji untuk membayar "
              "utang yang terus bertambah. Tanda bahaya sudah ada sejak awal: izin tidak "
              "ditunjukkan, uang diminta di muka, dan semuanya harus cepat.",
        "en": "The broker takes you to a holding house in the city. There your KTP and your "
              "money are kept, the door is locked, and you must work without pay to clear "
              "a debt that keeps growing. The danger signs were there from the start: no "
              "licence shown, money asked up front, and everything in a hurry.",
    },
    debrief={
        "id": "Anda direkrut oleh calo, dibawa ke kota, dan ditahan dengan utang yang "
              "dibuat-buat. Ini jeratan utang, salah satu cara perdagangan orang. Yang salah "
              "adalah pelaku, bukan Anda. Bantuan ada: BP3MI di provinsi Anda, polisi, dan "
              "layanan pengaduan. Sebelum berangkat, tanyakan selalu ke Disnaker apakah "
              "perusahaannya P3MI berizin, dan jangan pernah menyerahkan KTP kepada orang "
              "yang tidak Anda kenal.",
        "en": "You were recruited by a broker, taken to the city and held by a made-up "
              "debt. This is debt bondage, one of the ways of trafficking. The traffickers "
              "are to blame, not you. Help exists: the BP3MI in your province, the police "
              "and the complaints lines. Before leaving, always ask Disnaker whether the "
              "company is a licensed P3MI, and never hand your KTP to someone you do not "
              "know.",
    },
)

TYPICAL = Content(
    title={"id": "Mendaftar di Disnaker", "en": "Registering at Disnaker"},
    text={
        "id": "Anda ingin bekerja di Malaysia. Kata kepala desa, langkah pertama adalah "
              "Disnaker di kota kabupaten. Ongkos ke kota cukup mahal, dan hari itu Anda "
              "tidak bisa bekerja. Seorang calo menawarkan: \u201cTitipkan KTP ke saya "
              "saja. Nanti saya yang urus.\u201d",
        "en": "You want to work in Malaysia. The village head says the first step is "
              "Disnaker in the regency town. The trip to town costs a lot, and that day you "
              "cannot work. A broker offers: \u201cLeave your KTP with me. I will sort it "
              "out.\u201d",
    },
    labels=[
        {"id": "Datang sendiri ke Disnaker, bawa KTP dan kartu keluarga",
         "en": "Go to Disnaker yourself with your KTP and family card"},
        {"id": "Tanya dulu ke tetangga yang sudah berangkat",
         "en": "First ask a neighbour who has already gone"},
        {"id": "Titipkan KTP ke calo, hemat ongkos",
         "en": "Leave your KTP with the broker, save the fare"},
    ],
    greyed=-1,
    feedback={
        "id": "Calo itu menahan KTP Anda dan meminta uang untuk mengembalikannya. Di "
              "Disnaker, pendaftaran gratis dan petugas bisa mengecek lowongan.",
        "en": "The broker keeps your KTP and asks for money to give it back. At Disnaker, "
              "registering is free and the staff can check the job.",
    },
    debrief={
        "id": "Anda ditahan dengan utang yang dibuat-buat oleh calo. Ini jeratan utang. Yang "
              "salah adalah pelaku, bukan Anda. Bantuan ada: BP3MI dan polisi.",
        "en": "A broker held you with a made-up debt. This is debt bondage. The traffickers "
              "are to blame, not you. Help exists: the BP3MI and the police.",
    },
)
CONTENTS = {"longest": LONGEST, "typical": TYPICAL}

GLOSSARY = [
    ({"id": "calo", "en": "broker"},
     {"id": "Perantara tidak resmi yang mencari pekerja untuk agen dan meminta bayaran. "
            "Calo tidak punya izin dan sering menipu.",
      "en": "An unofficial go-between who finds workers for agents and asks for a fee. "
            "A broker has no licence and often cheats."}),
    ({"id": "P3MI", "en": "P3MI"},
     {"id": "Perusahaan penempatan pekerja migran yang punya izin resmi. Izinnya bisa "
            "dicek ke Disnaker.",
      "en": "A placement company for migrant workers with an official licence. The "
            "licence can be checked with Disnaker."}),
    ({"id": "KTP", "en": "KTP"},
     {"id": "Kartu Tanda Penduduk: kartu identitas resmi Anda. Jangan serahkan kepada "
            "orang lain.",
      "en": "Kartu Tanda Penduduk: your official Indonesian ID card. Never hand it to "
            "someone else."}),
    ({"id": "Disnaker", "en": "Disnaker"},
     {"id": "Dinas Tenaga Kerja di kabupaten atau kota. Di sini Anda mendaftar dan "
            "mengecek lowongan.",
      "en": "The regency or city manpower office. You register here and check a job "
            "offer."}),
    ({"id": "BP3MI", "en": "BP3MI"},
     {"id": "Kantor daerah pelindungan pekerja migran. Melayani calon pekerja, pekerja, "
            "dan yang pulang.",
      "en": "The regional office for protecting migrant workers. It serves those leaving, "
            "working abroad and coming home."}),
    ({"id": "jeratan utang", "en": "debt bondage"},
     {"id": "Utang yang dipakai untuk memaksa orang terus bekerja dan tidak boleh pergi.",
      "en": "A debt used to force someone to keep working and not let them leave."}),
    ({"id": "izin", "en": "licence"},      # a term not in any shown text on some screens
     {"id": "Surat resmi dari pemerintah yang membolehkan perusahaan merekrut pekerja.",
      "en": "An official paper from the government that lets a company recruit workers."}),
]


def q(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def loc(value: dict) -> str:
    return "{" + ", ".join(f"{lang}: {q(text)}" for lang, text in value.items()) + "}"


def pack_yaml(c: Content, pack_id: str) -> str:
    glossary = "\n".join(f"  - term: {loc(t)}\n    meaning: {loc(m)}" for t, m in GLOSSARY)
    return f"""id: {pack_id}
title: {{id: "Teks panjang", en: "Long texts"}}
description: {{id: "Paket untuk menguji tata letak.", en: "A pack to test the layout."}}
languages: [id, en]
start: {{money: 3000, documents: [ktp]}}
documents:
  - {{id: ktp, name: {{id: "KTP", en: "KTP"}}}}
  - {{id: passport, name: {{id: "Paspor", en: "Passport"}}}}
contacts:
  - id: help
    name: {{id: "Meja bantuan", en: "Help desk"}}
    detail: {{id: "Contoh kontak.", en: "An example contact."}}
outcomes:
  - {{id: safe, kind: safe, title: {{id: "Pulang selamat", en: "Home safely"}},
     debrief: {{id: "Anda pulang.", en: "You came home."}}}}
  - {{id: unsafe, kind: unsafe, title: {{id: "Pulang berutang", en: "Home in debt"}},
     debrief: {{id: "Anda berutang.", en: "You are in debt."}}}}
  - id: bonded
    kind: trafficked
    title: {{id: "Terjerat utang di rumah penampungan kota",
             en: "Held by a debt in a holding house in the city"}}
    debrief: {loc(c.debrief)}
    elements:
      act: {{id: "Direkrut dan dibawa.", en: "Recruited and moved."}}
      means: {{id: "Utang dan tipuan.", en: "Debt and deception."}}
      purpose: {{id: "Kerja paksa.", en: "Forced labour."}}
endings: {{risk: unsafe}}
glossary:
{glossary}
"""


def card_yaml(c: Content, cid: str, stage: str, route: str, image: str) -> str:
    last = len(c.labels) - 1
    choices = []
    for i, label in enumerate(c.labels):
        extra = ""
        if i == c.greyed:      # greyed, with the reason under the label
            extra = "      requires: {documents: [passport], money: 99999}\n"
        if i == last:          # the choice that ends the journey
            extra = ("      effects: {risk: 3, debt: 5000, money: -500, route: irregular}\n"
                     "      outcome: bonded\n")
        choices.append(f"""    - label: {loc(label)}
      safe: {'false' if i == last else 'true'}
{extra}      feedback: {loc(c.feedback)}""")
    return f"""- id: {cid}
  stage: {stage}
  route: {route}
  title: {loc(c.title)}
  text: {loc(c.text)}
  image: {image}
  discuss: {{id: "Apa tanda bahayanya?", en: "What are the danger signs?"}}
  choices:
{chr(10).join(choices)}
"""


def picture_png(path: Path, size=(600, 400)) -> None:
    """A 3:2 picture of shapes (no words), like the game's scenes."""
    surf = pygame.Surface(size)
    surf.fill((231, 199, 147))
    pygame.draw.circle(surf, (243, 151, 62), (size[0] // 3, size[1] // 2), size[1] // 4)
    pygame.draw.rect(surf, (47, 75, 110),
                     (size[0] // 2, size[1] // 4, size[0] // 3, size[1] // 2))
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surf, str(path))


def write_pack(folder: Path, content: Content = LONGEST, image: str = "scenes/long.png") -> Path:
    """`content` on a card in every stage and route; every card shows `image`."""
    (folder / "cards").mkdir(parents=True)
    (folder / "pack.yaml").write_text(pack_yaml(content, folder.name), encoding="utf-8")
    cards = [card_yaml(content, f"{stage[:3]}-{route[:3]}", stage, route, image)
             for stage in ("recruitment", "documentation", "travel", "work")
             for route in ("regular", "irregular")]
    (folder / "cards" / "all.yaml").write_text("\n".join(cards), encoding="utf-8")
    picture_png(folder / "assets" / image)
    return folder


# -- driving the game ----------------------------------------------------------------

def play_to(app, name: str, limit: int = 80) -> None:
    """Roll and confirm until the screen `name` is on top (choosing the last choice)."""
    for _ in range(limit):
        top = app.top.name
        if top == name:
            return
        if top == "board":
            key(app, pygame.K_SPACE)
        elif top == "card":
            key(app, pygame.K_1 + len(app.top.card.choices) - 1)
        else:
            key(app, pygame.K_RETURN)
    pytest.fail(f"no {name} screen in {limit} steps (at {app.top.name})")


def shown(app, page: int = 0) -> list:
    """Draw the whole screen as the App does; what the top screen drew."""
    app.draw()
    folder = os.environ.get("CARD_SCREEN_SHOTS")
    if folder:
        L = app.L
        Path(folder).mkdir(parents=True, exist_ok=True)
        name = f"{app.pack.id}-{app.top.name}-{L.width}x{L.height}-{app.lang}-" \
               f"{app.text_scale}-{page + 1}.png"
        pygame.image.save(app.screen, str(Path(folder) / name))
    return drawn_regions(app.top)


def words_of(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def check_page(app, page: int = 0) -> list:
    """What every page of these screens passes; what it drew."""
    items = shown(app, page)
    screen = app.screen.get_rect()
    for item in items:
        assert screen.contains(item.rect), f"{item.what} is off the screen: {item.rect}"
    solid = [i for i in items if i.kind in (TEXT, BUTTON, PICTURE)]
    for n, a in enumerate(solid):
        for b in solid[n + 1:]:
            assert not a.rect.colliderect(b.rect), \
                f"{a.kind} {a.what} {tuple(a.rect)} overlaps {b.kind} {b.what} {tuple(b.rect)}"
    for chrome in app.chrome.buttons:          # the menu and read-aloud buttons
        for item in items:
            assert not chrome.rect.colliderect(item.rect), \
                f"the {chrome.name} button covers {item.what}"
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:3]
    return items


def check_screen(app, texts: list[str], meanings: list[str]) -> tuple[list, int]:
    """Every view of the screen on top: (what its first drew, how many views).
    A card whose words to know are behind its button is checked with them open
    too (the right arrow opens them, turns their pages and closes them); a
    feedback or outcome carried on to more pages is turned with Continue."""
    top = app.top
    words = getattr(top, "words_sheet", None)
    pages = len(top.sheet.pages) if getattr(top, "sheet", None) else 1
    first = check_page(app)
    drawn = [" ".join(i.text for i in first)]
    for page in range(1, pages):
        key(app, pygame.K_RETURN)
        assert app.top is top and top.page == page
        drawn.append(" ".join(i.text for i in check_page(app, page)))
    if words is not None:
        key(app, pygame.K_RIGHT)
        assert top.words_open
        for page in range(len(words.pages)):
            drawn.append(" ".join(i.text for i in check_page(app, pages + page)))
            key(app, pygame.K_RIGHT)
        assert app.top is top and not top.words_open
        pages += len(words.pages)
    everything = words_of(" ".join(drawn))
    for text in texts + meanings:
        assert words_of(text) in everything, f"not on screen: {text!r}"
    return first, pages


def glossary_meanings(app, texts: list[str]) -> list[str]:
    lang = app.lang
    return [e.meaning[lang] for e in app.pack.glossary_in(texts, lang)]


def start(tmp_path, size, lang, scale, content=LONGEST, image="scenes/long.png"):
    name = next(k for k, v in CONTENTS.items() if v is content)
    folder = write_pack(tmp_path / name, content, image)
    app = make_app(size=size, lang=lang, pack=str(folder), players=["Siti"], seed=3,
                   save_dir=tmp_path / "save", speed=FAST)
    app.set_text_scale(scale)
    to_board(app, key)
    return app, folder


# -- the tests -------------------------------------------------------------------------

def test_the_longest_pack_is_at_the_format_limits(tmp_path):
    for lang in LANGS:
        assert word_count(LONGEST.text[lang]) == 60, lang
        assert all(word_count(label[lang]) == 10 for label in LONGEST.labels), lang
    from game.content.validate import load_pack
    for name, content in CONTENTS.items():
        result = load_pack(write_pack(tmp_path / name, content))
        assert result.pack is not None, [str(p) for p in result.problems]


@pytest.mark.parametrize("content", list(CONTENTS))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("text_size", list(TEXT_SCALE))
def test_card_feedback_and_outcome_show_everything(tmp_path, text_size, size, lang, content):
    app, _folder = start(tmp_path, size, lang, TEXT_SCALE[text_size], CONTENTS[content])
    # a typical card shows everything on one page, except where a larger text size
    # would have to shrink below the normal size for it: then its words to know go
    # behind their button, its feedback onto pages, and the text stays large
    one_page = content == "typical" and (text_size == "normal" or size[1] >= 1080)
    try:
        L = app.L
        assert L.scale == TEXT_SCALE[text_size]

        play_to(app, "card")
        scene = app.top
        card = scene.card
        labels = [c.label[lang] for c in card.choices]
        texts = [card.title[lang], card.text[lang]]
        meanings = glossary_meanings(app, texts + labels)
        assert len(meanings) >= (3 if content == "typical" else 5)
        items, pages = check_screen(app, texts, meanings)
        assert pages == 1 or not one_page, "the card's words to know are behind a button"
        if content == "typical" and text_size != "normal":
            assert scene.size >= L.label, "a larger text size shrank below the normal size"
        assert scene.size >= L.min_text
        picture = [i for i in items if i.kind == PICTURE]
        assert len(picture) == 1 and scene.image_ok
        assert picture[0].rect.height >= PICTURE_MIN * L.height, (picture[0].rect, L.height)
        for i, label in enumerate(labels):
            b = scene.group.find(f"choice-{i + 1}")
            assert b is not None and b.label == label
            assert b.enabled == (i != CONTENTS[content].greyed)

        key(app, pygame.K_1 + len(labels) - 1)     # the choice that ends the journey
        assert app.top.name == "feedback"
        feedback = app.top
        choice = card.choices[-1]
        texts = [choice.label[lang], choice.feedback[lang]]
        items, pages = check_screen(app, texts, glossary_meanings(app, texts))
        assert pages == 1 or not one_page, "the feedback needs pages"
        assert feedback.size >= L.min_text
        cont = feedback.group.find("continue")
        effects = [i for i in items if i.what == "feedback-effect"]   # on the first page
        assert len(effects) >= 3 and all(not cont.rect.colliderect(e.rect) for e in effects)

        key(app, pygame.K_RETURN)
        assert app.top.name == "outcome"
        outcome = app.pack.outcome("bonded")
        texts = [outcome.title[lang], outcome.debrief[lang]]
        items, pages = check_screen(app, texts, glossary_meanings(app, texts))
        assert pages == 1 or not one_page, "the outcome needs pages"
        key(app, pygame.K_RETURN)
        assert app.top.name != "outcome"
    finally:
        pygame.quit()


@pytest.mark.parametrize("how", ["missing", "broken"])
def test_a_missing_or_broken_picture_is_a_placeholder_with_one_warning(tmp_path, capfd, how):
    image = "scenes/gone.png" if how == "missing" else "scenes/broken.png"
    app, folder = start(tmp_path, (1024, 768), "id", 1.0, TYPICAL, image)
    path = folder / "assets" / image
    try:
        if how == "missing":
            path.unlink()                          # gone after the pack was checked
        else:
            path.write_bytes(b"not a picture at all")
        pictures.clear()
        capfd.readouterr()
        play_to(app, "card")
        scene = app.top
        items = check_page(app)
        picture = [i for i in items if i.kind == PICTURE]
        assert len(picture) == 1 and not scene.image_ok
        assert picture[0].rect.height >= PICTURE_MIN * app.L.height
        key(app, pygame.K_1)                       # play on: the next card warns no more
        play_to(app, "card")
        app.draw()
        err = capfd.readouterr().err
        assert err.count(str(path)) == 1, err
        assert "placeholder" in err
    finally:
        pygame.quit()


def test_choices_by_number_click_and_touch_and_the_bot_targets(tmp_path):
    app, _folder = start(tmp_path, (1920, 1080), "en", TEXT_SCALE["extra-large"], LONGEST)
    try:
        play_to(app, "card")
        card = app.top
        assert card.bot_target(type("Bot", (), {"choose": lambda *a: 0})()) \
            is card.group.find("choice-1")
        b = card.group.find("choice-1")
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=b.rect.center, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=b.rect.center, button=1))
        settle(app)
        assert app.top.name == "feedback"
        assert app.top.bot_target(None) is app.top.group.find("continue")
        key(app, pygame.K_RETURN)
        assert app.top.name != "feedback"
    finally:
        pygame.quit()


def test_words_to_know_behind_their_button_as_the_last_resort(tmp_path):
    """At 1024x768 the longest texts leave no room for the words to know: the card
    keeps everything else and a button (or the right arrow) opens them all; a
    choice cannot be taken while they cover the card; Back closes them."""
    app, _folder = start(tmp_path, (1024, 768), "id", TEXT_SCALE["extra-large"], LONGEST)
    try:
        play_to(app, "card")
        card = app.top
        assert card.words_sheet is not None, "the longest card fits: no last resort to test"
        choices = [tuple(b.rect) for b in card.group.buttons if b.name.startswith("choice")]
        words = card.group.find("words")
        assert words.label.startswith("Kata penting (") and len(card.words) >= 5
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=words.rect.center,
                                             button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=words.rect.center,
                                             button=1))
        settle(app)
        assert app.top is card and card.words_open
        shown_words = words_of(" ".join(i.text for i in check_page(app)))
        for word in card.words:
            assert words_of(word.meaning) in shown_words
        key(app, pygame.K_1)                      # the choices are under the words
        assert app.top is card and card.words_open
        back = card.group.find("back")
        assert card.bot_target(None) is back
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=back.rect.center,
                                             button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=back.rect.center,
                                             button=1))
        settle(app)
        assert not card.words_open
        assert choices == [tuple(b.rect) for b in card.group.buttons
                           if b.name.startswith("choice")]
        key(app, pygame.K_1)
        assert app.top.name == "feedback"
    finally:
        pygame.quit()
