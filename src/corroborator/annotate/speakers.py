"""Who said a quotation: the speaker a speech cue names, with a description and a listener.

A cue is a speech verb outside quotation marks (:mod:`corroborator.annotate.speech_cues`); its
subject is resolved through the article's :class:`~corroborator.annotate.speaker_reader.Reader` to
the fullest name the article gives: a name, "she" (the last person who can be meant), "the Chinese
leader" (the last person named not known to be of another nationality), "the governor" (the last
person named with that role; with none before, "China's ambassador to Britain" is the one person
named with that role further down), "Secretary of the Interior Dirk Kempthorne" (the name after the
title), "her nephew, Ravi Singh" (the name set off after a common noun), "Zadan and Meron" (both, as
"Craig Zadan and Neil Meron"). With no person named, an organisation speaks: "Waitrose said", "a
Surrey Police spokeswoman said", and "it added" after one.
The description is an appositive, the title or the words before the name; the listener is who was
told ("told AFP", "in an interview with CNN"). A cue naming nobody gives no speaker: never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corroborator.annotate.given_names import is_given_name
from corroborator.annotate.org_speakers import VOICES, last_organisation, organisation
from corroborator.annotate.person_names import JOINT, ORG_WORDS
from corroborator.annotate.speaker_reader import TITLE_WORDS, TITLES, Reader, appositives
from corroborator.annotate.speech_cues import (
    INVERTING_CUES,
    TELLING,
    WRITINGS,
    is_cue,
    objects_of,
    subject_of,
    verb_above,
)
from corroborator.annotate.titles import HONORIFICS
from corroborator.models import Span
from corroborator.vocab import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


ROLE_NOUNS = word_set("chancellor chief head king leader minister premier president queen")
_TO_CUES = word_set(
    "said says say saying told tells telling explained added wrote remarked commented admitted"
)
_NOT_LISTENERS = word_set("LAW GPE LOC DATE EVENT NORP")


@dataclass(frozen=True, slots=True)
class Who:
    """The speaker a cue names (``None``: nobody named), their span and description, listener, cue."""

    speaker: str | None
    speaker_span: Span | None
    description: str | None
    told_to: str | None
    cue: str | None
    resolved: bool = False  # the speaker was worked out (from "he", "she", "it"), not named at the cue


def _inverted_subject(rd: Reader, cue: Token) -> Token | None:
    """The person named right after a cue verb that follows a quotation's punctuation, when the parse
    gives the verb no subject ('"...," said Christina Greenway, daughter of the court reporter Nichols
    murdered': the parser made Greenway the subject of "murdered")."""
    doc = rd.doc
    if cue.lower_ not in INVERTING_CUES or cue.i == 0 or not doc[cue.i - 1].is_punct:
        return None
    end = cue.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    if end == cue.i + 1 and end < len(doc) and doc[end].is_title and rd.known_surname(doc[end]):
        end += 1  # '"...," says Early.' after "Chris Early": a surname the tagger took for an adverb
    last = doc[end - 1]
    if end == cue.i + 1 or rd.in_quote(last.idx):
        return None
    return last if last.i in rd.person_tok or rd.known_surname(last) else None  # "wrote Fadem" (ORG)


def _subject_before_aside(rd: Reader, cue: Token) -> Token | None:
    """The person named right before an aside set off by commas that ends at the cue, when the parse
    gives the verb no subject ('"...," Ann Brook, speaking to the BBC, said': the parser hung the name
    on the quotation's verb)."""
    doc = rd.doc
    if cue.i < 3 or doc[cue.i - 1].text != ",":
        return None
    opening = next((k for k in range(cue.i - 2, max(cue.i - 12, 0), -1) if doc[k].text == ","), None)
    if opening is None or opening == 0:
        return None
    name = doc[opening - 1]
    return name if name.i in rd.person_tok and not rd.in_quote(name.idx) else None


def _addressee(tok: Token) -> str | None:
    """A named listener: the proper-noun phrase headed by ``tok``, a site's name ("told MLB.com",
    whatever the parser tags it), or the name before a kind of outlet ("told ISNA news agency")."""
    if _SITE_NAME.fullmatch(tok.text):
        return tok.text
    if tok.pos_ == "NOUN" and tok.lower_ in _OUTLET_KINDS:
        names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        state = [c for c in tok.children if c.lower_ in _STATE and c.i == tok.i - 1]
        if not names and named is None and state:
            return f"{state[0].lower_} {tok.lower_}"  # "told state television": the state's broadcaster
        if not names and named is not None:
            return _addressee(named)  # "French newspaper Le Parisien"
        if not names or names[-1].i > tok.i:
            return None
        start = min(t.i for c in names for t in c.subtree if t.pos_ == "PROPN")  # "the Associated Press"
        return tok.doc[start : names[-1].i + 1].text
    if tok.pos_ != "PROPN" or tok.ent_type_ in _NOT_LISTENERS:
        return None
    doc = tok.doc
    person = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), tok)
    if person.ent_type_ == "PERSON":
        ent = next(e for e in doc.ents if e.start <= person.i < e.end)
        return ent.text
    a = tok.i
    while a > tok.left_edge.i:
        prev = doc[a - 1]
        glued = prev.text in "-–" and not prev.whitespace_ and a >= 2 and not doc[a - 2].whitespace_
        if prev.pos_ in ("NOUN", "ADJ") and prev.text[:1].islower():
            break  # "CNN affiliate WDIV-TV": a kind of outlet before the name, not part of it
        if not glued and prev.dep_ not in ("compound", "det", "amod", "poss", "case", "nmod"):
            break
        a -= 1  # "WDIV-TV": a name joined by a hyphen
    if doc[a].lower_ == "the" and doc[a].text == "the":
        a += 1
    return doc[a : tok.i + 1].text


