"""The cleaner for scraped plain text and markdown: body, metadata, captions and what was cut.

The text is cut into *units* (a paragraph, or one line of a block of short lines), markdown is undone
(links, emphasis, heading markers, escapes), and each unit is judged in passes:

1. by itself: datelines and bylines (:mod:`~corroborator.extract.header`), captions with their
   credits and photo galleries (:mod:`~corroborator.extract.captions`), "Original url:" footers,
   chrome cue words (:func:`~corroborator.extract.boilerplate.chrome_reason`), lines repeated across
   documents;
2. the title: the first remaining unit, when it has a headline's shape;
3. paragraphs a scrape broke in two are joined again;
4. in context: a run of short non-sentence lines between pieces of chrome is chrome too (image alt
   text, slogans, the price lines of a paywall), and so are stray short lines at the very end;
5. a trailing list of unrelated headlines
   (:func:`~corroborator.extract.boilerplate.headline_list_start`);
6. menus and teasers (mostly link text), then whatever lies outside the article's run of prose
   (a page scraped whole: navigation, sidebars, footers).

Everything cut is kept on ``removed`` with its reason; captions are kept apart with their credits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from corroborator.config import ExtractConfig
from corroborator.extract import metadata as meta
from corroborator.extract.boilerplate import (
    chrome_reason,
    counts_offer,
    ends_sentence,
    headline_list_start,
    is_sentence_like,
    leads_related,
    may_be_boilerplate,
    norm_line,
    weak_chrome,
    word_count,
)
from corroborator.extract.captions import (
    CaptionBook,
    credit_after,
    credit_under,
    gallery_counters,
    labelled,
    printed_again,
    repeats_alt,
    split_caption,
    under_image,
)
from corroborator.extract.header import (
    AUTHOR_ANYWHERE,
    AUTHOR_FIRST,
    BY_CUE,
    BY_TAIL,
    BYLINE_HEAD,
    LONE_BY,
    Found,
    author_link,
    candidate,
    name_line,
    nearest,
    trailing_by,
    with_byline,
)
from corroborator.extract.markup import ALNUM, ENDS_CLAUSE, LINK, Unit, link_share, units_of, unmark
from corroborator.extract.page import links_and_main_run
from corroborator.extract.parts import ExtractedParts
from corroborator.models import RemovalReason, Removed
from corroborator.vocab import word_set

R = RemovalReason

# ---------------------------------------------------------------------------------------------- the passes


def clean_text(
    text: str, *, config: ExtractConfig, repeated: frozenset[str] = frozenset(), markdown: bool = False
) -> ExtractedParts:
    """Clean one scraped text or markdown document. ``markdown`` is a hint: markdown is always undone."""
    del config, markdown  # the same cleaning applies; scraped text carries markdown debris anyway
    units = units_of(text)
    reasons: list[RemovalReason | None] = [None] * len(units)
    book = CaptionBook()
    found = _judge_alone(units, reasons, repeated, book)
    gallery_counters(units, reasons)
    _find_title(units, reasons)
    found = name_line(units, reasons, found)
    units, reasons = _rejoin(units, reasons)
    title_at = next((i for i, r in enumerate(reasons) if r is R.TITLE), None)
    shapes = _shapes(units, reasons)
    _expand(units, reasons, shapes)
    _headline_list(units, reasons, units[title_at].text if title_at is not None else None)
    _expand(units, reasons, shapes)
    links_and_main_run(units, reasons)
    published, byline = found.published, found.byline
    if len(found.datelines) > 1:
        published = nearest(reasons, found.datelines) or published
    if len(found.bylines) > 1:
        byline = nearest(reasons, found.bylines) or byline
    body = "\n\n".join(u.text for u, r in zip(units, reasons, strict=True) if r is None and u.text)
    removed = tuple(Removed(u.text or u.raw, r) for u, r in zip(units, reasons, strict=True) if r is not None)
    title = units[title_at].text if title_at is not None else None
    outlet = None
    if found.url or found.stated_outlet:
        outlet = meta.find_outlet(found.url, " ".join(u.text for u in units), found.stated_outlet)
    return ExtractedParts(
        body=body,
        title=title,
        byline=byline,
        published=published,
        updated=found.updated,
        published_readings=() if found.published else found.readings,
        url=found.url,
        outlet=outlet,
        captions=tuple(book.captions),
        removed=removed,
    )


def _judge_alone(
    units: list[Unit], reasons: list[RemovalReason | None], repeated: frozenset[str], book: CaptionBook
) -> Found:
    """Pass 1: units that are chrome, metadata or captions by themselves."""
    found = Found()
    by_next = False
    labels: tuple[str, str | None] | None = None  # after "Image copyright" or "Image caption"
    for i, unit in enumerate(units):
        text = unit.text
        if unit.image:
            reasons[i] = R.IMAGE_ALT
            continue
        if ALNUM.search(text) is None:
            reasons[i] = R.MARKUP
            continue
        words = word_count(text)
        if (label := labelled(text, words, labels)) is not None:
            credit = labels[1] if labels else None
            reasons[i], labels, caption = label
            if caption:
                book.add(caption, credit)
            continue
        labels = None
        if by_next and words <= 8 and (names := meta.parse_byline("By " + text)):
            reasons[i] = R.BYLINE  # the name on the line after a lone "By"
            found = with_byline(found, reasons, i, names)
            by_next = False
            continue
        after_by = by_next
        by_next = text.strip(" :").lower() in LONE_BY
        if by_next:
            reasons[i] = R.BYLINE
            continue
        if words <= 8 and (author := author_link(unit)):
            reasons[i] = R.BYLINE
            found = with_byline(found, reasons, i, author)
            continue
        if words <= 24 and (linked := AUTHOR_ANYWHERE.search(unit.raw)) and (day := meta.find_date(text)):
            # the post line: a date and a link to the author's page ("[21/06/2014](..) [Tony
            # Carter](../author/tony-carter/) [News](..)", "October 12, 2018/in Promotion /by [jdadmin](..)")
            reasons[i] = R.DATELINE
            dated_here = (*found.datelines, candidate(reasons, i, day))
            found = replace(found, published=found.published or day, datelines=dated_here)
            if names := meta.parse_byline("By " + unmark(linked.group("name"))):
                found = with_byline(found, reasons, i, names)
            continue
        if words <= 6 and meta.AGO_STAMP.fullmatch(text.strip(" .")):
            reasons[i] = R.DATELINE  # no date to read: the page's reading day is unknown
            continue
        by_tail = BY_TAIL.search(text) if words <= 24 else None
        dated = text[: by_tail.start()] if by_tail else text  # "Monday ... 7:45 am PST by Joe Rossignol"
        if words <= 24 and (head := BYLINE_HEAD.match(text)) and meta.parse_byline(text):
            dated = text[head.end() :]  # "By Tess Bonn - 11/19/19 06:56 AM EST"
        named = None  # "Posted by Ann Brook on November 19, 2019", "[Ann Brook](..) - Nov 19, 2019"
        if words <= 24 and (after_by or BY_CUE.match(text) or AUTHOR_FIRST.match(unit.raw)):
            named = meta.named_dateline(text)
            dated = named[1] if named else dated
        if words <= 24 and (dateline := meta.read_dateline(dated))[1]:
            reasons[i] = R.DATELINE
            if names := (named[0] if named else None) or meta.parse_byline(text) or trailing_by(text):
                found = with_byline(found, reasons, i, names)  # "By Tess Bonn - 11/19/19"
            iso = dateline[0]  # None when the date cannot be read for sure
            kind = meta.dateline_kind(dated)
            if iso is None:
                if kind == "published" and not found.readings:
                    found = replace(found, readings=meta.dateline_readings(dated))
            elif kind == "published":
                dated_here = (*found.datelines, candidate(reasons, i, iso))
                found = replace(found, published=found.published or iso, datelines=dated_here)
            elif kind == "updated":
                found = replace(found, updated=found.updated or iso)
                if (first := meta.published_after_update(dated)) is not None:  # "... / Original Nov. 19"
                    dated_here = (*found.datelines, candidate(reasons, i, first))
                    found = replace(found, published=found.published or first, datelines=dated_here)
            continue
        if words <= 30 and (posted := meta.posted_in_date(text)):
            reasons[i] = R.BYLINE  # "... posted in Pedestrian Accidents on Wednesday, September 18, 2013."
            found = replace(found, published=found.published or posted)
            continue
        if words <= 16 and (names := meta.parse_byline(text)):
            reasons[i] = R.BYLINE
            tail_date = meta.find_date(text)
            found = replace(
                with_byline(found, reasons, i, names),
                published=found.published or (tail_date if meta.dateline_kind(text) == "published" else None),
            )
            continue
        if meta.is_url_cue(text) or meta.is_bare_url(text):
            reasons[i] = R.FOOTER
            url = meta.url_in(text) or meta.url_in(unit.raw)
            after_cue = i > 0 and reasons[i - 1] is R.FOOTER and meta.is_url_cue(units[i - 1].text)
            # a URL named as such, or the document's first line (scraped text often starts with its URL)
            stated = meta.is_url_cue(text) or after_cue or i == 0 or unit.raw.startswith("<")
            if url and found.url is None and stated:
                found = replace(found, url=url)
            elif not url and (name := meta.stated_outlet(text)):
                found = replace(found, stated_outlet=found.stated_outlet or name)
            continue
        split = split_caption(unit)
        # a caption known by its image (its alt text again, or a credit under it) may also be the
        # article's lead: a later paragraph repeating it is not cut as a repeated caption
        by_image = split is None and words <= 80 and repeats_alt(units, i)
        if by_image:
            split = (text, "")  # the image's caption, written again under it: no credit
        if split is not None:
            caption, credit = split
            reasons[i] = R.CAPTION if caption else R.CREDIT
            if not caption and under_image(units, reasons, i - 1):
                caption, reasons[i - 1], by_image = units[i - 1].text, R.CAPTION, True  # "Photo by ..."
            if caption:
                book.add(caption, credit, remember=not by_image)
            else:
                book.credit_last(credit)
            continue
        # credit_under tests for the separators too; asked here first, most lines (no "/" nor " | ")
        # skip the call on this per-line path
        if split is None and ("/" in text or " | " in text) and credit_under(units, reasons, i):
            reasons[i - 1], reasons[i] = R.CAPTION, R.CREDIT
            book.add(units[i - 1].text, text)
            continue
        if i > 0 and reasons[i - 1] in (R.CAPTION, R.CREDIT) and credit_after(text, words, book.last_credit):
            reasons[i] = R.CREDIT
            book.credit_last(text, replace_credit=True)
            continue
        if words <= 90 and book.repeats(text):
            reasons[i] = R.CAPTION
            continue
        if printed_again(units, reasons, i):
            reasons[i] = R.CAPTION  # a caption printed twice in a row: a gallery's, printed again below
            book.remember(text)  # and later repeats of it are captions too
            continue
        reason = chrome_reason(text)
        if reason is None and repeated and words <= 30 and not unit.heading and norm_line(text) in repeated:
            reason = R.REPEATED if may_be_boilerplate(text) else None
        if reason is R.FOOTER and (name := meta.stated_outlet(text)):
            found = replace(found, stated_outlet=found.stated_outlet or name)
        reasons[i] = reason
    return found


def _headline_shaped(unit: Unit) -> bool:
    text = unit.text
    if not text or word_count(text) > 30 or len(text) > 250:
        return False
    first = text.lstrip("[(\"'“‘ ")[:1]  # "[The Palace: ...] More Reviews", "‘ Very Spiritual ’ Muslim ..."
    if not first or not (first.isdigit() or (first.isalpha() and not first.islower())):
        return False  # a capital, or a letter of a script without case ("商品の改造")
    if text[0] in "[(" and {"[": "]", "(": ")"}[text[0]] not in text:
        return False  # "[9h104": a bracket never closed
    return unit.heading or not text.rstrip("\"'”’ ").endswith(".")


_WIDGET_CHROME = frozenset({R.PROMO, R.PAYWALL, R.SHARE, R.NAVIGATION, R.RELATED})


def _widget(units: list[Unit], reasons: list[RemovalReason | None], i: int) -> bool:
    """A heading whose next line is a newsletter's pitch, a paywall or a share bar: the widget's own
    heading ("Breaking News Emails"), not the article's."""
    nxt = next((k for k in range(i + 1, len(units)) if units[k].text), None)
    return units[i].heading and nxt is not None and reasons[nxt] in _WIDGET_CHROME


