"""Markdown to HTML that is safe to publish.

Contributors' Markdown may carry raw HTML (Markdown lets it through), and
imported articles carry whatever the web page had. Everything rendered from
content goes through one sanitiser, so a ``<script>`` or an ``onerror=`` can
never reach a page, and links keep to http(s), mail and in-site targets.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl",
    "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
    "ol": {"start", "reversed"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize(html: str) -> str:
    """Keep harmless markup only; drop scripts, handlers and unsafe URLs."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


UNSAFE = {
    "a script": re.compile(r"<\s*script", re.I),
    "an event handler": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
    "a javascript:, vbscript: or data: link": re.compile(r"(?:javascript|vbscript|data)\s*:", re.I),
    "an embedded frame or object": re.compile(r"<\s*(?:iframe|object|embed|frame|form|meta|base|link|style)\b", re.I),
}


def unsafe_markup(text: str) -> str | None:
    """What the sanitiser will take out of this Markdown, in words, or None.

    The sanitiser removes it either way; this is so the build can say so.
    """
    if "<" not in text and ":" not in text:  # every pattern above needs one of the two
        return None
    found = [label for label, pattern in UNSAFE.items() if pattern.search(text)]
    return f"unsafe markup removed ({', '.join(found)})" if found else None


def markdown_settings(settings: dict | None) -> dict:
    """Pelican's MARKDOWN settings without the ``meta`` extension.

    Front matter is already split off; ``meta`` would swallow a body that
    happens to start with ``Word: text``.
    """
    config = copy.deepcopy((settings or {}).get("MARKDOWN") or {})
    config.setdefault("output_format", "html5")
    config["extensions"] = [e for e in config.get("extensions", []) if "meta" not in str(e).rsplit(".", 1)[-1]]
    configs = config.get("extension_configs", {})
    config["extension_configs"] = {k: v for k, v in configs.items() if "meta" not in k.rsplit(".", 1)[-1]}
    return config


# Text with none of these, and no line that starts a list, quote, code block or heading,
# is plain paragraphs: Markdown would only wrap it in <p> and escape <, > and &.
MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]!<>#|~{}&=]|  \n|^[ \t]|^\s*(?:[-+]|\d+[.)])(?:\s|$)|^-+\s*$", re.M)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def plain_paragraphs(text: str) -> str | None:
    """The HTML Markdown makes of plain prose, without running Markdown; None if ``text`` is not plain."""
    text = text.strip("\n")
    if not text or MARKDOWN_SYNTAX.search(text):
        return None
    return "\n".join(f"<p>{part.strip()}</p>" for part in PARAGRAPH_BREAK.split(text) if part.strip())


def markdown_renderer(settings: dict | None = None) -> Callable[[str], str]:
    """A function from Markdown text to sanitised HTML, reusing one parser.

    Most summaries and many bodies are plain prose; they skip the Markdown
    parser and the sanitiser (the tests check the result is the same).
    """
    import markdown  # noqa: PLC0415 - `timeline check` never renders; it starts faster without it

    parser = markdown.Markdown(**markdown_settings(settings))

    def render(text: str) -> str:
        plain = plain_paragraphs(text)
        if plain is not None:
            return plain
        parser.reset()
        return sanitize(parser.convert(text))

    return render
