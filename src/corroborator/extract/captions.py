"""Photo captions in scraped text: a caption with its credit on one line ("... Photo: Ola Nord"), a
credit on the next, a broadcaster's labelled lines ("Image copyright" / "EPA" / "Image caption" /
the caption), a line repeating the alt text of the image above it, a credit under an image with its
caption between them, a caption printed twice in a row, and a photo gallery's controls ("Image" "1"
"of" "5" ... "Back to Gallery"). Used by pass 1 of :mod:`corroborator.extract.text`, which collects
what it finds in a :class:`CaptionBook`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from corroborator.extract.boilerplate import is_sentence_like, norm_line, word_count
from corroborator.extract.markup import Unit
from corroborator.models import Caption, RemovalReason
from corroborator.vocab import word_set

__all__ = [
    "CaptionBook",
    "credit_after",
    "credit_under",
    "labelled",
    "repeats_alt",
    "split_caption",
    "under_image",
]

R = RemovalReason


_CREDIT_CUE = re.compile(
    r"(?:^|(?<=[\s.!?”\"’)]))"
    r"(?:Photo(?:graph)?(?: credit)?|Credits?|Picture|Image|Foto|Illustration|PHOTO|CREDIT)"
    r"(?:\s*(?:…|\.\.\.|:|\|)|\s+by\b)\s*(?P<credit>.{2,120}?)\s*\.?\s*$"
)
_CREDIT_HINT = re.compile(r"Photo|Credit|Picture|Image|Foto|Illustration|PHOTO|CREDIT|File")
_CREDIT_PAREN = re.compile(
    r"\s*(?:\((?:Photo|Photograph|Image|Picture|Credit)s?(?: credit)?(?: by|:)\s*(?P<credit>[^)]{2,80})\)"
    # "(AP Photo/Alan Diaz, File)", "[File: Reuters]"
    r"|\((?P<agency>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)? Photos?\s?/\s?[^)]{2,80})\)"
    r"|\[(?:File|Photo|Image)(?: photo)?:\s*(?P<file>[^\]]{2,60})\])\s*$"
)
_CREDIT_SLASH = re.compile(
    r"(?<=[.!?”\"’])\s*(?:(?:©\s*)?(?P<credit>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}\s?/\s?[A-Z][^.!?]{1,60})"
    r"|\((?P<paren>[A-Z][^()/]{0,40}/[^()]{1,60})\))$"  # "... map of Titan. (NASA/JPL-Caltech/ASU)"
)
_CREDIT_WORDS = word_set(
    """reuters ap afp getty images epa tass sputnik xinhua bloomberg shutterstock alamy anadolu efe ansa dpa
    kyodo yonhap pool photo photos handout file archive courtesy novosti associated press pa upi sipa abaca
    zuma nurphoto imago vcg cfp kremlin service ria itar-tass photographer staff unsplash wikimedia commons
    ddp belga anp tt ntb scanpix"""
)
_CREDIT_GLUE = word_set("via for and of the / & de van von file photo photos")


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def credit_like(text: str, max_words: int = 10) -> bool:
    words = text.replace("/", " / ").split()
    if not words or len(words) > max_words:
        return False
    if text.rstrip().endswith((".", "!", "?", ":")) and len(words) > 3:
        return False
    # a studio's ordinal counts as a capitalised word ("20th Century Fox")
    return all(
        w.lower().strip(",;") in _CREDIT_GLUE or w[:1].isupper() or _ORDINAL.fullmatch(w) for w in words
    )


def names_agency(text: str) -> bool:
    return "/" in text or any(w.strip(",.;()").lower() in _CREDIT_WORDS for w in text.split())


def split_caption(unit: Unit) -> tuple[str, str] | None:
    """(caption, credit) of a unit that ends with a photo credit, else ``None``."""
    text = unit.text
    if word_count(text) > 90:
        return None
    patterns = (_CREDIT_CUE, _CREDIT_PAREN) if _CREDIT_HINT.search(text) else ()
    for pattern in (*patterns, _CREDIT_SLASH) if "/" in text else patterns:
        m = pattern.search(text)
        credit = next((g for g in m.groups() if g), "") if m else ""
        if m and credit_like(credit.rstrip(". ")):
            return text[: m.start()].strip(), credit.strip().rstrip(".")
    if unit.tail and credit_like(unit.tail, 8) and names_agency(unit.tail):
        head = text[: len(text) - len(unit.tail)].strip() if text.endswith(unit.tail) else ""
        if head and is_sentence_like(head):
            return head, unit.tail
    return None


_CREDIT_LABEL = re.compile(r"^(?:image|photo|picture) (?:copyright|source)\b[\s,:]*", re.IGNORECASE)
_CAPTION_LABEL = re.compile(r"^(?:image|media|photo) caption\b[\s,:]*", re.IGNORECASE)


def labelled(
    text: str, words: int, state: tuple[str, str | None] | None
) -> tuple[RemovalReason, tuple[str, str | None] | None, str | None] | None:
    """A photo's labelled lines, as a broadcaster's page prints them: "Image copyright" (or "Image
    source, Getty Images"), its credit, "Image caption" and the caption. ``state``: what the last
    label expects next ("credit", the "label" of the caption, or the "caption" itself) and the credit
    read so far. Returns the unit's reason, the new state and the caption the unit gives (``None``
    when the unit is no labelled line)."""
    if words <= 8 and (m := _CREDIT_LABEL.match(text)):
        rest = text[m.end() :].strip()
        return R.CREDIT, (("label", rest) if rest else ("credit", None)), None
    credit = state[1] if state else None
    if words <= 60 and (m := _CAPTION_LABEL.match(text)):
        rest = text[m.end() :].strip()
        return R.CAPTION, (None if rest else ("caption", credit)), rest or None
    if state is not None and state[0] == "credit" and words <= 6:
        return R.CREDIT, ("label", text), None
    if state is not None and state[0] == "caption" and words <= 60:
        return R.CAPTION, None, text
    return None


def printed_again(units: Sequence[Unit], reasons: Sequence[RemovalReason | None], i: int) -> bool:
    """Whether unit ``i`` repeats the caption right above it (of four words or more): a gallery's
    caption printed again."""
    return (
        i > 0
        and reasons[i - 1] is R.CAPTION
        and word_count(units[i].text) >= 4
        and norm_line(units[i].text) == norm_line(units[i - 1].text)
    )


def under_image(units: Sequence[Unit], reasons: Sequence[RemovalReason | None], i: int) -> bool:
    """Whether unit ``i`` is a kept line right under an image, of a caption's length."""
    return i >= 1 and reasons[i] is None and units[i - 1].image and word_count(units[i].text) <= 60


