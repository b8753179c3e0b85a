"""Hostile content in every field, every page opened in a real browser: nothing runs."""

from __future__ import annotations

import json

import pytest
import yaml

from browser_site import build, serve

# Each payload, if it ran, would call alert/console or set window.__pwned.
PAYLOADS = [
    "<script>window.__pwned=1;alert('XSS1')</script>",
    "<img src=x onerror=\"window.__pwned=2;alert('XSS2')\">",
    '<svg onload="window.__pwned=3"><circle r=1></svg>',
    "<svg><script>window.__pwned=4;console.log('XSS4')</script></svg>",
    '"><script>window.__pwned=5</script>',
    "'><img src=x onerror=window.__pwned=6>",
    "</script><script>window.__pwned=7;alert('XSS7')</script>",
    "<!--<script>window.__pwned=8</script>-->",
    '<iframe src="javascript:window.parent.__pwned=9"></iframe>',
    '<details open ontoggle="window.__pwned=10">x</details>',
    '" onmouseover="window.__pwned=11" x="',
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=12>",
    "\u2028</script><script>window.__pwned=13</script>",
    '<a href="javascript:window.__pwned=14">click</a>',
    "{{ 7*7 }}<script>window.__pwned=15</script>",
]
URLS = [
    "javascript:window.__pwned=101",
    "JaVaScRiPt:window.__pwned=102",
    "data:text/html,<script>window.__pwned=103</script>",
    "vbscript:msgbox(104)",
    " javascript:window.__pwned=105",
]
HOOKS = """
window.__seen = [];
for (const name of ['alert', 'confirm', 'prompt']) { window[name] = (m) => window.__seen.push(name + ':' + m); }
for (const name of ['log', 'info', 'warn', 'error']) {
  const original = console[name].bind(console);
  console[name] = (...args) => { window.__seen.push('console:' + args.join(' ')); original(...args); };
}
"""


def hostile_content() -> dict[str, str]:
    joined = " ".join(PAYLOADS)

    def front(data: dict, body: str = "") -> str:
        return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n"

    files = {
        "actors/villain.md": front(
            {"name": f"Villain {PAYLOADS[0]}", "type": "person", "aliases": PAYLOADS[:6]},
            "Bio " + joined + " [link](javascript:window.__pwned=201)",
        ),
        "actors/group-x.md": front({"name": PAYLOADS[6], "type": "group", "aliases": PAYLOADS[6:]}, joined),
    }
    for number, payload in enumerate(PAYLOADS):
        files[f"articles/a{number:02d}.md"] = front(
            {
                "title": f"Article {number} {payload}",
                "date": f"2017-08-{number + 1:02d}",
                "source": {"name": f"Outlet {payload}", "url": URLS[number % len(URLS)]},
                "dateline": payload,
                "authors": [payload],
                "tags": [f"tag {payload}"],
                "actors": ["villain", "group-x"],
                "summary": payload,
                "events": [
                    {
                        "date": f"2017-07-{number + 1:02d}",
                        "title": f"Event {number} {payload}",
                        "type": "statement",
                        "actors": [{"id": "villain", "role": "actor"}, "group-x"],
                        "location": payload,
                        "summary": f"Summary {payload} [x]({URLS[(number + 1) % len(URLS)]})",
                        "date_text": payload,
                        "sources": [URLS[(number + 2) % len(URLS)], "https://example.org/ok"],
                        "tags": [payload],
                    }
                ],
            },
            f"Body {payload}\n\n[click]({URLS[number % len(URLS)]})",
        )
    files["events/standalone.md"] = front(
        {"date": "2016", "title": PAYLOADS[12], "type": "protest", "actors": ["villain"], "location": PAYLOADS[13]},
        joined,
    )
    return files


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    for name, text in hostile_content().items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    build(content, root / "output")
    server = serve(root / "output")
    yield root / "output", f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_no_payload_runs_on_any_page(browser, hostile_site):
    output, base = hostile_site
    pages = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html") if "pagefind" not in p.parts)
    assert len(pages) > 40
    context = browser.new_context()
    context.add_init_script(HOOKS)
    dialogs: list[str] = []
    executed = []
    for path in pages:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{base}/{path}")
        page.wait_for_load_state("networkidle")
        state = page.evaluate("() => ({pwned: window.__pwned, seen: window.__seen})")
        if state["pwned"] is not None or any("XSS" in s or "pwned" in s for s in state["seen"]):
            executed.append((path, state))
        page.close()
    context.close()
    tried = len(PAYLOADS) + len(URLS)
    print(f"\n{tried} payloads placed in every field, {len(pages)} pages opened, {len(executed)} executed")
    assert executed == [] and dialogs == []


def test_json_data_in_pages_survives_breakout_attempts(browser, hostile_site):
    _output, base = hostile_site
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/timeline/")
    blocks = page.eval_on_selector_all('script[type="application/ld+json"]', "els => els.map(e => e.textContent)")
    for block in blocks:
        json.loads(block)  # every JSON-LD block is whole: nothing broke out of it
    context.close()
