"""Recognising actors in news text.

Known actors (the site's own profiles, countries, international
organisations) are found by name and alias, case- and accent-insensitively,
longest match first, with a token trie so that a registry of thousands of
names costs one pass over the text. New people and organisations are
proposed from titled names ("Foreign Minister Sergei Lavrov") and acronyms in
parentheses; later short references ("Lavrov") resolve to the same actor.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from slugify import slugify

from ..frontmatter import FrontMatterError, decode, split

TOKEN = re.compile(r"[^\W_]+(?:[-'’.](?![sS]\b)[^\W_]+)*\.?|[^\w\s]", re.UNICODE)
# A capital stands for its government only when it acts: "Moscow said", "Beijing and Seoul have".
ACTING_WORDS = {
    "said", "says", "has", "have", "had", "is", "was", "will", "would", "could", "can", "wants", "hopes", "insists",
    "rejected", "rejects", "accused", "accuses", "warned", "warns", "denied", "denies", "and", "claims", "claimed",
    "believes", "sees", "considers", "announced", "responded", "reacted", "did", "does", "may", "might", "should",
    "must", "urged", "called", "demanded", "threatened", "agreed", "refused", "plans", "intends",
}  # fmt: skip
# Words after which a capital city names a place, not a government ("talks in Moscow").
PLACE_PREPOSITIONS = {
    "in",
    "at",
    "to",
    "from",
    "near",
    "outside",
    "via",
    "into",
    "visit",
    "visited",
    "visiting",
    "toward",
}
TITLE_PHRASES = (
    "Vice President", "President", "Deputy Prime Minister", "Prime Minister", "Foreign Minister", "Defense Minister",
    "Defence Minister", "Minister", "Secretary of State", "Secretary-General", "Secretary General", "Under Secretary",
    "Assistant Secretary", "Secretary", "Ambassador", "Spokesman", "Spokeswoman", "Spokesperson", "Major General",
    "Lieutenant General", "Brigadier General", "Lt. Gen.", "Lt Gen.", "Maj. Gen.", "Maj Gen.", "Gen.", "General",
    "Colonel", "Col.", "Admiral", "Adm.", "Commander", "Chief", "Chairman", "Chairwoman", "Supreme Leader", "Leader",
    "King", "Queen", "Crown Prince", "Prince", "Emir", "Sheikh", "Ayatollah", "Senator", "Sen.", "Representative",
    "Rep.", "Governor", "Gov.", "Mayor", "Chancellor", "Director", "Special Envoy", "Envoy", "Special Representative",
    "Pope", "Cardinal", "Judge", "Justice", "Mr.", "Mrs.", "Ms.", "Dr.", "Deputy", "Speaker", "Premier", "Counsellor",
    "Counselor", "Adviser", "Advisor", "Aide", "Negotiator", "Diplomat", "Head", "Editor",
)  # fmt: skip


def trie_pattern(phrases) -> str:
    """One regex for many literal phrases, factored by their first letters so that the
    engine tries one branch per position instead of every phrase (longest first)."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase.lower():
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


