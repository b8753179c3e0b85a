"""What every export shares: addresses, sources, plain text and dates.

Addresses follow one rule. Inside the site everything is site-relative
("actors/sergey-lavrov/"), as ``views.Urls`` makes it; an export that needs
absolute links joins them to the site URL with :func:`absolute`. With an empty
site URL (a development build) the site-relative form is kept, which still
resolves correctly from a file at the root of the site.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from html import escape, unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from ..catalog import Catalog
from ..dates import DatePoint, EventDate
from ..event_homes import event_homes
from ..model import Event
from ..views import ROLE_LABELS, Urls, group_key


def absolute(site_url: str, path: str) -> str:
    """``path`` (site-relative) joined to ``site_url``; unchanged if already absolute or no site URL."""
    if not path or not site_url or path.startswith(("http://", "https://")) or urlsplit(path).scheme:
        return path
    return f"{site_url.rstrip('/')}/{path.lstrip('/')}"


def site_host(site_url: str, what: str) -> str:
    """The host of ``site_url``, which ``what`` needs for identifiers that must be absolute."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{what} needs an absolute http(s) site URL (SITEURL), got {site_url!r}")
    return parts.hostname


# Event addresses -------------------------------------------------------------------------------


def canonical_event_url(event: Event, urls: Urls) -> str:
    """The event's anchor on the first page of its year: the address identifiers are built from.

    It does not change when the year's listing grows and the event moves to a
    later page, so feed ids built from it stay put."""
    return f"{urls.year(group_key(event)[0]).url}#{event.id}"


def event_url(event: Event, catalog: Catalog, urls: Urls) -> str:
    """The event's anchor on the year page that lists it (site-relative; ``event_homes.py``)."""
    return event_homes(catalog, urls, page_size(urls)).url(event)


def chronological(catalog: Catalog, events: Iterable[Event]) -> list[Event]:
    """``events`` in the timeline's order (events outside the catalog last, by date)."""
    position = {e.id: n for n, e in enumerate(catalog.events)}
    return sorted(events, key=lambda e: (position.get(e.id, len(position)), e.date.sort_key, e.id))


def page_size(urls: Urls) -> int:
    try:
        return max(int(urls.settings.get("TIMELINE_PAGE_SIZE") or 0), 0)
    except (TypeError, ValueError):
        return 0


# Sources -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRef:
    """Where an event is documented: its article on this site, or an outside link."""

    kind: str  # "article" or "link"
    url: str | None  # absolute when the site URL is known; None for an article without a page
    title: str
    outlet: str = ""


def event_sources(
    event: Event, catalog: Catalog, site_url: str, article_urls: Mapping[str, str] | None
) -> list[SourceRef]:
    sources = []
    if event.article:
        record = catalog.articles.get(event.article)
        if record is not None:
            path = (article_urls or {}).get(event.article)
            outlet = record.source.name if record.source else ""
            sources.append(SourceRef("article", absolute(site_url, path) if path else None, record.title, outlet))
    sources.extend(SourceRef("link", link.url, link.title) for link in event.links)
    return sources


def source_label(source: SourceRef) -> str:
    """ "Title (Outlet)", or the URL for a link without a title."""
    label = source.title or source.url or ""
    return f"{label} ({source.outlet})" if source.outlet else label


