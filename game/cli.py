"""The command line: play by default, or a named command.

Every command is a module under `game/commands/`; this is the one place they
are registered, as argparse subcommands. `run_game.py` and the installed
`travellers-dream` script call `main`; no other module imports this one.

Exit codes: 0 fine, 1 problems found or a failure, 2 bad command line.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Optional, Sequence

from game.args import Parser
from game.commands import new, play, preview, report, schema, simulate, strings, validate

COMMANDS = {module.NAME: module for module in (
    play, validate, simulate, preview, new, schema, strings, report)}


def parser() -> argparse.ArgumentParser:
    """`run_game.py COMMAND ...`, every command a subparser (`.commands` names them)."""
    others = ", ".join(name for name in COMMANDS if name != play.NAME)
    top = Parser(prog="run_game.py", description=(
        "Traveller's Dream (Mimpi Perantau): a board game about safe labour migration. "
        f"Commands: {others} (run_game.py COMMAND --help); without one, the game starts."))
    sub = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    top.commands = sub.choices
    for name, module in COMMANDS.items():
        prog = "run_game.py" if name == play.NAME else f"run_game.py {name}"
        description = module.HELP if name != play.NAME else top.description
        command = sub.add_parser(name, prog=prog, help=module.HELP, description=description)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return top


def main(argv: Optional[Sequence[str]] = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        argv = [play.NAME] + argv        # options alone: play
    top = parser()
    args, unknown = top.parse_known_args(argv)
    if unknown:                          # said by the command's own parser, with its usage
        top.commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        return args.run(args)
    except SystemExit as stop:           # a command stopping early with its exit code
        return stop.code if isinstance(stop.code, int) else 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:              # `... | head`: the reader has gone
        sys.stderr.close()
        return 0
