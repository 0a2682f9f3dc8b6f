"""The outcome screen: a journey has ended, and how.

What it shows comes from the game's debrief (`GameLog.debrief`: ids), its
texts from the pack."""
from __future__ import annotations

from game.ui.text import block, line_height
from game.ui.scenes.card import Confirm
from game.localise import tr
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
        L, C, app = self.L, palette(), self.app
        self.group.clear()
        pad = round(L.pad * 1.4)
        width = L.centred(0.8, 10).width - 2 * pad
        kind = self.journey.kind
        fg, _ = KIND_COLOURS[kind]
        self.token = round(L.big * 1.3)
        name = app.player_name(self.journey)
        self.head = block(tr("outcome_heading", name=name), L.heading, C.ink,
                            width - self.token - pad, bold=True)
        assisted_kind = kind == "trafficked" and self.journey.assisted
        self.badge = block(tr("kind_assisted" if assisted_kind else f"kind_{kind}"), L.body,
                             C.ink_inverse, width, bold=True)
        self.title = block(app.text(self.outcome.title) if self.outcome else "", L.big,
                             C[fg], width, bold=True)
        self.text = block(app.text(self.outcome.debrief) if self.outcome else "", L.body,
                            C.ink, width)
        assisted = self.journey.assisted_by
        words = tr("assisted", contact=app.text(app.pack.contact(assisted).name)) if assisted \
            else tr("assisted_helped") if self.journey.assisted else None
        self.help = block(words, L.body, C.safe, width - L.body - pad, bold=True) \
            if words else None
        h = max(self.token, self.head.height) + pad // 2 + self.badge.height + pad // 2
        h += self.title.height + pad // 2 + self.text.height + pad // 2
        h += (self.help.height + pad // 2) if self.help else 0
        h += self.continue_h() + pad
        self.rect = self.panel_for(h + 2 * pad, 0.8)
        self.inner = self.rect.inflate(-2 * pad, -2 * pad)
        self.add_continue(self.rect, pad)

    def draw(self, surface) -> None:
        L, C = self.L, palette()
        kind = self.journey.kind
        fg, bg = KIND_COLOURS[kind]
        self.draw_panel(surface, self.rect, C[bg])
        x, y = self.inner.topleft
        hh = max(self.token, self.head.height)
        draw_token(surface, (x + self.token // 2, y + hh // 2), self.token, self.journey.player)
        self.head.draw(surface, x + self.token + L.pad, y + (hh - self.head.height) // 2,
                       self.rect, "outcome-head")
        y += hh + L.pad // 2
        d = self.badge.height
        bw = max(s.get_width() for s in self.badge.surfaces) + d + L.pad * 2
        rounded(surface, (x, y, bw, d), C[fg], d // 2)
        draw_mark(surface, (x + d // 2 + 2, y + d // 2), round(d * 0.7),
                  "safe" if kind == "safe" else "none" if kind == "unfinished" else "unsafe")
        self.badge.draw(surface, x + d + L.pad // 2, y, self.rect, "outcome-badge")
        y += d + L.pad // 2
        y += self.title.draw(surface, x, y, self.rect, "outcome-title") + L.pad // 2
        y += self.text.draw(surface, x, y, self.rect, "outcome-text") + L.pad // 2
        if self.help:
            draw_mark(surface, (x + L.body // 2, y + line_height(L.body) // 2),
                      round(L.body * 0.8), "safe")
            self.help.draw(surface, x + L.body + L.pad, y, self.rect, "outcome-help")
        self.group.draw(surface)
