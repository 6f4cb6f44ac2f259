"""Questions whose answer the guidance does not hold though a sentence near it does: what the
programme will do later, how long something takes when only another step's time is given, the
budget of one part of it, a programme's end beside a round's, and the owner's own figure put to
the answer of the question before."""

from __future__ import annotations

import pytest

from assistant.composer.refusal import (
    _holds_answer,
    adjacent_advice,
    unforetold,
    unreported_record,
)
from assistant.eligibility.wording import award_short_name
from assistant.questions import read_question
from knowledge.policy.schema import Award


@pytest.mark.parametrize(("question", "selected", "unanswered"), [
    # a later value, a later change, a later state: only a sentence that foretells it answers
    ("the cap is looked at every year, what will it be from June 2031?",
     ["The cap is looked at every June."], True),
    ("the cap is looked at every year, what will it be from June 2031?",
     ["From June 2031 the cap will be 40%."], False),
    ("Is the kiln studio expected to turn into a full centre?",
     ["The kiln studio supports potters in the valley."], True),
    ("Is the kiln studio expected to turn into a full centre?",
     ["The kiln studio is planned to become a full centre next spring."], False),
    ("will there still be vouchers going in 2033?", ["Vouchers pay 60% of the costs."], True),
    ("Will the day rate go up at some point?", ["Each day is valued at £900."], True),
    # the owner's own case is answered by the rules, not foretold
    ("will our rate change if we grow past 60 staff?", ["Medium firms get 30%."], False),
    # a question of now, with no later time in it
    ("What is the rate for a medium firm?", ["Medium firms get 30%."], False),
])
def test_what_the_programme_will_do_later_needs_a_sentence_that_foretells_it(
        question: str, selected: list[str], unanswered: bool) -> None:
    assert unforetold(read_question(question).text, selected) is unanswered
    assert unreported_record(read_question(question).text, selected, question) is unanswered


@pytest.mark.parametrize(("question", "text", "holds"), [
    # how long: a period, or the days it runs between; not a frequency or a date alone
    ("once the invoice is in, how long till the cash reaches us?",
     "Invoices are settled monthly in arrears.", False),
    ("once the invoice is in, how long till the cash reaches us?",
     "We settle each invoice within 15 working days.", True),
    ("how long is there for spending the voucher?", "Vouchers are paid on 1 June.", False),
    ("how long is there for spending the voucher?",
     "The voucher runs from 1 June 2027 to 30 November 2027.", True),
    ("how long is there for spending the voucher?", "Spend it until 30 November 2027.", True),
    # a time since is not a length
    ("how long ago did the centre open?", "The centre opened in 2015.", True),
])
def test_how_long_is_answered_by_a_length_of_time(question: str, text: str, holds: bool) -> None:
    assert _holds_answer(read_question(question), text) is holds


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("When does the whole scheme actually end?",
     "Window 2 opens on 3 March 2027 and closes on 9 June 2027.", False),
    ("When does the whole scheme actually end?",
     "The scheme ends on 31 March 2030.", True),
    ("When does our project have to end?",
     "The project must end by 31 March 2028.", True),
    ("what date is the grant webinar?", "A firm applying in May 2026 would use the 2026 rate.",
     False),
    ("what date is the grant webinar?", "The next webinar is on 4 February 2027.", True),
])
def test_an_end_or_an_event_is_dated_by_a_line_about_it(question: str, text: str,
                                                       holds: bool) -> None:
    assert _holds_answer(read_question(question), text) is holds


@pytest.mark.parametrize(("question", "unanswered"), [
    ("What's the budget for the Kiln Centre?", True),
    ("which of the three colleges gets the largest share of the funding", True),
    ("How is the money split between the partners?", True),
    ("What is the most a single project can get?", False),
])
def test_a_part_s_budget_needs_a_sentence_that_states_one(question: str,
                                                         unanswered: bool) -> None:
    selected = ["Projects get between £10,000 and £80,000."]
    assert unreported_record(read_question(question).text, selected, question) is unanswered


def test_an_allowance_on_the_tax_bill_is_advice_the_guidance_does_not_give() -> None:
    question = "is the annual investment allowance still open to them on the full kiln cost?"
    assert adjacent_advice(question, ["The grant pays half of the kiln."]) is not None
    assert adjacent_advice("What can the grant pay for?", ["The grant pays for kit."]) is None


