"""Direct quotations and their speakers, on hand-written sentences parsed by the packaged model."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from corroborator.annotate.quotes import find_quotes
from corroborator.annotate.speakers import _clean_description
from corroborator.models import Quote

if TYPE_CHECKING:
    from spacy.language import Language

spacy = pytest.importorskip("spacy")


def quotes(nlp: Language, text: str) -> tuple[Quote, ...]:
    found = find_quotes(nlp(text))
    for q in found:
        assert text[q.span.start : q.span.end] == q.text
        assert q.text[:1] not in "\"'“”‘’" and q.text[-1:] not in '"“”‘’'
    return found


def only(found: tuple[Quote, ...], start: str) -> Quote:
    hits = [q for q in found if q.text.startswith(start)]
    assert len(hits) == 1, found
    return hits[0]


def test_said_after_quote_with_description_and_told_to(nlp: Language) -> None:
    text = (
        '"The harbour will reopen by the end of the month," Joseph Webster, senior fellow at the Atlantic '
        "Council's Global Energy Center, told AFP."
    )
    (q,) = quotes(nlp, text)
    assert q.text == "The harbour will reopen by the end of the month"
    assert q.speaker == "Joseph Webster"
    assert q.description == "senior fellow at the Atlantic Council's Global Energy Center"
    assert q.told_to == "AFP"
    assert q.cue == "told"
    assert not q.partial
    assert q.speaker_span is not None and text[q.speaker_span.start : q.speaker_span.end] == "Joseph Webster"


def test_a_name_before_an_aside_that_ends_at_the_cue_speaks(nlp: Language) -> None:
    (q,) = quotes(nlp, '"We are cooperating," Ann Brook, speaking to the BBC, said.')
    assert (q.speaker, q.told_to) == ("Ann Brook", "BBC")
    (q,) = quotes(nlp, '"The president has the final say," Maria Lopez, who herds camels, told the agency.')
    assert q.speaker == "Maria Lopez"


def test_an_age_or_words_not_set_off_are_no_description(nlp: Language) -> None:
    (q,) = quotes(nlp, '"We are cooperating," Ann Brook, 54, said.')
    assert (q.speaker, q.description) == ("Ann Brook", None)
    text = 'A judge handed Ola Nordmann today four life sentences.\n\n"It is over," Nordmann said.'
    (q,) = quotes(nlp, text)
    assert (q.speaker, q.description) == ("Ola Nordmann", None)


@pytest.mark.parametrize(
    ("text", "told_to"),
    [
        ('"We are cooperating," said Ann Brook when contacted by Reuters.', "Reuters"),
        ('"We are cooperating," Ann Brook said in comments to Reuters.', "Reuters"),
        ('"We are cooperating," Ann Brook said in an email to The Associated Press.', "The Associated Press"),
        ('"We are cooperating," Ann Brook said in an interview with CNN.', "CNN"),
        ('"We are cooperating," Ann Brook said when asked about the inquiry.', None),
    ],
)
def test_the_outlet_a_quotation_was_given_to(nlp: Language, text: str, told_to: str | None) -> None:
    (q,) = quotes(nlp, text)
    assert (q.speaker, q.told_to) == ("Ann Brook", told_to)


@pytest.mark.parametrize(
    ("text", "speaker", "description"),
    [
        ('"We are just shocked," said her nephew, Ravi Singh, 32, of Coney Island.', "Ravi Singh", "nephew"),
        (
            "The vice president of the civil servants' union, Elias Vrettakos, told Sky News: "
            '"The measures abolish our rights."',
            "Elias Vrettakos",
            "vice president of the civil servants' union",
        ),
        ('"It spread," a spokeswoman for the fire brigade, Ann Kerr, said.', "Ann Kerr",
         "spokeswoman for the fire brigade"),
    ],
)
def test_a_common_noun_subject_with_a_name_set_off_after_it(
    nlp: Language, text: str, speaker: str, description: str
) -> None:
    (q,) = quotes(nlp, text)
    assert (q.speaker, q.description) == (speaker, description)
    assert q.speaker_span is not None and text[q.speaker_span.start : q.speaker_span.end] == speaker


@pytest.mark.parametrize(
    "attribution", ["she is quoted as saying", "Pappas was heard saying", "Ann Pappas was reported as saying"]
)
def test_the_passive_subject_of_quoted_as_saying_speaks(nlp: Language, attribution: str) -> None:
    text = f"Ann Pappas runs a phone store.\n\n“The government should resign,” {attribution}."
    (q,) = quotes(nlp, text)
    assert (q.speaker, q.cue) == ("Ann Pappas", "saying")


@pytest.mark.parametrize(
    ("after", "speaker"),
    [
        ("she said.", "Ann Pappas"),
        ("Pappas told Reuters on Monday.", "Ann Pappas"),
        ("The store was looted twice, police said.", None),  # that sentence's own attribution
        ("Jon Brook, a teacher, said the police had failed.", None),  # he said something else
        ("said Ann Pappas, who runs a phone store in Athens that has been looted twice.", "Ann Pappas"),
        ("Pappas said, adding she was not afraid.", "Ann Pappas"),
    ],
)
def test_a_sentence_that_only_attributes_follows_a_full_stop(
    nlp: Language, after: str, speaker: str | None
) -> None:
    text = f"Ann Pappas runs a phone store.\n\n“The government should resign. It failed us.” {after}"
    (q,) = quotes(nlp, text)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("after", "speaker"),
    [
        ("Pappas said.", "Ann Pappas"),
        ("Pappas said, adding she was not afraid.", "Ann Pappas"),
        ("Pappas said the store was looted twice.", None),  # a sentence of its own
        ("Pappas said. Then she left.", None),  # more than the attribution
    ],
)
def test_a_paragraph_that_only_attributes_follows_a_quotation_ending_its_own(
    nlp: Language, after: str, speaker: str | None
) -> None:
    text = f"Ann Pappas runs a phone store.\n\n“The government should resign. It failed us.”\n\n{after}"
    (q,) = quotes(nlp, text)
    assert q.speaker == speaker


def test_two_speakers_speak_together_but_a_description_set_off_is_no_second(nlp: Language) -> None:
    text = (
        "“We are thrilled,” said Craig Zadan and Neil Meron.\n\n"
        "“They help extend our reach,” says Chris Early, senior vp partnerships and revenue at Ubisoft."
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Craig Zadan and Neil Meron", "Chris Early"]


def test_a_surname_after_an_inverted_cue_speaks_whatever_the_parser_tags_it(nlp: Language) -> None:
    text = (
        "Analyst Zachary Fadem cut his forecast.\n\n"
        "“Excluding these items, we believe sales would have been higher,” wrote Fadem in a Tuesday "
        "research report."
    )
    doc = nlp(text)
    fadem = next(t for t in doc if t.text == "Fadem" and t.idx > text.index("wrote"))
    # as the parser read it in a scraped report: the surname an organisation, the verb's object
    others = [e for e in doc.ents if not e.start <= fadem.i < e.end]
    doc.ents = sorted([*others, spacy.tokens.Span(doc, fadem.i, fadem.i + 1, "ORG")], key=lambda e: e.start)
    fadem.dep_ = "dobj"
    (q,) = find_quotes(doc)
    assert q.speaker == "Zachary Fadem"


def test_a_titles_period_does_not_end_the_attribution(nlp: Language) -> None:
    text = (
        "Police Constable Tim Fanning spoke to reporters.\n\n"
        "“The shock was tremendous but everyone got out safely,” Const. Fanning said."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Tim Fanning"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Relatives are skeptical; his sister Mahnefah Gray said, “They killed my brother for no reason.”",
         "Mahnefah Gray"),
        ("“We are thrilled,” producers Craig Zadan and Neil Meron said in a statement.",
         "Craig Zadan and Neil Meron"),
        ("“What we are doing is clarifying the threshold,” Kempthorne maintained.", "Kempthorne"),
    ],
)
def test_a_name_right_after_its_noun_and_verbs_that_speak_without_an_object(
    nlp: Language, text: str, speaker: str | None
) -> None:
    assert [q.speaker for q in quotes(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Below is a statement by Francesca Grifo, director of the program:\n\n“The rules are repaired.”",
         "Francesca Grifo"),
        ("A statement from Ann Brook said: “The rules have been repaired.”", "Ann Brook"),
        ("A statement from the family said: “We are grateful for the support.”", None),
    ],
)
def test_a_statement_by_someone(nlp: Language, text: str, speaker: str | None) -> None:
    (q,) = quotes(nlp, text)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Andrew Wetzler, director of the program, commented,\n\n“This administration rejected the science.”",
         "Andrew Wetzler"),
        ("Andrew Wetzler says his group will probably sue:\n\n“This administration rejected the science.”",
         "Andrew Wetzler"),
        ("“Please stay out of our community,” Jumaane Williams fumed on Twitter.", "Jumaane Williams"),
        ('"The duty is paid at the border," Ann Brook, a tax fellow, has written.', "Ann Brook"),
        ("“He could have had a more successful career,” Sam Lee, the editor in chief, said, “if he had been "
         "more disciplined about his writing” and stuck to one genre, or written a series. “But Tom wanted "
         "to write what he wanted to write.”", "Sam Lee"),  # "written a series" is no second cue
    ],
)
def test_introductions_and_angry_verbs(nlp: Language, text: str, speaker: str | None) -> None:
    found = quotes(nlp, text)
    assert found and all(q.speaker == speaker for q in found)


def test_abbreviated_titles_are_no_part_of_the_name(nlp: Language) -> None:
    text = (
        "As for the Red Sox, GM Theo Epstein has not uttered Teixeira's name in any interviews.\n\n"
        '"I think there is a chance of it," he said.\n\n'
        "District Attorney Gail Fairman spoke first.\n\n"
        "“She returned like a grim reaper,” says ADA Fairman, “and she only shot the ones she blamed.”"
    )
    found = quotes(nlp, text)
    assert only(found, "I think").speaker == "Theo Epstein"
    assert only(found, "She returned").speaker == "Gail Fairman"
    cooley = '"This is the crime the death penalty was made for," said Dist. Atty. Steve Cooley.'
    assert [q.speaker for q in quotes(nlp, cooley)] == ["Steve Cooley"]
    # a position's initials the NER ran into the name, with the team before them
    brawl = (
        "Harbor DL Sheldon Marsh, however, weighed in on Monday, saying the league should act.\n\n"
        'Marsh, via the Lorvik Courier, said that the quarterback "asked for it. He was protecting himself."'
    )
    assert [q.speaker for q in quotes(nlp, brawl)] == ["Sheldon Marsh"]


def test_a_place_the_ner_set_apart_before_a_name_is_no_part_of_it(nlp: Language) -> None:
    text = (
        "China’s ambassador to Britain Liu Xiaming has said that China has the “resolution and power” to "
        "end the unrest.\n\n"
        "Liu said that the army could be deployed, warning: “They are already there in the garrison.\n\n"
        "“If the situation becomes uncontrollable, the central government would not sit and watch.”"
    )
    found = quotes(nlp, text)
    assert only(found, "If the situation").speaker == "Liu Xiaming"
    reporter = 'The Hollywood Reporter said: "The show will return next year."'
    assert [q.speaker for q in quotes(nlp, reporter)] == [None]


def test_a_gerund_opening_a_sentence_is_no_first_name(nlp: Language) -> None:
    text = (
        "Apple CEO Tim Cook spoke at the conference on Tuesday.\n\n"
        'Hosting Cook at Dreamforce "is our dream," Marc Benioff said.\n\n'
        '"I can feel his presence when I come here," Cook said.'
    )
    assert only(quotes(nlp, text), "I can feel").speaker == "Tim Cook"


def test_maintaining_a_thing_is_no_speech(nlp: Language) -> None:
    text = "The US Embassy maintains its own air monitor, which rated the air “hazardous.”"
    assert quotes(nlp, text) == ()  # a scare quote: a word nobody is said to have said


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We looked at it," explains Team Leader Jennifer Ngo-Anh.', "Jennifer Ngo-Anh"),
        ("Cheuk Hau-yip, the commander of the district, said: “They have to face the consequences.”",
         "Cheuk Hau-yip"),
        ('"We worked on the design," comments Robin Biesbroek of the design centre.', "Robin Biesbroek"),
    ],
)
def test_hyphenated_names_and_comments(nlp: Language, text: str, speaker: str) -> None:
    (q,) = quotes(nlp, text)
    assert q.speaker == speaker


def test_a_surname_tagged_a_place_speaks_after_a_full_name_with_a_first_name(nlp: Language) -> None:
    text = (
        "The company named Marcelo Claure its executive chair on Monday.\n\n"
        "“We are going to scale back certain functions,” added Claure, who also works at SoftBank."
    )
    doc = nlp(text)
    full = doc.char_span(text.index("Marcelo"), text.index(" its"), label="ORG")
    start = text.index("Claure, who")
    place = doc.char_span(start, start + len("Claure"), label="GPE")
    assert full is not None and place is not None
    others = [e for e in doc.ents if e.end <= full.start or full.end <= e.start]
    others = [e for e in others if e.end <= place.start or place.end <= e.start]
    doc.ents = sorted([*others, full, place], key=lambda e: e.start)
    (q,) = find_quotes(doc)
    assert q.speaker == "Marcelo Claure"


def test_the_name_right_after_an_inverted_cue_speaks_when_the_parse_gives_it_no_subject(
    nlp: Language,
) -> None:
    text = (
        "Victims' relatives said any victory was hollow.\n\n"
        "“I don't think he won,” said Christina Greenway, daughter of the court reporter Nichols murdered."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Christina Greenway"


def test_titles_in_quotation_marks_are_not_quotations(nlp: Language) -> None:
    text = (
        "“A strike would be horrible,” said Ron Howard, the director of “A Beautiful Mind” whose "
        "latest film, “Frost/Nixon,” is a contender. She starred in “Take Me Out to the Ball Game.”"
    )
    assert [(q.text, q.speaker) for q in quotes(nlp, text)] == [("A strike would be horrible", "Ron Howard")]
    said = "“John McCain is so old,” she joked, according to Ann Brook."
    assert [q.text for q in quotes(nlp, said)] == ["John McCain is so old"]


def test_split_quote_gives_two_attributed_records(nlp: Language) -> None:
    text = (
        "Mayor Ann Brook visited the site on Monday.\n\n"
        '"We will rebuild the bridge," she said, "and we will do it before the winter comes."'
    )
    first, second = quotes(nlp, text)
    assert first.text == "We will rebuild the bridge"
    assert second.text == "and we will do it before the winter comes."
    assert first.speaker == second.speaker == "Ann Brook"


def test_multi_sentence_quote_is_one_record(nlp: Language) -> None:
    text = (
        "\"Ideally, the city wants new contracts, but they won't happen now. Costs are too high. And the "
        'suppliers know it," said Alexander Holm, a leading expert on ports, to The Harbour Gazette.'
    )
    (q,) = quotes(nlp, text)
    assert q.text.startswith("Ideally") and q.text.endswith("know it")
    assert q.speaker == "Alexander Holm"
    assert q.told_to == "The Harbour Gazette"
    assert q.description == "a leading expert on ports"


def test_multi_paragraph_quote_keeps_its_speaker(nlp: Language) -> None:
    text = (
        '"The first ship arrived at dawn," said Tom Hale, the harbour master. "By noon we had three more '
        "waiting outside the breakwater.\n\n"
        '"Then the storm came and we had to close the port."'
    )
    found = quotes(nlp, text)
    assert [q.speaker for q in found] == ["Tom Hale"] * 3
    assert found[1].text == "By noon we had three more waiting outside the breakwater."
    assert found[2].text.startswith("Then the storm came")


def test_continuation_paragraph_takes_previous_speaker(nlp: Language) -> None:
    text = (
        '"Prices have doubled since the spring," Peter Novak, an analyst at Northgate Bank, said.\n\n'
        '"Nobody expects them to fall before the election."'
    )
    first, second = quotes(nlp, text)
    assert first.speaker == second.speaker == "Peter Novak"
    assert second.cue is None


def test_quote_after_attribution_in_same_paragraph(nlp: Language) -> None:
    text = '"The pipeline will not be built this decade," Orlov said. "It may take twenty years."'
    first, second = quotes(nlp, text)
    assert first.speaker == second.speaker == "Orlov"


def test_partial_quote_speaker_is_subject_of_relative_clause(nlp: Language) -> None:
    text = (
        'All eyes are on Governor Lisa Park, who last week told reporters in Albany she had "firmly '
        'rejected" the proposal to sell the port.'
    )
    (q,) = quotes(nlp, text)
    assert q.text == "firmly rejected"
    assert q.partial
    assert q.speaker == "Lisa Park"


def test_partial_quote_with_said(nlp: Language) -> None:
    text = (
        "Piet Vos runs the terminal.\n\n"
        'Vos said the company would "cover all reasonable costs" for the families.'
    )
    (q,) = quotes(nlp, text)
    assert q.partial and q.speaker == "Piet Vos" and q.cue == "said"


def test_pronoun_resolves_to_last_named_person(nlp: Language) -> None:
    text = (
        "Sara Klein has studied the river for a decade.\n\n"
        '"The water is cleaner than it was twenty years ago," she said.'
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Sara Klein"
    assert q.speaker_span is not None and text[q.speaker_span.start : q.speaker_span.end] == "she"


def test_surname_and_honorific_resolve_to_fullest_name(nlp: Language) -> None:
    text = (
        "Mikhail Orlov, of the independent consultancy GasWatch, has followed the project for years.\n\n"
        '"The price will decide everything," Mr. Orlov said.'
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Mikhail Orlov"


def test_description_before_the_name(nlp: Language) -> None:
    text = '"All sixty staff were accounted for within minutes," company spokesman Piet Lindberg said.'
    (q,) = quotes(nlp, text)
    assert q.speaker == "Piet Lindberg"
    assert q.description == "company spokesman"


@pytest.mark.parametrize(
    ("attribution", "listener"),
    [
        ("Anna Berg told AFP", "AFP"),
        ("Anna Berg told The Daily Courier", "The Daily Courier"),
        ("said Anna Berg, an economist, to The Daily Courier", "The Daily Courier"),
        ("Anna Berg said in an interview with Reuters", "Reuters"),
        ("Anna Berg said, speaking to the BBC", "BBC"),
        ("Anna Berg told CNN affiliate WDIV-TV", "WDIV-TV"),  # the kind of outlet is no part of its name
        ("Anna Berg told the student news agency ISNA", "ISNA"),
    ],
)
def test_told_to_variants(nlp: Language, attribution: str, listener: str) -> None:
    (q,) = quotes(nlp, f'"The reform will cost more than anyone admits," {attribution}.')
    assert q.speaker == "Anna Berg"
    assert q.told_to == listener


def test_according_to(nlp: Language) -> None:
    text = '"Costs will double by next spring," according to Ellen Marsh, an economist at Tollbridge Bank.'
    (q,) = quotes(nlp, text)
    assert q.speaker == "Ellen Marsh"
    assert q.cue == "according to"


def test_no_speaker_cue_means_no_speaker(nlp: Language) -> None:
    text = (
        "The bridge closed on Monday.\n\n"
        '"Everything on the north bank is shut until further notice."\n\n'
        'Posters promising to "build back stronger together" covered the walls.'
    )
    found = quotes(nlp, text)
    assert len(found) == 2
    assert all(q.speaker is None for q in found)


def test_unnamed_speakers_stay_none(nlp: Language) -> None:
    text = (
        '"The fire could burn for days," officials said. '
        'Experts warned the tanks were "notoriously hard to cool".'
    )
    found = quotes(nlp, text)
    assert [q.speaker for q in found] == [None, None]
    assert [q.cue for q in found] == ["said", "warned"]


def test_scare_quotes_without_cue_are_skipped(nlp: Language) -> None:
    text = (
        'The country has so far offered only "non-lethal" support, and the two leaders call each other '
        '"dear friends" in public.\n\n'
        "'Unlimited possibilities'"
    )
    assert quotes(nlp, text) == ()


def test_short_quote_with_speaker_cue_is_kept_as_partial(nlp: Language) -> None:
    text = 'Chief Fire Officer Dana Okafor called the night "the longest" of her career.'
    (q,) = quotes(nlp, text)
    assert q.partial and q.speaker == "Dana Okafor" and q.cue == "called"


def test_apostrophes_are_not_quote_marks(nlp: Language) -> None:
    text = (
        "Russia's exports in the '90s didn't grow, and the countries' partnership wasn't tested. "
        "Russia’s officials don’t comment on rock ’n’ roll."
    )
    assert quotes(nlp, text) == ()


def test_nested_single_quotes_stay_inside(nlp: Language) -> None:
    text = (
        "\"Beijing has kept a posture of 'pro-Russia neutrality' throughout the war,\" Anna Berg, a policy "
        "fellow at the Northgate Institute, told AFP."
    )
    (q,) = quotes(nlp, text)
    assert q.text == "Beijing has kept a posture of 'pro-Russia neutrality' throughout the war"
    assert q.speaker == "Anna Berg"


def test_curly_and_straight_marks_read_alike(nlp: Language) -> None:
    straight = quotes(nlp, '"We drilled for exactly this," Kwame Osei said.')
    curly = quotes(nlp, "“We drilled for exactly this,” Kwame Osei said.")
    single = quotes(nlp, "‘We drilled for exactly this,’ Kwame Osei said.")
    assert [(q.text, q.speaker) for q in straight] == [(q.text, q.speaker) for q in curly]
    assert [(q.text, q.speaker) for q in single] == [(q.text, q.speaker) for q in curly]
    assert curly[0].speaker == "Kwame Osei"


def test_coordinated_speakers_speak_together(nlp: Language) -> None:
    text = 'Mr. Xi and Mr. Putin declared a "no limits but firm" partnership in February.'
    (q,) = quotes(nlp, text)
    assert q.speaker == "Xi and Putin"


def test_caption_index_is_recorded(nlp: Language) -> None:
    (q,) = quotes(nlp, '"We heard a bang around eleven," said Maria Ostrander.')
    assert q.caption is None
    (q,) = find_quotes(nlp('"We heard a bang around eleven," said Maria Ostrander.'), caption=2)
    assert q.caption == 2


def test_unparsed_doc_gives_quotes_without_speakers() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ['"', "We", "drilled", "for", "this", ",", '"', "Kwame", "Osei", "said", "."]
    spaces = [False, True, True, True, False, False, True, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    (q,) = find_quotes(doc)
    assert q.text == "We drilled for this" and q.speaker is None


@pytest.mark.parametrize(("nationality", "speaker"), [("German", "Lena Vogt"), ("French", "Marc Duval")])
def test_the_national_leader_resolves_by_nationality(nlp: Language, nationality: str, speaker: str) -> None:
    text = (
        "German Chancellor Lena Vogt hosted French President Marc Duval in Berlin on Monday.\n\n"
        f'Later, the {nationality} leader told reporters the talks had brought "real and lasting progress".'
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == speaker


def test_surname_first_name_resolves_when_unique(nlp: Language) -> None:
    text = 'Premier Wang Lihua opened the forum in the morning.\n\n"Trade will grow this year," Wang said.'
    (q,) = quotes(nlp, text)
    assert q.speaker == "Wang Lihua"


def test_place_and_abbreviated_title_are_not_part_of_the_name(nlp: Language) -> None:
    text = '"The dam is safe," Oregon Sen. Mara Lindqvist said on Monday.'
    (q,) = quotes(nlp, text)
    assert q.speaker == "Mara Lindqvist"


@pytest.mark.parametrize(
    "text",
    [
        '"I saw it all," said WCCO TV Managing Editor Dana Vick.',
        '"We stand by the story," Tribune Editor Dana Vick said on Monday.',
        '"He will start on Sunday," Head Coach Dana Vick told reporters.',
    ],
)
def test_a_newsroom_or_team_job_title_is_not_part_of_the_name(nlp: Language, text: str) -> None:
    (q,) = quotes(nlp, text)
    assert q.speaker == "Dana Vick"


def test_to_after_a_non_speech_cue_is_not_a_listener(nlp: Language) -> None:
    text = 'Mara Lindqvist announced "sweeping new changes" to the Clean Water Act on Monday.'
    (q,) = quotes(nlp, text)
    assert q.speaker == "Mara Lindqvist"
    assert q.told_to is None


def test_quote_marks_inside_tokens_do_not_crash(nlp: Language) -> None:
    # a quote mark that opens in the middle of a token ("onerror="x...) once raised IndexError
    text = '"The bridge is back <img src=x onerror="window.x=2">," Mayor Ann Brook said. Then "so" she left.'
    found = quotes(nlp, text)
    for q in found:
        assert text[q.span.start : q.span.end] == q.text


def test_who_attribution_at_the_root_terminates(nlp: Language) -> None:
    # a "who said" whose verb chain reaches the sentence root once looped forever (token identity)
    import threading

    text = 'Who said "we will rebuild the whole harbour by spring"? Nobody knows.'
    found: list[tuple[Quote, ...]] = []
    worker = threading.Thread(target=lambda: found.append(quotes(nlp, text)), daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert found, "find_quotes did not finish"
    for q in found[0]:
        assert text[q.span.start : q.span.end] == q.text


def test_a_title_subject_names_the_person_it_introduces(nlp: Language) -> None:
    cases = {
        '"The rule is sound," said Secretary of the Interior Dirk Kempthorne.': (
            "Dirk Kempthorne", "Secretary of the Interior"),
        '"We have sent tents," the governor of the province, Abdolreza Sheikholeslami, told state TV.': (
            "Abdolreza Sheikholeslami", "governor of the province"),
        '"It was not random," the police chief, Charles Craft, said.': ("Charles Craft", "police chief"),
        '"It was a pirate vessel," Commodore Nirad Sinha, a navy spokesman, told CNN.': (
            "Nirad Sinha", "a navy spokesman"),
        '"We looked," said Chief Executive Robert Sznewajs.': ("Robert Sznewajs", "Chief Executive"),
        '"He is dangerous," said Oregon State Police Lt. Gregg Hastings.': (
            "Gregg Hastings", "Oregon State Police Lt."),
        '"It is over," Police Constable Tim Fanning said.': ("Tim Fanning", "Police Constable"),
    }
    for text, (speaker, description) in cases.items():
        q = only(quotes(nlp, text), text[1:5])
        assert (q.speaker, q.description) == (speaker, description), text
    assert only(quotes(nlp, '"We are ready," said the Secretary of State.'), "We are").speaker is None


def test_a_colon_introduces_the_quotation_after_it(nlp: Language) -> None:
    text = (
        "Andrew Wetzler, director of the council's species program, was blunt:\n\n"
        "“We will see them in court.”\n\n"
        "Mayor Ann Brook put it simply: “We will rebuild.”\n\n"
        "The banners read: “No more.”"
    )
    found = quotes(nlp, text)
    assert only(found, "We will see").speaker == "Andrew Wetzler"
    assert only(found, "We will see").description == "director of the council's species program"
    assert only(found, "We will rebuild").speaker == "Ann Brook"
    assert not [q for q in found if q.text.startswith("No more") and q.speaker]


def test_a_mistyped_closing_mark_before_said(nlp: Language) -> None:
    text = (
        "“Everyone was respectful, “said Juror No. 8. "
        "“He is so sparkling, “said academy President Sid Ganis."
    )
    found = quotes(nlp, text)
    assert [(q.text, q.speaker) for q in found] == [
        ("Everyone was respectful", None),  # in a text this bare, still unread (see below)
        ("He is so sparkling", "Sid Ganis"),
    ]
    juror = (
        "The two jurors did not give their names.\n\n"
        "“Everyone was respectful, “said Juror No. 8, one of six women on the panel."
    )
    # no name, but how the story names someone it does not name otherwise
    assert [q.speaker for q in quotes(nlp, juror)] == ["Juror No. 8"]
    named = (
        "Coach T.J. DiLeo spoke after the game. “My dad is ready to step in, “DiLeo said. "
        "“We had no idea.”"
    )
    assert [(q.text, q.speaker) for q in quotes(nlp, named)] == [
        ("My dad is ready to step in", "T.J. DiLeo"),
        ("We had no idea.", "T.J. DiLeo"),
    ]


def test_a_quotation_over_several_paragraphs_takes_its_closing_attribution(nlp: Language) -> None:
    text = (
        "Ellen Park will host the ceremony.\n\n"
        '"I am so excited to be hosting the show again.\n\n'
        'You know what they say: the third time is the charm," Park said in a statement.'
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Ellen Park"
    assert q.text.startswith("I am so excited") and q.text.endswith("the charm")


def test_a_pronoun_after_an_unnamed_speaker_means_nobody_named(nlp: Language) -> None:
    text = (
        "Ravi Rao commands the frigate.\n\n"
        '"The ministry is working to hand the pirates over," said a senior officer.\n\n'
        '"The frigate may head for Djibouti," he added.'
    )
    assert [q.speaker for q in quotes(nlp, text)] == [None, None]
    other = text.replace("a senior officer", "a spokeswoman")  # she cannot be the "he"
    assert [q.speaker for q in quotes(nlp, other)] == [None, "Ravi Rao"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The chase ended after 15 minutes, Genesee County Undersheriff James Gage said.\n\n'
         '"He probably realized he was going to be shot," Gage said.', "James Gage"),  # Gage: a noun
        ('Wladimir Klitschko won again.\n\n'
         '"Thompson was not easy to box," said the 36-year-old Klitschko, who improved his record.',
         "Wladimir Klitschko"),  # Klitschko: a nationality
        ('"He tried to provide first aid," said Sgt. Marty Earley with the Bloomington police.',
         "Marty Earley"),  # the title cut off the name as a sentence of its own
        ("Gov. Ann Brook apologised.\n\n“We have no idea what caused it,” the Rev.\n\n"
         "Larry Kroon of the Wasilla Bible Church said Saturday, adding that arson was possible.",
         "Larry Kroon"),  # an attribution the scrape broke into the next paragraph
    ],
)  # fmt: skip
def test_a_speaker_the_parse_mistags_or_splits_is_still_found(nlp: Language, text: str, speaker: str) -> None:
    *_, q = quotes(nlp, text)
    assert q.speaker == speaker


def test_a_place_ending_an_earlier_name_is_no_speaker(nlp: Language) -> None:
    from spacy.tokens import Span as SpacySpan

    text = 'Flooding hit Greater Manchester on Sunday.\n\n"We will review the defences," Manchester said.'
    doc = nlp(text)
    place = next(t.i for t in doc if t.text == "Manchester" and doc[t.i - 1].text != "Greater")
    doc.ents = [SpacySpan(doc, place, place + 1, label="GPE")]  # the city, as the NER should read it
    (q,) = find_quotes(doc, text=text)
    assert q.speaker == "Manchester"  # the city speaking, not a person "Greater Manchester"


def test_the_role_a_person_was_given_names_them_later(nlp: Language) -> None:
    text = (
        "Gov. Sarah Palin visited the site on Saturday with director Gary Ross.\n\n"
        '"We have no idea what caused it," the governor said.\n\n'
        '"It will be rebuilt," the director said.\n\n'
        '"The inquiry goes on," a senior officer said.\n\n'
        '"We will know more next week," the officer said.'
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Sarah Palin", "Gary Ross", None, None]
    assert quotes(nlp, text)[0].resolved  # worked out, not named at the attribution


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Lawyer Andreas Kostakis said: "This tragedy is the result of an act."', "Andreas Kostakis"),
        ('"The sale was approved," Kellby City Clerk Janine Bowers said.', "Janine Bowers"),
        ('"Companies of all sizes are joining," Agency Administrator Jon Brede said.', "Jon Brede"),
    ],
)
def test_a_lawyer_and_a_clerk_are_titles_of_a_speaker(nlp: Language, text: str, speaker: str) -> None:
    (q,) = quotes(nlp, text)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "description"),
    [  # a hyphenated description whole; a description before the name without the closing mark
        ('"We are trying to get away from that," Laurent Marsh, a co-producer of the telecast, said.',
         "Laurent Marsh", "a co-producer of the telecast"),
        ("“The evidence is too weak,” Sweden’s deputy director of prosecutions, Eva-Marie Persson, said.",
         "Eva-Marie Persson", "Sweden’s deputy director of prosecutions"),
    ],
)
def test_a_description_is_read_whole_and_alone(
    nlp: Language, text: str, speaker: str, description: str
) -> None:
    (q,) = quotes(nlp, text)
    assert (q.speaker, q.description) == (speaker, description)


def test_a_hyphenated_surname_speaks_whole(nlp: Language) -> None:
    text = (
        '"Everyone must remain vigilant," Dominique Strauss-Kahn said on Wednesday.\n\n'
        '"I completely understand the anger, " Strauss-Kahn said.'
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Dominique Strauss-Kahn", "Dominique Strauss-Kahn"]


def test_she_after_someone_named_in_what_another_says_is_the_one_who_says_it(nlp: Language) -> None:
    text = (
        "Ilhan Omar has said she felt threatened.\n\n"
        "Sonya Zoghlin, his attorney, told The Hill that her client did not intend to harm Omar.\n\n"
        "“He is passionate about his political beliefs,” she said in an email."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Sonya Zoghlin"


def test_she_is_not_one_named_in_her_own_clause(nlp: Language) -> None:
    """"She gave me an address for Kari Lund": whoever "she" is, not Kari Lund, and the "she" who
    speaks next goes on meaning her."""
    text = (
        "Ann Brook was very surprised when I asked her about the letters.\n\n"
        "She gave me an email address for her sister, Kari Lund. “I cannot believe Kari would not want "
        "them read,” she said."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Ann Brook"


def test_whom_a_newspaper_quotes_is_the_speaker(nlp: Language) -> None:
    text = (
        '"The officers jumped out of the car so fast," the Harbour Daily News quoted witness Devin Marsh '
        "as saying."
    )
    (q,) = quotes(nlp, text)
    assert (q.speaker, q.description) == ("Devin Marsh", "witness")
    assert q.told_to == "Harbour Daily News"  # the one quoting was told


@pytest.mark.parametrize(
    ("text", "speaker"),
    [  # the person the parse hid: behind a comma-set role, after roles joined by "and", after an
        # organisation the parse made the subject, behind "according to" after a partial quotation,
        # as the writer of a letter
        ("“I will devote all my strengths to the support of our esteemed president's policy,” the "
         "candidate, regional bureaucrat Oraz Mammetberdiyev, said in a campaign statement.",
         "Oraz Mammetberdiyev"),
        ('"In July alone, they lost $300,000," said Anchorage businessman and blogger Andrew Halcro.',
         "Andrew Halcro"),
        ("Lohan left.\n\n“ The facility that Lindsay is now in, that ’ s not a licensed residential drug "
         "treatment center, ” California Department of Alcohol and Drug Program deputy director Millicent "
         "Tidwell told The Post.", "Millicent Tidwell"),
        ("“The facility that Lindsay is now in, that’s not a licensed residential drug treatment center,” "
         "California Department of Alcohol and Drug Program deputy director Millicent Tidwell told The "
         "Post.", "Millicent Tidwell"),
        ('On Wednesday tensions "seemed to be decreasing until his sister was arrested while crossing '
         'the street," according to Danny Gold of Metropolis.', "Danny Gold"),
        ('Carol Willoughby wrote to the school.\n\n"Kimani should be remembered for all of who he was," '
         "Willoughby's letter continued.", "Carol Willoughby"),
        ("Penny Abernathy studies news deserts. “GateHouse-owned newsrooms are often half the size they "
         "were,” Abernathy reported.", "Penny Abernathy"),
    ],
)  # fmt: skip
def test_a_person_the_parse_hides_is_still_the_speaker(nlp: Language, text: str, speaker: str) -> None:
    (q,) = quotes(nlp, text)
    assert q.speaker == speaker


def test_according_to_nobody_named_gives_no_speaker(nlp: Language) -> None:
    text = 'There are 140 million monthly active “businesses” on its platforms, according to the company.'
    assert quotes(nlp, text) == ()  # a scare quote nobody is named for


def test_according_to_an_outlet_after_a_partial_quotation_is_no_speaker(nlp: Language) -> None:
    text = (
        "The fire caused $1 million in damage to the church, which Sarah hoped was not connected to "
        "the “undeserved negative attention” from her campaign, according to the Sun Times News Group."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker is None  # the outlet reports her words


def test_he_after_a_name_in_a_clause_about_the_subject_means_the_subject(nlp: Language) -> None:
    # "the third witness ... who listened in on a call with Zelensky" says who Morrison was
    text = (
        "Tim Morrison, a former aide, testified on Tuesday.\n\n"
        "Morrison was the third witness testifying Tuesday who listened in on President Trump's July 25 "
        "call with Ukrainian President Volodymyr Zelensky. He said he wasn't concerned about the content "
        'of the call, but he did worry there would be "political consequences" if more people had access '
        "to the call summary."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Tim Morrison"


def test_a_quotation_the_writer_runs_on_from_is_attributed_after_it(nlp: Language) -> None:
    text = (
        "Tim Morrison, a former aide, testified on Tuesday.\n\n"
        '"Every day that the focus of discussion is centered on these proceedings is a day when we are '
        'not focused on the interests" mutually shared by both countries, he warned.'
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Tim Morrison" and q.cue == "warned"
    # the sentence's own verbs come before its attribution
    text = (
        '"The president wants the option of having a bigger deal with China" announced in October, '
        "said Derek Scissors, a China scholar."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Derek Scissors"
    # its own sentence named the speaker before it: that attribution stands
    text = (
        "Prime Minister Scott Morrison said in a statement, \u201cWe are profoundly pleased and "
        "relieved\u201d at the hostages\u2019 release, adding that the family had asked to convey its "
        "gratitude."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Scott Morrison" and q.cue == "said"


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        ("Senator Ann Brook released a statement on Monday.", "Ann Brook"),
        ("Kellby Advisors issued a statement on Tuesday expressing condolences.", "Kellby Advisors"),
    ],
)
def test_the_statement_said_is_the_statement_someone_put_out_before(
    nlp: Language, opening: str, speaker: str
) -> None:
    text = f'{opening}\n\n"We mourn them and we will rebuild the office together," the statement said.'
    (q,) = quotes(nlp, text)
    assert q.speaker == speaker and q.resolved
    # a statement nobody is said to have put out names no one
    text = 'A statement was posted on the door.\n\n"We are closed until Friday," the statement said.'
    (q,) = quotes(nlp, text)
    assert q.speaker is None


def test_he_after_a_name_in_a_clause_below_the_main_verb_means_the_main_subject(nlp: Language) -> None:
    text = (
        "Michael Thomas and Tova Noel were charged. Their lawyer, Jason Figgins, spoke on Tuesday.\n\n"
        "Figgins declined to address whether Thomas slept on the job on the night Epstein died. "
        '"When all the evidence is presented, you will see how short-staffed they were," he said.'
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Jason Figgins"


def test_another_name_with_its_age_set_beside_a_name_is_no_description_of_it(nlp: Language) -> None:
    text = (
        "In the feud between Swift and her former record label, Big Machine Records, Braun, 38, has "
        "tried to reach the singer.\n\nBig Machine Records issued a statement on Monday.\n\n"
        '"We have come to terms on a licensing agreement for the show," the statement said.'
    )
    (q,) = quotes(nlp, text)
    assert q.speaker == "Big Machine Records" and q.description is None


@pytest.mark.parametrize(
    ("raw", "description"),
    [
        ("a physiologist at Johns Hopkins University", "a physiologist at Johns Hopkins University"),
        ("likely\n\nHungarian-American investor", "Hungarian-American investor"),  # across a paragraph
        ("\u201d\n\nUnited Nations spokesman", "United Nations spokesman"),
        ("author of the 2005 book \u201cThe Big Show: High Times", "author of the 2005 book"),
        ("\u201cTwilight\u201d studio", "\u201cTwilight\u201d studio"),
        ("(D-Mass.", "D-Mass."),
        ("54", None),  # an age
        ("\u201cI\u2019d Do Anything\u201d", None),  # a song's title
        ('water in vapor form," lead researcher', None),
        ("@joshapte)", None),
        ("(5", None),
        ("SERIOUS HEALTH CONDITION", None),  # a headline
    ],
)
def test_descriptions_are_cleaned_or_dropped(raw: str, description: str | None) -> None:
    assert _clean_description(raw) == description


def test_a_titles_initials_are_no_speakers_name(nlp: Language) -> None:
    text = (
        "They focus on their customers\u2019 \u201cfinancial health and long-term wellbeing,\u201d as one "
        "neo-bank CEO told me."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker is None
    # a surname that is also a title is a name
    text = 'Billy King, the general manager, spoke.\n\n"We owe it to our fans and the city," King said.'
    (q,) = quotes(nlp, text)
    assert q.speaker == "Billy King"


def test_a_surname_the_ner_missed_acts_as_its_person(nlp: Language) -> None:
    text = (
        "Jack Buser, director for games at the company, opened the event in Lorvik.\n\n"
        '"Streaming is somewhat binary," says Chris Early, a vice president at Lorvik Games.\n\n'
        '"They need to ramp up the catalogue," says Lewis Ward, an analyst at a research firm.\n\n'
        "Asked about exclusive titles, Early says there is a possibility that future games could be built "
        'for the platform. "Our objective is to make the best game," he says.\n\n'
        '"I think that conversion will be tough," says Ward.\n\n'
        "Buser, however, is counting on the new service. "
        '"This is where you\'ll see the next big jump," he says.'
    )
    found = quotes(nlp, text)
    assert only(found, "Our objective").speaker == "Chris Early"  # "Early" read as an adverb
    assert only(found, "This is where").speaker == "Jack Buser"  # the subject, not the last speaker


def test_the_one_who_describes_something_as_a_quoted_phrase_says_it(nlp: Language) -> None:
    text = 'Mayor Ann Brook spoke first. She described the ferry as "a relic we have loved too long."'
    assert [q.speaker for q in quotes(nlp, text)] == ["Ann Brook"]


def test_according_to_a_relative_named_after_and_as_someone_put_it(nlp: Language) -> None:
    text = (
        "Neil Barker knew the author well.\n\n"
        "According to his aunt, Jane Starner, “He was brilliant from the start, reading at three.”\n\n"
        "As Barker put it, “Had he written a sequel, he would have been famous.”"
    )
    found = quotes(nlp, text)
    assert only(found, "He was brilliant").speaker == "Jane Starner"
    assert only(found, "Had he written").speaker == "Neil Barker"



def test_begging_and_assuring_attribute_speech(nlp: Language) -> None:
    text = (
        "Ambassador Kurt Volker spoke for an hour. "
        "He begged lawmakers “not to lose sight of” the conflict.\n\n"
        "Health officer Ann Brook assured the public that the risk was “extremely low.”"
    )
    found = quotes(nlp, text)
    assert only(found, "not to lose sight").speaker == "Kurt Volker"  # what he asks of them
    assert only(found, "extremely low").speaker == "Ann Brook"


def test_a_role_in_the_lead_is_the_person_named_with_it_further_down(nlp: Language) -> None:
    text = (
        "Lorvik’s ambassador to Ostria warned that his government “will not sit on our hands” if the "
        "unrest spreads.\n\n"
        "Police cleared the square overnight.\n\n"
        "Lorvik’s ambassador to Ostria Jan Brekke has said that the army could be deployed.\n\n"
        "Last month, the Lorvik navy said it had sunk a smugglers’ “mother ship” off the coast.\n\n"
        "“We fired in self-defence,” Commodore Nils Varg, a navy spokesman, told reporters."
    )
    found = quotes(nlp, text)
    assert only(found, "will not sit").speaker == "Jan Brekke"
    assert only(found, "mother ship").speaker != "Nils Varg"  # the navy, not its spokesman


def test_two_people_named_as_one_subject_both_speak(nlp: Language) -> None:
    text = (
        "Producers Laurence Brook and Neil Varga will stage the gala.\n\n"
        "“We are thrilled to have her host the show,” said Brook and Varga.\n\n"
        '"It will be a party," producers Laurence Brook and Neil Varga said in a statement.\n\n'
        "The Academy of Motion Picture Arts and Sciences wrote: “Tickets are sold out.”\n\n"
        '"Markets run ahead of the economy," said Ann Lee, Director, Lorvik Securities.'
    )
    found = quotes(nlp, text)
    assert only(found, "We are thrilled").speaker == "Laurence Brook and Neil Varga"
    assert only(found, "It will be a party").speaker == "Laurence Brook and Neil Varga"
    assert only(found, "Tickets").speaker != "Picture Arts and Sciences"  # no two people
    assert only(found, "Markets").speaker == "Ann Lee"  # a description, not a second speaker


def test_a_site_or_a_named_outlet_of_some_kind_is_who_was_told(nlp: Language) -> None:
    text = (
        "“They have the right,” general manager Tony Reagins told Lorvik.com on Friday.\n\n"
        "“Only walls collapsed,” Governor Mehdi Varan told ISNA news agency.\n\n"
        "“I still don't know,” Maral, a resident, told the Associated Press news agency.\n\n"
        "“We are ready,” she told the local radio station."
    )
    found = quotes(nlp, text)
    assert [q.told_to for q in found] == ["Lorvik.com", "ISNA", "Associated Press", None]


def test_a_named_person_seeing_something_as_a_quoted_phrase_says_it(nlp: Language) -> None:
    text = (
        "Lewis Ward, an analyst at a firm, sees the lineup as its “Achilles heel.” Prices are high.\n\n"
        "Critics saw the plan as a “giveaway to developers,” said Ann Brook."
    )
    found = quotes(nlp, text)
    assert only(found, "Achilles heel").speaker == "Lewis Ward"
    assert only(found, "giveaway").speaker == "Ann Brook"  # unnamed critics: the one who said it


def test_a_quotation_alone_after_a_persons_reported_words_goes_on_with_them(nlp: Language) -> None:
    text = (
        "Bob Varga, 66, who lives across the street, saw a police car at the bank.\n\n"
        "He said the bank was evacuated at 1:30 p.m.\n\n"
        "Later in the afternoon, “I went back to my computer and heard this loud boom.”\n\n"
        "Ann Brook, 17, who works at the station, also heard the blast.\n\n"
        "“At first I thought it was thunder.”"
    )
    found = quotes(nlp, text)
    assert only(found, "I went back").speaker == "Bob Varga"
    assert only(found, "At first").speaker == "Ann Brook"  # she is introduced, then her words follow


def test_a_quotation_alone_after_a_person_is_introduced_is_theirs_only_then(nlp: Language) -> None:
    known = (
        "Ann Brook, 17, who works at the station, spoke to the police on Monday.\n\n"
        "Later, Ann Brook, who lives nearby, heard the blast.\n\n"
        "“At first I thought it was thunder.”"
    )
    assert only(quotes(nlp, known), "At first").speaker is None  # named before: not an introduction
    more = (
        "Ann Brook, 17, who works at the station, heard the blast. The police came at noon.\n\n"
        "“At first I thought it was thunder.”"
    )
    assert only(quotes(nlp, more), "At first").speaker is None  # the paragraph tells more than who she is


def test_reported_words_go_on_over_paragraphs_and_a_denial_reports_words(nlp: Language) -> None:
    text = (
        "Lorvik director Ann Brook will not direct the sequel, the newspaper reported.\n\n"
        "The director denied reports that her talks with the studio hit a snag.\n\n"
        "“Contrary to what has been reported, the talks have not been difficult.\n\n"
        "They have been very understanding of me.”\n\n"
        "The mayor, Tom Varga, said the tram would be finished by May.\n\n"
        "“The first trams will run in June.\n\n"
        "The rest will follow in the autumn.”\n\n"
        "Officials denied the “secret” deal."
    )
    found = quotes(nlp, text)
    assert only(found, "Contrary to what").speaker == "Ann Brook"
    assert only(found, "The first trams").speaker == "Tom Varga"
    assert not [q for q in found if q.text == "secret"]  # a word denied, not a quotation of who denies


def test_a_letter_reads_what_its_writer_wrote(nlp: Language) -> None:
    text = (
        "The school's principal, Ann Brook, wrote a letter describing the boy as a hard-working student.\n\n"
        "“He made great strides this year,” the letter read.\n\n"
        "“He read every book we gave him,” Tom Varga said."
    )
    found = quotes(nlp, text)
    assert only(found, "He made great strides").speaker == "Ann Brook"
    assert only(found, "He read every book").speaker == "Tom Varga"  # "read" with an object is no cue


def test_a_name_with_a_particle_is_a_person_to_take_the_pronoun(nlp: Language) -> None:
    text = (
        "Tom Varga, a critic of the police, spoke first.\n\n"
        "“We need answers.”\n\n"
        "Varga said before the chief arrived.\n\n"
        "Public Advocate Bill de Blasio, a candidate for mayor, also came to the area on Monday night.\n\n"
        "“I understand if young people are frustrated,” he said."
    )
    assert only(quotes(nlp, text), "I understand").speaker == "Bill de Blasio"  # the title is no part of it


def test_a_known_outlet_the_tagger_misreads_speaks_for_itself(nlp: Language) -> None:
    text = (
        "“Choosing her signals that the next awards show will have a decidedly different tone,” trade "
        "magazine The Hollywood Reporter wrote."
    )
    assert only(quotes(nlp, text), "Choosing her").speaker == "Hollywood Reporter"


def test_a_capitalised_title_after_the_is_the_person_named_with_it(nlp: Language) -> None:
    text = (
        "District Attorney Steve Cooley announced today that charges were filed.\n\n"
        "“We will not let their killers go unpunished,” the District Attorney said."
    )
    assert only(quotes(nlp, text), "We will not").speaker == "Steve Cooley"


def test_an_organisation_written_to_is_told_and_a_continuation_was_told_it_too(nlp: Language) -> None:
    text = (
        "John Henry had expressed concern about a long contract.\n\n"
        '"We all have limits," he wrote the AP on Wednesday.\n\n'
        '"Eight years is a very long time in baseball and everywhere else."\n\n'
        '"It is done," he wrote a friend.\n\n'
        "Wells Fargo analyst Zachary Fadem points out a couple of reasons. “While certainly a "
        "disappointing result, we note that [the company] faced a [0.6% to 0.7%] hurricane headwind in "
        "Q3,” wrote Fadem in a Tuesday research report."
    )
    found = quotes(nlp, text)
    assert [(q.speaker, q.told_to) for q in found] == [
        ("John Henry", "AP"),
        ("John Henry", "AP"),
        ("John Henry", None),
        ("Zachary Fadem", None),
    ]


def test_a_name_set_off_as_a_person_or_as_a_business_is_one_or_is_not(nlp: Language) -> None:
    text = (
        "Mat Maid, a farmer's cooperative begun in 1936, tried to help.\n\n"
        '"It\'s a long story," said Ed Fogels, the deputy commissioner.\n\n'
        "He could not guess how much money the state has lost on Mat Maid over the years.\n\n"
        '"That\'s a good question," he said.\n\n'
        "Darcy Davies, an agriculture student at the University of Alaska Fairbanks, in 2007 authored a "
        "thesis on the projects.\n\n"
        "Davies examined the spending on Mat Maid in detail.\n\n"
        '"It is debatable," she wrote, "whether those funds were worth it."'
    )
    found = quotes(nlp, text)
    assert only(found, "That's a good").speaker == "Ed Fogels"
    assert only(found, "It is debatable").speaker == "Darcy Davies"
    assert only(found, "whether those").speaker == "Darcy Davies"


def test_a_name_set_off_after_a_person_noun_is_a_person(nlp: Language) -> None:
    """The NER took "Yanis Varoufakis" for an organisation; set off after "A professor of ...", he is
    a person, and the "he said" that follows is his, not the prime minister's named before."""
    text = (
        "As the prime minister George Lambrou looked out from his office, he saw how angry they were.\n\n"
        '"We are all deeply shocked," Mr Lambrou said.\n\n'
        "A professor of economics at the University of Athens, Yanis Varoufakis, stayed at home on "
        "Wednesday.\n\n"
        '"What I saw was a city after a battle," he said.'
    )
    assert only(quotes(nlp, text), "What I saw").speaker == "Yanis Varoufakis"


