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

from corroborator.annotate.given_names import is_given_name
from corroborator.vocab import word_set

_NON_WORD = re.compile(r"[^\w$%]+")


def norm(text: str) -> str:
    """How names are compared: NFKD, lower case, punctuation as spaces, no accents."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # generational: not a surname
# words that make a capitalised phrase an organisation's name, not a person's ("Kessel Holdings",
# "Times Herald"), and a common noun an institution, not someone ("a hospital said")
ORG_WORDS = word_set(
    "academy afp agency airlines airport airways army assembly association authorities authority bank "
    "board capital center centre chemicals church club college commission committee company congress "
    "corp corporation council court daily department energy federation forces forum foundation fund "
    "gazette government group herald holdings hospital house inc industries initiative inquiry institute "
    "international journal kremlin league llc ltd media ministry motors museum navy network news "
    "office organisation organization parliament partners party plc police port post press program "
    "programme project radio reuters school senate service services station systems technologies "
    "telegraph television times tribune union university works"
)
# a ship's prefix ("INS Mysore", "USS Cole", "MV Gibe"): a vessel the parser may call a person
VESSEL_PREFIXES = frozenset({"INS", "USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "MV", "RFA"})


def is_vessel(words: Sequence[str]) -> bool:
    """The name is a ship's: it starts with a ship prefix, written in capitals."""
    return len(words) > 1 and words[0] in VESSEL_PREFIXES


def without_suffix(words: Sequence[str], keep: int = 2) -> list[str]:
    """A name's words (as written or normalised) without a trailing generational suffix ("Jr.",
    "II"), keeping at least ``keep`` words."""
    out = list(words)
    while len(out) > keep and norm(out[-1]) in SUFFIXES:
        out.pop()
    return out


def name_words(name: str) -> tuple[str, ...]:
    """A name's normalised words without a generational suffix ("Nick J. Rahall II")."""
    return tuple(without_suffix(norm(name).split()))


JOINT = " and "  # people speaking together, as one speaker: "Craig Zadan and Neil Meron"


def joint_names(speaker: str) -> list[str]:
    """The names a speaker joins with :data:`JOINT` (one for a single speaker)."""
    return [part for part in speaker.split(JOINT) if part]


def one_letter_off(a: str, b: str) -> bool:
    """One letter changed (Carolos / Karolos, Heidar / Heydar) or, in a longer word, one added
    (Hickok / Hickock): how one name is transliterated or misspelt, not another name (Ivan / Ivana
    differ by an added letter in a short word)."""
    if len(a) == len(b):
        return len(a) >= 4 and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1 or len(short) < 5:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def near_surnames(surname: str, known: Sequence[str]) -> list[str]:
    """The surnames among ``known`` that may be ``surname`` spelt another way (itself first)."""
    return [surname] + [k for k in known if k != surname and one_letter_off(k, surname)]


# the English first names written short, each line a short form and the names it is short for
# ("Stan Perlo" and "Stanley Perlo" in one story are one lawyer)
_SHORT_FOR_TEXT = """
al albert alan allan alfred
alex alexander alexandra
andy andrew
ben benjamin
bill william
billy william
bob robert
bobby robert
cathy catherine cathleen
charlie charles
chris christopher christine christina
chuck charles
dan daniel
danny daniel
dave david
debbie deborah
don donald
doug douglas
ed edward edwin
eddie edward
fred frederick
greg gregory
jake jacob
jeff jeffrey
jen jennifer
jenny jennifer
jim james
jimmy james
joe joseph
jon jonathan
josh joshua
kate katherine kathleen
ken kenneth
larry lawrence
liz elizabeth
matt matthew
mike michael
nick nicholas
pat patrick patricia
pete peter
phil philip phillip
ray raymond
rick richard
rob robert
ron ronald
sam samuel samantha
stan stanley
steve steven stephen
sue susan
ted edward theodore
tim timothy
tom thomas
tommy thomas
tony anthony
vince vincent
walt walter
will william
"""
_SHORT_FOR = {w[0]: frozenset(w[1:]) for w in map(str.split, _SHORT_FOR_TEXT.strip().splitlines())}


def _given_match(a: str, b: str) -> bool:
    return (
        a == b
        or (len(a) == 1 and b.startswith(a))
        or (len(b) == 1 and a.startswith(b))
        or b in _SHORT_FOR.get(a, ())
        or a in _SHORT_FOR.get(b, ())
    )


def _initials(words: Sequence[str]) -> list[str] | None:
    """The given names of an initials-only name ("T. J. DiLeo": t, j), else None."""
    given = words[:-1]
    return list(given) if len(given) >= 2 and all(len(t) == 1 for t in given) else None


def compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two full names (normalised words) of the same person: the same surname and compatible given
    names, or one of the two spelt one letter off while the other is the same (not both); or a
    surname of two words given alone ("Boone Isaacs" of "Cheryl Boone Isaacs")."""
    if len(a) < 2 or len(b) < 2:
        return False
    for x, y in ((a, b), (b, a)):
        if len(x) == 2 and len(y) == 3 and tuple(x) == tuple(y[1:]):
            # "Boone Isaacs" of "Cheryl Boone Isaacs": a surname of two words after a given name; not
            # "Jose Garcia" of "Maria Jose Garcia", nor a word the NER swept in ("American Hasim Rahman")
            return is_given_name(y[0]) and not is_given_name(x[0])
    if a[-1] == b[-1]:
        if not (_given_match(a[0], b[0]) or one_letter_off(a[0], b[0])):
            return False
    elif not (len(a[0]) > 1 and a[0] == b[0] and one_letter_off(a[-1], b[-1])):
        return False
    for x, y in ((a, b), (b, a)):
        letters = _initials(x)
        if letters is not None and [t[0] for t in y[:-1]][: len(letters)] != letters:
            return False  # "T. J. DiLeo" is not "Tony DiLeo"
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
        fits = [
            g
            for key in near_surnames(words[-1], list(by_surname))
            for g in by_surname[key]
            if all(compatible(words, n) for n in g.names)
        ]
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
    if firsts:
        return firsts[0] if len(firsts) == 1 else None
    # "President Zelenskyy" in one outlet, "Volodymyr Zelensky" in another: one transliteration's
    key = transliteration_key(word)
    spelt = [g for k, gs in by_surname.items() if transliteration_key(k) == key for g in gs]
    return spelt[0] if len(spelt) == 1 and len(word) >= 6 else None


def transliteration_key(word: str) -> str:
    """A surname with the spellings transliterations differ by folded: doubled letters and the
    ending y / iy / yy / ii / i ("Zelensky", "Zelenskyy", "Zelenskiy"; not "Johnson" / "Johnston")."""
    single = re.sub(r"(.)\1", r"\1", word.lower())
    return re.sub(r"(?:iy|yi|ij|i)$", "y", single)
