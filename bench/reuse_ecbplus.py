"""Reuse detection on real news: the ECB+ dev topics (462 articles on 40 events) as ONE corpus.

ECB+ groups news articles by topic, and each topic has two similar but different events (``1ecb``,
``1ecbplus``: two celebrities checking into rehab, two earthquakes in one region). Articles about
one event often come from the same wire copy; articles about different events should share no
passages, so a reuse link across events is a false alarm unless the two texts really share text
(a reused background paragraph, a boilerplate block). Everything runs through
:func:`corroborator.reuse.detect_reuse` on the whole corpus, so candidate pairs come from the LSH
indexes (the corpus is larger than ``ReuseConfig.all_pairs_max``).

Prints counts of links (by kind) within one event, across the two events of a topic and across
topics, the number of reports, and the time taken; writes a sample of cross-event links (all of
them, up to ``--sample-cross``) and within-event links with their passages to ``--out`` for
inspection by hand.

Run: .venv/bin/python bench/reuse_ecbplus.py [--bare] [--out /tmp/reuse_ecbplus_sample.md] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from _common import SHARED
from corroborator.models import Article, ReuseLink
from corroborator.reuse import detect_reuse

ECBPLUS = SHARED / "bench" / "ecbplus" / "dev-topics-1-22.jsonl"


def load() -> tuple[list[Article], dict[str, tuple[int, str]]]:
    """The corpus as articles, and each article's (topic, event)."""
    if not ECBPLUS.is_file():
        sys.exit(f"SKIP: ECB+ benchmark not found at {ECBPLUS} (needs ../shared)")
    articles: list[Article] = []
    labels: dict[str, tuple[int, str]] = {}
    for line in ECBPLUS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles.append(Article(id=row["id"], source=f"ecbplus/{row['id']}", body=row["text"]))
        labels[row["id"]] = (int(row["topic"]), str(row["event"]))
    return articles, labels


def relation(link: ReuseLink, labels: dict[str, tuple[int, str]]) -> str:
    a, b = labels[link.from_id], labels[link.to_id]
    if a == b:
        return "same event"
    return "same topic, other event" if a[0] == b[0] else "other topic"


def describe(link: ReuseLink, by_id: dict[str, Article], labels: dict[str, tuple[int, str]]) -> str:
    source, copy = by_id[link.from_id], by_id[link.to_id]
    lines = [
        f"### {link.from_id} ({labels[link.from_id][1]}) -> {link.to_id} ({labels[link.to_id][1]}): "
        f"{link.kind.value}, shared {link.shared:.2f}, {len(link.passages)} passages",
        f"direction: {link.direction_evidence}",
        "",
    ]
    for passage in link.passages[:6]:
        lines.append(f"- from: {source.body[passage.from_span.start : passage.from_span.end][:300]!r}")
        lines.append(f"  to:   {copy.body[passage.to_span.start : passage.to_span.end][:300]!r}")
    lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bare", action="store_true", help="skip the annotation stage (no quote spans)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/reuse_ecbplus_sample.md"))
    parser.add_argument("--sample-cross", type=int, default=40)
    parser.add_argument("--sample-within", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    articles, labels = load()
    by_id = {a.id: a for a in articles}
    started = time.perf_counter()
    annotations = None
    if not args.bare:
        from corroborator.annotate.pipeline import Annotator

        annotations = list(Annotator().annotate_story(articles).articles)
    annotated = time.perf_counter()
    result = detect_reuse(articles, annotations)
    finished = time.perf_counter()

    counts = Counter((relation(link, labels), link.kind.value) for link in result.links)
    multi = [r for r in result.reports if len(r.article_ids) > 1]
    mixed = [r for r in multi if len({labels[i] for i in r.article_ids}) > 1]
    summary = {
        "articles": len(articles),
        "events": len({label for label in labels.values()}),
        "links": len(result.links),
        "links_by_relation_kind": {f"{rel} / {kind}": n for (rel, kind), n in sorted(counts.items())},
        "reports": len(result.reports),
        "reports_with_several_articles": len(multi),
        "reports_mixing_events": len(mixed),
        "annotate_s": round(annotated - started, 1),
        "detect_s": round(finished - annotated, 1),
    }
    cross = [link for link in result.links if relation(link, labels) != "same event"]
    within = [link for link in result.links if relation(link, labels) == "same event"]
    rng = random.Random(7)
    sample_within = rng.sample(within, min(args.sample_within, len(within)))
    parts = ["# Reports mixing events", ""]
    for report in mixed:
        members = [f"{i} ({by_id[i].outlet or '-'}, {labels[i][1]})" for i in report.article_ids]
        parts += [f"- {report.origin}: " + "; ".join(members), ""]
    parts += ["# Cross-event links", ""]
    parts += [describe(link, by_id, labels) for link in cross[: args.sample_cross]]
    parts += ["# Within-event links (random sample)", ""]
    parts += [describe(link, by_id, labels) for link in sample_within]
    args.out.write_text("\n".join(parts), encoding="utf-8")
    summary["sample_file"] = str(args.out)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        for key, value in summary.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
