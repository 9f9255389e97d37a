"""The scraped-text cleaner on hand-written snippets: one test per kind of debris."""

from __future__ import annotations

import pytest

from corroborator.config import ExtractConfig
from corroborator.extract.boilerplate import norm_line
from corroborator.extract.parts import ExtractedParts
from corroborator.extract.text import clean_text
from corroborator.models import Caption
from corroborator.models import RemovalReason as R

P1 = "The city of Lorvik will build a second tram line across the river, the council decided on Tuesday."
P2 = "The new line will link the central station with the hospital and the university campus in the north."
P3 = "Council members approved the plan by 31 votes to 12 after a debate that lasted most of the day."
P4 = (
    "Construction of the tram line is due to start next spring and to take about three years, officials said."
)


def clean(*blocks: str, repeated: frozenset[str] = frozenset()) -> ExtractedParts:
    return clean_text("\n\n".join(blocks), config=ExtractConfig(), repeated=repeated)


def removed(parts: ExtractedParts) -> list[tuple[str, R]]:
    return [(r.text, r.reason) for r in parts.removed]


def test_plain_article_keeps_paragraphs_and_title() -> None:
    parts = clean("Lorvik Approves Second Tram Line", P1, P2, P3)
    assert parts.title == "Lorvik Approves Second Tram Line"
    assert parts.body == "\n\n".join([P1, P2, P3])
    assert removed(parts) == [("Lorvik Approves Second Tram Line", R.TITLE)]
    assert (parts.byline, parts.published, parts.url, parts.outlet) == (None, None, None, None)


def test_no_title_when_the_first_line_is_a_sentence() -> None:
    parts = clean(P1, P2, P3)
    assert parts.title is None
    assert parts.body.startswith(P1)


def test_markdown_is_undone() -> None:
    parts = clean(
        "# Lorvik *Approves* Second Tram Line",
        "The line will cost \\$420 million, says [the council](https://c.example/x) in a **new** report.",
        "## Route and stops",
        P2,
        "![tram at night](https://c.example/t.jpg)",
        "> “It is a _historic_ day,” the mayor said of the `plan`.",
    )
    assert parts.title == "Lorvik Approves Second Tram Line"
    assert parts.body.split("\n\n") == [
        "The line will cost $420 million, says the council in a new report.",
        "Route and stops",
        P2,
        "“It is a historic day,” the mayor said of the plan.",
    ]
    assert ("tram at night", R.IMAGE_ALT) in removed(parts)


def test_links_glued_to_each_other_stay_apart_words() -> None:
    line = "The plan was backed by [Ola Nord](/people/nord)[Kari Lund](/k) and by [the council](/c)s members."
    parts = clean("Tram Line Approved", line, P2)
    first = parts.body.split("\n\n")[0]
    assert first == "The plan was backed by Ola Nord Kari Lund and by the council s members."


def test_a_hover_card_inside_a_sentence_goes() -> None:
    """A picture glued to a name's link, then the name again, headlines about it and "MORE": a
    card the page shows on hovering the name, not words of the sentence (nor link text making the
    paragraph a menu)."""
    line = (
        "The plan was backed by Mayor [Ola Nord](/people/ola-nord)![](/img/nord.jpg)"
        "[Ola Nord](/people/ola-nord)[Nord says the bridge must wait | Tram fares to rise](/news/bridge) "
        "[Tram line approved by the council](/news/tram) [MORE](/people/ola-nord) (Labour), the council said."
    )
    parts = clean("Tram Line Approved", line, P2)
    assert parts.body.split("\n\n")[0] == "The plan was backed by Mayor Ola Nord (Labour), the council said."


def test_whitespace_is_normalised_and_characters_kept() -> None:
    parts = clean("Tram\u00a0line  approved\r\n", "“Yes”  — the mayor\u200b said it   twice, on Tuesday.\r\n")
    assert parts.body == "“Yes” — the mayor said it twice, on Tuesday."


def test_broken_paragraphs_are_rejoined() -> None:
    parts = clean(
        "Lorvik Approves Second Tram Line",
        "The city of Lorvik will build a second tram line across the river, linking the",
        "central station with the hospital, the council decided on Tuesday.",
        "“We have waited for this line for twenty years,” said Ana Berg, a member of the Lorvik",
        "Residents Association, after the vote.",
        P3,
    )
    assert parts.body.split("\n\n") == [
        "The city of Lorvik will build a second tram line across the river, linking the central station with "
        "the hospital, the council decided on Tuesday.",
        "“We have waited for this line for twenty years,” said Ana Berg, a member of the Lorvik Residents "
        "Association, after the vote.",
        P3,
    ]


def test_a_paragraph_that_lost_its_full_stop_is_not_joined_to_the_next_sentence() -> None:
    """A capitalised article or pronoun opening the next paragraph starts a sentence, unless the
    paragraph before ends on a word no sentence ends on ("according to" / "The Lorvik Herald")."""
    parts = clean(
        "Lorvik Tram Workers Strike",
        "Tram workers say they are paying for a crisis that was created by the city's own planners",
        "The deputy head of the tram workers' union, Ola Nord, told Radio Lorvik the strike would go on.",
        "The strike is the longest in the history of the city, lasting twelve days so far, according to",
        "The Lorvik Herald, which first reported the walk-out on its front page.",
    )
    assert parts.body.split("\n\n") == [
        "Tram workers say they are paying for a crisis that was created by the city's own planners",
        "The deputy head of the tram workers' union, Ola Nord, told Radio Lorvik the strike would go on.",
        "The strike is the longest in the history of the city, lasting twelve days so far, according to The "
        "Lorvik Herald, which first reported the walk-out on its front page.",
    ]


def test_hard_wrapped_lines_are_one_paragraph() -> None:
    parts = clean(
        "Tram Line Approved",
        "The city of Lorvik will build a second tram line\nacross the river, the council decided.",
    )
    assert (
        parts.body
        == "The city of Lorvik will build a second tram line across the river, the council decided."
    )


