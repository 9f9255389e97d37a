"""The online story clusterer: each new article joins the story it fits best, or starts one.

Two articles of one topic but different events (two earthquakes in one region) share most of their
words, so no single cosine threshold separates events in every topic: a dense topic needs a higher
one than a sparse event. The clusterer therefore scores an article against a story with an
**affinity** that adapts to local density (the shared-nearest-neighbour idea of Jarvis and Patrick):

    affinity(x, story) = (1 - snn_weight) * mean cosine(x, member)
                         + snn_weight * mean |N+(x) & N+(member)| / (neighbors + 1)

over the story's members, where ``N+(a)`` is ``a`` and its ``neighbors`` most similar articles (at
cosine ``min_neighbor_similarity`` or more, and at least ``neighbor_ratio`` times the cosine of its
nearest one: in a small corpus, the reports of a sister event are not neighbours just for lack of
better ones). Reports of one event are each other's neighbours; a report of the sister event has
its own. Cosines are of tf-idf vectors (:mod:`.features`, idf from running document frequencies, as
if ``background_docs`` more documents holding none of the terms had been seen: in a folder of one
event's reports every term they share is in most documents, and the folder's own idf would weigh
each report's own words over the event's), times a time factor: dated articles more than
``window_days`` apart are discounted by ``floor + (1 - floor) * exp(-excess / decay_days)``
(``time_floor``): a long gap discounts, but never vetoes, so the charges, trial and sentence of a
crime months or years later, which name the same people, stay in its story, while two events of one
topic must also differ in their words to come apart.

Everything is incremental and bounded: an article finds its neighbours through an inverted index
over the strongest ``index_terms`` terms of recent articles (``max_postings`` per term), compares
``max_candidates`` of them in full, and updates their neighbour lists in turn; a story keeps the sum
of its members' unit vectors (mean cosine = one dot product) and, per article, how many of its
members list it as a neighbour (mean shared neighbours = ``neighbors + 1`` lookups).
:meth:`StoryClusterer.refine` (in :mod:`.refine`) later refreshes stale neighbour lists of touched
stories and re-clusters those stories agglomeratively on the graph of now (splits and merges).
"""

from __future__ import annotations

import heapq
import math
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from corroborator.cluster.features import ArticleFeatures
from corroborator.config import ClusterConfig
from corroborator.models import content_hash

DRIFT = 1.2  # cached norms, centroids and neighbour lists are renewed when the corpus grew by this factor


@dataclass(slots=True)
class Member:
    """One article in the clusterer: its strongest terms (raw weights), day, story, neighbours."""

    story: str
    day: int | None
    terms: tuple[str, ...]
    weights: array[float]
    seq: int  # order of arrival
    indexed: tuple[str, ...] = ()
    neighbors: list[tuple[float, str]] = field(default_factory=list)  # (similarity, article id), best first
    norm: float = 0.0
    norm_docs: int = -1
    linked: int = 0  # corpus size (docs) when the neighbours were last looked up through the index


@dataclass(slots=True)
class Story:
    """Articles about one event: ids, the sum of their unit tf-idf vectors, days, neighbour counts."""

    id: str
    seq: int  # creation order
    members: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    centroid_docs: int = 0
    first_day: int | None = None
    last_day: int | None = None
    counts: dict[str, int] = field(default_factory=dict)  # article -> members having it in N+


def mean_cosine(a: Story, b: Story) -> float:
    """The mean cosine over all pairs of members of two stories: their centroids' dot product over
    both sizes (symmetric)."""
    small, large = (a.centroid, b.centroid) if len(a.centroid) < len(b.centroid) else (b.centroid, a.centroid)
    return sum(v * large.get(t, 0.0) for t, v in small.items()) / (len(a.members) * len(b.members))


def day_gap(day: int | None, first: int | None, last: int | None) -> float:
    """Days from ``day`` to the range ``[first, last]`` (0 inside it or when a side is undated)."""
    if day is None or first is None or last is None:
        return 0.0
    return float(max(0, first - day, day - last))


