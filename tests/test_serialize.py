from __future__ import annotations

import json

from corroborator.models import (
    Annotations,
    Description,
    EntityType,
    Evidence,
    IndependentReport,
    InferredDate,
    Mention,
    Precision,
    Quantity,
    QuantityKind,
    Quote,
    ReportTie,
    Span,
    TimeExpression,
)
from corroborator.serialize import decode, to_data


def test_annotations_round_trip_through_json() -> None:
    original = Annotations(
        article_id="abc",
        sentences=(Span(0, 10), Span(11, 30)),
        mentions=(
            Mention("Ann Lee", Span(0, 7), EntityType.PERSON),
            Mention("Oslo", Span(2, 6), EntityType.GPE, 1),
        ),
        descriptions=(Description("Ann Lee", "a geologist", Span(9, 20)),),
        quotes=(
            Quote(
                "We are ready", Span(1, 13), speaker="Ann Lee", speaker_span=None, told_to="AFP", partial=True
            ),
        ),
        quantities=(Quantity("$5m", Span(3, 6), 5_000_000.0, "USD", QuantityKind.MONEY, period="2023"),),
        times=(TimeExpression("last year", Span(4, 13), "2022", Precision.YEAR, relative=True),),
        published_inferred=InferredDate("2023-10-17", "same event as a dated report"),
    )
    text = json.dumps(to_data(original))
    assert decode(Annotations, json.loads(text)) == original


def test_reports_with_ties_round_trip_through_json() -> None:
    """A story's cached analysis keeps why articles sharing no text are one report."""
    credit = Evidence("blog", Span(0, 22), "THR is reporting that")
    ties = (ReportTie("blog", "thr", "relays THR", credit), ReportTie("thr", "blog", "both by X"))
    original = IndependentReport("r1", "The Hollywood Reporter, own reporting", ("blog", "thr"), ties)
    assert decode(IndependentReport, json.loads(json.dumps(to_data(original)))) == original


def test_integral_floats_come_back_as_floats() -> None:
    q = decode(
        Quantity, {"text": "3", "span": {"start": 0, "end": 1}, "value": 3, "unit": "count", "kind": "count"}
    )
    assert isinstance(q.value, float) and q.kind is QuantityKind.COUNT
