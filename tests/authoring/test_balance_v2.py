"""The balance report on format v2: crisis draws, coerced choices, the rounds of a
class game, and a warning when shortcuts pay."""
from __future__ import annotations

import dataclasses
import html
import re

from game.authoring.balance import PolicyRun, _checks, build_report, run_policy, words_in
from game.engine.rules import Rules
from game.sim import JourneyRecord
from tests.engine.packs import card, choice, make_pack


def visible(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def v2_pack():
    threat = dataclasses.replace(choice(False, debt=300), coerced=True)
    crisis = dataclasses.replace(card("trafficker", "recruitment", "any",
                                      [dataclasses.replace(choice(False, outcome="bonded"),
                                                           coerced=True)]),
                                 crisis=True, shows=("act", "means", "purpose"))
    return make_pack([card("push", "recruitment", "any", [choice(False, risk=10), choice()]),
                      card("threat", "documentation", "any", [threat]), crisis],
                     endings={"risk": "in-debt"})


def test_the_report_counts_crisis_draws_coerced_choices_and_class_rounds():
    page = visible(build_report(v2_pack(), 60, 1, 1, lang="en"))
    crisis = re.search(r"Crisis cards drawn \(risk reached 10\): (\d+) · coerced choices "
                       r"\(done to the player\): (\d+)", page)
    assert crisis and int(crisis.group(1)) > 0 and int(crisis.group(2)) > 0
    assert re.search(r"A class game of 4 players \d+ games with random choices: median \d+",
                     page)


def test_shortcuts_that_are_faster_and_rarely_trafficked_are_flagged():
    def run(policy, turns, kind):
        return PolicyRun(policy, [JourneyRecord("x", kind, turns, False)] * 10)
    word = words_in("en")
    pays = _checks(make_pack(), [run("safe", 20, "safe"), run("risky", 8, "unsafe")], word)
    assert any("shortcuts may pay" in c for c in pays)
    fine = _checks(make_pack(), [run("safe", 20, "safe"), run("risky", 8, "trafficked")], word)
    assert not any("shortcuts may pay" in c for c in fine)


def test_make_it_again_names_a_pack_outside_scenarios_by_its_folder(tmp_path):
    pack = dataclasses.replace(make_pack(), path=str(tmp_path / "my pack"))
    page = visible(build_report(pack, 5, 1, 1, lang="en"))
    assert f'--pack "{tmp_path / "my pack"}"' in page
    rules = Rules(pack)
    assert run_policy(pack, 3, 1, 2, "random", rules).games
