"""The extractive, cited summary of a story (used by :func:`corroborator.brief.brief`).

1. Every body sentence of every article is a candidate (fragments, headings and very long
   sentences left out).
2. Candidates that say the same thing are merged into one *unit*: near-duplicates by content-word
   overlap, looser paraphrases when the reuse stage aligned the two passages or the corroboration
   stage put both sentences in one claim. A unit cites every article carrying it, and its support is
   the number of distinct independent reports among them, so reprints count once.
3. Units are ranked by centrality (LexRank: PageRank over a cosine-similarity graph of idf-weighted
   content words), independent support, the support of the claims they are evidence of, and lead
   position; then chosen greedily with redundancy removed (maximal marginal relevance).
4. The chosen sentences are put in story order (their earliest relative place in an article).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corroborator.brief_records import SummarySentence
from corroborator.corroborate.claims import Memo, WordMemo, content_words
from corroborator.models import Annotations, Article, Claim, Evidence, ReuseLink, Span

MIN_SENTENCES, MAX_SENTENCES = 5, 10
MIN_WORDS, MAX_WORDS = 6, 70
DUPLICATE = 0.6  # Jaccard of content words: the same sentence, lightly edited
CONTAINED = 0.8  # share of the shorter sentence's words found in the longer one
PARAPHRASE = 0.3  # Jaccard enough when a reuse passage or a claim already links the two
EDGE = 0.1  # cosine below which LexRank draws no edge
COVERED = 0.6  # share of a sentence's (idf-weighted) words said already, above which it adds too little
DAMPING = 0.85
EXACT_LEXRANK = 1000  # above this many sentences, similarities leave out the commonest words

_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’')]*|$)")
_ENDS = re.compile(r"[.!?][\"”’')\]]*$")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([^)]{1,40}\))?\s*[—–-]+\s*(?=[A-Z\"“])")
# a sentence opening with a pronoun leans on the one before it, which a summary may not carry
_ANAPHORIC = re.compile(r"(?:He|She|It|They|His|Her|Its|Their|Him|Them)\b")
_SAID_BY_PRONOUN = re.compile(r"[,.!?]['\"”’]\s+(?:he|she|they)\b")  # '"...," he said': who?
_MARKS = "\"“”'‘’ "
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
_SCALE = re.compile(r"\s*(million|billion|trillion|thousand|bn|mn|m|k)\b", re.IGNORECASE)
_SCALES = {"bn": "billion", "mn": "million", "m": "million", "k": "thousand"}


@dataclass(frozen=True, slots=True)
class Candidate:
    article_id: str
    span: Span
    text: str
    words: frozenset[str]
    figures: frozenset[str]  # the numbers it states, with their scale words: "4.2 billion"
    position: float  # relative place in its article, 0 = lead
    order: int  # the article's place in story order (earliest first)


@dataclass(slots=True)
class _Unit:
    members: list[Candidate]
    words: frozenset[str]
    claim_support: int


def candidates(
    article: Article, annotations: Annotations | None, order: int, memo: Memo | None = None
) -> list[Candidate]:
    """The body sentences of one article that could stand in a summary (``memo``: a stem cache)."""
    spans = list(annotations.sentences) if annotations and annotations.sentences else _split(article.body)
    quoted = sorted(
        (q.span.start, q.span.end) for q in (annotations.quotes if annotations else ()) if q.caption is None
    )
    out: list[Candidate] = []
    total = max(1, len(spans) - 1)
    for i, span in enumerate(spans):
        raw = article.body[span.start : span.end]
        start = span.start + (len(raw) - len(raw.lstrip()))
        text = raw.strip()
        n_words = len(text.split())
        if not MIN_WORDS <= n_words <= MAX_WORDS or not _ENDS.search(text) or "\n" in text:
            continue
        if _quotation_piece(text, start, quoted) or _leans_on_context(text):
            continue
        words = content_words(text, memo)
        if len(words) < 4:
            continue
        span_ = Span(start, start + len(text))
        out.append(Candidate(article.id, span_, text, words, figures_of(text), i / total, order))
    return out


def _quotation_piece(text: str, start: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """A sentence that cannot stand alone as the story's: part of a quotation that runs on beyond it
    (it opens one, closes one, or lies inside one) or nothing but a quotation, so a reader would get
    someone's words without who said them; a quotation with its attribution stands."""
    first = start + len(text) - len(text.lstrip(_MARKS))
    last = start + len(text)
    words_end = start + len(text.rstrip(_MARKS + ".!?,"))
    i = bisect.bisect_left(quoted, (last, -1))
    return any(
        q_start < first or q_end > last or (q_start == first and q_end >= words_end)
        for q_start, q_end in quoted[:i]
        if q_end > first
    )


