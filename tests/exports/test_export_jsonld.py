"""schema.org JSON-LD: node types, dates at their precision, and a script element nothing can break out of."""

from __future__ import annotations

import json

import lxml.html
import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment
from markupsafe import Markup

from export_helpers import DATES, HOSTILE, HOSTILE_SCRIPT_TITLE, HOSTILE_TITLE, SITE_URL, build, sample_site
from pelican_timeline.exports.common import _TextParser, html_to_text
from pelican_timeline.exports.jsonld import actor_ld, article_ld, event_ld, graph, script_tag
from sitekit import actor_file


def event_node(built, title: str) -> dict:
    return event_ld(built.events_titled(title), built.catalog, **built.common)


def test_actors_get_the_schema_org_type_of_their_kind(tmp_path):
    built = build(
        tmp_path,
        {
            "actors/a-person.md": actor_file("A Person", "person"),
            "actors/an-org.md": actor_file("An Org", "organization"),
            "actors/a-country.md": actor_file("A Country", "country"),
            "actors/a-group.md": actor_file("A Group", "group"),
            "events/e.md": "---\ndate: '2017'\ntitle: E\ntype: agree\nactors: [a-person, an-org, a-country, a-group, nobody-yet]\n---\n",
        },
    )
    types = {
        actor_id: actor_ld(actor, built.catalog, site_url=SITE_URL, urls=built.urls)["@type"]
        for actor_id, actor in built.catalog.actors.items()
    }
    assert types == {
        "a-person": "Person",
        "an-org": "Organization",
        "a-country": "Country",
        "a-group": "Organization",
        "nobody-yet": "Thing",
    }


def test_an_actor_node_names_its_aliases_wikidata_item_and_page():
    built = sample_site()
    node = actor_ld(built.catalog.actors["kim-jong-un"], built.catalog, site_url=SITE_URL, urls=built.urls)
    assert node["@context"] == "https://schema.org"
    assert node["@id"] == node["url"] == f"{SITE_URL}/actors/kim-jong-un/"
    assert node["name"] == "Kim Jong-un"
    assert node["alternateName"] == list(built.catalog.actors["kim-jong-un"].aliases)
    assert node["sameAs"] == [f"https://www.wikidata.org/wiki/{built.catalog.actors['kim-jong-un'].wikidata}"]
    assert node["affiliation"] == [
        {"@type": "Country", "@id": f"{SITE_URL}/actors/north-korea/", "name": "North Korea"}
    ]
    assert node["description"]


DATE_RANGES = {
    "day": ("2017-08-05", None),
    "month": ("2017-07", None),
    "year": ("2016", None),
    "season": ("2017-09", "2017-11"),
    "decade": ("2010", "2019"),
    "day range": ("2017-08-01", "2017-08-07"),
    "month range": ("2018-01", "2018-02"),
    "mixed range": ("2018-03-30", "2018-04"),
    "same-day range": ("2018-05-01", None),
    "timed with offset": ("2017-08-05T16:34:00+03:00", None),
    "timed in UTC": ("2017-08-06T08:30:00Z", None),
    "timed without zone": ("2017-08-07T09:15:00", None),
    "timed range": ("2017-08-08T09:00:00Z", "2017-08-08T17:30:00Z"),
    "open end": ("2017-09-01", None),
    "unknown end": ("2017-09-02", None),
    "open start": (None, "2017-10-03"),
    "unknown start": (None, "2017-10-04"),
    "uncertain day": ("2017-11-01", None),
    "approximate month": ("2017-12", None),
}


@pytest.mark.parametrize("title", DATE_RANGES)
def test_event_dates_are_iso_8601_at_their_precision(tmp_path, title):
    node = event_node(build(tmp_path, DATES), title)
    assert (node.get("startDate"), node.get("endDate")) == DATE_RANGES[title]


def test_event_actors_are_named_by_role(tmp_path):
    built = build(tmp_path, HOSTILE)
    node = event_node(built, HOSTILE_TITLE)
    assert node["@type"] == "Event"
    assert node["name"] == HOSTILE_TITLE
    assert node["@id"] == node["url"] == f"{SITE_URL}/timeline/2017/#{built.events_titled(HOSTILE_TITLE).id}"
    assert node["organizer"] == [
        {
            "@type": "Organization",
            "@id": f"{SITE_URL}/actors/evil-org/",
            "name": '<img src=x onerror=alert(1)> Évil "Org" & Co',
        }
    ]
    assert node["about"] == [{"@type": "Country", "@id": f"{SITE_URL}/actors/north-korea/", "name": "North Korea"}]
    assert node["attendee"] == [
        {"@type": "Thing", "@id": f"{SITE_URL}/actors/no-profile-yet/", "name": "No Profile Yet"}
    ]
    assert node["location"] == {"@type": "Place", "name": '<b>Pyongyang</b>, "DPRK"\nsecond line'}
    assert node["description"].startswith("A summary with bold & an ampersand.")
    assert node["subjectOf"][0] == {
        "@type": "NewsArticle",
        "headline": 'Article <i>title</i> with "quotes" & </script>',
        "@id": f"{SITE_URL}/articles/hostile/",
        "url": f"{SITE_URL}/articles/hostile/",
    }
    assert node["subjectOf"][1] == {
        "@type": "CreativeWork",
        "url": "https://example.org/doc?a=1&b=<2>;c=3",
        "name": "</script><script>alert(1)</script>",
    }


