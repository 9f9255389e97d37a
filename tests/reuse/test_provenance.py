"""Direction of copying and independent reports, on hand-built articles and links."""

from __future__ import annotations

from corroborator.config import ReuseConfig
from corroborator.models import (
    Annotations,
    Article,
    InferredDate,
    Passage,
    ReuseKind,
    ReuseLink,
    Span,
    content_hash,
)
from corroborator.reuse.provenance import (
    StoryCredits,
    agency_name,
    byline_agency,
    credited_agencies,
    independent_reports,
    orient,
    publication_window,
)

BODY = "word " * 80


def art(ident: str, body: str = BODY, **kwargs: str) -> Article:
    return Article(id=ident, source=f"{ident}.txt", body=body, **kwargs)  # type: ignore[arg-type]


def passages(from_end: int, to_end: int) -> tuple[Passage, ...]:
    return (Passage(Span(0, from_end), Span(0, to_end)),)


def test_agency_names_and_bylines() -> None:
    assert agency_name("By AFP") == "AFP"
    assert agency_name("The Associated Press") == "AP"
    assert agency_name("Jane Roe") is None
    assert byline_agency(art("a", byline="Reuters")) == "Reuters"
    # an acronym byline counts when the outlet is an agency or the text credits the acronym
    assert byline_agency(art("b", byline="MPA", outlet="Meridian Press Agency")) == "MPA"
    assert byline_agency(art("c", body="TOWN (KPX) — Something happened.", byline="KPX")) == "KPX"
    assert byline_agency(art("d", body="Something happened.", byline="KPX")) is None


def test_credits_skip_photo_credits() -> None:
    body = (
        '"It is bad," Ann Lee told AFP.\n\n'
        "Residents waited at a shelter. Credit…Jo Bo/Meridian Press Agency\n\n"
        "LONDON (Reuters) — More news."
    )
    assert credited_agencies(art("a", body=body)) == ("AFP", "Reuters")
    assert credited_agencies(art("b", body="Photo: AFP"), ()) == ()
    assert credited_agencies(art("c", body="He told MPA on Monday."), ("MPA",)) == ("MPA",)


def test_story_credits_read_each_article_once_with_the_story_agencies() -> None:
    credits = StoryCredits(("MPA",))
    told = art("c", body="He told MPA on Monday.")
    assert credits(told) == credits(told) == ("MPA",)
    assert credits(art("d", body="He told AFP.")) == ("AFP",)
    assert StoryCredits()(told) == ()
    # orient reads credits through it: the credited article is the closer to the wire
    assert orient(art("n"), told, passages(10, 10), credits=credits)[:2] == ("c", "n")
    assert "credits" not in orient(art("n"), told, passages(10, 10), credits=StoryCredits())[2]


def test_publication_window_prefers_stated_date() -> None:
    notes = Annotations("a", published_inferred=InferredDate("2024-01-01/2024-01-03", "relative dates"))
    assert publication_window(art("a", published="2024-02-02"), notes) == ("2024-02-02", "2024-02-02")
    assert publication_window(art("a"), notes) == ("2024-01-01", "2024-01-03")
    assert publication_window(art("a"), None) is None


def test_orient_by_dates_then_bylines_then_credits_then_containment() -> None:
    early, late = art("e", published="2024-03-01"), art("l", published="2024-03-02", byline="AFP")
    assert orient(late, early, passages(10, 10))[:2] == ("e", "l")
    wire, reprint = art("w", byline="By AFP"), art("r")
    assert orient(reprint, wire, passages(10, 10))[:2] == ("w", "r")
    credited = art("c", body='"Yes," he told AFP.' + BODY)
    assert orient(art("n"), credited, passages(10, 10))[:2] == ("c", "n")
    # containment: the side whose body is mostly covered is the copy
    small, big = art("s", body="y" * 100), art("b", body="y" * 1000)
    from_id, to_id, evidence = orient(big, small, passages(90, 90))
    assert (from_id, to_id) == ("b", "s") and "containment" in evidence
    assert "undetermined" in orient(art("p"), art("q"), passages(10, 10))[2]


def test_overlapping_date_windows_are_not_decisive() -> None:
    wire = art("w", byline="AFP", published="2024-03-02")
    notes = Annotations("r", published_inferred=InferredDate("2024-03-01/2024-03-03", "relative dates"))
    assert orient(art("r"), wire, passages(5, 5), notes, None)[:2] == ("w", "r")


def test_reports_are_components_with_origins() -> None:
    articles = [
        art("wire", byline="AFP", published="2024-01-01"),
        art("reprint"),
        art("rewrite"),
        art("own", outlet="Daily Planet", published="2024-01-02"),
        art("anon", title="A title"),
        art("byl", byline="By Jane Roe"),
    ]
    links = [
        ReuseLink("wire", "reprint", ReuseKind.VERBATIM, 0.8, passages(300, 300)),
        ReuseLink("reprint", "rewrite", ReuseKind.PARAPHRASE, 0.5, passages(10, 10)),
    ]
    reports = independent_reports(articles, links, None)
    assert [(r.article_ids, r.origin) for r in reports] == [
        (("reprint", "rewrite", "wire"), "AFP wire"),
        (("own",), "Daily Planet, own reporting"),
        (("anon",), "own reporting (A title)"),
        (("byl",), "own reporting (Jane Roe)"),
    ]
    assert reports[0].id == content_hash("reprint\nrewrite\nwire")


def test_one_short_shared_passage_is_shown_but_makes_no_report() -> None:
    """A formula every report copies from one release ("charged with vehicular manslaughter,
    criminally negligent homicide, leaving the scene ...") is no shared reporting: one verbatim
    passage under ``report_passage_words`` words links two articles but leaves them two reports;
    two such passages, or one as long, make one."""
    short = (Passage(Span(0, 90), Span(0, 90)),)  # 18 words
    two = (Passage(Span(0, 60), Span(0, 60)), Passage(Span(100, 160), Span(100, 160)))
    articles = [art("a"), art("b"), art("c"), art("d")]
    links = [
        ReuseLink("a", "b", ReuseKind.VERBATIM, 0.2, short),
        ReuseLink("c", "d", ReuseKind.VERBATIM, 0.2, two),
    ]
    reports = independent_reports(articles, links, None)
    assert [r.article_ids for r in reports] == [("a",), ("b",), ("c", "d")]
    longer = ReuseConfig(report_passage_words=10)
    assert len(independent_reports(articles, links, None, longer)) == 2


def test_same_agency_without_shared_reporting_stays_apart() -> None:
    articles = [art("one", byline="AFP"), art("two", byline="AFP")]
    reports = independent_reports(articles, [], None)
    assert len(reports) == 2 and all(r.origin == "AFP wire" for r in reports)


def test_credited_agency_names_a_report_without_agency_byline() -> None:
    articles = [art("a", body='"No," she told Reuters.' + BODY), art("b")]
    links = [ReuseLink("a", "b", ReuseKind.PARAPHRASE, 0.5, passages(10, 10))]
    assert independent_reports(articles, links, None)[0].origin == "Reuters wire"
