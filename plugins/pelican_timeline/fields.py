"""Typed access to one front matter mapping, collecting problems as it goes.

Validation never stops at the first problem: each accessor records what is
wrong (with the line of the offending key) and returns a safe empty value, so
one pass reports everything wrong with a file.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, Iterable
from datetime import datetime
from urllib.parse import urlsplit

from .dates import DateError, EventDate, parse_date
from .frontmatter import LineDict, LineList
from .ledger import ERROR, WARNING, Problem
from .memo import kept
from .render import unsafe_markup

SAFE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 120
# Markup in a plain-text field is shown literally, which is rarely what the
# writer meant, so it earns a warning.
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
SAFE_URL_SCHEMES = ("http", "https")
_ISO_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}(?::?[0-5][0-9])?)?)?"
)

_TYPE_NAMES = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}


def type_name(value: object) -> str:
    if value is None:
        return "nothing"
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind) and (kind is not int or not isinstance(value, bool)):
            return name
    return type(value).__name__


def as_text(value: object) -> object:
    """A number where text is wanted is taken as written (``2371``, ``1.50``); anything else is unchanged."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return getattr(value, "source", str(value))
    return value


def id_problem(value: str) -> str | None:
    """Why ``value`` cannot be used as an id (a path segment), or None if it can."""
    if not value:
        return "an id cannot be empty"
    if len(value) > MAX_ID_LENGTH:
        return f"'{value[:40]}…' is longer than {MAX_ID_LENGTH} characters"
    if not SAFE_ID.fullmatch(value):
        return f"'{value}' is not a safe id: use lowercase letters, digits and single hyphens"
    return None


def url_problem(value: str) -> str | None:
    try:
        parts = urlsplit(value.strip())
    except ValueError as error:  # "https://[abc": an unclosed IPv6 bracket
        return f"'{value[:80]}' is not a valid URL ({error})"
    if parts.scheme.lower() not in SAFE_URL_SCHEMES:
        scheme = parts.scheme or "no scheme"
        return f"'{value[:80]}' is refused: only http and https links are published ({scheme})"
    if not parts.netloc:
        return f"'{value[:80]}' has no host"
    return None


def suggest(value: str, choices: Iterable[str]) -> str:
    """ " (did you mean 'x'?)" for the choice most like ``value``, or "" when none is close.

    A site can have thousands of unknown actor references, each compared with
    every known id: difflib took 15 ms per reference against 700 ids, RapidFuzz
    a hundredth of that. Ties go to the greater text, whatever order the choices
    come in, so the message is the same in every build.
    """
    from rapidfuzz import fuzz, process  # noqa: PLC0415 - only content with a mistake needs it

    # A list of the choices themselves: RapidFuzz would match a mapping's values, not its keys.
    close = process.extract(value, list(choices), scorer=fuzz.ratio, score_cutoff=60, limit=None)
    if not close:
        return ""
    best = max((score, choice) for choice, score, _ in close)[1]
    return f" (did you mean '{best}'?)"


# Ids already found safe (a safe id is its own stripped form), each kept once.
_SAFE_IDS: dict[str, str] = {}


