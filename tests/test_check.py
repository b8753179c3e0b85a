"""`timeline check` judges content exactly as the build does, without building."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_bad_input import write_corpus

from sitekit import ROOT, actor_file, event_file, run_pelican_cli, write_files

TIMELINE = str(Path(sys.executable).parent / "timeline")


def check(root: Path) -> subprocess.CompletedProcess:
    (root / "conf.py").write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n")
    return subprocess.run(
        [TIMELINE, "check", "--settings", "conf.py"], cwd=root, capture_output=True, text=True, check=False
    )


def test_the_sample_content_passes_with_the_builds_summary(tmp_path):
    result = subprocess.run([TIMELINE, "check"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == ["timeline: 1 article, 23 events, 17 actors, 0 warnings, 0 rejections"]


def test_check_reports_every_problem_the_build_reports(tmp_path):
    write_corpus(tmp_path / "content")
    built = run_pelican_cli(tmp_path)
    checked = check(tmp_path)
    assert checked.returncode == built.returncode == 1
    build_lines = sorted(line for line in built.stderr.splitlines() if line.startswith("content/"))
    check_lines = sorted(line for line in checked.stdout.splitlines() if line.startswith("content/"))
    assert check_lines == build_lines
    summaries = [line for line in built.stderr.splitlines() if line.startswith("timeline: ") and "failed" not in line]
    assert checked.stdout.splitlines()[-1] == summaries[-1]


def test_unknown_names_get_a_suggestion(tmp_path):
    write_files(
        tmp_path / "content",
        {
            "actors/sergey-lavrov.md": actor_file("Sergey Lavrov"),
            "events/a.md": event_file("2017-08-05", "Typos", kind="statment", actors="[sergey-lavorv]"),
        },
    )
    result = check(tmp_path)
    assert result.returncode == 1
    assert (
        "content/events/a.md:4: type: 'statment' is not one of: agree, consult, support, concede, cooperate, aid, "
        "retreat, request, accuse, reject, threaten, protest, sanction, mobilize, coerce, assault, statement "
        "(did you mean 'statement'?)" in result.stdout.splitlines()
    )


def test_unknown_actor_ids_are_warnings_with_a_suggestion(tmp_path):
    write_files(
        tmp_path / "content",
        {
            "actors/sergey-lavrov.md": actor_file("Sergey Lavrov"),
            "events/a.md": event_file("2017-08-05", "Typo", actors="[sergey-lavorv]"),
        },
    )
    result = check(tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == (
        "content/events/a.md:5: warning: actors[0]: unknown actor 'sergey-lavorv' (did you mean 'sergey-lavrov'?); "
        "it gets a page without a profile"
    )


def test_a_missing_content_folder_is_a_usage_error(tmp_path):
    result = subprocess.run(
        [TIMELINE, "check", "--content", "nowhere"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "no content folder at nowhere" in result.stderr
