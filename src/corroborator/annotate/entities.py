"""Who is named in one article: people, organisations, places and groups, and how people are described.

The article pass (:func:`find_mentions`, :func:`find_descriptions`) reads one parsed spaCy ``Doc``;
the story pass that joins these names across articles is :mod:`corroborator.annotate.entity_clusters`,
and both compare people's names with :mod:`corroborator.annotate.person_names`.

The small English model's NER slips often ("Xi Jinping" as a WORK_OF_ART, "Duben" as an ORG), so a
span tagged otherwise becomes a PERSON on evidence in its own article: the name is elsewhere a PERSON,
it is the subject of a speech verb, or a person's title stands before it. The other way round, a
one-word PERSON is no name when it is a title ("Sgt") or a suffix ("Jr."), not capitalised, or a
word the text also writes in lower case and no full name contains ("Arson" beside "arson"; "Page"
beside "Bettie Page" stays), a plural beside its adjective is a people ("Greeks" beside
"Greek"), and a word with a capital inside ("SpaceX"), of three capitals ("SAG") or with a digit
("Q3") names no one. A person mention's text is
the name as written with a title directly before it ("Mr. Putin", "Russian President Vladimir Putin");
:func:`bare_name` strips the title again.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from corroborator.annotate.given_names import is_given_name
from corroborator.annotate.person_names import ORG_WORDS, SUFFIXES, group_people, is_vessel
from corroborator.annotate.speech_cues import INVERTING_CUES
from corroborator.annotate.titles import HONORIFICS, OFFICES, PROFESSIONS
from corroborator.models import Description, EntityType, Mention, Span
from corroborator.vocab import NAME_PARTICLES, word_set

TITLES = HONORIFICS | OFFICES
# a title nearest the name must be one of these (so "Chief" alone is not a title, "Chief Officer" is)
_TITLE_HEADS = TITLES - {"chief"}
# ... but directly before a person's name it is ("Police Chief James Steele"), as a profession written
# like a title is ("Actress Lindsay Lohan", "Coach Bill Belichick")
_NAME_TITLE_HEADS = TITLES | PROFESSIONS
# role nouns that may head a description standing before a name: "North Korea's leader, Kim Jong-un"
_ROLES = TITLES | word_set(
    "counterpart head founder expert analyst adviser advisor aide envoy official spokesperson "
    "executive economist researcher scientist professor diplomat lawyer candidate deputy successor "
    "predecessor rival"
)
SPEECH_VERBS = word_set(
    "say says said tell tells told add adds added state states stated explain explains explained note "
    "notes noted write writes wrote ask asks asked argue argues argued warn warns warned insist insists "
    "insisted claim claims claimed recall recalls recalled acknowledge acknowledged declare declared "
    "comment commented continue continued reply replied respond responded announce announced observe "
    "observed suggest suggested predict predicted remark remarked concede conceded admit admitted urge "
    "urged caution cautioned stress stressed emphasise emphasised emphasize emphasized confirm confirmed "
    "deny denied call called"
)
# words that make a capitalised phrase a place
PLACE_WORDS = word_set(
    "lane street road avenue square bridge point park river lake island hall bay harbour harbor beach "
    "hill valley mountain sea ocean district county province falls drive boulevard creek springs heights"
)
# words after a company's own name: "Brandvold Chemicals" is also "Brandvold"
DESIGNATORS = word_set(
    "chemicals inc corp corporation co company ltd llc plc group holdings industries bank airlines "
    "airways motors energy media systems technologies partners capital pharmaceuticals foods oil gas "
    "petroleum steel mining international global"
)
_DEPS_BEFORE_NAME = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})
_QUOTES = frozenset("\"'“”‘’«»")
_DESC_OPENERS = frozenset({"of"})
_TYPES = {"PERSON": EntityType.PERSON, "ORG": EntityType.ORG, "GPE": EntityType.GPE, "NORP": EntityType.NORP}
_MAYBE_PERSON = frozenset({"WORK_OF_ART", "FAC", "PRODUCT", "LAW", "EVENT", "ORG", "NORP", "GPE", "LOC"})
_ORG_LIKE = frozenset({"WORK_OF_ART", "FAC", "PRODUCT", "EVENT"})
# online platforms a small model takes for people ("she said on Twitter")
_PLATFORMS = word_set(
    "twitter facebook instagram youtube tiktok snapchat reddit linkedin whatsapp telegram myspace tumblr"
)
_MAX_DESCRIPTION = 40  # tokens
# a capital inside a word that names a person comes after one of these ("McCain", "DeGeneres")
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|La|Le|Van|Vander|Von)(?=[A-Z])")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def _not_a_name_word(word: str) -> bool:
    """A word no one is named: with a capital inside it where names have none ("SpaceX"), or of
    three capitals or fewer ("SAG")."""
    letters = word.replace("-", "").replace("'", "")
    return _INNER_CAPITAL.search(_NAME_PREFIX.sub("", word)) is not None or (
        letters.isupper() and len(letters) <= 3
    )


def _low(token: Token | str) -> str:
    text = token if isinstance(token, str) else token.text
    return text.lower().rstrip(".")


def _is_capital(token: Token) -> bool:
    return token.text[:1].isupper()


def _proper(token: Token) -> bool:
    return token.pos_ == "PROPN" and _is_capital(token)


def bare_name(text: str) -> str:
    """A person's name without the title or honorific written before it: "Mr. Putin" -> "Putin",
    "Actress Lindsay Lohan" -> "Lindsay Lohan"."""
    words = text.split()
    cut = 0
    for i, word in enumerate(words[:-1]):
        if _low(word) in _NAME_TITLE_HEADS:
            cut = i + 1
    return " ".join(words[cut:])


# --- the article pass ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Name:
    """A candidate name in a Doc: token range of the name itself and its NER label."""

    start: int
    end: int
    label: str


# an author's note before a name: "Email Tariq Malik at ...", "Follow Mike Wall on Twitter"
_BIO_VERBS = word_set("email e-mail follow contact message tweet")
# an abbreviated role inside what the NER took for a name, before a full name ("Browns DL Sheldon
# Richardson", "Acme CFO Jane Roe"); not first, where it may be the name itself ("DJ Khaled")
_ABBREVIATION = re.compile(r"[A-Z]{2,4}")


def _trim(doc: Doc, start: int, end: int, label: str = "PERSON") -> tuple[int, int]:
    """Drop a leading "the", titles, trailing possessives and punctuation from a token range. A name
    the NER did not call a person keeps a leading title word unless a person's name follows it
    ("Major League Baseball", "General Motors", but "Judge Philip Hickok" taken for an ORG)."""
    if label == "PERSON":  # "Jeff Bezos's Blue Origin": the person is the owner
        end = next((k for k in range(start + 1, end - 1) if doc[k].text in _POSSESSIVE), end)
    while end > start and (
        doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].text[:1] == "@"
    ):
        end -= 1  # ... and a handle after the name ("Mike Wall @michaeldwall")
    while start < end - 1 and (
        doc[start].lower_ == "the"
        or (_low(doc[start]) in TITLES and (label == "PERSON" or _namelike(doc, start + 1, end)))
        or (label == "PERSON" and doc[start].is_lower and doc[start].lower_ not in NAME_PARTICLES)
        or (label == "PERSON" and doc[start].lower_ in _BIO_VERBS)
    ):
        start += 1  # ... and a lower-case word the NER glued to a person's name ("rang Taylor")
    if label == "PERSON" and end - start >= 2 and _gerund_heading(doc, start):
        start += 1  # "4. Questioning Vindman's judgment": a subhead's verb, capitalised
    if label == "PERSON":  # "Browns DL Sheldon Richardson": a team and a position's abbreviation
        start = max(
            [k + 1 for k in range(start + 1, end - 2) if _ABBREVIATION.fullmatch(doc[k].text)], default=start
        )
        # a name written twice over ("Ilhan Omar Ilhan Omar Hillicon Valley": a page's hover card)
        first = (doc[start].text, doc[start + 1].text) if end - start >= 4 else None
        end = next((k for k in range(start + 2, end - 1) if (doc[k].text, doc[k + 1].text) == first), end)
    return start, end


def _gerund_heading(doc: Doc, i: int) -> bool:
    """A word in -ing opening a line without a verb (after a list number, if any): a subhead's verb
    ("Questioning Vindman's judgment", "Remembering Jane Roe"), which the tagger, seeing a capital,
    takes for a name."""
    word = doc[i].text
    if len(word) < 7 or not word.endswith("ing") or not word[0].isupper() or not word[1:].islower():
        return False
    k = i - 1
    while k >= 0 and (doc[k].is_punct or doc[k].like_num) and "\n" not in doc[k].text:
        k -= 1
    return (k < 0 or (doc[k].is_space and "\n" in doc[k].text)) and _in_heading(doc, i)


def _title_start(doc: Doc, start: int) -> int:
    """Where a title written directly before a name begins ("Russian President", "Mr."), or ``start``."""
    i = start - 1
    if i < 0 or not _is_capital(doc[i]) or _low(doc[i]) not in _NAME_TITLE_HEADS:
        return start
    while i - 1 >= 0:
        prev = doc[i - 1]
        modifier = prev.dep_ in {"compound", "amod"} and prev.is_alpha
        if _is_capital(prev) and (_low(prev) in TITLES or modifier):
            i -= 1
        else:
            break
    return i


def _namelike(doc: Doc, start: int, end: int) -> bool:
    """Two to four capitalised words, none of them an organisation word or a function word (a
    hyphenated given name, "Eva-Marie", is one word: its hyphen is no word of its own)."""
    span = doc[start:end]
    if not 2 <= len(span.text.split()) <= 4:
        return False
    words = [t for t in span if not (t.text == "-" and t.i > start and not doc[t.i - 1].whitespace_)]
    return all(
        _is_capital(t)
        and (t.is_alpha or "-" in t.text or re.fullmatch(r"[A-Z]\.", t.text) is not None)
        and t.lower_ not in ORG_WORDS
        and t.lower_ not in PLACE_WORDS
        and not t.is_stop
        for t in words
    )


def _speech_subject(doc: Doc, start: int, end: int) -> bool:
    """The name is the subject of said/told/added..., by the parse or right beside the verb."""
    root = doc[start:end].root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lower_ in SPEECH_VERBS:
        return True
    if root.dep_ == "pobj":
        return False  # "the Western District of New York announced": the district's office speaks
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    return (after is not None and after.lower_ in SPEECH_VERBS) or (
        before is not None and before.lower_ in INVERTING_CUES and start > 1 and doc[start - 2].is_punct
    )


def _speech_or_role(doc: Doc, n: _Name) -> bool:
    """Speaks, or stands in apposition to a role: "Norway's top diplomat, Ingrid Lunde"."""
    root = doc[n.start : n.end].root
    role = root.dep_ == "appos" and root.head.i < n.start and _low(root.head) in _ROLES
    return role or _speech_subject(doc, n.start, n.end)


def _candidates(doc: Doc) -> list[_Name]:
    names = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in _TYPES and ent.label_ not in _MAYBE_PERSON:
            continue
        # a name ends at a line break ("CBS News" of "CBS News\n\nVideo", a heading and the next line)
        end = next((t.i for t in ent if "\n" in t.text), ent.end)
        start, end = _trim(doc, ent.start, end, ent.label_)
        if end > start:
            names.append(_Name(start, end, ent.label_))
            covered.update(range(ent.start, ent.end))
    # an honorific before capitalised words the NER missed: "Ms. Abernathy"
    for token in doc:
        if _low(token) in HONORIFICS and token.i + 1 < len(doc) and token.i + 1 not in covered:
            end = token.i + 1
            while end < len(doc) and end not in covered and _proper(doc[end]):
                end += 1
            if end > token.i + 1:
                names.append(_Name(token.i + 1, end, "PERSON"))
    return sorted(names, key=lambda n: n.start)


def _company(span: SpacySpan) -> bool:
    """A company's own name and designators after it: "Brandvold Chemicals", "Acme Holdings Ltd"."""
    return len(span) > 1 and all(t.lower_ in DESIGNATORS for t in span[1:])


