"""Stories in the store: placement of new articles, row-by-row persistence, the analysis cache."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest

from corroborator.cluster import MAX_REFINE_ROUNDS, StoryClusterer, batch_order, cluster_articles
from corroborator.config import ClusterConfig
from corroborator.errors import StoreError
from corroborator.models import Article
from corroborator.store import AddStatus, Store
from corroborator.store import stories as rows
from corroborator.store.cluster_rows import (
    ClusterRows,
    config_fingerprint,
    other_settings,
    same_settings,
    stored_config,
)
from corroborator.stories import list_stories, load_story, place_new_articles, refresh_analyses

V = "extract-1"
TABLES = ("cluster_meta", "cluster_df", "cluster_members", "cluster_stories", "cluster_postings",
          "story_analyses")


def stored_groups(store: Store) -> set[frozenset[str]]:
    found: dict[str, set[str]] = {}
    for r in store.connection.execute("SELECT story_id, article_id FROM cluster_members"):
        found.setdefault(r[0], set()).add(r[1])
    return {frozenset(g) for g in found.values()}


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    conn = store.connection
    return {t: sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {t}")) for t in TABLES}


def analyses(store: Store) -> dict[str, tuple[str, str]]:
    """story id -> (members hash, created_at) of every cached analysis."""
    conn = store.connection
    found = conn.execute("SELECT story_id, members_hash, created_at FROM story_analyses")
    return {r[0]: (r[1], r[2]) for r in found}


def story_of(store: Store, article_id: str) -> str:
    row = store.connection.execute("SELECT story_id FROM cluster_members WHERE article_id = ?", (article_id,))
    return str(row.fetchone()[0])


def fillers(n: int) -> list[Article]:
    """``n`` unrelated articles (random words, an invented name and figure each)."""
    rng = random.Random(3)
    vocab = [f"{a}{b}{c}" for a in "bdfgklmprst" for b in "aeiou" for c in ("n", "r", "st", "lk")]
    out = []
    for i in range(n):
        name = "".join(rng.choice(["Ka", "Lo", "Mer", "Vin", "Tor", "Sa", "Bel"]) for _ in range(3))
        words = " ".join(rng.choice(vocab) for _ in range(60))
        body = f"{name} said on Monday that {rng.randint(100, 999)} {words}.\n\n{name} {words[::-1]}."
        out.append(Article(id=f"f{i:04d}", source=f"f/{i}", body=body, title=f"{name} news"))
    return out


def test_placing_a_batch_equals_clustering_it(corpus: dict[str, list[Article]]) -> None:
    articles = [*corpus["quake_a"], *corpus["quake_b"], *corpus["others"]]
    with Store.open(":memory:") as store:
        store.add_many(articles, extractor_version=V)
        placement = place_new_articles(store)
        assert placement.placed == len(articles)
        assert len(placement.changes.new) == 6 and not placement.changes.updated
        assert stored_groups(store) == {frozenset(g) for g in cluster_articles(articles)}
        assert place_new_articles(store).placed == 0  # nothing left to place
        assert rows.count_unplaced(store) == 0


def test_one_at_a_time_through_the_store_equals_in_memory(
    tmp_path: Path, corpus: dict[str, list[Article]]
) -> None:
    """Every row read back exactly: the stored clusterer makes the in-memory one's decisions."""
    articles = batch_order([*corpus["quake_a"], *corpus["quake_b"], *corpus["others"]])
    memory = StoryClusterer()
    db = tmp_path / "s.db"
    for article in articles:
        memory.add_article(article)
        for _ in range(MAX_REFINE_ROUNDS):
            if not memory.refine():
                break
        with Store.open(db) as store:  # a fresh process's view each time
            store.add_article(article, extractor_version=V)
            place_new_articles(store)
    with Store.open(db) as store, store.transaction() as conn:
        loaded = ClusterRows(conn).clusterer
        assert loaded.to_data() == memory.to_data()
        assert loaded.stories() == memory.stories()


