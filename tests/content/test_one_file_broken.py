"""One broken file gives its own error, first, and nothing false elsewhere; and the
checks the guide asks for on pictures and on true/false (issue 13, items 2 and 5).
Each new message has a failing fixture here, checked at FILE:LINE with its severity."""
from __future__ import annotations

import shutil
import struct
import zlib

from game.content.validate import load_pack
from game.paths import SCENARIOS

from .conftest import PNG, dump, errors, expect, find, only

WORK = "cards/work.yaml"


def _example(tmp_path):
    folder = tmp_path / "example"
    shutil.copytree(SCENARIOS / "example", folder)
    return folder


def _png(width: int, height: int) -> bytes:
    """A PNG signature and IHDR chunk: enough for the size check."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
    return PNG + chunk + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


# -- one broken file: its own error, first, and no cascade ---------------------------

def test_a_tab_in_one_card_file_gives_one_located_error_and_nothing_else(tmp_path):
    folder = _example(tmp_path)
    work = folder / WORK
    lines = work.read_text(encoding="utf-8").count("\n")
    with open(work, "a", encoding="utf-8") as handle:
        handle.write("\t- id: x\n")
    result = load_pack(folder)
    problem = only(result)
    assert (problem.file, problem.line, problem.severity) == (str(work), lines + 1, "error")
    assert problem.message.startswith("YAML syntax error: a tab character, and YAML lines up")
    assert problem.message.say("id").startswith("tulisan YAML salah: ada karakter tab, padahal")


def test_a_bad_encoding_gives_no_false_warnings(tmp_path):
    folder = _example(tmp_path)
    work = folder / WORK
    work.write_bytes(work.read_bytes() + "# caf\u00e9\n".encode("latin-1"))
    result = load_pack(folder)
    problem = only(result)
    assert problem.file == str(work) and "not UTF-8" in problem.message


def test_syntax_errors_are_listed_first(builder):
    builder.pack["id"] = "Not An Id"            # an error in pack.yaml, read first
    builder.raw["cards/work.yaml"] = "- id: work-wage\n\tstage: work\n"
    result = builder.load()
    first = result.problems[0]
    assert first.file == builder.shown("cards/work.yaml")
    assert "YAML syntax error" in first.message
    assert find(result, "pack id 'Not An Id'")


def test_a_broken_card_file_hides_the_checks_that_need_its_cards(builder):
    # work.yaml leads to safe-return and came-home-in-debt, and is the only work card
    builder.raw["cards/work.yaml"] = "- id: work-wage\n  text: Note: bring your passport\n"
    result = builder.load()
    assert len(errors(result)) == 1
    assert not find(result, "no card can be drawn")
    assert not find(result, "no choice or ending leads to outcome")
    assert not find(result, "is required here but")


def test_a_card_that_cannot_be_built_hides_flag_and_outcome_warnings(builder):
    builder.card("work-wage")["title"] = ["not", "a", "text"]
    builder.choice("rec-return")["requires"] = {"flags": ["owes-sponsor"]}
    builder.choice("rec-sponsor", 1)["effects"]["set"] = "owes-sponsor"  # an error
    result = builder.load()
    assert not find(result, "no card can be drawn")
    assert not find(result, "no choice sets it")
    assert not find(result, "no choice or ending leads to outcome")


def test_a_broken_outcome_still_counts_for_its_kind(builder):
    builder.item("outcomes", "safe-return")["title"] = ["broken"]
    result = builder.load()
    assert not find(result, "needs at least one 'safe' outcome")


def test_an_unquoted_colon_gets_a_plain_hint(builder):
    builder.raw["cards/extra.yaml"] = ("- id: extra\n"
                                       "  stage: work\n"
                                       "  text: Note: bring your passport\n")
    problem = expect(builder.load(), builder.shown("cards/extra.yaml"), 3,
                     "put the sentence in quotes")
    assert "YAML syntax error" in problem.message


def test_a_field_out_of_line_is_not_told_to_use_quotes(builder):
    builder.raw["cards/extra.yaml"] = ("- id: extra\n"
                                       "   stage: work\n"
                                       "  text: x\n")
    problem = expect(builder.load(), builder.shown("cards/extra.yaml"), 2,
                     "this line is indented more or less than the fields around it")
    assert "quotes" not in problem.message
    assert "sejajarkan dengan spasi" in problem.message.say("id")


# what the YAML reader says, in Indonesian too (the English as the reader wrote it)
READER = {
    "- id: a\n  title: {id: \"x\", en: \"y\"\n":
        ("while parsing a flow mapping, did not find expected ',' or '}'",
         "saat membaca { ... }, tidak menemukan ',' atau '}' yang diharapkan"),
    "- id: a\n  title: \"unclosed\n":
        ("while scanning a quoted scalar, found unexpected end of stream",
         "saat membaca teks dalam tanda kutip, file berakhir sebelum waktunya"),
    "- id: a\n  title: x\n - id: b\n":
        ("while parsing a block collection, did not find expected '-' indicator",
         "saat membaca daftar (baris yang diawali '-'), tidak menemukan tanda '-'"),
    "- id: a\n---\n- id: b\n":
        ("expected a single document in the stream, but found another document",
         "file harus berisi satu dokumen saja, tetapi ada dokumen lain"),
    "- id: a\n  label: *nope\n":
        ("found undefined alias", "ada alias (*nama) tanpa anchor (&nama) sebelumnya"),
    "- id: a\n  title: \"bad \\q\"\n":
        ("found unknown escape character",
         "ada tanda \\ yang tidak dikenal di dalam tanda kutip ganda"),
}


def test_what_the_yaml_reader_says_is_said_in_indonesian_too(builder):
    for text, (english, indonesian) in READER.items():
        builder.raw["cards/extra.yaml"] = text
        problem = errors(builder.load())[0]
        assert english in problem.message, (text, problem.message)
        said = problem.message.say("id")
        assert said.startswith("tulisan YAML salah: ") and indonesian in said, (text, said)
        for word in ("while", "found", "expected", "parsing", "scanning"):
            assert word not in said, (text, said)


def test_a_text_cut_at_a_comment_is_a_warning_at_the_value(builder):
    text = dump(builder.cards["work.yaml"]).replace("en: Held wages", "en: Call 110 #free")
    builder.raw["cards/work.yaml"] = text
    result = builder.load()
    line = builder.line_of("cards/work.yaml", "Call 110 #free")
    problem = expect(result, builder.shown("cards/work.yaml"), line,
                     "the text after ' #' is read as a comment and left out: put the text "
                     "in quotes", "warning")
    assert problem.column == text.splitlines()[line - 1].index("Call") + 1


def test_a_comment_after_a_number_or_a_quoted_text_is_fine(builder):
    text = dump(builder.cards["work.yaml"]).replace("en: Held wages",
                                                    'en: "Held wages"  # the title')
    builder.raw["cards/work.yaml"] = text + "# the end\n"
    assert builder.load().problems == []


# -- pictures --------------------------------------------------------------------

def test_a_picture_that_is_not_an_image_is_an_error(builder):
    builder.assets["boat.png"] = b"<html>not a picture</html>"
    expect(builder.load(), builder.shown("cards/documentation.yaml"),
           builder.line_of("cards/documentation.yaml", "image:"),
           "is not a PNG or JPEG picture")


def test_a_very_large_picture_is_a_warning(builder):
    builder.assets["boat.png"] = _png(5000, 300)
    problem = expect(builder.load(), builder.shown("cards/documentation.yaml"),
                     builder.line_of("cards/documentation.yaml", "image:"),
                     "is very large", "warning")
    assert "5000x300" in problem.message


def test_a_picture_over_2_mb_is_a_warning(builder):
    builder.assets["boat.png"] = _png(600, 400) + bytes(2 * 1024 * 1024)
    expect(builder.load(), builder.shown("cards/documentation.yaml"),
           builder.line_of("cards/documentation.yaml", "image:"), "is very large", "warning")


def test_a_real_sized_picture_is_fine(builder):
    builder.assets["boat.png"] = _png(600, 400)
    assert builder.load().problems == []


def test_a_picture_name_that_differs_in_case_says_did_you_mean(builder):
    builder.card("doc-office")["image"] = "Boat.PNG"
    problem = expect(builder.load(), builder.shown("cards/documentation.yaml"),
                     builder.line_of("cards/documentation.yaml", "image:"),
                     "only capital letters differ")
    assert "(did you mean 'boat.png'?)" in problem.message


# -- true and false as editors spell them -------------------------------------------

def test_safe_yes_must_be_true_or_false(builder):
    text = dump(builder.cards["travel.yaml"]).replace("safe: true", "safe: yes", 1)
    builder.raw["cards/travel.yaml"] = text
    problem = expect(builder.load(), builder.shown("cards/travel.yaml"),
                     builder.line_of("cards/travel.yaml", "safe: yes"),
                     "safe must be true or false, not yes")
    assert "editors read it as a word" in problem.message


def test_crisis_off_must_be_true_or_false(builder):
    text = dump(builder.cards["travel.yaml"]).replace("  stage: travel\n",
                                                      "  stage: travel\n  crisis: off\n", 1)
    builder.raw["cards/travel.yaml"] = text
    expect(builder.load(), builder.shown("cards/travel.yaml"),
           builder.line_of("cards/travel.yaml", "crisis: off"),
           "crisis must be true or false, not off")


def test_true_and_false_in_capitals_are_still_booleans(builder):
    text = dump(builder.cards["travel.yaml"]).replace("safe: true", "safe: True", 1)
    builder.raw["cards/travel.yaml"] = text
    assert builder.load().problems == []


def test_why_a_file_cannot_be_read_is_said_in_indonesian_too(tmp_path):
    from game.content.yaml_source import read_yaml_source
    _node, issues, _text = read_yaml_source(tmp_path / "gone.yaml")
    assert str(issues[0].message) == "cannot read file: No such file or directory"
    assert issues[0].message.say("id") == "file tidak bisa dibaca: file atau folder tidak ada"
    _node, issues, _text = read_yaml_source(tmp_path)          # a folder, not a file
    assert issues[0].message.say("id") == \
        "file tidak bisa dibaca: ini sebuah folder, bukan file"