def _told_to(cue: Token, subj: Token | None) -> str | None:
    if cue.lower_ in TELLING:
        for c in objects_of(cue):
            if _the_outlet(c):
                return _outlet_told_before(cue)  # "told the magazine", after "her rep told People"
            if (got := _addressee(c)) is not None:
                return got
    if cue.lower_ in _WRITING_TO and subj is not None and subj.i < cue.i:
        # "he wrote the AP": an organisation written to, not a thing written; not "wrote Fadem"
        for c in objects_of(cue):
            named = c.ent_type_ == "ORG" or _SITE_NAME.fullmatch(c.text)
            if named and (got := _addressee(c)) is not None:
                return got
    holders = [cue] + ([subj] if subj is not None else [])
    holders += [c for c in cue.children if c.lower_ in ("speaking", "talking")]
    if subj is not None and subj.i < cue.i:  # "Ann Brook, speaking to the BBC, said"
        holders += [t for t in cue.doc[subj.i + 1 : cue.i] if t.lower_ in ("speaking", "talking")]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "in", "with"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if prep.lower_ == "to" and cue.lower_ in _TO_CUES and (got := _addressee(obj)) is not None:
                    return got
                if obj.lower_ in _TO_WHOM and (got := _given_to(obj)) is not None:
                    return got  # "in an interview with CNN", "in an email to the AP"
                if prep.lower_ == "with" and (got := _addressee(obj)) is not None:
                    return got
    for clause in cue.children:  # "said when contacted by Reuters"
        if clause.dep_ == "advcl" and clause.lower_ in _ASKED:
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                pobj = next((o for o in agent.children if o.dep_ == "pobj"), None)
                if pobj is not None and (got := _addressee(pobj)) is not None:
                    return got
    return None


