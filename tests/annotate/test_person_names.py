"""Comparing people's names."""

from __future__ import annotations

from corroborator.annotate.person_names import compatible


def test_compatible_names() -> None:
    assert compatible(("vladimir", "v", "putin"), ("vladimir", "putin"))
    assert compatible(("j", "smith"), ("john", "smith"))
    assert not compatible(("alexander", "gabuev"), ("bjorn", "alexander", "duben"))
    assert not compatible(("mikhail", "krutikhin"), ("mikhail", "korostikov"))
    assert not compatible(("john", "paul", "smith"), ("john", "peter", "smith"))
