"""Frozen records passed from stage to stage.

The pipeline is ``sources -> RawDocument -> Article -> ...``. Every record is immutable and slotted;
collections are tuples. Everything extracted from an article carries a :class:`Span` of character
offsets into ``Article.body`` (or into one of its captions), so any statement can be traced back to
the sentence it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


def content_hash(data: bytes | str, length: int = 16) -> str:
    """Stable hex id of some content (sha256, truncated)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open ``[start, end)`` character offsets into an article's body."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text(self, body: str) -> str:
        return body[self.start : self.end]

    def as_list(self) -> list[int]:
        return [self.start, self.end]


class SourceKind(StrEnum):
    """Where a raw document was read from."""

    FILE = "file"
    URL = "url"
    FEED = "feed"
    WARC = "warc"


class ContentType(StrEnum):
    """What the raw bytes are, which decides the extractor."""

    HTML = "html"
    TEXT = "text"  # scraped plain text
    MARKDOWN = "markdown"


@dataclass(frozen=True, slots=True)
class SourceHints:
    """Metadata the source itself states (a JSON record's fields, a feed entry, HTTP headers).

    Extraction prefers what the document says; hints fill fields the document leaves unstated.
    Never guessed: a field is ``None`` unless the source states it.
    """

    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601 date
    outlet: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as read, before extraction.

    ``source`` names where it was read from: a file path (ending with the file's name), a URL, or
    ``archive.warc.gz#<record target URI>`` / ``records.jsonl#<line>`` for documents inside a container.
    ``content`` is the undecoded bytes for HTML (so the extractor can sniff its charset) and UTF-8
    text for everything else.
    """

    source: str
    kind: SourceKind
    content_type: ContentType
    content: bytes
    url: str | None = None
    encoding: str | None = None  # charset declared by the transport, if any
    hints: SourceHints = field(default_factory=SourceHints)

    @property
    def content_id(self) -> str:
        """Content hash of the raw bytes: the same input read twice has the same id."""
        return content_hash(self.content)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed, and why, in one line."""

    source: str
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"


class RemovalReason(StrEnum):
    """Why a piece of text was taken out of an article's body."""

    TITLE = "title"
    BYLINE = "byline"
    DATELINE = "dateline"
    CAPTION = "caption"
    CREDIT = "credit"
    NAVIGATION = "navigation"
    RELATED = "related"
    SHARE = "share"
    PAYWALL = "paywall"
    HEADLINE_LIST = "headline_list"
    FOOTER = "footer"
    CONTRIBUTOR = "contributor"
    EMBED = "embed"
    IMAGE_ALT = "image_alt"
    PROMO = "promo"
    REPEATED = "repeated"  # text repeated across documents of one outlet or corpus
    MARKUP = "markup"  # markdown or HTML debris with no words
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Removed:
    """Text cut out of the body, kept with its reason: nothing is silently dropped."""

    text: str
    reason: RemovalReason


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption: kept apart from the body, but part of what the article asserts."""

    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: body text, metadata stated by the input, and what was removed."""

    id: str  # content hash of the raw input
    source: str
    body: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO date, only when the input states it
    language: str = "en"
    captions: tuple[Caption, ...] = ()
    removed: tuple[Removed, ...] = ()
    content_type: ContentType = ContentType.TEXT

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p for p in self.body.split("\n\n") if p)
