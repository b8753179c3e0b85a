"""A big site's exports are written by a copy of the build's process, while the build
writes its pages: the same files as when they are written in place, and a failure there
fails the build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pelican_timeline import generator, process_copy, publish_exports
from pelican_timeline.process_copy import CopyFailed, in_a_copy
from sitekit import build_sample

PUBLISHED = {"SITEURL": "https://timeline.example.org", "RELATIVE_URLS": False, "TIMELINE_SEARCH": False}
needs_fork = pytest.mark.skipif(not process_copy.forks(), reason="copies of a process are made with fork")


def exports(output: Path) -> dict[str, bytes]:
    """Every file that is not a page: JSON, CSV, feeds, calendars."""
    return {
        p.relative_to(output).as_posix(): p.read_bytes()
        for p in sorted(output.rglob("*"))
        if p.is_file() and p.suffix != ".html" and "theme" not in p.parts
    }


@pytest.fixture
def forked(monkeypatch) -> list[int]:
    """The copies of this process made, by process id (each should have been waited for)."""
    made: list[int] = []
    real = os.fork

    def fork() -> int:
        pid = real()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(process_copy.os, "fork", fork)
    return made


def waited_for(pids: list[int]) -> bool:
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return True


@needs_fork
def test_exports_written_by_a_copy_are_those_written_in_place(tmp_path: Path, monkeypatch, forked):
    writers = tmp_path / "writers"
    real = publish_exports.write_exports

    def noted(*args):
        with open(writers, "a") as out:
            out.write(f"{os.getpid()}\n")
        return real(*args)

    monkeypatch.setattr(publish_exports, "write_exports", noted)
    in_place = build_sample(tmp_path / "in-place", **PUBLISHED)
    assert writers.read_text().split() == [str(os.getpid())]

    monkeypatch.setattr(publish_exports, "APART_FROM", 1)
    apart = build_sample(tmp_path / "apart", **PUBLISHED)
    _, second = writers.read_text().split()
    assert [int(second)] == forked, "a copy of the process wrote the exports"
    assert waited_for(forked)
    written = exports(apart.output)
    assert written == exports(in_place.output)
    assert {"timeline.json", "timeline/events.csv", "feeds/timeline.atom.xml", "timeline/events.ics"} <= set(written)
    assert apart.problems() == in_place.problems()


@needs_fork
def test_exports_that_fail_in_the_copy_fail_the_build_with_the_reason(tmp_path: Path, monkeypatch, forked):
    monkeypatch.setattr(publish_exports, "APART_FROM", 1)
    (tmp_path / "output" / "timeline.json").mkdir(parents=True)  # where the JSON export should go
    with pytest.raises(RuntimeError, match=r"exports could not be written: IsADirectoryError: .*timeline\.json"):
        build_sample(tmp_path, **PUBLISHED)
    assert len(forked) == 1 and waited_for(forked)


@needs_fork
def test_a_page_that_fails_while_a_copy_writes_the_exports_is_the_error_reported(tmp_path: Path, monkeypatch, forked):
    def broken(*args):
        raise RuntimeError("the page broke")

    monkeypatch.setattr(publish_exports, "APART_FROM", 1)
    monkeypatch.setattr(generator.TimelineGenerator, "_write_page", broken)
    with pytest.raises(RuntimeError, match="the page broke"):
        build_sample(tmp_path, **PUBLISHED)
    assert len(forked) == 1 and waited_for(forked)


def test_without_a_copy_of_the_process_the_exports_are_written_in_place(tmp_path: Path, monkeypatch):
    def no_fork():
        raise OSError("no process to spare")

    monkeypatch.setattr(publish_exports, "APART_FROM", 1)
    monkeypatch.setattr(process_copy.os, "fork", no_fork)
    site = build_sample(tmp_path, **PUBLISHED)
    assert "timeline.json" in exports(site.output)


@needs_fork
def test_a_copy_gives_back_what_its_work_returned_or_why_it_failed(forked):
    assert in_a_copy(lambda: "written\0twice")() == "written\0twice"

    def failing() -> str:
        raise ValueError("no room left")

    finished = in_a_copy(failing)
    for _ in range(2):  # asked twice, waited for once
        with pytest.raises(CopyFailed, match="ValueError: no room left"):
            finished()

    def vanishing() -> str:
        os._exit(3)

    with pytest.raises(CopyFailed, match="status 3"):
        in_a_copy(vanishing)()
    assert len(forked) == 3 and waited_for(forked)