def _titled(doc: Doc, name: _Name) -> bool:
    return _title_start(doc, name.start) < name.start


def _in_heading(doc: Doc, i: int, longest: int = 12) -> bool:
    """The token stands on a short line without a verb: a crosshead, not a sentence."""
    start, end = i, i + 1
    while start > 0 and i - start < longest and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    while end < len(doc) and end - i < longest and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
    return end - start < longest and not any(t.pos_ in {"VERB", "AUX"} for t in doc[start:end])


def _classify(doc: Doc, names: list[_Name]) -> list[tuple[_Name, EntityType]]:
    """Decide each candidate's type, correcting the NER with evidence from the whole Doc.

    A text is a person's name when one of its occurrences has a title or speaks, when the NER calls
    it PERSON more often than anything else, or (for a name the NER calls something else) when one
    of its words is on its own a PERSON that no other full name explains ("Xi" for "Xi Jinping").
    """
    texts = [doc[n.start : n.end].text for n in names]
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    signal: set[str] = set()
    for n, t in zip(names, texts, strict=True):
        labels[t][n.label] += 1
        if t not in signal and (
            _titled(doc, n) or (_namelike(doc, n.start, n.end) and _speech_or_role(doc, n))
        ):
            signal.add(t)
    lone = {t for n, t in zip(names, texts, strict=True) if n.label == "PERSON" and n.end - n.start == 1}
    full_words: Counter[str] = Counter()
    for t in {t for n, t in zip(names, texts, strict=True) if n.label == "PERSON" and n.end - n.start > 1}:
        words = t.split()
        full_words.update({words[0], words[-1]})
    person: dict[str, bool] = {}
    for n, t in zip(names, texts, strict=True):
        if t in person:
            continue
        count = labels[t]
        majority = count["PERSON"] > sum(count.values()) - count["PERSON"]
        words = t.split()
        own = full_words if count["PERSON"] == 0 else full_words - Counter({words[0]: 1, words[-1]: 1})
        hint = len(words) > 1 and any(w in lone and not own[w] for w in (words[0], words[-1]))
        namelike = _namelike(doc, n.start, n.end)
        person[t] = (
            (t in signal and (namelike or _proper(doc[n.start])))
            or (majority and count["PERSON"] > 0)
            or (namelike and hint)
        )
    # the text's lower-case words, but not those of a full name ("Page" for "Bettie Page", "page")
    common = frozenset(t.text for t in doc if t.text.islower()) - {w.lower() for w in full_words}
    norps = frozenset(t.text for t in doc if t.ent_type_ == "NORP" or t.tag_ == "JJ")
    typed = [
        _first_type(doc, n, person[t], labels[t], common, norps) for n, t in zip(names, texts, strict=True)
    ]
    kept = [k for k in typed if k is not None]
    full = [(doc[n.start].text, doc[n.end - 1].text, k) for n, k in kept if n.end - n.start > 1]
    surnames = {last for _, last, k in full if k is EntityType.PERSON}
    firsts = {first for first, _, k in full if k is EntityType.PERSON}
    org_heads = {  # "Brandvold" when "Brandvold Chemicals" is named in the text
        doc[n.start].text for n, k in kept if k is EntityType.ORG and _company(doc[n.start : n.end])
    }
    out = []
    for n, t, k in zip(names, texts, typed, strict=True):
        if n.end - n.start == 1 and n.label != "PERSON" and doc[n.start].pos_ == "PROPN":
            if t in org_heads and n.label != "GPE":
                k = (n, EntityType.ORG)
            elif (t in surnames or t in firsts) and n.label in _MAYBE_PERSON:
                k = (n, EntityType.PERSON)
        if k is not None:
            out.append(k)
    return out


