"""strings: export or import every text of a pack, for translators.

    python run_game.py strings export --pack P --csv OUT [--add LANG]...
    python run_game.py strings import --pack P --csv IN [--overwrite]

Import writes only the cells the translator changed; a row whose text changed in
the pack since the export is listed and nothing is written, unless --overwrite.
Import shows the validator's problems and each language's coverage after
writing. Exit codes: 0 done; 1 the CSV or the pack cannot be used, or the
pack has errors after the import; 2 a bad command line or no such pack.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.args import Parser

NAME = "strings"
HELP = "export or import every text of a pack, for translators"
DESCRIPTION = ("Translate a pack in a spreadsheet: export every localised text to CSV, "
               "import it back (a new language column adds that language).")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = DESCRIPTION
    sub = p.add_subparsers(dest="action", metavar="export|import", parser_class=Parser)
    sub.required = True
    export = sub.add_parser("export", help="write the pack's texts to a CSV file")
    export.add_argument("--pack", required=True, help="pack id under scenarios/ or a path")
    export.add_argument("--csv", required=True, type=Path, metavar="OUT", help="CSV to write")
    export.add_argument("--add", action="append", default=[], metavar="LANG",
                        help="add an empty column for a new language (like ms); may repeat")
    into = sub.add_parser("import", help="write the texts of a CSV file back into the pack")
    into.add_argument("--pack", required=True, help="pack id under scenarios/ or a path")
    into.add_argument("--csv", required=True, type=Path, metavar="IN", help="CSV to read")
    into.add_argument("--overwrite", action="store_true",
                      help="write rows whose texts changed in the pack since the export too "
                           "(without it they are listed and nothing is written)")


def run(args: argparse.Namespace) -> int:
    from game.args import pack_folder_or_exit
    folder = pack_folder_or_exit(args.pack)
    if args.action == "export":
        from game.content.parts import LANGUAGE_CODE
        bad = [code for code in args.add if not LANGUAGE_CODE.fullmatch(code)]
        if bad:
            print(f"error: '{bad[0]}' is not a language code (like ms or en)", file=sys.stderr)
            return 2
        return _export(folder, args.csv, tuple(args.add))
    return _import(folder, args.csv, args.overwrite)


def _export(folder: Path, out: Path, add: tuple[str, ...]) -> int:
    from game.authoring.translations.csv_io import export_rows, write_csv
    from game.authoring.translations.pack_texts import TranslationError
    try:
        header, rows = export_rows(folder, add)
        write_csv(out, header, rows)
    except TranslationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    languages = header[2:-2]  # without `source at export` and `check`
    print(f"{len(rows)} texts in {len(languages)} languages ({', '.join(languages)}) "
          f"written to {out}")
    return 0


def _import(folder: Path, csv_path: Path, overwrite: bool = False) -> int:
    from game.authoring.translations.pack_texts import TranslationError
    from game.authoring.translations.write_back import StaleRows, describe, import_csv
    from game.content.coverage import language_coverage
    from game.content.validate import load_pack
    try:
        result = import_csv(folder, csv_path, overwrite)
    except StaleRows as exc:
        print(f"error: {exc}; nothing was written:", file=sys.stderr)
        for row in exc.stale:
            print(f"  {csv_path}:{row.line}: {describe(row.file, row.key)}: {row.reason}",
                  file=sys.stderr)
        print(f"Check these rows: export again (python run_game.py strings export --pack "
              f"{folder} --csv NEW.csv) and copy your translations into the new file, or, "
              f"if the CSV's texts are right, write them anyway: python run_game.py strings "
              f"import --pack {folder} --csv {csv_path} --overwrite", file=sys.stderr)
        return 1
    except TranslationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for note in result.notes:
        print(f"{csv_path}: {note}", file=sys.stderr)
    if result.added_languages:
        print(f"added language{'s' if len(result.added_languages) > 1 else ''}: "
              f"{', '.join(result.added_languages)}")
    print(f"{result.changed_texts} texts changed in {len(result.files_written)} files"
          + (f" ({', '.join(result.files_written)})" if result.files_written else ""))
    problems = load_pack(folder).problems
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    print(f"languages: {coverage_text(language_coverage(folder))}")
    if errors:
        print(f"the pack has {errors} error{'s' if errors != 1 else ''} now; fix them in the "
              f"spreadsheet and import again, or in the files; then: "
              f"python run_game.py validate {folder}", file=sys.stderr)
        return 1
    return 0


def coverage_text(coverage: dict[str, tuple[int, int]]) -> str:
    """'id 100% (120/120), en 98% (118/120)', as `validate` shows it."""
    return ", ".join(f"{code} {100 * done // total if total else 100}% ({done}/{total})"
                     for code, (done, total) in coverage.items())
