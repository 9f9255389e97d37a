"""The story clusterer's state in the store, row by row: load on demand, write back what changed.

:class:`ClusterRows` builds a :class:`~corroborator.cluster.StoryClusterer` whose ``df``, ``members``,
``by_story`` and ``postings`` are :class:`~corroborator.store.lazy.LazyDict` views of the tables of
migration 0003, so placing one article reads the rows that placement looks at (its terms' document
frequencies and postings, its candidates, their stories) and not the other 100,000.
:meth:`ClusterRows.write` then writes back, in the caller's transaction, only the rows that changed
(compared with a fingerprint taken when each row was loaded) and says which stories changed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from corroborator.cluster import StoryClusterer
from corroborator.cluster.online import Member, Story
from corroborator.cluster.state import (
    ROW_VERSION,
    member_from_row,
    member_row,
    snapshot,
    story_from_row,
    story_row,
)
from corroborator.config import ClusterConfig
from corroborator.errors import StoreError
from corroborator.models import content_hash
from corroborator.store.lazy import LazyDict

_CHUNK = 500  # ids per IN (...) query


def _chunks(keys: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(keys), _CHUNK):
        yield keys[start : start + _CHUNK]


def _marks(keys: list[str]) -> str:
    return ",".join("?" * len(keys))


def config_fingerprint(config: ClusterConfig) -> str:
    """The settings a stored state was built with (other settings would place articles differently)."""
    return json.dumps({name: getattr(config, name) for name in config.__dataclass_fields__}, sort_keys=True)


# Settings added to ClusterConfig after stories could first be stored, with the value the code before
# them acted on (where that is not their default): a stored fingerprint without them was built so.
_BEFORE: dict[str, object] = {"background_docs": 0.0}
# Settings that do not change where articles go (only what is shown about stories)
_NOT_PLACING = frozenset({"related_similarity"})


def _saved_settings(stored: str) -> dict[str, object]:
    saved = json.loads(stored)
    known = ClusterConfig.__dataclass_fields__
    return {name: saved.get(name, _BEFORE.get(name, spec.default)) for name, spec in known.items()}


def other_settings(stored: str, config: ClusterConfig) -> list[str]:
    """The settings that place articles in which ``config`` differs from a stored fingerprint's, as
    ``name = stored``; a setting added to ClusterConfig since the stories were stored has the value
    the code then acted on (its default, or its value in ``_BEFORE``)."""
    saved = _saved_settings(stored)
    return [
        f"{name} = {value}"
        for name, value in saved.items()
        if name not in _NOT_PLACING and getattr(config, name) != value
    ]


def same_settings(stored: str, config: ClusterConfig) -> bool:
    """Whether ``config`` is the stored fingerprint's settings (see :func:`other_settings`)."""
    return not other_settings(stored, config)


def stored_config(conn: sqlite3.Connection) -> ClusterConfig | None:
    """The settings the stored stories were clustered with (None when there are none yet)."""
    row = conn.execute("SELECT value FROM cluster_meta WHERE key = 'config'").fetchone()
    if row is None:
        return None
    return ClusterConfig(**_saved_settings(row[0]))  # type: ignore[arg-type]


def members_hash(article_ids: Iterable[str]) -> str:
    """The key of a story's membership (the analysis cache is valid while it is unchanged)."""
    return content_hash("\n".join(sorted(article_ids)))


@dataclass(frozen=True, slots=True)
class StoryChanges:
    """Which stories a write changed: created, whose member set changed, and gone (merged away)."""

    new: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    @property
    def touched(self) -> tuple[str, ...]:
        """Stories whose analysis must be recomputed (new and updated)."""
        return (*self.new, *self.updated)


class _StoredClusterer(StoryClusterer):
    """The clusterer, fetching a placement's candidate rows in one query instead of one by one."""

    def candidates(self, member: Member, exclude: str) -> list[str]:
        found = super().candidates(member, exclude)
        members = self.members
        if isinstance(members, LazyDict):
            members.prefetch(found)
        return found


