"""Article <-> storage: a row of the ``articles`` table, and a JSON-ready dict.

Captions and removed parts are stored as compact JSON arrays (``[{"text": …, "credit": …}]`` and
``[{"text": …, "reason": "caption"}]``); enums are stored by value. Decoding is strict: a value the
code does not know (an unknown removal reason, malformed JSON) raises :class:`StoreError` naming the
article, never a half-built record. ``article_from_row(article_to_row(a, …)) == a`` for every article.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from corroborator.errors import StoreError
from corroborator.models import Article, Caption, ContentType, RemovalReason, Removed

ARTICLE_COLUMNS = (
    "id",
    "source",
    "url",
    "title",
    "outlet",
    "byline",
    "published",
    "language",
    "content_type",
    "body",
    "chars",
    "captions",
    "removed",
    "extractor_version",
    "created_at",
)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def captions_to_json(captions: tuple[Caption, ...]) -> str:
    return _dumps([{"text": c.text, "credit": c.credit} for c in captions])


def removed_to_json(removed: tuple[Removed, ...]) -> str:
    return _dumps([{"text": r.text, "reason": r.reason.value} for r in removed])


def _items(text: str, what: str, article_id: str) -> list[dict[str, Any]]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"article {article_id}: {what} is not valid JSON ({exc})") from exc
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise StoreError(f"article {article_id}: {what} must be a JSON array of objects, got {text[:80]!r}")
    return value


def _str_or_none(value: object, what: str, article_id: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise StoreError(f"article {article_id}: {what} must be a string or null, got {value!r}")


def _str(value: object, what: str, article_id: str) -> str:
    if isinstance(value, str):
        return value
    raise StoreError(f"article {article_id}: {what} must be a string, got {value!r}")


def captions_from_json(text: str, article_id: str = "?") -> tuple[Caption, ...]:
    return tuple(
        Caption(
            text=_str(item.get("text"), "caption text", article_id),
            credit=_str_or_none(item.get("credit"), "caption credit", article_id),
        )
        for item in _items(text, "captions", article_id)
    )


def removed_from_json(text: str, article_id: str = "?") -> tuple[Removed, ...]:
    out: list[Removed] = []
    for item in _items(text, "removed", article_id):
        reason = item.get("reason")
        try:
            kind = RemovalReason(str(reason))
        except ValueError as exc:
            allowed = ", ".join(r.value for r in RemovalReason)
            raise StoreError(
                f"article {article_id}: unknown removal reason {reason!r} (known: {allowed}); "
                "the store may have been written by a newer corroborator"
            ) from exc
        out.append(Removed(text=_str(item.get("text"), "removed text", article_id), reason=kind))
    return tuple(out)


def _content_type(value: object, article_id: str) -> ContentType:
    try:
        return ContentType(str(value))
    except ValueError as exc:
        allowed = ", ".join(c.value for c in ContentType)
        raise StoreError(f"article {article_id}: unknown content type {value!r} (known: {allowed})") from exc


def article_to_row(article: Article, *, extractor_version: str, created_at: str) -> dict[str, object]:
    """The ``articles`` row for ``article`` (keys are :data:`ARTICLE_COLUMNS`)."""
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "published": article.published,
        "language": article.language,
        "content_type": article.content_type.value,
        "body": article.body,
        "chars": len(article.body),
        "captions": captions_to_json(article.captions),
        "removed": removed_to_json(article.removed),
        "extractor_version": extractor_version,
        "created_at": created_at,
    }


def article_from_row(row: Mapping[str, Any]) -> Article:
    """Rebuild an :class:`Article` from an ``articles`` row (a ``sqlite3.Row`` or a dict)."""
    article_id = str(row["id"])
    return Article(
        id=article_id,
        source=row["source"],
        body=row["body"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        byline=row["byline"],
        published=row["published"],
        language=row["language"],
        captions=captions_from_json(row["captions"], article_id),
        removed=removed_from_json(row["removed"], article_id),
        content_type=_content_type(row["content_type"], article_id),
    )


def article_to_dict(article: Article) -> dict[str, Any]:
    """A JSON-ready dict of ``article`` (captions and removed parts as lists of objects)."""
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "published": article.published,
        "language": article.language,
        "content_type": article.content_type.value,
        "body": article.body,
        "captions": [{"text": c.text, "credit": c.credit} for c in article.captions],
        "removed": [{"text": r.text, "reason": r.reason.value} for r in article.removed],
    }


def article_from_dict(data: Mapping[str, Any]) -> Article:
    """Inverse of :func:`article_to_dict`; raises :class:`StoreError` on a missing or bad field."""
    article_id = str(data.get("id", "?"))
    try:
        row = {key: data[key] for key in ("id", "source", "body")}
    except KeyError as exc:
        raise StoreError(f"article {article_id}: missing field {exc.args[0]!r}") from exc
    row.update(
        {
            key: data.get(key)
            for key in ("url", "title", "outlet", "byline", "published", "language", "content_type")
        }
    )
    row["language"] = row["language"] or "en"
    row["content_type"] = row["content_type"] or ContentType.TEXT.value
    row["captions"] = _dumps(data.get("captions", []))
    row["removed"] = _dumps(data.get("removed", []))
    return article_from_row(row)
