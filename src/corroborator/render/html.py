"""The self-contained HTML report: one file, no external assets, readable offline and on paper.

:func:`render` turns an :class:`~corroborator.api.Analysis` into one HTML page: per story the title
and verdict, a cited summary, key facts, disputes, pictures (provenance graph, coverage matrix,
timeline), who said what, the sources with what each adds and omits, and the related stories (links
to their place on the page). Each story is rendered from its
:class:`~corroborator.brief_records.Briefing`; the pictures also read the story's reuse links.
Article text is untrusted: every text and attribute goes through :func:`esc`, only http(s) URLs
become links, and the page's Content-Security-Policy forbids all scripts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from corroborator import __name__ as _package
from corroborator.api import Analysis, StoryAnalysis
from corroborator.brief_records import Briefing, Dispute, Position, SourceEntry
from corroborator.models import Article, Evidence, ReportTie
from corroborator.render import svg
from corroborator.render.html_assets import CSS, csp, esc, safe_href
from corroborator.render.related import detail


def briefing_of(story: StoryAnalysis, articles: Mapping[str, Article]) -> Briefing:
    """The story's briefing (:func:`corroborator.brief.brief`)."""
    from corroborator.brief import brief

    return brief(story, articles)


class _Page:
    """Citation numbers, anchors and report codes of one story (``s`` prefixes its anchors)."""

    def __init__(self, b: Briefing, prefix: str) -> None:
        self.b, self.p = b, prefix
        self.code = {r.id: f"R{k}" for k, r in enumerate(b.reports, 1)}

    def src(self, n: int) -> str:
        return f"{self.p}-src-{n}"

    def cite(self, article_ids: Iterable[str]) -> str:
        refs = self.b.refs(tuple(article_ids))
        if not refs:
            return ""
        links = ", ".join(f'<a href="#{self.src(n)}">{n}</a>' for n in refs)
        return f' <span class="cite">[{links}]</span>'

    def label(self, article_id: str) -> str:
        refs = self.b.refs((article_id,))
        return self.b.sources[refs[0] - 1].label if refs else article_id[:8]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def support_badge(support: int, articles: int | None = None) -> str:
    level = "s3" if support >= 3 else f"s{max(support, 1)}"
    text = _plural(support, "report") + (f" · {_plural(articles, 'article')}" if articles else "")
    tip = "independent reports (wire copies and reprints count once)"
    return f'<span class="badge {level}" title="{esc(tip)}">{esc(text)}</span>'


def _evidence(page: _Page, evidence: Sequence[Evidence], limit: int = 3) -> str:
    seen: list[str] = []
    out = []
    for e in evidence:
        if e.text in seen:
            continue
        seen.append(e.text)
        out.append(f"<blockquote>{esc(e.text)}{page.cite([e.article])}</blockquote>")
        if len(out) == limit:
            break
    return "".join(out)


def summary_section(page: _Page) -> str:
    b = page.b
    items = [
        f"<li>{esc(s.text)} {support_badge(s.support)}{page.cite(s.article_ids)}</li>" for s in b.summary
    ]
    facts = [
        f"<li><span class=\"muted\">{esc(f.kind.value)}:</span> {esc(f.text)} {support_badge(f.support)}"
        f"{page.cite(f.article_ids)}</li>"
        for f in b.key_facts
    ]
    out = [f'<section id="{page.p}-summary"><h2>Summary</h2>']
    out.append(f'<ol class="summary">{"".join(items)}</ol>' if items else '<p class="muted">No summary.</p>')
    if facts:
        out.append(f'<h3>Key facts</h3><ul class="facts">{"".join(facts)}</ul>')
    return "".join(out) + "</section>"


def _position(page: _Page, side: Position, stronger: bool) -> str:
    mark = ' <span class="badge s3">better supported</span>' if stronger else ""
    return (
        f'<div class="side{" stronger" if stronger else ""}"><div class="value">{esc(side.label)}</div>'
        f"<div>{support_badge(side.support, len(side.article_ids))}{mark}{page.cite(side.article_ids)}</div>"
        f"{_evidence(page, side.evidence)}</div>"
    )


