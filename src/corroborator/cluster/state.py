"""The clusterer's state as JSON-ready data, and back: what the store persists between runs.

Saved: document frequencies, every article (kept terms and raw weights, day, story, arrival order,
indexed terms, neighbours) and every story (members, centroid, days). Rebuilt on load: the inverted
index (articles re-indexed in arrival order, so the same articles survive the per-term cap) and each
story's neighbour counts. Floats are rounded to 6 significant digits; a loaded clusterer places new
articles as the saved one would (up to that rounding).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Mapping
from typing import Any

from corroborator.cluster.online import Member, Story, StoryClusterer, _count
from corroborator.config import ClusterConfig

DATA_VERSION = 1


def _r(value: float) -> float:
    return float(f"{value:.6g}")


def to_data(clusterer: StoryClusterer) -> dict[str, Any]:
    """The whole state as JSON-ready data (lists, dicts, strings and numbers)."""
    articles = [
        {
            "id": article_id,
            "story": m.story,
            "day": m.day,
            "seq": m.seq,
            "terms": list(m.terms),
            "weights": [_r(w) for w in m.weights],
            "indexed": list(m.indexed),
            "neighbors": [[a, _r(sim)] for sim, a in m.neighbors],
        }
        for article_id, m in sorted(clusterer.members.items(), key=lambda kv: kv[1].seq)
    ]
    stories = [
        {
            "id": s.id,
            "seq": s.seq,
            "members": list(s.members),
            "centroid": {t: _r(v) for t, v in s.centroid.items()},
            "centroid_docs": s.centroid_docs,
            "first_day": s.first_day,
            "last_day": s.last_day,
        }
        for s in sorted(clusterer.by_story.values(), key=lambda s: s.seq)
    ]
    return {
        "version": DATA_VERSION,
        "docs": clusterer.docs,
        "seq": clusterer.seq,
        "df": dict(clusterer.df),
        "articles": articles,
        "stories": stories,
        "touched": list(clusterer.touched),
    }


def from_data(
    data: Mapping[str, Any], config: ClusterConfig | None = None, kind: type[StoryClusterer] = StoryClusterer
) -> StoryClusterer:
    """Rebuild a clusterer saved by :func:`to_data` (``ValueError`` for data of another version)."""
    if data.get("version") != DATA_VERSION:
        raise ValueError(f"story clusterer data version {data.get('version')!r}, expected {DATA_VERSION}")
    clusterer = kind(config)
    clusterer.docs = int(data["docs"])
    clusterer.seq = int(data["seq"])
    clusterer.df = {sys.intern(t): int(n) for t, n in data["df"].items()}
    for row in data["articles"]:
        member = Member(
            story=row["story"],
            day=row["day"],
            terms=tuple(sys.intern(t) for t in row["terms"]),
            weights=array("f", row["weights"]),
            seq=int(row["seq"]),
            indexed=tuple(sys.intern(t) for t in row["indexed"]),
            neighbors=[(float(sim), a) for a, sim in row["neighbors"]],
        )
        clusterer.members[row["id"]] = member
        for term in member.indexed:
            posting = clusterer.postings.setdefault(term, {})
            posting[row["id"]] = None
            if len(posting) > clusterer.config.max_postings:
                del posting[next(iter(posting))]
    for row in data["stories"]:
        story = Story(
            id=row["id"],
            seq=int(row["seq"]),
            members=list(row["members"]),
            centroid={sys.intern(t): float(v) for t, v in row["centroid"].items()},
            centroid_docs=int(row["centroid_docs"]),
            first_day=row["first_day"],
            last_day=row["last_day"],
        )
        for article_id in story.members:
            for near in clusterer.near_of(article_id, clusterer.members[article_id]):
                _count(story.counts, near, 1)
        clusterer.by_story[story.id] = story
    clusterer.touched = dict.fromkeys(data.get("touched", []))
    return clusterer
