"""Aligning claim units across articles, from units built by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_units import dated, figure, quoted

from corroborator.corroborate.align import (
    Relation,
    align_claims,
    candidate_pairs,
    claims_of,
    dates_overlap,
    relation,
    same_value,
    scale_slip,
    weights_of,
)
from corroborator.corroborate.claims import ClaimUnit, wording
from corroborator.models import Bound, ClaimKind, Quantity, QuantityKind, Span


def q(text: str, value: float, approximate: bool = False) -> Quantity:
    return Quantity(text, Span(0, len(text)), value, "USD", QuantityKind.MONEY, approximate=approximate)


def test_rounding_and_abbreviation_are_the_same_value() -> None:
    assert same_value(q("$190bn", 190e9), q("about $190 billion", 190e9, True))
    assert same_value(q("$4.2 billion", 4.2e9), q("$4.23 billion", 4.23e9))
    assert same_value(q("$190 billion", 190e9), q("$188 billion", 188e9, True))
    assert not same_value(q("$1.2 billion", 1.2e9), q("$2.1 billion", 2.1e9))
    assert not same_value(q("$190 billion", 190e9), q("$190 million", 190e6))


def test_a_range_is_compared_by_its_first_value() -> None:
    def mag(text: str, value: float) -> Quantity:
        return Quantity(text, Span(0, len(text)), value, "magnitude", QuantityKind.AMOUNT)

    assert same_value(mag("3.6 to 4.5", 3.6), mag("3.6", 3.6))
    assert not same_value(mag("3.6 to 4.5", 3.6), mag("3.9", 3.9))
    assert same_value(mag("5. 9", 5.9), mag("5.9", 5.9))  # a scraped stray space


def test_scale_slips_are_the_same_digits_a_thousand_times_apart() -> None:
    assert scale_slip(q("$190 billion", 190e9), q("$190 million", 190e6))
    assert scale_slip(q("$4.2 billion", 4.2e9), q("$4.2 thousand", 4.2e3))
    assert not scale_slip(q("$190 billion", 190e9), q("$19 billion", 19e9))
    assert not scale_slip(q("$190 billion", 190e9), q("$200 million", 200e6))


def test_dates_overlap_across_precisions() -> None:
    assert dates_overlap("2023-03", "2023-03-21") and dates_overlap("2023-W42", "2023-10-17")
    assert dates_overlap("2023-10-17/2023-10-18", "2023-10") and dates_overlap("2023", "2023-05")
    assert not dates_overlap("2023-03", "2022-03") and not dates_overlap("2023-W41", "2023-10-17")


def test_paraphrases_of_one_figure_align_and_count_reports_not_articles() -> None:
    units = [
        figure(
            "a",
            "Bilateral trade reached a record $190 billion last year, customs data show.",
            "$190 billion",
            190e9,
            period="2022",
        ),
        figure(
            "b",
            "Bilateral trade reached a record $190 billion last year, customs data show.",
            "$190 billion",
            190e9,
            period="2022",
        ),
        figure(
            "c",
            "Trade hit record levels in 2022, at about $190bn, according to customs.",
            "about $190bn",
            190e9,
            period="2022",
            approximate=True,
        ),
    ]
    (group,) = align_claims(units, {"a": "wire", "b": "wire", "c": "own"})
    assert group.article_ids == ("a", "b", "c") and group.support == 2
    assert set(group.report_ids) == {"wire", "own"}
    (claim,) = claims_of((group,))
    assert claim.support == 2 and len(claim.evidence) == 3 and claim.kind is ClaimKind.FIGURE


def test_different_periods_and_measures_do_not_align() -> None:
    units = [
        figure(
            "a",
            "The two sides have pledged to reach $200 billion this year.",
            "$200 billion",
            200e9,
            period="2023",
        ),
        figure(
            "b",
            "By early 2024, trade could reach $200 billion a year, he said.",
            "$200 billion a year",
            200e9,
            "USD/year",
            period="2024",
        ),
        figure(
            "c",
            "The pledge is to reach trade of $200 billion in 2024, the two sides said.",
            "$200 billion",
            200e9,
            period="2024",
        ),
    ]
    groups = align_claims(units, {})
    assert all(len(g.article_ids) == 1 for g in groups)


def test_relation_names_what_two_values_say() -> None:
    a = figure(
        "a", "Brandvold announced a $4.2 billion plan to double storage capacity.", "$4.2 billion", 4.2e9
    )
    b = figure(
        "b", "Brandvold unveiled a $4.2 million plan to double storage capacity.", "$4.2 million", 4.2e6
    )
    c = figure("c", "Brandvold unveiled a $6 billion plan to double storage capacity.", "$6 billion", 6e9)
    w = weights_of([a, b, c])
    assert relation(a, b, w) is not None and relation(a, b, w)[0] is Relation.SCALE  # type: ignore[index]
    assert relation(a, c, w) is not None and relation(a, c, w)[0] is Relation.DIFFERENT  # type: ignore[index]
    same_article = figure(
        "a", "Brandvold unveiled a $6 billion plan to double storage capacity.", "$6 billion", 6e9
    )
    assert relation(a, same_article, w) is None


def test_two_dates_of_one_sentence_are_two_events() -> None:
    a = dated(
        "a",
        "Brandvold announced in March a plan to double capacity by 2029.",
        "March",
        "2024-03",
        others=("2029",),
    )
    b = dated(
        "b",
        "Brandvold announced in March a plan to double capacity by 2029.",
        "2029",
        "2029",
        others=("2024-03",),
    )
    assert relation(a, b, weights_of([a, b])) is None
    c = dated("c", "Xi made a state visit to Moscow in March, 2022.", "March, 2022", "2022-03")
    d = dated("d", "When Xi made a state visit to Moscow in March, Putin spoke.", "March", "2023-03")
    found = relation(c, d, weights_of([c, d]))
    assert found is not None and found[0] is Relation.DIFFERENT


def test_quotations_same_with_spelling_variant_otherwise_variant_or_unrelated() -> None:
    a = quoted(
        "a",
        '"It might step up if it comes to realise Moscow might lose," she said.',
        "It might step up if it comes to realise Moscow might lose",
        "Alicja Bachulska",
    )
    b = quoted(
        "b",
        '"It might step up if it comes to realize Moscow might lose," she said.',
        "It might step up if it comes to realize Moscow might lose",
        "Alicja Bachulska",
    )
    c = quoted(
        "c",
        'Leaders see this as offering "truly limitless possibilities and prospects."',
        "truly limitless possibilities and prospects.",
        None,
    )
    d = quoted(
        "d",
        'Putin hailed the "truly unlimited possibilities" of the partnership.',
        "truly unlimited possibilities",
        "Vladimir Putin",
    )
    w = weights_of([a, b, c, d])
    assert relation(a, b, w) == (Relation.SAME, 1.0)
    found = relation(c, d, w)
    assert found is not None and found[0] is Relation.VARIANT
    assert relation(a, d, w) is None


@pytest.mark.parametrize(
    ("shorter", "longer"),
    [
        # words left out, marked
        ("There are very few boats in the harbour ... I still don't know when the ferry sails",
         "There are very few boats in the harbour. With two days to go, I still don't know when the ferry "
         "sails"),
        # a writer's insertion in brackets
        ("We respect her (the former Olympic swimmer Ann Brook) and her family's wish for privacy",
         "We respect her and her family's wish for privacy"),
        # nearly verbatim inside a longer quotation (one word more)
        ("She has checked herself into the Hillside clinic for treatment",
         "She has checked herself into Hillside clinic for treatment. We ask you to respect her privacy at "
         "this time"),
        # one report quoting the start of a passage, another from its middle on
        ("Tonight was a peaceful vigil that turned into a riot",
         "peaceful vigil that turned into a riot. The young people here have nowhere to go"),
        # words left out, unmarked
        ("That person needs to be found as soon as possible",
         "That person is dangerous and needs to be found as soon as possible"),
    ],
)  # fmt: skip
def test_one_quotation_cut_differently_is_the_same_quotation(shorter: str, longer: str) -> None:
    a = quoted("a", f'"{shorter}," she said.', shorter, "Ann Brook")
    b = quoted("b", f'"{longer}," she said.', longer, "Ann Brook")
    assert relation(a, b, weights_of([a, b])) == (Relation.SAME, 1.0)


def test_a_cut_that_leaves_out_a_negation_is_a_variant() -> None:
    shorter = "We will close the ferry line this winter"
    longer = "We will never, under any circumstances, close the ferry line this winter"
    a = quoted("a", f'"{shorter}," she said.', shorter, "Ann Brook")
    b = quoted("b", f'"{longer}," she said.', longer, "Ann Brook")
    assert relation(a, b, weights_of([a, b])) != (Relation.SAME, 1.0)


def test_two_statements_sharing_a_few_words_are_not_variants() -> None:
    a = quoted("a", '"Hey Twitter, the whole point of this ad campaign is to raise awareness," she wrote.',
               "Hey Twitter, the whole point of this ad campaign is to raise awareness", "Ann Brook")
    b = quoted("b", '"The mission of the campaign is to raise awareness, to get people talking," she said.',
               "The mission of the campaign is to raise awareness, to get people talking", "Ann Brook")
    assert relation(a, b, weights_of([a, b])) is None  # 3 of the shorter one's 8 words
    slogan = quoted("c", 'The state\'s slogan, "Meth. We\'re on it," drew jokes.', "Meth. We're on it", None)
    said = quoted("d", '"South Dakota has a meth problem, so that is not the best thing," Tom Reed said.',
                  "South Dakota has a meth problem, so that is not the best thing", "Tom Reed")
    assert relation(slogan, said, weights_of([slogan, said])) is None  # one word in common


def test_two_statements_on_one_theme_with_no_wording_in_common_are_not_variants() -> None:
    """Most of the shorter statement's words come back in the longer, but not one stretch of its
    wording: a councilman's two statements of one night, not one statement worded two ways."""
    a = quoted("a", '"The youth in this community have no outlets for their anger," he said of the riot.',
               "The youth in this community have no outlets for their anger", "Ola Nord")
    b = quoted("b", '"Tonight we saw an explosion of anger from the youth in my community," he said.',
               "Tonight we saw an explosion of anger from the youth in my community", "Ola Nord")
    assert relation(a, b, weights_of([a, b])) is None
    c = quoted("c", '"Our country has reached the edge of the abyss," the president said.',
               "Our country has reached the edge of the abyss", "Per Berg")
    d = quoted("d", '"Our country is on the edge of the abyss," the president said.',
               "Our country is on the edge of the abyss", "Per Berg")
    found = relation(c, d, weights_of([c, d]))
    assert found is not None and found[0] is Relation.VARIANT  # "the edge of the abyss" kept


