"""A hand-built story whose every text field carries script/HTML payloads (for the HTML report tests).

Each payload, if it ever ran, would set ``window.__pwned``, change ``document.title`` or add an
element with id ``pwned``; the tests check that none of that happens and that the text is shown as
text.
"""

from __future__ import annotations

from dataclasses import dataclass

import briefing_story
import pytest

from corroborator.annotate.pipeline import StoryAnnotations
from corroborator.api import Analysis, RelatedStory, StoryAnalysis
from corroborator.models import (
    Annotations,
    Article,
    Caption,
    Claim,
    ClaimKind,
    Contradiction,
    ContradictionKind,
    Evidence,
    Failure,
    IndependentReport,
    Occurrence,
    Precision,
    RemovalReason,
    Removed,
    ReportTie,
    ReuseKind,
    ReuseLink,
    Severity,
    Side,
    Span,
    StoryQuote,
    TimelineEvent,
)

PAYLOADS = (
    "<script>window.__pwned=1;document.title='PWNED'</script>",
    '"><img src=x onerror="window.__pwned=2;document.title=\'PWNED\'">',
    "'><svg onload=\"window.__pwned=3\"><circle r=1 /></svg>",
    "</title></style></textarea><div id=pwned>PWNED</div>",
    "<a href=\"javascript:window.__pwned=4\">click</a>",
    "<iframe srcdoc=\"<script>parent.__pwned=5</script>\"></iframe>",
)
SCRIPT, IMG, SVG, BREAKOUT, ANCHOR, IFRAME = PAYLOADS
JS_URL = "javascript:window.__pwned=6;document.title='PWNED'"
QUOTE_URL = 'https://evil.example/a"onmouseover="window.__pwned=7'
GENERATED = "2024-01-01T00:00:00Z"


def _article(n: int, title: str, outlet: str, body: str, **extra: object) -> Article:
    return Article(
        id=f"a{n}" + "0" * 14,
        source=f"/tmp/in/{n}{BREAKOUT}.txt",
        body=body,
        title=title,
        outlet=outlet,
        **extra,  # type: ignore[arg-type]
    )


def _evidence(article: Article, needle: str) -> Evidence:
    start = article.body.index(needle)
    return Evidence(article.id, Span(start, start + len(needle)), needle)


def _sentences(article: Article) -> Annotations:
    spans, start = [], 0
    for part in article.body.split(". "):
        spans.append(Span(start, start + len(part) + 1))
        start += len(part) + 2
    return Annotations(article.id, sentences=tuple(spans))


