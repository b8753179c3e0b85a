"""The JSON Schemas in schemas/ agree with the validator, field by field.

Editors use the schemas for completion and checks while typing (docs/editor-setup.md);
the build stays the authority. Every input here goes through the site's own YAML loader
and then through both the schema (draft-07 and 2020-12 validators, which must agree) and
the validator (records.py), and the two must name the same fields as wrong. What the schema
cannot see, or sees differently, is listed below with the reason.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import shutil
import subprocess
import textwrap

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry
from test_bad_input import CASES

from pelican_timeline.dates import DateError, parse_date
from pelican_timeline.fields import Fields
from pelican_timeline.frontmatter import FrontMatterError, LineDict, decode, load_yaml, split
from pelican_timeline.importer import build_draft
from pelican_timeline.importer.actors import site_registry, world_registry
from pelican_timeline.importer.draft import render as render_draft
from pelican_timeline.importer.draft import render_actor
from pelican_timeline.ledger import ERROR, WARNING
from pelican_timeline.model import ACTOR_TYPES, EVENT_TYPES, ROLES
from pelican_timeline.records import (
    ACTOR_FIELDS,
    ARTICLE_FIELDS,
    ARTICLE_STATUSES,
    EVENT_FIELDS,
    actor_from,
    article_from,
    event_from,
)
from sitekit import ROOT

SCHEMAS = ROOT / "schemas"
CONTENT = ROOT / "content"
DEVSET = ROOT / "tests" / "importer" / "devset"
KINDS = {"articles": "article", "events": "event", "actors": "actor"}


def _load_build_script():
    spec = importlib.util.spec_from_file_location("build_schemas", SCHEMAS / "build_schemas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_schemas = _load_build_script()
SCHEMA = {kind: json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")) for kind in KINDS.values()}
# An empty registry: nothing outside the schema itself can be resolved, so nothing is fetched.
VALIDATORS = {
    kind: [cls(schema, registry=Registry()) for cls in (Draft7Validator, Draft202012Validator)]
    for kind, schema in SCHEMA.items()
}


# --- Running both sides ---------------------------------------------------------------------


def plain(value):
    """The loader's line-aware values as plain JSON-like data (LineDict → dict, SourceInt → int …)."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    raise TypeError(f"unexpected {type(value).__name__} from the loader")


def field_name(path) -> str:
    """A JSON path as the validator names fields: ``events[1].actors[0].id``."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def _fields_of(error) -> set[str]:
    error = best_match([error])  # into anyOf: the branch that fits the value's type
    base = list(error.absolute_path)
    if error.validator == "required":
        return {field_name([*base, key]) for key in error.validator_value if key not in error.instance}
    if error.validator == "additionalProperties":
        known = error.schema.get("properties", {})
        return {field_name([*base, key]) for key in error.instance if key not in known}
    return {field_name(base)}


def schema_fields(kind: str, instance) -> set[str]:
    """The fields the schema finds wrong; the draft-07 and 2020-12 validators must agree."""
    found = []
    for validator in VALIDATORS[kind]:
        fields: set[str] = set()
        for error in validator.iter_errors(instance):
            fields |= _fields_of(error)
        found.append(fields)
    assert found[0] == found[1], f"draft-07 and 2020-12 disagree: {found}"
    return found[0]


def validator_problems(kind: str, meta: LineDict, path: str = "content/x.md"):
    """Every problem the validator finds in one file's front matter, and whether it keeps the record."""

    def render(text: str) -> str:
        return text

    if kind == "article":
        result = article_from(meta, path, render)
        return result.problems, result.record is not None and not result.rejected_events
    if kind == "event":
        problems = []
        event = event_from(Fields(meta, path, problems), render, line=1)
        return problems, event is not None
    actor, problems = actor_from(meta, path, "an-actor", "")
    return problems, actor is not None


def error_fields(problems) -> set[str]:
    return {p.field for p in problems if p.severity == ERROR}


def warning_fields(problems) -> set[str]:
    return {p.field for p in problems if p.severity == WARNING}


def load(text: str | bytes) -> LineDict:
    """Front matter as the site reads it (text is written as sitekit.write_files writes it)."""
    raw = textwrap.dedent(text).lstrip("\n").encode("utf-8") if isinstance(text, str) else text
    return split(decode(raw)).meta


