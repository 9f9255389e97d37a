"""Build the bundled example corpus from its single source of truth, ``examples/story/*.yaml``.

    .venv/bin/python examples/build.py           # (re)write text/, html/, warc/ and gold/bodies/
    .venv/bin/python examples/build.py --check   # exit 1 when a committed output is out of date

Each story file lists an article's blocks in page order: the article itself (title, dek, byline, date,
paragraphs, subheads, figures) and the chrome a scraper keeps (read-more widgets, paywall offers, headline
lists, credits). The same blocks give three renderings: the scraped text, with each outlet's mess; a full
HTML page; and the gold body (dek, paragraphs and subheads only, markup undone). The output is
deterministic: the WARC has fixed dates and record ids, so rebuilding gives identical bytes.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import re
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
STORY = HERE / "story"
WARC_NAME = "example.warc.gz"
CRAWL_DAY = "2024-09-19"
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")
BODY_KINDS = ("dek", "p", "h")


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    data: dict[str, Any]

    def get(self, key: str, default: str = "") -> str:
        value = self.data.get(key, default)
        return "" if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Outlet:
    site_name: str
    domain: str
    lang: str
    nav: tuple[str, ...]
    copyright: str
    cookie: str
    more: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    outlet: Outlet
    url: str
    title: str
    section: str
    published: str | None
    text_style: str
    figure_style: str
    text_prefix: str
    blocks: tuple[Block, ...]


def load_outlets(path: Path) -> dict[str, Outlet]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        name: Outlet(
            site_name=o["site_name"],
            domain=o["domain"],
            lang=o["lang"],
            nav=tuple(o["nav"]),
            copyright=o["copyright"],
            cookie=o["cookie"],
            more=tuple(o["more"]),
        )
        for name, o in raw.items()
    }


def _block(raw: dict[str, Any]) -> Block:
    if len(raw) != 1:
        raise ValueError(f"a block has exactly one kind, got {sorted(raw)}")
    kind, value = next(iter(raw.items()))
    return Block(kind, {"text": value} if isinstance(value, str) else dict(value or {}))


def load_sources(story_dir: Path = STORY) -> tuple[Source, ...]:
    outlets = load_outlets(story_dir / "outlets.yaml")
    sources = []
    for path in sorted(story_dir.glob("[0-9][0-9][0-9]_*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        published = raw.get("published")
        sources.append(
            Source(
                key=raw["key"],
                outlet=outlets[raw["outlet"]],
                url=raw["url"],
                title=raw["title"],
                section=raw["section"],
                published=None if published is None else str(published),
                text_style=raw["text_style"],
                figure_style=raw["figure_style"],
                text_prefix=raw.get("text_prefix", ""),
                blocks=tuple(_block(b) for b in raw["blocks"]),
            )
        )
    return tuple(sources)


# ---------------------------------------------------------------- inline markup


def plain(text: str) -> str:
    """Markup undone: link labels only, no bold marks."""
    return BOLD.sub(r"\1", LINK.sub(r"\1", text))


def scraped(text: str, style: str) -> str:
    """How a scraper renders inline markup: markdown keeps links (to '#') and escapes '$'."""
    if style == "markdown":
        return LINK.sub(r"[\1](#)", text).replace("$", "\\$")
    return plain(text)


def inline_html(text: str) -> str:
    out = html.escape(text, quote=False)
    out = LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', out)
    return BOLD.sub(r"<strong>\1</strong>", out)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# ---------------------------------------------------------------- scraped text


def _figure_text(src: Source, block: Block) -> str:
    caption, credit = block.get("caption"), block.get("credit")
    style = block.get("style") or src.figure_style
    if style == "photo":
        return f"{caption} (Photo: {credit})"
    if style == "repeat":  # the caption printed twice around a credit line
        return f"{caption} Photo: {credit}.\n{credit}\n\n{caption} Photo: {credit}."
    if style == "bold":
        return f"{caption} **{credit}**"
    if style == "credit":
        return f"{caption} Credit…{credit}"
    if style == "credit_nospace":
        return f"{caption}Credit…{credit}"
    raise ValueError(f"{src.key}: unknown figure style {style!r}")


def _text_block(src: Source, block: Block) -> str:
    kind, style = block.kind, src.text_style
    if kind == "title":
        return f"# {src.title}" if style == "markdown" else src.title
    if kind == "h":
        return f"### **{block.get('text')}**" if style == "markdown" else block.get("text")
    if kind == "p" and block.get("split"):  # the scrape broke the paragraph in two
        text = scraped(block.get("text"), style)
        cut = text.index(block.get("split")) + len(block.get("split"))
        return text[:cut].rstrip() + "\n\n" + text[cut:].lstrip()
    if kind in ("p", "dek", "byline", "date", "credit_line", "raw", "alt"):
        return scraped(block.get("text"), style)
    if kind == "figure":
        return _figure_text(src, block)
    if kind == "share":
        return "Share:"
    if kind == "paywall":
        return "\n\n".join(block.data["lines"])
    if kind == "headlines":
        return "\n".join(block.data["items"])
    if kind == "related":
        label, text = block.get("label"), block.get("text")
        return f"**{label}** [{text}](#)" if style == "markdown" else f"{label} {text}"
    if kind == "readmore":
        items = "\n\n".join(i["text"] for i in block.data["items"])
        return "Read More\nRead More\n\n" + items + ("\n\nLoading..." if block.data.get("loading") else "")
    if kind == "original_url":
        return f"Original url:\n\n<{src.url}>"
    raise ValueError(f"{src.key}: unknown block kind {kind!r}")


def render_text(src: Source) -> str:
    parts: list[str] = []
    for block in src.blocks:
        piece = _text_block(src, block)
        if piece:
            gap = "\n" * int(block.data.get("gap", 2))
            parts.append((gap if parts else "") + piece)
    return src.text_prefix + "".join(parts) + "\n"


# ---------------------------------------------------------------- gold


def render_body(src: Source) -> str:
    """The gold body: dek, paragraphs and subheads, markup undone, broken paragraphs whole."""
    return "\n\n".join(plain(b.get("text")) for b in src.blocks if b.kind in BODY_KINDS) + "\n"


def captions(src: Source) -> list[dict[str, str]]:
    return [{"text": b.get("caption"), "credit": b.get("credit")} for b in src.blocks if b.kind == "figure"]


def byline_name(src: Source) -> str | None:
    for block in src.blocks:
        if block.kind == "byline":
            return re.sub(r"^By\s+", "", plain(block.get("text")))
    return None


# ---------------------------------------------------------------- HTML


def _figure_html(src: Source, block: Block) -> str:
    caption, credit = html.escape(block.get("caption")), html.escape(block.get("credit"))
    style = block.get("style") or src.figure_style
    if style in ("credit", "credit_nospace"):
        credit_html = f'<span class="visually-hidden">Credit…</span>{credit}'
    elif style == "bold":
        credit_html = f"<strong>{credit}</strong>"
    else:
        credit_html = f"Photo: {credit}"
    return (
        f'<figure class="photo"><img src="{html.escape(block.get("src"))}" alt="{caption}" width="1200" '
        f'height="800" loading="lazy"><figcaption><span class="caption">{caption}</span> '
        f'<span class="credit">{credit_html}</span></figcaption></figure>'
    )


def _html_block(src: Source, block: Block) -> str:
    kind, esc = block.kind, html.escape
    if kind == "title":
        return f'<h1 class="headline">{esc(src.title)}</h1>'
    if kind == "dek":
        return f'<p class="standfirst">{inline_html(block.get("text"))}</p>'
    if kind == "byline":
        return f'<p class="byline">{inline_html(block.get("text"))}</p>'
    if kind == "date":
        return f'<p class="published"><time datetime="{block.get("iso")}">{esc(block.get("text"))}</time></p>'
    if kind == "p":
        return f"<p>{inline_html(block.get('text'))}</p>"
    if kind == "h":
        return f"<h2>{esc(block.get('text'))}</h2>"
    if kind == "figure":
        return _figure_html(src, block)
    if kind == "alt":
        return f'<img class="lead-image" src="{esc(block.get("src"))}" alt="{esc(block.get("text"))}">'
    if kind == "share":
        return (
            '<div class="share-tools"><span class="share-label">Share:</span> '
            f'<a href="https://share.example.com/linkedin?u={esc(src.url)}">LinkedIn</a> '
            f'<a href="https://share.example.com/x?u={esc(src.url)}">X</a></div>'
        )
    if kind == "paywall":
        lines = "".join(f"<p>{esc(line).replace(chr(10), '<br>')}</p>" for line in block.data["lines"])
        return f'<div class="paywall-offer">{lines}<a class="btn" href="/subscribe">Subscribe</a></div>'
    if kind == "headlines":
        items = "".join(f'<li><a href="/news/{slug(i)[:60]}">{esc(i)}</a></li>' for i in block.data["items"])
        return f'<aside class="latest-news"><h2>Latest news</h2><ul>{items}</ul></aside>'
    if kind == "related":
        return (
            f'<aside class="related-inline"><strong>{esc(block.get("label"))}</strong> '
            f'<a href="{esc(block.get("href"))}">{esc(block.get("text"))}</a></aside>'
        )
    if kind == "readmore":
        items = "".join(
            f'<h3 class="read-more-title"><a href="{esc(i["href"])}">{esc(i["text"])}</a></h3>'
            for i in block.data["items"]
        )
        loading = '<div class="loading">Loading...</div>' if block.data.get("loading") else ""
        buttons = '<button type="button">Read More</button>' * 2
        return f'<div class="read-more-widget">{buttons}{items}{loading}</div>'
    if kind == "credit_line":
        return f'<p class="contributor"><em>{esc(block.get("text"))}</em></p>'
    if kind == "raw":
        return block.get("html")
    if kind == "original_url":
        return ""
    raise ValueError(f"{src.key}: unknown block kind {kind!r}")


def _head(src: Source) -> Iterator[str]:
    o, esc = src.outlet, html.escape
    body = [plain(b.get("text")) for b in src.blocks if b.kind in ("dek", "p")]
    images = [b.get("src") for b in src.blocks if b.kind == "figure"]
    author = byline_name(src)
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": src.title,
        "mainEntityOfPage": src.url,
        "publisher": {"@type": "Organization", "name": o.site_name},
    }
    yield '<meta charset="utf-8">'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
    yield f"<title>{esc(src.title)} | {esc(o.site_name)}</title>"
    yield f'<meta name="description" content="{esc(body[0])}">'
    yield f'<link rel="canonical" href="{src.url}">'
    yield '<meta property="og:type" content="article">'
    yield f'<meta property="og:site_name" content="{esc(o.site_name)}">'
    yield f'<meta property="og:title" content="{esc(src.title)}">'
    yield f'<meta property="og:url" content="{src.url}">'
    if images:
        image = images[0] if images[0].startswith("http") else f"https://{o.domain}{images[0]}"
        yield f'<meta property="og:image" content="{esc(image)}">'
    if src.published:
        yield f'<meta property="article:published_time" content="{src.published}">'
        ld["datePublished"] = src.published
    yield f'<meta property="article:section" content="{esc(src.section)}">'
    if author:
        yield f'<meta name="author" content="{esc(author)}">'
        ld["author"] = {"@type": "Organization" if author.isupper() else "Person", "name": author}
    yield '<meta name="twitter:card" content="summary_large_image">'
    yield '<link rel="stylesheet" href="/assets/site.css">'
    yield f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    yield '<script async src="https://analytics.example.net/tag.js"></script>'


def _page_chrome_top(src: Source) -> Iterator[str]:
    o, esc = src.outlet, html.escape
    yield '<a class="skip-link" href="#main">Skip to content</a>'
    yield '<div class="cookie-banner" id="cookie-banner" role="dialog" aria-label="Cookie consent">'
    yield f'<p>{esc(o.cookie)} <a href="/privacy">Privacy policy</a></p>'
    yield '<button type="button" class="cookie-accept">Accept all</button>'
    yield '<button type="button" class="cookie-settings">Manage settings</button>'
    yield "</div>"
    yield '<header class="site-header" id="top">'
    yield f'<a class="logo" href="https://{o.domain}/">{esc(o.site_name)}</a>'
    items = "".join(f'<li><a href="/{slug(n)}">{esc(n)}</a></li>' for n in o.nav)
    yield f'<nav class="main-nav" aria-label="Main"><ul>{items}</ul></nav>'
    yield (
        '<form class="search" action="/search" role="search"><input type="search" name="q" '
        'placeholder="Search"><button type="submit">Search</button></form>'
    )
    yield "</header>"


def render_html(src: Source) -> str:
    o, esc = src.outlet, html.escape
    lines = ["<!DOCTYPE html>", f'<html lang="{o.lang}">', "<head>", *_head(src), "</head>", "<body>"]
    lines += list(_page_chrome_top(src))
    lines += ['<main id="main">', '<article class="article">']
    lines.append(f'<p class="kicker"><a href="/{slug(src.section)}">{esc(src.section)}</a></p>')
    after: list[str] = []
    for block in src.blocks:
        zone = block.get("zone") or ("after" if block.kind == "headlines" else "article")
        piece = _html_block(src, block)
        if piece:
            (after if zone == "after" else lines).append(piece)
    lines.append('<div class="share-bar" aria-label="Share this article">')
    lines.append(f'<a href="https://share.example.com/facebook?u={src.url}">Facebook</a>')
    lines.append(f'<a href="https://share.example.com/x?u={src.url}">X</a>')
    lines.append(f'<a href="mailto:?body={src.url}">Email</a>')
    lines.append('<button type="button" class="copy-link">Copy link</button>')
    lines += ["</div>", "</article>", *after]
    more = "".join(f'<li><a href="/{slug(h)}">{esc(h)}</a></li>' for h in o.more)
    lines.append(f'<aside class="related" aria-label="More from {esc(o.site_name)}">')
    lines.append(f"<h2>More from {esc(o.site_name)}</h2><ul>{more}</ul></aside>")
    lines += ["</main>", '<footer class="site-footer">']
    footer = ("About us", "Contact", "Terms of use", "Privacy policy", "Cookie settings")
    items = "".join(f'<li><a href="/{slug(f)}">{f}</a></li>' for f in footer)
    lines.append(f'<nav aria-label="Footer"><ul>{items}</ul></nav>')
    lines += [f'<p class="copyright">{esc(o.copyright)}</p>', "</footer>"]
    lines.append(
        "<script>document.querySelector('.cookie-accept').addEventListener('click', function () "
        "{ document.getElementById('cookie-banner').remove(); });</script>"
    )
    lines += ["</body>", "</html>"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- WARC


def _record_id(kind: str, uri: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind} {uri}')}>"


def _http_date(second: int) -> str:
    return f"Thu, 19 Sep 2024 08:{second // 60:02d}:{second % 60:02d} GMT"


def build_warc(pages: list[tuple[str, bytes]]) -> bytes:
    """A gzipped WARC: warcinfo, a robots.txt response, one request, one response per page."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)

    def warc_date(second: int) -> str:
        return f"{CRAWL_DAY}T08:{second // 60:02d}:{second % 60:02d}Z"

    def response(uri: str, body: bytes, ctype: str, second: int) -> None:
        headers = [
            ("Date", _http_date(second)),
            ("Server", "nginx"),
            ("Content-Type", ctype),
            ("Content-Length", str(len(body))),
        ]
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Record-ID": _record_id("response", uri), "WARC-Date": warc_date(second)},
        )
        writer.write_record(record)

    info = (
        b"software: corroborator examples/build.py\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"description: fictional pages of the corroborator example story\r\n"
    )
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": _record_id("warcinfo", WARC_NAME),
                "WARC-Date": warc_date(0),
                "WARC-Filename": WARC_NAME,
            },
        )
    )
    first_host = pages[0][0].split("/")[2]
    robots = b"User-agent: *\nDisallow: /search\nDisallow: /subscribe\n"
    response(f"https://{first_host}/robots.txt", robots, "text/plain; charset=utf-8", 1)
    for n, (uri, body) in enumerate(pages):
        second = 5 + 7 * n
        if n == 0:  # the crawler's request for the first page, before its response
            path = "/" + uri.split("/", 3)[3]
            req_headers = [
                ("Host", uri.split("/")[2]),
                ("User-Agent", "corroborator-example-crawler/1.0"),
                ("Accept", "text/html,application/xhtml+xml"),
            ]
            writer.write_record(
                writer.create_warc_record(
                    uri,
                    "request",
                    payload=io.BytesIO(b""),
                    length=0,
                    http_headers=StatusAndHeaders(f"GET {path} HTTP/1.1", req_headers, is_http_request=True),
                    warc_headers_dict={
                        "WARC-Record-ID": _record_id("request", uri),
                        "WARC-Date": warc_date(second),
                        "WARC-Concurrent-To": _record_id("response", uri),
                    },
                )
            )
        response(uri, body, "text/html; charset=utf-8", second)
    return buf.getvalue()


# ---------------------------------------------------------------- outputs


def outputs(story_dir: Path = STORY) -> dict[str, bytes]:
    """Every generated file, by its path relative to examples/."""
    sources = load_sources(story_dir)
    files: dict[str, bytes] = {}
    pages: list[tuple[str, bytes]] = []
    for src in sources:
        files[f"text/{src.key}.txt"] = render_text(src).encode("utf-8")
        page = render_html(src).encode("utf-8")
        files[f"html/{src.key}.html"] = page
        files[f"gold/bodies/{src.key}.txt"] = render_body(src).encode("utf-8")
        pages.append((src.url, page))
    files[f"warc/{WARC_NAME}"] = build_warc(pages)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only report outputs that are out of date")
    args = parser.parse_args(argv)
    stale = []
    for rel, content in outputs().items():
        path = HERE / rel
        if path.exists() and path.read_bytes() == content:
            continue
        stale.append(rel)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    verb = "out of date" if args.check else "written"
    print(f"{len(stale)} file(s) {verb}" + "".join(f"\n  {r}" for r in stale))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
