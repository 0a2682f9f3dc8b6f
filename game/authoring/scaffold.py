"""A new pack to start from (the `new` command writes it).

The pack has every block of pack.yaml and one card per stage and route, and
uses every part of format version 2 (a glossary, endings.assisted, a crisis
card that `shows` the act and the means, a `coerced` choice); each file is
commented so an author can learn the format by changing it. It states no
real law, fee, phone number or statistic: the texts an author must replace
start with the placeholders GANTI / REPLACE (game.content.wording.PLACEHOLDERS),
which `validate` reports until they are gone, and SOURCES.md is there to
list the facts the author adds, each with its source. Apart from those
placeholders, the pack passes `validate --strict` as written.
"""
from __future__ import annotations

import os
from pathlib import Path

from game.authoring.scaffold_words import in_language
from game.authoring.schema import CARDS_SCHEMA, PACK_SCHEMA, modeline
from game.content.problems import said
from game.content.validate import PACK_ID

PACK_YAML = """\
{modeline}
# Pack "{pack_id}", made by: python run_game.py new {pack_id}
# The authoring guide explains every field: scenarios/README.id.md (Bahasa Indonesia)
# or scenarios/README.md (English). Check your work with:
#     python run_game.py validate {folder} --strict
#
# Replace every text marked GANTI / REPLACE: `validate` lists each one until it
# is gone. Facts (laws, fees, phone numbers, numbers of victims) go on cards
# only with a source listed in SOURCES.md.

id: {pack_id}                     # must equal the folder name
title:
  id: "Paket baru (GANTI judul ini)"
  en: "New pack (REPLACE this title)"
description:
  id: "GANTI: satu atau dua kalimat tentang perjalanan di paket ini."
  en: "REPLACE: a sentence or two about the journey in this pack."
languages: [id, en]               # the first one is the pack's main language

start:                            # every player's starting state
  money: 3000                     # game money, in thousands of rupiah; not a real cost
  documents: [ktp]

documents:                        # cards give (gain), take (lose) or require these
  - id: ktp
    name:
      id: "KTP (kartu identitas)"
      en: "ID card (KTP)"
  - id: passport
    name:
      id: "Paspor"
      en: "Passport"
  - id: contract
    name:
      id: "Perjanjian kerja"
      en: "Employment contract"

contacts:                         # help a player can learn (effects: contact); list the
                                  # source of each number in SOURCES.md
  - id: help-line
    name:
      id: "Layanan bantuan (GANTI dengan nama layanan resmi)"
      en: "Help service (REPLACE with an official service's name)"
    detail:
      id: "GANTI dengan nomor resmi yang bersumber, dan catat sumbernya."
      en: "REPLACE with a sourced official number, and note its source."

outcomes:                         # how a journey can end: safe | unsafe | trafficked
  - id: safe-return
    kind: safe
    title:
      id: "Pulang dengan selamat"
      en: "Home safe"
    debrief:
      id: "Anda memakai jalur resmi, memegang dokumen sendiri, dan tahu ke mana minta tolong."
      en: "You used the official route, kept your own documents and knew where to get help."
  - id: home-in-debt
    kind: unsafe
    title:
      id: "Pulang dengan utang"
      en: "Home in debt"
    debrief:
      id: "Anda sampai di rumah, tetapi utang Anda lebih besar dari uang Anda."
      en: "You reached home, but your debt is bigger than your money."
  - id: forced-labour
    kind: trafficked
    title:
      id: "Kerja paksa"
      en: "Forced labour"
    debrief:
      id: "Anda dipaksa bekerja dan tidak boleh pergi. Ini perdagangan orang. Yang salah adalah pelaku, bukan Anda. Bantuan ada."
      en: "You were forced to work and could not leave. This is trafficking. The traffickers are to blame, not you. Help exists."
    elements:                     # required for kind: trafficked
      act:
        id: "Direkrut lalu dibawa ke tempat kerja."
        en: "Recruited, then taken to the workplace."
      means:
        id: "Penipuan soal pekerjaan dan dokumen yang ditahan."
        en: "Lies about the job, and documents held."
      purpose:
        id: "Eksploitasi: kerja paksa."
        en: "Exploitation: forced labour."
  - id: helped-out                # "trafficked, then assisted": never safe
    kind: trafficked
    title:
      id: "Diperdagangkan, lalu dibantu"
      en: "Trafficked, then assisted"
    debrief:
      id: "Anda dibawa dan ditahan dengan tipu daya, lalu dibantu keluar. Itu tetap perdagangan orang. Yang salah adalah pelaku, bukan Anda. Bantuan ada."
      en: "You were moved and held by deception, then helped out. It was still trafficking. The traffickers are to blame, not you. Help exists."
    elements:
      act:
        id: "Diserahkan dan ditampung orang lain."
        en: "Handed over and held by others."
      means:
        id: "Paspor diambil, dan rasa takut."
        en: "Your passport taken, and fear."
      purpose:
        id: "Eksploitasi: kerja paksa."
        en: "Exploitation: forced labour."
  - id: in-danger
    kind: unsafe
    title:
      id: "Dalam bahaya"
      en: "In danger"
    debrief:
      id: "Risiko Anda terlalu tinggi, dan perjalanan Anda berhenti di sini. Tanda bahaya bisa dikenali lebih awal."
      en: "Your risk grew too high, and your journey stopped here. Danger signs can be seen early."

checkpoints:                      # documents needed to leave a stage on the regular route
  documentation: [passport]

max_turns: 60                     # a journey still going after 60 turns ends in home-unsafe

endings:                          # how the board itself ends a journey
  home: safe-return               # reached home on the regular route, money >= debt
  home-unsafe: home-in-debt       # reached home any other way
  risk: in-danger                 # risk reached 10 and the stage has no crisis card
  assisted: helped-out            # would end safe, after a card that shows act and means

glossary:                         # words a trainee may not know (acronyms, legal terms);
  - term:                         # the game shows the meaning beside every text using them
      id: "KTP"
      en: "KTP"
    meaning:
      id: "Kartu Tanda Penduduk: kartu identitas warga Indonesia."
      en: "Kartu Tanda Penduduk: the Indonesian identity card."
"""

