"""Direct quotations in one article body and who said them.

Quote marks are found by scanning the text (:mod:`corroborator.annotate.quote_marks`: straight and
curly, double and single, nested single quotes kept inside their double quote, apostrophes left
alone); each quotation is then attributed from the parse (:mod:`corroborator.annotate.speakers`):
the cue verb next to it (``"...," X said``, ``said X``, ``X told AFP``, ``according to X``) or
governing it (``he had "gladly accepted"``), or a sentence introducing it with a colon (``X was
blunt: "..."``), or a sentence right after it that only attributes (``"...." she said.``), its
subject resolved to the fullest name the article gives (see
:mod:`corroborator.annotate.speaker_reader` for pronouns, titles and roles). A quotation left open that
closes paragraphs later (:mod:`.quote_marks`) is one quotation, attributed where it closes. A
quotation with no cue keeps ``speaker=None`` (never guessed) unless it continues an attributed one:
a later quotation in its paragraph or one opening the next, or a quotation left open that runs into
the next paragraph's attributed opening quotation; such a carried speaker, like one worked out from
"she said", is marked ``resolved``. A title in quotation marks ("A Beautiful Mind") is no quotation.
One linear pass over the tokens plus work per quotation.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from corroborator.annotate.quote_marks import PARAGRAPH, WORD, RawQuote, inner, is_partial, scan
from corroborator.annotate.speaker_reader import TITLES, Reader
from corroborator.annotate.speakers import Who, according_after, attribute, cue_in, governing_cue
from corroborator.annotate.speech_cues import CUE_WORDS, INVERTING_CUES, TELLING, is_cue, objects_of
from corroborator.models import Quote, Span
from corroborator.vocab import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


def find_quotes(doc: Doc, *, caption: int | None = None, text: str | None = None) -> tuple[Quote, ...]:
    """Direct quotations in a parsed body (or caption ``caption``), each with its speaker if stated.

    ``text`` is the text ``doc`` was parsed from, when the caller has it (``doc.text`` is rebuilt
    token by token)."""
    text = doc.text if text is None else text
    raws = scan(text)
    if not raws:
        return ()
    rd = Reader(doc, text, raws)
    parsed = doc.has_annotation("DEP")
    paras = [m.span() for m in PARAGRAPH.finditer(text)]
    found: list[_Found] = []
    for k, raw in enumerate(raws):
        s, e = inner(text, raw)
        if e <= s or _is_title(text[s:e]):
            continue  # "The Notorious Bettie Page", "Take Me Out to the Ball Game": a name, not speech
        ps = paras[raw.para][0]
        pe = paras[raw.last_para][1]
        partial = is_partial(text, raw, s, ps, CUE_WORDS)
        nxt = next((r.open for r in raws[k + 1 :] if r.para == raw.last_para), pe)
        prv = max((r.close + 1 for r in raws[:k] if r.para == raw.para and r.close < raw.open), default=ps)
        cue: Token | None = None
        if not parsed:
            pass  # no parse, no attribution
        elif partial:
            cue = governing_cue(rd, s, e) or according_after(rd, s, e)
            cue = cue or _cue_before_in_sentence(rd, raw, prv)
        else:
            after = text[raw.close + 1 : nxt].lstrip()
            ending = text[s : raw.close].rstrip("’'\"” ")[-1:]
            # the attribution follows a comma, or the writer's own sentence runs on from the
            # quotation ('"Every day ... the interests" mutually shared by Ukraine and the U.S., he
            # warned'; a clause or more, not a name in quotation marks) unless that sentence named
            # its speaker before it ('X said in a statement, "..." at the release, adding ...')
            runs_on = after[:1].islower() and len(WORD.findall(text[s:e])) >= 6
            runs_on = runs_on and _cue_before_in_sentence(rd, raw, prv) is None
            comma = ending in ",?!…—–-" or after[:1] == ","
            if raw.closed and (comma or runs_on):
                idx = rd.tokens_between(raw.close + 1, nxt)
                if len(idx):
                    # a sentence the scrape broke in two ("the Rev. | Larry Kroon ... said") runs on
                    # into the next paragraph, up to the next quotation
                    limit = nxt if nxt < pe else next((r.open for r in raws[k + 1 :]), len(text))
                    sent = doc[idx[0]].sent
                    if _ends_with_title(sent):  # '..." Const. | Fanning said.': a title's period
                        sent = doc[sent.end].sent if sent.end < len(doc) else sent
                    # a sentence that runs on is searched past its later quotations to its end ('"..."
                    # because of its "..." and because it "...," EU Commissioner Olli Rehn said.')
                    end = min(limit if comma else max(limit, pe), sent.end_char)
                    # after a run-on, the sentence's last cue: its own verbs come first ('"..."
                    # announced in October, said Derek Scissors')
                    cue = cue_in(rd, raw.close + 1, end, last=not comma)
            if cue is None and raw.closed:
                cue = _attributing_sentence(rd, text, raw, nxt)
            if cue is None:
                cue = cue_in(rd, prv, raw.open, last=True)
            if cue is None:
                cue = _introduced(rd, text, raw, paras)
            if cue is None and raw.closed and not text[raw.close + 1 : pe].strip():
                cue = _attributing_paragraph(rd, text, raw, paras)
            if cue is None and raw.closed:
                cue = _told_before(rd, text, raw, paras)
        who = attribute(rd, cue) if cue is not None else _NOBODY
        if who.speaker is not None and who.told_to is None and cue is not None and not _tells_someone(cue):
            who = _told_earlier(rd, raw, paras, who)
            who = who if who.told_to is not None else _same_interview(found, raw, who)
        if who.cue is None and len(WORD.findall(text[s:e])) <= 2:
            continue  # a scare quote: a word or two nobody is said to have said
        found.append(_Found(raw, s, e, partial, who))
    _carry(text, paras, found)
    return tuple(
        Quote(
            text[f.s : f.e],
            Span(f.s, f.e),
            w.speaker,
            w.speaker_span,
            w.description,
            w.told_to,
            w.cue,
            f.partial,
            caption,
            w.resolved and w.speaker is not None,
        )
        for f in found
        if (w := f.who) is not None
    )


# a sentence of a few words right after a quotation, which can only say who said it: "she said.",
# "Pappas told Reuters.", "said Ann Brook, a teacher."
_SHORT_ATTRIBUTION = re.compile(r"[A-Za-z][^.!?\"“”‘’\n]{0,60}?[.!?](?=\s|$)")
# ... or a paragraph of its own, which may describe who spoke and when: "Williams, a critic of police
# policy, said before Kelly appeared on the scene."
_ATTRIBUTING_PARAGRAPH = re.compile(r"[A-Za-z][^.!?\"“”‘’\n]{0,160}?[.!?]")
# ... or one that starts with the verb: "said Anna Pavlidou, manager of a mobile phone store."
_INVERTED_ATTRIBUTION = re.compile(
    rf"(?:{'|'.join(sorted(INVERTING_CUES))})\s[^\"“”‘’\n]{{0,200}}?[.!?](?=\s|$)"
)


_TITLE_SMALL = word_set("a an the of to in on at for and or but from by with as is")
_TITLE_WORDS = 8


def _is_title(quoted: str) -> bool:
    """A title in quotation marks: a few words, no punctuation, every word capitalised but the small
    ones ("A Beautiful Mind", "Year of the Woman"); not "John McCain is so old"."""
    quoted = quoted.rstrip(".,")  # "She starred in “Take Me Out to the Ball Game.”"
    words = quoted.split()
    if not 2 <= len(words) <= _TITLE_WORDS or re.search(r"[.!?,;:…]", quoted):
        return False
    if not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words)


def _ends_with_title(sent: SpacySpan) -> bool:
    """The parser ended the sentence at the period of a title before a name ("Const.", "Sgt.")."""
    words = [t for t in sent if not t.is_space and not (t.is_punct and t.text != ".")]
    return len(words) >= 2 and words[-1].text == "." and words[-2].lower_ in TITLES


def _cue_before_in_sentence(rd: Reader, raw: RawQuote, prv: int) -> Token | None:
    """The last cue before the quotation in its own sentence, after the quotation before it (``prv``)."""
    sent_start = rd.doc[rd.token_at(raw.open)].sent.start_char
    return cue_in(rd, max(sent_start, prv), raw.open, last=True)


def _attributing_sentence(rd: Reader, text: str, raw: RawQuote, nxt: int) -> Token | None:
    """The cue of a sentence right after a quotation closed without a comma, when it only attributes
    ('“... It did not handle it well.” she said.'); not one with a clause of its own ("... The store
    was looted twice, police said.")."""
    after = text[raw.close + 1 : nxt]
    start = raw.close + 1 + len(after) - len(after.lstrip())
    short = _SHORT_ATTRIBUTION.match(text, start, nxt) or _INVERTED_ATTRIBUTION.match(text, start, nxt)
    return None if short is None else _only_attributing(rd, start, short.end())


def _attributing_paragraph(
    rd: Reader, text: str, raw: RawQuote, paras: list[tuple[int, int]]
) -> Token | None:
    """The cue of the paragraph after a quotation that ends its own, when that paragraph is one short
    sentence that only attributes (a sentence the scrape set apart: '... already dead.”' then
    'Roesler said.')."""
    if raw.last_para + 1 >= len(paras):
        return None
    start, end = paras[raw.last_para + 1]
    whole = text[start:end].rstrip()
    short = _ATTRIBUTING_PARAGRAPH.fullmatch(whole) or _INVERTED_ATTRIBUTION.fullmatch(whole)
    return None if short is None else _only_attributing(rd, start, start + len(whole))


def _only_attributing(rd: Reader, start: int, end: int) -> Token | None:
    """The cue of the sentence from ``start`` to ``end`` when that sentence only attributes."""
    cue = cue_in(rd, start, end, last=False)
    return cue if cue is not None and _only_attributes(cue, start) else None


def _only_attributes(cue: Token, start: int) -> bool:
    """Whether the sentence of ``cue``, starting at ``start``, says nothing but who spoke: the cue
    verb, its subject first (or after it), and how, when or to whom; no clause of its own."""
    after = [c for c in cue.children if c.idx >= start]  # not the quotation, parsed as its clause
    if any(
        c.dep_ in ("ccomp", "xcomp", "conj", "advcl")
        and (c.lower_ not in CUE_WORDS or c.dep_ == "ccomp")
        and not _when(c)
        for c in after
    ):
        return False  # a clause of its own ("said King never told ..."); "..., adding she was not
        # afraid" only says more
    if cue.lower_ not in TELLING and any(c.dep_ == "dobj" for c in after):
        return False  # what was said, not who said it: "Inslee noted the administration's maneuver"
    subject = [c for c in after if c.dep_ == "nsubj"]
    if len(subject) != 1:
        return False
    first = min(subject[0].left_edge.i, cue.i)
    return cue.doc[first].idx <= start + 1


_TIME_MARKS = word_set("before after when while as")


def _when(clause: Token) -> bool:
    """A clause that only says when the words were said: "said before Kelly appeared on the scene" (the
    parser may call it the verb's complement)."""
    return any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in clause.children)


