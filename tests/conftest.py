"""Build small sites in a temporary folder, the way a user's build runs.

``make_site`` writes content files, runs a real Pelican build with the
project's own pelicanconf.py (theme and plugin included), and returns a
:class:`Site` to read the generated HTML with a parser.
"""

from __future__ import annotations

import textwrap

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from pelican_timeline.build_log import current_build
from pelican_timeline.importer import build_draft
from pelican_timeline.importer.actors import Registry, site_registry, world_registry
from sitekit import ROOT, Site, write_files


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
