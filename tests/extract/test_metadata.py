"""Metadata stated in text: dates, bylines, URLs, outlets. Inputs are hand-written lines."""

from __future__ import annotations

import pytest

from corroborator.extract import metadata as meta


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("October 14, 2023", "2023-10-14"),
        ("Oct. 14, 2023", "2023-10-14"),
        ("Sept 3 2021", "2021-09-03"),
        ("14 October 2023", "2023-10-14"),
        ("3rd of March, 2024", "2024-03-03"),
        ("2023-10-14", "2023-10-14"),
        ("2023-10-14T08:30:00Z", "2023-10-14"),
        ("Published 14 Oct 2023, 10:02 GMT", "2023-10-14"),
        ("Tuesday, October 17, 2023 at 3:15 p.m. EDT", "2023-10-17"),
        ("Updated: 2023/10/18", "2023-10-18"),
        ("31/12/2023", "2023-12-31"),
        ("12/31/2023", "2023-12-31"),
        # scraped datelines: separators, times with a stray space, zones, labels, two-digit years
        ("May 2, 2013 | 5: 03pm", "2013-05-02"),
        ("12: 52 p. m. EDT May 2, 2013", "2013-05-02"),
        ("Story Created: Aug 7, 2012 at 9: 56 AM AKDT", "2012-08-07"),
        ("26 September 2013, 10: 00 (GMT+05: 00)", "2013-09-26"),
        ("POSTED: 1052 GMT (1852 HKT), April 10, 2007", "2007-04-10"),
        ("Published: 2012. 08. 08 09: 01 AM", "2012-08-08"),
        ("Article posted on 08. 07. 2012", "2012-07-08"),  # dots: day first
        ("08.07.2012 | 14:30", "2012-07-08"),
        ("Updated 08. 07. 2012 9:00 AM EDT", "2012-07-08"),  # even beside a US zone
        ("Sunday, November 27-2005 at 16: 12", "2005-11-27"),
        ("12/16/08 1: 30 AM EST", "2008-12-16"),
        ("Originally published 05/03/2013 at 10: 20 AM EDT", "2013-05-03"),  # a US zone: month first
        ("06/06/13 07: 05 PM ET", "2013-06-06"),  # the same either way
        ("Posted 2023-10-14, updated Oct 15, 2023", "2023-10-14"),  # the first date on the line
        # words in capitals are a dateline's place and agency
        ("WASHINGTON, DC, April 28, 2009", "2009-04-28"),
        ("TNN Nov 12, 2011, 05. 51AM IST MUMBAI:", "2011-11-12"),
        ("Updated on: November 19, 2019 / 10:07 AM / Lorvik News", "2019-11-19"),  # the outlet after it
    ],
)
def test_parse_date_line_reads_many_formats(line: str, iso: str) -> None:
    assert meta.parse_date_line(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "The summit opened on October 14, 2023 in the capital.",  # a sentence, not a dateline
        "October 2023",  # no day: not a complete date
        "02/03/2024",  # day and month ambiguous
        "Posted: 04/9/2012 8: 33 am",  # ambiguous, and no time zone says which comes first
        "Posted 1 year, 160 days ago [downloaded on 2 October 2013]",  # more than a dateline
        "BREAKING: Troops left Kabul on May 2, 2013",  # capitals do not make a sentence a dateline
        "Jul. 7 5: 59 PM EDT",  # no year
        "1/2/34",  # a two-digit year, but day and month ambiguous
        "February 30, 2023",  # no such day
        "Since 2021: 35,000 articles",
        "The Council Met Today / Lorvik News",  # an outlet after a slash, but no date
        "",
    ],
)
def test_parse_date_line_refuses_what_is_not_a_dateline(line: str) -> None:
    assert meta.parse_date_line(line) is None


@pytest.mark.parametrize(
    "line",
    ["11/09/2010", "8/2/13 at 1: 30 PM", "8: 24am:", "Jul. 7 5: 59 PM EDT"],
)
def test_a_dateline_whose_date_cannot_be_read_for_sure_is_still_one(line: str) -> None:
    assert meta.parse_date_line(line) is None  # which is the day, which the month, what year?
    assert meta.is_dateline(line)  # but the line is no title and no body text


