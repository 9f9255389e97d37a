"""The story timeline: every dated event, merged across the articles that report it, in date order.

Each resolved time expression (body or caption) dates the clause it belongs to: its ``event``, read
by the annotation pass from spaCy's parse of its sentence (:mod:`corroborator.annotate.events`;
for time expressions made without it, the sentence is parsed here). Expressions that date nothing
are skipped: unresolved ones, ones inside direct quotes but a calendar day ("I learned about it on
July 18" dates what the speaker tells), deadlines ("by 2029"), and the vague current year ("this
year"). Entries of different articles are one event when their dates are compatible (equal, or one
contains the other: the finer date wins) and their clauses share enough content words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from corroborator.annotate.events import content_words, event_in, sentence_of
from corroborator.annotate.timex import sentence_spans
from corroborator.corroborate.claims import stem
from corroborator.models import (
    Annotations,
    Article,
    Evidence,
    Precision,
    Span,
    TimeExpression,
    TimelineEvent,
)

if TYPE_CHECKING:
    from spacy.language import Language

MERGE_SIMILARITY = 0.5  # share of the smaller clause's content words the other clause must have
NESTED_SIMILARITY = 0.6  # the same when one date contains the other ("next week", "Tuesday")
@dataclass(frozen=True, slots=True)
class _Entry:
    """One dated clause in one article, before merging."""

    start: date
    end: date
    value: str
    precision: Precision
    event: str
    words: frozenset[str]
    article_id: str
    evidence: Evidence


def interval(value: str) -> tuple[date, date] | None:
    """The first and last day an ISO value (day, week, month, year, season or range) covers."""
    try:
        if "/" in value:
            first, last = value.split("/", 1)
            a, b = interval(first), interval(last)
            return (a[0], b[1]) if a and b else None
        if "-W" in value:
            year, week = value.split("-W")
            monday = date.fromisocalendar(int(year), int(week), 1)
            return monday, monday + timedelta(days=6)
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = date(parts[0], parts[1], parts[2])
            return day, day
        if len(parts) == 2:
            first_day = date(parts[0], parts[1], 1)
            next_month = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first_day, next_month - timedelta(days=1)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None


def _anchor_year(article: Article, annotations: Annotations) -> str | None:
    if article.published:
        return article.published[:4]
    guess = annotations.published_inferred
    return guess.date[:4] if guess else None


def _skip(time: TimeExpression, text: str, quoted: Sequence[Span], anchor_year: str | None) -> bool:
    """Whether a time expression dates no event of the story."""
    if time.value is None or time.precision is None or interval(time.value) is None:
        return True
    if any(q.start <= time.span.start < q.end for q in quoted):
        # a speaker's calendar day dates what they tell ("I learned about it on July 18"); "... and
        # that is not today," or "in 2008, ..." in their words date nothing of the story
        calendar_day = time.precision in (Precision.DAY, Precision.RANGE) and _CALENDAR.search(time.text)
        return not calendar_day
    before = text[max(0, time.span.start - 12) : time.span.start].lower()
    deadline = re.search(r"\b(?:by|before)\s+$", before) or time.text.lower().startswith("by ")
    if deadline or re.search(r"\b(?:by|until)\s+(?:the\s+)?end\b", before + time.text.lower()):
        return True  # a deadline or target ("by 2029", "until the end of the year"), not an event
    # "this year" in a story of this year dates nothing in particular
    return time.precision is Precision.YEAR and time.relative and time.value == anchor_year


_CALENDAR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d\s*(?:jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_CITED = re.compile(r"\b(?:retrieved|accessed)(?: on)?:?\s*$")
_LINE_STAMP = re.compile(
    r"\W*(?:(?:last )?(?:updated|modified|posted|published)|first published)(?: on| at)?\s*:?\s*",
    re.IGNORECASE,
)
_STAMP_WORDS = frozenset(re.findall(r"\w+", "on at am pm a p m gmt utc updated posted published"))


def _dates_the_writing(time: TimeExpression, text: str, sentence: Span) -> bool:
    """Whether the time expression dates the page or the writing, not an event of the story: a
    citation's "retrieved 20 November 2019", a stamp at the start of its line ("Updated on: November
    19, 2019 / ..."), or, in the body, a sentence that only places and dates the writing ("Mumbai,
    Nov 11-", "WASHINGTON-April 27-", "on Jul 7 2012, 5:55p")."""
    start, end = time.span.start, time.span.end
    if _CITED.search(text[max(0, start - 12) : start].lower()):
        return True
    if _LINE_STAMP.fullmatch(text[text.rfind("\n", 0, start) + 1 : start]):
        return True
    if time.caption is not None:
        return False
    rest = text[sentence.start : start] + " " + text[end : sentence.end]
    words = re.findall(r"[^\W\d_]+", rest)
    return len(words) <= 3 and all(w[0].isupper() or w.lower() in _STAMP_WORDS for w in words)


