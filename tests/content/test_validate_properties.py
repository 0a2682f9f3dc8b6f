"""Property tests: packs written to the contract (version 2 fields too) load; broken ones
give located problems and never raise."""
from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.model import ELEMENTS, STAGES
from game.content.validate import ERROR, WARNING, load_pack

from .conftest import PackBuilder, dump

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# What PyYAML reads and writes: printable text, no surrogates or control characters.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1,
               max_size=20)
IDS = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)


@st.composite
def valid_packs(draw) -> tuple[str, dict, dict[str, list]]:
    """(pack id, pack.yaml data, card files): any pack the format allows
    (scenarios/README.md, Part 3 — Reference)."""
    languages = draw(st.lists(st.sampled_from(["id", "en", "ms", "ar", "tl"]), min_size=1,
                              max_size=3, unique=True))
    plain = len(languages) == 1 and draw(st.booleans())

    def text():
        return draw(TEXT) if plain else {code: draw(TEXT) for code in languages}

    names = draw(st.lists(IDS, min_size=12, max_size=12, unique=True))
    documents, contacts, flags = names[:3], names[3:5], names[5:7]
    pack_id = names[7]
    outcome_ids = names[8:11]
    outcomes = [{"id": outcome_ids[0], "kind": "safe", "title": text(), "debrief": text()},
                {"id": outcome_ids[1], "kind": "trafficked", "title": text(), "debrief": text(),
                 "elements": {"act": text(), "means": text(), "purpose": text()}},
                {"id": outcome_ids[2], "kind": draw(st.sampled_from(["safe", "unsafe"])),
                 "title": text(), "debrief": text()}]
    start_documents = draw(st.lists(st.sampled_from(documents), unique=True, max_size=2))
    pack = {"id": pack_id, "title": text(), "description": text(), "languages": languages,
            "start": {"money": draw(st.integers(0, 10_000)), "documents": start_documents},
            "documents": [{"id": d, "name": text()} for d in documents],
            "contacts": [{"id": c, "name": text(), "detail": text()} for c in contacts],
            "outcomes": outcomes}
    if start_documents and draw(st.booleans()):
        pack["checkpoints"] = {draw(st.sampled_from(STAGES)): start_documents}
    if draw(st.booleans()):
        pack["max_turns"] = draw(st.integers(1, 500))
    if draw(st.booleans()):
        pack["endings"] = {"home": outcome_ids[0], "risk": outcome_ids[1]}
        if draw(st.booleans()):  # version 2
            pack["endings"]["assisted"] = outcome_ids[1]
            pack["endings"]["risk"] = outcome_ids[2]
    if draw(st.booleans()):  # version 2: a glossary, each term once per language
        size = draw(st.integers(1, 3))
        terms = {code: draw(st.lists(TEXT, min_size=size, max_size=size,
                                     unique_by=lambda t: t.strip().casefold()))
                 for code in languages}
        pack["glossary"] = [
            {"term": terms[languages[0]][i] if plain else {c: terms[c][i] for c in languages},
             "meaning": text()} for i in range(size)]

    count = draw(st.integers(1, 10))
    card_ids = [f"card-{i}" for i in range(count)]
    cards = []
    for i, card_id in enumerate(card_ids):
        choices = []
        for _ in range(draw(st.integers(1, 4))):
            choice = {"label": text(), "safe": draw(st.booleans()), "feedback": text()}
            if draw(st.integers(0, 4)) == 0:  # version 2: done to the player
                choice["coerced"] = True
                if choice["safe"] or draw(st.booleans()):
                    del choice["safe"]  # a coerced choice is never safe; `safe` may go
            effects = draw(st.fixed_dictionaries({}, optional={
                "money": st.integers(-5000, 5000), "debt": st.integers(0, 5000),
                "risk": st.integers(-3, 3), "gain": st.lists(st.sampled_from(documents),
                                                             max_size=2),
                "lose": st.lists(st.sampled_from(documents), max_size=1),
                "clear": st.lists(st.sampled_from(flags), max_size=1),
                "contact": st.sampled_from(contacts), "move": st.integers(-3, 3),
                "route": st.sampled_from(["regular", "irregular"]), "skip": st.integers(0, 2)}))
            if effects:
                choice["effects"] = effects
            requires = draw(st.fixed_dictionaries({}, optional={
                "documents": st.lists(st.sampled_from(documents), max_size=2),
                "flags": st.lists(st.sampled_from(flags), max_size=2),
                "money": st.integers(0, 3000)}))
            if requires:
                choice["requires"] = requires
            ending = draw(st.sampled_from(["none", "next", "outcome"]))
            if ending == "next" and i + 1 < count:  # forward only: no loops
                choice["next"] = card_ids[draw(st.integers(i + 1, count - 1))]
            elif ending == "outcome":
                choice["outcome"] = draw(st.sampled_from(outcome_ids))
            choices.append(choice)
        card = {"id": card_id, "stage": draw(st.sampled_from(STAGES)),
                "route": draw(st.sampled_from(["regular", "irregular", "any"])),
                "title": text(), "text": text(), "choices": choices}
        if draw(st.booleans()):
            card["discuss"] = text()
        if draw(st.booleans()):
            card["weight"] = draw(st.sampled_from([1, 2, 0.5, 3]))
        if draw(st.booleans()):  # version 2
            card["shows"] = draw(st.lists(st.sampled_from(ELEMENTS), unique=True))
        if draw(st.integers(0, 3)) == 0:
            card["crisis"] = draw(st.booleans())
        if draw(st.booleans()):
            del card["route"]  # defaults to any
        cards.append(card)
    # The first card can always be drawn, sets every flag and opens the irregular route.
    cards[0]["route"] = "any"
    cards[0].pop("weight", None)
    cards[0].pop("crisis", None)
    first = cards[0]["choices"][0]
    first.setdefault("effects", {}).update({"set": flags, "route": "irregular"})
    split = draw(st.integers(1, min(3, count)))
    files = {}
    for n in range(split):
        suffix = draw(st.sampled_from([".yaml", ".yml"]))
        files[f"part-{n}{suffix}"] = cards[n::split]
    return pack_id, pack, files


