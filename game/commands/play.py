"""play (the default command): the title menu, or a game straight away.

    python run_game.py [--lang L] [--pack P] [--players "Siti,Budi"] [--fullscreen]
                       [--size WxH] [--autoplay] [--seed S] [--screenshots DIR]
                       [--frames N] [--speed X] [--save-dir DIR] [--resume] [--mute]
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from game.args import animation_speed, language, player_names, window_size
from game.engine.board import LENGTHS
from game.paths import DEFAULT_PACK
from game.session.settings import SPEED_RANGE

NAME = "play"
HELP = "play the game (the default when no command is given)"
TEXT_SIZES = {"normal": "normal", "large": "large", "xlarge": "extra-large"}


@dataclass
class PlayOptions:
    """Everything the play command was asked for; handed to the window."""
    lang: Optional[str] = None   # None: the remembered setting, else the default language
    pack: str = DEFAULT_PACK
    players: Optional[list[str]] = None  # names, or None to choose on the setup screen
    fullscreen: bool = False
    size: Optional[tuple[int, int]] = None   # None: a window that fits the screen
    autoplay: bool = False
    seed: Optional[int] = None
    screenshots: Optional[Path] = None
    frames: Optional[int] = None
    speed: Optional[float] = None
    save_dir: Optional[Path] = None
    resume: bool = False
    mute: bool = False
    length: str = "full"         # the board: full, or short for a 25-minute lesson
    text_size: Optional[str] = None  # normal | large | extra-large (remembered); None: as set


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", type=language,
                   help="interface language (id, en); default: the remembered "
                   "setting, else id (Bahasa Indonesia)")
    p.add_argument("--pack", default=DEFAULT_PACK,
                   help="scenario pack: an id under scenarios/ or a path to a pack folder")
    p.add_argument("--players", type=player_names,
                   help='number of players (1-6) or their names: "Siti,Budi,Ani"')
    p.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)")
    p.add_argument("--size", type=window_size,
                   help="window size, e.g. 1024x768 (default: a window that fits the screen, "
                        "or fullscreen on a small screen)")
    p.add_argument("--text-size", choices=tuple(TEXT_SIZES),
                   help="text size, as on the settings screen (remembered)")
    p.add_argument("--autoplay", action="store_true",
                   help="bots play through the real interface to the debrief, then exit")
    p.add_argument("--seed", type=int, help="random seed (same seed, same game)")
    p.add_argument("--screenshots", type=Path, metavar="DIR",
                   help="save a PNG in DIR at every screen change")
    p.add_argument("--frames", type=int, metavar="N", help="render N frames, then exit 0")
    p.add_argument("--speed", type=animation_speed, metavar="X",
                   help=f"animation speed from {SPEED_RANGE[0]:g} to {SPEED_RANGE[1]:g}, "
                        "1 = real time (autoplay: as fast as possible)")
    p.add_argument("--save-dir", type=Path, metavar="DIR",
                   help="where autosaves, reports and settings go")
    p.add_argument("--resume", action="store_true", help="continue the last unfinished game")
    p.add_argument("--mute", action="store_true", help="no sound")
    p.add_argument("--length", choices=LENGTHS, default="full",
                   help="board length: full, or short for a lesson of about 25 minutes")


def options_from(args: argparse.Namespace) -> PlayOptions:
    return PlayOptions(
        lang=args.lang, pack=args.pack, players=args.players, fullscreen=args.fullscreen,
        size=args.size, autoplay=args.autoplay, seed=args.seed, screenshots=args.screenshots,
        frames=args.frames, speed=args.speed, save_dir=args.save_dir, resume=args.resume,
        mute=args.mute, length=args.length,
        text_size=TEXT_SIZES[args.text_size] if args.text_size else None)


def run(args: argparse.Namespace) -> int:
    from game.args import load_pack_or_report, pack_folder_or_exit
    pack_folder_or_exit(args.pack)               # a --pack that names no pack: exit 2
    if (args.autoplay or args.frames) and load_pack_or_report(args.pack) is None:
        return 1                                 # its problems are printed, file and line
    from game.ui.app import run as run_window
    return run_window(options_from(args))