def test_subheads_stay_as_their_own_paragraphs() -> None:
    parts = clean(
        "Tram Line Approved", P1, "**Related article:** [Bus fares to rise](#)", "### **A long wait**", P2
    )
    assert parts.body.split("\n\n") == [P1, "A long wait", P2]
    assert ("Related article: Bus fares to rise", R.RELATED) in removed(parts)


def test_byline_dateline_and_original_url() -> None:
    parts = clean(
        "# Tram Line Approved",
        "By [Jane Roe](#) and John Poe",
        "Oct. 14, 2023",
        P1,
        P2,
        "Original url:",
        "<https://www.lorvikherald.example.com/2023/10/14/tram-line-approved>",
    )
    assert parts.byline == "Jane Roe and John Poe"
    assert parts.published == "2023-10-14"
    assert parts.url == "https://www.lorvikherald.example.com/2023/10/14/tram-line-approved"
    assert parts.body == P1 + "\n\n" + P2
    reasons = [r for _, r in removed(parts)]
    assert reasons == [R.TITLE, R.BYLINE, R.DATELINE, R.FOOTER, R.FOOTER]


def test_a_blogs_post_line_dates_the_post() -> None:
    line = "On behalf of Jo Banks, Esq. posted in Pedestrian Accidents on Wednesday, September 18, 2013."
    parts = clean("Tram Line Approved", line, P1, P2)
    assert (parts.published, parts.body) == ("2013-09-18", P1 + "\n\n" + P2)
    assert (line, R.BYLINE) in removed(parts)


def test_a_bare_url_first_is_the_documents_own() -> None:
    url = "https://www.lorvikherald.example.com/2023/10/14/tram-line-approved"
    parts = clean(url, "Tram Line Approved", P1, P2)
    assert (parts.url, parts.title, parts.body) == (url, "Tram Line Approved", P1 + "\n\n" + P2)
    # further down, a bare URL is a link the page shows, not its address
    assert clean("Tram Line Approved", P1, "https://www.lorvikherald.example.com/other", P2).url is None


def test_outlet_from_url_host_and_a_name_in_the_text() -> None:
    parts = clean(
        "Tram Line Approved",
        P1,
        "The mayor told The Lorvik Herald the vote was fair.",
        "Original url: https://lorvikherald.example.com/a",
    )
    assert parts.outlet == "The Lorvik Herald"
    known = clean("Tram Line Approved", P1, P2, "Source: https://www.reuters.com/world/tram")
    assert known.outlet == "Reuters"
    assert clean("Tram Line Approved", P1, "The mayor told The Lorvik Herald it was fair.").outlet is None


def test_a_long_dateline_with_an_update_is_still_one() -> None:
    line = "on April 30, 2008 at 4: 31 AM, updated April 30, 2008 at 8: 33 AM"
    parts = clean("Tram Line Approved", line, P1, P2)
    assert (parts.published, parts.body) == ("2008-04-30", P1 + "\n\n" + P2)


def test_an_update_line_that_gives_the_original_date_too() -> None:
    line = "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 18, 2019 8:02 am ET"
    parts = clean("Tram Line Approved", line, P1, P2)
    assert (parts.published, parts.updated, parts.body) == ("2019-11-18", "2019-11-19", P1 + "\n\n" + P2)


def test_an_ambiguous_dateline_is_no_title() -> None:
    parts = clean("11/09/2010", "Tram Line Approved", P1, P2)
    assert (parts.title, parts.published, parts.body) == ("Tram Line Approved", None, P1 + "\n\n" + P2)
    assert ("11/09/2010", R.DATELINE) in removed(parts)
    assert parts.published_readings == ("2010-11-09", "2010-09-11")  # for the URL's month to settle


def test_publication_date_is_never_guessed() -> None:
    parts = clean("Tram Line Approved", "The council voted on October 10, 2023, after a long debate.", P2)
    assert parts.published is None
    updated = clean("Tram Line Approved", "Updated October 15, 2023", P1, P2)
    assert (updated.published, updated.updated) == (None, "2023-10-15")  # an update, kept apart
    assert ("Updated October 15, 2023", R.DATELINE) in removed(updated)


def test_caption_with_photo_cue_credit_line_and_repeat() -> None:
    caption = "Trams at the central station in Lorvik, where the new line will start. Photo: City Archive."
    parts = clean("Tram Line Approved", P1, caption + "\nNordic Photos", caption, P2)
    assert parts.captions == (
        Caption("Trams at the central station in Lorvik, where the new line will start.", "Nordic Photos"),
    )
    assert parts.body == P1 + "\n\n" + P2
    assert [r for _, r in removed(parts)] == [R.TITLE, R.CAPTION, R.CREDIT, R.CAPTION]


def test_caption_credited_to_a_studio_with_an_ordinal() -> None:
    still = "Trams in films such as Night Line (pictured) were once the future of the city."
    parts = clean("Tram Line Approved", still + " Credit: 21st Street Pictures", P1)
    assert parts.captions == (Caption(still, "21st Street Pictures"),)
    assert parts.body == P1


def test_caption_with_bold_credit_at_the_end() -> None:
    parts = clean(
        "Tram Line Approved", "A tram crosses the old bridge in Lorvik. **Jane Roe/Lorvik Press**", P1
    )
    assert parts.captions == (Caption("A tram crosses the old bridge in Lorvik.", "Jane Roe/Lorvik Press"),)
    assert parts.body == P1


