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


def test_an_unmarked_paragraph_in_the_first_person_between_two_quotations_is_quoted() -> None:
    """News style opens each paragraph of a long quotation again; a scrape (or a writer) may leave a
    middle paragraph with no mark. Narration between two quotations says no "I" or "we"."""
    text = (
        'He added: "We will stand with the families.\n\n'
        "This is the least we can do.\n\n"
        '"Those responsible will be found."\n\n'
        'The minister said: "The talks are over.\n\n'
        "Police closed the road.\n\n"
        '"Nobody was hurt," she said.'
    )
    assert quoted(text) == [
        "We will stand with the families.",
        "This is the least we can do.",
        "Those responsible will be found.",
        "The talks are over.",
        "Nobody was hurt",
    ]


def test_curly_single_quotes_set_apart_from_their_words_pair_but_spaced_apostrophes_do_not() -> None:
    """Text tokenised for a corpus sets every mark apart: "‘ Please don ’ t let me die! ’". A closing
    mark set apart follows the quotation's end punctuation; a spaced apostrophe follows a letter."""
    text = "She was calling out: ‘ Please don ’ t let me die! ’ and the officers yelled back."
    assert quoted(text) == ["Please don ’ t let me die!"]
    assert quoted("Lohan ’ s lawyer said she ’ d be fine.") == []


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


def test_a_quote_left_open_runs_on_to_a_closing_mark_paragraphs_later() -> None:
    text = (
        "Banners read defiance.\n\n“The murder was the last straw.\n\nBeing young here is a crime.\n\n"
        "They are stealing our dreams,” said one leaflet."
    )
    (raw,) = scan(text)
    assert (raw.para, raw.last_para, raw.closed) == (1, 3, True)
    assert text[slice(*inner(text, raw))].endswith("stealing our dreams")
    spaced = 'She spoke.\n\n"I am so excited.\n\nThe third time is the charm, " she said.'  # tokenised text
    (raw,) = scan(spaced)
    assert (raw.para, raw.last_para) == (1, 2)
    assert text != spaced and spaced[slice(*inner(spaced, raw))].endswith("the charm")


def test_a_run_on_stops_at_quotes_in_between_and_far_away() -> None:
    reopened = '"We will fight.\n\n"We shall never surrender," he added.'
    assert [r.last_para for r in scan(reopened)] == [0, 1]  # news style: each paragraph opens again
    singles = "\"Fox reported the suspect fled.\n\n'We are looking for him,' he said.\n\nMore.\" ends"
    first = scan(singles)[0]
    assert (first.closed, first.last_para) == (False, 0)  # a paragraph quoting in single marks between
    far = '"Open.\n\n' + "A line.\n\n" * 10 + 'Closed," she said.'
    assert scan(far)[0].closed is False
    # a scrape that puts each sentence on a line of its own: six short lines are one quotation
    lines = '"Open.\n\n' + "A line.\n\n" * 5 + 'Closed," she said.'
    assert (scan(lines)[0].closed, scan(lines)[0].last_para) == (True, 6)


def test_single_quotes_inside_a_run_on_quote_are_part_of_it() -> None:
    text = "“He drove off and scolded me.\n\nHe said 'You will be sorry' and I wasn't,” Page said."
    (raw,) = scan(text)
    assert raw.last_para == 1


def test_a_straight_mark_after_nothing_but_spaces_does_not_close_a_run_on() -> None:
    text = '"We will fight on.\n\nThey went home.\n   " and more'
    assert scan(text)[0].closed is False  # the mark follows no word: not a closing one


def test_a_straight_mark_opening_a_paragraph_opens_a_quotation_though_a_space_follows() -> None:
    text = 'The jury heard the tape.\n\n" (Orozco) arranged to have witnesses killed, " Hickok said.'
    (q,) = scan(text)
    assert text[q.open] == '"' and text[q.open + 2] == "(" and q.closed


def test_a_closing_mark_before_who_said_it_opens_where_the_scrape_lost_the_opening_one() -> None:
    text = (
        "A source tells the paper that the two sides will make a deal:\n\n"
        "Ultimately, it will be difficult, and yet everybody will work it out, ” says one.\n\n"
        "Talks went on, ” he said.\n\n"  # too short to tell
        "It was a long day for the team and its coach” and the players."  # no one said it
    )
    assert quoted(text) == ["Ultimately, it will be difficult, and yet everybody will work it out"]
