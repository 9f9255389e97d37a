from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.config import ReuseConfig
from corroborator.errors import ConfigError
from corroborator.models import Passage, ReuseKind, Span
from corroborator.reuse.align import align_tokens, align_verbatim, excluded_flags, shared_share
from corroborator.reuse.shingles import WordNormalizer, tokenize

CONFIG = ReuseConfig()

P1 = (
    "Firefighters in the harbour town of Eastwick spent the night cooling the neighbouring tanks after a "
    "blaze broke out at the fuel depot on Monday evening, the regional fire service said on Tuesday."
)
P2 = (
    "The depot, which stores about forty thousand tonnes of diesel, sits on the south bank of the river "
    "beside a school and a sports centre that were both closed as a precaution."
)
P3 = (
    "Officials said they did not yet realise how the fire started and that an inquiry would begin once the "
    "site was safe, adding that no one had been hurt during the operation."
)


def _passage_texts(passages: tuple[Passage, ...], a: str, b: str) -> list[tuple[str, str]]:
    return [(p.from_span.text(a), p.to_span.text(b)) for p in passages]


def test_reprint_with_spelling_changes_and_a_changed_word_is_one_passage() -> None:
    a = "EASTWICK (Wire) — " + P1
    b = (
        "From our correspondent. Firefighters in the harbor town of Eastwick spent the night cooling the "
        "neighboring tanks after a blaze broke out at the fuel depot on Monday night, the regional fire "
        "service said on Tuesday. Read more on page four."
    )
    passages = align_verbatim(a, b, CONFIG)
    assert len(passages) == 1
    (passage,) = passages
    assert passage.kind is ReuseKind.VERBATIM
    assert passage.from_span.text(a) == P1[:-1]  # whole words: the final full stop is not a word
    assert passage.to_span.text(b).startswith("Firefighters in the harbor town")
    assert passage.to_span.text(b).endswith("said on Tuesday")
    assert 0.9 < passage.score < 1.0  # one word changed


def test_dropped_word_stays_in_one_passage() -> None:
    b = P1.replace("regional fire service", "fire service")
    passages = align_verbatim(P1, b, CONFIG)
    assert len(passages) == 1
    assert passages[0].to_span == Span(0, len(b) - 1)


def test_reordered_paragraphs_give_one_passage_each() -> None:
    a = "\n\n".join([P1, P2, P3])
    b = "\n\n".join([P3, P2, P1])
    passages = align_verbatim(a, b, CONFIG)
    assert _passage_texts(passages, a, b) == [(P3[:-1], P3[:-1]), (P2[:-1], P2[:-1]), (P1[:-1], P1[:-1])]
    assert all(p.score == 1.0 for p in passages)


def test_dropped_paragraph_splits_the_passage() -> None:
    a = "\n\n".join([P1, P2, P3])
    b = "\n\n".join([P1, P3])
    passages = align_verbatim(a, b, CONFIG)
    assert [p.to_span.text(b) for p in passages] == [P1[:-1], P3[:-1]]
    assert shared_share(passages, len(b), "to") > 0.98
    assert shared_share(passages, len(a), "from") == pytest.approx((len(P1) + len(P3) - 2) / len(a))


def test_shared_quotation_alone_is_no_passage_when_excluded() -> None:
    quote = (
        "We will rebuild every home that was damaged, and we will not rest until each family is back "
        "where it belongs, whatever it costs"
    )
    a = f'The mayor spoke outside the town hall on Friday. "{quote}," she told reporters in the square.'
    b = f'Residents gathered as the council leader addressed them. "{quote}," the mayor said, to applause.'
    quote_a = Span(a.index(quote), a.index(quote) + len(quote))
    quote_b = Span(b.index(quote), b.index(quote) + len(quote))
    assert align_verbatim(a, b, CONFIG)  # without exclusion the quote is a shared passage
    assert align_verbatim(a, b, CONFIG, exclude_a=[quote_a], exclude_b=[quote_b]) == ()


