"""WARC archives written here with warcio's WARCWriter: HTML responses read, damage reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborator.config import IngestConfig
from corroborator.ingest import read_sources
from corroborator.models import ContentType, Failure, RawDocument, SourceKind


def body(i: int) -> bytes:
    return f"<html><body><p>Article {i}. {'Words of the story. ' * 40}</p></body></html>".encode()


def write_warc(path: Path, *, gz: bool, extra: bool = True, count: int = 3) -> Path:
    """A WARC with ``count`` HTML responses and, if ``extra``, a request, an image response and metadata."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for i in range(count):
        uri = f"https://news.example/story/{i}"
        if extra:
            writer.write_record(
                writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )
        charset = "; charset=ISO-8859-1" if i == 0 else ""
        headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html{charset}")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(body(i)), http_headers=headers)
        )
        if extra and i == 0:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            payload = io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
            writer.write_record(
                writer.create_warc_record(
                    "https://news.example/a.png", "response", payload=payload, http_headers=image
                )
            )
            writer.write_record(writer.create_warc_record(uri, "metadata", payload=io.BytesIO(b"k: v\n")))
    path.write_bytes(buffer.getvalue())
    return path


def split(items: list[RawDocument | Failure]) -> tuple[list[RawDocument], list[Failure]]:
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Failure)]


@pytest.mark.parametrize(("name", "gz"), [("a.warc", False), ("a.warc.gz", True)])
def test_html_responses_become_documents(tmp_path: Path, name: str, gz: bool) -> None:
    path = write_warc(tmp_path / name, gz=gz)
    docs, fails = split(list(read_sources([str(path)])))
    assert not fails
    uris = [f"https://news.example/story/{i}" for i in range(3)]
    assert [d.source for d in docs] == [f"{path}#{u}" for u in uris]
    assert [d.url for d in docs] == uris
    assert all(d.kind is SourceKind.WARC and d.content_type is ContentType.HTML for d in docs)
    assert [d.content for d in docs] == [body(i) for i in range(3)]
    assert [d.encoding for d in docs] == ["iso-8859-1", None, None]


@pytest.mark.parametrize(("name", "gz"), [("cut.warc", False), ("cut.warc.gz", True)])
def test_truncated_warc_yields_good_records_then_one_failure(tmp_path: Path, name: str, gz: bool) -> None:
    path = write_warc(tmp_path / name, gz=gz, extra=False)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.8)])  # cuts into the third record
    good = tmp_path / "good.txt"
    good.write_text("Another article.")
    docs, fails = split(list(read_sources([str(path), str(good)])))
    assert [d.source for d in docs] == [f"{path}#https://news.example/story/{i}" for i in range(2)] + [
        str(good)
    ]
    assert len(fails) == 1 and fails[0].source == str(path)
    assert "truncated" in fails[0].problem and "offset" in fails[0].problem


def test_corrupt_gzip_warc(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "bad.warc.gz", gz=True, extra=False)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 40] = b"\x00" * 40
    path.write_bytes(bytes(data))
    docs, fails = split(list(read_sources([str(path)])))
    assert len(docs) >= 1
    assert len(fails) == 1 and fails[0].source == str(path)
    assert "corrupt gzip data" in fails[0].problem
    assert f"after {len(docs)} complete WARC records" in fails[0].problem


def test_malformed_record_header_after_good_record(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "bad.warc", gz=False, extra=False)
    data = path.read_bytes()
    second = data.index(b"WARC/1", 10)
    path.write_bytes(data[:second] + b"GARBAGE LINE\r\n" + data[second + 8 :])
    docs, fails = split(list(read_sources([str(path)])))
    assert [d.source for d in docs] == [f"{path}#https://news.example/story/0"]
    assert [str(f) for f in fails] == [
        f"{path}: malformed WARC at offset {second}: Invalid WARC record, first line: GARBAGE LINE"
    ]


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("hello, this is not an archive\n\nat all\n")
    docs, fails = split(list(read_sources([str(path)])))
    assert not docs
    assert len(fails) == 1 and fails[0].source == str(path) and "not a WARC file" in fails[0].problem


def test_empty_and_html_less_warc(tmp_path: Path) -> None:
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(
        writer.create_warc_record("https://x.test/", "request", payload=io.BytesIO(b"GET /\r\n\r\n"))
    )
    no_html = tmp_path / "nohtml.warc"
    no_html.write_bytes(buffer.getvalue())
    docs, fails = split(list(read_sources([str(empty), str(no_html)])))
    assert not docs
    assert [f.source for f in fails] == [str(empty), str(no_html)]
    assert "empty" in fails[0].problem
    assert "no HTML response records (1 records read)" in fails[1].problem


def test_oversize_record_fails_alone(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "a.warc", gz=False, extra=False)
    docs, fails = split(list(read_sources([str(path)], IngestConfig(max_bytes=len(body(0)) - 1))))
    assert docs == [] or all(len(d.content) < len(body(0)) for d in docs)
    assert [f.source for f in fails] == [f"{path}#https://news.example/story/{i}" for i in range(3)]
    assert all("larger than" in f.problem for f in fails)
