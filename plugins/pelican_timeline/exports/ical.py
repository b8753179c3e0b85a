"""Events as an iCalendar file (RFC 5545), for calendar programs.

One VEVENT per event. Dates keep their precision the only way iCalendar
allows: an event known to the day, month, season or year is an all-day event
spanning that day, month, season or year (``DTEND`` is exclusive: the day after
the upper bound). Timed events are DATE-TIMEs, in UTC when the source gave a
zone and floating (local) time otherwise; a timed point has no DTEND.

An interval with an open or unknown end (or start) gets only the end that is
known, and its DESCRIPTION says so. Uncertain and approximate dates carry the
site's wording in the SUMMARY ("… (c. 26 Feb 2003)").

Nothing depends on the time of the build: UIDs are the event id at the site's
host, and DTSTAMP is the event's own lower bound, so two builds of the same
content give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..dates import DatePoint
from ..model import EVENT_TYPES, Event
from ..views import Urls
from .common import (
    absolute,
    actors_text,
    chronological,
    event_instant,
    event_sources,
    event_url,
    html_to_text,
    is_qualified,
    next_day,
    one_line,
    point_instant,
    site_host,
    source_label,
)

if TYPE_CHECKING:
    from icalendar import Event as VEvent

PRODID = "-//Pelican Timeline//pelican-timeline//EN"


def calendar_ics(
    events: Sequence[Event],
    catalog: Catalog,
    name: str,
    site_url: str,
    urls: Urls,
    *,
    article_urls: Mapping[str, str] | None = None,
) -> bytes:
    """An ``.ics`` file of ``events`` (e.g. ``catalog.events``, or one actor's).

    ``site_url`` must be absolute: UIDs and URLs are built from it.
    ``article_urls`` (source path → site-relative URL) adds the article links to
    the descriptions.
    """
    # Imported here: only a site with an absolute SITEURL writes calendars (2.8 MiB loaded).
    from icalendar import Calendar  # noqa: PLC0415

    host = site_host(site_url, "an iCalendar file")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    for event in chronological(catalog, events):
        calendar.add_component(
            _vevent(event, catalog, host=host, site_url=site_url, urls=urls, article_urls=article_urls)
        )
    return calendar.to_ical()


def event_uid(event: Event, host: str) -> str:
    return f"{event.id}@{host}"


def _vevent(
    event: Event, catalog: Catalog, *, host: str, site_url: str, urls: Urls, article_urls: Mapping[str, str] | None
) -> VEvent:
    from icalendar import Event as VEvent  # noqa: PLC0415 - see calendar_ics

    item = VEvent()
    item.add("uid", event_uid(event, host))
    item.add("dtstamp", event_instant(event))
    start, end, note = _span(event)
    item.add("dtstart", start)
    if end is not None:
        item.add("dtend", end)
    title = one_line(event.title)
    if is_qualified(event.date):
        title = f"{title} ({event.date.display()})"
    item.add("summary", title)
    page = absolute(site_url, event_url(event, catalog, urls))
    item.add(
        "description", _description(event, catalog, site_url=site_url, article_urls=article_urls, note=note, page=page)
    )
    item.add("url", page)
    if event.location:
        item.add("location", one_line(event.location))
    item.add("categories", [EVENT_TYPES[event.type]])
    item.add("transp", "TRANSPARENT")  # a record of the past, not a busy slot
    return item


def _span(event: Event) -> tuple[date | datetime, date | datetime | None, str]:
    """(DTSTART, DTEND or None, a note on a missing end)."""
    value = event.date
    first, last = value.start, value.end if value.is_interval else value.start
    note = ""
    if value.is_interval and (first is None or last is None):
        known = first or last
        if value.open_end:
            note = f"Still going on: only the start ({known.display()}) is given as the date."
        elif value.unknown_end:
            note = f"End not known: only the start ({known.display()}) is given as the date."
        elif value.open_start:
            note = f"Began some time before: only the end ({known.display()}) is given as the date."
        else:
            note = f"Start not known: only the end ({known.display()}) is given as the date."
        first = last = known
    if first.time is not None and last.time is not None and (first.zone is None) == (last.zone is None):
        start = _moment(first)
        return start, (_moment(last) if last is not first else None), note
    return first.lower, next_day(last.upper), note


def _moment(point: DatePoint) -> datetime:
    """UTC when the zone is known, floating (no zone) when it is not."""
    moment = datetime.combine(point.lower, time.fromisoformat(point.time))
    if point.utc_offset is None:
        return moment
    return point_instant(point)


def _description(
    event: Event,
    catalog: Catalog,
    *,
    site_url: str,
    article_urls: Mapping[str, str] | None,
    note: str,
    page: str,
) -> str:
    parts = []
    summary = html_to_text(event.summary_html) or html_to_text(event.description_html)
    if summary:
        parts.append(summary)
    date_line = f"Date: {event.date.display()} (EDTF {event.date.text})"
    parts.append(f"{date_line}\n{note}" if note else date_line)
    if event.actors:
        parts.append("Actors: " + actors_text(event, catalog))
    sources = event_sources(event, catalog, site_url, article_urls)
    if sources:
        lines = ["Sources:"]
        for source in sources:
            label = one_line(source_label(source))
            lines.append(f"- {label}: {source.url}" if source.url and label != source.url else f"- {label}")
        parts.append("\n".join(lines))
    parts.append(f"On the timeline: {page}")
    return "\n\n".join(parts)
