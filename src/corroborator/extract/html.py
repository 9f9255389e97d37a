"""HTML pages -> :class:`ExtractedParts`, with trafilatura for the body and htmldate for the date.

The page is decoded once (transport charset, byte-order mark, ``<meta charset>``, UTF-8, then
detection) and parsed once; metadata, captions and the page's other text are read from that tree,
and trafilatura extracts the body from its own copy. Metadata is only what the page states: the
outlet is ``None`` unless the page names itself, the date ``None`` unless the page (or its URL)
gives one. What the body leaves out is kept in ``removed`` with a reason.
"""

from __future__ import annotations

import codecs
import json
import re
from contextlib import suppress
from typing import Any

import htmldate
import trafilatura
from charset_normalizer import from_bytes
from trafilatura import metadata as tmeta
from trafilatura.utils import load_html

from corroborator.config import ExtractConfig
from corroborator.errors import DecodeError, NoArticleError
from corroborator.extract.parts import ExtractedParts
from corroborator.models import Caption, RawDocument, RemovalReason, Removed

__all__ = ["decode_html", "extract_html"]

HtmlElement = Any  # an lxml.html.HtmlElement: lxml ships no type stubs

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG: these labels mean windows-1252 in HTML, whose 0x80-0x9f are printable (curly quotes, dashes)
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp819"}
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "blockquote", "pre")
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary"})
_CHROME_CLASS = re.compile(
    r"related|share|social|newsletter|subscribe|promo|paywall|breadcrumb|recommend|trending|most-read"
    r"|\bnav|menu",
    re.IGNORECASE,
)
_REASON_WORDS = (
    (re.compile(r"paywall|meter"), RemovalReason.PAYWALL),
    (re.compile(r"share|social"), RemovalReason.SHARE),
    (
        re.compile(r"related|recommend|trending|most-read|more-stories|aside|complementary"),
        RemovalReason.RELATED,
    ),
    (re.compile(r"newsletter|subscribe|promo|sponsor|advert"), RemovalReason.PROMO),
    (re.compile(r"footer|contentinfo"), RemovalReason.FOOTER),
    (re.compile(r"comment"), RemovalReason.OTHER),
)
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|attribution|source|byline", re.IGNORECASE)
_CREDIT_LABEL = re.compile(
    r"[\s(\[]*(?:(?:photo(?:graph)?|image|picture|illustration|video)s?\s*(?:credit)?\s*(?:by\b|:)"
    r"|credits?\s*:|©|\(c\))\s*",
    re.IGNORECASE,
)
_CREDIT_AGENCY = re.compile(r"\(([^()]*\b(?:AP|AFP|EPA|Reuters|Getty|Images|Photo|Press|Pool)\b[^()]*)\)\s*$")
_BYLINE_XPATH = "//*[@rel='author' or @itemprop='author' or contains(@class,'byline')]"
_LANGUAGE_XPATH = "//head/meta[@http-equiv='content-language' or @property='og:locale']/@content"
_BY_PREFIX = re.compile(r"^(?:by|written by|words by|story by|author:?)\s+", re.IGNORECASE)
_MAX_REMOVED = 60  # entries kept per page
_MAX_REMOVED_CHARS = 400  # characters kept per entry


def decode_html(doc: RawDocument) -> str:
    """Decode a page's bytes: declared charsets first, then UTF-8, then detection.

    Raises :class:`DecodeError` naming ``doc.source`` when no encoding fits the bytes.
    """
    data = doc.content
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    match = _META_CHARSET.search(data[:4096])
    declared = [doc.encoding, match.group(1).decode("ascii", "replace") if match else None]
    for label in [*declared, "utf-8"]:
        text = _try_decode(data, label)
        if text is not None:
            return text
    best = from_bytes(data[:20000]).best()
    if best is not None:
        text = _try_decode(data, best.encoding)
        if text is not None:
            return text
    raise DecodeError(
        doc.source,
        f"cannot decode the page: not UTF-8 and no fitting charset (declared: {doc.encoding or 'none'}, "
        f"meta: {declared[1] or 'none'}); re-save it as UTF-8 or state its charset",
    )


def _try_decode(data: bytes, label: str | None) -> str | None:
    if not label:
        return None
    name = label.strip().lower()
    name = "cp1252" if name in _AS_CP1252 else name
    try:
        return data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None


