"""Safe YAML reading: positions, syntax errors, tags, size and alias limits."""
from __future__ import annotations

import time
import tracemalloc

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


def test_billion_laughs_is_refused_quickly_and_cheaply():
    tracemalloc.start()
    start = time.perf_counter()
    node, issues = compose_text(BILLION_LAUGHS)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert node is None and "aliases expand too much" in issues[0].message
    assert issues[0].line >= 1
    assert elapsed < 1.0
    assert peak < 20 * 1024 * 1024


def test_billion_laughs_card_file_is_a_located_problem(builder):
    builder.raw["cards/laughs.yaml"] = BILLION_LAUGHS
    start = time.perf_counter()
    result = builder.load()
    assert time.perf_counter() - start < 1.0
    problem = expect(result, builder.shown("cards/laughs.yaml"),
                     next(p.line for p in result.problems if "expand" in p.message),
                     "aliases expand too much")
    assert problem.line > 1


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


def test_deep_nesting_is_refused_not_a_crash():
    for text in ("[" * 100_000, "- " * 100_000 + "x", "a:\n" + "".join(
            " " * i + f"k{i}:\n" for i in range(1, 800))):
        node, issues = compose_text(text)
        assert node is None and issues, text[:20]


def test_big_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB that was never written
    start = time.perf_counter()
    node, issues = read_yaml(big)
    assert time.perf_counter() - start < 1.0
    assert node is None and "too large" in issues[0].message


def test_big_card_file_in_a_pack(builder):
    folder = builder.write()
    with open(folder / "cards" / "huge.yaml", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    start = time.perf_counter()
    result = load_pack(folder)
    assert time.perf_counter() - start < 1.0
    expect(result, builder.shown("cards/huge.yaml"), 1, "too large")


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
