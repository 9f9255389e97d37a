"""Markdown rendering of an analysis: one section per article, with its metadata and what was cut.

Article text is untrusted input: it is rendered as text, never as markup (see :func:`md_escape`).
"""

from __future__ import annotations

import re
from collections import Counter

from corroborator.api import Analysis, articles_in_order
from corroborator.models import Article

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


def render(analysis: Analysis) -> str:
    articles = articles_in_order(analysis.articles)
    out = [
        "# corroborator report",
        "",
        f"{len(articles)} articles from {len({a.outlet for a in articles if a.outlet})} named outlets"
        f" (generated {analysis.generated_at}).",
        "",
    ]
    out += [article_section(a) for a in articles]
    if analysis.failures:
        out += ["## Inputs that failed", ""]
        out += [f"- {_code(f.source)}: {md_escape(f.problem)}" for f in analysis.failures]
        out.append("")
    return "\n".join(out)