@pytest.mark.parametrize(
    ("line", "readings"),
    [
        ("11/09/2010", ("2010-11-09", "2010-09-11")),
        ("8/2/13 at 1: 30 PM", ("2013-08-02", "2013-02-08")),
        ("Article posted on 08. 07. 2012", ()),  # dots: read for sure, day first
        ("13/02/2013", ()),  # read for sure: 13 is no month
        ("05/05/2013", ()),  # the same either way
        ("Jul. 7 5: 59 PM EDT", ()),  # no year: no date either way
        ("The 11/09/2010 vote", ()),  # no dateline
    ],
)
def test_the_two_readings_of_a_dateline(line: str, readings: tuple[str, ...]) -> None:
    assert meta.dateline_readings(line) == readings


@pytest.mark.parametrize(
    ("url", "month"),
    [
        ("https://news.example.com/2010/09/kraft-shooting.html", "2010-09"),
        ("https://news.example.com/a/2013/8/", "2013-08"),
        ("https://news.example.com/2013/05/03/story", "2013-05"),
        ("https://news.example.com/2013/13/story", None),
        ("https://2010.example.com/09/story", None),
    ],
)
def test_url_month(url: str, month: str | None) -> None:
    assert meta.url_month(url) == month


@pytest.mark.parametrize(
    "line", ["The summit opened on October 14, 2023.", "At 5 pm the crowd left.", "Since 2021: 35,000 jobs"]
)
def test_sentences_with_dates_and_times_are_no_datelines(line: str) -> None:
    assert not meta.is_dateline(line)


def test_dateline_kind_tells_updates_apart() -> None:
    assert meta.dateline_kind("Updated October 15, 2023") == "updated"
    assert meta.dateline_kind("Published October 14, 2023, updated October 15, 2023") == "published"
    assert meta.dateline_kind("October 14, 2023") == "published"
    assert meta.dateline_kind("Last Updated: Monday, 28 November 2005, 02: 24 GMT") == "updated"
    assert meta.dateline_kind("UPDATED 3: 09 AM EST Dec 19, 2008") == "updated"
    # a date first, then an update's time: the date is the publication's
    assert meta.dateline_kind("21 July 2013 Last updated at 11: 11 GMT") == "published"
    assert meta.dateline_kind("Monday, Sep 10, 2012 | Updated 9: 01 AM EDT") == "published"


def test_find_date_anywhere() -> None:
    assert meta.find_date("By Jane Roe | Mar 3, 2024") == "2024-03-03"
    assert meta.find_date("no date here") is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By AFP", "AFP"),
        ("by Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By Ana de la Cruz, Li Wei", "Ana de la Cruz, Li Wei"),
        ("By Jane Doe | October 14, 2023", "Jane Doe"),
        ("Written by J. R. Smith", "J. R. Smith"),
        ("By Jane Doe - 11/19/19 06:56 AM EST", "Jane Doe"),  # a spaced hyphen ends the names
        ("By Jane Doe Jane Doe", "Jane Doe"),  # a name linked twice (its page and its picture)
        ("By Jane Doe, AP Auto Writer", "Jane Doe"),  # the role after a comma goes
        ("By Jane Doe and John Roe, Associated Press", "Jane Doe and John Roe"),  # and the agency
        ("By Jane Doe, Senior Correspondent", "Jane Doe"),
    ],
)
def test_parse_byline(line: str, names: str) -> None:
    assert meta.parse_byline(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By early 2024, trade could reach $200 billion a year, officials said.",
        "By the river bank",
        "Jane Doe",
        "By",
    ],
)
def test_parse_byline_refuses_sentences(line: str) -> None:
    assert meta.parse_byline(line) is None


def test_url_cues_and_bare_urls() -> None:
    assert meta.is_url_cue("Original url:")
    assert meta.is_url_cue("Source: https://news.example.org/a")
    assert not meta.is_url_cue("The source of the leak was a ministry official.")
    assert meta.is_bare_url("<https://news.example.org/2024/a-story>")
    assert not meta.is_bare_url("See https://news.example.org/a for more")
    assert meta.url_in("Source: https://news.example.org/a.") == "https://news.example.org/a"


