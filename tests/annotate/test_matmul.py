"""The pipeline's matrix products through numpy's BLAS: the same parses, one BLAS thread while parsing."""

from __future__ import annotations

from typing import Any

import pytest
from threadpoolctl import threadpool_info

from corroborator.annotate import matmul
from corroborator.annotate.nlp import load, pipe
from corroborator.config import AnnotateConfig

TEXTS = [
    "Vladimir Putin arrived in Beijing on Tuesday for talks with Xi Jinping, the Kremlin said.",
    "Trade between the two countries reached $190 billion last year, according to AFP.",
    "\"We will stand together,\" she added. The summit ends on Wednesday in the Great Hall.",
]


def _annotations(nlp: Any) -> list[list[tuple[str, ...]]]:
    return [
        [(t.tag_, t.pos_, t.dep_, str(t.head.i), t.ent_iob_, t.ent_type_) for t in doc]
        for doc in pipe(nlp, TEXTS)
    ]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load(AnnotateConfig())


def test_the_loaded_pipeline_multiplies_with_numpy(nlp: Any) -> None:
    from thinc.api import NumpyOps

    layers = list(matmul.layers(nlp))
    assert layers and all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)


def test_the_same_annotations_as_with_blis(nlp: Any) -> None:
    from thinc.api import NumpyOps

    ours = _annotations(nlp)
    blis = NumpyOps(use_blis=True)
    saved = [(layer, layer.ops) for layer in matmul.layers(nlp)]
    try:
        for layer, _ in saved:
            layer.ops = blis
        assert _annotations(nlp) == ours
    finally:
        for layer, ops in saved:
            layer.ops = ops
    assert matmul.use_numpy_blas(nlp) == len(saved)


def _blas_threads() -> list[int]:
    return [int(lib["num_threads"]) for lib in threadpool_info() if lib["user_api"] == "blas"]


def test_one_blas_thread_while_parsing_and_the_limit_comes_back(nlp: Any) -> None:
    before = _blas_threads()
    with matmul.one_blas_thread():
        assert set(_blas_threads()) <= {1}
    assert _blas_threads() == before
    docs = pipe(nlp, TEXTS)
    next(docs)
    assert set(_blas_threads()) <= {1}  # inside the parse
    list(docs)
    del docs
    assert _blas_threads() == before
