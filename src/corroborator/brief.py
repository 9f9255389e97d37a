"""The briefing stage: one analysed story -> a cited, readable :class:`Briefing`.

>>> briefing = brief(analysis.stories[0], {a.id: a for a in analysis.articles})   # doctest: +SKIP

Every line of a briefing cites the articles it rests on and counts its independent support (distinct
independent reports among them). Sections: the summary (:mod:`corroborator.brief_summary`), key
facts, disputes and revised figures, who said what, the timeline, the sources (what each adds and
leaves out), and what extraction removed as boilerplate. When the story has no independent reports
yet (reuse not run), each article counts as its own report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from corroborator.api import Analysis, StoryAnalysis
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
from corroborator.brief_summary import (
    Candidate,
    all_candidates,
    carries,
    probe,
    summarize,
)
from corroborator.corroborate.claims import WordMemo
from corroborator.models import (
    Annotations,
    Article,
    Claim,
    ClaimKind,
    Contradiction,
    Evidence,
    ReportTie,
    Side,
    StoryQuote,
)

__all__ = [
    "Briefing",
    "Dispute",
    "KeyFact",
    "Position",
    "QuoteLine",
    "RemovedSummary",
    "RemovedText",
    "ReportEntry",
    "Revision",
    "SourceEntry",
    "Speaker",
    "SummarySentence",
    "TimelineEntry",
    "brief",
    "briefings",
    "summary_json",
]

KEY_FACTS = 8
PER_SOURCE = 3  # adds / omits shown per source


def brief(story: StoryAnalysis, articles: Mapping[str, Article]) -> Briefing:
    """The briefing of ``story``; ``articles`` maps ids to articles (others are ignored). A story
    analysed by :func:`corroborator.analyze` carries its briefing already (made where the story was
    analysed, in a worker process when there are several)."""
    if story.briefing is not None:
        return story.briefing
    ann = {a.article_id: a for a in story.annotations.articles} if story.annotations else {}
    members = [articles[a] for a in story.article_ids if a in articles]
    ordered = sorted(members, key=lambda a: (_date_of(a, ann.get(a.id))[0] or "9999", a.source))
    reports = _reports(story, ordered)
    report_of = {a: r.id for r in reports for a in r.article_ids}
    sentences = all_candidates(ordered, ann)
    summary = summarize(sentences, report_of, story.reuse, story.claims)
    return Briefing(
        story_id=story.id,
        title=story.title,
        summary=summary,
        key_facts=key_facts(story.claims, report_of),
        disputes=tuple(_dispute(c.id, c, report_of) for c in story.contradictions),
        revisions=tuple(
            Revision(u.id, u.about, _position(u.earlier, report_of), _position(u.later, report_of))
            for u in story.updates
        ),
        speakers=speakers(story.annotations.quotes if story.annotations else (), story, report_of),
        timeline=tuple(
            TimelineEntry(
                t.date, t.precision, t.event, t.article_ids, _reports_of(t.article_ids, report_of), t.evidence
            )
            for t in story.timeline
        ),
        sources=sources(ordered, ann, reports, story.claims, sentences),
        reports=reports,
        removed=removed_summary(ordered),
        unread_languages=tuple(articles[a].language for a in story.unread if a in articles),
    )


def summary_json(briefing: Briefing) -> list[dict[str, Any]]:
    """The report's ``summary`` section: ``[{text, articles, reports}]``."""
    return [
        {"text": s.text, "articles": list(s.article_ids), "reports": list(s.report_ids)}
        for s in briefing.summary
    ]


def _reports(story: StoryAnalysis, ordered: Sequence[Article]) -> tuple[ReportEntry, ...]:
    present = {a.id for a in ordered}
    found = tuple(
        ReportEntry(
            r.id,
            r.origin,
            tuple(a for a in r.article_ids if a in present),
            tuple(t for t in r.ties if t.article in present and t.other in present),
        )
        for r in story.reports
        if any(a in present for a in r.article_ids)
    )
    covered = {a for r in found for a in r.article_ids}
    return found + tuple(ReportEntry(a.id, label_of(a), (a.id,)) for a in ordered if a.id not in covered)


def _reports_of(article_ids: Sequence[str], report_of: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(report_of.get(a, a) for a in article_ids))


def label_of(article: Article) -> str:
    """How citations name an article: its outlet, else its title, else its file name."""
    return article.outlet or article.title or article.source.rsplit("/", 1)[-1]


