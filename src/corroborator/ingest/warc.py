"""WARC archives (plain or gzipped): HTML response records become documents.

warcio reads the records; we decompress gzip ourselves so that a truncated or corrupt archive is an
error instead of a silent early end, and check each record's length against its header. Records
before the damage are still yielded, then one failure names the file and where the damage is.
Offsets are in the uncompressed archive.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.statusandheaders import StatusAndHeadersParserException

from corroborator.config import IngestConfig
from corroborator.errors import EmptyInputError, InputError, WarcError
from corroborator.ingest.decode import is_html_type, parse_content_type
from corroborator.ingest.files import open_stream
from corroborator.models import ContentType, Failure, RawDocument, SourceHints, SourceKind

_CHUNK = 65536
_WARC_MAGIC = b"WARC/"
_ARC_MAGIC = b"filedesc://"  # the older ARC format, which warcio also reads


def read_warc(path: Path, source: str, config: IngestConfig) -> Iterator[RawDocument | Failure]:
    """HTML response records of a WARC file; other records are skipped."""
    if path.stat().st_size == 0:
        raise EmptyInputError(source, "file is empty (0 bytes)")
    with open_stream(path, source) as stream:
        head = stream.read(len(_WARC_MAGIC))
    if not head.startswith((_WARC_MAGIC, _ARC_MAGIC[: len(head)])) or not head:
        shown = head.decode("ascii", "replace").split("\n")[0]
        raise WarcError(source, f"not a WARC file: it starts with {shown!r}, expected 'WARC/'")
    records = complete = html = 0
    with open_stream(path, source) as stream:
        archive = ArchiveIterator(stream)
        offset = 0
        try:
            for record in archive:
                offset = archive.offset
                records += 1
                item = _record_document(record, source, config.max_bytes)
                _check_complete(record, source, offset)
                complete += 1
                if item is not None:
                    html += 1
                    yield item
        except (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError) as exc:
            raise WarcError(source, f"malformed WARC at offset {archive.offset}: {_one_line(exc)}") from exc
        except InputError as exc:
            if exc.source != source or isinstance(exc, WarcError):
                raise
            raise type(exc)(source, f"{exc.problem}, after {complete} complete WARC records") from exc
    if records == 0:
        raise WarcError(source, "no WARC records found (not a WARC file?)")
    if html == 0:
        raise EmptyInputError(source, f"WARC holds no HTML response records ({records} records read)")


def _record_document(record: Any, source: str, cap: int) -> RawDocument | Failure | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    mime, charset = parse_content_type(record.http_headers.get_header("Content-Type"))
    if not is_html_type(mime):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    name = f"{source}#{uri}"
    content = record.content_stream().read(cap + 1)
    if len(content) > cap:
        return Failure(name, f"record body is larger than {cap} bytes (ingest.max_bytes)")
    if not content.strip():
        return Failure(name, "record has an empty body")
    return RawDocument(
        source=name,
        kind=SourceKind.WARC,
        content_type=ContentType.HTML,
        content=content,
        url=uri or None,
        encoding=charset,
        hints=SourceHints(url=uri or None),
    )


def _check_complete(record: Any, source: str, offset: int) -> None:
    """Read what is left of the record and fail if the archive ends before its declared length."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    if isinstance(raw, LimitReader) and raw.limit > 0:
        declared = record.rec_headers.get_header("Content-Length")
        raise WarcError(
            source,
            f"truncated WARC: the record at offset {offset} ends {raw.limit} bytes short of its "
            f"Content-Length {declared}",
        )


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200]