RECRUITMENT = """\
{modeline}
# Stage 1: recruitment. One card for the regular (official) route and one for
# the irregular route. A card with no `route:` can be drawn on both.

- id: rec-offer
  stage: recruitment
  route: regular
  title:
    id: "Tawaran kerja"
    en: "A job offer"
  text:
    id: "GANTI: Seorang tetangga bercerita tentang kerja di luar negeri. Katanya Anda bisa berangkat minggu depan."
    en: "REPLACE: A neighbour talks about work abroad. She says you can leave next week."
  discuss:                        # optional: a question for the facilitator
    id: "Kenapa janji berangkat cepat perlu dicek?"
    en: "Why should a promise of a fast departure be checked?"
  choices:                        # 1 to 4 choices
    - label:
        id: "Tanya dulu di kantor resmi"
        en: "Ask at the official office first"
      safe: true                  # the safe, procedural choice
      effects: {{risk: -1, contact: help-line}}
      feedback:
        id: "Bagus. Kantor resmi bisa memeriksa tawaran itu."
        en: "Good. The official office can check the offer."
    - label:
        id: "Ikut saja, biar cepat"
        en: "Just go along, it is faster"
      safe: false                 # the shortcut
      effects: {{risk: 2, route: irregular}}   # moves the player to the irregular route
      feedback:
        id: "Jalan pintas tanpa pemeriksaan membuat Anda lebih rentan."
        en: "A shortcut without checks leaves you more at risk."

- id: rec-cash
  stage: recruitment
  route: irregular
  title:
    id: "Uang di muka"
    en: "Money up front"
  text:
    id: "GANTI: Sponsor memberi keluarga Anda uang tunai. Katanya nanti dipotong dari gaji."
    en: "REPLACE: A sponsor gives your family cash. He says it will come out of your wages later."
  choices:
    - label:
        id: "Kembalikan uangnya"
        en: "Give the money back"
      safe: true
      effects: {{route: regular}}   # back to the regular route
      feedback:
        id: "Uang di muka bisa menjadi utang yang menjerat."
        en: "Money up front can become a debt that traps you."
    - label:
        id: "Terima uangnya"
        en: "Take the money"
      safe: false
      effects: {{money: 1000, debt: 5000, risk: 2, set: [owes-sponsor]}}
      feedback:
        id: "Sekarang Anda berutang pada sponsor."
        en: "Now you owe the sponsor."
"""

