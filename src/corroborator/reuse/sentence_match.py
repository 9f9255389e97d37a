"""The sentence scores of :mod:`corroborator.reuse.paraphrase`: for a sentence of a copy, its best
match among a source's sentences.

A story compares each article with many others (as the source of a rewrite, and as a rival source
of the same facts), so the work is shared three ways:

- what depends on one article alone is made once (:func:`index_profile`);
- a pair's scores are computed a sentence at a time (:class:`PairMatcher`): rivals are only asked
  about the sentences of the copy that its source explains;
- articles with the same sentences (a reprint that only moves paragraphs about) have the same
  scores, so :class:`MatchTable` computes them once per pair of distinct contents and maps them to
  each article's own sentence order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corroborator.reuse.paraphrase import SentenceProfile

MIN_TERMS = 2  # a sentence with fewer content terms (a dateline, "Read more") takes no part

# A sentence's content as matching sees it: its terms (in the frozenset's own order, which fixes the
# order of the float sums) and its quoted terms.
SentenceKey = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Match:
    """The best source sentence for one sentence of the copy."""

    score: float
    source: int  # sentence index in the source; -1 when nothing matched


_NO_MATCH = Match(0.0, -1)


@dataclass(frozen=True, slots=True)
class ProfileIndex:
    """What matching needs of one article's profile, made once and used with many articles: in how
    many sentences each term occurs, the sentences (with enough terms) holding each term, each
    sentence's content key and the first sentence of each key."""

    profile: SentenceProfile
    frequency: dict[str, int]
    where: dict[str, list[int]]
    keys: tuple[SentenceKey, ...]
    first: dict[SentenceKey, int]


def index_profile(profile: SentenceProfile) -> ProfileIndex:
    frequency: dict[str, int] = {}
    where: dict[str, list[int]] = {}  # term -> sentences holding it (inverted index)
    keys: list[SentenceKey] = []
    first: dict[SentenceKey, int] = {}
    for index, sentence in enumerate(profile.sentences):
        for term in sentence.terms:
            frequency[term] = frequency.get(term, 0) + 1
        if len(sentence.terms) >= MIN_TERMS:
            for term in sentence.terms:
                where.setdefault(term, []).append(index)
        key = (tuple(sentence.terms), tuple(sorted(sentence.quoted)))
        keys.append(key)
        first.setdefault(key, index)
    return ProfileIndex(profile, frequency, where, tuple(keys), first)


class PairMatcher:
    """The best match in ``source`` of each sentence of ``copy``, worked out when first asked.

    A sentence pair scores the weighted overlap of its terms over the geometric mean of the two
    sentences' weights; a term weighs ``log(1 + n / f)`` where ``n`` counts the sentences of both
    articles and ``f`` those holding the term (weights and norms are made when first needed; the
    result does not depend on which sentences are asked, or in which order)."""

    __slots__ = ("_all", "_found", "_full", "_norms", "_total", "_weight", "copy", "source")

    def __init__(self, source: ProfileIndex, copy: ProfileIndex) -> None:
        self.source = source
        self.copy = copy
        self._total = len(source.profile.sentences) + len(copy.profile.sentences)
        self._weight: dict[str, float] = {}
        self._full = False  # every term of both articles has its weight
        self._norms: dict[int, float] = {}  # source sentence -> its weight
        self._found: dict[int, tuple[float, tuple[int, ...]]] = {}
        self._all: tuple[Match, ...] | None = None

    def all(self) -> tuple[Match, ...]:
        """The match of every sentence of the copy, in order."""
        if self._all is None:
            self._fill_weights()  # all of them are needed: made at once, faster than one by one
            self._all = tuple(self.match(j) for j in range(len(self.copy.profile.sentences)))
        return self._all

    def match(self, j: int) -> Match:
        """The match of sentence ``j`` of the copy (``Match(0.0, -1)`` when nothing matches)."""
        score, best = self.best(j)
        return Match(score, best[0]) if best else _NO_MATCH

    def best(self, j: int) -> tuple[float, tuple[int, ...]]:
        """The best score of sentence ``j`` of the copy and the source sentences reaching it, in
        order (none when nothing matches)."""
        found = self._found.get(j)
        if found is None:
            found = self._found[j] = self._best(j)
        return found

    def _fill_weights(self) -> None:
        total, in_source, in_copy = self._total, self.source.frequency, self.copy.frequency
        weight = self._weight
        for term, count in in_source.items():
            if term not in weight:
                weight[term] = math.log(1.0 + total / (count + in_copy.get(term, 0)))
        for term, count in in_copy.items():
            if term not in weight:
                weight[term] = math.log(1.0 + total / count)
        self._full = True

    def _term_weight(self, term: str) -> float:
        count = self.source.frequency.get(term, 0) + self.copy.frequency.get(term, 0)
        weight = self._weight[term] = math.log(1.0 + self._total / count)
        return weight

    def _norm(self, terms: frozenset[str]) -> float:
        weight = self._weight
        if self._full:
            return sum(weight[t] for t in terms) or 1.0
        return sum(weight[t] if t in weight else self._term_weight(t) for t in terms) or 1.0

    def _best(self, j: int) -> tuple[float, tuple[int, ...]]:
        target = self.copy.profile.sentences[j]
        if len(target.terms) < MIN_TERMS:
            return 0.0, ()
        sentences = self.source.profile.sentences
        where, weight, norms = self.source.where, self._weight, self._norms
        norm_b = self._norm(target.terms)
        overlap: dict[int, float] = {}
        for term in target.terms:
            found = where.get(term)
            if found is None:
                continue
            quoted = term in target.quoted
            term_weight = weight[term]  # made by norm_b
            for index in found:
                if quoted and term in sentences[index].quoted:
                    continue  # a quotation both report shows no rewriting
                overlap[index] = overlap.get(index, 0.0) + term_weight
        best_score, best = 0.0, []
        for index in sorted(overlap):
            norm_a = norms.get(index)
            if norm_a is None:
                norm_a = norms[index] = self._norm(sentences[index].terms)
            score = overlap[index] / math.sqrt(norm_a * norm_b)
            if score > best_score:
                best_score, best = score, [index]
            elif score == best_score and best:
                best.append(index)
        return best_score, tuple(best)


