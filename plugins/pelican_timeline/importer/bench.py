"""Import throughput: pages per second on one core, with a registry of N site actors.

    python -m pelican_timeline.importer.bench tests/importer/devset --pages 1000 --actors 1000

The pages are the dev set's, cycled, each copy's paragraphs made distinct (so that
nothing learnt from one copy can be reused for the next, as it could not be for
real pages; site chrome stays identical, as it is across a site's pages); the
registry holds the country and
organisation tables plus N generated person profiles, as a large site would.
Everything runs in this one process (one core); drafts are rendered but not
written, so the figure is the importer's own work, not the disk's.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import tempfile
import time
from pathlib import Path

from . import build_draft
from .actors import site_registry, world_registry
from .draft import render

FIRST = "Anna Boris Chen David Elena Farid Grace Hiro Ivan Jamal Kim Lena Marco Nadia Omar Pavel Rosa Sergei Tariq Yuki"
LAST = (
    "Abe Bauer Costa Diaz Evans Fischer Garcia Haddad Ivanov Jensen Kowalski Lee Moreau Novak Okafor Petrov Quinn Rossi"
)


def write_profiles(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    names = [f"{f} {m}. {last}" for f, m, last in itertools.product(FIRST.split(), "ABCDEFGHJKLMNPRSTW", LAST.split())]
    for number, name in enumerate(rng.sample(names, count)):
        surname = name.split()[-1]
        (folder / f"person-{number:05d}.md").write_text(
            f"---\nname: {name}\ntype: person\naliases: [{surname} {number}]\n---\n", encoding="utf-8"
        )


def distinct(raw: bytes, number: int) -> bytes:
    """The same page with every paragraph changed: a sentence naming the copy is added."""
    # Letters, not digits: a number would add a date-like token to every paragraph.
    tag = "".join(chr(ord("a") + int(d)) for d in str(number))
    marker = f" Copy {tag} of this report.".encode()
    if b"</p>" in raw:
        return raw.replace(b"</p>", marker + b"</p>")
    return b"\n".join(line + marker if len(line.split()) >= 12 else line for line in raw.split(b"\n"))


def run(pages_folder: Path, pages: int, actors: int) -> dict:
    inputs = sorted(p for p in pages_folder.iterdir() if p.suffix in (".txt", ".html"))
    raws = [p.read_bytes() for p in inputs]
    with tempfile.TemporaryDirectory() as folder:
        write_profiles(Path(folder), actors)
        started = time.perf_counter()
        registry = site_registry(folder, world_registry())
        setup = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), time.process_time()
    events = 0
    for number, raw in enumerate(itertools.islice(itertools.cycle(raws), pages)):
        draft = build_draft(distinct(raw, number), registry)
        render(draft)
        events += len(draft.events)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {
        "cpu_seconds": cpu,
        "pages_per_cpu_second": pages / cpu,
        "pages": pages,
        "distinct_pages": len(raws),
        "registry_actors": len(registry.actors),
        "seconds": elapsed,
        "pages_per_second": pages / elapsed,
        "events": events,
        "registry_seconds": setup,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench-import", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--actors", type=int, default=1000, help="site actor profiles in the registry")
    parser.add_argument("--repeat", type=int, default=1, help="runs; the median is reported last")
    args = parser.parse_args(argv)
    rates = []
    for _ in range(args.repeat):
        result = run(args.folder, args.pages, args.actors)
        rates.append(result["pages_per_second"])
        report(result)
    if args.repeat > 1:
        print(
            f"median of {args.repeat} runs: {statistics.median(rates):.0f} pages/s (range {min(rates):.0f}-{max(rates):.0f})"
        )
    return 0


def report(result: dict) -> None:
    print(
        f"imported {result['pages']} pages ({result['distinct_pages']} distinct) in {result['seconds']:.2f} s "
        f"on one core: {result['pages_per_second']:.0f} pages/s wall-clock, "
        f"{result['pages_per_cpu_second']:.0f} pages per CPU-second; {result['events']} events; "
        f"registry of {result['registry_actors']} actors built in {result['registry_seconds']:.2f} s"
    )


if __name__ == "__main__":
    raise SystemExit(main())