def test_outlet_table_and_subdomains() -> None:
    table = meta.load_outlets("# comment\nexampleherald.com\tThe Example Herald\n\nbad line\n")
    assert dict(table) == {"exampleherald.com": "The Example Herald"}
    assert meta.outlet_from_url("https://www.exampleherald.com/a", table) == "The Example Herald"
    assert meta.outlet_from_url("https://live.exampleherald.com/a", table) == "The Example Herald"
    assert meta.outlet_from_url("https://other.example.net/a", table) is None


def test_shipped_outlet_table_knows_major_outlets() -> None:
    assert meta.outlet_from_url("https://www.reuters.com/world/x") == "Reuters"
    assert meta.outlet_from_url("https://edition.cnn.com/2023/x") == "CNN"
    assert meta.outlet_from_url("https://www.bbc.co.uk/news/x") == "BBC"
    assert meta.outlet_from_url("https://unknown-site.example/x") is None
    # entertainment, sport, technology and US local news too
    assert meta.outlet_from_url("http://www.hollywoodreporter.com/news/x") == "The Hollywood Reporter"
    assert meta.outlet_from_url("http://sports.espn.go.com/nba/news/story?id=1") == "ESPN"
    assert meta.outlet_from_url("http://blog.mlive.com/grpress/2008/04/x.html") == "MLive"
    assert meta.outlet_from_url("https://gizmodo.com/x") == "Gizmodo"
    assert len(meta.load_outlets()) >= 400


def test_host_labels() -> None:
    assert meta.host_labels("news.exampleherald.co.uk") == ["exampleherald"]
    assert meta.host_labels("www.harbourtimes.com") == ["harbourtimes"]
    assert meta.host_labels("gazette.example.com") == ["example", "gazette"]


def test_outlet_named_for_host_needs_matching_letters() -> None:
    text = "Officials told The Example Herald on Monday that the Port Authority would reopen."
    assert meta.outlet_named_for_host(text, "www.exampleherald.com") == "The Example Herald"
    assert meta.outlet_named_for_host(text, "herald.example.org") is None
    assert meta.outlet_named_for_host(text, "www.portauthority.org") == "Port Authority"


