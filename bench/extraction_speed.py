"""Extraction throughput and peak memory, one task per fresh subprocess (so peak RSS is per task).

Tasks, each on a synthetic corpus of ``--n`` articles built from the 181 pages of the public
article-extraction benchmark in ../shared:

* ``text``: :func:`corroborator.extract.text.clean_text` on scraped-text articles made from the
  benchmark's ground-truth bodies plus synthetic scrape debris (title, byline, date line, share and
  newsletter lines, "Read more" links, navigation, copyright), mutated per copy.
* ``html-ours``: :func:`corroborator.extract.html.extract_html` on the benchmark pages, cycled; every
  copy after the first has the words of its paragraphs shuffled, so no two pages are the same.
* ``html-trafilatura``: ``trafilatura.extract`` (default options) on the same pages: the baseline.
* ``html-trafilatura-meta``: ``trafilatura.bare_extraction(with_metadata=True)``, for reference.
* ``html-ours-fast``: ours with ``ExtractConfig(html_fast=True)`` (no fallback extractors), for reference.

With ``--repeat K`` each task runs K times (each in its own subprocess) and the fastest run is kept,
which damps noise from other work on the machine.

All run single-process (one core). Reported: articles/s, MB/s of input, peak RSS (which includes the
corpus held in memory, the same for all HTML tasks) and our time over trafilatura's.

Run:  .venv/bin/python bench/extraction_speed.py [--n 2000] [--quick] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BenchPage, load_article_bench, peak_rss_mb, run_in_subprocess

TASKS = ("text", "html-ours", "html-trafilatura", "html-trafilatura-meta", "html-ours-fast")
TEXT_TARGET = 500.0  # articles per second
HTML_TARGET = 1.2  # our time over trafilatura's, at most
_PARA = re.compile(rb"(<p\b[^>]*>)([^<]{40,})")
_DEBRIS = (
    "Share this article",
    "Advertisement",
    "Sign up for our newsletter to get the day's top stories",
    "Share on Facebook | Share on Twitter | Email",
    "Home | World | Business | Technology | Sport",
    "Skip to main content",
    "Comments (12)",
    "This article was updated at 10:42",
)
_WARMUP = 20


def html_corpus(pages: list[BenchPage], n: int) -> list[tuple[bytes, str | None]]:
    """``n`` pages: the benchmark's, cycled, each later copy with its paragraphs' words shuffled."""
    out = []
    for i in range(n):
        page = pages[i % len(pages)]
        variant = i // len(pages)
        html = page.html
        if variant:
            rng = random.Random(i)

            def shuffle(m: re.Match[bytes], rng: random.Random = rng) -> bytes:
                words = m.group(2).split(b" ")
                rng.shuffle(words)
                return m.group(1) + b" ".join(words)

            html = _PARA.sub(shuffle, html)
        out.append((html, page.url))
    return out


def text_corpus(pages: list[BenchPage], n: int) -> list[str]:
    """``n`` scraped-text articles: a ground-truth body framed by synthetic page debris."""
    usable = [p for p in pages if p.truth.strip()]
    out = []
    for i in range(n):
        page = usable[i % len(usable)]
        rng = random.Random(i)
        paras = [p.strip() for p in page.truth.split("\n") if p.strip()]
        if i >= len(usable):
            rng.shuffle(paras)
        headline = " ".join(paras[0].split()[:9]).rstrip(".,") if paras else "Untitled"
        lines = [rng.choice(_DEBRIS[3:5]), headline, f"By Writer {i % 97} and Editor {i % 13}"]
        lines.append(f"March {1 + i % 28}, {2015 + i % 10}")
        for j, para in enumerate(paras):
            lines.append(para)
            if j % 4 == 3:
                lines.append(rng.choice(_DEBRIS))
            if j == 5:
                words = headline.split()
                lines.append("Read more: " + " ".join(rng.sample(words, k=min(5, len(words)))))
        lines += [rng.choice(_DEBRIS[:3]), f"\u00a9 {2015 + i % 10} Example Media. All rights reserved."]
        out.append("\n\n".join(lines))
    return out


def worker(task: str, n: int) -> dict[str, object]:
    """Build the corpus, warm up, time one pass; returns the measurement."""
    pages = load_article_bench()
    run: Callable[[int], object]
    if task == "text":
        try:
            from corroborator.extract.text import clean_text
        except ImportError as exc:
            return {"task": task, "error": f"corroborator.extract.text.clean_text is not available ({exc})"}
        from corroborator.config import ExtractConfig

        texts = text_corpus(pages, n)
        sizes = [len(t.encode("utf-8")) for t in texts]
        config = ExtractConfig()

        def run(i: int) -> object:
            return clean_text(texts[i], config=config, repeated=frozenset(), markdown=False)

    else:
        corpus = html_corpus(pages, n)
        sizes = [len(h) for h, _ in corpus]
        run = _html_runner(task, corpus)
    rss_before = peak_rss_mb()
    for i in range(min(_WARMUP, n)):
        run(i)
    failures = 0
    start = time.perf_counter()
    for i in range(n):
        try:
            run(i)
        except Exception:  # a bench counts failures rather than stopping
            failures += 1
    seconds = time.perf_counter() - start
    return {
        "task": task,
        "articles": n,
        "seconds": seconds,
        "articles_per_s": n / seconds,
        "mb_per_s": sum(sizes) / seconds / 1e6,
        "input_mb": sum(sizes) / 1e6,
        "peak_rss_mb": peak_rss_mb(),
        "rss_after_corpus_mb": rss_before,
        "failures": failures,
    }


def _html_runner(task: str, corpus: list[tuple[bytes, str | None]]) -> Callable[[int], object]:
    import trafilatura

    if task == "html-trafilatura":
        return lambda i: trafilatura.extract(corpus[i][0])
    if task == "html-trafilatura-meta":
        return lambda i: trafilatura.bare_extraction(corpus[i][0], with_metadata=True, include_comments=False)
    if task not in ("html-ours", "html-ours-fast"):
        raise SystemExit(f"unknown task {task!r}: expected one of {TASKS}")
    from corroborator.config import ExtractConfig
    from corroborator.errors import InputError
    from corroborator.extract.html import extract_html
    from corroborator.models import ContentType, RawDocument, SourceKind

    config = ExtractConfig(html_fast=task == "html-ours-fast")

    def run(i: int) -> object:
        html, url = corpus[i]
        doc = RawDocument(f"page-{i}.html", SourceKind.FILE, ContentType.HTML, html, url=url)
        try:
            return extract_html(doc, config)
        except InputError:
            return None  # no article is an answer, not a failure of the bench

    return run


def _num(result: dict[str, object], key: str) -> float:
    value = result[key]
    return float(value) if isinstance(value, int | float) else float("nan")


def report(results: list[dict[str, object]]) -> None:
    print(f"{'task':<22} {'articles':>8} {'art/s':>8} {'MB/s':>7} {'peak RSS MB':>11} {'failures':>8}")
    for r in results:
        if "error" in r:
            print(f"{r['task']!s:<22} FAILED: {r['error']}")
            continue
        print(
            f"{r['task']!s:<22} {r['articles']!s:>8} {_num(r, 'articles_per_s'):>8.1f} "
            f"{_num(r, 'mb_per_s'):>7.2f} {_num(r, 'peak_rss_mb'):>11.0f} {r['failures']!s:>8}"
        )
    by_task = {r["task"]: r for r in results if "error" not in r}
    if "text" in by_task:
        rate = _num(by_task["text"], "articles_per_s")
        verdict = _verdict(rate >= TEXT_TARGET)
        print(f"text cleaner: {rate:.0f} articles/s (target >= {TEXT_TARGET:.0f}): {verdict}")
    if "html-ours" in by_task and "html-trafilatura" in by_task:
        ratio = _num(by_task["html-ours"], "seconds") / _num(by_task["html-trafilatura"], "seconds")
        verdict = _verdict(ratio <= HTML_TARGET)
        print(f"html: ours / trafilatura time = {ratio:.3f}x (target <= {HTML_TARGET}x): {verdict}")


def _verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=2000, help="articles per task (default 2000)")
    parser.add_argument("--quick", action="store_true", help="300 articles per task, for a smoke run")
    parser.add_argument("--tasks", default=",".join(TASKS), help=f"comma-separated subset of {TASKS}")
    parser.add_argument("--repeat", type=int, default=1, help="runs per task; the fastest is kept")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--worker", choices=TASKS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    n = 300 if args.quick else args.n
    if args.worker:
        print(json.dumps(worker(args.worker, n)))
        return 0
    load_article_bench(limit=1)  # exits with a SKIP message when ../shared is absent
    results = []
    for task in args.tasks.split(","):
        worker_args = ["--worker", task, "--n", str(n)]
        runs = [run_in_subprocess(Path(__file__), worker_args) for _ in range(max(1, args.repeat))]
        best = min(runs, key=lambda r: _num(r, "seconds") if "seconds" in r else float("inf"))
        results.append({"task": task, **best})
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        report(results)
    failed = [r for r in results if "error" in r]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
