"""Contradictions and updates within aligned groups, from units built by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_units import dated, figure, quoted

from corroborator.corroborate.align import ClaimGroup, Link, Relation, align_claims
from corroborator.corroborate.contradictions import attribution_contradictions, find_contradictions
from corroborator.models import (
    ClaimKind,
    ContradictionKind,
    Description,
    Precision,
    Severity,
    Span,
)

REPORTS = {"a": "wire", "b": "wire", "c": "own", "d": "other"}

PLAN = "Brandvold announced in March a {} plan to double storage capacity at the site."


def test_scale_slip_is_a_high_quantity_contradiction_naming_the_better_supported_side() -> None:
    units = [
        figure("a", PLAN.format("$4.2 billion"), "$4.2 billion", 4.2e9, period="2024-03"),
        figure("c", PLAN.format("$4.2 billion"), "$4.2 billion", 4.2e9, period="2024-03"),
        figure("b", PLAN.format("$4.2 million"), "$4.2 million", 4.2e6, period="2024-03"),
    ]
    (found,), updates = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert not updates
    assert found.kind is ContradictionKind.QUANTITY and found.severity is Severity.HIGH
    assert "scale slip" in found.note and "more independent support for $4.2 billion" in found.note
    big, small = found.sides
    assert (
        big.value == 4.2e9 and set(big.article_ids) == {"a", "c"} and set(big.report_ids) == {"wire", "own"}
    )
    assert small.value == 4.2e6 and small.article_ids == ("b",) and small.evidence[0].article == "b"


def test_a_caption_that_misdates_an_event_is_a_date_contradiction() -> None:
    units = [
        dated(
            "a",
            "When Xi made a state visit to Moscow in March, Putin hailed the partnership.",
            "March",
            "2023-03",
        ),
        dated(
            "b",
            "Putin hailed the partnership when Xi made a state visit to Moscow in March, 2022.",
            "March, 2022",
            "2022-03",
            caption=0,
        ),
    ]
    (found,), _ = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert found.kind is ContradictionKind.DATE
    assert {s.date for s in found.sides} == {"2023-03", "2022-03"}
    assert any(e.caption == 0 for s in found.sides for e in s.evidence)


SHOOTING = "The deputy was investigating the {} shooting when he was killed."


def test_the_same_day_without_its_year_read_in_two_years_is_no_contradiction() -> None:
    day = Precision.DAY
    units = [  # "June 20" in a report of 2005 and in one of 2007: only the years read into it differ
        dated("a", SHOOTING.format("June 20"), "June 20", "2005-06-20", precision=day, relative=True),
        dated("c", SHOOTING.format("June 20"), "June 20", "2006-06-20", precision=day, relative=True),
    ]
    assert find_contradictions(align_claims(units, REPORTS), REPORTS) == ((), ())
    stated = dated("c", SHOOTING.format("June 20, 2006"), "June 20, 2006", "2006-06-20", precision=day)
    (found,), _ = find_contradictions(align_claims([units[0], stated], REPORTS), REPORTS)
    assert found.kind is ContradictionKind.DATE  # a year stated against one read in: still a conflict


def test_two_acts_dated_in_sentences_that_share_their_words_are_no_contradiction() -> None:
    day = Precision.DAY
    convicted = "A jury in Norwalk today convicted a gang member of murdering the deputy in June 2005."
    sentenced = (
        "A Norwalk jury on Tuesday ordered execution for a gang member convicted of murdering the deputy."
    )
    conviction = dated(
        "a",
        convicted,
        "today",
        "2007-03-20",
        precision=day,
        event="A jury convicted a gang member",
        act="convicted",
    )
    event = "A Norwalk jury ordered execution for a gang member"
    sentence = dated("c", sentenced, "Tuesday", "2007-04-03", precision=day, event=event, act="ordered")
    assert find_contradictions(align_claims([conviction, sentence], REPORTS), REPORTS) == ((), ())
    # the same act on another day is a conflict, written with the same verb or with its noun
    for event, act in [
        ("A Norwalk jury convicted a gang member", "convicted"),
        ("A Norwalk jury handed down a conviction of a gang member", "handed"),
    ]:
        misdated = dated("c", convicted, "today", "2007-04-03", precision=day, event=event, act=act)
        (found,), _ = find_contradictions(align_claims([conviction, misdated], REPORTS), REPORTS)
        assert found.kind is ContradictionKind.DATE
    # a one-word reading ("transiting") is too thin to overrule the sentences
    thin = dated("c", sentenced, "Tuesday", "2007-04-03", precision=day, event="transiting", act="transiting")
    (found,), _ = find_contradictions(align_claims([conviction, thin], REPORTS), REPORTS)
    assert found.kind is ContradictionKind.DATE


def test_a_year_read_against_an_inferred_publication_date_does_not_contradict_a_stated_one() -> None:
    told = "By December, his breathing worsened until he could not walk to the next room."
    stated = "In December 2016, his breathing worsened until he could not walk to the next room."
    inferred = replace(dated("a", told, "December", "2018-12", relative=True), article_date="2019-11-18")
    inferred = replace(inferred, time=replace(inferred.time, inferred_anchor=True))
    units = [inferred, dated("c", stated, "December 2016", "2016-12")]
    assert find_contradictions(align_claims(units, REPORTS), REPORTS) == ((), ())
    # read against a date the report states, the year is the report's: still a conflict
    units[0] = replace(inferred, time=replace(inferred.time, inferred_anchor=False))
    (found,), _ = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert found.kind is ContradictionKind.DATE


def test_quote_variant_with_a_less_specific_speaker_is_low() -> None:
    units = [
        quoted(
            "a",
            'Putin hailed the "truly unlimited possibilities" of the partnership.',
            "truly unlimited possibilities",
            "Vladimir Putin",
        ),
        quoted(
            "c",
            'Leaders see this cooperation as offering "truly limitless possibilities and prospects."',
            "truly limitless possibilities and prospects.",
            None,
        ),
    ]
    (found,), _ = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert found.kind is ContradictionKind.QUOTE and found.severity is Severity.LOW
    assert {s.speaker for s in found.sides} == {"Vladimir Putin", None}


def test_one_statement_reworded_sentence_by_sentence_is_one_contradiction() -> None:
    """Two translations of one speaker's statement differ in each sentence: one disagreement, each
    sentence's wording as evidence, not one per sentence."""
    units = [
        quoted("a", '"Our country has reached the edge of the abyss," Nord said.',
               "Our country has reached the edge of the abyss", "Ola Nord"),
        quoted("c", '"Our country is on the edge of the abyss," Nord said.',
               "Our country is on the edge of the abyss", "Ola Nord"),
        quoted("a", '"It is the duty of us all not to take the step into the void," Nord said.',
               "It is the duty of us all not to take the step into the void", "Ola Nord"),
        quoted("c", '"We all have a duty so that it does not take the step into the void," Nord said.',
               "We all have a duty so that it does not take the step into the void", "Ola Nord"),
    ]  # fmt: skip
    (found,), _ = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert found.kind is ContradictionKind.QUOTE and found.severity is Severity.LOW
    assert sorted(len(s.evidence) for s in found.sides) == [2, 2]