def test_a_hyphen_is_no_difference_of_wording() -> None:
    assert wording("Humans becoming multi-planetary need a re-usable rocket") == wording(
        "Humans becoming multiplanetary need a reusable rocket"
    )


def test_a_word_turned_around_is_still_a_variant() -> None:
    a = quoted("a", '"I feel we weren\'t playing the way we want to play," he said.',
               "I feel we weren't playing the way we want to play", "Ed Kane")
    b = quoted("b", '"I didn\'t feel we were playing the way we wanted to play," he said.',
               "I didn't feel we were playing the way we wanted to play", "Ed Kane")
    found = relation(a, b, weights_of([a, b]))
    assert found is not None and found[0] is Relation.VARIANT


def test_blocking_never_compares_all_pairs_of_a_large_block() -> None:
    units = [
        figure(
            f"art{i}",
            f"Item {i} sold for ${i} million at the auction of lot{i} yesterday.",
            f"${i} million",
            i * 1e6,
        )
        for i in range(1, 400)
    ]
    pairs = list(candidate_pairs(units, weights_of(units)))
    assert len(pairs) < 400 * 399 // 20


def test_the_date_or_figure_of_another_instance_is_no_disagreement() -> None:
    text = "The major earthquake struck the island of Varnholm in {}, destroying hundreds of homes."
    this = dated("a", text.format("November"), "November", "2024-11")
    last = dated("b", text.format("February"), "February", "2024-02", other_instance=True)
    also_last = dated("c", text.format("March"), "March", "2024-03", other_instance=True)
    w = weights_of([this, last, also_last])
    plain = dated("b", text.format("February"), "February", "2024-02")
    found = relation(this, plain, w)
    assert found is not None and found[0] is Relation.DIFFERENT  # without the mark: a disagreement
    assert relation(this, last, w) is None
    found = relation(last, also_last, w)  # both of the earlier quake: they can disagree
    assert found is not None and found[0] is Relation.DIFFERENT
    toll = "The earthquake on the island of Varnholm killed {} and destroyed hundreds of homes."
    a = figure("a", toll.format("10 people"), "10 people", 10, "count")
    b = figure("b", toll.format("600 people"), "600 people", 600, "count", other_instance=True)
    assert relation(a, b, weights_of([a, b])) is None
    plain_b = figure("b", toll.format("600 people"), "600 people", 600, "count")
    found = relation(a, plain_b, weights_of([a, plain_b]))
    assert found is not None and found[0] is Relation.DIFFERENT


