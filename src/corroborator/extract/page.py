"""What a page scraped whole adds around the article, and the pass that cuts it (pass 6 of
:mod:`corroborator.extract.text`): menus and teasers (mostly link text, or a linked headline over
its blurb), lists of other headlines after their header, the article printed again, readers'
comments, and whatever kept text lies outside the article's run of prose (a sidebar, a footer's
blurb).
"""

from __future__ import annotations

import re
from collections import Counter

from corroborator.extract.boilerplate import is_sentence_like, leads_related, norm_line, word_count
from corroborator.extract.markup import LINK, Unit, link_share
from corroborator.models import RemovalReason

R = RemovalReason

_LEADING_LINK = re.compile(r"\[(?!!)([^\]]+)\]\([^)]*\)\s*(?P<next>\S?)")


def _teaser(unit: Unit) -> bool:
    """A linked headline with its blurb ("[Festival draws record crowds](...) Thousands came ..."): a
    link of four words or more opening the unit, followed by a new sentence."""
    m = _LEADING_LINK.match(unit.raw)
    if m is None or len(m.group(1).split()) < 4 or m.group(1).rstrip()[-1:] in ".!?,;:":
        return False
    return m.group("next").isupper()


# the head of a comment section: "34 responses to ...", "Leave a Reply", "Comments (12)", "Top Rated
# Comments"; a commenter's "name says:" line
_COMMENTS_HEAD = re.compile(
    r"\d[\d,]*\s+(?:responses?|comments?|replies|reactions|thoughts)\b.*"
    r"|(?:leave|post|add|write|submit)\s+a\s+(?:reply|comment|response)\b.*"
    r"|(?:(?:readers?'?|top|most|best|highest|featured|latest|newest|recent|popular)\s+(?:rated\s+)?)?"
    r"comments?(?:\s*\(\d+\))?|(?:show|view|load)\s+(?:all\s+)?comments.*"
    r"|join\s+the\s+(?:discussion|conversation).*|discussion",
    re.IGNORECASE,
)
_COMMENTER = re.compile(r"[^.!?]{1,40}\s(?:says|wrote|commented):?", re.IGNORECASE)


class _Shape:
    """Per unit, read once for the whole pass: its words, and whether it is prose (a sentence of 8
    words or more)."""

    __slots__ = ("prose", "words")

    def __init__(self, units: list[Unit]) -> None:
        self.words = [word_count(u.text) for u in units]
        self.prose = [n >= 8 and is_sentence_like(u.text) for u, n in zip(units, self.words, strict=True)]


def _comments_start(units: list[Unit], reasons: list[RemovalReason | None], shape: _Shape) -> int | None:
    """Where readers' comments begin: a comment section's head, or the first of two commenters'
    "name says:" lines, once 100 words of the article's prose lie before it (comments may outweigh
    the article, so no share of the whole is asked)."""
    before = 0
    for i, unit in enumerate(units):
        if before >= 100 and shape.words[i] <= 12:
            if _COMMENTS_HEAD.fullmatch(unit.text.strip(" :.")):
                return i
            if _COMMENTER.fullmatch(unit.text) and any(
                _COMMENTER.fullmatch(u.text) for u in units[i + 1 : i + 40]
            ):
                return i
        if reasons[i] is None and shape.prose[i]:
            before += shape.words[i]
    return None


def _lists_after_headers(units: list[Unit], reasons: list[RemovalReason | None], shape: _Shape) -> None:
    """A list's header ("Most read in world news", "Related stories", "More from ...") and the run of
    lines after it up to the next paragraph of prose: other articles' headlines and kickers, even in
    the middle of the article. Two such lines (or links) at least; the header alone, without a colon
    ("Read more: ..." names one link, which the cue passes judge)."""
    for i, unit in enumerate(units):
        if reasons[i] not in (None, R.RELATED, R.NAVIGATION) or shape.words[i] > 6:
            continue
        if ":" in unit.text.rstrip(" :") or not leads_related(unit.text):
            continue
        items = []
        j = i + 1
        while j < len(units) and j - i <= 30 and not (reasons[j] is None and shape.prose[j]):
            if reasons[j] is None:
                items.append(j)
            j += 1
        # two lines, or one line of links set side by side ("[A](..) [INSIGHT] | [B](..) [VIDEO]")
        if sum(max(1, len(LINK.findall(units[k].raw))) for k in items) >= 2:
            reasons[i] = reasons[i] or R.RELATED
            for k in items:
                reasons[k] = R.RELATED