def test_a_running_total_on_a_side_is_not_counted_as_disagreeing() -> None:
    seized = "The warship seized {} magazines from the pirate boats on Thursday, the navy said."
    units = [
        figure("a", seized.format("12"), "12 magazines", 12, "count"),
        figure("c", seized.format("12"), "12 magazines", 12, "count"),
        figure("b", seized.format("31"), "31 magazines", 31, "count"),  # the total, misreported
        figure("d", "In its five operations so far, the warship seized 31 magazines from pirate boats, "
               "the navy said.", "31 magazines", 31, "count", other_instance=True),
    ]  # fmt: skip
    (found,), _ = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert {s.value: s.article_ids for s in found.sides} == {12: ("a", "c"), 31: ("b",)}


def test_the_same_words_given_to_different_people_is_high() -> None:
    words = "We will rebuild every home that the flood destroyed"
    units = [
        quoted("a", f'"{words}," the mayor, Ann Brook, said.', words, "Ann Brook"),
        quoted("c", f'"{words}," said the governor, Tom Reed.', words, "Tom Reed"),
    ]
    (found,), _ = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert found.kind is ContradictionKind.QUOTE and found.severity is Severity.HIGH


@pytest.mark.parametrize("resolved", [False, True])  # Locke named, or worked out from "he added"
def test_two_named_people_saying_alike_in_their_own_words_is_no_contradiction(resolved: bool) -> None:
    units = [
        quoted("a", '"For more than three decades, the Endangered Species Act has successfully protected our '
               'most threatened wildlife," Obama said.',
               "For more than three decades, the Endangered Species Act has successfully protected our most "
               "threatened wildlife", "Barack Obama"),
        quoted("c", '"For decades, the Endangered Species Act has protected threatened species and their '
               'habitats," said Locke.',
               "For decades, the Endangered Species Act has protected threatened species and their habitats",
               "Gary Locke", resolved=resolved),
    ]  # fmt: skip
    groups = align_claims(units, REPORTS)
    assert any(len(g.units) == 2 for g in groups)  # aligned as variants of one another ...
    found, _ = find_contradictions(groups, REPORTS)
    assert found == ()  # ... but two statements, not one misattributed


