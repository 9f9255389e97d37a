"""The parsed article as attribution reads it: who is named where, and whom a later mention means.

:class:`Reader` indexes the parse once per text: the person names outside quotations, in order,
with their fullest form ("Krutikhin" -> "Mikhail Krutikhin", also when the parser tags the surname a
noun or a nationality), roles ("Gov. Sarah Palin"), appositive descriptions, nationalities and the
pronoun each takes (:mod:`corroborator.annotate.pronouns`), and the speakers the article does not
name ("said a senior officer"). It answers whom "she" means (the last person named whom the article
or the given name does not make a "he", or nobody named when someone unnamed spoke since), whom "the
governor" means, and what a proper-name chunk names once its titles are cut off.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from corroborator.annotate.given_names import given_name_gender, is_given_name
from corroborator.annotate.person_names import ORG_WORDS, SUFFIXES, is_vessel, without_suffix
from corroborator.annotate.pronouns import genders, noun_gender, speaking
from corroborator.annotate.speech_cues import CUE_WORDS, OBJECT_DEPS, TELLING, subject_of, verb_above
from corroborator.annotate.titles import HONORIFICS, OFFICES, PROFESSIONS, QUALIFIERS
from corroborator.vocab import NAME_PARTICLES, word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from corroborator.annotate.quote_marks import RawQuote

TITLE_WORDS = OFFICES | QUALIFIERS | PROFESSIONS
TITLES = TITLE_WORDS | HONORIFICS  # words before a name that are not part of it
_SPEAKER_OR_LISTENER = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj"})
_TELLING = TELLING | word_set("asked asks")  # the speaker is the subject, not the one told
_HYPHENS = frozenset({"-", "‐", "–"})
_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "ADV", "SCONJ", "CCONJ"})


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
            if ent.label_ == "PERSON" and _indefinite(ent):
                continue  # "outside of a local Rite Aid": a shop, not a person
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
                if head.i == tok.i and _attributive(head):
                    seen.update(range(tok.i, head.i + 1))
                    continue  # "a strong Oscar contender", "the Obama administration": nobody acts
            elif tok.lower_ in CUE_WORDS and tok.pos_ in ("VERB", "AUX"):
                subj = subject_of(tok, self.in_quote)
                if subj is not None and subj.pos_ == "PROPN" and not self.in_quote(subj.idx):
                    head = subj
            elif tok.pos_ == "PROPN" and tok.i > 0 and doc[tok.i - 1].lower_.rstrip(".") in HONORIFICS:
                head = tok
            elif self._surname_acting(tok):
                head = tok  # "Buser, however, is counting on ...", after "Jack Buser": the NER missed him
            elif tok.pos_ == "PROPN" and tok.i not in seen and _described_as_someone(tok):
                head = tok  # "Darcy Davies, an agriculture student at ...": the NER missed her
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
        # not one set off as a business anywhere ("Mat Maid, a farmer's cooperative begun in 1936")
        businesses = {name for _, b, name in full if _described_as_business(doc[b])}
        self.persons = {
            name
            for _, _, name in full
            if (" " in name or name in self.gender or name in self.speaking) and name not in businesses
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
        while a > 0:
            if doc[a - 1].pos_ == "PROPN" and a - 1 < doc[a - 1].head.i <= b:
                a -= 1
            elif a > 1 and _hyphen_joined(doc, a - 1) and doc[a - 2].pos_ == "PROPN" and doc[a - 2].is_title:
                a -= 2  # "Strauss-Kahn": the parse made "Kahn" the subject, "Strauss" its compound
                break  # and no further: "Director of Public Prosecution Eva-Marie Persson"
            else:
                break
        if tok.i in self.person_tok:
            ea, eb = self.person_tok[tok.i]
            a, b = min(a, ea), max(b, eb)
        b = _past_cut_title(doc, b)
        if b == a + 1 and doc[a].is_sent_start and _gerund(doc[a]) and self.known_surname(doc[b]):
            a = b  # "Hosting Cook at Dreamforce ...", after "Tim Cook": the sentence's first word is no name
        honorific = a > 0 and doc[a - 1].lower_.rstrip(".") in HONORIFICS
        titled = [i for i in range(a, b) if doc[i].lower_.rstrip(".") in TITLES]
        if titled and doc[titled[-1] + 1].lower_.rstrip(".") not in SUFFIXES:
            # "South Dakota Gov. Kristi Noem", "U.S. Attorney Nealy Cox": the name follows the last title
            honorific |= any(doc[i].lower_.rstrip(".") in HONORIFICS for i in titled)
            a = titled[-1] + 1
        # "Browns DL Sheldon Richardson": a position's initials, then the name
        abbreviated = [
            i for i in range(a, b) if _abbreviated_title(doc[i]) and is_given_name(doc[i + 1].text)
        ]
        if abbreviated:
            a = abbreviated[-1] + 1
        person_start = self.person_tok[tok.i][0] if tok.i in self.person_tok else a
        while a < b and (
            doc[a].ent_type_ == "NORP"
            or (doc[a].ent_type_ in ("GPE", "LOC") and a < person_start)
            or doc[a].pos_ in _NOT_NAME_POS
            or doc[a].is_punct
        ):
            a += 1  # "Greek Prime Minister ...", "ambassador to Britain Liu Xiaming", "Having Jackman"
        words = [doc[i].text for i in range(a, b + 1)]
        if any(w.lower() in ORG_WORDS for w in words):
            return None
        if all(w.isupper() and w.lower().rstrip(".") in TITLES for w in words):
            return None  # "as one neo-bank CEO told me": a title's initials, no one's name ("King" is)
        if not all(_name_word(doc, i, a, b) for i in range(a, b + 1)):
            return None
        if is_vessel(words):
            return None  # "INS Mysore"
        after = b + 2 if b + 2 < len(doc) and doc[b + 1].text == "." else b + 1
        if words[-1].rstrip(".").lower() in ("no", "number") and after < len(doc) and doc[after].like_num:
            # "Juror No. 8": no name, but how the story names someone it does not name otherwise
            return (a, after, doc[a : after + 1].text) if len(words) == 2 and b > a else None
        name = doc[a : b + 1].text
        if honorific or tok.i in self.person_tok or (a == b and self.known_surname(doc[a])):
            return a, b, name
        if doc[a].ent_type_ in ("GPE", "NORP", "LOC", "FAC", "DATE", "EVENT", "LAW", "LANGUAGE"):
            return None
        if a > 0 and doc[a - 1].lower_ == "the":
            return None
        return a, b, name

    def _surname_acting(self, tok: Token) -> bool:
        """A capitalised word that is the surname of a person named before, as the subject of a verb
        or right before a speech verb ("Early says there is a possibility", after "Chris Early"),
        whatever the parser tagged it (opening a sentence, a proper noun: not "Early voting ...")."""
        if not tok.is_title or tok.i in self.person_tok or (tok.is_sent_start and tok.pos_ != "PROPN"):
            return False
        subject = tok.dep_ in ("nsubj", "nsubjpass")
        before_cue = tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ in CUE_WORDS
        if not (subject or before_cue):
            return False
        return any(" " in name and name.split()[-1] == tok.text for _, name, _ in self.names)

    def role_holder(self, role: str, before: int) -> str | None:
        """The last person named before ``before`` with the role ``role`` ("the governor said": Gov.
        Sarah Palin), unless someone unnamed of that role spoke since ("a senior officer ... the
        officer said")."""
        for pos, name, words in reversed(self.roles):
            if pos >= before or role not in words:
                continue
            return None if any(t.lower_ == role for t in self.unnamed_between(pos, before)) else name
        return None

    def role_named_later(self, role: str, after: int) -> str | None:
        """The person named after ``after`` with the role ``role``, when the article gives that role
        to no one else: a lead's "China's ambassador to Britain warned ..." before "China's ambassador
        to Britain Liu Xiaoming has said ..." further down."""
        holders = {name for _, name, words in self.roles if role in words}
        if len(holders) != 1 or not any(pos > after and role in words for pos, _, words in self.roles):
            return None
        return next(iter(holders))

    def unnamed_between(self, after: int, before: int) -> list[Token]:
        """The unnamed speakers ("said a senior officer") after character ``after``, before ``before``."""
        starts = self.unnamed_starts
        return self.unnamed[bisect.bisect_right(starts, after) : bisect.bisect_left(starts, before)]

    def known_surname(self, tok: Token) -> bool:
        """The token ends a person's full name given before it ("Gage" after "James Gage"): a name,
        whatever the parser tagged it (a noun, a nationality: "said the 36-year-old Klitschko"). For the
        subject of a speech verb, any earlier full proper name counts ("Davies wrote" after "Darcy
        Davies, an agriculture student", which the NER missed); one the parser calls a place only
        when that name starts with a first name ("added Claure" after "Marcelo Claure"; not
        "Manchester said" after "Greater Manchester")."""

        def ends_one(names: Iterable[tuple[int, str]]) -> bool:
            return any(pos < tok.idx and " " in name and name.split()[-1] == tok.text for pos, name in names)

        if ends_one((pos, name) for pos, name, _ in self.names):
            return True
        if not speaking(tok, CUE_WORDS):
            return False
        if tok.ent_type_ not in ("GPE", "LOC", "FAC"):
            return ends_one(self.known)
        return ends_one((pos, name) for pos, name in self.known if is_given_name(name.split()[0]))

    def names_person(self, name: str) -> bool:
        """Whether the article names a person ``name`` (outside quotations)."""
        return any(other == name for _, other, _ in self.names)

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
        there ("Timothy Brennan, who had been Ortiz's partner, ... He explained"). One named only in a
        relative clause about the subject of its sentence gives way to that subject ("Gene Smith, who
        replaced Andy Geiger, said ... He said"), and one told something to the teller ("Cook told
        Benioff ... he said") (:meth:`clause_owner`)."""
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
            if pronoun and self.bound_away(pos, pronoun):
                continue  # "he was photographed with Epstein. He told ...": not Epstein
            if unsure is None and pronoun and (owner := self.clause_owner(pos, pronoun)) is not None:
                return owner  # "Gene Smith, who replaced Andy Geiger a month ago, said ... he said"
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

    def clause_owner(self, pos: int, pronoun: str) -> str | None:
        """When the name at ``pos`` is inside a relative clause about a named person who is the
        subject of the sentence ("Gene Smith, who replaced Andy Geiger a month ago, said the
        allegations were less serious"; "Morrison was the witness who listened in on the call with
        Zelensky"), or is told something by a named person ("Cook told Benioff
        ..."), or is named in what a named person says ("Sonya Zoghlin told The Hill that her client
        did not intend to harm Omar. '...,' she said"), or, failing those, is named in a clause below
        the main verb of a sentence whose subject is a named person ("Figgins declined to address
        whether Thomas slept on the night Epstein died"), that person, unless the article says they
        do not take ``pronoun``."""
        tok = self.heads.get(pos)
        if tok is not None and tok.dep_ in OBJECT_DEPS and tok.head.lower_ in _TELLING:
            speaker = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            return self._named_at(speaker, pos, pronoun) if speaker is not None else None
        while tok is not None and tok.head.i != tok.i:
            if tok.dep_ in ("relcl", "acl"):
                owner = tok.head
                if owner.dep_ == "appos":  # "Morrison, the witness who listened in on a call with ..."
                    owner = owner.head
                elif owner.dep_ == "attr":  # "Morrison was the witness testifying who listened in ..."
                    owner = next((c for c in owner.head.children if c.dep_ in _SUBJECTS), owner)
                found = self._named_at(owner, pos, pronoun) if owner.dep_ in _SUBJECTS else None
                if found is None:  # "Figgins declined to say whether ... on the night Epstein died"
                    found = self._main_subject(tok, pos, pronoun)
                if tok.dep_ == "relcl" or found is not None:
                    return found
            if tok.head.lower_ in CUE_WORDS and tok.dep_ not in _SPEAKER_OR_LISTENER:
                teller = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                if teller is not None and (person := self._named_at(teller, pos, pronoun)) is not None:
                    return person
            tok = tok.head
        # named in a clause below the main verb ("Figgins declined to address whether Thomas slept
        # ..."): the sentence is about its main subject
        head = self.heads.get(pos)
        if head is None:
            return None
        clause = next((t for t in (head, *head.ancestors) if t.dep_ in _EMBEDDED), None)
        return self._main_subject(clause, pos, pronoun) if clause is not None else None

    def _main_subject(self, clause: Token, pos: int, pronoun: str) -> str | None:
        """The named person who is the subject of the sentence's main verb, when ``clause`` (holding
        the name at ``pos``) hangs below that verb: the sentence is about its subject, not about one
        named in a clause of it."""
        root = clause
        while root.head.i != root.i:
            root = root.head
        subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
        if subject is None:
            return None
        if (found := self._named_at(subject, pos, pronoun)) is not None:
            return found
        if subject.text[:1].isupper() and self.known_surname(subject):  # a surname the NER missed there
            full = self.fullest(subject.text, subject.idx)
            return full if full in self.persons and self.gender.get(full, pronoun) == pronoun else None
        return None

    def _named_at(self, tok: Token, pos: int, pronoun: str) -> str | None:
        """The person whose name ends at ``tok`` (not the one at ``pos``), when they may take
        ``pronoun``."""
        for start, name, _ in self.names:
            head = self.heads.get(start)
            if head is not None and head.i == tok.i and start != pos:
                full = self.fullest(name, start)
                return full if self.gender.get(full, pronoun) == pronoun else None
        return None

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

    def bound_away(self, pos: int, pronoun: str) -> bool:
        """Whether the name at ``pos`` is no subject, and its clause's subject, before it, is
        ``pronoun`` ("he was photographed having chats with Epstein"): that pronoun is someone else,
        and a pronoun after it goes on meaning that someone."""
        head = self.heads[pos]
        if head.dep_ in ("nsubj", "nsubjpass") or self.in_quote(head.idx):
            return False
        verb = verb_above(head.head)
        clauses = [verb, verb.head] if verb.dep_ in ("xcomp", "advcl", "conj") else [verb]  # "having chats"
        return any(
            t.lower_ == pronoun and t.dep_ in ("nsubj", "nsubjpass") and t.i < head.i
            for v in clauses
            for t in v.children
        )

    def another_in_focus(self, pos: int, pronoun: str) -> bool:
        """Whether the sentence naming someone at ``pos`` has ``pronoun`` as an object ("Jerry Tibbs
        admired her and asked her to pose"): then someone else who takes it is what it is about."""
        objective = "her" if pronoun == "she" else "him"
        return any(
            t.lower_ == objective and t.dep_ in _OBJECTS and not self.in_quote(t.idx)
            for t in self.doc[self.token_at(pos)].sent
        )


_OBJECTS = frozenset({"dobj", "dative", "iobj", "pobj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_EMBEDDED = frozenset({"ccomp", "advcl", "relcl", "acl", "pcomp"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def _attributive(last: Token) -> bool:
    """A name that modifies a common noun or an adjective after it ("Oscar contender", "Oscar-winning",
    "the Obama administration"): used as a description, not of someone who does or says anything
    (asked of one-word names: a full name before a noun is mostly a parse slip, "Constable Tim
    Fanning allege", with "allege" read as a noun)."""
    return (
        last.dep_ in ("compound", "amod", "npadvmod", "nmod")
        and last.head.i > last.i
        and last.head.pos_ in ("NOUN", "ADJ", "VERB")
    )


def _abbreviated_title(tok: Token) -> bool:
    """Two or three capitals with no dots, in a name the parser ran on from a title ("DL", "QB")."""
    return tok.text.isalpha() and tok.text.isupper() and 2 <= len(tok.text) <= 3


def _gerund(tok: Token) -> bool:
    """A word ending in "-ing" that is nobody's first name ("Hosting"; not "Sterling")."""
    return tok.lower_.endswith("ing") and len(tok.text) > 5 and not is_given_name(tok.text)


def _name_word(doc: Doc, i: int, a: int, b: int) -> bool:
    """Whether word ``i`` of the chunk ``a..b`` can be part of a name: capitalised, a particle inside
    it ("Bill de Blasio"), or a hyphen inside a hyphenated name and the proper noun after it, which
    may be lower case ("Jennifer Ngo-Anh", "Cheuk Hau-yip"; not the "Ortiz-" of a scrape that lost
    the spaces around a dash, nor the "keyboardist" of "singer-keyboardist")."""
    tok = doc[i]
    if tok.text in _HYPHENS:
        return a < i < b and doc[i - 1].text[:1].isupper()
    if a < i < b and tok.lower_ in NAME_PARTICLES and doc[i + 1].text[:1].isupper():
        return True  # "Bill de Blasio", "Ursula von der Leyen"
    joined = i - 1 > a and doc[i - 1].text in _HYPHENS and doc[i - 2].text[:1].isupper()
    return tok.text[:1].isupper() or (joined and tok.pos_ == "PROPN")


def _indefinite(ent: SpacySpan) -> bool:
    """A name after "a" or "an" (and perhaps an adjective): a place or a brand, as people are not
    named so ("a local Rite Aid", "an Applebee's"); not "a Mr. Smith", which a title keeps a name."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    return i >= 0 and doc[i].lower_ in ("a", "an")


def _mislabelled_person(ent: SpacySpan, surnames: Counter[str], labelled: Counter[str]) -> bool:
    """A name the parser labelled otherwise whose last word it takes for a person's (outside
    quotations) at least as often: "Bettie Page" (ORG once), with "Page" (PERSON) later; not "Kessel
    Point" (ORG four times, PERSON once); or one set off by what only a person is ("Darcy Davies, an
    agriculture student at the University of Alaska, ...": ORG)."""
    return (
        ent.label_ in ("ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE")
        and 2 <= len(ent) <= 3
        and (surnames[ent[-1].text] >= labelled[ent.text] or _described_as_someone(ent[-1]))
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in ORG_WORDS for t in ent)
    )


# what only a person is, besides titles and gendered nouns ("actress"), in an apposition
_SOMEONE = word_set(
    "student teacher scientist researcher expert author writer artist singer musician farmer worker "
    "fellow resident graduate veteran neighbor neighbour friend owner official consultant activist"
)


_BUSINESS = ORG_WORDS | word_set(
    "cooperative co-op business firm brand chain enterprise retailer manufacturer dairy creamery store "
    "restaurant shop factory plant mill"
)


_MODIFIER = frozenset({"compound", "poss", "nmod"})  # "the police commissioner", "the company's spokesman"


def _described_as_business(head: Token) -> bool:
    """The name ending at ``head`` is set off by a phrase that names a kind of business before its head
    ("a farmer's cooperative begun in 1936"; not "a spokesman for the company", "the police
    commissioner" or "the company's spokesman")."""
    doc = head.doc
    return any(
        c.dep_ == "appos"
        and c.i > head.i
        and any(t.lower_ in _BUSINESS and t.dep_ not in _MODIFIER for t in doc[c.left_edge.i : c.i + 1])
        for c in head.children
    )


def _someone(noun: Token) -> bool:
    """A common noun that only a person is ("student", "professor", "actress")."""
    return noun.pos_ == "NOUN" and (
        noun.lower_ in _SOMEONE or noun.lower_ in TITLE_WORDS or noun_gender(noun.text) is not None
    )


def _described_as_someone(head: Token) -> bool:
    """The name ending at ``head`` is set off by a noun phrase headed by what only a person is, after
    it ("Darcy Davies, an agriculture student at ...") or before it ("A professor of economics at the
    University of Athens, Yanis Varoufakis, ...")."""
    doc = head.doc
    if doc[head.i + 1 : head.i + 2].text == "," and any(
        c.dep_ == "appos" and c.i > head.i and _someone(c) for c in head.children
    ):
        return True
    first = head.left_edge.i
    described = head.dep_ == "appos" and head.head.i < first and _someone(head.head)
    return described and doc[first - 1].text == ","


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
    for i in range(a - 1, max(a - 7, -1), -1):
        tok = doc[i]
        low = tok.lower_.rstrip(".")
        linked = 0 < i < a - 1 and doc[i - 1].pos_ == "NOUN" and doc[i + 1].pos_ == "PROPN"
        if low in _ROLE_LINKS and linked:
            continue  # "ambassador to Britain Liu Xiaoming", "secretary of State Ann Brook"
        if not low or not (tok.pos_ in ("NOUN", "PROPN") or low in TITLE_WORDS):
            break
        words.add(_ROLE_ABBREVIATIONS.get(low, low))
    return frozenset(words)


_ROLE_LINKS = word_set("to of for")


def _past_cut_title(doc: Doc, b: int) -> int:
    """The end of a name that the parser cut after its title ("said Sgt. | Marty Earley": the
    period read as a sentence end): the proper nouns right after a title ending the chunk."""
    if doc[b].lower_.rstrip(".") not in TITLES:
        return b
    j = b + 2 if b + 1 < len(doc) and doc[b + 1].text == "." else b + 1
    while j < len(doc) and doc[j].lower_.rstrip(".") in TITLES:  # "said Dist. | Atty. Steve Cooley"
        j = j + 2 if j + 1 < len(doc) and doc[j + 1].text == "." else j + 1
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
    return [(head.idx, name, text) for text in appositives(head)]


_NAME_AND_AGE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,\s+\d{1,3}")
_SETS_OFF = frozenset({",", "(", "—", "–", "-", ":", ";"})


def _set_off(doc: Doc, head: int, start: int) -> bool:
    """Whether a comma, a dash or a bracket stands between the name at ``head`` and the words from
    ``start`` (or opens them): "Mayer, Disney's chairman of ...", "Markey (D-Mass.)"."""
    return any(doc[k].text in _SETS_OFF for k in range(head + 1, start + 1))


def appositives(head: Token) -> list[str]:
    """The appositions of ``head`` as text, a hyphenated word the parse cuts into several ("a co |
    - | producer of the telecast") as one."""
    spans: list[list[int]] = []  # [first, end) token ranges
    doc = head.doc
    # not another person's name ("Neither Perlo nor his co-counsel, Robin Yanes": a misparse)
    names = {(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"}
    for c in head.children:
        if c.dep_ != "appos" or (c.left_edge.i, c.right_edge.i + 1) in names:
            continue
        if spans and c.left_edge.i == spans[-1][1] and not doc[spans[-1][1] - 1].whitespace_:
            spans[-1][1] = c.right_edge.i + 1
        elif c.left_edge.i > head.i and not _set_off(doc, head.i, c.left_edge.i):
            continue  # "handed Brian Nichols today four life sentences": no apposition without a comma
        else:
            spans.append([c.left_edge.i, c.right_edge.i + 1])
    # one that starts inside a word ("co | -counsel": the parse took "-counsel" alone) is no description,
    # nor another name with its age ("her former label, Big Machine Records, Braun, 38 - who ...")
    texts = [doc[a:b].text.strip(" ,;:—–-") for a, b in spans if not (a > 0 and _glued(doc[a - 1]))]
    return [t for t in texts if not _NAME_AND_AGE.fullmatch(t)]


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen with no space on either side ("Strauss-Kahn")."""
    return doc[i].text in _HYPHENS and not doc[i].whitespace_ and _glued(doc[i - 1])


def _glued(tok: Token) -> bool:
    """The token ends a word piece that runs on into the next token ("co" in "co-counsel")."""
    return not tok.whitespace_ and tok.text[-1:].isalnum()


def phrase(tok: Token) -> str:
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    return span.text.strip(" ,;:—–-")
