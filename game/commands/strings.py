"""strings: export or import every text of a pack, for translators.

    python run_game.py strings export --pack P --csv OUT [--add LANG]...
    python run_game.py strings import --pack P --csv IN [--overwrite]

Import writes only the cells the translator changed; a row whose text changed in
the pack since the export is listed and nothing is written, unless --overwrite.
Import shows the validator's problems and each language's coverage after
writing. What it prints is in the author's language (`--lang id|en`, else the
remembered language, else id). Exit codes: 0 done; 1 the CSV or the pack cannot be used, or the
pack has errors after the import; 2 a bad command line or no such pack.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.args import Parser
from game.commands.author_lang import add_lang_argument, author_tr, help_language, language_of

NAME = "strings"
HELP = "export or import every text of a pack, for translators"


def add_arguments(p: argparse.ArgumentParser) -> None:
    lang = help_language(p)
    p.description = author_tr("strings_description", lang)
    sub = p.add_subparsers(dest="action", metavar="export|import", parser_class=Parser)
    sub.required = True
    export = sub.add_parser("export", help=author_tr("strings_help_export", lang))
    export.add_argument("--pack", required=True, help=author_tr("help_pack", lang))
    export.add_argument("--csv", required=True, type=Path, metavar="OUT",
                        help=author_tr("strings_help_csv_out", lang))
    export.add_argument("--add", action="append", default=[], metavar="LANG",
                        help=author_tr("strings_help_add", lang))
    into = sub.add_parser("import", help=author_tr("strings_help_import", lang))
    into.add_argument("--pack", required=True, help=author_tr("help_pack", lang))
    into.add_argument("--csv", required=True, type=Path, metavar="IN",
                      help=author_tr("strings_help_csv_in", lang))
    into.add_argument("--overwrite", action="store_true",
                      help=author_tr("strings_help_overwrite", lang))
    for command in (export, into):
        command.help_lang = lang
        add_lang_argument(command)


def run(args: argparse.Namespace) -> int:
    from game.args import pack_folder_or_exit
    folder = pack_folder_or_exit(args.pack)
    lang = language_of(args)
    if args.action == "export":
        from game.content.parts import LANGUAGE_CODE
        bad = [code for code in args.add if not LANGUAGE_CODE.fullmatch(code)]
        if bad:
            _error(lang, author_tr("strings_bad_code", lang, code=bad[0]))
            return 2
        return _export(folder, args.csv, tuple(args.add), lang)
    return _import(folder, args.csv, args.overwrite, lang)


def _error(lang: str, message: str) -> None:
    print(author_tr("error_line", lang, message=message), file=sys.stderr)


def _said(exc: Exception, lang: str) -> str:
    """An error's message in `lang` (as it is if it cannot be said in another)."""
    from game.content.problems import say
    return say(exc.args[0], lang) if exc.args else str(exc)


def _export(folder: Path, out: Path, add: tuple[str, ...], lang: str = "en") -> int:
    from game.authoring.translations.csv_io import export_rows, write_csv
    from game.authoring.translations.pack_texts import TranslationError
    try:
        header, rows = export_rows(folder, add)
        write_csv(out, header, rows)
    except TranslationError as exc:
        _error(lang, _said(exc, lang))
        return 1
    except OSError as exc:
        _error(lang, author_tr("cannot_write", lang, file=str(out),
                               why=str(exc.strerror or exc)))
        return 1
    languages = header[2:-2]  # without `source at export` and `check`
    print(author_tr("strings_exported", lang, texts=str(len(rows)), many=str(len(languages)),
                    languages=", ".join(languages), file=str(out)))
    return 0


def _import(folder: Path, csv_path: Path, overwrite: bool = False, lang: str = "en") -> int:
    from game.authoring.translations.pack_texts import TranslationError
    from game.authoring.translations.write_back import StaleRows, describe, import_csv
    from game.content.coverage import language_coverage
    from game.content.problems import plural, say
    from game.content.validate import load_pack
    try:
        result = import_csv(folder, csv_path, overwrite)
    except StaleRows as exc:
        print(author_tr("strings_stale", lang, why=_said(exc, lang)), file=sys.stderr)
        for row in exc.stale:
            print(f"  {csv_path}:{row.line}: {say(describe(row.file, row.key), lang)}: "
                  f"{say(row.reason, lang)}", file=sys.stderr)
        print(author_tr("strings_stale_advice", lang, pack=str(folder), csv=str(csv_path)),
              file=sys.stderr)
        return 1
    except TranslationError as exc:
        _error(lang, _said(exc, lang))
        return 1
    except OSError as exc:
        _error(lang, str(exc.strerror or exc))
        return 1
    for note in result.notes:
        print(f"{csv_path}: {say(note, lang)}", file=sys.stderr)
    if result.added_languages:
        key = "strings_added_languages" if len(result.added_languages) > 1 \
            else "strings_added_language"
        print(author_tr(key, lang, languages=", ".join(result.added_languages)))
    which = f" ({', '.join(result.files_written)})" if result.files_written else ""
    print(author_tr("strings_changed", lang, texts=str(result.changed_texts),
                    files=str(len(result.files_written)), which=which))
    problems = load_pack(folder).problems
    for problem in problems:
        print(problem.shown(lang))
    errors = sum(p.severity == "error" for p in problems)
    print(author_tr("strings_languages", lang,
                    coverage=coverage_text(language_coverage(folder))))
    if errors:
        print(author_tr("strings_errors_after", lang, errors=plural(errors, "error", lang),
                        pack=str(folder)), file=sys.stderr)
        return 1
    return 0


def coverage_text(coverage: dict[str, tuple[int, int]]) -> str:
    """'id 100% (120/120), en 98% (118/120)', as `validate` shows it."""
    return ", ".join(f"{code} {100 * done // total if total else 100}% ({done}/{total})"
                     for code, (done, total) in coverage.items())
