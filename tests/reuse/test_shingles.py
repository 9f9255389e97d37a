from __future__ import annotations

import numpy as np
import pytest

from corroborator.reuse.shingles import (
    WordNormalizer,
    fold_spelling,
    normalize_word,
    shingle_hashes,
    shingle_set,
    tokenize,
)


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("neighbouring", "neighboring"),
        ("colours", "colors"),
        ("behaviour", "behavior"),
        ("realise", "realize"),
        ("organisations", "organizations"),
        ("analysed", "analyzed"),
        ("centre", "center"),
        ("theatres", "theaters"),
        ("centred", "centered"),
        ("travelled", "traveled"),
        ("cancelling", "canceling"),
        ("catalogue", "catalog"),
        ("defence", "defense"),
        ("programme", "program"),
        ("judgement", "judgment"),
    ],
)
def test_british_and_american_spellings_fold_together(british: str, american: str) -> None:
    assert normalize_word(british) == normalize_word(american)


@pytest.mark.parametrize(
    "word", ["hour", "four", "your", "tour", "rise", "wise", "called", "filling", "genre"]
)
def test_words_without_variants_are_left_alone(word: str) -> None:
    assert fold_spelling(word) == word


def test_normalisation_casefolds_nfkc_and_apostrophes() -> None:
    assert normalize_word("COUNTRY’S") == "country's"
    assert normalize_word("ｆｕｌｌ") == "full"  # fullwidth letters
    assert normalize_word("Oct") == normalize_word("October")


def test_tokens_keep_offsets_into_the_original_body() -> None:
    body = "“Neighbouring” towns — Oct. 17-18 — the centre’s plan."
    tokens = tokenize(body)
    assert [body[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == [
        "Neighbouring",
        "towns",
        "Oct",
        "17",
        "18",
        "the",
        "centre’s",
        "plan",
    ]
    assert tokens.words[0] == "neighboring"
    assert tokens.words[6] == "center's"
    assert len(tokens) == 8


def test_normalizer_memo_is_bounded() -> None:
    norm = WordNormalizer(limit=2)
    assert [norm(w) for w in ["Realise", "A", "B", "Realise"]] == ["realize", "a", "b", "realize"]
    assert len(norm._memo) <= 2


def test_shingles_are_stable_and_positional() -> None:
    words = tuple(["the", "mayor", "said", "the", "mayor", "said", "the", "port"])
    hashes = shingle_hashes(words, 2)
    assert hashes.shape == (len(words) - 1,)
    assert hashes[0] == hashes[3]  # "the mayor" twice
    assert hashes[0] != hashes[1]
    assert np.array_equal(hashes, shingle_hashes(words, 2))
    assert int(hashes.max()) < 2**32
    # order matters inside a shingle
    assert shingle_hashes(("a", "b"), 2)[0] != shingle_hashes(("b", "a"), 2)[0]
    assert shingle_set(words, 2).size == 4  # the mayor, mayor said, said the, the port


def test_text_shorter_than_a_shingle_has_none() -> None:
    assert shingle_hashes(("one", "two"), 3).size == 0
    with pytest.raises(ValueError, match="shingle size"):
        shingle_hashes(("one",), 0)


def test_words_with_combining_marks_stay_whole() -> None:
    body = "مرحبًا بالعالم हिन्दी cafe\u0301"
    tokens = tokenize(body)
    assert len(tokens) == 4
    assert tokens.words[3] == "café"


def test_a_web_address_is_one_word() -> None:
    body = "Details at https://example.org/news/2024/03/a-long-story-about-the-fire-at-the-port. Then more."
    tokens = tokenize(body)
    assert [body[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)][:3] == [
        "Details",
        "at",
        "https://example.org/news/2024/03/a-long-story-about-the-fire-at-the-port",
    ]
