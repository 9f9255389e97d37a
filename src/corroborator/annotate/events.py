"""The event a time expression dates: its clause, read from spaCy's parse of its sentence.

Computed in the annotation pass, where each text's parse exists, and carried on the time expression
(``TimexMatch.event``, then ``TimeExpression.event``), so the timeline needs no second parse. The
clause is the verb the expression hangs from, with its subject, objects and first complements,
minus the expression itself ("Putin arrived in Beijing"); or the noun phrase it dates ("Hamas's
attack on Israel this month"). "He" or "she" as subject becomes the person the text names most
often before it; "it" or "they" the nearest noun before it in the sentence. Text parts inside direct
quotations (but the one the expression sits in: the speaker's own event) and parentheses are left
out. A sentence without a verb (a caption), or whose clause says too little ("It happened in 1959":
fewer than two content words), gives the sentence without the expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from corroborator.annotate.given_names import given_name_gender
from corroborator.annotate.person_names import SUFFIXES, without_suffix
from corroborator.annotate.pronouns import Gender
from corroborator.annotate.speech_cues import CUE_WORDS, verb_above
from corroborator.models import EntityType, Mention, Quote, Span
from corroborator.vocab import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

MAX_EVENT_TOKENS = 16
# a time expression on one of these dates a verb, not the noun ("host the Oscars for a second time
# next year", "got a win at an opportune time this week")
_TIME_NOUNS = frozenset(("time", "times", "moment", "occasion", "period", "point"))

_STOP = frozenset(
    re.findall(
        r"\w+",
        """a an the of to in on at for with and or by from is are was were be been being has have had will
        would could should may might can its it his her their they them he she this that these those as
        into about after before over than then there which who whom whose what when where while not no
        did do does also mr mrs ms dr president said says say told tells""",
    )
)
_KEEP_CHILD = frozenset(
    re.findall(
        r"\w+", "nsubj nsubjpass csubj aux auxpass neg prt dobj attr acomp oprd dative agent xcomp ccomp expl"
    )
)
_WORD = re.compile(r"[^\W_]+(?:[-.,][^\W_]+)*")
_PRONOUN = frozenset(["he", "she"])
_OTHER = {"he": "she", "she": "he"}
_TRAILING = re.compile(
    r"(?:\s+(?:early|late|at least|on|in|at|until|by|during|since|from|of|and|or|but|a|an|the|had|has|have|"
    r"to|with|for|[,;:—–-]))+$",
    re.IGNORECASE,
)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of a clause that carry its content: no stop words, no possessive 's, and a
    run of capitalised words (a name) counts once, by its last word ("Mayor Ann Brook" -> brook), so
    that one shared name is not enough to make two clauses the same event."""
    out: set[str] = set()
    words = [w.removesuffix("'s").removesuffix("’s") for w in _hyphen_parts(_WORD.findall(text))]
    for k, word in enumerate(words):
        following = words[k + 1] if k + 1 < len(words) else ""
        low = word.lower()
        if word[:1].isupper() and low in SUFFIXES and k > 0 and words[k - 1][:1].isupper():
            continue  # "Jr." ends a name, but the surname before it counts
        if word[:1].isupper() and following[:1].isupper() and following.lower() not in SUFFIXES:
            continue  # not the last word of a name
        if (low not in _STOP and len(low) > 1) or low.isdigit():
            out.add(low)
    return frozenset(out)


def _hyphen_parts(words: Sequence[str]) -> list[str]:
    """Words with their hyphenated compounds taken apart, as a clause without the hyphens reads
    ("hit-and-run", "eleventh-hour"), less a prefix of two letters ("co-workers": workers)."""
    out: list[str] = []
    for word in words:
        parts = word.split("-")
        out += parts if len(parts) == 1 else [p for p in parts if len(p) > 2 or p.isdigit()]
    return out


def _sentence(text: str, sentences: Sequence[Span], pos: int) -> Span:
    """The sentence around ``pos``, cut to its paragraph (headings glued to a sentence go)."""
    found = next((s for s in sentences if s.start <= pos < s.end), Span(0, len(text)))
    start, end = found.start, found.end
    para_start = text.rfind("\n", start, pos)
    if para_start >= 0:
        start = para_start + 1
    para_end = text.find("\n", pos, end)
    if para_end >= 0:
        end = para_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        return _subject_of(verb.head)
    return None


