"""Byte-level checks shared by every reader: binary sniffing, text decoding, content types.

Text must reach the extractor as UTF-8. Input that is not UTF-8 is decoded from a UTF-16 BOM, or
from a legacy single- or multi-byte encoding when exactly one reading of the bytes is plausible
text; otherwise it is a :class:`~corroborator.errors.DecodeError` giving the first bad byte.
"""

from __future__ import annotations

import codecs
import itertools
import logging
import re
import unicodedata
from datetime import datetime
from email.message import Message
from email.utils import parsedate_to_datetime

from corroborator.errors import BinaryInputError, DecodeError, EmptyInputError

log = logging.getLogger(__name__)

# Magic numbers of formats that are never an article; checked before any decoding.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an office document)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.05

# Legacy encodings tried, in order of how common they are on news sites; the first plausible wins.
_LEGACY_SINGLE_BYTE = (
    "cp1252",
    "cp1250",
    "cp1251",
    "koi8_r",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso8859_8",
    "mac_roman",
)
_LEGACY_MULTI_BYTE = ("shift_jis", "euc_jp", "gb18030", "big5", "euc_kr")
_ALLOWED_SYMBOLS = frozenset("\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿×÷€™")
_MAX_JUNK_RATIO = 0.02
_SCORE_CHARS = 100_000
_IN_WORD = frozenset("’‘ʼ‐‑·")
_MAX_ODD_WORD_RATIO = 0.25
_MAX_ACCENTED_RATIO = 0.6


def check_binary(data: bytes, source: str) -> None:
    """Raise :class:`BinaryInputError` if ``data`` looks like a binary file rather than text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(source, f"binary file ({what}), expected text, HTML, JSON, a feed or WARC")
    head = data[:_SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        return
    nul = head.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(source, f"binary file (NUL byte at offset {nul}), expected text")
    controls = sum(1 for b in head if (b < 0x20 and b not in b"\t\n\r\f\v\x1b") or b == 0x7F)
    if head and controls / len(head) > _MAX_CONTROL_RATIO:
        raise BinaryInputError(
            source, f"binary file ({controls} control bytes in the first {len(head)}), expected text"
        )


def check_not_empty(data: bytes, source: str, what: str = "file is empty") -> None:
    if not data.strip():
        raise EmptyInputError(source, what if not data else f"{what} (whitespace only)")


def decode_text(data: bytes, source: str) -> str:
    """Decode text bytes to ``str``: UTF-8 (BOM allowed), UTF-16 with a BOM, or a legacy encoding."""
    skipped = 0
    if data.startswith(codecs.BOM_UTF8):
        skipped = len(codecs.BOM_UTF8)
        data = data[skipped:]
    elif data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(source, f"invalid UTF-16 despite its byte order mark ({exc.reason})") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_offset = exc.start + skipped
        legacy = detect_legacy_encoding(data)
        if legacy is None:
            raise DecodeError(
                source,
                f"not valid UTF-8 and no legacy encoding detected (first bad byte at offset {bad_offset})",
            ) from exc
        log.info("%s: not UTF-8, decoded as %s", source, legacy)
        return data.decode(legacy)


def detect_legacy_encoding(data: bytes) -> str | None:
    """The legacy encoding under which ``data`` reads most plausibly as text, or ``None``.

    Each candidate that decodes without error is scored on the decoded text (junk symbols, odd
    words, a case pattern upside down); the lowest score wins, ties going to the more common
    encoding, and only a plausible reading is accepted.
    """
    best: tuple[float, str] | None = None
    for encoding in _LEGACY_SINGLE_BYTE + _LEGACY_MULTI_BYTE:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _implausibility(text[:_SCORE_CHARS], multibyte=encoding in _LEGACY_MULTI_BYTE)
        if score is not None and (best is None or score < best[0]):
            best = (score, encoding)
    return best[1] if best else None


def _implausibility(text: str, *, multibyte: bool) -> float | None:
    """How unlike writing decoded text is (0 is best), or ``None`` if it is not plausible at all."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return 0.0
    if multibyte and not any(_is_cjk_marker(c) for c in non_ascii):
        return None
    junk = sum(1 for c in non_ascii if _is_junk(c)) / len(non_ascii)
    words = [w for w in (_strip_word(w) for w in text.split()) if any(ord(c) > 0x7F for c in w)]
    odd = sum(1 for w in words if _odd_word(w)) / len(words) if words else 0.0
    if junk > _MAX_JUNK_RATIO or odd > _MAX_ODD_WORD_RATIO:
        return None
    cased = [c for c in non_ascii if c.isupper() or c.islower()]
    upper = sum(1 for c in cased if c.isupper()) / len(cased) if cased else 0.0
    return junk + odd + 0.1 * upper


def _is_junk(char: str) -> bool:
    category = unicodedata.category(char)
    if category[0] in "LMN" or category in ("Pd", "Pi", "Pf", "Po", "Ps", "Pe", "Sc"):
        return "HALFWIDTH" in unicodedata.name(char, "")
    return char not in _ALLOWED_SYMBOLS


def _is_cjk_marker(char: str) -> bool:
    """Kana, Hangul or CJK punctuation: present in real CJK text, rare in a mis-decoding."""
    code = ord(char)
    return 0x3000 <= code <= 0x30FF or 0xAC00 <= code <= 0xD7A3 or 0xFF01 <= code <= 0xFF5E


def _strip_word(word: str) -> str:
    start, end = 0, len(word)
    while start < end and not word[start].isalpha():
        start += 1
    while end > start and not word[end - 1].isalpha():
        end -= 1
    return word[start:end]


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC")):
        return "CJK"
    return name.split(" ", 1)[0]


def _odd_word(word: str) -> bool:
    """Mixed scripts, a symbol inside, a capital after a small letter, or a Latin word made mostly of
    accented letters (how Cyrillic read as Windows-1252 looks: "Ïðåçèäåíò").
    """
    if any(ord(c) > 0x7F and not c.isalpha() and c not in _IN_WORD and not _is_cjk_marker(c) for c in word):
        return True
    letters = "".join(c for c in word if c.isalpha())
    scripts = {_script(c) for c in letters}
    if len(scripts) > 1:
        return True
    if any(a.islower() and b.isupper() for a, b in itertools.pairwise(letters)):
        return True
    accented = sum(1 for c in letters if ord(c) > 0x7F)
    return scripts == {"LATIN"} and len(letters) >= 3 and accented / len(letters) > _MAX_ACCENTED_RATIO


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``"text/html; charset=ISO-8859-1"`` -> ``("text/html", "iso-8859-1")``."""
    if not value or not value.strip():
        return None, None
    message = Message()
    message["content-type"] = value
    mime = message.get_content_type().lower()
    charset = message.get_param("charset")
    return mime, (charset.strip().lower() or None) if isinstance(charset, str) else None


def is_html_type(mime: str | None) -> bool:
    return mime in ("text/html", "application/xhtml+xml")


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


def looks_like_feed(data: bytes) -> bool:
    """RSS or Atom by content: the root element is ``<rss>``, ``<feed>`` (Atom) or ``<rdf:RDF>``."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<html" in head[:1024]:
        return False
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: str | None) -> str | None:
    """An ISO 8601 or RFC 2822 date/time as ``YYYY-MM-DD``; ``None`` when absent or unparseable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    match = _DATE_PREFIX.match(text)
    if match:
        try:
            return datetime(int(match[1]), int(match[2]), int(match[3])).date().isoformat()
        except ValueError:
            return None
    return None
