"""Figures found in hand-written sentences: money, amounts, rates, percentages, counts, durations;
and numbers that are not figures (names, codes, dates, ordinals, times, ages)."""

from __future__ import annotations

import pytest

from corroborator.annotate.quantities import find_quantities
from corroborator.models import Bound, Quantity, QuantityKind

K = QuantityKind


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert text[q.span.start : q.span.end] == q.text
    return q


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "kind"),
    [
        ("Exports rose to $190bn in the period.", "$190bn", 190e9, "USD", K.MONEY),
        ("The firm raised US$5.2m from investors.", "US$5.2m", 5.2e6, "USD", K.MONEY),
        ("It cost 190 billion dollars overall.", "190 billion dollars", 190e9, "USD", K.MONEY),
        ("The grant was €2.5m for the region.", "€2.5m", 2.5e6, "EUR", K.MONEY),
        ("They paid £3 million for the land.", "£3 million", 3e6, "GBP", K.MONEY),
        ("Debt hit $1.2 trillion in the end.", "$1.2 trillion", 1.2e12, "USD", K.MONEY),
        ("Fines reached 5 million euros.", "5 million euros", 5e6, "EUR", K.MONEY),
        ("The budget is Rs 500 crore this time.", "Rs 500 crore", 5e9, "INR", K.MONEY),
        ("The oil company lost 3 billion roubles.", "3 billion roubles", 3e9, "RUB", K.MONEY),
        ("The fund paid 40 billion rubles.", "40 billion rubles", 40e9, "RUB", K.MONEY),
        ("The deal is worth $190-200 billion.", "$190-200 billion", 190e9, "USD", K.MONEY),
        ("Sales could reach $200 billion a year.", "$200 billion a year", 200e9, "USD/year", K.MONEY),
        (
            "A pipe carrying 55 billion cubic meters a year.",
            "55 billion cubic meters a year",
            55e9,
            "m3/year",
            K.AMOUNT,
        ),
        ("Exports reached 20 bcm last year.", "20 bcm", 20e9, "m3", K.AMOUNT),
        ("The road is 10 kilometers long.", "10 kilometers", 10_000, "m", K.AMOUNT),
        ("They set a 2-kilometre radius.", "2-kilometre", 2_000, "m", K.AMOUNT),
        ("The reserve covers 500 square kilometres.", "500 square kilometres", 500e6, "m2", K.AMOUNT),
        ("The park spans 30 km2 of hills.", "30 km2", 30e6, "m2", K.AMOUNT),
        ("A 1,500-square-kilometer island.", "1,500-square-kilometer", 1.5e9, "m2", K.AMOUNT),
        ("The 10,000-cubic-meter tank leaked.", "10,000-cubic-meter", 1e4, "m3", K.AMOUNT),
        ("Output was 2 million tonnes of grain.", "2 million tonnes", 2e9, "kg", K.AMOUNT),
        (
            "Wells pump 10 million barrels per day.",
            "10 million barrels per day",
            10e6,
            "barrel/day",
            K.AMOUNT,
        ),
        ("The tank holds 500 litres of fuel.", "500 litres", 0.5, "m3", K.AMOUNT),
        ("Pumps moved 12,000 liters a minute.", "12,000 liters a minute", 12, "m3/minute", K.AMOUNT),
        ("The mills produce 300 tons annually.", "300 tons annually", 300_000, "kg/year", K.AMOUNT),
        ("Trade has increased by 60%, he said.", "60%", 60, "percent", K.PERCENT),
        ("Turnout was 60 percent in the city.", "60 percent", 60, "percent", K.PERCENT),
        ("Support fell to 45 per cent there.", "45 per cent", 45, "percent", K.PERCENT),
        ("Leaders of 130 countries attended.", "130 countries", 130, "count", K.COUNT),
        ("Officials moved 340 households out.", "340 households", 340, "count", K.COUNT),
        ("Rescuers reached 1,200 people by noon.", "1,200 people", 1200, "count", K.COUNT),
        ("All 62 staff were safe.", "62 staff", 62, "count", K.COUNT),
        ("Crews from two other towns helped.", "two other towns", 2, "count", K.COUNT),
        ("Three people were hurt.", "Three people", 3, "count", K.COUNT),
        ("Twenty-one soldiers returned.", "Twenty-one soldiers", 21, "count", K.COUNT),
        ("Two dozen protesters gathered.", "Two dozen protesters", 24, "count", K.COUNT),
        ("A million people marched.", "A million people", 1e6, "count", K.COUNT),
        ("He weighs about 200 pounds.", "about 200 pounds", 90.718474, "kg", K.AMOUNT),
        ("The fine was 200 pounds.", "200 pounds", 200, "GBP", K.MONEY),
        ("Nearly half a million people fled.", "Nearly half a million people", 5e5, "count", K.COUNT),
        ("The fire did a million dollars of damage.", "a million dollars", 1e6, "USD", K.MONEY),
        ("Trade worth nearly 100 billion USD passes.", "nearly 100 billion USD", 1e11, "USD", K.MONEY),
        ("The number evacuated rose to 1,900 overnight.", "1,900", 1900, "count", K.COUNT),
        ("It may take at least 10 years to build.", "at least 10 years", 10, "year", K.DURATION),
        ("During his two-day visit he spoke.", "two-day", 2, "day", K.DURATION),
        ("The talks lasted four months.", "four months", 4, "month", K.DURATION),
        ("Some had worked for 18 hours straight.", "18 hours", 18, "hour", K.DURATION),
        ("The navy seized six AK-47 rifles.", "six AK-47 rifles", 6, "count", K.COUNT),  # a model's code
        ("Police found 14 AK 47 assault rifles.", "14 AK 47 assault rifles", 14, "count", K.COUNT),
        ("They had 26 crewmen aboard.", "26 crewmen", 26, "count", K.COUNT),
        ("Seven gunmen fled.", "Seven gunmen", 7, "count", K.COUNT),
        ("They found 12 Magazines and rounds.", "12 Magazines", 12, "count", K.COUNT),  # a release's capitals
        ("He retired with 46 KOs.", "46 KOs", 46, "count", K.COUNT),
        ("Apple employs about 450 Dreamers, he said.", "about 450 Dreamers", 450, "count", K.COUNT),
        ("It crossed three Texas counties.", "three Texas counties", 3, "count", K.COUNT),
        ("It plans two SLS missions in all.", "two SLS missions", 2, "count", K.COUNT),
        ("Its share was 22 billion Euros in all.", "22 billion Euros", 22e9, "EUR", K.MONEY),
        ("He led the crowd of 22, 000 in song.", "22, 000", 22000, "count", K.COUNT),
        ("The town of 14,000 has struggled.", "14,000", 14000, "count", K.COUNT),
        ("The talks took two and a half hours.", "two and a half hours", 2.5, "hour", K.DURATION),
        ("They paid one and a half million dollars.", "one and a half million dollars", 1.5e6, "USD",
         K.MONEY),
        ("He was shot 11 times by police.", "11 times", 11, "count", K.COUNT),  # blows
        ("Police fired at him seven times.", "seven times", 7, "count", K.COUNT),
    ],
)
def test_figures(sentence: str, text: str, value: float, unit: str, kind: QuantityKind) -> None:
    q = only(sentence)
    assert (q.text, q.unit, q.kind) == (text, unit, kind)
    assert q.value == pytest.approx(value)
    assert q.period is None


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("About 40,000 vehicles cross the bridge.", "About 40,000 vehicles"),
        ("It held about 6,000 cubic meters of fuel.", "about 6,000 cubic meters"),
        ("Trade totalled around $190 million.", "around $190 million"),
        ("In the nearly two years since then, little changed.", "nearly two years"),
        ("Most stayed with family; about 150 slept in the hall.", "about 150"),
    ],
)
def test_approximate_markers(sentence: str, text: str) -> None:
    q = only(sentence)
    assert q.text == text
    assert q.approximate
    assert q.bound is None  # about: neither more nor less


