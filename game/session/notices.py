"""Messages for the facilitator that wait to be shown (a save set aside, settings
that could not be read, a report that could not be written).

A `Notice` keeps its key and arguments, not its words, so the screen shows it
in the language it is in when it shows it. The words are in
`localisation/session.<lang>.json`, read through `game.localise.tr`.
"""
from __future__ import annotations

import errno
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
        if args.get("errno"):   # the system's reason in plain words, where we have them
            args["error"] = tr(f"oserror.{args['errno']}", lang, ns=NAMESPACE,
                               default=args.get("error", ""))
        return tr(self.key, lang, ns=NAMESPACE, **args)

    def __str__(self) -> str:
        return self.text("en")


def error_args(exc: BaseException) -> dict[str, str]:
    """A failure's arguments for a Notice: the system's words ("error") and, for
    an OSError, its errno name, which `Notice.text` says in plain words
    ("the disk is full") instead of "[Errno 28] No space left on device"."""
    if isinstance(exc, OSError):
        return {"error": exc.strerror or str(exc),
                "errno": errno.errorcode.get(exc.errno or 0, "")}
    return {"error": str(exc)}
