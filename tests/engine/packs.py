"""Small packs built in code, for the rules tests (no YAML, no files)."""
from __future__ import annotations

from game.content.model import (Card, Choice, Contact, Document, Effects, Elements, Outcome,
                                Pack, Requires, Start)


def t(text: str) -> dict:
    return {"en": text}


def choice(safe=True, next=None, outcome=None, requires=None, **effects) -> Choice:
    return Choice(t("choose"), safe, requires or Requires(), Effects(**effects), t("because"),
                  next, outcome)


def card(id, stage="recruitment", route="any", choices=None, weight=1) -> Card:
    return Card(id, stage, t(id), t("text"), tuple(choices or [choice()]), route, weight=weight)


OUTCOMES = (
    Outcome("safe-return", "safe", t("Safe"), t("d")),
    Outcome("in-debt", "unsafe", t("Debt"), t("d")),
    Outcome("bonded", "trafficked", t("Bonded"), t("d"),
            Elements(t("act"), t("means"), t("purpose"))),
)


def make_pack(cards=(), checkpoints=None, max_turns=None, endings=None, start_docs=("ktp",),
              money=100, contacts=True, glossary=()) -> Pack:
    """A pack whose every stage has one plain card per route unless `cards` says more."""
    base = [card(f"{stage}-{route}", stage, route) for stage in
            ("recruitment", "documentation", "travel", "work")
            for route in ("regular", "irregular")]
    return Pack(
        id="test", title=t("Test"), description=t("d"), languages=("en",),
        start=Start(money, tuple(start_docs)),
        documents=(Document("ktp", t("ID")), Document("passport", t("Passport"))),
        contacts=(Contact("sapa", t("SAPA"), t("129")),) if contacts else (),
        outcomes=OUTCOMES, cards=tuple(base) + tuple(cards),
        checkpoints=checkpoints or {}, max_turns=max_turns, endings=endings or {},
        glossary=tuple(glossary))
