"""timeline.json: the whole catalog as JSON, checked with the schema we ship."""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from export_helpers import DATES, HOSTILE, HOSTILE_TITLE, SITE_NAME, SITE_URL, build, sample_site
from pelican_timeline.exports.catalog_json import (
    SCHEMA_FILE,
    catalog_document,
    catalog_json,
    catalog_json_chunks,
    load_schema,
    schema_text,
)
from pelican_timeline.model import ACTOR_TYPES, EVENT_TYPES, ROLES, UNPROFILED


def validator(site_url: str = "") -> Draft202012Validator:
    schema = load_schema(site_url)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def document(built, **overrides) -> dict:
    options = {**built.common, "site_name": SITE_NAME, **overrides}
    return json.loads(catalog_json(built.catalog, **options))


def test_every_date_form_and_hostile_text_validate_against_the_schema(tmp_path):
    built = build(tmp_path, {**DATES, **HOSTILE})
    data = document(built)
    validator(SITE_URL).validate(data)
    assert len(data["events"]) == len(built.catalog.events)
    assert len(data["actors"]) == len(built.catalog.actors)
    assert len(data["articles"]) == 1


def test_the_sample_site_validates_and_every_reference_resolves():
    built = sample_site()
    data = document(built)
    validator().validate(data)
    actor_ids = {a["id"] for a in data["actors"]}
    event_ids = [e["id"] for e in data["events"]]
    assert event_ids == [e.id for e in built.catalog.events]
    assert all(role["id"] in actor_ids for e in data["events"] for role in e["actors"])
    for article in data["articles"]:
        assert set(article["event_ids"]) <= set(event_ids)
        assert set(article["actor_ids"]) <= actor_ids
    counts = {a["id"]: a["event_count"] for a in data["actors"]}
    assert sum(counts.values()) == sum(len(e["actors"]) for e in data["events"])


def test_a_development_build_without_site_url_uses_site_relative_addresses(tmp_path):
    built = build(tmp_path, DATES)
    data = document(built, site_url="")
    validator().validate(data)
    assert data["$schema"] == "timeline.schema.json"
    assert data["site"] == {"name": SITE_NAME, "url": None}
    assert data["events"][0]["url"].startswith("timeline/")


def broken(mutate):
    def apply(data: dict) -> dict:
        data = copy.deepcopy(data)
        mutate(data)
        return data

    return apply


BROKEN = {
    "event without id": broken(lambda d: d["events"][0].pop("id")),
    "impossible lower date": broken(lambda d: d["events"][0].update(lower="2017-02-30")),
    "date not ISO": broken(lambda d: d["events"][0].update(upper="5.8.2017")),
    "date written the US way in edtf": broken(lambda d: d["events"][0].update(edtf="08/05/2017")),
    "unknown precision": broken(lambda d: d["events"][0].update(precision="week")),
    "unknown event type": broken(lambda d: d["events"][0].update(type="consultation")),
    "unsafe event id": broken(lambda d: d["events"][0].update(id="Bad_ID")),
    "extra field on an event": broken(lambda d: d["events"][0].update(color="red")),
    "unknown role": broken(lambda d: d["events"][0]["actors"].append({"id": "x", "role": "villain"})),
    "javascript link": broken(lambda d: d["events"][0]["sources"].append({"url": "javascript:alert(1)", "title": "", "kind": "link"})),
    "unknown source kind": broken(lambda d: d["events"][0]["sources"].append({"url": "https://a.example/", "title": "t", "kind": "video"})),
    "bad wikidata id": broken(lambda d: d["actors"][0].update(wikidata="42")),
    "actor without name": broken(lambda d: d["actors"][0].pop("name")),
    "negative event count": broken(lambda d: d["actors"][0].update(event_count=-1)),
    "article date without day": broken(lambda d: d["articles"][0].update(published="2017-08")),
    "no events list": broken(lambda d: d.pop("events")),
}  # fmt: skip


@pytest.mark.parametrize("name", BROKEN)
def test_the_schema_rejects_a_broken_document(tmp_path, name):
    built = build(tmp_path, {**DATES, **HOSTILE})
    data = document(built)
    check = validator(SITE_URL)
    check.validate(data)
    with pytest.raises(ValidationError):
        check.validate(BROKEN[name](data))


def test_events_carry_their_bounds_precision_and_qualifiers(tmp_path):
    built = build(tmp_path, DATES)
    events = {e["title"]: e for e in document(built)["events"]}
    picked = {
        title: (e["edtf"], e["lower"], e["upper"], e["precision"], e["display"])
        for title, e in events.items()
        if title in ("month", "season", "open end", "open start", "timed with offset")
    }
    assert picked == {
        "month": ("2017-07", "2017-07-01", "2017-07-31", "month", "July 2017"),
        "season": ("2017-23", "2017-09-01", "2017-11-30", "season", "Autumn 2017"),
        "open end": ("2017-09-01/..", "2017-09-01", None, "day", "from 1 Sep 2017"),
        "open start": ("../2017-10-03", None, "2017-10-03", "day", "until 3 Oct 2017"),
        "timed with offset": ("2017-08-05T16:34:00+03:00", "2017-08-05", "2017-08-05", "time", "5 Aug 2017, 16:34 UTC+03:00"),
    }  # fmt: skip
    assert events["uncertain day"]["qualifiers"] == {"uncertain": True, "approximate": False}
    assert events["approximate month"]["qualifiers"] == {"uncertain": False, "approximate": True}
    assert events["day"]["qualifiers"] == {"uncertain": False, "approximate": False}
    assert events["day"]["summary_html"] == ""
    assert events["day"]["description_html"] == "<p>Description of day.</p>"


