"""The library API end to end on hand-written inputs."""

from __future__ import annotations

from pathlib import Path

from corroborator import analyze, ingest
from corroborator.store import Store


def test_analyze_reads_a_folder_and_keeps_failures(tmp_path: Path, article_text: str) -> None:
    (tmp_path / "a.txt").write_text(article_text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    result = analyze([tmp_path, tmp_path / "missing.html"])
    assert [Path(a.source).name for a in result.articles] == ["a.txt"]
    assert {Path(f.source).name for f in result.failures} == {"b.txt", "missing.html"}
    assert not result.ok


def test_same_input_twice_is_one_article(tmp_path: Path, article_text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article_text, encoding="utf-8")
    result = analyze([path, path])
    assert len(result.articles) == 1


def test_ingest_is_idempotent_and_versions_changes(tmp_path: Path, article_text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article_text, encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        first = ingest([path], store)
        assert first.count("new") == 1
        second = ingest([path], store)
        assert second.count("new") == 0 and second.count("unchanged") == 1 and store.count() == 1
        path.write_text(article_text.replace("340 steel cables", "360 steel cables"), encoding="utf-8")
        third = ingest([path], store)
        assert third.count("new_version") == 1
        assert store.count() == 2
        new_id = third.results[0].article_id
        assert len(store.versions_of(new_id)) == 2


def test_an_input_read_again_unextracted_is_still_a_sighting(tmp_path: Path, article_text: str) -> None:
    """A source that went back to earlier content: its next change is linked to that content."""
    path = tmp_path / "a.txt"
    first, second, third = (article_text.replace("340 steel cables", f"{n} steel cables") for n in (1, 2, 3))
    with Store.open(tmp_path / "s.db") as store:
        ids = []
        for text in (first, second, first, third):
            path.write_text(text, encoding="utf-8")
            ids.append(ingest([path], store).results[0])
        assert [r.status.value for r in ids] == ["new", "new_version", "unchanged", "new_version"]
        assert ids[3].previous_id == ids[0].article_id


def test_analyze_with_store_keeps_earlier_articles(tmp_path: Path, article_text: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(article_text, encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        analyze([good], store=store)
        before = store.count()
        bad = tmp_path / "bad.txt"
        bad.write_bytes(b"\x00\x01\x02" * 100)
        result = analyze([bad], store=store)
        assert result.failures and store.count() == before


def test_a_mixed_folder_gives_one_story_per_event(tmp_path: Path, article_text: str) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples" / "text"
    other = tmp_path / "bridge.txt"
    other.write_text(article_text, encoding="utf-8")
    result = analyze([examples, other], annotate=False)
    groups = sorted(sorted(Path(i).name for i in s.article_ids) for s in result.stories)
    by_id = {a.id: Path(a.source).name for a in result.articles}
    named = sorted(sorted(by_id[i] for i in s.article_ids) for s in result.stories)
    assert len(groups) == 2
    assert ["bridge.txt"] in named
    assert sorted(p.name for p in examples.iterdir()) in named


def test_with_related_maps_groups_to_the_analysed_stories() -> None:
    from corroborator.api import RelatedStory, StoryAnalysis, with_related
    from corroborator.cluster import Grouping, RelatedGroup

    stories = [StoryAnalysis(f"s{n}", title, (x,)) for n, title, x in ((1, "First", "a"), (2, "Second", "b"),
                                                                        (3, "Third", "c"))]
    grouping = Grouping([("a",), ("b",), ("c",)], [(RelatedGroup(2, 0.2, ("Kellby",), 3),), (), ()])
    first, second, third = with_related(stories, grouping)
    assert first.related == (RelatedStory("s3", "Third", 0.2, ("Kellby",), 3),)
    assert second is stories[1] and third is stories[2]


PORTUGUESE = (
    "# Ponte Harbour reabre após reparos\n\n"
    "A ponte Harbour reabriu ao trânsito no domingo, depois de quatro meses de obras que custaram à "
    "cidade 12 milhões de dólares, disseram as autoridades.\n\n"
    "A prefeita Ann Brook disse que o trabalho terminou duas semanas antes do previsto. "
    '"Prometemos que a ponte voltaria antes da primavera, e voltou", disse ela aos jornalistas.'
)


def test_an_article_in_another_language_is_grouped_but_not_analysed(
    tmp_path: Path, article_text: str
) -> None:
    import jsonschema

    from corroborator.render.json import report, schema, story_json

    (tmp_path / "bridge.txt").write_text(article_text, encoding="utf-8")
    (tmp_path / "ponte.txt").write_text(PORTUGUESE, encoding="utf-8")
    result = analyze([tmp_path])
    language = {Path(a.source).name: a.language for a in result.articles}
    assert language == {"bridge.txt": "en", "ponte.txt": "pt"}
    (pt_id,) = [a.id for a in result.articles if a.language == "pt"]
    (story,) = [s for s in result.stories if pt_id in s.article_ids]  # the English one's too: same names
    assert story_json(story)["not_analysed"] == [pt_id]
    assert story.annotations is not None and story.annotations.of(pt_id).mentions == ()
    assert story.claims and all(pt_id not in c.article_ids for c in story.claims)
    assert story.briefing is not None and story.briefing.verdict().endswith("1 not analysed (written in pt)")
    jsonschema.validate(report(result), schema())
