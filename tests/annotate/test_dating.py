"""Publication dates inferred from the story (hand-written stories), and the gold readings of the
example corpus and the seeds: figures, periods, timeline dates and publication windows."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from corroborator import analyze
from corroborator.annotate.dating import DatingInput, anchor_of, infer_publication_dates
from corroborator.annotate.quantities import find_quantities
from corroborator.annotate.timex import TimexMatch, find_times
from corroborator.annotate.timex_resolve import attach_periods, resolve
from corroborator.models import Article, Quantity, TimeExpression

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def item(article_id: str, body: str, published: str | None = None) -> DatingInput:
    return DatingInput(article_id, body, published, find_times(body))


def test_absolute_date_and_next_week_in_the_same_article() -> None:
    body = (
        "The prime minister travels to Lakeside next week for talks with her neighbours. "
        "Lakeside is hosting the summit on June 12-13, 2024, with delegations from 40 countries."
    )
    inferred = infer_publication_dates([item("u", body)])
    # the summit's week is 2024-W24 (June 10-16): "next week" was written in the week before
    assert inferred["u"].date == "2024-06-03/2024-06-09"
    assert "'next week' = 2024-W24" in inferred["u"].evidence
    assert "'June 12-13, 2024' in this article" in inferred["u"].evidence


def test_year_of_a_yearless_date_comes_from_the_dated_articles() -> None:
    dated = item("d", "Markets were calm on Friday. Exports fell last month.", "2024-06-01")
    undated = item("u", "The minister flies to Lakeside next week. The summit opens on June 12.")
    inferred = infer_publication_dates([dated, undated])
    assert inferred["u"].date == "2024-06-03/2024-06-09"


def test_a_dated_report_of_the_same_tuesday() -> None:
    dated = item("d", "The foreign minister arrived in Oslo on Tuesday for two days of talks.", "2024-05-14")
    undated = item(
        "u",
        "The foreign minister arrived in Oslo on Tuesday, officials said. "
        "She will meet the king on Thursday.",
    )
    inferred = infer_publication_dates([dated, undated])
    # on or after that Tuesday; a past Tuesday is reported at most a day later
    assert inferred["u"].date == "2024-05-14/2024-05-15"
    assert (
        "'Tuesday' = 2024-05-14, as 'Tuesday' in article d (published 2024-05-14)" in inferred["u"].evidence
    )
    assert anchor_of(inferred["u"]) == dt.date(2024, 5, 15)
    thursday = resolve(undated.times, anchor_of(inferred["u"]), inferred=True)[-1]
    assert (thursday.value, thursday.inferred_anchor) == ("2024-05-16", True)


def test_a_future_weekday_closes_the_window() -> None:
    dated = item(
        "d", "The envoy arrived on Monday. Talks with the premier are scheduled for Wednesday.", "2024-05-13"
    )
    undated = item("u", "The envoy arrived on Monday and will hold talks with the premier on Wednesday.")
    inferred = infer_publication_dates([dated, undated])
    assert inferred["u"].date == "2024-05-13/2024-05-14"


def test_a_copy_of_a_dated_article_takes_its_date() -> None:
    sentences = [
        "The council approved the new harbour budget after a long debate.",
        "Opposition members said the plan ignored the fishing fleet entirely.",
        "The mayor defended the spending as necessary for the port's future.",
        "Work on the northern quay is due to start within the coming months.",
    ]
    dated = item("d", " ".join(sentences), "2024-03-02")
    copy = item("u", " ".join(sentences[:3]) + " Readers can send comments to the editor.")
    inferred = infer_publication_dates([dated, copy])
    assert inferred["u"].date == "2024-03-02"
    assert "article d" in inferred["u"].evidence


def test_no_evidence_no_date() -> None:
    dated = item("d", "The envoy arrived on Monday for talks.", "2024-05-13")
    unrelated = item("u", "A new bakery opened in the old town, selling rye bread and pastries.")
    lonely = item("v", "The minister will visit next week, aides said.")
    assert infer_publication_dates([dated, unrelated, lonely]) == {}
    assert infer_publication_dates([lonely]) == {}


def test_never_published_before_a_year_it_tells_of() -> None:
    """A birth date given without a verb is taken as a day the article knows: "died yesterday" fits
    April 23, 1923, unless the article also tells of a later year in the past tense."""
    body = "The actress died yesterday in Los Angeles. Date of birth: April 22, 1923, in Nashville."
    assert infer_publication_dates([item("u", body)])["u"].date == "1923-04-23"  # the trap, alone
    assert infer_publication_dates([item("u", body + " She left show business in 1957.")]) == {}
    for later in (" Her estate will open a museum in 2030.", " Her estate planned a museum by 2030."):
        # a future year or a target sets no floor: still inferred
        assert infer_publication_dates([item("u", body + later)])["u"].date == "1923-04-23"


def test_a_recounted_date_is_no_anchor() -> None:
    """A past event told with its year ("the crimes he committed on March 11, 2005") is an earlier
    event the article recounts: "today" elsewhere is not that day, though March 11, 2005 was a Friday."""
    body = (
        "A judge sentenced the gunman today to seven life sentences. "
        "He escaped from custody on March 11, 2005, by overpowering a deputy. "
        "On Friday morning the jury had deadlocked."
    )
    assert infer_publication_dates([item("u", body)]) == {}
    born = "The actress died yesterday in Los Angeles. She was born on April 22, 1923, in Nashville."
    assert infer_publication_dates([item("u", born)]) == {}


def test_an_announced_date_is_after_publication() -> None:
    """ "Today it was announced that he will host the show on Sunday, February 22, 2009": written before
    that Sunday, so "today" is not that day, and the weekday written with the date is no evidence."""
    body = (
        "Today it was announced that the actor will host the ceremony, "
        "televised live on Sunday, February 22, 2009."
    )
    assert infer_publication_dates([item("u", body)]) == {}
    # the same date not announced as to come does date "today"
    plain = "Today the actor hosts the ceremony. The broadcast: February 22, 2009, on ABC."
    assert infer_publication_dates([item("u", plain)])["u"].date == "2009-02-22"


def test_dated_articles_get_no_entry() -> None:
    assert infer_publication_dates([item("d", "He arrived on Tuesday.", "2024-05-14")]) == {}


# --- gold readings ---------------------------------------------------------------------------------


def _date_match(got: str, want: str) -> bool:
    if "/" in want or "W" in want:
        return got == want or got.split("/")[0] == want.split("/")[0]
    return got == want or got.startswith(want + "-")


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


@cache
def _story(
    directory: Path,
) -> tuple[dict[str, Article], dict[str, Any], dict[str, tuple[TimeExpression, ...]]]:
    articles = {Path(a.source).name[:3]: a for a in analyze([directory], annotate=False).articles}
    parsed: dict[str, tuple[TimexMatch, ...]] = {}
    for short, a in articles.items():
        found = list(find_times(a.body))
        for k, caption in enumerate(a.captions):
            found += find_times(caption.text, caption=k)
        parsed[short] = tuple(found)
    inferred = infer_publication_dates(
        [DatingInput(s, a.body, a.published, parsed[s]) for s, a in articles.items()]
    )
    times: dict[str, tuple[TimeExpression, ...]] = {}
    for short, a in articles.items():
        guess = inferred.get(short)
        anchor = dt.date.fromisoformat(a.published) if a.published else anchor_of(guess) if guess else None
        times[short] = resolve(parsed[short], anchor, inferred=guess is not None)
    return articles, inferred, times


def _quantities(directory: Path, short: str) -> tuple[Quantity, ...]:
    articles, _, times = _story(directory)
    body = articles[short].body
    return attach_periods(find_quantities(body), [t for t in times[short] if t.caption is None], body)


def _check_gold(directory: Path, gold: dict[str, Any]) -> None:
    _, inferred, times = _story(directory)
    for gq in gold["quantities"]:
        for short in gq["articles"]:
            assert any(
                _close(q.value, gq["value"])
                and q.unit.startswith(gq["unit"].replace("year", "").rstrip("/")[:3])
                and (q.period == str(gq["period"]) if "period" in gq else True)
                for q in _quantities(directory, short)
            ), (short, gq)
    for nq in gold["not_quantities"]:
        for short in nq["articles"]:
            assert nq["text"] not in {q.text for q in _quantities(directory, short)}
    for event in gold["timeline"]:
        want = str(event["date"])
        assert any(
            t.value and _date_match(t.value, want) for short in event["articles"] for t in times[short]
        ), event
    for name, meta in gold["articles"].items():
        window = meta.get("published_window")
        if window:
            guess = inferred[name[:3]]
            first, _, last = guess.date.partition("/")
            assert str(window[0]) <= first <= (last or first) <= str(window[1]), (name, guess)


def test_example_corpus_gold() -> None:
    gold = yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))
    _check_gold(EXAMPLES / "text", gold)


def test_seed_gold(shared_dir: Path) -> None:
    gold = yaml.safe_load((shared_dir / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
    _check_gold(shared_dir / "seeds", gold)

