"""Ready-to-render values for the timeline and actor pages.

Templates hold markup only: every date wording, URL, count and grouping is
decided here, from the catalog, so that all themes show the same facts.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .catalog import Catalog
from .dates import MONTHS
from .event_homes import event_homes
from .model import ACTOR_TYPES, EVENT_TYPES, UNPROFILED, Actor, ArticleRecord, Event, Source
from .slugs import slug
from .wording import counted

ROLE_LABELS = {"actor": "actor", "recipient": "recipient", "participant": ""}


@dataclass(frozen=True)
class Url:
    """A page's address: ``save_as`` on disk and ``url`` on the site."""

    url: str
    save_as: str


@dataclass
class Urls:
    """Where each kind of timeline page lives, from the TIMELINE_* settings."""

    settings: dict
    # Every event names its actors' pages, and every listing its years': the same
    # few thousand addresses are asked for hundreds of thousands of times.
    _made: dict[tuple, Url] = field(default_factory=dict, init=False, repr=False, compare=False)

    def _make(self, name: str, **values: object) -> Url:
        key = (name, *values.values())
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = Url(
                self.settings[f"TIMELINE_{name}_URL"].format(**values),
                self.settings[f"TIMELINE_{name}_SAVE_AS"].format(**values),
            )
        return made

    def timeline(self, number: int = 1) -> Url:
        return self._make("INDEX") if number == 1 else self._make("INDEX_PAGE", number=number)

    def year(self, year: int, number: int = 1) -> Url:
        return self._make("YEAR", year=year) if number == 1 else self._make("YEAR_PAGE", year=year, number=number)

    def actor(self, actor_id: str, number: int = 1) -> Url:
        if number == 1:
            return self._make("ACTOR", id=actor_id)
        return self._make("ACTOR_PAGE", id=actor_id, number=number)

    def event_type(self, kind: str, number: int = 1) -> Url:
        return self._make("TYPE", type=kind) if number == 1 else self._make("TYPE_PAGE", type=kind, number=number)

    def tag(self, slug: str, number: int = 1) -> Url:
        return self._make("TAG", tag=slug) if number == 1 else self._make("TAG_PAGE", tag=slug, number=number)

    def pair(self, first: str, second: str, number: int = 1) -> Url:
        """The page of events two actors share; one page per pair, whichever side links to it."""
        a, b = sorted((first, second))
        return self._make("PAIR", a=a, b=b) if number == 1 else self._make("PAIR_PAGE", a=a, b=b, number=number)

    def search(self) -> Url:
        return self._make("SEARCH")

    def actors(self) -> Url:
        return self._make("ACTORS")


# The entries templates loop over are small classes, not dicts: Jinja looks a name
# up as an attribute first, and a dict makes it fail (an exception) on every lookup,
# which doubled the time of the biggest loops.


def entry(cls: type) -> type:
    """A frozen dataclass with slots, pickled (for the digests of unchanged pages) as its
    class and values: the pickling dataclasses gives frozen slotted classes asks
    ``dataclasses.fields`` for the names again for every object."""
    cls = dataclass(frozen=True, slots=True)(cls)
    values = operator.attrgetter(*cls.__slots__)

    def __reduce__(self) -> tuple:
        return cls, values(self)

    cls.__reduce__ = __reduce__
    return cls


@entry
class ActorLink:
    """An actor as an event lists it: ``role`` is the role's label ("" for a participant)."""

    actor: Actor
    role: str
    url: str


@entry
class SourceLink:
    title: str
    url: str | None
    outlet: str
    internal: bool  # the article on this site, not an outside link


