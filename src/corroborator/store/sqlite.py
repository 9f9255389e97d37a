"""The SQLite store: articles keyed by content hash, one writer, readers apart.

Discipline (see docs/store.md):

- WAL journal, ``synchronous=NORMAL``, ``foreign_keys=ON``, ``busy_timeout`` from :class:`StoreConfig`.
- One writer: opening a file store for writing takes an exclusive ``flock`` on ``<path>.lock`` for the
  store's lifetime (the kernel drops it when the process dies, even on SIGKILL); a second writer
  waits up to ``busy_timeout_ms`` and then gets a :class:`StoreError`. Every write is also one
  ``BEGIN IMMEDIATE`` transaction, so a crash or Ctrl-C loses at most the batch in flight.
  ``read_only=True`` opens take no lock (for a web UI or reports while an ingest runs).
- Schema changes are numbered SQL files applied by :mod:`corroborator.store.migrate` when a store is
  opened for writing. A store newer than the code is refused.
- Article ids are content hashes of the raw input, so the same input added twice is stored once; a
  source whose content changed gets a new article linked to the previous one (``versions``).
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Self

from corroborator.config import StoreConfig
from corroborator.errors import StoreError
from corroborator.models import Article, Failure
from corroborator.store.codec import ARTICLE_COLUMNS, article_from_row, article_to_row
from corroborator.store.migrate import migrate

MEMORY = ":memory:"
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_SUMMARY_COLUMNS = "id, source, title, outlet, byline, published, chars, created_at"
_UPDATABLE = tuple(c for c in ARTICLE_COLUMNS if c not in ("id", "source", "created_at"))
_EXTRACTED = tuple(c for c in _UPDATABLE if c != "extractor_version")  # what extraction made of it


class AddStatus(StrEnum):
    """What :meth:`Store.add_article` did."""

    NEW = "new"  # first time this content and this source are seen
    UNCHANGED = "unchanged"  # this content is already stored with this extractor version
    NEW_VERSION = "new_version"  # new content for a known source: linked to the previous article
    REEXTRACTED = "reextracted"  # same input, extracted otherwise by another extractor version: replaced


@dataclass(frozen=True, slots=True)
class AddResult:
    article_id: str
    status: AddStatus
    previous_id: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of a listing: no body, its length in characters instead."""

    id: str
    source: str
    title: str | None
    outlet: str | None
    byline: str | None
    published: str | None
    chars: int
    created_at: str


def _explain(path: str, exc: sqlite3.Error) -> StoreError:
    message = str(exc)
    if "not a database" in message:
        problem = "is not a SQLite database; pass another store path or move this file away"
    elif "readonly" in message or "unable to open" in message:
        problem = "cannot be written; check that the file and its folder exist and are writable"
    elif "locked" in message or "busy" in message:
        problem = "is busy (another process holds a write); retry, or raise store.busy_timeout_ms"
    else:
        problem = "failed"
    return StoreError(f"store {path} {problem} ({message})")


def _check_writable(path: Path) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise StoreError(f"store {path}: folder {folder} does not exist; create it or pass another path")
    if path.is_dir():
        raise StoreError(f"store {path} is a directory; pass a file path such as {path / 'corroborator.db'}")
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(f"store {path} is not writable; fix its permissions or pass another path")
    if not os.access(folder, os.W_OK):
        raise StoreError(
            f"store {path}: folder {folder} is not writable (WAL keeps files beside the store); "
            "fix permissions or pass another store path"
        )


