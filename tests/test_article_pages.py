"""Article pages: source, dates, dateline, events reported, actors linked."""

from __future__ import annotations

from pelican.settings import read_settings

from pelican_timeline.reader import TimelineMarkdownReader
from sitekit import ROOT, actor_file

ARTICLE = """
---
title: Escalation Unacceptable - Lavrov
date: 2017-08-06T16:34:00+03:00
modified: 2017-08-06T19:14:00+03:00
source:
  name: Sputnik News
  url: https://sputniknews.example/article
  via:
    name: GlobalSecurity.org
    url: https://www.globalsecurity.org/x.htm
dateline: Moscow
tags: [North Korea]
actors: [sergey-lavrov]
events:
  - date: 2017-08-05
    title: Resolution 2371 adopted
    type: sanction
    actors: [{id: un-security-council, role: actor}]
    date_text: On Saturday
  - date: 2017-07
    title: Putin on the joint initiative
    type: statement
    actors: [vladimir-putin]
---
MOSCOW (Sputnik) – Lavrov and Tillerson met.

Second paragraph with a [link](https://example.org/) and <script>alert(1)</script> markup.
"""


def test_article_page_shows_source_dates_dateline_events_and_actors(make_site):
    site = make_site(
        {
            "articles/a.md": ARTICLE,
            "actors/sergey-lavrov.md": actor_file("Sergey Lavrov"),
            "actors/un-security-council.md": actor_file("UN Security Council", "organization"),
            "actors/vladimir-putin.md": actor_file("Vladimir Putin"),
        }
    )
    assert site.error is None, site.problems()
    page = site.html("articles/escalation-unacceptable-lavrov/")
    assert page.h1.get_text() == "Escalation Unacceptable - Lavrov"
    meta = dict(
        zip(
            [dt.get_text() for dt in page.select(".article-meta dt")],
            [dd.get_text(" ", strip=True) for dd in page.select(".article-meta dd")],
            strict=True,
        )
    )
    assert meta == {
        "Source": "Sputnik News , republished by GlobalSecurity.org",
        "Published": "6 August 2017, 16:34 UTC+03:00 , updated 6 August 2017, 19:14 UTC+03:00",
        "Dateline": "Moscow",
    }
    assert page.select_one(".article-meta time")["datetime"] == "2017-08-06T16:34:00+03:00"
    source_links = [a["href"] for a in page.select(".article-meta a")]
    assert source_links == ["https://sputniknews.example/article", "https://www.globalsecurity.org/x.htm"]
    # Events in chronological order, linking to their place on the timeline.
    events = [(li["data-event"], li.select_one(".event-title a")["href"]) for li in page.select("li.event")]
    assert events == [
        ("2017-07-putin-on-the-joint-initiative", "../../timeline/2017/#2017-07-putin-on-the-joint-initiative"),
        ("2017-08-05-resolution-2371-adopted", "../../timeline/2017/#2017-08-05-resolution-2371-adopted"),
    ]
    assert [a.get_text() for a in page.select(".actor-chips a")][:1] == ["Sergey Lavrov"]
    body = page.select_one(".article-body")
    assert body.find("script") is None
    assert body.select_one("a[href='https://example.org/']") is not None


def test_article_body_keeps_paragraphs_and_starts_after_front_matter(make_site):
    site = make_site({"articles/a.md": ARTICLE.replace("MOSCOW (Sputnik)", "Note: MOSCOW (Sputnik)")})
    body = site.html("articles/escalation-unacceptable-lavrov/").select_one(".article-body")
    paragraphs = [p.get_text() for p in body.find_all("p")]
    assert paragraphs[0] == "Note: MOSCOW (Sputnik) – Lavrov and Tillerson met."
    assert len(paragraphs) == 2


def test_an_article_the_timeline_reader_did_not_read_is_published_plainly(make_site):
    # reStructuredText goes through Pelican's own reader: the build warns that it is not
    # timeline Markdown and still publishes it, without any of the timeline's fields.
    site = make_site(
        {
            "articles/report.md": ARTICLE,
            "actors/sergey-lavrov.md": actor_file("Sergey Lavrov"),
            "articles/notes.rst": "Field notes\n###########\n\n:date: 2017-08-07\n\nWritten by hand.\n",
        }
    )
    assert site.error is None
    assert any("notes.rst: warning: not read by the timeline reader" in p for p in site.problems())
    index = site.html("")
    listed = {a.get_text(): a.find_parent("li") for a in index.select(".article-list li > a")}
    assert set(listed) == {"Field notes", "Escalation Unacceptable - Lavrov"}
    assert listed["Field notes"].select(".outlet, .count") == []
    assert listed["Escalation Unacceptable - Lavrov"].select_one(".outlet").get_text() == "(Sputnik News)"
    page = site.html("articles/field-notes/")
    assert page.select_one("h1").get_text() == "Field notes"
    assert "Written by hand." in page.select_one(".article-body").get_text()
    meta = {
        dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in page.select(".article-meta dt")
    }
    assert list(meta) == ["Published"] and "2017" in meta["Published"]
    assert page.select("#article_events, #article_actors, script[type='application/ld+json']") == []


def test_a_tag_with_a_comma_stays_one_tag(make_site):
    body = "---\ntitle: {title}\ndate: 2017-08-0{n}\nsource: Wire\ntags: ['Korea, North', sanctions]\nactors: []\n---\nText.\n"
    site = make_site({f"articles/a{n}.md": body.format(title=f"Article {n}", n=n) for n in (1, 2)})
    assert site.error is None
    for n in (1, 2):
        tags = site.html(f"articles/article-{n}/").select("#article_tags ~ ul a")
        assert [a.get_text() for a in tags] == ["Korea, North", "sanctions"]
    assert sorted(p.name for p in (site.output / "tags").iterdir()) == ["index.html", "korea-north", "sanctions"]


def test_articles_read_in_one_build_share_their_category_tag_and_author_objects(tmp_path):
    content = tmp_path / "content"
    body = "---\ntitle: Article {n}\ndate: 2017-08-0{n}\nsource: Wire\ntags: [sanctions]\nactors: []\n---\nText.\n"
    for n in (1, 2):
        (content / "articles").mkdir(parents=True, exist_ok=True)
        (content / "articles" / f"a{n}.md").write_text(body.format(n=n), encoding="utf-8")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    reader = TimelineMarkdownReader(settings)
    first, second = (reader.read(str(content / "articles" / f"a{n}.md"))[1] for n in (1, 2))
    assert first["tags"][0] is second["tags"][0] and str(first["tags"][0]) == "sanctions"
    assert first["category"] is second["category"]
    assert first["author"] is second["author"] and str(first["author"]) == settings["AUTHOR"]