def test_a_speaker_worked_out_from_she_said_does_not_contradict_a_named_one() -> None:
    words = "We will rebuild every home that the flood destroyed"
    units = [
        quoted("a", f'"{words}," the mayor, Ann Brook, said.', words, "Ann Brook"),
        quoted("c", f'"{words}," she said.', words, "Tom Reed", resolved=True),  # the resolution's slip
    ]
    found, _ = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert found == ()
    misspelt = [
        quoted("a", f'"{words}," Hugh Hefner said.', words, "Hugh Hefner"),
        quoted("c", f'"{words}," Heffner told the AP.', words, "Heffner"),
    ]
    found, _ = find_contradictions(align_claims(misspelt, REPORTS), REPORTS)
    assert found == ()  # one name spelt two ways, not two speakers


def test_people_speaking_together_are_one_speaker_in_any_order_or_one_of_them() -> None:
    words = "We will rebuild every home that the flood destroyed"
    units = [
        quoted("a", f'"{words}," said Ann Brook and Tom Reed.', words, "Ann Brook and Tom Reed"),
        quoted("c", f'"{words}," said Reed and Brook.', words, "Tom Reed and Ann Brook"),
        quoted("d", f'"{words}," Ann Brook said.', words, "Ann Brook"),
    ]
    found, _ = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert found == ()


def test_variants_joined_through_the_same_words_are_no_contradiction() -> None:
    words = "We will rebuild every home that the flood destroyed"
    units = [
        quoted("a", f'"{words}," Ann Brook said.', words, "Ann Brook"),
        quoted("b", f'"{words}, and soon," Ann Brook said.', f"{words}, and soon", "Ann Brook"),
        quoted("c", f'"{words}," Ann Brook said.', words, "Ann Brook"),
    ]
    # a looser link between two quotations that others show to be the same words, by the same speaker
    links = (Link(0, 2, Relation.SAME, 1.0), Link(1, 2, Relation.SAME, 1.0),
             Link(0, 1, Relation.VARIANT, 0.9))  # fmt: skip
    group = ClaimGroup("g", ClaimKind.QUOTE, words, tuple(units), links, ("a", "b", "c"), ("wire", "own"), 2)
    assert find_contradictions([group], REPORTS) == ((), ())  # not one side "disagreeing" with itself


def test_one_articles_fragment_and_whole_quotation_are_one_side() -> None:
    units = [
        quoted("a", 'He said the town had "reached the end of its strength".',
               "reached the end of its strength", "Ann Brook"),
        quoted("a", '"Our town has reached the end of its strength," Brook said.',
               "Our town has reached the end of its strength", "Ann Brook"),
        quoted("c", '"Our town is at the end of its strength," Brook said.',
               "Our town is at the end of its strength", "Ann Brook"),
    ]  # fmt: skip
    (found,), _ = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert found.kind is ContradictionKind.QUOTE and len(found.sides) == 2
    assert "less specifically" not in found.note  # both name her


