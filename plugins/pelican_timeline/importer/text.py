"""Plain-text helpers: repairing glued sentences and splitting sentences."""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "adm", "sen", "rep", "gov", "st", "jr",
    "sr", "no", "inc", "corp", "co", "ltd", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "ft", "mt", "prof", "rev", "messrs",
}  # fmt: skip
# A sentence end glued to the next sentence when a page lost its spacing: "said.The".
GLUED = re.compile(r"(?<=[a-z0-9%)\]”\"’])([.!?])(?=[“\"‘]?[A-Z][a-z])")
GLUED_QUOTE = re.compile(r"(?<=[.!?][”\"’])(?=[A-Z][a-z])")
SENTENCE_CLOSE = re.compile(r"[.!?…][\"”’')\]]*$")
SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9])")


def repair_glued(text: str) -> str:
    """Put back the space between sentences that a page lost: "said.The" → "said. The"."""
    text = GLUED.sub(lambda m: m.group(1) + " ", text)
    return GLUED_QUOTE.sub(" ", text)


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations and initials intact."""
    result, start = [], 0
    for match in SENTENCE_END.finditer(paragraph):
        before = paragraph[start : match.start()].rstrip('”"’)')
        last_word = before.rsplit(None, 1)[-1].lower().rstrip(".") if before.split() else ""
        if last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue  # "Gen. Salami", "J. Smith"
        end = match.start() + len(match.group(0).rstrip())
        result.append(paragraph[start:end].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        result.append(tail)
    return result


def word_count(text: str) -> int:
    return len(text.split())


def looks_like_prose(line: str) -> bool:
    """A body paragraph: several words, ending like a sentence."""
    stripped = line.rstrip()
    # A line ending in ":" introduces a quotation or statement: "… issued the following statement today:".
    return word_count(stripped) >= 12 and (bool(SENTENCE_CLOSE.search(stripped)) or stripped.endswith(":"))