def _first_type(
    doc: Doc,
    n: _Name,
    is_person: bool,
    labels: Counter[str],
    common: frozenset[str] = frozenset(),
    norps: frozenset[str] = frozenset(),
) -> tuple[_Name, EntityType] | None:
    span = doc[n.start : n.end]
    if n.label == "PERSON" and all(_low(t) in TITLES for t in span):
        return None  # "Lt Col" before "Alexander Vindman", taken for a name of its own
    if n.label == "PERSON" and _named_as_org(doc, n):
        return n, EntityType.ORG
    if is_person and n.label == "PERSON" and len(span) == 1 and not _titled(doc, n):
        word = span[0].text
        bare = word.lower().rstrip(".")
        if not word[:1].isupper() or bare in TITLES or bare in SUFFIXES or word.lower() in common:
            return None  # "Sgt" alone, "doesn", "Arson" (the text also writes "arson"): no name
        if word.endswith("s") and word[:-1] in norps:
            return n, EntityType.NORP  # "Greeks" beside "Greek": a people, not a person
        if bare in _PLATFORMS:
            return n, EntityType.ORG  # "posted on Twitter"
        if any(c.isdigit() for c in word):
            return n, EntityType.OTHER  # "Q3", "NBC10"
        if _not_a_name_word(word):
            return n, EntityType.ORG  # "SpaceX", "SAG": a brand or an organisation's initials
    if n.label == "PERSON" and is_vessel([t.text for t in span]):
        return n, EntityType.OTHER  # "INS Mysore": a ship
    if is_person and n.label == "PERSON" and not _titled(doc, n):
        if doc[n.start].lower_ == "the" or (n.start > 0 and doc[n.start - 1].lower_ == "the"):
            return n, EntityType.ORG
        if any(t.lower_ in ORG_WORDS for t in span):
            return n, EntityType.ORG
        street = span[-1].lower_ in PLACE_WORDS and not (len(span) > 1 and is_given_name(span[0].text))
        if street or not any(t.pos_ == "PROPN" for t in span):
            return None  # a street (not "Fiona Hill"), or a common noun the NER took for a name
        if len(span) == 1 and _in_heading(doc, n.start):
            return None  # a crosshead ("Foam and fireboats")
    if is_person:
        return n, EntityType.PERSON
    if n.label == "PERSON":  # called PERSON here, but something else more often in the same text
        best = max((lab for lab in labels if lab != "PERSON"), key=lambda lab: labels[lab], default="")
        return (n, _TYPES[best]) if best in _TYPES else None
    if n.label in _TYPES:
        return n, _TYPES[n.label]
    if n.label in _ORG_LIKE and any(t.lower_ in ORG_WORDS for t in span):
        return n, EntityType.ORG
    return None


