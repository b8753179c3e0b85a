"""The catalog's vocabulary: actors, events and the articles that source them.

Records are plain frozen dataclasses: they hold validated values only, and
know nothing of Pelican, templates or files on disk beyond where they came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import field as dataclass_field
from datetime import datetime

from .dates import EventDate

# PLOVER's event types (Halterman et al.), plus "statement" for declarations
# that are reported as news in their own right.
EVENT_TYPES = {
    "agree": "Agree",
    "consult": "Consult",
    "support": "Support",
    "concede": "Concede",
    "cooperate": "Cooperate",
    "aid": "Aid",
    "retreat": "Retreat",
    "request": "Request",
    "accuse": "Accuse",
    "reject": "Reject",
    "threaten": "Threaten",
    "protest": "Protest",
    "sanction": "Sanction",
    "mobilize": "Mobilize",
    "coerce": "Coerce",
    "assault": "Assault",
    "statement": "Statement",
}
ACTOR_TYPES = {"person": "People", "organization": "Organizations", "country": "Countries", "group": "Groups"}
# An actor that events name but that has no profile yet.
UNPROFILED = "unknown"
ROLES = ("actor", "recipient", "participant")
DEFAULT_ROLE = "participant"


@dataclass(frozen=True)
class Origin:
    """Where a record was written: file and line, for messages and links back."""

    path: str
    line: int | None = None
    field: str = ""  # "events[2]" for an event inside an article
    # A digest of what the record was read from (an article's front matter; an event's or
    # actor's whole file), shared by everything read from it: a record is made from that alone
    # (with the settings and code), so a page digest can name it by this.
    source: bytes = dataclass_field(default=b"", compare=False, repr=False)

    def name(self, key: str) -> str:
        return f"{self.field}.{key}" if self.field else key


@dataclass(frozen=True)
class Link:
    url: str
    title: str = ""


@dataclass(frozen=True)
class Source:
    """The outlet an article came from, and who republished it."""

    name: str
    url: str = ""
    via: Link | None = None


@dataclass(frozen=True)
class ActorRole:
    """An actor in an event and the part they play. The same pair recurs in thousands of
    events, so it is one shared object; where each was written is ``Event.actor_lines``."""

    id: str
    role: str = DEFAULT_ROLE


@dataclass(frozen=True)
class Affiliation:
    id: str
    role: str = ""
    start: EventDate | None = None
    end: EventDate | None = None
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Event:
    id: str
    date: EventDate
    title: str
    type: str
    actors: tuple[ActorRole, ...]
    origin: Origin
    location: str = ""
    summary_html: str = ""
    description_html: str = ""
    links: tuple[Link, ...] = ()
    date_text: str = ""
    tags: tuple[str, ...] = ()
    article: str = ""  # source path of the article that reports it, if any
    id_given: bool = False
    actor_lines: tuple[int | None, ...] = field(default=(), compare=False, repr=False)  # line of each of ``actors``
    # Asked for on every page that lists the event, so worked out once.
    actor_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "actor_ids", tuple(dict.fromkeys(a.id for a in self.actors)))


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    origin: Origin | None
    aliases: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    wikidata: str = ""
    bio_html: str = ""

    @property
    def has_profile(self) -> bool:
        return self.origin is not None


@dataclass(frozen=True)
class ArticleRecord:
    """An article's timeline fields, as its front matter gave them."""

    origin: Origin
    title: str
    date: datetime
    source: Source | None
    modified: datetime | None = None
    dateline: str = ""
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    actor_ids: tuple[str, ...] = ()
    actor_lines: tuple[int, ...] = ()
    events: tuple[Event, ...] = ()
    status: str = "published"
    slug: str = ""
    summary: str = ""
    review: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # Pelican's own fields, passed on
