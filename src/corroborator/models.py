"""Frozen records passed from stage to stage.

The pipeline is ``sources -> RawDocument -> Article -> ...``. Every record is immutable and slotted;
collections are tuples. Everything extracted from an article carries a :class:`Span` of character
offsets into ``Article.body`` (or into one of its captions), so any statement can be traced back to
the sentence it came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


def iso_day(value: str | None) -> dt.date | None:
    """The day an ISO date or timestamp begins with ("2013-05-03", "2013-05-03T10:00Z"); None when it
    is absent or no day."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


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
    COMMENTS = "comments"  # readers' comments after the article
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
    # ISO date, only when the input states it: a date line or metadata, else its URL's path, else an
    # "Updated" line
    published: str | None = None
    language: str = "en"
    captions: tuple[Caption, ...] = ()
    removed: tuple[Removed, ...] = ()
    content_type: ContentType = ContentType.TEXT

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p for p in self.body.split("\n\n") if p)


# --- annotation (per article) --------------------------------------------------------------------


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"  # countries, cities, states
    NORP = "NORP"  # nationalities, religious or political groups
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity as one article names it. ``caption`` is the caption index, or None for the body."""

    text: str
    span: Span
    type: EntityType
    caption: int | None = None


@dataclass(frozen=True, slots=True)
class Description:
    """How an article describes a person: "director of the Carnegie Russia Eurasia Center"."""

    name: str  # the fullest name of the person in this article
    text: str
    span: Span
    caption: int | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation in one article.

    ``span`` covers the quoted words without the quote marks. ``speaker`` is the fullest name the
    article gives the speaker (a pronoun speaker is resolved to the person it refers to); ``None``
    when the article names no speaker: never guessed.
    """

    text: str
    span: Span
    speaker: str | None = None
    speaker_span: Span | None = None  # where the attribution names the speaker (or the pronoun)
    description: str | None = None
    told_to: str | None = None  # "AFP" in "told AFP"
    cue: str | None = None  # the attribution verb or phrase: said, told, added, according to
    partial: bool = False  # a quoted phrase inside the writer's own sentence
    caption: int | None = None
    # the speaker was worked out ("she said": the last person named who can be meant; or carried from
    # the quotation before), not named at the attribution
    resolved: bool = False


class QuantityKind(StrEnum):
    MONEY = "money"
    AMOUNT = "amount"  # a physical amount with a unit, or a rate
    PERCENT = "percent"
    COUNT = "count"
    DURATION = "duration"
    AGE = "age"  # how old someone or something is ("a 60-year-old woman", "Chohan, 59")


class Bound(StrEnum):
    """A figure given as a bound: the true figure is this or more, or this or less."""

    LOWER = "lower"  # "at least 3", "more than 200", "over 50"
    UPPER = "upper"  # "up to 50", "fewer than 10", "as many as 12"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure with its unit, normalised: money in units of its currency (ISO 4217), lengths,
    areas, volumes and masses in SI base units, rates with a ``/year``-style suffix."""

    text: str
    span: Span
    value: float
    unit: str
    kind: QuantityKind
    period: str | None = None  # the time the figure refers to, resolved (ISO date at its precision)
    approximate: bool = False  # "about", "around", "nearly", "some" (and every bound)
    caption: int | None = None
    bound: Bound | None = None  # "at least 3": a lower bound, consistent with any larger figure


class Precision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression and, when it can be resolved, its ISO value at its precision.

    ``value`` is ``2023-10-17``, ``2023-W41``, ``2023-10``, ``2023`` or a range
    ``2023-10-17/2023-10-18``; ``None`` when it cannot be resolved (a relative expression in an
    article whose date is unknown and cannot be inferred).
    """

    text: str
    span: Span
    value: str | None
    precision: Precision | None
    relative: bool = False  # resolved against the publication date ("next week", "on Tuesday")
    inferred_anchor: bool = False  # resolved against an inferred publication date
    caption: int | None = None
    # the event it dates, read from the parse of its sentence ("Putin arrived in Beijing"); None when
    # made without the annotation pass (the timeline then parses the sentence itself)
    event: str | None = None
    act: str | None = None  # that event's verb, or the noun dated, as written ("convicted", "fight")