# a kind of organisation written before its name: "energy company Burisma", "the rights group Amnesty"
_ORG_KINDS = word_set(
    "company firm group giant maker manufacturer retailer carrier airline bank lender insurer startup "
    "start-up conglomerate broadcaster newspaper outlet publisher network agency charity nonprofit "
    "non-profit organisation organization party ministry regulator watchdog operator developer brand"
)


def _named_as_org(doc: Doc, n: _Name) -> bool:
    """Whether a kind of organisation is written right before the name, as its modifier or with the
    name in apposition ("energy company Burisma"), not a sentence's noun before it ("the club Messi
    joined"), unless the name opens with a given name."""
    if n.start == 0:
        return False
    before = doc[n.start - 1]
    if before.lower_ not in _ORG_KINDS or not before.is_lower:
        return False
    if n.end - n.start > 1 and is_given_name(doc[n.start].text):
        return False  # "game developer John Romero": a person's trade
    root = doc[n.start : n.end].root
    return n.start <= before.head.i < n.end or (root.dep_ == "appos" and root.head.i == before.i)


def find_mentions(doc: Doc, *, caption: int | None = None) -> tuple[Mention, ...]:
    """PERSON, ORG, GPE and NORP mentions in one parsed text (the body, or caption ``caption``).

    A person's mention covers a title written directly before the name ("President Vladimir Putin");
    possessives are left out ("Putin's" -> "Putin").
    """
    mentions = []
    for name, kind in _classify(doc, _candidates(doc)):
        start = _title_start(doc, name.start) if kind is EntityType.PERSON else name.start
        first, last = doc[start], doc[name.end - 1]
        span = Span(first.idx, last.idx + len(last.text))
        mentions.append(Mention(doc[start : name.end].text, span, kind, caption))
    return tuple(mentions)


