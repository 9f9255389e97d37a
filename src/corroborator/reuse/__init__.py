"""Text reuse between articles: shared passages, candidate pairs at scale, independent reports.

>>> result = detect_reuse(articles, annotations)            # doctest: +SKIP
>>> [(l.from_id, l.to_id, l.kind.value) for l in result.links]  # doctest: +SKIP
>>> [r.origin for r in result.reports]                       # doctest: +SKIP

:func:`detect_reuse` runs the stage on one story:

1. candidate pairs: every pair in a story of up to ``ReuseConfig.all_pairs_max`` articles, else the
   pairs two MinHash LSH indexes propose (word shingles for verbatim text, content words for rewrites);
2. verbatim passages first (:mod:`~corroborator.reuse.align`): a pair whose passages cover
   ``min_verbatim_share`` of either body is a VERBATIM link; verbatim links group articles into
   *units* (a wire story and its reprints);
3. paraphrase alignment (:mod:`~corroborator.reuse.paraphrase`) for pairs in different units: the
   rival articles that discount common facts are the story's articles outside both units; it repeats
   once units grow, so two rewrites of one wire story do not discount each other;
4. direction and provenance (:mod:`~corroborator.reuse.provenance`), ``shared`` = share of the
   copy's body covered, then the independent reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from corroborator.config import ReuseConfig
from corroborator.models import Annotations, Article, IndependentReport, Passage, ReuseKind, ReuseLink, Span
from corroborator.reuse.align import ShingleTable, align_tokens, excluded_flags, shared_share, shingle_table
from corroborator.reuse.index import ReuseIndex
from corroborator.reuse.paraphrase import (
    SentenceProfile,
    build_profile,
    is_content_word,
    paraphrase_candidates,
)
from corroborator.reuse.provenance import (
    StoryCredits,
    byline_agency,
    independent_reports,
    orient,
    publication_window,
    story_agencies,
)
from corroborator.reuse.rewrites import StoryRewrites
from corroborator.reuse.shingles import Tokens, WordNormalizer, tokenize
from corroborator.unionfind import UnionFind

__all__ = ["ReuseResult", "detect_reuse"]

_MAX_ROUNDS = 3  # paraphrase passes: units grow with each pass's links


@dataclass(frozen=True, slots=True)
class ReuseResult:
    """Reuse links between a story's articles and its partition into independent reports."""

    links: tuple[ReuseLink, ...]
    reports: tuple[IndependentReport, ...]


def detect_reuse(
    articles: Sequence[Article],
    annotations: Sequence[Annotations] | None,
    config: ReuseConfig | None = None,
) -> ReuseResult:
    """Which articles of one story share text (verbatim or rewritten), who took it from whom, and
    the story's independent reports."""
    config = config or ReuseConfig()
    by_id = {a.id: a for a in articles}
    ann = {a.article_id: a for a in annotations or ()}
    normalizer = WordNormalizer()
    tokens = {a.id: tokenize(a.body, normalizer) for a in articles}
    stems: dict[str, str] = {}
    profiles = {a.id: build_profile(a, ann.get(a.id), tokens[a.id], stems) for a in articles}
    pairs, neighbours = _candidates(articles, tokens, profiles, config)

    found: dict[tuple[str, str], tuple[Passage, ...]] = {}
    units = UnionFind([a.id for a in articles])
    tables = {a.id: shingle_table(tokens[a.id], config) for a in articles}
    flags = _ExcludedFlags(tokens, ann)
    for a, b in pairs:
        passages = _verbatim(by_id[a], by_id[b], tokens, tables, flags, config)
        if passages:
            found[(a, b)] = passages
            units.join(a, b)

    rewrites = StoryRewrites(profiles, config)
    for _ in range(_MAX_ROUNDS):
        new = 0
        for a, b in pairs:
            if (a, b) in found or (b, a) in found or units.find(a) == units.find(b):
                continue
            result = _paraphrase(a, b, rewrites, neighbours, units)
            if result is not None:
                found[result[0]] = result[1]
                new += 1
        for a, b in list(found):
            units.join(a, b)
        if not new:
            break

    found = _drop_third_party(found, by_id, ann)
    agencies = story_agencies(articles)
    credits = StoryCredits(agencies)
    links = [_link(by_id[a], by_id[b], passages, ann, credits) for (a, b), passages in found.items()]
    links.sort(key=lambda link: (link.from_id, link.to_id))
    return ReuseResult(tuple(links), independent_reports(articles, links, ann, config))


def _candidates(
    articles: Sequence[Article],
    tokens: Mapping[str, Tokens],
    profiles: Mapping[str, SentenceProfile],
    config: ReuseConfig,
) -> tuple[list[tuple[str, str]], dict[str, set[str]]]:
    """Pairs to align (sorted ids) and, per article, the articles that may rival its sources."""
    ids = [a.id for a in articles]
    if len(ids) <= config.all_pairs_max:
        pairs = [(min(x, y), max(x, y)) for n, x in enumerate(ids) for y in ids[n + 1 :]]
    else:
        index = ReuseIndex(config)
        index.add_many((i, tokens[i]) for i in ids)
        proposed = set(index.candidate_pairs()) | paraphrase_candidates(list(profiles.values()), config)
        pairs = sorted(proposed)
    neighbours: dict[str, set[str]] = {i: set() for i in ids}
    for x, y in pairs:
        neighbours[x].add(y)
        neighbours[y].add(x)
    return pairs, neighbours