@pytest.mark.parametrize(
    ("sentence", "text", "bound"),
    [
        ("The quake killed at least three people.", "at least three people", Bound.LOWER),
        ("More than 200 homes were destroyed.", "More than 200 homes", Bound.LOWER),
        ("Police arrested upwards of 40 protesters.", "upwards of 40 protesters", Bound.LOWER),
        ("Up to 50 people were hurt.", "Up to 50 people", Bound.UPPER),
        ("Fewer than 10 boats came back.", "Fewer than 10 boats", Bound.UPPER),
        ("As many as 12 pirates were held.", "As many as 12 pirates", Bound.UPPER),
        ("He wants more than the $21 million Sabathia got.", "more than the $21 million", Bound.LOWER),
    ],
)
def test_bounds(sentence: str, text: str, bound: Bound) -> None:
    q = only(sentence)
    assert (q.text, q.bound, q.approximate) == (text, bound, True)


def test_yen_and_yuan_by_context() -> None:
    assert only("Japan will spend ¥10 trillion on roads.").unit == "JPY"
    assert only("The Chinese bank lent ¥10 trillion to firms.").unit == "CNY"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Power of Siberia 2 pipeline would cross the steppe.",
        "Leaders met at the G20 in India.",
        "A Boeing 737 landed safely.",
        "COVID-19 spread quickly.",
        "Take Route 6 north.",
        "The fire started in Tank 7 overnight.",
        "Some iPhone 11 Pro users will wait.",  # a brand's inner capital: a model, not 11 users
        "Officials began receiving 911 calls on Tuesday.",  # the number dialled
        "An F-16 crashed near the base.",
        "In 2022 trade grew.",
        "It opened on October 17 after delays.",
        "Talks on Oct. 17-18 in the capital.",
        "Beyond the 2028–2034 period nothing is planned.",
        "The war entered its 21st month.",
        "They marked the 10th anniversary of the plan.",
        "The first call came in at 11.07 p.m.",
        "They met at 9:30 am.",
        "The vigil began around 8: 30 p. m. on Church Avenue.",  # scraped with stray spaces
        "He was alone about 3 p. m. Friday.",
        "Call 555-0123 for details.",
        "Two years ago he left the party.",
        "The two countries signed a deal.",
        "We heard a bang around eleven.",
        "The first trip to a major power.",
        "Teixeira hit .358 before the deadline.",  # an average, not 358 of anything
        "Emirates bought Boeing's 787-9 Dreamliner jets.",  # a model
        "He carried a .45 pistol.",
        "Score 4.5 out of 5\n\nSave hundreds on the laptop.",  # the counted word is on the next line
        'The envoys were known as the "Three Amigos."',  # a figure that is all of a quotation
        "It can seem like there are a thousand choices.",  # a way of speaking
        "He is one in a million.",
        "He cringes at “three amigos” references.",
        "You can hear 10 Things in Tech each morning.",  # a title's capitals
        "He saw 5 Seconds of Summer play.",
        "The new hall is three times as large.",
        "He was hit three times the average.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert find_quantities(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "ages"),
    [
        ("The 30-year-old man was detained.", [("30-year-old", 30, "year")]),
        ("Sixty-year-old Sharron Smith is accused.", [("Sixty-year-old", 60, "year")]),
        ("A three-month-old baby was found.", [("three-month-old", 3, "month")]),
        ("He is 16 years old.", [("16 years old", 16, "year")]),
        ("Police arrested Sharron Smith, age 61, on Friday.", [("61", 61, "year")]),
        ("Arne Lund Jr., 49, escaped on Monday.", [("49", 49, "year")]),  # after a name's suffix
        ("Savings are locked until age 59 and a half.", [("59 and a half", 59.5, "year")]),
        ("Per Berg III, 38, was arrested.", [("38", 38, "year")]),
        ("She died at the age of 91.", [("91", 91, "year")]),
        ("Children aged 5 to 12 were sent home.", [("5 to 12", 5, "year")]),
        ("His sons, ages 6 and 16, survive.", [("6", 6, "year"), ("16", 16, "year")]),  # a list of ages
        ("Sons aged 6, 10 and 16 survive him.", [("6", 6, "year"), ("10", 10, "year")]),  # to a mark only
        ("Paul Riva, 47, and Alan Steinberg, 48, were wounded.", [("47", 47, "year"), ("48", 48, "year")]),
        ("The victim was Raj Chohan, 59.", [("59", 59, "year")]),
        ("Esther Williams has died. She was 91.", [("91", 91, "year")]),  # an obituary's age
        ("The swimmer died Thursday at 91, her publicist said.", [("91", 91, "year")]),
        ("Esther Williams dies at 91 in Beverly Hills", [("91", 91, "year")]),
    ],
)
def test_ages(sentence: str, ages: list[tuple[str, float, str]]) -> None:
    assert [(q.text, q.value, q.unit) for q in find_quantities(sentence)] == ages
    assert all(q.kind is K.AGE for q in find_quantities(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Two years ago he left the party.",
        "On May 5, 2008, the talks began.",  # a date, not an age in apposition
        "It opened on Friday, 5, and closed.",
        "The price is 49.95 euros (£40) a month.",
        "Binge eating is common in the United States (1).",  # a note, not an age in brackets
        "The score stood at Federer, 6-4.",
        "He died at 5 p.m. on Monday.",  # a time of day
        "She was 12 points behind.",
    ],
)
def test_no_ages(sentence: str) -> None:
    assert all(q.kind is not K.AGE for q in find_quantities(sentence))


