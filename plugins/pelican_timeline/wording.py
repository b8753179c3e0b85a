"""Small pieces of English shared by pages, the build summary and the command line."""

from __future__ import annotations


def counted(count: int, word: str) -> str:
    """``counted(1, "event")`` is "1 event"; ``counted(3, "event")`` is "3 events"."""
    return f"{count} {word}{'' if count == 1 else 's'}"
