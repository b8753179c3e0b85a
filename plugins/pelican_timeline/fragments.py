"""Rendering shared pieces of the timeline pages once, not once per page.

An event appears on the whole timeline, its year page, its type and tag pages
and the pages of each of its actors; an article on the page of each actor it
names; a month's heading in every listing that reaches that month; the year
navigation, filter controls and overall chart on every timeline page. They are
rendered once with a placeholder where the site's URL goes, and each page puts
its own (relative) site URL in when it is written — the same HTML, for a
fraction of the template work. The pieces whose number grows with the content (one
per event, one per article) wait in a file until they are shown again
(``spilled_text.py``); the rest are kept in memory.
"""

from __future__ import annotations

from collections import ChainMap

from markupsafe import Markup

from .spilled_text import SpilledText
from .views import EventList

PLACEHOLDER = "@@TIMELINE_SITEURL@@"
# The level of event titles is the same for every event on a page, so one copy of
# each event serves every page: the page puts its level in when it is written.
LEVEL = "@@TIMELINE_LEVEL@@"


class Fragments:
    """Cached HTML of events, articles, month headings, year navigation, filters and charts,
    for one build; each keyed by everything its HTML shows."""

    def __init__(self, get_template, context: dict, spill_folder: str | None = None) -> None:
        self._get_template = get_template
        self._context = context
        self._cache: dict[tuple, Markup] = {}
        # Handles into the file (in ``spill_folder``; None keeps them in memory), for the
        # pieces whose number grows with the content: events by id, articles by path.
        self._events: dict[str, int] = {}
        self._articles: dict[str, int] = {}
        self._text = SpilledText(spill_folder)
        self.level = 4
        self._placeholder = {"SITEURL": PLACEHOLDER}

    def _render_new(self, template: str, values: dict) -> str:
        # Tens of thousands of pieces are rendered: copying Pelican's whole context
        # (every setting) for each, as ``Template.render`` does, cost more than the piece.
        # A chained view sees the context as it is at the time, and copies nothing.
        compiled = self._get_template(template)
        context = compiled.new_context(ChainMap(self._placeholder, self._context, compiled.globals), shared=True)
        context.vars.update(values)
        try:
            return compiled.environment.concat(compiled.root_render_func(context))
        except Exception:
            compiled.environment.handle_exception()  # raises, pointing at the template's line

    def _render(self, key: tuple, template: str, **values) -> Markup:
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = Markup(self._render_new(template, values))
        return cached

    def _render_spilled(self, handles: dict[str, int], key: str, template: str, **values) -> str:
        handle = handles.get(key)
        if handle is None:
            html = self._render_new(template, values)
            handles[key] = self._text.put(html)
            return html
        return self._text.get(handle)

    def close(self) -> None:
        """Let the file go; called once the site is written."""
        self._text.close()
        self._events.clear()
        self._articles.clear()

    def _event(self, view) -> str:
        return self._render_spilled(self._events, view.event.id, "timeline/_event", view=view, event_heading=LEVEL)

    def _event_of(self, event, views) -> str:
        """An event of an :class:`~.views.EventList`: its view is made only if it was not rendered yet."""
        handle = self._events.get(event.id)
        return self._text.get(handle) if handle is not None else self._event(views.builder.event(event))

    def events(self, views, level: int) -> Markup:
        """A month's events (an ``EventList``, or any views), joined here rather than one by one in the template."""
        self.level = level
        if isinstance(views, EventList):
            return Markup("".join([self._event_of(event, views) for event in views.events]))
        return Markup("".join([self._event(view) for view in views]))

    def event_at(self, view, level: int, site_url: str) -> Markup:
        """The event as it stands on a page written by Pelican's own writer (an
        article's page), which has no :meth:`finish` step: its site URL and level go in now."""
        return Markup(self._event(view).replace(PLACEHOLDER, site_url).replace(LEVEL, str(level)))

    def finish(self, html: str, site_url: str) -> str:
        """A written page with its site URL and event-title level put in."""
        html = html.replace(PLACEHOLDER, site_url)
        return html.replace(LEVEL, str(self.level)) if LEVEL in html else html

    def articles(self, entries) -> Markup:
        """An actor page's list of articles: each article is listed the same way on
        the page of every actor it names."""
        return Markup(
            "".join(
                [
                    self._render_spilled(
                        self._articles, entry.record.origin.path, "timeline/_article_entry", entry=entry
                    )
                    for entry in entries
                ]
            )
        )

    def month_heading(self, month, level: int) -> Markup:
        return self._render(
            ("month", month.key, month.label, month.continued, level),
            "timeline/_month_heading",
            month=month,
            level=level,
        )

    def year_nav(self, current_year: int | None) -> Markup:
        """The list of years, which differs between pages only in the year marked current."""
        return self._render(("years", current_year), "timeline/_year_nav", current_year=current_year)

    def filters(self) -> Markup:
        return self._render(("filters",), "timeline/_filters")

    def chart(self, chart, key: str) -> Markup:
        return self._render(("chart", key), "timeline/_density", chart=chart) if chart else Markup("")
