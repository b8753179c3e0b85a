"""Front matter → validated records, one content file at a time.

Each ``*_from`` function takes the loaded front matter of one file and returns
the record it describes together with every problem found in it. Problems in
one event of an article reject that event only; problems in the article's own
fields reject the article. Nothing here knows about Pelican.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from . import slugs
from .fields import Fields, id_problem, type_name
from .frontmatter import LineDict
from .ledger import ERROR, WARNING, Problem
from .memo import kept
from .model import (
    ACTOR_TYPES,
    DEFAULT_ROLE,
    EVENT_TYPES,
    ROLES,
    Actor,
    ActorRole,
    Affiliation,
    ArticleRecord,
    Event,
    Link,
    Origin,
    Source,
)

Render = Callable[[str], str]

EVENT_FIELDS = ("date", "title", "type", "actors", "location", "summary", "sources", "id", "date_text", "tags")
ARTICLE_FIELDS = (
    "title",
    "date",
    "modified",
    "source",
    "dateline",
    "authors",
    "tags",
    "actors",
    "events",
    "status",
    "slug",
    "summary",
    "review",
    "lang",
    "translation",
    "template",
    "save_as",
    "url",
)
# Pelican's own fields, handed to it unchanged once checked to be text.
PASSTHROUGH_FIELDS = ("lang", "translation", "template", "save_as", "url")
ACTOR_FIELDS = ("name", "type", "aliases", "affiliations", "wikidata", "review")
ARTICLE_STATUSES = ("published", "draft", "hidden")
MAX_DERIVED_ID_LENGTH = 80
# Qualifiers and range marks are part of what a date says, so they stay in the id:
# "2017-08-05?" and "2017-08-05" with the same title are different events.
_DATE_WORDS = {"?": " uncertain ", "~": " approx ", "%": " approx uncertain ", "/": " to ", "..": " open "}


def derive_event_id(date_text: str, title: str) -> str:
    """A stable id from the date and the title: ``2017-08-05-un-adopts-resolution-2371``."""
    for mark, words in _DATE_WORDS.items():
        date_text = date_text.replace(mark, words)
    return slugs.slug(f"{date_text} {title}", max_length=MAX_DERIVED_ID_LENGTH, word_boundary=True)


def event_from(
    fields: Fields,
    render: Render,
    *,
    article: str = "",
    description_html: str = "",
    line: int | None = None,
    digest: bytes = b"",
) -> Event | None:
    """Validate one event mapping; None when it must be rejected."""
    before = _error_count(fields.problems)
    fields.reject_unknown(EVENT_FIELDS)
    date = fields.event_date("date", required=True)
    title = fields.text("title", required=True)
    kind = fields.choice("type", EVENT_TYPES, required=True)
    if "actors" not in fields.meta:
        fields.problem("actors", "is required (write `actors: []` for an event without actors)")
    actors, actor_lines = _actor_roles(fields)
    links = _links(fields, "sources")
    given_id = fields.meta.get("id")
    event_id = fields.identifier("id", given_id) if given_id is not None else ""
    if given_id is None and date and title:
        event_id = derive_event_id(date.text, title)
    summary_html = fields.markdown("summary", render)
    event = Event(
        id=event_id,
        date=date,
        title=title,
        type=kind,
        actors=actors,
        origin=Origin(fields.path, line or fields.meta.line, fields.prefix, digest),
        location=fields.text("location", shared=True),
        summary_html=summary_html,
        description_html=description_html,
        links=links,
        date_text=fields.text("date_text"),
        tags=fields.text_list("tags"),
        article=article,
        id_given=given_id is not None,
        actor_lines=actor_lines,
    )
    return None if _error_count(fields.problems) > before else event


def _actor_roles(fields: Fields) -> tuple[tuple[ActorRole, ...], tuple[int | None, ...]]:
    """The event's actors, and the line each is written on."""
    entries = fields.items("actors")
    roles, lines = [], []
    for index, entry in enumerate(entries):
        key, line = f"actors[{index}]", entries.line_of(index)
        if isinstance(entry, LineDict):
            entry_fields = Fields(entry, fields.path, fields.problems, fields.name(key))
            entry_fields.reject_unknown(("id", "role"))
            actor_id = entry_fields.identifier("id", entry.get("id"), line) if entry_fields.require("id") else ""
            role = entry_fields.choice("role", ROLES, default=DEFAULT_ROLE)
        else:
            actor_id, role = fields.identifier(key, entry, line), DEFAULT_ROLE
        if actor_id:
            roles.append(_actor_role(actor_id, role or DEFAULT_ROLE))
            lines.append(line)
    return tuple(roles), tuple(lines)


