from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.config import AnnotateConfig, Config, ExtractConfig, IngestConfig, JsonFields
from corroborator.errors import ConfigError


def test_defaults_are_valid() -> None:
    config = Config()
    assert config.ingest.max_bytes > 0
    assert config.extract.min_body_chars >= 0


@pytest.mark.parametrize(
    ("build", "setting"),
    [
        (lambda: IngestConfig(max_bytes=0), "ingest.max_bytes"),
        (lambda: IngestConfig(timeout=-1), "ingest.timeout"),
        (lambda: IngestConfig(user_agent=" "), "ingest.user_agent"),
        (lambda: ExtractConfig(corpus_repetition=1), "extract.corpus_repetition"),
        (lambda: JsonFields(body=""), "ingest.json_fields.body"),
        (lambda: AnnotateConfig(languages=()), "annotate.languages"),
    ],
)
def test_bad_values_fail_when_built(build: object, setting: str) -> None:
    with pytest.raises(ConfigError, match=setting.replace(".", r"\.")):
        build()  # type: ignore[operator]


def test_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        '[ingest]\nmax_bytes = 1000\n[ingest.json_fields]\nbody = "content"\n[store]\npath = "x.db"\n'
        '[annotate]\nlanguages = ["en", "de"]\n',
        encoding="utf-8",
    )
    config = Config.from_toml(path)
    assert config.ingest.max_bytes == 1000
    assert config.ingest.json_fields.body == "content"
    assert config.ingest.json_fields.title == "title"
    assert config.store.path == Path("x.db")
    assert config.annotate.languages == ("en", "de")


@pytest.mark.parametrize(
    ("text", "match"),
    [("[ingset]\n", "ingset"), ("[ingest]\nmax_byte = 3\n", "ingest.max_byte"), ("not toml [", "TOML")],
)
def test_typos_and_bad_files_are_errors(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=match):
        Config.from_toml(path)