def dispute_html(page: _Page, d: Dispute) -> str:
    sides = "".join(_position(page, s, d.stronger == k) for k, s in enumerate(d.sides))
    note = f'<p class="note">{esc(d.note)}</p>' if d.note else ""
    return (
        f'<div class="dispute {esc(d.severity.value)}" id="{page.p}-d-{esc(d.id[:10])}">'
        f'<h3><span class="badge {esc(d.severity.value)}">{esc(d.severity.value)}</span> '
        f'<span class="muted">{esc(d.kind.value)}:</span> {esc(svg.clip(d.about, 160))}</h3>'
        f'{note}<div class="sides">{sides}</div></div>'
    )


def disputes_section(page: _Page) -> str:
    b = page.b
    out = [f'<section id="{page.p}-disputes"><h2>Disputed points</h2>']
    if not b.disputes:
        out.append('<p class="muted">No contradictions found between the reports.</p>')
    out += [dispute_html(page, d) for d in b.disputes]
    if b.revisions:
        out.append("<h3>Revised figures (not disputes)</h3><ul>")
        for r in b.revisions:
            out.append(
                f"<li>{esc(svg.clip(r.about, 140))}: {esc(r.earlier.label)}{page.cite(r.earlier.article_ids)}"
                f" → <strong>{esc(r.later.label)}</strong>{page.cite(r.later.article_ids)}</li>"
            )
        out.append("</ul>")
    return "".join(out) + "</section>"


def provenance_figure(page: _Page, story: StoryAnalysis) -> str:
    b = page.b
    groups = []
    for r in b.reports:
        members = [a for a in r.article_ids if b.refs((a,))]
        links = [(x.from_id, x.to_id) for x in story.reuse if x.from_id in members and x.to_id in members]
        depth = dict.fromkeys(members, 0)
        for _ in members:  # longest chain of copying above each article (bounded: no cycles assumed)
            for f, t in links:
                depth[t] = max(depth[t], depth[f] + 1 if depth[f] < len(members) else depth[t])
        order = sorted(members, key=lambda a: (depth[a], b.source(a).date or "9999", b.ref(a)))
        nodes = tuple(_node(page, b.source(a)) for a in order)
        groups.append(svg.GraphGroup(f"{page.code[r.id]} · {r.origin}", nodes))
    edges = [
        svg.GraphEdge(
            x.from_id,
            x.to_id,
            x.kind.value != "verbatim",
            f"{x.shared * 100:.0f}%",
            f"{x.kind.value}: {x.shared * 100:.0f}% of {page.label(x.to_id)} comes from "
            f"{page.label(x.from_id)}" + (f" ({x.direction_evidence})" if x.direction_evidence else ""),
        )
        for x in story.reuse
    ]
    legend = (
        '<p class="legend muted"><span>── verbatim reuse</span><span>- - - paraphrase</span>'
        "<span>% = share of the copy's text taken from the source</span></p>"
    )
    reports = "".join(
        f"<li><strong>{esc(page.code[r.id])}</strong> {esc(r.origin)}: "
        f"{_plural(len(r.article_ids), 'article')}{page.cite(r.article_ids)}{_ties(page, r.ties)}</li>"
        for r in b.reports
    )
    return (
        f'<section id="{page.p}-provenance"><h2>Independent reports</h2><figure>'
        f'<div class="pic">{svg.provenance_graph(groups, edges, page.p)}</div><figcaption>Provenance: '
        f"each box is one independent report; arrows show reused text.</figcaption></figure>{legend}"
        f'<ul class="reports">{reports}</ul></section>'
    )


def _ties(page: _Page, ties: Sequence[ReportTie]) -> str:
    """Why articles sharing no text are one report: "[3] relays The Hollywood Reporter: 'THR is ...'"."""
    if not ties:
        return ""
    items = []
    for t in ties:
        said = f": “{esc(svg.clip(t.evidence.text, 160))}”" if t.evidence is not None else ""
        items.append(f"{page.cite((t.article,)).strip()} {esc(t.reason)}{said}")
    return f' <span class="muted">— one report without shared text: {"; ".join(items)}.</span>'


def _node(page: _Page, s: SourceEntry) -> svg.GraphNode:
    when = (("≈ " if s.date_inferred else "") + s.date) if s.date else "date unknown"
    n = page.b.ref(s.article_id)
    return svg.GraphNode(s.article_id, f"[{n}] {s.label}", when, page.src(n), s.title or s.label)