def test_one_more_article_joins_its_story_and_only_that_analysis_is_redone(
    tmp_path: Path, corpus: dict[str, list[Article]]
) -> None:
    db = tmp_path / "s.db"
    *first, last = corpus["quake_a"]
    with Store.open(db) as store:
        store.add_many([*first, *corpus["quake_b"], *corpus["others"]], extractor_version=V)
        placement = place_new_articles(store)
        assert refresh_analyses(store, None, placement.changes.touched, annotate=False) == 6
        before = analyses(store)
        quake_a = story_of(store, first[0].id)
    with Store.open(db) as store:
        store.add_article(last, extractor_version=V)
        placement = place_new_articles(store)
        assert placement.placed == 1
        assert placement.changes.touched == (quake_a,) and placement.changes.updated == (quake_a,)
        assert story_of(store, last.id) == quake_a
        assert refresh_analyses(store, None, placement.changes.touched, annotate=False) == 1
        after = analyses(store)
        assert after[quake_a] != before[quake_a]
        del after[quake_a], before[quake_a]
        assert after == before  # the other stories' cached analyses are untouched
        listed = {r.id: r for r in list_stories(store)}
        assert listed[quake_a].size == 3 and listed[quake_a].title == "Deadly 5.8 quake hits Varnholm"
        assert listed[quake_a].reports is None  # analysed without annotation: no report count
        view = load_story(store, quake_a)
        assert [a.id for a in view.articles] == [a.id for a in corpus["quake_a"]]
        assert view.analysis is None  # the cached analysis is not an annotated one


