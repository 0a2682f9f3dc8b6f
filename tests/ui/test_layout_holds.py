"""Every screen holds together at every text size, window size and language,
with the longest names (six teams of 30 characters) and a pack whose texts
are long: no text outside its box (`text.OVERFLOWS`), no two texts on top of
each other, no text under a button (other than the button's own label), no
two buttons on top of each other, nothing in the menu corner (`L.chrome`),
no type below the 3% minimum, and no character the font cannot draw.

The screens report what they draw through the text module's existing check:
every line drawn with a box passes through `text.check_inside(rect, box,
what, text)`, which the `recording` fixture listens to while a screen draws
itself, so the test uses the rectangles the screens really drew instead of
working them out again.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pygame
import pytest

from game.localise import tr
from game.session.notices import Notice
from game.ui import text as ui_text
from tests.ui.helpers import make_app

WINDOWS = [(1024, 768), (1920, 1080)]
TEXT_SIZES = ["normal", "large", "extra-large"]
LANGS = ["id", "en"]

# six team names of exactly 30 characters, wide letters among them
NAMES = ["Kelompok Wanita Mandiri Makmur", "Ibu-Ibu PKK Desa Sukamaju Weta",
         "Pemuda Karang Taruna Bersatu W", "Tim Nelayan Pantai Utara Jawa ",
         "MAWAR MERAH MEKAR WANGI MANDIR", "Warga Dusun Wonomulyo Makmur W"]
NAMES[3] = NAMES[3].strip() + "M"

# a card's text at the validator's limit (60 words), with long words
LONG = ("Ini teks yang sangat panjang untuk menguji tata letak layar pada proyektor kecil "
        "di kelas, dengan kata-kata panjang seperti ketenagakerjaan dan perlindungan. ")
LONG_EN = ("This is a very long text that tests the layout of the screen on a small classroom "
           "projector, with long words like responsibilities and documentation. ")
CARD_TEXT = " ".join((LONG * 4).split()[:60])
CARD_TEXT_EN = " ".join((LONG_EN * 4).split()[:60])
QUESTION = ("Apa yang akan Anda lakukan, dan kepada siapa Anda akan bertanya dulu "
            "sebelum berangkat?")
QUESTION_EN = "What would you do, and whom would you ask first before you leave home?"


def both(id_text: str, en_text: str) -> str:
    return "{id: " + _q(id_text) + ", en: " + _q(en_text) + "}"


def _q(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


DOCS = [("ktp", "KTP (kartu identitas penduduk Indonesia)", "ID card (Indonesian KTP)"),
        ("ak1", "Kartu AK/I (kartu kuning) dari Disnaker kabupaten",
         "AK/I job-seeker card (the yellow card) from the district Disnaker"),
        ("family-consent", "Surat izin keluarga (diketahui kepala desa)",
         "Family consent letter (known to the village head)"),
        ("health-cert", "Surat keterangan sehat dari klinik yang ditunjuk",
         "Health certificate from an approved clinic"),
        ("competence-cert", "Sertifikat kompetensi kerja (BNSP)",
         "Certificate of work competence (BNSP)"),
        ("passport", "Paspor", "Passport"),
        ("bpjs", "Kartu BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan card (social security)"),
        ("contract", "Perjanjian kerja (sudah ditandatangani)", "Employment contract (signed)"),
        ("visa", "Visa kerja dari kedutaan negara tujuan", "Work visa from the embassy of the destination"),
        ("training", "Sertifikat pelatihan dari BLK atau LPK resmi",
         "Training certificate from an official BLK or LPK"),
        ("migrant-card", "Kartu Pekerja Migran Indonesia (KPMI)",
         "Indonesian Migrant Worker Card (KPMI)")]
CONTACTS = [("kp2mi", "Call center KP2MI/BP2MI", "KP2MI/BP2MI call centre"),
            ("kemlu", "Hotline Kemlu, KBRI, dan aplikasi Safe Travel",
             "Foreign Ministry hotline, KBRI and the Safe Travel app"),
            ("police", "Polisi 110", "Police 110"),
            ("lpsk", "LPSK (perlindungan saksi dan korban)",
             "LPSK (witness and victim protection)"),
            ("sapa", "SAPA 129 (khusus perempuan dan anak)", "SAPA 129 (women and children only)")]


def write_long_pack(folder: Path) -> Path:
    lines = ["id: long-texts",
             "title: " + both("Perjalanan yang sangat panjang ke negeri seberang untuk bekerja",
                              "A very long journey across the sea to work in another country"),
             "description: " + both((LONG * 3).strip(), (LONG_EN * 3).strip()),
             "languages: [id, en]",
             "start: {money: 1500, documents: [ktp]}",
             "documents:"]
    lines += [f"  - {{id: {i}, name: {both(a, b)}}}" for i, a, b in DOCS]
    lines += ["contacts:"]
    lines += [f"  - {{id: {i}, name: {both(a, b)}, detail: {both('Kontak.', 'Contact.')}}}"
              for i, a, b in CONTACTS]
    lines += ["outcomes:",
              "  - {id: safe, kind: safe, title: " + both("Pulang selamat", "Home safe")
              + ", debrief: " + both("Anda pulang.", "You came home.") + "}",
              "  - {id: bad, kind: unsafe, title: " + both("Pulang berutang", "Home in debt")
              + ", debrief: " + both("Anda berutang.", "You owe money.") + "}",
              "  - id: bonded",
              "    kind: trafficked",
              "    title: " + both("Terjerat utang", "Trapped by debt"),
              "    debrief: " + both("Utang dipakai untuk memaksa.", "Debt used to force."),
              "    elements: {act: " + both("Direkrut.", "Recruited.") + ", means: "
              + both("Utang.", "Debt.") + ", purpose: " + both("Kerja paksa.", "Forced work.")
              + "}"]
    (folder / "cards").mkdir(parents=True)
    (folder / "pack.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cards = []
    for stage in ("recruitment", "documentation", "travel", "work"):
        cards.append(f"""- id: {stage}-long
  stage: {stage}
  route: any
  title: {both("Tawaran kerja yang terlalu bagus untuk menjadi kenyataan di kota besar",
               "A job offer that is too good to be true in the big city far away")}
  text: {both(CARD_TEXT, CARD_TEXT_EN)}
  discuss: {both(QUESTION, QUESTION_EN)}
  choices:
    - label: {both("Bertanya dulu ke Disnaker dan keluarga sebelum menandatangani apa pun",
                   "Ask Disnaker and the family first before signing anything at all")}
      safe: true
      feedback: {both("Bagus.", "Good.")}
    - label: {both("Ikut calo yang menjanjikan jalan pintas", "Go with the broker's shortcut")}
      safe: false
      effects: {{risk: 3}}
      feedback: {both("Hati-hati.", "Careful.")}
