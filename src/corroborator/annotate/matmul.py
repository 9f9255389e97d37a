"""The spaCy pipeline's matrix products through numpy's BLAS, one thread per process.

thinc's ``NumpyOps`` multiplies matrices with blis, whose wheel here runs generic kernels; numpy's
own BLAS (OpenBLAS in its wheels, with kernels for the machine's vector units) does the pipeline's
products (a few thousand token rows times 96-384 columns) three to four times faster on one core.
:func:`use_numpy_blas` gives every layer of the pipeline's models ``NumpyOps(use_blis=False)``, which
hands products to ``numpy.dot``; the parser's and the recogniser's own compiled step is not touched.
Measured on the 467 ECB+ and seed texts: the parse took about two thirds of the CPU time, and every
tag, head, dependency label, sentence start and entity came out the same.

Products are parallel within a process by default; :func:`one_blas_thread` keeps them to one thread
while the pipeline runs, since the parallelism is in the worker processes (one per core) and more
threads than cores only make them wait for each other. It uses threadpoolctl, which sets the limit
of whichever BLAS numpy loaded, and restores it afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from thinc.model import Model


def layers(nlp: Language) -> Iterator[Model[Any, Any]]:
    """Every layer of the pipeline's components' models."""
    from thinc.model import Model

    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            yield from model.walk()


def use_numpy_blas(nlp: Language) -> int:
    """Give the pipeline's models ops that multiply with numpy's BLAS; returns how many layers."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    changed = 0
    for layer in layers(nlp):
        if type(layer.ops) is NumpyOps:  # leave any other backend (GPU, Apple) alone
            layer.ops = ops
            changed += 1
    return changed


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Numpy's BLAS on one thread for the duration (the previous limit comes back after)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield
