"""The loaded pipeline: the packaged model with corroborator's tokenizer cases."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.annotate.nlp import load
from corroborator.annotate.quotes import find_quotes
from corroborator.config import AnnotateConfig


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load(AnnotateConfig())


@pytest.mark.parametrize(
    "text",
    [
        "Police say he pointed a gun at Sgt. Ola Nord and Officer Kari Lund before they opened fire.",
        "About 60 people gathered on Harbour Ave. in the old town and threw bottles at police.",
        "The statement was read by Lt. Col. Per Berg of the coast guard on Tuesday.",
    ],
)
def test_an_abbreviated_rank_or_street_ends_no_sentence(nlp: Any, text: str) -> None:
    """The model's tokenizer keeps "Gen." and "Dr." whole but split "Sgt" from its period, and its
    parser then ended the sentence there ("... at Sgt." / "Ola Nord and Officer ...")."""
    assert [s.text for s in nlp(text).sents] == [text]


def test_abbreviated_titles_are_one_token_each(nlp: Any) -> None:
    """Split from its period, "Dist" was no title: the DA's mention was "Atty. Ola Nord"."""
    words = [t.text for t in nlp("Dist. Atty. Ola Nord and Asst. Chief Kari Lund and Dep. Per Berg spoke.")]
    assert {"Dist.", "Atty.", "Asst.", "Dep."} <= set(words)


def test_a_speaker_after_an_abbreviated_rank_is_the_name_alone(nlp: Any) -> None:
    text = '"The claim is false," Cmdr. Ola Nord, a spokesman for the coalition, said on Tuesday.'
    (quote,) = find_quotes(nlp(text), text=text)
    assert quote.speaker == "Ola Nord"


def test_a_paragraph_after_one_that_ends_a_sentence_starts_one(nlp: Any) -> None:
    """The model parsed a paragraph into the last sentence of a quotation before it ('... Bush. ”'),
    so the paragraph's own speaker was lost; a sentence the scrape broke in two stays one."""
    text = (
        "At the time, Obama stated that he opposed the changes with a spokesman stating: “ As president, "
        "Senator Obama will fight to undo this proposal from President Bush. ”\n\n"
        "Darin Schroeder, Vice President for Conservation Advocacy at the environmental organization, "
        "American Bird Conservancy, agreed with Salazar ’ s decision.\n\n"
        "“ We are gratified Secretary Salazar acted to restore the Endangered Species Act to its strength. ”"
    )
    starts = [s.text[:12] for s in nlp(text).sents]
    assert "Darin Schroe" in starts
    quote = next(q for q in find_quotes(nlp(text), text=text) if q.text.startswith("We are"))
    assert quote.speaker == "Darin Schroeder"
    broken = "“We have no idea what caused it,” the Rev.\n\nLarry Kroon of the church said on Saturday."
    (kroon,) = find_quotes(nlp(broken), text=broken)
    assert kroon.speaker == "Larry Kroon"


def test_a_paragraph_that_lost_its_full_stop_ends_its_sentence(nlp: Any) -> None:
    """The parser read "... by the city's own planners" and "The vice president of the union, Ola Nord,
    told ..." as one sentence, whose subject was then no one."""
    text = (
        "Tram workers say they are paying for a crisis that was created by the city's own planners\n\n"
        "The vice president of the tram workers' union, Ola Nord, told Radio Lorvik: \"The cuts take back "
        'everything we won in thirty years."'
    )
    (q,) = find_quotes(nlp(text), text=text)
    assert (q.speaker, q.told_to) == ("Ola Nord", "Radio Lorvik")
