"""What `run_game.py preview` shows: one card drawn by the game's own CardScene,
notes beside it saying what each choice needs, does and leads to, and the
screens for a pack with errors or a card id that does not exist.

The card is drawn by `game.ui.scenes.card.CardScene`, unchanged: `CardHost`
gives it what it asks of the App (a layout, the pack, the rules, a game with
the card on show, `text` and `money`) for one card outside a game. The
functions that build words (`choice_notes`, `problem_lines`) are plain and
are tested without a window.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Callable, Optional, Sequence

import pygame

from game.engine.rules import Rules
from game.engine.state import CARD as CARD_PHASE
from game.localise import money, pick, tr
from game.ui.layout import Layout
from game.ui.scenes.card import CardScene, effect_lines
from game.ui.text import TextBlock, block, draw_line, line_height, text_width
from game.ui.theme import palette
from game.ui.widgets import rounded

NOTES_SHARE = 0.43     # the notes column, as a share of the window's width

# The preview's own words (an author's tool: kept beside it, in both languages).
# KEYS is the one list of keys: on screen at the foot of the notes, and in the
# guide (scenarios/README.md, README.id.md, step 5), word for word.
WORDS = {
    "en": {
        "keys": "1-4 follow a choice · Backspace back · L language · R requirements met · "
                "Tab notes · PgUp/PgDn scroll · Esc quit",
        "coerced": "Under threat (coerced): done to the player, not their mistake",
        "feedback": "Feedback: %{text}",
        "no_feedback": "No feedback text",
        "board": "Then: back to the board (no next card, the journey goes on)",
        "after": "Choice %{n} of %{card}",
        "ends": "The journey ends: %{title} (%{kind})",
        "elements": "The three elements of trafficking",
        "no_elements": "No elements (not a trafficked outcome)",
        "result_keys": "Backspace back to the card · L language · PgUp/PgDn scroll · Esc quit",
    },
    "id": {
        "keys": "1-4 ikuti pilihan · Backspace kembali · L bahasa · R syarat terpenuhi · "
                "Tab catatan · PgUp/PgDn gulir · Esc keluar",
        "coerced": "Dipaksa (di bawah ancaman): dilakukan kepada pemain, bukan kesalahannya",
        "feedback": "Umpan balik: %{text}",
        "no_feedback": "Tanpa teks umpan balik",
        "board": "Lalu: kembali ke papan (tanpa kartu berikutnya, perjalanan berlanjut)",
        "after": "Pilihan %{n} dari %{card}",
        "ends": "Perjalanan berakhir: %{title} (%{kind})",
        "elements": "Tiga unsur perdagangan orang",
        "no_elements": "Tanpa unsur (bukan akhir perdagangan orang)",
        "result_keys": "Backspace kembali ke kartu · L bahasa · PgUp/PgDn gulir · Esc keluar",
    },
}


def say(key: str, lang: str, **values) -> str:
    """One of the preview's own WORDS in `lang` (English when it has none)."""
    text = WORDS.get(lang, WORDS["en"]).get(key) or WORDS["en"][key]
    for name, value in values.items():
        text = text.replace("%{" + name + "}", str(value))
    return text


# -- the card, as the game draws it ------------------------------------------------

class _Silent:
    muted = True

    def play(self, name: str) -> None:
        pass


class _Follow:
    """Stands in for the BoardScene the CardScene sends its choice to."""

    def __init__(self, on_choose: Callable[[int], None]):
        self.on_choose = on_choose

    def send(self, action) -> None:
        self.on_choose(action.index)

    def open_menu(self) -> None:
        pass


class CardHost:
    """What CardScene asks of the App, for one card outside a game."""

    def __init__(self, pack, card, lang: str, size: tuple[int, int], ready: bool = False):
        self.pack, self.lang = pack, lang
        self.L = Layout(*size)
        self.rules = Rules(pack)
        self.sounds = _Silent()
        self.scene = None
        game, _events = self.rules.new_game([""], seed=0)
        journey = game.journey
        if card.route == "irregular":
            journey.route = "irregular"
        if ready:   # a player who meets every choice's `requires`
            docs, flags, money = list(journey.documents), list(journey.flags), journey.money
            for choice in card.choices:
                req = choice.requires
                docs += [d for d in req.documents if d not in docs]
                flags += [f for f in req.flags if f not in flags]
                if req.money is not None:
                    money = max(money, req.money)
            journey.documents, journey.flags, journey.money = tuple(docs), tuple(flags), money
        game.phase, game.card = CARD_PHASE, card.id
        self.log = SimpleNamespace(game=game)

    def text(self, value, fallback: str = "") -> str:
        """Pack text in the preview's language, as the App chooses it."""
        return pick(value, self.lang, self.pack.languages, fallback)

    def money(self, amount: int) -> str:
        return money(amount, self.lang)

    @property
    def top(self):
        return self.scene

    def pop(self, scene=None) -> None:
        pass