def coverage_figure(page: _Page) -> str:
    b, facts = page.b, page.b.key_facts
    if not facts or not b.reports:
        return ""
    rows = [svg.CoverageRow(f.text, tuple(r.id in f.report_ids for r in b.reports), f.support) for f in facts]
    legend = "; ".join(f"{page.code[r.id]} = {r.origin}" for r in b.reports)
    return (
        f'<section id="{page.p}-coverage"><h2>Coverage</h2><figure><div class="pic">'
        f"{svg.coverage_matrix(rows, [page.code[r.id] for r in b.reports])}</div><figcaption>Which "
        f"independent report carries which key fact. {esc(legend)}.</figcaption></figure></section>"
    )


def quotes_section(page: _Page) -> str:
    out = [f'<section id="{page.p}-quotes"><h2>Who said what</h2>']
    if not page.b.speakers:
        out.append('<p class="muted">No quotations.</p>')
    for sp in page.b.speakers:
        desc = f' <span class="desc">— {esc("; ".join(sp.descriptions))}</span>' if sp.descriptions else ""
        lines = []
        for q in sp.quotes:
            to = f' <span class="muted">(to {esc(q.told_to)})</span>' if q.told_to else ""
            lines.append(
                f"<li>“{esc(q.text)}”{to} {support_badge(len(q.report_ids))}{page.cite(q.article_ids)}</li>"
            )
        who = esc(sp.name) if sp.name else "<em>Speaker not named</em>"
        out.append(f'<div class="speaker"><div class="who">{who}{desc}</div><ul>{"".join(lines)}</ul></div>')
    return "".join(out) + "</section>"


def timeline_section(page: _Page) -> str:
    b = page.b
    out = [f'<section id="{page.p}-timeline"><h2>Timeline</h2>']
    if not b.timeline:
        return "".join([*out, '<p class="muted">No dated events.</p></section>'])
    bars = [svg.TimelineBar(t.date, t.precision, t.event, t.support) for t in b.timeline]
    out.append(
        f'<figure><div class="pic">{svg.timeline_chart(bars)}</div><figcaption>Bars span the period a date '
        "covers: a day is a tick, a month or a range is wider.</figcaption></figure><ol class=\"timeline\">"
    )
    out += [
        f"<li><strong>{esc(t.date)}</strong> <span class=\"muted\">({esc(t.precision.value)})</span> "
        f"{esc(t.event)} {support_badge(t.support)}{page.cite(t.article_ids)}</li>"
        for t in b.timeline
    ]
    return "".join(out) + "</ol></section>"


def _url(url: str | None) -> str:
    if not url:
        return ""
    href = safe_href(url)
    if href is None:
        return f'<div class="url">{esc(url)}</div>'
    return f'<div class="url"><a href="{href}" rel="noopener noreferrer nofollow">{esc(url)}</a></div>'


def _source_row(page: _Page, n: int, s: SourceEntry) -> str:
    when = esc(s.date.replace("/", " – ") if s.date else "unknown")
    if s.date and s.date_inferred:
        when = f'<span title="{esc(s.date_evidence or "")}">≈ {when} (inferred)</span>'
    more = []
    if s.adds:
        extra = f" (+{s.adds_total - len(s.adds)} more)" if s.adds_total > len(s.adds) else ""
        more.append(
            f"<details><summary>Adds {_plural(s.adds_total, 'claim')} no other report carries</summary><ul>"
            + "".join(f"<li>{esc(t)}</li>" for t in s.adds)
            + f"</ul>{esc(extra)}</details>"
        )
    if s.omits:
        more.append(
            f"<details><summary>Omits {_plural(s.omits_total, 'claim')} most reports carry</summary><ul>"
            + "".join(f"<li>{esc(t)}</li>" for t in s.omits)
            + "</ul></details>"
        )
    report = f"{page.code.get(s.report_id, '')} {s.report_origin or ''}" if s.report_id else ""
    title = f"<div>{esc(s.title)}</div>" if s.title and s.title != s.label else ""
    byline = f'<div class="muted">{esc(s.byline)}</div>' if s.byline else ""
    return (
        f'<tr id="{page.src(n)}"><td class="n">[{n}]</td><td><strong>{esc(s.label)}</strong>{title}{byline}'
        f'{_url(s.url)}<div class="muted url">{esc(s.source)}</div>{"".join(more)}</td><td>{when}</td>'
        f"<td>{esc(report.strip())}</td><td>{s.words}</td></tr>"
    )


