"""Per-build state, and turning Pelican's own skips into ledger entries.

Pelican reports a file it could not use with a log line ("Skipping …",
"Could not process …") and goes on to exit 0. A filter on Pelican's loggers
catches those lines so the ledger counts them as rejections and a strict build
fails; it also hides Pelican's line for files our reader already rejected
with a precise message, so each problem is told once.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from .ledger import ERROR, WARNING, Ledger, Problem

PELICAN_LOGGERS = (
    "pelican",
    "pelican.cache",
    "pelican.contents",
    "pelican.generators",
    "pelican.readers",
    "pelican.settings",
    "pelican.urlwrappers",
    "pelican.utils",
    "pelican.writers",
)
# Pelican messages that mean "this file was dropped", by their format string.
_SKIPS = {
    "Could not process %s": ("", "Pelican could not process this file (run with --debug to see why)"),
    "Skipping %s: could not find information about '%s'": (None, "is required"),
    "Skipping %s: file %r would be written outside output path": (
        "save_as",
        "would be written outside the output folder",
    ),
}
_UNKNOWN_STATUS = "Unknown status '%s' for file %s, skipping it. (Not in %s)"


@dataclass
class Build:
    """What one ``Pelican.run()`` has found so far."""

    content_path: str
    ledger: Ledger = field(default_factory=Ledger)
    catalog: object = None
    pages: object = None  # unchanged_pages.WrittenPages, once the timeline's generator has started
    fragments: object = None  # fragments.Fragments, shared by every page until the site is written
    exports: object = None  # what finishes writing the exports, once begun (generator.start_exports)

    def absolute(self, path: str) -> str:
        return path if os.path.isabs(path) else os.path.join(self.content_path, path)


_current: Build | None = None


def start_build(content_path: str) -> Build:
    global _current
    _current = Build(os.path.abspath(content_path))
    return _current


def current_build() -> Build | None:
    return _current


class SkipCatcher(logging.Filter):
    """Records Pelican's skip and error messages in the current build's ledger."""

    def filter(self, record: logging.LogRecord) -> bool:
        build = _current
        if build is None or record.levelno < WARNING_LEVEL:
            return True
        args = record.args if isinstance(record.args, tuple) else ()
        if record.msg in _SKIPS and args:
            path = build.absolute(str(args[0]))
            if build.ledger.is_rejected("article", path) or build.ledger.is_rejected("page", path):
                return False  # already reported with the reason
            field_name, message = _SKIPS[record.msg]
            if field_name is None:
                field_name = str(args[1])
            build.ledger.reject("file", path, [Problem(path, None, field_name, message)])
            return False
        if record.msg == _UNKNOWN_STATUS and len(args) >= 2:
            path = build.absolute(str(args[1]))
            message = f"'{args[0]}' is not a status Pelican knows"
            build.ledger.reject("file", path, [Problem(path, None, "status", message)])
            return False
        severity = ERROR if record.levelno >= logging.ERROR else WARNING
        build.ledger.add([Problem("(pelican)", None, "", record.getMessage(), severity)])
        return True


WARNING_LEVEL = logging.WARNING
_catcher = SkipCatcher()


def install_catcher() -> None:
    for name in PELICAN_LOGGERS:
        logger = logging.getLogger(name)
        if _catcher not in logger.filters:
            logger.addFilter(_catcher)
