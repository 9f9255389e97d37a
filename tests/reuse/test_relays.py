"""One newsroom's reports without shared text: an outlet's own stories, and credited relays."""

from __future__ import annotations

from dataclasses import replace

import pytest

from corroborator.config import ReuseConfig
from corroborator.errors import ConfigError
from corroborator.models import Article, Passage, ReuseKind, ReuseLink, Span
from corroborator.reuse.provenance import independent_reports
from corroborator.reuse.relays import (
    credited_outlets,
    newsroom_links,
    outlet_key,
    relayed,
    same_outlet,
)

FILLER = " ".join(["The studio declined to comment on the talks."] * 12)


def art(ident: str, body: str, **kwargs: str) -> Article:
    return Article(id=ident, source=f"{ident}.txt", body=body, **kwargs)  # type: ignore[arg-type]


def test_outlet_keys_and_initials() -> None:
    assert outlet_key("The Hollywood Reporter") == "hollywood reporter"
    assert outlet_key("People magazine") == "people"
    assert outlet_key("the Daily News.") == "daily news"
    assert same_outlet("thr", "hollywood reporter")  # initials with "The"
    assert same_outlet("la times", "los angeles times")
    assert same_outlet("ap", "associated press")
    assert not same_outlet("times", "new york times")  # one word may be any of several
    assert not same_outlet("nyt", "hollywood reporter")


def test_credits_name_outlets_not_people_or_pronouns() -> None:
    body = (
        "Now, THR is reporting that Ross is in tense talks. According to Michael Silverman of the "
        "Boston Herald, the offer is for eight years. Police said the road was closed. Her rep "
        "tells People magazine she is fine. Reid told I was wrong, according to her publicist. "
        '"We won," Hill said. Emily Post says so. Her rep told UsMagazine.com. Ken Rosenthal of Fox '
        "Sports reports more. Voice of America reported it. A witness told the Times so."
    )
    credits = credited_outlets(art("a", body), ["hollywood reporter"])
    assert [(c.outlet, c.key) for c in credits] == [
        ("THR", "hollywood reporter"),
        ("Boston Herald", "boston herald"),
        ("People", "people"),  # a known outlet
        ("UsMagazine.com", "us weekly"),  # a known site: the outlet it is
        ("Fox Sports", "fox sports"),  # a reporter of an outlet: the outlet
        ("Voice of America", "voice of america"),  # a known outlet, "of" and all
        ("Times", "times"),  # "the Times": an outlet (a bare "Times" may be a surname)
    ]  # not "Hill" (a person; the outlet is "The Hill"), nor "Emily Post"
    first = credits[0]
    assert body[first.span.start : first.span.end] == "THR"


def test_a_relay_credits_one_outlet_early_or_twice() -> None:
    config = ReuseConfig()
    early = art("early", "The Hollywood Reporter says Ross is in talks. " + FILLER)
    late = art("late", FILLER + " The Hollywood Reporter says Ross is in talks.")
    twice = art("twice", FILLER + " THR says so. " + FILLER + " The Hollywood Reporter says so.")
    roundup = art("roundup", "ESPN is reporting an offer; SI.com is reporting more. " + FILLER)
    pair = art("pair", "The Hollywood Reporter and Collider are reporting that he is in talks. " + FILLER)
    own = art("own", "The Hollywood Reporter has learned of the talks. " + FILLER,
              outlet="The Hollywood Reporter")
    story = ["hollywood reporter"]
    got = relayed(early, story, config)
    assert got is not None and got.key == "hollywood reporter"
    assert relayed(late, story, config) is None  # a detail borrowed late, once
    assert relayed(twice, story, config) is not None
    assert relayed(roundup, story, config) is None  # several outlets: a round-up of its own
    assert relayed(pair, story, config) is None
    assert relayed(own, story, config) is None  # its own outlet is no credit


def test_relays_join_the_outlet_and_each_other_within_days() -> None:
    thr = art("thr", "Ross is in tough talks, sources say. " + FILLER, outlet="The Hollywood Reporter",
              published="2012-04-04")
    blog = art("blog", "THR is reporting that Ross is in talks. " + FILLER, published="2012-04-04")
    other = art("other", "According to The Hollywood Reporter, talks go on. " + FILLER)
    week = art("week", "The Hollywood Reporter says talks resume. " + FILLER, published="2012-04-12")
    alone = art("alone", "Ross is in talks, the director's agent said. " + FILLER)
    articles = [thr, blog, other, week, alone]
    ties = list(newsroom_links(articles, ReuseConfig()))
    assert {(t.article, t.other) for t in ties} == {
        ("blog", "thr"), ("other", "thr"), ("other", "blog"), ("other", "week")
    }
    blog_tie = next(t for t in ties if (t.article, t.other) == ("blog", "thr"))
    assert blog_tie.reason == "relays The Hollywood Reporter"
    assert blog_tie.evidence is not None
    assert blog_tie.evidence.text == "THR is reporting that Ross is in talks."
    assert blog.body[blog_tie.evidence.span.start : blog_tie.evidence.span.end] == blog_tie.evidence.text
    reports = independent_reports(articles, [], None)
    assert [(r.article_ids, r.origin) for r in reports] == [
        (("blog", "other", "thr", "week"), "The Hollywood Reporter, own reporting"),
        (("alone",), "own reporting"),
    ]
    # each report keeps the ties that joined it, one fewer than its articles: what explains it
    joined = [(t.article, t.other) for t in reports[0].ties]
    assert joined == [("blog", "thr"), ("other", "thr"), ("other", "week")]
    assert reports[1].ties == ()
    relays_only = independent_reports([blog, other], [], None)
    assert [r.origin for r in relays_only] == ["The Hollywood Reporter, relayed"]
    off = ReuseConfig(relay_reports=False)
    assert len(independent_reports(articles, [], None, off)) == 5


