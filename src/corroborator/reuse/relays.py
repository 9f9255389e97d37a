"""Reports that come from one newsroom though they share no text.

Two kinds, both independent of text reuse:

- **a newsroom's own stories**: articles of one outlet (the same ``Article.outlet``) are one report,
  as its successive stories of an event restate its reporting ("BBC: fire at a supermarket", "man
  charged", "man denies arson"), unless they are bylined apart: an agency's copy the outlet ran ("By
  AFP"), or two different bylines (a platform's contributors);
- **credited relays**: an article that credits one other outlet for its news ("THR is reporting
  that ...", "according to The Hollywood Reporter", "her rep tells People magazine") relays that
  outlet's report. It is one report with the outlet's own article and with the other articles that
  relay the same outlet within a few days. An article that credits several outlets is a round-up of
  its own; one that credits an outlet once, late in the article, only borrows a detail.

An outlet is recognised by name: the outlet of an article of the story, a known outlet
(``data/outlets.tsv``) or agency, a name ending in a word outlets are named by ("Herald", "News",
"Reporter", ...) or followed by a kind of outlet ("People magazine"), a site ("FoxSports.com"), or the
initials of one of those ("THR" for The Hollywood Reporter).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from corroborator.annotate.given_names import is_given_name
from corroborator.config import ReuseConfig
from corroborator.extract.metadata import is_known_outlet, known_outlet_name, outlet_from_url
from corroborator.models import Article, Evidence, ReportTie, Span, iso_day
from corroborator.reuse.paraphrase import sentence_spans
from corroborator.vocab import word_set

_KINDS = r"(?:magazine|mag|newspaper|paper|website|site|web site|tabloid|network|station|channel|blog|outlet)"
# a capitalised word, dots only inside it ("EW.com") or in initials ("L.A."): none that ends a sentence
_WORD = r"(?:(?:[A-Z]\.)+|[A-Z][\w!&'’-]*(?:\.[\w-]+)*)"
_NAME = rf"(?:[Tt]he )?(?:{_WORD}|[a-z][\w-]*\.com)(?: (?:of |& )?{_WORD})*"
_CREDITS = tuple(
    re.compile(pattern)
    for pattern in (
        # "according to a report in the Boston Herald", "according to Michael Silverman of the Herald"
        rf"\b[Aa]ccording to (?:an? |the |this )?(?:(?:new|recent|latest|exclusive) )?"
        rf"(?:report|story|article|piece|item)s? (?:in|by|from|on|at) ({_NAME})",
        rf"\b[Aa]ccording to {_WORD}(?: {_WORD})+ (?:of|from|at) ({_NAME})",
        rf"\b[Aa]ccording to (?:''|[“\"])?({_NAME})",
        rf"\b(?:reports|reported by) ({_NAME})",
        rf"\b(?:told|tells) ({_NAME})",
        rf"\b(?:[Ww]ord comes from|via|h/t|[Hh]at tip to|[Ss]ource:|courtesy of) ({_NAME})",
    )
)
# a name as the subject of a verb of reporting: "THR is reporting that", "the Associated Press
# reported", "People magazine says", "The Hollywood Reporter and Collider are reporting"; found from
# the verb back (a pattern that tried every capitalised word as a subject took ten times as long)
_REPORTING = re.compile(
    rf"(?: {_KINDS})? (?P<aux>is |are |was |were |has |have |had )?(?:also |first |now )?"
    r"(?:reporting|reported|reports|says|said|saying|learned|confirmed|revealed|broke)\b"
)
_SUBJECT = re.compile(rf"(?<![\w.])(?:({_NAME}) and )?({_NAME})$")
_SUBJECT_REACH = 120  # characters before the verb a subject may start in
# the last word of an outlet's name ("Boston Herald", "ABC News", "Daily Mail")
_OUTLET_WORDS = word_set(
    "times post news herald reporter journal tribune magazine gazette telegraph chronicle daily weekly "
    "today wire press radio tv network examiner observer standard independent star sun mirror express "
    "register dispatch bulletin inquirer courier review insider guardian globe mail record sentinel "
    "enquirer digest beast variety deadline politico"
)
_NOT_NAMES = word_set("i we us it he she they you")  # "told I", "told Us" at a sentence start
_KIND_AFTER = re.compile(rf"\s+{_KINDS}$", re.I)
_SITE = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|tv)", re.I)


@dataclass(frozen=True, slots=True)
class Credit:
    """An outlet an article credits for what it reports, as written, and where."""

    outlet: str
    key: str  # outlet_key(outlet)
    span: Span


def outlet_key(name: str) -> str:
    """A name's words in lower case without "the", a kind after it ("People magazine") or dots."""
    text = name.strip().strip(".,;:'\"’“”").replace("’", "'")
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    text = _KIND_AFTER.sub("", text).removesuffix("'s")
    return " ".join(text.replace(".", "").lower().split())


def _initials(key: str, the: bool) -> str:
    return ("t" if the else "") + "".join(w[0] for w in key.split() if w not in ("of", "and", "&"))


