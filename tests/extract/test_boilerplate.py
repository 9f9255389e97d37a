"""Boilerplate signals: line shapes, cue words, repetition across documents, headline lists."""

from __future__ import annotations

import pytest

from corroborator.extract.boilerplate import (
    chrome_reason,
    headline_list_start,
    is_sentence_like,
    norm_line,
    repeated_lines,
    weak_chrome,
)
from corroborator.models import RemovalReason as R


def test_norm_line_ignores_markup_case_punctuation_and_numbers() -> None:
    assert norm_line("**Read More »**") == norm_line("read more")
    assert norm_line("3 articles left this month") == norm_line("12 Articles left this month!")
    assert norm_line("[Subscribe now](https://x.example/s)") == "subscribe now"
    assert norm_line("Share:") == "share"
    assert norm_line("   ") == ""


def test_is_sentence_like() -> None:
    assert is_sentence_like("The bridge reopened on Sunday.")
    assert is_sentence_like("“It is done,” she said.”")
    assert not is_sentence_like("Bridge reopens after repairs")
    assert not is_sentence_like("Loading...")
    assert not is_sentence_like("Yes.")  # too short to be a sentence of a body


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Read More", R.NAVIGATION),
        ("Loading...", R.NAVIGATION),
        ("Back to top button", R.NAVIGATION),
        ("Advertisement", R.NAVIGATION),
        ("Related Articles", R.RELATED),
        ("**Related article:** [Ferry fares to rise in May](#)", R.RELATED),
        ("Read also: Ferry fares to rise in May", R.RELATED),
        ("Share:", R.SHARE),
        ("Share this article", R.SHARE),
        ("Facebook Twitter Email", R.SHARE),
        ("Embed:", R.EMBED),
        ("Monthly subscription", R.PAYWALL),
        ("12.99€/month*", R.PAYWALL),
        ("then $4 per month", R.PAYWALL),
        ("Unlimited access • Archives included", R.PAYWALL),
        ("*Prices exclude VAT, which varies by country.", R.PAYWALL),
        ("To Read the Full Story", R.PAYWALL),
        ("Jane Roe contributed reporting.", R.CONTRIBUTOR),
        ("Additional reporting by Jane Roe; Editing by Tom Poe", R.CONTRIBUTOR),
        ("© 2024 The Valley Courier. All rights reserved.", R.FOOTER),
        ("Original url:", R.FOOTER),
        ("retrieved 20 November 2019", R.FOOTER),
        ("from https://science.example/news/2019-11-tram-line.html", R.FOOTER),
        (
            "This document is subject to copyright. Apart from any fair dealing for the purpose of private "
            "study or research, no part may be reproduced without the written permission. The content is "
            "provided for information purposes only.",
            R.FOOTER,
        ),
        ("Explore further", R.RELATED),
        ("* * *", R.MARKUP),
        ("Get breaking news alerts and special reports, delivered weekday mornings.", R.PROMO),
        ("Let our news meet your inbox. The stories that matter, delivered weekday mornings.", R.PROMO),
        ("Sign up for our daily newsletter", R.PROMO),
    ],
)
def test_chrome_reason_by_cue_words(line: str, reason: R) -> None:
    assert chrome_reason(line) is reason


@pytest.mark.parametrize(
    "line",
    [
        "The company's subscription revenue rose 12 percent to $3 billion in the quarter, it said.",
        "Netflix raised the price of its premium plan to $22.99 per month in the United States on Tuesday.",
        "Share prices fell sharply in Tokyo after the announcement.",
        "Read more about the plan in the council's report, the mayor said at the meeting.",
        "Related talks will continue next week, according to the ministry.",
        "Unlimited possibilities",
        "The Harbour Bridge reopened to traffic on Sunday.",
        "The letters were delivered every morning by the postman.",
        "Residents get updates from the council by text message.",
        "The samples were retrieved 20 metres below the surface in November 2019.",
        "From https://lorvik.example the council streams every meeting.",
        "Reporters had to read the full story of the ferry in the archive.",
    ],
)
def test_chrome_reason_spares_body_text(line: str) -> None:
    assert chrome_reason(line) is None


def test_weak_chrome_is_only_a_hint() -> None:
    assert weak_chrome("FREE") is R.PAYWALL
    assert weak_chrome("Since 2019: 48,000 articles • 200+ notes per week") is R.PAYWALL
    assert weak_chrome("All the latest shipping news, every business day") is R.PROMO
    assert weak_chrome("World | Europe | Markets") is R.NAVIGATION
    assert weak_chrome("The minister resigned on Friday.") is None


def _doc(*lines: str) -> str:
    return "\n\n".join(lines)


def test_repeated_lines_counts_short_chrome_in_unrelated_documents() -> None:
    docs = [
        _doc(
            "Sign up for our newsletter",
            "The port reopened after a strike that lasted nine days, officials said.",
            "Most Read",
            "Most Read",
        ),
        _doc(
            "Sign up for our newsletter",
            "Farmers warned that the dry summer would cut the wheat harvest by half.",
            "Most Read",
        ),
        _doc(
            "Sign up for our newsletter!",
            "A new library opened in the old town hall, the first in forty years.",
            "Most read",
        ),
    ]
    assert repeated_lines(docs, 3) == {"sign up for our newsletter", "most read"}
    assert repeated_lines(docs[:2], 3) == frozenset()  # each document counts once


