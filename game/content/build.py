"""Building the content models from a pack's files: pack.yaml, then each card file.

`PackReader` reads pack.yaml into the values of a `model.Pack` and each card
file into `model.Card`s, reporting every problem it meets (see `nodes.py`
for how values are read). Along the way it notes what the checks across the
whole pack need (`checks.py`): which documents are given, which flags are
set, whether any choice leads to the irregular route, and how many cards
were left out because of their errors. Every text is handed to `wording.py`
(placeholders, acronyms and the glossary, word counts) and every card to
`lessons.py` (what it teaches) while its YAML nodes are at hand, so that
their problems are located at the value itself.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.content import model
from game.content.headers import PACK_ID
from game.content.lessons import check_card, check_endings
from game.content.model import (CARD_ROUTES, ELEMENTS, ENDING_KEYS, MAX_CHOICES, OUTCOME_KINDS,
                                ROUTES, STAGES, Card, Choice, Contact, Document, Effects,
                                Elements, GlossaryEntry, Outcome, Pack, Position, Requires,
                                Start)
from game.content.nodes import BOOLEAN_WORDS, TRUE_WORDS, NodeReader, Place, describe
from game.content.parts import (CARD_REQUIRED, CHOICE_REQUIRED, CONTACT_FIELDS,
                                DOCUMENT_FIELDS, EFFECT_DOCUMENTS, EFFECT_FLAGS, EFFECT_NUMBERS,
                                EFFECTS_FIELDS, ELEMENT_FIELDS, GLOSSARY_FIELDS, LANGUAGE_CODE,
                                OUTCOME_REQUIRED, PACK_REQUIRED)
from game.content.problems import ERROR, WARNING, Problem, said
from game.content.wording import CARD_TEXT_WORDS, LABEL_WORDS, Wording
from game.content.yaml_source import BOOL_TAG, INT_TAG, STR_TAG, read_yaml_source
from game.paths import CARDS_FOLDER, PACK_FILE, card_files

_EFFECT_LABELS = {name: "effects." + name for name in EFFECTS_FIELDS}
_CARD_REQUIRED_SET = frozenset(CARD_REQUIRED)
_CHOICE_REQUIRED_SET = frozenset(CHOICE_REQUIRED)
_STAGE_SET, _CARD_ROUTE_SET = frozenset(STAGES), frozenset(CARD_ROUTES)
_NO_REQUIRES = Requires()


class PackReader(NodeReader):
    """Reads one pack folder. Methods report problems and return None for bad values."""

    def __init__(self, folder: Path):
        super().__init__(folder)
        self.irregular_switch = False  # some choice moves a player to the irregular route
        self.broken_cards = 0  # cards with errors: left out of the checks across cards
        # Equal requirements and effects share one (immutable) object: packs repeat them.
        self.shared: dict[tuple, object] = {}
        self.flags_set: set[str] = set()
        self.documents_given: set[str] = set()
        self.outcome_places: dict[str, Place] = {}
        self.outcome_kinds: dict[str, str] = {}
        self.ending_places: dict[str, Place] = {}
        self.act_and_means = False  # some card shows both: endings.assisted can be reached
        self.unreadable = False     # some file could not be read as YAML
        self.cards_unread = False   # some card file could not be read as a list of cards
        self.read_problems: set[Problem] = set()  # a file's own errors: listed first
        self.outcome_kinds_seen: set[str] = set()  # kinds of outcomes, even broken ones
        self._source: Optional[list[str]] = None  # the current file's lines, if ' #' in it
        self.wording = Wording()

    def make_pack(self, values: dict, cards: list[Card]) -> Pack:
        """The checked `Pack`, from pack.yaml's values and the cards read."""
        return Pack(id=values["id"], title=values["title"], description=values["description"],
                    languages=values["languages"], start=values["start"],
                    documents=values["documents"], contacts=values["contacts"],
                    outcomes=values["outcomes"], cards=tuple(cards),
                    checkpoints=values.get("checkpoints") or {},
                    max_turns=values.get("max_turns"), endings=values.get("endings") or {},
                    path=str(self.folder.resolve()), glossary=values.get("glossary") or ())

    @property
    def cards_incomplete(self) -> bool:
        """Some card could not be read: checks that need every card would mislead."""
        return self.cards_unread or self.broken_cards > 0

    def text(self, node: Node, what: str, words: Optional[int] = None,
             scan: bool = True, use: bool = True, label: bool = False) -> Optional[dict]:
        """A localised text, checked by the writing rules (`wording.py`) when `scan`;
        `words`: at most so many words; `use`: glossary terms in it count as used."""
        if self._source is not None:
            self._cut_at_comment(node, what)
        text = super().text(node, what)
        if text is not None and scan:
            self.wording.scan(self, node, text, what, words, use, label)
        return text

    def _cut_at_comment(self, node: Node, what: str) -> None:
        """Warn about a plain text that YAML ends at ' #' (the rest is a comment)."""
        values = ([v for _k, v in node.value] if node.__class__ is MappingNode else [node])
        for value in values:
            if value.__class__ is not ScalarNode or value.style or value.tag != STR_TAG:
                continue
            end = value.end_mark
            if end.line >= len(self._source):
                continue
            rest = self._source[end.line][end.column:]
            if rest[:1] in (" ", "\t") and rest.lstrip().startswith("#"):
                self.problem(value, said("comment_cut", what=what), WARNING)

    # -- pack.yaml ------------------------------------------------------------
    def load_pack_file(self) -> Optional[dict]:
        """pack.yaml's values by field name (some None when bad); None without pack.yaml."""
        self.file = self.shown(PACK_FILE)
        path = self.folder / PACK_FILE
        if not path.is_file():
            self.problem(None, said("no_pack_file"))
            return None
        self.files.append(self.file)
        root, read = self._read(path)
        if root is None:
            if read:
                self.problem(None, said("pack_file_empty"))
            return None
        found = self.fields(root, "pack", PACK_REQUIRED)
        if found is None:
            return None
        values: dict = {}
        if "languages" in found:
            values["languages"] = self.languages_of(found["languages"])
        if "id" in found:
            values["id"] = self.pack_id(found["id"])
        if "glossary" in found:  # first: the other texts are checked against its terms
            values["glossary"] = self.glossary(found["glossary"])
        for name in ("title", "description"):
            if name in found:
                values[name] = self.text(found[name], name)
        if "start" in found:
            values["start"] = self.start(found["start"])
        values["documents"] = self.items(found.get("documents"), "document", self.document)
        values["contacts"] = self.items(found.get("contacts"), "contact", self.contact)
        values["outcomes"] = self.items(found.get("outcomes"), "outcome", self.outcome)
        if "outcomes" in found:
            kinds = self.outcome_kinds_seen  # an outcome with other errors still counts
            for kind in ("safe", "trafficked"):
                if kind not in kinds:
                    self.problem(found["outcomes"], said("needs_outcome_kind", kind=kind))
        if "checkpoints" in found:
            values["checkpoints"] = self.checkpoints(found["checkpoints"])
        if "max_turns" in found:
            turns = self.integer(found["max_turns"], "max_turns")
            if turns is not None and turns < 1:
                self.problem(found["max_turns"], said("max_turns_positive"))
                turns = None
            values["max_turns"] = turns
        if "endings" in found:
            values["endings"] = self.endings(found["endings"])
        if "outcomes" in found:
            check_endings(self, values.get("endings") or {}, values["outcomes"])
        return values

    def _read(self, path: Path) -> tuple[Optional[Node], bool]:
        """The file's root node, and whether it was read without problems."""
        node, issues, source = read_yaml_source(path)
        self._source = source.split("\n") if " #" in source or "\t#" in source else None
        if issues:
            self.unreadable = True
        for issue in issues:
            problem = Problem(self.file, issue.line, issue.column, ERROR, issue.message)
            self.problems.append(problem)
            self.read_problems.add(problem)
        return node, not issues

    def languages_of(self, node: Node) -> Optional[tuple[str, ...]]:
        if node.__class__ is not SequenceNode or not node.value:
            self.problem(node, said("languages_not_list"))
            return None
        codes: list[str] = []
        for item in node.value:
            if item.__class__ is not ScalarNode or not LANGUAGE_CODE.fullmatch(item.value):
                self.problem(item, said("not_language_code", value=item.value
                                        if item.__class__ is ScalarNode else "?"))
            elif item.value in codes:
                self.problem(item, said("language_listed_twice", code=item.value))
            else:
                codes.append(item.value)
        if len(codes) != len(node.value):
            return None
        self.languages = tuple(codes)
        self.language_set = frozenset(codes)
        self.plain_text_ok = len(codes) == 1
        return self.languages

    def pack_id(self, node: Node) -> Optional[str]:
        ident = self.ident(node, "the pack id")
        if ident is None:
            return None
        if not PACK_ID.fullmatch(ident):
            self.problem(node, said("pack_id_letters", ident=ident))
            return None
        folder_name = self.folder.resolve().name
        if ident != folder_name:
            self.problem(node, said("pack_id_folder", ident=ident, folder=folder_name))
        return ident

    def start(self, node: Node) -> Optional[Start]:
        found = self.fields(node, "start")
        if found is None:
            return None
        money = 0
        if "money" in found:
            money = self.integer(found["money"], "start.money")
            if money is not None and money < 0:
                self.problem(found["money"], said("start_money_negative"))
                money = None
        documents: tuple[str, ...] = ()
        if "documents" in found:
            documents = self.ident_list(found["documents"], "start.documents", "document")
            self.documents_given.update(documents)
        if money is None:
            return None
        return Start(money, documents)

    def items(self, node: Optional[Node], what: str, convert) -> tuple:
        if node is None:
            return ()
        if node.__class__ is not SequenceNode:
            self.problem(node, said("items_not_list", what=what + "s", found=describe(node)))
            return ()
        return tuple(convert(item) for item in node.value)

    def document(self, node: Node) -> Optional[Document]:
        found = self.fields(node, "document", DOCUMENT_FIELDS)
        if found is None:
            return None
        ident = self.ident(found["id"], "document id") if "id" in found else None
        self.declare("document", ident, node)
        name = self.text(found["name"], "document name") if "name" in found else None
        if ident is None or name is None:
            return None
        return Document(ident, name)

    def contact(self, node: Node) -> Optional[Contact]:
        found = self.fields(node, "contact", CONTACT_FIELDS)
        if found is None:
            return None
        ident = self.ident(found["id"], "contact id") if "id" in found else None
        self.declare("contact", ident, node)
        name = self.text(found["name"], "contact name") if "name" in found else None
        detail = self.text(found["detail"], "contact detail") if "detail" in found else None
        if ident is None or name is None or detail is None:
            return None
        return Contact(ident, name, detail)

    def outcome(self, node: Node) -> Optional[Outcome]:
        found = self.fields(node, "outcome", OUTCOME_REQUIRED)
        if found is None:
            return None
        ident = self.ident(found["id"], "outcome id") if "id" in found else None
        self.declare("outcome", ident, node)
        if ident is not None and ident not in self.outcome_places:
            self.outcome_places[ident] = self.place(node)
        kind = self.one_of(found["kind"], OUTCOME_KINDS, "kind") if "kind" in found else None
        if kind is not None:
            self.outcome_kinds_seen.add(kind)
        if ident is not None and kind is not None:
            self.outcome_kinds.setdefault(ident, kind)
        title = self.text(found["title"], "outcome title") if "title" in found else None
        debrief = self.text(found["debrief"], "debrief") if "debrief" in found else None
        elements = None
        if "elements" in found:
            elements = self.elements(found["elements"])
        elif kind == "trafficked":
            self.problem(node, said("trafficked_needs_elements"))
        if ident is None or kind is None or title is None or debrief is None:
            return None
        if kind == "trafficked" and elements is None:
            return None
        return Outcome(ident, kind, title, debrief, elements)

    def elements(self, node: Node) -> Optional[Elements]:
        found = self.fields(node, "elements", ELEMENT_FIELDS)
        if found is None:
            return None
        parts = [self.text(found[name], f"elements.{name}") if name in found else None
                 for name in ELEMENT_FIELDS]
        if None in parts:
            return None
        return Elements(*parts)

    def checkpoints(self, node: Node) -> dict:
        if node.__class__ is not MappingNode:
            self.problem(node, said("checkpoints_not_mapping", found=describe(node)))
            return {}
        result = {}
        for key, value in node.value:
            stage = self.one_of(key, STAGES, "a checkpoint key (a stage)")
            documents = self.ident_list(value, "checkpoint documents", "checkpoint-document")
            if stage is not None:
                if stage in result:
                    self.problem(key, said("checkpoint_twice", stage=stage))
                result[stage] = documents
        return result

    def endings(self, node: Node) -> dict:
        if node.__class__ is not MappingNode:
            self.problem(node, said("endings_not_mapping", found=describe(node)))
            return {}
        result = {}
        for key, value in node.value:
            name = self.one_of(key, ENDING_KEYS, "an ending")
            target = self.ident(value, "an ending's outcome", "outcome")
            if name is not None and target is not None:
                if name in result:
                    self.problem(key, said("ending_twice", name=name))
                result[name] = target
                self.ending_places[name] = self.place(value)
        return result

    def glossary(self, node: Node) -> tuple[GlossaryEntry, ...]:
        """The glossary: every term first, so that the meanings are checked against them."""
        if node.__class__ is not SequenceNode:
            self.problem(node, said("glossary_not_list", found=describe(node)))
            return ()
        read = []
        for item in node.value:
            found = self.fields(item, "glossary entry", GLOSSARY_FIELDS)
            if found is None:
                continue
            term = None
            if "term" in found:
                term = self.text(found["term"], "glossary term", scan=False)
                if term is not None:
                    self.wording.add_term(self, found["term"], term)
            read.append((found, term))
        entries = []
        for found, term in read:
            meaning = None
            if "meaning" in found:
                meaning = self.text(found["meaning"], "glossary meaning", use=False)
            if term is not None and meaning is not None:
                entries.append(GlossaryEntry(term, meaning))
        return tuple(entries)

    # -- cards ------------------------------------------------------------------
    def card_files(self) -> list[Path]:
        """The pack's card files; none is a problem, reported against pack.yaml."""
        self.file = self.shown(PACK_FILE)
        found = card_files(self.folder)
        if not found:
            self.problem(None, said("no_card_files" if (self.folder / CARDS_FOLDER).is_dir()
                                    else "no_cards_folder"))
        return found

    def load_cards(self, path: Path) -> list[Card]:
        """The cards of one card file that have no errors."""
        self.file = self.shown(CARDS_FOLDER, path.name)
        self.files.append(self.file)
        root, read = self._read(path)
        if root is None:
            if read:
                self.problem(None, said("card_file_empty"), WARNING)
            else:
                self.cards_unread = True
            return []
        if root.__class__ is not SequenceNode:
            self.cards_unread = True
            self.problem(root, said("card_file_not_list", found=describe(root)))
            return []
        if not root.value:
            self.problem(root, said("card_file_no_cards"), WARNING)
        cards = []
        for node in root.value:
            card = self.card(node)
            if card is not None:
                cards.append(card)
            else:
                self.broken_cards += 1
        return cards

    def card(self, node: Node) -> Optional[Card]:
        found = self.fields(node, "card")
        if found is None:
            return None
        if not _CARD_REQUIRED_SET <= found.keys():
            for name in CARD_REQUIRED:
                if name not in found:
                    self.problem(node, said("missing_field", what="card", name=name))
        ok = True
        value = found.get("id")
        ident = None
        if value is not None:
            ident = self.ident(value, "card id")
            self.declare("card", ident, node)
        ok = ident is not None
        value = found.get("stage")
        if value is not None:
            stage = (value.value if value.__class__ is ScalarNode and value.value in _STAGE_SET
                     and value.tag == STR_TAG else self.one_of(value, STAGES, "stage"))
            ok = ok and stage is not None
        value = found.get("route")
        route = "any"
        if value is not None:
            route = (value.value if value.__class__ is ScalarNode
                     and value.value in _CARD_ROUTE_SET and value.tag == STR_TAG
                     else self.one_of(value, CARD_ROUTES, "route"))
            ok = ok and route is not None
        value = found.get("title")
        if value is not None:
            title = self.text(value, "title")
            ok = ok and title is not None
        value = found.get("text")
        if value is not None:
            text = self.text(value, "text", CARD_TEXT_WORDS)
            ok = ok and text is not None
        value = found.get("discuss")
        discuss = None
        if value is not None:
            discuss = self.text(value, "discuss")
            ok = ok and discuss is not None
        value = found.get("image")
        image = None
        if value is not None:
            if value.__class__ is ScalarNode and value.tag == STR_TAG and value.value:
                image = value.value
                self.refs.append(("image", image, self.place(value)))
            else:
                self.problem(value, said("image_not_name", found=describe(value)))
                ok = False
        value = found.get("weight")
        weight = 1
        if value is not None:
            weight = self.number(value, "weight")
            if weight is not None and weight < 0:
                self.problem(value, said("weight_negative"))
                weight = None
            ok = ok and weight is not None
        value = found.get("shows")
        shows: tuple = ()
        if value is not None:
            shows = self.shows(value)
            ok = ok and shows is not None
        value = found.get("crisis")
        crisis = False
        if value is not None:
            crisis = self.boolean(value, "crisis")
            ok = ok and crisis is not None
        value = found.get("choices")
        choices: tuple = ()
        if value is not None:
            choices = self.choices(value)
            ok = ok and choices is not None
        if not ok or not _CARD_REQUIRED_SET <= found.keys():
            return None
        mark = node.start_mark
        card = Card(ident, stage, title, text, choices, route, image, discuss, weight,
                    Position(self.file, mark.line + 1, mark.column + 1), shows, crisis)
        if shows or discuss is None:
            self.act_and_means = self.act_and_means or card.shows_act_and_means
            check_card(self, card, node)
        return card

    def shows(self, node: Node) -> Optional[tuple[str, ...]]:
        """The elements of trafficking a card shows: act, means, purpose, each once."""
        if node.__class__ is not SequenceNode:
            self.problem(node, said("shows_not_list", found=describe(node)))
            return None
        found: list[str] = []
        ok = True
        for item in node.value:
            element = self.one_of(item, ELEMENTS, "each of shows")
            if element is None:
                ok = False
            elif element in found:
                self.problem(item, said("shows_twice", element=element))
                ok = False
            else:
                found.append(element)
        return tuple(found) if ok else None

    def choices(self, node: Node) -> Optional[tuple[Choice, ...]]:
        if node.__class__ is not SequenceNode:
            self.problem(node, said("items_not_list", what="choices", found=describe(node)))
            return None
        items = node.value
        if not items:
            self.problem(node, said("choices_none", most=MAX_CHOICES))
            return None
        if len(items) > MAX_CHOICES:
            self.problem(items[MAX_CHOICES], said("choices_too_many", most=MAX_CHOICES,
                                                  has=len(items)))
        made = tuple(map(self.choice, items))
        if None in made or len(items) > MAX_CHOICES:
            return None
        return made

    def choice(self, node: Node) -> Optional[Choice]:
        found = self.fields(node, "choice")
        if found is None:
            return None
        if not _CHOICE_REQUIRED_SET <= found.keys():
            for name in CHOICE_REQUIRED:
                if name not in found:
                    self.problem(node, said("missing_field", what="choice", name=name))
            ok = False
        else:
            ok = True
        value = found.get("label")
        if value is not None:
            label = self.text(value, "label", LABEL_WORDS, label=True)
            ok = ok and label is not None
        value = found.get("coerced")
        coerced = False
        if value is not None:
            if (value.__class__ is ScalarNode and value.tag == BOOL_TAG
                    and value.value in BOOLEAN_WORDS):
                coerced = value.value.lower() in TRUE_WORDS
            else:
                self.boolean(value, "coerced")
                ok = False
        value = found.get("safe")
        safe = False  # a coerced choice may leave `safe` out: it is then false
        if value is not None:
            if (value.__class__ is ScalarNode and value.tag == BOOL_TAG
                    and value.value in BOOLEAN_WORDS):
                safe = value.value.lower() in TRUE_WORDS
                if safe and coerced:
                    self.problem(value, said("coerced_safe"))
                    ok = False
            else:
                self.boolean(value, "safe")
                ok = False
        elif not coerced:
            self.problem(node, said("missing_field", what="choice", name="safe"))
            ok = False
        value = found.get("requires")
        requires = _NO_REQUIRES
        if value is not None:
            requires = self.requires(value)
            ok = ok and requires is not None
        value = found.get("effects")
        effects = model.NO_EFFECTS
        if value is not None:
            effects = self.effects(value)
            ok = ok and effects is not None
        value = found.get("feedback")
        feedback = None
        if value is not None:
            feedback = self.text(value, "feedback")
            ok = ok and feedback is not None
        else:
            self.problem(node, said("no_feedback"), WARNING)
        value = found.get("next")
        next_card = None
        if value is not None:
            next_card = self.ident(value, "next", "card")
            ok = ok and next_card is not None
        value = found.get("outcome")
        outcome = None
        if value is not None:
            outcome = self.ident(value, "outcome", "outcome")
            ok = ok and outcome is not None
            if next_card is not None:
                self.problem(value, said("next_and_outcome"))
                ok = False
        if not ok:
            return None
        return Choice(label, safe, requires, effects, feedback, next_card, outcome, coerced)

    def requires(self, node: Node) -> Optional[Requires]:
        found = self.fields(node, "requires")
        if found is None:
            return None
        documents = flags = ()
        money = None
        if "documents" in found:
            documents = self.ident_list(found["documents"], "requires.documents",
                                        "needed-document")
        if "flags" in found:
            flags = self.ident_list(found["flags"], "requires.flags", "flag")
        if "money" in found:
            money = self.integer(found["money"], "requires.money")
            if money is None:
                return None
        key = ("requires", documents, flags, money)
        made = self.shared.get(key)
        if made is None:
            made = self.shared[key] = Requires(documents, flags, money)
        return made

    def effects(self, node: Node) -> Optional[Effects]:
        found = self.fields(node, "effects")
        if found is None:
            return None
        if not found:
            return model.NO_EFFECTS
        values: dict = {}
        ok = True
        for name, value in found.items():
            if name in EFFECT_NUMBERS:
                if value.__class__ is ScalarNode and value.tag == INT_TAG:
                    try:
                        number = int(value.value)
                    except ValueError:
                        number = self.integer(value, _EFFECT_LABELS[name])
                else:
                    number = self.integer(value, _EFFECT_LABELS[name])
                if number is not None and name == "skip" and number < 0:
                    self.problem(value, said("skip_negative"))
                    number = None
                ok = ok and number is not None
                values[name] = number
            elif name in EFFECT_DOCUMENTS:
                values[name] = self.ident_list(value, _EFFECT_LABELS[name], "document")
                if name == "gain":
                    self.documents_given.update(values[name])
            elif name in EFFECT_FLAGS:
                values[name] = self.ident_list(value, _EFFECT_LABELS[name])
                if name == "set":
                    self.flags_set.update(values[name])
            elif name == "contact":
                values[name] = self.ident(value, "effects.contact", "contact")
                ok = ok and values[name] is not None
            else:  # route
                values[name] = self.one_of(value, ROUTES, "effects.route")
                ok = ok and values[name] is not None
                if values[name] == "irregular":
                    self.irregular_switch = True
        if not ok:
            return None
        key = tuple(values.items())
        made = self.shared.get(key)
        if made is None:
            made = self.shared[key] = Effects(**values)
        return made