def _phrase(head: Token, drop: set[int]) -> list[Token]:
    """A phrase without relative clauses, long appositions, punctuation and what is in ``drop``."""
    out: list[Token] = []
    for tok in head.subtree:
        if tok.i in drop or (tok.dep_ == "punct" and tok.i != head.i):
            continue
        if any(_cut(a) for a in _ancestors_to(tok, head)):
            continue
        out.append(tok)
    return out


def _cut(tok: Token) -> bool:
    """Whether a dependent (and what hangs from it) is left out of a short event text."""
    if tok.dep_ in ("relcl", "acl", "advcl", "parataxis"):
        return True
    if tok.dep_ == "appos":  # a short name in apposition stays ("China's leader, Xi Jinping")
        return tok.pos_ != "PROPN" or sum(not t.is_punct for t in tok.subtree) > 4
    return tok.dep_ == "prep" and tok.lower_ == "according"


def _ancestors_to(tok: Token, top: Token) -> list[Token]:
    chain: list[Token] = []
    while tok.i != top.i and tok.head.i != tok.i:
        chain.append(tok)
        tok = tok.head
    return chain


def _join(tokens: Sequence[Token], names: dict[int, str]) -> str:
    tokens = tokens[:MAX_EVENT_TOKENS]
    parts: list[str] = []
    for k, t in enumerate(tokens):
        parts.append(names.get(t.i, t.text))
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if following is None:
            break
        if following.i == t.i + 1:
            parts.append(t.whitespace_)
        elif following.i == t.i + 2 and _glued_hyphen(t.doc, t.i + 1):
            parts.append("-")  # "rear-ended", whose hyphen the phrase left out
        elif following.pos_ != "PUNCT" and not following.text.startswith("'"):
            parts.append(" ")
    return " ".join("".join(parts).strip(" ,;:—–-\"“”'‘’").split())


# nouns that a date before them only makes longer: "tomorrow morning", "yesterday evening"
_DAY_PARTS = frozenset(
    ("morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year")
)


def _dates_noun(date: Token) -> bool:
    """Whether a time expression is written as the possessive of a noun ("Thursday's fight") or
    between its determiner and it ("the Saturday shooting"; not "announced Sunday measures", where
    the date is the verb's)."""
    noun = date.head
    if noun.lower_ in _DAY_PARTS:
        return False
    if date.dep_ == "poss":
        return True
    return date.dep_ == "compound" and any(c.dep_ in ("det", "poss") and c.i < date.i for c in noun.children)


class DatedEvent(NamedTuple):
    """The event text a time expression dates; ``noun``: the noun the date is of ("Thursday's fight");
    ``act``: the verb of that event, or the noun, as written ("convicted", "fight"); "" when the
    event is the sentence (no clause was read); ``scheduled``: its verb is in the simple present and
    says no speech, which in news text dates what is planned ("Lowe's reports earnings Wednesday",
    "The Gophers play Saturday")."""

    text: str
    noun: bool = False
    act: str = ""
    scheduled: bool = False


