"""The Pelican generator: reads events and actors, builds the catalog, writes pages.

It runs after Pelican's article and page generators, so every article has
been read (by our strict reader) and the catalog can be built from all
content at once, before anything is written.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections import defaultdict

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican.generators import Generator
from pelican.plugins import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join

from .build_log import current_build, start_build
from .catalog import build_catalog
from .content_files import CONTENT_EXTENSIONS, content_files, read_actor, read_event, stray_files
from .exports.jsonld import WhenShown, article_ld
from .fragments import Fragments
from .ledger import WARNING, Ledger, Problem, display_path
from .publish_exports import absolute_site, export_links, start_exports
from .render import markdown_renderer
from .site_pages import plan_pages
from .unchanged_pages import WrittenPages
from .views import ArticleView, EventList, Urls, ViewBuilder
from .wording import counted

NOT_TIMELINE_MARKDOWN = "not read by the timeline reader: write articles as Markdown with YAML front matter"
TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")


def add_template_path(generator: Generator) -> None:
    """Let every generator find the plugin's templates, after the theme's own, and its filters.

    A theme overrides any of them by shipping a file of the same name.
    """
    # A theme's own JINJA_FILTERS entry of the same name wins.
    generator.env.filters.setdefault("counted", counted)
    if not getattr(generator.env, "_timeline_templates", False):
        generator.env.loader = ChoiceLoader([generator.env.loader, FileSystemLoader(TEMPLATES)])
        generator.env._timeline_templates = True


class TimelineGenerator(Generator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Whatever the site's Jinja settings, our pages escape every field.
        self.env.autoescape = True
        self.build = current_build() or start_build(self.path)
        self.views: ViewBuilder | None = None
        self.build.pages = WrittenPages.for_settings(self.settings, self.output_path)
        self._folders_made: set[str] = set()

    def _folders(self, setting: str) -> list[str]:
        return [os.path.join(self.path, folder) for folder in self.settings[setting]]

    def generate_context(self) -> None:
        ledger = self.build.ledger
        records = self._register_pelican_content(ledger)
        render = markdown_renderer(self.settings)
        event_files = [read_event(p, render) for f in self._folders("TIMELINE_EVENTS_PATHS") for p in content_files(f)]
        actor_files = [read_actor(p, render) for f in self._folders("TIMELINE_ACTORS_PATHS") for p in content_files(f)]
        self._report_strays(ledger)
        catalog = build_catalog(records, event_files, actor_files, ledger)
        self.build.catalog = catalog
        self.views = ViewBuilder(catalog, Urls(self.settings), self._article_url, self.settings["TIMELINE_PAGE_SIZE"])
        site_url = absolute_site(self.settings)
        self.plan = plan_pages(
            catalog, self.views, self.views.timeline_pages(), site_url=site_url, article_urls=self._article_urls
        )
        self._check_output_paths(ledger)
        jsonld = functools.partial(self._article_jsonld, catalog, site_url)
        for article in self._articles:
            record = article.metadata.get("timeline")
            if record is not None:
                events = EventList(catalog.events_by_article.get(record.origin.path, []), self.views)
                article.timeline_view = ArticleView(record, events, self.views, jsonld)
        self.context["timeline_catalog"] = catalog
        # Shared with Pelican's article writer, which runs first: an event is rendered
        # once, for its article's page, and that copy serves every timeline page.
        self.fragments = Fragments(self.get_template, self.context, self.settings["CACHE_PATH"])
        self.context["timeline_fragments"] = self.build.fragments = self.fragments
        self.context.update(self.plan.context)
        self.context["TIMELINE_INDEX_URL"] = self.views.urls.timeline().url
        self.context["TIMELINE_ACTORS_URL"] = self.views.urls.actors().url
        self.context["TIMELINE_SEARCH_URL"] = self.views.urls.search().url
        self.context["timeline_exports"] = export_links(self.settings)

    def _article_jsonld(self, catalog, site_url: str, record) -> WhenShown:
        # Made when the article's page is written (and not for a page left as it was):
        # held for every article from the start, the JSON-LD was 8 MiB at 5,000.
        return WhenShown(
            functools.partial(
                article_ld,
                record,
                catalog,
                site_url=site_url,
                urls=self.views.urls,
                article_url=self._article_urls[record.origin.path],
            )
        )

    def _register_pelican_content(self, ledger: Ledger) -> list:
        """Ledger entries for what Pelican's generators read; returns the articles
        whose events belong on the timeline."""
        self._articles = []
        self._article_urls: dict[str, str] = {}
        timeline_records = []
        include_drafts = self.settings["TIMELINE_INCLUDE_DRAFTS"]
        groups = (("articles", "article"), ("hidden_articles", "article"), ("drafts", "draft"))
        seen = set()
        for context_key, kind in groups:
            for article in self.context.get(context_key, ()):
                for item in [article, *getattr(article, "translations", [])]:
                    path = item.source_path
                    if path in seen:
                        continue
                    seen.add(path)
                    record = item.metadata.get("timeline")
                    ledger.add(item.metadata.get("timeline_problems", []))
                    if record is None:
                        ledger.add([Problem(path, None, "", NOT_TIMELINE_MARKDOWN, WARNING)])
                        ledger.accept(kind, path)
                        continue
                    self._articles.append(item)
                    self._article_urls[path] = item.url
                    for key, problems in item.metadata.get("timeline_rejected_events", []):
                        ledger.reject("event", key, problems)
                    ledger.accept(kind, path)
                    if kind == "article" or include_drafts:
                        timeline_records.append(record)
                    else:
                        for event in record.events:
                            ledger.accept("draft-event", event.origin)
        for context_key in ("pages", "hidden_pages", "draft_pages"):
            for page in self.context.get(context_key, ()):
                ledger.add(page.metadata.get("timeline_problems", []))
                ledger.accept("page", page.source_path)
        return timeline_records

    def _article_url(self, path: str) -> str | None:
        """Site-relative, like every URL handed to templates (they add SITEURL)."""
        return self._article_urls.get(path)

    def _report_strays(self, ledger: Ledger) -> None:
        folders = self._folders("TIMELINE_EVENTS_PATHS") + self._folders("TIMELINE_ACTORS_PATHS")
        known = tuple(f".{ext}" for ext in self.readers.extensions) + CONTENT_EXTENSIONS
        for folder in folders + self._folders("ARTICLE_PATHS"):
            for path in stray_files(folder):
                if folder in folders or not path.endswith(known):
                    ledger.add([Problem(path, None, "", "ignored: not a Markdown content file", WARNING)])

    def _check_output_paths(self, ledger: Ledger) -> None:
        """Two things written to one file would lose one of them: refuse that."""
        writers: dict[str, list[str]] = defaultdict(list)
        items = {}
        for key in ("articles", "hidden_articles", "pages", "hidden_pages"):
            for item in self.context.get(key, ()):
                writers[os.path.normpath(item.save_as)].append(item.source_path)
                items[item.source_path] = item
        for url in self.plan.urls:
            writers[os.path.normpath(url.save_as)].append(f"(timeline page {url.url})")
        for save_as, sources in writers.items():
            for source in sources[1:]:
                path = source if not source.startswith("(") else "(timeline)"
                message = (
                    f"would be written to {save_as}, which {display_path(sources[0])} is written to as well; "
                    "change its slug"
                )
                ledger.reject("file", path, [Problem(path, None, "slug", message)])
                if source in items:
                    # Not written at all (when the build goes on in non-strict mode)
                    # rather than written over the first one.
                    items[source].override_save_as = ""

    def _write_page(self, spec, template, fragments: Fragments) -> None:
        save_as = spec.url.save_as
        if self.settings["RELATIVE_URLS"]:
            site_url = path_to_url(get_relative_path(save_as))
        else:
            site_url = self.settings["SITEURL"]
        pages = self.build.pages
        digest = pages.digest(self.context, self.env.loader, save_as, template.name, (site_url, spec.values))
        if pages.unchanged(save_as, digest):
            return
        values = {
            **self.context,
            **spec.values,
            "SITEURL": site_url,
            "localsiteurl": site_url,
            "output_file": save_as,
            "page_name": spec.url.url,
            "timeline_fragments": fragments,
        }
        html = fragments.finish(template.render(values), site_url)
        path = sanitised_join(self.output_path, save_as)
        folder = os.path.dirname(path)
        if folder not in self._folders_made:  # one system call per page adds up on slow disks
            os.makedirs(folder, exist_ok=True)
            self._folders_made.add(folder)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(html)
        pages.written(save_as, digest)
        signals.content_written.send(path, context=values)

    def start_exports(self) -> None:
        """Begin writing the exports, once everything is read (``plugin.check_before_writing``):
        on a big site a copy of this process writes them while the pages are written."""
        if self.build.exports is not None:
            return
        catalog, pages = self.build.catalog, self.build.pages
        # The exports show the catalog and nothing else (settings and code are in every digest).
        values = (catalog.events, catalog.actors, catalog.articles, self._article_urls)
        digest = pages.digest(self.context, self.env.loader, "(exports)", "", values)
        if pages.unchanged_group("(exports)", digest):
            self.build.exports = _nothing
            return
        written = start_exports(self.output_path, catalog, self.settings, self.views.urls, self._article_urls)

        def finish() -> None:
            pages.written_group("(exports)", digest, written())

        self.build.exports = finish

    def generate_output(self, writer) -> None:
        self.start_exports()
        try:
            # Our pages are written here rather than through Pelican's writer, so that the
            # fragments rendered once (fragments.py) get each page's own site URL.
            for spec in self.plan.pages():
                self._write_page(spec, self.get_template(spec.template), self.fragments)
        except BaseException:
            with contextlib.suppress(Exception):  # the error to report is the page's
                finish_exports(self.build)
            raise
        finish_exports(self.build)


def finish_exports(build) -> None:
    """Wait until the exports begun by :meth:`TimelineGenerator.start_exports` are written."""
    finish, build.exports = build.exports, None
    if finish is not None:
        finish()


def _nothing() -> None:
    return None
