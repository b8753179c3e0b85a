"""Caches on disk that are only trusted by the code that wrote them.

A cache file holds a stamp (a digest of the code that wrote it) and its data. It is
read back only if the stamp matches, and written beside its final name and then
renamed, so an interrupted write leaves the previous cache whole.
"""

from __future__ import annotations

import os
import pickle
import tempfile


def load(path: str, stamp: str) -> object | None:
    """The data stored at ``path`` under ``stamp``; ``None`` if absent, damaged or stamped otherwise."""
    if not os.path.exists(path):
        return None
    try:
        with open(path, "rb") as handle:
            stored_stamp, data = pickle.load(handle)
    except Exception:  # any damage only means working everything out again
        return None
    return data if stored_stamp == stamp else None


def save(path: str, stamp: str, data: object) -> str | None:
    """Store ``data`` under ``stamp``; the reason if it could not be written."""
    folder = os.path.dirname(path) or "."
    try:
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump((stamp, data), out, pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as error:
        return f"cannot write {path}: {error.strerror}"
    return None
