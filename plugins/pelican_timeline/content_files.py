"""Reading content files from disk into records, without Pelican.

The Pelican reader, the timeline generator and ``timeline check`` all read
through these functions, so a file is judged the same way everywhere.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from .fields import Fields
from .frontmatter import FrontMatterError, SplitFile, decode, split
from .ledger import WARNING, Problem
from .model import Actor, Event
from .records import ArticleResult, Render, actor_from, article_from, event_from
from .render import unsafe_markup

CONTENT_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")


@dataclass
class FileResult:
    """One events/ or actors/ file: its record (None if rejected) and problems."""

    path: str
    record: Event | Actor | None
    problems: list[Problem] = field(default_factory=list)


def load(path: str) -> tuple[SplitFile | None, list[Problem]]:
    """Read and split one file; every failure becomes a located problem."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        return split(decode(raw)), []
    except FrontMatterError as error:
        return None, [Problem(path, error.line, error.field, error.message)]
    except OSError as error:
        return None, [Problem(path, None, "", f"cannot be read: {error.strerror}")]


def made_from(*texts: str) -> bytes:
    """What a record is made from, as a digest (``model.Origin.source``)."""
    hasher = hashlib.blake2b(digest_size=16)
    for text in texts:
        hasher.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return hasher.digest()


def render_body(source: SplitFile, path: str, render: Render, problems: list[Problem]) -> str:
    """The body as safe HTML; a warning says when the sanitiser had to remove something."""
    if not source.body.strip():
        return ""
    reason = unsafe_markup(source.body)
    if reason:
        problems.append(Problem(path, source.body_line, "body", reason, WARNING))
    return render(source.body)


def read_article(path: str, render: Render) -> tuple[ArticleResult, SplitFile | None]:
    source, problems = load(path)
    if source is None:
        return ArticleResult(None, problems, []), None
    # An article's record is made from its front matter alone: an edit to its text leaves it as it was.
    return article_from(source.meta, path, render, digest=made_from(source.front_matter)), source


def read_event(path: str, render: Render) -> FileResult:
    source, problems = load(path)
    if source is None:
        return FileResult(path, None, problems)
    description = render_body(source, path, render, problems)
    event = event_from(
        Fields(source.meta, path, problems),
        render,
        description_html=description,
        line=1,
        digest=made_from(source.front_matter, source.body),
    )
    return FileResult(path, event, problems)


def read_actor(path: str, render: Render) -> FileResult:
    source, problems = load(path)
    if source is None:
        return FileResult(path, None, problems)
    actor_id = os.path.splitext(os.path.basename(path))[0]
    bio = render_body(source, path, render, problems)
    actor, more = actor_from(source.meta, path, actor_id, bio, digest=made_from(source.front_matter, source.body))
    return FileResult(path, actor, problems + more)


def content_files(folder: str) -> Iterator[str]:
    """Every Markdown file below ``folder``, in a stable order; others are ignored
    here and reported by :func:`stray_files`."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(CONTENT_EXTENSIONS) and not name.startswith("."):
                yield os.path.join(root, name)


def stray_files(folder: str) -> Iterator[str]:
    """Files in a content folder that no reader will take: reported, never dropped silently."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.endswith(CONTENT_EXTENSIONS) and not name.startswith("."):
                yield os.path.join(root, name)
