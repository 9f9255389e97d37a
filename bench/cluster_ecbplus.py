"""Story clustering quality on ECB+ (dev topics 1-22: 462 articles, 40 events in 20 topics), B-cubed.

Each ECB+ topic holds two similar but different events (two celebrities checking into rehab, two
earthquakes in one region), so grouping by topic is not enough: a story must be one event. All 462
articles are clustered as ONE corpus and the stories are scored against the gold events with
B-cubed precision, recall and F1 (per article: the share of its story in its event, and of its event
in its story; averaged over articles).

- ours: :func:`corroborator.cluster.cluster_articles` with the default :class:`ClusterConfig` (one
  config, no threshold tuned per corpus) on the articles as our extraction reads them from the JSONL
  file (title, date and URL lines recognised; ``min_body_chars=0`` so no article is lost);
- baseline, measured in the same run: tf-idf vectors of the raw texts (scikit-learn's defaults:
  ``\\b\\w\\w+\\b`` tokens lower-cased, raw counts, smoothed idf, L2 norm), cosine, average-linkage
  agglomerative clustering (scipy), cut at the cosine threshold that scores best on this very corpus
  (swept from 0.02 to 0.90): an optimistic baseline, tuned on the answers.

Run: .venv/bin/python bench/cluster_ecbplus.py [--json] [--sweep] [--heldout] [--errors FILE]
(``--sweep`` also scores ours at other merge thresholds and neighbour counts, for reference;
``--heldout`` picks the merge threshold on topics 1-11 and scores it on 12-22, and vice versa.)
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from _common import SHARED
from corroborator.api import iter_articles
from corroborator.cluster import cluster_articles
from corroborator.config import ClusterConfig, Config, ExtractConfig
from corroborator.models import Article

ECBPLUS = SHARED / "bench" / "ecbplus" / "dev-topics-1-22.jsonl"


SWEEP = {
    "merge_threshold": (0.15, 0.2, 0.25, 0.3, 0.35),
    "neighbors": (6, 8, 10, 12),
    "time_floor": (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0),
    "background_docs": (0.0, 5.0, 10.0, 30.0, 100.0),
}


def load() -> tuple[list[Article], dict[str, str], list[str]]:
    """Articles (ids are the ECB+ ids, ``topic_number...``), each article's gold event, and the raw
    texts in order."""
    if not ECBPLUS.is_file():
        sys.exit(f"SKIP: ECB+ benchmark not found at {ECBPLUS} (needs ../shared)")
    rows = [json.loads(line) for line in ECBPLUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    config = Config(extract=ExtractConfig(min_body_chars=0))
    articles: list[Article] = []
    for row, item in zip(rows, iter_articles([ECBPLUS], config), strict=True):
        if isinstance(item, Article):
            articles.append(replace(item, id=row["id"]))
        else:  # nothing extracted: the raw text as the body
            articles.append(Article(id=row["id"], source=f"ecbplus/{row['id']}", body=row["text"]))
    gold = {row["id"]: str(row["event"]) for row in rows}
    return articles, gold, [row["text"] for row in rows]


def bcubed(groups: Sequence[Sequence[str]], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``groups`` against gold labels (every item once)."""
    sizes = Counter(gold.values())
    precision = recall = 0.0
    n = 0
    for group in groups:
        labels = Counter(gold[a] for a in group)
        for a in group:
            same = labels[gold[a]]
            precision += same / len(group)
            recall += same / sizes[gold[a]]
            n += 1
    p, r = precision / n, recall / n
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


_BASELINE_TOKEN = re.compile(r"\b\w\w+\b")


def _baseline_tree(texts: Sequence[str]) -> Any:
    """The average-linkage tree of the baseline's tf-idf vectors (scipy's linkage matrix)."""
    import numpy as np
    from scipy.cluster.hierarchy import linkage

    counts = [Counter(_BASELINE_TOKEN.findall(t.lower())) for t in texts]
    vocab = {w: i for i, w in enumerate(sorted({w for c in counts for w in c}))}
    df = np.zeros(len(vocab))
    for c in counts:
        for w in c:
            df[vocab[w]] += 1
    n = len(texts)
    idf = np.log((1 + n) / (1 + df)) + 1
    matrix = np.zeros((n, len(vocab)))
    for i, c in enumerate(counts):
        for w, k in c.items():
            matrix[i, vocab[w]] = k * idf[vocab[w]]
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return linkage(matrix, method="average", metric="cosine")