def _given_to(given: Token) -> str | None:
    """Whom an interview, a statement or an email was given to: "with CNN", "to the AP"; an interview
    also "in" or "on" an outlet, or published or aired there ("in an interview published in French
    newspaper Le Parisien")."""
    preps = [c for c in given.children if c.dep_ == "prep"]
    if given.lower_ == "interview":
        preps += [p for c in given.children if c.lower_ in _PUBLISHED for p in c.children if p.dep_ == "prep"]
    for sub in preps:
        if sub.lower_ in ("with", "to") or (given.lower_ == "interview" and sub.lower_ in ("in", "on")):
            pobj = next((o for o in sub.children if o.dep_ == "pobj"), None)
            if pobj is not None and (got := _addressee(pobj)) is not None:
                return got
    return None


_PUBLISHED = word_set("published broadcast aired printed posted")


# an outlet named by its kind: "told the magazine" means the one told before in the article
_OUTLET_NOUNS = word_set(
    "magazine mag paper newspaper network station agency website site outlet channel television radio"
)
_STATE = word_set("state state-run state-owned")  # "state television", "state-run radio"


def _the_outlet(tok: Token) -> bool:
    """An outlet named only by its kind: "the magazine", not "the Associated Press news agency"."""
    children = list(tok.children)
    return (
        tok.lower_ in _OUTLET_NOUNS
        and any(c.lower_ == "the" for c in children)
        and not any(c.pos_ == "PROPN" or c.dep_ == "compound" for c in children)
    )


def _outlet_told_before(cue: Token) -> str | None:
    """The outlet last told something before ``cue`` in its article ("her rep told People. ... told
    the magazine"), or None."""
    for tok in reversed(cue.doc[: cue.i]):
        if tok.lower_ in TELLING:
            for c in objects_of(tok):
                if not _the_outlet(c) and (got := _addressee(c)) is not None:
                    return got
    return None


_WRITING_TO = word_set("wrote write writes emailed e-mailed texted messaged")
_SITE_NAME = re.compile(r"[A-Z][\w-]*\.(?:com|org|net|co\.uk|tv)")
_OUTLET_KINDS = word_set(
    "agency newspaper paper daily broadcaster radio television channel station website magazine"
)

# what a quotation is given in, to someone: "in an interview with CNN", "in comments to Reuters"
_QUOTING = word_set("quoted quotes quote quoting cited cites cite citing")
_TO_WHOM = word_set("interview conversation statement comments comment remarks email e-mail")
_ASKED = word_set("contacted reached asked interviewed approached questioned")