def test_bare_number_without_noun_or_marker_is_not_a_figure() -> None:
    assert find_quantities("He said 45 and left.") == ()


def test_change_from_to_gives_two_figures_not_a_range() -> None:
    found = find_quantities("The number climbed from 1,200 to 1,900.")
    assert [q.value for q in found] == [1200, 1900]


def test_between_and_range_keeps_first_value() -> None:
    q = only("Between 10 and 12 percent voted.")
    assert (q.value, q.unit) == (10, "percent")


def test_spans_and_caption_index() -> None:
    text = "Officials said 340 households left, and $4.2 billion was pledged."
    found = find_quantities(text, caption=2)
    assert [q.text for q in found] == ["340 households", "$4.2 billion"]
    assert all(text[q.span.start : q.span.end] == q.text and q.caption == 2 for q in found)


def test_a_stray_space_after_a_separator_keeps_one_figure() -> None:
    """Scraped or converted text: "120, 000 people", "at least 5. 9" are one figure each; a list of
    numbers and a sentence-opening figure after a year are not joined."""
    def read(text: str) -> list[tuple[str, float]]:
        return [(q.text, q.value) for q in find_quantities(text)]

    assert read("The island is home to 120, 000 people.") == [("120, 000 people", 120000)]
    assert read("It measured at least 5. 9 on Sunday.") == [("at least 5. 9", 5.9)]
    assert read("Aftershocks ranged from 3. 5 to 4. 5 in strength.") == [("3. 5 to 4. 5", 3.5)]  # a range
    assert read("He was born in 2005. 3 people came.") == [("3 people", 3)]
    assert read("The votes were 12, 34 and 56 people.")[-1] == ("56 people", 56)
    assert read("Rooms 1, 2, 300 people.") == [("2, 300 people", 2300)]
    assert read("The mill, valued at about $380, 600, burned.") == [("about $380, 600", 380600)]