_HOME_LINK = re.compile(r"\]\((?:https?://[^/)\s]+)?/?\)")


def _logo(unit: Unit) -> bool:
    """A heading that is the site's name and sections, as links ("# [The Daily Example](https://
    example.com/)[Opinion](/opinion)"): no headline, though a reader wrote it as one."""
    links = LINK.findall(unit.raw)
    return link_share(unit) >= 0.9 and (len(links) >= 2 or _HOME_LINK.search(unit.raw) is not None)


def _headline_before_most_prose(
    units: list[Unit], reasons: list[RemovalReason | None], start: int
) -> int | None:
    """A page whose footer or sidebar prints a full paragraph before the article: of the "# "
    headlines after ``start``, the one followed by the most prose (up to the next such headline),
    when that is more than the prose before it."""
    heads = [i for i in range(start, len(units)) if reasons[i] is None and units[i].raw.startswith("# ")]
    heads = [i for i in heads if not _logo(units[i])]
    if not heads:
        return None

    def prose(lo: int, hi: int) -> int:
        kept = (units[k].text for k in range(lo, hi) if reasons[k] is None)
        return sum(word_count(text) for text in kept if is_sentence_like(text))

    ends = [*heads[1:], len(units)]
    best = max(range(len(heads)), key=lambda n: prose(heads[n] + 1, ends[n]))
    return heads[best] if prose(heads[best] + 1, ends[best]) > prose(0, heads[best]) else None


