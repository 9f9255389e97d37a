"""Win-loss records and knockout counts read as figures, and what is not a record."""

from __future__ import annotations

import pytest

from corroborator.annotate.quantities import find_quantities
from corroborator.annotate.records import find_records, record_part


def texts(body: str) -> list[tuple[str, float]]:
    return [(q.text, q.value) for q in find_records(body)]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Wladimir Klitschko (52-3, 46 KOs) blasted Hasim Rahman (45-7-2, 36 KOs) in Mannheim.",
         [("52", 52), ("3", 3), ("46 KOs", 46), ("45", 45), ("7", 7), ("2", 2), ("36 KOs", 36)]),
        ("Champion Wladimir Klitschko, 53-3, 47 KO's, easily dismantled Rahman.",
         [("53", 53), ("3", 3), ("47 KO's", 47)]),
        ("The win took Klitschko's record to 52-3.", [("52", 52), ("3", 3)]),
        ("The 76ers, improving their record to 7-6, had a 38-44 mark last season.",
         [("7", 7), ("6", 6), ("38", 38), ("44", 44)]),
        ("Boston improves to 58-3 at home.", [("58", 58), ("3", 3)]),  # a range runs up, a record need not
        ("Columbus improved to 8-8-4 with the win.", [("8", 8), ("8", 8), ("4", 4)]),  # wins, losses, ties
        ("Cleveland was 20-3 at the time; the Sixers are 9-14.",
         [("20", 20), ("3", 3), ("9", 9), ("14", 14)]),
        ("Liverpool were 2-0 up at halftime. The vote was 5-4 on Tuesday.", []),  # a score, a vote
        # ranges, scores, votes, dates and codes are no records
        ("About 10-15 people were hurt in the 3-1 win, and the court ruled 5-4 on 11-09-2010.", []),
        ("Eastern Michigan rolled past Northern Illinois, 45-17, on Tuesday night.", []),  # a score
        ("He wore number 23-B (the 1990-91 season) in Mannheim (Germany).", []),
    ],
)  # fmt: skip
def test_records_are_read_where_the_text_says_they_are(body: str, expected: list[tuple[str, float]]) -> None:
    assert texts(body) == expected


def test_records_join_the_other_figures_without_overlap() -> None:
    body = "Klitschko (52-3, 46 KOs) beat Rahman before 12,000 fans; about 10-15 people were hurt."
    found = [(q.text, q.value, q.unit) for q in find_quantities(body)]
    assert found == [
        ("52", 52, "count"), ("3", 3, "count"), ("46 KOs", 46, "count"),
        ("12,000 fans", 12000, "count"), ("about 10-15 people", 10, "count"),
    ]  # fmt: skip
    parts = [record_part(body, q) for q in find_quantities(body)]
    assert parts == ["wins", "losses", None, None, None]
