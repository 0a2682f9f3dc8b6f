"""The card (picture, title, text, the words to know, 1-4 numbered choices,
greyed ones with why), the feedback after a choice, and short messages (safe
space, checkpoint...).

Where things go on the card is worked out by game.ui.card_layout; the
feedback, outcome and message panels by game.ui.sheet. Every screen here notes
what it drew (game.ui.regions) for the tests.
"""
from __future__ import annotations

from typing import Optional

import pygame

from game.engine.actions import Choose
from game.localise import tr
from game.ui import picture as pictures
from game.ui.board.geometry import draw_space_icon
from game.ui.card_layout import CardLayout, CardPlan, Choice
from game.ui.debrief.journey import draw_padlock
from game.ui.glossary import heading_for, words_in
from game.ui.layout import BUTTON
from game.ui.regions import PICTURE, Regions
from game.ui.scenes.base import Overlay
from game.ui.sheet import Row, Sizes, draw_page, fit_sheet, keep_free, marked_row, text_row
from game.ui.text import block, text_width
from game.ui.theme import palette
from game.ui.widgets import Button, ButtonGroup, dim, draw_mark, draw_warning, rounded

NUMBER_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3,
               pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2, pygame.K_KP4: 3}
WORDS_KEYS = (pygame.K_RIGHT, pygame.K_LEFT)     # open and close the words to know


def clear_images() -> None:
    """Forget the pictures loaded (the pack's assets/ may have changed)."""
    pictures.clear()


def missing_text(app, missing) -> str:
    """'Needs: Passport, money Rp 500 ribu' for a greyed choice."""
    parts = [app.text(app.pack.document(d).name).split(" (")[0] for d in missing.documents]
    parts += [f.replace("-", " ") for f in missing.flags]
    if missing.money is not None:
        parts.append(tr("needs_money", amount=app.money(missing.money)))
    return tr("needs", what=", ".join(parts))


