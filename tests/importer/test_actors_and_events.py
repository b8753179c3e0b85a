"""Actors matched and proposed; events found, dated, typed and placed."""

from __future__ import annotations

from pelican_timeline.importer.actors import Actor, Registry, propose_new_actors


def ids(mentions):
    return [m.actor_id for m in mentions if not m.as_place]


def test_site_profiles_match_by_name_and_alias_case_and_accent_insensitively(world, tmp_path):
    (tmp_path / "sergey-lavrov.md").write_text(
        "---\nname: Sergey Lavrov\ntype: person\naliases: [Sergei Lavrov, Lavrov]\n---\n"
    )
    (tmp_path / "antonio-guterres.md").write_text("---\nname: António Guterres\ntype: person\n---\n")
    from pelican_timeline.importer.actors import site_registry  # noqa: PLC0415

    registry = site_registry(str(tmp_path), world)
    text = "SERGEI LAVROV met Antonio Guterres; later Lavrov spoke, but the word lavrov in lower case is not a name."
    assert ids(registry.find(text)) == ["sergey-lavrov", "antonio-guterres", "sergey-lavrov"]


def test_longest_name_wins():
    registry = Registry()
    registry.add(Actor("un", "United Nations", "organization", ["UN"]))
    registry.add(
        Actor("un-security-council", "UN Security Council", "organization", ["United Nations Security Council"])
    )
    assert ids(registry.find("The United Nations Security Council and the UN agreed.")) == ["un-security-council", "un"]


def test_countries_by_name_demonym_and_capital_as_metonym(world):
    text = "Moscow said the Russian proposal stands, while talks in Beijing and North Korea's tests went on."
    mentions = world.find(text)
    assert ids(mentions) == ["russia", "russia", "north-korea"]
    assert [m.text for m in mentions if m.as_place] == ["Beijing"]


def test_names_that_contain_a_country_are_not_that_country(world):
    assert ids(world.find("Latin America and the South China Sea, and Papua New Guinea.")) == ["papua-new-guinea"]


def test_international_organisations_by_name_and_acronym(world):
    text = "The IAEA, NATO, ASEAN and the UN Security Council met; the WHO spoke, but who knows?"
    assert ids(world.find(text)) == ["iaea", "nato", "asean", "un-security-council", "who"]


def test_new_people_from_titled_names_and_short_references(world):
    text = (
        "Russian Foreign Minister Sergei Lavrov told Secretary of State Rex Tillerson about the plan. "
        "Major General Hossein Salami of the IRGC spoke too. Later Lavrov said the talks went well."
    )
    proposed = {a.id: a for a in propose_new_actors(text, world)}
    assert set(proposed) >= {"sergei-lavrov", "rex-tillerson", "hossein-salami"}
    for actor in proposed.values():
        world.add(actor)
    assert "irgc" in ids(world.find(text)) or "islamic-revolutionary-guard-corps" in ids(world.find(text))
    assert ids(world.find("Later Lavrov said so."))[-1] == "sergei-lavrov"


def test_speakers_and_appositions_are_proposed(world):
    text = "Abbas Mousavi said the deal was alive. Japan's prime minister, Shinzo Abe, urged calm."
    assert {a.id for a in propose_new_actors(text, world)} >= {"abbas-mousavi", "shinzo-abe"}


def test_lede_and_dated_sentences_become_events(draft_of):
    draft = draft_of(
        """
        Lavrov warns against escalation

        Sputnik News

        16:34 06.08.2017

        Russian Foreign Minister Sergei Lavrov told US Secretary of State Rex Tillerson during their meeting in Manila that escalation is unacceptable.

        On Saturday, the UN Security Council unanimously adopted resolution 2371, tightening sanctions on North Korea.

        In July, Russian President Vladimir Putin said Moscow and Beijing would promote their common initiative.

        Lavrov defended the 2015 nuclear deal and said more talks were needed to settle the crisis peacefully.
        """
    )
    events = [(e.date, e.type, e.date_text) for e in draft.events]
    assert events == [
        ("2017-08-06", "consult", ""),
        ("2017-08-05", "sanction", "On Saturday"),
        ("2017-07", "statement", "In July"),
    ]
    meeting, resolution, statement = draft.events
    assert ("sergei-lavrov", "actor") in meeting.actors and ("rex-tillerson", "recipient") in meeting.actors
    assert meeting.location == "Manila"
    assert (
        resolution.title
        == "The UN Security Council unanimously adopted resolution 2371, tightening sanctions on North Korea"
    )
    assert ("un-security-council", "actor") in resolution.actors and ("north-korea", "recipient") in resolution.actors
    assert {a for a, _ in statement.actors} >= {"vladimir-putin", "russia", "china"}
    assert "events[0]: date of the lead event taken from the publication date" in draft.review


def test_event_titles_name_people_without_their_titles(draft_of):
    draft = draft_of(
        "Ministers meet\n\nReuters\n\nJuly 2, 2019\n\n"
        "Russian Foreign Minister Sergei Lavrov told US Secretary of State Rex Tillerson on Sunday that talks must go on."
    )
    assert draft.events[0].title == "Sergei Lavrov told Rex Tillerson that talks must go on"