@pytest.mark.parametrize(("message", "asked"), [
    ("what's the longest a studio project can last? would 20 months be ok",
     "what's the longest a studio project can last?"),
    ("What is the top length of a kiln study? Could ours run over 2 years?",
     "What is the top length of a kiln study?"),
    ("How much can we get? Can we apply for £50k?", "How much can we get?"),
    # a yes or no on its own stays the question
    ("We bought the kiln in May. Is that ok?", "Is that ok?"),
])
def test_the_owner_s_figure_put_to_the_answer_leaves_the_question_before(message: str,
                                                                        asked: str) -> None:
    assert read_question(message).text == asked


def test_the_length_of_a_named_project_asks_for_a_time() -> None:
    assert read_question("what is the max length of a kiln studio project?").kind == "when"


@pytest.mark.parametrize(("name", "kind", "short"), [
    ("Proof-of-Concept voucher", "voucher", "proof of concept"),
    ("Design-Sprint voucher", "voucher", "design sprint"),
    ("Studio Project", "grant", "studio project"),
    ("Seed voucher", "voucher", ""),  # one word left names nothing of its own
])
def test_an_award_is_named_by_its_name_less_its_noun(name: str, kind: str, short: str) -> None:
    award = Award.model_construct(kind=kind, name=name)
    assert award_short_name(award) == short


@pytest.mark.parametrize(("question", "selected", "unanswered"), [
    # an event's day: only a line naming the event with its day or how often it comes
    ("When is the next kiln masterclass?", ["Masterclasses teach glazing to members."], True),
    ("When is the next kiln masterclass?", ["Masterclasses run every month."], False),
    ("When is the next kiln masterclass?", ["A masterclass is held on 3 May 2027."], False),
    # "may" is a month only as one
    ("When is the next kiln masterclass?", ["Members may book a masterclass."], True),
    # what the programme has given out is its record
    ("How much funding has the kiln centre received so far?",
     ["The kiln centre offers firing time to members."], True),
    ("How much funding have we had from you so far?", ["Each firing is worth £200."], False),
])
def test_an_event_s_day_and_the_money_given_need_a_line_that_says_them(
        question: str, selected: list[str], unanswered: bool) -> None:
    assert unreported_record(read_question(question).text, selected, question) is unanswered


def test_initials_of_a_name_the_guidance_gives_are_no_unknown_scheme() -> None:
    from assistant.composer.refusal import unknown_scheme
    passages = ["Kiln Studio Projects are grants for potters."]
    assert unknown_scheme("What is the smallest KSP grant?", passages) is None
    assert unknown_scheme("What is the smallest NGF grant?", passages) == "NGF"


def test_that_is_does_not_end_the_question() -> None:
    asked = read_question("At what spend do we reach the cap, i.e. where does more stop helping?")
    assert asked.text.startswith("At what spend")


@pytest.mark.parametrize(("question", "selected", "unanswered"), [
    # things done, counted by any verb of the past: the record, which only a report answers
    ("How many kiln vouchers were dished out last spring?",
     ["Kiln vouchers are given in rounds."], True),
    ("How many enquiries did the studio field last year?",
     ["Send enquiries to the studio office."], True),
    ("How many kiln vouchers were dished out last spring?",
     ["So far 40 vouchers have been awarded."], False),
    # how many there are, or were needed: the rules, not the record
    ("How many firing slots are there each week?", ["There are 12 firing slots a week."], False),
    ("How many partners were involved in setting up the studio?",
     ["Three partners set up the studio."], False),
    # the most ever given, too
    ("What's the largest voucher the studio has ever handed over?",
     ["Vouchers are between £2,000 and £9,000."], True),
    # the typical size of an award is a record too
    ("What was the typical voucher amount last year?", ["Vouchers pay 60% of costs."], True),
    ("What is the typical timescale for a decision?",
     ["Typical timescale: a decision within 6 weeks."], False),
    # the days an event falls on: "monthly" tells none
    ("What dates does the glaze panel sit on next year?",
     ["The glaze panel meets monthly."], True),
    ("What dates does the glaze panel sit on next year?",
     ["The glaze panel meets on 3 March and 9 June."], False),
    ("When is the next glaze panel?", ["The glaze panel meets monthly."], False),
])
def test_a_count_of_what_was_done_and_an_event_s_dates_need_a_line_that_says_them(
        question: str, selected: list[str], unanswered: bool) -> None:
    assert unreported_record(read_question(question).text, selected, question) is unanswered


def test_a_measure_of_a_facility_asks_for_its_figure() -> None:
    asked = read_question("What temperature is the kiln room kept at?")
    assert not _holds_answer(asked, "The kiln room is temperature-controlled.")
    assert _holds_answer(asked, "The kiln room is kept at 21 °C.")


