"""Rebuilds with Pelican's content cache leave unchanged pages alone, and the site they
leave is the same, byte for byte, as a build from scratch of the same content."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from pelican_timeline import chart, generator, site_pages, unchanged_pages
from pelican_timeline.build_log import current_build
from pelican_timeline.check_cache import code_stamp
from pelican_timeline.content_files import read_actor, read_article, read_event
from pelican_timeline.plugin import CODE_STAMP_NAME
from pelican_timeline.unchanged_pages import STORE_NAME, Digests
from pelican_timeline.views import ActorLink, EventView
from sitekit import ROOT, actor_file, build_site, event_file

CACHE = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "TIMELINE_SEARCH": False}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(ROOT / "content", root / "content")
    return root


def build(root: Path, **settings):
    return build_site(root / "content", root / "output", **{**CACHE, **settings})


def files(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def modified(output: Path) -> dict[str, int]:
    return {p.relative_to(output).as_posix(): p.stat().st_mtime_ns for p in output.rglob("*.html")}


def cold_build(root: Path, tmp_path: Path, **settings) -> dict[str, bytes]:
    fresh = tmp_path / "fresh"
    shutil.copytree(root / "content", fresh / "content")
    build_site(fresh / "content", fresh / "output", TIMELINE_SEARCH=False, **settings)
    return files(fresh / "output")


def ours(path: str) -> bool:
    """Every page: the timeline's, and Pelican's article, index and tag pages."""
    return path.endswith(".html")


def test_a_rebuild_with_nothing_changed_renders_none_of_our_pages(site: Path):
    build(site)
    before = modified(site / "output")
    build(site)
    after = modified(site / "output")
    kept = [path for path in before if ours(path)]
    assert len(kept) > 20
    assert [path for path in kept if after[path] != before[path]] == []
    assert current_build().pages.skipped >= len(kept)
    assert {"index.html", "tags/index.html"} <= set(kept)


def _extend_field(folder: Path, field: str, addition: str) -> str:
    """Add words to one front-matter field of the folder's first file."""
    path = sorted(folder.glob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith(f"{field}:"))
    path.write_text(text.replace(line, f"{line} {addition}", 1), encoding="utf-8")
    return addition


def _retitle_an_event(content: Path) -> str:
    return _extend_field(content / "events", "title", "(revised)")


def _rename_an_actor(content: Path) -> str:
    return _extend_field(content / "actors", "name", "Renamed")


