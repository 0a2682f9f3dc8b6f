"""The session report: what the HTML page and the CSV file say, from a live game
and from saves (`run_game.py report SAVE...`)."""
from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

from game.cli import main as cli_main
from game.content.validate import load_pack
from game.engine.debrief import Debrief, PlayerDebrief, Step
from game.engine.rules import Rules
from game.session.report import ReportSession
from game.session.report_csv import CSV_COLUMNS, render_csv, write_csv
from game.session.report_html import render_html, write_html
from game.session.saves import SaveStore
from tests.session.games import play, rich_pack, write_pack

# -- a session written by hand, so that every line of the report is known ----------------


def pack():
    return rich_pack()


def main_report(argv):
    """`run_game.py report ...` as the command line runs it."""
    return cli_main(["report"] + list(argv))


def record(session="s1", names=("Siti", "Budi <b>&amp;", "=cmd()", "Ani"), started=None,
           over=True, stopped=False, with_pack=True):
    siti = PlayerDebrief(
        0, names[0], "safe-return", "safe", "card", None, 170, 0, 1, ("ktp", "passport"),
        ("sapa",), "regular", 9, (
            Step(1, "rec-offer", "recruitment", "regular", 0, True, (0,)),
            Step(4, "doc-passport", "documentation", "regular", 0, True, (0,)),
            Step(9, "work-wage", "work", "regular", 0, True, (0,)),
        ))
    budi = PlayerDebrief(
        1, names[1], "bonded", "trafficked", "card", "sapa", 0, 300, 6, ("ktp",), ("sapa",),
        "irregular", 3, (
            Step(1, "rec-offer", "recruitment", "regular", 1, False, (0,)),
            Step(1, "rec-pay", "recruitment", "irregular", 0, False, (1,)),
        ), assisted=True)
    cmd = PlayerDebrief(
        2, names[2], "in-debt", "unsafe", "card", None, 20, 400, 8, ("ktp",), (), "regular",
        7, (
            Step(2, "rec-offer", "recruitment", "regular", 1, False, (0,)),
            Step(5, "doc-passport", "documentation", "regular", None, None, (0,)),
            Step(7, "work-wage", "work", "regular", 1, False, (0,)),
        ))
    ani = PlayerDebrief(3, names[3], None, "unfinished", "left", None, 100, 0, 0, ("ktp",), (),
                        "regular", 2, ())
    debrief = Debrief((siti, budi, cmd, ani), ("rec-offer", "doc-passport"), ("sapa",),
                      over, stopped)
    return ReportSession(session, started or "2025-05-01T14:03:00+07:00", "en", "test", debrief,
                         pack() if with_pack else None, {"en": "Test pack (saved)"})


class Page(HTMLParser):
    """The page's visible text, and every tag and attribute, for checking."""

    def __init__(self, html: str):
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "link", "img", "input"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] in ("style", "title"):
            return
        self.text.append(data)

    @property
    def visible(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text))


def test_the_page_is_self_contained_and_well_formed():
    html = render_html([record()], "en")
    page = Page(html)
    assert page.stack == []
    assert html.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "en"}) in page.tags
    for tag, attrs in page.tags:
        assert tag not in ("script", "link", "img", "iframe", "object", "embed")
        assert not any(k in ("src", "href") for k in attrs), (tag, attrs)
    assert "url(" not in html and "@import" not in html and "http" not in html
    assert "@page" in html and "size: A4" in html and "@media print" in html


def test_pack_text_and_names_are_escaped():
    html = render_html([record()], "en")
    assert "<b>" not in html
    assert "Budi &lt;b&gt;&amp;amp;" in html
    assert "Budi <b>&amp;" in Page(html).visible


