"""Entities and descriptions found in one article, on hand-written sentences.

The article pass runs the packaged spaCy model (loaded once); where a test is about correcting the
NER, it sets the slip on the parsed Doc itself so the test does not hang on what the model happens
to tag.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pytest

from corroborator.annotate.entities import bare_name, find_descriptions, find_mentions
from corroborator.annotate.quotes import find_quotes
from corroborator.models import EntityType, Mention

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402
from spacy.tokens import Span as SpacySpan  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

if TYPE_CHECKING:
    from spacy.language import Language

Parse = Callable[..., Doc]


@pytest.fixture(scope="session")
def parse(nlp: Callable[[str], Doc]) -> Parse:
    def run(text: str, *slips: tuple[str, str] | tuple[str, str, int]) -> Doc:
        """Parse ``text``; each slip ``(name, label[, nth occurrence])`` overrides the NER there."""
        doc = nlp(text)
        ents = list(doc.ents)
        for name, label, *nth in slips:
            start = -1
            for _ in range((nth or [0])[0] + 1):
                start = text.index(name, start + 1)
            span = doc.char_span(start, start + len(name), label=label)
            assert span is not None
            ents = [e for e in ents if e.end <= span.start or e.start >= span.end]
            ents.append(span)
        doc.ents = sorted(ents, key=lambda e: e.start)
        return doc

    return run


def people(mentions: Sequence[Mention]) -> list[str]:
    return [m.text for m in mentions if m.type is EntityType.PERSON]


def of_type(mentions: Sequence[Mention], kind: EntityType) -> list[str]:
    return [m.text for m in mentions if m.type is kind]


# --- names and titles ----------------------------------------------------------------------------------


def test_bare_name_strips_titles_and_honorifics() -> None:
    assert bare_name("Mr. Okonjo") == "Okonjo"
    assert bare_name("Russian President Vladimir Putin") == "Vladimir Putin"
    assert bare_name("Chief Fire Officer Dana Okafor") == "Dana Okafor"
    assert bare_name("Actress Mara Quill") == "Mara Quill"  # a profession written as a title
    assert bare_name("Harbour Police Chief Ola Brandt") == "Ola Brandt"
    assert bare_name("Stephen King") == "Stephen King"  # a title word as the surname stays
    assert bare_name("Okonjo") == "Okonjo"


# --- find_mentions -------------------------------------------------------------------------------------


def test_titled_mention_covers_title_and_drops_possessive(parse: Parse) -> None:
    text = "Mr. Okonjo's plan was welcomed by Prime Minister Helga Sorensen on Monday."
    mentions = find_mentions(parse(text))
    assert people(mentions) == ["Mr. Okonjo", "Prime Minister Helga Sorensen"]
    first = next(m for m in mentions if m.type is EntityType.PERSON)
    assert first.span.text(text) == "Mr. Okonjo"


def test_a_name_ends_at_a_line_break(parse: Parse) -> None:
    text = "The footage was first aired by Lorvik News\n\nVideo shows officers at the door."
    mentions = find_mentions(parse(text, ("Lorvik News\n\nVideo", "ORG")))
    assert of_type(mentions, EntityType.ORG) == ["Lorvik News"]


def test_a_hyphenated_given_name_is_one_word_of_a_persons_name(parse: Parse) -> None:
    text = (
        '"The evidence has weakened," the deputy prosecutor, Anna-Lena Holmqvist, said on Tuesday.\n\n'
        "Holmqvist explained that the witnesses had been heard again."
    )
    mentions = find_mentions(parse(text, ("Anna-Lena Holmqvist", "ORG")))
    assert people(mentions) == ["Anna-Lena Holmqvist", "Holmqvist"]


def test_an_abbreviated_role_inside_the_span_is_not_part_of_the_name(parse: Parse) -> None:
    text = "Harbour FC DF Ola Nordmann said the club would appeal. DJ Khaled was at the match."
    mentions = find_mentions(parse(text, ("Harbour FC DF Ola Nordmann", "PERSON"), ("DJ Khaled", "PERSON")))
    assert people(mentions) == ["Ola Nordmann", "DJ Khaled"]


def test_a_name_written_twice_over_is_one_name(parse: Parse) -> None:
    text = "He threatened Rep. Ola Nord Ola Nord Harbour Valley last year. Sirhan Sirhan was not there."
    slips = (("Ola Nord Ola Nord Harbour Valley", "PERSON"), ("Sirhan Sirhan", "PERSON"))
    mentions = find_mentions(parse(text, *slips))
    assert people(mentions) == ["Rep. Ola Nord", "Sirhan Sirhan"]


def test_deputy_is_a_title(parse: Parse) -> None:
    text = "Deputy Marta Quell was hurt on Friday. Deputy Quell is recovering, the sheriff said."
    assert people(find_mentions(parse(text, ("Marta Quell", "PERSON"), ("Quell", "PERSON", 1)))) == [
        "Deputy Marta Quell", "Deputy Quell"
    ]


def test_abbreviated_offices_are_titles_not_people(parse: Parse) -> None:
    text = "Dist. Atty. Steve Calloway charged him. GM Theo Ardent and Undersheriff Jim Gale agreed."
    slips = (("Dist", "PERSON"), ("Atty", "PERSON"), ("Steve Calloway", "PERSON"), ("Theo Ardent", "PERSON"),
             ("Jim Gale", "PERSON"))
    found = people(find_mentions(parse(text, *slips)))
    assert found == ["Steve Calloway", "GM Theo Ardent", "Undersheriff Jim Gale"]  # no person "Atty"


def test_a_chief_a_prosecutor_and_a_profession_before_a_name_are_its_title(parse: Parse) -> None:
    """An analyst lists "Police Chief Ola Brandt" and "Actress Mara Quill" among a person's names, as
    "President Vladimir Putin": "Chief" alone heads no title elsewhere ("Chief Officer" does), but it
    does directly before a person's name."""
    text = (
        "Police Chief Ola Brandt said the road was closed. Chief Brandt added nothing. "
        "Actress Mara Quill and Prosecutor Jon Vik were in court."
    )
    slips = (("Ola Brandt", "PERSON"), ("Brandt", "PERSON", 1), ("Mara Quill", "PERSON"),
             ("Jon Vik", "PERSON"))
    assert people(find_mentions(parse(text, *slips))) == [
        "Police Chief Ola Brandt", "Chief Brandt", "Actress Mara Quill", "Prosecutor Jon Vik"
    ]


