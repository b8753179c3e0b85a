"""Markdown rendering: the plain-prose shortcut gives exactly what Markdown and the sanitiser give."""

from __future__ import annotations

import random

import markdown
import pytest

from pelican_timeline.render import markdown_settings, plain_paragraphs, sanitize

WORDS = (
    "the council said on Friday that talks in Moscow would resume — “soon,” an envoy noted; 2017 (July) "
    "résolution 2371 O'Neil's plan: yes/no? 50% of 3,000 people, e.g. U.S. officials... it's over - really"
).split()
MARKUP = [
    "*",
    "_",
    "`",
    "[x](y)",
    "<b>",
    "&amp;",
    "# ",
    "> ",
    "- ",
    "1. ",
    "  \n",
    "\n    code",
    "===",
    "{: .c}",
    "|a|b|",
]


def full(text: str) -> str:
    parser = markdown.Markdown(**markdown_settings({"MARKDOWN": {"extensions": ["markdown.extensions.extra"]}}))
    return sanitize(parser.convert(text))


def sample(rng: random.Random, with_markup: bool) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 4)):
        lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 14))) for _ in range(rng.randint(1, 3))]
        if with_markup:
            lines[rng.randrange(len(lines))] += rng.choice(MARKUP) + "z"
        paragraphs.append("\n".join(lines))
    return ("\n\n" + "\n" * rng.randint(0, 2)).join(paragraphs)


@pytest.mark.parametrize("seed", range(300))
def test_the_plain_prose_shortcut_matches_markdown(seed):
    rng = random.Random(seed)
    text = sample(rng, with_markup=seed % 3 == 0)
    shortcut = plain_paragraphs(text)
    if shortcut is not None:
        assert shortcut == full(text), text


def test_the_shortcut_is_taken_for_prose_and_refused_for_markup():
    assert plain_paragraphs("A plain summary of the event.") == "<p>A plain summary of the event.</p>"
    for markup in MARKUP:
        text = f"{markup}text" if markup in ("# ", "> ", "- ", "1. ") else f"Some {markup}text"
        assert plain_paragraphs(text) is None, markup
