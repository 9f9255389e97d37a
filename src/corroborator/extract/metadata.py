"""Metadata stated in an article's text: dates, bylines, canonical URLs and the outlet's name.

Every function here reads what the text *states*; nothing is guessed. A date line becomes an ISO
date only when it is a complete calendar date; a byline only when it has the shape of names; an
outlet only when a URL host is known (``data/outlets.tsv``), or the text names an outlet whose
letters spell the host's registered label, or a footer states it ("Source: ...", "© 2023 ...").
Used by the plain-text cleaner and reusable by the HTML extractor.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib import resources
from types import MappingProxyType
from urllib.parse import urlsplit

from corroborator.vocab import NAME_PARTICLES, word_set

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERNS = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+|-)(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(
        r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
    ),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<month>\d{1,2})/(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)\.\s?(?P<month>\d{1,2})\.\s?(?P<day>\d{1,2})\b"),
    # dots are the day-first convention ("08.07.2012", scraped "08. 07. 2012": 8 July); slashes are
    # written both ways
    re.compile(r"\b(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
)
# On a dateline only (a fraction-like "1/2/34" in a sentence is not a date): "12/16/08".
_SHORT_YEAR = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<yy>\d\d)\b")
# What may surround a date on a dateline: labels, weekdays, times and time zones (words are
# compared lower-cased; numbers separately: hours, minutes, offsets and "hhmm" times).
_DATE_WORDS = word_set(
    "published updated posted last modified date dated on at first original originally created story edited"
    " time"
    " am pm hrs h z gmt utc uk bst cet cest eet eest wet west msk"
    " et ct mt pt est edt cst cdt mst mdt pst pdt akst akdt hst aest aedt acst acdt awst nzst nzdt"
    " ist pkt sgt hkt jst kst wib sast eat wat cat mon monday tue tues tuesday wed wednesday"
    " thu thur thurs thursday fri friday sat saturday sun sunday article"
)
_MONTH_NAMES = word_set(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september"
    " oct october nov november dec december"
)

# North American zones: a line naming one writes numeric dates month first ("05/03/2013 ... EDT").
_MONTH_FIRST_ZONES = word_set("et ct mt pt est edt cst cdt mst mdt pst pdt akst akdt hst")
_CLOCK = re.compile(r"(\d)\s*:\s+(\d\d)")  # "5: 03" (a space crept in) -> "5:03"
_MERIDIEM = re.compile(r"\b([ap])\.\s?m\.", re.I)  # "p. m." -> "pm"
_UPDATED = re.compile(r"\b(?:updated|modified)\b", re.I)
_PUBLISHED = re.compile(r"\b(?:published|posted|first published|created)\b", re.I)


def find_date(text: str) -> str | None:
    """The first complete calendar date written anywhere in ``text``, as ISO ``YYYY-MM-DD``."""
    return _dates(text, _DATE_PATTERNS)[0]


def _dates(
    text: str, patterns: tuple[re.Pattern[str], ...], month_first: bool = False
) -> tuple[str | None, str]:
    """The first complete date in ``text`` by position (ISO), and ``text`` with every complete date
    blanked out (a pattern does not match inside a date an earlier pattern read)."""
    found: tuple[int, str] | None = None
    rest = text
    for pattern in patterns:
        for m in pattern.finditer(rest):
            iso = _iso(m, month_first)
            if iso is None:
                continue
            if found is None or m.start() < found[0]:
                found = (m.start(), iso)
            rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    return (found[1] if found else None), rest


def parse_date_line(line: str) -> str | None:
    """ISO date of a line that is only a date ("October 14, 2023", "Published 14 Oct 2023, 10:02 GMT",
    "12: 52 p. m. EDT May 2, 2013", "Posted: 05/02/07, 9:00 PM PDT |").

    ``None`` when the line says anything more than dates, their labels and words in capitals (the
    place and agency of a news dateline: "WASHINGTON, DC, April 28, 2009"), so a sentence that
    mentions a date is never taken for a dateline. A numeric date with slashes whose day and month
    could be swapped is read month first only when the line names a North American time zone; one
    with dots is day first.
    """
    return read_dateline(line)[0]


def is_dateline(line: str) -> bool:
    """Whether a line is only a date or a time and their labels, even one whose date cannot be read
    for sure ("11/09/2010": which is the month?, "Jul. 7 5: 59 PM EDT": which year?, "8: 24am:")."""
    return read_dateline(line)[1]


_TIME = re.compile(r"\b\d{1,2}:\d\d(?:\s*[ap]m)?\b|\b\d{1,2}\s*[ap]m\b", re.I)


def _normalised(line: str) -> str:
    """A date line with the stray spaces of scraped times closed ("5: 03" -> "5:03", "p. m." -> "pm"),
    what pages glue together opened ("Nov. 20, 2019Updated:", "ESTUpdated", "Nov 20 20194:29 AM"), a
    share widget's link after the date dropped ("18.11.2019Get short URL"), a
    month abbreviated before its full name dropped ("Nov.November 18, 2019") and so is a closing stamp
    relative to the reading ("9:08 GMT1 day ago")."""
    line = _GLUED_STAMP.sub(r"\1 \2", _SHARE_TAIL.sub("", line.strip()))
    line = _GLUED_TIME.sub(r"\1 \2", _MONTH_TWICE.sub("", _AGO_TAIL.sub("", line)))
    return _MERIDIEM.sub(r"\1m", _CLOCK.sub(r"\1:\2", line))


# a stamp glued to what stands before it: "2019Updated", "ESTUpdated"
_GLUED_STAMP = re.compile(r"([\dA-Z])((?:Updated|Published|Posted|Modified)\b)")
# a share widget's link text after the date: "21:17 18.11.2019Get short URL"
_SHARE_TAIL = re.compile(r"(?<=\d)\s*(?:get short url|short url|share(?: this)?|print|e-?mail)$", re.I)
# the year glued to the time: "Nov 20 20194:29 AM"
_GLUED_TIME = re.compile(r"\b((?:19|20)\d\d)(\d{1,2}:\d\d)")
# a stamp relative to when the page was read: "Published 1 day ago", "Updated 3 hours ago"
_AGO = (
    r"(?:(?:first |last )?(?:published|updated|posted|modified)\s*:?\s*)?(?:about |an? |\d+\s*)"
    r"(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago"
)
AGO_STAMP = re.compile(_AGO, re.IGNORECASE)
_AGO_TAIL = re.compile(rf"\s*{_AGO}\s*$", re.IGNORECASE)
_MONTH_TWICE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?=(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\b)"
)
# the names before a date on one line: "Posted by Ann Brook on November 19, 2019", "Ann Brook - Nov 19,
# 2019", "Ann Brook November 19, 2019, 07:47 PM EST"
_NAMES_BEFORE = re.compile(
    r"^(?:(?:posted|written|published)\s+by\s+|by\s+)?(?P<names>.+?)\s*(?:\bon\b|[-–—|•·,])?\s*$", re.I
)


def named_dateline(line: str) -> tuple[str, str] | None:
    """(the writers' names, the date line after them) of a line that puts a byline before its date
    ("Posted by Ann Brook on November 19, 2019, 6:21 AM EST"), else ``None``. The names need two
    words or more: "LONDON - Nov 19, 2019" is a place."""
    text = _normalised(line)
    starts = [m.start() for pattern in _DATE_PATTERNS[:2] if (m := pattern.search(text))]
    if not starts or min(starts) == 0:
        return None
    head, dated = text[: min(starts)], text[min(starts) :]
    head = re.sub(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*$", "", head, flags=re.I).strip()
    m = _NAMES_BEFORE.match(head)
    if m is None or not read_dateline(dated)[1]:
        return None
    names = parse_byline("By " + m.group("names"))
    if names is None or len(names.split()) < 2:
        return None
    return names, dated


# the outlet a dateline ends with, set off by a spaced slash or bar: "November 19, 2019 / 10:07 AM / CBS News"
_OUTLET_TAIL = re.compile(r"\s[/|]\s+(?:[A-Z][\w&.'’-]*\s?){1,4}$")
_DIGIT = re.compile(r"\d")


def read_dateline(line: str) -> tuple[str | None, bool]:
    """(the ISO date of a dateline, whether the line is a dateline at all): :func:`parse_date_line`
    and :func:`is_dateline` in one reading."""
    if len(line) > 400 or not _DIGIT.search(line):
        return None, False  # a date and a time alone both have digits; most lines of a text have none
    text = _OUTLET_TAIL.sub("", _normalised(line))
    if not text or len(text) > 80:
        return None, False
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    month_first = any(w in _MONTH_FIRST_ZONES for w in words)
    found, rest = _dates(text, (*_DATE_PATTERNS, _SHORT_YEAR), month_first)
    if found is None:  # a date that cannot be read for sure, or a time alone, still makes a dateline
        either, rest = _dates(text, (*_DATE_PATTERNS, _SHORT_YEAR), month_first=True)
        if either is None and not _TIME.search(rest):
            return None, False
        rest = _TIME.sub(" ", rest)
        rest = " ".join(w for w in rest.split() if w.strip(".,").lower() not in _MONTH_NAMES)  # "Jul. 7"
    for token in re.findall(r"[A-Za-z]+|\d+", rest):
        if token.isdigit():
            if len(token) <= 2 or (len(token) == 4 and int(token[:2]) < 24 and int(token[2:]) < 60):
                continue
            return None, False
        if token.lower() not in _DATE_WORDS and not (len(token) > 1 and token.isupper()):
            return None, False  # a word in capitals is the place or the agency: "WASHINGTON, DC, ..."
    return found, True


# numeric dates whose day and month may be either: "11/09/2010", "8/2/13"
_SWAPPABLE = (_DATE_PATTERNS[-1], _SHORT_YEAR)


def dateline_readings(line: str) -> tuple[str, ...]:
    """The two dates (ISO, month first then day first) of a dateline whose first date is numeric with
    day and month both 12 or less ("11/09/2010", "8/2/13 at 1: 30 PM"); () for any other line.
    Something else must say which it is (the URL's month)."""
    if not read_dateline(line)[1]:
        return ()
    text = _normalised(line)
    found = min((m for p in _SWAPPABLE for m in p.finditer(text)), key=lambda m: m.start(), default=None)
    if found is None:
        return ()
    a, b = int(found.group("a")), int(found.group("b"))
    if a == b or a > 12 or b > 12:
        return ()
    year = _year(found.groupdict())
    try:
        return (date(year, a, b).isoformat(), date(year, b, a).isoformat())
    except ValueError:
        return ()


_URL_MONTH = re.compile(r"(?<![\d])(?P<year>(?:19|20)\d\d)/(?P<month>0?[1-9]|1[0-2])(?=/|$)")


def url_month(url: str) -> str | None:
    """The year and month a URL's path states as ``/2010/09/`` (``"2010-09"``), if any."""
    m = _URL_MONTH.search(urlsplit(url).path)
    return f"{m.group('year')}-{int(m.group('month')):02d}" if m else None


# A date in a URL's path: /2013/05/03/, /2009/apr/28/, 2010-05-05-greece, /20130914/, _2013_09_14_,
# ymd=20081216. Only a whole date: /2008/12/ (a month) is none.
_URL_DATE = re.compile(
    r"(?<![\d])(?P<year>(?:19|20)\d\d)(?P<sep>[/_-]?)(?P<month>0[1-9]|1[0-2]|[1-9](?=/)|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?P=sep)(?P<day>0[1-9]|[12]\d|3[01]|[1-9](?=/))(?![\d])",
    re.I,
)


def url_date(url: str) -> str | None:
    """The publication date a URL's path states (ISO), if it holds a whole one; its host is skipped."""
    parts = urlsplit(url)
    for m in _URL_DATE.finditer(f"{parts.path}?{parts.query}"):
        month = m.group("month")
        if not m.group("sep") and not (month.isdigit() and len(m.group("day")) == 2):
            continue  # without separators only "20130914": not "2009apr28", not "2012127/"
        number = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
        try:
            return date(int(m.group("year")), number, int(m.group("day"))).isoformat()
        except ValueError:
            continue
    return None


def dateline_kind(line: str) -> str:
    """``"updated"`` when the line's first date is labelled as an update ("Updated Dec 19, 2008",
    "Last Updated: Monday, 28 November 2005"), else ``"published"`` ("21 July 2013 Last updated at
    11:11 GMT" and "Monday, Sep 10, 2012 | Updated 9:01 AM" date the publication and time an update)."""
    starts = [
        m.start()
        for pattern in (*_DATE_PATTERNS, _SHORT_YEAR)
        for m in pattern.finditer(line)
        if _iso(m, month_first=True) is not None
    ]
    label = line[: min(starts)] if starts else line
    if _UPDATED.search(label) and not _PUBLISHED.search(label):
        return "updated"
    return "published"


_PUBLISHED_LATER = re.compile(
    r"\b(?:original(?:ly)?(?:\s+published)?|(?:first\s+)?published|posted)\b\s*:?", re.IGNORECASE
)


def published_after_update(line: str) -> str | None:
    """The publication date an update line gives after its update ("Updated Nov. 19, 2019 8:21 am ET
    / Original Nov. 19, 2019 8:02 am ET"), if any (ISO)."""
    if dateline_kind(line) != "updated" or (label := _PUBLISHED_LATER.search(line)) is None:
        return None
    return find_date(line[label.end() :])


def _year(groups: Mapping[str, str | None]) -> int:
    """The year of a date match: four digits, or two ("12/16/08": 1970-2069)."""
    yy = groups.get("yy")
    if yy is not None:
        return 2000 + int(yy) if int(yy) < 70 else 1900 + int(yy)
    return int(groups["year"] or 0)


def _iso(m: re.Match[str], month_first: bool = False) -> str | None:
    groups = m.groupdict()
    year = _year(groups)
    if groups.get("mon"):
        month, day = _MONTHS[groups["mon"][:3].lower()], int(groups["day"])
    elif groups.get("month"):
        month, day = int(groups["month"]), int(groups["day"])
    else:  # d/m/y or m/d/y: only when unambiguous (or the same either way, or a US time zone says)
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            month, day = b, a
        elif b > 12 >= a or a == b or month_first:
            month, day = a, b
        else:
            return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# A blog's post line: "On behalf of Jo Banks, Esq. posted in Pedestrian Accidents on Wednesday,
# September 18, 2013.", "Posted in News on March 3, 2013 by admin": a category (words in capitals,
# "and", "of", "the"), then a date that ends the line (a poster's name may follow)
_POSTED_IN = re.compile(
    r"\b(?i:posted|filed) (?i:in|under) (?P<cat>[A-Z][\w'’\-]*)(?:,? (?:[A-Z][\w'’\-]*|and|&|of|the)){0,5}"
    r" on (?P<date>[^.]+?(?:19|20)\d\d)"
    r"(?: (?i:by) [\w.,'’\- ]{1,60})?\.?\s*$"
)


def posted_in_date(line: str) -> str | None:
    """The date of a blog's post line ("... posted in Hit and Run Accidents on Friday, September 20,
    2013."), ISO; None for any other line."""
    m = _POSTED_IN.search(line)
    if m is None or len(line.split()) > 30 or m.group("cat").lower() in _MONTH_NAMES:
        return None  # not "posted in March on April 2, 2013"
    return parse_date_line(m.group("date"))


# ---------------------------------------------------------------------------------------------- bylines

_BYLINE = re.compile(
    r"^(?:by|(?:written|words|story|analysis|opinion|commentary|review|reporting|text|interview|posted)\s+by"
    r"|author:?)\s*:?\s+(?P<names>.+?)\s*$",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*")
_NAME_TOKEN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*|[A-Z]\.|\w*[A-Z]\w*")


def parse_byline(line: str) -> str | None:
    """The names of a byline line ("By Jane Doe and John Roe", "By AFP"), as printed; else ``None``."""
    m = _BYLINE.match(line.strip())
    if m is None:
        return None
    names = m.group("names").strip(" .,:;|-–—")
    # "By Jane Doe | October 14, 2023": keep the names, the date is a dateline of its own
    names = re.split(r"\s+(?:\||•|·|—|–|-)\s+", names)[0].strip()
    half = names.split()
    if len(half) % 2 == 0 and half[: len(half) // 2] == half[len(half) // 2 :]:
        names = " ".join(half[: len(half) // 2])  # "Sean Martin Sean Martin": a name linked twice
    parts = [p for p in _NAME_SPLIT.split(names) if p]
    if not parts or len(names.split()) > 12:
        return None
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 5:
            return None
        for word in words:
            if word.lower() in NAME_PARTICLES or word.lower() in ("for", "in", "at", "the"):
                continue
            if not _NAME_TOKEN.fullmatch(word):
                return None
    if parts[0].split()[0].lower() in ("for", "in", "at", "the"):
        return None
    return _without_role(names)


# what follows a writer's name after a comma in a byline: their role or their outlet
_ROLE_TAIL = re.compile(
    r",\s+(?:[^,]*\b(?:writer|correspondent|reporter|editor|columnist|contributor|staff|bureau|chief|producer"
    r"|analyst|editor-at-large)\b[^,]*|(?:the\s+)?(?:associated\s+press|reuters|afp|ap|upi|bloomberg|cnn|bbc"
    r"|dpa|efe|ansa|pti|ians|xinhua|tass|press\s+association|agence\s+france-presse)(?:\s+\w+)?)\s*$",
    re.IGNORECASE,
)


def _without_role(names: str) -> str:
    """A byline without the writer's role or agency after a comma ("Tom Krisher, AP Auto Writer",
    "Meg Kinnard and Errin Haines, Associated Press"): the names only."""
    cut = _ROLE_TAIL.sub("", names).strip(" ,")
    return cut or names


# ---------------------------------------------------------------------------------------------- URLs

_URL = re.compile(r"https?://[^\s<>()\"'\]]+[^\s<>()\"'\].,;:!?]")
_URL_CUE = re.compile(
    r"^\s*(?:original\s+url|source\s+url|canonical(?:\s+url)?|url|link|source|originally\s+published\s+at"
    r"|read\s+(?:it\s+)?(?:online|the\s+original)(?:\s+at)?)\s*:",
    re.I,
)


def url_in(text: str) -> str | None:
    """The first http(s) URL in ``text``."""
    m = _URL.search(text)
    return m.group(0) if m else None


def is_url_cue(line: str) -> bool:
    """A footer label announcing the page's address ("Original url:", "Source:")."""
    return bool(_URL_CUE.match(line))


def is_bare_url(line: str) -> bool:
    """A line that is nothing but a URL (possibly as a ``<...>`` autolink)."""
    return bool(_URL.fullmatch(line.strip().strip("<>")))


# ---------------------------------------------------------------------------------------------- outlets

_GENERIC_SUBDOMAINS = word_set(
    "www www1 www2 www3 m mobile amp news edition en int uk us eu world www-en beta blog blogs static cdn"
)
_SECOND_LEVEL = word_set("co com net org gov ac edu ne or go gob nic")
_STATED_OUTLET = re.compile(
    r"^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*[-–]?\s*(?:\d{4})?\s*)?(?P<a>[A-Z][^.;|]{1,60}?)"
    r"(?:[.,;|]|\s+all rights reserved|$)"
    r"|^\s*(?:this\s+(?:article|story)\s+(?:was\s+)?(?:first|originally)\s+(?:appeared|published)\s+(?:in|on|by)"
    r"|originally\s+published\s+(?:in|on|by)|source)\s*:?\s+(?P<b>(?:the\s+)?[A-Z][^.;|:/]{1,60}?)\s*\.?\s*$",
    re.I,
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’&.-]*(?:\s+(?:(?:of|and|&|the|de|la|for)\s+)?[A-Z][\w'’&.-]*)*")


def outlets_tsv() -> str:
    """The text of ``data/outlets.tsv``: one ``host<TAB>outlet name`` a line."""
    return resources.files("corroborator").joinpath("data", "outlets.tsv").read_text(encoding="utf-8")


def load_outlets(text: str | None = None) -> Mapping[str, str]:
    """Host -> outlet name, from ``data/outlets.tsv`` (or the given TSV text). Read-only.

    For many lookups (the HTML extractor over a crawl), load once and pass the table around.
    """
    if text is None:
        text = outlets_tsv()
    table: dict[str, str] = {}
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        host, _, name = raw.partition("\t")
        if name.strip():
            table[host.strip().lower()] = name.strip()
    return MappingProxyType(table)


@cache
def _outlet_names() -> Mapping[str, str]:
    """Each known outlet's name, keyed by its words in lower case without a leading "the"."""
    return MappingProxyType({_name_key(n): n for n in load_outlets().values()})


def _name_key(name: str) -> str:
    return " ".join(name.lower().removeprefix("the ").split())


def is_known_outlet(name: str) -> bool:
    """Whether a name is a known outlet's, "the" or not ("Hollywood Reporter")."""
    return _name_key(name) in _outlet_names()


def known_outlet_name(name: str) -> str:
    """A known outlet's name as the table writes it ("The Hollywood Reporter" for "Hollywood
    Reporter"), else ``name`` as written."""
    return _outlet_names().get(_name_key(name), name)


def listener_name(told: str, own_outlet: str | None = None) -> str:
    """The name of an outlet someone spoke to, as the outlet writes it: the article's own outlet for
    the short name it calls itself by ("told the Daily News", "told the News" in the New York Daily
    News; "told Access" in Access Hollywood, unless those first words name an outlet), else a known
    outlet of two words or more ("The New York Times" for "told the New York Times"; "told the
    Times" may be any of several). Any other listener stays as written."""
    key = _name_key(told)
    own = _name_key(own_outlet or "").split()
    words = key.split()
    known = _outlet_names().get(key) if len(words) >= 2 else None
    if own_outlet and 0 < len(words) <= len(own) and own[-len(words) :] == words:
        return own_outlet
    if own_outlet and 0 < len(words) < len(own) and own[: len(words)] == words and known is None:
        return own_outlet  # its first words, unless they name an outlet ("Business Insider" Deutschland)
    return known or told


def host_of(url: str) -> str | None:
    """Lower-case host of a URL without ``www.``-style prefixes."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host.lower())


def registered_label(host: str) -> str:
    """The label a site registered: ``exampleherald`` for ``news.exampleherald.co.uk``."""
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else parts[0]


def outlet_from_url(url: str, table: Mapping[str, str] | None = None) -> str | None:
    """The outlet a known host belongs to (sub-domains fall back to their parent domain).

    Without a loaded ``table`` the TSV text is searched directly, which is cheaper for one lookup.
    """
    host = host_of(url)
    if host is None:
        return None
    tsv = "\n" + outlets_tsv() if table is None else ""
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        name = table.get(candidate) if table is not None else _tsv_value(tsv, candidate)
        if name:
            return name
    return None


def host_labels(host: str) -> list[str]:
    """Labels that may name the site: the registered one first, then distinctive sub-domains.

    ``["exampleherald"]`` for ``news.exampleherald.co.uk``; a site hosted under a shared domain
    (``herald.example.com``, ``herald.substack.com``) is named by its sub-domain.
    """
    parts = host.split(".")
    suffix = 2 if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2 else 1
    labels = [registered_label(host)]
    labels += [p for p in reversed(parts[: -suffix - 1]) if p not in _GENERIC_SUBDOMAINS]
    return [re.sub(r"[^a-z0-9]", "", label) for label in labels if len(label) >= 3]


def outlet_named_for_host(text: str, host: str) -> str | None:
    """A name in ``text`` whose letters spell one of the host's labels ("The Example Herald")."""
    for label in host_labels(host):
        name = _named(text, label)
        if name:
            return name
    return None


def _named(text: str, label: str) -> str | None:
    """A whole capitalised name (optionally after "The") whose letters are ``label``."""
    for m in _CAPITALISED_RUN.finditer(text):
        name = m.group(0).rstrip(".,")
        letters = _NOT_ALNUM.sub("", name.lower())
        if letters == label or (letters == "the" + label and name.startswith("The ")):
            return name
        if name.startswith("The ") and _NOT_ALNUM.sub("", name[4:].lower()) == label:
            return name
    return None


# a company's legal form after its name ("CNBC LLC", "ScienceAlert Pty Ltd", "CityAM. Limited")
_LEGAL_FORM = re.compile(
    r"(?:[\s.,]+(?:inc|llc|l\.l\.c|ltd|limited|pty|pvt|private|plc|gmbh|ag|s\.?a|co|corp)\.?)+\s*$",
    re.IGNORECASE,
)
# words that name the company that owns an outlet, not the outlet ("Hearst Communications", "CBS
# Interactive", "NYP Holdings", "The New York Times Company", "Al Jazeera Media Network")
_OWNER_WORDS = word_set(
    "communications communication holdings interactive company corporation group network networks "
    "enterprises ventures publishing publishers organization organisation newspapers services printers"
)
_OWNER_PHRASE = re.compile(r"\b(?:media|business media|nbcuniversal|universal)\s*$|^nbc universal$", re.I)
# companies that own many outlets and sign their pages' copyright lines: no outlet of their own
_OWNERS = frozenset(
    name.strip()
    for name in re.split(r"\|", """gannett | ziff davis | microsoft | condé nast | conde nast | hearst
    | meredith | dotdash meredith | penske | valnet | tribune | mcclatchy | nexstar | sinclair | tegna
    | scripps | gray television | lee enterprises | news corp | dow jones | verizon | oath | sky uk | future
    | advance local | gatehouse | alden | tronc | bustle digital | time warner | warnermedia
    | viacomcbs | paramount | comcast | disney | fox corporation""")
)
_COPYRIGHT_MARK = re.compile(r"©|\(c\)|\b(?:19|20)\d\d\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TRAILING_YEAR = re.compile(r"[\s,]+(?:19|20)\d\d$")
_LEADING_YEARS = re.compile(r"^(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d)?)?[\s,]*)+")
_DATED = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|^\W*$", re.IGNORECASE
)
_RIGHTS = re.compile(r"all rights reserved", re.IGNORECASE)
_COPYRIGHT_WORD = re.compile(r"^(?:copyright\s*)+", re.IGNORECASE)
_NAME_END = re.compile(r"\s+(?:unless|powered by|except)\b|\s*\(|\s+[/–—-]\s*|\s+-$", re.IGNORECASE)


def stated_outlet(line: str) -> str | None:
    """An outlet named by a footer line ("© 2023 The Example Herald", "Source: Example News"); not
    the company that owns it ("© 2019 Hearst Communications, Inc."), and a copyright line needs its
    sign or year ("Copyright Policy" is a link)."""
    m = _STATED_OUTLET.match(line)
    if m is None:
        return None
    raw = (m.group("a") or m.group("b") or "").strip(" .,")
    if m.group("a"):
        if not _COPYRIGHT_MARK.search(line):
            return None  # "Copyright Policy"
        if not (_YEAR.search(line) or _RIGHTS.search(line) or _LEGAL_FORM.search(raw)):
            return None  # "© Aaron Schwartz" under a photo: a credit, not a publisher's line
        raw = _LEADING_YEARS.sub("", _COPYRIGHT_WORD.sub("", raw))  # "© Copyright 2018 Rolling Stone"
    name = _LEGAL_FORM.sub("", _NAME_END.split(raw)[0].strip(" .,")).strip(" .,")
    name = _TRAILING_YEAR.sub("", name)  # "Inexhibit 2019"
    if not name or _URL.search(name) or len(name.split()) > 6 or _DATED.search(name):
        return None  # ... "Source: Russian Defense Ministry, October 25, 2019" dates a statement
    if name.lower().startswith("all rights"):
        return None
    words = name.lower().split()
    if any(w in _OWNER_WORDS for w in words) or _OWNER_PHRASE.search(name) or name.lower() in _OWNERS:
        return None
    if words[-1] == "ads":
        return None  # an ad network's line ("NewAge ADS")
    return name


def _tsv_value(tsv: str, host: str) -> str | None:
    at = tsv.find("\n" + host + "\t")
    if at < 0:
        return None
    start = at + len(host) + 2
    end = tsv.find("\n", start)
    return tsv[start : end if end >= 0 else len(tsv)].strip() or None


def find_outlet(
    url: str | None, text: str, stated: str | None, table: Mapping[str, str] | None = None
) -> str | None:
    """Outlet from the URL's host (table, then a matching name in the text), else a stated name."""
    if url:
        known = outlet_from_url(url, table)
        if known:
            return known
        host = host_of(url)
        if host:
            named = outlet_named_for_host(text, host)
            if named:
                return named
    return stated
