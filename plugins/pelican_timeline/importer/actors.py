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

TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?|[^\w\s]", re.UNICODE)
# Words after which a capital city names a place, not a government ("talks in Moscow").
PLACE_PREPOSITIONS = {"in", "at", "to", "from", "near", "outside", "via", "into", "visit", "visited", "visiting", "toward"}
TITLES = (
    "President|Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|Defen[cs]e Minister|"
    "Minister|Secretary of State|Secretary-General|Secretary General|Secretary|Under Secretary|Ambassador|"
    "Spokes(?:man|woman|person)|Major General|Lieutenant General|Brigadier General|Lt\\.? Gen\\.|Maj\\.? Gen\\.|"
    "Gen\\.|General|Colonel|Col\\.|Admiral|Adm\\.|Commander|Chief|Chairman|Chairwoman|Chair|Leader|Supreme Leader|"
    "King|Queen|Crown Prince|Prince|Emir|Sheikh|Ayatollah|Senator|Sen\\.|Representative|Rep\\.|Governor|Gov\\.|"
    "Mayor|Chancellor|Director|Envoy|Special Envoy|Special Representative|Pope|Cardinal|Judge|Justice|"
    "Mr\\.|Mrs\\.|Ms\\.|Dr\\.|Deputy|Speaker|Premier|Counsellor|Counselor|Adviser|Advisor|Head|Editor"
)
NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|(?:al|el|bin|ibn|de|van|von|der|le)-?(?=\s?[A-Z]))"
TITLED_NAME = re.compile(rf"\b(?:{TITLES})\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})")
ACRONYM_DEFINITION = re.compile(r"(?P<long>(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:of\s+|for\s+|and\s+|the\s+)*){1,8})\((?P<short>[A-Z]{2,8})\)")
NOT_SURNAMES = {"State", "Department", "Ministry", "House", "Office", "Council", "General", "Minister", "President"}


def normalize(text: str) -> str:
    """Case- and accent-free form for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


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

    def add(self, actor: Actor) -> None:
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
        node = self._trie
        for part in _key(phrase):
            node = node.setdefault(part, {})
        node[""] = None

    def add_capital(self, actor_id: str, capital: str) -> None:
        self._capitals.add(actor_id + "|" + "\x1f".join(_key(capital)))
        node = self._trie
        for part in _key(capital):
            node = node.setdefault(part, {})
        node.setdefault("", actor_id)

    def find(self, text: str) -> list[Mention]:
        """Known actors named in ``text``, longest match first, left to right."""
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
                before[-1] in PLACE_PREPOSITIONS or (before[-1] == "the" and len(before) == 2 and before[0] in PLACE_PREPOSITIONS)
            )
            as_place = is_place_name and after_preposition
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
        registry.add(Actor(path.stem, name, str(meta.get("type") or "person"), aliases))
    for actor in base.actors.values() if base is not None else ():
        registry.add(actor)
    return registry


def actor_id_for(name: str) -> str:
    return slugify(name, max_length=80, word_boundary=True) or "actor"


@lru_cache(maxsize=1)
def _places() -> dict:
    data = resources.files("pelican_timeline.importer").joinpath("data/places.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(data)


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


def propose_new_actors(text: str, registry: Registry) -> list[Actor]:
    """People named with a title, and organisations defined by an acronym, not yet known."""
    found: dict[str, Actor] = {}
    for match in TITLED_NAME.finditer(text):
        name = match.group("name").strip()
        words = name.split()
        while words and words[-1] in NOT_SURNAMES:
            words.pop()
        if len(words) < 2:
            continue
        name = " ".join(words)
        if registry.find(name) and registry.find(name)[0].text == name:
            continue
        actor_id = actor_id_for(name)
        actor = found.setdefault(actor_id, Actor(actor_id, name, "person", [], known=False))
        surname = words[-1]
        if surname not in actor.aliases and surname.lower() not in {"jr.", "sr."}:
            actor.aliases.append(surname)
    for match in ACRONYM_DEFINITION.finditer(text):
        long_name = re.sub(r"^the\s+", "", match.group("long").strip())
        short = match.group("short")
        if registry.find(short) or len(long_name.split()) < 2:
            continue
        actor_id = actor_id_for(long_name)
        actor = found.setdefault(actor_id, Actor(actor_id, long_name, "organization", [], known=False))
        if short not in actor.aliases:
            actor.aliases.append(short)
    return list(found.values())
