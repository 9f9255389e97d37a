"""The JSON report of a hand-built analysis against the published schema."""

from __future__ import annotations

from dataclasses import replace

import jsonschema
import pytest

from corroborator.api import Analysis, RelatedStory
from corroborator.models import Evidence, ReportTie, Span
from corroborator.render.json import report, schema


def test_related_stories_are_in_the_report_and_valid(analysis: Analysis) -> None:
    related = RelatedStory("t" * 16, "Bridge closed again", 0.123456, ("Kellby Bridge", "4.1 million"), None)
    story = replace(analysis.stories[0], related=(related,))
    data = report(replace(analysis, stories=(story,)))
    jsonschema.validate(data, schema())
    assert data["stories"][0]["related"] == [{
        "story": "t" * 16, "title": "Bridge closed again", "similarity": 0.123,
        "shared": ["Kellby Bridge", "4.1 million"], "days_apart": None,
    }]
    assert report(analysis)["stories"][0]["related"] == []  # listed even when there is none
    bad = {**data["stories"][0], "related": [{**data["stories"][0]["related"][0], "similarity": 2}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "stories": [bad]}, schema())


def test_report_ties_are_in_the_report_and_valid(analysis: Analysis) -> None:
    story = analysis.stories[0]
    first, *rest = story.reports
    a, b = (first.article_ids * 2)[:2]
    body = next(x.body for x in analysis.articles if x.id == a)
    tie = ReportTie(a, b, "relays The Daily Planet", Evidence(a, Span(0, 5), body[:5]))
    tied = replace(first, ties=(tie, ReportTie(b, a, "both by The Daily Planet")))
    data = report(replace(analysis, stories=(replace(story, reports=(tied, *rest)),)))
    jsonschema.validate(data, schema())
    assert data["stories"][0]["reports"][0]["ties"] == [
        {"article": a, "with": b, "why": "relays The Daily Planet",
         "evidence": {"article": a, "text": body[:5], "span": [0, 5]}},
        {"article": b, "with": a, "why": "both by The Daily Planet", "evidence": None},
    ]  # fmt: skip
    assert all(r["ties"] == [] for r in report(analysis)["stories"][0]["reports"])
