"""The language of an article is read from its text; the input's own statement only when the text
cannot tell."""

from __future__ import annotations

import pytest

from corroborator.config import ExtractConfig
from corroborator.extract import extract_document
from corroborator.extract.language import DEFAULT_LANGUAGE, detect_language
from corroborator.models import ContentType, RawDocument, SourceKind

ENGLISH = (
    "The city of Lorvik will build a second tram line across the river, the council decided on Tuesday. "
    "The new line will link the central station with the hospital and the university campus."
)
PORTUGUESE = (
    "A cidade de Lorvik vai construir uma segunda linha de bonde sobre o rio, decidiu a câmara na "
    "terça-feira. A nova linha vai ligar a estação central ao hospital e ao campus da universidade."
)
RUSSIAN = (
    "Город Лорвик построит вторую трамвайную линию через реку, решил городской совет во вторник. "
    "Новая линия соединит центральный вокзал с больницей и университетским кампусом."
)


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (PORTUGUESE, "pt"), (RUSSIAN, "ru")])
def test_the_text_tells_its_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_the_text_outweighs_a_wrong_statement() -> None:
    assert detect_language(ENGLISH, stated="de") == "en"  # an English page of a German edition
    assert detect_language(PORTUGUESE, stated="en") == "pt"  # a template's "en"


def test_too_short_a_text_keeps_the_statement_or_english() -> None:
    assert detect_language("Lorvik tram line", stated="pt") == "pt"
    assert detect_language("Lorvik tram line") == DEFAULT_LANGUAGE


@pytest.mark.parametrize(
    ("content_type", "raw", "code"),
    [
        (ContentType.TEXT, PORTUGUESE, "pt"),
        (ContentType.HTML, f'<html lang="de"><body><article><p>{ENGLISH}</p></article></body></html>', "en"),
    ],
)
def test_extracted_articles_carry_the_language_of_their_text(
    content_type: ContentType, raw: str, code: str
) -> None:
    doc = RawDocument("a.txt", SourceKind.FILE, content_type, raw.encode())
    assert extract_document(doc, ExtractConfig(min_body_chars=0)).language == code
