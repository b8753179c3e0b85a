"""Event dates: the subset of EDTF (levels 0 and 1) a news timeline needs.

This is the only module that parses event dates. Everything else works with
:class:`EventDate`, which knows its bounds, its precision, its qualifiers and
how to show itself to a reader.

We parse ourselves instead of using the ``edtf`` package because a build reads
tens of thousands of dates and needs exact, friendly error messages and a
reader-facing display; the test suite checks our bounds against ``edtf``.

Supported forms::

    2017            year             2017-07          month
    2017-21         season (21-24)   2017-08-05       day
    2017-08-05T16:34:00+03:00        date and time (seconds and zone optional)
    2017-08-05?  2017-08~  2017-08%  uncertain, approximate, both
    201X  20XX  2017-XX  2017-08-XX  unspecified digits
    2017-08-01/2017-08-07            interval
    2017-08-01/..  ../2017-08-07     open end / open start
    2017-08-01/    /2017-08-07       unknown end / unknown start
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from .memo import kept

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT_MONTHS = [m[:3] for m in MONTHS]
# Northern-hemisphere meteorological seasons, as the EDTF reference implementation reads them.
SEASONS = {21: ("Spring", 3, 5), 22: ("Summer", 6, 8), 23: ("Autumn", 9, 11), 24: ("Winter", 12, 2)}

# Coarser precision sorts first among events that start on the same day, so a
# month-precision event opens its month, before the days of that month.
PRECISION_RANK = {"century": 0, "decade": 1, "year": 2, "season": 3, "month": 4, "day": 5, "time": 6}

_POINT = re.compile(
    r"""(?a)
    (?P<year>\d{2}XX|\d{3}X|\d{4})
    (?:-(?P<month>XX|\d{2})
        (?:-(?P<day>XX|\d{2})
            (?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?
               (?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?
        )?
    )?
    (?P<qualifier>[?~%])?
    """,
    re.VERBOSE,
)


class DateError(ValueError):
    """A date string that is not in the supported EDTF subset, with the reason."""


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One end of an event date: a single calendar date at some precision."""

    text: str
    lower: date
    upper: date
    precision: str
    uncertain: bool = False
    approximate: bool = False
    time: str | None = None  # "HH:MM" or "HH:MM:SS", as written
    zone: str | None = None  # "Z" or "+03:00"
    utc_offset: timedelta | None = None
    season: int | None = None

    @property
    def html_datetime(self) -> str:
        """The value for an HTML ``<time datetime>`` attribute, as precise as the date."""
        if self.precision in ("century", "decade", "season"):
            return f"{self.lower.year:04d}" if self.precision == "season" else ""
        if self.precision == "year":
            return f"{self.lower.year:04d}"
        if self.precision == "month":
            return self.lower.strftime("%Y-%m")
        if self.precision == "day":
            return self.lower.isoformat()
        zone = ""
        if self.zone == "Z":
            zone = "Z"
        elif self.zone:
            zone = self.zone if ":" in self.zone else f"{self.zone[:3]}:{self.zone[3:] or '00'}"
        return f"{self.lower.isoformat()}T{self.time}{zone}"

    def display(self, *, with_year: bool = True, with_month: bool = True) -> str:
        """Human wording, e.g. "July 2017", "c. August 2017", "5 Aug 2017?"."""
        year = self.lower.year
        if self.precision == "century":
            text = f"{year}–{year + 99}"
        elif self.precision == "decade":
            text = f"{year}s"
        elif self.precision == "year":
            text = str(year)
        elif self.precision == "season":
            text = f"{SEASONS[self.season][0]} {year}"
        elif self.precision == "month":
            text = MONTHS[self.lower.month - 1] + (f" {year}" if with_year else "")
        else:
            parts = [str(self.lower.day)]
            if with_month:
                parts.append(SHORT_MONTHS[self.lower.month - 1])
                if with_year:
                    parts.append(str(year))
            text = " ".join(parts)
            if self.precision == "time":
                zone = ""
                if self.zone == "Z":
                    zone = " UTC"
                elif self.zone:
                    zone = f" UTC{self.zone}"
                text += f", {self.time[:5]}{zone}"
        if self.approximate:
            text = "c. " + text
        if self.uncertain:
            text += "?"
        return text


# Every export that shows an event asks for its wording, which depends on the text alone.
_WORDING: dict[str, str] = {}
# The month events are filed under: a few hundred (year, month) pairs for thousands of dates.
_MONTHS: dict[tuple[int, int], tuple[int, int]] = {}


@dataclass(frozen=True, slots=True)
class EventDate:
    """An EDTF value: a single date or an interval, with sortable bounds."""

    text: str
    start: DatePoint | None
    end: DatePoint | None = None
    is_interval: bool = False
    open_start: bool = False  # "../X": began at some time before
    open_end: bool = False  # "X/..": still going on
    unknown_start: bool = False  # "/X": start not known
    unknown_end: bool = False  # "X/": end not known
    # (year, month) the event is filed under; month 0 when known only to the year or coarser.
    # Every listing groups its events by it, so it is worked out once, with the sort key.
    filed_under: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)

    @property
    def lower(self) -> date | None:
        return self.start.lower if self.start else None

    @property
    def upper(self) -> date | None:
        if not self.is_interval:
            return self.start.upper
        return self.end.upper if self.end else None

    @property
    def anchor(self) -> DatePoint:
        """The point an event is filed under: its start, or its end when the start is open."""
        return self.start or self.end

    @property
    def precision(self) -> str:
        return self.anchor.precision

    @property
    def is_coarse(self) -> bool:
        """Known only to a year or coarser: such events open their year on the timeline.

        Seasons are not coarse: they are filed under their first month, since
        winter runs into the next year."""
        return PRECISION_RANK[self.precision] <= PRECISION_RANK["year"]

    def __reduce__(self) -> tuple:
        # A date is its text: pickled as the text alone, it is parsed again (from the
        # memo below) when loaded, which is cheaper than restoring its two points and
        # their fields one by one, in the check's cache and in Pelican's content cache.
        return parse_date, (self.text,)

    @property
    def sort_key(self) -> tuple:
        """Chronological order by lower bound; see docs/content-format.md for ties.

        Made when asked (a catalog is sorted once) rather than kept with every date."""
        point = self.anchor
        return (
            point.lower.year,
            # Events known only to their year (or coarser) open the year.
            0 if self.is_coarse else 1,
            point.lower,
            PRECISION_RANK[point.precision],
            _time_key(point),
            self.upper or date.max,
            # Same bounds and precision: plain before qualified, then by the text itself,
            # so the order never depends on the order files were read in.
            (point.uncertain or point.approximate, self.text),
        )

    def display(self) -> str:
        wording = _WORDING.get(self.text)
        if wording is None:
            wording = kept(_WORDING, self.text, "".join(text for _, text in self.segments()))
        return wording

    def segments(self) -> list[tuple[str | None, str]]:
        """Pieces for rendering: ``(datetime attribute or None, text)``.

        Pieces with a datetime value become ``<time>`` elements; the others
        (separators, "from", "until") are plain text. Made afresh: an event's
        card is rendered once a build.
        """
        if not self.is_interval:
            return [(self.start.html_datetime or None, self.start.display())]
        start, end = self.start, self.end
        if start is None:
            prefix = "until " if self.open_start else "? – "
            return [(None, prefix), (end.html_datetime or None, end.display())]
        if end is None or (start.text == end.text):
            if end is not None:  # "2017-08-01/2017-08-01" is just that day
                return [(start.html_datetime or None, start.display())]
            suffix = [(None, " – ?")] if self.unknown_end else []
            prefix = [(None, "from ")] if self.open_end else []
            return [*prefix, (start.html_datetime or None, start.display()), *suffix]
        return [
            (start.html_datetime or None, _compact_start(start, end)),
            (None, "–" if _is_compact(start, end) else " – "),
            (end.html_datetime or None, end.display()),
        ]


def _is_compact(start: DatePoint, end: DatePoint) -> bool:
    """Whether a range can share its month and year: "1–7 Aug 2017"."""
    plain = not (start.uncertain or start.approximate or start.time)
    same_year = start.lower.year == end.lower.year or start.precision in ("year", "decade", "century")
    return plain and start.precision == end.precision and same_year


def _compact_start(start: DatePoint, end: DatePoint) -> str:
    """ "1–7 Aug 2017", "30 Jul – 2 Aug 2017", "July–August 2017"."""
    if not _is_compact(start, end):
        return start.display()
    if start.precision == "day":
        return start.display(with_month=start.lower.month != end.lower.month, with_year=False)
    if start.precision == "month":
        return start.display(with_year=False)
    return start.display()


# A timeline repeats its dates (many events a day), and an EventDate cannot change.
_PARSED: dict[str, EventDate] = {}


def parse_date(text: str) -> EventDate:
    """Parse an EDTF string; raise :class:`DateError` saying what is wrong."""
    parsed = _PARSED.get(text) if isinstance(text, str) else None
    if parsed is not None:
        return parsed
    try:
        parsed = _parse_date(text)
    except (OverflowError, ValueError) as error:
        if isinstance(error, DateError):
            raise
        # Only the edges of the calendar get here: 9999's winter, times at 0001-01-01 with an offset.
        raise DateError(f"'{text}' runs past the years 1-9999 that dates can use") from None
    return kept(_PARSED, text, parsed)


def _parse_date(text: str) -> EventDate:
    if not isinstance(text, str):
        raise DateError(f"expected an EDTF date string, got {type(text).__name__}")
    value = text.strip()
    if not value:
        raise DateError("empty date")
    if _LOCAL_STYLE.fullmatch(value):
        raise DateError(_explain(value))
    if "/" not in value:
        point = _parse_point(value)
        return _finish(EventDate(text=value, start=point))
    if value.count("/") > 1:
        raise DateError(f"'{value}' has more than one '/'")
    first, second = value.split("/")
    if first in ("", "..") and second in ("", ".."):
        raise DateError(f"'{value}' has neither a start nor an end")
    start = _parse_point(first) if first not in ("", "..") else None
    end = _parse_point(second) if second not in ("", "..") else None
    if start and end and start.lower > end.upper:
        raise DateError(f"'{value}' ends before it starts")
    return _finish(
        EventDate(
            text=value,
            start=start,
            end=end,
            is_interval=True,
            open_start=first == "..",
            open_end=second == "..",
            unknown_start=first == "",
            unknown_end=second == "",
        )
    )


def _finish(value: EventDate) -> EventDate:
    point = value.anchor
    if point.time is not None:
        _time_key(point)  # a time at the calendar's edge cannot be put in order: refused now, not when sorted
    month = (point.lower.year, 0 if value.is_coarse else point.lower.month)
    object.__setattr__(value, "filed_under", _MONTHS.setdefault(month, month))
    return value


def _time_key(point: DatePoint) -> str:
    if point.time is None:
        return ""
    moment = datetime.combine(point.lower, datetime.strptime(point.time, "%H:%M:%S").time())
    if point.utc_offset is not None:
        moment = (moment - point.utc_offset).replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


# 12/08/2017 and the like: day and month in an order that cannot be known.
_LOCAL_STYLE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]


