"""Running the stages after extraction over a set of articles: stories, then each story's analysis.

Two parts dominate the time and are independent units of work: the article pass (spaCy and our
passes over one article, :meth:`Annotator.parse_fresh`) and the analysis of one story (the story
pass, reuse, corroboration, timeline, briefing). With more than one CPU core and enough articles,
both run in worker processes (``AnnotateConfig.n_process``; 0 = one per core): the articles are sent
out in chunks, the story clustering runs here meanwhile, and then the stories go out, largest
first. The results are the same as in one process: every unit is computed the same way, and
cached article passes are read from and written to the store here (the store has one writer).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import signal
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeAlias

from corroborator.config import AnnotateConfig, Config
from corroborator.errors import WorkerError
from corroborator.models import Article

if TYPE_CHECKING:
    from spacy.language import Language

    from corroborator.annotate.pipeline import Annotator, ArticleParse
    from corroborator.api import StoryAnalysis
    from corroborator.store import Store


# Workers are forked on Linux (they share the loaded spaCy pipeline), spawned elsewhere.
_FORK = sys.platform.startswith("linux")

# The state of a worker process (its Annotator and Config), set once by _start when it begins.
_WORKER: dict[str, Any] = {}
_LOG = logging.getLogger(__name__)


def _start(config: Config, nlp: Language | None) -> None:
    from corroborator.annotate.pipeline import Annotator

    # Ctrl-C reaches the whole process group: the main process stops the work (and says so); a
    # worker printing its own KeyboardInterrupt traceback would only be noise
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["config"] = config
    _WORKER["annotator"] = Annotator(config.annotate, nlp=nlp)


# An article pass as a worker sends it back: pickled once there and passed through this process as
# bytes (unpickled here only to be stored), to be unpickled by the worker that analyses its story.
_Packed: TypeAlias = "ArticleParse | bytes"


def _parse(articles: list[Article]) -> list[tuple[str, bytes]]:
    fresh = _WORKER["annotator"].parse_fresh(articles)
    return [(a.id, pickle.dumps(fresh[a.id], pickle.HIGHEST_PROTOCOL)) for a in articles]


def _unpack(parse: _Packed) -> ArticleParse:
    found: ArticleParse = pickle.loads(parse) if isinstance(parse, bytes) else parse
    return found


def _analyze(articles: list[Article], story: StoryAnalysis, parses: list[_Packed]) -> StoryAnalysis:
    from corroborator.annotate.pipeline import assemble_story
    from corroborator.api import analyze_story

    def run() -> StoryAnalysis:
        annotations = assemble_story(articles, [_unpack(p) for p in parses])
        return analyze_story(articles, story, annotations, None, _WORKER["config"])

    return _with_briefing(_guarded(run, articles), articles)


def _guarded(run: Callable[[], StoryAnalysis], articles: list[Article]) -> StoryAnalysis:
    """The story's analysis; if it fails (a bug met by some article's text), the story with its
    articles only and the error, logged with its traceback, so that the other stories still come."""
    from corroborator.api import one_story

    try:
        return run()
    except Exception as exc:  # one story's failure must not lose the others
        error = f"{type(exc).__name__}: {exc}"
        _LOG.exception("analysis of the story of %s failed", ", ".join(a.source for a in articles[:3]))
        return replace(one_story(articles), error=error)


def _with_briefing(story: StoryAnalysis, articles: Sequence[Article]) -> StoryAnalysis:
    from corroborator.brief import brief

    return replace(story, briefing=brief(story, {a.id: a for a in articles}))


def worker_count(config: AnnotateConfig) -> int:
    """How many worker processes ``config`` asks for (0 = one per CPU core this process may use)."""
    if config.n_process:
        return config.n_process
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Workers:
    """A pool of worker processes, each loading the spaCy pipeline when first given articles.

    On Linux workers are forked (quick to start, no re-import of the caller's main module, so a
    script without an ``if __name__ == "__main__"`` guard works); elsewhere they are spawned. They
    only compute: the store is read and written by this process alone."""

    def __init__(self, config: Config, processes: int, nlp: Language | None = None) -> None:
        context = multiprocessing.get_context("fork" if _FORK else "spawn")
        self.config = config
        # a forked worker shares the spaCy pipeline already loaded here (nothing is copied until
        # written); a spawned one loads its own
        initargs = (config, nlp if _FORK else None)
        self.executor = ProcessPoolExecutor(
            processes, mp_context=context, initializer=_start, initargs=initargs
        )

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.executor.shutdown(cancel_futures=True)

    def submit_parse(self, articles: Sequence[Article]) -> list[Future[list[tuple[str, bytes]]]]:
        """Send the article pass of ``articles`` out in chunks; collect with :func:`_collect`."""
        size = self.config.annotate.chunk_articles
        chunks = [list(articles[k : k + size]) for k in range(0, len(articles), size)]
        return [self.executor.submit(_parse, chunk) for chunk in chunks]

    def analyze(
        self, jobs: Sequence[tuple[list[Article], StoryAnalysis, list[_Packed]]]
    ) -> list[StoryAnalysis]:
        """Each story's analysis, in the order of ``jobs``; the largest stories are sent first."""
        order = sorted(range(len(jobs)), key=lambda k: -sum(len(a.body) for a in jobs[k][0]))
        futures = {k: self.executor.submit(_analyze, *jobs[k]) for k in order}
        return [_result(futures[k]) for k in range(len(jobs))]


