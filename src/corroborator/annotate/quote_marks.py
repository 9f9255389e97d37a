"""Quotation marks in scraped news text: which stretches of a text are quoted.

Marks are paired per paragraph (a line of text): straight, curly and low double quotes and
guillemets, where a straight ``"`` followed by a space or after a digit is an inch mark or a stray,
not an opening, and an opening-shaped ``“`` that follows end punctuation and precedes a lower-case
word closes the open quotation (``respectful, “said``: a mistyped mark). A double quote left open
runs to the end of its paragraph (news style leaves a quotation that continues in the next paragraph
unclosed there, and opens the next one again), unless a later paragraph, with no quote mark in
between (single quotes included), starts its marks with a closing one (``dreams,” said one
leaflet``, ``charm, " she said``): then the quotation runs on to that mark, across the paragraphs (a
paragraph broken in two by scraping, or a text written a sentence a line), as long as it closes
within ``MAX_RUN_ON`` paragraphs and ``MAX_RUN_ON_CHARS`` characters. Single quotes count only
outside double quotes (nested ones stay part of their double quote) and only as a pair: an opening
mark before a letter, not inside a word, and a closing one after a word or punctuation within 400
characters, so an apostrophe in or after a word (``don't``, ``James' car``) or before a digit
(``'90s``) opens nothing. A quotation is *partial* when it continues a sentence begun outside it
(``he had "gladly accepted"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DQ = re.compile(r"[\"“”„«»]")
# single quotes; a curly pair may stand apart from the words it quotes, as in text tokenised for a
# corpus ("‘ Please don ’ t let me die! ’"), where a spaced apostrophe follows a letter, not a mark
_SQ_OPEN = re.compile(r"(?<![\w’'])(?:[‘'](?=[^\W\d_])|‘ (?=[^\W\d_]))")
_SQ_CLOSE = re.compile(r"(?<=[\w.,!?])[’'](?![\w])|(?<=[.,!?] )’(?!\w)")
PARAGRAPH = re.compile(r"[^\n]+")
WORD = re.compile(r"\w+(?:[-’']\w+)*")


MAX_RUN_ON = 10  # a quotation left open closes at most this many paragraphs later (lines: a scrape
# may put each sentence on a line of its own) ...
MAX_RUN_ON_CHARS = 1500  # ... and this many characters after its opening mark


@dataclass(frozen=True, slots=True)
class RawQuote:
    """A quotation as scanned: marks at ``open``/``close`` (``close`` is the paragraph end if unclosed);
    it opens in paragraph ``para`` and closes in ``end_para`` (``None``: the same one)."""

    open: int
    close: int
    para: int
    closed: bool
    end_para: int | None = None

    @property
    def last_para(self) -> int:
        """The paragraph the quotation closes (or ends) in."""
        return self.para if self.end_para is None else self.end_para


def scan(text: str) -> list[RawQuote]:
    """Quotation marks paired per line; single quotes only outside double quotes."""
    out: list[RawQuote] = []
    left_open: RawQuote | None = None  # the last double quote, when its paragraph left it open
    for p, para in enumerate(PARAGRAPH.finditer(text)):
        ps, pe = para.span()
        doubles: list[RawQuote] = []
        open_at: int | None = None
        first = _DQ.search(text, ps, pe)
        start = ps
        if left_open is not None and first is not None and _runs_on(text, left_open, first.start(), p, ps):
            run_on = RawQuote(left_open.open, first.start(), left_open.para, True, p)
            # it closes here: one quotation across the paragraphs, single quotes in it part of it
            out = [r for r in out if r is not left_open and not run_on.open < r.open < run_on.close]
            doubles.append(run_on)
            start = first.end()
        if first is not None:
            left_open = None
        for m in _DQ.finditer(text, start, pe):
            i, ch = m.start(), m.group()
            nxt = text[i + 1] if i + 1 < pe else " "
            if ch in "“„" and open_at is not None and _turned(text, i, ps, pe):
                doubles.append(RawQuote(open_at, i, p, True))  # ', “said Juror No. 8': a closing mark
                open_at = None
                continue
            if ch in "“„«" or (ch == '"' and open_at is None):
                if ch == '"' and i > ps and (nxt.isspace() or text[i - 1].isdigit()):
                    continue  # an inch mark or a stray mark, not an opening quote (one opening a
                    # paragraph opens it, a space after it or not: '" (Orozco) arranged ...," he said')
                if open_at is not None:
                    doubles.append(RawQuote(open_at, i, p, False))
                open_at = i
            elif open_at is not None:
                doubles.append(RawQuote(open_at, i, p, True))
                open_at = None
            elif ch == "”" and not doubles and left_open is None and _lost_opening(text, ps, i, pe):
                doubles.append(RawQuote(ps - 1, i, p, True))  # the scrape lost the opening mark
        if open_at is not None:
            doubles.append(RawQuote(open_at, pe, p, False))
            left_open = doubles[-1]
        singles = _singles(text, ps, pe, p, doubles)
        if singles and first is None:
            left_open = None  # a paragraph quoting in single marks is no run-on of a double quote
        elif first is None and left_open is not None and _unmarked_middle(text, left_open, p, ps, pe):
            doubles.append(RawQuote(ps - 1, pe, p, False))
            left_open = doubles[-1]
        out.extend(doubles)
        out.extend(singles)
    out.sort(key=lambda r: r.open)
    return out


_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b", re.I)
_NEXT_OPENS = re.compile(r"\s*[\"“„«]")


def _unmarked_middle(text: str, left_open: RawQuote, p: int, ps: int, pe: int) -> bool:
    """A paragraph with no mark, between a quotation the paragraph before left open and one the next
    paragraph opens, that speaks in the first person, is the middle of that quotation (its opening mark
    lost or never typed): 'He added: "We will ... loved ones.' / 'This is the least we can do.' / '"To
    those who now mourn ...'. Narration between two quotations does not say "I" or "we"."""
    return (
        left_open.last_para == p - 1
        and _NEXT_OPENS.match(text, pe) is not None
        and _FIRST_PERSON.search(text, ps, pe) is not None
    )


