"""Who copied from whom, and which articles count as one independent report.

Direction of a reuse link, from the strongest evidence to the weakest:

1. publication dates: the stated date (``Article.published``) or the window the annotation stage
   inferred (``Annotations.published_inferred``); decisive only when the two windows do not overlap;
2. bylines: an article whose byline is a news agency ("By AFP") is the wire copy the other took;
3. credits: an article that credits the agency in its text ("told AFP", a "(Reuters) —" dateline)
   is closer to the wire than one that does not;
4. containment: the article whose body is the more covered by the shared passages is the copy.

Independent reports are the connected components of the reuse links and of the links
:mod:`corroborator.reuse.relays` finds between one newsroom's articles (an outlet's own stories, and
articles relaying an outlet's report with credit): articles that share reporting, directly or through
others, count once. Each report is labelled by its origin: the agency when a byline or a credit in it
names one ("AFP wire"), else the outlet its articles relay ("The Hollywood Reporter, relayed"), else
the outlet of its earliest article ("The Moscow Times, own reporting"). Two articles by one agency are
one report only when they share reporting: an agency's follow-up that reuses its earlier copy joins it;
a separate dispatch stays apart. A photo credit is no shared reporting.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from corroborator.config import ReuseConfig
from corroborator.extract.metadata import known_outlet_name
from corroborator.models import (
    Annotations,
    Article,
    IndependentReport,
    Passage,
    ReportTie,
    ReuseKind,
    ReuseLink,
    content_hash,
)
from corroborator.reuse.align import shared_share
from corroborator.reuse.relays import StoryRelays, newsroom_links, outlet_key, same_outlet
from corroborator.unionfind import UnionFind

# A general lexicon of news agencies: canonical name -> other names it goes by.
_AGENCIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("AFP", ("Agence France-Presse", "Agence France Presse")),
    ("AP", ("Associated Press", "The Associated Press")),
    ("Reuters", ("Thomson Reuters",)),
    ("Bloomberg", ("Bloomberg News",)),
    ("dpa", ("Deutsche Presse-Agentur",)),
    ("ANSA", ()),
    ("EFE", ("Agencia EFE",)),
    ("Kyodo", ("Kyodo News",)),
    ("Jiji", ("Jiji Press",)),
    ("Xinhua", ("Xinhua News Agency",)),
    ("TASS", ("ITAR-TASS",)),
    ("RIA Novosti", ("RIA",)),
    ("Interfax", ()),
    ("PTI", ("Press Trust of India",)),
    ("IANS", ("Indo-Asian News Service",)),
    ("ANI", ("Asian News International",)),
    ("UPI", ("United Press International",)),
    ("AAP", ("Australian Associated Press",)),
    ("CP", ("Canadian Press", "The Canadian Press")),
    ("PA", ("Press Association", "PA Media")),
    ("Yonhap", ("Yonhap News Agency",)),
    ("Anadolu", ("Anadolu Agency",)),
    ("APA", ("Austria Presse Agentur",)),
    ("Belga", ()),
    ("Bernama", ()),
    ("Antara", ()),
)
_AGENCY_WORDS = re.compile(
    r"\b(?:press agency|news agency|presse|press association|wire service|agentur)\b", re.IGNORECASE
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_BY = re.compile(r"^\s*by\s+", re.I)
_PHOTO = re.compile(r"\b(?:photo|photograph|picture|image|credit|illustration|video)\b", re.I)
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:/(\d{4}-\d{2}-\d{2}))?")


def _lookup() -> dict[str, str]:
    names: dict[str, str] = {}
    for canonical, aliases in _AGENCIES:
        for name in (canonical, *aliases):
            names[name.casefold()] = canonical
    return names


def agency_name(text: str | None) -> str | None:
    """The canonical agency a byline or credit names ("By AFP", "The Associated Press"), or None."""
    if not text:
        return None
    name = _BY.sub("", text).strip().strip(".,;:()").strip()
    return _lookup().get(name.casefold())


def byline_agency(article: Article) -> str | None:
    """The agency an article is by: a byline that names an agency (from the lexicon, or an acronym the
    article itself uses as its wire credit, or an acronym beside an outlet named as an agency)."""
    known = agency_name(article.byline)
    if known is not None:
        return known
    byline = _BY.sub("", article.byline or "").strip()
    if not _ACRONYM.match(byline):
        return None
    if article.outlet and _AGENCY_WORDS.search(article.outlet):
        return byline
    return byline if byline in _credits(article.body, (byline,)) else None


def credited_agencies(article: Article, extra: Sequence[str] = ()) -> tuple[str, ...]:
    """Agencies the text credits for its reporting: "told AFP", a "(Reuters) —" dateline, "AFP
    reported", "according to AFP", "AFP contributed". ``extra`` adds names (acronyms of agencies seen
    in the story's bylines) to the lexicon. Photo credits do not count."""
    return _credits(article.body, extra)


