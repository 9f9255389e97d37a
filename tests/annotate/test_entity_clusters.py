"""Entities joined across a story's articles, and names resolved to them; fed hand-built mentions."""

from __future__ import annotations

from collections.abc import Sequence

from corroborator.annotate.entity_clusters import EntityIndex, cluster_entities, resolve_name
from corroborator.models import Description, Entity, EntityType, Mention, Span, content_hash

# --- cluster_entities ----------------------------------------------------------------------------------


def mentions_of(*items: tuple[str, EntityType] | str) -> list[Mention]:
    """Mentions laid end to end (positions matter for "nearest previous name")."""
    out, pos = [], 0
    for item in items:
        text, kind = (item, EntityType.PERSON) if isinstance(item, str) else item
        out.append(Mention(text, Span(pos, pos + len(text)), kind))
        pos += len(text) + 10
    return out


def story(articles: Sequence[tuple[str, list[Mention]]]) -> tuple[Entity, ...]:
    return cluster_entities([(a, m, []) for a, m in articles])


def entity_with(entities: Sequence[Entity], name: str) -> Entity:
    (found,) = [e for e in entities if e.name == name]
    return found


def names_of(entity: Entity) -> set[str]:
    return {entity.name, *entity.aliases}


def test_one_person_under_every_form_of_the_name() -> None:
    ents = cluster_entities(
        [
            ("a", mentions_of("Russian President Vladimir Putin", "Putin", "Vladimir Putin"), []),
            ("b", mentions_of("President Vladimir V. Putin", "Mr. Putin", "Mr. Putin"), []),
            ("c", mentions_of("President Vladimir Putin", "Vladimir Putin"), []),
        ]
    )
    (putin,) = [e for e in ents if e.type is EntityType.PERSON]
    assert putin.name == "Vladimir Putin"
    assert {
        "Putin",
        "Mr. Putin",
        "Vladimir V. Putin",
        "President Vladimir Putin",
        "Russian President Vladimir Putin",
    } <= names_of(putin)
    assert putin.id == content_hash("PERSON:Vladimir Putin")
    assert len(putin.mentions) == 8


def test_shared_first_or_middle_name_never_merges() -> None:
    ents = cluster_entities(
        [
            ("a", mentions_of("Alexander Gabuev", "Bjorn Alexander Duben", "Duben", "Gabuev"), []),
            ("b", mentions_of("Mikhail Krutikhin", "Mikhail Korostikov", "Krutikhin", "Mikhail"), []),
            ("c", mentions_of("Russian Prime Minister Mikhail Mishustin"), []),
        ]
    )
    persons = {e.name: names_of(e) for e in ents}
    assert persons["Alexander Gabuev"] == {"Alexander Gabuev", "Gabuev"}
    assert persons["Bjorn Alexander Duben"] == {"Bjorn Alexander Duben", "Duben"}
    for name in ("Mikhail Krutikhin", "Mikhail Korostikov", "Mikhail Mishustin"):
        assert not any(other in persons[name] for other in persons if other != name)
    assert "Mikhail" in persons  # a lone shared first name stays apart


def test_family_name_first_joins_by_first_word() -> None:
    ents = cluster_entities(
        [
            ("a", mentions_of("Xi Jinping", "President Xi", "Xi"), []),
            ("b", mentions_of("Mr. Xi", "Xiao Bin"), []),
        ]
    )
    assert names_of(entity_with(ents, "Xi Jinping")) == {"Xi Jinping", "President Xi", "Xi", "Mr. Xi"}
    assert names_of(entity_with(ents, "Xiao Bin")) == {"Xiao Bin"}


def test_shared_surname_resolves_to_the_nearest_full_name_in_the_article() -> None:
    ents = cluster_entities(
        [
            ("a", mentions_of("Anna Berg", "Berg", "Lars Berg", "Berg"), []),
            ("b", mentions_of("Lars Berg", "Berg"), []),
            ("c", mentions_of("Berg"), []),
        ]
    )
    anna, lars = entity_with(ents, "Anna Berg"), entity_with(ents, "Lars Berg")
    assert [(a, s.start) for a, s in anna.mentions] == [("a", 0), ("a", 19)]
    assert [a for a, _ in lars.mentions] == ["a", "a", "b", "b"]
    assert [a for a, _ in entity_with(ents, "Berg").mentions] == ["c"]  # ambiguous: kept apart


