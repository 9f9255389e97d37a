"""Claim units: the checkable statements of one article.

A claim unit is one statement with its evidence: a figure (one unit per figure), a dated event (one
per time expression), a quotation, or an event with a named actor (a sentence naming a person or an
organisation and what they did, when it carries none of the above). Photo captions are read like the
body: a caption asserts what it says.

Each unit carries the words that tell what it is about (its *context*: content words near the figure
or in the clause of the date, lightly stemmed, spelling variants folded) and, for figures, its
*measure*: the unit, what is counted ("people", "households") and whether it is a capacity ("can hold
8,500 cubic metres") rather than an amount, so that figures of different measures are never compared.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from corroborator.annotate.records import record_part
from corroborator.models import (
    Annotations,
    Article,
    ClaimKind,
    EntityType,
    Mention,
    Quantity,
    QuantityKind,
    Quote,
    Span,
    TimeExpression,
    iso_day,
)
from corroborator.vocab import word_set

_STOP = word_set(
    """a an the of to in on at for with and or by from is are was were be been being has have had do does
    did its it it's his her hers their theirs them they he she we us our you your i me my mine this that
    these those as but if than then so such not no nor also too very just only into over under about
    after before between during since until while when where which who whom whose what why how there
    here all any some each every both either neither more most much many other another same own said says
    say told tell according would could should will shall may might must can cannot s t up down out off
    again further once per via upon within without across against among around toward towards through
    one two three four five six seven eight nine ten eleven twelve hundred thousand million billion
    trillion bn mn percent per cent dozen mr mrs ms dr
    year years month months week weeks day days today yesterday tomorrow ago last next early late
    earlier later morning afternoon evening night tonight weekend spring summer autumn fall winter
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday"""
)
SPELLING = (
    (re.compile(r"(?<=[a-z]{2}[bdlmnpvi])our$"), "or"),  # harbour, neighbour, vapour (not hour, four)
    (re.compile(r"tre$"), "ter"),  # metre, centre
    (re.compile(r"([a-z]{3,})is(e|ed|es|ing|ation)$"), r"\1iz\2"),  # realise, organisation
    (re.compile(r"([aeiou])ll(ed|ing)$"), r"\1l\2"),  # travelled
)
# Every ending a SPELLING rule rewrites: a word without one (most words) skips the expressions.
_SPELLING_ENDINGS = ("our", "tre", "ise", "ised", "ises", "ising", "isation", "lled", "lling")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014\u2013]|\s-\s|\b(?:which|who|whose|when|while|after|before|because|although|though|"
    r"whereas|until|but|that)\b",
    re.IGNORECASE,
)
_QUOTE_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
_QUOTE_CLAUSE = re.compile(r"[,;:.!?\u2014\u2013]")
_RELATIVE = re.compile(r"\s*(?:which|who|whose|that)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")
_CAPACITY = re.compile(
    r"\b(?:can|could|capacity|capable|able to|up to|maximum|designed to)\b[^.;]{0,24}$", re.I
)
_UPDATE = re.compile(
    r"\b(?:rose|risen|rising|rises|increased|climbed|grew|grown|jumped|swelled|up from|down from|"
    r"fell|fallen|dropped|now|widened|revised|updated|latest|has reached|have reached|so far)\b",
    re.IGNORECASE,
)
# what a count counts, folded into a few classes so that paraphrases compare
_COUNT_CLASSES = {
    **dict.fromkeys(
        word_set(
            "people person persons resident residents inhabitant inhabitants evacuee evacuees civilian "
            "civilians villager villagers citizen citizens individual individuals local locals"
        ),
        "people",
    ),
    **dict.fromkeys(word_set("household households home homes family families"), "household"),
    **dict.fromkeys(word_set("death deaths dead killed fatalities fatality"), "dead"),
    **dict.fromkeys(word_set("injured wounded injuries"), "injured"),
}
# "the last major quake", "a previous visit", "another attack": the sentence speaks of another instance
# of its kind (an earlier event), whose date and figures are its own ("the last week" is a period)
_OTHER_INSTANCE = re.compile(
    r"\b(?:(?:the|a|an|its|their|his|her)\s+(?:last|previous|prior|preceding|similar)|another)\s+"
    r"(?!(?:few|several|couple|\d+|two|three|four|five|six|seven|eight|nine|ten|day|days|week|weeks|"
    r"month|months|year|years|decade|decades|night|weekend|century|one)\b)[a-z]",
    re.IGNORECASE,
)
# a running total over several events ("in their five operations so far ... 31 magazines")
_CUMULATIVE = re.compile(
    r"\b(?:so far|to date|in total|a total of|all told|altogether|cumulative(?:ly)?|since (?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_RELATIVE_COUNT = re.compile(r"\b(?:other|another|additional|more|further|extra)\b", re.IGNORECASE)
# a count of people with the harm it tells, written at the figure: "killing at least seven people",
# "injured two", "five people were killed", "two villagers slightly injured", "five hurt"
_HARM = r"(?P<harm>kill(?:s|ed|ing)?|dead|died|injur(?:e|es|ed|ing)|wound(?:s|ed|ing)?|hurt(?:ing)?)"
_HARM_BEFORE = re.compile(
    _HARM + r"\s+(?:at\s+least|about|around|some|nearly|almost|more\s+than|over|up\s+to|as\s+many\s+as)?\s*$",
    re.IGNORECASE,
)
_HARM_AFTER = re.compile(
    r"\s*(?:(?:people|persons|others)\s+)?(?:(?:were|was|have\s+been|had\s+been|are|is|being)\s+)?"
    r"(?:\w+ly\s+)?" + _HARM + r"\b",
    re.IGNORECASE,
)
_HARM_CLASS = {
    "kill": "dead",
    "dead": "dead",
    "died": "dead",
    "inju": "injured",
    "woun": "injured",
    "hurt": "injured",
}
# what a sentence may date away from its article's days; a weekday or "yesterday" stays within them
_NEAR_TIME = re.compile(
    r"^(?:(?:on|last|this|early|late)\s+)*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|"
    r"yesterday|overnight)\b",
    re.IGNORECASE,
)


def stem(word: str) -> str:
    """A light, deterministic stem: lower case, spelling variants folded, common suffixes cut."""
    w = word.lower().replace("’", "'").strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    w = _fold(w)
    if w.startswith("un") and len(w) > 6:
        w = w[2:]
    for suffix in ("less", "ness", "ing", "ies", "ied", "es", "ed", "ly", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    w = _fold(w)  # again, on the stem: neighbour(ing), realis(ed)
    if w.endswith("is"):
        w = re.sub(r"(?<=[a-z]{3}[a-z])is$", "iz", w)
    return w[:-1] if w.endswith("e") and len(w) > 4 else w


class WordMemo:
    """A caller's cache for :func:`content_words`: stems by word, and the content words of whole
    texts (one per story, whose reprints repeat sentences; no module-level cache)."""

    __slots__ = ("stems", "texts")

    def __init__(self) -> None:
        self.stems: dict[str, str] = {}
        self.texts: dict[str, frozenset[str]] = {}


Memo = dict[str, str] | WordMemo  # a stem cache, or a WordMemo


def content_sequence(text: str, memo: Memo | None = None) -> list[str]:
    """Stems of the content words of ``text`` in order (stop words, numbers and time words left out).
    ``memo`` is a caller's own stem cache (one per article or story: no module-level cache)."""
    if isinstance(memo, WordMemo):
        memo = memo.stems
    out = []
    for m in _WORD.finditer(text):
        token = m.group().lower().replace("’", "'")
        base = token[:-2] if token.endswith("'s") else token
        if base in _STOP or len(base) < 2:
            continue
        if memo is None:
            out.append(stem(base))
        else:
            found = memo.get(base)
            if found is None:
                found = memo[base] = stem(base)
            out.append(found)
    return out