def test_find_outlet_prefers_url_then_stated_and_never_guesses() -> None:
    table = meta.load_outlets("exampleherald.com\tThe Example Herald\n")
    assert meta.find_outlet("https://exampleherald.com/x", "", None, table) == "The Example Herald"
    text = "Reporting for the Valley Courier, she said."
    assert meta.find_outlet("https://valleycourier.example.net/x", text, None, table) == "Valley Courier"
    assert meta.find_outlet(None, text, "Valley Courier", table) == "Valley Courier"
    assert meta.find_outlet("https://unknown.example.net/x", "No names here.", None, table) is None
    assert meta.find_outlet(None, "The Valley Courier reported it.", None, table) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("© 2024 The Example Herald. All rights reserved.", "The Example Herald"),
        ("Copyright 2023 Valley Courier", "Valley Courier"),
        ("This article originally appeared in The Valley Courier.", "The Valley Courier"),
        ("Source: https://valleycourier.example.net/a", None),
        ("The copyright case was heard on Monday.", None),
        ("© 2019 CNBC LLC. All Rights Reserved.", "CNBC"),  # the legal form goes
        ("Copyright © 2019 CityAM. Limited", "CityAM"),
        ("© 2019 The Republic unless otherwise noted. All rights reserved.", "The Republic"),
        # the company that owns the outlet is not the outlet
        ("© 2019 Hearst Communications, Inc.", None),
        ("© 2004-2019 CBS Interactive. All Rights Reserved.", None),
        ("© Copyright Hearst Newspapers, LLC", None),
        ("© 2019 The New York Times Company", None),
        ("Copyright Policy", None),  # a link, no sign or year
        ("© Aaron Schwartz", None),  # a photographer's credit
        ("© 2019 All rights reserved.", None),
        ("© 2019 WXYZ Channel 7. All rights reserved.", "WXYZ Channel 7"),  # a number in the name stays
        ("copyright Inexhibit 2019 - ISSN: 2283-5474", "Inexhibit"),
        ("© Copyright 2018 Rolling Stone, LLC, a subsidiary of Penske Media", "Rolling Stone"),
        ("Source: Russian Defense Ministry, October 25, 2019", None),  # a statement's source and date
        ("© 2019 Gannett. All rights reserved.", None),  # a group that owns many outlets
        ("© 2019 Microsoft", None),
        ("Copyright © 2019 NewAge ADS", None),  # an ad network's
        ("© 2019 The Printers (Mysore) Private Ltd.", None),  # the printing company that publishes it
    ],
)
def test_stated_outlet(line: str, name: str | None) -> None:
    assert meta.stated_outlet(line) == name


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("On behalf of Jo Banks, Esq. posted in Pedestrian Accidents on Wednesday, September 18, 2013.",
         "2013-09-18"),
        ("On behalf of Banks & Roe, LLP. posted in Hit and Run Accidents on Friday, September 20, 2013.",
         "2013-09-20"),
        ("Posted in News on March 3, 2013 by admin", "2013-03-03"),
        ("This entry was posted in Politics on May 2, 2013.", "2013-05-02"),
        ("Filed under World News on 3 May 2013", "2013-05-03"),
        ("A video posted in March showed the blast on April 2, 2013.", None),  # a sentence
        ("It was posted in March on April 2, 2013.", None),  # a month is no category
        ("The video was posted on YouTube on March 3, 2013.", None),
        ("The clip, posted in full on March 3, 2013.", None),
        ("Posted in News on March 3 by admin", None),  # no year: no date
    ],
)
def test_posted_in_date(line: str, iso: str | None) -> None:
    assert meta.posted_in_date(line) == iso


@pytest.mark.parametrize(
    ("line", "iso"),
    [  # stamps glued together by the page
        ("Published Wed, Nov 20 20194:29 AM ESTUpdated an hour ago", "2019-11-20"),  # year and time
        ("Nov 19, 2019 at 9:08 GMT1 day ago", "2019-11-19"),  # a stamp relative to the reading
        ("Nov.November 18, 2019", "2019-11-18"),  # a month abbreviated, then written out
        ("Published Tue, Nov 19 20197:05 AM ESTUpdated Tue, Nov 19 20197:16 AM EST", "2019-11-19"),
        ("21:17 18.11.2019Get short URL", "2019-11-18"),  # a share widget's link glued to the date
    ],
)
def test_glued_stamps_are_read(line: str, iso: str) -> None:
    assert meta.read_dateline(line) == (iso, True)



@pytest.mark.parametrize(
    ("told", "own", "named"),
    [
        ("Daily News", "New York Daily News", "New York Daily News"),  # how an outlet calls itself
        ("News", "New York Daily News", "New York Daily News"),
        ("Times", "Los Angeles Times", "Los Angeles Times"),
        ("Access", "Access Hollywood", "Access Hollywood"),  # first words too,
        ("Business Insider", "Business Insider Deutschland", "Business Insider"),  # unless an outlet's
        ("New York Times", None, "The New York Times"),  # a known outlet, as it writes itself
        ("Associated Press", None, "The Associated Press"),
        ("Times", None, "Times"),  # one word may name several outlets
        ("CNN", "Reuters", "CNN"),
        ("Ann Brook", "Reuters", "Ann Brook"),
    ],
)
def test_a_listener_is_named_as_the_outlet_writes_itself(told: str, own: str | None, named: str) -> None:
    assert meta.listener_name(told, own) == named


def test_a_known_outlet_is_known_with_or_without_the() -> None:
    assert meta.is_known_outlet("Hollywood Reporter") and meta.is_known_outlet("The New York Times")
    assert not meta.is_known_outlet("Hollywood") and not meta.is_known_outlet("Ann Brook")
