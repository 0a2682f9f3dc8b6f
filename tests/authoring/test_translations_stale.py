"""A stale spreadsheet never moves a text: stable keys, the `check` column, --overwrite,
aliases, comments and permissions."""
from __future__ import annotations

import os
import stat

import pytest

from game import cli
from game.authoring.translations.csv_io import export_rows, write_csv
from game.authoring.translations.pack_texts import TranslationError, load_round_trip
from game.authoring.translations.write_back import StaleRows, import_csv, render
from game.content.validate import load_pack


def edit_yaml(path, change) -> None:
    """Change a file's round-trip data with `change(data)`, keeping its layout."""
    original = path.read_text(encoding="utf-8")
    data = load_round_trip(original)
    change(data)
    path.write_text(render(data, original), encoding="utf-8")


def card(data, ident):
    return next(c for c in data if c["id"] == ident)


def translate_all(header, rows, code="en", mark="EN: "):
    """Every cell of `code` becomes mark + the source text, so each text says whose it is."""
    column, source = header.index(code), header.index("source at export")
    for row in rows:
        row[column] = mark + row[source]


def save(tmp_path, header, rows):
    out = tmp_path / "s.csv"
    write_csv(out, header, rows)
    return out


def assert_valid(folder):
    loaded = load_pack(folder)
    assert loaded.errors == [], "\n".join(map(str, loaded.problems))
    return loaded.pack


def test_reordered_choices_keep_their_own_texts(example_copy, tmp_path):
    header, rows = export_rows(example_copy)
    translate_all(header, rows)
    out = save(tmp_path, header, rows)
    # after the export, the author reverses the choices of two cards; doc-office has
    # two safe choices that lead nowhere, told apart only by their order
    edit_yaml(example_copy / "cards" / "recruitment.yaml",
              lambda data: card(data, "rec-offer")["choices"].reverse())
    edit_yaml(example_copy / "cards" / "documentation.yaml",
              lambda data: card(data, "doc-office")["choices"].reverse())
    result = import_csv(example_copy, out)
    assert result.notes == []
    pack = assert_valid(example_copy)
    for one in pack.cards:
        for choice in one.choices:
            assert choice.label["en"] == "EN: " + choice.label["id"], (one.id, choice.label)
            if choice.feedback:
                assert choice.feedback["en"] == "EN: " + choice.feedback["id"]
    offer = pack.card("rec-offer")
    assert offer.choices[0].safe is False and offer.choices[0].label["id"] == \
        "Ikut saja, biar cepat"


def test_an_edit_in_the_yaml_after_the_export_is_not_undone(example_copy, tmp_path):
    header, rows = export_rows(example_copy)
    out = save(tmp_path, header, rows)  # nobody changes the spreadsheet
    edit_yaml(example_copy / "cards" / "recruitment.yaml", lambda data: card(
        data, "rec-offer")["title"].update({"id": "Tawaran kerja baru", "en": "A new job offer"}))
    assert import_csv(example_copy, out).files_written == []
    assert load_pack(example_copy).pack.card("rec-offer").title == {
        "id": "Tawaran kerja baru", "en": "A new job offer"}


