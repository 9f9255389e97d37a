"""A dict that loads its entries from the store on first use (and remembers which keys are absent).

The online clusterer reads ``members[id]``, ``members.get(id)``, ``id in by_story``, ``df.get(term, 0)``
and ``postings.get(term)``; a :class:`LazyDict` answers them from rows fetched on demand, so placing one
article in a store of 100,000 reads only the rows that placement looks at. :meth:`LazyDict.prefetch`
fetches many keys in one query. Iterating, ``len`` and ``values``/``items`` load everything first
(correct, but meant for small states and tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar, overload

V = TypeVar("V")
T = TypeVar("T")

Fetch = Callable[[list[str]], Mapping[str, V]]
_MISS: Any = object()
_dict_get = dict.get
_dict_contains = dict.__contains__


class LazyDict(dict[str, V]):
    """A ``dict[str, V]`` filled on demand by ``fetch(keys) -> {key: value}`` (absent keys omitted).

    ``fetch_all()`` returns every stored entry (for iteration); ``complete=True`` means nothing is
    stored beyond what is set here (a new state: no queries at all). Deleted keys are remembered
    (:attr:`deleted`) so they are neither fetched again nor forgotten when writing back.
    """

    def __init__(
        self, fetch: Fetch[V], fetch_all: Callable[[], Mapping[str, V]], *, complete: bool = False
    ) -> None:
        super().__init__()
        self._fetch = fetch
        self._fetch_all = fetch_all
        self._absent: set[str] = set()
        self.complete = complete
        self.deleted: set[str] = set()

    def prefetch(self, keys: Iterable[str]) -> None:
        """Fetch the given keys that are not loaded yet (in one call of ``fetch``)."""
        if self.complete:
            return
        absent = self._absent
        missing = [k for k in dict.fromkeys(keys) if not _dict_contains(self, k) and k not in absent]
        if not missing:
            return
        found = self._fetch(missing)
        for key in missing:
            value = found.get(key, _MISS)
            if value is _MISS:
                absent.add(key)
            else:
                dict.__setitem__(self, key, value)

    def load_all(self) -> None:
        if self.complete:
            return
        for key, value in self._fetch_all().items():
            if not _dict_contains(self, key) and key not in self.deleted:
                dict.__setitem__(self, key, value)
        self.complete = True

    def _load(self, key: str) -> bool:
        """Whether ``key`` is present, fetching it when it may be stored."""
        if _dict_contains(self, key):
            return True
        if self.complete or key in self._absent:
            return False
        self.prefetch((key,))
        return _dict_contains(self, key)

    # --- reading ---------------------------------------------------------------------------------

    def __missing__(self, key: str) -> V:
        if self._load(key):
            return dict.__getitem__(self, key)
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._load(key)

    @overload
    def get(self, key: str, default: None = None, /) -> V | None: ...
    @overload
    def get(self, key: str, default: V, /) -> V: ...
    @overload
    def get(self, key: str, default: T, /) -> V | T: ...
    def get(self, key: str, default: Any = None, /) -> Any:
        value = _dict_get(self, key, _MISS)
        if value is _MISS:
            if self.complete or key in self._absent or not self._load(key):
                return default
            return _dict_get(self, key)
        return value

    def __iter__(self) -> Iterator[str]:
        self.load_all()
        return super().__iter__()

    def __len__(self) -> int:
        self.load_all()
        return super().__len__()

    def keys(self) -> Any:
        self.load_all()
        return super().keys()

    def values(self) -> Any:
        self.load_all()
        return super().values()

    def items(self) -> Any:
        self.load_all()
        return super().items()

    def loaded(self) -> dict[str, V]:
        """The entries in memory now (fetched or set), without fetching anything."""
        return {k: dict.__getitem__(self, k) for k in dict.keys(self)}

    # --- writing ---------------------------------------------------------------------------------

    def __setitem__(self, key: str, value: V) -> None:
        self._absent.discard(key)
        self.deleted.discard(key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: str) -> None:
        if not self._load(key):
            raise KeyError(key)
        dict.__delitem__(self, key)
        self._absent.add(key)
        self.deleted.add(key)

    def setdefault(self, key: str, default: V, /) -> V:
        if not self._load(key):
            self[key] = default
        return dict.__getitem__(self, key)

    @overload
    def pop(self, key: str, /) -> V: ...
    @overload
    def pop(self, key: str, default: V, /) -> V: ...
    @overload
    def pop(self, key: str, default: T, /) -> V | T: ...
    def pop(self, key: str, *default: Any) -> Any:
        if not self._load(key):
            if default:
                return default[0]
            raise KeyError(key)
        value = dict.__getitem__(self, key)
        del self[key]
        return value
