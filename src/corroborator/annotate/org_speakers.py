"""Organisations as speakers: who speaks when the subject of a speech verb names no person.

"Waitrose said", "the Kremlin said", "Russia said" (a country, for its government), "a Surrey Police
spokeswoman said", "a statement from Waitrose", "the French foreign ministry said", and "it added"
after one of them. Someone who only works there ("a Pentagon official said") is not its voice, and a
body of no name or country ("the city's police") is nobody named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corroborator.annotate.person_names import ORG_WORDS
from corroborator.annotate.speech_cues import WRITINGS, is_cue, subject_of
from corroborator.extract.metadata import is_known_outlet
from corroborator.vocab import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from corroborator.annotate.speaker_reader import Reader

# the words for whoever speaks for an organisation, and for what it issues
VOICES = word_set("spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople representative")
_ISSUED = WRITINGS | word_set("release announcement")
_SPEAKING_BODIES = frozenset({"ORG", "GPE"})


def organisation(rd: Reader, subj: Token) -> tuple[int, int, str] | None:
    """The organisation (or country, for its government) a speech verb's subject names, as first
    token, last token and name: the subject itself ("Waitrose said", "the Kremlin said", "Russia
    said"), or the body a spokesman or statement speaks for ("a Surrey Police spokeswoman", "a
    statement from Waitrose", "Microsoft's spokesman"). Someone who only works there ("a Pentagon
    official said") is not its voice."""
    if subj.lower_ in ORG_WORDS and subj.text.islower() and (nation := _national(subj)) is not None:
        return nation, subj.i, subj.doc[nation : subj.i + 1].text  # "the French foreign ministry"
    if subj.pos_ == "PROPN":
        return _body_at(rd, subj, voiced=False)
    if subj.lower_ not in VOICES and subj.lower_ not in _ISSUED:
        return None
    doc = subj.doc
    before = subj.i - 1 if subj.i > 0 and doc[subj.i - 1].tag_ != "POS" else subj.i - 2
    if before >= 0 and doc[before].head.i == subj.i and (got := _body_at(rd, doc[before], voiced=True)):
        return got  # "a Surrey Police spokeswoman", "Microsoft's spokesman"
    for child in subj.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "from", "of", "by", "at"):
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is not None and (got := _body_at(rd, obj, voiced=True)) is not None:
                return got
    return None


_IT_REACH = 120  # tokens back to the cue whose organisation "it said" means


def last_organisation(rd: Reader, cue: Token) -> tuple[int, int, str] | None:
    """The organisation "it" means as a speaker: the one named as the subject of the last speech
    verb before, when that was an organisation; nobody when the last speaker was anything else."""
    for i in range(cue.i - 1, max(cue.i - _IT_REACH, 0) - 1, -1):
        tok = rd.doc[i]
        if not is_cue(tok) or rd.in_quote(tok.idx):
            continue
        subj = subject_of(tok, rd.in_quote)
        if subj is None or subj.lower_ == "it":
            continue
        return organisation(rd, subj)
    return None


def _national(body: Token) -> int | None:
    """Where the country of a body written in lower case starts ("the French foreign ministry",
    "Russia's navy"): its nationality or country word before it, else None ("the city's police")."""
    for child in body.children:
        if child.i < body.i and child.dep_ in _MODIFIERS and child.ent_type_ in ("NORP", "GPE"):
            return child.left_edge.i + (child.left_edge.lower_ == "the")
    return None


_MODIFIERS = frozenset({"amod", "compound", "poss", "nmod"})


def _body_at(rd: Reader, tok: Token, *, voiced: bool) -> tuple[int, int, str] | None:
    """The organisation or country named by the proper-noun phrase that ``tok`` heads: one the tagger
    calls an organisation or a place, or whose last word says so ("Surrey Police", which the small
    model tags a person; not "Council Member Jumaane Williams"), or, spoken for by a spokesman or a
    statement (``voiced``), any proper name that is not a person's ("a spokesman for Waitrose"). The
    phrase runs over compounds and possessives before ``tok`` and over the rest of an organisation's
    name after it ("the Office of Emergency Services"), without "the"."""
    doc = tok.doc
    if tok.pos_ != "PROPN" or rd.in_quote(tok.idx):
        return None
    a = b = tok.i
    while a > 0:
        if doc[a - 1].pos_ == "PROPN" and (a <= doc[a - 1].head.i <= tok.i or doc[a - 1].head == tok.head):
            a -= 1  # "U. S. Marshals": each a compound of the next; "Surrey | Police" both of "spokeswoman"
        elif a > 1 and doc[a - 1].tag_ == "POS" and doc[a - 2].pos_ == "PROPN" and a <= doc[a - 2].head.i:
            a -= 2  # "the People's Daily", "the U.S. Attorney's Office"
        else:
            break
    label = tok.ent_type_
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None) if label == "ORG" else None
    if ent is not None:
        b = max(b, ent.end - 1)
    if not all(_in_name(t) for t in doc[a : b + 1]):
        return None  # "the city's police": no name
    if tok.lower_ in ORG_WORDS or label in _SPEAKING_BODIES or is_known_outlet(doc[a : b + 1].text):
        return a, b, doc[a : b + 1].text  # "The Hollywood Reporter wrote", tagged a place and a name
    if voiced and label not in ("PERSON", "NORP", "DATE", "TIME") and tok.i not in rd.person_tok:
        return a, b, doc[a : b + 1].text
    return None


def _in_name(tok: Token) -> bool:
    """A word of an organisation's name: capitalised, a possessive or a small joining word."""
    return tok.text[:1].isupper() or tok.tag_ == "POS" or tok.lower_ in ("of", "for", "and", "on")
