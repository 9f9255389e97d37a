from __future__ import annotations

import json
import os
import sqlite3
import time
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from corroborator.config import StoreConfig
from corroborator.errors import MigrationError, StoreError
from corroborator.models import Article, Caption, ContentType, Failure, RemovalReason, Removed
from corroborator.store import AddStatus, Store, load_migrations
from corroborator.store import migrate as store_migrate
from corroborator.store.codec import (
    article_from_dict,
    article_from_row,
    article_to_dict,
    article_to_row,
    removed_from_json,
)
from corroborator.store.migrate import Migration

REPO = Path(__file__).resolve().parents[2]
V1 = "extract-1"


def make(article_id: str, source: str | None = None, body: str | None = None, **kw: object) -> Article:
    return Article(
        id=article_id,
        source=source or f"inputs/{article_id}.txt",
        body=body if body is not None else f"Body of {article_id}.\n\nSecond paragraph.",
        **kw,  # type: ignore[arg-type]
    )


def rich_article() -> Article:
    return Article(
        id="0123456789abcdef",
        source="archive.warc.gz#https://example.org/news/1",
        body="Première ligne — «quoted» 10 km.\r\n\r\nZweiter Absatz: 😀 emoji and tab\tend.",
        title="A title with 'quotes' and \"double\"",
        url="https://example.org/news/1",
        outlet="Example Daily",
        byline="A. Writer and B. Writer",
        published="2023-10-14",
        language="de",
        captions=(Caption("Smoke rises over the city.", "Photo: Agency"), Caption("No credit here.")),
        removed=tuple(Removed(f"cut {reason.value}", reason) for reason in RemovalReason),
        content_type=ContentType.HTML,
    )


@pytest.fixture
def store() -> Store:
    return Store.open(":memory:")


# -- codec --------------------------------------------------------------------------------------


def test_codec_round_trips_rows_and_json() -> None:
    article = rich_article()
    row = article_to_row(article, extractor_version=V1, created_at="t")
    assert article_from_row(row) == article
    assert row["chars"] == len(article.body)
    assert article_from_dict(json.loads(json.dumps(article_to_dict(article)))) == article
    for kind in ContentType:
        plain = make("feed", content_type=kind)
        assert article_from_row(article_to_row(plain, extractor_version=V1, created_at="t")) == plain


def test_store_round_trips_article_exactly(store: Store) -> None:
    article = rich_article()
    store.add_article(article, extractor_version=V1)
    assert store.get(article.id) == article
    assert store.get("missing") is None


def test_codec_rejects_unknown_values() -> None:
    with pytest.raises(StoreError, match="unknown removal reason 'teaser'"):
        removed_from_json('[{"text": "x", "reason": "teaser"}]', "a1")
    with pytest.raises(StoreError, match="a1: removed is not valid JSON"):
        removed_from_json("[{", "a1")
    row = article_to_row(make("a1"), extractor_version=V1, created_at="t") | {"content_type": "pdf"}
    with pytest.raises(StoreError, match="unknown content type 'pdf'"):
        article_from_row(row)
    with pytest.raises(StoreError, match="missing field 'body'"):
        article_from_dict({"id": "a1", "source": "s"})


# -- opening, pragmas, migrations ---------------------------------------------------------------


def test_file_store_pragmas_and_migrations(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store.open(path, StoreConfig(busy_timeout_ms=1234)) as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 1234
        rows = conn.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
        assert [(r[0], r[1]) for r in rows] == [(m.version, m.name) for m in load_migrations()]
        assert store.schema_version() == len(load_migrations())
    with Store.open(str(path)) as again:  # nothing re-applied
        applied = again._conn.execute("SELECT applied_at FROM schema_migrations").fetchall()
        assert [r[0] for r in applied] == [r[2] for r in rows]


def test_migrations_ship_as_package_data() -> None:
    migrations = load_migrations()
    assert migrations[0].filename == "0001_initial.sql"
    globs = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    for m in migrations:
        assert any(fnmatch(f"store/migrations/{m.filename}", g) for g in globs["corroborator"])


def test_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'now')")
    latest = len(load_migrations())
    with pytest.raises(MigrationError, match=rf"c\.db has schema version 99 .*knows versions up to {latest}"):
        Store.open(path)
    # the refused open released its writer lock
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM schema_migrations WHERE version = 99")
    Store.open(path, StoreConfig(busy_timeout_ms=0)).close()


