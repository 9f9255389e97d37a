from __future__ import annotations

import dataclasses

import pytest

from corroborator.models import Article, ContentType, RawDocument, SourceKind, Span, content_hash


def test_span_checks_and_slices() -> None:
    assert Span(2, 5).text("abcdefg") == "cde"
    with pytest.raises(ValueError):
        Span(5, 2)


def test_records_are_frozen() -> None:
    article = Article(id="x", source="a.txt", body="one\n\ntwo")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.body = "changed"  # type: ignore[misc]
    assert article.paragraphs == ("one", "two")


def test_raw_document_id_is_a_content_hash() -> None:
    a = RawDocument("a.txt", SourceKind.FILE, ContentType.TEXT, b"same bytes")
    b = RawDocument("b.txt", SourceKind.FILE, ContentType.TEXT, b"same bytes")
    c = RawDocument("a.txt", SourceKind.FILE, ContentType.TEXT, b"other bytes")
    assert a.content_id == b.content_id == content_hash(b"same bytes")
    assert a.content_id != c.content_id
