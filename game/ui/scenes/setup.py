"""Setup: 1 to 6 players or teams, each with its token and a name.

A name is tapped, not typed: under each name box is a row of ready-made team
names (the team's token colour, then flowers), so a class without a keyboard
can name its teams. Typing still works: a tap on the box (or Tab) opens the
pygame-gui text entry over it; when the box loses the keyboard, the name is
shown again, wrapped on two lines if it is long. Names may be up to
`NAME_LENGTH` characters, and when a name reaches the limit the screen says
so. The names and their number are remembered (`Settings.player_names`) and
offered next time; `--players` on the command line wins.

Every name goes through `game.names.clean_name`, whether given, remembered,
typed or pasted: a name of only invisible characters is the default name,
control characters and line breaks go, and a name cut to the limit (given or
pasted) is said on screen. The text entry never gets text it cannot draw
(`NameEntry`): a character the font lacks (an emoji) shows as the replacement
glyph, as everywhere else.

When the chosen text size does not fit (six teams on a 1024x768 projector at
the largest text), the rows go into two columns, then the type gets smaller,
never below the 3% minimum.
"""
from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.core.utility import clipboard_paste

from game.localise import tr
from game.names import clean_name, clean_text, display_name, invisible
from game.session.settings import MAX_PLAYERS, NAME_LENGTH
from game.ui import text as ui_text
from game.ui.layout import Layout
from game.ui.scenes.base import Scene
from game.ui.theme import palette
from game.ui.widgets import Button, draw_token, rounded

# a long name as wide as most real ones, for sizing the name boxes before anyone types
SAMPLE_NAME = "Kelompok Nelayan Pantai Utara"[:NAME_LENGTH]
TEAM_NAMES = 6            # team_colour_1..6 and team_flower_1..6 in the localisation files
ENTRY_BORDER = 3          # the theme's text_entry_line border width


def entry_text(text: str) -> str:
    """`text` as the name box may hold it while it is typed: invisible and
    control characters out, line breaks and tabs a space, a character the font
    lacks the replacement glyph (so the box never draws an empty box or text
    of no width). Spaces are kept as typed; `clean_name` tidies them after."""
    out = []
    for ch in text:
        if ch.isspace():
            out.append(" ")
        elif not invisible(ch):
            out.append(ch)
    return ui_text.shown("".join(out), bold=True)


def _is_paste(event) -> bool:
    """Ctrl+V (Cmd+V), as pygame-gui's text entry takes it (as a key, or as a
    typed "v" with Ctrl held on some systems)."""
    if event.type == pygame.KEYDOWN:
        mod = getattr(event, "mod", 0)
        return event.key == pygame.K_v and bool(mod & (pygame.KMOD_CTRL | pygame.KMOD_META)) \
            and not mod & pygame.KMOD_ALT
    if event.type == pygame.TEXTINPUT and event.text == "v":
        return bool(pygame.key.get_mods() & (pygame.KMOD_CTRL | pygame.KMOD_META))
    return False


