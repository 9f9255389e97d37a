"""corroborator: read many news articles about the same events and tell what is established.

Public API::

    from corroborator import analyze, ingest, Config
    result = analyze(["examples/text"])          # -> Analysis(articles, failures)

Importing the package has no side effects; heavy parts load when used.
"""

from __future__ import annotations

from corroborator.api import Analysis, IngestSummary, analyze, ingest
from corroborator.config import Config
from corroborator.errors import CorroboratorError, InputError
from corroborator.models import Article, Caption, Failure, RawDocument, Removed

__all__ = [
    "Analysis",
    "Article",
    "Caption",
    "Config",
    "CorroboratorError",
    "Failure",
    "IngestSummary",
    "InputError",
    "RawDocument",
    "Removed",
    "analyze",
    "ingest",
]
__version__ = "0.1.0"
