"""Boilerplate signals for scraped text: line shapes, chrome cue words, repetition, headline lists.

Nothing here knows any site: a line is chrome because of its *shape* (short, no sentence, prices,
separators), a small lexicon of cue words ("Read more", "subscription", "Share:"), its repetition in
otherwise unrelated documents (:func:`repeated_lines`), or because it belongs to a trailing run of
one-line paragraphs that share no vocabulary with the article (:func:`headline_list_start`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

from corroborator.extract.markup import ALNUM
from corroborator.models import RemovalReason
from corroborator.vocab import word_set

# ---------------------------------------------------------------------------------------------- shapes


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_NOT_WORD = re.compile(r"[^\w$%]+|_+")
_DIGITS = re.compile(r"\d+")
_TERMINAL = re.compile(r"[.!?…](?:\s?[\"'”’»)\]*])*\s*$")
_MARKERS = re.compile(r"[*_#>`~]+")


def norm_line(line: str) -> str:
    """A line reduced to its words: case, digits, punctuation and markdown removed.

    Two lines that differ only in markup, spacing, punctuation or numbers ("3 articles left",
    "2 articles left") normalise to the same key.
    """
    text = unicodedata.normalize("NFKC", line)
    text = _LINK.sub(r"\1", text).lower()
    text = _DIGITS.sub("0", text)
    return " ".join(_NOT_WORD.sub(" ", text).split())


def word_count(line: str) -> int:
    return len(line.split())


def is_sentence_like(line: str) -> bool:
    """Ends like a sentence (., !, ?, … possibly inside closing quotes) and has a few words."""
    return ends_sentence(line) and len(line.split(None, 4)) >= 4


def ends_sentence(line: str) -> bool:
    """Ends with sentence punctuation (., !, ?, … possibly inside closing quotes), not with "..."."""
    text = line.rstrip()
    return not text.endswith("...") and bool(_TERMINAL.search(text[-8:]))


def _key(line: str) -> str:
    """Lower-case line without markdown markers, edge punctuation and arrows, for cue matching."""
    text = _LINK.sub(r"\1", line) if "](" in line else line
    text = _MARKERS.sub("", text).strip().lower()
    return text.strip(" \t:|•·»›→←>-–—…!.").strip()


# ---------------------------------------------------------------------------------------------- cue words

_NAVIGATION = re.compile(
    r"(?:read|show|see|view|load) more(?: stories| articles| news)?"
    r"|continue reading(?: below| the (?:main )?(?:story|article))?|loading(?:\.\.)?"
    r"|(?:image|photo|picture|slide) \d+ (?:of|/) \d+|(?:[\w ]{0,30} )?sponsored by"
    r"|follow (?:\w+ ){1,3}on(?: \w+)?"
    r"|back to top(?: button)?|scroll to top|skip to (?:main )?content"
    r"|advertisement|advert|sponsored(?: content)?"
    r"|anzeige|werbung|publicidad|publicidade|publicité|pubblicità|iklan|reklam|реклама"  # elsewhere
    r"|ad|menu|home|search|close|print|e-?mail|comments?|\d+ comments?|comments? \(\d+\)|view comments"
    r"|leave a comment"
    r"|next|previous|(?:next|previous) (?:article|story|post)|most (?:read|popular|viewed)|trending(?: now)?"
    r"|top stories|latest(?: news| stories| articles)?|more (?:stories|news|articles|videos)"
    r"|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories| articles)?"
    r"|log ?in|sign in|register|follow us(?: on \w+)?|tags?|topics?|keywords?|listen to (?:this )?article"
    r"|(?:photo|image|video) gallery|click here.*|open in app|view (?:full|in) (?:article|app|browser)",
)
_RELATED = re.compile(
    r"related(?: articles?| stories| story| content| news| coverage| posts| reading| links)?"
    r"|see also|also read|read also|more on this(?: story| topic)?|further reading|more coverage"
    r"|explore further"
)
_RELATED_PREFIX = re.compile(
    r"^\W*(?:related(?: articles?| story| stories| coverage| content| reading| news)?|read (?:more|also|next)"
    r"|see also|also read|more on this(?: story| topic)?|recommended(?: reading)?|further reading"
    r"|more coverage|watch|listen)\W*\s*[:|–—»›]\s*\S",
    re.I,
)
_SOCIAL = word_set(
    "share facebook twitter x linkedin whatsapp telegram reddit pinterest email e-mail mail print copy link "
    "flipboard messenger tumblr vk threads bluesky"
)
_SHARE = re.compile(
    r"shares?(?: this)?(?: article| story| post| page| video)?(?: on| via)?(?: \w+)?|\d[\d,.]*k? shares"
)
# "Like this story? Share it with a friend!", "Email Tariq Malik at tm@example.com or follow him @tm",
# "Follow us on Twitter @Example and on Facebook", "GET FOX BUSINESS ON THE GO BY CLICKING HERE"
_SHARE_PITCH = re.compile(r"\bshare (?:it|this(?: story| article)?) with (?:a friend|your friends)\b")
_AUTHOR_CONTACT = re.compile(
    r"^(?:e-?mail|contact|reach) [\w .'’-]{2,40}? at \S+@\S+|\bfollow (?:him|her|them) (?:on \w+ )?@\w+"
)
_PROMO_LINE = re.compile(
    r"^follow us on\b|\bby clicking here\b|^join our\b|\bsubscribe to our\b"
    r"|\bturn on (?:push )?notifications\b|^chat with us (?:in|on)\b"
)
# a site's notice, however long: cookies ("We use cookies and other tracking technologies to ...",
# "This website uses cookies") and market data ("Quotes delayed at least 15 minutes. ... Market Data
# provided by ...")
_SITE_NOTICE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b|\buses? cookies for\b"
    r"|\bquotes (?:are )?delayed (?:by )?(?:at least )?\d+ minutes\b|\bmarket data (?:is )?provided by\b"
    r"|\bthis (?:document|article|page|material) is subject to copyright\b"
)
_EMBED = re.compile(
    r"embed(?:ded)?(?: content| video| tweet| post| code)?|view this post on \w+|a post shared by .*"
    r"|\[?embed\]?.*|(?:watch|play) (?:the )?video|video player.*"
)
_PAYWALL = re.compile(
    r"subscri(?:be|bes|ption|ptions|ber|bers|bing)\b|unlimited (?:digital )?access|free account|free trial"
    r"|paywall|billed (?:annually|monthly|yearly)|access options|articles? (?:offered|left|remaining)"
    r"|already (?:a )?(?:subscriber|member|registered)|to continue reading"
    r"|^to read the (?:full|whole|entire|rest of the) (?:story|article)"
    r"|sign (?:in|up) to (?:read|continue)|create (?:a |an )?(?:free )?account|become a (?:member|subscriber)"
    r"|premium (?:access|content|article|member)"
    r"|cancel (?:at )?any ?time|(?:ex(?:clud(?:e|es|ed|ing)|clusive of|cl\.?)|incl(?:uding|\.)?|plus) vat"
    r"|\d[\d.,]*\s*[$€£¥]\s*(?:/|per )\s*(?:month|year|week|mo|yr)\b"
    r"|[$€£¥]\s*\d[\d.,]*\s*(?:/|per |a )\s*(?:month|year|week|mo|yr)\b"
)
_CONTRIBUTOR = re.compile(
    r"contributed (?:reporting|research|to this (?:report|article|story))|^\(?(?:additional )?reporting by\b"
    r"|^\(?(?:writing|editing|edited|compiled|translated|research|graphics|production) by\b|;\s*editing by\b"
)
_FOOTER = re.compile(
    r"^(?:original url|source url|canonical url|permalink)\b|^(?:©|\(c\)|copyright\b)|all rights reserved"
    r"|this (?:article|story) (?:was )?(?:first|originally) (?:appeared|published)"
    r"|originally published (?:in|on|at|by)"
    r"|constitutes acceptance of (?:our|the)|community rules apply"
    r"|may not be (?:published|reproduced), (?:broadcast|distributed)"
    # a citation's retrieval lines: "retrieved 20 November 2019", "from https://..."
    r"|^retrieved (?:on )?(?:\d{1,2} \w+|\w+ \d{1,2},?) \d{4}$|^from https?://\S+$"
)
# weak cues: chrome only next to other chrome
_WEAK_PAYWALL = re.compile(
    r"\bvat\b|\bprices?\b|\barchives?\b|\binvoice\b|^free$|\bper (?:week|month|year)\b|/(?:week|month|year)\b"
    r"|\d[\d,.]*\+? (?:articles|analyses|stories)\b|\bmembership\b"
)
_COUNTED_OFFER = re.compile(
    r"\d[\d,.]*\+?\s*(?:articles|analyses|stories|notes|reports)\b"
    r"|/\s?(?:week|month|year)\b|\bper (?:week|month|year)\b"
)
_WEAK_PROMO = re.compile(
    r"newsletter|sign up|download (?:our|the) app|follow us|all the latest|don.t miss|get the latest|alerts"
    r"|in your inbox|updated (?:nonstop|daily|hourly)|24/7|news coverage|podcast|our app"
)
_SEPARATED = re.compile(r"\s[•|·»›]\s|\s-\s.*\s-\s")
_LEADS_RELATED = re.compile(
    r"^(?:read|show|see|view) more|^related|^more (?:stories|news|articles|from)|^you (?:may|might) also"
    r"|^recommended|^see also|^also read|^read also|^further reading|^most (?:read|popular)|^top stories"
    r"|^don.t miss"
)


# words that must occur before the (slower) cue patterns are tried
_SPLIT_PUNCT = str.maketrans({c: " " for c in "!\"#%&'()*+,-./:;<=>?@[\\]^_`{|}~‘’“”•·»«›‹–—…"})
_PAYWALL_WORDS = word_set(
    """subscribe subscribes subscription subscriptions subscriber subscribers subscribing unlimited free
    paywall billed access article articles already continue sign create become premium cancel vat excl full
    month year week mo yr"""
)
_CONTRIBUTOR_WORDS = word_set(
    "contributed reporting writing editing edited compiled translated research graphics production"
)
# a newsletter's pitch: "Get breaking news alerts and special reports ... delivered weekday mornings",
# "Let our news meet your inbox", "Sign up for our daily newsletter"
_NEWSLETTER = re.compile(
    r"^(?:get|receive|sign up for|subscribe to|join)\b.{0,60}\b(?:alerts?|newsletters?|updates|briefing)\b"
    r"|\bdelivered to your inbox\b|\b(?:news|stories|headlines|newsletter)\b[^.]{0,60}\bdelivered\b"
    r"|\b(?:meet|hit|land in|straight to|in) your inbox\b|\bsign up for (?:our|the|a) [\w ]{0,30}newsletter\b"
    r"|\bno spam\b|\bunsubscribe at any time\b"
)
_NEWSLETTER_WORDS = word_set(
    "get receive sign subscribe join delivered inbox newsletter newsletters spam unsubscribe"
)
_FOOTER_WORDS = word_set(
    "original source canonical permalink copyright c © rights article story originally constitutes community"
    " may retrieved from"
)
_WEAK_PAYWALL_WORDS = word_set(
    "vat price prices archive archives invoice free per membership articles analyses stories"
)
_WEAK_PROMO_WORDS = word_set(
    "newsletter sign download follow latest miss alerts inbox updated 24 coverage podcast app"
)


def _priced(key: str) -> bool:
    return "$" in key or "€" in key or "£" in key or "¥" in key


def chrome_reason(line: str) -> RemovalReason | None:
    """Why a line is page chrome by its own words alone, or ``None`` when it is not clearly chrome."""
    if ALNUM.search(line) is None:
        return RemovalReason.MARKUP
    words = word_count(line)
    if words > 32:
        return RemovalReason.FOOTER if words <= 80 and _SITE_NOTICE.search(line.lower()) else None
    key = _key(line)
    sentence = is_sentence_like(line) and not line.lstrip().startswith("*")
    if words <= 6:
        if _RELATED.fullmatch(key):
            return RemovalReason.RELATED
        if _NAVIGATION.fullmatch(key):
            return RemovalReason.NAVIGATION
        if _SHARE.fullmatch(key) or (words >= 2 and all(w in _SOCIAL for w in key.split())):
            return RemovalReason.SHARE
        if _EMBED.fullmatch(key):
            return RemovalReason.EMBED
    if words > 30:
        return None
    tokens = set(key.translate(_SPLIT_PUNCT).split())
    if _RELATED_PREFIX.match(line):
        return RemovalReason.RELATED
    if not tokens.isdisjoint(_NEWSLETTER_WORDS) and _NEWSLETTER.search(key):
        return RemovalReason.PROMO
    if words <= 20 and _SHARE_PITCH.search(key):
        return RemovalReason.SHARE
    if words <= 25 and ("@" in key or "follow" in tokens) and _AUTHOR_CONTACT.search(key):
        return RemovalReason.CONTRIBUTOR
    if words <= 25 and _PROMO_LINE.search(key):
        return RemovalReason.PROMO
    if _SITE_NOTICE.search(key):
        return RemovalReason.FOOTER
    if not tokens.isdisjoint(_CONTRIBUTOR_WORDS) and _CONTRIBUTOR.search(key):
        return RemovalReason.CONTRIBUTOR
    if not tokens.isdisjoint(_FOOTER_WORDS) and _FOOTER.search(key):
        return RemovalReason.FOOTER
    if (
        words <= 25
        and (words <= 8 or not sentence)
        and (_priced(key) or not tokens.isdisjoint(_PAYWALL_WORDS))
        and _PAYWALL.search(key)
    ):
        return RemovalReason.PAYWALL
    return None


def weak_chrome(line: str) -> RemovalReason | None:
    """A reason a line *could* be chrome (price words, slogans, separators); decisive only in context."""
    words = word_count(line)
    if words > 25:
        return None
    key = _key(line)
    tokens = set(key.translate(_SPLIT_PUNCT).split())
    if (_priced(key) or not tokens.isdisjoint(_PAYWALL_WORDS)) and _PAYWALL.search(key):
        return RemovalReason.PAYWALL
    if ("/" in key or not tokens.isdisjoint(_WEAK_PAYWALL_WORDS)) and _WEAK_PAYWALL.search(key):
        return RemovalReason.PAYWALL
    if not tokens.isdisjoint(_WEAK_PROMO_WORDS) and _WEAK_PROMO.search(key):
        return RemovalReason.PROMO
    if (" - " in line or any(c in line for c in "•|·»›")) and _SEPARATED.search(line):
        return RemovalReason.NAVIGATION
    if words <= 5 and line.isupper() and sum(c.isalpha() for c in line) >= 2:
        return RemovalReason.NAVIGATION
    return None


def counts_offer(line: str) -> bool:
    """Numbers of a publisher's offer: "35,000 articles", "150 analyses/week", "3 stories per month"."""
    return _COUNTED_OFFER.search(line) is not None