def test_captions_with_credit_cue_inside_the_body() -> None:
    parts = clean(
        "Tram Line Approved",
        P1,
        "The mayor at the vote on Tuesday.Credit…Ola Nord/Lorvik Press, via Newsphoto",
        P2,
        "Workers on the old line in 1998. (Photo by Per Lind/Archive)",
        P3,
        "The mayor speaks at the depot on July 25, 2019.J. Ola Nord / AP file",  # credit glued on
    )
    assert parts.captions == (
        Caption("The mayor at the vote on Tuesday.", "Ola Nord/Lorvik Press, via Newsphoto"),
        Caption("Workers on the old line in 1998.", "Per Lind/Archive"),
        Caption("The mayor speaks at the depot on July 25, 2019.", "J. Ola Nord / AP file"),
    )
    assert parts.body.split("\n\n") == [P1, P2, P3]


def test_a_sentence_mentioning_an_image_is_not_a_caption() -> None:
    line = "The party wants to change its image: more youthful, more local and less divided, it said."
    parts = clean("Tram Line Approved", P1, line)
    assert parts.captions == ()
    assert line in parts.body


def test_navigation_share_embed_and_related_headlines() -> None:
    parts = clean(
        "Tram Line Approved",
        "Share:",
        P1,
        "Read More\nRead More",
        "Bus drivers vote to strike over pay in Lorvik",
        "Loading...",
        P2,
        "Embed:",
        P3,
        "Related Articles",
        "Back to top button",
    )
    assert parts.body.split("\n\n") == [P1, P2, P3]
    assert removed(parts)[1:] == [
        ("Share:", R.SHARE),
        ("Read More", R.NAVIGATION),
        ("Read More", R.NAVIGATION),
        ("Bus drivers vote to strike over pay in Lorvik", R.RELATED),
        ("Loading...", R.NAVIGATION),
        ("Embed:", R.EMBED),
        ("Related Articles", R.RELATED),
        ("Back to top button", R.NAVIGATION),
    ]


def test_paywall_block_with_alt_text_and_tagline() -> None:
    parts = clean(
        "Tram Line Approved",
        "Lorvik’s second tram line will cross the river and link the hospital with the station.",
        "Share:",
        "tram lorvik",
        "Independent news for the whole valley",
        "Annual subscription",
        "7.50$/month*",
        "Unlimited access • Archives included",
        "FREE",
        "*Prices exclude VAT",
        "Since 2015: 20,000 articles • 90 stories per week",
        P1,
        P2,
    )
    assert parts.body.split("\n\n") == [
        "Lorvik’s second tram line will cross the river and link the hospital with the station.",
        P1,
        P2,
    ]
    got = dict(removed(parts))
    assert got["tram lorvik"] is R.IMAGE_ALT
    assert got["Independent news for the whole valley"] is R.PROMO
    assert got["FREE"] is R.PAYWALL
    assert got["Since 2015: 20,000 articles • 90 stories per week"] is R.PAYWALL
    assert got["7.50$/month*"] is R.PAYWALL


def test_contributor_line_and_trailing_stray_line() -> None:
    parts = clean("Tram Line Approved", P1, P2, "Ola Nord contributed reporting.", "Route 6")
    assert parts.body == P1 + "\n\n" + P2
    assert removed(parts)[1:] == [("Ola Nord contributed reporting.", R.CONTRIBUTOR), ("Route 6", R.OTHER)]
    assert parts.byline is None


TEASERS = [
    "Fishermen protest new quotas in the northern bays.",
    "A jazz festival returns to the old harbour after a two-year break.",
    "Wheat prices climb as a drought hits southern farms.",
    "Chess prodigy, 12, wins the national championship in Osterby.",
    "Mountain pass reopens after avalanche clearance work.",
]


def test_trailing_list_of_unrelated_headlines_is_removed() -> None:
    parts = clean(
        "Lorvik Approves Second Tram Line",
        P1,
        P2,
        P3,
        P4,
        "\n".join(TEASERS),
        "All the valley news, every day",
    )
    assert parts.body.split("\n\n") == [P1, P2, P3, P4]
    got = removed(parts)
    assert [t for t, r in got if r is R.HEADLINE_LIST] == TEASERS
    assert ("All the valley news, every day", R.PROMO) in got


def test_short_on_topic_closing_paragraphs_are_kept() -> None:
    ending = [
        "Opponents of the tram plan said they would appeal.",
        "The council said the line would be funded from the city budget.",
        "Tickets for the new tram line will cost the same as bus tickets.",
        "A public consultation on the tram stops opens in May.",
    ]
    parts = clean("Lorvik Approves Second Tram Line", P1, P2, P3, *ending)
    assert parts.body.split("\n\n") == [P1, P2, P3, *ending]


def test_one_sentence_per_paragraph_article_keeps_its_ending() -> None:
    ending = [
        "The mayor thanked the residents of the old town.",
        "Fishermen in the bay were not consulted, one critic said.",
        "Wheat farmers to the south hope for a freight stop.",
        "“Rest in peace, old bus line.”",
        "Good luck, Lorvik.",
    ]
    parts = clean("Lorvik Approves Second Tram Line", P1, P2, P3, *ending)
    assert parts.body.split("\n\n") == [P1, P2, P3, *ending]


def test_repeated_lines_are_removed_only_when_short() -> None:
    tagline = "Your valley, your news"
    long_line = P2
    parts = clean(
        "Tram Line Approved",
        P1,
        tagline,
        long_line,
        P3,
        repeated=frozenset({norm_line(tagline), norm_line(long_line)}),
    )
    assert (tagline, R.REPEATED) in removed(parts)
    assert parts.body.split("\n\n") == [P1, long_line, P3]


def test_title_repeated_in_the_body_is_removed_once_more() -> None:
    parts = clean("Tram Line Approved", "Tram Line Approved", P1)
    assert parts.body == P1
    assert [r for _, r in removed(parts)] == [R.TITLE, R.TITLE]


def test_nothing_is_silently_dropped() -> None:
    blocks = ["# Tram Line Approved", "By Jane Roe", "Share:", P1, "Read More", P2, "Route 6"]
    parts = clean(*blocks)
    kept = parts.body.split("\n\n")
    cut = [r.text for r in parts.removed]
    assert len(kept) + len(cut) == len(blocks)