def card_scene(pack, card, lang: str, size: tuple[int, int], ready: bool,
               on_choose: Callable[[int], None]) -> CardScene:
    """The game's CardScene for `card`, laid out for a game window of `size`."""
    host = CardHost(pack, card, lang, size, ready)
    scene = CardScene(host, _Follow(on_choose))
    host.scene = scene
    scene.layout()
    return scene


def draw_game_view(surface: pygame.Surface, scene: CardScene) -> None:
    """The card over the (dimmed) table, as the App draws an overlay."""
    C = palette()
    surface.fill(C.background)
    dim = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    dim.fill(C.dim)
    surface.blit(dim, (0, 0))
    scene.draw(surface)


# -- words ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ChoiceNote:
    number: int
    safe: bool
    needs: str            # "" when the choice has no `requires`
    effects: str
    leads: str            # "" when the choice has neither `next` nor `outcome`
    next: Optional[str]
    coerced: bool = False
    feedback: str = ""    # the choice's feedback, as the player reads it
    outcome: Optional[str] = None


def choice_notes(host, card) -> list[ChoiceNote]:
    """Each choice's requires, effects and next/outcome in plain words."""
    pack = host.pack
    notes = []
    for i, choice in enumerate(card.choices):
        req = choice.requires
        needs = ""
        if req:
            parts = [host.text(pack.document(d).name) for d in req.documents]
            parts += list(req.flags)
            if req.money is not None:
                parts.append(tr("preview_needs_money", amount=host.money(req.money)))
            needs = tr("preview_needs", what=", ".join(parts))
        fx = choice.effects
        words = []
        if fx:
            shown = SimpleNamespace(money=fx.money, debt=fx.debt, risk=fx.risk, gained=fx.gain,
                                    lost=fx.lose, contact=fx.contact, skip=fx.skip)
            words = [w for _kind, w in effect_lines(host, shown, fx.route)]
            if fx.set:
                words.append(tr("preview_flags_set", flags=", ".join(fx.set)))
            if fx.clear:
                words.append(tr("preview_flags_clear", flags=", ".join(fx.clear)))
            if fx.move > 0:
                words.append(tr("preview_move_forward", n=fx.move))
            elif fx.move < 0:
                words.append(tr("preview_move_back", n=-fx.move))
        effects = tr("preview_effects", what="; ".join(words)) if words \
            else tr("preview_no_effects")
        leads = ""
        if choice.next:
            leads = tr("preview_next", title=host.text(pack.card(choice.next).title),
                       id=choice.next)
        elif choice.outcome:
            outcome = pack.outcome(choice.outcome)
            leads = tr("preview_outcome", title=host.text(outcome.title),
                       kind=tr(f"kind_{outcome.kind}"))
        else:
            leads = say("board", host.lang)
        feedback = host.text(choice.feedback) if choice.feedback else ""
        notes.append(ChoiceNote(i + 1, choice.safe, needs, effects, leads, choice.next,
                                choice.coerced, feedback, choice.outcome))
    return notes


def choice_heading(note: ChoiceNote, lang: str) -> tuple[str, str]:
    """The heading of a choice's notes and its colour's name: safe, risky, or
    coerced (done to the player under threat, never shown as their risk)."""
    if note.coerced:
        return f"{note.number} · {say('coerced', lang)}", "secondary"
    if note.safe:
        return f"{note.number} · {tr('preview_safe')}", "safe"
    return f"{note.number} · {tr('preview_risky')}", "warning"


