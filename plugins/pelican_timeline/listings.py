"""The static pages that filter the timeline: one per event type, per tag, per pair
of actors that share events, and each actor's own events.

Without JavaScript these pages are the filters: the filter controls on the
timeline link to them. Every listing is paginated like the timeline, so no page
grows without bound however large the site.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations

from .catalog import Catalog
from .model import EVENT_TYPES
from .views import TimelinePage, ViewBuilder, tag_slug
from .wording import counted

# Two actors get a page of their own when they share at least this many events;
# a single shared event is linked directly instead.
MIN_SHARED_FOR_PAGE = 2


def events_by_type(catalog: Catalog) -> dict[str, list]:
    by_type: dict[str, list] = defaultdict(list)
    for event in catalog.events:
        by_type[event.type].append(event)
    return dict(sorted(by_type.items()))


def events_by_tag(catalog: Catalog) -> dict[str, list]:
    by_tag: dict[str, list] = defaultdict(list)
    for event in catalog.events:
        for slug in dict.fromkeys(tag_slug(t) for t in event.tags):
            if slug:
                by_tag[slug].append(event)
    return dict(sorted(by_tag.items()))


def type_pages(views: ViewBuilder, catalog: Catalog) -> Iterator[TimelinePage]:
    for kind, events in events_by_type(catalog).items():
        label = EVENT_TYPES[kind]
        yield from views.listing(
            events,
            lambda n, k=kind: views.urls.event_type(k, n),
            f"{label} events",
            "type",
            f"{counted(len(events), 'event')} of the type “{label}”, in the order they happened.",
        )


def tag_labels(catalog: Catalog) -> dict[str, str]:
    """Tag slug → the label first written for it, for every tag an event carries."""
    labels: dict[str, str] = {}
    for event in catalog.events:
        for tag in event.tags:
            slug = tag_slug(tag)
            if slug:
                labels.setdefault(slug, tag)
    return dict(sorted(labels.items()))


def tag_pages(views: ViewBuilder, catalog: Catalog) -> Iterator[TimelinePage]:
    labels = tag_labels(catalog)
    for slug, events in events_by_tag(catalog).items():
        yield from views.listing(
            events,
            lambda n, s=slug: views.urls.tag(s, n),
            f"Tagged “{labels[slug]}”",
            "tag",
            f"{counted(len(events), 'event')} tagged “{labels[slug]}”.",
        )


def shared_events(catalog: Catalog) -> dict[tuple[str, str], list]:
    """Events each pair of actors share, for pairs that share enough to get a page."""
    pairs: dict[tuple[str, str], list] = defaultdict(list)
    for event in catalog.events:
        for pair in combinations(sorted(event.actor_ids), 2):
            pairs[pair].append(event)
    return {pair: events for pair, events in pairs.items() if len(events) >= MIN_SHARED_FOR_PAGE}


def pair_pages(views: ViewBuilder, catalog: Catalog, pairs: dict[tuple[str, str], list]) -> Iterator[TimelinePage]:
    for (a, b), events in sorted(pairs.items()):
        first, second = catalog.actors[a].name, catalog.actors[b].name
        yield from views.listing(
            events,
            lambda n, x=a, y=b: views.urls.pair(x, y, n),
            f"{first} and {second}",
            "pair",
            f"{counted(len(events), 'event')} in which both {first} and {second} take part.",
        )


def actor_event_pages(views: ViewBuilder, catalog: Catalog, actor_id: str) -> list[TimelinePage]:
    events = catalog.events_by_actor.get(actor_id, [])
    name = catalog.actors[actor_id].name
    return views.listing(
        events,
        lambda n: views.urls.actor(actor_id, n),
        name,
        "actor",
        f"{counted(len(events), 'event')} in which {name} takes part.",
    )
