"""Who is named across a story: the names of all its articles joined into entities.

The story pass (:func:`cluster_entities`) joins the mentions and descriptions that the article pass
(:mod:`corroborator.annotate.entities`) found in each article into entities, each with its aliases,
descriptions and mentions: people by :mod:`corroborator.annotate.person_names`, organisations and
places by normalised name, spelling, acronym, a company's own name and the one longer name a name
ends. :func:`resolve_name` (or an
:class:`EntityIndex` built once) says which entity a name in one article refers to.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from corroborator.annotate.entities import DESIGNATORS, bare_name
from corroborator.annotate.person_names import (
    ORG_WORDS,
    PersonGroup,
    compatible,
    group_people,
    name_words,
    norm,
    without_suffix,
)
from corroborator.models import Description, Entity, EntityType, Mention, Span, content_hash
from corroborator.vocab import word_set

_POSSESSIVE_END = re.compile(r"['’]s?$")


def _org_key(text: str) -> str:
    words = norm(text).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


# a company's legal form: "Ceres Robotics Inc" and "Ceres Robotics" are one name
_LEGAL_FORMS = word_set("inc incorporated corp corporation co company ltd limited llc plc sa ag gmbh")


def _spelling_key(key: str) -> str:
    """One key for the spellings of a name: without its legal form, spaces or apostrophes
    ("Sierra Nevada Corp", "Sierra Nevada Corporation"; "OrbitBeyond", "Orbit Beyond"; "People's
    Liberation Army", "Peoples Liberation Army")."""
    words: list[str] = []
    for word in key.split():
        if word == "s" and words and len(words[-1]) > 1:
            words[-1] += "s"  # "people s", as norm() leaves "People's"
        else:
            words.append(word)
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    # initials stay apart: "U.S." is not "Us"
    return " ".join(words) if any(len(w) == 1 for w in words) else "".join(words)


# how the Associated Press writes the states after a town ("Troy, Mich."; not the ambiguous "Miss.",
# "La.", "Ind.", "Wash."), and the short words of a street's kind ("Church Ave.", "E. 52nd St.")
_STATES = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
    "conn": "connecticut", "fla": "florida", "ga": "georgia", "ill": "illinois", "kan": "kansas",
    "ky": "kentucky", "md": "maryland", "mass": "massachusetts", "mich": "michigan", "minn": "minnesota",
    "mont": "montana", "neb": "nebraska", "nev": "nevada", "okla": "oklahoma", "ore": "oregon",
    "pa": "pennsylvania", "tenn": "tennessee", "vt": "vermont", "va": "virginia", "wis": "wisconsin",
    "wyo": "wyoming",
}  # fmt: skip
_STREET_KINDS = {"ave": "avenue", "av": "avenue", "st": "street", "rd": "road", "blvd": "boulevard",
                 "hwy": "highway", "pkwy": "parkway", "ln": "lane", "sq": "square"}  # fmt: skip
_COMPASS = {"e": "east", "w": "west", "n": "north", "s": "south"}


def _written_out(key: str, place: bool) -> str:
    """A name with its abbreviations written out and a county inside it left out: "mich" ->
    "michigan" (a place alone), "church ave" -> "church avenue", "e 52nd st" -> "east 52nd street"
    (the kind of street last), "fulton county courthouse" -> "fulton courthouse"."""
    words = key.split()
    if place and len(words) == 1 and words[0] in _STATES:
        return _STATES[words[0]]
    if len(words) >= 3 and "county" in words[1:-1]:
        words.remove("county")  # "Fulton County Courthouse", "Fulton Courthouse"
    if len(words) >= 2 and words[-1] in _STREET_KINDS:
        words[-1] = _STREET_KINDS[words[-1]]
        if words[0] in _COMPASS:
            words[0] = _COMPASS[words[0]]
    return " ".join(words)


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_][\w]*", text) if w[0].isupper())


def _acronym(text: str) -> str | None:
    letters = text.replace(".", "")
    return letters if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() else None


@dataclass(slots=True)
class _Bucket:
    """Everything collected for one entity while clustering."""

    types: Counter[EntityType]
    surfaces: Counter[str]
    descriptions: list[tuple[str, str]]
    mentions: list[tuple[str, Span]]


def _bucket() -> _Bucket:
    return _Bucket(Counter(), Counter(), [], [])


