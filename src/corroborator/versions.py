"""Versions of cached results: a stage's name and a digest of the code that computes them.

The store caches each article's annotations and each story's analysis under a version. A version
written by hand is bumped only when someone remembers to; a digest of the source changes with every
change to the code, so an upgraded corroborator never serves results its older code computed.

>>> source_digest("corroborator.annotate")  # doctest: +SKIP
'3f0c9a1b2d4e'
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from pathlib import Path

from corroborator.errors import CorroboratorError

__all__ = ["source_digest"]


@cache
def source_digest(*modules: str) -> str:
    """A short digest of the Python source of ``modules`` (a package counts with all its modules),
    the same for the same code wherever it is installed."""
    digest = hashlib.blake2b(digest_size=6)
    for name in modules:
        for root, path in _sources(name):
            digest.update(f"{name}:{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def _sources(name: str) -> list[tuple[Path, Path]]:
    """(root, file) of each Python source of a module or package (a namespace package too)."""
    spec = importlib.util.find_spec(name)
    if spec is not None and spec.submodule_search_locations:
        roots = [Path(p) for p in spec.submodule_search_locations]
        return [(root, path) for root in roots for path in sorted(root.rglob("*.py"))]
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        raise CorroboratorError(f"no source for module {name!r} to version cached results by")
    origin = Path(spec.origin)
    return [(origin.parent, origin)]
