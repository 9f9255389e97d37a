"""Scraped text and markdown cut into units, markdown undone: a paragraph, or one line of a block of
short lines, with what its markdown said (a heading, an image, a trailing bold credit, its links).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_SPACES = re.compile(r"  +")
_INVISIBLE = re.compile(r"[\u200b\u200c\ufeff\u00ad]")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")
_LIST_ITEM = re.compile(r"^\s*(?:[-+•]|\*(?=\s)|\d{1,2}[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
# an image's alt text or a link's text may hold brackets of its own ("... 2001 [File: Reuters]")
_IMAGE = re.compile(r"!\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
LINK = re.compile(
    r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\[([^\]]+)\]\[[^\]]*\]"
)
# a hover card set inside a sentence: a picture glued to the link of a name, then links (the name
# again, headlines about it, "MORE"): "Rep. [Ilhan Omar](/people/..)![](/omar.jpg)[Ilhan Omar](..)
# [Omar asks court to ...](..) [MORE](..) (D-Minn.)"
_HOVER_CARD = re.compile(rf"(?<=\))(?:{_IMAGE.pattern})(?:\s*(?:{LINK.pattern})){{2,}}")
_LINK_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_BOLD_TAIL = re.compile(r"^(?P<head>.*\S)\s*(?:\*\*|__)(?P<tail>[^*_]{2,80}?)(?:\*\*|__)\s*$")
_WHOLE_BOLD = re.compile(r"^\s*(?:\*\*|__)(?!.*(?:\*\*|__).*(?:\*\*|__))(.+?)(?:\*\*|__)\s*$")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])|~~(.+?)~~|`([^`]+)`"
)

ALNUM = re.compile(r"[^\W_]")
ENDS_CLAUSE = frozenset('.!?:;…"”’)]')
_EMPHASIS_CHARS = re.compile(r"[*_~`]")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$&%<>|~\"'])")
_TAGS = re.compile(r"</?(?:br|p|div|span|em|strong|b|i|u|a|small|sup|sub)\b[^>]*>", re.I)


def _link_text(m: re.Match[str]) -> str:
    """A link's text, set apart from a word or link glued on after it ("[Kristi Noem](...)[Kristi
    Lynn Noem](...)" is two names, not "Kristi NoemKristi Lynn Noem")."""
    text = m.group(1) if m.group(1) is not None else m.group(2)
    after = m.string[m.end() : m.end() + 1]
    return text + " " if after.isalnum() or after == "[" else text


def unmark(line: str) -> str:
    text = line
    if "[" in text:
        if ")![" in text:
            text = _HOVER_CARD.sub("", text)
        text = _IMAGE.sub(lambda m: " " if m.string[m.end() : m.end() + 1] == "[" else "", text)
        text = LINK.sub(_link_text, text)
    if "<" in text:
        text = _TAGS.sub("", _AUTOLINK.sub(r"\1", text))
    if _EMPHASIS_CHARS.search(text):
        for _ in range(2):
            text = _EMPHASIS.sub(lambda m: next(g for g in m.groups()[1:] if g is not None), text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip() if "  " in text else text.strip()


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph or line of the input, markdown undone."""

    text: str
    raw: str
    heading: bool = False  # a markdown heading or a wholly bold line: a title or subhead
    image: bool = False  # the line was only a markdown image
    tail: str | None = None  # a trailing bold segment ("... **Name/Agency**"): maybe a photo credit
    block: int = 0  # index of the blank-line separated block the unit came from


# a card: a link whose text (a picture, then the headline) was written across a blank line ("- [![](
# /1205899.jpg)" / "Hong Kong protests: 800 students under siege](/news/1205899/...)"): one link
_SPLIT_LINK = re.compile(r"\[(?:!\[[^\[\]\n]*\]\([^()\s]*\))?[ \t]*\n[ \t]*\n[ \t]*(?=[^\[\]\n]{1,300}\]\()")


def units_of(text: str) -> list[Unit]:
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if "\n\n" in text and "](" in text:
        text = _SPLIT_LINK.sub("[", text)
    text = _SPACES.sub(" ", _ODD_SPACE.sub(" ", text))
    units: list[Unit] = []
    for number, block in enumerate(re.split(r"\n[ \t\u00a0]*\n", text)):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        merged: list[str] = []
        for ln in lines:  # a hard-wrapped paragraph: long lines without sentence ends
            prev = merged[-1] if merged else ""
            if (
                prev
                and len(prev) >= 40
                and prev.rstrip()[-1] not in ENDS_CLAUSE
                and not _HEADING.match(prev)
                and not _LIST_ITEM.match(ln)
                and not _HEADING.match(ln)
            ):
                merged[-1] = prev.rstrip() + " " + ln.strip()
            else:
                merged.append(ln)
        for ln in merged:
            units.append(_unit(ln, number))
    return [u for u in units if u.raw.strip()]


def _unit(line: str, block: int) -> Unit:
    raw = line.strip()
    first = raw[:1]
    if first in "-*_=[" and (_RULE.match(raw) or _LINK_DEF.match(raw)):
        return Unit(text="", raw=raw, block=block)
    if first == "!" and _IMAGE.fullmatch(raw):
        return Unit(text=_IMAGE.sub(r"\1", raw).strip(), raw=raw, image=True, block=block)
    if first in "-+•*" and _IMAGE.fullmatch(item := _LIST_ITEM.sub("", raw)):
        return Unit(text=_IMAGE.sub(r"\1", item).strip(), raw=raw, image=True, block=block)  # a gallery's
    body = raw
    if first == ">":
        body = _QUOTE.sub("", body)
    if first in "-+•*0123456789":
        body = _LIST_ITEM.sub("", body)
    heading = False
    if body[:1] == "#" and (m := _HEADING.match(body)):
        body, heading = m.group(1), True
    if body[:2] in ("**", "__") and _WHOLE_BOLD.match(body):
        heading = True
    tail = None
    if not heading and body[-2:] in ("**", "__") and (t := _BOLD_TAIL.match(body)):
        tail = unmark(t.group("tail"))
    return Unit(text=unmark(body), raw=raw, heading=heading, tail=tail, block=block)


def link_share(unit: Unit) -> float:
    """The share of a unit's text that is the text of markdown links."""
    if "](" not in unit.raw:
        return 0.0
    raw = _HOVER_CARD.sub("", unit.raw) if ")![" in unit.raw else unit.raw  # as the text has it
    linked = sum(len(unmark(m.group(1) or "")) for m in LINK.finditer(raw))
    return linked / max(len(unit.text), 1)
