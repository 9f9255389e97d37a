"""Crash safety for real: exceptions, Ctrl-C and SIGKILL in the middle of writing batches."""

from __future__ import annotations

import inspect
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborator.config import StoreConfig
from corroborator.errors import StoreError
from corroborator.models import Article
from corroborator.store import AddStatus, Store

TOTAL = 240
BATCH = 6
V1 = "extract-1"


def make_article(i: int) -> Article:
    """Article number ``i``: a deterministic, sizeable body so a kill is likely to land mid-write."""
    words = " ".join(f"w{i}-{k}" for k in range(2500))
    return Article(id=f"{i:016x}", source=f"inputs/doc-{i}.txt", body=f"Story {i}.\n\n{words}", title=f"T{i}")


WRITER = (
    "import sys, time\nfrom corroborator.models import Article\nfrom corroborator.store import Store\n"
    + inspect.getsource(make_article)
    + f"""
def batch(start):
    for k, i in enumerate(range(start, min(start + {BATCH}, {TOTAL}))):
        yield make_article(i)
        if k == {BATCH} // 2:  # half the batch is written, not committed: say so and linger
            print("mid", flush=True)
            time.sleep(0.05)

with Store.open(sys.argv[1]) as store:
    for start in range(0, {TOTAL}, {BATCH}):
        store.add_many(batch(start), extractor_version="{V1}")
        print(start + {BATCH}, flush=True)
"""
)


def spawn_writer(path: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_mid_batch(proc: subprocess.Popen[str], batches: int) -> int:
    """Wait until ``batches`` batches are committed and the writer is half-way through the next
    one (inside its transaction); returns the number of articles committed so far."""
    assert proc.stdout is not None and proc.stderr is not None
    committed = 0
    while True:
        line = proc.stdout.readline().strip()
        if not line:
            pytest.fail(f"writer exited early: {proc.stderr.read()}")
        if line != "mid":
            committed = int(line)
        elif committed >= batches * BATCH:
            return committed


def check_consistent(path: Path) -> int:
    """Integrity ok, only whole batches stored, every article complete; returns the count."""
    with Store.open(path) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchall()[0][0] == "ok"
        assert store._conn.execute("PRAGMA foreign_key_check").fetchall() == []
        count = store.count()
        assert count % BATCH == 0, f"{count} articles: a batch was partly written"
        for summary in store.articles(limit=TOTAL + 1):
            assert store.get(summary.id) == make_article(int(summary.id, 16))
        return count


def complete_and_check(path: Path, already: int) -> None:
    """Re-running the same writes completes the set, with no duplicates."""
    with Store.open(path) as store:
        results = store.add_many((make_article(i) for i in range(TOTAL)), extractor_version=V1)
        statuses = [r.status for r in results]
        assert statuses.count(AddStatus.UNCHANGED) == already
        assert statuses.count(AddStatus.NEW) == TOTAL - already
        assert store.count() == TOTAL
        assert store._conn.execute("SELECT count(*) FROM sources").fetchone()[0] == TOTAL
        assert store._conn.execute("SELECT count(*) FROM versions").fetchone()[0] == 0


def test_exception_mid_batch_leaves_no_partial_rows() -> None:
    with Store.open(":memory:") as store:
        store.add_many([make_article(0)], extractor_version=V1)

        def failing() -> Iterator[Article]:
            yield make_article(1)
            yield make_article(2)
            raise RuntimeError("extractor blew up")

        with pytest.raises(RuntimeError, match="blew up"):
            store.add_many(failing(), extractor_version=V1)
        assert store.count() == 1
        assert store._conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 1
        assert not store._conn.in_transaction
        results = store.add_many([make_article(1), make_article(2)], extractor_version=V1)
        assert [r.status for r in results] == [AddStatus.NEW, AddStatus.NEW]


def test_keyboard_interrupt_mid_batch_rolls_back(tmp_path: Path) -> None:
    path = tmp_path / "c.db"

    def interrupted() -> Iterator[Article]:
        yield make_article(0)
        yield make_article(1)
        signal.raise_signal(signal.SIGINT)  # a real Ctrl-C, delivered to this process
        yield make_article(2)

    with Store.open(path) as store, pytest.raises(KeyboardInterrupt):
        store.add_many(interrupted(), extractor_version=V1)
    with Store.open(path) as store:
        assert store.count() == 0
    complete_and_check(path, 0)


def test_sigint_to_writer_process(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    proc = spawn_writer(path)
    committed = wait_mid_batch(proc, 3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode != 0 and "KeyboardInterrupt" in err
    count = check_consistent(path)
    assert committed <= count < TOTAL
    complete_and_check(path, count)


def test_sigkill_mid_ingest_then_rerun_completes(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    proc = spawn_writer(path)
    try:
        wait_mid_batch(proc, 2)
        # while it runs, a second writer is refused after waiting
        with pytest.raises(StoreError, match="in use by another writer"):
            Store.open(path, StoreConfig(busy_timeout_ms=20))
        committed = wait_mid_batch(proc, 4)
        proc.kill()
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    count = check_consistent(path)  # opening also proves the dead writer's lock was released
    assert committed <= count < TOTAL
    complete_and_check(path, count)