def content_words(text: str, memo: Memo | None = None) -> frozenset[str]:
    """Stems of the content words of ``text``."""
    if isinstance(memo, WordMemo):
        found = memo.texts.get(text)
        if found is None:
            found = memo.texts[text] = frozenset(content_sequence(text, memo.stems))
        return found
    return frozenset(content_sequence(text, memo))


# "her (Tara Reid) family", "the [new] rule": a writer's insertion into the words quoted
_INSERTION = re.compile(r"\s*(?:\([^()]{1,60}\)|\[[^\[\]]{1,60}\])")
ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")


def wording(text: str) -> str:
    """A quotation's words, lower-cased, with spelling variants folded (realise = realize, multi-planetary
    = multiplanetary) and a writer's bracketed insertions left out ("her (Tara Reid) family")."""
    text = _INSERTION.sub("", text.lower().replace("’", "'"))
    return " ".join(_fold(w.replace("-", "")) for w in _QUOTE_WORD.findall(text))  # multi-planetary


def elided_parts(text: str) -> list[str]:
    """The wording of each stretch of a quotation between the marks of words left out ("..."); one
    part when nothing is left out."""
    return [w for w in (wording(p) for p in ELLIPSIS.split(text)) if w]


def quote_parts(text: str, memo: Memo | None = None) -> tuple[frozenset[str], ...]:
    """The content words of each clause of a quotation."""
    return tuple(w for w in (content_words(p, memo) for p in _QUOTE_CLAUSE.split(text)) if w)


