"""Messages for the facilitator that wait to be shown (a save set aside, settings
that could not be read, a report that could not be written).

A `Notice` keeps its key and arguments, not its words, so the screen shows it
in the language it is in when it shows it. The words are in
`localisation/session.<lang>.json`, read through `game.localise.tr`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from game.localise import tr

NAMESPACE = "session"


@dataclass(frozen=True)
class Notice:
    """A message by its key; `why`, when among the arguments, is itself a key
    (`why.*`) and is put into words too."""
    key: str
    args: Mapping[str, str] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        args = dict(self.args)
        if "why" in args:
            args["why"] = tr(f"why.{args['why']}", lang, ns=NAMESPACE)
        return tr(self.key, lang, ns=NAMESPACE, **args)

    def __str__(self) -> str:
        return self.text("en")
