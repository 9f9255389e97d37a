"""The clusterer's state as JSON-ready data, and back: what the store persists between runs.

Saved: document frequencies, every article (kept terms and raw weights, day, story, arrival order,
indexed terms, neighbours and when they were looked up) and every story (members, centroid, days).
Rebuilt on load: the inverted index (articles re-indexed in arrival order, so the same articles
survive the per-term cap) and each story's neighbour counts. Floats are rounded to 6 significant
digits; a loaded clusterer places new articles as the saved one would (up to that rounding).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Mapping
from dataclasses import fields
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
            "linked": m.linked,
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
            linked=int(row.get("linked", 0)),
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


# --- per-row format: one article, one story (what the store keeps, row by row) -------------------
#
# Unlike :func:`to_data`, rows keep exact values (float32 weights at 9 significant digits, doubles as
# repr, every field including cached norms and a story's neighbour counts), so a clusterer whose rows
# are loaded on demand places articles exactly as the in-memory one would. Fields are taken from the
# dataclasses, so a field added to Member or Story is kept too (rows without it get its default).

ROW_VERSION = 1
_MEMBER_COLUMNS = frozenset({"story", "seq"})  # kept beside the row, as table columns
_STORY_COLUMNS = frozenset({"id", "seq", "first_day", "last_day"})


def _f32(value: float) -> float:
    return float(f"{value:.9g}")


def _plain(value: Any) -> Any:
    if isinstance(value, array):
        return [_f32(v) for v in value]
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def member_row(member: Member) -> dict[str, Any]:
    """An article's state as JSON-ready data, without its story and arrival order."""
    row = {f.name: _plain(getattr(member, f.name)) for f in fields(Member) if f.name not in _MEMBER_COLUMNS}
    row["neighbors"] = [[a, sim] for sim, a in member.neighbors]
    return row


def member_from_row(row: Mapping[str, Any], story: str, seq: int) -> Member:
    values: dict[str, Any] = {"story": story, "seq": seq}
    for f in fields(Member):
        if f.name in _MEMBER_COLUMNS or f.name not in row:
            continue
        value = row[f.name]
        if f.name in ("terms", "indexed"):
            value = tuple(value)
        elif f.name == "weights":
            value = array("f", value)
        elif f.name == "neighbors":
            value = [(float(sim), a) for a, sim in value]
        values[f.name] = value
    return Member(**values)


def story_row(story: Story) -> dict[str, Any]:
    """A story's state as JSON-ready data, without its id, creation order and days."""
    return {f.name: _plain(getattr(story, f.name)) for f in fields(Story) if f.name not in _STORY_COLUMNS}


def story_from_row(
    row: Mapping[str, Any], story_id: str, seq: int, first_day: int | None, last_day: int | None
) -> Story:
    values: dict[str, Any] = {"id": story_id, "seq": seq, "first_day": first_day, "last_day": last_day}
    for f in fields(Story):
        if f.name in _STORY_COLUMNS or f.name not in row:
            continue
        value = row[f.name]
        if f.name == "centroid":
            value = {t: float(v) for t, v in value.items()}
        values[f.name] = value
    return Story(**values)


def snapshot(record: Member | Story) -> tuple[Any, ...]:
    """A copy of every field's value, to tell later whether the record changed."""
    out: list[Any] = []
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, list):
            value = tuple(value)
        elif isinstance(value, dict):
            value = tuple(value.items())
        elif isinstance(value, array):
            value = value.tobytes()
        out.append(value)
    return tuple(out)