def sources_html(sources: list[SourceRef]) -> str:
    """A ``<ul>`` of sources, every text and address escaped; "" when there are none."""
    items = []
    for source in sources:
        title = escape(source.title or source.url or "")
        link = f'<a href="{escape(source.url)}">{title}</a>' if source.url else title
        outlet = f" ({escape(source.outlet)})" if source.outlet else ""
        items.append(f"<li>{link}{outlet}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def actors_html(event: Event, catalog: Catalog, site_url: str, urls: Urls) -> str:
    """The event's actors as escaped links to their pages, with roles: "A (actor), B (recipient)"."""
    names = []
    for role in event.actors:
        actor = catalog.actors.get(role.id)
        href = escape(absolute(site_url, urls.actor(role.id).url))
        label = ROLE_LABELS.get(role.role, role.role)
        name = escape(actor.name if actor else role.id)
        names.append(f'<a href="{href}">{name}</a>' + (f" ({escape(label)})" if label else ""))
    return ", ".join(names)


def actors_text(event: Event, catalog: Catalog) -> str:
    """The same as plain text on one line."""
    names = []
    for role in event.actors:
        actor = catalog.actors.get(role.id)
        label = ROLE_LABELS.get(role.role, role.role)
        name = one_line(actor.name if actor else role.id)
        names.append(f"{name} ({label})" if label else name)
    return ", ".join(names)


# Plain text ----------------------------------------------------------------------------------------

_BLOCKS = {
    "address", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "summary", "table", "tr", "ul",
}  # fmt: skip


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


# Most summaries are one paragraph of plain text: no parser needed for those.
_ONE_PARAGRAPH = re.compile(r"\s*<p>([^<]*)</p>\s*")


def html_to_text(html: str) -> str:
    """The text of sanitised HTML: one line per paragraph or list item, spaces collapsed."""
    if not html:
        return ""
    simple = _ONE_PARAGRAPH.fullmatch(html)
    text = unescape(simple.group(1)) if simple else None
    if text is None:
        parser = _TextParser()
        parser.feed(html)
        parser.close()
        text = "".join(parser.parts)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    """Plain text with every run of whitespace (newlines included) turned into one space."""
    return " ".join(text.split())


# Dates ---------------------------------------------------------------------------------------------


def is_qualified(value: EventDate) -> bool:
    return any(p is not None and (p.uncertain or p.approximate) for p in (value.start, value.end))


def qualifiers(value: EventDate) -> dict[str, bool]:
    points = [p for p in (value.start, value.end) if p is not None]
    return {
        "uncertain": any(p.uncertain for p in points),
        "approximate": any(p.approximate for p in points),
    }


def point_instant(point: DatePoint, *, upper: bool = False) -> datetime:
    """A point as a UTC datetime: its time when it has one (a time without a zone is
    taken as UTC, as the timeline orders it), else midnight of its lower (or upper) day."""
    if point.time is not None:
        moment = datetime.combine(point.lower, time.fromisoformat(point.time))
        if point.utc_offset is not None:
            moment -= point.utc_offset
        return moment.replace(tzinfo=UTC)
    day = point.upper if upper else point.lower
    return datetime.combine(day, time(0), tzinfo=UTC)


def event_instant(event: Event) -> datetime:
    """When an event is dated for feeds and stamps: its lower bound, or its upper bound
    when the start is open or unknown."""
    if event.date.start is not None:
        return point_instant(event.date.start)
    return point_instant(event.date.end, upper=True)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def timestamp(moment: datetime) -> str:
    """An article's publication time in ISO 8601: a date alone when no time was given
    (the reader stores "2017-08-07" as naive midnight), otherwise with seconds and the offset."""
    if moment.tzinfo is None and moment.time() == time(0):
        return moment.date().isoformat()
    return moment.isoformat()


def next_day(day: date) -> date:
    return day + timedelta(days=1)


# JSON ------------------------------------------------------------------------------------------------

_LINE_SAFE = (("\u2028", "\\u2028"), ("\u2029", "\\u2029"))
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), *_LINE_SAFE)


def dumps(data: object, *, script_safe: bool = True) -> str:
    """Compact UTF-8 JSON; by default also safe to paste into an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` can only occur inside JSON strings, where ``\\u003c``
    and friends mean the same characters, so no ``</script>`` or ``<!--`` can
    end the element early. U+2028 and U+2029 are always escaped: old JavaScript
    parsers take them for line ends, and so do many tools that read JSON by lines.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # One str.replace per character: C speed on documents of many megabytes,
    # where str.translate with a mapping goes through Python for every character.
    for character, escaped in _SCRIPT_SAFE if script_safe else _LINE_SAFE:
        if character in text:
            text = text.replace(character, escaped)
    return text
