"""The ``corroborator-report/1`` JSON contract (``../shared/report-schema.md``).

:func:`report` builds the plain-data report; :func:`schema` returns the published JSON Schema it
validates against (shipped as ``corroborator/data/report.schema.json``).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from corroborator.api import Analysis, StoryAnalysis
from corroborator.models import (
    Annotations,
    Article,
    Claim,
    Contradiction,
    Entity,
    Evidence,
    IndependentReport,
    Precision,
    ReuseLink,
    Side,
    Span,
    StoryQuote,
    TimelineEvent,
    Update,
)

FORMAT = "corroborator-report/1"


def _place(span: Span, caption: int | None) -> dict[str, Any]:
    """A span, with ``"in": "caption:k"`` when it points into caption ``k`` rather than the body."""
    out: dict[str, Any] = {"span": span.as_list()}
    if caption is not None:
        out["in"] = f"caption:{caption}"
    return out


def article_json(article: Article, annotations: Annotations | None = None) -> dict[str, Any]:
    inferred = annotations.published_inferred if annotations else None
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "published": article.published,
        "published_inferred": {"date": inferred.date, "evidence": inferred.evidence} if inferred else None,
        "language": article.language,
        "body": article.body,
        "captions": [{"text": c.text, "credit": c.credit} for c in article.captions],
        "removed": [{"text": r.text, "reason": r.reason.value} for r in article.removed],
    }


def entity_json(entity: Entity) -> dict[str, Any]:
    descriptions: dict[str, list[str]] = {}
    for article_id, text in entity.descriptions:
        if text not in descriptions.setdefault(article_id, []):
            descriptions[article_id].append(text)
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type.value,
        "aliases": list(entity.aliases),
        "descriptions": descriptions,
    }


def quote_json(quote: StoryQuote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_entity": quote.speaker_entity,
        "description": quote.description,
        "told_to": quote.told_to,
        "occurrences": [{"article": o.article, **_place(o.span, o.caption)} for o in quote.occurrences],
    }


def evidence_json(e: Evidence) -> dict[str, Any]:
    return {"article": e.article, "text": e.text, **_place(e.span, e.caption)}


def report_json(r: IndependentReport) -> dict[str, Any]:
    ties = [
        {
            "article": t.article,
            "with": t.other,
            "why": t.reason,
            "evidence": evidence_json(t.evidence) if t.evidence is not None else None,
        }
        for t in r.ties
    ]
    return {"id": r.id, "origin": r.origin, "articles": list(r.article_ids), "ties": ties}


def reuse_json(link: ReuseLink) -> dict[str, Any]:
    return {
        "from": link.from_id,
        "to": link.to_id,
        "kind": link.kind.value,
        "shared": round(link.shared, 4),
        "direction_evidence": link.direction_evidence,
        "passages": [
            {"from_span": p.from_span.as_list(), "to_span": p.to_span.as_list(), "kind": p.kind.value}
            for p in link.passages
        ],
    }


def claim_json(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "text": c.text,
        "kind": c.kind.value,
        "articles": list(c.article_ids),
        "reports": list(c.report_ids),
        "support": c.support,
        "evidence": [evidence_json(e) for e in c.evidence],
    }


def side_json(side: Side) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if side.value is not None:
        out |= {"value": side.value, "unit": side.unit}
    if side.date is not None:
        out["date"] = side.date
    if side.text is not None:
        out["text"] = side.text
    if side.speaker is not None:
        out["speaker"] = side.speaker
    return out | {
        "articles": list(side.article_ids),
        "reports": list(side.report_ids),
        "evidence": [evidence_json(e) for e in side.evidence],
    }


def contradiction_json(c: Contradiction) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind.value,
        "about": c.about,
        "severity": c.severity.value,
        "note": c.note,
        "sides": [side_json(s) for s in c.sides],
    }


def update_json(u: Update) -> dict[str, Any]:
    return {"id": u.id, "about": u.about, "earlier": side_json(u.earlier), "later": side_json(u.later)}


def timeline_json(t: TimelineEvent) -> dict[str, Any]:
    return {
        "date": t.date,
        # the contract knows day, week, month, year and range; a season is a range of months
        "precision": "range" if t.precision is Precision.SEASON else t.precision.value,
        "event": t.event,
        "articles": list(t.article_ids),
        "evidence": [evidence_json(e) for e in t.evidence],
    }


def story_json(story: StoryAnalysis) -> dict[str, Any]:
    out: dict[str, Any] = {"id": story.id, "title": story.title, "articles": list(story.article_ids)}
    out["related"] = [
        {"story": r.id, "title": r.title, "similarity": round(r.similarity, 3), "shared": list(r.shared),
         "days_apart": r.days_apart}
        for r in story.related
    ]
    if story.unread:
        out["not_analysed"] = list(story.unread)
    if story.reports:
        out["reports"] = [report_json(r) for r in story.reports]
        out["reuse"] = [reuse_json(link) for link in story.reuse]
    if story.annotations is not None or story.claims or story.contradictions or story.timeline:
        # an analysed story lists them even when it found none (a reader need not guess why absent)
        out["claims"] = [claim_json(c) for c in story.claims]
        out["contradictions"] = [contradiction_json(c) for c in story.contradictions]
        out["updates"] = [update_json(u) for u in story.updates]
        out["timeline"] = [timeline_json(t) for t in story.timeline]
    ann = story.annotations
    if ann is None:
        return out
    out["entities"] = [entity_json(e) for e in ann.entities]
    out["quotes"] = [quote_json(q) for q in ann.quotes]
    out["quantities"] = [
        {
            "article": a.article_id,
            "text": q.text,
            **_place(q.span, q.caption),
            "value": q.value,
            "unit": q.unit,
            "kind": q.kind.value,
            "approximate": q.approximate,
            "bound": q.bound.value if q.bound is not None else None,
            "period": q.period,
        }
        for a in ann.articles
        for q in a.quantities
    ]
    out["times"] = [
        {
            "article": a.article_id,
            "text": t.text,
            **_place(t.span, t.caption),
            "value": t.value,
            "precision": t.precision.value if t.precision else None,
            "relative": t.relative,
            "inferred_anchor": t.inferred_anchor,
        }
        for a in ann.articles
        for t in a.times
    ]
    return out


def report(analysis: Analysis) -> dict[str, Any]:
    """The report as plain data."""
    from corroborator.brief import briefings, summary_json

    annotations = {a.article_id: a for s in analysis.stories if s.annotations for a in s.annotations.articles}
    stories = [story_json(s) for s in analysis.stories]
    for out, story, briefing in zip(stories, analysis.stories, briefings(analysis), strict=True):
        if story.annotations is not None:
            out["summary"] = summary_json(briefing)
    return {
        "format": FORMAT,
        "generated_at": analysis.generated_at,
        "articles": [article_json(a, annotations.get(a.id)) for a in analysis.articles],
        "failures": [{"source": f.source, "problem": f.problem} for f in analysis.failures],
        "stories": stories,
    }


def dumps(analysis: Analysis) -> str:
    return json.dumps(report(analysis), ensure_ascii=False, indent=2) + "\n"


def schema() -> dict[str, Any]:
    """The published JSON Schema of the report."""
    text = resources.files("corroborator").joinpath("data/report.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
