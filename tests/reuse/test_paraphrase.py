"""Sentence-level alignment of rewrites (built from hand-written articles, no annotation model)."""

from __future__ import annotations

from dataclasses import replace

from baths_story import REWRITE, SOURCE

from corroborator.config import ReuseConfig
from corroborator.models import Annotations, Article, Quote, ReuseKind, Span
from corroborator.reuse.paraphrase import (
    Match,
    _longest_ordered,
    align_paraphrase,
    build_profile,
    paraphrase_candidates,
    sentence_spans,
    stem,
)
from corroborator.reuse.shingles import tokenize

# An independent report of the same event: same names and figures, its own material.
INDEPENDENT = [
    "Swimmers queued outside the Hollin Street baths in Talvik on Friday for a last session before the doors close.",  # noqa: E501
    "The regional council voted on Thursday to close the baths, citing cracks in the main pool.",
    "Lifeguard Per Aalto, who has worked there for 22 years, said he had warned the council about the cracks in 2019.",  # noqa: E501
    "The club that trains there has 140 members and no other pool within reach.",
    "Aalto said the staff had been offered jobs at the Osterby pool.",
    "Several swimmers said they would join a protest planned for Saturday.",
]


def article(ident: str, sentences: list[str]) -> Article:
    return Article(id=ident, source=f"{ident}.txt", body="\n\n".join(sentences))


def test_stem_folds_inflections() -> None:
    assert stem("dependence") == stem("dependent") == stem("dependency")
    assert stem("evacuated") == stem("evacuating")
    assert stem("cat") == "cat"


def test_sentence_spans_without_annotations_split_sentences_and_lines() -> None:
    body = "Heading here\n\nFirst sentence. Second one follows! \"Third,\" he said."
    spans = sentence_spans(body, None)
    assert [body[s.start : s.end] for s in spans] == [
        "Heading here",
        "First sentence.",
        "Second one follows!",
        '"Third," he said.',
    ]


def test_profile_from_the_body_tokens_equals_the_sentences_tokenised_alone() -> None:
    body = "Talvik’s council met. The pool closes (for good) in 2025.Swimmers protested at the hall."
    cut = body.index("2025.Swimmers") + 2  # a sentence boundary inside a token: read alone there
    sentences = (Span(0, 21), Span(22, cut), Span(cut, len(body)))
    notes = Annotations("a", sentences=sentences)
    doc = Article(id="a", source="a", body=body)
    with_tokens = build_profile(doc, notes, tokenize(body), {})
    assert with_tokens == build_profile(doc, notes)
    assert "#20" in with_tokens.sentences[1].terms and "#25" in with_tokens.sentences[2].terms


def test_profile_keeps_numbers_and_marks_quoted_terms() -> None:
    body = 'Repairs cost 3,400 crowns. "Nothing works here," the mayor said.'
    quote = "Nothing works here,"
    start = body.index(quote)
    notes = Annotations("a", quotes=(Quote(quote, Span(start, start + len(quote))),))
    profile = build_profile(Article(id="a", source="a", body=body), notes)
    assert "#3400" in profile.sentences[0].terms
    assert "work" in profile.sentences[1].quoted and "mayor" not in profile.sentences[1].quoted


def test_rewrite_in_the_same_order_is_found() -> None:
    passages = align_paraphrase(article("s", SOURCE), None, article("r", REWRITE), None, ReuseConfig())
    assert len(passages) >= 5
    assert all(p.kind is ReuseKind.PARAPHRASE for p in passages)
    source_order = [p.from_span.start for p in passages]
    assert source_order == sorted(source_order)  # same order
    body = "\n\n".join(REWRITE)
    assert body[passages[0].to_span.start : passages[0].to_span.end] == REWRITE[0]


def test_shuffled_rewrite_loses_its_run() -> None:
    shuffled = [REWRITE[i] for i in (5, 3, 1, 4, 2, 0)]
    config = ReuseConfig(paraphrase_min_sentences=4)
    assert align_paraphrase(article("s", SOURCE), None, article("r", shuffled), None, config) == ()


def test_independent_report_of_the_same_event_is_not_a_rewrite() -> None:
    config = ReuseConfig()
    assert align_paraphrase(article("s", SOURCE), None, article("i", INDEPENDENT), None, config) == ()
    assert align_paraphrase(article("i", INDEPENDENT), None, article("s", SOURCE), None, config) == ()


