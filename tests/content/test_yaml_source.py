"""Safe YAML reading: positions, syntax errors, tags, size and alias limits."""
from __future__ import annotations

import pytest

from game.content import yaml_source
from game.content.validate import load_pack
from game.content.yaml_source import MAX_FILE_BYTES, compose_text, read_yaml

from .conftest import expect

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]"
       for i in range(9)]) + "\n"


def test_positions_are_kept():
    node, issues = compose_text("title:\n  id: Judul\n  en: Title\n")
    assert issues == []
    value = node.value[0][1].value[1][1]
    assert (value.value, value.start_mark.line + 1, value.start_mark.column + 1) == ("Title", 3, 7)


def test_empty_text_gives_no_node_and_no_issue():
    assert compose_text("") == (None, [])
    assert compose_text("# only a comment\n") == (None, [])


def test_syntax_error_is_located():
    node, issues = compose_text("a: 1\nb: [1, 2\nc: 3\n")
    assert node is None
    assert issues[0].line == 3 and "YAML syntax error" in issues[0].message


@pytest.fixture
def nodes_walked(monkeypatch) -> list[int]:
    """How many nodes the alias check has walked (one entry per node, appended as walked)."""
    walked: list[int] = []
    children = yaml_source._children

    def counting(node):
        walked.append(1)
        return children(node)

    monkeypatch.setattr(yaml_source, "_children", counting)
    return walked


def test_billion_laughs_is_refused_without_expanding_it(nodes_walked):
    # Expanded, the document would hold 9 ** 10 (about 3.5 billion) strings.
    node, issues = compose_text(BILLION_LAUGHS)
    assert node is None
    assert len(issues) == 1 and "aliases expand too much" in issues[0].message
    # Refused at the anchor whose re-use passes the limit: e (line 5), re-used by f.
    assert (issues[0].line, issues[0].column) == (5, 4)
    # Each distinct node was walked at most once: the aliases were counted, not followed.
    assert len(nodes_walked) < 100


def test_aliases_just_under_the_limit_are_accepted():
    # a to e: about 75 000 nodes once expanded, under MAX_ALIAS_NODES.
    text = "\n".join(BILLION_LAUGHS.splitlines()[:5]) + "\n"
    node, issues = compose_text(text)
    assert issues == [] and len(node.value) == 5


def test_billion_laughs_card_file_is_a_located_problem(builder):
    builder.raw["cards/laughs.yaml"] = BILLION_LAUGHS
    result = builder.load()
    assert result.pack is None
    expect(result, builder.shown("cards/laughs.yaml"), 5, "aliases expand too much")


def test_a_few_aliases_are_fine():
    text = "a: &t {id: Teks, en: Text}\nb: *t\nc: *t\n"
    node, issues = compose_text(text)
    assert issues == [] and node.value[1][1] is node.value[0][1]


def test_merge_keys_are_flattened():
    node, issues = compose_text("base: &b {safe: true, label: x}\nchoice: {<<: *b, label: y}\n")
    assert issues == []
    choice = node.value[1][1]
    assert sorted((k.value, v.value) for k, v in choice.value) == [("label", "y"),
                                                                  ("safe", "true")]


def test_recursive_alias_is_refused():
    node, issues = compose_text("a: &a [1, *a]\n")
    assert node is None and "refers to the node that contains it" in issues[0].message


def test_python_tags_are_refused_with_a_position():
    node, issues = compose_text("ok: 1\nevil: !!python/object/new:os.system [ls]\n"
                                "also: !custom 3\n")
    assert [(i.line, i.column) for i in issues] == [(2, 7), (3, 7)]
    assert "not allowed" in issues[0].message


def test_exclamation_marks_in_text_are_not_tags():
    assert compose_text("a: Hati-hati! Awas!\nb: 'Stop!'\n")[1] == []


def test_deep_nesting_is_refused_before_parsing(monkeypatch):
    def parse(*_args, **_kwargs):
        raise AssertionError("the parser was given a file nested too deeply")

    monkeypatch.setattr(yaml_source.yaml, "compose", parse)
    for text, line in (("[" * 100_000, 1), ("- " * 100_000 + "x", 1),
                       ("a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 800)), 501)):
        node, issues = compose_text(text)
        assert node is None, text[:20]
        assert [(i.message.startswith("nesting is too deep"), i.line) for i in issues] == [
            (True, line)], text[:20]


def test_nesting_far_deeper_than_a_pack_needs_is_still_read():
    indented = "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 400))
    brackets = "a: " + "[" * 400 + "1" + "]" * 400 + "\n"
    for text in (indented, brackets):
        node, issues = compose_text(text)
        assert issues == [] and node is not None, text[:20]


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The names of the files yaml_source opens."""
    names: list[str] = []
    real_open = open

    def recording_open(file, *args, **kwargs):
        names.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(yaml_source, "open", recording_open, raising=False)
    return names


def test_big_file_is_refused_before_reading(tmp_path, opened):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB that was never written
    node, issues = read_yaml(big)
    assert node is None
    assert [i.message for i in issues] == ["file is too large (52.4 MB; the limit is 10 MB)"]
    assert opened == []


def test_big_card_file_in_a_pack(builder, opened):
    folder = builder.write()
    with open(folder / "cards" / "huge.yaml", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    result = load_pack(folder)
    expect(result, builder.shown("cards/huge.yaml"), 1, "too large")
    assert str(folder / "cards" / "huge.yaml") not in opened
    assert str(folder / "cards" / "work.yaml") in opened  # the other cards were read


def test_byte_order_mark_and_utf16(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("\ufeffa: é\n".encode("utf-8"))
    assert read_yaml(path)[0].value[0][1].value == "é"
    path.write_bytes("a: é\n".encode("utf-16"))
    assert read_yaml(path)[0].value[0][1].value == "é"


def test_control_character_is_located():
    node, issues = compose_text("a: ok\nb: é\x07\n")
    assert node is None and (issues[0].line, issues[0].column) == (2, 5)


def test_two_documents_are_a_syntax_error():
    node, issues = compose_text("a: 1\n---\nb: 2\n")
    assert node is None and issues[0].line == 2


def test_same_nodes_as_the_plain_c_loader():
    import yaml

    from .conftest import GOOD_PACK
    text = ("a: [yes, no, 'yes', 1, 1_000, 0x1F, 1.5, .inf, ~, null, '', 2020-01-01, on]\n"
            "b: {x: true, y: \"true\", z: !!str 5}\n")
    texts = [text] + [p.read_text(encoding="utf-8") for p in sorted(GOOD_PACK.rglob("*.y*ml"))]
    for source in texts:
        ours, issues = compose_text(source)
        assert issues == []
        assert yaml.serialize(ours) == yaml.serialize(yaml.compose(source, Loader=yaml.SafeLoader))


def test_merge_keys_in_a_card(builder):
    builder.raw["cards/merged.yaml"] = (
        "- id: merged\n"
        "  stage: work\n"
        "  title: &t {id: Sama, en: Same}\n"
        "  text: *t\n"
        "  choices:\n"
        "    - &base {label: *t, safe: true, feedback: *t, outcome: safe-return}\n"
        "    - {<<: *base, safe: false}\n")
    result = builder.load()
    assert result.problems == []
    card = result.pack.card("merged")
    assert [c.safe for c in card.choices] == [True, False]
    assert card.text == {"id": "Sama", "en": "Same"}
