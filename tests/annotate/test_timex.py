"""Time expressions in hand-written sentences: found, resolved against a publication date, tense
of weekdays and months, durations skipped, periods attached to figures."""

from __future__ import annotations

import datetime as dt

import pytest

from corroborator.annotate.quantities import find_quantities
from corroborator.annotate.timex import Tense, TimexMatch, find_times, sentence_spans
from corroborator.annotate.timex_resolve import attach_periods, resolve, stated_years
from corroborator.models import Precision, TimeExpression
from corroborator.serialize import decode, to_data

TUESDAY = dt.date(2023, 10, 17)
P = Precision


def resolved(text: str, anchor: dt.date | None = TUESDAY) -> list[TimeExpression]:
    times = resolve(find_times(text), anchor)
    for t in times:
        assert text[t.span.start : t.span.end] == t.text
    return list(times)


def one(text: str, anchor: dt.date | None = TUESDAY) -> TimeExpression:
    times = resolved(text, anchor)
    assert len(times) == 1, times
    return times[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "precision"),
    [
        ("It happened on October 17, 2023.", "October 17, 2023", "2023-10-17", P.DAY),
        ("The forum runs 17-18 October 2023.", "17-18 October 2023", "2023-10-17/2023-10-18", P.RANGE),
        ("Prices fell in March 2022.", "March 2022", "2022-03", P.MONTH),
        ("Xi visited in March, 2022.", "March, 2022", "2022-03", P.MONTH),
        ("Trade grew in 2022.", "2022", "2022", P.YEAR),
        ("Three trams will be built by 2024: one for each line.", "2024", "2024", P.YEAR),
        ("Sanctions have bitten since 2021.", "2021", "2021", P.YEAR),
        ("Filed 2023-10-17 by staff.", "2023-10-17", "2023-10-17", P.DAY),
        ("In the spring of 2023, they refused.", "the spring of 2023", "2023-03/2023-05", P.SEASON),
        ("Plans for winter 2023 were drawn up.", "winter 2023", "2023-12/2024-02", P.SEASON),
        ("By early 2024, trade could double.", "early 2024", "2024", P.YEAR),
        ("Beyond the 2028–2034 period nothing is planned.", "2028–2034", "2028/2034", P.RANGE),
        ("The probe studied Saturn from 2004 to 2017.", "2004 to 2017", "2004/2017", P.RANGE),
        ("Sales rose in 2019 to 25 million.", "2019", "2019", P.YEAR),
        # a weekday written with a date is part of it, not the weekday nearest the anchor
        ("She checked in on Tuesday, December 9, 2008.", "Tuesday, December 9, 2008", "2008-12-09", P.DAY),
        ("Riots broke out on Saturday December 13 2008.", "Saturday December 13 2008", "2008-12-13", P.DAY),
        ("Talks end on Monday 3 June 2024.", "Monday 3 June 2024", "2024-06-03", P.DAY),
    ],
)
def test_absolute(sentence: str, text: str, value: str, precision: Precision) -> None:
    t = one(sentence)
    assert (t.text, t.value, t.precision, t.relative) == (text, value, precision, False)
    assert one(sentence, None).value == value  # needs no anchor


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("Talks on Oct. 17-18 in the capital.", "2023-10-17/2023-10-18", P.RANGE),
        ("Talks resume in mid-October.", "2023-10", P.MONTH),
        ("He heads to China next week.", "2023-W43", P.WEEK),
        ("He was in the capital last week.", "2023-W41", P.WEEK),
        ("The meeting is this week.", "2023-W42", P.WEEK),
        ("He arrived on Tuesday.", "2023-10-17", P.DAY),
        ("It rained on Friday.", "2023-10-13", P.DAY),
        ("They will meet on Wednesday.", "2023-10-18", P.DAY),
        ("He is scheduled to speak on Friday.", "2023-10-20", P.DAY),
        ("Officials are expected to decide on Monday.", "2023-10-23", P.DAY),
        ("Exports fell last month.", "2023-09", P.MONTH),
        ("Sales rose this month.", "2023-10", P.MONTH),
        ("The vote is next month.", "2023-11", P.MONTH),
        ("This year trade grew.", "2023", P.YEAR),
        ("Last year trade grew.", "2022", P.YEAR),
        ("Next year trade may grow.", "2024", P.YEAR),
        ("Earlier this year, talks failed.", "2023", P.YEAR),
        ("Xi visited in March.", "2023-03", P.MONTH),
        ("They met in May.", "2023-05", P.MONTH),
        ("It happened in November.", "2022-11", P.MONTH),
        ("He will visit in March.", "2024-03", P.MONTH),
        ("He arrived on June 2.", "2023-06-02", P.DAY),
        ("He arrived on Friday, Oct. 13.", "2023-10-13", P.DAY),
        # the weekday written with a yearless date picks its year: October 17 was a Monday in 2022
        ("The fair opened on Monday, October 17.", "2022-10-17", P.DAY),
        ("It happened last Friday, Oct. 13.", "2023-10-13", P.DAY),
        ("She will host the June 2 broadcast.", "2024-06-02", P.DAY),  # next June, not the nearest
        ("Talks will open on October 12.", "2023-10-12", P.DAY),  # within a week: this one
        ("The fair opens on December 28.", "2023-12-28", P.DAY),
        ("The deputy was killed on December 28.", "2022-12-28", P.DAY),  # a stated past: last December
        # what is pending lies ahead, whatever the tense of the sentence
        ("The judge held him without bail pending his next hearing October 27.", "2023-10-27", P.DAY),
        ("Yesterday he left.", "2023-10-16", P.DAY),
        ("Today he speaks.", "2023-10-17", P.DAY),
        ("Tomorrow he flies.", "2023-10-18", P.DAY),
        ("It began a decade ago.", "2013", P.YEAR),
        ("It began two years ago.", "2021", P.YEAR),
        ("The minister spoke this weekend.", "2023-10-14/2023-10-15", P.RANGE),
        ("The interview aired at the weekend.", "2023-10-14/2023-10-15", P.RANGE),  # the one gone
        ("The shop will close over the weekend.", "2023-10-21/2023-10-22", P.RANGE),  # the one ahead
        ("Repairs are due by the end of the year.", "2023", P.YEAR),
    ],
)
def test_relative(sentence: str, value: str, precision: Precision) -> None:
    t = one(sentence)
    assert (t.value, t.precision, t.relative) == (value, precision, True)
    unresolved = one(sentence, None)
    assert (unresolved.value, unresolved.precision, unresolved.relative) == (None, None, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "It marks a decade of the project.",
        "The works lasted 10 years.",
        "During his two-day visit he spoke.",
        "The pipeline carries 55 billion cubic meters a year.",
        "In the nearly two years since the war began, trade grew.",
        "Leaders met at the G20 and discussed COVID-19.",
        "Markets may recover, analysts said.",
        "Troops march on the capital.",
        "She was unaware until Entertainment Tonight broadcast a segment.",  # names, not days
        "USA Today reported the deal.",
        "In films from 1984: The Last Tram to Night Line, trams run forever.",  # a title, not a year
        "The Courier plans to end Saturday publication of its print edition.",  # every Saturday
        "Crews work during the week and rest at weekends.",  # no one week
    ],
)
def test_durations_and_non_times_are_skipped(sentence: str) -> None:
    assert find_times(sentence) == ()