class CardScene(Overlay):
    name = "card"

    def __init__(self, app, board):
        super().__init__(app)
        self.board = board
        self.card = app.rules.card_on_show(app.log.game)
        self.shot_name = f"card-{self.card.id}"
        self.drawn = Regions()
        self.image: Optional[pygame.Surface] = None
        self.image_ok = False
        self.words_open = False           # the words to know shown over the card
        self.words_page = 0
        self.scroll = 0                   # how far the part above the choices is scrolled

    def on_enter(self) -> None:
        self.app.sounds.play("step")

    # -- layout -------------------------------------------------------------------
    def layout(self) -> None:
        app, card = self.app, self.card
        journey = app.log.game.journey
        self.choices = []
        for i, choice in enumerate(card.choices):
            missing = app.rules.missing(journey, choice)
            self.choices.append(Choice(i, app.text(choice.label),
                                       missing_text(app, missing) if missing else "",
                                       not missing))
        self.lang, self.words = words_in(
            app, [card.title, card.text] + [c.label for c in card.choices], card.text)
        self.words_heading = heading_for(self.lang)
        stage = tr(f"stage_{card.stage}")
        route = tr("route_irregular") if journey.route == "irregular" else tr("route_regular")
        fitter = CardLayout(self.L, app.pack, card.image, f"{stage} · {route}",
                            app.text(card.title), app.text(card.text), self.choices,
                            self.words, self.words_heading)
        self.plan = fitter.fit()
        self._apply(self.plan, fitter.button_label)
        self._lay_words()

    def _apply(self, plan: CardPlan, words_label: str) -> None:
        self.card_group = self.group = ButtonGroup()
        self.rect, self.inner, self.size, self.full = plan.rect, plan.inner, plan.size, plan.full
        self.image, self.image_ok = None, False
        if plan.picture is not None:
            self.image, self.image_ok = pictures.picture(self.app.pack, self.card.image,
                                                         plan.picture)
        if plan.words_button is not None:
            r = plan.words_button.move(plan.inner.topleft)
            b = self.button(r, words_label, self.open_words, "secondary", size=plan.size,
                            name="words")
            b.key = WORDS_KEYS[0]
        gap = plan.gap
        y = plan.inner.y + plan.choices_y
        for row, rh in zip(plan.rows, plan.row_heights):
            for c, i in enumerate(row):
                choice = self.choices[i]
                r = pygame.Rect(plan.inner.x + c * (plan.choice_w + gap), y, plan.choice_w, rh)
                b = self.button(r, choice.label, lambda i=i: self.choose(i), "choice",
                                size=plan.size, number=i + 1, enabled=choice.enabled,
                                reason=choice.reason, align="left", name=f"choice-{i + 1}")
                b.key = pygame.K_1 + i
            y += rh + gap
        self.scroll = max(0, min(self.scroll, plan.scroll_max))
        if plan.view_h:                   # the scroll buttons, at the strip's right end
            h = round(plan.size * 2.1)
            w = round(h * 1.5)
            x = plan.inner.right
            for name, step, up in (("scroll-down", 1, False), ("scroll-up", -1, True)):
                x -= w
                self.button(pygame.Rect(x, plan.inner.y + plan.strip_y, w, h), "",
                            lambda step=step: self.scroll_page(step), "secondary",
                            size=plan.size, name=name, icon=_arrow(up))
                x -= self.L.pad // 2
            self._scroll_buttons()

    def _scroll_buttons(self) -> None:
        """Up and down greyed when there is no more that way."""
        for b in self.card_group.buttons:
            if b.name == "scroll-up":
                b.enabled = self.scroll > 0
            elif b.name == "scroll-down":
                b.enabled = self.scroll < self.plan.scroll_max

    # -- scrolling (only when nothing else fits) ------------------------------------------
    def scroll_by(self, dy: int) -> bool:
        """Scroll the part above the choices `dy` px down (up when negative)."""
        to = max(0, min(self.scroll + int(dy), self.plan.scroll_max))
        if to == self.scroll:
            return False
        self.scroll = to
        self._scroll_buttons()
        self._changed()
        return True

    def scroll_page(self, step: int) -> None:
        """A view's height less a line, down (1) or up (-1)."""
        line = round(self.plan.size * 1.4)
        self.scroll_by(step * max(line, self.plan.view_h - 2 * line))

    # -- the words to know over the card (the last resort) ----------------------------
    def _lay_words(self) -> None:
        """The panel "Words to know (N)" opens: a sheet of words only, closed
        by its own button (which turns its pages first, if it has more than one)."""
        self.words_group = ButtonGroup()
        self.words_sheet = None
        if self.plan.words_button is None:
            self.words_open = False
            return
        L = self.L
        label = tr("back_to_card")

        def back_w(sizes: Sizes) -> int:
            return min(L.width - 4 * L.pad, max(round(L.height * 0.4),
                                                text_width(label, sizes.heading, True)
                                                + 4 * L.pad))

        def back_h(sizes: Sizes) -> int:
            return max(L.px(BUTTON), round(sizes.body * 2.1),
                       Button.height_for(label, back_w(sizes), sizes.heading))

        sheet = self.words_sheet = fit_sheet(L, lambda *a: [], self.words, self.words_heading,
                                             0.8, back_h, palette().paper)
        self.words_page = min(self.words_page, len(sheet.pages) - 1)
        size = sheet.sizes.heading
        w = min(sheet.rect.width - 2 * sheet.pad, back_w(sheet.sizes))
        r = pygame.Rect(0, 0, w, back_h(sheet.sizes))
        r.bottomright = (sheet.rect.right - sheet.pad, sheet.rect.bottom - sheet.pad)
        b = self.words_group.add(Button(r, label, self.close_words, "primary", size=size,
                                        name="back"))
        b.key = WORDS_KEYS[1]
        self.words_group.set_focus(0)
        self.group = self.words_group if self.words_open else self.card_group

    def open_words(self) -> None:
        if self.words_sheet is not None and not self.words_open:
            self.words_open, self.words_page = True, 0
            self.group = self.words_group
            self._changed()

    def close_words(self) -> None:
        """Back to the card (after the last page of words, when there are several)."""
        if not self.words_open:
            return
        if self.words_page < len(self.words_sheet.pages) - 1:
            self.words_page += 1
        else:
            self.words_open = False
            self.group = self.card_group
        self._changed()

    def _changed(self) -> None:
        changed = getattr(self.app, "changed", None)
        if changed is not None:
            changed()

    # -- input ----------------------------------------------------------------------
    def choose(self, index: int) -> None:
        if self.app.top is not self or self.words_open:
            return
        offered = self.app.rules.offered(self.app.log.game)
        if index not in offered:
            return
        self.app.pop(self)
        self.board.send(Choose(index))

    def handle_event(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if self.words_open:
                if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE,
                                 pygame.K_ESCAPE) + WORDS_KEYS:
                    self.close_words()
                    return
            else:
                if event.key == pygame.K_ESCAPE:
                    self.board.open_menu()
                    return
                if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.plan.view_h:
                    self.scroll_page(1 if event.key == pygame.K_PAGEDOWN else -1)
                    return
                if event.key == WORDS_KEYS[0] and self.words_sheet is not None:
                    self.open_words()
                    return
                if event.key in NUMBER_KEYS:
                    self.choose(NUMBER_KEYS[event.key])
                    return
        if event.type == pygame.MOUSEWHEEL and not self.words_open and self.plan.view_h:
            self.scroll_by(-event.y * round(self.plan.size * 1.4) * 2)
            return
        self.group.handle(event)

    def bot_target(self, bot):
        if self.words_open:
            return self.words_group.find("back")
        index = bot.choose(self.app.rules, self.app.log.game)
        return self.group.find(f"choice-{index + 1}")

    # -- drawing ----------------------------------------------------------------------
    def draw(self, surface) -> None:
        C, plan = palette(), self.plan
        self.drawn = Regions()
        self.draw_panel(surface, self.rect)
        if not plan.view_h:
            self._draw_content(surface, self.inner.y, self.rect, self.drawn)
        else:
            # the view that scrolls, less the menu buttons' corner (two rectangles):
            # what is outside is hidden, and noted only as far as it shows
            view = pygame.Rect(self.inner.x, self.inner.y, self.inner.width, plan.view_h)
            corner = keep_free(self.L).clip(view)
            parts = [view]
            if corner.height:
                parts = [pygame.Rect(view.x, view.y, corner.left - view.x,
                                     corner.bottom - view.y),
                         pygame.Rect(view.x, corner.bottom, view.width,
                                     view.bottom - corner.bottom)]
            box = pygame.Rect(self.rect.x, self.rect.y - self.scroll, self.rect.width,
                              self.rect.height + plan.scroll_max)
            clip = surface.get_clip()
            for part in parts:
                if part.width <= 0 or part.height <= 0:
                    continue
                surface.set_clip(part.clip(clip))
                drawn = Regions()
                self._draw_content(surface, self.inner.y - self.scroll, box, drawn)
                self.drawn += [d._replace(rect=d.rect.clip(part)) for d in drawn
                               if d.rect.clip(part).height and d.rect.clip(part).width]
            surface.set_clip(clip)
            self._draw_strip(surface)
        self.card_group.draw(surface)
        if self.words_open:
            sheet = self.words_sheet
            dim(surface, C.dim)
            drawn = self.drawn = Regions()      # what is on top now
            self.draw_panel(surface, sheet.rect)
            draw_page(surface, sheet, self.words_page, drawn)
            self.words_group.draw(surface)

    def _draw_content(self, surface, y0: int, box: pygame.Rect, drawn: Regions) -> None:
        """The picture, chip, title, text and words to know, the inner rect's top at
        `y0` (`box`: where their text may be)."""
        L, C, plan = self.L, palette(), self.plan
        x0 = self.inner.x
        if self.image is not None:
            at = (x0 + plan.picture_at[0], y0 + plan.picture_at[1])
            surface.blit(self.image, at)
            drawn.add(PICTURE, "picture", self.image.get_rect(topleft=at))
        x = x0 + plan.head_x
        cx, cy = x + plan.chip_at[0], y0 + plan.chip_at[1]
        chip_w = max(s.get_width() for s in plan.chip.surfaces) if plan.chip.lines else 0
        chip = pygame.Rect(cx, cy, chip_w + L.pad, plan.chip.height)
        rounded(surface, chip, C[f"stage_{self.card.stage}"], L.radius)
        plan.chip.draw(surface, cx + L.pad // 2, cy, box, "card-chip")
        drawn.block("card-chip", plan.chip, cx + L.pad // 2, cy)
        y = y0 + plan.title_y
        plan.title.draw(surface, x, y, box, "card-title")
        drawn.block("card-title", plan.title, x, y)
        x, y = x0 + plan.text_x, y0 + plan.text_y
        plan.text.draw(surface, x, y, box, "card-text")
        drawn.block("card-text", plan.text, x, y)
        if plan.words:
            plan.words.draw(surface, x0 + plan.words_at[0], y0 + plan.words_at[1], box, drawn)

    def _draw_strip(self, surface) -> None:
        """Under the view that scrolls: a bar showing which part of it is on show,
        between the words' button and the scroll buttons."""
        C, L, plan = palette(), self.L, self.plan
        top = self.inner.y + plan.strip_y
        h = round(plan.size * 2.1)
        left = self.inner.x + (plan.words_button.width + L.pad if plan.words_button else 0)
        right = min(b.rect.left for b in self.card_group.buttons
                    if b.name.startswith("scroll-")) - L.pad
        if right - left < h:
            return
        thick = max(4, round(plan.size * 0.3))
        track = pygame.Rect(left, top + (h - thick) // 2, right - left, thick)
        rounded(surface, track, C.disabled, thick // 2)
        total = plan.view_h + plan.scroll_max
        w = max(thick * 2, round(track.width * plan.view_h / total))
        x = track.x + round((track.width - w) * self.scroll / max(1, plan.scroll_max))
        rounded(surface, pygame.Rect(x, track.y, w, thick), C.secondary, thick // 2)


def _arrow(up: bool):
    """A button's icon: a triangle pointing up or down."""
    def draw(surface, box: pygame.Rect, colour) -> None:
        w, h = box.width, round(box.height * 0.6)
        top, bottom = box.centery - h // 2, box.centery + h // 2
        tip, base = (top, bottom) if up else (bottom, top)
        pygame.draw.polygon(surface, colour, [(box.centerx, tip), (box.left, base),
                                              (box.right, base)])
    return draw


def effect_lines(app, fx, route: Optional[str]) -> list[tuple[str, str]]:
    """What a choice changed, as (kind, words): kind is good / bad / neutral."""
    out = []
    if fx is not None:
        if fx.money > 0:
            out.append(("good", tr("fx_money_up", amount=app.money(fx.money))))
        elif fx.money < 0:
            out.append(("bad", tr("fx_money_down", amount=app.money(-fx.money))))
        if fx.debt > 0:
            out.append(("bad", tr("fx_debt_up", amount=app.money(fx.debt))))
        elif fx.debt < 0:
            out.append(("good", tr("fx_debt_down", amount=app.money(-fx.debt))))
        if fx.risk > 0:
            out.append(("bad", tr("fx_risk_up", n=fx.risk)))
        elif fx.risk < 0:
            out.append(("good", tr("fx_risk_down", n=-fx.risk)))
        names = lambda ids: ", ".join(app.text(app.pack.document(d).name) for d in ids)
        if fx.gained:
            out.append(("good", tr("fx_gained", docs=names(fx.gained))))
        if fx.lost:
            out.append(("bad", tr("fx_lost", docs=names(fx.lost))))
        if fx.contact:
            out.append(("good", tr("fx_contact",
                                   name=app.text(app.pack.contact(fx.contact).name))))
        if fx.skip:
            out.append(("bad", tr("fx_skip", n=fx.skip)))
    if route == "irregular":
        out.append(("bad", tr("fx_route_irregular")))
    elif route == "regular":
        out.append(("good", tr("fx_route_regular")))
    return out


class Confirm(Overlay):
    """An overlay closed with Continue (Space/Enter, click or tap).

    Its content is a sheet (game.ui.sheet): `rows(sizes, width)` builds the
    rows for a text size and width, `lay_sheet` fits them with the words to
    know and puts Continue in a row of its own at the bottom. In the rare case
    that the words to know need a second page, Continue shows it first."""

    def __init__(self, app, beat):
        super().__init__(app)
        self.beat = beat
        self.page = 0
        self.sheet = None
        self.drawn = Regions()

    def close(self) -> None:
        if self.app.top is not self:
            return
        if self.sheet is not None and self.page < len(self.sheet.pages) - 1:
            self.page += 1
            self.app.changed()
            return
        self.app.pop(self)
        if self.beat is not None:
            self.beat.done = True

    def handle_event(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER):
                self.close()
                return
            if event.key == pygame.K_ESCAPE:
                board = next((s for s in self.app.scenes if hasattr(s, "open_menu")), None)
                if board is not None:
                    board.open_menu()
                return
        self.group.handle(event)

    def bot_target(self, bot):
        return self.group.find("continue")

    # -- the sheet ------------------------------------------------------------------
    def rows(self, sizes: Sizes, width: int, first: Optional[int] = None) -> list[Row]:
        """The sheet's rows at `sizes`, `width` wide (the first `first` wide, if given)."""
        return []

    def lay_sheet(self, words=(), heading: str = "", width_share: float = 0.74) -> None:
        self.group.clear()
        self.sheet = fit_sheet(self.L, self.rows, list(words), heading, width_share,
                               self.continue_h, palette().paper)
        self.page = min(self.page, len(self.sheet.pages) - 1)
        self.rect, self.inner = self.sheet.rect, self.sheet.inner
        self.size = self.sheet.sizes.body
        self.add_continue(self.rect, self.sheet.pad, self.sheet.sizes, self.sheet.button_right)

    def draw_sheet(self, surface, colour) -> None:
        L, C = self.L, palette()
        self.drawn = Regions()
        self.draw_panel(surface, self.rect, colour)
        draw_page(surface, self.sheet, self.page, self.drawn)
        pages = len(self.sheet.pages)
        if pages > 1:
            b = self.group.find("continue")
            note = block(f"{self.page + 1}/{pages}", self.sheet.sizes.body, C.ink_soft,
                         b.rect.left - self.inner.left, bold=True)
            y = b.rect.centery - note.height // 2
            note.draw(surface, self.inner.left, y, self.rect, "page")
            self.drawn.block("page", note, self.inner.left, y)
        self.group.draw(surface)

    def add_continue(self, rect: pygame.Rect, pad: int, sizes: Optional[Sizes] = None,
                     right: int = 0) -> None:
        """Continue at the bottom right (`right` px further left)."""
        size = sizes.heading if sizes else self.L.heading
        w = min(rect.width - 2 * pad - right, self._continue_w(sizes))
        r = pygame.Rect(0, 0, w, self.continue_h(sizes))
        r.bottomright = (rect.right - pad - right, rect.bottom - pad)
        b = self.button(r, tr("continue"), self.close, "primary", size=size, name="continue")
        b.key = pygame.K_RETURN
        self.group.set_focus(len(self.group.buttons) - 1)

    def _continue_w(self, sizes: Optional[Sizes] = None) -> int:
        L = self.L
        size = sizes.heading if sizes else L.heading
        return max(round(L.height * 0.4), text_width(tr("continue"), size, True) + 4 * L.pad)

    def continue_h(self, sizes: Optional[Sizes] = None) -> int:
        L = self.L
        size = sizes.heading if sizes else L.heading
        body = sizes.body if sizes else L.body
        return max(L.px(BUTTON), round(body * 2.1),
                   Button.height_for(tr("continue"), self._continue_w(sizes), size))


class FeedbackScene(Confirm):
    name = "feedback"

    def __init__(self, app, beat, chose, effects, route):
        super().__init__(app, beat)
        self.chose, self.effects, self.route = chose, effects, route
        card = app.pack.card(chose.card)
        self.choice = card.choices[chose.choice]
        self.card = card
        self.shot_name = f"feedback-{card.id}"

    def on_enter(self) -> None:
        self.app.sounds.play("good" if self.chose.safe else "warning")

    def layout(self) -> None:
        choice = self.choice
        self.lang, self.words = words_in(self.app, [choice.label, choice.feedback],
                                         choice.feedback or choice.label)
        self.lay_sheet(self.words, heading_for(self.lang), 0.74)

    def rows(self, sizes: Sizes, width: int, first: Optional[int] = None) -> list[Row]:
        L, C, app = self.L, palette(), self.app
        safe, coerced = self.chose.safe, self.chose.coerced
        icon = round(sizes.big * 1.2)
        gap = L.pad
        # what was done under threat is never the player's mistake: no "Careful!",
        # no "You chose", but what happened to them, with the padlock of the debrief
        heading = "good_choice" if safe else "coerced_choice" if coerced else "risky_choice"
        colour = C.safe if safe else C.trafficked if coerced else C.warning
        head = block(tr(heading), sizes.big, colour, (first or width) - icon - gap, bold=True)
        hh = max(icon, head.height)

        def draw_head(surface, x, y, box, drawn):
            centre = (x + icon // 2, y + hh // 2)
            if safe:
                draw_mark(surface, centre, icon, "safe")
            elif coerced:
                draw_padlock(surface, centre, icon, colour)
            else:
                draw_warning(surface, centre, icon)
            hy = y + (hh - head.height) // 2
            head.draw(surface, x + icon + gap, hy, box, "feedback-head")
            drawn.block("feedback-head", head, x + icon + gap, hy)

        out = [Row(hh, draw_head),
               text_row(block(tr("what_happened" if coerced else "you_chose",
                                 label=app.text(self.choice.label)), sizes.body,
                                C.ink_soft, width, bold=True), "feedback-choice")]
        if self.choice.feedback:
            out.append(text_row(block(app.text(self.choice.feedback), sizes.body, C.ink,
                                        width), "feedback-text"))
        fx = [("safe" if kind == "good" else "unsafe", words,
               C.safe if kind == "good" else C.warning)
              for kind, words in effect_lines(app, self.effects, self.route)]
        row = marked_row(fx, sizes, width, "feedback-effect")
        if row:
            out.append(row)
        return out

    def draw(self, surface) -> None:
        C = palette()
        self.draw_sheet(surface, C.safe_bg if self.chose.safe else
                        C.trafficked_bg if self.chose.coerced else C.warning_bg)


class MessageScene(Confirm):
    """A short message: a safe space, a checkpoint, a lost turn."""
    name = "message"

    def __init__(self, app, beat, message: str, kind: str = "info", title: str = ""):
        super().__init__(app, beat)
        self.message, self.kind, self.title_text = message, kind, title
        self.shot_name = f"message-{kind}"

    def layout(self) -> None:
        self.lay_sheet((), "", 0.66)

    def rows(self, sizes: Sizes, width: int, first: Optional[int] = None) -> list[Row]:
        L, C = self.L, palette()
        icon = round(sizes.big * 1.3)
        tx = icon + L.pad
        width = first or width          # one row: all of it beside the free corner
        title = block(self.title_text, sizes.heading, C.ink, width - tx, bold=True) \
            if self.title_text else None
        text = block(self.message, sizes.body, C.ink, width - tx)
        gap = round(L.pad * 1.3) // 2
        h = max(icon, (title.height + gap if title else 0) + text.height)

        def draw(surface, x, y, box, drawn):
            c = (x + icon // 2, y + icon // 2)
            if self.kind == "safe":
                draw_space_icon(surface, "safe", c, icon * 0.45)
            elif self.kind == "checkpoint":
                draw_space_icon(surface, "checkpoint", c, icon * 0.42)
            elif self.kind == "warning":
                draw_warning(surface, c, icon)
            else:
                draw_mark(surface, c, icon, "none")
            if title:
                title.draw(surface, x + tx, y, box, "message-title")
                drawn.block("message-title", title, x + tx, y)
                y += title.height + gap
            text.draw(surface, x + tx, y, box, "message-text")
            drawn.block("message-text", text, x + tx, y)
        return [Row(h, draw)]

    def draw(self, surface) -> None:
        C = palette()
        self.draw_sheet(surface, {"safe": C.safe_bg, "warning": C.warning_bg}.get(self.kind,
                                                                                  C.paper))
