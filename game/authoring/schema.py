"""JSON Schema of pack.yaml and of a card file, generated from the format tables.

The `schema` command writes `pack.schema.json` and `cards.schema.json`
(default: `scenarios/schema/`). Editors that use
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

import json
import os
from pathlib import Path
from typing import Iterator, Optional

from game import paths
from game.authoring.fields import PARTS, help_text, kind_of
from game.content import model
from game.content.validate import LANGUAGE_CODE, PACK_ID
from game.localise import languages

DRAFT = "http://json-schema.org/draft-07/schema#"
PACK_SCHEMA = "pack.schema.json"
CARDS_SCHEMA = "cards.schema.json"
SCHEMA_FILES = (PACK_SCHEMA, CARDS_SCHEMA)

def _anchored(pattern: str) -> str:
    return f"^(?:{pattern})$"


def _text(description: str) -> dict:
    language = {"type": "string", "minLength": 1}
    return {
        "description": description,
        "anyOf": [
            {"type": "object",  # the game's languages, named in completion lists
             "properties": {code: {**language, "description": name}
                            for code, name in languages()},
             "propertyNames": {"pattern": _anchored(LANGUAGE_CODE.pattern)},
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
    if kind == "enums":
        return {"description": description, "type": "array", "uniqueItems": True,
                "items": {"type": "string", "enum": list(detail)}}
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
                "pattern": _anchored(PACK_ID.pattern)}
    if kind == "languages":
        return {"description": description, "type": "array", "minItems": 1,
                "uniqueItems": True,
                "items": {"type": "string", "pattern": _anchored(LANGUAGE_CODE.pattern),
                          "examples": [code for code, _name in languages()]}}
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
        # `safe` is required unless the choice is coerced; a coerced choice is never safe
        schema["if"] = {"properties": {"coerced": {"const": True}}, "required": ["coerced"]}
        schema["then"] = {"not": {"properties": {"safe": {"const": True}},
                                  "required": ["safe"]}}
        schema["else"] = {"required": ["safe"]}
        schema["defaultSnippets"] = [{
            "label": "choice / pilihan",
            "body": {"label": {"id": "$1", "en": "$2"}, "safe": True,
                     "feedback": {"id": "$3", "en": "$4"}}}]
    if name == "glossary entry":
        schema["defaultSnippets"] = [{
            "label": "glossary entry / glosarium",
            "body": {"term": {"id": "$1", "en": "$2"}, "meaning": {"id": "$3", "en": "$4"}}}]
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
    """scenarios/schema, where the committed schema files are."""
    return paths.SCENARIOS / "schema"


def stale_files(folder: Path) -> list[Path]:
    """The schema files in `folder` that are missing or not current."""
    return [folder / name for name, text in schema_texts().items()
            if _read(folder / name) != text]


def write_schema(folder: Path) -> Iterator[Path]:
    """Write the schema files into `folder`, yielding each path once it is there
    (a file already current is left untouched). Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        path = folder / name
        if _read(path) != text:
            path.write_text(text, encoding="utf-8", newline="\n")
        yield path


def _read(path: Path) -> Optional[str]:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
