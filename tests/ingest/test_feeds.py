"""RSS and Atom feeds from files and URLs: entries fetched with hints; bad feeds and entries fail alone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from corroborator.config import IngestConfig
from corroborator.errors import FetchError
from corroborator.ingest import read_sources
from corroborator.ingest.feeds import entry_hints, parse_feed
from corroborator.ingest.web import FetchedPage, HttpFetcher
from corroborator.models import ContentType, Failure, RawDocument, SourceKind

if TYPE_CHECKING:
    from tests.ingest.conftest import LoopbackServer

PAGE = b"<html><body><article><p>Story text.</p></article></body></html>"


def rss(links: list[str]) -> str:
    items = "".join(
        f"""
    <item>
      <title>Story {i}</title>
      <link>{link}</link>
      <pubDate>Tue, 0{i} Mar 2024 10:00:00 GMT</pubDate>
      <author>reporter{i}@example.test (Reporter {i})</author>
      <description>Summary {i}</description>
    </item>"""
        for i, link in enumerate(links, start=1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel><title>Example wire</title><link>https://wire.example/</link><description>d</description>{items}
  </channel>
</rss>
"""


def atom(links: list[str]) -> str:
    entries = "".join(
        f"""
  <entry>
    <title>Entry {i}</title>
    <link href="{link}"/>
    <id>urn:uuid:{i}</id>
    <updated>2024-04-0{i}T08:30:00Z</updated>
    <published>2024-04-0{i}T08:00:00Z</published>
    <author><name>Author {i}</name></author>
  </entry>"""
        for i, link in enumerate(links, start=1)
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom</title><id>urn:feed</id><updated>2024-04-02T00:00:00Z</updated>{entries}
</feed>
"""


class FakeFetcher:
    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages = pages
        self.calls: list[str] = []

    def fetch(self, url: str) -> FetchedPage:
        self.calls.append(url)
        if url not in self.pages:
            raise FetchError(url, "HTTP 404 Not Found")
        return FetchedPage(url, url, 200, self.pages[url], "text/html", None)


def split(items: list[RawDocument | Failure]) -> tuple[list[RawDocument], list[Failure]]:
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Failure)]


def test_rss_file_entries_fetched_with_hints(tmp_path: Path) -> None:
    links = ["https://a.test/1", "https://a.test/2"]
    feed = tmp_path / "wire.rss"
    feed.write_text(rss(links))
    fetcher = FakeFetcher(dict.fromkeys(links, PAGE))
    docs, fails = split(list(read_sources([str(feed)], fetcher=fetcher)))
    assert not fails
    assert [d.source for d in docs] == links
    assert all(d.kind is SourceKind.FEED and d.content_type is ContentType.HTML for d in docs)
    hints = docs[1].hints
    assert (hints.title, hints.published, hints.url) == ("Story 2", "2024-03-02", links[1])
    assert hints.byline is not None and "Reporter 2" in hints.byline


def test_atom_entries_hints() -> None:
    entries = parse_feed(atom(["https://b.test/1"]).encode(), "f")
    hints = entry_hints(entries[0])
    assert (hints.title, hints.byline, hints.published, hints.url) == (
        "Entry 1",
        "Author 1",
        "2024-04-01",
        "https://b.test/1",
    )


def test_failing_entry_is_named_and_others_go_on(tmp_path: Path) -> None:
    links = ["https://a.test/1", "https://a.test/broken", "https://a.test/3"]
    feed = tmp_path / "feed.xml"
    feed.write_text(atom(links))
    fetcher = FakeFetcher({links[0]: PAGE, links[2]: PAGE})
    docs, fails = split(list(read_sources([str(feed)], fetcher=fetcher)))
    assert [d.source for d in docs] == [links[0], links[2]]
    assert [str(f) for f in fails] == ["https://a.test/broken: HTTP 404 Not Found"]


def test_max_feed_entries(tmp_path: Path) -> None:
    links = [f"https://a.test/{i}" for i in range(1, 6)]
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(links))
    fetcher = FakeFetcher(dict.fromkeys(links, PAGE))
    docs, _ = split(list(read_sources([str(feed)], IngestConfig(max_feed_entries=2), fetcher)))
    assert fetcher.calls == links[:2] and len(docs) == 2


def test_malformed_feed_fails_alone(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<?xml version='1.0'?><rss><channel><title>broken</titl")
    good = tmp_path / "good.txt"
    good.write_text("Some article text.")
    docs, fails = split(list(read_sources([str(bad), str(good)], fetcher=FakeFetcher({}))))
    assert [d.source for d in docs] == [str(good)]
    assert len(fails) == 1 and fails[0].source == str(bad)
    assert "malformed RSS/Atom feed with no entries" in fails[0].problem


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    other = tmp_path / "sitemap.xml"
    other.write_text("<?xml version='1.0'?><urlset><url><loc>https://a.test/</loc></url></urlset>")
    docs, fails = split(list(read_sources([str(other)], fetcher=FakeFetcher({}))))
    assert not docs and len(fails) == 1 and fails[0].source == str(other)
    assert "not an RSS or Atom feed" in fails[0].problem


def test_feed_without_entries_is_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty.rss"
    empty.write_text('<rss version="2.0"><channel><title>x</title></channel></rss>')
    docs, fails = split(list(read_sources([str(empty)], fetcher=FakeFetcher({}))))
    assert not docs and [str(f) for f in fails] == [f"{empty}: feed holds no entries"]


def test_feed_url_detected_by_content_over_loopback(http_server: LoopbackServer) -> None:
    page1 = http_server.page("/story/1", PAGE)
    missing = http_server.url("/story/missing")
    # served as text/xml: recognised as a feed by its content, not its URL
    feed_url = http_server.page("/latest", rss([page1, missing]), "text/xml")
    with HttpFetcher(IngestConfig(timeout=0.5)) as fetcher:
        docs, fails = split(list(read_sources([feed_url], IngestConfig(timeout=0.5), fetcher)))
    assert [(d.source, d.kind, d.hints.title) for d in docs] == [(page1, SourceKind.FEED, "Story 1")]
    assert [f.source for f in fails] == [missing] and "HTTP 404" in fails[0].problem


def test_feed_detected_by_content_in_html_or_suffixless_file(tmp_path: Path) -> None:
    saved = tmp_path / "latest.html"
    saved.write_text(rss(["https://a.test/1"]))
    bare = tmp_path / "atomfeed"
    bare.write_text(atom(["https://a.test/2"]))
    fetcher = FakeFetcher({"https://a.test/1": PAGE, "https://a.test/2": PAGE})
    docs, fails = split(list(read_sources([str(saved), str(bare)], fetcher=fetcher)))
    assert not fails
    assert [(d.source, d.kind) for d in docs] == [
        ("https://a.test/1", SourceKind.FEED),
        ("https://a.test/2", SourceKind.FEED),
    ]
