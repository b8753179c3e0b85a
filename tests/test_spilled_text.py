"""Rendered pieces kept in a file: read back as written, in memory when no file can be used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pelican_timeline import spilled_text
from pelican_timeline.spilled_text import SpilledText
from sitekit import actor_file, event_file

TEXTS = ["<p>Ministers &amp; envoys</p>", "", "Лавров — 外交 ✓ 🛰️", "x" * 70_000]


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


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


def written(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def test_pages_show_events_read_back_from_the_file_and_match_a_build_in_memory(make_site, monkeypatch):
    reads = []
    real_get = SpilledText.get

    def counting_get(self, handle):
        reads.append((self.in_file, handle >= 0))
        return real_get(self, handle)

    monkeypatch.setattr(SpilledText, "get", counting_get)
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


def test_a_handle_used_after_closing_fails_rather_than_reading_another_file(tmp_path):
    store = SpilledText(str(tmp_path))
    handle = store.put("<p>an event</p>")
    store.close()
    other = (tmp_path / "other.txt").open("w")  # may be given the closed file's number
    try:
        with pytest.raises(OSError):
            store.get(handle)
    finally:
        other.close()
