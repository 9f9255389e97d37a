"""Schema migrations: numbered SQL files shipped in ``corroborator/store/migrations``.

Each file ``NNNN_name.sql`` is applied once, in order, inside its own ``BEGIN IMMEDIATE`` transaction
together with its row in ``schema_migrations (version, name, applied_at)``, so a failed or
interrupted migration leaves the store at the previous version. Applied files are never edited:
a schema change is a new file. A store whose schema is newer than the code, or whose applied
migrations have other names than the code's, is refused with :class:`MigrationError`.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from corroborator.errors import MigrationError, StoreError

_MIGRATION_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    filename: str
    sql: str


def load_migrations() -> tuple[Migration, ...]:
    """The migrations shipped with the package, in order (found through importlib.resources)."""
    found: list[Migration] = []
    for entry in resources.files("corroborator.store").joinpath("migrations").iterdir():
        match = _MIGRATION_FILE.match(entry.name)
        if match is None:
            if entry.name.endswith(".sql"):
                raise MigrationError(f"migration file {entry.name} must be named NNNN_lowercase_name.sql")
            continue
        sql = entry.read_text(encoding="utf-8")
        if not sqlite3.complete_statement(sql):
            raise MigrationError(f"migration {entry.name} does not end with a complete SQL statement")
        found.append(Migration(int(match[1]), match[2], entry.name, sql))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        names = ", ".join(m.filename for m in found)
        raise MigrationError(f"migrations must be numbered 0001.. without gaps or repeats, found: {names}")
    return tuple(found)


def applied_migrations(conn: sqlite3.Connection, path: str) -> dict[int, str]:
    """``{version: name}`` of the migrations applied to the store (empty for a new database)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "schema_migrations" not in tables:
        if tables:
            raise StoreError(
                f"store {path} is a SQLite database but not a corroborator store "
                f"(it has tables {sorted(tables)[:5]}); pass another store path"
            )
        return {}
    return {r[0]: r[1] for r in conn.execute("SELECT version, name FROM schema_migrations")}


def migrate(conn: sqlite3.Connection, path: str, *, read_only: bool = False) -> None:
    """Apply the pending migrations (a ``read_only`` store must have none pending)."""
    known = load_migrations()
    applied = applied_migrations(conn, path)
    newest = max(applied, default=0)
    if newest > len(known):
        raise MigrationError(
            f"store {path} has schema version {newest} ({applied[newest]}) but this corroborator "
            f"knows versions up to {len(known)} ({known[-1].filename if known else 'none'}); "
            "upgrade corroborator, or pass another store path"
        )
    for migration in known:
        if migration.version in applied:
            if applied[migration.version] != migration.name:
                raise MigrationError(
                    f"store {path}: applied migration {migration.version} is named "
                    f"{applied[migration.version]!r}, but this code's is {migration.filename}; "
                    "the store was written by a different corroborator"
                )
        elif read_only:
            raise StoreError(
                f"store {path} needs migration {migration.filename}; open it once for writing "
                "(for example, run an ingest) to upgrade it"
            )
        else:
            _apply(conn, path, migration)


def _apply(conn: sqlite3.Connection, path: str, migration: Migration) -> None:
    applied_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    script = (
        "BEGIN IMMEDIATE;\n"
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;\n"
        f"{migration.sql}\n"
        "INSERT INTO schema_migrations (version, name, applied_at) "
        f"VALUES ({migration.version}, '{migration.name}', '{applied_at}');\n"
        "COMMIT;"
    )
    try:
        conn.executescript(script)
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise MigrationError(
            f"store {path}: migration {migration.filename} failed and was rolled back ({exc}); "
            f"the store stays at version {migration.version - 1}"
        ) from exc