def test_surname_alias_added_for_a_person_named_only_in_full() -> None:
    ents = cluster_entities([("a", mentions_of("Alicja Bachulska", "Anna Berg", "Lars Berg"), [])])
    assert entity_with(ents, "Alicja Bachulska").aliases == ("Bachulska",)
    assert entity_with(ents, "Anna Berg").aliases == ()  # two people share it: not added


def test_descriptions_follow_their_articles() -> None:
    ents = cluster_entities(
        [
            (
                "a",
                mentions_of("Alexander Gabuev"),
                [Description("Alexander Gabuev", "an expert", Span(0, 1))],
            ),
            ("b", mentions_of("Mr. Gabuev"), [Description("Gabuev", "director of the Center", Span(0, 1))]),
        ]
    )
    assert entity_with(ents, "Alexander Gabuev").descriptions == (
        ("a", "an expert"),
        ("b", "director of the Center"),
    )


def test_organisations_join_by_acronym_and_company_name() -> None:
    org, gpe, norp = EntityType.ORG, EntityType.GPE, EntityType.NORP
    ents = story(
        [
            ("a", mentions_of(("Belt and Road Initiative", org), ("BRI", org), ("the United States", gpe))),
            ("b", mentions_of(("U.S.", gpe), ("Kettering Chemicals", org), ("Kettering", norp))),
            ("c", mentions_of(("Tollbridge", gpe), ("University of Tollbridge", org))),
        ]
    )
    assert names_of(entity_with(ents, "Belt and Road Initiative")) == {"Belt and Road Initiative", "BRI"}
    assert entity_with(ents, "United States").aliases == ("U.S.",)
    assert entity_with(ents, "Kettering Chemicals").aliases == ("Kettering",)
    assert entity_with(ents, "Tollbridge").aliases == ()
    assert entity_with(ents, "University of Tollbridge").aliases == ()


def test_a_name_holding_an_acronym_is_no_full_form_of_it() -> None:
    org, gpe = EntityType.ORG, EntityType.GPE
    survey = ("U.S. Geological Survey", org)
    ents = story([("a", mentions_of(("US Senate", org), ("US", gpe), survey, ("USGS", org)))])
    assert entity_with(ents, "US Senate").aliases == ()
    assert entity_with(ents, "US").type is EntityType.GPE
    assert entity_with(ents, "U.S. Geological Survey").aliases == ("USGS",)  # a real acronym still joins


def test_spellings_of_one_organisation_join() -> None:
    org, gpe = EntityType.ORG, EntityType.GPE
    corp, corporation = "Varnholt Dynamics Corp.", "Varnholt Dynamics Corporation"
    ents = story(
        [
            ("a", mentions_of((corp, org), ("People's Relief Front", org), ("U.S.", gpe))),
            ("b", mentions_of((corporation, org), ("Peoples Relief Front", org))),
            ("c", mentions_of(("Varnholt Dynamics", org), ("VD", org), ("SkyReach", org))),
            ("d", mentions_of(("Us", gpe), ("Sky Reach", org))),
        ]
    )
    varnholt = next(e for e in ents if "Varnholt Dynamics" in names_of(e))
    assert names_of(varnholt) == {corp, corporation, "Varnholt Dynamics", "VD"}
    front = next(e for e in ents if "Peoples Relief Front" in names_of(e))
    assert names_of(front) == {"People's Relief Front", "Peoples Relief Front"}
    assert len([e for e in ents if names_of(e) & {"SkyReach", "Sky Reach"}]) == 1
    assert len([e for e in ents if names_of(e) & {"U.S.", "Us"}]) == 2  # initials are no spelling of a word


