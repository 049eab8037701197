"""Values and labels in the reader's language: the one way every output describes them."""

from __future__ import annotations

from dataclasses import dataclass

from reconcile.misquote import DiffPart, shown_diff
from reconcile.model import Claim, Config, Contradiction, Group, Label, MemberRow, Property
from reconcile.quotes import without_ellipses
from reconcile.render.messages import messages, translate
from reconcile.values import DateValue, NumberValue, Value, rule_for
from reconcile.values.date import describe_date


@dataclass(frozen=True, slots=True)
class ValueView:
    """A value as the reader sees it: a label, or a list of items, and what qualifies it."""

    text: str
    items: tuple[str, ...] = ()  # entity lists: one label per entity
    precision: str | None = None  # "year", "range"…: why two dates or numbers may differ
    partial: bool = False
    code: str | None = None  # the canonical form, when it says more than the label (EDTF)


#: How many contradictions of one group the text, Markdown and HTML outputs name.
SHOWN_CONTRADICTIONS = 12


class Words:
    """The reader's language: messages, labels from reconcile.yaml, and value descriptions."""

    def __init__(self, config: Config, lang: str = "en") -> None:
        self.config = config
        self.lang = lang
        self.catalogue = messages(lang)
        self.months = self.catalogue["months"].split()
        self.separator = self.catalogue["list_separator"]
        # a report describes the same few values of a group again and again: each once
        self._described: dict[tuple[Value, str, str], ValueView] = {}
        self._dates: dict[str, tuple[str, str | None]] = {}

    def t(self, key: str, **fields: object) -> str:
        """The message `key` in the reader's language, its `{fields}` filled in."""
        return translate(self.catalogue, key, **fields)

    def label(self, label: Label, own_id: str) -> str:
        """A label in the reader's language; a bare id (no label given) made readable."""
        text = label.get(self.lang)
        if text == own_id:
            text = own_id.replace("_", " ").replace("-", " ")
            text = text[:1].upper() + text[1:]
        return text

    def group_title(self, group: Group, *, with_topic: bool = False) -> str:
        """Property (subject), or Topic › property (subject): the name of a group."""
        title = self.label(group.property.label, group.property.id)
        if group.subject:
            title += f" ({self.label(group.subject.label, group.subject.id)})"
        if with_topic:
            title = f"{self.label(group.topic.label, group.topic.id)} › {title}"
        return title

    def dispute(self, row: MemberRow) -> str:
        """Listed by a, b; left out by c: who names an entity and which complete lists omit it."""
        return self.t(
            "listed_by_left_out_by",
            listed=self.separator.join(row.listed_by),
            left_out=self.separator.join(row.left_out_by),
        )

    def entity(self, kind: str | None, entity_id: str) -> str:
        """An entity's label; its id when reconcile.yaml does not know it."""
        entity = self.config.entities.get(kind or "", {}).get(entity_id)
        return self.label(entity.label, entity_id) if entity else entity_id

    def number(self, number: float) -> str:
        """A number with thousands separators, integers without a decimal point."""
        if float(number).is_integer():
            return f"{int(number):,}"
        return f"{number:,.6g}"

    def value(self, value: Value, prop: Property) -> ValueView:
        """How the reader sees `value`, a value of `prop`: its type's rule describes it."""
        key = (value, prop.topic, prop.id)
        view = self._described.get(key)
        if view is None:
            view = self._described[key] = rule_for(value).describe(value, prop, self)
        return view

    def view(
        self,
        text: str,
        items: tuple[str, ...] = (),
        precision: str | None = None,
        partial: bool = False,
        code: str | None = None,
    ) -> ValueView:
        """A description of a value: what a value's rule builds to describe it."""
        return ValueView(text, items, precision, partial, code)

    def date(self, edtf: str) -> tuple[str, str | None]:
        """A reader's form of an EDTF date and the name of its precision."""
        described = self._dates.get(edtf)
        if described is None:
            described = self._dates[edtf] = describe_date(edtf, self)
        return described

    def when(self, date: DateValue | None) -> str | None:
        """A date in words, or None for no date."""
        return self.date(date.edtf)[0] if date else None

    def contradiction(self, group: Group, contradiction: Contradiction) -> str:
        """What contradicts what in `group`: "6 February 2023: a 371 ≠ b, c about 1,300 (±2 %)"."""
        prop = group.property
        sides = []
        for indices in (contradiction.first, contradiction.second):
            claims = [group.claims[index].claim for index in indices]
            sources = self.separator.join(dict.fromkeys(claim.source for claim in claims))
            sides.append((sources, claims[0]))
        (first_sources, first), (second_sources, second) = sides
        text = (
            f"{first_sources} {self.value(first.value, prop).text} ≠ "
            f"{second_sources} {self.value(second.value, prop).text}"
        )
        tolerance = self.tolerance(first.value, second.value)
        if tolerance:
            text += f" ({tolerance})"
        when = self.when(_narrower(first.as_of, second.as_of)) if prop.temporal else None
        return f"{when}: {text}" if when else text

    def tolerance(self, *values: Value) -> str | None:
        """The tolerance that widened approximate numbers ("±2 %", "±100"); None if none did."""
        shown = [
            f"±{self.number(v.tolerance.amount)}{' %' if v.tolerance.percent else ''}"
            for v in values
            if isinstance(v, NumberValue) and v.approximate and v.tolerance.amount
        ]
        return self.separator.join(dict.fromkeys(shown)) or None


def _narrower(first: DateValue | None, second: DateValue | None) -> DateValue | None:
    """The more precise of two times (the overlap of a year and a day in it is the day)."""
    if first is None or second is None:
        return first or second
    return second if _width(second) < _width(first) else first


def _width(date: DateValue) -> float:
    return date.span.high - date.span.low


def misquote_diff(claim: Claim) -> list[DiffPart]:
    """The words of a misquoted claim's quote against the text found, as written."""
    if claim.quote is None or claim.quote_match.found is None:
        return []
    return shown_diff(without_ellipses(claim.quote), claim.quote_match.found)


def shown_contradictions(group: Group, words: Words) -> list[str]:
    """The first contradictions of `group` in words, and how many more there are."""
    shown = [words.contradiction(group, c) for c in group.contradictions[:SHOWN_CONTRADICTIONS]]
    more = len(group.contradictions) - len(shown)
    return shown + ([words.t("more_contradictions", count=more)] if more > 0 else [])
