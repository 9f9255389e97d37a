"""Persistent, incremental stories: place newly stored articles, keep each story's analysis cached.

>>> from corroborator.stories import place_new_articles, refresh_analyses, list_stories
>>> with Store.open("news.db") as store:                                    # doctest: +SKIP
...     placement = place_new_articles(store)              # cluster what is not in a story yet
...     refresh_analyses(store, None, placement.changes.touched)  # only the stories that changed
...     rows = list_stories(store)

:func:`place_new_articles` adds every stored article that is not in a story yet to the stored story
clusterer (in :func:`corroborator.cluster.batch_order`), refines the stories it touched, and writes
back only the rows that changed, all in ONE transaction: a crash or Ctrl-C leaves the previous
state. The clusterer reads its rows on demand (:mod:`corroborator.store.cluster_rows`), so one more
article in a store of 100,000 reads and writes a few hundred rows. :func:`refresh_analyses` runs the
per-story analysis (annotation results are reused from the store's stage cache) of the given stories
and caches it, keyed by the story's member ids and :func:`analysis_version`.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from corroborator import api, models
from corroborator.cluster import MAX_REFINE_ROUNDS, featurize
from corroborator.cluster.related import display_names, related_stories
from corroborator.config import ClusterConfig, Config
from corroborator.errors import StoreError
from corroborator.models import Article
from corroborator.serialize import from_data, to_data
from corroborator.store import cluster_rows
from corroborator.store import stories as rows
from corroborator.store.cluster_rows import ClusterRows, StoryChanges, members_hash
from corroborator.store.stories import StoryRow
from corroborator.versions import source_digest

if TYPE_CHECKING:
    from corroborator.annotate.pipeline import Annotator
    from corroborator.store import Store

__all__ = [
    "Placement",
    "StoryRow",
    "StoryView",
    "analysis_version",
    "list_stories",
    "load_story",
    "place_new_articles",
    "refresh_analyses",
]

# a cached analysis is kept only for the code that made it: a digest of the whole package's source
STORY_VERSION = "story-2+" + source_digest("corroborator")
_PLACE_CHUNK = 256  # articles read from the store at a time while placing
_ANALYSE_ARTICLES = 1000  # stories analysed and cached (one transaction) about this many articles at a time


@dataclass(frozen=True, slots=True)
class Placement:
    """What :func:`place_new_articles` did: how many articles it placed and which stories changed."""

    placed: int
    changes: StoryChanges = field(default_factory=StoryChanges)


@dataclass(frozen=True, slots=True)
class StoryView:
    """One stored story: its analysis (None when not cached for its current members), articles, and
    the other stored stories related to it."""

    id: str
    articles: tuple[Article, ...]
    analysis: api.StoryAnalysis | None
    related: tuple[api.RelatedStory, ...] = ()

    def as_analysis(self) -> api.Analysis:
        """The story as an :class:`~corroborator.api.Analysis` of one story, for the renderers."""
        stories = (replace(self.analysis, related=self.related),) if self.analysis is not None else ()
        return api.Analysis(self.articles, (), stories)


def analysis_version() -> str:
    """The version a cached story analysis must have: this module's and the annotation stage's."""
    from corroborator.annotate.pipeline import VERSION

    return f"{STORY_VERSION}+{VERSION}"


def _cluster_config(config: Config | ClusterConfig | None) -> ClusterConfig:
    if isinstance(config, ClusterConfig):
        return config
    return (config or Config()).cluster


def _arrival_key(row: tuple[str, str | None]) -> tuple[bool, str, str]:
    article_id, published = row
    return (published is None, (published or "")[:10], article_id)  # as corroborator.cluster.batch_order


def place_new_articles(
    store: Store, config: Config | ClusterConfig | None = None, *, rebuild: bool = False
) -> Placement:
    """Place every stored article that is not in a story yet, and again every re-extracted one
    (its new day and terms; its story is re-analysed even when it stays); ``rebuild`` first
    forgets all stories (to re-cluster the whole store, e.g. with other settings). One transaction."""
    cfg = _cluster_config(config)
    with store.transaction() as conn:
        if rebuild:
            cluster_rows.clear(conn)
        todo = sorted(rows.unplaced(store), key=_arrival_key)
        if not todo:
            return Placement(0)
        state = ClusterRows(conn, cfg)
        clusterer = state.clusterer
        again: list[str] = []  # re-extracted articles, already in a story: placed again
        for start in range(0, len(todo), _PLACE_CHUNK):
            ids = [a for a, _ in todo[start : start + _PLACE_CHUNK]]
            articles = rows.articles_by_id(store, ids)
            features = [featurize(articles[a], cfg) for a in ids]
            previous = {a: featurize(old, cfg) for a, old in rows.previous_texts(store, ids).items()}
            state.prefetch_df(t for f in (*features, *previous.values()) for t, _ in f.terms)
            for one in features:
                if one.id in clusterer:
                    clusterer.update(one, previous.get(one.id))
                    again.append(one.id)
                else:
                    clusterer.add(one)
        for _ in range(MAX_REFINE_ROUNDS):
            state.prefetch_story_members(clusterer.touched)
            if not clusterer.refine():
                break
        changes = state.write(placed_again=again)
    if again:  # their stories' analyses were dropped with their old text (Store.add_many)
        stale = {clusterer.story_of(a) for a in again}.difference(changes.new, changes.updated)
        changes = replace(changes, updated=tuple(sorted((*changes.updated, *stale))))
    return Placement(len(todo), changes)


def encode_analysis(story: api.StoryAnalysis) -> str:
    return json.dumps(to_data(story), ensure_ascii=False, separators=(",", ":"))


def decode_analysis(text: str) -> api.StoryAnalysis:
    """An analysis cached by :func:`encode_analysis` (fields it lacks take their defaults)."""
    from corroborator import brief_records
    from corroborator.annotate import pipeline

    namespace: dict[str, Any] = {**vars(models), **vars(brief_records), **vars(pipeline), **vars(api)}
    hints = typing.get_type_hints(api.StoryAnalysis, globalns=namespace)
    data = json.loads(text)
    fields = {name: from_data(hint, data[name]) for name, hint in hints.items() if name in data}
    return api.StoryAnalysis(**fields)


def _analyse_many(
    store: Store, config: Config, stories: Sequence[tuple[str, list[Article]]], annotator: Annotator | None
) -> list[api.StoryAnalysis]:
    """The stories' analyses as :func:`corroborator.api.analyze` makes them (with their briefings;
    in worker processes when there are enough articles), under the stored stories' ids."""
    from corroborator.run import analyze_groups

    if annotator is None:
        found = [api.one_story(articles) for _, articles in stories]
    else:
        groups = [articles for _, articles in stories]
        found = list(analyze_groups(groups, config, store=store, annotator=annotator))
    out = []
    for (story_id, _), story in zip(stories, found, strict=True):
        if story.briefing is not None:
            story = replace(story, briefing=replace(story.briefing, story_id=story_id))
        out.append(replace(story, id=story_id))
    return out


