"""Passages two articles share nearly word for word, each with its exact span in both bodies.

A local alignment in three steps, all on the folded words of :mod:`corroborator.reuse.shingles`:

1. anchors: every word k-gram the two articles share (k = ``ReuseConfig.shingle_size``); k-grams that
   repeat many times inside one article (lists, refrains) are no anchors;
2. blocks: anchors on the same diagonal and in a row become one exact block of matching words;
3. passages: blocks that follow each other in both articles, with at most ``gap_tolerance`` words of
   difference between them (a changed, dropped or added word, a spelling the folding missed), chain
   into one passage. A block that jumps elsewhere starts a new passage, so reordered and dropped
   paragraphs give several passages, found independently of their order.

A passage counts when it has at least ``min_passage_words`` matching words and its words keep a token
similarity of ``min_passage_score``. Text inside excluded spans (direct quotations, which independent
outlets quoting the same speaker share without copying each other) cannot make a passage by itself: a
passage needs ``min_passage_words`` words outside them and at most ``max_excluded_share`` inside.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import Indel

from corroborator.config import ReuseConfig
from corroborator.models import Passage, ReuseKind, Span
from corroborator.reuse.shingles import Tokens, WordNormalizer, shingle_hashes, tokenize


@dataclass(frozen=True, slots=True)
class _Block:
    """Exact matching words: ``a[a0:a0+size] == b[b0:b0+size]``."""

    a0: int
    b0: int
    size: int


@dataclass(slots=True)
class _Chain:
    """A passage being built: token ranges ``[a0, a1)`` and ``[b0, b1)`` and the words matched."""

    a0: int
    a1: int
    b0: int
    b1: int
    matched: int


def align_verbatim(
    a_body: str,
    b_body: str,
    config: ReuseConfig,
    *,
    exclude_a: Sequence[Span] = (),
    exclude_b: Sequence[Span] = (),
) -> tuple[Passage, ...]:
    """Passages of ``a_body`` (``from_span``) found again in ``b_body`` (``to_span``), in ``b`` order."""
    normalizer = WordNormalizer()
    return align_tokens(
        tokenize(a_body, normalizer),
        tokenize(b_body, normalizer),
        config,
        exclude_a=exclude_a,
        exclude_b=exclude_b,
    )


def align_tokens(
    a: Tokens,
    b: Tokens,
    config: ReuseConfig,
    *,
    exclude_a: Sequence[Span] = (),
    exclude_b: Sequence[Span] = (),
    tables: tuple[ShingleTable, ShingleTable] | None = None,
    excluded: tuple[Callable[[], list[bool]], Callable[[], list[bool]]] | None = None,
) -> tuple[Passage, ...]:
    """:func:`align_verbatim` on already tokenised bodies (tokenise each article once, align many;
    ``tables``: their :func:`shingle_table`, made once per article too; ``excluded``: functions
    giving each side's :func:`excluded_flags`, for a caller that keeps them per article, in place
    of ``exclude_a`` and ``exclude_b``)."""
    table_a, table_b = tables or (shingle_table(a, config), shingle_table(b, config))
    if table_a.positions.keys().isdisjoint(table_b.counts):
        return ()  # not one shared k-gram: nothing to align (most pairs of a large story)
    blocks = _blocks(a, b, table_a, table_b, config)
    chains = _chain(blocks, config.gap_tolerance, config.shingle_size)
    flags: tuple[list[bool], list[bool]] | None = None  # made when a chain is long enough
    passages: list[Passage] = []
    for chain in chains:
        if chain.matched < config.min_passage_words:
            continue
        if chain.a1 - chain.a0 < config.min_passage_words or chain.b1 - chain.b0 < config.min_passage_words:
            continue
        if flags is None:
            flags = (
                (excluded[0](), excluded[1]())
                if excluded is not None
                else (excluded_flags(a, exclude_a), excluded_flags(b, exclude_b))
            )
        if not _enough_outside(chain, *flags, config):
            continue
        score = Indel.normalized_similarity(a.words[chain.a0 : chain.a1], b.words[chain.b0 : chain.b1])
        if score < config.min_passage_score:
            continue
        passages.append(
            Passage(
                from_span=Span(a.starts[chain.a0], a.ends[chain.a1 - 1]),
                to_span=Span(b.starts[chain.b0], b.ends[chain.b1 - 1]),
                kind=ReuseKind.VERBATIM,
                score=round(score, 4),
            )
        )
    passages.sort(key=lambda p: (p.to_span.start, p.from_span.start))
    return tuple(passages)


def shared_share(passages: Sequence[Passage], body_len: int, side: Literal["from", "to"]) -> float:
    """Share of one article's body (``body_len`` characters) covered by the union of passage spans.

    ``side="to"`` measures the copy (``to_span``), ``side="from"`` the source (``from_span``).
    """
    if body_len <= 0:
        return 0.0
    spans = sorted(((p.to_span if side == "to" else p.from_span) for p in passages), key=lambda s: s.start)
    covered = 0
    end = -1
    for span in spans:
        start = max(span.start, end)
        if span.end > start:
            covered += span.end - start
            end = span.end
    return min(1.0, covered / body_len)


@dataclass(frozen=True, slots=True)
class ShingleTable:
    """One article's k-gram hashes in order, where each occurs and how often."""

    hashes: list[int]
    positions: dict[int, list[int]]
    counts: dict[int, int]