def test_a_paragraph_that_only_says_who_spoke_and_when_attributes_the_quotation_before(nlp: Language) -> None:
    """A text that sets each sentence on a line of its own leaves the attribution of a quotation in
    a paragraph after it; one with a clause or an object of its own says more than who spoke."""
    text = (
        "Councilman Ola Nord reached the corner at nine.\n\n"
        "The crowd grew through the night.\n\n"
        "“The mayor and the commissioner should be down here.\n\n"
        "Right now!”\n\n"
        "Nord, a critic of the police, said before the commissioner appeared on the scene.\n\n"
        "“There was no reason to fire,” Kari Lund said.\n\n"
        "“No false move.”\n\n"
        "A police source said Lund never told detectives that the boy had his hands down.\n\n"
        "The boy was taken to hospital.\n\n"
        "“The road has been a wall between the north and the south of the valley.”\n\n"
        "Nord noted the administration's recent two-step manoeuvre in the valley off the coast."
    )
    found = quotes(nlp, text)
    assert only(found, "The mayor").speaker == "Ola Nord"
    assert only(found, "No false").speaker == "Kari Lund"  # carried on, not the unnamed source's
    assert only(found, "The road").speaker is None


def test_a_sentence_that_runs_on_past_its_quotations_is_searched_to_its_end(nlp: Language) -> None:
    text = (
        "Van Rompuy insisted the debt problems of Spain had \"nothing to do with Greece.\"\n\n"
        '"Greece is a unique case in the union" because of its "precarious debt dynamics" and because it '
        '"has cheated with its statistics for years," EU Commissioner Olli Rehn said.'
    )
    found = quotes(nlp, text)
    assert [q.speaker for q in found] == ["Van Rompuy", "Olli Rehn", "Olli Rehn", "Olli Rehn"]


