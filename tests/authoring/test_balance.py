"""The balance report (`simulate --report OUT.html`): all three policies, charts,
card draws, what was never drawn or reached, paths to trafficking; one
self-contained HTML file; the same numbers as `simulate`."""
from __future__ import annotations

import json
import re
import statistics
from html.parser import HTMLParser

import pytest

from game import cli
from game.authoring.balance import build_report, run_policy, write_report
from game.content.validate import load_pack
from game.paths import LOCALISATION
from game.sim import POLICIES, simulate

from .conftest import GOOD_PACK, SCENARIOS

EXAMPLE = SCENARIOS / "example"


@pytest.fixture(scope="module")
def example():
    return load_pack(EXAMPLE).pack


@pytest.fixture(scope="module")
def report(example):
    return build_report(example, 200, 5, 2)


@pytest.mark.parametrize("policy", POLICIES)
def test_runs_match_simulate(example, policy):
    run = run_policy(example, 150, 9, 3, policy)
    summary = simulate(example, 150, 9, 3, policy)
    assert dict(run.outcomes) == {k: v for k, v in summary["outcomes"].items() if v}
    assert len(run.journeys) == summary["journeys"]
    turns = [j.turns for j in run.journeys]
    assert summary["turns"] == {"mean": round(statistics.fmean(turns), 2),
                                "median": statistics.median(turns), "max": max(turns)}
    assert sum(j.assisted for j in run.journeys) == summary["assisted"]
    never = sorted(c.id for c in example.cards if not run.drawn.get(c.id))
    assert never == summary["cards_never_drawn"]


def test_paths_and_reasons_are_kept(example):
    run = run_policy(example, 100, 2, 1, "risky")
    assert all(j.reason in ("card", "home", "home-unsafe", "risk", "max-turns")
               for j in run.journeys)
    trafficked = [j for j in run.journeys if j.kind == "trafficked"]
    assert trafficked and all(j.path for j in trafficked)
    card, choice = trafficked[0].path[-1]
    assert 0 <= choice < len(example.card(card).choices)


def test_report_is_self_contained(report):
    assert report.startswith("<!DOCTYPE html>")
    lowered = report.lower()
    assert "<script" not in lowered and "<link" not in lowered and "@import" not in lowered
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|file:)""", lowered)
    assert "url(" not in lowered
    assert report.count("<svg") >= 1 + 2 * len(POLICIES)  # kinds, per policy outcomes+lengths


def test_report_is_well_formed(report):
    class Checker(HTMLParser):
        VOID = {"meta", "br", "rect", "line", "input", "img"}

        def __init__(self):
            super().__init__()
            self.stack = []

        def handle_starttag(self, tag, attrs):
            if tag not in self.VOID:
                self.stack.append(tag)

        def handle_startendtag(self, tag, attrs):
            pass

        def handle_endtag(self, tag):
            if tag in self.VOID:
                return
            assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
            self.stack.pop()

    checker = Checker()
    checker.feed(report)
    assert checker.stack == []


def test_report_has_every_section(report, example):
    for policy in POLICIES:
        assert f'id="policy-{policy}"' in report
    for heading in ("Akhir perjalanan, per cara bermain", "Panjang perjalanan",
                    "Kartu yang ditarik", "Kartu yang tidak pernah ditarik",
                    "Akhir yang tidak pernah dicapai", "Yang perlu dicek",
                    "Jalan yang paling sering menuju"):
        assert heading in report, heading
    for card in example.cards:
        assert f"<code>{card.id}</code>" in report
    for outcome in example.outcomes:
        assert outcome.id in report
    assert "python run_game.py simulate --pack example --games 200 --seed 5 --players 2" in report


def test_report_words_follow_the_language(example):
    english = build_report(example, 30, 1, 1, lang="en")
    assert "Balance report" in english and "Cards never drawn" in english
    assert "Example: A Short Journey" in english


def test_report_is_the_same_for_the_same_seed(example):
    assert build_report(example, 50, 3, 1) == build_report(example, 50, 3, 1)
    assert build_report(example, 50, 3, 1) != build_report(example, 50, 4, 1)


def test_report_names_what_was_never_drawn_or_reached(example):
    runs = [run_policy(example, 40, 1, 1, p) for p in POLICIES]
    safe = next(r for r in runs if r.policy == "safe")
    html = build_report(example, 40, 1, 1, runs=runs, lang="en")
    unreached = [o.id for o in example.outcomes if not safe.outcomes.get(o.id)]
    section = html.split("Outcomes never reached", 1)[1]
    row = section.split("<b>safe</b>", 1)[1].split("</tr>", 1)[0]
    for ident in unreached:
        assert ident in row


def test_most_common_path_lists_cards_and_choices(example):
    run = run_policy(example, 300, 1, 1, "risky")
    html = build_report(example, 300, 1, 1, runs=[run], lang="en")
    section = html.split("Most common path to each trafficked outcome", 1)[1]
    assert "Debt bondage" in section or "Terjerat utang" in section
    assert "<ol>" in section and "unsafe</span>" in section


def test_simulate_summary_in_either_language(capsys):
    args = ["simulate", "--pack", str(GOOD_PACK), "--games", "20", "--seed", "2"]
    assert cli.main([*args, "--lang", "en"]) == 0
    english = capsys.readouterr().out.splitlines()
    assert english[0] == "good-pack: 20 games x 1 players = 20 journeys, policy random, seed 2"
    assert "outcomes:" in english
    assert cli.main(args) == 0          # nothing remembered: Bahasa Indonesia
    indonesian = capsys.readouterr().out.splitlines()
    assert indonesian[0] == ("good-pack: 20 permainan x 1 pemain = 20 perjalanan, "
                             "cara bermain random, angka acak 2")
    assert "akhir cerita:" in indonesian and len(indonesian) == len(english)
    assert [line for line in english if line.startswith("  ")] == \
        [line for line in indonesian if line.startswith("  ")]   # the same numbers


def test_simulate_report_command(tmp_path, capsys):
    out = tmp_path / "sub" / "report.html"
    assert cli.main(["simulate", "--pack", str(GOOD_PACK), "--games", "30",
                     "--report", str(out), "--lang", "en"]) == 0
    assert "balance report written" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert "</html>" in text and "good-pack" in text


def test_write_report(tmp_path, example):
    out = tmp_path / "r.html"
    write_report(example, 20, 1, 1, out)
    assert out.read_text(encoding="utf-8") == build_report(example, 20, 1, 1)


def test_the_reports_words_are_in_both_languages_with_the_same_placeholders():
    tables = {lang: json.loads((LOCALISATION / f"balance.{lang}.json").read_text("utf-8"))[lang]
              for lang in ("id", "en")}
    assert set(tables["id"]) == set(tables["en"])
    for key, text in tables["en"].items():
        assert sorted(re.findall(r"%\{(\w+)\}", text)) == \
            sorted(re.findall(r"%\{(\w+)\}", tables["id"][key])), key
    source = (LOCALISATION.parent / "game" / "authoring" / "balance.py").read_text("utf-8")
    for key in re.findall(r'word\("(\w+)"[,)]', source):
        assert key in tables["en"], key