def test_one_outlets_stories_are_one_report_unless_bylined_apart() -> None:
    monday = art("mon", "A fire broke out at the store. " + FILLER, outlet="BBC")
    tuesday = art("tue", "A man was charged with arson. " + FILLER, outlet="BBC")
    wire = art("wire", "Talks went on. " + FILLER, outlet="The Moscow Times", byline="AFP")
    staff = art("staff", "Putin arrived. " + FILLER, outlet="The Moscow Times", byline="Pyotr Kozlov")
    one = art("one", "A column. " + FILLER, outlet="Examiner.com", byline="Jane Roe")
    two = art("two", "Another column. " + FILLER, outlet="Examiner.com", byline="John Doe")
    articles = [monday, tuesday, wire, staff, one, two]
    reports = independent_reports(articles, [], None)
    assert [(r.article_ids, r.origin) for r in reports] == [
        (("mon", "tue"), "BBC, own reporting"),
        (("wire",), "AFP wire"),
        (("staff",), "The Moscow Times, own reporting"),
        (("one",), "Examiner.com, own reporting"),
        (("two",), "Examiner.com, own reporting"),
    ]
    assert len(independent_reports(articles, [], None, ReuseConfig(newsroom_reports=False))) == 6


def test_a_forums_reposts_of_other_reports_stay_apart() -> None:
    """Two posts on one forum, each a copy of another outlet's report: the forum is no newsroom, so
    its outlet does not chain the two reports into one."""
    first, second = art("first", "One. " + FILLER), art("second", "Two. " + FILLER)
    posts = [art(f"post{n}", "Reposted. " + FILLER, outlet="Free Forum") for n in (1, 2)]
    links = [
        ReuseLink("first", "post1", ReuseKind.VERBATIM, 0.9, (Passage(Span(0, 300), Span(0, 300)),)),
        ReuseLink("second", "post2", ReuseKind.VERBATIM, 0.9, (Passage(Span(0, 300), Span(0, 300)),)),
    ]
    reports = independent_reports([first, second, *posts], links, None)
    assert sorted(r.article_ids for r in reports) == [("first", "post1"), ("post2", "second")]
    # a newsroom's follow-up that reuses its own earlier story is still its own
    column = art("column", "Our own view. " + FILLER, outlet="Free Forum")
    own = [replace(first, outlet="Free Forum"), second, *posts, column]
    assert sorted(r.article_ids for r in independent_reports(own, links, None)) == [
        ("column", "first", "post1"),
        ("post2", "second"),
    ]


@pytest.mark.parametrize("field,value", [("relay_credit_share", 1.5), ("relay_max_days", -1)])
def test_relay_settings_are_checked(field: str, value: float) -> None:
    with pytest.raises(ConfigError):
        ReuseConfig(**{field: value})  # type: ignore[arg-type]


def test_ties_join_a_large_story_with_few_ties() -> None:
    """An outlet's articles chain (an unsigned one joins each byline's), and relays of one outlet
    chain by date: as many ties as joins, not one per pair."""
    planet = [
        art(f"p{n}", "Text. " + FILLER, outlet="Daily Planet", **({"byline": by} if by else {}))
        for n, by in enumerate(["Lois Lane", "Lois Lane", "Clark Kent", "", ""])
    ]
    ties = list(newsroom_links(planet, ReuseConfig(relay_reports=False)))
    assert len(ties) == 4  # p0-p1 (Lane), p3-p4 (unsigned), p3-p0, p3-p2
    assert len(independent_reports(planet, [], None)) == 1
    days = ["2024-05-01", "2024-05-03", "2024-05-05", "2024-05-20"]
    bugle = "The Daily Herald reported the fire. " + FILLER
    relays = [art(f"r{n}", bugle, published=day) for n, day in enumerate(days)]
    joined = [(t.article, t.other) for t in newsroom_links(relays, ReuseConfig())]
    assert joined == [("r0", "r1"), ("r1", "r2")]  # within two days of the one before; not the 20th
    assert [r.article_ids for r in independent_reports(relays, [], None)] == [("r0", "r1", "r2"), ("r3",)]