class ArticleView:
    """What an article's page shows besides Pelican's own fields (``article.timeline_view``).

    One attribute rather than one per field: Pelican's articles share a single table of
    attribute names while they have at most 30, and nine more names gave every article a
    table of its own, 1.3 KB larger (6 MiB at 5,000 articles). Its values are made when a
    template asks for them, from the record: held for every article from the start, they
    were 2 MiB more at 5,000. A page digest names what they are made of (``unchanged_pages.py``)."""

    __slots__ = ("_builder", "_jsonld", "events", "record")

    def __init__(
        self, record: ArticleRecord, events: EventList, builder: ViewBuilder, jsonld: Callable[[ArticleRecord], object]
    ) -> None:
        self.record = record
        self.events = events  # in the timeline's order
        self._builder = builder
        self._jsonld = jsonld

    @property
    def actors(self) -> list[ActorLink]:
        """The actors the article names, with their pages."""
        return [ActorLink(actor, "", self._builder.urls.actor(actor.id).url) for actor in self.actor_records()]

    def actor_records(self) -> list[Actor]:
        actors = self._builder.catalog.actors
        return [actors[a] for a in self.record.actor_ids if a in actors]

    @property
    def source(self) -> Source | None:
        return self.record.source

    @property
    def published(self) -> str:
        return timestamp_label(self.record.date)

    @property
    def modified(self) -> str:
        return timestamp_label(self.record.modified) if self.record.modified else ""

    @property
    def dateline(self) -> str:
        return self.record.dateline

    @property
    def authors(self) -> tuple[str, ...]:
        """Only the bylines the source printed; Pelican would fill in the site's AUTHOR."""
        return self.record.authors

    @property
    def review(self) -> tuple[str, ...]:
        return self.record.review

    @property
    def jsonld(self) -> object:
        """The page's JSON-LD, made when the template shows it (a ``WhenShown``)."""
        return self._jsonld(self.record)


@entry
class TagLink:
    label: str
    slug: str
    url: str


@entry
class ArticleLink:
    """An article listed on an actor's page."""

    record: ArticleRecord
    url: str | None

    @property
    def date_label(self) -> str:
        # Made when shown: each article's entry is rendered once, for all its actors' pages.
        return timestamp_label(self.record.date)


@dataclass(slots=True)
class CoActor:
    """An actor sharing events with the page's actor; ``shared_url`` lists what they share."""

    actor: Actor
    count: int
    url: str
    shared_url: str = ""


@entry
class YearLink:
    year: int
    count: int
    url: str


@entry
class ActorCount:
    """An actor on the actors index, with the number of its events."""

    actor: Actor
    url: str
    count: int


@dataclass
class EventView:
    event: Event
    date: list[tuple[str | None, str]]
    date_label: str
    type_label: str
    actors: list[ActorLink]
    sources: list[SourceLink]
    url: str = ""  # the event's place on its year page
    tags: list[TagLink] = field(default_factory=list)
    # What the page's filters match the event on (its data-* attributes).
    filter_year: int = 0
    filter_actors: str = ""  # actor ids, space-separated
    filter_tags: str = ""  # tag slugs, space-separated


class EventList(Sequence):
    """The events a listing shows, as views (:class:`EventView`) made when asked for.

    A view is not kept: each event is rendered once and its HTML kept instead
    (``fragments.py``), so holding a view per event for the whole build (14 MiB at
    15,000 events) bought nothing. ``events`` are the records themselves."""

    __slots__ = ("builder", "events")

    def __init__(self, events: Sequence[Event], builder: ViewBuilder) -> None:
        self.events = events
        self.builder = builder

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return EventList(self.events[index], self.builder)
        return self.builder.event(self.events[index])

    def __iter__(self) -> Iterator[EventView]:
        for event in self.events:
            yield self.builder.event(event)


@dataclass
class MonthGroup:
    key: str  # anchor: "2017-08", or "2017" for events known only to the year
    label: str
    events: EventList
    continued: bool = False


@dataclass
class YearGroup:
    year: int
    months: list[MonthGroup] = field(default_factory=list)
    url: str = ""  # the year's own page

    @property
    def count(self) -> int:
        return sum(len(m.events) for m in self.months)


@dataclass
class TimelinePage:
    url: Url
    title: str
    years: list[YearGroup]
    number: int
    count: int
    previous: Url | None = None
    next: Url | None = None
    pages: list[Url] = field(default_factory=list)
    year: int | None = None
    first_index: int = 1  # position of the page's first event in the whole listing
    heading: str = ""  # the page's h1
    description: str = ""  # one sentence under it
    kind: str = "all"  # all, year, type, tag, pair, actor


