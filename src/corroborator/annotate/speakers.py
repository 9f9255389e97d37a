"""Who said a quotation: speech cues and the speaker they name.

A cue is a speech verb outside quotation marks (``said``, ``told``, ``according to``; not passive);
its subject is resolved to the fullest name the article gives (``Krutikhin`` -> ``Mikhail
Krutikhin``, also when the parser tags the surname a noun or a nationality; ``she`` -> the last
person named whom the article (or the given name) does not make a "he"
(:mod:`corroborator.annotate.pronouns`), or nobody named when someone unnamed spoke after that
person ("said a senior officer"); ``the Chinese leader`` -> the last person named who is not known
to be of another nationality, ``Secretary of the Interior Dirk Kempthorne`` -> the name after the
title), with a description (an appositive, the title, or the words before the name) and a listener
(``told AFP``, ``in an interview with CNN``). :class:`Reader` indexes the parse once per text (the
person names outside quotations, in order); a cue naming nobody gives no speaker: never guessed.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corroborator.annotate.given_names import given_name_gender
from corroborator.annotate.person_names import ORG_WORDS, SUFFIXES, is_vessel, without_suffix
from corroborator.annotate.pronouns import genders, noun_gender, speaking
from corroborator.models import Span
from corroborator.vocab import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from corroborator.annotate.quote_marks import RawQuote


_SPEECH = (
    "say said says saying tell told tells telling add added adds adding note noted notes noting "
    "stress stressed stresses warn warned warns warning write wrote writes writing explain explained "
    "explains ask asked asks insist insisted insists argue argued argues arguing claim claimed claims "
    "continue continued continues conclude concluded concludes declare declared declares hail hailed "
    "hails state stated states comment commented remark remarked reply replied replies respond "
    "responded recall recalled recalls acknowledge acknowledged admit admitted admits announce "
    "announced assert asserted caution cautioned complain complained confirm confirmed contend "
    "contended emphasise emphasised emphasize emphasized observe observed predict predicted promise "
    "promised suggest suggested tweet tweeted posted urge urged vow vowed called calls joked "
    "reiterated pointed told wrote testify testified testifies quipped conceded concedes lamented "
    "boasted recounted notified shouted yelled whispered texted emailed"
)
CUE_WORDS = word_set(_SPEECH)
HONORIFICS = word_set("dame dr lady lord miss mr mrs ms prof rev sir")
TITLE_WORDS = word_set(
    "ambassador capt captain ceo chairman chairwoman chancellor chief col colonel commander "
    "commissioner councillor councilman defence defense deputy director economy finance fire foreign "
    "gen general governor inspector interior judge justice king leader mayor minister officer pope "
    "premier president prime prince princess professor queen rep representative secretary sen senator "
    "attorney atty gov lt sgt det undersheriff executive commodore admiral adm lieutenant sergeant "
    "superintendent chairperson constable const cpl corporal trooper "
    "sheriff spokesman spokesperson spokeswoman state vice "
    "editor publisher manager coach producer correspondent reporter anchor founder analyst economist"
)
_TITLES = TITLE_WORDS | HONORIFICS  # words before a name that are not part of it
ROLE_NOUNS = word_set("chancellor chief head king leader minister premier president queen")
_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "ADV", "SCONJ", "CCONJ"})
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
    resolved: bool = False  # the speaker was worked out (from "he" or "she"), not named at the cue


class Reader:
    """The parsed article with the indexes attribution needs (built in one pass)."""

    def __init__(self, doc: Doc, text: str, raws: list[RawQuote]) -> None:
        self.doc = doc
        self.text = text
        self.starts: list[int] = doc.to_array("IDX").tolist()
        self.quote_bounds = [(r.open, r.close) for r in raws]
        self.quote_opens = [r.open for r in raws]
        self.person_tok: dict[int, tuple[int, int]] = {}
        surnames = Counter(
            ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and not self.in_quote(ent.start_char)
        )
        labelled = Counter(ent.text for ent in doc.ents if ent.label_ != "PERSON")
        for ent in doc.ents:
            if ent.label_ == "PERSON" or _mislabelled_person(ent, surnames, labelled):
                end = ent.end
                while end > ent.start + 1 and doc[end - 1].text in _POSSESSIVE:
                    end -= 1  # the parser's "Robin Ortiz's": the name is "Robin Ortiz"
                for i in range(ent.start, end):
                    self.person_tok[i] = (ent.start, end - 1)
        # person names outside quotes, in order: (char offset, name, nationality or "")
        self.names: list[tuple[int, str, str]] = []
        self.known: list[tuple[int, str]] = []  # the names and other multi-word proper names
        self.appos: dict[str, str] = {}  # fullest name -> its first appositive description
        appos: list[tuple[int, str, str]] = []
        mentions: list[tuple[int, int, str, int]] = []  # first and last token, name, char offset
        self.heads: dict[int, Token] = {}  # a person name's char offset -> its head (last) token
        seen: set[int] = set()
        for i, start in enumerate(self.starts):
            if self.in_quote(start):
                continue
            tok = doc[i]
            head: Token | None = None
            if tok.i in self.person_tok and tok.i not in seen:
                head = doc[self.person_tok[tok.i][1]]
            elif tok.lower_ in CUE_WORDS and tok.pos_ in ("VERB", "AUX"):
                subj = _subject(tok, self.in_quote)
                if subj is not None and subj.pos_ == "PROPN" and not self.in_quote(subj.idx):
                    head = subj
            elif tok.pos_ == "PROPN" and tok.i > 0 and doc[tok.i - 1].lower_.rstrip(".") in HONORIFICS:
                head = tok
            if head is None:
                if tok.pos_ == "PROPN" and tok.dep_ not in ("compound", "flat") and tok.i not in seen:
                    chunk = self.name_of(tok)  # a name the NER missed ("Xi Jinping" as WORK_OF_ART)
                    if chunk is not None and chunk[1] > chunk[0]:
                        self.known.append((doc[chunk[0]].idx, chunk[2]))
                    if chunk is not None:
                        appos.extend(_appositives(tok, chunk[2]))
                continue
            named = self.name_of(head)
            if named is None:
                continue
            a, b, name = named
            seen.update(range(a, b + 1))
            self.names.append((doc[a].idx, name, _nationality(doc, a)))
            self.known.append((doc[a].idx, name))
            mentions.append((a, b, name, doc[a].idx))
            self.heads[doc[a].idx] = doc[b]
            appos.extend(_appositives(head, name))
        self.names.sort()
        self.known.sort()
        for pos, name, described in appos:
            self.appos.setdefault(self.fullest(name, pos), described)
        self.name_starts = [n[0] for n in self.names]
        full = [(a, b, self.fullest(name, pos)) for a, b, name, pos in mentions]
        # the roles each mention gives its person: "Gov. Sarah Palin", "director Gary Ross", "Palin, the
        # governor of Alaska"; "the governor said" later may mean them
        roles = {name: word_set(_WORD_ONLY.sub(" ", text.lower())) for name, text in self.appos.items()}
        self.roles = [
            (doc[a].idx, name, _role_words(doc, a) | roles.get(name, frozenset())) for a, _, name in full
        ]
        # "Gray" after "Kimani Gray" and "Mahnefah Gray" may be either: no evidence for one of them
        last_words: dict[str, set[str]] = {}
        for _, name in self.known:
            last_words.setdefault(name.split()[-1], set()).add(name)
        sure = [(a, b, name) for (a, b, name), (_, _, said, _) in zip(full, mentions, strict=True)
                if " " in said or len(last_words.get(said, ())) <= 1]  # fmt: skip
        self.gender = genders(
            doc, sure, self.in_quote, frozenset(self.person_tok), CUE_WORDS, given_name_gender
        )
        # persons a pronoun can mean: a one-word name must be said to speak, or be he or she
        self.speaking = {name for _, b, name in full if speaking(doc[b], CUE_WORDS)}
        self.persons = {
            name for _, _, name in full if " " in name or name in self.gender or name in self.speaking
        }
        # speakers the article does not name ("said a senior officer"): a later "he" may mean them
        self.unnamed = [t for t in doc if _unnamed_speaker(t, self.in_quote)]  # in text order
        self.unnamed_starts = [t.idx for t in self.unnamed]

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quote_opens, pos) - 1
        return k >= 0 and self.quote_bounds[k][0] <= pos < self.quote_bounds[k][1]

    def token_at(self, pos: int) -> int:
        """The index of the token that contains (or last starts before) character ``pos``."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def tokens_between(self, start: int, end: int) -> range:
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def name_of(self, tok: Token) -> tuple[int, int, str] | None:
        """The proper-name chunk headed by ``tok`` without titles, if it names a person."""
        doc = self.doc
        a = b = tok.i
        while a > 0 and doc[a - 1].pos_ == "PROPN" and a - 1 < doc[a - 1].head.i <= b:
            a -= 1
        if tok.i in self.person_tok:
            ea, eb = self.person_tok[tok.i]
            a, b = min(a, ea), max(b, eb)
        b = _past_cut_title(doc, b)
        honorific = a > 0 and doc[a - 1].lower_.rstrip(".") in HONORIFICS
        titled = [i for i in range(a, b) if doc[i].lower_.rstrip(".") in _TITLES]
        if titled and doc[titled[-1] + 1].lower_.rstrip(".") not in SUFFIXES:
            # "South Dakota Gov. Kristi Noem", "U.S. Attorney Nealy Cox": the name follows the last title
            honorific |= any(doc[i].lower_.rstrip(".") in HONORIFICS for i in titled)
            a = titled[-1] + 1
        while a < b and (doc[a].ent_type_ == "NORP" or doc[a].pos_ in _NOT_NAME_POS or doc[a].is_punct):
            a += 1  # "Greek Prime Minister ...", "Having Jackman" (the parser's person took a verb)
        words = [doc[i].text for i in range(a, b + 1)]
        if any(w.lower() in ORG_WORDS for w in words) or not all(w[:1].isupper() for w in words):
            return None
        if is_vessel(words):
            return None  # "INS Mysore"
        after = b + 2 if b + 2 < len(doc) and doc[b + 1].text == "." else b + 1
        if words[-1].rstrip(".").lower() in ("no", "number") and after < len(doc) and doc[after].like_num:
            return None  # "Juror No. 8": a number, not a name
        name = doc[a : b + 1].text
        if honorific or tok.i in self.person_tok or (a == b and self.known_surname(doc[a])):
            return a, b, name
        if doc[a].ent_type_ in ("GPE", "NORP", "LOC", "FAC", "DATE", "EVENT", "LAW", "LANGUAGE"):
            return None
        if a > 0 and doc[a - 1].lower_ == "the":
            return None
        return a, b, name

    def role_holder(self, role: str, before: int) -> str | None:
        """The last person named before ``before`` with the role ``role`` ("the governor said": Gov.
        Sarah Palin), unless someone unnamed of that role spoke since ("a senior officer ... the
        officer said")."""
        for pos, name, words in reversed(self.roles):
            if pos >= before or role not in words:
                continue
            return None if any(t.lower_ == role for t in self.unnamed_between(pos, before)) else name
        return None

    def unnamed_between(self, after: int, before: int) -> list[Token]:
        """The unnamed speakers ("said a senior officer") after character ``after``, before ``before``."""
        starts = self.unnamed_starts
        return self.unnamed[bisect.bisect_right(starts, after) : bisect.bisect_left(starts, before)]

    def known_surname(self, tok: Token) -> bool:
        """The token ends a person's full name given before it ("Gage" after "James Gage"): a name,
        whatever the parser tagged it (a noun, a nationality: "said the 36-year-old Klitschko"). For the
        subject of a speech verb, any earlier full proper name counts ("Davies wrote" after "Darcy
        Davies, an agriculture student", which the NER missed)."""

        def ends_one(names: Iterable[tuple[int, str]]) -> bool:
            return any(pos < tok.idx and " " in name and name.split()[-1] == tok.text for pos, name in names)

        return ends_one((pos, name) for pos, name, _ in self.names) or (
            speaking(tok, CUE_WORDS)
            and tok.ent_type_ not in ("GPE", "LOC", "FAC")  # "Manchester said", after "Greater Manchester"
            and ends_one(self.known)
        )

    def fullest(self, name: str, before: int) -> str:
        """The longest earlier name ending with ``name`` (the latest of equals), else ``name``."""
        words = name.split()
        best, best_len = name, len(words)
        for pos, other in self.known:
            if pos > before:
                break
            ow = without_suffix(other.split(), keep=1)  # "Anthony LaCalamita III" for "LaCalamita"
            if len(ow) >= best_len and ow[-len(words) :] == words:
                best, best_len = other, len(ow)
        if best_len == len(words) and best == name:
            # a surname-first name ("Xi" for "Xi Jinping"), when only one person starts with it
            starts = {o for p, o in self.known if p <= before and o != name and o.startswith(name + " ")}
            if len(starts) == 1:
                best = starts.pop()
        return best

    def sentence_subject(self, pronoun: Token, word: str) -> str | None:
        """The person a pronoun means when its own sentence names, before it, a person as subject and
        the last person named after that is no subject ("Judge Hickok said he weighed the slaying of
        Deputy Jerry Ortiz, and he concluded ...": Hickok); else None."""
        start = pronoun.sent.start_char
        k = bisect.bisect_left(self.name_starts, pronoun.idx) - 1
        named: list[tuple[str, bool]] = []  # (fullest name, a subject), latest first
        while k >= 0 and self.names[k][0] >= start:
            pos, name, _ = self.names[k]
            named.append((self.fullest(name, pos), self.heads[pos].dep_ in ("nsubj", "nsubjpass")))
            k -= 1
        if not named or named[0][1]:
            return None
        for full, is_subject in named[1:]:
            if is_subject and full in self.persons and self.gender.get(full, word) == word:
                return full
        return None

    def last_person(self, before: int, norp: str = "", pronoun: str = "") -> str | None:
        """The last person named before ``before`` who can be meant: of nationality ``norp`` when
        given, and taking ``pronoun`` ("he", "she") when the article says which they take. A pronoun
        means nobody named when someone the article does not name spoke after the last person named
        ("..., said a senior officer. '...,' he added"). One the article says nothing of and who never
        speaks gives way to an earlier person it says takes the pronoun when its own sentence has that
        pronoun as an object, someone else ("Bettie Page ... A photographer named Jerry Tibbs ... asked
        her to pose. ... she told Playboy"), or to the subject of its sentence when it is a possessor
        there ("Timothy Brennan, who had been Ortiz's partner, ... He explained")."""
        k = bisect.bisect_left(self.name_starts, before) - 1
        latest = self.names[k][0] if k >= 0 else -1
        since = self.unnamed_between(latest, before)
        if pronoun and any(noun_gender(t.text) in (None, pronoun) for t in since):
            return None  # the last to speak before the pronoun was someone unnamed who can be meant
        unsure: str | None = None  # the last one who may take the pronoun, though nothing says so
        while k >= 0:
            pos, name, _ = self.names[k]
            full = self.fullest(name, pos)
            k -= 1
            if pronoun and (full not in self.persons or self.gender.get(full, pronoun) != pronoun):
                continue
            nat = next((n for p, nm, n in self.names if n and nm == full), "")
            if norp and nat and nat != norp:
                continue
            if unsure is None and pronoun and full not in self.gender and full not in self.speaking:
                if (owner := self.possessor_of_subject(pos, pronoun)) is not None:
                    return owner  # "Timothy Brennan, who had been Ortiz's partner, ... He explained"
                if self.another_in_focus(pos, pronoun):
                    unsure = full  # "A photographer named Jerry Tibbs ... asked her to pose"
                    continue
            if unsure is None or full in self.gender:
                return full
            return unsure
        return unsure

    def possessor_of_subject(self, pos: int, pronoun: str) -> str | None:
        """When the name at ``pos`` is a possessor ("Ortiz's partner") in a sentence whose subject is
        a named person known to take ``pronoun``, that person ("Timothy Brennan, who had been Ortiz's
        partner for a year, called the verdict bittersweet")."""
        head = self.heads.get(pos)
        doc = self.doc
        if head is None or not (head.dep_ == "poss" or doc[head.i + 1 : head.i + 2].text in _POSSESSIVE):
            return None
        sent = head.sent
        for start, name, _ in self.names:
            subject = self.heads.get(start)
            if start < sent.start_char or start >= sent.end_char or subject is None or start == pos:
                continue
            full = self.fullest(name, start)
            if subject.dep_ in ("nsubj", "nsubjpass") and self.gender.get(full) == pronoun:
                return full
        return None

    def another_in_focus(self, pos: int, pronoun: str) -> bool:
        """Whether the sentence naming someone at ``pos`` has ``pronoun`` as an object ("Jerry Tibbs
        admired her and asked her to pose"): then someone else who takes it is what it is about."""
        objective = "her" if pronoun == "she" else "him"
        return any(
            t.lower_ == objective and t.dep_ in _OBJECTS and not self.in_quote(t.idx)
            for t in self.doc[self.token_at(pos)].sent
        )


