"""The YAML front matter loader: strings stay strings, every key knows its line."""

from __future__ import annotations

import pytest

from pelican_timeline.content_files import read_event
from pelican_timeline.frontmatter import FrontMatterError, decode, load_yaml, split
from pelican_timeline.render import markdown_renderer


def test_yaml_1_1_booleans_and_dates_stay_text():
    meta = load_yaml("\ncountry: NO\nanswer: yes\nswitch: off\ndate: 2017-08-05\nstamp: 2017-08-06T16:34:00+03:00\n")
    assert meta == {
        "country": "NO",
        "answer": "yes",
        "switch": "off",
        "date": "2017-08-05",
        "stamp": "2017-08-06T16:34:00+03:00",
    }


def test_core_schema_scalars_are_still_typed():
    meta = load_yaml("\na: true\nb: 12\nc: 1.5\nd: null\ne: ~\nf: 1:20\n")
    assert meta == {"a": True, "b": 12, "c": 1.5, "d": None, "e": None, "f": "1:20"}


def test_every_key_and_list_item_knows_its_line():
    meta = split(decode(b"---\ntitle: T\nevents:\n  - date: 2017\n    title: A\n  - date: 2018\n---\nBody\n")).meta
    assert meta.line_of("title") == 2
    assert meta.line_of("events") == 3
    events = meta["events"]
    assert [events.line_of(0), events.line_of(1)] == [4, 6]
    assert events[0].line_of("title") == 5


def test_body_starts_after_the_closing_marker():
    source = split(decode(b"---\ntitle: T\n---\nFirst line\n\nSecond\n"))
    assert source.body == "First line\n\nSecond\n"
    assert source.body_line == 4


def test_windows_line_endings_and_byte_order_mark_are_accepted():
    source = split(decode(b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nBody\r\n"))
    assert source.meta == {"title": "T"}
    assert source.body == "Body\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("\na: 1\na: 2\n", 3, "duplicate key 'a' (first given on line 2)"),
        ("\na:\n\t- x\n", 3, "tab used for indentation; YAML needs spaces"),
        ("\na: [1, 2\n", 2, "invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
        ("\n? [1, 2]\n: x\n", 2, "keys must be text, not a list ([1, 2])"),
        ("\na: !!python/object:os.system x\n", 2, "invalid YAML: could not determine a constructor"),
        ("\na: [x,\n  !!binary aGk=]\n", 3, "invalid YAML: could not determine a constructor"),
        ("\na: !!set {x: null}\n", 2, "invalid YAML: could not determine a constructor"),
    ],
)
def test_yaml_errors_carry_their_line(text, line, message):
    with pytest.raises(FrontMatterError) as error:
        load_yaml(text)
    assert error.value.line == line
    assert error.value.message.startswith(message)


def test_numbers_keep_how_they_were_written_and_leading_zeros_stay_text():
    meta = load_yaml("\ncode: 007\nmonth: 08\nprice: 1.50\nhex: 0x1F\n")
    assert meta == {"code": "007", "month": "08", "price": 1.5, "hex": 31}
    assert meta["price"].source == "1.50"


def test_aliases_share_values_and_a_self_referring_alias_is_refused():
    meta = load_yaml("\nbase: &b [one, two]\ncopy: *b\nname: &n Lavrov\nalso: *n\ncount: &c 3\nsame: *c\n")
    assert meta["copy"] == ["one", "two"]
    assert (meta["also"], meta["same"], meta["same"].source) == ("Lavrov", 3, "3")
    with pytest.raises(FrontMatterError) as error:
        load_yaml("\nloop: &a [*a]\n")
    assert error.value.message == "a YAML alias refers to itself"


def test_a_document_reads_the_same_with_and_without_anchors():
    # Documents without anchors are built without alias bookkeeping; an anchor that
    # nothing refers to must not change any value or line.
    plain = "\ntitle: Telecoms sued\ntags: [a, 'b', 3]\nevents:\n  - date: 2020-01-02\n    n: ~\n    ok: true\n"
    ampersand = plain.replace("Telecoms", "AT&T")  # an ampersand that is no anchor
    anchored = plain.replace("tags:", "tags: &t")
    for text, title in ((plain, "Telecoms sued"), (ampersand, "AT&T sued"), (anchored, "Telecoms sued")):
        meta = load_yaml(text)
        assert meta == {
            "title": title,
            "tags": ["a", "b", 3],
            "events": [{"date": "2020-01-02", "n": None, "ok": True}],
        }
        assert (meta.key_lines, meta["tags"].item_lines, meta["events"][0].key_lines) == (
            {"title": 2, "tags": 3, "events": 4},
            [3, 3, 3],
            {"date": 5, "n": 6, "ok": 7},
        )
    with pytest.raises(FrontMatterError) as error:
        load_yaml("\na: [1, *x]\n")
    assert error.value.line == 2


def test_a_billion_laughs_document_stays_small():
    lines = ["\na: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        previous = chr(ord("a") + level - 1)
        current = chr(ord("a") + level)
        lines.append(f"{current}: &{current} [" + ", ".join([f"*{previous}"] * 10) + "]")
    meta = load_yaml("\n".join(lines) + "\n")
    assert meta["i"][0][0][0][0][0][0][0][0] == ["x"] * 10  # shared lists, not 10^9 copies


def test_ids_types_and_tags_named_in_many_files_are_held_once(tmp_path):
    # A big site names each actor in hundreds of files: one copy of its id, not one per mention.
    files = []
    for number in range(2):
        path = tmp_path / f"event-{number}.md"
        path.write_text(
            f"---\ndate: 2017-08-0{number + 1}\ntitle: Meeting {number}\ntype: consult\n"
            "actors: [sergey-lavrov, {id: rex-tillerson, role: recipient}]\ntags: [asean]\n---\nText.\n",
            encoding="utf-8",
        )
        files.append(read_event(str(path), markdown_renderer({})))
    first, second = (result.record for result in files)
    assert not files[0].problems and not files[1].problems
    assert [a.id for a in first.actors] == [a.id for a in second.actors] == ["sergey-lavrov", "rex-tillerson"]
    assert all(a is b for a, b in zip([a.id for a in first.actors], [a.id for a in second.actors], strict=True))
    assert first.type is second.type and first.tags[0] is second.tags[0]
    assert first.actors[1].role is second.actors[1].role == "recipient"
