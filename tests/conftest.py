"""Shared fixtures: paths to the repo's examples and to ../shared (absent on some machines)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"



@pytest.fixture
def shared_dir() -> Path:
    """``../shared`` beside the repo; tests using it skip cleanly when it is absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the repo")
    return SHARED


@pytest.fixture
def article_text() -> str:
    """A small hand-written scraped article with some chrome around it."""
    return (
        "# Harbour Bridge Reopens After Repairs\n\n"
        "By Jane Roe\n\n"
        "March 3, 2024\n\n"
        "The Harbour Bridge reopened to traffic on Sunday after four months of repairs that cost the city "
        "$12 million, officials said.\n\n"
        "Mayor Ann Brook said the work had been finished two weeks ahead of schedule. "
        "\"We promised the bridge "
        "would be back before spring, and it is,\" she told reporters at the reopening.\n\n"
        "Engineers replaced 340 steel cables and resurfaced the deck, according to the city's transport "
        "department, which said about 40,000 vehicles cross the bridge every day.\n\n"
        "Read More\n\n"
        "Share:\n"
    )