def test_tense_is_read_from_the_clause_around_a_weekday() -> None:
    text = "The envoy, who arrived on Monday, will meet the president on Thursday."
    monday, thursday = find_times(text)
    assert (monday.tense, thursday.tense) == (Tense.PAST, Tense.FUTURE)
    assert [t.value for t in resolve((monday, thursday), TUESDAY)] == ["2023-10-16", "2023-10-19"]


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("The sheriff said that the deputy set out without a partner Friday.", Tense.PAST),
        ("The launch is set for Friday.", Tense.FUTURE),
        ("The council is set to vote on Friday.", Tense.FUTURE),
        # the modal of a relative clause does not govern the rest of the sentence
        ("Police said they found a box that would hold a gun in a bin during a search Monday.", Tense.PAST),
        ("Relatives would hold a vigil Thursday.", Tense.FUTURE),
        # what is arranged; a participle after an adverb after "be" is no past tense
        ("Orban is to be formally sentenced May 3 by the judge.", Tense.FUTURE),
        ("The two leaders are to meet again on Friday.", Tense.FUTURE),
        ("He will be formally charged on Friday.", Tense.FUTURE),
        ("A vote on the measures will be held Thursday.", Tense.FUTURE),  # "held" after "be": no past
        ("The election is due to be held on Friday.", Tense.FUTURE),
        ("The vote was held on Friday.", Tense.PAST),
    ],
)
def test_tense_cues_that_only_look_ahead(sentence: str, tense: Tense) -> None:
    (match,) = find_times(sentence)
    assert match.tense is tense


@pytest.mark.parametrize("sentence", ["Teachers didn’t see the mayor on Tuesday.", "It wasn't open Tuesday."])
def test_a_negated_past_states_the_past(sentence: str) -> None:
    (match,) = find_times(sentence)
    assert (match.tense, match.tense_stated) == (Tense.PAST, True)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("He was due to be freed in September after serving his term.", "2023-09"),  # gone, not next year
        ("She was scheduled to be released October 2, but fell ill.", "2023-10-02"),
        ("The trial was set to open in December.", "2023-12"),  # still to come: not last December
        ("The ferry was due to sail on Friday.", "2023-10-20"),  # a weekday still looks ahead
        ("He will be freed in September.", "2024-09"),
        # what a past act set ahead of itself
        ("He was remanded in custody to appear in court on November 19.", "2023-11-19"),
        ("He returned to court on November 19.", "2022-11-19"),  # "to court": no act set ahead
    ],
)
def test_a_plan_told_in_the_past_takes_the_nearest_month_or_day(sentence: str, value: str) -> None:
    assert one(sentence).value == value