def attribute(rd: Reader, cue: Token) -> Who:
    """Who a cue verb attributes speech to, with description and listener."""
    doc = rd.doc
    cue_text = "according to" if cue.lower_ == "according" else cue.text
    subj = subject_of(cue, rd.in_quote) or _inverted_subject(rd, cue) or _subject_before_aside(rd, cue)
    roles = None  # a subject of roles, before the person it names
    if subj is not None and (named_role := _named_after_roles(rd, subj)) is not None:
        roles, subj = subj, named_role  # "said Anchorage businessman and blogger Andrew Halcro"
    # "said Zadan and Meron", "producers Craig Zadan and Neil Meron said": both speak
    named_pair = subj
    if subj is not None and subj.pos_ == "NOUN":  # "producers Craig Zadan and ...": the names set after
        named_pair = next((c for c in subj.children if c.dep_ == "appos"), subj)
    if named_pair is not None and _more_speakers(named_pair) and (pair := _two_people(rd, named_pair)):
        return Who(pair[0], pair[1], None, _told_to(cue, subj), cue_text)
    if subj is None or _more_speakers(subj):
        return Who(None, None, None, _told_to(cue, None), cue_text)
    told_to = _told_to(cue, subj)
    if told_to is not None and rd.names_person(full := rd.fullest(told_to, cue.idx)):
        told_to = full  # "told Orozco": Jose Luis Orozco, named before
    if subj.dep_ == "nsubj" and subj.head.lower_ in _QUOTING:
        # "the Daily News quoted witness Devonte Brown as saying": the one quoted speaks
        quoted = next((c for c in subj.head.children if c.dep_ == "dobj"), None)
        told_to = told_to or _addressee(subj)  # the one quoting was told: "People quoted him as saying"
        if quoted is None:
            return Who(None, None, None, told_to, cue_text)
        subj = quoted
    speaker: str | None = None
    description: str | None = None
    span = Span(subj.idx, subj.idx + len(subj.text))
    low = subj.lower_
    if low in ("he", "she"):
        speaker = rd.sentence_subject(subj, low) or rd.last_person(subj.idx, pronoun=low)
    elif low in ("who", "that"):
        rel = cue
        while rel.dep_ != "relcl" and rel.head.i != rel.i:
            rel = rel.head
        if rel.dep_ == "relcl" and (named := rd.name_of(rel.head)) is not None:
            speaker = rd.fullest(named[2], rel.head.idx)
            span = Span(doc[named[0]].idx, rel.head.idx + len(rel.head.text))
    elif low in TITLE_WORDS and (titled := _titled_name(rd, subj)) is not None:
        # "said Secretary of the Interior Dirk Kempthorne", "said the minister of defence, Ann Brook"
        a, b, name = titled
        speaker = rd.fullest(name, doc[a].idx)
        span = Span(doc[a].idx, doc[b].idx + len(doc[b].text))
        description = _words_before(doc, subj.left_edge.i, a)
    elif (subj.pos_ == "PROPN" or rd.known_surname(subj)) and (named := rd.name_of(subj)):
        a, b, name = named
        speaker = rd.fullest(name, subj.idx)
        span = Span(doc[a].idx, doc[b].idx + len(doc[b].text))
        described = appositives(subj)
        if described:
            description = described[0]
        elif roles is not None:
            description = _words_before(doc, roles.left_edge.i, a)
        elif subj.left_edge.i < a:
            pre = [t for t in doc[subj.left_edge.i : a] if t.lower_.rstrip(".") not in HONORIFICS]
            while pre and pre[0].pos_ == "DET":
                pre = pre[1:]
            description = "".join(t.text_with_ws for t in pre).strip() or None
    elif subj.pos_ == "NOUN" and (named := _appositive_name(rd, subj)) is not None:
        # "said her nephew, Ravi Singh", "The vice president of the union, Elias Vrettakos, told ..."
        a, b, name = named
        speaker = rd.fullest(name, doc[a].idx)
        span = Span(doc[a].idx, doc[b].idx + len(doc[b].text))
        description = _words_before(doc, subj.left_edge.i, a)
    elif low in WRITINGS and (named := _author(rd, subj)) is not None:
        # "A statement from Ann Brook said: ...", "Below is a statement by Francesca Grifo, director ...:"
        a, b, name = named
        speaker = rd.fullest(name, doc[a].idx)
        span = Span(doc[a].idx, doc[b].idx + len(doc[b].text))
        description = next(iter(appositives(doc[b])), None)
    elif low in WRITINGS and _definite(subj) and (earlier := _earlier_writing(rd, subj)) is not None:
        # '..., the US military said in a statement. "...," the statement said.': the same statement
        speaker, description = earlier.speaker, earlier.description
    elif (subj.pos_ == "NOUN" or (subj.pos_ == "PROPN" and low in TITLE_WORDS)) and any(
        c.lower_ == "the" or _named_owner(c) or (subj.pos_ == "NOUN" and _owned(c)) for c in subj.children
    ):  # "the governor", "said his brother", a title capitalised like a name: "the District Attorney said"
        norp = next((c.lower_ for c in subj.children if c.ent_type_ == "NORP"), "")
        if norp and low in ROLE_NOUNS:
            speaker = rd.last_person(subj.idx, norp)  # "the Chinese leader"
        else:
            speaker = rd.role_holder(low, subj.idx)  # "the governor", once "Gov. Sarah Palin"
            # "China's ambassador to Britain warned", named with that role further down
            if speaker is None and low not in WRITINGS and low not in ORG_WORDS:
                # not "the letter", nor "the Indian navy" after "Nirad Sinha, a navy spokesman"
                speaker = rd.role_named_later(low, subj.idx)
    if speaker is None and subj.pos_ == "PROPN" and (named := _person_after_body(rd, subj)) is not None:
        # "California Department of ... deputy director Millicent Tidwell told": parsed as the
        # department's appositive
        a, b, name = named
        speaker = rd.fullest(name, doc[a].idx)
        span = Span(doc[a].idx, doc[b].idx + len(doc[b].text))
        description = _words_before(doc, subj.left_edge.i, a)
    elif speaker is None and low == "it" and (org := last_organisation(rd, cue)) is not None:
        speaker = org[2]  # '"...," the Pentagon said. "...," it added.'
    elif speaker is None and (org := organisation(rd, subj)) is not None:
        # "Waitrose said", "the Pentagon said in a statement", "a spokeswoman for Surrey Police said"
        a, b, speaker = org
        span = Span(doc[a].idx, doc[b].idx + len(doc[b].text))
        description = low if low in VOICES else next(iter(appositives(subj)), None)
    if speaker is None:
        return Who(None, None, None, told_to, cue_text)
    resolved = low in ("he", "she", "it") or subj.pos_ == "NOUN"
    description = _clean_description(description or rd.appos.get(speaker))
    return Who(speaker, span, description, told_to, cue_text, resolved)


