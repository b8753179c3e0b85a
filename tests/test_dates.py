"""EDTF parsing, bounds, display and chronological order."""

from __future__ import annotations

import pickle
import random
from datetime import date

import edtf
import pytest

from pelican_timeline.dates import DateError, parse_date

VALID = [
    "2017",
    "2017-07",
    "2017-08-05",
    "2016-02-29",
    "2017-08-05?",
    "2017-08~",
    "2017%",
    "2017-21",
    "201X",
    "20XX",
    "2017-XX",
    "2017-08-XX",
    "2017-08-01/2017-08-07",
    "2016-12-30/2017-01-02",
    "2017-06/2017-08",
    "2017-08-05T16:34:00+03:00",
    "2017-08-05T16:34:00Z",
]


@pytest.mark.parametrize("text", VALID)
def test_bounds_agree_with_the_reference_edtf_library(text):
    ours = parse_date(text)
    reference = edtf.parse_edtf(text)
    assert ours.lower == date(*reference.lower_strict()[:3])
    assert ours.upper == date(*reference.upper_strict()[:3])


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("2017", "2017"),
        ("2017-07", "July 2017"),
        ("2017-08~", "c. August 2017"),
        ("2017-08-05?", "5 Aug 2017?"),
        ("2017-08-05%", "c. 5 Aug 2017?"),
        ("2017-08-05", "5 Aug 2017"),
        ("2017-08-01/2017-08-07", "1–7 Aug 2017"),
        ("2017-07-30/2017-08-02", "30 Jul–2 Aug 2017"),
        ("2016-12-30/2017-01-02", "30 Dec 2016 – 2 Jan 2017"),
        ("2017-06/2017-08", "June–August 2017"),
        ("2003/2005", "2003–2005"),
        ("2017-08-01/..", "from 1 Aug 2017"),
        ("../2017-08-01", "until 1 Aug 2017"),
        ("2017-08-01/", "1 Aug 2017 – ?"),
        ("/2017-08-01", "? – 1 Aug 2017"),
        ("2017-21", "Spring 2017"),
        ("201X", "2010s"),
        ("2017-XX", "2017"),
        ("2017-08-06T16:34:00+03:00", "6 Aug 2017, 16:34 UTC+03:00"),
        ("2017-08-06T16:34Z", "6 Aug 2017, 16:34 UTC"),
    ],
)
def test_display_is_honest_about_precision(text, display):
    assert parse_date(text).display() == display


@pytest.mark.parametrize(
    ("text", "precision"),
    [("2017", "year"), ("2017-07", "month"), ("2017-07-04", "day"), ("201X", "decade"), ("2017-22", "season")],
)
def test_precision(text, precision):
    assert parse_date(text).precision == precision


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2017-02-30", "'2017-02-30': February 2017 has 28 days"),
        ("2017-13", "'2017-13': month 13 does not exist (use 01-12, or 21-24 for seasons)"),
        ("05/08/2017", "'05/08/2017' is not EDTF; write dates as YYYY-MM-DD"),
        ("2017-08-10/2017-08-01", "'2017-08-10/2017-08-01' ends before it starts"),
        ("../..", "'../..' has neither a start nor an end"),
        ("-0500", "'-0500': years before 1 CE are not supported"),
        ("August 2017", "'August 2017' is not an EDTF date"),
        ("2017-08-05T25:00", "'2017-08-05T25:00': 25:00 is not a time of day"),
        ("", "empty date"),
    ],
)
def test_invalid_dates_say_what_is_wrong(text, message):
    with pytest.raises(DateError) as error:
        parse_date(text)
    assert str(error.value).startswith(message)


def test_winter_runs_from_december_into_the_next_year():
    winter = parse_date("2017-24")
    assert (winter.lower, winter.upper) == (date(2017, 12, 1), date(2018, 2, 28))


@pytest.mark.parametrize("text", ["2017-02-30", "2017-13", "05/08/2017", "August 2017"])
def test_reference_library_also_refuses(text):
    with pytest.raises(Exception):  # noqa: B017 - edtf raises several kinds
        edtf.parse_edtf(text)


def ordered(texts):
    return [d.text for d in sorted((parse_date(t) for t in texts), key=lambda d: d.sort_key)]


def test_month_precision_event_sorts_before_days_of_that_month():
    assert ordered(["2017-08-02", "2017-08-01", "2017-08"]) == ["2017-08", "2017-08-01", "2017-08-02"]


def test_year_precision_events_open_their_year_and_seasons_sit_at_their_first_month():
    texts = ["2017-03-02", "2017-02-01", "2017-21", "2017", "2016-12-31", "2017-24"]
    assert ordered(texts) == ["2016-12-31", "2017", "2017-02-01", "2017-21", "2017-03-02", "2017-24"]


