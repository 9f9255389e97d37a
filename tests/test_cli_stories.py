"""`corroborator ingest` places articles in stories; `stories` lists them, `story ID` shows one."""

from __future__ import annotations

import json
from pathlib import Path

import briefing_story
import jsonschema
from typer.testing import CliRunner

from corroborator.cli import EXIT_FATAL, app
from corroborator.render.json import schema
from corroborator.store import Store
from corroborator.stories import decode_analysis, encode_analysis, load_story

runner = CliRunner()

HARVEST = (
    "# Tessam Valley Expects Record Apple Harvest\n\n"
    "September 12, 2024\n\n"
    "Farmers in the Tessam valley expect a record apple harvest this autumn after a warm, wet summer, "
    "the Tessam Growers Union said on Wednesday.\n\n"
    "The union's chair, Berit Alsen, said prices could fall by a fifth as a result, squeezing smaller "
    "orchards that sell at the Tessam market.\n\n"
    "Growers expect to pick about 48,000 tonnes, up from 39,000 tonnes last year, Alsen said.\n"
)


def _corpus(tmp_path: Path, article_text: str) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bridge.txt").write_text(article_text, encoding="utf-8")
    (folder / "harvest.md").write_text(HARVEST, encoding="utf-8")
    return folder


def _stories(db: Path) -> list[dict[str, object]]:
    result = runner.invoke(app, ["stories", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    listed: list[dict[str, object]] = json.loads(result.output)
    return listed


def test_ingest_places_and_analyses_then_stories_and_story_show_them(
    tmp_path: Path, article_text: str
) -> None:
    folder = _corpus(tmp_path, article_text)
    db = tmp_path / "news.db"
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "stories: 2 articles placed, 2 new stories, 0 updated stories" in first.output
    listed = _stories(db)
    assert {s["title"] for s in listed} == {"Harbour Bridge Reopens After Repairs",
                                            "Tessam Valley Expects Record Apple Harvest"}
    assert all(s["size"] == 1 and s["reports"] == 1 for s in listed)
    assert {s["first_date"] for s in listed} == {"2024-03-03", "2024-09-12"}
    assert listed[0]["first_date"] == "2024-09-12"  # latest first
    table = runner.invoke(app, ["stories", "--db", str(db), "--limit", "1"])
    assert table.exit_code == 0 and "2 stories" in table.output and "Tessam" in table.output
    assert "Harbour" not in table.output

    bridge = next(str(s["id"]) for s in listed if "Bridge" in str(s["title"]))
    report = tmp_path / "story.json"
    args = ["story", bridge[:6], "--db", str(db), "--format", "json", "--out", str(report)]
    shown = runner.invoke(app, args)
    assert shown.exit_code == 0, shown.output
    data = json.loads(report.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema())
    assert [s["id"] for s in data["stories"]] == [bridge]
    assert [a["title"] for a in data["articles"]] == ["Harbour Bridge Reopens After Repairs"]
    assert data["stories"][0]["summary"]  # the cached, annotated analysis
    md = runner.invoke(app, ["story", bridge[:6], "--db", str(db), "--format", "md"])
    assert md.exit_code == 0 and "## Harbour Bridge Reopens After Repairs" in md.output
    term = runner.invoke(app, ["story", bridge, "--db", str(db)])
    assert term.exit_code == 0 and "Summary" in term.output and "Tessam" not in term.output

    with Store.open(db, read_only=True) as store:  # the cache decodes to what it encodes
        analysis = load_story(store, bridge).analysis
        assert analysis is not None and encode_analysis(decode_analysis(encode_analysis(analysis))) == (
            encode_analysis(analysis)
        )

    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert "stories: 0 articles placed, 0 new stories, 0 updated stories" in again.output


def test_story_unknown_id_and_unplaced_articles(tmp_path: Path, article_text: str) -> None:
    folder = _corpus(tmp_path, article_text)
    db = tmp_path / "news.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-stories"])
    assert result.exit_code == 0 and "stories:" not in result.output
    listing = runner.invoke(app, ["stories", "--db", str(db)])
    assert listing.exit_code == 0
    assert "0 stories" in listing.output and "2 articles are not in a story yet" in listing.output
    missing = runner.invoke(app, ["story", "s-nothing", "--db", str(db)])
    assert missing.exit_code == EXIT_FATAL and "no story id starts with 's-nothing'" in missing.output
    updated = runner.invoke(app, ["stories", "--db", str(db), "--update"])
    assert updated.exit_code == 0, updated.output
    assert "2 articles placed" in updated.output and "2 stories" in updated.output

    with Store.open(db) as store:  # forget one cached analysis: `story` analyses it again
        first = "SELECT min(rowid) FROM story_analyses"
        store.connection.execute(f"DELETE FROM story_analyses WHERE rowid = ({first})")
    stale = [s for s in _stories(db) if s["reports"] is None]
    assert len(stale) == 1
    shown = runner.invoke(app, ["story", str(stale[0]["id"]), "--db", str(db), "--format", "md"])
    assert shown.exit_code == 0, shown.output
    assert f"## {stale[0]['title']}" in shown.output
    assert all(s["reports"] == 1 for s in _stories(db))
    rebuilt = runner.invoke(app, ["stories", "--db", str(db), "--rebuild"])
    assert rebuilt.exit_code == 0 and "stories: 2 articles placed, 2 new stories" in rebuilt.output


def test_stories_analyse_what_another_version_analysed(tmp_path: Path, article_text: str) -> None:
    folder = _corpus(tmp_path, article_text)
    db = tmp_path / "news.db"
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(db)]).exit_code == 0
    with Store.open(db) as store:  # as an upgrade leaves them: analyses made by another version
        store.connection.execute("UPDATE story_analyses SET version = 'story-1+old'")
    listing = runner.invoke(app, ["stories", "--db", str(db)])
    assert "not analysed by this version yet: add `--analyse`" in listing.output
    assert all(s["reports"] is None for s in _stories(db))
    one = runner.invoke(app, ["stories", "--db", str(db), "--analyse", "--limit", "1", "--json"])
    assert one.exit_code == 0, one.output
    assert [s["reports"] for s in _stories(db)] == [1, None]  # only the listed one
    runner.invoke(app, ["stories", "--db", str(db), "--analyse"])
    assert all(s["reports"] == 1 for s in _stories(db))


def test_story_analyses_round_trip_through_json() -> None:
    (story,) = briefing_story.analysis().stories
    assert decode_analysis(encode_analysis(story)) == story