class MatchTable:
    """Sentence matches between the articles of one story (``indexes``: article id -> its
    :func:`index_profile`), each pair of distinct contents computed once.

    Two articles have one content when they have the same sentences, in any order: then every score
    is the same, and a copy's sentence matches the first sentence of the source whose content
    reaches the best score, as :class:`PairMatcher` finds it for the articles themselves."""

    __slots__ = ("_content", "_indexes", "_matches", "_pairs", "_sample")

    def __init__(self, indexes: Mapping[str, ProfileIndex]) -> None:
        self._indexes = indexes
        contents: dict[tuple[SentenceKey, ...], int] = {}
        self._content: dict[str, int] = {}  # article id -> its content's number
        self._sample: list[ProfileIndex] = []  # content number -> the first article with it
        for article_id, index in indexes.items():
            number = contents.setdefault(tuple(sorted(index.keys)), len(contents))
            self._content[article_id] = number
            if number == len(self._sample):
                self._sample.append(index)
        self._pairs: dict[tuple[int, int], PairMatcher] = {}
        self._matches: dict[tuple[str, str], tuple[Match, ...]] = {}

    def content(self, article_id: str) -> int:
        """The number of the article's content (articles with the same sentences share it)."""
        return self._content[article_id]

    def index(self, article_id: str) -> ProfileIndex:
        return self._indexes[article_id]

    def contents(self, source: int, copy: int) -> PairMatcher:
        """The matcher of two contents (of the first article with each)."""
        found = self._pairs.get((source, copy))
        if found is None:
            found = self._pairs[(source, copy)] = PairMatcher(self._sample[source], self._sample[copy])
        return found

    def _pair(self, source: str, copy: str) -> PairMatcher:
        return self.contents(self._content[source], self._content[copy])

    def matches(self, source: str, copy: str) -> tuple[Match, ...]:
        """The match in ``source`` of every sentence of ``copy`` (as :func:`best_matches`)."""
        key = (source, copy)
        found = self._matches.get(key)
        if found is None:
            found = self._matches[key] = self._map(source, copy)
        return found

    def _map(self, source: str, copy: str) -> tuple[Match, ...]:
        pair = self._pair(source, copy)
        sample = pair.all()
        own_source, own_copy = self._indexes[source], self._indexes[copy]
        if pair.source is own_source and pair.copy is own_copy:
            return sample
        out: list[Match] = []
        for key in own_copy.keys:
            score, best = pair.best(pair.copy.first[key])
            if not best:
                out.append(_NO_MATCH)
                continue
            keys = pair.source.keys
            out.append(Match(score, min(own_source.first[keys[i]] for i in best)))
        return tuple(out)
