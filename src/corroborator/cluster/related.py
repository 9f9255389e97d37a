"""Related stories: other stories of the same topic (a sister event, an earlier or later wave).

A story is one event, so two reports of one topic that the clusterer keeps apart (two earthquakes in
one region; a check-in at a clinic and the move to another six weeks later) are two stories, and a
reader following the topic wants to see the other. Two stories are related when the mean cosine of
their members' tf-idf vectors (their centroids' dot product over both sizes; no time factor, no
shared neighbours) reaches ``related_similarity``: on ECB+ the stories of one topic have 0.02-0.21,
those of different topics 0.042 at most but for two kinds of Greek unrest (0.136). Candidates are the
stories of the articles indexed under a story's strongest centroid terms (the inverted index the
clusterer keeps), so finding them costs about what placing an article costs.

Each relation names what weighs most in it: the names (``@`` terms) and figures (``#``) with the
largest share of the dot product, a multiword name before its words; :func:`display_term` turns a
term back into the words an article wrote.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from corroborator.cluster.features import ENTITY, FIGURE
from corroborator.cluster.online import Story, StoryClusterer, mean_cosine

_SHARED_SHOWN = 4  # terms named per relation
_CANDIDATE_STORIES = 50  # stories compared in full per story


@dataclass(frozen=True, slots=True)
class Relation:
    """Another story related to one: its id, the mean cosine of their members, the terms that weigh
    most in it (names and figures, as clusterer terms), and the days from this story's first stated
    day to the other's (negative: it began earlier; None when either is undated)."""

    other: str
    similarity: float
    shared: tuple[str, ...]
    days_apart: int | None


StoriesOf = Callable[[Iterable[str]], Mapping[str, str]]


def related_stories(
    clusterer: StoryClusterer, story_ids: Iterable[str], limit: int = 5, stories_of: StoriesOf | None = None
) -> dict[str, tuple[Relation, ...]]:
    """The related stories of each of ``story_ids`` (most similar first, at most ``limit``).
    ``stories_of`` maps article ids to their story ids in bulk (a store reads two columns instead of
    whole member rows); by default the clusterer's members say."""
    found: dict[str, list[Relation]] = {}
    stories_of = stories_of or _members_say(clusterer)
    for story_id in story_ids:
        story = clusterer.by_story[story_id]
        relations = []
        for other_id in _candidates(clusterer, story, stories_of):
            other = clusterer.by_story[other_id]
            similarity = mean_cosine(story, other)
            if similarity >= clusterer.config.related_similarity:
                shared, days = _shared(story, other), _days_apart(story, other)
                relations.append(Relation(other_id, similarity, shared, days))
        found[story_id] = relations
    for story_id, relations in list(found.items()):  # both ways: candidates need not be mutual
        for r in relations:
            back = found.get(r.other)
            if back is not None and all(x.other != story_id for x in back):
                days = None if r.days_apart is None else -r.days_apart
                back.append(Relation(story_id, r.similarity, r.shared, days))
    return {s: tuple(sorted(rs, key=lambda r: (-r.similarity, r.other))[:limit]) for s, rs in found.items()}


def _members_say(clusterer: StoryClusterer) -> StoriesOf:
    return lambda ids: {a: clusterer.members[a].story for a in ids}


def _candidates(clusterer: StoryClusterer, story: Story, stories_of: StoriesOf) -> list[str]:
    """Other stories holding articles indexed under the story's strongest terms, the most hits first."""
    top = heapq.nlargest(clusterer.config.query_terms, story.centroid.items(), key=lambda kv: (kv[1], kv[0]))
    postings = [list(clusterer.postings.get(term, {})) for term, _ in top]
    story_of = stories_of({a for posting in postings for a in posting})
    hits: dict[str, int] = {}
    for posting in postings:
        for article_id in posting:
            other = story_of.get(article_id)
            if other is not None and other != story.id:
                hits[other] = hits.get(other, 0) + 1
    ranked = heapq.nlargest(_CANDIDATE_STORIES, hits.items(), key=lambda kv: (kv[1], kv[0]))
    return sorted(s for s, _ in ranked)


def _shared(a: Story, b: Story) -> tuple[str, ...]:
    """The names, then figures, with the largest share of the two centroids' dot product; a name
    whose words are all in a longer shared name gives way to it ("@ford" to "@betty ford center")."""
    terms = [t for t in a.centroid.keys() & b.centroid.keys() if t[0] in (ENTITY, FIGURE)]
    words = {t: frozenset(t[1:].split()) for t in terms}
    whole = [t for t in terms if not any(u != t and u[0] == t[0] and words[t] < words[u] for u in terms)]
    weight = {
        t: max(a.centroid[u] * b.centroid[u] for u in terms if u[0] == t[0] and words[u] <= words[t])
        for t in whole
    }
    whole.sort(key=lambda t: (t[0] != ENTITY, -weight[t], t))
    return tuple(whole[:_SHARED_SHOWN])


def _days_apart(a: Story, b: Story) -> int | None:
    if a.first_day is None or b.first_day is None:
        return None
    return b.first_day - a.first_day


def display_names(terms: Iterable[str], texts: Sequence[str]) -> tuple[str, ...]:
    """The terms as the articles write them, each once ("Oscars" and "Oscar": the first)."""
    shown: dict[str, str] = {}
    for term in terms:
        name = display_term(term, texts)
        shown.setdefault(name.casefold().removesuffix("s"), name)
    return tuple(shown.values())


def display_term(term: str, texts: Sequence[str]) -> str:
    """A clusterer term as an article wrote it ("@betty ford center" -> "Betty Ford Center",
    "#5.6" -> "5.6"): the first match in ``texts``, else the term's words capitalised."""
    words = term[1:].split() if term[:1] in (ENTITY, FIGURE) else term.split()
    if not words:
        return term
    parts = [re.escape(w).replace("'", "['’]") for w in words]
    if term[:1] == FIGURE and len(parts) > 1:
        parts[-1] += r"\w*"  # the unit after a figure is a word stem: "#5.6 magnitu"
    pattern = re.compile(r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)", re.IGNORECASE)
    matches = (m.group(0) for text in texts for m in pattern.finditer(text))
    if term[:1] == ENTITY:  # a name as capitalised ("Treatment Center", not "treatment")
        matches = (m for m in matches if m[:1].isupper())
    first = next(matches, None)
    if first is not None:
        return " ".join(first.split())
    return " ".join(w.capitalize() for w in words) if term[:1] == ENTITY else " ".join(words)