class StoryCredits:
    """:func:`credited_agencies` of a story's articles with the story's agencies as ``extra``, each
    article read once (the links of a story share their articles)."""

    __slots__ = ("_extra", "_found")

    def __init__(self, extra: Sequence[str] = ()) -> None:
        self._extra = tuple(extra)
        self._found: dict[str, tuple[str, ...]] = {}

    def __call__(self, article: Article) -> tuple[str, ...]:
        found = self._found.get(article.id)
        if found is None:
            found = self._found[article.id] = credited_agencies(article, self._extra)
        return found


def _credits(body: str, extra: Sequence[str]) -> tuple[str, ...]:
    names = _lookup()
    for name in extra:
        names.setdefault(name.casefold(), name)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    patterns = (
        rf"\btold (?:the )?({alternatives})\b",
        rf"\(({alternatives})\)\s*[-–—]",
        rf"\b({alternatives}) (?:reported|contributed|said in a report)\b",
        rf"\baccording to (?:the )?({alternatives})\b",
        rf"[-–—]\s*({alternatives})\s*$",
    )
    named = re.compile(rf"\b(?:{alternatives})\b", re.I)  # compiled once: re caches it
    found: list[str] = []
    for line in body.splitlines():
        if not named.search(line) or _PHOTO.search(line):
            continue
        for pattern in patterns:
            for match in re.finditer(pattern, line, re.I | re.M):
                name = names[match.group(1).casefold()]
                if name not in found:
                    found.append(name)
    return tuple(found)


def publication_window(article: Article, annotations: Annotations | None) -> tuple[str, str] | None:
    """The first and last day the article can have been published (ISO dates), or None."""
    for value in (article.published, annotations.published_inferred.date
                  if annotations is not None and annotations.published_inferred is not None else None):
        match = _DATE.match(value or "")
        if match:
            return match.group(1), match.group(2) or match.group(1)
    return None


def orient(
    a: Article,
    b: Article,
    passages: Sequence[Passage],
    a_ann: Annotations | None = None,
    b_ann: Annotations | None = None,
    *,
    story_agencies: Sequence[str] = (),
    credits: Callable[[Article], tuple[str, ...]] | None = None,
) -> tuple[str, str, str]:
    """``(from_id, to_id, evidence)`` for text shared by ``a`` and ``b`` (passages: ``from_span`` in
    ``a``, ``to_span`` in ``b``). ``story_agencies`` are agency names seen in the story's bylines;
    ``credits``, when given, stands for ``credited_agencies(article, story_agencies)`` (e.g. a
    :class:`StoryCredits` shared by a story's links)."""
    window_a, window_b = publication_window(a, a_ann), publication_window(b, b_ann)
    if window_a is not None and window_b is not None:
        if window_a[1] < window_b[0]:
            return a.id, b.id, f"published earlier ({window_a[1]} before {window_b[0]})"
        if window_b[1] < window_a[0]:
            return b.id, a.id, f"published earlier ({window_b[1]} before {window_a[0]})"
    agency_a, agency_b = byline_agency(a), byline_agency(b)
    if agency_a and not agency_b:
        return a.id, b.id, f"byline is the agency ({agency_a})"
    if agency_b and not agency_a:
        return b.id, a.id, f"byline is the agency ({agency_b})"
    credited = credits if credits is not None else StoryCredits(story_agencies)
    credits_a, credits_b = credited(a), credited(b)
    if credits_a and not credits_b:
        return a.id, b.id, f"credits the agency ({', '.join(credits_a)})"
    if credits_b and not credits_a:
        return b.id, a.id, f"credits the agency ({', '.join(credits_b)})"
    covered_a = shared_share(passages, len(a.body), "from")
    covered_b = shared_share(passages, len(b.body), "to")
    if covered_a > covered_b * 1.1:
        return b.id, a.id, f"containment ({covered_a:.0%} of it is shared, {covered_b:.0%} of the other)"
    if covered_b > covered_a * 1.1:
        return a.id, b.id, f"containment ({covered_b:.0%} of it is shared, {covered_a:.0%} of the other)"
    return a.id, b.id, "undetermined (no dates, credits or containment tell them apart)"


def story_agencies(articles: Sequence[Article]) -> tuple[str, ...]:
    """Agencies named by the bylines of a story's articles (so their credits can be recognised)."""
    found: list[str] = []
    for article in articles:
        agency = byline_agency(article)
        if agency is not None and agency not in found:
            found.append(agency)
    return tuple(found)


def slight(copy: Article, passages: Sequence[Passage], config: ReuseConfig) -> bool:
    """Whether what two articles share is one verbatim passage too short to make them one report."""
    if len(passages) != 1 or passages[0].kind is not ReuseKind.VERBATIM:
        return False
    span = passages[0].to_span
    return len(copy.body[span.start : span.end].split()) < config.report_passage_words