class _ExcludedFlags:
    """Per article, which of its tokens are inside its quotations (made when first needed)."""

    __slots__ = ("_ann", "_flags", "_tokens")

    def __init__(self, tokens: Mapping[str, Tokens], ann: Mapping[str, Annotations]) -> None:
        self._tokens = tokens
        self._ann = ann
        self._flags: dict[str, list[bool]] = {}

    def of(self, article_id: str) -> Callable[[], list[bool]]:
        def flags() -> list[bool]:
            found = self._flags.get(article_id)
            if found is None:
                spans = _quote_spans(self._ann.get(article_id))
                found = self._flags[article_id] = excluded_flags(self._tokens[article_id], spans)
            return found

        return flags


def _verbatim(
    a: Article,
    b: Article,
    tokens: Mapping[str, Tokens],
    tables: Mapping[str, ShingleTable],
    flags: _ExcludedFlags,
    config: ReuseConfig,
) -> tuple[Passage, ...]:
    passages = align_tokens(
        tokens[a.id],
        tokens[b.id],
        config,
        tables=(tables[a.id], tables[b.id]),
        excluded=(flags.of(a.id), flags.of(b.id)),
    )
    # a passage of names ("the U.S. Fish and Wildlife Service or the National Oceanic and Atmospheric
    # Administration") is what independent reports write alike: a passage needs words of its own telling
    passages = tuple(p for p in passages if _told(a.body[p.from_span.start : p.from_span.end], config))
    if not passages:
        return ()
    share = max(shared_share(passages, len(b.body), "to"), shared_share(passages, len(a.body), "from"))
    return passages if share >= config.min_verbatim_share else ()


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’')]?\s+|\n\s*)([^\W\d_][\w'’-]*)")


def _told(text: str, config: ReuseConfig) -> bool:
    """Whether a passage has ``min_passage_telling`` different words of its own telling: words of
    three letters or more that are not function words (:func:`is_content_word`) and not names, i.e.
    written in lower case, or capitalised only as a sentence's first word ("Paramedics rushed ...")."""
    first = {m.start(1) for m in _SENTENCE_START.finditer(text)}
    words = {
        m.group().lower()
        for m in _WORD.finditer(text)
        if (m.group()[0].islower() or m.start() in first) and is_content_word(m.group())
    }
    return len(words) >= config.min_passage_telling


def _quote_spans(annotations: Annotations | None) -> tuple[Span, ...]:
    if annotations is None:
        return ()
    return tuple(q.span for q in annotations.quotes if q.caption is None)


def _paraphrase(
    a: str, b: str, rewrites: StoryRewrites, neighbours: Mapping[str, set[str]], units: UnionFind
) -> tuple[tuple[str, str], tuple[Passage, ...]] | None:
    """The better direction of rewrite between ``a`` and ``b`` (source, copy) with its passages."""
    best: tuple[tuple[str, str], tuple[Passage, ...]] | None = None
    best_share = 0.0
    for source, copy in ((a, b), (b, a)):
        own = {units.find(source), units.find(copy)}
        rivals = [c for c in neighbours[copy] if units.find(c) not in own]
        passages = rewrites.passages(source, copy, rivals)
        if not passages:
            continue
        share = len(passages) / max(1, rewrites.profile(copy).content_sentences)
        if share > best_share:
            best, best_share = ((source, copy), passages), share
    return best


def _link(
    a: Article,
    b: Article,
    passages: tuple[Passage, ...],
    ann: Mapping[str, Annotations],
    credits: StoryCredits,
) -> ReuseLink:
    """The link for passages found from ``a`` to ``b``, turned round when the evidence says so."""
    from_id, _, evidence = orient(a, b, passages, ann.get(a.id), ann.get(b.id), credits=credits)
    if from_id != a.id:
        passages = tuple(
            Passage(p.to_span, p.from_span, p.kind, p.score)
            for p in sorted(passages, key=lambda p: (p.from_span.start, p.to_span.start))
        )
        a, b = b, a
    kind = passages[0].kind if passages else ReuseKind.VERBATIM
    shared = round(shared_share(passages, len(b.body), "to"), 4)
    return ReuseLink(a.id, b.id, kind, shared, passages, evidence)


def _drop_third_party(
    found: dict[tuple[str, str], tuple[Passage, ...]],
    by_id: Mapping[str, Article],
    ann: Mapping[str, Annotations],
) -> dict[tuple[str, str], tuple[Passage, ...]]:
    """Drop the link between an agency's article and a third party's reprint of the same agency's
    copy when the agency's own earlier article carries the shared text too: the agency reused its
    own copy, not the reprint (the reprint and the follow-up still meet in one report). The agency's
    own article must be dated before the follow-up."""
    linked: dict[str, set[str]] = {}
    for a, b in found:
        linked.setdefault(a, set()).add(b)
        linked.setdefault(b, set()).add(a)
    drop: set[tuple[str, str]] = set()
    for (a, b) in found:
        for copy, other in ((a, b), (b, a)):
            agency = byline_agency(by_id[copy])
            if agency is None or byline_agency(by_id[other]) == agency:
                continue
            window = publication_window(by_id[copy], ann.get(copy))
            own = [
                z
                for z in linked[copy] & linked[other]
                if byline_agency(by_id[z]) == agency
                and window is not None
                and (earlier := publication_window(by_id[z], ann.get(z))) is not None
                and earlier[1] < window[0]
            ]
            if own:
                drop.add((a, b))
    return {pair: passages for pair, passages in found.items() if pair not in drop}
