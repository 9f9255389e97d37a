"""Hand-written mini-corpora for the story clustering tests (fictional places and people)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from corroborator.models import Article


def article(article_id: str, body: str, title: str | None = None, published: str | None = None) -> Article:
    return Article(id=article_id, source=f"test/{article_id}", body=body, title=title, published=published)


# Two earthquakes: same topic, different events (place, magnitude, day, casualties, officials).
QUAKE_A = [
    article(
        "qa1",
        "A magnitude 5.8 earthquake struck the hill town of Varnholm on Tuesday, killing three people and "
        "damaging dozens of homes, the Ostria civil protection agency said.\n\n"
        "The quake hit at 4:12 a.m. about 14 kilometres north of Varnholm, according to the Ostria "
        "Seismological Institute. Governor Pella Harrand said rescue teams were searching two collapsed "
        "buildings in the old quarter.\n\n"
        "Residents of Varnholm spent the night outdoors as aftershocks rattled the valley.",
        "Deadly 5.8 quake hits Varnholm",
    ),
    article(
        "qa2",
        "Three people died when a 5.8-magnitude tremor shook Varnholm early on Tuesday, officials in Ostria "
        "said.\n\n"
        "Governor Pella Harrand told reporters that rescuers were digging through two buildings that "
        "collapsed in the old quarter of Varnholm. The Ostria Seismological Institute placed the "
        "epicentre 14 kilometres north of the town.\n\n"
        "Many Varnholm families slept in their cars for fear of aftershocks.",
    ),
    article(
        "qa3",
        "Rescue teams in Varnholm pulled survivors from the rubble on Tuesday after a magnitude 5.8 quake "
        "left three dead. Governor Pella Harrand said two buildings in the old quarter had fallen.\n\n"
        "The Ostria Seismological Institute recorded several aftershocks above magnitude 4.\n\n"
        "Schools in Varnholm will stay closed until engineers have checked them.",
    ),
]
QUAKE_B = [
    article(
        "qb1",
        "A magnitude 6.4 earthquake rocked the port city of Selmouth on Saturday, injuring 41 people and "
        "cutting power to much of the coast, the Ostria civil protection agency said.\n\n"
        "Mayor Tobin Archer said the harbour wall cracked and two ferries were damaged. The Ostria "
        "Seismological Institute put the epicentre 30 kilometres offshore.\n\n"
        "Hospitals in Selmouth treated the injured, most of them for cuts from broken glass.",
        "6.4 quake injures 41 in Selmouth",
    ),
    article(
        "qb2",
        "Forty-one people were hurt when a 6.4-magnitude quake hit Selmouth on Saturday, according to "
        "Mayor Tobin Archer.\n\n"
        "The earthquake damaged the harbour wall and two ferries and left thousands of Selmouth homes "
        "without power, the Ostria civil protection agency said. The epicentre lay 30 kilometres "
        "offshore, the Ostria Seismological Institute said.",
    ),
    article(
        "qb3",
        "Selmouth began repairing its harbour wall on Saturday after a 6.4 magnitude earthquake injured "
        "41 people. Mayor Tobin Archer said power had been restored to most homes in Selmouth.\n\n"
        "The Ostria civil protection agency sent engineers to inspect the two damaged ferries.",
    ),
]
# One event alone (a folder of its reports): the news, the search, the operator's record, survivors.
FERRY = [
    article(
        "f1",
        "A passenger ferry capsized on Lake Orm on Sunday evening, leaving twelve people missing, the Dravia "
        "coast guard said.\n\nThe Kestrel, carrying 86 passengers, overturned in strong winds near the "
        "island of Hallow. Rescuers pulled 74 people from the water.",
        "Ferry capsizes on Lake Orm",
    ),
    article(
        "f2",
        "Divers searched the cold waters of Lake Orm on Monday for twelve passengers still missing after "
        "the ferry Kestrel overturned.\n\nCaptain Ivo Marren, who survived, told investigators a sudden "
        "squall hit the vessel broadside. Families gathered at the Hallow pier.",
    ),
    article(
        "f3",
        "Questions mounted over the safety record of Orm Lines, the operator of the Kestrel, after "
        "Sunday's disaster.\n\nInspectors had flagged faulty life rafts on the 40-year-old vessel last "
        "spring, documents seen by this newspaper show. The company declined to comment.",
    ),
    article(
        "f4",
        "Survivors of the Lake Orm ferry disaster described scenes of panic as the Kestrel listed and "
        "water poured onto the lower deck.\n\n\"People were screaming and children were crying,\" said "
        "Tamsin Okoro, 34, who swam to a lifeboat with her son. Twelve remain missing.",
    ),
]
# Unrelated short articles.
OTHERS = [
    article(
        "o1",
        "The Kellby city council approved a new cycle lane along Marrow Road on Monday after two years of "
        "debate. Councillor Idris Penhale said the 2.3 kilometre lane would open in spring and cost 4.1 "
        "million crowns.\n\nShop owners on Marrow Road had opposed the plan, fearing the loss of parking.",
    ),
    article(
        "o2",
        "Brannock Rovers signed striker Lucan Tervell from Dunmore Athletic for a club record fee on "
        "Thursday. Tervell, 24, scored 19 goals last season.\n\nRovers manager Hedda Stroud said the "
        "signing showed the club's ambition to win the Ostrian Cup.",
    ),
    article(
        "o3",
        "A new exhibition of glass sculptures by Mira Olenska opened at the Fennick Museum on Friday. "
        "The show brings together 60 works made over four decades.\n\nCurator Aled Vorst said Olenska "
        "had lent several pieces that had never been shown in public.",
    ),
    article(
        "o4",
        "Farmers in the Tessam valley expect a record apple harvest this autumn after a warm, wet summer, "
        "the Tessam Growers Union said on Wednesday.\n\nThe union's chair, Berit Alsen, said prices could "
        "fall by a fifth as a result, squeezing smaller orchards.",
    ),
]


@dataclass(frozen=True, slots=True)
class MiniCorpus:
    quake_a: list[Article]
    quake_b: list[Article]
    others: list[Article]

    @property
    def all(self) -> list[Article]:
        return [*self.quake_a, *self.quake_b, *self.others]


@pytest.fixture
def mini() -> MiniCorpus:
    """Two earthquakes of one topic (three reports each) and four unrelated articles."""
    return MiniCorpus(list(QUAKE_A), list(QUAKE_B), list(OTHERS))


@pytest.fixture
def ferry() -> list[Article]:
    """Four reports of one ferry disaster, nothing else."""
    return list(FERRY)


@pytest.fixture
def make_article() -> type[Article]:
    return Article
