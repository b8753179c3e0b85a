"""Build benchmark: our plugin against plain Pelican on the same articles.

    python benchmarks/build_bench.py --articles 5000 --actors 1000

Generates N synthetic articles (about three events each, mixed precisions and
ranges, from a pool of actors; deterministic from the seed), then, on this
machine in this run:

1. plain Pelican on the same articles written with Pelican's native metadata,
   no plugin (the baseline), as a full build without content cache;
2. our build (strict), the same way (what `make html` does);
3. the devserver loop on both sides: a build with Pelican's content cache on,
   then a rebuild after editing one article's text, and (ours) after editing
   one event's title;
4. ``timeline check`` on the same content;
5. both builds again at 2N.

Each build runs in a fresh process; wall time comes from the clock and peak
memory from the kernel's accounting of that process (``wait4``). The search
index (Pagefind) is timed separately, since plain Pelican has none.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from pelican_timeline.synthetic import generate  # noqa: E402

PELICAN = str(Path(sys.executable).parent / "pelican")
TIMELINE = str(Path(sys.executable).parent / "timeline")
FIELD = re.compile(r"^(title|date): (.*)$", re.M)


def native_copy(text: str) -> str:
    """The same article as plain Pelican Markdown metadata: no events, no actors."""
    front, body = text.split("\n---\n", 1)
    values = dict(FIELD.findall(front))
    tags = re.search(r"^tags: \[(.*)\]$", front, re.M)
    return f"Title: {values['title']}\nDate: {values['date']}\nTags: {tags.group(1) if tags else ''}\n\n{body}"


def write(folder: Path, files: dict[str, str], native: bool) -> None:
    for name, text in files.items():
        if native and not name.startswith("articles/"):
            continue
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(native_copy(text) if native else text, encoding="utf-8")


PLAIN_CONF = """
SITENAME = "Plain"
PATH = "content"
ARTICLE_PATHS = ["articles"]
ARTICLE_URL = "articles/{{slug}}/"
ARTICLE_SAVE_AS = "articles/{{slug}}/index.html"
TIMEZONE = "UTC"
DEFAULT_PAGINATION = 20
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""

OUR_CONF = """
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *
PATH = "content"
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
TIMELINE_SEARCH = False
"""


class Run(NamedTuple):
    seconds: float  # wall clock
    mib: int  # peak resident memory
    cpu: float  # user + system seconds, printed beside wall time as a cross-check


