"""Local files: plain text, markdown, HTML, JSON and JSONL records, any of them gzipped.

Sizes are checked before reading, and gzip is decompressed as a stream that stops past
``IngestConfig.max_bytes``, so neither a huge file nor a gzip bomb is read into memory. JSONL is a
container: the cap applies to each line, and each bad line is its own failure.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from corroborator.config import IngestConfig, JsonFields
from corroborator.errors import DecodeError, EmptyInputError, FormatError, InputError, TooLargeError
from corroborator.ingest.decode import check_binary, check_not_empty, decode_text, iso_date
from corroborator.models import ContentType, Failure, RawDocument, SourceHints, SourceKind

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 65536


class FileKind(StrEnum):
    """What a file holds, decided by its suffix (``.gz`` looked through)."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"
    FEED = "feed"
    WARC = "warc"


_SUFFIXES: dict[str, FileKind] = {
    ".txt": FileKind.TEXT,
    ".text": FileKind.TEXT,
    ".md": FileKind.MARKDOWN,
    ".markdown": FileKind.MARKDOWN,
    ".html": FileKind.HTML,
    ".htm": FileKind.HTML,
    ".xhtml": FileKind.HTML,
    ".json": FileKind.JSON,
    ".jsonl": FileKind.JSONL,
    ".ndjson": FileKind.JSONL,
    ".xml": FileKind.FEED,
    ".rss": FileKind.FEED,
    ".atom": FileKind.FEED,
    ".warc": FileKind.WARC,
}
_CONTENT_TYPES = {FileKind.TEXT: ContentType.TEXT, FileKind.MARKDOWN: ContentType.MARKDOWN}
SUPPORTED_SUFFIXES = tuple(sorted(_SUFFIXES))


def file_kind(path: Path) -> FileKind | None:
    """The kind of a file from its name, or ``None`` for a type we do not read."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return _SUFFIXES.get(Path(name).suffix)


def is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == GZIP_MAGIC


class GzipStream:
    """A gzip file read as a stream; damage becomes a :class:`DecodeError` naming the file.

    Everything decompressed before the damage is returned first; the error is raised by the read
    after it. Not an ``EOFError``: readers such as warcio take that for a clean end of input.
    """

    def __init__(self, path: Path, source: str) -> None:
        self._source = source
        self._gz = gzip.GzipFile(filename=path, mode="rb")
        self._error: DecodeError | None = None

    def read(self, size: int = -1) -> bytes:
        parts: list[bytes] = []
        wanted = size if size >= 0 else None
        got = 0
        while self._error is None and (wanted is None or got < wanted):
            try:
                chunk = self._gz.read1(_CHUNK if wanted is None else min(_CHUNK, wanted - got))
            except EOFError as exc:
                self._error = DecodeError(
                    self._source,
                    f"truncated gzip: the data ends before its end marker (at uncompressed offset "
                    f"{self._gz.tell()})",
                )
                self._error.__cause__ = exc
                break
            except (gzip.BadGzipFile, zlib.error) as exc:
                self._error = DecodeError(
                    self._source, f"corrupt gzip data at uncompressed offset {self._gz.tell()} ({exc})"
                )
                self._error.__cause__ = exc
                break
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        if not parts and self._error is not None:
            raise self._error
        return b"".join(parts)

    def tell(self) -> int:
        return self._gz.tell()

    def close(self) -> None:
        self._gz.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_stream(path: Path, source: str) -> IO[bytes] | GzipStream:
    """Open a file for streaming, decompressing it if it is gzip (by magic bytes)."""
    if is_gzip(path):
        return GzipStream(path, source)
    return path.open("rb")


def read_capped(path: Path, source: str, max_bytes: int) -> bytes:
    """All bytes of a (possibly gzipped) file, refusing more than ``max_bytes`` after decompression."""
    size = path.stat().st_size
    if size == 0:
        raise EmptyInputError(source, "file is empty (0 bytes)")
    if size > max_bytes:
        raise TooLargeError(
            source,
            f"file is {size} bytes, above the limit of {max_bytes} (raise ingest.max_bytes to read it)",
        )
    if not is_gzip(path):
        return path.read_bytes()
    with GzipStream(path, source) as stream:
        data = stream.read(max_bytes + 1)
        if len(data) <= max_bytes:
            stream.read(1)  # at the end: raises if the gzip data was damaged
    if len(data) > max_bytes:
        raise TooLargeError(
            source,
            f"gzip file decompresses to more than {max_bytes} bytes (stopped reading; "
            "raise ingest.max_bytes to read it)",
        )
    if not data:
        raise EmptyInputError(source, "gzip file is empty after decompression")
    return data


def read_file(
    path: Path, source: str, kind: FileKind, config: IngestConfig
) -> Iterator[RawDocument | Failure]:
    """Documents of a text, markdown, HTML, JSON or JSONL file. Raises :class:`InputError` for the file."""
    if kind is FileKind.JSONL:
        yield from read_jsonl(path, source, config)
        return
    data = read_capped(path, source, config.max_bytes)
    check_binary(data, source)
    check_not_empty(data, source)
    if kind is FileKind.HTML:
        yield RawDocument(source=source, kind=SourceKind.FILE, content_type=ContentType.HTML, content=data)
    elif kind is FileKind.JSON:
        yield from _json_records(decode_text(data, source), source, config.json_fields)
    elif kind in _CONTENT_TYPES:
        text = decode_text(data, source)
        check_not_empty(text.encode("utf-8"), source, "file holds only whitespace")
        yield RawDocument(
            source=source,
            kind=SourceKind.FILE,
            content_type=_CONTENT_TYPES[kind],
            content=text.encode("utf-8"),
        )
    else:
        raise FormatError(source, f"cannot read {kind.value} here (internal dispatch error)")


def _json_records(text: str, source: str, fields: JsonFields) -> Iterator[RawDocument | Failure]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(
            source, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise FormatError(
            source, f"JSON holds a {type(value).__name__}, expected an object or a list of objects"
        )
    if not value:
        raise EmptyInputError(source, "JSON list holds no records")
    for index, item in enumerate(value, start=1):
        yield _record_or_failure(item, f"{source}#{index}", fields)


def read_jsonl(path: Path, source: str, config: IngestConfig) -> Iterator[RawDocument | Failure]:
    """One document per line; a bad line is a failure named ``file#line`` and the others go on."""
    if path.stat().st_size == 0:
        raise EmptyInputError(source, "file is empty (0 bytes)")
    records = 0
    with open_stream(path, source) as stream:
        head = stream.read(_CHUNK)
        check_binary(head, source)
        lineno = 0
        pending = head
        while True:
            lineno += 1
            line, pending, too_long = _next_line(stream, pending, config.max_bytes)
            if line is None:
                break
            if too_long:
                yield Failure(
                    f"{source}#{lineno}", f"line is longer than {config.max_bytes} bytes (ingest.max_bytes)"
                )
                continue
            if not line.strip():
                continue
            records += 1
            yield _line_record(line, f"{source}#{lineno}", config.json_fields)
    if records == 0:
        raise EmptyInputError(source, "JSONL file holds no records")


