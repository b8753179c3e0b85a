"""Remembered verdicts, so that ``timeline check`` re-reads only what changed.

Contributors run the check after every edit. Reading (YAML and validation) is
nearly all of its cost and each file is judged on its own, so a file's verdict
is kept with the file's modification time and size, as Pelican's content cache
does, and reused while both are unchanged. The cross-checks between files
(actor ids, duplicate ids and slugs) always run afresh.

Files that are not remembered (all of them, the first time) are read on every
processor when there are enough of them: by this process and a worker process
for each other processor. A worker's result crosses back pickled, the form it
is remembered in anyway; this process's own results are pickled while the
cross-checks run, by a copy of the process.

The cache is tied to the code that wrote it: any change to this package, or to
the Python that runs it, discards it. An unreadable cache is discarded, never
trusted.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from . import heap, stamped_pickle
from .code_stamp import code_stamp
from .process_copy import CopyFailed, forks, in_a_copy

CACHE_NAME = "timeline-check.pickle"

T = TypeVar("T")
Stamp = tuple[int, int]


def _file_stamp(path: str) -> Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class VerdictCache:
    """Per-file results of a read function, keyed by path and checked against the file's stamp.

    Results are stored pickled, never as live objects, so that whatever the
    cross-checks later do to a record cannot leak into the cache: they are
    pickled as they were read (see :meth:`start_saving`).
    """

    def __init__(self, folder: str | None) -> None:
        self.file = os.path.join(folder, CACHE_NAME) if folder else None
        self.stamp = code_stamp() if self.file else ""
        self.kept: dict[str, tuple[Stamp, bytes]] = self._load()
        # A result read by this process is pickled only when the cache is written (None here).
        self.current: dict[str, tuple[Stamp, bytes | None]] = {}
        self.reused = 0
        self._to_pickle: dict[str, object] = {}
        self._saving: Callable[[], str | None] | None = None

    def _load(self) -> dict[str, tuple[Stamp, bytes]]:
        entries = stamped_pickle.load(self.file, self.stamp) if self.file else None
        return entries if isinstance(entries, dict) else {}

    def read_all(self, groups: Sequence[tuple[Callable[[str], T], list[str]]]) -> list[list[T]]:
        """For each ``(read, paths)`` group, ``read`` of each path, in order: the remembered
        result of each file that has not changed, and the others read afresh (all groups'
        together, by several processes when there are many)."""
        results: list[list] = [[None] * len(paths) for _, paths in groups]
        stale: list[tuple[list, int, str]] = []
        jobs: list[tuple[Callable[[str], T], str]] = []
        for (read, paths), found in zip(groups, results, strict=True):
            for index, path in enumerate(paths):
                stamp = _file_stamp(path)
                kept = self.kept.get(path)
                if stamp is not None and kept is not None and kept[0] == stamp:
                    heap.after_reading()
                    self.current[path] = kept
                    self.reused += 1
                    found[index] = pickle.loads(kept[1])
                else:
                    stale.append((found, index, path))
                    jobs.append((read, path))
        fresh = read_files(jobs, keep=bool(self.file))
        for (found, index, path), (stamp, value, data) in zip(stale, fresh, strict=True):
            if stamp is not None and self.file:
                self.current[path] = (stamp, data)
                if data is None:
                    self._to_pickle[path] = value
            found[index] = value
        return results

    def start_saving(self) -> None:
        """Begin writing this run's verdicts; call it once everything is read and before the
        cross-checks add their findings to what was read.

        With many results to pickle, a copy of this process made by ``fork`` pickles and
        writes them, on a processor that the cross-checks leave idle, while this one goes on
        (:meth:`save` waits for it). The copy sees the results as they are now, whatever the
        cross-checks do to them later. Elsewhere, they are pickled here and now.
        """
        if self._saving is not None or not self.file:
            return
        if not self._to_pickle and self.current == self.kept:
            self._saving = _nothing_to_write
            return
        if len(self._to_pickle) >= FORK_FROM and forks():
            try:
                self._saving = _reason_from(in_a_copy(lambda: self._write() or ""))
                return
            except OSError:  # no memory or process to spare for a copy: write here instead
                pass
        reason = self._write()
        self._saving = lambda: reason

    def save(self) -> str | None:
        """Finish writing the verdicts of this run (only files that still exist); the reason
        if they could not be written. Later calls give the same answer."""
        self.start_saving()
        return self._saving() if self._saving else None

    def _write(self) -> str | None:
        entries = {
            path: (stamp, pickle.dumps(self._to_pickle[path], pickle.HIGHEST_PROTOCOL) if data is None else data)
            for path, (stamp, data) in self.current.items()
        }
        return stamped_pickle.save(self.file, self.stamp, entries)


def _nothing_to_write() -> None:
    return None


def _reason_from(finished: Callable[[], str]) -> Callable[[], str | None]:
    def reason() -> str | None:
        try:
            return finished() or None
        except CopyFailed as failure:
            return f"the process writing the cache failed: {failure}"

    return reason


# Starting a copy of a large process costs a few milliseconds: worth it only for many results.
FORK_FROM = 200


# Reading is nearly all of a first check's time, and files are read independently:
# below this many, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
# Files per piece of work: small enough that the processes finish close together.
CHUNK = 50


Job = tuple[Callable[[str], T], str]


def read_files(jobs: list[Job], *, keep: bool) -> list[tuple[Stamp | None, T, bytes | None]]:
    """``(stamp, read(path), pickled result or None)`` for each ``(read, path)``, in order.

    The stamp is taken before reading, so a file edited meanwhile is read again next
    time. A worker's result comes back pickled, and ``keep`` keeps those bytes, to
    remember; a result read by this process is not pickled here (None)."""
    workers = _workers()
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return _read_here(jobs)
    chunks = [jobs[start : start + CHUNK] for start in range(0, len(jobs), CHUNK)]
    context = multiprocessing.get_context("fork" if forks() else None)
    results: list[list | None] = [None] * len(chunks)
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
        futures = [pool.submit(_read_chunk, chunk) for chunk in chunks]
        # The workers take pieces from the front; this process takes them from the back,
        # each one only if no worker has started it, until the two meet. So the work
        # divides itself however fast each processor happens to be. The workers' results
        # come back pickled and are taken in between, so that little is left when the two meet.
        taken = 0
        for index in reversed(range(len(chunks))):
            while taken < index and futures[taken].done():
                results[taken] = _unpickled_chunk(futures[taken].result(), keep)
                taken += 1
            if index < taken or not futures[index].cancel():
                break
            results[index] = _read_here(chunks[index])
        for index, future in enumerate(futures):
            if results[index] is None:
                results[index] = _unpickled_chunk(future.result(), keep)
    return [result for chunk in results for result in chunk]


def _unpickled_chunk(chunk: list[tuple[Stamp | None, bytes]], keep: bool) -> list:
    return [_unpickled(stamp, data, keep) for stamp, data in chunk]


def _unpickled(stamp: Stamp | None, data: bytes, keep: bool) -> tuple[Stamp | None, object, bytes | None]:
    heap.after_reading()
    return stamp, pickle.loads(data), data if keep else None


def _read_here(jobs: list[Job]) -> list[tuple[Stamp | None, T, None]]:
    results = []
    for read, path in jobs:
        heap.after_reading()
        stamp = _file_stamp(path)
        results.append((stamp, read(path), None))
    return results


def _read_chunk(jobs: list[Job]) -> list[tuple[Stamp | None, bytes]]:
    # In a worker: only the pickled form goes back to the parent.
    return [(stamp, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)) for stamp, value, _ in _read_here(jobs)]


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1
