"""The translation round-trip: every localised text of a pack to a spreadsheet and back
(the `strings export` and `strings import` commands).

The CSV has one row per localised field and the columns `key`, `file`, then
one per language. `file` is the pack file, relative to the pack folder
(`pack.yaml`, `cards/work.yaml`); `key` names the field inside it and stays
the same when the text changes: `title`, `documents/ktp/name`,
`outcomes/debt-bondage/elements/act`, `rec-offer/text`,
`rec-offer/choices/2/feedback` (choices are numbered from 1). The file is
UTF-8 with a byte order mark, so Excel and LibreOffice show Indonesian text
as it is; a text starting with = + - or @ gets a ' in front so that a
spreadsheet does not take it for a formula (import takes it away).

Import writes the texts back into the YAML files with ruamel.yaml, which
keeps the authors' comments, quoting and layout; a column for a language the
pack does not declare yet adds it to `languages`. An empty cell changes
nothing.

    pack_texts.py   the pack's files and the localised fields in each
    csv_io.py       the spreadsheet: export rows, write and read the CSV
    write_back.py   import: the CSV's texts into the YAML, in each file's own layout
"""
