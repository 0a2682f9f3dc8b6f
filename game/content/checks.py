"""The checks across a whole pack, made once every file has been read.

Each takes the `PackReader` that read the pack (the ids, references and
facts it noted on the way) and adds its problems there:

- `check_references`: ids that name nothing, documents or flags no card can
  ever give, images that are not in the pack's assets/ folder;
- `check_cards`: cards that `next` keeps a player in forever, cards nothing
  can draw (a `crisis` card is drawn only once risk can reach 10), stages
  with no card for ordinary draws;
- `check_outcomes_used`: outcomes no choice or ending leads to.
"""
from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from game.content.model import ROUTES, STAGES, Card
from game.content.problems import ERROR, WARNING, Problem, did_you_mean, said
from game.paths import PACK_FILE

if TYPE_CHECKING:
    from game.content.build import PackReader


def check_references(reader: PackReader) -> None:
    """Every reference names something the pack defines, gives or holds."""
    known = reader.ids
    documents = known["document"]
    assets: Optional[set[str]] = None
    # With a card file unread, its card ids are unknown; with any card left out, the
    # documents and flags it gives are: checks that need them would mislead.
    cards_unread = reader.cards_unread
    incomplete = reader.cards_incomplete
    for kind, value, where in reader.refs:
        if kind == "card" and cards_unread:
            continue
        if kind in known:
            if value not in known[kind]:
                reader.problem(where, said("no_such_id", kind=said(f"thing_{kind}"), value=value,
                                           hint=did_you_mean(value, known[kind])))
        elif kind == "needed-document" or kind == "checkpoint-document":
            if value not in documents:
                reader.problem(where, said("no_such_id", kind=said("thing_document"),
                                           value=value, hint=did_you_mean(value, documents)))
            elif value in reader.documents_given or incomplete:
                pass
            elif kind == "checkpoint-document":
                reader.problem(where, said("checkpoint_never_given", value=value))
            else:
                reader.problem(where, said("document_never_given", value=value), WARNING)
        elif kind == "image":
            if assets is None:
                assets = _asset_files(reader.folder)
            _check_image(reader, value, where, assets)
        elif kind == "flag":
            if value not in reader.flags_set and not incomplete:
                reader.problem(where, said("flag_never_set", value=value,
                                           hint=did_you_mean(value, reader.flags_set)),
                               WARNING)


def _asset_files(folder: Path) -> set[str]:
    """Every file under the pack's assets/ folder, as a / path relative to it."""
    root = folder / "assets"
    found = set()
    for parent, _dirs, files in os.walk(root):
        relative = Path(parent).relative_to(root)
        for name in files:
            found.add((relative / name).as_posix())
    return found


def _check_image(reader: PackReader, value: str, where: tuple, assets: set[str]) -> None:
    names = value.replace("\\", "/").split("/")
    if (value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value)
            or ".." in names):
        reader.problem(where, said("image_outside", value=value))
    elif "\\" in value:
        reader.problem(where, said("image_backslash", value=value))
    elif posixpath.normpath(value) not in assets:
        folded = value.casefold()
        same = sorted(name for name in assets if name.casefold() == folded)
        if same:
            reader.problem(where, said("image_case", value=value, name=same[0]))
        else:
            reader.problem(where, said("image_missing", value=value,
                                       hint=did_you_mean(value, assets)))
    else:
        _check_picture(reader, value, where, reader.folder / "assets" / value)


MAX_IMAGE_BYTES = 2 * 1024 * 1024   # a picture larger than this is a warning
MAX_IMAGE_SIDE = 4000               # so is one with a side longer than this, in pixels
_JPEG_SIZE_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _check_picture(reader: PackReader, value: str, where: tuple, path: Path) -> None:
    """The picture is a PNG or JPEG by its bytes, and not far larger than the game shows."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(256 * 1024)
    except OSError:
        return  # read problems are the file system's, not the pack's
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        sides = _png_size(head)
    elif head.startswith(b"\xff\xd8\xff"):
        sides = _jpeg_size(head)
    else:
        reader.problem(where, said("image_not_picture", value=value))
        return
    large = size > MAX_IMAGE_BYTES
    if sides is not None and max(sides) > MAX_IMAGE_SIDE:
        large = True
    if large:
        mb = f"{size / (1024 * 1024):.1f}"
        shown = (said("image_size_mb", mb=mb) if sides is None else
                 said("image_size_pixels", mb=mb, width=sides[0], height=sides[1]))
        reader.problem(where, said("image_large", value=value, size=shown), WARNING)


def _png_size(head: bytes) -> Optional[tuple[int, int]]:
    """Width and height from a PNG's IHDR chunk, if it is there."""
    if len(head) >= 24 and head[12:16] == b"IHDR":
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    return None


def _jpeg_size(head: bytes) -> Optional[tuple[int, int]]:
    """Width and height from a JPEG's start-of-frame marker, if it is in `head`."""
    at = 2
    while at + 4 <= len(head):
        if head[at] != 0xFF:
            return None
        marker = head[at + 1]
        if marker == 0xFF:  # padding
            at += 1
            continue
        if marker in (0x01, 0xD8) or 0xD0 <= marker <= 0xD7:  # markers without a length
            at += 2
            continue
        length = int.from_bytes(head[at + 2:at + 4], "big")
        if marker in _JPEG_SIZE_MARKERS:
            if at + 9 > len(head):
                return None
            height = int.from_bytes(head[at + 5:at + 7], "big")
            width = int.from_bytes(head[at + 7:at + 9], "big")
            return width, height
        if length < 2:
            return None
        at += 2 + length
    return None


