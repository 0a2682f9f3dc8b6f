"""The preview window: one card of a pack as the game shows it, for authors
(`run_game.py preview`, options in game/commands/preview.py).

The card is drawn by the game's own CardScene (see screen.py), with notes
beside it: what each choice needs, what it does, and the card or outcome it
leads to. The window reloads within half a second whenever a file of the
pack changes (pack.yaml, cards/, assets/: their modification times are polled
while the loop waits for events, so it costs next to no CPU). A pack with
errors shows the validator's FILE:LINE:COL lines instead of closing; an
unknown card id shows "no card X (did you mean Y?)".

Keys: 1-4 follow a choice (a click on an offered choice too): to its `next`
card, or to what the player reads after it: its feedback and effects, and for
a choice that ends the journey the outcome screen's content (title, kind,
debrief and the three elements: act, means, purpose), for any other choice the
way back to the board. Backspace goes back, L switches the pack's language, R shows the choices as
for a player who meets every `requires`, Tab hides or shows the notes (the card
alone, at the full window, exactly as in a game), PgUp/PgDn or the mouse wheel
scroll the notes, Esc or closing the window quits.

`screenshot` draws the screen once off-screen (no window opens) and saves it:
0 when the card was drawn; when it cannot be shown (pack errors, unknown card
id, no such pack) the message screen is saved, the reason printed on stderr,
and it returns 1.
"""
from __future__ import annotations

import difflib
import os
import sys
import time
from pathlib import Path
from typing import Callable, Optional

import pygame

from game.localise import set_language, tr
from game.paths import CARDS_FOLDER, DEFAULT_LANG, PACK_FILE, SCENARIOS
from game.ui.layout import Layout
from game.ui.preview.screen import (NOTES_SHARE, NotesView, card_scene, choice_heading,
                                    choice_notes, draw_game_view, draw_message_screen,
                                    draw_result_screen, problem_lines, result_lines, say,
                                    shown_path)
from game.ui.scenes.card import NUMBER_KEYS, clear_images
from game.ui.text import clear_caches, line_height
from game.ui.theme import palette

POLL_SECONDS = 0.4        # how often the pack's files are checked for changes
CARD, ERRORS, NO_CARD, NO_PACK = "card", "errors", "no-card", "no-pack"
RESULT = "result"         # what follows a choice that has no `next` card
AFTER = "#"               # history entry "card-id#N": after choice N (1-based) of the card


def file_stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """(mtime, size) of pack.yaml and every file under cards/ and assets/: what
    is looked at to know that the pack changed."""
    found: dict[str, tuple[int, int]] = {}

    def note(path: str) -> None:
        try:
            st = os.stat(path)
        except OSError:
            return
        found[path] = (st.st_mtime_ns, st.st_size)

    note(os.path.join(folder, PACK_FILE))
    for sub in (CARDS_FOLDER, "assets"):
        for root, _dirs, files in os.walk(os.path.join(folder, sub)):
            for name in files:
                note(os.path.join(root, name))
    return found


