"""Title: play, continue a saved game, language, the story (pack) to play, quit."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import pygame

from game.ui import text as ui_text
from game.ui.scenes.base import Scene
from game.localise import languages, tr
from game.ui.theme import palette
from game.ui.widgets import Button, draw_token, rounded

_headers_cache: dict[str, list] = {}


def pack_headers(extra_ref: Optional[str]) -> list:
    """Headers of the packs under scenarios/, plus the --pack folder if elsewhere."""
    key = str(extra_ref)
    if key in _headers_cache:
        return _headers_cache[key]
    from game.paths import SCENARIOS
    from game.content.headers import find_pack_dirs, read_pack_header, resolve_pack
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
        self._L = None            # a smaller text size, when the chosen one does not fit
        self.compact = 0          # 1: a smaller header; 2: no language buttons either
        self.error = ""
        self.headers = pack_headers(app.pack_ref)
        self.selected = self._index_of(app.pack_ref)
        self.latest = self._latest()          # the unfinished game "Continue" offers
        self.notices: list[str] = app.session.take_notices(app.lang)   # shown, never blocking
        self.carry: list[str] = []    # messages the board shows when a game is continued

    def _latest(self):
        return self.app.session.latest()

    def _index_of(self, ref: str) -> int:
        for i, h in enumerate(self.headers):
            if h.id == ref or str(h.path) == str(ref) or \
                    Path(h.path).resolve() == Path(ref).expanduser().resolve():
                return i
        return 0

    # -- layout ---------------------------------------------------------------
    @property
    def L(self):
        return self._L or self.app.L

    def layout(self) -> None:
        """The chosen text size if it fits (a smaller header first), else smaller
        text, never below the 3% minimum; a story's long description is shortened
        (ending in "…") before the language buttons go to the settings screen."""
        from game.ui.layout import Layout
        A = self.app.L
        scales = [k for k in (1.5, 1.25) if k < A.scale] + [1.0]
        scales = [A.scale] + [k for k in scales if k != A.scale]
        for compacts, whole in (((0, 1), True), ((0, 1), False), ((2,), True), ((2,), False)):
            for scale in scales:
                self._L = Layout(A.width, A.height, scale)
                for compact in compacts:
                    self.compact = compact
                    for share in (0.40, 0.34, 0.28):
                        if self._layout(share, whole=whole):
                            return
        self._layout(0.28, force=True)

    def _layout(self, share: float, force: bool = False, whole: bool = True) -> bool:
        L, C = self.L, palette()
        self.group.clear()
        pad = L.pad
        w, h = L.width, L.height
        compact = self.compact
        self.title_block = ui_text.block(tr("app_title"), L.big if compact else L.title, C.ink,
                                   w - 4 * pad, bold=True, align="center")
        self.sub_block = None if compact else ui_text.block(tr("app_subtitle"), L.body, C.ink_soft,
                                                      w - 4 * pad, align="center")
        top = round(h * 0.04) + self.title_block.height + (
            pad if compact else self.sub_block.height + L.token + 3 * pad)
        self.top_y = top
        self.notice_blocks = [ui_text.block(n, L.min_text, C.ink, w - 6 * pad)
                              for n in self.notices[-3:]]
        notes_h = sum(b.height for b in self.notice_blocks)
        self.notes_rect = pygame.Rect(2 * pad, h - pad - notes_h - 2 * pad, w - 4 * pad,
                                      notes_h + 2 * pad) if notes_h else None
        if notes_h:
            h -= notes_h + 3 * pad
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
        if self.latest is not None:
            info = self.latest
            about = ""
            if info is not True:
                about = f"{info.title(self.app.lang)} · {tr('round', n=info.round)}"
            rh = max(bh, Button.height_for(tr("resume_game"), left_w, L.body, reason=about,
                                           reason_size=L.min_text))
            self.resume_button = self.button(pygame.Rect(self.left.x, y, left_w, rh),
                                             tr("resume_game"), self.resume, "secondary",
                                             name="resume", reason=about,
                                             reason_size=L.min_text)
            y += rh + pad
        y += pad
        self.lang_label_y = y
        # the most cramped layout leaves the languages to the settings screen
        langs = languages() if self.compact < 2 else []
        if langs:
            y += ui_text.line_height(L.body)
        per_row = 2 if len(langs) > 1 else 1
        lw = (left_w - (per_row - 1) * pad) // per_row
        inner = lw - 2 * max(6, round(L.body * 0.55))
        if any(ui_text.text_width(word, L.body, True) > inner for _, n in langs for word in n.split()):
            per_row, lw = 1, left_w      # never break a word of a language's name
        lang_h = max([bh] + [Button.height_for(name, lw, L.body) for _, name in langs])
        for i, (code, name) in enumerate(langs):
            r = pygame.Rect(self.left.x + (i % per_row) * (lw + pad),
                            y + (i // per_row) * (lang_h + pad), lw, lang_h)
            b = self.button(r, name, lambda c=code: self.set_language(c), "quiet",
                            name=f"lang-{code}")
            b.selected = code == self.app.lang
        rows = (len(langs) + per_row - 1) // per_row
        y += rows * (lang_h + pad)
        sh = max(bh, Button.height_for(tr("settings"), left_w, L.body))
        self.button(pygame.Rect(self.left.x, y, left_w, sh), tr("settings"),
                    self.app.show_settings, "quiet", name="settings")
        y += sh + pad
        self.button(pygame.Rect(self.left.x, max(y, self.left.bottom - bh), left_w, bh),
                    tr("quit"), lambda: self.app.quit(0), "quiet", name="quit")
        if y + bh > self.left.bottom and not force:
            return False

        # right column: the stories
        y = self.right.y + ui_text.line_height(L.heading) + pad // 2
        for i, header in enumerate(self.headers):
            label = self.app.text(header.title) or header.id
            bh_i = max(ui_text.line_height(L.body) + pad,
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
            need = ui_text.block(desc, L.body, C.ink, right_w - 2 * pad).height + 2 * pad
            if not whole:      # shortened: at least three lines of it
                need = min(need, 3 * ui_text.line_height(L.min_text) + 2 * pad)
            return need <= self.desc_rect.height or force
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
            if result.pack is None or result.errors:
                first = result.errors[0] if result.errors else None
                self.error = tr("pack_error_at", file=Path(first.file).name, line=first.line,
                                message=first.message) if first else tr("pack_error")
                self.app.changed()
                return
            self.app.pack = result.pack
        from game.ui.scenes.setup import SetupScene
        self.app.push(SetupScene(self.app))

    def set_language(self, code: str) -> None:
        self.app.session.remember(language=code)
        self.app.set_language(code)

    def resume(self, auto: bool = False) -> None:
        """Continue the newest unfinished game; ask first if its pack has changed.
        `auto`: --resume, the title never seen: its messages go to the board."""
        loaded = self.app.session.resume_latest()
        if loaded is not None and loaded.log is not None:
            # a save set aside on the way is said on the board (nothing dropped)
            fresh = self.app.session.take_notices(self.app.lang)
            self.notices += fresh
            self.carry = list(self.notices) if auto else fresh
            if loaded.needs_choice:
                from game.ui.scenes.resume import ResumeChoiceScene
                self.app.push(ResumeChoiceScene(self.app, self, loaded))
            else:
                self.app.carry_notices(self.carry)
                self.app.resume_game(loaded.log)
            return
        # broken (set aside, a notice says so) or not playable with this pack;
        # what was already on show stays
        self.notices += self.app.session.take_notices(self.app.lang)
        if loaded is not None and loaded.problem is not None:
            said = loaded.problem.text(self.app.lang)
            if said not in self.notices:     # "Continue" tapped again: said once
                self.notices.append(said)
        self.latest = self._latest()
        self.notices += self.app.session.take_notices(self.app.lang)
        self.layout()
        self.app.changed()

    def start_new(self, pack_id: str) -> None:
        """"Start a new game" instead of continuing: that pack's setup screen."""
        for i, h in enumerate(self.headers):
            if h.id == pack_id:
                self.select(i)
                break
        self.play()

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
        if self.sub_block is not None:
            self._decor(surface)
        y = round(L.height * 0.04)
        box = L.screen
        self.title_block.draw(surface, 2 * L.pad, y, box, "title")
        if self.sub_block is not None:
            self.sub_block.draw(surface, 2 * L.pad, y + self.title_block.height, box,
                                "subtitle")
        if any(b.name.startswith("lang-") for b in self.group.buttons):
            ui_text.draw_line(surface, tr("language"), L.body, C.ink,
                        (self.left.x, self.lang_label_y), bold=True, box=self.left)
        ui_text.draw_line(surface, tr("choose_pack"), L.heading, C.ink, self.right.topleft, bold=True,
                    box=self.right)
        self.group.draw(surface)
        if self.headers:
            header = self.headers[self.selected]
            desc = self.app.text(header.description)
            if self.error:
                desc = self.error
            b = self._description(desc)
            if b is not None:
                r = pygame.Rect(self.desc_rect.x, self.desc_rect.y, self.desc_rect.width,
                                min(self.desc_rect.height, b.height + 2 * L.pad))
                rounded(surface, r, C.paper, L.radius, L.border, C.border)
                b.draw(surface, r.x + L.pad, r.y + L.pad, r, "pack-description")
        if self.notes_rect is not None:
            r = self.notes_rect
            rounded(surface, r, C.warning_bg, L.radius, L.border, C.warning)
            y = r.y + L.pad
            for b in self.notice_blocks:
                y += b.draw(surface, r.x + 2 * L.pad, y, r, "title-notice")

    def _description(self, desc: str):
        """The story's description as large as fits its box; when even the smallest
        type is too long, the lines that fit, the last ending in "…"."""
        L, C = self.L, palette()
        width, room = self.desc_rect.width - 2 * L.pad, self.desc_rect.height - 2 * L.pad
        if not desc:
            return None
        b = ui_text.block(desc, L.body, C.ink, width)
        if b.height <= room:
            return b
        b = ui_text.block(desc, L.min_text, C.ink, width)
        if b.height <= room:
            return b
        keep = room // b.line_h
        if keep < 1:
            return None
        lines = b.lines[:keep]
        last = lines[-1]
        while last and ui_text.text_width(last + " …", L.min_text) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
        return ui_text.block("\n".join(lines), L.min_text, C.ink, width)

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