def test_an_interview_in_an_outlet_names_the_listener_of_that_speakers_next_quotations(nlp: Language) -> None:
    text = (
        '"Everyone must remain vigilant," Ola Nord said in an interview published in French newspaper '
        "Le Parisien on Wednesday.\n\n"
        '"I understand the anger of the people," Nord said.\n\n'
        '"The plan is too small," said Kari Lund, an economist.\n\n'
        '"It will not be enough," Nord said.'
    )
    found = quotes(nlp, text)
    assert [(q.speaker, q.told_to) for q in found] == [
        ("Ola Nord", "Le Parisien"),
        ("Ola Nord", "Le Parisien"),  # the same interview
        ("Kari Lund", None),
        ("Ola Nord", None),  # someone else was quoted in between
    ]


def test_an_unnamed_speakers_listener_carries_on_to_the_quotation_continuing_theirs(nlp: Language) -> None:
    text = (
        '"They were staying in the dark part of the street," a witness told Radio Lorvik.\n\n'
        '"You just knew it would turn into a fight."'
    )
    found = quotes(nlp, text)
    assert [(q.speaker, q.told_to) for q in found] == [(None, "Radio Lorvik"), (None, "Radio Lorvik")]


def test_a_quotation_left_open_carries_its_speaker_past_an_unquoted_paragraph(nlp: Language) -> None:
    """News style leaves a quotation that goes on unclosed; the scrape (or the writer) may leave a
    paragraph of it without marks: the next quotation is still the same speaker's."""
    text = (
        "“We saw the man moving inside the office,” Ola Nord said.\n\n"
        "“He was just going back and forth.\n\n"
        "After the shots, he turned the lights off.\n\n"
        "“It is terrifying.”\n\n"
        "Police closed the street.\n\n"
        "“Nobody could leave.”"
    )
    found = quotes(nlp, text)
    assert only(found, "It is terrifying").speaker == "Ola Nord"
    assert only(found, "Nobody could").speaker is None  # after a closed quotation, narration ends it


