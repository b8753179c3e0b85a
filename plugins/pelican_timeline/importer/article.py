"""Reading an article out of a page: headline, outlet, dates, dateline, byline, body.

A page is a list of text lines (a text dump, or the blocks of an HTML page).
The header is what comes before the first body paragraph; site chrome is
recognised line by line; the body runs from the first prose paragraph to the
first end-of-article marker. Whatever cannot be determined stays empty and is
named in ``review`` — nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from . import outlets
from .page import Page
from .pubdate import Stamp, date_from_url, find_stamps, year_from_url
from .text import SENTENCE_CLOSE, looks_like_prose, repair_glued, word_count
from .timexpr import MONTHS

_CHROME = [
    r"the largest security-cleared career network.*",
    r".*\bjoin now\b.*",
    r"join (?:the|our) (?:[\w.]+ )?mailing list",
    r"read all the .*|exit mobile version|via .{5,120} [–—-]|\d+ / \d+|sign in(?: to .*)?|sign up(?: to .*)?|log ?in to .*",
    r"\W*\d+\s*[-+x*]\s*\d+\s*=\s*",  # comment-form sums: "5 + 1 ="
    r"•\s.*",  # bulleted promo lists of paywalls and newsletters
    r"(?:sign up|subscribe)(?: now)?(?: to| for)? (?:our |the )?(?:\w+ )?(?:newsletter|daily|weekly|updates|alerts).*",
    r"newsletter",
    r"(?:share|print|email|e-mail|tweet|like|save|send|share this(?: article| story| page)?|print (?:this )?(?:page|article|story)"
    r"|facebook|twitter|whatsapp|telegram|vk|linkedin|reddit|pinterest|copy link|font size|[+-]?a[+-]?)"
    r"(?:\s*[|/·•,]?\s*(?:share|print|email|e-mail|tweet|facebook|twitter|whatsapp|telegram|vk|linkedin|reddit|copy link))*",
    r"advertisement|advertising|sponsored(?: content)?|scroll to continue(?: with content)?|story continues below",
    r"(?:read more|related(?: articles| news| stories| coverage)?|see also|also read|recommended|more on this(?: story)?"
    r"|most read|most popular|popular|trending|latest news|top stories|you may also like|more from \w+)\b.*",
    r"(?:photo|image|picture|file photo|video|graphic)\s*(?:credit)?\s*[:/].*",
    r".*©.*|copyright\b.*|\(c\) \d{4}.*|all rights reserved\.?",
    r"(?:leave|post|add|write) a comment.*|comments?(?: \(\d+\))?|your email address will not be published.*",
    r"\((?:reporting|editing|writing|additional reporting|compiled) by [^)]*\)",
    r"[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}",
    r"\(?[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}\)?",
    r"(?:[a-z]{2,4}/){1,4}[a-z]{2,4}",
    r"/[a-z]{2,5}/",
    r"(?:home|news|world|menu|search|login|log in|register|sign in|skip to (?:main )?content|back to top|top)",
    r"page last modified:.*|site map|about us|privacy policy|contact us|terms of (?:use|service)|cookie.*",
    r"click here.*|(?:buy|order|pre-order) (?:now|the book|it).*",
    r".{3,120} - by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}",  # book promos: "Title - by Author"
    r"tags?:.*|topics?:.*|filed under:.*|tags|related news|your comment|you are replying to:.*|top \d+|latest news",
    r".*\b(?:buy it here|make a charitable donation|donate now)\b.*",
    r"file (?:pic|photo|image|picture)\b.*|media caption,?|image caption,?|image source,?.*|getty images|spread the love|site icon .*|see more stories about.*",
    r"(?:a[+-]\s*)+a[+-]?",  # text size buttons: "A+ A-"
    r"[A-Z]{1,4}(?:/[A-Z0-9.]+){1,4}",  # document symbols: "SG/SM/21760"
    r"\d+\*+\d+",  # IRNA story codes: "1391**2050"
    r"for information media\. not an official record\.?",
    r"(?:you are here|adjust font size|font size|journalist id|news code|news id|story code)\s*:?.*",
    r"\d+ persons?|\d+ views?|\d+ comments?|reading time:.*|\d+ min(?:ute)?s? read",
    r"(?:media note|press statement|press release|fact sheet|readout|remarks|interview|op-ed|report|analysis|opinion|editorial|off the wire|mehr vision|photo gallery|video)",
    r"\d+\.\s+[a-z]+",  # numbered section labels: "1. Politics"
    r"[a-z]{1,4}/[a-z]{2,5}\d{3,}",  # editor codes: "ZZ/IRN83425631"
    r"[^a-z]*[a-z][^a-z]*(?:\s+•\s+.+){2,}",  # headline tickers joined by bullets
    r".{10,200}\s-\s(?:sputnik(?: international)?|tass|reuters|afp|ap|xinhua|getty images)",  # captions credited at the end
]
CHROME = re.compile(r"^(?:" + "|".join(_CHROME) + r")$", re.I)
TICKER = re.compile(r"(?:\s•\s.*){2,}")
# Section navigation: a short line of capitalised words and scripts, no sentence in it.
NAV_LINE = re.compile(r"^(?:[A-Z][A-Z&]+|[^\x00-\x7f]+)(?:\s+(?:[A-Z][A-Z&]+|[^\x00-\x7f]+)){2,}$")
# Lines after which nothing belongs to the article.
END_MARKERS = re.compile(
    r"^(?:\(end\)|\(ends\)|-?end-?|join (?:the|our) (?:[\w.]+ )?mailing list|page last modified.*|related (?:articles|news|stories).*"
    r"|(?:©|copyright)[^/]*|more (?:news|stories) from.*|you may also like.*|comments?|persons|topics|tags"
    r"|for more information,? (?:please )?contact.*|sign in to unlock.*|newsletter)$",
    re.I,
)
PHOTO_CAPTION = re.compile(
    r"\((?:[\w ./-]*?[\s/])?(?:photo|afp|ap|reuters|yonhap|xinhua|epa|getty images?|tass|sputnik)[^)]*\)\s*$|\|\s*[A-Z]{2,}(?:/[A-Z]+)?$",
    re.I,
)
BYLINE = re.compile(
    r"^(?i:by|author:?|written by)\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)\s*(?:,.*)?$"
)
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_AGENCIES = "IRNA|Xinhua|TASS|Yonhap|Sputnik|Reuters|AP|AFP|KCNA|Mehr|Tasnim|Fars|Anadolu|Kyodo|MNA|IANS|PTI|KUNA"
DATELINE = re.compile(
    rf"^(?P<city>[A-Z][A-Z'.\- ]*[A-Z]|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}})"
    rf"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){{0,2}}))??"
    rf"(?:,\s*(?P<date>(?i:{_MONTH})\s+\d{{1,2}}(?:,\s*(?:19|20)\d\d)?)\.?)?"
    rf"\s*(?:\((?P<credit>[^)]{{2,40}})\)|/(?P<credit2>[A-Z-]{{2,12}})/\.?|,\s*(?P<credit3>{_AGENCIES})\b\.?)?"
    rf"\s*(?P<dash>--|–|—|-|:)?\s+",
)


@dataclass
class ArticleFields:
    title: str = ""
    published: datetime | date | None = None
    modified: datetime | date | None = None
    source: str = ""
    source_url: str = ""
    via: str = ""
    via_url: str = ""
    dateline: str = ""
    dateline_date: date | None = None
    authors: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    headings: set[str] = field(default_factory=set)
    removed: list[str] = field(default_factory=list)  # chrome lines taken out
    review: list[str] = field(default_factory=list)
    # Raw readings, settled into the fields above once the whole page is read.
    published_stamp: Stamp | None = None
    modified_stamp: Stamp | None = None
    dateline_text: str = ""
    stamps_above_title: list[Stamp] = field(default_factory=list)  # may be a "today" widget
    title_prefix: str = ""  # "Press Releases:" when the title carries a listing's label
    dateline_paragraph: int | None = None  # which paragraph opens with the dateline
    dateline_length: int = 0  # characters of that paragraph the dateline takes


@lru_cache(maxsize=8192)  # a site's chrome lines recur on every page of a bulk import
def is_chrome(line: str) -> bool:
    if TICKER.search(line):
        return True
    if word_count(line) > 40:
        return False  # a paragraph this long is text, whatever words it contains
    if CHROME.match(line) or NAV_LINE.match(line):
        return True
    return bool(PHOTO_CAPTION.search(line)) and "--" not in line


def _is_dateline_paragraph(line: str) -> bool:
    match = DATELINE.match(line)
    if not match:
        return False
    city_caps = match.group("city").isupper() and len(match.group("city")) > 2
    credited = any(match.group(k) for k in ("credit", "credit2", "credit3"))
    dash = match.group("dash")
    if not dash and not match.group("credit2") and not match.group("credit3"):
        return False  # only the TASS style "/TASS/." stands without a dash
    return (city_caps or credited) and (dash != ":" or (credited and city_caps))


def read_article(page: Page, url: str = "") -> ArticleFields:
    fields = ArticleFields()
    # An agency given as the page's "author" is a credit, not a byline.
    for name in list(page.hints.get("authors", [])):
        outlet = outlets.by_name(name)
        if outlet is not None:
            _credit(fields, outlet)
            page.hints["authors"].remove(name)
    lines = [repair_glued(line) for line in page.lines]
    body_start = _body_start(lines, page.is_html)
    header, rest = lines[:body_start], lines[body_start:]
    title_index = _find_title(header, page)
    fields.title = _title(header, title_index, page)
    label = re.match(r"^([A-Z][\w ]{2,30}:)\s", fields.title)
    fields.title_prefix = label.group(1) if label and word_count(label.group(1)) <= 3 else ""
    split_at = title_index if title_index is not None else 0
    _read_header(header[:split_at], fields, above_title=True)
    _read_header(header[split_at + (title_index is not None) :], fields)
    _read_body(rest, fields, page.headings)
    _read_dateline(fields)
    _settle_outlets(fields, lines, page, url)
    _settle_dates(fields, page, url)
    if not fields.title:
        fields.review.append("no headline found on the page")
    if not fields.paragraphs:
        fields.review.append("no body text found on the page")
    return fields


def _body_start(lines: list[str], is_html: bool = False) -> int:
    for index, line in enumerate(lines):
        if is_chrome(line) or (word_count(line) <= 25 and find_stamps(line)):
            continue  # a date line is header, even one that ends in "New Delhi/Beijing:"
        # In HTML a paragraph is marked as one; in a text dump it must read like one.
        prose = word_count(line) >= 12 if is_html else looks_like_prose(line)
        if prose or (_is_dateline_paragraph(line) and word_count(line) >= 8):
            # A standfirst can come before the byline and date: the body starts after those.
            for later in range(index + 1, min(index + 4, len(lines))):
                line_after = lines[later]
                is_metadata = find_stamps(line_after) or BYLINE.match(line_after) or METADATA_LINE.search(line_after)
                if word_count(line_after) <= 25 and not SENTENCE_CLOSE.search(line_after) and is_metadata:
                    return _body_start(lines[later + 1 :], is_html) + later + 1
            return index
    return len(lines)


def _find_title(header: list[str], page: Page) -> int | None:
    wanted = page.hints.get("h1") or page.hints.get("title") or ""
    candidates = []
    for index, line in enumerate(header):
        if is_chrome(line) or find_stamps(line) or outlets.by_name(line) or BYLINE.match(line) or STAFF.match(line):
            continue
        if (
            not 3 <= word_count(line) <= 40
            or (line.endswith((".", ":")) and not line.endswith("..."))
            or NUMBERED.match(line)
        ):
            continue
        score = 0.0
        if wanted and _same_text(line, wanted):
            score += 10
        for distance, weight in ((1, 5), (2, 2)):
            nearby = [header[i] for i in (index - distance, index + distance) if 0 <= i < len(header)]
            if any(_is_metadata(x) for x in nearby):
                score += weight
                break
        if SECTION_LABEL.search(line) or word_count(line) <= 3:
            score -= 3  # "World / Asia-Pacific", "Weapons of Mass Destruction (WMD)"
        elif not candidates:
            score += 3  # a headline comes before the standfirst and captions
        score += min(word_count(line), 15) / 15
        candidates.append((score, -index, index))
    if not candidates:
        return None
    return max(candidates)[2]


SECTION_LABEL = re.compile(r"\s[/&|›»>]\s|\([A-Z]{2,6}\)$")


def _is_metadata(line: str) -> bool:
    return bool(outlets.by_name(line) or find_stamps(line) or BYLINE.match(line) or STAFF.match(line))


def _same_text(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().casefold()  # noqa: E731
    return norm(a) == norm(b) or (norm(b).startswith(norm(a)) and len(norm(a)) > 20)


def _title(header: list[str], index: int | None, page: Page) -> str:
    if index is not None:
        return header[index]
    for key in ("h1", "title"):
        if page.hints.get(key):
            # Drop a trailing " | Site name" or " - Site name".
            return re.split(r"\s+[|–—]\s+|\s+-\s+(?=[A-Z][\w .]*$)", page.hints[key])[0].strip()
    return ""


STAMP_PLACE = re.compile(r"\s[-–—]\s(?P<place>[A-Z][a-z]+(?:[ /][A-Z][a-z]+){0,3}):\s*$")
PLACE_LINE = re.compile(r"^(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s*(?:DC|D\.C\.)$")
NUMBERED = re.compile(r"^\d+\.\s")  # breadcrumb items: "4. India condemns …"
STAFF = re.compile(r"^(?P<outlet>.{3,60}?)\s+(?:staff|staff writers?|desk|newsroom)$", re.I)
METADATA_LINE = re.compile(r"\b(?:published on|reported by|posted on|updated on|last updated)\b", re.I)
CREDIT_LINE = re.compile(
    r"^(?:\((?P<paren>[^)]{2,40})\)|(?:source|reported by|agency):\s*|from\s+(?=[A-Z])(?P<label>[\w .-]{2,40}?)\s*(?:$|[|,]|\s(?=[A-Z]))|(?P<lead>[A-Z]{2,6})\s+reported by:)",
    re.I,
)
# "as VOA's Peter Heinlein reports": the byline told in the text.
REPORTS_BYLINE = re.compile(r"\b[A-Z][\w.]*'s (?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}) reports\b")


# "(Reporting by Louis Charbonneau and Claudia Parsons; Editing by …)"
REPORTING_CREDIT = re.compile(r"\((?:reporting|writing) by (?P<names>[^;)]+)", re.I)


def _read_header(header: list[str], fields: ArticleFields, above_title: bool = False) -> None:
    for line in header:
        if is_chrome(line):
            fields.removed.append(line)
            continue
        outlet = outlets.by_name(line)
        if outlet is not None:
            _credit(fields, outlet)
            continue
        credit = CREDIT_LINE.match(line)
        if credit:
            outlet = outlets.by_name(credit.group("paren") or credit.group("label") or credit.group("lead") or "")
            if outlet is not None:
                _credit(fields, outlet)
        if PLACE_LINE.match(line) and not fields.dateline:
            fields.dateline = PLACE_LINE.match(line).group("city")  # "Washington, DC" on a line of its own
            continue
        staff = STAFF.match(line)
        if staff and (outlet := outlets.by_name(staff.group("outlet"))) is not None:
            _credit(fields, outlet)
            continue
        elif word_count(line) <= 8 and find_stamps(line) and (outlet := outlets.mentioned_in(line)) is not None:
            _credit(fields, outlet)  # "Xinhua,December 09, 2017 Adjust font size:"
        byline = BYLINE.match(line)
        if byline:
            fields.authors = [a.strip() for a in re.split(r"\s*(?:,|\band\b|&)\s*", byline.group("names")) if a.strip()]
            continue
        if word_count(line) > 25:
            continue
        place = STAMP_PLACE.search(line)
        if place and find_stamps(line) and not fields.dateline:
            fields.dateline = place.group("place")  # "… 10:28 pm IST - New Delhi/Beijing:"
        for stamp in find_stamps(line):
            if above_title:
                fields.stamps_above_title.append(stamp)
            else:
                _take_stamp(fields, stamp)


def _credit(fields: ArticleFields, outlet: outlets.Outlet) -> None:
    if outlet.republisher:
        fields.via = fields.via or outlet.name
    elif not fields.source:
        fields.source = outlet.name


def _take_stamp(fields: ArticleFields, stamp: Stamp) -> None:
    if stamp.update:
        fields.modified_stamp = fields.modified_stamp or stamp
    else:
        fields.published_stamp = fields.published_stamp or stamp


def _is_promo_headline(line: str) -> bool:
    """A link to another story set between paragraphs: a Title Case line of six words or more."""
    words = re.findall(r"[A-Za-z][\w'’.-]*", line)
    if len(words) < 6 or SENTENCE_CLOSE.search(line):
        return False
    small = {"a", "an", "the", "of", "on", "in", "to", "for", "and", "or", "at", "by", "with", "from", "as", "vs"}
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return capitalised == len(words)


GLUED_END = re.compile(r"\s*\((?:end|ends)\)\s*\S{0,30}$", re.I)


def _read_body(lines: list[str], fields: ArticleFields, headings: set[str]) -> None:
    for index, line in enumerate(lines):
        glued = GLUED_END.search(line)
        if glued and glued.start() > 0:
            fields.removed.append(line[glued.start() :].strip())
            fields.paragraphs.append(line[: glued.start()])
            fields.removed.extend(lines[index + 1 :])
            break
        if END_MARKERS.match(line):
            fields.removed.extend(lines[index:])
            break
        if is_chrome(line):
            fields.removed.append(line)
            continue
        if fields.paragraphs and fields.title_prefix and line.startswith(fields.title_prefix):
            fields.removed.extend(lines[index:])  # the next release of a listing page
            break
        if _is_promo_headline(line) and fields.paragraphs:
            fields.removed.append(line)
            continue
        is_heading = line in headings or (
            len(line) >= 3 and word_count(line) <= 12 and line[-1] not in ".!?:;,\"”'’)" and index + 1 < len(lines)
            and looks_like_prose(lines[index + 1]) and fields.paragraphs
        )  # fmt: skip
        if is_heading:
            fields.headings.add(line)
        elif not looks_like_prose(line) and word_count(line) < 6 and not fields.paragraphs:
            fields.removed.append(line)
            continue
        fields.paragraphs.append(line)
    # Short lines after the last paragraph (topic tags, "Persons", names) are page furniture.
    while fields.paragraphs and (
        fields.paragraphs[-1] in fields.headings
        or (not SENTENCE_CLOSE.search(fields.paragraphs[-1]) and word_count(fields.paragraphs[-1]) <= 8)
    ):
        fields.removed.append(fields.paragraphs.pop())


def _read_dateline(fields: ArticleFields) -> None:
    for index, paragraph in enumerate(fields.paragraphs[:3]):
        if not _is_dateline_paragraph(paragraph):
            continue
        match = DATELINE.match(paragraph)
        fields.dateline_paragraph, fields.dateline_length = index, match.end()
        city = match.group("city").strip()
        fields.dateline = city.title() if city.isupper() else city
        credit = match.group("credit") or match.group("credit2") or match.group("credit3") or ""
        outlet = outlets.by_name(credit) if credit else None
        if outlet is not None:
            _credit(fields, outlet)
        if match.group("date"):
            fields.dateline_text = match.group("date")
        return


def _settle_outlets(fields: ArticleFields, lines: list[str], page: Page, url: str) -> None:
    footer_credit = next(
        (o for line in fields.removed if re.search(r"©|copyright", line, re.I) and (o := outlets.mentioned_in(line))),
        None,
    )
    if footer_credit is not None and not fields.source:
        _credit(fields, footer_credit)  # "© Copyright Thomson Reuters": the site carries an agency's story
    host_outlet = outlets.by_host(url) if url else None
    site = outlets.by_name(page.hints.get("site_name", "")) if page.hints.get("site_name") else None
    for candidate in (site, host_outlet):
        if candidate is None:
            continue
        if fields.source and candidate.name != fields.source and not fields.via:
            fields.via = candidate.name  # the site carries another outlet's story
        else:
            _credit(fields, candidate)
    if not fields.authors:
        told = next((m for p in fields.paragraphs[:2] if (m := REPORTS_BYLINE.search(p))), None)
        credit = next((m for line in reversed(fields.removed) if (m := REPORTING_CREDIT.search(line))), None)
        if told:
            fields.authors = [told.group("name")]
        elif credit:
            fields.authors = [a.strip() for a in re.split(r",\s*|\s+and\s+", credit.group("names")) if a.strip()]
    if not fields.via and any("security-cleared career network" in line.casefold() for line in lines[:5]):
        fields.via = "GlobalSecurity.org"  # the site's job-board banner is its signature
    if not fields.source and page.hints.get("site_name") and site is None:
        fields.source = page.hints["site_name"]
    if not fields.source and fields.via:
        fields.review.append(f"the original outlet is not named; only the republisher {fields.via} is known")
    elif not fields.source:
        fields.review.append("no outlet found on the page")
    if url:
        if fields.via and host_outlet is not None and host_outlet.republisher:
            fields.via_url = url
        else:
            fields.source_url = url


def _settle_dates(fields: ArticleFields, page: Page, url: str) -> None:
    published, modified = fields.published_stamp, fields.modified_stamp
    if published is None and fields.stamps_above_title:
        # Above the headline a date may be the site's "today" widget: trust it only
        # with a time of day, or when the dateline agrees with it.
        for stamp in fields.stamps_above_title:
            agrees = bool(fields.dateline_text) and _dateline_date(fields.dateline_text, stamp.year) == (
                stamp.date() if stamp.year else None
            )
            if stamp.hour is not None or agrees:
                if stamp.update:
                    modified = modified or stamp
                else:
                    published = stamp
                    break
        else:
            if published is None and not fields.stamps_above_title[0].update:
                fields.review.append(
                    f"the date '{fields.stamps_above_title[0].text}' above the headline was not used: it may be the site's date of today"
                )
    hint_published = _iso(page.hints.get("published", ""))
    hint_modified = _iso(page.hints.get("modified", ""))
    url_date = date_from_url(url) if url else None
    dateline_text = fields.dateline_text

    year_hint = None
    if hint_published is not None:
        year_hint = hint_published.year
    elif url:
        year_hint = year_from_url(url)
    if published is None and modified is not None and modified.year and not hint_published:
        year_hint = year_hint or modified.year
    if published is not None and published.year is None:
        if year_hint:
            published = published.with_year(year_hint)
            fields.review.append(
                "the page prints the publication date without a year; the year was taken from the URL or page metadata"
            )
        else:
            fields.review.append(f"the publication date '{published.text}' has no year and nothing reliable gives one")
            published = None
    if modified is not None and modified.year is None:
        modified = modified.with_year(published.year) if published is not None else None

    if published is None and modified is not None and modified.year:
        published = replace(modified, hour=None, minute=None, update=False)
        fields.review.append("only an update time is printed; the publication day was taken from it")
    if published is not None:
        fields.published = _zoned(published, fields)
    elif hint_published is not None:
        fields.published = hint_published
    elif dateline_text:
        dateline_date = _dateline_date(dateline_text, year_hint)
        if dateline_date:
            fields.published = dateline_date
            fields.review.append("publication date taken from the dateline")
    if fields.published is None and url_date is not None:
        fields.published = url_date
        fields.review.append("publication date taken from the URL")
    if fields.published is None:
        fields.review.append("no publication date on the page")
    if modified is not None:
        fields.modified = _zoned(modified, fields)
    elif hint_modified is not None and hint_modified != fields.published:
        fields.modified = hint_modified
    if dateline_text:
        fields.dateline_date = _dateline_date(dateline_text, _year_of(fields.published) or year_hint)
    if not fields.authors and page.hints.get("authors"):
        fields.authors = list(page.hints["authors"])


def _year_of(value) -> int | None:
    return value.year if value is not None else None


def _dateline_date(text: str, year_hint: int | None) -> date | None:
    match = re.match(r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?", text)
    if not match:
        return None
    year = int(match.group("year")) if match.group("year") else year_hint
    month = MONTHS.get(match.group("month").lower())
    if not year or not month:
        return None
    try:
        return date(year, month, int(match.group("day")))
    except ValueError:
        return None


def _iso(text: str) -> datetime | date | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(text) <= 10:
        return value.date()
    return value


def _zoned(stamp: Stamp, fields: ArticleFields) -> datetime | date:
    moment = stamp.moment()
    if not isinstance(moment, datetime) or moment.tzinfo is not None:
        return moment
    outlet = next((o for o in outlets.OUTLETS if o.name == fields.source), None)
    if outlet is not None and outlet.zone:
        zoned = moment.replace(tzinfo=ZoneInfo(outlet.zone))
        offset = zoned.utcoffset() or timedelta(0)
        fields.review.append(
            f"the page gives a local time without a zone; {outlet.zone} ({_offset_text(offset)}) assumed from the outlet"
        )
        return zoned
    fields.review.append("the page gives a time without a time zone")
    return moment


def _offset_text(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
