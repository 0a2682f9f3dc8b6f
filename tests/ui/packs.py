"""Packs written to disk for UI tests."""
from __future__ import annotations

from pathlib import Path

PACK = """id: solo
title: "Satu bahasa"
description: "Paket dengan satu bahasa saja."
languages: [id]
start: {money: 1000, documents: [ktp]}
documents:
  - {id: ktp, name: "KTP"}
  - {id: passport, name: "Paspor"}
contacts:
  - {id: help, name: "Meja bantuan", detail: "Contoh kontak."}
outcomes:
  - {id: safe, kind: safe, title: "Pulang selamat", debrief: "Anda pulang."}
  - {id: bad, kind: unsafe, title: "Pulang berutang", debrief: "Anda berutang."}
  - id: bonded
    kind: trafficked
    title: "Terjerat utang"
    debrief: "Utang dipakai untuk memaksa."
    elements: {act: "Direkrut.", means: "Utang.", purpose: "Kerja paksa."}
"""


def card(cid, stage, route):
    long = ("Ini kartu yang sangat panjang untuk menguji tata letak. " * 9).strip()
    return f"""- id: {cid}
  stage: {stage}
  route: {route}
  title: "Kartu {cid}"
  text: "{long}"
  discuss: "Apa yang Anda lakukan?"
  choices:
    - label: "Pilihan aman yang cukup panjang untuk dua baris pada layar kecil sekali"
      safe: true
      effects: {{gain: [passport], contact: help}}
      feedback: "Bagus."
    - label: "Pilihan yang butuh paspor"
      safe: true
      requires: {{documents: [passport], money: 99999}}
      feedback: "Ya."
    - label: "Jalan pintas"
      safe: false
      effects: {{risk: 3, route: irregular}}
      feedback: "Hati-hati."
    - label: "Utang besar"
      safe: false
      effects: {{debt: 5000}}
      outcome: bonded
      feedback: "Berbahaya."
"""


def write_single_language_pack(folder: Path) -> Path:
    (folder / "cards").mkdir(parents=True)
    (folder / "pack.yaml").write_text(PACK, encoding="utf-8")
    cards = []
    for stage in ("recruitment", "documentation", "travel", "work"):
        for route in ("regular", "irregular"):
            cards.append(card(f"{stage[:3]}-{route[:3]}", stage, route))
    (folder / "cards" / "all.yaml").write_text("\n".join(cards), encoding="utf-8")
    return folder
