"""The comments `new` writes into a pack, in Bahasa Indonesia.

The scaffold's templates (game.authoring.scaffold) are written with English
comments; for an author whose language is id, each comment is replaced by its
line here (the YAML itself, field names and values, stays as it is). A
comment that is not in this table stays in English, and a test checks that
none is missing.
"""
from __future__ import annotations

import re

COMMENTS_ID = {
    'Pack "{pack_id}", made by: python run_game.py new {pack_id}':
        'Paket "{pack_id}", dibuat dengan: python run_game.py new {pack_id}',
    "The authoring guide explains every field: scenarios/README.id.md (Bahasa Indonesia)":
        "Panduan penulis menjelaskan setiap bagian: scenarios/README.id.md (Bahasa Indonesia)",
    "or scenarios/README.md (English). Check your work with:":
        "atau scenarios/README.md (English). Periksa pekerjaan Anda dengan:",
    "Replace every text marked GANTI / REPLACE: `validate` lists each one until it":
        "Ganti setiap teks yang bertanda GANTI / REPLACE: `validate` menyebut masing-masing",
    "is gone. Facts (laws, fees, phone numbers, numbers of victims) go on cards":
        "sampai semuanya hilang. Fakta (undang-undang, biaya, nomor telepon, jumlah korban)",
    "only with a source listed in SOURCES.md.":
        "masuk ke kartu hanya dengan sumber yang dicatat di SOURCES.md.",
    "must equal the folder name": "harus sama dengan nama folder",
    "the first one is the pack's main language": "yang pertama adalah bahasa utama paket",
    "every player's starting state": "keadaan awal setiap pemain",
    "game money, in thousands of rupiah; not a real cost":
        "uang permainan, dalam ribuan rupiah; bukan biaya sebenarnya",
    "cards give (gain), take (lose) or require these":
        "kartu memberi (gain), mengambil (lose) atau meminta dokumen ini",
    "help a player can learn (effects: contact); list the":
        "bantuan yang bisa diketahui pemain (effects: contact); catat",
    "source of each number in SOURCES.md": "sumber setiap nomor di SOURCES.md",
    "how a journey can end: safe | unsafe | trafficked":
        "cara perjalanan bisa berakhir: safe | unsafe | trafficked",
    "required for kind: trafficked": "wajib untuk kind: trafficked",
    '"trafficked, then assisted": never safe':
        '"diperdagangkan, lalu dibantu": tidak pernah safe',
    "documents needed to leave a stage on the regular route":
        "dokumen yang perlu dimiliki untuk meninggalkan tahap di jalur resmi",
    "a journey still going after 60 turns ends in home-unsafe":
        "perjalanan yang belum selesai setelah 60 giliran berakhir di home-unsafe",
    "how the board itself ends a journey": "cara papan sendiri mengakhiri perjalanan",
    "reached home on the regular route, money >= debt":
        "sampai di rumah lewat jalur resmi, uang >= utang",
    "reached home any other way": "sampai di rumah dengan cara lain",
    "risk reached 10 and the stage has no crisis card":
        "risiko mencapai 10 dan tahap itu tidak punya kartu krisis",
    "would end safe, after a card that shows act and means":
        "akan berakhir safe, setelah kartu yang menunjukkan act dan means",
    "words a trainee may not know (acronyms, legal terms);":
        "kata yang mungkin belum dikenal peserta (singkatan, istilah hukum);",
    "the game shows the meaning beside every text using them":
        "game menampilkan artinya di samping setiap teks yang memakainya",
    "Stage 1: recruitment. One card for the regular (official) route and one for":
        "Tahap 1: perekrutan (recruitment). Satu kartu untuk jalur resmi (regular) dan satu",
    "the irregular route. A card with no `route:` can be drawn on both.":
        "untuk jalur tidak resmi (irregular). Kartu tanpa `route:` bisa muncul di keduanya.",
    "optional: a question for the facilitator": "boleh ada: pertanyaan untuk fasilitator",
    "1 to 4 choices": "1 sampai 4 pilihan",
    "the safe, procedural choice": "pilihan yang aman, sesuai prosedur",
    "the shortcut": "jalan pintas",
    "moves the player to the irregular route": "memindahkan pemain ke jalur tidak resmi",
    "back to the regular route": "kembali ke jalur resmi",
    "Stage 2: documentation. pack.yaml's `checkpoints` says a player on the":
        "Tahap 2: dokumen (documentation). `checkpoints` di pack.yaml menyebut bahwa pemain",
    "regular route needs a passport to leave this stage.":
        "di jalur resmi perlu paspor untuk meninggalkan tahap ini.",
    "offered only if the player has these": "hanya ditawarkan kalau pemain memiliki ini",
    "skip: turns lost": "skip: giliran yang hilang",
    "Stage 3: travel. The last card is a crisis card: it is drawn only when a":
        "Tahap 3: perjalanan (travel). Kartu terakhir adalah kartu krisis: baru diambil",
    "player's risk has reached 10.": "kalau risiko pemain sudah mencapai 10.",
    "move: spaces forward (+) or back (-)": "move: maju (+) atau mundur (-) sekian kotak",
    "drawn only when the player's risk has reached 10":
        "hanya diambil kalau risiko pemain sudah mencapai 10",
    "the elements of trafficking this situation shows:":
        "unsur perdagangan orang yang tampak dalam situasi ini:",
    "after it, the journey never ends safe or unsafe":
        "setelah itu, perjalanan tidak pernah berakhir safe atau unsafe",
    "no real choice: shown as done to the player, never as":
        "bukan pilihan sungguhan: ditampilkan sebagai hal yang dipaksakan",
    "their mistake (`safe` is then left out)":
        "kepada pemain, bukan kesalahannya (`safe` tidak ditulis)",
    "Stage 4: work abroad, then home.": "Tahap 4: bekerja di luar negeri (work), lalu pulang.",
    "the journey ends here, in this outcome": "perjalanan berakhir di sini, di akhir cerita ini",
}

# a comment: '#' at the start of a line or after a space, to the end of the line
# (the templates have no '#' inside a quoted text)
COMMENT = re.compile(r"(?P<before>^|\s)#(?P<space> ?)(?P<text>.*)$")


def comments(template: str) -> list[str]:
    """The text of every comment in a template, in order."""
    found = []
    for line in template.splitlines():
        match = COMMENT.search(line)
        if match and not match["text"].startswith("yaml-language-server"):
            found.append(match["text"])
    return found


def in_language(template: str, lang: str) -> str:
    """The template with its comments in `lang` (en: as written)."""
    if lang != "id":
        return template
    out = []
    for line in template.splitlines(True):
        match = COMMENT.search(line)
        text = match["text"].rstrip("\n") if match else ""
        if match and text in COMMENTS_ID:
            end = "\n" if line.endswith("\n") else ""
            line = line[:match.start("text")] + COMMENTS_ID[text] + end
        out.append(line)
    return "".join(out)
