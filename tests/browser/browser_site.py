"""Building and serving a site for the browser tests."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

from sitekit import build_site

ROOT = Path(__file__).resolve().parents[2]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def build(content: Path, output: Path, **settings) -> None:
    """A site built with its search index, as `make html` builds it."""
    build_site(content, output, TIMELINE_SEARCH=True, **settings)


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server
