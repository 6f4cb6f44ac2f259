"""Questions asked beside what the guidance says: an address with its postcode, a figure the
owner says was only part, a budget's share, a year, the person in charge, the books, a count
of members; each read as the owner means it."""

from __future__ import annotations

import pytest

from assistant.composer import ExtractiveComposer
from assistant.composer.refusal import _holds_answer, adjacent_advice, unreported_record
from assistant.facts.answers import corrected_figure
from assistant.facts.extractor import supposes_own
from assistant.questions import read_question
from knowledge.documents import Chunk, DocType
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.retrieval import ScoredChunk


def _record(text: str, title: str) -> ScoredChunk:
    chunk = Chunk(id="catalogue/labs.json#0", source="catalogue/labs.json", title=title,
                  doc_type=DocType.CATALOGUE, text=text, context=title, locator="", index=0,
                  partner="University of Warwick")
    return ScoredChunk(chunk=chunk, score=1.0)


@pytest.fixture(scope="module")
def composer(embedder: SentenceTransformerEmbedder) -> ExtractiveComposer:
    return ExtractiveComposer(embedder)


@pytest.mark.parametrize("question", ["Where exactly is the seed store?",
                                      "What's the address of the seed store for our driver?"])
def test_where_a_facility_is_gives_its_postcode_with_its_location(
        composer: ExtractiveComposer, question: str) -> None:
    record = _record("Kind: facility\nDescription: A cold store for crop seed samples kept for "
                     "breeders.\nLocation: Wellesbourne Campus, Wellesbourne, Warwick\n"
                     "Postcode: CV35 9EF", "Seed Store")
    found = composer.compose(question, [record])
    assert "Wellesbourne Campus, Wellesbourne, Warwick CV35 9EF" in found.answer


def test_a_question_that_does_not_ask_where_keeps_the_postcode_quiet(
        composer: ExtractiveComposer) -> None:
    record = _record("Kind: facility\nDescription: A cold store for crop seed samples kept for "
                     "breeders.\nLocation: Wellesbourne Campus, Wellesbourne, Warwick\n"
                     "Postcode: CV35 9EF", "Seed Store")
    assert "CV35 9EF" not in composer.compose("What does the seed store keep?", [record]).answer


@pytest.mark.parametrize(("text", "figure"), [
    # the figure given before, said to be only part of the answer: not the correction
    ("sorry, ignore that, 6 was only the drivers, with the two of us in the office we're 8", None),
    ("apologies, 3 is just the ones on site", None),
    ("sorry, 300", "300"),
    ("oops, 120 - I left out the night shift", "120"),
])
def test_a_figure_said_to_be_only_part_is_not_the_corrected_figure(text: str,
                                                                   figure: str | None) -> None:
    assert corrected_figure(text) == figure


@pytest.mark.parametrize(("question", "sentences", "unreported"), [
    ("How much of the £12 million has been allocated to the loans?",
     ["Each loan is between £25,000 and £100,000."], True),
    ("How much of the fund is earmarked for the vouchers?",
     ["£2 million is earmarked for vouchers."], False),
    ("How many businesses are signed up to the network today?",
     ["The network is open to any manufacturer in the region."], True),
    ("How many days are members of the network entitled to?", ["Members get 5 days."], False),
    # what the reader has had is no record of the scheme's
    ("What is the success rate of kiln studio bids?",
     ["Add the grants you have received in the last 3 years."], True),
    ("What is the success rate of kiln studio bids?",
     ["Since 2024, 60% of bids have been approved."], False),
])
def test_a_share_of_the_money_or_a_count_of_members_needs_a_sentence_that_gives_it(
        question: str, sentences: list[str], unreported: bool) -> None:
    assert unreported_record(question, sentences) is unreported


def test_how_to_account_for_a_grant_is_advice_the_guidance_does_not_give() -> None:
    asked = "Do we put the voucher in the accounts as income or against the asset?"
    assert adjacent_advice(asked, ["The voucher pays 50% of the eligible costs."]) is not None
    assert adjacent_advice("What counts towards the balance sheet total?",
                           ["The balance sheet total is the business's total assets."]) is None


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("which year did the test centre open?", "It opened in 2015 in the old works.", True),
    ("which year did the test centre open?", "It is open to any manufacturer.", False),
    ("whos the person in charge of the hub? name please",
     "The hub works with partners across the region.", False),
    ("whos the person in charge of the hub?",
     "The person in charge of the hub is Dr Asha Patel.", True),
    # a post's own name is no one's name
    ("Who is the Valley Scheme Director?",
     "The Valley Scheme Director, or a deputy, reviews each complaint.", False),
    ("Who is the Valley Scheme Director?", "The Valley Scheme Director is Tom Baker.", True),
])
def test_a_year_or_the_person_in_charge_asked_for(question: str, text: str, holds: bool) -> None:
    assert _holds_answer(read_question(question), text) is holds


@pytest.mark.parametrize(("text", "kind"), [
    ("were a bakery in Leek, how much could we get", "amount"),
    ("were based in Walsall. how long does a claim take", "when"),
    ("Were the rules different last year?", "yes_no"),
])
def test_were_for_we_re_is_not_a_yes_no_question(text: str, kind: str) -> None:
    assert read_question(text).kind == kind


def test_whether_a_place_opens_at_weekends_needs_its_hours() -> None:
    asked = read_question("is the prototyping workshop open at weekends?")
    assert not _holds_answer(asked, "The prototyping workshop has laser cutters and 3D printers.")
    assert _holds_answer(asked, "The prototyping workshop is open Saturdays 9:00-13:00.")


