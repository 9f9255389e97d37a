"""The periodic pass over stories touched since the last one: re-cluster them on today's graph.

While articles arrive, each one is placed greedily, with the neighbours and inverse document
frequencies of that moment; the reports of an event that arrived later, or a sister event's reports
that arrived first, can leave it in the wrong story. ``refine()`` revisits the touched stories:

1. **Refresh**: members whose neighbour list was computed when the corpus was ``relink_growth``
   times smaller look their neighbours up again through the index, with the idf of now (an article
   added early saw few candidates and rough idf; later ones offered themselves only when they
   found it).
2. **Re-cluster**: the touched stories, in groups connected by neighbour links, are dissolved into
   single articles and merged again agglomeratively, the most similar pair first, while some pair
   reaches ``merge_threshold``: average linkage on the affinity (mean over all pairs of members of
   cosine mixed with shared neighbours, times the time factor averaged over the pairs). Untouched
   stories take part as they are (an article may join one) and keep their ids. This both splits
   (two events of one topic, merged early, come apart when their members' neighbourhoods say so)
   and merges.
3. **Names**: each resulting story takes the id of the old story it shares most articles with (the
   larger overlap first; each old id once); the rest are named after their first article.

Cost: a refresh costs about what adding the article cost; re-clustering a group of ``n`` articles
costs about ``n`` times their neighbour stories' affinities (centroid dot products and neighbour
counts), so a pass is proportional to the touched stories' sizes, not to the corpus.
"""

from __future__ import annotations

import heapq

from corroborator.cluster.online import Story, StoryClusterer, mean_cosine
from corroborator.unionfind import UnionFind

_MAX_NEIGHBOR_STORIES = 400  # members sampled to find a story's neighbouring stories
_TEMP = "~"  # id prefix of the single-article stories while re-clustering


def refine(clusterer: StoryClusterer) -> int:
    """Re-cluster the stories touched since the last call; returns how many articles changed story."""
    touched = sorted(
        (clusterer.by_story[s] for s in clusterer.touched if s in clusterer.by_story), key=lambda s: s.seq
    )
    clusterer.touched = {}
    for story in touched:
        for article_id in story.members:
            member = clusterer.members[article_id]
            if clusterer.docs > member.linked * clusterer.config.relink_growth:
                clusterer.relink(article_id, member)
    changes = sum(_recluster(clusterer, group) for group in _groups(clusterer, touched))
    clusterer.touched = {}
    return changes


def _groups(clusterer: StoryClusterer, stories: list[Story]) -> list[list[Story]]:
    """The stories in groups connected by their members' neighbour links (union-find), in order of
    their oldest story."""
    units = UnionFind(s.id for s in stories)
    for story in stories:
        for article_id in story.members:
            for _, other in clusterer.members[article_id].neighbors:
                member = clusterer.members.get(other)
                if member is not None and member.story in units:
                    units.join(story.id, member.story)
    groups: dict[str, list[Story]] = {}
    for story in stories:
        groups.setdefault(units.find(story.id), []).append(story)
    return list(groups.values())


def _recluster(clusterer: StoryClusterer, stories: list[Story]) -> int:
    """Dissolve the stories into single articles and merge them again; the results take the old ids
    by largest overlap. Returns the number of articles whose story changed."""
    old: dict[str, str] = {}
    seqs: dict[str, int] = {}
    for story in stories:
        seqs[story.id] = story.seq
        for article_id in story.members:
            old[article_id] = story.id
        del clusterer.by_story[story.id]
        clusterer.touched.pop(story.id, None)
    singles = []
    for article_id in sorted(old, key=lambda a: clusterer.members[a].seq):
        member = clusterer.members[article_id]
        single = Story(_TEMP + article_id, member.seq, centroid_docs=clusterer.docs)
        clusterer.by_story[single.id] = single
        clusterer.place(article_id, member, single.id)
        singles.append(single)
    _merge(clusterer, singles)
    results = sorted({clusterer.members[a].story for a in old}, key=lambda s: clusterer.by_story[s].seq)
    overlaps: list[tuple[int, int, int, str, str]] = []
    for story_id in results:
        if not story_id.startswith(_TEMP):
            continue  # merged into an untouched story, which keeps its id
        counts: dict[str, int] = {}
        for article_id in clusterer.by_story[story_id].members:
            counts[old[article_id]] = counts.get(old[article_id], 0) + 1
        for old_id, n in counts.items():
            overlaps.append((-n, seqs[old_id], clusterer.by_story[story_id].seq, old_id, story_id))
    names: dict[str, str] = {}
    used: set[str] = set()
    for _, _, _, old_id, new_id in sorted(overlaps):
        if old_id not in used and new_id not in names:
            names[new_id] = old_id
            used.add(old_id)
    # the stories taking old ids first: a new id is made from a story's first article, which may be
    # the id an old story had (and another result is taking), so new ids are made once those are taken
    temporary = [s for s in results if s.startswith(_TEMP)]
    for story_id in sorted(temporary, key=lambda s: s not in names):
        _rename(clusterer, clusterer.by_story[story_id], names.get(story_id), seqs)
    return sum(clusterer.members[a].story != s for a, s in old.items())


