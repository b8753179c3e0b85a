"""Remembered verdicts, so that ``timeline check`` re-reads only what changed.

Contributors run the check after every edit. Reading (YAML and validation) is
nearly all of its cost and each file is judged on its own, so a file's verdict
is kept with the file's modification time and size, as Pelican's content cache
does, and reused while both are unchanged. The cross-checks between files
(actor ids, duplicate ids and slugs) always run afresh.

The cache is tied to the code that wrote it: any change to this package, or to
the Python that runs it, discards it. An unreadable cache is discarded, never
trusted.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import stamped_pickle

CACHE_NAME = "timeline-check.pickle"

T = TypeVar("T")
Stamp = tuple[int, int]


@functools.cache  # the code running is the code loaded: read it once per process
def code_stamp() -> str:
    """A digest of this package's source and the interpreter's version."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.relative_to(Path(__file__).parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _file_stamp(path: str) -> Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class VerdictCache:
    """Per-file results of a read function, keyed by path and checked against the file's stamp.

    Results are stored pickled, never as live objects, so that whatever the
    cross-checks later do to a record cannot leak into the cache.
    """

    def __init__(self, folder: str | None) -> None:
        self.file = os.path.join(folder, CACHE_NAME) if folder else None
        self.stamp = code_stamp() if self.file else ""
        self.kept: dict[str, tuple[Stamp, bytes]] = self._load()
        self.current: dict[str, tuple[Stamp, bytes]] = {}
        self.reused = 0

    def _load(self) -> dict[str, tuple[Stamp, bytes]]:
        entries = stamped_pickle.load(self.file, self.stamp) if self.file else None
        return entries if isinstance(entries, dict) else {}

    def read(self, read: Callable[[str], T], path: str) -> T:
        """``read(path)``, or its remembered result if the file has not changed since."""
        stamp = _file_stamp(path)
        kept = self.kept.get(path)
        if stamp is not None and kept is not None and kept[0] == stamp:
            self.current[path] = kept
            self.reused += 1
            return pickle.loads(kept[1])
        value = read(path)
        if stamp is not None and self.file:
            self.current[path] = (stamp, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        return value

    def save(self) -> str | None:
        """Write the verdicts of this run (only files that still exist); the reason if it could not be."""
        if not self.file or self.current == self.kept:
            return None
        return stamped_pickle.save(self.file, self.stamp, self.current)
