from corroborator.vocab import word_set


def test_a_word_list_written_as_text() -> None:
    assert word_set(" said  says\ntold ") == frozenset({"said", "says", "told"})
    assert word_set("") == frozenset()