# --- descriptions ------------------------------------------------------------------------------------


def _tokens_of(doc: Doc, start_char: int, end_char: int) -> SpacySpan | None:
    return doc.char_span(start_char, end_char, alignment_mode="expand")


def _before(doc: Doc, name: SpacySpan) -> SpacySpan | None:
    """Modifiers written right before a name: "Russian political scientist", "Brandvold spokesman"."""
    inside = set(range(name.start, name.end))
    i = name.start - 1
    while i >= 0:
        t = doc[i]
        if t.dep_ in _DEPS_BEFORE_NAME and t.head.i in inside and not t.is_punct and t.text not in _QUOTES:
            if t.pos_ in {"DET", "PRON"} or t.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
                break
            inside.add(i)
            i -= 1
        else:
            break
    start = i + 1
    while start < name.start and (_low(doc[start]) in HONORIFICS or doc[start].text in _POSSESSIVE):
        start += 1
    words = doc[start : name.start]
    if not words or _low(words[-1]) in HONORIFICS:
        return None
    if start > 0 and doc[start - 1].lower_ in ("a", "an") and _low(words[-1]) not in _ROLES | PROFESSIONS:
        return None  # "a prospect Vindman denied", "a state Trump won": the name opens a clause
    titled = len(words) > 1 and any(_low(t) in _TITLE_HEADS for t in words)
    if not titled and not any(t.pos_ == "NOUN" for t in words):
        return None  # "Russian political scientist", "Russian President"; not a lone "President"
    return words


