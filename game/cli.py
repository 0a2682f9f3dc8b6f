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
from game.commands import (deck, guide, new, play, preview, report, schema, simulate,
                           strings, validate)

COMMANDS = {module.NAME: module for module in (
    play, validate, simulate, preview, new, schema, strings, report, guide, deck)}


def program() -> str:
    """How the user started us: `run_game.py`, or the installed or bundled
    `travellers-dream`; help and usage lines say the same."""
    name = os.path.basename(sys.argv[0] or "")
    return "run_game.py" if name in ("", "run_game.py", "-c", "pytest", "__main__.py") \
        or name.startswith("python") or name.endswith(".py") and name != "run_game.py" \
        else name.removesuffix(".exe")


def parser(lang: Optional[str] = None) -> argparse.ArgumentParser:
    """`run_game.py COMMAND ...`, every command a subparser (`.commands` names them).
    The help is in `lang` (default: the remembered language) where the words are ours;
    argparse's own ("usage:") stay as argparse says them."""
    from game.commands.author_lang import author_tr, remembered_language
    lang = lang or remembered_language()
    others = ", ".join(name for name in COMMANDS if name != play.NAME)
    prog = program()
    top = Parser(prog=prog, description=author_tr("cli_description", lang, commands=others,
                                                  prog=prog))
    sub = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    top.commands = sub.choices
    for name, module in COMMANDS.items():
        said = author_tr(f"cmd_{name}", lang) if lang != "en" else module.HELP
        description = said if name != play.NAME else top.description
        command = sub.add_parser(name, prog=prog if name == play.NAME else f"{prog} {name}",
                                 help=said, description=description)
        command.help_lang = lang  # the commands' own help in the same language
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
