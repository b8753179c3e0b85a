"""The exports and structured data a built site publishes, read back by real consumers."""

from __future__ import annotations

import csv
import io
import json

import feedparser
import icalendar
import jsonschema
import pytest

from pelican_timeline.exports.catalog_json import schema_text
from sitekit import build_sample

SITE = "https://timeline.example.org"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    site = build_sample(tmp_path_factory.mktemp("published"), SITEURL=SITE, RELATIVE_URLS=False, TIMELINE_SEARCH=False)
    return site.output, site.catalog


def ld_blocks(path):
    from bs4 import BeautifulSoup  # noqa: PLC0415

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def test_timeline_json_is_valid_under_its_published_schema(sample):
    output, catalog = sample
    document = json.loads((output / "timeline.json").read_text(encoding="utf-8"))
    schema = json.loads((output / "timeline.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads(schema_text())
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert len(document["events"]) == len(catalog.events) == 23
    assert {a["id"] for a in document["actors"]} == set(catalog.actors)


def test_atom_feeds_for_all_events_each_actor_and_each_type(sample):
    output, catalog = sample
    feed = feedparser.parse((output / "feeds" / "timeline.atom.xml").read_bytes())
    assert feed.bozo == 0 and len(feed.entries) == 23
    lavrov = feedparser.parse((output / "feeds" / "actors" / "sergey-lavrov.atom.xml").read_bytes())
    assert lavrov.bozo == 0 and len(lavrov.entries) == len(catalog.events_by_actor["sergey-lavrov"])
    for kind in {e.type for e in catalog.events}:
        typed = feedparser.parse((output / "feeds" / "types" / f"{kind}.atom.xml").read_bytes())
        assert typed.bozo == 0 and len(typed.entries) == sum(e.type == kind for e in catalog.events)
    assert all(entry.link.startswith(f"{SITE}/timeline/") for entry in feed.entries)


def test_calendars_site_wide_and_per_actor(sample):
    output, catalog = sample
    calendar = icalendar.Calendar.from_ical((output / "timeline" / "events.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == 23
    north_korea = icalendar.Calendar.from_ical((output / "actors" / "north-korea" / "events.ics").read_bytes())
    assert len(north_korea.walk("VEVENT")) == len(catalog.events_by_actor["north-korea"])


def test_csv_tables_read_back(sample):
    output, catalog = sample
    events = list(csv.DictReader(io.StringIO((output / "timeline" / "events.csv").read_text(encoding="utf-8"))))
    pairs = list(csv.DictReader(io.StringIO((output / "timeline" / "event-actors.csv").read_text(encoding="utf-8"))))
    assert [row["id"] for row in events] == [e.id for e in catalog.events]
    assert len(pairs) == sum(len(e.actor_ids) for e in catalog.events)


def test_pages_carry_schema_org_json_ld(sample):
    output, catalog = sample
    (year,) = ld_blocks(output / "timeline" / "2017" / "index.html")
    events = [node for node in year["@graph"] if node["@type"] == "Event"]
    assert len(events) == sum(e.date.anchor.lower.year == 2017 for e in catalog.events)
    assert {n["startDate"] for n in events} >= {"2017-08-05", "2017-07"}
    (person,) = ld_blocks(output / "actors" / "sergey-lavrov" / "index.html")
    assert person["@type"] == "Person" and person["name"] == "Sergey Lavrov"
    (country,) = ld_blocks(output / "actors" / "russia" / "index.html")
    assert country["@type"] == "Country"
    (article,) = ld_blocks(
        output
        / "articles"
        / "escalation-on-korean-peninsula-due-to-us-military-buildup-unacceptable-lavrov"
        / "index.html"
    )
    assert article["@type"] == "NewsArticle"
    assert article["dateline"] == "Moscow"
    assert len(article["about"]) == 3
    assert any(m["@id"] == f"{SITE}/actors/sergey-lavrov/" for m in article["mentions"])


def test_feeds_and_calendars_wait_for_an_absolute_site_url(make_site):
    site = make_site({"events/e.md": "---\ndate: 2017-08-05\ntitle: T\ntype: statement\nactors: []\n---\n"})
    assert (site.output / "timeline.json").exists() and (site.output / "timelinejs.json").exists()
    assert not (site.output / "feeds").exists() and not (site.output / "timeline" / "events.ics").exists()