def repeats_alt(units: Sequence[Unit], i: int) -> bool:
    """Whether unit ``i`` repeats the alt text of the image right above it (of four words or more):
    a caption, as readers write a figure's image and then its caption. Either may be the longer: the
    alt text can carry the credit too ("... in Columbia, S.C. Photo: Meg Kinnard, AP / Copyright")."""
    if i == 0 or not units[i - 1].image or units[i].heading:
        return False
    alt, line = norm_line(units[i - 1].text), norm_line(units[i].text)
    if len(alt.split()) < 4:
        return False
    return line.startswith(alt) or (len(line.split()) >= 6 and alt.startswith(line))


class CaptionBook:
    """The captions found so far, in order, and what a later line must match to repeat one."""

    __slots__ = ("_last", "_seen", "_starts", "captions")

    def __init__(self) -> None:
        self.captions: list[Caption] = []
        self._seen: set[str] = set()
        self._starts: set[str] = set()  # to test cheaply whether a unit may repeat a caption
        self._last: int | None = None

    def add(self, caption: str, credit: str | None, *, remember: bool = True) -> None:
        """Keep a caption (once); ``remember``: a later line repeating it is a caption too (not when
        the caption may also be the article's lead)."""
        key = norm_line(caption)
        if remember and key in self._seen:
            return
        if remember:
            self.remember(caption)
        self.captions.append(Caption(caption, credit or None))
        self._last = len(self.captions) - 1

    def remember(self, caption: str) -> None:
        """Make a later line repeating ``caption`` (found already) a caption too."""
        self._seen.add(norm_line(caption))
        self._starts.add(caption[:20].lower())

    def credit_last(self, credit: str, *, replace_credit: bool = False) -> None:
        """Give the last caption its credit (unless it has one, or ``replace_credit``)."""
        if self._last is not None and (replace_credit or self.captions[self._last].credit is None):
            self.captions[self._last] = replace(self.captions[self._last], credit=credit)

    @property
    def last_credit(self) -> str | None:
        """The last caption's credit ("" when it has none), or None before any caption."""
        return None if self._last is None else self.captions[self._last].credit or ""

    def repeats(self, text: str) -> bool:
        """Whether ``text`` repeats a caption already found (a page printing it twice)."""
        return bool(self.captions) and text[:20].lower() in self._starts and norm_line(text) in self._seen


def credit_under(units: Sequence[Unit], reasons: Sequence[RemovalReason | None], i: int) -> bool:
    """Whether unit ``i`` is a photo credit on a line of its own ("Sanjeev Verma/Hindustan Times/Getty
    Images", "Natalie Naccache | Bloomberg | Getty Images") under a caption: names set apart by
    slashes or bars, one of them an agency, right after a kept sentence short enough to be a caption
    (whose image the scraper left out)."""
    text = units[i].text
    if ("/" not in text and " | " not in text) or i == 0 or reasons[i - 1] is not None:
        return False
    if not (credit_like(text.replace("|", "/"), 10) and names_agency(text)):
        return False
    before = units[i - 1]
    return not before.heading and word_count(before.text) <= 60 and is_sentence_like(before.text)


def credit_after(text: str, words: int, last_credit: str | None) -> bool:
    """Whether a short line right after a caption is its credit: an agency or photographer's name
    ("Nordic Photos"), or the credit the caption already named."""
    if last_credit is None or words > 5 or not credit_like(text, 5):
        return False
    return names_agency(text) or norm_line(text) in norm_line(last_credit)


# the words of a photo gallery's controls, each on a line of its own: "Image" "1" "of" "/" "5" "Close"
_GALLERY_WORDS = frozenset(("image", "photo", "slide", "of", "/", "caption", "close", "back to gallery"))


def gallery_counters(units: list[Unit], reasons: list[RemovalReason | None]) -> None:
    """Runs of three or more kept lines that are only a gallery's control words and numbers, one a
    word at least (a table's column of numbers is none), and "Back to Gallery" with its number."""

    def control(k: int) -> bool:
        text = units[k].text.strip().lower()
        return reasons[k] is None and (text in _GALLERY_WORDS or (text.isdigit() and len(text) <= 3))

    i = 0
    while i < len(units):
        j = i
        while j < len(units) and (control(j) or (j > i and reasons[j] is R.MARKUP)):
            j += 1
        words = [units[k].text.strip().lower() for k in range(i, j) if control(k)]
        if (len(words) >= 3 and any(not w.isdigit() for w in words)) or "back to gallery" in words:
            for k in range(i, j):
                reasons[k] = reasons[k] or R.IMAGE_ALT
        i = max(j, i + 1)
