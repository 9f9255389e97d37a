"""refine(): stale neighbour lists refreshed, touched stories re-clustered by average linkage."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import pytest

from corroborator.cluster import StoryClusterer, batch_order, cluster_articles, featurize
from corroborator.cluster.refine import mean_time_factor
from corroborator.config import ClusterConfig

if TYPE_CHECKING:
    from conftest import MiniCorpus


def assert_consistent(clusterer: StoryClusterer) -> None:
    """Every story's members, neighbour counts, centroid terms and days agree with its articles."""
    placed = Counter(a for s in clusterer.by_story.values() for a in s.members)
    assert placed == Counter(list(clusterer.members))  # every article in exactly one story
    for story in clusterer.by_story.values():
        assert all(clusterer.story_of(a) == story.id for a in story.members)
        counts = Counter(x for a in story.members for x in clusterer.near_of(a, clusterer.members[a]))
        assert story.counts == dict(counts)
        terms = {t for a in story.members for t in clusterer.members[a].terms}
        assert set(story.centroid) == terms  # values may lag the idf by the drift factor
        days = [d for d in (clusterer.members[a].day for a in story.members) if d is not None]
        assert (story.first_day, story.last_day) == ((min(days), max(days)) if days else (None, None))


def test_refine_splits_two_events_joined_while_adding(mini: MiniCorpus) -> None:
    # a join threshold so low that everything about earthquakes lands in one story while adding
    clusterer = StoryClusterer(ClusterConfig(threshold=0.01))
    for article in batch_order([*mini.quake_a, *mini.quake_b]):
        clusterer.add_article(article)
    first = clusterer.story_of("qa1")
    assert clusterer.story_of("qb1") == first
    assert clusterer.refine() == len(mini.quake_b)  # the three reports of the second quake moved
    stories = {frozenset(ids) for ids in clusterer.stories().values()}
    assert stories == {frozenset(a.id for a in mini.quake_a), frozenset(a.id for a in mini.quake_b)}
    assert clusterer.story_of("qa1") == first  # the part with the old story's first article keeps its id
    assert clusterer.story_of("qb1") == StoryClusterer().new_story_id("qb1")  # the other is named anew
    assert_consistent(clusterer)
    assert clusterer.refine() == 0  # stable: nothing touched since


def test_refine_merges_a_report_placed_apart_and_keeps_untouched_ids(mini: MiniCorpus) -> None:
    clusterer = StoryClusterer(ClusterConfig(threshold=1.0))  # nothing joins while adding
    for article in batch_order(mini.all):
        clusterer.add_article(article)
    assert len(clusterer.stories()) == len(mini.all)
    clusterer.refine()
    groups = {frozenset(ids) for ids in clusterer.stories().values()}
    assert frozenset(a.id for a in mini.quake_a) in groups
    assert frozenset(a.id for a in mini.quake_b) in groups
    assert clusterer.story_of("qa3") == clusterer.story_of("qa1") == StoryClusterer().new_story_id("qa1")
    assert_consistent(clusterer)
    other = clusterer.story_of("o1")
    clusterer.add_article(replace(mini.quake_a[0], id="qa4"))
    clusterer.refine()
    assert clusterer.story_of("qa4") == clusterer.story_of("qa1")
    assert clusterer.story_of("o1") == other
    assert_consistent(clusterer)


def test_stale_neighbour_lists_are_refreshed(mini: MiniCorpus) -> None:
    clusterer = StoryClusterer()
    clusterer.add_article(mini.quake_a[0])
    assert clusterer.neighbors("qa1") == ()  # alone when added
    for article in [*mini.others, *mini.quake_b, *mini.quake_a[1:]]:
        clusterer.add_article(article)
    member = clusterer.members["qa1"]
    member.neighbors = []  # as if the later reports had never offered themselves
    clusterer.refine()
    assert {a for a, _ in clusterer.neighbors("qa1")} >= {"qa2", "qa3"}
    assert member.linked == clusterer.docs
    assert_consistent(clusterer)


def test_time_factor_of_two_stories_is_averaged_over_pairs(mini: MiniCorpus) -> None:
    config = ClusterConfig()
    dated = [
        replace(mini.quake_a[0], published="2024-03-01"),
        replace(mini.quake_a[1], published="2024-03-01"),
        replace(mini.quake_a[2], published="2024-04-30"),  # 60 days later
        replace(mini.others[0], id="undated", published=None),
    ]
    clusterer = StoryClusterer(ClusterConfig(threshold=1.0))
    for article in dated:
        clusterer.add_article(article)
    story = {a: clusterer.by_story[clusterer.story_of(a)] for a in ("qa1", "qa2", "qa3", "undated")}
    decay = math.exp(-(60 - config.window_days) / config.decay_days)
    far = config.time_floor + (1 - config.time_floor) * decay
    assert config.time_floor < far < config.time_floor + 0.01
    assert mean_time_factor(clusterer, story["qa1"], story["qa2"]) == 1.0
    assert mean_time_factor(clusterer, story["qa1"], story["qa3"]) == pytest.approx(far)
    assert mean_time_factor(clusterer, story["qa3"], story["undated"]) == 1.0
    lone = clusterer.members["undated"]
    del clusterer.by_story[lone.story]
    clusterer.place("undated", lone, story["qa3"].id)  # now a story of a late report and an undated one
    assert mean_time_factor(clusterer, story["qa1"], story["qa3"]) == pytest.approx((far + 1.0) / 2)


