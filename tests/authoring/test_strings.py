"""The translation round-trip: export every localised text to CSV, import it back."""
from __future__ import annotations

import csv
import difflib
import shutil

import pytest

from game import cli
from game.authoring.translations.csv_io import CSV_ENCODING, export_rows, read_csv, write_csv
from game.authoring.translations.pack_texts import TranslationError, load_round_trip
from game.authoring.translations.write_back import import_csv, render
from game.content.coverage import language_coverage
from game.content.validate import load_pack

from .conftest import GOOD_PACK, SCENARIOS, real_packs


def read_rows(path):
    with open(path, encoding=CSV_ENCODING, newline="") as handle:
        return list(csv.reader(handle))


def files_of(folder):
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*.y*ml"))}


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) between two texts."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return ([d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")])


# -- export ---------------------------------------------------------------------------

def test_export_has_key_file_and_one_column_per_language(example_copy, tmp_path):
    out = tmp_path / "strings.csv"
    assert cli.main(["strings", "export", "--pack", str(example_copy), "--csv", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, for Excel"
    rows = read_rows(out)
    assert rows[0] == ["key", "file", "id", "en", "source at export", "check"]
    keys = [(r[1], r[0]) for r in rows[1:]]
    assert len(keys) == len(set(keys)), "keys are unique"
    found = {(r[1], r[0]): r[2:4] for r in rows[1:]}
    assert all(r[4] == r[2] for r in rows[1:]), "the source text at export"
    assert found[("pack.yaml", "title")] == ["Contoh: Perjalanan Singkat",
                                             "Example: A Short Journey"]
    assert ("pack.yaml", "outcomes/debt-bondage/elements/means") in found
    assert ("pack.yaml", "contacts/help-desk/detail") in found
    assert found[("cards/recruitment.yaml", "rec-offer/choices/stay,unsafe/label")][1] == \
        "Just go along, it is faster"
    assert ("cards/documentation.yaml", "doc-office/discuss") in found
    assert all(all(cell for cell in r[2:]) for r in rows[1:])


def test_export_counts_every_localised_field(example_copy):
    header, rows = export_rows(example_copy)
    pack = load_pack(example_copy).pack
    expected = 2 + len(pack.documents) + 2 * len(pack.contacts)
    expected += sum(2 + (3 if o.elements else 0) for o in pack.outcomes)
    expected += 2 * len(pack.glossary)  # term and meaning
    for card in pack.cards:
        expected += 2 + (card.discuss is not None)
        expected += sum(1 + (c.feedback is not None) for c in card.choices)
    assert len(rows) == expected


def test_export_add_language_gives_an_empty_column(example_copy, tmp_path):
    out = tmp_path / "s.csv"
    assert cli.main(["strings", "export", "--pack", str(example_copy), "--csv", str(out),
                     "--add", "ms"]) == 0
    rows = read_rows(out)
    assert rows[0] == ["key", "file", "id", "en", "ms", "source at export", "check"]
    assert all(r[4] == "" for r in rows[1:])


def test_export_of_a_missing_pack_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["strings", "export", "--pack", "no-such-pack", "--csv",
                     str(tmp_path / "x.csv")]) == 2
    assert "tidak ada paket" in capsys.readouterr().err


# -- import ----------------------------------------------------------------------------

def test_round_trip_without_changes_writes_nothing(example_copy, tmp_path):
    before = files_of(example_copy)
    out = tmp_path / "s.csv"
    write_csv(out, *export_rows(example_copy))
    result = import_csv(example_copy, out)
    assert result.changed_texts == 0 and result.files_written == []
    assert files_of(example_copy) == before


@pytest.mark.parametrize("pack", real_packs(), ids=lambda p: p.name)
def test_adding_a_language_only_adds_lines(pack, tmp_path):
    """A new language column: every file keeps its comments and layout; lines are only
    added (flow-style texts `{id: ..., en: ...}` change in place)."""
    folder = tmp_path / pack.name
    shutil.copytree(pack, folder)
    loaded = load_pack(folder)
    assert loaded.errors == [], "\n".join(map(str, loaded.problems))
    before = files_of(folder)
    header, rows = export_rows(folder, add=("ms",))
    ms = header.index("ms")
    for row in rows:
        row[ms] = "[ms] " + row[ms - 1]
    out = tmp_path / "s.csv"
    write_csv(out, header, rows)
    result = import_csv(folder, out)
    assert result.added_languages == ["ms"] and result.notes == []
    assert result.changed_texts == len(rows)
    after = files_of(folder)
    for name, text in before.items():
        removed, added = changed_lines(text, after[name])
        for line in removed:  # only a one-line text (or the languages list) may change
            assert "{" in line or "[" in line, f"{name}: lost line {line!r}"
        assert all("ms" in line or line.strip() == "" for line in added), name
    loaded = load_pack(folder)
    assert loaded.errors == [], "\n".join(map(str, loaded.problems))
    assert loaded.pack.languages[-1] == "ms"
    assert loaded.pack.cards[0].title["ms"].startswith("[ms] ")
    coverage = language_coverage(folder)
    assert coverage["ms"] == coverage["id"] == (len(rows), len(rows))
    # and exporting again gives the same spreadsheet
    again_header, again = export_rows(folder)
    assert again_header == header
    assert [r[:-1] for r in again] == [r[:-1] for r in rows]  # `check` now has ms too


def test_comments_quotes_and_layout_survive(example_copy, tmp_path):
    out = tmp_path / "s.csv"
    header, rows = export_rows(example_copy)
    for row in rows:
        if row[:2] == ["rec-cash-later/title", "cards/recruitment.yaml"]:
            row[3] = "The sponsor returns"
    write_csv(out, header, rows)
    path = example_copy / "cards" / "recruitment.yaml"
    before = path.read_text(encoding="utf-8")
    import_csv(example_copy, out)
    after = path.read_text(encoding="utf-8")
    removed, added = changed_lines(before, after)
    assert removed == ['  title: {id: "Sponsor datang lagi", en: "The sponsor comes back"}']
    assert added == ['  title: {id: "Sponsor datang lagi", en: "The sponsor returns"}']
    assert "weight: 0                    # never drawn by itself" in after


def test_partial_translation_is_written_and_reported(example_copy, tmp_path, capsys):
    header, rows = export_rows(example_copy, add=("tl",))
    rows[0][header.index("tl")] = "Halimbawa"  # only the pack title in the new language
    out = tmp_path / "s.csv"
    write_csv(out, header, rows)
    code = cli.main(["strings", "import", "--pack", str(example_copy), "--csv", str(out),
                     "--lang", "en"])
    captured = capsys.readouterr()
    assert code == 1
    assert "added language: tl" in captured.out
    assert "is missing language 'tl'" in captured.out
    assert "languages: id 100% (100/100), en 100% (100/100), tl 1% (1/100)" in captured.out
    assert language_coverage(example_copy)["tl"] == (1, len(rows))


def test_import_speaks_the_authors_language(example_copy, tmp_path, capsys):
    """Without --lang (nothing remembered): Bahasa Indonesia, validator lines included."""
    header, rows = export_rows(example_copy, add=("tl",))
    rows[0][header.index("tl")] = "Halimbawa"
    out = tmp_path / "s.csv"
    write_csv(out, header, rows)
    assert cli.main(["strings", "import", "--pack", str(example_copy), "--csv", str(out)]) == 1
    captured = capsys.readouterr()
    assert "bahasa ditambahkan: tl" in captured.out
    assert ": kesalahan: " in captured.out and "teks bahasa 'tl' belum ada" in captured.out
    assert "bahasa: id 100% (100/100), en 100% (100/100), tl 1% (1/100)" in captured.out
    assert "paket sekarang punya 99 kesalahan" in captured.err
    assert "is missing language" not in captured.out


def test_import_command_reports_success(example_copy, tmp_path, capsys):
    header, rows = export_rows(example_copy)
    rows[0][2] = "Contoh: Perjalanan Pendek"
    out = tmp_path / "s.csv"
    write_csv(out, header, rows)
    assert cli.main(["strings", "import", "--pack", str(example_copy), "--csv", str(out),
                     "--lang", "en"]) == 0
    captured = capsys.readouterr().out
    assert "1 texts changed in 1 files (pack.yaml)" in captured
    assert load_pack(example_copy).pack.title["id"] == "Contoh: Perjalanan Pendek"


def test_semicolons_tabs_and_multiline_cells(example_copy, tmp_path):
    header, rows = export_rows(example_copy)
    rows[1][3] = "First line.\r\nSecond line."
    for delimiter in (";", "\t"):
        out = tmp_path / "s.csv"
        with open(out, "w", encoding=CSV_ENCODING, newline="") as handle:
            csv.writer(handle, delimiter=delimiter).writerows([header, *rows])
        import_csv(example_copy, out)
        assert load_pack(example_copy).pack.description["en"] == "First line.\nSecond line."


def test_unknown_rows_and_columns_are_reported_not_imported(example_copy, tmp_path):
    header, rows = export_rows(example_copy)
    header = header + ["notes"]
    rows = [r + ["checked"] for r in rows]
    rows.append(["rec-ofer/title", "cards/recruitment.yaml", "X", "Y", ""])
    rows.append(["title", "cards/nowhere.yaml", "X", "Y", ""])
    out = tmp_path / "s.csv"
    write_csv(out, header, rows)
    before = files_of(example_copy)
    result = import_csv(example_copy, out)
    assert files_of(example_copy) == before
    text = "\n".join(result.notes)
    assert "column 'notes' is not a language code" in text
    assert "no text 'rec-ofer/title' in cards/recruitment.yaml" in text
    assert "did you mean 'rec-offer/title'" in text
    assert "no such file in the pack" in text


def test_empty_cells_change_nothing(example_copy, tmp_path):
    header, rows = export_rows(example_copy)
    for row in rows:
        row[3] = ""
    out = tmp_path / "s.csv"
    write_csv(out, header, rows)
    before = files_of(example_copy)
    assert import_csv(example_copy, out).changed_texts == 0
    assert files_of(example_copy) == before


def test_a_csv_that_is_not_utf8_is_refused(example_copy, tmp_path, capsys):
    out = tmp_path / "s.csv"
    out.write_bytes("key,file,id,en\ntitle,pack.yaml,Caf\xe9,x\n".encode("cp1252"))
    assert cli.main(["strings", "import", "--pack", str(example_copy), "--csv", str(out)]) == 1
    assert "CSV UTF-8" in capsys.readouterr().err


def test_a_csv_without_key_and_file_is_refused(example_copy, tmp_path):
    out = tmp_path / "s.csv"
    out.write_text("id,en\nJudul,Title\n", encoding="utf-8")
    with pytest.raises(TranslationError, match="key, file"):
        read_csv(out)


def test_single_language_pack_gets_its_second_language(tmp_path):
    folder = tmp_path / "solo"
    (folder / "cards").mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        "# a one-language pack\n"
        "id: solo\n"
        "title: \"Paket satu bahasa\"   # the title\n"
        "description: Teks tanpa tanda kutip.\n"
        "languages: [id]\n"
        "start: {money: 100}\n"
        "outcomes:\n"
        "  - {id: ok, kind: safe, title: \"Selamat\", debrief: \"Bagus.\"}\n"
        "  - id: bad\n"
        "    kind: trafficked\n"
        "    title: \"Kerja paksa\"\n"
        "    debrief: |\n"
        "      Baris satu.\n"
        "      Baris dua.\n"
        "    elements: {act: \"A.\", means: \"M.\", purpose: \"P.\"}\n", encoding="utf-8")
    (folder / "cards" / "a.yaml").write_text(
        "- id: c\n"
        "  stage: recruitment\n"
        "  title: \"Judul\"\n"
        "  text: >\n"
        "    Teks panjang\n"
        "    dalam dua baris.\n"
        "  choices:\n"
        "    - label: \"Ya\"\n"
        "      safe: true\n"
        "      feedback: \"Bagus.\"\n"
        "      outcome: ok\n"
        "    - label: \"Tidak\"\n"
        "      safe: false\n"
        "      feedback: \"Hati-hati.\"\n"
        "      outcome: bad\n", encoding="utf-8")
    assert load_pack(folder).errors == []
    assert language_coverage(folder) == {"id": (15, 15)}
    header, rows = export_rows(folder, add=("en",))
    assert header[:4] == ["key", "file", "id", "en"]
    for row in rows:
        row[3] = "EN " + row[2].strip()
    out = tmp_path / "s.csv"
    write_csv(out, header, rows)
    import_csv(folder, out)
    loaded = load_pack(folder)
    assert loaded.errors == [], "\n".join(map(str, loaded.problems))
    pack = loaded.pack
    assert pack.languages == ("id", "en")
    assert pack.title == {"id": "Paket satu bahasa", "en": "EN Paket satu bahasa"}
    assert pack.outcome("bad").debrief["id"] == "Baris satu.\nBaris dua.\n"
    assert pack.cards[0].text["id"] == "Teks panjang dalam dua baris.\n"
    text = (folder / "pack.yaml").read_text(encoding="utf-8")
    assert text.startswith("# a one-language pack\n")
    assert "# the title" in text
    assert language_coverage(folder) == {"id": (15, 15), "en": (15, 15)}


