"""Reuse detection at scale: MinHash LSH candidates + passage alignment over 10,000 and 40,000 articles.

The corpus is synthesised from real news text (the ECB+ dev topics and the article-extraction
benchmark's ground-truth bodies, both in ../shared/bench): sentences are pooled, base articles are
built from random sentences of different source articles with ~40% of their words substituted (so no
two base articles share a real passage), and 10% of the corpus are planted reprints of distinct base
articles whose truth is known:

- ``verbatim``: the whole article with small edits (a changed word, a dropped word per paragraph),
  sometimes paragraphs reordered and an own paragraph added;
- ``partial``: 30-80% of the paragraphs (any order) among the reprint's own paragraphs;
- ``spelling``: the whole article in British spelling ("realise", "neighbour", "centre", "Oct.").

Each size runs in its own subprocess (peak RSS is its own). Measured: time to tokenise, index,
generate candidates and align them; peak RSS; recall and precision of the planted pairs (a pair is
found when alignment yields at least one passage); candidate recall of the LSH per reprint kind beside
a containment index (datasketch's MinHashLSHEnsemble). An all-pairs baseline on a subsample (exact
Jaccard over every pair, timed at three sizes, and the per-pair cost of aligning every pair) shows the
quadratic growth the index avoids, extrapolated to the full sizes.

Run: .venv/bin/python bench/reuse_scale.py [--sizes 10000,40000] [--quick] [--baseline-n 1000] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from datasketch import MinHashLSHEnsemble

from _common import SHARED, peak_rss_mb, run_in_subprocess
from corroborator.config import ReuseConfig
from corroborator.reuse.align import align_tokens
from corroborator.reuse.index import ReuseIndex, Sketcher
from corroborator.reuse.shingles import Tokens, WordNormalizer, tokenize

ECB = SHARED / "bench" / "ecbplus" / "dev-topics-1-22.jsonl"
GROUND_TRUTH = SHARED / "bench" / "article-extraction" / "ground-truth.json"
SCRIPT = Path(__file__).resolve()
REPRINT_SHARE = 0.10
SUBSTITUTION = 0.4  # at 0.3, two bases drawing one source sentence still share 12+ words
BRITISH = (
    (re.compile(r"\b(\w{3,})iz(e|es|ed|ing|ation)\b"), r"\1is\2"),
    (re.compile(r"\b(neighb|col|fav|hon|lab|behavi|harb)or"), r"\1our"),
    (re.compile(r"\b(cent|theat|met)er(s?)\b"), r"\1re\2"),
    (re.compile(r"\b(travel|cancel|model|label)(ed|ing)\b"), r"\1l\2"),
    (re.compile(r"\bOctober\b"), "Oct."),
    (re.compile(r"\bdefense\b"), "defence"),
)


@dataclass(frozen=True, slots=True)
class Corpus:
    ids: tuple[str, ...]
    bodies: tuple[str, ...]
    truth: frozenset[tuple[str, str]]  # (base, reprint), sorted as the index sorts pairs
    kinds: dict[tuple[str, str], str]


def _sources() -> list[str]:
    if not ECB.is_file() or not GROUND_TRUTH.is_file():
        sys.exit(f"SKIP: benchmark texts not found under {SHARED / 'bench'} (needs ../shared)")
    texts = [json.loads(line)["text"] for line in ECB.read_text(encoding="utf-8").splitlines() if line]
    truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    texts += [entry.get("articleBody") or "" for entry in truth.values()]
    return texts


def _sentence_pool(texts: list[str]) -> list[list[str]]:
    pool = []
    for text in texts:
        for line in re.split(r"\n+", text):
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line.strip()):
                words = sentence.split()
                if len(words) >= 6:
                    pool.append(words)
    return pool


def _mutate(words: list[str], vocab: list[str], rng: random.Random) -> str:
    return " ".join(rng.choice(vocab) if rng.random() < SUBSTITUTION else w for w in words)


def _base_article(pool: list[list[str]], vocab: list[str], rng: random.Random) -> list[str]:
    return [
        " ".join(_mutate(rng.choice(pool), vocab, rng) for _ in range(rng.randint(1, 3)))
        for _ in range(rng.randint(4, 8))
    ]


def _edit(paragraph: str, rng: random.Random, vocab: list[str]) -> str:
    words = paragraph.split()
    if len(words) > 8 and rng.random() < 0.5:
        words[rng.randrange(len(words))] = rng.choice(vocab)
    if len(words) > 8 and rng.random() < 0.3:
        del words[rng.randrange(len(words))]
    return " ".join(words)


def _british(paragraph: str) -> str:
    for pattern, replacement in BRITISH:
        paragraph = pattern.sub(replacement, paragraph)
    return paragraph


def _reprint(
    base: list[str], kind: str, pool: list[list[str]], vocab: list[str], rng: random.Random
) -> list[str]:
    if kind == "verbatim":
        paragraphs = [_edit(p, rng, vocab) for p in base]
        if rng.random() < 0.5:
            rng.shuffle(paragraphs)
        if rng.random() < 0.5:
            paragraphs.insert(rng.randint(0, len(paragraphs)), _base_article(pool, vocab, rng)[0])
        return paragraphs
    if kind == "partial":
        keep = max(1, round(len(base) * rng.uniform(0.3, 0.8)))
        kept = [_edit(p, rng, vocab) for p in rng.sample(base, keep)]
        own = _base_article(pool, vocab, rng)[: rng.randint(1, 4)]
        mixed = kept + own
        rng.shuffle(mixed)
        return mixed
    return [_british(p) for p in base]


def build_corpus(n: int, seed: int) -> Corpus:
    rng = random.Random(seed)
    pool = _sentence_pool(_sources())
    vocab = sorted({w for words in pool for w in words})
    n_reprints = int(n * REPRINT_SHARE)
    bases = [_base_article(pool, vocab, rng) for _ in range(n - n_reprints)]
    ids = [f"a{i:06d}" for i in range(n)]
    bodies = ["\n\n".join(b) for b in bases]
    truth: set[tuple[str, str]] = set()
    kinds: dict[tuple[str, str], str] = {}
    sources = rng.sample(range(len(bases)), n_reprints)
    for offset, source in enumerate(sources):
        kind = ("verbatim", "partial", "spelling")[offset % 3]
        bodies.append("\n\n".join(_reprint(bases[source], kind, pool, vocab, rng)))
        pair = (ids[source], ids[len(bases) + offset])
        truth.add(pair)
        kinds[pair] = kind
    # shuffle positions so reprints are not all at the end (ids stay attached to their bodies)
    order = list(range(n))
    rng.shuffle(order)
    return Corpus(tuple(ids[i] for i in order), tuple(bodies[i] for i in order), frozenset(truth), kinds)


def run_size(n: int, seed: int) -> dict[str, object]:
    corpus = build_corpus(n, seed)
    config = ReuseConfig()
    rss_corpus = peak_rss_mb()
    body_of = dict(zip(corpus.ids, corpus.bodies, strict=True))
    normalizer = WordNormalizer()
    t0 = time.perf_counter()
    index = ReuseIndex(config)
    tokenize_s = 0.0
    words = 0
    for article_id, body in body_of.items():  # streaming: the index keeps signatures, not tokens
        t = time.perf_counter()
        tokens = tokenize(body, normalizer)
        tokenize_s += time.perf_counter() - t
        words += len(tokens)
        index.add(article_id, tokens)
    t2 = time.perf_counter()
    candidates = index.candidate_pairs()
    t3 = time.perf_counter()
    found: set[tuple[str, str]] = set()
    for a, b in candidates:  # candidates are re-tokenised (a few per article)
        if align_tokens(tokenize(body_of[a], normalizer), tokenize(body_of[b], normalizer), config):
            found.add((a, b))
    t4 = time.perf_counter()
    truth = corpus.truth
    result: dict[str, object] = {
        "articles": n,
        "planted": len(truth),
        "words": words,
        "lsh_bands_rows": list(index.params),
        "tokenize_s": round(tokenize_s, 2),
        "index_s": round(t2 - t0 - tokenize_s, 2),
        "candidates_s": round(t3 - t2, 2),
        "align_s": round(t4 - t3, 2),
        "total_s": round(t4 - t0, 2),
        "candidates": len(candidates),
        "candidate_recall": _recall_by_kind(set(candidates), corpus),
        "found": len(found),
        "recall": round(len(found & truth) / len(truth), 4),
        "precision": round(len(found & truth) / len(found), 4) if found else 0.0,
        "recall_by_kind": _recall_by_kind(found, corpus),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_corpus_mb": round(rss_corpus, 1),
    }
    return result


def _recall_by_kind(pairs: set[tuple[str, str]], corpus: Corpus) -> dict[str, float]:
    out = {}
    for kind in ("verbatim", "partial", "spelling"):
        planted = [p for p in corpus.truth if corpus.kinds[p] == kind]
        out[kind] = round(sum(p in pairs for p in planted) / len(planted), 4) if planted else 0.0
    return out


def run_index_comparison(n: int, seed: int) -> dict[str, object]:
    """Candidate recall per reprint kind: Jaccard LSH settings beside a containment index."""
    corpus = build_corpus(n, seed)
    normalizer = WordNormalizer()
    tokens = {i: tokenize(body, normalizer) for i, body in zip(corpus.ids, corpus.bodies, strict=True)}
    out: dict[str, object] = {"articles": n}
    for threshold, num_perm in ((0.1, 256), (0.1, 128), (0.05, 128), (0.3, 256)):
        config = ReuseConfig(lsh_threshold=threshold, num_perm=num_perm)
        t0 = time.perf_counter()
        index = ReuseIndex(config)
        index.add_many(tokens.items())
        pairs = set(index.candidate_pairs())
        out[f"jaccard_{threshold}_perm{num_perm}"] = {
            "bands_rows": list(index.params),
            "candidates": len(pairs),
            "candidate_recall": _recall_by_kind(pairs, corpus),
            "seconds": round(time.perf_counter() - t0, 2),
        }
    out.update(_ensemble(tokens, corpus, ReuseConfig()))
    return out


def _ensemble(tokens: dict[str, Tokens], corpus: Corpus, config: ReuseConfig) -> dict[str, object]:
    """Candidates from a containment index (MinHashLSHEnsemble), for comparison with Jaccard LSH."""
    t0 = time.perf_counter()
    sketcher = Sketcher(config)
    entries = []
    for article_id, toks in tokens.items():
        shingles = sketcher.shingles(toks)
        if shingles.size:
            entries.append((article_id, sketcher.sketch(shingles), int(shingles.size)))
    out: dict[str, object] = {}
    for threshold in (0.2, 0.3):
        t1 = time.perf_counter()
        lsh = MinHashLSHEnsemble(threshold=threshold, num_perm=config.num_perm, num_part=16)
        lsh.index(entries)
        pairs = {
            (min(key, other), max(key, other))
            for key, minhash, size in entries
            for other in lsh.query(minhash, size)
            if other != key
        }
        out[f"containment_{threshold}"] = {
            "candidates": len(pairs),
            "candidate_recall": _recall_by_kind(pairs, corpus),
            "seconds": round(time.perf_counter() - t1 + (t1 - t0), 2),
        }
    return out


def run_baseline(n: int, seed: int) -> dict[str, object]:
    """All pairs on a subsample: exact Jaccard at three sizes, and the per-pair cost of alignment."""
    corpus = build_corpus(n, seed)
    config = ReuseConfig()
    normalizer = WordNormalizer()
    tokens = [tokenize(body, normalizer) for body in corpus.bodies]
    sketcher = Sketcher(config)
    sets = [set(sketcher.shingles(t).tolist()) for t in tokens]
    jaccard_times = {}
    for size in (n // 4, n // 2, n):
        t0 = time.perf_counter()
        hits = 0
        for i, j in combinations(range(size), 2):
            inter = len(sets[i] & sets[j])
            if inter and inter / (len(sets[i]) + len(sets[j]) - inter) >= config.lsh_threshold:
                hits += 1
        jaccard_times[size] = round(time.perf_counter() - t0, 2)
    rng = random.Random(seed)
    sample = [tuple(rng.sample(range(n), 2)) for _ in range(2000)]
    t0 = time.perf_counter()
    for i, j in sample:
        align_tokens(tokens[i], tokens[j], config)
    per_pair = (time.perf_counter() - t0) / len(sample)
    per_jaccard_pair = jaccard_times[n] / (n * (n - 1) / 2)
    return {
        "articles": n,
        "jaccard_all_pairs_s": jaccard_times,
        "jaccard_hits_at_threshold": hits,
        "align_per_pair_ms": round(per_pair * 1000, 3),
        "extrapolated": {
            str(size): {
                "jaccard_all_pairs_s": round(per_jaccard_pair * size * (size - 1) / 2),
                "align_all_pairs_s": round(per_pair * size * (size - 1) / 2),
            }
            for size in (n, 10_000, 40_000)
        },
    }


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--sizes", default="10000,40000", help="corpus sizes, comma-separated")
    parser.add_argument("--quick", action="store_true", help="sizes 2,000 and 8,000; baseline on 400")
    parser.add_argument("--baseline-n", type=int, default=1000, help="subsample for the all-pairs baseline")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--compare-n", type=int, default=4000, help="corpus size of the index comparison")
    parser.add_argument("--no-compare", action="store_true", help="skip the LSH/containment comparison")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a summary")
    parser.add_argument("--run-size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--run-baseline", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--run-compare", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_size:
        print(json.dumps(run_size(args.run_size, args.seed)))
        return
    if args.run_compare:
        print(json.dumps(run_index_comparison(args.run_compare, args.seed)))
        return
    if args.run_baseline:
        print(json.dumps(run_baseline(args.run_baseline, args.seed)))
        return
    _sources()  # exit early with SKIP when ../shared is absent
    sizes = [2000, 8000] if args.quick else [int(s) for s in args.sizes.split(",")]
    baseline_n = 400 if args.quick else args.baseline_n
    results: dict[str, object] = {}
    for size in sizes:
        size_args = ["--run-size", str(size), "--seed", str(args.seed)]
        results[str(size)] = run_in_subprocess(SCRIPT, size_args)
        if not args.json:
            print(f"{size}: {json.dumps(results[str(size)])}", flush=True)
    times = [r.get("total_s") for r in results.values() if isinstance(r, dict)]
    if len(times) >= 2 and all(isinstance(t, int | float) for t in times):
        ratio = float(times[-1]) / float(times[0])  # type: ignore[arg-type]
        results["time_ratio"] = round(ratio, 2)
        results["size_ratio"] = round(sizes[-1] / sizes[0], 2)
    baseline_args = ["--run-baseline", str(baseline_n), "--seed", str(args.seed)]
    results["baseline"] = run_in_subprocess(SCRIPT, baseline_args)
    if not args.no_compare:
        compare_n = 2000 if args.quick else args.compare_n
        compare_args = ["--run-compare", str(compare_n), "--seed", str(args.seed)]
        results["index_comparison"] = run_in_subprocess(SCRIPT, compare_args)
    if args.json:
        print(json.dumps(results))
    else:
        print(f"baseline: {json.dumps(results['baseline'])}")
        if "index_comparison" in results:
            print(f"index comparison: {json.dumps(results['index_comparison'])}")
        if "time_ratio" in results:
            print(f"time ratio {results['time_ratio']}x for {results['size_ratio']}x the articles")


if __name__ == "__main__":
    main()
