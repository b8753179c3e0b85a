"""Tables of values worked out once and looked up many times (dates, wordings, roles, ids).

Each is bounded: in ``make devserver`` one process reads the content again on every save,
for days, and a table that only grew would hold every value it ever saw.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

LIMIT = 100_000


def kept(table: dict[K, V], key: K, value: V) -> V:
    """``value``, now in ``table`` under ``key``; a table past ``LIMIT`` entries starts afresh."""
    if len(table) > LIMIT:
        table.clear()
    table[key] = value
    return value
