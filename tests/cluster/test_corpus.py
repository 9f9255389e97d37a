"""Real corpora in one folder: the example story (and the seed story) each come out as one story."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from corroborator import analyze
from corroborator.cluster import cluster_articles
from corroborator.models import Article

if TYPE_CHECKING:
    from conftest import MiniCorpus

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "text"
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
ECBPLUS = SHARED / "bench" / "ecbplus" / "dev-topics-1-22.jsonl"


def read(path: Path) -> list[Article]:
    return list(analyze([path], annotate=False).articles)


def story_of(groups: list[tuple[str, ...]], ids: set[str]) -> tuple[str, ...]:
    """The single story holding all of ``ids`` (fails when they are spread or mixed with others)."""
    holding = [g for g in groups if ids & set(g)]
    assert len(holding) == 1, f"{len(holding)} stories hold these articles: {holding}"
    return holding[0]


def test_examples_are_one_story_among_unrelated_articles(mini: MiniCorpus) -> None:
    examples = read(EXAMPLES)
    assert len(examples) == 6
    groups = cluster_articles([*mini.all, *examples])
    ids = {a.id for a in examples}
    assert set(story_of(groups, ids)) == ids
    assert frozenset(a.id for a in mini.quake_a) in {frozenset(g) for g in groups}


@pytest.mark.shared
@pytest.mark.skipif(not SEEDS.is_dir() or not ECBPLUS.is_file(), reason="needs ../shared")
def test_seeds_and_examples_are_one_story_each_in_a_mixed_folder(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in ECBPLUS.read_text(encoding="utf-8").splitlines()[:300]]
    with (tmp_path / "ecb.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps({"text": row["text"]}) + "\n")
    for path in [*SEEDS.iterdir(), *EXAMPLES.iterdir()]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    articles = read(tmp_path)
    seeds = {a.id for a in articles if Path(a.source).name in {p.name for p in SEEDS.iterdir()}}
    examples = {a.id for a in articles if Path(a.source).name in {p.name for p in EXAMPLES.iterdir()}}
    assert len(seeds) == 5 and len(examples) == 6
    assert len(articles) > 250
    groups = cluster_articles(articles)
    assert set(story_of(groups, seeds)) == seeds
    assert set(story_of(groups, examples)) == examples
    shuffled = cluster_articles([replace(a) for a in reversed(articles)])
    assert {frozenset(g) for g in shuffled} == {frozenset(g) for g in groups}