def test_a_row_whose_source_changed_is_refused_with_a_list(example_copy, tmp_path, capsys):
    header, rows = export_rows(example_copy)
    en = header.index("en")
    for row in rows:
        if row[0] == "rec-offer/title":
            row[en] = "A job offer, translated again"
        if row[0] == "title":
            row[en] = "Example: The Short Journey"  # its source did not change
    out = save(tmp_path, header, rows)
    edit_yaml(example_copy / "cards" / "recruitment.yaml", lambda data: card(
        data, "rec-offer")["title"].update({"id": "Tawaran kerja baru"}))
    before = {p: p.read_bytes() for p in example_copy.rglob("*.yaml")}
    with pytest.raises(StaleRows) as caught:
        import_csv(example_copy, out)
    assert [(s.file, s.key) for s in caught.value.stale] == [
        ("cards/recruitment.yaml", "rec-offer/title")]
    code = cli.main(["strings", "import", "--pack", str(example_copy), "--csv", str(out),
                     "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1
    assert "cards/recruitment.yaml, card rec-offer, title" in err
    assert 'the pack\'s id text is now "Tawaran kerja baru"' in err
    assert 'the CSV was made from "Tawaran kerja"' in err
    assert "--overwrite" in err and "nothing was written" in err
    assert {p: p.read_bytes() for p in example_copy.rglob("*.yaml")} == before
    # --overwrite writes both rows
    assert cli.main(["strings", "import", "--pack", str(example_copy), "--csv", str(out),
                     "--overwrite"]) == 0
    pack = assert_valid(example_copy)
    assert pack.card("rec-offer").title == {"id": "Tawaran kerja baru",
                                            "en": "A job offer, translated again"}
    assert pack.title["en"] == "Example: The Short Journey"


def test_a_translation_changed_in_both_places_is_refused(example_copy, tmp_path):
    header, rows = export_rows(example_copy)
    row = next(r for r in rows if r[0] == "rec-offer/title")
    row[header.index("en")] = "Offer (from the CSV)"
    out = save(tmp_path, header, rows)
    edit_yaml(example_copy / "cards" / "recruitment.yaml", lambda data: card(
        data, "rec-offer")["title"].update({"en": "Offer (from the YAML)"}))
    with pytest.raises(StaleRows) as caught:
        import_csv(example_copy, out)
    assert "its en text changed in the pack too" in caught.value.stale[0].reason


def test_the_source_language_is_written_only_when_changed_in_the_csv(example_copy, tmp_path):
    header, rows = export_rows(example_copy)
    row = next(r for r in rows if r[0] == "rec-offer/title")
    row[header.index("id")] = "Tawaran kerja (diperbaiki)"
    out = save(tmp_path, header, rows)
    result = import_csv(example_copy, out)
    assert result.changed_texts == 1 and result.files_written == ["cards/recruitment.yaml"]
    assert load_pack(example_copy).pack.card("rec-offer").title["id"] == \
        "Tawaran kerja (diperbaiki)"


def test_file_permissions_are_kept(example_copy, tmp_path):
    path = example_copy / "cards" / "recruitment.yaml"
    os.chmod(path, 0o644)
    header, rows = export_rows(example_copy)
    translate_all(header, rows)
    import_csv(example_copy, save(tmp_path, header, rows))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644
    assert "EN: " in path.read_text(encoding="utf-8")


def test_an_old_csv_without_the_check_column_is_refused(example_copy, tmp_path):
    out = tmp_path / "old.csv"
    out.write_text("key,file,id,en\nrec-offer/choices/2/label,cards/recruitment.yaml,A,B\n",
                   encoding="utf-8")
    with pytest.raises(TranslationError, match="Export again"):
        import_csv(example_copy, out)


ALIASED = """\
# aliases: the first card's label is used again by the second
- id: one
  stage: recruitment
  title: {id: "Satu", en: "One"}
  text: {id: "Teks satu.", en: "Text one."}
  choices:
    - label: &ask {id: "Tanya dulu", en: "Ask first"}   # the anchor
      safe: true
      feedback: {id: "Bagus.", en: "Good."}
    - &go
      label: {id: "Pergi", en: "Go"}
      safe: false
      feedback: {id: "Hati-hati.", en: "Careful."}
- id: two
  stage: recruitment
  title: {id: "Dua", en: "Two"}
  text: {id: "Teks dua.", en: "Text two."}
  choices:
    - label: *ask
      safe: true
      feedback: {id: "Bagus sekali.", en: "Very good."}
    - *go
"""


@pytest.fixture
def aliased(example_copy):
    (example_copy / "cards" / "aliased.yaml").write_text(ALIASED, encoding="utf-8")
    assert_valid(example_copy)
    return example_copy


def set_cell(header, rows, key, code, text):
    row = next(r for r in rows if r[1] == "cards/aliased.yaml" and r[0] == key)
    row[header.index(code)] = text


def test_an_edit_through_an_alias_changes_only_its_own_card(aliased, tmp_path):
    header, rows = export_rows(aliased)
    set_cell(header, rows, "two/choices/stay,safe/label", "en", "Ask someone first")
    import_csv(aliased, save(tmp_path, header, rows))
    pack = assert_valid(aliased)
    assert pack.card("one").choices[0].label["en"] == "Ask first"
    assert pack.card("two").choices[0].label["en"] == "Ask someone first"
    text = (aliased / "cards" / "aliased.yaml").read_text(encoding="utf-8")
    assert text.startswith("# aliases: the first card's label is used again by the second\n")
    # the comment stays on its own line, once (the anchor goes: nothing uses it now)
    assert text.count("# the anchor") == 1
    line = next(x for x in text.splitlines() if "# the anchor" in x)
    assert line.startswith('    - label: {id: "Tanya dulu", en: "Ask first"}')


def test_the_same_edit_in_both_places_keeps_the_alias(aliased, tmp_path):
    header, rows = export_rows(aliased)
    for key in ("one/choices/stay,safe/label", "two/choices/stay,safe/label"):
        set_cell(header, rows, key, "en", "Ask around first")
    import_csv(aliased, save(tmp_path, header, rows))
    pack = assert_valid(aliased)
    assert pack.card("one").choices[0].label["en"] == "Ask around first"
    assert pack.card("two").choices[0].label["en"] == "Ask around first"
    assert "label: *ask" in (aliased / "cards" / "aliased.yaml").read_text(encoding="utf-8")


def test_a_whole_choice_used_twice_is_refused_naming_both_places(aliased, tmp_path):
    header, rows = export_rows(aliased)
    set_cell(header, rows, "two/choices/stay,unsafe/label", "en", "Leave")
    before = (aliased / "cards" / "aliased.yaml").read_bytes()
    with pytest.raises(TranslationError) as caught:
        import_csv(aliased, save(tmp_path, header, rows))
    message = str(caught.value)
    assert "card two, choices/stay,unsafe/label" in message
    assert "card one, choices/stay,unsafe/label" in message
    assert "alias" in message
    assert (aliased / "cards" / "aliased.yaml").read_bytes() == before


MERGED = """\
# the second card takes the first card's fields through a merge
- &base
  id: one
  stage: recruitment
  title: {id: "Satu", en: "One"}
  text: {id: "Teks satu.", en: "Text one."}
  choices:
    - label: {id: "Tanya dulu", en: "Ask first"}
      safe: true
      feedback: {id: "Bagus.", en: "Good."}
- <<: *base
  id: two
  title: {id: "Dua", en: "Two"}
"""


def test_an_edit_to_a_merged_cards_text_changes_only_that_card(example_copy, tmp_path):
    (example_copy / "cards" / "merged.yaml").write_text(MERGED, encoding="utf-8")
    assert_valid(example_copy)
    header, rows = export_rows(example_copy)
    row = next(r for r in rows if r[1] == "cards/merged.yaml" and r[0] == "one/text")
    row[header.index("en")] = "Text one, edited"
    import_csv(example_copy, save(tmp_path, header, rows))
    pack = assert_valid(example_copy)
    assert pack.card("one").text["en"] == "Text one, edited"
    assert pack.card("two").text["en"] == "Text one."          # as it was
    text = (example_copy / "cards" / "merged.yaml").read_text(encoding="utf-8")
    assert "<<: *base" in text and text.startswith("# the second card takes")


def test_rows_of_a_renamed_glossary_term_are_listed_as_stale(example_copy, tmp_path):
    header, rows = export_rows(example_copy)
    en = header.index("en")
    for row in rows:
        if row[0] == "glossary/calo/meaning":
            row[en] = "A go-between, translated again"
    out = save(tmp_path, header, rows)
    pack_yaml = example_copy / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8").replace(
        'term: {id: "calo", en: "broker"}', 'term: {id: "calo gelap", en: "broker"}'),
        encoding="utf-8")
    before = pack_yaml.read_bytes()
    with pytest.raises(StaleRows) as caught:
        import_csv(example_copy, out)
    stale, = caught.value.stale
    assert (stale.file, stale.key) == ("pack.yaml", "glossary/calo/meaning")
    assert 'the glossary term "calo" is no longer in the pack' in stale.reason
    assert pack_yaml.read_bytes() == before
