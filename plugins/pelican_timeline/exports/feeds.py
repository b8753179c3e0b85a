"""Atom feeds of events, for feed readers: the whole timeline, each actor, each event type.

Entries are events, newest event first, and are dated by *when the event
happened*: ``published`` and ``updated`` are the event's lower bound (its upper
bound when the start is open), as a UTC datetime, midnight for events without
a time. The feed's own ``updated`` is its newest entry's date, so nothing
depends on the time of the build and two builds give the same bytes.

An entry's ``id`` is the absolute URL of the event's anchor on the first page of
its year, which does not change as the timeline grows; its link goes to the
page that lists it. The content is the event's sanitised summary and
description, followed by its date, actors and sources, all escaped.

Feeds need an absolute site URL (Atom ids and links must be absolute), so
build them when ``SITEURL`` is set, as Pelican does with its own feeds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from html import escape

from feedgenerator import Atom1Feed

from ..catalog import Catalog
from ..model import EVENT_TYPES, Event
from ..views import Urls
from . import OUTPUT_PATHS
from .common import (
    absolute,
    actors_html,
    canonical_event_url,
    chronological,
    event_instant,
    event_sources,
    event_url,
    one_line,
    site_host,
    sources_html,
)

# The date of an empty feed: it has no newest entry, and the build time would
# make two builds differ.
EMPTY_FEED_DATE = datetime(1970, 1, 1, tzinfo=UTC)

FEED_PATHS = {
    "all": OUTPUT_PATHS["TIMELINE_FEED_ALL_ATOM"],
    "actor": OUTPUT_PATHS["TIMELINE_FEED_ACTOR_ATOM"],
    "type": OUTPUT_PATHS["TIMELINE_FEED_TYPE_ATOM"],
}


class _TimelineAtomFeed(Atom1Feed):
    def latest_post_date(self) -> datetime:
        return super().latest_post_date() if self.items else EMPTY_FEED_DATE


def atom_feed(  # noqa: PLR0917 - the positional order is the interface the generator calls
    title: str,
    events: Sequence[Event],
    catalog: Catalog,
    site_url: str,
    feed_url: str,
    urls: Urls,
    article_urls: Mapping[str, str],
    *,
    link: str = "",
    author: str = "",
    subtitle: str = "",
    language: str | None = None,
    limit: int | None = None,
) -> str:
    """An Atom document of ``events``, newest event first.

    ``feed_url`` and ``link`` (the HTML page the feed follows; the timeline by
    default) may be site-relative; they are made absolute with ``site_url``.
    ``author`` defaults to ``title``; ``limit`` keeps only the newest events.
    """
    site_host(site_url, "an Atom feed")
    page = absolute(site_url, link or urls.timeline().url)
    feed = _TimelineAtomFeed(
        title=one_line(title),
        link=page,
        description="",
        subtitle=one_line(subtitle) or None,
        language=language,
        author_name=one_line(author or title),
        feed_url=absolute(site_url, feed_url),
        feed_guid=absolute(site_url, feed_url),
    )
    newest = chronological(catalog, events)[::-1]
    for event in newest if limit is None else newest[:limit]:
        when = event_instant(event)
        feed.add_item(
            title=f"{event.date.display()}: {one_line(event.title)}",
            link=absolute(site_url, event_url(event, catalog, urls)),
            description=None,
            content=_content(event, catalog, site_url, urls, article_urls),
            unique_id=absolute(site_url, canonical_event_url(event, urls)),
            pubdate=when,
            updateddate=when,
            categories=[EVENT_TYPES[event.type]],
        )
    return feed.writeString("utf-8")


def all_events_feed(
    catalog: Catalog,
    *,
    site_name: str,
    site_url: str,
    urls: Urls,
    article_urls: Mapping[str, str],
    feed_url: str = FEED_PATHS["all"],
    **options,
) -> str:
    return atom_feed(
        site_name, catalog.events, catalog, site_url, feed_url, urls, article_urls, author=site_name, **options
    )


def actor_feed(
    catalog: Catalog,
    actor_id: str,
    *,
    site_name: str,
    site_url: str,
    urls: Urls,
    article_urls: Mapping[str, str],
    feed_url: str = "",
    **options,
) -> str:
    """The events of one actor; the feed follows the actor's page."""
    actor = catalog.actors[actor_id]
    return atom_feed(
        f"{actor.name} — {site_name}",
        catalog.events_by_actor.get(actor_id, []),
        catalog,
        site_url,
        feed_url or FEED_PATHS["actor"].format(id=actor_id),
        urls,
        article_urls,
        link=urls.actor(actor_id).url,
        author=site_name,
        **options,
    )


def type_feed(
    catalog: Catalog,
    event_type: str,
    *,
    site_name: str,
    site_url: str,
    urls: Urls,
    article_urls: Mapping[str, str],
    feed_url: str = "",
    **options,
) -> str:
    """The events of one type (e.g. "sanction")."""
    label = EVENT_TYPES[event_type]
    return atom_feed(
        f"{label} events — {site_name}",
        [e for e in catalog.events if e.type == event_type],
        catalog,
        site_url,
        feed_url or FEED_PATHS["type"].format(type=event_type),
        urls,
        article_urls,
        author=site_name,
        **options,
    )


def timeline_feeds(
    catalog: Catalog,
    *,
    site_name: str,
    site_url: str,
    urls: Urls,
    article_urls: Mapping[str, str],
    paths: Mapping[str, str] = FEED_PATHS,
    type_link: Callable[[str], str] | None = None,
    **options,
) -> dict[str, str]:
    """Every feed, as ``{path under the output folder: Atom text}``.

    ``paths`` gives the three path patterns (keys "all", "actor" with ``{id}``,
    "type" with ``{type}``); each is also the feed's URL relative to the site.
    There is a feed for every actor and for every event type that has events.
    ``type_link(type)`` gives the page a type feed follows, if the site has one.
    """
    common = {"site_name": site_name, "site_url": site_url, "urls": urls, "article_urls": article_urls, **options}
    feeds = {paths["all"]: all_events_feed(catalog, feed_url=paths["all"], **common)}
    for actor_id in sorted(catalog.actors):
        path = paths["actor"].format(id=actor_id)
        feeds[path] = actor_feed(catalog, actor_id, feed_url=path, **common)
    for event_type in sorted({e.type for e in catalog.events}):
        path = paths["type"].format(type=event_type)
        link = type_link(event_type) if type_link else ""
        feeds[path] = type_feed(catalog, event_type, feed_url=path, link=link, **common)
    return feeds


def _content(event: Event, catalog: Catalog, site_url: str, urls: Urls, article_urls: Mapping[str, str]) -> str:
    parts = [html for html in (event.summary_html, event.description_html) if html]
    details = [f"<strong>{escape(event.date.display())}</strong>", escape(EVENT_TYPES[event.type])]
    if event.location:
        details.append(escape(event.location))
    parts.append(f"<p>{' · '.join(details)}</p>")
    if event.actors:
        parts.append(f"<p>Actors: {actors_html(event, catalog, site_url, urls)}</p>")
    sources = event_sources(event, catalog, site_url, article_urls)
    if sources:
        parts.append(f"<p>Sources:</p>{sources_html(sources)}")
    return "".join(parts)
