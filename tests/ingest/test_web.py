"""URLs: HttpFetcher against a loopback server, error mapping, and read_sources with a fake fetcher."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from corroborator.config import IngestConfig
from corroborator.errors import FetchError, TooLargeError
from corroborator.ingest import read_sources
from corroborator.ingest.web import FetchedPage, HttpFetcher, page_document
from corroborator.models import ContentType, Failure, RawDocument, SourceHints, SourceKind

if TYPE_CHECKING:
    from tests.ingest.conftest import LoopbackServer

PAGE = "<html><head><title>T</title></head><body><p>The bridge reopened on Sunday.</p></body></html>"
FAST = IngestConfig(timeout=0.5, max_redirects=3)


class FakeFetcher:
    """In-memory fetcher: URL -> page, or an exception to raise."""

    def __init__(self, pages: dict[str, FetchedPage | Exception]) -> None:
        self.pages = pages
        self.calls: list[str] = []

    def fetch(self, url: str) -> FetchedPage:
        self.calls.append(url)
        page = self.pages.get(url) or FetchError(url, "HTTP 404 Not Found")
        if isinstance(page, Exception):
            raise page
        return page


def html_page(
    url: str, body: str = PAGE, content_type: str | None = "text/html", final: str | None = None
) -> FetchedPage:
    return FetchedPage(url, final or url, 200, body.encode(), content_type, "utf-8")


def split(items: list[RawDocument | Failure]) -> tuple[list[RawDocument], list[Failure]]:
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Failure)]


# --- HttpFetcher on the loopback server --------------------------------------------------------


def test_fetch_normal_page(http_server: LoopbackServer) -> None:
    url = http_server.page("/a", PAGE, "text/html; charset=ISO-8859-1")
    with HttpFetcher(FAST) as fetcher:
        page = fetcher.fetch(url)
    assert (page.status, page.final_url, page.content) == (200, url, PAGE.encode())
    assert (page.content_type, page.encoding) == ("text/html", "iso-8859-1")
    assert http_server.requests == [("/a", FAST.user_agent)]


def test_redirect_chain_keeps_given_url_as_source(http_server: LoopbackServer) -> None:
    final = http_server.page("/final", PAGE)
    http_server.redirect("/hop2", "/final", status=301)
    start = http_server.redirect("/hop1", http_server.url("/hop2"))
    with HttpFetcher(FAST) as fetcher:
        docs, fails = split(list(read_sources([start], FAST, fetcher)))
    assert not fails
    (doc,) = docs
    assert (doc.source, doc.url, doc.kind, doc.content_type) == (
        start,
        final,
        SourceKind.URL,
        ContentType.HTML,
    )
    assert doc.encoding == "utf-8"


def test_too_many_redirects(http_server: LoopbackServer) -> None:
    http_server.redirect("/loop", "/loop")
    url = http_server.url("/loop")
    with HttpFetcher(FAST) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert info.value.source == url
    assert "too many redirects (more than 3)" in info.value.problem


def test_http_404(http_server: LoopbackServer) -> None:
    url = http_server.url("/missing")
    with HttpFetcher(FAST) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert str(info.value).startswith(f"{url}: HTTP 404 Not Found")


def test_http_500(http_server: LoopbackServer) -> None:
    url = http_server.respond("/boom", status=503, body=b"down")
    with HttpFetcher(FAST) as fetcher, pytest.raises(FetchError, match="HTTP 503"):
        fetcher.fetch(url)


def test_timeout(http_server: LoopbackServer) -> None:
    url = http_server.respond("/slow", body=PAGE.encode(), delay=1.5)
    with HttpFetcher(IngestConfig(timeout=0.3)) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert info.value.source == url and "timed out after 0.3 s" in info.value.problem


def test_oversize_body(http_server: LoopbackServer) -> None:
    url = http_server.page("/big", "<p>" + "x" * 5000 + "</p>")
    with (
        HttpFetcher(IngestConfig(max_bytes=1000, timeout=0.5)) as fetcher,
        pytest.raises(TooLargeError) as info,
    ):
        fetcher.fetch(url)
    assert info.value.source == url and "limit of 1000" in info.value.problem


def test_oversize_body_without_content_length_stops_streaming() -> None:
    def chunks() -> httpx.SyncByteStream:
        class Stream(httpx.SyncByteStream):
            def __iter__(self):  # type: ignore[no-untyped-def]
                for _ in range(1000):
                    yield b"y" * 1000

        return Stream()

    transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=chunks()))
    config = IngestConfig(max_bytes=5000)
    with (
        HttpFetcher(config, transport=transport) as fetcher,
        pytest.raises(TooLargeError, match="than 5000 bytes"),
    ):
        fetcher.fetch("http://mock.test/stream")


def test_connection_refused(closed_port_url: str) -> None:
    with HttpFetcher(FAST) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(closed_port_url)
    assert info.value.source == closed_port_url and "cannot connect" in info.value.problem


def test_dns_failure_is_mapped() -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    with HttpFetcher(FAST, transport=httpx.MockTransport(fail)) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch("http://no-such-host.invalid/x")
    assert "cannot connect: [Errno -2] Name or service not known" in info.value.problem


def test_only_http_schemes() -> None:
    with HttpFetcher(FAST) as fetcher, pytest.raises(FetchError, match="unsupported URL scheme 'ftp'"):
        fetcher.fetch("ftp://example.test/file")


def test_url_failures_in_read_sources_do_not_stop_others(
    http_server: LoopbackServer, closed_port_url: str, tmp_path: Path
) -> None:
    good = http_server.page("/good", PAGE)
    pdf = http_server.page("/doc.pdf", b"%PDF-1.4 ...", "application/pdf")
    missing = http_server.url("/missing")
    text_file = tmp_path / "a.txt"
    text_file.write_text("A local article body.")
    with HttpFetcher(FAST) as fetcher:
        items = list(read_sources([missing, closed_port_url, pdf, good, str(text_file)], FAST, fetcher))
    docs, fails = split(items)
    assert [d.source for d in docs] == [good, str(text_file)]
    assert [f.source for f in fails] == [missing, closed_port_url, pdf]
    assert "HTTP 404" in fails[0].problem
    assert "cannot connect" in fails[1].problem
    assert "not an HTML page (application/pdf)" in fails[2].problem


# --- read_sources with an in-memory fetcher -----------------------------------------------------


def test_fake_fetcher_url_document() -> None:
    fetcher = FakeFetcher({"https://a.test/x": html_page("https://a.test/x", final="https://a.test/y")})
    docs, fails = split(list(read_sources(["https://a.test/x", "https://a.test/gone"], fetcher=fetcher)))
    assert [d.url for d in docs] == ["https://a.test/y"]
    assert docs[0].hints.url == "https://a.test/y"
    assert [str(f) for f in fails] == ["https://a.test/gone: HTTP 404 Not Found"]


def test_unsupported_scheme_in_sources_is_a_failure() -> None:
    fetcher = FakeFetcher({})
    docs, fails = split(list(read_sources(["ftp://a.test/x"], fetcher=fetcher)))
    assert not docs and "unsupported URL scheme 'ftp'" in fails[0].problem
    assert fetcher.calls == []


def test_page_document_checks_content() -> None:
    hints = SourceHints()
    assert page_document(html_page("u", content_type=None), "u", SourceKind.URL, hints).encoding == "utf-8"
    with pytest.raises(FetchError, match="no Content-Type and not HTML"):
        page_document(html_page("u", body="just words", content_type=None), "u", SourceKind.URL, hints)
    with pytest.raises(FetchError, match="not an HTML page"):
        page_document(html_page("u", content_type="application/json"), "u", SourceKind.URL, hints)
    with pytest.raises(Exception, match="empty response body"):
        page_document(html_page("u", body="  "), "u", SourceKind.URL, hints)