def _after(doc: Doc, name: SpacySpan) -> SpacySpan | None:
    """An appositive after the name: "Alexander Gabuev, director of the Carnegie Russia Eurasia Center,"."""
    c = name.end + 1
    if c >= len(doc) or doc[name.end].text != "," or doc[c].sent.start != name.sent.start:
        return None
    first = doc[c]
    opens = (
        first.pos_ in {"DET", "ADJ", "NOUN"}
        or first.tag_ == "PRP$"
        or first.lower_ in _DESC_OPENERS
        or (first.pos_ == "PROPN" and c + 1 < len(doc) and doc[c + 1].text in _POSSESSIVE)
    )
    if not opens or first.tag_.startswith("W") or first.lower_ in _NOT_OPENERS:
        return None  # "..., both retired journalists": several people's
    sent_end = name.sent.end
    end = None
    for t in doc[c : min(c + 4, sent_end)]:
        if t.dep_ == "appos" and name.start <= t.head.i < name.end:
            end = t.right_edge.i + 1
            # a hyphenated word the parse cuts into appositions: "a co-producer of the telecast"
            while (
                end < sent_end
                and not doc[end - 1].whitespace_
                and doc[end].dep_ == "appos"
                and (name.start <= doc[end].head.i < name.end)
            ):
                end = max(end + 1, doc[end].right_edge.i + 1)
            break
    if end is None:
        end = c
        while end < sent_end and doc[end].text != "," and not doc[end].is_sent_end:
            end += 1
    while end > c and (doc[end - 1].is_punct or doc[end - 1].text in _QUOTES):
        end -= 1
    opened = sum(t.text == "(" for t in doc[c:end]) - sum(t.text == ")" for t in doc[c:end])
    if opened > 0 and end < sent_end and doc[end].text == ")":
        end += 1  # "chief PRO (Defence)": the bracket the description opened
    words = doc[c:end]
    if not words or len(words) > _MAX_DESCRIPTION or any(t.text in _QUOTES for t in words):
        return None
    if not any(t.pos_ == "NOUN" or t.lower_ in _DESC_OPENERS for t in words):
        return None
    if any(t.dep_ == "ROOT" or _clause_head(t, words) for t in words):
        return None  # "Carlos Delgado, the Yankees are the only team ...": a clause, not who he is
    return words


def _clause_head(tok: Token, words: SpacySpan) -> bool:
    """A verb of its own clause hung on something outside ``words`` ("sign Ola Nordmann, the club is
    the only one ...": "is")."""
    outside = not words.start <= tok.head.i < words.end
    return tok.dep_ in ("ccomp", "parataxis") and tok.pos_ in ("VERB", "AUX") and outside


_NOT_OPENERS = frozenset({"that", "this", "these", "those", "both", "all", "each", "either", "neither"})


def _fronted(doc: Doc, name: SpacySpan) -> SpacySpan | None:
    """A role before the name and a comma: "North Korea's leader, Kim Jong-un"."""
    if name.start < 2 or doc[name.start - 1].text != ",":
        return None
    head = name.root.head
    if name.root.dep_ != "appos" or head.i >= name.start - 1:
        return None
    if head.pos_ != "NOUN" or _low(head) not in _ROLES:
        return None
    start = head.left_edge.i
    while start < head.i and doc[start].pos_ in {"DET", "PRON"}:
        start += 1
    words = doc[start : head.i + 1]
    return None if len(words) < 2 or any(t.text in _QUOTES for t in words) else words


def find_descriptions(doc: Doc, mentions: Sequence[Mention]) -> tuple[Description, ...]:
    """How the text describes each person it names, each description with its span."""
    people = [m for m in mentions if m.type is EntityType.PERSON]
    bares = [bare_name(m.text) for m in people]
    _, groups = group_people([(b, m.span.start) for b, m in zip(bares, people, strict=True)])
    found: list[Description] = []
    for m, bare, group in zip(people, bares, groups, strict=True):
        name = _tokens_of(doc, m.span.end - len(bare), m.span.end)
        if name is None:
            continue
        for words in (_before(doc, name), _after(doc, name), _fronted(doc, name)):
            if words is not None:
                span = Span(words.start_char, words.end_char)
                found.append(Description(group.name, words.text, span, m.caption))
    return tuple(found)
