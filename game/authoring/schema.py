"""JSON Schema of pack.yaml and of a card file, generated from the format tables.

`run_game.py schema [--out DIR]` writes `pack.schema.json` and
`cards.schema.json` (default: `scenarios/schema/`). Editors that use
yaml-language-server (VS Code's YAML extension, Neovim, Helix, Zed ...) read
them through a modeline on the first line of a pack file:

    # yaml-language-server: $schema=../schema/pack.schema.json

and then complete field names, show each field's help on hover and underline
mistakes while the author types. The schema is draft-07, the newest draft
yaml-language-server fully supports. It is never stricter than the validator
(a pack the validator accepts is valid against it); the validator stays the
authority for what only a whole pack can tell (references, translations,
loops).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Optional

from game.authoring.fields import PARTS, help_text, kind_of
from game.content import model
from game.content import validate as v

DRAFT = "http://json-schema.org/draft-07/schema#"
PACK_SCHEMA = "pack.schema.json"
CARDS_SCHEMA = "cards.schema.json"
SCHEMA_FILES = (PACK_SCHEMA, CARDS_SCHEMA)

# How each language appears in completion lists.
_LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def _anchored(pattern: str) -> str:
    return f"^(?:{pattern})$"


def _text(description: str) -> dict:
    language = {"type": "string", "minLength": 1}
    return {
        "description": description,
        "anyOf": [
            {"type": "object",
             "properties": {code: {**language, "description": name}
                            for code, name in _LANGUAGE_NAMES.items()},
             "propertyNames": {"pattern": _anchored(v.LANGUAGE_CODE.pattern)},
             "additionalProperties": language,
             "minProperties": 1},
            {**language, "description": "Only in a pack with one language. / "
                                        "Hanya untuk paket dengan satu bahasa."},
        ],
        "defaultSnippets": [{"label": "id + en", "body": {"id": "$1", "en": "$2"}}],
    }


def _ident(description: str) -> dict:
    return {"description": description, "type": "string", "minLength": 1}


def _idents(description: str) -> dict:
    return {"description": description, "type": "array",
            "items": {"type": "string", "minLength": 1}}


def _field(part: str, name: str) -> dict:
    description = help_text(part, name)
    kind, detail = kind_of(part, name)
    if kind == "text":
        return _text(description)
    if kind == "part":
        child, how = detail
        schema = _part(child)
        if how == "list":
            schema = {"type": "array", "items": schema}
            if (part, name) == ("card", "choices"):
                schema.update(minItems=1, maxItems=model.MAX_CHOICES)
        schema["description"] = description
        return schema
    if kind in ("id", "ref"):
        return _ident(description)
    if kind == "refs":
        return _idents(description)
    if kind == "enum":
        return {"description": description, "type": "string", "enum": list(detail)}
    if kind == "bool":
        return {"description": description, "type": "boolean"}
    if kind in ("int", "number"):
        schema = {"description": description,
                  "type": "integer" if kind == "int" else "number"}
        if detail is not None:
            schema["minimum"] = detail
        return schema
    if kind == "pack-id":
        return {"description": description, "type": "string",
                "pattern": _anchored(v.PACK_ID.pattern)}
    if kind == "languages":
        return {"description": description, "type": "array", "minItems": 1,
                "uniqueItems": True,
                "items": {"type": "string", "pattern": _anchored(v.LANGUAGE_CODE.pattern),
                          "examples": list(_LANGUAGE_NAMES)}}
    if kind == "checkpoints":
        return {"description": description, "type": "object",
                "properties": {stage: _idents(f"{stage}: documents / dokumen")
                               for stage in model.STAGES},
                "additionalProperties": False}
    if kind == "endings":
        return {"description": description, "type": "object",
                "properties": {key: _ident(f"{key}: outcome id") for key in model.ENDING_KEYS},
                "additionalProperties": False}
    if kind == "image":
        return {"description": description, "type": "string", "minLength": 1,
                "not": {"pattern": r"^[/\\]|^[A-Za-z]:|(^|[/\\])\.\.([/\\]|$)"}}
    raise LookupError(f"no schema for {part}.{name} ({kind})")


def _part(name: str) -> dict:
    part = PARTS[name]
    schema: dict = {
        "description": help_text(name),
        "type": "object",
        "properties": {field: _field(name, field) for field in part.fields},
        "additionalProperties": False,
    }
    if part.required:
        schema["required"] = list(part.required)
    if name == "outcome":
        schema["if"] = {"properties": {"kind": {"const": "trafficked"}}, "required": ["kind"]}
        schema["then"] = {"required": ["elements"]}
    if name == "choice":
        schema["not"] = {"required": ["next", "outcome"]}
        schema["defaultSnippets"] = [{
            "label": "choice / pilihan",
            "body": {"label": {"id": "$1", "en": "$2"}, "safe": True,
                     "feedback": {"id": "$3", "en": "$4"}}}]
    if name == "card":
        schema["defaultSnippets"] = [{
            "label": "card / kartu",
            "body": {"id": "$1", "stage": "recruitment", "route": "regular",
                     "title": {"id": "$2", "en": "$3"}, "text": {"id": "$4", "en": "$5"},
                     "choices": [{"label": {"id": "$6", "en": "$7"}, "safe": True,
                                  "feedback": {"id": "$8", "en": "$9"}}]}}]
    return schema


def pack_schema() -> dict:
    schema = {"$schema": DRAFT, "title": "Traveller's Dream (Mimpi Perantau): pack.yaml"}
    schema.update(_part("pack"))
    return schema


def cards_schema() -> dict:
    return {"$schema": DRAFT,
            "title": "Traveller's Dream (Mimpi Perantau): card file (cards/*.yaml)",
            "description": help_text("cards"),
            "type": "array", "items": _part("card")}


def schema_texts() -> dict[str, str]:
    """File name -> the exact text written (stable: same tables, same bytes)."""
    return {name: json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
            for name, schema in ((PACK_SCHEMA, pack_schema()), (CARDS_SCHEMA, cards_schema()))}


def modeline(yaml_file: Path, schema_dir: Path, schema_name: str) -> str:
    """The first-line comment that points yaml-language-server at a schema.

    A pack inside the repository that holds `schema_dir` (scenarios/schema)
    gets a path relative to the YAML file, which keeps working when the whole
    repository is moved or shared; a pack elsewhere gets an absolute path.
    """
    target = schema_dir.resolve() / schema_name
    here = yaml_file.resolve().parent
    repository = schema_dir.resolve().parent.parent
    path = str(target)
    if here == repository or repository in here.parents:
        path = os.path.relpath(target, here)
    return f"# yaml-language-server: $schema={Path(path).as_posix()}"


def default_dir() -> Path:
    from game.paths import SCENARIOS
    return SCENARIOS / "schema"


def main_schema(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="run_game.py schema",
        description="Write the JSON Schema of pack.yaml and of a card file, for editors "
                    "(VS Code YAML extension, any yaml-language-server editor).")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="folder to write to (default: scenarios/schema)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the files in DIR are not current")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    out: Path = args.out or default_dir()
    texts = schema_texts()
    if args.check:
        stale = [name for name, text in texts.items() if _read(out / name) != text]
        for name in stale:
            print(f"{out / name}: not current; run: python run_game.py schema"
                  + (f" --out {out}" if args.out else ""), file=sys.stderr)
        return 1 if stale else 0
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            path = out / name
            if _read(path) != text:
                path.write_text(text, encoding="utf-8", newline="\n")
            print(path)
    except OSError as exc:
        print(f"error: cannot write the schema to {out}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    return 0


def _read(path: Path) -> Optional[str]:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