def test_empty_and_markup_only_input() -> None:
    assert clean_text("", config=ExtractConfig()).body == ""
    parts = clean("---", "* * *")
    assert parts.body == ""
    assert parts.title is None


def test_scraped_datelines_with_times_and_zones_give_the_date() -> None:
    parts = clean("Tram Line Approved", "UPDATED 10/16/2023 at 9: 00 AM EDT",
                  "Originally published 10/14/2023 at 7: 31 AM EDT", P1, P2)
    assert parts.published == "2023-10-14"  # the published line, not the update
    assert parts.body == P1 + "\n\n" + P2
    piped = clean("Tram Line Approved", "Oct 14, 2023 | 5: 03pm", P1, P2)
    assert (piped.published, piped.body) == ("2023-10-14", P1 + "\n\n" + P2)


def test_a_page_scraped_whole_keeps_only_the_article() -> None:
    menu = "\n".join(f"- [{w}](https://lorvik.example/{w.lower()})" for w in ("News", "Sport", "Travel"))
    parts = clean(
        menu,
        "# Lorvik Approves Second Tram Line",
        P1,
        # an inline link in the article's own sentence is no teaser
        "The new line will link the [central station](https://lorvik.example/station) with the hospital "
        "and the university campus in the north.",
        P3,
        P4,
        "Share:",
        "Latest Headlines",
        "[Bus drivers vote to strike over pay as talks with the city fail again](https://lorvik.example/bus)",
        "[Harbour festival draws record crowds to the old town](https://lorvik.example/festival) Thousands "
        "came for the fireworks.",
        "Weather",
        "Some sunshine by the end of the day, rain again on Sunday.",
        "More Weather",
        "School Closings",
        menu,
        "Station Info",
        "Contests",
        "The Lorvik Courier is the valley's oldest newspaper, founded by a printer in the year 1881.",
    )
    assert parts.title == "Lorvik Approves Second Tram Line"
    assert parts.body.split("\n\n") == [P1, P2, P3, P4]
    got = dict(removed(parts))
    assert got["Some sunshine by the end of the day, rain again on Sunday."] is R.OTHER  # a widget
    assert got["Harbour festival draws record crowds to the old town Thousands came for the fireworks."] is (
        R.NAVIGATION  # a teaser: mostly link text
    )
    blurb = "The Lorvik Courier is the valley's oldest newspaper, founded by a printer in the year 1881."
    assert got[blurb] is R.OTHER  # the footer's


LINKED_TEASERS = [
    (
        "Bus drivers vote to strike over pay",
        "Ola Nord",
        "Drivers on all twelve city routes will stop work for two days next month, their union said. Talks "
        "with the city have failed again.",
    ),
    (
        "Harbour festival draws record crowds",
        "Kari Lund",
        "More than forty thousand people came to the old town for the fireworks. It was the festival's best "
        "year since it began.",
    ),
    (
        "Why the old bridge needs a new deck",
        "Per Berg",
        "Engineers have warned for years that the old bridge would not carry the trams. The council has not "
        "listened.",
    ),
]


def test_teasers_of_other_articles_under_their_linked_headlines_go() -> None:
    """Headline, author, date, blurb, three times over after the article: the blurbs are prose, and
    every teaser used to stay in the body with them."""
    blocks = ["# Lorvik Approves Second Tram Line", P1, P2, P3, P4]
    for n, (headline, author, blurb) in enumerate(LINKED_TEASERS):
        slug = headline.lower().replace(" ", "-")
        blocks += [
            f"- [![{headline}](https://lorvik.example/img/{n}.jpg)](https://lorvik.example/{slug})",
            f"##### [{headline}](https://lorvik.example/{slug})",
            f"[{author}](https://lorvik.example/author/{author.split()[0].lower()})",
            f"Wednesday November {20 - n}, 2019",
            blurb,
        ]
    parts = clean(*blocks)
    assert parts.body.split("\n\n") == [P1, P2, P3, P4]
    got = dict(removed(parts))
    assert all(got[blurb] is R.RELATED for _, _, blurb in LINKED_TEASERS)


def test_a_linked_subhead_over_prose_is_no_teaser() -> None:
    """One linked subhead with a date under it, and a buying guide's linked products each followed
    straight by their text, are the article's own."""
    guide = [
        "# The Best Chargers of the Year",
        P1,
        "### [Lorvik Volt 65W charger](https://shop.example/volt)",
        "It charges a laptop and a phone at once and fits in a coat pocket, as no other charger here does.",
        "### [Fjord Power travel charger](https://shop.example/fjord)",
        "Its folding plug and its four ports make it the charger to take on a long trip with a whole family.",
        P2,
    ]
    assert clean(*guide).body.split("\n\n") == [P1, guide[3], guide[5], P2]
    one = clean(
        "# Lorvik Approves Second Tram Line",
        P1,
        P2,
        "## [The council's decision](https://lorvik.example/council/minutes)",
        "Tuesday November 19, 2019",
        P3,
        P4,
    )
    assert one.body.split("\n\n") == [P1, P2, P3, P4]


def test_the_article_printed_again_below_goes() -> None:
    """A page that prints its article a second time (another edition's copy, after its tags): the
    later copy goes; a paragraph printed twice alone (a pull quote) and a list's repeated items stay."""
    tags = "Trams,Lorvik,City council,Transport"
    article = ["# Lorvik Approves Second Tram Line", P1, P2, P3, P4]
    parts = clean(*article, "Share", tags, "Ola Nord", P1, P2, P3, P4)
    assert parts.body.split("\n\n") == [P1, P2, P3, P4]
    assert dict(removed(parts))[P3] is R.REPEATED
    pull = clean("# Lorvik Approves Second Tram Line", P1, P2, P3, P2, P4)
    assert pull.body.split("\n\n") == [P1, P2, P3, P2, P4]
    daily = "Take the tram at least twice a day, and walk from the stop to the office."
    plan = ["Monday", daily, "Tuesday", daily, "Wednesday", daily]
    listed = clean("# A Week Without a Car", P1, *plan, P4)
    assert listed.body.split("\n\n") == [P1, *plan, P4]