def _leans_on_context(text: str) -> bool:
    """A sentence a reader cannot take alone: it opens with a pronoun ("He is being held ..."), gives
    a quotation to a pronoun ('"...," he said'), or asks a question."""
    question = text.rstrip("\"”’')").endswith("?")
    return question or bool(_ANAPHORIC.match(text) or _SAID_BY_PRONOUN.search(text))


def figures_of(text: str) -> frozenset[str]:
    """The figures a sentence states, normalised ("$4.2bn" -> "4.2 billion", "1,200" -> "1200")."""
    out = set()
    for m in _FIGURE.finditer(text):
        number = m.group().replace(",", "")
        scale = _SCALE.match(text, m.end())
        word = scale.group(1).lower() if scale else ""
        out.add(f"{number} {_SCALES.get(word, word)}".strip())
    return frozenset(out)


def _split(body: str) -> list[Span]:
    spans = []
    for m in _SENTENCE.finditer(body):
        if m.group().strip():
            spans.append(Span(m.start(), m.end()))
    return spans


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _same(a: Candidate, b: Candidate, linked: bool) -> bool:
    if a.figures != b.figures:  # a figure changed (a revision, a scale slip) is not the same statement
        return False
    common = len(a.words & b.words)
    if not common:
        return False
    jac = common / len(a.words | b.words)
    if jac >= DUPLICATE:
        return True
    if common / min(len(a.words), len(b.words)) >= CONTAINED and jac >= DUPLICATE / 2:
        return True
    return linked and jac >= PARAPHRASE


def probe(text: str, memo: Memo | None = None) -> Candidate:
    """``text`` (a claim) as a candidate sentence of no article, to test with :func:`carries`."""
    return Candidate("", Span(0, len(text)), text, content_words(text, memo), figures_of(text), 0.0, 0)


def carries(cands: Sequence[Candidate], text: Candidate | str) -> bool:
    """Whether one of ``cands`` (one article's sentences) says what ``text`` says, even reworded
    (``text`` as a claim's text or its :func:`probe`, made once for many articles)."""
    found = probe(text) if isinstance(text, str) else text
    return any(_same(c, found, linked=True) for c in cands)


def _overlaps(span: Span, other: Span) -> bool:
    return span.start < other.end and other.start < span.end