def _runs_on(text: str, left_open: RawQuote, i: int, p: int, ps: int) -> bool:
    """The paragraph's first mark, at ``i``, closes the quotation left open paragraphs before: it is
    shaped as a closing mark (curly, or straight after a word or the punctuation that ends a quoted
    sentence, before a space or punctuation), near enough."""
    if p - left_open.para > MAX_RUN_ON or i - left_open.open > MAX_RUN_ON_CHARS:
        return False
    ch = text[i]
    if ch in "”»":
        return True
    if ch == "“" and _turned(text, i, ps, _paragraph_end(text, i)):
        return True  # "... I'm not just a party girl. “": the closing mark typed as an opening one
    if ch != '"' or i == ps:
        return False
    before = text[ps:i].rstrip()[-1:]
    after = text[i + 1 : i + 2]
    ends_words = bool(before) and (before.isalnum() or before in ",.!?…—-")  # not "" (spaces only)
    return ends_words and (not after or after.isspace() or after in ",.;:!?)")


_SAYS_AFTER = re.compile(r"\s*(?:[A-Za-z.'’-]+\s+){0,4}?(?:said|says|added|adds|told|tells|wrote|writes)\b")


def _lost_opening(text: str, ps: int, i: int, pe: int) -> bool:
    """A paragraph whose first mark is a curly closing one after a sentence of its own, then who said
    it ("Ultimately, it will be difficult, and yet everybody will do the sane thing, ” says one."):
    the quotation opened with the paragraph, its mark lost in the scrape."""
    before = text[ps:i].rstrip()
    return (
        ps > 0
        and before[:1].isupper()
        and before[-1:] in (",", ".", "!", "?")
        and len(before.split()) >= 4
        and _SAYS_AFTER.match(text, i + 1, pe) is not None
    )


# a name and a speech verb ending the sentence: '..., “DiLeo said.' (the closing mark typed as opening)
_NAME_SAID = re.compile(r"\s?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2} (?:said|says|added|told|asked)[.,]")


def _paragraph_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _turned(text: str, i: int, ps: int, pe: int) -> bool:
    """An opening-shaped mark that closes: after end punctuation, before a lower-case word
    (``respectful, “said``) or the paragraph's end (``a party girl. “``), or after a comma, before a
    name and a speech verb ending the sentence (``step in, “DiLeo said.``); an opening one is
    followed by the quotation's capital."""
    before = text[max(ps, i - 2) : i].rstrip()[-1:]
    after = text[i + 1 : min(pe, i + 3)].lstrip()
    if before in (",", ".", "!", "?") and (after[:1].islower() or not text[i + 1 : pe].strip()):
        return True  # or ending the paragraph: "I'm not just a party girl. “"
    return before == "," and _NAME_SAID.match(text, i + 1, pe) is not None


def _singles(text: str, ps: int, pe: int, p: int, doubles: list[RawQuote]) -> list[RawQuote]:
    found: list[RawQuote] = []
    pos = ps
    while (m := _SQ_OPEN.search(text, pos, pe)) is not None:
        start = m.start()
        if any(d.open <= start <= d.close for d in doubles):
            pos = start + 1
            continue
        close = _SQ_CLOSE.search(text, start + 2, min(pe, start + 400))
        if close is None or any(start < d.open < close.start() for d in doubles):
            pos = start + 1
            continue
        found.append(RawQuote(start, close.start(), p, True))
        pos = close.end()
    return found


def inner(text: str, raw: RawQuote) -> tuple[int, int]:
    """The quoted words' span: inside the marks, without edge spaces or a trailing comma."""
    s, e = raw.open + 1, raw.close
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def is_partial(text: str, raw: RawQuote, s: int, para_start: int, cues: frozenset[str]) -> bool:
    """Whether the quotation (words from ``s``) continues a sentence begun outside it.

    It does unless it opens its paragraph or follows punctuation, or starts with a capital right
    after a speech verb from ``cues`` (``he said "We ..."``).
    """
    before = text[para_start : raw.open].rstrip()
    if not before or before[-1] in ",:;.!?”\"’'—–(":
        return False
    last_word = WORD.findall(before[-30:])
    return not (text[s : s + 1].isupper() and last_word and last_word[-1].lower() in cues)
