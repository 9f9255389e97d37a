"""The lines above an article that say who wrote it and when: bylines and date lines, as pages print
them.

Pass 1 of the cleaner (:mod:`corroborator.extract.text`) reads each line alone and collects what it
finds here (:class:`Found`): every byline and date line as a candidate with its place, so that of
several the one nearest the headline wins (:func:`nearest`; a menu's columnists and a sidebar's dates
lose). The forms: "By Name", "By" or "Author:" on a line of its own before the name, a link to the
author's page, "By Name - 11/19/19", "... 7:45 am PST by Name", "Posted by Name on <date>", a post line
of a date and an author link, and the name alone under the headline beside a date line
(:func:`name_line`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from corroborator.extract import metadata as meta
from corroborator.extract.boilerplate import word_count
from corroborator.extract.markup import Unit, unmark
from corroborator.models import RemovalReason

R = RemovalReason

# A date line or byline read in pass 1: the reason its unit was cut, its place among the units cut for
# that reason (which the later passes keep, in order, while they rejoin kept units), and the value.
Candidate = tuple[RemovalReason, int, str]


@dataclass(frozen=True, slots=True)
class Found:
    """Metadata and captions collected while judging units."""

    byline: str | None = None
    published: str | None = None
    updated: str | None = None
    readings: tuple[str, ...] = ()  # of the first dateline that may be read two ways
    url: str | None = None
    stated_outlet: str | None = None
    datelines: tuple[Candidate, ...] = ()  # every published-kind date line read
    bylines: tuple[Candidate, ...] = ()  # every byline read


_AUTHOR_PATH = (
    r"[^)\s]*/(?:authors?|writers?|profiles?|people|person|staff|contributors?|columnists?|journalists?"
    r"|reporters?|byline)/[^)\s]*"
)
_AUTHORLINK = re.compile(
    rf"^(?:#{{1,6}}\s+)?(?:[-*+]\s+)?(?:by\s+)?\[(?P<name>[^\]!]+)\]\((?P<href>{_AUTHOR_PATH})\)"
    r"(?:\s*\[[^\]]*\]\([^)\s]*\))*$",  # the outlet's link after it: "By [Name](/person/..)[FOX](/)"
    re.IGNORECASE,
)
# a writer's name linked, then their handle: "[Natasha Turak](https://example.com/natasha-turak/)[@NatashaTurak](..)"
_NAME_AND_HANDLE = re.compile(r"^\[(?P<name>[^\]!]+)\]\([^)\s]*\)\s*\[@\w+\]\([^)\s]*\)$")
AUTHOR_ANYWHERE = re.compile(rf"\[(?P<name>[^\]!]+)\]\({_AUTHOR_PATH}\)", re.IGNORECASE)
# a line opening with a link to an author's page, or to nothing as scraped text leaves it ("[Ann
# Brook](#)"); not a commenter's link to their own site
AUTHOR_FIRST = re.compile(rf"^\s*\[[^\]!]+\]\((?:#|{_AUTHOR_PATH})\)", re.IGNORECASE)
BYLINE_HEAD = re.compile(r"^\s*by\s+[^-–—|•·]{2,60}?\s+[-–—|•·]\s+", re.IGNORECASE)
BY_TAIL = re.compile(r"\bby\s+(?P<names>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s*$")


def author_link(unit: Unit) -> str | None:
    """The name of a line that is only a link to an author's page ("[Catherine Shu](.../author/...)"),
    perhaps a heading, without a role after a dash ("Tim Childers - Live Science Contributor"), or
    a name linked with the writer's handle after it ("[Natasha Turak](..)[@NatashaTurak](..)")."""
    m = _AUTHORLINK.match(unit.raw.strip()) or _NAME_AND_HANDLE.match(unit.raw.strip())
    if m is None:
        return None
    name = re.split(r"\s+[-–—|]\s+|,\s+", unmark(m.group("name")))[0].strip()
    name = re.sub(r"^by\s+", "", name, flags=re.IGNORECASE)  # "[by India Post News Weekly](../author/..)"
    return meta.parse_byline("By " + name) if len(name.split()) >= 2 else None


