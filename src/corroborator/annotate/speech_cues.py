"""Speech cues: the verbs that attribute speech ("said", "told", "according to") and their subjects.

:func:`is_cue` tells a cue (active: "she was told" is none); :func:`subject_of` finds who it names in
the parse, climbing from a participle ("..., adding") to the verb it hangs on, and taking the passive
subject of "quoted as saying". :mod:`corroborator.annotate.speakers` resolves that subject to a person
(or, naming none, an organisation: :mod:`corroborator.annotate.org_speakers`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from corroborator.vocab import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token


_SPEECH = (
    "say said says saying tell told tells telling add added adds adding note noted notes noting "
    "stress stressed stresses warn warned warns warning write wrote writes writing explain explained "
    "explains ask asked asks asking insist insisted insists argue argued argues arguing claim claimed claims "
    "continue continued continues conclude concluded concludes declare declared declares hail hailed "
    "hails state stated states stating comment commented comments remark remarked maintain maintained "
    "maintains reply replied replies respond responded recall recalled recalls acknowledge "
    "acknowledged admit admitted admits announce announced assert asserted caution cautioned complain "
    "complained confirm confirmed contend contended emphasise emphasised emphasize emphasized observe "
    "observed predict predicted promise promised suggest suggested tweet tweeted posted urge urged "
    "vow vowed called calls joked reiterated pointed told wrote testify testified testifies quipped "
    "conceded concedes lamented boasted recounted notified shouted yelled whispered texted emailed "
    "exclaimed fumed gushed sighed snapped countered reported written spoken described describes "
    "pleaded bemoaned bemoans chanted begged begs assured assures specify specified elaborate elaborated"
)
CUE_WORDS = word_set(_SPEECH)
TELLING = word_set("told tell tells telling")  # the cues that name whom they were said to
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})  # whom a cue tells ("told AFP", "wrote the AP")


def objects_of(tok: Token) -> list[Token]:
    """The verb's objects: whom or what it tells ("told AFP", "told the magazine", "wrote the AP")."""
    return [c for c in tok.children if c.dep_ in OBJECT_DEPS]

# verbs that say what someone holds a thing to be, with "as": "sees the lineup as its “Achilles heel”"
_SEEING_AS = word_set("see sees saw views viewed regard regards regarded")

# verbs that ask someone to do what follows ("urged lawmakers to ...")
_DIRECTIVES = word_set("urge urged urges begged begs asked asks pleaded warned warns")

# verbs written before their subject after a quotation: '"...," said Xiao Bin'
INVERTING_CUES = word_set("said says added adds wrote writes asked explained noted")

# "she is quoted as saying", "he was heard saying": the passive subject of these is the speaker
_QUOTED_SAYING = word_set("quoted cited heard recorded filmed reported")


def verb_above(tok: Token) -> Token:
    """The verb (or auxiliary) ``tok`` hangs from, itself if it is one; the root when none is."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def subject_of(cue: Token, quoted: Callable[[int], bool]) -> Token | None:
    """The subject of a cue verb, climbing from participles (``adding``) to the verb they hang on.

    Subjects inside quotations (``quoted`` tells by character offset) are parse slips and skipped.
    """
    if cue.lower_ == "according":
        for prep in cue.children:
            if prep.lower_ == "to":
                return next((c for c in prep.children if c.dep_ == "pobj" and not quoted(c.idx)), None)
        return None
    tok = cue
    for _ in range(4):
        deps = ("nsubj", "nsubjpass") if tok.lower_ in _QUOTED_SAYING else ("nsubj",)
        subjs = [c for c in tok.children if c.dep_ in deps and not quoted(c.idx)]
        if subjs:
            return min(subjs, key=lambda c: (c.pos_ == "ADV", abs(c.i - tok.i)))  # not "Below is ..."
        # "quoted as saying", "lightening the mood by asking, ..."
        as_saying = tok.dep_ == "prep" and tok.lower_ in ("as", "by")
        climbs = tok.dep_ in ("advcl", "xcomp", "conj", "pcomp") or as_saying
        if not climbs or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


# verbs that speak only without an object: "Kempthorne maintained.", not "maintains its own monitor",
# "she snapped", not "snapped a photo"; "has written", not "written a series"
_WITHOUT_OBJECT = word_set("maintain maintained maintains snapped countered written spoken")


# what a person or a body issues and what is said in it: "a statement from Ann Brook", "Waitrose's
# statement", "the statement said", "the letter read"
WRITINGS = word_set("statement message letter note post tweet email")


def is_cue(tok: Token) -> bool:
    if tok.lower_ in ("read", "reads") and tok.pos_ == "VERB":  # "..., the letter read." (not "he read it")
        parts = [(c.dep_, c.lower_) for c in tok.children]
        written = any(d == "nsubj" and w in WRITINGS for d, w in parts)
        return written and not any(d == "dobj" for d, _ in parts)
    if tok.lower_ == "according":
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    if tok.lower_ == "put":  # "As Gaiman put it, '...'"
        marks = {(c.dep_, c.lower_) for c in tok.children}
        return ("dobj", "it") in marks and ("mark", "as") in marks
    if tok.lower_ in _SEEING_AS and tok.pos_ == "VERB":  # "Ward sees Stadia's lineup as its “Achilles heel”"
        named = any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in tok.children)  # not "critics saw"
        return named and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
    if tok.lower_ not in CUE_WORDS or tok.pos_ not in ("VERB", "AUX"):
        return False
    deps = {c.dep_ for c in tok.children}
    blocking = {"auxpass", "nsubjpass", "xcomp"}
    if tok.lower_ in _WITHOUT_OBJECT:
        blocking.add("dobj")
    elif tok.lower_ in _DIRECTIVES and "dobj" in deps:
        blocking.discard("xcomp")  # "begged lawmakers “not to lose sight of” ...": what they ask
    return not deps & blocking