def _fold(word: str) -> str:
    if not word.endswith(_SPELLING_ENDINGS):
        return word  # no rule applies (each needs one of these endings)
    for pattern, repl in SPELLING:
        word = pattern.sub(repl, word)
    return word


def phrases_of(text: str, context: frozenset[str], memo: Memo | None = None) -> frozenset[str]:
    """Adjacent pairs of content words ("pump fire", "state visit") among ``context``."""
    seq = content_sequence(text, memo)
    return frozenset(
        f"{a} {b}" for a, b in itertools.pairwise(seq) if a in context and b in context and a != b
    )


@dataclass(frozen=True, slots=True)
class ClaimUnit:
    """One checkable statement of one article, with its evidence.

    ``span`` is the sentence (the evidence) in the body, or in caption ``caption``; ``text`` is that
    sentence. ``context`` holds the stems that say what the statement is about; ``subjects`` the names
    (lower-cased surnames for people) of the actors named near it.
    """

    article_id: str
    kind: ClaimKind
    text: str
    span: Span
    caption: int | None
    context: frozenset[str]
    subjects: tuple[str, ...] = ()
    quantity: Quantity | None = None
    time: TimeExpression | None = None
    quote: Quote | None = None
    measure: str = ""  # figures: unit, counted class, capacity flag
    article_date: str | None = None  # when the article was published (stated or inferred), ISO
    update_cue: bool = False  # "rose to", "now", "up from" in the sentence
    # "the last major quake was in February": before the figure or date; for a figure also a running
    # total ("so far", "to date")
    other_instance: bool = False
    sentence_values: tuple[float, ...] = ()  # the other figures of the sentence, same unit
    # figures: the sentence's other measures, not counts, with their values ("magnitude", 5.2)
    sentence_measures: tuple[tuple[str, float], ...] = ()
    revised_from: float | None = None  # "rose to 1,900 from 1,200": the figure this one replaces
    place: str = ""  # figures: the place the figure describes ("Bandar Abbas, a city of 500,000")
    # figures: the sentence dates something away from the article's days ("struck in September")
    dated_away: bool = False
    sentence_dates: tuple[str, ...] = ()  # the other resolved dates of the sentence
    phrases: frozenset[str] = frozenset()  # adjacent content-word pairs of the context
    names: frozenset[str] = frozenset()  # context words that are parts of names (capitalised)
    wording: str = ""  # quotations: the words, spelling folded
    quote_parts: tuple[frozenset[str], ...] = ()  # quotations: content words of each clause
    # dates: content words of the event the parse read for the date ("A Norwalk jury ordered
    # execution for a gang member"), names left out, and the stem of its verb or noun ("order");
    # empty when the parse read none
    dated_event: frozenset[str] = frozenset()
    act: frozenset[str] = frozenset()

    @property
    def quote_words(self) -> frozenset[str]:
        return frozenset().union(*self.quote_parts)

    @property
    def event_words(self) -> frozenset[str]:
        """Context words that are not names: what happened, rather than to whom or where."""
        return self.context - self.names

    @property
    def focus_text(self) -> str:
        """The figure, date or quotation the unit is about."""
        if self.quantity is not None:
            return self.quantity.text
        if self.time is not None:
            return self.time.text
        if self.quote is not None:
            return self.quote.text
        return self.text