class Preview:
    """The state of a preview window: the pack as last loaded, the cards followed,
    the language; `poll` reloads the pack when its files changed."""

    def __init__(self, pack_ref: str, card_id: str, lang: Optional[str] = None,
                 size: tuple[int, int] = (1280, 800), scenarios_dir: Path = SCENARIOS):
        self.pack_ref, self.scenarios_dir = pack_ref, Path(scenarios_dir)
        self.history = [card_id]
        self.lang = lang
        self.size = tuple(size)
        self.ready = False          # R: as a player who meets every `requires`
        self.notes_shown = True     # Tab
        self.scroll = 0
        self.folder: Optional[Path] = None
        self.result = None
        self.pack = None
        self.files: dict[str, tuple[int, int]] = {}
        self.reloaded_at: Optional[str] = None
        self.loads = 0
        self.dirty = True
        self.scene = None
        self.notes = None
        self.message = None
        self.load()

    # -- the pack ---------------------------------------------------------------
    def load(self) -> None:
        from game.content import lint_output
        from game.content.headers import resolve_pack
        from game.content.validate import load_pack
        self.folder = resolve_pack(self.pack_ref, self.scenarios_dir)
        self.files = file_stamps(self.folder) if self.folder else {}
        lint_output.clear_cache()
        clear_images()                      # an image in assets/ may have changed
        self.result = load_pack(self.folder) if self.folder else None
        errors = self.result is not None and any(
            p.severity == "error" for p in self.result.problems)
        self.pack = None if self.result is None or errors else self.result.pack
        if self.lang is None:
            self.lang = self.pack.languages[0] if self.pack else DEFAULT_LANG
        self.loads += 1
        if self.loads > 1:
            self.reloaded_at = time.strftime("%H:%M:%S")
        self.dirty = True

    def poll(self) -> bool:
        """Reload if any file of the pack changed since the last load; True if it did."""
        folder = self.folder
        if folder is None:
            from game.content.headers import resolve_pack
            folder = resolve_pack(self.pack_ref, self.scenarios_dir)
            if folder is None:
                return False
        if file_stamps(folder) == self.files and self.folder is not None:
            return False
        self.load()
        return True

    @property
    def card_id(self) -> str:
        return self.history[-1].split(AFTER)[0]

    @property
    def choice_shown(self) -> Optional[int]:
        """The 0-based choice whose result is on screen, None when a card is."""
        entry = self.history[-1]
        if AFTER not in entry:
            return None
        try:
            return int(entry.split(AFTER)[1]) - 1
        except ValueError:
            return None

    @property
    def status(self) -> str:
        if self.folder is None:
            return NO_PACK
        if self.pack is None:
            return ERRORS
        if self.card_id not in {c.id for c in self.pack.cards}:
            return NO_CARD
        index = self.choice_shown
        if index is not None and 0 <= index < len(self.pack.card(self.card_id).choices):
            return RESULT
        if AFTER in self.history[-1]:
            return NO_CARD
        return CARD

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.pack.languages) if self.pack else ("id", "en")

    @property
    def card(self):
        return self.pack.card(self.card_id) if self.status in (CARD, RESULT) else None

    def did_you_mean(self) -> Optional[str]:
        if self.pack is None:
            return None
        close = difflib.get_close_matches(self.card_id, [c.id for c in self.pack.cards],
                                          n=1, cutoff=0.5)
        return close[0] if close else None

    def reason(self) -> str:
        """Why the card is not shown, in English for the terminal ('' when it is)."""
        status = self.status
        if status == NO_PACK:
            return (f"error: no pack {self.pack_ref!r}: give a pack id from scenarios/ "
                    f"or the path to a folder holding pack.yaml")
        if status == ERRORS:
            lines = [str(p) for p in self.result.problems]
            return "\n".join(lines + [f"error: pack {self.pack_ref!r} has errors"])
        if status == NO_CARD:
            close = self.did_you_mean()
            hint = f" (did you mean {close!r}?)" if close else ""
            return f"error: no card {self.card_id!r} in pack {self.pack.id!r}{hint}"
        return ""

    # -- what the player does --------------------------------------------------------
    def follow(self, index: int) -> bool:
        """Follow choice `index` (0-based): its `next` card, or what the player reads
        after it (feedback, the outcome's debrief and elements, or back to the board).
        False if the card has no such choice."""
        card = self.card
        if card is None or self.status != CARD or not 0 <= index < len(card.choices):
            return False
        nxt = card.choices[index].next
        self.history.append(nxt or f"{card.id}{AFTER}{index + 1}")
        self.scroll = 0
        self.dirty = True
        return True

    def back(self) -> bool:
        if len(self.history) < 2:
            return False
        self.history.pop()
        self.scroll = 0
        self.dirty = True
        return True

    def cycle_language(self) -> str:
        langs = self.languages
        i = langs.index(self.lang) if self.lang in langs else -1
        self.lang = langs[(i + 1) % len(langs)]
        self.dirty = True
        return self.lang

    def handle(self, event: pygame.event.Event) -> bool:
        """One input event; False when the preview should close."""
        if event.type == pygame.QUIT:
            return False
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                return False
            if key in NUMBER_KEYS:
                self.follow(NUMBER_KEYS[key])
            elif key == pygame.K_BACKSPACE:
                self.back()
            elif key == pygame.K_l:
                self.cycle_language()
            elif key == pygame.K_r:
                self.ready = not self.ready
                self.dirty = True
            elif key == pygame.K_TAB:
                self.notes_shown = not self.notes_shown
                self.dirty = True
            elif key in (pygame.K_PAGEDOWN, pygame.K_DOWN, pygame.K_SPACE):
                self._scroll(6 if key != pygame.K_DOWN else 1)
            elif key in (pygame.K_PAGEUP, pygame.K_UP):
                self._scroll(-6 if key == pygame.K_PAGEUP else -1)
            return True
        if event.type == pygame.MOUSEWHEEL:
            self._scroll(-2 * event.y)
            return True
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            if self.scene is not None:
                self.scene.group.handle(event)   # hover, and a click on an offered choice
                self.dirty = True
            return True
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            surface = pygame.display.get_surface()
            if surface is not None and surface.get_size() != self.size:
                self.size = surface.get_size()
                self.dirty = True
        return True

    def _scroll(self, lines: int) -> None:
        self.scroll = max(0, self.scroll + lines * line_height(max(1, self.size[1] * 3 // 100)))
        self.dirty = True

    # -- drawing -----------------------------------------------------------------------
    def render(self, surface: Optional[pygame.Surface] = None) -> pygame.Surface:
        """Draw the whole preview on `surface` (a new one of `size` if None)."""
        if not pygame.font.get_init():
            pygame.font.init()
        if surface is None:
            surface = pygame.Surface(self.size)
        self.size = surface.get_size()
        set_language(self.lang)
        w, h = self.size
        self.scene = self.notes = self.message = None
        status = self.status
        if status == RESULT:
            host = card_scene(self.pack, self.card, self.lang, self.size, self.ready,
                              lambda _i: None).app
            title, lines = result_lines(host, self.card, self.choice_shown)
            self.message = draw_result_screen(surface, title, lines,
                                              say("result_keys", self.lang), self.scroll)
            self.scroll = self.message.scroll
            self.dirty = False
            return surface
        if status != CARD:
            self.message = draw_message_screen(surface, *self.message_lines(), self.scroll)
            self.scroll = self.message.scroll
            self.dirty = False
            return surface
        card = self.card
        game_w = w
        if self.notes_shown:
            game_w = w - max(round(w * NOTES_SHARE), 1)
        self.scene = card_scene(self.pack, card, self.lang, (game_w, h), self.ready,
                                  self.follow)
        draw_game_view(surface.subsurface(pygame.Rect(0, 0, game_w, h)), self.scene)
        if self.notes_shown:
            self.notes = self._notes(pygame.Rect(game_w, 0, w - game_w, h), palette())
            self.notes.scroll = self.scroll
            self.notes.draw(surface)
            self.scroll = self.notes.scroll
        self.dirty = False
        return surface

    def _notes(self, rect: pygame.Rect, C):
        card, host = self.card, self.scene.app
        view = NotesView(rect, Layout(*self.size).min_text)
        gap = view.pad
        view.add(f"{tr('preview_heading')}: {card.id}", C.ink, bold=True)
        where = card.where
        place = f"{shown_path(where.file, self.folder)}:{where.line}" if where.file else ""
        facts = [place, tr(f"stage_{card.stage}")]
        if card.route != "any":
            facts.append(tr(f"route_{card.route}"))
        if card.weight != 1:
            facts.append(f"weight {card.weight:g}")
        view.add(" · ".join(f for f in facts if f), C.ink_soft)
        view.add(tr("preview_language", lang=self.lang.upper()), C.ink_soft)
        if any(ch.requires for ch in card.choices):
            view.add(tr("preview_as_ready" if self.ready else "preview_as_start"), C.ink_soft)
        for note in choice_notes(host, card):
            head, colour = choice_heading(note, self.lang)
            view.add(head, C[colour], bold=True, gap=gap)
            indent = view.pad
            view.add(note.needs, C.ink, indent=indent)
            view.add(say("feedback", self.lang, text=note.feedback) if note.feedback
                     else say("no_feedback", self.lang), C.ink_soft, indent=indent)
            view.add(note.effects, C.ink, indent=indent)
            view.add(note.leads, C.secondary, bold=True, indent=indent)
        if card.discuss:
            view.add(tr("preview_discuss", question=host.text(card.discuss)), C.ink_soft, gap=gap)
        warnings = sum(p.severity == "warning" for p in self.result.problems)
        if warnings:
            view.add(tr("preview_warnings", n=warnings), C.unsafe, gap=gap)
        if len(self.history) > 1:
            view.add(tr("preview_back", id=self.history[-2].split(AFTER)[0]), C.ink_soft,
                     gap=gap)
        if self.reloaded_at:
            view.add(tr("preview_reloaded", time=self.reloaded_at), C.ink_soft, gap=gap)
        view.set_footer(say("keys", self.lang))
        return view

    def message_lines(self) -> tuple[str, list[tuple[str, str, int]]]:
        """The title and lines of the screen shown instead of the card."""
        status = self.status
        if status == NO_PACK:
            return tr("preview_no_pack", pack=self.pack_ref), []
        if status == ERRORS:
            return tr("preview_errors"), problem_lines(self.result.problems, self.folder)
        title = tr("preview_no_card", card=self.card_id)
        lines = []
        close = self.did_you_mean()
        if close:
            lines.append(("text", tr("preview_did_you_mean", card=close), 0))
        lines.append(("text", tr("preview_cards", cards=", ".join(
            c.id for c in self.pack.cards)), 0))
        return title, lines

    def shown_texts(self) -> list[str]:
        """Every text on screen after the last `render` (for tests)."""
        out: list[str] = []
        if self.scene is not None:
            s = self.scene
            laid = getattr(s, "plan", None) or s      # the card's layout, or the scene
            out += [getattr(getattr(laid, name, None), "text", "")
                    for name in ("chip", "title", "text")]
            for b in s.group.buttons:
                out += [b.label, b.reason]
        for view in (self.notes, self.message):
            if view is not None:
                out += view.texts()
        return [t for t in out if t]


def screenshot(preview: Preview, file: Path) -> int:
    """Draw once off-screen and save; 0 when the card was drawn, else 1."""
    surface = preview.render()
    file = Path(file)
    if file.parent and not file.parent.exists():
        file.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(file))
    reason = preview.reason()
    if reason:
        print(reason, file=sys.stderr)
        return 1
    return 0


def run_window(preview: Preview, clock: Callable[[], float] = time.monotonic) -> int:
    """The window until Esc or close: it sleeps until an event comes, and looks at
    the pack's files every POLL_SECONDS (by `clock`)."""
    pygame.display.init()
    pygame.display.set_caption(f"Preview: {preview.card_id} - Mimpi Perantau")
    screen = pygame.display.set_mode(preview.size, pygame.RESIZABLE)
    pygame.key.set_repeat(400, 60)
    last_poll = clock()
    wait_ms = round(POLL_SECONDS * 1000)
    while True:
        if preview.dirty:
            screen = pygame.display.get_surface()
            preview.render(screen)
            pygame.display.flip()
            pygame.display.set_caption(f"Preview: {preview.card_id} - Mimpi Perantau")
        # sleep until an event comes or it is time to look at the files again
        left = max(1, wait_ms - round((clock() - last_poll) * 1000))
        events = [pygame.event.wait(left)] + pygame.event.get()
        for event in events:
            if event.type == pygame.NOEVENT:
                continue
            if not preview.handle(event):
                return 0
        if clock() - last_poll >= POLL_SECONDS:
            last_poll = clock()
            preview.poll()


def show(pack_ref: str, card_id: str, lang: Optional[str], size: tuple[int, int],
         screenshot_file: Optional[Path] = None) -> int:
    """The `preview` command: the window, or with `screenshot_file` one image saved.
    0 when the card was shown; 1 when a screenshot had to show why it could not be."""
    pygame.font.init()
    clear_caches()
    try:
        preview = Preview(pack_ref, card_id, lang, size)
        if screenshot_file is not None:
            return screenshot(preview, screenshot_file)
        return run_window(preview)
    finally:
        pygame.quit()       # the text module forgets its fonts then
