"""Sentence scores shared between articles: a pair's matches a sentence at a time, one computation
for articles with the same sentences, and the story-level rewrite verdicts built on them."""

from __future__ import annotations

from itertools import permutations

from baths_story import REWRITE, SOURCE

from corroborator.config import ReuseConfig
from corroborator.models import Article
from corroborator.reuse.paraphrase import (
    SentenceProfile,
    best_matches,
    build_profile,
    chain_passages,
    rival_scores,
)
from corroborator.reuse.rewrites import StoryRewrites
from corroborator.reuse.sentence_match import MatchTable, PairMatcher, index_profile

OTHER = [
    "Swimmers queued outside the Hollin Street baths in Talvik on Friday for a last session.",
    "The regional council voted on Thursday to close the baths, citing cracks in the main pool.",
    "Lifeguard Per Aalto said he had warned the council about the cracks in 2019.",
    "The club that trains there has 140 members and no other pool within reach.",
]


def article(ident: str, sentences: list[str]) -> Article:
    return Article(id=ident, source=f"{ident}.txt", body="\n\n".join(sentences))


def story() -> dict[str, SentenceProfile]:
    """A wire story, a reprint with its paragraphs moved and one repeated (tied sentences), a
    rewrite, the rewrite reordered, and an independent report."""
    moved = [SOURCE[0], SOURCE[3], SOURCE[1], SOURCE[5], SOURCE[2], SOURCE[4]]
    articles = [
        article("wire", [*SOURCE, SOURCE[1]]),
        article("reprint", [*moved, SOURCE[1]]),
        article("rewrite", REWRITE),
        article("rewrite2", REWRITE[::-1]),
        article("other", OTHER),
    ]
    return {a.id: build_profile(a, None) for a in articles}


def test_one_sentence_at_a_time_gives_the_same_matches() -> None:
    found = story()
    source, copy = index_profile(found["wire"]), index_profile(found["rewrite"])
    lazy = PairMatcher(source, copy)
    by_one = [lazy.match(j) for j in reversed(range(len(found["rewrite"].sentences)))][::-1]
    assert tuple(by_one) == best_matches(found["wire"], found["rewrite"]) == PairMatcher(source, copy).all()
    assert any(m.source >= 0 and m.score > 0.2 for m in by_one)


def test_articles_with_the_same_sentences_share_their_scores() -> None:
    found = story()
    table = MatchTable({i: index_profile(p) for i, p in found.items()})
    assert table.content("wire") == table.content("reprint") != table.content("rewrite")
    for source, copy in permutations(found, 2):
        assert table.matches(source, copy) == best_matches(found[source], found[copy]), (source, copy)
    # ties: the repeated sentence matches its first place in each article's own order
    wire_in_reprint = table.matches("wire", "reprint")
    assert wire_in_reprint[2].source == 1 and wire_in_reprint[-1].source == 1


def test_story_rewrites_decide_as_the_direct_comparison() -> None:
    found = story()
    config = ReuseConfig()
    rewrites = StoryRewrites(found, config)
    cases = [
        ("wire", "rewrite", ["other"]),
        ("reprint", "rewrite2", ["other"]),  # one verdict with the first, but out of order: no chain
        ("wire", "rewrite", ["reprint", "other"]),  # a rival with the source's sentences leaves nothing
        ("rewrite", "wire", []),
        ("other", "rewrite", ["wire"]),
    ]
    results = []
    for source, copy, rivals in cases:
        matches = best_matches(found[source], found[copy])
        scores = rival_scores([best_matches(found[r], found[copy]) for r in rivals], len(matches))
        expected = chain_passages(found[source], found[copy], matches, scores, config)
        assert rewrites.passages(source, copy, rivals) == expected, (source, copy, rivals)
        results.append(expected)
    assert results[0] and not results[1] and not results[2]
