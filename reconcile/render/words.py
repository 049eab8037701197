"""Values and labels in the reader's language: the one way every output describes them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reconcile.model import Config, Group, Label, MemberRow, Property
from reconcile.render.messages import messages, translate
from reconcile.values import (
    BooleanValue,
    DateValue,
    EntitySetValue,
    EntityValue,
    NumberValue,
    Value,
)


@dataclass(frozen=True, slots=True)
class ValueView:
    """A value as the reader sees it: a label, or a list of items, and what qualifies it."""

    text: str
    items: tuple[str, ...] = ()  # entity lists: one label per entity
    precision: str | None = None  # "year", "range"…: why two dates or numbers may differ
    partial: bool = False
    code: str | None = None  # the canonical form, when it says more than the label (EDTF)


class Words:
    """The reader's language: messages, labels from reconcile.yaml, and value descriptions."""

    def __init__(self, config: Config, lang: str = "en") -> None:
        self.config = config
        self.lang = lang
        self.catalogue = messages(lang)
        self.months = self.catalogue["months"].split()
        self.separator = self.catalogue["list_separator"]

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
        """How the reader sees `value`, a value of `prop`."""
        if isinstance(value, EntitySetValue):
            items = tuple(sorted((self.entity(prop.kind, i) for i in value.ids), key=str.casefold))
            text = self.separator.join(items) + ("" if value.complete else self.separator + "…")
            return ValueView(text, items, partial=not value.complete)
        if isinstance(value, EntityValue):
            return ValueView(self.entity(prop.kind, value.id))
        if isinstance(value, DateValue):
            text, precision = self.date(value.edtf)
            # The EDTF code says more than the words only for qualified dates and intervals.
            shown_code = text != value.edtf and any(c in value.edtf for c in "X~?%/")
            return ValueView(text, precision=precision, code=value.edtf if shown_code else None)
        if isinstance(value, NumberValue):
            return self.number_value(value)
        if isinstance(value, BooleanValue):
            return ValueView(self.t("yes") if value.truth else self.t("no"))
        return ValueView(str(value.canonical()))

    def number_value(self, value: NumberValue) -> ValueView:
        """A number, a bound or a range, with the precision that qualifies it."""
        low, high = value.minimum, value.maximum
        if low is not None and low == high:
            text, precision = self.number(low), "exact"
        elif high is None and low is not None:
            text, precision = self.t("at_least", value=self.number(low)), "range"
        elif low is None and high is not None:
            text, precision = self.t("up_to", value=self.number(high)), "range"
        elif low is not None and high is not None:
            text = self.t("between", low=self.number(low), high=self.number(high))
            precision = "range"
        else:
            text, precision = self.t("unknown"), "range"
        if value.approximate:
            text, precision = self.t("about", value=text), "approximate"
        return ValueView(text, precision=self.t(f"precision_{precision}"))

    _DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
    _MONTH = re.compile(r"(\d{4})-(\d{2})")
    _YEAR = re.compile(r"-?\d{1,4}")
    _DECADE = re.compile(r"(\d{3})X")
    _CENTURY = re.compile(r"(\d{2})XX")

    def date(self, edtf: str) -> tuple[str, str | None]:
        """A reader's form of an EDTF date and the name of its precision."""
        text = edtf.strip()
        if "/" in text:
            start, _, end = text.partition("/")
            start_text = self.date(start)[0] if start not in ("", "..") else None
            end_text = self.date(end)[0] if end not in ("", "..") else None
            if start_text and end_text:
                described = self.t("interval", start=start_text, end=end_text)
            elif start_text:
                described = self.t("open_end", value=start_text)
            elif end_text:
                described = self.t("open_start", value=end_text)
            else:
                described = text
            return described, self.t("precision_range")
        core, qualifier = (text[:-1], text[-1]) if text[-1:] in "~?%" else (text, "")
        plain, precision = self._plain_date(core)
        if plain is None:
            return text, None
        described = plain
        if qualifier == "~":
            described = self.t("about", value=described)
        elif qualifier == "?":
            described = self.t("uncertain", value=described)
        elif qualifier == "%":
            described = self.t("approx_uncertain", value=described)
        return described, self.t(f"precision_{precision}")

    def _plain_date(self, core: str) -> tuple[str | None, str]:
        if match := self._DAY.fullmatch(core):
            year, month, day = (int(part) for part in match.groups())
            if 1 <= month <= 12:
                return f"{day} {self.months[month - 1]} {year}", "day"
        elif match := self._MONTH.fullmatch(core):
            year, month = int(match[1]), int(match[2])
            if 1 <= month <= 12:
                return f"{self.months[month - 1]} {year}", "month"
        elif self._YEAR.fullmatch(core):
            return str(int(core)), "year"
        elif match := self._DECADE.fullmatch(core):
            return self.t("decade", value=match[1]), "decade"
        elif match := self._CENTURY.fullmatch(core):
            return self.t("century", value=match[1]), "century"
        return None, ""

    def when(self, date: DateValue | None) -> str | None:
        """A date in words, or None for no date."""
        return self.date(date.edtf)[0] if date else None