@dataclass(frozen=True, slots=True)
class InferredDate:
    """A publication date reasoned from the story, with the evidence, when the article states none."""

    date: str  # ISO date, or a range "2023-10-09/2023-10-16"
    evidence: str


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything found in one article, each item with its span."""

    article_id: str
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    descriptions: tuple[Description, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    published_inferred: InferredDate | None = None


# --- annotation (across the articles of a story) -----------------------------------------------


@dataclass(frozen=True, slots=True)
class Entity:
    """One person or organisation across a story, with every name it goes by."""

    id: str
    name: str  # the fullest name
    type: EntityType
    aliases: tuple[str, ...] = ()
    descriptions: tuple[tuple[str, str], ...] = ()  # (article id, description as that article gives it)
    mentions: tuple[tuple[str, Span], ...] = ()  # (article id, span)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where something appears: an article and a span in its body (or caption ``caption``)."""

    article: str
    span: Span
    caption: int | None = None


@dataclass(frozen=True, slots=True)
class StoryQuote:
    """One quotation across a story: every place it appears, despite quote marks and small edits."""

    id: str
    text: str
    speaker: str | None
    speaker_entity: str | None
    description: str | None
    told_to: str | None
    occurrences: tuple[Occurrence, ...]


# --- reuse and independent reports ------------------------------------------------------------


class ReuseKind(StrEnum):
    VERBATIM = "verbatim"
    PARAPHRASE = "paraphrase"


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of text shared by two articles: its span in the source and in the copy."""

    from_span: Span
    to_span: Span
    kind: ReuseKind = ReuseKind.VERBATIM
    score: float = 1.0  # alignment similarity in [0, 1]


@dataclass(frozen=True, slots=True)
class ReuseLink:
    """Article ``to`` carries reporting taken from article ``from_id`` (direction as inferred)."""

    from_id: str
    to_id: str
    kind: ReuseKind
    shared: float  # share of ``to``'s body that comes from ``from``
    passages: tuple[Passage, ...]
    direction_evidence: str = ""  # why this direction: dates, credits, containment


@dataclass(frozen=True, slots=True)
class ReportTie:
    """Why ``article`` is one report with ``other`` though they share no text: "both by BBC", "relays
    The Hollywood Reporter"; ``evidence`` is the credit in ``article`` ("THR is reporting that"), when
    there is one."""

    article: str
    other: str
    reason: str
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class IndependentReport:
    """Articles that carry the same reporting and so count once; ``origin`` names where it came from;
    ``ties`` say why articles that share no text are in it (one newsroom's stories, credited relays)."""

    id: str
    origin: str  # "AFP wire", or the outlet
    article_ids: tuple[str, ...]
    ties: tuple[ReportTie, ...] = ()


# --- corroboration ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence (or caption) a statement rests on."""

    article: str
    span: Span
    text: str
    caption: int | None = None


class ClaimKind(StrEnum):
    FIGURE = "figure"
    DATE = "date"
    EVENT = "event"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Claim:
    """A group of statements from different articles about the same thing, and its support.

    ``support`` counts independent reports, not articles: a wire story and its reprints count once.
    """

    id: str
    text: str
    kind: ClaimKind
    article_ids: tuple[str, ...]
    report_ids: tuple[str, ...]
    support: int
    evidence: tuple[Evidence, ...]


class ContradictionKind(StrEnum):
    QUANTITY = "quantity"
    DATE = "date"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    OTHER = "other"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a disagreement: the value it asserts and where."""

    article_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    report_ids: tuple[str, ...] = ()
    value: float | None = None
    unit: str | None = None
    date: str | None = None
    text: str | None = None
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Values that cannot both be true, within one aligned group of claims."""

    id: str
    kind: ContradictionKind
    about: str
    severity: Severity
    sides: tuple[Side, ...]
    note: str = ""  # e.g. "a scale slip: million vs billion"; which side has more independent support


@dataclass(frozen=True, slots=True)
class Update:
    """A later report revising an earlier figure (a rising toll): not a disagreement."""

    id: str
    about: str
    earlier: Side
    later: Side


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event of the story, merged across the articles that report it."""

    date: str
    precision: Precision
    event: str
    article_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]
