"""The annotation stage as a whole: one spaCy pass per text, cached by article hash in the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corroborator.annotate.nlp import load
from corroborator.annotate.pipeline import Annotator
from corroborator.config import AnnotateConfig
from corroborator.models import Article, Caption
from corroborator.store import Store

BODY_A = (
    "The Harbour Bridge reopened on Sunday after repairs that cost $12 million, officials said.\n\n"
    '"We promised the bridge would be back before spring," Mayor Ann Brook told The Daily Example.\n\n'
    "Brook said 40,000 vehicles cross the bridge every day."
)
BODY_B = (
    "Mayor Ann Brook reopened the bridge on Sunday.\n\n"
    '"It is back before spring," Ms. Brook said, adding that the repairs had cost $12 million last year.'
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load(AnnotateConfig())


class CountingNlp:
    """Wraps a spaCy pipeline and counts the texts it is asked to parse."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.texts = nlp, 0

    def pipe(self, texts: Any, **kwargs: Any) -> Iterator[Any]:
        for doc in self.nlp.pipe(texts, **kwargs):
            self.texts += 1
            yield doc


def articles() -> list[Article]:
    return [
        Article(
            id="a" * 16,
            source="a.txt",
            body=BODY_A,
            published="2024-03-04",
            captions=(Caption("Mayor Ann Brook on the bridge in 2023.", "Jo Lee/MPA"),),
        ),
        Article(id="b" * 16, source="b.txt", body=BODY_B),
    ]


def test_story_annotations_link_articles(nlp: Any) -> None:
    story = Annotator(nlp=nlp).annotate_story(articles())
    assert [a.article_id for a in story.articles] == ["a" * 16, "b" * 16]
    brook = [e for e in story.entities if e.name == "Ann Brook"]
    assert len(brook) == 1 and {"a" * 16, "b" * 16} <= {m[0] for m in brook[0].mentions}
    a = story.of("a" * 16)
    assert any(q.value == 12_000_000 and q.unit == "USD" for q in a.quantities)
    assert any(t.caption == 0 for t in a.times)  # captions are annotated too
    for q in a.quotes:
        assert BODY_A[q.span.start : q.span.end] == q.text
    assert any(q.speaker == "Ann Brook" for q in story.quotes)


def test_article_pass_is_cached_in_the_store(nlp: Any, tmp_path: Path) -> None:
    counting = CountingNlp(nlp)
    annotator = Annotator(nlp=counting)  # type: ignore[arg-type]
    with Store.open(tmp_path / "s.db") as store:
        from corroborator.api import EXTRACTOR_VERSION

        store.add_many(articles(), extractor_version=EXTRACTOR_VERSION)
        first = annotator.annotate_story(articles(), store)
        parsed = counting.texts
        assert parsed == 3  # two bodies and one caption
        second = annotator.annotate_story(articles(), store)
        assert counting.texts == parsed  # nothing parsed again
        assert second == first


def test_an_article_in_a_language_the_model_does_not_read_is_not_annotated(nlp: Any) -> None:
    counting = CountingNlp(nlp)
    portuguese = Article(
        id="c" * 16,
        source="c.txt",
        body="A ponte Harbour reabriu no domingo, disse a prefeita Ann Brook. Custou 12 milhões de dólares.",
        language="pt",
    )
    story = Annotator(nlp=counting).annotate_story([*articles(), portuguese])  # type: ignore[arg-type]
    assert counting.texts == 3  # the English bodies and caption only
    unread = story.of("c" * 16)
    assert (unread.sentences, unread.times, unread.quotes, unread.quantities, unread.mentions) == ((),) * 5
    assert [e.name for e in story.entities if e.name == "Ann Brook"]  # the others as before
    widened = Annotator(AnnotateConfig(languages=("en", "pt")), nlp=counting)  # type: ignore[arg-type]
    assert widened.annotate_story([portuguese]).of("c" * 16).sentences


def test_a_yearless_day_takes_the_year_the_story_writes_with_it(nlp: Any) -> None:
    def article(key: str, body: str, published: str) -> Article:
        return Article(id=key * 16, source=f"{key}.txt", body=body, published=published)

    story = Annotator(nlp=nlp).annotate_story([
        article("a", "The ferry Halvard sank on June 24, 2005, off the cape.", "2005-06-25"),
        article("b", "Divers reached the Halvard, which sank on June 24, 2005.", "2005-06-28"),
        article("c", "The ferry sank on June 24. Its owner was convicted today.", "2007-05-02"),
    ])  # fmt: skip
    (sank,) = [t for t in story.of("c" * 16).times if t.text == "June 24"]
    assert sank.value == "2005-06-24"  # not the June 24 before May 2007


def test_a_weekday_of_what_is_scheduled_in_the_simple_present_looks_ahead(nlp: Any) -> None:
    body = (
        "Lorvik Ferries reports earnings Wednesday. The Harbour Show opens to the public on Friday. "
        "Now consider what we know about the mayor's visit to the pier on Saturday. "
        "Teachers didn't see the mayor at the town hall on Thursday."
    )
    article = Article(id="a" * 16, source="a.txt", body=body, published="2019-11-19")  # a Tuesday
    times = {t.text: t.value for t in Annotator(nlp=nlp).annotate_story([article]).of("a" * 16).times}
    assert times["Wednesday"] == "2019-11-20" and times["Friday"] == "2019-11-22"
    assert times["Saturday"] == "2019-11-16"  # dates the visit, which "we know" does not schedule
    assert times["Thursday"] == "2019-11-14"


def test_no_sentence_runs_across_a_paragraph_break(nlp: Any) -> None:
    """The parser reads a paragraph without a closing full stop (a plain subhead, "according to a
    local radio station") into the next paragraph's first sentence; the sentences are cut there."""
    body = (
        "Police stopped the march on Saturday, according to a local radio station\n\n"
        "Residents said that officers searched buildings without warrants.\n\n"
        "What happens next\n\n"
        "The council will meet on Monday."
    )
    article = Article(id="c" * 16, source="c.txt", body=body)
    found = Annotator(nlp=nlp).annotate_story([article]).of(article.id)
    assert [body[s.start : s.end] for s in found.sentences] == body.split("\n\n")


def test_a_listener_is_named_as_the_article_s_own_outlet_names_itself(nlp: Any) -> None:
    body = '"The bridge is back," Mayor Ann Brook told the Example.'
    own = Article(id="c" * 16, source="c.txt", body=body, outlet="The Daily Example")
    courier = body.replace("Example", "Courier")
    other = Article(id="d" * 16, source="d.txt", body=courier, outlet="Lorvik Post")
    story = Annotator(nlp=nlp).annotate_story([own, other])
    assert [q.told_to for q in story.of("c" * 16).quotes] == ["The Daily Example"]
    assert [q.told_to for q in story.of("d" * 16).quotes] == ["Courier"]  # another outlet, as written
    assert [q.told_to for q in story.quotes] == ["The Daily Example"]  # one quotation, first listener


def test_a_listener_named_by_its_last_word_is_the_one_told_before_in_full(nlp: Any) -> None:
    body = (
        '"The officers came out of the car so fast," Ann Brook told the Harbour Courier.\n\n'
        'Police sources also told the Courier that "he had four prior arrests."'
    )
    article = Article(id="e" * 16, source="e.txt", body=body, outlet="Lorvik Post")
    story = Annotator(nlp=nlp).annotate_story([article])
    assert [q.told_to for q in story.of("e" * 16).quotes] == ["Harbour Courier", "Harbour Courier"]
