"""Claim units from hand-built annotations: figures, dates, quotations and events, captions included."""

from __future__ import annotations

import re

from corroborator.annotate.quantities import find_quantities
from corroborator.corroborate.claims import WordMemo, content_words, extract_claims, stem
from corroborator.models import (
    Annotations,
    Article,
    Caption,
    ClaimKind,
    EntityType,
    Mention,
    Precision,
    Quantity,
    QuantityKind,
    Quote,
    Span,
    TimeExpression,
)


def at(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part))


def sentences(text: str) -> tuple[Span, ...]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+", text):
        out.append(Span(start, m.start()))
        start = m.end()
    if start < len(text):
        out.append(Span(start, len(text)))
    return tuple(out)


def money(text: str, part: str, value: float, unit: str = "USD", period: str | None = None) -> Quantity:
    return Quantity(part, at(text, part), value, unit, QuantityKind.MONEY, period)


def test_one_unit_per_figure_with_its_own_words() -> None:
    body = (
        "Bilateral trade reached a record $190 billion last year, according to customs data, "
        "and the two sides have pledged to reach $200 billion this year."
    )
    ann = Annotations(
        "a",
        sentences(body),
        quantities=(money(body, "$190 billion", 190e9, period="2022"), money(body, "$200 billion", 200e9)),
    )
    units = [u for u in extract_claims(Article("a", "a.txt", body), ann) if u.kind is ClaimKind.FIGURE]
    assert [u.quantity.value for u in units if u.quantity] == [190e9, 200e9]
    first, second = units
    assert content_words("trade record customs") <= first.context
    assert stem("pledged") not in first.context
    assert content_words("pledged reach") <= second.context and stem("record") not in second.context
    assert first.measure == second.measure == "USD"
    assert first.span == Span(0, len(body)) and first.text == body


def test_captions_are_claims_like_the_body() -> None:
    caption = "Xi made a state visit to Moscow in March, 2022."
    article = Article("a", "a.txt", "Nothing to see.", captions=(Caption(caption, "Reuters"),))
    t = TimeExpression("March, 2022", at(caption, "March, 2022"), "2022-03", Precision.MONTH, caption=0)
    units = extract_claims(article, Annotations("a", sentences(article.body), times=(t,)))
    dated = [u for u in units if u.kind is ClaimKind.DATE]
    assert len(dated) == 1 and dated[0].caption == 0 and dated[0].text == caption
    assert content_words("Xi made a state visit to Moscow") <= dated[0].context


def test_measures_tell_capacity_counts_and_relative_counts_apart() -> None:
    body = (
        "Tank 7, which can hold 8,500 cubic metres of toluene, was burning. "
        "The tank held 6,000 cubic metres when the fire started. "
        "About 1,200 residents and 340 households were evacuated. "
        "Crews from Tollbridge and two other towns arrived."
    )
    quantities = (
        Quantity("8,500 cubic metres", at(body, "8,500 cubic metres"), 8500, "m3", QuantityKind.AMOUNT),
        Quantity("6,000 cubic metres", at(body, "6,000 cubic metres"), 6000, "m3", QuantityKind.AMOUNT),
        Quantity(
            "About 1,200 residents", at(body, "About 1,200 residents"), 1200, "count", QuantityKind.COUNT
        ),
        Quantity("340 households", at(body, "340 households"), 340, "count", QuantityKind.COUNT),
        Quantity("two other towns", at(body, "two other towns"), 2, "count", QuantityKind.COUNT),
    )
    units = extract_claims(
        Article("a", "a.txt", body), Annotations("a", sentences(body), quantities=quantities)
    )
    measures = [u.measure for u in units if u.kind is ClaimKind.FIGURE]
    assert measures[0] == "m3:capacity" and measures[1] == "m3"
    assert measures[2] == "count:people" and measures[3] == "count:household"
    assert measures[4].startswith("count:relative")


