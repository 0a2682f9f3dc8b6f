"""Title: play, continue a saved game, language, the story (pack) to play, quit."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import pygame

from game.ui import text as T
from game.ui.scenes.base import Scene
from game.ui.strings import languages, tr
from game.ui.theme import palette
from game.ui.widgets import Button, draw_token, rounded

_headers_cache: dict[str, list] = {}


def pack_headers(extra_ref: Optional[str]) -> list:
    """Headers of the packs under scenarios/, plus the --pack folder if elsewhere."""
    key = str(extra_ref)
    if key in _headers_cache:
        return _headers_cache[key]
    from game.cli import SCENARIOS
    from game.content.validate import find_pack_dirs, read_pack_header, resolve_pack
    found = []
    dirs = list(find_pack_dirs(SCENARIOS))
    if extra_ref:
        extra = resolve_pack(extra_ref, SCENARIOS)
        if extra is not None and all(Path(d).resolve() != Path(extra).resolve() for d in dirs):
            dirs.append(extra)
    for d in dirs:
        header = read_pack_header(d)
        if header is not None:
            found.append(header)
    # the example pack is for authors: list it last
    found.sort(key=lambda h: (h.id == "example", h.id))
    _headers_cache[key] = found
    return found


class TitleScene(Scene):
    name = "title"

    def __init__(self, app):
        super().__init__(app)
        self.error = ""
        self.headers = pack_headers(app.pack_ref)
        self.selected = self._index_of(app.pack_ref)

    def _index_of(self, ref: str) -> int:
        for i, h in enumerate(self.headers):
            if h.id == ref or str(h.path) == str(ref) or \
                    Path(h.path).resolve() == Path(ref).expanduser().resolve():
                return i
        return 0

    # -- layout ---------------------------------------------------------------
    def layout(self) -> None:
        for share in (0.40, 0.34, 0.28):
            if self._layout(share):
                return

    def _layout(self, share: float) -> bool:
        L, C = self.L, palette()
        self.group.clear()
        pad = L.pad
        w, h = L.width, L.height
        self.title_block = T.block(tr("app_title"), L.title, C.ink, w - 4 * pad, bold=True,
                                   align="center")
        self.sub_block = T.block(tr("app_subtitle"), L.body, C.ink_soft, w - 4 * pad,
                                 align="center")
        top = round(h * 0.04) + self.title_block.height + self.sub_block.height + L.token \
            + 3 * pad
        self.top_y = top
        col_gap = 3 * pad
        left_w = round((w - 4 * pad - col_gap) * share)
        right_w = w - 4 * pad - col_gap - left_w
        self.left = pygame.Rect(2 * pad, top, left_w, h - top - 2 * pad)
        self.right = pygame.Rect(self.left.right + col_gap, top, right_w, h - top - 2 * pad)

        # left column: play, continue, languages, quit
        y = self.left.y
        bh = L.button_h
        play = self.button(pygame.Rect(self.left.x, y, left_w, round(bh * 1.2)), tr("play"),
                           self.play, "primary", size=L.heading, name="play")
        play.key = pygame.K_RETURN
        y = play.rect.bottom + pad
        self.resume_button = None
        if self.app.resume_provider is not None:
            self.resume_button = self.button(pygame.Rect(self.left.x, y, left_w, bh),
                                             tr("resume_game"), self.resume, "secondary",
                                             name="resume")
            y += bh + pad
        y += pad
        self.lang_label_y = y
        y += T.line_height(L.body)
        langs = languages()
        per_row = 2 if len(langs) > 1 else 1
        lw = (left_w - (per_row - 1) * pad) // per_row
        lang_h = max([bh] + [Button.height_for(name, lw, L.body) for _, name in langs])
        for i, (code, name) in enumerate(langs):
            r = pygame.Rect(self.left.x + (i % per_row) * (lw + pad),
                            y + (i // per_row) * (lang_h + pad), lw, lang_h)
            b = self.button(r, name, lambda c=code: self.app.set_language(c), "quiet",
                            name=f"lang-{code}")
            b.selected = code == self.app.lang
        rows = (len(langs) + per_row - 1) // per_row
        y += rows * (lang_h + pad) + pad
        self.button(pygame.Rect(self.left.x, max(y, self.left.bottom - bh), left_w, bh),
                    tr("quit"), lambda: self.app.quit(0), "quiet", name="quit")

        # right column: the stories
        y = self.right.y + T.line_height(L.heading) + pad // 2
        for i, header in enumerate(self.headers):
            label = self.app.text(header.title) or header.id
            bh_i = max(T.line_height(L.body) + pad,
                       Button.height_for(label, right_w, L.body) - round(L.body * 0.6))
            b = self.button(pygame.Rect(self.right.x, y, right_w, bh_i), label,
                            lambda i=i: self.select(i), "choice", name=f"pack-{header.id}",
                            align="left")
            b.selected = i == self.selected
            y += bh_i + pad // 2
        self.desc_rect = pygame.Rect(self.right.x, y + pad, right_w, self.right.bottom - y - pad)
        self.group.set_focus(0)
        if self.headers:
            desc = self.app.text(self.headers[self.selected].description)
            need = T.block(desc, L.body, C.ink, right_w - 2 * pad).height + 2 * pad
            return need <= self.desc_rect.height or share == 0.28
        return True

    def select(self, i: int) -> None:
        self.selected = i
        self.app.pack_ref = str(self.headers[i].path)
        self.error = ""
        self.layout()
        self.group.set_focus(next(k for k, b in enumerate(self.group.buttons)
                                  if b.name == f"pack-{self.headers[i].id}"))
        self.app.changed()

    # -- actions ----------------------------------------------------------------
    def play(self) -> None:
        from game.content.validate import load_pack
        if not self.headers:
            self.error = tr("pack_error")
            return
        header = self.headers[self.selected]
        if self.app.pack is None or self.app.pack.path != str(Path(header.path).resolve()):
            result = load_pack(header.path)
            if result.pack is None:
                self.error = tr("pack_error")
                self.app.changed()
                return
            self.app.pack = result.pack
        from game.ui.scenes.setup import SetupScene
        self.app.push(SetupScene(self.app))

    def resume(self) -> None:
        log = self.app.resume_provider() if self.app.resume_provider else None
        if log is not None:
            self.app.resume_game(log)

    def handle_event(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT) \
                and self.headers:
            step = 1 if event.key == pygame.K_RIGHT else -1
            self.select((self.selected + step) % len(self.headers))
            return
        self.group.handle(event)

    def bot_target(self, bot):
        return self.group.find("play")

    # -- drawing ---------------------------------------------------------------------
    def draw(self, surface) -> None:
        L, C = self.L, palette()
        surface.fill(C.background)
        self._decor(surface)
        y = round(L.height * 0.04)
        box = L.screen
        self.title_block.draw(surface, 2 * L.pad, y, box, "title")
        self.sub_block.draw(surface, 2 * L.pad, y + self.title_block.height, box, "subtitle")
        T.draw_line(surface, tr("language"), L.body, C.ink, (self.left.x, self.lang_label_y),
                    bold=True, box=self.left)
        T.draw_line(surface, tr("choose_pack"), L.heading, C.ink, self.right.topleft, bold=True,
                    box=self.right)
        self.group.draw(surface)
        if self.headers:
            header = self.headers[self.selected]
            desc = self.app.text(header.description)
            if self.error:
                desc = self.error
            if desc and self.desc_rect.height > L.body:
                b = T.block(desc, L.body, C.ink, self.desc_rect.width - 2 * L.pad)
                r = pygame.Rect(self.desc_rect.x, self.desc_rect.y, self.desc_rect.width,
                                min(self.desc_rect.height, b.height + 2 * L.pad))
                rounded(surface, r, C.paper, L.radius, L.border, C.border)
                b.draw(surface, r.x + L.pad, r.y + L.pad, r, "pack-description")

    def _decor(self, surface) -> None:
        """A winding road with the six tokens under the title."""
        L, C = self.L, palette()
        y = round(L.height * 0.04) + self.title_block.height + self.sub_block.height + L.pad \
            + L.token // 2
        pts = [(x, y + round(L.pad * 0.5 * ((x // (L.width // 8)) % 2)))
               for x in range(0, L.width + 1, max(1, L.width // 8))]
        if len(pts) > 1:
            pygame.draw.lines(surface, C.road, False, pts, max(4, L.pad))
        for i in range(6):
            x = round(L.width * (0.2 + i * 0.12))
            draw_token(surface, (x, y), round(L.token * 0.8), i)
