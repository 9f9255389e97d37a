"""The periodic pass over stories touched since the last one: split misfits off, then merge.

1. **Regroup**: each touched story's members are placed again in arrival order, with the
   neighbour lists and inverse document frequencies of now (an article placed when its true
   neighbours had not arrived yet finds them now): the earliest member keeps the story, each other
   joins the story it now fits best at ``threshold`` or more (this one, another one) or starts one.
2. **Merge**: touched stories and the stories their members' neighbours belong to are merged
   agglomeratively, the most similar pair first (mean affinity over all pairs of their members,
   the average-linkage criterion), while some pair reaches ``merge_threshold``. The merged story
   keeps the id of the older of the two.

An article placed early, when the inverse document frequencies were still rough, is thus revisited;
an online pass followed by ``refine()`` approximates average-linkage clustering on the affinity.
"""

from __future__ import annotations

import heapq

from corroborator.cluster.online import Story, StoryClusterer

_MAX_NEIGHBOR_STORIES = 400  # members sampled to find a story's neighbouring stories


def refine(clusterer: StoryClusterer) -> int:
    """Split and merge the stories touched since the last call; returns the number of changes."""
    changes = 0
    touched = sorted(
        (clusterer.by_story[s] for s in clusterer.touched if s in clusterer.by_story), key=lambda s: s.seq
    )
    clusterer.touched = {}
    for story in touched:
        if len(story.members) > 1:
            changes += _regroup(clusterer, story)
    touched_now = [clusterer.by_story[s] for s in clusterer.touched if s in clusterer.by_story]
    seen = {s.id: s for s in [*touched, *touched_now] if s.id in clusterer.by_story}
    merged = _merge(clusterer, sorted(seen.values(), key=lambda s: s.seq))
    clusterer.touched = {}
    return changes + merged


def _regroup(clusterer: StoryClusterer, story: Story) -> int:
    """Place the story's members again, in arrival order, with today's neighbours and idf: the
    earliest stays; each other one joins the story it now fits best (this one, another, or a new
    one). Returns how many ended up elsewhere."""
    order = sorted(story.members, key=lambda a: clusterer.members[a].seq)
    first = clusterer.members[order[0]]
    story.members = []
    story.centroid = {}
    story.counts = {}
    story.first_day = story.last_day = None
    for article_id in order[1:]:
        clusterer.members[article_id].story = ""
    clusterer.place(order[0], first, story.id)
    story.centroid_docs = clusterer.docs
    moved = 0
    for article_id in order[1:]:
        member = clusterer.members[article_id]
        clusterer.place(article_id, member, clusterer.best_story(article_id, member, exclude=None))
        moved += member.story != story.id
    return moved


def story_affinity(clusterer: StoryClusterer, a: Story, b: Story) -> float:
    """Mean affinity over all pairs of members of two stories (symmetric)."""
    if len(a.members) > len(b.members):
        a, b = b, a
    config = clusterer.config
    n = len(a.members) * len(b.members)
    small, large = (a.centroid, b.centroid) if len(a.centroid) < len(b.centroid) else (b.centroid, a.centroid)
    cos = sum(v * large.get(t, 0.0) for t, v in small.items()) / n
    shared = 0
    for article_id in a.members:
        near = clusterer.near_of(article_id, clusterer.members[article_id])
        shared += sum(b.counts.get(x, 0) for x in near)
    mix = (1.0 - config.snn_weight) * cos + config.snn_weight * shared / (n * (config.neighbors + 1))
    gap = 0.0
    if a.first_day is not None and b.first_day is not None:
        a_last, b_last = a.last_day or a.first_day, b.last_day or b.first_day
        gap = float(max(0, a.first_day - b_last, b.first_day - a_last))  # between the two day ranges
    return mix * clusterer.time_factor(gap)


def _neighbor_stories(clusterer: StoryClusterer, story: Story) -> set[str]:
    found: set[str] = set()
    for article_id in story.members[:_MAX_NEIGHBOR_STORIES]:
        for _, other in clusterer.members[article_id].neighbors:
            member = clusterer.members.get(other)
            if member is not None and member.story != story.id:
                found.add(member.story)
    return found


def _merge(clusterer: StoryClusterer, stories: list[Story]) -> int:
    threshold = clusterer.config.merge_threshold
    version: dict[str, int] = {}
    heap: list[tuple[float, int, int, str, str, int, int]] = []

    def push(story: Story) -> None:
        for other_id in sorted(_neighbor_stories(clusterer, story)):
            other = clusterer.by_story[other_id]
            value = story_affinity(clusterer, story, other)
            if value >= threshold:
                first, second = (story, other) if story.seq < other.seq else (other, story)
                item = (-value, first.seq, second.seq, first.id, second.id,
                        version.get(first.id, 0), version.get(second.id, 0))
                heapq.heappush(heap, item)

    for story in stories:
        push(story)
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
        push(keep)
    return merges


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