def _find_title(units: list[Unit], reasons: list[RemovalReason | None]) -> None:
    """Pass 2: the first remaining unit is the title when it looks like a headline; its repeats go too."""
    # a page's headline ("# ...", or a heading linked to itself: "## [The headline]()") before the
    # article's first full paragraph, however long the menus above it; else the first remaining line
    # that is not a link
    h1 = None
    for i, unit in enumerate(units):
        if reasons[i] is not None:
            continue
        if (unit.raw.startswith("# ") and not _logo(unit)) or (
            _linked_to_itself(unit) and _headline_alone(unit.text)
        ):
            h1 = i
            break
        if word_count(unit.text) >= 25 and is_sentence_like(unit.text) and link_share(unit) < 0.6:
            h1 = _headline_before_most_prose(units, reasons, i)
            break
    first = (
        h1
        if h1 is not None
        else next(
            (
                i
                for i, r in enumerate(reasons)
                if r is None and link_share(units[i]) < 0.6 and not _widget(units, reasons, i)
            ),
            None,
        )
    )
    if first is None or (h1 is None and first > 8) or not _headline_shaped(units[first]):
        return
    if h1 is None and not _headline_alone(units[first].text):
        if word_count(units[first].text) < 3:
            reasons[first] = R.OTHER  # a kicker or a section's label above the article ("Deputy Sheriff")
        return
    reasons[first] = R.TITLE
    key = norm_line(units[first].text)
    size = len(units[first].text)
    for i in range(first + 1, len(units)):
        if reasons[i] is None and abs(len(units[i].text) - size) < 8 and norm_line(units[i].text) == key:
            reasons[i] = R.TITLE