def independent_reports(
    articles: Sequence[Article],
    links: Sequence[ReuseLink],
    annotations: Sequence[Annotations] | Mapping[str, Annotations] | None = None,
    config: ReuseConfig | None = None,
) -> tuple[IndependentReport, ...]:
    """A partition of ``articles`` into independent reports: the components of the reuse links that
    are not :func:`slight` and of the newsroom links (:func:`~corroborator.reuse.relays.newsroom_links`)."""
    config = config or ReuseConfig()
    by_id = {a.id: a for a in articles}
    units = UnionFind(by_id)
    copied: set[str] = set()  # copies of another outlet's article of the story
    for link in links:
        if link.from_id not in units or link.to_id not in units:
            continue
        if not (link.kind is ReuseKind.VERBATIM and slight(by_id[link.to_id], link.passages, config)):
            units.join(link.from_id, link.to_id)
            if by_id[link.from_id].outlet != by_id[link.to_id].outlet or not by_id[link.to_id].outlet:
                copied.add(link.to_id)
    agencies = story_agencies(articles)
    credits = StoryCredits(agencies)
    wire = {a.id for a in articles if byline_agency(a) is not None or credits(a)}
    relays = StoryRelays(articles, config)
    ties = []  # the newsroom ties that join what text does not: each report's ties explain it
    for tie in newsroom_links(articles, config, wire | copied, relays):
        if units.find(tie.article) != units.find(tie.other):
            units.join(tie.article, tie.other)
            ties.append(tie)
    groups: dict[str, list[str]] = {}
    for article in articles:
        groups.setdefault(units.find(article.id), []).append(article.id)
    ties_of: dict[str, list[ReportTie]] = {}
    for tie in ties:
        ties_of.setdefault(units.find(tie.article), []).append(tie)
    ann_map = _annotation_map(annotations)
    copies = {link.to_id for link in links}
    reports: list[IndependentReport] = []
    for root, members in groups.items():
        ids = tuple(sorted(members))
        group = [by_id[i] for i in members]
        origin = _origin(group, ann_map, copies, agencies) or _relayed_origin(group, relays)
        origin = origin or _own_origin(group, ann_map, copies)
        held = tuple(ties_of.get(root, ()))
        reports.append(IndependentReport(content_hash("\n".join(ids)), origin, ids, held))
    order = {a.id: n for n, a in enumerate(articles)}
    reports.sort(key=lambda r: min(order[i] for i in r.article_ids))
    return tuple(reports)


def _annotation_map(
    annotations: Sequence[Annotations] | Mapping[str, Annotations] | None,
) -> dict[str, Annotations]:
    if annotations is None:
        return {}
    if isinstance(annotations, Mapping):
        return dict(annotations)
    return {a.article_id: a for a in annotations}


def _origin(
    group: Sequence[Article],
    annotations: Mapping[str, Annotations],
    copies: set[str],
    agencies: Sequence[str],
) -> str | None:
    """The agency a report's articles are the copy of ("AFP wire"), or None."""
    bylines = Counter(agency for a in group if (agency := byline_agency(a)) is not None)
    if bylines:
        agency = bylines.most_common(1)[0][0]
        outlet = next((a.outlet for a in group if byline_agency(a) == agency and a.outlet), None)
        if outlet and outlet != agency and _AGENCY_WORDS.search(outlet):
            return f"{outlet} ({agency}) wire"
        return f"{agency} wire"
    originals = [a for a in group if a.id not in copies] or list(group)
    credits = Counter(name for a in originals for name in credited_agencies(a, agencies))
    if credits:
        return f"{credits.most_common(1)[0][0]} wire"
    return None


def _relayed_origin(group: Sequence[Article], relays: StoryRelays) -> str | None:
    """The outlet a report's articles relay: its own article's outlet when the report holds one
    ("The Hollywood Reporter, own reporting"), else the name as credited ("The Hollywood Reporter,
    relayed"); None when no article of the report relays an outlet."""
    credits = [c for a in group if (c := relays.relays.get(a.id)) is not None]
    if not credits:
        return None
    key = Counter(c.key for c in credits).most_common(1)[0][0]
    own = next((a.outlet for a in group if a.outlet and same_outlet(outlet_key(a.outlet), key)), None)
    if own is not None:
        return f"{own}, own reporting"
    written = max((c.outlet for c in credits if c.key == key), key=len)  # not its initials
    return f"{relays.names.get(key) or known_outlet_name(written)}, relayed"


def _own_origin(group: Sequence[Article], annotations: Mapping[str, Annotations], copies: set[str]) -> str:
    """A report of its own: the outlet of its earliest article, else its byline or title."""
    earliest = min(group, key=lambda a: (_first_day(a, annotations), a.id not in copies, a.source))
    if earliest.outlet:
        return f"{earliest.outlet}, own reporting"
    if earliest.byline:
        return f"own reporting ({_BY.sub('', earliest.byline).strip()})"
    return f"own reporting ({earliest.title})" if earliest.title else "own reporting"


def _first_day(article: Article, annotations: Mapping[str, Annotations]) -> str:
    window = publication_window(article, annotations.get(article.id))
    return window[0] if window is not None else "9999-12-31"
