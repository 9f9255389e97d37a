"""Quality floor on the five seed articles in ../shared, scored by the official scorer.

Skipped when ../shared is not beside the repository.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corroborator.extract import extract_documents
from corroborator.models import Article, ContentType, RawDocument, RemovalReason, SourceKind

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
SCORER = SHARED / "tools" / "score.py"
GOLD = SHARED / "gold" / "seeds.yaml"
BODIES = SHARED / "gold" / "bodies"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        not (SEEDS.is_dir() and SCORER.is_file() and GOLD.is_file()),
        reason="../shared is not beside the repo",
    ),
]

BODY_F1_MIN = 0.97
METADATA_MIN = 0.95


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    paths = sorted(SEEDS.glob("*.txt"))
    docs = [
        RawDocument(
            source=str(p), kind=SourceKind.FILE, content_type=ContentType.TEXT, content=p.read_bytes()
        )
        for p in paths
    ]
    out: dict[str, Article] = {}
    for path, result in zip(paths, extract_documents(docs), strict=True):
        assert isinstance(result, Article), result
        out[path.name[:3]] = result
    return out


def _report(articles: dict[str, Article]) -> dict[str, object]:
    return {
        "format": "corroborator-report/1",
        "articles": [
            {
                "id": a.id,
                "source": a.source,
                "url": a.url,
                "title": a.title,
                "outlet": a.outlet,
                "byline": a.byline,
                "published": a.published,
                "body": a.body,
                "captions": [{"text": c.text, "credit": c.credit} for c in a.captions],
                "removed": [{"text": r.text, "reason": r.reason.value} for r in a.removed],
            }
            for a in articles.values()
        ],
        "stories": [],
    }


def test_official_scorer_floors(articles: dict[str, Article], tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text(json.dumps(_report(articles), ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCORER), str(report), str(GOLD), "--bodies", str(BODIES), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    scores = json.loads(run.stdout)
    assert scores["articles_missing"] == 0
    assert scores["body_f1_min"] >= BODY_F1_MIN, scores
    assert scores["metadata_accuracy"] >= METADATA_MIN, scores


def test_captions_come_with_credits(articles: dict[str, Article]) -> None:
    counts = {name: len(a.captions) for name, a in articles.items()}
    assert counts == {"000": 1, "001": 1, "002": 1, "003": 0, "004": 3}
    assert all(c.credit for a in articles.values() for c in a.captions)
    assert articles["000"].captions[0].credit == "Alexei Maishev/POOL/TASS"
    assert articles["002"].captions[0].credit == "Reuters"
    for a in articles.values():  # a caption is never left in the body
        for caption in a.captions:
            assert caption.text not in a.body


def test_removed_pieces_have_reasons_and_leave_the_body(articles: dict[str, Article]) -> None:
    for a in articles.values():
        assert a.removed, a.source
        for piece in a.removed:
            assert isinstance(piece.reason, RemovalReason)
            assert piece.text.strip()
            if piece.reason is not RemovalReason.TITLE and len(piece.text) > 30:
                assert piece.text not in a.body, (a.source, piece)
        assert "\n\n\n" not in a.body
        assert a.title and a.title not in a.body.split("\n\n")


def test_each_kind_of_chrome_is_named(articles: dict[str, Article]) -> None:
    kinds = {r.reason for a in articles.values() for r in a.removed}
    expected = {
        RemovalReason.TITLE,
        RemovalReason.BYLINE,
        RemovalReason.DATELINE,
        RemovalReason.CAPTION,
        RemovalReason.CREDIT,
        RemovalReason.NAVIGATION,
        RemovalReason.RELATED,
        RemovalReason.SHARE,
        RemovalReason.PAYWALL,
        RemovalReason.HEADLINE_LIST,
        RemovalReason.FOOTER,
        RemovalReason.CONTRIBUTOR,
        RemovalReason.EMBED,
        RemovalReason.IMAGE_ALT,
        RemovalReason.PROMO,
    }
    assert expected <= kinds
