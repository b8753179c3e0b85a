"""The ledger keeps every problem once, in the order it was found."""

from __future__ import annotations

from pelican_timeline import ledger as ledger_module
from pelican_timeline.ledger import WARNING, Ledger, Problem


def test_a_problem_reported_twice_is_kept_once_in_the_order_found():
    ledger = Ledger()
    first, second = Problem("a.md", 2, "date", "bad"), Problem("b.md", None, "", "odd", WARNING)
    ledger.add([first])
    ledger.reject("event", "a.md#events[0]", [first, second])
    ledger.add([Problem("a.md", 2, "date", "bad")])
    assert ledger.problems == [first, second]
    assert ledger.warnings == [second]
    assert ledger.is_rejected("event", "a.md#events[0]")


def test_reporting_grows_with_the_problems_not_with_their_square(monkeypatch):
    # A site with a warning in each of its files must not make each report look
    # through all earlier ones: count how often problems are hashed.
    hashes = 0
    original = ledger_module.Problem.__hash__

    def counted(self):
        nonlocal hashes
        hashes += 1
        return original(self)

    monkeypatch.setattr(ledger_module.Problem, "__hash__", counted)
    ledger = Ledger()
    count = 2_000
    for index in range(count):
        ledger.add([Problem(f"articles/{index}.md", 3, "actors[0]", "unknown actor 'x'", WARNING)])
    assert len(ledger.problems) == count
    assert hashes <= 3 * count
