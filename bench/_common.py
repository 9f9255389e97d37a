"""Helpers shared by the benchmarks: locating ../shared, loading the article-extraction benchmark,
timing work in a fresh subprocess and reading its peak memory."""

from __future__ import annotations

import gzip
import json
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
ARTICLE_BENCH = SHARED / "bench" / "article-extraction"


@dataclass(frozen=True, slots=True)
class BenchPage:
    """One page of the article-extraction benchmark: raw HTML bytes and the expected body."""

    page_id: str
    html: bytes
    truth: str
    url: str | None


def require_article_bench() -> Path:
    """The benchmark folder, or exit with a clear message when ../shared is absent."""
    if not (ARTICLE_BENCH / "ground-truth.json").is_file():
        sys.exit(f"SKIP: article-extraction benchmark not found at {ARTICLE_BENCH} (needs ../shared)")
    return ARTICLE_BENCH


def load_article_bench(limit: int | None = None) -> list[BenchPage]:
    """All benchmark pages in a stable order (sorted by id)."""
    root = require_article_bench()
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        entry = truth[page_id]
        pages.append(BenchPage(page_id, html, entry.get("articleBody") or "", entry.get("url")))
    return pages


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_in_subprocess(script: Path, args: list[str]) -> dict[str, object]:
    """Run ``python script *args`` in a fresh interpreter; it prints one JSON object on its last line."""
    proc = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False, cwd=REPO_ROOT
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": last, "returncode": proc.returncode}
    result: dict[str, object] = json.loads(lines[-1])
    return result


def print_result(result: dict[str, object], as_json: bool) -> None:
    """A benchmark's result as one JSON line, or as aligned ``key value`` lines."""
    if as_json:
        print(json.dumps(result))
        return
    width = max(map(len, result), default=0) + 1
    for key, value in result.items():
        print(f"{key:{width}s} {value}")
