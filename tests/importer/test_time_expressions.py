"""Relative and absolute time expressions, resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from pelican_timeline.importer.timexpr import find_times

SUNDAY = date(2017, 8, 6)


def resolve(text: str, published: date | None = SUNDAY) -> list[tuple[str, str]]:
    return [(t.text, t.edtf) for t in find_times(text, published)]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("On Saturday, the Council voted.", SUNDAY, [("On Saturday", "2017-08-05")]),
        ("The vote was on Sunday.", SUNDAY, [("on Sunday", "2017-08-06")]),
        ("He spoke last Sunday.", SUNDAY, [("last Sunday", "2017-07-30")]),
        ("The talks will resume on Tuesday.", SUNDAY, [("on Tuesday", "2017-08-08")]),
        ("They meet next Monday.", SUNDAY, [("next Monday", "2017-08-07")]),
        ("Yesterday the ministry said so.", SUNDAY, [("Yesterday", "2017-08-05")]),
        ("The blast came today.", SUNDAY, [("today", "2017-08-06")]),
        ("Three days ago the border closed.", SUNDAY, [("Three days ago", "2017-08-03")]),
        ("In July, Putin said so.", SUNDAY, [("In July", "2017-07")]),
        ("Sanctions began in November.", date(2019, 8, 10), [("in November", "2018-11")]),
        ("Talks will resume in September.", SUNDAY, [("in September", "2017-09")]),
        ("Talks resumed in September.", SUNDAY, [("in September", "2016-09")]),
        ("He said last week that it was over.", SUNDAY, [("last week", "2017-07-24/2017-07-30")]),
        ("Earlier this week, reports said so.", SUNDAY, [("Earlier this week", "2017-07-31/2017-08-05")]),
        ("Earlier this month the talks failed.", SUNDAY, [("Earlier this month", "2017-08-01/2017-08-05")]),
        ("Prices rose last month.", SUNDAY, [("last month", "2017-07")]),
        ("It happened last year.", SUNDAY, [("last year", "2016")]),
        ("Over the weekend, protests grew.", date(2017, 8, 8), [("Over the weekend", "2017-08-05/2017-08-06")]),
        ("North Korea launched a missile on July 28.", SUNDAY, [("on July 28", "2017-07-28")]),
        ("The summit is proposed for Sept. 18.", date(2013, 9, 5), [("Sept. 18", "2013-09-18")]),
        ("The deal was signed on July 14, 2015.", SUNDAY, [("July 14, 2015", "2015-07-14")]),
        ("The deal was signed on 14 July 2015.", SUNDAY, [("14 July 2015", "2015-07-14")]),
        ("The vote on 05.08.2017 passed.", SUNDAY, [("05.08.2017", "2017-08-05")]),
        ("It began in May 2016.", SUNDAY, [("May 2016", "2016-05")]),
        ("In late September 2010 he was elected.", SUNDAY, [("In late September 2010", "2010-09-21/2010-09-30")]),
        ("The two met on September 11-12.", date(2017, 10, 21), [("on September 11-12", "2017-09-11/2017-09-12")]),
        ("Mourning lasts through December 29.", date(2011, 12, 19), [("December 29", "../2011-12-29")]),
        ("Abductions in the 1970s and 1980s.", SUNDAY, [("in the 1970s and 1980s", "1970/1989")]),
        ("The Council meets at 14:00 GMT.", date(2013, 2, 12), [("at 14:00 GMT", "2013-02-12T14:00Z")]),
        ("Talks took place eight months ago.", date(2019, 2, 27), [("eight months ago", "2018-06~")]),
    ],
)
def test_time_expressions_resolve_with_honest_precision(sentence, published, expected):
    assert resolve(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # Across a month boundary.
        ("Yesterday the ministry said so.", date(2017, 8, 1), "2017-07-31"),
        ("On Friday the vote failed.", date(2017, 8, 1), "2017-07-28"),
        # Across a year boundary.
        ("Yesterday the ministry said so.", date(2018, 1, 1), "2017-12-31"),
        ("Prices rose last month.", date(2018, 1, 15), "2017-12"),
        ("In December, talks collapsed.", date(2018, 1, 15), "2017-12"),
        ("He said last week that it was over.", date(2018, 1, 3), "2017-12-25/2017-12-31"),
        ("Earlier this week, reports said so.", date(2018, 1, 3), "2018-01-01/2018-01-02"),
        ("The envoy arrived on Dec. 28.", date(2018, 1, 3), "2017-12-28"),
        ("They will meet on Jan. 4.", date(2017, 12, 29), "2018-01-04"),
    ],
)
def test_relative_dates_cross_month_and_year_boundaries(sentence, published, expected):
    assert [edtf for _, edtf in resolve(sentence, published)] == [expected]


def test_background_years_are_not_time_expressions():
    assert resolve("He defended the 2015 nuclear deal.") == []


def test_relative_expressions_need_a_publication_date():
    assert resolve("On Saturday the vote failed; the 2006 test was in October 2006.", None) == [
        ("October 2006", "2006-10")
    ]


def test_the_verb_may_is_not_a_month():
    assert resolve("Kim may visit Moscow, officials said.") == []
