"""Build small sites in a temporary folder, the way a user's build runs.

``make_site`` writes content files, runs a real Pelican build with the
project's own pelicanconf.py (theme and plugin included), and returns a
:class:`Site` to read the generated HTML with a parser.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

from pelican_timeline.build_log import current_build
from pelican_timeline.importer import build_draft
from pelican_timeline.importer.actors import Registry, site_registry, world_registry

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Site:
    root: Path
    output: Path
    ledger: object = None
    catalog: object = None
    error: BaseException | None = None

    def html(self, relative: str) -> BeautifulSoup:
        path = self.output / relative
        if path.is_dir() or relative.endswith("/"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def pages(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))

    def problems(self) -> list[str]:
        return self.ledger.report_lines()


def write_files(content: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


@pytest.fixture
def make_site(tmp_path, monkeypatch):
    """Build a site from ``{relative path: text}``; settings override pelicanconf.py."""
    monkeypatch.chdir(tmp_path)

    def build(files: dict[str, str | bytes], *, name: str = "site", **settings) -> Site:
        root = tmp_path / name
        content = root / "content"
        content.mkdir(parents=True, exist_ok=True)
        write_files(content, files)
        override = {
            "PATH": str(content),
            "OUTPUT_PATH": str(root / "output"),
            "CACHE_PATH": str(root / "cache"),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "TIMELINE_SEARCH": False,  # the browser tests build the search index themselves
            **settings,
        }
        site = Site(root, root / "output")
        pelican = Pelican(read_settings(str(ROOT / "pelicanconf.py"), override=override))
        try:
            pelican.run()
        except SystemExit as error:
            site.error = error
        build_state = current_build()
        site.ledger, site.catalog = build_state.ledger, build_state.catalog
        return site

    return build


def run_pelican_cli(site_root: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run the ``pelican`` command on ``site_root/content``, as `make html` does."""
    conf = site_root / "conf.py"
    conf.write_text(
        textwrap.dedent(f"""
            import sys
            sys.path.insert(0, {str(ROOT)!r})
            from pelicanconf import *  # noqa
            PATH = "content"
            THEME = {str(ROOT / "theme")!r}
            PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
        """)
    )
    pelican = Path(sys.executable).parent / "pelican"
    return subprocess.run(
        [str(pelican), "content", "-o", "output", "-s", "conf.py", *extra],
        cwd=site_root,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", "TERM": "dumb"},
        check=False,
    )


def event_ids(soup: BeautifulSoup) -> list[str]:
    return [li["data-event"] for li in soup.select("li.event")]


ACTOR = """
---
name: {name}
type: {type}
---
Profile of {name}.
"""


def actor_file(name: str, kind: str = "person") -> str:
    return ACTOR.format(name=name, type=kind)


def event_file(date: str, title: str, kind: str = "statement", actors: str = "[]", extra: str = "") -> str:
    return f"---\ndate: '{date}'\ntitle: {title}\ntype: {kind}\nactors: {actors}\n{extra}---\nDescription of {title}.\n"


# Importer fixtures
@pytest.fixture(scope="session")
def world() -> Registry:
    return world_registry()


@pytest.fixture
def draft_of(world):
    """``draft_of(page_text, url=..., actors_dir=...)`` → the draft the importer makes."""

    def make(text: str | bytes, url: str = "", actors_dir: str = ""):
        raw = text if isinstance(text, bytes) else textwrap.dedent(text).strip("\n").encode("utf-8")
        return build_draft(raw, site_registry(actors_dir, world), url=url)

    return make
