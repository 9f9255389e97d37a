"""What an article looks like to the story clusterer: weighted terms and a day, no spaCy.

An event differs from another of the same topic by its specifics (who, where, how many, when), so an
article becomes a bag of terms of four kinds, each weighted by its sublinear term frequency
(``1 + log tf``) times the weight of its kind:

- ``words``: lower-cased content words of the title and body, stopwords out, crudely stemmed (cut to
  seven letters); title words count ``title_weight`` extra, and every term of the lead (the first
  ``lead_words`` words of the body, which in news state the event: who did what, where) counts
  ``lead_weight`` extra;
- ``@name`` / ``@word``: entity-like names: runs of capitalised words that do not merely start a
  sentence (``Betty Ford Center`` gives ``@betty ford center`` and ``@betty``, ``@ford``,
  ``@center``); a sentence-initial word counts only when the article also capitalises it elsewhere;
- ``#figure`` / ``#figure unit``: numbers, alone and with the word after them (``#7.0 magnitu``);
- ``%MM-DD``: calendar dates written as month and day (``May 3``, ``3 May``).

The clusterer multiplies these by inverse document frequencies (:mod:`corroborator.cluster.online`).
The article's day is its stated publication date (``Article.published``), else ``None``.
"""

from __future__ import annotations

import importlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import NamedTuple

from corroborator.config import ClusterConfig
from corroborator.models import Article

_STOPWORD_TEXT = """
a about above across after afterwards again against all almost along already also although always am
among an and another any anyone anything are around as at away back be became because become becomes
been before being below beside between both but by can cannot could did do does doing done down
during each either else even ever every few for from further get gets got had has have having he
her here hers herself him himself his how however i if in inside into is it its itself just last
least less like made make many may me might more most much must my myself near neither new next no
nor not now of off on once one only onto or other others our ours ourselves out over own per put
quite rather really said same say saying says see seen she should since so some still such than that
the their theirs them themselves then there these they this those though through thus to told too
under until up upon us very via was way we well were what when where whether which while who whom
whose why will with within without would yet you your yours yourself yourselves according mr ms mrs
dr also including include includes took take takes went go goes going come came comes will just
http https www com html htm php asp index article news story read more share photo image video
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_CALENDAR = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", *_MONTHS]
)
# words in any script ("Condé", "Москва"), and numbers
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-])*[^\W\d_]|[^\W\d_]|\d[\d,]*(?:\.\d+)?")
_BREAK = re.compile(r"[.!?:;\n•|]")
_NUMBER = re.compile(r"\d")
_STEM = 7

WORD, ENTITY, FIGURE, DATE = "", "@", "#", "%"


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """An article as the clusterer sees it: ``terms`` are (term, weight) pairs sorted by term."""

    id: str
    day: int | None  # proleptic Gregorian ordinal of the stated publication date
    terms: tuple[tuple[str, float], ...]


class _Token(NamedTuple):
    text: str
    initial: bool  # starts a sentence (or a line)
    gap: str  # the text between the previous token and this one


def parse_day(value: str | None) -> int | None:
    """``2013-05-03`` (or a longer ISO timestamp) as a day ordinal; ``None`` when absent or not a date."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def word_term(token: str, stopwords: frozenset[str] = STOPWORDS) -> str | None:
    """The word term of a token, or ``None`` for stopwords, numbers and one-letter tokens."""
    word = token.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    if len(word) < 3 or word in stopwords or not word[0].isalpha():
        return None
    return word[:_STEM]


@cache
def stopwords_of(language: str) -> frozenset[str]:
    """The stopwords of an article in ``language``: the English ones, and for another language its
    own from spaCy's list for it (shipped with spaCy; none when spaCy has none): without them, two
    articles in a language the corpus rarely holds look alike by its function words alone."""
    if language == "en":
        return STOPWORDS
    try:
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    except ImportError:
        return STOPWORDS
    return STOPWORDS | frozenset(str(w).lower() for w in getattr(module, "STOP_WORDS", ()))


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    end = 0
    for match in _TOKEN.finditer(text):
        gap = text[end : match.start()]
        initial = not tokens or _BREAK.search(gap) is not None
        tokens.append(_Token(match.group(), initial, gap))
        end = match.end()
    return tokens


def _capitalised(token: str) -> bool:
    return token[0].isupper() and (len(token) > 1 or token.isalpha())