def test_relink_growth_is_validated() -> None:
    from corroborator.errors import ConfigError

    with pytest.raises(ConfigError):
        ClusterConfig(relink_growth=0.5)
    assert ClusterConfig(relink_growth=1.0).relink_growth == 1.0


def test_relink_keeps_neighbours_the_index_does_not_surface(mini: MiniCorpus) -> None:
    clusterer = StoryClusterer()
    for article in mini.quake_a:
        clusterer.add_article(article)
    before = {a for a, _ in clusterer.neighbors("qa1")}
    assert before == {"qa2", "qa3"}
    clusterer.postings.clear()  # the index finds nothing now
    clusterer.relink("qa1", clusterer.members["qa1"])
    assert {a for a, _ in clusterer.neighbors("qa1")} == before
    assert_consistent(clusterer)


def test_a_split_off_part_named_anew_never_takes_the_id_another_part_keeps(mini: MiniCorpus) -> None:
    # the old story is named after its first article; here that article ends up in the SMALLER part,
    # so the larger part keeps the old id and the smaller one is named anew after the same article:
    # the new name must not be the old id (which would overwrite the larger part's story)
    articles = [*mini.quake_a[:2], *mini.quake_b]
    clusterer = StoryClusterer(ClusterConfig(threshold=0.01))
    for article in batch_order(articles):
        clusterer.add_article(article)
    (old,) = clusterer.stories()
    first = min(articles, key=lambda a: clusterer.members[a.id].seq).id
    clusterer.refine()
    assert_consistent(clusterer)
    groups = {frozenset(ids) for ids in clusterer.stories().values()}
    assert frozenset(a.id for a in mini.quake_b) in groups
    assert clusterer.story_of(first) != old


def test_an_article_extracted_again_is_placed_again(mini: MiniCorpus) -> None:
    clusterer = StoryClusterer()
    for article in batch_order(mini.all):
        clusterer.add_article(article)
    clusterer.refine()
    quake_a = clusterer.story_of("qa1")
    # qb3 extracted again: its text now reports the Varnholm quake, and it has a date
    again = replace(mini.quake_a[2], id="qb3", source="test/qb3", published="2024-03-05")
    assert clusterer.update(featurize(again, clusterer.config)) == clusterer.story_of("qb3")
    assert_consistent(clusterer)
    while clusterer.refine():
        pass
    assert_consistent(clusterer)
    groups = {frozenset(ids) for ids in clusterer.stories().values()}
    assert {frozenset({"qa1", "qa2", "qa3", "qb3"}), frozenset({"qb1", "qb2"})} <= groups
    assert clusterer.story_of("qb3") == quake_a
    story = clusterer.by_story[quake_a]
    assert story.first_day == story.last_day == date(2024, 3, 5).toordinal()
    for member in clusterer.members.values():  # nobody lists it twice (old and new similarity)
        ids = [a for _, a in member.neighbors]
        assert len(ids) == len(set(ids))


def test_updating_an_unknown_article_adds_it(mini: MiniCorpus) -> None:
    clusterer = StoryClusterer()
    story = clusterer.update(featurize(mini.quake_a[0], clusterer.config))
    assert clusterer.stories() == {story: ("qa1",)}


def test_articles_extracted_again_with_dates_end_as_if_clustered_with_them(mini: MiniCorpus) -> None:
    clusterer = StoryClusterer()
    for article in batch_order(mini.all):
        clusterer.add_article(article)
    clusterer.refine()
    dated = [replace(a, published=f"2024-03-0{1 + i % 3}") for i, a in enumerate(mini.all)]
    for article in batch_order(dated):
        clusterer.update(featurize(article, clusterer.config))
    while clusterer.refine():
        pass
    assert_consistent(clusterer)
    groups = {frozenset(g) for g in clusterer.stories().values()}
    assert groups == {frozenset(g) for g in cluster_articles(dated)}


def test_an_article_extracted_again_keeps_the_neighbours_that_found_it(mini: MiniCorpus) -> None:
    # one candidate per lookup: qa1 came first, so its neighbours are the later reports that found it
    clusterer = StoryClusterer(ClusterConfig(max_candidates=1))
    for article in mini.quake_a:
        clusterer.add_article(article)
    assert {a for a, _ in clusterer.neighbors("qa1")} == {"qa2", "qa3"}
    clusterer.update(featurize(mini.quake_a[0], clusterer.config))
    assert {a for a, _ in clusterer.neighbors("qa1")} == {"qa2", "qa3"}
    assert_consistent(clusterer)