def test_nationality_before_title_is_part_of_titled_form(parse: Parse) -> None:
    text = "Danish Prime Minister Helga Sorensen arrived in Oslo on Monday."
    assert people(find_mentions(parse(text)))[0] == "Danish Prime Minister Helga Sorensen"


def test_name_mistagged_but_speaking_is_a_person(parse: Parse) -> None:
    text = '"We will rebuild," Tomasz Wrobel, a city engineer, told reporters.'
    mentions = find_mentions(parse(text, ("Tomasz Wrobel", "WORK_OF_ART")))
    assert people(mentions) == ["Tomasz Wrobel"]


def test_lower_case_words_glued_to_a_persons_name_go(parse: Parse) -> None:
    text = "Dempsey picked up the phone and rang Taylor. The rookie Emil Bemstrom scored, as did van Gogh."
    found = find_mentions(parse(text, ("rang Taylor", "PERSON"), ("rookie Emil Bemstrom", "PERSON"),
                                ("van Gogh", "PERSON")))  # fmt: skip
    assert people(found) == ["Taylor", "Emil Bemstrom", "van Gogh"]  # a surname's particle stays


def test_an_authors_note_around_a_name_goes(parse: Parse) -> None:
    text = "Email Tariq Malik at tmalik@example.com. Follow Mike Wall @michaeldwall on Twitter."
    spans = (("Email Tariq Malik", "PERSON"), ("Follow Mike Wall @michaeldwall", "PERSON"))
    found = find_mentions(parse(text, *spans))
    assert people(found) == ["Tariq Malik", "Mike Wall"]


def test_a_persons_name_ends_at_a_possessive(parse: Parse) -> None:
    text = "Firms such as Jeff Bezos’s Blue Origin will bid."
    assert people(find_mentions(parse(text, ("Jeff Bezos’s Blue Origin", "PERSON")))) == ["Jeff Bezos"]


def test_name_mistagged_with_a_title_is_a_person(parse: Parse) -> None:
    text = "The plan was drawn up by Dr. Rana Patel and approved in May."
    assert people(find_mentions(parse(text, ("Rana Patel", "ORG")))) == ["Dr. Rana Patel"]


def test_name_mistagged_is_a_person_by_its_family_name_elsewhere(parse: Parse) -> None:
    text = "Leaders met Wen Shaoyi in Hanoi. Wen later flew home."
    mentions = find_mentions(parse(text, ("Wen Shaoyi", "WORK_OF_ART"), ("Wen", "PERSON", 1)))
    assert people(mentions) == ["Wen Shaoyi", "Wen"]


