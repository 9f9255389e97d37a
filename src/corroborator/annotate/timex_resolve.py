"""Time expressions resolved to ISO values against an anchor date, and figures given their periods.

``resolve`` turns the :class:`~corroborator.annotate.timex.TimexMatch` records that
:func:`~corroborator.annotate.timex.find_times` returns into :class:`~corroborator.models.TimeExpression`
values against the publication date:

- day ``2023-10-17``; week ``2023-W42`` (ISO week); month ``2023-10``; year ``2023``;
- day ranges ``2023-10-17/2023-10-18`` and year ranges ``2028/2034`` have precision ``RANGE``;
- seasons are month ranges, northern hemisphere: spring ``2023-03/2023-05``, summer 06-08, autumn
  09-11, winter ``2023-12/2024-02`` (the winter that starts in December of the year named);
- "early/mid/late 2024" keeps the year, "mid-October" the month;
- a weekday written with a date ("Tuesday, Oct. 17") is part of the date and picks its year when the
  nearest one falls on another weekday;
- a weekday is the nearest such day on or before the anchor in a past-tense sentence and on or after
  it in a future one ("will", "is scheduled", "is expected"...); a month without a year is the
  anchor's year unless the tense puts it in the year before (past) or after (future); a day without a
  year is the nearest such day, unless a future tense puts it more than a week before the anchor
  ("will host the March 2 broadcast", written in August, is next March) or a stated past tense more
  than a week after it ("was killed June 24", written in May, is last June).

:func:`attach_periods` gives each figure the resolved time expression of its clause.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from corroborator.annotate.timex import Tense, TimexKind, TimexMatch, sentence_at, sentence_spans
from corroborator.models import Precision, Quantity, QuantityKind, Span, TimeExpression

_FUTURE_SLACK = dt.timedelta(days=7)  # a future-tense day this long before the anchor is next year's
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _month_range(y1: int, m1: int, y2: int, m2: int) -> str:
    return f"{y1}-{m1:02d}/{y2}-{m2:02d}"


def _season(name: str, year: int) -> str:
    first = _SEASON_START[name]
    y2, m2 = _add_months(year, first, 2)
    return _month_range(year, first, y2, m2)


def _season_year(m: TimexMatch, anchor: dt.date) -> int:
    """The year a season starts in: "this" one contains the anchor or comes next, "last" one has ended
    before it, "next" one starts after it."""
    first = _SEASON_START[m.season or "spring"]
    year = anchor.year - 1 if first == 12 and anchor.month <= 2 else anchor.year
    now = (anchor.year, anchor.month)
    if m.offset == -1:
        return year if now > _add_months(year, first, 2) else year - 1
    if m.offset == 1:
        return year if now < (year, first) else year + 1
    return year


def _year_for_month(m: TimexMatch, anchor: dt.date) -> int:
    month = m.month or 1
    if m.offset == -1:
        return anchor.year if month < anchor.month else anchor.year - 1
    if m.offset == 1:
        return anchor.year if month > anchor.month else anchor.year + 1
    if month < anchor.month and m.tense is Tense.FUTURE and m.tense_stated:
        return anchor.year + 1  # a plan told in the past ("was due ... in September") is not stated
    if month > anchor.month and m.tense is Tense.PAST:
        return anchor.year - 1
    return anchor.year


def _day_of(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:  # February 29 of a common year
        return dt.date(year, month, 28)


def _nearest_year(month: int, day: int, anchor: dt.date) -> int:
    def distance(year: int) -> int:
        try:
            return abs((dt.date(year, month, day) - anchor).days)
        except ValueError:
            return 10**6

    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=distance)


def _year_of_weekday(m: TimexMatch, year: int) -> int:
    """The year a yearless date with its weekday written ("Tuesday, Oct. 17") falls on that weekday,
    when ``year`` does not and the year before or after does (the one before first)."""
    if m.weekday is None or _day_of(year, m.month or 1, m.day or 1).weekday() == m.weekday:
        return year
    fits = [y for y in (year - 1, year + 1) if _day_of(y, m.month or 1, m.day or 1).weekday() == m.weekday]
    return fits[0] if fits else year


def _weekday(m: TimexMatch, anchor: dt.date) -> dt.date:
    wd = m.weekday or 0
    if m.tense is Tense.FUTURE:
        delta = (wd - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=7 if delta == 0 and m.offset == 1 else delta)
    delta = (anchor.weekday() - wd) % 7
    return anchor - dt.timedelta(days=7 if delta == 0 and m.offset == -1 else delta)


def resolve_match(m: TimexMatch, anchor: dt.date | None) -> tuple[str | None, Precision | None]:
    """The ISO value and precision of one match, or ``(None, None)`` when it cannot be resolved."""
    try:
        return _resolve(m, anchor)
    except (ValueError, OverflowError):
        return None, None


def _resolve(m: TimexMatch, anchor: dt.date | None) -> tuple[str | None, Precision | None]:
    kind = m.kind
    if kind is TimexKind.YEAR and m.year is not None:
        if m.end is not None:
            return f"{m.year}/{m.end}", Precision.RANGE
        return str(m.year), Precision.YEAR
    if kind is TimexKind.SEASON and m.year is not None:
        return _season(m.season or "spring", m.year), Precision.SEASON
    if kind is TimexKind.MONTH and m.year is not None:
        return f"{m.year}-{m.month:02d}", Precision.MONTH
    if kind is TimexKind.DATE and m.year is not None:
        return _date_value(m, m.year)
    if anchor is None:
        return None, None
    if kind is TimexKind.DATE:
        year = _nearest_year(m.month or 1, m.day or 1, anchor)
        day = _day_of(year, m.month or 1, m.day or 1)
        if m.tense is Tense.FUTURE and m.tense_stated and day < anchor - _FUTURE_SLACK:
            year += 1  # "will host the March 2 broadcast", written in August: next March
        elif m.tense is Tense.PAST and m.tense_stated and day > anchor + _FUTURE_SLACK:
            year -= 1  # "was killed June 24", written in May: last June
        return _date_value(m, _year_of_weekday(m, year))
    if kind is TimexKind.MONTH:
        return f"{_year_for_month(m, anchor)}-{m.month:02d}", Precision.MONTH
    if kind is TimexKind.SEASON:
        return _season(m.season or "spring", _season_year(m, anchor)), Precision.SEASON
    if kind is TimexKind.WEEKDAY:
        return _weekday(m, anchor).isoformat(), Precision.DAY
    if kind is TimexKind.DAY:
        return (anchor + dt.timedelta(days=m.offset)).isoformat(), Precision.DAY
    if kind is TimexKind.WEEK:
        return _iso_week(anchor + dt.timedelta(weeks=m.offset)), Precision.WEEK
    if kind is TimexKind.WEEKEND:
        if m.tense is Tense.PAST:
            saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
        else:
            saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
            saturday += dt.timedelta(weeks=1) if m.offset == 1 and anchor.weekday() >= 5 else dt.timedelta()
        return f"{saturday}/{saturday + dt.timedelta(days=1)}", Precision.RANGE
    if kind is TimexKind.REL_MONTH:
        year, month = _add_months(anchor.year, anchor.month, m.offset)
        return f"{year}-{month:02d}", Precision.MONTH
    if kind is TimexKind.REL_YEAR:
        return str(anchor.year + m.offset), Precision.YEAR
    return _ago(m, anchor)


def _date_value(m: TimexMatch, year: int) -> tuple[str, Precision]:
    first = dt.date(year, m.month or 1, m.day or 1)
    if m.end is None:
        return first.isoformat(), Precision.DAY
    return f"{first}/{first.replace(day=m.end)}", Precision.RANGE


def _ago(m: TimexMatch, anchor: dt.date) -> tuple[str, Precision]:
    n = m.offset
    if m.unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat(), Precision.DAY
    if m.unit == "week":
        return _iso_week(anchor + dt.timedelta(weeks=n)), Precision.WEEK
    if m.unit == "month":
        year, month = _add_months(anchor.year, anchor.month, n)
        return f"{year}-{month:02d}", Precision.MONTH
    return str(anchor.year + n * (10 if m.unit == "decade" else 1)), Precision.YEAR


# (month, day) -> year -> the articles that write that day with that year
StatedYears = dict[tuple[int, int], dict[int, frozenset[str]]]


def stated_years(matches: Mapping[str, Sequence[TimexMatch]]) -> StatedYears:
    """The years a story's articles (``matches`` by article id) write with each day ("June 24, 2005")."""
    found: dict[tuple[int, int], dict[int, set[str]]] = {}
    for article_id, ms in matches.items():
        for m in ms:
            if m.kind is TimexKind.DATE and m.year is not None and m.month and m.day and m.end is None:
                found.setdefault((m.month, m.day), {}).setdefault(m.year, set()).add(article_id)
    return {k: {y: frozenset(a) for y, a in v.items()} for k, v in found.items()}