DOCUMENTATION = """\
{modeline}
# Stage 2: documentation. pack.yaml's `checkpoints` says a player on the
# regular route needs a passport to leave this stage.

- id: doc-office
  stage: documentation
  route: regular
  title:
    id: "Mengurus dokumen"
    en: "Getting your papers"
  text:
    id: "GANTI: Di kantor layanan Anda bisa mengurus paspor dan perjanjian kerja sendiri."
    en: "REPLACE: At the service office you can get your own passport and employment contract."
  choices:
    - label:
        id: "Urus paspor sendiri"
        en: "Apply for your own passport"
      safe: true
      requires: {{documents: [ktp], money: 100}}   # offered only if the player has these
      effects: {{money: -100, gain: [passport]}}
      feedback:
        id: "Paspor atas nama Anda sendiri. Simpan baik-baik."
        en: "A passport in your own name. Keep it safe."
    - label:
        id: "Baca lalu tanda tangani perjanjian kerja"
        en: "Read, then sign the employment contract"
      safe: true
      requires: {{documents: [passport]}}
      effects: {{gain: [contract]}}
      feedback:
        id: "Perjanjian yang Anda pahami melindungi hak Anda."
        en: "A contract you understand protects your rights."
    - label:
        id: "Biar calo yang urus"
        en: "Let a broker do it"
      safe: false
      effects: {{money: -500, risk: 2, route: irregular}}
      feedback:
        id: "Calo bisa memalsukan data dan menahan dokumen Anda."
        en: "A broker can fake your details and keep your papers."

- id: doc-fake
  stage: documentation
  route: irregular
  title:
    id: "Dokumen dari calo"
    en: "Papers from a broker"
  text:
    id: "GANTI: Calo memberi Anda paspor dengan data yang diubah."
    en: "REPLACE: The broker hands you a passport with changed details."
  choices:
    - label:
        id: "Tolak dan kembali ke jalur resmi"
        en: "Refuse and go back to the official route"
      safe: true
      effects: {{route: regular, skip: 1}}   # skip: turns lost
      feedback:
        id: "Dokumen palsu membuat Anda mudah dijerat. Menolak itu benar."
        en: "Fake papers make you easy to trap. Refusing is right."
    - label:
        id: "Pakai saja"
        en: "Use it anyway"
      safe: false
      effects: {{gain: [passport], risk: 3}}
      feedback:
        id: "Dengan dokumen palsu Anda tidak terlindungi."
        en: "With fake papers you are not protected."
"""

TRAVEL = """\
{modeline}
# Stage 3: travel. The last card is a crisis card: it is drawn only when a
# player's risk has reached 10.

- id: tra-airport
  stage: travel
  route: regular
  title:
    id: "Di bandara"
    en: "At the airport"
  text:
    id: "GANTI: Petugas memeriksa dokumen Anda sebelum berangkat."
    en: "REPLACE: An officer checks your documents before you leave."
  choices:
    - label:
        id: "Tunjukkan dokumen Anda"
        en: "Show your documents"
      safe: true
      feedback:
        id: "Dokumen lengkap membuat perjalanan lebih aman."
        en: "Complete documents make the journey safer."

- id: tra-night-boat
  stage: travel
  route: irregular
  title:
    id: "Perahu malam"
    en: "A boat at night"
  text:
    id: "GANTI: Anda diminta naik perahu kecil pada malam hari, lalu pindah ke mobil."
    en: "REPLACE: You are told to board a small boat at night, then change to a car."
  choices:
    - label:
        id: "Turun dan minta pulang"
        en: "Get off and ask to go home"
      safe: true
      effects: {{move: -2, route: regular}}   # move: spaces forward (+) or back (-)
      feedback:
        id: "Berhenti itu sulit, tetapi Anda tetap aman."
        en: "Stopping is hard, but you stay safe."
    - label:
        id: "Ikut terus"
        en: "Keep going"
      safe: false
      effects: {{risk: 3}}
      feedback:
        id: "Perjalanan tanpa dokumen membuat Anda bergantung pada orang lain."
        en: "Travelling without papers makes you depend on others."

- id: tra-handed-over
  stage: travel
  route: irregular
  crisis: true                    # drawn only when the player's risk has reached 10
  shows: [act, means]             # the elements of trafficking this situation shows:
                                  # after it, the journey never ends safe or unsafe
  title:
    id: "Diserahkan ke orang lain"
    en: "Handed over"
  text:
    id: "GANTI: Sopir menyerahkan Anda kepada orang yang tidak Anda kenal. Orang itu mengambil paspor Anda."
    en: "REPLACE: The driver hands you over to a stranger. The stranger takes your passport."
  discuss:
    id: "Di kartu ini, apa prosesnya (act) dan apa caranya (means)?"
    en: "On this card, what is the act, and what are the means?"
  choices:
    - label:
        id: "Ikut, karena takut"
        en: "Go along, out of fear"
      coerced: true               # no real choice: shown as done to the player, never as
      effects: {{lose: [passport]}}  # their mistake (`safe` is then left out)
      feedback:
        id: "Anda tidak punya pilihan. Ini bukan salah Anda."
        en: "You had no real choice. This is not your fault."
      outcome: forced-labour
    - label:
        id: "Cari kesempatan minta tolong"
        en: "Look for a chance to get help"
      safe: true
      effects: {{risk: -4, route: regular, contact: help-line}}
      feedback:
        id: "Minta tolong itu benar. Yang sudah terjadi tetap perdagangan orang. Bantuan ada."
        en: "Asking for help is right. What happened was still trafficking. Help exists."
"""

