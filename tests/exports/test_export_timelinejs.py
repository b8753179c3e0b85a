"""TimelineJS 3 JSON: one slide per event, dates at their precision, every text escaped."""

from __future__ import annotations

import json
from html import escape

from bs4 import BeautifulSoup

from export_helpers import DATES, HOSTILE, HOSTILE_SCRIPT_TITLE, HOSTILE_TITLE, SITE_NAME, SITE_URL, build
from pelican_timeline.exports.timelinejs import timelinejs_document, timelinejs_json


def slides(built) -> dict:
    data = json.loads(timelinejs_json(built.catalog, **built.common, title=SITE_NAME))
    return {s["unique_id"]: s for s in data["events"]}


def test_one_slide_per_event_in_chronological_order_with_unique_ids(tmp_path):
    built = build(tmp_path, {**DATES, **HOSTILE})
    data = json.loads(timelinejs_json(built.catalog, **built.common, title=SITE_NAME, text="Who did what"))
    ids = [s["unique_id"] for s in data["events"]]
    assert ids == [e.id for e in built.catalog.events]
    assert len(set(ids)) == len(ids)
    assert data["title"] == {"text": {"headline": SITE_NAME, "text": "<p>Who did what</p>"}}
    for slide in data["events"]:
        assert set(slide) <= {"start_date", "end_date", "display_date", "text", "group", "unique_id"}
        assert slide["text"]["headline"]


def by_title(built, title: str) -> dict:
    return slides(built)[built.events_titled(title).id]


def test_dates_are_given_at_their_precision(tmp_path):
    built = build(tmp_path, DATES)
    expected = {
        "day": ({"year": 2017, "month": 8, "day": 5}, None),
        "month": ({"year": 2017, "month": 7}, None),
        "year": ({"year": 2016}, None),
        "decade": ({"year": 2010}, None),
        "season": ({"year": 2017, "month": 9}, None),
        "timed with offset": ({"year": 2017, "month": 8, "day": 5, "hour": 16, "minute": 34}, None),
        "timed without zone": ({"year": 2017, "month": 8, "day": 7, "hour": 9, "minute": 15}, None),
        "day range": ({"year": 2017, "month": 8, "day": 1}, {"year": 2017, "month": 8, "day": 7}),
        "month range": ({"year": 2018, "month": 1}, {"year": 2018, "month": 2}),
        "mixed range": ({"year": 2018, "month": 3, "day": 30}, {"year": 2018, "month": 4}),
        "timed range": (
            {"year": 2017, "month": 8, "day": 8, "hour": 9, "minute": 0},
            {"year": 2017, "month": 8, "day": 8, "hour": 17, "minute": 30},
        ),
        "same-day range": ({"year": 2018, "month": 5, "day": 1}, None),
        "open end": ({"year": 2017, "month": 9, "day": 1}, None),
        "unknown end": ({"year": 2017, "month": 9, "day": 2}, None),
        "open start": ({"year": 2017, "month": 10, "day": 3}, None),
        "unknown start": ({"year": 2017, "month": 10, "day": 4}, None),
    }
    found = {}
    for title in expected:
        slide = by_title(built, title)
        found[title] = (slide["start_date"], slide.get("end_date"))
    assert found == expected


def test_display_dates_keep_the_sites_wording(tmp_path):
    built = build(tmp_path, DATES)
    assert by_title(built, "approximate month")["display_date"] == "c. December 2017"
    assert by_title(built, "uncertain day")["display_date"] == "1 Nov 2017?"
    assert by_title(built, "open end")["display_date"] == "from 1 Sep 2017"
    assert by_title(built, "open start")["display_date"] == "until 3 Oct 2017"
    assert by_title(built, "season")["display_date"] == "Autumn 2017"


def test_an_event_without_summary_shows_its_description(tmp_path):
    built = build(tmp_path, DATES)
    assert by_title(built, "day")["text"]["text"].startswith("<p>Description of day.</p>")


def test_plain_text_is_escaped_and_only_sanitised_html_passes(tmp_path):
    built = build(tmp_path, HOSTILE)
    slide = by_title(built, HOSTILE_TITLE)
    assert slide["text"]["headline"] == escape(HOSTILE_TITLE)
    assert "<script>" not in slide["text"]["headline"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in slide["text"]["headline"]
    assert slide["group"] == "Sanction"

    body = BeautifulSoup(slide["text"]["text"], "html.parser")
    assert body.find("script") is None
    assert body.find(attrs={"onerror": True}) is None
    assert body.select_one(".timeline-location").get_text() == '<b>Pyongyang</b>, "DPRK"\nsecond line'
    actors = [(a.get_text(), a["href"]) for a in body.select(".timeline-actors a")]
    assert actors == [
        ('<img src=x onerror=alert(1)> Évil "Org" & Co', f"{SITE_URL}/actors/evil-org/"),
        ("North Korea", f"{SITE_URL}/actors/north-korea/"),
        ("No Profile Yet", f"{SITE_URL}/actors/no-profile-yet/"),
    ]
    sources = [(a.get_text(), a["href"]) for a in body.select(".timeline-sources a")]
    assert sources == [
        ('Article <i>title</i> with "quotes" & </script>', f"{SITE_URL}/articles/hostile/"),
        ("</script><script>alert(1)</script>", "https://example.org/doc?a=1&b=<2>;c=3"),
        ("https://example.org/plain", "https://example.org/plain"),
    ]
    permalink = body.select_one(".timeline-permalink a")["href"]
    assert permalink == f"{SITE_URL}/timeline/2017/#{built.events_titled(HOSTILE_TITLE).id}"


def test_the_json_text_can_be_inlined_in_a_script_element(tmp_path):
    built = build(tmp_path, HOSTILE)
    text = timelinejs_json(built.catalog, **built.common, title=HOSTILE_SCRIPT_TITLE)
    assert "<" not in text
    assert "\u2028" not in text
    page = BeautifulSoup(f"<script>var data = {text};</script><p>after</p>", "html.parser")
    assert len(page.find_all("script")) == 1
    assert page.p.get_text() == "after"
    data = json.loads(text)
    assert data["title"]["text"]["headline"] == escape(HOSTILE_SCRIPT_TITLE)
    assert data == timelinejs_document(built.catalog, **built.common, title=HOSTILE_SCRIPT_TITLE)


def test_a_subset_of_events_is_put_in_chronological_order(tmp_path):
    built = build(tmp_path, DATES)
    chosen = list(reversed(built.catalog.events[:5]))
    data = timelinejs_document(built.catalog, **built.common, title="Some", events=chosen)
    assert [s["unique_id"] for s in data["events"]] == [e.id for e in built.catalog.events[:5]]