def _result(future: Future[Any]) -> Any:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerError(f"a worker process died before finishing: {exc}") from exc


def _collect(futures: Sequence[Future[list[tuple[str, bytes]]]]) -> dict[str, bytes]:
    return {article_id: packed for f in futures for article_id, packed in _result(f)}


def analyze_articles(
    articles: Sequence[Article],
    config: Config,
    *,
    store: Store | None = None,
    annotator: Annotator | None = None,
    annotate: bool = True,
    cluster: bool = True,
    timings: dict[str, float] | None = None,
) -> tuple[StoryAnalysis, ...]:
    """Group ``articles`` into stories (one story unless ``cluster``) and, when ``annotate``, analyse
    each: annotation (cached in ``store``), reuse and independent reports, corroboration, timeline,
    and its briefing.

    ``timings``, when given, receives the wall-clock seconds of each phase as it is run here (with
    workers, the clustering overlaps the article pass: "parse" is then the wait after it)."""
    from corroborator.api import group_stories, one_story, with_related
    from corroborator.cluster import Grouping

    clock = _Clock(timings)
    grouping = Grouping([tuple(a.id for a in articles)], [()])

    def stories_of() -> list[list[Article]]:
        nonlocal grouping
        if cluster:
            with clock("cluster"):
                grouping = group_stories(articles, config)
        by_id = {a.id: a for a in articles}
        return [[by_id[i] for i in group] for group in grouping.groups]

    if not articles:
        return ()
    if not annotate:
        return with_related([one_story(m) for m in stories_of()], grouping)
    return with_related(_analyze_all(articles, stories_of, config, store, annotator, clock), grouping)


def analyze_groups(
    groups: Sequence[Sequence[Article]],
    config: Config,
    *,
    store: Store | None = None,
    annotator: Annotator | None = None,
) -> tuple[StoryAnalysis, ...]:
    """The analysis of each group of articles as one story (groups made elsewhere, e.g. the stored
    stories), with worker processes as in :func:`analyze_articles`."""
    members = [list(g) for g in groups if g]
    articles = list({a.id: a for g in members for a in g}.values())
    if not articles:
        return ()
    return _analyze_all(articles, lambda: members, config, store, annotator, _Clock(None))


def _analyze_all(
    articles: Sequence[Article],
    stories_of: Callable[[], list[list[Article]]],
    config: Config,
    store: Store | None,
    annotator: Annotator | None,
    clock: _Clock,
) -> tuple[StoryAnalysis, ...]:
    from corroborator.annotate.pipeline import Annotator
    from corroborator.api import one_story

    annotator = annotator or Annotator(config.annotate)
    cached = annotator.cached(articles, store)
    todo = [a for a in articles if a.id not in cached]
    processes = min(worker_count(config.annotate), max(1, len(todo) // config.annotate.chunk_articles))
    if processes < 2 or len(todo) < config.annotate.parallel_min_articles:
        members = stories_of()
        with clock("parse"):
            fresh = annotator.parse_fresh(todo)
            if store is not None:
                annotator.save(fresh.values(), store)
        parses = cached | fresh
        with clock("story analysis"):
            return tuple(_serial(m, [parses[a.id] for a in m], annotator, config) for m in members)
    nlp = annotator.nlp if _FORK else None  # loaded once here, shared by the forked workers
    with Workers(config, processes, nlp) as workers:
        pending = workers.submit_parse(todo)
        members = stories_of()  # clustering here while the workers parse
        with clock("parse"):
            packed = _collect(pending)
            if store is not None:
                annotator.save([_unpack(p) for p in packed.values()], store)
        sent: dict[str, _Packed] = {**cached, **packed}
        jobs = [(m, one_story(m), [sent[a.id] for a in m]) for m in members]
        with clock("story analysis"):
            return tuple(workers.analyze(jobs))


def _serial(
    members: list[Article], parses: list[ArticleParse], annotator: Annotator, config: Config
) -> StoryAnalysis:
    from corroborator.annotate.pipeline import assemble_story
    from corroborator.api import analyze_story, one_story

    def run() -> StoryAnalysis:
        return analyze_story(members, one_story(members), assemble_story(members, parses), annotator, config)

    return _with_briefing(_guarded(run, members), members)


class _Clock:
    """Adds the wall-clock seconds of ``with clock(name):`` blocks to a dict (when there is one)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.name = ""
        self.start = 0.0

    def __call__(self, name: str) -> _Clock:
        self.name = name
        return self

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        if self.timings is not None:
            self.timings[self.name] = self.timings.get(self.name, 0.0) + time.perf_counter() - self.start