def test_failed_migration_rolls_back_and_later_one_applies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.db"
    with Store.open(path) as store:
        store.add_article(make("a1"), extractor_version=V1)
    real = load_migrations()
    n = len(real) + 1
    name = f"{n:04d}_broken.sql"
    broken = Migration(n, "broken", name, "CREATE TABLE half (x);\nINSERT INTO nowhere VALUES (1);")
    monkeypatch.setattr(store_migrate, "load_migrations", lambda: (*real, broken))
    expected = rf"{n:04d}_broken\.sql failed and was rolled back.*version {n - 1}"
    with pytest.raises(MigrationError, match=expected):
        Store.open(path)
    fixed = Migration(n, "broken", name, "ALTER TABLE articles ADD COLUMN note TEXT;")
    monkeypatch.setattr(store_migrate, "load_migrations", lambda: (*real, fixed))
    with Store.open(path) as store:
        assert store.schema_version() == n
        tables = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master")}
        assert "half" not in tables
        assert store.get("a1") == make("a1")  # existing data survives the migration


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is plainly not sqlite, just some text that is long enough " * 20)
    with pytest.raises(StoreError, match=r"notes\.db is not a SQLite database; pass another store path"):
        Store.open(path)


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match="not a corroborator store"):
        Store.open(path)


def test_unwritable_locations(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist; create it"):
        Store.open(tmp_path / "missing" / "c.db")
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="does not exist; run an ingest first"):
        Store.open(tmp_path / "none.db", read_only=True)


