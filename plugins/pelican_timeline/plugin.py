"""Wiring into Pelican's signals, defaults, and the strict end-of-build check."""

from __future__ import annotations

import contextlib
import glob
import os
import subprocess
import sys

from pelican import signals

from . import heap
from .build_log import current_build, install_catcher, start_build
from .code_stamp import code_stamp
from .generator import TimelineGenerator, add_template_path, finish_exports
from .ledger import ERROR, WARNING, Problem
from .publish_exports import EXPORT_DEFAULTS
from .reader import TimelineMarkdownReader
from .skipping_writer import SkippingWriter
from .wording import counted

CODE_STAMP_NAME = "timeline-code.stamp"
DEFAULTS = {
    "TIMELINE_STRICT": True,
    "TIMELINE_SEARCH": True,
    "TIMELINE_INCLUDE_DRAFTS": False,
    "TIMELINE_SKIP_UNCHANGED": None,  # None: when Pelican's content cache is on (unchanged_pages.py)
    "TIMELINE_PAGE_SIZE": 200,
    "TIMELINE_EVENTS_PATHS": ["events"],
    "TIMELINE_ACTORS_PATHS": ["actors"],
    "TIMELINE_INDEX_URL": "timeline/",
    "TIMELINE_INDEX_SAVE_AS": "timeline/index.html",
    "TIMELINE_INDEX_PAGE_URL": "timeline/page/{number}/",
    "TIMELINE_INDEX_PAGE_SAVE_AS": "timeline/page/{number}/index.html",
    "TIMELINE_YEAR_URL": "timeline/{year}/",
    "TIMELINE_YEAR_SAVE_AS": "timeline/{year}/index.html",
    "TIMELINE_YEAR_PAGE_URL": "timeline/{year}/page/{number}/",
    "TIMELINE_YEAR_PAGE_SAVE_AS": "timeline/{year}/page/{number}/index.html",
    "TIMELINE_ACTORS_URL": "actors/",
    "TIMELINE_ACTORS_SAVE_AS": "actors/index.html",
    "TIMELINE_ACTOR_URL": "actors/{id}/",
    "TIMELINE_ACTOR_SAVE_AS": "actors/{id}/index.html",
    "TIMELINE_ACTOR_PAGE_URL": "actors/{id}/page/{number}/",
    "TIMELINE_ACTOR_PAGE_SAVE_AS": "actors/{id}/page/{number}/index.html",
    "TIMELINE_TYPE_URL": "timeline/types/{type}/",
    "TIMELINE_TYPE_SAVE_AS": "timeline/types/{type}/index.html",
    "TIMELINE_TYPE_PAGE_URL": "timeline/types/{type}/page/{number}/",
    "TIMELINE_TYPE_PAGE_SAVE_AS": "timeline/types/{type}/page/{number}/index.html",
    "TIMELINE_TAG_URL": "timeline/tags/{tag}/",
    "TIMELINE_TAG_SAVE_AS": "timeline/tags/{tag}/index.html",
    "TIMELINE_TAG_PAGE_URL": "timeline/tags/{tag}/page/{number}/",
    "TIMELINE_TAG_PAGE_SAVE_AS": "timeline/tags/{tag}/page/{number}/index.html",
    "TIMELINE_PAIR_URL": "actors/{a}/with/{b}/",
    "TIMELINE_PAIR_SAVE_AS": "actors/{a}/with/{b}/index.html",
    "TIMELINE_PAIR_PAGE_URL": "actors/{a}/with/{b}/page/{number}/",
    "TIMELINE_PAIR_PAGE_SAVE_AS": "actors/{a}/with/{b}/page/{number}/index.html",
    "TIMELINE_SEARCH_URL": "search/",
    "TIMELINE_SEARCH_SAVE_AS": "search/index.html",
}


class TimelineContentError(SystemExit):
    """Ends a strict build whose content had errors, with exit status 1.

    A SystemExit rather than an ordinary exception: the problems are already
    listed, so a traceback would only bury them, and Pelican's autoreload
    loop would retry a failing build without pause instead of stopping.
    """

    def __init__(self, message: str) -> None:
        super().__init__(1)
        self.message = message

    def __str__(self) -> str:
        return self.message


def apply_defaults(pelican) -> None:
    settings = pelican.settings
    for key, value in {**DEFAULTS, **EXPORT_DEFAULTS}.items():
        settings.setdefault(key, value)
    # Event and actor files are ours: keep Pelican from publishing them as articles or pages.
    for setting in ("TIMELINE_EVENTS_PATHS", "TIMELINE_ACTORS_PATHS"):
        for folder in settings[setting]:
            for excludes in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
                if folder not in settings[excludes]:
                    settings[excludes] = [*settings[excludes], folder]
    if not settings["TIMELINE_INCLUDE_DRAFTS"]:
        # Drafts (imports awaiting review) are read and checked, but not published.
        settings["DRAFT_SAVE_AS"] = settings["DRAFT_LANG_SAVE_AS"] = ""
    discard_stale_content_cache(settings)
    install_catcher()


