"""The two drawings of a group: the entity × source matrix of lists, and the timeline."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reconcile.model import Group, Membership
from reconcile.render.html.claims import ClaimRow
from reconcile.render.messages import direction
from reconcile.render.words import Words
from reconcile.values import DateValue, EntitySetValue

# Geometry of the timeline drawing, in SVG user units.
TIMELINE_WIDTH = 1000
TIMELINE_GUTTER = 170
TIMELINE_LANE = 40
TIMELINE_AXIS = 26
TIMELINE_LANES = 40  # more sources than this: the table below the drawing lists them all


@dataclass(frozen=True, slots=True)
class MatrixCell:
    state: str  # listed, left_out, silent
    text: str


@dataclass(frozen=True, slots=True)
class MatrixRow:
    entity: str
    label: str
    disputed: bool
    cells: tuple[MatrixCell, ...]


@dataclass(frozen=True, slots=True)
class MatrixColumn:
    source: str
    claim_anchor: str
    when: str | None


@dataclass(frozen=True, slots=True)
class Matrix:
    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    width: float
    y: float
    label_x: float
    label: str
    title: str
    shade: int
    anchor: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Lane:
    label: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    lanes: tuple[Lane, ...]
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    axis_y: float
    plot_start: float
    plot_end: float
    label: str


def entity_matrix(group: Group, rows: Sequence[ClaimRow], words: Words) -> Matrix | None:
    """Which list of the group names each entity, for groups of entity lists."""
    if not group.members:
        return None
    columns = [
        (view, row)
        for view, row in zip(group.claims, rows, strict=True)
        if isinstance(view.claim.value, EntitySetValue)
    ]
    columns.sort(
        key=lambda pair: (
            pair[0].claim.source,
            pair[0].claim.as_of.span.low if pair[0].claim.as_of else 0,
        )
    )
    states = {state: words.t(str(state)) for state in Membership}
    matrix_rows = []
    for member in group.members:
        cells = []
        for view, _ in columns:
            state = view.claim.membership(member.entity)
            assert state is not None
            cells.append(MatrixCell(str(state), states[state]))
        matrix_rows.append(
            MatrixRow(
                member.entity,
                words.entity(group.property.kind, member.entity),
                member.disputed,
                tuple(cells),
            )
        )
    return Matrix(
        tuple(MatrixColumn(view.claim.source, row.anchor, row.as_of) for view, row in columns),
        tuple(matrix_rows),
    )


def timeline(group: Group, rows: Sequence[ClaimRow], words: Words, title: str) -> Timeline | None:
    """Each source's values over time, one lane per source, for temporal groups."""
    if not group.property.temporal:
        return None
    dated = sorted(
        (
            (view.claim.as_of, row)
            for view, row in zip(group.claims, rows, strict=True)
            if view.claim.as_of is not None
        ),
        key=lambda pair: (pair[1].source, pair[0].span.low),
    )
    finite = [b for when, _ in dated for b in (when.span.low, when.span.high) if math.isfinite(b)]
    if not finite:
        return None
    scale = _Scale.of(min(finite), max(finite), rtl=direction(words.lang) == "rtl")
    lane_ids = sorted({row.source for _, row in dated})[:TIMELINE_LANES]
    lane_y = {source: TIMELINE_AXIS + i * TIMELINE_LANE for i, source in enumerate(lane_ids)}
    ticks = tuple(
        Tick(scale.x(float(dt.date(year, 1, 1).toordinal())), str(year))
        for year in range(scale.first, min(scale.last, 9999) + 1, scale.step)
    )
    lane_x = TIMELINE_WIDTH - TIMELINE_GUTTER + 10 if scale.rtl else TIMELINE_GUTTER - 10
    lanes = tuple(Lane(source, float(lane_x), lane_y[source] + 26) for source in lane_ids)
    items = "; ".join(
        f"{row.source}: {row.value.text} ({row.as_of})"
        for _, row in sorted(dated, key=lambda pair: pair[0].span.low)
    )
    return Timeline(
        width=TIMELINE_WIDTH,
        height=TIMELINE_AXIS + len(lane_ids) * TIMELINE_LANE + 4,
        lanes=lanes,
        bars=_bars(dated, lane_y, scale),
        ticks=ticks,
        axis_y=TIMELINE_AXIS - 8,
        plot_start=scale.plot_start,
        plot_end=scale.plot_end,
        label=words.t("timeline_label", title=title, items=items),
    )


@dataclass(frozen=True, slots=True)
class _Scale:
    """Whole years from `first` to `last` every `step`, mapped onto the plot's width."""

    first: int
    last: int
    step: int
    start: float  # the day ordinals the plot spans
    end: float
    plot_start: float
    plot_end: float
    rtl: bool  # time runs the way the page reads

    @classmethod
    def of(cls, low_day: float, high_day: float, *, rtl: bool) -> _Scale:
        low_year = dt.date.fromordinal(int(low_day)).year
        high_year = dt.date.fromordinal(int(high_day)).year + 1
        years = max(1, high_year - low_year)
        steps = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 10000)
        step = next(s for s in steps if years / s <= 8)
        first = max(1, low_year - low_year % step)
        last = high_year + (-high_year) % step
        start = float(dt.date(first, 1, 1).toordinal())
        end = float((dt.date(last, 1, 1) if last <= 9999 else dt.date(9999, 12, 31)).toordinal())
        # Room for the lane labels on the reading side, and for the last year's label on the other.
        plot_start = 28.0 if rtl else float(TIMELINE_GUTTER + 10)
        plot_end = float(TIMELINE_WIDTH - TIMELINE_GUTTER - 10) if rtl else TIMELINE_WIDTH - 28.0
        return cls(first, last, step, start, end, plot_start, plot_end, rtl)

    def x(self, day: float) -> float:
        """The x of `day` on the plot, clamped to its ends."""
        fraction = (min(max(day, self.start), self.end) - self.start) / (self.end - self.start)
        along = 1 - fraction if self.rtl else fraction
        return round(self.plot_start + along * (self.plot_end - self.plot_start), 1)


def _bars(
    dated: Sequence[tuple[DateValue, ClaimRow]], lane_y: dict[str, int], scale: _Scale
) -> tuple[Bar, ...]:
    shades: dict[str, int] = {}
    bars = []
    for when, row in dated:
        if row.source not in lane_y:
            continue
        x1, x2 = scale.x(when.span.low), scale.x(when.span.high + 1 / 86400)
        left, width = min(x1, x2), max(abs(x2 - x1), 6.0)
        text = row.value.text
        bars.append(
            Bar(
                x=left,
                width=round(width, 1),
                y=lane_y[row.source] + 16,
                label_x=round(left + width if scale.rtl else left, 1),
                label=text if len(text) <= 28 else text[:27] + "…",
                title=f"{row.source}: {text} — {row.as_of}",
                shade=shades.setdefault(text, len(shades) % 6),
                anchor=row.anchor,
            )
        )
    return tuple(bars)