def test_a_name_after_a_or_an_is_no_person_for_he_to_mean(nlp: Language) -> None:
    """The NER took "a local Rite Aid" for a person, and "he wrote" after it for the shop's."""
    text = (
        "Councilman Ola Nord said garbage cans had been overturned.\n\n"
        "He added that one person had been attacked outside of a local Rite Aid.\n\n"
        "“Tonight was a peaceful vigil that turned into a riot,” he wrote."
    )
    assert only(quotes(nlp, text), "Tonight").speaker == "Ola Nord"


def test_speech_by_a_participle_after_by_is_the_subjects_and_a_profession_is_no_name(nlp: Language) -> None:
    text = (
        "Comedian Ellen Lorvik will host the awards next year, organizers said.\n\n"
        "Lorvik earned praise as the host in 2001, memorably lightening the mood by asking, "
        '"What would bug them more than this?"'
    )
    found = quotes(nlp, text)
    assert only(found, "What would bug").speaker == "Ellen Lorvik"


def test_a_person_told_is_named_in_full_as_named_before(nlp: Language) -> None:
    text = (
        "Jose Luis Orozco was sentenced to death on Friday.\n\n"
        'Chela Ortiz told Orozco in a firm voice, "I want you to know you did not break our family," '
        "as her family began to cry."
    )
    assert only(quotes(nlp, text), "I want you").told_to == "Jose Luis Orozco"


