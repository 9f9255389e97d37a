"""Quotation marks found in raw text, on hand-written strings (no parse needed)."""

from __future__ import annotations

from corroborator.annotate.quote_marks import RawQuote, inner, is_partial, scan

CUES = frozenset({"said", "says", "told"})


def quoted(text: str) -> list[str]:
    return [text[slice(*inner(text, r))] for r in scan(text)]


def test_straight_double_quotes_pair_and_inner_drops_spaces_and_trailing_comma() -> None:
    text = 'He said "we will win , " and left. "Never," she replied.'
    raws = scan(text)
    assert [(r.open, r.close, r.para, r.closed) for r in raws] == [(8, 23, 0, True), (35, 42, 0, True)]
    assert quoted(text) == ["we will win", "Never"]


def test_curly_quotes_low_quotes_and_guillemets() -> None:
    text = "“Calm down,” he said. „Ja” she wrote, then «Non», and ‘fine’."
    assert quoted(text) == ["Calm down", "Ja", "Non", "fine"]
    assert all(r.closed for r in scan(text))


def test_apostrophes_and_inch_marks_open_nothing() -> None:
    assert scan("Don't touch James' car, it's from the '90s and the players' union's.") == []
    assert scan('A 12" pipe and a stray " mark.') == []


def test_single_quotes_inside_a_double_quote_stay_part_of_it() -> None:
    text = "\"He told me 'no way' yesterday,\" she said, calling it 'absurd'."
    assert quoted(text) == ["He told me 'no way' yesterday", "absurd"]


def test_quote_left_open_runs_to_the_end_of_its_paragraph() -> None:
    first = 'He said: "We will fight on the beaches.'
    text = first + '\n\n"We shall never surrender," he added.'
    opened, closed = scan(text)
    assert opened == RawQuote(first.index('"'), len(first), 0, False)
    assert (closed.para, closed.closed) == (1, True)
    assert text[slice(*inner(text, closed))] == "We shall never surrender"


def test_partial_quote_continues_a_sentence_begun_outside_it() -> None:
    def partial(text: str) -> bool:
        (raw,) = scan(text)
        return is_partial(text, raw, inner(text, raw)[0], 0, CUES)

    assert partial('He had "gladly accepted" the offer.')
    assert partial('He said the plan was "dead in the water".')
    assert partial('He said "gladly" in reply.')  # lower case after a cue: still mid-sentence
    assert not partial('He said "We will win this."')  # a capital right after a cue opens a quote
    assert not partial('He said: "we will win this."')  # after punctuation
    assert not partial('"We will win this," he said.')  # opens its paragraph


def test_an_opening_shaped_mark_after_punctuation_before_a_lower_case_word_closes() -> None:
    text = "“Everyone was respectful, “said the juror. He said, “We are ready.” “A,” he said, “and b.”"
    found = [text[slice(*inner(text, r))] for r in scan(text)]
    assert found == ["Everyone was respectful", "We are ready.", "A", "and b."]
