"""Scraped-text quality: the text cleaner on the article-extraction benchmark's pages as a scraper
would hand them over, as markdown with the page's debris.

The seeds are scraped markdown (a reader service's output: links, bold credits, "Read More", lists of
other headlines); five of them are too few to judge the cleaner by. Here each of the 181 benchmark
pages is turned into such markdown by a small reader written for this benchmark (headings as ``#``,
links as ``[text](url)``, images as ``![alt](src)``, list items as ``- ``, bold as ``**``), in two
cuts:

- ``article``: the page's longest ``<article>`` element, else ``<main>``, else the body (what a
  reader service keeps as "main content": the story with its share bars, captions, related links);
- ``page``: the whole ``<body>`` (navigation, footers, cookie notices and all).

Each is cleaned by :func:`corroborator.extract.text.clean_text` and the body is scored against the
human-checked body with the benchmark's metric (word 4-gram shingles, as in
``extraction_quality.py``). Baseline, in the same run: the markdown as it is, with only its markup
undone (what a tool without a cleaner would read as the article). For reference: our HTML path on the
original page.

Also: how often the title the cleaner finds is the page's headline (pages with exactly one ``<h1>``).

Run:  .venv/bin/python bench/scraped_text_quality.py [--limit N] [--json] [--worst K [--worst-cut page]]
Needs ../shared/bench/article-extraction (exits with a SKIP message when absent).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BenchPage, load_article_bench
from extraction_quality import Scores, evaluate, ours, page_counts

_DROP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "canvas", "button", "select"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "figure", "figcaption",
    "blockquote", "table", "tr", "ul", "ol", "form", "dl", "dd", "dt", "address", "pre", "hr",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\f\v]+")
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|[\[\]*#>`]|^\s*-\s+", re.MULTILINE)


def to_markdown(html: bytes, cut: str) -> str:
    """The page as a reader service's markdown: ``cut`` is ``article`` or ``page``."""
    from lxml import html as lhtml

    root = lhtml.document_fromstring(html.decode("utf-8", "replace"))  # a scraper decodes the page
    body = root.find("body")
    node = body if body is not None else root
    if cut == "article":  # the longest <article>, else the longest <main>, else the body
        for tag in ("article", "main"):
            found = [n for n in node.iter(tag)]
            if found:
                node = max(found, key=lambda n: len(n.text_content()))
                break
    out: list[str] = []
    _walk(node, out)
    text = "".join(out)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _walk(el: object, out: list[str]) -> None:
    from lxml import etree

    assert isinstance(el, etree._Element)
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP or not isinstance(el.tag, str):  # comments and processing instructions too
        out.append(el.tail or "")
        return
    inner: list[str] = [el.text or ""]
    for child in el:
        _walk(child, inner)
    text = "".join(inner)
    if re.fullmatch(r"h[1-6]", tag):
        out.append(f"\n\n{'#' * int(tag[1])} {text.strip()}\n\n")
    elif tag == "a" and text.strip():
        out.append(f"[{text.strip()}]({el.get('href', '#')})")
    elif tag == "img":
        out.append(f"![{el.get('alt', '')}]({el.get('src', '')})")
    elif tag in ("strong", "b") and text.strip():
        out.append(f"**{text.strip()}**")
    elif tag == "li":
        out.append(f"\n- {text.strip()}\n")
    elif tag == "br":
        out.append("\n")
    elif tag in _BLOCK:
        out.append(f"\n\n{text}\n\n")
    else:
        out.append(text)
    out.append(el.tail or "")


def cleaned(cut: str) -> Callable[[BenchPage], str]:
    from corroborator.config import ExtractConfig
    from corroborator.extract.text import clean_text

    def run(page: BenchPage) -> str:
        return clean_text(to_markdown(page.html, cut), config=ExtractConfig(), markdown=True).body

    return run


def raw(cut: str) -> Callable[[BenchPage], str]:
    def run(page: BenchPage) -> str:
        return _MARKUP.sub(" ", to_markdown(page.html, cut))

    return run


def _norm(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def title_accuracy(pages: list[BenchPage], cut: str) -> tuple[int, int]:
    """(titles right, pages): on pages with exactly one ``<h1>``, whether the title the cleaner finds
    is that headline (words compared, case folded)."""
    from lxml import html as lhtml

    from corroborator.config import ExtractConfig
    from corroborator.extract.text import clean_text

    right = n = 0
    for page in pages:
        root = lhtml.document_fromstring(page.html.decode("utf-8", "replace"))
        h1s = [t for t in (h.text_content().strip() for h in root.iter("h1")) if t]
        if len(h1s) != 1:
            continue
        n += 1
        title = clean_text(to_markdown(page.html, cut), config=ExtractConfig(), markdown=True).title
        right += _norm(title) == _norm(h1s[0])
    return right, n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--worst", type=int, default=0, help="list the K pages the cleaner scores worst on")
    parser.add_argument("--worst-cut", choices=("article", "page"), default="article", help="for --worst")
    args = parser.parse_args(argv)
    pages = load_article_bench(args.limit)
    results: dict[str, Scores] = {}
    for cut in ("article", "page"):
        results[f"cleaned ({cut})"] = evaluate(pages, cleaned(cut))
        results[f"raw markdown ({cut})"] = evaluate(pages, raw(cut))
    results["html path (reference)"] = evaluate(pages, ours)
    if args.json:
        print(json.dumps({name: {**asdict(s), "pages": len(pages)} for name, s in results.items()}, indent=2))
    else:
        print(f"article-extraction pages as scraped markdown: {len(pages)} pages, 4-gram shingles")
        print(f"{'input / extractor':<24} {'precision':>9} {'recall':>7} {'F1':>6} {'empty':>6}")
        for name, s in results.items():
            print(f"{name:<24} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.empty:>6}")
        for cut in ("article", "page"):
            right, n = title_accuracy(pages, cut)
            print(f"title = the page's one <h1> ({cut}): {right} of {n}")
    if args.worst:
        run = cleaned(args.worst_cut)
        rows = []
        for page in pages:
            c = page_counts(page.truth, run(page))
            rows.append((c.tp, c.fp, c.fn, page.page_id, page.url))
        for tp, fp, fn, page_id, url in sorted(rows)[: args.worst]:
            print(f"{page_id}  tp {tp:.2f} fp {fp:.2f} fn {fn:.2f}  {url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
