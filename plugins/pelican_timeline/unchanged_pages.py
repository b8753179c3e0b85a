"""Leaving pages alone when nothing they show has changed.

With Pelican's content cache on (``make devserver``), a rebuild after one edit
reads only the edited file again, but would still render every page of the
site. Here each page written is remembered with a digest of everything its
template is given; the next build neither renders nor writes a page whose
digest is the same and whose file is still the one written.

The record is kept only while this package's code and Pelican's, Jinja's and
Markdown's versions are those that wrote it. Within it, a page's digest covers:

- the site: every template file; every setting; every value shared with all pages (the
  year navigation, filters, overall chart and export links), with each article
  and page reduced to what menus and listings show of it (title, address,
  dates, status, category, tags, authors, language), not its text;
- the page itself: an article with its text and timeline fields, a timeline
  page with its events, an actor page with its profile. Catalog records and
  event views are digested once per build and stand in by their digest.

So an edit to one event rewrites the article that reports it and the pages
that list it; an edit to an article's text rewrites that article's page. Pelican's
listing pages (index, archive, tag pages), which show other articles' text, are
digested with the articles on them (``skipping_writer.py``). A theme whose article
pages show other articles' text or read the whole catalog should turn skipping off.
Skipping is on when Pelican's content cache is (``CACHE_CONTENT`` and
``LOAD_CONTENT_CACHE``, as in ``make devserver``) unless ``TIMELINE_SKIP_UNCHANGED``
says otherwise; a published build (``make html``, ``make publish``) writes every page.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
import re
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from . import stamped_pickle
from .code_stamp import code_stamp
from .exports.jsonld import WhenShown
from .model import Actor, ArticleRecord, Event
from .views import ArticleView, EventList, EventView

STORE_NAME = "timeline-pages.pickle"
# Values that are the same object under another name (the catalog is in each page's own values,
# as far as the page shows it), or that change while pages are written.
_UNSHARED = frozenset({"localsiteurl", "output_file", "timeline_fragments", "timeline_catalog"})
# What listings and menus show of an article or page that is not the one being written.
_LISTED = (
    "source_path",
    "url",
    "save_as",
    "title",
    "date",
    "modified",
    "status",
    "category",
    "tags",
    "authors",
    "lang",
)
_RECORDS = (Event, Actor, ArticleRecord, EventView)
# Default reprs carry memory addresses, which differ from one run to the next.
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


_FUNCTIONS = (types.FunctionType, types.BuiltinFunctionType, types.MethodType)


class _StandsFor:
    """Named in a digest where a record (or another value digested once) was."""


class _Pickler(pickle.Pickler):
    def __init__(self, buffer: io.BytesIO, digests: Digests) -> None:
        super().__init__(buffer, protocol=5)
        # No memo: it writes an object seen twice as a back-reference, so the bytes would
        # depend on which equal values happen to be the same object (interned strings,
        # values read afresh or from Pelican's cache), not only on the values.
        self.fast = True
        # Values that stand in by reference are found by their exact type in this table:
        # the C pickler looks a type up there without calling back into Python, where a
        # reducer_override method is called for every object that is not a str, number,
        # list, tuple or dict (a million calls in a rebuild of 5,000 articles).
        self.dispatch_table = digests.table()


class _NamingPickler(_Pickler):
    """For values holding a function that pickle cannot find again by its name (one defined
    in a settings file): it stands in by its name. The C pickler writes a function as a global
    before it looks at the dispatch table, so only an override can catch one."""

    def __init__(self, buffer: io.BytesIO, digests: Digests) -> None:
        super().__init__(buffer, digests)
        self.digests = digests

    def reducer_override(self, obj: object) -> object:
        if type(obj) is types.FunctionType:
            return _StandsFor, self.digests.reference(obj)
        return NotImplemented


def _digest(value: object, digests: Digests, *, naming: bool = False) -> bytes:
    buffer = io.BytesIO()
    pickler = _NamingPickler(buffer, digests) if naming else _Pickler(buffer, digests)
    pickler.dump(value)
    return hashlib.blake2b(buffer.getvalue(), digest_size=20).digest()


def _record_digest(record: object, table: Mapping[type, object]) -> bytes:
    # The record's own class and state, in which the records it holds (a view's event and
    # actors, an article's events) stand in by their digests: each record is pickled once
    # a build, not again inside every record that holds it.
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo, as in _Pickler
    pickler.dispatch_table = table
    pickler.dump(record.__reduce_ex__(5))
    return hashlib.blake2b(buffer.getvalue(), digest_size=20).digest()


class Digests:
    """Digests of template values, the same from one build to the next for the same values.

    Sets are the exception: their order follows this run's string hashes, so a value that
    holds one gets a new digest every build (and its page is always written)."""

    def __init__(self) -> None:
        # Keyed by id(); the object is kept alongside so that its id is not reused.
        self._memo: dict[int, tuple[object, tuple]] = {}
        self._views: dict[int, tuple[Event, bytes]] = {}  # an event's view, by the event's id()
        self._table: dict[type, object] | None = None

    def of(self, value: object) -> bytes | None:
        """The digest of ``value``, or ``None`` if it holds something that cannot be digested."""
        try:
            return _digest(value, self)
        except Exception:  # a function pickle cannot find by name, say: try again naming it
            pass
        try:
            return _digest(value, self, naming=True)
        except Exception:  # an unpicklable value only means the page is written every time
            return None

    def table(self) -> dict[type, object]:
        """The pickler's dispatch table: the types that stand in by reference.

        Made at the first digest of a build, when every class a page can hold (a theme
        plugin's Content subclasses too) has been defined."""
        if self._table is None:
            self._table = dict(copyreg.dispatch_table)
            for base in (*_RECORDS, EventList, ArticleView, Content, URLWrapper, *_FUNCTIONS, types.ModuleType):
                for kind in _with_subclasses(base):
                    self._table[kind] = self._stand_in
            # Made from the records, events and actors a page already gives its template (the
            # JSON-LD of an article, or of a year page's events): those are digested, so what
            # is made of them need not be.
            self._table[WhenShown] = _made_when_shown
            # Each article's date carries its zone, which pickles through Python, slowly; its name says it all.
            self._table[ZoneInfo] = _zone
        return self._table

    def _stand_in(self, obj: object) -> tuple:
        return _StandsFor, self.reference(obj)

    def reference(self, obj: object) -> tuple:
        """What stands in for ``obj`` inside another value's digest."""
        kept = self._memo.get(id(obj))
        if kept is not None and kept[0] is obj:
            return kept[1]
        if isinstance(obj, _RECORDS):
            origin = getattr(obj, "origin", None)
            if origin is not None and origin.source:
                # A record is made from its file alone (with the settings and code, which are in
                # every digest): named by the file's bytes and its place in it, it need not be pickled.
                made_from = f"{type(obj).__name__}\0{origin.path}\0{origin.field}".encode()
                found: tuple = ("record", hashlib.blake2b(origin.source + made_from, digest_size=20).digest())
            else:
                # Once per build. Records hold only plain data (dataclasses, text, numbers, dates)
                # and other records, so the C pickler digests them with no call back into Python
                # but for the records inside.
                found = ("record", _record_digest(obj, self.table()))
        elif isinstance(obj, EventList):
            # Views are made when shown, so a listing stands in by what its views are made of.
            found = ("events", tuple(self._view(event, obj.builder) for event in obj.events))
        elif isinstance(obj, ArticleView):
            # Made from its record, its events' views and the actors it names (the JSON-LD too).
            found = (
                "article view",
                self.reference(obj.record),
                self.reference(obj.events),
                tuple(self.reference(actor) for actor in obj.actor_records()),
            )
        elif isinstance(obj, Content):
            found = ("content", type(obj).__name__, *(_plain(getattr(obj, name, None)) for name in _LISTED))
        elif isinstance(obj, URLWrapper):
            found = ("listing", type(obj).__name__, str(obj), getattr(obj, "url", ""))
        elif isinstance(obj, _FUNCTIONS):
            # By name, so that functions defined in a settings file (which pickle cannot
            # find again by name) do not make every page unskippable.
            found = ("code", getattr(obj, "__module__", ""), getattr(obj, "__qualname__", repr(obj)))
        else:
            found = ("module", obj.__name__)
        self._memo[id(obj)] = (obj, found)
        return found

    def _view(self, event: Event, builder) -> bytes:
        kept = self._views.get(id(event))
        if kept is not None and kept[0] is event:
            return kept[1]
        made_of, actors, article, article_url, home = builder.view_inputs(event)
        hasher = hashlib.blake2b(self.reference(made_of)[1], digest_size=20)
        for actor in actors:
            hasher.update(self.reference(actor)[1])
        hasher.update(self.reference(article)[1] if article is not None else b"-")
        hasher.update(f"\0{article_url}\0{home}".encode())
        found = hasher.digest()
        self._views[id(event)] = (event, found)
        return found


def _zone(zone: ZoneInfo) -> tuple:
    return _StandsFor, ("zone", str(zone))


def _made_when_shown(_value: WhenShown) -> tuple:
    return _StandsFor, ("made when shown",)


def _with_subclasses(kind: type) -> list[type]:
    found = [kind]
    for sub in kind.__subclasses__():
        found += _with_subclasses(sub)
    return found


def _plain(value: object) -> object:
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    if value is None or isinstance(value, (str, int, float)):
        return value
    return _ADDRESS.sub("", str(value)) if not hasattr(value, "isoformat") else value.isoformat()


def _in_order(value: object) -> object:
    """Pelican's lookup tables (``generated_content``, ``static_content``, ``static_links``) are
    filled in the order files happen to be read; that order means nothing, so it must not
    change a digest."""
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return dict(sorted(value.items()))
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    return value


def template_files(loader) -> list[Path]:
    """Every file the Jinja loader can find templates in (themes, overrides, ours)."""
    found: list[Path] = []
    for inner in getattr(loader, "loaders", ()):
        found += template_files(inner)
    for inner in getattr(loader, "mapping", {}).values():
        found += template_files(inner)
    for folder in getattr(loader, "searchpath", ()):
        found += sorted(p for p in Path(folder).rglob("*") if p.is_file())
    return found


def _versions() -> str:
    # Only a build that keeps its pages' record pays for importing this (2 MiB).
    from importlib import metadata  # noqa: PLC0415

    versions = []
    for name in ("pelican", "jinja2", "markdown", "markupsafe"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} ?")
    return "; ".join(versions)


def site_digest(digests: Digests, context: Mapping, loader) -> bytes | None:
    """What every page of the site depends on (see the module's docstring)."""
    shared = {key: _in_order(context[key]) for key in sorted(context) if key not in _UNSHARED}
    shared_digest = digests.of(shared)
    if shared_digest is None:
        return None
    hasher = hashlib.blake2b(digest_size=20)
    hasher.update(shared_digest)
    for path in template_files(loader):
        hasher.update(str(path).encode() + b"\0")
        hasher.update(path.read_bytes())
    return hasher.digest()


def enabled(settings: Mapping) -> bool:
    chosen = settings.get("TIMELINE_SKIP_UNCHANGED")
    if chosen is None:
        return bool(settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE"))
    return bool(chosen)


Entry = tuple[bytes, int, int]  # digest, size and modification time of the file written


Group = tuple[bytes, tuple[str, ...]]  # digest, and the files written together from it


@dataclass
class WrittenPages:
    """The pages of the last build and of this one, by output path (relative to the output folder)."""

    output_path: str
    store: str | None  # the cache file; None when skipping is off
    # The record is kept only by the code, and the libraries, that wrote it.
    stamp: str = ""
    kept: dict[str, Entry] = field(default_factory=dict)
    current: dict[str, Entry] = field(default_factory=dict)
    kept_groups: dict[str, Group] = field(default_factory=dict)
    current_groups: dict[str, Group] = field(default_factory=dict)
    digests: Digests = field(default_factory=Digests)
    skipped: int = 0
    _contents: dict[int, tuple[Content, bytes | None]] = field(default_factory=dict)
    _site: bytes | None = None
    _site_known: bool = False

    @classmethod
    def for_settings(cls, settings: Mapping, output_path: str) -> WrittenPages:
        store = os.path.join(settings["CACHE_PATH"], STORE_NAME) if enabled(settings) else None
        pages = cls(output_path, store, stamp=f"{code_stamp()}; {_versions()}" if store else "")
        kept = stamped_pickle.load(store, pages.stamp) if store else None
        if isinstance(kept, dict):
            pages.kept = kept.get("pages", {})
            pages.kept_groups = kept.get("groups", {})
        return pages

    def digest(self, context: Mapping, loader, key: str, template: str, values: object) -> bytes | None:
        """The digest of one page (or group of files): the site's and its own values'.

        The site's is worked out at the first call, when every generator has read its content."""
        if not self._site_known:
            self._site = site_digest(self.digests, context, loader) if self.store else None
            self._site_known = True
        if self._site is None:
            return None
        own = self.digests.of((key, template, values))
        return None if own is None else hashlib.blake2b(self._site + own, digest_size=20).digest()

    def content_digest(self, content: Content) -> bytes | None:
        """The digest of an article or page as a whole (its text and every field), once a build:
        its own page is made from it, and the listings that show it."""
        kept = self._contents.get(id(content))
        if kept is not None and kept[0] is content:
            return kept[1]
        own = {key: value for key, value in vars(content).items() if key not in ("_context", "settings")}
        found = self.digests.of(own)
        self._contents[id(content)] = (content, found)
        return found

    def unchanged(self, save_as: str, digest: bytes | None) -> bool:
        """True if the page written last time from the same values is still on disk as written
        (it is then kept for the next build too)."""
        if digest is None:
            return False
        kept = self.kept.get(save_as)
        if kept is None or kept[0] != digest or _file_entry(self._path(save_as), digest) != kept:
            return False
        self.current[save_as] = kept
        self.skipped += 1
        return True

    def written(self, save_as: str, digest: bytes | None) -> None:
        if digest is not None:
            entry = _file_entry(self._path(save_as), digest)
            if entry is not None:
                self.current[save_as] = entry

    def unchanged_group(self, key: str, digest: bytes | None) -> bool:
        """Like :meth:`unchanged`, for files written together (the exports): all or none."""
        kept = self.kept_groups.get(key)
        if digest is None or kept is None or kept[0] != digest:
            return False
        if not all(self.unchanged(path, digest) for path in kept[1]):
            return False
        self.current_groups[key] = kept
        return True

    def written_group(self, key: str, digest: bytes | None, paths: list[str]) -> None:
        if digest is not None:
            for path in paths:
                self.written(path, digest)
            self.current_groups[key] = (digest, tuple(paths))

    def save(self) -> str | None:
        current = {"pages": self.current, "groups": self.current_groups}
        if not self.store or current == {"pages": self.kept, "groups": self.kept_groups}:
            return None
        return stamped_pickle.save(self.store, self.stamp, current)

    def _path(self, save_as: str) -> str:
        return os.path.join(self.output_path, save_as)


def _file_entry(path: str, digest: bytes) -> Entry | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return digest, status.st_size, status.st_mtime_ns