def test_render_keeps_an_untouched_file_byte_for_byte():
    for path in sorted(SCENARIOS.glob("*/cards/*.yaml")) + sorted(SCENARIOS.glob("*/pack.yaml")) \
            + sorted(GOOD_PACK.rglob("*.y*ml")):
        original = path.read_text(encoding="utf-8")
        assert render(load_round_trip(original), original) == original, path


def test_coverage_of_broken_or_missing_packs_never_raises(tmp_path):
    assert language_coverage(tmp_path / "nowhere") == {}
    (tmp_path / "pack.yaml").write_text("id: [broken", encoding="utf-8")
    assert language_coverage(tmp_path) == {}


def test_texts_that_look_like_formulas_survive(example_copy, tmp_path):
    path = example_copy / "cards" / "travel.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'en: "Show your documents"', 'en: "-> Show your documents"'), encoding="utf-8")
    header, rows = export_rows(example_copy)
    row = next(r for r in rows if r[0] == "tra-airport/choices/stay/label")
    assert row[3] == "'-> Show your documents"
    row[2] = "=Tunjukkan"
    row[2] = "'" + row[2]
    out = tmp_path / "s.csv"
    write_csv(out, header, rows)
    import_csv(example_copy, out)
    label = load_pack(example_copy).pack.card("tra-airport").choices[0].label
    assert label == {"id": "=Tunjukkan", "en": "-> Show your documents"}


def test_a_byte_order_mark_is_kept(example_copy, tmp_path):
    path = example_copy / "pack.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    header, rows = export_rows(example_copy)
    rows[0][3] = "Example: A Shorter Journey"
    out = tmp_path / "s.csv"
    write_csv(out, header, rows)
    import_csv(example_copy, out)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert load_pack(example_copy).pack.title["en"] == "Example: A Shorter Journey"


def test_windows_line_ends_are_kept(example_copy, tmp_path):
    path = example_copy / "cards" / "work.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    header, rows = export_rows(example_copy, add=("ms",))
    for number, row in enumerate(rows):
        row[header.index("ms")] = f"x{number}"  # each text its own (two glossary terms may not be the same)
    out = tmp_path / "s.csv"
    write_csv(out, header, rows)
    import_csv(example_copy, out)
    raw = path.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")
    assert load_pack(example_copy).errors == []