def _add(bucket: _Bucket, article: str, mention: Mention, surface: str) -> None:
    bucket.types[mention.type] += 0 if mention.type is EntityType.PERSON else 1
    bucket.surfaces[surface] += 1
    bucket.surfaces[mention.text] += 0  # a titled form is an alias too
    if mention.caption is None:
        bucket.mentions.append((article, mention.span))


def _absorb(into: _Bucket, other: _Bucket) -> None:
    into.types.update(other.types)
    into.surfaces.update(other.surfaces)
    into.mentions += other.mentions
    other.surfaces.clear()


def _order(mention: Mention) -> int:
    """A position for "nearest previous name": body first, then each caption."""
    return mention.span.start + (0 if mention.caption is None else (mention.caption + 1) << 32)


def cluster_entities(
    per_article: Sequence[tuple[str, Sequence[Mention], Sequence[Description]]],
    *,
    known_names: Sequence[str] = (),
) -> tuple[Entity, ...]:
    """Join the names of a story's articles into entities, each with its aliases and descriptions.

    A multi-word person name joins another with the same surname and compatible given names
    ("Vladimir V. Putin", "Vladimir Putin"); a one-word name joins the person whose surname it is
    (resolved within its article, by the nearest full name before it, when the story has several),
    else the only person whose first name it is ("Xi"); a shared first name alone never merges.
    Organisations and places join by normalised name, by spelling (without a legal form, spaces or
    apostrophes: "Sierra Nevada Corp." and "Sierra Nevada Corporation"), by acronym ("BRI" for "Belt
    and Road Initiative"), by a company's own name ("Brandvold" for "Brandvold Chemicals"), and an
    organisation's name joins the one longer name it ends ("Red Sox" of "Boston Red Sox").
    ``known_names`` are organisation names stated outside the bodies (an article's outlet): they
    name an entity only when a mention joins them ("MPA" in "told MPA" for "Meridian Press Agency").
    """
    people: list[tuple[str, Mention, str]] = []
    others: dict[tuple[bool, str], _Bucket] = {}  # (is NORP, key)
    # a full name the NER calls a person more often than anything else in the story is that person
    # wherever it is called an organisation or a place ("Marcelo Claure" as ORG in one report; not
    # "Red Sox", a team the NER once took for a person)
    tagged: dict[str, Counter[bool]] = {}
    for _, mentions, _ in per_article:
        for m in mentions:
            if m.type is not EntityType.NORP and len(m.text.split()) >= 2:
                tagged.setdefault(m.text, Counter())[m.type is EntityType.PERSON] += 1
    full_names = {text for text, n in tagged.items() if n[True] > n[False]}
    for article, mentions, _ in per_article:
        for m in mentions:
            if m.type is EntityType.PERSON or (m.type is not EntityType.NORP and m.text in full_names):
                people.append((article, m, bare_name(m.text)))
            else:
                key = (m.type is EntityType.NORP, _org_key(m.text))
                _add(others.setdefault(key, _bucket()), article, m, m.text)
    known = {(False, _org_key(n)): n for n in known_names if _org_key(n)}
    for key, name in known.items():
        others.setdefault(key, _bucket()).surfaces[name] += 0
    _merge_short_forms(others)
    for key in known:
        if not others[key].mentions:
            others[key].surfaces.clear()
    groups, assigned = group_people([(bare, _order(m)) for _, m, bare in people], [a for a, _, _ in people])
    buckets: dict[int, _Bucket] = {}
    group_at: dict[tuple[str, str], PersonGroup] = {}
    for (article, m, bare), group in zip(people, assigned, strict=True):
        place = others.get((False, _org_key(bare)))
        if place is not None and place.surfaces and m.text == bare and all(len(n) == 1 for n in group.names):
            _add(place, article, m, bare)  # a one-word "person" that is a place or body elsewhere
            continue
        group_at[(article, bare)] = group
        _add(buckets.setdefault(id(group), _bucket()), article, m, bare)
    for article, _, descriptions in per_article:
        for d in descriptions:
            found = group_at.get((article, d.name))
            bucket = buckets.get(id(found)) if found else None
            if bucket is not None and (article, d.text) not in bucket.descriptions:
                bucket.descriptions.append((article, d.text))
    named = {id(g): g.name for g in groups}
    _add_surnames(groups, buckets)
    entities = [_entity(named[k], EntityType.PERSON, b) for k, b in buckets.items()]
    for b in others.values():
        if b.surfaces:
            kind = max(b.types or [EntityType.ORG], key=lambda t: (b.types[t], t is EntityType.ORG))
            entities.append(_entity(_org_name(b), EntityType.GPE if kind is EntityType.PERSON else kind, b))
    return tuple(entities)