@pytest.mark.parametrize(
    ("head", "commenter"),
    [
        ("3 responses to “Lorvik Approves Second Tram Line”", "tramfan88 says:"),
        ("Top Rated Comments", "tramfan88"),  # a forum's best-voted replies under the article
    ],
)
def test_readers_comments_after_the_article_go(head: str, commenter: str) -> None:
    parts = clean(
        "Lorvik Approves Second Tram Line",
        P1,
        P2,
        P3,
        P4,
        "Council members said the line would carry 40,000 passengers a day once the bridge is finished.",
        "The opposition called the plan too expensive and asked for a referendum before any work starts.",
        head,
        commenter,
        "March 5, 2024 at 6:34 am",
        "About time the council did something for the north of the city, the buses are always full.",
        "valleyvoter says:",
        "Another waste of money. Nobody in Lorvik asked for a second line across the river.",
    )
    assert parts.body.split("\n\n")[-1].startswith("The opposition called the plan")
    got = dict(removed(parts))
    assert got[head] is R.COMMENTS
    last = "Another waste of money. Nobody in Lorvik asked for a second line across the river."
    assert got[last] is R.COMMENTS


def test_a_comments_link_near_the_top_cuts_nothing() -> None:
    parts = clean("Lorvik Approves Second Tram Line", "Comments (12)", P1, P2, P3, "Comments", P4)
    assert parts.body.split("\n\n") == [P1, P2, P3, P4]  # a link to the comments, not their start
    assert dict(removed(parts))["Comments (12)"] is R.NAVIGATION


def test_the_pages_headline_is_the_title_below_long_menus() -> None:
    menu = "\n".join(f"- [Section {k}](https://lorvik.example/s{k})" for k in range(30))
    parts = clean(menu, "Weather", "Sunny, 21°C", "# Lorvik Approves Second Tram Line", P1, P2, P3)
    assert parts.title == "Lorvik Approves Second Tram Line"
    # a heading after the article's first full paragraph is a subhead, not the title
    long_p1 = P1 + " " + P2
    parts = clean("Lorvik Approves Second Tram Line", long_p1, "# What happens next", P3)
    assert parts.title == "Lorvik Approves Second Tram Line"


def test_a_heading_linked_to_itself_is_the_title() -> None:
    menu = "\n".join(f"- [Section {k}](/s{k})" for k in range(12))
    head = "## [Lorvik Approves Second Tram Line After Long Debate]()"
    parts = clean(menu, "STREAM BIG", head, "[Ann Brook](https://twitter.com/)", P1, P2, P3)
    assert parts.title == "Lorvik Approves Second Tram Line After Long Debate"
    assert parts.body.startswith(P1)
    # a section's label linked to itself is no headline
    parts = clean(menu, "### [Related stories](#)", P1, P2, P3)
    assert parts.title != "Related stories"


def test_the_date_line_nearest_the_headline_is_the_publication_date() -> None:
    parts = clean(
        "Wednesday, November 20, 2019",  # the page header's date of today
        "- [News](https://lorvik.example/news)\n- [Sport](https://lorvik.example/sport)",
        "# Lorvik Approves Second Tram Line",
        "June 21, 2014",
        P1,
        P2,
        P3,
        "Related: Bus drivers vote to strike",
        "June 2, 2014",
    )
    assert parts.published == "2014-06-21"
    assert clean("June 21, 2014", P1, P2).published == "2014-06-21"  # one date line: that one


@pytest.mark.parametrize(
    ("lines", "published"),
    [
        (["By", "Ann Brook"], None),  # "By" on a line of its own
        (["[Ann Brook - Lorvik Courier reporter](https://lorvik.example/author/ann-brook/)"], None),  # a link
        (["By [Ann Brook](https://lorvik.example/author/ann-brook) - 11/19/19 06:56 AM EST"], "2019-11-19"),
        (["Mon November 18, 2019 7:45 am PST by [Ann Brook](https://lorvik.example/authors/a)"],
         "2019-11-18"),
        (["By [Ann Brook](/person/b/ann-brook)[LorvikCourier](https://lorvik.example/index.html)"], None),
        (["Posted by Ann Brook on November 19, 2019, 6:21 AM EST"], "2019-11-19"),  # names before the date
        (["[Ann Brook](#) - Nov 19, 2019, 10:31 pm CST"], "2019-11-19"),
        (["By", "[Ann Brook](https://lorvik.example/authors/ann-brook) November 19, 2019, 07:47 PM EST"],
         "2019-11-19"),
        (["Author:", "[Ann Brook](#)", "Publish date:", "Nov 18, 2019"], "2019-11-18"),
        (["Analysis by [Ann Brook](#), Lorvik Courier Editor-at-large",
          "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds."], None),
        (["ANN BROOK", "Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m."], "2019-11-20"),  # a glued stamp
        (["#### [Ann Brook](https://lorvik.example/author/ann-brook.html)[View More Articles](/x)"], None),
        (["[Ann Brook](https://lorvik.example/ab/)[@AnnBrook](https://twitter.example/AnnBrook)"], None),
        (["[by Ann Brook](https://lorvik.example/author/admin/) [0 Comments](/c)"], None),
    ],
)
def test_bylines_as_pages_scraped_whole_print_them(lines: list[str], published: str | None) -> None:
    sidebar = "[Tom Reed](https://lorvik.example/author/tom-reed/)"  # a columnist linked in the menu
    parts = clean(sidebar, "# Lorvik Approves Second Tram Line", *lines, P1, P2, P3)
    assert parts.byline is not None and parts.byline.lower() == "ann brook"  # as printed ("ANN BROOK")
    assert parts.body.split("\n\n") == [P1, P2, P3]
    assert parts.published == published  # the date beside the name is read too


