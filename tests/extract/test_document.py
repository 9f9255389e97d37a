"""``extract_document``: what the document states wins over the source's hints, and the publication
date falls back on the URL's date, then on an "Updated" line."""

from __future__ import annotations

import pytest

from corroborator.errors import NoArticleError
from corroborator.extract import extract_document
from corroborator.extract.metadata import url_date
from corroborator.models import ContentType, RawDocument, SourceHints, SourceKind

BODY = (
    "The city of Lorvik will build a second tram line across the river, the council decided on Tuesday.\n\n"
    "The new line will link the central station with the hospital and the university campus in the north."
)


def document(text: str, url: str | None = None, hints: SourceHints | None = None) -> RawDocument:
    return RawDocument(
        "a.txt", SourceKind.FILE, ContentType.TEXT, text.encode(), url=url, hints=hints or SourceHints()
    )


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://news.example.com/2013/05/03/lohan-misses-deadline/", "2013-05-03"),
        ("https://news.example.com/2012/7/7/3143743/fight-results", "2012-07-07"),
        ("https://news.example.com/film/2013/aug/02/host-named", "2013-08-02"),
        ("https://news.example.com/nation/2007-04-09-office-shooting_N.htm", "2007-04-09"),
        ("https://news.example.com/new-york/20130914/richmond-hill/crash", "2013-09-14"),
        ("https://news.example.com/stories/2013/38/crash_web_2013_09_14_q.html", "2013-09-14"),
        ("https://news.example.com/article.jsp?ymd=20081216&content_id=3718580", "2008-12-16"),
        ("https://news.example.com/2008/12/offer-made.html", None),  # a month is no date
        ("https://news.example.com/story/20121231999/", None),  # digits of a longer number
        ("https://news.example.com/2009/POLITICS/03/03/species/", None),
        ("https://2013-05-03.example.com/story", None),  # the host is not the path
        ("https://news.example.com/2023/02/30/no-such-day", None),
    ],
)
def test_url_date(url: str, iso: str | None) -> None:
    assert url_date(url) == iso


def test_publication_date_order() -> None:
    url = "https://news.example.com/2023/10/12/tram/"
    stated = document("Lorvik Approves Tram\n\nPublished October 14, 2023\n\n" + BODY, url)
    assert extract_document(stated).published == "2023-10-14"  # the document's date line
    hinted = document(BODY, url, SourceHints(published="2023-10-13"))
    assert extract_document(hinted).published == "2023-10-13"  # then the source's metadata
    assert extract_document(document(BODY, url)).published == "2023-10-12"  # then the URL's date
    with_line = document("Original url: " + url + "\n\n" + BODY)
    assert extract_document(with_line).published == "2023-10-12"  # a URL the text states
    updated = "Updated: October 15, 2023 20: 09 IST\n\n" + BODY
    assert extract_document(document(updated, url)).published == "2023-10-12"
    assert extract_document(document(updated)).published == "2023-10-15"  # then the update
    assert extract_document(document(BODY, "https://news.example.com/tram")).published is None


def test_the_urls_month_says_which_way_a_dateline_reads() -> None:
    text = "Lorvik Approves Tram\n\n11/09/2010\n\n" + BODY
    at = "https://news.example.com/{}/tram.html".format
    assert extract_document(document(text, at("2010/09"))).published == "2010-09-11"
    assert extract_document(document(text, at("2010/11"))).published == "2010-11-09"
    assert extract_document(document(text, at("2010/10"))).published is None
    assert extract_document(document(text)).published is None  # never guessed
    hinted = document(text, "https://news.example.com/2010/09/tram.html", SourceHints(published="2010-09-12"))
    assert extract_document(hinted).published == "2010-09-12"  # the source's own date comes first


def test_a_news_brief_is_an_article_however_short() -> None:
    sentence = "A large fire has destroyed much of a supermarket in the centre of Lorvik overnight."
    article = extract_document(document(f"Fire destroys Lorvik supermarket\n\n{sentence}"))
    assert article.title == "Fire destroys Lorvik supermarket" and article.body.startswith("A large fire")
    with pytest.raises(NoArticleError):  # a title alone, or words that are no sentence, are none
        extract_document(document("Fire destroys Lorvik supermarket\n\nVideo: watch the fire"))
    # a text that is only whole sentences is a lead kept alone, a wire snippet
    assert extract_document(document(sentence)).body == sentence
    second = "Two people were treated for smoke inhalation."
    assert extract_document(document(f"{sentence}\n\n{second}")).body.endswith(second)
    with pytest.raises(NoArticleError):  # but not when the rest is no sentence
        extract_document(document(f"{sentence}\n\nmore photos on page 4."))
    with pytest.raises(NoArticleError):  # nor a short one
        extract_document(document("The fire is out."))
    # a lead the scrape cut off mid-sentence, under a headline: a report all the same
    cut = "Early Friday morning, around 1:30 a.m., the actress checked into a clinic in Rancho Mirage, Calif,"
    headed = f"Actress checks into rehab\n\nFri., May. 3, 2013 11:45 AM PDT\n\n{cut}"
    assert extract_document(document(headed)).body == cut
    with pytest.raises(NoArticleError):  # but not with nothing over it
        extract_document(document(cut))
    page = f"<html><body><p>{sentence}</p></body></html>".encode()
    with pytest.raises(NoArticleError):  # a page with no more than that, not even a title, has no article
        extract_document(RawDocument("a.html", SourceKind.FILE, ContentType.HTML, page))
