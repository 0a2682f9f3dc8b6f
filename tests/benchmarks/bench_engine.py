"""Benchmark: single-player journeys simulated per second on one core.

    python tests/benchmarks/bench_engine.py [--pack P] [--games N]

Target (issue 2): at least 5,000 journeys per second. Prints figures; it is
not a test. Times are CPU time of this process (time.process_time), so other
work on the machine disturbs them less. The baseline, measured in the same run, is a bare loop that rolls
the same number of dice with the same generator, so the ratio says how much
the rules cost on top of the dice.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.paths import SCENARIOS  # noqa: E402
from game.content.validate import load_pack, resolve_pack  # noqa: E402
from game.engine.state import next_random  # noqa: E402
from game.sim import simulate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pack", action="append")
    parser.add_argument("--games", type=int, default=5000)
    args = parser.parse_args()
    packs = args.pack or [p.name for p in sorted(SCENARIOS.iterdir())
                          if (p / "pack.yaml").exists()]
    for ref in packs:
        pack = load_pack(resolve_pack(ref, SCENARIOS)).pack
        if pack is None:
            print(f"{ref}: does not load; skipped")
            continue
        for policy in ("random", "safe", "risky"):
            best = 0.0
            for _ in range(3):
                t0 = time.process_time()
                summary = simulate(pack, args.games, seed=1, players=1, policy=policy)
                rate = args.games / (time.process_time() - t0)
                best = max(best, rate)
            turns = summary["turns"]["mean"]
            t0 = time.process_time()
            x = 1
            for _ in range(int(args.games * turns)):
                x, r = next_random(x)
            dice = args.games / (time.process_time() - t0)
            print(f"{pack.id:<12} {policy:<7} {best:>9,.0f} journeys/s  "
                  f"(mean {turns:.1f} turns; bare dice loop {dice:,.0f}/s, "
                  f"ratio {dice / best:.1f}x)  target >= 5,000/s: "
                  f"{'ok' if best >= 5000 else 'MISSED'}")


if __name__ == "__main__":
    main()