def _sentences(article: Article, ann: Annotations) -> Iterator[tuple[int | None, str, Span]]:
    for span in ann.sentences:
        start = span.start
        for line in article.body[span.start : span.end].split("\n"):  # a subhead is not part of a sentence
            if line.strip():
                lead = len(line) - len(line.lstrip())
                yield None, article.body, Span(start + lead, start + len(line.rstrip()))
            start += len(line) + 1
    for k, caption in enumerate(article.captions):
        start = 0
        for m in _SENTENCE_END.finditer(caption.text):
            yield k, caption.text, Span(start, m.start())
            start = m.end()
        if start < len(caption.text):
            yield k, caption.text, Span(start, len(caption.text.rstrip()))


def _clauses(text: str, span: Span) -> list[Span]:
    """The sentence cut at punctuation and at subordinating words (each word starts a clause)."""
    cuts = [span.start]
    for m in _CLAUSE_BREAK.finditer(text, span.start, span.end):
        cuts.append(m.end() if not m.group()[0].isalpha() else m.start())
    cuts.append(span.end)
    return [Span(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _clause_context(text: str, sentence: Span, inside: Span, memo: Memo) -> frozenset[str]:
    """Content words of the clause holding ``inside``, grown by neighbours until it says something."""
    clauses = _clauses(text, sentence)
    first = next((i for i, c in enumerate(clauses) if c.end > inside.start), len(clauses) - 1)
    last = next((i for i, c in enumerate(clauses) if c.end >= inside.end), len(clauses) - 1)
    lo, hi = first, max(first, last)
    asides = _asides(text, clauses) - set(range(first, max(first, last) + 1))

    def words() -> frozenset[str]:
        # the clauses from lo to hi around ``inside``, without an aside between dashes it is not in
        # ("on Wednesday — the day the autopsy showed he was shot — the crowd became unruly")
        parts: list[str] = []
        for i in range(lo, hi + 1):
            if i in asides:
                continue
            a, b = clauses[i].start, clauses[i].end
            parts += [text[a : min(b, inside.start)], text[max(a, inside.end) : b]]  # without ``inside``
        return content_words(" ".join(parts), memo)

    found = words()
    # a relative clause ("which opened in 1998") is about what precedes it: grow to the left first
    relative = _RELATIVE.match(text, clauses[lo].start) is not None
    while len(found) < 2 and (lo > 0 or hi < len(clauses) - 1):
        if (relative and lo > 0) or hi == len(clauses) - 1:
            lo -= 1
        else:
            hi += 1
        found = words()
    return found


def _asides(text: str, clauses: Sequence[Span]) -> set[int]:
    """The clauses between a pair of dashes in the sentence: an aside ("— the same day ... —")."""
    out: set[int] = set()
    opened: int | None = None
    for i, c in enumerate(clauses):
        if text[c.end - 1] not in "\u2014\u2013":
            continue
        if opened is None:
            opened = i + 1
        else:
            out.update(range(opened, i + 1))
            opened = None
    return out


def _nearest_context(
    text: str, sentence: Span, focus: Span, others: Sequence[Span], memo: Memo
) -> frozenset[str]:
    """Content words of the sentence nearer to ``focus`` than to any other figure in it."""
    out: set[str] = set()
    for m in _WORD.finditer(text, sentence.start, sentence.end):
        if focus.start <= m.start() < focus.end or any(o.start <= m.start() < o.end for o in others):
            continue
        pos = m.start()
        mine = min(abs(pos - focus.start), abs(pos - focus.end))
        if all(min(abs(pos - o.start), abs(pos - o.end)) >= mine for o in others):
            out |= content_words(m.group(), memo)
    return frozenset(out)


def _names(text: str, sentence: Span, memo: Memo) -> frozenset[str]:
    """Stems of the capitalised words of a sentence, except its first word."""
    words = list(_WORD.finditer(text, sentence.start, sentence.end))
    return content_words(" ".join(m.group() for m in words[1:] if m.group()[0].isupper()), memo)


_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|added|stated|reported|wrote|confirmed)\s+(?:\w+\s+)?$", re.I
)


