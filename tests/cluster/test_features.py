"""Article features for story clustering: words, entity-like names, figures, dates, the day."""

from __future__ import annotations

from datetime import date

from corroborator.cluster.features import featurize, parse_day, word_term
from corroborator.config import ClusterConfig
from corroborator.models import Article


def terms(body: str, title: str | None = None, config: ClusterConfig | None = None) -> dict[str, float]:
    article = Article(id="a", source="a", body=body, title=title)
    return dict(featurize(article, config or ClusterConfig()).terms)


def test_names_not_at_sentence_start_are_entities() -> None:
    found = terms("Perennial party girl Tara Reid checked into Promises Treatment Center on Tuesday.")
    assert "@tara reid" in found and "@reid" in found
    assert "@promises treatment center" in found
    assert "@perennial" not in found  # capitalised only because it starts the sentence
    assert "@tuesday" not in found


def test_sentence_initial_name_counts_when_capitalised_elsewhere() -> None:
    found = terms("Lohan entered rehab. Her lawyer said Lohan would stay 90 days.")
    assert "@lohan" in found
    assert "@her" not in found


def test_figures_with_units_and_calendar_dates() -> None:
    found = terms("A 5.8 magnitude quake on May 3 killed 1,200 people, officials said.")
    assert "#5.8" in found and "#5.8 magnitu" in found
    assert "#1200 people" in found
    assert "%05-03" in found and "#3" not in found


def test_entities_weigh_more_than_words_and_stopwords_are_out() -> None:
    found = terms("The mayor met Hilda Varn. The mayor said the mayor would return.")
    assert found["@hilda varn"] > 1.0
    assert found["mayor"] > found["hilda"] or found["@hilda varn"] > found["hilda"]
    assert "the" not in found and "said" not in found
    stronger = terms("The mayor met Hilda Varn.", config=ClusterConfig(entity_weight=4.0))
    assert stronger["@hilda varn"] == 2 * terms("The mayor met Hilda Varn.")["@hilda varn"]


def test_title_words_count_extra() -> None:
    plain = terms("Flooding closed the bridge over the river.")
    titled = terms("Flooding closed the bridge over the river.", title="Bridge closed")
    assert titled["bridge"] > plain["bridge"]
    assert titled["river"] == plain["river"]


def test_lead_terms_count_extra() -> None:
    body = "Rebels seized the port of Arvik on Monday. " + "Residents fled the harbour district. " * 12
    found = terms(body, config=ClusterConfig(lead_words=10))
    flat = terms(body, config=ClusterConfig(lead_weight=0.0))
    assert found["seized"] > flat["seized"] and found["@arvik"] > flat["@arvik"]
    assert found["harbour"] == flat["harbour"]  # after the lead: no extra weight
    cut = terms("Talks led by Deputy Luis Ortega Salas resumed.", config=ClusterConfig(lead_words=5))
    assert "@deputy luis ortega salas" in cut  # a name cut by the lead's end still counts whole


def test_word_terms_are_folded_and_cut() -> None:
    assert word_term("Rehabilitation") == "rehabil"
    assert word_term("Reid's") == "reid"
    assert word_term("the") is None and word_term("42") is None


def test_publication_day() -> None:
    assert parse_day("2013-05-03") == date(2013, 5, 3).toordinal()
    assert parse_day("2013-05-03T10:00:00Z") == date(2013, 5, 3).toordinal()
    assert parse_day(None) is None and parse_day("2013") is None and parse_day("2013-13-45") is None
    article = Article(id="a", source="a", body="Text.", published="2020-01-02")
    assert featurize(article, ClusterConfig()).day == date(2020, 1, 2).toordinal()


def test_words_of_any_script_are_terms_and_other_languages_lose_their_stopwords() -> None:
    body = "Городской совет Лорвика решил построить вторую трамвайную линию, что было давно обещано."
    article = Article(id="r", source="r", body=body, language="ru")
    found = dict(featurize(article, ClusterConfig()).terms)
    assert "городск" in found and "трамвай" in found  # Cyrillic words, cut like any other
    assert "что" not in found and "было" not in found  # Russian function words: spaCy's list
    assert "@condé nast" in terms("The magazine was sold to Condé Nast last year.")  # accented letters
