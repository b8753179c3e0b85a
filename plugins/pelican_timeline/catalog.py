"""The catalog: every accepted event, actor and article, cross-checked.

This is the one place that knows the rules that span files: event ids are
unique, actor ids resolve, affiliations point somewhere. Pages and exports
read the catalog; none of them re-reads front matter.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .content_files import FileResult
from .fields import suggest
from .ledger import WARNING, Ledger, Problem, display_path
from .model import UNPROFILED, Actor, ArticleRecord, Event


@dataclass
class Catalog:
    events: list[Event] = field(default_factory=list)  # chronological
    actors: dict[str, Actor] = field(default_factory=dict)  # by id, sorted by name
    articles: dict[str, ArticleRecord] = field(default_factory=dict)  # by source path
    # Tuples, not lists: thousands of them live as long as the build.
    events_by_actor: dict[str, tuple[Event, ...]] = field(default_factory=dict)
    articles_by_actor: dict[str, tuple[ArticleRecord, ...]] = field(default_factory=dict)
    events_by_article: dict[str, tuple[Event, ...]] = field(default_factory=dict)

    def co_actors(self, actor_id: str) -> list[tuple[Actor, int]]:
        """Actors sharing events with ``actor_id``, most shared first."""
        counts: Counter[str] = Counter()
        for event in self.events_by_actor.get(actor_id, ()):
            counts.update(other for other in event.actor_ids if other != actor_id)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.actors[item[0]].name.casefold(), item[0]))
        return [(self.actors[other], count) for other, count in ranked]


def humanize_id(actor_id: str) -> str:
    """A readable stand-in name for an actor that has no profile yet."""
    return " ".join(part.capitalize() for part in actor_id.split("-"))


@dataclass
class CrossChecked:
    """What the rules that span files accept: the part of the catalog that
    ``timeline check`` needs, before anything is put in order for pages."""

    articles: dict[str, ArticleRecord]  # by source path, in reading order
    events: dict[str, Event]  # by id, in reading order
    actors: dict[str, Actor]  # by id: profiles, then actors that are only named


def cross_check(
    articles: Iterable[ArticleRecord],
    event_files: Iterable[FileResult],
    actor_files: Iterable[FileResult],
    ledger: Ledger,
) -> CrossChecked:
    """Apply the rules that span files (unique ids, known actors) to everything read."""
    actors = _collect_actors(actor_files, ledger)
    by_path: dict[str, ArticleRecord] = {}
    events: dict[str, Event] = {}
    for article in articles:
        by_path[article.origin.path] = article
        for event in article.events:
            _add_event(event, events, ledger)
    for result in event_files:
        if result.record is None:
            ledger.reject("event", result.path, result.problems)
            continue
        ledger.add(result.problems)
        _add_event(result.record, events, ledger)
    _resolve_actor_references(by_path.values(), events.values(), actors, ledger)
    return CrossChecked(by_path, events, actors)


def build_catalog(
    articles: Iterable[ArticleRecord],
    event_files: Iterable[FileResult],
    actor_files: Iterable[FileResult],
    ledger: Ledger,
) -> Catalog:
    """Cross-check everything read and return the catalog of what is accepted, in order."""
    checked = cross_check(articles, event_files, actor_files, ledger)
    catalog = Catalog(articles=checked.articles)
    catalog.actors = dict(sorted(checked.actors.items(), key=lambda item: (item[1].name.casefold(), item[0])))
    catalog.events = sorted(checked.events.values(), key=lambda e: (e.date.sort_key, e.title.casefold(), e.id))

    by_actor: dict[str, list[Event]] = defaultdict(list)
    by_article: dict[str, list[Event]] = defaultdict(list)
    for event in catalog.events:
        for actor_id in event.actor_ids:
            by_actor[actor_id].append(event)
        if event.article:
            by_article[event.article].append(event)
    catalog.events_by_actor = {key: tuple(found) for key, found in by_actor.items()}
    catalog.events_by_article = {key: tuple(found) for key, found in by_article.items()}

    mentions: dict[str, list[ArticleRecord]] = defaultdict(list)
    for path, article in sorted(catalog.articles.items(), key=lambda item: (_instant(item[1].date), item[0])):
        named = set(article.actor_ids)
        for event in by_article.get(path, ()):
            named.update(event.actor_ids)
        for actor_id in sorted(named):
            mentions[actor_id].append(article)
    catalog.articles_by_actor = {key: tuple(found) for key, found in mentions.items()}
    return catalog


def _instant(moment: datetime) -> datetime:
    """Comparable across sources that give a UTC offset and those that do not (taken as UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _collect_actors(actor_files: Iterable[FileResult], ledger: Ledger) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    for result in actor_files:
        actor = result.record
        if actor is not None and actor.id in actors:
            first = actors[actor.id].origin
            result.problems.append(
                Problem(result.path, None, "id", f"actor id '{actor.id}' is already used by {display_path(first.path)}")
            )
            actor = None
        if actor is None:
            ledger.reject("actor", result.path, result.problems)
            continue
        ledger.add(result.problems)
        ledger.accept("actor", result.path)
        actors[actor.id] = actor
    return actors


def _add_event(event: Event, events: dict[str, Event], ledger: Ledger) -> None:
    key = event.origin
    if event.id in events:
        first = events[event.id].origin
        hint = "" if event.id_given else "; give one of them an explicit `id`"
        ledger.reject(
            "event",
            key,
            [
                Problem(
                    event.origin.path,
                    event.origin.line,
                    event.origin.name("id"),
                    f"duplicate event id '{event.id}' (also at {display_path(first.path)}:{first.line}){hint}",
                )
            ],
        )
        return
    events[event.id] = event
    ledger.accept("event", key)


def _resolve_actor_references(
    articles: Iterable[ArticleRecord], events: Iterable[Event], actors: dict[str, Actor], ledger: Ledger
) -> None:
    """Unknown ids are warnings: the actor still gets a page, marked as having no profile."""
    known = set(actors)
    references: list[tuple[str, Problem]] = []

    messages: dict[str, str] = {}  # an actor without a profile is often named in many files

    def unknown(actor_id: str, path: str, line: int | None, name: str) -> None:
        message = messages.get(actor_id)
        if message is None:
            hint = suggest(actor_id, known)
            message = messages[actor_id] = f"unknown actor '{actor_id}'{hint}; it gets a page without a profile"
        references.append((actor_id, Problem(path, line, name, message, WARNING)))

    # The membership test comes first: tens of thousands of references are known, and
    # only an unknown one needs its field's name and line worked out.
    for article in articles:
        for index, (actor_id, line) in enumerate(zip(article.actor_ids, article.actor_lines, strict=True)):
            if actor_id not in known:
                unknown(actor_id, article.origin.path, line, f"actors[{index}]")
    for event in events:
        for index, role in enumerate(event.actors):
            if role.id not in known:
                origin = event.origin
                line = event.actor_lines[index] if index < len(event.actor_lines) else None
                unknown(role.id, origin.path, line or origin.line, origin.name(f"actors[{index}]"))
    for actor in list(actors.values()):
        for index, affiliation in enumerate(actor.affiliations):
            if affiliation.id not in known:
                unknown(affiliation.id, actor.origin.path, affiliation.line, f"affiliations[{index}]")

    ledger.add([problem for _, problem in references])
    for actor_id, _ in references:
        if actor_id not in actors:
            actors[actor_id] = Actor(id=actor_id, name=humanize_id(actor_id), type=UNPROFILED, origin=None)
