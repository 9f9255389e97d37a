from importlib import metadata

import pytest

from corroborator.annotate import given_names
from corroborator.annotate.given_names import given_name_gender
from corroborator.annotate.pronouns import Gender
from corroborator.errors import CorroboratorError


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Michael", Gender.MALE), ("JAMES", Gender.MALE), ("jose", Gender.MALE),
     ("Mary", Gender.FEMALE), ("Maria", Gender.FEMALE), ("Angela", Gender.FEMALE)],
)  # fmt: skip
def test_common_names_of_one_sex(name: str, gender: Gender) -> None:
    assert given_name_gender(name) is gender


@pytest.mark.parametrize("name", ["Kim", "Leslie", "Chris", "Andrea", "Jordan", "Robin"])
def test_names_borne_by_both_sexes_tell_nothing(name: str) -> None:
    assert given_name_gender(name) is None


@pytest.mark.parametrize("name", ["Ma", "Sun", "Vladimir", "Xi", "Zzyzx"])
def test_rare_or_unlisted_names_tell_nothing(name: str) -> None:
    # "Ma" and "Sun" are in the women's list only, borne by too few to tell ("Ma Ying-jeou")
    assert given_name_gender(name) is None


def test_missing_lists_are_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def absent(name: str) -> metadata.Distribution:
        raise metadata.PackageNotFoundError(name)

    given_names._table.cache_clear()
    monkeypatch.setattr(metadata, "distribution", absent)
    try:
        with pytest.raises(CorroboratorError, match="'names' package"):
            given_name_gender("Michael")
    finally:
        monkeypatch.undo()
        given_names._table.cache_clear()
    assert given_name_gender("Michael") is Gender.MALE