def sources_section(page: _Page) -> str:
    b = page.b
    rows = "".join(_source_row(page, n, s) for n, s in enumerate(b.sources, 1))
    out = [
        f'<section id="{page.p}-sources"><h2>Sources</h2><table class="sources"><thead><tr><th>#</th>'
        "<th>Article (what it adds and omits)</th><th>Date</th><th>Report</th><th>Words</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    ]
    if b.removed.total:
        counts = ", ".join(f"{k} {esc(reason)}" for reason, k in b.removed.counts)
        items = "".join(
            f"<li><span class=\"muted\">{esc(r.reason)}</span> {esc(svg.clip(r.text, 200))}"
            f"{page.cite([r.article_id])}</li>"
            for r in b.removed.items
        )
        out.append(
            f"<h3>Removed as boilerplate</h3><details><summary>{_plural(b.removed.total, 'piece')} of text "
            f'cut: {counts}</summary><ul class="removed">{items}</ul></details>'
        )
    return "".join(out) + "</section>"


def related_section(story: StoryAnalysis, anchors: Mapping[str, str], prefix: str) -> str:
    """The story's related stories, each linking to its place on the page."""
    if not story.related:
        return ""
    items = "".join(
        f'<li><a href="#{esc(anchors[r.id])}">{esc(r.title)}</a>: {esc(detail(r))}</li>'
        if r.id in anchors else f"<li>{esc(r.title)}: {esc(detail(r))}</li>"
        for r in story.related
    )
    return (
        f'<section id="{prefix}-related"><h2>Related stories</h2><p class="note">Same topic, another '
        "event or another wave of it: told apart by what and when each reports.</p>"
        f"<ul>{items}</ul></section>"
    )


def story_html(
    b: Briefing, story: StoryAnalysis, prefix: str, anchors: Mapping[str, str] | None = None
) -> str:
    page = _Page(b, prefix)
    toc = [
        ("summary", "Summary"),
        ("disputes", "Disputes"),
        ("provenance", "Reports"),
        ("coverage", "Coverage"),
        ("quotes", "Who said what"),
        ("timeline", "Timeline"),
        ("sources", "Sources"),
    ] + ([("related", "Related stories")] if story.related else [])
    nav = "".join(f'<a href="#{prefix}-{k}">{esc(v)}</a>' for k, v in toc)
    return (
        f'<article class="story" id="{prefix}"><header class="page"><h1>{esc(b.title)}</h1>'
        f'<p class="verdict">{esc(b.verdict())}</p><nav class="toc">{nav}</nav></header>'
        + summary_section(page)
        + disputes_section(page)
        + provenance_figure(page, story)
        + coverage_figure(page)
        + quotes_section(page)
        + timeline_section(page)
        + sources_section(page)
        + related_section(story, anchors or {}, prefix)
        + "</article>"
    )


def render(analysis: Analysis) -> str:
    """One self-contained HTML page for the whole analysis (every story, then failed inputs)."""
    by_id = {a.id: a for a in analysis.articles}
    anchors = {story.id: f"s{k}" for k, story in enumerate(analysis.stories, 1)}
    body = []
    for k, story in enumerate(analysis.stories, 1):
        body.append(story_html(briefing_of(story, by_id), story, f"s{k}", anchors))
    if not analysis.stories:
        count = _plural(len(analysis.articles), "article")
        body.append(f"<h1>corroborator report</h1><p>{count}, no stories.</p>")
    if analysis.failures:
        items = "".join(f"<li><code>{esc(f.source)}</code>: {esc(f.problem)}</li>" for f in analysis.failures)
        body.append(f'<section id="failures"><h2>Inputs that failed</h2><ul>{items}</ul></section>')
    title = analysis.stories[0].title if analysis.stories else "corroborator report"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp(CSS))}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="{esc(_package)}">'
        f"<title>{esc(title)} — corroborator</title><style>{CSS}</style></head>\n<body><main>"
        + "".join(body)
        + f"<footer>Generated by corroborator at {esc(analysis.generated_at)}. Support counts independent "
        "reports: a wire story and its reprints count once.</footer></main></body></html>\n"
    )