def _clause(
    doc: Doc,
    time_tokens: set[int],
    person_at: Callable[[Token, frozenset[str]], str | None],
    hidden: frozenset[int] = frozenset(),
) -> DatedEvent | None:
    """The event the time expression dates: the subject, verb, objects and first complements of its
    clause, or the noun phrase it dates ("Hamas's attack on Israel this month")."""
    tok = doc[min(time_tokens)]
    while tok.i in time_tokens and tok.head.i in time_tokens and tok.head.i != tok.i:
        tok = tok.head
    drop = set(time_tokens) | hidden
    small = [t.i for t in tok.subtree]
    if len(small) <= len(time_tokens) + 2:  # "next week's": the possessive goes with the date
        drop.update(small)
    on_noun = tok.head.pos_ == "NOUN" and tok.head.lower_ not in _TIME_NOUNS
    if tok.dep_ in ("npadvmod", "poss", "compound", "nmod") and on_noun:
        # dated directly, not through a preposition: "Hamas's attack on Israel this month"
        noun = [t for t in _phrase(tok.head, drop) if not (t.dep_ == "det" and t.head.i == tok.head.i)]
        if len(content_words(_join(noun, {}))) >= 2:
            return DatedEvent(_join(noun, {}), act=tok.head.lower_)
        if _dates_noun(tok) and content_words(_join(noun, {})):
            # "Thursday's fight", "the Tuesday vote": the noun is what the date is of, with what
            # its relative clause says of it while short ("fight that led to suspensions")
            said = [c for c in tok.head.children if c.dep_ == "relcl" and c.i > tok.head.i]
            more = _phrase(said[0], drop) if said else []
            if len(noun) + len(more) <= MAX_EVENT_TOKENS:
                noun = sorted(noun + more, key=lambda t: t.i)
            return DatedEvent(_join(noun, {}), noun=True, act=tok.head.lower_)
    for i in list(time_tokens):  # a preposition left with nothing but the time expression goes too
        prep = doc[i].head
        if prep.dep_ == "prep" and all(c.i in drop for c in prep.children):
            drop.add(prep.i)
    verb = verb_above(tok)
    held = tok.head.head if tok.head.dep_ == "prep" else tok.head
    direct = held.i == verb.i  # the date hangs on the verb itself, not on a noun below it
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "ordered 340 households to leave on Tuesday": the event is the order
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    core: list[Token] = [verb]
    if _hyphen_prefix(doc, verb):
        core[:0] = [doc[verb.i - 2], doc[verb.i - 1]]  # "rear-ended", "re-opened": the verb's own prefix
    extra: list[list[Token]] = []
    subject = _subject_of(verb)
    if subject is not None and subject.head.i != verb.i:  # inherited from a coordinated verb
        core += _phrase(subject, drop)
    for child in verb.children:
        if child.i in drop or _cut(child) or child.tag_ == "WRB":
            continue
        if child.dep_ in ("mark", "cc") or _set_off(doc, verb, child):
            continue
        if child.dep_ in ("nsubj", "nsubjpass") and child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            core += _phrase(verb.head, drop | {t.i for t in verb.subtree})  # "Putin, who ... told"
        elif child.dep_ in _KEEP_CHILD or (child.dep_ == "advmod" and not list(child.children)):
            if child.dep_ == "ccomp":
                extra.append(_phrase(child, drop))
            else:
                core += _phrase(child, drop)
        elif child.dep_ in ("prep", "conj") and child.i > verb.i:
            extra.append(_phrase(child, drop) if child.dep_ == "prep" else [])
    chosen = {t.i: t for t in core if t.i not in drop}
    for part in extra:  # complements, in order, while the event stays short
        part = [t for t in part if t.i not in drop]
        if len(chosen) + len(part) <= MAX_EVENT_TOKENS:
            chosen.update((t.i, t) for t in part)
        elif len(chosen) < MAX_EVENT_TOKENS // 3:  # "X said": what was said, cut short
            chosen.update((t.i, t) for t in part[: MAX_EVENT_TOKENS - len(chosen)])
    names: dict[int, str] = {}
    if subject is not None and subject.i in chosen:
        name = None
        if subject.lower_ in _PRONOUN:  # not one the clause names besides ("he visited Epstein")
            others = frozenset(chosen[k].text for k in chosen if k != subject.i and chosen[k].pos_ == "PROPN")
            name = person_at(subject, others)
        elif subject.lower_ in ("it", "they", "them"):
            name = _antecedent(doc, subject, drop)
        if name:
            names[subject.i] = name
    tokens = sorted(chosen.values(), key=lambda t: t.i)
    event = _TRAILING.sub("", _join(tokens, names))
    scheduled = direct and verb.tag_ in ("VBZ", "VBP") and verb.lower_ not in CUE_WORDS
    return DatedEvent(event, act=verb.lower_, scheduled=scheduled) if event else None


# what English writes before a verb with a hyphen: "re-opened", "co-founded", "rear-ended"
_VERB_PREFIXES = word_set(
    "re co pre de un mis over under out up down back cross double fast test rear self sub inter counter "
    "fine hand live spot air short"
)


def _hyphen_prefix(doc: Doc, verb: Token) -> bool:
    """Whether the verb is written with a prefix the tokenizer cut off at its hyphen ("rear-ended",
    "co-founded"; not "one Asian man-began", a dash between a subject and its verb)."""
    return verb.i >= 2 and _glued_hyphen(doc, verb.i - 1) and doc[verb.i - 2].lower_ in _VERB_PREFIXES


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen written between two words without spaces."""
    if not 0 < i < len(doc) - 1 or doc[i].text != "-":
        return False
    return not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _teller(pronoun: Token) -> str | None:
    """The name that is the subject of the clause a pronoun's clause hangs from, before it ("King
    said he decided ...": King), or set beside that subject ("his colleague, Sgt. Jason Tlusty, was
    shaken as he described ...": Tlusty), by its last word."""
    head = pronoun.head
    while head.dep_ not in ("ROOT", "relcl") and head.head.i != head.i:
        head = head.head
        for child in head.children:
            if child.dep_ not in ("nsubj", "nsubjpass") or child.i > pronoun.i:
                continue
            if child.pos_ == "PROPN":
                return child.text
            named = [c for c in child.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i < pronoun.i]
            if named:
                return named[0].text
    return None


