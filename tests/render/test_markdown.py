"""The Markdown briefing: same sections, footnote-style citations to the sources list, text escaped."""

from __future__ import annotations

import re

from corroborator.api import Analysis
from corroborator.render.markdown import article_section, md_escape, render


def test_sections(analysis: Analysis) -> None:
    md = render(analysis)
    for heading in ("Summary", "Key facts", "Disputed points", "Who said what", "Timeline", "Sources"):
        assert f"### {heading}" in md
    assert "### Removed as boilerplate" not in md
    assert "_3 articles, 2 independent reports, 1 dispute._" in md
    assert "# Articles" in md and "## Bridge approved" in md  # the article sections stay


def test_citations_link_to_numbered_sources(analysis: Analysis) -> None:
    md = render(analysis)
    cited = set(re.findall(r"\]\(#(src-\d+)\)", md))
    anchors = set(re.findall(r'<a id="(src-\d+)"></a>', md))
    assert cited and cited <= anchors and anchors == {"src-1", "src-2", "src-3"}
    lead = next(line for line in md.splitlines() if "city council approved" in line)
    assert "[\\[1\\]](#src-1)[\\[2\\]](#src-2)[\\[3\\]](#src-3)" in lead and "**2 reports**" in lead


def test_dispute_sides_and_stronger_side(analysis: Analysis) -> None:
    md = render(analysis)
    assert "**$4 billion**: **1 report**" in md and "**$4 million**: **1 report**" in md
    assert "No side has more independent support" in md


def test_article_text_is_escaped(analysis: Analysis) -> None:
    md = render(analysis, removed=True)
    assert "<script>" not in md
    assert "\\<script\\>" in md
    assert "\\*was\\* approved\\_now" in md
    assert "Read More \\[link\\]" in md and "### Removed as boilerplate" in md


def test_md_escape_and_article_section(analysis: Analysis) -> None:
    assert md_escape("a *b* [c](d) <e>") == "a \\*b\\* \\[c\\]\\(d\\) \\<e\\>"
    article = analysis.articles[0]
    section = article_section(article)
    assert section.startswith("## Bridge approved") and "**Removed:** 1 navigation, 1 paywall" in section


def test_several_stories_keep_anchors_apart(analysis: Analysis) -> None:
    two = Analysis(analysis.articles, (), analysis.stories * 2)
    md = render(two)
    assert '<a id="s1-src-1"></a>' in md and '<a id="s2-src-1"></a>' in md


def test_related_stories_are_listed_escaped(hostile_analysis: Analysis) -> None:
    md = render(hostile_analysis)
    assert "### Related stories" in md
    assert "- **Harbour strike &lt;script&gt;" not in md  # escaped the Markdown way, not the HTML way
    line = next(x for x in md.splitlines() if x.startswith("- **Harbour strike"))
    assert "** (`tttttttttt`): shares" in line  # the id `story ID` takes
    assert line.endswith("began 42 days later \\(similarity 0.12\\)") and "<script>" not in line


def test_sources_say_why_they_are_one_report_without_shared_text(hostile_analysis: Analysis) -> None:
    md = render(hostile_analysis)
    lines = [x for x in md.splitlines() if "without shared text" in x]
    assert len(lines) == 1  # the reprint's tie to the wire story; the Ledger has none
    assert lines[0].startswith("   - One report with [\\[1\\]](#src-1) without shared text: relays Wire")
    assert "Mayor Ann Brook said the vote ended" in lines[0]
    assert "\\<svg" in lines[0] and re.search(r"(?<!\\)<svg", lines[0]) is None  # escaped
