"""The HTML report in a real headless browser (playwright driving Debian's chromium).

Skipped, with the reason, when ``/usr/bin/chromium`` or the ``playwright`` package is missing
(``scripts/install-browser`` installs chromium; ``playwright`` is in the ``dev`` extra). Never run
``playwright install``: these tests use the system chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from corroborator.api import Analysis, analyze
from corroborator.render.html import render

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium: run scripts/install-browser as root to install it"
)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install -e '.[dev]')"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def annotator() -> Any:
    from corroborator.annotate.pipeline import Annotator

    return Annotator()


class Visit:
    """A page loaded from a file, with every dialog, page error and request it caused."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1100, "height": 900})
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri(), wait_until="load")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def text(self, selector: str) -> str:
        return str(self.page.locator(selector).first.inner_text())

    def assert_nothing_ran(self, path: Path) -> None:
        page = self.page
        page.mouse.move(300, 300)  # hover handlers, if any had slipped through
        page.wait_for_timeout(100)
        assert page.evaluate("typeof window.__pwned + typeof window.pwned") == "undefinedundefined"
        assert "PWNED" not in page.title() or "<script>" in page.title()
        assert page.evaluate("document.getElementById('pwned')") is None
        assert page.evaluate("document.querySelectorAll('script, img, iframe, textarea, object').length") == 0
        assert self.dialogs == [] and self.errors == []
        assert self.requests == [path.as_uri()], "the page must load nothing but itself"


def _write(tmp_path: Path, html: str, name: str = "report.html") -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "without-csp"])
def test_payloads_in_article_text_do_not_run(
    browser: Any, tmp_path: Path, hostile_analysis: Analysis, csp: bool
) -> None:
    html = render(hostile_analysis)
    if not csp:  # escaping alone must hold, without the Content-Security-Policy's help
        html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        assert "Content-Security-Policy" not in html
    path = _write(tmp_path, html)
    visit = Visit(browser, path)
    visit.assert_nothing_ran(path)
    page = visit.page
    assert page.title() == f"{hostile_analysis.stories[0].title} — corroborator"
    assert "<script>window.__pwned=1" in visit.text("h1")  # shown as text
    headings = ("Summary", "Disputed points", "Independent reports", "Who said what", "Timeline", "Sources")
    for heading in headings:
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    assert page.locator("svg").count() == 3
    disputes = visit.text("#s1-disputes")
    assert "$190 billion" in disputes and "$190 million" in disputes


def test_payloads_through_the_whole_pipeline(browser: Any, tmp_path: Path, annotator: Any) -> None:
    # (no quotes inside the tags: some such payloads inside a quotation crash quote finding today)
    payload = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>"
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n, outlet in enumerate(["Coast Daily", "Harbour Ledger"]):
        (inputs / f"{n}.txt").write_text(
            f"# Bridge reopens {payload}\n\nBy Jane Roe\n\nMarch 3, 2024\n\n"
            f"The Harbour Bridge reopened on Sunday after repairs that cost $12 million, {outlet} reported. "
            f'"We promised the bridge would be back {payload}," Mayor Ann Brook said.\n\n'
            f"Engineers replaced 340 cables in January 2024 {payload}.\n",
            encoding="utf-8",
        )
    analysis = analyze([inputs], annotator=annotator)
    assert analysis.stories and not analysis.failures
    path = _write(tmp_path, render(analysis))
    visit = Visit(browser, path)
    visit.assert_nothing_ran(path)
    assert "<script>window.pwned=1</script>" in visit.text("body")
    assert visit.page.get_by_role("heading", name="Who said what").is_visible()


def _screenshot(visit: Visit, path: Path) -> None:
    visit.page.screenshot(path=str(path), full_page=True)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_example_corpus_report(browser: Any, tmp_path: Path, annotator: Any) -> None:
    analysis = analyze([REPO / "examples" / "text"], annotator=annotator)
    story = analysis.stories[0]
    path = _write(tmp_path, render(analysis))
    visit = Visit(browser, path)
    visit.assert_nothing_ran(path)
    _screenshot(visit, tmp_path / "examples-report.png")
    verdict = visit.text(".verdict")
    assert f"{len(story.article_ids)} articles" in verdict
    assert f"{len(story.reports)} independent report" in verdict
    assert visit.page.locator("#s1-provenance g.report").count() == len(story.reports)


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not beside the repo")
def test_seed_report_shows_reports_disputes_quotes_and_timeline(
    browser: Any, tmp_path: Path, annotator: Any
) -> None:
    gold = yaml.safe_load((SHARED / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
    analysis = analyze([SHARED / "seeds"], annotator=annotator)
    story = analysis.stories[0]
    path = _write(tmp_path, render(analysis))
    visit = Visit(browser, path)
    visit.assert_nothing_ran(path)
    _screenshot(visit, tmp_path / "seeds-report.png")

    # three independent reports, drawn as three boxes, each named by its origin
    assert f"{len(gold['reports'])} independent reports" in visit.text(".verdict")
    assert visit.page.locator("#s1-provenance g.report").count() == len(gold["reports"])
    provenance = visit.text("#s1-provenance")
    assert all(r.origin in provenance for r in story.reports)
    assert visit.page.locator("#s1-provenance g.edge.verbatim").count() >= 1

    # the million/billion slips and the date dispute, both sides of each, as the gold names them
    disputes = visit.text("#s1-disputes")
    figures: dict[float, str] = {}
    for q in gold["quantities"]:
        figures.setdefault(q["value"], q["text"])
    for c in gold["contradictions"]:
        for side in c["sides"]:
            if c["kind"] == "quantity":
                assert figures[side["value"]] in disputes
            elif c["kind"] == "date":
                assert str(side["date"]) in disputes

    # who said what: every named speaker in the gold, with their words, in the quotes section
    quotes = visit.text("#s1-quotes").replace("’", "'")
    for q in gold["quotes"]:
        assert q["speaker"] in quotes
        assert q["text"].replace("’", "'").lower() in quotes.lower()

    # the timeline: a bar per dated event and the events listed with their dates
    timeline = visit.text("#s1-timeline")
    assert visit.page.locator("#s1-timeline g.event").count() == len(story.timeline)
    assert all(t.date in timeline for t in story.timeline)
    assert sum(str(g["date"]) in timeline for g in gold["timeline"]) >= len(gold["timeline"]) - 2