""")
    (folder / "cards" / "all.yaml").write_text("".join(cards), encoding="utf-8")
    return folder


# -- what a screen drew ---------------------------------------------------------------

@dataclass
class Text:
    rect: pygame.Rect      # the line as drawn (screen coordinates)
    box: pygame.Rect       # the box it was drawn in
    what: str
    text: str


@pytest.fixture
def recording(monkeypatch):
    """Every line drawn with a box, as the screens draw it."""
    seen: list[Text] = []
    check = ui_text.check_inside

    def spy(rect, box, what, text):
        seen.append(Text(pygame.Rect(rect), pygame.Rect(box), what, text))
        check(rect, box, what, text)
    monkeypatch.setattr(ui_text, "check_inside", spy)
    return seen


def drawn(app, scene, seen: list[Text]) -> tuple[list[Text], list]:
    """The texts and buttons `scene` draws (board caches are drawn afresh)."""
    for cache in ("_bg", "_panel", "_topbar"):
        if hasattr(scene, cache):
            setattr(scene, cache, None)
    if hasattr(scene, "end_toast"):
        scene.end_toast()            # a passing message over the board is checked apart
    seen.clear()
    surface = pygame.Surface(app.screen.get_size())
    scene.draw(surface)
    texts = list(seen)
    if scene.name == "board":        # the panel is drawn on a surface of its own
        for t in texts:
            if t.what.startswith("panel"):
                t.rect.move_ip(app.L.panel.topleft)
                t.box.move_ip(app.L.panel.topleft)
    return texts, list(scene.group.buttons)


_notdef: dict[int, list] = {}


def missing_glyphs(text: str, size: int = 30) -> str:
    f = ui_text.font(size, True)
    if size not in _notdef:
        _notdef[size] = f.metrics("\ue000")     # a private-use character: the empty box
    return "".join(ch for ch, m in zip(text, f.metrics(text))
                   if not ch.isspace() and (m is None or m == _notdef[size][0]))


def problems(app, scene, seen, entries: Optional[list] = None) -> list[str]:
    """Everything wrong with how `scene` is drawn now."""
    L = app.L
    texts, buttons = drawn(app, scene, seen)
    out = [f"overflow: {o}" for o in ui_text.OVERFLOWS]
    ui_text.OVERFLOWS.clear()
    shrink = lambda r: pygame.Rect(r).inflate(-4, -4)     # the 2 px tolerance of check_inside
    boxes = [(shrink(t.rect), t) for t in texts if t.text.strip()]
    for rect, what in entries or []:
        boxes.append((shrink(rect), Text(pygame.Rect(rect), pygame.Rect(rect), what, what)))
    min_h = min(ui_text.font(L.min_text, bold).get_height() for bold in (False, True))
    chrome = L.chrome
    for i, (a, ta) in enumerate(boxes):
        for b, tb in boxes[i + 1:]:
            if a.colliderect(b):
                out.append(f"texts overlap: {ta.what} {ta.text!r} {tuple(ta.rect)} / "
                           f"{tb.what} {tb.text!r} {tuple(tb.rect)}")
        for button in buttons:
            mine = tuple(ta.box) == tuple(button.rect)
            if not mine and a.colliderect(button.rect):
                out.append(f"text under button {button.name!r}: {ta.what} {ta.text!r}")
        if a.colliderect(chrome):
            out.append(f"text in the menu corner: {ta.what} {ta.text!r}")
        if ta.rect.height < min_h - 1:
            out.append(f"text below 3%: {ta.what} {ta.text!r} ({ta.rect.height} px)")
        gone = missing_glyphs(ta.text)
        if gone:
            out.append(f"no glyph for {gone!r} in {ta.what} {ta.text!r}")
    for i, a in enumerate(buttons):
        if not L.screen.contains(a.rect):
            out.append(f"button off the screen: {a.name} {tuple(a.rect)}")
        if a.rect.colliderect(chrome):
            out.append(f"button in the menu corner: {a.name}")
        for b in buttons[i + 1:]:
            if a.rect.colliderect(b.rect):
                out.append(f"buttons overlap: {a.name} / {b.name}")
    return [f"{scene.name}: {p}" for p in out]


# -- the screens ------------------------------------------------------------------------

def long_journey(app):
    """The current player carries every document (eleven, as many as the largest
    shipped pack has) and four contacts, misses two turns."""
    game = app.log.game.clone()
    j = game.journeys[game.current]
    j.documents = tuple(d for d, *_ in DOCS)
    j.contacts = tuple(c for c, *_ in CONTACTS[:4])
    j.debt, j.risk, j.skip, j.money = 12500, 7, 2, 10500
    game.round = 12
    app.log.states[-1] = game


class Loaded:
    """A saved game whose pack has changed (what `Session.resume_latest` gives)."""
    def __init__(self):
        self.problem = Notice("save.replays-differently", {
            "file": "/home/fasilitator/Dokumen/permainan-tersimpan/2025-05-01-1403-long.json"})


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("window", WINDOWS, ids=lambda w: f"{w[0]}x{w[1]}")
def test_every_screen_holds_together(tmp_path, recording, window, text_size, lang):
    pack = write_long_pack(tmp_path / "long-texts")
    app = make_app(size=window, pack=str(pack), players=list(NAMES), lang=lang,
                   text_size=text_size, save_dir=tmp_path / "save", speed=1000.0)
    assert all(len(n) == 30 for n in NAMES)
    found: list[str] = []
    try:
        title = app.top
        title.select(next(i for i, h in enumerate(title.headers) if h.id == "long-texts"))
        found += problems(app, title, recording)
        texts, buttons = drawn(app, title, recording)
        assert any(t.what == "pack-description" for t in texts), "no description"
        assert any(b.name.startswith("lang-") for b in buttons), "no language buttons"

        title.play()
        setup = app.top
        assert setup.name == "setup" and setup.names == NAMES
        found += problems(app, setup, recording)
        texts, _ = drawn(app, setup, recording)
        for i, name in enumerate(NAMES):     # every name whole (wrapped, never cut)
            box = setup.rows[i][0]
            words = " ".join(t.text for t in texts if t.what == "setup-name"
                             and box.contains(t.box))
            assert words == name, (words, name)
        if setup.entry_size < setup.L.min_text:
            found.append(f"setup: names at {setup.entry_size} px, below the 3% minimum")
        # typing: the text entry over the last box covers nothing else
        setup._focus_entry(len(NAMES) - 1)
        entries = [(e.rect, "setup-entry") for e in setup.entries if e.visible]
        assert len(entries) == 1
        found += problems(app, setup, recording, entries)
        app.manager.set_focus_set(None)
        setup.update(0)
        assert setup.editing is None

        setup.start()
        board = app.top
        assert board.name == "board"
        long_journey(app)
        board.sync()
        found += problems(app, board, recording)
        # the panel shows every document, and never reaches the roll button
        texts, _ = drawn(app, board, recording)
        shown = " ".join(t.text for t in texts if t.what.startswith("panel"))
        counted = f"{tr('documents', lang)}: {len(DOCS)}"   # as pictures, when names do not fit
        if not any(t.text == counted for t in texts if t.what == "panel-heading"):
            for doc_id, id_name, en_name in DOCS:
                name = id_name if lang == "id" else en_name
                short = name.split(" (")[0]
                assert short.split()[0] in shown, (doc_id, shown)
        assert all(t.rect.bottom <= board.roll_button.rect.top + 2 for t in texts
                   if t.what.startswith("panel")), "the panel runs under the roll button"

        # the messages over the board: the undo message with a long choice, a toast
        for message in (tr("undone_choice", name=NAMES[4], label="x" * 20 + " " + "y" * 40),
                        tr("turn_of", name=NAMES[4])):
            recording.clear()
            board._draw_toast(pygame.Surface(app.screen.get_size()), message)
            assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS

        game = app.log.game.clone()
        game.phase, game.card = "card", "travel-long"
        app.log.states[-1] = game
        app.pause()
        assert app.top.name == "pause" and app.top.card_text is not None
        found += problems(app, app.top, recording)
        app.pop()

        app.show_help()
        found += problems(app, app.top, recording)
        app.pop()

        app.toggle_menu()                 # the menu, and who is leaving: all six, whole
        assert app.top.name == "menu"
        found += problems(app, app.top, recording)
        app.top.remove()
        assert app.top.name == "remove"
        found += problems(app, app.top, recording)
        _, buttons = drawn(app, app.top, recording)
        assert sorted(b.label for b in buttons if b.name.startswith("remove-")) == sorted(NAMES)
        app.pop()
        app.pop()

        app.show_settings()
        found += problems(app, app.top, recording)
        app.pop()

        app.go_title()
        from game.ui.scenes.resume import ResumeChoiceScene
        app.push(ResumeChoiceScene(app, app.top, Loaded()))
        found += problems(app, app.top, recording)
    finally:
        pygame.quit()
    assert not found, "\n".join(found[:40])
    assert not ui_text.OVERFLOWS, ui_text.OVERFLOWS[:5]
