"""Rendered pieces kept in a file: read back as written, in memory when no file can be used."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment

from pelican_timeline import spilled_text
from pelican_timeline.build_log import current_build, start_build
from pelican_timeline.fragments import Fragments
from pelican_timeline.plugin import begin_build
from pelican_timeline.spilled_text import SpilledText
from sitekit import actor_file, event_file

TEXTS = ["<p>Ministers &amp; envoys</p>", "", "Лавров — 外交 ✓ 🛰️", "x" * 70_000]
# Windows has no pread (text is then kept in memory), and only Linux lists a process's files in /proc.
needs_pread = pytest.mark.skipif(not hasattr(os, "pread"), reason="no os.pread: text is kept in memory")
needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="no /proc/self/fd")


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def files_open_in(folder: Path) -> list[str]:
    """What this process has open in ``folder`` (an unnamed file shows as ``folder/#123 (deleted)``)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # the descriptor listdir itself used, closed since
            continue
        if target.startswith(f"{folder}{os.sep}"):
            found.append(target)
    return found


@needs_pread
@needs_proc
def test_text_comes_back_as_written_and_the_file_has_no_name(tmp_path):
    folder = tmp_path / "cache"
    before = open_descriptors()
    store = SpilledText(str(folder))
    handles = [store.put(text) for text in TEXTS]
    assert store.in_file and all(handle >= 0 for handle in handles)
    assert [store.get(handle) for handle in reversed(handles)] == TEXTS[::-1]
    assert [store.get(handle) for handle in handles] == TEXTS  # any order, any number of times
    assert folder.is_dir() and list(folder.iterdir()) == []  # nothing left behind, even if killed
    store.close()
    assert open_descriptors() == before


@needs_pread
def test_a_write_that_fails_keeps_the_rest_in_memory(tmp_path, monkeypatch):
    store = SpilledText(str(tmp_path))
    first = store.put(TEXTS[0])
    real_write = os.write

    def full_disk(fd, data):
        real_write(fd, bytes(data[:3]))  # part of it went in before the disk filled up
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(spilled_text.os, "write", full_disk)
    later = [store.put(text) for text in TEXTS]
    assert not store.in_file and all(handle < 0 for handle in later)
    monkeypatch.setattr(spilled_text.os, "write", real_write)
    assert store.get(first) == TEXTS[0]
    assert [store.get(handle) for handle in later] == TEXTS


def test_without_pread_or_a_usable_folder_text_is_kept_in_memory(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    unusable = SpilledText(str(blocked / "cache"))  # cannot be made: a file is in the way
    monkeypatch.delattr(spilled_text.os, "pread")
    no_pread = SpilledText(str(tmp_path / "cache"))
    for store in (unusable, no_pread):
        handles = [store.put(text) for text in TEXTS]
        assert not store.in_file and all(handle < 0 for handle in handles)
        assert [store.get(handle) for handle in handles] == TEXTS


def test_without_a_folder_text_is_kept_in_memory_not_in_the_system_temporary_folder():
    store = SpilledText(None)
    handles = [store.put(text) for text in TEXTS]
    assert not store.in_file and [store.get(handle) for handle in handles] == TEXTS


@needs_pread
def test_a_file_cut_short_is_an_error_not_missing_text(tmp_path):
    store = SpilledText(str(tmp_path))
    handle = store.put("<p>an event</p>")
    os.ftruncate(store._fd, 4)
    with pytest.raises(OSError, match="cut short"):
        store.get(handle)


SITE = {
    "actors/lavrov.md": actor_file("Sergey Lavrov"),
    "actors/tillerson.md": actor_file("Rex Tillerson"),
    "events/a.md": event_file("2016-03-01", "Talks in Vienna", actors="[lavrov, tillerson]"),
    "events/b.md": event_file("2017-08-05", "Meeting in Manila", actors="[lavrov]"),
}


def spy(monkeypatch, method: str, note) -> None:
    """Have ``note(store, *arguments)`` called after each call of ``SpilledText.<method>``."""
    real = getattr(SpilledText, method)

    def spied(self, *arguments):
        result = real(self, *arguments)
        note(self, *arguments)
        return result

    monkeypatch.setattr(SpilledText, method, spied)


def written(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


@needs_pread
@needs_proc
def test_pages_show_events_read_back_from_the_file_and_match_a_build_in_memory(make_site, monkeypatch):
    reads = []
    spy(monkeypatch, "get", lambda store, handle: reads.append((store.in_file, handle >= 0)))
    in_file = make_site(SITE, name="in-file")
    # Each event is rendered once and read back for every other page that lists it:
    # the timeline, its year, its type and each of its actors' pages.
    assert len(reads) >= 6 and all(reads[0] == (True, True) == read for read in reads)
    assert "Talks in Vienna" in in_file.html("actors/tillerson/").get_text()
    monkeypatch.delattr(spilled_text.os, "pread")
    reads.clear()
    in_memory = make_site(SITE, name="in-memory")
    assert reads and all(read == (False, False) for read in reads)
    assert written(in_file.output) == written(in_memory.output)


@needs_pread
def test_a_handle_used_after_closing_fails_rather_than_reading_another_file(tmp_path):
    store = SpilledText(str(tmp_path))
    handle = store.put("<p>an event</p>")
    store.close()
    other = tmp_path / "other.txt"
    other.write_bytes(b"<p>something else entirely</p>")
    with other.open("rb") as reopened:  # given the closed file's number, the lowest free one
        with pytest.raises(OSError):
            store.get(handle)
        assert reopened.read(3) == b"<p>"


@needs_pread
@needs_proc
def test_the_build_keeps_its_file_in_the_cache_folder_and_closes_it(make_site, monkeypatch):
    seen = []
    spy(monkeypatch, "__init__", lambda store, _folder: seen.append((store, os.readlink(f"/proc/self/fd/{store._fd}"))))
    site = make_site(SITE)
    cache = site.root / "cache"
    [(store, where)] = seen
    assert where.startswith(f"{cache}{os.sep}") and "(deleted)" in where  # no name in the folder
    assert not store.in_file and files_open_in(cache) == []
    assert "Talks in Vienna" in site.html("timeline/").get_text()


@needs_pread
@needs_proc
def test_a_run_that_ended_early_has_its_file_closed_when_the_next_begins(tmp_path):
    # A build that fails after its pages were planned never reaches its end; in
    # `make devserver` the process goes on to the next build.
    cache = tmp_path / "cache"
    failed = start_build(str(tmp_path))
    failed.fragments = Fragments(lambda name: Environment().from_string("<li>an event</li>"), {}, str(cache))
    failed.fragments._render_spilled(failed.fragments._events, "e", "t")  # a piece written before it failed
    assert len(files_open_in(cache)) == 1
    begin_build(SimpleNamespace(settings={"PATH": str(tmp_path)}))
    assert current_build() is not failed
    assert files_open_in(cache) == []