def _entries(
    article: Article, annotations: Annotations, nlp: Callable[[], Language]
) -> list[_Entry]:
    year = _anchor_year(article, annotations)
    todo: list[tuple[TimeExpression, str, Span, list[Span]]] = []
    for time in annotations.times:
        text = article.body if time.caption is None else article.captions[time.caption].text
        quoted = [q.span for q in annotations.quotes if q.caption == time.caption and not q.partial]
        if _skip(time, text, quoted, year):
            continue
        sentences = annotations.sentences if time.caption is None else sentence_spans(text)
        sentence = sentence_of(text, sentences, time.span.start)
        if _dates_the_writing(time, text, sentence):
            continue
        todo.append((time, text, sentence, quoted))
    unparsed = [(text, s) for time, text, s, _ in todo if time.event is None]
    docs = iter(nlp().pipe([text[s.start : s.end] for text, s in unparsed]) if unparsed else ())
    out: list[_Entry] = []
    for time, text, sentence, quoted in todo:
        assert time.value is not None and time.precision is not None
        bounds = interval(time.value)
        assert bounds is not None
        event = time.event
        if event is None:  # annotations made without the annotation pass's events: parse here
            doc, found = next(docs), annotations.mentions
            around = [q for q in quoted if not q.start <= time.span.start < q.end]  # the speaker's date
            event = event_in(doc, sentence.start, text, sentence, time.span, around, found, time.caption)
        evidence = Evidence(article.id, sentence, text[sentence.start : sentence.end], time.caption)
        out.append(
            _Entry(
                bounds[0],
                bounds[1],
                time.value,
                time.precision,
                event,
                frozenset(stem(w) for w in content_words(event)),  # "escaped", "escape"
                article.id,
                evidence,
            )
        )
    return out


def _similarity(a: frozenset[str], b: frozenset[str], same_date: bool) -> float:
    """Overlap of two clauses' content words; 0 unless they share enough (more across dates of
    different precision, where a loose match would date an event wrongly)."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    score = shared / min(len(a), len(b))
    if same_date:
        return score if shared >= 2 and score >= MERGE_SIMILARITY else 0.0
    return score if shared >= 2 and score >= NESTED_SIMILARITY else 0.0


def _merge(entries: Sequence[_Entry]) -> list[list[_Entry]]:
    """Group entries of one event: finest dates first, each coarser entry joins the most similar
    group whose date it contains (so groups never chain incompatible dates). A group's members with
    the same words score the same, so each distinct word set is compared once (reprints repeat
    their clauses word for word)."""
    groups: list[tuple[list[_Entry], dict[frozenset[str], None]]] = []  # members, distinct word sets
    for entry in sorted(entries, key=lambda e: (e.end - e.start, e.start)):
        best: tuple[list[_Entry], dict[frozenset[str], None]] | None = None
        best_score = 0.0
        for group in groups:
            head = group[0][0]
            if not (entry.start <= head.start and head.end <= entry.end):
                continue
            same = (entry.start, entry.end) == (head.start, head.end)
            for words in group[1]:
                score = _similarity(entry.words, words, same)
                if score > best_score:
                    best, best_score = group, score
        if best is None:
            groups.append(([entry], {entry.words: None}))
        else:
            best[0].append(entry)
            best[1][entry.words] = None
    return [members for members, _ in groups]


def _representative(group: Sequence[_Entry]) -> str:
    """The clause of the finest date that shares most with the others (ties: the shortest)."""

    def centrality(e: _Entry) -> tuple[int, int, int]:
        shared = sum(len(e.words & o.words) for o in group if o is not e)
        return (e.end.toordinal() - e.start.toordinal(), -shared, len(e.event))

    return min(group, key=centrality).event


def build_timeline(
    articles: Sequence[Article], annotations: Sequence[Annotations], nlp: Language | None = None
) -> tuple[TimelineEvent, ...]:
    """Every dated event of a story, merged across articles, in date order.

    ``annotations`` are the articles' annotations (matched by article id). ``nlp`` is the loaded
    spaCy pipeline (:func:`corroborator.annotate.nlp.load`), needed only for time expressions
    without an ``event`` (loaded then when not given).
    """
    loaded: list[Language] = [nlp] if nlp is not None else []

    def parser() -> Language:
        if not loaded:
            from corroborator.annotate.nlp import load

            loaded.append(load())
        return loaded[0]

    by_id = {a.article_id: a for a in annotations}
    entries = [
        e for article in articles if article.id in by_id for e in _entries(article, by_id[article.id], parser)
    ]
    order = {a.id: k for k, a in enumerate(articles)}
    events: list[tuple[date, date, TimelineEvent]] = []
    for group in _merge(entries):
        head = group[0]
        article_ids = tuple(sorted({e.article_id for e in group}, key=order.__getitem__))
        evidence: dict[tuple[str, int | None, int], Evidence] = {}
        for e in sorted(group, key=lambda e: (order[e.article_id], e.evidence.span.start)):
            evidence.setdefault((e.article_id, e.evidence.caption, e.evidence.span.start), e.evidence)
        event = TimelineEvent(
            head.value, head.precision, _representative(group), article_ids, tuple(evidence.values())
        )
        events.append((head.start, head.end, event))
    events.sort(key=lambda x: (x[0], x[1], x[2].event))
    return tuple(e for _, _, e in events)
