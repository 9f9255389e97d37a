"""Stories in the store at scale: the cost of adding ONE article to a store of ``--n`` clustered ones.

Setup (not timed as the result): ``--n`` synthetic articles (``cluster_scale.synthesise``: real news
sentences, known stories) are stored, clustered in memory (``add_article`` for all, then ``refine``
until stable) and the clusterer's whole state is written into the store's story tables
(``cluster_rows.write_whole``). The built store is kept at ``--db`` (default under /tmp) and reused
by later runs with the same ``--n``; each run probes a copy of it.

Measured, in a fresh process (so its peak RSS is the store path's, not the build's), ``--probe``
times: a fresh variant of a random story is made, then timed alone:

- ``place``: open the store, add the article, ``place_new_articles`` (online add, refine of the
  touched stories, write back the changed rows in one transaction), close: the whole ingest path;
- ``analyse`` (after all placements): ``refresh_analyses`` of each probe's touched stories, spaCy
  loaded outside the timing and the story's other articles' annotations cached beforehand (as
  their own ingest would have left them), so what is timed is annotating the new article, the
  story pass, the per-story stages and the briefing.

Run: .venv/bin/python bench/cluster_store.py [--n 100000] [--quick] [--probe 20] [--no-analyse] [--json]
(``--quick`` = 5,000 articles.)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO_ROOT, peak_rss_mb, print_result
from cluster_scale import _WORD, make_article, synthesise
from corroborator.cluster import MAX_REFINE_ROUNDS, StoryClusterer
from corroborator.models import Article
from corroborator.store import Store
from corroborator.store import stories as story_rows
from corroborator.store.cluster_rows import stored_config, write_whole
from corroborator.stories import place_new_articles, refresh_analyses

VERSION = "extract-1"


def build(n: int, db: Path) -> dict[str, float]:
    """Store ``n`` synthetic articles and their stories at ``db``; returns setup timings."""
    t0 = time.perf_counter()
    articles, _gold, _stories, _rng = synthesise(n)
    t1 = time.perf_counter()
    clusterer = StoryClusterer()
    for article in articles:
        clusterer.add_article(article)
    for _ in range(MAX_REFINE_ROUNDS):
        if not clusterer.refine():
            break
    t2 = time.perf_counter()
    tmp = db.with_name(db.name + ".part")
    tmp.unlink(missing_ok=True)
    with Store.open(tmp) as store:
        for start in range(0, len(articles), 5000):
            store.add_many(articles[start : start + 5000], extractor_version=VERSION)
        with store.transaction() as conn:
            write_whole(conn, clusterer)
    t3 = time.perf_counter()
    tmp.replace(db)  # closed: the WAL was checkpointed into it
    for suffix in ("-wal", "-shm", ".lock"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    return {"synth_s": round(t1 - t0, 1), "cluster_s": round(t2 - t1, 1), "store_write_s": round(t3 - t2, 1),
            "stories": len(clusterer.by_story), "build_peak_rss_mb": round(peak_rss_mb())}


def probe_articles(n: int, probes: int) -> list[Article]:
    """Fresh variants of random stories of the synthetic corpus (not in the store)."""
    _articles, _gold, stories, _rng = synthesise(n)
    rng = random.Random(11)
    vocab = sorted({w.lower() for s in stories[:200] for x in s.sentences for w in _WORD.findall(x)})
    picks = [rng.randrange(len(stories)) for _ in range(probes)]
    return [make_article(stories[k], k, 20_000 + i, vocab, rng) for i, k in enumerate(picks)]


def probe(db: Path, articles: list[Article], analyse: bool) -> dict[str, object]:
    """Time single additions through the store path, then the analyses (run in a fresh process)."""
    with Store.open(db) as store:  # the settings it was built with (the defaults may have moved since)
        config = stored_config(store.connection)
    place_ms: list[float] = []
    touched: list[tuple[str, ...]] = []
    for article in articles:
        t0 = time.perf_counter()
        with Store.open(db) as store:
            store.add_article(article, extractor_version=VERSION)
            placement = place_new_articles(store, config)
        place_ms.append((time.perf_counter() - t0) * 1000)
        touched.append(placement.changes.touched)
    result: dict[str, object] = {
        "place_median_ms": _median(place_ms),
        "place_p95_ms": _p95(place_ms),
        "place_max_ms": round(max(place_ms), 1),
        "place_first_ms": round(place_ms[0], 1),  # the first open of the store in this process
        "peak_rss_mb_placing": round(peak_rss_own_mb()),
    }
    if not analyse:
        return result
    from corroborator.annotate.pipeline import Annotator

    annotator = Annotator()
    _ = annotator.nlp  # load spaCy outside the timings
    analyse_ms: list[float] = []
    sizes: list[int] = []
    with Store.open(db) as store:
        for article, stories in zip(articles, touched, strict=True):
            members = [a for s in stories for a in story_rows.story_members(store, s) if a != article.id]
            # the story's other articles were annotated when they were ingested: cache that, untimed
            annotator.parse(list(story_rows.articles_by_id(store, members).values()), store)
            t0 = time.perf_counter()
            refresh_analyses(store, None, stories, annotator=annotator)
            analyse_ms.append((time.perf_counter() - t0) * 1000)
            sizes.append(len(members) + 1)
    result |= {
        "analyse_median_ms": _median(analyse_ms),
        "analyse_p95_ms": _p95(analyse_ms),
        "analysed_articles_median": statistics.median(sizes) if sizes else None,
        "peak_rss_mb": round(peak_rss_own_mb()),
    }
    return result


def peak_rss_own_mb() -> float:
    """This process's peak RSS (VmHWM: reset by exec, unlike getrusage's maxrss, which a child
    started by a big parent inherits)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return peak_rss_mb()


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _p95(values: list[float]) -> float | None:
    return round(sorted(values)[int(0.95 * (len(values) - 1))], 1) if values else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="5,000 articles")
    parser.add_argument("--probe", type=int, default=20, help="single additions timed")
    parser.add_argument("--no-analyse", dest="analyse", action="store_false", help="skip the analysis")
    parser.add_argument("--db", type=Path, help="where the built store is kept (default: /tmp)")
    parser.add_argument("--drop-caches", action="store_true", help="empty the page cache first (root)")
    parser.add_argument("--probe-only", type=Path, help=argparse.SUPPRESS)  # the measuring subprocess
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    n = 5_000 if args.quick else args.n
    if args.probe_only:
        lines = args.probe_only.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()
        articles = [Article(**json.loads(line)) for line in lines]
        print(json.dumps(probe(args.probe_only, articles, args.analyse)))
        return
    db = args.db or Path(tempfile.gettempdir()) / f"corroborator-bench-stories-{n}.db"
    result: dict[str, object] = {"articles": n}
    if not db.is_file():
        result |= build(n, db)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "probe.db"
        shutil.copyfile(db, work)
        with work.open("rb+") as copied:  # write the copy back now, untimed: else the first probe's
            os.fsync(copied.fileno())  # close (its fsync) pays for hundreds of MB of dirty pages
        if args.drop_caches:  # the truly cold case: nothing of the store in the page cache
            Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")
        fields = ("id", "source", "body", "published")
        lines = [json.dumps({f: getattr(a, f) for f in fields}) for a in probe_articles(n, args.probe)]
        work.with_suffix(".jsonl").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        command = [sys.executable, __file__, "--n", str(n), "--probe-only", str(work)]
        if not args.analyse:
            command.append("--no-analyse")
        proc = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO_ROOT)
        if proc.returncode != 0:
            sys.exit(proc.stderr)
        result |= json.loads(proc.stdout.strip().splitlines()[-1])
    result["store_mb"] = round(db.stat().st_size / 2**20)
    print_result(result, args.json)


if __name__ == "__main__":
    main()
