"""The library API that the CLI (and most tests) call.

>>> from corroborator import analyze
>>> result = analyze(["examples/text"])           # doctest: +SKIP
>>> [a.title for a in result.articles]            # doctest: +SKIP

:func:`analyze` reads sources, extracts clean articles and returns them with the inputs that failed;
given a :class:`~corroborator.store.Store` it also stores them (skipping work already done).
:func:`ingest` does the same but only stores, returning what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from corroborator.config import Config
from corroborator.extract import extract_documents
from corroborator.ingest import read_sources
from corroborator.models import (
    Article,
    Claim,
    Contradiction,
    Failure,
    IndependentReport,
    RawDocument,
    ReuseLink,
    TimelineEvent,
    Update,
    content_hash,
)
from corroborator.versions import source_digest

if TYPE_CHECKING:
    from corroborator.annotate.pipeline import Annotator, StoryAnnotations
    from corroborator.brief_records import Briefing
    from corroborator.cluster import Grouping
    from corroborator.ingest.web import Fetcher
    from corroborator.store import AddResult, Store

# the extraction's version: a digest of the code that reads and extracts inputs, so after an upgrade
# that reads them differently (another publication date, a cleaner body), ingesting an input again
# extracts it again (``reextracted``) instead of keeping what the old code made
EXTRACTOR_VERSION = "extract-1+" + source_digest("corroborator.extract", "corroborator.ingest")
BATCH_SIZE = 256

Progress = Callable[[int], None]
"""Called with the number of documents just processed."""


@dataclass(frozen=True, slots=True)
class RelatedStory:
    """Another story of the same topic (a sister event, an earlier or later wave; see
    :mod:`corroborator.cluster.related`): its id and title, how similar the two are (mean cosine of
    their articles' vectors), the names and figures they share most, as written, and the days from
    this story's first stated date to the other's (negative: it began earlier; None when either
    story is undated)."""

    id: str
    title: str
    similarity: float
    shared: tuple[str, ...]
    days_apart: int | None


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """One story (articles about the same event) and what the later stages found in it."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    annotations: StoryAnnotations | None = None
    reuse: tuple[ReuseLink, ...] = ()
    reports: tuple[IndependentReport, ...] = ()
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    updates: tuple[Update, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    # the readable summary of all of the above (:func:`corroborator.brief.brief`), when made already
    briefing: Briefing | None = None
    # why the analysis failed, when it did: the story then has its articles and nothing else
    error: str | None = None
    # other stories of the same topic among those analysed with it (not cached with the analysis)
    related: tuple[RelatedStory, ...] = ()
    # articles not annotated: written in a language the model does not read (``AnnotateConfig.languages``)
    unread: tuple[str, ...] = ()

    def report_of(self) -> dict[str, str]:
        """Article id -> the id of the independent report it belongs to."""
        return {a: r.id for r in self.reports for a in r.article_ids}


@dataclass(frozen=True, slots=True)
class Analysis:
    """What :func:`analyze` found: clean articles (in input order, each once), failed inputs, and
    the stories with their annotations."""

    articles: tuple[Article, ...]
    failures: tuple[Failure, ...]
    stories: tuple[StoryAnalysis, ...] = ()
    generated_at: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What :func:`ingest` changed in the store."""

    results: tuple[AddResult, ...]
    failures: tuple[Failure, ...]

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status.value == status)


def _batches(items: Iterator[RawDocument | Failure], size: int) -> Iterator[list[RawDocument | Failure]]:
    while batch := list(islice(items, size)):
        yield batch


def iter_articles(
    sources: Iterable[str | Path],
    config: Config | None = None,
    *,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    skip: Callable[[RawDocument], bool] | None = None,
) -> Iterator[Article | Failure]:
    """Stream sources to articles, batch by batch (bounded memory), in input order.

    ``skip`` lets a caller drop documents whose work is already done (e.g. already in the store).
    """
    config = config or Config()
    stream = read_sources((str(s) for s in sources), config.ingest, fetcher)
    for batch in _batches(stream, BATCH_SIZE):
        docs: list[RawDocument] = []
        slots: list[Failure | None] = []
        for item in batch:
            if isinstance(item, Failure):
                slots.append(item)
            elif skip is not None and skip(item):
                continue
            else:
                docs.append(item)
                slots.append(None)
        extracted = iter(extract_documents(docs, config.extract))
        for slot in slots:
            yield slot if slot is not None else next(extracted)
        if progress is not None:
            progress(len(batch))


def analyze(
    sources: Iterable[str | Path],
    config: Config | None = None,
    *,
    store: Store | None = None,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    annotate: bool = True,
    annotator: Annotator | None = None,
    cluster: bool = True,
) -> Analysis:
    """Read ``sources`` (files, directories, URLs, feeds, WARC files) into clean articles, group them
    into stories (unless ``cluster`` is false: then all articles are one story) and, unless
    ``annotate`` is false, run the per-story analysis: entities, quotes, figures, dates, reuse and
    independent reports, claims, contradictions and the timeline.

    Bad inputs do not stop the run: each becomes a :class:`Failure` naming the input and the problem.
    Nor does a story whose analysis fails: it keeps its articles, and a :class:`Failure` names it.
    The same content read twice (e.g. one file named twice) appears once. Pass an ``annotator`` to
    reuse a loaded spaCy pipeline across calls.
    """
    articles: list[Article] = []
    failures: list[Failure] = []
    seen: set[str] = set()
    for item in iter_articles(sources, config, fetcher=fetcher, progress=progress):
        if isinstance(item, Failure):
            failures.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            articles.append(item)
    if store is not None:
        store.add_many(articles, extractor_version=EXTRACTOR_VERSION)
        store.record_failures(failures)
    from corroborator.run import analyze_articles

    stories = analyze_articles(
        articles, config or Config(), store=store, annotator=annotator, annotate=annotate, cluster=cluster
    )
    sources = {a.id: a.source for a in articles}
    for story in stories:
        if story.error is not None:
            first = sources[story.article_ids[0]]
            failures.append(
                Failure(
                    f"story {story.id[:12]} ({len(story.article_ids)} articles, first {first})",
                    f"analysis failed, articles kept without claims ({story.error})",
                )
            )
    return Analysis(tuple(articles), tuple(failures), stories)


def group_stories(articles: Sequence[Article], config: Config) -> Grouping:
    """Articles about the same real-world event, grouped into stories, with each story's related
    stories (see :mod:`corroborator.cluster`)."""
    from corroborator.cluster import Grouping, group_articles

    if len(articles) < 2:
        return Grouping([tuple(a.id for a in articles)], [()])
    return group_articles(articles, config.cluster)


def with_related(stories: Sequence[StoryAnalysis], grouping: Grouping) -> tuple[StoryAnalysis, ...]:
    """The analyses of ``grouping``'s groups (in its order) with their related stories."""
    out = []
    for story, related in zip(stories, grouping.related, strict=True):
        others = tuple(
            RelatedStory(stories[r.group].id, stories[r.group].title, r.similarity, r.shared, r.days_apart)
            for r in related
        )
        out.append(replace(story, related=others) if others else story)
    return tuple(out)


def analyze_story(
    articles: Sequence[Article],
    story: StoryAnalysis,
    annotations: StoryAnnotations,
    annotator: Annotator | None,
    config: Config,
) -> StoryAnalysis:
    """The per-story stages after annotation: reuse and independent reports, corroboration, timeline."""
    from corroborator.corroborate import corroborate_story
    from corroborator.corroborate.timeline import build_timeline
    from corroborator.reuse import detect_reuse

    reuse = detect_reuse(articles, annotations.articles, config.reuse)
    unread = tuple(a.id for a in articles if not config.annotate.reads(a))
    story = replace(story, annotations=annotations, reuse=reuse.links, reports=reuse.reports, unread=unread)
    found = corroborate_story(articles, annotations.articles, story.report_of())
    timeline = build_timeline(articles, annotations.articles, annotator.loaded_nlp if annotator else None)
    return replace(
        story,
        claims=found.claims,
        contradictions=found.contradictions,
        updates=found.updates,
        timeline=timeline,
    )


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_story(articles: Sequence[Article]) -> StoryAnalysis:
    """The given articles as one story, titled by its earliest article's title, else (none has one)
    by the first line of its earliest article, cut at 80 characters, as ``corroborator stories``
    lists an untitled story."""
    ordered = articles_in_order(articles)
    first = ordered[0].body.split("\n", 1)[0] if ordered else ""
    title = next((a.title for a in ordered if a.title), None) or _cut(first, 80) or "Untitled story"
    ids = tuple(a.id for a in articles)
    return StoryAnalysis(content_hash("\n".join(sorted(ids))), title, ids)


def ingest(
    sources: Iterable[str | Path],
    store: Store,
    config: Config | None = None,
    *,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Read sources into ``store``, one transaction per batch, so an interrupted run loses at most
    the batch in flight and re-running completes the work: a document already stored by this
    extraction code is not extracted again (it counts ``unchanged`` and its sighting is recorded); one
    stored by older extraction code is extracted again (``reextracted``)."""
    results: list[AddResult] = []
    failures: list[Failure] = []
    pending: list[Article] = []
    seen: list[tuple[str, str]] = []  # (source, article id): read again, stored as this code extracts it

    def done(doc: RawDocument) -> bool:
        if not store.has(doc.content_id, EXTRACTOR_VERSION):
            return False
        seen.append((doc.source, doc.content_id))
        if len(seen) >= BATCH_SIZE:
            flush()
        return True

    def flush() -> None:
        if pending:
            results.extend(store.add_many(pending, extractor_version=EXTRACTOR_VERSION))
            pending.clear()
        if seen:
            results.extend(store.record_sightings(seen))
            seen.clear()

    for item in iter_articles(sources, config, fetcher=fetcher, progress=progress, skip=done):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            pending.append(item)
            if len(pending) >= BATCH_SIZE:
                flush()
    flush()
    store.record_failures(failures)
    return IngestSummary(tuple(results), tuple(failures))


def articles_in_order(articles: Sequence[Article]) -> list[Article]:
    """Articles sorted by publication date (unknown last), then source."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or "", a.source))
