"""Slugs for derived ids and tag pages, as python-slugify makes them, made faster for plain text.

Every event without an ``id`` gets one from its date and title, so a large site
slugifies tens of thousands of titles on each read; python-slugify spends most
of that on Unicode normalisation, transliteration and HTML entities, none of
which can change ASCII text without an ``&``. Such text takes the short road
here, which gives exactly what python-slugify gives (a test compares the two on
generated text); anything else is handed to python-slugify itself.
"""

from __future__ import annotations

import re

from slugify import slugify, smart_truncate

# python-slugify drops a comma between digits ("1,000" → "1000") before anything else is cut.
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")
# After lowercasing, the slug is the runs of letters and digits, joined by hyphens.
_SLUG_WORD = re.compile(r"[a-z0-9]+")


def slug(text: str, *, max_length: int = 0, word_boundary: bool = False) -> str:
    """``slugify(text, max_length=…, word_boundary=…)``, with its default options otherwise."""
    if not text.isascii() or "&" in text:
        return slugify(text, max_length=max_length, word_boundary=word_boundary)
    if "," in text:  # the look-behind is tried at every position: worth it only where it can match
        text = _DIGIT_COMMA.sub("", text)
    return smart_truncate("-".join(_SLUG_WORD.findall(text.lower())), max_length, word_boundary, "-")