def _baseline_groups(tree: Any, ids: Sequence[str], threshold: float) -> list[list[str]]:
    from scipy.cluster.hierarchy import fcluster

    if len(ids) < 2:
        return [list(ids)]
    labels = fcluster(tree, t=1 - threshold, criterion="distance")
    groups: dict[int, list[str]] = {}
    for article_id, label in zip(ids, labels, strict=True):
        groups.setdefault(int(label), []).append(article_id)
    return list(groups.values())


def baseline(texts: Sequence[str], ids: Sequence[str], gold: dict[str, str]) -> dict[str, float]:
    """tf-idf + cosine + average linkage at its best threshold on this corpus."""
    tree = _baseline_tree(texts)
    best: dict[str, float] = {"f1": -1.0}
    for step in range(2, 91):
        threshold = step / 100
        groups = _baseline_groups(tree, ids, threshold)
        p, r, f1 = bcubed(groups, gold)
        if f1 > best["f1"]:
            best = {"threshold": threshold, "precision": p, "recall": r, "f1": f1, "stories": len(groups)}
    return best


def ours(articles: Sequence[Article], gold: dict[str, str], config: ClusterConfig) -> dict[str, float]:
    start = time.perf_counter()
    groups = cluster_articles(articles, config)
    seconds = time.perf_counter() - start
    p, r, f1 = bcubed(groups, gold)
    return {"precision": p, "recall": r, "f1": f1, "stories": len(groups), "seconds": seconds}


def heldout(articles: Sequence[Article], gold: dict[str, str]) -> list[dict[str, object]]:
    """The merge threshold picked on one half of the topics (1-11, 12-22), scored on the other."""
    low = [a for a in articles if int(a.id.split("_")[0]) <= 11]
    high = [a for a in articles if int(a.id.split("_")[0]) > 11]
    rows: list[dict[str, object]] = []
    for name, tune, test in (("1-11", low, high), ("12-22", high, low)):
        grid = SWEEP["merge_threshold"]
        scores = {t: ours(tune, gold, ClusterConfig(merge_threshold=t))["f1"] for t in grid}
        best = max(scores, key=lambda t: (scores[t], -abs(t - ClusterConfig().merge_threshold)))
        rows.append({
            "tuned_on": name, "tune_f1": scores, "picked": best,
            "test_f1_picked": ours(test, gold, ClusterConfig(merge_threshold=best))["f1"],
            "test_f1_default": ours(test, gold, ClusterConfig())["f1"],
        })
    return rows


def alone(
    articles: Sequence[Article], gold: dict[str, str], texts: Sequence[str], baseline_threshold: float
) -> dict[str, dict[str, float]]:
    """Each event clustered alone (a folder of one event's reports: how many come out split, how many
    articles fall outside its largest story), the same for each event's dated reports within a week
    of their median date (a folder like the seeds: one event's news of a few days; events with 3 or
    more such reports), and each topic alone (two sister events: mean B-cubed F1 over topics); ours
    at defaults, the baseline at its best threshold on the whole corpus."""
    text_of = {a.id: t for a, t in zip(articles, texts, strict=True)}
    by_event: dict[str, list[Article]] = {}
    by_topic: dict[str, list[Article]] = {}
    for a in articles:
        by_event.setdefault(gold[a.id], []).append(a)
        by_topic.setdefault(a.id.split("_")[0], []).append(a)

    def ours_groups(part: Sequence[Article]) -> list[list[str]]:
        return [list(g) for g in cluster_articles(part)]

    def baseline_groups(part: Sequence[Article]) -> list[list[str]]:
        ids = [a.id for a in part]
        tree = _baseline_tree([text_of[i] for i in ids]) if len(ids) > 1 else None
        return _baseline_groups(tree, ids, baseline_threshold)

    weeks = [w for w in (_week_of(part) for part in by_event.values()) if len(w) >= 3]
    result: dict[str, dict[str, float]] = {}
    for name, method in (("ours", ours_groups), ("baseline", baseline_groups)):
        split, outside = _splits(method, list(by_event.values()))
        week_split, week_outside = _splits(method, weeks)
        topic_f1 = [bcubed(method(part), gold)[2] for part in by_topic.values()]
        result[name] = {
            "events_split": split, "events": len(by_event), "articles_outside": outside,
            "week_events_split": week_split, "week_events": len(weeks), "week_articles": sum(map(len, weeks)),
            "week_articles_outside": week_outside, "topic_f1": sum(topic_f1) / len(topic_f1),
        }
    return result


