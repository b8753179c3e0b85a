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


def test_a_piece_rejected_after_being_accepted_stays_rejected_and_is_counted_once():
    ledger = Ledger()
    ledger.accept("article", "a.md")
    for key in ("a.md#events[0]", "a.md#events[1]"):
        ledger.accept("event", key)
    ledger.reject("event", "a.md#events[1]", [Problem("a.md", 9, "events[1].date", "impossible date")])
    ledger.accept("event", "a.md#events[1]")  # a later acceptance does not undo it
    assert ledger.is_rejected("event", "a.md#events[1]")
    assert not ledger.is_rejected("event", "a.md#events[0]") and not ledger.is_rejected("actor", "nobody")
    assert (ledger.count("event"), ledger.count("event", accepted=True), ledger.count("event", accepted=False)) == (
        2,
        1,
        1,
    )
    assert ledger.rejections == 1
    assert ledger.summary() == "timeline: 1 article, 1 event, 0 actors, 0 warnings, 1 rejection"
