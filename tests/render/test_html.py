"""The self-contained HTML report, without a browser: structure, pictures, escaping, no external assets."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import replace
from datetime import date
from html import escape
from html.parser import HTMLParser
from typing import Any

import pytest

from corroborator.api import Analysis
from corroborator.models import Precision
from corroborator.render import svg
from corroborator.render.html import render
from corroborator.render.html_assets import safe_href

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "article", "header", "footer", "nav",
    "section", "h1", "h2", "h3", "p", "a", "ol", "ul", "li", "span", "div", "blockquote", "figure",
    "figcaption", "table", "thead", "tbody", "tr", "th", "td", "strong", "em", "code", "details",
    "summary", "svg", "defs", "marker", "path", "g", "rect", "text", "tspan", "circle", "line",
}  # fmt: skip


class Page(HTMLParser):
    """Every start tag with its (unescaped) attributes, and the text of <style> and <title>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.style = ""
        self.title = ""
        self._in: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "style":
            self.style += data
        if self._in and self._in[-1] == "title" and "head" in self._in:
            self.title += data

    def attrs(self, name: str) -> list[str]:
        return [a[name] for _, a in self.tags if name in a]


@pytest.fixture
def page_html(hostile_analysis: Analysis) -> str:
    """The hostile story rendered to HTML."""
    return render(hostile_analysis)


def test_page_has_the_sections_and_verdict(page_html: str) -> None:
    assert page_html.startswith("<!DOCTYPE html>")
    page = Page(page_html)
    ids = page.attrs("id")
    for section in ("summary", "disputes", "provenance", "coverage", "quotes", "timeline", "sources"):
        assert f"s1-{section}" in ids
    headings = ["Summary", "Disputed points", "Independent reports", "Who said what", "Timeline", "Sources"]
    for heading in headings:
        assert f"<h2>{heading}</h2>" in page_html
    assert "3 articles, 2 independent reports, 1 dispute" in page_html
    assert "Inputs that failed" in page_html
    assert page_html.count("<svg ") == 3
    assert len(ids) == len(set(ids)), "ids must be unique"


def test_every_citation_points_at_a_source_row(page_html: str) -> None:
    page = Page(page_html)
    ids = set(page.attrs("id"))
    internal = [h[1:] for h in page.attrs("href") if h.startswith("#")]
    assert internal and all(target in ids for target in internal)
    assert {"s1-src-1", "s1-src-2", "s1-src-3"} <= set(internal)


def test_provenance_graph_draws_reports_and_reuse(page_html: str) -> None:
    graph = page_html[page_html.index('id="s1-provenance"') :].split("</svg>")[0]
    assert graph.count('<g class="report">') == 2
    assert graph.count('class="edge verbatim"') == 1 and graph.count('class="edge paraphrase"') == 1
    assert graph.count("stroke-dasharray") == 1
    assert ">87%<" in graph and ">12%<" in graph
    assert graph.count('<g class="node">') == 3


def test_reports_say_why_articles_without_shared_text_are_one(page_html: str) -> None:
    listing = page_html[page_html.index('<ul class="reports">') :].split("</ul>")[0]
    assert listing.count("one report without shared text") == 1  # the wire's report, not the Ledger's
    tie = listing.split("one report without shared text: ")[1]
    assert tie.startswith('<span class="cite">[<a href="#s1-src-2">2</a>]</span> relays Wire')
    assert "Mayor Ann Brook said the vote ended" in tie


def test_coverage_matrix_marks_which_report_carries_which_fact(page_html: str) -> None:
    matrix = page_html[page_html.index('id="s1-coverage"') :].split("</svg>")[0]
    assert matrix.count("<circle") == 3 * 2  # three key facts x two reports
    assert matrix.count('fill="#2b6cb0"') == 4  # the shared fact in both, each other fact in one


def test_timeline_chart_has_a_bar_per_dated_event(page_html: str) -> None:
    chart = page_html[page_html.index('id="s1-timeline"') :].split("</svg>")[0]
    assert chart.count('<g class="event') == 3  # "not a date" is listed but not drawn
    month = chart[chart.index('class="event month"') :].split("</g>")[0]
    day = chart[chart.index('class="event day"') :].split("</g>")[0]

    def width(g: str) -> float:
        return float(g.split('width="')[1].split('"')[0])

    assert width(month) > 4 * width(day)