def extract_html(doc: RawDocument, config: ExtractConfig) -> ExtractedParts:
    """Extract body, metadata, captions and removed text from one HTML page."""
    text = decode_html(doc)
    if "\x00" in text:
        raise DecodeError(doc.source, "the page holds NUL characters: binary data, not HTML")
    tree = load_html(text) if text.strip() else None
    if tree is None:
        raise NoArticleError(doc.source, "no article: the input does not parse as an HTML page")
    url = doc.url or doc.hints.url
    found = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=config.html_fast,
        favor_precision=config.html_favor_precision,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
    )
    paragraphs = _paragraphs(getattr(found, "text", None) or "")
    if not paragraphs:
        raise NoArticleError(doc.source, "no article: trafilatura found no main text on the page")
    if sum(map(len, paragraphs)) < 2000 and _all_chrome(tree, paragraphs):
        raise NoArticleError(doc.source, "no article: the page's only text is navigation or footer links")
    meta = _metadata(tree, url)
    removed: list[Removed] = []
    title = meta["title"]
    h1 = next(tree.iter("h1"), None)
    headings = {_norm(t) for t in (title, h1.text_content() if h1 is not None else None) if t}
    while paragraphs and _norm(paragraphs[0]) in headings:
        removed.append(Removed(paragraphs.pop(0), RemovalReason.TITLE))
    captions = _captions(tree)
    caption_texts = {_norm(c.text) for c in captions} | {
        _norm(f"{c.text} {c.credit}") for c in captions if c.credit
    }
    kept = []
    for para in paragraphs:
        if _norm(para) in caption_texts:
            removed.append(Removed(para, RemovalReason.CAPTION))
        else:
            kept.append(para)
    if not kept:
        raise NoArticleError(doc.source, "no article: the page's main text is only a title or captions")
    body = "\n\n".join(kept)
    removed.extend(_page_chrome(tree, body, headings | caption_texts))
    return ExtractedParts(
        body=body,
        title=title,
        byline=meta["byline"],
        published=_published(tree, meta["url"] or url),
        url=meta["url"] or url,
        outlet=meta["outlet"],
        language=_language(tree),
        captions=captions,
        removed=tuple(removed[:_MAX_REMOVED]),
    )


def _all_chrome(tree: HtmlElement, paragraphs: list[str]) -> bool:
    """True when every paragraph trafilatura kept sits in the page's navigation or footer."""
    chrome = " ".join(_norm(el.text_content()) for el in tree.iter("nav", "footer", "menu"))
    return bool(chrome) and all(p.lstrip("-• ") in chrome for p in paragraphs)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(text: str) -> list[str]:
    return [p for p in (_norm(line) for line in text.split("\n")) if p]


def _metadata(tree: HtmlElement, url: str | None) -> dict[str, str | None]:
    """Title, byline, canonical URL and outlet, as meta tags, JSON-LD or the markup state them.

    Uses trafilatura's metadata readers, but not its fallback that names the outlet after the URL's host.
    """
    meta = tmeta.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a bare handle, not a name
    if not (meta.title and meta.author and meta.sitename):
        # JSON-LD fills what the meta tags leave out; when it is malformed, keep what they said
        with suppress(ValueError, TypeError, KeyError, AttributeError, IndexError, json.JSONDecodeError):
            meta = tmeta.extract_meta_json(tree, meta)
    title = meta.title or tmeta.extract_title(tree)
    author = meta.author or _byline(tree)
    outlet = meta.sitename or tmeta.extract_sitename(tree)
    return {
        "title": _norm(title) if title else None,
        "byline": _norm(author) if author else None,
        "url": meta.url or tmeta.extract_url(tree, None),
        "outlet": _norm(outlet.lstrip("@")) or None if outlet else None,
    }


def _byline(tree: HtmlElement) -> str | None:
    """A byline the markup marks as such (rel/itemprop author, class "byline"), if it reads as names."""
    for node in tree.xpath(_BYLINE_XPATH)[:8]:
        text = _BY_PREFIX.sub("", _norm(node.text_content())).strip(" ,|")
        plausible = 1 < len(text.split()) <= 8 and len(text) <= 80 and text[0].isupper()
        if plausible and not any(ch.isdigit() for ch in text):
            return text
    return None