Grouper = Callable[[Sequence[Article]], list[list[str]]]


def _splits(method: Grouper, parts: list[list[Article]]) -> tuple[int, int]:
    """How many of the parts come out as more than one story, and how many articles fall outside
    their part's largest story."""
    split = outside = 0
    for part in parts:
        groups = method(part)
        split += len(groups) > 1
        outside += len(part) - max(len(g) for g in groups)
    return split, outside


def _week_of(part: Sequence[Article]) -> list[Article]:
    """The dated articles within 7 days of the part's median stated date."""
    days = {a.id: date.fromisoformat(a.published[:10]).toordinal() for a in part if a.published}
    if not days:
        return []
    middle = statistics.median(days.values())
    return [a for a in part if a.id in days and abs(days[a.id] - middle) <= 7]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sweep", action="store_true", help="also score ours at other settings")
    parser.add_argument("--heldout", action="store_true", help="tune on half of the topics, test on the rest")
    parser.add_argument("--errors", type=Path, default=None, help="write mixed stories here for inspection")
    parser.add_argument("--alone", action="store_true", help="also cluster each event and each topic alone")
    args = parser.parse_args()

    articles, gold, texts = load()
    result: dict[str, object] = {"articles": len(articles), "events": len(set(gold.values()))}
    result["ours"] = ours(articles, gold, ClusterConfig())
    result["baseline"] = baseline(texts, [a.id for a in articles], gold)
    if args.sweep:
        sweep = {}
        for name, values in SWEEP.items():
            for value in values:
                sweep[f"{name}={value}"] = ours(articles, gold, ClusterConfig(**{name: value}))
        result["ours_sweep"] = sweep
    if args.heldout:
        result["heldout"] = heldout(articles, gold)
    if args.alone:
        best = result["baseline"]
        assert isinstance(best, dict)
        result["alone"] = alone(articles, gold, texts, best["threshold"])
    if args.errors is not None:
        lines = []
        for group in cluster_articles(articles):
            labels = Counter(gold[a] for a in group)
            if len(labels) > 1:
                lines.append(f"mixed story: {dict(labels)}: {', '.join(group)}")
        events: dict[str, set[int]] = {}
        for i, group in enumerate(cluster_articles(articles)):
            for a in group:
                events.setdefault(gold[a], set()).add(i)
        lines += [f"split event {e}: {len(s)} stories" for e, s in sorted(events.items()) if len(s) > 1]
        args.errors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result))
        return
    print(f"ECB+ dev topics 1-22: {result['articles']} articles, {result['events']} events")
    for name in ("ours", "baseline"):
        row = result[name]
        assert isinstance(row, dict)
        extra = f" (best threshold {row['threshold']:.2f})" if "threshold" in row else ""
        print(f"  {name:9s} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  "
              f"stories {row['stories']}{extra}")
    for setting, row in dict(result.get("ours_sweep", {})).items():  # type: ignore[call-overload]
        print(f"  ours {setting:20s} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  "
              f"stories {row['stories']}")
    for name, row in dict(result.get("alone", {})).items():  # type: ignore[call-overload]
        print(f"  alone {name:9s} events split {row['events_split']} of {row['events']}, "
              f"{row['articles_outside']} articles outside their event's largest story; "
              f"a week of news ({row['week_events']} events, {row['week_articles']} articles): "
              f"{row['week_events_split']} split, {row['week_articles_outside']} outside; "
              f"topics alone mean F1 {row['topic_f1']:.3f}")
    for row in list(result.get("heldout", [])):  # type: ignore[call-overload]
        tuned = "  ".join(f"{t}: {f:.3f}" for t, f in row["tune_f1"].items())
        print(f"  held out: tuned on topics {row['tuned_on']} ({tuned}) -> merge_threshold {row['picked']}; "
              f"other half F1 {row['test_f1_picked']:.3f} (default {row['test_f1_default']:.3f})")


if __name__ == "__main__":
    main()
