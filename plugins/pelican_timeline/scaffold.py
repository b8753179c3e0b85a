"""``timeline new``: start an event, an actor profile or an article, checked as the build checks it.

Every field can be given as an option; required fields that are missing are
asked for on the terminal (and asked again, with the reason, until the answer
is valid). Values are checked with the build's own validators, the file is
composed with a YAML dumper that quotes exactly what the site's loader would
not read back as text, read back with that loader, and validated as a whole
before it is written. Nothing is ever overwritten. No Pelican import here: the
command runs wherever the content is edited.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from slugify import slugify

from .content_files import content_files, load
from .dates import DateError, parse_date
from .fields import Fields, as_text, id_problem, suggest, url_problem
from .frontmatter import SITE_RESOLVERS, FrontMatterError, LineDict, decode, split
from .ledger import ERROR, Problem
from .model import ACTOR_TYPES, EVENT_TYPES, ROLES
from .records import actor_from, article_from, derive_event_id, event_from

KINDS = ("event", "actor", "article")
# The folders the plugin reads by default (TIMELINE_EVENTS_PATHS, TIMELINE_ACTORS_PATHS, ARTICLE_PATHS).
EVENTS_DIR, ACTORS_DIR, ARTICLES_DIR = "events", "actors", "articles"
DATE_HINT = "EDTF: 2017, 2017-07, 2017-08-05, 2017-08~, 2017-08-01/2017-08-07"
PUBLISHED_HINT = "publication date: YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM"
ACTORS_HINT = (
    "ids separated by commas, each `id` or `id:role` with role actor, recipient or participant; empty for none"
)
# An HTML comment: the site's Markdown renderer strips comments, so this is never published.
ARTICLE_PLACEHOLDER = "<!-- Paste the article text here. -->"
CHECK_COMMAND = "make check"  # the build's rules, without building (runs `timeline check`)
ARTICLE_SLUG_LENGTH = 60
PROG = "timeline new"


class Invalid(ValueError):
    """A value the build would refuse, with the build's reason."""


class Stop(Exception):
    """End the command with ``code``, after printing ``lines``; nothing is written."""

    def __init__(self, code: int, *lines: str) -> None:
        super().__init__(lines[0] if lines else "")
        self.code = code
        self.lines = lines


# --- YAML out, readable by the site's loader ---------------------------------------------


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Decides quoting with the site's own resolver (as the importer's draft writer does):
    ``2017``, ``true`` or ``null`` as text get quotes, ``yes`` and ``2017-08-05`` need none."""

    yaml_implicit_resolvers = SITE_RESOLVERS

    def ignore_aliases(self, data: object) -> bool:
        return True


class _Flow(dict):
    """A mapping written on one line, as the docs write actor entries: ``{id: x, role: actor}``."""


_Dumper.add_representer(_Flow, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, True))


def dump(meta: dict) -> str:
    return yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096, default_flow_style=False)


def compose(meta: dict, body: str) -> str:
    return f"---\n{dump(meta)}---\n{body}"


# --- One value at a time, with the build's validators ------------------------------------


def _one_field(key: str, value: object, check: Callable[[Fields], object]) -> object:
    """Run one of the build's ``Fields`` checks on a single value; its first error becomes :class:`Invalid`."""
    meta = LineDict({key: value})
    meta.key_lines = {}
    problems: list[Problem] = []
    result = check(Fields(meta, "", problems))
    errors = [p.message for p in problems if p.severity == ERROR]
    if errors:
        raise Invalid(errors[0])
    return result


def _text(raw: str) -> str:
    value = raw.strip()
    if not value:
        raise Invalid("cannot be empty")
    return value


def _event_date(raw: str) -> str:
    value = _text(raw)
    try:
        return parse_date(value).text
    except DateError as error:
        raise Invalid(str(error)) from None


def _published(raw: str) -> str:
    value = _text(raw)
    _one_field("date", value, lambda fields: fields.timestamp("date"))
    return value


