"""Keeping Python's cyclic garbage collector off what a build keeps.

A build reads thousands of files into records that live until it ends, and
plans pages that live as long. Each full collection walks every object alive,
so while the heap grows the collector walks the same records again and again:
about a tenth of a 5,000-article build, and of a first ``timeline check``.

What has been read is set aside (``gc.freeze``) in batches, each after a young
collection has picked up the cycles just made; everything is set aside again
once the pages are planned. It is handed back when the next build in the same
process starts (``make devserver``); a one-off build exits with it set aside,
so that the collection at exit does not walk it either.
"""

from __future__ import annotations

import gc

BATCH = 500  # files read between two settings-aside


class _Reads:
    count = 0


def set_aside() -> None:
    """Keep every object alive now out of the collector's passes (young cycles collected first)."""
    gc.collect(1)
    gc.freeze()


def after_reading() -> None:
    """Called once per file read; sets aside what has been read every ``BATCH`` files."""
    _Reads.count += 1
    if _Reads.count % BATCH == 0:
        set_aside()


def hand_back() -> None:
    """Give everything set aside back to the collector (a new build begins)."""
    _Reads.count = 0
    gc.unfreeze()
