"""Extraction: :class:`RawDocument` -> :class:`Article`.

HTML goes through trafilatura (:mod:`.html`); scraped plain text and markdown through our own
cleaner (:mod:`.text`). Lines repeated across several documents of one outlet or one corpus are
boilerplate (:mod:`.boilerplate`), so documents are best extracted together with
:func:`extract_documents`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from urllib.parse import urlsplit

from corroborator.config import ExtractConfig
from corroborator.errors import InputError, NoArticleError
from corroborator.extract.boilerplate import is_sentence_like, repeated_lines, word_count
from corroborator.extract.html import extract_html
from corroborator.extract.language import detect_language
from corroborator.extract.metadata import url_date, url_month
from corroborator.extract.parts import ExtractedParts
from corroborator.extract.text import clean_text
from corroborator.models import Article, ContentType, Failure, RawDocument

__all__ = ["ExtractedParts", "extract_document", "extract_documents"]


def extract_document(
    doc: RawDocument, config: ExtractConfig | None = None, repeated: frozenset[str] = frozenset()
) -> Article:
    """Extract one document. Raises an :class:`InputError` subclass naming ``doc.source``."""
    config = config or ExtractConfig()
    if doc.content_type is ContentType.HTML:
        parts = extract_html(doc, config)
    else:
        text = doc.content.decode("utf-8")
        parts = clean_text(
            text,
            config=config,
            repeated=repeated,
            markdown=doc.content_type is ContentType.MARKDOWN,
        )
    plain = doc.content_type is not ContentType.HTML
    if len(parts.body.strip()) < config.min_body_chars and not _brief(parts, plain=plain):
        raise NoArticleError(
            doc.source,
            f"no article text found ({len(parts.body.strip())} characters of body, "
            f"at least {config.min_body_chars} expected)",
        )
    hints = doc.hints
    url = parts.url or hints.url or doc.url
    return Article(
        id=doc.content_id,
        source=doc.source,
        body=parts.body,
        title=parts.title or hints.title,
        url=url,
        outlet=parts.outlet or hints.outlet,
        byline=parts.byline or hints.byline,
        published=_published(parts, hints.published, url),
        language=detect_language(f"{parts.title or ''}\n{parts.body}", parts.language),
        captions=parts.captions,
        removed=parts.removed,
        content_type=doc.content_type,
    )


BRIEF_WORDS = 12  # a news brief shorter than ``min_body_chars`` still needs a sentence this long


def _brief(parts: ExtractedParts, *, plain: bool) -> bool:
    """A news brief: a headline, date line or URL over a full sentence or two ("A large fire has
    destroyed much of a supermarket in Somerset."), an article however short. A text file with none
    of those is one when it is nothing but whole sentences (a lead kept alone, a wire snippet); a
    page's markup with no more text than that is a page without an article. Under a headline, date
    line or URL, a text file's lead the scrape cut off mid-sentence is one too."""
    paragraphs = [p for p in parts.body.split("\n\n") if p.strip()]
    headed = bool(parts.title or parts.published or parts.url)
    leads = (p for p in paragraphs if word_count(p) >= BRIEF_WORDS)
    if not any(is_sentence_like(p) or (plain and headed and _cut(p)) for p in leads):
        return False
    if headed:
        return True
    return plain and all(is_sentence_like(p) and p.lstrip()[:1].isupper() for p in paragraphs)


def _cut(paragraph: str) -> bool:
    """A lead the scrape cut off mid-sentence ("... checked into Betty Ford Center in Rancho Mirage,
    Calif,", "taking over will be former Portland Trailblazers Coach..."): a sentence's start."""
    text = paragraph.strip()
    return text[:1].isupper() and text.endswith((",", "...", "…"))


def _published(parts: ExtractedParts, stated: str | None, url: str | None) -> str | None:
    """A date line, else the input's own metadata, else the date the URL's path states, else the
    reading of a date line that could be read two ways ("11/09/2010") whose month the URL's path
    states ("/2010/09/"), else the "Updated" line (as htmldate falls back on a page's only date)."""
    if parts.published or stated:
        return parts.published or stated
    if url and (day := url_date(url)):
        return day
    month = url_month(url) if url and parts.published_readings else None
    picked = [r for r in parts.published_readings if r[:7] == month]
    return picked[0] if len(picked) == 1 else parts.updated


def _group_key(doc: RawDocument) -> str:
    url = doc.url or doc.hints.url
    return urlsplit(url).hostname or "" if url else ""


def extract_documents(
    docs: Sequence[RawDocument], config: ExtractConfig | None = None
) -> list[Article | Failure]:
    """Extract a batch, using lines repeated across its text documents as a boilerplate signal.

    Repetition is counted within each outlet (documents sharing a host) and across the whole batch.
    One bad document becomes a :class:`Failure`; the others are still extracted. Order is kept.
    """
    config = config or ExtractConfig()
    texts = [d.content.decode("utf-8", "replace") for d in docs if d.content_type is not ContentType.HTML]
    corpus_repeated = repeated_lines(texts, config.corpus_repetition)
    by_host: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        if d.content_type is not ContentType.HTML and _group_key(d):
            by_host[_group_key(d)].append(d.content.decode("utf-8", "replace"))
    host_repeated = {h: repeated_lines(t, 2) for h, t in by_host.items() if len(t) >= 2}
    out: list[Article | Failure] = []
    for d in docs:
        repeated = corpus_repeated | host_repeated.get(_group_key(d), frozenset())
        try:
            out.append(extract_document(d, config, repeated))
        except InputError as exc:
            out.append(Failure(exc.source, exc.problem))
        except UnicodeDecodeError as exc:
            out.append(Failure(d.source, f"text is not valid UTF-8 ({exc.reason} at byte {exc.start})"))
    return out