def test_each_player_has_outcome_money_debt_documents_and_timeline():
    page = Page(render_html([record()], "en")).visible
    page = page[page.index("Each player\u2019s journey"):]
    siti = page[page.index("Siti"):page.index("Budi <b>")]
    assert "Safe" in siti
    for words in ("Money Rp 170 thousand", "Debt Rp 0", "Risk 1/10", "ID, Passport", "SAPA",
                  "9 turns"):
        assert words in siti, words
    assert siti.count("\u2713") == 3 and "\u2717" not in siti
    budi = page[page.index("Budi <b>"):page.index("=cmd()")]
    assert "Trafficked" in budi and "Bonded" in budi
    for element in ("The three elements of trafficking", "Act act", "Means means",
                    "Purpose purpose"):
        assert element in budi, element
    assert "Then got help through: SAPA" in budi
    assert "Debt Rp 300 thousand" in budi
    assert budi.count("\u2717") == 2
    assert "The safe choice: \u2713 choose" in budi
    cmd = page[page.index("=cmd()"):page.index("Ani")]
    assert "no choice could be taken" in cmd and "Unsafe Debt" in cmd
    assert "Unsafe" in cmd
    ani = page[page.index("Ani"):]
    assert "Not finished" in ani and "This player left the game." in ani
    assert "No cards yet." in ani


def test_the_class_summary_counts_and_ranks():
    html = render_html([record()], "en")
    page = Page(html).visible
    summary = page[page.index("Class summary"):page.index("Each player")]
    assert "1 Safe 1 Unsafe 1 Trafficked 1 Not finished" in summary
    assert "1 of 4 journeys ended safely." in summary
    assert "Trafficked, then got help: 1." in summary
    unsafe = summary[summary.index("Unsafe choices taken most often"):
                     summary.index("Questions for discussion")]
    rows = re.findall(r"(\d+)\u00d7", unsafe)
    assert rows == ["2", "1", "1"]            # rec-offer choice 2 twice, then the others
    assert unsafe.index("rec-offer") < unsafe.index("rec-pay")
    assert "The safe choice" in unsafe
    discussion = summary[summary.index("Questions for discussion"):]
    assert discussion.index("Why would a sponsor pay?") < discussion.index(
        "Who should keep your passport?")
    assert discussion.count("Why would a sponsor pay?") == 1


def test_the_report_speaks_the_session_language():
    html = render_html([record()], "id")
    page = Page(html).visible
    assert ("html", {"lang": "id"}) in Page(html).tags
    for words in ("Laporan sesi", "Ringkasan kelas", "dari 4 perjalanan berakhir aman",
                  "Pertanyaan diskusi", "Perjalanan setiap pemain", "Tiga unsur perdagangan",
                  "Uang Rp 170 ribu", "Utang Rp 300 ribu", "1 Mei 2025, 14.03",
                  "Pilihan yang aman"):
        assert words in page, words
    assert "Class summary" not in page


def test_the_csv_has_one_row_per_card_played():
    rec = record()
    text = render_csv([rec])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(csv.DictReader(io.StringIO(text)).fieldnames) == CSV_COLUMNS
    assert len(rows) == sum(len(p.steps) for p in rec.debrief.players) == 8
    assert rows[0] == {"session": "s1", "player": "Siti", "turn": "1", "stage": "recruitment",
                       "route": "regular", "card_id": "rec-offer", "choice": "1",
                       "safe": "true", "outcome": "safe-return", "kind": "safe",
                       "choice_kind": "safe", "assisted": "false",
                       "card_title": rows[0]["card_title"], "choice_text": rows[0]["choice_text"]}
    offer = rec.pack.card("rec-offer")
    assert (rows[0]["card_title"], rows[0]["choice_text"]) == (
        offer.title["en"], offer.choices[0].label["en"])
    budi = [r for r in rows if r["player"].startswith("Budi")]
    assert [(r["card_id"], r["choice"], r["safe"]) for r in budi] == [
        ("rec-offer", "2", "false"), ("rec-pay", "1", "false")]
    assert {r["outcome"] for r in budi} == {"bonded"}
    cmd = [r for r in rows if "cmd" in r["player"]]
    assert cmd[0]["player"] == "'=cmd()"           # no formula in a spreadsheet
    assert (cmd[1]["choice"], cmd[1]["safe"]) == ("", "")
    assert not [r for r in rows if r["player"] == "Ani"]