class Fields:
    """One mapping from the front matter of ``path``; ``prefix`` names its place."""

    def __init__(self, meta: LineDict, path: str, problems: list[Problem], prefix: str = "") -> None:
        self.meta = meta
        self.path = path
        self.problems = problems
        self.prefix = prefix

    def name(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def line(self, key: str) -> int:
        return self.meta.line_of(key)

    def problem(self, key: str, message: str, severity: str = ERROR, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, line or self.line(key), self.name(key), message, severity))

    def has(self, key: str) -> bool:
        return self.meta.get(key) is not None

    def reject_unknown(self, allowed: Collection[str]) -> None:
        for key in self.meta:
            if key not in allowed:
                self.problem(key, f"unknown field{suggest(key, allowed)}")

    def require(self, key: str) -> bool:
        if self.meta.get(key) is None or self.meta.get(key) == "":
            self.problem(key, "is required" if key not in self.meta else "is required and cannot be empty")
            return False
        return True

    def text(self, key: str, *, required: bool = False, plain: bool = True, shared: bool = False) -> str:
        """``shared``: a value many files repeat (a place, an outlet, a dateline), kept once."""
        value = self.meta.get(key)
        if value is None or value == "":
            if required:
                self.require(key)
            return ""
        if value.__class__ is not str:  # text is nearly every value: anything else takes the long way
            value = as_text(value)
            if not isinstance(value, str):
                self.problem(key, f"must be text, not {type_name(value)}")
                return ""
        value = value.strip()
        if plain:
            self._check_plain(key, value)
        return sys.intern(value) if shared else value

    def _check_plain(self, key: str, value: str, line: int | None = None) -> None:
        if "<" in value and MARKUP.search(value):
            self.problem(key, "contains HTML markup; it is shown as literal text", WARNING, line)

    def items(self, key: str) -> LineList:
        """The list under ``key`` (empty if absent); a lone value is a mistake."""
        value = self.meta.get(key)
        if value is None:
            return LineList()
        if not isinstance(value, list):
            self.problem(key, f"must be a list, not {type_name(value)}")
            return LineList()
        return value

    def text_list(self, key: str, *, plain: bool = True) -> tuple[str, ...]:
        values = self.items(key)
        result = []
        for index, value in enumerate(values):
            item = as_text(value)
            if not isinstance(item, str) or not item.strip():
                self.problem(f"{key}[{index}]", f"must be text, not {type_name(item)}", line=values.line_of(index))
                continue
            if plain:
                self._check_plain(f"{key}[{index}]", item, values.line_of(index))
            result.append(sys.intern(item.strip()))  # tags and the like recur across files
        return tuple(result)

    def identifier(self, key: str, value: object, line: int | None = None) -> str:
        # An actor's id recurs in every article and event that names it: kept once, not
        # once per mention (tens of thousands of copies in a big site), and judged once.
        known = _SAFE_IDS.get(value) if value.__class__ is str else None
        if known is not None:
            return known
        checked = sys.intern(self._checked(key, value, line, "an id (text)", id_problem))
        return kept(_SAFE_IDS, checked, checked) if checked else checked

    def _checked(self, key: str, value: object, line: int | None, wanted: str, reason_for) -> str:
        """``value`` if it is text that ``reason_for`` finds no fault with, else "" and a problem."""
        if not isinstance(value, str):
            self.problem(key, f"must be {wanted}, not {type_name(value)}", line=line)
            return ""
        reason = reason_for(value)
        if reason:
            self.problem(key, reason, line=line)
            return ""
        return value.strip()

    def choice(self, key: str, choices: Iterable[str], *, required: bool = False, default: str = "") -> str:
        value = self.text(key, required=required)
        if not value:
            return default
        choices = tuple(choices)
        if value not in choices:
            self.problem(key, f"'{value}' is not one of: {', '.join(choices)}{suggest(value, choices)}")
            return ""
        return choices[choices.index(value)]  # the vocabulary's own text, shared by every record

    def event_date(self, key: str, *, required: bool = False) -> EventDate | None:
        if required and not self.require(key):
            return None
        value = self.meta.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:04d}"  # `date: 2017` is read as a number; it means the year
        if not isinstance(value, str):
            self.problem(key, f"must be an EDTF date string, not {type_name(value)}")
            return None
        try:
            return parse_date(value)
        except DateError as error:
            self.problem(key, str(error))
            return None

    def timestamp(self, key: str, *, required: bool = False) -> datetime | None:
        """A full publication date, optionally with time and zone.

        Partial dates are refused here rather than handed to Pelican, whose
        date parser would fill the missing parts from today's date.
        """
        if required and not self.require(key):
            return None
        value = self.meta.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not _ISO_DATETIME.fullmatch(value.strip()):
            shown = value if isinstance(value, str) else type_name(value)
            self.problem(key, f"'{shown}' is not a full date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]")
            return None
        try:
            moment = datetime.fromisoformat(value.strip().replace(" ", "T"))
        except ValueError as error:
            self.problem(key, f"'{value}' is not a real date ({error})")
            return None
        if moment.tzinfo is not None:
            moment = moment.astimezone(moment.tzinfo)  # normalise fixed offsets
        return moment

    def url(self, key: str, value: object, line: int | None = None) -> str:
        """A safe link, or "" when the link is dropped (with a warning: the rest stays publishable)."""
        if isinstance(value, str) and value.strip():
            reason = url_problem(value)
            if reason:
                self.problem(key, f"{reason}; the link is dropped", WARNING, line)
                return ""
            return value.strip()
        return self._checked(key, value, line, "a URL", url_problem)

    def markdown(self, key: str, render) -> str:
        """A Markdown field rendered to safe HTML, with a warning if anything had to be removed."""
        text = self.text(key, plain=False)
        if not text:
            return ""
        reason = unsafe_markup(text)
        if reason:
            self.problem(key, reason, WARNING)
        return render(text)

    def mapping(self, key: str, value: object, line: int | None = None) -> Fields | None:
        if not isinstance(value, LineDict):
            self.problem(key, f"must be a mapping, not {type_name(value)}", line=line)
            return None
        return Fields(value, self.path, self.problems, self.name(key))
