"""Writing the exports (``exports/``) into the output folder, at the paths the
TIMELINE_*_SAVE_AS settings give.

Feeds and calendars hold absolute links, so they are written only when
SITEURL is an absolute address (as ``publishconf.py`` sets it); the JSON,
TimelineJS and CSV files work with site-relative links and are always written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping

from .catalog import Catalog
from .exports.catalog_json import catalog_json_chunks, schema_text
from .exports.feeds import actor_feed, all_events_feed, type_feed
from .exports.ical import calendar_ics
from .exports.tables import event_actors_csv_chunks, events_csv_chunks
from .exports.timelinejs import timelinejs_chunks
from .process_copy import CopyFailed, done_apart_if
from .views import Urls

EXPORT_DEFAULTS = {
    "TIMELINE_JSON_SAVE_AS": "timeline.json",
    "TIMELINE_JSON_SCHEMA_SAVE_AS": "timeline.schema.json",
    "TIMELINE_TIMELINEJS_SAVE_AS": "timelinejs.json",
    "TIMELINE_EVENTS_CSV_SAVE_AS": "timeline/events.csv",
    "TIMELINE_EVENT_ACTORS_CSV_SAVE_AS": "timeline/event-actors.csv",
    "TIMELINE_ICS_SAVE_AS": "timeline/events.ics",
    "TIMELINE_ACTOR_ICS_SAVE_AS": "actors/{id}/events.ics",
    "TIMELINE_FEED_ALL_SAVE_AS": "feeds/timeline.atom.xml",
    "TIMELINE_FEED_ACTOR_SAVE_AS": "feeds/actors/{id}.atom.xml",
    "TIMELINE_FEED_TYPE_SAVE_AS": "feeds/types/{type}.atom.xml",
}


def absolute_site(settings: Mapping) -> str:
    site = str(settings.get("SITEURL") or "")
    return site if site.startswith(("http://", "https://")) else ""


def export_links(settings: Mapping) -> dict:
    """Site-relative paths of the exports, for templates to link to ("" when not written)."""
    with_site = bool(absolute_site(settings))
    return {
        "json": settings["TIMELINE_JSON_SAVE_AS"],
        "schema": settings["TIMELINE_JSON_SCHEMA_SAVE_AS"],
        "timelinejs": settings["TIMELINE_TIMELINEJS_SAVE_AS"],
        "events_csv": settings["TIMELINE_EVENTS_CSV_SAVE_AS"],
        "event_actors_csv": settings["TIMELINE_EVENT_ACTORS_CSV_SAVE_AS"],
        "ics": settings["TIMELINE_ICS_SAVE_AS"] if with_site else "",
        "feed": settings["TIMELINE_FEED_ALL_SAVE_AS"] if with_site else "",
        "actor_ics": settings["TIMELINE_ACTOR_ICS_SAVE_AS"] if with_site else "",
        "actor_feed": settings["TIMELINE_FEED_ACTOR_SAVE_AS"] if with_site else "",
        "type_feed": settings["TIMELINE_FEED_TYPE_SAVE_AS"] if with_site else "",
    }


def _write(output: str, relative: str, data: str | bytes | Iterable[str]) -> None:
    path = os.path.join(output, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, bytes):
        with open(path, "wb") as handle:
            handle.write(data)
    else:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.writelines([data] if isinstance(data, str) else data)


def write_exports(
    output: str, catalog: Catalog, settings: Mapping, urls: Urls, article_urls: Mapping[str, str]
) -> list[str]:
    """Write every export, each as soon as it is made (a big site has thousands of feeds
    and calendars: holding them all at once would cost memory for nothing); returns the
    paths written, relative to ``output``."""
    site = absolute_site(settings)
    name = str(settings.get("SITENAME") or "Timeline")
    common = {"site_url": site, "urls": urls, "article_urls": article_urls}
    written: list[str] = []

    def put(relative: str, data: str | bytes | Iterable[str]) -> None:
        _write(output, relative, data)
        written.append(relative)

    # The whole-catalog files are written as they are made, never held whole.
    put(settings["TIMELINE_JSON_SAVE_AS"], catalog_json_chunks(catalog, site_name=name, **common))
    put(settings["TIMELINE_JSON_SCHEMA_SAVE_AS"], schema_text())
    put(settings["TIMELINE_TIMELINEJS_SAVE_AS"], timelinejs_chunks(catalog, title=name, **common))
    put(settings["TIMELINE_EVENTS_CSV_SAVE_AS"], events_csv_chunks(catalog, **common))
    put(settings["TIMELINE_EVENT_ACTORS_CSV_SAVE_AS"], event_actors_csv_chunks(catalog))
    if site:
        put(
            settings["TIMELINE_ICS_SAVE_AS"],
            calendar_ics(catalog.events, catalog, name, site, urls, article_urls=article_urls),
        )
        put(
            settings["TIMELINE_FEED_ALL_SAVE_AS"],
            all_events_feed(catalog, site_name=name, feed_url=settings["TIMELINE_FEED_ALL_SAVE_AS"], **common),
        )
        for actor_id, events in catalog.events_by_actor.items():
            actor_name = catalog.actors[actor_id].name
            put(
                settings["TIMELINE_ACTOR_ICS_SAVE_AS"].format(id=actor_id),
                calendar_ics(events, catalog, f"{name}: {actor_name}", site, urls, article_urls=article_urls),
            )
            feed_path = settings["TIMELINE_FEED_ACTOR_SAVE_AS"].format(id=actor_id)
            put(feed_path, actor_feed(catalog, actor_id, site_name=name, feed_url=feed_path, **common))
        for kind in sorted({e.type for e in catalog.events}):
            feed_path = settings["TIMELINE_FEED_TYPE_SAVE_AS"].format(type=kind)
            put(feed_path, type_feed(catalog, kind, site_name=name, feed_url=feed_path, **common))
    return sorted(written)


# Below this many events the exports take less time than making a copy of the process saves.
APART_FROM = 2000


def start_exports(
    output: str, catalog: Catalog, settings: Mapping, urls: Urls, article_urls: Mapping[str, str]
) -> Callable[[], list[str]]:
    """Begin writing every export; returns a function that waits until they are written
    and gives their paths, as :func:`write_exports` does.

    A big site's exports take seconds and no page depends on them: a copy of this process
    (``process_copy.py``) writes them on a second processor while this one writes the pages.
    """

    def write() -> str:
        return "\0".join(write_exports(output, catalog, settings, urls, article_urls))

    finished = done_apart_if(len(catalog.events) >= APART_FROM, write)

    def written() -> list[str]:
        try:
            paths = finished()
        except CopyFailed as failure:
            raise RuntimeError(f"the timeline's exports could not be written: {failure}") from None
        return paths.split("\0") if paths else []

    return written
