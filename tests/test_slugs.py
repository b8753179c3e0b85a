"""Derived ids and tag addresses: the fast road for plain text must give python-slugify's answer.

An event's derived id is its address and the key other files may refer to, so a
slug that differed from python-slugify's, even in one odd title, would move a
page between builds made with and without the fast road.
"""

from hypothesis import example, given, settings
from hypothesis import strategies as st
from slugify import slugify

from pelican_timeline.records import derive_event_id
from pelican_timeline.slugs import slug

# What titles are made of, weighted towards what slugify treats specially:
# quotes, commas between digits, hyphens, entities, and letters beyond ASCII.
TITLE_CHARACTERS = st.sampled_from([*"aZ09 -'_,.&;#x/?~%\t\"", "amp", "é", "ß", "İ", "ﬁ", "中", "\u0301", "—"])
titles = st.lists(TITLE_CHARACTERS, max_size=60).map("".join)


@settings(max_examples=3000, deadline=None)
@given(titles, st.sampled_from([0, 1, 5, 20, 60, 80]), st.booleans())
@example("UN adopts resolution 2,371 on sanctions", 80, True)
@example("'quoted' -- dashes,,  and 1,000,000 'people'", 20, True)
@example("A" * 100, 80, True)
@example("--", 0, False)
def test_slug_is_python_slugify(text: str, max_length: int, word_boundary: bool) -> None:
    assert slug(text, max_length=max_length, word_boundary=word_boundary) == slugify(
        text, max_length=max_length, word_boundary=word_boundary
    )


@given(st.sampled_from(["2017-08-05", "2017-08~", "2017?", "2017-08-01/2017-08-07", "../2017", "2017/.."]), titles)
def test_derived_event_id_is_python_slugify_of_date_words_and_title(date_text: str, title: str) -> None:
    words = date_text.replace("?", " uncertain ").replace("~", " approx ").replace("/", " to ").replace("..", " open ")
    assert derive_event_id(date_text, title) == slugify(f"{words} {title}", max_length=80, word_boundary=True)


def test_ascii_and_non_ascii_titles_agree_where_transliteration_is_plain() -> None:
    # "é" transliterates to "e": the same event written with or without the accent has one id.
    assert derive_event_id("2017-08-05", "Résolution adoptée") == derive_event_id("2017-08-05", "Resolution adoptee")
