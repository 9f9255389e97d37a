"""Words for matching text between articles: normalised tokens that keep their place in the body.

Two copies of one wire story differ in ways that say nothing about reuse: case, Unicode forms, curly
or straight quote marks, British or American spelling ("neighbouring"/"neighboring", "realise"/
"realize", "centre"/"center", "travelled"/"traveled", "catalogue"/"catalog"). :func:`tokenize` finds
the words of a body with their character offsets and folds each word to one matching form, so a
passage found on the folded words maps back to an exact span of the original text.

Spelling folding is a cheap suffix rewrite applied the same way to both sides: folding a word that
has no variant ("promise" -> "promize") is harmless because both articles fold it alike; only two
different words folding to one form could confuse matching, and the rules are chosen so that is rare.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

# Combining marks are not ``\w``: without them Arabic, Hebrew or Indic words (and decomposed Latin)
# would fall apart into many one-letter tokens.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200c\u200d"
)
# A web address is one word: a long URL two articles both cite is no shared passage.
_WORD = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"“”'’)\]]*[^\s<>\"“”'’)\].,;:!?]|[\w{_MARKS}]+(?:['’ʼ][\w{_MARKS}]+)*"
)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})

# British -> American suffix folds, tried in order; the first that matches wins.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = (
    # neighbour(s/ed/ing/hood), colour, favourite, honourable; not hour/four/your/tour (short stems)
    (re.compile(r"^([a-z]{2,}[^aeou\W])our(s|ed|ing|ite|ites|able|ably|ful|less|hood|hoods|er|ers|ist|ists)?$"),
     r"\1or\2"),
    # realise(d/s), organisation(s), realising; analyse, paralysed
    (re.compile(r"^([a-z]{2,})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^([a-z]{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),
    # centre(s), theatre, metre, fibre, calibre, meagre, manoeuvre; centred -> centered
    (re.compile(r"^([a-z]{2,}[btgv])re(s?)$"), r"\1er\2"),
    (re.compile(r"^([a-z]{2,}[btgv])red$"), r"\1ered"),
    # travelled, cancelled, labelling, counsellor
    (re.compile(r"^([a-z]{2,}[aeiou])ll(ed|ing|er|ers|or|ors)$"), r"\1l\2"),
    # catalogue(s), dialogue
    (re.compile(r"^([a-z]{2,})ogue(s?)$"), r"\1og\2"),
    # defence, offence, licence, pretence
    (re.compile(r"^(def|off|lic|pret)ence(s?)$"), r"\1ense\2"),
    # programme(s), judgement
    (re.compile(r"^(program)me(s?)$"), r"\1\2"),
    (re.compile(r"^([a-z]*dg)ement(s?)$"), r"\1ment\2"),
)


# Month abbreviations ("Oct. 17" / "October 17") fold to the full name.
_MONTHS = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
    "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
    "dec": "december",
}


# Every ending some fold rewrites: words without one (most words) skip the regular expressions.
_FOLD_ENDINGS = (
    "our", "ours", "oured", "ouring", "ourite", "ourites", "ourable", "ourably", "ourful", "ourless",
    "ourhood", "ourhoods", "ourer", "ourers", "ourist", "ourists",
    "ise", "ises", "ised", "ising", "isation", "isations", "iser", "isers",
    "yse", "yses", "ysed", "ysing", "re", "res", "red",
    "lled", "lling", "ller", "llers", "llor", "llors", "ogue", "ogues", "ence", "ences",
    "mme", "mmes", "ement", "ements",
)


def fold_spelling(word: str) -> str:
    """The American-style form of a casefolded word (or the word itself)."""
    if len(word) < 5 or not word.isascii():
        return _MONTHS.get(word, word)
    if not word.endswith(_FOLD_ENDINGS):
        return word
    for pattern, replacement in _FOLDS:
        folded, count = pattern.subn(replacement, word)
        if count:
            return folded
    return word


def normalize_word(raw: str) -> str:
    """The matching form of one word: NFKC, casefolded, apostrophes unified, spelling folded."""
    word = unicodedata.normalize("NFKC", raw).casefold().translate(_APOSTROPHES)
    if word.endswith("'s"):
        return fold_spelling(word[:-2]) + "'s"
    return fold_spelling(word)


class WordNormalizer:
    """:func:`normalize_word` with a per-instance memo (words repeat a lot across a corpus).

    The memo is bounded: when full it is cleared, so memory stays flat on any corpus.
    """

    __slots__ = ("_limit", "_memo")

    def __init__(self, limit: int = 200_000) -> None:
        self._memo: dict[str, str] = {}
        self._limit = limit

    def __call__(self, raw: str) -> str:
        word = self._memo.get(raw)
        if word is None:
            if len(self._memo) >= self._limit:
                self._memo.clear()
            word = self._memo[raw] = normalize_word(raw)
        return word


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a body in order: matching form and ``[start, end)`` character offsets."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.words)


def tokenize(body: str, normalizer: WordNormalizer | None = None) -> Tokens:
    """Words of ``body`` with their offsets into ``body`` itself (not into a normalised copy)."""
    norm = normalizer if normalizer is not None else WordNormalizer()
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _WORD.finditer(body):
        words.append(norm(match.group()))
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(tuple(words), tuple(starts), tuple(ends))


_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio)


def word_hashes(words: tuple[str, ...]) -> npt.NDArray[np.uint64]:
    """A stable 32-bit hash per word (CRC-32: the same in every process, unlike ``hash``)."""
    return np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))


def shingle_hashes(words: tuple[str, ...], k: int) -> npt.NDArray[np.uint64]:
    """One 32-bit hash per word k-gram, in order (position ``i`` covers ``words[i:i+k]``).

    Texts shorter than ``k`` words have no shingles. Hashes are stable across processes.
    """
    if k < 1:
        raise ValueError(f"shingle size must be 1 or more, got {k}")
    n = len(words) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    base = word_hashes(words)
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(k):
            acc = (acc * _MULTIPLIER + base[offset : offset + n] + np.uint64(offset + 1)) & _MASK64
        acc ^= acc >> np.uint64(29)
        acc = (acc * _MULTIPLIER) & _MASK64
    return acc >> np.uint64(32)


def shingle_set(words: tuple[str, ...], k: int) -> npt.NDArray[np.uint64]:
    """The distinct shingle hashes of a text, sorted."""
    return np.unique(shingle_hashes(words, k))
