"""Disagreements between reports, and revisions that are not disagreements.

Within each aligned group, units are split into *sides* by value (figures equal within rounding, dates
that overlap, one wording and speaker of a quotation). Two sides disagree only where a direct link
between units of two different articles says so (a scale slip, a different figure or date of the same
thing, a quotation worded or attributed differently). A later article that revises a figure and says
so ("rose to", "now", "up from") gives an :class:`Update`, not a contradiction. People described in
incompatible ways (same role, different employer or nationality) are attribution disagreements.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from corroborator.annotate.person_names import joint_names, one_letter_off
from corroborator.corroborate.align import (
    ClaimGroup,
    Relation,
    dates_overlap,
    evidence_of,
    periods_compatible,
    same_value,
)
from corroborator.corroborate.claims import ClaimUnit, content_words, stem
from corroborator.models import (
    ClaimKind,
    Contradiction,
    ContradictionKind,
    Description,
    Evidence,
    Severity,
    Side,
    Update,
    content_hash,
)

_SCALE_NAMES = {3: "thousand", 6: "million", 9: "billion", 12: "trillion"}


def _scale_name(value: float) -> str:
    power = 0
    v = abs(value)
    while v >= 1000 and power < 12:
        v /= 1000
        power += 3
    return _SCALE_NAMES.get(power, "units")


def _side(units: Sequence[ClaimUnit], report_of: Mapping[str, str], kind: ClaimKind) -> Side:
    articles = tuple(dict.fromkeys(u.article_id for u in units))
    reports = tuple(dict.fromkeys(report_of.get(a, a) for a in articles))
    evidence = tuple(dict.fromkeys(evidence_of(u) for u in units))
    counts = Counter(_value_key(u) for u in units)
    first = max(units, key=lambda u: counts[_value_key(u)])  # the side's commonest value names it
    if kind is ClaimKind.FIGURE and first.quantity is not None:
        return Side(articles, evidence, reports, value=first.quantity.value, unit=first.quantity.unit,
                    text=first.quantity.text)  # fmt: skip
    if kind is ClaimKind.DATE and first.time is not None:
        return Side(articles, evidence, reports, date=first.time.value, text=first.time.text)
    quote = first.quote
    speaker = next((u.quote.speaker for u in units if u.quote is not None and u.quote.speaker), None)
    return Side(articles, evidence, reports, text=quote.text if quote else first.text, speaker=speaker)


def _value_key(u: ClaimUnit) -> str:
    if u.quantity is not None:
        return repr(u.quantity.value)
    return u.time.value or "" if u.time is not None else ""


def _sides_by_value(group: ClaimGroup) -> list[int]:
    """Side number of each unit: figures equal within rounding, or dates that overlap. Distinct values
    are taken commonest first (at a tie the less precise date, which holds more) and each joins the
    first side whose value it agrees with."""
    by_value: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(group.units):
        by_value[_value_key(u)].append(k)
    order = sorted(by_value.values(), key=lambda ks: (-len(ks), len(_value_key(group.units[ks[0]]))))
    reps: list[int] = []
    side = [0] * len(group.units)
    for ks in order:
        u = group.units[ks[0]]
        found = next((s for s, r in enumerate(reps) if _agree(u, group.units[r])), None)
        if found is None:
            found = len(reps)
            reps.append(ks[0])
        for k in ks:
            side[k] = found
    return side


def _agree(a: ClaimUnit, b: ClaimUnit) -> bool:
    if a.quantity is not None and b.quantity is not None:
        return same_value(a.quantity, b.quantity)
    if a.time is not None and b.time is not None and a.time.value and b.time.value:
        return dates_overlap(a.time.value, b.time.value)
    return True


def _is_update(earlier: ClaimUnit, later: ClaimUnit) -> bool:
    """A later report revising a figure and saying so: a cue word, and a later date or the old value
    named beside the new one ("rose to 1,900 from 1,200")."""
    if not later.update_cue or earlier.quantity is None:
        return False
    old = earlier.quantity.value
    names_old = any(abs(v - old) <= 0.005 * max(abs(v), abs(old)) for v in later.sentence_values)
    newer = bool(later.article_date and earlier.article_date and later.article_date > earlier.article_date)
    return names_old or newer


def _order(a: ClaimUnit, b: ClaimUnit) -> tuple[ClaimUnit, ClaimUnit]:
    """(earlier, later): by article date; with no dates, the one that reads as a revision is later."""
    if a.article_date and b.article_date and a.article_date != b.article_date:
        return (a, b) if a.article_date < b.article_date else (b, a)
    return (b, a) if a.update_cue and not b.update_cue else (a, b)


def _support_note(sides: Sequence[Side], label: Sequence[str]) -> str:
    parts = [f"{lab}: {len(s.report_ids)} independent report(s), {len(s.article_ids)} article(s)"
             for s, lab in zip(sides, label, strict=True)]  # fmt: skip
    counts = sorted({len(s.report_ids) for s in sides}, reverse=True)
    if len(counts) > 1:
        best = max(range(len(sides)), key=lambda i: len(sides[i].report_ids))
        parts.append(f"more independent support for {label[best]}")
    else:
        parts.append("equal independent support")
    return "; ".join(parts)


def _label(side: Side) -> str:
    if side.date is not None:
        return side.date
    if side.value is not None:
        return side.text or f"{side.value:g} {side.unit}"
    who = f" ({side.speaker})" if side.speaker else ""
    return f"“{(side.text or '')[:60]}”{who}"


def _only_the_year_read(a: ClaimUnit, b: ClaimUnit) -> bool:
    """Two days written with the same day and month and no year ("the June 20 shooting" in a report
    of 2005 and in one of 2007, each read in its own year): the words do not disagree, only the
    years read into them. (One that states its year against one that does not still conflicts: "on
    March 21" in this year's report, "March 21, 2022" in a caption.)"""
    ta, tb = a.time, b.time
    if ta is None or tb is None or not ta.value or not tb.value:
        return False
    # a relative day written with its number is a month and day without the year, not "Tuesday"
    yearless = all(t.relative and any(c.isdigit() for c in t.text) for t in (ta, tb))
    return yearless and len(ta.value) == len(tb.value) == 10 and ta.value[4:] == tb.value[4:]


def _quoted_within_one_article(units: Sequence[ClaimUnit]) -> Iterator[tuple[int, int]]:
    """Pairs of one article's quotations of which one holds the other's words ("the edge of the
    abyss" and, later, the whole sentence): one quotation given twice, which no link joins (links
    are between articles)."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(units):
        by_article[u.article_id].append(k)
    for ks in by_article.values():
        for i, j in itertools.combinations(ks, 2):
            short, long_ = sorted((units[i].wording, units[j].wording), key=len)
            if len(short.split()) >= 2 and short in long_:
                yield i, j


def _inferred_year(a: ClaimUnit, b: ClaimUnit) -> bool:
    """One date written without its year and read against a publication date we inferred ("by
    December", in an undated report of 2019, read as 2018), the other stating its year ("December
    2016"): the year that disagrees is ours, not the report's. (Read against a stated publication
    date, "in March" in a 2023 report against a caption's "March, 2022", it still conflicts.)"""
    ta, tb = a.time, b.time
    if ta is None or tb is None:
        return False
    return any(x.relative and x.inferred_anchor and not y.relative for x, y in ((ta, tb), (tb, ta)))


def _resolved(u: ClaimUnit) -> bool:
    return u.quote is not None and u.quote.resolved


def _speaker_key(u: ClaimUnit) -> str | None:
    """Who speaks, by surname; people speaking together by theirs, in any order ("Vladimir Putin and
    Xi Jinping", "Xi Jinping and Vladimir V. Putin")."""
    if u.quote is None or not u.quote.speaker:
        return None
    return " ".join(sorted(name.split()[-1].lower() for name in joint_names(u.quote.speaker)))


def _group_contradiction(
    group: ClaimGroup, report_of: Mapping[str, str]
) -> tuple[Contradiction | None, list[Update]]:
    if group.kind is ClaimKind.QUOTE:
        return _quote_contradiction(group, report_of), []
    if group.kind not in (ClaimKind.FIGURE, ClaimKind.DATE):
        return None, []
    side_of = _sides_by_value(group)
    conflicts: set[tuple[int, int]] = set()
    linked: set[int] = set()  # units in a conflicting link
    relations: set[Relation] = set()
    updates: list[Update] = []
    for link in group.links:
        if link.relation not in (Relation.SCALE, Relation.DIFFERENT):
            continue
        a, b = group.units[link.a], group.units[link.b]
        sa, sb = side_of[link.a], side_of[link.b]
        if sa == sb or (group.kind is ClaimKind.DATE and (_only_the_year_read(a, b) or _inferred_year(a, b))):
            continue
        if group.kind is ClaimKind.FIGURE and link.relation is Relation.DIFFERENT:
            earlier, later = _order(a, b)
            if _is_update(earlier, later):
                updates.append(_update(group, earlier, later, report_of))
                continue
            if a.quantity and b.quantity and not periods_compatible(a.quantity.period, b.quantity.period):
                continue  # linked for a revision only
        conflicts.add((min(sa, sb), max(sa, sb)))
        relations.add(link.relation)
        linked.update((link.a, link.b))
    if not conflicts:
        return None, updates
    involved = sorted({s for pair in conflicts for s in pair})
    # a side's other units count unless they speak of another instance or a running total ("31
    # magazines in five operations so far"): those never contradicted anything
    counted = [k in linked or not u.other_instance for k, u in enumerate(group.units)]
    sides = [
        _side([u for k, u in enumerate(group.units) if side_of[k] == s and counted[k]], report_of, group.kind)
        for s in involved
    ]
    sides.sort(key=lambda s: (-len(s.report_ids), -len(s.article_ids)))
    labels = [_label(s) for s in sides]
    if group.kind is ClaimKind.DATE:
        kind, severity, note = ContradictionKind.DATE, Severity.HIGH, "different dates for the same event"
    else:
        kind = ContradictionKind.QUANTITY
        if Relation.SCALE in relations:
            names = sorted({_scale_name(s.value or 0) for s in sides})
            severity, note = Severity.HIGH, "scale slip: " + " vs ".join(names)
        else:
            values = [abs(s.value or 0) for s in sides]
            ratio = max(values) / max(min(values), 1e-9)
            severity = Severity.HIGH if ratio >= 1.5 else Severity.MEDIUM
            note = "different figures for the same measure"
    note += "; " + _support_note(sides, labels)
    cid = content_hash(group.id + "|" + "|".join(labels))
    return Contradiction(cid, kind, _about(group), severity, tuple(sides), note), updates


def _update(group: ClaimGroup, earlier: ClaimUnit, later: ClaimUnit, report_of: Mapping[str, str]) -> Update:
    e = _side([earlier], report_of, group.kind)
    lt = _side([later], report_of, group.kind)
    return Update(content_hash(f"{group.id}|{e.value}|{lt.value}|{later.article_id}"), _about(group), e, lt)


def _about(group: ClaimGroup) -> str:
    text = group.text
    return text if len(text) <= 120 else text[:117].rsplit(" ", 1)[0] + "…"


def _quote_contradiction(group: ClaimGroup, report_of: Mapping[str, str]) -> Contradiction | None:
    """Quotations: the same words given to different named speakers (high), or reworded (low when the
    speaker is merely less specific)."""
    wording = list(range(len(group.units)))

    def find(i: int) -> int:
        while wording[i] != i:
            i = wording[i]
        return i

    for link in group.links:
        if link.relation is Relation.SAME:
            wording[find(link.a)] = find(link.b)
    for i, j in _quoted_within_one_article(group.units):
        wording[find(i)] = find(j)
    keys = [(find(k), _speaker_key(u)) for k, u in enumerate(group.units)]
    pairs: set[tuple[tuple[int, str | None], tuple[int, str | None]]] = set()
    severity = Severity.LOW
    less_specific = False
    for link in group.links:
        ka, kb = keys[link.a], keys[link.b]
        if ka == kb:
            continue  # the same words and speaker on both ends, through other links
        apart = (
            ka[1] is not None and kb[1] is not None and ka[1] != kb[1]
            and not one_letter_off(ka[1], kb[1])  # "Heffner" for "Hefner": one name misspelt
            and not set(ka[1].split()) & set(kb[1].split())  # "Zadan and Meron" in one, "Zadan" in another
        )  # fmt: skip
        if apart and link.relation is not Relation.SAME:
            continue  # two people saying alike in their own words: two statements
        if ka[0] == kb[0] and not apart:
            continue  # the same words, once without their speaker: nothing differs
        # a speaker worked out from "she said" may be the resolution's slip: only named ones conflict
        named = not (_resolved(group.units[link.a]) or _resolved(group.units[link.b]))
        if link.relation is Relation.VARIANT or (apart and named):
            pairs.add((min(ka, kb, key=str), max(ka, kb, key=str)))
            if apart:
                severity = Severity.HIGH
            less_specific |= (ka[1] is None) != (kb[1] is None)
    if not pairs:
        return None
    involved = sorted({k for p in pairs for k in p}, key=str)
    sides = [
        _side([u for k, u in enumerate(group.units) if keys[k] == key], report_of, group.kind)
        for key in involved
    ]
    sides.sort(key=lambda s: (-len(s.report_ids), -len(s.article_ids)))
    labels = [_label(s) for s in sides]
    if severity is Severity.HIGH:
        reason = "the same words attributed to different speakers"
    else:
        reason = "a quotation worded differently"
        if less_specific:
            reason += "; the speaker given less specifically"
    note = reason + "; " + _support_note(sides, labels)
    about = "wording and speaker of the quotation " + _label(sides[0])
    return Contradiction(content_hash(group.id + "|q|" + "|".join(labels)), ContradictionKind.QUOTE, about,
                         severity, tuple(sides), note)  # fmt: skip


# --- descriptions of people -------------------------------------------------------------------------

_ROLE_SPLIT = re.compile(r"\s+(?:at|of|for|with|on|in)\s+", re.IGNORECASE)
_GENERIC_ORG = content_words(
    "university institute center centre council college school department ministry company group "
    "agency foundation program programme office academy service board"
)


def _role(text: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """(head noun of the role, nationality-like capitalised words of the role, organisation words)."""
    parts = _ROLE_SPLIT.split(text, maxsplit=1)
    role_words = [
        w for w in re.findall(r"[A-Za-z][A-Za-z-]*", parts[0]) if w.lower() not in ("a", "an", "the")
    ]
    if not role_words:
        return "", frozenset(), frozenset()
    head = stem(role_words[-1])
    nation = frozenset(w for w in role_words[:-1] if w[0].isupper() and w[-2:] in ("an", "se", "sh", "ch"))
    org = content_words(parts[1]) - _GENERIC_ORG if len(parts) > 1 else frozenset()
    return head, nation, org


def attribution_contradictions(
    descriptions: Sequence[tuple[str, Description]], report_of: Mapping[str, str]
) -> tuple[Contradiction, ...]:
    """One person, one role, described by two articles with a different employer or nationality."""
    by_person: dict[str, list[tuple[str, Description]]] = defaultdict(list)
    for article_id, d in descriptions:
        by_person[d.name.split()[-1].lower()].append((article_id, d))
    out: list[Contradiction] = []
    for person, items in sorted(by_person.items()):
        roles = [_role(d.text) for _, d in items]  # each description read once, compared with many
        for i, (art_a, da) in enumerate(items):
            ha, na, oa = roles[i]
            for (art_b, db), (hb, nb, ob) in zip(items[i + 1 :], roles[i + 1 :], strict=True):
                if art_a == art_b:
                    continue
                if not ha or ha != hb:
                    continue
                if (na and nb and not na & nb) or (oa and ob and not oa & ob):
                    sides = tuple(
                        Side(
                            (art,),
                            (Evidence(art, d.span, d.text, d.caption),),
                            (report_of.get(art, art),),
                            text=d.text,
                            speaker=d.name,
                        )
                        for art, d in ((art_a, da), (art_b, db))
                    )
                    cid = content_hash(f"attr|{person}|{da.text}|{db.text}")
                    about = f"how {da.name} is described"
                    note = "the same role with a different employer or nationality"
                    kind = ContradictionKind.ATTRIBUTION
                    out.append(Contradiction(cid, kind, about, Severity.MEDIUM, sides, note))
    return tuple(out)


def explicit_updates(groups: Sequence[ClaimGroup], report_of: Mapping[str, str] | None) -> list[Update]:
    """Figures a sentence says replace an earlier one ("rose to 1,900 from 1,200"): the earlier side is
    everything aligned with the old figure of that sentence."""
    where: dict[tuple[str, int | None, int, float], tuple[ClaimGroup, int]] = {}
    for g in groups:
        for k, u in enumerate(g.units):
            if u.quantity is not None:
                where[(u.article_id, u.caption, u.span.start, u.quantity.value)] = (g, k)
    out: list[Update] = []
    for g in groups:
        for u in g.units:
            if u.revised_from is None:
                continue
            found = where.get((u.article_id, u.caption, u.span.start, u.revised_from))
            if found is None:
                continue
            old_group, k = found
            mapping = report_of if report_of is not None else dict(old_group.reports_by_article)
            side_of = _sides_by_value(old_group)
            earlier = [v for j, v in enumerate(old_group.units) if side_of[j] == side_of[k]]
            e = _side(earlier, mapping, ClaimKind.FIGURE)
            lt = _side([u], mapping, ClaimKind.FIGURE)
            uid = content_hash(f"{old_group.id}|{e.value}|{lt.value}|{u.article_id}")
            out.append(Update(uid, _about(g), e, lt))
    return out


def find_contradictions(
    groups: Sequence[ClaimGroup],
    report_of: Mapping[str, str] | None = None,
    descriptions: Sequence[tuple[str, Description]] = (),
) -> tuple[tuple[Contradiction, ...], tuple[Update, ...]]:
    """Contradictions within aligned groups (and between descriptions of one person), and updates."""
    contradictions: list[Contradiction] = []
    updates: list[Update] = []
    for group in groups:
        mapping = report_of if report_of is not None else dict(group.reports_by_article)
        found, revised = _group_contradiction(group, mapping)
        if found is not None:
            contradictions.append(found)
        updates.extend(revised)
    contradictions = _one_per_statement(contradictions)
    contradictions.extend(attribution_contradictions(descriptions, report_of or {}))
    updates.extend(explicit_updates(groups, report_of))
    return tuple(contradictions), tuple(dict.fromkeys(updates))


def _statement_key(c: Contradiction) -> tuple[frozenset[frozenset[str]], str] | None:
    """The articles on each side and the one named speaker of a reworded quotation, or None."""
    if c.kind is not ContradictionKind.QUOTE or c.severity is not Severity.LOW or len(c.sides) != 2:
        return None
    speakers = {_surname(s.speaker) for s in c.sides if s.speaker}
    if len(speakers) != 1:
        return None
    return frozenset(frozenset(s.article_ids) for s in c.sides), speakers.pop()


def _surname(name: str) -> str:
    return name.split()[-1].lower()


def _one_per_statement(found: list[Contradiction]) -> list[Contradiction]:
    """Reworded quotations of one speaker between the same articles are one statement translated or
    retold twice, one disagreement with every sentence as evidence ('Our country has reached the edge
    of the abyss. It is the responsibility of us all ...' / 'Our country is on the edge of the abyss.
    We are all responsible ...'), not one per sentence."""
    out: list[Contradiction] = []
    first: dict[tuple[frozenset[frozenset[str]], str], int] = {}
    for c in found:
        key = _statement_key(c)
        if key is None or key not in first:
            if key is not None:
                first[key] = len(out)
            out.append(c)
            continue
        kept = out[first[key]]
        more = {frozenset(s.article_ids): s.evidence for s in c.sides}
        sides = tuple(
            replace(s, evidence=tuple(dict.fromkeys(s.evidence + more[frozenset(s.article_ids)])))
            for s in kept.sides
        )
        out[first[key]] = replace(kept, sides=sides)
    return out
