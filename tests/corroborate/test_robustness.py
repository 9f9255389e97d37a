"""Disagreement detection on hand-written pairs of short reports, through the real pipeline:
articles built by hand -> Annotator (spaCy) -> claims -> alignment -> contradictions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from corroborator.annotate.pipeline import Annotator
from corroborator.corroborate import corroborate_story
from corroborator.models import Article

PAIRS = Path(__file__).with_name("robustness_pairs.yaml")
FLOOR = 0.9


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()  # spaCy loads once for the module, on first use


def _article(pair_id: str, side: str, spec: dict[str, Any]) -> Article:
    return Article(
        id=f"{pair_id}-{side}",
        source=f"{pair_id}-{side}.txt",
        body=spec["text"],
        published=str(spec["published"]),
    )


def _detected(pair: dict[str, Any], annotator: Annotator) -> bool:
    articles = [_article(pair["id"], side, pair[side]) for side in ("a", "b")]
    story = annotator.annotate_story(articles)
    found = corroborate_story(articles, story.articles, {a.id: a.id for a in articles})
    return bool(found.contradictions)


def test_pairs_are_half_disagreeing() -> None:
    pairs = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))["pairs"]
    assert len(pairs) >= 30
    disagreeing = sum(1 for p in pairs if p["disagree"])
    assert abs(2 * disagreeing - len(pairs)) <= 2


def test_disagreements_are_detected_with_precision_and_recall(annotator: Annotator) -> None:
    pairs = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))["pairs"]
    tp = fp = fn = 0
    misses = []
    for pair in pairs:
        detected = _detected(pair, annotator)
        tp += detected and pair["disagree"]
        fp += detected and not pair["disagree"]
        fn += not detected and pair["disagree"]
        if detected != pair["disagree"]:
            misses.append(pair["id"])
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    summary = f"precision {precision:.3f} recall {recall:.3f} over {len(pairs)} pairs"
    print(f"\nrobustness: {summary}; wrong: {misses}")
    assert precision >= FLOOR, misses
    assert recall >= FLOOR, misses
