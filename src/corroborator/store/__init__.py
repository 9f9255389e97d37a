"""Persistence: the SQLite store of articles (and, later, of each stage's results).

>>> from corroborator.store import Store
>>> with Store.open(":memory:") as store:                                   # doctest: +SKIP
...     result = store.add_article(article, extractor_version="extract-1")

See :mod:`corroborator.store.sqlite` for the discipline (WAL, one writer, migrations) and
docs/store.md for the schema.
"""

from __future__ import annotations

from corroborator.store.migrate import load_migrations
from corroborator.store.sqlite import MEMORY, AddResult, AddStatus, ArticleSummary, Store

__all__ = ["MEMORY", "AddResult", "AddStatus", "ArticleSummary", "Store", "load_migrations"]
