"""Bots and policies: simulated games are bots calling `Rules.apply`.

Used by `run_game.py simulate`, by the balance report
(`game.authoring.balance`) and by `--autoplay` (`bot_choice`). A policy picks
among the choices the rules offer; nothing here knows a rule.
"""
from __future__ import annotations

import random
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from game.content.model import Card, Pack
from game.engine.actions import Choose, Roll
from game.engine.events import CardDrawn, Chose, JourneyEnded
from game.engine.rules import Rules
from game.engine.state import CARD

POLICIES = ("random", "safe", "risky")

Policy = Callable[[Card, Sequence[int], random.Random], int]


def _random(card: Card, offered: Sequence[int], rng: random.Random) -> int:
    return offered[int(rng.random() * len(offered))]


def _preferring(safe: bool) -> Policy:
    def choose(card: Card, offered: Sequence[int], rng: random.Random) -> int:
        preferred = [i for i in offered if card.choices[i].safe is safe]
        return _random(card, preferred or offered, rng)
    return choose


POLICY: dict[str, Policy] = {
    "random": _random, "safe": _preferring(True), "risky": _preferring(False)}


def bot_choice(rules: Rules, game, policy: str, rng: random.Random) -> int:
    """The index of the choice a bot with `policy` takes on the card on show."""
    card = rules.card_on_show(game)
    return POLICY[policy](card, rules.offered(game), rng)


@dataclass
class JourneyRecord:
    outcome: str
    kind: str
    turns: int
    assisted: bool
    reason: str = ""   # why it ended (game.engine.state.BY_*)
    path: tuple[tuple[str, int], ...] = ()  # (card id, choice index), kept with keep_paths


@dataclass
class GameRecord:
    """What one simulated game adds up to, beyond its journeys."""
    rounds: int = 0          # rounds the class played (the longest journey's turns)
    crisis_draws: int = 0    # crisis cards drawn at risk 10
    coerced: int = 0         # coerced choices (done to a player, not chosen)


def play_game(rules: Rules, players: int, seed: int, policy: str,
              rng: random.Random, keep_paths: bool = False,
              record: "GameRecord | None" = None) -> tuple[list[JourneyRecord], Counter]:
    """Play one game to its end; the journeys' records and the cards drawn
    (`record`, when given, is filled with the game's rounds, crisis draws and
    coerced choices)."""
    game, _ = rules.new_game([f"P{i + 1}" for i in range(players)], seed)
    choose = POLICY[policy]
    drawn: Counter = Counter()
    paths: list[list[tuple[str, int]]] = [[] for _ in range(players)]
    records: dict[int, JourneyRecord] = {}
    roll, apply = Roll(), rules.apply
    while not game.over:
        if game.phase == CARD:
            card = rules.card_on_show(game)
            action = Choose(choose(card, rules.offered(game), rng))
        else:
            action = roll
        game, events = apply(game, action)
        for event in events:
            kind = type(event)
            if kind is CardDrawn:
                drawn[event.card] += 1
                if record is not None and event.via == "crisis":
                    record.crisis_draws += 1
            elif kind is Chose:
                if keep_paths:
                    paths[event.player].append((event.card, event.choice))
                if record is not None and event.coerced:
                    record.coerced += 1
            elif kind is JourneyEnded:
                records[event.player] = JourneyRecord(
                    event.outcome, event.kind, game.journeys[event.player].turns,
                    event.assisted, event.reason, tuple(paths[event.player]))
    if record is not None:
        record.rounds = max(j.turns for j in game.journeys)
    return [records[i] for i in range(players)], drawn


def simulate(pack: Pack, games: int, seed: int = 1, players: int = 1,
             policy: str = "random", length: str = "full") -> dict:
    """What `simulate --json` prints: pack, games, seed, policy, players, length;
    journeys (games x players); outcomes and kinds, each adding up to the
    journeys; turns per journey (mean, median, max); rounds per game (median,
    max: the longest journey of each game); assisted (trafficked journeys that
    were then helped); crisis_draws and coerced (per journey, mean);
    cards_never_drawn. Same seed, same summary."""
    if policy not in POLICY:
        raise ValueError(f"unknown policy {policy!r}; use one of {', '.join(POLICIES)}")
    rules = Rules(pack, length)
    rng = random.Random(seed)
    outcomes: Counter = Counter()
    kinds: Counter = Counter({"safe": 0, "unsafe": 0, "trafficked": 0})
    drawn: Counter = Counter()
    turns: list[int] = []
    rounds: list[int] = []
    crisis = coerced = 0
    assisted = 0
    for _ in range(games):
        game_record = GameRecord()
        records, seen = play_game(rules, players, rng.getrandbits(63), policy, rng,
                                  record=game_record)
        drawn.update(seen)
        rounds.append(game_record.rounds)
        crisis += game_record.crisis_draws
        coerced += game_record.coerced
        for record in records:
            outcomes[record.outcome] += 1
            kinds[record.kind] += 1
            turns.append(record.turns)
            assisted += record.assisted
    return {
        "pack": pack.id, "games": games, "seed": seed, "policy": policy,
        "players": players, "length": length, "journeys": games * players,
        "outcomes": dict(sorted(outcomes.items())),
        "kinds": dict(kinds),
        "turns": {"mean": round(statistics.fmean(turns), 2) if turns else 0,
                  "median": statistics.median(turns) if turns else 0,
                  "max": max(turns, default=0)},
        "rounds": {"median": statistics.median(rounds) if rounds else 0,
                   "max": max(rounds, default=0)},
        "assisted": assisted,
        "crisis_draws": round(crisis / max(1, games * players), 3),
        "coerced": round(coerced / max(1, games * players), 3),
        "cards_never_drawn": sorted(c.id for c in pack.cards if not drawn[c.id]),
    }