def _set_off(doc: Doc, verb: Token, child: Token) -> bool:
    """Whether a dash, colon or semicolon stands between the verb and its dependent (an aside)."""
    lo, hi = (verb.i + 1, child.left_edge.i) if child.i > verb.i else (child.right_edge.i + 1, verb.i)
    return any(doc[k].text in ("—", "–", ":", ";", "--") for k in range(lo, hi))


def _antecedent(doc: Doc, pronoun: Token, drop: set[int]) -> str | None:
    """The noun phrase "it" or "they" most likely stands for: the nearest noun before it in the
    sentence, of the same number ("since it opened" -> "the terminal")."""
    plural = pronoun.lower_ != "it"
    for tok in reversed(doc[: pronoun.i]):
        if tok.i in drop or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
            continue
        if (tok.tag_ in ("NNS", "NNPS")) != plural:
            continue
        chunk = next((c for c in doc.noun_chunks if c.start <= tok.i < c.end), None)
        if chunk is None:
            return tok.text
        first = next((t for t in chunk if t.dep_ != "poss" or t.i == chunk.root.i), chunk[0])
        return doc[first.i : chunk.end].text
    return None


def _fallback(text: str, time: Span, sentence: Span) -> str:
    """The sentence without the time expression, trimmed: for clauses without a verb (captions)."""
    raw = text[sentence.start : time.start] + text[time.end : sentence.end]
    raw = re.sub(r"\b(?:on|in|at|during|since)\s*(?=[,.;]|$)", "", raw)
    words = raw.replace(" ,", ",").split()
    return " ".join(words[:MAX_EVENT_TOKENS]).strip(" ,;:.—–-")


def _parenthesised(doc: Doc) -> frozenset[int]:
    """Tokens in parentheses, with the parentheses: asides an event text leaves out."""
    out: set[int] = set()
    depth = 0
    for t in doc:
        if t.text == "(":
            depth += 1
        if depth:
            out.add(t.i)
        if t.text == ")" and depth:
            depth -= 1
    return frozenset(out)


def _people(mentions: Sequence[Mention], caption: int | None) -> list[tuple[int, str, Gender | None]]:
    """The persons named in one text (the body, or caption ``caption``): (end offset, surname, the
    pronoun a full name's given name nearly always takes)."""
    out = []
    for m in mentions:
        words = without_suffix(m.text.split(), keep=1)  # "Comeaux" for "Arcade Joseph Comeaux Jr."
        if m.caption == caption and m.type is EntityType.PERSON and words:
            out.append((m.span.end, words[-1], given_name_gender(words[0])))  # "Mike" alone: his given name
    return out


def _person_finder(
    people: Sequence[tuple[int, str, Gender | None]], base: int
) -> Callable[[Token, frozenset[str]], str | None]:
    """Who a "he" or "she" (at its offset plus ``base`` in the text) most likely is: the person
    named most often before it (ties: the latest), by surname, but none of ``others`` (surnames
    the pronoun's own clause names: "he visited Epstein" is not Epstein's visit to himself) nor one
    whose given name takes the other pronoun ("Michael Webb grabbed the girl as she ..."); the
    teller when that is a person named before it ("King said he decided": King)."""

    def find(pronoun: Token, others: frozenset[str]) -> str | None:
        pos, teller = base + pronoun.idx, _teller(pronoun)
        counts: dict[str, tuple[int, int]] = {}
        genders: dict[str, set[Gender]] = {}
        for end, name, g in people:
            if end > pos or name in others:
                continue
            n, _ = counts.get(name, (0, 0))
            counts[name] = (n + 1, end)
            if g is not None:
                genders.setdefault(name, set()).add(g)
        # not one whose given names so far all take the other pronoun ("Anthony LaCalamita" and
        # "Michele LaCalamita" both before it tell nothing; "Jack Page" after it, nothing yet)
        other = {_OTHER[pronoun.lower_]}
        fits = {name: c for name, c in counts.items() if genders.get(name, set()) != other}
        if teller in fits:
            return teller
        return max(fits, key=fits.__getitem__) if fits else None

    return find


def _hidden(doc: Doc, offset: int, quoted: Sequence[Span]) -> frozenset[int]:
    """Tokens of ``doc`` (a sentence at ``offset`` in its text) an event text leaves out: inside the
    text's direct quotations ``quoted``, quote marks, and parenthesised asides."""
    return frozenset(
        t.i
        for t in doc
        if any(q.start <= offset + t.idx < q.end for q in quoted) or (t.is_quote and t.dep_ != "case")
    ) | _parenthesised(doc)