def _told_before(rd: Reader, text: str, raw: RawQuote, paras: list[tuple[int, int]]) -> Token | None:
    """The speech verb of the paragraph before, when it reports a person's words without quoting them
    and this paragraph is only the quotation they go on with ("He said the bank was evacuated at 1:30
    p.m." / "Later in the afternoon, “I went back to my computer and ... heard this loud ka-boom.”"),
    over one paragraph or more. A denial reports words too ("The director denied reports that his talks
    hit a snag." / "“Contrary to what has been reported, ...”"), though it is no cue of its own: "denied
    the “irregular” channel" quotes the word denied, not the one who denies it. So does a paragraph
    that only introduces a person (:func:`_introducing`)."""
    if raw.para == 0:
        return None
    ps, pe = paras[raw.para][0], paras[raw.last_para][1]
    before, after = text[ps : raw.open], text[raw.close + 1 : pe]
    if after.strip(" .") or len(WORD.findall(before)) > 6:
        return None
    prev_start, prev_end = paras[raw.para - 1]
    if any(c in text[prev_start:prev_end] for c in "\"“”"):
        return None  # a quoted paragraph before: its speaker carries on (:func:`_carry`)
    cue = cue_in(rd, prev_start, prev_end, last=True) or _denial(rd, prev_start, prev_end)
    cue = cue or _introducing(rd, prev_start, prev_end)
    if cue is None or attribute(rd, cue).speaker is None:
        return None
    return cue


