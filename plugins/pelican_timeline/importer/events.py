"""Dated events out of an article's sentences.

One event per distinct dated happening: the lede's main event, and each
sentence that carries a time expression. Background mentions ("since 2015",
"the 2015 deal") are not events. Each event gets the actors named in its
sentence, a one-line title, a type where the verb makes it clear, and the
place when one is stated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from .actors import NAME_WORD, TITLES, Mention, Registry
from .text import sentences
from .timexpr import TimeExpression, find_times

# PLOVER types by the verbs and nouns that make them clear, strongest first.
TYPE_CUES: list[tuple[str, re.Pattern]] = [
    (kind, re.compile(rf"\b(?:{cues})\b", re.I))
    for kind, cues in [
        ("sanction", r"sanction(?:s|ed|ing)?|embargo(?:ed)?|ban(?:s|ned)? (?:imports|exports)|blacklist(?:ed)?|froze (?:the )?assets"),
        ("assault", r"attack(?:s|ed)?|struck|strikes?|bomb(?:s|ed|ing)|shell(?:ed|ing)|killed|shot down|invad(?:ed|es)|fired (?:on|at)"),
        ("threaten", r"threat(?:en(?:s|ed)?)?|warn(?:s|ed)?|ultimatum|test-fired|test-launched|launched (?:an? |two |several )?(?:\w+ )?(?:missile|rocket)s?|nuclear test|missile test"),
        ("mobilize", r"deploy(?:s|ed|ment)?|mobiliz(?:e|ed|ation)|military (?:drills?|exercises?|buildup)|drills|troops? (?:moved|massed)"),
        ("coerce", r"arrest(?:s|ed)?|detain(?:s|ed)?|seiz(?:e|ed|ure)|expell?(?:s|ed)?|raid(?:s|ed)?|blockade"),
        ("accuse", r"accus(?:e|es|ed|ation)|blam(?:e|es|ed)|alleg(?:e|es|ed)"),
        ("protest", r"protest(?:s|ed)?|condemn(?:s|ed)?|denounc(?:e|es|ed)|demonstrat(?:ion|ed|ors)"),
        ("reject", r"reject(?:s|ed)?|refus(?:e|es|ed)|den(?:y|ies|ied)|veto(?:ed)?|walked out|withdr(?:ew|awn) from|quit"),
        ("request", r"call(?:s|ed)? (?:on|for)|urg(?:e|es|ed)|request(?:s|ed)?|appeal(?:s|ed)?|demand(?:s|ed)?|asked"),
        ("agree", r"agree(?:d|s)?|agreement|sign(?:s|ed)|accord|deal was reached|adopt(?:s|ed)"),
        ("aid", r"aid|humanitarian|donat(?:e|ed|ion)|relief"),
        ("cooperate", r"cooperat(?:e|ed|ion)|joint (?:venture|patrol|project)"),
        ("support", r"support(?:s|ed)?|back(?:s|ed)|endors(?:e|ed)|welcom(?:e|es|ed)|prais(?:e|es|ed)"),
        ("concede", r"concede(?:d|s)?|releas(?:e|es|ed)|eas(?:e|ed) (?:sanctions|restrictions)|lift(?:s|ed)"),
        ("retreat", r"withdr(?:ew|aw|awal)|pull(?:s|ed)? out|retreat(?:s|ed)?"),
        ("consult", r"met|meet(?:s|ing)?|talks?|held talks|discuss(?:es|ed)?|visit(?:s|ed)?|summit|phone call|negotiat(?:e|ed|ions)"),
        ("statement", r"said|says|stated?|told|announc(?:e|es|ed)|declar(?:e|es|ed)|noted|stressed|remind(?:ed)?|reported|claimed"),
    ]
]  # fmt: skip
# Time phrases that bound a period rather than date a happening.
NOT_A_HAPPENING = re.compile(r"^(?:by|throughout)\b", re.I)
# Verbs whose object is on the receiving end: "Lavrov told Tillerson", "the Council sanctioned Pyongyang".
TARGETED = {"sanction", "assault", "threaten", "coerce", "accuse", "protest", "request", "aid", "statement", "consult"}
MAX_TITLE_WORDS = 14
TRAILING_WORDS = {
    "the",
    "a",
    "an",
    "of",
    "on",
    "in",
    "at",
    "to",
    "for",
    "with",
    "by",
    "and",
    "or",
    "their",
    "its",
    "his",
    "her",
    "during",
    "from",
}
# "Russian Foreign Minister Sergei Lavrov" reads as "Sergei Lavrov" in a title.
TITLED_PERSON = re.compile(
    rf"(?:\b(?:[A-Z][a-z]+|US|U\.S\.|UN|UK|EU)\s+)?\b(?i:{TITLES})(?:\s+(?i:{TITLES}))*\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})"
)


@dataclass
class DraftEvent:
    date: str
    title: str
    type: str
    actors: list[tuple[str, str]]  # (actor id, role)
    sentence: str
    date_text: str = ""
    location: str = ""
    notes: list[str] = field(default_factory=list)


RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose)\b")
REPORTED_CLAUSE = re.compile(r"\s+that\s+")


def main_clause(sentence: str) -> str:
    """The sentence without trailing relative clauses: ", which implies …" says nothing of who acted."""
    return RELATIVE_CLAUSE.split(sentence, maxsplit=1)[0]


def cues(sentence: str) -> tuple[str, int]:
    """The event type and where the main verb stands, from one pass over the sentence.

    The type is the strongest whose cue appears before any reported speech
    ("told X that …"); the main verb is the first cue word of any type.
    """
    head = REPORTED_CLAUSE.split(main_clause(sentence), maxsplit=1)[0]
    found = {m.lastgroup for m in ANY_CUE.finditer(head)}
    kind = next((kind for kind, _ in TYPE_CUES if kind in found), "")
    first = ANY_CUE.search(head) if found else ANY_CUE.search(sentence)
    return kind, first.start() if first else len(sentence)


def event_type(sentence: str) -> str:
    return cues(sentence)[0]


# All cues in one pattern, each kind a named group: one pass finds the main verb and every type.
ANY_CUE = re.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in TYPE_CUES), re.I)


def make_title(sentence: str, time: TimeExpression | None, dateline_end: int = 0) -> str:
    """A one-line title from a sentence: date phrase and attribution removed, cut at a clause boundary."""
    text = sentence[dateline_end:]
    if time is not None:
        start, end = time.start - dateline_end, time.end - dateline_end
        if 0 <= start < end <= len(text):
            text = text[:start] + text[end:]
    text = re.sub(r"^\W*(?:on|in|at|during|earlier|later)?\s*[,;]?\s*", "", text, flags=re.I)
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()
    text = re.sub(r",\s*(?:the\s+)?[\w\s'’-]{2,60}\s+(?:said|says|reported|added|noted|stated)\.?$", "", text)
    text = TITLED_PERSON.sub(lambda m: m.group("name"), text)
    words = text.split()
    if len(words) > MAX_TITLE_WORDS:
        clause = re.split(r",\s|;\s|\s(?:which|who|that|after|while|because|as|amid)\s", text)[0]
        if 4 <= len(clause.split()) <= MAX_TITLE_WORDS + 4:
            text = clause
        else:  # no clause ends in reach: stop before a trailing preposition or article
            kept = words[:MAX_TITLE_WORDS]
            while kept and kept[-1].lower() in TRAILING_WORDS:
                kept.pop()
            text = " ".join(kept)
    text = text.strip(" ,;:.\"“”'’")
    return text[:1].upper() + text[1:]


def _roles(mentions: list[Mention], verb: int, kind: str, registry: Registry) -> list[tuple[str, str]]:
    """Who acted and who was acted upon, by position around the main verb.

    The first person or organisation before the verb is the actor ("Russian
    Foreign Minister Sergei Lavrov told": Lavrov, not Russia); the first actor
    after a verb that has a target is its recipient; everyone else took part.
    """
    named = [m for m in dict((m.actor_id, m) for m in reversed(mentions) if not m.as_place).values()]
    named.sort(key=lambda m: m.start)
    before = [m for m in named if m.start < verb]
    after = [m for m in named if m.start >= verb]

    def first(group: list[Mention]) -> Mention | None:
        people = [m for m in group if registry.actors[m.actor_id].type != "country"]
        return (people or group or [None])[0]

    subject = first(before)
    target = first(after[:3]) if kind in TARGETED else None
    roles = []
    for mention in named:
        role = "actor" if mention is subject else "recipient" if mention is target else "participant"
        roles.append((mention.actor_id, role))
    return roles


def _location(mentions: list[Mention], registry: Registry, sentence: str) -> str:
    for mention in mentions:
        if mention.as_place:
            return mention.text
    match = re.search(r"\b(?:in|at) (?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b(?! (?:said|says))", sentence)
    if match:
        place = match.group(1)
        found = registry.find(place)
        if found and found[0].text == place and registry.actors[found[0].actor_id].type == "country":
            return place
    return ""


def extract_events(
    paragraphs: list[str],
    published: date | None,
    registry: Registry,
    *,
    dateline_date: date | None = None,
    dateline_length: int = 0,
    dateline_paragraph: int | None = None,
) -> list[DraftEvent]:
    events: list[DraftEvent] = []
    seen: dict[tuple[str, tuple[str, ...]], DraftEvent] = {}
    for index, whole in enumerate(paragraphs):
        # "SEOUL, July 2 (Yonhap) --" dates the report, not an event.
        paragraph = whole[dateline_length:] if index == dateline_paragraph else whole
        # Actors are found once per paragraph (with the context on both sides of each
        # name) and shared out to its sentences.
        paragraph_mentions = registry.find(paragraph)
        cursor = 0
        for number, sentence in enumerate(sentences(paragraph)):
            start = paragraph.find(sentence, cursor)
            cursor = start + len(sentence)
            offset = 0
            times = [t for t in find_times(sentence, published) if not NOT_A_HAPPENING.match(t.text)]
            lede = index == 0 and number == 0
            if not times and not lede:
                continue
            clause_end = start + len(main_clause(sentence))
            mentions = [
                replace(m, start=m.start - start, end=m.end - start)
                for m in paragraph_mentions
                if m.start >= start and m.end <= clause_end
            ]
            kind, verb = cues(sentence)
            actors = _roles(mentions, verb, kind, registry)
            location = _location(mentions, registry, sentence)
            # One event per time expression: "reported on Thursday" and "talks this month" differ.
            for time in times or [None]:
                if time is None:
                    when = dateline_date or published
                    if when is None:
                        continue
                    edtf, date_text = when.isoformat(), ""
                else:
                    edtf, date_text = time.edtf, time.text
                key = (edtf, tuple(sorted(a for a, _ in actors)))
                if key in seen:
                    earlier = seen[key]
                    if not earlier.date_text and date_text:
                        # The lead event, dated later in the text: "… on Saturday".
                        earlier.date_text = date_text
                        earlier.notes = [n for n in earlier.notes if not n.startswith("date of the lead event")]
                    continue
                event = DraftEvent(
                    date=edtf,
                    title=make_title(sentence, time, offset),
                    type=kind,
                    actors=actors,
                    sentence=sentence,
                    date_text=date_text,
                    location=location,
                )
                seen[key] = event
                if time is None:
                    source = "dateline" if dateline_date else "publication date"
                    event.notes.append(f"date of the lead event taken from the {source}")
                if not kind:
                    event.notes.append("type not clear from the sentence")
                events.append(event)
    return events