_SELF_LINKED = re.compile(r"#{1,6}\s*\[[^\]]+\]\(#?\)\s*")


def _linked_to_itself(unit: Unit) -> bool:
    """A heading whose link points nowhere ("## [The Early Reviews Are Here]()"): the page's own
    headline as a link to itself, not another article's."""
    return unit.heading and _SELF_LINKED.fullmatch(unit.raw.strip()) is not None


def _headline_alone(text: str) -> bool:
    """Whether a line with no headline's mark ("# ") can still be one: three words or more (a
    section's label, "Highlights", "STREAM BIG", is none; a caseless script counts no spaces), not a
    teaser cut short ("Você pode gostar...") nor a byline and date ("Chris Wray • Nov 15")."""
    caseless = not any(c.isascii() and c.isalpha() for c in text)
    if word_count(text) < 3 and not caseless:
        return False
    return not text.rstrip().endswith(("...", "…")) and "•" not in text


def _broken_off(prev: Unit, nxt: Unit) -> bool:
    if prev.heading or nxt.heading or not nxt.text:
        return False
    if link_share(prev) >= 0.6 or link_share(nxt) >= 0.6:
        return False  # a teaser's headline, not half a paragraph
    if not prev.text or prev.text[-1] in ENDS_CLAUSE:
        return False
    words = word_count(prev.text)
    if words >= 6 and nxt.text[0].islower():
        return True
    if _new_sentence(prev.text, nxt.text):
        return False
    return words >= 12 and is_sentence_like(nxt.text) and prev.text[-1].isalnum()


# a capitalised word that opens a sentence, and words a sentence cannot end on
_OPENERS = word_set(
    "the a an he she it they we i his her its their this that these those but on in for at after when while "
    "as if"
)
_OPEN_ENDS = word_set("to of by the a an and or nor but for with from in on at as that than into onto via")


def _new_sentence(prev: str, nxt: str) -> bool:
    """Whether a paragraph that lost its full stop ("... created by corrupt politicians") is followed by
    a new sentence ("The vice president of the union, Elias Vrettakos, told ..."), not the rest of a
    sentence the scrape broke in two ("... a policy fellow at the European" / "Council on Foreign
    Relations, told AFP."; "... according to" / "The Associated Press")."""
    first = nxt.split(maxsplit=1)[0]
    last = prev.rsplit(maxsplit=1)[-1]
    return first[:1].isupper() and first.lower() in _OPENERS and last.lower() not in _OPEN_ENDS