_ROLES: dict[tuple[str, str], ActorRole] = {}


def _actor_role(actor_id: str, role: str) -> ActorRole:
    found = _ROLES.get((actor_id, role))
    if found is None:
        found = kept(_ROLES, (actor_id, role), ActorRole(actor_id, role))
    return found


def _links(fields: Fields, key: str) -> tuple[Link, ...]:
    entries = fields.items(key)
    result = []
    for index, entry in enumerate(entries):
        name, line = f"{key}[{index}]", entries.line_of(index)
        if isinstance(entry, LineDict):
            link = fields.mapping(name, entry, line)
            link.reject_unknown(("url", "title"))
            url = link.url("url", entry.get("url"), entry.line_of("url")) if link.require("url") else ""
            title = link.text("title")
        else:
            url, title = fields.url(name, entry, line), ""
        if url:
            result.append(Link(url, title))
    return tuple(result)


def _source(fields: Fields) -> Source | None:
    if not fields.require("source"):
        return None
    value = fields.meta["source"]
    if isinstance(value, str):  # `source: Reuters` is a fine shorthand
        return Source(name=fields.text("source", shared=True))
    source = fields.mapping("source", value)
    if source is None:
        return None
    source.reject_unknown(("name", "url", "via"))
    name = source.text("name", required=True, shared=True)
    url = source.url("url", value["url"]) if source.has("url") else ""
    via = None
    if source.has("via"):
        raw = value["via"]
        if isinstance(raw, str):
            via = Link(url="", title=source.text("via", shared=True))
        elif (via_fields := source.mapping("via", raw)) is not None:
            via_fields.reject_unknown(("name", "url"))
            via_url = via_fields.url("url", raw["url"]) if via_fields.has("url") else ""
            via = Link(url=via_url, title=via_fields.text("name", required=True, shared=True))
    return Source(name=name, url=url, via=via)


class ArticleResult(NamedTuple):
    """An article read: its record (None if rejected), all problems, and each
    rejected event as ``(where it was written, its problems)``."""

    record: ArticleRecord | None
    problems: list[Problem]
    rejected_events: list[tuple[Origin, list[Problem]]]


def article_from(meta: LineDict, path: str, render: Render, *, digest: bytes = b"") -> ArticleResult:
    """Validate an article's front matter, including each of its events.

    Events with errors are left out of the record and listed as rejected;
    errors in the article's own fields reject the whole article.
    """
    problems: list[Problem] = []
    fields = Fields(meta, path, problems)
    fields.reject_unknown(ARTICLE_FIELDS)
    title = fields.text("title", required=True)
    date = fields.timestamp("date", required=True)
    modified = fields.timestamp("modified")
    source = _source(fields)
    status = fields.choice("status", ARTICLE_STATUSES, default="published")
    slug = fields.identifier("slug", meta["slug"]) if fields.has("slug") else ""
    mentioned = fields.items("actors")
    actor_refs = [
        (fields.identifier(f"actors[{i}]", value, mentioned.line_of(i)), mentioned.line_of(i))
        for i, value in enumerate(mentioned)
    ]
    record_fields = dict(
        dateline=fields.text("dateline", shared=True),
        authors=fields.text_list("authors"),
        tags=fields.text_list("tags"),
        summary=fields.text("summary", plain=False),
        review=fields.text_list("review"),
    )
    entries = fields.items("events")
    passthrough = tuple((key, fields.text(key)) for key in PASSTHROUGH_FIELDS if fields.has(key))
    article_ok = _error_count(problems) == 0
    events, rejected = [], []
    for index, raw in enumerate(entries):
        event_problems: list[Problem] = []
        key, line = _event_key(index), entries.line_of(index)
        event = None
        if isinstance(raw, LineDict):
            event = event_from(Fields(raw, path, event_problems, key), render, article=path, line=line, digest=digest)
        else:
            event_problems.append(Problem(path, line, key, f"must be a mapping of event fields, not {type_name(raw)}"))
        problems.extend(event_problems)
        if event is not None:
            events.append(event)
        else:
            rejected.append((Origin(path, line, key), event_problems))
    if status == "draft":
        # A draft is work in progress (an import awaiting review): everything wrong with it
        # is reported, as warnings, and it still cannot be published until it is fixed.
        problems = [replace(p, severity=WARNING) for p in problems]
        rejected = [(key, [replace(p, severity=WARNING) for p in found]) for key, found in rejected]
    if not article_ok:
        return ArticleResult(None, problems, rejected)
    record = ArticleRecord(
        origin=Origin(path, 1, "", digest),
        title=title,
        date=date,
        modified=modified,
        source=source,
        actor_ids=tuple(a for a, _ in actor_refs if a),
        actor_lines=tuple(line for a, line in actor_refs if a),
        events=tuple(events),
        status=status,
        slug=slug,
        extra=passthrough,
        **record_fields,
    )
    return ArticleResult(record, problems, rejected)


