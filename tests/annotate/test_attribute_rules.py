"""The attribute ruler matched through an index: the very match list spaCy's ``Matcher`` gives."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.annotate import attribute_rules
from corroborator.annotate.nlp import load
from corroborator.config import AnnotateConfig

TEXTS = [
    "I ain't gonna do it, let's go. We gotta wanna leave.  Y'all can't and won't, don't you see?",
    "There is nothin' here. There were 3 of them at 5 o'clock; it's the council's decision.\n\n  Next.",
    "The mayor, who had been re-elected, said she would return on Monday. \"We will,\" he added.",
    "Prices rose 4.5% to $190 billion in 2023 -- analysts' estimates (reported by AFP) were lower.",
]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load(AnnotateConfig())


def test_the_packaged_pipeline_gets_the_indexed_match(nlp: Any) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, attribute_rules.IndexedMatch)


def test_the_same_matches_as_spacy_s_matcher(nlp: Any) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    stock = type(ruler).match  # the class's own method, not the one installed on the instance
    with nlp.select_pipes(disable=["attribute_ruler", "ner"]):
        docs = list(nlp.pipe(TEXTS))
    for doc in docs:
        expected = stock(ruler, doc)
        assert ruler.match(doc) == expected
        assert len(expected) >= len(doc)  # every token gets at least its tag's rule
    numbers = {m[0] for doc in docs for m in ruler.match(doc)}
    assert len(numbers) > 40  # many different rules took part, one- and two-token ones


def test_annotations_are_those_of_the_stock_ruler(nlp: Any) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = [[(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc] for doc in nlp.pipe(TEXTS)]
    installed = ruler.match
    try:
        del ruler.match  # back to the class's own method
        stock = [[(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc] for doc in nlp.pipe(TEXTS)]
    finally:
        ruler.match = installed
    assert indexed == stock


def test_rules_it_does_not_handle_leave_spacy_s_matcher(nlp: Any) -> None:
    strings = nlp.vocab.strings
    plain = [{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}, "index": 0}]
    assert attribute_rules.compile_rules(plain, strings) is not None
    unhandled = (
        {"TAG": "NN", "OP": "+"}, {"SHAPE": "dd"}, {"LOWER": {"FUZZY": "mayor"}}, {"TAG": {"IN": [1]}}
    )
    for token in unhandled:
        rules = [*plain, {"patterns": [[token]], "attrs": {"POS": "X"}, "index": 0}]
        assert attribute_rules.compile_rules(rules, strings) is None


def test_a_pipeline_without_a_ruler_is_left_alone() -> None:
    import spacy

    assert attribute_rules.install(spacy.blank("en")) is False
