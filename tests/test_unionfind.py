"""Union-find over ids: groups and roots do not depend on the order of the joins."""

from __future__ import annotations

import itertools

from corroborator.unionfind import UnionFind


def test_joins_make_groups_rooted_at_their_smallest_id_in_any_order() -> None:
    joins = [("d", "b"), ("c", "e"), ("b", "a")]
    for order in itertools.permutations(joins):
        units = UnionFind("abcdef")
        for x, y in order:
            units.join(x, y)
        assert {n: units.find(n) for n in "abcdef"} == {
            "a": "a", "b": "a", "d": "a", "c": "c", "e": "c", "f": "f"
        }
    assert "a" in units and "z" not in units
