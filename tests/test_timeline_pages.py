"""The timeline: event order, grouping, precision, per-year pages, anchors."""

from __future__ import annotations

from itertools import pairwise

from sitekit import actor_file, event_file, event_ids

ARTICLE_REPORTING_OLD_EVENTS = """
---
title: A retrospective published late
date: 2020-01-15T09:00:00+00:00
source:
  name: Example Wire
  url: https://wire.example.org/retrospective
actors: [north-korea]
events:
  - date: 2006-10-09
    title: First nuclear test
    type: threaten
    actors: [{id: north-korea, role: actor}]
    location: Punggye-ri
  - date: 2017-08
    title: A month-only event
    type: statement
    actors: [north-korea]
    date_text: in August
---
Body.
"""


def test_events_are_ordered_by_when_they_happened_not_when_published(make_site):
    site = make_site(
        {
            "articles/late.md": ARTICLE_REPORTING_OLD_EVENTS,
            "events/early.md": event_file("2003-08-27/2003-08-29", "Six-party talks open"),
            "events/day.md": event_file("2017-08-05", "A day in August"),
            "actors/north-korea.md": actor_file("North Korea", "country"),
        }
    )
    assert site.error is None
    ids = event_ids(site.html("timeline/"))
    assert ids == [
        "2003-08-27-to-2003-08-29-six-party-talks-open",
        "2006-10-09-first-nuclear-test",
        "2017-08-a-month-only-event",
        "2017-08-05-a-day-in-august",
    ]


def test_events_are_grouped_under_year_and_month_headings(make_site):
    site = make_site(
        {
            "events/a.md": event_file("2017", "Known only to the year"),
            "events/b.md": event_file("2017-08", "Known to the month"),
            "events/c.md": event_file("2017-08-05", "Known to the day"),
            "events/d.md": event_file("2018-01-02", "Next year"),
        }
    )
    page = site.html("timeline/")
    years = page.select("section.timeline-year")
    assert [y.h2.get_text(strip=True) for y in years] == ["2017", "2018"]
    months_2017 = [h.get_text(strip=True) for h in years[0].select("h3")]
    assert months_2017 == ["2017, month not known", "August 2017"]
    august = years[0].select("section.timeline-month")[1]
    assert [li.select_one(".event-title").get_text(strip=True) for li in august.select("li.event")] == [
        "Known to the month",
        "Known to the day",
    ]


def test_dates_show_their_precision_and_ranges_show_both_ends(make_site):
    site = make_site(
        {
            "events/a.md": event_file("2017-07", "Month"),
            "events/b.md": event_file("2017-08~", "Approximate"),
            "events/c.md": event_file("2017-08-05?", "Uncertain"),
            "events/d.md": event_file("2017-08-01/2017-08-07", "Range"),
        }
    )
    page = site.html("timeline/")
    shown = {
        li.select_one(".event-title").get_text(strip=True): (
            li.select_one(".event-date").get_text(),
            [t["datetime"] for t in li.select(".event-date time")],
        )
        for li in page.select("li.event")
    }
    assert shown == {
        "Month": ("July 2017", ["2017-07"]),
        "Approximate": ("c. August 2017", ["2017-08"]),
        "Uncertain": ("5 Aug 2017?", ["2017-08-05"]),
        "Range": ("1–7 Aug 2017", ["2017-08-01", "2017-08-07"]),
    }


def test_each_event_shows_type_actors_location_summary_and_sources(make_site):
    site = make_site(
        {
            "articles/late.md": ARTICLE_REPORTING_OLD_EVENTS,
            "actors/north-korea.md": actor_file("North Korea", "country"),
        }
    )
    page = site.html("timeline/")
    event = page.find(id="2006-10-09-first-nuclear-test").find_parent("li")
    assert event.select_one(".event-type").get_text(" ", strip=True) == "Type: Threaten"
    actor_link = event.select_one(".event-actors a")
    assert (actor_link.get_text(), actor_link["href"]) == ("North Korea", "../actors/north-korea/")
    assert event.select_one(".event-location").get_text(" ", strip=True) == "Location: Punggye-ri"
    sources = [(a.get_text(strip=True), a["href"]) for a in event.select(".event-sources a")]
    assert sources == [("A retrospective published late", "../articles/a-retrospective-published-late/")]
    month_event = page.find(id="2017-08-a-month-only-event").find_parent("li")
    assert month_event.select_one(".event-date-text").get_text(" ", strip=True) == "Date given as: “in August”"