def _published(tree: HtmlElement, url: str | None) -> str | None:
    """The page's own publication date (ISO), never a guess.

    htmldate's extensive search ends with guesses (a copyright year becomes January 1st, a month
    alone its 1st day); a first-of-month date is kept only when the strict search finds it too.
    """
    found: str | None = htmldate.find_date(tree, extensive_search=True, original_date=True, url=url)
    if found and found.endswith("-01"):
        strict = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
        return found if strict == found else None
    return found


def _language(tree: HtmlElement) -> str | None:
    stated = tree.get("lang") or tree.get("xml:lang")
    candidates = [stated] if stated else tree.xpath(_LANGUAGE_XPATH)
    for raw in candidates:
        code = re.split(r"[-_,\s]", str(raw or "").strip())[0].lower()
        if code.isalpha() and 2 <= len(code) <= 3:
            return code
    return None


def _captions(tree: HtmlElement) -> tuple[Caption, ...]:
    """Figure captions with their credits, in page order, each once."""
    nodes = [
        el
        for el in tree.iter("figcaption", "div", "p", "span", "small", "cite", "section")
        if el.tag == "figcaption" or "caption" in (el.get("class") or "").lower()
    ]
    marked = set(nodes)
    seen: set[str] = set()
    out = []
    for node in nodes:
        if any(anc in marked for anc in node.iterancestors()):
            continue
        caption = _caption(node)
        if caption is not None and caption.text not in seen:
            seen.add(caption.text)
            out.append(caption)
    return tuple(out)


def _caption(node: HtmlElement) -> Caption | None:
    full = _norm(node.text_content())
    credit = None
    for part in node.iterdescendants():
        marks = f"{part.get('class', '')} {part.get('itemprop', '')}"
        if _CREDIT_CLASS.search(marks) and _norm(part.text_content()):
            credit = _norm(part.text_content())
            full = _norm(full.replace(credit, " "))
            break
    if credit is None:
        label = _CREDIT_LABEL.search(full)
        agency = _CREDIT_AGENCY.search(full)
        if label and label.start() > 0:
            credit, full = full[label.end() :].rstrip(")] "), full[: label.start()]
        elif agency:
            credit, full = agency.group(1), full[: agency.start()]
    if credit is not None:
        credit = _CREDIT_LABEL.sub("", credit, count=1).strip(" ()[]") or None
    text = full.strip(" |-–—")
    if len(text.split()) < 2:
        return None
    return Caption(text=text, credit=credit)


def _page_chrome(tree: HtmlElement, body: str, known: set[str]) -> list[Removed]:
    """The page's visible text blocks that are not in the body, with a reason where the markup tells one.

    One entry per chrome region (navigation, footer, related links...), then the other blocks one by one.
    """
    opening = _norm(body[:80])
    candidates = [
        el
        for el in tree.iter("nav", "header", "footer", "aside", "div", "section", "ul", "ol")
        if el.tag in _CHROME_TAGS
        or el.get("role") in _CHROME_ROLES
        or _CHROME_CLASS.search(el.get("class") or "")
    ]
    marked = set(candidates)
    region_of: dict[HtmlElement, int] = {}
    regions: list[tuple[RemovalReason, list[str]]] = []
    for el in candidates:
        if el in region_of or any(anc in marked for anc in el.iterancestors()):
            continue
        if opening and opening in _norm(el.text_content()):
            continue  # a wrapper around the article itself
        for block in el.iter(*_BLOCKS):
            region_of[block] = len(regions)
        regions.append((_reason(el), []))
    seen = set(known)
    seen.update(body.split("\n\n"))
    others: list[str] = []
    last = ""
    for block in tree.iter(*_BLOCKS):
        text = _norm(block.text_content())
        if not text or text in seen or text in last or text in body:
            continue
        seen.add(text)
        last = text
        index = region_of.get(block)
        if index is not None:
            regions[index][1].append(text)
        elif len(others) < _MAX_REMOVED:
            others.append(text)
    out = [Removed(_trim(" | ".join(texts)), reason) for reason, texts in regions if texts]
    return out + [Removed(_trim(text), RemovalReason.OTHER) for text in others]


def _reason(region: HtmlElement) -> RemovalReason:
    marks = f"{region.tag} {region.get('class', '')} {region.get('id', '')} {region.get('role', '')}".lower()
    for pattern, reason in _REASON_WORDS:
        if pattern.search(marks):
            return reason
    return RemovalReason.NAVIGATION


def _trim(text: str) -> str:
    return text if len(text) <= _MAX_REMOVED_CHARS else text[: _MAX_REMOVED_CHARS - 1].rstrip() + "…"
