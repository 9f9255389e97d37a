"""Time of the corroboration stage for one story of 10, 100 and 1,000 articles.

Corpus: the seed articles (../shared/seeds, when present) and the example story (examples/text),
annotated once, outside the timing; then cycled to ``n`` articles. Each copy gets a new id and,
so that copies are not identical, about a third of its figures perturbed (a few per cent off, or a
scale slip). Every copy is its own independent report (the worst case for support counting).

Timed, per size: ``claims`` (extract_claims over every article), ``align`` (align_claims over all
units), ``contradictions`` (find_contradictions) and, when the timeline module is present,
``timeline`` (build_timeline; the events it dates come from the annotation pass, so it parses
nothing; the model is loaded outside the timing for annotations made without events). The growth
column is time(n) / time(n / 10): linear growth gives 10, n log n about 13, all-pairs 100.

Run: ``.venv/bin/python bench/corroborate_speed.py [--sizes 10,100,1000] [--no-timeline]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO_ROOT, SHARED
from corroborator.annotate.pipeline import Annotator
from corroborator.api import analyze
from corroborator.corroborate import align_claims, extract_claims, find_contradictions
from corroborator.models import Annotations, Article


def base_corpus() -> list[tuple[Article, Annotations]]:
    sources = [REPO_ROOT / "examples" / "text"]
    if (SHARED / "seeds").is_dir():
        sources.append(SHARED / "seeds")
    annotator = Annotator()
    out: list[tuple[Article, Annotations]] = []
    for source in sources:
        result = analyze([source], annotate=False)
        story = annotator.annotate_story(result.articles)
        out += [(a, story.of(a.id)) for a in result.articles]
    return out


def synthesise(
    base: list[tuple[Article, Annotations]], n: int, seed: int = 7
) -> list[tuple[Article, Annotations]]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        article, ann = base[k % len(base)]
        copy_id = f"{article.id}-{k}"
        figures = []
        for q in ann.quantities:
            roll = rng.random()
            if k >= len(base) and roll < 0.25:
                q = replace(q, value=q.value * rng.choice((0.9, 0.95, 1.05, 1.1)))
            elif k >= len(base) and roll < 0.33:
                q = replace(q, value=q.value / 1000)
            figures.append(q)
        out.append(
            (replace(article, id=copy_id), replace(ann, article_id=copy_id, quantities=tuple(figures)))
        )
    return out


def run(corpus: list[tuple[Article, Annotations]], with_timeline: bool, nlp: object) -> dict[str, float]:
    times: dict[str, float] = {}
    start = time.perf_counter()
    memo: dict[str, str] = {}
    units = [u for article, ann in corpus for u in extract_claims(article, ann, memo=memo)]
    times["claims"] = time.perf_counter() - start
    start = time.perf_counter()
    groups = align_claims(units, {a.id: a.id for a, _ in corpus})
    times["align"] = time.perf_counter() - start
    start = time.perf_counter()
    contradictions, updates = find_contradictions(groups)
    times["contradictions"] = time.perf_counter() - start
    if with_timeline:
        from corroborator.corroborate.timeline import build_timeline

        start = time.perf_counter()
        build_timeline([a for a, _ in corpus], [ann for _, ann in corpus], nlp)  # type: ignore[arg-type]
        times["timeline"] = time.perf_counter() - start
    times["units"] = len(units)
    times["groups"] = len(groups)
    times["contradictions_found"] = len(contradictions)
    times["updates_found"] = len(updates)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--no-timeline", action="store_true")
    args = parser.parse_args()
    base = base_corpus()
    with_timeline = not args.no_timeline and (REPO_ROOT / "src/corroborator/corroborate/timeline.py").exists()
    nlp = None
    if with_timeline:
        from corroborator.annotate.nlp import load

        nlp = load()
    print(f"base corpus: {len(base)} articles")
    header = "| articles | units | groups | claims s | align s | contradictions s |"
    header += " timeline s | stage s | growth |" if with_timeline else " stage s | growth |"
    print(header)
    print("|" + "---:|" * (header.count("|") - 1))
    previous = None
    for n in (int(s) for s in args.sizes.split(",")):
        t = run(synthesise(base, n), with_timeline, nlp)
        stage = t["claims"] + t["align"] + t["contradictions"] + t.get("timeline", 0.0)
        growth = f"{stage / previous:.1f}x" if previous else "-"
        row = f"| {n} | {t['units']:.0f} | {t['groups']:.0f} | {t['claims']:.3f} | {t['align']:.3f} | "
        row += f"{t['contradictions']:.3f} | "
        row += f"{t['timeline']:.3f} | " if with_timeline else ""
        print(row + f"{stage:.3f} | {growth} |")
        previous = stage


if __name__ == "__main__":
    main()