def _named_owner(tok: Token) -> bool:
    """A proper name owning its head: "China's" in "China's ambassador"."""
    return tok.dep_ == "poss" and tok.pos_ == "PROPN"


def _owned(tok: Token) -> bool:
    """A possessive pronoun owning its head: "his" in "said his brother" (someone named before as
    "Ben's older brother")."""
    return tok.dep_ == "poss" and tok.lower_ in ("his", "her", "their")


_DANGLING = re.compile(r"(?:\s+(?:of|the|a|an|for|to|in|on|at|by|with|and))+$", re.IGNORECASE)


def _clean_description(text: str | None) -> str | None:
    """A description as a reader can take it, or None: the line next to the name when the parse ran
    it across a paragraph break ("likely | Hungarian-American investor"); not an age ("Ann Brook, 54,
    said"), nor a title or quotation of its own ('"I'd Do Anything"'), nor words cut inside quotation
    marks or brackets ('water in vapor form," lead researcher', "(5"), a handle ("@joshapte)") or a
    shouted headline ("SERIOUS HEALTH CONDITION")."""
    if text is None:
        return None
    lines = [line for line in text.split("\n") if any(c.isalnum() for c in line)]  # not a stray "\u201d"
    text = " ".join(lines).strip(" ,;:")
    if text.count("\u201c") == text.count("\u201d") + 1:
        # cut short inside a title: the words before it ("author of the 2005 book \u201cThe Big ...")
        text = _DANGLING.sub("", text[: text.rindex("\u201c")].strip(" ,;:"))
    if text.count("\u201c") != text.count("\u201d") or text.count('"') % 2:
        return None  # 'water in vapor form," lead researcher'
    last = lines[-1].strip(" ,;:") if lines else ""
    if len(lines) > 1 and last in text:
        text = last  # the line next to the name ("likely | Hungarian-American investor")
    if text.startswith("(") and ")" not in text:
        text = text[1:]  # "(D-Mass."
    if not text or text.isdigit() or text.startswith("@") or text.count("(") != text.count(")"):
        return None
    if text[0] in "\u201c\"" and text.rstrip(".,")[-1:] in "\u201d\"":
        return None  # a title or a quotation, not who someone is
    words = text.split()
    if len(words) >= 2 and all(w.isupper() for w in words if any(c.isalpha() for c in w)):
        return None
    return text


