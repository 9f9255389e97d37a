"""Throughput and peak memory of the whole annotation stage vs spaCy's bare ``nlp.pipe``.

Corpus: ``--n`` articles (default 2,000) built from real news text: the ECB+ articles and the
article-extraction benchmark's ground-truth bodies (../shared/bench), cycled, with the paragraphs of
each later copy shuffled so no two texts are identical. Each task runs in its own fresh subprocess
(so peak RSS is the task's own):

- ``stock``: spaCy as it comes: ``spacy.load`` of the same pipeline package (lemmatizer excluded, as
  ours) and ``nlp.pipe`` with the same batch size (the baseline);
- ``bare``: ``nlp.pipe`` through our loader (``annotate.nlp``: the attribute ruler matched through an
  index, matrix products through numpy's BLAS; the same annotations), nothing else;
- ``annotate``: the whole annotation stage (spaCy + mentions, descriptions, quotes, quantities,
  time expressions, then the story pass: dating, periods, entity clustering, quote merging), the
  articles grouped into stories of 20 as the later clustering stage would hand them over.

Target: annotate time <= 1.5 x bare spaCy (``stock``); annotate / ``bare`` is what our own passes add.
Run: ``.venv/bin/python bench/annotation_speed.py [--n N] [--rounds K]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, peak_rss_mb, run_in_subprocess

STORY_SIZE = 20
TASKS = ("stock", "bare", "annotate")


def corpus(n: int) -> list[str]:
    texts: list[str] = []
    ecb = SHARED / "bench" / "ecbplus" / "dev-topics-1-22.jsonl"
    truth = SHARED / "bench" / "article-extraction" / "ground-truth.json"
    if not ecb.is_file() or not truth.is_file():
        sys.exit(f"SKIP: benchmark data not found under {SHARED / 'bench'} (needs ../shared)")
    for line in ecb.read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    for entry in json.loads(truth.read_text(encoding="utf-8")).values():
        if entry.get("articleBody"):
            texts.append(entry["articleBody"])
    rng = random.Random(7)
    out: list[str] = []
    while len(out) < n:
        for text in texts:
            if len(out) == n:
                break
            paras = [p for p in text.split("\n") if p.strip()]
            if len(out) >= len(texts):
                rng.shuffle(paras)
            out.append("\n\n".join(paras))
    return out


def task(name: str, n: int) -> dict[str, object]:
    from corroborator.annotate.nlp import load, pipe
    from corroborator.annotate.pipeline import Annotator
    from corroborator.config import AnnotateConfig
    from corroborator.models import Article, content_hash

    texts = corpus(n)
    words = sum(len(t.split()) for t in texts)
    config = AnnotateConfig()
    if name == "stock":
        import spacy

        stock = spacy.load(config.model, exclude=["lemmatizer"])
        list(stock.pipe(["Warm-up sentence for the pipeline."]))
        start = time.perf_counter()
        for _ in stock.pipe(texts, batch_size=config.batch_size):
            pass
        return _result(name, n, words, time.perf_counter() - start)
    nlp = load(config)
    list(pipe(nlp, ["Warm-up sentence for the pipeline."], config))
    start = time.perf_counter()
    if name == "bare":
        for _ in pipe(nlp, texts, config):
            pass
    else:
        articles = [Article(id=content_hash(t), source=f"bench#{i}", body=t) for i, t in enumerate(texts)]
        annotator = Annotator(config, nlp)
        stories = [articles[i : i + STORY_SIZE] for i in range(0, len(articles), STORY_SIZE)]
        annotator.annotate_stories(stories)
    return _result(name, n, words, time.perf_counter() - start)


def _result(name: str, n: int, words: int, seconds: float) -> dict[str, object]:
    return {
        "task": name,
        "articles": n,
        "words": words,
        "seconds": round(seconds, 2),
        "words_per_s": round(words / seconds),
        "articles_per_s": round(n / seconds, 1),
        "peak_rss_mb": round(peak_rss_mb()),
    }


def main() -> int:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=fmt)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--task", choices=TASKS, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the three tasks, alternating")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.task:
        print(json.dumps(task(args.task, args.n)))
        return 0
    corpus(1)  # fail early with SKIP when ../shared is absent
    script = Path(__file__)
    ratios: dict[str, list[float]] = {"annotate / stock": [], "annotate / bare": [], "bare / stock": []}
    results: list[dict[str, object]] = []
    for _ in range(args.rounds):  # alternate, so all see the same machine load
        runs = {t: run_in_subprocess(script, ["--task", t, "--n", str(args.n)]) for t in TASKS}
        results += runs.values()
        if not args.json:
            print(*runs.values(), sep="\n")
        if all("seconds" in r for r in runs.values()):
            for key in ratios:
                a, b = key.split(" / ")
                ratios[key].append(float(str(runs[a]["seconds"])) / float(str(runs[b]["seconds"])))
    if args.json:
        print(json.dumps({"runs": results, "ratios": ratios}, indent=2))
    else:
        for key, values in ratios.items():
            if values:
                values.sort()
                each = ", ".join(f"{r:.2f}x" for r in values)
                print(f"{key} time, per round: {each}; median {values[len(values) // 2]:.2f}x")
        print("target: annotate <= 1.5x stock spaCy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