def _parse_point(text: str) -> DatePoint:
    match = _POINT.fullmatch(text)
    if not match:
        raise DateError(_explain(text))
    year_text, month_text, day_text = match.group("year", "month", "day")
    if match.group("hour") is not None and day_text == "XX":
        raise DateError(f"'{text}': a time of day needs a known day")
    qualifier = match["qualifier"] or ""
    flags = {"uncertain": qualifier in "?%" and bool(qualifier), "approximate": qualifier in "~%" and bool(qualifier)}
    if "X" in year_text:
        if month_text or day_text:
            raise DateError(f"'{text}': a year with unspecified digits cannot have a month or day")
        digits = year_text.rstrip("X")
        span = 10 ** (4 - len(digits))
        first = int(digits) * span
        if first == 0:
            raise DateError(f"'{text}': years before 1 CE are not supported")
        precision = "decade" if span == 10 else "century"
        return DatePoint(text, date(first, 1, 1), date(first + span - 1, 12, 31), precision, **flags)
    year = int(year_text)
    if year == 0:
        raise DateError(f"'{text}': years before 1 CE are not supported")
    if month_text is None or month_text == "XX":
        if day_text not in (None, "XX"):
            raise DateError(f"'{text}': a day needs a known month")
        return DatePoint(text, date(year, 1, 1), date(year, 12, 31), "year", **flags)
    month = int(month_text)
    if month in SEASONS:
        if day_text is not None:
            raise DateError(f"'{text}': a season (21-24) cannot have a day")
        _, first_month, last_month = SEASONS[month]
        last_year = year + 1 if last_month < first_month else year
        last_day = _days_in(last_year, last_month)
        return DatePoint(
            text, date(year, first_month, 1), date(last_year, last_month, last_day), "season", season=month, **flags
        )
    if not 1 <= month <= 12:
        raise DateError(f"'{text}': month {month_text} does not exist (use 01-12, or 21-24 for seasons)")
    month_days = _days_in(year, month)
    if day_text is None or day_text == "XX":
        return DatePoint(text, date(year, month, 1), date(year, month, month_days), "month", **flags)
    day = int(day_text)
    if not 1 <= day <= month_days:
        raise DateError(f"'{text}': {MONTHS[month - 1]} {year} has {month_days} days")
    day_value = date(year, month, day)
    if match["hour"] is None:
        return DatePoint(text, day_value, day_value, "day", **flags)
    hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(f"'{text}': {match['hour']}:{match['minute']} is not a time of day")
    zone, offset = match["zone"], None
    if zone == "Z":
        offset = timedelta(0)
    elif zone:
        hours, minutes = int(zone[1:3]), int(zone[3:].lstrip(":") or 0)
        if hours > 14 or minutes > 59:
            raise DateError(f"'{text}': {zone} is not a UTC offset")
        offset = (-1 if zone[0] == "-" else 1) * timedelta(hours=hours, minutes=minutes)
        zone = f"{zone[:3]}:{minutes:02d}"
    return DatePoint(
        text,
        day_value,
        day_value,
        "time",
        time=f"{hour:02d}:{minute:02d}:{second:02d}",
        zone=zone,
        utc_offset=offset,
        **flags,
    )


def _explain(text: str) -> str:
    if _LOCAL_STYLE.fullmatch(text):
        return f"'{text}' is not EDTF; write dates as YYYY-MM-DD"
    if re.fullmatch(r"-\d+.*", text):
        return f"'{text}': years before 1 CE are not supported"
    if re.fullmatch(r"Y?\d{5,}.*", text):
        return f"'{text}': years after 9999 are not supported"
    return f"'{text}' is not an EDTF date (examples: 2017, 2017-08, 2017-08-05, 2017-08~, 2017-08-01/2017-08-07)"


def sort_key(value: EventDate) -> tuple:
    """Chronological order by lower bound; see docs/content-format.md for ties."""
    return value.sort_key