def test_a_figure_that_keeps_another_s_bound_is_no_disagreement() -> None:
    toll = "The earthquake on the island of Varnholm killed {} and flattened seven villages."
    ten = figure("a", toll.format("12 people"), "12 people", 12, "count")
    floor = figure("b", toll.format("at least three people"), "at least three people", 3, "count",
                   approximate=True, bound=Bound.LOWER)  # fmt: skip
    w = weights_of([ten, floor])
    assert relation(ten, floor, w) is None  # an early toll: both can be true
    ceiling = figure("b", toll.format("up to 8 people"), "up to 8 people", 8, "count",
                     approximate=True, bound=Bound.UPPER)  # fmt: skip
    found = relation(ten, ceiling, w)
    assert found is not None and found[0] is Relation.DIFFERENT  # "up to 8" cannot be 12
    high_floor = figure("b", toll.format("more than 20 people"), "more than 20 people", 20, "count",
                        approximate=True, bound=Bound.LOWER)  # fmt: skip
    found = relation(ten, high_floor, w)
    assert found is not None and found[0] is Relation.DIFFERENT


def test_today_a_day_off_another_report_is_no_disagreement() -> None:
    text = "Some witnesses said the gunman walked into the office on the second floor around 10 a.m. {}."
    monday = dated("a", text.format("Monday"), "Monday", "2007-04-09")
    today = dated("b", text.format("today"), "today", "2007-04-10")  # dated the day after it was written
    friday = dated("c", text.format("Friday"), "Friday", "2007-04-13")
    sunday = dated("d", text.format("Sunday"), "Sunday", "2007-04-08")
    w = weights_of([monday, today, friday, sunday])
    assert relation(monday, today, w) is None
    found = relation(today, friday, w)  # three days apart: a disagreement
    assert found is not None and found[0] is Relation.DIFFERENT
    found = relation(monday, sunday, w)  # two named days, one apart: a disagreement
    assert found is not None and found[0] is Relation.DIFFERENT