def _date_of(article: Article, ann: Annotations | None) -> tuple[str | None, bool, str | None]:
    if article.published:
        return article.published, False, None
    if ann is not None and ann.published_inferred is not None:
        return ann.published_inferred.date, True, ann.published_inferred.evidence
    return None, False, None


def key_facts(
    claims: Sequence[Claim], report_of: Mapping[str, str], limit: int = KEY_FACTS
) -> tuple[KeyFact, ...]:
    """The best-supported claims (support, then how many articles, then the longer evidence trail,
    then the nearer its article's top: news puts what matters most first), none resting on a
    sentence that an earlier fact already rests on."""
    ranked = sorted(
        claims, key=lambda c: (-c.support, -len(c.article_ids), -len(c.evidence), _first_place(c), c.text)
    )
    seen: set[tuple[str, int]] = set()  # (article, sentence start) of the facts chosen
    out: list[KeyFact] = []
    for c in ranked:
        places = {(e.article, e.span.start) for e in c.evidence if e.caption is None}
        if places & seen or (not places and any(c.text == k.text for k in out)):
            continue  # the same sentence as a better-supported fact already listed
        if _quoted_piece(c):
            continue  # a piece of a longer quotation: "Who said what" gives it whole, with its speaker
        seen |= places
        reports = c.report_ids or _reports_of(c.article_ids, report_of)
        out.append(KeyFact(c.id, c.text, c.kind, c.article_ids, reports, c.evidence))
        if len(out) == limit:
            break
    return tuple(out)


def _first_place(claim: Claim) -> int:
    """Where a claim's earliest evidence starts in its article's body (a caption's last)."""
    return min((e.span.start for e in claim.evidence if e.caption is None), default=1 << 30)


_OPENING, _CLOSING = "\"“‘'", "\"”’'"


def _quoted_piece(claim: Claim) -> bool:
    """A claim on one sentence of a longer quotation, or on a quotation alone with no one saying it
    ("Who said what" gives both whole, with the speaker): its curly quote marks do not pair up, or,
    for a quote claim, its straight ones (a straight mark alone is also an inch or a stray, so
    other claims need the curly evidence), or it is quoted from its first word to its last."""
    text = claim.text.strip()
    if text.count("“") != text.count("”"):
        return True
    if claim.kind is not ClaimKind.QUOTE:
        return False
    bare = text[:1] in _OPENING and text.rstrip(".!?")[-1:] in _CLOSING
    return bare or text.count('"') % 2 == 1


def _label(side: Side) -> str:
    if side.value is not None:
        return side.text or f"{side.value:g} {side.unit or ''}".strip()
    if side.date is not None:
        return f"{side.date} ({side.text})" if side.text and side.text != side.date else side.date
    text = f"“{side.text}”" if side.text else "(not stated)"
    return f"{text} ({side.speaker})" if side.speaker else text


def _position(side: Side, report_of: Mapping[str, str]) -> Position:
    reports = side.report_ids or _reports_of(side.article_ids, report_of)
    return Position(_label(side), side.article_ids, reports, side.evidence)


def _dispute(id_: str, c: Contradiction, report_of: Mapping[str, str]) -> Dispute:
    sides = tuple(_position(s, report_of) for s in c.sides)
    best = max((s.support for s in sides), default=0)
    leaders = [i for i, s in enumerate(sides) if s.support == best]
    return Dispute(id_, c.kind, c.about, c.severity, sides, leaders[0] if len(leaders) == 1 else None, c.note)


def speakers(
    quotes: Sequence[StoryQuote], story: StoryAnalysis, report_of: Mapping[str, str]
) -> tuple[Speaker, ...]:
    """Quotations grouped by speaker, most widely reported speakers first, unnamed speakers last."""
    entity_desc: dict[str, list[str]] = {}
    if story.annotations:
        for e in story.annotations.entities:
            entity_desc[e.id] = [d for _, d in e.descriptions]
    grouped: dict[str | None, list[StoryQuote]] = {}
    for q in quotes:
        grouped.setdefault(q.speaker, []).append(q)
    out = []
    for name, qs in grouped.items():
        descs = [q.description for q in qs if q.description]
        descs += [d for q in qs if q.speaker_entity for d in entity_desc.get(q.speaker_entity, ())]
        lines = []
        for q in qs:
            ids = tuple(dict.fromkeys(o.article for o in q.occurrences))
            lines.append(QuoteLine(q.text, ids, _reports_of(ids, report_of), q.told_to))
        lines.sort(key=lambda line: (-len(line.report_ids), -len(line.article_ids)))
        distinct: dict[str, str] = {}
        for d in descs:
            distinct.setdefault(_description_key(d), d.strip())
        out.append(Speaker(name, tuple(distinct.values()), tuple(lines)))
    out.sort(key=lambda s: (s.name is None, -len(s.report_ids), -len(s.quotes), s.name or ""))
    return tuple(out)