def _lock(path: Path, timeout_ms: int) -> int:
    """Take the writer lock ``<path>.lock``, waiting up to ``timeout_ms``; returns its descriptor."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(
            f"store {path}: cannot create lock file {lock_path} ({exc}); "
            "its folder must be writable: fix permissions or pass another store path"
        ) from exc
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if time.monotonic() < deadline:
                time.sleep(0.02)
                continue
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise StoreError(
                f"store {path} is in use by another writer (pid {holder}, lock {lock_path}); "
                f"waited {timeout_ms} ms: let it finish, or raise store.busy_timeout_ms"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        return fd


class Store:
    """An open store. Use :meth:`open`, as a context manager: ``with Store.open(path) as store: ...``."""

    def __init__(self, conn: sqlite3.Connection, path: str, lock_fd: int | None, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self._lock_fd = lock_fd
        self.read_only = read_only
        self._last_time: datetime | None = None

    @classmethod
    def open(cls, path: Path | str, config: StoreConfig | None = None, *, read_only: bool = False) -> Store:
        """Open (creating and migrating if needed) the store at ``path``; ``":memory:"`` for tests.

        ``config.busy_timeout_ms`` bounds every wait for another writer; ``config.path`` is not used.
        """
        config = config or StoreConfig()
        name = str(path)
        if name == MEMORY and read_only:
            raise StoreError("a read-only in-memory store would always be empty; open it without read_only")
        if name != MEMORY:
            if read_only and not Path(name).is_file():
                raise StoreError(f"store {name} does not exist; run an ingest first or pass another path")
            if not read_only:
                _check_writable(Path(name))
        lock_fd = None if read_only or name == MEMORY else _lock(Path(name), config.busy_timeout_ms)
        conn: sqlite3.Connection | None = None
        try:
            target = Path(name).resolve().as_uri() + "?mode=ro" if read_only else name
            conn = sqlite3.connect(
                target, uri=read_only, timeout=config.busy_timeout_ms / 1000, isolation_level=None
            )
            conn.row_factory = sqlite3.Row
            store = cls(conn, name, lock_fd, read_only)
            store._prepare(config.busy_timeout_ms)
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if lock_fd is not None:
                os.close(lock_fd)
            if isinstance(exc, sqlite3.Error):
                raise _explain(name, exc) from exc
            raise
        return store

    def _prepare(self, busy_timeout_ms: int) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if self.read_only:
            conn.execute("PRAGMA query_only = ON")
        else:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode != "wal" and self.path != MEMORY:
                raise StoreError(f"store {self.path}: cannot use WAL journal mode (got {mode!r})")
            conn.execute("PRAGMA synchronous = NORMAL")
        migrate(self._conn, self.path, read_only=self.read_only)
        if not self.read_only:
            last = conn.execute("SELECT max(last_seen) FROM sources").fetchone()[0]
            self._last_time = datetime.strptime(last, _TIME_FORMAT).replace(tzinfo=UTC) if last else None

    def schema_version(self) -> int:
        return int(self._conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0)

    # -- writing --------------------------------------------------------------------------------

    def _now(self) -> str:
        """UTC time, strictly increasing within this store (so "latest sighting" is well defined)."""
        now = datetime.now(UTC)
        if self._last_time is not None and now <= self._last_time:
            now = self._last_time + timedelta(microseconds=1)
        self._last_time = now
        return now.strftime(_TIME_FORMAT)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` write transaction: committed whole or rolled back whole."""
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only; open it without read_only to write")
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _explain(self.path, exc) from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:  # Ctrl-C included: roll back, then let it propagate
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _explain(self.path, exc) from exc
            raise

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction for the store's own modules (:mod:`corroborator.store.stories`)."""
        return self._transaction()

    @property
    def connection(self) -> sqlite3.Connection:
        """The connection, for the store's own modules: read freely, write inside :meth:`transaction`."""
        return self._conn

    def add_article(self, article: Article, *, extractor_version: str) -> AddResult:
        """Store one article (see :meth:`add_many`)."""
        return self.add_many((article,), extractor_version=extractor_version)[0]

    def add_many(self, articles: Iterable[Article], *, extractor_version: str) -> tuple[AddResult, ...]:
        """Store a batch in ONE transaction: all of it, or (on any error or interrupt) none of it."""
        if not extractor_version:
            raise StoreError("extractor_version must be a non-empty stage version such as 'extract-1'")
        with self._transaction() as conn:
            return tuple(self._add(conn, article, extractor_version) for article in articles)

    def _add(self, conn: sqlite3.Connection, article: Article, extractor_version: str) -> AddResult:
        now = self._now()
        known = conn.execute("SELECT * FROM articles WHERE id = ?", (article.id,)).fetchone()
        if known is not None:
            status = AddStatus.UNCHANGED
            if known["extractor_version"] != extractor_version:
                row = article_to_row(article, extractor_version=extractor_version, created_at=now)
                sets = ", ".join(f"{c} = :{c}" for c in _UPDATABLE)
                conn.execute(f"UPDATE articles SET {sets} WHERE id = :id", row)
                if any(known[c] != row[c] for c in _EXTRACTED):  # the new code read it otherwise
                    self._forget_derived(conn, known)
                    status = AddStatus.REEXTRACTED
            self._seen(conn, article.source, article.id, now)
            return AddResult(article.id, status)
        previous = conn.execute(
            "SELECT article_id FROM sources WHERE source = ? ORDER BY last_seen DESC LIMIT 1",
            (article.source,),
        ).fetchone()
        row = article_to_row(article, extractor_version=extractor_version, created_at=now)
        conn.execute(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
            f"VALUES ({', '.join(':' + c for c in ARTICLE_COLUMNS)})",
            row,
        )
        self._seen(conn, article.source, article.id, now)
        if previous is None:
            return AddResult(article.id, AddStatus.NEW)
        conn.execute(
            "INSERT INTO versions (article_id, previous_id, source) VALUES (?, ?, ?)",
            (article.id, previous[0], article.source),
        )
        return AddResult(article.id, AddStatus.NEW_VERSION, previous[0])

    def record_sightings(self, sightings: Iterable[tuple[str, str]]) -> tuple[AddResult, ...]:
        """Record that stored articles were read again, as ``(source, article id)`` pairs: what
        :meth:`add_many` does for an article stored by the same extractor version (``unchanged``),
        for inputs a caller skipped without extracting them. One transaction."""
        with self._transaction() as conn:
            found: list[AddResult] = []
            for source, article_id in sightings:
                self._seen(conn, source, article_id, self._now())
                found.append(AddResult(article_id, AddStatus.UNCHANGED))
        return tuple(found)

    @staticmethod
    def _forget_derived(conn: sqlite3.Connection, known: sqlite3.Row) -> None:
        """A re-extracted article's text changed: what later stages derived from the old text goes
        (its annotations, whose spans point into the old body, and its story's cached analysis), and
        it waits to be placed again (:func:`corroborator.stories.place_new_articles` re-reads it)
        with the title and body it was placed with, whose terms leave the document frequencies.
        An article already waiting keeps its row: either it was never placed, or it was placed
        with the text that row holds (re-extracted twice before placement)."""
        article_id = known["id"]
        conn.execute("DELETE FROM stage_results WHERE article_id = ?", (article_id,))
        conn.execute(
            "DELETE FROM story_analyses WHERE story_id IN "
            "(SELECT story_id FROM cluster_members WHERE article_id = ?)",
            (article_id,),
        )
        placed = conn.execute("SELECT 1 FROM cluster_members WHERE article_id = ?", (article_id,)).fetchone()
        previous = json.dumps({"title": known["title"], "body": known["body"]}) if placed else None
        conn.execute(
            "INSERT OR IGNORE INTO cluster_queue (article_id, previous) VALUES (?, ?)", (article_id, previous)
        )

    @staticmethod
    def _seen(conn: sqlite3.Connection, source: str, article_id: str, now: str) -> None:
        conn.execute(
            "INSERT INTO sources (source, article_id, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (source, article_id) DO UPDATE SET last_seen = excluded.last_seen",
            (source, article_id, now, now),
        )

    def record_failures(self, failures: Iterable[Failure]) -> None:
        """Replace the recorded failures with this ingest's (an empty iterable clears them)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM failures")
            conn.executemany(
                "INSERT INTO failures (source, problem, at) VALUES (?, ?, ?)",
                ((f.source, f.problem, self._now()) for f in failures),
            )

    # -- reading --------------------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else article_from_row(row)

    def resolve(self, prefix: str) -> str:
        """The one stored id starting with ``prefix`` (like git's short hashes)."""
        prefix = prefix.strip()
        if not prefix:
            raise StoreError("empty article id: give the first characters of an id from the article list")
        rows = self._conn.execute("SELECT id FROM articles WHERE id >= ? ORDER BY id LIMIT 6", (prefix,))
        matches = [r[0] for r in rows if r[0].startswith(prefix)]
        if prefix in matches:
            return prefix
        if not matches:
            raise StoreError(f"no article id starts with {prefix!r} in store {self.path}")
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (", …" if len(matches) > 5 else "")
            raise StoreError(f"article id {prefix!r} is ambiguous ({shown}); give more characters")
        return str(matches[0])

    def find(self, prefix: str) -> Article:
        """The article whose id starts with ``prefix``; :class:`StoreError` if none or several."""
        article = self.get(self.resolve(prefix))
        assert article is not None  # resolve() returned a stored id
        return article

    def has(self, article_id: str, extractor_version: str) -> bool:
        """Whether this input was already extracted by this extractor version (finished work)."""
        row = self._conn.execute(
            "SELECT 1 FROM articles WHERE id = ? AND extractor_version = ?", (article_id, extractor_version)
        ).fetchone()
        return row is not None

    def stage_results(self, stage: str, version: str, article_ids: Iterable[str]) -> dict[str, str]:
        """Stored JSON results of ``stage`` at ``version`` for these articles (those that have one)."""
        out: dict[str, str] = {}
        ids = list(article_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT article_id, data FROM stage_results WHERE stage = ? AND version = ? "
                f"AND article_id IN ({marks})",
                (stage, version, *chunk),
            )
            out.update({r[0]: r[1] for r in rows})
        return out

    def put_stage_results(self, stage: str, version: str, results: Iterable[tuple[str, str]]) -> None:
        """Store (article id, JSON) results of ``stage`` at ``version`` in one transaction.

        Results for articles that are not in the store are skipped (there is nothing to key them to).
        An article's results of the same stage at other versions are deleted: an older version is never
        read again (the code that read it is gone), so the store does not grow with each upgrade.
        """
        with self._transaction() as conn:
            now = self._now()
            for article_id, data in results:
                conn.execute(
                    "DELETE FROM stage_results WHERE article_id = ? AND stage = ? AND version != ?",
                    (article_id, stage, version),
                )
                conn.execute(
                    "INSERT OR REPLACE INTO stage_results (article_id, stage, version, data, created_at) "
                    "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)",
                    (article_id, stage, version, data, now, article_id),
                )

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def articles(self, limit: int = 100, offset: int = 0) -> list[ArticleSummary]:
        """Stored articles, oldest first."""
        if limit < 0 or offset < 0:
            raise StoreError(f"limit and offset must be 0 or more, got limit={limit}, offset={offset}")
        rows = self._conn.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM articles ORDER BY created_at, rowid LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [ArticleSummary(*r) for r in rows]

    def versions_of(self, article_id: str) -> list[str]:
        """Ids of every article linked to ``article_id`` by version links (itself included), oldest
        first; empty when the id is not stored."""
        rows = self._conn.execute(
            "WITH RECURSIVE chain(id) AS (SELECT id FROM articles WHERE id = :id UNION "
            "SELECT CASE WHEN v.article_id = chain.id THEN v.previous_id ELSE v.article_id END "
            "FROM versions v JOIN chain ON v.article_id = chain.id OR v.previous_id = chain.id) "
            "SELECT id FROM articles WHERE id IN (SELECT id FROM chain) ORDER BY created_at, rowid",
            {"id": article_id},
        )
        return [r[0] for r in rows]

    def sources_of(self, article_id: str) -> list[str]:
        """Every source this article's content was read from, first seen first."""
        rows = self._conn.execute(
            "SELECT source FROM sources WHERE article_id = ? ORDER BY first_seen", (article_id,)
        )
        return [r[0] for r in rows]

    def failures(self) -> list[Failure]:
        """The failed inputs recorded by the last ingest."""
        rows = self._conn.execute("SELECT source, problem FROM failures ORDER BY id")
        return [Failure(r[0], r[1]) for r in rows]

    # -- lifetime -------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection and release the writer lock; closing twice is harmless."""
        self._conn.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
