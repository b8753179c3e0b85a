"""Pelican's writer, leaving alone the pages of Pelican's own whose values have not changed.

An article's or page's own page is left alone when the article (its text and every
field) and the site (``unchanged_pages.site_digest``) are as they were. A listing
(the index, a tag, category, author or archive page, each page of it when it is
paginated) is left alone when what it was called with and the articles on that page
are: its digest names each of those articles whole, so an edit to one article's text
rewrites its page and the one index page that shows its summary, not all of them.

Pelican renders each page of a listing inside ``Writer.write_file``; the template it
is given is wrapped here, so that an unchanged page is not rendered, and the file Pelican
then opens for it is the null device, as Pelican's own writer does for a page it must not
overwrite. The page's file on disk stays as it was.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from pelican.contents import Content
from pelican.utils import sanitised_join
from pelican.writers import Writer

from .build_log import current_build
from .unchanged_pages import WrittenPages


class SkippingWriter(Writer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._left_alone: set[str] = set()  # files of unchanged listing pages, until Pelican opens them
        self._rendered: list[tuple[str, bytes | None]] = []  # listing pages written, to record once closed

    def write_file(  # noqa: PLR0917 (Pelican's signature)
        self, name, template, context, relative_urls=False, paginated=None, template_name=None, **kwargs
    ):
        pages = getattr(current_build(), "pages", None)
        if pages is None or not pages.store or not name:
            return super().write_file(name, template, context, relative_urls, paginated, template_name, **kwargs)
        content = kwargs.get("article") or kwargs.get("page")
        if isinstance(content, Content) and not paginated and not template_name:
            return self._write_content(
                pages, content, name, template, context=context, relative_urls=relative_urls, kwargs=kwargs
            )
        call = _call_digest(pages, context, name, template, relative_urls=relative_urls, kwargs=kwargs)
        listing = _ListingTemplate(template, self, pages, context, call)
        try:
            return super().write_file(name, listing, context, relative_urls, paginated, template_name, **kwargs)
        finally:
            for save_as, digest in self._rendered:
                pages.written(save_as, digest)
            self._rendered.clear()
            self._left_alone.clear()

    def _write_content(self, pages: WrittenPages, content, name, template, *, context, relative_urls, kwargs):
        others = {key: value for key, value in kwargs.items() if key not in ("article", "page")}
        values = (relative_urls, pages.content_digest(content), others)
        digest = pages.digest(context, template.environment.loader, name, template.name, values)
        if pages.unchanged(name, digest):
            return None
        result = super().write_file(name, template, context, relative_urls, **kwargs)
        pages.written(name, digest)
        return result

    def _open_w(self, filename, encoding, override=False):
        if filename in self._left_alone:
            self._left_alone.discard(filename)
            # Pelican's record of what it wrote stays whole (it refuses a second write to one file).
            self._written_files.add(filename)
            return open(os.devnull, "w", encoding=encoding)
        return super()._open_w(filename, encoding, override)


def _call_digest(pages: WrittenPages, context: Mapping, name, template, *, relative_urls, kwargs) -> bytes | None:
    """What a listing was called with. A value that is one of the site's shared values (all
    articles, all dates) is in the site's digest already, and is named here by its key."""
    shared = {id(value): key for key, value in context.items() if isinstance(value, (list, dict, tuple))}
    # Both are alive, so the same id is the same object.
    values = {
        key: ("site", shared[id(value)]) if id(value) in shared else value for key, value in sorted(kwargs.items())
    }
    return pages.digests.of((name, template.name, relative_urls, values))


class _ListingTemplate:
    """The template of one listing, rendering only the pages of it that changed."""

    def __init__(self, template, writer: SkippingWriter, pages: WrittenPages, context: Mapping, call: bytes | None):
        self._template = template
        self._writer = writer
        self._pages = pages
        self._context = context
        self._call = call
        self.name = template.name
        self.environment = template.environment

    def render(self, values: Mapping) -> str:
        save_as = values["output_file"]
        digest = self._digest(save_as, values)
        if self._pages.unchanged(save_as, digest):
            self._writer._left_alone.add(sanitised_join(self._writer.output_path, save_as))
            return ""
        html = self._template.render(values)
        self._writer._rendered.append((save_as, digest))
        return html

    def _digest(self, save_as: str, values: Mapping) -> bytes | None:
        if self._call is None:
            return None
        # The articles on this page of the listing, each whole (the listing shows their summaries).
        shown = []
        for key in sorted(values):
            if not key.endswith("_page") or key.endswith(("_previous_page", "_next_page")):
                continue  # the pages before and after are linked to by number, which the page's own gives
            page = values[key]
            if hasattr(page, "object_list"):
                items = tuple(self._content(item) for item in page.object_list)
                if None in items:
                    return None
                shown.append((key, page.number, items))
        loader = self._template.environment.loader
        return self._pages.digest(self._context, loader, save_as, self.name, (self._call, shown))

    def _content(self, item) -> bytes | None:
        return self._pages.content_digest(item) if isinstance(item, Content) else self._pages.digests.of(item)
