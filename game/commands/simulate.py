"""simulate: play a pack many times with bots and summarise the outcomes.

    python run_game.py simulate --pack P --games N [--seed S] [--players K]
                                [--policy random|safe|risky] [--json] [--report OUT.html]
                                [--lang id|en]

The text summary is in the author's language (`--lang`, else the remembered
language, else id); `--json` is the same in every language.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from game.commands.author_lang import add_lang_argument, author_tr, help_language, language_of
from game.engine.board import LENGTHS

NAME = "simulate"
HELP = "play a pack many times with bots and summarise the outcomes"


def add_arguments(p: argparse.ArgumentParser) -> None:
    lang = help_language(p)
    p.add_argument("--pack", required=True, help=author_tr("help_pack", lang))
    p.add_argument("--games", type=int, required=True, help=author_tr("sim_help_games", lang))
    p.add_argument("--seed", type=int, default=1, help=author_tr("sim_help_seed", lang))
    p.add_argument("--players", type=int, default=1, help=author_tr("sim_help_players", lang))
    p.add_argument("--policy", choices=("random", "safe", "risky"), default="random",
                   help=author_tr("sim_help_policy", lang))
    p.add_argument("--length", choices=LENGTHS, default="full",
                   help=author_tr("sim_help_length", lang))
    p.add_argument("--json", action="store_true", help=author_tr("sim_help_json", lang))
    p.add_argument("--report", type=Path, metavar="OUT.html",
                   help=author_tr("sim_help_report", lang))
    add_lang_argument(p)


def run(args: argparse.Namespace) -> int:
    lang = language_of(args)
    if args.games < 1:
        return _usage(author_tr("sim_games_low", lang), lang)
    if not 1 <= args.players <= 6:
        return _usage(author_tr("sim_players_range", lang), lang)
    pack = _load(args.pack, lang)
    if pack is None:
        return 1
    from game.sim import simulate
    if args.report:
        from game.authoring.balance import write_report
        write_report(pack, args.games, args.seed, args.players, args.report)
        print(author_tr("sim_report_written", lang, file=str(args.report)))
        if not args.json:
            return 0
    summary = simulate(pack, args.games, args.seed, args.players, args.policy, args.length)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    print_summary(pack, summary, lang)
    return 0


def _load(ref: str, lang: str):
    """The pack `ref` names, or None after printing its problems in `lang` (stderr);
    a `ref` that names no pack exits 2 at once (as every command)."""
    import sys
    from game.args import pack_folder_or_exit
    from game.content.validate import load_pack
    path = pack_folder_or_exit(ref)
    result = load_pack(path)
    if result.pack is None or result.errors:
        for problem in result.problems:
            print(problem.shown(lang), file=sys.stderr)
        print(author_tr("error_line", lang, message=author_tr(
            "pack_has_errors", lang, pack=repr(ref), path=str(path))), file=sys.stderr)
        return None
    return result.pack


def _usage(message: str, lang: str = "en") -> int:
    import sys
    print(author_tr("sim_usage_error", lang, message=message), file=sys.stderr)
    return 2


def print_summary(pack, summary: dict, lang: str = "en") -> None:
    """The summary as text, in `lang` (ids and kinds as the pack writes them)."""
    def say(key: str, **values) -> None:
        print(author_tr(key, lang, **{k: str(v) for k, v in values.items()}))
    n = summary["journeys"]
    say("sim_head", pack=pack.id, games=summary["games"], players=summary["players"],
        journeys=n, policy=summary["policy"], seed=summary["seed"])
    say("sim_kinds")
    for kind, count in summary["kinds"].items():
        print(f"  {kind:<12} {count:>7}  {100 * count / n:5.1f}%")
    say("sim_outcomes")
    for outcome, count in sorted(summary["outcomes"].items(), key=lambda kv: -kv[1]):
        print(f"  {outcome:<28} {count:>7}  {100 * count / n:5.1f}%")
    t = summary["turns"]
    say("sim_turns", mean=t["mean"], median=t["median"], max=t["max"])
    r = summary["rounds"]
    say("sim_rounds", players=summary["players"], length=summary["length"],
        median=r["median"], max=r["max"])
    say("sim_crisis", crisis=summary["crisis_draws"], coerced=summary["coerced"])
    say("sim_assisted", assisted=summary["assisted"])
    never = summary["cards_never_drawn"]
    say("sim_never", cards=", ".join(never) if never else author_tr("sim_none", lang))