def _story_year(m: TimexMatch, anchor: dt.date, year: int, stated: StatedYears, article_id: str) -> int:
    """The year a yearless day ("killed on June 24", in a report two years on) takes from the story:
    the one year other reports write with that day, when the year read from the publication date is
    written by none, the tense allows it, and two reports (or this one) write it. One report's year
    alone does not override ("March 21" against a caption's "March 21, 2022": the caption may be
    the slip)."""
    years = stated.get((m.month or 0, m.day or 0), {})
    if not years or year in years:
        return year
    fits = []
    for y, articles in years.items():
        day = _day_of(y, m.month or 1, m.day or 1)
        if m.tense_stated and m.tense is Tense.PAST and day > anchor + _FUTURE_SLACK:
            continue
        if m.tense_stated and m.tense is Tense.FUTURE and day < anchor - _FUTURE_SLACK:
            continue
        if m.weekday is not None and day.weekday() != m.weekday:
            continue
        if len(articles) >= 2 or article_id in articles:
            fits.append(y)
    return fits[0] if len(fits) == 1 else year


def resolve(
    matches: Sequence[TimexMatch],
    anchor: dt.date | None,
    *,
    inferred: bool = False,
    stated: StatedYears | None = None,
    article_id: str = "",
) -> tuple[TimeExpression, ...]:
    """Resolve matches against ``anchor`` (the publication date, or an inferred one when ``inferred``);
    ``stated``: the years the story writes with each day (:func:`stated_years`), for yearless days."""
    out: list[TimeExpression] = []
    for m in matches:
        value, precision = resolve_match(m, anchor)
        if stated and value and anchor and m.kind is TimexKind.DATE and m.year is None and m.end is None:
            year = _story_year(m, anchor, int(value[:4]), stated, article_id)
            value = _date_value(m, year)[0]
        out.append(
            TimeExpression(
                text=m.text,
                span=m.span,
                value=value,
                precision=precision,
                relative=m.relative,
                inferred_anchor=inferred and m.relative and value is not None,
                caption=m.caption,
                event=m.event,
                act=m.act,
            )
        )
    return tuple(out)


