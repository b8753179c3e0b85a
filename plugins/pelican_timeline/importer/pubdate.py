"""Publication dates as news pages print them.

``find_stamps(line)`` reads the date-and-time forms of a page header —
``16:34 06.08.2017(updated 19:14 06.08.2017)``, ``Sat Aug 24, 2019 10:33AM``,
``June 04, 6:34 UTC+3``, ``21:30, December 19, 2011``,
``Publish Date: 15 July 2019 - 21:53``, ``2019/07/02 10:33 KST`` … — and says
for each whether it is an update, whether it had a year and a time, and the
zone it gave. Nothing is guessed here: a missing year stays missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from .timexpr import MONTHS

_M = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_TIME = r"(?P<hour>[012]?\d)[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)?"
_ZONE = r"(?:\s*\(?(?P<zone>(?:UTC|GMT)\s*[+-−]\s*\d{1,2}(?::?\d{2})?|UTC|GMT|Z|[ECMP][SD]T|KST|JST|MSK|IRST|IRDT|CET|CEST|BST|EET|EEST|AST|HKT|SGT|PKT|IST)\)?)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"

ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8,
    "PDT": -7, "KST": 9, "JST": 9, "MSK": 3, "IRST": 3.5, "IRDT": 4.5, "CET": 1, "CEST": 2, "BST": 1, "EET": 2,
    "EEST": 3, "AST": 3, "HKT": 8, "SGT": 8, "PKT": 5, "IST": 5.5,
}  # fmt: skip

UPDATE_WORDS = re.compile(r"\b(?:updated?|last modified|modified|edited)\b", re.I)
PUBLISH_WORDS = re.compile(r"\b(?:published|publish date|posted|released|first published|created)\b", re.I)

FORMS = [
    # 16:34 06.08.2017  |  06.08.2017 16:34
    re.compile(rf"{_TIME}\s+(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)", re.I),
    re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?:,?\s+{_TIME})?", re.I),
    # 14:13 19/12/2011  |  19/12/2011 14:13 (day first: the US order is not used by the outlets seen)
    re.compile(rf"{_TIME}\s+(?<![\d/])(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)/(?P<year>(?:19|20)\d\d)", re.I),
    re.compile(rf"(?<![\d/])(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)/(?P<year>(?:19|20)\d\d)(?:,?\s+{_TIME})?", re.I),
    # 2019/07/02 10:33 KST  |  2019-07-02T10:33:00+09:00  |  2019-07-02 10:33
    re.compile(
        rf"(?P<year>(?:19|20)\d\d)[-/](?P<mnum>[01]\d)[-/](?P<day>[0-3]\d)(?:[T\s]+{_TIME}(?P<offset>Z|[+-]\d\d:?\d\d)?)?{_ZONE}",
        re.I,
    ),
    # 21:30, December 19, 2011
    re.compile(
        rf"{_TIME},?\s+{_WEEKDAY}{_M}\s+(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d),?\s+(?P<year>(?:19|20)\d\d){_ZONE}",
        re.I,
    ),
    # Sat Aug 24, 2019 10:33AM  |  July 15, 2019 at 9:53 p.m. EDT  |  June 04, 6:34 UTC+3
    re.compile(
        rf"{_WEEKDAY}{_M}\s+(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>(?:19|20)\d\d))?(?:,?\s+(?:at\s+|-\s+)?{_TIME})?{_ZONE}",
        re.I,
    ),
    # 15 July 2019 - 21:53  |  Monday 15 July 2019, 21:53 GMT
    re.compile(
        rf"{_WEEKDAY}(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)\s+{_M},?\s+(?P<year>(?:19|20)\d\d)(?:,?\s+(?:at\s+|-\s+|\|\s+)?{_TIME})?{_ZONE}",
        re.I,
    ),
]


@dataclass(frozen=True)
class Stamp:
    """One date(-time) printed on a page."""

    text: str
    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    offset: timedelta | None = None  # None when the page gave no zone
    update: bool = False

    def with_year(self, year: int) -> Stamp:
        return replace(self, year=year)

    def date(self) -> date:
        return date(self.year, self.month, self.day)

    def moment(self) -> datetime | date:
        if self.hour is None:
            return self.date()
        tz = timezone(self.offset) if self.offset is not None else None
        return datetime(self.year, self.month, self.day, self.hour, self.minute, tzinfo=tz)


def _offset(match: re.Match) -> timedelta | None:
    groups = match.groupdict()
    raw = groups.get("offset")
    if raw:
        if raw.upper() == "Z":
            return timedelta(0)
        sign = -1 if raw[0] == "-" else 1
        digits = raw[1:].replace(":", "")
        return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    zone = (groups.get("zone") or "").replace(" ", "").replace("−", "-").upper()
    if not zone:
        return None
    if zone in ZONES:
        return timedelta(hours=ZONES[zone])
    numeric = re.fullmatch(r"(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?", zone)
    if numeric:
        sign = -1 if numeric.group(1) == "-" else 1
        return sign * timedelta(hours=int(numeric.group(2)), minutes=int(numeric.group(3) or 0))
    return None


def _stamp(match: re.Match, update: bool) -> Stamp | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower().rstrip(".")]
    day = int(groups["day"])
    year = int(groups["year"]) if groups.get("year") else None
    hour = minute = None
    if groups.get("hour") is not None:
        hour, minute = int(groups["hour"]), int(groups["minute"])
        ampm = (groups.get("ampm") or "").replace(".", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23:
            return None
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return Stamp(match.group(0).strip(), year, month, day, hour, minute, _offset(match), update)


# Every form needs a year, a clock time or a numeric date; lines without one are skipped at once.
STAMP_HINT = re.compile(r"(?:19|20)\d\d|\d[:.][0-5]\d|\d[./-]\d")


def find_stamps(line: str) -> list[Stamp]:
    """Dates printed in one header line, in order; "updated …" ones are marked."""
    if not STAMP_HINT.search(line):
        return []
    return list(_find_stamps(line))


@lru_cache(maxsize=8192)
def _find_stamps(line: str) -> tuple[Stamp, ...]:
    found: list[tuple[int, Stamp]] = []
    taken: list[tuple[int, int]] = []
    for form in FORMS:
        for match in form.finditer(line):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            before = line[:start]
            update = bool(UPDATE_WORDS.search(before)) and (
                not PUBLISH_WORDS.search(before)
                or UPDATE_WORDS.search(before).start() > PUBLISH_WORDS.search(before).start()
            )
            stamp = _stamp(match, update)
            if stamp is not None:
                taken.append((start, end))
                found.append((start, stamp))
    return tuple(stamp for _, stamp in sorted(found, key=lambda item: item[0]))


URL_DATES = [
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>[01]\d)/(?P<day>[0-3]\d)(?:/|$)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:/|$)"),
    re.compile(r"(?<![0-9])(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?![0-9])"),
    # GlobalSecurity-style names: dprk-170806-sputnik02.htm
    re.compile(r"-(?P<yy>\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)-"),
]


def date_from_url(url: str) -> date | None:
    """A date in a news URL, as many sites put one there."""
    for pattern in URL_DATES:
        match = pattern.search(url)
        if match:
            groups = match.groupdict()
            year = int(groups["year"]) if groups.get("year") else 2000 + int(groups["yy"])
            try:
                return date(year, int(groups["month"]), int(groups["day"]))
            except ValueError:
                continue
    return None


def year_from_url(url: str) -> int | None:
    found = date_from_url(url)
    if found:
        return found.year
    match = re.search(r"/((?:19|20)\d\d)/", url)
    return int(match.group(1)) if match else None