def _reporting_date(text: str, sentence: Span, t: TimeExpression) -> bool:
    """ "said on Wednesday": the date of a statement, not of what it states."""
    return bool(_REPORTED.search(text[max(sentence.start, t.span.start - 40) : t.span.start]))


def _count_class(q: Quantity, text: str, sentence: Span) -> str:
    after = re.split(r"\d|\b(?:" + "|".join(sorted(_STOP, key=len, reverse=True)) + r")\b(?=\s|$)", q.text)[
        -1
    ]
    noun = next((w.lower() for w in _WORD.findall(after) if w.lower() not in _STOP), None)
    if noun is None:  # a bare figure: "rose to 1,900": what the sentence counts ("the number of people")
        before = text[sentence.start : q.span.start]
        m = re.search(r"number of (\w+)", before, re.IGNORECASE)
        sentence_words = [w.lower() for w in _WORD.findall(text[sentence.start : sentence.end])]
        words = [m.group(1).lower()] if m else sentence_words
        noun = next((w for w in words if w in _COUNT_CLASSES), "?")
    return _COUNT_CLASSES.get(noun, stem(noun))


def _revised_from(text: str, q: Quantity, figures: Sequence[Quantity]) -> float | None:
    """The earlier figure a sentence says this one replaces: "... to 1,900 from 1,200", "up from 340"."""
    if re.search(r"\bfrom\s+(?:about\s+|around\s+)?$", text[max(0, q.span.start - 20) : q.span.start], re.I):
        return None  # this one is the old figure
    for o in figures:
        if o is not q and o.unit == q.unit and o.kind is q.kind:
            before = text[max(0, o.span.start - 20) : o.span.start]
            if re.search(r"\bfrom\s+(?:about\s+|around\s+)?$", before, re.IGNORECASE):
                return o.value
    return None


_HARMED = frozenset({"count:people", "count:dead", "count:injured", "count:?"})
# figures that do not describe the event a sentence tells of (as a magnitude or a sum does)
_NOT_DESCRIBING = frozenset({QuantityKind.COUNT, QuantityKind.DURATION, QuantityKind.AGE})


def _dated_away(times: Sequence[TimeExpression], article_date: str | None) -> bool:
    """Whether a sentence dates something away from its article's days: a time that is not a weekday
    or "yesterday" and is not resolved to within a week of the article's date."""
    anchor = iso_day(article_date)
    for t in times:
        if _NEAR_TIME.match(t.text):
            continue
        if not t.value:
            return True
        start, end = t.value.split("/")[0], t.value.split("/")[-1]
        first, last = iso_day(start), iso_day(end)
        if anchor is None or first is None or last is None or len(start) != 10:
            return True
        if abs((first - anchor).days) > 7 or abs((last - anchor).days) > 7:
            return True
    return False


def _harm_of(q: Quantity, text: str) -> str:
    """ "dead" or "injured" when a count of people says, at the figure, how they were harmed; ""
    otherwise (a figure whose harm is told further off is left alone)."""
    if q.kind is not QuantityKind.COUNT:
        return ""
    found = _HARM_BEFORE.search(text, max(0, q.span.start - 40), q.span.start) or _HARM_AFTER.match(
        text, q.span.end
    )
    return _HARM_CLASS[found.group("harm")[:4].lower()] if found else ""


