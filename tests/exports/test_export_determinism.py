"""Two builds of the same content give byte-identical exports."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from export_helpers import DATES, HOSTILE, SITE_NAME, SITE_URL, build
from pelican_timeline.exports.catalog_json import catalog_json
from pelican_timeline.exports.feeds import timeline_feeds
from pelican_timeline.exports.ical import calendar_ics
from pelican_timeline.exports.jsonld import actor_ld, article_ld, event_ld, graph, script_tag
from pelican_timeline.exports.tables import event_actors_csv, events_csv
from pelican_timeline.exports.timelinejs import timelinejs_json

HERE = Path(__file__).resolve().parent


def every_export(built) -> dict[str, bytes]:
    catalog, common = built.catalog, built.common
    outputs = {
        "timeline.json": catalog_json(catalog, **common, site_name=SITE_NAME),
        "timelinejs.json": timelinejs_json(catalog, **common, title=SITE_NAME),
        "events.csv": events_csv(catalog, **common),
        "event-actors.csv": event_actors_csv(catalog),
        "events.ics": calendar_ics(
            catalog.events, catalog, SITE_NAME, SITE_URL, built.urls, article_urls=built.article_urls
        ),
        "jsonld": script_tag(
            graph(
                [event_ld(e, catalog, **common) for e in catalog.events]
                + [actor_ld(a, catalog, site_url=SITE_URL, urls=built.urls) for a in catalog.actors.values()]
                + [
                    article_ld(r, catalog, site_url=SITE_URL, urls=built.urls, article_url=built.article_urls[p])
                    for p, r in catalog.articles.items()
                ]
            )
        ),
        **timeline_feeds(catalog, site_name=SITE_NAME, **common),
    }
    return {name: value if isinstance(value, bytes) else value.encode("utf-8") for name, value in outputs.items()}


def test_each_export_is_the_same_twice_from_one_catalog(tmp_path):
    built = build(tmp_path, {**DATES, **HOSTILE})
    assert every_export(built) == every_export(built)


def test_each_export_is_the_same_from_two_reads_of_the_content(tmp_path):
    first = build(tmp_path / "first", {**DATES, **HOSTILE})
    second = build(tmp_path / "first", {})  # the same folder, read again
    assert every_export(first) == every_export(second)


DIGEST_SCRIPT = """
import hashlib, sys
from pathlib import Path
from export_helpers import build_from
from test_export_determinism import every_export
for name, data in sorted(every_export(build_from(Path(sys.argv[1]))).items()):
    print(name, hashlib.sha256(data).hexdigest())
"""


def test_exports_do_not_depend_on_hash_seeds_or_the_process(tmp_path):
    built = build(tmp_path, {**DATES, **HOSTILE})
    expected = "".join(
        f"{name} {hashlib.sha256(data).hexdigest()}\n" for name, data in sorted(every_export(built).items())
    )
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", DIGEST_SCRIPT, str(tmp_path / "content")],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent)])},
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected
