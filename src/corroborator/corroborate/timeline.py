"""The story timeline: every dated event, merged across the articles that report it, in date order.

Each resolved time expression (body or caption) dates the clause it belongs to. The clause is read
from spaCy's parse of its sentence: the verb the expression hangs from, with its subject, objects
and first complements, minus the expression itself ("Putin arrived in Beijing"). Expressions that
date nothing are skipped: unresolved ones, ones inside direct quotes, deadlines ("by 2029"), and
the vague current year ("this year"). "He" or "she" as subject becomes the person the article
names most often before it; "it" or "they" the nearest noun before it in the sentence. Entries of
different articles are one event when their dates are compatible (equal, or one contains the other:
the finer date wins) and their clauses share enough content words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from corroborator.annotate.timex import sentence_spans
from corroborator.models import (
    Annotations,
    Article,
    EntityType,
    Evidence,
    Precision,
    Span,
    TimeExpression,
    TimelineEvent,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MERGE_SIMILARITY = 0.5  # share of the smaller clause's content words the other clause must have
NESTED_SIMILARITY = 0.6  # the same when one date contains the other ("next week", "Tuesday")
MAX_EVENT_TOKENS = 16

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
_TRAILING = re.compile(
    r"(?:\s+(?:early|late|at least|on|in|at|until|by|during|since|from|of|and|or|but|a|an|the|had|has|have|"
    r"to|with|for|[,;:—–-]))+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One dated clause in one article, before merging."""

    start: date
    end: date
    value: str
    precision: Precision
    event: str
    words: frozenset[str]
    article_id: str
    evidence: Evidence


def interval(value: str) -> tuple[date, date] | None:
    """The first and last day an ISO value (day, week, month, year, season or range) covers."""
    try:
        if "/" in value:
            first, last = value.split("/", 1)
            a, b = interval(first), interval(last)
            return (a[0], b[1]) if a and b else None
        if "-W" in value:
            year, week = value.split("-W")
            monday = date.fromisocalendar(int(year), int(week), 1)
            return monday, monday + timedelta(days=6)
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = date(parts[0], parts[1], parts[2])
            return day, day
        if len(parts) == 2:
            first_day = date(parts[0], parts[1], 1)
            next_month = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first_day, next_month - timedelta(days=1)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of a clause that carry its content: no stop words, no possessive 's, and a
    run of capitalised words (a name) counts once, by its last word ("Mayor Ann Brook" -> brook), so
    that one shared name is not enough to make two clauses the same event."""
    out: set[str] = set()
    words = [w.removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text)]
    for k, word in enumerate(words):
        following = words[k + 1] if k + 1 < len(words) else ""
        if word[:1].isupper() and following[:1].isupper():
            continue  # not the last word of a name
        low = word.lower()
        if (low not in _STOP and len(low) > 1) or low.isdigit():
            out.add(low)
    return frozenset(out)


def _anchor_year(article: Article, annotations: Annotations) -> str | None:
    if article.published:
        return article.published[:4]
    guess = annotations.published_inferred
    return guess.date[:4] if guess else None


def _skip(time: TimeExpression, text: str, quoted: Sequence[Span], anchor_year: str | None) -> bool:
    """Whether a time expression dates no event of the story."""
    if time.value is None or time.precision is None or interval(time.value) is None:
        return True
    if any(q.start <= time.span.start < q.end for q in quoted):
        return True  # "... and that is not today," he said
    before = text[max(0, time.span.start - 12) : time.span.start].lower()
    deadline = re.search(r"\b(?:by|before)\s+$", before) or time.text.lower().startswith("by ")
    if deadline or re.search(r"\b(?:by|until)\s+(?:the\s+)?end\b", before + time.text.lower()):
        return True  # a deadline or target ("by 2029", "until the end of the year"), not an event
    # "this year" in a story of this year dates nothing in particular
    return time.precision is Precision.YEAR and time.relative and time.value == anchor_year


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
        elif following.pos_ != "PUNCT" and not following.text.startswith("'"):
            parts.append(" ")
    return " ".join("".join(parts).strip(" ,;:—–-\"“”'‘’").split())


def _clause(
    doc: Doc,
    time_tokens: set[int],
    person_at: Callable[[int], str | None],
    hidden: frozenset[int] = frozenset(),
) -> str | None:
    """The event the time expression dates: the subject, verb, objects and first complements of its
    clause, or the noun phrase it dates ("Hamas's attack on Israel this month")."""
    tok = doc[min(time_tokens)]
    while tok.i in time_tokens and tok.head.i in time_tokens and tok.head.i != tok.i:
        tok = tok.head
    drop = set(time_tokens) | hidden
    small = [t.i for t in tok.subtree]
    if len(small) <= len(time_tokens) + 2:  # "next week's": the possessive goes with the date
        drop.update(small)
    if tok.dep_ in ("npadvmod", "poss", "compound", "nmod") and tok.head.pos_ == "NOUN":
        # dated directly, not through a preposition: "Hamas's attack on Israel this month"
        noun = [t for t in _phrase(tok.head, drop) if not (t.dep_ == "det" and t.head.i == tok.head.i)]
        if len(content_words(_join(noun, {}))) >= 2:
            return _join(noun, {})
    for i in list(time_tokens):  # a preposition left with nothing but the time expression goes too
        prep = doc[i].head
        if prep.dep_ == "prep" and all(c.i in drop for c in prep.children):
            drop.add(prep.i)
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "ordered 340 households to leave on Tuesday": the event is the order
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    core: list[Token] = [verb]
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
        name = person_at(subject.idx) if subject.lower_ in _PRONOUN else None
        if subject.lower_ in ("it", "they", "them"):
            name = _antecedent(doc, subject, drop)
        if name:
            names[subject.i] = name
    tokens = sorted(chosen.values(), key=lambda t: t.i)
    event = _join(tokens, names)
    return _TRAILING.sub("", event) or None


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


def _person_finder(annotations: Annotations, caption: int | None, base: int) -> Callable[[int], str | None]:
    """Who "he" or "she" at a position most likely is: the person named most often before it (ties:
    the latest), by surname."""
    people = [
        (m.span.end, m.text.split()[-1])
        for m in annotations.mentions
        if m.caption == caption and m.type is EntityType.PERSON and m.text.split()
    ]

    def find(pos: int) -> str | None:
        counts: dict[str, tuple[int, int]] = {}
        for end, name in people:
            if end <= base + pos:
                n, _ = counts.get(name, (0, 0))
                counts[name] = (n + 1, end)
        return max(counts, key=counts.__getitem__) if counts else None

    return find


def _entries(article: Article, annotations: Annotations, nlp: Language) -> list[_Entry]:
    year = _anchor_year(article, annotations)
    todo: list[tuple[TimeExpression, str, Span, list[Span]]] = []
    for time in annotations.times:
        text = article.body if time.caption is None else article.captions[time.caption].text
        quoted = [q.span for q in annotations.quotes if q.caption == time.caption and not q.partial]
        if _skip(time, text, quoted, year):
            continue
        sentences = annotations.sentences if time.caption is None else sentence_spans(text)
        sentence = _sentence(text, sentences, time.span.start)
        todo.append((time, text, sentence, quoted))
    docs = nlp.pipe([text[s.start : s.end] for _, text, s, _ in todo])
    out: list[_Entry] = []
    for (time, text, sentence, quoted), doc in zip(todo, docs, strict=True):
        assert time.value is not None and time.precision is not None
        bounds = interval(time.value)
        assert bounds is not None
        offset = sentence.start
        tokens = {
            t.i
            for t in doc
            if t.idx < time.span.end - offset and t.idx + len(t.text) > time.span.start - offset
        }
        hidden = frozenset(
            t.i
            for t in doc
            if any(q.start <= offset + t.idx < q.end for q in quoted) or (t.is_quote and t.dep_ != "case")
        ) | _parenthesised(doc)
        people = _person_finder(annotations, time.caption, offset)
        clause = _clause(doc, tokens, people, hidden) if tokens else None
        event = clause or _fallback(text, time.span, sentence)
        evidence = Evidence(article.id, sentence, text[sentence.start : sentence.end], time.caption)
        out.append(
            _Entry(
                bounds[0],
                bounds[1],
                time.value,
                time.precision,
                event,
                content_words(event),
                article.id,
                evidence,
            )
        )
    return out


def _similarity(a: frozenset[str], b: frozenset[str], same_date: bool) -> float:
    """Overlap of two clauses' content words; 0 unless they share enough (more across dates of
    different precision, where a loose match would date an event wrongly)."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    score = shared / min(len(a), len(b))
    if same_date:
        return score if shared >= 2 and score >= MERGE_SIMILARITY else 0.0
    return score if shared >= 2 and score >= NESTED_SIMILARITY else 0.0