def write(root: Path, pack_id: str, pack: dict | str, files: dict) -> Path:
    folder = root / pack_id
    (folder / "cards").mkdir(parents=True)
    (folder / "pack.yaml").write_text(pack if isinstance(pack, str) else dump(pack),
                                      encoding="utf-8")
    for name, content in files.items():
        path = folder / "cards" / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if isinstance(content, str) else dump(content),
                            encoding="utf-8")
    return folder


@SETTINGS
@given(valid_packs(), st.booleans())
def test_packs_written_to_the_contract_load_without_errors(generated, flow_style):
    pack_id, pack, files = generated
    with tempfile.TemporaryDirectory() as tmp:
        rendered = {name: yaml.safe_dump(cards, default_flow_style=True, allow_unicode=True,
                                         width=80) if flow_style else dump(cards)
                    for name, cards in files.items()}
        result = load_pack(write(Path(tmp), pack_id, pack, rendered))
    shown = "\n".join(map(str, result.problems))
    assert [p for p in result.problems if p.severity == ERROR] == [], shown
    assert result.pack is not None
    expected = sorted(card["id"] for cards in files.values() for card in cards)
    assert sorted(card.id for card in result.pack.cards) == expected
    assert len(result.pack.glossary) == len(pack.get("glossary", ()))
    for card in result.pack.cards:
        assert all(not choice.safe for choice in card.choices if choice.coerced)


# -- broken packs ----------------------------------------------------------------------

def _paths(data, prefix=()):
    """Every (path) to a value inside nested dicts and lists."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield prefix + (key,)
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield prefix + (index,)
            yield from _paths(value, prefix + (index,))


def _parent(data, path):
    for step in path[:-1]:
        data = data[step]
    return data


ANY_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
                         lambda inner: st.lists(inner, max_size=3)
                         | st.dictionaries(TEXT, inner, max_size=3), max_leaves=6)


@st.composite
def broken_packs(draw):
    pack_id, pack, files = draw(valid_packs())
    target = draw(st.sampled_from(["pack.yaml", *files]))
    data = pack if target == "pack.yaml" else files[target]
    how = draw(st.sampled_from(["delete", "retype", "bytes", "truncate", "rename"]))
    required_gone = False
    if how in ("delete", "retype", "rename"):
        path = draw(st.sampled_from(list(_paths(data))))
        parent = _parent(data, path)
        if how == "delete":
            del parent[path[-1]]
            in_card = target != "pack.yaml" and isinstance(path[0], int)
            coerced = isinstance(parent, dict) and parent.get("coerced") is True
            required_gone = in_card and (
                (len(path) == 2 and path[1] in ("id", "stage", "title", "text", "choices"))
                or (len(path) == 4 and path[1] == "choices"
                    and (path[3] == "label" or (path[3] == "safe" and not coerced))))
        elif how == "retype":
            parent[path[-1]] = draw(ANY_VALUE)
        elif isinstance(parent, dict):
            parent[path[-1] + draw(st.sampled_from(["x", "_", "s"]))] = parent.pop(path[-1])
    rendered = {name: dump(cards) for name, cards in files.items()}
    pack_text = dump(pack)
    if how in ("bytes", "truncate"):
        text = pack_text if target == "pack.yaml" else rendered[target]
        raw = text.encode("utf-8")
        at = draw(st.integers(0, len(raw)))
        if how == "bytes":
            raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
        else:
            raw = raw[:at]
        if target == "pack.yaml":
            pack_text = raw.decode("utf-8", "replace")
        else:
            rendered[target] = raw
    return pack_id, pack_text, rendered, required_gone


@SETTINGS
@given(broken_packs())
def test_broken_packs_give_located_problems_and_never_raise(broken):
    pack_id, pack_text, rendered, required_gone = broken
    with tempfile.TemporaryDirectory() as tmp:
        folder = write(Path(tmp), pack_id, pack_text, rendered)
        result = load_pack(folder)
    for problem in result.problems:
        assert problem.severity in (ERROR, WARNING)
        assert problem.line >= 1 and problem.column >= 1
        assert problem.file in result.files or problem.file == str(folder)
        assert str(problem).startswith(f"{problem.file}:{problem.line}:{problem.column}: ")
        assert problem.message
    has_errors = any(p.severity == ERROR for p in result.problems)
    assert (result.pack is None) == has_errors
    if required_gone:
        assert has_errors


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_as_a_card_file_never_raise(data):
    with tempfile.TemporaryDirectory() as tmp:
        builder = PackBuilder(Path(tmp))
        builder.raw["cards/noise.yaml"] = data
        result = builder.load()
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.file in result.files