PAGE_FIELDS = (
    "title", "date", "modified", "slug", "status", "summary", "template", "save_as", "url", "lang", "translation",
)  # fmt: skip


def page_from(meta: LineDict, path: str, problems: list[Problem]) -> dict:
    """A plain page's fields (``content/pages``), as Pelican metadata; the summary is left as Markdown."""
    fields = Fields(meta, path, problems)
    fields.reject_unknown(PAGE_FIELDS)
    metadata: dict = {"title": fields.text("title", required=True)}
    for key in ("date", "modified"):
        if fields.has(key):
            metadata[key] = fields.timestamp(key)
    if fields.has("status"):
        metadata["status"] = fields.choice("status", ARTICLE_STATUSES)
    if fields.has("slug"):
        metadata["slug"] = fields.identifier("slug", meta["slug"])
    if fields.has("summary"):
        metadata["summary"] = fields.text("summary", plain=False)
    for key in ("template", "save_as", "url", "lang", "translation"):
        if fields.has(key):
            metadata[key] = fields.text(key)
    return metadata


def actor_from(
    meta: LineDict, path: str, actor_id: str, bio_html: str, *, digest: bytes = b""
) -> tuple[Actor | None, list[Problem]]:
    """Validate an actor profile; its id is the file name."""
    problems: list[Problem] = []
    fields = Fields(meta, path, problems)
    reason = id_problem(actor_id)
    if reason:
        problems.append(Problem(path, None, "id", f"the file name gives the id: {reason}"))
    fields.reject_unknown(ACTOR_FIELDS)
    name = fields.text("name", required=True)
    kind = fields.choice("type", ACTOR_TYPES, required=True)
    wikidata = fields.text("wikidata")
    if wikidata and not (wikidata[:1] == "Q" and wikidata[1:].isdigit()):
        fields.problem("wikidata", f"'{wikidata}' is not a Wikidata item id like Q42")
    affiliations = []
    entries = fields.items("affiliations")
    for index, entry in enumerate(entries):
        key, line = f"affiliations[{index}]", entries.line_of(index)
        if isinstance(entry, LineDict):
            item = fields.mapping(key, entry, line)
            item.reject_unknown(("id", "role", "from", "to"))
            other = item.identifier("id", entry.get("id"), line) if item.require("id") else ""
            affiliation = Affiliation(other, item.text("role"), item.event_date("from"), item.event_date("to"), line)
        else:
            affiliation = Affiliation(fields.identifier(key, entry, line), line=line)
        if affiliation.id:
            affiliations.append(affiliation)
    aliases = fields.text_list("aliases")
    fields.text_list("review")  # the importer's notes for whoever checks a drafted profile
    if _error_count(problems):
        return None, problems
    actor = Actor(
        id=actor_id,
        name=name,
        type=kind,
        origin=Origin(path, 1, "", digest),
        aliases=aliases,
        affiliations=tuple(affiliations),
        wikidata=wikidata,
        bio_html=bio_html,
    )
    return actor, problems


# Every event keeps the name of its place in its article ("events[2]"): one copy of each.
_EVENT_KEYS: dict[int, str] = {}


def _event_key(index: int) -> str:
    key = _EVENT_KEYS.get(index)
    if key is None:
        key = _EVENT_KEYS[index] = f"events[{index}]"
    return key


def _error_count(problems: list[Problem]) -> int:
    return sum(1 for p in problems if p.severity == ERROR)
