"""``timeline check``: every rule of the build, without rendering a page.

It reads the content with the same readers and the same catalog code as the
build (so a file is judged the same way in both), prints every problem as
``path:line: field: message`` and the build's summary line, and exits 1 when
anything is an error. It never imports Pelican, so it answers in a moment even
for thousands of articles.
"""

from __future__ import annotations

import os
import runpy
import sys
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from .catalog import cross_check
from .check_cache import VerdictCache
from .content_files import (
    CONTENT_EXTENSIONS,
    FileResult,
    content_files,
    load,
    read_actor,
    read_article,
    read_event,
    stray_files,
)
from .ledger import WARNING, Ledger, Problem
from .records import ArticleResult, page_from
from .render import unsafe_markup

DEFAULT_SETTINGS = {
    "PATH": "content",
    "ARTICLE_PATHS": ["articles"],
    "PAGE_PATHS": ["pages"],
    "TIMELINE_EVENTS_PATHS": ["events"],
    "TIMELINE_ACTORS_PATHS": ["actors"],
    "TIMELINE_INCLUDE_DRAFTS": False,
    "CACHE_PATH": "cache",
}


def no_markdown(text: str) -> str:
    """Checking needs no HTML: bodies are looked at for unsafe markup, not rendered."""
    return text


def read_settings(path: str | None) -> dict:
    """The content folders from a Pelican settings file (run as plain Python), or the defaults."""
    settings = dict(DEFAULT_SETTINGS)
    if path and os.path.exists(path):
        values = runpy.run_path(path)
        settings.update({k: v for k, v in values.items() if k in DEFAULT_SETTINGS})
        base = os.path.dirname(os.path.abspath(path))
        for key in ("PATH", "CACHE_PATH"):
            if not os.path.isabs(settings[key]):
                settings[key] = os.path.join(base, settings[key])
    return settings


def _folders(settings: Mapping, key: str) -> list[str]:
    return [os.path.join(settings["PATH"], folder) for folder in settings[key]]


def _files(settings: Mapping, key: str) -> list[str]:
    return [path for folder in _folders(settings, key) for path in content_files(folder)]


def _body_problem(path: str, source) -> list[Problem]:
    reason = unsafe_markup(source.body) if source is not None and source.body.strip() else None
    return [Problem(path, source.body_line, "body", reason, WARNING)] if reason else []


def _read_article(path: str) -> tuple[ArticleResult, list[Problem]]:
    result, source = read_article(path, no_markdown)
    return result, _body_problem(path, source)


def _read_event(path: str) -> FileResult:
    return read_event(path, no_markdown)


def _read_actor(path: str) -> FileResult:
    return read_actor(path, no_markdown)


def check(settings: Mapping, cache: VerdictCache | None = None) -> Ledger:
    """Read and cross-check all content; the ledger holds every problem and what was accepted.

    With a cache, files unchanged since it was written are not read again.
    """
    cache = cache or VerdictCache(None)
    ledger = Ledger()
    records = []
    slugs: dict[str, list[str]] = defaultdict(list)
    article_paths = _files(settings, "ARTICLE_PATHS")
    read_articles, event_files, actor_files = cache.read_all(
        [
            (_read_article, article_paths),
            (_read_event, _files(settings, "TIMELINE_EVENTS_PATHS")),
            (_read_actor, _files(settings, "TIMELINE_ACTORS_PATHS")),
        ]
    )
    for path, (result, body_problems) in zip(article_paths, read_articles, strict=True):
        problems = result.problems + body_problems
        record = result.record
        if record is None:
            ledger.reject("article", path, problems)
            continue
        ledger.add(problems)
        for key, rejected in result.rejected_events:
            ledger.reject("event", key, rejected)
        draft = record.status == "draft"
        ledger.accept("draft" if draft else "article", path)
        if record.slug:
            slugs[record.slug].append(path)
        if not draft or settings["TIMELINE_INCLUDE_DRAFTS"]:
            records.append(record)
    for slug, paths in slugs.items():
        for path in paths[1:]:
            message = f"'{slug}' is also the slug of {paths[0]}; both would be written to one page"
            ledger.reject("file", path, [Problem(path, None, "slug", message)])
    for folder in _folders(settings, "PAGE_PATHS"):
        for path in content_files(folder):
            source, problems = load(path)
            if source is not None:
                page_from(source.meta, path, problems)
                problems += _body_problem(path, source)
            if any(p.severity != WARNING for p in problems):
                ledger.reject("page", path, problems)
            else:
                ledger.add(problems)
                ledger.accept("page", path)
    timeline_folders = _folders(settings, "TIMELINE_EVENTS_PATHS") + _folders(settings, "TIMELINE_ACTORS_PATHS")
    for folder in timeline_folders + _folders(settings, "ARTICLE_PATHS"):
        for path in stray_files(folder):
            if folder in timeline_folders or not path.endswith((".rst", ".html", ".htm", *CONTENT_EXTENSIONS)):
                ledger.add([Problem(path, None, "", "ignored: not a Markdown content file", WARNING)])
    cache.start_saving()  # what was read, before the cross-checks add to it
    try:
        cross_check(records, event_files, actor_files, ledger)
    finally:
        cache.save()  # whatever happens, no copy of this process is left behind
    return ledger


def main(settings_path: str | None, content: str | None = None, use_cache: bool = True) -> int:
    settings = read_settings(settings_path)
    if content:
        settings["PATH"] = content
    if not Path(settings["PATH"]).is_dir():
        print(f"timeline check: no content folder at {settings['PATH']}", file=sys.stderr)
        return 2
    cache = VerdictCache(settings["CACHE_PATH"] if use_cache else None)
    ledger = check(settings, cache)
    trouble = cache.save()
    if trouble:
        print(f"timeline check: {trouble}; the next check will read every file again", file=sys.stderr)
    lines = ledger.report_lines()
    if lines:
        print("\n".join(lines))
    print(ledger.summary())
    return 1 if ledger.errors else 0
