"""Fixtures for the stories-in-the-store tests: the story clustering tests' hand-written mini corpus."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from corroborator.models import Article


def _cluster_corpus() -> ModuleType:
    """tests/cluster/conftest.py, loaded by path (importlib mode: conftests are not importable)."""
    path = Path(__file__).resolve().parents[1] / "cluster" / "conftest.py"
    spec = importlib.util.spec_from_file_location("cluster_mini_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def corpus() -> dict[str, list[Article]]:
    """Two earthquakes of one topic (``quake_a``, ``quake_b``: three reports each), four others."""
    module = _cluster_corpus()
    return {"quake_a": list(module.QUAKE_A), "quake_b": list(module.QUAKE_B), "others": list(module.OTHERS)}
