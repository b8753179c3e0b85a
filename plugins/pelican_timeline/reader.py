"""Pelican's Markdown reader, with strict YAML front matter.

Replaces Pelican's reader for Markdown files. Articles are validated against
the timeline's content format; other Markdown pages get the few fields a
page needs. A file with errors is recorded in the ledger with every reason
and then refused, so Pelican never publishes half of it.
"""

from __future__ import annotations

import os

from pelican.readers import MarkdownReader

from . import heap
from .build_log import current_build
from .content_files import load, read_article, render_body
from .ledger import WARNING, Problem
from .records import page_from
from .render import markdown_renderer, unsafe_markup


class ContentRejected(Exception):
    """Raised to make Pelican drop a file whose problems are already in the ledger."""


class TimelineMarkdownReader(MarkdownReader):
    file_extensions = ("md", "markdown", "mkd", "mdown")

    def __init__(self, settings: dict) -> None:
        super().__init__(settings)
        self._render = markdown_renderer(settings)
        # One category, tag or author object per name, shared by the articles that carry it
        # (Pelican makes one per article; 15,000 of them at 5,000 articles, each with its
        # own copy of its name and slug).
        self._shared: dict[tuple[str, str], object] = {}

    def _wrapper(self, kind: str, name: str) -> object:
        shared = self._shared.get((kind, name))
        if shared is None:
            shared = self._shared[kind, name] = self.process_metadata(kind, name)
        return shared

    def _wrappers(self, kind: str, names: tuple[str, ...]) -> list:
        """Pelican's list processors ("tags", "authors"), given each name as a list of its own,
        so that a name is never split at a comma."""
        found = []
        for name in names:
            shared = self._shared.get((kind, name))
            if shared is None:
                made = self.process_metadata(kind, [name])
                shared = self._shared[kind, name] = made[0] if isinstance(made, list) and made else None
            if shared is not None:
                found.append(shared)
        return found

    def read(self, source_path: str) -> tuple[str, dict]:
        heap.after_reading()
        if self._is_article(source_path):
            return self._read_article(source_path)
        return self._read_page(source_path)

    def _is_article(self, source_path: str) -> bool:
        content = os.path.abspath(self.settings["PATH"])
        relative = os.path.relpath(os.path.abspath(source_path), content)
        for folder in self.settings["ARTICLE_PATHS"]:
            if folder in ("", ".") or relative == folder or relative.startswith(folder.rstrip("/") + os.sep):
                return True
        return False

    def _reject(self, kind: str, path: str, problems: list[Problem]) -> None:
        build = current_build()
        if build is not None:
            build.ledger.reject(kind, path, problems)
        raise ContentRejected("; ".join(str(p) for p in problems))

    def _read_article(self, source_path: str) -> tuple[str, dict]:
        result, source = read_article(source_path, self._render)
        record = result.record
        if record is None:
            self._reject("article", source_path, result.problems)
        metadata = {
            "title": record.title,
            "date": record.date,
            "status": self.process_metadata("status", record.status),
            "timeline": record,
        }
        if record.modified:
            metadata["modified"] = record.modified
        # Pelican gives articles a category only when categories are published,
        # yet writing a draft reads it: keep drafts writable with categories off.
        metadata["category"] = self._wrapper("category", self.settings["DEFAULT_CATEGORY"])
        if record.tags:
            metadata["tags"] = self._wrappers("tags", record.tags)
        if record.authors:
            metadata["authors"] = self._wrappers("authors", record.authors)
        elif self.settings.get("AUTHOR"):
            # What Pelican would give the article, but one object for all of them.
            metadata["author"] = self._wrapper("author", self.settings["AUTHOR"])
        if record.slug:
            metadata["slug"] = record.slug
        if record.summary:
            if reason := unsafe_markup(record.summary):
                result.problems.append(Problem(source_path, source.meta.line_of("summary"), "summary", reason, WARNING))
            metadata["summary"] = self._render(record.summary)
        metadata.update(record.extra)
        body = render_body(source, source_path, self._render, result.problems)
        # Kept with the article so that Pelican's content cache replays them (only when there
        # are any: two empty lists in each of thousands of articles add up).
        if result.problems:
            metadata["timeline_problems"] = result.problems
        if result.rejected_events:
            metadata["timeline_rejected_events"] = result.rejected_events
        return body, metadata

    def _read_page(self, source_path: str) -> tuple[str, dict]:
        source, problems = load(source_path)
        if source is None:
            self._reject("page", source_path, problems)
        metadata = page_from(source.meta, source_path, problems)
        if "summary" in metadata:
            metadata["summary"] = self._render(metadata["summary"])
        if any(p.severity == "error" for p in problems):
            self._reject("page", source_path, problems)
        body = render_body(source, source_path, self._render, problems)
        if problems:
            metadata["timeline_problems"] = problems
        return body, metadata
