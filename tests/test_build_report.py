"""What a build says: Pelican's own skips are rejections, strays are reported,
and every build ends with one summary line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sitekit import event_file, run_pelican_cli, write_files

GOOD = "---\ntitle: Fine\ndate: 2017-08-06\nsource: Wire\n---\nBody.\n"


def test_pelican_skipping_a_file_counts_as_a_rejection_and_fails_a_strict_build(make_site):
    # reStructuredText goes through Pelican's own reader; without a date Pelican
    # logs "Skipping …" and would normally carry on and exit 0.
    site = make_site({"articles/fine.md": GOOD, "articles/undated.rst": "No date\n#######\n\nText.\n"})
    assert site.error is not None and site.error.code == 1
    assert site.problems() == ["site/content/articles/undated.rst: date: is required"]
    assert site.ledger.count("file", accepted=False) == 1


def test_files_no_reader_takes_are_reported_not_dropped(make_site):
    site = make_site(
        {
            "articles/fine.md": GOOD,
            "articles/notes.txt": "stray notes",
            "events/draft.yaml": "date: 2017\n",
            "events/e.md": event_file("2017-08-05", "Fine event"),
        }
    )
    assert site.error is None
    assert site.problems() == [
        "site/content/articles/notes.txt: warning: ignored: not a Markdown content file",
        "site/content/events/draft.yaml: warning: ignored: not a Markdown content file",
    ]


def test_drafts_are_held_back_unless_asked_for(make_site):
    draft = "---\ntitle: Draft\ndate: 2017-08-06\nsource: Wire\nstatus: draft\nevents:\n"
    draft += "  - {date: 2017-08-01, title: Draft event, type: statement, actors: []}\n---\nBody.\n"
    held = make_site({"articles/d.md": draft}, name="held")
    assert held.catalog.events == []
    assert (
        held.ledger.summary()
        == "timeline: 0 articles (1 draft held back), 0 events, 0 actors, 0 warnings, 0 rejections"
    )
    assert not list(held.output.rglob("draft*.html"))  # a held-back draft has no page
    shown = make_site({"articles/d.md": draft}, name="shown", TIMELINE_INCLUDE_DRAFTS=True)
    assert [e.title for e in shown.catalog.events] == ["Draft event"]


def test_a_successful_build_ends_with_one_summary_line(tmp_path):
    write_files(tmp_path / "content", {"articles/a.md": GOOD, "events/e.md": event_file("2017-08-05", "Fine")})
    result = run_pelican_cli(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("timeline: ") == 1
    assert "timeline: 1 article, 1 event, 0 actors, 0 warnings, 0 rejections" in result.stdout


def test_timeline_command_is_installed():
    timeline = Path(sys.executable).parent / "timeline"
    result = subprocess.run([str(timeline), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("timeline ")


def test_a_rebuild_from_pelicans_content_cache_reports_the_same_problems(make_site):
    bad_event = GOOD.replace(
        "source: Wire\n", "source: Wire\nevents:\n  - {date: '2017-02-30', title: X, type: statement, actors: []}\n"
    )
    files = {"articles/a.md": bad_event, "events/e.md": event_file("2017-08-05", "Fine", actors="[nobody]")}
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "TIMELINE_STRICT": False}
    first = make_site(files, **cache)
    # Rewrite the article but keep its timestamp: Pelican trusts the cache, so only
    # a replay of the cached problems can report the bad event again.
    article = first.root / "content" / "articles" / "a.md"
    stamp = article.stat()
    article.write_text(GOOD)
    os.utime(article, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    second = make_site({}, **cache)
    assert len(first.problems()) == 2
    assert second.problems() == first.problems()
    assert second.ledger.summary() == first.ledger.summary()