def _named_after_roles(rd: Reader, subj: Token) -> Token | None:
    """The one person named after a subject of roles joined by "and" ("Anchorage businessman and
    blogger Andrew Halcro": the parse made the roles the subject, the name their conjunct), or
    after an organisation with no "and" of its own ("California Department of Alcohol and Drug
    Program deputy director Millicent Tidwell"). Not after a determiner: "the minister and Ann
    Brook" are two people."""
    if subj.i in rd.person_tok or any(c.dep_ == "det" for c in subj.children):
        return None
    if not (subj.pos_ == "NOUN" or (subj.pos_ == "PROPN" and not any(c.dep_ == "cc" for c in subj.children))):
        return None
    joined = [c for c in subj.children if c.dep_ == "conj"]
    if len(joined) == 1 and joined[0].i in rd.person_tok and not rd.in_quote(joined[0].idx):
        return joined[0]
    return None


def _more_speakers(subj: Token) -> bool:
    """The subject has a conjunct: "Zadan and Meron said", "Paganini and his team wrote" (one
    speaker of several is none); not a description set off by a comma that the parser made one
    ("says Chris Early, senior vp partnerships and revenue at Ubisoft")."""
    doc = subj.doc
    return any(
        c.dep_ == "conj" and not (c.pos_ == "NOUN" and doc[max(c.left_edge.i - 1, 0)].text == ",")
        for c in subj.children
    )


def _two_people(rd: Reader, subj: Token) -> tuple[str, Span] | None:
    """Two named people joined as one subject ("Zadan and Meron"), as "Craig Zadan and Neil Meron"."""
    conj = [c for c in subj.children if c.dep_ == "conj"]
    if len(conj) != 1 or any(c.dep_ == "conj" for c in conj[0].children):
        return None
    names = []
    for tok in (subj, conj[0]):
        person = tok.ent_type_ == "PERSON" or rd.known_surname(tok)  # not "Pictures and Sciences"
        named = rd.name_of(tok) if person else None
        if named is None:
            return None
        names.append((named[0], named[1], _from_given_name(rd.fullest(named[2], tok.idx))))
    (a, _, first), (_, b, second) = names
    doc = rd.doc
    return JOINT.join((first, second)), Span(doc[a].idx, doc[b].idx + len(doc[b].text))


def _from_given_name(name: str) -> str:
    """A name without words the NER swept in before its given name ("Producers Laurence Mark")."""
    words = name.split()
    first = next((i for i, w in enumerate(words[:-1]) if is_given_name(w)), 0)
    return " ".join(words[first:])


def _titled_name(rd: Reader, title: Token) -> tuple[int, int, str] | None:
    """The person a title subject names: its appositive ("the minister, Ann Brook") or the name
    ending its "of" phrase ("Secretary of the Interior Dirk Kempthorne")."""
    for child in title.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and (named := rd.name_of(child)) is not None:
            return named
    for prep in title.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            named = rd.name_of(obj) if obj is not None and obj.pos_ == "PROPN" else None
            if named is not None and named[1] > named[0] and not _all_titles(rd.doc[named[0] : named[1] + 1]):
                return named
    return None


def _words_before(doc: Doc, start: int, end: int) -> str | None:
    """The words from ``start`` to a name at ``end`` that describe it, without a leading article or
    possessive pronoun and the comma before the name ("the civil servants' union" keeps its
    apostrophe), nor a quotation's closing mark the parse hung on it."""
    while start < end and (doc[start].pos_ == "DET" or doc[start].tag_ == "PRP$" or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end].text or None


def _appositive_name(rd: Reader, noun: Token) -> tuple[int, int, str] | None:
    """A person's name set off as an appositive in a common-noun subject's phrase: "her nephew, Ravi
    Singh" (of the noun), "the vice president of the union, Elias Vrettakos" (the parser may hang it
    on the last noun before it), or a full name right after the noun: "his sister Mahnefah Gray"."""
    for tok in noun.subtree:
        if tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.i in rd.person_tok and tok.i > noun.i:
            first, last = rd.person_tok[tok.i]
            # "her nephew, Ravi Singh", "the candidate, regional bureaucrat Resulberdy Mammedov"
            set_off = any(k > 0 and rd.doc[k - 1].text == "," for k in (first, tok.left_edge.i))
            right_after = first == noun.i + 1 and last > first and not _more_speakers(tok)
            if (set_off or right_after) and (named := rd.name_of(tok)) is not None:
                return named
    k = noun.i + 2  # set off right after the noun, however the parse hung it ("his aunt, Jane Starner,")
    if k < len(rd.doc) and rd.doc[k - 1].text == "," and k in rd.person_tok and rd.person_tok[k][0] == k:
        last = rd.person_tok[k][1]
        closed = last + 1 >= len(rd.doc) or rd.doc[last + 1].is_punct
        if closed and (named := rd.name_of(rd.doc[last])) is not None:
            return named
    return None