def test_last_week_also_means_the_past_seven_days() -> None:
    text = "The inmate escaped {} while being moved from a prison in Huntsville to one in Beaumont."
    # written on Saturday, December 5: "last week" is the week of November 23, or the past seven days
    last_week = dated("a", text.format("last week"), "last week", "2009-W48", published="2009-12-05")
    monday = dated("b", text.format("on Monday"), "on Monday", "2009-11-30", published="2009-11-30")
    earlier = dated("c", text.format("on November 20"), "on November 20", "2009-11-20")
    w = weights_of([last_week, monday, earlier])
    assert relation(last_week, monday, w) is None
    found = relation(last_week, earlier, w)  # before both readings of "last week": a disagreement
    assert found is not None and found[0] is Relation.DIFFERENT
    # and "next week", written on Wednesday, December 9, the week of December 14 or the coming seven days
    text = "The council will vote on the new prison budget {}, the mayor's office said."
    next_week = dated("d", text.format("next week"), "next week", "2009-W51", published="2009-12-09")
    saturday = dated("e", text.format("on Saturday"), "on Saturday", "2009-12-12")
    assert relation(next_week, saturday, weights_of([next_week, saturday])) is None


def test_two_tolls_of_the_story_s_own_days_disagree_on_little_shared_context() -> None:
    five = figure("a", "A strong earthquake hit an island off the coast, injuring five people, media said.",
                  "five people", 5, "count", measure="count:injured")  # fmt: skip
    two = figure("b", "The quake on the outskirts of a small town on the island injured two people.",
                 "two people", 2, "count", measure="count:injured")  # fmt: skip
    w = weights_of([five, two])
    found = relation(five, two, w)
    assert found is not None and found[0] is Relation.DIFFERENT
    counted = replace(five, measure="count:people"), replace(two, measure="count:people")
    assert relation(*counted, w) is None  # "five people" and "two people", harm unread: too little shared
    assert relation(five, replace(two, dated_away=True), w) is None  # "a quake in September injured two"
    # each sentence describes its quake, by different magnitudes: two quakes' tolls
    magnitude = [replace(u, sentence_measures=(("magnitude", m),)) for u, m in ((five, 5.6), (two, 5.2))]
    assert relation(*magnitude, w) is None
    found = relation(magnitude[0], replace(magnitude[1], sentence_measures=(("magnitude", 5.6),)), w)
    assert found is not None and found[0] is Relation.DIFFERENT


