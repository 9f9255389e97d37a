"""Plain-data (JSON-ready) encoding of the frozen records, and back, driven by their type hints.

Used to cache annotations in the store as JSON (never pickle: a store file may come from elsewhere).
Handles dataclasses, enums, tuples (``tuple[X, ...]`` and fixed), ``X | None`` and primitives.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union

from corroborator import models

T = TypeVar("T")


def to_data(value: Any) -> Any:
    """Records -> dicts/lists/primitives."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    module = sys.modules.get(cls.__module__)
    namespace = {**vars(models), **(vars(module) if module else {})}
    return typing.get_type_hints(cls, globalns=namespace)


def from_data(kind: Any, data: Any) -> Any:
    """Plain data -> a value of type ``kind`` (a record class or a type hint)."""
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        if data is None:
            return None
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return from_data(options[0], data)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], v) for v in data)
        return tuple(from_data(a, v) for a, v in zip(args, data, strict=True))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{name: from_data(hints[name], data[name]) for name in hints if name in data})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if kind is float and isinstance(data, int):
        return float(data)
    return data


def decode(cls: type[T], data: Any) -> T:
    result: T = from_data(cls, data)
    return result
