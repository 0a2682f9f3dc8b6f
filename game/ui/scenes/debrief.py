"""The debrief, stepped through page by page with the arrow
keys or the buttons: who ended where; each journey with its choices marked
safe or not, money, debt and documents; act / means / purpose of a
trafficked outcome; what the safe choice would have been; where to ask for
help; the discussion questions of the cards played. Then back to the title.

What it shows is the game's debrief (`GameLog.debrief`, ids only, the one the
autosave and the session report read); the texts are looked up in the pack.
"""
from __future__ import annotations

import pygame

from game.ui import text
from game.ui.scenes.base import Scene
from game.localise import tr
from game.ui.theme import palette
from game.ui.widgets import Button, draw_contact, draw_mark, draw_token, rounded

KIND_MARK = {"safe": "safe", "unsafe": "unsafe", "trafficked": "trafficked",
             "unfinished": "none"}


def kind_words(p) -> str:
    """How a journey ended, in words: "trafficked, then assisted" named as such."""
    if p.kind == "trafficked" and p.assisted:
        return tr("kind_assisted")
    return tr(f"kind_{p.kind}")


class DebriefScene(Scene):
    name = "debrief"

    def __init__(self, app):
        super().__init__(app)
        self.debrief = app.log.debrief       # ids: the texts are looked up in the pack
        self.page = 0
        self.pages: list = []

    @property
    def shot_name(self) -> str:
        return f"debrief-{self.page + 1:02d}"

    # -- content -----------------------------------------------------------------
    def sections(self) -> list[tuple[str, list]]:
        app, pack, d = self.app, self.app.pack, self.debrief
        out = []
        summary = [("counts",)]
        outcomes = {p.player: pack.outcome(p.outcome) if p.outcome else None for p in d.players}
        for p in d.players:
            outcome = outcomes[p.player]
            title = app.text(outcome.title) if outcome else tr(
                "unfinished_left" if p.ended == "left" else "unfinished_stopped")
            summary.append(("player", p.player, f"{p.name}: {title}"))
            summary.append(("mark", KIND_MARK[p.kind], kind_words(p), 1))
        out.append((tr("debrief_summary"), summary))
        cards = {c.id: c for c in pack.cards}
        for p in d.players:
            blocks = []
            outcome = outcomes[p.player]
            if outcome:
                blocks.append(("mark", KIND_MARK[p.kind],
                               f"{app.text(outcome.title)} ({kind_words(p)})", 0))
                blocks.append(("para", app.text(outcome.debrief), False))
            else:
                blocks.append(("mark", "none", kind_words(p), 0))
            if p.assisted_by:
                blocks.append(("mark", "safe", tr("assisted", contact=app.text(
                    pack.contact(p.assisted_by).name)), 0))
            elif p.assisted:
                blocks.append(("mark", "safe", tr("assisted_helped"), 0))
            blocks.append(("kv", tr("money"), app.money(p.money)))
            blocks.append(("kv", tr("debt"), app.money(p.debt)))
            docs = ", ".join(app.text(pack.document(x).name) for x in p.documents) or tr("none")
            blocks.append(("kv", tr("documents"), docs))
            blocks.append(("heading", tr("debrief_choices")))
            if not p.steps:
                blocks.append(("para", tr("debrief_no_cards"), False))
            for s in p.steps:
                card = cards.get(s.card)
                if card is None:
                    continue
                if s.choice is None:
                    blocks.append(("mark", "none", f"{app.text(card.title)}: {tr('mark_none')}", 1))
                    continue
                label = app.text(card.choices[s.choice].label)
                if s.coerced:       # done to the player: never their unsafe choice
                    mark, word = "none", tr("mark_coerced")
                else:
                    mark = "safe" if s.safe else "unsafe"
                    word = tr(f"mark_{mark}")
                blocks.append(("mark", mark, f"{app.text(card.title)}: {label} ({word})", 1))
            seen_on = p.elements
            if (outcome and outcome.elements) or seen_on:
                e = outcome.elements if outcome else None
                blocks.append(("heading", tr("elements_title")))
                for key in ("act", "means", "purpose"):
                    value = app.text(getattr(e, key)) if e else ""
                    if key in seen_on:
                        value = tr("element_seen_on", text=value,
                                   card=app.text(pack.card(seen_on[key]).title)).strip()
                    if value:
                        blocks.append(("kv", tr(f"element_{key}"), value))
            unsafe = p.unsafe_steps
            if unsafe:
                blocks.append(("heading", tr("safe_instead_title")))
                for s in unsafe:
                    card = cards.get(s.card)
                    if card is None:
                        continue
                    blocks.append(("para", app.text(card.title), True))
                    blocks.append(("mark", "unsafe", tr("you_chose", label=app.text(
                        card.choices[s.choice].label)), 1))
                    for k in s.safe_choices:
                        blocks.append(("mark", "safe", tr("safe_was", label=app.text(
                            card.choices[k].label)), 1))
            out.append((tr("debrief_journey", name=p.name), blocks, p.player))
        contacts = []
        for cid in d.contacts:
            c = pack.contact(cid)
            contacts.append(("contact", app.text(c.name), app.text(c.detail)))
        if contacts:
            out.append((tr("help_title"), contacts))
        questions = []
        for cid in d.discussion:
            card = cards[cid]
            questions.append(("para", app.text(card.title), True))
            questions.append(("question", app.text(card.discuss)))
        if questions:
            out.append((tr("discuss_title"), questions))
        return out

    # -- layout ------------------------------------------------------------------------
    def layout(self) -> None:
        L = self.L
        self.group.clear()
        pad = L.pad
        self.header = pygame.Rect(0, 0, L.width, max(L.topbar.height,
                                                     text.line_height(L.big) + pad))
        label_w = round(L.width * 0.28)
        nav_labels = [tr("previous"), tr("next"), tr("to_title")]
        bh = max([L.button_h] + [Button.height_for(t, label_w, L.body) for t in nav_labels])
        self.nav = pygame.Rect(0, L.height - bh - 2 * pad, L.width, bh + 2 * pad)
        self.report_block = self._report_block(L.width - 6 * pad)
        report_h = self.report_block.height + pad if self.report_block else 0
        self.content = pygame.Rect(3 * pad, self.header.bottom + 2 * pad, L.width - 6 * pad,
                                   self.nav.top - self.header.bottom - 3 * pad - report_h)
        self.pages = self.paginate()
        self.page = min(self.page, len(self.pages) - 1)
        self.prev = self.button(pygame.Rect(2 * pad, self.nav.y + pad, label_w, bh),
                                tr("previous"), self.back, "quiet", name="previous")
        self.next = self.button(pygame.Rect(L.width - 2 * pad - label_w, self.nav.y + pad,
                                            label_w, bh), tr("next"), self.forward, "primary",
                                name="next")
        self.next.key = pygame.K_RIGHT
        self._labels()

    def _report_block(self, width: int):
        """Where the session report was saved (to find and print it), or why not."""
        report = self.app.session.report
        if report is None:
            return None
        lines = [report.notice.text(self.app.lang)]
        if getattr(report, "csv", None) is not None and report.problem is None:
            lines.append(tr("report_csv", file=str(report.csv)))
        return text.block("\n".join(lines), self.L.min_text, palette().ink, width)

    def _labels(self) -> None:
        last = self.page >= len(self.pages) - 1
        self.next.label = tr("to_title") if last else tr("next")
        self.next.name = "finish" if last else "next"
        self.prev.enabled = self.page > 0

    def _measure(self, block, width) -> int:
        return self._render(block, width).height if block[0] != "gap" else self.L.pad

    def _render(self, block, width):
        """A drawable for a block: an object with .height and .draw(surface, x, y)."""
        L, C = self.L, palette()
        kind = block[0]
        pad = L.pad
        mk = round(L.body * 1.0)

        class Drawn:
            def __init__(self, height, fn):
                self.height, self.fn = height, fn

            def draw(self, s, x, y, box):
                self.fn(s, x, y, box)

        if kind == "heading":
            b = text.block(block[1], L.heading, C.secondary, width, bold=True)
            return Drawn(b.height + pad // 2, lambda s, x, y, box: b.draw(s, x, y + pad // 2,
                                                                          box, "debrief-h"))
        if kind == "para":
            b = text.block(block[1], L.body, C.ink, width, bold=block[2])
            return Drawn(b.height + pad // 3, lambda s, x, y, box: b.draw(s, x, y, box,
                                                                          "debrief-p"))
        if kind == "question":
            b = text.block(block[1], L.body, C.ink, width - 2 * pad)
            return Drawn(b.height + pad, lambda s, x, y, box: b.draw(s, x + 2 * pad, y, box,
                                                                     "debrief-q"))
        if kind == "mark":
            indent = block[3] * pad * 2
            b = text.block(block[2], L.body, C.ink, width - indent - mk - pad)

            def fn(s, x, y, box):
                draw_mark(s, (x + indent + mk // 2, y + text.line_height(L.body) // 2), mk, block[1])
                b.draw(s, x + indent + mk + pad, y, box, "debrief-mark")
            return Drawn(b.height + pad // 4, fn)
        if kind == "kv":
            label = block[1] + ":"
            lw = min(text.text_width(label, L.body, True) + pad, width // 3)
            a = text.block(label, L.body, C.ink, lw, bold=True)
            b = text.block(block[2], L.body, C.ink, width - lw - pad)

            def fn(s, x, y, box):
                a.draw(s, x, y, box, "debrief-k")
                b.draw(s, x + lw + pad, y, box, "debrief-v")
            return Drawn(max(a.height, b.height) + pad // 4, fn)
        if kind == "player":
            tk = round(L.heading * 1.1)
            b = text.block(block[2], L.heading, C.ink, width - tk - pad, bold=True)

            def fn(s, x, y, box):
                draw_token(s, (x + tk // 2, y + min(b.height, text.line_height(L.heading)) // 2),
                           tk, block[1])
                b.draw(s, x + tk + pad, y, box, "debrief-player")
            return Drawn(b.height + pad // 4, fn)
        if kind == "contact":
            ic = round(L.body * 1.3)
            a = text.block(block[1], L.body, C.ink, width - ic - pad, bold=True)
            b = text.block(block[2], L.body, C.ink, width - ic - pad)

            def fn(s, x, y, box):
                draw_contact(s, pygame.Rect(x, y, ic, ic))
                a.draw(s, x + ic + pad, y, box, "debrief-contact")
                b.draw(s, x + ic + pad, y + a.height, box, "debrief-contact")
            return Drawn(a.height + b.height + pad, fn)
        if kind == "counts":
            kinds = self.debrief.kinds
            chips = [(k, f"{tr('kind_' + k)}: {kinds.get(k, 0)}")
                     for k in ("safe", "unsafe", "trafficked", "unfinished")
                     if kinds.get(k, 0) or k != "unfinished"]
            lh = text.line_height(L.body)
            rows, x = 1, 0
            places = []
            for k, label in chips:
                w = mk + pad + text.text_width(label, L.body, True) + 2 * pad
                if x + w > width and x:
                    rows, x = rows + 1, 0
                places.append((k, label, x, (rows - 1) * (lh + pad // 2)))
                x += w + pad

            def fn(s, x0, y0, box):
                colours = {"safe": C.safe_bg, "unsafe": C.unsafe_bg,
                           "trafficked": C.trafficked_bg, "unfinished": C.unfinished_bg}
                for k, label, x, y in places:
                    w = mk + pad + text.text_width(label, L.body, True) + 2 * pad
                    rounded(s, pygame.Rect(x0 + x, y0 + y, w, lh), colours[k], lh // 2)
                    draw_mark(s, (x0 + x + pad + mk // 2, y0 + y + lh // 2), mk, KIND_MARK[k])
                    text.draw_line(s, label, L.body, C.ink, (x0 + x + pad * 2 + mk, y0 + y),
                                bold=True, box=box, what="debrief-count")
            return Drawn(rows * (lh + pad // 2) + pad, fn)
        return Drawn(L.pad, lambda *a: None)

    def paginate(self) -> list:
        """Flow every section's blocks into pages that fit the content area."""
        width, room = self.content.width, self.content.height
        pages = []
        for section in self.sections():
            title, blocks = section[0], section[1]
            player = section[2] if len(section) > 2 else None
            page, used, first = [], 0, True
            for i, block in enumerate(blocks):
                h = self._measure(block, width)
                need = h
                keep = 1 if block[0] in ("heading", "player") else 2 if (
                    block[0] == "para" and block[2]) else 0
                for nxt in blocks[i + 1:i + 1 + keep]:
                    need += self._measure(nxt, width)
                if used + need > room and page:
                    pages.append((title if first else f"{title} {tr('continued')}", page, player))
                    page, used, first = [], 0, False
                page.append(block)
                used += h
            pages.append((title if first else f"{title} {tr('continued')}", page, player))
        return pages

    # -- paging --------------------------------------------------------------------
    def forward(self) -> None:
        if self.page < len(self.pages) - 1:
            self.page += 1
            self._labels()
            self.app.changed()
            if self.app.bot is not None and self.page == len(self.pages) - 1:
                self.app.finished_debrief = True
        else:
            if self.app.bot is not None:
                self.app.finished_debrief = True
                return
            self.app.go_title()

    def back(self) -> None:
        if self.page > 0:
            self.page -= 1
            self._labels()
            self.app.changed()

    def on_enter(self) -> None:
        if self.app.bot is not None and len(self.pages) == 1:
            self.app.finished_debrief = True

    def handle_event(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RIGHT, pygame.K_PAGEDOWN, pygame.K_DOWN):
                self.forward()
                return
            if event.key in (pygame.K_LEFT, pygame.K_PAGEUP, pygame.K_UP):
                self.back()
                return
            if event.key in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_KP_ENTER):
                self.forward()
                return
            if event.key == pygame.K_HOME:
                self.page = 0
                self._labels()
                self.app.changed()
                return
        self.group.handle(event)

    def bot_target(self, bot):
        if self.app.finished_debrief:
            return None
        return self.next

    # -- drawing --------------------------------------------------------------------
    def draw(self, surface) -> None:
        L, C = self.L, palette()
        surface.fill(C.background)
        pygame.draw.rect(surface, C.topbar, self.header)
        title, blocks, player = self.pages[self.page]
        x = 2 * L.pad
        if player is not None:
            tk = round(self.header.height * 0.6)
            draw_token(surface, (x + tk // 2, self.header.centery), tk, player)
            x += tk + L.pad
        dtitle = f"{tr('debrief_title')} · {title}"
        size = text.fit_size(dtitle, L.big, L.width - x - 2 * L.pad, True, L.min_text)
        b = text.block(dtitle, size, C.topbar_text, L.width - x - 2 * L.pad, bold=True)
        b.draw(surface, x, self.header.centery - b.height // 2, self.header, "debrief-title")
        panel = self.content.inflate(2 * L.pad, L.pad)
        rounded(surface, panel, C.paper, L.radius, L.border, C.border)
        y = self.content.y
        for block in blocks:
            d = self._render(block, self.content.width)
            d.draw(surface, self.content.x, y, panel)
            y += d.height
        if self.report_block is not None:
            self.report_block.draw(surface, self.content.x, self.content.bottom + L.pad,
                                   L.screen, "debrief-report")
        self.group.draw(surface)
        text.draw_line(surface, tr("page_of", n=self.page + 1, total=len(self.pages)), L.body,
                    C.ink, (L.width // 2, self.nav.centery), bold=True, anchor="center",
                    box=self.nav, what="debrief-page")
