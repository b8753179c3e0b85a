"""Boilerplate out, body intact: every kind of site chrome, and repairs to the text."""

from __future__ import annotations

import pytest

from importer_helpers import BODY

SECOND = "Officials from both countries are expected to meet again before the end of the year, the statement added."


def page(*lines: str) -> str:
    return "\n\n".join(["Ministers agree to continue talks", "Reuters", "July 2, 2019", *lines])


@pytest.mark.parametrize(
    ("kind", "line"),
    [
        ("job board", "The Largest Security-Cleared Career Network for Defense and Intelligence Jobs - JOIN NOW"),
        ("newsletter", "Sign up for our daily newsletter"),
        ("book promo", "One Billion Americans: The Case for Thinking Bigger - by Matthew Yglesias"),
        ("related article", "READ MORE: North Korea’s nuclear weapons: Here is what we know"),
        ("share widget", "Share"),
        ("share widget", "Print"),
        ("share widget", "Facebook Twitter WhatsApp"),
        ("advertisement", "ADVERTISEMENT"),
        ("photo credit", "Kim Jong Un inspects a missile launch (KCNA/Reuters Photo)"),
        ("photo credit", "© AFP 2023 / TIMOTHY A. CLARY"),
        ("caption credit", "Prime Minister Shinzo Abe meets families at his office | KYODO"),
        ("editor code", "ZZ/IRN83425631"),
        ("editor code", "kjh@yna.co.kr"),
        ("comment form", "Leave a comment"),
        ("comment form", "5 + 1 ="),
        ("navigation", "You are here:"),
    ],
)
def test_site_chrome_inside_the_article_is_removed(draft_of, kind, line):
    draft = draft_of(page(BODY, line, SECOND))
    assert draft.fields.paragraphs == [BODY, SECOND], kind
    assert line in draft.fields.removed


@pytest.mark.parametrize("marker", ["(END)", "Join the mailing list", "Related articles", "Copyright © 2019 Reuters"])
def test_end_marker_and_everything_after_it_go(draft_of, marker):
    draft = draft_of(page(BODY, SECOND, marker, "Other story: markets fall sharply on oil price news today", "Home"))
    assert draft.fields.paragraphs == [BODY, SECOND]


def test_end_mark_glued_to_the_last_paragraph_is_cut_off(draft_of):
    draft = draft_of(page(BODY, SECOND + " (end) mk.gta"))
    assert draft.fields.paragraphs == [BODY, SECOND]


def test_every_body_paragraph_is_kept_in_order(draft_of):
    paragraphs = [f"Paragraph {n}: " + BODY for n in range(12)]
    assert draft_of(page(*paragraphs)).fields.paragraphs == paragraphs


def test_in_body_subheading_is_kept_as_a_heading(draft_of):
    draft = draft_of(page(BODY, "Sanctions and their limits", SECOND))
    assert draft.fields.paragraphs == [BODY, "Sanctions and their limits", SECOND]
    assert draft.fields.headings == {"Sanctions and their limits"}


def test_sentences_glued_together_are_separated(draft_of):
    glued = (
        "The talks ended on Friday.Both sides said they would meet again.\u201cWe agreed,\u201d he said.Nothing more."
    )
    draft = draft_of(page(glued + " " + BODY))
    assert draft.fields.paragraphs[0].startswith(
        "The talks ended on Friday. Both sides said they would meet again. \u201cWe agreed,\u201d he said. Nothing more."
    )


def test_abbreviations_and_domains_are_not_split(draft_of):
    text = "U.S. Secretary of State Rex Tillerson spoke to GlobalSecurity.org on Friday. " + BODY
    assert draft_of(page(text)).fields.paragraphs[0] == text


HTML = """<!DOCTYPE html>
<html><head><title>Ministers agree to continue talks | Example News</title>
<meta property="og:site_name" content="Reuters">
<meta property="article:published_time" content="2019-07-02T10:33:00+09:00">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ministers agree to continue talks",
 "author": [{"@type": "Person", "name": "Lee Haye-ah"}], "datePublished": "2019-07-02T10:33:00+09:00"}</script>
<script>document.write('<p>injected</p>'); alert(1)</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><div class="logo">Example News</div></header>
<article><h1>Ministers agree to continue talks</h1>
<p onclick="alert(2)">{body}</p><h2>What comes next</h2><p>{second} <a href="javascript:alert(3)">link</a></p>
<form><input name="email"><button>Subscribe</button></form></article>
<aside><h3>Related</h3><p>Another story entirely about markets and prices that should not appear here.</p></aside>
<footer><p>Copyright 2019 Example News. All rights reserved.</p></footer></body></html>"""


def test_html_pages_are_reduced_to_text_with_metadata_from_the_page(draft_of):
    draft = draft_of(HTML.replace("{body}", BODY).replace("{second}", SECOND).encode())
    fields = draft.fields
    assert fields.title == "Ministers agree to continue talks"
    assert fields.published.isoformat() == "2019-07-02T10:33:00+09:00"
    assert fields.authors == ["Lee Haye-ah"] and fields.source == "Reuters"
    assert fields.paragraphs == [BODY, "What comes next", SECOND + " link"]
    assert fields.headings == {"What comes next"}


def test_no_markup_from_an_html_page_reaches_the_draft(draft_of):
    from pelican_timeline.importer.draft import render  # noqa: PLC0415

    hostile = BODY + " <img src=x onerror=alert(4)> &lt;script&gt;alert(5)&lt;/script&gt;"
    text = render(draft_of(HTML.replace("{body}", hostile).replace("{second}", SECOND).encode()))
    body = text.split("\n---\n", 1)[1]
    for needle in ("<script", "<img", "onclick", "javascript:", "alert(1)", "alert(2)", "injected", "<a "):
        assert needle not in body
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in body  # page text that looks like markup stays text
