"""iCalendar: one VEVENT per event, parsed back with the icalendar package."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from export_helpers import DATES, HOSTILE, HOSTILE_TITLE, SITE_NAME, SITE_URL, build
from pelican_timeline.exports.ical import calendar_ics


def vevents(built, events=None) -> dict:
    data = calendar_ics(
        built.catalog.events if events is None else events,
        built.catalog,
        SITE_NAME,
        SITE_URL,
        built.urls,
        article_urls=built.article_urls,
    )
    calendar = Calendar.from_ical(data)
    assert calendar["X-WR-CALNAME"] == SITE_NAME
    return {str(v["SUMMARY"]): v for v in calendar.walk("VEVENT")}


def test_one_vevent_per_event_with_unique_stable_uids(tmp_path):
    first = build(tmp_path / "one", {**DATES, **HOSTILE})
    again = build(tmp_path / "two", {**DATES, **HOSTILE})
    events = vevents(first)
    assert len(events) == len(first.catalog.events)
    uids = [str(v["UID"]) for v in events.values()]
    assert len(set(uids)) == len(uids)
    assert set(uids) == {f"{e.id}@timeline.example.org" for e in first.catalog.events}
    assert uids == [str(v["UID"]) for v in vevents(again).values()]


SPANS = {
    # summary: (DTSTART, DTEND or None)
    "day": (date(2017, 8, 5), date(2017, 8, 6)),
    "month": (date(2017, 7, 1), date(2017, 8, 1)),
    "year": (date(2016, 1, 1), date(2017, 1, 1)),
    "season": (date(2017, 9, 1), date(2017, 12, 1)),
    "decade": (date(2010, 1, 1), date(2020, 1, 1)),
    "day range": (date(2017, 8, 1), date(2017, 8, 8)),
    "month range": (date(2018, 1, 1), date(2018, 3, 1)),
    "mixed range": (date(2018, 3, 30), date(2018, 5, 1)),
    "same-day range": (date(2018, 5, 1), date(2018, 5, 2)),
    "timed with offset": (datetime(2017, 8, 5, 13, 34, tzinfo=UTC), None),
    "timed in UTC": (datetime(2017, 8, 6, 8, 30, tzinfo=UTC), None),
    "timed without zone": (datetime(2017, 8, 7, 9, 15), None),
    "timed range": (datetime(2017, 8, 8, 9, 0, tzinfo=UTC), datetime(2017, 8, 8, 17, 30, tzinfo=UTC)),
    "open end": (date(2017, 9, 1), date(2017, 9, 2)),
    "unknown end": (date(2017, 9, 2), date(2017, 9, 3)),
    "open start": (date(2017, 10, 3), date(2017, 10, 4)),
    "unknown start": (date(2017, 10, 4), date(2017, 10, 5)),
    "uncertain day (1 Nov 2017?)": (date(2017, 11, 1), date(2017, 11, 2)),
    "approximate month (c. December 2017)": (date(2017, 12, 1), date(2018, 1, 1)),
}


@pytest.mark.parametrize("summary", SPANS)
def test_dates_become_all_day_spans_or_times_at_their_precision(tmp_path, summary):
    events = vevents(build(tmp_path, DATES))
    vevent = events[summary]
    start, end = SPANS[summary]
    found_start = vevent.decoded("DTSTART")
    assert (type(found_start), found_start) == (type(start), start)
    if isinstance(start, datetime):
        assert (found_start.tzinfo is None) == (start.tzinfo is None)
    if end is None:
        assert "DTEND" not in vevent
    else:
        assert vevent.decoded("DTEND") == end
        assert type(vevent.decoded("DTEND")) is type(end)
    stamp = vevent.decoded("DTSTAMP")
    assert stamp.tzinfo is not None
    expected_stamp = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day)
    assert stamp.replace(tzinfo=None) == expected_stamp.replace(tzinfo=None)


def test_an_open_or_unknown_end_is_said_in_the_description(tmp_path):
    events = vevents(build(tmp_path, DATES))
    assert "Still going on: only the start (1 Sep 2017)" in str(events["open end"]["DESCRIPTION"])
    assert "End not known: only the start (2 Sep 2017)" in str(events["unknown end"]["DESCRIPTION"])
    assert "Began some time before: only the end (3 Oct 2017)" in str(events["open start"]["DESCRIPTION"])
    assert "Start not known: only the end (4 Oct 2017)" in str(events["unknown start"]["DESCRIPTION"])
    assert "only the" not in str(events["day range"]["DESCRIPTION"])
    assert str(events["open end"]["DESCRIPTION"]).startswith("Description of open end.\n\nDate: from 1 Sep 2017")


def test_hostile_text_round_trips_as_plain_text(tmp_path):
    built = build(tmp_path, HOSTILE)
    events = vevents(built)
    event = built.events_titled(HOSTILE_TITLE)
    vevent = events[HOSTILE_TITLE]
    assert str(vevent["LOCATION"]) == '<b>Pyongyang</b>, "DPRK" second line'
    assert [str(c) for c in vevent["CATEGORIES"].cats] == ["Sanction"]
    assert str(vevent["URL"]) == f"{SITE_URL}/timeline/2017/#{event.id}"
    description = str(vevent["DESCRIPTION"])
    assert description.startswith(
        "A summary with bold & an ampersand.\nSecond paragraph with <!-- and a line separator.\n\nDate: 5 Aug 2017"
    )
    assert "<" not in description.split("\n\nDate:", maxsplit=1)[0].replace("<!--", "")  # the summary's markup is gone
    assert "- </script><script>alert(1)</script>: https://example.org/doc?a=1&b=<2>;c=3" in description
    assert f"(<b>Outlet</b> & Sons): {SITE_URL}/articles/hostile/" in description
    assert (
        '<img src=x onerror=alert(1)> Évil "Org" & Co (actor), North Korea (recipient), No Profile Yet' in description
    )
    assert "First line second line, +cmd" in events


def test_a_calendar_of_some_events_and_without_site_url(tmp_path):
    built = build(tmp_path, DATES)
    some = built.catalog.events[:3]
    assert len(vevents(built, some)) == 3
    with pytest.raises(ValueError, match="absolute http"):
        calendar_ics(some, built.catalog, SITE_NAME, "", built.urls)