_OBJECTS = frozenset({"dobj", "dative", "iobj", "pobj"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def _mislabelled_person(ent: SpacySpan, surnames: Counter[str], labelled: Counter[str]) -> bool:
    """A name the parser labelled otherwise whose last word it takes for a person's (outside
    quotations) at least as often: "Bettie Page" (ORG once), with "Page" (PERSON) later; not "Kessel
    Point" (ORG four times, PERSON once)."""
    return (
        ent.label_ in ("ORG", "WORK_OF_ART", "PRODUCT", "FAC")
        and 2 <= len(ent) <= 3
        and surnames[ent[-1].text] >= labelled[ent.text]
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in ORG_WORDS for t in ent)
    )


_NOT_SOMEONE = word_set(
    "family families statement report reports media newspaper paper letter leaflet website document "
    "study survey data record records poll sources crowd people residents witnesses"
)


def _unnamed_speaker(tok: Token, in_quote: Callable[[int], bool]) -> bool:
    """Someone the article brings in without a name says something: a singular common noun with an
    indefinite article, the subject of a speech verb ("said a senior officer", "a source said"),
    that can be "he" or "she" (not "a statement"). "The star said" and "his mother said" mostly
    describe someone named before; "her agent, Mark Roesler, said" names them."""
    low = tok.lower_
    return (
        tok.tag_ == "NN"
        and speaking(tok, CUE_WORDS)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children)
        and not any(c.dep_ == "appos" for c in tok.children)
        and low not in ORG_WORDS
        and low not in _NOT_SOMEONE
        and not in_quote(tok.idx)
    )


