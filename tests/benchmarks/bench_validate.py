"""Benchmark: validating a pack against the floor of composing its YAML.

    python tests/benchmarks/bench_validate.py [--cards 10000] [--repeat 3] [--profile]

Generates a bilingual pack in a temporary folder (cards split into files of
500), then times `yaml.compose` with the C loader over the same files (the
floor: the C parser does the least work possible) and `load_pack`. The
target is a ratio of at most about 1.5, and under 0.5 s for 300 cards.

`load_pack` pauses the cyclic garbage collector while it loads (see
game/content/validate.py), which a bare `yaml.compose` does not; so the
figures are also given with the collector off for both, comparing the work
alone. Times are CPU seconds (time.process_time), the best of --repeat runs.

Last, it times how fast hostile files are refused (an alias bomb, a 50 MB
file, nesting deep enough to overflow the parser): each should take a few
milliseconds. tests/content/test_yaml_source.py checks that they are refused
early, by the work done; the times are here.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from game.content.validate import load_pack  # noqa: E402
from game.content.yaml_source import compose_text, read_yaml  # noqa: E402

STAGES = ("recruitment", "documentation", "travel", "work")
CARDS_PER_FILE = 500

PACK = """\
id: {pack_id}
title: {{id: "Paket besar", en: "Big pack"}}
description: {{id: "Paket untuk mengukur kecepatan.", en: "A pack to measure speed."}}
languages: [id, en]
start: {{money: 3000, documents: [ktp]}}
documents:
  - id: ktp
    name: {{id: "KTP", en: "ID card"}}
  - id: passport
    name: {{id: "Paspor", en: "Passport"}}
contacts:
  - id: sapa129
    name: {{id: "SAPA 129", en: "SAPA 129"}}
    detail: {{id: "Telepon 129.", en: "Call 129."}}
outcomes:
  - id: safe-return
    kind: safe
    title: {{id: "Pulang selamat", en: "Safe return"}}
    debrief: {{id: "Kamu mengikuti prosedur.", en: "You followed the procedure."}}
  - id: debt-bondage
    kind: trafficked
    title: {{id: "Jeratan utang", en: "Debt bondage"}}
    debrief: {{id: "Utang dipakai untuk menahanmu.", en: "Debt was used to hold you."}}
    elements:
      act: {{id: "Direkrut.", en: "Recruited."}}
      means: {{id: "Utang.", en: "Debt."}}
      purpose: {{id: "Kerja paksa.", en: "Forced labour."}}
checkpoints:
  documentation: [passport]
"""

CARD = """\
- id: card-{n}
  stage: {stage}
  route: {route}
  title: {{id: "Kartu {n}: sponsor datang ke desa", en: "Card {n}: a sponsor comes to the village"}}
  text:
    id: "Seorang sponsor menawarkan pekerjaan di luar negeri dengan gaji besar dan biaya murah. Ia meminta KTP-mu sekarang."
    en: "A sponsor offers a job abroad with a big salary and low fees. He asks for your ID card now."
  discuss: {{id: "Apa yang harus dicek dulu?", en: "What should be checked first?"}}
  choices:
    - label: {{id: "Tanya ke Disnaker dulu", en: "Ask the labour office first"}}
      safe: true
      requires: {{documents: [ktp]}}
      effects: {{money: -200, gain: [passport], contact: sapa129}}
      feedback: {{id: "Bagus: kantor resmi bisa memastikan lowongan itu benar.", en: "Good: the official office can confirm the job is real."}}
    - label: {{id: "Serahkan KTP ke sponsor", en: "Give the sponsor your ID card"}}
      safe: false
      effects: {{debt: 2000, risk: 2, set: [owes-sponsor]{route_effect}}}
      feedback: {{id: "Hati-hati: dokumenmu sekarang dipegang orang lain.", en: "Careful: someone else now holds your documents."}}
      {tail}
    - label: {{id: "Pikirkan dulu", en: "Think it over"}}
      safe: true
      feedback: {{id: "Tidak apa-apa menunda keputusan.", en: "It is fine to take your time."}}
"""


def make_pack(root: Path, cards: int, pack_id: str) -> Path:
    """Write a valid bilingual pack of `cards` cards under root/pack_id."""
    folder = root / pack_id
    (folder / "cards").mkdir(parents=True)
    (folder / "pack.yaml").write_text(PACK.format(pack_id=pack_id), encoding="utf-8")
    for first in range(0, cards, CARDS_PER_FILE):
        parts = []
        for n in range(first, min(cards, first + CARDS_PER_FILE)):
            if n % 10 == 9:
                tail = "outcome: debt-bondage"
            elif n % 10 == 3 and n + 1 < cards:
                tail = f"next: card-{n + 1}"
            else:
                tail = ""
            parts.append(CARD.format(
                n=n, stage=STAGES[n % 4], route=("regular", "any", "irregular")[n % 3],
                route_effect=", route: irregular" if n % 7 == 0 else "", tail=tail))
        name = f"cards-{first // CARDS_PER_FILE:03d}.yaml"
        (folder / "cards" / name).write_text("\n".join(parts), encoding="utf-8")
    return folder


def compose_floor(folder: Path) -> float:
    start = time.process_time()
    for path in [folder / "pack.yaml", *sorted((folder / "cards").glob("*.yaml"))]:
        yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return time.process_time() - start


def validate_time(folder: Path) -> float:
    start = time.process_time()
    result = load_pack(folder)
    elapsed = time.process_time() - start
    errors = [p for p in result.problems if p.severity == "error"]
    if errors or result.pack is None:
        raise SystemExit(f"benchmark pack has errors: {errors[:5]}")
    return elapsed


BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]"
       for i in range(9)]) + "\n"
DEEP = {
    "100 000 [": "[" * 100_000,
    "100 000 '- '": "- " * 100_000 + "x",
    "800 indented keys": "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 800)),
}


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def refusal_times(root: Path, repeat: int) -> None:
    """Print how long each kind of hostile file takes to be refused."""
    print("refused (target: a few ms each):")
    seconds = best_of(repeat, lambda: compose_text(BILLION_LAUGHS))
    print(f"  billion laughs: {seconds * 1000:.1f} ms")
    big = root / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB that was never written
    seconds = best_of(repeat, lambda: read_yaml(big))
    print(f"  50 MB file: {seconds * 1000:.1f} ms")
    for name, text in DEEP.items():
        seconds = best_of(repeat, lambda: compose_text(text))
        print(f"  nesting, {name}: {seconds * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of load_pack")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = make_pack(Path(tmp), args.cards, "big")
        small = make_pack(Path(tmp), 300, "small")
        floor = min(compose_floor(big) for _ in range(args.repeat))
        ours = min(validate_time(big) for _ in range(args.repeat))
        small_time = min(validate_time(small) for _ in range(args.repeat))
        gc.disable()
        floor_nogc = min(compose_floor(big) for _ in range(args.repeat))
        ours_nogc = min(validate_time(big) for _ in range(args.repeat))
        gc.enable()
        print(f"{args.cards} cards: yaml.compose (C loader) {floor:.3f} s, "
              f"load_pack {ours:.3f} s, ratio {ours / floor:.2f} (target <= 1.5)")
        print(f"  with the garbage collector off for both: compose {floor_nogc:.3f} s, "
              f"load_pack {ours_nogc:.3f} s, ratio {ours_nogc / floor_nogc:.2f}")
        print(f"300 cards: load_pack {small_time:.3f} s (target < 0.5)")
        refusal_times(Path(tmp), args.repeat)
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(load_pack, big)
            pstats.Stats(profile).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