def test_a_bare_figure_counts_what_the_sentence_counts_and_names_the_figure_it_replaces() -> None:
    body = "The number of people evacuated rose to 1,900 on Wednesday from 1,200 a day earlier."
    quantities = (
        Quantity("1,900", at(body, "1,900"), 1900, "count", QuantityKind.COUNT),
        Quantity("1,200", at(body, "1,200"), 1200, "count", QuantityKind.COUNT),
    )
    units = extract_claims(
        Article("a", "a.txt", body), Annotations("a", sentences(body), quantities=quantities)
    )
    new, old = (u for u in units if u.kind is ClaimKind.FIGURE)
    assert new.measure == old.measure == "count:people"
    assert new.update_cue and new.revised_from == 1200 and old.revised_from is None
    assert new.sentence_values == (1200,)


def test_dates_of_statements_and_dates_in_quotes_are_not_event_dates() -> None:
    body = (
        'The agency said on Wednesday it had opened an investigation. "We met in June," she said. '
        "The terminal opened in 1987."
    )
    times = (
        TimeExpression("Wednesday", at(body, "Wednesday"), "2024-09-18", Precision.DAY, relative=True),
        TimeExpression("June", at(body, "June"), "2024-06", Precision.MONTH, relative=True),
        TimeExpression("1987", at(body, "1987"), "1987", Precision.YEAR),
    )
    quote = Quote("We met in June,", Span(body.index("We met"), body.index(',"') + 1), speaker="Ann Brook")
    ann = Annotations("a", sentences(body), quotes=(quote,), times=times)
    units = extract_claims(Article("a", "a.txt", body), ann)
    assert [u.time.value for u in units if u.kind is ClaimKind.DATE and u.time] == ["1987"]
    assert [u.quote.speaker for u in units if u.kind is ClaimKind.QUOTE and u.quote] == ["Ann Brook"]


def test_events_need_a_named_actor() -> None:
    body = (
        "Gazprom signed a supply contract with the Chinese buyer. It rained heavily over the whole port area."
    )
    mention = Mention("Gazprom", at(body, "Gazprom"), EntityType.ORG)
    units = extract_claims(
        Article("a", "a.txt", body), Annotations("a", sentences(body), mentions=(mention,))
    )
    assert [u.kind for u in units] == [ClaimKind.EVENT]
    assert units[0].subjects == ("gazprom",) and stem("contract") in units[0].context


def test_subheads_are_not_part_of_the_next_sentence() -> None:
    body = "Questions over safety\n\nThe terminal sits at the centre of a $4.2bn plan."
    ann = Annotations("a", (Span(0, len(body)),), quantities=(money(body, "$4.2bn", 4.2e9),))
    (unit,) = extract_claims(Article("a", "a.txt", body), ann)
    assert unit.text == "The terminal sits at the centre of a $4.2bn plan."


def test_words_fold_spelling_and_inflection() -> None:
    assert stem("neighbouring") == stem("neighboring") and stem("realise") == stem("realize")
    assert stem("hour") == "hour" and stem("unlimited") == stem("limitless")
    assert content_words("the harbour was closed on Monday") == content_words("The harbor is closed")


def test_stem_folds_spelling_variants_only_where_a_rule_applies() -> None:
    assert stem("neighbouring") == stem("neighboring")
    assert stem("realised") == stem("realized") and stem("organisation") == stem("organization")
    assert stem("travelled") == stem("traveled") and stem("metre") == stem("meter")
    assert stem("hour") == "hour" and stem("four") == "four" and stem("tour") == "tour"


def test_word_memo_gives_the_same_words_and_keeps_each_text() -> None:
    memo = WordMemo()
    text = "Firefighters battled the blaze at the harbour warehouse for six hours."
    first = content_words(text, memo)
    assert first == content_words(text) == content_words(text, {})
    assert content_words(text, memo) is first and memo.texts[text] is first
    assert memo.stems["firefighters"] == stem("firefighters")


