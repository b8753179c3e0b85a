"""Text a build reuses on many pages, kept in a file rather than in the process's memory.

Every event is rendered once and shown on each page that lists it, and each article's
entry in the actor pages' lists likewise (``fragments.py``): at 5,000 articles that is
20,000 pieces of HTML, about 25 MiB, held until the last page is written. Written to an
unnamed file in Pelican's cache folder instead, each costs the process one number (where
it starts and how long it is). The text sits in the operating system's file cache, which
can let it go under pressure, and showing it again costs one system call (a couple of
microseconds; a page shows a few dozen).

The cache folder rather than the system's temporary folder, because the latter is
often held in memory (tmpfs), where nothing would be saved. Where no file can be
made or written (no folder given, a read-only folder, a full disk, or a system
without ``pread``), the text is kept in memory as before: the same pages, from a
larger process.
"""

from __future__ import annotations

import os
import tempfile

_LENGTH_BITS = 32
_LENGTH_MASK = (1 << _LENGTH_BITS) - 1
# The most one read returns on Linux; a longer piece (none is near it) stays in memory.
_LONGEST_IN_FILE = 0x7FFFF000


class SpilledText:
    """An append-only store of text; :meth:`put` gives a handle that :meth:`get` takes."""

    def __init__(self, folder: str | None) -> None:
        """``folder``: where the file goes; None keeps the text in memory."""
        self._kept: list[str] = []  # what could not be written to the file
        self._end = 0
        self._file = None
        self._fd = -1
        self._writing = False
        if folder and hasattr(os, "pread"):
            try:
                os.makedirs(folder, exist_ok=True)
                # Unnamed on Linux, and elsewhere removed from the folder as soon as it is
                # made: nothing is left behind if the build is killed.
                self._file = tempfile.TemporaryFile(dir=folder, buffering=0)  # noqa: SIM115 (open until close())
            except OSError:
                self._file = None
            else:
                self._fd = self._file.fileno()
                self._writing = True

    @property
    def in_file(self) -> bool:
        """Whether text put now goes to the file (not to memory)."""
        return self._writing

    def put(self, text: str) -> int:
        data = text.encode("utf-8")
        if self._writing and len(data) <= _LONGEST_IN_FILE:
            start = self._end
            try:
                self._write(data)
            except OSError:
                # What is in the file stays readable; from here on text is kept in memory.
                self._writing = False
            else:
                return (start << _LENGTH_BITS) | len(data)
        self._kept.append(text)
        return ~(len(self._kept) - 1)  # negative: an index into what is kept in memory

    def get(self, handle: int) -> str:
        if handle < 0:
            return self._kept[~handle]
        length = handle & _LENGTH_MASK
        data = os.pread(self._fd, length, handle >> _LENGTH_BITS)
        if len(data) != length:
            raise OSError(f"the temporary file of rendered text was cut short ({len(data)} of {length} bytes)")
        return data.decode("utf-8")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file = None
        self._fd = -1  # a handle used after this fails, rather than read a file since given the number
        self._writing = False
        self._kept.clear()

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            self._end += written
            view = view[written:]
