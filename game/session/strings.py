"""The words the session modules show: messages about saves and settings, the
session report's headings, the read-aloud's connecting words.

Two languages, Bahasa Indonesia (`id`, the default) and English (`en`); any
other language code falls back to English. Plain words, short sentences: the
readers are facilitators and trainees, not programmers.

A `Notice` is a message waiting to be shown: it keeps its key and arguments,
so the screen shows it in the language the session is in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

LANGUAGES = ("id", "en")

STRINGS: dict[str, dict[str, str]] = {
    "id": {
        # -- saves ------------------------------------------------------------
        "save.broken": "Simpanan permainan {file} tidak bisa dibaca ({why}). "
                       "File itu dipindahkan ke {moved}.",
        "save.broken-kept": "Simpanan permainan {file} tidak bisa dibaca ({why}). "
                            "File itu tidak bisa dipindahkan: {error}.",
        "save.pack-changed": "Paket kartu \u201c{pack}\u201d sudah berubah sejak permainan ini "
                             "disimpan. Lanjutkan dengan paket yang baru, atau mulai "
                             "permainan baru?",
        "save.replays-differently": "Permainan yang disimpan di {file} berjalan sedikit berbeda "
                                    "dengan versi game ini. Lanjutkan saja, atau mulai "
                                    "permainan baru?",
        "save.does-not-replay": "Permainan di {file} tidak bisa dilanjutkan dengan paket "
                                "kartu \u201c{pack}\u201d yang sekarang ({why}). "
                                "Silakan mulai permainan baru.",
        "save.other-pack": "Simpanan {file} untuk paket \u201c{saved}\u201d, "
                           "bukan \u201c{pack}\u201d.",
        "save.no-pack": "Paket kartu \u201c{pack}\u201d untuk simpanan {file} tidak ditemukan.",
        "save.pack-errors": "Paket kartu \u201c{pack}\u201d untuk simpanan {file} berisi "
                            "kesalahan. Periksa dengan: python run_game.py validate {path}",
        "save.write-failed": "Permainan tidak bisa disimpan ke {file}: {error}. "
                             "Permainan tetap berjalan.",
        "report.write-failed": "Laporan tidak bisa ditulis ke {folder}: {error}.",
        "report.written": "Laporan sesi disimpan: {html}",
        # -- why a save cannot be read ----------------------------------------
        "why.empty": "file kosong",
        "why.too-big": "file terlalu besar",
        "why.not-text": "bukan teks",
        "why.not-json": "isinya rusak atau terpotong",
        "why.foreign": "bukan simpanan Mimpi Perantau",
        "why.newer": "dibuat oleh versi game yang lebih baru",
        "why.fields": "ada bagian yang hilang atau salah",
        "why.replay": "langkah-langkahnya tidak cocok",
        "why.unreadable": "file tidak bisa dibuka",
        # -- settings ---------------------------------------------------------
        "settings.broken": "Pengaturan di {file} rusak, jadi dipakai pengaturan awal. "
                           "File lama dipindahkan ke {moved}.",
        "settings.unreadable": "Pengaturan di {file} tidak bisa dibaca ({error}), "
                               "jadi dipakai pengaturan awal.",
        "settings.fixed": "Beberapa pengaturan di {file} tidak bisa dipakai ({keys}); "
                          "untuk itu dipakai nilai awal.",
        "settings.write-failed": "Pengaturan tidak bisa disimpan ke {file}: {error}.",
        # -- read-aloud -------------------------------------------------------
        "speech.none": "Suara pembaca tidak tersedia di komputer ini.",
        "speech.linux-hint": "Pasang espeak-ng (sudo apt install espeak-ng), "
                             "lalu buka lagi permainan ini.",
        "speech.ready": "Suara pembaca: {engine}",
        "speech.choice": "Pilihan {n}",
        "speech.not-offered": "belum bisa dipilih",
        # -- report -----------------------------------------------------------
        "game": "Mimpi Perantau",
        "report.title": "Laporan sesi",
        "report.title-many": "Laporan dari {n} sesi",
        "report.made": "Dibuat {date}",
        "report.pack": "Paket kartu",
        "report.session": "Sesi",
        "report.sessions": "Sesi",
        "report.started": "Mulai",
        "report.players": "Pemain",
        "report.not-over": "Permainan belum selesai.",
        "report.stopped": "Permainan diakhiri lebih awal oleh fasilitator.",
        "report.summary": "Ringkasan kelas",
        "report.summary-many": "Ringkasan semua sesi",
        "report.ended-safe": "{safe} dari {total} perjalanan berakhir aman.",
        "report.assisted": "Korban perdagangan orang yang kemudian mendapat bantuan: {n}.",
        "report.unsafe-most": "Pilihan tidak aman yang paling sering diambil",
        "report.no-unsafe": "Tidak ada pilihan tidak aman. Bagus sekali!",
        "report.times": "kali",
        "report.card": "Kartu",
        "report.choice": "Pilihan",
        "report.safe-was": "Pilihan yang aman",
        "report.discussion": "Pertanyaan diskusi",
        "report.no-discussion": "Tidak ada pertanyaan diskusi dari kartu yang dimainkan.",
        "report.player-journeys": "Perjalanan setiap pemain",
        "report.money": "Uang",
        "report.debt": "Utang",
        "report.risk": "Risiko",
        "report.documents": "Dokumen yang dipegang",
        "report.contacts": "Kontak bantuan yang diketahui",
        "report.none": "tidak ada",
        "report.turns": "{n} giliran",
        "report.route-at-end": "Jalur di akhir",
        "report.timeline": "Kartu dan pilihan",
        "report.turn": "Giliran",
        "report.stage": "Tahap",
        "report.no-choice": "tidak ada pilihan yang bisa diambil",
        "report.no-cards": "Belum ada kartu.",
        "report.elements": "Tiga unsur perdagangan orang",
        "report.act": "Proses (tindakan)",
        "report.means": "Cara",
        "report.purpose": "Tujuan",
        "report.assisted-by": "Kemudian mendapat bantuan lewat: {contact}",
        "report.help": "Ke mana minta bantuan",
        "report.footer": "Laporan ini dibuat oleh permainan Mimpi Perantau (Traveller\u2019s "
                         "Dream). Isinya hanya dari permainan, bukan dari kehidupan nyata "
                         "para pemain.",
        "report.safe-mark": "aman",
        "report.unsafe-mark": "tidak aman",
        "kind.safe": "Aman",
        "kind.unsafe": "Tidak aman",
        "kind.trafficked": "Perdagangan orang",
        "kind.unfinished": "Belum selesai",
        "ended.left": "Pemain ini keluar dari permainan.",
        "ended.stopped": "Permainan berakhir sebelum perjalanan ini selesai.",
        "ended.on-the-way": "Masih dalam perjalanan.",
        "ended.max-turns": "Giliran habis sebelum sampai di rumah.",
        "ended.risk": "Risiko mencapai 10.",
        "stage.recruitment": "Perekrutan",
        "stage.documentation": "Pengurusan dokumen",
        "stage.travel": "Perjalanan",
        "stage.work": "Bekerja",
        "route.regular": "jalur resmi",
        "route.irregular": "jalur tidak resmi",
    },
    "en": {
        "save.broken": "The saved game {file} could not be read ({why}). "
                       "It was moved to {moved}.",
        "save.broken-kept": "The saved game {file} could not be read ({why}). "
                            "It could not be moved aside: {error}.",
        "save.pack-changed": "The card pack \u201c{pack}\u201d has changed since this game was "
                             "saved. Continue with the new pack, or start a new game?",
        "save.replays-differently": "The game saved in {file} plays out a little differently "
                                    "in this version of the game. Continue anyway, or start "
                                    "a new game?",
        "save.does-not-replay": "The game in {file} cannot be continued with the card pack "
                                "\u201c{pack}\u201d as it is now ({why}). Please start a new "
                                "game.",
        "save.other-pack": "The save {file} is for the pack \u201c{saved}\u201d, "
                           "not \u201c{pack}\u201d.",
        "save.no-pack": "The card pack \u201c{pack}\u201d of the save {file} cannot be found.",
        "save.pack-errors": "The card pack \u201c{pack}\u201d of the save {file} has errors. "
                            "Check it with: python run_game.py validate {path}",
        "save.write-failed": "The game could not be saved to {file}: {error}. "
                             "The game goes on.",
        "report.write-failed": "The report could not be written to {folder}: {error}.",
        "report.written": "Session report saved: {html}",
        "why.empty": "the file is empty",
        "why.too-big": "the file is too big",
        "why.not-text": "it is not text",
        "why.not-json": "it is damaged or cut short",
        "why.foreign": "it is not a Traveller\u2019s Dream save",
        "why.newer": "it was made by a newer version of the game",
        "why.fields": "parts of it are missing or wrong",
        "why.replay": "its moves do not fit",
        "why.unreadable": "the file cannot be opened",
        "settings.broken": "The settings in {file} were damaged, so the default settings "
                           "are used. The old file was moved to {moved}.",
        "settings.unreadable": "The settings in {file} could not be read ({error}), "
                               "so the default settings are used.",
        "settings.fixed": "Some settings in {file} could not be used ({keys}); "
                          "their defaults are used instead.",
        "settings.write-failed": "The settings could not be saved to {file}: {error}.",
        "speech.none": "Read-aloud is not available on this computer.",
        "speech.linux-hint": "Install espeak-ng (sudo apt install espeak-ng), "
                             "then start the game again.",
        "speech.ready": "Read-aloud voice: {engine}",
        "speech.choice": "Choice {n}",
        "speech.not-offered": "not available yet",
        "game": "Traveller\u2019s Dream",
        "report.title": "Session report",
        "report.title-many": "Report on {n} sessions",
        "report.made": "Made {date}",
        "report.pack": "Card pack",
        "report.session": "Session",
        "report.sessions": "Sessions",
        "report.started": "Started",
        "report.players": "Players",
        "report.not-over": "The game was not finished.",
        "report.stopped": "The facilitator ended the game early.",
        "report.summary": "Class summary",
        "report.summary-many": "Summary of all sessions",
        "report.ended-safe": "{safe} of {total} journeys ended safely.",
        "report.assisted": "Trafficked, then got help: {n}.",
        "report.unsafe-most": "Unsafe choices taken most often",
        "report.no-unsafe": "No unsafe choices were taken. Well done!",
        "report.times": "times",
        "report.card": "Card",
        "report.choice": "Choice",
        "report.safe-was": "The safe choice",
        "report.discussion": "Questions for discussion",
        "report.no-discussion": "The cards played have no discussion questions.",
        "report.player-journeys": "Each player\u2019s journey",
        "report.money": "Money",
        "report.debt": "Debt",
        "report.risk": "Risk",
        "report.documents": "Documents held",
        "report.contacts": "Help contacts learned",
        "report.none": "none",
        "report.turns": "{n} turns",
        "report.route-at-end": "Route at the end",
        "report.timeline": "Cards and choices",
        "report.turn": "Turn",
        "report.stage": "Stage",
        "report.no-choice": "no choice could be taken",
        "report.no-cards": "No cards yet.",
        "report.elements": "The three elements of trafficking",
        "report.act": "Act",
        "report.means": "Means",
        "report.purpose": "Purpose",
        "report.assisted-by": "Then got help through: {contact}",
        "report.help": "Where to get help",
        "report.footer": "This report was made by the game Traveller\u2019s Dream (Mimpi "
                         "Perantau). It tells what happened in the game, not in the players\u2019 "
                         "real lives.",
        "report.safe-mark": "safe",
        "report.unsafe-mark": "unsafe",
        "kind.safe": "Safe",
        "kind.unsafe": "Unsafe",
        "kind.trafficked": "Trafficked",
        "kind.unfinished": "Not finished",
        "ended.left": "This player left the game.",
        "ended.stopped": "The game ended before this journey did.",
        "ended.on-the-way": "Still on the way.",
        "ended.max-turns": "The turns ran out before reaching home.",
        "ended.risk": "Risk reached 10.",
        "stage.recruitment": "Recruitment",
        "stage.documentation": "Documents",
        "stage.travel": "Travel",
        "stage.work": "Work",
        "route.regular": "regular route",
        "route.irregular": "irregular route",
    },
}


def language(lang: str) -> str:
    """The table language for `lang`: itself if there is one, else English."""
    base = (lang or "").split("-")[0].split("_")[0].lower()
    return base if base in STRINGS else "en"


def say(key: str, lang: str, **args: object) -> str:
    """The string `key` in `lang`, filled in with `args`."""
    table = STRINGS[language(lang)]
    text = table.get(key) or STRINGS["en"].get(key) or key
    return text.format(**args) if args else text


@dataclass(frozen=True)
class Notice:
    """A message for the facilitator, shown in whatever language the screen is in.

    `why`, when given, is itself a key (`why.*`) and is translated too.
    """
    key: str
    args: Mapping[str, str] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        args = dict(self.args)
        if "why" in args:
            args["why"] = say(f"why.{args['why']}", lang)
        return say(self.key, lang, **args)

    def __str__(self) -> str:
        return self.text("en")
