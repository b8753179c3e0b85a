"""Broken content: every kind gets an exact message with path, line and field,
and a strict build lists all of them together and exits non-zero."""

from __future__ import annotations

import pytest

from sitekit import actor_file, run_pelican_cli, write_files

GOOD_ARTICLE_HEAD = "---\ntitle: A report\ndate: 2017-08-06\nsource: Sputnik News\n"


def article(events: str = "", extra: str = "") -> str:
    return GOOD_ARTICLE_HEAD + extra + (f"events:\n{events}" if events else "") + "---\nBody.\n"


def one_event(**fields: str) -> str:
    base = {"date": "2017-08-05", "title": "An event", "type": "statement", "actors": "[]"}
    base.update(fields)
    lines = [f"    {key}: {value}" for key, value in base.items() if value is not None]
    lines[0] = "  - " + lines[0].lstrip()
    return "\n".join(lines) + "\n"


HUGE = article() + "x" * (5 * 1024 * 1024)

# kind -> (files, expected problem lines, relative to the content folder)
CASES = {
    "malformed YAML": (
        {"articles/malformed.md": '---\ntitle: "unclosed\ndate: 2017-08-06\n---\nBody.\n'},
        ["articles/malformed.md:2: invalid YAML: found unexpected end of stream while scanning a quoted scalar"],
    ),
    "tab indentation": (
        {"articles/tabs.md": "---\ntitle: Tabs\ndate: 2017-08-06\nsource:\n\tname: X\n---\nBody.\n"},
        ["articles/tabs.md:5: tab used for indentation; YAML needs spaces"],
    ),
    "duplicate key": (
        {"articles/dup.md": "---\ntitle: One\ntitle: Two\ndate: 2017-08-06\nsource: X\n---\nBody.\n"},
        ["articles/dup.md:3: title: duplicate key 'title' (first given on line 2)"],
    ),
    "wrong type": (
        {"articles/type.md": article(extra="tags: 5\n")},
        ["articles/type.md:5: tags: must be a list, not a number"],
    ),
    "impossible date": (
        {"articles/feb.md": article(one_event(date="2017-02-30"))},
        ["articles/feb.md:6: events[0].date: '2017-02-30': February 2017 has 28 days"],
    ),
    "unknown EDTF": (
        {"events/month-name.md": "---\ndate: August 2017\ntitle: Worded date\ntype: statement\nactors: []\n---\n"},
        [
            "events/month-name.md:2: date: 'August 2017' is not an EDTF date (examples: 2017, 2017-08, "
            "2017-08-05, 2017-08~, 2017-08-01/2017-08-07)"
        ],
    ),
    "unknown event type": (
        {"articles/kind.md": article(one_event(type="meeting"))},
        [
            "articles/kind.md:8: events[0].type: 'meeting' is not one of: agree, consult, support, concede, "
            "cooperate, aid, retreat, request, accuse, reject, threaten, protest, sanction, mobilize, coerce, "
            "assault, statement"
        ],
    ),
    "unknown actor id": (
        {"articles/who.md": article(one_event(actors="[sergey-lavrof]")), "actors/sergey-lavrov.md": actor_file("L")},
        [
            "articles/who.md:9: warning: events[0].actors[0]: unknown actor 'sergey-lavrof' "
            "(did you mean 'sergey-lavrov'?); it gets a page without a profile"
        ],
    ),
    "duplicate event id": (
        {
            "events/a.md": "---\ndate: 2017-08-01\ntitle: First\nid: same\ntype: consult\nactors: []\n---\n",
            "events/b.md": "---\ndate: 2017-08-02\ntitle: Second\nid: same\ntype: consult\nactors: []\n---\n",
        },
        ["events/b.md:1: id: duplicate event id 'same' (also at {content}/events/a.md:1)"],
    ),
    "missing title": (
        {"articles/untitled.md": article(one_event(title=None))},
        ["articles/untitled.md:6: events[0].title: is required"],
    ),
    "unsafe id": (
        {"articles/escape.md": article(one_event(id="../x"))},
        [
            "articles/escape.md:10: events[0].id: '../x' is not a safe id: "
            "use lowercase letters, digits and single hyphens"
        ],
    ),
    "unsafe actor file name": (
        {"actors/Bad Name.md": actor_file("Bad")},
        [
            "actors/Bad Name.md: id: the file name gives the id: 'Bad Name' is not a safe id: "
            "use lowercase letters, digits and single hyphens"
        ],
    ),
    "non-UTF-8 file": (
        {"articles/latin1.md": "---\ntitle: Café\ndate: 2017-08-06\nsource: X\n---\nBody.\n".encode("latin-1")},
        ["articles/latin1.md:2: the file is not UTF-8 (byte 0xe9 at line 2); save it as UTF-8"],
    ),
    "empty file": ({"articles/empty.md": b""}, ["articles/empty.md:1: the file is empty"]),
    "binary file": (
        {"articles/binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
        ["articles/binary.md:3: the file is binary, not text"],
    ),
    "huge file": (
        {"articles/huge.md": HUGE},
        [f"articles/huge.md:1: the file is {len(HUGE):,} bytes; the limit is 5,242,880"],
    ),
    "HTML in a title": (
        {"articles/xss.md": article(one_event(title="'<script>alert(1)</script>'"))},
        ["articles/xss.md:7: warning: events[0].title: contains HTML markup; it is shown as literal text"],
    ),
    "no front matter": (
        {"articles/plain.md": "Just a body.\n"},
        ["articles/plain.md:1: the file does not start with a '---' front matter block"],
    ),
    "unclosed front matter": (
        {"articles/open.md": "---\ntitle: Open\n"},
        ["articles/open.md:1: the front matter block opened on line 1 is never closed with '---'"],
    ),
    "misspelt field": (
        {"articles/typo.md": article(extra="acters: [x]\n")},
        ["articles/typo.md:5: acters: unknown field (did you mean 'actors'?)"],
    ),
    "javascript URL": (
        {"articles/js.md": article(one_event(sources="['javascript:alert(1)']"))},
        [
            "articles/js.md:10: warning: events[0].sources[0]: 'javascript:alert(1)' is refused: "
            "only http and https links are published (javascript); the link is dropped"
        ],
    ),
    "partial publication date": (
        {"articles/partial.md": "---\ntitle: Partial\ndate: 2017-08\nsource: X\n---\nBody.\n"},
        ["articles/partial.md:3: date: '2017-08' is not a full date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]"],
    ),
    "events not a list": (
        {"articles/events.md": article(extra="events: 5\n")},
        ["articles/events.md:5: events: must be a list, not a number"],
    ),
    "list instead of fields": (
        {"events/list.md": "---\n- date: 2017\n---\n"},
        ["events/list.md:2: the front matter must be a mapping of fields, not a list"],
    ),
}

ERRORS_ONLY_AS_WARNINGS = {"unknown actor id", "HTML in a title", "javascript URL"}


def relative(lines: list[str], content: str) -> list[str]:
    return [line.replace(f"{content}/", "") for line in lines]


@pytest.mark.parametrize("kind", sorted(CASES))
def test_each_kind_of_bad_input_gets_an_exact_message(make_site, kind):
    files, expected = CASES[kind]
    site = make_site(files)
    content = "site/content"
    assert relative(site.problems(), content) == [line.replace("{content}/", "") for line in expected]
    if kind in ERRORS_ONLY_AS_WARNINGS:
        assert site.error is None
    else:
        assert site.error is not None and site.error.code == 1
        assert not (site.output / "timeline" / "index.html").exists(), "a failed strict build writes nothing"


def write_corpus(content) -> None:
    """Every case in one content folder: each in a folder of its own, each article and event
    with its own title, so that no two cases clash with each other."""
    for kind, (files, _) in CASES.items():
        prefix = kind.replace(" ", "-").lower()
        for name, text in files.items():
            folder, _, base = name.partition("/")
            if isinstance(text, str) and text is not HUGE:
                text = text.replace("title: A report", f"title: A report on {kind}")  # noqa: PLW2901
                text = text.replace("title: An event\n", f"title: An event about {kind}\n")  # noqa: PLW2901
            write_files(content, {f"{folder}/{prefix}/{base}": text})


def test_strict_build_lists_every_problem_together_and_exits_non_zero(tmp_path):
    root = tmp_path / "all"
    write_corpus(root / "content")
    expected = []
    for kind, (_, lines) in CASES.items():
        prefix = kind.replace(" ", "-").lower()
        for line in lines:
            path, _, rest = line.partition(":")
            folder, _, base = path.partition("/")
            rest = rest.replace("{content}/events/", f"content/events/{prefix}/")
            expected.append(f"content/{folder}/{prefix}/{base}:{rest}")
    result = run_pelican_cli(root)
    assert result.returncode == 1, result.stdout + result.stderr
    reported = result.stderr.splitlines()
    assert sorted(line for line in reported if line.startswith("content/")) == sorted(expected)
    assert "timeline: strict build failed:" in reported[-1]
    assert not (root / "output" / "timeline").exists()


def test_non_strict_build_publishes_what_is_valid_and_still_lists_problems(make_site):
    files = {
        "articles/good.md": article(one_event(title="Kept event"), extra="slug: good\n"),
        "articles/bad.md": article(one_event(date="2017-02-30", title="Dropped event"), extra="slug: bad\n"),
    }
    site = make_site(files, TIMELINE_STRICT=False)
    assert site.error is None
    titles = [h.get_text(strip=True) for h in site.html("timeline/").select(".event-title")]
    assert titles == ["Kept event"]
    assert site.problems() == [
        "site/content/articles/bad.md:7: events[0].date: '2017-02-30': February 2017 has 28 days"
    ]
    assert site.ledger.summary() == "timeline: 2 articles, 1 event, 0 actors, 0 warnings, 1 rejection"