@lru_cache(maxsize=65536)
def same_outlet(a: str, b: str) -> bool:
    """Whether two outlet keys name one outlet: equal, one the initials of the other ("thr", "the
    hollywood reporter"), or the same last word after such initials ("la times", "los angeles times")."""
    if a == b:
        return True
    words_a, words_b = a.split(), b.split()
    for short, long in ((a, b), (b, a)):
        if " " not in short and len(short) >= 2 and " " in long and short in (
            _initials(long, False), _initials(long, True)
        ):
            return True
    if len(words_a) >= 2 and len(words_b) >= 2 and words_a[-1] == words_b[-1]:
        return same_outlet(" ".join(words_a[:-1]), " ".join(words_b[:-1]))
    return False


def _ends_with(key: str, end: str) -> bool:
    words, tail = key.split(), end.split()
    return len(tail) < len(words) and words[-len(tail) :] == tail


def _outlet(name: str, story: Collection[str]) -> str | None:
    """The key of the outlet ``name`` names, or None when it names none (a reporter "of" an outlet is
    cut to the outlet by :func:`credited_outlets`)."""
    if _SITE.fullmatch(name):  # "UsMagazine.com": the outlet the site is
        name = outlet_from_url(f"http://{name.lower()}") or name
    key = outlet_key(name)
    if not key or key in _NOT_NAMES:
        return None
    for known in story:
        if same_outlet(key, known):
            return known
    longer = [k for k in story if len(key.split()) >= 2 and _ends_with(k, key)]
    if len(longer) == 1:
        return longer[0]  # "the Daily News" of the New York Daily News
    words = name.split()
    if len(words) == 1 and name[1:].islower() and known_outlet_name(name).lower().startswith("the "):
        return None  # "Hill said": a person; The Hill is "the Hill"
    if len(words) >= 2 and is_given_name(words[0]) and not is_known_outlet(name):
        return None  # "Emily Post says"
    if is_known_outlet(name) or key.split()[-1] in _OUTLET_WORDS or _SITE.fullmatch(name):
        return key
    if _KIND_AFTER.search(name.strip()):
        return key  # "People magazine"
    return None


def credited_outlets(
    article: Article, story_outlets: Collection[str] = (), named: Sequence[tuple[int, str]] | None = None
) -> tuple[Credit, ...]:
    """The outlets ``article`` credits for its news, in order of place (``story_outlets``: keys of the
    outlets of the story's articles, so that their initials and short names are recognised;
    ``named``: :func:`names_in` its body, when already read)."""
    found: dict[int, Credit] = {}
    for start, raw in names_in(article.body) if named is None else named:
        name = raw.rstrip(".'’")  # "... she told The Post."
        end = start + len(name)
        # "Ken Rosenthal of Fox Sports reports": the outlet is the credit (not "Voice of America")
        reporter = " of " in name and not is_known_outlet(name)
        if reporter:
            cut = name.rindex(" of ") + 4
            start, name = start + cut, name[cut:]
        key = _outlet(name, story_outlets)  # "the Times" (an outlet), not "Times" (a surname)
        if name.startswith("the ") or (reporter and name.startswith("The ")):
            start = start + 4  # "of the Boston Herald": as a reader would write it
        if key is not None and start not in found:
            found[start] = Credit(article.body[start:end], key, Span(start, end))
    return tuple(found[k] for k in sorted(found))


def names_in(body: str) -> tuple[tuple[int, str], ...]:
    """(start, name) of every name in a place where a credit names an outlet, outlet or not."""
    found = [(m.start(1), m.group(1)) for pattern in _CREDITS for m in pattern.finditer(body)]
    for verb in _REPORTING.finditer(body):
        low = max(0, verb.start() - _SUBJECT_REACH)
        subject = _SUBJECT.search(body, low, verb.start())
        if subject is None:
            continue
        pair = verb.group("aux") in ("are ", "have ", "were ")  # "THR and Collider are reporting": both
        groups = (1, 2) if pair and subject.group(1) else (2,)
        found += [(subject.start(g), subject.group(g)) for g in groups]
    return tuple(found)


def story_outlets(
    articles: Sequence[Article], named: Mapping[str, Sequence[tuple[int, str]]] | None = None
) -> dict[str, str]:
    """The outlets a story's articles are by, or credit by a name of several words, by key, with the
    name to show: the names the initials and short names in its articles may stand for ("THR" where
    an article says "The Hollywood Reporter")."""
    names: dict[str, str] = {}
    for article in articles:
        for credit in credited_outlets(article, (), named.get(article.id) if named is not None else None):
            if " " in credit.key and len(credit.outlet) > len(names.get(credit.key, "")):
                names[credit.key] = known_outlet_name(credit.outlet)
    names.update((outlet_key(a.outlet), a.outlet) for a in articles if a.outlet)
    return dict(sorted(names.items()))