@pytest.mark.parametrize(
    "lines",
    [  # the name alone under the headline, by a date line (perhaps after an "Updated" label)
        ["Ann Brook, Lorvik Courier Staff Writer", "Updated", "1:39 am EST, Wednesday, November 20, 2019"],
        ["Ann Brook", "1 day ago"],
        ["November 20, 2019", "Ann Brook"],
    ],
)
def test_a_byline_of_the_name_alone_beside_a_date_line(lines: list[str]) -> None:
    parts = clean("# Lorvik Approves Second Tram Line", *lines, P1, P2, P3)
    assert parts.byline == "Ann Brook"
    assert parts.body.split("\n\n") == [P1, P2, P3]


def test_a_title_case_dek_above_the_date_line_is_no_byline() -> None:
    parts = clean("# Lorvik Tram Driver Arrested", "Driver Charged With DWI, Reckless Endangerment",
                  "September 14, 2013 10: 46 AM", P1, P2, P3)  # fmt: skip
    assert parts.byline is None
    assert parts.published == "2013-09-14"


def test_a_commenters_name_and_date_are_no_byline_nor_publication_date() -> None:
    comment = "[Cherie Moss](http://pinterest.example) August 17, 2019 - 2:19 pm"
    parts = clean("# Lorvik Approves Second Tram Line", P1, P2, P3, "#### 2 comments", comment, P1)
    assert parts.byline is None and parts.published is None


def test_a_line_of_names_with_no_date_beside_it_is_no_byline() -> None:
    parts = clean("# Lorvik Approves Second Tram Line", "Ann Brook and Tom Reed", P1, P2, P3)
    assert parts.byline is None


def test_a_list_of_other_headlines_inside_the_article_goes() -> None:
    parts = clean(
        "Lorvik Approves Second Tram Line",
        P1,
        P2,
        "Most read in world news",
        "RANDY ANDY",
        "Prince parties in unearthed pics despite claiming 'he avoids dancing'",
        "TIME TRAVELLER",
        "Fans say they've spotted a pop star in 120-year-old pic",
        P3,
        P4,
    )
    assert parts.body.split("\n\n") == [P1, P2, P3, P4]
    assert dict(removed(parts))["TIME TRAVELLER"] is R.RELATED


def test_a_dont_miss_head_over_one_line_of_links_goes_with_it() -> None:
    links = (
        "[Lorvik mayor answers critics](/news/1188134/mayor) [**INSIGHT]|**[Harbour bridge to close "
        "for repairs](/news/1188822/bridge) [**VIDEO]**[Storm floods the old town](/news/1187976/storm)"
        "**[REACTION]**"
    )
    parts = clean("# Lorvik Approves Second Tram Line", P1, P2, "**DON'T MISS**", links, P3)
    assert parts.body.split("\n\n") == [P1, P2, P3]
    assert dict(removed(parts))["DON'T MISS"] is R.RELATED


def test_a_card_whose_link_runs_across_a_blank_line_is_a_link() -> None:
    # the picture and the headline of another article, one link written over two blocks
    card = "- [![](https://cdn.example/img/1.jpg)\n\nHarbour bridge to close for repairs](/news/1/bridge)"
    parts = clean("# Lorvik Approves Second Tram Line", P1, card, P2, P3)
    assert parts.body.split("\n\n") == [P1, P2, P3]
    assert "Harbour bridge to close for repairs" in dict(removed(parts))


def test_a_widgets_heading_is_not_the_title() -> None:
    parts = clean(
        "## Breaking News Emails",
        "Get breaking news alerts and special reports, delivered weekday mornings.",
        "[SUBSCRIBE](https://lorvik.example/newsletters)",
        "Lorvik Approves Second Tram Line",
        P1,
        P2,
    )
    assert parts.title == "Lorvik Approves Second Tram Line"
    assert parts.body.split("\n\n") == [P1, P2]


@pytest.mark.parametrize(
    "credit", ["Ann Brook/Lorvik Press/Getty Images", "Ann Brook | Bloomberg | Getty Images"]
)
def test_a_credit_on_its_own_line_makes_the_sentence_above_it_a_caption(credit: str) -> None:
    # the scraper left the image out: a short sentence, then names set apart by slashes or bars
    caption = "A tram crosses the old bridge in Lorvik."
    parts = clean("# Lorvik Approves Second Tram Line", P1, caption, credit, P2, P3)
    assert parts.body.split("\n\n") == [P1, P2, P3]
    assert [(c.text, c.credit) for c in parts.captions] == [(caption, credit)]
    # names without an agency, or a credit under a long paragraph, make no caption
    parts = clean("# Lorvik Approves Second Tram Line", P1, caption, "Ann Brook | Tom Reed", P2, P3)
    assert caption in parts.body.split("\n\n")
    long = " ".join([P1, P2, P3, P4])  # 74 words
    parts = clean("# Lorvik Approves Second Tram Line", P1, long, credit, P2, P3)
    assert long in parts.body.split("\n\n") and not parts.captions