# between a name and its record: "Klitschko (52-3", "Klitschko, 53-3", "Klitschko's record to 52-3";
# ``{}`` takes the words allowed before "record" ("Klitschko improved his record to 52-3")
_TO_RECORD = r"(?:['’]s)?(?:\s*\(\s*|,\s*|\s+{}record\s+(?:[a-z]+\s+){{0,2}})"
_RECORD_OF = re.compile(_TO_RECORD.format(""))


def _record_holder(text: str, q: Quantity, mentions: Sequence[Mention]) -> str:
    """Whose win-loss record a figure is part of, as its name's last word ("klitschko"), when the
    name stands right before the record; "?" otherwise (compared with none, as an age of no one)."""
    start = q.span.start
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] == "-"):
        start -= 1  # the losses of "52-3": the record starts at its wins
    for m in mentions:
        named = m.type in (EntityType.PERSON, EntityType.ORG) and m.caption == q.caption
        if named and _RECORD_OF.fullmatch(text, m.span.end, start) is not None:
            words = m.text.removesuffix("'s").removesuffix("’s").lower().split()
            return words[-1] if words else "?"
    # the small NER model misses many names: a capitalised word right before will do
    before = _RECORD_AFTER_NAME.search(text, max(0, start - 60), start)
    return before.group("name").lower() if before is not None else "?"


# "Klitschko (52-3", "Champion, Wladimir Klitschko, 53-3", "Klitschko improved his record to 52-3"
_RECORD_AFTER_NAME = re.compile(
    r"\b(?P<name>[A-Z][a-z][\w'’-]*?)" + _TO_RECORD.format(r"(?:[a-z]+\s+){0,2}") + "$"
)


# between a name and its age: "Smith, 61", "Smith, age 61"
_AGE_OF = re.compile(r",\s*(?:aged?\s*)?")
_TITLE = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady)\.?\s+", re.IGNORECASE)


def _age_holder(text: str, q: Quantity, mentions: Sequence[Mention]) -> str:
    """Whose age a figure is, as "given surname" (or the one name written), when a person's name
    stands right by it: after it ("61-year-old Sharron Diane Crawford Smith") or before it, in
    apposition ("Raj Chohan, 59", "Smith, age 61"); "?" otherwise ("a 60-year-old woman", "died at the
    age of 91": an age said of no one named, or at another time)."""
    for m in mentions:
        if m.type is not EntityType.PERSON or m.caption != q.caption:
            continue
        before = _AGE_OF.fullmatch(text, m.span.end, q.span.start) is not None
        after = q.text.lower().endswith("old") and text[q.span.end : m.span.start] == " "
        if before or after:
            words = _TITLE.sub("", m.text).removesuffix("'s").removesuffix("’s").lower().split()
            return " ".join(dict.fromkeys((words[0], words[-1]))) if words else "?"
    return "?"


def measure_of(q: Quantity, text: str, sentence: Span) -> str:
    """What a figure measures: its unit, what it counts, and whether it is a capacity."""
    if q.kind is QuantityKind.AGE:
        return f"age:{q.unit}"  # whose: :func:`_age_holder`, which needs the names
    if q.kind is QuantityKind.COUNT:
        if (part := record_part(text, q)) is not None:
            return f"record:{part}"  # whose: :func:`_record_holder`, as for ages
        if _RELATIVE_COUNT.search(q.text):
            return f"count:relative:{q.text.lower()}"
        key = f"count:{_count_class(q, text, sentence)}"
        if key in _HARMED and (harm := _harm_of(q, text)):
            key = f"count:{harm}"  # "seven people killed" and "7 dead" count the same
    else:
        key = q.unit
    if q.kind is not QuantityKind.MONEY and _CAPACITY.search(text[sentence.start : q.span.start]):
        key += ":capacity"
    return key


