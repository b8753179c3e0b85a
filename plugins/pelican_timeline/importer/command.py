"""``timeline import``: turn saved pages into drafts, safely.

Never overwrites a file; a page imported before (same URL, or the same body
text) is reported and skipped; a page that cannot be read gets a one-line
error and writes nothing.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rich.progress import Progress

from ..frontmatter import FrontMatterError, decode, split
from ..wording import counted
from . import build_draft
from .actors import site_registry, world_registry
from .draft import body, render, render_actor
from .page import PageError


def _fingerprint(text: str) -> str:
    words = re.sub(r"[\W_]+", " ", text).casefold().split()
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


@dataclass
class KnownArticles:
    """What is already in the articles folder, to recognise a page imported before."""

    urls: dict[str, Path] = field(default_factory=dict)
    bodies: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def scan(cls, folder: Path) -> KnownArticles:
        known = cls()
        for path in sorted(folder.glob("**/*.md")) if folder.is_dir() else []:
            try:
                source = split(decode(path.read_bytes()))
            except FrontMatterError:
                continue
            known.add(path, _urls(source.meta), source.body)
        return known

    def add(self, path: Path, urls: list[str], text: str) -> None:
        for url in urls:
            self.urls.setdefault(url, path)
        self.bodies.setdefault(_fingerprint(text), path)

    def match(self, urls: list[str], text: str) -> tuple[Path, str] | None:
        for url in urls:
            if url in self.urls:
                return self.urls[url], "same URL"
        found = self.bodies.get(_fingerprint(text))
        return (found, "same text") if found else None


def _urls(meta: dict) -> list[str]:
    source = meta.get("source")
    if not isinstance(source, dict):
        return []
    urls = [source.get("url")]
    via = source.get("via")
    if isinstance(via, dict):
        urls.append(via.get("url"))
    return [u for u in urls if isinstance(u, str) and u]


def _free_path(folder: Path, stem: str) -> Path:
    candidate, number = folder / f"{stem}.md", 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.md"
        number += 1
    return candidate


def input_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            files.append(path)
    return files


def run_import(paths: list[str], *, url: str = "", out: str, actors: str, dry_run: bool = False) -> int:
    files = input_files(paths)
    if url and len(files) != 1:
        print("timeline import: --url needs exactly one page", file=sys.stderr)
        return 2
    out_dir, actors_dir = Path(out), Path(actors)
    registry = site_registry(str(actors_dir), world_registry())
    known = KnownArticles.scan(out_dir)
    counts = {"imported": 0, "skipped": 0, "failed": 0}
    with Progress(transient=True, disable=len(files) < 2 or not sys.stderr.isatty()) as progress:
        task = progress.add_task("importing", total=len(files))
        for path in files:
            outcome = _import_one(path, url, Target(out_dir, actors_dir, registry, known, dry_run))
            counts[outcome] += 1
            progress.advance(task)
    if len(files) > 1 or counts["failed"]:
        print(
            f"timeline import: {counts['imported']} imported, {counts['skipped']} skipped as already imported, "
            f"{counts['failed']} failed" + (" (dry run: nothing written)" if dry_run else "")
        )
    return 1 if counts["failed"] else 0


@dataclass
class Target:
    """Where drafts go and what is already there, for one run of the command."""

    out_dir: Path
    actors_dir: Path
    registry: object
    known: KnownArticles
    dry_run: bool


def _import_one(path: Path, url: str, target: Target) -> str:
    out_dir, actors_dir, registry, known, dry_run = (
        target.out_dir,
        target.actors_dir,
        target.registry,
        target.known,
        target.dry_run,
    )
    try:
        raw = path.read_bytes()
        draft = build_draft(raw, registry, url=url)
    except (OSError, PageError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        print(f"{path}: error: {reason}; nothing written", file=sys.stderr)
        return "failed"
    text = body(draft.fields)
    urls = [u for u in (draft.fields.source_url, draft.fields.via_url) if u]
    earlier = known.match(urls, text)
    if earlier is not None:
        print(f"{path}: skipped: already imported as {earlier[0]} ({earlier[1]})")
        return "skipped"
    target = _free_path(out_dir, draft.slug)
    events, actors = len(draft.events), len(draft.actor_ids)
    verb = "would write" if dry_run else "wrote"
    print(f"{path}: {verb} {target} ({counted(events, 'event')}, {counted(actors, 'actor')})")
    if not dry_run:
        out_dir.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as handle:  # "x": never write over a file
            handle.write(render(draft))
    known.add(target, urls, text)
    for actor in draft.new_actors:
        profile = actors_dir / f"{actor.id}.md"
        if profile.exists():
            continue
        print(f"  {verb} draft actor profile {profile}")
        if not dry_run:
            actors_dir.mkdir(parents=True, exist_ok=True)
            with open(profile, "x", encoding="utf-8") as handle:
                handle.write(render_actor(actor, draft.fields.title))
    for note in draft.review:
        print(f"  review: {note}")
    return "imported"
