"""simulate: play a pack many times with bots and summarise the outcomes.

    python run_game.py simulate --pack P --games N [--seed S] [--players K]
                                [--policy random|safe|risky] [--json] [--report OUT.html]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from game.engine.board import LENGTHS

NAME = "simulate"
HELP = "play a pack many times with bots and summarise the outcomes"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pack", required=True, help="pack id under scenarios/ or path to a pack")
    p.add_argument("--games", type=int, required=True, help="number of games")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--players", type=int, default=1, help="players per game, 1-6 (default 1)")
    p.add_argument("--policy", choices=("random", "safe", "risky"), default="random",
                   help="how bots choose (default random)")
    p.add_argument("--length", choices=LENGTHS, default="full",
                   help="board length: full, or short for a 25-minute lesson (default full)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--report", type=Path, metavar="OUT.html", help="write a balance report")


def run(args: argparse.Namespace) -> int:
    from game.args import load_pack_or_report
    if args.games < 1:
        return _usage("--games must be at least 1")
    if not 1 <= args.players <= 6:
        return _usage("--players must be 1 to 6")
    pack = load_pack_or_report(args.pack)
    if pack is None:
        return 1
    from game.sim import simulate
    if args.report:
        from game.authoring.balance import write_report
        write_report(pack, args.games, args.seed, args.players, args.report)
        print(f"balance report written to {args.report}")
        if not args.json:
            return 0
    summary = simulate(pack, args.games, args.seed, args.players, args.policy, args.length)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    print_summary(pack, summary)
    return 0


def _usage(message: str) -> int:
    import sys
    print(f"run_game.py simulate: error: {message}", file=sys.stderr)
    return 2


def print_summary(pack, summary: dict) -> None:
    n = summary["journeys"]
    print(f"{pack.id}: {summary['games']} games x {summary['players']} players = {n} journeys, "
          f"policy {summary['policy']}, seed {summary['seed']}")
    print("kinds:")
    for kind, count in summary["kinds"].items():
        print(f"  {kind:<12} {count:>7}  {100 * count / n:5.1f}%")
    print("outcomes:")
    for outcome, count in sorted(summary["outcomes"].items(), key=lambda kv: -kv[1]):
        print(f"  {outcome:<28} {count:>7}  {100 * count / n:5.1f}%")
    t = summary["turns"]
    print(f"turns per journey: mean {t['mean']}, median {t['median']}, max {t['max']}")
    r = summary["rounds"]
    print(f"rounds per game ({summary['players']} players, {summary['length']} board): "
          f"median {r['median']}, max {r['max']}")
    print(f"crisis cards per journey: {summary['crisis_draws']}; "
          f"coerced choices per journey: {summary['coerced']}")
    print(f"trafficked, then assisted: {summary['assisted']}")
    never = summary["cards_never_drawn"]
    print(f"cards never drawn: {', '.join(never) if never else 'none'}")