def _edit_an_articles_text(content: Path) -> str:
    path = sorted((content / "articles").rglob("*.md"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\nA paragraph added in review.\n", encoding="utf-8")
    return "A paragraph added in review."


def _add_an_event(content: Path) -> str:
    (content / "events" / "added-later.md").write_text(
        event_file("2017-08-07", "An event added later"), encoding="utf-8"
    )
    return "An event added later"


def _remove_an_event(content: Path) -> str:
    sorted((content / "events").glob("*.md"))[-1].unlink()
    return ""


@pytest.mark.parametrize(
    ("edit", "some_left_alone"),
    [
        (_retitle_an_event, True),
        (_rename_an_actor, True),
        (_edit_an_articles_text, True),
        # The event counts in every page's year navigation and filters change.
        (_add_an_event, False),
        (_remove_an_event, False),
    ],
)
def test_after_an_edit_the_rebuilt_site_equals_a_build_from_scratch(site: Path, tmp_path: Path, edit, some_left_alone):
    build(site)
    before = modified(site / "output")
    marker = edit(site / "content")
    rebuilt = build(site)
    assert rebuilt.problems() == []
    after = files(site / "output")
    expected = cold_build(site, tmp_path)
    # The output folder keeps pages that no longer exist (Pelican never deletes them),
    # so compare what a fresh build writes.
    assert {path: after[path] for path in expected} == expected
    if marker:
        assert any(marker.encode() in data for path, data in expected.items() if path.endswith(".html"))
    now = modified(site / "output")
    left_alone = [path for path in before if ours(path) and now.get(path) == before[path]]
    assert bool(left_alone) == some_left_alone


def test_with_an_absolute_site_url_feeds_and_calendars_follow_an_edit_too(site: Path, tmp_path: Path):
    published = {"SITEURL": "https://timeline.example.org", "RELATIVE_URLS": False}
    build(site, **published)
    _retitle_an_event(site / "content")
    build(site, **published)
    after = files(site / "output")
    expected = cold_build(site, tmp_path, **published)
    assert any(path.endswith((".atom.xml", ".ics")) for path in expected)
    assert {path: after[path] for path in expected} == expected


def test_a_changed_setting_or_template_rewrites_every_page(site: Path, tmp_path: Path):
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    build(site, THEME_TEMPLATES_OVERRIDES=[str(overrides)])
    base = (ROOT / "theme" / "templates" / "base.html").read_text(encoding="utf-8")
    (overrides / "base.html").write_text(base.replace("<body", "<body data-overridden", 1), encoding="utf-8")
    build(site, THEME_TEMPLATES_OVERRIDES=[str(overrides)])
    pages = [p for p in (site / "output").rglob("*.html") if ours(p.relative_to(site / "output").as_posix())]
    assert pages and all(b"data-overridden" in p.read_bytes() for p in pages)
    build(site, THEME_TEMPLATES_OVERRIDES=[str(overrides)], SITENAME="Another name")
    assert all(b"Another name" in p.read_bytes() for p in pages)


def test_a_page_deleted_or_changed_in_the_output_is_written_again(site: Path):
    build(site)
    output = site / "output"
    deleted, tampered = output / "timeline" / "index.html", output / "actors" / "index.html"
    original = tampered.read_bytes()
    deleted.unlink()
    tampered.write_bytes(b"changed by hand")
    build(site)
    assert deleted.is_file()
    assert tampered.read_bytes() == original


def test_without_the_content_cache_every_page_is_written(site: Path):
    build_site(site / "content", site / "output", TIMELINE_SEARCH=False)
    assert not (site / "cache" / STORE_NAME).exists()
    build(site, TIMELINE_SKIP_UNCHANGED=False)
    assert current_build().pages.skipped == 0
    assert not (site / "cache" / STORE_NAME).exists()


def test_pelicans_content_cache_is_dropped_when_the_plugin_changes(site: Path):
    cache = site / "cache"
    cache.mkdir()
    (cache / "ArticlesGenerator-Readers").write_bytes(b"written by another version")
    (cache / CODE_STAMP_NAME).write_text("another version", encoding="utf-8")
    built = build(site)
    assert built.problems() == []
    assert (cache / CODE_STAMP_NAME).read_text(encoding="utf-8") == code_stamp()
    assert b"another version" not in (cache / "ArticlesGenerator-Readers").read_bytes()


def test_digests_depend_on_values_not_on_object_identity():
    digests = Digests()
    first = {"tags": ("a", "b"), "title": "".join(["Sum", "mit"])}
    second = {"tags": ("a", "b"), "title": "Summit"}
    assert digests.of(first) == Digests().of(second)
    assert digests.of(first) != digests.of({**second, "title": "Summit!"})
    shared = "x" * 50
    assert digests.of([shared, shared]) == Digests().of(["x" * 50, "x" * 50])


def test_a_value_that_cannot_be_digested_means_the_page_is_always_written():
    with open(__file__, encoding="utf-8") as handle:
        assert Digests().of({"file": handle}) is None


def test_the_sample_sites_pages_are_digested_without_naming_functions(site: Path, monkeypatch):
    # The pickler that names functions looks at every object it is given: a closure in a
    # page's values (where a bound method would do) sends the whole page to it, at twice the cost.
    named = []
    real = unchanged_pages._digest

    def digest(value, digests, *, naming=False):
        if naming:
            named.append(value)
        return real(value, digests, naming=naming)

    monkeypatch.setattr(unchanged_pages, "_digest", digest)
    build(site)
    build(site)
    assert current_build().pages.skipped > 20
    assert named == []


def test_a_function_defined_in_the_settings_stands_in_by_its_name():
    def shout(text: str) -> str:
        return text.upper()

    def whisper(text: str) -> str:
        return text.lower()

    digest = Digests().of({"JINJA_FILTERS": {"shout": shout}})
    assert digest is not None
    assert digest == Digests().of({"JINJA_FILTERS": {"shout": shout}})
    assert digest != Digests().of({"JINJA_FILTERS": {"shout": whisper}})


def test_with_a_function_in_the_settings_unchanged_pages_are_still_left_alone(site: Path):
    def shout(text: str) -> str:  # pickle cannot find this one again by its name...
        return str(text).upper()

    # ...so Pelican's content cache cannot store these settings; skipping is asked for alone.
    settings = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, "TIMELINE_SKIP_UNCHANGED": True}
    build(site, JINJA_FILTERS={"shout": shout}, **settings)
    before = modified(site / "output")
    build(site, JINJA_FILTERS={"shout": shout}, **settings)
    after = modified(site / "output")
    kept = [path for path in before if ours(path)]
    assert len(kept) > 20
    assert [path for path in kept if after[path] != before[path]] == []


def test_a_record_holding_another_changes_its_digest_with_it(tmp_path: Path):
    # An event view holds its event and its actors; each stands in by its own digest.
    def view(title: str, actor_name: str):
        event = read_event(_written(tmp_path / "event.md", event_file("2017-08-05", title)), str).record
        actor = read_actor(_written(tmp_path / "kim.md", actor_file(actor_name).lstrip()), str).record
        assert event is not None and actor is not None
        return EventView(event, [], "5 Aug 2017", "Statement", [ActorLink(actor, "", "actors/kim/")], [])

    first = Digests().reference(view("Talks", "Kim"))
    assert first == Digests().reference(view("Talks", "Kim"))
    assert first != Digests().reference(view("Talks resume", "Kim"))
    assert first != Digests().reference(view("Talks", "Kim Jong Un"))


def _written(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_articles_json_ld_is_made_only_for_a_page_that_is_written(site: Path, monkeypatch):
    build(site)
    made = []
    real = generator.article_ld

    def counted(record, *args, **kwargs):
        made.append(record.origin.path)
        return real(record, *args, **kwargs)

    monkeypatch.setattr(generator, "article_ld", counted)
    build(site)
    assert made == []
    _edit_an_articles_text(site / "content")
    build(site)
    assert made == [str(sorted((site / "content" / "articles").rglob("*.md"))[0])]
    [edited] = [p for p in (site / "output").rglob("*.html") if b"A paragraph added in review." in p.read_bytes()]
    assert b'"@type":"NewsArticle"' in edited.read_bytes()


def test_a_year_pages_json_ld_is_made_only_when_the_page_is_written(site: Path, monkeypatch):
    build(site)
    made = []
    real = site_pages.events_graph

    def counted(page, *args):
        made.append(page.url.url)
        return real(page, *args)

    monkeypatch.setattr(site_pages, "events_graph", counted)
    build(site)
    assert made == []
    title = _retitle_an_event(site / "content")
    build(site)
    # Only the year page that lists the retitled event is written, and its JSON-LD names it.
    [year_page] = made
    html = (site / "output" / year_page / "index.html").read_text(encoding="utf-8")
    assert year_page.startswith("timeline/") and title in html
    graph = json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    assert any(node["name"].endswith(title) for node in graph["@graph"])


def test_an_actors_chart_and_json_ld_are_made_only_when_its_page_is_written(site: Path, monkeypatch):
    build(site)
    charts, nodes = [], []
    real_chart, real_ld = chart.density_chart, site_pages.actor_ld

    def counted_chart(events, month_url):
        charts.append(events)
        return real_chart(events, month_url)

    def counted_ld(actor, *args, **kwargs):
        nodes.append(actor.id)
        return real_ld(actor, *args, **kwargs)

    monkeypatch.setattr(chart, "density_chart", counted_chart)
    monkeypatch.setattr(site_pages, "actor_ld", counted_ld)
    build(site)
    assert (charts, nodes) == ([], [])
    _rename_an_actor(site / "content")
    build(site)
    # The renamed actor's page, and the pages of the actors it is affiliated with.
    assert nodes and len(nodes) < len(list((site / "content" / "actors").glob("*.md")))
    assert len(charts) == len(nodes)


def test_two_events_trading_months_redraw_their_actors_charts_on_every_page(site: Path, tmp_path: Path):
    # Two events to a page: an actor's chart, on its first page, counts events that later pages
    # list. The two events trade months, so the site's own chart and counts stay as they were.
    small = {"TIMELINE_PAGE_SIZE": 2}
    build(site, **small)
    events = site / "content" / "events"
    for name, old, new in (
        ("2017-09-11-unsc-resolution-2375.md", "2017-09-11", "2017-11-11"),
        ("2017-11-29-hwasong-15-icbm-test.md", "2017-11-29", "2017-09-29"),
    ):
        path = events / name
        path.write_text(path.read_text(encoding="utf-8").replace(f'date: "{old}"', f'date: "{new}"'), "utf-8")
    assert build(site, **small).problems() == []
    expected = cold_build(site, tmp_path, **small)
    after = files(site / "output")
    assert {page: after[page] for page in expected} == expected
    first_page = expected["actors/un-security-council/index.html"].decode()
    assert "November 2017: 1 event" in first_page and "September 2017" not in first_page


def _article(number: int, tag: str) -> str:
    return (
        f"---\ntitle: Report number {number}\ndate: 2017-08-{number:02d}\nsource: Wire\ntags: [{tag}]\n"
        f"actors: [kim]\nevents:\n  - date: '2017-07-{number:02d}'\n    title: Event of report {number}\n"
        f"    type: statement\n    actors: [kim]\n---\nThe text of report {number}.\n"
    )


@pytest.fixture
def listed_site(tmp_path: Path) -> Path:
    """Seven articles, two to an index page, under two tags."""
    root = tmp_path / "listed"
    files = {f"articles/report-{n}.md": _article(n, "odd" if n % 2 else "even") for n in range(1, 8)}
    files["actors/kim.md"] = actor_file("Kim").lstrip()
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_an_edited_articles_text_rewrites_only_the_listing_pages_that_show_it(listed_site: Path, tmp_path: Path):
    paginated = {"DEFAULT_PAGINATION": 2}
    build(listed_site, **paginated)
    before = modified(listed_site / "output")
    index_pages = sorted(path for path in before if path.startswith("index"))
    assert len(index_pages) == 4  # seven articles, newest first, two to a page
    edited = listed_site / "content" / "articles" / "report-4.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("The text", "The revised text"), encoding="utf-8")
    build(listed_site, **paginated)
    now = modified(listed_site / "output")
    rewritten = sorted(path for path in before if now[path] != before[path])
    # Report 4 is the second page's first article (7 6 | 5 4 | 3 2 | 1); its tag is "even".
    assert rewritten == ["articles/report-number-4/index.html", "index2.html", "tags/even/index.html"]
    after = files(listed_site / "output")
    expected = cold_build(listed_site, tmp_path, **paginated)
    assert {path: after[path] for path in expected} == expected
    assert b"Report number 4" in after["index2.html"]
    assert b"The revised text" in after["articles/report-number-4/index.html"]


def test_a_new_article_rewrites_every_index_page_it_shifts(listed_site: Path, tmp_path: Path):
    paginated = {"DEFAULT_PAGINATION": 2}
    build(listed_site, **paginated)
    (listed_site / "content" / "articles" / "report-8.md").write_text(_article(8, "even"), encoding="utf-8")
    build(listed_site, **paginated)
    after = files(listed_site / "output")
    expected = cold_build(listed_site, tmp_path, **paginated)
    assert {path: after[path] for path in expected} == expected
    assert b"Report number 8" in expected["index.html"]


def test_a_record_is_named_by_the_text_it_was_read_from(tmp_path: Path):
    def record(text: str):
        path = tmp_path / "articles" / "a.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return read_article(str(path), str)[0].record

    article = _article(3, "odd")
    first = Digests().reference(record(article))
    # The article's text is not part of its record: its events' pages need not change with it.
    assert Digests().reference(record(article.replace("The text", "Other text"))) == first
    assert Digests().reference(record(article.replace("Report number 3", "Report no. 3"))) != first
    event = record(article).events[0]
    assert Digests().reference(event) != first
    # A record made by hand (no file behind it) is named by its values.
    bare = dataclasses.replace(event, origin=dataclasses.replace(event.origin, source=b""))
    assert Digests().reference(bare) == Digests().reference(dataclasses.replace(bare))
    assert Digests().reference(bare) != Digests().reference(dataclasses.replace(bare, title="Else"))