# "Qeshm island, home to 120,000 people", "Bandar Abbas, a city of 500,000", "Ely, population 20,000":
# the figure describes the place just named (an apposition binds to the nearest name; "..., with a
# population of" may describe the sentence's subject instead, so it is left out). The name is read
# from its capitals: the small NER model misses or mistypes many place names.
_PLACE_WORD = r"(?:island|city|town|village|province|county|state|region|district|port|capital|valley)"
_DESCRIBES_PLACE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)"
    rf"(?:\s+(?i:{_PLACE_WORD}))?"
    r",\s+(?:home\s+to|population|(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?:city|town|village|island|nation|"
    r"country|province|state|region|district|port|community|municipality|suburb)\s+of)\s+"
    r"(?:about|some|around|roughly|nearly|almost|more\s+than|over|an\s+estimated)?\s*$"
)


def _place_described(text: str, sentence: Span, q: Quantity) -> str:
    """The place a figure describes by apposition ("Bandar Abbas, a city of 500,000"), lower-cased;
    "" when it describes none."""
    found = _DESCRIBES_PLACE.search(text, max(sentence.start, q.span.start - 90), q.span.start)
    if found is None:
        return ""
    name = found.group("name").lower().removeprefix("the ")
    return re.sub(rf"(?<=\w)\s+{_PLACE_WORD}$", "", name)  # "Qeshm Island" is Qeshm


def _subjects(mentions: Sequence[Mention], caption: int | None, inside: Span) -> tuple[str, ...]:
    names = []
    for m in mentions:
        if m.caption != caption or not (inside.start <= m.span.start < inside.end):
            continue
        if m.type is EntityType.PERSON:
            names.append(m.text.split()[-1].lower().removesuffix("'s").removesuffix("’s"))
        elif m.type in (EntityType.ORG, EntityType.GPE):
            names.append(m.text.lower().removeprefix("the "))
    return tuple(dict.fromkeys(names))


# a sum, then an opening bracket: what follows in the bracket converts it
_CONVERTED = re.compile(
    r"\d(?:[\d,.]*\d)?(?:\s?-?(?:thousand|million|billion|trillion|bn|mn|m|k)\b)?[^\w(]{0,3}\s*\(\s*"
    r"(?:about|around|approximately|roughly|some|or|approx\.?)?\s*$",
    re.IGNORECASE,
)


def _conversion(text: str, q: Quantity) -> bool:
    """ "A$1 million ($1.52 million)", "€110-billion ($143-billion)": a sum converted into another
    currency, in brackets after it, is no claim of its own (reports convert at different rates; the
    first currency may even be lost to a garbled sign)."""
    if q.kind is not QuantityKind.MONEY:
        return False
    return _CONVERTED.search(text, max(0, q.span.start - 40), q.span.start) is not None


def _other_instance(text: str, sentence: Span, focus: Span) -> bool:
    """Whether the sentence, before ``focus``, speaks of another instance of its kind."""
    return _OTHER_INSTANCE.search(text, sentence.start, focus.start) is not None


def _within(span: Span, sentence: Span) -> bool:
    return sentence.start <= span.start < sentence.end


