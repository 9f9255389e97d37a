"""RSS 2.0 and Atom feeds: each entry's link is fetched, with the entry's own metadata as hints.

A feed that cannot be parsed and has no entries is one :class:`~corroborator.errors.FeedError`; an
entry whose page cannot be fetched is one failure naming the entry's link, and the others go on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from corroborator.config import IngestConfig
from corroborator.errors import EmptyInputError, FeedError, InputError
from corroborator.ingest.web import Fetcher, page_document
from corroborator.models import Failure, RawDocument, SourceHints, SourceKind

log = logging.getLogger(__name__)


def parse_feed(data: bytes, source: str) -> list[Any]:
    """The entries of a feed, or :class:`FeedError` if it is malformed with no entries at all."""
    if not data.strip():
        raise EmptyInputError(source, "feed is empty")
    parsed = feedparser.parse(data)
    entries: list[Any] = list(parsed.entries)
    if entries:
        return entries
    if parsed.bozo:
        reason = " ".join(str(parsed.get("bozo_exception", "unknown error")).split())
        raise FeedError(source, f"malformed RSS/Atom feed with no entries ({reason})")
    if not parsed.version:
        raise FeedError(source, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
    raise EmptyInputError(source, "feed holds no entries")


def entry_hints(entry: Any) -> SourceHints:
    """What the entry states about its article: title, ISO publication date, author, link."""
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return SourceHints(
        title=_clean(entry.get("title")),
        byline=_clean(entry.get("author")),
        published=time.strftime("%Y-%m-%d", published) if published else None,
        url=_clean(entry.get("link")),
    )


def read_feed(
    data: bytes, source: str, config: IngestConfig, fetcher: Fetcher
) -> Iterator[RawDocument | Failure]:
    """Fetch the pages a feed links to, at most ``config.max_feed_entries`` of them."""
    entries = parse_feed(data, source)
    if len(entries) > config.max_feed_entries:
        log.info(
            "%s: reading the first %d of %d entries (ingest.max_feed_entries)",
            source,
            config.max_feed_entries,
            len(entries),
        )
    for index, entry in enumerate(entries[: config.max_feed_entries], start=1):
        hints = entry_hints(entry)
        link = hints.url
        if link is None:
            yield Failure(f"{source}#entry{index}", "feed entry has no link to fetch")
            continue
        try:
            page = fetcher.fetch(link)
            yield page_document(page, link, SourceKind.FEED, hints)
        except InputError as exc:
            yield Failure(exc.source, exc.problem)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None
