"""The scenario format as the authoring tools see it: parts, fields, kinds, help.

The parts and their fields come from the content package (`game.content.parts`:
the loader's field tables, which children each part holds, which fields are
localised, and `walk_texts` over a file's localised texts) and from the
content models (`game.content.model`: the dataclasses and the constants such
as `STAGES`), so the JSON Schema, the translation spreadsheet and the
scaffold follow the loader when it changes. What a model cannot say (that
`next` names a card, that `endings` maps ending keys to outcome ids) is
stated once, in `KINDS`. The bilingual help text of every field is in
`HELP`; a test checks that every field the loader knows has help.
"""
from __future__ import annotations

import dataclasses
import typing
from typing import Optional

from game.content import model
from game.content.parts import CHILDREN, PARTS, text_fields
from game.content.parts import TextField, walk_texts  # noqa: F401  (the authoring tools' names)

# What a value means where the Python type alone does not say it.
# kind: text | int | number | bool | enum | enums | id | ref | refs | pack-id | languages |
#       checkpoints | endings | image | part
KINDS: dict[tuple[str, str], tuple[str, object]] = {
    ("pack", "id"): ("pack-id", None),
    ("pack", "languages"): ("languages", None),
    ("pack", "checkpoints"): ("checkpoints", None),
    ("pack", "endings"): ("endings", None),
    ("pack", "max_turns"): ("int", 1),
    ("start", "money"): ("int", 0),
    ("start", "documents"): ("refs", "document"),
    ("document", "id"): ("id", "document"),
    ("contact", "id"): ("id", "contact"),
    ("outcome", "id"): ("id", "outcome"),
    ("outcome", "kind"): ("enum", model.OUTCOME_KINDS),
    ("card", "id"): ("id", "card"),
    ("card", "stage"): ("enum", model.STAGES),
    ("card", "route"): ("enum", model.CARD_ROUTES),
    ("card", "image"): ("image", None),
    ("card", "weight"): ("number", 0),
    ("card", "shows"): ("enums", model.ELEMENTS),
    ("choice", "next"): ("ref", "card"),
    ("choice", "outcome"): ("ref", "outcome"),
    ("requires", "documents"): ("refs", "document"),
    ("requires", "flags"): ("refs", "flag"),
    ("requires", "money"): ("int", None),
    ("effects", "gain"): ("refs", "document"),
    ("effects", "lose"): ("refs", "document"),
    ("effects", "set"): ("refs", "flag"),
    ("effects", "clear"): ("refs", "flag"),
    ("effects", "contact"): ("ref", "contact"),
    ("effects", "route"): ("enum", model.ROUTES),
    ("effects", "skip"): ("int", 0),
}


def kind_of(part: str, name: str) -> tuple[str, object]:
    """(kind, detail) of a field: see KINDS; other kinds come from the model's types."""
    if (part, name) in CHILDREN:
        return "part", CHILDREN[(part, name)]
    if (part, name) in KINDS:
        return KINDS[(part, name)]
    if name in text_fields(part):
        return "text", None
    hint = _hints(PARTS[part].model)[name]
    if hint in (bool, Optional[bool]):
        return "bool", None
    if hint in (int, Optional[int]):
        return "int", None
    if hint in (float, Optional[float]):
        return "number", None
    raise LookupError(f"the authoring tools do not know what {part}.{name} holds "
                      f"({hint}); add it to game/authoring/fields.py KINDS")


def _hints(cls: type) -> dict:
    cache = _HINTS.get(cls)
    if cache is None:
        cache = _HINTS[cls] = typing.get_type_hints(cls)
    return cache


_HINTS: dict[type, dict] = {}


def model_fields(part: str) -> set[str]:
    return {f.name for f in dataclasses.fields(PARTS[part].model)}


# -- help shown by editors (JSON Schema descriptions) ----------------------------
# (Bahasa Indonesia, English) for every part and every field.

