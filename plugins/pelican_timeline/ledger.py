"""The ledger: every content file and event, accepted or rejected, and why.

A build reads the ledger at the end: it prints every problem as
``path:line: field: message`` (the form editors and CI logs make clickable),
one summary line, and in strict mode fails when anything was rejected.
"""

from __future__ import annotations

import os
from collections.abc import Hashable
from dataclasses import dataclass

from .wording import counted

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    path: str
    line: int | None
    field: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{display_path(self.path)}:{self.line}" if self.line else display_path(self.path)
        label = "" if self.severity == ERROR else "warning: "
        return f"{where}: {label}{self.field + ': ' if self.field else ''}{self.message}"


def display_path(path: str) -> str:
    """Paths relative to the working directory when inside it, so editors can open them."""
    if not os.path.isabs(path):
        return path
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


class Ledger:
    """What the build found, and what became of each piece."""

    def __init__(self) -> None:
        # Whether each piece was accepted, by its kind ("article", "event", "actor", "file")
        # and key (a path for files; for an event, the ``Origin`` it was read from): one per
        # file and per event, tens of thousands in a big site, so a bare flag each, under
        # keys that already exist.
        self._entries: dict[str, dict[Hashable, bool]] = {}
        self.problems: list[Problem] = []
        # One problem can arrive by two routes (with its file and with the event it
        # rejects, or a log line repeated); this keeps each once, without a scan of
        # all those reported so far for every file.
        self._reported: set[Problem] = set()

    def _kind(self, kind: str) -> dict[Hashable, bool]:
        entries = self._entries.get(kind)
        if entries is None:
            entries = self._entries[kind] = {}
        return entries

    def accept(self, kind: str, key: Hashable) -> None:
        self._kind(kind).setdefault(key, True)

    def reject(self, kind: str, key: Hashable, problems: list[Problem]) -> None:
        self._kind(kind)[key] = False
        self.add(problems)

    def add(self, problems: list[Problem]) -> None:
        for problem in problems:
            if problem not in self._reported:
                self.problems.append(problem)
                self._reported.add(problem)

    def is_rejected(self, kind: str, key: Hashable) -> bool:
        return self._entries.get(kind, {}).get(key) is False

    def count(self, kind: str, accepted: bool | None = None) -> int:
        entries = self._entries.get(kind, {})
        if accepted is None:
            return len(entries)
        return sum(1 for a in entries.values() if a == accepted)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def rejections(self) -> int:
        return sum(self.count(kind, accepted=False) for kind in self._entries)

    def report_lines(self) -> list[str]:
        """Every problem, sorted by file and line, errors and warnings together."""
        return [str(p) for p in sorted(self.problems, key=lambda p: (p.path, p.line or 0, p.field, p.message))]

    def summary(self) -> str:
        kinds = {kind: self.count(kind, accepted=True) for kind in ("article", "draft", "event", "actor")}
        drafts = f" ({counted(kinds['draft'], 'draft')} held back)" if kinds["draft"] else ""
        return (
            f"timeline: {counted(kinds['article'], 'article')}{drafts}, {counted(kinds['event'], 'event')}, "
            f"{counted(kinds['actor'], 'actor')}, {counted(len(self.warnings), 'warning')}, "
            f"{counted(self.rejections, 'rejection')}"
        )
