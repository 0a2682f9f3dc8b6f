"""Packs and games for the session tests: a pack with every kind of ending, a
driver that plays random (but legal) actions, and the same pack as files."""
from __future__ import annotations

import dataclasses
import random
from pathlib import Path
from typing import Optional

import yaml

from game.content.model import Requires
from game.engine.actions import Choose, EndGame, RemovePlayer, Roll, SkipTurn
from game.engine.log import GameLog
from game.engine.rules import Rules
from game.engine.state import CARD
from tests.engine.packs import card, choice, make_pack, t


def rich_pack(max_turns: Optional[int] = 14, **changes):
    """make_pack plus cards that lead to every kind of ending, a `next`, a
    `requires` and a checkpoint."""
    cards = [
        dataclasses.replace(card("rec-offer", "recruitment", "regular", [
            choice(True, contact="sapa"),
            choice(False, next="rec-pay", route="irregular", debt=300, risk=2),
        ], weight=3), discuss=t("Why would a sponsor pay?")),
        card("rec-pay", "recruitment", "irregular", [
            choice(False, outcome="bonded"), choice(True, money=-50)], weight=0),
        dataclasses.replace(card("doc-passport", "documentation", "regular", [
            choice(True, money=-30, gain=("passport",)), choice(False, risk=4),
        ], weight=3), discuss=t("Who should keep your passport?")),
        card("work-wage", "work", "any", [
            choice(True, outcome="safe-return", requires=Requires(documents=("passport",))),
            choice(False, outcome="in-debt"), choice(False, risk=5)], weight=2),
    ]
    return make_pack(cards, checkpoints={"documentation": ("passport",)}, max_turns=max_turns,
                     **changes)


def random_action(log: GameLog, rng: random.Random, facilitator: bool = True):
    """A legal action for the game in `log` (or "undo")."""
    game = log.game
    roll = rng.random()
    if facilitator and log.can_undo() and roll < 0.04:
        return "undo"
    if facilitator and roll < 0.06:
        return SkipTurn()
    if facilitator and roll < 0.075:
        active = [j.player for j in game.journeys if j.active]
        return RemovePlayer(rng.choice(active))
    if facilitator and roll < 0.08:
        return EndGame()
    if game.phase == CARD:
        return Choose(rng.choice(log.rules.offered(game)))
    return Roll()


def step(log: GameLog, action) -> None:
    if action == "undo":
        log.undo()
    else:
        events = log.apply(action)
        assert events and events[0].type != "rejected", events


def play(rules: Rules, names=("Siti", "Budi"), seed: int = 1, rng_seed: int = 1,
         facilitator: bool = False, limit: int = 10_000) -> GameLog:
    """A game played to its end."""
    log = GameLog(rules, names, seed)
    rng = random.Random(rng_seed)
    while not log.game.over and limit:
        step(log, random_action(log, rng, facilitator))
        limit -= 1
    return log


# -- the same kind of pack as files, for what needs a pack folder ----------------------

def _t(text: str) -> dict:
    return {"id": f"{text} (id)", "en": text}


def pack_files(pack_id: str = "tiny") -> dict[str, object]:
    return {
        "pack.yaml": {
            "id": pack_id, "title": {"id": "Paket Kecil", "en": "Tiny Pack"},
            "description": _t("A pack for the session tests"), "languages": ["id", "en"],
            "start": {"money": 1000, "documents": ["ktp"]},
            "documents": [{"id": "ktp", "name": _t("ID card")},
                          {"id": "passport", "name": _t("Passport")}],
            "contacts": [{"id": "sapa129", "name": _t("SAPA 129"),
                          "detail": _t("Call 129")}],
            "outcomes": [
                {"id": "safe-return", "kind": "safe", "title": _t("Safe"),
                 "debrief": _t("Well done")},
                {"id": "in-debt", "kind": "unsafe", "title": _t("In debt"),
                 "debrief": _t("Debt grew")},
                {"id": "bonded", "kind": "trafficked", "title": _t("Bonded"),
                 "debrief": _t("Held by debt"),
                 "elements": {"act": _t("Recruited"), "means": _t("Debt"),
                              "purpose": _t("Forced labour")}},
            ],
            "max_turns": 12,
        },
        "cards/all.yaml": [
            {"id": f"{stage}-card", "stage": stage, "title": _t(f"{stage} card"),
             "text": _t(f"Something happens in {stage}"),
             "discuss": _t(f"What would you do in {stage}?"),
             "choices": [
                 {"label": _t("Ask the office"), "safe": True,
                  "effects": {"contact": "sapa129"}, "feedback": _t("Good")},
                 {"label": _t("Take the shortcut"), "safe": False,
                  "effects": {"risk": 3, "debt": 200}, "feedback": _t("Risky")},
             ] + ([{"label": _t("Give up your passport"), "safe": False,
                    "outcome": "bonded", "feedback": _t("Trapped")}]
                  if stage == "work" else [])}
            for stage in ("recruitment", "documentation", "travel", "work")
        ],
    }


def write_pack(folder: Path, pack_id: str = "tiny", files: Optional[dict] = None) -> Path:
    """Write a pack to `folder/pack_id`; its folder."""
    root = Path(folder) / pack_id
    for name, data in (files or pack_files(pack_id)).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
    return root
