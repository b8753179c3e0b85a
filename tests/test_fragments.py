"""Pieces that many pages share are rendered once, and each page still gets its own links."""

from __future__ import annotations

import gc
from types import SimpleNamespace

from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader
from pelican import signals

from pelican_timeline import views
from pelican_timeline.fragments import PLACEHOLDER, Fragments
from pelican_timeline.generator import TEMPLATES
from sitekit import actor_file, event_file

ARTICLE = """
---
title: Ministers <meet> in Manila
date: 2017-08-06
source: {name: "Outlet & Co", url: "https://example.org/a"}
actors: [lavrov, tillerson]
events:
  - date: 2017-08-06
    title: The meeting
    type: consult
    actors: [lavrov, tillerson]
---
Body.
"""


class CountingTemplates:
    """Stands in for the generator's ``get_template``: Jinja templates that count their renders
    (through a global, as a theme's templates may use the environment's globals)."""

    def __init__(self) -> None:
        self.renders: dict[str, int] = {}
        self._environment = Environment(autoescape=True)
        self._environment.globals["counted"] = self._count

    def _count(self, name: str) -> str:
        self.renders[name] = self.renders.get(name, 0) + 1
        return ""

    def __call__(self, name: str):
        shown = "{{ SITENAME }} {{ SITEURL }} {{ current_year }} {{ level }}"
        return self._environment.from_string(f"{{{{ counted('{name}') }}}}<{name} {shown}>")


def test_each_shared_piece_is_rendered_once_per_distinct_value():
    templates = CountingTemplates()
    context = {}
    fragments = Fragments(templates, context)
    context["SITENAME"] = "Set & later"  # Pelican's context as it is when a piece is rendered
    record = SimpleNamespace(origin=SimpleNamespace(path="articles/a.md"))
    other = SimpleNamespace(origin=SimpleNamespace(path="articles/b.md"))
    entries = [SimpleNamespace(record=record), SimpleNamespace(record=other)]
    first = fragments.articles(entries)
    assert fragments.articles(entries[:1]) + fragments.articles(entries[1:]) == first
    assert PLACEHOLDER in first  # each page puts its own site URL in
    assert "Set &amp; later" in first
    month = SimpleNamespace(key="2017-08", label="August 2017", continued=False)
    carried = SimpleNamespace(key="2017-08", label="August 2017", continued=True)
    headings = [fragments.month_heading(m, level) for m in (month, carried, month) for level in (3, 4, 3)]
    assert headings[0] == headings[2] == headings[6] != headings[1]
    navs = [fragments.year_nav(year) for year in (2017, None, 2017, 2016)]
    assert navs[0] == navs[2] and len({navs[0], navs[1], navs[3]}) == 3
    assert templates.renders == {"timeline/_article_entry": 2, "timeline/_month_heading": 4, "timeline/_year_nav": 3}


def test_an_article_listed_on_several_actor_pages_links_from_each(make_site):
    files = {
        "actors/lavrov.md": actor_file("Sergey Lavrov"),
        "actors/tillerson.md": actor_file("Rex Tillerson"),
        "articles/meeting.md": ARTICLE,
    }
    for site_url, expected in (("", "../../articles/ministers-in-manila/"), ("https://example.org/t", None)):
        site = make_site(files, name=f"site{len(site_url)}", SITEURL=site_url, RELATIVE_URLS=not site_url)
        for actor in ("lavrov", "tillerson"):
            item = site.html(f"actors/{actor}/").select_one(".article-list li")
            link = item.select_one("a")
            assert link.get_text() == "Ministers <meet> in Manila"  # escaped once, shown as written
            assert link["href"] == (expected or f"{site_url}/articles/ministers-in-manila/")
            assert item.select_one(".outlet").get_text() == "(Outlet & Co)"
            assert item.select_one("time")["datetime"].startswith("2017-08-06")
            assert "@@" not in (site.output / "actors" / actor / "index.html").read_text(encoding="utf-8")


def test_year_navigation_marks_each_page_own_year_and_the_index_keeps_its_own(make_site):
    site = make_site(
        {
            "events/a.md": event_file("2016-03-01", "Spring 2016 event"),
            "events/b.md": event_file("2017-08-05", "Summer 2017 event"),
        }
    )
    current = {
        url: [a.get_text(" ", strip=True) for a in site.html(url).select(".year-nav a[aria-current=page]")]
        for url in ("timeline/", "timeline/2016/", "timeline/2017/")
    }
    assert current == {"timeline/": ["All years"], "timeline/2016/": ["2016 (1)"], "timeline/2017/": ["2017 (1)"]}
    hrefs = [a["href"] for a in site.html("timeline/2016/").select(".year-nav a")]
    assert hrefs == ["../../timeline/", "../../timeline/2016/", "../../timeline/2017/"]


