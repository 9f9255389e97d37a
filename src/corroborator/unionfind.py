"""Union-find over string ids (path halving; the smaller id of two roots becomes the root, so the
grouping and each group's root do not depend on the order of the joins)."""

from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    """Disjoint sets of ids: :meth:`join` two, :meth:`find` the root of one's set."""

    __slots__ = ("_parent",)

    def __init__(self, ids: Iterable[str]) -> None:
        self._parent = {i: i for i in ids}

    def __contains__(self, node: str) -> bool:
        return node in self._parent

    def find(self, node: str) -> str:
        """The root of ``node``'s set."""
        parent = self._parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(self, a: str, b: str) -> None:
        """Put ``a`` and ``b`` in one set."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._parent[max(root_a, root_b)] = min(root_a, root_b)