def _add_surnames(groups: Sequence[PersonGroup], buckets: dict[int, _Bucket]) -> None:
    """A person named in full also goes by the surname alone ("Bachulska"), unless another person of
    the story has it too, the name writes the family name first ("Xi" alone for "Xi Jinping"), or the
    last word is too short to tell (East Asian given names: "Xiao Bin", "Yun Sun")."""
    surnames = Counter(last for g in groups for last in {n[-1] for n in g.names})
    for g in groups:
        bucket = buckets.get(id(g))
        name = without_suffix(g.name.split())  # "Comeaux" for "Arcade Joseph Comeaux Jr."
        words = name_words(g.name)
        if bucket is None or len(name) < 2 or len(words[-1]) < 4 or surnames[words[-1]] != 1:
            continue
        if not any(name_words(s) == words[:1] for s in bucket.surfaces):
            bucket.surfaces[name[-1]] += 0


def _kind(bucket: _Bucket) -> EntityType | None:
    """What the tagger calls a name most often (None for a bucket of no mention yet)."""
    return bucket.types.most_common(1)[0][0] if bucket.types else None


def _merge_spellings(others: dict[tuple[bool, str], _Bucket]) -> None:
    """Names that differ only by a legal form, spaces, apostrophes or a written-out abbreviation
    (:func:`_written_out`) are one organisation or place."""
    by_spelling: dict[str, tuple[bool, str]] = {}
    for (is_norp, key), bucket in others.items():
        if is_norp or not bucket.surfaces:
            continue
        place = _kind(bucket) is EntityType.GPE
        first = by_spelling.setdefault(_spelling_key(_written_out(key, place)), (is_norp, key))
        if first != (is_norp, key):
            _absorb(others[first], bucket)


def _merge_qualified(others: dict[tuple[bool, str], _Bucket]) -> None:
    """An organisation's name joins the one organisation named with words before it ("Polytechnic
    University" of "Hong Kong Polytechnic University", "Red Sox" of "Boston Red Sox"; one word only
    when a capitalised plural that is no institution's common noun: "Angels" of "Los Angeles Angels")
    or with a kind of body after it ("Wells Fargo" of "Wells Fargo Bank", "Woodburn Police" of
    "Woodburn Police Department"); an institution's common noun joins the one name it opens
    ("Academy" of "Academy of Motion Picture Arts and Sciences"); when two fit ("Communist Party"
    beside the Chinese and the Vietnamese), neither."""
    orgs = [
        key
        for (is_norp, key), b in others.items()
        if not is_norp and b.surfaces and _kind(b) is EntityType.ORG
    ]
    ending: dict[str, list[str]] = defaultdict(list)  # "red sox" -> ["boston red sox"]
    bodied: dict[str, list[str]] = defaultdict(list)  # "wells fargo" -> ["wells fargo bank"]
    named = set(orgs)
    for key in orgs:
        words = key.split()
        parts = key.split(" and ")
        if len(parts) == 2 and all(" " not in p and any(k.endswith(" " + p) for k in named) for p in parts):
            continue  # the NER's "Nationals and Orioles": two names the story has, not one ending either
        for i in range(1, len(words)):
            ending[" ".join(words[i:])].append(key)
        if len(words) >= 3 and words[-1] in _BODIES:
            bodied[" ".join(words[:-1])].append(key)
        if len(words) >= 4 and tuple(words[-2:]) in _BODY_PAIRS:
            bodied[" ".join(words[:-2])].append(key)
        if len(words) >= 3 and words[1] == "of":
            bodied[words[0]].append(key)  # "Academy" of "Academy of Motion Picture Arts and Sciences"
    for key in orgs:
        words = key.split()
        if len(words) == 1 and key in ORG_WORDS and len(bodied.get(key, [])) == 1:
            _absorb(others[(False, bodied[key][0])], others[(False, key)])
            continue
        national = [k for k in ending.get(key, []) if len(k.split()) == 2]
        if key in _NATIONAL_BODIES and len(ending.get(key, [])) == len(national) == 1:
            if _qualifies(_surface(others, national[0]), key):  # "Navy" of "Indian Navy"
                _absorb(others[(False, national[0])], others[(False, key)])
            continue
        if len(words) == 1 and (key in ORG_WORDS or not _team_like(_surface(others, key))):
            continue
        longer = ending.get(key, [])
        qualified = len(longer) == 1 and _qualifies(_surface(others, longer[0]), key)
        if not qualified and len(words) >= 2:
            longer = bodied.get(key, [])
            qualified = len(longer) == 1
        if qualified:
            _absorb(others[(False, longer[0])], others[(False, key)])