def test_the_writers_write_their_files(tmp_path):
    html_path, csv_path = tmp_path / "r" / "s1.html", tmp_path / "r" / "s1.csv"
    write_html([record()], "en", html_path)
    write_csv([record()], csv_path)
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")     # Excel reads it as UTF-8
    assert "Siti" in html_path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 8


def test_a_pack_that_is_not_at_hand_shows_ids():
    html = render_html([record(with_pack=False)], "en")
    page = Page(html).visible
    assert "rec-offer" in page and "bonded" in page and "Choice 2" in page
    assert "Test pack (saved)" in page              # the title the save keeps
    assert "Where to get help" not in page


# -- from a real game -------------------------------------------------------------------------

def test_a_played_game_reports_what_the_debrief_shows(tmp_path):
    p = pack()
    for seed in range(12):
        log = play(Rules(p), ["A", "B", "C"], seed=seed, rng_seed=seed, facilitator=True)
        debrief = log.debrief
        rec = ReportSession(f"g{seed}", "2025-05-01T10:00:00", "en", p.id, debrief, p)
        rows = list(csv.DictReader(io.StringIO(render_csv([rec]))))
        steps = [(pl.name, s.card, s.choice, s.safe) for pl in debrief.players
                 for s in pl.steps]
        assert [(r["player"], r["card_id"],
                 None if r["choice"] == "" else int(r["choice"]) - 1,
                 None if r["safe"] == "" else r["safe"] == "true") for r in rows] == steps
        page = Page(render_html([rec], "en")).visible
        kinds = debrief.kinds
        assert f"{kinds['safe']} of 3 journeys ended safely." in page
        unsafe = page[page.index("Unsafe choices taken most often"):
                      page.index("Questions for discussion")]
        shown = [int(n) for n in re.findall(r"(\d+)\u00d7", unsafe)]
        assert shown == [u.times for u in debrief.unsafe_choices[:len(shown)]]
        for u in debrief.unsafe_choices[:len(shown)]:
            assert p.card(u.card).title["en"] in unsafe
        for card_id in debrief.discussion:
            assert p.card(card_id).discuss["en"] in page
        assert Debrief.from_json(json.loads(json.dumps(debrief.to_json()))) == debrief


# -- run_game.py report SAVE... -------------------------------------------------------------

def saved_games(tmp_path, count=2, lang="en"):
    folder = write_pack(tmp_path / "packs")
    p = load_pack(folder).pack
    store = SaveStore(tmp_path / "data")
    logs = []
    for i in range(count):
        log = play(Rules(p), [f"Class{i}-A", f"Class{i}-B"], seed=i, rng_seed=i)
        store.autosave(log, p, lang)
        logs.append(log)
    return store, p, logs


def test_report_command_rebuilds_one_summary_across_sessions(tmp_path, capsys):
    store, p, logs = saved_games(tmp_path, 3)
    saves = [str(store.path_of(log)) for log in logs]
    out_html, out_csv = tmp_path / "out" / "all.html", tmp_path / "out" / "all.csv"
    code = main_report(saves + ["--html", str(out_html), "--csv", str(out_csv)])
    assert code == 0, capsys.readouterr().err
    page = Page(out_html.read_text(encoding="utf-8")).visible
    assert "Report on 3 sessions" in page and "Summary of all sessions" in page
    assert "of 6 journeys ended safely" in page
    for i in range(3):
        assert f"Class{i}-A" in page and store.path_of(logs[i]).stem in page
    assert "Tiny Pack" in page and "Where to get help" in page and "Call 129" in page
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"))))
    assert {r["session"] for r in rows} == {store.path_of(log).stem for log in logs}
    total = sum(len(s.steps) for log in logs for s in log.debrief.players)
    assert len(rows) == total


