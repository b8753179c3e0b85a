"""Helpers for tests that build sites: writing content, running Pelican, reading HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

from pelican_timeline.build_log import current_build

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


def build_site(content: Path, output: Path, **settings) -> Site:
    """A real build of ``content`` with the project's own pelicanconf.py (theme and plugin included)."""
    override = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / "cache"),
        **settings,
    }
    Pelican(read_settings(str(ROOT / "pelicanconf.py"), override=override)).run()
    build = current_build()
    return Site(output.parent, output, build.ledger, build.catalog)


def build_sample(root: Path, **settings) -> Site:
    """The shipped sample content, copied into ``root`` and built there."""
    shutil.copytree(ROOT / "content", root / "content")
    return build_site(root / "content", root / "output", **settings)
