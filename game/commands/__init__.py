"""The commands of `run_game.py`, one module each.

Every module here has the same three names, and `game.cli` registers them all
in one place as argparse subcommands:

    NAME = "validate"                  # the word after run_game.py ("play" is the default)
    HELP = "one line for run_game.py --help"
    def add_arguments(parser) -> None  # the command's options, on a game.args.Parser
    def run(args) -> int               # the exit code: 0 fine, 1 problems found, 2 bad usage

A command module is imported at every start, so it imports nothing heavy at
module level (no pygame, no yaml): `run` imports what the command drives.
"""
