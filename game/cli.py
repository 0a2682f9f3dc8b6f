"""The command line (cli-contract.md): play by default, or a named command.

    python run_game.py [play options]          play (title menu, windowed, default pack)
    python run_game.py validate PATH... [--strict]
    python run_game.py simulate --pack P --games N [--seed S] [--players K]
                                [--policy random|safe|risky] [--json] [--report OUT.html]
    python run_game.py preview --pack P CARD_ID [--screenshot FILE]
    python run_game.py new PACK_ID [--dir DIR]
    python run_game.py schema [--out DIR]
    python run_game.py strings export|import --pack P --csv FILE
    python run_game.py report SAVE... [--html OUT] [--csv OUT]

Exit codes: 0 fine, 1 problems found (validate) or a failure, 2 bad command line.
Heavy modules (pygame, yaml) are imported only by the commands that need them.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
DEFAULT_PACK = "malaysia"
DEFAULT_LANG = "id"

COMMANDS = ("play", "validate", "simulate", "preview", "new", "schema", "strings", "report")


@dataclass
class PlayOptions:
    """Everything the play command was asked for; handed to the UI."""
    lang: Optional[str] = None   # None: the remembered setting, else DEFAULT_LANG
    pack: str = DEFAULT_PACK
    players: Optional[list[str]] = None  # names, or None to choose on the setup screen
    fullscreen: bool = False
    size: tuple[int, int] = (1280, 800)
    autoplay: bool = False
    seed: Optional[int] = None
    screenshots: Optional[Path] = None
    frames: Optional[int] = None
    speed: Optional[float] = None
    save_dir: Optional[Path] = None
    resume: bool = False
    mute: bool = False


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line message (the contract's code)."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = text.lower().split("x")
        size = int(w), int(h)
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1024x768, not {text!r}")
    if not (320 <= size[0] <= 10000 and 240 <= size[1] <= 10000):
        raise argparse.ArgumentTypeError(f"size {text} is out of range")
    return size


def _players(text: str) -> list[str]:
    """`--players 3` (three default names) or `--players "Siti,Budi,Ani"`."""
    text = text.strip()
    if text.isdigit():
        n = int(text)
        names = [""] * n  # the UI gives default names in the session language
    else:
        names = [n.strip() for n in text.split(",") if n.strip()]
        n = len(names)
    if not 1 <= n <= 6:
        raise argparse.ArgumentTypeError("a game has 1 to 6 players or teams")
    return names


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}")
    if value <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def play_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="run_game.py", description=(
        "Traveller's Dream (Mimpi Perantau): a board game about safe labour migration. "
        f"Other commands: {', '.join(COMMANDS[1:])} (run_game.py COMMAND --help)."))
    p.add_argument("--lang", help="interface language (id, en); default: the remembered "
                   "setting, else id (Bahasa Indonesia)")
    p.add_argument("--pack", default=DEFAULT_PACK,
                   help="scenario pack: an id under scenarios/ or a path to a pack folder")
    p.add_argument("--players", type=_players,
                   help='number of players (1-6) or their names: "Siti,Budi,Ani"')
    p.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)")
    p.add_argument("--size", type=_size, default=(1280, 800), help="window size, e.g. 1024x768")
    p.add_argument("--autoplay", action="store_true",
                   help="bots play through the real interface to the debrief, then exit")
    p.add_argument("--seed", type=int, help="random seed (same seed, same game)")
    p.add_argument("--screenshots", type=Path, metavar="DIR",
                   help="save a PNG in DIR at every screen change")
    p.add_argument("--frames", type=int, metavar="N", help="render N frames, then exit 0")
    p.add_argument("--speed", type=_positive_float, metavar="X",
                   help="animation speed, 1 = real time (autoplay: as fast as possible)")
    p.add_argument("--save-dir", type=Path, metavar="DIR",
                   help="where autosaves, reports and settings go")
    p.add_argument("--resume", action="store_true", help="continue the last unfinished game")
    p.add_argument("--mute", action="store_true", help="no sound")
    return p


def simulate_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="run_game.py simulate",
                description="Play a pack many times with bots and summarise the outcomes.")
    p.add_argument("--pack", required=True, help="pack id under scenarios/ or path to a pack")
    p.add_argument("--games", type=int, required=True, help="number of games")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--players", type=int, default=1, help="players per game, 1-6 (default 1)")
    p.add_argument("--policy", choices=("random", "safe", "risky"), default="random",
                   help="how bots choose (default random)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--report", type=Path, metavar="OUT.html", help="write a balance report")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in COMMANDS else "play"
    if argv and argv[0] == command:
        argv = argv[1:]
    try:
        return _COMMANDS[command](argv)
    except KeyboardInterrupt:
        return 130


def load_pack_or_report(ref: str):
    """The pack `ref` names, or None after printing its problems (stderr)."""
    from game.content.validate import load_pack, resolve_pack
    path = resolve_pack(ref, SCENARIOS)
    if path is None:
        print(f"error: no pack {ref!r}: give a pack id from scenarios/ "
              f"or the path to a folder holding pack.yaml", file=sys.stderr)
        return None
    result = load_pack(path)
    errors = [p for p in result.problems if p.severity == "error"]
    if result.pack is None or errors:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"error: pack {ref!r} has errors; run: python run_game.py validate {path}",
              file=sys.stderr)
        return None
    return result.pack


def cmd_play(argv: list[str]) -> int:
    args = play_parser().parse_args(argv)
    options = PlayOptions(
        lang=args.lang, pack=args.pack, players=args.players, fullscreen=args.fullscreen,
        size=args.size, autoplay=args.autoplay, seed=args.seed, screenshots=args.screenshots,
        frames=args.frames, speed=args.speed, save_dir=args.save_dir, resume=args.resume,
        mute=args.mute)
    try:
        from game.ui.app import run
    except ImportError as exc:
        if "game.ui" not in str(exc) and "app" not in str(exc):
            raise
        print("The game's screens are not built yet. For now you can run:\n"
              "  python run_game.py validate scenarios\n"
              "  python run_game.py simulate --pack malaysia --games 100", file=sys.stderr)
        return 1
    return run(options)


def cmd_validate(argv: list[str]) -> int:
    from game.content.validate import main_validate
    return main_validate(argv)


def cmd_simulate(argv: list[str]) -> int:
    args = simulate_parser().parse_args(argv)
    if args.games < 1:
        simulate_parser().error("--games must be at least 1")
    if not 1 <= args.players <= 6:
        simulate_parser().error("--players must be 1 to 6")
    pack = load_pack_or_report(args.pack)
    if pack is None:
        return 1
    from game.sim import simulate
    if args.report:
        from game.balance import write_report
        write_report(pack, args.games, args.seed, args.players, args.report)
        print(f"balance report written to {args.report}")
        if not args.json:
            return 0
    summary = simulate(pack, args.games, args.seed, args.players, args.policy)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    _print_summary(pack, summary)
    return 0


def _print_summary(pack, summary: dict) -> None:
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
    print(f"trafficked, then assisted: {summary['assisted']}")
    never = summary["cards_never_drawn"]
    print(f"cards never drawn: {', '.join(never) if never else 'none'}")


def _later(name: str):
    def command(argv: list[str]) -> int:
        modules = {"preview": "game.ui.preview", "new": "game.authoring",
                   "schema": "game.authoring", "strings": "game.authoring",
                   "report": "game.session.report"}
        try:
            module = __import__(modules[name], fromlist=["main"])
            entry = getattr(module, f"main_{name}")
        except (ImportError, AttributeError):
            print(f"run_game.py {name}: not available in this version yet", file=sys.stderr)
            return 2
        return entry(argv)
    return command


_COMMANDS = {"play": cmd_play, "validate": cmd_validate, "simulate": cmd_simulate,
             **{name: _later(name) for name in ("preview", "new", "schema", "strings", "report")}}
