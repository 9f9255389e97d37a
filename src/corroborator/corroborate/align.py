"""Align claim units across articles: which statements speak of the same thing.

Two units are linked when they are of one kind and one measure, refer to compatible periods and share
enough distinctive words (each word weighted by how few of the story's articles use it). How much
they must share depends on what their values say: two equal figures need little more to be one fact;
a figure a thousand times another (a scale slip) a little more; two different figures much more.
Linked units form a group (connected components). Each group counts its independent reports. A
figure or date the sentence gives for another instance of its kind ("the last major quake was in
February") never disagrees with one that is not so marked: it is another event's.

Candidate pairs are blocked by measure (figures), year (dates), speaker and words (quotations) and
named actor (events); large blocks are cut further by their rarest words, so a story of a thousand
articles is never compared all-pairs.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from itertools import combinations

from rapidfuzz import fuzz

from corroborator.corroborate.claims import ELLIPSIS, ClaimUnit, elided_parts
from corroborator.models import (
    Bound,
    Claim,
    ClaimKind,
    Evidence,
    Quantity,
    QuantityKind,
    content_hash,
    iso_day,
)
from corroborator.vocab import word_set

BLOCK = 48  # a block larger than this is cut by rare words
WINDOW = 12  # neighbours compared inside a cut block, in sorted order
RARE = 4  # rare words per unit used to cut blocks


class Relation(StrEnum):
    SAME = "same"  # equal values, compatible dates, the same quotation
    SCALE = "scale"  # the same digits a thousand (million...) times apart
    DIFFERENT = "different"  # values that cannot both be true
    VARIANT = "variant"  # a quotation worded differently


@dataclass(frozen=True, slots=True)
class Link:
    """Two units (indices into the group's ``units``) that speak of the same thing."""

    a: int
    b: int
    relation: Relation
    score: float


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claim units from one or more articles that speak of the same thing."""

    id: str
    kind: ClaimKind
    text: str
    units: tuple[ClaimUnit, ...]
    links: tuple[Link, ...]
    article_ids: tuple[str, ...]
    report_ids: tuple[str, ...]
    support: int
    reports_by_article: tuple[tuple[str, str], ...] = ()  # (article id, report id)


# --- values ----------------------------------------------------------------------------------------


_FIRST_NUMBER = re.compile(r"\d[\d,]*(?:\. ?\d+)?")


def _granularity(q: Quantity) -> float:
    """The rounding step of a stated figure: 190 billion -> 10 billion, 4.2 billion -> 0.1 billion."""
    first = _FIRST_NUMBER.search(q.text)  # a range ("3.6 to 4.5") is read by its first value
    raw = re.sub(r"[, ]", "", first.group()).strip(".") if first else ""
    if not raw or q.value == 0:
        return abs(q.value) * 0.05
    if "." in raw:
        step = 10.0 ** -len(raw.split(".")[1])
        mantissa = float(raw)
    else:
        stripped = raw.rstrip("0")
        step = 10.0 ** (len(raw) - len(stripped)) if stripped else 1.0
        mantissa = float(raw)
    return abs(q.value) * step / mantissa if mantissa else abs(q.value) * 0.05


def same_value(a: Quantity, b: Quantity) -> bool:
    """Equal within rounding: the coarser figure's last stated digit, or 10% when one is approximate;
    ages exactly ("sixty" and "61" differ)."""
    if QuantityKind.AGE in (a.kind, b.kind):
        return a.value == b.value
    diff = abs(a.value - b.value)
    top = max(abs(a.value), abs(b.value), 1e-9)
    if diff <= 0.005 * top:
        return True
    if (a.approximate or b.approximate) and diff <= 0.1 * top:
        return True
    return diff <= max(_granularity(a), _granularity(b)) * 0.5 + 1e-9


def within_bound(a: Quantity, b: Quantity) -> bool:
    """One figure is a bound the other keeps: "at least 3" and 10, "up to 50" and 40."""
    for bound, other in ((a, b), (b, a)):
        if bound.bound is Bound.LOWER and other.value >= bound.value:
            return True
        if bound.bound is Bound.UPPER and other.value <= bound.value:
            return True
    return False


def scale_slip(a: Quantity, b: Quantity) -> bool:
    """The same digits at a scale a power of a thousand apart ($190 billion vs $190 million)."""
    if a.value <= 0 or b.value <= 0:
        return False
    ratio = max(a.value, b.value) / min(a.value, b.value)
    power = round(math.log10(ratio))
    return power >= 3 and power % 3 == 0 and abs(ratio / 10**power - 1) < 0.01


def _interval(value: str) -> tuple[str, str]:
    """A date or range as comparable (start, end) strings at day precision."""
    if "/" in value:
        start, end = value.split("/", 1)
        return _interval(start)[0], _interval(end)[1]
    if "-W" in value:
        year, week = value.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week[:2]), 1)
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    parts = value.split("-")
    if len(parts) == 1:
        return f"{value}-01-01", f"{value}-12-31"
    if len(parts) == 2:
        return f"{value}-01", f"{value}-31"
    return value, value


def dates_overlap(a: str, b: str) -> bool:
    try:
        (s1, e1), (s2, e2) = _interval(a), _interval(b)
    except ValueError:
        return True  # unreadable: never a disagreement
    return s1 <= e2 and s2 <= e1


def periods_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or dates_overlap(a, b)


# --- similarity --------------------------------------------------------------------------------------


def weights_of(units: Sequence[ClaimUnit]) -> dict[str, float]:
    """Each word's weight: how few of the story's articles use it (inverse document frequency)."""
    per_article: dict[str, set[str]] = defaultdict(set)
    for u in units:
        per_article[u.article_id] |= u.context
    df: dict[str, int] = defaultdict(int)
    for words in per_article.values():
        for w in words:
            df[w] += 1
    n = max(len(per_article), 1)
    return {w: math.log(1.0 + n / d) for w, d in df.items()}


def weight_of(words: frozenset[str], weights: Mapping[str, float]) -> float:
    """The summed weight of a word set (words without a weight weigh 1)."""
    return sum(weights.get(w, 1.0) for w in words)


def overlap(
    a: frozenset[str],
    b: frozenset[str],
    weights: Mapping[str, float],
    totals: tuple[float, float] | None = None,
) -> tuple[int, float]:
    """(shared words, weighted cosine of the two word sets); ``totals``: the :func:`weight_of` of
    ``a`` and ``b`` when the caller keeps them."""
    shared = a & b
    if not shared:
        return 0, 0.0
    wa, wb = totals if totals is not None else (weight_of(a, weights), weight_of(b, weights))
    ws = sum(weights.get(w, 1.0) for w in shared)
    return len(shared), ws / math.sqrt(wa * wb)


def quote_relation(a: ClaimUnit, b: ClaimUnit, weights: Mapping[str, float]) -> tuple[Relation, float] | None:
    """The same quotation (one contains the other, or small edits), a variant of it, or unrelated."""
    assert a.quote is not None and b.quote is not None
    wa, wb = a.wording, b.wording
    if not wa or not wb:
        return None
    short_w, long_w = sorted((wa, wb), key=len)
    if (short_w in long_w and len(short_w.split()) >= 2) or fuzz.ratio(wa, wb) >= 92:
        return Relation.SAME, 1.0
    if _elided_from(a.quote.text, wb) or _elided_from(b.quote.text, wa) or _quoted_apart(short_w, long_w):
        return Relation.SAME, 1.0
    if _cut_silently(short_w, long_w):
        return Relation.SAME, 1.0
    qa, qb = a.quote_words, b.quote_words
    shared = qa & qb
    # a variant: a clause of the longer quotation says what the shorter one says, read with its clause
    short, qs, long_ = (a, qa, b) if len(wa) <= len(wb) else (b, qb, a)
    assert long_.quote is not None
    around = short.context | qs
    if len(shared) < 2 or len(shared) < 0.5 * len(qs):
        return None  # most of the shorter quotation's own words are not in the other: two statements
    if qs - shared and _longest_run(short.wording, long_.wording) < _VARIANT_RUN:
        return None  # some words in common but no stretch of wording: two statements on one theme
    best = 0.0
    for words in long_.quote_parts:
        n, score = overlap(words, around, weights)
        if n >= 3 and n / len(words) >= 0.6 and score >= 0.35:
            best = max(best, score)
    return (Relation.VARIANT, best) if best else None


_VARIANT_RUN = 4  # words in a row two wordings of one statement keep, when one has words the other lacks


def _longest_run(a: str, b: str) -> int:
    """The most words in a row two wordings share ("the edge of the abyss" in "our country has
    reached the edge of the abyss" and "our country is on the edge of the abyss": 5)."""
    wa, wb = a.split(), b.split()
    return SequenceMatcher(None, wa, wb, autojunk=False).find_longest_match(0, len(wa), 0, len(wb)).size


def _elided_from(text: str, other: str) -> bool:
    """Whether quotation ``text`` leaves words out ("the city ... I still don't know") of the words
    ``other`` quotes: each stretch between its marks found in ``other``, in order."""
    if not ELLIPSIS.search(text):
        return False
    parts = elided_parts(text)
    if len(parts) < 2 or sum(len(p.split()) for p in parts) < 4:
        return False
    at = 0
    for part in parts:
        found = other.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


_NEGATIONS = word_set("not no never nor neither none nothing cannot")


def _cut_silently(short: str, long_: str) -> bool:
    """Whether the shorter wording is the longer with words left out and no mark to say so ("That
    person needs to be found as soon as possible" of "That person is dangerous and needs to be found
    as soon as possible"): a quotation cut, not told otherwise, unless what is left out negates."""
    a, b = short.split(), long_.split()
    if len(a) < 5:
        return False
    left_out: list[str] = []
    it = iter(b)
    for word in a:
        for other in it:
            if other == word:
                break
            left_out.append(other)
        else:
            return False  # a word of the shorter is not in the longer, in order
    return not any(w in _NEGATIONS or w.endswith("n't") for w in left_out)


def _quoted_apart(short: str, long_: str) -> bool:
    """Whether two wordings are one quotation cut differently: the shorter nearly verbatim inside
    the longer ("checked herself into the Promises..." in a longer quotation without "the"), or the
    two overlapping at their ends ("Tonight was a peaceful vigil that devolved into a riot" and
    "peaceful vigil that devolved into a riot. The youth ...")."""
    if len(short.split()) >= 5 and fuzz.partial_ratio(short, long_) >= 96:
        return True
    a, b = short.split(), long_.split()
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    if m.size < 5:
        return False
    a_end, b_end = m.a + m.size == len(a), m.b + m.size == len(b)
    return (a_end and m.b == 0) or (b_end and m.a == 0)


def relation(
    a: ClaimUnit, b: ClaimUnit, weights: Mapping[str, float], totals: tuple[float, float] | None = None
) -> tuple[Relation, float] | None:
    """How two units of one kind relate, or None when they are not about the same thing
    (``totals``: the :func:`weight_of` of their contexts, when the caller keeps them)."""
    if a.article_id == b.article_id or a.kind is not b.kind:
        return None
    if a.kind is ClaimKind.QUOTE:
        return quote_relation(a, b, weights)
    n, score = overlap(a.context, b.context, weights, totals)
    if a.kind is ClaimKind.FIGURE:
        qa, qb = a.quantity, b.quantity
        assert qa is not None and qb is not None
        if a.measure != b.measure:
            return None
        if a.measure.startswith("age:"):
            return _ages(a, b, n, score)
        if a.measure.startswith("record:"):
            return _records(a, b, score)
        if not periods_compatible(qa.period, qb.period):
            revision = (a.update_cue or b.update_cue) and not same_value(qa, qb)
            return (Relation.DIFFERENT, score) if revision and n >= 3 and score >= 0.5 else None
        if same_value(qa, qb):
            # a count of a named thing at a distinctive value ("130 countries") needs no more
            distinctive = a.measure.startswith("count:") and a.measure != "count:?" and qa.value >= 10
            return (Relation.SAME, score) if distinctive or (n >= 1 and score >= 0.15) else None
        same_period = qa.period is not None and qa.period == qb.period
        if scale_slip(qa, qb) and n >= 1 and (score >= 0.35 or same_period):
            return Relation.SCALE, score
        both_named = _mentions(a.sentence_values, qb.value) or _mentions(b.sentence_values, qa.value)
        if both_named and not (a.update_cue or b.update_cue):
            return None  # each sentence names both figures: two facts, not a disagreement
        if a.other_instance != b.other_instance:
            return None  # "the last quake killed 600" is not a count of this one
        if not _same_place(a, b):
            return None  # "Qeshm, home to 120,000" and "Bandar Abbas, a city of 500,000"
        if within_bound(qa, qb):
            return None  # "at least three dead" and "ten dead" can both be true
        strong = (n >= 3 and score >= 0.5) or (bool(a.phrases & b.phrases) and n >= 2 and score >= 0.45)
        return (
            (Relation.DIFFERENT, score)
            if (strong or _one_toll(a, b, n)) and a.event_words & b.event_words
            else None
        )
    if set(a.subjects) & set(b.subjects) == set() and _people(a) and _people(b):
        return None
    if a.kind is ClaimKind.DATE:
        ta, tb = a.time, b.time
        assert ta is not None and tb is not None and ta.value and tb.value
        if dates_overlap(ta.value, tb.value):
            if not a.event_words & b.event_words:
                return None
            same_day = ta.value == tb.value and len(ta.value) == 10  # one stated day: a strong sign
            return (Relation.SAME, score) if n >= 2 and (score >= 0.4 or same_day) else None
        if any(dates_overlap(d, tb.value) for d in a.sentence_dates) or any(
            dates_overlap(d, ta.value) for d in b.sentence_dates
        ):
            return None  # each sentence names both dates: two events, not a disagreement
        if a.other_instance != b.other_instance:
            return None  # "the last major quake was in February": another event's date
        if _day_apart(ta.value, tb.value) and (_DEICTIC.search(ta.text) or _DEICTIC.search(tb.text)):
            return None  # "today" counts from a publication date, which is often a day off the writing
        if _within_seven_days(a, tb.value) or _within_seven_days(b, ta.value):
            return None
        if _other_acts(a, b):
            return None
        strong = (n >= 3 and score >= 0.6) or (bool(a.phrases & b.phrases) and n >= 2 and score >= 0.45)
        return (Relation.DIFFERENT, score) if strong and len(a.event_words & b.event_words) >= 2 else None
    return (Relation.SAME, score) if n >= 3 and score >= 0.3 else None


def _ages(a: ClaimUnit, b: ClaimUnit, shared: int, score: float) -> tuple[Relation, float] | None:
    """Two ages of one person named alike disagree, whatever else their sentences say, unless the
    articles are half a year apart or more (a birthday between them); the same age makes one statement
    only when the sentences say one thing ("Chohan, 59, was killed" / "Chohan, 59, had just parked"
    are two). An age said of no one named is compared with none."""
    qa, qb = a.quantity, b.quantity
    assert qa is not None and qb is not None
    if a.measure.endswith(":?"):
        return None
    if same_value(qa, qb):
        return (Relation.SAME, score) if shared >= 3 and score >= 0.3 else None
    if a.article_date and b.article_date:
        first, second = iso_day(a.article_date), iso_day(b.article_date)
        if first is None or second is None or abs((first - second).days) >= 183:
            return None
    return Relation.DIFFERENT, score  # a date unknown: read as of the same days


def _records(a: ClaimUnit, b: ClaimUnit, score: float) -> tuple[Relation, float] | None:
    """Two win-loss records of one holder named alike (the same part: wins, losses or draws) disagree
    unless the articles are more than a day apart (a game between them); a record of no one named is
    compared with none."""
    qa, qb = a.quantity, b.quantity
    assert qa is not None and qb is not None
    if a.measure.endswith(":?"):
        return None
    if same_value(qa, qb):
        return Relation.SAME, score  # one holder's record: one fact
    if a.article_date and b.article_date:
        first, second = iso_day(a.article_date), iso_day(b.article_date)
        if first is None or second is None or abs((first - second).days) > 1:
            return None
    return Relation.DIFFERENT, score


def _one_toll(a: ClaimUnit, b: ClaimUnit, shared: int) -> bool:
    """Two tolls of the dead (or of the injured) that a story's reports give for its own days: the
    harm read at each figure says what they count, so little more context need be shared ("injuring
    five people" / "the quake ... injured two people")."""
    if a.measure not in _TOLLS or shared < 2 or a.dated_away or b.dated_away:
        return False
    # "a magnitude-5.2 quake has injured three" and "a 5.6 magnitude earthquake ..., injuring five":
    # each sentence describes its event by a measure, and the two differ: tolls of two events
    return not any(
        m == n and not _mentions([v], w) for m, v in a.sentence_measures for n, w in b.sentence_measures
    )


_TOLLS = frozenset({"count:dead", "count:injured"})


def _other_acts(a: ClaimUnit, b: ClaimUnit) -> bool:
    """Whether the parse read two dates as dating two acts: each event says something (two words or
    more) and neither names the other's verb ("a jury convicted a gang member" today, "a jury ordered
    execution for a gang member" on Tuesday; "made a state visit" and "visited", "convicted" and
    "handed down a conviction" are one act). One word is too thin a reading to overrule the
    sentences ("transiting" for "foiled an attack on vessels transiting ... on Friday")."""
    if len(a.dated_event) < 2 or len(b.dated_event) < 2 or not a.act or not b.act:
        return False
    return not (_names_act(a.act, b.dated_event | b.act) or _names_act(b.act, a.dated_event | a.act))


def _names_act(act: frozenset[str], words: frozenset[str]) -> bool:
    """Whether ``words`` name the act: its stem, or a word it begins ("convict", "conviction")."""
    return any(w == v or (len(v) >= 4 and w.startswith(v)) for v in act for w in words)


_DEICTIC = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)\b", re.IGNORECASE
)


