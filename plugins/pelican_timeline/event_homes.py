"""Where each event lives on the site: its anchor on the year page that lists it.

Year pages hold ``TIMELINE_PAGE_SIZE`` events each, in the timeline's order, so an
event late in a busy year lives on ``timeline/2017/page/2/``. Event cards, co-actor
links, JSON-LD and every export ask here, so they all link to the same place; the
table keeps one page number per event, and the address is made when asked for.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Callable, Iterable

from .catalog import Catalog
from .model import Event

YearUrl = Callable[[int, int], str]  # (year, page number) → the page's site-relative URL


class EventHomes:
    def __init__(self, events: Iterable[Event], year_url: YearUrl, page_size: int) -> None:
        self._year_url = year_url
        self._page: dict[str, int] = {}
        # A few hundred year pages serve tens of thousands of asks: each address made once.
        self._page_urls: dict[tuple[int, int], str] = {}
        seen: Counter[int] = Counter()
        for event in events:
            year = event.date.filed_under[0]
            self._page[event.id] = seen[year] // page_size + 1 if page_size > 0 else 1
            seen[year] += 1

    def url(self, event: Event) -> str:
        """The event's anchor on its year page; an event not listed gets its year's first page."""
        page = (event.date.filed_under[0], self._page.get(event.id, 1))
        address = self._page_urls.get(page)
        if address is None:
            address = self._page_urls[page] = self._year_url(*page)
        return f"{address}#{event.id}"


# One table per catalog and set of addresses, made on first use: a build asks for
# tens of thousands of event addresses, from pages and exports alike.
_tables: dict[int, tuple[weakref.ref, object, int, EventHomes]] = {}


def event_homes(catalog: Catalog, urls, page_size: int) -> EventHomes:
    """The table for ``catalog``; ``urls`` is a ``views.Urls``."""
    entry = _tables.get(id(catalog))
    if entry is None or entry[0]() is not catalog or entry[1] is not urls or entry[2] != page_size:
        if len(_tables) >= 8:
            _tables.clear()
        homes = EventHomes(catalog.events, lambda year, number: urls.year(year, number).url, page_size)
        entry = _tables[id(catalog)] = (weakref.ref(catalog), urls, page_size, homes)
    return entry[3]
