"""Accessibility and layout in a real browser: axe-core, keyboard, narrow and wide screens."""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ARTICLE = "articles/escalation-on-korean-peninsula-due-to-us-military-buildup-unacceptable-lavrov/"
PAGES = {
    "timeline": "timeline/",
    "year page": "timeline/2017/",
    "actor page": "actors/sergey-lavrov/",
    "actor index": "actors/",
    "article page": ARTICLE,
    "search": "search/?q=sanctions",
}


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_serious_or_critical_accessibility_violations(page, sample_site_url, kind):
    page.goto(f"{sample_site_url}/{PAGES[kind]}")
    if kind == "search":
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    violations = axe_violations(page)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    print(f"\naxe-core on the {kind}: {len(violations)} violations, {len(serious)} serious or critical: {violations}")
    assert serious == []


KEY = """el => { el.dataset.kbd = el.dataset.kbd || String(Math.random()); return el.dataset.kbd; }"""


def test_keyboard_alone_reaches_every_control(page, sample_site_url):
    page.goto(f"{sample_site_url}/timeline/")
    # Every visible control, each marked so that it can be recognised when it takes the focus.
    controls = set(
        page.evaluate(
            f"""() => Array.from(document.querySelectorAll('a[href], button, select, input, summary'))
                  .filter(el => el.getClientRects().length > 0)
                  // Inside a closed <details> only its summary can take the focus; opening it reveals the rest.
                  .filter(el => el.tagName === 'SUMMARY' || !el.closest('details:not([open])'))
                  .map({KEY})"""
        )
    )
    reached = set()
    for _ in range(len(controls) + 10):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => document.activeElement && document.activeElement.dataset.kbd"))
    missing = page.evaluate(
        "keys => Array.from(document.querySelectorAll('[data-kbd]')).filter(el => keys.includes(el.dataset.kbd))"
        ".map(el => el.outerHTML.slice(0, 80))",
        sorted(controls - reached),
    )
    assert len(controls) > 50
    assert missing == []


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_horizontal_scrolling(browser, sample_site_url, width, kind):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{sample_site_url}/{PAGES[kind]}")
    if kind == "search":
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0, f"{kind} at {width}px scrolls sideways by {overflow}px"