class ClusterRows:
    """The stored clusterer state of one connection (use inside one write transaction)."""

    def __init__(self, conn: sqlite3.Connection, config: ClusterConfig | None = None) -> None:
        self.conn = conn
        config = config or ClusterConfig()
        meta = {r[0]: r[1] for r in conn.execute("SELECT key, value FROM cluster_meta")}
        empty = not meta
        if not empty:
            if meta.get("version") != str(ROW_VERSION):
                raise StoreError(
                    f"stories in this store were saved in format {meta.get('version')!r}, this code "
                    f"reads format {ROW_VERSION}; rebuild them (`corroborator stories --rebuild`)"
                )
            differ = other_settings(meta.get("config", "{}"), config)
            if differ:
                raise StoreError(
                    f"stories in this store were clustered with other [cluster] settings ({', '.join(differ)}"
                    "); use the same settings, or rebuild them with these (`corroborator stories --rebuild`)"
                )
        self._df0: dict[str, int] = {}
        self._members0: dict[str, tuple[Any, ...]] = {}
        self._stories0: dict[str, tuple[Any, ...]] = {}
        self._story_members0: dict[str, frozenset[str]] = {}
        self._postings0: dict[str, dict[str, int]] = {}
        c = _StoredClusterer(config)
        c.docs = int(meta.get("docs", 0))
        c.seq = int(meta.get("seq", 0))
        c.touched = dict.fromkeys(json.loads(meta.get("touched", "[]")))
        c.df = LazyDict(self._fetch_df, lambda: self._fetch_df(None), complete=empty)
        c.members = LazyDict(self._fetch_members, lambda: self._fetch_members(None), complete=empty)
        c.by_story = LazyDict(self._fetch_stories, lambda: self._fetch_stories(None), complete=empty)
        c.postings = LazyDict(self._fetch_postings, lambda: self._fetch_postings(None), complete=empty)
        self.clusterer: StoryClusterer = c

    # --- fetching --------------------------------------------------------------------------------

    def _rows(self, sql: str, column: str, keys: list[str] | None) -> Iterator[sqlite3.Row]:
        """``sql`` has ``{where}``: all rows when ``keys`` is None, else those whose ``column`` is in
        ``keys``."""
        if keys is None:
            yield from self.conn.execute(sql.format(where="1"))
            return
        for chunk in _chunks(keys):
            yield from self.conn.execute(sql.format(where=f"{column} IN ({_marks(chunk)})"), chunk)

    def _fetch_df(self, keys: list[str] | None) -> dict[str, int]:
        sql = "SELECT term, n FROM cluster_df WHERE {where}"
        found = {r[0]: int(r[1]) for r in self._rows(sql, "term", keys)}
        for term, n in found.items():
            self._df0.setdefault(term, n)
        return found

    def _fetch_members(self, keys: list[str] | None) -> dict[str, Member]:
        sql = "SELECT article_id, story_id, seq, data FROM cluster_members WHERE {where}"
        found: dict[str, Member] = {}
        for r in self._rows(sql, "article_id", keys):
            if r[0] in self._members0:
                continue  # loaded before (then deleted or replaced here): keep the live one
            member = member_from_row(json.loads(r[3]), r[1], int(r[2]))
            self._members0[r[0]] = snapshot(member)
            found[r[0]] = member
        df = self.clusterer.df
        if isinstance(df, LazyDict) and keys is not None:
            df.prefetch(t for m in found.values() for t in m.terms)  # norms and cosines read them all
        return found

    def _fetch_stories(self, keys: list[str] | None) -> dict[str, Story]:
        sql = "SELECT id, seq, first_day, last_day, data FROM cluster_stories WHERE {where}"
        found: dict[str, Story] = {}
        for r in self._rows(sql, "id", keys):
            if r[0] in self._stories0:
                continue
            story = story_from_row(json.loads(r[4]), r[0], int(r[1]), r[2], r[3])
            self._stories0[r[0]] = snapshot(story)
            self._story_members0[r[0]] = frozenset(story.members)
            found[r[0]] = story
        return found

    def _fetch_postings(self, keys: list[str] | None) -> dict[str, dict[str, None]]:
        sql = "SELECT term, seq, article_id FROM cluster_postings WHERE {where} ORDER BY term, seq"
        seqs: dict[str, dict[str, int]] = {}
        for r in self._rows(sql, "term", keys):
            seqs.setdefault(r[0], {})[r[2]] = int(r[1])
        found: dict[str, dict[str, None]] = {}
        for term, posting in seqs.items():
            if term not in self._postings0:
                self._postings0[term] = posting
                found[term] = dict.fromkeys(posting)
        return found

    def prefetch_df(self, terms: Iterable[str]) -> None:
        """Load the document frequencies of these terms in a few queries (before adding articles)."""
        df = self.clusterer.df
        if isinstance(df, LazyDict):
            df.prefetch(terms)

    def prefetch_story_members(self, story_ids: Iterable[str]) -> None:
        """Load the members of these stories in a few queries (before regrouping them)."""
        c = self.clusterer
        ids = [a for s in story_ids if s in c.by_story for a in c.by_story[s].members]
        if isinstance(c.members, LazyDict):
            c.members.prefetch(ids)

    # --- writing ---------------------------------------------------------------------------------

    def write(self, placed_again: Iterable[str] = ()) -> StoryChanges:
        """Write back every changed row (call inside the transaction the state was read in);
        ``placed_again``: queued articles that were already in a story (re-extracted) and have been
        placed again, so they leave the queue too."""
        c, conn = self.clusterer, self.conn
        meta = {
            "version": str(ROW_VERSION),
            "docs": str(c.docs),
            "seq": str(c.seq),
            "config": config_fingerprint(c.config),
            "touched": json.dumps(list(c.touched)),
        }
        conn.executemany("INSERT OR REPLACE INTO cluster_meta (key, value) VALUES (?, ?)", meta.items())
        df = _loaded(c.df)
        changed = [(t, n) for t, n in df.items() if self._df0.get(t) != n]
        upsert = "INSERT OR REPLACE INTO cluster_df (term, n) VALUES (?, ?)"
        conn.executemany(upsert, (r for r in changed if r[1] > 0))
        # a re-extracted article's old term that no other article has
        conn.executemany("DELETE FROM cluster_df WHERE term = ?", ((t,) for t, n in changed if n <= 0))
        members = _loaded(c.members)
        conn.executemany(
            "INSERT OR REPLACE INTO cluster_members (article_id, story_id, seq, data) VALUES (?, ?, ?, ?)",
            (
                (a, m.story, m.seq, json.dumps(member_row(m), separators=(",", ":")))
                for a, m in members.items()
                if self._members0.get(a) != snapshot(m)
            ),
        )
        placed = [(a,) for a in members if a not in self._members0]
        placed += ((a,) for a in placed_again)
        conn.executemany("DELETE FROM cluster_queue WHERE article_id = ?", placed)
        self._write_postings()
        return self._write_stories()

    def _write_postings(self) -> None:
        c, conn = self.clusterer, self.conn
        for term, posting in _loaded(c.postings).items():
            old = self._postings0.get(term, {})
            if list(old) == list(posting):
                continue
            conn.executemany(
                "DELETE FROM cluster_postings WHERE term = ? AND seq = ?",
                ((term, seq) for a, seq in old.items() if a not in posting),
            )
            conn.executemany(
                "INSERT OR REPLACE INTO cluster_postings (term, seq, article_id) VALUES (?, ?, ?)",
                ((term, c.members[a].seq, a) for a in posting if a not in old),
            )
        deleted = c.postings.deleted if isinstance(c.postings, LazyDict) else set()
        conn.executemany("DELETE FROM cluster_postings WHERE term = ?", ((t,) for t in deleted))

    def _write_stories(self) -> StoryChanges:
        c, conn = self.clusterer, self.conn
        stories = _loaded(c.by_story)
        removed = sorted(
            s for s in (c.by_story.deleted if isinstance(c.by_story, LazyDict) else ())
            if s in self._stories0 and s not in stories
        )
        conn.executemany("DELETE FROM cluster_stories WHERE id = ?", ((s,) for s in removed))
        conn.executemany("DELETE FROM story_analyses WHERE story_id = ?", ((s,) for s in removed))
        new: list[str] = []
        updated: list[str] = []
        rows = []
        for story_id, story in stories.items():
            before = self._stories0.get(story_id)
            if before is not None and before == snapshot(story):
                continue
            if before is None:
                new.append(story_id)
            elif self._story_members0[story_id] != frozenset(story.members):
                updated.append(story_id)
            data = json.dumps(story_row(story), separators=(",", ":"))
            rows.append((story_id, story.seq, len(story.members), story.first_day, story.last_day,
                         members_hash(story.members), data))
        conn.executemany(
            "INSERT OR REPLACE INTO cluster_stories (id, seq, size, first_day, last_day, members_hash, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return StoryChanges(tuple(sorted(new)), tuple(sorted(updated)), tuple(removed))


def _loaded(values: Mapping[str, Any]) -> dict[str, Any]:
    return values.loaded() if isinstance(values, LazyDict) else dict(values)


def clear(conn: sqlite3.Connection) -> None:
    """Forget the stored clusterer state (not the cached analyses: their keys stay valid)."""
    for table in ("cluster_meta", "cluster_df", "cluster_members", "cluster_stories", "cluster_postings"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE cluster_queue SET previous = NULL")  # no terms are counted any more
    conn.execute("INSERT OR IGNORE INTO cluster_queue (article_id) SELECT id FROM articles")


def write_whole(conn: sqlite3.Connection, clusterer: StoryClusterer) -> None:
    """Write an in-memory clusterer's whole state into empty tables (bulk: benchmarks, rebuilds)."""
    rows = ClusterRows(conn, clusterer.config)
    if rows.clusterer.docs or rows.clusterer.seq:
        raise StoreError("the store already holds stories; clear them before writing a whole state")
    target = rows.clusterer
    target.docs, target.seq, target.touched = clusterer.docs, clusterer.seq, dict(clusterer.touched)
    for name in ("df", "members", "by_story", "postings"):
        lazy = getattr(target, name)
        for key, value in getattr(clusterer, name).items():
            lazy[key] = value
    rows.write()