_WORD_ONLY = re.compile(r"[^\w\s]+")
_ROLE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "lt": "lieutenant", "sgt": "sergeant",
    "capt": "captain", "det": "detective", "atty": "attorney", "adm": "admiral", "gen": "general",
    "col": "colonel", "cpl": "corporal", "supt": "superintendent", "prof": "professor", "const": "constable",
}  # fmt: skip


def _role_words(doc: Doc, a: int) -> frozenset[str]:
    """The nouns and titles right before a name ("Interior Secretary", "director", "Gov."), lower-cased
    and with abbreviated titles written out."""
    words: set[str] = set()
    for i in range(a - 1, max(a - 5, -1), -1):
        tok = doc[i]
        low = tok.lower_.rstrip(".")
        if not low or not (tok.pos_ in ("NOUN", "PROPN") or low in TITLE_WORDS):
            break
        words.add(_ROLE_ABBREVIATIONS.get(low, low))
    return frozenset(words)


def _past_cut_title(doc: Doc, b: int) -> int:
    """The end of a name that the parser cut after its title ("said Sgt. | Marty Earley": the
    period read as a sentence end): the proper nouns right after a title ending the chunk."""
    if doc[b].lower_.rstrip(".") not in _TITLES:
        return b
    j = b + 2 if b + 1 < len(doc) and doc[b + 1].text == "." else b + 1
    k = j
    while k < len(doc) and doc[k].pos_ == "PROPN":
        k += 1
    return k - 1 if k > j else b


