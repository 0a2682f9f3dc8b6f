"""Simulation: bots playing through the rules, and what the simulate command promises."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.validate import load_pack
from game.sim import simulate
from tests.engine.packs import make_pack

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = load_pack(ROOT / "scenarios" / "example").pack


def test_outcomes_and_kinds_each_add_up_to_the_journeys():
    summary = simulate(EXAMPLE, games=200, seed=3, players=3)
    assert summary["journeys"] == 600
    assert sum(summary["outcomes"].values()) == 600
    assert sum(summary["kinds"].values()) == 600


def test_same_seed_same_summary_and_another_seed_differs():
    a = simulate(EXAMPLE, 300, seed=5, players=2)
    assert a == simulate(EXAMPLE, 300, seed=5, players=2)
    assert a != simulate(EXAMPLE, 300, seed=6, players=2)


def test_safe_play_ends_safe_more_often_than_random_and_random_than_risky():
    share = {p: simulate(EXAMPLE, 400, seed=1, policy=p)["kinds"]["safe"] / 400
             for p in ("safe", "random", "risky")}
    assert share["safe"] > share["random"] > share["risky"]


def test_rounds_are_the_longest_journey_of_each_game():
    one = simulate(EXAMPLE, 200, seed=2, players=1)
    four = simulate(EXAMPLE, 200, seed=2, players=4)
    assert one["rounds"]["median"] == one["turns"]["median"]
    assert four["rounds"]["median"] >= four["turns"]["median"]
    assert four["rounds"]["max"] == four["turns"]["max"]


def test_the_short_board_makes_shorter_games():
    full = simulate(EXAMPLE, 300, seed=4, players=4, length="full")
    short = simulate(EXAMPLE, 300, seed=4, players=4, length="short")
    assert short["length"] == "short"
    assert short["rounds"]["median"] < full["rounds"]["median"]


def test_cards_never_drawn_are_listed():
    summary = simulate(EXAMPLE, 300, seed=1, policy="safe")
    assert "tra-boat" in summary["cards_never_drawn"]      # an irregular-route card
    assert simulate(EXAMPLE, 300, seed=1)["cards_never_drawn"] == []


def test_unknown_policy_is_refused():
    with pytest.raises(ValueError):
        simulate(make_pack(), 1, policy="greedy")


def run(*args):
    return subprocess.run([sys.executable, "run_game.py", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_simulate_json_prints_one_object_as_the_contract_says():
    done = run("simulate", "--pack", "example", "--games", "50", "--seed", "2",
               "--players", "2", "--policy", "risky", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    for key in ("pack", "games", "seed", "policy", "journeys", "outcomes", "kinds", "turns",
                "cards_never_drawn"):
        assert key in data
    assert (data["pack"], data["games"], data["seed"], data["policy"]) == (
        "example", 50, 2, "risky")
    assert data["journeys"] == 100 and set(data["turns"]) >= {"mean", "max"}


def test_simulate_takes_a_pack_path_as_well_as_an_id():
    done = run("simulate", "--pack", str(ROOT / "scenarios" / "example"), "--games", "5",
               "--lang", "en")
    assert done.returncode == 0 and "journeys" in done.stdout


@pytest.mark.parametrize("args,code", [
    (("simulate", "--games", "5"), 2),                          # no --pack
    (("simulate", "--pack", "example", "--games", "x"), 2),
    (("simulate", "--pack", "example", "--games", "5", "--policy", "greedy"), 2),
    (("simulate", "--pack", "example", "--games", "5", "--players", "7"), 2),
    (("simulate", "--pack", "no-such-pack", "--games", "5"), 2),         # names no pack
])
def test_simulate_exit_codes(args, code):
    done = run(*args)
    assert done.returncode == code
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["validate", "simulate"])
def test_each_command_has_help(command):
    done = run(command, "--help")
    assert done.returncode == 0 and "usage" in done.stdout.lower()
