"""Publication dates reasoned from the story, for articles that state none.

An undated article's relative expressions ("on Tuesday", "next week", "yesterday") pick out different
days depending on when it was written. The story pins some days down: what its dated articles'
expressions resolve to, and the absolute dates the undated article itself gives ("on October 17-18").
Every candidate publication date within two weeks of those is scored by how many of the article's
day- and week-level relative expressions then land on a day (or week) the story knows (a week that
merely holds a day another article names counts half); the best contiguous run of candidates is the
window, provided it scores at least 1 and no other, separate run scores as well. So "heads to China
next week" next to "hosting ... on October 17-18" fits only a date in the week before; "arrived in
Beijing on Tuesday" with a dated report of the same Tuesday fits only dates on or after it, and a
future "on Wednesday" closes the window. A report of a day's events as past is taken to be published
at most a day after the latest such day. Nor can it be published before the latest year it tells of in
the past tense (an obituary's "born on April 22, 1923" is no anchor when it also says "retired in
1957").

When no relative expression fits, an article that shares most of its sentences with a dated one (a
copy) takes that article's date. Otherwise there is no entry: a date is never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from corroborator.annotate.timex import Tense, TimexKind, TimexMatch
from corroborator.annotate.timex_resolve import resolve_match
from corroborator.models import InferredDate, Precision, iso_day

_SCORED = frozenset({TimexKind.WEEKDAY, TimexKind.DAY, TimexKind.WEEK, TimexKind.WEEKEND})
_SEARCH_DAYS = 14  # how far from the story's known days a publication date is looked for
_MAX_LAG_DAYS = 1  # a report of a day's events as past appears at most this long after that day
_COPY_SHARE = 0.5  # share of an article's sentences found in a dated article that makes it a copy
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_TARGET = re.compile(r"\b(?:by|until|till|through|before|to|ahead of)\s+(?:the\s+end\s+of\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class DatingInput:
    """One article of the story: its body, its stated date (ISO) if any, and its time expressions."""

    article_id: str
    body: str
    published: str | None
    times: tuple[TimexMatch, ...]


@dataclass(frozen=True, slots=True)
class _Known:
    """The days and ISO weeks the story pins down, each with what says so: (expression, where)."""

    days: dict[dt.date, list[tuple[str, str]]]
    weeks: dict[str, list[tuple[str, str]]]  # stated as weeks, or holding a date of this article
    weeks_of_days: dict[str, list[tuple[str, str]]]  # holding a day another article names: weaker


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _days_of(value: str, precision: Precision) -> list[dt.date]:
    """The days a day or day-range value covers (nothing for coarser values)."""
    if precision is Precision.DAY:
        day = iso_day(value)
        return [day] if day else []
    if precision is Precision.RANGE and len(value) == 21:
        first, last = iso_day(value[:10]), iso_day(value[11:])
        if first and last and 0 <= (last - first).days <= 31:
            return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    return []


def _learn(known: _Known, m: TimexMatch, anchor: dt.date | None, where: str, own: bool) -> None:
    value, precision = resolve_match(m, anchor)
    if value is None or precision is None:
        return
    source = (m.text.lower(), f"'{m.text}' {where}")
    if precision is Precision.WEEK:
        known.weeks.setdefault(value, []).append(source)
    for day in _days_of(value, precision):
        known.days.setdefault(day, []).append(source)
        (known.weeks if own else known.weeks_of_days).setdefault(_week(day), []).append(source)


def _pick(sources: list[tuple[str, str]], text: str) -> str:
    """The source saying the same words if there is one (the same "Tuesday"), else the first."""
    return next((where for said, where in sources if said == text.lower()), sources[0][1])


def _support(m: TimexMatch, anchor: dt.date, known: _Known) -> tuple[float, str] | None:
    """How firmly, and where, the story confirms what ``m`` means if published on ``anchor``."""
    value, precision = resolve_match(m, anchor)
    if value is None or precision is None:
        return None
    if precision is Precision.WEEK:
        if value in known.weeks:
            return 1.0, _pick(known.weeks[value], m.text)
        if value in known.weeks_of_days:
            return 0.5, _pick(known.weeks_of_days[value], m.text)
        return None
    return next(
        (((1.0, _pick(known.days[d], m.text))) for d in _days_of(value, precision) if d in known.days), None
    )


def _runs(days: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    runs: list[tuple[dt.date, dt.date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][1]).days == 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _latest_past_day(scored: Sequence[TimexMatch], anchor: dt.date) -> dt.date | None:
    latest: dt.date | None = None
    for m in scored:
        past = (m.kind is TimexKind.WEEKDAY and m.tense is Tense.PAST) or (
            m.kind is TimexKind.DAY and m.offset <= 0
        )
        value, precision = resolve_match(m, anchor)
        day = iso_day(value) if past and precision is Precision.DAY else None
        if day is not None and (latest is None or day > latest):
            latest = day
    return latest


def _recounted(m: TimexMatch) -> bool:
    """A date the article tells of in the past with its year ("the crimes he committed on March 11,
    2005") is an earlier event it recounts, not a day near its writing: news names a recent day by
    its weekday, or leaves out the current year."""
    return m.year is not None and m.tense is Tense.PAST and m.tense_stated


def _past_floor(body: str, times: Sequence[TimexMatch]) -> dt.date | None:
    """The first day of the latest year the article tells of in the past tense: it was written after
    that ("born on April 22, 1923" next to "retired in 1957" cannot have been published in 1923). A
    target ("plans to double capacity by 2029") is no such year, whatever the verb's tense."""
    years = [
        (m.end if m.kind is TimexKind.YEAR and m.end else m.year)
        for m in times
        if m.kind in (TimexKind.YEAR, TimexKind.MONTH, TimexKind.DATE)
        and m.year
        and m.tense is Tense.PAST
        and m.caption is None
        and not _TARGET.search(body, max(0, m.span.start - 16), m.span.start)
    ]
    latest = max((y for y in years if y and dt.MINYEAR <= y <= dt.MAXYEAR), default=None)
    return dt.date(latest, 1, 1) if latest is not None else None


def _from_relatives(item: DatingInput, dated: Sequence[tuple[DatingInput, dt.date]]) -> InferredDate | None:
    known = _Known({}, {}, {})
    for other, published in dated:
        for m in other.times:
            _learn(known, m, published, f"in article {other.article_id} (published {published})", own=False)
    reference = min((d for _, d in dated), default=None)
    own_days: list[dt.date] = []
    ceiling = dt.date.max
    for m in item.times:
        if m.kind is not TimexKind.DATE or (m.year is None and reference is None) or _recounted(m):
            continue
        _learn(known, m, reference, "in this article", own=True)
        value, precision = resolve_match(m, reference)
        days = _days_of(value, precision) if value and precision else []
        own_days += days
        if days and m.tense is Tense.FUTURE and m.tense_stated:
            ceiling = min(ceiling, days[0])  # announced as to come: published before it
    scored = [m for m in item.times if m.kind in _SCORED]
    centres = {d for _, d in dated} | set(own_days)
    if not scored or not centres or not (known.days or known.weeks):
        return None
    floor = _past_floor(item.body, item.times) or dt.date.min
    around = (c + dt.timedelta(days=k) for c in centres for k in range(-_SEARCH_DAYS, _SEARCH_DAYS + 1))
    candidates = {day for day in around if floor <= day < ceiling}
    if not candidates:
        return None
    scores: dict[dt.date, float] = {}
    for a in candidates:
        found = (_support(m, a, known) for m in scored)
        scores[a] = sum(f[0] for f in found if f is not None)
    best = max(scores.values())
    runs = _runs([a for a, score in scores.items() if score == best])
    if best < 1 or len(runs) > 1:  # too little evidence, or evidence for different dates
        return None
    ((first, last),) = runs
    latest = _latest_past_day(scored, first)
    if latest is not None:
        last = max(first, min(last, latest + dt.timedelta(days=_MAX_LAG_DAYS)))
    reasons: list[str] = []
    agreeing = 0
    for m in scored:
        support = _support(m, first, known)
        if support is None:
            continue
        agreeing += 1
        value, _ = resolve_match(m, first)
        reason = f"'{m.text}' = {value}, as {support[1]}"
        if reason not in reasons and len(reasons) < 3:
            reasons.append(reason)
    window = first.isoformat() if first == last else f"{first}/{last}"
    span = f"on {first}" if first == last else f"between {first} and {last}"
    evidence = (
        f"{agreeing} of {len(scored)} relative date(s) agree with the story only if published {span}: "
        + "; ".join(reasons)
    )
    return InferredDate(window, evidence)


def _sentences(body: str) -> set[str]:
    out = set()
    for s in _SENTENCE.findall(body):
        key = " ".join(re.findall(r"\w+", s.lower()))
        if len(key) >= 30:
            out.add(key)
    return out


def _from_copy(item: DatingInput, dated: Sequence[tuple[DatingInput, dt.date]]) -> InferredDate | None:
    mine = _sentences(item.body)
    if not mine:
        return None
    best: tuple[int, DatingInput, dt.date] | None = None
    for other, published in dated:
        shared = len(mine & _sentences(other.body))
        if shared >= 3 and shared >= _COPY_SHARE * len(mine) and (best is None or shared > best[0]):
            best = (shared, other, published)
    if best is None:
        return None
    shared, other, published = best
    return InferredDate(
        published.isoformat(),
        f"shares {shared} of its {len(mine)} sentences with article {other.article_id} "
        f"(published {published}): a copy of it, taken to carry its date",
    )


def infer_publication_dates(items: Sequence[DatingInput]) -> dict[str, InferredDate]:
    """Inferred dates (a day, or a window ``first/last``) for the story's undated articles, by id.

    Articles with a stated date, and undated ones the story gives no evidence for, have no entry.
    """
    dated = [(i, d) for i in items if (d := iso_day(i.published)) is not None]
    out: dict[str, InferredDate] = {}
    for item in items:
        if item.published is not None:
            continue
        guess = _from_relatives(item, dated) or _from_copy(item, dated)
        if guess is not None:
            out[item.article_id] = guess
    return out


def anchor_of(inferred: InferredDate) -> dt.date | None:
    """The date to resolve an article's relative expressions against: the window's last day (every day
    of the window fits the evidence equally)."""
    return iso_day(inferred.date.split("/")[-1])
