"""The Rich briefing: compact, cited, within 80-100 columns, article text never read as markup."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from rich.console import Console

from corroborator.api import Analysis
from corroborator.render.terminal import print_analysis, render


def test_sections_and_verdict(analysis: Analysis) -> None:
    text = render(analysis, width=100)
    assert "3 articles, 2 independent reports, 1 dispute" in text
    for heading in ("Summary", "Disputes", "Who said what", "Timeline", "Sources"):
        assert heading in text
    assert "Removed as boilerplate" not in text
    assert "2 reports" in text  # the lead carried by both independent reports
    assert "[1,2,3]" in text  # citations number the sources
    assert "Ann Brook" in text and "the mayor" in text


@pytest.mark.parametrize("width", [80, 100])
def test_fits_the_terminal(analysis: Analysis, width: int) -> None:
    text = render(analysis, removed=True, width=width)
    assert max(len(line) for line in text.splitlines()) <= width


def test_article_text_is_not_markup(analysis: Analysis) -> None:
    text = render(analysis, removed=True, width=100)
    assert "[bold red]the $4 billion[/]" in " ".join(text.split())
    assert "By [i]Staff[/i]" in text and "Wire [Service]" in text
    assert "cost of the [b]bridge[/b]" in text and "“We [will] build it”" in text
    assert "council [vote] held" in text and "Read More [link]" in text
    assert "Harbour [bridge] approved" in text


def test_removed_on_request(analysis: Analysis) -> None:
    text = render(analysis, removed=True, width=100)
    assert "Removed as boilerplate" in text
    assert "2 pieces: 1 navigation, 1 paywall" in text
    assert "Subscribe" in text


def test_print_to_a_console(analysis: Analysis) -> None:
    console = Console(width=90, record=True, color_system=None, file=io.StringIO())
    print_analysis(analysis, console)
    text = console.export_text()
    assert text.startswith("Harbour [bridge] approved") and "Sources" in text


def test_no_story() -> None:
    empty = Analysis((), (), ())
    assert "no story" in render(empty)


def test_related_stories_close_the_briefing(hostile_analysis: Analysis) -> None:
    text = render(hostile_analysis, width=100)
    assert "Related stories" in text and "Harbour; began 42 days" in text and "tttttttttt" in text
    assert "Related stories" not in render(replace(hostile_analysis, stories=tuple(
        replace(s, related=()) for s in hostile_analysis.stories)), width=100)
