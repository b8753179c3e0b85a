"""Catalogs for the export tests, read from small content folders without Pelican.

``build(tmp_path, files)`` writes the files, reads them with the same readers
the generator uses and returns the catalog with the addresses the exports
need. ``DATES`` covers every precision and interval form; ``HOSTILE`` carries
markup, quotes, formulas, newlines and non-ASCII text in every plain field.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pelican_timeline.catalog import Catalog, build_catalog
from pelican_timeline.content_files import content_files, read_actor, read_article, read_event
from pelican_timeline.ledger import Ledger
from pelican_timeline.plugin import DEFAULTS
from pelican_timeline.render import markdown_renderer
from pelican_timeline.views import Urls
from sitekit import actor_file, event_file, write_files

SITE_URL = "https://timeline.example.org"
SITE_NAME = "Test Timeline"
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Built:
    catalog: Catalog
    urls: Urls
    article_urls: dict[str, str]
    ledger: Ledger
    site_url: str = SITE_URL
    site_name: str = SITE_NAME

    def event(self, event_id: str):
        return next(e for e in self.catalog.events if e.id == event_id)

    def events_titled(self, title: str):
        return next(e for e in self.catalog.events if e.title == title)

    @property
    def common(self) -> dict:
        """The keyword arguments most exports take."""
        return {"site_url": self.site_url, "urls": self.urls, "article_urls": self.article_urls}


def build(tmp_path: Path, files: dict[str, str], **settings) -> Built:
    content = tmp_path / "content"
    write_files(content, files)
    return build_from(content, **settings)


def build_from(content: Path, **settings) -> Built:
    render = markdown_renderer()
    articles = []
    article_urls = {}
    for path in content_files(str(content / "articles")):
        record = read_article(path, render)[0].record
        assert record is not None, path
        articles.append(record)
        article_urls[path] = f"articles/{record.slug or os.path.splitext(os.path.basename(path))[0]}/"
    events = [read_event(p, render) for p in content_files(str(content / "events"))]
    actors = [read_actor(p, render) for p in content_files(str(content / "actors"))]
    ledger = Ledger()
    catalog = build_catalog(articles, events, actors, ledger)
    assert not ledger.errors, ledger.report_lines()
    return Built(catalog, Urls({**DEFAULTS, **settings}), article_urls, ledger)


def sample_site() -> Built:
    """The project's own sample content."""
    return build_from(ROOT / "content")


# One event per date form; the title says which.
DATE_FORMS = {
    "day": "2017-08-05",
    "month": "2017-07",
    "year": "2016",
    "season": "2017-23",
    "decade": "201X",
    "day range": "2017-08-01/2017-08-07",
    "month range": "2018-01/2018-02",
    "mixed range": "2018-03-30/2018-04",
    "same-day range": "2018-05-01/2018-05-01",
    "timed with offset": "2017-08-05T16:34:00+03:00",
    "timed in UTC": "2017-08-06T08:30Z",
    "timed without zone": "2017-08-07T09:15",
    "timed range": "2017-08-08T09:00Z/2017-08-08T17:30Z",
    "open end": "2017-09-01/..",
    "unknown end": "2017-09-02/",
    "open start": "../2017-10-03",
    "unknown start": "/2017-10-04",
    "uncertain day": "2017-11-01?",
    "approximate month": "2017-12~",
}

DATES = {
    **{f"events/{n:02d}.md": event_file(date, title) for n, (title, date) in enumerate(DATE_FORMS.items())},
}

HOSTILE_TITLE = "<script>alert(1)</script> & \"quoted\" 'single' — Ünïcødé 東京"
HOSTILE_SCRIPT_TITLE = "</script><script>alert(1)</script><!--"

HOSTILE = {
    "actors/evil-org.md": """
        ---
        name: "<img src=x onerror=alert(1)> Évil \\"Org\\" & Co"
        type: organization
        aliases: ["=HYPERLINK(\\"https://evil.example/\\")", "</script><b>x</b>"]
        wikidata: Q42
        ---
        Bio with <script>alert(1)</script> and **bold**.
    """,
    "actors/north-korea.md": actor_file("North Korea", "country"),
    "actors/kim-jong-un.md": actor_file("Kim Jong-un", "person"),
    "articles/hostile.md": """
        ---
        title: "Article <i>title</i> with \\"quotes\\" & </script>"
        date: "2017-08-06T16:34:00+03:00"
        source:
          name: "<b>Outlet</b> & Sons"
          url: https://outlet.example/story?id=1&x=<y>
          via:
            name: Republisher "R"
            url: https://republisher.example/copy
        dateline: "Pyongyang <br>"
        authors: ["Jane <Doe>", "=SUM(1)"]
        actors: [evil-org, kim-jong-un]
        events:
          - date: "2017-08-05"
            title: "<script>alert(1)</script> & \\"quoted\\" 'single' — Ünïcødé 東京"
            type: sanction
            actors:
              - {id: evil-org, role: actor}
              - {id: north-korea, role: recipient}
              - {id: no-profile-yet, role: participant}
            location: "<b>Pyongyang</b>, \\"DPRK\\"\\nsecond line"
            summary: "A summary with <img src=x onerror=alert(1)> **bold** & an ampersand.\\n\\nSecond paragraph with </script><!-- and \\u2028 a line separator."
            date_text: on "Saturday"
            tags: ["<tag>", "sanctions"]
            sources:
              - {url: "https://example.org/doc?a=1&b=<2>;c=3", title: "</script><script>alert(1)</script>"}
              - https://example.org/plain
          - date: "2017-08-06"
            title: "=1+2 looks like a formula"
            type: statement
            actors: [{id: kim-jong-un, role: actor}]
            location: "@SUM(A1:A2)"
          - date: "2017-08-07"
            title: "</script><script>alert(1)</script><!--"
            type: threaten
            actors: [evil-org]
            location: "-2+3"
          - date: "2017-08-08"
            title: "First line\\nsecond line, +cmd"
            type: consult
            actors: []
        ---
        Body.
    """,
}
