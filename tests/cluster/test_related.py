"""Related stories: the other stories of a topic, what they share, and when they began."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from corroborator.cluster import StoryClusterer, batch_order, group_articles
from corroborator.cluster.related import display_term, related_stories
from corroborator.config import ClusterConfig
from corroborator.models import Article

if TYPE_CHECKING:
    from conftest import MiniCorpus


def test_sister_events_are_related_both_ways_with_what_they_share(mini: MiniCorpus) -> None:
    grouping = group_articles(mini.all)
    position = {g[0]: i for i, g in enumerate(grouping.groups)}
    a, b = position["qa1"], position["qb1"]
    assert grouping.groups[a] == ("qa1", "qa2", "qa3") and grouping.groups[b] == ("qb1", "qb2", "qb3")
    (to_b,) = grouping.related[a]
    (to_a,) = grouping.related[b]
    assert (to_b.group, to_a.group) == (b, a) and to_b.similarity == to_a.similarity
    assert 0.05 <= to_b.similarity < 0.5
    assert to_b.shared[0] == "Ostria Seismological Institute"  # as written, not "@ostria seismological..."
    assert "Ostria" not in to_b.shared and "Institute" not in to_b.shared  # the longer name stands for them
    assert to_b.days_apart is None  # undated
    others = [position[o.id] for o in mini.others]
    assert all(not grouping.related[i] for i in others)  # unrelated articles relate to nothing


def test_days_apart_is_signed_from_each_story(mini: MiniCorpus) -> None:
    first = [replace(x, published="2024-03-05") for x in mini.quake_a]
    later = [replace(x, published="2024-03-16") for x in mini.quake_b]
    grouping = group_articles([*first, *later, *mini.others])
    position = {g[0]: i for i, g in enumerate(grouping.groups)}
    assert grouping.related[position["qa1"]][0].days_apart == 11
    assert grouping.related[position["qb1"]][0].days_apart == -11


def test_a_higher_bar_and_no_relations(mini: MiniCorpus) -> None:
    grouping = group_articles(mini.all, ClusterConfig(related_similarity=0.9))
    assert not any(grouping.related)
    assert group_articles(mini.all, related=False).related == [() for _ in grouping.groups]


def test_related_stories_of_a_clusterer_are_its_story_ids(mini: MiniCorpus) -> None:
    clusterer = StoryClusterer()
    for article in batch_order(mini.all):
        clusterer.add_article(article)
    clusterer.refine()
    quake_a, quake_b = clusterer.story_of("qa1"), clusterer.story_of("qb1")
    found = related_stories(clusterer, [quake_a])  # asked for one: the other is found through the index
    assert [r.other for r in found[quake_a]] == [quake_b]
    assert "@ostria seismological institute" in found[quake_a][0].shared


def test_display_term_reads_the_words_back_from_the_articles() -> None:
    texts = ["the betty ford center said", "She left the Betty Ford Center on Monday.", "O’Brien was fired"]
    assert display_term("@betty ford center", texts) == "Betty Ford Center"  # the capitalised one
    assert display_term("@o'brien", texts) == "O’Brien"
    assert display_term("#5.6 magnitu", ["a 5.6 magnitude quake"]) == "5.6 magnitude"
    assert display_term("#5.6", ["a 5.6 magnitude quake"]) == "5.6"
    assert display_term("@kellby council", ["nothing here"]) == "Kellby Council"


def test_one_article_and_no_articles() -> None:
    one = Article(id="x", source="x", body="A lone report about the Kellby cycle lane on Marrow Road.")
    assert group_articles([one]).related == [()]
    assert group_articles([]) == ([], [])


def test_an_analysis_names_each_story_s_related_stories_by_id_and_title(mini: MiniCorpus) -> None:
    from corroborator.config import Config
    from corroborator.run import analyze_articles

    stories = {s.article_ids[0]: s for s in analyze_articles(mini.all, Config(), annotate=False)}
    quake_a, quake_b = stories["qa1"], stories["qb1"]
    (related,) = quake_a.related
    assert (related.id, related.title) == (quake_b.id, "6.4 quake injures 41 in Selmouth")
    assert quake_b.related[0].id == quake_a.id and not stories["o1"].related
    alone = analyze_articles(mini.all, Config(), annotate=False, cluster=False)
    assert len(alone) == 1 and not alone[0].related