def _entity_runs(tokens: list[_Token], confirmed: frozenset[str]) -> list[list[str]]:
    """Runs of capitalised tokens joined by single spaces, without merely sentence-initial words
    (unless ``confirmed``: capitalised elsewhere in the article)."""
    runs: list[list[str]] = []
    current: list[str] = []
    for token in tokens:
        joined = bool(current) and not token.initial and token.gap in (" ", "")
        if not _capitalised(token.text) or not token.text[0].isalpha():
            if current:
                runs.append(current)
            current = []
            continue
        if current and not joined:
            runs.append(current)
            current = []
        if not current and token.initial and token.text not in confirmed:
            continue  # "Perennial party girl ...": capitalised only because it starts a sentence
        current.append(token.text)
    if current:
        runs.append(current)
    cleaned: list[list[str]] = []
    for run in runs:
        words = [w.lower().replace("’", "'").removesuffix("'s") for w in run]
        while words and (words[0] in STOPWORDS or words[0] in _CALENDAR):
            words.pop(0)
        while words and (words[-1] in STOPWORDS or words[-1] in _CALENDAR):
            words.pop()
        if words:
            cleaned.append(words)
    return cleaned


def _figures(tokens: list[_Token]) -> list[str]:
    terms: list[str] = []
    for i, token in enumerate(tokens):
        if not _NUMBER.match(token.text):
            continue
        value = token.text.replace(",", "").rstrip(".")
        if len(value) > 12:
            continue  # phone numbers, ids
        before = tokens[i - 1].text.lower() if i else ""
        after = tokens[i + 1].text.lower() if i + 1 < len(tokens) and tokens[i + 1].gap in (" ", "") else ""
        if before in _MONTHS and value.isdigit() and 1 <= int(value) <= 31:
            terms.append(f"{DATE}{_MONTHS[before]:02d}-{int(value):02d}")
            continue
        if after in _MONTHS and value.isdigit() and 1 <= int(value) <= 31:
            terms.append(f"{DATE}{_MONTHS[after]:02d}-{int(value):02d}")
            continue
        terms.append(f"{FIGURE}{value}")
        unit = word_term(after) if after else None
        if unit is not None and after not in _MONTHS:
            terms.append(f"{FIGURE}{value} {unit}")
    return terms


def _count(
    tokens: list[_Token], confirmed: frozenset[str], seen: dict[str, str | None], stopwords: frozenset[str]
) -> Counter[str]:
    """Word, entity and figure terms of ``tokens`` with their counts."""
    counts: Counter[str] = Counter()
    for token in tokens:
        text = token.text
        term = seen[text] if text in seen else seen.setdefault(text, word_term(text, stopwords))
        if term is not None:
            counts[term] += 1
    for run in _entity_runs(tokens, confirmed):
        if len(run) > 1:
            counts[ENTITY + " ".join(run)] += 1
        for word in run:
            if len(word) > 1 and word not in STOPWORDS:
                counts[ENTITY + word] += 1
    counts.update(_figures(tokens))
    return counts


def featurize(article: Article, config: ClusterConfig) -> ArticleFeatures:
    """The weighted terms and the day of one article (deterministic; no model)."""
    body_tokens = _tokens(article.body)
    confirmed = frozenset(t.text for t in body_tokens if not t.initial and _capitalised(t.text))
    seen: dict[str, str | None] = {}
    stopwords = stopwords_of(article.language)
    tf: dict[str, float] = dict(_count(body_tokens, confirmed, seen, stopwords))
    if config.lead_weight and config.lead_words:
        # the lead states the event (who did what, where, when): its terms count extra
        for term, k in _count(body_tokens[: config.lead_words], confirmed, seen, stopwords).items():
            tf[term] = tf.get(term, 0) + config.lead_weight * k
    title_terms = (word_term(x.text, stopwords) for x in _tokens(article.title or ""))
    title = Counter(t for t in title_terms if t is not None)
    weights: dict[str, float] = {}
    for term, n in tf.items():
        kind = term[0] if term[0] in (ENTITY, FIGURE, DATE) else WORD
        weight = 1.0
        if kind == ENTITY:
            weight = config.entity_weight
        elif kind in (FIGURE, DATE):
            weight = config.number_weight
        weights[term] = weight * (1.0 + math.log(n + config.title_weight * title.get(term, 0)))
    for term, k in title.items():
        if term not in weights:
            weights[term] = 1.0 + math.log(config.title_weight * k) if config.title_weight * k >= 1 else 1.0
    return ArticleFeatures(article.id, parse_day(article.published), tuple(sorted(weights.items())))
