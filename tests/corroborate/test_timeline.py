"""The story timeline on hand-written mini-stories (spaCy's packaged English pipeline parses them)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from corroborator import analyze
from corroborator.annotate.nlp import load
from corroborator.annotate.timex import sentence_spans
from corroborator.config import AnnotateConfig
from corroborator.corroborate.timeline import build_timeline, content_words, interval
from corroborator.models import (
    Annotations,
    Article,
    Caption,
    Precision,
    Quote,
    Span,
    TimeExpression,
)

Time = tuple[str, str | None, Precision | None]  # phrase, value, precision


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load(AnnotateConfig())


def _span(text: str, phrase: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase))


def article(
    article_id: str,
    body: str,
    times: list[Time],
    captions: list[tuple[str, list[Time]]] | None = None,
    published: str = "2024-03-05",
    quoted: list[str] | None = None,
) -> tuple[Article, Annotations]:
    """An article and its annotations, with time expressions placed by their phrase."""
    found = [
        TimeExpression(phrase, _span(body, phrase), value, precision, relative=True)
        for phrase, value, precision in times
    ]
    for k, (text, caption_times) in enumerate(captions or []):
        found += [
            TimeExpression(phrase, _span(text, phrase), value, precision, caption=k)
            for phrase, value, precision in caption_times
        ]
    quotes = tuple(Quote(q, _span(body, q)) for q in quoted or [])
    art = Article(
        article_id,
        f"{article_id}.txt",
        body,
        published=published,
        captions=tuple(Caption(text) for text, _ in captions or []),
    )
    return art, Annotations(article_id, sentence_spans(body), quotes=quotes, times=tuple(found))


def timeline(nlp: Any, *pairs: tuple[Article, Annotations]) -> Any:
    return build_timeline([a for a, _ in pairs], [n for _, n in pairs], nlp)


DAY = Precision.DAY
MONTH = Precision.MONTH


def test_the_same_event_in_two_articles_is_one_entry(nlp: Any) -> None:
    sunday: list[Time] = [("Sunday", "2024-03-03", DAY)]
    a = article("a", "Mayor Ann Brook opened the new Harbour Bridge on Sunday.", sunday)
    b = article(
        "b",
        "Crowds cheered. Mayor Ann Brook opened the rebuilt Harbour Bridge to traffic on Sunday.",
        [("Sunday", "2024-03-03", DAY)],
    )
    events = timeline(nlp, a, b)
    assert len(events) == 1
    event = events[0]
    assert event.date == "2024-03-03" and event.precision is DAY
    assert event.article_ids == ("a", "b")
    assert [e.article for e in event.evidence] == ["a", "b"]
    assert event.evidence[1].text == "Mayor Ann Brook opened the rebuilt Harbour Bridge to traffic on Sunday."
    assert "Harbour Bridge" in event.event and "Sunday" not in event.event


def test_the_finer_date_wins_when_one_contains_the_other(nlp: Any) -> None:
    a = article(
        "a",
        "The council approved the harbour dredging contract in March.",
        [("March", "2024-03", MONTH)],
        published="2024-04-02",
    )
    b = article(
        "b",
        "The council approved the harbour dredging contract on March 3.",
        [("March 3", "2024-03-03", DAY)],
    )
    events = timeline(nlp, a, b)
    assert [(e.date, e.precision, e.article_ids) for e in events] == [("2024-03-03", DAY, ("a", "b"))]


def test_incompatible_dates_stay_apart_even_with_the_same_words(nlp: Any) -> None:
    text = "The council approved the harbour dredging contract in March."
    a = article("a", text, [("March", "2024-03", MONTH)])
    b = article("b", text, [("March", "2023-03", MONTH)])
    assert [e.date for e in timeline(nlp, a, b)] == ["2023-03", "2024-03"]


def test_different_events_on_the_same_date_stay_apart(nlp: Any) -> None:
    a = article(
        "a",
        "Mayor Ann Brook reopened the Harbour Bridge to cars, buses and cyclists on Sunday. "
        "Mayor Ann Brook marched across the Harbour Bridge with striking nurses on Sunday.",
        [("Sunday", "2024-03-03", DAY), ("Sunday", "2024-03-03", DAY)],
    )
    # the second "Sunday" is the second occurrence in the body
    art, ann = a
    second = ann.times[1]
    ann = Annotations(
        ann.article_id,
        ann.sentences,
        times=(ann.times[0], TimeExpression(second.text, _span(art.body, "Sunday", 1), second.value, DAY)),
    )
    b = article(
        "b", "Ann Brook, the mayor, marched with striking nurses on Sunday.", [("Sunday", "2024-03-03", DAY)]
    )
    events = timeline(nlp, (art, ann), b)
    assert len(events) == 2
    by_text = {("marched" in e.event): e for e in events}
    assert by_text[True].article_ids == ("a", "b")
    assert by_text[False].article_ids == ("a",) and "reopened" in by_text[False].event


def test_captions_date_events_with_caption_evidence(nlp: Any) -> None:
    caption = "Workers repaint the Harbour Bridge railings on February 12, 2024."
    a = article(
        "a",
        "Engineers replaced the cables of the Harbour Bridge.",
        [],
        captions=[(caption, [("February 12, 2024", "2024-02-12", DAY)])],
    )
    events = timeline(nlp, a)
    assert len(events) == 1
    evidence = events[0].evidence[0]
    assert evidence.caption == 0 and evidence.text == caption
    assert caption[evidence.span.start : evidence.span.end] == caption
    assert "repaint" in events[0].event


def test_unresolved_deadlines_quoted_and_current_year_expressions_are_skipped(nlp: Any) -> None:
    body = (
        "The ferry service resumed on Tuesday. "
        "The operator promised a new terminal by 2029. "
        "Ticket sales have doubled this year. "
        '"Nothing will change today," the operator said. '
        "The old pier closed on Friday."
    )
    a = article(
        "a",
        body,
        [
            ("Tuesday", "2024-03-05", DAY),
            ("2029", "2029", Precision.YEAR),
            ("this year", "2024", Precision.YEAR),
            ("today", "2024-03-05", DAY),
            ("Friday", None, None),
        ],
        quoted=["Nothing will change today,"],
    )
    events = timeline(nlp, a)
    assert [(e.date, e.event) for e in events] == [("2024-03-05", "The ferry service resumed")]


def test_a_calendar_day_in_a_speakers_words_dates_what_they_tell(nlp: Any) -> None:
    body = (
        '"The ferry was sold on February 12, and it was a shock," the mayor said. '
        '"In 2019, we had four ferries," she added.'
    )
    a = article(
        "a",
        body,
        [("February 12", "2024-02-12", DAY), ("2019", "2019", Precision.YEAR)],
        quoted=["The ferry was sold on February 12, and it was a shock,", "In 2019, we had four ferries,"],
    )
    events = timeline(nlp, a)
    assert [(e.date, e.event) for e in events] == [("2024-02-12", "The ferry was sold")]


def test_datelines_and_time_stamps_date_no_event(nlp: Any) -> None:
    body = "HARBOURTON, March 4 -\n\nThe ferry service resumed on Tuesday.\n\non Mar 5 2024, 5:55p"
    a = article(
        "a",
        body,
        [("March 4", "2024-03-04", DAY), ("Tuesday", "2024-03-05", DAY), ("Mar 5 2024", "2024-03-05", DAY)],
    )
    events = timeline(nlp, a)
    assert [(e.date, e.event) for e in events] == [("2024-03-05", "The ferry service resumed")]


def test_stamps_of_a_page_and_a_citation_date_no_event(nlp: Any) -> None:
    body = (
        "Updated on: March 5, 2024 / 10:07 AM / Lorvik News\n\n"
        "The ferry service resumed on Tuesday.\n\n"
        "Ferry study (2024, March 4) retrieved 5 March 2024 from https://lorvik.example/ferry"
    )
    a = article(
        "a",
        body,
        [
            ("March 5, 2024", "2024-03-05", DAY),
            ("Tuesday", "2024-03-05", DAY),
            ("5 March 2024", "2024-03-05", DAY),
        ],
    )
    events = timeline(nlp, a)
    assert [(e.date, e.event) for e in events] == [("2024-03-05", "The ferry service resumed")]


def test_entries_come_in_date_order(nlp: Any) -> None:
    body = (
        "Residents protested outside the plant on Monday. "
        "The plant first opened in 1987. "
        "The regulator inspected the plant last month."
    )
    a = article(
        "a",
        body,
        [("Monday", "2024-03-04", DAY), ("1987", "1987", Precision.YEAR), ("last month", "2024-02", MONTH)],
    )
    events = timeline(nlp, a)
    assert [e.date for e in events] == ["1987", "2024-02", "2024-03-04"]
    assert [e.precision for e in events] == [Precision.YEAR, MONTH, DAY]
    assert events[1].event == "The regulator inspected the plant"


def test_a_coarse_mention_joins_the_matching_finer_event(nlp: Any) -> None:
    a = article(
        "a",
        "Prime Minister Lena Holt arrives in Oslo next week for trade talks.",
        [("next week", "2024-W11", Precision.WEEK)],
    )
    b = article(
        "b",
        "Prime Minister Lena Holt arrived in Oslo on Tuesday for trade talks.",
        [("Tuesday", "2024-03-12", DAY)],
        published="2024-03-12",
    )
    events = timeline(nlp, a, b)
    assert [(e.date, e.article_ids) for e in events] == [("2024-03-12", ("a", "b"))]
    assert events[0].event.startswith("Prime Minister Lena Holt arrived in Oslo")


def test_interval_of_each_precision() -> None:
    assert interval("2023-10-17") == (date(2023, 10, 17), date(2023, 10, 17))
    assert interval("2023-W42") == (date(2023, 10, 16), date(2023, 10, 22))
    assert interval("2023-12") == (date(2023, 12, 1), date(2023, 12, 31))
    assert interval("2023") == (date(2023, 1, 1), date(2023, 12, 31))
    assert interval("2023-03/2023-05") == (date(2023, 3, 1), date(2023, 5, 31))
    assert interval("2023-10-17/2023-10-18") == (date(2023, 10, 17), date(2023, 10, 18))
    assert interval("2023-02-30") is None


def test_content_words_drop_stop_words_and_possessives() -> None:
    assert content_words("Mr. Putin's trip to the Beijing forum") == {"putin", "trip", "beijing", "forum"}


def test_a_name_counts_once_in_content_words() -> None:
    assert content_words("Mayor Ann Brook lost the vote") == {"brook", "lost", "vote"}
    # by its surname, not by a generational suffix after it
    assert content_words("the escape of Arcade Joseph Comeaux Jr.") == {"escape", "comeaux"}


def test_one_event_told_with_other_forms_of_its_words_is_one_entry(nlp: Any) -> None:
    monday: list[Time] = [("on Monday", "2009-11-30", DAY)]
    a = article("a", "Arcade Joseph Comeaux Jr. escaped on Monday.", monday)
    escape = "Police searched Baytown after the escape of Arcade Joseph Comeaux Jr. on Monday."
    b = article("b", escape, monday)
    (event,) = timeline(nlp, a, b)
    assert event.article_ids == ("a", "b")


REPO = Path(__file__).resolve().parents[2]
CORPORA = {
    "examples": (REPO / "examples" / "text", REPO / "examples" / "expected.yaml"),
    "seeds": (REPO.parent / "shared" / "seeds", REPO.parent / "shared" / "gold" / "seeds.yaml"),
}


def _date_match(got: str, want: str) -> bool:
    """As the official scorer: a finer date inside the gold one matches; ranges by their start."""
    if "/" in want or "W" in want:
        return got == want or got.split("/")[0] == want.split("/")[0]
    return got == want or got.startswith(want + "-")


@pytest.mark.slow
@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_gold_timeline_events_are_found(corpus: str, nlp: Any) -> None:
    sources, gold_file = CORPORA[corpus]
    if not sources.is_dir() or not gold_file.is_file():
        pytest.skip(f"{sources} is absent")
    analysis = analyze([sources])
    articles = {a.id: a for a in analysis.articles}
    short = {a.id: Path(a.source).name[:3] for a in analysis.articles}
    found, gold = 0, yaml.safe_load(gold_file.read_text(encoding="utf-8"))["timeline"]
    events = []
    for story in analysis.stories:
        assert story.annotations is not None
        events += build_timeline([articles[i] for i in story.article_ids], story.annotations.articles, nlp)
    for want in gold:
        words = set(re.findall(r"\w+", want["event"].lower())) - {"a", "the", "of", "to", "in", "at", "and"}
        found += any(
            _date_match(e.date, str(want["date"]))
            and {short[i] for i in e.article_ids} & set(want["articles"])
            and words & set(re.findall(r"\w+", " ".join([e.event, *(x.text for x in e.evidence)]).lower()))
            for e in events
        )
    assert found / len(gold) >= 0.9
    assert len(events) <= 3 * len(gold)  # readable: about one entry per real event, not one per mention


def _naive_merge(entries: list[Any]) -> list[list[Any]]:
    """The grouping rule compared member by member, for checking the merge that compares each
    distinct word set once."""
    from corroborator.corroborate.timeline import _similarity

    groups: list[list[Any]] = []
    for entry in sorted(entries, key=lambda e: (e.end - e.start, e.start)):
        best, best_score = None, 0.0
        for group in groups:
            head = group[0]
            if entry.start <= head.start and head.end <= entry.end:
                same = (entry.start, entry.end) == (head.start, head.end)
                for member in group:
                    score = _similarity(entry.words, member.words, same)
                    if score > best_score:
                        best, best_score = group, score
        if best is None:
            groups.append([entry])
        else:
            best.append(entry)
    return groups


def test_merging_compares_repeated_clauses_once_and_groups_as_member_by_member() -> None:
    import random

    from corroborator.corroborate.timeline import _Entry, _merge
    from corroborator.models import Evidence, Precision, Span

    rng = random.Random(5)
    vocabulary = ["troops", "border", "talks", "summit", "trade", "pledge", "truce", "minister", "visit"]
    days = [(date(2023, 10, d), date(2023, 10, d)) for d in (16, 17, 18)] + [
        (date(2023, 10, 1), date(2023, 10, 31)),
        (date(2023, 10, 16), date(2023, 10, 22)),
    ]
    clauses = [frozenset(rng.sample(vocabulary, rng.randint(2, 5))) for _ in range(12)]
    entries = []
    for k in range(300):  # reprints repeat a few clauses word for word, on a few dates
        start, end = rng.choice(days)
        words = rng.choice(clauses)
        evidence = Evidence(f"a{k}", Span(0, 10), "text")
        entries.append(_Entry(start, end, str(start), Precision.DAY, " ".join(sorted(words)), words, f"a{k}",
                              evidence))
    expected = [[e.article_id for e in g] for g in _naive_merge(entries)]
    assert [[e.article_id for e in g] for g in _merge(entries)] == expected
    assert 1 < len(expected) < len(entries)
