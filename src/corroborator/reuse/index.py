"""Which pairs of articles might share text, without comparing every pair.

Each article becomes a MinHash signature of its word k-gram shingles; a MinHash LSH index over the
signatures returns the articles whose shingle sets overlap enough, so the cost grows with the number
of articles (plus the number of true candidates), not with its square.

The LSH threshold is a Jaccard similarity and it is set low (``ReuseConfig.lsh_threshold``, 0.1): a
partial reprint that carries 40% of a wire story beside its own paragraphs has a Jaccard similarity
around 0.2 with the wire copy, far below what near-duplicate detection uses (0.5-0.9). Unrelated news
articles share almost no 5-word shingles, so the low threshold costs few false candidates; those few
are settled by the passage alignment (:mod:`corroborator.reuse.align`) that follows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
import numpy.typing as npt
from datasketch import LeanMinHash, MinHash, MinHashLSH

from corroborator.config import ReuseConfig
from corroborator.reuse.shingles import Tokens, shingle_set

_SCHEME = "affine32"


def _identity(value: int) -> int:
    return value


class Sketcher:
    """Builds MinHash signatures with one set of permutations (made once, shared by all sketches)."""

    __slots__ = ("_config", "_template")

    def __init__(self, config: ReuseConfig, seed: int = 1) -> None:
        self._config = config
        self._template = MinHash(num_perm=config.num_perm, seed=seed, hashfunc=_identity, scheme=_SCHEME)

    def shingles(self, tokens: Tokens) -> npt.NDArray[np.uint64]:
        """Distinct shingle hashes of an article (empty when it is shorter than one shingle)."""
        return shingle_set(tokens.words, self._config.shingle_size)

    def sketch(self, shingles: npt.NDArray[np.uint64]) -> LeanMinHash:
        """The MinHash signature of a set of shingle hashes (32-bit integers)."""
        minhash = self._template.copy()
        minhash.update_batch(shingles.tolist())
        return LeanMinHash(minhash)


class ReuseIndex:
    """An LSH index of articles' shingle signatures that proposes candidate pairs for alignment.

    >>> index = ReuseIndex(ReuseConfig())
    >>> index.add("wire", tokenize(wire_body))          # doctest: +SKIP
    >>> index.add("reprint", tokenize(reprint_body))    # doctest: +SKIP
    >>> index.candidate_pairs()                         # doctest: +SKIP
    (('reprint', 'wire'),)
    """

    __slots__ = ("_config", "_lsh", "_signatures", "_sketcher")

    def __init__(self, config: ReuseConfig) -> None:
        self._config = config
        self._sketcher = Sketcher(config)
        self._lsh = MinHashLSH(threshold=config.lsh_threshold, num_perm=config.num_perm)
        self._signatures: dict[str, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    @property
    def params(self) -> tuple[int, int]:
        """The LSH (bands, rows per band) datasketch chose for the threshold."""
        bands: int = self._lsh.b
        rows: int = self._lsh.r
        return bands, rows

    def add(self, article_id: str, tokens: Tokens) -> bool:
        """Index one article; False (and nothing indexed) when it is too short to have a shingle."""
        if article_id in self._signatures:
            raise ValueError(f"article {article_id!r} is already in the reuse index")
        shingles = self._sketcher.shingles(tokens)
        if shingles.size == 0:
            return False
        signature = self._sketcher.sketch(shingles)
        self._lsh.insert(article_id, signature, check_duplication=False)
        self._signatures[article_id] = signature
        return True

    def add_many(self, articles: Iterable[tuple[str, Tokens]]) -> int:
        """Index many articles; returns how many were indexed."""
        return sum(self.add(article_id, tokens) for article_id, tokens in articles)

    def query(self, tokens: Tokens) -> tuple[str, ...]:
        """Ids of indexed articles that may share text with ``tokens`` (sorted)."""
        shingles = self._sketcher.shingles(tokens)
        if shingles.size == 0:
            return ()
        return tuple(sorted(self._lsh.query(self._sketcher.sketch(shingles))))

    def neighbours(self, article_id: str) -> tuple[str, ...]:
        """Indexed articles that may share text with an indexed article (itself excluded, sorted)."""
        signature = self._signatures[article_id]
        return tuple(sorted(key for key in self._lsh.query(signature) if key != article_id))

    def candidate_pairs(self) -> tuple[tuple[str, str], ...]:
        """Every unordered pair of indexed articles the LSH proposes, as sorted ``(a, b)``, sorted."""
        return tuple(sorted(set(self._iter_pairs())))

    def _iter_pairs(self) -> Iterator[tuple[str, str]]:
        for article_id, signature in self._signatures.items():
            for other in self._lsh.query(signature):
                if other > article_id:
                    yield article_id, other

    def similarity(self, a: str, b: str) -> float:
        """Estimated Jaccard similarity of two indexed articles' shingle sets."""
        value: float = self._signatures[a].jaccard(self._signatures[b])
        return value
