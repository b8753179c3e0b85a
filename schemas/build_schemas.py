"""Write the JSON Schemas of the front matter, from one source, next to this file.

    .venv/bin/python schemas/build_schemas.py           # rewrite the three schema files
    .venv/bin/python schemas/build_schemas.py --check   # exit 1 if they are out of date

The schemas give editors completion, hover help and checks while typing; the build
(``timeline check``, ``make html``) stays the authority. Field lists, event types, actor
types, roles and statuses are read from the plugin, so a schema cannot drift from the
validator without tests/test_front_matter_schemas.py failing.

Every file is self-contained and declares draft-07, and uses only keywords that mean the
same in draft-07 and 2020-12 (``definitions``, not ``$defs``), so the YAML language server,
ajv and Python's jsonschema read it alike. One editor keyword, ``patternErrorMessage``, gives
the YAML language server a plain message instead of a long regular expression; validators
ignore it (ajv needs ``strict: false``, which remark-lint-frontmatter-schema sets).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pelican_timeline.fields import MAX_ID_LENGTH, SAFE_ID
from pelican_timeline.model import ACTOR_TYPES, DEFAULT_ROLE, EVENT_TYPES, ROLES
from pelican_timeline.records import ACTOR_FIELDS, ARTICLE_FIELDS, ARTICLE_STATUSES, EVENT_FIELDS

HERE = Path(__file__).resolve().parent
DRAFT = "http://json-schema.org/draft-07/schema#"
FORMAT_DOC = "docs/content-format.md"

# --- Patterns. ECMAScript- and Python-compatible: no \d (Unicode digits in Python), no lookbehind.

ID_PATTERN = f"^{SAFE_ID.pattern}$"
# What urlsplit accepts as http(s) with a host; other schemes are dropped by the build with a warning.
URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]*[^\\s/?#]"
WIKIDATA_PATTERN = "^Q[0-9]+$"

_YEAR = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"  # 0001-9999
# Gregorian leap years: divisible by 4, centuries only when divisible by 400.
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH = "(?:0[1-9]|1[0-2])"
_MONTH_DAY = "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
_DAY = f"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"  # a real calendar day
_TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"
_EDTF_ZONE = "(?:Z|[+-](?:0[0-9]|1[0-4])(?::?[0-5][0-9])?)"  # up to ±14:59, as dates.py
_POINT = (
    "(?:"
    "(?:[1-9][0-9]|0[1-9])XX"  # century: 20XX
    "|(?:[1-9][0-9]{2}|0[1-9][0-9]|00[1-9])X"  # decade: 201X
    f"|{_YEAR}(?:-XX(?:-XX)?)?"  # year: 2017, 2017-XX
    f"|{_YEAR}-2[1-4]"  # season: 2017-21 … 2017-24
    f"|{_YEAR}-{_MONTH}(?:-XX)?"  # month: 2017-08, 2017-08-XX
    f"|{_DAY}(?:T{_TIME}{_EDTF_ZONE}?)?"  # day, time: 2017-08-05, 2017-08-05T16:34:00+03:00
    ")[?~%]?"
)
EDTF_PATTERN = f"^(?:{_POINT}|(?:{_POINT}|\\.\\.)?/{_POINT}|{_POINT}/(?:\\.\\.)?)$"
# Publication dates: fields._ISO_DATETIME, limited to what datetime.fromisoformat accepts.
_PUBLICATION_ZONE = "(?:Z|[+-](?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?)"
TIMESTAMP_PATTERN = (
    f"^{_DAY}(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?{_PUBLICATION_ZONE}?)?$"
)

# Shown by the YAML language server instead of "String does not match the pattern of …".
# Validators ignore it (ajv only in its default strict mode refuses unknown keywords).
MESSAGE = "patternErrorMessage"
EDTF_MESSAGE = (
    "Not a date the site accepts. Write it as precisely as you know it: 2017, 2017-08, 2017-08-05, 2017-08~ "
    "(about), 2017-08-05? (uncertain), 2017-23 (autumn), 2017-08-01/2017-08-07; the day must exist (not "
    f"2017-02-30). See {FORMAT_DOC}, section 6."
)
TIMESTAMP_MESSAGE = (
    "Not a full publication date: write 2017-08-07, 2017-08-07 09:15 or 2017-08-06T16:34:00+03:00 (a real day; "
    "no partial dates, qualifiers or ranges)."
)
ID_MESSAGE = "Not a safe id: lowercase letters a-z, digits and single hyphens, like kim-jong-un."
URL_MESSAGE = "Only full http:// or https:// addresses are published, like https://example.org/page."
WIKIDATA_MESSAGE = "A Wikidata item id is Q followed by digits, like Q56226."

# --- Value shapes. Optional fields also take null: the build reads an empty value as "not given".

TEXT_TYPES = ["string", "number"]  # a number where text is wanted is taken as written


def _nullable(types: list[str], required: bool) -> list[str]:
    return types if required else [*types, "null"]


def text(title: str, description: str, examples: list, *, required: bool = False) -> dict:
    schema: dict = {"title": title, "description": description, "type": _nullable(TEXT_TYPES, required)}
    if required:
        schema["minLength"] = 1
    schema["examples"] = examples
    return schema


def text_list(title: str, description: str, examples: list) -> dict:
    return {
        "title": title,
        "description": f"{description} A YAML list, even for one item: `[a, b]` or one `- item` per line.",
        "type": ["array", "null"],
        "items": {
            "type": TEXT_TYPES,
            "pattern": "\\S",
            MESSAGE: "An entry cannot be empty.",
            "description": "One entry, not empty.",
        },
        "examples": examples,
    }


def identifier(title: str, description: str, examples: list, *, nullable: bool = False) -> dict:
    return {
        "title": title,
        "description": f"{description} Lowercase letters a-z, digits and single hyphens, at most "
        f"{MAX_ID_LENGTH} characters; an id made only of digits must be quoted.",
        "type": ["string", "null"] if nullable else "string",
        "pattern": ID_PATTERN,
        MESSAGE: ID_MESSAGE,
        "maxLength": MAX_ID_LENGTH,
        "examples": examples,
    }


def url(title: str, description: str, *, nullable: bool = False) -> dict:
    return {
        "title": title,
        "description": f"{description} A full http:// or https:// address with a host; the build drops "
        "any other link with a warning.",
        "type": ["string", "null"] if nullable else "string",
        "pattern": URL_PATTERN,
        MESSAGE: URL_MESSAGE,
        "examples": ["https://en.wikipedia.org/wiki/United_Nations_Security_Council_Resolution_2397"],
    }


EDTF_HELP = (
    "An EDTF date, as precise as the sources allow: 2017, 2017-07, 2017-08-05, 2017-08-05T16:34+03:00, "
    "2017-23 (autumn; 21-24 are seasons), 2017-08-05? (uncertain), 2017-08~ (approximate), 2017-08% (both), "
    "2017-XX, 2017-08-XX, 201X (decade), 20XX (century), 2017-08-01/2017-08-07 (interval), 2017-08-01/.. "
    "(still going on), ../2017-08-07 (began before), 2017-08-01/ and /2017-08-07 (end or start unknown). "
    f"Quotes are optional; `date: 2017` is read as the year. See {FORMAT_DOC}, section 6."
)
EDTF_EXAMPLES = ["2017-08-05", "2017-07", "2017", "2017-08~", "2017-08-01/2017-08-07", "2017-08-05T16:34:00+03:00"]


def event_date(title: str, description: str, *, required: bool = False) -> dict:
    branches: list[dict] = [
        {"type": "string", "pattern": EDTF_PATTERN, MESSAGE: EDTF_MESSAGE},
        {"type": "integer", "minimum": 1, "maximum": 9999, "description": "A year written as a number."},
    ]
    if not required:
        branches.append({"type": "null"})
    return {"title": title, "description": f"{description} {EDTF_HELP}", "anyOf": branches, "examples": EDTF_EXAMPLES}


def timestamp(title: str, description: str, *, nullable: bool = False) -> dict:
    return {
        "title": title,
        "description": f"{description} A full calendar date, optionally with a time and a UTC offset: "
        "2017-08-07, 2017-08-07 09:15, 2017-08-07T09:00Z, 2017-08-06T16:34:00+03:00. Not EDTF: "
        "no partial dates, qualifiers or intervals.",
        "type": ["string", "null"] if nullable else "string",
        "pattern": TIMESTAMP_PATTERN,
        MESSAGE: TIMESTAMP_MESSAGE,
        "examples": ["2017-08-06T16:34:00+03:00", "2017-08-07"],
    }


def choice(title: str, description: str, values, *, required: bool = False, default: str | None = None) -> dict:
    values = list(values)
    schema: dict = {
        "title": title,
        "description": description,
        "type": "string" if required else ["string", "null"],
        "enum": values if required else [*values, None],
    }
    if default is not None:
        schema["default"] = default
    schema["examples"] = values[:3]
    return schema


def mapping(properties: dict, required: tuple[str, ...] = (), **annotations) -> dict:
    schema = {**annotations, "type": "object", "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    schema["properties"] = properties
    return schema


# --- Events (standalone files and the items of an article's `events:` list)

TYPE_HELP = {
    "agree": "parties reach, sign or announce an agreement, or jointly commit to a course of action",
    "consult": "parties meet, talk, visit, phone or negotiate, without a settled outcome",
    "support": "an actor publicly backs, endorses or praises another actor or its position",
    "concede": "an actor gives ground: eases or lifts a measure, releases people, accepts a demand",
    "cooperate": "actors work together in practice: joint projects, security or diplomatic cooperation",
    "aid": "an actor provides material help: money, food, equipment, humanitarian or technical assistance",
    "retreat": "an actor steps back: withdraws forces, halts an activity, abandons a position or threat",
    "request": "an actor asks or appeals to another for help, talks, an action or restraint",
    "accuse": "an actor accuses, blames, criticizes or condemns another",
    "reject": "an actor refuses a proposal, demand or request, or walks away from talks or a deal",
    "threaten": "an actor warns of force or penalties, or shows its capability to coerce (e.g. a weapons test)",
    "protest": "people demonstrate, rally, strike or boycott against an actor or a policy",
    "sanction": "non-violent penalties: sanctions, embargoes, expulsions of diplomats, cut ties",
    "mobilize": "an actor gets forces or capabilities ready: deployments, alerts, exercises, restarting a facility",
    "coerce": "force short of armed attack: arrests, seizures, blockades, repression",
    "assault": "an actor uses violence: armed attacks, strikes, bombings, killings",
    "statement": "a declaration or announcement that is news in itself and fits none of the other types",
}

ROLE_HELP = (
    "actor: whoever performs the action; recipient: whoever it is aimed at; participant (the default): "
    "everyone else involved, e.g. both sides of a summit."
)


def actor_entry() -> dict:
    return {
        "title": "Actor entry",
        "description": f"A bare actor id, or a mapping with `id` and `role`. {ROLE_HELP}",
        "anyOf": [
            identifier("Actor id", "The id of an actor (the file name of its profile in content/actors/).", ["china"]),
            mapping(
                {
                    "id": identifier("Actor id", "The id of an actor (its profile's file name).", ["north-korea"]),
                    "role": choice("Role", ROLE_HELP, ROLES, default=DEFAULT_ROLE),
                },
                ("id",),
            ),
        ],
        "examples": ["china", {"id": "un-security-council", "role": "actor"}],
    }


def source_link() -> dict:
    return {
        "title": "Source",
        "description": "A URL, or a mapping with `url` (required) and `title` (the link text).",
        "anyOf": [
            url("Source URL", "Where the facts come from."),
            mapping(
                {
                    "url": url("Source URL", "Where the facts come from."),
                    "title": text("Link text", "Plain text shown as the link text.", ["Resolution 2397 (UN)"]),
                },
                ("url",),
            ),
        ],
        "examples": [
            "https://en.wikipedia.org/wiki/Six-party_talks",
            {"url": "https://usun.state.gov/remarks/8238", "title": "Remarks at the Security Council"},
        ],
    }


def event_properties() -> dict:
    types = "\n".join(f"- {name}: {help}" for name, help in TYPE_HELP.items())  # a list in editors' hover
    return {
        "date": event_date("Event date", "When it happened.", required=True),
        "title": text(
            "Title",
            "One sentence saying what happened (plain text).",
            ["UN Security Council adopts resolution 2397"],
            required=True,
        ),
        "type": choice(
            "Event type",
            f"What kind of event it was (PLOVER's types plus statement):\n\n{types}",
            EVENT_TYPES,
            required=True,
        ),
        "actors": {
            "title": "Actors",
            "description": f"Who took part, with their roles; required (write `actors: []` for an event without actors). {ROLE_HELP}",
            "type": ["array", "null"],
            "items": actor_entry(),
            "examples": [[{"id": "un-security-council", "role": "actor"}, {"id": "north-korea", "role": "recipient"}]],
        },
        "location": text("Location", "Where it happened (plain text).", ["Panmunjom", "New York"]),
        "summary": text(
            "Summary", "A short account, in Markdown.", ["The Council cuts North Korea's refined petroleum allowance."]
        ),
        "sources": {
            "title": "Sources",
            "description": "Where the facts come from: URLs, or mappings with `url` and `title`. An event in an "
            "article has the article as its first source automatically.",
            "type": ["array", "null"],
            "items": source_link(),
            "examples": [["https://en.wikipedia.org/wiki/Six-party_talks"]],
        },
        "id": identifier(
            "Event id",
            "The event's permanent id and anchor, unique across the site. Left out, it is made from the date "
            "and the title; give one once the event is published, so links survive corrections.",
            ["unsc-resolution-2397"],
            nullable=True,
        ),
        "date_text": text(
            "Date as given",
            'The date in the source\'s own words ("On Saturday"), when it was worked out rather than stated.',
            ["On Saturday", "over the Easter weekend"],
        ),
        "tags": text_list("Tags", "Topic tags, shown under the event.", [["sanctions", "nuclear tests"]]),
    }


def event_object(**annotations) -> dict:
    return mapping(event_properties(), ("date", "title", "type", "actors"), **annotations)


EVENT_DESCRIPTION = (
    "One dated event: date, title, type and actors are required. Any other field than those listed is an error. "
    f"See {FORMAT_DOC}, section 3."
)


def event_schema() -> dict:
    return {
        "$schema": DRAFT,
        "title": "Timeline event (content/events/*.md)",
        **event_object(description=f"{EVENT_DESCRIPTION} The body of the file is the event's description."),
    }


# --- Articles


def article_schema() -> dict:
    passthrough = "Passed to Pelican unchanged; not checked beyond being text."
    via = mapping(
        {
            "name": text(
                "Republisher", "The outlet that republished the article.", ["GlobalSecurity.org"], required=True
            ),
            "url": url("Republished at", "The address of the republished copy.", nullable=True),
        },
        ("name",),
    )
    source = mapping(
        {
            "name": text("Outlet", "The outlet that published the article.", ["Sputnik News"], required=True),
            "url": url("Article URL", "The address of the original article.", nullable=True),
            "via": {
                "title": "Republished by",
                "description": "The outlet that republished it: plain text, or a mapping with `name` (required) and `url`.",
                "anyOf": [{"type": ["string", "null"]}, via],
                "examples": [
                    "GlobalSecurity.org",
                    {"name": "GlobalSecurity.org", "url": "https://www.globalsecurity.org/"},
                ],
            },
        },
        ("name",),
    )
    properties = {
        "title": text(
            "Headline",
            "The article's headline (plain text).",
            ["Escalation on Korean Peninsula Unacceptable - Lavrov"],
            required=True,
        ),
        "date": timestamp("Published", "When the article was published."),
        "modified": timestamp("Updated", "When the article was last updated.", nullable=True),
        "source": {
            "title": "Source",
            "description": "The outlet: `source: Reuters`, or a mapping with `name` (required), `url` and `via` (the republisher).",
            "anyOf": [{"type": "string", "minLength": 1}, source],
            "examples": ["Reuters", {"name": "Sputnik News", "via": {"name": "GlobalSecurity.org"}}],
        },
        "dateline": text("Dateline", "The place the report was filed from (plain text).", ["Moscow"]),
        "authors": text_list("Authors", "Author names.", [["Jane Doe"]]),
        "tags": text_list("Tags", "Topic tags; each tag gets its own page.", [["North Korea", "sanctions"]]),
        "actors": {
            "title": "Actors mentioned",
            "description": "Actors the article mentions, as plain ids without roles; the article is listed on each actor's page.",
            "type": ["array", "null"],
            "items": identifier("Actor id", "The id of an actor (its profile's file name).", ["sergey-lavrov"]),
            "examples": [["sergey-lavrov", "rex-tillerson"]],
        },
        "events": {
            "title": "Events",
            "description": "The events the article reports, one mapping each. A problem inside one event rejects only that event.",
            "type": ["array", "null"],
            "items": {"$ref": "#/definitions/event"},
            "examples": [
                [
                    {
                        "date": "2017-08-05",
                        "title": "UN Security Council adopts resolution 2371",
                        "type": "sanction",
                        "actors": [{"id": "un-security-council", "role": "actor"}],
                    }
                ]
            ],
        },
        "status": choice(
            "Status",
            "published (the default); draft: checked, but not published and its events stay off the timeline; "
            "hidden: not listed, but its page is built and its events are on the timeline.",
            ARTICLE_STATUSES,
            default="published",
        ),
        "slug": identifier(
            "Slug",
            "The article's address: articles/<slug>/. By default Pelican makes it from the title.",
            ["lavrov-tillerson-manila"],
            nullable=True,
        ),
        "summary": text(
            "Summary",
            "A short summary in Markdown, for listings and the page description.",
            ["Lavrov tells Tillerson the US buildup is unacceptable."],
        ),
        "review": text_list(
            "Review notes",
            "Notes for editors (the importer lists what a person must check). Checked, never shown.",
            [["check the date"]],
        ),
        "lang": text("Language", f"The article's language code. {passthrough}", ["en"]),
        "translation": text("Translation", f"Pelican's translation marker, as text. {passthrough}", ["true"]),
        "template": text("Template", f"The name of another page template. {passthrough}", ["article"]),
        "save_as": text("Save as", f"Where Pelican writes the page. {passthrough}", ["articles/lavrov/index.html"]),
        "url": text(
            "URL", f"The page's address on the site (not a link to the source). {passthrough}", ["articles/lavrov/"]
        ),
    }
    return {
        "$schema": DRAFT,
        "title": "Timeline article (content/articles/*.md)",
        **mapping(
            properties,
            ("title", "date", "source"),
            description="A source article with the events it reports: title, date and source are required. "
            f"Any other field than those listed is an error. See {FORMAT_DOC}, section 2.",
        ),
        "definitions": {"event": event_object(title="Event", description=EVENT_DESCRIPTION)},
    }


# --- Actor profiles


def actor_schema() -> dict:
    affiliation = mapping(
        {
            "id": identifier("Actor id", "The actor this one belongs to or works for.", ["russia"]),
            "role": text("Role", "The position held (plain text).", ["Minister of Foreign Affairs"]),
            "from": event_date("From", "When the affiliation began."),
            "to": event_date("To", "When it ended."),
        },
        ("id",),
    )
    properties = {
        "name": text("Name", "The name as it appears on the site (plain text).", ["Kim Jong-un"], required=True),
        "type": choice(
            "Actor type", "The kind of actor; the actors index is grouped by type.", ACTOR_TYPES, required=True
        ),
        "aliases": text_list(
            "Aliases", "Other names and spellings, shown as 'Also known as'.", [["Kim Jong Un", "Chairman Kim"]]
        ),
        "affiliations": {
            "title": "Affiliations",
            "description": "Other actors this one belongs to or works for: bare ids, or mappings with `id` (required), "
            "`role`, `from` and `to` (EDTF dates).",
            "type": ["array", "null"],
            "items": {
                "anyOf": [
                    identifier("Actor id", "The actor this one belongs to or works for.", ["russia"]),
                    affiliation,
                ],
            },
            "examples": [["russia", {"id": "north-korea", "role": "Supreme Leader", "from": "2011-12"}]],
        },
        "wikidata": {
            "title": "Wikidata item",
            "description": "The Wikidata item id: Q followed by digits; shown as a link to Wikidata.",
            "type": ["string", "null"],
            "pattern": WIKIDATA_PATTERN,
            MESSAGE: WIKIDATA_MESSAGE,
            "examples": ["Q56226"],
        },
        "review": text_list(
            "Review notes",
            "Notes for editors (the importer's notes on a drafted profile). Checked, never shown.",
            [["check the name, type and aliases"]],
        ),
    }
    return {
        "$schema": DRAFT,
        "title": "Actor profile (content/actors/<id>.md)",
        **mapping(
            properties,
            ("name", "type"),
            description="One person, organization, country or group; the file name (without .md) is the actor's id. "
            f"name and type are required; any other field than those listed is an error. See {FORMAT_DOC}, section 5.",
        ),
    }


def build() -> dict[str, dict]:
    schemas = {
        "article.schema.json": article_schema(),
        "event.schema.json": event_schema(),
        "actor.schema.json": actor_schema(),
    }
    # The field lists are the validator's: a field added there needs a definition here.
    for name, fields in (
        ("article.schema.json", ARTICLE_FIELDS),
        ("event.schema.json", EVENT_FIELDS),
        ("actor.schema.json", ACTOR_FIELDS),
    ):
        if list(schemas[name]["properties"]) != list(fields):
            raise ValueError(f"{name}: the fields differ from the validator's {fields}")
    return schemas


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    stale = []
    for name, schema in build().items():
        path = HERE / name
        text_now = render(schema)
        if path.exists() and path.read_text(encoding="utf-8") == text_now:
            continue
        stale.append(name)
        if "--check" not in argv:
            path.write_text(text_now, encoding="utf-8")
    if "--check" in argv and stale:
        print(f"out of date: {', '.join(stale)}; run: python schemas/build_schemas.py", file=sys.stderr)
        return 1
    for name in stale:
        print(f"wrote schemas/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