_LOOSE_WEEK = re.compile(r"\b(?P<side>last|next)\s+week\b", re.IGNORECASE)


def _within_seven_days(u: ClaimUnit, value: str) -> bool:
    """Whether ``u`` says "last week" (or "next week") of its article's date and ``value`` lies in the
    seven days before (after) that date: the phrase also means those days ("he escaped last week",
    written on a Saturday about the Monday), so such a day does not contradict it."""
    found = _LOOSE_WEEK.search(u.time.text) if u.time is not None and u.article_date else None
    if found is None or u.article_date is None:
        return False
    try:
        anchor = dt.date.fromisoformat(u.article_date[:10])
        first, last = (dt.date.fromisoformat(d) for d in _interval(value))
    except ValueError:
        return False
    if found.group("side").lower() == "last":
        return anchor - dt.timedelta(days=7) <= first and last < anchor
    return anchor < first and last <= anchor + dt.timedelta(days=7)


def _day_apart(a: str, b: str) -> bool:
    """Two single days one day apart."""
    try:
        return len(a) == len(b) == 10 and abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) == 1
    except ValueError:
        return False


def _same_place(a: ClaimUnit, b: ClaimUnit) -> bool:
    """Whether two figures can be of one place: each describing the same place, or one describing a
    place the other's sentence names."""
    if a.place and b.place:
        return a.place == b.place
    return all(u.place in o.text.lower() for u, o in ((a, b), (b, a)))


