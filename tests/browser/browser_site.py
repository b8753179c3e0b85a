"""Building and serving a site for the browser tests."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def build(content: Path, output: Path, **settings) -> None:
    override = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / "cache"),
        "TIMELINE_SEARCH": True,
        **settings,
    }
    Pelican(read_settings(str(ROOT / "pelicanconf.py"), override=override)).run()


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server
