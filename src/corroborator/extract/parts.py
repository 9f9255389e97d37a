"""What an extractor returns: the clean body plus everything it found or cut."""

from __future__ import annotations

from dataclasses import dataclass

from corroborator.models import Caption, Removed


@dataclass(frozen=True, slots=True)
class ExtractedParts:
    """The output of one extractor (HTML or text), before it becomes an :class:`Article`.

    Metadata fields are ``None`` unless the document states them.
    """

    body: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO date
    updated: str | None = None  # ISO date of an "Updated ..." line (text documents)
    # the two readings (month first, day first) of a dateline that could be either ("11/09/2010"),
    # when no dateline states the date for sure (text documents)
    published_readings: tuple[str, ...] = ()
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    captions: tuple[Caption, ...] = ()
    removed: tuple[Removed, ...] = ()