def test_abbreviations_of_a_state_or_a_street_are_spellings_of_it() -> None:
    org, gpe, person = EntityType.ORG, EntityType.GPE, EntityType.PERSON
    ents = story(
        [
            ("a", mentions_of(("Troy", gpe), ("Mich.", gpe), ("Church Ave.", org), ("E. 52nd St.", org))),
            ("b", mentions_of(("Michigan", gpe), ("Church Avenue", org), ("East 52nd Street", org))),
            ("c", mentions_of(("Miss", person), ("Miss.", org), ("Mississippi", gpe), ("St. Louis", gpe))),
        ]
    )
    def named(name: str) -> set[str]:
        return names_of(next(e for e in ents if name in names_of(e)))

    assert named("Michigan") == {"Michigan", "Mich."}
    written = ("Michigan", "Church Avenue", "East 52nd Street")
    assert [next(e for e in ents if n in names_of(e)).name for n in written] == list(written)
    assert named("Church Avenue") == {"Church Ave.", "Church Avenue"}
    assert named("East 52nd Street") == {"E. 52nd St.", "East 52nd Street"}
    assert named("Mississippi") == {"Mississippi"}  # "Miss." is no form of a state here
    assert named("St. Louis") == {"St. Louis"}  # "St." first: a saint


def test_a_broadcaster_a_hospital_a_county_building_and_a_national_body_by_their_short_names() -> None:
    org = EntityType.ORG

    def joined(*names: str, also: tuple[str, ...] = ()) -> set[str]:
        ents = story([("a", mentions_of(*((n, org) for n in (*names, *also))))])
        return names_of(next(e for e in ents if names[0] in names_of(e)))

    assert joined("CNN News", "CNN") == {"CNN News", "CNN"}
    assert joined("Fox News", "FOX") == {"Fox News", "FOX"}
    assert joined("WDIV-TV", "WDIV") == {"WDIV-TV", "WDIV"}
    assert joined("Apple TV", "Apple") == {"Apple TV"}  # a product, not the company
    assert joined("Yahoo! News", "Yahoo") == {"Yahoo! News"}
    assert joined("Jamaica Hospital Medical Center", "Jamaica Hospital") == {
        "Jamaica Hospital Medical Center",
        "Jamaica Hospital",
    }
    courthouse = {"Fulton County Courthouse", "Fulton Courthouse"}
    assert joined("Fulton County Courthouse", "Fulton Courthouse") == courthouse
    assert joined("Indian Navy", "Navy") == {"Indian Navy", "Navy"}
    assert joined("Indian Navy", "Navy", also=("Pakistani Navy",)) == {"Indian Navy"}  # two navies
    assert joined("White House", "House") == {"White House"}


def test_a_name_joins_the_one_organisation_it_is_the_end_of() -> None:
    org = EntityType.ORG
    ents = story(
        [
            ("a", mentions_of(("Tollbridge Polytechnic University", org), ("Ostrian Labour Party", org))),
            ("b", mentions_of(("Polytechnic University", org), ("Labour Party", org))),
            ("c", mentions_of(("Velmar Labour Party", org), ("Starship, Blue Meridian", org))),
            ("d", mentions_of(("Blue Meridian", org), ("a Harbour Board", org), ("Harbour Board", org))),
        ]
    )
    assert names_of(entity_with(ents, "Tollbridge Polytechnic University")) == {
        "Tollbridge Polytechnic University",
        "Polytechnic University",
    }
    assert entity_with(ents, "Labour Party").aliases == ()  # two parties end so: neither is meant
    assert entity_with(ents, "Blue Meridian").aliases == ()  # the NER's "Starship, Blue Meridian" is no name
    assert entity_with(ents, "Harbour Board").aliases == ()  # nor is "a Harbour Board" a longer one


def test_a_team_and_a_body_named_short_join_their_full_names() -> None:
    org = EntityType.ORG
    ents = story(
        [
            ("a", mentions_of(("Lorvik Falcons", org), ("Ostria Police Department", org))),
            ("b", mentions_of(("Falcons", org), ("Ostria Police", org))),
            ("c", mentions_of(("The Lorvik Herald's Stadia", org), ("Stadia", org), ("Police", org))),
        ]
    )
    assert entity_with(ents, "Lorvik Falcons").aliases == ("Falcons",)
    assert entity_with(ents, "Ostria Police Department").aliases == ("Ostria Police",)
    assert entity_with(ents, "Stadia").aliases == ()  # an owner's product, not a longer name of it
    assert entity_with(ents, "Police").aliases == ()  # an institution's common noun


