"""Deterministic synthetic content in the timeline format, for tests and benchmarks.

``generate(n_articles, n_actors, seed)`` returns ``{relative path: text}``:
articles with a few events each (mixed precisions, qualifiers and ranges)
drawn from a pool of actors, and a profile for every actor.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from .model import EVENT_TYPES

WORDS = (
    "talks",
    "summit",
    "sanctions",
    "missile",
    "statement",
    "envoy",
    "ceasefire",
    "border",
    "treaty",
    "council",
    "vote",
    "delegation",
    "inspection",
    "embargo",
    "drill",
    "launch",
    "meeting",
    "accord",
    "protest",
    "warning",
    "aid",
    "convoy",
    "report",
)
ACTOR_TYPES = ("person", "organization", "country", "group")


def _date_text(rng: random.Random, day: date) -> str:
    roll = rng.random()
    if roll < 0.55:
        return day.isoformat()
    if roll < 0.70:
        return day.strftime("%Y-%m")
    if roll < 0.75:
        return str(day.year)
    if roll < 0.82:
        return day.isoformat() + rng.choice("?~")
    if roll < 0.87:
        return day.strftime("%Y-%m") + "~"
    end = day + timedelta(days=rng.randint(1, 20))
    return f"{day.isoformat()}/{end.isoformat()}"


def actor_ids(n_actors: int) -> list[str]:
    return [f"actor-{i:05d}" for i in range(n_actors)]


def generate(n_articles: int, n_actors: int = 1000, seed: int = 1, events_per_article: int = 3) -> dict[str, str]:
    rng = random.Random(seed)
    pool = actor_ids(n_actors)
    files: dict[str, str] = {}
    for index, actor_id in enumerate(pool):
        kind = ACTOR_TYPES[index % len(ACTOR_TYPES)]
        files[f"actors/{actor_id}.md"] = (
            f"---\nname: Actor {index}\ntype: {kind}\naliases: [A{index}]\n---\nSynthetic actor number {index}.\n"
        )
    start = date(1990, 1, 1)
    types = list(EVENT_TYPES)
    for number in range(n_articles):
        published = start + timedelta(days=rng.randint(0, 12_000))
        lines = [
            "---",
            f"title: Synthetic report {number}",
            f"date: {published.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+00:00",
            "source:",
            f"  name: Outlet {number % 37}",
            f"  url: https://news.example.org/{number}",
            f"dateline: City {number % 91}",
            f"tags: [topic-{chr(ord('a') + number % 13)}]",
            f"actors: [{', '.join(rng.sample(pool, 2))}]",
            "events:",
        ]
        for event in range(max(1, events_per_article + rng.randint(-1, 1))):
            day = published - timedelta(days=rng.randint(0, 400))
            words = " ".join(rng.sample(WORDS, 3))
            actors = rng.sample(pool, rng.randint(1, 3))
            lines += [
                f"  - date: '{_date_text(rng, day)}'",
                f"    title: Report {number} event {event} {words}",
                f"    type: {rng.choice(types)}",
                f"    actors: [{', '.join(actors)}]",
                f"    location: Place {rng.randint(1, 300)}",
                f"    summary: Summary of event {event} in report {number}.",
            ]
        lines += ["---", f"Body of synthetic report {number}.", "", "A second paragraph.", ""]
        files[f"articles/{published.year}/report-{number:06d}.md"] = "\n".join(lines)
    return files