TITLES = trie_pattern(TITLE_PHRASES)
TITLE_WORDS = {word.strip(".") for phrase in TITLE_PHRASES for word in phrase.split()} | {
    "Spokesman", "Spokeswoman", "Spokesperson", "Government", "Foreign", "Defense", "Defence", "Affairs",
    "Interior", "Finance", "Trade", "Senior", "Former", "Acting", "Chief", "Top", "Vice",
}  # fmt: skip
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
NAME_WORD = (
    rf"(?:(?:Mc|Mac|Di|De|O['’])?[{_UPPER}][{_LOWER}]+(?:[-'’](?!s\b)[{_UPPER}]?[{_LOWER}]+)*|[{_UPPER}]\.|"
    rf"(?:al|el|bin|ibn|de|van|von|der|le)-?(?=\s?[{_UPPER}]))"
)
# The lookahead lets the regex engine give up at once where no capital letter starts a name.
_NAME = rf"(?=[{_UPPER}])(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})"
# Titles may be written in lower case after an adjective: "North Korean leader Kim Jong-il".
TITLED_NAME = re.compile(
    rf"\b(?=[A-Za-z])(?i:{TITLES})(?:\s+(?i:{TITLES}))*(?:\s+(?:of|for|to)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*?)?\s+{_NAME}\b(?!\s+(?:Ministry|Council|Department|Party|Office))"
)
REPORTING_VERBS = (
    r"said|says|told|added|stressed|noted|announced|insisted|explained|warned|argued|wrote|tweeted|declared|"
    r"emphasized|emphasised|urged|asked|replied|confirmed|denied|was elected|was appointed|met|visited|died|arrived"
)
SPEAKER = re.compile(
    rf"(?<![\w.])(?<!the\s){_NAME}(?:,\s[^,]{{3,80}},)?,?\s+(?:{REPORTING_VERBS}|has said|had said|was quoted)\b"
)
# "Japan's prime minister, Shinzo Abe, urged" and "…, said WFP Regional Director – Asia Pacific, David Kaatrud."
# Searched for the name after a comma first, then checked for a title before it: far cheaper
# than a case-blind alternation of every title tried at every position.
INVERTED = re.compile(rf",\s+{_NAME}(?:,|\s+(?:{REPORTING_VERBS}))")
INVERTED_TITLES = {w.lower() for w in TITLE_WORDS} | {"negotiator", "spokesman", "official", "envoy", "minister"}
ATTRIBUTION = re.compile(rf"\b(?:said|says|according to)\s+[^.\n]{{0,80}}?,\s+{_NAME}\.(?:\s|$)")
APPOSITION = re.compile(
    rf"(?<![\w.]){_NAME},\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.]*\s+|[a-z]+\s+){{0,4}}(?i:{TITLES})\b"
)
INSTITUTIONS = (
    "Ministry|Council|Party|Society|Survey|Treasury|Congress|Parliament|Majlis|Assembly|Committee|Commission|"
    "Agency|Department|Embassy|Office|Fraction|Troika|troika|Administration|Senate|Cabinet|Court|Bank|Institute|"
    "Foundation|Army|Navy|Corps|Command|Forces|Guard|Police|Service|Bureau|Authority|Organization|Organisation|Union"
)
INSTITUTION_WORDS = set(INSTITUTIONS.split("|"))
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
INSTITUTION = re.compile(
    rf"(?P<org>(?:\b[A-Z][\w'’.-]*\s+){{1,4}}(?:{INSTITUTIONS})\b(?:\s+(?:of|for)\s+(?:the\s+)?(?:(?!(?:{_WEEKDAYS})\b)[A-Z][\w'’-]*\s?){{1,4}})?)"
)
NOT_ORGANIZATIONS = re.compile(
    r"\b(?:Plan|Agreement|Treaty|Accord|Deal|Program|Programme|Protocol|Act|Resolution|Convention|Initiative|Declaration|Statement|Strategy|Framework|System|Missile|Test)\b"
)
NOT_FIRST_NAMES = {
    "The",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "On",
    "In",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "North",
    "South",
    "East",
    "West",
    "According",
    "Asked",
    "Speaking",
    "Meanwhile",
    "However",
    "Earlier",
    "Later",
    "Last",
    "Next",
}
COUNTRYISH: set[str] = set()
CALENDAR_WORDS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "On", "In", "At",
}  # fmt: skip
ORG_TAIL_WORDS = {
    "Affairs",
    "Nations",
    "States",
    "Kingdom",
    "Union",
    "Council",
    "Republic",
    "Organization",
    "Agency",
    "Ministry",
}
ACRONYM_DEFINITION = re.compile(
    r"(?P<long>(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:of\s+|for\s+|and\s+|the\s+)*){1,8})\((?P<short>[A-Z]{2,8})\)"
)
NOT_SURNAMES = {"State", "Department", "Ministry", "House", "Office", "Council", "General", "Minister", "President"}


