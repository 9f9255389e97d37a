"""Comparing people's names."""

from __future__ import annotations

from corroborator.annotate.person_names import compatible, group_people, name_words


def test_compatible_names() -> None:
    assert compatible(("vladimir", "v", "putin"), ("vladimir", "putin"))
    assert compatible(("j", "smith"), ("john", "smith"))
    assert not compatible(("alexander", "gabuev"), ("bjorn", "alexander", "duben"))
    assert not compatible(("mikhail", "krutikhin"), ("mikhail", "korostikov"))
    assert compatible(("stan", "perlo"), ("stanley", "perlo"))  # a first name written short
    assert compatible(("william", "hakim"), ("bill", "hakim"))
    assert not compatible(("stan", "perlo"), ("steven", "perlo"))
    assert not compatible(("mike", "krutikhin"), ("michael", "korostikov"))
    assert not compatible(("john", "paul", "smith"), ("john", "peter", "smith"))
    # a surname of two words given alone, after a given name; not a given name, nor a swept-in word
    assert compatible(("boone", "isaacs"), ("cheryl", "boone", "isaacs"))
    assert compatible(("o", "connor"), ("matthew", "o", "connor"))  # "O'Connor"
    assert not compatible(("jose", "garcia"), ("maria", "jose", "garcia"))
    assert not compatible(("hasim", "rahman"), ("american", "hasim", "rahman"))


def test_one_name_spelt_two_ways_is_one_person() -> None:
    words = name_words
    assert compatible(words("Karolos Papoulias"), words("Carolos Papoulias"))  # transliterated
    assert compatible(words("Masoud Dalman"), words("Massoud Dalman"))
    assert compatible(words("Philip Hickok"), words("Philip Hickock"))  # the surname misspelt
    assert compatible(words("Nick J. Rahall II"), words("Nick Rahall"))  # a generational suffix
    assert words("Arcade Joseph Comeaux Jr.") == ("arcade", "joseph", "comeaux")
    assert not compatible(words("Ivan Trump"), words("Ivana Trump"))  # a short name and a letter more
    assert not compatible(words("Dan Smith"), words("Don Smith"))  # too short to call a misspelling
    assert not compatible(words("Carolos Papoulias"), words("Karolos Papoulia"))  # two changes
    assert not compatible(words("T.J. DiLeo"), words("Tony DiLeo"))  # initials that are not his
    assert compatible(words("G. W. Bush"), words("George W. Bush"))


def test_spelling_variants_group_across_a_story() -> None:
    names = ["Karolos Papoulias", "Carolos Papoulias", "Philip Hickock", "Philip Hickok",
             "Mikhail Krutikhin", "Mikhail Korostikov"]  # fmt: skip
    groups, _ = group_people([(name, 40 * i) for i, name in enumerate(names)])
    assert sorted(sorted(g.surfaces) for g in groups) == [
        ["Carolos Papoulias", "Karolos Papoulias"], ["Mikhail Korostikov"], ["Mikhail Krutikhin"],
        ["Philip Hickock", "Philip Hickok"],
    ]


def test_a_surname_alone_in_another_transliteration_is_the_same_person() -> None:
    names = ["Volodymyr Zelensky", "Zelenskyy", "Zelenskiy", "Boris Johnson", "Johnston", "Zelensky"]
    articles = ["a", "b", "b", "a", "b", "a"]
    _, assigned = group_people([(name, 40 * i) for i, name in enumerate(names)], articles)
    zelensky = assigned[0]
    assert assigned[1] is zelensky and assigned[2] is zelensky and assigned[5] is zelensky
    assert assigned[4] is not assigned[3]  # Johnston is no spelling of Johnson
