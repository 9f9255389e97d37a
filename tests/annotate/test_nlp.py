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


def test_a_speaker_after_an_abbreviated_rank_is_the_name_alone(nlp: Any) -> None:
    text = '"The claim is false," Cmdr. Ola Nord, a spokesman for the coalition, said on Tuesday.'
    (quote,) = find_quotes(nlp(text), text=text)
    assert quote.speaker == "Ola Nord"
