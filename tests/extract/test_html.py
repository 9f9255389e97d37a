"""HTML extraction on small hand-written pages."""

from __future__ import annotations

import pytest

from corroborator.config import ExtractConfig
from corroborator.errors import DecodeError, NoArticleError
from corroborator.extract.html import decode_html, extract_html
from corroborator.models import ContentType, RawDocument, RemovalReason, Removed, SourceKind

PARAS = (
    "The city council voted on Tuesday to close the old river bridge to heavy trucks after engineers found "
    "cracks in two of its supporting piers during a routine inspection last month.",
    "Council member Ruth Vale said the decision was made to protect drivers. \u201cWe cannot wait for a "
    "failure,\u201d she told the meeting, adding that repairs would begin in the spring.",
    "The bridge carries about 12,000 vehicles a day. Trucks will be sent along the ring road, which adds "
    "roughly eight minutes to a crossing, according to the transport department.",
)


def page(head: str = "", article: str = "", extra: str = "", lang: str = "en") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>'
        '<li><a href="/sport">Sport pages</a></li></ul></nav></header>'
        f"<main><article><h1>Council closes river bridge to trucks</h1>{article}{paras}</article></main>"
        '<aside class="related-stories"><h2>Related stories</h2><ul>'
        '<li><a href="/a">Harbour tunnel opening delayed again</a></li>'
        '<li><a href="/b">Mayor unveils new cycling plan for downtown</a></li></ul></aside>'
        f"{extra}"
        '<footer><p>Copyright Example Media Group. All rights reserved.</p></footer>'
        "</body></html>"
    )


def doc(html: str | bytes, url: str | None = None, encoding: str | None = None) -> RawDocument:
    content = html.encode("utf-8") if isinstance(html, str) else html
    return RawDocument("page.html", SourceKind.FILE, ContentType.HTML, content, url=url, encoding=encoding)


def test_body_keeps_article_paragraphs_and_drops_chrome() -> None:
    parts = extract_html(doc(page()), ExtractConfig())
    assert parts.body.split("\n\n") == list(PARAS)
    for chrome in ("Home", "World news", "Harbour tunnel", "Copyright Example"):
        assert chrome not in parts.body


def test_removed_records_navigation_related_footer_and_title() -> None:
    parts = extract_html(doc(page()), ExtractConfig())
    by_reason = {r.reason: r.text for r in parts.removed}
    assert "World news" in by_reason[RemovalReason.NAVIGATION]
    assert "Harbour tunnel opening delayed again" in by_reason[RemovalReason.RELATED]
    assert "Copyright Example Media Group" in by_reason[RemovalReason.FOOTER]
    assert not any(p in r.text for r in parts.removed for p in PARAS)


def test_headline_is_not_the_first_paragraph() -> None:
    parts = extract_html(doc(page()), ExtractConfig())
    assert not parts.body.startswith("Council closes river bridge")
    assert Removed("Council closes river bridge to trucks", RemovalReason.TITLE) in parts.removed


def test_figure_caption_with_credit() -> None:
    figure = (
        '<figure><img src="bridge.jpg" alt="">'
        "<figcaption>Engineers inspect a cracked pier under the river bridge on Monday."
        ' <span class="credit">Photo: Ana Ruiz/Example Press</span></figcaption></figure>'
    )
    parts = extract_html(doc(page(article=figure)), ExtractConfig())
    assert len(parts.captions) == 1
    caption = parts.captions[0]
    assert caption.text == "Engineers inspect a cracked pier under the river bridge on Monday."
    assert caption.credit == "Ana Ruiz/Example Press"
    assert "Engineers inspect" not in parts.body


def test_caption_credit_stated_in_text() -> None:
    figure = "<figure><figcaption>Trucks queue at the bridge ramp. (AP Photo/Lee Chan)</figcaption></figure>"
    parts = extract_html(doc(page(article=figure)), ExtractConfig())
    assert [(c.text, c.credit) for c in parts.captions] == [
        ("Trucks queue at the bridge ramp.", "AP Photo/Lee Chan")
    ]


def test_metadata_from_meta_tags() -> None:
    head = (
        "<title>Council closes river bridge to trucks | Riverside Gazette</title>"
        '<meta property="og:title" content="Council closes river bridge to trucks">'
        '<meta property="og:site_name" content="Riverside Gazette">'
        '<meta name="author" content="Tom Harper">'
        '<meta property="article:published_time" content="2024-03-05T09:30:00Z">'
        '<link rel="canonical" href="https://news.example.org/local/bridge-closed">'
    )
    parts = extract_html(doc(page(head=head), url="https://m.example.org/x?utm=1"), ExtractConfig())
    assert parts.title == "Council closes river bridge to trucks"
    assert parts.outlet == "Riverside Gazette"
    assert parts.byline == "Tom Harper"
    assert parts.published == "2024-03-05"
    assert parts.url == "https://news.example.org/local/bridge-closed"
    assert parts.language == "en"


def test_unstated_metadata_stays_none() -> None:
    parts = extract_html(doc(page(lang="de"), url="https://www.example.org/story"), ExtractConfig())
    assert parts.outlet is None  # not named after the URL's host
    assert parts.published is None
    assert parts.byline is None
    assert parts.language == "de"


def test_copyright_year_is_not_a_publication_date() -> None:
    extra = "<div><p>\u00a9 2021 Example Media Group</p></div>"
    parts = extract_html(doc(page(extra=extra)), ExtractConfig())
    assert parts.published is None


def test_byline_from_markup() -> None:
    article = '<p class="byline">By Maria Lopez</p>'
    parts = extract_html(doc(page(article=article)), ExtractConfig())
    assert parts.byline == "Maria Lopez"


def test_page_without_article_raises() -> None:
    html = (
        "<html><head><title>Index</title></head><body><nav><ul>"
        + "".join(f'<li><a href="/{i}">Section {i}</a></li>' for i in range(20))
        + "</ul></nav></body></html>"
    )
    with pytest.raises(NoArticleError) as info:
        extract_html(doc(html), ExtractConfig())
    assert info.value.source == "page.html"


def test_empty_page_raises() -> None:
    with pytest.raises(NoArticleError):
        extract_html(doc(b"   "), ExtractConfig())


def test_windows_1252_meta_charset() -> None:
    html = page().replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    html = html.replace("the meeting", "the caf\u00e9 meeting \u2013 packed")
    raw = html.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    parts = extract_html(doc(raw), ExtractConfig())
    assert "\u201cWe cannot wait for a failure,\u201d" in parts.body
    assert "caf\u00e9 meeting \u2013 packed" in parts.body


def test_latin1_label_means_windows_1252() -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body>\u201cquoted\u201d</body></html>'
    raw = html.encode("cp1252")
    assert "\u201cquoted\u201d" in decode_html(doc(raw))


def test_transport_charset_wins_over_meta() -> None:
    raw = '<html><head><meta charset="utf-8"></head><body>Gr\u00fc\u00dfe</body></html>'.encode("latin-1")
    assert "Gr\u00fc\u00dfe" in decode_html(doc(raw, encoding="ISO-8859-1"))


def test_unknown_declared_charset_falls_back_to_utf8() -> None:
    raw = '<html><head><meta charset="x-bogus"></head><body>na\u00efve</body></html>'.encode()
    assert "na\u00efve" in decode_html(doc(raw))


def test_binary_input_is_a_decode_error() -> None:
    raw = bytes(range(256)) * 40
    with pytest.raises(DecodeError):
        extract_html(doc(raw), ExtractConfig())
