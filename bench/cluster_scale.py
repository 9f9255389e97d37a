"""Story clustering at scale: ``--n`` synthetic articles (default 100,000) with known stories.

Synthesis (seeded, from real news text in ``../shared/bench``: the ECB+ dev texts and the
article-extraction ground-truth bodies): sentences are pooled; each story gets a base text of 6-14
sentences drawn from 2-3 random sources, with 30% of its words substituted from the pool's vocabulary
(so two stories drawing one source still differ), its own invented names (every capitalised word
of the base is mapped to an invented name, per story) and its own numbers, and a day within two years.
Story sizes follow a Zipf-like law (1 to 60 articles, mean about 5). Each article of a story is a
variant of its base: 60-90% of the sentences kept, partly shuffled, 10% of the words substituted,
some numbers changed slightly, dated within 3 days of the story's day (25% undated).

Measured: time to add all articles (``StoryClusterer.add_article`` one by one, in arrival order =
story days interleaved) and to ``refine()``; peak RSS; B-cubed precision/recall/F1 against the known
stories; then the cost of adding one more article to the full state (``--probe`` fresh variants of
random stories, each timed alone: median and p95).

Run: .venv/bin/python bench/cluster_scale.py [--n 100000] [--quick] [--probe 100] [--json]
(``--quick`` = 5,000 articles.)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta

from _common import SHARED, peak_rss_mb, print_result
from cluster_ecbplus import bcubed
from corroborator.cluster import StoryClusterer
from corroborator.models import Article

ECBPLUS = SHARED / "bench" / "ecbplus" / "dev-topics-1-22.jsonl"
GROUND_TRUTH = SHARED / "bench" / "article-extraction" / "ground-truth.json"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_WORD = re.compile(r"[A-Za-z]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SYLLABLES = ["ka", "lo", "mer", "vin", "tor", "sa", "bel", "dra", "quin", "fo", "ral", "zen", "mi", "dor",
              "pel", "ast", "gri", "hul", "nes", "ob", "ter", "wy", "jas", "kel", "ump", "ro", "sti", "ve"]


@dataclass(frozen=True, slots=True)
class Story:
    sentences: tuple[str, ...]
    day: date


def sentence_pool() -> list[list[str]]:
    """Each source text as a list of sentences of 6+ words."""
    if not ECBPLUS.is_file() or not GROUND_TRUTH.is_file():
        sys.exit(f"SKIP: benchmark texts not found under {SHARED / 'bench'} (needs ../shared)")
    texts = [json.loads(line)["text"] for line in ECBPLUS.read_text(encoding="utf-8").splitlines() if line]
    truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    texts += [entry.get("articleBody") or "" for entry in truth.values()]
    sources = []
    for text in texts:
        sentences = [s.strip() for s in _SENTENCE.split(text.replace("\n", " ")) if len(s.split()) >= 6]
        if len(sentences) >= 3:
            sources.append(sentences)
    return sources


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def substitute(sentence: str, share: float, vocab: list[str], rng: random.Random) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        return rng.choice(vocab) if word[0].islower() and rng.random() < share else word

    return _WORD.sub(swap, sentence)


def make_story(sources: list[list[str]], vocab: list[str], rng: random.Random, start: date) -> Story:
    sentences: list[str] = []
    for source in rng.sample(sources, rng.randint(2, 3)):
        k = min(len(source), rng.randint(3, 6))
        at = rng.randrange(0, len(source) - k + 1)
        sentences += source[at : at + k]
    names: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        word = match.group()
        if not word[0].isupper() or match.start() == 0:
            return word
        return names.setdefault(word, invented_name(rng))

    numbers: dict[str, str] = {}

    def renumber(match: re.Match[str]) -> str:
        return numbers.setdefault(match.group(), str(rng.randint(2, 9999)))

    base = tuple(
        _NUMBER.sub(renumber, _WORD.sub(rename, substitute(s, 0.3, vocab, rng))) for s in sentences[:14]
    )
    return Story(base, start + timedelta(days=rng.randrange(0, 730)))


def make_article(story: Story, story_no: int, n: int, vocab: list[str], rng: random.Random) -> Article:
    kept = [s for s in story.sentences if rng.random() < rng.uniform(0.6, 0.9)] or list(story.sentences[:2])
    if rng.random() < 0.5 and len(kept) > 2:
        i = rng.randrange(1, len(kept))
        kept[0], kept[i] = kept[i], kept[0]
    body = []
    for sentence in kept:
        sentence = substitute(sentence, 0.1, vocab, rng)
        if rng.random() < 0.1:
            bump = rng.randint(1, 3)
            sentence = _NUMBER.sub(lambda m, bump=bump: str(int(float(m.group())) + bump), sentence, count=1)
        body.append(sentence)
    paragraphs = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
    day = None if rng.random() < 0.25 else (story.day + timedelta(days=rng.randint(0, 3))).isoformat()
    article_id = f"s{story_no}-a{n}"
    return Article(id=article_id, source=article_id, body="\n\n".join(paragraphs), published=day)


def synthesise(n: int, seed: int = 7) -> tuple[list[Article], dict[str, str], list[Story], random.Random]:
    rng = random.Random(seed)
    sources = sentence_pool()
    vocab = sorted({w.lower() for src in sources for s in src for w in _WORD.findall(s) if len(w) > 3})
    stories: list[Story] = []
    articles: list[Article] = []
    gold: dict[str, str] = {}
    start = date(2022, 1, 1)
    while len(articles) < n:
        story = make_story(sources, vocab, rng, start)
        stories.append(story)
        size = min(60, max(1, int(rng.paretovariate(1.1))))
        for i in range(min(size, n - len(articles))):
            article = make_article(story, len(stories) - 1, i, vocab, rng)
            articles.append(article)
            gold[article.id] = str(len(stories) - 1)
    articles.sort(key=lambda a: (a.published or "9999", a.id))  # arrival: by day, undated spread in below
    undated = [a for a in articles if a.published is None]
    dated = [a for a in articles if a.published is not None]
    ordered: list[Article] = []
    step = max(1, len(dated) // max(1, len(undated)))
    for i, article in enumerate(dated):
        ordered.append(article)
        if i % step == 0 and undated:
            ordered.append(undated.pop())
    ordered += undated
    return ordered, gold, stories, rng


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="5,000 articles")
    parser.add_argument("--probe", type=int, default=100, help="single additions timed on the full state")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    n = 5_000 if args.quick else args.n

    start = time.perf_counter()
    articles, gold, stories, rng = synthesise(n)
    synth_seconds = time.perf_counter() - start
    clusterer = StoryClusterer()
    start = time.perf_counter()
    for article in articles:
        clusterer.add_article(article)
    add_seconds = time.perf_counter() - start
    start = time.perf_counter()
    clusterer.refine()
    refine_seconds = time.perf_counter() - start
    groups = list(clusterer.stories().values())
    precision, recall, f1 = bcubed(groups, gold)

    vocab = sorted({w.lower() for s in stories[:200] for x in s.sentences for w in _WORD.findall(x)})
    timings = []
    for i in range(args.probe):
        story_no = rng.randrange(len(stories))
        probe = make_article(stories[story_no], story_no, 10_000 + i, vocab, rng)
        t0 = time.perf_counter()
        clusterer.add_article(probe)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    result = {
        "articles": len(articles),
        "stories_true": len(set(gold.values())),
        "stories_found": len(groups),
        "synth_seconds": round(synth_seconds, 1),
        "add_seconds": round(add_seconds, 1),
        "add_per_article_ms": round(add_seconds / len(articles) * 1000, 2),
        "refine_seconds": round(refine_seconds, 1),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "peak_rss_mb": round(peak_rss_mb()),
        "add_one_median_ms": round(statistics.median(timings), 2) if timings else None,
        "add_one_p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 2) if timings else None,
    }
    print_result(result, args.json)


if __name__ == "__main__":
    main()