def run(command: list[str], cwd: Path) -> Run:
    """Wall seconds, peak resident memory and CPU seconds of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    out, err = process.stdout.read().decode(), process.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{out[-2000:]}\n{err[-2000:]}")
    return Run(elapsed, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime)


def site(folder: Path, files: dict[str, str], native: bool) -> Path:
    write(folder / "content", files, native)
    conf = PLAIN_CONF if native else OUR_CONF
    (folder / "conf.py").write_text(
        textwrap.dedent(conf.format(root=str(ROOT), theme=str(ROOT / "theme"), plugins=str(ROOT / "plugins")))
    )
    return folder


def timed_check(folder: Path) -> float:
    """Seconds for one `timeline check` (the first one also writes its cache of verdicts)."""
    started = time.perf_counter()
    subprocess.run([TIMELINE, "check", "--settings", "conf.py"], cwd=folder, capture_output=True, check=True)
    return time.perf_counter() - started


def largest_page(output: Path) -> tuple[int, str]:
    size, path = max((p.stat().st_size, str(p.relative_to(output))) for p in output.rglob("*.html"))
    return size, path


BUILD = [PELICAN, "content", "-o", "output", "-s", "conf.py", "-q"]
# What `make devserver` adds: Pelican's content cache, read and written.
WITH_CACHE = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]


def edit_article_text(folder: Path) -> Path:
    touched = sorted((folder / "content" / "articles").rglob("*.md"))[0]
    touched.write_text(touched.read_text().replace("A second paragraph.", "A second paragraph, edited."))
    return touched


def measure(articles: int, actors: int, seed: int, work: Path, *, warm: bool) -> dict:
    files = generate(articles, n_actors=actors, seed=seed)
    plain = site(work / f"plain-{articles}", files, native=True)
    ours = site(work / f"ours-{articles}", files, native=False)
    result = {"articles": articles, "events": sum(t.count("\n  - date:") for t in files.values())}
    # The full build, as `make html` makes it (and Pelican by default): no content cache.
    result["plain_s"], result["plain_mib"], result["plain_cpu"] = run(BUILD, plain)
    result["ours_s"], result["ours_mib"], result["ours_cpu"] = run(BUILD, ours)
    result["largest"] = largest_page(ours / "output")
    if warm:
        # The devserver loop, on both sides: a build that fills the cache, an edit, a rebuild.
        for folder in (plain, ours):
            shutil.rmtree(folder / "output")
        run(BUILD + WITH_CACHE, plain)
        result["ours_cached_s"], result["ours_cached_mib"], _ = run(BUILD + WITH_CACHE, ours)
        edit_article_text(plain)
        touched = edit_article_text(ours)
        result["plain_warm_s"] = run(BUILD + WITH_CACHE, plain).seconds
        result["warm_s"], _, result["warm_cpu"] = run(BUILD + WITH_CACHE, ours)
        touched.write_text(touched.read_text().replace("    title: ", "    title: Revised ", 1))
        result["warm_event_s"] = run(BUILD + WITH_CACHE, ours).seconds
        result["check_s"] = timed_check(ours)
        touched.write_text(touched.read_text().replace("edited.", "edited twice."))
        result["check_again_s"] = timed_check(ours)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pagefind", "--site", "output", "--quiet"], cwd=ours, check=True)
        result["search_s"] = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--actors", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the generated sites (printed path)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    try:
        first = measure(args.articles, args.actors, args.seed, work, warm=True)
        double = measure(2 * args.articles, args.actors, args.seed, work, warm=False)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    for result in (first, double):
        print(
            f"N = {result['articles']:,} articles ({result['events']:,} events, {args.actors:,} actors): "
            f"plain Pelican {result['plain_s']:.1f} s, {result['plain_mib']} MiB; "
            f"timeline {result['ours_s']:.1f} s, {result['ours_mib']} MiB; "
            f"ratio {result['ours_s'] / result['plain_s']:.2f}× time, {result['ours_mib'] / result['plain_mib']:.2f}× memory; "
            f"CPU {result['plain_cpu']:.1f} s and {result['ours_cpu']:.1f} s, {result['ours_cpu'] / result['plain_cpu']:.2f}×; "
            f"largest page {result['largest'][0]:,} bytes ({result['largest'][1]})"
        )
    print(
        f"devserver loop at N = {first['articles']:,}: a build with the content cache on "
        f"{first['ours_cached_s']:.1f} s, {first['ours_cached_mib']} MiB; rebuild after editing one article's text "
        f"{first['warm_s']:.1f} s ({first['warm_s'] / first['ours_s']:.2f}× our full build, "
        f"{first['warm_s'] / first['ours_cached_s']:.2f}× the cached one; by CPU time "
        f"{first['warm_cpu'] / first['ours_cpu']:.2f}× our full build; plain Pelican {first['plain_warm_s']:.1f} s)"
    )
    print(
        f"rebuild after editing the title of one event: {first['warm_event_s']:.1f} s "
        f"({first['warm_event_s'] / first['ours_s']:.2f}× our full build)"
    )
    print(
        f"timeline check at N = {first['articles']:,}: {first['check_s']:.2f} s first, "
        f"{first['check_again_s']:.2f} s again after editing one article"
    )
    print(f"search index (Pagefind) at N = {first['articles']:,}: {first['search_s']:.1f} s more")
    print(
        f"doubling N: plain Pelican {double['plain_s'] / first['plain_s']:.2f}×, "
        f"timeline {double['ours_s'] / first['ours_s']:.2f}×"
    )
    if args.keep:
        print(f"sites kept in {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
