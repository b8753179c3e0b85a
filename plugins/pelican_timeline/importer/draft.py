"""Composing the Markdown draft (front matter + body) and the draft actor profiles.

The front matter is written with PyYAML's safe dumper and read back with the
site's own loader before anything is written, so a draft always loads as the
values it was built from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import yaml
from slugify import slugify

from ..frontmatter import SITE_RESOLVERS
from .actors import Actor
from .article import ArticleFields
from .events import DraftEvent


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's emitter when PyYAML has it
    """Quotes exactly what the site's own loader would not read back as text.

    The site reads front matter with a core-schema resolver (``yes`` and
    ``2017-08-05`` stay text), so the dumper decides quoting with that same
    resolver, which is also much cheaper than YAML 1.1's.
    """

    yaml_implicit_resolvers = SITE_RESOLVERS

    def ignore_aliases(self, data: object) -> bool:
        return True  # a draft repeats no objects worth anchoring


MARKDOWN_START = re.compile(r"^(\s*)([#>+*-]|\d+[.)])(\s)")


@dataclass
class Draft:
    fields: ArticleFields
    events: list[DraftEvent]
    actor_ids: list[str]
    new_actors: list[Actor]
    review: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        stamp = _date_part(self.fields.published)
        title = slugify(self.fields.title, max_length=60, word_boundary=True) or "untitled"
        return f"{stamp}-{title}" if stamp else title


def _date_part(value: datetime | date | None) -> str:
    return value.strftime("%Y-%m-%d") if value is not None else ""


def _timestamp(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            offset = value.utcoffset() or timedelta(0)
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            return value.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    return value.isoformat()


def front_matter(draft: Draft) -> dict:
    fields = draft.fields
    meta: dict = {"title": fields.title or "Untitled"}
    published = _timestamp(fields.published)
    if published:
        meta["date"] = published
    if fields.modified is not None and fields.modified != fields.published:
        meta["modified"] = _timestamp(fields.modified)
    meta["status"] = "draft"
    source: dict = {"name": fields.source or fields.via or "Unknown outlet"}
    if fields.source_url:
        source["url"] = fields.source_url
    if fields.via and fields.via != source["name"]:
        source["via"] = {"name": fields.via, **({"url": fields.via_url} if fields.via_url else {})}
    meta["source"] = source
    if fields.dateline:
        meta["dateline"] = fields.dateline
    if fields.authors:
        meta["authors"] = list(fields.authors)
    meta["actors"] = list(draft.actor_ids)
    events = []
    for event in draft.events:
        item: dict = {"date": event.date, "title": event.title}
        if event.type:
            item["type"] = event.type
        item["actors"] = [{"id": a, "role": r} if r != "participant" else a for a, r in event.actors]
        if event.location:
            item["location"] = event.location
        if event.date_text:
            item["date_text"] = event.date_text
        item["summary"] = event.sentence
        events.append(item)
    meta["events"] = events
    if draft.review:
        meta["review"] = list(draft.review)
    return meta


def escape_markdown(paragraph: str) -> str:
    """Page text, not Markdown: keep list, heading and HTML syntax from being read as such."""
    text = paragraph.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_\[\]])", r"\\\1", text)
    return MARKDOWN_START.sub(lambda m: m.group(1) + "\\" + m.group(2) + m.group(3), text)


def body(fields: ArticleFields) -> str:
    blocks = []
    for paragraph in fields.paragraphs:
        text = escape_markdown(paragraph)
        blocks.append(f"## {text}" if paragraph in fields.headings else text)
    return "\n\n".join(blocks) + "\n"


def dump(meta: dict) -> str:
    """YAML for a draft's front matter; the tests check that the site's loader reads it back unchanged."""
    return yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096, default_flow_style=False)


def render(draft: Draft) -> str:
    return f"---\n{dump(front_matter(draft))}---\n{body(draft.fields)}"


MAX_DRAFT_ALIASES = 8


def render_actor(actor: Actor, article_title: str) -> str:
    where = "the text of" if not actor.known else "its table of countries and organisations, for"
    meta = {
        "name": actor.name,
        "type": actor.type,
        "aliases": [a for a in dict.fromkeys(actor.aliases) if a != actor.name][:MAX_DRAFT_ALIASES],
        "review": [f"profile drafted by the importer from {where} “{article_title}”; check the name, type and aliases"],
    }
    if not meta["aliases"]:
        del meta["aliases"]
    return f"---\n{dump(meta)}---\n"