def test_a_crash_before_commit_leaves_the_previous_state(
    tmp_path: Path, corpus: dict[str, list[Article]], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        store.add_many(corpus["quake_b"], extractor_version=V)
        place_new_articles(store)
        store.add_many(corpus["quake_a"], extractor_version=V)
        saved = dump(store)
        write = ClusterRows.write

        def crash(self: ClusterRows, placed_again: Iterable[str] = ()) -> object:
            write(self, placed_again)  # every row written inside the transaction, then the process "dies"
            raise KeyboardInterrupt

        monkeypatch.setattr(ClusterRows, "write", crash)
        with pytest.raises(KeyboardInterrupt):
            place_new_articles(store)
        assert dump(store) == saved
        assert rows.count_unplaced(store) == 3
        monkeypatch.undo()
    with Store.open(db) as store:
        assert dump(store) == saved
        assert place_new_articles(store).placed == 3
        assert len(stored_groups(store)) == 2


def test_placing_one_article_reads_only_a_few_rows(corpus: dict[str, list[Article]]) -> None:
    background = fillers(120)
    with Store.open(":memory:") as store:
        store.add_many([*background, *corpus["quake_a"][:2]], extractor_version=V)
        place_new_articles(store)
        store.add_article(corpus["quake_a"][2], extractor_version=V)
        with store.transaction() as conn:
            state = ClusterRows(conn)
            clusterer = state.clusterer
            clusterer.add_article(corpus["quake_a"][2])
            clusterer.refine()
            members = clusterer.members.loaded()  # type: ignore[attr-defined]
            stories = clusterer.by_story.loaded()  # type: ignore[attr-defined]
            assert len(members) < 20 and len(stories) < 20
            state.write()
        assert story_of(store, "qa3") == story_of(store, "qa1")


def test_rebuild_and_other_settings(corpus: dict[str, list[Article]]) -> None:
    articles = [*corpus["quake_a"], *corpus["quake_b"]]
    with Store.open(":memory:") as store:
        store.add_many(articles, extractor_version=V)
        place_new_articles(store)
        groups = stored_groups(store)
        store.add_many(corpus["others"], extractor_version=V)
        with pytest.raises(StoreError, match="other \\[cluster\\] settings"):
            place_new_articles(store, ClusterConfig(threshold=0.3))
        assert place_new_articles(store, ClusterConfig(threshold=0.3), rebuild=True).placed == 10
        assert groups <= stored_groups(store)


def test_story_ids_resolve_by_prefix(corpus: dict[str, list[Article]]) -> None:
    with Store.open(":memory:") as store:
        store.add_many(corpus["quake_a"], extractor_version=V)
        place_new_articles(store)
        (story_id,) = {story_of(store, a.id) for a in corpus["quake_a"]}
        assert rows.resolve_story(store, story_id[:5]) == story_id
        with pytest.raises(StoreError, match="no story id starts with"):
            rows.resolve_story(store, "nope")
        with pytest.raises(StoreError, match="empty story id"):
            rows.resolve_story(store, " ")
        store.connection.execute("UPDATE cluster_stories SET id = 'sab1' WHERE id = ?", (story_id,))
        store.connection.execute("INSERT INTO cluster_stories SELECT 'sab2', seq, size, first_day, last_day, "
                                 "members_hash, data FROM cluster_stories WHERE id = 'sab1'")
        with pytest.raises(StoreError, match="ambiguous"):
            rows.resolve_story(store, "sab")


def test_reading_a_store_without_stories_yet(corpus: dict[str, list[Article]]) -> None:
    with Store.open(":memory:") as store:
        assert list_stories(store) == []
        store.add_many(corpus["others"], extractor_version=V)
        assert rows.count_unplaced(store) == 4 and rows.count_stories(store) == 0
        with pytest.raises(sqlite3.IntegrityError):  # cluster rows belong to stored articles
            store.connection.execute(
                "INSERT INTO cluster_members (article_id, story_id, seq, data) VALUES ('x', 's', 1, '{}')"
            )


def test_the_settings_of_the_stored_stories_are_readable(corpus: dict[str, list[Article]]) -> None:
    config = ClusterConfig(threshold=0.3, neighbors=5)
    with Store.open(":memory:") as store:
        assert stored_config(store.connection) is None
        store.add_many(corpus["others"], extractor_version=V)
        place_new_articles(store, config)
        assert stored_config(store.connection) == config


def test_a_setting_added_since_counts_as_what_the_code_then_did() -> None:
    config = ClusterConfig()
    saved = json.loads(config_fingerprint(config))
    assert same_settings(json.dumps(saved), config)
    del saved["article_terms"]  # stored before that setting existed, when the code kept 120 terms
    assert same_settings(json.dumps(saved), config)
    assert not same_settings(json.dumps({**saved, "threshold": 0.9}), config)
    del saved["background_docs"]  # stored when idf counted no background documents
    assert other_settings(json.dumps(saved), config) == ["background_docs = 0.0"]
    assert same_settings(json.dumps(saved), ClusterConfig(background_docs=0.0))
    assert stored_config_of(saved) == ClusterConfig(background_docs=0.0)
    assert same_settings(config_fingerprint(config), ClusterConfig(related_similarity=0.2))  # shown only


def stored_config_of(saved: dict[str, object]) -> ClusterConfig | None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE cluster_meta (key TEXT, value TEXT)")
    conn.execute("INSERT INTO cluster_meta VALUES ('config', ?)", (json.dumps(saved),))
    return stored_config(conn)


def test_stories_stored_with_other_settings_are_refused_naming_them(corpus: dict[str, list[Article]]) -> None:
    with Store.open(":memory:") as store:
        store.add_many(corpus["others"], extractor_version=V)
        place_new_articles(store, ClusterConfig(background_docs=0.0))
        store.add_many(corpus["quake_a"], extractor_version=V)
        refused = r"other \[cluster\] settings \(background_docs = 0\.0\).*--rebuild"
        with pytest.raises(StoreError, match=refused):
            place_new_articles(store)
        assert place_new_articles(store, rebuild=True).placed == len(corpus["others"]) + 3


def test_an_untitled_story_is_listed_by_its_first_line() -> None:
    short = Article(id="u1", source="u/1", body="Palin appointee indicted.\n\nMethinks the milk went sour.")
    long = Article(id="u2", source="u/2", body="Zorvath " * 20 + "\n\nSecond paragraph.")
    with Store.open(":memory:") as store:
        store.add_many([short, long], extractor_version=V)
        place_new_articles(store)
        titles = {r.title for r in list_stories(store)}
    assert titles == {"Palin appointee indicted.", ("Zorvath " * 20)[:79] + "…"}


def test_a_reextracted_article_is_placed_again_and_its_stories_analysed_again(
    tmp_path: Path, corpus: dict[str, list[Article]]
) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        store.add_many([*corpus["quake_a"], *corpus["quake_b"], *corpus["others"]], extractor_version=V)
        refresh_analyses(store, None, place_new_articles(store).changes.touched, annotate=False)
        store.put_stage_results("annotate", "a-1", [("qb3", "{}"), ("qb2", "{}")])
        quake_a, quake_b = story_of(store, "qa1"), story_of(store, "qb1")
        before = analyses(store)
    # a newer extractor reads qb3 as a report of the Varnholm quake, with a date
    moved = replace(corpus["quake_a"][2], id="qb3", source="test/qb3", published="2024-03-05")
    with Store.open(db) as store:
        assert store.add_article(moved, extractor_version="extract-2").status is AddStatus.REEXTRACTED
        assert set(store.stage_results("annotate", "a-1", ["qb3", "qb2"])) == {"qb2"}  # spans of old text go
        assert quake_b not in analyses(store) and quake_a in analyses(store)
        assert rows.count_unplaced(store) == 1
        placement = place_new_articles(store)
        assert placement.placed == 1 and rows.count_unplaced(store) == 0
        assert story_of(store, "qb3") == quake_a
        assert set(placement.changes.touched) == {quake_a, quake_b}
        listed = {r.id: r for r in list_stories(store)}
        assert listed[quake_a].first_date == "2024-03-05"
        assert (listed[quake_a].size, listed[quake_b].size) == (4, 2)
        assert refresh_analyses(store, None, placement.changes.touched, annotate=False) == 2
        after = analyses(store)
        assert {k: v for k, v in after.items() if k not in (quake_a, quake_b)} == {
            k: v for k, v in before.items() if k not in (quake_a, quake_b)
        }
        assert place_new_articles(store).placed == 0


def test_a_reextracted_article_that_stays_gets_its_story_analysed_again(
    corpus: dict[str, list[Article]]
) -> None:
    with Store.open(":memory:") as store:
        store.add_many([*corpus["quake_a"], *corpus["quake_b"]], extractor_version=V)
        refresh_analyses(store, None, place_new_articles(store).changes.touched, annotate=False)
        quake_a = story_of(store, "qa1")
        dated = replace(corpus["quake_a"][0], published="2024-03-05")
        store.add_article(dated, extractor_version="extract-2")
        placement = place_new_articles(store)
        assert story_of(store, "qa1") == quake_a
        assert placement.changes.touched == (quake_a,) and not placement.changes.new
        assert list_stories(store)[0].first_date == "2024-03-05"


def df_rows(store: Store) -> dict[str, int]:
    return {r[0]: r[1] for r in store.connection.execute("SELECT term, n FROM cluster_df")}


def fresh_df(articles: Iterable[Article]) -> dict[str, int]:
    with Store.open(":memory:") as fresh:
        fresh.add_many(articles, extractor_version=V)
        place_new_articles(fresh)
        return df_rows(fresh)


def test_a_reextracted_article_counts_in_the_document_frequencies_with_its_new_terms_only(
    corpus: dict[str, list[Article]]
) -> None:
    articles = {a.id: a for a in [*corpus["quake_a"], *corpus["quake_b"], *corpus["others"]]}
    # a newer extractor reads qa2 without its last sentence and qb1 with another title, and qa3
    # twice over (extract-2, then extract-3) before it is placed again
    qa2, qb1, qa3 = articles["qa2"], articles["qb1"], articles["qa3"]
    cut = replace(qa2, body=qa2.body.rsplit(". ", 1)[0] + ".")
    retitled = replace(qb1, title="Gendarmerie count the damage in Kessel")
    rewritten = replace(qa3, body=qa3.body + "\n\nZorblat Quinnery reported 4,417 tremors.")
    rewritten_again = replace(qa3, body=qa3.body + "\n\nThe Orvelle dam held.")
    final = articles | {a.id: a for a in (cut, retitled, rewritten_again)}
    expected = fresh_df(final.values())
    assert "@zorblat quinnery" not in expected and "@orvelle" in expected
    assert expected != fresh_df(articles.values())
    with Store.open(":memory:") as store:
        store.add_many(articles.values(), extractor_version=V)
        place_new_articles(store)
        store.add_many([cut, retitled, rewritten], extractor_version="extract-2")
        store.add_article(rewritten_again, extractor_version="extract-3")
        assert place_new_articles(store).placed == 3
        assert df_rows(store) == expected
        # a rebuild counts every article afresh: what the queue kept of an old text is not taken out
        store.add_article(qa2, extractor_version="extract-4")
        place_new_articles(store, rebuild=True)
        assert df_rows(store) == fresh_df((final | {"qa2": qa2}).values())


def test_a_stored_story_shows_its_related_stories(corpus: dict[str, list[Article]]) -> None:
    with Store.open(":memory:") as store:
        store.add_many([*corpus["quake_a"], *corpus["quake_b"], *corpus["others"]], extractor_version=V)
        place_new_articles(store)
        quake_a, quake_b = story_of(store, "qa1"), story_of(store, "qb1")
        view = load_story(store, quake_a)
        (related,) = view.related
        assert (related.id, related.title) == (quake_b, "6.4 quake injures 41 in Selmouth")
        assert related.shared[0] == "Ostria Seismological Institute" and related.days_apart is None
        assert load_story(store, quake_b).related[0].id == quake_a
        assert not load_story(store, story_of(store, "o1")).related
        assert not load_story(store, quake_a, ClusterConfig(related_similarity=0.9)).related
        assert view.analysis is None and not view.as_analysis().stories  # not analysed: nothing to show
        refresh_analyses(store, None, (quake_a,))
        (shown,) = load_story(store, quake_a).as_analysis().stories
        assert shown.related == view.related
