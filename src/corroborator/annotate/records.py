"""Win-loss records and knockout counts: the figures of sports copy that look like ranges.

"Klitschko (52-3, 46 KOs)", "Rahman, 45-7-2, 36 KO's,", "improving their record to 7-6", "a 38-44
mark": a record is the count of wins, of losses (and of draws), each a figure of its own that a reader
checks. :mod:`corroborator.annotate.quantities` leaves such pairs alone (a range runs upwards, a
record need not); this module reads them where the text says they are records: in brackets or set off
by commas after a name (with the knockouts), by the word "record" or "mark", after "improved to",
"fell to" and the like, or after a name and "is" or "was" when what follows says so ("Cleveland was
20-3 at the time"). A pair that could be a range ("10-15 people"), a score ("a 3-1 win", "were 2-0
up") or a vote is not read here.
"""

from __future__ import annotations

import re

from corroborator.models import Quantity, QuantityKind, Span

_RECORD = r"(?P<w>\d{1,3})-(?P<l>\d{1,3})(?:-(?P<d>\d{1,3}))?(?![\d-])"
_RECORDS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"(?<=[A-Za-z’'] )\({_RECORD}(?=\s*[,;)])",  # "Klitschko (52-3, 46 KOs)"
        rf"(?<=[a-z]), {_RECORD}(?=, \d{{1,3}} ?KO)",  # "Klitschko, 53-3, 47 KO's,"; not a score ", 45-17,"
        r"\b(?:record|mark)\s+(?:(?:of|to|at|is|was|now|stands\s+at|stood\s+at|improved\s+to|fell\s+to"
        rf"|dropped\s+to)\s+)?{_RECORD}",  # "improving their record to 7-6"
        rf"\b{_RECORD}(?=\s+(?:record|mark)\b)",  # "a 38-44 mark"
        r"\b(?:improv(?:ed|es|ing)|fell|falls|dropp(?:ed|ing)|drops|mov(?:ed|es)|went|slipped|climbed)"
        rf"\s+to\s+{_RECORD}",  # "improves to 58-3"
        # "Cleveland was 20-3 at the time"; not "Liverpool were 2-0 up" (a score)
        rf"\b[A-Z][\w'’.-]*[a-z] (?:is|are|was|were) {_RECORD}"
        r"(?=[.,;)]|\s+(?:on|in|this|overall|at home|on the road|against|since|with|and|after|before"
        r"|entering|heading|at the time)\b)",
    )
)
# "46 KOs", "47 KO's" beside a record: the capitals read as no count noun elsewhere
_KNOCKOUTS = re.compile(r"(?<=[,(] )(?P<n>\d{1,3}) (?:KO's|KO’s|KOs|KO)\b")
PARTS = ("w", "l", "d")  # wins, losses, draws: the groups of a record, in order


def find_records(text: str, *, caption: int | None = None) -> tuple[Quantity, ...]:
    """The wins, losses and draws of every record in ``text`` (each its own figure, its span the
    digits) and knockout counts beside them, in order."""
    found: dict[int, Quantity] = {}
    for pattern in _RECORDS:
        for m in pattern.finditer(text):
            for part in PARTS:
                if m.group(part) is not None and m.start(part) not in found:
                    found[m.start(part)] = _count(text, m.start(part), m.end(part), caption)
    for m in _KNOCKOUTS.finditer(text):
        found.setdefault(m.start("n"), _count(text, m.start("n"), m.end(), caption))
    return tuple(found[k] for k in sorted(found))


def record_part(text: str, q: Quantity) -> str | None:
    """Which part of a record a figure :func:`find_records` read is ("wins", "losses", "draws"), or
    None for any other figure."""
    if not q.text.isdigit() or "-" not in text[max(0, q.span.start - 1) : q.span.end + 1]:
        return None
    for m in _DIGITS.finditer(text, max(0, q.span.start - 8), q.span.end + 8):
        for part, name in zip(PARTS, ("wins", "losses", "draws"), strict=True):
            if m.group(part) is not None and m.start(part) == q.span.start:
                return name
    return None


_DIGITS = re.compile(rf"(?<![\d-]){_RECORD}")


def _count(text: str, start: int, end: int, caption: int | None) -> Quantity:
    value = float(text[start:end].split()[0])  # "52", or the 46 of "46 KOs"
    return Quantity(text=text[start:end], span=Span(start, end), value=value, unit="count",
                    kind=QuantityKind.COUNT, caption=caption)  # fmt: skip
