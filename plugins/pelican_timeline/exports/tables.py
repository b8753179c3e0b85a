"""The catalog as CSV tables, for spreadsheets, R, pandas and network tools.

``events_csv``: one row per event. ``event_actors_csv``: one row per
event-actor pair (an edge list: who took part in what, in which role). Both
follow RFC 4180: a header row, comma-separated, fields quoted when needed,
CRLF line ends. The functions return text; write it as UTF-8 with
``newline=""`` so the CRLFs are kept as they are.

Lists inside a cell (actor ids, link URLs) are joined with ";". A ";" inside a
URL is written as "%3B" so that splitting on ";" gives the URLs back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence

from ..catalog import Catalog
from ..model import Event
from ..views import Urls
from .common import absolute, event_url, iso

EVENT_COLUMNS = (
    "id",
    "edtf",
    "lower",
    "upper",
    "precision",
    "display",
    "title",
    "type",
    "location",
    "actor_ids",
    "article_url",
    "links",
    "url",
)
EVENT_ACTOR_COLUMNS = (
    "event_id",
    "edtf",
    "lower",
    "upper",
    "event_title",
    "actor_id",
    "actor_name",
    "actor_type",
    "role",
)

# Spreadsheet programs run a cell that starts with one of these as a formula
# (Excel, LibreOffice and Google Sheets alike: "=HYPERLINK(...)", "+cmd|...",
# "-2+3", "@SUM(...)"; a leading tab or carriage return can hide one). Titles,
# names and places come from contributors and from imported web pages, so a
# hostile "=IMPORTXML(...)" in a title would run on the computer of whoever
# opens the table. A leading apostrophe makes the cell plain text in those
# programs; it is the usual defence (OWASP "CSV Injection"), at the cost of an
# apostrophe that scripts reading the file may strip.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """``value`` made safe to open in a spreadsheet (see ``FORMULA_STARTS``)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def events_csv(catalog: Catalog, **options: object) -> str:
    """One row per event, chronologically (the whole catalog unless ``events`` is given);
    the options are :func:`events_csv_chunks`'."""
    return "".join(events_csv_chunks(catalog, **options))


def events_csv_chunks(
    catalog: Catalog,
    *,
    site_url: str,
    urls: Urls,
    article_urls: Mapping[str, str],
    events: Sequence[Event] | None = None,
) -> Iterator[str]:
    """:func:`events_csv`, a thousand rows at a time."""
    return _table(EVENT_COLUMNS, _event_rows(catalog, site_url, urls, article_urls, events))


def _event_rows(
    catalog: Catalog, site_url: str, urls: Urls, article_urls: Mapping[str, str], events: Sequence[Event] | None
) -> Iterator[tuple[str, ...]]:
    for event in catalog.events if events is None else events:
        article = (article_urls or {}).get(event.article) if event.article else None
        yield (
            event.id,
            event.date.text,
            iso(event.date.lower) or "",
            iso(event.date.upper) or "",
            event.date.precision,
            event.date.display(),
            event.title,
            event.type,
            event.location,
            ";".join(event.actor_ids),
            absolute(site_url, article) if article else "",
            ";".join(link.url.replace(";", "%3B") for link in event.links),
            absolute(site_url, event_url(event, catalog, urls)),
        )


def event_actors_csv(catalog: Catalog, *, events: Sequence[Event] | None = None) -> str:
    """One row per event and actor taking part in it, events chronologically, actors as the event lists them.

    An actor named twice in one event with two roles gives two rows."""
    return "".join(event_actors_csv_chunks(catalog, events=events))


def event_actors_csv_chunks(catalog: Catalog, *, events: Sequence[Event] | None = None) -> Iterator[str]:
    """:func:`event_actors_csv`, a thousand rows at a time."""
    return _table(EVENT_ACTOR_COLUMNS, _event_actor_rows(catalog, events))


def _event_actor_rows(catalog: Catalog, events: Sequence[Event] | None) -> Iterator[tuple[str, ...]]:
    for event in catalog.events if events is None else events:
        for role in dict.fromkeys(event.actors):
            actor = catalog.actors.get(role.id)
            yield (
                event.id,
                event.date.text,
                iso(event.date.lower) or "",
                iso(event.date.upper) or "",
                event.title,
                role.id,
                actor.name if actor else "",
                actor.type if actor else "",
                role.role,
            )


def _table(columns: Sequence[str], rows: Iterable[Sequence[str]], batch: int = 1000) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for count, row in enumerate(rows, 1):
        writer.writerow([neutralise(value) for value in row])
        if count % batch == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
