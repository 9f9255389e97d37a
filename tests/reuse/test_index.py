from __future__ import annotations

import random

import pytest

from corroborator.config import ReuseConfig
from corroborator.reuse.index import ReuseIndex
from corroborator.reuse.shingles import Tokens, WordNormalizer, tokenize

SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po", "ge", "lu", "ba", "ri", "so")


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))))
    return sorted(words)


def _paragraphs(rng: random.Random, vocab: list[str], count: int) -> list[str]:
    return [" ".join(rng.choice(vocab) for _ in range(rng.randint(25, 45))) + "." for _ in range(count)]


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    """120 unrelated articles, a full reprint of one (with edits) and a 40% partial reprint of another."""
    rng = random.Random(7)
    vocab = _vocabulary(rng, 1500)
    docs = {f"doc{i:03d}": "\n\n".join(_paragraphs(rng, vocab, 6)) for i in range(120)}
    full = docs["doc010"].split("\n\n")
    edited = [p.replace(p.split()[3], "changed", 1) for p in full]
    docs["reprint"] = "\n\n".join(_paragraphs(rng, vocab, 1) + edited)
    part = docs["doc050"].split("\n\n")
    mixed = [part[4], *_paragraphs(rng, vocab, 3), part[1], *_paragraphs(rng, vocab, 2)]
    docs["partial"] = "\n\n".join(mixed)
    return docs


def _index(docs: dict[str, str], config: ReuseConfig) -> ReuseIndex:
    index = ReuseIndex(config)
    normalizer = WordNormalizer()
    index.add_many((doc_id, tokenize(body, normalizer)) for doc_id, body in docs.items())
    return index


def test_lsh_finds_planted_reprints_and_no_unrelated_pairs(corpus: dict[str, str]) -> None:
    index = _index(corpus, ReuseConfig())
    assert len(index) == len(corpus)
    assert index.candidate_pairs() == (("doc010", "reprint"), ("doc050", "partial"))
    assert index.neighbours("reprint") == ("doc010",)
    assert index.similarity("doc010", "reprint") > 0.3
    assert index.similarity("doc010", "doc011") < 0.05


def test_a_near_duplicate_threshold_misses_the_partial_reprint(corpus: dict[str, str]) -> None:
    index = _index(corpus, ReuseConfig(lsh_threshold=0.5))
    assert ("doc050", "partial") not in index.candidate_pairs()


def test_query_with_an_outside_article(corpus: dict[str, str]) -> None:
    index = _index({k: v for k, v in corpus.items() if k != "reprint"}, ReuseConfig())
    assert index.query(tokenize(corpus["reprint"])) == ("doc010",)
    assert index.query(tokenize("too short")) == ()


def test_short_articles_are_not_indexed_and_ids_are_unique() -> None:
    index = ReuseIndex(ReuseConfig())
    assert index.add("tiny", tokenize("only four words here")) is False
    assert "tiny" not in index
    assert index.add("one", tokenize("a b c d e f g")) is True
    with pytest.raises(ValueError, match="already"):
        index.add("one", Tokens(("x",) * 9, tuple(range(9)), tuple(range(1, 10))))
    bands, rows = index.params
    assert bands * rows <= ReuseConfig().num_perm