def _nationality(doc: Doc, a: int) -> str:
    for i in range(a - 1, max(a - 4, -1), -1):
        if doc[i].ent_type_ == "NORP":
            return doc[i].lower_
        if doc[i].pos_ not in ("PROPN", "NOUN") and doc[i].lower_ not in TITLE_WORDS:
            break
    return ""


def _appositives(head: Token, name: str) -> list[tuple[int, str, str]]:
    return [(head.idx, name, _phrase(c)) for c in head.children if c.dep_ == "appos"]


def _phrase(tok: Token) -> str:
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    return span.text.strip(" ,;:—–-")


def _subject(cue: Token, quoted: Callable[[int], bool]) -> Token | None:
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
            return min(subjs, key=lambda c: abs(c.i - tok.i))
        as_saying = tok.dep_ == "prep" and tok.lower_ == "as"  # "quoted as saying"
        climbs = tok.dep_ in ("advcl", "xcomp", "conj", "pcomp") or as_saying
        if not climbs or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


# verbs written before their subject after a quotation: '"...," said Xiao Bin'
INVERTING_CUES = word_set("said says added adds wrote writes asked explained noted")


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
    if end == cue.i + 1 or (end - 1) not in rd.person_tok or rd.in_quote(doc[end - 1].idx):
        return None
    return doc[end - 1]


