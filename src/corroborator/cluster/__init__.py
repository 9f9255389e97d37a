"""Stories: articles grouped by the real-world event they report, incrementally.

>>> from corroborator.cluster import StoryClusterer, cluster_articles
>>> groups = cluster_articles(articles)  # doctest: +SKIP
>>> clusterer = StoryClusterer()  # online, one article at a time
>>> story_id = clusterer.add_article(article)  # doctest: +SKIP
>>> changes = clusterer.refine()  # now and then: split misfits off, merge stories
>>> state = clusterer.to_data()  # JSON-ready; StoryClusterer.from_data(state) rebuilds it

No spaCy: articles become tf-idf vectors in which names, figures and dates weigh more than common
words (:mod:`.features`); an article joins the story of highest affinity (cosine mixed with shared
nearest neighbours, :mod:`.online`), found through an inverted index over recent articles' strongest
terms, so adding an article costs about the same with 100 or 100,000 articles stored; :mod:`.refine`
revisits touched stories; :mod:`.state` saves and loads the whole state as JSON-ready data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from corroborator.cluster import online, refine, state
from corroborator.cluster.features import ArticleFeatures, featurize
from corroborator.cluster.related import display_names, related_stories
from corroborator.config import ClusterConfig
from corroborator.models import Article

__all__ = [
    "ArticleFeatures",
    "Grouping",
    "RelatedGroup",
    "StoryClusterer",
    "batch_order",
    "cluster_articles",
    "featurize",
    "group_articles",
]

MAX_REFINE_ROUNDS = 5


class StoryClusterer(online.StoryClusterer):
    """The online story clusterer (:class:`corroborator.cluster.online.StoryClusterer`) with
    :meth:`add_article` for :class:`Article` records, :meth:`refine` and persistence."""

    def add_article(self, article: Article) -> str:
        """Featurize and place one article; returns its story id."""
        return self.add(featurize(article, self.config))

    def refine(self) -> int:
        """Split misfits off the stories touched since the last call and merge similar stories;
        returns the number of changes (0: stable)."""
        return refine.refine(self)

    def to_data(self) -> dict[str, Any]:
        """The whole state as JSON-ready data."""
        return state.to_data(self)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], config: ClusterConfig | None = None) -> StoryClusterer:
        """Rebuild a clusterer from :meth:`to_data` output (``ValueError`` for another data version)."""
        loaded = state.from_data(data, config, cls)
        assert isinstance(loaded, StoryClusterer)
        return loaded


def batch_order(articles: Sequence[Article]) -> list[Article]:
    """The order a batch is clustered in: dated articles by date, then undated ones; ties by id."""
    return sorted(articles, key=lambda a: (a.published is None, (a.published or "")[:10], a.id))


def cluster_articles(
    articles: Sequence[Article], config: ClusterConfig | None = None
) -> list[tuple[str, ...]]:
    """Group articles into stories: one tuple of article ids per story.

    Deterministic and independent of the input order (articles are added in :func:`batch_order`,
    then refined until stable). Stories come in the order of their first article in ``articles``,
    ids inside a story in input order. An article id given twice counts once.
    """
    return group_articles(articles, config, related=False).groups


class RelatedGroup(NamedTuple):
    """A group related to another (:mod:`.related`): its position in the grouping, similarity,
    shared terms as the articles write them, and days from the other's first stated day to its own."""

    group: int
    similarity: float
    shared: tuple[str, ...]
    days_apart: int | None


class Grouping(NamedTuple):
    """Stories as :func:`cluster_articles` returns them and, for each, its related groups."""

    groups: list[tuple[str, ...]]
    related: list[tuple[RelatedGroup, ...]]


def group_articles(
    articles: Sequence[Article], config: ClusterConfig | None = None, *, related: bool = True
) -> Grouping:
    """:func:`cluster_articles`, and (when ``related``) each story's related stories."""
    clusterer = StoryClusterer(config)
    for article in batch_order(articles):
        clusterer.add_article(article)
    for _ in range(MAX_REFINE_ROUNDS):
        if not clusterer.refine():
            break
    position: dict[str, int] = {}
    by_id: dict[str, Article] = {}
    for i, article in enumerate(articles):
        position.setdefault(article.id, i)
        by_id.setdefault(article.id, article)
    stories = sorted(
        ((s, tuple(sorted(ids, key=position.__getitem__))) for s, ids in clusterer.stories().items()),
        key=lambda kv: position[kv[1][0]],
    )
    groups = [g for _, g in stories]
    placed = sum(len(g) for g in groups)
    assert placed == len(position), f"{len(position) - placed} articles in no story (a clusterer bug)"
    if not related:
        return Grouping(groups, [() for _ in groups])
    index = {story_id: i for i, (story_id, _) in enumerate(stories)}
    found = related_stories(clusterer, index)
    texts = {i: [by_id[a].body for a in g] for i, g in enumerate(groups)}
    out = []
    for story_id, _ in stories:
        here = index[story_id]
        relations = []
        for r in found[story_id]:
            there = index[r.other]
            names = display_names(r.shared, [*texts[here], *texts[there]])
            relations.append(RelatedGroup(there, r.similarity, names, r.days_apart))
        out.append(tuple(relations))
    return Grouping(groups, out)

