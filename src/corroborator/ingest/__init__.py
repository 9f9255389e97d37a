"""Ingest: source strings -> :class:`RawDocument` records, and a :class:`Failure` per bad input.

A source is a file, a directory (walked recursively in sorted order, hidden entries skipped), an
http(s) URL, an RSS/Atom feed (URL or file, recognised by its content) or a WARC archive. See
``docs/input-formats.md`` for the supported files and the JSON field mapping.

:func:`read_sources` never raises for a bad input: it yields one failure line naming the input and
the problem, and goes on with the other inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from corroborator.config import IngestConfig
from corroborator.errors import FormatError, InputError, MissingInputError
from corroborator.ingest.decode import looks_like_feed
from corroborator.ingest.feeds import read_feed
from corroborator.ingest.files import (
    SUPPORTED_SUFFIXES,
    FileKind,
    file_kind,
    open_stream,
    read_capped,
    read_file,
)
from corroborator.ingest.warc import read_warc
from corroborator.ingest.web import FetchedPage, Fetcher, HttpFetcher, check_url, page_document
from corroborator.models import Failure, RawDocument, SourceHints, SourceKind

__all__ = ["FetchedPage", "Fetcher", "HttpFetcher", "read_sources"]

_SNIFF_BYTES = 4096


def read_sources(
    sources: Iterable[str], config: IngestConfig | None = None, fetcher: Fetcher | None = None
) -> Iterator[RawDocument | Failure]:
    """Read every source, yielding documents and failures in order. Never raises for a bad input.

    ``fetcher`` fetches URLs and feed entries; by default an :class:`HttpFetcher` is made when the
    first URL needs it and closed at the end.
    """
    reader = _Reader(config or IngestConfig(), fetcher)
    try:
        for source in sources:
            yield from _guarded(source, reader.read(source))
    finally:
        reader.close()


def _guarded(source: str, items: Iterator[RawDocument | Failure]) -> Iterator[RawDocument | Failure]:
    try:
        yield from items
    except InputError as exc:
        yield Failure(exc.source, exc.problem)
    except OSError as exc:
        yield Failure(source, f"cannot read: {exc.strerror or exc}")


def is_url(source: str) -> bool:
    scheme = urlsplit(source).scheme
    return "://" in source and len(scheme) > 1


class _Reader:
    """Dispatches one source string to the reader for its kind; owns the default fetcher."""

    def __init__(self, config: IngestConfig, fetcher: Fetcher | None) -> None:
        self._config = config
        self._given = fetcher
        self._made: HttpFetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._given is not None:
            return self._given
        if self._made is None:
            self._made = HttpFetcher(self._config)
        return self._made

    def close(self) -> None:
        if self._made is not None:
            self._made.close()

    def read(self, source: str) -> Iterator[RawDocument | Failure]:
        if is_url(source):
            yield from self._read_url(source)
            return
        path = Path(source)
        if path.is_dir():
            yield from self._read_dir(path)
        elif path.is_file():
            kind = file_kind(path) or (FileKind.FEED if _file_is_feed(path, source) else None)
            if kind is None:
                raise FormatError(
                    source,
                    f"unknown file type {path.suffix or '(no suffix)'!r}; supported: "
                    + " ".join(SUPPORTED_SUFFIXES)
                    + " (each optionally .gz)",
                )
            yield from self._read_file(path, source, kind)
        elif path.exists():
            raise FormatError(source, "not a regular file or directory")
        else:
            raise MissingInputError(source, "no such file or directory")

    def _read_url(self, url: str) -> Iterator[RawDocument | Failure]:
        check_url(url)
        page = self.fetcher.fetch(url)
        if _is_feed(page):
            yield from read_feed(page.content, url, self._config, self.fetcher)
        else:
            yield page_document(page, url, SourceKind.URL, SourceHints(url=page.final_url))

    def _read_dir(self, directory: Path) -> Iterator[RawDocument | Failure]:
        """Files under ``directory``, depth first in sorted name order; hidden entries and files of
        unknown type skipped, symlinked folders not followed."""
        try:
            entries = sorted(directory.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            yield Failure(str(directory), f"cannot list directory: {exc.strerror or exc}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir() and not entry.is_symlink():
                yield from self._read_dir(entry)
            elif entry.is_file() and (kind := file_kind(entry)) is not None:
                yield from _guarded(str(entry), self._read_file(entry, str(entry), kind))

    def _read_file(self, path: Path, source: str, kind: FileKind) -> Iterator[RawDocument | Failure]:
        if kind is FileKind.WARC:
            yield from read_warc(path, source, self._config)
        elif kind is FileKind.FEED or (kind is FileKind.HTML and _file_is_feed(path, source)):
            yield from read_feed(
                read_capped(path, source, self._config.max_bytes), source, self._config, self.fetcher
            )
        else:
            yield from read_file(path, source, kind, self._config)


def _file_is_feed(path: Path, source: str) -> bool:
    """Whether a file's first bytes are an RSS/Atom root (a feed saved as .html or with no suffix)."""
    if path.stat().st_size == 0:
        return False
    with open_stream(path, source) as stream:
        return looks_like_feed(stream.read(_SNIFF_BYTES))


def _is_feed(page: FetchedPage) -> bool:
    mime = page.content_type or ""
    if mime in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    xmlish = mime.endswith(("/xml", "+xml")) or mime in ("", "text/html", "text/plain")
    return xmlish and looks_like_feed(page.content)