def _links(
    cands: Sequence[Candidate], reuse: Sequence[ReuseLink], claims: Sequence[Claim]
) -> set[tuple[int, int]]:
    """Pairs of candidates (indices, smaller first) that a reuse passage or a claim connects."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        by_article[c.article_id].append(i)
    ordered = {a: _SpanOrder([cands[i].span for i in found]) for a, found in by_article.items()}

    def inside(article_id: str, span: Span) -> list[int]:
        found = by_article.get(article_id, [])
        return [found[k] for k in ordered[article_id].overlapping(span)] if found else []

    pairs: set[tuple[int, int]] = set()
    for link in reuse:
        for p in link.passages:
            for i in inside(link.from_id, p.from_span):
                for j in inside(link.to_id, p.to_span):
                    pairs.add((min(i, j), max(i, j)))
    for claim in claims:
        members = sorted({i for e in claim.evidence if e.caption is None for i in inside(e.article, e.span)})
        for k, i in enumerate(members):
            for j in members[k + 1 :]:
                if cands[i].article_id != cands[j].article_id:
                    pairs.add((i, j))
    return pairs


class _SpanOrder:
    """Which of some spans overlap a span: found by bisection when the spans follow each other
    (an article's sentences), else by trying each. Positions come in order either way."""

    __slots__ = ("_ends", "_sorted", "_spans")

    def __init__(self, spans: Sequence[Span]) -> None:
        self._spans = spans
        self._ends = [s.end for s in spans]
        self._sorted = all(a.start <= b.start and a.end <= b.end for a, b in itertools.pairwise(spans))

    def overlapping(self, span: Span) -> list[int]:
        spans = self._spans
        if not self._sorted:
            return [k for k, s in enumerate(spans) if _overlaps(s, span)]
        out = []
        k = bisect.bisect_right(self._ends, span.start)  # the first that ends after span starts
        while k < len(spans) and spans[k].start < span.end:
            if _overlaps(spans[k], span):
                out.append(k)
            k += 1
        return out


def _group(cands: Sequence[Candidate], linked: set[tuple[int, int]]) -> list[list[int]]:
    """Union-find over candidates that say the same thing (never two of one article)."""
    parent = list(range(len(cands)))
    members: dict[int, set[str]] = {i: {c.article_id} for i, c in enumerate(cands)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj and not members[ri] & members[rj]:
            parent[rj] = ri
            members[ri] |= members.pop(rj)

    first: dict[str, int] = {}  # identical sentences (reprints) first: exact and cheap
    for i, c in enumerate(cands):
        key = " ".join(c.text.lower().split())
        if key in first:
            union(first[key], i)
        else:
            first[key] = i
    for i, j in sorted(_pairs(cands, sorted(first.values())) | linked):
        if cands[i].article_id != cands[j].article_id and _same(cands[i], cands[j], (i, j) in linked):
            union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(cands)):
        groups[find(i)].append(i)
    return list(groups.values())


def _pairs(cands: Sequence[Candidate], ids: Sequence[int]) -> set[tuple[int, int]]:
    """Pairs among ``ids`` (of different articles) that share enough content words to be the same
    sentence. Words found in very many sentences are not indexed; they are counted as shared at most."""
    index: dict[str, list[int]] = defaultdict(list)
    for i in ids:
        for w in cands[i].words:
            index[w].append(i)
    cap = max(20, len(ids) // 10)
    common = {w for w, found in index.items() if len(found) > cap}
    pairs: set[tuple[int, int]] = set()
    for i in ids:
        shared: dict[int, int] = defaultdict(int)
        for w in cands[i].words - common:
            for j in index[w]:
                if j > i:
                    shared[j] += 1
        mine = len(cands[i].words & common)
        for j, n in shared.items():
            most = n + min(mine, len(cands[j].words & common))
            enough = most >= PARAPHRASE * max(len(cands[i].words), len(cands[j].words))
            if enough and cands[i].article_id != cands[j].article_id:
                pairs.add((i, j))
    return pairs


def _lexrank(vectors: Sequence[dict[str, float]]) -> list[float]:
    """Continuous LexRank: PageRank over the cosine-similarity graph (edges at or above EDGE)."""
    n = len(vectors)
    norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in vectors]
    index: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for w in vec:
            index[w].append(i)
    # words in very many sentences weigh little (low idf) and cost most: left out of the dot products
    cap = n if n <= EXACT_LEXRANK else EXACT_LEXRANK // 5
    edges: list[dict[int, float]] = [{} for _ in range(n)]
    for i, vec in enumerate(vectors):
        dots: dict[int, float] = defaultdict(float)
        for w, x in vec.items():
            if len(index[w]) > cap:
                continue
            for j in index[w]:
                if j != i:
                    dots[j] += x * vectors[j][w]
        for j, d in dots.items():
            sim = d / (norms[i] * norms[j])
            if sim >= EDGE:
                edges[i][j] = sim
    out_weight = [sum(e.values()) for e in edges]
    rank = [1.0 / n] * n
    for _ in range(40):
        dangling = sum(rank[i] for i in range(n) if not out_weight[i])
        new = [(1 - DAMPING) / n + DAMPING * dangling / n] * n
        for i, e in enumerate(edges):
            for j, weight in e.items():
                new[j] += DAMPING * rank[i] * weight / out_weight[i]
        rank = new
    return rank


def display_text(text: str) -> str:
    """A sentence as the summary shows it: the wire dateline ("CITY (AGENCY) — ") taken off."""
    return _DATELINE.sub("", text, count=1)


def all_candidates(articles: Sequence[Article], annotations: Mapping[str, Annotations]) -> list[Candidate]:
    """The candidate sentences of every article (``articles`` in story order, earliest first)."""
    memo = WordMemo()
    return [c for k, a in enumerate(articles) for c in candidates(a, annotations.get(a.id), k, memo)]


def summarize(
    cands: Sequence[Candidate],
    report_of: Mapping[str, str],
    reuse: Sequence[ReuseLink] = (),
    claims: Sequence[Claim] = (),
    limit: int | None = None,
) -> tuple[SummarySentence, ...]:
    """Choose 5-10 central, well-supported, non-redundant sentences among ``cands`` (see
    :func:`all_candidates`) and cite each one; ``report_of`` maps article id -> report id."""
    if not cands:
        return ()
    units = _units(cands, reuse, claims)
    df: dict[str, int] = defaultdict(int)
    for u in units:
        for w in u.words:
            df[w] += 1
    vectors = [{w: math.log((1 + len(units)) / (1 + df[w])) + 1.0 for w in u.words} for u in units]
    rank = _lexrank(vectors)
    top = max(rank)
    supports = [len({report_of.get(m.article_id, m.article_id) for m in u.members}) for u in units]
    max_support = max(supports)
    max_claim = max(u.claim_support for u in units) or 1
    scores = []
    for u, r, s in zip(units, rank, supports, strict=True):
        lead = max(0.0, 1.0 - 4 * min(m.position for m in u.members))
        quoted = sum(len(q) for q in _QUOTED.findall(u.members[0].text)) / max(1, len(u.members[0].text))
        score = (
            r / top + 0.6 * (s - 1) / max(1, max_support - 1) + 0.4 * u.claim_support / max_claim + 0.3 * lead
        )
        scores.append(score * (0.7 if quoted > 0.6 else 1.0))
    want = limit or max(MIN_SENTENCES, min(MAX_SENTENCES, 5 + len(units) // 40))
    chosen: list[int] = []
    covered: set[str] = set()
    left = set(range(len(units)))
    while left and len(chosen) < want:
        best, best_value = -1, -math.inf
        for i in left:
            weight = sum(vectors[i].values()) or 1.0
            seen = sum(x for w, x in vectors[i].items() if w in covered) / weight
            if seen > COVERED:
                continue
            value = scores[i] * (1.0 - seen)
            if value > best_value:
                best, best_value = i, value
        if best < 0:
            break
        chosen.append(best)
        covered |= units[best].members[0].words
        left.discard(best)
    chosen.sort(key=lambda i: (min(m.position for m in units[i].members), -scores[i]))
    return tuple(_sentence(units[i], scores[i], report_of) for i in chosen)


def _units(cands: Sequence[Candidate], reuse: Sequence[ReuseLink], claims: Sequence[Claim]) -> list[_Unit]:
    claim_support: dict[int, int] = defaultdict(int)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        by_article[c.article_id].append(i)
    ordered = {a: _SpanOrder([cands[i].span for i in found]) for a, found in by_article.items()}
    for claim in claims:
        for e in claim.evidence:
            if e.caption is None and e.article in ordered:
                found = by_article[e.article]
                for k in ordered[e.article].overlapping(e.span):
                    i = found[k]
                    claim_support[i] = max(claim_support[i], claim.support)
    units = []
    for group in _group(cands, _links(cands, reuse, claims)):
        members = sorted((cands[i] for i in group), key=lambda c: (c.order, c.position))
        words = frozenset().union(*(m.words for m in members))
        units.append(_Unit(members, words, max(claim_support[i] for i in group)))
    return units


def _sentence(unit: _Unit, score: float, report_of: Mapping[str, str]) -> SummarySentence:
    lead = unit.members[0]
    article_ids = tuple(dict.fromkeys(m.article_id for m in unit.members))
    reports = tuple(dict.fromkeys(report_of.get(a, a) for a in article_ids))
    evidence = tuple(Evidence(m.article_id, m.span, m.text) for m in unit.members)
    return SummarySentence(display_text(lead.text), article_ids, reports, evidence, round(score, 4))