def _merge(entries: Sequence[_Entry]) -> list[list[_Entry]]:
    """Group entries of one event: finest dates first, each coarser entry joins the most similar
    group whose date it contains (so groups never chain incompatible dates)."""
    groups: list[list[_Entry]] = []
    for entry in sorted(entries, key=lambda e: (e.end - e.start, e.start)):
        best: list[_Entry] | None = None
        best_score = 0.0
        for group in groups:
            head = group[0]
            if not (entry.start <= head.start and head.end <= entry.end):
                continue
            same = (entry.start, entry.end) == (head.start, head.end)
            for member in group:
                score = _similarity(entry.words, member.words, same)
                if score > best_score:
                    best, best_score = group, score
        if best is None:
            groups.append([entry])
        else:
            best.append(entry)
    return groups


def _representative(group: Sequence[_Entry]) -> str:
    """The clause of the finest date that shares most with the others (ties: the shortest)."""

    def centrality(e: _Entry) -> tuple[int, int, int]:
        shared = sum(len(e.words & o.words) for o in group if o is not e)
        return (e.end.toordinal() - e.start.toordinal(), -shared, len(e.event))

    return min(group, key=centrality).event


def build_timeline(
    articles: Sequence[Article], annotations: Sequence[Annotations], nlp: Language | None = None
) -> tuple[TimelineEvent, ...]:
    """Every dated event of a story, merged across articles, in date order.

    ``annotations`` are the articles' annotations (matched by article id). ``nlp`` is the loaded
    spaCy pipeline (:func:`corroborator.annotate.nlp.load`); loaded here when not given.
    """
    if nlp is None:
        from corroborator.annotate.nlp import load

        nlp = load()
    by_id = {a.article_id: a for a in annotations}
    entries = [
        e for article in articles if article.id in by_id for e in _entries(article, by_id[article.id], nlp)
    ]
    order = {a.id: k for k, a in enumerate(articles)}
    events: list[tuple[date, date, TimelineEvent]] = []
    for group in _merge(entries):
        head = group[0]
        article_ids = tuple(sorted({e.article_id for e in group}, key=order.__getitem__))
        evidence: dict[tuple[str, int | None, int], Evidence] = {}
        for e in sorted(group, key=lambda e: (order[e.article_id], e.evidence.span.start)):
            evidence.setdefault((e.article_id, e.evidence.caption, e.evidence.span.start), e.evidence)
        event = TimelineEvent(
            head.value, head.precision, _representative(group), article_ids, tuple(evidence.values())
        )
        events.append((head.start, head.end, event))
    events.sort(key=lambda x: (x[0], x[1], x[2].event))
    return tuple(e for _, _, e in events)
