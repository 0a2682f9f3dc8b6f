"""The checks that keep a pack teaching the right thing (format version 2).

The definition of trafficking (act, means and purpose) is what the game
exists to teach, so the format makes it checkable (scenarios/README.md,
Part 2 — "Once trafficked, never safe"):

- `check_card`, as each card is read: a card that shows elements of
  trafficking, or that leads to a trafficked outcome, has a question for the
  facilitator (`discuss`); a card that shows both the act and the means
  never leads straight to a `safe` or `unsafe` outcome (`unsafe` means "not
  trafficked");
- `check_endings`, once pack.yaml is read: risk alone never records
  trafficking (`endings.risk`), and `endings.assisted` is a trafficked
  outcome.

All of them are warnings: the pack still plays (the engine turns a safe or
unsafe ending after act and means into `endings.assisted`), but it would
teach something the format exists to prevent.
"""
from __future__ import annotations

from typing import Optional, Protocol

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.content.model import Card
from game.content.nodes import Place
from game.content.problems import WARNING, said


class PackReader(Protocol):
    """What these checks use of build.PackReader (which calls them)."""
    outcome_kinds: dict[str, str]
    outcome_places: dict[str, Place]
    ending_places: dict[str, Place]

    def problem(self, where: Node | Place | None, message: str, severity: str = ...) -> None:
        ...


def _field(node: Node, name: str) -> Optional[Node]:
    """The value node of field `name` in a mapping node, if it is there."""
    if node.__class__ is MappingNode:
        for key, value in node.value:
            if key.__class__ is ScalarNode and key.value == name:
                return value
    return None


def check_card(reader: PackReader, card: Card, node: Node) -> None:
    """The teaching checks of one card, read without errors from `node`."""
    kinds = reader.outcome_kinds
    if card.discuss is None:
        if card.shows:
            reader.problem(node, said("shows_no_discuss", card=card.id), WARNING)
        elif any(kinds.get(c.outcome) == "trafficked" for c in card.choices if c.outcome):
            reader.problem(node, said("trafficked_no_discuss", card=card.id), WARNING)
    if not card.shows_act_and_means:
        return
    choices = _field(node, "choices")
    for index, choice in enumerate(card.choices):
        kind = kinds.get(choice.outcome) if choice.outcome else None
        if kind == "safe" or kind == "unsafe":
            where = node
            if choices.__class__ is SequenceNode and index < len(choices.value):
                where = _field(choices.value[index], "outcome") or node
            reader.problem(where, said("never_safe_after", outcome=choice.outcome, kind=kind),
                           WARNING)


def check_endings(reader: PackReader, endings: dict, outcomes: tuple) -> None:
    """endings.risk (or its default) is not trafficked; endings.assisted is."""
    present = [o for o in outcomes if o is not None]
    kinds = {o.id: o.kind for o in present}
    risk = endings.get("risk")
    if risk is not None:
        if kinds.get(risk) == "trafficked":
            reader.problem(reader.ending_places.get("risk"),
                           said("risk_ending_trafficked", risk=risk), WARNING)
    else:
        first = next((o.id for o in present if o.kind == "trafficked"), None)
        if first is not None:
            reader.problem(reader.outcome_places.get(first),
                           said("risk_ending_default", first=first), WARNING)
    assisted = endings.get("assisted")
    kind = kinds.get(assisted) if assisted is not None else None
    if kind is not None and kind != "trafficked":
        reader.problem(reader.ending_places.get("assisted"),
                       said("assisted_not_trafficked", assisted=assisted, kind=kind), WARNING)
