"""The online story clusterer on hand-written mini-corpora."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from corroborator.cluster import StoryClusterer, batch_order, cluster_articles
from corroborator.config import ClusterConfig, Config
from corroborator.errors import ConfigError
from corroborator.models import Article

if TYPE_CHECKING:
    from conftest import MiniCorpus


def as_sets(groups: list[tuple[str, ...]]) -> set[frozenset[str]]:
    return {frozenset(g) for g in groups}


def test_two_events_of_one_topic_stay_apart_and_reports_of_one_event_join(mini: MiniCorpus) -> None:
    groups = as_sets(cluster_articles(mini.all))
    assert frozenset(a.id for a in mini.quake_a) in groups
    assert frozenset(a.id for a in mini.quake_b) in groups
    assert all(frozenset([a.id]) in groups for a in mini.others)


def test_batch_result_is_independent_of_input_order(mini: MiniCorpus) -> None:
    forward = cluster_articles(mini.all)
    backward = cluster_articles(mini.all[::-1])
    assert as_sets(forward) == as_sets(backward)
    assert forward[0][0] == mini.all[0].id  # stories in the order of their first article
    assert backward[0][0] == mini.all[-1].id


def test_incremental_add_matches_batch(mini: MiniCorpus) -> None:
    clusterer = StoryClusterer()
    ids = [clusterer.add_article(a) for a in batch_order(mini.all)]
    assert len(ids) == len(mini.all)
    clusterer.refine()
    assert as_sets(list(clusterer.stories().values())) == as_sets(cluster_articles(mini.all))


def test_new_article_joins_its_event_when_added_later(mini: MiniCorpus) -> None:
    clusterer = StoryClusterer()
    for a in [*mini.quake_a[:2], *mini.quake_b, *mini.others]:
        clusterer.add_article(a)
    clusterer.refine()
    story = clusterer.add_article(mini.quake_a[2])
    assert story == clusterer.story_of(mini.quake_a[0].id) != clusterer.story_of(mini.quake_b[0].id)
    assert clusterer.add_article(mini.quake_a[2]) == story  # adding again changes nothing
    assert len(clusterer) == len(mini.all)


def test_story_ids_are_stable_and_named_after_the_first_article(mini: MiniCorpus) -> None:
    first = StoryClusterer()
    second = StoryClusterer()
    for a in mini.all:
        first.add_article(a)
        second.add_article(a)
    assert first.stories() == second.stories()
    assert first.story_of("o1") != first.story_of("o2")


def test_state_round_trips_through_json(mini: MiniCorpus) -> None:
    clusterer = StoryClusterer()
    for a in batch_order([*mini.quake_a[:2], *mini.quake_b, *mini.others]):
        clusterer.add_article(a)
    clusterer.refine()
    data = json.loads(json.dumps(clusterer.to_data()))
    loaded = StoryClusterer.from_data(data)
    assert loaded.stories() == clusterer.stories()
    for article_id in ("qa1", "qb2"):
        mine, theirs = loaded.neighbors(article_id), clusterer.neighbors(article_id)
        assert [a for a, _ in mine] == [a for a, _ in theirs]
        assert [s for _, s in mine] == pytest.approx([s for _, s in theirs], rel=1e-5)
    assert loaded.add_article(mini.quake_a[2]) == clusterer.add_article(mini.quake_a[2])
    assert loaded.stories() == clusterer.stories()
    with pytest.raises(ValueError, match="version"):
        StoryClusterer.from_data({**data, "version": 99})


def test_time_window_keeps_far_apart_reports_apart_but_not_undated_ones(mini: MiniCorpus) -> None:
    def dated(items: list[Article], day: str | None, suffix: str) -> list[Article]:
        return [replace(a, id=a.id + suffix, published=day) for a in items]

    near = dated(mini.quake_a[:2], "2024-03-05", "") + dated(mini.quake_a[2:], "2024-03-07", "")
    assert len(cluster_articles([*near, *mini.others])) == 1 + len(mini.others)
    far = dated(mini.quake_a[:2], "2024-03-05", "") + dated(mini.quake_a[2:], "2025-03-07", "")
    groups = as_sets(cluster_articles([*far, *mini.others], ClusterConfig(time_floor=0.0)))
    assert frozenset({"qa1", "qa2"}) in groups and frozenset({"qa3"}) in groups
    # by default a gap discounts but never vetoes: a report a year later in the same words (a trial,
    # a sentence) stays in the story
    assert frozenset({"qa1", "qa2", "qa3"}) in as_sets(cluster_articles([*far, *mini.others]))
    undated = dated(mini.quake_a[:2], "2024-03-05", "") + dated(mini.quake_a[2:], None, "")
    assert frozenset({"qa1", "qa2", "qa3"}) in as_sets(cluster_articles([*undated, *mini.others]))


def test_a_second_quake_in_the_same_town_a_year_later_is_another_story(mini: MiniCorpus) -> None:
    # same town, governor and institute; another magnitude, day, toll and damage: only time and
    # the figures tell the two events apart, and the time floor must leave time enough weight
    later = [
        Article(id="qc1", source="t/qc1", title="4.9 quake injures 12 in Varnholm", body=(
            "A magnitude 4.9 earthquake shook Varnholm on Friday, injuring twelve people and cracking the "
            "walls of the town hall, the Ostria civil protection agency said.\n\nGovernor Pella Harrand "
            "said no buildings had collapsed. The Ostria Seismological Institute placed the epicentre 6 "
            "kilometres east of Varnholm.\n\nResidents recalled last year's deadly quake.")),
        Article(id="qc2", source="t/qc2", body=(
            "Twelve people were hurt when a 4.9-magnitude tremor hit Varnholm on Friday, officials in "
            "Ostria said.\n\nGovernor Pella Harrand said engineers were inspecting the town hall, whose "
            "walls cracked. The Ostria Seismological Institute said the epicentre was 6 kilometres east of "
            "the town.")),
        Article(id="qc3", source="t/qc3", body=(
            "Varnholm's town hall was closed on Friday after a magnitude 4.9 quake cracked its walls and "
            "injured twelve people, Governor Pella Harrand said.\n\nThe Ostria Seismological Institute "
            "recorded two aftershocks.")),
    ]
    first = [replace(a, published="2024-03-05") for a in mini.quake_a]
    second = [replace(a, published="2025-04-11") for a in later]
    groups = as_sets(cluster_articles([*first, *second, *mini.others]))
    assert {"qa1", "qa2", "qa3"} in groups and {"qc1", "qc2", "qc3"} in groups
    timeless = as_sets(cluster_articles([*first, *second, *mini.others], ClusterConfig(time_floor=1.0)))
    assert {"qa1", "qa2", "qa3", "qc1", "qc2", "qc3"} in timeless  # words alone would join them


def test_one_event_alone_is_one_story(mini: MiniCorpus, ferry: list[Article]) -> None:
    """A folder of one event's reports: every term they share is in most of the corpus, so
    idf computed on the folder alone would weigh each report's own words over the event's
    (the piece on the operator's safety record then stands apart); ``background_docs`` counts
    documents that hold none of them."""
    assert cluster_articles(ferry) == [tuple(a.id for a in ferry)]
    assert len(cluster_articles(ferry, ClusterConfig(background_docs=0.0))) == 2  # what it guards
    mixed = cluster_articles([*ferry, *mini.all])
    assert tuple(a.id for a in ferry) in mixed and tuple(a.id for a in mini.quake_a) in mixed


def test_unrelated_articles_stay_alone(mini: MiniCorpus) -> None:
    groups = cluster_articles(mini.others)
    assert len(groups) == len(mini.others)


def test_config_is_validated_and_loadable() -> None:
    with pytest.raises(ConfigError):
        ClusterConfig(threshold=0.0)
    with pytest.raises(ConfigError):
        ClusterConfig(snn_weight=1.5)
    with pytest.raises(ConfigError):
        ClusterConfig(neighbors=0)
    with pytest.raises(ConfigError):
        ClusterConfig(time_floor=1.5)
    with pytest.raises(ConfigError):
        ClusterConfig(max_postings=10, max_candidates=50)
    with pytest.raises(ConfigError, match="background_docs"):
        ClusterConfig(background_docs=-1)
    assert Config.from_dict({"cluster": {"threshold": 0.3}}).cluster.threshold == 0.3
    with pytest.raises(ConfigError):
        Config.from_dict({"cluster": {"threshhold": 0.3}})


def test_empty_and_duplicate_input() -> None:
    assert cluster_articles([]) == []
    one = Article(id="x", source="x", body="One article about the Kellby cycle lane on Marrow Road.")
    assert cluster_articles([one, one]) == [("x",)]
