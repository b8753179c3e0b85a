"""Headline, outlet, publication date, dateline and byline, in the forms news pages use."""

from __future__ import annotations

import pytest

from importer_helpers import BODY


def page(*lines: str) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("16:34 06.08.2017(updated 19:14 06.08.2017)", "2017-08-06T16:34:00+03:00"),  # Sputnik, Moscow time
        ("Sat Aug 24, 2019 10:33AM", "2019-08-24T10:33:00"),  # Press TV: no zone printed
        ("21:30, December 19, 2011", "2011-12-19T21:30:00+04:00"),  # RIA in 2011: Moscow was UTC+4
        ("Publish Date: 15 July 2019 - 21:53", "2019-07-15T21:53:00+04:30"),  # IRNA, Tehran summer time
        ("2019/07/02 10:33 KST", "2019-07-02T10:33:00+09:00"),
        ("July 15, 2019 at 9:53 p.m. EDT", "2019-07-15T21:53:00-04:00"),
        ("14:13 19/12/2011", "2011-12-19T14:13:00+04:00"),
    ],
)
def test_publication_date_forms(draft_of, date_line, expected):
    outlet = {"Sat": "Press TV", "21:": "RIA Novosti", "Pub": "IRNA", "201": "Yonhap", "Jul": "Reuters"}.get(
        date_line[:3], "Sputnik News"
    )
    if date_line.startswith("14:13"):
        outlet = "RIA Novosti"
    draft = draft_of(page("A headline for the test page here", outlet, date_line, BODY, BODY))
    assert draft.fields.published.isoformat() == expected


def test_updated_time_is_the_modified_date(draft_of):
    draft = draft_of(page("Headline of a report", "Sputnik News", "16:34 06.08.2017(updated 19:14 06.08.2017)", BODY))
    assert draft.fields.modified.isoformat() == "2017-08-06T19:14:00+03:00"


def test_year_less_date_takes_its_year_from_the_url(draft_of):
    text = page("Lavrov says talks will go on", "June 04, 15:53 UTC+3", "PRETORIA, June 4. /TASS/. " + BODY)
    draft = draft_of(text, url="https://tass.com/politics/2018/06/04/1007882")
    assert draft.fields.published.isoformat() == "2018-06-04T15:53:00+03:00"
    assert any("without a year" in note for note in draft.review)


def test_year_less_date_without_a_reliable_hint_stays_empty(draft_of):
    draft = draft_of(page("Lavrov says talks will go on", "June 04, 15:53 UTC+3", "PRETORIA, June 4. /TASS/. " + BODY))
    assert draft.fields.published is None
    assert any("no year" in note for note in draft.review)


def test_a_today_widget_above_the_headline_is_not_the_publication_date(draft_of):
    draft = draft_of(page("Friday, April 26, 2024", "India condemns the nuclear test", "Reuters", BODY, BODY))
    assert draft.fields.published is None
    assert any("may be the site's date of today" in note for note in draft.review)


def test_date_carried_only_by_the_dateline(draft_of):
    draft = draft_of(page("Allies begin operations", "WASHINGTON, March 25, 2003 -- " + BODY))
    assert draft.fields.published.isoformat() == "2003-03-25"
    assert draft.fields.dateline == "Washington"


def test_date_from_the_url_when_the_page_has_none_and_the_draft_says_so(draft_of):
    draft = draft_of(page("Council adopts resolution", BODY, BODY), url="https://sputnikglobe.com/20160302/x-1035.html")
    assert draft.fields.published.isoformat() == "2016-03-02"
    assert "publication date taken from the URL" in draft.review


def test_no_date_anywhere_stays_empty_and_is_named_for_review(draft_of):
    draft = draft_of(page("Council adopts resolution", BODY, BODY))
    assert draft.fields.published is None
    assert "no publication date on the page" in draft.review


@pytest.mark.parametrize(
    ("opening", "city", "outlet"),
    [
        ("MOSCOW (Sputnik) – ", "Moscow", "Sputnik News"),
        ("SEOUL, July 2 (Yonhap) -- ", "Seoul", "Yonhap News Agency"),
        ("BEIJING, June 4. /TASS/. ", "Beijing", "TASS"),
        ("Tehran, Nov 14, IRNA -- ", "Tehran", "IRNA"),
        ("UNITED NATIONS, July 2 (AP) — ", "United Nations", "Associated Press"),
        ("KABUL, Afghanistan (Reuters) - ", "Kabul", "Reuters"),
        ("BEIJING, Dec. 9 (Xinhua) -- ", "Beijing", "Xinhua"),
    ],
)
def test_dateline_styles(draft_of, opening, city, outlet):
    draft = draft_of(page("A headline for this report", opening + BODY, BODY))
    assert (draft.fields.dateline, draft.fields.source) == (city, outlet)


def test_an_ordinary_sentence_is_not_a_dateline(draft_of):
    draft = draft_of(page("A headline for this report", "However, the minister said " + BODY, BODY))
    assert draft.fields.dateline == ""


def test_republisher_becomes_via_and_the_agency_the_source(draft_of):
    text = page(
        "The Largest Security-Cleared Career Network for Defense and Intelligence Jobs - JOIN NOW",
        "A headline for this report",
        "Sputnik News",
        "16:34 06.08.2017",
        BODY,
    )
    draft = draft_of(text, url="https://www.globalsecurity.org/wmd/library/news/dprk/2017/dprk-170806-sputnik02.htm")
    assert (draft.fields.source, draft.fields.via) == ("Sputnik News", "GlobalSecurity.org")
    assert draft.fields.via_url.endswith("sputnik02.htm") and draft.fields.source_url == ""


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Lee Haye-ah", ["Lee Haye-ah"]),
        ("By Jeff Mason and Josh Smith", ["Jeff Mason", "Josh Smith"]),
    ],
)
def test_bylines(draft_of, line, authors):
    draft = draft_of(page("A headline for this report", line, "July 2, 2019", BODY))
    assert draft.fields.authors == authors


def test_reporting_credit_at_the_end_gives_the_authors(draft_of):
    draft = draft_of(
        page("A headline for this report", BODY, "(Reporting by Louis Charbonneau and Claudia Parsons; Editing by Pat)")
    )
    assert draft.fields.authors == ["Louis Charbonneau", "Claudia Parsons"]
