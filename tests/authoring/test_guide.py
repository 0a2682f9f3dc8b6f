"""The authoring guides cannot drift from the code: every YAML example in them is
validated, every validator message is explained in them, every command they show
exists, and both guides cover the same examples."""
from __future__ import annotations

import json
import re

import pytest

from game.content.validate import load_pack

from .guide import GUIDES, KINDS, PLACEHOLDER, ROOT, build_pack, code_blocks, examples

ALL_EXAMPLES = [example for path in GUIDES.values() for example in examples(path)]


def test_both_guides_exist_and_have_examples():
    for language, path in GUIDES.items():
        assert path.is_file(), path
        assert len(examples(path)) >= 15, f"{path.name} has few YAML examples"


@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=str)
def test_every_yaml_example_validates(example, tmp_path):
    assert example.kind in KINDS, (
        f"{example}: start the block with '# fragment: KIND', KIND one of {', '.join(KINDS)}")
    folder = build_pack(example, tmp_path)
    problems = load_pack(folder).problems
    shown = "\n".join(map(str, problems))
    if example.expect:
        for wanted in example.expect:
            assert any(wanted in p.message for p in problems), (
                f"{example}: expected a problem with {wanted!r}, got:\n{shown or 'none'}")
    else:
        # the scaffold's texts (and the guide's, where a real fact must go) hold placeholders
        problems = [p for p in problems if PLACEHOLDER not in p.message]
        shown = "\n".join(map(str, problems))
        assert problems == [], f"{example}: the example does not validate:\n{shown}"


def test_guides_show_the_same_examples():
    """The Indonesian guide is not a shortened copy: the same YAML, kind by kind."""
    def shape(path):
        return sorted((e.kind, e.expect) for e in examples(path))
    assert shape(GUIDES["id"]) == shape(GUIDES["en"])


# -- every validator message is explained --------------------------------------------

# parts of messages rather than messages: what a value says, "did you mean", hints ...
_FRAGMENTS = ("describe_", "thing_", "did_you_mean", "its_fields", "write_list", "each_of",
              "image_size_", "severity_", "count_", "hint_", "pretty_", "summary",
              "yaml_says_")


def validator_messages(language: str) -> list[str]:
    """The text of every message the loader can report, in `language` (from
    localisation/author.<language>.json), its variable parts as '\\0'."""
    keys = set()
    for module in sorted((ROOT / "game" / "content").glob("*.py")):
        keys |= set(re.findall(r"""\bsaid\(\s*["']([a-z0-9_]+)["']""",
                               module.read_text(encoding="utf-8")))
    words = json.loads((ROOT / "localisation" / f"author.{language}.json")
                       .read_text(encoding="utf-8"))[language]
    return [re.sub(r"%\{\w+\}", "\0", words[key]) for key in sorted(keys)
            if not key.startswith(_FRAGMENTS)]


def _key_part(message: str) -> str:
    """The longest fixed stretch of a message: what the guide must quote."""
    parts = [p.strip(" '(),:") for p in message.split("\0")]
    return max(parts, key=len)


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_every_validator_message_is_explained(language):
    """Each guide quotes every message as `validate` says it in the guide's language."""
    guide = GUIDES[language].read_text(encoding="utf-8")
    messages = validator_messages(language)
    assert len(messages) > 40
    missing = sorted({_key_part(m) for m in messages
                      if len(_key_part(m)) >= 6 and _key_part(m) not in guide})
    assert not missing, (f"{GUIDES[language].name} does not explain these validator "
                         "messages (add them to Part 5):\n" + "\n".join(missing))


# -- commands ---------------------------------------------------------------------------

_COMMAND = re.compile(r"python run_game\.py((?: [^\s`|]+)*)")


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_commands_in_the_guide_exist(language):
    import argparse

    from game.cli import COMMANDS, parser

    def options(command, words) -> set[str]:
        """The command's options, and a sub-command's the words name (strings export)."""
        found = {o for action in command._actions for o in action.option_strings}
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                found |= {o for word in words if word in action.choices
                          for o in options(action.choices[word], [])}
        return found

    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    text = GUIDES[language].read_text(encoding="utf-8")
    seen = 0
    for match in _COMMAND.finditer(text):
        words = [w for w in match.group(1).split() if w != "..."]
        seen += 1
        command = "play"
        if words and not words[0].startswith("-"):
            command = words[0]
            assert command in COMMANDS, f"unknown command in the guide: {match.group(0)}"
        allowed = options(sub.choices[command], words)
        for word in words:
            if word.startswith("--"):
                assert word in allowed, match.group(0)
    assert seen >= 10


def test_guides_link_each_other_and_name_the_sections_hints_use():
    english = GUIDES["en"].read_text(encoding="utf-8")
    indonesian = GUIDES["id"].read_text(encoding="utf-8")
    assert "README.id.md" in english and "README.md" in indonesian
    # validate's hints send authors to "scenarios/README.md, 'Reference'"
    assert "## Part 3 — Reference" in english


def test_fences_are_closed():
    for path in GUIDES.values():
        text = path.read_text(encoding="utf-8")
        assert text.count("```") % 2 == 0, f"{path.name}: a ``` block is not closed"
        assert all(language in ("yaml", "json", "") for _l, language, _t in code_blocks(path))


def _slug(heading: str) -> str:
    """The anchor GitHub (and most Markdown viewers) give a heading."""
    text = re.sub(r"`", "", heading.strip().lower())
    text = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return text.replace(" ", "-")


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_links_inside_the_guide_resolve(language):
    text = GUIDES[language].read_text(encoding="utf-8")
    outside_code = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    anchors = {_slug(h) for h in re.findall(r"^#{1,6} (.+)$", outside_code, re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links
    for link in links:
        assert link in anchors, f"{GUIDES[language].name}: no heading for #{link}"
    for target in re.findall(r"\]\(([^)#:]+)\)", text):
        assert (GUIDES[language].parent / target).exists(), target
