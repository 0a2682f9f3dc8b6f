#!/usr/bin/env python3
"""Traveller's Dream (Mimpi Perantau): start the game or one of its commands.

    python run_game.py            play
    python run_game.py --help     every option and command
"""
import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
