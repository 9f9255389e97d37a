"""The records of a briefing (re-exported by :mod:`corroborator.brief`; import them from there).

A :class:`Briefing` is everything a reader needs about one story, already chosen and ordered: a
cited summary, key facts, disputes, revised figures, who said what, a timeline, the sources and
what was cut from them. Every line carries the ids of the articles it rests on and its independent
support (the number of distinct independent reports among those articles). Renderers number the
citations by the order of :attr:`Briefing.sources` (see :meth:`Briefing.ref`).
"""

from __future__ import annotations

from dataclasses import dataclass

from corroborator.models import ClaimKind, ContradictionKind, Evidence, Precision, ReportTie, Severity


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One sentence of the extractive summary, cited to every article carrying it (or a near copy)."""

    text: str
    article_ids: tuple[str, ...]
    report_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]  # the sentence as each cited article has it
    score: float = 0.0  # centrality and support, as used to choose it

    @property
    def support(self) -> int:
        """Independent support: distinct independent reports among the cited articles."""
        return len(self.report_ids)


@dataclass(frozen=True, slots=True)
class KeyFact:
    """A claim worth knowing first: well supported and central to the story."""

    claim_id: str
    text: str
    kind: ClaimKind
    article_ids: tuple[str, ...]
    report_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    @property
    def support(self) -> int:
        return len(self.report_ids)


@dataclass(frozen=True, slots=True)
class Position:
    """One side of a dispute (or one version of a revised figure): what it says, and who says it."""

    label: str  # "$190 billion", "2023-03 (March)", "“truly unlimited possibilities” (Vladimir Putin)"
    article_ids: tuple[str, ...]
    report_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    @property
    def support(self) -> int:
        return len(self.report_ids)


@dataclass(frozen=True, slots=True)
class Dispute:
    """A contradiction between articles: both (all) sides with their evidence and support.

    ``stronger`` is the index in ``sides`` of the side with strictly more independent support, or
    ``None`` when no side has more than every other.
    """

    id: str
    kind: ContradictionKind
    about: str
    severity: Severity
    sides: tuple[Position, ...]
    stronger: int | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Revision:
    """A figure revised by a later report (a rising toll): listed apart, not a dispute."""

    id: str
    about: str
    earlier: Position
    later: Position


@dataclass(frozen=True, slots=True)
class QuoteLine:
    """One quotation and where it appeared."""

    text: str
    article_ids: tuple[str, ...]
    report_ids: tuple[str, ...]
    told_to: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said what: one speaker (``name`` None for unnamed speakers), how articles describe them,
    and their quotations."""

    name: str | None
    descriptions: tuple[str, ...]
    quotes: tuple[QuoteLine, ...]

    @property
    def report_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r for q in self.quotes for r in q.report_ids))


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    precision: Precision
    event: str
    article_ids: tuple[str, ...]
    report_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    @property
    def support(self) -> int:
        return len(self.report_ids)


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One article of the story, and what it contributes.

    ``adds``: claims that only its independent report carries (and it does); ``omits``: claims that
    most other independent reports carry but it does not. Both are ordered most important first and
    cut to a few; ``adds_total``/``omits_total`` count them all.
    """

    article_id: str
    label: str  # the outlet, or the title, or the file name: how citations name it
    source: str
    title: str | None
    outlet: str | None
    byline: str | None
    url: str | None
    date: str | None
    date_inferred: bool  # the date is reasoned from the story, not stated
    date_evidence: str | None
    report_id: str | None
    report_origin: str | None
    words: int
    adds: tuple[str, ...] = ()
    adds_total: int = 0
    report_ties: tuple[ReportTie, ...] = ()  # why it is in its report though it shares no text
    omits: tuple[str, ...] = ()
    omits_total: int = 0


@dataclass(frozen=True, slots=True)
class RemovedText:
    article_id: str
    reason: str  # a RemovalReason value
    text: str


@dataclass(frozen=True, slots=True)
class RemovedSummary:
    """What extraction cut as boilerplate, across the story: counts by reason, and the texts."""

    counts: tuple[tuple[str, int], ...]  # (reason, count), most frequent first
    items: tuple[RemovedText, ...]

    @property
    def total(self) -> int:
        return len(self.items)


@dataclass(frozen=True, slots=True)
class ReportEntry:
    """An independent report of the story and its articles (``ties``: why those that share no text
    are in it)."""

    id: str
    origin: str
    article_ids: tuple[str, ...]
    ties: tuple[ReportTie, ...] = ()


@dataclass(frozen=True, slots=True)
class Briefing:
    """A cited, readable answer for one story."""

    story_id: str
    title: str
    summary: tuple[SummarySentence, ...]
    key_facts: tuple[KeyFact, ...]
    disputes: tuple[Dispute, ...]
    revisions: tuple[Revision, ...]
    speakers: tuple[Speaker, ...]
    timeline: tuple[TimelineEntry, ...]
    sources: tuple[SourceEntry, ...]  # citation order: [1] is sources[0]
    reports: tuple[ReportEntry, ...]
    removed: RemovedSummary
    unread_languages: tuple[str, ...] = ()  # of each article not analysed (a language not read)

    @property
    def article_count(self) -> int:
        return len(self.sources)

    @property
    def report_count(self) -> int:
        return len(self.reports)

    def ref(self, article_id: str) -> int:
        """The 1-based citation number of an article (its place in :attr:`sources`)."""
        for i, s in enumerate(self.sources, 1):
            if s.article_id == article_id:
                return i
        raise KeyError(article_id)

    def refs(self, article_ids: tuple[str, ...]) -> tuple[int, ...]:
        """Citation numbers of some articles, sorted, unknown ids left out."""
        index = {s.article_id: i for i, s in enumerate(self.sources, 1)}
        return tuple(sorted({index[a] for a in article_ids if a in index}))

    def source(self, article_id: str) -> SourceEntry:
        return self.sources[self.ref(article_id) - 1]

    def verdict(self) -> str:
        """One line: "6 articles, 3 independent reports, 3 disputes"."""

        def n(k: int, word: str) -> str:
            return f"{k} {word}{'s' * (k != 1)}"

        unread = self.unread_languages
        languages = ", ".join(sorted(set(unread)))
        return ", ".join(
            [n(self.article_count, "article"), n(self.report_count, "independent report")]
            + [n(len(self.disputes), "dispute")]
            + ([n(len(self.revisions), "revised figure")] if self.revisions else [])
            + ([f"{len(unread)} not analysed (written in {languages})"] if unread else [])
        )
