"""`timeline import`: what it writes, what it refuses, and that it never overwrites."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from importer_helpers import BODY
from pelican_timeline.frontmatter import decode, split
from sitekit import ROOT, run_pelican_cli

TIMELINE = str(Path(sys.executable).parent / "timeline")
SAMPLE = next((ROOT.parent / "shared" / "samples").glob("globalsecurity-sputnik-*.txt"), None)
PAGE = "\n\n".join(
    ["Ministers agree to continue talks", "Reuters", "July 2, 2019", BODY, BODY.replace("ministry", "envoy")]
)


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [TIMELINE, "import", *args, "--out", "content/articles", "--actors", "content/actors"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )


def articles(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "content" / "articles").glob("*.md"))


def test_import_writes_a_draft_and_profiles_and_says_what_to_review(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    result = run(tmp_path, "page.txt")
    assert result.returncode == 0, result.stderr
    (draft,) = articles(tmp_path)
    assert draft.name == "2019-07-02-ministers-agree-to-continue-talks.md"
    meta = split(decode(draft.read_bytes())).meta
    assert meta["status"] == "draft" and meta["source"] == {"name": "Reuters"}
    assert f"page.txt: wrote content/articles/{draft.name}" in result.stdout
    assert "  review: " in result.stdout


def test_reimporting_the_same_page_is_reported_and_skipped(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    (tmp_path / "copy.txt").write_text(PAGE)
    run(tmp_path, "page.txt")
    before = {p: p.read_bytes() for p in articles(tmp_path)}
    result = run(tmp_path, "copy.txt")
    assert result.returncode == 0
    assert "copy.txt: skipped: already imported as content/articles/2019-07-02-ministers" in result.stdout
    assert "(same text)" in result.stdout
    assert {p: p.read_bytes() for p in articles(tmp_path)} == before


def test_reimporting_the_same_url_is_skipped_even_if_the_page_changed(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.txt").write_text(PAGE.replace("useful", "helpful"))
    url = "https://www.reuters.com/article/x-idUSKCN1TX0AB"
    run(tmp_path, "a.txt", "--url", url)
    result = run(tmp_path, "b.txt", "--url", url)
    assert "(same URL)" in result.stdout
    assert len(articles(tmp_path)) == 1


def test_a_different_page_with_the_same_title_gets_a_new_file_never_an_overwrite(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.txt").write_text(PAGE.replace("useful", "useless, both said"))
    run(tmp_path, "a.txt")
    first = articles(tmp_path)[0].read_bytes()
    run(tmp_path, "b.txt")
    names = [p.name for p in articles(tmp_path)]
    assert names == [
        "2019-07-02-ministers-agree-to-continue-talks-2.md",
        "2019-07-02-ministers-agree-to-continue-talks.md",
    ]
    assert articles(tmp_path)[1].read_bytes() == first


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n  ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "the file is binary, not a text or HTML page"),
        (b"x" * (5 * 1024 * 1024 + 1), "the file is 5,242,881 bytes, over the 5,242,880-byte limit"),
    ],
)
def test_unusable_input_gets_one_line_error_and_writes_nothing(tmp_path, content, message):
    (tmp_path / "bad.txt").write_bytes(content)
    result = run(tmp_path, "bad.txt")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"bad.txt: error: {message}; nothing written"
    assert not (tmp_path / "content").exists()


def test_a_legacy_encoded_page_is_read_and_flagged(tmp_path):
    (tmp_path / "old.txt").write_bytes(PAGE.replace("talks", "talks \u2013 caf\u00e9").encode("cp1252"))
    result = run(tmp_path, "old.txt")
    assert result.returncode == 0
    text = articles(tmp_path)[0].read_text(encoding="utf-8")
    assert "caf\u00e9" in text and "\u2013" in text
    assert "read as cp1252" in result.stdout


def test_dry_run_writes_nothing(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    result = run(tmp_path, "page.txt", "--dry-run")
    assert "would write content/articles/" in result.stdout
    assert not (tmp_path / "content").exists()


def test_a_folder_imports_every_page_and_ends_with_a_summary(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(3):
        (pages / f"{number}.txt").write_text(PAGE.replace("useful", f"useful on {number} points"))
    (pages / "empty.txt").write_text("")
    result = run(tmp_path, "pages")
    assert result.returncode == 1  # one page failed
    assert result.stdout.splitlines()[-1] == "timeline import: 3 imported, 0 skipped as already imported, 1 failed"
    assert len(articles(tmp_path)) == 3


def test_the_importer_never_imports_pelican():
    code = "import sys, pelican_timeline.importer.command, pelican_timeline.importer.scoring; print('pelican' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.skipif(SAMPLE is None, reason="the raw sample page is not beside the repository")
def test_the_sample_page_gives_the_hand_converted_fields(tmp_path):
    import shutil  # noqa: PLC0415

    shutil.copytree(ROOT / "content" / "actors", tmp_path / "content" / "actors")
    result = run(tmp_path, str(SAMPLE))
    assert result.returncode == 0, result.stderr
    (draft_path,) = articles(tmp_path)
    draft = split(decode(draft_path.read_bytes()))
    hand = split(decode(next((ROOT / "content" / "articles").glob("*.md")).read_bytes()))
    for key in ("title", "date", "modified", "dateline"):
        assert draft.meta[key] == hand.meta[key], key
    assert draft.meta["source"]["name"] == hand.meta["source"]["name"]
    assert draft.meta["source"]["via"]["name"] == hand.meta["source"]["via"]["name"]
    dated = {(e["date"], e.get("type")) for e in draft.meta["events"]}
    assert {("2017-08-05", "sanction"), ("2017-07", "statement"), ("2017-08-06", "consult")} <= dated
    assert {"sergey-lavrov", "rex-tillerson"} <= set(draft.meta["actors"])
    raw_lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    chrome = [raw_lines[0], "Weapons of Mass Destruction (WMD)", "Join the mailing list", raw_lines[-1]]
    assert not [line for line in chrome if line in draft.body]
    hand_paragraphs = [p for p in hand.body.split("\n\n") if p.strip()]
    assert [p.strip() for p in draft.body.split("\n\n") if p.strip()] == [p.strip() for p in hand_paragraphs]


def test_an_imported_draft_passes_the_strict_build_as_a_held_back_draft(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    run(tmp_path, "page.txt")
    result = run_pelican_cli(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "(1 draft held back)" in result.stdout + result.stderr
    assert not list((tmp_path / "output").rglob("*ministers*"))


def test_drafts_read_back_as_the_values_they_were_written_from(draft_of):
    from pelican_timeline.frontmatter import load_yaml  # noqa: PLC0415
    from pelican_timeline.importer.draft import dump, front_matter  # noqa: PLC0415

    draft = draft_of(PAGE.replace("useful", "useful: yes, NO, 007, 2017-08, [x] {y} # z"))
    meta = front_matter(draft)
    assert load_yaml("\n" + dump(meta)) == meta
