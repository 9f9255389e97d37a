"""Whom "he" and "she" can mean: what an article itself says of each person it names.

A pronoun speaker ("..., she said") is the last person named before it who can be meant. The article
tells, for some persons, which pronoun they take:

- an honorific before the name (``Mr``, ``Sir``, ``Lord`` / ``Mrs``, ``Ms``, ``Miss``, ``Dame``,
  ``Lady``);
- a gendered noun describing them, just before the name or in an appositive ("actress Tara Reid",
  "Bettie Page, the pin-up model and mother of ...", "spokeswoman Ann Brook"); not a possessive
  ("the actress's rep Jack Ketsoyan" describes the rep by someone else);
- a pronoun later in a sentence whose subject they are and which names no other person ("Jackman
  said he was grateful", "Page died after her heart attack"), before any noun for another person
  ("who married the deputy before he was killed" is no evidence), or "he" or "she" opening the next
  sentence as its subject ("Bettie Page, the pin-up model, has died. She was 85.").

For a person the article says nothing of, the given name can tell, when a caller passes ``given``
(:mod:`corroborator.annotate.given_names`: only names that nearly always take one pronoun);
otherwise such a person can be meant by either pronoun.

A one-word name the article never gives in full and never makes the subject of a speech verb is no
antecedent at all: the parser's person names include awards ("Oscar"), peoples ("Greeks") and
currencies ("Euro").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from corroborator.vocab import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class Gender(StrEnum):
    MALE = "he"
    FEMALE = "she"


_HONORIFIC = {
    **dict.fromkeys(word_set("mr sir lord"), Gender.MALE),
    **dict.fromkeys(word_set("mrs ms miss dame lady madam"), Gender.FEMALE),
}
_NOUNS = {
    **dict.fromkeys(
        word_set(
            "actor boy brother businessman chairman congressman councilman dad duke father grandfather "
            "husband king man nephew prince son spokesman uncle widower boyfriend"
        ),
        Gender.MALE,
    ),
    **dict.fromkeys(
        word_set(
            "actress aunt businesswoman chairwoman congresswoman councilwoman daughter duchess girl "
            "girlfriend grandmother mother mom mum niece princess queen sister spokeswoman widow wife "
            "woman"
        ),
        Gender.FEMALE,
    ),
}
_PRONOUNS = {
    **dict.fromkeys(word_set("he him his himself"), Gender.MALE),
    **dict.fromkeys(word_set("she her hers herself"), Gender.FEMALE),
}
# someone else a later pronoun may mean: a person the sentence names by a common noun
_SOMEONE = word_set(
    "deputy officer victim suspect driver friend official detective agent lawyer attorney judge doctor "
    "teacher student child baby teen teenager neighbour neighbor partner colleague boss employee worker "
    "patient person player coach manager client customer passenger soldier gunman killer"
)
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_BEFORE = 4  # tokens before a name searched for a describing noun


def genders(
    doc: Doc,
    mentions: Iterable[tuple[int, int, str]],
    in_quote: Callable[[int], bool],
    person_tokens: frozenset[int],
    speech: frozenset[str],
    given: Callable[[str], Gender | None] | None = None,
) -> dict[str, Gender]:
    """The pronoun each named person takes, where the article says so: ``mentions`` are
    (first token, last token, fullest name) of the person names outside quotations; ``speech`` the
    speech verbs (the pronoun subject of one, ", he said", is what is being resolved: no evidence).
    ``given`` reads a given name ("Michael": he) for a person of two or more names the article gives
    no evidence of at all (evidence that is split either way stays undecided)."""
    votes: dict[str, dict[Gender, int]] = {}
    for a, b, name in mentions:
        for found in _evidence(doc, a, b, in_quote, person_tokens, speech):
            tally = votes.setdefault(name, {})
            tally[found] = tally.get(found, 0) + 1
        first = name.split()[0]
        if (
            given is not None
            and name not in votes
            and " " in name
            and len(first.rstrip(".")) > 1
            and (g := given(first)) is not None
        ):
            votes[name] = {g: 1}
    out: dict[str, Gender] = {}
    for name, tally in votes.items():
        male, female = tally.get(Gender.MALE, 0), tally.get(Gender.FEMALE, 0)
        if male >= 2 * female and male:
            out[name] = Gender.MALE
        elif female >= 2 * male and female:
            out[name] = Gender.FEMALE
    return out


def noun_gender(word: str) -> Gender | None:
    """The pronoun a describing noun takes ("spokeswoman": she), else ``None``."""
    return _NOUNS.get(word.lower())


def speaking(tok: Token, speech: frozenset[str]) -> bool:
    """The token is the subject of a speech verb ("Madonna said", ", he said")."""
    return tok.dep_ == "nsubj" and tok.head.lower_ in speech


def _evidence(
    doc: Doc,
    a: int,
    b: int,
    in_quote: Callable[[int], bool],
    person_tokens: frozenset[int],
    speech: frozenset[str],
) -> list[Gender]:
    found: list[Gender] = []
    if a > 0 and (g := _HONORIFIC.get(doc[a - 1].lower_.rstrip("."))) is not None:
        found.append(g)
    for i in range(a - 1, max(a - 1 - _BEFORE, -1), -1):
        tok = doc[i]
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP"):
            break
        possessive = i + 1 < a and doc[i + 1].lower_ in ("'s", "’s")
        if (g := _NOUNS.get(tok.lower_)) is not None and not possessive:
            found.append(g)
            break
    head = doc[b]
    for child in head.children:
        if child.dep_ == "appos":
            noun = next((_NOUNS[t.lower_] for t in child.subtree if t.lower_ in _NOUNS), None)
            if noun is not None:
                found.append(noun)
    if head.dep_ in _SUBJECT:
        sent = head.sent
        others = any(i in person_tokens and not a <= i <= b for i in range(sent.start, sent.end))
        if not others:
            for t in doc[b + 1 : sent.end]:
                if t.pos_ == "NOUN" and (t.lower_ in _SOMEONE or t.lower_ in _NOUNS):
                    break  # "Chela Ortiz, who married the deputy weeks before he was killed": his
                if t.lower_ in _PRONOUNS and not in_quote(t.idx) and not speaking(t, speech):
                    found.append(_PRONOUNS[t.lower_])
                    break
            if sent.end < len(doc) and (g := _next_subject(doc[sent.end].sent, in_quote, speech)) is not None:
                found.append(g)
    return found


def _next_subject(sent: Span, in_quote: Callable[[int], bool], speech: frozenset[str]) -> Gender | None:
    """The pronoun that opens a sentence as its subject ("Bettie Page ... has died. She was 85."): it
    continues the previous sentence's subject."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None or first.lower_ not in ("he", "she") or first.dep_ not in _SUBJECT:
        return None
    if in_quote(first.idx) or speaking(first, speech):
        return None
    return _PRONOUNS[first.lower_]
