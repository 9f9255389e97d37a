"""Stories in the store: which articles await placement, story listings, and the analysis cache.

The clusterer's rows are read and written by :mod:`corroborator.store.cluster_rows`; this module
answers the questions the CLI and :mod:`corroborator.stories` ask of them. Every function takes an
open :class:`~corroborator.store.Store`; writes go through one transaction each.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from corroborator.errors import StoreError
from corroborator.models import Article
from corroborator.store.cluster_rows import members_hash
from corroborator.store.codec import article_from_row
from corroborator.store.sqlite import Store

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One stored story as a listing shows it; ``reports`` is None when its analysis is not cached
    for its current members (or was cached without annotation)."""

    id: str
    size: int
    reports: int | None
    first_date: str | None  # ISO dates of the earliest and latest stated publication dates
    last_date: str | None
    title: str | None
    members_hash: str


@dataclass(frozen=True, slots=True)
class CachedAnalysis:
    """A story's cached analysis (JSON of :class:`corroborator.api.StoryAnalysis`)."""

    story_id: str
    members_hash: str
    version: str
    annotated: bool
    data: str


def _iso(day: int | None) -> str | None:
    return None if day is None else date.fromordinal(day).isoformat()


def unplaced(store: Store) -> list[tuple[str, str | None]]:
    """(id, published) of every stored article not in a story yet."""
    rows = store.connection.execute(
        "SELECT a.id, a.published FROM cluster_queue q JOIN articles a ON a.id = q.article_id"
    )
    return [(r[0], r[1]) for r in rows]


def _rows_for(store: Store, sql: str, ids: Iterable[str]) -> Iterator[Any]:
    """The rows of ``sql`` for these ids (each once), whose ``{marks}`` is the placeholder list of an
    ``IN (...)``: a chunk of ids per query, as SQLite caps the parameters of one."""
    keys = list(dict.fromkeys(ids))
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        yield from store.connection.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)


def articles_by_id(store: Store, ids: Iterable[str]) -> dict[str, Article]:
    """The stored articles with these ids (missing ids are left out)."""
    rows = _rows_for(store, "SELECT * FROM articles WHERE id IN ({marks})", ids)
    return {row["id"]: article_from_row(row) for row in rows}


def previous_texts(store: Store, ids: Iterable[str]) -> dict[str, Article]:
    """The title and body that queued, re-extracted articles were placed with (only those whose
    queue row kept them: see migration 0004), as articles with those ids."""
    sql = "SELECT article_id, previous FROM cluster_queue WHERE article_id IN ({marks}) AND previous NOT NULL"
    found: dict[str, Article] = {}
    for article_id, previous in _rows_for(store, sql, ids):
        old = json.loads(previous)
        found[article_id] = Article(id=article_id, source="", body=old["body"], title=old["title"])
    return found


def stories_of(store: Store, article_ids: Iterable[str]) -> dict[str, str]:
    """Article id -> story id of these placed articles (two columns, not their member rows)."""
    sql = "SELECT article_id, story_id FROM cluster_members WHERE article_id IN ({marks})"
    return {r[0]: r[1] for r in _rows_for(store, sql, article_ids)}


def count_unplaced(store: Store) -> int:
    """How many stored articles are not in a story yet."""
    row = store.connection.execute("SELECT count(*) FROM cluster_queue").fetchone()
    return int(row[0])


def count_stories(store: Store) -> int:
    return int(store.connection.execute("SELECT count(*) FROM cluster_stories").fetchone()[0])


_EARLIEST = (
    "FROM cluster_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id {extra} "
    "ORDER BY a.published IS NULL, a.published, a.source LIMIT 1"
)
# an untitled story is shown by the first line of its earliest article, cut at 80 characters
_FIRST_LINE = "instr(a.body || char(10), char(10)) - 1"
_TITLE = (
    "coalesce((SELECT a.title " + _EARLIEST.format(extra="AND a.title IS NOT NULL AND a.title <> ''") + "), "
    f"(SELECT CASE WHEN {_FIRST_LINE} > 80 THEN substr(a.body, 1, 79) || '…' "
    f"ELSE substr(a.body, 1, {_FIRST_LINE}) END " + _EARLIEST.format(extra="") + "))"
)


def story_rows(
    store: Store, version: str, *, limit: int | None = None, story_id: str | None = None
) -> list[StoryRow]:
    """Stored stories, latest first (by their latest stated date; undated ones last), then larger first.

    ``version`` is the analysis version whose cached report counts are shown; the title is that of
    the earliest article with one (by stated date, then source), else the start of the earliest
    article's body.
    """
    where = "WHERE s.id = :id" if story_id is not None else ""
    rows = store.connection.execute(
        f"SELECT s.id, s.size, s.first_day, s.last_day, s.members_hash, {_TITLE} AS title, "
        "(SELECT c.reports FROM story_analyses c WHERE c.story_id = s.id AND c.annotated = 1 "
        " AND c.version = :version AND c.members_hash = s.members_hash) AS reports "
        f"FROM cluster_stories s {where} "
        "ORDER BY s.last_day IS NULL, s.last_day DESC, s.size DESC, s.seq LIMIT :limit",
        {"version": version, "limit": -1 if limit is None else limit, "id": story_id},
    )
    return [
        StoryRow(r["id"], r["size"], r["reports"], _iso(r["first_day"]), _iso(r["last_day"]), r["title"],
                 r["members_hash"])
        for r in rows
    ]


def resolve_story(store: Store, prefix: str) -> str:
    """The one story id starting with ``prefix`` (like article ids)."""
    prefix = prefix.strip()
    if not prefix:
        raise StoreError("empty story id: give the first characters of an id from `corroborator stories`")
    rows = store.connection.execute(
        "SELECT id FROM cluster_stories WHERE id >= ? ORDER BY id LIMIT 6", (prefix,)
    )
    matches = [r[0] for r in rows if r[0].startswith(prefix)]
    if prefix in matches:
        return prefix
    if not matches:
        raise StoreError(f"no story id starts with {prefix!r} in store {store.path}; list them with "
                         "`corroborator stories`")
    if len(matches) > 1:
        shown = ", ".join(matches[:5]) + (", …" if len(matches) > 5 else "")
        raise StoreError(f"story id {prefix!r} is ambiguous ({shown}); give more characters")
    return str(matches[0])


def story_members(store: Store, story_id: str) -> tuple[str, ...]:
    """The story's article ids in arrival order (empty when there is no such story)."""
    rows = store.connection.execute(
        "SELECT article_id FROM cluster_members WHERE story_id = ? ORDER BY seq", (story_id,)
    )
    return tuple(r[0] for r in rows)


def cached_analysis(store: Store, story_id: str) -> CachedAnalysis | None:
    row = store.connection.execute(
        "SELECT story_id, members_hash, version, annotated, data FROM story_analyses WHERE story_id = ?",
        (story_id,),
    ).fetchone()
    return None if row is None else CachedAnalysis(row[0], row[1], row[2], bool(row[3]), row[4])


def put_analyses(store: Store, rows: Iterable[tuple[str, tuple[str, ...], str, bool, int, str]]) -> None:
    """Cache (story id, member ids, version, annotated, reports, JSON) analyses in one transaction."""
    with store.transaction() as conn:
        now = store._now()
        conn.executemany(
            "INSERT OR REPLACE INTO story_analyses "
            "(story_id, members_hash, version, annotated, reports, data, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((s, members_hash(ids), v, int(a), n, data, now) for s, ids, v, a, n, data in rows),
        )