def test_adjectives_in_ed_do_not_make_a_future_weekday_past() -> None:
    (match,) = find_times("The city will hold a meeting for evacuated residents on Thursday.")
    assert match.tense is Tense.FUTURE
    (match,) = find_times("Schools would stay closed until Monday.")
    assert match.tense is Tense.FUTURE


def test_inferred_anchor_is_marked_on_relative_values_only() -> None:
    times = resolve(find_times("On Tuesday, in March 2022, and next week."), TUESDAY, inferred=True)
    assert [(t.value, t.inferred_anchor) for t in times] == [
        ("2023-10-17", True),
        ("2022-03", False),
        ("2023-W43", True),
    ]


def test_caption_index_is_kept() -> None:
    (match,) = find_times("Leaders at the palace in March.", caption=1)
    assert match.caption == 1
    assert resolve([match], TUESDAY)[0].caption == 1


def test_matches_survive_the_json_codec() -> None:
    matches = find_times("He arrived on Tuesday and leaves on Oct. 19; trade grew in 2022.")
    assert tuple(decode(TimexMatch, to_data(m)) for m in matches) == matches


def test_sentence_spans_skip_titles_and_initials() -> None:
    text = "Mr. Putin met Vladimir V. Putin's aides. They left on Oct. 18. Nobody stayed."
    spans = sentence_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "Mr. Putin met Vladimir V. Putin's aides.",
        "They left on Oct. 18.",
        "Nobody stayed.",
    ]


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        (
            "Trade reached a record $190 billion last year, according to customs data, and the two sides "
            "have pledged to reach $200 billion this year.",
            ["2022", "2023"],
        ),
        ("Trade reached record levels in 2022, totaling around $190 million.", ["2022"]),
        ("The two countries have pledged to increase this figure to $200 million by 2023.", ["2023"]),
        ("By early 2024, trade could reach $200 billion a year, he said.", ["2024"]),
        ("Its shares fell 6.5 percent on Tuesday.", ["2023-10-17"]),
        ("Turnover grew by 60%. Last year was calm.", [None]),
        ("The plant will run for 10 years from 2025.", [None]),
        ("Raj Chohan, 59, was killed on Tuesday.", [None]),  # an age refers to no period
    ],
)
def test_attach_periods(text: str, periods: list[str | None]) -> None:
    times = resolve(find_times(text), TUESDAY)
    figures = attach_periods(find_quantities(text), times, text)
    assert [q.period for q in figures] == periods


def test_unresolved_times_give_no_period() -> None:
    text = "Trade reached $190 billion last year."
    figures = attach_periods(find_quantities(text), resolve(find_times(text), None), text)
    assert figures[0].period is None


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("On May 5 the plant closed thıs morning; it reopened ſpring 2021.", ["date", "day", "season"]),
        ("THE PLANT CLOSED YESTERDAY, two weeks AGO it grew.", ["day", "ago"]),
        ("the plant, closed in may, reopened on monday.", []),  # month and weekday names are capitalised
    ],
)
def test_rules_skipped_only_without_their_words(text: str, kinds: list[str]) -> None:
    # a rule is skipped when the text lacks a word it needs; case-blind rules still see odd letters
    # that a regex takes for ASCII ones ("ı" for "i", "ſ" for "s")
    assert [m.kind.value for m in find_times(text)] == kinds


def test_a_yearless_day_takes_the_year_the_story_writes_with_it() -> None:
    (killed,) = find_times("The deputy was killed on June 24 while investigating an attack.")
    may_2007 = dt.date(2007, 5, 2)
    assert resolve([killed], may_2007)[0].value == "2006-06-24"  # the last June 24 before May 2007 ...
    stated = stated_years({"a": find_times("Deputy shot and killed. June 24, 2005."), "b": find_times(
        "End of Watch: Friday, June 24, 2005")})  # fmt: skip
    # ... but two other reports write June 24 with 2005
    assert resolve([killed], may_2007, stated=stated, article_id="c")[0].value == "2005-06-24"
    # one report's year alone does not override (it may be a caption's slip); the article's own does
    one = stated_years({"a": find_times("Deputy shot and killed. June 24, 2005.")})
    assert resolve([killed], may_2007, stated=one, article_id="c")[0].value == "2006-06-24"
    assert resolve([killed], may_2007, stated=one, article_id="a")[0].value == "2005-06-24"
    # a year the tense rules out is no candidate: "will be sentenced on June 24" is ahead
    (ahead,) = find_times("He will be sentenced on June 24.")
    assert resolve([ahead], may_2007, stated=stated, article_id="c")[0].value == "2007-06-24"


def test_years_listed_after_a_year_are_years_too() -> None:
    found = find_times("She hosted in 1994, 1996, 1999 and 2002, and the Grammys in 1996 and 1997.")
    assert [m.year for m in found] == [1994, 1996, 1999, 2002, 1996, 1997]
    assert find_times("He paid 1500, 2000 people came.") == ()  # no year before it


def test_a_named_day_is_no_weekday() -> None:
    text = "Prices fell to Black Friday levels before Cyber Monday; the vote is on Friday."
    assert [t.text for t in find_times(text)] == ["Friday"]
    assert find_times(text)[0].span.start == text.index("on Friday") + 3
