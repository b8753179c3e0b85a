"""Every page the timeline adds to a site, planned before anything is written.

``plan_pages`` turns the catalog into a list of :class:`PageSpec` — template,
output path, URL and the values the template needs — so the generator only
writes, and the output paths can be checked for clashes first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from .catalog import Catalog
from .chart import ChartWhenShown, density_chart
from .exports.jsonld import WhenShown, actor_ld, event_ld, graph
from .listings import (
    actor_event_pages,
    events_by_tag,
    events_by_type,
    pair_pages,
    shared_events,
    tag_labels,
    tag_pages,
    type_pages,
)
from .model import EVENT_TYPES, Event
from .views import TimelinePage, Url, Urls, ViewBuilder, page_count, tag_slug


@dataclass
class PageSpec:
    template: str
    url: Url
    values: dict = field(default_factory=dict)


@dataclass
class SitePlan:
    """What the timeline writes: every output address now (to check for clashes), and the
    pages themselves one at a time, built just before each is written (so a large site
    never holds all its pages in memory)."""

    urls: list[Url]
    pages: Callable[[], Iterator[PageSpec]]
    context: dict  # shared by every page of the site (filters, year navigation, overall chart)


class MonthAddresses:
    """Where each month's heading is: its year page (or the page of it that holds the month)."""

    def __init__(self, timeline_pages: list[TimelinePage], urls: Urls) -> None:
        self._urls = urls
        self._found: dict[tuple[int, int], str] = {}
        for page in timeline_pages:
            if page.kind != "year":
                continue
            for year in page.years:
                for month in year.months:
                    number = int(month.key[5:]) if len(month.key) > 4 else 0
                    self._found.setdefault((year.year, number), f"{page.url.url}#timeline_m{month.key}")

    # A bound method, not a closure: a page digest names it (``unchanged_pages.py``),
    # where a closure would send the whole page to the slower pickler that names functions.
    def url(self, year: int, month: int) -> str:
        return self._found.get((year, month), self._urls.year(year).url)


def filter_choices(catalog: Catalog, views: ViewBuilder) -> dict:
    """The filter controls' options, each with the static page that applies it."""
    type_counts = Counter(e.type for e in catalog.events)
    tag_counts = Counter(tag_slug(t) for e in catalog.events for t in dict.fromkeys(e.tags) if tag_slug(t))
    labels = tag_labels(catalog)
    return {
        "actors": [
            {"id": a.id, "name": a.name, "url": views.urls.actor(a.id).url, "count": len(catalog.events_by_actor[a.id])}
            for a in catalog.actors.values()
            if catalog.events_by_actor.get(a.id)
        ],
        "types": [
            {"id": kind, "name": label, "url": views.urls.event_type(kind).url, "count": type_counts[kind]}
            for kind, label in EVENT_TYPES.items()
            if type_counts[kind]
        ],
        "tags": [
            {"id": slug, "name": labels[slug], "url": views.urls.tag(slug).url, "count": tag_counts[slug]}
            for slug in labels
        ],
    }


def events_graph(page: TimelinePage, catalog: Catalog, views: ViewBuilder, site_url: str, article_urls) -> dict:
    """JSON-LD for the events a page lists (year pages: the events' home)."""
    events = [event for year in page.years for month in year.months for event in month.events.events]
    return graph([event_ld(e, catalog, site_url=site_url, urls=views.urls, article_urls=article_urls) for e in events])


def plan_pages(
    catalog: Catalog, views: ViewBuilder, timeline_pages: list[TimelinePage], *, site_url: str = "", article_urls=None
) -> SitePlan:
    urls = views.urls
    article_urls = article_urls or {}
    month_url = MonthAddresses(timeline_pages, urls).url
    pairs = shared_events(catalog)

    def listing_urls(groups: dict, url_for) -> list[Url]:
        return [
            url_for(key, n)
            for key, events in groups.items()
            for n in range(1, page_count(len(events), views.page_size) + 1)
        ]

    addresses = [page.url for page in timeline_pages]
    addresses += listing_urls(events_by_type(catalog), urls.event_type)
    addresses += listing_urls(events_by_tag(catalog), urls.tag)
    addresses += listing_urls(pairs, lambda pair, n: urls.pair(*pair, n))
    addresses += listing_urls({a: catalog.events_by_actor.get(a, []) for a in catalog.actors}, urls.actor)
    addresses += [urls.actors(), urls.search()]

    def actor_pages(actor) -> Iterator[PageSpec]:
        profile = views.actor_page(actor)
        # Both made when the page is written, not for a page a rebuild leaves alone. The
        # JSON-LD is made of the actor and the actors it is affiliated with, which the profile holds.
        profile["chart"] = ChartWhenShown(catalog.events_by_actor.get(actor.id, ()), month_url)
        profile["jsonld"] = WhenShown(partial(actor_ld, actor, catalog, site_url=site_url, urls=urls))
        first_shared: dict[str, Event] = {}  # the one event a co-actor without a pair page shares
        for event in catalog.events_by_actor.get(actor.id, ()):
            for other in event.actor_ids:
                first_shared.setdefault(other, event)
        for entry in profile["co_actors"]:
            pair = tuple(sorted((actor.id, entry.actor.id)))
            if pair in pairs:
                entry.shared_url = urls.pair(*pair).url
            else:
                entry.shared_url = views.homes.url(first_shared[entry.actor.id])
        for page in actor_event_pages(views, catalog, actor.id):
            yield PageSpec("timeline/actor", page.url, {"actor_page": profile, "timeline_page": page})

    def pages() -> Iterator[PageSpec]:
        for page in timeline_pages:
            # Made when the page is written: a rebuild that leaves the page alone never needs it.
            jsonld = (
                WhenShown(partial(events_graph, page, catalog, views, site_url, article_urls))
                if page.kind == "year" and page.years
                else ""
            )
            yield PageSpec("timeline/timeline", page.url, {"timeline_page": page, "page_jsonld": jsonld})
        for listing in (type_pages(views, catalog), tag_pages(views, catalog), pair_pages(views, catalog, pairs)):
            for page in listing:
                yield PageSpec("timeline/timeline", page.url, {"timeline_page": page})
        for actor in catalog.actors.values():
            yield from actor_pages(actor)
        yield PageSpec("timeline/actors", urls.actors(), {"actor_groups": views.actor_index()})
        yield PageSpec("timeline/search", urls.search(), {})

    context = {
        "timeline_years": views.year_navigation(),
        "timeline_filters": filter_choices(catalog, views),
        "timeline_chart": density_chart(catalog.events, month_url),
    }
    return SitePlan(addresses, pages, context)