def discard_stale_content_cache(settings) -> None:
    """Pelican's content cache holds our reader's records as this package's classes
    pickled them; after the package changes they may no longer load, or carry checks
    that no longer apply. Pelican cannot tell, so the cache is dropped here."""
    if not settings.get("LOAD_CONTENT_CACHE"):
        return
    folder = settings["CACHE_PATH"]
    stamp_file = os.path.join(folder, CODE_STAMP_NAME)
    stamp = code_stamp()
    try:
        with open(stamp_file, encoding="utf-8") as handle:
            if handle.read() == stamp:
                return
    except OSError:
        pass
    try:
        for name in glob.glob(os.path.join(glob.escape(folder), "*-Readers")):
            os.remove(name)
        os.makedirs(folder, exist_ok=True)
        with open(stamp_file, "w", encoding="utf-8") as handle:
            handle.write(stamp)
    except OSError:
        pass  # then the cache is dropped again next time, which is safe


def add_reader(readers) -> None:
    for extension in TimelineMarkdownReader.file_extensions:
        readers.reader_classes[extension] = TimelineMarkdownReader


def begin_build(pelican):
    # get_generators is sent at the start of every run, including each
    # rebuild of the autoreload loop: the right moment for a fresh ledger.
    previous = current_build()
    if previous is not None and previous.fragments is not None:  # a run that failed before its end
        previous.fragments.close()
    if previous is not None and previous.exports is not None:  # its exports' copy is waited for
        with contextlib.suppress(Exception):
            finish_exports(previous)
    start_build(pelican.settings["PATH"])
    heap.hand_back()  # what the last run of the loop set aside
    return TimelineGenerator


def report(problems_only: bool = False) -> None:
    build = current_build()
    if build is None:
        return
    ledger = build.ledger
    lines = ledger.report_lines()
    if lines:
        print("\n".join(lines), file=sys.stderr)
    if not problems_only:
        print(ledger.summary(), file=sys.stderr if ledger.errors else sys.stdout)


def check_before_writing(generators) -> None:
    """Fail before a single page is written if anything was rejected."""
    build = current_build()
    if build is None:
        return
    heap.set_aside()  # everything read and planned lives until the build ends
    settings = generators[0].settings if generators else {}
    if settings.get("TIMELINE_STRICT", True) and build.ledger.errors:
        report()
        fail(f"{counted(len(build.ledger.errors), 'error')} in the content (listed above); nothing was written")
    for generator in generators:
        if isinstance(generator, TimelineGenerator):
            # As soon as nothing more can be read: the copy writing them runs beside all the pages.
            generator.start_exports()


def build_search_index(pelican, build) -> None:
    """Index the written site with Pagefind (its binary ships in the ``pagefind[bin]`` wheel
    and runs offline), so that the search page works on every build."""
    if not pelican.settings.get("TIMELINE_SEARCH", True):
        return
    command = [sys.executable, "-m", "pagefind", "--site", pelican.output_path, "--quiet"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        build.ledger.add([Problem("(search)", None, "", f"the search index was not built: {error}", WARNING)])
        return
    if result.returncode != 0:
        reason = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["unknown error"]
        build.ledger.add([Problem("(search)", None, "", f"the search index was not built: {reason[0]}", ERROR)])


def provide_writer(pelican) -> type:
    return SkippingWriter


def finish_build(pelican) -> None:
    build = current_build()
    if build is None:
        return
    if build.fragments is not None:
        build.fragments.close()
    if build.pages is not None:
        reason = build.pages.save()
        if reason:
            build.ledger.add(
                [Problem("(cache)", None, "", f"the record of written pages was not kept: {reason}", WARNING)]
            )
    build_search_index(pelican, build)
    report()
    if pelican.settings.get("TIMELINE_STRICT", True) and build.ledger.errors:
        fail("errors were found while writing the site (listed above)")


def fail(message: str) -> None:
    print(f"timeline: strict build failed: {message}", file=sys.stderr)
    raise TimelineContentError(message)


def connect() -> None:
    signals.initialized.connect(apply_defaults)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(begin_build)
    signals.generator_init.connect(add_template_path)
    signals.all_generators_finalized.connect(check_before_writing)
    signals.get_writer.connect(provide_writer)
    signals.finalized.connect(finish_build)
