"""Remembered verdicts, so that ``timeline check`` re-reads only what changed.

Contributors run the check after every edit. Reading (YAML and validation) is
nearly all of its cost and each file is judged on its own, so a file's verdict
is kept with the file's modification time and size, as Pelican's content cache
does, and reused while both are unchanged. The cross-checks between files
(actor ids, duplicate ids and slugs) always run afresh.

Files that are not remembered (all of them, the first time) are read on every
processor when there are enough of them: by this process and a worker process
for each other processor. A worker's results cross back pickled, a piece of
files at a time, the form they are remembered in anyway; this process's own
results are pickled while the cross-checks run, by a copy of the process.

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
from typing import NamedTuple, TypeVar

from . import heap, stamped_pickle
from .code_stamp import code_stamp
from .process_copy import CopyFailed, done_apart_if, forks

CACHE_NAME = "timeline-check.pickle"

T = TypeVar("T")
Stamp = tuple[int, int]


def _file_stamp(path: str) -> Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


Key = tuple[str, str]  # (the read function's name, the file's path): one file can be read two ways
# A piece of the cache: the keys of some files, their stamps, and their results pickled
# together, so that what they share (ids, types, paths, dates) is pickled once.
Piece = tuple[tuple[Key, ...], tuple[Stamp | None, ...], bytes]


class VerdictCache:
    """Per-file results of read functions, keyed by function and path and checked against the file's stamp.

    Results are stored pickled, never as live objects, so that whatever the
    cross-checks later do to a record cannot leak into the cache: they are
    pickled as they were read (see :meth:`start_saving`). They are pickled in
    pieces of up to ``CHUNK`` files, as the worker processes send them: a piece
    all of whose files are unchanged is written back as it was read, and the
    unchanged files of any other piece are pickled again with this run's.
    """

    def __init__(self, folder: str | None) -> None:
        self.file = os.path.join(folder, CACHE_NAME) if folder else None
        self.stamp = code_stamp() if self.file else ""
        self._pieces: list[Piece] = self._load()
        # Every remembered verdict: its piece, its place in the piece, and its file's stamp then.
        self.kept: dict[Key, tuple[int, int, Stamp]] = {
            key: (number, place, stamp)
            for number, (keys, stamps, _) in enumerate(self._pieces)
            for place, (key, stamp) in enumerate(zip(keys, stamps, strict=True))
            if stamp is not None
        }
        self._reused: dict[int, list[tuple[Key, Stamp, object]]] = {}  # per piece: what was taken from it
        self._fresh: list[Piece] = []  # read by the workers this run, pickled as they sent it
        self._loose: dict[Key, tuple[Stamp, object]] = {}  # read by this process this run, not yet pickled
        self._saving: Callable[[], str | None] | None = None

    @property
    def reused(self) -> int:
        """How many remembered verdicts were used."""
        return sum(len(taken) for taken in self._reused.values())

    def _load(self) -> list[Piece]:
        pieces = stamped_pickle.load(self.file, self.stamp) if self.file else None
        if not isinstance(pieces, list) or not all(isinstance(p, tuple) and len(p) == 3 for p in pieces):
            return []
        return pieces

    def read_all(self, groups: Sequence[tuple[Callable[[str], T], list[str]]]) -> list[list[T]]:
        """For each ``(read, paths)`` group, ``read`` of each path, in order: the remembered
        result of each file that has not changed, and the others read afresh (all groups'
        together, by several processes when there are many)."""
        results: list[list] = [[None] * len(paths) for _, paths in groups]
        wanted: dict[int, list[tuple[list, int, Callable[[str], T], Key, Stamp, int]]] = {}
        stale: list[tuple[list, int, Key]] = []
        jobs: list[tuple[Callable[[str], T], str]] = []
        for (read, paths), found in zip(groups, results, strict=True):
            for index, path in enumerate(paths):
                key = (read.__name__, path)
                stamp = _file_stamp(path)
                kept = self.kept.get(key)
                if stamp is not None and kept is not None and kept[2] == stamp:
                    wanted.setdefault(kept[0], []).append((found, index, read, key, stamp, kept[1]))
                else:
                    stale.append((found, index, key))
                    jobs.append((read, path))
        for number, takers in wanted.items():
            try:
                values = pickle.loads(self._pieces[number][2])
            except Exception:  # a damaged piece only means reading its files again
                values = None
            taken = self._reused[number] = []
            for found, index, read, key, stamp, place in takers:
                if values is None:
                    stale.append((found, index, key))
                    jobs.append((read, key[1]))
                    continue
                heap.after_reading()
                found[index] = values[place]
                taken.append((key, stamp, values[place]))
        fresh = read_files(jobs, keep=bool(self.file))
        from_workers: set[int] = set()
        for start, data in fresh.pickled:
            keys = tuple(key for _, _, key in stale[start : start + len(data.stamps)])
            self._fresh.append((keys, data.stamps, data.values))
            from_workers.update(range(start, start + len(keys)))
        for position, ((found, index, key), (stamp, value)) in enumerate(zip(stale, fresh.results, strict=True)):
            found[index] = value
            if stamp is not None and self.file and position not in from_workers:
                self._loose[key] = (stamp, value)
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
        whole = {n for n, taken in self._reused.items() if len(taken) == len(self._pieces[n][0])}
        loose = dict(self._loose)
        for number, taken in self._reused.items():
            if number not in whole:
                loose.update((key, (stamp, value)) for key, stamp, value in taken)
        if not loose and not self._fresh and len(whole) == len(self._pieces):
            self._saving = _nothing_to_write
            return
        pieces = [self._pieces[n] for n in sorted(whole)] + self._fresh
        self._saving = _reason_from(done_apart_if(len(loose) >= FORK_FROM, lambda: self._write(pieces, loose) or ""))

    def save(self) -> str | None:
        """Finish writing the verdicts of this run (only files that still exist); the reason
        if they could not be written. Later calls give the same answer."""
        self.start_saving()
        return self._saving() if self._saving else None

    def _write(self, pieces: list[Piece], loose: dict[Key, tuple[Stamp, object]]) -> str | None:
        entries = list(loose.items())
        pieces = list(pieces)
        for start in range(0, len(entries), CHUNK):
            part = entries[start : start + CHUNK]
            values = pickle.dumps([value for _, (_, value) in part], pickle.HIGHEST_PROTOCOL)
            pieces.append((tuple(key for key, _ in part), tuple(stamp for _, (stamp, _) in part), values))
        return stamped_pickle.save(self.file, self.stamp, pieces)


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


class Pickled(NamedTuple):
    """A piece read by a worker: each file's stamp, and the results pickled together."""

    stamps: tuple[Stamp | None, ...]
    values: bytes