class StoryClusterer:
    """Online clustering of articles into stories. Not thread-safe; one writer at a time.

    ``add(features) -> story id``; ``refine()`` now and then; ``stories()`` to read;
    ``to_data()`` / ``from_data()`` to persist (see :mod:`.state`).
    """

    def __init__(self, config: ClusterConfig | None = None) -> None:
        self.config = config or ClusterConfig()
        self.df: dict[str, int] = {}
        self.docs = 0
        self.seq = 0
        self.members: dict[str, Member] = {}
        self.by_story: dict[str, Story] = {}
        self.postings: dict[str, dict[str, None]] = {}
        self.touched: dict[str, None] = {}

    # --- reading ---------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.members)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.members

    def story_of(self, article_id: str) -> str:
        """The story an article belongs to (``KeyError`` when it was never added)."""
        return self.members[article_id].story

    def stories(self) -> dict[str, tuple[str, ...]]:
        """Story id -> its article ids in arrival order; stories in order of creation."""
        ordered = sorted(self.by_story.values(), key=lambda s: s.seq)
        return {s.id: tuple(sorted(s.members, key=lambda a: self.members[a].seq)) for s in ordered}

    def neighbors(self, article_id: str) -> tuple[tuple[str, float], ...]:
        """The article's nearest articles with their similarities, best first."""
        return tuple((a, sim) for sim, a in self.members[article_id].neighbors)

    # --- vectors ---------------------------------------------------------------------------------

    @property
    def idf_docs(self) -> float:
        """The documents idf counts: those seen, one more (smoothing), and ``background_docs``."""
        return 1.0 + self.docs + self.config.background_docs

    def idf(self, term: str) -> float:
        return 1.0 + math.log(self.idf_docs / (1 + self.df.get(term, 0)))

    def norm(self, member: Member) -> float:
        if member.norm_docs < 0 or self.docs > member.norm_docs * DRIFT:
            df, docs, log = self.df, self.idf_docs, math.log
            pairs = zip(member.terms, member.weights, strict=True)
            member.norm = math.sqrt(sum((w * (1.0 + log(docs / (1 + df.get(t, 0))))) ** 2 for t, w in pairs))
            member.norm_docs = self.docs
        return member.norm

    def unit(self, member: Member) -> dict[str, float]:
        """The member's tf-idf vector scaled to length 1."""
        norm = self.norm(member) or 1.0
        return {t: w * self.idf(t) / norm for t, w in zip(member.terms, member.weights, strict=True)}

    def time_factor(self, gap: float) -> float:
        excess = gap - self.config.window_days
        if excess <= 0:
            return 1.0
        floor = self.config.time_floor
        return floor + (1.0 - floor) * math.exp(-excess / self.config.decay_days)

    def cosine(self, unit: Mapping[str, float], day: int | None, other: Member) -> float:
        dot, df, docs, log = 0.0, self.df, self.idf_docs, math.log
        terms, weights = other.terms, other.weights
        # the shared terms, found in C, in the order of ``other.terms`` (sorted), as a full loop would
        for term in sorted(unit.keys() & terms):
            weight = weights[bisect_left(terms, term)]
            dot += unit[term] * weight * (1.0 + log(docs / (1 + df.get(term, 0))))
        sim = dot / (self.norm(other) or 1.0)
        return sim * self.time_factor(day_gap(day, other.day, other.day))

    def affinity(
        self, unit: Mapping[str, float], near: Iterable[str], day: int | None, story: Story
    ) -> float:
        """Mean affinity of an article (unit vector, N+ list, day) to the members of ``story``."""
        n = len(story.members)
        if n == 0:
            return 0.0
        cos = sum(v * story.centroid.get(t, 0.0) for t, v in unit.items()) / n
        shared = sum(story.counts.get(a, 0) for a in near) / (n * (self.config.neighbors + 1))
        mix = (1.0 - self.config.snn_weight) * cos + self.config.snn_weight * shared
        return mix * self.time_factor(day_gap(day, story.first_day, story.last_day))

    # --- adding ----------------------------------------------------------------------------------

    def add(self, features: ArticleFeatures) -> str:
        """Place one article and return its story id (an article added twice keeps its story)."""
        known = self.members.get(features.id)
        if known is not None:
            return known.story
        self.docs += 1
        for term, _ in features.terms:
            self.df[term] = self.df.get(term, 0) + 1
        self.seq += 1
        key = self._rank_key()
        kept = sorted(heapq.nlargest(self.config.article_terms, features.terms, key=key))
        terms = tuple(sys.intern(t) for t, _ in kept)
        member = Member("", features.day, terms, array("f", (w for _, w in kept)), self.seq)
        self.members[features.id] = member
        found = self._link(features.id, member)
        self.place(features.id, member, self.best_story(features.id, member, exclude=None, found=found))
        self._index(features.id, member)
        return member.story

    def add_many(self, features: Iterable[ArticleFeatures]) -> list[str]:
        return [self.add(f) for f in features]

    def update(self, features: ArticleFeatures, previous: ArticleFeatures | None = None) -> str:
        """Take the new features of an article already placed (re-extracted: another day, other
        terms): its terms and day are replaced, its neighbours looked up again, and its story
        rebuilt and touched, so :meth:`refine` may move it. Returns its story id (for now).
        ``previous``: the features it was placed with, whose terms the document frequencies stop
        counting as the new ones are counted (it is one document still); without them (a member
        keeps only its strongest terms) the frequencies keep counting the old terms. An unknown
        article is added."""
        article_id = features.id
        member = self.members.get(article_id)
        if member is None:
            return self.add(features)
        if previous is not None:
            for term, _ in previous.terms:
                self.df[term] = self.df.get(term, 0) - 1
            for term, _ in features.terms:
                self.df[term] = self.df.get(term, 0) + 1
        for term in member.indexed:
            posting = self.postings.get(term)
            if posting is not None:
                posting.pop(article_id, None)
        kept = sorted(heapq.nlargest(self.config.article_terms, features.terms, key=self._rank_key()))
        member.terms = tuple(sys.intern(t) for t, _ in kept)
        member.weights = array("f", (w for _, w in kept))
        member.day = features.day
        member.norm_docs = -1
        self.relink(article_id, member, offer=True)
        self._index(article_id, member)
        story = self.by_story[member.story]
        self.rebuild(story)
        self.touch(story)
        return member.story

    def _withdraw(self, other: Member, article_id: str) -> None:
        """Take ``article_id`` out of ``other``'s neighbour list."""
        kept = [n for n in other.neighbors if n[1] != article_id]
        if len(kept) != len(other.neighbors):
            other.neighbors = kept
            story = self.by_story.get(other.story)
            if story is not None:
                _count(story.counts, article_id, -1)

    def _rank_key(self) -> _RankKey:
        return _RankKey(self)

    def _index(self, article_id: str, member: Member) -> None:
        pairs = zip(member.terms, member.weights, strict=True)
        top = heapq.nlargest(self.config.index_terms, pairs, key=self._rank_key())
        member.indexed = tuple(t for t, _ in top)
        for term in member.indexed:
            posting = self.postings.setdefault(term, {})
            posting[article_id] = None
            if len(posting) > self.config.max_postings:
                del posting[next(iter(posting))]  # the oldest article leaves the index

    def candidates(self, member: Member, exclude: str) -> list[str]:
        """Articles sharing strong terms with ``member``, best ``max_candidates`` first."""
        pairs = zip(member.terms, member.weights, strict=True)
        query = heapq.nlargest(self.config.query_terms, pairs, key=self._rank_key())
        scores: dict[str, float] = {}
        for term, weight in query:
            posting = self.postings.get(term)
            if posting:
                value = weight * self.idf(term)
                for article_id in posting:
                    scores[article_id] = scores.get(article_id, 0.0) + value
        scores.pop(exclude, None)
        return [a for a, _ in heapq.nlargest(self.config.max_candidates, scores.items(), key=_by_score)]

    def _link(self, article_id: str, member: Member) -> list[str]:
        """Find the new article's neighbours and offer it to theirs (reverse update); returns the
        candidates compared."""
        candidates = self.candidates(member, exclude=article_id)
        found = self._nearest(member, candidates, offer=article_id)
        member.neighbors = found
        member.linked = self.docs
        return candidates

    def relink(self, article_id: str, member: Member, *, offer: bool = False) -> None:
        """Look the article's neighbours up again through the index, with the idf of now, and weigh its
        current ones again (no reverse update: the others' lists are theirs to refresh). With
        ``offer`` (its text changed: :meth:`update`), it is also offered again to each candidate's
        own list, in place of what that list held for it."""
        story = self.by_story.get(member.story)
        if story is not None:
            for near in self.near_of(article_id, member):
                _count(story.counts, near, -1)
        found = dict.fromkeys(self.candidates(member, exclude=article_id))
        found.update((a, None) for _, a in member.neighbors if a in self.members)  # index may miss
        candidates = list(found)
        if offer:
            for other_id in candidates:
                self._withdraw(self.members[other_id], article_id)
        member.neighbors = self._nearest(member, candidates, offer=article_id if offer else None)
        member.linked = self.docs
        if story is not None:
            for near in self.near_of(article_id, member):
                _count(story.counts, near, 1)

    def _nearest(self, member: Member, candidates: list[str], offer: str | None) -> list[tuple[float, str]]:
        """The member's neighbours among ``candidates``; with ``offer`` (its id), it is also offered
        to each candidate's own list."""
        unit = self.unit(member)
        floor, k = self.config.min_neighbor_similarity, self.config.neighbors
        found: list[tuple[float, str]] = []
        for other_id in candidates:
            other = self.members[other_id]
            sim = self.cosine(unit, member.day, other)
            if sim < floor:
                continue
            found.append((sim, other_id))
            if offer is not None:
                self._offer(other, offer, sim)
        found.sort(reverse=True)
        if found:
            cut = found[0][0] * self.config.neighbor_ratio
            found = [f for f in found if f[0] >= cut]
        return found[:k]

    def _offer(self, other: Member, article_id: str, sim: float) -> None:
        """Put ``article_id`` into ``other``'s neighbour list when it is among its best."""
        k, near = self.config.neighbors, other.neighbors
        if near and sim < near[0][0] * self.config.neighbor_ratio:
            return
        if len(near) < k or (sim, article_id) > near[-1]:
            near.append((sim, article_id))
            near.sort(reverse=True)
            story = self.by_story.get(other.story)
            if story is not None:
                _count(story.counts, article_id, 1)
            cut = near[0][0] * self.config.neighbor_ratio
            while len(near) > k or near[-1][0] < cut:
                _, dropped = near.pop()
                if story is not None:
                    _count(story.counts, dropped, -1)

    def near_of(self, article_id: str, member: Member) -> list[str]:
        """N+ of an article: itself and its neighbours."""
        return [article_id, *(a for _, a in member.neighbors)]

    def best_story(
        self, article_id: str, member: Member, exclude: str | None, found: list[str] | None = None
    ) -> str | None:
        """The story the article fits best at ``threshold`` or more (ties: the older story).
        Candidates: the stories of its neighbours and of its best index matches (``found``)."""
        near = self.near_of(article_id, member)
        unit = self.unit(member)
        candidates = {self.members[a].story for a in near[1:] if a in self.members}
        if found is None:
            found = self.candidates(member, exclude=article_id)
        for other_id in found[: self.config.neighbors]:
            candidates.add(self.members[other_id].story)
        candidates.discard(exclude or "")
        candidates.discard(member.story)
        candidates.discard("")
        best, best_key = None, (self.config.threshold, 0)
        for story_id in candidates:
            story = self.by_story[story_id]
            key = (self.affinity(unit, near, member.day, story), -story.seq)
            if key >= best_key:
                best, best_key = story_id, key
        return best

    def place(self, article_id: str, member: Member, story_id: str | None) -> None:
        """Put an article into a story (a new one when ``story_id`` is None)."""
        if story_id is None:
            story_id = self.new_story_id(article_id)
            self.by_story[story_id] = Story(story_id, member.seq, centroid_docs=self.docs)
        story = self.by_story[story_id]
        member.story = story_id
        story.members.append(article_id)
        for term, value in self.unit(member).items():
            story.centroid[term] = story.centroid.get(term, 0.0) + value
        for near in self.near_of(article_id, member):
            _count(story.counts, near, 1)
        if member.day is not None:
            story.first_day = member.day if story.first_day is None else min(story.first_day, member.day)
            story.last_day = member.day if story.last_day is None else max(story.last_day, member.day)
        self.touch(story)

    def touch(self, story: Story) -> None:
        self.touched[story.id] = None
        if self.docs > story.centroid_docs * DRIFT and len(story.members) > 1:
            self.rebuild(story)

    def rebuild(self, story: Story) -> None:
        """Recompute a story's centroid and days with the current idf."""
        story.centroid = {}
        for article_id in story.members:
            for term, value in self.unit(self.members[article_id]).items():
                story.centroid[term] = story.centroid.get(term, 0.0) + value
        story.centroid_docs = self.docs
        days = [d for d in (self.members[a].day for a in story.members) if d is not None]
        story.first_day, story.last_day = (min(days), max(days)) if days else (None, None)

    def new_story_id(self, article_id: str) -> str:
        base = "s" + content_hash(article_id, 12)
        story_id, n = base, 1
        while story_id in self.by_story:
            n += 1
            story_id = f"{base}-{n}"
        return story_id


class _RankKey:
    """Sort key of (term, raw weight) pairs by tf-idf weight (the idf of when it was made)."""

    __slots__ = ("_df", "_docs")

    def __init__(self, clusterer: StoryClusterer) -> None:
        self._df, self._docs = clusterer.df, clusterer.idf_docs

    def __call__(self, pair: tuple[str, float]) -> tuple[float, str]:
        return (pair[1] * (1.0 + math.log(self._docs / (1 + self._df.get(pair[0], 0)))), pair[0])


def _by_score(item: tuple[str, float]) -> tuple[float, str]:
    return (item[1], item[0])


def _count(counts: dict[str, int], key: str, delta: int) -> None:
    value = counts.get(key, 0) + delta
    if value > 0:
        counts[key] = value
    else:
        counts.pop(key, None)
