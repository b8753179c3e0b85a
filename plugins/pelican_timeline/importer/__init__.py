"""The article importer: a saved news page → a Markdown draft for review.

This part of the package never imports Pelican: it reads bytes, writes
Markdown, and can run wherever the content is edited.

    page (text dump or HTML) → page.load → article.read_article
        → actors (registry + proposals) → events.extract_events → draft.render
"""

from __future__ import annotations

from .actors import ACTING_WORDS, Registry, propose_new_actors
from .article import read_article
from .draft import Draft
from .events import extract_events
from .page import load

__all__ = ["build_draft"]


def _modifier(mention, text: str) -> bool:
    """An acronym used as an adjective — "UN member states", "US military" — names no actor by itself."""
    following = text[mention.end : mention.end + 30].split()
    return (
        mention.text.isupper()
        and len(mention.text.replace(".", "")) <= 3
        and bool(following)
        and following[0][:1].islower()
        and following[0].strip(",.;:") not in ACTING_WORDS
    )


def build_draft(raw: bytes, registry: Registry, *, url: str = "") -> Draft:
    """Everything the page says, as a draft; ``registry`` learns the new actors it proposes."""
    page = load(raw)
    fields = read_article(page, url=url)
    # The headline names actors too ("Joint Statement by Secretary of State Rex Tillerson, …").
    new_actors = propose_new_actors("\n".join(fields.paragraphs), registry, title=fields.title)
    for actor in new_actors:
        # New people are found again by surname ("Lavrov"), written as a name.
        registry.add(actor)
    published = fields.published
    published_day = published if published is None or not hasattr(published, "date") else published.date()
    events = extract_events(
        fields.paragraphs,
        published_day,
        registry,
        dateline_date=fields.dateline_date,
        dateline_length=fields.dateline_length,
        dateline_paragraph=fields.dateline_paragraph,
    )
    mentioned = list(
        dict.fromkeys(
            m.actor_id
            for part in [fields.title, *fields.paragraphs]
            for m in registry.find(part)
            if not m.as_place and not _modifier(m, part)
        )
    )
    proposed_ids = {a.id for a in new_actors}
    used = dict.fromkeys([*mentioned, *(actor_id for event in events for actor_id, _ in event.actors)])
    # Every actor the draft names needs a profile: proposed people and bodies, and
    # countries and organisations from the built-in tables the site has no page for yet.
    new = [registry.actors[a] for a in used if not registry.actors[a].profile]
    review = list(dict.fromkeys(fields.review))
    if page.encoding not in ("utf-8", "utf-16"):
        review.insert(0, f"the page is not UTF-8; it was read as {page.encoding}: check accented letters")
    for number, event in enumerate(events):
        for note in event.notes:
            review.append(f"events[{number}]: {note}")
    if new:
        review.append("new actors proposed: " + ", ".join(a.id for a in new if a.id in proposed_ids))
    if not events:
        review.append("no dated events found")
    return Draft(fields, events, list(mentioned), new, review)