def test_surname_mistagged_as_org_is_the_person_named_in_full(parse: Parse) -> None:
    text = 'Lena Marquardt, a historian, spoke first. "It was a mistake," Marquardt said.'
    mentions = find_mentions(parse(text, ("Lena Marquardt", "PERSON"), ("Marquardt", "ORG", 1)))
    assert people(mentions) == ["Lena Marquardt", "Marquardt"]


def test_an_organisation_named_with_a_title_word_keeps_it(parse: Parse) -> None:
    text = "Teams in Major League Baseball and the Sheriff's Department of Kellby said nothing."
    mentions = find_mentions(parse(text, ("Major League Baseball", "ORG"), ("Sheriff's Department", "ORG")))
    assert people(mentions) == []
    assert of_type(mentions, EntityType.ORG) == ["Major League Baseball", "Sheriff's Department"]


def test_organisation_that_speaks_stays_an_organisation(parse: Parse) -> None:
    text = "The Harbour Safety Authority said the berth would reopen."
    mentions = find_mentions(parse(text, ("Harbour Safety Authority", "ORG")))
    assert people(mentions) == []
    assert of_type(mentions, EntityType.ORG) == ["Harbour Safety Authority"]


def test_person_tag_on_a_newspaper_or_a_crosshead_is_corrected(parse: Parse) -> None:
    text = "Sand and wind\n\nThe storm hit the coast, The Daily Courier reported on Friday."
    mentions = find_mentions(parse(text, ("Sand", "PERSON"), ("The Daily Courier", "PERSON")))
    assert people(mentions) == []
    assert of_type(mentions, EntityType.ORG) == ["Daily Courier"]


def test_person_tag_on_a_newspaper_named_after_its_city_is_corrected(parse: Parse) -> None:
    text = "Miami Herald reporters first revealed the deal."
    mentions = find_mentions(parse(text, ("Miami Herald", "PERSON")))
    assert people(mentions) == []
    assert of_type(mentions, EntityType.ORG) == ["Miami Herald"]


def test_person_tag_on_an_online_platform_is_an_organisation(parse: Parse) -> None:
    text = "She posted the video on Twitter and Instagram on Monday."
    mentions = find_mentions(parse(text, ("Twitter", "PERSON"), ("Instagram", "PERSON")))
    assert people(mentions) == [] and of_type(mentions, EntityType.ORG) == ["Twitter", "Instagram"]


def test_person_tag_on_a_brand_initials_or_a_figure_is_no_person(parse: Parse) -> None:
    text = "RocketX will fly for the SAG in Q3, Ann McKinley and Tom DeSantis said."
    slips = (("RocketX", "PERSON"), ("SAG", "PERSON"), ("Q3", "PERSON"), ("McKinley", "PERSON", 0),
             ("DeSantis", "PERSON", 0))  # fmt: skip
    mentions = find_mentions(parse(text, *slips))
    assert of_type(mentions, EntityType.ORG) == ["RocketX", "SAG"]
    assert of_type(mentions, EntityType.OTHER) == ["Q3"]
    assert "McKinley" in " ".join(people(mentions)) and "DeSantis" in " ".join(people(mentions))


def test_person_tag_on_a_street_is_dropped(parse: Parse) -> None:
    text = "Firefighters closed Harrow Lane after the blast."
    assert people(find_mentions(parse(text, ("Harrow Lane", "PERSON")))) == []
    town = "The band plays Blossom Music Center in Cuyahoga Falls on July 8."
    assert people(find_mentions(parse(town, ("Cuyahoga Falls", "PERSON")))) == []


def test_person_tag_on_a_common_noun_a_title_or_a_people_is_corrected(parse: Parse) -> None:
    text = (
        "Arson is suspected, and investigators said arson was likely. Sgt said nothing. "
        "Greeks marched as Greek police watched. Ann Page spoke, and Page was on the front page."
    )
    slips = [("Arson", "PERSON"), ("Sgt", "PERSON"), ("Greeks", "PERSON"), ("Page", "PERSON", 1)]
    mentions = find_mentions(parse(text, *slips))
    assert people(mentions) == ["Ann Page", "Page"]  # a surname the text also writes lower case stays
    assert "Greeks" in of_type(mentions, EntityType.NORP)


def test_company_short_name_tagged_as_nationality_is_the_company(parse: Parse) -> None:
    text = "Fires at Kettering Chemicals are rare, a Kettering spokesman said."
    mentions = find_mentions(parse(text, ("Kettering Chemicals", "ORG"), ("Kettering", "NORP", 1)))
    assert of_type(mentions, EntityType.ORG) == ["Kettering Chemicals", "Kettering"]