@pytest.mark.skipif(not Path("/sys").is_dir(), reason="needs a read-only /sys")
def test_unwritable_folder() -> None:
    with pytest.raises(StoreError, match=r"store /sys/c\.db.*writable.*pass another store path"):
        Store.open("/sys/c.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    Store.open(path).close()
    path.chmod(0o444)
    with pytest.raises(StoreError, match="is not writable"):
        Store.open(path)


# -- single writer, readers apart ---------------------------------------------------------------


def test_second_writer_waits_then_fails(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store.open(path):
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"in use by another writer \(pid \d+"):
            Store.open(path, StoreConfig(busy_timeout_ms=150))
        assert time.monotonic() - started >= 0.15
    Store.open(path, StoreConfig(busy_timeout_ms=0)).close()  # released on close


def test_reader_alongside_writer(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store.open(path) as writer, Store.open(path, read_only=True) as reader:
        writer.add_article(make("a1"), extractor_version=V1)
        assert reader.get("a1") == make("a1")
        with pytest.raises(StoreError, match="opened read-only"):
            reader.add_article(make("a2"), extractor_version=V1)


# -- adding -------------------------------------------------------------------------------------


def test_same_input_twice_is_stored_once(store: Store) -> None:
    first = store.add_article(make("a1"), extractor_version=V1)
    second = store.add_article(make("a1"), extractor_version=V1)
    assert (first.status, second.status) == (AddStatus.NEW, AddStatus.UNCHANGED)
    assert store.count() == 1


def test_changed_source_is_a_new_linked_version(store: Store) -> None:
    src = "https://example.org/story"
    store.add_article(make("v1", src, "first"), extractor_version=V1)
    second = store.add_article(make("v2", src, "second"), extractor_version=V1)
    assert (second.status, second.previous_id) == (AddStatus.NEW_VERSION, "v1")
    third = store.add_article(make("v3", src, "third"), extractor_version=V1)
    assert third.previous_id == "v2"
    store.add_article(make("zz", "other-source"), extractor_version=V1)
    assert store.versions_of("v2") == ["v1", "v2", "v3"]
    assert store.versions_of("zz") == ["zz"]
    assert store.versions_of("nope") == []
    assert store.count() == 4


def test_versions_within_one_batch_and_shared_content(store: Store) -> None:
    results = store.add_many(
        [make("b1", "s"), make("b2", "s"), make("b1", "copy-of-s")], extractor_version=V1
    )
    assert [r.status for r in results] == [AddStatus.NEW, AddStatus.NEW_VERSION, AddStatus.UNCHANGED]
    assert store.sources_of("b1") == ["s", "copy-of-s"]
    assert store.get("b1") == make("b1", "s")  # the first source is kept on the article


def test_a_new_extractor_that_reads_the_same_keeps_what_was_derived(store: Store) -> None:
    store.add_article(make("a1"), extractor_version=V1)
    store.put_stage_results("annotate", "a-1", [("a1", "{}")])
    again = store.add_article(make("a1"), extractor_version="extract-2")
    assert again.status is AddStatus.UNCHANGED  # same text, same metadata: nothing to redo
    assert store.has("a1", "extract-2")  # the next ingest skips it
    assert store.stage_results("annotate", "a-1", ["a1"]) == {"a1": "{}"}
    moved = store.add_article(make("a1", published="2024-03-05"), extractor_version="extract-3")
    assert moved.status is AddStatus.REEXTRACTED
    assert store.stage_results("annotate", "a-1", ["a1"]) == {}


def test_reextraction_replaces_and_has_tracks_stage_version(store: Store) -> None:
    store.add_article(make("a1", body="old extraction"), extractor_version=V1)
    assert store.has("a1", V1) and not store.has("a1", "extract-2") and not store.has("a2", V1)
    result = store.add_article(make("a1", body="new extraction"), extractor_version="extract-2")
    assert result.status is AddStatus.REEXTRACTED
    assert store.has("a1", "extract-2") and not store.has("a1", V1)
    got = store.get("a1")
    assert got is not None and got.body == "new extraction"
    assert store.count() == 1
    with pytest.raises(StoreError, match="extractor_version"):
        store.add_article(make("a3"), extractor_version="")


# -- reading ------------------------------------------------------------------------------------


def test_find_by_unique_prefix(store: Store) -> None:
    store.add_many([make("abc1"), make("abc2"), make("abd3"), make("ab")], extractor_version=V1)
    assert store.find("abd").id == "abd3"
    assert store.find("ab").id == "ab"  # an exact id wins over longer ones
    with pytest.raises(StoreError, match=r"'abc' is ambiguous \(abc1, abc2\)"):
        store.find("abc")
    with pytest.raises(StoreError, match="no article id starts with 'ff'"):
        store.find("ff")
    with pytest.raises(StoreError, match="empty article id"):
        store.find("  ")


def test_articles_listing(store: Store) -> None:
    store.add_many(
        [make(f"id{i}", body="x" * (i + 1), title=f"T{i}", outlet="O") for i in range(5)],
        extractor_version=V1,
    )
    page = store.articles(limit=2, offset=1)
    assert [(s.id, s.chars, s.title, s.outlet) for s in page] == [
        ("id1", 2, "T1", "O"),
        ("id2", 3, "T2", "O"),
    ]
    assert [s.id for s in store.articles()] == [f"id{i}" for i in range(5)]
    assert page[0].created_at < page[1].created_at


def test_failures_are_replaced_by_each_ingest(store: Store) -> None:
    store.record_failures([Failure("a.html", "no article text"), Failure("b.bin", "binary input")])
    assert store.failures() == [Failure("a.html", "no article text"), Failure("b.bin", "binary input")]
    store.record_failures([Failure("c.txt", "empty")])
    assert store.failures() == [Failure("c.txt", "empty")]
    store.record_failures([])
    assert store.failures() == []


def test_stage_results_are_keyed_by_article_stage_and_version(store: Store) -> None:
    store.add_article(make("a1"), extractor_version=V1)
    store.put_stage_results("annotate", "v1", [("a1", '{"x": 1}'), ("not-stored", '{"x": 2}')])
    assert store.stage_results("annotate", "v1", ["a1", "not-stored"]) == {"a1": '{"x": 1}'}
    assert store.stage_results("annotate", "v2", ["a1"]) == {}
    store.put_stage_results("annotate", "v1", [("a1", '{"x": 3}')])
    assert store.stage_results("annotate", "v1", ["a1"]) == {"a1": '{"x": 3}'}


def test_stage_results_of_a_new_version_replace_the_older_ones(store: Store) -> None:
    store.add_article(make("a1"), extractor_version=V1)
    store.add_article(make("a2"), extractor_version=V1)
    store.put_stage_results("annotate", "v1", [("a1", '{"x": 1}'), ("a2", '{"x": 2}')])
    store.put_stage_results("other", "v1", [("a1", '{"y": 1}')])
    store.put_stage_results("annotate", "v2", [("a1", '{"x": 3}')])
    assert store.stage_results("annotate", "v1", ["a1", "a2"]) == {"a2": '{"x": 2}'}  # a2 not redone yet
    assert store.stage_results("annotate", "v2", ["a1"]) == {"a1": '{"x": 3}'}
    assert store.stage_results("other", "v1", ["a1"]) == {"a1": '{"y": 1}'}
    count = store.connection.execute("SELECT count(*) FROM stage_results WHERE article_id = 'a1'").fetchone()
    assert count[0] == 2
