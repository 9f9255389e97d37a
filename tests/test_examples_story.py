"""The whole per-story analysis on the bundled example corpus, checked against its answer key
(examples/expected.yaml) without ../shared: reports, contradictions and their look-alikes, updates,
timeline."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from corroborator import analyze
from corroborator.render.json import report

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOLD = yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))
STOP = set(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "and",
        "or",
        "by",
        "from",
        "is",
        "are",
        "was",
        "were",
        "be",
        "his",
        "her",
        "its",
        "their",
        "as",
        "that",
        "this",
    ]
)


@cache
def story_and_names() -> tuple[dict[str, Any], dict[str, str]]:
    rep = report(analyze([EXAMPLES / "text"]))
    (story,) = rep["stories"]
    return story, {a["id"]: Path(a["source"]).name[:3] for a in rep["articles"]}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.replace("’", "'").lower()))


def _side_matches(side: dict[str, Any], gold: dict[str, Any], names: dict[str, str]) -> bool:
    if not {names[a] for a in side["articles"]} & set(gold["articles"]):
        return False
    if "value" in gold:
        value = side.get("value")
        return value is not None and abs(value - gold["value"]) <= 0.005 * abs(gold["value"])
    if "date" in gold:
        return str(side.get("date", "")).startswith(str(gold["date"]))
    return _norm(gold["text"]) in _norm(side.get("text", ""))


def test_reports_partition_the_articles_as_the_key_says() -> None:
    story, names = story_and_names()
    got = sorted(sorted(names[a] for a in r["articles"]) for r in story["reports"])
    want = sorted(sorted(a[:3] for a in r["articles"]) for r in GOLD["reports"])
    assert got == want


def test_planted_disagreements_found_and_look_alikes_not_flagged() -> None:
    story, names = story_and_names()
    used: set[int] = set()
    for gold in GOLD["contradictions"]:
        hits = [
            i
            for i, c in enumerate(story["contradictions"])
            if all(any(_side_matches(s, g, names) for s in c["sides"]) for g in gold["sides"])
        ]
        if gold.get("severity", "high") != "low":
            assert hits, f"missed: {gold['about']}"
        used.update(hits[:1])
    false_alarms = [c["about"] for i, c in enumerate(story["contradictions"]) if i not in used]
    assert not false_alarms


def test_rising_figure_is_an_update_not_a_contradiction() -> None:
    story, _ = story_and_names()
    assert any(
        u["earlier"].get("value") == 1200 and u["later"].get("value") == 1900 for u in story["updates"]
    )


def test_timeline_recall() -> None:
    story, names = story_and_names()
    found = 0
    for gold in GOLD["timeline"]:
        words = _words(gold["event"]) - STOP
        for event in story["timeline"]:
            date_ok = event["date"] == str(gold["date"]) or event["date"].startswith(f"{gold['date']}-")
            gold_start = str(gold["date"]).split("/")[0]
            date_ok |= "/" in str(gold["date"]) and event["date"].split("/")[0] == gold_start
            text = event["event"] + " " + " ".join(e["text"] for e in event["evidence"])
            if (
                date_ok
                and {names[a] for a in event["articles"]} & set(gold["articles"])
                and words & _words(text)
            ):
                found += 1
                break
    assert found / len(GOLD["timeline"]) >= 0.9
    dates = [e["date"] for e in story["timeline"]]
    assert dates == sorted(dates, key=lambda d: d.split("/")[0])


def test_every_claim_support_counts_reports_not_articles() -> None:
    story, _ = story_and_names()
    report_of = {a: r["id"] for r in story["reports"] for a in r["articles"]}
    for claim in story["claims"]:
        assert claim["support"] == len({report_of[a] for a in claim["articles"]})
