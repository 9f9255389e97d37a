"""A plain :class:`Briefing` built straight from a :class:`StoryAnalysis`, for when
:mod:`corroborator.brief` is not available: best-supported claims as the summary, contradictions as
disputes, quotes by speaker, the timeline, and the sources. No ranking beyond support counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from corroborator.api import StoryAnalysis, articles_in_order
from corroborator.brief_records import (
    Briefing,
    Dispute,
    KeyFact,
    Position,
    QuoteLine,
    RemovedSummary,
    RemovedText,
    ReportEntry,
    Revision,
    SourceEntry,
    Speaker,
    SummarySentence,
    TimelineEntry,
)
from corroborator.models import Article, ClaimKind, Side


def _reports(article_ids: Sequence[str], report_of: dict[str, str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(report_of[a] for a in article_ids if a in report_of))


def _position(side: Side) -> Position:
    label = side.text or side.date or (f"{side.value:g} {side.unit or ''}".strip() if side.value else "?")
    if side.speaker:
        label += f" ({side.speaker})"
    return Position(label, side.article_ids, side.report_ids, side.evidence)


def _stronger(sides: Sequence[Position]) -> int | None:
    ranked = sorted(range(len(sides)), key=lambda k: -sides[k].support)
    if len(ranked) > 1 and sides[ranked[0]].support > sides[ranked[1]].support:
        return ranked[0]
    return None


def _source(article: Article, story: StoryAnalysis, origins: dict[str, str]) -> SourceEntry:
    inferred = None
    if story.annotations is not None:
        inferred = next(
            (a.published_inferred for a in story.annotations.articles if a.article_id == article.id), None
        )
    report = story.report_of().get(article.id)
    return SourceEntry(
        article_id=article.id,
        label=article.outlet or article.title or article.source.rsplit("/", 1)[-1],
        source=article.source,
        title=article.title,
        outlet=article.outlet,
        byline=article.byline,
        url=article.url,
        date=article.published or (inferred.date if inferred else None),
        date_inferred=article.published is None and inferred is not None,
        date_evidence=inferred.evidence if inferred and not article.published else None,
        report_id=report,
        report_origin=origins.get(report or ""),
        words=len(article.body.split()),
    )


def fallback_briefing(story: StoryAnalysis, articles: Sequence[Article]) -> Briefing:
    report_of = story.report_of()
    origins = {r.id: r.origin for r in story.reports}
    claims = sorted(story.claims, key=lambda c: (-c.support, -len(c.article_ids)))
    summary = tuple(
        SummarySentence(c.text, c.article_ids, c.report_ids, c.evidence)
        for c in claims[:6]
        if c.kind is not ClaimKind.QUOTE
    )
    facts = tuple(
        KeyFact(c.id, c.text, c.kind, c.article_ids, c.report_ids, c.evidence) for c in claims[:12]
    )
    disputes = []
    for c in story.contradictions:
        sides = tuple(_position(s) for s in c.sides)
        disputes.append(Dispute(c.id, c.kind, c.about, c.severity, sides, _stronger(sides), c.note))
    revisions = tuple(
        Revision(u.id, u.about, _position(u.earlier), _position(u.later)) for u in story.updates
    )
    speakers: dict[str | None, list[QuoteLine]] = {}
    descriptions: dict[str | None, list[str]] = {}
    for q in story.annotations.quotes if story.annotations else ():
        ids = tuple(dict.fromkeys(o.article for o in q.occurrences))
        speakers.setdefault(q.speaker, []).append(QuoteLine(q.text, ids, _reports(ids, report_of), q.told_to))
        if q.description and q.description not in descriptions.setdefault(q.speaker, []):
            descriptions[q.speaker].append(q.description)
    timeline = tuple(
        TimelineEntry(
            t.date, t.precision, t.event, t.article_ids, _reports(t.article_ids, report_of), t.evidence
        )
        for t in story.timeline
    )
    ordered = articles_in_order(articles)
    removed = tuple(RemovedText(a.id, r.reason.value, r.text) for a in ordered for r in a.removed)
    return Briefing(
        story_id=story.id,
        title=story.title,
        summary=summary,
        key_facts=facts,
        disputes=tuple(disputes),
        revisions=revisions,
        speakers=tuple(
            Speaker(name, tuple(descriptions.get(name, ())), tuple(lines)) for name, lines in speakers.items()
        ),
        timeline=timeline,
        sources=tuple(_source(a, story, origins) for a in ordered),
        reports=tuple(ReportEntry(r.id, r.origin, r.article_ids) for r in story.reports),
        removed=RemovedSummary(tuple(Counter(r.reason for r in removed).most_common()), removed),
    )
