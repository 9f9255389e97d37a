"""The bundled example corpus extracts cleanly from all three forms, without ../shared."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from corroborator import analyze

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOLD = yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))
BODIES = EXAMPLES / "gold" / "bodies"


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def _f1(got: str, want: str) -> float:
    g, w = _tokens(got), _tokens(want)
    tp = sum((g & w).values())
    if not tp:
        return 0.0
    p, r = tp / sum(g.values()), tp / sum(w.values())
    return 2 * p * r / (p + r)


def _stem(source: str) -> str:
    name = source.rsplit("#", 1)[-1].rstrip("/").rsplit("/", 1)[-1]
    return name.split("_", 1)[0][:3] if name[:3].isdigit() else name


@pytest.mark.parametrize(("form", "floor"), [("text", 0.97), ("html", 0.9), ("warc/example.warc.gz", 0.9)])
def test_every_form_yields_the_six_bodies(form: str, floor: float) -> None:
    result = analyze([EXAMPLES / form], annotate=False)
    assert not result.failures, result.failures
    assert len(result.articles) == 6
    gold_by_title = {g["title"]: name for name, g in GOLD["articles"].items()}
    for article in result.articles:
        assert article.title in gold_by_title, article.title
        want = (BODIES / gold_by_title[article.title]).read_text(encoding="utf-8")
        assert _f1(article.body, want) >= floor, (form, article.source)


def test_text_metadata_matches_the_answer_key() -> None:
    result = analyze([EXAMPLES / "text"], annotate=False)
    by_name = {Path(a.source).name: a for a in result.articles}
    for name, gold in GOLD["articles"].items():
        article = by_name[name]
        for field in ("title", "outlet", "byline"):
            assert getattr(article, field) == gold.get(field), (name, field)
        want = gold.get("published")
        assert article.published == (str(want) if want else None), name


def test_captions_are_kept_apart_with_credits() -> None:
    result = analyze([EXAMPLES / "text"], annotate=False)
    by_name = {Path(a.source).name: a for a in result.articles}
    for name, gold in GOLD["articles"].items():
        got = [(c.text, c.credit) for c in by_name[name].captions]
        want = [(c["text"], c.get("credit")) for c in gold.get("captions") or []]
        assert got == want, name
        for caption in by_name[name].captions:
            assert caption.text not in by_name[name].body