# Another report of the same closure, told in the same order: the vote, money, schools, the other pool,
# the opposition, the building. Four of its sentences match the wire story's at 0.27-0.66.
SAME_ORDER = [
    "Talvik's Hollin Street baths will shut after the council's vote on Thursday, ending 88 years of swimming in the old hall.",  # noqa: E501
    "Council leader Mia Berg said the money for repairs was simply not there this year.",
    "Parents at two of the schools that use the pool each week said their children had nowhere else to swim.",
    "Pupils are to use the Osterby pool instead, a 40-minute bus ride away, Berg said.",
    "The opposition, which wants an independent survey first, called it a rushed vote.",
    "The listed building, opened in 1936, will be offered to investors.",
]


def test_two_reports_alone_in_the_same_order_need_closer_sentences_than_a_story_with_rivals() -> None:
    source, other = article("s", SOURCE), article("o", SAME_ORDER)
    assert align_paraphrase(source, None, other, None, ReuseConfig()) == ()
    loose = ReuseConfig(paraphrase_alone_min_similarity=ReuseConfig().paraphrase_min_similarity)
    assert len(align_paraphrase(source, None, other, None, loose)) == 4  # the floor with rivals
    assert len(align_paraphrase(source, None, article("r", REWRITE), None, ReuseConfig())) == 6


def test_rivals_discount_common_facts() -> None:
    # A copy that carries only the facts every report has: alone it looks like a rewrite at a loose
    # threshold, but a rival report carrying the same facts explains it just as well.
    loose = ReuseConfig(
        paraphrase_min_sentences=2,
        paraphrase_min_share=0.2,
        paraphrase_min_similarity=0.1,
        paraphrase_alone_min_similarity=0.1,
    )
    common = article("c", [REWRITE[0], "Members of the opposition said the vote was rushed."])
    rival = article("v", [SOURCE[0], "Opposition members called the vote rushed, officials say."])
    alone = align_paraphrase(article("s", SOURCE), None, common, None, loose)
    assert alone
    assert align_paraphrase(article("s", SOURCE), None, common, None, loose, rivals=[(rival, None)]) == ()


def test_two_articles_alone_sharing_only_figures_are_no_rewrite() -> None:
    # two reports of one release: the same figures in the same order, each told its own way
    figures = article("f", [REWRITE[1], REWRITE[2], REWRITE[5], "Swimmers will miss the old pool."])
    loose = ReuseConfig(paraphrase_min_sentences=3, paraphrase_min_share=0.2)
    assert align_paraphrase(article("s", SOURCE), None, figures, None, loose) == ()
    unfigured = replace(loose, paraphrase_alone_min_unfigured=0)
    assert len(align_paraphrase(article("s", SOURCE), None, figures, None, unfigured)) == 3
    # the rewrite retells the source's telling too
    assert align_paraphrase(article("s", SOURCE), None, article("r", REWRITE), None, loose)


def test_quotes_shared_by_both_sides_are_no_evidence() -> None:
    quote = "We will open every heated building as a shelter before the first frost arrives this year"
    a_sentences = [f'"{quote}," the mayor said on Monday.'] * 1 + ["Charities welcomed the pledge."]
    b_sentences = ["Critics asked who would pay.", f'"{quote}," she told reporters.']

    def notes(ident: str, sentences: list[str]) -> Annotations:
        body = "\n\n".join(sentences)
        start = body.index(quote)
        return Annotations(ident, quotes=(Quote(quote, Span(start, start + len(quote))),))

    loose = ReuseConfig(paraphrase_min_sentences=1, paraphrase_min_share=0.1)
    a, b = article("a", a_sentences), article("b", b_sentences)
    assert align_paraphrase(a, None, b, None, loose)  # without quotes marked, the quote matches
    assert align_paraphrase(a, notes("a", a_sentences), b, notes("b", b_sentences), loose) == ()


def test_longest_ordered_chain_allows_split_sentences() -> None:
    sources = [2, 0, 1, 1, 3]
    pairs = [(j, Match(0.5, i)) for j, i in enumerate(sources)]
    chain = _longest_ordered(pairs)
    assert [j for j, _ in chain] == [1, 2, 3, 4]


def test_the_chain_names_the_most_source_sentences_not_the_most_copy_sentences() -> None:
    # four copy sentences leaning on one source sentence do not outweigh two others in order
    sources = [0, 5, 5, 5, 5, 1, 2]
    chain = _longest_ordered([(j, Match(0.5, i)) for j, i in enumerate(sources)])
    assert [j for j, _ in chain] == [0, 5, 6]


def test_candidates_pair_articles_on_one_subject() -> None:
    config = replace(ReuseConfig(), paraphrase_lsh_threshold=0.1)
    profiles = [
        build_profile(article("s", SOURCE), None),
        build_profile(article("r", REWRITE), None),
        build_profile(article("u", ["The Nordhavn club appointed a new head coach on Monday."] * 3), None),
    ]
    pairs = paraphrase_candidates(profiles, config)
    assert ("r", "s") in pairs
    assert not any("u" in pair for pair in pairs)