def test_a_surname_after_an_inverted_cue_speaks_though_tagged_an_adverb(nlp: Language) -> None:
    text = 'Analyst Chris Early follows the industry.\n\n"Streaming is somewhat binary," says Early.'
    doc = nlp(text)
    early = next(t for t in doc if t.text == "Early" and t.idx > text.index("says"))
    early.pos_, early.dep_ = "ADV", "advmod"  # as the parser read it in a scraped report
    (q,) = find_quotes(doc)
    assert q.speaker == "Chris Early"


def test_stating_attributes_what_follows_to_the_subject(nlp: Language) -> None:
    text = (
        'On March 3, President Ola Nord directed the departments to review it, stating that "we should '
        'be looking at ways to strengthen the act."'
    )
    assert only(quotes(nlp, text), "we should").speaker == "Ola Nord"


def test_the_magazine_told_is_the_outlet_told_before_in_the_article(nlp: Language) -> None:
    told_before = (
        "Actress Kari Lund checked herself into a clinic, her rep told People.\n\n"
        "“We appreciate your respect for her privacy,” her rep Ola Nord told the magazine."
    )
    assert only(quotes(nlp, told_before), "We appreciate").told_to == "People"
    nobody_before = "“We appreciate your respect for her privacy,” her rep Ola Nord tells the mag."
    assert only(quotes(nlp, nobody_before), "We appreciate").told_to is None