def _mentions(values: Sequence[float], value: float) -> bool:
    return any(abs(v - value) <= 0.005 * max(abs(v), abs(value)) for v in values)


def _people(u: ClaimUnit) -> bool:
    return any(" " not in s for s in u.subjects)


# --- blocking ------------------------------------------------------------------------------------------


def _block_keys(u: ClaimUnit) -> Iterator[str]:
    if u.kind is ClaimKind.FIGURE:
        yield f"f|{u.measure}"
    elif u.kind is ClaimKind.DATE:
        assert u.time is not None and u.time.value
        yield "d"
    elif u.kind is ClaimKind.QUOTE:
        yield "q"
    else:
        for s in u.subjects:
            yield f"e|{s}"


def candidate_pairs(units: Sequence[ClaimUnit], weights: Mapping[str, float]) -> Iterator[tuple[int, int]]:
    """Pairs worth comparing: inside a block, all pairs when it is small; otherwise pairs sharing one of
    their rarest words, compared within a sliding window over units sorted by value and article."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        for key in _block_keys(u):
            blocks[key].append(i)
    seen: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        for pair in _pairs_in_block(key, members, units, weights):
            if pair not in seen:
                seen.add(pair)
                yield pair


def _pairs_in_block(
    key: str, members: list[int], units: Sequence[ClaimUnit], weights: Mapping[str, float]
) -> Iterable[tuple[int, int]]:
    if len(members) <= BLOCK:
        return combinations(members, 2)
    sub: dict[str, list[int]] = defaultdict(list)
    for i in members:
        rare = sorted(units[i].context, key=lambda w: (-weights.get(w, 1.0), w))[:RARE]
        for w in rare:
            sub[w].append(i)
    out: set[tuple[int, int]] = set()
    for group in sub.values():
        group.sort(key=lambda i: (_sort_value(units[i]), units[i].article_id))
        for pos, i in enumerate(group):
            for j in group[pos + 1 : pos + 1 + WINDOW]:
                out.add((min(i, j), max(i, j)))
    return out


def _sort_value(u: ClaimUnit) -> float:
    if u.quantity is not None:
        v = abs(u.quantity.value)
        return math.log10(v) % 3 if v > 0 else 0.0  # scale slips sort together
    return 0.0


# --- grouping ------------------------------------------------------------------------------------------


def align_claims(units: Sequence[ClaimUnit], report_of: Mapping[str, str]) -> tuple[ClaimGroup, ...]:
    """Group claim units of different articles that speak of the same thing; count each group's
    independent reports (``report_of`` maps article id to report id; an unmapped article is its own
    report)."""
    weights = weights_of(units)
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    totals = [weight_of(u.context, weights) for u in units]  # each unit's, compared with many
    edges: list[tuple[int, int, Relation, float]] = []
    for i, j in candidate_pairs(units, weights):
        found = relation(units[i], units[j], weights, (totals[i], totals[j]))
        if found is None:
            continue
        edges.append((i, j, found[0], found[1]))
        parent[find(i)] = find(j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(units)):
        members[find(i)].append(i)
    edges_of: dict[int, list[tuple[int, int, Relation, float]]] = defaultdict(list)
    for e in edges:
        edges_of[find(e[0])].append(e)
    groups = [_group(units, idx, edges_of[root], report_of) for root, idx in members.items()]
    groups.sort(key=lambda g: (-g.support, -len(g.article_ids), g.kind.value, g.text))
    return tuple(groups)


def _group(
    units: Sequence[ClaimUnit],
    idx: list[int],
    edges: list[tuple[int, int, Relation, float]],
    report_of: Mapping[str, str],
) -> ClaimGroup:
    local = {g: k for k, g in enumerate(idx)}
    mine = tuple(units[i] for i in idx)
    links = tuple(Link(local[i], local[j], r, s) for i, j, r, s in edges)
    articles = tuple(dict.fromkeys(u.article_id for u in mine))
    reports = tuple(dict.fromkeys(report_of.get(a, a) for a in articles))
    text = _group_text(mine, links)
    gid = content_hash(
        "|".join(sorted(f"{u.article_id}:{u.caption}:{u.span.start}:{u.focus_text}" for u in mine))
    )
    by_article = tuple((a, report_of.get(a, a)) for a in articles)
    return ClaimGroup(gid, mine[0].kind, text, mine, links, articles, reports, len(reports), by_article)


def _group_text(units: Sequence[ClaimUnit], links: Sequence[Link]) -> str:
    """The group's statement: the shortest sentence among its best-linked units, trimmed."""
    degree = [0] * len(units)
    for link in links:
        if link.relation is Relation.SAME:
            degree[link.a] += 1
            degree[link.b] += 1
    best = max(range(len(units)), key=lambda k: (degree[k], units[k].caption is None, -len(units[k].text)))
    text = " ".join(units[best].text.split())
    return text if len(text) <= 240 else text[:237].rsplit(" ", 1)[0] + "…"


def evidence_of(u: ClaimUnit) -> Evidence:
    return Evidence(u.article_id, u.span, u.text, u.caption)


def claims_of(groups: Sequence[ClaimGroup]) -> tuple[Claim, ...]:
    """The public claim records of aligned groups. A group of ages alone is none: its sentences are
    claims for what they say ("Chohan, 59, was killed"), and the ages are aligned only so that two
    ages of one person can disagree."""
    return tuple(
        Claim(
            id=g.id,
            text=g.text,
            kind=g.kind,
            article_ids=g.article_ids,
            report_ids=g.report_ids,
            support=g.support,
            evidence=tuple(dict.fromkeys(evidence_of(u) for u in g.units)),
        )
        for g in groups
        if not all(u.measure.startswith("age:") for u in g.units)
    )
