"""The CLI is a thin, documented shell over the library."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from corroborator.cli import EXIT_FATAL, EXIT_SOME_FAILED, app
from corroborator.render.json import schema

runner = CliRunner()


def _corpus(tmp_path: Path, article_text: str) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bridge.txt").write_text(article_text, encoding="utf-8")
    (folder / "second.md").write_text(
        article_text.replace("Harbour Bridge Reopens", "City Celebrates Bridge").replace("Jane", "Sam"),
        encoding="utf-8",
    )
    return folder


def test_every_command_has_help_with_an_example() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert {"ingest", "articles", "show", "analyze"} <= set(names)
    for name in names:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert "Example:" in result.output, f"`corroborator {name} --help` has no example"


def test_analyze_writes_valid_json(tmp_path: Path, article_text: str) -> None:
    folder = _corpus(tmp_path, article_text)
    report_path = tmp_path / "report.json"
    result = runner.invoke(app, ["analyze", str(folder), "--format", "json", "--out", str(report_path)])
    assert result.exit_code == 0, result.output
    report = json.loads(report_path.read_text(encoding="utf-8"))
    jsonschema.validate(report, schema())
    assert {Path(a["source"]).name for a in report["articles"]} == {"bridge.txt", "second.md"}
    bridge = next(a for a in report["articles"] if a["source"].endswith("bridge.txt"))
    assert bridge["title"] == "Harbour Bridge Reopens After Repairs"
    assert bridge["byline"] == "Jane Roe"
    assert bridge["published"] == "2024-03-03"
    assert "Read More" not in bridge["body"]


def test_analyze_markdown_and_terminal(tmp_path: Path, article_text: str) -> None:
    folder = _corpus(tmp_path, article_text)
    md = runner.invoke(app, ["analyze", str(folder), "--format", "md"])
    assert md.exit_code == 0, md.output
    assert "## Harbour Bridge Reopens After Repairs" in md.output
    term = runner.invoke(app, ["analyze", str(folder)])
    assert term.exit_code == 0, term.output
    assert "2 articles" in term.output and "independent report" in term.output
    assert "Summary" in term.output and "Removed as boilerplate" not in term.output
    removed = runner.invoke(app, ["analyze", str(folder), "--removed"])
    assert "Removed as boilerplate" in removed.output and "Read More" in removed.output


def test_bad_inputs_are_named_and_others_still_processed(tmp_path: Path, article_text: str) -> None:
    folder = _corpus(tmp_path, article_text)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    report_path = tmp_path / "r.json"
    result = runner.invoke(
        app, ["analyze", str(folder), str(empty), str(binary), "--format", "json", "--out", str(report_path)]
    )
    assert result.exit_code == EXIT_SOME_FAILED
    assert "empty.txt" in result.output and "blob.txt" in result.output
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert len(report["articles"]) == 2
    assert {Path(f["source"]).name for f in report["failures"]} == {"empty.txt", "blob.txt"}


def test_nothing_usable_is_fatal(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path / "missing.txt")])
    assert result.exit_code == EXIT_FATAL
    assert "missing.txt" in result.output


def test_ingest_list_show_roundtrip(tmp_path: Path, article_text: str) -> None:
    folder = _corpus(tmp_path, article_text)
    db = tmp_path / "store.db"
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "2 new" in first.output
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "0 new, 0 new versions, 0 re-extracted, 2 unchanged" in again.output
    (folder / "bridge.txt").write_text(article_text.replace("$12 million", "$13 million"), encoding="utf-8")
    changed = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert "1 new versions" in changed.output, changed.output
    listing = runner.invoke(app, ["articles", "--db", str(db)])
    assert listing.exit_code == 0
    assert "3 articles" in listing.output
    from corroborator.store import Store

    with Store.open(db) as store:
        some_id = store.articles(limit=1, offset=0)[0].id
    shown = runner.invoke(app, ["show", some_id[:8], "--db", str(db), "--removed"])
    assert shown.exit_code == 0, shown.output
    assert "Removed" in shown.output


@pytest.mark.parametrize("bad", ["not-a-prefix-anywhere"])
def test_show_unknown_id_is_a_clear_error(tmp_path: Path, article_text: str, bad: str) -> None:
    db = tmp_path / "s.db"
    runner.invoke(app, ["ingest", str(_corpus(tmp_path, article_text)), "--db", str(db)])
    result = runner.invoke(app, ["show", bad, "--db", str(db)])
    assert result.exit_code == EXIT_FATAL
    assert bad in result.output


def test_demo_writes_the_html_report(tmp_path: Path) -> None:
    out = tmp_path / "demo.html"
    result = runner.invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "HTML report" in result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Marrowick" in page


def test_an_analysed_story_that_found_nothing_still_lists_the_empty_sections(tmp_path: Path) -> None:
    folder = tmp_path / "quiet"
    folder.mkdir()
    (folder / "note.txt").write_text(
        "Garden notes\n\nThe roses along the north wall are flowering well and need little care "
        "beyond water in the evenings and a light trim of the oldest stems. The climbing ones on the "
        "old brick are the strongest of all, with scent that carries across the lawn to the gate.",
        encoding="utf-8",
    )
    report_path = tmp_path / "report.json"
    result = runner.invoke(app, ["analyze", str(folder), "--format", "json", "--out", str(report_path)])
    assert result.exit_code == 0, result.output
    report = json.loads(report_path.read_text(encoding="utf-8"))
    jsonschema.validate(report, schema())
    (story,) = report["stories"]
    assert story["claims"] == [] and story["contradictions"] == [] and story["timeline"] == []
