"""What a build keeps is set aside from the cyclic garbage collector, and handed back."""

from __future__ import annotations

import gc

from pelican import signals

from pelican_timeline import heap
from sitekit import build_sample


def test_files_read_are_set_aside_in_batches_and_handed_back(monkeypatch):
    monkeypatch.setattr(heap, "BATCH", 3)
    heap.hand_back()
    kept = [[object()] for _ in range(10)]
    heap.after_reading()
    heap.after_reading()
    assert gc.get_freeze_count() == 0
    heap.after_reading()
    assert gc.get_freeze_count() >= len(kept)
    heap.hand_back()
    assert gc.get_freeze_count() == 0


def test_young_garbage_cycles_are_collected_before_setting_aside():
    heap.hand_back()
    collected = []
    cycle = [None]
    cycle[0] = cycle
    gc.callbacks.append(lambda phase, info: collected.append(info["collected"]) if phase == "stop" else None)
    try:
        del cycle
        heap.set_aside()
    finally:
        gc.callbacks.pop()
        heap.hand_back()
    assert sum(collected) >= 1


def test_a_build_sets_its_records_aside_and_the_next_build_hands_them_back(tmp_path):
    heap.hand_back()
    seen_when_generators_start = []

    def note(generator) -> None:
        seen_when_generators_start.append(gc.get_freeze_count())

    signals.generator_init.connect(note)
    try:
        build_sample(tmp_path / "one")
        after_first = gc.get_freeze_count()
        build_sample(tmp_path / "two")
    finally:
        signals.generator_init.disconnect(note)
        heap.hand_back()
    assert after_first > 0, "the first build left its records set aside"
    # Each build starts with everything handed back: none set aside when its generators are made.
    assert seen_when_generators_start
    assert set(seen_when_generators_start) == {0}