def test_an_article_is_a_news_article_about_its_events_mentioning_its_actors(tmp_path):
    built = build(tmp_path, HOSTILE)
    ((path, record),) = built.catalog.articles.items()
    node = article_ld(record, built.catalog, site_url=SITE_URL, urls=built.urls, article_url=built.article_urls[path])
    assert node["@type"] == "NewsArticle"
    assert node["@id"] == node["url"] == node["mainEntityOfPage"] == f"{SITE_URL}/articles/hostile/"
    assert node["headline"] == 'Article <i>title</i> with "quotes" & </script>'
    assert node["datePublished"] == node["dateModified"] == "2017-08-06T16:34:00+03:00"
    assert node["dateline"] == "Pyongyang <br>"
    assert node["author"] == [{"@type": "Person", "name": "Jane <Doe>"}, {"@type": "Person", "name": "=SUM(1)"}]
    assert node["publisher"] == {
        "@type": "Organization",
        "name": "<b>Outlet</b> & Sons",
        "url": "https://outlet.example/story?id=1&x=<y>",
    }
    assert node["isBasedOn"] == ["https://outlet.example/story?id=1&x=<y>", "https://republisher.example/copy"]
    events = built.catalog.events_by_article[path]
    assert [ref["@id"] for ref in node["about"]] == [event_ld(e, built.catalog, **built.common)["@id"] for e in events]
    assert {ref["@type"] for ref in node["about"]} == {"Event"}
    mentioned = [ref["@id"] for ref in node["mentions"]]
    assert mentioned == [
        actor_ld(built.catalog.actors[a], built.catalog, site_url=SITE_URL, urls=built.urls)["@id"]
        for a in ("evil-org", "kim-jong-un", "north-korea", "no-profile-yet")
    ]


def test_the_sample_article_uses_its_republisher_as_the_basis():
    built = sample_site()
    ((path, record),) = built.catalog.articles.items()
    node = article_ld(record, built.catalog, site_url=SITE_URL, urls=built.urls, article_url=built.article_urls[path])
    assert node["publisher"] == {"@type": "Organization", "name": "Sputnik News"}
    assert node["isBasedOn"] == [record.source.via.url]
    assert node["dateModified"] == "2017-08-06T19:14:00+03:00"


def scripts(html: str) -> list:
    return BeautifulSoup(html, "html.parser").find_all("script")


def test_the_script_element_cannot_be_broken_out_of(tmp_path):
    built = build(tmp_path, HOSTILE)
    data = event_node(built, HOSTILE_SCRIPT_TITLE)
    data["description"] = "line\u2028separator\u2029and </SCRIPT > <!-- <script> & ]]>"
    tag = script_tag(data)
    assert isinstance(tag, Markup)
    page = f"<!doctype html><html><head>{tag}</head><body><p id=after>after</p></body></html>"
    for found in (scripts(page), lxml.html.fromstring(page).findall(".//script")):
        assert len(found) == 1
    (element,) = scripts(page)
    assert element["type"] == "application/ld+json"
    assert json.loads(element.string) == data
    assert lxml.html.fromstring(page).get_element_by_id("after").text == "after"
    assert "\u2028" not in tag and "\u2029" not in tag


def test_jinja_puts_the_script_element_in_unchanged():
    built = sample_site()
    data = actor_ld(built.catalog.actors["sergey-lavrov"], built.catalog, site_url=SITE_URL, urls=built.urls)
    tag = script_tag(data)
    rendered = Environment(autoescape=True).from_string("{{ tag }}").render(tag=tag)
    assert rendered == str(tag)
    assert json.loads(scripts(rendered)[0].string) == data


def test_a_graph_holds_several_nodes_under_one_context(tmp_path):
    built = build(tmp_path, DATES)
    nodes = [event_ld(e, built.catalog, **built.common) for e in built.catalog.events]
    document = graph(nodes)
    assert document["@context"] == "https://schema.org"
    assert len(document["@graph"]) == len(nodes)
    assert all("@context" not in node for node in document["@graph"])
    assert [n["@id"] for n in document["@graph"]] == [n["@id"] for n in nodes]


@pytest.mark.parametrize(
    "html",
    [
        "<p>One plain paragraph.</p>",
        "\n<p>Spaced   out\n text &amp; an entity, &lt;tags&gt; and &#8220;quotes&#8221;.</p>\n",
        "<p>First paragraph.</p>\n<p>Second <em>with</em> markup.</p>",
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>",
        "<p></p>",
    ],
)
def test_plain_text_of_a_single_paragraph_is_what_the_parser_gives(html):
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    assert html_to_text(html) == "\n".join(line for line in lines if line)