def test_state_television_is_told_and_the_television_is_it_again(nlp: Language) -> None:
    text = (
        "“We have handed out tents and food,” the provincial governor, Ola Nord, told state television. "
        "“By nightfall all will have one,” Kari Lund told the television."
    )
    found = quotes(nlp, text)
    assert only(found, "We have handed").told_to == "state television"
    assert only(found, "By nightfall").told_to == "state television"
    crew = quotes(nlp, "“We are ready,” Ola Nord told a television crew.")
    assert only(crew, "We are ready").told_to is None


def test_a_closing_mark_typed_as_an_opening_one_ends_its_paragraphs_quotation(nlp: Language) -> None:
    text = (
        "The general manager spoke after the loss.\n\n"
        "“I believe in this team.\n\n"
        "We are better than this, “said Ola Nord.\n\n"
        "“We are going to make it better.\n\n"
        "We will find a way to improve on this team. “\n\n"
        "Nord took the job in 2008."
    )
    found = quotes(nlp, text)
    assert [(q.text.split("\n")[0], q.speaker) for q in found] == [
        ("I believe in this team.", "Ola Nord"),
        ("We are going to make it better.", "Ola Nord"),
    ]
    assert found[1].text.endswith("improve on this team.")


def test_his_brother_is_the_brother_named_before_and_not_specifying_is_speaking(nlp: Language) -> None:
    text = (
        "Ola Nord, Ben's older brother, spoke briefly from the parents' home on Monday.\n\n"
        "“He spoke a few languages and could play any instrument,” said his brother.\n\n"
        "Pastor Per Lund said the fire started in the kitchen.\n\n"
        "He would not specify how many people were in the building at the time.\n\n"
        "“They were all adults, and they all got out.”"
    )
    found = quotes(nlp, text)
    assert only(found, "He spoke").speaker == "Ola Nord"
    assert only(found, "They were all").speaker == "Per Lund"


def test_a_speaker_telling_an_outlet_just_before_said_the_quotation_to_it(nlp: Language) -> None:
    text = (
        "Looking through the windows, Ola Nord told the Lorvik Herald he could see a man with a gun.\n\n"
        "“We saw the guy moving inside the office,” Nord said.\n\n"
        "Kari Lund told reporters she heard two shots.\n\n"
        "“It was terrifying,” Nord said."
    )
    found = quotes(nlp, text)
    assert only(found, "We saw").told_to == "Lorvik Herald"
    assert only(found, "It was terrifying").told_to is None  # the last telling before is someone else's
