"""CSV tables: events, and event-actor pairs, read back as a spreadsheet or script would."""

from __future__ import annotations

import csv
import io

from export_helpers import DATES, HOSTILE, HOSTILE_TITLE, SITE_URL, build, sample_site
from pelican_timeline.exports.tables import EVENT_ACTOR_COLUMNS, EVENT_COLUMNS, _table, event_actors_csv, events_csv


def read(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_event_with_a_header(tmp_path):
    built = build(tmp_path, {**DATES, **HOSTILE})
    text = events_csv(built.catalog, **built.common)
    rows = read(text)
    assert text.split("\r\n", 1)[0] == ",".join(EVENT_COLUMNS)
    assert [r["id"] for r in rows] == [e.id for e in built.catalog.events]
    by_title = {r["title"]: r for r in rows}
    open_start = by_title["open start"]
    assert {key: open_start[key] for key in ("edtf", "lower", "upper", "precision", "display", "type")} == {
        "edtf": "../2017-10-03",
        "lower": "",
        "upper": "2017-10-03",
        "precision": "day",
        "display": "until 3 Oct 2017",
        "type": "statement",
    }
    assert by_title["month range"]["lower"] == "2018-01-01"
    assert by_title["month range"]["upper"] == "2018-02-28"


def test_values_round_trip_through_quoting(tmp_path):
    built = build(tmp_path, HOSTILE)
    rows = {r["id"]: r for r in read(events_csv(built.catalog, **built.common))}
    event = built.events_titled(HOSTILE_TITLE)
    row = rows[event.id]
    assert row["title"] == HOSTILE_TITLE
    assert row["location"] == '<b>Pyongyang</b>, "DPRK"\nsecond line'
    assert row["actor_ids"].split(";") == ["evil-org", "north-korea", "no-profile-yet"]
    assert row["article_url"] == f"{SITE_URL}/articles/hostile/"
    assert row["links"].split(";") == ["https://example.org/doc?a=1&b=<2>%3Bc=3", "https://example.org/plain"]
    assert row["url"] == f"{SITE_URL}/timeline/2017/#{event.id}"
    newline_title = built.events_titled("First line\nsecond line, +cmd")
    assert rows[newline_title.id]["title"] == "First line\nsecond line, +cmd"
    assert rows[newline_title.id]["actor_ids"] == ""


def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(tmp_path):
    built = build(tmp_path, HOSTILE)
    rows = {r["id"]: r for r in read(events_csv(built.catalog, **built.common))}
    formula = rows[built.events_titled("=1+2 looks like a formula").id]
    assert formula["title"] == "'=1+2 looks like a formula"
    assert formula["location"] == "'@SUM(A1:A2)"
    minus = rows[built.events_titled("</script><script>alert(1)</script><!--").id]
    assert minus["location"] == "'-2+3"
    for text in (events_csv(built.catalog, **built.common), event_actors_csv(built.catalog)):
        for row in read(text):
            assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())


def test_one_row_per_event_and_actor(tmp_path):
    built = build(tmp_path, {**DATES, **HOSTILE})
    rows = read(event_actors_csv(built.catalog))
    assert list(rows[0]) == list(EVENT_ACTOR_COLUMNS)
    assert len(rows) == sum(len(e.actors) for e in built.catalog.events)
    hostile = [r for r in rows if r["event_title"] == HOSTILE_TITLE]
    assert [(r["actor_id"], r["actor_name"], r["actor_type"], r["role"]) for r in hostile] == [
        ("evil-org", '<img src=x onerror=alert(1)> Évil "Org" & Co', "organization", "actor"),
        ("north-korea", "North Korea", "country", "recipient"),
        ("no-profile-yet", "No Profile Yet", "unknown", "participant"),
    ]
    assert {(r["edtf"], r["lower"], r["upper"]) for r in hostile} == {("2017-08-05", "2017-08-05", "2017-08-05")}


def test_the_sample_site_pairs_match_each_actors_events():
    built = sample_site()
    rows = read(event_actors_csv(built.catalog))
    for actor_id, events in built.catalog.events_by_actor.items():
        assert sorted({r["event_id"] for r in rows if r["actor_id"] == actor_id}) == sorted(e.id for e in events)


def test_tables_follow_rfc_4180_line_ends(tmp_path):
    built = build(tmp_path, HOSTILE)
    text = events_csv(built.catalog, **built.common)
    assert text.endswith("\r\n")
    # A bare newline appears only inside a quoted cell (the multi-line title and location).
    outside_quotes = text.split('"')[::2]
    assert all("\n" not in part.replace("\r\n", "") for part in outside_quotes)


def test_a_table_streamed_in_batches_is_the_table_written_at_once():
    # Rows with quotes, commas and line breaks, so a batch boundary inside quoting would show.
    rows = [(f"id-{n}", f'say "{n}", then\nstop', "=1+1" if n % 2 else "") for n in range(7)]
    whole = "".join(_table(("id", "text", "formula"), rows, batch=len(rows) + 1))
    chunks = list(_table(("id", "text", "formula"), rows, batch=2))
    assert len(chunks) == 4
    assert "".join(chunks) == whole
    assert [r["id"] for r in read(whole)] == [f"id-{n}" for n in range(7)]