def extract_claims(article: Article, ann: Annotations, *, memo: Memo | None = None) -> tuple[ClaimUnit, ...]:
    """The checkable statements of ``article``: figures, dated events, quotations and events with a
    named actor, from the body and the photo captions, each with its sentence as evidence."""
    article_date = article.published
    if article_date is None and ann.published_inferred is not None:
        article_date = ann.published_inferred.date.split("/")[0]
    units: list[ClaimUnit] = []
    memo = WordMemo() if memo is None else memo  # words already stemmed (pass one for a whole story)
    for caption, text, sentence in _sentences(article, ann):
        sent_text = text[sentence.start : sentence.end]
        figures = [q for q in ann.quantities if q.caption == caption and _within(q.span, sentence)]
        times = [t for t in ann.times if t.caption == caption and _within(t.span, sentence) and t.value]
        quotes = [q for q in ann.quotes if q.caption == caption and _within(q.span, sentence)]
        away = _dated_away(
            [
                t
                for t in ann.times
                if t.caption == caption
                and _within(t.span, sentence)
                and not _reporting_date(text, sentence, t)
            ],
            article_date,
        )
        cue = bool(_UPDATE.search(sent_text))
        running_total = bool(_CUMULATIVE.search(sent_text))  # every figure of the sentence is one
        names = _names(text, sentence, memo)
        subjects = _subjects(ann.mentions, caption, sentence)
        base = {"article_id": article.id, "text": sent_text, "span": sentence, "caption": caption}
        measures = {id(q): measure_of(q, text, sentence) for q in figures}
        for q in figures:
            if q.kind is QuantityKind.AGE:
                measures[id(q)] += ":" + _age_holder(text, q, ann.mentions)
            elif measures[id(q)].startswith("record:"):
                measures[id(q)] += ":" + _record_holder(text, q, ann.mentions)
        for q in figures:
            if q.kind is QuantityKind.DURATION or _conversion(text, q):
                continue
            other = running_total or _other_instance(text, sentence, q.span)
            others = [o.span for o in figures if o is not q and o.unit == q.unit]
            context = _nearest_context(text, sentence, q.span, others, memo)
            units.append(
                ClaimUnit(
                    kind=ClaimKind.FIGURE,
                    context=context,
                    names=context & names,
                    phrases=phrases_of(sent_text, context, memo),
                    subjects=subjects,
                    quantity=q,
                    measure=measures[id(q)],
                    sentence_measures=tuple(
                        (measures[id(o)], o.value)
                        for o in figures
                        if o is not q and o.kind not in _NOT_DESCRIBING
                    ),
                    article_date=article_date,
                    update_cue=cue,
                    other_instance=other,
                    sentence_values=tuple(o.value for o in figures if o is not q and o.unit == q.unit),
                    revised_from=_revised_from(text, q, figures) if cue else None,
                    place=_place_described(text, sentence, q),
                    dated_away=away,
                    **base,  # type: ignore[arg-type]
                )
            )
        for t in times:
            if any(q.span.start <= t.span.start < q.span.end for q in quotes) or _reporting_date(
                text, sentence, t
            ):
                continue  # a date inside a quotation belongs to it; "said on Monday" dates the saying
            context = _clause_context(text, sentence, t.span, memo)
            units.append(
                ClaimUnit(
                    kind=ClaimKind.DATE,
                    context=context,
                    names=context & names,
                    phrases=phrases_of(sent_text, context, memo),
                    sentence_dates=tuple(o.value for o in times if o is not t and o.value),
                    subjects=subjects,
                    time=t,
                    dated_event=content_words(t.event, memo) - names if t.event else frozenset(),
                    act=content_words(t.act, memo) if t.act else frozenset(),
                    article_date=article_date,
                    update_cue=cue,
                    other_instance=_other_instance(text, sentence, t.span),
                    **base,  # type: ignore[arg-type]
                )
            )
        for quote in quotes:
            units.append(
                ClaimUnit(
                    kind=ClaimKind.QUOTE,
                    context=_clause_context(text, sentence, Span(quote.span.start, quote.span.start), memo),
                    wording=wording(quote.text),
                    quote_parts=quote_parts(quote.text, memo),
                    subjects=subjects,
                    quote=quote,
                    article_date=article_date,
                    **base,  # type: ignore[arg-type]
                )
            )
        ages_only = all(q.kind is QuantityKind.AGE for q in figures)  # "Chohan, 59, was killed": an event
        if ages_only and not (times or quotes) and subjects:
            words = content_words(sent_text, memo)
            if len(words) >= 4:
                units.append(
                    ClaimUnit(
                        kind=ClaimKind.EVENT,
                        context=words,
                        subjects=subjects,
                        article_date=article_date,
                        **base,  # type: ignore[arg-type]
                    )
                )
    return tuple(units)