def hostile() -> Analysis:
    """Three articles (a wire story, its reprint, one own report) with payloads in every field."""
    s1 = f"The council approved a budget of $190 billion for the harbour on Monday {SCRIPT}."
    s2 = f"Mayor Ann Brook said the vote ended months of debate in the city {IMG}."
    s3 = f"Engineers will start work in March 2023 on the northern pier {SVG}."
    wire = _article(
        1,
        f"Harbour budget approved {SCRIPT}",
        f"Wire {IMG}",
        f"{s1} {s2} {s3}",
        byline=f"Jane Roe {ANCHOR}",
        published="2023-10-02",
        url=JS_URL,
        captions=(Caption(f"The harbour at dawn {IFRAME}", credit=f"Photo {SCRIPT}"),),
        removed=(Removed(f"Subscribe now {SCRIPT}", RemovalReason.PAYWALL),),
    )
    reprint = _article(
        2,
        f"Budget passes {SVG}",
        f"Coast Daily {BREAKOUT}",
        f"{s1} {s2} Work starts in March 2022 on the pier {ANCHOR}.",
        published="2023-10-03",
        url=QUOTE_URL,
    )
    own_s = f"The city budget for the harbour is $190 million, the finance office said {IFRAME}."
    own = _article(
        3,
        f"Our report {IFRAME}",
        f"Ledger {SCRIPT}",
        f"{own_s} {s2} Residents welcomed the plan and asked for a new ferry stop near the pier.",
        published="2023-10-04",
        url="https://ledger.example/story?id=1&x=<b>",
    )
    articles = (wire, reprint, own)
    tie = ReportTie(reprint.id, wire.id, f"relays Wire {SVG}", _evidence(reprint, s2))
    r1 = IndependentReport("r1" + "0" * 14, f"Wire agency {SCRIPT}", (wire.id, reprint.id), (tie,))
    r2 = IndependentReport("r2" + "0" * 14, f"Ledger, own reporting {IMG}", (own.id,))
    e1, e1b, e_own = _evidence(wire, s1), _evidence(reprint, s1), _evidence(own, own_s)
    e3 = _evidence(wire, s3)
    quote = f"We are done debating {SCRIPT}"
    story = StoryAnalysis(
        id="s" + "0" * 15,
        title=f"Harbour budget {SCRIPT}",
        article_ids=tuple(a.id for a in articles),
        annotations=StoryAnnotations(
            articles=tuple(_sentences(a) for a in articles),
            entities=(),
            quotes=(
                StoryQuote(
                    "q1",
                    quote,
                    f"Ann Brook {IMG}",
                    None,
                    f"mayor {SVG}",
                    f"reporters {ANCHOR}",
                    (Occurrence(wire.id, Span(0, 5)), Occurrence(own.id, Span(0, 5))),
                ),
                StoryQuote(
                    "q2", f"no comment {BREAKOUT}", None, None, None, None, (Occurrence(own.id, Span(0, 5)),)
                ),
            ),
        ),
        reuse=(
            ReuseLink(wire.id, reprint.id, ReuseKind.VERBATIM, 0.87, (), f"dates {SCRIPT}"),
            ReuseLink(wire.id, own.id, ReuseKind.PARAPHRASE, 0.12, (), f"credit {IMG}"),
        ),
        reports=(r1, r2),
        claims=(
            Claim("c1", s2, ClaimKind.EVENT, (wire.id, reprint.id, own.id), (r1.id, r2.id), 2,
                  (_evidence(wire, s2), _evidence(own, s2))),
            Claim("c2", s1, ClaimKind.FIGURE, (wire.id, reprint.id), (r1.id,), 1, (e1, e1b)),
            Claim("c3", own_s, ClaimKind.FIGURE, (own.id,), (r2.id,), 1, (e_own,)),
        ),
        contradictions=(
            Contradiction(
                "x1",
                ContradictionKind.QUANTITY,
                f"harbour budget {SCRIPT}",
                Severity.HIGH,
                (
                    Side((wire.id, reprint.id), (e1, e1b), (r1.id,), 190e9, "USD", text=f"$190 billion{IMG}"),
                    Side((own.id,), (e_own,), (r2.id,), 190e6, "USD", text=f"$190 million{SVG}"),
                ),
                note=f"scale slip: billion vs million {BREAKOUT}",
            ),
        ),
        timeline=(
            TimelineEvent("2023-03", Precision.MONTH, f"work starts {SCRIPT}", (wire.id,), (e3,)),
            TimelineEvent("2023-10-02", Precision.DAY, f"budget approved {IMG}", (wire.id, own.id), (e1,)),
            TimelineEvent("2023-W40", Precision.WEEK, f"debate ends {IFRAME}", (own.id,), ()),
            TimelineEvent("not a date", Precision.DAY, f"undated {ANCHOR}", (own.id,), ()),
        ),
        related=(
            RelatedStory("t" * 16, f"Harbour strike {SCRIPT}", 0.12, (f"Ann Brook {IMG}", "Harbour"), 42),
        ),
    )
    failures = (Failure(f"/tmp/in/bad{SCRIPT}.html", f"cannot read {IMG}"),)
    return Analysis(articles, failures, (story,), generated_at=GENERATED)


@dataclass(frozen=True, slots=True)
class Payloads:
    all: tuple[str, ...]
    js_url: str
    quote_url: str


@pytest.fixture
def hostile_analysis() -> Analysis:
    """A fresh hand-built analysis with payloads in every text field (same output each call)."""
    return hostile()


@pytest.fixture
def payloads() -> Payloads:
    return Payloads(PAYLOADS, JS_URL, QUOTE_URL)


@pytest.fixture
def analysis() -> Analysis:
    """A hand-built story with reports, disputes, quotes and a timeline, for the renderers' tests."""
    built: Analysis = briefing_story.analysis()
    return built