def test_repeated_lines_never_takes_a_shared_long_sentence() -> None:
    quote = (
        "“We will rebuild the bridge within a year, whatever it costs,” the mayor told reporters outside "
        "the city hall on Monday."
    )
    docs = [
        _doc(
            "Bridge closes after crack found", quote, "The first report was about traffic delays on Route 9."
        ),
        _doc("Mayor vows quick repair", quote, "Our second report looked at the cost to local shops."),
        _doc(
            "City hall under pressure", quote, "A third report covered the ferry services that run instead."
        ),
    ]
    assert norm_line(quote) not in repeated_lines(docs, 2)


def test_repeated_lines_never_takes_a_short_shared_quote() -> None:
    docs = [
        _doc("Singer leaves rehab", "I had fun.", "She left the clinic on Monday, her agent said."),
        _doc("Star speaks out", "I had fun.", "The actress gave her first interview in a year on Sunday."),
        _doc("Comeback tour announced", "I had fun.", "Tickets for the twelve concerts go on sale in May."),
    ]
    assert repeated_lines(docs, 3) == frozenset()


def test_repeated_lines_treats_reprints_of_one_story_as_one_document() -> None:
    wire = [
        "The storm brought down power lines across the northern districts late on Sunday evening.",
        "About 40,000 homes were still without electricity on Monday morning, the utility company said.",
        "Engineers expect to restore power to most customers by Wednesday, a spokeswoman told reporters.",
    ]
    reprint_a = _doc("Storm cuts power", *wire[:2], "Repair crews", wire[2])
    reprint_b = _doc("Thousands without power", *wire[:2], "Repair crews", wire[2], "Read More")
    other = _doc("Election results", "Voters chose a new council on Sunday in a close race.", "Read More")
    assert "repair crews" not in repeated_lines([reprint_a, reprint_b, other], 2)
    assert "read more" in repeated_lines([reprint_a, reprint_b, other], 2)
    # without the reprint relation the shared subhead would count
    assert "repair crews" in repeated_lines(
        [_doc("Repair crews", "One thing."), _doc("Repair crews", "Another thing.")], 2
    )


ARTICLE = [
    "The city of Lorvik will build a second tram line across the river, the council decided on Tuesday.",
    "The new line will link the central station with the hospital and the university campus in the north.",
    "Council members approved the plan by 31 votes to 12 after a debate that lasted most of the day.",
    "Construction of the tram line is due to start next spring and to take about three years.",
    "The council expects the line to carry 40,000 passengers a day once it opens.",
]


def test_headline_list_start_finds_unrelated_teasers_laid_out_as_a_list() -> None:
    teasers = [
        "Fishermen protest new quotas in the northern bays.",
        "A jazz festival returns to the old harbour after a two-year break.",
        "Wheat prices climb as a drought hits southern farms.",
        "Chess prodigy, 12, wins the national championship in Osterby.",
        "Mountain pass reopens after avalanche clearance work.",
    ]
    paragraphs = ARTICLE + teasers
    same_block = [False] * len(ARTICLE) + [False] + [True] * (len(teasers) - 1)
    assert headline_list_start(paragraphs, "Lorvik approves second tram line", same_block) == len(ARTICLE)


def test_headline_list_start_needs_list_evidence_beyond_words() -> None:
    teasers = [
        "Fishermen protest new quotas in the northern bays.",
        "A jazz festival returns to the old harbour after a two-year break.",
        "Wheat prices climb as a drought hits southern farms.",
        "Chess prodigy, 12, wins the national championship in Osterby.",
    ]
    paragraphs = ARTICLE + teasers
    # one sentence per paragraph, nothing around it: could be an article written that way
    assert headline_list_start(paragraphs, "Lorvik approves second tram line") is None
    # the same items right after a cut "Latest news" label are a list
    chrome_before = [False] * len(ARTICLE) + [True] + [False] * (len(teasers) - 1)
    assert headline_list_start(paragraphs, "Lorvik approves second tram line", None, chrome_before) == len(
        ARTICLE
    )


def test_headline_list_start_keeps_short_on_topic_endings() -> None:
    ending = [
        "Opponents of the tram plan said they would appeal.",
        "The council said the line would be funded from the city budget.",
        "Tickets for the new tram line will cost the same as bus tickets.",
        "A public consultation on the tram stops opens in May.",
    ]
    paragraphs = ARTICLE + ending
    same_block = [True] * len(paragraphs)  # even laid out tightly, on-topic items stay
    assert headline_list_start(paragraphs, "Lorvik approves second tram line", same_block) is None


def test_headline_list_start_needs_a_long_run() -> None:
    paragraphs = [
        *ARTICLE,
        "Fishermen protest new quotas in the northern bays.",
        "Chess prodigy wins the title.",
    ]
    assert headline_list_start(paragraphs, "Lorvik approves second tram line") is None
    assert headline_list_start([], None) is None
