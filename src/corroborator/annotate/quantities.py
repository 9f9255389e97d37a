"""Figures in text: money, physical amounts and rates, percentages, counts of things, durations and
ages ("a 60-year-old woman", "aged 61", "Raj Chohan, 59,": a figure after a name in commas; an
obituary's "She was 91.").

A regex grammar finds each number (digits or a few written words, with an optional approximate
marker, currency sign, scale word and range; "at least", "more than", "up to" and the like also make
it a lower or upper ``Bound``); what follows decides what it measures. Values are
normalised: money in units of its currency (ISO 4217 code), lengths / areas / volumes / masses in
SI base units (``m``, ``m2``, ``m3``, ``kg``), units that do not convert keep a plain name
(``barrel``, an earthquake's ``magnitude``, read before the number too: "magnitude-5.9"), rates get a
suffix (``m3/year``, ``USD/year``). A range keeps its first value ("from 3 to 5" is a change, two
figures, unless something is "ranging from" 3 to 5). Scraped text's stray space after a separator
("120, 000", "5. 9") does not split a figure.

Numbers that are not figures are skipped: names and codes ("Tank 7", "G20", "COVID-19", "F-16", a
figure that is all of a quotation: the "Three Amigos"),
years and dates ("2022", "Oct. 17-18"), ordinals ("21st"), times of day, "two years ago"; a
bare number without a noun counts only after a marker such as "about" or a verb of change ("rose to").
"Pounds" are sterling unless weighed ("weighs 200 pounds") or in a story that counts money in dollars.
A measure or sum written again in other units in brackets ("seven km (4 miles)") is one figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborator.annotate.records import find_records
from corroborator.models import Bound, Quantity, QuantityKind, Span
from corroborator.vocab import word_set


def _list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_UNITS_WORDS = _list("one two three four five six seven eight nine")
_TEENS_WORDS = _list("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
_TENS_WORDS = _list("twenty thirty forty fifty sixty seventy eighty ninety")
_WORD_VALUE = {
    **{w: i + 1 for i, w in enumerate(_UNITS_WORDS)},
    **{w: i + 10 for i, w in enumerate(_TEENS_WORDS)},
    **{w: (i + 2) * 10 for i, w in enumerate(_TENS_WORDS)},
    "a": 1,
}
_TENS, _TEENS, _ONES = ("|".join(words) for words in (_TENS_WORDS, _TEENS_WORDS, _UNITS_WORDS))
_W1 = rf"(?:(?:{_TENS})(?:[-\s](?:{_ONES}))?|{_TEENS}|{_ONES})"
# "a million", "half a billion": a scale word after "a" counts one (or half) of it; not "a thousand",
# more often a way of speaking ("a thousand choices") than a figure
_A_SCALE = r"(?:half\s+)?a(?=\s+(?:million|billion|trillion)\b)"
_WORDNUM = rf"(?:(?:{_W1}|a)\s+dozen|{_A_SCALE}|{_W1}(?:\s+hundred(?:\s+(?:and\s+)?{_W1})?)?)"
# text scraped or converted with a stray space after a separator ("120, 000", "magnitude-5. 9") is
# read as one figure; a lone digit after ". " can only be a decimal: news prose spells out a
# sentence-opening number
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:, \d{3})+(?!\d|,\s?\d)"
    r"|\d{1,2}\. \d(?![\d,.])|\d+(?:\.\d+)?"
)
_APPROX = (
    r"about|around|roughly|approximately|nearly|almost|some|close to|more than|over|under|less than"
    r"|fewer than|up to|at least|at most|an estimated|estimated|just over|just under|as many as|as much as"
    r"|upwards of"
)
_BOUNDS = {
    **dict.fromkeys(("more than", "over", "at least", "just over", "upwards of"), Bound.LOWER),
    **dict.fromkeys(
        ("under", "less than", "fewer than", "up to", "at most", "just under", "as many as", "as much as"),
        Bound.UPPER,
    ),
}
_CUR = (
    r"US\$|\$US\s?|U\.S\.\s?\$|C\$|A\$|HK\$|S\$|NZ\$|R\$|\$|€|£|¥|₹|Rs\.?\s?"
    r"|(?:USD|EUR|GBP|JPY|CNY|RMB|INR)\s?"
)
_SCALE = r"thousand|million|billion|trillion|bn|mn|mln|tn|crore|lakh|m|k"
_NUMBER = re.compile(
    # "more than the $21 million that Sabathia got": a bound set by another figure
    rf"(?P<approx>\b(?i:{_APPROX})\s+(?:(?<=than )(?i:the)\s+)?)?"
    rf"(?P<cur>{_CUR})?(?P<num>{_DIGITS}|\b(?i:{_WORDNUM})\b)(?P<half>\s+and\s+a\s+half\b)?"
    rf"(?:(?:\s?|-(?=(?i:thousand|million|billion|trillion)))(?P<scale>(?i:{_SCALE}))(?![A-Za-z]))?"
)

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
    "trillion": 1e12, "tn": 1e12, "crore": 1e7, "lakh": 1e5,
}  # fmt: skip
_CURRENCY_SIGNS = {
    "us$": "USD", "$us": "USD", "u.s.$": "USD", "$": "USD", "c$": "CAD", "a$": "AUD", "hk$": "HKD",
    "s$": "SGD", "nz$": "NZD", "r$": "BRL", "€": "EUR", "£": "GBP", "₹": "INR", "rs": "INR", "rs.": "INR",
}  # fmt: skip

_CODES_AFTER = ("USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "CHF", "AUD", "CAD")

# (pattern after the number, unit, factor, kind); singular forms serve "a 2-kilometre radius"
_U = QuantityKind
_UNIT_TABLE: tuple[tuple[str, str, float, QuantityKind], ...] = (
    (r"(?:US |U\.S\. )?dollars?", "USD", 1, _U.MONEY),
    (r"euros?", "EUR", 1, _U.MONEY),
    (r"(?:pounds?|quid)(?: sterling)?(?! of\b)", "GBP", 1, _U.MONEY),
    (r"yen", "JPY", 1, _U.MONEY),
    (r"(?:yuan|renminbi)", "CNY", 1, _U.MONEY),
    (r"(?:roubles?|rubles?)", "RUB", 1, _U.MONEY),
    (r"rupees?", "INR", 1, _U.MONEY),
    (r"(?:Swiss )?francs?", "CHF", 1, _U.MONEY),
    *((code, code, 1, _U.MONEY) for code in _CODES_AFTER),  # "100 billion USD"
    (r"%|percent|per cent|pct", "percent", 1, _U.PERCENT),
    (r"percentage points?", "percentage point", 1, _U.PERCENT),
    (r"(?:barrels?|bbl) (?:per|a) day|bpd|b/d", "barrel/day", 1, _U.AMOUNT),
    (r"(?:barrels?|bbl)", "barrel", 1, _U.AMOUNT),
    (r"bcm|bcm/y", "m3", 1e9, _U.AMOUNT),
    (r"tcm", "m3", 1e12, _U.AMOUNT),
    (r"(?:cubic[- ](?:met(?:re|er)s?)|m3|m³|cu\.? m)", "m3", 1, _U.AMOUNT),
    (r"cubic[- ](?:feet|foot)|cu\.? ft", "m3", 0.0283168, _U.AMOUNT),
    (r"(?:millilit(?:re|er)s?|ml)", "m3", 1e-6, _U.AMOUNT),
    (r"(?:lit(?:re|er)s?|[lL])", "m3", 1e-3, _U.AMOUNT),
    (r"gallons?", "m3", 0.00378541, _U.AMOUNT),
    (r"(?:square[- ](?:kilomet(?:re|er)s?)|sq\.? km|km2|km²)", "m2", 1e6, _U.AMOUNT),
    (r"(?:square[- ](?:met(?:re|er)s?)|sq\.? m|m2|m²)", "m2", 1, _U.AMOUNT),
    (r"(?:square[- ]miles?|sq\.? mi)", "m2", 2.589988e6, _U.AMOUNT),
    (r"(?:square[- ](?:feet|foot)|sq\.? ft)", "m2", 0.09290304, _U.AMOUNT),
    (r"(?:hectares?|ha)", "m2", 1e4, _U.AMOUNT),
    (r"acres?", "m2", 4046.8564, _U.AMOUNT),
    (r"(?:kilomet(?:re|er)s? (?:per|an|a) hour|km/h|kph)", "m/s", 1 / 3.6, _U.AMOUNT),
    (r"(?:miles? (?:per|an|a) hour|mph)", "m/s", 0.44704, _U.AMOUNT),
    (r"knots?", "m/s", 0.514444, _U.AMOUNT),
    (r"(?:kilomet(?:re|er)s?|km)", "m", 1e3, _U.AMOUNT),
    (r"(?:centimet(?:re|er)s?|cm)", "m", 1e-2, _U.AMOUNT),
    (r"(?:millimet(?:re|er)s?|mm)", "m", 1e-3, _U.AMOUNT),
    (r"nautical miles?", "m", 1852, _U.AMOUNT),
    (r"miles?", "m", 1609.344, _U.AMOUNT),
    (r"(?:met(?:re|er)s?|m)", "m", 1, _U.AMOUNT),
    (r"(?:feet|foot|ft)", "m", 0.3048, _U.AMOUNT),
    (r"yards?", "m", 0.9144, _U.AMOUNT),
    (r"inch(?:es)?", "m", 0.0254, _U.AMOUNT),
    (r"(?:metric )?(?:tonnes?|tons?)", "kg", 1e3, _U.AMOUNT),
    (r"(?:kilo(?:gram(?:me)?)?s?|kg)", "kg", 1, _U.AMOUNT),
    (r"(?:grams?|grammes?|g)", "kg", 1e-3, _U.AMOUNT),
    (r"(?:pounds?(?= of\b)|lbs?)", "kg", 0.45359237, _U.AMOUNT),
    (r"(?:ounces?|oz)", "kg", 0.0283495, _U.AMOUNT),
    (r"(?:gigawatts?|GW)", "W", 1e9, _U.AMOUNT),
    (r"(?:megawatts?|MW)", "W", 1e6, _U.AMOUNT),
    (r"(?:kilowatts?|kW)", "W", 1e3, _U.AMOUNT),
    (r"(?:terawatt[- ]hours?|TWh)", "Wh", 1e12, _U.AMOUNT),
    (r"(?:gigawatt[- ]hours?|GWh)", "Wh", 1e9, _U.AMOUNT),
    (r"(?:megawatt[- ]hours?|MWh)", "Wh", 1e6, _U.AMOUNT),
    (r"(?:kilowatt[- ]hours?|kWh)", "Wh", 1e3, _U.AMOUNT),
    (r"(?:degrees? (?:Celsius|centigrade)|°C|C°)", "degC", 1, _U.AMOUNT),
    (r"(?:magnitude|on the (?:open-ended )?Richter scale)", "magnitude", 1, _U.AMOUNT),  # earthquakes
    (r"(?:degrees? Fahrenheit|°F)", "degF", 1, _U.AMOUNT),
    (r"(?:years?|yrs?)", "year", 1, _U.DURATION),
    (r"decades?", "decade", 1, _U.DURATION),
    (r"(?:centuries|century)", "century", 1, _U.DURATION),
    (r"months?", "month", 1, _U.DURATION),
    (r"weeks?", "week", 1, _U.DURATION),
    (r"days?", "day", 1, _U.DURATION),
    (r"(?:hours?|hrs?)", "hour", 1, _U.DURATION),
    (r"(?:minutes?|mins?)", "minute", 1, _U.DURATION),
    (r"(?:seconds?|secs?)", "second", 1, _U.DURATION),
)
_UNITS = tuple(
    (re.compile(rf"(?:\s?-\s?|\s?)(?:{pattern})(?![\w²³])"), unit, factor, kind)
    for pattern, unit, factor, kind in _UNIT_TABLE
)
_RATE = re.compile(
    r"(?:\s+(?:a|an|per|each|every)\s+(?P<a>year|annum|day|month|week|hour|minute|second)\b"
    r"(?!\s+(?:earlier|later|ago|before|after|or))"
    r"|\s?/\s?(?P<b>year|yr|day|month|week|hour|hr|h|minute|min|second|sec|s)\b"
    r"|\s+(?P<c>annually|yearly|daily|monthly|weekly|hourly))"
)
_RATE_NAMES = {"annum": "year", "annually": "year", "yearly": "year", "yr": "year", "daily": "day",
               "monthly": "month", "weekly": "week", "hourly": "hour", "hr": "hour", "h": "hour",
               "min": "minute", "sec": "second", "s": "second"}  # fmt: skip
_RANGE = re.compile(
    rf"\s*(?:-|–|—|(?P<word>\s(?:to|and)\s))\s*(?:{_CUR})?(?:{_DIGITS})(?:\s?(?P<scale>{_SCALE})\b)?"
)
_MONTH = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?$"
)
_MONTH_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
)
_TIME_AFTER = re.compile(  # a time of day, also as scraped with a stray space ("8: 30 p. m.")
    r"\s?(?:[ap](?:\.\s?)?m\.?(?![a-z])|o'clock|GMT|UTC|hrs?\b|h\b)|:\s?\d\d|\.\d\d\s?[ap]\.?m"
)
# an age: "a 60-year-old woman", "Sixty-year-old Sharron Smith", "three months old"; "aged 61", "age 61",
# "at the age of 91"; in apposition to a name: "Raj Chohan, 59, was struck" (not in brackets: "the
# United States (1)" is a note)
_AGE_AFTER = re.compile(r"(?:-|\s)(?P<unit>year|month|week|day)s?(?:-|\s)old\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|ages?|age\s+of)\s*:?\s*$", re.IGNORECASE)
# the next of a list of ages, ending at a mark: "two men, ages 47 and 48,", "sons aged 6, 10 and 16."
_AGES_BEFORE = re.compile(r"\b(?:aged|ages)\s+(?:\d{1,3}\s*(?:,\s*|,?\s+and\s+))+$", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"(?:[A-Z][A-Za-z'’-]*[a-z]|\b[JS]r\.|\bI{2,3}|\bIV),\s?$")  # "Comeaux Jr., 49,"
# an obituary's age: "She was 91.", "died Thursday at 91", "dies at 91 in Beverly Hills"
_PERSON_WAS = re.compile(r"(?:^|[.!?]\s+|\n)(?:[Ss]he|[Hh]e) was\s+$")
_DIED_AT = re.compile(r"\b(?:died|dies|dead)\b[^.!?\n\d]{0,40}\bat\s+$")
_AGE_ENDS = re.compile(r"(?:,|\.(?!\d)|;|\s+(?:in|on|after|of|from|and)\b|\s*$)")
_NAMED_AFTER = re.compile(r"(?:,|\.(?!\d)|;)")
_LIST_GOES_ON = re.compile(r"(?:,|\.(?!\d)|;|\)|\s+and\b)")
_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_NOT_FIGURE_AFTER = re.compile(
    r"(?:-|\s)(?:years?|months?|days?|weeks?)?[- ]?old\b|\s+(?:\w+\s+)?ago\b|(?:st|nd|rd|th)\b"
)
# "magnitude 5.9", "magnitude-6.1", "a magnitude of at least 5.9", "magnitudes ranging from 3.6 to 4.5"
_MAGNITUDE_BEFORE = re.compile(
    r"\bmagnitudes?(?:\s*-\s*|\s+of\s+|\s+(?:rang\w*\s+)?(?:from|between)\s+|\s+)$", re.IGNORECASE
)
# how many times someone was hit: "shot him 17 times", "was stabbed eleven times"; not "three times as
# many" or "three times the size"
_BLOWS = re.compile(r"[^\S\n]+times\b(?![^\S\n]+(?:as|more|less|the|that|a|an|over|higher|larger|bigger)\b)")
_STRUCK_BEFORE = re.compile(
    r"\b(?:shot|stabbed|struck|hit|punched|kicked|beaten|fired|slashed)\b(?:[^\S\n]+(?:him|her|them|it|at)){0,2}"
    r"[^\S\n]+$",
    re.IGNORECASE,
)


def _struck(text: str, first: int) -> bool:
    return _STRUCK_BEFORE.search(text, max(0, first - 30), first) is not None


# a bare number that counts people: "a crowd of 22,000", "the town of 14,000"
_HEADCOUNT_BEFORE = re.compile(
    r"\b(?:crowds?|audience|population|town|city|village|attendance|turnout)\s+of\s+$", re.IGNORECASE
)


def _headcount(text: str, first: int) -> bool:
    return _HEADCOUNT_BEFORE.search(text, max(0, first - 40), first) is not None


_RANGING_FROM = re.compile(r"\b(?:rang\w*|var(?:y|ies|ied|ying))\s+from\s+$", re.IGNORECASE)  # a range
_WORD_AFTER = re.compile(r"[^\S\n]+([A-Za-z][A-Za-z'’-]*)")  # on the same line
_NAME_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’-]*)[ \u00a0]$")
_EMERGENCY = re.compile(  # an emergency number and what it is dialled for: "911 calls", "999 operators"
    r"(?:911|999|112)\s+(?:calls?|callers?|dispatch\w*|operators?|centers?|centres?|lines?)\b"
)
_CAMEL = re.compile(r"^[a-z]+[A-Z]")  # a brand's inner capital: "iPhone", "eBay", "macOS"
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.'’-]*)\W*$")

_CAPITAL_OK = word_set(
    "about around nearly some more over up in at by with for of only just all roughly approximately almost "
    "the those these another its their his her our and but since from to between among under below above "
    "than less fewer least estimated an a another each every if when while as after before"
)
_DEFINITE = word_set("the these those its their his her our my your both")
_BARE_OK = word_set(
    "to from rose fell risen fallen climbed dropped increased decreased jumped grew reached totalled totaled "
    "numbered hit"
)
_STOP = word_set(
    "a an the of to in on at for with and or but by from is are was were be been has have had will would "
    "could should may might can that which who this these those than as its it his her their our per percent "
    "more less most least times such same each every all both either neither what when "
    "where while whereas unless across always perhaps towards besides afterwards nevertheless yes thus was "
    "has does is his this us plus minus previous earlier later ago"
)
_IRREGULAR_PLURALS = word_set(
    "people staff children men women police personnel crew cattle sheep livestock aircraft fish deer militia "
    "infantry youth clergy"
)


@dataclass(frozen=True, slots=True)
class _Unit:
    end: int
    unit: str
    factor: float
    kind: QuantityKind


def _word_number(words: str) -> float:
    if re.fullmatch(r"half\s+a", words, re.IGNORECASE):
        return 0.5
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            current += _WORD_VALUE[word]
    return total + current


def _yen_or_yuan(text: str, pos: int) -> str:
    window = text[max(0, pos - 300) : pos + 300].lower()
    if "yuan" in window or "renminbi" in window or "china" in window or "chinese" in window:
        return "CNY"
    return "JPY"


def _currency(sign: str, text: str, pos: int) -> str:
    key = re.sub(r"\s", "", sign).lower()
    if key in _CURRENCY_SIGNS:
        return _CURRENCY_SIGNS[key]
    if key == "¥":
        return _yen_or_yuan(text, pos)
    return {"rmb": "CNY"}.get(key, key.upper())


_WEIGHING = re.compile(r"\b(?:weigh(?:s|ed|ing|t|ts)?|heavier|lighter)\b[^.;:!?]*$", re.I)


def _pounds_weigh(text: str, start: int, end: int) -> bool:
    """Whether "pounds" after a number are a weight: said of weighing ("weighs about 200 pounds"), or
    written in a story that counts its money in dollars and never in sterling."""
    if not re.match(r"[\s-]*pounds?(?!\s+sterling)\b", text[end : end + 20], re.I):
        return False  # "quid", "pounds sterling"
    if _WEIGHING.search(text, max(0, start - 60), start):
        return True
    return "£" not in text and ("$" in text or "dollar" in text.lower())


def _unit_at(text: str, pos: int, money: bool) -> _Unit | None:
    for pattern, unit, factor, kind in _UNITS:
        m = pattern.match(text, pos)
        if m and not (money and kind is QuantityKind.MONEY):
            return _Unit(m.end(), unit, factor, kind)
    return None


def _count_noun_end(text: str, pos: int, capitals: bool = False) -> int | None:
    """End of "[modifier [modifier]] plural-noun" right after ``pos``, or None. A model's code may be
    a modifier ("six AK 47 rifles"); a capitalised noun may head it only with ``capitals`` (the text
    around is not a title's) and before a lower-case word or punctuation ("12 Magazines and ...")."""
    for _ in range(3):
        code = _CODE_AFTER.match(text, pos)
        if code is not None:
            pos = code.end()
            continue
        m = _WORD_AFTER.match(text, pos)
        if not m:
            return None
        word = m.group(1).lower().rstrip("'’")
        if word in _STOP or _MONTH.match(m.group(1)):
            return None
        head = len(word) > 2 and (m.group(1)[0].islower() or (capitals and _capital_head(text, m)))
        if head and (word in _IRREGULAR_PLURALS or _regular_plural(word)):
            return m.end()
        pos = m.end()
    return None


def _capital_head(text: str, m: re.Match[str]) -> bool:
    """Whether a capitalised word can head a count in running text ("12 Magazines and ...", "46
    KOs."): not an acronym ("three SLS rockets"), nor a name's word before the noun ("three Texas
    counties"), nor a headline's ("10 Things in Tech", "5 Seconds of Summer")."""
    if m.group(1).isupper() or _LOWER_NEXT.match(text, m.end()) is None:
        return False
    nxt = _WORD_AFTER.match(text, m.end())
    plural_next = nxt is not None and nxt.group(1).islower() and _regular_plural(nxt.group(1))
    return not plural_next and _TITLE_GOES_ON.match(text, m.end()) is None


_CODE_AFTER = re.compile(r"[^\S\n]+[A-Z]{1,3}[- ]?\d{1,3}(?![\w,.]\d)\b")  # "AK 47", "AK-47", "M16"
_LOWER_NEXT = re.compile(r"[,.;:)]|[^\S\n]+[a-z]")
_TITLE_GOES_ON = re.compile(r"[^\S\n]+(?:to|in|of|for|on|at|with|and|the|a|you)[^\S\n]+[A-Z]")


def _regular_plural(word: str) -> bool:
    """"rifles", "crewmen", "gunmen"; not "news", "virus", "crisis", "specimen", "abdomen"."""
    if word.endswith("men") and len(word) > 4:
        return word[-4] not in "aio"
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _is_name_or_code(text: str, start: int) -> bool:
    """A number glued to a word ("G20", "COVID-19"), after a name ("Tank 7", "iPhone 11") or a month
    ("Oct. 17")."""
    before = text[max(0, start - 2) : start]
    last = before[-1:]
    if last and (last.isalnum() or last in "#№" or (last in "-/–" and before[:1].isalnum())):
        return True
    m = _NAME_BEFORE.search(text[max(0, start - 40) : start])
    if not m:
        return False
    word = m.group(1)
    if _MONTH.search(word):
        return True
    named = word[0].isupper() or _CAMEL.search(word) is not None  # "Tank 7", "iPhone 11"
    return named and word.lower().strip(".") not in _CAPITAL_OK and not word.endswith(("'s", "’s"))


def _age(text: str, start: int, end: int, value: float, written: bool) -> Quantity | None:
    """The figure as a person's (or a thing's) age, or None: "60-year-old", "aged 61", "Chohan, 59,",
    "She was 91.", "died Thursday at 91"."""
    found = _AGE_AFTER.match(text, end)
    if found is not None:
        return Quantity(text[start : found.end()], Span(start, found.end()), value, found["unit"].lower(),
                        QuantityKind.AGE)  # fmt: skip
    if written or not 0 < value < 120 or value * 2 != int(value * 2):
        return None  # whole years, or "59 and a half"
    listed = _AGES_BEFORE.search(text, max(0, start - 40), start) and _LIST_GOES_ON.match(text, end)
    said = _PERSON_WAS.search(text, max(0, start - 12), start)
    if said is not None or _DIED_AT.search(text, max(0, start - 60), start):
        # "She was 91.", "died Thursday at 91": an age only where the clause ends (not "was 12 points")
        if _AGE_ENDS.match(text, end) is None:
            return None
        return Quantity(text[start:end], Span(start, end), value, "year", QuantityKind.AGE)
    if listed or _AGE_BEFORE.search(text, max(0, start - 16), start):
        if (rng := _RANGE.match(text, end)) is not None and not rng["scale"] and rng["word"] != " and ":
            end = rng.end()  # "aged 5 to 12"
    else:
        named = _NAMED_BEFORE.search(text, max(0, start - 40), start)
        if named is None or _MONTH.search(named.group()) or _WEEKDAY.search(named.group()):
            return None
        if _NAMED_AFTER.match(text, end) is None:
            return None
    return Quantity(text[start:end], Span(start, end), value, "year", QuantityKind.AGE)


def find_quantities(text: str, *, caption: int | None = None) -> tuple[Quantity, ...]:
    """Every figure in ``text``, in order."""
    out: list[Quantity] = []
    consumed = 0
    for m in _NUMBER.finditer(text):
        if m.start() < consumed:
            continue
        quantity = _read(text, m, caption)
        if quantity is not None and not _whole_quotation(text, quantity.span):
            if out and _conversion(text, out[-1], quantity):
                consumed = quantity.span.end
                continue
            out.append(quantity)
            consumed = quantity.span.end
    taken = [q.span for q in out]
    records = [r for r in find_records(text, caption=caption) if not any(_meet(r.span, s) for s in taken)]
    return tuple(sorted((*out, *records), key=lambda q: q.span.start)) if records else tuple(out)


def _meet(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


_IN_BRACKETS = re.compile(r"\s*\(\s*(?:about|around|some|roughly|nearly|approximately|or)?\s*$", re.I)


def _conversion(text: str, before: Quantity, after: Quantity) -> bool:
    """A measure or a sum written again in other units, in brackets: "seven km (4 miles)", "$5 (4
    euros)"; not a count ("five people (three children)": a part of them)."""
    if after.kind is not before.kind or after.kind not in (QuantityKind.AMOUNT, QuantityKind.MONEY):
        return False
    if after.kind is QuantityKind.AMOUNT and after.unit != before.unit:
        return False
    between = text[before.span.end : after.span.start]
    closed = text[after.span.end : after.span.end + 2].strip()[:1] == ")"
    return closed and _IN_BRACKETS.fullmatch(between) is not None


_OPENING = "\"“‘'"
_CLOSING = re.compile(r"[.,!?]?[\"”’']")


def _whole_quotation(text: str, span: Span) -> bool:
    """A figure that is all of a quotation is a label: they were known as the "Three Amigos"."""
    return span.start > 0 and text[span.start - 1] in _OPENING and _CLOSING.match(text, span.end) is not None


def _falls(first: str, dashed: str) -> bool:
    """Whether the number after a dash ("-3" after "58") is smaller than the one before it: a
    range runs upwards ("8-10", "$5-6 million"), a record or a score need not."""
    second = re.search(r"\d[\d,.]*", dashed)
    try:
        return second is not None and float(second.group().rstrip(".,").replace(",", "")) < float(
            first.replace(",", "").replace(" ", "")
        )
    except ValueError:
        return False


def _read(text: str, m: re.Match[str], caption: int | None) -> Quantity | None:
    num, cur, scale = m.group("num"), m.group("cur"), (m.group("scale") or "").lower()
    start = m.start("cur") if cur else m.start("num")
    first = m.start("approx") if m.group("approx") else start
    written = not num[0].isdigit()
    if not cur and start > 0 and text[start - 1] == "." and not text[max(0, start - 2) : start - 1].isdigit():
        return None  # "hit .358", "a .45-caliber handgun": an average or a calibre, not a count of 358
    magnitude = not (cur or written) and _MAGNITUDE_BEFORE.search(text, max(0, first - 40), first) is not None
    if not magnitude and _is_name_or_code(text, start):
        return None
    if _EMERGENCY.match(text, start):
        return None  # "911 calls": the number dialled, not 911 of them
    value = _word_number(num) if written else float(num.replace(",", "").replace(" ", ""))
    value += 0.5 if m.group("half") else 0  # "two and a half hours"
    end = m.end()
    if scale in ("m", "k") and not cur:  # "5m" is five metres; "5k" is not news prose
        if scale == "k":
            return None
        scale, end = "", m.end("num")
    if _TIME_AFTER.match(text, m.end("num")) or _MONTH_AFTER.match(text, m.end("num")):
        return None
    number_end = m.end("half") if m.group("half") else m.end("num")
    if not cur and (age := _age(text, first, number_end, value, written)) is not None:
        return age
    if _NOT_FIGURE_AFTER.match(text, end):
        return None
    if text[end : end + 1].isalpha() and not scale and not written and _unit_at(text, end, bool(cur)) is None:
        return None  # glued to letters that are no unit: "5G", "737MAX"
    prev = _PREV_WORD.search(text[max(0, m.start() - 40) : m.start()])
    prev_word = prev.group(1).lower() if prev else ""
    rng = None if written else _RANGE.match(text, end)
    if rng and re.match(r"[-–]\d", text[rng.end() : rng.end() + 2]):
        return None  # three numbers joined: a record or a code ("improved to 8-8-4"), no range
    if rng and not rng.group("word") and _falls(num, rng.group(0)):
        return None  # "improves to 58-3": a record of wins and losses, or a score, no range
    if rng:
        sep = (rng.group("word") or "").strip()
        ranging = _RANGING_FROM.search(text, max(0, first - 40), first) is not None
        to_range = sep == "to" and (prev_word != "from" or ranging)
        if not sep or to_range or (sep == "and" and prev_word == "between"):
            scale = scale or (rng.group("scale") or "").lower()
            end = rng.end()
    value *= _SCALES.get(scale, 1)
    currency = _currency(cur, text, start) if cur else None
    unit = _unit_at(text, end, currency is not None)
    if unit is None and (word := _WORD_AFTER.match(text, end)) is not None and word.group(1).istitle():
        lowered = text[: word.start(1)] + word.group(1).lower() + text[word.end(1) :]
        money = _unit_at(lowered, end, currency is not None)  # "22 billion Euros"; not "5 Seconds of ..."
        unit = money if money is not None and money.kind is QuantityKind.MONEY else None
    if unit is not None and unit.unit == "GBP" and _pounds_weigh(text, first, end):
        unit = _Unit(unit.end, "kg", 0.45359237, QuantityKind.AMOUNT)
    year_like = not cur and not scale and not written and re.fullmatch(r"1[89]\d\d|20\d\d", num) is not None
    if currency is not None:
        kind, unit_name, end = QuantityKind.MONEY, currency, end
    elif magnitude:
        kind, unit_name = QuantityKind.AMOUNT, "magnitude"
    elif unit is not None:
        if year_like and unit.kind in (QuantityKind.DURATION, QuantityKind.PERCENT):
            return None
        kind, unit_name, end = unit.kind, unit.unit, unit.end
        value *= unit.factor
    elif (blows := _BLOWS.match(text, end)) is not None and _struck(text, first):
        kind, unit_name, end = QuantityKind.COUNT, "count", blows.end()  # "shot 17 times"
    else:
        capitals = prev is not None and prev.group(1)[0].islower()
        noun_end = _count_noun_end(text, end, capitals)
        if noun_end is not None and not year_like:
            if written and (prev_word in _DEFINITE or (num.lower() in ("one", "a") and not scale)):
                return None  # "the two men", "one man"; not "a million people"
            kind, unit_name, end = QuantityKind.COUNT, "count", noun_end
        elif (
            not written
            and not year_like
            and (m.group("approx") or prev_word in _BARE_OK or _headcount(text, first))
            and not text[end : end + 1].isalpha()
        ):
            kind, unit_name = QuantityKind.COUNT, "count"
        else:
            return None
    if kind is QuantityKind.DURATION and re.match(r"\s+(?:\w+\s+)?ago\b|\s*-?\s*old\b", text[end : end + 16]):
        return None
    if kind is not QuantityKind.DURATION and unit_name != "barrel/day":
        rate = _RATE.match(text, end)
        if rate:
            per = rate.group("a") or rate.group("b") or rate.group("c")
            unit_name += "/" + _RATE_NAMES.get(per.lower(), per.lower())
            end = rate.end()
    return Quantity(
        text=text[first:end],
        span=Span(first, end),
        value=value,
        unit=unit_name,
        kind=kind,
        approximate=m.group("approx") is not None,
        caption=caption,
        bound=_BOUNDS.get(" ".join((m.group("approx") or "").lower().split()).removesuffix(" the")),
    )
