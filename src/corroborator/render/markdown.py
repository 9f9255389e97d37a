"""Markdown rendering of an analysis: one section per article, with its metadata and what was cut.

Article text is untrusted input: it is rendered as text, never as markup (see :func:`md_escape`).
"""

from __future__ import annotations

import re
from collections import Counter

from corroborator.api import Analysis, StoryAnalysis, articles_in_order
from corroborator.models import Article, EntityType

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


def _fmt_value(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def story_section(story: StoryAnalysis, names: dict[str, str]) -> str:
    """Who is named, who said what, which figures: each line cites its articles."""
    ann = story.annotations
    lines = [f"## Story: {md_escape(story.title)}", "", f"{len(story.article_ids)} articles.", ""]
    if ann is None:
        return "\n".join(lines)
    people = [e for e in ann.entities if e.type is EntityType.PERSON]
    if people:
        lines += ["### People", ""]
        for e in sorted(people, key=lambda e: -len(e.mentions)):
            desc = "; ".join(sorted({d for _, d in e.descriptions}))
            extra = f" — {md_escape(desc)}" if desc else ""
            lines.append(f"- **{md_escape(e.name)}** ({len(e.mentions)} mentions){extra}")
        lines.append("")
    if ann.quotes:
        lines += ["### Quotes", ""]
        for q in ann.quotes:
            who = md_escape(q.speaker) if q.speaker else "_speaker not named_"
            to = f", to {md_escape(q.told_to)}" if q.told_to else ""
            where = ", ".join(sorted({names.get(o.article, o.article[:8]) for o in q.occurrences}))
            lines.append(f"- {who}{to}: “{md_escape(q.text)}” [{md_escape(where)}]")
        lines.append("")
    figures = [(a.article_id, q) for a in ann.articles for q in a.quantities]
    if figures:
        lines += ["### Figures", "", "| figure | value | unit | period | article |", "|---|---|---|---|---|"]
        for article_id, fig in figures:
            lines.append(
                f"| {md_escape(fig.text)} | {_fmt_value(fig.value)} | {fig.unit} | {fig.period or ''} "
                f"| {md_escape(names.get(article_id, article_id[:8]))} |"
            )
        lines.append("")
    return "\n".join(lines)


def render(analysis: Analysis) -> str:
    articles = articles_in_order(analysis.articles)
    out = [
        "# corroborator report",
        "",
        f"{len(articles)} articles from {len({a.outlet for a in articles if a.outlet})} named outlets"
        f" (generated {analysis.generated_at}).",
        "",
    ]
    names = {a.id: a.outlet or a.source.rsplit("/", 1)[-1] for a in articles}
    out += [story_section(s, names) for s in analysis.stories]
    out += ["# Articles", ""]
    out += [article_section(a) for a in articles]
    if analysis.failures:
        out += ["## Inputs that failed", ""]
        out += [f"- {_code(f.source)}: {md_escape(f.problem)}" for f in analysis.failures]
        out.append("")
    return "\n".join(out)