def _normalize(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


normalize = lru_cache(maxsize=65536)(_normalize)
normalize.__doc__ = "Case- and accent-free form for comparing names."


COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str | None:
    """``normalize`` applied to a whole text when that keeps every character in place
    (true of nearly all news text); None when it does not (ligatures, "ß")."""
    if text.isascii():
        return text.lower()
    if unicodedata.is_normalized("NFKD", text) and not COMBINING.search(text):
        folded = text.replace("’", "'").casefold()  # curly quotes and dashes: nothing to decompose
    else:
        folded = _normalize(text)
    return folded if len(folded) == len(text) else None


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _key(text: str) -> tuple[str, ...]:
    return tuple(normalize(t).rstrip(".") for t, _, _ in tokens(text))


@dataclass
class Actor:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    case_sensitive: list[str] = field(default_factory=list)  # acronyms that are also words: "WHO"
    known: bool = True  # False for actors proposed from this text
    profile: bool = False  # True for the site's own profiles


@dataclass(frozen=True)
class Mention:
    actor_id: str
    start: int
    end: int
    text: str
    as_place: bool = False  # a capital used as a place ("in Moscow"), not as an actor


class Registry:
    """All actors the importer can recognise, indexed by normalised token sequences."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self._trie: dict = {}
        self._case_sensitive: dict[str, str] = {}
        self._capitals: set[str] = set()
        self._found: dict[str, list[Mention]] = {}  # find() per text, until the next add

    def add(self, actor: Actor) -> None:
        self._found.clear()
        self.actors.setdefault(actor.id, actor)
        for name in [actor.name, *actor.aliases]:
            if name in actor.case_sensitive:
                self._case_sensitive[name] = actor.id
                continue
            key = _key(name)
            if not key:
                continue
            node = self._trie
            for part in key:
                node = node.setdefault(part, {})
            node.setdefault("", actor.id)  # the first actor to claim a name keeps it
        for capital in actor.capitals:
            self.add_capital(actor.id, capital)

    def block(self, phrase: str) -> None:
        """A phrase that names no actor though it contains a name ("Latin America")."""
        self._found.clear()
        node = self._trie
        for part in _key(phrase):
            node = node.setdefault(part, {})
        node[""] = None

    def add_capital(self, actor_id: str, capital: str) -> None:
        self._found.clear()
        self._capitals.add(actor_id + "|" + "\x1f".join(_key(capital)))
        node = self._trie
        for part in _key(capital):
            node = node.setdefault(part, {})
        node.setdefault("", actor_id)

    def find(self, text: str) -> list[Mention]:
        """Known actors named in ``text``, longest match first, left to right."""
        cached = self._found.get(text)
        if cached is None:
            cached = self._found[text] = self._find(text)
        return cached

    def _find(self, text: str) -> list[Mention]:
        folded = fold(text)
        if folded is not None:  # the usual case: fold once, tokenise once, offsets shared
            parts = [(text[start:end], start, end) for start, end in map(re.Match.span, TOKEN.finditer(folded))]
            keys = [folded[start:end].rstrip(".") for _, start, end in parts]
        else:
            parts = tokens(text)
            keys = [normalize(t).rstrip(".") for t, _, _ in parts]
        mentions = []
        index = 0
        while index < len(parts):
            node, best = self._trie, None
            cursor = index
            while cursor < len(parts) and keys[cursor] in node:
                node = node[keys[cursor]]
                cursor += 1
                if "" in node:
                    best = (cursor, node[""])
            surface = parts[index][0]
            if best is None and surface in self._case_sensitive:
                best = (index + 1, self._case_sensitive[surface])
            if best is not None and best[0] == index + 1 and not surface[:1].isupper():
                best = None  # a one-word name counts only when written as a name: "Moon", not "moon"
            if best is None:
                index += 1
                continue
            end, actor_id = best
            if actor_id is None:  # a blocked phrase: skip over it
                index = end
                continue
            start_char, end_char = parts[index][1], parts[end - 1][2]
            matched = "\x1f".join(keys[index:end])
            is_place_name = f"{actor_id}|{matched}" in self._capitals or self.actors[actor_id].type == "country"
            before = keys[index - 2 : index] if index >= 2 else keys[:index]
            after_preposition = bool(before) and (
                before[-1] in PLACE_PREPOSITIONS
                or (before[-1] == "the" and len(before) == 2 and before[0] in PLACE_PREPOSITIONS)
            )
            is_capital = f"{actor_id}|{matched}" in self._capitals
            acting = end < len(keys) and (keys[end] in ACTING_WORDS or keys[end] == "'s")
            as_place = (is_place_name and after_preposition) or (is_capital and not acting)
            mentions.append(Mention(actor_id, start_char, end_char, text[start_char:end_char], as_place))
            index = end
        return mentions


def site_registry(folder: str, base: Registry | None = None) -> Registry:
    """The site's own actor profiles (``content/actors/*.md``) added to ``base``.

    Profiles come first, so a site's own ids win over the built-in country and
    organisation tables when both know a name.
    """
    registry = Registry()
    for path in sorted(Path(folder).glob("**/*.md")) if folder and Path(folder).is_dir() else []:
        try:
            meta = split(decode(path.read_bytes())).meta
        except FrontMatterError:
            continue  # `timeline check` reports broken profiles; the importer only reads good ones
        name = meta.get("name")
        if not isinstance(name, str):
            continue
        aliases = [a for a in meta.get("aliases") or [] if isinstance(a, str)]
        registry.add(Actor(path.stem, name, str(meta.get("type") or "person"), aliases, profile=True))
    for actor in base.actors.values() if base is not None else ():
        registry.add(actor)
    return registry


def actor_id_for(name: str) -> str:
    return slugify(name, max_length=80, word_boundary=True) or "actor"


@lru_cache(maxsize=1)
def _places() -> dict:
    data = resources.files("pelican_timeline.importer").joinpath("data/places.yaml").read_text(encoding="utf-8")
    return yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def world_registry() -> Registry:
    """Countries (names, demonyms, capitals as metonyms) and international bodies."""
    import pycountry  # noqa: PLC0415 - large table, loaded once and only by the importer

    registry = Registry()
    places = _places()
    for code, entry in sorted(places.get("countries", {}).items()):
        names = [*entry.get("names", []), *entry.get("demonyms", [])]
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            names += [country.name, getattr(country, "common_name", country.name)]
        unique = list(dict.fromkeys(names))
        capitals, exact = entry.get("capitals", []), entry.get("case_sensitive", [])
        registry.add(Actor(actor_id_for(entry["name"]), entry["name"], "country", unique, capitals, exact))
    for section, kind in (("organizations", "organization"), ("groups", "group")):
        for key, entry in sorted(places.get(section, {}).items()):
            names = entry.get("names", [])
            registry.add(Actor(key, entry["name"], kind, names, case_sensitive=entry.get("case_sensitive", [])))
    for phrase in places.get("not_actors", []):
        registry.block(phrase)
    return registry


def _known(name: str, registry: Registry) -> bool:
    found = registry.find(name)
    return bool(found) and found[0].start == 0 and found[0].end == len(name)


def _propose(found: dict[str, Actor], name: str, kind: str, alias: str = "") -> None:
    actor_id = actor_id_for(name)
    actor = found.setdefault(actor_id, Actor(actor_id, name, kind, [], known=False))
    if alias and alias != name and alias not in actor.aliases:
        actor.aliases.append(alias)


def _person_name(raw: str, registry: Registry | None = None) -> list[str]:
    words = raw.split()
    possessive = [i for i, w in enumerate(words) if w.endswith(("'s", "’s"))]
    if possessive and possessive[-1] < len(words) - 1:
        words = words[possessive[-1] + 1 :]  # "Al Jazeera's Craig Leeson"
    if words and words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]  # "Barack Obama's"
    while words and words[-1] in NOT_SURNAMES:
        words.pop()
    while len(words) > 2:
        first = words[0]
        # "Russian President …", "Foreign Minister Sergei Ryabkov", "Ministry Spokesman …",
        # "United Nations Vasily Nebenzya": none of these first words is part of the name.
        if (
            first in TITLE_WORDS
            or first.lower() in TITLE_WORDS
            or first in ORG_TAIL_WORDS
            or first in CALENDAR_WORDS
            or (registry is not None and _known(first, registry))
        ):
            words.pop(0)
        else:
            break
    while words and (words[0] in TITLE_WORDS or words[0] in CALENDAR_WORDS):
        words.pop(0)
    return words


def propose_new_actors(text: str, registry: Registry, *, title: str = "") -> list[Actor]:
    """Actors the text names that the registry does not know yet.

    People: named with a title ("Foreign Minister Sergei Lavrov"), or as the
    speaker of a reporting verb ("Abbas Mousavi said"). Organisations: a
    capitalised name ending in an institution word ("Russian Foreign
    Ministry", "Workers' Party of Korea") or defined with an acronym
    ("Islamic Revolutionary Guard Corps (IRGC)").
    """
    found: dict[str, Actor] = {}
    for paragraph in [title, *text.split("\n")]:
        _propose_people(paragraph, registry, found, in_title=paragraph is title and bool(title))
    _propose_bodies(text, registry, found)
    return list(found.values())


def _propose_people(text: str, registry: Registry, found: dict[str, Actor], in_title: bool) -> None:
    for pattern in (TITLED_NAME, SPEAKER, APPOSITION, INVERTED, ATTRIBUTION):
        for match in pattern.finditer(text):
            if (
                pattern is INVERTED
                and (text[: match.start()].rsplit(None, 1)[-1:] or [""])[0].lower() not in INVERTED_TITLES
            ):
                continue
            words = _person_name(match.group("name").strip(), registry)
            if not 2 <= len(words) <= 4 or words[0] in NOT_FIRST_NAMES:
                continue
            if any(w in CALENDAR_WORDS or w in INSTITUTION_WORDS or not w[0].isupper() for w in words):
                continue
            if in_title and not re.match(r"\s*(?:,|$|and\b|&)", text[match.end("name") :]):
                continue  # a Title Case headline runs names into words: "Condemns Ballistic-Missile Launch by"
            name = " ".join(words)
            if _known(name, registry) or any(
                _known(w, registry)
                for w in words
                if w[0].isupper() and len(words) == 2 and w == words[0] and w in COUNTRYISH
            ):
                continue
            surname = words[-1]
            # "Kim Jong-un": the family name comes first and is shared; no short form is safe.
            short = "" if "-" in surname or surname.lower() in {"jr.", "sr."} else surname
            _propose(found, name, "person", short)


def _propose_bodies(text: str, registry: Registry, found: dict[str, Actor]) -> None:
    for match in INSTITUTION.finditer(text):
        name = re.sub(r"^(?:the|a|an)\s+", "", match.group("org").strip(), flags=re.I)
        words = name.split()
        while words and (words[0] in CALENDAR_WORDS or words[0].endswith(("'s", "’s"))):
            words.pop(0)  # "Tuesday the US Geological Survey", "Iran's Ministry …"
        if words and words[0] in ("the", "The"):
            words.pop(0)
        name = re.split(r"\.\s+", " ".join(words))[-1]  # not across a sentence end
        if len(name.split()) < 2 or _known(name, registry):
            continue
        _propose(found, name, "organization")
    for match in ACRONYM_DEFINITION.finditer(text):
        long_name = re.sub(r"^the\s+", "", match.group("long").strip())
        short = match.group("short")
        if _known(short, registry) or len(long_name.split()) < 2 or NOT_ORGANIZATIONS.search(long_name):
            continue
        _propose(found, long_name, "organization", short)