def test_untrusted_text_is_escaped_everywhere(
    page_html: str, payloads: Any, hostile_analysis: Analysis
) -> None:
    page = Page(page_html)
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert "pwned" not in page.attrs("id")
    for payload in payloads.all:
        assert payload not in page_html
        assert escape(payload) in page_html
    assert page.title == f"{hostile_analysis.stories[0].title} — corroborator"  # the payload, as text


def test_links_are_internal_or_http(page_html: str, payloads: Any) -> None:
    page = Page(page_html)
    hrefs = page.attrs("href")
    assert not any("javascript:" in h.lower() for h in hrefs + page.attrs("xlink:href"))
    external = [h for h in hrefs if not h.startswith("#")]
    assert all(h.startswith(("http://", "https://")) for h in external)
    assert payloads.quote_url in external  # an http(s) URL with a quote in it stays one attribute value
    assert escape(payloads.js_url) in page_html  # the javascript: URL is shown as text only
    for tag, attrs in page.tags:
        if tag == "a" and not attrs["href"].startswith("#"):
            assert "noopener" in attrs["rel"]


def test_no_external_assets_and_a_strict_csp(hostile_analysis: Analysis) -> None:
    html = render(hostile_analysis)
    page = Page(html)
    assert not page.attrs("src") and not any(tag in {"link", "script", "img"} for tag, _ in page.tags)
    assert "url(" not in page.style and "@import" not in page.style
    policy = next(a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy and "script-src 'none'" in policy
    digest = base64.b64encode(hashlib.sha256(page.style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    assert "@media print" in page.style


def test_rendering_is_deterministic(hostile_analysis: Analysis) -> None:
    assert render(hostile_analysis) == render(replace(hostile_analysis))


def test_each_story_gets_its_own_anchors(hostile_analysis: Analysis) -> None:
    one = hostile_analysis
    second = replace(one.stories[0], id="t" * 16, title="Second story", related=())
    html = render(replace(one, stories=(one.stories[0], second)))
    ids = Page(html).attrs("id")
    assert "s1-src-1" in ids and "s2-src-1" in ids and len(ids) == len(set(ids))
    assert "#s2" in Page(html).attrs("href")  # the first story's related story, on the page: linked


def test_related_stories_say_what_they_share_and_when(page_html: str) -> None:
    assert "<h2>Related stories</h2>" in page_html and 'href="#s1-related"' in page_html
    assert "began 42 days later (similarity 0.12)" in page_html
    assert "#s2" not in Page(page_html).attrs("href")  # not on this page: named, not linked


def test_no_stories_still_renders() -> None:
    html = render(Analysis((), (), ()))
    assert "no stories" in html and "<svg" not in html


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("HTTP://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//evil.example/x", False),
        ("http://", False),
        (None, False),
    ],
)
def test_safe_href(url: str | None, ok: bool) -> None:
    assert (safe_href(url) is not None) is ok


def test_safe_href_escapes_quotes() -> None:
    assert safe_href('https://e.example/"><x') == "https://e.example/&quot;&gt;&lt;x"


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-12", date(2023, 12, 1), date(2023, 12, 31)),
        ("2023-10-17", date(2023, 10, 17), date(2023, 10, 17)),
        ("2023-W42", date(2023, 10, 16), date(2023, 10, 22)),
        ("2023-10-17/2023-10-18", date(2023, 10, 17), date(2023, 10, 18)),
        ("2023-03/2023-05", date(2023, 3, 1), date(2023, 5, 31)),
    ],
)
def test_date_extent(value: str, start: date, end: date) -> None:
    assert svg.date_extent(value) == (start, end)


@pytest.mark.parametrize("value", ["", "not a date", "2023-13", "2023-02-30", "0000"])
def test_date_extent_rejects_bad_dates(value: str) -> None:
    assert svg.date_extent(value) is None


def test_timeline_chart_without_dates() -> None:
    assert "No dated events" in svg.timeline_chart([svg.TimelineBar("soon", Precision.DAY, "x")])


def test_wrap_and_clip() -> None:
    assert svg.clip("a  b\nc", 10) == "a b c"
    assert svg.clip("abcdefghij", 5) == "abcd…"
    lines = svg.wrap("one two three four five six seven", 9, 2)
    assert lines == ["one two", "three fo…"]
    assert all(len(line) <= 9 for line in lines)


def test_anchor_keeps_only_safe_characters() -> None:
    assert svg.anchor('s1-src-2"><script>') == "#s1-src-2script"