def test_untagged_name_after_an_honorific_is_found(parse: Parse) -> None:
    doc = parse("The mayor thanked Ms. Abernathy for her help.")
    doc.ents = []
    assert people(find_mentions(doc)) == ["Ms. Abernathy"]


def test_caption_index_is_kept(parse: Parse) -> None:
    mentions = find_mentions(parse("Helga Sorensen in Oslo on Monday."), caption=2)
    assert mentions and all(m.caption == 2 for m in mentions)


def test_a_place_a_speech_verb_follows_as_a_prepositions_object_is_no_speaker(parse: Parse) -> None:
    text = (
        "A Lorvik man pleaded guilty to threatening Ann Brook, the U.S. Attorney's Office for the Western "
        "District of New York announced Monday."
    )
    types = {m.text: m.type for m in find_mentions(parse(text))}
    assert types["New York"] is EntityType.GPE and types["Ann Brook"] is EntityType.PERSON


def test_a_person_whose_surname_is_a_place_word_is_a_person(parse: Parse) -> None:
    text = "Morrison said his predecessor, Fiona Hill, had warned him about the channel."
    types = {m.text: m.type for m in find_mentions(parse(text, ("Fiona Hill", "PERSON")))}
    assert types.get("Fiona Hill") is EntityType.PERSON


# --- find_descriptions ---------------------------------------------------------------------------------


def describe(doc: Doc) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for d in find_descriptions(doc, find_mentions(doc)):
        assert doc.text[d.span.start : d.span.end] == d.text
        found.setdefault(d.name, []).append(d.text)
    return found


def test_appositive_after_the_name(parse: Parse) -> None:
    text = '"It is too early," Anna Kowalska, a policy fellow at the Baltic Institute, told AFP.'
    assert describe(parse(text)) == {"Anna Kowalska": ["a policy fellow at the Baltic Institute"]}


def test_appositive_without_article(parse: Parse) -> None:
    text = "Sergei Antonov, director of the Northern Energy Center, said prices would rise."
    assert describe(parse(text)) == {"Sergei Antonov": ["director of the Northern Energy Center"]}


def test_a_hyphenated_appositive_is_whole(parse: Parse) -> None:
    text = "Laurent Marsh, a co-producer of the telecast, said comedians were not wanted."
    found = describe(parse(text, ("Laurent Marsh", "PERSON")))
    assert found == {"Laurent Marsh": ["a co-producer of the telecast"]}


def test_of_phrase_after_the_name(parse: Parse) -> None:
    text = "The deal is not done, Pavel Orlov, of independent consultancy GasWatch, told the newspaper."
    assert describe(parse(text)) == {"Pavel Orlov": ["of independent consultancy GasWatch"]}


def test_a_bracket_the_description_opens_is_closed(parse: Parse) -> None:
    text = '"The boats fled," said Captain Manohar Nambiar, chief spokesman (Defence).'
    assert describe(parse(text)) == {"Manohar Nambiar": ["chief spokesman (Defence)"]}


def test_description_after_the_attribution_verb(parse: Parse) -> None:
    text = '"Prices will fall," said Irina Volkova, a leading expert on energy markets, to The Ledger.'
    assert describe(parse(text)) == {"Irina Volkova": ["a leading expert on energy markets"]}


def test_descriptor_before_the_name(parse: Parse) -> None:
    text = '"They are tough negotiators," Polish political scientist Marek Nowak told AFP.'
    assert describe(parse(text)) == {"Marek Nowak": ["Polish political scientist"]}


