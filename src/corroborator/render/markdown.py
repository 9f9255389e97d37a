"""Markdown rendering of an analysis: the briefing of each story, then one section per article.

The briefing has the same sections as the terminal rendering (summary with support counts, key
facts, disputes and revised figures, who said what, timeline, sources, on request what was cut, and
the story's related stories);
citations are footnote-style references ``[1]`` linking to the numbered sources list of the story.
Article text is untrusted input: it is rendered as text, never as markup (see :func:`md_escape`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from corroborator.api import Analysis, RelatedStory, articles_in_order
from corroborator.brief import Briefing, Position, briefings
from corroborator.models import Article
from corroborator.render.related import detail

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def md_escape(text: str) -> str:
    """Escape Markdown and HTML syntax so article text renders as plain text."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _code(text: str) -> str:
    """An inline code span that article-controlled text cannot break out of."""
    return "`" + text.replace("`", "'").replace("\n", " ") + "`"


def _field(value: str | None) -> str:
    return md_escape(value) if value else "_not stated_"


def article_section(article: Article, *, body_chars: int = 400) -> str:
    removed = Counter(r.reason.value for r in article.removed)
    lines = [
        f"## {md_escape(article.title or '(untitled)')}",
        "",
        f"- **Outlet:** {_field(article.outlet)}",
        f"- **Byline:** {_field(article.byline)}",
        f"- **Published:** {_field(article.published)}",
        f"- **URL:** {_field(article.url)}",
        f"- **Source:** {_code(article.source)}",
        f"- **Id:** `{article.id}`",
        f"- **Body:** {len(article.body.split())} words in {len(article.paragraphs)} paragraphs",
    ]
    if removed:
        parts = ", ".join(f"{n} {reason}" for reason, n in sorted(removed.items()))
        lines.append(f"- **Removed:** {parts}")
    for caption in article.captions:
        credit = f" ({md_escape(caption.credit)})" if caption.credit else ""
        lines.append(f"- **Caption:** {md_escape(caption.text)}{credit}")
    lead = article.body[:body_chars].rsplit(" ", 1)[0] if len(article.body) > body_chars else article.body
    lines += ["", "> " + md_escape(lead) + (" …" if len(article.body) > body_chars else ""), ""]
    return "\n".join(lines)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _reports(n: int) -> str:
    return f"**{n} report{'s' * (n != 1)}**"


class _Cites:
    """Citations of one story: ``[1]`` links to the story's numbered sources list."""

    def __init__(self, briefing: Briefing, prefix: str) -> None:
        self.briefing = briefing
        self.prefix = prefix

    def anchor(self, n: int) -> str:
        return f"{self.prefix}src-{n}"

    def __call__(self, article_ids: Sequence[str]) -> str:
        refs = self.briefing.refs(tuple(article_ids))
        return "".join(f"[\\[{n}\\]](#{self.anchor(n)})" for n in refs)


def _distinct(p: Position) -> list[tuple[str, tuple[str, ...]]]:
    """A side's evidence, each distinct sentence once with every article carrying it."""
    found: dict[str, list[str]] = {}
    for e in p.evidence:
        found.setdefault(" ".join(e.text.split()), []).append(e.article)
    return [(text, tuple(ids)) for text, ids in found.items()]


def _position(p: Position, cite: _Cites) -> str:
    return f"**{md_escape(p.label)}**: {_reports(p.support)} {cite(p.article_ids)}"