class Read(NamedTuple):
    results: list[tuple[Stamp | None, object]]  # (stamp, read(path)) for each job, in order
    pickled: list[tuple[int, Pickled]]  # (index of its first job, piece) for each piece a worker read


def read_files(jobs: list[Job], *, keep: bool) -> Read:
    """``read(path)`` and the file's stamp for each ``(read, path)``, in order.

    The stamp is taken before reading, so a file edited meanwhile is read again next
    time. A worker's results come back pickled, a piece at a time, and ``keep`` keeps
    those pieces, to remember; what this process reads is not pickled here."""
    workers = _workers()
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return Read(_read_here(jobs), [])
    starts = range(0, len(jobs), CHUNK)
    context = multiprocessing.get_context("fork" if forks() else None)
    results: list[list | None] = [None] * len(starts)
    pickled: list[tuple[int, Pickled]] = []

    def take(index: int, piece: Pickled) -> None:
        results[index] = _unpickled(piece)
        if keep:
            pickled.append((starts[index], piece))

    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
        futures = [pool.submit(_read_chunk, jobs[start : start + CHUNK]) for start in starts]
        # The workers take pieces from the front; this process takes them from the back,
        # each one only if no worker has started it, until the two meet. So the work
        # divides itself however fast each processor happens to be. The workers' results
        # come back pickled and are taken in between, so that little is left when the two meet.
        taken = 0
        for index in reversed(range(len(starts))):
            while taken < index and futures[taken].done():
                take(taken, futures[taken].result())
                taken += 1
            if index < taken or not futures[index].cancel():
                break
            results[index] = _read_here(jobs[starts[index] : starts[index] + CHUNK])
        for index, future in enumerate(futures):
            if results[index] is None:
                take(index, future.result())
    return Read([result for piece in results for result in piece], sorted(pickled, key=lambda item: item[0]))


def _unpickled(piece: Pickled) -> list[tuple[Stamp | None, object]]:
    values = pickle.loads(piece.values)
    for _ in values:
        heap.after_reading()
    return list(zip(piece.stamps, values, strict=True))


def _read_here(jobs: list[Job]) -> list[tuple[Stamp | None, T]]:
    results = []
    for read, path in jobs:
        heap.after_reading()
        stamp = _file_stamp(path)
        results.append((stamp, read(path)))
    return results


def _read_chunk(jobs: list[Job]) -> Pickled:
    # In a worker: only the pickled form goes back to the parent, all of a piece's results in one.
    results = _read_here(jobs)
    return Pickled(tuple(stamp for stamp, _ in results), pickle.dumps([v for _, v in results], pickle.HIGHEST_PROTOCOL))


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1
