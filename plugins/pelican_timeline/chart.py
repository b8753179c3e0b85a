"""The events-per-month density chart, drawn at build time as SVG.

Python works out the geometry (bars, ticks) and the wording of the text
alternative; the template only writes the SVG elements. Each bar links to its
month on the timeline, so the chart works as navigation without JavaScript.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .dates import MONTHS
from .model import Event
from .wording import counted

BAR_WIDTH = 10  # user units per month; the SVG scales to the page width
CHART_HEIGHT = 100
MAX_TICKS = 12


@dataclass
class Bar:
    x: int
    y: float
    width: int
    height: float
    count: int
    label: str
    href: str


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[dict] = field(default_factory=list)  # {"label", "left" (percent)}
    summary: str = ""


def density_chart(events: Iterable[Event], month_url: Callable[[int, int], str]) -> Chart | None:
    """Events per month over the span of ``events``; None when nothing is dated to a month."""
    counts: Counter[tuple[int, int]] = Counter()
    coarse = 0
    for event in events:
        year, month = event.date.filed_under
        if not month:
            coarse += 1
            continue
        counts[year, month] += 1
    if not counts:
        return None
    first, last = min(counts), max(counts)
    span = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    highest = max(counts.values())
    bars = []
    for (year, month), count in sorted(counts.items()):
        index = (year - first[0]) * 12 + month - first[1]
        height = max(3.0, CHART_HEIGHT * count / highest)
        label = f"{MONTHS[month - 1]} {year}: {counted(count, 'event')}"
        bars.append(
            Bar(index * BAR_WIDTH, CHART_HEIGHT - height, BAR_WIDTH - 2, height, count, label, month_url(year, month))
        )
    years = list(range(first[0], last[0] + 1))
    step = max(1, -(-len(years) // MAX_TICKS))
    ticks = []
    for year in years[::step]:
        index = max(0, (year - first[0]) * 12 + 1 - first[1])
        ticks.append({"label": str(year), "left": round(100 * index / span, 2)})
    busiest = max(counts.items(), key=lambda item: (item[1], item[0]))
    (busy_year, busy_month), busy_count = busiest
    total = sum(counts.values())
    summary = (
        f"{counted(total, 'event')} dated to a month or a day, from {MONTHS[first[1] - 1]} {first[0]} "
        f"to {MONTHS[last[1] - 1]} {last[0]}; the busiest month is {MONTHS[busy_month - 1]} {busy_year} "
        f"with {busy_count}."
    )
    if coarse:
        summary += (
            f" {counted(coarse, 'event')} known only to the year or coarser {'is' if coarse == 1 else 'are'} not shown."
        )
    return Chart(span * BAR_WIDTH, CHART_HEIGHT, bars, ticks, summary)


class ChartWhenShown:
    """The chart of ``events``, drawn only when a template looks at it.

    An actor's page is left alone in most rebuilds (``unchanged_pages.py``), and its
    chart is then never needed. A page digest takes it as what it is drawn from: the
    events, and ``month_url`` by name. Every month's address is in the site's digest
    already, through the whole timeline's chart, which has a bar for every month.
    """

    __slots__ = ("_chart", "_drawn", "_events", "_month_url")

    def __init__(self, events: tuple[Event, ...], month_url: Callable[[int, int], str]) -> None:
        self._events = events
        self._month_url = month_url
        self._chart: Chart | None = None
        self._drawn = False

    def drawn(self) -> Chart | None:
        if not self._drawn:
            self._chart = density_chart(self._events, self._month_url)
            self._drawn = True
        return self._chart

    def __bool__(self) -> bool:
        return self.drawn() is not None

    def __getattr__(self, name: str):
        return getattr(self.drawn(), name)

    def __reduce__(self) -> tuple:
        return ChartWhenShown, (self._events, self._month_url)
