"""Loading a saved page: bytes → text lines (and, for HTML, the metadata it declares).

Saved HTML is parsed with lxml and reduced to the text of its block elements;
scripts, styles, forms, navigation and every attribute are dropped, so no
markup from the page can reach a draft. Metadata the page declares for
machines (``og:`` and ``article:`` meta tags, JSON-LD ``NewsArticle``) is kept
as hints, since it is more reliable than anything read off the text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

MAX_BYTES = 5 * 1024 * 1024
# Tried in order after UTF-8; cp1252 before latin-1 because pages labelled
# "latin-1" are nearly always Windows-1252 (curly quotes in 0x80-0x9f).
LEGACY_ENCODINGS = ("cp1252", "cp1251", "latin-1")
HTML_SIGN = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|p|div|article)[\s>]", re.I)
DROP = ("script", "style", "noscript", "template", "iframe", "svg", "form", "button", "select", "input", "textarea")
CHROME = ("nav", "footer", "aside")
BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "pre",
    "dt",
    "dd",
    "td",
    "th",
    "time",
}
HEADINGS = {"h2", "h3", "h4"}


class PageError(ValueError):
    """A page that cannot be imported, with a one-line reason."""


@dataclass
class Page:
    lines: list[str]
    is_html: bool = False
    encoding: str = "utf-8"
    hints: dict = field(default_factory=dict)  # title, site_name, published, modified, authors, url
    headings: set[str] = field(default_factory=set)  # lines that were in-body headings


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with; refuses empty, binary and oversized input."""
    if len(raw) > MAX_BYTES:
        raise PageError(f"the file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit")
    if not raw.strip():
        raise PageError("the file is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw[:4096] or _binary_share(raw[:4096]) > 0.1:
        raise PageError("the file is binary, not a text or HTML page")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"charset=[\"']?([\w-]+)", raw[:4096], re.I)
    candidates = ([declared.group(1).decode("ascii").lower()] if declared else []) + list(LEGACY_ENCODINGS)
    for encoding in candidates:
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise PageError("the file is not UTF-8 and no common legacy encoding reads it")  # pragma: no cover


def _binary_share(sample: bytes) -> float:
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(1, len(sample))


def load(raw: bytes) -> Page:
    text, encoding = decode(raw)
    if HTML_SIGN.search(raw[:8192]):
        page = from_html(text)
        page.encoding = encoding
        return page
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return Page([line for line in lines if line], encoding=encoding)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def from_html(text: str) -> Page:
    try:
        tree = lxml_html.document_fromstring(text)
    except Exception as error:  # lxml raises several kinds for broken documents
        raise PageError(f"the HTML cannot be parsed ({error})") from None
    hints = _hints(tree)
    for element in tree.xpath("//" + " | //".join(DROP)):
        element.drop_tree()
    for element in tree.iter("header"):
        if not any(a.tag == "article" for a in element.iterancestors()) and not element.xpath(".//h1"):
            element.drop_tree()
    for element in tree.xpath("//" + " | //".join(CHROME)):
        element.drop_tree()
    lines: list[str] = []
    headings: set[str] = set()
    body = tree.find("body")
    for element in (body if body is not None else tree).iter():
        if not isinstance(element.tag, str) or element.tag not in BLOCKS:
            continue
        if any(isinstance(a.tag, str) and a.tag in BLOCKS for a in element.iterancestors()):
            continue  # text already taken with its enclosing block
        line = _clean(element.text_content())
        if line:
            lines.append(line)
            if element.tag in HEADINGS:
                headings.add(line)
    return Page(lines, is_html=True, hints=hints, headings=headings)


def _hints(tree) -> dict:
    hints: dict = {}

    def meta(*names: str) -> str:
        for name in names:
            for attribute in ("property", "name", "itemprop"):
                found = tree.xpath(f"//meta[@{attribute}=$n]/@content", n=name)
                if found and found[0].strip():
                    return _clean(found[0])
        return ""

    hints["title"] = meta("og:title", "twitter:title") or _clean(" ".join(tree.xpath("//title//text()")))
    hints["site_name"] = meta("og:site_name", "application-name")
    hints["published"] = meta("article:published_time", "datePublished", "pubdate", "date", "dc.date")
    hints["modified"] = meta("article:modified_time", "dateModified", "og:updated_time")
    author = meta("author", "article:author", "byl")
    hints["authors"] = [author] if author and not author.startswith("http") else []
    hints["url"] = meta("og:url") or "".join(tree.xpath("//link[@rel='canonical']/@href")[:1])
    for block in tree.xpath("//script[@type='application/ld+json']/text()"):
        _json_ld(block, hints)
    h1 = tree.xpath("//h1")
    if h1:
        hints["h1"] = _clean(h1[0].text_content())
    return {key: value for key, value in hints.items() if value}


def _json_ld(block: str, hints: dict) -> None:
    try:
        data = json.loads(block)
    except ValueError:
        return
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    for item in items:
        if not isinstance(item, dict):
            continue
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(k in ("NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting") for k in kinds):
            continue
        hints.setdefault("title", item.get("headline", ""))
        if item.get("datePublished"):
            hints["published"] = str(item["datePublished"])
        if item.get("dateModified"):
            hints["modified"] = str(item["dateModified"])
        authors = item.get("author")
        authors = authors if isinstance(authors, list) else [authors] if authors else []
        names = [a.get("name") if isinstance(a, dict) else a for a in authors]
        names = [n for n in names if isinstance(n, str) and n.strip()]
        if names:
            hints["authors"] = names
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and publisher.get("name"):
            hints.setdefault("site_name", publisher["name"])
