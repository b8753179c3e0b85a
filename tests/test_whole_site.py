"""Whole-site properties: nothing lost, determinism, escaping, output size."""

from __future__ import annotations

import hashlib
import re

import pytest
from bs4 import BeautifulSoup

from pelican_timeline.synthetic import generate
from sitekit import event_ids

PAYLOAD = "<script>alert('x')</script>"


def digest(output):
    return {
        str(path.relative_to(output)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }


def test_every_valid_event_appears_exactly_once_and_the_ledger_adds_up(make_site):
    files = generate(60, n_actors=40, seed=7)
    # Break some events and some files on purpose.
    broken = {
        "articles/broken/bad-yaml.md": "---\ntitle: [unclosed\n---\n",
        "articles/broken/bad-event.md": (
            "---\ntitle: Bad event\ndate: 2017-01-01\nsource: X\nevents:\n"
            "  - {date: '2017-02-30', title: Impossible, type: statement, actors: []}\n"
            "  - {date: '2017-02-03', title: Fine, type: statement, actors: []}\n---\n"
        ),
        "events/bad.md": "---\ndate: someday\ntitle: x\ntype: statement\nactors: []\n---\n",
    }
    site = make_site({**files, **broken}, TIMELINE_STRICT=False)
    assert site.error is None
    found_events = sum(text.count("\n  - date:") for text in files.values()) + 3
    found_files = len(files) + len(broken)
    ledger = site.ledger
    accepted = {kind: ledger.count(kind, accepted=True) for kind in ("article", "event", "actor")}
    rejected = {kind: ledger.count(kind, accepted=False) for kind in ("article", "event", "actor")}
    assert accepted["event"] + rejected["event"] == found_events
    files_seen = accepted["article"] + rejected["article"] + accepted["actor"] + rejected["actor"]
    assert files_seen + 1 == found_files  # events/bad.md is counted as a rejected event
    assert rejected == {"article": 1, "event": 2, "actor": 0}

    shown = []
    for year_page in sorted(site.output.glob("timeline/[0-9]*/")):
        for page in [year_page / "index.html", *sorted(year_page.glob("page/*/index.html"))]:
            shown += event_ids(site.html(str(page.relative_to(site.output))))
    assert len(shown) == len(set(shown)) == accepted["event"]
    assert sorted(shown) == sorted(e.id for e in site.catalog.events)


def test_two_builds_of_the_same_content_are_byte_identical(make_site):
    files = generate(15, n_actors=10, seed=3)
    first = make_site(files, name="one")
    second = make_site(files, name="two")
    assert first.error is None and second.error is None
    one, two = digest(first.output), digest(second.output)
    assert one == two
    assert len(one) > 30


def test_script_in_titles_summaries_names_and_places_is_escaped_on_every_page(make_site):
    files = {
        "actors/evil.md": f'---\nname: "{PAYLOAD}"\ntype: person\naliases: ["{PAYLOAD}"]\n---\nBio {PAYLOAD}\n',
        "articles/a.md": (
            f'---\ntitle: "Article {PAYLOAD}"\ndate: 2017-08-06\nsource:\n  name: "{PAYLOAD}"\n'
            f'dateline: "{PAYLOAD}"\ntags: ["{PAYLOAD}"]\nactors: [evil]\nevents:\n'
            f'  - date: 2017-08-05\n    title: "Event {PAYLOAD}"\n    type: statement\n    actors: [evil]\n'
            f'    location: "{PAYLOAD}"\n    summary: "Summary {PAYLOAD} <img src=x onerror=alert(1)>"\n'
            f'    date_text: "{PAYLOAD}"\n'
            f'---\nBody {PAYLOAD} [x](javascript:alert(1)) <a href="javascript:alert(2)">y</a>\n'
        ),
    }
    site = make_site(files)
    assert site.error is None, site.problems()
    pages = site.pages()
    assert len(pages) >= 6
    for path in pages:
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        for script in soup.find_all("script"):
            # Only the site's own script files, and JSON-LD data that no payload escapes from.
            if script.get("type") == "application/ld+json":
                assert "alert" not in script.string or "<" not in script.string, path
            else:
                assert script.get("src", "").endswith((".js",)) and not script.string, path
        assert not soup.find_all(lambda tag: any(a.lower().startswith("on") for a in tag.attrs)), path
        assert not re.search(r"(?:href|src)=[\"']?\s*javascript:", html, re.IGNORECASE), path
    timeline = site.html("timeline/")
    assert timeline.select_one(".event-title").get_text() == f"Event {PAYLOAD}"
    assert site.html("actors/evil/").h1.get_text() == PAYLOAD
    assert any("contains HTML markup" in line for line in site.problems())


@pytest.mark.slow
def test_a_twenty_thousand_event_site_has_no_page_over_one_megabyte(make_site):
    files = generate(6700, n_actors=1000, seed=11, events_per_article=3)
    site = make_site(files, TIMELINE_STRICT=True)
    assert site.error is None
    events = len(site.catalog.events)
    assert events >= 20_000
    largest = max(site.pages(), key=lambda p: p.stat().st_size)
    print(f"\n{events} events; largest page {largest.relative_to(site.output)}: {largest.stat().st_size:,} bytes")
    assert largest.stat().st_size < 1_000_000


def test_the_planned_addresses_are_exactly_the_pages_written(make_site):
    from pelican_timeline.plugin import DEFAULTS  # noqa: PLC0415
    from pelican_timeline.site_pages import plan_pages  # noqa: PLC0415
    from pelican_timeline.views import Urls, ViewBuilder  # noqa: PLC0415

    site = make_site(generate(40, n_actors=12, seed=5), TIMELINE_PAGE_SIZE=10)
    views = ViewBuilder(site.catalog, Urls(dict(DEFAULTS)), lambda path: None, 10)
    plan = plan_pages(site.catalog, views, views.timeline_pages())
    planned = sorted(url.save_as for url in plan.urls)
    assert planned == sorted(spec.url.save_as for spec in plan.pages())
    assert len(planned) == len(set(planned))
    written = {str(p.relative_to(site.output)) for p in site.pages()}
    assert set(planned) <= written
