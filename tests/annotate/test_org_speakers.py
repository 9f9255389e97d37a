"""Organisations as speakers (:mod:`corroborator.annotate.org_speakers`), through the quotations
:func:`corroborator.annotate.quotes.find_quotes` finds in hand-written sentences parsed by the
packaged model."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from corroborator.annotate.quotes import find_quotes
from corroborator.models import Quote

if TYPE_CHECKING:
    from spacy.language import Language

spacy = pytest.importorskip("spacy")


def quotes(nlp: Language, text: str) -> tuple[Quote, ...]:
    return find_quotes(nlp(text))


@pytest.mark.parametrize(
    ("text", "speaker", "description"),
    [  # an organisation speaks, through a spokesman or a statement, or by its name
        ('A spokesman for Halvorsen Foods said: "Nobody was hurt and the store will reopen."',
         "Halvorsen Foods", "spokesman"),
        ('A Kent Police spokeswoman said tonight: "Officers are at the scene of a large fire."',
         "Kent Police", "spokeswoman"),
        ('A statement from Halvorsen Foods said: "Damage to the building is extensive."',
         "Halvorsen Foods", None),
        ('"We are looking into it," Microsoft\'s spokesman said.', "Microsoft", "spokesman"),
        ('"We are reviewing the findings," the Pentagon said in a statement.', "Pentagon", None),
        ('The U. S. Marshals said the man was "armed and dangerous".', "U. S. Marshals", None),
        ("On Monday, the People’s Daily, the mouthpiece of the Communist party, warned that there is "
         "“absolutely no room for compromise”.", "People’s Daily", "the mouthpiece of the Communist party"),
        ("The California Governor's Office of Emergency Services said in a letter that their response "
         "was “unacceptable” at a time of need.", "California Governor's Office of Emergency Services", None),
        ('The French foreign ministry said it "regrets any decision likely to encourage settlement '
         'building".', "French foreign ministry", None),
        ('"We will not accept this," Russia\'s foreign ministry said.', "Russia's foreign ministry", None),
        ('"Twenty-three personnel surrendered on boarding," the Indian navy said.', "Indian navy", None),
    ],
)  # fmt: skip
def test_an_organisation_is_the_speaker_of_what_it_says(
    nlp: Language, text: str, speaker: str, description: str | None
) -> None:
    (q,) = quotes(nlp, text)
    assert (q.speaker, q.description) == (speaker, description)


def test_it_speaks_for_the_organisation_that_spoke_last(nlp: Language) -> None:
    text = (
        '"We are reviewing the findings," the Pentagon said in a statement. "It will take time," it added.'
        '\n\nThe report said the risk was "growing fast". "It cannot wait," it added.'
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Pentagon", "Pentagon", None, None]


@pytest.mark.parametrize(
    "text",
    [  # someone who works there is not its voice; a body of no country or name is nobody named
        '"We will not accept this," said a Pentagon official.',
        '"We are investigating," the city\'s police said.',
    ],
)
def test_no_organisation_speaks_through_an_official_or_an_unnamed_body(nlp: Language, text: str) -> None:
    (q,) = quotes(nlp, text)
    assert q.speaker is None