def _next_line(stream: IO[bytes] | GzipStream, pending: bytes, cap: int) -> tuple[bytes | None, bytes, bool]:
    """The next line (without its newline), the bytes read past it, and whether it was over ``cap``.

    Never holds more than ``cap`` bytes of one line: an overlong line is dropped up to its newline.
    """
    buffer = bytearray(pending)
    too_long = False
    searched = 0
    while True:
        newline = buffer.find(b"\n", searched)
        if newline >= 0:
            line, rest = bytes(buffer[:newline]), bytes(buffer[newline + 1 :])
            return (b"" if too_long else line), rest, too_long or len(line) > cap
        if len(buffer) > cap:
            too_long = True
            buffer.clear()
        searched = len(buffer)
        chunk = stream.read(_CHUNK)
        if not chunk:
            if not buffer and not too_long:
                return None, b"", False
            return bytes(buffer), b"", too_long
        buffer += chunk


def _line_record(line: bytes, source: str, fields: JsonFields) -> RawDocument | Failure:
    try:
        value = json.loads(decode_text(line, source))
    except json.JSONDecodeError as exc:
        return Failure(source, f"malformed JSON at column {exc.colno}: {exc.msg}")
    except InputError as exc:
        return Failure(exc.source, exc.problem)
    return _record_or_failure(value, source, fields)


def _record_or_failure(item: object, source: str, fields: JsonFields) -> RawDocument | Failure:
    try:
        return json_record(item, source, fields)
    except InputError as exc:
        return Failure(exc.source, exc.problem)


def json_record(item: object, source: str, fields: JsonFields) -> RawDocument:
    """One JSON object -> a document, with the record's own metadata as hints."""
    if not isinstance(item, dict):
        raise FormatError(source, f"record is a {type(item).__name__}, expected a JSON object")
    hints = SourceHints(
        title=_text_field(item, fields.title),
        byline=_text_field(item, fields.byline),
        published=iso_date(_text_field(item, fields.published)),
        outlet=_text_field(item, fields.outlet),
        url=_text_field(item, fields.url),
    )
    body = _text_field(item, fields.body)
    if body is not None:
        content_type = ContentType.MARKDOWN if looks_like_markdown(body) else ContentType.TEXT
        return RawDocument(
            source, SourceKind.FILE, content_type, body.encode("utf-8"), url=hints.url, hints=hints
        )
    html = _text_field(item, fields.html)
    if html is not None:
        return RawDocument(
            source,
            SourceKind.FILE,
            ContentType.HTML,
            html.encode("utf-8"),
            url=hints.url,
            encoding="utf-8",
            hints=hints,
        )
    raise FormatError(
        source,
        f"record has no article text: neither field {fields.body!r} (ingest.json_fields.body) nor "
        f"{fields.html!r} (ingest.json_fields.html) holds a non-empty string",
    )


def _lookup(item: dict[str, Any], path: str) -> object:
    if path in item:
        return item[path]
    value: object = item
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _text_field(item: dict[str, Any], path: str) -> str | None:
    value = _lookup(item, path)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        value = ", ".join(value)  # e.g. a list of authors
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip()


def looks_like_markdown(text: str) -> bool:
    """Markdown headings, links or emphasis at line starts: cleaned as markdown, else as plain text."""
    lines = text.splitlines()
    marks = sum(1 for line in lines if line.startswith(("# ", "## ", "### ", "* ", "> ", "**")))
    return marks > 0 or "](http" in text
