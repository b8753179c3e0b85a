"""`timeline check` judges content exactly as the build does, without building."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_bad_input import write_corpus

from pelican_timeline import catalog, check_cache
from pelican_timeline.check_cache import CACHE_NAME, VerdictCache, code_stamp
from pelican_timeline.checking import check as checking
from pelican_timeline.checking import read_settings
from pelican_timeline.content_files import FileResult
from pelican_timeline.fields import suggest
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


def test_an_actor_named_in_many_files_is_looked_up_once_and_each_reference_reported(tmp_path, monkeypatch):
    files = {"actors/sergey-lavrov.md": actor_file("Sergey Lavrov")}
    for index in range(30):
        actors = "[sergey-lavorv, maria-zakharova]" if index % 2 else "[sergey-lavorv]"
        files[f"events/e{index:02d}.md"] = event_file("2017-08-05", f"Event {index}", actors=actors)
    write_files(tmp_path / "content", files)
    looked_up = []

    def counted(value, choices):
        looked_up.append(value)
        return suggest(value, choices)

    monkeypatch.setattr(catalog, "suggest", counted)
    settings = read_settings(None) | {"PATH": str(tmp_path / "content")}
    ledger = checking(settings)
    assert sorted(looked_up) == ["maria-zakharova", "sergey-lavorv"]
    assert len(ledger.warnings) == 45
    assert {p.path.rsplit("/", 1)[-1] for p in ledger.warnings if "sergey-lavorv" in p.message} == {
        f"e{index:02d}.md" for index in range(30)
    }


def test_a_suggestion_is_the_closest_choice_whatever_their_order():
    ids = ["kim-jong-un", "sergey-lavrov", "sergey-ryabkov", "moon-jae-in"]
    assert suggest("sergey-lavorv", ids) == suggest("sergey-lavorv", ids[::-1]) == " (did you mean 'sergey-lavrov'?)"
    tied = ["actor-0019", "actor-0011"]  # each one character away: the greater text wins, in any order
    assert suggest("actor-0010", tied) == suggest("actor-0010", tied[::-1]) == " (did you mean 'actor-0019'?)"
    assert suggest("sergey-lavorv", {"sergey-lavrov": "actors/sergey-lavrov.md"}) == " (did you mean 'sergey-lavrov'?)"
    assert suggest("xyz", ids) == ""


def test_a_missing_content_folder_is_a_usage_error(tmp_path):
    result = subprocess.run(
        [TIMELINE, "check", "--content", "nowhere"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "no content folder at nowhere" in result.stderr


def test_a_repeated_check_rereads_only_changed_files_and_sees_their_new_problems(tmp_path, monkeypatch):
    write_corpus(tmp_path / "content")
    write_files(tmp_path / "content", {"events/later.md": event_file("2019-02-03", "Later")})
    first = check(tmp_path)
    assert (tmp_path / "cache" / CACHE_NAME).is_file()
    again = check(tmp_path)
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)

    # An edit is seen at once, even though the file's verdict was kept.
    edited = tmp_path / "content" / "events" / "later.md"
    edited.write_text(event_file("2019-02-30", "Later"))
    broken = check(tmp_path)
    assert "content/events/later.md:2: date: " in broken.stdout
    assert broken.stdout.count("\n") == first.stdout.count("\n") + 1

    monkeypatch.chdir(tmp_path)
    settings = read_settings("conf.py")
    cache = VerdictCache(settings["CACHE_PATH"])
    assert cache.kept, "the previous check left its verdicts"
    ledger = checking(settings, cache)
    assert cache.reused == len(cache.kept) == len(list((tmp_path / "content").rglob("*.md")))
    assert ledger.report_lines() == broken.stdout.splitlines()[:-1]


def test_a_damaged_or_foreign_cache_is_ignored(tmp_path):
    write_files(tmp_path / "content", {"events/a.md": event_file("2017-08-32", "Bad day")})
    fresh = check(tmp_path)
    assert fresh.returncode == 1
    cache_file = tmp_path / "cache" / CACHE_NAME
    cache_file.write_bytes(b"\x80\x05not a pickle")
    assert check(tmp_path).stdout == fresh.stdout

    # Verdicts written by other code (here: a forged "all clear") are never trusted.
    stamp, pieces = pickle.loads(cache_file.read_bytes())
    assert stamp == code_stamp()
    keys, stamps, _ = pieces[0]
    forged = [(keys, stamps, pickle.dumps([FileResult(path, None, []) for _, path in keys]))]
    cache_file.write_bytes(pickle.dumps((stamp, forged)))
    assert check(tmp_path).returncode == 0, "the forgery is a cache this code would trust"
    cache_file.write_bytes(pickle.dumps(("other code", forged)))
    assert check(tmp_path).stdout == fresh.stdout


def test_no_cache_reads_everything_and_writes_nothing(tmp_path):
    write_files(tmp_path / "content", {"events/a.md": event_file("2017-08-05", "A day")})
    check(tmp_path)
    result = subprocess.run(
        [TIMELINE, "check", "--settings", "conf.py", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["timeline: 0 articles, 1 event, 0 actors, 0 warnings, 0 rejections"]
    (tmp_path / "cache" / CACHE_NAME).unlink()
    subprocess.run([TIMELINE, "check", "--settings", "conf.py", "--no-cache"], cwd=tmp_path, check=True)
    assert not (tmp_path / "cache" / CACHE_NAME).exists()


def test_files_read_by_several_processes_get_the_verdicts_of_one(tmp_path, monkeypatch):
    # The corpus of bad input, read once file by file and once by worker processes
    # (forced here, whatever this machine's number of processors).
    write_corpus(tmp_path / "content")
    (tmp_path / "conf.py").write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n")
    monkeypatch.chdir(tmp_path)
    settings = read_settings("conf.py")
    serial = checking(settings, VerdictCache(None))
    monkeypatch.setattr(check_cache, "PARALLEL_FROM", 2)
    monkeypatch.setattr(check_cache, "CHUNK", 3)
    monkeypatch.setattr(check_cache, "_workers", lambda: 2)
    spawned = []
    real_pool = check_cache.ProcessPoolExecutor
    monkeypatch.setattr(check_cache, "ProcessPoolExecutor", lambda **options: spawned.append(1) or real_pool(**options))
    cache = VerdictCache(settings["CACHE_PATH"])
    parallel = checking(settings, cache)
    assert spawned, "the worker processes were used"
    assert parallel.report_lines() == serial.report_lines()
    assert parallel.summary() == serial.summary()
    assert cache.save() is None
    # What the workers read is remembered like the rest: the next check reads nothing.
    again = VerdictCache(settings["CACHE_PATH"])
    assert checking(settings, again).report_lines() == serial.report_lines()
    assert again.reused == len(list((tmp_path / "content").rglob("*.md")))


def test_the_processes_share_the_reading_and_the_results_keep_the_files_order(tmp_path, monkeypatch):
    paths = []
    for index in range(30):
        path = tmp_path / f"{index:02d}.md"
        path.write_text("x" * index)
        paths.append(str(path))
    monkeypatch.setattr(check_cache, "PARALLEL_FROM", 2)
    monkeypatch.setattr(check_cache, "CHUNK", 2)
    monkeypatch.setattr(check_cache, "_workers", lambda: 2)
    this_process, read_here, unpickled = os.getpid(), check_cache._read_here, check_cache._unpickled
    counts = {"here": 0, "theirs": 0}

    def slow_here(chunk):
        if os.getpid() == this_process:  # this process falls behind, so the worker takes pieces too
            counts["here"] += len(chunk)
            time.sleep(0.05)
        return read_here(chunk)

    def counted_unpickled(piece):
        counts["theirs"] += len(piece.stamps)
        return unpickled(piece)

    monkeypatch.setattr(check_cache, "_read_here", slow_here)
    monkeypatch.setattr(check_cache, "_unpickled", counted_unpickled)
    read = check_cache.read_files([(os.path.getsize, path) for path in paths], keep=True)
    assert [value for _, value in read.results] == list(range(30))
    assert [stamp for stamp, _ in read.results] == [check_cache._file_stamp(path) for path in paths]
    # The workers' results come back pickled a piece at a time, and are kept so; this
    # process's are pickled when saved.
    for start, piece in read.pickled:
        assert pickle.loads(piece.values) == [value for _, value in read.results[start : start + len(piece.stamps)]]
    assert sum(len(piece.stamps) for _, piece in read.pickled) == counts["theirs"]
    assert counts["here"] > 0
    assert counts["theirs"] > 0
    assert counts["here"] + counts["theirs"] == 30


@pytest.mark.skipif(not check_cache.forks(), reason="copies of a process are made with fork")
def test_verdicts_are_written_by_a_copy_of_the_process_as_they_were_before_the_cross_checks(tmp_path, monkeypatch):
    # Two profiles with one id: the cross-checks add a problem to the second file's result
    # after reading. The verdicts remembered must be those of the files alone.
    files = {f"actors/a{index:02d}.md": actor_file(f"Actor {index}") for index in range(12)}
    files["actors/more/a00.md"] = actor_file("Actor 0 again")
    write_files(tmp_path / "content", files)
    (tmp_path / "conf.py").write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(check_cache, "FORK_FROM", 5)
    writers = tmp_path / "writers"
    real_save = check_cache.stamped_pickle.save

    def noted_save(*args):
        with open(writers, "a") as out:
            out.write(f"{os.getpid()}\n")
        return real_save(*args)

    monkeypatch.setattr(check_cache.stamped_pickle, "save", noted_save)
    settings = read_settings("conf.py")
    first_cache = VerdictCache(settings["CACHE_PATH"])
    first = checking(settings, first_cache)
    assert first_cache.save() is None
    assert writers.read_text().split() != [str(os.getpid())], "a copy of this process wrote the cache"
    assert len(writers.read_text().split()) == 1
    duplicate = [line for line in first.report_lines() if "already used" in line]
    assert len(duplicate) == 1
    _, pieces = pickle.loads((tmp_path / "cache" / CACHE_NAME).read_bytes())
    remembered = [result for _, _, data in pieces for result in pickle.loads(data)]
    assert len(remembered) == len(files) and all(result.problems == [] for result in remembered)

    again_cache = VerdictCache(settings["CACHE_PATH"])
    again = checking(settings, again_cache)
    assert again_cache.reused == len(files)
    assert again.report_lines() == first.report_lines()
    assert again_cache.save() is None
    assert len(writers.read_text().split()) == 1, "nothing new to write"


@pytest.mark.skipif(not check_cache.forks(), reason="copies of a process are made with fork")
def test_a_failing_copy_is_reported_and_the_check_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(check_cache, "FORK_FROM", 1)
    write_files(tmp_path / "content", {"events/a.md": event_file("2017-08-05", "A day")})
    monkeypatch.chdir(tmp_path)
    settings = read_settings(None) | {"PATH": str(tmp_path / "content"), "CACHE_PATH": str(tmp_path / "cache")}
    monkeypatch.setattr(check_cache.stamped_pickle, "save", lambda *args: 1 / 0)
    cache = VerdictCache(settings["CACHE_PATH"])
    ledger = checking(settings, cache)
    assert ledger.summary().startswith("timeline: 0 articles, 1 event")
    reason = cache.save()
    assert reason == cache.save()  # asked twice, waited for once
    assert reason == "the process writing the cache failed: ZeroDivisionError: division by zero"
    assert not (tmp_path / "cache" / CACHE_NAME).exists()


def test_without_a_copy_of_the_process_the_verdicts_are_written_here(tmp_path, monkeypatch):
    def no_fork():
        raise OSError("no process to spare")

    monkeypatch.setattr(check_cache, "FORK_FROM", 1)
    monkeypatch.setattr(check_cache.os, "fork", no_fork)
    write_files(tmp_path / "content", {"events/a.md": event_file("2017-08-05", "A day")})
    settings = read_settings(None) | {"PATH": str(tmp_path / "content"), "CACHE_PATH": str(tmp_path / "cache")}
    open_before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    cache = VerdictCache(settings["CACHE_PATH"])
    checking(settings, cache)
    assert cache.save() is None
    assert open_before is None or len(os.listdir("/proc/self/fd")) == open_before  # the pipe was closed
    again = VerdictCache(settings["CACHE_PATH"])
    checking(settings, again)
    assert again.reused == 1


def _size(path: str) -> int:
    return os.path.getsize(path)


def _text(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _remembered(cache_folder: Path) -> list:
    """Every (key, result) the cache file holds, piece by piece."""
    _, pieces = pickle.loads((cache_folder / CACHE_NAME).read_bytes())
    return [(key, value) for keys, _, data in pieces for key, value in zip(keys, pickle.loads(data), strict=True)]


def test_pieces_of_the_cache_are_kept_whole_or_packed_again_and_hold_each_file_once(tmp_path, monkeypatch):
    monkeypatch.setattr(check_cache, "PARALLEL_FROM", 2)
    monkeypatch.setattr(check_cache, "CHUNK", 3)
    monkeypatch.setattr(check_cache, "_workers", lambda: 2)
    monkeypatch.setattr(check_cache, "FORK_FROM", 10_000)  # written here, where the test can see it
    folder = tmp_path / "files"
    folder.mkdir()
    paths = []
    for index in range(14):
        path = folder / f"{index:02d}.txt"
        path.write_text("x" * index)
        paths.append(str(path))
    cache_folder = tmp_path / "cache"

    def run(expected_reads: int) -> list[int]:
        cache = VerdictCache(str(cache_folder))
        (values,) = cache.read_all([(_size, paths)])
        assert cache.reused == len(paths) - expected_reads
        assert cache.save() is None
        return values

    assert run(14) == list(range(14))
    first = _remembered(cache_folder)
    assert sorted(key for key, _ in first) == [("_size", path) for path in sorted(paths)]
    # An edit and a deletion: only those files are read; the pieces they were in are packed
    # again with their other files, and nothing is left of the old entries.
    Path(paths[4]).write_text("y" * 40)
    os.remove(paths[9])
    del paths[9]
    assert run(1) == [*range(4), 40, 5, 6, 7, 8, *range(10, 14)]
    after = dict(_remembered(cache_folder))
    assert len(_remembered(cache_folder)) == len(after) == len(paths)
    assert after[("_size", paths[4])] == 40
    written = (cache_folder / CACHE_NAME).stat().st_mtime_ns
    # Nothing changed since: nothing is read, and the cache is not written again.
    assert run(0) == [*range(4), 40, 5, 6, 7, 8, *range(10, 14)]
    assert (cache_folder / CACHE_NAME).stat().st_mtime_ns == written


def test_a_damaged_piece_means_reading_its_files_again(tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    paths = []
    for index in range(5):
        (folder / f"{index}.txt").write_text("x" * index)
        paths.append(str(folder / f"{index}.txt"))
    cache_folder = tmp_path / "cache"
    cache = VerdictCache(str(cache_folder))
    cache.read_all([(_size, paths)])
    assert cache.save() is None
    stamp, pieces = pickle.loads((cache_folder / CACHE_NAME).read_bytes())
    keys, stamps, _ = pieces[0]
    (cache_folder / CACHE_NAME).write_bytes(pickle.dumps((stamp, [(keys, stamps, b"\x80\x05damaged")])))
    again = VerdictCache(str(cache_folder))
    assert again.read_all([(_size, paths)]) == [list(range(5))]
    assert again.reused == 0
    assert again.save() is None
    assert sorted(value for _, value in _remembered(cache_folder)) == list(range(5))


def test_a_file_read_two_ways_keeps_a_verdict_for_each(tmp_path):
    # With overlapping content folders one file can be read as two kinds of content.
    path = tmp_path / "a.md"
    path.write_text("hello")
    groups = [(_size, [str(path)]), (_text, [str(path)])]
    first = VerdictCache(str(tmp_path / "cache"))
    assert first.read_all(groups) == [[5], ["hello"]]
    assert first.save() is None
    again = VerdictCache(str(tmp_path / "cache"))
    assert again.read_all(groups) == [[5], ["hello"]]
    assert again.reused == 2
