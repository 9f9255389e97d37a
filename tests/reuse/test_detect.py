"""detect_reuse end to end: the example corpus (always), the seeds (when ../shared is there), and
small hand-written stories."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from baths_story import REWRITE, SOURCE

from corroborator import analyze
from corroborator.annotate.pipeline import Annotator
from corroborator.config import ReuseConfig
from corroborator.models import Annotations, Article, Quote, ReuseKind, Span
from corroborator.reuse import ReuseResult, detect_reuse

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not beside the repo")


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def _story(source: Path, annotator: Annotator | None) -> tuple[list[Article], list[Annotations] | None]:
    articles = list(analyze([source], annotate=False).articles)
    if annotator is None:
        return articles, None
    return articles, list(annotator.annotate_story(articles).articles)


def _check_against_gold(articles: list[Article], result: ReuseResult, gold: dict[str, Any]) -> None:
    name = {a.id: Path(a.source).name for a in articles}
    reports = sorted(sorted(name[i] for i in r.article_ids) for r in result.reports)
    assert reports == sorted(sorted(r["articles"]) for r in gold["reports"])
    found = {(name[link.from_id], name[link.to_id]): link for link in result.links}
    for expected in gold["reuse"]:
        link = found.get((expected["from"], expected["to"]))
        assert link is not None, f"missing reuse {expected['from']} -> {expected['to']}"
        assert link.kind == ReuseKind(expected["kind"])
        assert 0.0 < link.shared <= 1.0 and link.passages
    group = {n: k for k, r in enumerate(gold["reports"]) for n in r["articles"]}
    for a, b in found:
        assert group[a] == group[b], f"reuse between independent reports: {a} -> {b}"


@pytest.mark.parametrize("annotated", [True, False], ids=["annotated", "bare"])
def test_example_corpus_matches_gold(annotated: bool, annotator: Annotator) -> None:
    articles, annotations = _story(REPO / "examples" / "text", annotator if annotated else None)
    gold = yaml.safe_load((REPO / "examples" / "expected.yaml").read_text(encoding="utf-8"))
    result = detect_reuse(articles, annotations)
    _check_against_gold(articles, result, gold)
    wire = next(r for r in result.reports if len(r.article_ids) > 1)
    assert "wire" in wire.origin


@needs_shared
@pytest.mark.parametrize("annotated", [True, False], ids=["annotated", "bare"])
def test_seeds_match_gold(annotated: bool, annotator: Annotator) -> None:
    articles, annotations = _story(SHARED / "seeds", annotator if annotated else None)
    gold = yaml.safe_load((SHARED / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
    result = detect_reuse(articles, annotations)
    _check_against_gold(articles, result, gold)


# --- hand-written stories ----------------------------------------------------------------------

_OTHER = [
    "Parents in Talvik were angry on Friday after learning that their children's swimming lessons would move across town.",  # noqa: E501
    "\"My daughter learned to swim there, and so did I,\" said Maren Holt, who waited outside the Hollin Street baths with a petition.",  # noqa: E501
    "Holt said 600 people had signed by lunchtime.",
    "A council spokesman said the decision had been taken on safety grounds and would not be reversed.",
    "The petition will be handed to the mayor next week.",
]
_UNRELATED = [
    "The Nordhavn football club appointed a new head coach on Monday after a run of seven defeats.",
    "Anton Brisk, 44, previously coached the youth team and played 200 games for the club.",
    "His first match in charge is an away game against Lundby on Saturday.",
    "Season ticket sales have fallen by a third since the summer, the club said.",
]


def _article(
    ident: str, sentences: list[str], byline: str | None = None, outlet: str | None = None
) -> Article:
    return Article(id=ident, source=f"{ident}.txt", body="\n\n".join(sentences), byline=byline, outlet=outlet)


def test_rewrite_in_the_same_order_is_paraphrase() -> None:
    source = _article("source", SOURCE, byline="By AFP")
    rewrite = _article("rewrite", REWRITE)
    other = _article("other", _OTHER, outlet="Talvik Post")
    result = detect_reuse([source, rewrite, other], None)
    assert [(link.from_id, link.to_id, link.kind) for link in result.links] == [
        ("source", "rewrite", ReuseKind.PARAPHRASE)
    ]
    link = result.links[0]
    assert len(link.passages) >= 4 and link.shared > 0.5
    assert "agency" in link.direction_evidence
    origins = {r.article_ids: r.origin for r in result.reports}
    assert origins == {("rewrite", "source"): "AFP wire", ("other",): "Talvik Post, own reporting"}


def test_unrelated_articles_share_nothing() -> None:
    result = detect_reuse([_article("a", SOURCE), _article("b", _UNRELATED)], None)
    assert result.links == ()
    assert sorted(r.article_ids for r in result.reports) == [("a",), ("b",)]


def _press_conference(
    ident: str, framing: list[str], attribution: str, quote_first: bool
) -> tuple[Article, Annotations]:
    quotes = [
        "We will not let a single family sleep in the cold this winter, whatever it costs the city budget",
        "Every empty municipal building that can be heated will be opened as a shelter by December",
    ]
    lines = [f'"{q}," {attribution}.' for q in quotes]
    sentences = [*lines, *framing] if quote_first else [*framing, *lines]
    body = "\n\n".join(sentences)
    spans = [Span(body.index(q), body.index(q) + len(q)) for q in quotes]
    found = tuple(Quote(q, s, speaker="Ida Sund") for q, s in zip(quotes, spans, strict=True))
    notes = Annotations(ident, quotes=found)
    return _article(ident, sentences), notes


def test_same_press_conference_is_two_independent_reports() -> None:
    first, first_notes = _press_conference(
        "first",
        [
            "Homeless charities welcomed the pledge but said the city had missed its own targets for three years.",  # noqa: E501
            "Last winter 41 people were turned away from full shelters in January alone.",
        ],
        "Mayor Ida Sund told reporters at the town hall on Monday",
        quote_first=True,
    )
    second, second_notes = _press_conference(
        "second",
        [
            "The announcement comes a week before the budget vote, in which the mayor's coalition lacks a majority.",  # noqa: E501
            "Opposition leaders questioned how the plan would be paid for.",
        ],
        "said Sund",
        quote_first=False,
    )
    result = detect_reuse([first, second], [first_notes, second_notes])
    assert result.links == ()
    assert len(result.reports) == 2


def test_large_story_uses_the_index_and_still_finds_the_rewrite() -> None:
    fillers = [
        _article(f"f{n:02d}", [f"Filler story number {n} about topic {n * 7} in district {n * 13}."] * 2)
        for n in range(6)
    ]
    config = ReuseConfig(all_pairs_max=3)
    story = [_article("source", SOURCE), _article("rewrite", REWRITE), *fillers]
    result = detect_reuse(story, None, config)
    pairs = [(link.from_id, link.to_id) for link in result.links]
    assert pairs in ([("source", "rewrite")], [("rewrite", "source")])
    assert len(result.reports) == len(story) - 1


def test_a_passage_of_names_is_no_reuse_but_one_of_telling_is() -> None:
    """Two reports naming the same people and bodies share strings of names; that is no copying."""
    names = "the Lorvik State Police and Capt. Ola Nord of the Talvik Police Department"
    first = _article("first", [
        f"A bomb exploded at a bank on Friday and killed two officers, {names}, as they examined it.",
        "The bank had received a threatening call in the morning and was evacuated before noon.",
    ])  # fmt: skip
    second = _article("second", [
        f"Mourners gathered on Sunday for {names}, who died in the blast.",
        "A vigil is planned for Monday evening outside the town hall.",
    ])  # fmt: skip
    assert detect_reuse([first, second], None).links == ()
    told = "Paramedics rushed the officer to the county hospital, where he died two hours later."
    third = _article("third", [second.body, told])
    fourth = _article("fourth", [first.body, told])
    (link,) = detect_reuse([third, fourth], None).links
    assert len(link.passages) == 1 and told[:40] in fourth.body[link.passages[0].to_span.start :]
