"""Local files: types, directories, JSON/JSONL mapping, gzip, decoding, and one failure per bad file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from corroborator.config import IngestConfig, JsonFields
from corroborator.ingest import read_sources
from corroborator.ingest.decode import decode_text, detect_legacy_encoding, iso_date
from corroborator.models import ContentType, Failure, RawDocument, SourceKind

ARTICLE = (
    "The harbour bridge reopened on Sunday after four months of repairs, officials said.\n\n"
    "Engineers replaced 340 steel cables and resurfaced the deck.\n"
)


def run(
    sources: list[str | Path], config: IngestConfig | None = None
) -> tuple[list[RawDocument], list[Failure]]:
    items = list(read_sources([str(s) for s in sources], config))
    docs = [i for i in items if isinstance(i, RawDocument)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert len(docs) + len(fails) == len(items)
    return docs, fails


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "good.txt", ARTICLE)


def only_failure(fails: list[Failure], source: Path | str, *words: str) -> Failure:
    assert len(fails) == 1, fails
    fail = fails[0]
    assert fail.source == str(source)
    line = str(fail)
    assert "\n" not in line
    for word in words:
        assert word.lower() in line.lower(), line
    return fail


# --- good inputs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("a.txt", ContentType.TEXT),
        ("a.md", ContentType.MARKDOWN),
        ("a.markdown", ContentType.MARKDOWN),
        ("a.html", ContentType.HTML),
        ("a.htm", ContentType.HTML),
    ],
)
def test_file_types(tmp_path: Path, name: str, content_type: ContentType) -> None:
    path = write(tmp_path / name, ARTICLE)
    docs, fails = run([path])
    assert not fails
    (doc,) = docs
    assert doc.source == str(path) and doc.source.endswith(name)
    assert doc.kind is SourceKind.FILE and doc.content_type is content_type
    assert doc.content == ARTICLE.encode("utf-8")


def test_gzipped_by_suffix_and_by_magic(tmp_path: Path) -> None:
    by_suffix = write(tmp_path / "a.md.gz", gzip.compress(ARTICLE.encode()))
    by_magic = write(tmp_path / "b.txt", gzip.compress(ARTICLE.encode()))
    docs, fails = run([by_suffix, by_magic])
    assert not fails
    assert [d.content_type for d in docs] == [ContentType.MARKDOWN, ContentType.TEXT]
    assert all(d.content == ARTICLE.encode() for d in docs)


def test_directory_walk_sorted_recursive_skips_hidden_and_unknown(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", ARTICLE)
    write(root / "a.md", ARTICLE)
    write(root / "sub" / "c.html", "<html><body><p>x</p></body></html>")
    write(root / ".hidden.txt", ARTICLE)
    write(root / ".git" / "d.txt", ARTICLE)
    write(root / "notes.docx", b"whatever")
    write(root / "image.png", b"\x89PNG\r\n\x1a\nxxxx")
    docs, fails = run([root])
    assert not fails
    assert [Path(d.source).relative_to(root).as_posix() for d in docs] == ["a.md", "b.txt", "sub/c.html"]


def test_utf8_bom_and_utf16_are_reencoded_as_utf8(tmp_path: Path) -> None:
    text = "Café “quoted” — naïve résumé.\n"
    bom8 = write(tmp_path / "bom8.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    bom16 = write(tmp_path / "bom16.txt", text.encode("utf-16"))
    docs, fails = run([bom8, bom16])
    assert not fails
    assert [d.content for d in docs] == [text.encode("utf-8")] * 2


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "The café served crème brûlée – “delicious,” the naïve critic said. It cost €5."),
        ("cp1250", "Prezydent powiedział, że rozmowy będą kontynuowane w przyszłym tygodniu w Łodzi."),
        ("cp1251", "Президент заявил, что переговоры продолжатся на следующей неделе."),
        ("koi8_r", "Президент заявил, что переговоры продолжатся на следующей неделе."),
        ("cp1253", "Ο πρωθυπουργός δήλωσε ότι οι διαπραγματεύσεις θα συνεχιστούν."),
        ("mac_roman", "The “Cooperation” theme – Research – was funded in 2011 by the café’s owners."),
        ("shift_jis", "東京で大きな地震が発生しました。被害の状況は確認中です。"),
        ("gb18030", "北京时间今天上午，国务院召开新闻发布会。"),
    ],
)
def test_legacy_encoding_is_detected_and_decoded(tmp_path: Path, encoding: str, text: str) -> None:
    path = write(tmp_path / "legacy.txt", text.encode(encoding))
    docs, fails = run([path])
    assert not fails
    assert docs[0].content.decode("utf-8") == text


def test_undecodable_bytes_fail_with_offset(tmp_path: Path, good: Path) -> None:
    bad = write(tmp_path / "bad.txt", b"Hello world \x81\x8d\x8f\x90\x9d\x81 and more text")
    docs, fails = run([bad, good])
    only_failure(fails, bad, "not valid UTF-8", "no legacy encoding", "offset 12")
    assert [d.source for d in docs] == [str(good)]


def test_decode_helpers() -> None:
    assert decode_text(b"plain ascii", "s") == "plain ascii"
    assert detect_legacy_encoding(bytes(range(0x80, 0x100)) * 3) is None
    assert iso_date("2024-03-05T10:00:00Z") == "2024-03-05"
    assert iso_date("Tue, 05 Mar 2024 10:00:00 GMT") == "2024-03-05"
    assert iso_date("2024-03-05 (updated)") == "2024-03-05"
    assert iso_date("last Tuesday") is None


# --- JSON and JSONL ----------------------------------------------------------------------------


def test_json_object_and_list(tmp_path: Path) -> None:
    record = {
        "text": ARTICLE,
        "title": "Bridge reopens",
        "url": "https://news.example/bridge",
        "published": "2024-03-03T09:00:00Z",
        "byline": "Jane Roe",
        "outlet": "Example News",
    }
    one = write(tmp_path / "one.json", json.dumps(record))
    many = write(tmp_path / "many.json", json.dumps([record, {"html": "<p>page</p>"}]))
    docs, fails = run([one, many])
    assert not fails
    assert [d.source for d in docs] == [f"{one}#1", f"{many}#1", f"{many}#2"]
    first = docs[0]
    assert first.content == ARTICLE.strip().encode() and first.content_type is ContentType.TEXT
    assert first.url == "https://news.example/bridge"
    hints = first.hints
    assert (hints.title, hints.byline, hints.outlet, hints.published) == (
        "Bridge reopens",
        "Jane Roe",
        "Example News",
        "2024-03-03",
    )
    assert docs[2].content_type is ContentType.HTML and docs[2].content == b"<p>page</p>"


def test_jsonl_dotted_field_mapping_and_markdown_body(tmp_path: Path) -> None:
    fields = JsonFields(body="article.content", title="meta.headline", url="link")
    lines = [
        {
            "article": {"content": "# Heading\n\n" + ARTICLE},
            "meta": {"headline": "H1"},
            "link": "https://x.test/1",
        },
        {"article": {"content": ARTICLE}, "meta": {"headline": "H2"}},
    ]
    path = write(tmp_path / "recs.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    docs, fails = run([path], IngestConfig(json_fields=fields))
    assert not fails
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#2"]
    assert [d.hints.title for d in docs] == ["H1", "H2"]
    assert docs[0].content_type is ContentType.MARKDOWN and docs[1].content_type is ContentType.TEXT
    assert docs[0].url == "https://x.test/1" and docs[1].url is None


def test_jsonl_gz_bad_lines_fail_alone(tmp_path: Path) -> None:
    body = (
        json.dumps({"text": ARTICLE})
        + "\n{not json\n"
        + json.dumps({"headline": "no body here"})
        + "\n"
        + json.dumps([1, 2])
        + "\n"
        + json.dumps({"text": "second good"})
    )
    path = write(tmp_path / "recs.jsonl.gz", gzip.compress(body.encode()))
    docs, fails = run([path])
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#5"]
    assert [f.source for f in fails] == [f"{path}#2", f"{path}#3", f"{path}#4"]
    assert "malformed JSON" in fails[0].problem
    assert "'text'" in fails[1].problem and "'html'" in fails[1].problem and "json_fields" in fails[1].problem
    assert "expected a JSON object" in fails[2].problem


def test_jsonl_line_over_cap_fails_alone(tmp_path: Path) -> None:
    long_line = json.dumps({"text": "x" * 5000})
    path = write(tmp_path / "recs.jsonl", f"{long_line}\n{json.dumps({'text': 'short'})}\n")
    docs, fails = run([path], IngestConfig(max_bytes=1000))
    assert [d.content for d in docs] == [b"short"]
    only_failure(fails, f"{path}#1", "longer than 1000 bytes")


def test_malformed_json_names_line(tmp_path: Path, good: Path) -> None:
    bad = write(tmp_path / "bad.json", '{\n  "text": "a",\n  "title": oops\n}')
    docs, fails = run([bad, good])
    only_failure(fails, bad, "malformed JSON", "line 3")
    assert len(docs) == 1


def test_json_record_without_body_names_mapping(tmp_path: Path, good: Path) -> None:
    bad = write(tmp_path / "nobody.json", json.dumps({"title": "only a title", "text": "  "}))
    docs, fails = run([bad, good])
    only_failure(fails, f"{bad}#1", "no article text", "ingest.json_fields.body", "'text'", "'html'")
    assert len(docs) == 1


# --- bad files ---------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path, good: Path) -> None:
    missing = tmp_path / "nope.txt"
    docs, fails = run([missing, good])
    only_failure(fails, missing, "no such file")
    assert len(docs) == 1


def test_empty_and_whitespace_files(tmp_path: Path, good: Path) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.md", "  \n\n ")
    docs, fails = run([empty, good, blank])
    assert [f.source for f in fails] == [str(empty), str(blank)]
    assert "empty" in fails[0].problem and "whitespace" in fails[1].problem
    assert len(docs) == 1


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG"),
        (b"%PDF-1.7\n%binary", "PDF"),
        (b"PK\x03\x04rest of zip", "zip"),
        (b"text then a NUL\x00 byte", "NUL"),
        (bytes(range(1, 32)) * 10, "control bytes"),
    ],
)
def test_binary_files(tmp_path: Path, good: Path, data: bytes, word: str) -> None:
    bad = write(tmp_path / "binary.txt", data)
    docs, fails = run([bad, good])
    only_failure(fails, bad, "binary", word)
    assert len(docs) == 1


def test_truncated_and_corrupt_gzip(tmp_path: Path, good: Path) -> None:
    packed = gzip.compress((ARTICLE * 50).encode())
    truncated = write(tmp_path / "cut.txt.gz", packed[: len(packed) // 2])
    corrupt = write(tmp_path / "bad.txt.gz", packed[:10] + b"\xff" * 40 + packed[50:])
    docs, fails = run([truncated, corrupt, good])
    assert [f.source for f in fails] == [str(truncated), str(corrupt)]
    assert "truncated gzip" in fails[0].problem
    assert "corrupt gzip" in fails[1].problem
    assert len(docs) == 1


def test_file_over_size_cap_is_refused_before_reading(tmp_path: Path, good: Path) -> None:
    big = write(tmp_path / "big.txt", "x" * 2000)
    docs, fails = run([big, good], IngestConfig(max_bytes=1000))
    only_failure(fails, big, "2000 bytes", "limit of 1000", "ingest.max_bytes")
    assert len(docs) == 1


def test_gzip_bomb_is_capped_while_streaming(tmp_path: Path, good: Path) -> None:
    bomb = write(tmp_path / "bomb.txt.gz", gzip.compress(b"a" * 5_000_000))
    assert bomb.stat().st_size < 10_000
    docs, fails = run([bomb, good], IngestConfig(max_bytes=100_000))
    only_failure(fails, bomb, "decompresses to more than 100000 bytes")
    assert len(docs) == 1


def test_unknown_type_named_directly_is_an_error(tmp_path: Path, good: Path) -> None:
    odd = write(tmp_path / "notes.docx", b"whatever")
    docs, fails = run([odd, good])
    only_failure(fails, odd, "unknown file type", ".docx", ".jsonl")
    assert len(docs) == 1


def test_bad_file_inside_directory_is_named(tmp_path: Path) -> None:
    root = tmp_path / "dir"
    write(root / "a.txt", ARTICLE)
    write(root / "b.txt", b"")
    write(root / "c.txt", ARTICLE)
    docs, fails = run([root])
    only_failure(fails, root / "b.txt", "empty")
    assert [Path(d.source).name for d in docs] == ["a.txt", "c.txt"]
