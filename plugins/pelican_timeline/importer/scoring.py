"""Scoring the importer against a dev set of real pages with hand-written expectations.

Each ``<name>.expected.yaml`` beside a page names the fields a careful editor
would write (see ``tests/importer/devset/README.md``). ``score(folder)``
imports every page and compares; ``python -m pelican_timeline.importer.scoring
DIR`` prints per-field accuracy and actor and event precision/recall.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

from . import build_draft
from .actors import Registry, normalize, site_registry, world_registry
from .draft import Draft
from .timexpr import find_times

FIELDS = ("title", "date", "modified", "source", "via", "dateline", "authors")
TARGETS = {"title": 0.95, "date": 0.95, "source": 0.95, "boilerplate": 1.0, "actor_recall": 0.90,
           "actor_precision": 0.85, "event_dates": 0.85}  # fmt: skip


def _norm(text: object) -> str:
    text = normalize(str(text or "")).replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", re.sub(r"^the\s+", "", text)).strip(" .")


def _stamp(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return text
    return parsed.isoformat(timespec="minutes") if len(text) > 10 else parsed.date().isoformat()


@dataclass
class PageScore:
    name: str
    fields: dict[str, bool] = field(default_factory=dict)
    wrong: dict[str, tuple[str, str]] = field(default_factory=dict)
    boilerplate: tuple[int, int] = (0, 0)  # removed, listed
    actors: tuple[int, int, int] = (0, 0, 0)  # matched expected, expected, ours
    events: tuple[int, int, int] = (0, 0, 0)  # matched expected, expected, ours dated by a time expression
    missed_actors: list[str] = field(default_factory=list)
    extra_actors: list[str] = field(default_factory=list)
    missed_events: list[str] = field(default_factory=list)
    boilerplate_left: list[str] = field(default_factory=list)
    unresolvable: list[str] = field(default_factory=list)  # relative dates on pages that print no date


def _field_values(draft: Draft, name: str):
    f = draft.fields
    return {
        "title": f.title,
        "date": _stamp(f.published),
        "modified": _stamp(f.modified),
        "source": f.source,
        "via": f.via,
        "dateline": f.dateline,
        "authors": ", ".join(f.authors),
    }[name]


def _same(name: str, ours, expected) -> bool:
    if name in ("date", "modified"):
        return _stamp(expected) == ours
    if name == "authors":
        return _norm(", ".join(expected or [])) == _norm(ours)
    if name == "source":
        a, b = _norm(ours), _norm(expected)
        return bool(a) and bool(b) and (a == b or a in b or b in a) if expected else not a
    return _norm(ours) == _norm(expected)


def _actor_matches(expected: dict, draft: Draft, registry: Registry) -> str | None:
    """Which of our actor ids stands for an expected actor, if any."""
    wanted = _norm(expected["name"])
    for actor_id in draft.actor_ids:
        actor = registry.actors.get(actor_id)
        names = [actor.name, *actor.aliases] if actor else [actor_id]
        if any(_norm(n) == wanted for n in names):
            return actor_id
    for mention in registry.find(expected["name"]):
        if mention.actor_id in draft.actor_ids and len(mention.text) >= len(expected["name"]) * 0.6:
            return mention.actor_id
    return None


def score_page(expected_path: Path, registry_base: Registry, actors_folder: str = "") -> PageScore:
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    page = expected_path.parent / expected["input"]
    registry = site_registry(actors_folder, registry_base)
    draft = build_draft(page.read_bytes(), registry, url=expected.get("url") or "")
    result = PageScore(expected_path.name.removesuffix(".expected.yaml"))
    for name in FIELDS:
        if name not in expected:
            continue
        ours = _field_values(draft, name)
        ok = _same(name, ours, expected[name])
        if name == "date" and expected[name] is None:
            # The page prints no date: right is none, or one openly taken from the URL.
            ok = not ours or any("taken from the URL" in note for note in draft.review)
        result.fields[name] = ok
        if not ok:
            result.wrong[name] = (str(ours), str(expected[name]))
    body = "\n".join(draft.fields.paragraphs)
    listed = expected.get("boilerplate") or []
    # A listed line counts as left in when it stands as a paragraph, or (if long) inside one.
    left = [line for line in listed if line in draft.fields.paragraphs or (len(line) > 40 and line in body)]
    result.boilerplate = (len(listed) - len(left), len(listed))
    result.boilerplate_left = left
    paragraphs = draft.fields.paragraphs
    if paragraphs and draft.fields.dateline_paragraph == 0:
        paragraphs = [
            paragraphs[0][draft.fields.dateline_length :],
            *paragraphs[1:],
        ]  # the body starts after the dateline
    for key, index in (("body_first", 0), ("body_last", -1)):
        if expected.get(key):
            result.fields[key] = bool(paragraphs) and paragraphs[index].startswith(expected[key])
            if not result.fields[key]:
                result.wrong[key] = ((paragraphs[index][:60] if paragraphs else ""), expected[key])

    matched_ids = set()
    for actor in expected.get("actors") or []:
        found = _actor_matches(actor, draft, registry)
        if found:
            matched_ids.add(found)
        else:
            result.missed_actors.append(actor["name"])
    result.extra_actors = [a for a in draft.actor_ids if a not in matched_ids]
    wanted = expected.get("actors") or []
    result.actors = (len(wanted) - len(result.missed_actors), len(wanted), len(draft.actor_ids))

    ours = [e for e in draft.events if e.date_text]
    dates = [e.date for e in ours]
    hits = 0
    wanted_events = []
    for event in expected.get("events") or []:
        # "on Saturday" needs the publication date; a page that prints none cannot date it.
        if expected.get("date") is None and not find_times(str(event.get("date_text", "")), None):
            result.unresolvable.append(f"{event['date']} ({event.get('date_text', '')})")
        else:
            wanted_events.append(event)
    for event in wanted_events:
        if str(event["date"]) in dates:
            dates.remove(str(event["date"]))
            hits += 1
        else:
            result.missed_events.append(f"{event['date']} ({event.get('date_text', '')})")
    result.events = (hits, len(wanted_events), len(ours))
    return result


@dataclass
class Totals:
    pages: list[PageScore]

    def field_accuracy(self, name: str) -> tuple[int, int]:
        marks = [p.fields[name] for p in self.pages if name in p.fields]
        return sum(marks), len(marks)

    def sums(self, attribute: str) -> tuple[int, ...]:
        values = [getattr(p, attribute) for p in self.pages]
        return tuple(sum(v[i] for v in values) for i in range(len(values[0]))) if values else (0, 0, 0)

    def rates(self) -> dict[str, float]:
        rates = {}
        for name in (*FIELDS, "body_first", "body_last"):
            ok, total = self.field_accuracy(name)
            if total:
                rates[name] = ok / total
        removed, listed = self.sums("boilerplate")
        rates["boilerplate"] = removed / listed if listed else 1.0
        matched, expected, ours = self.sums("actors")
        rates["actor_recall"] = matched / expected if expected else 1.0
        rates["actor_precision"] = matched / ours if ours else 1.0
        hits, expected_events, dated = self.sums("events")
        rates["event_dates"] = hits / expected_events if expected_events else 1.0
        rates["event_precision"] = hits / dated if dated else 1.0
        return rates


def score(folder: Path, actors_folder: str = "") -> Totals:
    base = world_registry()
    return Totals([score_page(p, base, actors_folder) for p in sorted(folder.glob("*.expected.yaml"))])


def report(totals: Totals, verbose: bool = False) -> str:
    lines = []
    rates = totals.rates()
    lines.append(f"dev set: {len(totals.pages)} pages")
    unresolvable = sum(len(p.unresolvable) for p in totals.pages)
    if unresolvable:
        lines.append(f"  ({unresolvable} expected events have relative dates on pages that print no date; not scored)")
    for name, rate in rates.items():
        target = TARGETS.get(name)
        mark = "" if target is None else ("  ok" if rate >= target else f"  BELOW TARGET {target:.0%}")
        lines.append(f"  {name:<16} {rate:7.1%}{mark}")
    if verbose:
        for page in totals.pages:
            problems = [f"{k}: ours {v[0]!r} != expected {v[1]!r}" for k, v in page.wrong.items()]
            problems += [f"missed actor {n}" for n in page.missed_actors]
            problems += [f"extra actor {n}" for n in page.extra_actors]
            problems += [f"missed event {e}" for e in page.missed_events]
            problems += [f"boilerplate left: {line[:70]!r}" for line in page.boilerplate_left]
            if problems:
                lines.append(f"{page.name}:")
                lines += [f"    {p}" for p in problems]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="score-import", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--actors", default="", help="a site's actor profiles to match against")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    print(report(score(args.folder, args.actors), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
