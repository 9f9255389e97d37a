"""Whom "he" and "she" can mean: the article's own evidence, on hand-written texts parsed by the
packaged model (through :func:`find_quotes`, whose pronoun speakers it decides)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from corroborator.annotate.quote_marks import scan
from corroborator.annotate.quotes import find_quotes
from corroborator.annotate.speaker_reader import Reader

if TYPE_CHECKING:
    from spacy.language import Language

spacy = pytest.importorskip("spacy")


def speakers(nlp: Language, text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(nlp(text), text=text)]


def test_a_pronoun_skips_a_person_the_article_gives_the_other_one(nlp: Language) -> None:
    text = (
        "Tara Reid has entered a rehab program, her publicist said.\n\n"
        "The move surprised producer Matthew O'Connor, who worked with the actress Tara Reid last year.\n\n"
        '"She was professional every day," he told reporters.'
    )
    assert speakers(nlp, text) == ["Matthew O'Connor"]
    her = text.replace("\" he told", "\" she told")
    assert speakers(nlp, her) == ["Tara Reid"]  # the nearer person is a man only if the article says so


def test_an_unconfirmed_one_word_name_is_no_antecedent(nlp: Language) -> None:
    text = (
        "Hugh Jackman will host the ceremony, the academy said on Friday.\n\n"
        "Jackman was abroad promoting a film when his Oscar role was announced.\n\n"
        '"I am very grateful to the academy for this chance," he said in a statement.'
    )
    assert speakers(nlp, text) == ["Hugh Jackman"]


def test_evidence_of_a_shared_surname_is_nobody_s(nlp: Language) -> None:
    text = (
        "Police shot Kimani Gray on Saturday. His sister, Mahnefah Gray, spoke to reporters.\n\n"
        "Gray was 16, and he had a skinny waist, the family said.\n\n"
        '"They thought he was grabbing a gun," she said.'
    )
    doc = nlp(text)
    rd = Reader(doc, text, scan(text))
    assert rd.gender.get("Mahnefah Gray") is None  # "Gray ... he" may be her brother
    assert rd.gender.get("Kimani Gray") is None or rd.gender["Kimani Gray"] == "he"
    assert speakers(nlp, text) == ["Mahnefah Gray"]


def test_honorifics_and_describing_nouns_are_evidence(nlp: Language) -> None:
    text = (
        "Mr. Alan Brook and spokeswoman Ann Kerr met the press. Ms. Joan Ray, the mother of a victim, "
        "came later, as did Lee Park, a businessman from Busan."
    )
    doc = nlp(text)
    rd = Reader(doc, text, scan(text))
    assert {k: v.value for k, v in rd.gender.items()} == {
        "Alan Brook": "he", "Ann Kerr": "she", "Joan Ray": "she", "Lee Park": "he"
    }


def test_a_pronoun_speaker_is_marked_as_worked_out(nlp: Language) -> None:
    text = (
        'Mayor Ann Brook visited the site. "We will rebuild," Brook said.\n\n'
        '"Every home," she added.'
    )
    found = find_quotes(nlp(text), text=text)
    assert [(q.speaker, q.resolved) for q in found] == [("Ann Brook", False), ("Ann Brook", True)]


def test_a_pronoun_after_an_object_means_the_sentence_s_subject(nlp: Language) -> None:
    text = (
        "Judge Philip Hickok told the court that he weighed the slaying of Deputy Jerry Ortiz, "
        'and he concluded that the case "absolutely warrants death."\n\n'
        'When Billy King hired Jim Brien, he had called him a "perfect fit" for the job.'
    )
    assert speakers(nlp, text) == ["Philip Hickok", "Billy King"]
    plain = 'Ann Brook met Tom Reed on Monday. "We agreed," he said.'
    assert speakers(nlp, plain) == ["Tom Reed"]  # another sentence: the last person named


def test_a_given_name_tells_when_the_article_says_nothing(nlp: Language) -> None:
    text = (
        "Laura Dern chaired the hearing on Monday.\n\n"
        "The plan was drafted by Michael Hart, an adviser to the board.\n\n"
        '"We will not rush this," she said.'
    )
    assert speakers(nlp, text) == ["Laura Dern"]  # "Michael" nearly always takes "he"
    neutral = text.replace("Michael Hart", "Leslie Hart")
    assert speakers(nlp, neutral) == ["Leslie Hart"]  # either: the nearest person


def test_the_article_s_evidence_outweighs_the_given_name(nlp: Language) -> None:
    text = (
        "Laura Dern chaired the hearing on Monday.\n\n"
        "The plan was drafted by Michael Hart, the mother of two pupils.\n\n"
        '"We will not rush this," she said.'
    )
    doc = nlp(text)
    assert Reader(doc, text, scan(text)).gender.get("Michael Hart") == "she"
    assert speakers(nlp, text) == ["Michael Hart"]


def test_a_pronoun_after_another_person_s_noun_is_no_evidence(nlp: Language) -> None:
    text = (
        "Dana Ortiz, who married the deputy three weeks before he was killed, spoke first.\n\n"
        '"Our Jerry is in heaven," she said.'
    )
    doc = nlp(text)
    assert Reader(doc, text, scan(text)).gender.get("Dana Ortiz") is None
    assert speakers(nlp, text) == ["Dana Ortiz"]


def test_he_or_she_opening_the_next_sentence_is_evidence(nlp: Language) -> None:
    text = "Kim Sorel, the pin-up model of the 1950s, has died. She was 85."
    assert Reader(nlp(text), text, scan(text)).gender.get("Kim Sorel") == "she"
    other = "Kim Sorel met Lee Park in Paris on Monday. She was 85."  # two persons: no evidence
    assert Reader(nlp(other), other, scan(other)).gender.get("Kim Sorel") is None


def test_a_stranger_whose_sentence_has_her_as_object_is_not_she(nlp: Language) -> None:
    text = (
        "Kim Sorel, the pin-up model of the 1950s, has died. She was 85.\n\n"
        "Sorel became famous in 1952. A photographer named Robin Tibbs admired her and asked her to pose.\n\n"
        'Looking back, she told a magazine: "I never thought it was shameful."'
    )
    assert speakers(nlp, text) == ["Kim Sorel"]
    # without "her" in the stranger's sentence, nothing says the stranger is not meant
    plain = text.replace("admired her and asked her to pose", "admired the photos")
    assert speakers(nlp, plain) == ["Robin Tibbs"]


def test_a_name_the_parser_labels_otherwise_is_a_person_when_its_surname_is(nlp: Language) -> None:
    from spacy.tokens import Span

    text = "Bettie Page has died in Los Angeles. Page was 85."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 8, 9, label="PERSON")]
    assert doc[8].text == "Page"
    rd = Reader(doc, text, scan(text))
    assert {0, 1} <= set(rd.person_tok)
    doc.ents = [Span(doc, 0, 2, label="ORG")]  # no person of that surname: an organisation still
    assert 0 not in Reader(doc, text, scan(text)).person_tok
    place = "Kessel Point burned. Kessel Point was empty. Crews left Kessel Point."
    doc = nlp(place)
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 4, 6, label="ORG"), Span(doc, 11, 13, label="PERSON")]
    assert doc[11].text == "Kessel"
    assert 0 not in Reader(doc, place, scan(place)).person_tok  # mostly not a person: not one
    quoted = "Bettie Page has died. “Page was a star,” a fan said."
    doc = nlp(quoted)
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 6, 7, label="PERSON")]
    assert doc[6].text == "Page"
    assert 0 not in Reader(doc, quoted, scan(quoted)).person_tok  # a name inside a quotation: no


def test_a_possessor_gives_way_to_the_subject_of_its_sentence(nlp: Language) -> None:
    text = (
        "Deputy Robin Ortiz was shot in 2005.\n\n"
        "Sheriff's Deputy Timothy Brennan, who had been Ortiz's partner for a year, called the verdict "
        "bittersweet.\n\n"
        'He explained, "You feel good, but it will never bring Robin back."'
    )
    assert speakers(nlp, text) == ["Timothy Brennan"]
    # a possessor whose sentence has no person for subject is still the one meant
    verdict = (
        "Deputy Robin Ortiz was wounded in 2005.\n\n"
        "The verdict, which Ortiz's family welcomed, came on Monday.\n\n"
        '"I can rest now," she said.'
    )
    assert speakers(nlp, verdict) == ["Robin Ortiz"]


def test_one_named_in_a_relative_clause_gives_way_to_the_subject_it_describes(nlp: Language) -> None:
    text = (
        "Athletic director Gene Smith, who replaced Andy Geiger a month ago, said the allegations were "
        "less serious than feared.\n\n"
        '"What you see before you is what they found," he said.'
    )
    assert speakers(nlp, text) == ["Gene Smith"]


def test_the_one_told_gives_way_to_the_teller(nlp: Language) -> None:
    text = (
        "Apple CEO Tim Cook met Salesforce founder Marc Benioff on Tuesday.\n\n"
        'Customers "began to ask for this," Cook told Benioff.\n\n'
        '"We really took that challenge to heart," he said.'
    )
    assert speakers(nlp, text)[-1] == "Tim Cook"


def test_a_name_used_as_a_description_is_nobody_he_can_mean(nlp: Language) -> None:
    text = (
        '"A strike would be horrible," said Ron Howard, the former actor and Oscar-winning director of '
        '"A Beautiful Mind" whose latest film, "Frost/Nixon," is considered a strong Oscar contender.\n\n'
        '"The timing could not be worse," he said on Thursday.'
    )
    assert speakers(nlp, text) == ["Ron Howard", "Ron Howard"]


def test_a_possessive_the_parser_puts_into_the_name_is_left_out(nlp: Language) -> None:
    text = "Robin Ortiz's novel won the Lorvik prize on Monday.\n\n" + '"I was surprised," she said.'
    assert speakers(nlp, text) == ["Robin Ortiz"]
