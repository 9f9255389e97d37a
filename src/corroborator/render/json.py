"""The ``corroborator-report/1`` JSON contract (``../shared/report-schema.md``).

:func:`report` builds the plain-data report; :func:`schema` returns the published JSON Schema it
validates against (shipped as ``corroborator/data/report.schema.json``).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from corroborator.api import Analysis
from corroborator.models import Article

FORMAT = "corroborator-report/1"


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "published": article.published,
        "published_inferred": None,
        "language": article.language,
        "body": article.body,
        "captions": [{"text": c.text, "credit": c.credit} for c in article.captions],
        "removed": [{"text": r.text, "reason": r.reason.value} for r in article.removed],
    }


def report(analysis: Analysis) -> dict[str, Any]:
    """The report as plain data. Stories come with later pipeline stages; until then the list is empty."""
    return {
        "format": FORMAT,
        "generated_at": analysis.generated_at,
        "articles": [article_json(a) for a in analysis.articles],
        "failures": [{"source": f.source, "problem": f.problem} for f in analysis.failures],
        "stories": [],
    }


def dumps(analysis: Analysis) -> str:
    return json.dumps(report(analysis), ensure_ascii=False, indent=2) + "\n"


def schema() -> dict[str, Any]:
    """The published JSON Schema of the report."""
    text = resources.files("corroborator").joinpath("data/report.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
