"""Language coverage: how many of a pack's texts are given in each language."""
from __future__ import annotations

from game.content.coverage import language_coverage

from .conftest import T, PackBuilder

# The texts of the test pack (conftest.good_pack and good_cards): pack.yaml has a title,
# a description, 3 document names, a contact's name and detail, 3 outcomes' titles and
# debriefs and one outcome's 3 elements (16); the 6 cards have a title and a text each,
# one a discuss question, and 10 choices a label and a feedback each (33).
TEXTS = 49


def test_a_complete_bilingual_pack(builder):
    builder.pack["endings"] = {"risk": "debt-bondage"}  # outcome ids, not texts
    assert language_coverage(builder.write()) == {"id": (TEXTS, TEXTS), "en": (TEXTS, TEXTS)}


def test_glossary_terms_and_meanings_are_texts(builder):
    builder.pack["glossary"] = [{"term": {"id": "KTP", "en": "KTP"}, "meaning": T("ID card")}]
    assert language_coverage(builder.write()) == {"id": (TEXTS + 2, TEXTS + 2),
                                                  "en": (TEXTS + 2, TEXTS + 2)}


def test_a_missing_translation_is_counted(builder):
    del builder.card("tra-boat")["title"]["en"]
    del builder.choice("work-wage", 1)["feedback"]["en"]
    builder.item("outcomes", "debt-bondage")["elements"]["means"] = {"id": "Utang"}
    assert language_coverage(builder.write()) == {"id": (TEXTS, TEXTS),
                                                  "en": (TEXTS - 3, TEXTS)}


def test_an_empty_text_is_not_a_translation(builder):
    builder.card("tra-boat")["text"]["en"] = "  "
    assert language_coverage(builder.write())["en"] == (TEXTS - 1, TEXTS)


def test_undeclared_languages_come_after_the_declared_ones(builder):
    builder.card("tra-boat")["title"] = {"ms": "Bot", **T("Boat")}
    assert list(language_coverage(builder.write())) == ["id", "en", "ms"]
    assert language_coverage(builder.folder)["ms"] == (1, TEXTS)


def test_plain_texts_belong_to_a_single_language_pack(tmp_path):
    builder = PackBuilder(tmp_path)
    builder.pack["languages"] = ["id"]
    builder.pack["title"] = "Paket"
    builder.card("tra-boat")["text"] = "Perahu malam"
    assert language_coverage(builder.write()) == {"id": (TEXTS, TEXTS),
                                                  "en": (TEXTS - 2, TEXTS)}


def test_a_file_that_cannot_be_read_is_left_out(builder):
    builder.raw["cards/broken.yaml"] = "- id: x\n  title: {id: [oops\n"
    builder.raw["cards/laughs.yaml"] = "a: &a [x, *a]\n"
    assert language_coverage(builder.write()) == {"id": (TEXTS, TEXTS), "en": (TEXTS, TEXTS)}


def test_no_pack_has_no_coverage(tmp_path):
    assert language_coverage(tmp_path / "nowhere") == {}
    assert language_coverage(tmp_path) == {}