def leads_related(line: str) -> bool:
    """A label that introduces links to other articles ("Read more", "Related stories")."""
    return bool(_LEADS_RELATED.search(_key(line)))


# ---------------------------------------------------------------------------------------------- repetition


def may_be_boilerplate(line: str) -> bool:
    """Non-sentence lines may be boilerplate; a sentence (even a short quote) only with chrome words."""
    words = word_count(line)
    if words <= 20 and not (words >= 2 and ends_sentence(line)):
        return True
    return words <= 30 and (chrome_reason(line) is not None or weak_chrome(line) is not None)


def repeated_lines(texts: Iterable[str], min_docs: int) -> frozenset[str]:
    """Normalised lines (:func:`norm_line`) that are boilerplate by repetition.

    A line counts when it occurs in at least ``min_docs`` *unrelated* documents: documents that share
    two or more long lines (a wire story reprinted by two outlets) count as one, so their common
    subheads are not taken for chrome. Long sentence-like lines never count unless they carry chrome
    cue words (a price, "subscription", "all rights reserved"), so a shared quote is never boilerplate.
    """
    docs: list[set[str]] = []
    eligible: dict[str, bool] = {}
    for text in texts:
        keys: set[str] = set()
        for raw in text.splitlines():
            key = norm_line(raw)
            if not key:
                continue
            keys.add(key)
            if key not in eligible:
                eligible[key] = may_be_boilerplate(raw.strip())
        docs.append(keys)
    containing: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(docs):
        for key in keys:
            containing[key].append(i)
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    shared: dict[tuple[int, int], int] = defaultdict(int)
    for key, where in containing.items():
        if 1 < len(where) <= 50 and not eligible[key] and key.count(" ") >= 11:
            for a_pos, a in enumerate(where):
                for b in where[a_pos + 1 :]:
                    shared[a, b] += 1
    for (a, b), n in shared.items():
        if n >= 2:
            parent[find(a)] = find(b)
    out = {
        key
        for key, where in containing.items()
        if eligible[key] and len(where) >= min_docs and len({find(i) for i in where}) >= min_docs
    }
    return frozenset(out)


