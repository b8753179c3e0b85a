"""Work done by a copy of this process (``fork``), on a processor the main work leaves idle.

The check pickles its verdicts in a copy while it cross-checks the files; the build
writes its exports in a copy while it writes the pages. The copy sees the data as it
was when it was made, whatever this process does to it afterwards. What the work
returns, or the error it raised, comes back through a pipe.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable

_DONE, _FAILED = b"done\0", b"failed\0"


class CopyFailed(Exception):
    """The copy of the process did not finish its work; the message says why."""


def forks() -> bool:
    """Whether this process may be copied with ``fork``: not on Windows, which has no fork,
    nor on macOS, where system libraries may not survive it (Python starts processes afresh there)."""
    return hasattr(os, "fork") and sys.platform != "darwin"


def in_a_copy(work: Callable[[], str]) -> Callable[[], str]:
    """Run ``work`` in a forked copy of this process; returns a function that waits for it
    (once) and gives what ``work`` returned, or raises :class:`CopyFailed` (every time it is
    called) if the work raised or the copy died. Raises ``OSError`` if no copy can be made."""
    reading, writing = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        raise
    if pid == 0:  # the copy: report through the pipe and leave without running any cleanup
        status = 1
        try:
            os.close(reading)
            try:
                report = _DONE + work().encode()
            except BaseException as error:  # everything goes back to the parent
                report = _FAILED + "".join(traceback.format_exception_only(error)).strip().encode()
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(report)
            status = 0 if report.startswith(_DONE) else 1
        finally:
            os._exit(status)
    os.close(writing)
    outcome: list[str | CopyFailed] = []

    def finished() -> str:
        if not outcome:
            with os.fdopen(reading, "rb") as pipe:
                report = pipe.read()
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            if report.startswith(_DONE) and code == 0:
                outcome.append(report[len(_DONE) :].decode())
            elif report.startswith(_FAILED):
                outcome.append(CopyFailed(report[len(_FAILED) :].decode(errors="replace")))
            else:
                outcome.append(CopyFailed(f"the copy of the process ended with status {code}, without a word"))
        if isinstance(outcome[0], CopyFailed):
            raise outcome[0]
        return outcome[0]

    return finished


def done_apart_if(apart: bool, work: Callable[[], str]) -> Callable[[], str]:
    """``work`` done by a copy of this process (:func:`in_a_copy`) when ``apart`` and a copy
    can be made, otherwise here and now; returns what waits for it and gives its result."""
    if apart and forks():
        try:
            return in_a_copy(work)
        except OSError:  # no memory or process to spare for a copy: done here instead
            pass
    result = work()
    return lambda: result