def timestamp_label(moment: datetime) -> str:
    """ "6 August 2017, 16:34 UTC+03:00" for a publication time; the zone as the source gave it."""
    text = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    if (moment.hour, moment.minute, moment.second) != (0, 0, 0) or moment.tzinfo is not None:
        text += f", {moment:%H:%M}"
    offset = moment.utcoffset()
    if offset is not None:
        text += " UTC" if not offset else f" UTC{moment:%z}"[:-2] + ":" + f"{moment:%z}"[-2:]
    return text


def tag_slug(tag: str) -> str:
    return slug(tag, max_length=60, word_boundary=True)


def group_key(event: Event) -> tuple[int, int]:
    """(year, month) an event is filed under; month 0 for events coarser than a month."""
    return event.date.filed_under


def group_by_month(
    events: Sequence[Event], builder: ViewBuilder, continued_from: tuple[int, int] | None = None
) -> list[YearGroup]:
    years: list[YearGroup] = []
    month_events: list[Event] = []
    for event in events:
        year, month = group_key(event)
        if not years or years[-1].year != year:
            years.append(YearGroup(year))
        months = years[-1].months
        if not months or months[-1].key != _month_key(year, month):
            label = f"{MONTHS[month - 1]} {year}" if month else f"{year}, month not known"
            month_events = []
            months.append(
                MonthGroup(
                    _month_key(year, month), label, EventList(month_events, builder), continued_from == (year, month)
                )
            )
        month_events.append(event)
    return years


