"""Helpers for importer tests: build drafts from page text written in the test."""

from __future__ import annotations

import textwrap

import pytest

from pelican_timeline.importer import build_draft
from pelican_timeline.importer.actors import Registry, site_registry, world_registry


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