def test_external_sources_are_listed_after_the_article(make_site):
    extra = "sources:\n  - https://example.org/report\n  - {url: 'https://example.org/b', title: The B report}\n"
    site = make_site({"events/a.md": event_file("2017-08-05", "Sourced", extra=extra)})
    event = site.html("timeline/").select_one("li.event")
    assert [(a.get_text(), a["href"]) for a in event.select(".event-sources a")] == [
        ("https://example.org/report", "https://example.org/report"),
        ("The B report", "https://example.org/b"),
    ]
    assert all("noopener" in a["rel"] for a in event.select(".event-sources a"))


def test_year_pages_hold_only_their_year_and_link_to_each_other(make_site):
    site = make_site(
        {
            "events/a.md": event_file("2016-03-01", "Spring 2016 event"),
            "events/b.md": event_file("2017-08-05", "Summer 2017 event"),
            "events/c.md": event_file("2017-09-01", "Autumn 2017 event"),
        }
    )
    page_2017 = site.html("timeline/2017/")
    assert event_ids(page_2017) == ["2017-08-05-summer-2017-event", "2017-09-01-autumn-2017-event"]
    nav = [(a.get_text(" ", strip=True), a["href"], a.get("aria-current")) for a in page_2017.select(".year-nav a")]
    assert nav == [
        ("All years", "../../timeline/", None),
        ("2016 (1)", "../../timeline/2016/", None),
        ("2017 (2)", "../../timeline/2017/", "page"),
    ]
    assert event_ids(site.html("timeline/2016/")) == ["2016-03-01-spring-2016-event"]


def test_event_titles_link_to_their_stable_anchor_on_the_year_page(make_site):
    site = make_site({"events/a.md": event_file("2017-08-05", "Anchored", extra="id: my-stable-id\n")})
    link = site.html("timeline/").select_one("#my-stable-id a")
    assert link["href"] == "../timeline/2017/#my-stable-id"
    assert site.html("timeline/2017/").find(id="my-stable-id") is not None


def test_long_timelines_are_split_into_pages_without_losing_or_repeating_events(make_site):
    files = {
        f"events/e{n:03d}.md": event_file(f"2017-{1 + n % 12:02d}-{1 + n % 28:02d}", f"Event {n}") for n in range(25)
    }
    site = make_site(files, TIMELINE_PAGE_SIZE=10)
    pages = [site.html("timeline/"), site.html("timeline/page/2/"), site.html("timeline/page/3/")]
    seen = [i for page in pages for i in event_ids(page)]
    assert len(seen) == 25 and len(set(seen)) == 25
    assert [len(event_ids(p)) for p in pages] == [10, 10, 5]
    assert seen == [e.id for e in site.catalog.events]
    nav = pages[1].select_one("nav.pagination")
    assert nav.select_one("a[rel=prev]")["href"] == "../../../timeline/"
    assert nav.select_one("a[rel=next]")["href"] == "../../../timeline/page/3/"
    assert nav.select_one("[aria-current=page]").get_text() == "2"
    # Events in the middle of a month carry the month heading over, marked as continued.
    continued = [h.get_text(" ", strip=True) for h in pages[1].select("h3") if h.select_one(".continued")]
    assert len(continued) <= 1


def test_timeline_html_is_semantic(make_site):
    site = make_site({"events/a.md": event_file("2017-08-05", "Semantic")})
    page = site.html("timeline/")
    assert page.find("main") is not None and page.find("nav", attrs={"aria-label": "Main"}) is not None
    levels = [int(h.name[1]) for h in page.find("main").find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in pairwise(levels)), levels
    assert page.select_one("ol.events > li.event > article") is not None
    assert page.html["lang"] == "en"


def test_derived_ids_keep_qualifiers_so_certain_and_uncertain_events_differ(make_site):
    site = make_site(
        {
            "events/a.md": event_file("2017-08-05", "Same title"),
            "events/b.md": event_file("2017-08-05?", "Same title"),
        }
    )
    assert site.error is None
    assert event_ids(site.html("timeline/")) == ["2017-08-05-same-title", "2017-08-05-uncertain-same-title"]


def test_an_event_with_summary_and_description_shows_both(make_site):
    extra = "summary: The short version.\ntags: [nuclear]\n"
    site = make_site({"events/a.md": event_file("2017-08-05", "Detailed", extra=extra)})
    event = site.html("timeline/").select_one("li.event")
    assert event.select_one(".event-summary").get_text(strip=True) == "The short version."
    details = event.select_one("details.event-description")
    assert details.summary.get_text() == "More about this event"
    assert "Description of Detailed." in details.get_text()
    assert [li.get_text() for li in event.select(".event-tags li")] == ["nuclear"]
