"""The catalog in other formats, for readers, tools and machines.

Every export is a pure function of the catalog: it takes the catalog and the
addresses it needs (the site URL, the ``views.Urls`` of the timeline pages,
the articles' site-relative URLs by source path, a site name) and returns the
file's text or bytes. Nothing here writes files, reads the clock or imports
Pelican, and every list comes in a fixed order, so two builds of the same
content give byte-identical files.

``catalog_json``
    ``/timeline.json``: every event, actor and article as JSON, with
    ``timeline.schema.json`` (JSON Schema 2020-12) to check it. For
    researchers, scripts and the site's own JavaScript.
``timelinejs``
    The events in Knight Lab's TimelineJS 3 format, for the interactive
    timeline view; all text is escaped for TimelineJS's HTML rendering.
``tables``
    CSV tables (RFC 4180): one row per event, and one per event-actor pair,
    for spreadsheets, statistics and network tools; cells that a spreadsheet
    would run as formulas are neutralised.
``ical``
    An iCalendar (``.ics``) file of events, for calendar programs; dates keep
    their precision as all-day spans.
``feeds``
    Atom feeds of events (all, per actor, per event type), for feed readers.
``jsonld``
    schema.org JSON-LD nodes (Event, Person/Organization/Country,
    NewsArticle) and the ``<script>`` element that carries them, for search
    engines and linked-data tools.
``common``
    What they share: absolute addresses, event page locations, sources,
    HTML to plain text, ISO dates, script-safe JSON.

``OUTPUT_PATHS`` suggests where each file goes, relative to the output folder
(and so to the site URL).
"""

OUTPUT_PATHS = {
    "TIMELINE_JSON": "timeline.json",
    "TIMELINE_JSON_SCHEMA": "timeline.schema.json",
    "TIMELINE_TIMELINEJS": "timeline/timelinejs.json",
    "TIMELINE_EVENTS_CSV": "timeline/events.csv",
    "TIMELINE_EVENT_ACTORS_CSV": "timeline/event-actors.csv",
    "TIMELINE_ICS": "timeline/events.ics",
    "TIMELINE_FEED_ALL_ATOM": "feeds/timeline.atom.xml",
    "TIMELINE_FEED_ACTOR_ATOM": "feeds/actors/{id}.atom.xml",
    "TIMELINE_FEED_TYPE_ATOM": "feeds/types/{type}.atom.xml",
}
