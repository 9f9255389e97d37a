"""The pronoun a given name nearly always takes, from the US Census 1990 first-name lists.

The lists come with the ``names`` package (``dist.male.first``, ``dist.female.first``: each name with
the percentage of men, or of women, who bear it). A name counts for one pronoun only when it is
common (at least ``MIN_PERCENT`` of one sex bears it) and at least ``MIN_SHARE`` of its bearers are
of that sex: "Michael", "Mary", "Jose" and "Maria" count; "Kim", "Leslie", "Chris", "Andrea", "Jordan"
and rare names that the other list merely leaves out ("Ma", "Sun") do not.

This is weak evidence, used only for a person the article itself says nothing of
(:mod:`corroborator.annotate.pronouns`), so that "..., she said" does not go to the last "Michael"
named when the article gives no other sign.
"""

from __future__ import annotations

from functools import cache
from importlib import metadata
from pathlib import Path

from corroborator.annotate.pronouns import Gender
from corroborator.errors import CorroboratorError

__all__ = ["MIN_PERCENT", "MIN_SHARE", "given_name_gender", "is_given_name"]

MIN_PERCENT = 0.02  # of one sex bearing the name
MIN_SHARE = 0.98  # of the name's bearers of that sex


def given_name_gender(word: str) -> Gender | None:
    """The pronoun a given name nearly always takes ("Michael": he), else ``None``."""
    return _table().get(word.upper())


def is_given_name(word: str) -> bool:
    """Whether anyone in the lists bears ``word`` as a first name ("Gene", "Kim"; not "Hosting")."""
    return word.upper() in _all_names()


@cache
def _all_names() -> frozenset[str]:
    return frozenset(_percentages("dist.male.first").keys() | _percentages("dist.female.first").keys())


@cache
def _table() -> dict[str, Gender]:
    male, female = _percentages("dist.male.first"), _percentages("dist.female.first")
    table: dict[str, Gender] = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= MIN_PERCENT and m >= MIN_SHARE * (m + f):
            table[name] = Gender.MALE
        elif f >= MIN_PERCENT and f >= MIN_SHARE * (m + f):
            table[name] = Gender.FEMALE
    return table


def _percentages(filename: str) -> dict[str, float]:
    try:  # through the installed distribution: a module of the user's called "names" cannot shadow it
        path = metadata.distribution("names").locate_file(f"names/{filename}")
        text = Path(str(path)).read_text(encoding="ascii")
    except (metadata.PackageNotFoundError, FileNotFoundError) as exc:
        raise CorroboratorError(
            f"the first-name lists ({filename}) of the 'names' package are missing: pip install names"
        ) from exc
    out: dict[str, float] = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            out[fields[0]] = float(fields[1])
    return out