def _choice(choices: tuple[str, ...]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        value = _text(raw)
        return _one_field(
            "type", value.lower() if value.lower() in choices else value, lambda f: f.choice("type", choices)
        )

    return parse


def _identifier(raw: str) -> str:
    value = raw.strip()
    reason = id_problem(value)
    if reason:
        raise Invalid(reason)
    return value


def _url(raw: str) -> str:
    value = _text(raw)
    reason = url_problem(value)
    if reason:
        raise Invalid(reason)
    return value


def _wikidata(raw: str) -> str:
    value = _text(raw)
    if not re.fullmatch(r"Q[0-9]+", value):
        raise Invalid(f"'{value}' is not a Wikidata item id like Q42")
    return value


def _actor_entry(raw: str) -> str | _Flow:
    """``kim-jong-un`` (a participant) or ``kim-jong-un:actor``."""
    actor_id, colon, role = raw.strip().partition(":")
    actor_id, role = actor_id.strip(), role.strip()
    reason = id_problem(actor_id)
    if reason:
        raise Invalid(f"actor {reason}")
    if not colon:
        return actor_id
    if role not in ROLES:
        raise Invalid(f"role '{role}' is not one of: {', '.join(ROLES)}{suggest(role, ROLES)}")
    return _Flow(id=actor_id, role=role)


@dataclass(frozen=True)
class Option:
    """One field of one kind: its option, how its value is checked, and how it is asked for."""

    dest: str
    parse: Callable[[str], object]
    required: bool = False  # missing without a terminal: the command fails
    ask: bool = False  # missing with a terminal: asked for (an optional list may be answered empty)
    hint: str = ""
    repeat: bool = False
    name: str = ""  # what the prompt calls it, when not the option's name

    @property
    def flag(self) -> str:
        return "--" + self.dest.replace("_", "-")

    @property
    def label(self) -> str:
        return self.name or self.dest.replace("_", " ")


OPTIONS: dict[str, tuple[Option, ...]] = {
    "event": (
        Option("date", _event_date, required=True, ask=True, hint=DATE_HINT),
        Option("title", _text, required=True, ask=True, hint="one line saying what happened"),
        Option("type", _choice(tuple(EVENT_TYPES)), required=True, ask=True, hint=", ".join(EVENT_TYPES)),
        Option("actor", _actor_entry, ask=True, hint=ACTORS_HINT, repeat=True, name="actors"),
        Option("location", _text),
        Option("summary", _text),
        Option("source", _url, repeat=True),
        Option("id", _identifier),
        Option("date_text", _text),
        Option("tag", _text, repeat=True),
    ),
    "actor": (
        Option("name", _text, required=True, ask=True, hint="as shown on the site"),
        Option("type", _choice(tuple(ACTOR_TYPES)), required=True, ask=True, hint=", ".join(ACTOR_TYPES)),
        Option("alias", _text, repeat=True),
        Option("wikidata", _wikidata),
        Option("id", _identifier),
        Option("bio", _text),
    ),
    "article": (
        Option("title", _text, required=True, ask=True, hint="the headline"),
        Option("date", _published, required=True, ask=True, hint=PUBLISHED_HINT),
        Option("source_name", _text, required=True, ask=True, hint="the outlet, e.g. Reuters"),
        Option("source_url", _url),
        Option("via_name", _text),
        Option("via_url", _url),
        Option("dateline", _text),
        Option("author", _text, repeat=True),
        Option("tag", _text, repeat=True),
        Option("slug", _identifier),
    ),
}
FLAGS = {"article": ("published",)}  # switches, not values


# --- The parser -----------------------------------------------------------------------------


def add_parser(subparsers) -> None:
    """Add ``new`` to the ``timeline`` command's sub-commands."""
    new = subparsers.add_parser(
        "new",
        help="start a new event, actor profile or article, checked as the build checks it",
        description="Write a new content file: content/events/<id>.md, content/actors/<id>.md or "
        "content/articles/<date>-<slug>.md (a draft). Fields not given as options are asked for when run in a "
        "terminal. The file is checked with the build's own rules before it is written; nothing is overwritten.",
        allow_abbrev=False,  # `--via` must not quietly mean `--via-name`
    )
    new.add_argument("kind", choices=KINDS, help="what to create")
    shared = new.add_argument_group("events and articles")
    shared.add_argument("--title", help="event: one line saying what happened; article: the headline")
    shared.add_argument("--date", help=f"event: {DATE_HINT}; article: {PUBLISHED_HINT}")
    shared.add_argument("--tag", action="append", help="a topic tag (repeatable)")
    shared = new.add_argument_group("events and actors")
    shared.add_argument("--type", help=f"event: {', '.join(EVENT_TYPES)}; actor: {', '.join(ACTOR_TYPES)}")
    shared.add_argument(
        "--id",
        help="event: the id (default: made from the date and title, as the build makes it); "
        "actor: the id (default: made from the name)",
    )
    event = new.add_argument_group("events")
    roles = ", ".join(ROLES)
    event.add_argument("--actor", action="append", metavar="ID[:ROLE]", help=f"an actor; role: {roles} (repeatable)")
    event.add_argument("--location", help="where it happened")
    event.add_argument("--summary", help="a short account (Markdown)")
    event.add_argument("--source", action="append", metavar="URL", help="a source link (repeatable)")
    event.add_argument("--date-text", help='the date in the source\'s own words ("On Saturday")')
    actor = new.add_argument_group("actors")
    actor.add_argument("--name", help="the name as shown on the site")
    actor.add_argument("--alias", action="append", help="another name or spelling (repeatable)")
    actor.add_argument("--wikidata", metavar="QID", help="the Wikidata item id, such as Q56226")
    actor.add_argument("--bio", help="the biography (Markdown), written as the file's body")
    article = new.add_argument_group("articles")
    article.add_argument("--source-name", help="the outlet")
    article.add_argument("--source-url", metavar="URL", help="the article's address at the outlet")
    article.add_argument("--via-name", help="the outlet that republished it")
    article.add_argument("--via-url", metavar="URL", help="the republished article's address")
    article.add_argument("--dateline", help="the place the report was filed from")
    article.add_argument("--author", action="append", help="an author (repeatable)")
    article.add_argument("--slug", help="the article's address, articles/<slug>/ (default: from the title)")
    article.add_argument("--published", action="store_true", help="publish it (default: status: draft)")
    common = new.add_argument_group("common")
    common.add_argument("--content", default="content", metavar="DIR", help="the content folder (default: %(default)s)")
    common.add_argument("--dry-run", action="store_true", help="print the file; write nothing")
    common.add_argument("--no-input", action="store_true", help="never ask; fail listing what is missing")


# --- The command ----------------------------------------------------------------------------


def run(args: argparse.Namespace, ask: Callable[[str], str] = input) -> int:
    """Create the file ``args`` describe; 0 when written, 1 when refused, 2 when the input is incomplete or wrong."""
    try:
        return _run(args, ask)
    except Stop as stop:
        for line in stop.lines:
            print(f"{PROG}: {line}", file=sys.stderr)
        return stop.code


def _run(args: argparse.Namespace, ask: Callable[[str], str]) -> int:
    kind, content = args.kind, Path(args.content)
    _refuse_other_kinds(args, kind)
    if not content.is_dir():
        raise Stop(2, f"no content folder '{content}' here; run it in the site's folder, or give --content DIR")
    values = _given_values(args, OPTIONS[kind])
    interactive = not args.no_input and sys.stdin is not None and sys.stdin.isatty()
    missing = [o for o in OPTIONS[kind] if o.dest not in values and (o.required or (interactive and o.ask))]
    if missing and not interactive:
        how = "drop --no-input to be asked" if args.no_input else "or run it in a terminal to be asked"
        raise Stop(2, f"missing {', '.join(o.flag for o in missing)} ({how})")
    for option in missing:
        values[option.dest] = _prompt(option, ask)
    plan = {"event": _event_plan, "actor": _actor_plan, "article": _article_plan}[kind](values, args, content)
    text = compose(plan.meta, plan.body)
    for problem in _check(plan, text):  # warnings, as the build will print them
        print(problem, file=sys.stderr)
    for note in plan.notes:
        print(f"{PROG}: {note}", file=sys.stderr)
    if plan.path.exists():
        raise Stop(1, f"{plan.path} already exists; nothing written (it is never overwritten)")
    if args.dry_run:
        sys.stdout.write(text)
        print(f"{PROG}: would write {plan.path} (dry run: nothing written)", file=sys.stderr)
        return 0
    plan.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(plan.path, "x", encoding="utf-8", newline="\n") as handle:  # "x": never write over a file
            handle.write(text)
    except FileExistsError:
        raise Stop(1, f"{plan.path} already exists; nothing written (it is never overwritten)") from None
    print(f"wrote {plan.path}")
    print(f"next: {plan.next_steps}")
    return 0


def _refuse_other_kinds(args: argparse.Namespace, kind: str) -> None:
    mine = {o.dest for o in OPTIONS[kind]} | set(FLAGS.get(kind, ()))
    wrong = []
    for other in KINDS:
        for dest in [o.dest for o in OPTIONS[other]] + list(FLAGS.get(other, ())):
            flag = "--" + dest.replace("_", "-")
            if dest not in mine and getattr(args, dest, None) not in (None, False) and flag not in wrong:
                wrong.append(flag)
    if wrong:
        raise Stop(2, f"{', '.join(wrong)} {'does' if len(wrong) == 1 else 'do'} not apply to {_a(kind)}")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _given_values(args: argparse.Namespace, options: tuple[Option, ...]) -> dict[str, object]:
    values: dict[str, object] = {}
    errors = []
    for option in options:
        raw = getattr(args, option.dest, None)
        if raw is None:
            continue
        try:
            values[option.dest] = [option.parse(item) for item in raw] if option.repeat else option.parse(raw)
        except Invalid as error:
            errors.append(f"{option.flag}: {error}")
    if errors:
        raise Stop(2, *errors, "nothing written")
    return values


def _prompt(option: Option, ask: Callable[[str], str]) -> object:
    """Ask until the answer is valid; a list may be given as comma-separated items."""
    while True:
        try:
            answer = ask(f"{option.label} ({option.hint}): ")
        except EOFError:
            raise Stop(2, f"no answer for {option.flag}; nothing written") from None
        except KeyboardInterrupt:
            print(file=sys.stderr)
            raise Stop(130, "cancelled; nothing written") from None
        try:
            if option.repeat:
                items = [item for item in re.split(r"[,\s]+", answer.strip()) if item]
                if option.required and not items:
                    raise Invalid("is required")
                return [option.parse(item) for item in items]
            if not answer.strip():
                raise Invalid("is required")
            return option.parse(answer)
        except Invalid as error:
            print(f"  {option.label}: {error}; try again", file=sys.stderr)


# --- What to write, per kind ----------------------------------------------------------------


@dataclass
class Plan:
    kind: str
    path: Path
    ident: str
    meta: dict
    body: str
    next_steps: str
    notes: list[str]


def _event_plan(values: dict, args: argparse.Namespace, content: Path) -> Plan:
    meta: dict = {}
    if "id" in values:
        meta["id"] = values["id"]
    meta["date"] = values["date"]
    if "date_text" in values:
        meta["date_text"] = values["date_text"]
    meta["title"] = values["title"]
    meta["type"] = values["type"]
    meta["actors"] = list(values.get("actor", []))
    for key, dest in (("location", "location"), ("summary", "summary"), ("sources", "source"), ("tags", "tag")):
        if values.get(dest):
            meta[key] = values[dest]
    event_id = values.get("id") or derive_event_id(meta["date"], meta["title"])
    _refuse_taken_event_id(event_id, content, given="id" in values)
    notes = _unknown_actor_notes(meta["actors"], content)
    if not meta["actors"]:
        notes.append("no --actor given: written as `actors: []` (an event without actors)")
    todo = [] if "sources" in meta else ["the event's sources under `sources:`"]
    todo += [] if "summary" in meta else ["a summary, or a description below the front matter"]
    steps = (f"add {_and(todo)}, then " if todo else "") + f"run `{CHECK_COMMAND}`"
    path = content / EVENTS_DIR / f"{event_id}.md"
    return Plan("event", path, event_id, meta, "", steps, notes)


def _actor_plan(values: dict, args: argparse.Namespace, content: Path) -> Plan:
    meta: dict = {"name": values["name"], "type": values["type"]}
    if values.get("alias"):
        meta["aliases"] = values["alias"]
    if "wikidata" in values:
        meta["wikidata"] = values["wikidata"]
    actor_id = values.get("id") or slugify(values["name"])
    if id_problem(actor_id):
        raise Stop(2, f"cannot make an id from the name '{values['name']}'; give one with --id")
    known = _actor_files(content)
    if actor_id in known:
        raise Stop(1, f"actor id '{actor_id}' is already used by {known[actor_id]}; choose another with --id")
    body = f"{values['bio']}\n" if "bio" in values else ""
    todo = [] if "aliases" in meta else ["other names under `aliases:`"]
    todo += ["the actors it belongs to under `affiliations:`"]
    todo += [] if "wikidata" in meta else ["its Wikidata id"]
    todo += [] if body else ["a short biography below the front matter"]
    steps = f"add {_and(todo)} if known, then run `{CHECK_COMMAND}`"
    path = content / ACTORS_DIR / f"{actor_id}.md"
    return Plan("actor", path, actor_id, meta, body, steps, [])


def _article_plan(values: dict, args: argparse.Namespace, content: Path) -> Plan:
    if "via_url" in values and "via_name" not in values:
        raise Stop(2, "--via-url needs --via-name (the republisher's name)")
    meta: dict = {"title": values["title"], "date": values["date"]}
    if not args.published:
        meta["status"] = "draft"
    source: dict | str = values["source_name"]
    if "source_url" in values or "via_name" in values:
        source = {"name": values["source_name"]}
        if "source_url" in values:
            source["url"] = values["source_url"]
        if "via_name" in values:
            via = {"name": values["via_name"]}
            if "via_url" in values:
                via["url"] = values["via_url"]
            source["via"] = via
    meta["source"] = source
    for key, dest in (("dateline", "dateline"), ("authors", "author"), ("tags", "tag"), ("slug", "slug")):
        if values.get(dest):
            meta[key] = values[dest]
    slug = values.get("slug") or slugify(values["title"], max_length=ARTICLE_SLUG_LENGTH, word_boundary=True)
    path = content / ARTICLES_DIR / f"{values['date'][:10]}-{slug or 'untitled'}.md"
    steps = (
        "paste the article text in place of the comment, list the events it reports under `events:` and the "
        f"actors it mentions under `actors:`, {'remove `status: draft` to publish it, ' if not args.published else ''}"
        f"then run `{CHECK_COMMAND}`"
    )
    return Plan("article", path, slug, meta, f"{ARTICLE_PLACEHOLDER}\n", steps, [])


# --- What is already in the site ------------------------------------------------------------


def _no_render(text: str) -> str:
    return ""


def _actor_files(content: Path) -> dict[str, str]:
    """Actor id → the profile that has it (the id is the file name, in any subfolder)."""
    found: dict[str, str] = {}
    for path in content_files(str(content / ACTORS_DIR)):
        found.setdefault(os.path.splitext(os.path.basename(path))[0], path)
    return found


def _event_id(meta: object, path: str) -> str:
    """The id the build gives this event mapping; for one it rejects, the id it would have once fixed."""
    if not isinstance(meta, LineDict):
        return ""
    event = event_from(Fields(meta, path, []), _no_render)
    if event is not None:
        return event.id
    given = as_text(meta.get("id"))
    if isinstance(given, str) and given.strip():
        return given.strip()
    date, title = meta.get("date"), as_text(meta.get("title"))
    if isinstance(date, int) and not isinstance(date, bool):
        date = f"{date:04d}"
    try:
        date_text = parse_date(date).text
    except DateError:
        return ""
    return derive_event_id(date_text, title.strip()) if isinstance(title, str) and title.strip() else ""


def event_ids(content: Path) -> dict[str, str]:
    """Every event id in the site → where it is (``path:line``), events in articles first, as the build reads them."""
    found: dict[str, str] = {}
    for path in content_files(str(content / ARTICLES_DIR)):
        source, _ = load(path)
        entries = source.meta.get("events") if source is not None else None
        if isinstance(entries, list):
            for index, entry in enumerate(entries):
                if event_id := _event_id(entry, path):
                    found.setdefault(event_id, f"{path}:{entries.line_of(index)} (events[{index}])")
    for path in content_files(str(content / EVENTS_DIR)):
        source, _ = load(path)
        if source is not None and (event_id := _event_id(source.meta, path)):
            found.setdefault(event_id, path)
    return found


def _refuse_taken_event_id(event_id: str, content: Path, *, given: bool) -> None:
    where = event_ids(content).get(event_id)
    if where:
        hint = "choose another with --id" if given else "give this event an explicit --id"
        raise Stop(1, f"event id '{event_id}' is already used by {where}; {hint}")


def _unknown_actor_notes(entries: list, content: Path) -> list[str]:
    known = _actor_files(content)
    notes = []
    for entry in entries:
        actor_id = entry["id"] if isinstance(entry, dict) else entry
        if actor_id not in known:
            notes.append(
                f"warning: unknown actor '{actor_id}'{suggest(actor_id, known)}; the build gives it a page without "
                "a profile (`timeline new actor` writes one)"
            )
    return notes


# --- The file, checked as the build will read it --------------------------------------------


def _check(plan: Plan, text: str) -> list[str]:
    """Read the file back with the site's loader and validate it: errors stop the command, warnings are returned."""
    try:
        source = split(decode(text.encode("utf-8")))
    except FrontMatterError as error:
        raise Stop(1, f"internal error: the file would not load ({error.message}); nothing written") from None
    if source.meta != plan.meta or source.body != plan.body:
        raise Stop(1, "internal error: the file would not read back as the values given; nothing written")
    path = str(plan.path)
    problems: list[Problem] = []
    if plan.kind == "event":
        event = event_from(Fields(source.meta, path, problems), _no_render, line=1)
        if event is not None and event.id != plan.ident:
            problems.append(Problem(path, 1, "id", f"the build would give it the id '{event.id}'"))
    elif plan.kind == "actor":
        _, problems = actor_from(source.meta, path, plan.ident, "")
    else:
        # A draft's errors are reported as warnings: check it as it will be published.
        published = LineDict((k, v) for k, v in source.meta.items() if k != "status")
        published.key_lines, published.line = source.meta.key_lines, source.meta.line
        problems = article_from(published, path, _no_render).problems
    errors = [str(p) for p in problems if p.severity == ERROR]
    if errors:
        raise Stop(2, *errors, "nothing written")
    return [str(p) for p in problems]
