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

`schema --pack P` writes the same two files with the pack's own ids as the
allowed values (`enum`) of every field that names one: `next:` (cards),
`outcome:` and `endings` (outcomes), documents in `start`, `checkpoints`,
`requires`, `gain` and `lose`, `contact:`, and the flags in `requires` (those
some `effects.set` sets). An editor then underlines a `next:` to a card that
does not exist as the author types. Its default folder is the pack's own
`schema/`; the ids are read from the pack's YAML as it is, so a pack with
errors still gets a schema (a file that cannot be read adds no ids).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterator, Mapping, Optional

import yaml

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


# the ids of one pack: kind ("card", "outcome", "document", "contact", "flag") -> ids;
# None (the plain schema): any id is accepted
Ids = Optional[Mapping[str, list]]


def _one_of(ids: Ids, kind: object) -> dict:
    """`enum` of the pack's ids of `kind` ({} when any id goes: no pack, or none known)."""
    known = (ids or {}).get(kind) if isinstance(kind, str) else None
    return {"enum": list(known)} if known else {}


def _field(part: str, name: str, ids: Ids = None) -> dict:
    description = help_text(part, name)
    kind, detail = kind_of(part, name)
    if kind == "text":
        return _text(description)
    if kind == "part":
        child, how = detail
        schema = _part(child, ids)
        if how == "list":
            schema = {"type": "array", "items": schema}
            if (part, name) == ("card", "choices"):
                schema.update(minItems=1, maxItems=model.MAX_CHOICES)
        schema["description"] = description
        return schema
    if kind == "id":
        return _ident(description)
    if kind == "ref":
        return {**_ident(description), **_one_of(ids, detail)}
    if kind == "refs":
        schema = _idents(description)
        if (part, name) not in FREE_REFS:
            schema["items"].update(_one_of(ids, detail))
        return schema
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
        properties = {}
        for stage in model.STAGES:
            properties[stage] = _idents(f"{stage}: documents / dokumen")
            properties[stage]["items"].update(_one_of(ids, "document"))
        return {"description": description, "type": "object",
                "properties": properties, "additionalProperties": False}
    if kind == "endings":
        return {"description": description, "type": "object",
                "properties": {key: {**_ident(f"{key}: outcome id"), **_one_of(ids, "outcome")}
                               for key in model.ENDING_KEYS},
                "additionalProperties": False}
    if kind == "image":
        return {"description": description, "type": "string", "minLength": 1,
                "not": {"pattern": r"^[/\\]|^[A-Za-z]:|(^|[/\\])\.\.([/\\]|$)"}}
    raise LookupError(f"no schema for {part}.{name} ({kind})")


# fields that name ids but may name new ones: effects.set makes a flag, effects.clear
# may clear one set elsewhere (the validator warns about the rest)
FREE_REFS = {("effects", "set"), ("effects", "clear")}


def _part(name: str, ids: Ids = None) -> dict:
    part = PARTS[name]
    schema: dict = {
        "description": help_text(name),
        "type": "object",
        "properties": {field: _field(name, field, ids) for field in part.fields},
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


def _titled(title: str, pack_id: Optional[str]) -> str:
    return f"{title}, pack {pack_id}" if pack_id else title


def pack_schema(ids: Ids = None, pack_id: Optional[str] = None) -> dict:
    schema = {"$schema": DRAFT,
              "title": _titled("Traveller's Dream (Mimpi Perantau): pack.yaml", pack_id)}
    schema.update(_part("pack", ids))
    return schema


def cards_schema(ids: Ids = None, pack_id: Optional[str] = None) -> dict:
    return {"$schema": DRAFT,
            "title": _titled("Traveller's Dream (Mimpi Perantau): card file (cards/*.yaml)",
                             pack_id),
            "description": help_text("cards"),
            "type": "array", "items": _part("card", ids)}


def pack_ids(folder: Path) -> dict[str, list[str]]:
    """The ids a pack defines, read from its YAML as it is: cards, outcomes,
    documents, contacts, and the flags its choices set. Each list is sorted; a
    file that cannot be read or parsed adds nothing (the validator tells why)."""
    found: dict[str, set] = {kind: set() for kind in ("card", "outcome", "document",
                                                      "contact", "flag")}

    def ids_in(items, kind: str) -> None:
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
                found[kind].add(item["id"])

    pack = _load_yaml(folder / paths.PACK_FILE)
    if isinstance(pack, dict):
        ids_in(pack.get("outcomes"), "outcome")
        ids_in(pack.get("documents"), "document")
        ids_in(pack.get("contacts"), "contact")
    for path in paths.card_files(folder):
        cards = _load_yaml(path)
        ids_in(cards, "card")
        for card in cards if isinstance(cards, list) else ():
            choices = card.get("choices") if isinstance(card, dict) else None
            for choice in choices if isinstance(choices, list) else ():
                effects = choice.get("effects") if isinstance(choice, dict) else None
                flags = effects.get("set") if isinstance(effects, dict) else None
                for flag in flags if isinstance(flags, list) else ():
                    if isinstance(flag, str) and flag:
                        found["flag"].add(flag)
    return {kind: sorted(ids) for kind, ids in found.items()}


def _load_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def schema_texts(pack: Optional[Path] = None) -> dict[str, str]:
    """File name -> the exact text written (stable: same tables, same bytes).
    With `pack` (a pack folder): the schema with that pack's ids."""
    ids = pack_ids(Path(pack)) if pack is not None else None
    pack_id = Path(pack).name if pack is not None else None
    return {name: json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
            for name, schema in ((PACK_SCHEMA, pack_schema(ids, pack_id)),
                                 (CARDS_SCHEMA, cards_schema(ids, pack_id)))}


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


PACK_SCHEMA_DIR = "schema"     # `schema --pack P` writes into P/schema/ by default


def default_dir(pack: Optional[Path] = None) -> Path:
    """scenarios/schema, where the committed schema files are; with `pack`, the
    pack's own schema/ folder."""
    if pack is not None:
        return Path(pack) / PACK_SCHEMA_DIR
    return paths.SCENARIOS / "schema"


def stale_files(folder: Path, pack: Optional[Path] = None) -> list[Path]:
    """The schema files in `folder` that are missing or not current."""
    return [folder / name for name, text in schema_texts(pack).items()
            if _read(folder / name) != text]


def write_schema(folder: Path, pack: Optional[Path] = None) -> Iterator[Path]:
    """Write the schema files into `folder` (with `pack`: with its ids), yielding
    each path once it is there (a file already current is left untouched).
    Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts(pack).items():
        path = folder / name
        if _read(path) != text:
            path.write_text(text, encoding="utf-8", newline="\n")
        yield path


def _read(path: Path) -> Optional[str]:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