# ------------------------------------------------------------------------------------------ headline lists

_STOP = word_set(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just may me might more most
    must my no nor not now of off on once only or other our out over own said same says she should so
    some such than that the their them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would year years you your new
    one two three last first next week month told according since amid despite however"""
)
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)]*\s+[\"'“‘(]*[A-Z]")


def content_keys(text: str) -> set[str]:
    """Crude stems (5-letter prefixes) of a text's content words: "Russia's" and "Russian" agree."""
    return {w[:5] for w in _CONTENT_WORD.findall(text.lower()) if w not in _STOP}


def _list_item(text: str) -> bool:
    return 4 <= word_count(text) <= 45 and _SENTENCE_BREAK.search(text) is None


def headline_list_start(
    paragraphs: Sequence[str],
    title: str | None = None,
    same_block: Sequence[bool] | None = None,
    chrome_before: Sequence[bool] | None = None,
) -> int | None:
    """Index where a trailing list of unrelated headlines begins, or ``None``.

    Candidates are the run of one-sentence paragraphs at the end of the body (a subhead ends it;
    the first three paragraphs, the lead, never belong to it). An item is off-topic when few of its
    content words occur in the title and lead *and* it shares almost none with the item before it
    (on-topic when many do, or it shares several; neither counts for nothing):
    a list of teasers is about many unrelated things, while an article's closing paragraphs keep
    talking about what the paragraph before them did. The list is the suffix with the best balance
    of off-topic over on-topic items, with at least three off-topic items. It must also look like a
    list: laid out as one (``same_block``: items on consecutive lines, not separate paragraphs), or
    made of headline-shaped items (no final full stop), or introduced by chrome (``chrome_before``:
    a "Latest news" label or a widget cut just before it). Lexical evidence alone is not enough: an
    article written one sentence per paragraph must keep its ending.
    """
    n = len(paragraphs)
    lead_n = min(3, n)
    run = n
    while run > lead_n and _list_item(paragraphs[run - 1]):
        run -= 1
    if n - run < 3:
        return None
    keys = {i: content_keys(paragraphs[i]) for i in (*range(lead_n), *range(run - 1, n))}
    lead = content_keys(title or "").union(*(keys[i] for i in range(lead_n)))
    scores: list[int] = []
    for i in range(run, n):
        k = keys[i]
        ratio = len(k & lead) / len(k) if k else 1.0
        shared = len(k & keys[i - 1])
        if ratio < 0.15 and shared <= 2:
            scores.append(1)
        elif ratio >= 0.3 or shared >= 4:
            scores.append(-3)
        else:
            scores.append(0)
    best, best_start, total = 0, None, 0
    for i in range(len(scores) - 1, -1, -1):
        total += scores[i]
        if total > best:
            best, best_start = total, i
    if best_start is None:
        return None
    chosen = scores[best_start:]
    off = sum(1 for s in chosen if s > 0)
    if off < 3 or off < 0.6 * len(chosen):
        return None
    start = run + best_start
    if same_block is not None:  # a list laid out as consecutive lines is one list: take all of its lines
        while start > run and same_block[start]:
            start -= 1
    items = range(start, n)
    laid_out = same_block is not None and sum(1 for i in items if same_block[i]) * 2 >= len(items)
    headlines = sum(1 for i in items if not ends_sentence(paragraphs[i])) * 2 >= len(items)
    if laid_out or headlines:
        return start
    if chrome_before is not None:  # introduced by chrome, perhaps a few neutral items earlier
        first = start
        while not chrome_before[first] and first > run and scores[first - 1 - run] >= 0:
            first -= 1
        if chrome_before[first]:
            return first
    return None
