"""The translation round-trip: every localised text of a pack to a spreadsheet and back
(the `strings export` and `strings import` commands).

The CSV has one row per localised field and the columns `key`, `file`, then
one per language, then `source at export` and `check`. `file` is the pack
file, relative to the pack folder (`pack.yaml`, `cards/work.yaml`); `key`
names the field inside it and stays the same when the text changes or the
choices are reordered: `title`, `documents/ktp/name`,
`outcomes/debt-bondage/elements/act`, `rec-offer/text`,
`rec-cash/choices/next=rec-cash-later/feedback`, `doc-fake/choices/stay,safe/label`,
`glossary/calo/meaning` (pack_texts.stable_fields gives the rule). `source at
export` is the text in the pack's first language when it was exported and
`check` a fingerprint of each language's text then. The file is UTF-8 with a
byte order mark, so Excel and LibreOffice show Indonesian text as it is; a
text starting with = + - or @ gets a ' in front so that a spreadsheet does
not take it for a formula (import takes it away).

Import writes the texts back into the YAML files with ruamel.yaml, which
keeps the authors' comments, quoting and layout (and each file's
permissions); a column for a language the pack does not declare yet adds it
to `languages`. Only cells that differ from what was exported are written; a
row whose texts changed in the pack since the export is refused (listed, and
nothing is written) unless --overwrite. An empty cell changes nothing. A CSV
without the `check` column (made before these rules) is refused: export again.

    pack_texts.py   the pack's files and the localised fields in each
    csv_io.py       the spreadsheet: export rows, write and read the CSV
    write_back.py   import: the CSV's texts into the YAML, in each file's own layout
"""
