"""The whole ``analyze`` pipeline on a corpus of mixed stories: articles per second, peak memory and
each stage's share of the time.

Corpus: ``--n`` text files (default 2,000) written to a temporary folder, made from the ECB+ articles
(../shared/bench/ecbplus: 462 articles on 40 events, so many multi-article stories), cycled with the
paragraphs of later copies shuffled so no two files are identical. The stages are run exactly as
``corroborator.analyze`` runs them, each timed: read + extract, story clustering, annotation (spaCy
and our passes), reuse and independent reports, corroboration, timeline, briefing, JSON rendering.

Run: ``.venv/bin/python bench/pipeline_speed.py [--n N] [--json]``. Target: >= 20 articles/s.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, peak_rss_mb


def write_corpus(folder: Path, n: int) -> None:
    path = SHARED / "bench" / "ecbplus" / "dev-topics-1-22.jsonl"
    if not path.is_file():
        sys.exit(f"SKIP: {path} not found (needs ../shared)")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(11)
    for i in range(n):
        paras = [p for p in texts[i % len(texts)].split("\n") if p.strip()]
        if i >= len(texts):
            head, rest = paras[:2], paras[2:]
            rng.shuffle(rest)
            paras = head + rest
        (folder / f"{i:05d}.txt").write_text("\n\n".join(paras), encoding="utf-8")


def run(n: int) -> dict[str, object]:
    from corroborator.annotate.pipeline import Annotator
    from corroborator.api import analyze_story, group_stories, iter_articles, one_story
    from corroborator.brief import brief
    from corroborator.config import Config
    from corroborator.models import Article
    from corroborator.render.json import report

    config = Config()
    times: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), n)
        annotator = Annotator(config.annotate)
        annotator.nlp  # noqa: B018 - load the model before timing
        start = time.perf_counter()
        articles = [a for a in iter_articles([tmp], config) if isinstance(a, Article)]
        times["read + extract"] = time.perf_counter() - start

        t = time.perf_counter()
        groups = group_stories(articles, config)
        times["cluster"] = time.perf_counter() - t
        by_id = {a.id: a for a in articles}
        members = [[by_id[i] for i in g] for g in groups]

        t = time.perf_counter()
        annotated = annotator.annotate_stories(members)
        times["annotate"] = time.perf_counter() - t

        stories = []
        for m, ann in zip(members, annotated, strict=True):
            t = time.perf_counter()
            story = analyze_story(m, one_story(m), ann, annotator, config)
            times["reuse + corroborate + timeline"] += time.perf_counter() - t
            t = time.perf_counter()
            brief(story, by_id)
            times["briefing"] += time.perf_counter() - t
            stories.append(story)

        from corroborator.api import Analysis

        t = time.perf_counter()
        json.dumps(report(Analysis(tuple(articles), (), tuple(stories))))
        times["render json (with briefings)"] = time.perf_counter() - t
        total = time.perf_counter() - start
    return {
        "articles": len(articles),
        "stories": len(stories),
        "seconds": round(total, 1),
        "articles_per_s": round(len(articles) / total, 2),
        "peak_rss_mb": round(peak_rss_mb()),
        "stage_share": {k: round(v / total, 3) for k, v in times.items()},
        "stage_seconds": {k: round(v, 1) for k, v in times.items()},
    }


def main() -> int:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=fmt)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.n)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:16} {value}")
        print("target: >= 20 articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