def _team_like(name: str) -> bool:
    """A one-word name a longer one may end with: a capitalised plural ("Angels", "Yankees"), not a
    product or a person's surname ("Stadia", "Volker")."""
    return len(name) >= 4 and name[:1].isupper() and name.endswith("s") and not name.endswith(("'s", "’s"))


def _surface(others: dict[tuple[bool, str], _Bucket], key: str) -> str:
    return others[(False, key)].surfaces.most_common(1)[0][0]


# the kind of body a name may leave off: "Wells Fargo (Bank)", "Woodburn Police (Department)",
# "Jamaica Hospital (Medical Center)"
_BODIES = DESIGNATORS | word_set("department agency service office")
# a country's body, called by its common noun once the story has named whose it is ("the Indian
# Navy" ... "the Navy"); not "Police" (whose?) nor "House" (not the "White House")
_NATIONAL_BODIES = word_set("navy army parliament senate congress")
_BODY_PAIRS = frozenset({("medical", "center"), ("medical", "centre"), ("health", "center")})
_BROADCASTS = word_set("news tv television radio")
_NOT_QUALIFIERS = word_set("a an the this that these those his her its their our my your")


def _station(others: dict[tuple[bool, str], _Bucket], key: str, longer: list[str]) -> bool:
    """Whether the one longer name is a broadcaster named by its initials and what it broadcasts
    ("CNN News", "FOX" for "Fox News", "WDIV-TV"), not a product ("Apple TV") nor a company and its
    news site ("Yahoo! News")."""
    if len(longer) != 1:
        return False
    surfaces = [*others[(False, key)].surfaces, *others[(False, longer[0])].surfaces]
    return any(s.split()[0].isupper() or "-" in s for s in surfaces if s.strip())


def _qualifies(surface: str, key: str) -> bool:
    """Whether ``surface`` is the name ``key`` after capitalised words that name whose it is ("Hong
    Kong", "Boston"), not after a determiner or other text the NER swept in ("a White House", "This
    Sierra Nevada Corp.", "Starship, Blue Origin", "SLS at Michoud Assembly Facility")."""
    tokens = surface.split()
    if set(surface) & set(",;:()[]") or any(t.lower() in _NOT_QUALIFIERS for t in tokens[1:]):
        return False  # "France (Group H", "Parliament the Communist Party"
    for i in range(1, len(tokens)):
        if _org_key(" ".join(tokens[i:])) == key:
            # "Hong Kong", "Boston"; not an owner ("Apple's MacBook", "The Verge's Stadia")
            return all(
                t[:1].isupper() and t.lower() not in _NOT_QUALIFIERS and not t.endswith(("'s", "’s"))
                for t in tokens[:i]
            )
    return False