def trailing_by(text: str) -> str | None:
    """The name after "by" ending a date line ("Monday November 18, 2019 7:45 am PST by Joe Rossignol")."""
    m = BY_TAIL.search(text)
    return meta.parse_byline("By " + m.group("names")) if m else None


def candidate(reasons: list[RemovalReason | None], i: int, value: str) -> Candidate:
    """``value``, read from unit ``i`` (already cut), as a candidate."""
    reason = reasons[i]
    assert reason is not None
    return reason, sum(r is reason for r in reasons[:i]), value


def with_byline(found: Found, reasons: list[RemovalReason | None], i: int, names: str) -> Found:
    """``found`` with one more byline candidate, read from unit ``i`` (cut as a byline or a date line)."""
    return replace(
        found, byline=found.byline or names, bylines=(*found.bylines, candidate(reasons, i, names))
    )


def nearest(reasons: list[RemovalReason | None], candidates: Sequence[Candidate]) -> str | None:
    """Of several candidates, the value of the one nearest the article's start: its title, else its
    first kept paragraph; one before it counts three times as far (a page scraped whole also shows
    today's date in its header, other stories' dates in sidebars, its columnists in menus)."""
    at: dict[RemovalReason | None, list[int]] = {}
    for i, r in enumerate(reasons):
        at.setdefault(r, []).append(i)
    placed = [(at[r][k], value) for r, k, value in candidates if k < len(at.get(r, ()))]
    if not placed:
        return None
    start = next((i for i, r in enumerate(reasons) if r is R.TITLE), None)
    if start is None:
        start = next((i for i, r in enumerate(reasons) if r is None), 0)
    return min(placed, key=lambda d: d[0] - start if d[0] > start else 3 * (start - d[0]) + 0.5)[1]


# a line that only announces the byline on the next: "By", "Author:"
LONE_BY = frozenset(("by", "author", "authors", "written by", "words"))
BY_CUE = re.compile(r"(?:posted |written |published )?by\s", re.IGNORECASE)


_STAMP_LABEL = re.compile(r"(?:updated|published|posted|last updated)\s*:?", re.IGNORECASE)


# capitalised words a headline has and no name does
_DEK_WORDS = re.compile(r"\b(?:With|In|Of|To|For|On|After|Over|From|Into|Is|Are|Was|Were|Says|Said)\b")


def name_line(units: list[Unit], reasons: list[RemovalReason | None], found: Found) -> Found:
    """A byline written as the writer's name alone, with no "By": the first line kept after the title,
    when a date line stands right before or after it (perhaps after an "Updated" label): "Tom
    Krisher, AP Auto Writer" then "Updated" then the date."""
    title = next((i for i, r in enumerate(reasons) if r is R.TITLE), None)
    if title is None:
        return found
    i = next((k for k in range(title + 1, min(title + 4, len(units))) if reasons[k] is None), None)
    if i is None or word_count(units[i].text) > 10 or units[i].text.rstrip().endswith((".", "!", "?", ":")):
        return found
    if _STAMP_LABEL.fullmatch(units[i].text.strip()):
        return found  # "Updated" is no one's name
    line = units[i].text.strip()
    if _DEK_WORDS.search(line):
        return found  # a headline's dek in title case: "Driver Charged With DWI, Vehicular Manslaughter"
    names = meta.parse_byline("By " + line)
    if names is None and line.startswith("The ") and meta.parse_byline("By " + line[4:]):
        names = line  # "The Associated Press"
    after = [k for k in (i + 1, i + 2) if k < len(units)]
    labelled = (
        bool(after) and reasons[after[0]] is None and _STAMP_LABEL.fullmatch(units[after[0]].text.strip())
    )
    if labelled:
        reasons[after[0]] = R.DATELINE  # a lone "Updated" before the date
    date_at = after[1:2] if labelled else after[:1]  # the date line after the name (and its label)
    dated = reasons[i - 1] is R.DATELINE or any(reasons[k] is R.DATELINE for k in date_at)
    if names is None or not dated:
        return found
    reasons[i] = R.BYLINE
    return with_byline(found, reasons, i, names)
