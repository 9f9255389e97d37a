"""The stages after extraction, in one process and in worker processes: the same results."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from corroborator import analyze
from corroborator.config import AnnotateConfig, Config
from corroborator.errors import ConfigError
from corroborator.models import Article
from corroborator.render.json import report
from corroborator.run import analyze_articles, worker_count

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "text"


def _report(processes: int) -> dict[str, object]:
    annotate = AnnotateConfig(n_process=processes, parallel_min_articles=0, chunk_articles=2)
    data = report(analyze([EXAMPLES], replace(Config(), annotate=annotate)))
    data.pop("generated_at")
    return data


def test_workers_give_the_same_report_as_one_process() -> None:
    serial = _report(1)
    parallel = _report(2)
    assert serial["stories"]  # a real analysis, not two empty ones
    assert json.dumps(parallel, sort_keys=True) == json.dumps(serial, sort_keys=True)


def test_timings_name_each_phase() -> None:
    from corroborator.api import iter_articles

    config = replace(Config(), annotate=AnnotateConfig(n_process=1))
    articles = [a for a in iter_articles([EXAMPLES], config) if isinstance(a, Article)]
    timings: dict[str, float] = {}
    stories = analyze_articles(articles, config, timings=timings)
    assert stories and set(timings) == {"cluster", "parse", "story analysis"}
    assert all(v >= 0 for v in timings.values())


def test_no_articles_no_stories() -> None:
    assert analyze_articles([], Config()) == ()


def test_worker_count() -> None:
    assert worker_count(AnnotateConfig(n_process=3)) == 3
    assert worker_count(AnnotateConfig()) >= 1


@pytest.mark.parametrize(
    "field, value",
    [("n_process", -1), ("parallel_min_articles", -1), ("chunk_articles", 0)],
)
def test_bad_settings_are_refused(field: str, value: int) -> None:
    with pytest.raises(ConfigError, match=f"annotate.{field}"):
        AnnotateConfig(**{field: value})  # type: ignore[arg-type]


def test_groups_are_analysed_as_given_in_one_process_or_several() -> None:
    from corroborator.api import iter_articles
    from corroborator.run import analyze_groups

    articles = [a for a in iter_articles([EXAMPLES], Config()) if isinstance(a, Article)]
    groups = [articles[:2], articles[2:]]
    results = []
    for processes in (1, 2):
        annotate = AnnotateConfig(n_process=processes, parallel_min_articles=0, chunk_articles=2)
        stories = analyze_groups(groups, replace(Config(), annotate=annotate))
        assert [s.article_ids for s in stories] == [tuple(a.id for a in g) for g in groups]
        assert all(s.briefing is not None and s.annotations is not None for s in stories)
        results.append([(s.reports, s.claims, s.timeline) for s in stories])
    assert results[0] == results[1]
    assert analyze_groups([[], []], Config()) == ()


def test_a_worker_that_dies_is_a_clear_error() -> None:
    import os

    from corroborator.errors import CorroboratorError, WorkerError
    from corroborator.run import Workers, _result

    with Workers(Config(), 1) as workers:
        future = workers.executor.submit(os._exit, 3)  # the worker process ends abruptly
        with pytest.raises(WorkerError, match="died before finishing") as caught:
            _result(future)
    assert isinstance(caught.value, CorroboratorError)


@pytest.mark.parametrize("processes", [1, 2])
def test_a_story_whose_analysis_fails_keeps_its_articles_and_the_others_are_analysed(
    processes: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import corroborator.api as api

    for f in EXAMPLES.iterdir():
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "zz_bakery.txt").write_text(
        "Bakery in Tollbridge wins regional bread prize\n\n"
        "A family bakery in the market town of Tollbridge won the regional rye bread prize on Saturday, "
        "beating 40 other bakers from across the county with a sourdough loaf proved for two days.\n\n"
        "The owners, who opened the shop in 1987, said they would put the prize money into a new oven.",
        encoding="utf-8",
    )
    real = api.analyze_story

    def fragile(articles: list[Article], *args: Any, **kwargs: Any) -> Any:
        if any("bakery" in a.source for a in articles):
            raise ValueError("could not convert string to float: '2.83.8'")
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(api, "analyze_story", fragile)
    annotate = AnnotateConfig(n_process=processes, parallel_min_articles=0, chunk_articles=2)
    result = analyze([tmp_path], replace(Config(), annotate=annotate))
    broken = [s for s in result.stories if s.error is not None]
    whole = [s for s in result.stories if s.error is None]
    assert len(broken) == 1 and "could not convert" in (broken[0].error or "")
    assert len(broken[0].article_ids) == 1 and not broken[0].claims and broken[0].briefing is not None
    assert whole and all(s.claims for s in whole)  # the example story was analysed all the same
    (failure,) = result.failures
    assert "zz_bakery.txt" in failure.source and "analysis failed" in failure.problem