def test_exclusion_flags_kept_per_article_decide_as_the_spans() -> None:
    quote = "We will rebuild every home that was damaged, and we will not rest until each family is back"
    a = f'{P1} "{quote}," the mayor said.'
    b = f'"{quote}," she said. {P3}'
    norm = WordNormalizer()
    ta, tb = tokenize(a, norm), tokenize(b, norm)
    spans_a, spans_b = ([Span(t.index(quote), t.index(quote) + len(quote))] for t in (a, b))
    flags = excluded_flags(ta, spans_a), excluded_flags(tb, spans_b)
    assert sum(flags[0]) == len(quote.split()) and not any(flags[1][len(quote.split()) :])
    with_spans = align_tokens(ta, tb, CONFIG, exclude_a=spans_a, exclude_b=spans_b)
    kept = align_tokens(ta, tb, CONFIG, excluded=(lambda: flags[0], lambda: flags[1]))
    assert kept == with_spans
    assert with_spans == () != align_tokens(ta, tb, CONFIG)  # the quotation is a passage without them


def test_copied_narrative_around_a_quote_survives_exclusion() -> None:
    quote = "We are cooling the tanks around the clock"
    a = f'{P1} "{quote}," the chief said. {P2}'
    b = f'{P1} "{quote}," the chief said. {P2}'
    span = Span(a.index(quote), a.index(quote) + len(quote))
    passages = align_verbatim(a, b, CONFIG, exclude_a=[span], exclude_b=[span])
    assert shared_share(passages, len(b), "to") > 0.95


def test_unrelated_texts_share_nothing() -> None:
    other = (
        "The city council approved a new budget for public libraries on Wednesday, adding two mobile "
        "branches and longer opening hours at the central reading room from the spring."
    )
    assert align_verbatim(P1, other, CONFIG) == ()
    assert align_verbatim("", other, CONFIG) == ()


def test_short_common_phrase_is_no_passage() -> None:
    phrase = "since the International Criminal Court issued a warrant for his arrest"  # 11 words
    a = f"The president has rarely travelled abroad {phrase} over the deportation of children."
    b = f"It is only his second trip {phrase}, and the visit was planned for months by officials."
    assert align_verbatim(a, b, CONFIG) == ()
    assert align_verbatim(a, b, ReuseConfig(min_passage_words=8))  # the phrase itself is found


def test_gap_beyond_tolerance_splits_passages() -> None:
    insert = "a long aside that was written by the editor of the paper in the middle"  # 15 words
    words = P1.split()
    b = " ".join([*words[:14], insert, *words[14:]])
    passages = align_verbatim(P1, b, CONFIG)
    assert len(passages) == 2
    loose = align_verbatim(P1, b, ReuseConfig(gap_tolerance=20, min_passage_score=0.5))
    assert len(loose) == 1


def test_shared_share_takes_the_union_of_spans() -> None:
    passages = (
        Passage(Span(0, 10), Span(0, 40)),
        Passage(Span(20, 30), Span(30, 60)),
        Passage(Span(50, 60), Span(80, 90)),
    )
    assert shared_share(passages, 100, "to") == pytest.approx(0.7)
    assert shared_share(passages, 100, "from") == pytest.approx(0.3)
    assert shared_share((), 100, "to") == 0.0
    assert shared_share(passages, 0, "to") == 0.0


def test_config_is_validated() -> None:
    with pytest.raises(ConfigError):
        ReuseConfig(min_passage_words=3, shingle_size=5)
    with pytest.raises(ConfigError):
        ReuseConfig(lsh_threshold=1.5)


def _seed_bodies(shared: Path) -> dict[str, str]:
    from corroborator import analyze

    report = analyze([shared / "seeds"], annotate=False)
    return {Path(str(a.source)).name[:3]: a.body for a in report.articles}


@pytest.mark.shared
def test_seed_reprint_is_found_and_independent_reports_share_nothing(shared_dir: Path) -> None:
    bodies = _seed_bodies(shared_dir)
    passages = align_verbatim(bodies["000"], bodies["002"], CONFIG)
    assert len(passages) >= 5
    assert shared_share(passages, len(bodies["002"]), "to") > 0.8
    for a, b in [("000", "001"), ("000", "004"), ("001", "004"), ("000", "003"), ("001", "002")]:
        assert align_verbatim(bodies[a], bodies[b], CONFIG) == (), (a, b)
