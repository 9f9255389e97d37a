"""Throughput and peak memory of the whole annotation stage vs spaCy's bare ``nlp.pipe``.

Corpus: ``--n`` articles (default 2,000) built from real news text: the ECB+ articles and the
article-extraction benchmark's ground-truth bodies (../shared/bench), cycled, with the paragraphs of
each later copy shuffled so no two texts are identical. Each task runs in its own fresh subprocess
(so peak RSS is the task's own):

- ``bare``: ``nlp.pipe`` over the same texts with the same pipeline and batch size (the baseline);
- ``annotate``: the whole annotation stage (spaCy + mentions, descriptions, quotes, quantities,
  time expressions, then the story pass: dating, periods, entity clustering, quote merging), the
  articles grouped into stories of 20 as the later clustering stage would hand them over.

Target: annotate time <= 1.5 x bare. Run: ``.venv/bin/python bench/annotation_speed.py [--n N]``.
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
TASKS = ("bare", "annotate")


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
    seconds = time.perf_counter() - start
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
    parser.add_argument("--task", choices=["bare", "annotate"], help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=2, help="bare/annotate pairs to run, alternating")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.task:
        print(json.dumps(task(args.task, args.n)))
        return 0
    corpus(1)  # fail early with SKIP when ../shared is absent
    script = Path(__file__)
    ratios: list[float] = []
    results: list[dict[str, object]] = []
    for _ in range(args.rounds):  # alternate, so both see the same machine load
        bare, ours = (run_in_subprocess(script, ["--task", t, "--n", str(args.n)]) for t in TASKS)
        results += [bare, ours]
        if not args.json:
            print(bare, ours, sep="\n")
        if "seconds" in bare and "seconds" in ours:
            ratios.append(float(str(ours["seconds"])) / float(str(bare["seconds"])))
    if args.json:
        print(json.dumps({"runs": results, "ratios": ratios}, indent=2))
    elif ratios:
        ratios.sort()
        print(f"annotate / bare nlp.pipe time, per round: {', '.join(f'{r:.2f}x' for r in ratios)}")
        print(f"median {ratios[len(ratios) // 2]:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
