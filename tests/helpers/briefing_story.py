"""A small hand-built story (three articles, two independent reports, one dispute, quotes, a
timeline and cut boilerplate) with hostile text in it, shared by the renderer and story-cache tests."""

from __future__ import annotations

from corroborator.annotate.pipeline import StoryAnnotations
from corroborator.api import Analysis, StoryAnalysis
from corroborator.models import (
    Article,
    Claim,
    ClaimKind,
    Contradiction,
    ContradictionKind,
    Evidence,
    IndependentReport,
    Occurrence,
    Precision,
    RemovalReason,
    Removed,
    Severity,
    Side,
    Span,
    StoryQuote,
    TimelineEvent,
)

HOSTILE = "Officials said [bold red]the $4 billion[/] plan <script>alert(1)</script> *was* approved_now."
SENTENCES = [
    "The city council approved a new harbour bridge after a long debate about traffic and costs.",
    HOSTILE,
    "Engineers said the steel frame would be assembled in sections at the old shipyard.",
    "Residents near the river complained about noise from night work on the approach roads.",
    "The transport department expects buses to use the bridge within two years of opening.",
    "Local shops fear losing customers while the riverside road stays closed for building work.",
    "A ferry service will keep running until the new crossing carries its first passengers.",
]


def _article(id_: str, sentences: list[str], outlet: str | None, **kw: object) -> Article:
    return Article(id=id_, source=f"corpus/{id_}.txt", body="\n\n".join(sentences), outlet=outlet, **kw)  # type: ignore[arg-type]


def _ev(a: Article, text: str) -> Evidence:
    start = a.body.index(text)
    return Evidence(a.id, Span(start, start + len(text)), text)


def analysis() -> Analysis:
    wire = _article(
        "wire",
        SENTENCES,
        "Wire [Service]",
        byline="By [i]Staff[/i]",
        published="2024-03-01",
        title="Bridge approved",
        removed=(
            Removed("Read More [link]", RemovalReason.NAVIGATION),
            Removed("Subscribe", RemovalReason.PAYWALL),
        ),
    )
    reprint = _article("reprint", SENTENCES[:5], None, title="Reprinted: bridge approved")
    own = _article("own", [SENTENCES[0], SENTENCES[5], SENTENCES[6]], "Gazette", published="2024-03-02")
    claim = Claim(
        "c1",
        SENTENCES[0],
        ClaimKind.EVENT,
        ("wire", "reprint", "own"),
        ("r1", "r2"),
        2,
        (_ev(wire, SENTENCES[0]), _ev(own, SENTENCES[0])),
    )
    dispute = Contradiction(
        "k1",
        ContradictionKind.QUANTITY,
        "cost of the [b]bridge[/b]",
        Severity.HIGH,
        (
            Side(
                ("wire", "reprint"), (_ev(wire, HOSTILE),), ("r1",), value=4e9, unit="USD", text="$4 billion"
            ),
            Side(("own",), (), ("r2",), value=4e6, unit="USD", text="$4 million"),
        ),
    )
    quotes = (
        StoryQuote(
            "q1",
            "We [will] build it",
            "Ann Brook",
            None,
            "the mayor",
            None,
            (Occurrence("wire", Span(0, 5)), Occurrence("own", Span(0, 5))),
        ),
    )
    timeline = (TimelineEvent("2024-03-01", Precision.DAY, "council [vote] held", ("wire", "own"), ()),)
    story = StoryAnalysis(
        "s",
        "Harbour [bridge] approved",
        ("wire", "reprint", "own"),
        annotations=StoryAnnotations((), (), quotes),
        reports=(
            IndependentReport("r1", "Wire wire", ("wire", "reprint")),
            IndependentReport("r2", "Gazette", ("own",)),
        ),
        claims=(claim,),
        contradictions=(dispute,),
        timeline=timeline,
    )
    return Analysis((wire, reprint, own), (), (story,), generated_at="2024-03-03T00:00:00Z")