@pytest.mark.parametrize(("question", "unanswered"), [
    # the share of bids a panel approves is the programme's record, asked in the present
    ("Roughly what fraction of kiln voucher bids does the glaze panel say yes to?", True),
    ("What percentage of studio grant applications are turned down?", True),
    ("What share of the kiln costs does the voucher pay?", False),
])
def test_the_share_of_bids_approved_is_a_record(question: str, unanswered: bool) -> None:
    selected = ["Vouchers pay 60% of costs; the glaze panel meets monthly."]
    assert unreported_record(read_question(question).text, selected, question) is unanswered


def test_a_day_of_the_owner_s_is_no_numbered_name() -> None:
    from assistant.composer.refusal import Evidence, signals
    text = ["Work ends within 9 months of the offer."]
    asked = read_question("Our voucher offer is dated 2 June 2027; when must the work end?")
    assert signals(Evidence(asked, text, text, 0.6, 0.6))["named"] == 1.0
    # ... but a month asked about, which the guidance never names, is
    later = read_question("What will the glaze rate be from June 2031?")
    assert signals(Evidence(later, text, text, 0.6, 0.6))["named"] == 0.0


@pytest.mark.parametrize(("question", "text", "holds"), [
    # how a figure is worked out: a line that says how, not one that names it
    ("How is the reduced day price for a kiln worked out?",
     "Members may use the kiln at reduced day prices.", False),
    ("How is the reduced day price for a kiln worked out?",
     "The reduced day price is the full price less 40%, based on the hours booked.", True),
    ("How does the glaze panel score a bid's value for money?",
     "The glaze panel checks eligibility, value for money and outputs.", False),
    ("How does the glaze panel score a bid's value for money?",
     "Value for money is scored out of 10 against the cost per job.", True),
    # a choice is told by what is looked at
    ("How are studio places chosen?", "The studio checks each firm's plans for studio places.",
     True),
    ("How are studio places chosen?", "Studio places are free for a year.", False),
])
def test_how_a_figure_is_worked_out_needs_a_line_that_says_how(question: str, text: str,
                                                               holds: bool) -> None:
    assert _holds_answer(read_question(question), text) is holds


@pytest.mark.parametrize(("text", "holds"), [
    # a line on another case in the same period does not answer
    ("Keep receipts for the check period; if you sell the kiln within that time we may ask for "
     "the voucher back.", False),
    ("If another firm takes over the business, tell us; the voucher may be withdrawn.", True),
])
def test_what_happens_in_a_case_is_not_answered_by_its_period_alone(text: str,
                                                                    holds: bool) -> None:
    asked = read_question("What happens to the kiln voucher if a bigger firm takes us over "
                          "during the two-year check period?")
    assert _holds_answer(asked, text) is holds


@pytest.mark.parametrize(("text", "holds"), [
    ("Every kiln quote must be dated and on headed paper.", False),
    ("Kiln quotes must be no more than 3 months old.", True),
])
def test_how_old_asks_for_an_age(text: str, holds: bool) -> None:
    assert _holds_answer(read_question("How old can a kiln quote be when we send it?"),
                         text) is holds


@pytest.mark.parametrize(("question", "text", "holds"), [
    # who pays for a scheme: a line saying who funds it, not who runs it
    ("Which ministry or public body pays for the kiln scheme?",
     "The kiln scheme is run by the Valley Pottery Trust and Riverside University.", False),
    ("Who funds the kiln scheme?", "The kiln scheme is funded by the Department for Crafts.",
     True),
    ("Who runs the kiln scheme?", "The kiln scheme is run by the Valley Pottery Trust.", True),
    # who may be funded is no question of the funder
    ("Which potteries does the kiln scheme fund?", "Potteries in the valley can apply.", True),
])
def test_who_funds_a_scheme_needs_a_line_on_its_funding(question: str, text: str,
                                                        holds: bool) -> None:
    assert _holds_answer(read_question(question), text) is holds


@pytest.mark.parametrize(("text", "holds"), [
    # others lacking the thing say nothing of the studio's own
    ("Kiln Studio\nMost potters do not have a glaze room or the time to test glazes.", False),
    ("Kiln Studio > Facilities\nThe Kiln Studio has a glaze room members can book.", True),
    ("The Kiln Studio has no glaze room.", True),
])
def test_others_lacking_a_thing_do_not_say_whether_a_place_has_it(text: str,
                                                                   holds: bool) -> None:
    asked = read_question("Does the Kiln Studio have its own glaze room that members can book?")
    assert _holds_answer(asked, text) is holds


def test_a_body_said_to_be_publicly_funded_does_not_say_who_funds_the_scheme() -> None:
    asked = read_question("Who pays for the kiln scheme?")
    assert not _holds_answer(asked, "The Valley Pottery Trust runs the kiln scheme as a publicly "
                                    "funded body.")
