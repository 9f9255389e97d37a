"""The event a time expression dates, read from the annotation pass's own parse (no second parse)."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.annotate import events
from corroborator.annotate.nlp import load
from corroborator.annotate.pipeline import Annotator
from corroborator.config import AnnotateConfig
from corroborator.corroborate import timeline
from corroborator.models import Article, Quote, Span


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load(AnnotateConfig())


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase))


def _events(nlp: Any, text: str, *phrases: str) -> list[str]:
    doc = nlp(text)
    sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
    return [
        e.text for e in events.find_events(doc, text, [_span(text, p) for p in phrases], sentences, [], [])
    ]


def test_the_clause_of_each_time_expression_in_a_longer_text(nlp: Any) -> None:
    text = (
        "Officials met in the morning.\n\nThe mayor opened the new bridge on Sunday. "
        "Engineers will inspect the old pier next week, the council said."
    )
    opened, inspect = _events(nlp, text, "on Sunday", "next week")
    assert "opened the new bridge" in opened and "Sunday" not in opened
    assert "inspect the old pier" in inspect and "week" not in inspect
    assert "Officials" not in opened  # the sentence, not the whole text


def test_sentences_copied_out_the_slow_documented_way_give_the_same_events(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "The mayor opened the new bridge on Sunday and closed the old one on Monday. "
        "Engineers will inspect the old pier next week, the council said."
    )
    phrases = ("on Sunday", "on Monday", "next week")
    fast = _events(nlp, text, *phrases)
    monkeypatch.setattr(events._WholeParse, "__init__", lambda self, doc: setattr(self, "attrs", None))
    assert _events(nlp, text, *phrases) == fast
    assert "opened the new bridge" in fast[0] and "closed the old one" in fast[1]


def test_he_becomes_the_person_named_before(nlp: Any) -> None:
    text = "Governor Lena Park toured the flooded district. He said nothing. She returned on Friday."
    doc = nlp(text)
    from corroborator.annotate.entities import find_mentions

    mentions = find_mentions(doc)
    sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
    ((event, *_),) = events.find_events(doc, text, [_span(text, "on Friday")], sentences, [], mentions)
    assert event.startswith("Park returned")


@pytest.mark.parametrize(
    ("text", "phrase", "start"),
    [
        # the person named most often is the one the clause names besides: not Nord's visit to himself
        (
            "Ola Nord owns the mill. Nord met the mayor. Nord's lawyer spoke. Per Berg denied the story. "
            "He claims he visited Nord in Lorvik in 2010.",
            "in 2010",
            "Berg visited Nord",
        ),
        # a pronoun in what a named person said is that person
        (
            "Coach Ola Nord lost again. Nord's team is last. Club president Per Berg said he decided on "
            "Saturday to fire Nord.",
            "on Saturday",
            "Berg decided to fire Nord",
        ),
        # or the name set beside that subject
        (
            "Capt. Ola Nord died in the fire. Nord had led the station for years. Nord's colleague, Dr. Jon "
            "Berg, was shaken as he described the fire on Tuesday.",
            "on Tuesday",
            "Berg described the fire",
        ),
        # nor one whose given name takes the other pronoun (a surname given in full only later
        # with a man's name still may be hers: "Page ... She began modeling ... Jack Page")
        (
            "Police said Michael Webb grabbed the girl as she and her mother were walking home on Saturday.",
            "on Saturday",
            "she and her mother were walking",
        ),
        (
            "Robin Page was born in Nashville. Page left school early. She began modeling in 1950. Her "
            "brother Jack Page said she was shy.",
            "in 1950",
            "Page began modeling",
        ),
    ],
)
def test_he_is_the_teller_not_one_his_clause_names(nlp: Any, text: str, phrase: str, start: str) -> None:
    from corroborator.annotate.entities import find_mentions

    doc = nlp(text)
    sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
    ((event, *_),) = events.find_events(doc, text, [_span(text, phrase)], sentences, [], find_mentions(doc))
    assert event.startswith(start)


def test_a_sentence_without_a_verb_gives_the_sentence_without_the_date(nlp: Any) -> None:
    text = "Rescue teams at the collapsed warehouse on Tuesday"
    (event,) = _events(nlp, text, "on Tuesday")
    assert event == "Rescue teams at the collapsed warehouse"


def test_annotated_time_expressions_carry_their_event_and_the_timeline_needs_no_parser(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "The mayor opened the new Harbour Bridge on Sunday. Traffic was light."
    article = Article("a1", "a1.txt", body, published="2024-03-05")
    annotator = Annotator(AnnotateConfig(), nlp=nlp)
    story = annotator.annotate_story([article])
    (time,) = story.articles[0].times
    assert time.value == "2024-03-03" and time.event and "Harbour Bridge" in time.event

    def no_parser(*args: object, **kwargs: object) -> None:
        raise AssertionError("the timeline parsed again")

    monkeypatch.setattr("corroborator.annotate.nlp.load", no_parser)
    (entry,) = timeline.build_timeline([article], story.articles)
    assert entry.event == time.event and entry.date == "2024-03-03"


def test_a_date_on_a_time_noun_dates_the_verb_and_on_an_event_noun_the_noun(nlp: Any) -> None:
    text = (
        "Lena Park will host the festival for a second time next year. "
        "The mayor defended the budget after the March 21 call to the council."
    )
    host, call = _events(nlp, text, "next year", "March 21")
    assert host == "Lena Park will host the festival for a second time"
    assert call == "call to the council"


def test_a_clause_that_says_too_little_gives_the_sentence(nlp: Any) -> None:
    text = "Mat Maid, a farmers' cooperative begun in 1936, tried to help local dairy farmers."
    (event,) = _events(nlp, text, "in 1936")
    assert "cooperative" in event and "farmers" in event  # not just "begun"


def test_he_is_the_surname_not_a_generational_suffix(nlp: Any) -> None:
    from corroborator.annotate.entities import find_mentions

    text = "Officers caught Arcade Joseph Comeaux Jr. in Houston. He first went to prison in February 1979."
    doc = nlp(text)
    sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
    dated = [_span(text, "in February 1979")]
    ((event, *_),) = events.find_events(doc, text, dated, sentences, [], find_mentions(doc))
    assert event.startswith("Comeaux")


@pytest.mark.parametrize(
    ("text", "phrase", "event"),
    [  # a date written as the possessive or compound of a noun is that noun's, even of one word
        ("Harbour's coach Ola Nordmann weighed in on Thursday's fight on Monday, calling it a disgrace.",
         "Thursday's", "fight"),
        ("The Rovers spent Monday trying to distance themselves from Thursday night's fight that led to "
         "two suspensions.", "Thursday night's", "fight that led to two suspensions"),
    ],
)  # fmt: skip
def test_a_possessive_date_dates_its_noun(nlp: Any, text: str, phrase: str, event: str) -> None:
    (found,) = _events(nlp, text, phrase)
    assert found == event


def test_a_date_before_a_noun_it_only_lengthens_or_after_a_bare_verb_dates_the_clause(nlp: Any) -> None:
    text = (
        "He will appear at Taunton Magistrates Court tomorrow morning.\n\n"
        "The premier announced Sunday measures even the IMF has called draconian."
    )
    court, measures = _events(nlp, text, "tomorrow", "Sunday")
    assert "appear at Taunton Magistrates Court" in court
    assert "announced" in measures


def test_a_verb_keeps_the_prefix_its_hyphen_cut_off(nlp: Any) -> None:
    text = "The ferry comes back after Lindqvist rear-ended a tug with it on June 8, the owner said."
    assert "Lindqvist rear-ended a tug" in _events(nlp, text, "on June 8")[0]
    dash = "The crew of six-two women, one man-began the repairs on June 8."
    assert "man-began" not in _events(nlp, dash, "on June 8")[0]


def test_content_words_read_a_hyphenated_compound_as_its_words() -> None:
    assert events.content_words("an eleventh-hour hit-and-run rule") == events.content_words(
        "an eleventh hour hit and run rule"
    )
    assert events.content_words("an argument with her co-workers") == {"argument", "workers"}



def test_a_date_in_a_quotation_dates_the_speakers_clause(nlp: Any) -> None:
    text = '"The transcript of that call was released on September 25," the envoy said.'
    doc = nlp(text)
    sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
    said = "The transcript of that call was released on September 25,"
    quote = Quote(said, _span(text, said))
    (found,) = events.find_events(doc, text, [_span(text, "September 25")], sentences, [quote], [])
    assert (found.text, found.act) == ("The transcript of that call was released", "released")