# "she is quoted as saying", "he was heard saying": the passive subject of these is the speaker
_QUOTED_SAYING = word_set("quoted cited heard recorded filmed reported")


def _is_cue(tok: Token) -> bool:
    if tok.lower_ == "according":
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    if tok.lower_ not in CUE_WORDS or tok.pos_ not in ("VERB", "AUX"):
        return False
    return not any(c.dep_ in ("auxpass", "nsubjpass", "xcomp") for c in tok.children)


def _addressee(tok: Token) -> str | None:
    """A named listener: the proper-noun phrase headed by ``tok``."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in _NOT_LISTENERS:
        return None
    doc = tok.doc
    person = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), tok)
    if person.ent_type_ == "PERSON":
        ent = next(e for e in doc.ents if e.start <= person.i < e.end)
        return ent.text
    a = tok.i
    while a > tok.left_edge.i and doc[a - 1].dep_ in ("compound", "det", "amod", "poss", "case", "nmod"):
        a -= 1
    if doc[a].lower_ == "the" and doc[a].text == "the":
        a += 1
    return doc[a : tok.i + 1].text


def _told_to(cue: Token, subj: Token | None) -> str | None:
    if cue.lower_ in ("told", "tell", "tells", "telling"):
        for c in cue.children:
            if c.dep_ in ("dobj", "dative", "iobj") and (got := _addressee(c)) is not None:
                return got
    holders = [cue] + ([subj] if subj is not None else [])
    holders += [c for c in cue.children if c.lower_ in ("speaking", "talking")]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "in", "with"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if prep.lower_ == "to" and cue.lower_ in _TO_CUES and (got := _addressee(obj)) is not None:
                    return got
                if obj.lower_ in ("interview", "conversation", "statement"):
                    for sub in obj.children:
                        if sub.lower_ in ("with", "to"):
                            pobj = next((o for o in sub.children if o.dep_ == "pobj"), None)
                            if pobj is not None and (got := _addressee(pobj)) is not None:
                                return got
                if prep.lower_ == "with" and (got := _addressee(obj)) is not None:
                    return got
    return None


def attribute(rd: Reader, cue: Token) -> Who:
    """Who a cue verb attributes speech to, with description and listener."""
    doc = rd.doc
    cue_text = "according to" if cue.lower_ == "according" else cue.text
    subj = _subject(cue, rd.in_quote) or _inverted_subject(rd, cue)
    if subj is None or any(c.dep_ == "conj" for c in subj.children):
        return Who(None, None, None, _told_to(cue, None), cue_text)
    told_to = _told_to(cue, subj)
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
        appos = next((c for c in subj.children if c.dep_ == "appos"), None)
        if appos is not None:
            description = _phrase(appos)
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
    elif subj.pos_ == "NOUN" and any(c.lower_ == "the" for c in subj.children):
        norp = next((c.lower_ for c in subj.children if c.ent_type_ == "NORP"), "")
        if norp and low in ROLE_NOUNS:
            speaker = rd.last_person(subj.idx, norp)  # "the Chinese leader"
        else:
            speaker = rd.role_holder(low, subj.idx)  # "the governor", once "Gov. Sarah Palin"
    if speaker is None:
        return Who(None, None, None, told_to, cue_text)
    resolved = low in ("he", "she") or subj.pos_ == "NOUN"
    return Who(speaker, span, description or rd.appos.get(speaker), told_to, cue_text, resolved)


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
    apostrophe)."""
    while start < end and (doc[start].pos_ == "DET" or doc[start].tag_ == "PRP$"):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end].text or None


def _appositive_name(rd: Reader, noun: Token) -> tuple[int, int, str] | None:
    """A person's name set off as an appositive in a common-noun subject's phrase: "her nephew, Ravi
    Singh" (of the noun), "the vice president of the union, Elias Vrettakos" (the parser may hang it
    on the last noun before it)."""
    for tok in noun.subtree:
        if tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.i in rd.person_tok and tok.i > noun.i:
            first = rd.person_tok[tok.i][0]
            if first > 0 and rd.doc[first - 1].text == "," and (named := rd.name_of(tok)) is not None:
                return named
    return None


def _all_titles(words: Iterable[Token]) -> bool:
    return all(w.lower_.rstrip(".") in _TITLES for w in words)


def cue_in(rd: Reader, start: int, end: int, last: bool) -> Token | None:
    """The first (``last``: the last) cue verb outside quotations between two character offsets."""
    rng = rd.tokens_between(start, end)
    for i in reversed(rng) if last else rng:
        tok = rd.doc[i]
        if _is_cue(tok) and not rd.in_quote(tok.idx):
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
            if not (s <= tok.idx < e) and _is_cue(tok) and not rd.in_quote(tok.idx):
                return tok
    return None