def _tells_someone(cue: Token) -> bool:
    """The cue says whom it was told to, named or not ("she told the local radio station")."""
    return cue.lower_ in TELLING or bool(objects_of(cue))


def _told_earlier(rd: Reader, raw: RawQuote, paras: list[tuple[int, int]], who: Who) -> Who:
    """``who`` with the listener the speaker was telling in this paragraph or the one before, in words
    not quoted ("Mr. Ali told The Canadian Press he could see a man ..." / '“We saw the guy moving
    inside the office,” Mr. Ali said.'): the same interview."""
    start = paras[max(0, raw.para - 1)][0]
    for i in reversed(rd.tokens_between(start, raw.open)):
        tok = rd.doc[i]
        if tok.lower_ in TELLING and not rd.in_quote(tok.idx):
            told = attribute(rd, tok)
            if told.told_to is not None and told.speaker == who.speaker:
                return replace(who, told_to=told.told_to)
            return who  # the last telling before is someone else's, or names no listener
    return who


def _same_interview(found: list[_Found], raw: RawQuote, who: Who) -> Who:
    """``who`` with the listener of the speaker's quotation just before, in this paragraph or the one
    before, when nobody else was quoted in between ('"...," Strauss-Kahn said in an interview in French
    newspaper Le Parisien.' / '"...," Strauss-Kahn said.'): the same interview."""
    for f in reversed(found):
        if f.raw.last_para < raw.para - 1 or f.who.speaker != who.speaker:
            return who
        if f.who.told_to is not None:
            return replace(who, told_to=f.who.told_to)
    return who