class NameEntry(pygame_gui.elements.UITextEntryLine):
    """pygame-gui's one-line text entry for a name: typed and pasted text is
    cleaned first (`entry_text`), and a paste too long for the limit is cut
    (and `cut` says so) instead of being refused without a word."""

    cut = False
    given = ""                  # the text the box was given: unchanged, the name stays

    def set_name(self, name: str) -> None:
        self.given = entry_text(clean_name(name).text)[:NAME_LENGTH]
        if self.given or self.text:
            self.set_text(self.given)

    def process_event(self, event) -> bool:
        if self.is_enabled and self.is_focused:
            if _is_paste(event):
                self.paste(clipboard_paste() or "")
                return True
            if event.type == pygame.TEXTINPUT:
                text = entry_text(event.text)
                if not text:
                    return True                    # nothing to see: nothing typed
                if text != event.text:
                    event = pygame.event.Event(pygame.TEXTINPUT, text=text)
        return super().process_event(event)

    def paste(self, pasted: str) -> None:
        """Put `pasted` at the cursor (over the selection), cleaned and cut to the limit."""
        low, high = sorted(self.select_range)
        if low == high:
            low = high = self.edit_position
        new = entry_text(clean_text(pasted))
        if not self.text[:low] or self.text[:low].endswith(" "):
            new = new.lstrip()
        text = self.text[:low] + new + self.text[high:]
        if len(text) > NAME_LENGTH:
            text, self.cut = text[:NAME_LENGTH], True
        if text != self.text:
            self.select_range = [0, 0]
            self.set_text(text)
            self.edit_position = min(len(text), low + len(new))   # the cursor after the paste
            layout = self.drawable_shape.text_box_layout if self.drawable_shape else None
            if layout is not None:
                layout.set_cursor_position(self.edit_position)
                self.drawable_shape.apply_active_text_changes()
            pygame.event.post(pygame.event.Event(pygame_gui.UI_TEXT_ENTRY_CHANGED, {
                "text": text, "ui_element": self,
                "ui_object_id": self.most_specific_combined_id}))