def check_cards(reader: PackReader, cards: list[Card]) -> None:
    """No card traps a player, and every card can be drawn (the first of an id counts)."""
    by_id = {}
    for card in cards:
        by_id.setdefault(card.id, card)
    _check_loops(reader, by_id)
    _check_drawable(reader, by_id)


def _check_loops(reader: PackReader, by_id: dict[str, Card]) -> None:
    """Report each set of cards that `next` keeps a player in forever."""
    for group in _strongly_connected(by_id):
        if len(group) == 1:
            card = by_id[group[0]]
            if not any(c.next == card.id for c in card.choices):
                continue
        members = set(group)
        if any(c.next is None or c.next not in members or c.outcome
               for ident in group for c in by_id[ident].choices):
            continue
        first = min((by_id[i] for i in group),
                    key=lambda c: (_file_order(reader, c.where.file), c.where.line))
        names = ", ".join(f"'{i}'" for i in sorted(group))
        reader.problems.append(Problem(
            first.where.file, first.where.line, first.where.column, ERROR,
            said("cards_loop", names=names) if len(group) > 1 else
            said("card_loop", card=first.id)))


def _file_order(reader: PackReader, file: str) -> int:
    try:
        return reader.files.index(file)
    except ValueError:
        return -1


def _check_drawable(reader: PackReader, by_id: dict[str, Card]) -> None:
    """Report cards no stage or route can ever draw, nor any `next` show.

    Ordinary draws take cards of weight above 0 that are not `crisis` cards;
    the irregular route opens once a drawable choice leads there, and crisis
    cards once a drawable choice adds risk (so risk can reach 10)."""
    reached: set[str] = set()
    irregular_open = risk_rises = False
    opened = None
    while opened != (irregular_open, risk_rises):
        opened = (irregular_open, risk_rises)
        todo = [c for c in by_id.values()
                if c.id not in reached and c.weight > 0
                and (c.route != "irregular" or irregular_open) and (not c.crisis or risk_rises)]
        while todo:
            card = todo.pop()
            if card.id in reached:
                continue
            reached.add(card.id)
            for choice in card.choices:
                if choice.next in by_id and choice.next not in reached:
                    todo.append(by_id[choice.next])
                if choice.effects.route == "irregular":
                    irregular_open = True
                if choice.effects.risk > 0:
                    risk_rises = True
    if reader.cards_incomplete:
        return  # a card with errors (or a file unread) may be the one the others need
    pointed_to = {c.next for card in by_id.values() for c in card.choices if c.next}
    for card in by_id.values():
        if card.id in reached:
            continue
        severity = ERROR
        if card.weight == 0 and card.id not in pointed_to:
            why = said("why_weight_zero")
        elif card.crisis and card.weight > 0 and not risk_rises:
            why = said("why_crisis")
            severity = WARNING
        elif card.route == "irregular" and card.weight > 0 and not reader.irregular_switch:
            why = said("why_irregular")
        else:
            why = said("why_unreachable")
        reader.problems.append(Problem(card.where.file, card.where.line, card.where.column,
                                       severity, said("never_drawn", card=card.id, why=why)))
    for route in ROUTES if irregular_open else ("regular",):
        for stage in STAGES:
            if not any(c.stage == stage and c.weight > 0 and not c.crisis
                       and c.route in (route, "any") for c in by_id.values()):
                reader.problems.append(Problem(
                    reader.shown(PACK_FILE), 1, 1, WARNING,
                    said("stage_empty", stage=stage, route=route)))


def _strongly_connected(by_id: dict[str, Card]) -> list[list[str]]:
    """Tarjan's algorithm, iterative, over the `next` links between cards."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0
    for start in by_id:
        if start in index or not any(c.next for c in by_id[start].choices):
            continue
        work = [(start, iter([c.next for c in by_id[start].choices
                              if c.next in by_id]))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter([c.next for c in by_id[child].choices
                                              if c.next in by_id])))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(group)
    return groups


def check_outcomes_used(reader: PackReader, endings: dict, outcomes: tuple) -> None:
    """Warn about outcomes no choice, ending or default ending (see Pack.ending) uses.

    The `assisted` ending is used only in a pack with a card that shows both the
    act and the means."""
    used = {value for kind, value, _ in reader.refs if kind == "outcome"}
    present = [o for o in outcomes if o is not None]
    defaults = [("home", ("safe",)), ("home-unsafe", ("unsafe", "trafficked")),
                ("risk", ("trafficked",))]
    if reader.act_and_means:
        defaults.append(("assisted", ("trafficked",)))
    for key, kinds in defaults:
        if key in endings:
            continue
        for kind in kinds:
            first = next((o for o in present if o.kind == kind), None)
            if first is not None:
                used.add(first.id)
                break
    for ident, where in reader.outcome_places.items():
        if ident not in used:
            reader.problem(where, said("outcome_unused", ident=ident), WARNING)
