"""Which written forms of people's names name the same person.

:func:`norm` is how names are compared; :func:`compatible` says whether two full names can be one
person; ``group_people`` clusters the bare names of one article or of a whole story into people,
resolving a one-word name by surname (in its article, when the story has several such people) or else
by a unique first name. Both the article pass (:mod:`corroborator.annotate.entities`: a description
names the fullest form of its person) and the story pass (:mod:`corroborator.annotate.entity_clusters`)
use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

_NON_WORD = re.compile(r"[^\w$%]+")


def norm(text: str) -> str:
    """How names are compared: NFKD, lower case, punctuation as spaces, no accents."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def name_words(name: str) -> tuple[str, ...]:
    return tuple(norm(name).split())


def _given_match(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two full names (normalised words) of the same person: same surname, compatible given names."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or not _given_match(a[0], b[0]):
        return False
    middle_a = {t for t in a[1:-1] if len(t) > 1}
    middle_b = {t for t in b[1:-1] if len(t) > 1}
    return middle_a <= middle_b or middle_b <= middle_a


@dataclass(slots=True, eq=False)
class PersonGroup:
    """People names judged to be one person while clustering."""

    names: list[tuple[str, ...]]
    surfaces: dict[str, int]  # bare surface name -> how often

    @property
    def name(self) -> str:
        full = [s for s in self.surfaces if len(s.split()) > 1] or list(self.surfaces)
        return max(full, key=lambda s: (sum(len(w) > 2 for w in name_words(s)), self.surfaces[s], len(s)))


def group_people(
    names: Sequence[tuple[str, int]], article_of: Sequence[str] | None = None
) -> tuple[list[PersonGroup], list[PersonGroup]]:
    """Cluster bare person names (with positions) into people: the groups, and each name's group."""
    articles = article_of or ["" for _ in names]
    full = Counter(n for n, _ in names if len(name_words(n)) > 1)
    groups: list[PersonGroup] = []
    by_surname: dict[str, list[PersonGroup]] = defaultdict(list)
    order = sorted(
        full, key=lambda s: (-sum(len(w) > 1 for w in name_words(s)), -len(name_words(s)), -full[s], s)
    )
    group_of: dict[str, PersonGroup] = {}
    for surface in order:
        words = name_words(surface)
        fits = [g for g in by_surname[words[-1]] if all(compatible(words, n) for n in g.names)]
        if len(fits) == 1:
            group = fits[0]
            group.names.append(words)
        else:
            group = PersonGroup([words], {})
            groups.append(group)
            by_surname[words[-1]].append(group)
        group.surfaces[surface] = full[surface]
        group_of[surface] = group
    by_first: dict[str, list[PersonGroup]] = defaultdict(list)
    for g in groups:
        for first in {n[0] for n in g.names}:
            by_first[first].append(g)
    # where each full name occurs, to resolve a surname that several people in the story share
    seen: dict[str, list[tuple[int, PersonGroup]]] = defaultdict(list)
    for (surface, pos), art in zip(names, articles, strict=True):
        if surface in group_of:
            seen[art].append((pos, group_of[surface]))
    singles: dict[str, PersonGroup] = {}
    assigned: list[PersonGroup] = []
    for (surface, pos), art in zip(names, articles, strict=True):
        words = name_words(surface) or (surface,)
        found = group_of.get(surface)
        if found is None and len(words) == 1:
            found = _resolve_single(words[0], pos, seen[art], by_surname, by_first)
        if found is None:
            found = singles.get(" ".join(words))
            if found is None:
                found = singles[" ".join(words)] = PersonGroup([words], {})
                groups.append(found)
        if surface not in found.surfaces or len(words) == 1:
            found.surfaces[surface] = found.surfaces.get(surface, 0) + 1
        assigned.append(found)
    return groups, assigned


def _resolve_single(
    word: str,
    pos: int,
    seen: list[tuple[int, PersonGroup]],
    by_surname: dict[str, list[PersonGroup]],
    by_first: dict[str, list[PersonGroup]],
) -> PersonGroup | None:
    """The person a one-word name means: by surname, in the article when the story has several."""
    candidates = by_surname.get(word, [])
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        ids = {id(g) for g in candidates}
        local = [(p, g) for p, g in seen if id(g) in ids]
        earlier = [(p, g) for p, g in local if p < pos]
        if earlier:
            return max(earlier, key=lambda pg: pg[0])[1]
        distinct = {id(g): g for _, g in local}
        return next(iter(distinct.values())) if len(distinct) == 1 else None
    firsts = by_first.get(word, [])
    return firsts[0] if len(firsts) == 1 else None
