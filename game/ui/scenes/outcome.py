"""The outcome screen: a journey has ended, and how.

What it shows comes from the game's debrief (`GameLog.debrief`: ids), its
texts from the pack; the meaning of each glossary term in them is shown
beside them (game.ui.glossary), laid out like the feedback (game.ui.sheet)."""
from __future__ import annotations

from typing import Optional

from game.localise import tr
from game.ui.glossary import heading_for, words_in
from game.ui.scenes.card import Confirm
from game.ui.sheet import Row, Sizes, marked_row, text_row
from game.ui.text import block, line_height
from game.ui.theme import palette
from game.ui.widgets import draw_mark, draw_token, rounded

KIND_COLOURS = {"safe": ("safe", "safe_bg"), "unsafe": ("unsafe", "unsafe_bg"),
                "trafficked": ("trafficked", "trafficked_bg"),
                "unfinished": ("unfinished", "unfinished_bg")}


class OutcomeScene(Confirm):
    name = "outcome"

    def __init__(self, app, beat, ended):
        super().__init__(app, beat)
        self.journey = app.log.debrief.players[ended.player]   # the journey as it ended
        outcome_id = self.journey.outcome
        self.outcome = app.pack.outcome(outcome_id) if outcome_id else None
        self.shot_name = f"outcome-{outcome_id}"

    def on_enter(self) -> None:
        self.app.sounds.play("outcome")

    def layout(self) -> None:
        o, app = self.outcome, self.app
        assisted = self.journey.assisted_by
        helper = app.pack.contact(assisted).name if assisted else None
        texts = [o.title, o.debrief, helper] if o else [helper]
        self.lang, self.words = words_in(app, texts, o.debrief if o else None)
        self.lay_sheet(self.words, heading_for(self.lang), 0.8)

    def rows(self, sizes: Sizes, width: int, first: Optional[int] = None) -> list[Row]:
        L, C, app = self.L, palette(), self.app
        kind = self.journey.kind
        fg = C[KIND_COLOURS[kind][0]]
        token = round(sizes.big * 1.3)
        head = block(tr("outcome_heading", name=app.player_name(self.journey)), sizes.heading,
                     C.ink, (first or width) - token - L.pad, bold=True)
        hh = max(token, head.height)
        player = self.journey.player

        def draw_head(surface, x, y, box, drawn):
            draw_token(surface, (x + token // 2, y + hh // 2), token, player)
            hy = y + (hh - head.height) // 2
            head.draw(surface, x + token + L.pad, hy, box, "outcome-head")
            drawn.block("outcome-head", head, x + token + L.pad, hy)

        assisted_kind = kind == "trafficked" and self.journey.assisted
        badge = block(tr("kind_assisted" if assisted_kind else f"kind_{kind}"), sizes.body,
                      C.ink_inverse, width - 2 * L.pad - round(sizes.body * 1.4), bold=True)
        mark = "safe" if kind == "safe" else "none" if kind == "unfinished" else "unsafe"

        def draw_badge(surface, x, y, box, drawn):
            d = line_height(sizes.body)
            bw = max(s.get_width() for s in badge.surfaces) + d + L.pad * 2
            rounded(surface, (x, y, bw, badge.height), fg, d // 2)
            draw_mark(surface, (x + d // 2 + 2, y + d // 2), round(d * 0.7), mark)
            badge.draw(surface, x + d + L.pad // 2, y, box, "outcome-badge")
            drawn.block("outcome-badge", badge, x + d + L.pad // 2, y)

        out = [Row(hh, draw_head), Row(badge.height, draw_badge)]
        o = self.outcome
        if o is not None:
            out.append(text_row(block(app.text(o.title), sizes.big, fg, width, bold=True),
                                  "outcome-title"))
            out.append(text_row(block(app.text(o.debrief), sizes.body, C.ink, width),
                                  "outcome-text"))
        assisted = self.journey.assisted_by
        words = tr("assisted", contact=app.text(app.pack.contact(assisted).name)) if assisted \
            else tr("assisted_helped") if self.journey.assisted else None
        if words:
            out.append(marked_row([("safe", words, C.safe)], sizes, width, "outcome-help"))
        return out

    def draw(self, surface) -> None:
        self.draw_sheet(surface, palette()[KIND_COLOURS[self.journey.kind][1]])