WORK = """\
{modeline}
# Stage 4: work abroad, then home.

- id: wor-payday
  stage: work
  route: regular
  title:
    id: "Hari gajian"
    en: "Payday"
  text:
    id: "GANTI: Gaji Anda dibayar sesuai perjanjian kerja."
    en: "REPLACE: You are paid as your employment contract says."
  choices:
    - label:
        id: "Tabung sebagian, bayar utang"
        en: "Save some, pay off debt"
      safe: true
      requires: {{documents: [contract]}}
      effects: {{money: 2000, debt: -1000}}
      feedback:
        id: "Menabung membantu Anda pulang tanpa utang."
        en: "Saving helps you go home without debt."
    - label:
        id: "Kirim semua ke rumah"
        en: "Send it all home"
      safe: true
      effects: {{money: 500}}
      feedback:
        id: "Keluarga terbantu. Sisakan juga untuk keperluan Anda sendiri."
        en: "Your family is helped. Keep some for your own needs too."

- id: wor-locked-in
  stage: work
  route: irregular
  title:
    id: "Tidak boleh keluar"
    en: "Not allowed out"
  text:
    id: "GANTI: Anda bekerja lama tanpa libur dan tidak boleh keluar. Kata majikan, gaji Anda untuk bayar utang."
    en: "REPLACE: You work long hours with no day off and may not go out. The employer says your wages pay the debt."
  discuss:
    id: "Apa tanda-tanda kerja paksa pada kartu ini?"
    en: "What are the signs of forced labour on this card?"
  choices:
    - label:
        id: "Hubungi layanan bantuan"
        en: "Contact the help service"
      safe: true
      effects: {{route: regular, clear: [owes-sponsor], contact: help-line}}
      feedback:
        id: "Bantuan itu ada. Ini bukan salah Anda."
        en: "Help exists. This is not your fault."
    - label:
        id: "Terus bekerja"
        en: "Keep working"
      safe: false
      outcome: forced-labour        # the journey ends here, in this outcome
      feedback:
        id: "Utang yang dipakai untuk memaksa orang bekerja adalah perdagangan orang."
        en: "A debt used to force someone to work is trafficking."
"""

SOURCES = """\
# Sources for the pack "{pack_id}" / Sumber untuk paket "{pack_id}"

Every fact a card states (a law, a fee, a phone number, a number of victims)
is listed here with its source, so a facilitator can check it and update it.
The pack as created by `run_game.py new` states no such fact.

Setiap fakta di kartu (undang-undang, biaya, nomor telepon, jumlah korban)
dicatat di sini bersama sumbernya, supaya fasilitator bisa memeriksa dan
memperbaruinya. Paket buatan `run_game.py new` belum memuat fakta seperti itu.

| Card or field / Kartu atau bagian | Fact / Fakta | Source (title, publisher, date, link) / Sumber | Checked on / Dicek tanggal |
|---|---|---|---|
| | | | |
"""

CARD_FILES = (("1-recruitment.yaml", RECRUITMENT), ("2-documentation.yaml", DOCUMENTATION),
              ("3-travel.yaml", TRAVEL), ("4-work.yaml", WORK))


def create_pack(pack_id: str, parent: Path, schema_dir: Path, lang: str = "en") -> Path:
    """Write the new pack into parent/pack_id and return its folder, its comments in
    the author's language `lang` (game.authoring.scaffold_words).

    Raises ValueError for a bad id and FileExistsError when the folder exists.
    """
    if not PACK_ID.fullmatch(pack_id):
        raise ValueError(said("new_bad_id", ident=pack_id))
    folder = parent / pack_id
    if folder.exists():
        raise FileExistsError(said("new_exists", folder=str(folder)))
    files = {"pack.yaml": in_language(PACK_YAML, lang).format(
        modeline=modeline(folder / "pack.yaml", schema_dir, PACK_SCHEMA), pack_id=pack_id,
        folder=shown(folder))}
    for name, template in CARD_FILES:
        files[f"cards/{name}"] = in_language(template, lang).format(
            modeline=modeline(folder / "cards" / name, schema_dir, CARDS_SCHEMA))
    files["SOURCES.md"] = SOURCES.format(pack_id=pack_id)
    (folder / "cards").mkdir(parents=True)
    (folder / "assets").mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
    return folder


def shown(folder: Path) -> str:
    """The folder as an author would type it: relative to here when it can be."""
    try:
        return Path(os.path.relpath(folder)).as_posix()
    except ValueError:  # on another drive (Windows)
        return str(folder)
