"""The card (title, text, image, 1-4 numbered choices, greyed ones with why),
the feedback after a choice, and short messages (safe space, checkpoint...)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import pygame

from game.engine.actions import Choose
from game.localise import tr
from game.ui.board.geometry import draw_space_icon
from game.ui.scenes.base import Overlay
from game.ui.text import block, line_height, text_width
from game.ui.theme import palette
from game.ui.widgets import Button, draw_mark, draw_warning, rounded

NUMBER_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3,
               pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2, pygame.K_KP4: 3}
_images: dict[tuple[str, int, int], Optional[pygame.Surface]] = {}


def clear_images() -> None:
    """Forget the pictures loaded (the pack's assets/ may have changed)."""
    _images.clear()


def card_image(pack, name: str, box: tuple[int, int]) -> Optional[pygame.Surface]:
    """The card's picture from the pack's assets/, fitted into `box`."""
    key = (f"{pack.path}/{name}", box[0], box[1])
    if key not in _images:
        surf = None
        path = Path(pack.path) / "assets" / name
        try:
            img = pygame.image.load(str(path))
            w, h = img.get_size()
            k = min(box[0] / w, box[1] / h)
            if k > 0:
                surf = pygame.transform.smoothscale(img, (max(1, int(w * k)), max(1, int(h * k))))
        except (pygame.error, OSError, ValueError, FileNotFoundError):
            surf = None
        _images[key] = surf
    return _images[key]


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

    def on_enter(self) -> None:
        self.app.sounds.play("step")

    def layout(self) -> None:
        L = self.L
        for attempt in range(6):
            full = attempt >= 1
            columns = 2 if attempt >= 2 and len(self.card.choices) > 2 else 1
            size = L.body - max(0, attempt - 2) * max(1, (L.body - L.min_text) // 3)
            size = max(L.min_text, size)
            with_image = attempt < 4
            if self._build(full, columns, size, with_image):
                return
        self._build(True, 2 if len(self.card.choices) > 2 else 1, L.min_text, False, force=True)

    def _build(self, full, columns, size, with_image, force=False) -> bool:
        L, C, app = self.L, palette(), self.app
        self.group.clear()
        rect = L.card_rect(full)
        pad = round(L.pad * 1.3)
        inner = rect.inflate(-2 * pad, -2 * pad)
        journey = app.log.game.journey
        stage = tr(f"stage_{self.card.stage}")
        route = tr("route_irregular") if journey.route == "irregular" else tr("route_regular")
        self.chip = block(f"{stage} · {route}", size, C.ink, inner.width, bold=True)
        self.title = block(app.text(self.card.title), max(L.heading, size), C.ink,
                             inner.width, bold=True)
        text = app.text(self.card.text)
        self.image = None
        text_w = inner.width
        if with_image and self.card.image:
            img_w = round(inner.width * 0.36)
            img = card_image(app.pack, self.card.image, (img_w, round(L.height * 0.3)))
            if img is not None:
                self.image = img
                text_w = inner.width - img.get_width() - pad
        self.text = block(text, size, C.ink, text_w)
        head_h = self.chip.height + pad // 2 + self.title.height + pad // 2
        body_h = max(self.text.height, self.image.get_height() if self.image else 0)
        # choices
        gap = L.pad
        col_w = (inner.width - (columns - 1) * gap) // columns
        specs = []
        for i, choice in enumerate(self.card.choices):
            missing = app.rules.missing(journey, choice)
            reason = missing_text(app, missing) if missing else ""
            label = app.text(choice.label)
            h = Button.height_for(label, col_w, size, number=True, reason=reason)
            specs.append((i, label, reason, not missing, h))
        rows = [specs[k:k + columns] for k in range(0, len(specs), columns)]
        choices_h = sum(max(s[4] for s in row) for row in rows) + gap * (len(rows) - 1)
        total = head_h + body_h + pad + choices_h
        if total > inner.height and not force:
            return False
        self.rect = pygame.Rect(rect.x, rect.y, rect.width,
                                min(rect.height, total + 2 * pad))
        if not full:
            self.rect.centery = rect.centery
        self.inner = self.rect.inflate(-2 * pad, -2 * pad)
        self.full = full
        self.size = size
        self.text_w = text_w
        y = self.inner.y + head_h + body_h + pad
        for row in rows:
            rh = max(s[4] for s in row)
            for c, (i, label, reason, enabled, h) in enumerate(row):
                r = pygame.Rect(self.inner.x + c * (col_w + gap), y, col_w, rh)
                b = self.button(r, label, lambda i=i: self.choose(i), "choice", size=size,
                                number=i + 1, enabled=enabled, reason=reason, align="left",
                                name=f"choice-{i + 1}")
                b.key = pygame.K_1 + i
            y += rh + gap
        return True

    def choose(self, index: int) -> None:
        if self.app.top is not self:
            return
        offered = self.app.rules.offered(self.app.log.game)
        if index not in offered:
            return
        self.app.pop(self)
        self.board.send(Choose(index))

    def handle_event(self, event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.board.open_menu()
                return
            if event.key in NUMBER_KEYS:
                self.choose(NUMBER_KEYS[event.key])
                return
        self.group.handle(event)

    def bot_target(self, bot):
        index = bot.choose(self.app.rules, self.app.log.game)
        return self.group.find(f"choice-{index + 1}")

    def draw(self, surface) -> None:
        L, C = self.L, palette()
        self.draw_panel(surface, self.rect)
        x, y = self.inner.topleft
        stage_colour = C[f"stage_{self.card.stage}"]
        chip = pygame.Rect(x - L.pad // 2, y, self.chip.lines and
                           max(s.get_width() for s in self.chip.surfaces) + L.pad,
                           self.chip.height)
        rounded(surface, chip, stage_colour, L.radius)
        self.chip.draw(surface, x, y, self.rect, "card-chip")
        y += self.chip.height + L.pad // 2
        y += self.title.draw(surface, x, y, self.rect, "card-title") + L.pad // 2
        self.text.draw(surface, x, y, self.rect, "card-text")
        if self.image is not None:
            surface.blit(self.image, (self.inner.right - self.image.get_width(), y))
        self.group.draw(surface)


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
    """An overlay closed with Continue (Space/Enter, click or tap)."""

    def __init__(self, app, beat):
        super().__init__(app)
        self.beat = beat

    def close(self) -> None:
        if self.app.top is self:
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

    def panel_for(self, content_h: int, width_share: float = 0.74) -> pygame.Rect:
        L = self.L
        rect = L.centred(width_share, content_h)
        area = L.card_rect()
        if rect.height <= area.height:
            rect.centery = area.centery
        return rect

    def add_continue(self, rect: pygame.Rect, pad: int) -> None:
        L = self.L
        label = tr("continue")
        w = min(rect.width - 2 * pad, max(round(L.height * 0.4),
                                          text_width(label, L.heading, True) + 4 * L.pad))
        h = max(L.button_h, Button.height_for(label, w, L.heading))
        r = pygame.Rect(0, 0, w, h)
        r.bottomright = (rect.right - pad, rect.bottom - pad)
        b = self.button(r, label, self.close, "primary", size=L.heading, name="continue")
        b.key = pygame.K_RETURN
        self.group.set_focus(len(self.group.buttons) - 1)

    def continue_h(self) -> int:
        return max(self.L.button_h, Button.height_for(tr("continue"), round(self.L.height * 0.4),
                                                      self.L.heading))


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
        L, C, app = self.L, palette(), self.app
        self.group.clear()
        pad = round(L.pad * 1.3)
        width = L.centred(0.74, 10).width - 2 * pad
        self.icon = round(L.big * 1.2)
        safe = self.chose.safe
        self.head = block(tr("good_choice") if safe else tr("risky_choice"), L.big,
                            C.safe if safe else C.warning, width - self.icon - pad, bold=True)
        self.you = block(tr("you_chose", label=app.text(self.choice.label)), L.body,
                           C.ink_soft, width, bold=True)
        self.text = block(app.text(self.choice.feedback), L.body, C.ink, width) \
            if self.choice.feedback else None
        self.fx = [(kind, block(words, L.body, C.safe if kind == "good" else C.warning,
                                  width - L.body - pad, bold=True))
                   for kind, words in effect_lines(app, self.effects, self.route)]
        h = max(self.icon, self.head.height) + pad // 2 + self.you.height + pad // 2
        h += (self.text.height + pad // 2) if self.text else 0
        h += sum(b.height for _, b in self.fx) + (pad // 2 if self.fx else 0)
        h += self.continue_h() + pad
        self.rect = self.panel_for(h + 2 * pad)
        self.inner = self.rect.inflate(-2 * pad, -2 * pad)
        self.add_continue(self.rect, pad)

    def draw(self, surface) -> None:
        L, C = self.L, palette()
        self.draw_panel(surface, self.rect, C.safe_bg if self.chose.safe else C.warning_bg)
        x, y = self.inner.topleft
        hh = max(self.icon, self.head.height)
        if self.chose.safe:
            draw_mark(surface, (x + self.icon // 2, y + hh // 2), self.icon, "safe")
        else:
            draw_warning(surface, (x + self.icon // 2, y + hh // 2), self.icon)
        self.head.draw(surface, x + self.icon + L.pad, y + (hh - self.head.height) // 2,
                       self.rect, "feedback-head")
        y += hh + L.pad // 2
        y += self.you.draw(surface, x, y, self.rect, "feedback-choice") + L.pad // 2
        if self.text:
            y += self.text.draw(surface, x, y, self.rect, "feedback-text") + L.pad // 2
        for kind, b in self.fx:
            d = round(L.body * 0.8)
            draw_mark(surface, (x + d // 2, y + line_height(L.body) // 2), d,
                      "safe" if kind == "good" else "unsafe")
            y += b.draw(surface, x + L.body + L.pad, y, self.rect, "feedback-effect")
        self.group.draw(surface)


class MessageScene(Confirm):
    """A short message: a safe space, a checkpoint, a lost turn."""
    name = "message"

    def __init__(self, app, beat, message: str, kind: str = "info", title: str = ""):
        super().__init__(app, beat)
        self.message, self.kind, self.title_text = message, kind, title
        self.shot_name = f"message-{kind}"

    def layout(self) -> None:
        L, C = self.L, palette()
        self.group.clear()
        pad = round(L.pad * 1.3)
        width = L.centred(0.66, 10).width - 2 * pad
        self.icon = round(L.big * 1.3)
        self.title = block(self.title_text, L.heading, C.ink, width - self.icon - pad,
                             bold=True) if self.title_text else None
        self.text = block(self.message, L.body, C.ink, width - self.icon - pad)
        h = max(self.icon, (self.title.height + pad // 2 if self.title else 0) + self.text.height)
        h += pad + self.continue_h()
        self.rect = self.panel_for(h + 2 * pad, 0.66)
        self.inner = self.rect.inflate(-2 * pad, -2 * pad)
        self.add_continue(self.rect, pad)

    def draw(self, surface) -> None:
        L, C = self.L, palette()
        bg = {"safe": C.safe_bg, "warning": C.warning_bg}.get(self.kind, C.paper)
        self.draw_panel(surface, self.rect, bg)
        x, y = self.inner.topleft
        c = (x + self.icon // 2, y + self.icon // 2)
        if self.kind == "safe":
            draw_space_icon(surface, "safe", c, self.icon * 0.45)
        elif self.kind == "checkpoint":
            draw_space_icon(surface, "checkpoint", c, self.icon * 0.42)
        elif self.kind == "warning":
            draw_warning(surface, c, self.icon)
        else:
            draw_mark(surface, c, self.icon, "none")
        tx = x + self.icon + L.pad
        if self.title:
            y += self.title.draw(surface, tx, y, self.rect, "message-title") + L.pad // 2
        self.text.draw(surface, tx, y, self.rect, "message-text")
        self.group.draw(surface)