def refresh_analyses(
    store: Store,
    config: Config | None,
    story_ids: Sequence[str],
    *,
    annotate: bool = True,
    annotator: Annotator | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Analyse these stories (their current members) and cache the results; returns how many were
    analysed (ids of stories that no longer exist are skipped). Without ``annotate`` the cached
    analysis only groups and titles the articles (no reports)."""
    cfg = config or Config()
    if annotate and annotator is None:
        from corroborator.annotate.pipeline import Annotator

        annotator = Annotator(cfg.annotate)
    version = analysis_version()
    done = 0
    batch: list[tuple[str, list[Article]]] = []

    def flush() -> int:
        analyses = _analyse_many(store, cfg, batch, annotator if annotate else None)
        rows.put_analyses(
            store,
            (
                (s.id, s.article_ids, version, annotate, len(s.reports), encode_analysis(s))
                for s in analyses
            ),
        )
        if progress is not None:
            progress(len(analyses))
        batch.clear()
        return len(analyses)

    for story_id in dict.fromkeys(story_ids):
        members = rows.story_members(store, story_id)
        found = rows.articles_by_id(store, members)
        articles = [found[a] for a in members if a in found]
        if articles:
            batch.append((story_id, articles))
        if sum(len(a) for _, a in batch) >= _ANALYSE_ARTICLES:
            done += flush()
    if batch:
        done += flush()
    return done


def list_stories(store: Store, *, limit: int | None = None) -> list[StoryRow]:
    """Stored stories, latest first: id, size, independent reports (None while the cached analysis is
    stale or absent), first and last stated dates, title."""
    return rows.story_rows(store, analysis_version(), limit=limit)


def load_story(store: Store, prefix: str, config: Config | ClusterConfig | None = None) -> StoryView:
    """One story by id or unique id prefix (:class:`StoreError` if none or several), with its cached
    analysis when that is current (annotated, this version, same members), else ``analysis=None``,
    and its related stories (at ``config``'s ``related_similarity``)."""
    story_id = rows.resolve_story(store, prefix)
    members = rows.story_members(store, story_id)
    found = rows.articles_by_id(store, members)
    articles = tuple(found[a] for a in members if a in found)
    cached = rows.cached_analysis(store, story_id)
    analysis = None
    if (
        cached is not None
        and cached.annotated
        and cached.version == analysis_version()
        and cached.members_hash == members_hash(members)
    ):
        analysis = decode_analysis(cached.data)
    bar = _cluster_config(config).related_similarity
    return StoryView(story_id, articles, analysis, related_of(store, story_id, articles, bar))


_TEXTS_SHOWN = 20  # articles of a related story searched for how its shared names are written


def related_of(
    store: Store, story_id: str, articles: Sequence[Article], bar: float | None = None, limit: int = 5
) -> tuple[api.RelatedStory, ...]:
    """The stored stories related to one (:mod:`corroborator.cluster.related`), from the stored
    clusterer state and the settings it was built with (``bar``: another ``related_similarity``);
    () when there is none to read."""
    config = cluster_rows.stored_config(store.connection)
    if config is None:
        return ()
    if bar is not None:
        config = replace(config, related_similarity=bar)
    try:
        state = ClusterRows(store.connection, config)
        found = related_stories(state.clusterer, [story_id], limit, lambda ids: rows.stories_of(store, ids))
    except StoreError:
        return ()  # stories stored in an older format: shown once rebuilt
    out = []
    for r in found[story_id]:
        listed = rows.story_rows(store, analysis_version(), story_id=r.other)
        members = rows.story_members(store, r.other)[:_TEXTS_SHOWN]
        texts = [a.body for a in articles] + [a.body for a in rows.articles_by_id(store, members).values()]
        title = (listed[0].title if listed else None) or r.other
        names = display_names(r.shared, texts)
        out.append(api.RelatedStory(r.other, title, r.similarity, names, r.days_apart))
    return tuple(out)
