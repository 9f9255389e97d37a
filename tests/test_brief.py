"""The briefing: each section's rule on hand-built stories, and the summary's citations on real corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.api import StoryAnalysis, analyze
from corroborator.brief import brief, briefings, summary_json
from corroborator.brief_summary import figures_of
from corroborator.models import (
    Annotations,
    Article,
    Claim,
    ClaimKind,
    Contradiction,
    ContradictionKind,
    Evidence,
    IndependentReport,
    InferredDate,
    Occurrence,
    Precision,
    RemovalReason,
    Removed,
    Severity,
    Side,
    Span,
    StoryQuote,
    TimelineEvent,
    Update,
)

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"

LEAD = "The city council approved a new harbour bridge after a long debate about traffic and costs."
OTHER = [
    "Engineers said the steel frame would be assembled in sections at the old shipyard.",
    "Residents near the river complained about noise from night work on the approach roads.",
    "The transport department expects buses to use the bridge within two years of opening.",
    "Local shops fear losing customers while the riverside road stays closed for building work.",
    "A ferry service will keep running until the new crossing carries its first passengers.",
    "Cyclists asked for a protected lane, which the design team promised to consider carefully.",
]


def _article(id_: str, sentences: list[str], outlet: str | None = None, **kw: object) -> Article:
    return Article(id=id_, source=f"corpus/{id_}.txt", body="\n\n".join(sentences), outlet=outlet, **kw)  # type: ignore[arg-type]


def _evidence(article: Article, sentence: str) -> Evidence:
    start = article.body.index(sentence)
    return Evidence(article.id, Span(start, start + len(sentence)), sentence)


def _story(articles: list[Article], reports: list[tuple[str, list[str]]], **kw: object) -> StoryAnalysis:
    return StoryAnalysis(
        id="story",
        title="Bridge approved",
        article_ids=tuple(a.id for a in articles),
        reports=tuple(IndependentReport(rid, f"origin {rid}", tuple(ids)) for rid, ids in reports),
        **kw,  # type: ignore[arg-type]
    )


def _check_citations(briefing_summary: tuple[object, ...], report_of: dict[str, str]) -> None:
    for s in briefing_summary:
        assert s.article_ids, s  # type: ignore[attr-defined]
        reports = {report_of[a] for a in s.article_ids}  # type: ignore[attr-defined]
        assert s.support == len(reports) == len(s.report_ids)  # type: ignore[attr-defined]


# --- summary ---------------------------------------------------------------------------------------


def test_reprints_count_once_and_independent_copies_add_support() -> None:
    wire = _article("wire", [LEAD, *OTHER[:3]], "Wire")
    reprint = _article("reprint", [LEAD, *OTHER[:2]], "Reprint")
    own = _article("own", [LEAD.replace("a long debate", "a lengthy debate"), OTHER[4], OTHER[5]], "Own")
    story = _story([wire, reprint, own], [("r1", ["wire", "reprint"]), ("r2", ["own"])])
    b = brief(story, {a.id: a for a in (wire, reprint, own)})
    lead = next(s for s in b.summary if "city council approved" in s.text)
    assert set(lead.article_ids) == {"wire", "reprint", "own"}
    assert lead.support == 2 and set(lead.report_ids) == {"r1", "r2"}
    assert len({e.article for e in lead.evidence}) == 3
    # a sentence carried by the wire and its reprint only: one report, however many copies
    frame = next(s for s in b.summary if "steel frame" in s.text)
    assert set(frame.article_ids) == {"wire", "reprint"} and frame.support == 1
    # no sentence twice
    assert len({s.text for s in b.summary}) == len(b.summary)
    _check_citations(b.summary, {"wire": "r1", "reprint": "r1", "own": "r2"})


def test_summary_length_and_redundancy() -> None:
    many = [_article(f"a{k}", [LEAD, *OTHER[k % 3 : k % 3 + 4]]) for k in range(4)]
    story = _story(many, [(f"r{k}", [f"a{k}"]) for k in range(4)])
    b = brief(story, {a.id: a for a in many})
    assert 5 <= len(b.summary) <= 7  # 7 distinct sentences in all
    assert sum("city council approved" in s.text for s in b.summary) == 1
    assert b.summary[0].support == 4  # the lead everyone carries comes first


def test_a_changed_figure_is_not_the_same_sentence() -> None:
    a = _article(
        "a", ["Officials said 340 households within 2 kilometres of the site were told to leave home."]
    )
    b_ = _article(
        "b", ["Officials said 540 households within 3 kilometres of the site were told to leave home."]
    )
    story = _story([a, b_], [("ra", ["a"]), ("rb", ["b"])])
    b = brief(story, {"a": a, "b": b_})
    assert all(len(s.article_ids) == 1 for s in b.summary)
    assert figures_of("a $4.2bn plan and 1,200 people") == {"4.2 billion", "1200"}
    assert figures_of("a $4.2 billion plan") != figures_of("a $4.2 million plan")


def test_claim_support_is_preferred() -> None:
    sentences = [
        f"Statement number {w} concerns a distinct municipal topic entirely {w}." for w in "abcdefghijkl"
    ]
    a = _article("a", sentences)
    claim = Claim("c", sentences[9], ClaimKind.EVENT, ("a",), ("r",), 3, (_evidence(a, sentences[9]),))
    story = _story([a], [("r", ["a"])], claims=(claim,))
    with_claim = brief(story, {"a": a})
    assert any("number j" in s.text for s in with_claim.summary)


def test_pieces_of_a_longer_quotation_stay_out_of_the_summary_and_key_facts() -> None:
    from corroborator.annotate.pipeline import StoryAnnotations
    from corroborator.models import Quote

    opening = '"We will finish the bridge before the harbour festival next summer.'
    inside = "Every crew on the river is working double shifts to get there."
    closing = 'The city deserves a crossing that lasts a century," the mayor said.'
    whole = '"The ferry will keep running until then," the mayor said at the harbour.'
    bare = '"Ferries have served this harbour well for more than forty years.'  # no closing mark, no speaker
    tweet = "In the end, the bridge will stand,” the mayor wrote on Tuesday."  # its quote opened before
    body_sentences = [LEAD, opening, inside, closing, whole, bare, '"We won the vote."', tweet, *OTHER[:2]]
    a = _article("a", body_sentences)
    spans = tuple(Span(a.body.index(t), a.body.index(t) + len(t)) for t in body_sentences)
    q_start = a.body.index(opening) + 1
    long_quote = Quote("We will ... century", Span(q_start, a.body.index('," the mayor said.')), "Ann Brook")
    w_start = a.body.index(whole) + 1
    short_quote = Quote("The ferry ...", Span(w_start, w_start + whole.index('," ') - 1), "Ann Brook")
    b_start = a.body.index(bare) + 1
    bare_quote = Quote("Ferries ...", Span(b_start, b_start + len(bare) - 1))
    quotes = (long_quote, short_quote, bare_quote)
    annotations = StoryAnnotations((Annotations("a", spans, quotes=quotes),), (), ())
    claims = (
        *(
            Claim(f"q{i}", t, ClaimKind.QUOTE, ("a",), ("r",), 1, (_evidence(a, t),))
            for i, t in enumerate([opening, closing, whole, '"We won the vote."'])
        ),
        Claim("d", tweet, ClaimKind.DATE, ("a",), ("r",), 1, (_evidence(a, tweet),)),
    )
    story = _story([a], [("r", ["a"])], annotations=annotations, claims=claims)
    b = brief(story, {"a": a})
    texts = [s.text for s in b.summary]
    assert whole in texts and LEAD in texts
    assert not {opening, inside, closing, bare} & set(texts)
    assert [k.text for k in b.key_facts] == [whole]
    assert b.sources[0].adds == (whole,)  # what only this report carries: the whole quotation


def test_sentences_that_lean_on_the_one_before_stay_out_of_the_summary() -> None:
    leaning = [
        "He is currently being held at the old harbour police station in the city.",
        '"We will appeal against every part of the ruling," she said on the steps of the court.',
        "Will the new bridge really carry buses within two years of its opening?",
    ]
    a = _article("a", [LEAD, *leaning, *OTHER[:3]])
    b = brief(_story([a], [("r", ["a"])]), {"a": a})
    texts = [s.text for s in b.summary]
    assert LEAD in texts and not set(leaning) & set(texts)


def test_summary_json_shape_and_datelines() -> None:
    a = _article("a", ["HARBOURTON (Wire) — " + LEAD, *OTHER])
    b = brief(_story([a], [("r", ["a"])]), {"a": a})
    data = summary_json(b)
    assert data and all(set(d) == {"text", "articles", "reports"} for d in data)
    assert data[0]["text"].startswith("The city council") and data[0]["articles"] == ["a"]
    assert b.summary[0].evidence[0].text.startswith("HARBOURTON")  # evidence keeps the exact span


def test_without_reports_each_article_is_its_own_report() -> None:
    a, c = _article("a", [LEAD, *OTHER[:3]]), _article("c", [LEAD, *OTHER[3:]])
    b = brief(StoryAnalysis("s", "t", ("a", "c")), {"a": a, "c": c})
    assert b.report_count == 2
    lead = next(s for s in b.summary if "city council" in s.text)
    assert lead.support == 2


# --- sections -------------------------------------------------------------------------------------


def _claim(id_: str, text: str, articles: list[Article], reports: list[str]) -> Claim:
    ev = tuple(_evidence(a, text) for a in articles if text in a.body)
    return Claim(id_, text, ClaimKind.EVENT, tuple(a.id for a in articles), tuple(reports), len(reports), ev)


def test_sources_adds_and_omits() -> None:
    x, y, z, w = (_article(k, [OTHER[i], OTHER[i + 1], LEAD]) for i, k in enumerate("xyzw"))
    arts = {a.id: a for a in (x, y, z, w)}
    reports = [("rx", ["x"]), ("ry", ["y"]), ("rz", ["z"]), ("rw", ["w"])]
    widely = _claim("wide", "Everyone agrees the bridge opens in spring.", [x, y, z], ["rx", "ry", "rz"])
    only_x = _claim("only", OTHER[0], [x], ["rx"])
    b = brief(_story([x, y, z, w], reports, claims=(widely, only_x)), arts)
    src = {s.article_id: s for s in b.sources}
    assert src["x"].adds == (OTHER[0],) and src["x"].adds_total == 1
    assert src["y"].adds == ()
    assert src["w"].omits == ("Everyone agrees the bridge opens in spring.",)  # 3 of the 3 other reports
    assert src["x"].omits == ()  # it carries it


def test_omits_needs_most_other_reports() -> None:
    x, y, z, w = (_article(k, [OTHER[i], LEAD]) for i, k in enumerate("xyzw"))
    reports = [("rx", ["x"]), ("ry", ["y"]), ("rz", ["z"]), ("rw", ["w"])]
    half = _claim("half", "Only some say the ferry stops in June.", [x], ["rx"])
    b = brief(_story([x, y, z, w], reports, claims=(half,)), {a.id: a for a in (x, y, z, w)})
    assert all(s.omits == () for s in b.sources)  # one report of three others is not most


def test_sources_dates_stated_or_inferred_and_report() -> None:
    a = _article("a", [LEAD], "Gazette", published="2024-03-01", byline="Jo Doe")
    c = _article("c", [OTHER[0]])
    ann = (Annotations("a"), Annotations("c", published_inferred=InferredDate("2024-03-02", "said Tuesday")))
    from corroborator.annotate.pipeline import StoryAnnotations

    story = _story([a, c], [("r1", ["a", "c"])], annotations=StoryAnnotations(ann, (), ()))
    b = brief(story, {"a": a, "c": c})
    first, second = b.sources
    assert (first.article_id, first.date, first.date_inferred, first.label) == (
        "a",
        "2024-03-01",
        False,
        "Gazette",
    )
    assert (second.date, second.date_inferred, second.date_evidence) == ("2024-03-02", True, "said Tuesday")
    assert second.report_origin == "origin r1" and second.label == "c.txt"
    assert b.ref("c") == 2 and b.refs(("c", "a", "zz")) == (1, 2)


def test_disputes_sides_and_stronger_side_and_revisions() -> None:
    a, c, d = (_article(k, [LEAD]) for k in "acd")

    def side(ids: list[str], reports: list[str], value: float, text: str) -> Side:
        return Side(tuple(ids), (), tuple(reports), value=value, unit="USD", text=text)

    lopsided = Contradiction(
        "k1",
        ContradictionKind.QUANTITY,
        "cost",
        Severity.HIGH,
        (side(["a", "c"], ["r1", "r2"], 4e9, "$4bn"), side(["d"], ["r3"], 4e6, "$4m")),
    )
    even = Contradiction(
        "k2",
        ContradictionKind.QUANTITY,
        "toll",
        Severity.MEDIUM,
        (side(["a"], ["r1"], 3, "3"), side(["d"], ["r3"], 4, "4")),
    )
    update = Update("u", "evacuated", side(["a"], ["r1"], 1200, "1,200"), side(["d"], ["r3"], 1900, "1,900"))
    story = _story(
        [a, c, d],
        [("r1", ["a"]), ("r2", ["c"]), ("r3", ["d"])],
        contradictions=(lopsided, even),
        updates=(update,),
    )
    b = brief(story, {"a": a, "c": c, "d": d})
    first, second = b.disputes
    assert (
        first.stronger == 0 and [s.support for s in first.sides] == [2, 1] and first.sides[0].label == "$4bn"
    )
    assert second.stronger is None
    assert b.revisions[0].earlier.label == "1,200" and b.revisions[0].later.support == 1
    assert "2 disputes" in b.verdict() and "1 revised figure" in b.verdict()


def test_speakers_grouped_with_descriptions_and_places() -> None:
    a, c = _article("a", [LEAD]), _article("c", [LEAD])
    occ_a, occ_c = Occurrence("a", Span(0, 5)), Occurrence("c", Span(0, 5))
    quotes = (
        StoryQuote("q1", "We will build it", "Ann Brook", None, "the mayor", None, (occ_a, occ_c)),
        StoryQuote("q2", "On time", "Ann Brook", None, "mayor of Harbourton", "Wire", (occ_c,)),
        StoryQuote("q5", "Soon", "Ann Brook", None, "Mayor of  Harbourton", None, (occ_c,)),
        StoryQuote("q3", "Too loud", None, None, None, None, (occ_a,)),
        StoryQuote("q4", "Costs will rise", "Sam Lee", None, None, None, (occ_a,)),
    )
    from corroborator.annotate.pipeline import StoryAnnotations

    story = _story([a, c], [("r1", ["a"]), ("r2", ["c"])], annotations=StoryAnnotations((), (), quotes))
    b = brief(story, {"a": a, "c": c})
    names = [s.name for s in b.speakers]
    assert names == ["Ann Brook", "Sam Lee", None]  # widest reported first, unnamed last
    brook = b.speakers[0]
    assert brook.descriptions == ("the mayor", "mayor of Harbourton")
    assert brook.quotes[0].text == "We will build it" and brook.quotes[0].report_ids == ("r1", "r2")
    assert brook.quotes[1].told_to == "Wire"


def test_key_facts_timeline_and_removed() -> None:
    a = _article(
        "a",
        [LEAD, OTHER[0]],
        removed=(
            Removed("Read More", RemovalReason.NAVIGATION),
            Removed("Share", RemovalReason.SHARE),
            Removed("Next", RemovalReason.NAVIGATION),
        ),
    )
    c = _article("c", [LEAD, OTHER[1]])
    strong = _claim("s", LEAD, [a, c], ["r1", "r2"])
    weak = _claim("w", OTHER[0], [a], ["r1"])
    again = Claim("s2", LEAD, ClaimKind.DATE, ("a",), ("r1",), 1, (_evidence(a, LEAD),))
    event = TimelineEvent("2024-03-01", Precision.DAY, "approved", ("a", "c"), ())
    story = _story([a, c], [("r1", ["a"]), ("r2", ["c"])], claims=(weak, again, strong), timeline=(event,))
    b = brief(story, {"a": a, "c": c})
    assert [k.claim_id for k in b.key_facts] == ["s", "w"]  # best supported first; the same sentence once
    assert b.timeline[0].support == 2
    assert b.removed.counts == (("navigation", 2), ("share", 1)) and b.removed.total == 3


def test_key_facts_of_equal_support_put_what_an_article_says_first_first() -> None:
    a = _article("a", [OTHER[0], OTHER[5]])  # "Engineers said ..." leads, "Cyclists asked ..." follows
    late, lead = _claim("late", OTHER[5], [a], ["r1"]), _claim("lead", OTHER[0], [a], ["r1"])
    story = _story([a], [("r1", ["a"])], claims=(late, lead))
    assert [k.claim_id for k in brief(story, {"a": a}).key_facts] == ["lead", "late"]


# --- real corpora ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def annotator():  # type: ignore[no-untyped-def]
    from corroborator.annotate.pipeline import Annotator

    return Annotator()


def _assert_cited(sources: Path, annotator: object) -> tuple[int, list[int]]:
    result = analyze([sources], annotator=annotator)  # type: ignore[arg-type]
    (story,) = result.stories
    (b,) = briefings(result)
    report_of = story.report_of()
    assert 5 <= len(b.summary) <= 10
    for s in b.summary:
        assert s.article_ids, s.text
        assert s.support == len({report_of[a] for a in s.article_ids}) == len(s.report_ids)
        for e in s.evidence:  # each citation points at the sentence in that article
            body = next(a.body for a in result.articles if a.id == e.article)
            assert body[e.span.start : e.span.end] == e.text
    assert b.report_count == len(story.reports)
    return len(b.summary), [s.support for s in b.summary]


def test_examples_summary_is_cited(annotator: object) -> None:
    _, supports = _assert_cited(REPO / "examples" / "text", annotator)
    assert max(supports) >= 2  # something is carried by more than one independent report


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repo")
def test_seeds_summary_is_cited(annotator: object) -> None:
    _assert_cited(SEEDS, annotator)