def test_figures_and_dates_of_another_instance_are_marked() -> None:
    body = (
        "The last major quake to hit the island was in February, when 600 people died. "
        "Sunday's quake killed 10 people, a year after the two leaders last met in March. "
        "Another attack followed in May. It was the worst in the last few weeks, since March."
    )
    times = tuple(
        TimeExpression(m, at(body, m), v, Precision.MONTH)
        for m, v in (("February", "2024-02"), ("March", "2023-03"), ("May", "2024-05"))
    )
    quantities = tuple(
        Quantity(p, at(body, p), v, "count", QuantityKind.COUNT) for p, v in (("600 people", 600),
                                                                              ("10 people", 10))
    )
    since = TimeExpression("March", at(body, "March", 1), "2024-03", Precision.MONTH)
    ann = Annotations("a", sentences(body), quantities=quantities, times=(*times, since))
    units = extract_claims(Article("a", "a.txt", body), ann)
    marked = {u.focus_text + ("" if u.time is None else f"@{u.time.value}"): u.other_instance for u in units
              if u.kind in (ClaimKind.FIGURE, ClaimKind.DATE)}
    assert marked == {
        "February@2024-02": True,  # "the last major quake ... was in February"
        "600 people": True,
        "10 people": False,
        "March@2023-03": False,  # "the two leaders last met in March": a verb, the same meeting
        "May@2024-05": True,  # "another attack"
        "March@2024-03": False,  # "the last few weeks" is a period, not another event
    }


def test_a_running_total_is_not_this_event_s_figure() -> None:
    body = (
        "The warship seized 12 magazines from the boats on Thursday. "
        "In their five operations so far, the crew have confiscated 31 magazines."
    )
    quantities = tuple(
        Quantity(p, at(body, p), v, "count", QuantityKind.COUNT) for p, v in (("12 magazines", 12),
                                                                              ("31 magazines", 31))
    )
    ann = Annotations("a", sentences(body), quantities=quantities)
    units = extract_claims(Article("a", "a.txt", body), ann)
    assert {u.focus_text: u.other_instance for u in units if u.kind is ClaimKind.FIGURE} == {
        "12 magazines": False,
        "31 magazines": True,
    }


def test_a_sum_converted_in_brackets_is_no_claim_of_its_own() -> None:
    body = (
        "Damage to the church was estimated at A$1 million ($US650,000), while repairs cost $2 million ($3m)."
    )
    ann = Annotations(
        "a",
        sentences(body),
        quantities=(
            money(body, "A$1 million", 1e6, "AUD"),
            money(body, "$US650,000", 650e3),
            money(body, "$2 million", 2e6),
            money(body, "$3m", 3e6),
        ),
    )
    units = [u for u in extract_claims(Article("a", "a.txt", body), ann) if u.kind is ClaimKind.FIGURE]
    assert [u.focus_text for u in units] == ["A$1 million", "$2 million"]
    garbled = "The government agreed a \ufffd110-billion ($143-billion) rescue, and a (new) $5 million fund."
    ann = Annotations(
        "b",
        sentences(garbled),
        quantities=(money(garbled, "$143-billion", 143e9), money(garbled, "$5 million", 5e6)),
    )
    units = [u for u in extract_claims(Article("b", "b.txt", garbled), ann) if u.kind is ClaimKind.FIGURE]
    assert [u.focus_text for u in units] == ["$5 million"]  # the euro sign is lost, the bracket tells


def test_a_date_s_context_skips_an_aside_between_dashes() -> None:
    body = (
        "Tuesday the crowd was mostly calm, but on Wednesday \u2014 the same day the autopsy showed he "
        "had been shot seven times \u2014 part of the crowd became unruly."
    )
    wednesday = TimeExpression("Wednesday", at(body, "Wednesday"), "2013-03-13", Precision.DAY)
    ann = Annotations("a", sentences(body), times=(wednesday,))
    (unit,) = [u for u in extract_claims(Article("a", "a.txt", body), ann) if u.kind is ClaimKind.DATE]
    assert content_words("unruly") <= unit.context
    assert not content_words("autopsy shot") & unit.context  # the aside is about another day's news


def count(text: str, part: str, value: float) -> Quantity:
    return Quantity(part, at(text, part), value, "count", QuantityKind.COUNT)


def test_a_figure_in_apposition_to_a_place_describes_that_place() -> None:
    body = (
        "The quake struck Varn Island, home to 120,000 people, and the port of Selby, a city of 500,000 "
        "people. Varn has a harbour with a population of 9,000 boats. Ely, population 8,000, was spared."
    )
    ann = Annotations(
        "a",
        sentences(body),
        quantities=(
            count(body, "120,000 people", 120e3),
            count(body, "500,000 people", 500e3),
            count(body, "9,000 boats", 9e3),
            count(body, "8,000", 8e3),
        ),
    )
    units = [u for u in extract_claims(Article("a", "a.txt", body), ann) if u.kind is ClaimKind.FIGURE]
    assert [u.place for u in units] == ["varn", "selby", "", "ely"]  # "with a population of": whose?


