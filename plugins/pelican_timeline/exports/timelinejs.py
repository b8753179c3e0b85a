"""The timeline in Knight Lab's TimelineJS 3 JSON format, for the interactive view.

TimelineJS renders ``headline``, ``text``, ``display_date`` and ``group`` as
HTML, so every plain-text field (titles, names, places, outlets) is escaped
here, and the only markup passed through is the catalog's sanitised
``summary_html``. Dates are given at their true precision: a month-precision
event has no day, a year-precision event no month. Each slide's
``display_date`` carries the site's own wording ("c. August 2017", "from 1 Aug
2017"), which also covers what TimelineJS cannot express (qualifiers, seasons,
open ends).

No ``media`` is set: TimelineJS would embed the source pages (or fetch
thumbnails for them) from third parties, which a plain, private site avoids.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from html import escape

from ..catalog import Catalog
from ..dates import DatePoint
from ..model import EVENT_TYPES, Event
from ..views import Urls
from .common import absolute, actors_html, chronological, dumps, event_sources, event_url, sources_html


def timelinejs_slides(
    catalog: Catalog,
    *,
    site_url: str,
    urls: Urls,
    article_urls: Mapping[str, str],
    title: str,
    text: str = "",
    events: Sequence[Event] | None = None,
) -> tuple[dict, Iterator[dict]]:
    """The title slide, and a slide for every event of the catalog (or ``events``),
    chronologically, each made when it is asked for.

    ``title`` and ``text`` are plain text for the title slide.
    """
    chosen = catalog.events if events is None else chronological(catalog, events)
    title_text = {"headline": escape(title)}
    if text:
        title_text["text"] = f"<p>{escape(text)}</p>"
    return {"text": title_text}, (_slide(e, catalog, site_url, urls, article_urls) for e in chosen)


def timelinejs_document(catalog: Catalog, **options: object) -> dict:
    """``{"title": …, "events": […]}``, from :func:`timelinejs_slides` with the same options."""
    title_slide, slides = timelinejs_slides(catalog, **options)
    return {"title": title_slide, "events": list(slides), "scale": "human"}


def timelinejs_json(catalog: Catalog, **options: object) -> str:
    """``timelinejs_document`` as compact JSON text (safe to inline in a ``<script>`` element too)."""
    return "".join(timelinejs_chunks(catalog, **options))


def timelinejs_chunks(catalog: Catalog, **options: object) -> Iterator[str]:
    """:func:`timelinejs_json` a slide at a time, each slide made only when it is due."""
    title_slide, slides = timelinejs_slides(catalog, **options)
    yield f'{{"title":{dumps(title_slide)},"events":['
    separator = ""
    for slide in slides:
        yield separator + dumps(slide)
        separator = ","
    yield '],"scale":"human"}\n'


def timelinejs_date(point: DatePoint, *, end: bool = False) -> dict:
    """A TimelineJS date object at the point's precision.

    Coarser than a month: the year only (the last year of a decade or century
    when it ends a range). A season: its first month (or last, at the end of a
    range). A time: hour and minute as written, in the event's own zone, which
    is also how ``display_date`` shows it.
    """
    day = point.upper if end else point.lower
    if point.precision in ("century", "decade", "year"):
        return {"year": day.year}
    if point.precision in ("season", "month"):
        return {"year": day.year, "month": day.month}
    value = {"year": day.year, "month": day.month, "day": day.day}
    if point.time is not None:
        hour, minute = point.time.split(":")[:2]
        value.update(hour=int(hour), minute=int(minute))
    return value


def _slide(event: Event, catalog: Catalog, site_url: str, urls: Urls, article_urls: Mapping[str, str]) -> dict:
    value = event.date
    # An open or unknown start: the slide sits at the known end ("until 7 Aug 2017").
    start = value.start or value.end
    slide = {"start_date": timelinejs_date(start, end=value.start is None)}
    if value.is_interval and value.start is not None and value.end is not None and value.start.text != value.end.text:
        slide["end_date"] = timelinejs_date(value.end, end=True)
    slide.update(
        display_date=escape(value.display()),
        text={"headline": escape(event.title), "text": _body(event, catalog, site_url, urls, article_urls)},
        group=escape(EVENT_TYPES[event.type]),
        unique_id=event.id,
    )
    return slide


def _body(event: Event, catalog: Catalog, site_url: str, urls: Urls, article_urls: Mapping[str, str]) -> str:
    # The summary, or the description when there is no summary, as the event card shows it.
    summary = event.summary_html or event.description_html
    parts = [summary] if summary else []
    if event.location:
        parts.append(f'<p class="timeline-location">{escape(event.location)}</p>')
    if event.actors:
        parts.append(f'<p class="timeline-actors">{actors_html(event, catalog, site_url, urls)}</p>')
    sources = event_sources(event, catalog, site_url, article_urls)
    if sources:
        parts.append(sources_html(sources).replace("<ul>", '<ul class="timeline-sources">', 1))
    page = escape(absolute(site_url, event_url(event, catalog, urls)))
    parts.append(f'<p class="timeline-permalink"><a href="{page}">On the timeline</a></p>')
    return "".join(parts)
