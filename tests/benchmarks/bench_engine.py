"""Benchmark: single-player journeys simulated per second on one core.

    python tests/benchmarks/bench_engine.py [--pack P]... [--games N] [--repeat R]

Target: at least 5,000 journeys per second. Prints figures; it is
not a test. Times are CPU seconds of this process (time.process_time), so
other work on the machine disturbs them less, and every figure is the best of
--repeat runs. The baseline is a bare loop that draws as many splitmix64
numbers as the journeys rolled dice (games x mean turns), with the engine's
own generator; it is timed the same way, and the ratio says how many times
the rules cost on top of the dice.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.content.validate import find_pack_dirs, load_pack, resolve_pack  # noqa: E402
from game.engine.state import next_random  # noqa: E402
from game.paths import SCENARIOS  # noqa: E402
from game.sim import POLICIES, simulate  # noqa: E402

TARGET = 5000  # journeys per second


def best_time(work: Callable[[], object], repeat: int) -> tuple[float, object]:
    """The shortest CPU time of `repeat` runs of `work`, in seconds, and what it returned."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = work()
        best = min(best, time.process_time() - start)
    return best, result


def dice_loop(count: int) -> int:
    """`count` splitmix64 draws and nothing else: the floor under any journey."""
    state = 1
    for _ in range(count):
        state, _number = next_random(state)
    return state


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pack", action="append", help="pack id or folder (default: all)")
    parser.add_argument("--games", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best counts")
    args = parser.parse_args()
    refs = args.pack or [str(folder) for folder in find_pack_dirs(SCENARIOS)]
    for ref in refs:
        folder = resolve_pack(ref, SCENARIOS)
        pack = load_pack(folder).pack if folder is not None else None
        if pack is None:
            print(f"{ref}: no pack, or it does not load; skipped")
            continue
        for policy in POLICIES:
            engine, summary = best_time(
                lambda: simulate(pack, args.games, seed=1, players=1, policy=policy),
                args.repeat)
            turns = summary["turns"]["mean"]
            dice, _state = best_time(lambda: dice_loop(round(args.games * turns)), args.repeat)
            rate, floor = args.games / engine, args.games / dice
            print(f"{pack.id:<12} {policy:<7} {rate:>9,.0f} journeys/s  "
                  f"(mean {turns:.1f} turns; bare dice loop {floor:,.0f}/s, "
                  f"ratio {engine / dice:.1f}x)  target >= {TARGET:,}/s: "
                  f"{'ok' if rate >= TARGET else 'MISSED'}")


if __name__ == "__main__":
    main()
