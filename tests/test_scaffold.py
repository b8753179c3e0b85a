"""``timeline new``: files that the build accepts as written, prompts that re-ask, and no clobbering.

The command is driven as `timeline` drives it: an argparse parser with ``add_parser``,
then ``run``. A scripted ``ask`` stands for the person at a terminal.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pelican_timeline.content_files import read_actor, read_article, read_event
from pelican_timeline.frontmatter import decode, split
from pelican_timeline.render import markdown_renderer
from pelican_timeline.scaffold import ARTICLE_PLACEHOLDER, DATE_HINT, add_parser, run
from sitekit import actor_file, event_ids, write_files


class Terminal(io.StringIO):
    """A standard input that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@dataclass
class Script:
    """Answers typed at the prompts, in order; records the prompts shown."""

    answers: list[str]
    prompts: list[str] = field(default_factory=list)

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        assert self.answers, f"asked {prompt!r} with no answer left"
        return self.answers.pop(0)


def no_questions(prompt: str) -> str:
    raise AssertionError(f"asked {prompt!r} although no terminal is attached")


@dataclass
class Result:
    code: int
    out: str
    err: str
    prompts: list[str]


@pytest.fixture
def new(tmp_path, monkeypatch, capsys):
    """``new("event", "--date", …, answers=[…])``: answers mean a terminal is attached."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "site/content").mkdir(parents=True)

    def call(*argv: str, answers: list[str] | None = None) -> Result:
        parser = argparse.ArgumentParser(prog="timeline")
        add_parser(parser.add_subparsers(dest="command"))
        args = parser.parse_args(["new", *argv])
        script = Script(list(answers)) if answers is not None else None
        monkeypatch.setattr(sys, "stdin", Terminal() if script else io.StringIO())
        code = run(args, ask=script or no_questions)
        out, err = capsys.readouterr()
        return Result(code, out, err, script.prompts if script else [])

    return call


def meta_of(path: Path) -> dict:
    return split(decode(path.read_bytes())).meta


def problems_of(path: Path) -> list[str]:
    """Everything the build's readers say about the file (drafts' errors come out as warnings, so none is allowed)."""
    render = markdown_renderer()
    kind = path.parent.name
    if kind == "events":
        result = read_event(str(path), render)
        record, problems = result.record, result.problems
    elif kind == "actors":
        result = read_actor(str(path), render)
        record, problems = result.record, result.problems
    else:
        result, _ = read_article(str(path), render)
        record, problems = result.record, result.problems
    assert record is not None, problems
    return [str(p) for p in problems]


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def profiles(tmp_path: Path, *ids: str, content: str = "content") -> None:
    write_files(tmp_path / content, {f"actors/{i}.md": actor_file(i.replace("-", " ").title()) for i in ids})


EVENT_OPTIONS = [
    "--date", "2017-08-05", "--date-text", "On Saturday",
    "--title", "UN Security Council adopts resolution 2371",
    "--type", "sanction",
    "--actor", "un-security-council:actor", "--actor", "north-korea:recipient", "--actor", "china",
    "--location", "New York",
    "--summary", "Bars imports of *coal*, iron and seafood.",
    "--source", "https://example.org/res-2371", "--source", "https://example.org/vote",
    "--tag", "sanctions", "--tag", "North Korea",
    "--no-input",
]  # fmt: skip

EVENT_FILE = """\
---
date: 2017-08-05
date_text: On Saturday
title: UN Security Council adopts resolution 2371
type: sanction
actors:
- {id: un-security-council, role: actor}
- {id: north-korea, role: recipient}
- china
location: New York
summary: Bars imports of *coal*, iron and seafood.
sources:
- https://example.org/res-2371
- https://example.org/vote
tags:
- sanctions
- North Korea
---
"""


def test_an_event_with_every_option_is_written_under_its_derived_id(new, tmp_path):
    profiles(tmp_path, "un-security-council", "north-korea", "china")
    result = new("event", *EVENT_OPTIONS)
    path = Path("content/events/2017-08-05-un-security-council-adopts-resolution-2371.md")
    assert result.code == 0, result.err
    assert path.read_text(encoding="utf-8") == EVENT_FILE
    assert result.out.splitlines() == [
        f"wrote {path}",
        "next: run `make check`",
    ]
    assert result.err == ""
    assert problems_of(path) == []


def test_the_derived_id_is_the_anchor_the_build_gives(new, make_site):
    # Accents, curly quotes, punctuation and an approximate interval: every rule of the derivation at once.
    title = "Lavrov & Tillerson’s “frank” talks: sécurité d’abord — in Manila!"
    for name in ("Sergey Lavrov", "Rex Tillerson"):
        assert new("actor", "--name", name, "--type", "person", "--content", "site/content").code == 0
    result = new(
        "event", "--date", "2017-08-06~/2017-08-07", "--title", title, "--type", "consult",
        "--actor", "sergey-lavrov:actor", "--actor", "rex-tillerson:recipient", "--content", "site/content",
    )  # fmt: skip
    assert result.code == 0, result.err
    written = Path(result.out.split()[1])
    site = make_site({})
    assert site.error is None and site.problems() == []
    year = site.html("timeline/2017/")
    assert event_ids(year) == [written.stem]
    assert year.select_one(f'[id="{written.stem}"]').name.startswith("h")
    assert (
        written.stem == "2017-08-06-approx-to-2017-08-07-lavrov-tillersons-frank-talks-securite-dabord-in"
    )  # cut at 80


def test_prompts_ask_again_after_an_invalid_date_and_an_unknown_type(new, tmp_path):
    profiles(tmp_path, "sergey-lavrov", "rex-tillerson")
    answers = ["05/08/2017", "2017-08-06", "", "Lavrov meets Tillerson in Manila", "consultation", "consult",
               "sergey-lavrov:actor, rex-tillerson:recipient"]  # fmt: skip
    result = new("event", "--location", "Manila, Philippines", answers=answers)
    assert result.code == 0, result.err
    assert [p.split(" (")[0] for p in result.prompts] == ["date", "date", "title", "title", "type", "type", "actors"]
    assert result.prompts[0] == f"date ({DATE_HINT}): "
    assert "agree, consult, support" in result.prompts[4]
    assert result.err.splitlines() == [
        "  date: '05/08/2017' is not EDTF; write dates as YYYY-MM-DD; try again",
        "  title: is required; try again",
        "  type: 'consultation' is not one of: agree, consult, support, concede, cooperate, aid, retreat, request, "
        "accuse, reject, threaten, protest, sanction, mobilize, coerce, assault, statement (did you mean 'consult'?); "
        "try again",
    ]
    path = Path("content/events/2017-08-06-lavrov-meets-tillerson-in-manila.md")
    assert meta_of(path) == {
        "date": "2017-08-06",
        "title": "Lavrov meets Tillerson in Manila",
        "type": "consult",
        "actors": [{"id": "sergey-lavrov", "role": "actor"}, {"id": "rex-tillerson", "role": "recipient"}],
        "location": "Manila, Philippines",
    }
    assert problems_of(path) == []


def test_an_event_id_already_in_an_articles_events_is_refused_with_the_file_named(new, tmp_path):
    write_files(
        tmp_path / "content",
        {
            "articles/report.md": """
                ---
                title: A report
                date: 2017-08-06
                source: Sputnik News
                events:
                  - date: "2017-08-06"
                    title: Something else
                    type: statement
                    actors: []
                  - date: "2017-08-05"
                    title: UN adopts resolution 2371
                    type: sanction
                    actors: []
                ---
                Body.
            """
        },
    )
    # Different punctuation and capitals, same derived id.
    options = ["--date", "2017-08-05", "--title", "UN adopts Resolution 2371!", "--type", "sanction"]
    refused = new("event", *options)
    assert refused.code == 1
    assert refused.err == (
        "timeline new: event id '2017-08-05-un-adopts-resolution-2371' is already used by "
        "content/articles/report.md:10 (events[1]); give this event an explicit --id\n"
    )
    assert not Path("content/events").exists()
    written = new("event", *options, "--id", "unsc-resolution-2371")
    assert written.code == 0, written.err
    assert meta_of(Path("content/events/unsc-resolution-2371.md"))["id"] == "unsc-resolution-2371"
    again = new("event", "--date", "2019", "--title", "Another", "--type", "statement", "--id", "unsc-resolution-2371")
    assert again.code == 1
    assert "already used by content/events/unsc-resolution-2371.md; choose another with --id" in again.err


def test_an_existing_file_is_never_overwritten(new, tmp_path):
    taken = tmp_path / "content/events/2017-08-05-an-event.md"
    taken.parent.mkdir(parents=True)
    taken.write_text("---\nid: other-event\ndate: 2017\ntitle: Other\ntype: statement\nactors: []\n---\n")
    before = taken.read_bytes()
    result = new("event", "--date", "2017-08-05", "--title", "An event", "--type", "statement")
    assert result.code == 1
    assert result.err.endswith(
        "timeline new: content/events/2017-08-05-an-event.md already exists; nothing written (it is never overwritten)\n"
    )
    assert taken.read_bytes() == before
    article = tmp_path / "content/articles/2017-08-06-a-report.md"
    article.parent.mkdir(parents=True)
    article.write_text("mine")
    result = new("article", "--title", "A report", "--date", "2017-08-06", "--source-name", "Reuters")
    assert result.code == 1 and "2017-08-06-a-report.md already exists" in result.err
    assert article.read_text() == "mine"


@pytest.mark.parametrize(
    ("extra", "terminal", "message"),
    [
        (["--no-input"], True, "timeline new: missing --date, --type (drop --no-input to be asked)\n"),
        ([], False, "timeline new: missing --date, --type (or run it in a terminal to be asked)\n"),
    ],
)
def test_missing_fields_without_prompting_fail_with_the_list(new, tmp_path, extra, terminal, message):
    result = new("event", "--title", "An event", *extra, answers=[] if terminal else None)
    assert (result.code, result.err, result.prompts) == (2, message, [])
    assert files_under(tmp_path) == []


def test_an_actor_id_is_made_from_the_name_without_accents(new, tmp_path):
    options = ["--name", "António Guterres", "--type", "person", "--alias", "Guterres", "--wikidata", "Q311440"]
    result = new("actor", *options, "--bio", "Secretary-General of the **United Nations** since 2017.")
    path = Path("content/actors/antonio-guterres.md")
    assert result.code == 0, result.err
    assert path.read_text(encoding="utf-8") == (
        "---\nname: António Guterres\ntype: person\naliases:\n- Guterres\nwikidata: Q311440\n---\n"
        "Secretary-General of the **United Nations** since 2017.\n"
    )
    assert problems_of(path) == []
    assert read_actor(str(path), markdown_renderer()).record.id == "antonio-guterres"
    again = new("actor", *options)
    assert again.code == 1
    assert again.err == (
        "timeline new: actor id 'antonio-guterres' is already used by content/actors/antonio-guterres.md; "
        "choose another with --id\n"
    )


def test_an_article_is_a_draft_the_build_holds_back_and_its_placeholder_is_never_published(new, make_site):
    draft = new(
        "article", "--title", "Lavrov: US buildup near Korea unacceptable", "--date", "2017-08-06T16:34:00+03:00",
        "--source-name", "Sputnik News", "--source-url", "https://sputniknews.com/a",
        "--via-name", "GlobalSecurity.org", "--via-url", "https://www.globalsecurity.org/b",
        "--dateline", "Moscow", "--author", "Staff", "--tag", "diplomacy", "--content", "site/content",
    )  # fmt: skip
    path = Path("site/content/articles/2017-08-06-lavrov-us-buildup-near-korea-unacceptable.md")
    assert draft.code == 0, draft.err
    assert draft.out.splitlines()[0] == f"wrote {path}"
    assert meta_of(path) == {
        "title": "Lavrov: US buildup near Korea unacceptable",
        "date": "2017-08-06T16:34:00+03:00",
        "status": "draft",
        "source": {
            "name": "Sputnik News",
            "url": "https://sputniknews.com/a",
            "via": {"name": "GlobalSecurity.org", "url": "https://www.globalsecurity.org/b"},
        },
        "dateline": "Moscow",
        "authors": ["Staff"],
        "tags": ["diplomacy"],
    }
    assert split(decode(path.read_bytes())).body == f"{ARTICLE_PLACEHOLDER}\n"
    assert problems_of(path) == []
    published = new(
        "article", "--title", "Published now", "--date", "2017-08-07", "--source-name", "Reuters",
        "--slug", "published-now", "--published", "--content", "site/content",
    )  # fmt: skip
    assert published.code == 0, published.err
    assert "status" not in meta_of(Path("site/content/articles/2017-08-07-published-now.md"))
    site = make_site({})
    assert site.error is None and site.problems() == []
    assert (
        site.ledger.summary() == "timeline: 1 article (1 draft held back), 0 events, 0 actors, 0 warnings, 0 rejections"
    )
    assert not (site.output / "articles/lavrov-us-buildup-near-korea-unacceptable").exists()
    page = (site.output / "articles/published-now/index.html").read_text(encoding="utf-8")
    assert "Paste the article text" not in page


def test_an_unknown_actor_is_a_warning_naming_the_nearest_known_id(new, tmp_path):
    profiles(tmp_path, "sergey-lavrov", "rex-tillerson")
    result = new(
        "event", "--date", "2017-08-06", "--title", "Talks", "--type", "consult",
        "--actor", "sergey-lavorv:actor", "--actor", "rex-tillerson",
    )  # fmt: skip
    assert result.code == 0
    assert result.err.splitlines() == [
        "timeline new: warning: unknown actor 'sergey-lavorv' (did you mean 'sergey-lavrov'?); the build gives it a "
        "page without a profile (`timeline new actor` writes one)"
    ]
    assert meta_of(Path("content/events/2017-08-06-talks.md"))["actors"] == [
        {"id": "sergey-lavorv", "role": "actor"},
        "rex-tillerson",
    ]


# Values that YAML would turn into something else, or refuse, if written carelessly.
TRICKY = [
    "yes",
    "NO",
    "2371",
    "007",
    "1.50",
    "true",
    "null",
    "~",
    "a: b",
    "#hash",
    "[list]",
    "'quoted'",
    "@at",
    "- dash",
]


@pytest.mark.parametrize(
    ("argv", "expected", "relative"),
    [
        (
            ["event", "--date", "2017", "--title", "true", "--type", "statement", "--location", "NO",
             "--date-text", "null", "--summary", "a: b", *[x for t in TRICKY for x in ("--tag", t)]],
            {"date": "2017", "date_text": "null", "title": "true", "type": "statement", "actors": [],
             "location": "NO", "summary": "a: b", "tags": TRICKY},
            "events/2017-true.md",
        ),
        (
            ["actor", "--name", "2371", "--type", "group", "--id", "007", *[x for t in TRICKY for x in ("--alias", t)]],
            {"name": "2371", "type": "group", "aliases": TRICKY},
            "actors/007.md",
        ),
        (
            ["article", "--title", "#hash: [x]", "--date", "2017-08-06 09:15", "--source-name", "yes",
             "--dateline", "~", *[x for t in TRICKY for x in ("--author", t)]],
            {"title": "#hash: [x]", "date": "2017-08-06 09:15", "status": "draft", "source": "yes", "dateline": "~",
             "authors": TRICKY},
            "articles/2017-08-06-hash-x.md",
        ),
    ],
    ids=["event", "actor", "article"],
)  # fmt: skip
def test_every_file_reads_back_as_the_values_given_and_passes_the_validator(new, argv, expected, relative):
    result = new(*argv)
    assert result.code == 0, result.err
    path = Path("content") / relative
    assert meta_of(path) == expected
    assert problems_of(path) == []


def test_dry_run_prints_the_file_and_writes_nothing(new, tmp_path):
    profiles(tmp_path, "un-security-council", "north-korea", "china")
    before = files_under(tmp_path)
    result = new("event", *EVENT_OPTIONS, "--dry-run")
    assert result.code == 0
    assert result.out == EVENT_FILE
    assert result.err == (
        "timeline new: would write content/events/2017-08-05-un-security-council-adopts-resolution-2371.md "
        "(dry run: nothing written)\n"
    )
    assert files_under(tmp_path) == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["event", "--name", "X", "--bio", "Y"], "--name, --bio do not apply to an event"),
        (["actor", "--published"], "--published does not apply to an actor"),
        (["event", "--date", "2017-02-30"], "--date: '2017-02-30': February 2017 has 28 days"),
        (["event", "--source", "javascript:alert(1)"], "only http and https links are published (javascript)"),
        (["event", "--actor", "Kim Jong-un"], "--actor: actor 'Kim Jong-un' is not a safe id"),
        (["event", "--actor", "kim-jong-un:actr"], "role 'actr' is not one of: actor, recipient, participant (did you mean 'actor'?)"),
        (["event", "--type", "consultation"], "(did you mean 'consult'?)"),
        (["actor", "--wikidata", "4984"], "--wikidata: '4984' is not a Wikidata item id like Q42"),
        (["article", "--date", "2017-08"], "--date: '2017-08' is not a full date"),
        (["article", "--title", "T", "--date", "2017-08-06", "--source-name", "S", "--via-url", "https://a.org/"],
         "--via-url needs --via-name"),
        (["actor", "--name", "!!!", "--type", "person"], "cannot make an id from the name '!!!'; give one with --id"),
    ],
)  # fmt: skip
def test_wrong_values_are_refused_with_the_builds_reason(new, tmp_path, argv, message):
    result = new(*argv, "--no-input")
    assert result.code == 2
    assert message in result.err
    assert files_under(tmp_path) == []


def test_without_a_content_folder_nothing_is_asked_or_written(new, tmp_path):
    result = new("actor", "--content", "elsewhere", answers=[])
    assert (result.code, result.prompts) == (2, [])
    assert (
        result.err
        == "timeline new: no content folder 'elsewhere' here; run it in the site's folder, or give --content DIR\n"
    )
    assert not (tmp_path / "elsewhere").exists()


def test_the_command_never_imports_pelican():
    code = "import sys, pelican_timeline.scaffold; print('pelican' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
