"""Atom feeds, read back with feedparser as a feed reader would."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime

import feedparser
import pytest
from bs4 import BeautifulSoup

from export_helpers import DATES, HOSTILE, HOSTILE_TITLE, SITE_NAME, SITE_URL, build, sample_site
from pelican_timeline.exports.common import event_url
from pelican_timeline.exports.feeds import (
    EMPTY_FEED_DATE,
    FEED_PATHS,
    actor_feed,
    all_events_feed,
    atom_feed,
    timeline_feeds,
    type_feed,
)
from pelican_timeline.plugin import DEFAULTS
from pelican_timeline.views import Urls
from sitekit import actor_file, event_file


def parse(text: str):
    feed = feedparser.parse(text)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def moment(parsed) -> datetime:
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC)


def test_the_whole_timeline_feed_has_every_event_newest_first(tmp_path):
    built = build(tmp_path, {**DATES, **HOSTILE})
    feed = parse(all_events_feed(built.catalog, site_name=SITE_NAME, **built.common))
    assert feed.feed.title == SITE_NAME
    assert feed.feed.link == f"{SITE_URL}/timeline/"
    assert feed.feed.id == f"{SITE_URL}/{FEED_PATHS['all']}"
    assert feed.feed.author == SITE_NAME
    assert [e.id for e in feed.entries] == [
        f"{SITE_URL}/timeline/{e.date.anchor.lower.year}/#{e.id}" for e in reversed(built.catalog.events)
    ]
    described = {e.title.split(": ", 1)[1]: e.content[0].value for e in feed.entries}
    assert described["day"].startswith("<p>Description of day.</p>")
    dates = [moment(e.published_parsed) for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert moment(feed.feed.updated_parsed) == dates[0]


def test_entry_dates_are_the_event_bounds(tmp_path):
    built = build(tmp_path, DATES)
    feed = parse(all_events_feed(built.catalog, site_name=SITE_NAME, **built.common))
    entries = {e.title.split(": ", 1)[1]: e for e in feed.entries}
    for event in built.catalog.events:
        entry = entries[event.title]
        if event.date.anchor.time is None:
            expected = datetime.combine(event.date.lower or event.date.upper, datetime.min.time(), UTC)
        else:
            expected = {
                "timed with offset": datetime(2017, 8, 5, 13, 34, tzinfo=UTC),
                "timed in UTC": datetime(2017, 8, 6, 8, 30, tzinfo=UTC),
                "timed without zone": datetime(2017, 8, 7, 9, 15, tzinfo=UTC),
                "timed range": datetime(2017, 8, 8, 9, 0, tzinfo=UTC),
            }[event.title]
        assert moment(entry.published_parsed) == expected, event.title
        assert moment(entry.updated_parsed) == expected, event.title
    assert moment(entries["open start"].published_parsed) == datetime(2017, 10, 3, tzinfo=UTC)


def test_entry_links_are_absolute_and_point_at_the_event_anchor(tmp_path):
    built = build(tmp_path, HOSTILE)
    feed = parse(all_events_feed(built.catalog, site_name=SITE_NAME, **built.common))
    for entry, event in zip(feed.entries, reversed(built.catalog.events), strict=True):
        assert entry.link == f"{SITE_URL}/timeline/2017/#{event.id}"
        assert entry.title == f"{event.date.display()}: {' '.join(event.title.split())}"
        assert [t.term for t in entry.tags] == [event.type.capitalize()]


def test_per_actor_and_per_type_feeds_hold_their_events(tmp_path):
    built = build(tmp_path, {**DATES, **HOSTILE})
    catalog = built.catalog
    feeds = timeline_feeds(catalog, site_name=SITE_NAME, **built.common)
    types = sorted({e.type for e in catalog.events})
    assert set(feeds) == {
        FEED_PATHS["all"],
        *(FEED_PATHS["actor"].format(id=a) for a in catalog.actors),
        *(FEED_PATHS["type"].format(type=t) for t in types),
    }
    for actor_id, actor in catalog.actors.items():
        feed = parse(feeds[f"feeds/actors/{actor_id}.atom.xml"])
        events = catalog.events_by_actor.get(actor_id, [])
        assert len(feed.entries) == len(events)
        assert {e.link for e in feed.entries} == {f"{SITE_URL}/{event_url(e, catalog, built.urls)}" for e in events}
        assert feed.feed.title == f"{actor.name} — {SITE_NAME}"
        assert feed.feed.link == f"{SITE_URL}/actors/{actor_id}/"
    assert len(parse(feeds["feeds/types/sanction.atom.xml"]).entries) == 1
    assert len(parse(feeds["feeds/types/statement.atom.xml"]).entries) == len(DATES) + 1
    assert sum(len(parse(feeds[f"feeds/types/{t}.atom.xml"]).entries) for t in types) == len(catalog.events)


def test_hostile_content_is_escaped_in_entries(tmp_path):
    built = build(tmp_path, HOSTILE)
    text = actor_feed(built.catalog, "evil-org", site_name=SITE_NAME, **built.common)
    feed = parse(text)
    assert feed.feed.title == '<img src=x onerror=alert(1)> Évil "Org" & Co — Test Timeline'
    entry = next(e for e in feed.entries if e.title.endswith(HOSTILE_TITLE))
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert content.find("script") is None
    assert content.find(attrs={"onerror": True}) is None
    links = [(a.get_text(), a["href"]) for a in content.find_all("a")]
    assert ('<img src=x onerror=alert(1)> Évil "Org" & Co', f"{SITE_URL}/actors/evil-org/") in links
    assert ("</script><script>alert(1)</script>", "https://example.org/doc?a=1&b=<2>;c=3") in links
    assert ('Article <i>title</i> with "quotes" & </script>', f"{SITE_URL}/articles/hostile/") in links
    assert '<b>Pyongyang</b>, "DPRK"' in content.get_text()


def test_an_empty_feed_is_dated_without_the_clock(tmp_path):
    built = build(tmp_path, {"actors/nobody.md": actor_file("Nobody"), **DATES})
    first = actor_feed(built.catalog, "nobody", site_name=SITE_NAME, **built.common)
    feed = parse(first)
    assert feed.entries == []
    assert moment(feed.feed.updated_parsed) == EMPTY_FEED_DATE
    assert type_feed(built.catalog, "assault", site_name=SITE_NAME, **built.common).count("<entry>") == 0


def test_feeds_need_an_absolute_site_url(tmp_path):
    built = build(tmp_path, DATES)
    with pytest.raises(ValueError, match="absolute http"):
        atom_feed("T", built.catalog.events, built.catalog, "", "feed.xml", built.urls, built.article_urls)


def test_a_limited_feed_keeps_the_newest_events():
    built = sample_site()
    feed = parse(all_events_feed(built.catalog, site_name=SITE_NAME, **built.common, limit=3))
    assert [e.id.rsplit("#", 1)[1] for e in feed.entries] == [e.id for e in built.catalog.events[::-1][:3]]


def test_links_follow_events_onto_later_pages_of_a_busy_year_while_ids_stay(make_site):
    files = {f"events/e{n}.md": event_file(f"2017-08-{n:02d}", f"Event {n}") for n in range(1, 6)}
    site = make_site(files, TIMELINE_PAGE_SIZE=2, SITEURL=SITE_URL)
    assert site.error is None
    urls = Urls({**DEFAULTS, "TIMELINE_PAGE_SIZE": 2})
    feed = parse(all_events_feed(site.catalog, site_name=SITE_NAME, site_url=SITE_URL, urls=urls, article_urls={}))
    assert len(feed.entries) == 5
    for entry in feed.entries:
        page, anchor = entry.link.removeprefix(f"{SITE_URL}/").split("#")
        assert site.html(page).find(id=anchor) is not None, entry.link
        assert entry.id == f"{SITE_URL}/timeline/2017/#{anchor}"
    assert {e.link.split("#")[0] for e in feed.entries} == {
        f"{SITE_URL}/timeline/2017/",
        f"{SITE_URL}/timeline/2017/page/2/",
        f"{SITE_URL}/timeline/2017/page/3/",
    }
