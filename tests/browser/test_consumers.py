"""Exports read by a real consumer in the browser: Knight Lab's TimelineJS 3."""

from __future__ import annotations

import json
import shutil
import urllib.request

from browser_site import ROOT, serve

TIMELINEJS = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="/tl/css/timeline.css"><script src="/tl/js/timeline.js"></script></head>
<body><div id="timeline" style="width: 1000px; height: 600px"></div>
<script>
window.timeline = new TL.Timeline("timeline", "/timelinejs.json", {script_path: "/tl/js/", font: null});
</script></body></html>"""


def test_timelinejs_turns_every_event_into_a_slide(browser, tmp_path, sample_site_url):
    site = tmp_path / "site"
    site.mkdir()
    for name in ("timelinejs.json", "timeline.json"):
        with urllib.request.urlopen(f"{sample_site_url}/{name}") as response:
            (site / name).write_bytes(response.read())
    titles = sorted(e["title"] for e in json.loads((site / "timeline.json").read_text())["events"])
    shutil.copytree(TIMELINEJS, site / "tl")
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    server = serve(site)
    context = browser.new_context(viewport={"width": 1100, "height": 700})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
    page.wait_for_function("() => document.querySelectorAll('.tl-timemarker').length > 0", timeout=20000)
    markers = page.evaluate("() => document.querySelectorAll('.tl-timemarker').length")
    slides = page.evaluate("() => document.querySelectorAll('.tl-slide:not(.tl-slide-titleslide)').length")
    headlines = page.evaluate(
        "() => Array.from(document.querySelectorAll('.tl-slide:not(.tl-slide-titleslide) .tl-headline')).map(h => h.textContent.trim())"
    )
    context.close()
    server.shutdown()
    assert errors == []
    assert markers == slides == len(titles) == 23
    assert sorted(headlines) == titles