def _rejoin(
    units: list[Unit], reasons: list[RemovalReason | None]
) -> tuple[list[Unit], list[RemovalReason | None]]:
    """Pass 3: a paragraph ending mid-sentence continues in the next kept one (across removed units)."""
    out_units: list[Unit] = []
    out_reasons: list[RemovalReason | None] = []
    last_kept: int | None = None
    for unit, reason in zip(units, reasons, strict=True):
        if reason is None and last_kept is not None and _broken_off(out_units[last_kept], unit):
            prev = out_units[last_kept]
            joined = replace(prev, text=prev.text + " " + unit.text, raw=prev.raw + "\n\n" + unit.raw)
            out_units[last_kept] = joined
            continue
        out_units.append(unit)
        out_reasons.append(reason)
        if reason is None:
            last_kept = len(out_units) - 1
        elif reason is R.TITLE:
            last_kept = None
    return out_units, out_reasons


def _short_line(unit: Unit) -> bool:
    return not unit.heading and word_count(unit.text) <= 15 and not is_sentence_like(unit.text)


@dataclass(frozen=True, slots=True)
class _Shapes:
    """Per-unit shape features, computed once for the context passes."""

    weak: list[RemovalReason | None]
    short: list[bool]
    sentence: list[bool]
    candidate: list[bool]


def _shapes(units: list[Unit], reasons: list[RemovalReason | None]) -> _Shapes:
    weak = [
        None if u.heading or r is not None else weak_chrome(u.text)
        for u, r in zip(units, reasons, strict=True)
    ]
    short = [_short_line(u) for u in units]
    sentence = [is_sentence_like(u.text) for u in units]
    # weak-cued lines may be sentences only when short ("Since 2021: 30,000 articles.")
    cued = [
        w is not None and (not s or (word_count(u.text) <= 12 and counts_offer(u.text)))
        for u, w, s in zip(units, weak, sentence, strict=True)
    ]
    return _Shapes(weak, short, sentence, [a or b for a, b in zip(short, cued, strict=True)])


def _expand(units: list[Unit], reasons: list[RemovalReason | None], shapes: _Shapes) -> None:
    """Pass 4: short non-sentence lines and cue-worded lines surrounded by chrome are chrome too.

    A run of such lines between two pieces of chrome (or chrome and the end) is chrome; next to
    chrome on one side only, just the non-sentence lines with cue words are; at the very end of
    the document, stray short lines are.
    """
    n = len(units)
    weak, short, sentence, candidate = shapes.weak, shapes.short, shapes.sentence, shapes.candidate
    for _ in range(4):
        changed = False
        i = 0
        while i < n:
            if reasons[i] is not None or not candidate[i]:
                i += 1
                continue
            j = i
            while j < n and reasons[j] is None and candidate[j]:
                j += 1
            left = reasons[i - 1] if i > 0 else R.OTHER
            at_end = j == n
            right_chrome = at_end or reasons[j] is not None
            left_chrome = left is not None and left is not R.TITLE
            for k in range(i, j):
                stray = at_end and short[k] and not ends_sentence(units[k].text)
                if (left_chrome and right_chrome) or stray:
                    before = units[i - 1] if i > 0 else None
                    reasons[k] = weak[k] or _context_reason(units[k], before, left, at_end)
                elif (left_chrome or right_chrome) and weak[k] is not None and not sentence[k]:
                    reasons[k] = weak[k]
                else:
                    continue
                changed = True
            i = j
        if not changed:
            return


def _context_reason(
    unit: Unit, before: Unit | None, left: RemovalReason | None, at_end: bool
) -> RemovalReason:
    words = word_count(unit.text)
    if before is not None and leads_related(before.text) and words >= 4:
        return R.RELATED
    if left is R.RELATED and words >= 4:
        return R.RELATED
    if words <= 4:
        return R.OTHER if at_end else R.IMAGE_ALT
    return R.PROMO


def _headline_list(units: list[Unit], reasons: list[RemovalReason | None], title: str | None) -> None:
    """Pass 5: a trailing run of one-line items unrelated to the article is a list of other headlines."""
    kept = [i for i, r in enumerate(reasons) if r is None and units[i].text]
    same_block = [k > 0 and units[i].block == units[kept[k - 1]].block for k, i in enumerate(kept)]
    chrome_before = [i > 0 and reasons[i - 1] not in (None, R.TITLE) for i in kept]
    start = headline_list_start([units[i].text for i in kept], title, same_block, chrome_before)
    if start is None:
        return
    items = kept[start:]
    sentences = sum(1 for i in items if is_sentence_like(units[i].text))
    for i in items:
        odd = sentences * 2 > len(items) and not is_sentence_like(units[i].text)
        reasons[i] = (weak_chrome(units[i].text) or R.PROMO) if odd else R.HEADLINE_LIST