def _introducing(rd: Reader, start: int, end: int) -> Token | None:
    """The verb of a paragraph of one sentence that introduces a person, named there for the first
    time with who they are ("T.J. Simons, 17, who works at the station, also heard the blast."):
    the quotation alone in the next paragraph is theirs, in news style."""
    span = rd.tokens_between(start, end)
    if not len(span):
        return None
    doc = rd.doc
    sent = doc[span[0]].sent
    if sent.end_char < end - 1:
        return None  # more than one sentence: the paragraph tells more than who they are
    verb = sent.root
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    named = rd.name_of(subj) if subj is not None and subj.pos_ == "PROPN" else None
    if subj is None or named is None:
        return None
    described = any(c.dep_ in ("appos", "relcl") and c.i > subj.i for c in subj.children)
    earlier = any(t.lower_ == subj.lower_ for t in doc[: named[0]])
    return verb if described and not earlier else None


_DENYING = frozenset({"denied", "denies", "deny"})  # the parse has no lemmas


def _denial(rd: Reader, start: int, end: int) -> Token | None:
    """The first verb of denial with a subject between two offsets ("The director denied reports")."""
    for i in rd.tokens_between(start, end):
        tok = rd.doc[i]
        if tok.lower_ in _DENYING and tok.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in tok.children):
            return tok
    return None


def _introduced(rd: Reader, text: str, raw: RawQuote, paras: list[tuple[int, int]]) -> Token | None:
    """The verb of a sentence that introduces the quotation with a colon, right before it or ending
    the paragraph before ("Wetzler, of the NRDC, was blunt:"): its speech verb if it has one ("Wetzler
    says his group will sue:"), else its last verb with a subject; or the speech verb ending the
    paragraph before with a comma ("Wetzler, director of the program, commented,")."""
    ps = paras[raw.para][0]
    before = text[ps : raw.open].rstrip()
    if not before and raw.para > 0:
        ps, pe = paras[raw.para - 1]
        before = text[ps:pe].rstrip()
    doc = rd.doc
    span = rd.tokens_between(ps, ps + len(before) - 1)
    if before.endswith(",") and len(span) and is_cue(doc[span[-1]]):
        return doc[span[-1]]
    if not before.endswith(":"):
        return None
    verbs: list[Token] = []
    for i in reversed(span):
        tok = doc[i]
        if tok.text in ".!?" or rd.in_quote(tok.idx):
            break  # the introducing sentence ends here
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in tok.children):
            verbs.append(tok)
    return next((v for v in verbs if is_cue(v)), verbs[0] if verbs else None)


@dataclass(slots=True)
class _Found:
    raw: RawQuote
    s: int
    e: int
    partial: bool
    who: Who


_NOBODY = Who(None, None, None, None, None)


def _next_paragraph(text: str, paras: list[tuple[int, int]], prev: RawQuote, cur: RawQuote) -> bool:
    """Whether ``cur`` opens the paragraph after ``prev``'s, or the one after an unquoted paragraph
    when ``prev`` was left open: its quotation went on ('"He was just going back and forth.' / 'After
    the shots, he just put the lights off.' / '"It is terrifying.')."""
    if prev.last_para == cur.para - 1:
        return True
    if prev.closed or prev.last_para != cur.para - 2:
        return False
    start, end = paras[cur.para - 1]
    return not any(c in text[start:end] for c in "\"“”„«»")


def _carry(text: str, paras: list[tuple[int, int]], found: list[_Found]) -> None:
    """Unattributed quotations take the speaker of the quotation they continue (in place).

    A later quotation in the same paragraph, or one opening the paragraph right after a quoted one,
    continues it; a paragraph left open continues into the next one's opening quotation. A
    continuation was said to whom the quotation it continues was.
    """
    for prev, cur in itertools.pairwise(found):
        if cur.who.cue is not None or cur.partial or (prev.who.speaker is None and prev.who.told_to is None):
            continue  # an unnamed speaker's listener carries on ('"...," a witness told CNN. "..."')
        opens_para = not text[paras[cur.raw.para][0] : cur.raw.open].strip()
        following = opens_para and _next_paragraph(text, paras, prev.raw, cur.raw)
        if prev.raw.last_para == cur.raw.para or following:
            # the same statement: to the same listener ('"...," he wrote the AP. "..."')
            w = prev.who
            cur.who = Who(w.speaker, w.speaker_span, w.description, w.told_to, None, True)
    for cur, nxt in reversed(list(itertools.pairwise(found))):
        if (
            cur.who.speaker is not None
            or cur.who.cue is not None
            or cur.raw.closed
            or nxt.who.speaker is None
        ):
            continue
        if nxt.raw.para == cur.raw.last_para + 1 and not text[paras[nxt.raw.para][0] : nxt.raw.open].strip():
            w = nxt.who
            cur.who = Who(w.speaker, w.speaker_span, w.description, w.told_to, None, True)
