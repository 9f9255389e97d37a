"""The whole ``analyze`` pipeline on a corpus of mixed stories: articles per second, peak memory and
each phase's share of the time, with one process and with worker processes.

Corpus: ``--n`` text files (default 2,000) written to a temporary folder, made from the ECB+ articles
(../shared/bench/ecbplus: 462 articles on 40 events, so many multi-article stories), cycled with the
paragraphs of later copies shuffled so no two files are identical (each later copy is a reprint of
its original: a syndication-heavy corpus for the reuse stage; with ``--edited`` each later copy also
has one word in twenty dropped or swapped in every paragraph, so no reprint repeats its original's
sentences verbatim and nothing can be shared between identical texts). Each task runs in a fresh process:
read + extract (``iter_articles``), then ``corroborator.run.analyze_articles`` (story clustering,
article pass, per-story analysis: story pass, reuse, corroboration, timeline) and the JSON report with
its briefings (``render.json.report``) — what ``corroborator analyze --format json`` does.

Tasks: ``serial`` (``AnnotateConfig(n_process=1)``: everything in one process, the baseline) and
``workers`` (the default ``n_process=0``: one worker process per CPU core). Peak RSS is given for the
main process and for the largest worker.

Run: ``.venv/bin/python bench/pipeline_speed.py [--n N] [--tasks serial,workers] [--edited] [--json]``.
Target: >= 20 articles/s on the 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, peak_rss_mb, run_in_subprocess

TASKS = {"serial": 1, "workers": 0}


def write_corpus(folder: Path, n: int, edited: bool = False) -> None:
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
            if edited:
                paras = [_edit(p, rng) for p in paras]
        (folder / f"{i:05d}.txt").write_text("\n\n".join(paras), encoding="utf-8")


def _edit(paragraph: str, rng: random.Random) -> str:
    """The paragraph with one word in twenty (at least one) dropped or swapped with its neighbour: an
    edited reprint, whose sentences are no longer the original's verbatim."""
    words = paragraph.split(" ")
    for _ in range(max(1, len(words) // 20)):
        k = rng.randrange(len(words))
        if rng.random() < 0.5 or k + 1 >= len(words):
            del words[k]
        else:
            words[k], words[k + 1] = words[k + 1], words[k]
        if not words:
            return paragraph
    return " ".join(words)


def task(n: int, processes: int, edited: bool = False) -> dict[str, object]:
    from dataclasses import replace

    from corroborator.annotate.pipeline import Annotator
    from corroborator.api import Analysis, iter_articles
    from corroborator.config import Config
    from corroborator.models import Article
    from corroborator.render.json import report
    from corroborator.run import analyze_articles, worker_count

    config = Config()
    config = replace(config, annotate=replace(config.annotate, n_process=processes))
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), n, edited)
        annotator = Annotator(config.annotate)
        annotator.nlp  # noqa: B018 - load the model before timing (workers load their own)
        start = time.perf_counter()
        articles = [a for a in iter_articles([tmp], config) if isinstance(a, Article)]
        times["read + extract"] = time.perf_counter() - start
        stories = analyze_articles(articles, config, annotator=annotator, timings=times)
        t = time.perf_counter()
        json.dumps(report(Analysis(tuple(articles), (), stories)))
        times["report json (with briefings)"] = time.perf_counter() - t
        total = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "processes": worker_count(config.annotate),
        "articles": len(articles),
        "stories": len(stories),
        "seconds": round(total, 1),
        "articles_per_s": round(len(articles) / total, 2),
        "peak_rss_mb": round(peak_rss_mb()),
        "peak_worker_rss_mb": round(children),
        "phase_share": {k: round(v / total, 3) for k, v in times.items()},
        "phase_seconds": {k: round(v, 1) for k, v in times.items()},
    }


def main() -> int:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=fmt)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--tasks", default="serial,workers")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--edited", action="store_true", help="later copies are edited reprints")
    parser.add_argument("--task", help=argparse.SUPPRESS)  # internal: run one task here
    args = parser.parse_args()
    if args.task:
        print(json.dumps(task(args.n, TASKS[args.task], args.edited)))
        return 0
    results = {}
    for name in args.tasks.split(","):
        extra = ["--edited"] if args.edited else []
        results[name] = run_in_subprocess(Path(__file__), ["--n", str(args.n), "--task", name, *extra])
        if not args.json:
            print(f"{name:8} {json.dumps(results[name])}", flush=True)
    rates = {k: v.get("articles_per_s") for k, v in results.items()}
    if isinstance(rates.get("serial"), float) and isinstance(rates.get("workers"), float):
        results["speedup"] = {"workers / serial": round(rates["workers"] / rates["serial"], 2)}
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"speedup  {results.get('speedup')}\ntarget: >= 20 articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