def test_a_description_s_later_sentences_answer_too(composer: ExtractiveComposer) -> None:
    record = _record("Kind: facility\nDescription: A shared pilot bakery for new recipes. Firms "
                     "book it by the half day. It opened in 2011 beside the old mill.\n"
                     "Location: Mill Lane, Leek", "Pilot Bakery")
    found = composer.compose("Which year did the pilot bakery open?", [record])
    assert "It opened in 2011 beside the old mill. [1]" in found.answer


def test_whether_a_place_has_something_needs_a_line_that_speaks_of_it() -> None:
    asked = read_question("is there a canteen at the pilot bakery?")
    assert not _holds_answer(asked, "The pilot bakery is on Mill Lane, Leek.")
    assert _holds_answer(asked, "There is no canteen at the pilot bakery.")
    # a noun made of a verb is said as itself, not as its stem: parking is not a park
    asked = read_question("is there parking at the pilot bakery?")
    assert not _holds_answer(asked, "The pilot bakery is on Riverside Business Park, Leek.")
    assert _holds_answer(asked, "Visitors' parking is free at the pilot bakery.")
    # how to get there: "from" a place
    asked = read_question("is there a bus from Leek station to the pilot bakery?")
    assert not _holds_answer(asked, "The pilot bakery is on Mill Lane, Leek.")
    assert _holds_answer(asked, "The number 16 bus stops outside the pilot bakery.")


def test_whether_a_place_has_a_thing_needs_a_line_naming_that_thing() -> None:
    asked = read_question("Does the Harbour Materials Lab have a salt fog cabinet?")
    # its other cabinets do not say whether it has this one
    assert not _holds_answer(asked, "Equipment: humidity cabinets, fog lamps, tensile frames")
    assert _holds_answer(asked, "Equipment: a salt fog cabinet and tensile frames")
    asked = read_question("has the pilot bakery got its own proving room we could book")
    assert not _holds_answer(asked, "The pilot bakery has ovens and a mixing room.")
    assert _holds_answer(asked, "The pilot bakery has a proving room and two ovens.")


def test_a_sum_the_question_gives_does_not_answer_it() -> None:
    asked = read_question("I know the council put in £30k, but how much did the college add?")
    assert not _holds_answer(asked, "The council put in £30k towards the kiln studio.")
    assert _holds_answer(asked, "The college added £12k towards the kiln studio.")


def test_a_price_asked_of_a_thing_is_a_price_said_of_it() -> None:
    asked = read_question("How much does it cost per week to hire a kiln at the studio?")
    assert not _holds_answer(asked, "Grants are between £2,000 and £15,000.\nThe studio has a "
                                    "kiln that members can hire.")
    assert _holds_answer(asked, "Members can hire the studio's kiln for £80 a week.")


@pytest.mark.parametrize(("text", "supposed"), [
    ("Just curious, what if we took on 200 more people?", True),
    ("Suppose we'd only been going four months, would that matter?", True),
    ("If we had 600 staff, would we still get it?", True),
    ("If we had a CVA in 2018, would that count against us?", False),
    ("If we get the grant, when is it paid?", False),
    ("We had 300 staff last year. Do we qualify?", False),
])
def test_the_asker_s_business_supposed_otherwise(text: str, supposed: bool) -> None:
    assert supposes_own(text) is supposed


def test_whether_there_is_somewhere_to_do_something_is_not_a_thing_asked_of_a_place() -> None:
    asked = read_question("Is there anywhere in the network we could test our drones?")
    assert _holds_answer(asked, "The flight lab tests drones in a netted cage.")


@pytest.mark.parametrize(("question", "unknown"), [
    ("what's the direct line for the head of the pilot bakery? I'd rather ring them myself",
     "head of the pilot bakery"),
    ("can I have the bakery manager's mobile number", "bakery manager"),
    # the post's own contact is given
    ("what is the records officer's email?", None),
    # the team's contact is asked for, not a person's
    ("which number do I ring for the support desk?", None),
])
def test_a_person_s_own_contact_is_not_the_team_s(question: str, unknown: str | None) -> None:
    from assistant.composer.refusal import contact_of_unknown
    passages = ["Call the support desk on 0121 496 0000 (weekdays).\nThe pilot bakery is run by "
                "its head of bakery, who reports to the board.",
                "Records officer: Mill House, Leek. Email: records@bakery.example."]
    assert contact_of_unknown(question, passages) == unknown


@pytest.mark.parametrize(("question", "selected", "unreported"), [
    ("who runs the Green Kilns Centre? I'd need the person's name",
     ["The Green Kilns Centre, run by Leek College, opened in 2015."], True),
    ("who runs the Green Kilns Centre? I'd need the person's name",
     ["The Green Kilns Centre is run by Mary Hollins, its founder."], False),
])
def test_a_person_s_name_asked_beside_the_question(question: str, selected: list[str],
                                                   unreported: bool) -> None:
    assert unreported_record(read_question(question).text, selected, question) is unreported


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("We had a kiln voucher last spring. Could we have a second voucher this year?",
     "A kiln voucher pays 60% of a firing trial.", False),
    ("We had a kiln voucher last spring. Could we have a second voucher this year?",
     "A business can hold only one kiln voucher at a time; a second voucher may follow once "
     "the first is closed.", True),
    ("Our grant came through in March. Can we apply again next year?",
     "Grants are awarded in rounds.", False),
])
def test_the_same_support_again_needs_a_line_on_having_it_again(question: str, text: str,
                                                                holds: bool) -> None:
    assert _holds_answer(read_question(question), text) is holds
