"""Rewrites inside one story: :func:`~corroborator.reuse.paraphrase.chain_passages` for many pairs
of articles, each against its rivals, with the work shared between pairs.

What a copy's sentence scores against a source or a rival depends only on the sentences of the
articles, not on their order (:class:`~corroborator.reuse.sentence_match.MatchTable`), and which of
its sentences a source explains against a set of rivals depends only on the contents involved. So
that verdict is worked out once per (source content, copy content, rival contents), and only as far
as it can matter: rivals are asked only about the sentences the source explains, until too few are
left for a chain. Only a pair whose verdict leaves enough sentences is mapped to its articles' own
sentence order and chained.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from corroborator.config import ReuseConfig
from corroborator.models import Passage
from corroborator.reuse.paraphrase import SentenceProfile, chain_passages, explains
from corroborator.reuse.sentence_match import MatchTable, SentenceKey, index_profile

# per content key of the copy's explained sentences: the best rival score found for it (for one
# that no rival beats, the best of them all; for the others, one that beats it)
_Verdict = dict[SentenceKey, float]


class StoryRewrites:
    """The rewrite passages between the articles of one story (``profiles``: id -> profile)."""

    __slots__ = ("_config", "_table", "_verdicts")

    def __init__(self, profiles: Mapping[str, SentenceProfile], config: ReuseConfig) -> None:
        self._config = config
        self._table = MatchTable({i: index_profile(p) for i, p in profiles.items()})
        self._verdicts: dict[tuple[int, int, frozenset[int]], _Verdict | None] = {}

    def profile(self, article_id: str) -> SentenceProfile:
        return self._table.index(article_id).profile

    def passages(self, source: str, copy: str, rivals: Iterable[str]) -> tuple[Passage, ...]:
        """:func:`~corroborator.reuse.paraphrase.chain_passages` of ``copy`` from ``source`` with
        the rival scores of the articles ``rivals``."""
        table = self._table
        key = (table.content(source), table.content(copy), frozenset(table.content(r) for r in rivals))
        if key not in self._verdicts:
            self._verdicts[key] = self._verdict(*key)
        verdict = self._verdicts[key]
        if verdict is None:
            return ()
        copy_index = table.index(copy)
        rival_scores = tuple(verdict.get(k, 0.0) for k in copy_index.keys)
        matches = table.matches(source, copy)
        source_profile = table.index(source).profile
        return chain_passages(
            source_profile, copy_index.profile, matches, rival_scores, self._config, alone=not key[2]
        )

    def _verdict(self, source: int, copy: int, rivals: frozenset[int]) -> _Verdict | None:
        """The rival scores of the copy's explained sentences, or None when too few of them are left
        for any chain whatever their order (fewer than a chain needs, or naming too few source
        sentences)."""
        config, table = self._config, self._table
        pair = table.contents(source, copy)
        pair.all()  # every sentence is asked: the weights made at once
        keys = pair.copy.keys
        score: dict[int, float] = {}
        ties: dict[int, frozenset[SentenceKey]] = {}
        for j in range(len(keys)):
            found, best = pair.best(j)
            if best and explains(found, 0.0, config, alone=not rivals):
                score[j] = found
                ties[j] = frozenset(pair.source.keys[i] for i in best)
        content = pair.copy.profile.content_sentences

        def enough(left: Iterable[int]) -> bool:
            chosen = list(left)
            if len({ties[j] for j in chosen}) < config.paraphrase_min_sentences or not content:
                return False
            return len(chosen) / content >= config.paraphrase_min_share

        left = list(score)
        if not enough(left):
            return None
        rival_best = dict.fromkeys(score, 0.0)
        for rival in sorted(rivals):
            against = table.contents(rival, copy)
            for j in left:
                found = against.best(j)[0]
                if found > rival_best[j]:
                    rival_best[j] = found
            still = [j for j in left if explains(score[j], rival_best[j], config)]
            if len(still) < len(left):
                if not enough(still):
                    return None
                left = still
        return {keys[j]: rival_best[j] for j in score}