_CLAUSE_BREAK = re.compile(r";|—|, (?:and|but|while|whereas|although|though|yet)\b")


def _clause_of(text: str, sentence: Span, inside: Span) -> Span:
    """The part of a sentence between independent-clause breaks (", and", ";") around ``inside``."""
    start, end = sentence.start, sentence.end
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if m.end() <= inside.start:
            start = m.end()
        elif m.start() >= inside.end:
            end = m.start()
            break
    return Span(start, end)


def attach_periods(
    quantities: Sequence[Quantity],
    times: Sequence[TimeExpression],
    text: str,
    sentences: Sequence[Span] | None = None,
) -> tuple[Quantity, ...]:
    """Give each figure the period it refers to: the resolved time expression of its clause nearest
    to it ("a record $190 billion last year" -> the year before publication), at the precision the
    text states. Durations and ages get none; so does a figure whose sentence names no resolvable time."""
    sents = tuple(sentences) if sentences is not None else sentence_spans(text)
    out: list[Quantity] = []
    for q in quantities:
        if q.kind in (QuantityKind.DURATION, QuantityKind.AGE) or q.period is not None:
            out.append(q)
            continue
        sentence = _clause_of(
            text, sentence_at(sents, q.span.start) if sents else Span(0, len(text)), q.span
        )
        best: tuple[int, str] | None = None
        for t in times:
            if t.value is None or t.caption != q.caption:
                continue
            if t.span.start < sentence.start or t.span.end > sentence.end:
                continue
            if t.span.start < q.span.end and q.span.start < t.span.end:
                continue
            gap = t.span.start - q.span.end if t.span.start >= q.span.end else q.span.start - t.span.end
            if best is None or gap < best[0]:
                best = (gap, t.value)
        out.append(replace(q, period=best[1]) if best else q)
    return tuple(out)
