"""`run_game.py preview`: one card as the game shows it, reloading on change.

Headless: --screenshot draws off-screen, the reload tests call `Preview.poll`
directly, and the window's loop runs on a clock that moves a poll period at
every look, so what it does is counted in loop turns, not seconds.
"""
from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.paths import SCENARIOS
from game.content.validate import Problem
from game.ui.preview import window
from game.ui.preview.screen import choice_notes, problem_lines
from game.ui.preview.window import CARD, ERRORS, NO_CARD, NO_PACK, Preview, run_window
from game.ui.text import OVERFLOWS

EXAMPLE = SCENARIOS / "example"


@pytest.fixture(autouse=True)
def fonts():
    pygame.font.init()
    yield


def copy_pack(tmp_path: Path, name: str = "example") -> Path:
    folder = tmp_path / name
    shutil.copytree(SCENARIOS / name, folder)
    return folder


def touch_later(path: Path, text: str) -> None:
    """Write `text` to `path` with a modification time surely newer than before."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


# -- screenshots ------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_screenshot_of_a_card_with_an_image(tmp_path, lang, size):
    out = tmp_path / "card.png"
    code = main(["preview", "--pack", "example", "rec-offer", "--lang", lang,
                 "--size", f"{size[0]}x{size[1]}", "--screenshot", str(out)])
    assert code == 0
    image = pygame.image.load(str(out))
    assert image.get_size() == size
    assert not OVERFLOWS, OVERFLOWS


def test_screenshot_shows_the_card_and_the_notes_in_the_language():
    preview = Preview("example", "rec-offer", "en", (1024, 768))
    preview.render()
    shown = preview.shown_texts()
    assert "A job offer" in shown
    assert "Ask at the official office first" in shown
    assert preview.scene.image is not None          # the card's picture is drawn
    assert any("Risk +2" in t and "irregular route" in t for t in shown)
    preview.cycle_language()
    preview.render()
    assert preview.lang == "id"
    assert "Tawaran kerja" in preview.shown_texts()
    assert any("Risiko +2" in t for t in preview.shown_texts())


def test_longest_malaysia_card_fits_at_1024x768_in_both_languages():
    from game.content.validate import load_pack
    pack = load_pack(SCENARIOS / "malaysia").pack
    longest = max(pack.cards, key=lambda c: max(
        len(c.title[lang]) + len(c.text[lang]) + sum(len(ch.label[lang]) for ch in c.choices)
        for lang in pack.languages))
    for lang in pack.languages:
        for notes in (True, False):
            preview = Preview("malaysia", longest.id, lang, (1024, 768))
            preview.notes_shown = notes
            preview.render()
            assert preview.scene.card.id == longest.id
    assert not OVERFLOWS, OVERFLOWS


def test_text_is_at_least_3_percent_of_the_screen_height():
    preview = Preview("example", "rec-offer", "en", (1024, 768))
    preview.render()
    assert preview.scene.size >= 0.03 * 768
    assert preview.notes.size >= 0.03 * 768


# -- the words beside the card ---------------------------------------------------------

def test_notes_spell_out_requires_effects_and_where_a_choice_leads():
    preview = Preview("example", "doc-office", "en", (1280, 800))
    preview.render()
    card = preview.pack.card("doc-office")
    notes = choice_notes(preview.scene.app, card)
    assert len(notes) == len(card.choices)
    for note, choice in zip(notes, card.choices):
        if choice.requires.documents:
            assert note.needs.startswith("Needs: ")
        if choice.effects.money < 0:
            assert "Money −Rp" in note.effects
        if choice.next:
            assert note.leads.startswith("Next card: ") and choice.next in note.leads
        if choice.outcome:
            assert note.leads.startswith("Journey ends: ")


def test_keys_follow_a_next_card_and_backspace_goes_back():
    from game.content.validate import load_pack
    pack = load_pack(EXAMPLE).pack
    card, index = next((c, i) for c in pack.cards for i, ch in enumerate(c.choices) if ch.next)
    preview = Preview("example", card.id, "en")
    preview.render()
    key = lambda k: preview.handle(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0))
    assert key(pygame.K_1 + index)
    assert preview.card_id == card.choices[index].next
    preview.render()
    assert any(card.id in t for t in preview.shown_texts())   # "Backspace: back to ..."
    key(pygame.K_BACKSPACE)
    assert preview.card_id == card.id
    assert key(pygame.K_ESCAPE) is False


def test_click_on_an_offered_choice_follows_it():
    from game.content.validate import load_pack
    pack = load_pack(EXAMPLE).pack
    card, index = next((c, i) for c in pack.cards for i, ch in enumerate(c.choices)
                       if ch.next and not ch.requires)
    preview = Preview("example", card.id, "en")
    preview.render()
    pos = preview.scene.group.buttons[index].rect.center
    preview.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    preview.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    assert preview.card_id == card.choices[index].next


# -- wrong card id, broken pack --------------------------------------------------------

def test_unknown_card_says_did_you_mean_on_screen_and_on_stderr(tmp_path, capsys):
    out = tmp_path / "x.png"
    code = main(["preview", "--pack", "example", "rec-ofer", "--lang", "en",
                         "--screenshot", str(out)])
    assert code == 1
    err = capsys.readouterr().err
    assert "no card 'rec-ofer'" in err and "(did you mean 'rec-offer'?)" in err
    preview = Preview("example", "rec-ofer", "en")
    preview.render()
    assert preview.status == NO_CARD
    assert "rec-offer" in preview.reason() and "did you mean" in preview.reason()
    assert any("Did you mean “rec-offer”?" in t for t in preview.shown_texts())
    assert out.is_file()


def test_bad_command_line_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["preview", "--pack", "example"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        main(["preview", "--pack", "example", "rec-offer", "--size", "huge"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        main(["preview", "--help"])
    assert exit_.value.code == 0
    assert "CARD_ID" in capsys.readouterr().out


def test_problem_lines_are_file_line_col_with_the_source_and_a_hint(tmp_path):
    yaml_file = tmp_path / "cards" / "bad.yaml"
    yaml_file.parent.mkdir()
    yaml_file.write_text("- id: x\n  titel: {en: X}\n", encoding="utf-8")
    problems = [Problem(str(yaml_file), 2, 3, "error", "unknown field 'titel' in card "
                        "(did you mean 'title'?)"),
                Problem(str(yaml_file), 2, 3, "error", "unknown field 'titel' again")]
    lines = problem_lines(problems, tmp_path)
    kinds = [k for k, _t, _c in lines]
    assert kinds == ["file", "error", "source", "hint", "error", "source"]   # hint once
    assert lines[0][1] == "cards/bad.yaml"
    assert lines[1][1].startswith("cards/bad.yaml:2:3: error: unknown field 'titel'")
    assert lines[2] == ("source", "  titel: {en: X}", 3)


def test_pack_with_a_yaml_error_shows_the_errors_and_screenshot_exits_1(tmp_path, capsys):
    folder = copy_pack(tmp_path)
    cards = folder / "cards" / "recruitment.yaml"
    text = cards.read_text(encoding="utf-8")
    cards.write_text(text.replace('en: "A job offer"}', 'en: "A job offer"', 1),
                     encoding="utf-8")
    preview = Preview(str(folder), "rec-offer", "en", (1024, 768))
    preview.render()
    assert preview.status == ERRORS
    shown = preview.shown_texts()
    assert any(t.startswith("cards/recruitment.yaml:") and "YAML syntax error" in t
               for t in shown)
    out = tmp_path / "errors.png"
    assert main(["preview", "--pack", str(folder), "rec-offer", "--screenshot", str(out)]) == 1
    assert out.is_file()                       # the error screen is saved too
    assert "YAML syntax error" in capsys.readouterr().err


def test_no_such_pack():
    preview = Preview("no-such-pack", "x")
    preview.render()
    assert preview.status == NO_PACK


# -- reloading -----------------------------------------------------------------------------

def test_reloads_when_a_card_file_changes(tmp_path):
    folder = copy_pack(tmp_path)
    preview = Preview(str(folder), "rec-offer", "en", (1024, 768))
    preview.render()
    assert preview.poll() is False                     # nothing changed
    cards = folder / "cards" / "recruitment.yaml"
    text = cards.read_text(encoding="utf-8")
    touch_later(cards, text.replace("A job offer", "A very good job offer", 1))
    assert preview.poll() is True
    preview.render()
    assert "A very good job offer" in preview.shown_texts()
    # break it: the errors are shown, not a crash; mend it: the card is back
    touch_later(cards, text.replace('en: "A job offer"}', 'en: "A job offer"', 1))
    assert preview.poll() and preview.status == ERRORS
    preview.render()
    touch_later(cards, text)
    assert preview.poll() and preview.status == CARD
    preview.render()
    assert "A job offer" in preview.shown_texts()


def test_reloads_when_an_asset_changes_or_a_card_file_is_added(tmp_path):
    folder = copy_pack(tmp_path)
    preview = Preview(str(folder), "rec-offer", "en")
    image = folder / "assets" / "offer.png"
    pygame.image.save(pygame.Surface((40, 20)), str(image))
    assert preview.poll() is True
    (folder / "cards" / "extra.yaml").write_text("[]\n", encoding="utf-8")
    assert preview.poll() is True


def test_window_loop_polls_and_reloads_then_quits_on_escape(tmp_path, monkeypatch):
    """The real loop, headless: a file changed after the first drawing is seen at
    the next poll, the card is drawn again from it, and Esc closes the window.
    The clock moves one poll period at each look, so every turn of the loop
    polls: the reload must come within a few turns (a bounded count, not seconds)."""
    folder = copy_pack(tmp_path)
    preview = Preview(str(folder), "rec-offer", "en", (800, 600))
    cards = folder / "cards" / "recruitment.yaml"
    text = cards.read_text(encoding="utf-8")
    renders, polls, turns = [], [], []
    real_render, real_poll, real_wait = Preview.render, Preview.poll, pygame.event.wait

    def render(self, surface=None):
        out = real_render(self, surface)
        renders.append(self.shown_texts())
        if len(renders) == 1:
            touch_later(cards, text.replace("A job offer", "Changed offer", 1))
        else:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0))
        return out

    def poll(self):
        polls.append(real_poll(self))
        return polls[-1]

    def wait(timeout):
        turns.append(timeout)
        if len(turns) > 10:         # a loop that never reloads ends here, and fails below
            pygame.event.post(pygame.event.Event(pygame.QUIT))
        return real_wait(1)

    ticks = itertools.count()
    monkeypatch.setattr(Preview, "render", render)
    monkeypatch.setattr(Preview, "poll", poll)
    monkeypatch.setattr(window.pygame.event, "wait", wait)
    assert run_window(preview, clock=lambda: next(ticks) * window.POLL_SECONDS) == 0
    assert polls[0] is True                  # the first poll saw the change and reloaded
    assert len(renders) == 2 and len(turns) == 2, (len(renders), turns)
    assert "Changed offer" in renders[-1]


# -- everything players read: feedback, where a choice leads, the outcome's debrief ---------

def _first(pack, test):
    return next((c, i) for c in pack.cards for i, ch in enumerate(c.choices) if test(ch))


def _key(preview, k):
    return preview.handle(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0))


def test_notes_show_each_choices_feedback_and_where_it_leads():
    from game.content.validate import load_pack
    pack = load_pack(SCENARIOS / "malaysia").pack
    card, index = _first(pack, lambda ch: ch.feedback and ch.outcome)
    preview = Preview("malaysia", card.id, "en", (1920, 1080))
    preview.render()
    shown = preview.shown_texts()
    feedback = card.choices[index].feedback["en"]
    assert any(t == f"Feedback: {feedback}" for t in shown)
    assert any(t.startswith("Journey ends: ") for t in shown)
    from game.ui.preview.screen import WORDS
    assert WORDS["en"]["keys"] in shown             # the keys on screen: the guide's list


def test_number_key_on_an_outcome_shows_the_debrief_with_its_three_elements():
    from game.content.validate import load_pack
    pack = load_pack(SCENARIOS / "malaysia").pack
    card, index = _first(pack, lambda ch: ch.outcome and pack.outcome(ch.outcome).elements)
    outcome = pack.outcome(card.choices[index].outcome)
    for lang in ("en", "id"):
        preview = Preview("malaysia", card.id, lang, (1024, 768))
        preview.render()
        assert _key(preview, pygame.K_1 + index)
        assert preview.status == window.RESULT
        preview.render()
        shown = preview.shown_texts()
        assert any(outcome.title[lang] in t for t in shown)
        assert outcome.debrief[lang] in shown
        for element in ("act", "means", "purpose"):
            text = getattr(outcome.elements, element)[lang]
            assert any(t.endswith(text) and f"({element})" in t for t in shown), element
        feedback = card.choices[index].feedback
        if feedback:
            assert any(feedback[lang] in t for t in shown)
        _key(preview, pygame.K_BACKSPACE)
        assert preview.status == CARD and preview.card_id == card.id


def test_number_key_on_a_choice_without_next_or_outcome_shows_its_feedback():
    from game.content.validate import load_pack
    pack = load_pack(EXAMPLE).pack
    card, index = _first(pack, lambda ch: not ch.next and not ch.outcome and ch.feedback)
    preview = Preview("example", card.id, "en")
    preview.render()
    assert _key(preview, pygame.K_1 + index)
    assert preview.status == window.RESULT and preview.card_id == card.id
    preview.render()
    shown = preview.shown_texts()
    assert f"Feedback: {card.choices[index].feedback['en']}" in shown
    assert any("back to the board" in t for t in shown)
    assert not _key(preview, pygame.K_1) or preview.status == window.RESULT  # no choice here


def test_a_coerced_choice_is_shown_as_done_under_threat_not_as_risky():
    from game.content.validate import load_pack
    from game.ui.preview.screen import choice_heading
    for ref in ("malaysia", "online-scam", "fishing-crew", "middle-east", "example"):
        pack = load_pack(SCENARIOS / ref).pack
        found = [(c, i) for c in pack.cards for i, ch in enumerate(c.choices) if ch.coerced]
        if found:
            break
    else:
        pytest.skip("no coerced choice in the shipped packs")
    card, index = found[0]
    for lang, words in (("en", "Under threat"), ("id", "Dipaksa")):
        preview = Preview(ref, card.id, lang, (1920, 1080))
        preview.render()
        note = choice_notes(preview.scene.app, card)[index]
        head, colour = choice_heading(note, lang)
        assert words in head and colour != "warning"
        assert any(words in t for t in preview.shown_texts())


def test_the_guide_lists_the_keys_on_screen():
    from game.ui.preview.screen import WORDS
    for guide, lang in (("README.md", "en"), ("README.id.md", "id")):
        text = " ".join((SCENARIOS / guide).read_text(encoding="utf-8").split())
        assert WORDS[lang]["keys"] in text, guide