def result_lines(host, card, index: int) -> tuple[str, list[tuple[str, str]]]:
    """What the player reads after choice `index` of `card`: the choice, its
    feedback and effects, then the outcome screen's content (title, kind,
    debrief, the three elements), the next card, or the way back to the board.
    Returns a title and (kind, text) lines; kind is one of heading, text, soft,
    element."""
    lang = host.lang
    note = choice_notes(host, card)[index]
    choice = card.choices[index]
    title = say("after", lang, n=index + 1, card=card.id)
    head, _colour = choice_heading(note, lang)
    lines = [("heading", f"{head}: {host.text(choice.label)}")]
    lines.append(("text", say("feedback", lang, text=note.feedback) if note.feedback
                  else say("no_feedback", lang)))
    lines.append(("soft", note.effects))
    if choice.outcome:
        outcome = host.pack.outcome(choice.outcome)
        lines.append(("heading", say("ends", lang, title=host.text(outcome.title),
                                     kind=tr(f"kind_{outcome.kind}"))))
        lines.append(("text", host.text(outcome.debrief)))
        if outcome.elements is not None:
            lines.append(("heading", say("elements", lang)))
            for element in ("act", "means", "purpose"):
                lines.append(("element", f"{tr('element_' + element)} ({element}): "
                              f"{host.text(getattr(outcome.elements, element))}"))
        else:
            lines.append(("soft", say("no_elements", lang)))
    else:
        lines.append(("heading", note.leads))
    return title, lines


def shown_path(file: str, folder: Optional[Path]) -> str:
    """`file` relative to the pack folder when it is inside it."""
    if folder is not None:
        try:
            return Path(file).resolve().relative_to(Path(folder).resolve()).as_posix()
        except (ValueError, OSError):
            pass
    return file


def problem_lines(problems: Sequence, folder: Optional[Path] = None,
                  read_line=None) -> list[tuple[str, str, int]]:
    """The validator's problems as on-screen lines: (kind, text, column).

    kind is "file" (a heading per file), "error" / "warning" (the
    FILE:LINE:COL: severity: message line, FILE relative to the pack), "source"
    (the offending line of YAML; column tells where to mark it) or "hint"
    (said once per kind of problem)."""
    from game.content.lint_output import _source_line, hint_for
    read_line = read_line or _source_line
    out: list[tuple[str, str, int]] = []
    hinted: set[str] = set()
    last_file = None
    for p in problems:
        if p.file != last_file:
            last_file = p.file
            out.append(("file", shown_path(p.file, folder), 0))
        where = f"{shown_path(p.file, folder)}:{p.line}:{p.column}"
        out.append((p.severity, f"{where}: {p.severity}: {p.message}", 0))
        source = read_line(p.file, p.line)
        if source is not None and source.strip():
            out.append(("source", source.rstrip("\n").expandtabs(2), p.column))
        hint = hint_for(p.message)
        if hint and hint not in hinted:
            hinted.add(hint)
            out.append(("hint", hint, 0))
    return out


# -- the screens ------------------------------------------------------------------------