def _sign(plus: bool):
    """A drawn plus (add a player) or minus (remove one), in the label's colour."""
    def draw(surface, box: pygame.Rect, colour) -> None:
        w = max(3, round(box.height * 0.18))
        bar = pygame.Rect(0, 0, round(box.width * 0.8), w)
        bar.center = box.center
        pygame.draw.rect(surface, colour, bar, border_radius=w // 2)
        if plus:
            pygame.draw.rect(surface, colour, bar.inflate(w - bar.width, bar.width - w),
                             border_radius=w // 2)
    return draw


def suggestions(player: int, names: list[str]) -> list[str]:
    """Ready-made names for `player`: its token's colour, then the flowers from its
    own; names another player already has are left out."""
    taken = {n.strip().casefold() for i, n in enumerate(names) if i != player and n.strip()}
    offered = [tr(f"team_colour_{player % TEAM_NAMES + 1}")]
    offered += [tr(f"team_flower_{(player + k) % TEAM_NAMES + 1}") for k in range(TEAM_NAMES)]
    return [n for n in offered if n.casefold() not in taken]


class SetupScene(Scene):
    name = "setup"

    def __init__(self, app):
        super().__init__(app)
        given = app.options.players
        remembered = list(app.session.settings.player_names)
        names = list(given) if given else (remembered or ["", "", ""])
        cleaned = [clean_name(n) for n in names[:MAX_PLAYERS]]
        self.cut = any(c.cut for c in cleaned)   # said on screen, never silently
        self.names: list[str] = [c.text for c in cleaned]
        self.entries: list[NameEntry] = []
        self.chips: list[tuple[int, Button]] = []
        self._L = None
        self.editing = None       # the row whose text entry has the keyboard

    @property
    def L(self):
        return self._L or self.app.L

    # names typed so far, or the default name in the current language
    def final_names(self) -> list[str]:
        self._read_entries()
        return [display_name(n, tr("player_default", n=i + 1)) for i, n in enumerate(self.names)]

    def _read_entries(self) -> None:
        """The names as typed (a box left as it was keeps its name, emoji and all)."""
        for i, entry in enumerate(self.entries):
            if i < len(self.names) and entry.alive() and entry.get_text() != entry.given:
                name = clean_name(entry.get_text())
                self.names[i] = name.text
                entry.given = entry.get_text()
                self.cut = self.cut or name.cut
            self.cut = self.cut or entry.cut

    def _kill_entries(self) -> None:
        self._read_entries()
        for entry in self.entries:
            entry.kill()
        self.entries = []

    def on_exit_gui(self) -> None:
        self._kill_entries()

    def on_exit(self) -> None:
        self._kill_entries()

    def typing(self) -> bool:
        return any(e.is_focused for e in self.entries)

    # -- layout -----------------------------------------------------------------
    def layout(self) -> None:
        """The chosen text size in one column, then two; then smaller text."""
        self._kill_entries()
        A = self.app.L
        scales = [A.scale] + [k for k in (1.25, 1.0) if k < A.scale]
        for scale in scales:
            self._L = Layout(A.width, A.height, scale)
            for columns, chip_lines in ((1, 1), (2, 2), (2, 1)):
                if self._layout(columns, chip_lines):
                    self._make_entries()
                    return
        self._layout(2, 1, force=True)
        self._make_entries()

    def _layout(self, columns: int, chip_lines: int = 1, force: bool = False) -> bool:
        L, C = self.L, palette()
        self.group.clear()
        self.chips = []
        pad = L.pad
        chrome = self.app.L.chrome
        self.title_block = ui_text.block(tr("setup_title"), L.big, C.ink,
                                         chrome.left - 3 * pad, bold=True)
        width = L.width - 4 * pad
        hint = ui_text.block(tr("setup_hint"), L.body, C.ink_soft, width)
        limit = ui_text.block(tr("name_limit", n=NAME_LENGTH), L.body, C.warning, width,
                              bold=True)
        cut = ui_text.block(tr("name_cut", n=NAME_LENGTH), L.body, C.warning, width, bold=True)
        self.hint_blocks = (hint, limit, cut)
        self.title_y = pad
        self.hint_y = max(self.title_y + self.title_block.height, chrome.bottom + pad // 2)
        top = self.hint_y + max(b.height for b in self.hint_blocks) + pad

        # back, remove, add, start along the bottom
        bw = (width - 3 * pad) // 4
        # the signs of add and remove are drawn (a "+" never sits alone on a line)
        specs = [("back", tr("back"), self.back, "quiet", None),
                 ("remove", tr("remove_player"), self.remove, "quiet", _sign(False)),
                 ("add", tr("add_player"), self.add, "quiet", _sign(True)),
                 ("start", tr("start"), self.start, "primary", None)]
        sign_w = round(L.body * 1.5)
        bh = max([L.button_h] + [Button.height_for(label, bw - (sign_w if icon else 0), L.body)
                                 for _, label, _, _, icon in specs])
        bottom = L.height - 2 * pad - bh
        for k, (name, label, fn, style, icon) in enumerate(specs):
            b = self.button(pygame.Rect(2 * pad + k * (bw + pad), bottom, bw, bh), label, fn,
                            style, name=name, icon=icon)
            if name == "add":
                b.enabled = len(self.names) < MAX_PLAYERS
            if name == "remove":
                b.enabled = len(self.names) > 1
        start = self.group.find("start")
        start.key = pygame.K_RETURN

        # the players: a name box, and under it the ready-made names
        n = len(self.names)
        columns = min(columns, n)
        per_column = -(-n // columns)
        gap = 2 * pad
        col_w = (width - (columns - 1) * gap) // columns
        if columns == 1:
            col_w = min(col_w, round(L.height * 1.3))
        x0 = (L.width - (columns * col_w + (columns - 1) * gap)) // 2
        self.token = round(L.body * 1.4)
        box_w = col_w - self.token - pad
        inner = box_w - self._entry_inset()
        longest = self.names + [SAMPLE_NAME]
        # the names' type: body size if every name takes at most two lines
        for size in range(L.body, L.min_text - 1, -1):
            lines = max(len(ui_text.wrap(name, size, inner, True)) for name in longest)
            if lines <= 2:
                break
        self.entry_size = size
        self.name_pad = max(4, round(size * 0.3))
        name_h = max(round(size * 1.9), lines * ui_text.line_height(size) + 2 * self.name_pad)
        chip_size = max(L.min_text, round(L.body * 0.8))
        chip_h = ui_text.line_height(chip_size) + round(chip_size * 0.5)
        chips_h = chip_lines * chip_h + (chip_lines - 1) * (pad // 2)
        block_h = name_h + pad // 2 + chips_h
        used = per_column * block_h + (per_column - 1) * pad
        fits = lines <= 2 and top + used <= bottom - pad
        if not fits and not force:
            return False
        spare = max(0, (bottom - pad - top - used) // (per_column + 1))
        self.rows = []
        for i, name in enumerate(self.names):
            col, row = divmod(i, per_column)
            x = x0 + col * (col_w + gap)
            y = top + spare + row * (block_h + pad + spare)
            box = pygame.Rect(x + self.token + pad, y, box_w, name_h)
            self.rows.append((box, pygame.Rect(x, y, self.token, name_h)))
            self._chip_row(i, pygame.Rect(box.x, box.bottom + pad // 2, box_w, chip_h),
                           chip_size, chip_lines)
        self.group.set_focus(self.group.buttons.index(start))
        return True

    def _entry_inset(self) -> int:
        """Border and padding inside a name box, both sides (the theme's)."""
        return 2 * (ENTRY_BORDER + self.app.L.pad) + 4

    def _chip_row(self, player: int, rect: pygame.Rect, size: int, lines: int) -> None:
        """As many ready-made names as fit on `lines` lines (each `rect` high)
        under the name box."""
        pad = max(6, round(size * 0.55))
        x, line = rect.x, 0
        current = self.names[player].strip().casefold()
        for k, label in enumerate(suggestions(player, self.names)):
            colour = k == 0 and label == tr(f"team_colour_{player % TEAM_NAMES + 1}")
            w = ui_text.text_width(label, size, True) + 2 * pad + 2
            if colour:
                w += round(size * 1.5)
            if x + w > rect.right and x > rect.x:
                line, x = line + 1, rect.x
                if line >= lines:
                    break
            if w > rect.width:
                continue            # too long for the row, even alone
            icon = (lambda s, r, fg, p=player: draw_token(s, r.center, r.height, p)) \
                if colour else None
            y = rect.y + line * (rect.height + self.L.pad // 2)
            b = self.button(pygame.Rect(x, y, w, rect.height), label,
                            lambda p=player, t=label: self.suggest(p, t), "choice",
                            size=size, name=f"suggest-{player + 1}-{k + 1}", icon=icon)
            b.selected = label.casefold() == current
            self.chips.append((player, b))
            x += w + round(size * 0.4)

    def _make_entries(self) -> None:
        manager = self.app.manager
        size = self.entry_size
        object_id = f"#setup_name_{size}"
        manager.get_theme().load_theme({object_id: {"font": {
            "name": "noto_sans", "size": str(size), "bold": "1"}}})
        self.entries = []
        for i, (box, _) in enumerate(self.rows):
            entry = NameEntry(box, manager, placeholder_text=tr("player_default", n=i + 1),
                              object_id=ObjectID(object_id=object_id))
            entry.set_text_length_limit(NAME_LENGTH)
            entry.set_name(self.names[i])
            entry.hide()              # shown (over its box) while it has the keyboard
            self.entries.append(entry)
        self.editing = None

    # -- actions -------------------------------------------------------------
    def add(self) -> None:
        if len(self.names) < MAX_PLAYERS:
            self._read_entries()
            self.names.append("")
            self.layout()
            self.app.changed()

    def remove(self) -> None:
        if len(self.names) > 1:
            self._read_entries()
            self.names.pop()
            self.layout()
            self.app.changed()

    def suggest(self, player: int, name: str) -> None:
        """A ready-made name tapped: it becomes the player's name."""
        self._read_entries()
        self.names[player] = clean_name(name).text
        if player < len(self.entries):
            self.entries[player].set_name(name)
        self.layout()               # Start has the focus again: Enter starts
        self.app.changed()

    def back(self) -> None:
        self.app.pop(self)

    def start(self) -> None:
        names = self.final_names()
        self.app.session.remember(player_names=list(self.names))
        self.app.start_game(names)

    @property
    def at_limit(self) -> bool:
        """Say that names stop at NAME_LENGTH: a name was cut, or one is that long."""
        return self.was_cut or any(len(e.get_text()) >= NAME_LENGTH for e in self.entries)

    @property
    def was_cut(self) -> bool:
        """A name given, remembered or pasted was longer than the limit and was cut."""
        return self.cut or any(e.cut for e in self.entries)

    @property
    def hint(self):
        """The line under the title: how to name, or that a name was cut or is at the limit."""
        return self.hint_blocks[2] if self.was_cut else \
            self.hint_blocks[1] if self.at_limit else self.hint_blocks[0]

    def handle_event(self, event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element in self.entries:
            self.app.changed()            # the limit may be reached: say so
            return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, (box, _) in enumerate(self.rows):
                if box.collidepoint(event.pos) and self.editing != i:
                    self._focus_entry(i)
                    return
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            i = self.entries.index(event.ui_element) if event.ui_element in self.entries else -1
            if 0 <= i < len(self.entries) - 1:
                self._focus_entry(i + 1)
            else:
                event.ui_element.unfocus()
                self.app.manager.set_focus_set(None)
            return
        if self.typing():
            if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB:
                self._tab_from_entry()
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                self.app.manager.set_focus_set(None)
            if event.type not in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                                  pygame.MOUSEMOTION):
                return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.back()
                return
            if event.key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
                self.add()
                return
            if event.key in (pygame.K_MINUS, pygame.K_KP_MINUS):
                self.remove()
                return
            if event.key == pygame.K_TAB and self.entries and self.group.focus is not None \
                    and self.group.focus == len(self.group.buttons) - 1 \
                    and not event.mod & pygame.KMOD_SHIFT:
                self._focus_entry(0)
                return
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.group.focus is None:
                self.start()
                return
        self.group.handle(event)

    def _focus_entry(self, i: int) -> None:
        """Row i's text entry, over its box, with the keyboard."""
        self._read_entries()
        for k, entry in enumerate(self.entries):
            if k != i:
                entry.hide()
        self.group.set_focus(None)
        self.editing = i
        self.entries[i].show()
        self.entries[i].focus()
        self.app.manager.set_focus_set(self.entries[i])
        self.app.changed()

    def update(self, dt: float) -> bool:
        if self.editing is not None and self.editing < len(self.entries) \
                and not self.entries[self.editing].is_focused:
            # the box lost the keyboard: show the name again (wrapped, if it is long)
            self.editing = None
            self.layout()
            self.app.changed()
        return False

    def _tab_from_entry(self) -> None:
        i = next(k for k, e in enumerate(self.entries) if e.is_focused)
        if i + 1 < len(self.entries):
            self._focus_entry(i + 1)
        else:
            self.app.manager.set_focus_set(None)
            self.entries[i].unfocus()
            self.group.set_focus(self.group.buttons.index(self.group.find("start")))

    def bot_target(self, bot):
        return self.group.find("start")

    def draw(self, surface) -> None:
        L, C = self.L, palette()
        surface.fill(C.background)
        box = L.screen
        self.title_block.draw(surface, 2 * L.pad, self.title_y, box, "setup-title")
        self.hint.draw(surface, 2 * L.pad, self.hint_y, box, "setup-hint")
        for i, (name_box, token) in enumerate(self.rows):
            size = min(token.width, round(L.body * 1.4))
            draw_token(surface, token.center, size, i)
            if i == self.editing:
                continue          # the text entry is drawn over it
            rounded(surface, name_box, C.paper, 0, ENTRY_BORDER, C.border)
            name = self.names[i].strip()
            text = name or tr("player_default", n=i + 1)
            b = ui_text.block(text, self.entry_size, C.ink if name else C.ink_soft,
                              name_box.width - self._entry_inset(), bold=True)
            b.draw(surface, name_box.x + ENTRY_BORDER + self.app.L.pad,
                   name_box.centery - b.height // 2, name_box, "setup-name")
        self.group.draw(surface)