def _rename(clusterer: StoryClusterer, story: Story, name: str | None, seqs: dict[str, int]) -> None:
    del clusterer.by_story[story.id]
    clusterer.touched.pop(story.id, None)
    if name is None:
        story.id = clusterer.new_story_id(min(story.members, key=lambda a: clusterer.members[a].seq))
    else:
        story.id, story.seq = name, seqs[name]
    assert story.id not in clusterer.by_story, f"story id {story.id} taken twice"
    clusterer.by_story[story.id] = story
    for article_id in story.members:
        clusterer.members[article_id].story = story.id


def story_affinity(clusterer: StoryClusterer, a: Story, b: Story) -> float:
    """Mean affinity over all pairs of members of two stories (symmetric)."""
    if len(a.members) > len(b.members):
        a, b = b, a
    config = clusterer.config
    n = len(a.members) * len(b.members)
    cos = mean_cosine(a, b)
    shared = 0
    for article_id in a.members:
        near = clusterer.near_of(article_id, clusterer.members[article_id])
        shared += sum(b.counts.get(x, 0) for x in near)
    mix = (1.0 - config.snn_weight) * cos + config.snn_weight * shared / (n * (config.neighbors + 1))
    return mix * mean_time_factor(clusterer, a, b)


def mean_time_factor(clusterer: StoryClusterer, a: Story, b: Story) -> float:
    """The time factor averaged over all pairs of members of two stories (a pair with an undated
    article counts 1): one late follow-up does not push a story away from another."""
    if a.first_day is None or b.first_day is None:
        return 1.0
    a_last, b_last = a.last_day or a.first_day, b.last_day or b.first_day
    if max(a_last, b_last) - min(a.first_day, b.first_day) <= clusterer.config.window_days:
        return 1.0
    total = 0.0
    b_days = _days(clusterer, b)
    for x, nx in _days(clusterer, a).items():
        for y, ny in b_days.items():
            factor = 1.0 if x is None or y is None else clusterer.time_factor(float(abs(x - y)))
            total += nx * ny * factor
    return total / (len(a.members) * len(b.members))


def _days(clusterer: StoryClusterer, story: Story) -> dict[int | None, int]:
    days: dict[int | None, int] = {}
    for article_id in story.members:
        day = clusterer.members[article_id].day
        days[day] = days.get(day, 0) + 1
    return days


def _neighbor_stories(clusterer: StoryClusterer, story: Story) -> set[str]:
    found: set[str] = set()
    for article_id in story.members[:_MAX_NEIGHBOR_STORIES]:
        for _, other in clusterer.members[article_id].neighbors:
            member = clusterer.members.get(other)
            if member is not None and member.story != story.id:
                found.add(member.story)
    return found


def _merge(clusterer: StoryClusterer, stories: list[Story]) -> int:
    """Average-linkage merging from ``stories``: the most similar pair of neighbouring stories first
    while some pair reaches ``merge_threshold``. Pairs once compared stay candidates after either
    side grows (neighbour links need not be mutual). Returns the number of merges."""
    threshold = clusterer.config.merge_threshold
    version: dict[str, int] = {}
    partners: dict[str, set[str]] = {}
    heap: list[tuple[float, int, int, str, str, int, int]] = []

    def push(story: Story, also: set[str]) -> None:
        found = _neighbor_stories(clusterer, story) | also
        found.discard(story.id)
        for other_id in sorted(found):
            other = clusterer.by_story.get(other_id)
            if other is None:
                continue
            partners.setdefault(story.id, set()).add(other_id)
            partners.setdefault(other_id, set()).add(story.id)
            value = story_affinity(clusterer, story, other)
            if value >= threshold:
                keep, gone = sorted((story, other), key=_keep_first)
                item = (-value, keep.seq, gone.seq, keep.id, gone.id,
                        version.get(keep.id, 0), version.get(gone.id, 0))
                heapq.heappush(heap, item)

    for story in stories:
        push(story, set())
    merges = 0
    while heap:
        _, _, _, keep_id, gone_id, keep_version, gone_version = heapq.heappop(heap)
        keep, gone = clusterer.by_story.get(keep_id), clusterer.by_story.get(gone_id)
        if keep is None or gone is None:
            continue
        if version.get(keep_id, 0) != keep_version or version.get(gone_id, 0) != gone_version:
            continue
        _absorb(clusterer, keep, gone)
        version[keep_id] = version.get(keep_id, 0) + 1
        merges += 1
        push(keep, partners.pop(keep_id, set()) | partners.pop(gone_id, set()))
    return merges


def _keep_first(story: Story) -> tuple[bool, int]:
    """Which of two merging stories keeps its id: a standing story over a single article being
    re-clustered, then the older one."""
    return (story.id.startswith(_TEMP), story.seq)


def _absorb(clusterer: StoryClusterer, keep: Story, gone: Story) -> None:
    for article_id in gone.members:
        clusterer.members[article_id].story = keep.id
    keep.members.extend(gone.members)
    for term, value in gone.centroid.items():
        keep.centroid[term] = keep.centroid.get(term, 0.0) + value
    for article_id, count in gone.counts.items():
        keep.counts[article_id] = keep.counts.get(article_id, 0) + count
    days = [d for d in (gone.first_day, gone.last_day, keep.first_day, keep.last_day) if d is not None]
    keep.first_day, keep.last_day = (min(days), max(days)) if days else (None, None)
    del clusterer.by_story[gone.id]
    clusterer.touched.pop(gone.id, None)
    clusterer.touch(keep)