HOSTILE = '<script>alert("x")</script> & "quoted"'


def test_the_shared_templates_escape_every_field_even_where_the_site_turns_escaping_off():
    # Pelican's own pages (index.html includes the year navigation) are rendered with the
    # site's Jinja settings, which may turn autoescaping off.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, trim_blocks=True, lstrip_blocks=True)
    event = SimpleNamespace(
        type="statement",
        id="e-1",
        title=HOSTILE,
        location=HOSTILE,
        summary_html="",
        description_html="",
        date_text=HOSTILE,
    )
    view = SimpleNamespace(
        event=event,
        filter_year=2017,
        filter_actors=HOSTILE,
        filter_tags=HOSTILE,
        date=[("2017-08-05", HOSTILE)],
        url="timeline/2017/#e-1",
        type_label=HOSTILE,
        actors=[SimpleNamespace(url="actors/a/", actor=SimpleNamespace(name=HOSTILE), role=HOSTILE)],
        tags=[SimpleNamespace(url="tags/t/", label=HOSTILE)],
        sources=[SimpleNamespace(internal=False, url="https://example.org/?a=1&b=2", title=HOSTILE, outlet="")],
    )
    option = {"id": HOSTILE, "name": HOSTILE, "url": "x/?a&b", "count": 1}
    pages = [SimpleNamespace(url="t/?a&b")] * 2
    rendered = {
        "_event": env.get_template("timeline/_event.html").render(view=view, SITEURL=""),
        "_filters": env.get_template("timeline/_filters.html").render(
            timeline_filters={"actors": [option], "types": [option], "tags": [option]}, SITEURL=""
        ),
        "_pagination": env.get_template("timeline/_pagination.html").render(
            page=SimpleNamespace(title=HOSTILE, pages=pages, number=1, previous=None, next=pages[1]), SITEURL=""
        ),
        "_year_nav": env.get_template("timeline/_year_nav.html").render(
            timeline_years=[SimpleNamespace(url="y/?a&b", year=2017, count=1)], TIMELINE_INDEX_URL="t/?a&b", SITEURL=""
        ),
    }
    for name, html in rendered.items():
        assert "<script>" not in html and "?a&b" not in html, name
    card = BeautifulSoup(rendered["_event"], "html.parser")
    assert card.select_one(".event-title a").get_text() == HOSTILE
    assert card.select_one("li.event")["data-actors"] == HOSTILE
    assert card.select_one(".event-sources a")["href"] == "https://example.org/?a=1&b=2"
    assert [
        o.get_text() for o in BeautifulSoup(rendered["_filters"], "html.parser").select("#filter_actor option")
    ] == [
        "All actors",
        f"{HOSTILE} (1)",
    ]
    assert (
        BeautifulSoup(rendered["_pagination"], "html.parser").select_one("nav")["aria-label"] == f"Pages of {HOSTILE}"
    )


def test_an_events_view_is_made_only_to_render_it_and_is_not_kept(make_site, monkeypatch):
    made: list[str] = []
    real = views.ViewBuilder.event

    def counted(self, event):
        made.append(event.id)
        return real(self, event)

    monkeypatch.setattr(views.ViewBuilder, "event", counted)
    alive: list[int] = []

    def count_views(_pelican) -> None:  # at the build's end, with all it made still alive
        gc.unfreeze()  # what the build set aside (heap.py) is hidden from get_objects
        alive.append(sum(isinstance(o, views.EventView) for o in gc.get_objects()))
        gc.freeze()

    signals.finalized.connect(count_views)
    try:
        site = make_site(
            {
                "actors/lavrov.md": actor_file("Sergey Lavrov"),
                "actors/tillerson.md": actor_file("Rex Tillerson"),
                "articles/meeting.md": ARTICLE,
                "events/later.md": event_file("2017-09-01", "A later statement", actors="[lavrov]"),
            }
        )
    finally:
        signals.finalized.disconnect(count_views)
    assert site.error is None
    # Each event is shown on its article's page or the timeline, its year, type and actor
    # pages, and its view is made once: to render it the first time.
    assert sorted(made) == sorted(e.id for e in site.catalog.events)
    for page in ("timeline/", "timeline/2017/", "actors/lavrov/"):
        assert [li["data-event"] for li in site.html(page).select("li.event")] == [e.id for e in site.catalog.events]
    assert alive == [0]
