"""What was done to a player under threat is never shown as their mistake: the
feedback after a coerced choice says what happened to them, with the padlock of
the debrief, never "Careful!" or "You chose"."""
from __future__ import annotations

import pytest

from game.engine import events as E
from game.localise import tr
from game.ui.regions import drawn_regions
from game.ui.scenes.card import FeedbackScene
from tests.ui.helpers import make_app, pump, to_board

CARD = "trav-irr-handover"     # malaysia: "Go along: there are two of them" is coerced


def feedback_texts(app, choice: int, coerced: bool, lang: str) -> dict[str, str]:
    card = app.pack.card(CARD)
    assert card.choices[choice].coerced == coerced
    chose = E.Chose(0, CARD, choice, card.choices[choice].safe, coerced)
    app.push(FeedbackScene(app, None, chose, None, "irregular"))
    pump(app)
    return {d.what: d.text for d in drawn_regions(app.top) if d.text}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_coerced_choice_is_shown_as_done_to_the_player_not_as_a_mistake(tmp_path, lang):
    app = make_app(pack="malaysia", players=["Siti"], lang=lang, save_dir=tmp_path)
    to_board(app)
    texts = feedback_texts(app, 1, True, lang)
    label = app.text(app.pack.card(CARD).choices[1].label)
    assert texts["feedback-head"] == tr("coerced_choice", lang)
    assert texts["feedback-choice"] == tr("what_happened", lang, label=label)
    shown = " ".join(texts.values())
    assert tr("risky_choice", lang) not in shown
    assert tr("you_chose", lang, label=label) not in shown


def test_a_risky_choice_still_says_careful(tmp_path):
    app = make_app(pack="malaysia", players=["Siti"], lang="en", save_dir=tmp_path)
    to_board(app)
    card = next(c for c in app.pack.cards
                if any(not ch.safe and not ch.coerced for ch in c.choices))
    i = next(i for i, ch in enumerate(card.choices) if not ch.safe and not ch.coerced)
    app.push(FeedbackScene(app, None, E.Chose(0, card.id, i, False, False), None, "regular"))
    pump(app)
    texts = {d.what: d.text for d in drawn_regions(app.top) if d.text}
    assert texts["feedback-head"] == tr("risky_choice", "en")