def _description_key(text: str) -> str:
    """A description as compared with another: the same words in other capitals or apostrophes
    ("vice president of Advanced Development Programs" / "... of advanced development programs")
    are one description."""
    return " ".join(text.replace("’", "'").casefold().split())


def sources(
    ordered: Sequence[Article],
    ann: Mapping[str, Annotations],
    reports: Sequence[ReportEntry],
    claims: Sequence[Claim],
    sentences: Sequence[Candidate] = (),
) -> tuple[SourceEntry, ...]:
    """Each article, in story order, with what it adds and what it leaves out (``sentences``: the
    candidate sentences of the articles, to see a claim carried in other words)."""
    by_article: dict[str, list[Candidate]] = {}
    for c in sentences:
        by_article.setdefault(c.article_id, []).append(c)
    report_of = {a: r.id for r in reports for a in r.article_ids}
    origin = {r.id: r.origin for r in reports}
    ties: dict[str, list[ReportTie]] = {}
    for r in reports:
        for tie in r.ties:
            ties.setdefault(tie.article, []).append(tie)
    whole = [c for c in claims if not _quoted_piece(c)]
    ranked = sorted(whole, key=lambda c: (-c.support, -len(c.article_ids), c.text))
    shared = [e for c in claims if len(set(_claim_reports(c, report_of))) > 1 for e in c.evidence]
    memo = WordMemo()
    probes = {c.text: probe(c.text, memo) for c in claims}
    out = []
    for a in ordered:
        own = report_of.get(a.id)
        mine = by_article.get(a.id, [])
        adds = _unique(
            c.text
            for c in ranked
            if a.id in c.article_ids
            and set(_claim_reports(c, report_of)) == {own}
            and not _said_elsewhere(c, a.id, shared)
        )
        others = [r.id for r in reports if r.id != own]
        omits = _unique(
            c.text
            for c in ranked
            if a.id not in c.article_ids
            and others
            and 2 * len(set(_claim_reports(c, report_of)) & set(others)) > len(others)
            and not carries(mine, probes[c.text])  # last: the costliest test
        )
        date, inferred, evidence = _date_of(a, ann.get(a.id))
        out.append(
            SourceEntry(
                article_id=a.id,
                label=label_of(a),
                source=a.source,
                title=a.title,
                outlet=a.outlet,
                byline=a.byline,
                url=a.url,
                date=date,
                date_inferred=inferred,
                date_evidence=evidence,
                report_id=own,
                report_origin=origin.get(own) if own else None,
                words=len(a.body.split()),
                adds=adds[:PER_SOURCE],
                adds_total=len(adds),
                omits=omits[:PER_SOURCE],
                omits_total=len(omits),
                report_ties=tuple(ties.get(a.id, ())),
            )
        )
    return tuple(out)


def _said_elsewhere(claim: Claim, article_id: str, shared: Sequence[Evidence]) -> bool:
    """Whether this article's sentence of ``claim`` also carries a claim that other reports share
    (one sentence holding a widely reported figure and a date only one report gives)."""
    mine = [e for e in claim.evidence if e.article == article_id]
    return any(
        s.article == article_id
        and s.caption == e.caption
        and s.span.start < e.span.end
        and e.span.start < s.span.end
        for e in mine
        for s in shared
    )


def _claim_reports(c: Claim, report_of: Mapping[str, str]) -> tuple[str, ...]:
    return c.report_ids or _reports_of(c.article_ids, report_of)


def _unique(texts: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in texts))


def removed_summary(articles: Sequence[Article]) -> RemovedSummary:
    """Everything extraction cut from the story's articles: counts by reason, and the texts."""
    items = tuple(RemovedText(a.id, r.reason.value, r.text) for a in articles for r in a.removed)
    counts = Counter(i.reason for i in items)
    return RemovedSummary(tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))), items)


def briefings(analysis: Analysis) -> tuple[Briefing, ...]:
    """The briefing of every story of an analysis."""
    articles = {a.id: a for a in analysis.articles}
    return tuple(brief(s, articles) for s in analysis.stories)
