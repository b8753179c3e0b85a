"""The whole catalog as one JSON document (``/timeline.json``), and its JSON Schema.

For researchers and scripts that want the data rather than the pages, and for
the site's own JavaScript. The document is described by
``timeline.schema.json`` (JSON Schema draft 2020-12), shipped next to this
module and published beside the data, so that a consumer can check what it
downloads.

Conventions: text fields are always strings (empty when absent); dates,
URLs and Wikidata ids are ``null`` when absent. Lists come in a stable order:
events chronologically (as on the timeline), actors and articles by id.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from ..catalog import Catalog
from ..model import Actor, ArticleRecord, Event
from ..views import Urls
from .common import absolute, event_sources, event_url, iso, qualifiers, timestamp
from .common import dumps as common_dumps

SCHEMA_FILE = Path(__file__).with_name("timeline.schema.json")
SCHEMA_NAME = "timeline.schema.json"


def catalog_document(
    catalog: Catalog, *, site_url: str, urls: Urls, article_urls: Mapping[str, str], site_name: str
) -> dict:
    """The document as Python data; :func:`catalog_json` serialises it."""
    return {
        key: list(value) if isinstance(value, Iterator) else value
        for key, value in _sections(catalog, site_url, urls, article_urls, site_name)
    }


def catalog_json(
    catalog: Catalog, *, site_url: str, urls: Urls, article_urls: Mapping[str, str], site_name: str
) -> str:
    """``/timeline.json``: UTF-8 text, one event, actor or article per line."""
    return "".join(
        catalog_json_chunks(catalog, site_url=site_url, urls=urls, article_urls=article_urls, site_name=site_name)
    )


def catalog_json_chunks(
    catalog: Catalog, *, site_url: str, urls: Urls, article_urls: Mapping[str, str], site_name: str
) -> Iterator[str]:
    """:func:`catalog_json` a line at a time, each entry made only when its line is due:
    a site of tens of thousands of events never holds the whole document."""

    def dumps(value: object) -> str:
        return common_dumps(value, script_safe=False)

    yield "{"
    separator = "\n"
    for key, value in _sections(catalog, site_url, urls, article_urls, site_name):
        if not isinstance(value, Iterator):
            yield f"{separator}{dumps(key)}:{dumps(value)}"
        else:
            yield f"{separator}{dumps(key)}:["
            opened = False
            for item in value:
                yield ("," if opened else "") + "\n" + dumps(item)
                opened = True
            yield "\n]" if opened else "]"
        separator = ",\n"
    yield "\n}\n"


def _sections(
    catalog: Catalog, site_url: str, urls: Urls, article_urls: Mapping[str, str], site_name: str
) -> Iterator[tuple[str, object]]:
    """The document's keys in order, each with its value; lists come as iterators, made lazily."""
    article_ids = _article_ids(catalog, article_urls)
    yield "$schema", absolute(site_url, SCHEMA_NAME)
    yield "site", {"name": site_name, "url": site_url or None}
    yield "events", (_event(e, catalog, site_url, urls, article_urls) for e in catalog.events)
    yield "actors", (_actor(catalog.actors[a], catalog, site_url, urls) for a in sorted(catalog.actors))
    yield (
        "articles",
        (
            _article(catalog.articles[path], article_id, catalog, site_url, article_urls)
            for article_id, path in sorted((article_id, path) for path, article_id in article_ids.items())
        ),
    )


@cache
def schema_text() -> str:
    """The schema as shipped, to publish next to the data (``/timeline.schema.json``)."""
    return SCHEMA_FILE.read_text(encoding="utf-8")


def load_schema(site_url: str = "") -> dict:
    """The schema as data; with a site URL, its ``$id`` is where the site publishes it."""
    schema = json.loads(schema_text())
    if site_url:
        schema = {"$schema": schema["$schema"], "$id": absolute(site_url, SCHEMA_NAME), **schema}
    return schema


def _event(event: Event, catalog: Catalog, site_url: str, urls: Urls, article_urls: Mapping[str, str]) -> dict:
    value = event.date
    return {
        "id": event.id,
        "edtf": value.text,
        "display": value.display(),
        "lower": iso(value.lower),
        "upper": iso(value.upper),
        "precision": value.precision,
        "qualifiers": qualifiers(value),
        "title": event.title,
        "type": event.type,
        "actors": [{"id": role.id, "role": role.role} for role in event.actors],
        "location": event.location,
        "summary_html": event.summary_html,
        "description_html": event.description_html,
        "date_text": event.date_text,
        "tags": list(event.tags),
        "url": absolute(site_url, event_url(event, catalog, urls)),
        "sources": [
            {"url": s.url, "title": s.title, "kind": s.kind}
            for s in event_sources(event, catalog, site_url, article_urls)
        ],
    }


def _actor(actor: Actor, catalog: Catalog, site_url: str, urls: Urls) -> dict:
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "aliases": list(actor.aliases),
        "wikidata": actor.wikidata or None,
        "has_profile": actor.has_profile,
        "url": absolute(site_url, urls.actor(actor.id).url),
        "event_count": len(catalog.events_by_actor.get(actor.id, ())),
    }


def _article(
    record: ArticleRecord, article_id: str, catalog: Catalog, site_url: str, article_urls: Mapping[str, str]
) -> dict:
    path = article_urls.get(record.origin.path)
    source = record.source
    via = source.via if source else None
    events = catalog.events_by_article.get(record.origin.path, ())
    return {
        "id": article_id,
        "title": record.title,
        "published": timestamp(record.date),
        "modified": timestamp(record.modified) if record.modified else None,
        "url": absolute(site_url, path) if path else None,
        "source": {
            "name": source.name if source else "",
            "url": (source.url or None) if source else None,
            "via": {"name": via.title, "url": via.url or None} if via else None,
        },
        "dateline": record.dateline,
        "authors": list(record.authors),
        "tags": list(record.tags),
        "actor_ids": list(record.actor_ids),
        "event_ids": [e.id for e in events],
    }


def _article_ids(catalog: Catalog, article_urls: Mapping[str, str]) -> dict[str, str]:
    """Source path → a short, unique id: the slug, as the article's address shows it."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for path in sorted(catalog.articles):
        record = catalog.articles[path]
        base = record.slug or _slug_from_url(article_urls.get(path, "")) or Path(path).stem
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        ids[path] = candidate
    return ids


def _slug_from_url(url: str) -> str:
    """ "articles/some-slug/" → "some-slug"; "2017/some-slug.html" → "some-slug"."""
    segments = [s for s in urlsplit(url).path.split("/") if s and s != "index.html"]
    if not segments:
        return ""
    last = segments[-1]
    return last.rsplit(".", 1)[0] if last.endswith((".html", ".htm")) else last