def _event(
    doc: Doc,
    offset: int,
    text: str,
    sentence: Span,
    time: Span,
    hidden: frozenset[int],
    people: Callable[[Token, frozenset[str]], str | None],
) -> DatedEvent:
    tokens = {t.i for t in doc if t.idx < time.end - offset and t.idx + len(t.text) > time.start - offset}
    dated = _clause(doc, tokens, people, hidden) if tokens else None
    if dated is not None and (dated.noun or len(content_words(dated.text)) >= 2):
        return dated  # a noun the date is of says what it was in one word ("Thursday's fight")
    # "dated", "It happened", "to buy": too little to tell the event; the sentence
    return DatedEvent(_fallback(text, time, sentence))


def sentence_of(text: str, sentences: Sequence[Span], pos: int) -> Span:
    """The sentence around ``pos`` (one of ``sentences``), cut to its paragraph (headings glued to a
    sentence go): the evidence of a timeline entry and the text its event is read from."""
    return _sentence(text, sentences, pos)


def event_in(
    doc: Doc,
    offset: int,
    text: str,
    sentence: Span,
    time: Span,
    quoted: Sequence[Span],
    mentions: Sequence[Mention],
    caption: int | None,
) -> str:
    """The event the time expression at ``time`` dates, from ``doc``: a parse of the sentence
    ``sentence`` of ``text`` whose first character is at ``offset`` in ``text``. ``quoted`` are the
    text's direct quotations (left out), ``mentions`` its mentions (to name "he" and "she")."""
    people = _person_finder(_people(mentions, caption), offset)
    return _event(doc, offset, text, sentence, time, _hidden(doc, offset, quoted), people).text


def find_events(
    doc: Doc,
    text: str,
    times: Sequence[Span],
    sentences: Sequence[Span],
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    caption: int | None = None,
) -> list[DatedEvent]:
    """The event each time expression (by span, in ``text`` parsed as ``doc``) dates, in order.

    Each sentence is cut out of ``doc``'s parse (no second parse); ``sentences`` are the text's
    sentence spans, ``quotes`` and ``mentions`` what the annotation pass found in it.

    Each sentence is copied out once, however many expressions it holds, from one array of the
    whole parse (what ``Span.as_doc`` would otherwise build again for every sentence)."""
    quoted = [q.span for q in quotes if q.caption == caption and not q.partial]
    people = _people(mentions, caption)
    parts: dict[Span, tuple[Doc, int, frozenset[int]] | None] = {}
    whole: _WholeParse | None = None
    out: list[DatedEvent] = []
    for time in times:
        sentence = _sentence(text, sentences, time.start)
        if sentence not in parts:
            part = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if part is None or not len(part):
                parts[sentence] = None
            else:
                whole = whole or _WholeParse(doc)
                sub = whole.copy_out(part)
                parts[sentence] = (sub, part.start_char, _hidden(sub, part.start_char, quoted))
        found = parts[sentence]
        if found is None:
            out.append(DatedEvent(_fallback(text, time, sentence)))
            continue
        sub, offset, hidden = found
        inside = [q for q in quoted if q.start <= time.start < q.end]
        if inside:  # a date the speaker gives ("I learned about it on July 18"): the event is theirs
            hidden = _hidden(sub, offset, [q for q in quoted if q not in inside])
        out.append(_event(sub, offset, text, sentence, time, hidden, _person_finder(people, offset)))
    return out


class _WholeParse:
    """A parse as one array, made once: ``Span.as_doc`` otherwise builds it again for every span."""

    def __init__(self, doc: Doc) -> None:
        # the attributes ``Span.as_doc`` copies; a private helper of spaCy's, so without it (another
        # spaCy version) every span is copied out the documented slow way
        attrs = getattr(doc, "_get_array_attrs", None)
        self.attrs = attrs() if attrs is not None else None
        self.array = doc.to_array(list(self.attrs)) if self.attrs is not None else None

    def copy_out(self, part: SpacySpan) -> Doc:
        """``part.as_doc()``. (It rewrites the rows of its span in the array it is given, so it gets a
        copy; the stub of ``as_doc`` lacks these two documented arguments.)"""
        if self.attrs is None or self.array is None:
            return part.as_doc()
        return part.as_doc(array_head=self.attrs, array=self.array.copy())  # type: ignore[call-arg]
