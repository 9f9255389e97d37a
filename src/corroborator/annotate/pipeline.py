"""The annotation stage: articles -> per-article annotations -> story-level entities and quotes.

Two passes. The article pass runs spaCy once per text (bodies and captions together, in batches
with ``nlp.pipe``) and finds mentions, descriptions, quotes, quantities and time expressions (with
the event each one dates, read from the same parse); its result depends on the article alone, so
it is cached by article hash and stage version (in the store when one is given). The story pass
needs all the story's articles: it infers missing publication dates, resolves relative time
expressions, attaches periods to figures, clusters entities across articles and merges quotations.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from corroborator.annotate import (
    dating,
    entities,
    entity_clusters,
    events,
    quantities,
    quote_merge,
    quotes,
    timex,
    timex_resolve,
)
from corroborator.annotate.nlp import load, pipe
from corroborator.annotate.timex import sentence_spans
from corroborator.config import AnnotateConfig
from corroborator.extract.metadata import listener_name
from corroborator.models import (
    Annotations,
    Article,
    Description,
    Entity,
    Mention,
    Quantity,
    Quote,
    Span,
    StoryQuote,
    TimeExpression,
    iso_day,
)
from corroborator.serialize import decode, to_data
from corroborator.versions import source_digest

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from corroborator.store import Store

STAGE = "annotate"
# the article pass's cache key: a digest of this package's code (and of the records it writes), so a
# changed rule never serves annotations the old code made; "annotate-2": time expressions carry events
VERSION = "annotate-2+" + source_digest(
    "corroborator.annotate", "corroborator.models", "corroborator.serialize"
)


@dataclass(frozen=True, slots=True)
class ArticleParse:
    """What the article pass finds in one article (body and captions): cacheable, story-free."""

    article_id: str
    sentences: tuple[Span, ...]
    mentions: tuple[Mention, ...]
    descriptions: tuple[Description, ...]
    quotes: tuple[Quote, ...]
    quantities: tuple[Quantity, ...]
    times: tuple[timex.TimexMatch, ...]

    @classmethod
    def empty(cls, article_id: str) -> ArticleParse:
        """The parse of an article nothing is read from."""
        return cls(article_id, (), (), (), (), (), ())


@dataclass(frozen=True, slots=True)
class StoryAnnotations:
    """The annotations of a story's articles, and what spans them."""

    articles: tuple[Annotations, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[StoryQuote, ...]

    def of(self, article_id: str) -> Annotations:
        return next(a for a in self.articles if a.article_id == article_id)


def _with_event(t: timex.TimexMatch, e: events.DatedEvent) -> timex.TimexMatch:
    """A time expression with the event it dates; a weekday whose sentence states no tense looks
    ahead when that event is scheduled in the simple present ("reports earnings Wednesday")."""
    t = replace(t, event=e.text, act=e.act or None)
    if e.scheduled and t.kind is timex.TimexKind.WEEKDAY and t.offset == 0 and not t.tense_stated:
        t = replace(t, tense=timex.Tense.FUTURE, tense_stated=True)
    return t


def _texts(article: Article) -> Iterator[tuple[int | None, str]]:
    yield None, article.body
    for k, caption in enumerate(article.captions):
        yield k, caption.text


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def _paragraph_sentences(doc: Doc, text: str) -> list[Span]:
    """The parser's sentences, cut again where a paragraph ends inside one: a paragraph without a
    closing full stop ("..., according to RussiaToday" / "Brooklynites on Twitter reported ...") is
    parsed into the next one's first sentence."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start_char
        for brk in _PARAGRAPH_BREAK.finditer(text, start, sent.end_char):
            if text[start : brk.start()].strip():
                out.append(Span(start, brk.start()))
            start = brk.end()
        if text[start : sent.end_char].strip():
            out.append(Span(start, sent.end_char))
    return out


def parse_article(article: Article, docs: Sequence[Doc]) -> ArticleParse:
    """The article pass over already-parsed Docs: ``docs[0]`` is the body, then one per caption."""
    sentences: list[Span] = []
    found_mentions: list[Mention] = []
    found_descriptions: list[Description] = []
    found_quotes: list[Quote] = []
    found_quantities: list[Quantity] = []
    found_times: list[timex.TimexMatch] = []
    for (caption, text), doc in zip(_texts(article), docs, strict=True):
        if caption is None:
            sentences = _paragraph_sentences(doc, text)
        mentions = entities.find_mentions(doc, caption=caption)
        found_mentions += mentions
        found_descriptions += entities.find_descriptions(doc, mentions)
        text_quotes = quotes.find_quotes(doc, caption=caption, text=text)
        found_quotes += text_quotes
        found_quantities += quantities.find_quantities(text, caption=caption)
        times = timex.find_times(text, caption=caption)
        spans = sentences if caption is None else sentence_spans(text)
        dated = events.find_events(doc, text, [t.span for t in times], spans, text_quotes, mentions, caption)
        found_times += [_with_event(t, e) for t, e in zip(times, dated, strict=True)]
    return ArticleParse(
        article.id,
        tuple(sentences),
        tuple(found_mentions),
        tuple(found_descriptions),
        tuple(found_quotes),
        tuple(found_quantities),
        tuple(found_times),
    )


class Annotator:
    """Runs the annotation stage; holds the loaded spaCy pipeline (load it once, reuse it)."""

    def __init__(self, config: AnnotateConfig | None = None, nlp: Language | None = None) -> None:
        self.config = config or AnnotateConfig()
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load(self.config)
        return self._nlp

    @property
    def loaded_nlp(self) -> Language | None:
        """The spaCy pipeline if loaded already (``None``: not loaded; :attr:`nlp` loads it)."""
        return self._nlp

    def parse(self, articles: Sequence[Article], store: Store | None = None) -> list[ArticleParse]:
        """The article pass, reusing cached results from ``store`` and caching new ones there."""
        cached = self.cached(articles, store)
        fresh = self.parse_fresh([a for a in articles if a.id not in cached])
        if store is not None:
            self.save(fresh.values(), store)
        return [cached.get(a.id) or fresh[a.id] for a in articles]

    @staticmethod
    def cached(articles: Sequence[Article], store: Store | None) -> dict[str, ArticleParse]:
        """The article-pass results ``store`` holds for these articles (by article id)."""
        if store is None:
            return {}
        rows = store.stage_results(STAGE, VERSION, [a.id for a in articles])
        return {k: decode(ArticleParse, json.loads(v)) for k, v in rows.items()}

    @staticmethod
    def save(parses: Iterable[ArticleParse], store: Store) -> None:
        """Cache article-pass results in ``store``."""
        rows = [(p.article_id, json.dumps(to_data(p))) for p in parses]
        if rows:
            store.put_stage_results(STAGE, VERSION, rows)

    def parse_fresh(self, articles: Sequence[Article]) -> dict[str, ArticleParse]:
        """The article pass over ``articles`` (spaCy, then our passes), by article id. An article in a
        language the model does not read gets an empty parse: nothing found in it, nothing made up."""
        read = [a for a in articles if self.config.reads(a)]
        texts = [text for a in read for _, text in _texts(a)]
        docs = iter(pipe(self.nlp, texts, self.config)) if texts else iter(())
        parsed = {a.id: parse_article(a, [next(docs) for _ in range(1 + len(a.captions))]) for a in read}
        return {a.id: parsed.get(a.id) or ArticleParse.empty(a.id) for a in articles}

    def annotate_story(self, articles: Sequence[Article], store: Store | None = None) -> StoryAnnotations:
        """Both passes over the articles of one story."""
        return assemble_story(articles, self.parse(articles, store))

    def annotate_stories(
        self, stories: Sequence[Sequence[Article]], store: Store | None = None
    ) -> list[StoryAnnotations]:
        """Both passes over several stories, parsing all their articles in one batched stream."""
        parses = iter(self.parse([a for story in stories for a in story], store))
        return [assemble_story(story, [next(parses) for _ in story]) for story in stories]


def _anchor(value: str | None) -> date | None:
    """The day a date or range ends on."""
    return iso_day(value.split("/")[-1]) if value else None


def _own_listeners(article: Article, parse: ArticleParse) -> ArticleParse:
    """The parse with each listener named as the outlet writes itself (:func:`listener_name`), and a
    listener named by one word that ends a fuller name told before in the article by that name ("told
    the Daily News" ... "told the News")."""
    named: list[str] = []
    quotes = []
    for q in parse.quotes:  # in the order of the text
        if q.told_to:
            told = listener_name(q.told_to, article.outlet)
            if " " not in told:
                told = next((n for n in reversed(named) if n.split()[-1] == told), told)
            named.append(told)
            q = replace(q, told_to=told)
        quotes.append(q)
    return parse if tuple(quotes) == parse.quotes else replace(parse, quotes=tuple(quotes))


def assemble_story(articles: Sequence[Article], parses: Sequence[ArticleParse]) -> StoryAnnotations:
    """The story pass: dates, periods, entities across articles, merged quotes."""
    pairs = list(zip(articles, parses, strict=True))
    inferred = dating.infer_publication_dates(
        [dating.DatingInput(a.id, a.body, a.published, p.times) for a, p in pairs]
    )
    stated = timex_resolve.stated_years({p.article_id: p.times for p in parses})
    parses = [_own_listeners(a, p) for a, p in pairs]
    pairs = list(zip(articles, parses, strict=True))
    per_article: list[Annotations] = []
    for article, parse in pairs:
        guess = inferred.get(article.id) if article.published is None else None
        anchor = _anchor(article.published) or _anchor(guess.date if guess else None)
        times: tuple[TimeExpression, ...] = timex_resolve.resolve(
            parse.times, anchor, inferred=guess is not None, stated=stated, article_id=article.id
        )
        body_times = [t for t in times if t.caption is None]
        in_body = [q for q in parse.quantities if q.caption is None]
        figures = timex_resolve.attach_periods(in_body, body_times, article.body)
        figures += tuple(q for q in parse.quantities if q.caption is not None)
        per_article.append(
            Annotations(
                article_id=article.id,
                sentences=parse.sentences,
                mentions=parse.mentions,
                descriptions=parse.descriptions,
                quotes=parse.quotes,
                quantities=tuple(figures),
                times=times,
                published_inferred=guess,
            )
        )
    story_entities = entity_clusters.cluster_entities(
        [(p.article_id, p.mentions, p.descriptions) for p in parses],
        known_names=[a.outlet for a in articles if a.outlet],
    )

    index = entity_clusters.EntityIndex(story_entities)

    def resolve(article_id: str, surface: str) -> tuple[str, str] | None:
        entity = index.resolve(article_id, surface)
        return (entity.name, entity.id) if entity else None

    merged = quote_merge.merge_quotes([(p.article_id, p.quotes) for p in parses], resolve)
    return StoryAnnotations(tuple(per_article), story_entities, merged)
