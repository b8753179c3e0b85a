"""Actor index and per-actor pages."""

from __future__ import annotations

from sitekit import actor_file, event_file

LAVROV = """
---
name: Sergey Lavrov
type: person
aliases: [Sergei Lavrov, Lavrov]
affiliations:
  - id: russia
    role: Minister of Foreign Affairs
    from: 2004-03-09
wikidata: Q42
---
Russia's foreign minister since **2004**.
"""

ARTICLE = """
---
title: Lavrov meets Tillerson
date: 2017-08-06
source: Sputnik News
actors: [sergey-lavrov, rex-tillerson, asean]
events:
  - date: 2017-08-06
    title: Lavrov and Tillerson meet in Manila
    type: consult
    actors: [{id: sergey-lavrov, role: actor}, {id: rex-tillerson, role: recipient}]
---
Body.
"""


def site_files():
    return {
        "actors/sergey-lavrov.md": LAVROV,
        "actors/rex-tillerson.md": actor_file("Rex Tillerson"),
        "actors/russia.md": actor_file("Russia", "country"),
        "actors/asean.md": actor_file("ASEAN", "organization"),
        "articles/meeting.md": ARTICLE,
        "events/a.md": event_file("2017-07", "Lavrov speaks", actors="[sergey-lavrov, russia]"),
        "events/b.md": event_file("2016-05-01", "Lavrov and Tillerson again", actors="[sergey-lavrov, rex-tillerson]"),
        "events/c.md": event_file("2017-09-01", "Unprofiled actor appears", actors="[sergey-lavrov, kim-jong-un]"),
    }


def test_actor_index_groups_by_type_with_event_counts(make_site):
    site = make_site(site_files())
    page = site.html("actors/")
    groups = {
        g.h2.contents[0].strip(): [li.get_text(" ", strip=True) for li in g.select("li")]
        for g in page.select("section.actor-group")
    }
    assert groups == {
        "People": ["Rex Tillerson 2 events", "Sergey Lavrov 4 events"],
        "Organizations": ["ASEAN 0 events"],
        "Countries": ["Russia 1 event"],
        "Without a profile yet": ["Kim Jong Un 1 event"],
    }


def test_actor_page_shows_profile_events_in_order_articles_and_co_actors(make_site):
    site = make_site(site_files())
    page = site.html("actors/sergey-lavrov/")
    assert page.h1.get_text() == "Sergey Lavrov"
    assert page.select_one(".aliases").get_text(" ", strip=True) == "Also known as: Sergei Lavrov; Lavrov"
    assert page.select_one(".bio strong").get_text() == "2004"
    affiliation = page.select_one(".facts dd")
    assert affiliation.get_text(" ", strip=True) == "Russia , Minister of Foreign Affairs (from 9 Mar 2004)"
    assert affiliation.a["href"] == "../../actors/russia/"
    titles = [t.get_text(strip=True) for t in page.select("li.event .event-title")]
    assert titles == [
        "Lavrov and Tillerson again",
        "Lavrov speaks",
        "Lavrov and Tillerson meet in Manila",
        "Unprofiled actor appears",
    ]
    articles = [a.get_text() for a in page.select(".article-list a")]
    assert articles == ["Lavrov meets Tillerson"]
    co_actors = [
        (li.a.get_text(), li.select_one("a.count").contents[0].strip(), li.select_one("a.count")["href"])
        for li in page.select(".co-actors li")
    ]
    assert co_actors == [
        # Two shared events get a page of their own; one shared event is linked directly.
        ("Rex Tillerson", "2 shared events", "../../actors/rex-tillerson/with/sergey-lavrov/"),
        ("Kim Jong Un", "1 shared event", "../../timeline/2017/#2017-09-01-unprofiled-actor-appears"),
        ("Russia", "1 shared event", "../../timeline/2017/#2017-07-lavrov-speaks"),
    ]
    pair = site.html("actors/rex-tillerson/with/sergey-lavrov/")
    assert pair.h1.get_text() == "Rex Tillerson and Sergey Lavrov"
    assert [t.get_text() for t in pair.select(".event-title")] == [
        "Lavrov and Tillerson again",
        "Lavrov and Tillerson meet in Manila",
    ]
    assert page.select_one('a[href="https://www.wikidata.org/wiki/Q42"]') is not None


def test_unknown_actor_gets_a_page_marked_as_without_profile_and_a_warning(make_site):
    site = make_site(site_files())
    page = site.html("actors/kim-jong-un/")
    assert page.h1.get_text() == "Kim Jong Un"
    assert "No profile has been written" in page.select_one(".notice").get_text()
    assert any("unknown actor 'kim-jong-un'" in line for line in site.problems())
    assert site.error is None


def test_actor_mentioned_only_by_an_article_lists_the_article(make_site):
    site = make_site(site_files())
    page = site.html("actors/asean/")
    assert [a.get_text() for a in page.select(".article-list a")] == ["Lavrov meets Tillerson"]
    assert page.select("li.event") == []
