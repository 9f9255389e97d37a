"""Fetching URLs behind a small :class:`Fetcher` protocol; :class:`HttpFetcher` is the httpx one.

Tests inject a fake fetcher (or an ``httpx.MockTransport``), so nothing here needs the network to
be tested. Every failure is a :class:`~corroborator.errors.FetchError` (or ``TooLargeError``) whose
message is one line naming the URL.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self
from urllib.parse import urlsplit

import httpx

from corroborator.config import IngestConfig
from corroborator.errors import EmptyInputError, FetchError, TooLargeError
from corroborator.ingest.decode import is_html_type, looks_like_html, parse_content_type
from corroborator.models import ContentType, RawDocument, SourceHints, SourceKind

ALLOWED_SCHEMES = ("http", "https")


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """One HTTP response: the URL asked for, where redirects ended, and the body as bytes."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str | None  # media type without parameters, lower case ("text/html")
    encoding: str | None  # the charset parameter of Content-Type, if any


class Fetcher(Protocol):
    """Anything that turns a URL into a :class:`FetchedPage` or raises an ``InputError`` naming it."""

    def fetch(self, url: str) -> FetchedPage: ...


def check_url(url: str) -> None:
    """Raise :class:`FetchError` unless ``url`` is an absolute http(s) URL."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(url, f"unsupported URL scheme {parts.scheme!r}, expected http or https")
    if not parts.hostname:
        raise FetchError(url, "URL has no host name")


class HttpFetcher:
    """Fetches pages with httpx: timeouts, a redirect limit, a size cap and a clear User-Agent.

    ``transport`` replaces the network (``httpx.MockTransport`` in tests). Use as a context
    manager, or call :meth:`close`, to release connections.
    """

    def __init__(
        self, config: IngestConfig | None = None, transport: httpx.BaseTransport | None = None
    ) -> None:
        self._config = config or IngestConfig()
        self._client = httpx.Client(
            follow_redirects=True,
            max_redirects=self._config.max_redirects,
            timeout=httpx.Timeout(self._config.timeout),
            headers={"User-Agent": self._config.user_agent},
            transport=transport,
        )

    def fetch(self, url: str) -> FetchedPage:
        check_url(url)
        timeout = self._config.timeout
        try:
            with self._client.stream("GET", url) as response:
                return self._read(url, response, deadline=time.monotonic() + timeout)
        except httpx.TooManyRedirects as exc:
            raise FetchError(url, f"too many redirects (more than {self._config.max_redirects})") from exc
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {timeout:g} s ({_name(exc)})") from exc
        except httpx.ConnectError as exc:
            raise FetchError(url, f"cannot connect: {_reason(exc)}") from exc
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(
                url, f"unsupported URL (redirected to a non-http(s) URL?): {_reason(exc)}"
            ) from exc
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL: {_reason(exc)}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"request failed: {_name(exc)}: {_reason(exc)}") from exc

    def _read(self, url: str, response: httpx.Response, deadline: float) -> FetchedPage:
        final_url = str(response.url)
        where = url if final_url == url else f"{url} (redirected to {final_url})"
        if response.status_code >= 400:
            phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
            raise FetchError(url, f"HTTP {response.status_code}{phrase} from {where}")
        cap = self._config.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise TooLargeError(
                url, f"response is {declared} bytes, above the limit of {cap} (ingest.max_bytes)"
            )
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > cap:
                raise TooLargeError(
                    url, f"response is larger than {cap} bytes (ingest.max_bytes); stopped reading"
                )
            if time.monotonic() > deadline:
                raise FetchError(url, f"timed out after {self._config.timeout:g} s reading the body")
        mime, charset = parse_content_type(response.headers.get("Content-Type"))
        return FetchedPage(url, final_url, response.status_code, bytes(body), mime, charset)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def page_document(page: FetchedPage, source: str, kind: SourceKind, hints: SourceHints) -> RawDocument:
    """An HTML page as a document; any other content type is a :class:`FetchError` naming ``source``."""
    if not page.content.strip():
        raise EmptyInputError(source, f"empty response body from {page.final_url}")
    html = is_html_type(page.content_type) or (page.content_type is None and looks_like_html(page.content))
    if not html:
        shown = page.content_type or "no Content-Type and not HTML"
        raise FetchError(source, f"not an HTML page ({shown}); expected text/html")
    return RawDocument(
        source=source,
        kind=kind,
        content_type=ContentType.HTML,
        content=page.content,
        url=page.final_url,
        encoding=page.encoding,
        hints=hints,
    )


def _name(exc: BaseException) -> str:
    return type(exc).__name__


def _reason(exc: BaseException) -> str:
    """The innermost one-line reason of an httpx error ("[Errno 111] Connection refused")."""
    text = str(exc).strip() or _name(exc)
    return " ".join(text.split())
