"""Time expressions in English news text, resolved against the publication date.

``find_times(sentence, published)`` returns every time expression in a
sentence with the EDTF value an editor would write for it: "on Saturday" is
the Saturday before publication, "last week" is that week as an interval,
"in July" is a month (never a guessed day). The phrase as written is kept, so
a reviewer can check the reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
NUMBERS = {
    w: n
    for n, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|is due|are due|due (?:on|to)|plans? to|scheduled|expected to|next|proposed for|set for|slated)\b",
    re.I,
)

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

# Order matters: longer, more specific forms first; a span used once is not reused.
PATTERNS: list[tuple[str, re.Pattern]] = [
    (
        "clock",
        re.compile(
            r"\bat (?P<hour>[012]?\d)[:.](?P<minute>[0-5]\d)(?:\s*\((?P<hour2>[012]?\d)[:.](?P<minute2>[0-5]\d)\))?\s*(?P<zone>GMT|UTC)\b",
            re.I,
        ),
    ),
    (
        "clock_paren",
        re.compile(
            r"\bat (?P<hour>[012]?\d)[:.](?P<minute>[0-5]\d)\s*\((?P<hour2>[012]?\d)[:.](?P<minute2>[0-5]\d)\s*(?P<zone>GMT|UTC)\)",
            re.I,
        ),
    ),
    (
        "decades",
        re.compile(r"\b(?:in\s+)?the\s+(?P<first>(?:19|20)\d0)s\s+and\s+(?:the\s+)?(?P<second>(?:19|20)\d0)s\b", re.I),
    ),
    ("decade", re.compile(r"\b(?:in|during|since)\s+the\s+(?P<first>(?:19|20)\d0)s\b", re.I)),
    (
        "day_range",
        re.compile(rf"\b(?:on\s+)?{_MONTH}\s+(?P<day>[0-3]?\d)\s*[-–]\s*(?P<day2>[0-3]?\d)(?:,?\s+{_YEAR})?\b", re.I),
    ),
    ("part_month", re.compile(rf"\b(?:in\s+)?(?P<part>early|mid|late)[- ]{_MONTH}(?:,?\s+{_YEAR})?\b(?!\s+\d)", re.I)),
    (
        "ago",
        re.compile(
            r"\b(?P<count>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>weeks?|months?|years?)\s+ago\b",
            re.I,
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("dmy_dots", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)),
    ("dmy", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("my", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("weekday_md", re.compile(rf"\b(?:on\s+)?{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}\b(?!,?\s*(?:19|20)\d\d)", re.I)),
    (
        "md",
        re.compile(rf"\b(?:on\s+)?{_MONTH}\s+{_DAY}\b(?!,?\s*(?:19|20)\d\d)(?!\s*(?:percent|%|people|km|miles))", re.I),
    ),
    ("dm", re.compile(rf"\b(?:on\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}\b(?!,?\s*(?:19|20)\d\d)", re.I)),
    ("day_before_yesterday", re.compile(r"\bthe day before yesterday\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night)\b", re.I)),
    ("today", re.compile(r"\b(?:earlier today|today|this (?:morning|afternoon|evening)|tonight)\b", re.I)),
    ("tomorrow", re.compile(r"\btomorrow\b", re.I)),
    (
        "days_ago",
        re.compile(r"\b(?P<count>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago\b", re.I),
    ),
    ("weekend", re.compile(r"\b(?:over|during|on)?\s*(?:the\s+|last\s+|this\s+past\s+)weekend\b", re.I)),
    ("last_week", re.compile(r"\blast week\b", re.I)),
    ("this_week", re.compile(r"\b(?:earlier|late[r]?)\s+this\s+week\b|\bthis week(?:['’]s)?\b", re.I)),
    ("last_month", re.compile(r"\blast month\b", re.I)),
    ("this_month", re.compile(r"\b(?:earlier\s+)?this month\b", re.I)),
    ("last_year", re.compile(r"\blast year\b", re.I)),
    ("this_year", re.compile(r"\b(?:earlier\s+)?this year\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<rel>on|last|next|this|late|early)\s+)?{_WEEKDAY}(?:'s)?\b", re.I)),
    ("month", re.compile(rf"\b(?P<prep>in|since|during|until|by|from|last|next|this)[- ]+{_MONTH}(?!\s+\d)\b", re.I)),
    (
        "year",
        re.compile(
            rf"\b(?P<prep>in|since|during|until|by|from|throughout)\s+(?:early\s+|mid-?|late\s+)?{_YEAR}\b(?!\s*[-–]\s*\d)",
            re.I,
        ),
    ),
]


MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
WEEKDAY_WORD = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day")
# What each pattern cannot match without: a word of the sentence, or a kind of token.
NEEDS = {
    "clock": ("gmt", "utc"),
    "clock_paren": ("gmt", "utc"),
    "decades": ("0s",),
    "decade": ("0s",),
    "day_range": ("month",),
    "part_month": ("early", "mid", "late"),
    "ago": ("ago",),
    "iso": ("digit",),
    "dmy_dots": ("digit",),
    "mdy": ("month",),
    "dmy": ("month",),
    "my": ("month",),
    "weekday_md": ("weekday",),
    "md": ("month",),
    "dm": ("month",),
    "day_before_yesterday": ("yesterday",),
    "yesterday": ("yesterday", "last night"),
    "today": ("today", "this morning", "this afternoon", "this evening", "tonight"),
    "tomorrow": ("tomorrow",),
    "days_ago": ("ago",),
    "weekend": ("weekend",),
    "last_week": ("last week",),
    "this_week": ("this week",),
    "last_month": ("last month",),
    "this_month": ("this month",),
    "last_year": ("last year",),
    "this_year": ("this year",),
    "weekday": ("weekday",),
    "month": ("month",),
    "year": ("digit",),
}
NEED_WORDS = {word for needs in NEEDS.values() for word in needs} - {"month", "weekday", "digit"}
DIGIT = re.compile(r"\d")
NEED_WORD = re.compile("|".join(re.escape(w) for w in sorted(NEED_WORDS, key=len, reverse=True)))
UNTIL_BEFORE = re.compile(r"\b(?:through|until|till|up to)\s+(?:on\s+)?$", re.I)


@dataclass(frozen=True)
class TimeExpression:
    text: str  # as written in the sentence
    start: int  # offset in the sentence
    end: int
    edtf: str
    precision: str  # "day", "month", "year" or "interval"
    relative: bool  # read against the publication date


# Every pattern below needs one of these; most sentences have none and are skipped at once.
MAY_HAVE_TIME = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|\b(?:today|tonight|yesterday|tomorrow|weekend|week|month|year|ago|morning|afternoon|evening|night)|"
    r"\b(?:19|20)\d0s\b|\b(?:19|20)\d\d\b|\d[./-]\d|\d[:.]\d\d",
    re.I,
)


def find_times(sentence: str, published: date | None) -> list[TimeExpression]:
    """Every time expression in ``sentence`` that can be resolved, in order."""
    if not MAY_HAVE_TIME.search(sentence):
        return []
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    lower = sentence.lower()
    present = set(NEED_WORD.findall(lower))
    if MONTH_WORD.search(lower):
        present.add("month")
    if "day" in lower and WEEKDAY_WORD.search(lower):
        present.add("weekday")
    if DIGIT.search(sentence):
        present.add("digit")
    for kind, pattern in PATTERNS:
        if present.isdisjoint(NEEDS[kind]):
            continue  # a cheap test first: most patterns cannot match most sentences
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            resolved = _resolve(kind, match, published, _future(sentence, start, end))
            if resolved is None:
                continue
            edtf, precision, relative = resolved
            if "/" not in edtf and UNTIL_BEFORE.search(sentence[max(0, start - 12) : start]):
                edtf, precision = f"../{edtf}", "interval"  # "through December 29": lasting until then
            text = match.group(0).strip()
            offset = match.group(0).index(text)
            taken.append((start, end))
            found.append(TimeExpression(text, start + offset, start + offset + len(text), edtf, precision, relative))
    return sorted(found, key=lambda t: t.start)


def _future(sentence: str, start: int, end: int) -> bool:
    """Whether the clause around a time expression speaks of what is to come ("will meet on Tuesday")."""
    clause_start = max(sentence.rfind(",", 0, start), sentence.rfind(";", 0, start), sentence.rfind(" that ", 0, start))
    following = re.split(r"[,;]", sentence[end:], maxsplit=1)[0]
    return bool(FUTURE.search(sentence[clause_start + 1 : start]) or FUTURE.search(following[:40]))


def _month_number(match: re.Match) -> int:
    if "mnum" in match.groupdict() and match.group("mnum"):
        return int(match.group("mnum"))
    return MONTHS[match.group("month").lower().rstrip(".")]


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: date, future: bool) -> date | None:
    """The year that puts a year-less date nearest to publication, in the direction the tense says."""
    candidates = [_day(published.year + delta, month, day) for delta in (-1, 0, 1)]
    candidates = [c for c in candidates if c is not None]
    if not candidates:
        return None
    if future:
        ahead = [c for c in candidates if c >= published]
        return min(ahead, key=lambda c: c - published) if ahead else None
    # Otherwise the nearest such date; news is about the recent past and the near future.
    return min(candidates, key=lambda c: (abs((c - published).days), c > published))


def _resolve(kind: str, match: re.Match, published: date | None, future: bool):
    groups = match.groupdict()
    if kind == "decades":
        return f"{groups['first']}/{int(groups['second']) + 9}", "interval", False
    if kind == "decade":
        return groups["first"][:3] + "X", "decade", False
    if kind == "day_range":
        month = _month_number(match)
        year = int(groups["year"]) if groups.get("year") else None
        if year is None:
            if published is None:
                return None
            anchor = _nearest_year(month, int(groups["day"]), published, future)
            year = anchor.year if anchor else None
        first, last = (_day(year, month, int(groups[k])) for k in ("day", "day2")) if year else (None, None)
        if not first or not last or last < first:
            return None
        return f"{first.isoformat()}/{last.isoformat()}", "interval", groups.get("year") is None
    if kind == "part_month":
        month = _month_number(match)
        if groups.get("year"):
            year = int(groups["year"])
        elif published is not None:
            year = int(_month_alone({"month": groups["month"], "prep": "in"}, published, future)[0][:4])
        else:
            return None
        last_day = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
        first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day)}[groups["part"].lower()]
        return (
            f"{year:04d}-{month:02d}-{first:02d}/{year:04d}-{month:02d}-{last:02d}",
            "interval",
            not groups.get("year"),
        )
    if kind in ("iso", "dmy_dots", "mdy", "dmy"):
        value = _day(int(groups["year"]), _month_number(match), int(groups["day"]))
        return (value.isoformat(), "day", False) if value else None
    if kind == "my":
        return f"{int(groups['year']):04d}-{_month_number(match):02d}", "month", False
    if kind == "year":
        return groups["year"], "year", False
    if published is None:
        return None  # everything below is read against the publication date
    if kind in ("clock", "clock_paren"):
        hour, minute = (
            (groups["hour2"], groups["minute2"]) if groups.get("hour2") else (groups["hour"], groups["minute"])
        )
        if int(hour) > 23:
            return None
        return f"{published.isoformat()}T{int(hour):02d}:{minute}Z", "time", True
    if kind == "ago":
        count = groups["count"].lower()
        amount = 1 if count in ("a", "one") else NUMBERS.get(count) or int(count)
        unit = groups["unit"].lower().rstrip("s")
        if unit == "week":
            return (published - timedelta(weeks=amount)).isoformat() + "~", "day", True
        if unit == "month":
            month_index = published.year * 12 + published.month - 1 - amount
            return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}~", "month", True
        return f"{published.year - amount}~", "year", True
    if kind in ("weekday_md", "md", "dm"):
        value = _nearest_year(_month_number(match), int(groups["day"]), published, future)
        return (value.isoformat(), "day", True) if value else None
    offsets = {"day_before_yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1}
    if kind in offsets:
        return (published + timedelta(days=offsets[kind])).isoformat(), "day", True
    if kind == "days_ago":
        count = groups["count"].lower()
        days = NUMBERS.get(count) if not count.isdigit() else int(count)
        return (published - timedelta(days=days)).isoformat(), "day", True
    monday = published - timedelta(days=published.weekday())
    if kind == "weekend":
        saturday = monday - timedelta(days=2) if published.weekday() < 5 else monday + timedelta(days=5)
        if saturday > published:
            saturday -= timedelta(days=7)
        return _interval(saturday, saturday + timedelta(days=1)), "interval", True
    if kind == "last_week":
        return _interval(monday - timedelta(days=7), monday - timedelta(days=1)), "interval", True
    if kind == "this_week":
        if match.group(0).lower().endswith(("'s", "’s")) or future:  # "this week's talks": the whole week
            return _interval(monday, monday + timedelta(days=6)), "interval", True
        if future:
            return _interval(published, monday + timedelta(days=6)), "interval", True
        end = max(monday, published - timedelta(days=1))
        return _interval(monday, end), "interval", True
    if kind == "last_month":
        last = published.replace(day=1) - timedelta(days=1)
        return f"{last.year:04d}-{last.month:02d}", "month", True
    if kind == "this_month":
        first = published.replace(day=1)
        if future or published.day == 1:
            return f"{first.year:04d}-{first.month:02d}", "month", True
        return _interval(first, published - timedelta(days=1)), "interval", True
    if kind == "last_year":
        return str(published.year - 1), "year", True
    if kind == "this_year":
        first = date(published.year, 1, 1)
        if future or published == first:
            return str(published.year), "year", True
        return _interval(first, published - timedelta(days=1)), "interval", True
    if kind == "weekday":
        return _weekday(groups, published, future)
    if kind == "month":
        return _month_alone(groups, published, future)
    return None


def _weekday(groups: dict, published: date, future: bool):
    target = WEEKDAYS[groups["weekday"].lower()]
    rel = (groups.get("rel") or "").lower()
    delta = (published.weekday() - target) % 7
    if rel == "next" or (future and rel != "last"):
        ahead = (target - published.weekday()) % 7 or 7
        return (published + timedelta(days=ahead)).isoformat(), "day", True
    if delta == 0 and rel == "last":
        delta = 7
    return (published - timedelta(days=delta)).isoformat(), "day", True


def _month_alone(groups: dict, published: date, future: bool):
    month = MONTHS[groups["month"].lower().rstrip(".")]
    prep = groups["prep"].lower()
    year = published.year
    if prep == "next" or (future and prep not in ("last", "since")):
        if month < published.month:
            year += 1
    elif month > published.month or (prep == "last" and month == published.month):
        year -= 1
    return f"{year:04d}-{month:02d}", "month", True


def _interval(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
