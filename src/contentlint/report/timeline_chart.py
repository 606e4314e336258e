"""Geometry of the review-timeline bar chart, for an inline SVG: numbers only, no markup."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from contentlint.report.audit import Bucket

WIDTH, HEIGHT = 960, 250
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 22, 46


@dataclass
class Segment:
    y: float
    height: float
    kind: str  # "overdue", "due-soon", "scheduled", "later"
    count: int


@dataclass
class Column:
    bucket: Bucket
    x: float  # left edge of the bar
    width: float
    label: str
    sublabel: str  # the year under the month, where it changes
    top: float  # y of the bar's top, for the count above it
    segments: list[Segment] = field(default_factory=list)

    @property
    def center(self) -> float:
        return self.x + self.width / 2


@dataclass
class Chart:
    width: int
    height: int
    left: int
    right: int
    baseline: float
    gridlines: list[tuple[float, int]]
    columns: list[Column]
    total: int


def _nice_step(maximum: int) -> int:
    """A round step for about four gridlines: 1, 2, 5, 10, 20, 50..."""
    rough = max(1, maximum) / 4
    power = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return max(1, int(factor * power))
    return int(10 * power)


def timeline_chart(buckets: list[Bucket]) -> Chart:
    largest = max((b.count for b in buckets), default=0)
    step = _nice_step(largest)
    top_value = max(step, math.ceil(largest / step) * step)
    baseline = HEIGHT - BOTTOM
    plot_height = baseline - TOP
    slot = (WIDTH - LEFT - RIGHT) / max(1, len(buckets))
    bar_width = slot * 0.64

    def scale(value: int) -> float:
        return value / top_value * plot_height

    columns = []
    previous_year = None
    for index, bucket in enumerate(buckets):
        x = LEFT + index * slot + (slot - bar_width) / 2
        if bucket.key in ("overdue", "later"):
            label, sublabel = bucket.label, ""
        else:
            month, year = bucket.label.split(" ")
            label, sublabel = month, (year if year != previous_year else "")
            previous_year = year
        if bucket.overdue:
            parts = [("overdue", bucket.count)]
        elif bucket.key == "later":
            parts = [("later", bucket.count)]
        else:
            parts = [("due-soon", bucket.due_soon), ("scheduled", bucket.count - bucket.due_soon)]
        segments, y = [], float(baseline)
        for kind, count in parts:
            if count:
                height = scale(count)
                y -= height
                segments.append(Segment(round(y, 1), round(height, 1), kind, count))
        columns.append(Column(bucket, round(x, 1), round(bar_width, 1), label, sublabel, round(y, 1), segments))
    gridlines = [(round(baseline - scale(v), 1), v) for v in range(0, top_value + 1, step)]
    return Chart(WIDTH, HEIGHT, LEFT, RIGHT, float(baseline), gridlines, columns, sum(b.count for b in buckets))
