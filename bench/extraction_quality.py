"""Article-extraction quality on the public article-extraction benchmark (181 pages).

Scores the body our :func:`corroborator.extract.html.extract_html` returns, and the body plain
``trafilatura.extract`` returns on the same pages, against the benchmark's ground truth, with the
benchmark's metric: word 4-gram shingles compared as multisets per page; per-page counts normalised
to sum to one; precision averaged over pages with any predicted shingle, recall over pages with any
true shingle; F1 from those two averages.

Run:  .venv/bin/python bench/extraction_quality.py [--limit N] [--json]
Needs ../shared/bench/article-extraction (exits with a SKIP message when absent).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BenchPage, load_article_bench

TARGET_F1 = 0.958  # trafilatura 2.0.0's published F1 on this benchmark
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PageCounts:
    """Normalised true-positive, false-positive and false-negative shingle counts of one page."""

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    empty: int  # pages where the extractor returned nothing
    seconds: float  # wall time, first-call warm-up included (see extraction_speed.py for speed)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams; a text shorter than n words is one shorter shingle."""
    words = _WORD.findall(text)
    if len(words) < n:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def page_counts(truth: str, predicted: str) -> PageCounts:
    true_sh, pred_sh = shingles(truth), shingles(predicted)
    tp = float(sum((true_sh & pred_sh).values()))
    fp = float(sum((pred_sh - true_sh).values()))
    fn = float(sum((true_sh - pred_sh).values()))
    total = tp + fp + fn
    if total == 0:
        return PageCounts(0.0, 0.0, 0.0)
    return PageCounts(tp / total, fp / total, fn / total)


def _ratio(hit: float, miss: float, other_miss: float) -> float:
    if miss == 0 and other_miss == 0:
        return 1.0
    if hit == 0 and miss == 0:
        return 0.0
    return hit / (hit + miss)


def score(counts: list[PageCounts], empty: int, seconds: float) -> Scores:
    precisions = [_ratio(c.tp, c.fp, c.fn) for c in counts if c.tp + c.fp > 0]
    recalls = [_ratio(c.tp, c.fn, c.fp) for c in counts if c.tp + c.fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(p, r, f1, empty, seconds)


def evaluate(pages: list[BenchPage], extractor: Callable[[BenchPage], str]) -> Scores:
    counts, empty = [], 0
    start = time.perf_counter()
    for page in pages:
        predicted = extractor(page)
        empty += not predicted.strip()
        counts.append(page_counts(page.truth, predicted))
    return score(counts, empty, time.perf_counter() - start)


def ours(page: BenchPage) -> str:
    from corroborator.config import ExtractConfig
    from corroborator.errors import InputError
    from corroborator.extract.html import extract_html
    from corroborator.models import ContentType, RawDocument, SourceKind

    doc = RawDocument(page.page_id, SourceKind.FILE, ContentType.HTML, page.html, url=page.url)
    try:
        return extract_html(doc, ExtractConfig()).body
    except InputError:
        return ""


def plain_trafilatura(page: BenchPage) -> str:
    import trafilatura

    # as the benchmark's own runner calls it: decoded text, default options
    return trafilatura.extract(page.html.decode("utf-8", "replace")) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    pages = load_article_bench(args.limit)
    results = {"corroborator": evaluate(pages, ours), "trafilatura": evaluate(pages, plain_trafilatura)}
    if args.json:
        payload = {name: {**asdict(s), "pages": len(pages)} for name, s in results.items()}
        print(json.dumps(payload, indent=2))
    else:
        print(f"article-extraction benchmark: {len(pages)} pages, 4-gram shingles")
        print(f"{'extractor':<14} {'precision':>9} {'recall':>7} {'F1':>6} {'empty':>6}")
        for name, s in results.items():
            print(f"{name:<14} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.empty:>6}")
        verdict = "meets" if results["corroborator"].f1 >= TARGET_F1 else "BELOW"
        print(f"target F1 >= {TARGET_F1}: corroborator {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
