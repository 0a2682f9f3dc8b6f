"""Argument helpers shared by the commands (argparse types and the parser class).

Every command's options are declared in its module under `game/commands/`;
what they have in common lives here so that no module imports the command
line itself.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional

from game.paths import SCENARIOS


class Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line message (the contract's code)."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def window_size(text: str) -> tuple[int, int]:
    """`1024x768` as (1024, 768)."""
    try:
        w, h = text.lower().split("x")
        size = int(w), int(h)
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1024x768, not {text!r}")
    if not (320 <= size[0] <= 10000 and 240 <= size[1] <= 10000):
        raise argparse.ArgumentTypeError(f"size {text} is out of range")
    return size


def player_names(text: str) -> list[str]:
    """`--players 3` (three default names) or `--players "Siti,Budi,Ani"`.

    Each name is cleaned as the setup screen cleans a typed one
    (`game.names.clean_text`): a name of only invisible characters becomes ""
    (the default name), control characters and line breaks go. Names are not
    cut here: the setup screen cuts a long one and says so."""
    from game.names import clean_text
    from game.session.settings import MAX_PLAYERS
    text = text.strip()
    if text.isdigit():
        n = int(text)
        names = [""] * n  # the UI gives default names in the session language
    else:
        # an empty part ("Siti,,Budi", a comma at the end) is no player; a part
        # with only invisible characters is a player with the default name
        names = [clean_text(n).strip() for n in text.split(",") if n.strip()]
        n = len(names)
    if not 1 <= n <= MAX_PLAYERS:
        raise argparse.ArgumentTypeError(f"a game has 1 to {MAX_PLAYERS} players or teams")
    return names


def animation_speed(text: str) -> float:
    """`--speed X`: a number in the range the remembered setting allows
    (`SPEED_RANGE`, which holds the settings screen's speeds)."""
    from game.session.settings import SPEED_RANGE
    low, high = SPEED_RANGE
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:                     # nan and inf fail too
        raise argparse.ArgumentTypeError(
            f"speed must be a number from {low:g} to {high:g} (1 is real time), not {text!r}")
    return value


def language(text: str) -> str:
    """`--lang L`: a language the screens have words for (a file
    localisation/game.L.json); any other is a usage error naming them."""
    from game.localise import languages
    codes = [code for code, _ in languages()]
    if text not in codes:
        raise argparse.ArgumentTypeError(
            f"no language {text!r}: the languages there are {', '.join(codes)}")
    return text


def pack_path_or_none(ref: str) -> Optional[Path]:
    """The folder a `--pack` names (an id under scenarios/ or a path), or None."""
    from game.content.headers import resolve_pack
    return resolve_pack(ref, SCENARIOS)


def pack_folder_or_exit(ref: str) -> Path:
    """The folder a `--pack` names; a `--pack` that names no pack is a usage
    error on every command: exit 2, saying what was tried and which packs there are."""
    path = pack_path_or_none(ref)
    if path is not None:
        return path
    from game.content.headers import find_pack_dirs
    there = ", ".join(p.name for p in find_pack_dirs(SCENARIOS)) or "none"
    from game.author_language import author_tr        # in the author's language
    print(author_tr("no_pack_named", ref=repr(ref), folder=str(SCENARIOS), there=there),
          file=sys.stderr)
    raise SystemExit(2)


def load_pack_or_report(ref: str):
    """The pack `ref` names, or None after printing its problems (stderr; the
    command then exits 1). A `ref` that names no pack exits 2 at once."""
    from game.content.validate import load_pack
    path = pack_folder_or_exit(ref)
    result = load_pack(path)
    errors = [p for p in result.problems if p.severity == "error"]
    if result.pack is None or errors:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"error: pack {ref!r} has errors; run: python run_game.py validate {path}",
              file=sys.stderr)
        return None
    return result.pack
