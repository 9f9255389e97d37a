"""Rewrites: an article that retells another one's sentences in new words, in the same order.

Verbatim passages (:mod:`corroborator.reuse.align`) miss a rewrite: it keeps the facts, the figures,
the names and the order of its source but changes nearly every phrase. This module aligns sentences
instead of words, on lexical evidence only:

1. each sentence becomes a bag of content terms: words folded (case, spelling) and crudely stemmed,
   stopwords out, plus its numbers ("1,200" -> ``#1200``) and the words of its named entities;
   words inside a direct quotation are marked, and a word quoted in *both* sentences counts for
   nothing (two outlets quoting one speaker share the quote, not their reporting);
2. a sentence pair scores the weighted overlap of its terms (shared weight over the geometric mean
   of the two sentences' weights), each term weighted by its rarity among the sentences of the two
   articles (words in every sentence, like the story's main names,
   weigh little);
3. a sentence of the copy is *explained* by the source when its best match there scores at least
   ``paraphrase_min_similarity`` and beats its best match in every **rival** article (the other
   reports of the story) by ``paraphrase_margin``: facts that every report carries explain nothing;
4. the explained sentences are chained in the source's order (a longest increasing subsequence);
   a chain of at least ``paraphrase_min_sentences`` sentences covering ``paraphrase_min_share`` of the
   copy's content sentences is paraphrase reuse. One shared sentence of common facts is not.

Judged without rivals (two articles alone), step 3 has no background of common facts to discount,
so pass the story's other articles as ``rivals`` whenever there are some; without any, a sentence
pair must score ``paraphrase_alone_min_similarity`` (two independent reports of one event, told in
the same order, otherwise pass for a rewrite), and ``paraphrase_alone_min_unfigured`` of the source
sentences retold must state no figure (two reports of one company release share its figures, not
its telling). No sentence-embedding model
is used: the lexical evidence separates the seed and example stories (see the issue notes).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corroborator.config import ReuseConfig
from corroborator.models import Annotations, Article, Passage, ReuseKind, Span
from corroborator.reuse.sentence_match import MIN_TERMS, Match, PairMatcher, ProfileIndex, index_profile
from corroborator.reuse.shingles import Tokens, WordNormalizer, tokenize

__all__ = [
    "Match",
    "ProfileIndex",
    "SentenceProfile",
    "SentenceTerms",
    "align_paraphrase",
    "best_matches",
    "build_profile",
    "chain_passages",
    "explains",
    "index_profile",
    "is_content_word",
    "paraphrase_candidates",
    "rival_scores",
    "sentence_spans",
    "stem",
]

_STOPWORD_TEXT = """
a about above across after again against all almost along already also although always am among an
and another any are around as at away back be became because become been before being below between
both but by can could did do does doing done down during each either else even ever every few for
from further had has have having he her here hers herself him himself his how however i if in into
is it its itself just last least less like made make many may me might more most much must my
myself near neither new next no nor not now of off on once one only onto or other others our ours
ourselves out over own per put quite rather said same say says see seen she should since so some
still such than that the their theirs them themselves then there these they this those though three
through thus to told too two under until up upon us very was way we well were what when where
whether which while who whom whose why will with within without would yet you your yours yourself
yourselves according mr ms mrs dr year years day days week weeks month months today yesterday
tomorrow monday tuesday wednesday thursday friday saturday sunday
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def is_content_word(word: str) -> bool:
    """A word of three letters or more that is not a function word ("died", "agencies"; not "was")."""
    low = word.lower()
    return len(low) >= 3 and low.isalpha() and low not in _STOPWORDS


_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ness", "ies", "ied", "ed", "ers", "er", "ly",
             "es", "s")