def test_report_command_takes_a_folder_and_the_language(tmp_path, monkeypatch, capsys):
    store, p, logs = saved_games(tmp_path, 2, lang="id")
    monkeypatch.chdir(tmp_path)
    assert main_report([str(tmp_path / "data")]) == 0
    written = sorted(tmp_path.glob("report-*"))
    assert [w.suffix for w in written] == [".csv", ".html"]
    assert "Ringkasan semua sesi" in written[1].read_text(encoding="utf-8")
    out = tmp_path / "en.html"
    assert main_report([str(tmp_path / "data" / "saves"), "--lang", "en", "--html", str(out)]) == 0
    assert "Summary of all sessions" in out.read_text(encoding="utf-8")


def test_report_command_goes_on_past_a_bad_save(tmp_path, capsys):
    store, p, logs = saved_games(tmp_path, 1)
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"format": "travellers-dream-save", "vers')
    out = tmp_path / "one.csv"
    code = main_report([str(bad), str(store.path_of(logs[0])), str(tmp_path / "missing.json"),
                        "--csv", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{bad}: error: not a usable save" in err and "missing.json: error" in err
    assert out.exists() and bad.exists()       # the report command moves nothing
    assert not (tmp_path / "one.html").exists()


def test_report_command_without_the_pack_shows_ids(tmp_path, capsys):
    store, p, logs = saved_games(tmp_path, 1)
    import shutil
    shutil.rmtree(tmp_path / "packs")
    out = tmp_path / "r.html"
    assert main_report([str(store.path_of(logs[0])), "--html", str(out),
                        "--scenarios", str(tmp_path / "none")]) == 0
    assert "not found" in capsys.readouterr().err
    assert "recruitment-card" in out.read_text(encoding="utf-8")


def test_report_command_with_nothing_readable_fails(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    assert main_report([str(bad), "--html", str(tmp_path / "x.html")]) == 1
    assert not (tmp_path / "x.html").exists()
    with pytest.raises(SystemExit) as usage:
        main_report([])
    assert usage.value.code == 2


def test_a_save_made_before_saves_kept_the_debrief_is_replayed(tmp_path, capsys):
    """The previous save format kept a `record` instead of the debrief."""
    store, p, logs = saved_games(tmp_path, 1)
    path = store.path_of(logs[0])
    body = json.loads(path.read_text(encoding="utf-8"))
    body["record"] = {"players": "as the old code wrote it"}
    del body["debrief"]
    path.write_text(json.dumps(body), encoding="utf-8")
    out = tmp_path / "old.csv"
    assert main_report([str(path), "--csv", str(out)]) == 0, capsys.readouterr().err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == sum(len(s.steps) for s in logs[0].debrief.players)
    import shutil
    shutil.rmtree(tmp_path / "packs")              # and without its pack: said, not written
    assert main_report([str(path), "--csv", str(out),
                        "--scenarios", str(tmp_path / "none")]) == 1
    assert "cannot be read back" in capsys.readouterr().err


def test_autoplay_style_report_folder_has_one_html_and_one_csv(tmp_path):
    """cli-contract: with --save-dir DIR the finished game's report is DIR/reports/*.html|csv."""
    p = pack()
    store = SaveStore(tmp_path)
    log = play(Rules(p), ["A", "B", "C"], seed=3)
    for _ in range(2):                          # asked twice: still one of each
        store.autosave(log, p, "id")
        files = store.write_report(log, p, "id")
    reports = sorted((tmp_path / "reports").iterdir())
    assert [r.suffix for r in reports] == [".csv", ".html"]
    assert files.html in reports and files.csv in reports


def test_an_unfinished_or_stopped_game_says_so():
    page = Page(render_html([record(over=False)], "en")).visible
    assert "The game was not finished." in page
    page = Page(render_html([record(stopped=True)], "id")).visible
    assert "Permainan diakhiri lebih awal oleh fasilitator." in page