def both(kind: str, changes: dict) -> tuple[set[str], set[str], set[str]]:
    """(schema fields, validator error fields, validator warning fields) for one changed file."""
    meta = load(f"---\n{front_matter(kind, changes)}---\nBody.\n")
    problems, _ = validator_problems(kind, meta)
    return schema_fields(kind, plain(meta)), error_fields(problems), warning_fields(problems)


# --- The schema files -----------------------------------------------------------------------


def test_committed_schemas_are_the_build_scripts_output():
    built = build_schemas.build()
    assert sorted(built) == sorted(f"{kind}.schema.json" for kind in KINDS.values())
    for name, schema in built.items():
        committed = (SCHEMAS / name).read_text(encoding="utf-8")
        assert committed == build_schemas.render(schema), f"{name} is stale: run python schemas/build_schemas.py"


@pytest.mark.parametrize("kind", sorted(SCHEMA))
def test_schemas_are_valid_draft_07_and_2020_12(kind):
    schema = SCHEMA[kind]
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)
    Draft202012Validator.check_schema(schema)


# Keywords that mean the same in draft-07 and 2020-12. Anything else ($defs, editor extensions
# such as markdownDescription) would be read differently, or refused by ajv's strict mode.
COMMON_KEYWORDS = {
    "$schema", "title", "description", "examples", "default", "type", "enum", "properties", "required",
    "additionalProperties", "items", "anyOf", "pattern", "minLength", "maxLength", "minimum", "maximum",
    "definitions", "$ref",
}  # fmt: skip


def _keywords(schema) -> set[str]:
    if not isinstance(schema, dict):
        return set()
    found = set(schema)
    for key, value in schema.items():
        if key in ("properties", "definitions"):
            for sub in value.values():
                found |= _keywords(sub)
        elif key in ("items", "additionalProperties"):
            found |= _keywords(value)
        elif key == "anyOf":
            for sub in value:
                found |= _keywords(sub)
    return found


# Read by the YAML language server, ignored by validators.
EDITOR_KEYWORDS = {"patternErrorMessage"}


@pytest.mark.parametrize("kind", sorted(SCHEMA))
def test_schemas_use_only_keywords_common_to_both_drafts(kind):
    assert _keywords(SCHEMA[kind]) <= COMMON_KEYWORDS | EDITOR_KEYWORDS


