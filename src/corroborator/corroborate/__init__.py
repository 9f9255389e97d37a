"""The corroboration stage: claims of each article, aligned across articles, their independent
support, the disagreements between reports and the story's timeline.

``extract_claims`` (per article) -> ``align_claims`` (across the story) -> ``find_contradictions``;
``claims_of`` turns aligned groups into the public :class:`~corroborator.models.Claim` records;
``corroborate_story`` runs the three over one story. ``build_timeline`` (in ``timeline.py``) is
imported when first used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from corroborator.corroborate.align import ClaimGroup, align_claims, claims_of
from corroborator.corroborate.claims import ClaimUnit, WordMemo, extract_claims
from corroborator.corroborate.contradictions import find_contradictions
from corroborator.models import Annotations, Article, Claim, Contradiction, Update

__all__ = [
    "ClaimGroup",
    "ClaimUnit",
    "Corroboration",
    "align_claims",
    "build_timeline",
    "claims_of",
    "corroborate_story",
    "extract_claims",
    "find_contradictions",
]


@dataclass(frozen=True, slots=True)
class Corroboration:
    """What the stage finds in one story."""

    units: tuple[ClaimUnit, ...]
    groups: tuple[ClaimGroup, ...]
    claims: tuple[Claim, ...]
    contradictions: tuple[Contradiction, ...]
    updates: tuple[Update, ...]


def corroborate_story(
    articles: Sequence[Article], annotations: Sequence[Annotations], report_of: Mapping[str, str]
) -> Corroboration:
    """Claims, their alignment and support, contradictions and updates of one story's articles
    (``annotations`` in the same order as ``articles``; ``report_of``: article id -> report id)."""
    memo = WordMemo()
    pairs = zip(articles, annotations, strict=True)
    units = tuple(u for a, ann in pairs for u in extract_claims(a, ann, memo=memo))
    groups = align_claims(units, report_of)
    descriptions = tuple((ann.article_id, d) for ann in annotations for d in ann.descriptions)
    contradictions, updates = find_contradictions(groups, report_of, descriptions)
    return Corroboration(units, groups, claims_of(groups), contradictions, updates)


def __getattr__(name: str) -> Any:
    if name == "build_timeline":
        from corroborator.corroborate.timeline import build_timeline  # written alongside; optional

        return build_timeline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
