"""Small helpers shared by the browser tests."""

from __future__ import annotations


def visible_event_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "li.event", "items => items.filter(i => !i.hidden && i.offsetParent !== null).map(i => i.dataset.event)"
    )
