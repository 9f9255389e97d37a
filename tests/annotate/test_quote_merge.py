"""Merging a story's quotations across articles, on hand-built Quote records."""

from __future__ import annotations

from corroborator.annotate.quote_merge import merge_quotes, normalise
from corroborator.models import Occurrence, Quote, Span, content_hash


def quote(text: str, speaker: str | None = None, start: int = 0, **kw: str | None) -> Quote:
    return Quote(text, Span(start, start + len(text)), speaker, **kw)  # type: ignore[arg-type]


def test_normalise_folds_marks_case_and_british_spelling() -> None:
    assert normalise("It Comes To “Realise” the Neighbour’s Centre") == normalise(
        'it comes to "realize" the neighbor\'s center'
    )
    assert normalise("travelled, analysed; defence") == "traveled analyzed defense"


def test_spelling_variant_is_one_quotation() -> None:
    merged = merge_quotes(
        [
            (
                "a",
                [quote("it might step up its efforts if it comes to realize that it might lose", "Ann Roe")],
            ),
            (
                "b",
                [quote("it might step up its efforts if it comes to realise that it might lose", "Ann Roe")],
            ),
        ]
    )
    (sq,) = merged
    assert [o.article for o in sq.occurrences] == ["a", "b"]
    assert sq.speaker == "Ann Roe"


def test_quote_marks_and_small_edits_are_one_quotation() -> None:
    merged = merge_quotes(
        [
            ("a", [quote("China’s support for Moscow will be used in talks with the Global South")]),
            ("b", [quote("China's support for Moscow will be used in the talks with the Global South")]),
        ]
    )
    assert len(merged) == 1


def test_contained_parts_join_the_whole_quote() -> None:
    whole = "Prices have doubled since the spring. Nobody expects them to fall before the election."
    merged = merge_quotes(
        [
            (
                "a",
                [
                    quote("Prices have doubled since the spring", "Peter Novak", 10),
                    quote("Nobody expects them to fall before the election.", "Peter Novak", 90),
                ],
            ),
            ("b", [quote(whole, "Novak", 5)]),
        ]
    )
    (sq,) = merged
    assert sq.text == whole
    assert sq.id == content_hash(normalise(whole))
    assert sorted((o.article, o.span.start) for o in sq.occurrences) == [("a", 10), ("a", 90), ("b", 5)]


def test_different_quotes_of_one_speaker_sharing_words_stay_apart() -> None:
    merged = merge_quotes(
        [
            (
                "a",
                [
                    quote(
                        "For political reasons, China can agree to something with a very good price",
                        "Mikhail Orlov",
                    ),
                    quote(
                        "China can not agree to anything at a price that is this good for Russia",
                        "Mikhail Orlov",
                    ),
                    quote("And its construction and launch may take at least 10 years.", "Mikhail Orlov"),
                    quote("its construction may never start at all", "Mikhail Orlov"),
                ],
            ),
        ]
    )
    assert len(merged) == 4


def test_short_fragment_needs_a_compatible_speaker() -> None:
    long = "we agreed there would be no limits on what the two sides could discuss"
    merged = merge_quotes([("a", [quote("no limits", "Ann Roe")]), ("b", [quote(long, "Tom Hale")])])
    assert len(merged) == 2
    merged = merge_quotes([("a", [quote("no limits", None)]), ("b", [quote(long, "Tom Hale")])])
    assert len(merged) == 1


def test_fuzzy_match_never_joins_different_speakers() -> None:
    merged = merge_quotes(
        [
            ("a", [quote("We will pay for every hotel night and every lost shift", "Oskar Vale")]),
            ("b", [quote("We will pay for every hotel night and each lost shift", "Ruth Abel")]),
        ]
    )
    assert len(merged) == 2


def test_speaker_by_majority_and_first_description_and_listener() -> None:
    text = "The harbour will reopen by the end of the month"
    merged = merge_quotes(
        [
            ("a", [quote(text, "Webster")]),
            ("b", [quote(text, "Joseph Webster", description="senior fellow", told_to="AFP")]),
            ("c", [quote(text, "Joseph Webster", description="an analyst")]),
        ]
    )
    (sq,) = merged
    assert sq.speaker == "Joseph Webster"
    assert sq.description == "senior fellow"
    assert sq.told_to == "AFP"
    assert sq.speaker_entity is None


def test_a_named_speaker_outweighs_one_worked_out_from_a_pronoun() -> None:
    text = "I am so excited to be hosting the show for the second time"
    named = Quote(text, Span(0, len(text)), "Ellen DeGeneres")
    guessed = Quote(text, Span(0, len(text)), "Seth MacFarlane", resolved=True)
    (sq,) = merge_quotes([("a", [guessed]), ("b", [named])])
    assert sq.speaker == "Ellen DeGeneres"  # one each, but only one was named at the attribution


def test_resolver_names_speakers_canonically() -> None:
    def resolve(article: str, surface: str) -> tuple[str, str] | None:
        return ("Joseph Webster", "e1") if surface.endswith("Webster") else None

    text = "The harbour will reopen by the end of the month"
    (sq,) = merge_quotes([("a", [quote(text, "Webster")]), ("b", [quote(text, "Mr. Webster")])], resolve)
    assert (sq.speaker, sq.speaker_entity) == ("Joseph Webster", "e1")


def test_unspoken_quote_keeps_no_speaker_and_caption() -> None:
    q = Quote("build back stronger together", Span(3, 31), caption=1)
    (sq,) = merge_quotes([("a", [q])])
    assert sq.speaker is None
    assert sq.occurrences == (Occurrence("a", Span(3, 31), 1),)


def test_empty_story() -> None:
    assert merge_quotes([]) == ()
    assert merge_quotes([("a", [])]) == ()


def test_a_fragment_in_two_quotations_does_not_make_them_one() -> None:
    feig = "We love the New Moon books and we are thrilled to announce our director for the film today."
    weitz = "I am honored to have been entrusted with shepherding New Moon from the page to the screen."
    merged = merge_quotes(
        [
            ("a", [quote(feig, "Erik Feig"), quote(weitz, "Chris Weitz", start=200)]),
            ("b", [quote("New Moon"), quote(weitz, "Chris Weitz", start=50)]),
        ]
    )
    speakers = {sq.text: (sq.speaker, len(sq.occurrences)) for sq in merged}
    assert speakers == {feig: ("Erik Feig", 1), weitz: ("Chris Weitz", 2), "New Moon": (None, 1)}
    (alone,) = merge_quotes([("a", [quote(feig, "Erik Feig")]), ("b", [quote("New Moon")])])
    assert len(alone.occurrences) == 2  # a fragment of one quotation still joins it


def test_two_wordings_of_one_statement_are_two_records_of_one_speaker() -> None:
    told = "Ferry travel, and especially crossing to the islands, needs an entire fleet to do what is needed"
    other = "Ferry travel and, especially, crossing to the islands needs an entire fleet of operators"
    chief = "chief executive of Lorvik Ferries"
    merged = merge_quotes(
        [
            ("a", [quote(told, "Ann Roe", description=chief, told_to="Radio Lorvik")]),
            ("b", [quote(told, "Ann Roe")]),
            ("c", [quote(other)]),  # this report names no speaker
        ]
    )
    assert sorted(sq.text for sq in merged) == sorted([told, other])
    second = next(sq for sq in merged if sq.text == other)
    assert [o.article for o in second.occurrences] == ["c"]
    # who she is comes from the reports naming her; "told Radio Lorvik" is another report's
    assert (second.speaker, second.description, second.told_to) == ("Ann Roe", chief, None)
