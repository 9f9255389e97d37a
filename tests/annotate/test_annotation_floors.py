"""Annotation quality floors on the bundled example corpus (no ../shared needed) and on the seeds.

The example corpus's answer key (examples/expected.yaml) has the same shape as the seeds' gold; the
checks here are our own reading of it: every gold quote found (in all its articles) with its speaker
and, where stated, whom it was told to; every gold figure found with its value and unit; no
non-quantity extracted; every gold alias set inside one entity; no `distinct` pair merged.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from corroborator import analyze
from corroborator.render.json import report

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(MARKS).lower()
    return " ".join(re.sub(r"[^\w$%]+", " ", text).split())


@cache
def example_report() -> dict[str, Any]:
    return report(analyze([EXAMPLES / "text"]))


def _short(rep: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: Path(a["source"]).name[:3] for a in rep["articles"]}


def _story(rep: dict[str, Any]) -> dict[str, Any]:
    (story,) = rep["stories"]
    return story


GOLD = yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))


def _speaker_ok(got: str | None, want: str) -> bool:
    if not got:
        return False
    names = {norm(want)}
    for ent in GOLD["entities"]:
        if ent["name"] == want:
            names |= {norm(a) for a in ent.get("aliases", [])}
    return norm(got) in names or norm(got).split()[-1:] == norm(want).split()[-1:]


def test_example_quotes_speakers_and_told_to() -> None:
    rep = example_report()
    short = _short(rep)
    quotes = _story(rep)["quotes"]
    found = speakers = told = told_n = 0
    missed = []
    for gq in GOLD["quotes"]:
        hits = [q for q in quotes if norm(gq["text"]) in norm(q["text"])]
        covered = {short[o["article"]] for q in hits for o in q["occurrences"]}
        if not hits or not set(gq["articles"]) <= covered:
            missed.append(gq["text"])
            continue
        found += 1
        speakers += any(_speaker_ok(q["speaker"], gq["speaker"]) for q in hits)
        if gq.get("told_to"):
            told_n += 1
            told += any(norm(q["told_to"]) == norm(gq["told_to"]) for q in hits)
    n = len(GOLD["quotes"])
    assert found / n >= 0.9, missed
    assert speakers / found >= 0.9
    assert told / told_n >= 0.8


def test_example_quantities() -> None:
    rep = example_report()
    short = _short(rep)
    figures = _story(rep)["quantities"]
    missing = []
    for gq in GOLD["quantities"]:
        for art in gq["articles"]:
            ok = any(
                short[q["article"]] == art
                and abs(q["value"] - gq["value"]) <= 0.005 * max(abs(gq["value"]), 1e-9)
                and q["unit"].replace("year", "").startswith(str(gq["unit"]).replace("year", "")[:3])
                for q in figures
            )
            if not ok:
                missing.append((art, gq["text"]))
    assert len(missing) <= 2, missing
    false = [
        q["text"]
        for nq in GOLD["not_quantities"]
        for q in figures
        if short[q["article"]] in nq["articles"] and norm(q["text"]) == norm(nq["text"])
    ]
    assert not false


def test_example_entities_aliases_and_distinct() -> None:
    sets = [{norm(e["name"]), *map(norm, e["aliases"])} for e in _story(example_report())["entities"]]
    wanted = [(ge["name"], {norm(ge["name"]), *map(norm, ge["aliases"])}) for ge in GOLD["entities"]]
    missing = [name for name, names in wanted if not any(names <= s for s in sets)]
    assert len(missing) <= 1, missing
    merged = [(a, b) for a, b in GOLD["distinct"] if any(norm(a) in s and norm(b) in s for s in sets)]
    assert not merged


SEED_FLOORS = {
    "quotes_recall": 0.95,
    "quotes_speaker_accuracy": 0.95,
    "quotes_told_to_accuracy": 0.9,
    "quantities_recall": 1.0,
    "entities_alias_recall": 1.0,
}
SEED_MAXIMA = {"quantities_false": 0, "entities_wrong_merges": 0}


def test_seed_annotation_floors(tmp_path: Path, shared_dir: Path) -> None:
    import json

    out = tmp_path / "report.json"
    out.write_text(json.dumps(report(analyze([shared_dir / "seeds"]))), encoding="utf-8")
    gold = shared_dir / "gold" / "seeds.yaml"
    args = [sys.executable, str(shared_dir / "tools" / "score.py"), str(out), str(gold)]
    args += [f"--min={k}={v}" for k, v in SEED_FLOORS.items()]
    args += [f"--max={k}={v}" for k, v in SEED_MAXIMA.items()]
    scored = subprocess.run(args, capture_output=True, text=True, check=False)
    assert scored.returncode == 0, scored.stdout + scored.stderr


@pytest.mark.parametrize("form", ["html", "warc/example.warc.gz"])
def test_other_forms_annotate_too(form: str) -> None:
    story = _story(report(analyze([EXAMPLES / form])))
    assert len(story["quotes"]) >= 20 and len(story["quantities"]) >= 20
