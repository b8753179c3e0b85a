"""schema.org JSON-LD for the pages: events, actors and articles, for search engines
and linked-data tools.

Dates. schema.org dates are ISO 8601, which allows reduced precision, so a
date is written as precisely as it is known and no more: "2017" for a year,
"2017-07" for a month, "2017-08-05" for a day, "2017-08-05T16:34:00+03:00" for
a time (no offset when the source gave none). A date that is a span by nature
gets both ends: a season is written as its months ("2017-09" to "2017-11"), a
decade as its years ("2010" to "2019"). An open or unknown end is left out.
ISO 8601 has no mark for "uncertain" or "approximate"; those stay on the page
and in ``timeline.json``.

Roles. Event actors are named in the PLOVER way: the one who acts, the one
acted upon, and others taking part. They map to schema.org as

* ``actor`` → ``organizer``: the party that carries out the event;
* ``participant`` → ``attendee``: others who take part;
* ``recipient`` → ``about``: the party the action is aimed at, which is what the
  event is about rather than someone attending it.

(``performer`` is meant for artists on stage, and ``actor`` for cast members.)
schema.org expects a Person or Organization for ``organizer`` and
``attendee``; a country is still given as a ``Country``, since calling it an
organization would be wrong, and schema.org ranges are advisory.

Actor types: person → Person, organization → Organization, country →
Country, group → Organization (a group is an organised body of people), and
an actor without a profile → Thing, since nothing more is known.

Every node has an ``@id``: the absolute URL of its page (or anchor), so the
references between events, actors and articles connect into one graph.
:func:`graph` puts several nodes in one document; :func:`script_tag` makes the
``<script type="application/ld+json">`` element.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from markupsafe import Markup

from ..catalog import Catalog
from ..dates import DatePoint, EventDate
from ..model import UNPROFILED, Actor, ArticleRecord, Event
from ..views import Urls
from .common import absolute, dumps, event_sources, event_url, html_to_text, timestamp

CONTEXT = "https://schema.org"
ACTOR_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "country": "Country",
    "group": "Organization",
    UNPROFILED: "Thing",
}
ROLE_PROPERTIES = {"actor": "organizer", "participant": "attendee", "recipient": "about"}
WIKIDATA = "https://www.wikidata.org/wiki/"


def iso_date(point: DatePoint, *, end: bool = False) -> str:
    """A point as an ISO 8601 date at its precision; ``end`` gives the last year or
    month of a decade, century or season."""
    day = point.upper if end else point.lower
    if point.precision in ("century", "decade", "year"):
        return f"{day.year:04d}"
    if point.precision in ("season", "month"):
        return f"{day.year:04d}-{day.month:02d}"
    if point.precision == "day":
        return day.isoformat()
    zone = point.zone or ""
    if zone and zone != "Z" and ":" not in zone:  # "+0300" → "+03:00"
        zone = f"{zone[:3]}:{zone[3:] or '00'}"
    return f"{day.isoformat()}T{point.time}{zone}"


def date_range(value: EventDate) -> tuple[str | None, str | None]:
    """(startDate, endDate) for an event date; None where there is nothing to say."""
    if not value.is_interval:
        point = value.start
        if point.precision in ("century", "decade", "season"):
            return iso_date(point), iso_date(point, end=True)
        return iso_date(point), None
    start = iso_date(value.start) if value.start else None
    end = iso_date(value.end, end=True) if value.end else None
    if value.start is not None and value.end is not None and value.start.text == value.end.text:
        end = None
    return start, end


def actor_ref(actor: Actor, site_url: str, urls: Urls) -> dict:
    return {"@type": ACTOR_TYPES[actor.type], "@id": absolute(site_url, urls.actor(actor.id).url), "name": actor.name}


def event_ref(event: Event, catalog: Catalog, site_url: str, urls: Urls) -> dict:
    return {"@type": "Event", "@id": absolute(site_url, event_url(event, catalog, urls)), "name": event.title}


def event_ld(
    event: Event,
    catalog: Catalog,
    *,
    site_url: str,
    urls: Urls,
    article_urls: Mapping[str, str] | None = None,
) -> dict:
    """An ``Event`` node."""
    page = absolute(site_url, event_url(event, catalog, urls))
    data: dict = {"@context": CONTEXT, "@type": "Event", "@id": page, "name": event.title, "url": page}
    start, end = date_range(event.date)
    if start:
        data["startDate"] = start
    if end:
        data["endDate"] = end
    description = html_to_text(event.summary_html) or html_to_text(event.description_html)
    if description:
        data["description"] = description
    if event.location:
        data["location"] = {"@type": "Place", "name": event.location}
    for role in event.actors:
        actor = catalog.actors.get(role.id)
        if actor is not None:
            data.setdefault(ROLE_PROPERTIES.get(role.role, "attendee"), []).append(actor_ref(actor, site_url, urls))
    if event.tags:
        data["keywords"] = list(event.tags)
    sources = []
    for source in event_sources(event, catalog, site_url, article_urls):
        if source.kind == "article":
            node = {"@type": "NewsArticle", "headline": source.title}
            if source.url:
                node.update({"@id": source.url, "url": source.url})
        else:
            node = {"@type": "CreativeWork", "url": source.url}
            if source.title:
                node["name"] = source.title
        sources.append(node)
    if sources:
        data["subjectOf"] = sources
    return data


def actor_ld(actor: Actor, catalog: Catalog, *, site_url: str, urls: Urls) -> dict:
    """A ``Person``, ``Organization``, ``Country`` or ``Thing`` node."""
    page = absolute(site_url, urls.actor(actor.id).url)
    data: dict = {"@context": CONTEXT, "@type": ACTOR_TYPES[actor.type], "@id": page, "name": actor.name, "url": page}
    if actor.aliases:
        data["alternateName"] = list(actor.aliases)
    if actor.wikidata:
        data["sameAs"] = [WIKIDATA + actor.wikidata]
    description = html_to_text(actor.bio_html)
    if description:
        data["description"] = description
    others = [catalog.actors[a.id] for a in actor.affiliations if a.id in catalog.actors]
    if others and actor.type in ("person", "organization", "group"):
        # A person's employer or country, an organisation's parent body.
        key = "affiliation" if actor.type == "person" else "memberOf"
        data[key] = [actor_ref(other, site_url, urls) for other in dict.fromkeys(others)]
    return data


def article_ld(
    record: ArticleRecord,
    catalog: Catalog,
    *,
    site_url: str,
    urls: Urls,
    article_url: str | None,
) -> dict:
    """A ``NewsArticle`` node for an article page (``article_url`` is its site-relative URL)."""
    data: dict = {"@context": CONTEXT, "@type": "NewsArticle"}
    if article_url:
        page = absolute(site_url, article_url)
        data.update({"@id": page, "url": page, "mainEntityOfPage": page})
    data["headline"] = record.title
    data["datePublished"] = timestamp(record.date)
    data["dateModified"] = timestamp(record.modified or record.date)
    if record.dateline:
        data["dateline"] = record.dateline
    if record.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in record.authors]
    source = record.source
    if source is not None and source.name:
        outlet = {"@type": "Organization", "name": source.name}
        if source.url:
            outlet["url"] = source.url
        data["publisher"] = outlet
    based_on = []
    if source is not None and source.url:
        based_on.append(source.url)
    if source is not None and source.via is not None and source.via.url:
        based_on.append(source.via.url)
    if based_on:
        data["isBasedOn"] = list(dict.fromkeys(based_on))
    if record.tags:
        data["keywords"] = list(record.tags)
    events = catalog.events_by_article.get(record.origin.path, [])
    if events:
        data["about"] = [event_ref(e, catalog, site_url, urls) for e in events]
    mentioned = list(dict.fromkeys([*record.actor_ids, *(a for e in events for a in e.actor_ids)]))
    actors = [catalog.actors[a] for a in mentioned if a in catalog.actors]
    if actors:
        data["mentions"] = [actor_ref(a, site_url, urls) for a in actors]
    return data


def graph(nodes: Iterable[dict]) -> dict:
    """Several nodes in one document: ``{"@context": …, "@graph": [...]}``."""
    return {"@context": CONTEXT, "@graph": [{k: v for k, v in n.items() if k != "@context"} for n in nodes]}


def script_tag(data: dict) -> Markup:
    """``<script type="application/ld+json">…</script>``, ready to put in a template.

    The JSON escapes ``<``, ``>`` and ``&`` (and U+2028/U+2029) as ``\\uXXXX``,
    so no text in the data can close the element or open a comment. The result
    is ``Markup``, so Jinja's autoescape leaves it as it is.
    """
    return Markup(f'<script type="application/ld+json">{dumps(data)}</script>')


class WhenShown:
    """JSON-LD made only when a template shows it: ``make`` returns the data for :func:`script_tag`.

    Jinja asks for ``__html__``, as it would of ``Markup``. A page digest does not look
    inside (``unchanged_pages.py``): it is made from records that are in the page's values.
    """

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[], dict]) -> None:
        self._make = make

    def __html__(self) -> str:
        return script_tag(self._make())

    def __str__(self) -> str:
        return self.__html__()
