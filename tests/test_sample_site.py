"""The shipped sample content builds cleanly and shows what the format can do."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit import ROOT, build_sample

SAMPLE = next((ROOT.parent / "shared" / "samples").glob("globalsecurity-sputnik-*.txt"), None)
BOILERPLATE = [
    "The Largest Security-Cleared Career Network",
    "Weapons of Mass Destruction (WMD)",
    "Join the mailing list",
    "One Billion Americans",
]


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("sample"))


def test_sample_builds_strictly_with_no_problem(sample_site):
    assert sample_site.problems() == []
    assert sample_site.ledger.rejections == 0


def test_sample_article_carries_its_three_events(sample_site):
    events = {(e.date.text, e.type): e for e in sample_site.catalog.events if e.article}
    assert set(events) == {("2017-08-06", "consult"), ("2017-08-05", "sanction"), ("2017-07", "statement")}
    meeting = events["2017-08-06", "consult"]
    assert {"sergey-lavrov", "rex-tillerson"} <= set(meeting.actor_ids)
    assert "Manila" in meeting.location
    resolution = events["2017-08-05", "sanction"]
    assert "un-security-council" in resolution.actor_ids and "2371" in resolution.title
    assert events["2017-07", "statement"].date.precision == "month"
    assert "vladimir-putin" in events["2017-07", "statement"].actor_ids


def test_sample_article_metadata_and_body(sample_site):
    (record,) = sample_site.catalog.articles.values()
    assert record.title == "Escalation on Korean Peninsula Due to US Military Buildup Unacceptable - Lavrov"
    assert record.date.isoformat() == "2017-08-06T16:34:00+03:00"
    assert record.modified.isoformat() == "2017-08-06T19:14:00+03:00"
    assert record.source.name == "Sputnik News" and record.source.via.title == "GlobalSecurity.org"
    assert record.dateline == "Moscow"
    page = sample_site.html("articles/escalation-on-korean-peninsula-due-to-us-military-buildup-unacceptable-lavrov/")
    body = page.select_one(".article-body").get_text()
    for line in BOILERPLATE:
        assert line not in body


@pytest.mark.skipif(SAMPLE is None, reason="the raw sample page is not beside the repository")
def test_every_body_paragraph_of_the_raw_page_is_kept_in_order(sample_site):
    raw = [p.strip() for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    body_start = next(i for i, p in enumerate(raw) if p.startswith("Russian Foreign Minister"))
    body_end = next(i for i, p in enumerate(raw) if p.startswith("Join the mailing list"))
    page = sample_site.html("articles/escalation-on-korean-peninsula-due-to-us-military-buildup-unacceptable-lavrov/")
    shown = [p.get_text() for p in page.select(".article-body p")]
    assert shown == raw[body_start:body_end]


def test_sample_shows_years_precisions_ranges_and_busy_actors(sample_site):
    catalog = sample_site.catalog
    years = {e.date.anchor.lower.year for e in catalog.events}
    assert len(years) >= 5
    precisions = {e.date.precision for e in catalog.events}
    assert {"year", "month", "day"} <= precisions
    assert any(e.date.anchor.approximate for e in catalog.events)
    assert sum(e.date.is_interval for e in catalog.events) >= 2
    busy = [a for a, events in catalog.events_by_actor.items() if len(events) >= 3]
    assert len(busy) >= 5
    assert len(list(Path(sample_site.output, "timeline").glob("[0-9]*"))) == len(years)
