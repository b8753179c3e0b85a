"""Which code wrote a cache: every cache this package keeps is dropped when it changes."""

from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path


@functools.cache  # the code running is the code loaded: read it once per process
def code_stamp() -> str:
    """A digest of this package's source and the interpreter's version."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.relative_to(Path(__file__).parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