def test_two_teams_the_ner_ran_together_do_not_keep_a_team_from_its_full_name() -> None:
    org = EntityType.ORG
    ents = story(
        [
            ("a", mentions_of(("Harbour Gulls", org), ("Lorvik Falcons", org))),
            ("b", mentions_of(("Gulls", org), ("Falcons and Gulls", org))),
        ]
    )
    assert entity_with(ents, "Harbour Gulls").aliases == ("Gulls",)


def test_an_institutions_common_noun_joins_the_one_name_it_opens() -> None:
    org = EntityType.ORG
    ents = story([("a", mentions_of(("Academy of Lorvik Arts", org), ("Academy", org), ("University", org)))])
    assert entity_with(ents, "Academy of Lorvik Arts").aliases == ("Academy",)
    lorvik, ostria = ("University of Lorvik", org), ("University of Ostria", org)
    two = story([("a", mentions_of(lorvik, ostria, ("University", org)))])
    assert entity_with(two, "University").aliases == ()  # two fit: neither


def test_one_word_person_that_is_a_place_elsewhere_becomes_the_place() -> None:
    ents = cluster_entities(
        [
            ("a", mentions_of(("Marrowick", EntityType.GPE), ("Marrowick", EntityType.GPE)), []),
            ("b", mentions_of("Marrowick"), []),
        ]
    )
    (place,) = ents
    assert place.type is EntityType.GPE and len(place.mentions) == 3


def test_a_full_name_called_a_person_most_often_is_that_person_everywhere() -> None:
    org, gpe = EntityType.ORG, EntityType.GPE
    ents = story([
        ("a", mentions_of("Marta Claure", "Marta Claure", ("Red Sox", org), ("Red Sox", org))),
        ("b", mentions_of(("Marta Claure", org), "Red Sox", ("Red Sox", org), ("Ostria", gpe))),
    ])  # fmt: skip
    person = entity_with(ents, "Marta Claure")
    assert person.type is EntityType.PERSON and len(person.mentions) == 3  # the ORG tag joins her
    team = [e for e in ents if e.name == "Red Sox" and e.type is EntityType.ORG]
    assert len(team) == 1 and len(team[0].mentions) == 3  # a team once taken for a person stays one
    assert len([e for e in ents if e.name == "Marta Claure"]) == 1


def test_known_names_join_their_acronym_only() -> None:
    ents = cluster_entities(
        [("a", mentions_of(("MPA", EntityType.ORG)), [])],
        known_names=["Meridian Press Agency", "The Northern Ledger"],
    )
    assert [(e.name, e.aliases) for e in ents] == [("Meridian Press Agency", ("MPA",))]


# --- resolve_name --------------------------------------------------------------------------------------


def test_resolve_name() -> None:
    firm = ("Kettering Chemicals", EntityType.ORG)
    ents = story(
        [
            ("a", mentions_of("Bjorn Alexander Duben", "Duben", firm)),
            ("b", mentions_of("Oskar Kettering", "Mr. Kettering", firm)),
            ("c", mentions_of(("Kettering", EntityType.ORG), firm)),
        ]
    )
    assert resolve_name(ents, "a", "Duben").name == "Bjorn Alexander Duben"  # type: ignore[union-attr]
    assert resolve_name(ents, "a", "Mr. Duben's").name == "Bjorn Alexander Duben"  # type: ignore[union-attr]
    index = EntityIndex(ents)
    assert index.resolve("b", "Kettering").name == "Oskar Kettering"  # type: ignore[union-attr]
    assert index.resolve("c", "Kettering").name == "Kettering Chemicals"  # type: ignore[union-attr]
    assert index.resolve("a", "Nobody Here") is None
    assert index.resolve("a", "she") is None