def test_captions_written_under_their_image_and_more_credit_styles() -> None:
    alt = "Trams at the central station in Lorvik, where the new line will start [File: Lorvik Press]"
    parts = clean(
        "# Tram Line Approved",
        P1,
        f"![{alt}](/img/trams.jpg)",  # brackets inside the alt text
        alt,  # the caption, written again under its image
        P2,
        "Image 2 of 3",
        "![A tram crosses the old bridge in Lorvik.](/img/bridge.jpg)",
        "A tram crosses the old bridge in Lorvik.",
        "(Image credit: Lorvik Transit)",
        P3,
        "Workers on the old line in 1998. (AP Photo/Per Lind, File)",
        "The depot at night. © Reuters / Ola Nord",
        "A map of the new line. (City of Lorvik/Transit Office)",
        P4,
    )
    assert parts.body.split("\n\n") == [P1, P2, P3, P4]
    assert parts.captions == (
        Caption("Trams at the central station in Lorvik, where the new line will start", "Lorvik Press"),
        Caption("A tram crosses the old bridge in Lorvik.", "Lorvik Transit"),
        Caption("Workers on the old line in 1998.", "AP Photo/Per Lind, File"),
        Caption("The depot at night.", "Reuters / Ola Nord"),
        Caption("A map of the new line.", "City of Lorvik/Transit Office"),
    )
    assert ("Image 2 of 3", R.NAVIGATION) in removed(parts)


def test_a_linked_headline_is_another_articles_even_as_a_heading() -> None:
    parts = clean(
        "# Lorvik Approves Second Tram Line",
        P1,
        "## [Bus drivers vote to strike over pay](https://lorvik.example/bus)",
        "**[HARBOUR FESTIVAL DRAWS RECORD CROWDS](https://lorvik.example/festival)**",
        P2,
        "## What happens next",
        P3,
    )
    assert parts.body.split("\n\n") == [P1, P2, "What happens next", P3]
    got = dict(removed(parts))
    assert got["Bus drivers vote to strike over pay"] is R.NAVIGATION
    assert got["HARBOUR FESTIVAL DRAWS RECORD CROWDS"] is R.NAVIGATION


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Like this story? Share it with a friend!", R.SHARE),
        ("12.5k shares", R.SHARE),
        ("Follow Lorvik Courier on", R.NAVIGATION),
        ("Continue Reading Below", R.NAVIGATION),
        ("Market Update sponsored by", R.NAVIGATION),
        ("Email Ola Nord at onord@lorvik.example or follow him @olanord.", R.CONTRIBUTOR),
        ("Follow us on Twitter @LorvikCourier and on Facebook.", R.PROMO),
        ("GET THE COURIER ON THE GO BY CLICKING HERE", R.PROMO),
        ("Join our reader forums to keep talking about the city!", R.PROMO),
        ("No spam, we promise. You can unsubscribe at any time.", R.PROMO),
        ("Registration on or use of this site constitutes acceptance of our User Agreement.", R.FOOTER),
        ("Community Rules apply to all content you upload or otherwise submit to this site.", R.FOOTER),
        ("GET BREAKING NEWS IN YOUR BROWSER. CLICK HERE TO TURN ON NOTIFICATIONS.", R.PROMO),
        (
            "Quotes delayed at least 15 minutes. Real-time quotes provided by a trading venue. Market Data "
            "provided by a data vendor (Terms & Conditions). Company fundamental data provided by another "
            "vendor. Earnings estimates data provided by a third. Mutual fund data provided by a fourth.",
            R.FOOTER,
        ),
        (
            "We use cookies and other tracking technologies to improve your browsing experience on our site, "
            "show personalized content and targeted ads, analyze site traffic, and understand where our "
            "audiences come from. To learn more or opt-out, read our Cookie Policy.",
            R.FOOTER,
        ),
    ],
)
def test_more_page_chrome_by_its_words(line: str, reason: R) -> None:
    parts = clean("Tram Line Approved", P1, P2, line, P3)
    assert parts.body.split("\n\n") == [P1, P2, P3]
    assert (line.strip(), reason) in removed(parts)


def test_a_broadcasters_labelled_photo_lines_are_a_caption_and_its_credit() -> None:
    parts = clean(
        "# Tram Line Approved",
        P1,
        "Image copyright\nLorvik Press",
        "Image caption",
        "The mayor said the vote had been taken after a long debate",  # no full stop: not to be rejoined
        P2,
        "Image source, Nordic Photos",
        "Image caption, A tram on the old bridge",
        P3,
    )
    assert parts.body.split("\n\n") == [P1, P2, P3]
    assert parts.captions == (
        Caption("The mayor said the vote had been taken after a long debate", "Lorvik Press"),
        Caption("A tram on the old bridge", "Nordic Photos"),
    )


def test_a_heading_of_the_sites_name_and_section_links_is_no_title() -> None:
    parts = clean(
        "# [The Lorvik Courier](https://lorvik.example/)[Opinion](https://lorvik.example/opinion)",
        "- [News](/news)\n- [Sport](/sport)",
        "# Lorvik Approves Second Tram Line",
        P1,
        P2,
    )
    assert parts.title == "Lorvik Approves Second Tram Line"
    linked = clean("# [Lorvik Approves Second Tram Line](https://lorvik.example/tram-line)", P1, P2)
    assert linked.title == "Lorvik Approves Second Tram Line"  # a headline linked to its own page


def test_a_credit_under_an_image_and_its_caption_makes_the_caption_which_may_also_be_the_lead() -> None:
    parts = clean(
        "# Tram Line Approved",
        "![Lorvik trams](/img/trams.jpg)",
        P1,
        "Photo by Ola Nord/Lorvik Press",
        P1,  # the lead paragraph, which the caption repeated
        P2,
    )
    assert parts.captions == (Caption(P1, "Ola Nord/Lorvik Press"),)
    assert parts.body.split("\n\n") == [P1, P2]


def test_the_headline_after_a_footer_paragraph_printed_before_the_article() -> None:
    footer = (
        "Quotes delayed at least 15 minutes. Market data provided by a data vendor, fundamentals by "
        "another and estimates by a third, all under their own terms and conditions of use."
    )
    parts = clean(
        "- [Markets](/markets)\n- [Money](/money)",
        footer,
        "# Lorvik Approves Second Tram Line",
        P1,
        P2,
        P3,
        "# [Bus drivers vote to strike](/bus)",
        "Other news in brief.",
    )
    assert parts.title == "Lorvik Approves Second Tram Line"
    only_sidebar = clean(P1 + " " + P2, P3, "# Weather", "Rain again on Sunday.")
    assert only_sidebar.title is None  # less prose after the heading than before it