def _subschemas(schema):
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from _subschemas(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _subschemas(item)


@pytest.mark.parametrize("kind", sorted(SCHEMA))
def test_every_pattern_has_a_plain_message_for_editors(kind):
    patterned = [sub for sub in _subschemas(SCHEMA[kind]) if isinstance(sub.get("pattern"), str)]
    assert patterned and all(sub.get("patternErrorMessage") for sub in patterned)


def _properties(schema):
    """Every (name, schema) under a `properties` keyword, at any depth."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties":
                yield from value.items()
            yield from _properties(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _properties(item)


@pytest.mark.parametrize("kind", sorted(SCHEMA))
def test_every_property_has_hover_help_and_examples(kind):
    properties = list(_properties(SCHEMA[kind]))
    assert len(properties) >= 10
    for name, schema in properties:
        assert schema.get("title") and schema.get("description") and schema.get("examples"), name


def test_field_lists_and_vocabularies_are_the_validators():
    event = SCHEMA["event"]
    assert list(SCHEMA["article"]["properties"]) == list(ARTICLE_FIELDS)
    assert list(event["properties"]) == list(EVENT_FIELDS)
    assert list(SCHEMA["actor"]["properties"]) == list(ACTOR_FIELDS)
    assert SCHEMA["article"]["definitions"]["event"]["properties"] == event["properties"]
    for schema in SCHEMA.values():
        assert schema["additionalProperties"] is False
    assert event["properties"]["type"]["enum"] == list(EVENT_TYPES)
    assert SCHEMA["actor"]["properties"]["type"]["enum"] == list(ACTOR_TYPES)
    assert SCHEMA["article"]["properties"]["status"]["enum"] == [*ARTICLE_STATUSES, None]
    role = event["properties"]["actors"]["items"]["anyOf"][1]["properties"]["role"]
    assert role["enum"] == [*ROLES, None]


def test_vscode_settings_map_each_schema_to_its_content_and_scratch_files():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert sorted(mapping) == sorted(f"./schemas/{kind}.schema.json" for kind in KINDS.values())
    for folder, kind in KINDS.items():
        globs = mapping[f"./schemas/{kind}.schema.json"]
        # `*.md` for matchers where * crosses folders, `**/*.md` for glob matchers where it does not.
        assert globs == [f"*.{kind}.yaml", f"content/{folder}/*.md", f"content/{folder}/**/*.md"]


# --- The sample content ---------------------------------------------------------------------

SAMPLE_FILES = sorted(path for folder in KINDS for path in (CONTENT / folder).rglob("*.md"))


def test_the_sample_content_is_all_there():
    assert {path.parent.name for path in SAMPLE_FILES} == set(KINDS)
    assert len(SAMPLE_FILES) >= 30


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sample_content_is_valid_under_its_schema_and_accepted_by_the_validator(path):
    kind = KINDS[path.parent.name]
    meta = split(decode(path.read_bytes())).meta
    assert schema_fields(kind, plain(meta)) == set()
    problems, kept = validator_problems(kind, meta, str(path))
    assert error_fields(problems) == set() and kept


# --- The bad-input corpus of tests/test_bad_input.py ----------------------------------------

# Cases the schema rejects too, with the fields it names (the validator names the same ones).
SCHEMA_REJECTS = {
    "wrong type": {"tags"},
    "impossible date": {"events[0].date"},  # the date pattern knows month lengths and leap years
    "unknown EDTF": {"date"},
    "unknown event type": {"events[0].type"},
    "missing title": {"events[0].title"},
    "unsafe id": {"events[0].id"},
    "misspelt field": {"acters"},
    "partial publication date": {"date"},
    "events not a list": {"events"},
}
# The build accepts the file and drops the link with a warning; the schema, stricter, flags it.
SCHEMA_FLAGS_A_WARNING = {"javascript URL": {"events[0].sources[0]"}}
# Front matter that is not a mapping: the loader refuses the file; the schema (type: object) too.
SCHEMA_REJECTS_THE_BLOCK = {"list instead of fields"}
# Beyond what a JSON Schema of one file's front matter can see.
VALIDATOR_ONLY = {
    "malformed YAML": "a YAML syntax error: there is no data for a schema to check",
    "tab indentation": "YAML syntax (the loader refuses tabs before parsing)",
    "duplicate key": "a YAML parser keeps one of the keys; the schema sees a single value",
    "non-UTF-8 file": "the file's encoding, checked before any YAML is read",
    "empty file": "there is no front matter at all",
    "binary file": "not text",
    "huge file": "the file's size, not its fields",
    "no front matter": "there is no front matter block",
    "unclosed front matter": "the block's end is file structure, not a field",
    "unsafe actor file name": "an actor's id is its file name, which the schema never sees",
    "duplicate event id": "a clash between two files; each file alone is valid",
    "unknown actor id": "needs the list of profiles in content/actors/ (and is only a warning)",
    "HTML in a title": "a warning only; markup stays allowed in the schema, as the file is published",
}
LOADS_AND_PASSES_THE_SCHEMA = {"unsafe actor file name", "duplicate event id", "unknown actor id", "HTML in a title"}


def test_every_bad_input_case_is_classified_once():
    groups = [set(SCHEMA_REJECTS), set(SCHEMA_FLAGS_A_WARNING), SCHEMA_REJECTS_THE_BLOCK, set(VALIDATOR_ONLY)]
    assert sum(len(group) for group in groups) == len(CASES)
    assert set().union(*groups) == set(CASES)


def _case_files(case: str):
    files, _ = CASES[case]
    for name, text in files.items():
        folder = name.partition("/")[0]
        yield name, KINDS[folder], text


@pytest.mark.parametrize("case", sorted(SCHEMA_REJECTS))
def test_schema_rejects_what_the_validator_rejects(case):
    (name, kind, text), *_ = _case_files(case)
    meta = load(text)
    problems, kept = validator_problems(kind, meta, name)
    assert schema_fields(kind, plain(meta)) == SCHEMA_REJECTS[case]
    assert error_fields(problems) == SCHEMA_REJECTS[case]
    assert not kept


@pytest.mark.parametrize("case", sorted(SCHEMA_FLAGS_A_WARNING))
def test_schema_flags_what_the_build_drops_with_a_warning(case):
    (name, kind, text), *_ = _case_files(case)
    meta = load(text)
    problems, kept = validator_problems(kind, meta, name)
    assert schema_fields(kind, plain(meta)) == SCHEMA_FLAGS_A_WARNING[case]
    assert warning_fields(problems) == SCHEMA_FLAGS_A_WARNING[case]
    assert error_fields(problems) == set() and kept


@pytest.mark.parametrize("case", sorted(SCHEMA_REJECTS_THE_BLOCK))
def test_front_matter_that_is_not_a_mapping_is_refused_by_both(case):
    (_, kind, text), *_ = _case_files(case)
    with pytest.raises(FrontMatterError, match="must be a mapping of fields"):
        load(text)
    block = text.split("---\n")[1]
    assert schema_fields(kind, plain(load_yaml(block))) == {""}  # the root itself


@pytest.mark.parametrize("case", sorted(VALIDATOR_ONLY))
def test_what_only_the_validator_can_see(case):
    for _, kind, text in _case_files(case):
        if case in LOADS_AND_PASSES_THE_SCHEMA:
            assert schema_fields(kind, plain(load(text))) == set(), "the schema cannot see this problem"
        else:
            with pytest.raises(FrontMatterError):
                load(text)


# --- Values at the edges --------------------------------------------------------------------


# A valid file of each kind; each case below changes some of its fields.
# A value of "" writes `key:` (an empty value, read as null); None leaves the key out.
BASE = {
    "event": {"date": "2017-08-05", "title": "An event", "type": "statement", "actors": "[]"},
    "article": {"title": "A report", "date": "2017-08-06", "source": "Sputnik News"},
    "actor": {"name": "Sergey Lavrov", "type": "person"},
}


def front_matter(kind: str, changes: dict) -> str:
    fields = {**BASE[kind], **changes}
    return "".join(f"{key}: {value}".rstrip() + "\n" for key, value in fields.items() if value is not None)


def case_id(kind: str, changes: dict) -> str:
    return f"{kind} " + ", ".join(f"{key}: {value}" for key, value in changes.items())


ONE_EVENT = "[{date: 2017-08-05, title: An event, type: statement, actors: []}]"

EVENT_DATES_ACCEPTED = (
    "2017-08~", "2017-21", "201X", "../2017-08-01", '"2017-08-05T16:34:00+03:00"', "2017", "2017-08-05",
    "2016-02-29", "2000-02-29", "2017-08-01/..", "/2017-08-07", "2017-08-01/", "2017-08%", "20XX", "2017-XX",
    "2017-XX-XX", "2017-08-XX", "2017-08-05T16:34Z", "2017-08-05T16:34-05", "2017-08-05T16:34:10+1400", "2017-23?",
    "2017-08-01~/2017-08-07", "2017-07/2017-08", "2017/2018", "0001", "9999-12-31",
)  # fmt: skip

PUBLICATION_DATES_ACCEPTED = (
    "2017-08-05", '"2017-08-07 09:15"', "2017-08-07T09:00Z", "2017-08-06T16:34:00+0300",
    "2017-08-06T16:34:00.123+03:00", "2016-02-29T23:59:59-11:30", "2017-08-06T16:34+03",
)  # fmt: skip

EVENT_DATES_REJECTED = (
    "2017-02-30", "2017-04-31", "2017-02-29", "1900-02-29", "2017-13", "2017-00", "2017-08-00", "2017-08-32",
    "2017-08-05T25:00", "2017-08-05T16:60", "2017-08-05T16:34:60", "2017-08-05T16", "2017-08-05T16:34+15:00",
    "2017-08-05T16:34+03:60", "2017-21-05", "201X-08", "2017-XX-05", "2017/2018/2019", "/", "../..", "..", "0000",
    "000X", "00XX", "12017", "-0500", "05/08/2017", "5.8.2017", "August 2017", "2017-8", "2017-8-5",
    '"2017-08-05 16:34"', "2017-08-05?~", "0", "-1", "2017.5", "true", '""', "[2017]",
)  # fmt: skip

PUBLICATION_DATES_REJECTED = (
    "2017-08", "2017", "2017-02-30", '"2017-08-05T25:00"', "2017-08-05T16:34+24:00", "2017-08-05?",
    "2017-08-01/2017-08-02", "0000-01-01", "2017-08-05T16:34+3", "'2017-08-05 16:34 +03:00'", "''",
)  # fmt: skip

ACCEPTED_BY_BOTH = [
    # Event dates, in every EDTF form the site supports
    *[("event", {"date": value}) for value in EVENT_DATES_ACCEPTED],
    ("event", {"date": "0x7E1"}),  # YAML reads a number: 2017
    # Text: numbers are taken as written, yes/no stay words
    ("event", {"title": "2371", "location": "yes", "date_text": "NO", "summary": "1.50"}),
    (
        "event",
        {"location": "", "summary": "~", "sources": "", "tags": "", "id": "null"},
    ),  # empty values mean "not given"
    ("event", {"actors": ""}),  # actors given but empty: the same as []
    ("event", {"actors": "[china, {id: north-korea}, {id: un-security-council, role: actor}, {id: japan, role: }]"}),
    ("event", {"id": '"2371"', "tags": "[sanctions, 2371]"}),
    ("event", {"sources": "[https://a.example/x, {url: HTTPS://B.EXAMPLE}, {url: 'http://c.example', title: C}]"}),
    # Publication dates
    *[("article", {"date": value}) for value in PUBLICATION_DATES_ACCEPTED],
    ("article", {"modified": "", "status": "", "slug": "", "events": "", "actors": "", "review": ""}),
    ("article", {"source": "{name: Sputnik News, via: GlobalSecurity.org}"}),
    ("article", {"source": "{name: 2371, url: 'https://x.example/a', via: {name: G, url: 'https://g.example'}}"}),
    ("article", {"source": "{name: X, via: }", "status": "hidden", "slug": "lavrov-tillerson", "lang": "en"}),
    ("article", {"status": "draft", "review": "[check the date]", "authors": "[Jane Doe]", "tags": "[a, 5]"}),
    ("article", {"events": ONE_EVENT, "actors": "[sergey-lavrov, '2371']", "dateline": "Moscow"}),
    # Actor profiles
    ("actor", {"wikidata": "Q42", "aliases": "[]", "review": "[check]"}),
    ("actor", {"type": "group", "affiliations": "[russia, {id: north-korea, role: Leader, from: 2011-12, to: 2019}]"}),
    ("actor", {"affiliations": "[{id: russia, from: 2004, to: }]", "wikidata": ""}),
]


@pytest.mark.parametrize(("kind", "changes"), ACCEPTED_BY_BOTH, ids=[case_id(*case) for case in ACCEPTED_BY_BOTH])
def test_accepted_by_both(kind, changes):
    assert both(kind, changes) == (set(), set(), set())


REJECTED_BY_BOTH = [
    # Event dates (docs/content-format.md, section 6)
    *[("event", {"date": value}, {"date"}) for value in EVENT_DATES_REJECTED],
    ("event", {"date": ""}, {"date"}),
    ("event", {"date": None}, {"date"}),
    # Text and choices
    ("event", {"title": "true"}, {"title"}),
    ("event", {"title": '""'}, {"title"}),
    ("event", {"title": "[a, b]"}, {"title"}),
    ("event", {"title": None, "type": None}, {"title", "type"}),
    ("event", {"type": "meeting"}, {"type"}),
    ("event", {"type": "Consult"}, {"type"}),
    ("event", {"type": "5"}, {"type"}),
    ("event", {"location": "[Moscow]", "summary": "{a: 1}"}, {"location", "summary"}),
    ("event", {"description": "More text"}, {"description"}),
    # Actors and roles
    ("event", {"actors": None}, {"actors"}),
    ("event", {"actors": "china"}, {"actors"}),
    ("event", {"actors": "[Kim Jong-un]"}, {"actors[0]"}),
    ("event", {"actors": "[5, ~, '']"}, {"actors[0]", "actors[1]", "actors[2]"}),
    ("event", {"actors": "[{id: china, role: boss}]"}, {"actors[0].role"}),
    ("event", {"actors": "[{id: china, extra: 1}]"}, {"actors[0].extra"}),
    ("event", {"actors": "[{role: actor}]"}, {"actors[0].id"}),
    ("event", {"actors": "[{id: Bad_Id}]"}, {"actors[0].id"}),
    # Ids, sources, tags
    ("event", {"id": "Bad_Id"}, {"id"}),
    ("event", {"id": "2371"}, {"id"}),
    ("event", {"id": '""'}, {"id"}),
    ("event", {"id": "a--b"}, {"id"}),
    ("event", {"id": "a" * 121}, {"id"}),
    ("event", {"sources": "https://example.org"}, {"sources"}),
    ("event", {"sources": "[{title: X}]"}, {"sources[0].url"}),
    ("event", {"sources": "[5, '']"}, {"sources[0]", "sources[1]"}),
    ("event", {"sources": "[{url: 'https://x.example', note: y}]"}, {"sources[0].note"}),
    ("event", {"tags": "['', ' ', true, x]"}, {"tags[0]", "tags[1]", "tags[2]"}),
    ("event", {"tags": "sanctions"}, {"tags"}),
    # Articles
    *[("article", {"date": value}, {"date"}) for value in PUBLICATION_DATES_REJECTED],
    ("article", {"date": None, "source": None, "title": None, "dateline": "Moscow"}, {"date", "source", "title"}),
    ("article", {"modified": "2017-08-05?"}, {"modified"}),
    ("article", {"source": "5"}, {"source"}),
    ("article", {"source": "''"}, {"source"}),
    ("article", {"source": "[Reuters]"}, {"source"}),
    ("article", {"source": "{url: 'https://x.example'}"}, {"source.name"}),
    ("article", {"source": "{name: X, extra: 1}"}, {"source.extra"}),
    ("article", {"source": "{name: X, via: 5}"}, {"source.via"}),
    ("article", {"source": "{name: X, via: {url: 'https://y.example'}}"}, {"source.via.name"}),
    ("article", {"source": "{name: X, url: 5}"}, {"source.url"}),
    ("article", {"status": "published!"}, {"status"}),
    ("article", {"status": "Draft"}, {"status"}),
    ("article", {"slug": '"Bad Slug"'}, {"slug"}),
    ("article", {"slug": "5"}, {"slug"}),
    ("article", {"actors": "[Kim Jong-un, {id: x}]"}, {"actors[0]", "actors[1]"}),
    ("article", {"events": "[a text]"}, {"events[0]"}),
    ("article", {"events": "[{date: 2017-02-30, title: X, type: statement, actors: []}]"}, {"events[0].date"}),
    (
        "article",
        {"events": "[{title: X, type: statement, actors: [], note: y}]"},
        {"events[0].date", "events[0].note"},
    ),
    ("article", {"authors": "Jane Doe", "review": "check"}, {"authors", "review"}),
    ("article", {"autor": "Jane Doe"}, {"autor"}),
    ("article", {"translation": "true"}, {"translation"}),
    # Actor profiles
    ("actor", {"type": "persn"}, {"type"}),
    ("actor", {"name": None, "type": None, "wikidata": "Q42"}, {"name", "type"}),
    ("actor", {"wikidata": "4984"}, {"wikidata"}),
    ("actor", {"wikidata": "Q"}, {"wikidata"}),
    ("actor", {"wikidata": "q42"}, {"wikidata"}),
    ("actor", {"aliases": "Kim"}, {"aliases"}),
    ("actor", {"affiliations": "russia"}, {"affiliations"}),
    ("actor", {"affiliations": "[Russia]"}, {"affiliations[0]"}),
    ("actor", {"affiliations": "[{id: russia, from: 2017-13}]"}, {"affiliations[0].from"}),
    ("actor", {"affiliations": "[{id: russia, to: ''}]"}, {"affiliations[0].to"}),
    ("actor", {"affiliations": "[{role: Minister}]"}, {"affiliations[0].id"}),
    ("actor", {"affiliations": "[{id: russia, since: 2004}]"}, {"affiliations[0].since"}),
    ("actor", {"bio": "Born in Moscow"}, {"bio"}),
]


@pytest.mark.parametrize(
    ("kind", "changes", "fields"),
    REJECTED_BY_BOTH,
    ids=[case_id(kind, changes) for kind, changes, _ in REJECTED_BY_BOTH],
)
def test_rejected_by_both_naming_the_same_fields(kind, changes, fields):
    found_by_schema, errors, _ = both(kind, changes)
    assert found_by_schema == fields
    assert errors == fields


# Where the two differ, on purpose or by necessity: (schema fields, validator errors, validator warnings).
DIFFERENCES = {
    "an interval that ends before it starts (the schema cannot compare two dates)": (
        "event",
        {"date": "2017-08-07/2017-08-01"},
        (set(), {"date"}, set()),
    ),
    "a link with another scheme: the build drops it with a warning, the schema flags it": (
        "event",
        {"sources": "['ftp://example.org/x']"},
        ({"sources[0]"}, set(), {"sources[0]"}),
    ),
    "an explicit empty string in a choice: the build treats it as not given": (
        "article",
        {"status": "''"},
        ({"status"}, set(), set()),
    ),
    "spaces inside quotes around a value: the build strips them": (
        "actor",
        {"wikidata": "' Q42 '"},
        ({"wikidata"}, set(), set()),
    ),
}


@pytest.mark.parametrize(
    ("kind", "changes"),
    [
        ("event", {"date": "2017-08-XXT25:99"}),  # a time needs a known day
        ("event", {"date": "\u0662\u0660\u0661\u0667"}),  # dates are written in the digits 0-9
        ("article", {"date": "2017-08-06T16:34+03:60"}),  # an offset's minutes run to 59
    ],
)
def test_once_different_now_refused_by_both(kind, changes):
    found_by_schema, errors, _ = both(kind, changes)
    assert found_by_schema == errors == {"date"}


@pytest.mark.parametrize("difference", sorted(DIFFERENCES))
def test_known_differences_are_exactly_as_documented(difference):
    kind, changes, expected = DIFFERENCES[difference]
    assert both(kind, changes) == expected


# --- The date patterns against the date parsers, on a grid of a few thousand strings -----------

EDTF = re.compile(build_schemas.EDTF_PATTERN)
TIMESTAMP = re.compile(build_schemas.TIMESTAMP_PATTERN)


def _edtf_points() -> list[str]:
    years = ["0000", "0001", "0004", "1900", "2000", "2016", "2017", "9999", "201X", "20XX", "000X", "2X17", "17"]
    months = [None, "00", "01", "02", "04", "12", "13", "21", "24", "25", "XX", "8"]
    days = [None, "00", "01", "28", "29", "30", "31", "32", "XX"]
    times = [None, "T00:00", "T23:59:59", "T24:00", "T16:34:60", "T16:60", "T16"]
    zones = [None, "Z", "+14:59", "+15:00", "-05", "+0300", "+03:60"]
    points = set()
    for year, month, day, time, zone, qualifier in itertools.product(years, months, days, times, zones, ["", "?", "%"]):
        if (month is None and day) or (day is None and time) or (time is None and zone):
            continue
        points.add(
            "".join([year, f"-{month}" if month else "", f"-{day}" if day else "", time or "", zone or "", qualifier])
        )
    return sorted(points)


def _parses(text: str) -> bool | None:
    try:
        parse_date(text)
    except DateError:
        return False
    except (OverflowError, ValueError):  # the parser fails at the edges of years 1 and 9999
        return None
    return True


def test_edtf_pattern_accepts_exactly_what_the_date_parser_accepts():
    points = _edtf_points()
    accepted = [p for p in points if _parses(p)]
    intervals = [f"{a}/{b}" for a, b in itertools.product([*accepted[::60], "", ".."], repeat=2)]
    differences = []
    for text in points + intervals:
        verdict = _parses(text)
        if verdict is not None and bool(EDTF.search(text)) != verdict:
            differences.append(text)
    assert len(points) > 100_000 and len(intervals) > 1_000
    # The only differences: intervals that end before they start (refused by the parser, not
    # comparable here), and dates whose span runs past the year 9999 or before year 1.
    for text in differences:
        start, _, end = text.partition("/")
        ends_before_start = start and end and start != ".." and end != ".." and not _parses(text)
        assert ends_before_start or text.startswith(("9999", "0001")), text


def test_timestamp_pattern_accepts_exactly_what_the_validator_accepts():
    dates = ["0000-01-01", "0001-01-01", "1900-02-29", "2000-02-29", "2017-02-29", "2017-04-31", "2017-12-31",
             "2017-13-01", "2017-00-10", "2017-08", "2017", "9999-12-31", "17-08-05", "2017-8-5"]  # fmt: skip
    times = ["", "T00:00", " 23:59", "T24:00", "T16:34:59", "T16:34:60", "T16:60", "T16", "T16:34:00.5", "t16:34",
             "T16:34:00.", "T16:34.5", "T16:34:00,5"]  # fmt: skip
    zones = ["", "Z", "z", "+03", "+0300", "+03:00", "-05", "+23:59", "+24:00", "+03:60", "+14:00", "+3", "+03:0"]
    differences = []
    for day, time, zone in itertools.product(dates, times, zones):
        text = day + time + (zone if time else "")
        meta = LineDict({"date": text})
        meta.key_lines = {}
        problems = []
        Fields(meta, "x.md", problems).timestamp("date")
        if bool(TIMESTAMP.search(text)) != (not problems):
            differences.append(text)
    assert differences == []


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the patterns as editors do")
def test_patterns_behave_the_same_in_javascript(tmp_path):
    """Editors and ajv run the patterns as ECMAScript regular expressions with the u flag."""
    patterns = {
        "edtf": build_schemas.EDTF_PATTERN,
        "timestamp": build_schemas.TIMESTAMP_PATTERN,
        "id": build_schemas.ID_PATTERN,
        "url": build_schemas.URL_PATTERN,
        "wikidata": build_schemas.WIKIDATA_PATTERN,
    }
    points = _edtf_points()[::7]
    strings = [*points, *(f"{a}/{b}" for a, b in itertools.product([*points[::200], "", ".."], repeat=2))]
    strings += ["https://x.example", "HTTP://a b", "https:// ", "https:///x", "javascript:alert(1)", "Q42", "Q"]
    strings += ["kim-jong-un", "Kim", "a--b", "2017-08-07 09:15", "2017-08-06T16:34:00.123+03:00", "٢٠١٧"]
    data = tmp_path / "data.json"
    data.write_text(json.dumps({"patterns": patterns, "strings": strings}))
    script = (
        "const d = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')); const out = {};"
        "for (const [k, p] of Object.entries(d.patterns)) { const r = new RegExp(p, 'u');"
        " out[k] = d.strings.map((s) => r.test(s)); }"
        "process.stdout.write(JSON.stringify(out));"
    )
    result = subprocess.run(["node", "-e", script, str(data)], capture_output=True, text=True, check=True)
    in_javascript = json.loads(result.stdout)
    for name, pattern in patterns.items():
        in_python = [bool(re.search(pattern, text)) for text in strings]
        assert in_javascript[name] == in_python, name


# --- The importer's drafts: real pages, with real gaps ----------------------------------------


def _devset_drafts():
    world = world_registry()
    for page in sorted(DEVSET.iterdir()):
        if page.suffix in (".txt", ".html"):
            draft = build_draft(page.read_bytes(), site_registry(str(CONTENT / "actors"), world), url="")
            yield page.name, draft


def test_importer_drafts_get_the_same_verdict_from_both():
    """Drafts have what the importer could not settle (no date, no type): both must point at it alike.

    Drafts report their problems as warnings; markup warnings are the validator's alone."""
    pages = 0
    flagged = 0
    for name, draft in _devset_drafts():
        pages += 1
        meta = load(render_draft(draft))
        problems, _ = validator_problems("article", meta, name)
        by_validator = {p.field for p in problems if "HTML markup" not in p.message}
        by_schema = schema_fields("article", plain(meta))
        assert by_schema == by_validator, name
        flagged += bool(by_schema)
        for profile in draft.new_actors:
            meta = load(render_actor(profile, draft.fields.title))
            problems, kept = validator_problems("actor", meta, name)
            assert schema_fields("actor", plain(meta)) == set() and problems == [] and kept
    assert pages >= 30 and flagged >= 10  # a corpus that exercises both verdicts