def briefing_section(
    b: Briefing, *, removed: bool = False, prefix: str = "", related: Sequence[RelatedStory] = ()
) -> str:
    """One story's briefing (and its related stories) as Markdown. ``prefix`` keeps source anchors
    apart between stories."""
    cite = _Cites(b, prefix)
    out = [f"## {md_escape(b.title)}", "", f"_{b.verdict()}._", ""]
    if b.summary:
        out += ["### Summary", ""]
        out += [f"- {md_escape(s.text)} {cite(s.article_ids)} ({_reports(s.support)})" for s in b.summary]
        out.append("")
    if b.key_facts:
        out += ["### Key facts", ""]
        out += [
            f"- {md_escape(k.text)} {cite(k.article_ids)} ({_reports(k.support)}, {k.kind.value})"
            for k in b.key_facts
        ]
        out.append("")
    if b.disputes:
        out += ["### Disputed points", ""]
        for d in b.disputes:
            out.append(f"- **{md_escape(d.about)}** ({d.severity.value}, {d.kind.value})")
            for i, side in enumerate(d.sides):
                mark = " ← more independent support" if i == d.stronger else ""
                out.append(f"  - {_position(side, cite)}{mark}")
                out += [f"    > {md_escape(text)} {cite(ids)}" for text, ids in _distinct(side)[:2]]
            if d.stronger is None and len(d.sides) > 1:
                out.append("  - _No side has more independent support._")
            if d.note:
                out.append(f"  - _{md_escape(d.note)}_")
        out.append("")
    if b.revisions:
        out += ["### Revised figures", ""]
        for r in b.revisions:
            out.append(f"- **{md_escape(r.about)}**")
            out.append(f"  - earlier: {_position(r.earlier, cite)}")
            out.append(f"  - later: {_position(r.later, cite)}")
        out.append("")
    if b.speakers:
        out += ["### Who said what", ""]
        for sp in b.speakers:
            name = md_escape(sp.name) if sp.name else "_Unnamed speakers_"
            desc = f" — {md_escape('; '.join(sp.descriptions))}" if sp.descriptions else ""
            out.append(f"- **{name}**{desc}")
            for q in sp.quotes:
                to = f" (told {md_escape(q.told_to)})" if q.told_to else ""
                out.append(f"  - “{md_escape(q.text)}”{to} {cite(q.article_ids)}")
        out.append("")
    if b.timeline:
        out += ["### Timeline", "", "| date | event | support | sources |", "|---|---|---|---|"]
        out += [
            f"| {md_escape(t.date)} | {md_escape(t.event)} | {t.support} | {cite(t.article_ids)} |"
            for t in b.timeline
        ]
        out.append("")
    out += ["### Sources", ""]
    for n, s in enumerate(b.sources, 1):
        date = md_escape(s.date) if s.date else "undated"
        if s.date_inferred:
            date += f" (inferred: {md_escape(_clip(s.date_evidence or 'from the story', 160))})"
        byline = f", {md_escape(s.byline)}" if s.byline else ""
        title = f" — {md_escape(s.title)}" if s.title and s.title != s.label else ""
        out.append(f'{n}. <a id="{cite.anchor(n)}"></a>**{md_escape(s.label)}**{byline}{title}; {date}.')
        out.append(f"   Report: {md_escape(s.report_origin or 'unknown')}. Source: {_code(s.source)}")
        for tie in s.report_ties:
            said = f": “{md_escape(_clip(tie.evidence.text, 160))}”" if tie.evidence is not None else ""
            why = f"{md_escape(tie.reason)}{said}"
            out.append(f"   - One report with {cite((tie.other,))} without shared text: {why}")
        for label, shown, total in (
            ("Only its report carries", s.adds, s.adds_total),
            ("Left out, though most other reports carry it", s.omits, s.omits_total),
        ):
            if shown:
                more = f" (and {total - len(shown)} more)" if total > len(shown) else ""
                out.append(f"   - {label}{more}:")
                out += [f"     - {md_escape(t)}" for t in shown]
    out.append("")
    if removed:
        out += ["### Removed as boilerplate", ""]
        counts = ", ".join(f"{n} {reason}" for reason, n in b.removed.counts) or "nothing"
        out += [f"{b.removed.total} pieces: {counts}.", ""]
        out += [f"- {cite((i.article_id,))} _{i.reason}_: {md_escape(i.text)}" for i in b.removed.items]
        out.append("")
    if related:
        out += ["### Related stories", ""]
        out += [f"- **{md_escape(r.title)}** ({_code(r.id[:10])}): {md_escape(detail(r))}" for r in related]
        out.append("")
    return "\n".join(out)


def render(analysis: Analysis, *, removed: bool = False) -> str:
    """The briefing of every story, then the articles (metadata and lead), then failed inputs."""
    articles = articles_in_order(analysis.articles)
    out = [
        "# corroborator report",
        "",
        f"{len(articles)} articles from {len({a.outlet for a in articles if a.outlet})} named outlets"
        f" (generated {analysis.generated_at}).",
        "",
    ]
    several = len(analysis.stories) > 1
    out += [
        briefing_section(b, removed=removed, prefix=f"s{k}-" if several else "", related=story.related)
        for k, (b, story) in enumerate(zip(briefings(analysis), analysis.stories, strict=True), 1)
    ]
    out += ["# Articles", ""]
    out += [article_section(a) for a in articles]
    if analysis.failures:
        out += ["## Inputs that failed", ""]
        out += [f"- {_code(f.source)}: {md_escape(f.problem)}" for f in analysis.failures]
        out.append("")
    return "\n".join(out)
