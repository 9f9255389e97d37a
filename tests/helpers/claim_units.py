"""Claim units built by hand for the alignment and contradiction tests (``tests/helpers`` is on the
test path: ``pythonpath`` in pyproject.toml)."""

from __future__ import annotations

import re

from corroborator.corroborate.claims import ClaimUnit, content_words, quote_parts, wording
from corroborator.models import (
    Bound,
    ClaimKind,
    Precision,
    Quantity,
    QuantityKind,
    Quote,
    Span,
    TimeExpression,
)


def _names(text: str) -> frozenset[str]:
    return content_words(" ".join(re.findall(r"(?<!^)\b[A-Z][a-z]+", text)))


def figure(
    article: str,
    text: str,
    focus: str,
    value: float,
    unit: str = "USD",
    *,
    date: str | None = None,
    period: str | None = None,
    approximate: bool = False,
    cue: bool = False,
    others: tuple[float, ...] = (),
    revised: float | None = None,
    measure: str | None = None,
    other_instance: bool = False,
    bound: Bound | None = None,
) -> ClaimUnit:
    """A figure statement: ``focus`` (in ``text``) says ``value`` ``unit``."""
    start = text.index(focus)
    kind = QuantityKind.COUNT if unit == "count" else QuantityKind.MONEY
    q = Quantity(focus, Span(start, start + len(focus)), value, unit, kind, period, approximate, bound=bound)
    context = content_words(text.replace(focus, " "))
    return ClaimUnit(
        article,
        ClaimKind.FIGURE,
        text,
        Span(0, len(text)),
        None,
        context,
        quantity=q,
        measure=measure or unit,
        article_date=date,
        update_cue=cue,
        sentence_values=others,
        revised_from=revised,
        names=context & _names(text),
        other_instance=other_instance,
    )


def dated(
    article: str,
    text: str,
    focus: str,
    value: str,
    caption: int | None = None,
    *,
    others: tuple[str, ...] = (),
    other_instance: bool = False,
    published: str | None = None,
    precision: Precision = Precision.MONTH,
    relative: bool = False,
    event: str | None = None,
    act: str | None = None,
) -> ClaimUnit:
    """A dated statement: ``focus`` (in ``text``) resolves to ``value`` (month precision unless
    said; ``relative``: read against the article's date), in an article of date ``published``;
    ``event``: what the parse read the date as dating, ``act`` its verb."""
    start = text.index(focus)
    t = TimeExpression(
        focus,
        Span(start, start + len(focus)),
        value,
        precision,
        relative,
        caption=caption,
        event=event,
        act=act,
    )
    context = content_words(text.replace(focus, " "))
    return ClaimUnit(
        article,
        ClaimKind.DATE,
        text,
        Span(0, len(text)),
        caption,
        context,
        time=t,
        dated_event=content_words(event) - _names(text) if event else frozenset(),
        act=content_words(act) if act else frozenset(),
        names=context & _names(text),
        sentence_dates=others,
        other_instance=other_instance,
        article_date=published,
    )


def quoted(
    article: str, text: str, words: str, speaker: str | None, *, resolved: bool = False
) -> ClaimUnit:
    """A quotation of ``words`` (in ``text``) attributed to ``speaker`` (``resolved``: worked out
    from "she said", not named)."""
    start = text.index(words)
    quote = Quote(words, Span(start, start + len(words)), speaker=speaker, resolved=resolved)
    return ClaimUnit(
        article,
        ClaimKind.QUOTE,
        text,
        Span(0, len(text)),
        None,
        content_words(text),
        quote=quote,
        wording=wording(words),
        quote_parts=quote_parts(words),
    )