def test_a_noun_the_name_opens_a_clause_after_is_no_description(nlp: Language) -> None:
    # the parse of the bench page, set by hand: "prospect" a compound of the name, as if a title
    words = ["Aides", "feared", "leaks", ",", "a", "prospect", "Lindqvist", "denied", "."]
    heads = [1, 1, 1, 2, 6, 6, 7, 2, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "det", "compound", "nsubj", "relcl", "punct"]
    pos = ["NOUN", "VERB", "NOUN", "PUNCT", "DET", "NOUN", "PROPN", "VERB", "PUNCT"]
    ents = ["O"] * 6 + ["B-PERSON", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    assert find_descriptions(doc, find_mentions(doc)) == ()
    reporter = doc_with_role(nlp.vocab, "reporter")
    assert [d.text for d in find_descriptions(reporter, find_mentions(reporter))] == ["Ledger reporter"]


def doc_with_role(vocab: Vocab, role: str) -> Doc:
    """ "A Ledger <role> Ann Brook's source agreed.": a role noun after "a" still describes the name."""
    words = ["A", "Ledger", role, "Ann", "Brook", "'s", "source", "agreed", "."]
    heads = [6, 4, 4, 4, 6, 4, 7, 7, 7]
    deps = ["det", "compound", "compound", "compound", "poss", "case", "nsubj", "ROOT", "punct"]
    pos = ["DET", "PROPN", "NOUN", "PROPN", "PROPN", "PART", "NOUN", "VERB", "PUNCT"]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_role_before_the_name_and_a_comma(parse: Parse) -> None:
    text = "The minister hosted Norway's top diplomat, Ingrid Lunde, in Bergen."
    assert describe(parse(text)) == {"Ingrid Lunde": ["Norway's top diplomat"]}


def test_relative_clause_and_lone_title_are_not_descriptions(parse: Parse) -> None:
    text = "President Tomas Reyna spoke first. Reyna, who took office in May, thanked the crews."
    assert describe(parse(text)) == {}


def test_several_peoples_words_and_a_clause_are_not_descriptions(parse: Parse) -> None:
    text = "The victims were Ann Brook and Ola Nordmann, both retired teachers, the police said."
    assert describe(parse(text)) == {}
    text = "The Harbour FC would sign Ola Nordmann, the club is the only one that can pay him."
    assert describe(parse(text)) == {}


def test_description_names_the_fullest_name_in_the_text(parse: Parse) -> None:
    text = 'Oskar Lindahl runs the firm. "We will pay," Mr. Lindahl, its chief executive, said.'
    assert describe(parse(text)) == {"Oskar Lindahl": ["its chief executive"]}


def test_slips_are_set_as_asked(parse: Parse) -> None:
    doc = parse("Tomasz Wrobel spoke.", ("Tomasz Wrobel", "WORK_OF_ART"))
    assert [(e.text, e.label_) for e in doc.ents] == [("Tomasz Wrobel", "WORK_OF_ART")]
    assert isinstance(doc.ents[0], SpacySpan)


def test_a_ship_the_parser_calls_a_person_is_no_person(parse: Parse) -> None:
    text = (
        "Admiral Sureesh Mehta praised the crew.\n\nINS Mysore opened fire across the dhow.\n\n"
        "“The pirates surrendered quite easily,” he said."
    )
    doc = parse(text, ("INS Mysore", "PERSON"))
    types = {m.text: m.type for m in find_mentions(doc)}
    assert types.get("INS Mysore") in (None, EntityType.OTHER)
    assert types["Admiral Sureesh Mehta"] is EntityType.PERSON
    (q,) = find_quotes(doc, text=text)
    assert q.speaker == "Sureesh Mehta"  # "he" skips the ship


def test_a_rank_alone_the_ner_took_for_a_name_is_no_person(parse: Parse) -> None:
    text = "Lawmakers questioned Lt Col Alexander Vindman, a Ukraine specialist, on Tuesday."
    doc = parse(text, ("Lt Col", "PERSON"), ("Alexander Vindman", "PERSON"))
    people = [m.text for m in find_mentions(doc) if m.type is EntityType.PERSON]
    assert people == ["Lt Col Alexander Vindman"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Investigators looked at the energy company Burisma in 2019.", "Burisma", EntityType.ORG),
        ("The game is made by the developer Tequila Works in Madrid.", "Tequila Works", EntityType.ORG),
        ("Reporters waited outside the White House for hours.", "White House", EntityType.ORG),
        # a person's trade before their name; a sentence's noun before a person
        ("The game developer John Romero spoke first.", "John Romero", EntityType.PERSON),
        ("The club Lionel Messi joined in 2021 paid a record fee.", "Lionel Messi", EntityType.PERSON),
    ],
)
def test_a_kind_of_organisation_before_a_name_makes_it_one(
    parse: Parse, text: str, name: str, kind: EntityType
) -> None:
    (found,) = [m for m in find_mentions(parse(text, (name, "PERSON"))) if m.text == name]
    assert found.type is kind


def test_a_subheads_verb_in_ing_is_not_part_of_a_name(parse: Parse) -> None:
    text = "The hearing went on.\n\n4. Questioning Anna Roe's judgment\n\nMorrison discussed concerns."
    doc = parse(text, ("Questioning Anna Roe", "PERSON"))
    names = [m.text for m in find_mentions(doc)]
    assert "Questioning Anna Roe" not in names and "Anna Roe" in names
    # a name in -ing opening a sentence stays whole
    doc = parse("The show ended.\n\nSterling Brown said he would return.", ("Sterling Brown", "PERSON"))
    assert [m.text for m in find_mentions(doc)] == ["Sterling Brown"]