HELP: dict[tuple[str, str], tuple[str, str]] = {
    # parts
    ("pack", ""): (
        "pack.yaml: satu per paket. Judul, bahasa, modal awal, dokumen, kontak bantuan dan "
        "akhir perjalanan.",
        "pack.yaml: one per pack. Title, languages, starting state, documents, help "
        "contacts and how journeys end."),
    ("cards", ""): (
        "File kartu: daftar kartu. Setiap kartu dimulai dengan '- id:'.",
        "A card file: a list of cards. Each card starts with '- id:'."),
    ("start", ""): ("Keadaan awal setiap pemain.", "Every player's starting state."),
    ("document", ""): ("Dokumen yang bisa diberikan, diambil atau diminta kartu.",
                       "A document cards may give, take or require."),
    ("contact", ""): ("Kontak bantuan yang bisa dipelajari pemain.",
                      "A help contact a player can learn."),
    ("outcome", ""): ("Satu cara perjalanan berakhir.", "One way a journey can end."),
    ("elements", ""): (
        "Tiga unsur perdagangan orang untuk akhir ini: proses (act), cara (means), "
        "tujuan (purpose).",
        "The three elements of trafficking for this outcome: act, means, purpose."),
    ("glossary entry", ""): (
        "Satu kata di glosarium: istilah dan artinya dalam kata-kata sederhana.",
        "One glossary entry: a term and its meaning in plain words."),
    ("card", ""): ("Satu kartu skenario.", "One scenario card."),
    ("choice", ""): ("Satu pilihan pada kartu.", "One choice on a card."),
    ("requires", ""): (
        "Pilihan ini hanya bisa dipilih kalau semua syarat terpenuhi.",
        "The choice is offered only if all of these hold."),
    ("effects", ""): ("Apa yang berubah kalau pilihan ini diambil. Semua boleh dikosongkan.",
                      "What changes when this choice is taken. All optional."),
    # pack.yaml
    ("pack", "id"): (
        "Nama paket: huruf kecil, angka dan '-'. Harus sama dengan nama foldernya.",
        "The pack's id: lowercase letters, digits and '-'. Must equal its folder name."),
    ("pack", "title"): ("Judul paket, tampil di menu.", "The pack's title, shown in the menu."),
    ("pack", "description"): ("Satu-dua kalimat tentang paket ini.",
                              "A sentence or two about the pack."),
    ("pack", "languages"): (
        "Bahasa paket, misalnya [id, en]. Yang pertama adalah bahasa utama. Setiap teks "
        "harus ada dalam semua bahasa ini.",
        "The pack's languages, like [id, en]. The first is the default. Every text must "
        "be given in all of them."),
    ("pack", "start"): ("Keadaan awal setiap pemain: uang dan dokumen.",
                        "Every player's starting state: money and documents."),
    ("pack", "documents"): ("Daftar dokumen yang dipakai kartu.",
                            "The documents cards may give, take or require."),
    ("pack", "contacts"): ("Daftar kontak bantuan. Hanya nomor resmi yang bersumber.",
                           "The help contacts. Only sourced, official numbers."),
    ("pack", "outcomes"): (
        "Cara-cara perjalanan berakhir. Minimal satu 'safe' dan satu 'trafficked'.",
        "How journeys can end. At least one 'safe' and one 'trafficked'."),
    ("pack", "checkpoints"): (
        "Dokumen yang wajib dipegang di jalur resmi untuk meninggalkan tahap itu, "
        "misalnya documentation: [passport].",
        "Documents a player on the regular route must hold to leave that stage, "
        "like documentation: [passport]."),
    ("pack", "max_turns"): (
        "Perjalanan yang masih berjalan setelah sekian giliran berakhir di 'home-unsafe' "
        "(bawaan: 100).",
        "A journey still going after this many turns ends in 'home-unsafe' (default 100)."),
    ("pack", "endings"): (
        "Akhir yang dipakai papan: home, home-unsafe, risk, assisted. Isi dengan id sebuah "
        "outcome. 'risk' sebaiknya outcome unsafe; 'assisted' harus outcome trafficked "
        "(diperdagangkan, lalu dibantu).",
        "The outcomes the board itself ends in: home, home-unsafe, risk, assisted. Give "
        "outcome ids. 'risk' should be an unsafe outcome; 'assisted' must be a trafficked "
        "one (trafficked, then assisted)."),
    ("pack", "glossary"): (
        "Glosarium: kata yang mungkin belum dikenal peserta (singkatan seperti LTSA, istilah "
        "hukum). Artinya tampil di samping teks di mana pun kata itu muncul.",
        "Glossary: words a trainee may not know (acronyms such as LTSA, legal terms). The "
        "meaning is shown beside every text where the word appears."),
    ("glossary entry", "term"): (
        "Kata atau singkatan, dalam setiap bahasa paket (misalnya LTSA).",
        "The word or acronym, in each language of the pack (like LTSA)."),
    ("glossary entry", "meaning"): (
        "Artinya, dalam kata-kata sederhana.", "What it means, in plain words."),
    ("start", "money"): (
        "Uang awal, dalam ribuan rupiah (3000 = Rp 3 juta). Angka permainan saja.",
        "Starting money, in thousands of rupiah (3000 = Rp 3 juta). A game amount only."),
    ("start", "documents"): ("Dokumen yang dipegang setiap pemain sejak awal, misalnya [ktp].",
                             "Documents every player holds at the start, like [ktp]."),
    ("document", "id"): ("Nama pendek dokumen, dipakai kartu (misalnya passport).",
                         "The document's short name that cards use (like passport)."),
    ("document", "name"): ("Nama dokumen yang dilihat pemain.",
                           "The document's name as players see it."),
    ("contact", "id"): ("Nama pendek kontak, dipakai di effects.contact.",
                        "The contact's short name, used by effects.contact."),
    ("contact", "name"): ("Nama layanan bantuan.", "The help service's name."),
    ("contact", "detail"): (
        "Cara menghubungi. Hanya nomor resmi yang bersumber; catat sumbernya di SOURCES.md.",
        "How to reach it. Only sourced official numbers; list the source in SOURCES.md."),
    ("outcome", "id"): ("Nama pendek akhir ini, dipakai di 'outcome:' dan 'endings'.",
                        "The outcome's short name, used by 'outcome:' and 'endings'."),
    ("outcome", "kind"): (
        "safe (aman), unsafe (tidak aman) atau trafficked (diperdagangkan).",
        "safe, unsafe or trafficked."),
    ("outcome", "title"): ("Judul akhir ini di debrief.", "The outcome's title in the debrief."),
    ("outcome", "debrief"): (
        "Penjelasan untuk kelas: apa yang terjadi dan kenapa. Jangan menyalahkan korban.",
        "What happened and why, for the class. Never blame the victim."),
    ("outcome", "elements"): (
        "Wajib untuk kind: trafficked. Tiga unsur: act, means, purpose.",
        "Required for kind: trafficked. The three elements: act, means, purpose."),
    ("elements", "act"): ("Proses: apa yang dilakukan (merekrut, membawa, menampung ...).",
                          "Act: what was done (recruiting, moving, harbouring ...)."),
    ("elements", "means"): ("Cara: bagaimana (penipuan, jeratan utang, ancaman ...).",
                            "Means: how (deception, debt bondage, threats ...)."),
    ("elements", "purpose"): ("Tujuan: eksploitasi apa (kerja paksa, eksploitasi seksual ...).",
                              "Purpose: what exploitation (forced labour, sexual "
                              "exploitation ...)."),
    # cards
    ("card", "id"): ("Nama pendek kartu, unik dalam paket (misalnya rec-sponsor-visit).",
                     "The card's short name, unique in the pack (like rec-sponsor-visit)."),
    ("card", "stage"): ("Tahap: recruitment, documentation, travel atau work.",
                        "Stage: recruitment, documentation, travel or work."),
    ("card", "route"): (
        "Jalur: regular (resmi), irregular (tidak resmi) atau any (keduanya, bawaan).",
        "Route: regular, irregular or any (both; the default)."),
    ("card", "title"): ("Judul kartu, pendek.", "The card's title, short."),
    ("card", "text"): ("Cerita kartu. Kalimat pendek, paling banyak 60 kata.",
                       "The card's story. Short sentences, at most 60 words."),
    ("card", "image"): ("Gambar (opsional): nama file di folder assets/ paket.",
                        "Optional picture: a file name in the pack's assets/ folder."),
    ("card", "discuss"): ("Pertanyaan diskusi untuk fasilitator (opsional).",
                          "Optional question for the facilitator to discuss."),
    ("card", "weight"): (
        "Seberapa sering kartu ditarik (bawaan 1; 2 = dua kali lebih sering; 0 = hanya "
        "lewat 'next').",
        "How often the card is drawn (default 1; 2 = twice as often; 0 = only via 'next')."),
    ("card", "shows"): (
        "Unsur perdagangan orang yang sudah terlihat dalam situasi kartu ini: act (proses), "
        "means (cara), purpose (tujuan). Setelah kartu dengan act dan means, perjalanan itu "
        "tidak pernah lagi berakhir 'safe' atau 'unsafe'.",
        "The elements of trafficking this card's situation already shows: act, means, "
        "purpose. After a card with both act and means, the journey can never end 'safe' "
        "or 'unsafe'."),
    ("card", "crisis"): (
        "true: kartu krisis, hanya ditarik ketika risiko pemain mencapai 10.",
        "true: a crisis card, drawn only when the player's risk has reached 10."),
    ("card", "choices"): ("1 sampai 4 pilihan.", "1 to 4 choices."),
    ("choice", "label"): ("Tulisan pada tombol pilihan, paling banyak 10 kata.",
                          "The choice's button text, at most 10 words."),
    ("choice", "safe"): (
        "true kalau ini pilihan aman sesuai prosedur, false kalau jalan pintas. Boleh "
        "dikosongkan kalau coerced: true.",
        "true if this is the safe, procedural choice; false for a shortcut. May be left "
        "out when coerced: true."),
    ("choice", "coerced"): (
        "true: tidak ada pilihan sebenarnya (ancaman, paksaan, utang). Debrief menunjukkannya "
        "sebagai hal yang dilakukan kepada pemain, bukan kesalahannya. Tidak boleh bersama "
        "safe: true.",
        "true: no real choice (threat, force, debt). The debrief shows it as done to the "
        "player, never as their mistake. Not together with safe: true."),
    ("choice", "requires"): ("Syarat agar pilihan ini bisa dipilih (opsional).",
                             "Optional: what the player needs for this choice."),
    ("choice", "effects"): ("Akibat pilihan ini (opsional).",
                            "Optional: what this choice changes."),
    ("choice", "feedback"): ("Tampil setelah memilih: apa yang terjadi dan kenapa.",
                             "Shown right after the choice: what happened and why."),
    ("choice", "next"): ("id kartu yang langsung muncul setelah pilihan ini (opsional).",
                         "Optional: the id of a card shown at once after this choice."),
    ("choice", "outcome"): (
        "id akhir: perjalanan selesai di sini (opsional; tidak boleh bersama 'next').",
        "Optional: an outcome id; the journey ends here (not together with 'next')."),
    ("requires", "documents"): ("Dokumen yang harus dipegang.", "Documents the player must hold."),
    ("requires", "flags"): ("Tanda (flag) yang harus sudah dipasang oleh effects.set.",
                            "Flags that effects.set must have set."),
    ("requires", "money"): ("Uang minimal.", "At least this much money."),
    ("effects", "money"): ("Tambah uang (negatif: bayar). Kalau uang kurang, sisanya jadi "
                           "utang.",
                           "Add money (negative: pay). Paying more than you have adds debt."),
    ("effects", "debt"): ("Tambah utang (negatif: mengurangi utang, tidak pernah di bawah 0).",
                          "Add debt (negative: pay it off; never below 0)."),
    ("effects", "risk"): ("Tambah kerentanan (0 sampai 10). Di 10 pemain menarik kartu "
                          "krisis (crisis); tanpa kartu krisis perjalanan berakhir di "
                          "ending 'risk'.",
                          "Add vulnerability (0 to 10). At 10 the player draws a crisis "
                          "card; without one the journey ends (the 'risk' ending)."),
    ("effects", "gain"): ("Dokumen yang diterima.", "Documents received."),
    ("effects", "lose"): ("Dokumen yang hilang atau diambil.", "Documents lost or taken."),
    ("effects", "set"): ("Pasang tanda (flag) untuk diingat, misalnya owes-sponsor.",
                         "Flags to set, to remember something (like owes-sponsor)."),
    ("effects", "clear"): ("Hapus tanda (flag).", "Flags to clear."),
    ("effects", "contact"): ("Kontak bantuan yang dipelajari (id dari contacts).",
                             "A help contact learned (an id from contacts)."),
    ("effects", "move"): ("Maju (+) atau mundur (-) sekian petak.",
                          "Move this many spaces forward (+) or back (-)."),
    ("effects", "route"): ("Pindah jalur: regular atau irregular.",
                           "Switch route: regular or irregular."),
    ("effects", "skip"): ("Kehilangan sekian giliran.", "Turns lost."),
}


def help_text(part: str, name: str = "") -> str:
    """The field's help for editors: Bahasa Indonesia, then English."""
    id_text, en_text = HELP[(part, name)]
    return f"{id_text}\n\n{en_text}"