def _merge_short_forms(others: dict[tuple[bool, str], _Bucket]) -> None:
    """Acronyms and a company's own name join the full name, when exactly one full name fits."""
    _merge_spellings(others)
    _merge_qualified(others)
    names = [
        (key, b, b.surfaces.most_common(1)[0][0])
        for (is_norp, key), b in others.items()
        if not is_norp and b.surfaces
    ]
    by_initials: dict[str, list[str]] = defaultdict(list)
    by_head: dict[str, list[str]] = defaultdict(list)
    by_station: dict[str, list[str]] = defaultdict(list)  # "cnn" -> ["cnn news"]
    for key, b, surface in names:
        words = key.split()
        if len(words) > 1 and not _acronym(surface) and max(map(len, words)) > 1:  # not "U. S."
            for initials in {_initials(s) for s in b.surfaces if not _acronym(s)}:
                by_initials[initials].append(key)  # "USGS" of "U.S. Geological Survey", not of "US ..."
            if all(w in DESIGNATORS for w in words[1:]):
                by_head[words[0]].append(key)  # "Brandvold" of "Brandvold Chemicals"
            elif len(words) == 2 and words[1] in _BROADCASTS:
                by_station[words[0]].append(key)
    for key, b, _ in names:
        acronym = next((a for s in b.surfaces if (a := _acronym(s))), None)
        targets = by_initials.get(acronym, []) if acronym else []
        # "US" is a word of "US Senate", not its acronym
        targets = [t for t in targets if acronym not in {_acronym(w) for w in t.upper().split()}]
        if not targets and " " not in key:
            targets = by_head.get(key, [])
        if not targets and " " not in key and _station(others, key, by_station.get(key, [])):
            targets = by_station[key]  # "CNN" of "CNN News", "WDIV" of "WDIV-TV"
        if len(targets) == 1 and targets[0] != key:
            _absorb(others[(False, targets[0])], b)
    for (is_norp, key), b in others.items():
        if is_norp and len(by_head.get(key, [])) == 1:
            _absorb(others[(False, by_head[key][0])], b)


def _org_name(bucket: _Bucket) -> str:
    """The fullest name: most words, written out ("California", not "Calif."; "Church Avenue"), most
    used."""

    def weight(s: str) -> tuple[int, bool, int, bool]:
        written_out = not any(len(w) >= 3 and w.endswith(".") for w in s.split())
        return (0 if _acronym(s) else len(s.split()), written_out, bucket.surfaces[s], s[:1].isupper())

    best = max(bucket.surfaces, key=weight)
    return best[4:] if best.startswith("the ") else best


def _entity(name: str, kind: EntityType, bucket: _Bucket) -> Entity:
    aliases: list[str] = []
    seen = {norm(name)}
    for surface, _ in sorted(bucket.surfaces.items(), key=lambda kv: -kv[1]):
        alias = surface[4:] if surface.startswith("the ") else surface
        if norm(alias) not in seen:
            seen.add(norm(alias))
            aliases.append(alias)
    return Entity(
        id=content_hash(f"{kind.value}:{name}"),
        name=name,
        type=kind,
        aliases=tuple(aliases),
        descriptions=tuple(bucket.descriptions),
        mentions=tuple(bucket.mentions),
    )


class EntityIndex:
    """Which entity a name in an article refers to, with the story's names indexed once."""

    __slots__ = ("_by_key", "_people", "_where")

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._by_key: dict[str, list[Entity]] = defaultdict(list)
        self._people: list[tuple[tuple[str, ...], Entity]] = []
        self._where: dict[str, set[str]] = {}
        for e in entities:
            names = (e.name, *e.aliases)
            keys = {norm(n) for n in names} | {_org_key(n) for n in names}
            for key in keys | {norm(bare_name(n)) for n in names}:
                self._by_key[key].append(e)
            if e.type is EntityType.PERSON:
                self._people.append((name_words(e.name), e))
            self._where[e.id] = {a for a, _ in e.mentions}

    def resolve(self, article_id: str, surface: str) -> Entity | None:
        """The entity ``surface`` names in article ``article_id``: an entity named in that article
        before one named elsewhere, a person before an organisation; None when still ambiguous."""
        key = _org_key(_POSSESSIVE_END.sub("", bare_name(surface.strip())))
        if not key:
            return None
        hits = self._by_key.get(key, [])
        if not hits and " " in key:
            hits = [e for words, e in self._people if compatible(tuple(key.split()), words)]
        if len(hits) > 1:
            hits = [e for e in hits if article_id in self._where[e.id]] or hits
        if len(hits) > 1:
            hits = [e for e in hits if e.type is EntityType.PERSON] or hits
        return hits[0] if len(hits) == 1 else None


def resolve_name(entities: Sequence[Entity], article_id: str, surface: str) -> Entity | None:
    """The entity a name in an article refers to: "Duben" -> "Bjorn Alexander Duben", else None.

    For many look-ups over one story, build an :class:`EntityIndex` once instead.
    """
    return EntityIndex(entities).resolve(article_id, surface)
