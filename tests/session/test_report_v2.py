"""Format version 2 in the debrief and the session report: coerced choices are
done to the player (never a mistake, never beside "the safe choice"), "trafficked,
then assisted" is named, each element is tied to the card where it appeared, the
glossary is printed, and the CSV gives each choice's kind and text."""
from __future__ import annotations

import csv
import dataclasses
import io

from game.content.model import Choice, GlossaryEntry
from game.engine.actions import Choose, Roll
from game.engine.log import GameLog
from game.engine.rules import Rules
from game.engine.state import CARD
from game.session.report import ReportSession
from game.session.report_csv import render_csv
from game.session.report_html import render_html
from tests.engine.packs import card, choice, make_pack, t
from tests.session.test_report import Page


def v2_pack():
    threat = dataclasses.replace(choice(False, debt=400, next="escape"), coerced=True,
                                 label=t("Sign. There is no choice."))
    handover = dataclasses.replace(
        card("handover", "recruitment", "any", [threat], weight=1000),
        shows=("act", "means"), discuss=t("Who decided here?"),
        text=t("At the LTSA office an agent hands you to a stranger."))
    escape = card("escape", "recruitment", "any",
                  [choice(True, outcome="safe-return", contact="sapa")], weight=0)
    return make_pack([handover, escape],
                     glossary=(GlossaryEntry(t("LTSA"), t("One-roof service office.")),))


def played():
    """A game of one player that meets the handover: made to sign, then helped out."""
    pack = v2_pack()
    rules = Rules(pack)
    log = GameLog(rules, ["Sari"], 3)
    while not log.game.over:
        game = log.game
        if game.phase == CARD:
            log.apply(Choose(rules.offered(game)[0]))
        else:
            log.apply(Roll())
    return pack, log


def session(pack, log, lang="en"):
    return ReportSession("s1", "2026-12-04T10:00:00", lang, pack.id, log.debrief, pack,
                         dict(pack.title))


def test_a_coerced_choice_is_done_to_the_player_and_the_journey_is_trafficked_then_assisted():
    pack, log = played()
    sari = log.debrief.players[0]
    assert sari.coerced_steps and not sari.unsafe_steps
    assert sari.kind == "trafficked" and sari.assisted       # helped out after act and means
    assert sari.elements == {"act": "handover", "means": "handover"}
    assert log.debrief.unsafe_choices == ()

    page = Page(render_html([session(pack, log)], "en")).visible
    assert "Trafficked, then assisted" in page
    assert "done to them" in page and "never the player's mistake" in page
    assert "The safe choice" not in page.split("Sign. There is no choice.")[1][:200]
    assert "(seen on the card “handover”)" in page
    assert "Words to know" in page and "One-roof service office." in page

    page_id = Page(render_html([session(pack, log, "id")], "id")).visible
    assert "Diperdagangkan, lalu dibantu" in page_id and "dipaksa" in page_id


def test_the_csv_gives_each_choices_kind_and_text():
    pack, log = played()
    rows = list(csv.DictReader(io.StringIO(render_csv([session(pack, log)]))))
    handover = [r for r in rows if r["card_id"] == "handover"]
    assert [r["choice_kind"] for r in handover] == ["coerced"]
    assert [r["choice_kind"] for r in rows if r["card_id"] == "escape"] == ["safe"]
    assert handover[0]["choice_text"] == "Sign. There is no choice."
    assert {r["assisted"] for r in rows} == {"true"}