class NotesView:
    """The column beside the card: wrapped lines, scrolled with PgUp/PgDn."""

    def __init__(self, rect: pygame.Rect, size: int):
        self.rect, self.size = rect, size
        self.items: list[tuple[TextBlock, int, int]] = []   # block, indent, gap before
        self.footer: Optional[TextBlock] = None
        self.scroll = 0

    @property
    def pad(self) -> int:
        return max(6, round(self.size * 0.6))

    @property
    def width(self) -> int:
        return self.rect.width - 2 * self.pad

    def add(self, text: str, colour, bold=False, indent=0, gap=0, size=None) -> None:
        if text:
            b = block(text, size or self.size, colour, self.width - indent, bold=bold)
            self.items.append((b, indent, gap))

    def set_footer(self, text: str) -> None:
        self.footer = block(text, self.size, palette().ink_soft, self.width)

    @property
    def body(self) -> pygame.Rect:
        r = self.rect.inflate(-2 * self.pad, -2 * self.pad)
        if self.footer is not None:
            r.height -= self.footer.height + self.pad
        return r

    @property
    def content_height(self) -> int:
        return sum(b.height + gap for b, _i, gap in self.items)

    def texts(self) -> list[str]:
        return [b.text for b, _i, _g in self.items] + ([self.footer.text] if self.footer else [])

    def draw(self, surface: pygame.Surface, fill: bool = True) -> None:
        C = palette()
        if fill:
            surface.fill(C.paper, self.rect)
        body = self.body
        tag_h = line_height(self.size)
        if self.content_height > body.height:   # keep a strip for the "more" tag
            body.height -= tag_h
        self.scroll = max(0, min(self.scroll, max(0, self.content_height - body.height)))
        clip = surface.get_clip()
        surface.set_clip(body)
        y = body.y - self.scroll
        for b, indent, gap in self.items:
            y += gap
            if y + b.height >= body.y and y <= body.bottom:
                b.draw(surface, body.x + indent, y)   # clipped on purpose: it scrolls
            y += b.height
        surface.set_clip(clip)
        more = self.content_height - self.scroll > body.height
        if self.footer is not None:
            fy = self.rect.bottom - self.pad - self.footer.height
            pygame.draw.line(surface, C.border, (body.x, fy - self.pad // 2),
                             (body.right, fy - self.pad // 2), 2)
            self.footer.draw(surface, body.x, fy, self.rect, "preview-keys")
        if more:
            label = tr("preview_more")
            w = text_width(label, self.size, True) + self.pad * 2
            tag = pygame.Rect(0, 0, w, tag_h)
            tag.topright = (body.right, body.bottom)
            rounded(surface, tag, C.secondary, self.pad // 2)
            draw_line(surface, label, self.size, C.secondary_text, tag.center, bold=True,
                        anchor="center", box=self.rect, what="preview-more")


def draw_message_screen(surface: pygame.Surface, title: str, lines: list[tuple[str, str, int]],
                        scroll: int = 0) -> NotesView:
    """A whole-window panel: a title, then lines (problem_lines' kinds, or "text")."""
    C = palette()
    w, h = surface.get_size()
    L = Layout(w, h)
    surface.fill(C.background)
    view = NotesView(pygame.Rect(L.pad, L.pad, w - 2 * L.pad, h - 2 * L.pad), L.min_text)
    view.add(title, C.warning, bold=True, size=L.heading)
    for kind, text, column in lines:
        if kind == "file":
            view.add(text, C.ink, bold=True, gap=view.pad)
        elif kind in ("error", "warning"):
            view.add(text, C.warning if kind == "error" else C.unsafe, bold=kind == "error",
                     gap=view.pad // 3)
        elif kind == "source":
            mark = max(0, column - 1)
            shown = text if len(text) < 160 else text[:157] + "..."
            # the column as a visible marker: the rest of the line from it is bracketed
            if 0 < column <= len(shown):
                shown = f"{shown[:mark]}»{shown[mark:]}"
            view.add("| " + shown, C.ink_soft, indent=view.pad * 2)
        elif kind == "hint":
            view.add(tr_hint(text), C.secondary, indent=view.pad * 2)
        else:
            view.add(text, C.ink, gap=view.pad // 2)
    view.set_footer(tr("preview_keys_message"))
    view.scroll = scroll
    rounded(surface, view.rect, C.paper, L.radius, L.border, C.border)
    view.draw(surface, fill=False)
    return view


def draw_result_screen(surface: pygame.Surface, title: str, lines: list[tuple[str, str]],
                       footer: str, scroll: int = 0) -> NotesView:
    """A whole-window panel: what follows a choice (result_lines)."""
    C = palette()
    w, h = surface.get_size()
    L = Layout(w, h)
    surface.fill(C.background)
    view = NotesView(pygame.Rect(L.pad, L.pad, w - 2 * L.pad, h - 2 * L.pad), L.min_text)
    view.add(title, C.ink_soft, bold=True)
    for kind, text in lines:
        if kind == "heading":
            view.add(text, C.ink, bold=True, gap=view.pad)
        elif kind == "element":
            view.add(text, C.ink, indent=view.pad * 2, gap=view.pad // 3)
        elif kind == "soft":
            view.add(text, C.ink_soft, gap=view.pad // 3)
        else:
            view.add(text, C.ink, gap=view.pad // 3)
    view.set_footer(footer)
    view.scroll = scroll
    rounded(surface, view.rect, C.paper, L.radius, L.border, C.border)
    view.draw(surface, fill=False)
    return view


def tr_hint(text: str) -> str:
    return f"hint: {text}"
