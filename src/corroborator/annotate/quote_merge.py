"""One record per quotation across a story's articles.

Two quotations are the same when, after normalising (quote marks, case, punctuation, British
spellings), one's words appear in the other in order (a quote one outlet splits in two is part of
the one another gives whole), or nearly so (rapidfuzz partial ratio at a high threshold, for small
edits). Short fragments need more: a fragment of a few words only joins a quotation by the same
(or an unnamed) speaker, and only when it is part of one quotation (a title in quotes found in two
people's words would make their two quotations one), and fuzzy matching needs enough words that
sharing words is not enough. A statement worded two ways (two words or more of one not in the other)
gives a record per wording, an unattributed one taking the statement's speaker.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from corroborator.models import Occurrence, Quote, StoryQuote, content_hash

Resolver = Callable[[str, str], "tuple[str, str] | None"]

FUZZY_THRESHOLD = 92.0  # rapidfuzz partial_ratio, 0-100
FUZZY_MIN_WORDS = 5  # the shorter quotation needs this many words to match fuzzily
SHARED_WORDS = 0.5  # only pairs sharing this share of the shorter one's distinct words are compared
SHORT_WORDS = 4  # below this, a contained fragment needs a compatible speaker

_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"', "′": "'"})
_TOKEN = re.compile(r"[^\W_]+")
_SPELLING = (
    (re.compile(r"^(\w{3,})is(e|ed|es|ing|ation|ations)$"), r"\1iz\2"),  # realise -> realize
    (re.compile(r"^(\w{2,})ys(e|ed|es|ing)$"), r"\1yz\2"),  # analyse -> analyze
    (re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able|hood)?$"), r"\1or\2"),  # neighbour -> neighbor
    (re.compile(r"^(\w{3,})tre(s)?$"), r"\1ter\2"),  # centre -> center
    (re.compile(r"^(\w+[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),  # travelled -> traveled
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2"),  # catalogue -> catalog
    (re.compile(r"^(def|off|pret|lic)ence(s)?$"), r"\1ense\2"),  # defence -> defense
)


def normalise(text: str) -> str:
    """Lower-case words joined by single spaces, quote marks and British spellings folded."""
    text = unicodedata.normalize("NFKC", text).translate(_MARKS).lower()
    words = []
    for word in _TOKEN.findall(text):
        for pattern, repl in _SPELLING:
            word = pattern.sub(repl, word)
        words.append(word)
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class _Item:
    order: int
    article: str
    quote: Quote
    norm: str
    words: int
    speaker: str | None  # canonical when resolved
    entity: str | None


def _same(a: _Item, b: _Item) -> bool:
    short, long = (a, b) if a.words <= b.words else (b, a)
    if short.words == 0:
        return False
    speakers_differ = short.speaker is not None and long.speaker is not None and short.speaker != long.speaker
    if f" {short.norm} " in f" {long.norm} ":
        return short.words >= SHORT_WORDS or not speakers_differ
    if short.words < FUZZY_MIN_WORDS or speakers_differ:
        return False
    return fuzz.partial_ratio(short.norm, long.norm, score_cutoff=FUZZY_THRESHOLD) > 0


def _candidates(items: list[_Item]) -> set[tuple[int, int]]:
    """Pairs (of ``order``) sharing half of either one's distinct words (prefix filtering on rare words)."""
    bags = {it.order: set(it.norm.split()) for it in items}
    freq = Counter(w for bag in bags.values() for w in bag)
    postings: dict[str, list[int]] = {}
    for i, bag in bags.items():
        for w in bag:
            postings.setdefault(w, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for i, bag in bags.items():
        rare = sorted(bag, key=lambda w: (freq[w], w))
        need = max(1, math.ceil(len(rare) * SHARED_WORDS))
        for w in rare[: len(rare) - need + 1]:
            pairs.update((min(i, j), max(i, j)) for j in postings[w] if j != i)
    return pairs


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def merge_quotes(
    per_article: Sequence[tuple[str, Sequence[Quote]]],
    resolve: Resolver | None = None,
) -> tuple[StoryQuote, ...]:
    """Group the quotations of a story's articles; ``resolve(article_id, speaker)`` names speakers
    canonically as ``(name, entity id)`` (``None`` keeps the article's name)."""
    items: list[_Item] = []
    for article, quotes in per_article:
        for quote in quotes:
            speaker, entity = quote.speaker, None
            if speaker is not None and resolve is not None and (got := resolve(article, speaker)) is not None:
                speaker, entity = got
            norm = normalise(quote.text)
            items.append(_Item(len(items), article, quote, norm, len(norm.split()), speaker, entity))
    parent = list(range(len(items)))
    first: dict[tuple[str, str | None], int] = {}
    for it in items:  # the same words (and, for a fragment, the same speaker): the same quotation
        key = (it.norm, it.speaker if it.words < SHORT_WORDS else None)
        parent[it.order] = first.setdefault(key, it.order)
    pairs = sorted(_candidates([it for it in items if parent[it.order] == it.order]))
    fragment = [it.words < SHORT_WORDS for it in items]
    for i, j in pairs:  # quotations of some length, and fragments with fragments
        if fragment[i] == fragment[j] and _find(parent, i) != _find(parent, j) and _same(items[i], items[j]):
            parent[_find(parent, j)] = _find(parent, i)
    # a fragment joins the one quotation it is part of; one found in several ("New Moon" in two
    # people's quotations) stays apart rather than make one quotation of theirs
    homes: dict[int, set[int]] = {}
    for i, j in pairs:
        if fragment[i] != fragment[j]:
            short, long = (i, j) if fragment[i] else (j, i)
            if _same(items[short], items[long]):
                homes.setdefault(_find(parent, short), set()).add(_find(parent, long))
    for short, roots in homes.items():
        if len(roots) == 1:
            parent[_find(parent, short)] = _find(parent, next(iter(roots)))
    groups: dict[int, list[_Item]] = {}
    for item in items:
        groups.setdefault(_find(parent, item.order), []).append(item)
    return tuple(
        _story_quote(wording, group) for group in groups.values() for wording in _wordings(group)
    )


VARIANT_WORDS = 2  # words of a quotation its longest wording lacks that make it a wording of its own


def _wordings(group: list[_Item]) -> list[list[_Item]]:
    """A statement's wordings, each a record of its own: the longest and what it holds (its parts,
    small edits of it), then the longest of the rest, and so on. "... requires an entire ecosystem
    of companies" in one report and "... requires an entire ecosystem to do what has to be done" in
    another are one statement told two ways: a reader (and the contradiction between them) needs
    both."""
    rest = sorted(group, key=lambda it: (-len(it.quote.text), it.order))
    out: list[list[_Item]] = []
    while rest:
        head, *others = rest
        mine, rest = [head], []
        for it in others:
            (mine if _worded_as(it, head) else rest).append(it)
        out.append(mine)
    return out


def _worded_as(item: _Item, head: _Item) -> bool:
    """Whether ``item`` is ``head``'s wording: a part of it, or it with fewer than
    :data:`VARIANT_WORDS` of its words missing from ``head`` ("realise" and "realize" are one)."""
    if f" {item.norm} " in f" {head.norm} ":
        return True
    words, other = item.norm.split(), head.norm.split()
    matcher = SequenceMatcher(None, words, other, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return len(words) - kept < VARIANT_WORDS


def _speaker(group: list[_Item]) -> str | None:
    """The speaker most of a quotation's occurrences name (a speaker named at the attribution counts
    twice one worked out from "she said"; ties: the first named)."""
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for it in group:
        if it.speaker is not None:
            votes[it.speaker] += 1 if it.quote.resolved else 2
            first.setdefault(it.speaker, it.order)
    return max(votes, key=lambda s: (votes[s], -first[s])) if votes else None


def _story_quote(group: list[_Item], statement: list[_Item]) -> StoryQuote:
    """One wording's record; a wording no report attributes takes the speaker of its statement (and
    who they are from the reports that name them), but no listener: "told CNN" is another report's."""
    longest = max(group, key=lambda it: (len(it.quote.text), -it.order))
    speaker = _speaker(group) or _speaker(statement)
    own = [it for it in group if it.speaker == speaker] + [it for it in group if it.speaker != speaker]
    naming = [it for it in own if it.speaker == speaker] or [it for it in statement if it.speaker == speaker]
    return StoryQuote(
        id=content_hash(longest.norm),
        text=longest.quote.text,
        speaker=speaker,
        speaker_entity=next((it.entity for it in naming if it.entity), None),
        description=next((it.quote.description for it in naming + own if it.quote.description), None),
        told_to=next((it.quote.told_to for it in own if it.quote.told_to), None),
        occurrences=tuple(Occurrence(it.article, it.quote.span, it.quote.caption) for it in group),
    )