def test_earthquake_magnitudes_are_their_own_unit() -> None:
    def read(text: str) -> list[tuple[str, float, str]]:
        return [(q.text, q.value, q.unit) for q in find_quantities(text)]

    assert read("A 6.1-magnitude quake struck.") == [("6.1-magnitude", 6.1, "magnitude")]
    assert read("A magnitude-5.9 temblor hit.") == [("5.9", 5.9, "magnitude")]
    assert read("It had a magnitude of at least 5.9.") == [("at least 5.9", 5.9, "magnitude")]
    assert read("It measured 5.6 on the Richter scale.") == [("5.6 on the Richter scale", 5.6, "magnitude")]
    assert read("Aftershocks had magnitudes ranging from 3.6 to 4.5.") == [("3.6 to 4.5", 3.6, "magnitude")]
    assert read("The crowd grew from 30 people to 45 people.") == [
        ("30 people", 30, "count"), ("45 people", 45, "count")]  # a change, not a range


def test_dollar_us_and_hyphenated_scales() -> None:
    def read(text: str) -> list[tuple[str, float, str]]:
        return [(q.text, q.value, q.unit) for q in find_quantities(text)]

    assert read("Damage was put at $US1 million.") == [("$US1 million", 1e6, "USD")]
    assert read("It agreed a $143-billion package.") == [("$143-billion", 143e9, "USD")]
    assert read("They built a 5-m wall.") == [("5-m", 5, "m")]  # a hyphen joins only a scale word


def test_pounds_are_a_weight_in_a_story_that_counts_money_in_dollars() -> None:
    found = find_quantities("The 250-pound suspect had $10 on him.")
    assert [(q.text, q.unit) for q in found] == [("250-pound", "kg"), ("$10", "USD")]
    found = find_quantities("The 250-pound fine was paid in £10 notes.")
    assert [(q.text, q.unit) for q in found] == [("250-pound", "GBP"), ("£10", "GBP")]


def test_a_figure_written_again_in_other_units_in_brackets_is_one_figure() -> None:
    text = "The quake struck seven km (4 miles) east of town, doing $US1 million ($1.52 million) of damage."
    found = find_quantities(text)
    assert [(q.text, q.unit) for q in found] == [("seven km", "m"), ("$US1 million", "USD")]
    # a count in brackets is a part of the one before it, not the same count again
    found = find_quantities("Five people (three children) died.")
    assert [q.text for q in found] == ["Five people", "three children"]
