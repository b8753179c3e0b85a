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
memory from the kernel's accounting of that process (``wait4``). Every
measurement is taken in turns (``--repeats``, 3 by default), plain Pelican and
ours alternating, and reported as the median with its range; a ratio is the
median of the turns' ratios. The search index (Pagefind) is timed separately,
since plain Pelican has none.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
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


def largest_page(output: Path) -> tuple[int, str]:
    size, path = max((p.stat().st_size, str(p.relative_to(output))) for p in output.rglob("*.html"))
    return size, path


BUILD = [PELICAN, "content", "-o", "output", "-s", "conf.py", "-q"]
# What `make devserver` adds: Pelican's content cache, read and written (uncompressed: it is read and
# written whole on every rebuild, and gzip took about half a second of that at N = 5,000).
WITH_CACHE = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", "GZIP_CACHE=false"]


def edit_article_text(folder: Path, count: int) -> Path:
    touched = sorted((folder / "content" / "articles").rglob("*.md"))[0]
    text = touched.read_text()
    touched.write_text(text.replace("A second paragraph", f"A second paragraph (edit {count})", 1))
    return touched


def edit_event_title(touched: Path, count: int) -> None:
    touched.write_text(touched.read_text().replace("    title: ", f"    title: Revised {count} ", 1))


def median(values: list[float]) -> float:
    return statistics.median(values)


def interleaved(repeats: int, steps: dict[str, Callable[[int], Run]]) -> dict[str, list[Run]]:
    """Each step run ``repeats`` times, the steps taking turns: this machine's speed drifts
    within minutes, and taking turns spreads the drift over both sides of every ratio."""
    runs: dict[str, list[Run]] = {name: [] for name in steps}
    for count in range(repeats):
        for name, step in steps.items():
            runs[name].append(step(count))
    return runs


def full_build(folder: Path, extra: list[str] | None = None) -> Callable[[int], Run]:
    def step(_count: int) -> Run:
        shutil.rmtree(folder / "output", ignore_errors=True)
        shutil.rmtree(folder / "cache", ignore_errors=True)
        # Deleting the last output (300 MB on our side at N = 5,000) leaves the disk work
        # to the kernel, which would otherwise do it during the timed build that follows.
        os.sync()
        return run(BUILD + (extra or []), folder)

    return step


def ratios(runs: dict[str, list[Run]], top: str, bottom: str) -> float:
    """The median of the ratios of each turn's pair."""
    return median([a.seconds / b.seconds for a, b in zip(runs[top], runs[bottom], strict=True)])


def measure(articles: int, actors: int, seed: int, work: Path, *, repeats: int, warm: bool) -> dict:
    files = generate(articles, n_actors=actors, seed=seed)
    plain = site(work / f"plain-{articles}", files, native=True)
    ours = site(work / f"ours-{articles}", files, native=False)
    result = {"articles": articles, "events": sum(t.count("\n  - date:") for t in files.values())}
    # The full build, as `make html` makes it (and Pelican by default): no content cache.
    result["full"] = interleaved(repeats, {"plain": full_build(plain), "ours": full_build(ours)})
    result["largest"] = largest_page(ours / "output")
    if not warm:
        return result
    # The devserver loop, on both sides: a build that fills the cache, then edits and rebuilds.
    cached = interleaved(1, {"plain": full_build(plain, WITH_CACHE), "ours": full_build(ours, WITH_CACHE)})
    result["cached"] = cached["ours"][0]
    touched = {}

    def rebuild_after_text_edit(folder: Path) -> Callable[[int], Run]:
        def step(count: int) -> Run:
            touched[folder] = edit_article_text(folder, count)
            return run(BUILD + WITH_CACHE, folder)

        return step

    def rebuild_after_title_edit(count: int) -> Run:
        edit_event_title(touched[ours], count)
        return run(BUILD + WITH_CACHE, ours)

    result["warm"] = interleaved(
        repeats,
        {
            "plain": rebuild_after_text_edit(plain),
            "ours": rebuild_after_text_edit(ours),
            "ours_event": rebuild_after_title_edit,
        },
    )

    def first_check(_count: int) -> Run:
        (ours / "cache" / "timeline-check.pickle").unlink(missing_ok=True)
        return run([TIMELINE, "check", "--settings", "conf.py"], ours)

    def check_after_edit(count: int) -> Run:
        edit_article_text(ours, 100 + count)
        return run([TIMELINE, "check", "--settings", "conf.py"], ours)

    result["check"] = interleaved(repeats, {"first": first_check, "again": check_after_edit})
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", "output", "--quiet"], cwd=ours, check=True)
    result["search_s"] = time.perf_counter() - started
    return result


def seconds(runs: list[Run], digits: int = 1) -> str:
    """ "13.7 s (13.2–14.9)": the median and the range of the turns."""
    values = [r.seconds for r in runs]
    return f"{median(values):.{digits}f} s ({min(values):.{digits}f}–{max(values):.{digits}f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--actors", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3, help="turns of each measurement (default: %(default)s)")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites (printed path)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    try:
        first = measure(args.articles, args.actors, args.seed, work, repeats=args.repeats, warm=True)
        double = measure(2 * args.articles, args.actors, args.seed, work, repeats=args.repeats, warm=False)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{args.repeats} turns of each measurement, plain Pelican and ours taking turns; medians (range)")
    for result in (first, double):
        full = result["full"]
        plain_mib = max(r.mib for r in full["plain"])
        ours_mib = max(r.mib for r in full["ours"])
        cpu = median([a.cpu / b.cpu for a, b in zip(full["ours"], full["plain"], strict=True)])
        print(
            f"N = {result['articles']:,} articles ({result['events']:,} events, {args.actors:,} actors): "
            f"plain Pelican {seconds(full['plain'])}, {plain_mib} MiB; timeline {seconds(full['ours'])}, {ours_mib} MiB; "
            f"ratio {ratios(full, 'ours', 'plain'):.2f}× time (by CPU time {cpu:.2f}×), "
            f"{ours_mib / plain_mib:.2f}× memory; largest page {result['largest'][0]:,} bytes ({result['largest'][1]})"
        )
    ours_full = median([r.seconds for r in first["full"]["ours"]])
    warm = first["warm"]
    print(
        f"devserver loop at N = {first['articles']:,}: a build with the content cache on "
        f"{first['cached'].seconds:.1f} s, {first['cached'].mib} MiB; rebuild after editing one article's text "
        f"{seconds(warm['ours'])} = {median([r.seconds for r in warm['ours']]) / ours_full:.2f}× our full build "
        f"(plain Pelican's own rebuild {seconds(warm['plain'])}; ours over plain's, turn by turn, "
        f"{ratios(warm, 'ours', 'plain'):.2f}×)"
    )
    print(
        f"rebuild after editing the title of one event: {seconds(warm['ours_event'])} = "
        f"{median([r.seconds for r in warm['ours_event']]) / ours_full:.2f}× our full build"
    )
    print(
        f"timeline check at N = {first['articles']:,}: {seconds(first['check']['first'], 2)} first (no cache), "
        f"{seconds(first['check']['again'], 2)} after editing one article"
    )
    print(f"search index (Pagefind) at N = {first['articles']:,}: {first['search_s']:.1f} s more")
    print(
        "doubling N: plain Pelican "
        f"{median([r.seconds for r in double['full']['plain']]) / median([r.seconds for r in first['full']['plain']]):.2f}×, "
        f"timeline {median([r.seconds for r in double['full']['ours']]) / ours_full:.2f}×"
    )
    if args.keep:
        print(f"sites kept in {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
