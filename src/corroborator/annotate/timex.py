"""Time expressions, found with a regex grammar and read for the tense of the sentence around them.

``find_times`` reads text only and returns unresolved :class:`TimexMatch` records (kind, the calendar
fields the text states, and the tense of the sentence around it);
:mod:`corroborator.annotate.timex_resolve` turns them into ISO values against an anchor date.
:func:`sentence_spans` splits a text into sentences.

Durations ("a decade", "10 years", "two-day visit", "a year" in a rate) are not time points and are
never matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import NamedTuple

from corroborator.models import Span
from corroborator.vocab import word_set


def _list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


class TimexKind(StrEnum):
    DATE = "date"  # a calendar day or day range; the year may be missing
    MONTH = "month"  # the year may be missing
    YEAR = "year"  # a year or a year range
    SEASON = "season"
    WEEKDAY = "weekday"
    DAY = "day"  # yesterday / today / tomorrow (offset in days)
    WEEK = "week"  # this / last / next week (offset in weeks)
    WEEKEND = "weekend"
    REL_MONTH = "rel_month"
    REL_YEAR = "rel_year"
    AGO = "ago"  # "two years ago": offset is minus the count, unit the calendar unit


class Tense(StrEnum):
    PAST = "past"
    FUTURE = "future"


@dataclass(frozen=True, slots=True)
class TimexMatch:
    """A time expression as written, not yet resolved: the calendar fields the text states."""

    text: str
    span: Span
    kind: TimexKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end: int | None = None  # last day of a day range, last year of a year range
    offset: int = 0  # -1 last, 0 this / plain, +1 next; for AGO minus the count
    unit: str | None = None  # AGO: day, week, month, year, decade
    weekday: int | None = None  # 0 = Monday (also the weekday written with a date)
    season: str | None = None
    tense: Tense = Tense.PAST  # past also when nothing in the sentence tells (see ``tense_stated``)
    caption: int | None = None
    event: str | None = None  # the event it dates (:mod:`corroborator.annotate.events`)
    act: str | None = None  # that event's verb or noun, as written
    tense_stated: bool = False  # a verb of the sentence says the tense ("was killed", "will open")

    @property
    def relative(self) -> bool:
        """Whether the value depends on the anchor (publication) date."""
        if self.kind in (TimexKind.DATE, TimexKind.MONTH, TimexKind.SEASON):
            return self.year is None
        return self.kind is not TimexKind.YEAR


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ]
    )
    for m in names.split()
}
_WEEKDAYS = {d: i for i, d in enumerate(_list("monday tuesday wednesday thursday friday saturday sunday"))}
_NUMBER_WORDS = {w: i for i, w in enumerate(_list("a one two three four five six seven eight nine ten"))}
_NUMBER_WORDS["a"] = _NUMBER_WORDS["an"] = 1

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAYN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|and)\s*"
# a weekday written before a date is part of it ("on Tuesday, December 9, 2008"), not a day of its own
_ON_WEEKDAY = (
    r"(?:\b(?:(?i:last|this|next)\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:the\s+)?)?"
)
_B = r"(?<![\w$€£¥.-])"  # not glued to a word, a number or a currency sign
# a named day is no weekday of the article's week: "Black Friday levels", "Super Tuesday", "Good Friday"
_HOLIDAY_WORDS = _list("Black Cyber Good Ash Super Fat Easter Palm Holy Maundy Giving Whit Shrove")
_NOT_A_HOLIDAY = "".join(rf"(?<!{w}\s)" for w in _HOLIDAY_WORDS)


class _Rule(NamedTuple):
    """A pattern of time expressions of one kind, and the words it cannot match without.

    The rule runs only over a text that holds one of ``needs`` (a quick substring test; the regex
    itself costs a step at every character); ``()``: it always runs. Words with a capital letter are
    looked up as written (the pattern is case-sensitive there), others in the lower-cased text."""

    kind: TimexKind
    pattern: re.Pattern[str]
    needs: tuple[str, ...]


_MONTH_WORDS = _list("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")  # how every month name starts
_SEASON_WORDS = _list("spring summer autumn fall winter")
_WEEKDAY_WORDS = _list("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# a year listed after another year ("in 1994, 1996, 1999 and 2002"); kept only right after a year read
_LISTED_YEAR = re.compile(
    rf"(?:(?<=\d, )|(?<=\d and )|(?<=\d, and )|(?<=\d or ))(?P<y>{_YEAR})\b(?![-–,.]?\d)(?!:\s?[A-Z])"
)
_LIST_GLUE = re.compile(r",? (?:and |or )?")

_RULES: tuple[_Rule, ...] = (
    _Rule(TimexKind.DATE, re.compile(rf"{_B}(?P<y>{_YEAR})-(?P<mn>[01]\d)-(?P<d>[0-3]\d)\b"), ()),
    _Rule(
        TimexKind.DATE,
        re.compile(rf"{_ON_WEEKDAY}\b(?P<m>{_MON})\s+(?P<d>{_DAYN})(?:{_DASH}(?P<d2>{_DAYN}))?(?:,?\s+(?P<y>{_YEAR}))?\b"),
        _MONTH_WORDS,
    ),
    _Rule(
        TimexKind.DATE,
        re.compile(
            rf"{_ON_WEEKDAY}{_B}(?P<d>{_DAYN})(?:\s*[-–]\s*(?P<d2>{_DAYN}))?\s+(?:of\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR}))?\b"
        ),
        _MONTH_WORDS,
    ),
    _Rule(
        TimexKind.MONTH,
        re.compile(rf"\b(?:(?:early|mid|late)[\s-]+|mid-)?(?P<m>{_MON}),?\s+(?P<y>{_YEAR})\b(?![-–]\d)"),
        _MONTH_WORDS,
    ),
    _Rule(
        TimexKind.MONTH,
        re.compile(
            r"(?:\b(?i:in|since|by|until|till|from|through|throughout|during|before|after|of|between|and|or|to)"
            r"\s+(?:early\s+|late\s+)?|\b(?P<rel>(?i:last|this|next))\s+|\b(?i:early|late)\s+|\b(?i:mid)-)"
            rf"(?P<m>{_MON_FULL})\b(?!,?\s*\d)"
        ),
        _MONTH_WORDS,
    ),
    _Rule(
        TimexKind.SEASON,
        re.compile(
            r"(?i:\b(?:(?:the|early|late|mid)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+of)?\s+)"
            rf"(?P<y>{_YEAR})\b"
        ),
        _SEASON_WORDS,
    ),
    _Rule(
        TimexKind.SEASON,
        re.compile(r"(?i:\b(?P<rel>this|last|next)\s+(?P<s>spring|summer|autumn|fall|winter))\b"),
        _SEASON_WORDS,
    ),
    _Rule(
        TimexKind.YEAR,
        re.compile(rf"{_B}(?P<y>{_YEAR})\s*(?:-|–|—|to)\s*(?P<y2>{_YEAR}|\d\d)\b(?![-–]\d)"),
        (),
    ),
    _Rule(
        TimexKind.YEAR,
        re.compile(
            r"(?:(?i:\b(?:in|since|by|until|till|from|through|throughout|during|before|after|of|for|early|mid|late"
            r"|the end of|the start of|the beginning of|the middle of"
            r"|the (?:first|second) half of))\s+|\bmid-)"
            # not a title that starts with a year ("movies from 2001: A Space Odyssey to Alien"), nor the
            # first year of a range ("from 2004 to 2017": the range rule reads it)
            rf"(?P<y>{_YEAR})\b(?![-–,.]?\d)(?!:\s?[A-Z])(?!\s*[-–—]\s*{_YEAR}\b|\s+to\s+{_YEAR}\b)"
        ),
        (),
    ),
    _Rule(TimexKind.YEAR, _LISTED_YEAR, ()),  # "in 1994, 1996, 1999 and 2002": the years after the first
    _Rule(
        TimexKind.WEEKDAY,
        re.compile(
            rf"{_NOT_A_HOLIDAY}\b(?:(?P<rel>(?i:last|this|next))\s+)?"
            r"(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b"
            # a day of every week, no date: "end Saturday publication" (not "its Tuesday editions")
            r"(?!\s+(?:publication|delivery|deliveries|mail)\b)"
        ),
        _WEEKDAY_WORDS,
    ),
    _Rule(
        TimexKind.DAY,
        re.compile(r"(?i:\b(?P<r>yesterday|today|tomorrow|tonight|this (?:morning|afternoon|evening)))\b"),
        (*_list("yesterday today tomorrow tonight"), "this morning", "this afternoon", "this evening"),
    ),
    _Rule(
        TimexKind.WEEK,
        re.compile(
            r"(?i:\b(?:(?:earlier|later)\s+)?(?P<rel>this|last|next|the coming)\s+"
            r"(?P<u>week|weekend|month|year))\b"
        ),
        _list("week month year"),
    ),
    _Rule(
        TimexKind.WEEK,  # "aired at the weekend", "announced over the weekend": the one the tense points to
        re.compile(r"(?i:\b(?:at|over|during)\s+(?P<rel>the)\s+(?P<u>weekend))\b"),
        ("weekend",),
    ),
    _Rule(
        TimexKind.REL_YEAR,
        re.compile(r"(?i:\b(?:by\s+)?the end of (?P<rel>the|this|next) (?P<u>year|month))\b"),
        ("the end of ",),
    ),
    _Rule(
        TimexKind.AGO,
        re.compile(
            r"(?i:\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
            r"(?P<u>day|week|month|year|decade)s?\s+ago)\b"
        ),
        ("ago",),
    ),
)

_PREPOSITIONS = word_set(
    "in since by until till from through throughout during before after of for between and or to"
)
_REL_OFFSET = {"last": -1, "this": 0, "the": 0, "next": 1, "the coming": 1}
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|’[a-z]+")
_FUTURE = word_set(
    "will 'll ’ll shall would wo scheduled expected due set plans planned planning intends aims going "
    "upcoming slated poised to-be pending"
)
_MODALS = word_set("will 'll ’ll shall would wo")
_TO_BE = word_set("is are am")  # "is to": what is arranged
_BE = word_set("be being")
_RELATIVE = word_set("that which who")
_PAST_IRREGULAR = word_set(
    "was were had did said told met went came left began broke took made held spent saw gave fell rose won "
    "lost sent led struck knew flew ran drove spoke wrote thought brought bought sought caught fought became "
    "got kept found heard paid sold stood chose drew grew threw shook woke been didn didn't wasn wasn't "
    "weren weren't hadn hadn't"
)
# an -ed word after these is an adjective or a passive participle, not a past-tense verb
_NOT_VERB_BEFORE = word_set(
    "the a an for of with to by at in on from be being been is are was were stay stays remain remains get "
    "gets its their his her our"
)


_CLAUSE = re.compile(r"[,;:()—–]|\b(?:who|which|while|whereas|but)\b")


def _cue(words: Sequence[str], step: int) -> Tense | None:
    """The first tense cue in ``words`` (``step`` is 1 when they run backwards, -1 when forwards)."""
    for i, word in enumerate(words):
        low = word.lower()
        j = i + step
        while 0 <= j + step < len(words) and words[j].lower().endswith("ly"):
            j += step  # "be formally sentenced": the word before the adverb
        prev = words[j].lower() if 0 <= j < len(words) else ""
        following = words[i - step].lower() if 0 <= i - step < len(words) else ""
        if low in _TO_BE and following == "to":
            return Tense.FUTURE  # "is to be sentenced May 3", "are to meet on Friday"
        if low in _FUTURE:
            if low == "set" and following not in ("to", "for"):
                continue  # "he set out on Friday": only "set to" and "set for" look ahead
            if low in _MODALS and prev in _RELATIVE:
                continue  # "a box that would hold a shotgun": the modal of a relative clause
            return Tense.FUTURE
        if low in _PAST_IRREGULAR and prev in _BE:
            continue  # "due to be held on Dec. 12", "will be held": the auxiliary before it tells
        if low in _PAST_IRREGULAR or (low.endswith("ed") and len(low) > 4 and prev not in _NOT_VERB_BEFORE):
            return Tense.PAST
    return None


# a plan told in the past: the month or day it names is as likely gone as to come
_PAST_PLAN = re.compile(r"\b(?:was|were)\s+(?:due|scheduled|set|slated|supposed|meant)\s+to\b", re.I)


# what a past act sets ahead of itself: "remanded ... to appear on August 19", "released to face trial"
_TO_AHEAD = re.compile(
    r"\bto\s+(?:appear|reappear|face|stand|attend|testify|answer|begin|start|resume|reconvene)\b", re.I
)


def _clause_before(text: str, start: int, sentence: Span) -> str:
    before = text[sentence.start : start]
    cut = [m.end() for m in _CLAUSE.finditer(before)]
    return before[cut[-1] :] if cut else before


def _tense(text: str, start: int, end: int, sentence: Span, clause_before: str) -> Tense | None:
    """The tense governing a time expression: the nearest cue before it in its clause (``clause_before``,
    :func:`_clause_before`), else the first after it in its clause, else the same over the whole
    sentence; None when nothing tells."""
    before = text[sentence.start : start]
    after = text[end : sentence.end]
    stop = _CLAUSE.search(after)
    clause_after = after[: stop.start()] if stop else after
    for b, a in ((clause_before, clause_after), (before, after)):
        found = _cue(_WORD.findall(b)[::-1], 1) or _cue(_WORD.findall(a), -1)
        if found is not None:
            return found
    return None


_ABBREV = word_set(
    "mr mrs ms dr st jr sr prof gen col lt sgt rep sen gov gen no vs etc inc co corp ltd jan feb mar apr jun "
    "jul aug sep sept oct nov dec mt ft u.s u.k u.n e.u a.m p.m"
)
_SENT_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n")


def sentence_spans(text: str) -> tuple[Span, ...]:
    """Rough sentence boundaries: end punctuation before a capital (not after a title or an initial)."""
    spans: list[Span] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if m.group().strip():
            word = text[max(0, m.start() - 6) : m.start()].split()
            last = word[-1].lower().lstrip('("“') if word else ""
            if last in _ABBREV or (len(last) == 1 and last.isalpha()):
                continue
        if m.start() > start:
            spans.append(Span(start, m.start() + 1 if m.group().strip() else m.start()))
        start = m.end()
    if start < len(text.rstrip()):
        spans.append(Span(start, len(text.rstrip())))
    return tuple(spans)


def sentence_at(sentences: Sequence[Span], pos: int) -> Span:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if pos < s.start:
            hi = mid - 1
        elif pos >= s.end:
            lo = mid + 1
        else:
            return s
    return Span(max(0, pos - 200), pos)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _build(
    kind: TimexKind, m: re.Match[str], text: str, tense: Tense, caption: int | None
) -> TimexMatch | None:
    g = m.groupdict()
    start, end = m.span()
    if kind is TimexKind.MONTH and g.get("rel") is None:
        # plain prepositions are not part of the expression; early / mid / late are
        lead = text[m.start() : m.start("m")].lower()
        part = re.search(r"(early|late|mid)[\s-]*$", lead)
        start = m.start() + part.start() if part else m.start("m")
    if kind is TimexKind.YEAR and g.get("y2") is None:
        lead = text[m.start() : m.start("y")].strip().lower()
        start = m.start("y") if lead in _PREPOSITIONS else m.start()
    span = Span(start, end)
    fields: dict[str, object] = {"text": text[start:end], "span": span, "kind": kind, "tense": tense}
    fields["caption"] = caption
    if g.get("y"):
        fields["year"] = int(g["y"])
    if g.get("mn"):
        fields["month"] = int(g["mn"])
    if g.get("m"):
        fields["month"] = _MONTHS[g["m"].rstrip(".").lower()]
    if g.get("w"):
        fields["weekday"] = _WEEKDAYS[g["w"].lower()]
    if g.get("d"):
        fields["day"] = int(g["d"].rstrip("stndrh"))
    if g.get("d2"):
        fields["end"] = int(g["d2"].rstrip("stndrh"))
        if fields["end"] <= fields["day"]:  # type: ignore[operator]
            return None
    if g.get("y2"):
        y2 = g["y2"]
        last = int(y2) if len(y2) == 4 else int(str(fields["year"])[:2] + y2)
        if last <= int(str(fields["year"])):
            return None
        fields["end"] = last
    rel = (g.get("rel") or "").lower()
    if rel:
        fields["offset"] = _REL_OFFSET[rel]
    if kind is TimexKind.SEASON:
        fields["season"] = g["s"].lower()
    elif kind is TimexKind.WEEKDAY:
        fields["tense"] = {1: Tense.FUTURE, -1: Tense.PAST}.get(int(str(fields.get("offset", 0))), tense)
    elif kind is TimexKind.DAY:
        word = g["r"].lower()
        fields["offset"] = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    elif kind in (TimexKind.WEEK, TimexKind.REL_YEAR):
        unit = g["u"].lower()
        kind = {"week": TimexKind.WEEK, "weekend": TimexKind.WEEKEND, "month": TimexKind.REL_MONTH}.get(
            unit, TimexKind.REL_YEAR
        )
        fields["kind"] = kind
        if kind is TimexKind.WEEKEND and rel:
            fields["tense"] = {1: Tense.FUTURE, -1: Tense.PAST}.get(_REL_OFFSET[rel], tense)
    elif kind is TimexKind.AGO:
        fields["offset"] = -_number(g["n"])
        fields["unit"] = g["u"].lower()
    return TimexMatch(**fields)  # type: ignore[arg-type]


# the characters a case-blind regex takes for an ASCII letter though their lower case is not that
# letter ("İ".lower() is two characters): where one occurs, every rule runs
_CASE_ODD = re.compile("[İıſ]")


def _lower_for_rules(text: str) -> str | None:
    """The text in lower case, for the lower-case words of :attr:`_Rule.needs` (None: run every rule)."""
    return None if _CASE_ODD.search(text) else text.lower()


_TITLE_BEFORE = re.compile(r"[A-Z][\w'’.&-]*[ \u00a0]$")


def _in_title(text: str, start: int) -> bool:
    """ "Entertainment Tonight", "USA Today": a capitalised day word after a capitalised word is a name."""
    word = text[start : start + 9].split()[0]  # Title case only: "CLOSED YESTERDAY" is a shouted day
    return word[:1].isupper() and word[1:2].islower() and _TITLE_BEFORE.search(
        text, max(0, start - 30), start
    ) is not None


def find_times(
    text: str, *, caption: int | None = None, sentences: Sequence[Span] | None = None
) -> tuple[TimexMatch, ...]:
    """Every time expression in ``text``, in order, without overlaps (the longest wins)."""
    sents = tuple(sentences) if sentences is not None else sentence_spans(text)
    found: list[tuple[int, int, TimexKind, re.Match[str]]] = []
    lower = _lower_for_rules(text)
    for kind, pattern, needs in _RULES:
        if needs and lower is not None and not any(w in (lower if w.islower() else text) for w in needs):
            continue
        for m in pattern.finditer(text):
            found.append((m.start(), -m.end(), kind, m))
    found.sort(key=lambda f: (f[0], f[1]))
    out: list[TimexMatch] = []
    taken_end = -1
    for start, neg_end, kind, m in found:
        if start < taken_end:
            continue
        if kind is TimexKind.DAY and _in_title(text, start):
            continue
        if m.re is _LISTED_YEAR and not (
            out and out[-1].kind is TimexKind.YEAR and _LIST_GLUE.fullmatch(text[out[-1].span.end : start])
        ):
            continue  # "1,500, 2000 people": no year before it
        sentence = sentence_at(sents, start) if sents else None
        clause = _clause_before(text, start, sentence) if sentence else ""
        told = _tense(text, start, -neg_end, sentence, clause) if sentence else None
        match = _build(kind, m, text, told or Tense.PAST, caption)
        if sentence and kind in (TimexKind.MONTH, TimexKind.DATE) and told is not None:
            if told is Tense.FUTURE and _PAST_PLAN.search(clause):
                told = None  # "was due to be released in September": ahead of the plan, not of the writing
            elif told is Tense.PAST and _TO_AHEAD.search(clause):
                # "was remanded in custody to appear in court on August 19": what was set, as near
                # the writing as it can be (a plan, not stated)
                told, match = None, _build(kind, m, text, Tense.FUTURE, caption)
        if match is not None and told is not None:
            match = replace(match, tense_stated=True)
        if match is not None:
            out.append(match)
            taken_end = -neg_end
    return tuple(out)
