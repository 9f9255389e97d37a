"""Sanity of the bundled example corpus (examples/): its files, their formats, and the answer key.

These tests check the corpus itself, not the tool: every form of every article is there and readable,
the WARC holds the pages, expected.yaml only refers to things that exist, and the committed outputs are
what examples/build.py makes from examples/story/.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from warcio.archiveiterator import ArchiveIterator

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SCORER = REPO.parent / "shared" / "tools" / "score.py"
KEYS = (
    "001_mpa_wire",
    "002_coastline_reprint",
    "003_bulkliquids_rewrite",
    "004_harbourgazette_residents",
    "005_northernledger_report",
    "006_mpa_update",
)
NAMES = tuple(f"{k}.txt" for k in KEYS)
SHORT = {n[:3] for n in NAMES}
VOID = {"meta", "link", "img", "input", "br", "hr", "source", "area", "base", "col", "embed", "wbr"}
QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def norm(text: str) -> str:
    """The scorer's normalisation: NFKC, straight quotes, lower case, words, '$' and '%' only."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTE_MARKS).lower()
    return " ".join(re.sub(r"[^\w$%]+", " ", text).split())


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {n: (EXAMPLES / "text" / n).read_bytes().decode("utf-8") for n in NAMES}


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("examples_build", EXAMPLES / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_every_form_of_every_article_exists() -> None:
    for key in KEYS:
        for rel in (f"text/{key}.txt", f"html/{key}.html", f"gold/bodies/{key}.txt", f"story/{key}.yaml"):
            assert (EXAMPLES / rel).is_file(), rel
    for rel in ("warc/example.warc.gz", "expected.yaml", "README.md", "build.py", "story/outlets.yaml"):
        assert (EXAMPLES / rel).is_file(), rel
    # `corroborator analyze examples/text` must see the six articles and nothing else
    assert sorted(p.name for p in (EXAMPLES / "text").iterdir()) == list(NAMES)
    assert sorted(p.name for p in (EXAMPLES / "html").iterdir()) == [f"{k}.html" for k in KEYS]


def test_articles_are_utf8_news_copy_of_article_length(texts: dict[str, str]) -> None:
    for key in KEYS:
        body = (EXAMPLES / "gold" / "bodies" / f"{key}.txt").read_bytes().decode("utf-8")
        assert 350 <= len(body.split()) <= 900, key
        assert "\ufffd" not in texts[f"{key}.txt"]


class PageParser(HTMLParser):
    """Collects what the tests look at and checks that every non-void tag is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.title = ""
        self.counts: collections.Counter[str] = collections.Counter()
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.counts[tag] += 1
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href", "")
        if tag in ("script", "style"):
            self._skip += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "title":
            self.title += data
        elif not self._skip:
            self.text.append(data)


def test_html_pages_parse_and_state_their_metadata(gold: dict[str, Any]) -> None:
    for name in NAMES:
        form, art = gold["forms"][name], gold["articles"][name]
        page = (EXAMPLES / form["html"]).read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        parser = PageParser()
        parser.feed(page)
        parser.close()
        assert parser.errors == [] and parser.stack == [], (name, parser.errors, parser.stack)
        assert parser.title == f"{art['title']} | {form['site_name']}"
        assert parser.meta["og:title"] == art["title"]
        assert parser.meta["og:site_name"] == form["site_name"]
        assert parser.canonical == form["url"] == parser.meta["og:url"]
        published = parser.meta.get("article:published_time")
        if form["published"] is None:
            assert published is None, name
        else:
            assert published is not None and published.startswith(str(form["published"])), name
        assert parser.counts["figcaption"] == len(art["captions"]), name
        for tag in ("nav", "header", "footer", "article", "aside"):
            assert parser.counts[tag] >= 1, (name, tag)
        assert "cookie" in page and "©" in page
        page_tokens = collections.Counter(norm(" ".join(parser.text)).split())
        body = (EXAMPLES / "gold" / "bodies" / name).read_text(encoding="utf-8")
        assert not collections.Counter(norm(body).split()) - page_tokens, name


def test_warc_holds_the_pages_a_robots_txt_and_a_request(gold: dict[str, Any]) -> None:
    urls = {gold["forms"][n]["url"]: gold["forms"][n]["html"] for n in NAMES}
    seen: dict[str, bytes] = {}
    kinds: collections.Counter[str] = collections.Counter()
    ids: dict[tuple[str, str], str] = {}
    concurrent = ""
    with (EXAMPLES / "warc" / "example.warc.gz").open("rb") as fh:
        for record in ArchiveIterator(fh):
            kinds[record.rec_type] += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            ids[(record.rec_type, uri)] = record.rec_headers.get_header("WARC-Record-ID")
            assert record.rec_headers.get_header("WARC-Date").startswith("2024-09-19T")
            if record.rec_type == "request":
                concurrent = record.rec_headers.get_header("WARC-Concurrent-To")
                assert record.http_headers.protocol == "GET"
                assert uri in urls
                request_uri = uri
            if record.rec_type == "response":
                ctype = record.http_headers.get_header("Content-Type")
                payload = record.content_stream().read()
                if uri.endswith("/robots.txt"):
                    assert ctype.startswith("text/plain") and b"User-agent" in payload
                else:
                    assert ctype.startswith("text/html")
                    seen[uri] = payload
    assert kinds == {"warcinfo": 1, "request": 1, "response": 7}
    assert set(seen) == set(urls)
    for uri, rel in urls.items():
        assert seen[uri] == (EXAMPLES / rel).read_bytes(), uri
    assert concurrent == ids[("response", request_uri)]


def test_expected_yaml_refers_only_to_what_exists(gold: dict[str, Any]) -> None:
    assert tuple(gold["articles"]) == NAMES
    assert gold["story"]["articles"] == list(NAMES)
    assert len(SHORT) == len(NAMES)  # the scorer names articles by their first three characters
    in_reports = [a for r in gold["reports"] for a in r["articles"]]
    assert sorted(in_reports) == sorted(NAMES)  # a partition
    for link in gold["reuse"]:
        assert {link["from"], link["to"]} <= set(NAMES) and link["kind"] in ("verbatim", "paraphrase")
    shorts: list[str] = []
    for section in ("quotes", "quantities", "not_quantities", "timeline", "not_contradictions"):
        shorts += [s for item in gold[section] for s in item["articles"]]
    shorts += [s for c in gold["contradictions"] for side in c["sides"] for s in side["articles"]]
    assert set(shorts) <= SHORT
    for name in NAMES:
        assert (EXAMPLES / gold["forms"][name]["html"]).is_file()
        assert (EXAMPLES / "gold" / "bodies" / name).is_file()
    for entity in gold["entities"]:
        assert set(entity.get("descriptions", {})) <= set(NAMES)


def test_expected_spans_occur_in_the_articles(gold: dict[str, Any], texts: dict[str, str]) -> None:
    by_short = {n[:3]: texts[n] for n in NAMES}
    for quote in gold["quotes"]:
        for short in quote["articles"]:
            assert norm(quote["text"]) in norm(by_short[short]), (quote["text"], short)
    for item in gold["quantities"] + gold["not_quantities"]:
        for short in item["articles"]:
            assert item["text"] in by_short[short], (item["text"], short)
    corpus = "\n".join(texts.values())
    for entity in gold["entities"]:
        for name in [entity["name"], *entity["aliases"]]:
            assert re.search(rf"(?<!\w){re.escape(name)}(?!\w)", corpus), name
        for name, description in entity.get("descriptions", {}).items():
            assert description in texts[name], (entity["name"], name)
    for pair in gold["distinct"]:
        for name in pair:
            assert name in corpus, name
    for name, art in gold["articles"].items():
        assert art["title"] in texts[name]
        for field in ("outlet", "byline"):
            assert art[field] is None or art[field] in texts[name], (name, field)
        if art.get("url"):
            assert art["url"] in texts[name]


def test_gold_bodies_come_from_the_scrapes(texts: dict[str, str]) -> None:
    for name in NAMES:
        body = (EXAMPLES / "gold" / "bodies" / name).read_text(encoding="utf-8")
        missing = collections.Counter(norm(body).split()) - collections.Counter(norm(texts[name]).split())
        assert not missing, (name, missing)
        assert "](" not in body and "\\$" not in body and "**" not in body


def test_answer_key_agrees_with_the_story_sources(gold: dict[str, Any], build: ModuleType) -> None:
    for src in build.load_sources():
        name = f"{src.key}.txt"
        art, form = gold["articles"][name], gold["forms"][name]
        assert art["title"] == src.title
        assert form["url"] == src.url and form["site_name"] == src.outlet.site_name
        assert (src.published or "")[:10] == str(form["published"] or "")
        assert art["published"] is None or str(art["published"]) == src.published[:10]
        assert art["captions"] == build.captions(src)


def test_committed_outputs_are_what_build_py_makes(build: ModuleType) -> None:
    for rel, content in build.outputs().items():
        assert (EXAMPLES / rel).read_bytes() == content, f"{rel} is stale: run examples/build.py"


def test_corpus_stays_small() -> None:
    size = sum(p.stat().st_size for p in EXAMPLES.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert size < 300_000


@pytest.mark.shared
@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score.py is not beside the repo")
def test_a_report_that_echoes_the_key_scores_perfectly(gold: dict[str, Any], tmp_path: Path) -> None:
    """The key is internally consistent with the shared scorer: echoing it back scores 1.0 everywhere."""
    report = echo_report(gold)
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    cmd = [sys.executable, str(SCORER), str(path), str(EXAMPLES / "expected.yaml")]
    done = subprocess.run(
        [*cmd, "--bodies", str(EXAMPLES / "gold" / "bodies"), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    scores = json.loads(done.stdout)
    for metric, value in scores.items():
        if metric.endswith(("_false", "_false_alarms", "_wrong_merges", "_missing")):
            assert value == 0, (metric, value)
        else:
            assert value == 1, (metric, value)


def echo_report(gold: dict[str, Any]) -> dict[str, Any]:
    ids = {n[:3]: f"id{n[:3]}" for n in NAMES}
    articles = [
        {
            "id": ids[n[:3]],
            "source": f"examples/text/{n}",
            "title": a["title"],
            "outlet": a["outlet"],
            "byline": a["byline"],
            "published": None if a["published"] is None else str(a["published"]),
            "body": (EXAMPLES / "gold" / "bodies" / n).read_text(encoding="utf-8"),
        }
        for n, a in gold["articles"].items()
    ]

    def arts(shorts: list[str]) -> list[str]:
        return [ids[s] for s in shorts]

    story = {
        "reports": [{"articles": arts([a[:3] for a in r["articles"]])} for r in gold["reports"]],
        "quotes": [
            {**q, "occurrences": [{"article": i} for i in arts(q["articles"])]} for q in gold["quotes"]
        ],
        "quantities": [{**q, "article": ids[s]} for q in gold["quantities"] for s in q["articles"]],
        "timeline": [
            {**e, "date": str(e["date"]), "articles": arts(e["articles"])} for e in gold["timeline"]
        ],
        "contradictions": [
            {
                "sides": [
                    {**s, "date": str(s.get("date")), "articles": arts(s["articles"])} for s in c["sides"]
                ]
            }
            for c in gold["contradictions"]
        ],
        "entities": [{"name": e["name"], "aliases": e["aliases"]} for e in gold["entities"]],
    }
    return {"format": "corroborator-report/1", "articles": articles, "stories": [story]}