def test_a_count_of_people_harmed_counts_the_dead_or_the_injured() -> None:
    body = (
        "A quake hit the island on Sunday, injuring five people. "
        "Two villagers were slightly injured. "
        "The blast killed at least 3 people. "
        "Ten people were evacuated. "
        "A quake in September killed 40 people, the agency said on Monday. "
        "Four people died on Sunday."
    )
    quantities = tuple(
        Quantity(p, at(body, p), v, "count", QuantityKind.COUNT)
        for p, v in (("five people", 5), ("Two villagers", 2), ("3 people", 3), ("Ten people", 10),
                     ("40 people", 40), ("Four people", 4))
    )  # fmt: skip
    times = tuple(
        TimeExpression(t, at(body, t, nth), None, None) for t, nth in (("Sunday", 0), ("September", 0),
                                                                       ("Monday", 0), ("Sunday", 1))
    )  # fmt: skip
    units = extract_claims(
        Article("a", "a.txt", body), Annotations("a", sentences(body), quantities=quantities, times=times)
    )
    read = {u.focus_text: (u.measure, u.dated_away) for u in units if u.kind is ClaimKind.FIGURE}
    assert read == {
        "five people": ("count:injured", False),  # a weekday stays within the article's days
        "Two villagers": ("count:injured", False),
        "3 people": ("count:dead", False),
        "Ten people": ("count:people", False),
        "40 people": ("count:dead", True),  # "in September": perhaps another quake ("said on Monday" is not)
        "Four people": ("count:dead", False),
    }


def test_an_age_is_measured_for_the_person_named_by_it() -> None:
    body = (
        "Police arrested Sharron Diane Crawford Smith, age 61, on Friday. "
        "A 60-year-old woman was charged. "
        "The 61-year-old Mr. Paul Riva was held. "
        "Tara Reid, 33, checked into a clinic in Malibu on Tuesday."
    )
    quantities = tuple(
        Quantity(p, at(body, p), v, "year", QuantityKind.AGE)
        for p, v in (("61", 61), ("60-year-old", 60), ("61-year-old", 61), ("33", 33))
    )
    mentions = tuple(
        Mention(n, at(body, n), EntityType.PERSON)
        for n in ("Sharron Diane Crawford Smith", "Mr. Paul Riva", "Tara Reid")
    )
    ann = Annotations("a", sentences(body), mentions=mentions, quantities=quantities)
    units = extract_claims(Article("a", "a.txt", body), ann)
    ages = [u.measure for u in units if u.kind is ClaimKind.FIGURE]
    assert ages == ["age:year:sharron smith", "age:year:?", "age:year:paul riva", "age:year:tara reid"]
    # a sentence whose only figure is an age is still an event with an actor
    assert [u.kind for u in units if u.text.startswith("Tara Reid")] == [ClaimKind.FIGURE, ClaimKind.EVENT]


def test_a_record_is_measured_by_its_part_for_the_name_before_it() -> None:
    body = (
        "Wladimir Klitschko (52-3) beat Hasim Rahman, 45-7-2, 36 KOs, in Mannheim. "
        "The home side went to 7-6."
    )
    quantities = tuple(find_quantities(body))
    mentions = tuple(
        Mention(n, at(body, n), EntityType.PERSON) for n in ("Wladimir Klitschko", "Hasim Rahman")
    )
    ann = Annotations("a", sentences(body), mentions=mentions, quantities=quantities)
    units = extract_claims(Article("a", "a.txt", body), ann)
    measures = [u.measure for u in units if u.kind is ClaimKind.FIGURE and u.measure.startswith("record:")]
    assert measures == [
        "record:wins:klitschko", "record:losses:klitschko",
        "record:wins:rahman", "record:losses:rahman", "record:draws:rahman",
        "record:wins:?", "record:losses:?",
    ]  # fmt: skip
