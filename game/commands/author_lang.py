"""The language the authoring commands speak: `--lang id|en`, else the remembered one.

`validate`, `strings`, `new` and `simulate` say their messages, hints and
summaries in the author's language (localisation/author.<lang>.json): the
`--lang` given, else the language remembered in the settings (the one the
game was last played in), else Bahasa Indonesia. `--help` uses the remembered
one too, as it is shown before any option is read.
"""
from __future__ import annotations

import argparse
from game.author_language import (  # noqa: F401 - the commands take them from here
    NAMESPACE, author_languages, author_tr, remembered_language)


def help_language(p: argparse.ArgumentParser) -> str:
    """The language of a parser's help: set by the command line when it built it."""
    return getattr(p, "help_lang", None) or remembered_language()


def add_lang_argument(p: argparse.ArgumentParser) -> None:
    """`--lang id|en`: the language of the command's messages."""
    p.add_argument("--lang", choices=author_languages(), default=None,
                   help=author_tr("help_lang", help_language(p)))


def language_of(args: argparse.Namespace) -> str:
    """The `--lang` given, else the remembered language, else id."""
    return getattr(args, "lang", None) or remembered_language()