def test_hostile_text_comes_back_exactly_and_only_sanitised_html_is_html(tmp_path):
    built = build(tmp_path, HOSTILE)
    data = document(built)
    event = next(e for e in data["events"] if e["title"] == HOSTILE_TITLE)
    original = built.events_titled(HOSTILE_TITLE)
    assert event["location"] == '<b>Pyongyang</b>, "DPRK"\nsecond line'
    assert event["summary_html"] == original.summary_html
    assert "onerror" not in event["summary_html"]
    assert event["actors"] == [
        {"id": "evil-org", "role": "actor"},
        {"id": "north-korea", "role": "recipient"},
        {"id": "no-profile-yet", "role": "participant"},
    ]
    assert event["sources"] == [
        {"url": f"{SITE_URL}/articles/hostile/", "title": 'Article <i>title</i> with "quotes" & </script>', "kind": "article"},
        {"url": "https://example.org/doc?a=1&b=<2>;c=3", "title": "</script><script>alert(1)</script>", "kind": "link"},
        {"url": "https://example.org/plain", "title": "", "kind": "link"},
    ]  # fmt: skip
    actors = {a["id"]: a for a in data["actors"]}
    assert actors["evil-org"] == {
        "id": "evil-org",
        "name": '<img src=x onerror=alert(1)> Évil "Org" & Co',
        "type": "organization",
        "aliases": ['=HYPERLINK("https://evil.example/")', "</script><b>x</b>"],
        "wikidata": "Q42",
        "has_profile": True,
        "url": f"{SITE_URL}/actors/evil-org/",
        "event_count": 2,
    }
    assert actors["no-profile-yet"]["type"] == UNPROFILED
    assert actors["no-profile-yet"]["has_profile"] is False
    assert actors["no-profile-yet"]["wikidata"] is None


def test_articles_list_their_outlet_events_and_actors(tmp_path):
    built = build(tmp_path, HOSTILE)
    (article,) = document(built)["articles"]
    assert article["id"] == "hostile"
    assert article["published"] == "2017-08-06T16:34:00+03:00"
    assert article["modified"] is None
    assert article["url"] == f"{SITE_URL}/articles/hostile/"
    assert article["source"] == {
        "name": "<b>Outlet</b> & Sons",
        "url": "https://outlet.example/story?id=1&x=<y>",
        "via": {"name": 'Republisher "R"', "url": "https://republisher.example/copy"},
    }
    assert article["dateline"] == "Pyongyang <br>"
    assert article["actor_ids"] == ["evil-org", "kim-jong-un"]
    assert article["event_ids"] == [e.id for e in built.catalog.events_by_article[next(iter(built.article_urls))]]


def test_the_schema_ships_with_the_package_and_names_the_site_vocabulary():
    assert SCHEMA_FILE.name == "timeline.schema.json"
    schema = json.loads(schema_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    definitions = schema["$defs"]
    assert definitions["event"]["properties"]["type"]["enum"] == list(EVENT_TYPES)
    assert definitions["event"]["properties"]["actors"]["items"]["properties"]["role"]["enum"] == list(ROLES)
    assert definitions["actor"]["properties"]["type"]["enum"] == [*ACTOR_TYPES, UNPROFILED]
    for name in ("event", "actor", "article"):
        assert definitions[name]["additionalProperties"] is False
        assert set(definitions[name]["required"]) == set(definitions[name]["properties"])
    assert load_schema(SITE_URL)["$id"] == f"{SITE_URL}/timeline.schema.json"


def test_the_document_is_one_record_per_line(tmp_path):
    built = build(tmp_path, {**DATES, **HOSTILE})
    text = catalog_json(built.catalog, **built.common, site_name=SITE_NAME)
    data = catalog_document(built.catalog, **built.common, site_name=SITE_NAME)
    assert json.loads(text) == data
    assert text.endswith("}\n")
    lines = text.splitlines()
    records = [*data["events"], *data["actors"], *data["articles"]]
    assert len(lines) == len(records) + 10  # braces, $schema, site, and each list's opening and closing lines
    record_lines = [line.rstrip(",") for line in lines if line.startswith('{"id"')]
    assert [json.loads(line) for line in record_lines] == records


def test_the_document_is_made_a_record_at_a_time(tmp_path):
    built = build(tmp_path, {**DATES, **HOSTILE})
    chunks = catalog_json_chunks(built.catalog, **built.common, site_name=SITE_NAME)
    records = [chunk for chunk in chunks if chunk.lstrip(",\n").startswith('{"id"')]
    data = catalog_document(built.catalog, **built.common, site_name=SITE_NAME)
    assert [json.loads(chunk.lstrip(",\n")) for chunk in records] == [
        *data["events"],
        *data["actors"],
        *data["articles"],
    ]


def test_an_empty_catalog_is_a_valid_document(tmp_path):
    built = build(tmp_path, {})
    text = catalog_json(built.catalog, **built.common, site_name=SITE_NAME)
    assert json.loads(text) == catalog_document(built.catalog, **built.common, site_name=SITE_NAME)
    assert '"events":[],\n"actors":[],\n"articles":[]\n}' in text