def shingle_table(tokens: Tokens, config: ReuseConfig) -> ShingleTable:
    """The k-gram table of a tokenised body, for :func:`align_tokens`."""
    hashes = shingle_hashes(tokens.words, config.shingle_size).tolist()
    positions: dict[int, list[int]] = {}
    for i, h in enumerate(hashes):
        positions.setdefault(h, []).append(i)
    return ShingleTable(hashes, positions, {h: len(p) for h, p in positions.items()})


def _blocks(
    a: Tokens, b: Tokens, table_a: ShingleTable, table_b: ShingleTable, config: ReuseConfig
) -> list[_Block]:
    """Exact runs of shared k-grams, as blocks of matching words, in ``b`` order."""
    k = config.shingle_size
    hashes_b = table_b.hashes
    positions = table_a.positions
    counts_b = table_b.counts
    if not table_a.hashes or not hashes_b:
        return []
    limit = config.max_anchor_repeats
    words_a, words_b = a.words, b.words
    last = k - 1
    open_runs: dict[int, list[int]] = {}  # diagonal i - j -> its latest run [a0, b0, anchors]
    starts: list[list[int]] = []  # the runs in the order they start
    for j, h in enumerate(hashes_b):
        found = positions.get(h)
        if found is None or len(found) > limit or counts_b[h] > limit:
            continue
        for i in found:
            run = open_runs.get(i - j)
            if run is not None and run[1] + run[2] == j:
                # the run's last anchor (i - 1, j - 1) matched its k words: only the new last word
                # can make this one a hash collision rather than a shared k-gram
                if words_a[i + last] == words_b[j + last]:
                    run[2] += 1
            elif words_a[i : i + k] == words_b[j : j + k]:  # else a hash collision
                run = open_runs[i - j] = [i, j, 1]
                starts.append(run)
    return [_Block(a0, b0, anchors + last) for a0, b0, anchors in starts]


def _chain(blocks: list[_Block], gap: int, k: int) -> list[_Chain]:
    """Chain blocks that follow each other closely in both articles into passages."""
    chains: list[_Chain] = []
    open_chains: list[_Chain] = []
    for block in blocks:  # already in b order
        a1, b1 = block.a0 + block.size, block.b0 + block.size
        open_chains = [c for c in open_chains if block.b0 - c.b1 <= gap]
        best: _Chain | None = None
        best_cost = gap + 1
        for chain in open_chains:
            da, db = block.a0 - chain.a1, block.b0 - chain.b1
            if da < -k or db < -k or da > gap or db > gap or abs(da - db) > gap:
                continue
            if a1 <= chain.a1 or b1 <= chain.b1:
                continue  # nothing new: a repeat inside the chain
            cost = max(da, db, 0)
            if cost < best_cost:
                best, best_cost = chain, cost
        if best is None:
            chain = _Chain(block.a0, a1, block.b0, b1, block.size)
            chains.append(chain)
            open_chains.append(chain)
            continue
        overlap = max(0, best.b1 - block.b0, best.a1 - block.a0)
        best.matched += block.size - overlap
        best.a1, best.b1 = max(best.a1, a1), max(best.b1, b1)
    return chains


def excluded_flags(tokens: Tokens, spans: Sequence[Span]) -> list[bool]:
    """Per token: does it start inside one of ``spans``?"""
    flags = [False] * len(tokens)
    if not spans:
        return flags
    ordered = sorted(spans, key=lambda s: s.start)
    index = 0
    for t, start in enumerate(tokens.starts):
        while index < len(ordered) and ordered[index].end <= start:
            index += 1
        probe = index
        while probe < len(ordered) and ordered[probe].start <= start:
            if start < ordered[probe].end:
                flags[t] = True
                break
            probe += 1
    return flags


def _enough_outside(
    chain: _Chain, excluded_a: list[bool], excluded_b: list[bool], config: ReuseConfig
) -> bool:
    """Does the passage carry enough words outside the excluded spans on both sides?"""
    inside_a = sum(excluded_a[chain.a0 : chain.a1])
    inside_b = sum(excluded_b[chain.b0 : chain.b1])
    size_a, size_b = chain.a1 - chain.a0, chain.b1 - chain.b0
    outside = min(size_a - inside_a, size_b - inside_b)
    share_inside = max(inside_a / size_a, inside_b / size_b)
    return outside >= config.min_passage_words and share_inside <= config.max_excluded_share