def _author(rd: Reader, writing: Token) -> tuple[int, int, str] | None:
    """The person a statement is by or from ("a statement from Ann Brook", "Ann Brook's letter")."""
    for prep in writing.children:
        if prep.dep_ == "poss" and prep.i in rd.person_tok:
            return rd.name_of(prep)
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.i in rd.person_tok:
                return rd.name_of(obj)
    return None


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _earlier_writing(rd: Reader, writing: Token) -> Who | None:
    """Who made a statement (a letter, a post) that a definite one ("the statement said") takes up:
    the one who, in the nearest earlier sentence naming such a writing outside quotations, said
    something in it or put it out ("the US military said in a statement", "Ann Brook released a
    statement"). None when that sentence names no one."""
    doc = rd.doc
    for i in range(writing.i - 1, max(-1, writing.i - _WRITING_REACH), -1):
        tok = doc[i]
        if tok.lower_ != writing.lower_ or rd.in_quote(tok.idx):
            continue
        verb = verb_above(tok.head)
        subject = subject_of(verb, rd.in_quote)
        if subject is None or subject.lower_ in WRITINGS:
            return None
        who = attribute(rd, verb)
        return who if who.speaker is not None else None
    return None


_WRITING_REACH = 300  # tokens back to the statement taken up


def _person_after_body(rd: Reader, subj: Token) -> tuple[int, int, str] | None:
    """A person's name the parse hung on a proper-noun subject as its appositive, after it."""
    for child in subj.children:
        if child.dep_ == "appos" and child.i > subj.i and child.i in rd.person_tok:
            return rd.name_of(child)
    return None


def _all_titles(words: Iterable[Token]) -> bool:
    return all(w.lower_.rstrip(".") in TITLES for w in words)


def cue_in(rd: Reader, start: int, end: int, last: bool) -> Token | None:
    """The first (``last``: the last) cue verb outside quotations between two character offsets."""
    rng = rd.tokens_between(start, end)
    for i in reversed(rng) if last else rng:
        tok = rd.doc[i]
        if is_cue(tok) and not rd.in_quote(tok.idx):
            return tok
    return None


def governing_cue(rd: Reader, s: int, e: int) -> Token | None:
    """A cue verb outside the quotation that governs a word inside it."""
    for i in rd.tokens_between(s, e):
        tok = rd.doc[i]
        for _ in range(8):
            head = tok.head
            if head.i == tok.i:
                break
            tok = head
            if not (s <= tok.idx < e) and is_cue(tok) and not rd.in_quote(tok.idx):
                return tok
    return None


def according_after(rd: Reader, s: int, e: int) -> Token | None:
    """An "according to" a person after a quotation, in its sentence, that modifies the clause the
    quotation is part of ('tensions "seemed to be decreasing," according to Danny Gold')."""
    inside = rd.tokens_between(s, e)
    if not len(inside):
        return None
    first = rd.doc[inside[0]]
    ancestors = {first.i} | {t.i for t in first.ancestors}
    for i in range(inside[-1] + 1, first.sent.end):
        tok = rd.doc[i]
        if tok.lower_ == "according" and not rd.in_quote(tok.idx) and tok.head.i in ancestors:
            # a person only: "according to the company" or "to court records" names nobody, and
            # "according to the Sun Times News Group" names who reported someone else's words
            named = subject_of(tok, rd.in_quote)
            return tok if named is not None and named.i in rd.person_tok else None
    return None
