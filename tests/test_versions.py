import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborator.annotate import pipeline
from corroborator.errors import CorroboratorError
from corroborator.versions import source_digest

digest = source_digest.__wrapped__  # uncached: each call reads the files again


@pytest.fixture
def package(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "vpkg_probe"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "rules.py").write_text("LIMIT = 1\n")
    (root / "sub" / "__init__.py").write_text("")
    (root / "sub" / "deep.py").write_text("X = 1\n")
    sys.path.insert(0, str(tmp_path))
    importlib.invalidate_caches()
    yield root
    sys.path.remove(str(tmp_path))
    for name in [m for m in sys.modules if m.startswith("vpkg_probe")]:
        del sys.modules[name]


def test_a_digest_changes_with_any_module_of_the_package(package: Path) -> None:
    first = digest("vpkg_probe")
    assert digest("vpkg_probe") == first and len(first) == 12
    (package / "sub" / "deep.py").write_text("X = 2\n")
    second = digest("vpkg_probe")
    assert second != first
    (package / "new.py").write_text("")
    assert digest("vpkg_probe") not in (first, second)


def test_a_module_is_digested_alone(package: Path) -> None:
    alone = digest("vpkg_probe.rules")
    (package / "sub" / "deep.py").write_text("X = 3\n")
    assert digest("vpkg_probe.rules") == alone
    (package / "rules.py").write_text("LIMIT = 2\n")
    assert digest("vpkg_probe.rules") != alone


def test_an_unknown_module_is_an_error() -> None:
    with pytest.raises(CorroboratorError, match="no_such_module_here"):
        digest("no_such_module_here")


def test_the_annotation_cache_key_follows_the_annotation_code() -> None:
    expected = source_digest("corroborator.annotate", "corroborator.models", "corroborator.serialize")
    assert pipeline.VERSION.removeprefix("annotate-2+") == expected
