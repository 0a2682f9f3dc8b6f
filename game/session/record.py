"""What a session leaves for the report: each player's journey as plain data.

A `SessionRecord` is the engine's debrief (`game.engine.debrief`) reduced to
ids and numbers, so it round-trips through JSON and is kept inside every
save. A report can then be made from a save even when its pack has since
changed or is not on this computer: the texts are looked up in the pack when
it is there, and the ids are shown when it is not.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Optional

from game.content.model import Pack
from game.engine.debrief import build_debrief
from game.engine.events import GameEnded
from game.engine.log import GameLog

KINDS = ("safe", "unsafe", "trafficked", "unfinished")


@dataclass(frozen=True)
class StepRecord:
    """One card a player met, and the choice taken (None: none could be taken)."""
    turn: int
    card: str
    stage: str
    route: str
    choice: Optional[int]
    safe: Optional[bool]
    safe_choices: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlayerRecord:
    player: int
    name: str
    outcome: Optional[str]     # the pack's outcome id; None when unfinished
    kind: str                  # safe | unsafe | trafficked | unfinished
    ended: Optional[str]       # why (state.BY_*, left, stopped); None while on the way
    assisted_by: Optional[str]
    money: int
    debt: int
    risk: int
    documents: tuple[str, ...]
    contacts: tuple[str, ...]
    route: str
    turns: int
    steps: tuple[StepRecord, ...]


@dataclass(frozen=True)
class SessionRecord:
    session: str               # the session's name: its save file's stem
    pack_id: str
    pack_hash: str
    lang: str
    started: str               # ISO 8601 local time
    over: bool                 # every journey ended, or the facilitator ended the game
    stopped: bool              # the facilitator ended it early
    players: tuple[PlayerRecord, ...]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> "SessionRecord":
        """ValueError unless `data` is a record as `to_json` writes it."""
        try:
            data = _dict(data)
            players = tuple(_player(p) for p in _list(data["players"]))
            return cls(_str(data["session"]), _str(data["pack_id"]), _str(data["pack_hash"]),
                       _str(data["lang"]), _str(data["started"]), _bool(data["over"]),
                       _bool(data["stopped"]), players)
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not a session record: {exc}") from exc


def session_record(log: GameLog, pack: Pack, session: str, lang: str, started: str,
                   pack_hash: str = "") -> SessionRecord:
    """The record of the game in `log` so far."""
    game = log.game
    debrief = build_debrief(pack, game, log.all_events())
    stopped = any(isinstance(e, GameEnded) and e.stopped for e in log.events[-1])
    players = tuple(PlayerRecord(
        p.player, p.name, p.outcome.id if p.outcome else None, p.kind, p.ended, p.assisted_by,
        p.money, p.debt, p.risk, tuple(p.documents), tuple(p.contacts), p.route, p.turns,
        tuple(StepRecord(s.turn, s.card, s.stage, s.route, s.choice, s.safe,
                         tuple(s.safe_choices)) for s in p.steps))
        for p in debrief.players)
    return SessionRecord(session, pack.id, pack_hash, lang, started, game.over, stopped, players)


# -- strict readers: a record comes from a file that may have been damaged -----

def _player(data: Any) -> PlayerRecord:
    data = _dict(data)
    kind = _str(data["kind"])
    if kind not in KINDS:
        raise TypeError(f"kind {kind!r}")
    return PlayerRecord(
        _int(data["player"]), _str(data["name"]), _opt_str(data["outcome"]), kind,
        _opt_str(data["ended"]), _opt_str(data["assisted_by"]), _int(data["money"]),
        _int(data["debt"]), _int(data["risk"]), _strs(data["documents"]),
        _strs(data["contacts"]), _str(data["route"]), _int(data["turns"]),
        tuple(_step(s) for s in _list(data["steps"])))


def _step(data: Any) -> StepRecord:
    data = _dict(data)
    choice = data["choice"]
    safe = data["safe"]
    if choice is not None:
        choice = _int(choice)
    if safe is not None:
        safe = _bool(safe)
    return StepRecord(_int(data["turn"]), _str(data["card"]), _str(data["stage"]),
                      _str(data["route"]), choice, safe,
                      tuple(_int(i) for i in _list(data.get("safe_choices", []))))


def _dict(value: Any) -> dict:
    if not isinstance(value, dict):
        raise TypeError("expected a mapping")
    return value


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _opt_str(value: Any) -> Optional[str]:
    return None if value is None else _str(value)


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(_str(v) for v in _list(value))


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected a whole number")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value