_STEM_LENGTH = 7  # stems are cut here: dependence/dependent/dependency -> "depende"
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')]?\s+(?=[\"“‘'(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class SentenceTerms:
    """One sentence: its span and content terms; ``quoted`` holds the terms seen only inside quotes."""

    span: Span
    terms: frozenset[str]
    quoted: frozenset[str]


@dataclass(frozen=True, slots=True)
class SentenceProfile:
    """An article as sentences of content terms (built once per article, compared with many)."""

    article_id: str
    sentences: tuple[SentenceTerms, ...]

    @property
    def content_sentences(self) -> int:
        return sum(1 for s in self.sentences if len(s.terms) >= MIN_TERMS)

    def vocabulary(self) -> frozenset[str]:
        """Every content term of the article (for candidate pairs at scale)."""
        return frozenset(t for s in self.sentences for t in s.terms)


def stem(word: str) -> str:
    """A crude, stable stem: one common suffix off, then cut to a fixed length."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:_STEM_LENGTH]


def sentence_spans(body: str, annotations: Annotations | None) -> tuple[Span, ...]:
    """Sentences from the annotations (or a punctuation rule), split again at line breaks so that
    headings and datelines stand alone."""
    if annotations is not None and annotations.sentences:
        coarse: Iterable[Span] = annotations.sentences
    else:
        coarse = [Span(0, len(body))]
    spans: list[Span] = []
    for outer in coarse:
        for line in _LINE.finditer(body, outer.start, outer.end):
            if annotations is not None and annotations.sentences:
                pieces = [(line.start(), line.end())]
            else:
                pieces = _split_sentences(body, line.start(), line.end())
            for start, end in pieces:
                text = body[start:end]
                stripped = len(text) - len(text.lstrip())
                if text.strip():
                    spans.append(Span(start + stripped, start + len(text.rstrip())))
    return tuple(spans)


def _split_sentences(body: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cursor = start
    for boundary in _SENTENCE_END.finditer(body, start, end):
        pieces.append((cursor, boundary.start()))
        cursor = boundary.end()
    pieces.append((cursor, end))
    return pieces


def build_profile(
    article: Article,
    annotations: Annotations | None,
    tokens: Tokens | None = None,
    stems: dict[str, str] | None = None,
) -> SentenceProfile:
    """The sentence profile of one article (quotes taken from its annotations, if any; ``tokens``:
    the body's :func:`~corroborator.reuse.shingles.tokenize`, when the caller has it already;
    ``stems``: a caller's cache of :func:`stem`, e.g. one per story)."""
    stems = {} if stems is None else stems
    body = article.body
    quotes: list[tuple[int, int]] = []
    if annotations is not None:
        spans = ((q.span.start, q.span.end) for q in annotations.quotes if q.caption is None)
        quotes = sorted(spans, key=_first)
    normalizer = WordNormalizer()
    sentences: list[SentenceTerms] = []
    for span in sentence_spans(body, annotations):
        text = body[span.start : span.end]
        inside: set[str] = set()
        outside: set[str] = set()
        for word, start in _sentence_words(text, span, tokens, normalizer):
            word = word.removesuffix("'s")
            if len(word) < 3 or word in _STOPWORDS or not word.isalpha():
                continue  # short words, stopwords, numbers (taken below), web addresses
            stemmed = stems.get(word)
            if stemmed is None:
                stemmed = stems[word] = stem(word)
            (inside if _in_spans(quotes, start) else outside).add(stemmed)
        for number in _NUMBER.finditer(text):
            value = number.group().replace(",", "")
            if value not in {"0", "1"}:
                (inside if _in_spans(quotes, span.start + number.start()) else outside).add("#" + value)
        sentences.append(SentenceTerms(span, frozenset(inside | outside), frozenset(inside - outside)))
    return SentenceProfile(article.id, tuple(sentences))


def _sentence_words(
    text: str, span: Span, tokens: Tokens | None, normalizer: WordNormalizer
) -> Iterable[tuple[str, int]]:
    """The words of one sentence (``text`` at ``span``) with their offsets in the body: the body's
    tokens inside the span when no token crosses its ends (then tokenising the sentence alone finds
    the same words), else the sentence tokenised alone."""
    if tokens is not None:
        lo = bisect.bisect_left(tokens.starts, span.start)
        hi = bisect.bisect_left(tokens.starts, span.end, lo)
        before_crosses = lo > 0 and tokens.ends[lo - 1] > span.start
        if not before_crosses and not (hi > lo and tokens.ends[hi - 1] > span.end):
            return zip(tokens.words[lo:hi], tokens.starts[lo:hi], strict=True)
    alone = tokenize(text, normalizer)
    return ((word, span.start + start) for word, start in zip(alone.words, alone.starts, strict=True))


def _first(item: tuple[int, int]) -> int:
    return item[0]


def _in_spans(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def best_matches(
    source: SentenceProfile | ProfileIndex, copy: SentenceProfile | ProfileIndex
) -> tuple[Match, ...]:
    """For each sentence of ``copy``: its most similar sentence in ``source`` and the score (see
    :class:`~corroborator.reuse.sentence_match.PairMatcher` to compare one article with many)."""
    source = source if isinstance(source, ProfileIndex) else index_profile(source)
    copy = copy if isinstance(copy, ProfileIndex) else index_profile(copy)
    return PairMatcher(source, copy).all()


def rival_scores(rivals: Iterable[Sequence[Match]], size: int) -> tuple[float, ...]:
    """Per sentence of a copy: the best score any rival article reaches for it."""
    best = [0.0] * size
    for matches in rivals:
        for index, match in enumerate(matches):
            if match.score > best[index]:
                best[index] = match.score
    return tuple(best)


def chain_passages(
    source: SentenceProfile,
    copy: SentenceProfile,
    matches: Sequence[Match],
    rivals: Sequence[float],
    config: ReuseConfig,
    *,
    alone: bool = False,
) -> tuple[Passage, ...]:
    """The rewrite passages of ``copy`` taken from ``source`` (one per sentence), or () when the
    explained sentences do not make a long enough run in the same order. ``alone``: no rival
    article was there to judge against (see :func:`explains`)."""
    chain = _longest_ordered(_explained(matches, rivals, config, alone))
    content = copy.content_sentences
    sources = {m.source for _, m in chain}  # one source sentence split in two counts once
    if len(sources) < config.paraphrase_min_sentences or not content:
        return ()
    if len(chain) / content < config.paraphrase_min_share:
        return ()
    unfigured = min(config.paraphrase_alone_min_unfigured, config.paraphrase_min_sentences)
    if alone and sum(not _figured(source.sentences[i]) for i in sources) < unfigured:
        return ()  # two reports of one release share its figures; a rewrite shares its source's telling
    return tuple(
        Passage(
            from_span=source.sentences[m.source].span,
            to_span=copy.sentences[j].span,
            kind=ReuseKind.PARAPHRASE,
            score=round(min(1.0, m.score), 4),
        )
        for j, m in chain
    )


def _figured(sentence: SentenceTerms) -> bool:
    """Whether a sentence states a number (its ``#`` terms)."""
    return any(t.startswith("#") for t in sentence.terms)


def explains(score: float, rival: float, config: ReuseConfig, alone: bool = False) -> bool:
    """Whether a sentence matched with ``score`` (and at best ``rival`` by a rival) is explained;
    ``alone``: the story had no rival article, so no common facts were discounted and the match
    itself must be closer (``paraphrase_alone_min_similarity``)."""
    floor = config.paraphrase_alone_min_similarity if alone else config.paraphrase_min_similarity
    return score >= floor and score >= rival + config.paraphrase_margin


def _explained(
    matches: Sequence[Match], rivals: Sequence[float], config: ReuseConfig, alone: bool = False
) -> list[tuple[int, Match]]:
    """The sentences of a copy its source explains: a good enough match that beats every rival."""
    return [
        (j, m)
        for j, m in enumerate(matches)
        if m.source >= 0 and explains(m.score, rivals[j] if j < len(rivals) else 0.0, config, alone)
    ]


def _longest_ordered(pairs: Sequence[tuple[int, Match]]) -> list[tuple[int, Match]]:
    """The subsequence of (copy index, match) pairs whose source indices never go back (a source
    sentence split into two copy sentences keeps its place) that names the most distinct source
    sentences, and of those the longest. Longest alone is not enough: one source sentence that four
    copy sentences lean on would outweigh three others, and a stricter match floor could then find a
    chain a looser one missed."""
    best: list[tuple[int, int, int]] = []  # per position: (distinct sources, length, previous position)
    for position, (_, match) in enumerate(pairs):
        found = (1, 1, -1)
        for before in range(position):
            source = pairs[before][1].source
            if source > match.source:
                continue
            distinct, length, _ = best[before]
            candidate = (distinct + (source < match.source), length + 1, before)
            if candidate[:2] > found[:2]:
                found = candidate
        best.append(found)
    if not best:
        return []
    position = max(range(len(best)), key=lambda k: best[k][:2])
    chain: list[tuple[int, Match]] = []
    while position >= 0:
        chain.append(pairs[position])
        position = best[position][2]
    return chain[::-1]


def align_paraphrase(
    a: Article,
    a_ann: Annotations | None,
    b: Article,
    b_ann: Annotations | None,
    config: ReuseConfig,
    *,
    rivals: Sequence[tuple[Article, Annotations | None]] = (),
) -> tuple[Passage, ...]:
    """Sentences of ``b`` that rewrite sentences of ``a`` in the same order (``from_span`` in ``a``,
    ``to_span`` in ``b``); () when ``b`` is no rewrite of ``a``.

    ``rivals`` are the story's other independent articles: a sentence of ``b`` that one of them
    matches about as well as ``a`` carries a common fact, not ``a``'s reporting.
    """
    source, copy = build_profile(a, a_ann), build_profile(b, b_ann)
    matches = best_matches(source, copy)
    others = [best_matches(build_profile(r, r_ann), copy) for r, r_ann in rivals]
    scores = rival_scores(others, len(copy.sentences))
    return chain_passages(source, copy, matches, scores, config, alone=not rivals)


def paraphrase_candidates(profiles: Sequence[SentenceProfile], config: ReuseConfig) -> set[tuple[str, str]]:
    """Pairs of articles (sorted ids) whose content-word sets overlap enough to be worth a sentence
    alignment, from a MinHash LSH index (for stories too large to compare every pair)."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=config.paraphrase_lsh_threshold, num_perm=config.num_perm)
    sketches: dict[str, MinHash] = {}
    for profile in profiles:
        vocabulary = profile.vocabulary()
        if not vocabulary:
            continue
        sketch = MinHash(num_perm=config.num_perm, seed=7)
        sketch.update_batch([term.encode("utf-8") for term in sorted(vocabulary)])
        lsh.insert(profile.article_id, sketch, check_duplication=False)
        sketches[profile.article_id] = sketch
    pairs: set[tuple[str, str]] = set()
    for article_id, sketch in sketches.items():
        for other in lsh.query(sketch):
            if other != article_id:
                pairs.add((min(article_id, other), max(article_id, other)))
    return pairs