def _teaser_blurbs(units: list[Unit], reasons: list[RemovalReason | None], shape: _Shape) -> None:
    """Other articles' teasers laid out as headline, credit, blurb: a heading that is a link (not
    the page's headline), one to three short lines (an author, a date, a section), then the blurb,
    a paragraph of prose. Two such teasers at least, so that one linked subhead with a date under
    it stays; a linked heading followed straight by prose (a product in a buying guide, a headline
    set inside the article) is none."""
    blurbs: list[int] = []
    for i, unit in enumerate(units):
        if not unit.heading or reasons[i] is R.TITLE or link_share(unit) < 0.9:
            continue
        j = i + 1
        while j < len(units) and j - i <= 4 and not units[j].heading and not shape.prose[j]:
            if shape.words[j] > 8:
                break
            j += 1
        if 1 < j - i <= 4 and j < len(units) and shape.prose[j] and reasons[j] is None:
            blurbs.append(j)
    if len(blurbs) >= 2:
        for j in blurbs:
            reasons[j] = R.RELATED


def _printed_again(units: list[Unit], reasons: list[RemovalReason | None], shape: _Shape) -> None:
    """The article printed a second time further down the page (an app's or another edition's
    copy): a run of three or more paragraphs of prose, 60 words at least, that repeats an earlier
    run in the same order goes. A single paragraph printed again (a pull quote, a summary's point)
    stays, and so do items a list repeats here and there (a meal plan's "Eat every 2-3 hours")."""
    prose = [i for i, r in enumerate(reasons) if r is None and shape.prose[i]]
    # only paragraphs whose first letters another one shares can be printed again: the full key is
    # read for those alone (most pages print nothing twice)
    opening = ["".join(filter(str.isalpha, units[i].text[:60]))[:24].lower() for i in prose]
    shared = Counter(opening)
    first: dict[str, int] = {}
    earlier: list[int | None] = []  # per prose paragraph: the position of its first printing
    for k, i in enumerate(prose):
        if shared[opening[k]] < 2:
            earlier.append(None)
            continue
        key = norm_line(units[i].text)
        earlier.append(first.get(key))
        first.setdefault(key, k)
    k = 0
    while k < len(prose):
        if (start := earlier[k]) is None:
            k += 1
            continue
        end = k + 1
        while end < len(prose) and earlier[end] == start + (end - k):
            end += 1
        run = prose[k:end]
        if len(run) >= 3 and sum(shape.words[i] for i in run) >= 60:
            for i in run:
                reasons[i] = R.REPEATED
        k = end


def links_and_main_run(units: list[Unit], reasons: list[RemovalReason | None]) -> None:
    """Pass 6: menus and teasers (units that are mostly link text, and the blurbs under linked
    headlines) go; then the article is the run of units with the most prose (a maximum-sum segment,
    as body-text extraction does over a page's tokens and tags: a sentence paragraph scores its
    words, any other kept line -2, a cut unit -5), grown over the kept lines right next to it; kept
    text outside it (a sidebar's teasers, comments, a footer's blurb) goes too."""
    shape = _Shape(units)
    _lists_after_headers(units, reasons, shape)
    _teaser_blurbs(units, reasons, shape)
    _printed_again(units, reasons, shape)
    start = _comments_start(units, reasons, shape)
    for i in range(start if start is not None else len(units), len(units)):
        if reasons[i] is None:
            reasons[i] = R.COMMENTS
    for i, unit in enumerate(units):
        if reasons[i] is None:
            share = link_share(unit)
            if unit.heading:  # a subhead is not a link; a linked headline is another article's
                if share >= 0.9:
                    reasons[i] = R.NAVIGATION
            elif share >= 0.9 or (share >= 0.6 and shape.words[i] <= 12) or _teaser(unit):
                reasons[i] = R.NAVIGATION
    score = [
        (float(shape.words[i]) if shape.prose[i] else -2.0) if reason is None else -5.0
        for i, reason in enumerate(reasons)
    ]
    best, best_lo, best_hi, run, lo = 0.0, 0, -1, 0.0, 0
    for i, x in enumerate(score):
        if run <= 0:
            run, lo = x, i
        else:
            run += x
        if run > best:
            best, best_lo, best_hi = run, lo, i
    if best_hi < 0:
        return
    while best_lo > 0 and reasons[best_lo - 1] is None:
        best_lo -= 1
    while best_hi + 1 < len(units) and reasons[best_hi + 1] is None:
        best_hi += 1
    kept = [i for i, r in enumerate(reasons) if r is None]
    # the standfirst: the first kept paragraph, set apart from the body by a paywall or share block,
    # and under the headline (a footer's notice printed above the headline is none)
    title = next((i for i, r in enumerate(reasons) if r is R.TITLE), -1)
    lead = next((i for i in kept if i > title), -1)  # a breadcrumb kept above the headline is none
    lead = lead if lead >= 0 and shape.prose[lead] else -1
    for i in kept:
        if not (best_lo <= i <= best_hi) and i != lead:
            reasons[i] = R.OTHER