def test_ranges_sort_by_start_and_single_days_before_ranges_starting_that_day():
    assert ordered(["2017-08-01/2017-08-07", "2017-08-01", "2017-07-30/2017-08-02"]) == [
        "2017-07-30/2017-08-02",
        "2017-08-01",
        "2017-08-01/2017-08-07",
    ]


def test_open_start_is_filed_under_its_end():
    assert ordered(["2017-09-01", "../2017-08-15", "2017-08-01"]) == ["2017-08-01", "../2017-08-15", "2017-09-01"]


def test_times_sort_within_their_day_in_utc():
    # 10:00 in Moscow (UTC+3) is 07:00 UTC, before 08:00 UTC.
    assert ordered(["2017-08-06T08:00:00Z", "2017-08-06T10:00:00+03:00", "2017-08-06"]) == [
        "2017-08-06",
        "2017-08-06T10:00:00+03:00",
        "2017-08-06T08:00:00Z",
    ]


def test_sorting_is_a_total_order_on_mixed_precisions():
    texts = ["2017", "2017-08", "2017-08-05", "2017-08-05?", "2017-08~", "2017-08-01/2017-08-31", "2018", "201X"]
    expected = ordered(texts)
    for seed in range(20):
        shuffled = texts[:]
        random.Random(seed).shuffle(shuffled)
        assert ordered(shuffled) == expected


@pytest.mark.parametrize(
    ("text", "stamps"),
    [
        ("2017", ["2017"]),
        ("2017-07", ["2017-07"]),
        ("2017-08-05?", ["2017-08-05"]),
        ("2017-08-01/2017-08-07", ["2017-08-01", "2017-08-07"]),
        ("2017-08-06T16:34:00+03:00", ["2017-08-06T16:34:00+03:00"]),
    ],
)
def test_html_datetime_values_are_valid_and_as_precise_as_the_date(text, stamps):
    assert [stamp for stamp, _ in parse_date(text).segments() if stamp] == stamps


def test_a_range_of_one_day_is_shown_as_that_day():
    assert parse_date("2017-08-01/2017-08-01").display() == "1 Aug 2017"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9999-24", "'9999-24' runs past the years 1-9999 that dates can use"),
        ("0001-01-01T00:00+03:00", "'0001-01-01T00:00+03:00' runs past the years 1-9999 that dates can use"),
        ("2017-08-XXT10:00", "'2017-08-XXT10:00': a time of day needs a known day"),
        ("\u0662\u0660\u0661\u0667", "'\u0662\u0660\u0661\u0667' is not an EDTF date"),
    ],
)
def test_the_edges_of_the_calendar_are_refused_with_a_message_not_a_crash(text, message):
    with pytest.raises(DateError) as error:
        parse_date(text)
    assert str(error.value).startswith(message)


def test_remembered_wordings_are_the_same_and_cannot_be_changed_through_a_copy():
    first = parse_date("2017-08-01/2017-08-07")
    pieces = first.segments()
    pieces.append((None, " (edited)"))
    again = parse_date("2017-08-01/2017-08-07")
    assert again.segments() == first.segments() == [("2017-08-01", "1"), (None, "–"), ("2017-08-07", "7 Aug 2017")]
    assert again.display() == first.display() == "1–7 Aug 2017"


@pytest.mark.parametrize(
    "text", ["2017-08-05", "2017-08-01/2017-08-07", "../2017-08", "2017-21", "2017-08-05T16:34+03:00"]
)
def test_a_date_is_pickled_as_its_text_and_comes_back_whole(text):
    value = parse_date(text)
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    assert b"DatePoint" not in data  # the points are parsed again, not stored
    back = pickle.loads(data)
    assert back == value
    assert back.sort_key == value.sort_key
    assert (back.lower, back.upper, back.precision, back.display()) == (
        value.lower,
        value.upper,
        value.precision,
        value.display(),
    )


def test_an_error_is_not_remembered_as_a_date():
    for _ in range(2):
        with pytest.raises(DateError):
            parse_date("2017-02-30")


@pytest.mark.parametrize(
    ("text", "filed"),
    [
        ("2017-08-05", (2017, 8)),
        ("2017-08", (2017, 8)),
        ("2017", (2017, 0)),
        ("201X", (2010, 0)),
        ("2017-24", (2017, 12)),  # winter is filed under its first month
        ("../2017-08-07", (2017, 8)),  # an open start is filed under the end
        ("2017-08-30/2017-09-02", (2017, 8)),
        ("2017-08-05T23:30-05:00", (2017, 8)),  # the day as written, not as in UTC
    ],
)
def test_the_month_an_event_is_filed_under(text, filed):
    assert parse_date(text).filed_under == filed
    assert pickle.loads(pickle.dumps(parse_date(text))).filed_under == filed