def test_a_stamp_relative_to_the_reading_is_a_dateline_without_a_date() -> None:
    parts = clean("# Tram Line Approved", "Published 1 day ago", P1, "13 hours ago", P2)
    assert parts.body.split("\n\n") == [P1, P2]
    assert parts.published is None
    assert ("Published 1 day ago", R.DATELINE) in removed(parts)


def test_a_notice_printed_above_the_headline_is_no_standfirst() -> None:
    notice = (
        "You are reading this page in a browser we no longer support, and some parts of the site may "
        "not work as they should."
    )
    sections = ("News", "Sport", "Travel", "Weather", "Business", "Culture")
    menu = "\n".join(f"- [{w}](https://lorvik.example/{w.lower()})" for w in sections)
    parts = clean(notice, menu, "# Lorvik Approves Second Tram Line", P1, P2, P3, P4)
    assert parts.body.split("\n\n") == [P1, P2, P3, P4]
    assert (notice, R.OTHER) in removed(parts)


@pytest.mark.parametrize(
    ("heading", "title"),
    [  # a headline may open with a bracket or a quote mark, or be written in a script without case
        ("# [[Lorvik Tram] More Reviews from Riders](https://lorvik.example/2018/10/12/tram-reviews/)",
         "[Lorvik Tram] More Reviews from Riders"),
        ("# 商品の改造が商標法違反に！？", "商品の改造が商標法違反に！？"),
        ("‘ Very Spiritual ’ Tram Driver Saves Twelve", "‘ Very Spiritual ’ Tram Driver Saves Twelve"),
    ],
)  # fmt: skip
def test_a_headline_opening_with_a_bracket_or_in_a_caseless_script(heading: str, title: str) -> None:
    parts = clean(heading, P1, P2, P3)
    assert parts.title == title
    assert parts.body.split("\n\n") == [P1, P2, P3]


def test_an_unclosed_bracket_is_no_headline() -> None:
    assert clean("[9h104", P1, P2, P3).title is None


@pytest.mark.parametrize(
    ("line", "byline", "published"),
    [  # the post line: a date and a link to the author's page, among other links
        ("[21/06/2014](https://lorvik.example/7908/tram/) [Ann Brook](https://lorvik.example/author/ab/) "
         "[News](https://lorvik.example/category/news/)", "Ann Brook", "2014-06-21"),
        ("October 12, 2018/[0 Comments](https://lorvik.example/tram/#respond)/in [Transport]"
         "(https://lorvik.example/category/transport/) /by [lorvikadmin](https://lorvik.example/author/lorvikadmin/)",
         None, "2018-10-12"),
    ],
)  # fmt: skip
def test_a_post_line_of_a_date_and_an_author_link(line: str, byline: str | None, published: str) -> None:
    parts = clean("# Lorvik Approves Second Tram Line", line, P1, P2, P3)
    assert (parts.byline, parts.published) == (byline, published)
    assert parts.body.split("\n\n") == [P1, P2, P3]


def test_a_standfirst_under_the_headline_stays_though_a_breadcrumb_is_kept_above_it() -> None:
    lead = "The city's second line will carry forty thousand riders a day, the council expects."
    parts = clean(
        "- Lorvik Approves Second Tram Line",  # the breadcrumb's last item: the headline again
        "# Lorvik Approves Second Tram Line",
        f"## {lead}",
        "**Lorvik**, [Ann Brook](https://lorvik.example/byline/ann-brook) | Updated : 19 November 2019",
        P1,
        P2,
        P3,
    )
    assert parts.body.split("\n\n")[:2] == [lead, P1]


def test_a_photo_gallery_goes_whole() -> None:
    caption = "The mayor, left, opens the tram depot in Lorvik on Tuesday, Nov. 19, 2019."
    parts = clean(
        "# Lorvik Approves Second Tram Line",
        f"- ![{caption} Photo: Ann Brook, LC / Copyright 2019 Lorvik Courier](https://lorvik.example/1.jpg)",
        caption,
        caption,
        "Photo: Ann Brook, LC",
        "Image\n\n1\n\nof\n\n5\n\nCaption\n\nClose",
        caption,
        "1\n\n/\n\n5\n\nBack to Gallery",
        P1,
        P2,
        P3,
    )
    assert parts.body.split("\n\n") == [P1, P2, P3]
    assert [c.text for c in parts.captions] == [caption]


def test_a_column_of_numbers_is_no_gallery() -> None:
    table = "Pos.\n\nDriver\n\nPoints\n\n1\n\nAnn Brook\n\n5040\n\n2\n\nTom Reed\n\n5035"
    parts = clean("# Lorvik Tram Race Standings", P1, table, P2, P3)
    assert "5040" in parts.body and "5035" in parts.body


@pytest.mark.parametrize(
    "first",
    ["Highlights", "STREAM BIG", "Você pode gostar...", "Ann Brook • Nov 15"],
)  # a section's label, a teaser cut short, a byline and date: no headline without a "# "
def test_a_first_line_that_is_no_headline_is_no_title(first: str) -> None:
    parts = clean(first, P1, P2, P3)
    assert parts.title is None
    assert parts.body.split("\n\n")[-3:] == [P1, P2, P3]
    if len(first.split()) < 3:
        assert parts.body.split("\n\n") == [P1, P2, P3]  # a label above the article goes


@pytest.mark.parametrize("label", ["Anzeige", "» Publicidade", "Iklan", "Реклама"])
def test_an_advertisement_label_in_another_language_goes(label: str) -> None:
    parts = clean("# Lorvik Approves Second Tram Line", P1, label, P2, P3)
    assert parts.body.split("\n\n") == [P1, P2, P3]