def test_the_populations_of_two_places_are_not_one_figure() -> None:
    island = "The quake struck Varn island, home to 120,000 people, and the port city of Selby."
    port = "The quake also struck the port city of Selby, a city of 500,000 people, near Varn island."
    units = [
        figure("a", island, "120,000 people", 120e3, "count"),
        figure("c", island, "120,000 people", 120e3, "count"),
        figure("b", port, "500,000 people", 500e3, "count"),
    ]
    assert find_contradictions(align_claims(units, REPORTS), REPORTS)[0]  # read as one figure ...
    places = [replace(u, place=p) for u, p in zip(units, ("varn", "varn", "selby"), strict=True)]
    assert find_contradictions(align_claims(places, REPORTS), REPORTS) == ((), ())  # ... of two places
    # the port's figure against a sentence that never names the port
    largest = "The quake struck Varn, the largest island of the port city, with 120,000 people."
    other = figure("c", largest, "120,000 people", 120e3, "count")
    assert find_contradictions(align_claims([other, units[2]], REPORTS), REPORTS)[0]
    assert find_contradictions(align_claims([other, places[2]], REPORTS), REPORTS) == ((), ())


def test_look_alikes_are_not_contradictions() -> None:
    units = [
        # capacity vs the supply it replaces: one article's two figures, another repeating one
        figure(
            "a",
            "The pipeline, with a capacity of 55 bcm a year, will not replace supplies of 155 bcm a year.",
            "55 bcm a year",
            55e9,
            "m3/year",
            others=(155e9,),
            measure="m3/year:capacity",
        ),
        figure(
            "a",
            "The pipeline, with a capacity of 55 bcm a year, will not replace supplies of 155 bcm a year.",
            "155 bcm a year",
            155e9,
            "m3/year",
            others=(55e9,),
        ),
        figure(
            "c",
            "The halted supplies to Europe were 155 bcm a year, the pipeline will not replace them.",
            "155 bcm a year",
            155e9,
            "m3/year",
        ),
        # rounding and abbreviation
        figure(
            "a", "Bilateral trade hit a record $190 billion last year.", "$190 billion", 190e9, period="2022"
        ),
        figure("c", "Bilateral trade hit a record $190bn in 2022.", "$190bn", 190e9, period="2022"),
        # different periods
        figure(
            "a",
            "The sides pledged to reach trade of $200 billion this year.",
            "$200 billion",
            200e9,
            period="2023",
        ),
        figure(
            "d",
            "The sides pledged to reach trade of $200 billion a year by 2024.",
            "$200 billion a year",
            200e9,
            "USD/year",
            period="2024",
        ),
    ]
    contradictions, _ = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert contradictions == ()


def test_a_later_report_that_says_the_figure_rose_is_an_update() -> None:
    units = [
        figure(
            "a",
            "About 1,200 people were evacuated from homes near the burning chemical tank.",
            "About 1,200 people",
            1200,
            "count",
            date="2024-09-17",
            measure="count:people",
        ),
        figure(
            "d",
            "The number of people evacuated from homes near the burning chemical tank rose to 1,900.",
            "1,900",
            1900,
            "count",
            date="2024-09-18",
            cue=True,
            measure="count:people",
        ),
    ]
    contradictions, (update,) = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert contradictions == ()
    assert update.earlier.value == 1200 and update.later.value == 1900 and update.later.article_ids == ("d",)


def test_without_a_revision_cue_a_different_figure_is_a_contradiction() -> None:
    units = [
        figure(
            "a",
            "The fire in the Lagos market killed 12 people on Sunday, police said.",
            "12 people",
            12,
            "count",
            date="2024-09-17",
            measure="count:dead",
        ),
        figure(
            "c",
            "Police said the fire in the Lagos market killed 21 people on Sunday.",
            "21 people",
            21,
            "count",
            date="2024-09-18",
            measure="count:dead",
        ),
    ]
    (found,), updates = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert not updates and found.kind is ContradictionKind.QUANTITY and found.severity is Severity.HIGH