def _month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def page_count(items: int, size: int) -> int:
    """Pages a listing of ``items`` events takes: at least one, even when empty."""
    return max(1, -(-items // size))


def paginate(items: Sequence, size: int) -> list[Sequence]:
    if not items:
        return [items]
    return [items[start : start + size] for start in range(0, len(items), size)]


class ViewBuilder:
    """Turns catalog records into the values templates render."""

    def __init__(self, catalog: Catalog, urls: Urls, article_url: Callable[[str], str | None], page_size: int):
        self.catalog = catalog
        self.urls = urls
        self.article_url = article_url
        self.page_size = page_size
        self.homes = event_homes(catalog, urls, page_size)

    def event(self, event: Event) -> EventView:
        """A new view of ``event`` (not kept: see :class:`EventList`)."""
        actors = []
        for role in event.actors:
            actor = self.catalog.actors[role.id]
            actors.append(ActorLink(actor, ROLE_LABELS.get(role.role, role.role), self.urls.actor(actor.id).url))
        sources = []
        if event.article:
            record = self.catalog.articles.get(event.article)
            url = self.article_url(event.article)
            if record is not None:
                outlet = record.source.name if record.source else ""
                sources.append(SourceLink(record.title, url, outlet, internal=True))
        for link in event.links:
            sources.append(SourceLink(link.title or link.url, link.url, "", internal=False))
        tags = [TagLink(tag, slug, self.urls.tag(slug).url) for tag in event.tags if (slug := tag_slug(tag))]
        return EventView(
            event=event,
            date=event.date.segments(),
            date_label=event.date.display(),
            type_label=EVENT_TYPES[event.type],
            actors=actors,
            sources=sources,
            url=self.homes.url(event),
            tags=tags,
            filter_year=event.date.anchor.lower.year,
            filter_actors=" ".join(event.actor_ids),
            filter_tags=" ".join(t.slug for t in tags),
        )

    def view_inputs(self, event: Event) -> tuple:
        """Everything :meth:`event` makes a view from besides the settings: what a page
        digest holds in place of the view (``unchanged_pages.py``)."""
        return (
            event,
            tuple(self.catalog.actors[role.id] for role in event.actors),
            self.catalog.articles.get(event.article) if event.article else None,
            self.article_url(event.article) if event.article else None,
            self.homes.url(event),
        )

    def timeline_pages(self) -> list[TimelinePage]:
        """The whole timeline, then each year, split into pages of ``page_size`` events."""
        events = self.catalog.events
        by_year: dict[int, list[Event]] = {}
        for event in events:
            by_year.setdefault(group_key(event)[0], []).append(event)
        pages = []
        for year, year_events in by_year.items():
            pages.extend(self._pages(year_events, lambda n, y=year: self.urls.year(y, n), str(year), year))
        everything = self._pages(events, self.urls.timeline, "Timeline", None)
        for page in everything:
            page.heading, page.kind = "Timeline", "all"
            page.description = f"{counted(len(events), 'event')}, in the order they happened."
        for page in pages:
            page.heading, page.kind = f"Events of {page.year}", "year"
            page.description = f"{counted(page.count, 'event')} in {page.year}, in the order they happened."
        return everything + pages

    def listing(self, events: list[Event], url_for: Callable[[int], Url], heading: str, kind: str, description: str):
        """Any chronological listing (a type, a tag, two actors' shared events), paginated."""
        pages = self._pages(events, url_for, heading, None)
        for page in pages:
            page.heading, page.kind, page.description = heading, kind, description
        return pages

    def _pages(self, events: list[Event], url_for: Callable[[int], Url], title: str, year: int | None):
        chunks = paginate(events, self.page_size)
        urls = [url_for(n) for n in range(1, len(chunks) + 1)]
        pages = []
        previous_key = None
        for index, chunk in enumerate(chunks):
            years = group_by_month(chunk, self, previous_key)
            for group in years:
                group.url = self.urls.year(group.year).url
            pages.append(
                TimelinePage(
                    url=urls[index],
                    title=title if index == 0 else f"{title} (page {index + 1})",
                    years=years,
                    number=index + 1,
                    count=len(events),
                    previous=urls[index - 1] if index else None,
                    next=urls[index + 1] if index + 1 < len(urls) else None,
                    pages=urls,
                    year=year,
                    first_index=index * self.page_size + 1,
                )
            )
            previous_key = group_key(chunk[-1]) if chunk else None
        return pages

    def year_navigation(self) -> list[YearLink]:
        counts = Counter(group_key(e)[0] for e in self.catalog.events)
        return [YearLink(y, counts[y], self.urls.year(y).url) for y in sorted(counts)]

    def actor_index(self) -> list[dict]:
        groups = []
        labels = {**ACTOR_TYPES, UNPROFILED: "Without a profile yet"}
        for kind, label in labels.items():
            members = [
                ActorCount(actor, self.urls.actor(actor.id).url, len(self.catalog.events_by_actor.get(actor.id, ())))
                for actor in self.catalog.actors.values()
                if actor.type == kind
            ]
            if members:
                groups.append({"type": kind, "label": label, "actors": members})
        return groups

    def actor_page(self, actor: Actor) -> dict:
        """The profile part of an actor's page; its events come as a paginated listing."""
        affiliations = []
        for affiliation in actor.affiliations:
            other = self.catalog.actors.get(affiliation.id)
            affiliations.append(
                {
                    "actor": other,
                    "url": self.urls.actor(affiliation.id).url,
                    "role": affiliation.role,
                    "start": affiliation.start.display() if affiliation.start else "",
                    "end": affiliation.end.display() if affiliation.end else "",
                }
            )
        articles = [
            ArticleLink(record, self.article_url(record.origin.path))
            for record in self.catalog.articles_by_actor.get(actor.id, ())
        ]
        co_actors = [
            CoActor(other, count, self.urls.actor(other.id).url) for other, count in self.catalog.co_actors(actor.id)
        ]
        return {
            "actor": actor,
            "type_label": ACTOR_TYPES.get(actor.type, "Without a profile yet"),
            "event_count": len(self.catalog.events_by_actor.get(actor.id, ())),
            "affiliations": affiliations,
            "articles": articles,
            "co_actors": co_actors,
            "url": self.urls.actor(actor.id),
        }