def relayed(
    article: Article,
    story_outlets: Collection[str],
    config: ReuseConfig,
    named: Sequence[tuple[int, str]] | None = None,
) -> Credit | None:
    """The one outlet other than its own that ``article`` credits for its news, credited early
    (``config.relay_credit_share`` of the body) or more than once; None for an article that credits
    no outlet, several, or one only late and once."""
    own = outlet_key(article.outlet) if article.outlet else None
    credits = [
        c for c in credited_outlets(article, story_outlets, named)
        if own is None or not (same_outlet(c.key, own) or _ends_with(own, c.key))  # "the News"
    ]
    keys = Counter(c.key for c in credits)
    if len(keys) != 1:
        return None
    first = credits[0]
    if keys[first.key] < 2 and first.span.start > config.relay_credit_share * len(article.body):
        return None
    return first


def _apart(a: Article, b: Article, days: int) -> bool:
    x, y = iso_day(a.published), iso_day(b.published)
    return x is not None and y is not None and abs((x - y).days) > days


def _sentence(article: Article, span: Span) -> Evidence:
    """The sentence of ``article`` that holds ``span``, as the paraphrase stage splits sentences."""
    around = next((s for s in sentence_spans(article.body, None) if s.start <= span.start < s.end), span)
    return Evidence(article.id, around, article.body[around.start : around.end])


class StoryRelays:
    """The outlets a story's articles credit, read once: ``names`` (:func:`story_outlets`) and
    ``relays``, the outlet each relaying article relays (:func:`relayed`), by article id."""

    __slots__ = ("names", "relays")

    def __init__(self, articles: Sequence[Article], config: ReuseConfig) -> None:
        self.names: dict[str, str] = {}
        self.relays: dict[str, Credit] = {}
        if not config.relay_reports:
            return
        named = {a.id: names_in(a.body) for a in articles}
        self.names = story_outlets(articles, named)
        for article in articles:
            if (credit := relayed(article, self.names, config, named[article.id])) is not None:
                self.relays[article.id] = credit


def newsroom_links(
    articles: Sequence[Article],
    config: ReuseConfig,
    apart: Collection[str] = (),
    relays: StoryRelays | None = None,
) -> Iterator[ReportTie]:
    """Ties between articles that are one newsroom's report without sharing text, enough to join them
    (linear in the story's articles, not one per pair). ``apart``: ids of articles never tied by their
    outlet: an agency's copy (bylined or credited), or a copy of another outlet's article (a forum's or
    an aggregator's repost of someone else's report)."""
    by_outlet: dict[str, list[Article]] = {}
    for a in articles:
        if a.outlet:
            by_outlet.setdefault(outlet_key(a.outlet), []).append(a)
    if config.newsroom_reports:
        for members in by_outlet.values():
            yield from _one_outlet([a for a in members if a.id not in apart])
    if not config.relay_reports:
        return
    relays = relays or StoryRelays(articles, config)
    relaying: dict[str, list[Article]] = {}
    for a in articles:
        if (credit := relays.relays.get(a.id)) is not None:
            relaying.setdefault(credit.key, []).append(a)
    for key, group in relaying.items():  # the outlet's own article first: the better explanation
        for a in group:
            credit = relays.relays[a.id]
            for b in by_outlet.get(key, ()):
                if not _apart(a, b, config.relay_max_days):
                    yield ReportTie(a.id, b.id, f"relays {b.outlet}", _sentence(a, credit.span))
    for key, group in relaying.items():
        name = relays.names.get(key, relays.relays[group[0].id].outlet)
        for a, b in _near_in_time(group, config.relay_max_days):
            yield ReportTie(a.id, b.id, f"both relay {name}", _sentence(a, relays.relays[a.id].span))


def _one_outlet(members: Sequence[Article]) -> Iterator[ReportTie]:
    """Ties joining one outlet's articles, unless bylined apart: those bylined alike chain, and each
    article without a byline joins every byline's first."""
    bylines: dict[str, list[Article]] = {}
    for a in members:
        bylines.setdefault(outlet_key(a.byline) if a.byline else "", []).append(a)
    unsigned = bylines.pop("", [])
    for signed in bylines.values():
        for a, b in itertools.pairwise(signed):
            yield ReportTie(a.id, b.id, f"both by {a.outlet}")
    for a, b in itertools.pairwise(unsigned):
        yield ReportTie(a.id, b.id, f"both by {a.outlet}")
    if unsigned:
        for signed in bylines.values():
            yield ReportTie(unsigned[0].id, signed[0].id, f"both by {signed[0].outlet}")


def _near_in_time(group: Sequence[Article], days: int) -> Iterator[tuple[Article, Article]]:
    """Pairs that join ``group`` as its articles published within ``days`` of each other are joined
    (an undated one is near every other): consecutive dated ones, and every one to an undated one."""
    day = {a.id: iso_day(a.published) for a in group}
    undated = [a for a in group if day[a.id] is None]
    dated = sorted((a for a in group if day[a.id] is not None), key=lambda a: (day[a.id], a.id))
    if undated:
        yield from ((undated[0], b) for b in [*undated[1:], *dated])
        return
    for a, b in itertools.pairwise(dated):
        if not _apart(a, b, days):
            yield a, b