def test_a_sentence_that_names_the_old_figure_gives_an_update() -> None:
    text = "540 households were now covered by the order, up from 340 households on Tuesday."
    units = [
        figure(
            "a",
            "The city ordered 340 households to leave the evacuation zone.",
            "340 households",
            340,
            "count",
            measure="count:household",
        ),
        figure(
            "d",
            text,
            "540 households",
            540,
            "count",
            cue=True,
            others=(340,),
            revised=340,
            measure="count:household",
        ),
        figure("d", text, "340 households", 340, "count", cue=True, others=(540,), measure="count:household"),
    ]
    contradictions, updates = find_contradictions(align_claims(units, REPORTS), REPORTS)
    assert contradictions == ()
    assert any(
        u.earlier.value == 340 and u.later.value == 540 and "a" in u.earlier.article_ids for u in updates
    )


def test_people_described_with_one_role_at_different_employers_disagree() -> None:
    def desc(name: str, text: str) -> Description:
        return Description(name, text, Span(0, len(text)))

    clash = [
        ("a", desc("Ann Brook", "a professor at Jilin University")),
        ("c", desc("Ann Brook", "a professor at Peking University")),
    ]
    (found,) = attribution_contradictions(clash, REPORTS)
    assert found.kind is ContradictionKind.ATTRIBUTION and {s.text for s in found.sides} == {
        "a professor at Jilin University",
        "a professor at Peking University",
    }
    compatible = [
        ("a", desc("Alexander Gabuev", "a leading Russian expert on relations with China")),
        ("c", desc("Alexander Gabuev", "director of the Carnegie Russia Eurasia Center")),
        ("d", desc("Helena Marsh", "a chemical-safety engineer at the University of Tollbridge")),
        ("a", desc("Helena Marsh", "a former inspector with the National Hazards Board")),
    ]
    assert attribution_contradictions(compatible, REPORTS) == ()


def test_a_side_is_named_by_its_commonest_value() -> None:
    quake = "The earthquake that struck the island of Varnholm on Sunday had a magnitude of {}."
    units = [
        figure("a", quake.format("6"), "6", 6, "magnitude"),  # a round figure that agrees with 5.9
        figure("b", quake.format("5.9"), "5.9", 5.9, "magnitude"),
        figure("c", quake.format("5.9"), "5.9", 5.9, "magnitude"),
        figure("d", quake.format("6.4"), "6.4", 6.4, "magnitude"),
    ]
    reports = {"a": "a", "b": "b", "c": "c", "d": "d"}
    (found,), _ = find_contradictions(align_claims(units, reports), reports)
    first, second = found.sides
    assert (first.value, first.text, set(first.article_ids)) == (5.9, "5.9", {"a", "b", "c"})
    assert (second.value, second.text) == (6.4, "6.4")


def test_the_same_words_once_without_their_speaker_are_no_quote_variant() -> None:
    # a fragment joins both statements into one wording; the two stay a variant of each other, one
    # given without its speaker: the same words, nothing that differs
    fire = "The fire has progressed rapidly through the store. It is being treated as potentially suspicious."
    scene = (
        "Kent Police and Kent Fire and Rescue are at the scene of a large fire at a store in High "
        "Street, which is being treated as potentially suspicious."
    )
    units = [
        quoted("b", f'Police said: "{fire}"', fire, None),
        quoted("a", f'A Kent Police spokeswoman said: "{scene}"', scene, "Kent Police"),
        quoted("c", 'The fire was being treated as "potentially suspicious", police said.',
               "potentially suspicious", None),
    ]  # fmt: skip
    groups = align_claims(units, REPORTS)
    assert {link.relation for g in groups for link in g.links} == {Relation.SAME, Relation.VARIANT}
    assert find_contradictions(groups, REPORTS) == ((), ())
