"""LazyDict: a dict filled on demand, remembering absent and deleted keys."""

from __future__ import annotations

import pytest

from corroborator.store.lazy import LazyDict

STORED = {"a": 1, "b": 2, "c": 3}


def make(calls: list[list[str]], complete: bool = False) -> LazyDict[int]:
    def fetch(keys: list[str]) -> dict[str, int]:
        calls.append(keys)
        return {k: STORED[k] for k in keys if k in STORED}

    return LazyDict(fetch, lambda: dict(STORED), complete=complete)


def test_reads_fetch_once_and_remember_absent_keys() -> None:
    calls: list[list[str]] = []
    d = make(calls)
    assert d["a"] == 1 and d.get("a") == 1 and "a" in d
    assert d.get("zz", 0) == 0 and "zz" not in d and d.get("zz") is None
    with pytest.raises(KeyError):
        d["zz"]
    assert calls == [["a"], ["zz"]]
    assert d.loaded() == {"a": 1}


def test_prefetch_is_one_call_for_the_missing_keys() -> None:
    calls: list[list[str]] = []
    d = make(calls)
    d["new"] = 9
    d.prefetch(["a", "b", "b", "new", "nope"])
    d.prefetch(["a", "nope"])
    assert calls == [["a", "b", "nope"]]
    assert d.loaded() == {"new": 9, "a": 1, "b": 2}


def test_writes_deletes_and_iteration() -> None:
    calls: list[list[str]] = []
    d = make(calls)
    assert d.setdefault("b", 7) == 2 and d.setdefault("x", 7) == 7
    del d["a"]
    assert "a" not in d and d.deleted == {"a"}
    assert d.pop("c") == 3 and d.pop("c", None) is None
    with pytest.raises(KeyError):
        del d["zz"]
    assert dict(d.items()) == {"b": 2, "x": 7}  # everything loaded, deleted keys stay deleted
    assert len(d) == 2 and sorted(d) == ["b", "x"]


def test_complete_never_fetches() -> None:
    calls: list[list[str]] = []
    d = make(calls, complete=True)
    assert d.get("a") is None and "a" not in d and len(d) == 0
    assert calls == []