def test_two_ages_of_one_person_disagree_whatever_else_is_said() -> None:
    def age(article: str, text: str, focus: str, value: float, holder: str, date: str | None = None
            ) -> ClaimUnit:  # fmt: skip
        unit = figure(article, text, focus, value, "year", measure=f"age:year:{holder}", date=date)
        assert unit.quantity is not None
        return replace(unit, quantity=replace(unit.quantity, kind=QuantityKind.AGE))

    killed = age("a", "Raj Chohan, 59, was killed by a drunk hit-and-run driver.", "59", 59, "raj chohan")
    parked = age("b", "Raj Chohan, 59, had just parked her car near the temple.", "59", 59, "raj chohan")
    sixty = age("c", "Police said Raj Chohan, 60, lived nearby.", "60", 60, "raj chohan")
    w = weights_of([killed, parked, sixty])
    assert relation(killed, parked, w) is None  # one age, two statements
    found = relation(killed, sixty, w)
    assert found is not None and found[0] is Relation.DIFFERENT  # "59" and "60": not a rounding
    unnamed = age("c", "A 60-year-old woman was killed by a driver.", "60-year-old", 60, "?")
    assert relation(replace(killed, measure="age:year:?"), unnamed, w) is None
    a_year_on = replace(sixty, article_id="d", article_date="2014-09-20")
    then = replace(killed, article_date="2013-09-14")
    assert relation(then, a_year_on, w) is None  # a birthday between
    assert relation(then, replace(a_year_on, article_date="2013-09-16"), w) is not None
    assert claims_of(align_claims([killed, sixty], {"a": "r1", "c": "r2"})) == ()  # the ages are no claim


def test_two_records_of_one_holder_disagree_unless_a_game_between() -> None:
    def record(article: str, text: str, focus: str, value: float, holder: str, date: str | None = None
               ) -> ClaimUnit:  # fmt: skip
        return figure(article, text, focus, value, "count", measure=f"record:wins:{holder}", date=date)

    fifty_two = record("a", "Klitschko (52-3, 46 KOs) stopped Rahman in Mannheim.", "52", 52, "klitschko")
    same = record("b", "The win took Klitschko's record to 52-3.", "52", 52, "klitschko")
    fifty_three = record("c", "Champion Wladimir Klitschko, 53-3, dismantled Rahman.", "53", 53, "klitschko")
    rahman = record("d", "Rahman (45-7-2) was stopped in the seventh.", "45", 45, "rahman")
    w = weights_of([fifty_two, same, fifty_three, rahman])
    found = relation(fifty_two, fifty_three, w)
    assert found is not None and found[0] is Relation.DIFFERENT  # whatever else the sentences say
    assert relation(fifty_two, rahman, w) is None  # another boxer's record
    nobody = replace(fifty_two, measure="record:wins:?"), replace(rahman, measure="record:wins:?")
    assert relation(*nobody, w) is None
    then = replace(fifty_two, article_date="2008-12-13")
    assert relation(then, replace(fifty_three, article_date="2008-12-20"), w) is None  # a fight between
    assert relation(then, replace(fifty_three, article_date="2008-12-14"), w) is not None
    agreed = relation(fifty_two, same, w)
    assert agreed is not None and agreed[0] is Relation.SAME
