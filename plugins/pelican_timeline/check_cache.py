"""Remembered verdicts, so that ``timeline check`` re-reads only what changed.

Contributors run the check after every edit. Reading (YAML and validation) is
nearly all of its cost and each file is judged on its own, so a file's verdict
is kept with the file's modification time and size, as Pelican's content cache
does, and reused while both are unchanged. The cross-checks between files
(actor ids, duplicate ids and slugs) always run afresh.

Files that are not remembered (all of them, the first time) are read on every
processor when there are enough of them: by this process and a worker process
for each other processor. A worker's result crosses back pickled, the form it
is remembered in anyway.

The cache is tied to the code that wrote it: any change to this package, or to
the Python that runs it, discards it. An unreadable cache is discarded, never
trusted.
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import os
import pickle
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from . import heap, stamped_pickle

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

    def read_all(self, read: Callable[[str], T], paths: list[str]) -> list[T]:
        """``read`` of each path, in order: the remembered result of each file that has not
        changed, and the others read afresh (by several processes when there are many)."""
        results: list = [None] * len(paths)
        stale = []
        for index, path in enumerate(paths):
            stamp = _file_stamp(path)
            kept = self.kept.get(path)
            if stamp is not None and kept is not None and kept[0] == stamp:
                heap.after_reading()
                self.current[path] = kept
                self.reused += 1
                results[index] = pickle.loads(kept[1])
            else:
                stale.append(index)
        fresh = read_files(read, [paths[index] for index in stale], keep=bool(self.file))
        for index, (stamp, value, data) in zip(stale, fresh, strict=True):
            if stamp is not None and data is not None:
                self.current[paths[index]] = (stamp, data)
            results[index] = value
        return results

    def save(self) -> str | None:
        """Write the verdicts of this run (only files that still exist); the reason if it could not be."""
        if not self.file or self.current == self.kept:
            return None
        return stamped_pickle.save(self.file, self.stamp, self.current)


# Reading is nearly all of a first check's time, and files are read independently:
# below this many, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
# Files per piece of work: small enough that the processes finish close together.
CHUNK = 50


def read_files(read: Callable[[str], T], paths: list[str], *, keep: bool) -> list[tuple[Stamp | None, T, bytes | None]]:
    """``(stamp, read(path), pickled result or None)`` for each path, in order.

    The stamp is taken before reading, so a file edited meanwhile is read again next
    time. ``keep`` asks for the pickled result, to remember."""
    workers = _workers()
    if len(paths) < PARALLEL_FROM or workers < 2:
        return _read_here(read, paths, keep)
    chunks = [paths[start : start + CHUNK] for start in range(0, len(paths), CHUNK)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    results: list[list | None] = [None] * len(chunks)
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
        futures = [pool.submit(_read_chunk, read, chunk) for chunk in chunks]
        # The workers take pieces from the front; this process takes them from the back,
        # each one only if no worker has started it, until the two meet. So the work
        # divides itself however fast each processor happens to be. Its own results need
        # no unpickling; the workers' come back pickled (the form they are remembered in
        # anyway) and are taken in between, so that little is left when the two meet.
        taken = 0
        for index in reversed(range(len(chunks))):
            while taken < index and futures[taken].done():
                results[taken] = _unpickled_chunk(futures[taken].result(), keep)
                taken += 1
            if index < taken or not futures[index].cancel():
                break
            results[index] = _read_here(read, chunks[index], keep)
        for index, future in enumerate(futures):
            if results[index] is None:
                results[index] = _unpickled_chunk(future.result(), keep)
    return [result for chunk in results for result in chunk]


def _unpickled_chunk(chunk: list[tuple[Stamp | None, bytes]], keep: bool) -> list:
    return [_unpickled(stamp, data, keep) for stamp, data in chunk]


def _unpickled(stamp: Stamp | None, data: bytes, keep: bool) -> tuple[Stamp | None, object, bytes | None]:
    heap.after_reading()
    return stamp, pickle.loads(data), data if keep else None


def _read_here(read: Callable[[str], T], paths: list[str], keep: bool) -> list[tuple[Stamp | None, T, bytes | None]]:
    results = []
    for path in paths:
        heap.after_reading()
        stamp = _file_stamp(path)
        value = read(path)
        results.append((stamp, value, pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if keep else None))
    return results


def _read_chunk(read: Callable[[str], object], paths: list[str]) -> list[tuple[Stamp | None, bytes]]:
    # In a worker: only the pickled form goes back to the parent.
    return [(stamp, data) for stamp, _, data in _read_here(read, paths, keep=True)]


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1
