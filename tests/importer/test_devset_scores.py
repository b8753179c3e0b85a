"""The importer keeps its accuracy on the dev set of real pages (see devset/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pelican_timeline.importer.scoring import TARGETS, report, score

DEVSET = Path(__file__).parent / "devset"


@pytest.fixture(scope="module")
def totals():
    return score(DEVSET)


def test_the_dev_set_is_large_and_varied(totals):
    assert len(totals.pages) >= 15
    formats = {p.suffix for p in DEVSET.iterdir() if p.suffix in (".txt", ".html")}
    assert formats == {".txt", ".html"}


@pytest.mark.parametrize("measure", sorted(TARGETS))
def test_accuracy_meets_its_target(totals, measure):
    rates = totals.rates()
    assert rates[measure] >= TARGETS[measure], report(totals, verbose=True)
